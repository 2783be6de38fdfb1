//! Step scores as a radar (SVG), one component for every chart of the app (`Chart`):
//! one profile, whose markers' shapes tell the band apart without colour; two outlines
//! (a city beside a community organisation, then beside now), told apart by line style
//! and marker shape, with a legend; or a median outline inside a band from one score to
//! another (the middle half of a workshop's participants). Each spoke is labelled with
//! the step's number, name and score (or scores). A table beside each chart holds the
//! same numbers for screen readers, so the picture is one `img` whose description
//! names that table.

use crate::core::scoring::Band;
use crate::display::format_score;
use crate::i18n::{content, t};
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

/// Text as SVG content or an attribute value: `&`, `<`, `>` and `"` escaped (a legend
/// holds assessment names, which may hold anything).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A marker of the band's shape, centred on (x, y), as SVG.
fn marker(band: Band, x: f64, y: f64) -> String {
    let class = format!("radar-marker band-{}", band.key());
    match band {
        Band::Foundational => format!(r#"<circle class="{class}" cx="{x:.1}" cy="{y:.1}" r="5"/>"#),
        Band::Developing => format!(
            r#"<rect class="{class}" x="{:.1}" y="{:.1}" width="9" height="9"/>"#,
            x - 4.5,
            y - 4.5
        ),
        Band::Established => format!(
            r#"<polygon class="{class}" points="{}"/>"#,
            polygon([(x, y - 6.5), (x + 6.5, y), (x, y + 6.5), (x - 6.5, y)].into_iter())
        ),
        Band::Leading => format!(
            r#"<polygon class="{class}" points="{}"/>"#,
            polygon([(x, y - 7.0), (x + 6.5, y + 5.0), (x - 6.5, y + 5.0)].into_iter())
        ),
    }
}

/// A small SVG of `content` for a legend, hidden from screen readers (the words beside
/// it say the same).
fn swatch(class: &str, width: u8, content: &str) -> String {
    format!(
        r#"<svg class="{class}" viewBox="0 0 {width} 16" width="{width}" height="16" aria-hidden="true" focusable="false">{content}</svg>"#
    )
}

/// The shape of a band's radar marker, alone, for the legend.
pub fn marker_swatch(band: Band) -> impl IntoView {
    view! { <span inner_html=swatch("marker-swatch", 16, &marker(band, 8.0, 8.5))></span> }
}

/// The scores of the ten steps, in the roadmap's order; `None` where a step has none.
pub type Scores = Vec<Option<f64>>;

/// What a radar draws.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    /// One profile; each marker's shape shows its band.
    One(Scores),
    /// Two outlines: the first solid with round markers, the second dashed with square
    /// ones; the labels name them in the legend.
    Two([(String, Scores); 2]),
    /// A median outline (round markers) inside a band from `low` to `high`.
    Band {
        median: Scores,
        low: Scores,
        high: Scores,
    },
}

impl Chart {
    /// The outlines drawn, each with the scores its spoke labels show.
    fn outlines(&self) -> Vec<&Scores> {
        match self {
            Chart::One(scores) => vec![scores],
            Chart::Two([(_, a), (_, b)]) => vec![a, b],
            Chart::Band { median, .. } => vec![median],
        }
    }
}

