//! The ten step scores as a radar (SVG). Each spoke is labelled with the step's number,
//! name and score; the marker's shape tells the band apart without colour. The score
//! table holds the same numbers for screen readers, so the picture is one `img`.

use crate::core::content;
use crate::core::scoring::{Band, Profile};
use crate::display::format_score;
use crate::i18n::t;
use crate::state::Editor;
use leptos::prelude::*;

const WIDTH: f64 = 420.0;
const CX: f64 = WIDTH / 2.0;
const RADIUS: f64 = 95.0;
const LABEL_GAP: f64 = 14.0;
const LINE: f64 = 16.0;
/// Room above the chart for a label of two name lines and the score.
const CY: f64 = RADIUS + LABEL_GAP + 3.0 * LINE + 4.0;
const HEIGHT: f64 = 2.0 * CY + 8.0;
/// Longest name line, in characters, so that labels fit beside the chart.
const WRAP: usize = 12;

/// Where spoke `index` of `count` points at `fraction` (0–1) of the radius; the first
/// spoke points up and they go clockwise.
fn point(index: usize, count: usize, fraction: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / count as f64;
    let (cos, sin) = cos_sin(angle);
    (CX + RADIUS * fraction * cos, CY + RADIUS * fraction * sin)
}

/// Cosine and sine, from the browser's `Math` in the wasm: Rust's own would add libm's
/// implementations to the download (about 3 KiB compressed) for ten spokes.
fn cos_sin(angle: f64) -> (f64, f64) {
    #[cfg(target_arch = "wasm32")]
    return (js_sys::Math::cos(angle), js_sys::Math::sin(angle));
    #[cfg(not(target_arch = "wasm32"))]
    (angle.cos(), angle.sin())
}

fn polygon(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Greedy word wrap at `WRAP` characters; a longer word keeps a line to itself.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= WRAP => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A marker of the band's shape, centred on (x, y).
fn marker(band: Band, x: f64, y: f64) -> impl IntoView {
    let class = format!("radar-marker band-{}", band.key());
    match band {
        Band::Foundational => view! { <circle class=class cx=x cy=y r="5" /> }.into_any(),
        Band::Developing => {
            view! { <rect class=class x=x - 4.5 y=y - 4.5 width="9" height="9" /> }.into_any()
        }
        Band::Established => view! {
            <polygon class=class points=polygon([(x, y - 6.5), (x + 6.5, y), (x, y + 6.5), (x - 6.5, y)].into_iter()) />
        }
        .into_any(),
        Band::Leading => view! {
            <polygon class=class points=polygon([(x, y - 7.0), (x + 6.5, y + 5.0), (x - 6.5, y + 5.0)].into_iter()) />
        }
        .into_any(),
    }
}

/// The shape of a band's radar marker, alone, for the legend.
pub fn marker_swatch(band: Band) -> impl IntoView {
    view! {
        <svg class="marker-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            {marker(band, 8.0, 8.5)}
        </svg>
    }
}

/// The spoke labels, the shape and the markers for one profile.
fn picture(p: &Profile) -> impl IntoView {
    let steps = &content::roadmap().steps;
    let count = steps.len();
    let labels = steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let (x, y) = point(index, count, 1.0 + LABEL_GAP / RADIUS);
            let (dx, dy) = (x - CX, y - CY);
            let anchor = if dx > 20.0 {
                "start"
            } else if dx < -20.0 {
                "end"
            } else {
                "middle"
            };
            let names = wrap(&format!("{} {}", step.number, step.short));
            let block = LINE * (names.len() + 1) as f64;
            // Above the chart the block ends at the spoke; below it starts there; at the
            // sides it is centred on it.
            let top = if dy < -RADIUS * 0.5 {
                y - block + 4.0
            } else if dy > RADIUS * 0.5 {
                y + 8.0
            } else {
                y - block / 2.0 + 5.0
            };
            // Each line is (bold part, rest, class): the number in bold on the first, the
            // score on the last.
            let score = format_score(p.step(step.number).and_then(|s| s.score));
            let lines = names
                .into_iter()
                .enumerate()
                .map(|(line, text)| match text.split_once(' ') {
                    Some((number, name)) if line == 0 => {
                        (number.to_owned(), format!(" {name}"), "radar-name")
                    }
                    _ => (String::new(), text, "radar-name"),
                })
                .chain(std::iter::once((String::new(), score, "radar-score")));
            view! {
                <text class="radar-label" text-anchor=anchor>
                    {lines.enumerate().map(|(line, (bold, rest, class))| {
                        let y = top + LINE * (line as f64 + 1.0) - 4.0;
                        view! { <tspan x=x y=y class=class><tspan class="radar-number">{bold}</tspan>{rest}</tspan> }
                    }).collect_view()}
                </text>
            }
        })
        .collect_view();
    let shape = polygon((0..count).map(|index| {
        let score = p.step(steps[index].number).and_then(|s| s.score);
        point(index, count, score.unwrap_or(0.0) / 100.0)
    }));
    let markers = steps
        .iter()
        .enumerate()
        .filter_map(|(index, step)| {
            let score = p.step(step.number)?.score?;
            let (x, y) = point(index, count, score / 100.0);
            Some(marker(Band::of(score), x, y))
        })
        .collect_view();
    view! {
        <polygon class="radar-shape" points=shape />
        <g class="radar-ring-values">
            {RINGS.into_iter().map(|ring| {
                // Ring values between the first spoke and the last.
                let (x, y) = point(2 * count - 1, 2 * count, ring / 100.0);
                view! {
                    <text class="ring-value" x=x y=y + 4.0 text-anchor="middle">{ring as i64}</text>
                }
            }).collect_view()}
        </g>
        <g class="radar-markers">{markers}</g>
        {labels}
    }
}

