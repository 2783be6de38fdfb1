//! Step scores as horizontal SVG bars. Each bar carries its number as text, and bands
//! differ by pattern as well as colour; the table beside it holds the same data.

use crate::core::content;
use crate::i18n::t;
use crate::state::Editor;
use leptos::prelude::*;

const ROW: f64 = 28.0;
const LABEL_WIDTH: f64 = 190.0;
const BAR_WIDTH: f64 = 300.0;

#[component]
pub fn ScoreChart() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let steps = &content::roadmap().steps;
    let height = ROW * steps.len() as f64 + 24.0;
    let width = LABEL_WIDTH + BAR_WIDTH + 50.0;
    view! {
        <figure class="chart">
            <svg role="img" aria-labelledby="chart-title chart-desc"
                viewBox=format!("0 0 {width} {height}") preserveAspectRatio="xMinYMin meet">
                <title id="chart-title">{t("results.chart_title")}</title>
                <desc id="chart-desc">{t("results.chart_desc")}</desc>
                <defs>
                    <pattern id="band-developing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="band-developing-fill" />
                        <line x1="0" y1="0" x2="0" y2="6" class="pattern-line" />
                    </pattern>
                    <pattern id="band-established" width="6" height="6" patternUnits="userSpaceOnUse">
                        <rect width="6" height="6" class="band-established-fill" />
                        <circle cx="3" cy="3" r="1.2" class="pattern-dot" />
                    </pattern>
                </defs>
                {[0.0, 25.0, 50.0, 75.0, 100.0].into_iter().map(|tick| {
                    let x = LABEL_WIDTH + BAR_WIDTH * tick / 100.0;
                    view! {
                        <line class="grid" x1=x x2=x y1="0" y2=height - 18.0 />
                        <text class="tick" x=x y=height - 4.0 text-anchor="middle">{tick as i64}</text>
                    }
                }).collect_view()}
                {steps.iter().enumerate().map(|(index, step)| {
                    let number = step.number;
                    let y = ROW * index as f64;
                    let score = move || editor.profile.with(|p| p.step(number).and_then(|s| s.score));
                    view! {
                        <g class="bar-row">
                            <text class="bar-label" x="0" y=y + 18.0>{format!("{number}. {}", step.short)}</text>
                            <rect class=move || format!("bar {}", score().map_or("none", |s| crate::core::scoring::Band::of(s).key()))
                                x=LABEL_WIDTH y=y + 5.0 height=ROW - 10.0
                                width=move || BAR_WIDTH * score().unwrap_or(0.0) / 100.0 />
                            <text class="bar-value" x=move || LABEL_WIDTH + BAR_WIDTH * score().unwrap_or(0.0) / 100.0 + 6.0 y=y + 18.0>
                                {move || score().map_or_else(|| t("results.no_value"), |s| format!("{}", s.round() as i64))}
                            </text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{t("results.chart_caption")}</figcaption>
        </figure>
    }
}
