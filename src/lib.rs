//! Roadmap Readiness: a browser-only readiness self-assessment for the Strong Cities
//! ten-step roadmap. `core` holds the rules; everything else is the browser edge.

pub mod components;
pub mod core;
pub mod display;
pub mod downloads;
pub mod i18n;
pub mod pages;
pub mod platform;
pub mod state;
pub mod storage;
pub mod webcrypto;

use crate::core::route::Route;
use crate::i18n::t;
use leptos::prelude::*;

/// The whole app: a header, the view the URL fragment names, a footer.
#[component]
pub fn App() -> impl IntoView {
    let library = state::Library::for_app();
    provide_context(library);
    provide_context(state::WorkshopState::for_app(library));
    let editors = state::Editors::for_app(library);
    provide_context(editors.clone());
    // Leaving the page with a change that is not in storage asks first; so does leaving
    // a shared computer's assessment not exported since its last change (closing the tab
    // deletes it).
    let _ = window_event_listener(leptos::ev::beforeunload, move |event| {
        if editors.any_unsaved() || library.in_tab_unexported() {
            event.prevent_default();
            // What older browsers look for instead.
            event.set_return_value("");
        }
    });
    let route = RwSignal::new(Route::parse(&platform::current_hash()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&platform::current_hash()));
        platform::scroll_to_top();
        platform::focus_main_heading();
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            // The fragment is the router's; move focus without navigating.
            ev.prevent_default();
            platform::focus_main_heading();
        }>{t("app.skip_to_content")}</a>
        <header class="site-header">
            <a class="brand" href=Route::Home.href()>{t("app.name")}</a>
            <nav aria-label=t("app.nav_label")>
                <ul>
                    <li><a href=Route::Home.href()>{t("nav.home")}</a></li>
                    <li><a href=Route::NewAssessment.href()>{t("nav.new")}</a></li>
                    <li><a href=Route::Workshop.href()>{t("nav.workshop")}</a></li>
                    <li><a href=Route::Compare.href()>{t("nav.compare")}</a></li>
                    <li><a href=Route::Roadmap.href()>{t("nav.roadmap")}</a></li>
                    <li><a href=Route::Scoring.href()>{t("nav.scoring")}</a></li>
                </ul>
            </nav>
        </header>
        <components::in_tab::InTabBanner />
        <main id="main">
            {move || pages::view_for(route.get())}
        </main>
        <footer class="site-footer">
            <p>{t("app.privacy_footer")}" "<a href=Route::Privacy.href()>{t("app.privacy_link")}</a></p>
        </footer>
    }
}
