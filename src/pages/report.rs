//! Placeholder, being built.
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <h1 tabindex="-1">{t("report.title")}</h1> }
}
