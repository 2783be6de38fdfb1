//! The step scores as a table: the charts' accessible twin, and the numbers to check.
//! Also the few number formats every score view shares.

use crate::core::content;
use crate::core::route::Route;
use crate::core::scoring::{self, Band, StepScore};
use crate::i18n::{t, tf};
use crate::state::Editor;
use leptos::prelude::*;

/// "73" (rounded down, see `scoring::shown_score`) or "–" when a score does not exist.
pub fn format_score(score: Option<f64>) -> String {
    score.map_or_else(
        || t("results.no_value"),
        |s| scoring::shown_score(s).to_string(),
    )
}

/// "80 %" from a 0–1 fraction (rounded down), or "–".
pub fn format_percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(
        || t("results.no_value"),
        |f| tf("results.percent", &[("value", &scoring::shown_percent(f))]),
    )
}

/// A calculation's number: at most two decimals, without trailing zeros ("2.25", "37.5",
/// "50").
pub fn format_decimal(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// The band's name, or "–".
pub fn band_name(band: Option<Band>) -> String {
    band.map_or_else(
        || t("results.no_value"),
        |b| t(&format!("band.{}", b.key())),
    )
}

/// "3. Map threat and actors": a step's number and short name, as tables and bars
/// label it.
pub fn step_label(number: u8) -> String {
    let short = content::roadmap()
        .step(number)
        .map_or("", |s| s.short.as_str());
    tf("step.numbered", &[("number", &number), ("step", &short)])
}

/// "Step 3, Map threat and actors: 100 (Leading)".
pub fn step_in_words(step: &StepScore) -> String {
    let short = content::roadmap()
        .step(step.step)
        .map_or("", |s| s.short.as_str());
    tf(
        "results.step_in_words",
        &[
            ("number", &step.step),
            ("step", &short),
            ("score", &format_score(step.score)),
            ("band", &band_name(step.band())),
        ],
    )
}

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

#[cfg(test)]
mod tests {
    use super::format_decimal;

    #[test]
    fn decimals_lose_trailing_zeros() {
        assert_eq!(format_decimal(2.25), "2.25");
        assert_eq!(format_decimal(37.5), "37.5");
        assert_eq!(format_decimal(50.0), "50");
        assert_eq!(format_decimal(100.0 / 3.0), "33.33");
        assert_eq!(format_decimal(0.0), "0");
    }
}
