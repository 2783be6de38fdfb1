//! Step scores as horizontal bars, in HTML so that they reflow at phone width. Each bar
//! carries its score, band name, completeness and, where the score rests on too few
//! answers, a warning; bands differ by pattern as well as colour. The score table holds
//! the same data for screen readers, so the bars are hidden from them.

use crate::components::radar::marker_swatch;
use crate::core::scoring::{Band, StepScore};
use crate::display::{band_name, format_percent, format_score, step_label};
use crate::i18n::{content, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn ScoreChart() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let rows = move || {
        editor.profile.with(|p| {
            content::roadmap()
                .steps
                .iter()
                .map(|step| {
                    let s = p.step(step.number);
                    let score = s.and_then(|s| s.score);
                    let band = s.and_then(StepScore::band);
                    view! {
                        <li class="bar-row" data-step=step.number>
                            <span class="bar-label">{step_label(step.number)}</span>
                            <span class="bar-track">
                                // A CSSOM property, not a style attribute: the page's
                                // Content-Security-Policy refuses inline style attributes.
                                <span class=format!("bar-fill band-{}{}", band.map_or("none", Band::key), if score.is_none_or(|s| s <= 0.0) { " empty" } else { "" })
                                    style:width=format!("{}%", score.unwrap_or(0.0))></span>
                            </span>
                            <span class="bar-facts">
                                <strong class="bar-score">{format_score(score)}</strong>
                                " "
                                <span class="bar-band">{band.map(|b| band_name(Some(b))).unwrap_or_default()}</span>
                                <span class="bar-completeness">
                                    {tf("results.bar_facts", &[("completeness", &format_percent(s.and_then(|s| s.completeness)))])}
                                </span>
                                {s.is_some_and(StepScore::low_confidence).then(|| view! {
                                    <span class="flag">{t("results.low_confidence")}</span>
                                })}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="bars">
            <ol aria-hidden="true">{rows}</ol>
            <figcaption>{t("results.bars_caption")}</figcaption>
        </figure>
    }
}

/// The four bands: pattern, radar marker, name and the scores each covers.
#[component]
pub fn BandLegend() -> impl IntoView {
    view! {
        <ul class="band-legend" aria-label=t("results.legend_label")>
            {Band::ALL.into_iter().map(|band| {
                let (from, to) = band.shown_range();
                view! {
                    <li>
                        <span class=format!("swatch band-{}", band.key()) aria-hidden="true"></span>
                        {marker_swatch(band)}
                        <strong>{band_name(Some(band))}</strong>
                        " "
                        <span class="band-range">{tf("results.band_range", &[("from", &from), ("to", &to)])}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
