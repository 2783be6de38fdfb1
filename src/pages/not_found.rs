use crate::core::route::Route;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">{t("not_found.title")}</h1>
        <p>{t("not_found.body")}</p>
        <p><a href=Route::Home.href()>{t("loader.back_home")}</a></p>
    }
}
