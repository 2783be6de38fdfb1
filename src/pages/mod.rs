//! One module per view. `view_for` maps a route to its page.

pub mod assessment;
pub mod change;
pub mod compare;
pub mod funder_pack;
pub mod home;
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
        Route::Results { assessment } => with_assessment(assessment, results::ResultsPage),
        Route::Plan { assessment } => with_assessment(assessment, plan::PlanPage),
        Route::Report { assessment } => with_assessment(assessment, || {
            report::ReportPage(report::ReportPageProps { shared: false })
        }),
        Route::SharedReport { assessment } => with_assessment(assessment, || {
            report::ReportPage(report::ReportPageProps { shared: true })
        }),
        Route::FunderPack { assessment } => {
            with_assessment(assessment, funder_pack::FunderPackPage)
        }
        // Not through the loader: the snapshots of an assessment that is not here
        // compare too.
        Route::Change { assessment, from } => {
            change::ChangePage(change::ChangePageProps { assessment, from }).into_any()
        }
        Route::Workshop => titled(page_title("workshop.title"), workshop::WorkshopPage),
        Route::Compare => titled(page_title("compare.title"), compare::ComparePage),
        Route::Roadmap => titled(page_title("roadmap.title"), roadmap::RoadmapPage),
        Route::Scoring => titled(page_title("scoring.title"), scoring::ScoringPage),
        Route::Privacy => titled(page_title("privacy.title"), privacy::PrivacyPage),
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
