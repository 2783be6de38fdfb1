//! Placeholder, being built.
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    view! { <h1 tabindex="-1">{t("roadmap.title")}</h1> }
}
