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

/// Starts the app: the visit's language first (its pack loaded when it is not English),
/// then the app drawn in it.
pub async fn start() {
    let failure = state::language::start().await;
    leptos::mount::mount_to_body(move || view! { <App language_failure=failure.clone() /> });
}

/// The whole app: a header, the view the URL fragment names, a footer, all drawn in the
/// language the page speaks and drawn again when it changes.
#[component]
pub fn App(
    /// Why the visit's language could not be had, when it could not (`start`).
    #[prop(default = None)]
    language_failure: Option<String>,
) -> impl IntoView {
    let language = state::LanguageState::for_app(language_failure);
    provide_context(language);
    let library = state::Library::for_app();
    provide_context(library);
    provide_context(state::WorkshopState::for_app(library));
    let editors = state::Editors::for_app(library);
    provide_context(editors.clone());
    // Typed text waiting for a pause in typing is written when the page is hidden or
    // left; leaving with a change that is still not in storage asks first, and so does
    // leaving a shared computer's assessment not exported since its last change (closing
    // the tab deletes it).
    let _ = window_event_listener(leptos::ev::visibilitychange, {
        let editors = editors.clone();
        move |_| editors.flush()
    });
    let _ = window_event_listener(leptos::ev::pagehide, {
        let editors = editors.clone();
        move |_| editors.flush()
    });
    let _ = window_event_listener(leptos::ev::beforeunload, move |event| {
        editors.flush();
        if editors.any_unsaved() || library.in_tab_unexported() {
            event.prevent_default();
            // What older browsers look for instead.
            event.set_return_value("");
        }
    });
    // Offline use: a new version, once installed, is announced (politely) and used from
    // the next load; stored assessments are never part of it.
    let update_ready = RwSignal::new(false);
    platform::register_service_worker(move || update_ready.set(true));
    let route = RwSignal::new(Route::parse(&platform::current_hash()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&platform::current_hash()));
        platform::scroll_to_top();
        platform::focus_main_heading();
    });

    let nav_links = || {
        view! {
            <ul>
                <li><a href=Route::Home.href()>{t("nav.home")}</a></li>
                <li><a href=Route::NewAssessment.href()>{t("nav.new")}</a></li>
                <li><a href=Route::Workshop.href()>{t("nav.workshop")}</a></li>
                <li><a href=Route::Compare.href()>{t("nav.compare")}</a></li>
                <li><a href=Route::Roadmap.href()>{t("nav.roadmap")}</a></li>
                <li><a href=Route::Scoring.href()>{t("nav.scoring")}</a></li>
            </ul>
        }
    };

    // Everything below is drawn in the current language; what the app holds lives
    // above, so a change of language loses nothing. The announcement of a change lives
    // outside what is redrawn, so that screen readers hear it.
    view! {
        {move || {
            language.current.track();
            view! {
                <a class="skip-link" href="#main" on:click=move |ev| {
                    // The fragment is the router's; move focus without navigating.
                    ev.prevent_default();
                    platform::focus_main_heading();
                }>{t("app.skip_to_content")}</a>
                <header class="site-header">
                    <a class="brand" href=Route::Home.href()>{t("app.name")}</a>
                    // On phones the links fold under "Menu" (CSS shows one of the two), so
                    // the first question is on the first screen.
                    <nav class="site-nav-wide" aria-label=t("app.nav_label")>{nav_links()}</nav>
                    <details class="site-nav-fold">
                        <summary>{t("app.menu")}</summary>
                        <nav aria-label=t("app.nav_label")>{nav_links()}</nav>
                    </details>
                    <components::language_switch::LanguageSwitch />
                </header>
                <div aria-live="polite">
                    {move || language.failure.get().map(|why| view! { <p class="language-failure">{why}</p> })}
                </div>
                <components::in_tab::InTabBanner />
                <main id="main">
                    <div class="update-notice" aria-live="polite">
                        {move || update_ready.get().then(|| view! { <p>{t("app.update_ready")}</p> })}
                    </div>
                    {move || pages::view_for(route.get())}
                </main>
                <footer class="site-footer">
                    <p>{t("app.privacy_footer")}" "<a href=Route::Privacy.href()>{t("app.privacy_link")}</a></p>
                </footer>
            }
        }}
        <p class="visually-hidden" aria-live="polite">{move || language.announced.get()}</p>
    }
}
