//! The step scores as a table: the charts' accessible twin, and the numbers to check.

use crate::core::route::Route;
use crate::core::scoring::StepScore;
use crate::display::{band_name, format_percent, format_score, step_label};
use crate::i18n::{content, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn ScoreTable() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = editor.assessment.with_untracked(|a| a.id.clone());
    // One reactive closure for the whole body: small code, and the profile changes as a
    // whole anyway.
    let rows = move || {
        editor.profile.with(|p| {
            content::roadmap()
                .steps
                .iter()
                .map(|step| {
                    let number = step.number;
                    let href = Route::Step {
                        assessment: id.clone(),
                        step: number,
                    }
                    .href();
                    let s = p.step(number);
                    let low = s.is_some_and(StepScore::low_confidence);
                    let confidence = match s {
                        Some(s) if s.score.is_some() && !low => t("results.confidence_ok"),
                        _ if low => String::new(),
                        _ => t("results.no_value"),
                    };
                    let answered = s.map_or_else(String::new, |s| {
                        tf(
                            "progress.answered_of",
                            &[("answered", &s.answered()), ("total", &s.total)],
                        )
                    });
                    view! {
                        <tr data-step=number>
                            <th scope="row"><a href=href>{step_label(number)}</a></th>
                            <td class="num">{format_score(s.and_then(|s| s.score))}</td>
                            <td>{band_name(s.and_then(StepScore::band))}</td>
                            <td class="num">{format_percent(s.and_then(|s| s.completeness))}</td>
                            <td class="num">{answered}</td>
                            <td>{low.then(|| view! { <span class="flag">{t("results.confidence_low")}</span> })}{confidence}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        // Scrolls sideways on its own at phone width rather than widening the page;
        // focusable so that the keyboard can scroll it too.
        <div class="table-scroll" role="region" aria-labelledby="score-table-caption" tabindex="0">
            <table class="scores" id="score-table">
                <caption id="score-table-caption">{t("results.table_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("results.col_step")}</th>
                        <th scope="col" class="num">{t("results.col_score")}</th>
                        <th scope="col">{t("results.col_band")}</th>
                        <th scope="col" class="num">{t("results.col_completeness")}</th>
                        <th scope="col" class="num">{t("results.col_answered")}</th>
                        <th scope="col">{t("results.col_confidence")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
