//! How values are shown, for pages and components alike: scores and percentages
//! (rounded down, see `core::scoring`), calculation numbers, band names, step labels,
//! dates, and DOM ids made from assessment ids. Every word comes from the catalogue.

use crate::core::scoring::{self, Band, StepScore};
use crate::i18n::{content, language, t, tf};

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

/// A calculation's number: at most two decimals, without trailing zeros, as the current
/// language writes it ("2.25", "37.5", "50"; "2,25" in French and Spanish).
pub fn format_decimal(value: f64) -> String {
    language().decimal(value, 2)
}

/// A calculation's number (`format_decimal`), or "–" when there is none.
pub fn display_decimal_or_dash(value: Option<f64>) -> String {
    value.map_or_else(|| t("results.no_value"), format_decimal)
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

/// An assessment's name, or for a snapshot "Springfield: Baseline (snapshot)", so that a
/// snapshot is never taken for its assessment where both are listed (the bin, import).
pub fn record_name(assessment: &crate::core::assessment::Assessment) -> String {
    match &assessment.snapshot {
        Some(mark) => tf(
            "snapshot.name_of",
            &[("name", &assessment.name), ("label", &mark.label)],
        ),
        None => assessment.name.clone(),
    }
}

/// "2026-11-28 14:05 UTC" (French and Spanish "28/11/2026 14:05 UTC") from an ISO
/// timestamp: the date as the current language writes it (`core::locale`).
pub fn display_date(iso: &str) -> String {
    let time: String = iso.chars().skip(11).take(5).collect();
    tf(
        "home.date_time",
        &[("date", &display_day(iso)), ("time", &time)],
    )
}

/// "2026-11-28" ("28/11/2026" in French and Spanish) from an ISO timestamp or date: the
/// day alone, as the current language writes it. Empty stays empty.
pub fn display_day(iso: &str) -> String {
    language().date(crate::core::format::date_part(iso))
}

/// A language's name in the current language ("French", « français »), from its tag;
/// a tag the app does not speak shows as it is.
pub fn language_name(tag: &str) -> String {
    match crate::i18n::Language::from_tag(tag) {
        Some(language) => t(&format!("language.name.{}", language.tag())),
        None => tag.to_owned(),
    }
}

/// A DOM id from a prefix and an assessment id, which may hold any character (an
/// imported id can have spaces): letters, digits, `-` and `_` are kept, anything else
/// becomes `.` and its code point in hex, so two ids never give the same DOM id.
pub fn dom_id(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len() + 1);
    out.push_str(prefix);
    out.push('-');
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!(".{:x}.", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_lose_trailing_zeros() {
        assert_eq!(format_decimal(2.25), "2.25");
        assert_eq!(format_decimal(37.5), "37.5");
        assert_eq!(format_decimal(50.0), "50");
        assert_eq!(format_decimal(100.0 / 3.0), "33.33");
        assert_eq!(format_decimal(0.0), "0");
    }

    #[test]
    fn dom_ids_hold_no_spaces_and_never_collide() {
        assert_eq!(dom_id("saved", "abc-1_2"), "saved-abc-1_2");
        let spaced = dom_id("saved", "a b");
        assert!(!spaced.contains(' '));
        assert_ne!(dom_id("saved", "a b"), dom_id("saved", "a.20.b"));
        assert_ne!(dom_id("saved", "a/b"), dom_id("saved", "a b"));
    }
}