/// A marker that tells an outline apart by its shape: round for the first, square for
/// the second (never colour alone).
fn series_marker(series: usize, x: f64, y: f64) -> String {
    if series == 0 {
        format!(r#"<circle class="radar-marker series-0" cx="{x:.1}" cy="{y:.1}" r="4.5"/>"#)
    } else {
        format!(
            r#"<rect class="radar-marker series-{series}" x="{:.1}" y="{:.1}" width="8" height="8"/>"#,
            x - 4.0,
            y - 4.0
        )
    }
}

/// The legend of a chart of two outlines or of a band: what each line and area is.
fn legend(chart: &Chart) -> String {
    let line = |series: usize| {
        swatch(
            "series-swatch",
            32,
            &format!(
                r#"<line class="radar-line series-{series}" x1="1" y1="8" x2="31" y2="8"/>{}"#,
                series_marker(series, 16.0, 8.0)
            ),
        )
    };
    let items = match chart {
        Chart::One(_) => return String::new(),
        Chart::Two([(a, _), (b, _)]) => [(line(0), a.clone()), (line(1), b.clone())],
        Chart::Band { .. } => [
            (line(0), t("radar.median")),
            (
                swatch(
                    "series-swatch",
                    32,
                    r#"<rect class="radar-band" x="1" y="2" width="30" height="12"/>"#,
                ),
                t("radar.middle_half"),
            ),
        ],
    };
    let items: String = items
        .iter()
        .map(|(swatch, text)| format!("<li>{swatch}{}</li>", escape(text)))
        .collect();
    format!(r#"<ul class="radar-legend">{items}</ul>"#)
}

fn points(scores: &[Option<f64>]) -> Vec<(f64, f64)> {
    let count = scores.len();
    scores
        .iter()
        .enumerate()
        .map(|(index, score)| point(index, count, score.unwrap_or(0.0) / 100.0))
        .collect()
}

/// The area between two outlines, as one path of two rings filled even-odd.
fn band_path(low: &[Option<f64>], high: &[Option<f64>]) -> String {
    let ring = |scores: &[Option<f64>]| {
        let mut d = String::new();
        for (i, (x, y)) in points(scores).into_iter().enumerate() {
            d.push_str(&format!("{}{x:.1},{y:.1} ", if i == 0 { 'M' } else { 'L' }));
        }
        d.push('Z');
        d
    };
    format!("{} {}", ring(high), ring(low))
}

const RINGS: [f64; 4] = [25.0, 50.0, 75.0, 100.0];

/// The spoke labels: each step's number (bold) and short name, wrapped, then its score
/// or scores ("40 / 55", one per outline).
fn labels(outlines: &[&Scores]) -> String {
    let steps = &content::roadmap().steps;
    let count = steps.len();
    let mut out = String::new();
    for (index, step) in steps.iter().enumerate() {
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
        let line_y = |line: usize| top + LINE * (line as f64 + 1.0) - 4.0;
        out.push_str(&format!(
            r#"<text class="radar-label" text-anchor="{anchor}">"#
        ));
        for (line, text) in names.iter().enumerate() {
            let (bold, rest) = match text.split_once(' ') {
                Some((number, name)) if line == 0 => (number, format!(" {name}")),
                _ => ("", text.clone()),
            };
            out.push_str(&format!(
                r#"<tspan x="{x:.1}" y="{:.1}" class="radar-name"><tspan class="radar-number">{}</tspan>{}</tspan>"#,
                line_y(line),
                escape(bold),
                escape(&rest)
            ));
        }
        let score = outlines
            .iter()
            .map(|scores| format_score(scores.get(index).copied().flatten()))
            .collect::<Vec<_>>()
            .join(" / ");
        out.push_str(&format!(
            r#"<tspan x="{x:.1}" y="{:.1}" class="radar-score">{}</tspan></text>"#,
            line_y(names.len()),
            escape(&score)
        ));
    }
    out
}

/// The whole picture as SVG text, then the legend: drawn as one string, since it
/// changes only as a whole, with no reactive node of its own (which keeps the download
/// small for a chart drawn on five views).
pub fn svg(id: &str, title: &str, desc: &str, chart: &Chart) -> String {
    let count = content::roadmap().steps.len();
    let outlines = chart.outlines();
    let mut out = format!(
        r#"<svg role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMidYMid meet"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><g class="radar-grid">"#,
        escape(title),
        escape(desc)
    );
    for ring in RINGS {
        let class = if ring == 100.0 { "ring outer" } else { "ring" };
        let ring = polygon((0..count).map(|i| point(i, count, ring / 100.0)));
        out.push_str(&format!(r#"<polygon class="{class}" points="{ring}"/>"#));
    }
    for i in 0..count {
        let (x, y) = point(i, count, 1.0);
        out.push_str(&format!(
            r#"<line class="spoke" x1="{CX}" y1="{CY}" x2="{x:.1}" y2="{y:.1}"/>"#
        ));
    }
    out.push_str("</g>");
    if let Chart::Band { low, high, .. } = chart {
        out.push_str(&format!(
            r#"<path class="radar-band" fill-rule="evenodd" d="{}"/>"#,
            band_path(low, high)
        ));
    }
    let mut markers = String::new();
    for (series, scores) in outlines.iter().enumerate() {
        let class = match chart {
            Chart::One(_) => "radar-shape".to_owned(),
            _ => format!("radar-line series-{series}"),
        };
        out.push_str(&format!(
            r#"<polygon class="{class}" points="{}"/>"#,
            polygon(points(scores).into_iter())
        ));
        for (index, score) in scores.iter().enumerate() {
            let Some(score) = *score else { continue };
            let (x, y) = point(index, count, score / 100.0);
            markers.push_str(&match chart {
                Chart::One(_) => marker(Band::of(score), x, y),
                _ => series_marker(series, x, y),
            });
        }
    }
    out.push_str(r#"<g class="radar-ring-values">"#);
    for ring in RINGS {
        // Ring values between the first spoke and the last.
        let (x, y) = point(2 * count - 1, 2 * count, ring / 100.0);
        out.push_str(&format!(
            r#"<text class="ring-value" x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            y + 4.0,
            ring as i64
        ));
    }
    out.push_str(&format!(
        r#"</g><g class="radar-markers">{markers}</g>{}</svg>{}"#,
        labels(&outlines),
        legend(chart)
    ));
    out
}

/// A radar figure: `picture` is the chart's `svg` (`id` there makes its title's and
/// description's DOM ids, one radar per id on a page; its description names the table
/// that holds the same numbers), redrawn whenever it changes, then the caption.
pub fn radar_figure(picture: Signal<String>, caption: String) -> AnyView {
    view! {
        <figure class="radar">
            <div inner_html=move || picture.get()></div>
            <figcaption>{caption}</figcaption>
        </figure>
    }
    .into_any()
}

/// The radar of the assessment being edited: one profile.
#[component]
pub fn Radar() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (title, desc) = (t("results.radar_title"), t("results.radar_desc"));
    let picture = Signal::derive(move || {
        editor.profile.with(|p| {
            let scores = content::roadmap()
                .steps
                .iter()
                .map(|s| p.step(s.number).and_then(|s| s.score))
                .collect();
            svg("radar", &title, &desc, &Chart::One(scores))
        })
    });
    radar_figure(picture, t("results.radar_caption"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_is_the_ring_between_its_two_outlines() {
        let low = vec![Some(0.0); 10];
        let high = vec![Some(100.0); 10];
        let d = band_path(&low, &high);
        // The outer ring first, from the top spoke, then the inner ring at the centre.
        assert!(
            d.starts_with(&format!("M{CX:.1},{:.1} ", CY - RADIUS)),
            "{d}"
        );
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('Z').count(), 2);
        assert!(d.ends_with(&format!("L{CX:.1},{CY:.1} Z")), "{d}");
    }

    #[test]
    fn text_is_escaped_and_each_chart_draws_what_it_says() {
        let scores: Scores = (0..10).map(|n| Some(f64::from(n) * 10.0)).collect();
        let two = Chart::Two([
            ("<City> & \"co\"".into(), scores.clone()),
            ("Org".into(), vec![None; 10]),
        ]);
        let text = svg("r", "T", "D", &two);
        assert!(text.contains("&lt;City&gt; &amp; &quot;co&quot;"), "{text}");
        assert!(!text.contains("<City>"));
        assert_eq!(
            text.matches("radar-line series-1").count(),
            2,
            "outline and swatch"
        );
        assert_eq!(
            text.matches("<rect class=\"radar-marker series-1\"")
                .count(),
            1,
            "only the swatch: no score"
        );
        assert_eq!(
            text.matches("<circle class=\"radar-marker series-0\"")
                .count(),
            11
        );
        assert!(text.contains(">0 / –</tspan>") && text.contains(">90 / –</tspan>"));
        let one = svg("r", "T", "D", &Chart::One(scores.clone()));
        assert_eq!(one.matches("radar-marker band-").count(), 10);
        assert!(
            !one.contains("radar-legend"),
            "one profile's legend is the band legend"
        );
        let band = svg(
            "r",
            "T",
            "D",
            &Chart::Band {
                median: scores.clone(),
                low: scores.clone(),
                high: scores,
            },
        );
        assert_eq!(band.matches("<path class=\"radar-band\"").count(), 1);
        assert_eq!(band.matches("<li>").count(), 2);
    }

    #[test]
    fn each_outline_has_its_own_scores_on_the_labels() {
        let a: Scores = (0..10).map(|n| Some(f64::from(n) * 10.0)).collect();
        let b: Scores = vec![None; 10];
        let chart = Chart::Two([("City".into(), a.clone()), ("Org".into(), b.clone())]);
        assert_eq!(chart.outlines(), [&a, &b]);
        let band = Chart::Band {
            median: a.clone(),
            low: b.clone(),
            high: b,
        };
        assert_eq!(band.outlines(), [&a], "the band's edges carry no label");
    }

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