const RINGS: [f64; 4] = [25.0, 50.0, 75.0, 100.0];

#[component]
pub fn Radar() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let count = content::roadmap().steps.len();
    view! {
        <figure class="radar">
            <svg role="img" aria-labelledby="radar-title radar-desc"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="xMidYMid meet">
                <title id="radar-title">{t("results.radar_title")}</title>
                <desc id="radar-desc">{t("results.radar_desc")}</desc>
                <g class="radar-grid">
                    {RINGS.into_iter().map(|ring| view! {
                        <polygon class=if ring == 100.0 { "ring outer" } else { "ring" }
                            points=polygon((0..count).map(|i| point(i, count, ring / 100.0))) />
                    }).collect_view()}
                    {(0..count).map(|i| {
                        let (x, y) = point(i, count, 1.0);
                        view! { <line class="spoke" x1=CX y1=CY x2=x y2=y /> }
                    }).collect_view()}
                </g>
                {move || editor.profile.with(picture)}
            </svg>
            <figcaption>{t("results.radar_caption")}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrap_at_word_boundaries() {
        assert_eq!(
            wrap("3 Map threat and actors"),
            ["3 Map threat", "and actors"]
        );
        assert_eq!(wrap("1 Engage communities"), ["1 Engage", "communities"]);
        assert_eq!(wrap("8 Training"), ["8 Training"]);
    }

    #[test]
    fn every_label_fits_inside_the_picture() {
        // A generous 8 px per character at the label size (15 px).
        for step in &content::roadmap().steps {
            let index = usize::from(step.number - 1);
            let (x, _) = point(index, 10, 1.0 + LABEL_GAP / RADIUS);
            let widest = wrap(&format!("{} {}", step.number, step.short))
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap() as f64
                * 8.0;
            let (left, right) = if x - CX > 20.0 {
                (x, x + widest)
            } else if x - CX < -20.0 {
                (x - widest, x)
            } else {
                (x - widest / 2.0, x + widest / 2.0)
            };
            assert!(
                left >= 0.0 && right <= WIDTH,
                "step {}: {left}..{right}",
                step.number
            );
        }
    }
}
