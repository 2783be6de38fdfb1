//! The step scores as a table: the chart's accessible twin, and the numbers to check.

use crate::core::content;
use crate::core::route::Route;
use crate::i18n::{t, tf};
use crate::state::Editor;
use leptos::prelude::*;

/// "73" or "–" when a score does not exist.
pub fn format_score(score: Option<f64>) -> String {
    score.map_or_else(
        || t("results.no_value"),
        |s| format!("{}", s.round() as i64),
    )
}

/// "80 %" from a 0–1 fraction, or "–".
pub fn format_percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(
        || t("results.no_value"),
        |f| {
            tf(
                "results.percent",
                &[("value", &((f * 100.0).round() as i64))],
            )
        },
    )
}

#[component]
pub fn ScoreTable() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = editor.assessment.with_untracked(|a| a.id.clone());
    view! {
        <table class="scores" id="score-table">
            <caption>{t("results.table_caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("results.col_step")}</th>
                    <th scope="col">{t("results.col_score")}</th>
                    <th scope="col">{t("results.col_band")}</th>
                    <th scope="col">{t("results.col_completeness")}</th>
                    <th scope="col">{t("results.col_answered")}</th>
                </tr>
            </thead>
            <tbody>
                {content::roadmap().steps.iter().map(|step| {
                    let number = step.number;
                    let href = Route::Step { assessment: id.clone(), step: number }.href();
                    let row = move || editor.profile.with(|p| p.step(number).cloned());
                    view! {
                        <tr data-step=number>
                            <th scope="row"><a href=href>{format!("{number}. {}", step.short)}</a></th>
                            <td class="num">{move || format_score(row().and_then(|s| s.score))}</td>
                            <td>{move || row().and_then(|s| s.band()).map_or_else(|| t("results.no_value"), |b| t(&format!("band.{}", b.key())))}</td>
                            <td class="num">{move || format_percent(row().and_then(|s| s.completeness))}</td>
                            <td class="num">{move || row().map(|s| tf("progress.answered_of", &[("answered", &s.answered()), ("total", &s.total)])).unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
