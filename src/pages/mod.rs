//! One module per view. `view_for` maps a route to its page.

pub mod assessment;
pub mod change;
pub mod compare;
pub mod funder_pack;
pub mod home;
pub mod lazy;
pub mod new_assessment;
pub mod not_found;
pub mod plan;
pub mod privacy;
pub mod report;
pub mod results;
pub mod roadmap;
pub mod scoring;
pub mod step;
pub mod workshop;

use crate::components;
use crate::core::route::Route;
use crate::i18n::{t, tf};
use crate::platform;
use leptos::prelude::*;

pub fn view_for(route: Route) -> AnyView {
    match route {
        Route::Home => titled(t("app.name"), home::HomePage),
        Route::NewAssessment => titled(page_title("new.title"), new_assessment::NewAssessmentPage),
        Route::Step { assessment, step } => with_assessment(assessment, move || {
            step::StepPage(step::StepPageProps { step })
        }),
        // The views below are not needed for the first question: their code comes in
        // chunks of its own, fetched when they first open (`lazy`).
        Route::Results { assessment } => with_assessment(assessment, || {
            components::lazy::view(crate::load!(lazy::results_page()))
        }),
        Route::Plan { assessment } => with_assessment(assessment, || {
            components::lazy::view(crate::load!(lazy::plan_page()))
        }),
        Route::Report { assessment } => with_assessment(assessment, || {
            components::lazy::view(crate::load!(lazy::report_page(false)))
        }),
        Route::SharedReport { assessment } => with_assessment(assessment, || {
            components::lazy::view(crate::load!(lazy::report_page(true)))
        }),
        Route::FunderPack { assessment } => with_assessment(assessment, || {
            components::lazy::view(crate::load!(lazy::funder_pack_page()))
        }),
        // Not through the loader: the snapshots of an assessment that is not here
        // compare too.
        Route::Change { assessment, from } => {
            components::lazy::view(crate::load!(lazy::change_page(assessment, from)))
        }
        Route::Workshop => titled(page_title("workshop.title"), || {
            components::lazy::view(crate::load!(lazy::workshop_page()))
        }),
        Route::Compare => titled(page_title("compare.title"), || {
            components::lazy::view(crate::load!(lazy::compare_page()))
        }),
        Route::Roadmap => titled(page_title("roadmap.title"), || {
            components::lazy::view(crate::load!(lazy::roadmap_page()))
        }),
        Route::Scoring => titled(page_title("scoring.title"), || {
            components::lazy::view(crate::load!(lazy::scoring_page()))
        }),
        Route::Privacy => titled(page_title("privacy.title"), || {
            components::lazy::view(crate::load!(lazy::privacy_page()))
        }),
        Route::NotFound => titled(page_title("not_found.title"), not_found::NotFoundPage),
    }
}

/// A view that needs no assessment, under its document title. Views of one assessment
/// set their own title, which names it.
fn titled<V: IntoView + 'static>(title: String, page: impl FnOnce() -> V) -> AnyView {
    platform::set_title(&title);
    page().into_any()
}

/// A view of the assessment the route names, once it is loaded.
fn with_assessment<V: IntoView + 'static>(
    id: String,
    page: impl Fn() -> V + Send + Sync + 'static,
) -> AnyView {
    view! { <assessment::AssessmentLoader id=id>{move || page()}</assessment::AssessmentLoader> }
        .into_any()
}

/// "<view> – Roadmap Readiness", for `document.title`.
pub fn page_title(key: &str) -> String {
    title_within(&t(key), &t("app.name"))
}

/// "<part> – <whole>": a document title made more specific, e.g. an assessment's name
/// before its view's title.
pub fn title_within(part: &str, whole: &str) -> String {
    tf("app.title", &[("part", &part), ("whole", &whole)])
}
