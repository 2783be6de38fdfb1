//! Placeholder, being built.
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn ScoringPage() -> impl IntoView {
    view! { <h1 tabindex="-1">{t("scoring.title")}</h1> }
}
