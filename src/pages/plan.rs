//! Placeholder, being built.
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn PlanPage() -> impl IntoView {
    view! { <h1 tabindex="-1">{t("plan.title")}</h1> }
}
