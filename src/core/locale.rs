//! The languages the app speaks and what differs between them besides words: which
//! language a browser's preferences choose, CLDR plural categories, and how numbers
//! are written. Plain data and rules, so that every language's behaviour is tested
//! natively; the catalogue (`i18n`) and the display helpers read from here.
//!
//! Plural rules are CLDR's (release 46) for the three languages, written out rather
//! than taken from a crate: three small rules cost nothing in the wasm, where
//! `intl_pluralrules` would bring every language's rules (see ARCHITECTURE.md).

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    En,
    Fr,
    Es,
}

/// CLDR plural categories the three languages use for whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Many,
    Other,
}

impl Plural {
    /// The catalogue key suffix: `_one`, `_many`, or none for "other".
    pub fn suffix(self) -> &'static str {
        match self {
            Plural::One => "_one",
            Plural::Many => "_many",
            Plural::Other => "",
        }
    }
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::Fr, Language::Es];

    /// The BCP 47 tag, as `<html lang>` and file names use it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
        }
    }

    /// A language's own name for itself, as a language switch shows it (never
    /// translated: a reader looks for the name of their own language).
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::Es => "Español",
        }
    }

    /// The language of a tag such as `fr`, `fr-CA` or `es_419`, ignoring case and region.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first of the browser's preferred languages (`navigator.languages`, most
    /// preferred first) that the app speaks; English when none is.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Language {
        preferred
            .into_iter()
            .find_map(Language::from_tag)
            .unwrap_or(Language::En)
    }

    /// The language of a visit: the person's own earlier choice (a tag the app stored)
    /// when it is one the app speaks, else the first of the browser's preferred
    /// languages that it speaks, else English.
    pub fn for_visit<'a>(
        chosen: Option<&str>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Language {
        chosen
            .and_then(Language::from_tag)
            .unwrap_or_else(|| Language::negotiate(preferred))
    }

    /// The plural category of a whole number `n`.
    pub fn plural(self, n: u64) -> Plural {
        // `many` in French and Spanish: a non-zero multiple of a million ("1 million
        // de réponses", with "de"); CLDR rule `e = 0 and i != 0 and i % 1000000 = 0`.
        let million = n != 0 && n.is_multiple_of(1_000_000);
        match self {
            Language::En => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            // French: `i = 0,1` is singular, so "0 réponse".
            Language::Fr => match n {
                0 | 1 => Plural::One,
                _ if million => Plural::Many,
                _ => Plural::Other,
            },
            Language::Es => match n {
                1 => Plural::One,
                _ if million => Plural::Many,
                _ => Plural::Other,
            },
        }
    }

    /// A calendar date ("2026-11-28", as the file format writes it) as the language
    /// writes dates in running text: English keeps the ISO form, which no reader takes
    /// for another day; French and Spanish write day/month/year ("28/11/2026"). A text
    /// that is not such a date is returned as it is.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let well_formed = matches!(parts.as_slice(), [y, m, d]
            if y.len() == 4 && m.len() == 2 && d.len() == 2
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
        match (self, well_formed) {
            (Language::Fr | Language::Es, true) => {
                format!("{}/{}/{}", parts[2], parts[1], parts[0])
            }
            _ => iso.to_owned(),
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Language::En => '.',
            Language::Fr | Language::Es => ',',
        }
    }

    /// The grouping separator and the fewest digits a number must have to be grouped
    /// (CLDR's minimumGroupingDigits: Spanish writes 1234 but 12.345).
    fn grouping(self) -> (char, usize) {
        match self {
            Language::En => (',', 4),
            // U+202F NARROW NO-BREAK SPACE, as CLDR writes French numbers.
            Language::Fr => ('\u{202F}', 4),
            Language::Es => ('.', 5),
        }
    }

    /// A whole number with the language's digit grouping: "12,345", "12 345", "12.345".
    pub fn integer(self, n: u64) -> String {
        let digits = n.to_string();
        let (separator, min_digits) = self.grouping();
        if digits.len() < min_digits {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// A number with at most `max_decimals` decimals and no trailing zeros, with the
    /// language's separators: "2.25" / "2,25", "37.5" / "37,5", "50".
    pub fn decimal(self, value: f64, max_decimals: usize) -> String {
        self.fixed(value, max_decimals, true)
    }

    /// A number with exactly `decimals` decimals: "5.0" / "5,0".
    pub fn fixed_decimals(self, value: f64, decimals: usize) -> String {
        self.fixed(value, decimals, false)
    }

    fn fixed(self, value: f64, decimals: usize, trim: bool) -> String {
        let mut text = String::new();
        let _ = write!(text, "{:.*}", decimals, value.abs());
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w.to_owned(), f.to_owned()),
            None => (text.clone(), String::new()),
        };
        let fraction = if trim {
            fraction.trim_end_matches('0').to_owned()
        } else {
            fraction
        };
        let whole: u64 = whole.parse().unwrap_or(0);
        let negative = value < 0.0 && (whole != 0 || !fraction.is_empty());
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        out.push_str(&self.integer(whole));
        if !fraction.is_empty() {
            out.push(self.decimal_separator());
            out.push_str(&fraction);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_preference_picks_the_first_language_spoken_here() {
        assert_eq!(Language::negotiate(["fr-CA", "en-US"]), Language::Fr);
        assert_eq!(Language::negotiate(["de-DE", "es-419", "fr"]), Language::Es);
        assert_eq!(Language::negotiate(["de", "it"]), Language::En);
        assert_eq!(Language::negotiate([]), Language::En);
        assert_eq!(Language::negotiate(["ES_mx"]), Language::Es);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn a_choice_made_here_outweighs_the_browser_s_preference() {
        assert_eq!(Language::for_visit(Some("es"), ["fr-FR"]), Language::Es);
        assert_eq!(Language::for_visit(Some("en"), ["fr-FR"]), Language::En);
        assert_eq!(Language::for_visit(None, ["fr-FR"]), Language::Fr);
        // A stored value the app does not speak (an older or a tampered entry) is ignored.
        assert_eq!(Language::for_visit(Some("de"), ["es"]), Language::Es);
        assert_eq!(Language::for_visit(Some(""), []), Language::En);
    }

    #[test]
    fn plural_categories_follow_cldr() {
        // CLDR's own examples for each category.
        let cases = [
            (Language::En, 0, Plural::Other),
            (Language::En, 1, Plural::One),
            (Language::En, 2, Plural::Other),
            (Language::En, 1_000_000, Plural::Other),
            (Language::Fr, 0, Plural::One),
            (Language::Fr, 1, Plural::One),
            (Language::Fr, 2, Plural::Other),
            (Language::Fr, 17, Plural::Other),
            (Language::Fr, 1_000_000, Plural::Many),
            (Language::Fr, 2_000_000, Plural::Many),
            (Language::Fr, 1_000_001, Plural::Other),
            (Language::Es, 0, Plural::Other),
            (Language::Es, 1, Plural::One),
            (Language::Es, 2, Plural::Other),
            (Language::Es, 1_000_000, Plural::Many),
        ];
        for (language, n, category) in cases {
            assert_eq!(language.plural(n), category, "{language:?} {n}");
        }
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(Language::En.date("2026-11-28"), "2026-11-28");
        assert_eq!(Language::Fr.date("2026-11-28"), "28/11/2026");
        assert_eq!(Language::Es.date("2026-01-05"), "05/01/2026");
        assert_eq!(Language::Fr.date("not a date"), "not a date");
        assert_eq!(Language::Fr.date("2026-1-5"), "2026-1-5");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(Language::En.integer(5_242_881), "5,242,881");
        assert_eq!(Language::Fr.integer(5_242_881), "5\u{202F}242\u{202F}881");
        assert_eq!(Language::Es.integer(5_242_881), "5.242.881");
        assert_eq!(Language::En.integer(1234), "1,234");
        assert_eq!(Language::Fr.integer(1234), "1\u{202F}234");
        assert_eq!(Language::Es.integer(1234), "1234");
        assert_eq!(Language::Es.integer(12_345), "12.345");
        assert_eq!(Language::En.integer(999), "999");
        assert_eq!(Language::En.decimal(2.25, 2), "2.25");
        assert_eq!(Language::Fr.decimal(2.25, 2), "2,25");
        assert_eq!(Language::Es.decimal(37.5, 2), "37,5");
        assert_eq!(Language::Fr.decimal(50.0, 2), "50");
        assert_eq!(Language::En.decimal(-0.001, 2), "0");
        assert_eq!(Language::En.decimal(-1.5, 2), "-1.5");
        assert_eq!(Language::Fr.fixed_decimals(5.0, 1), "5,0");
        assert_eq!(Language::En.fixed_decimals(5.02, 2), "5.02");
        assert_eq!(Language::Fr.fixed_decimals(10240.0, 1), "10\u{202F}240,0");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the language, removing its separators gives the digits back.
        #[test]
        fn grouping_never_changes_the_digits(n in any::<u64>()) {
            for language in Language::ALL {
                let digits: String = language.integer(n).chars().filter(char::is_ascii_digit).collect();
                prop_assert_eq!(digits, n.to_string());
            }
        }

        /// A decimal reads back as the number, rounded to its decimals.
        #[test]
        fn decimals_read_back(value in -1.0e6f64..1.0e6) {
            for language in Language::ALL {
                let (group, _) = language.grouping();
                let text: String = language
                    .decimal(value, 2)
                    .chars()
                    .filter(|c| *c != group)
                    .map(|c| if c == language.decimal_separator() { '.' } else { c })
                    .collect();
                let back: f64 = text.parse().unwrap();
                prop_assert!((back - value).abs() <= 0.005 + 1e-9, "{} -> {}", value, text);
            }
        }
    }
}
