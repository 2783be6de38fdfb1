//! One module per view. `view_for` maps a route to its page.

pub mod assessment;
pub mod home;
pub mod new_assessment;
pub mod not_found;
pub mod plan;
pub mod report;
pub mod results;
pub mod roadmap;
pub mod scoring;
pub mod step;

use crate::core::route::Route;
use crate::i18n::t;
use crate::platform;
use leptos::prelude::*;

pub fn view_for(route: Route) -> AnyView {
    match route {
        Route::Home => {
            platform::set_title(&t("app.name"));
            home::HomePage().into_any()
        }
        Route::NewAssessment => {
            platform::set_title(&page_title("new.title"));
            new_assessment::NewAssessmentPage().into_any()
        }
        Route::Step { assessment, step } => view! {
            <assessment::AssessmentLoader id=assessment>
                {move || view! { <step::StepPage step=step /> }}
            </assessment::AssessmentLoader>
        }
        .into_any(),
        Route::Results { assessment } => view! {
            <assessment::AssessmentLoader id=assessment>
                {move || view! { <results::ResultsPage /> }}
            </assessment::AssessmentLoader>
        }
        .into_any(),
        Route::Plan { assessment } => view! {
            <assessment::AssessmentLoader id=assessment>
                {move || view! { <plan::PlanPage /> }}
            </assessment::AssessmentLoader>
        }
        .into_any(),
        Route::Report { assessment } => view! {
            <assessment::AssessmentLoader id=assessment>
                {move || view! { <report::ReportPage /> }}
            </assessment::AssessmentLoader>
        }
        .into_any(),
        Route::Roadmap => {
            platform::set_title(&page_title("roadmap.title"));
            roadmap::RoadmapPage().into_any()
        }
        Route::Scoring => {
            platform::set_title(&page_title("scoring.title"));
            scoring::ScoringPage().into_any()
        }
        Route::NotFound => {
            platform::set_title(&page_title("not_found.title"));
            not_found::NotFoundPage().into_any()
        }
    }
}

/// "<view> – Roadmap Readiness", for `document.title`.
pub fn page_title(key: &str) -> String {
    format!("{} – {}", t(key), t("app.name"))
}
