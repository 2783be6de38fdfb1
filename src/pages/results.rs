//! Results: the overall index, each step's score and completeness as a chart and a
//! table, and the export.

use crate::components::score_chart::ScoreChart;
use crate::components::score_table::{format_percent, format_score, ScoreTable};
use crate::core::route::Route;
use crate::i18n::{t, tf};
use crate::pages::page_title;
use crate::platform;
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (id, name, perspective, mode) = editor
        .assessment
        .with_untracked(|a| (a.id.clone(), a.name.clone(), a.perspective, a.mode));
    platform::set_title(&format!("{} – {}", name, page_title("results.title")));
    let overall = move || {
        editor.profile.with(|p| {
            (
                format_score(p.overall),
                p.band().map(|b| t(&format!("band.{}", b.key()))),
                format_percent(p.completeness),
            )
        })
    };

    view! {
        <p class="context">
            {name.clone()}" · "{t(&format!("perspective.{}", perspective.as_str()))}
            " · "{t(&format!("mode.{}", mode.as_str()))}
        </p>
        <h1 tabindex="-1">{tf("results.heading", &[("name", &name)])}</h1>
        <section class="summary" aria-labelledby="overall-heading">
            <h2 id="overall-heading">{t("results.overall_heading")}</h2>
            <dl class="facts big">
                <dt>{t("results.overall_score")}</dt>
                <dd data-testid="overall-score">{move || overall().0}</dd>
                <dt>{t("results.band")}</dt>
                <dd data-testid="overall-band">{move || overall().1.unwrap_or_else(|| t("results.no_score"))}</dd>
                <dt>{t("results.completeness")}</dt>
                <dd data-testid="overall-completeness">{move || overall().2}</dd>
            </dl>
            <p class="hint">{t("results.scoring_rule")}</p>
        </section>
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t("results.steps_heading")}</h2>
            <ScoreChart />
            <ScoreTable />
        </section>
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{t("results.export_heading")}</h2>
            <p>{t("results.export_body")}</p>
            <p><button type="button" class="button primary" on:click=move |_| editor.export_json()>{t("results.export_json")}</button></p>
        </section>
        <p><a class="button" href=Route::Step { assessment: id, step: 1 }.href()>{t("results.back_to_questions")}</a></p>
    }
}
