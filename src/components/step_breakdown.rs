//! How one step score was made: each question's answer, weight, points and contribution,
//! then the sum, the division and the completeness, in words. Used on the results (one
//! per step, folded) and for the worked example on "How scores work".

use crate::components::data_table::{data_table, Cell, Row};
use crate::core::assessment::Response;
use crate::core::instrument::Instrument;
use crate::core::route::Route;
use crate::core::scoring::{self, Band, StepScore};
use crate::display::{band_name, format_decimal, format_percent, format_score};
use crate::i18n::{content, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

/// An answer in words: "Level 3", "Not applicable", "Don't know" or "Not answered".
pub fn answer_in_words(response: Option<Response>) -> String {
    match response {
        Some(Response::Level(level)) => tf("question.level", &[("level", &level)]),
        Some(Response::NotApplicable) => t("question.not_applicable"),
        Some(Response::DontKnow) => t("question.dont_know"),
        None => t("breakdown.not_answered"),
    }
}

/// The table and the calculation of one step score. `range` is what one more answer
/// could make of the score (`scoring::one_more_answer_range`), shown with the flag.
#[component]
pub fn StepCalculation(
    score: StepScore,
    instrument: &'static Instrument,
    range: Option<(f64, f64)>,
    #[prop(optional)] caption: Option<String>,
) -> impl IntoView {
    if score.total == 0 {
        return view! { <p>{t("breakdown.no_questions")}</p> }.into_any();
    }
    let caption = caption.unwrap_or_else(|| tf("breakdown.caption", &[("number", &score.step)]));
    let region_label = caption.clone();
    let rows = score
        .questions
        .iter()
        .map(|q| {
            let text = instrument
                .question(&q.question_id)
                .map_or(q.question_id.as_str(), |question| question.text.as_str());
            let points = q.points();
            Row {
                class: if points.is_some() {
                    "scored"
                } else {
                    "left-out"
                },
                cells: vec![
                    Cell::new(text),
                    Cell::new(answer_in_words(q.response)),
                    Cell::num(q.weight.to_string()),
                    Cell::num(points.map_or_else(|| t("breakdown.left_out"), format_decimal)),
                    Cell::num(
                        q.contribution
                            .map_or_else(|| t("results.no_value"), format_decimal),
                    ),
                ],
            }
        })
        .collect();
    let columns = vec![
        Cell::new(t("breakdown.col_question")),
        Cell::new(t("breakdown.col_answer")),
        Cell::num(t("breakdown.col_weight")),
        Cell::num(t("breakdown.col_points")),
        Cell::num(t("breakdown.col_contribution")),
    ];
    let points = format_decimal(score.points());
    let weights = score.scored_weight();
    let calculation = match score.score {
        Some(value) => {
            let exact = format_decimal(value);
            let shown = format_score(Some(value));
            view! {
                <p>{tf("breakdown.sum", &[("points", &points), ("weights", &weights)])}</p>
                <p class="formula">{tf("breakdown.score", &[("points", &points), ("weights", &weights), ("score", &exact)])}
                    " "{tf("breakdown.shown_as", &[("shown", &shown), ("band", &band_name(score.band()))])}</p>
            }
            .into_any()
        }
        None => view! { <p>{t("breakdown.no_score")}</p> }.into_any(),
    };
    let completeness = score.completeness.map(|_| {
        tf(
            "breakdown.completeness",
            &[
                ("scored", &score.scored),
                ("in_scope", &(score.total - score.not_applicable)),
                ("total", &score.total),
                ("not_applicable", &score.not_applicable),
                ("percent", &format_percent(score.completeness)),
            ],
        )
    });
    let flag = score.low_confidence().then(|| {
        let (low, high) = range.unwrap_or((0.0, 100.0));
        view! {
            <p class="flag-note"><span class="flag">{t("results.low_confidence")}</span>" "
                {tf("breakdown.low_confidence", &[
                    ("low", &format_score(Some(low))),
                    ("low_band", &band_name(Some(Band::of(low)))),
                    ("high", &format_score(Some(high))),
                    ("high_band", &band_name(Some(Band::of(high)))),
                ])}</p>
        }
    });
    view! {
        <div class="calculation">
            <div class="table-scroll" role="region" aria-label=region_label tabindex="0">
                {data_table("breakdown-table", caption, columns, 0, rows)}
            </div>
            {calculation}
            {completeness.map(|c| view! { <p>{c}</p> })}
            {flag}
        </div>
    }
    .into_any()
}

/// Every step of the assessment, folded, each opening onto its calculation.
#[component]
pub fn StepBreakdowns() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = editor.assessment.with_untracked(|a| a.id.clone());
    move || {
        let profile = editor.profile.get();
        editor.assessment.with(|a| {
            profile
                .steps
                .into_iter()
                .map(|s| {
                    let number = s.step;
                    let short = content::roadmap()
                        .step(number)
                        .map_or("", |step| step.short.as_str());
                    let href = Route::Step {
                        assessment: id.clone(),
                        step: number,
                    }
                    .href();
                    let summary = if s.score.is_some() {
                        tf(
                            "breakdown.summary_score",
                            &[
                                ("score", &format_score(s.score)),
                                ("band", &band_name(s.band())),
                                ("completeness", &format_percent(s.completeness)),
                            ],
                        )
                    } else {
                        t("breakdown.summary_none")
                    };
                    let range = scoring::one_more_answer_range(editor.instrument(), a, number);
                    view! {
                        <details class="breakdown" data-step=number>
                            <summary>
                                <span class="breakdown-step">{tf("breakdown.summary", &[("number", &number), ("step", &short)])}</span>
                                " "
                                <span class="breakdown-result">{summary}</span>
                            </summary>
                            <StepCalculation score=s instrument=editor.instrument() range=range />
                            <p><a href=href>{tf("breakdown.edit", &[("number", &number)])}</a></p>
                        </details>
                    }
                })
                .collect_view()
        })
    }
}
