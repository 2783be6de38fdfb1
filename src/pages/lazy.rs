//! The views the first question does not need, each in a wasm chunk of its own
//! (`components::lazy` says how), fetched the first time it opens.

use super::{change, compare, funder_pack, plan, privacy, report, results, roadmap};
use super::{scoring, workshop};
use crate::split_view;
use leptos::prelude::*;

split_view!(results: fn results_page() { Ok(results::ResultsPage().into_any()) });
split_view!(plan: fn plan_page() { Ok(plan::PlanPage().into_any()) });
split_view!(report: fn report_page(shared: bool) {
    Ok(report::ReportPage(report::ReportPageProps { shared }).into_any())
});
split_view!(funder_pack: fn funder_pack_page() { Ok(funder_pack::FunderPackPage().into_any()) });
split_view!(change: fn change_page(assessment: String, from: Option<String>) {
    Ok(change::ChangePage(change::ChangePageProps { assessment, from }).into_any())
});
split_view!(workshop: fn workshop_page() { Ok(workshop::WorkshopPage().into_any()) });
split_view!(compare: fn compare_page() { Ok(compare::ComparePage().into_any()) });
split_view!(roadmap: fn roadmap_page() { Ok(roadmap::RoadmapPage().into_any()) });
split_view!(scoring: fn scoring_page() { Ok(scoring::ScoringPage().into_any()) });
split_view!(privacy: fn privacy_page() { Ok(privacy::PrivacyPage().into_any()) });
