//! The message catalogue: every user-visible interface string, looked up by key, in
//! the language the person chose.
//!
//! A language is a folder of TOML files under `content/i18n/<tag>/`. English is merged by
//! build.rs and embedded; the others arrive in their language pack (`pack`), fetched
//! when chosen. Keys are dotted paths (`home.title`); placeholders are `{name}`.
//! `tests/i18n.rs` checks that every key the code uses exists and that no key is unused,
//! and `tests/translations.rs` that every language has every key with the same
//! placeholders, so adding a language is adding folders, with no component touched.
//!
//! The current language is one per page (wasm is single-threaded): `use_pack` sets it,
//! and the app re-renders its views after it changes (`state::language`). Content in
//! that language is read through `i18n::content`, never `core::content` (English only).

pub mod content;
pub mod details;
pub mod pack;

use crate::core::assessment::Assessment;
use crate::core::format::FormatError;
use crate::core::import::{Checked, ImportError};
use crate::core::library::commands::CommandError;
use crate::core::library::Counts;
pub use crate::core::locale::Language;
use crate::core::store::StorageError;
use pack::Pack;
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;

const EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/i18n-en.json"));

pub type Catalogue = HashMap<String, String>;

/// Flattens nested TOML tables (as JSON) into dotted keys.
pub fn flatten(json: &str) -> Catalogue {
    let value: serde_json::Value =
        serde_json::from_str(json).expect("the catalogue is valid JSON, made by build.rs");
    flatten_value(&value)
}

/// `flatten`, from a parsed value (a language pack's `messages`).
pub fn flatten_value(value: &serde_json::Value) -> Catalogue {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Catalogue) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, child) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, child, out);
                }
            }
            serde_json::Value::String(text) => {
                out.insert(prefix.to_owned(), text.clone());
            }
            other => {
                out.insert(prefix.to_owned(), other.to_string());
            }
        }
    }
    let mut out = Catalogue::new();
    walk("", value, &mut out);
    out
}

thread_local! {
    /// The pack of the language the page speaks now.
    static CURRENT: Cell<&'static Pack> = Cell::new(Pack::english());
}

/// The pack of the current language.
pub fn current() -> &'static Pack {
    CURRENT.with(Cell::get)
}

/// The language the page speaks now.
pub fn language() -> Language {
    current().language
}

/// Speak `pack`'s language from now on. The caller re-renders what is on screen.
pub fn use_pack(pack: &'static Pack) {
    CURRENT.with(|cell| cell.set(pack));
}

/// The message for `key` in the current language, else in English (the translation
/// tests make that fallback unreachable in a build that passed them), else the key.
pub fn t(key: &str) -> String {
    current()
        .messages
        .get(key)
        .or_else(|| Pack::english().messages.get(key))
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// The message for `key` with `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(&t(key), args)
}

/// The message for a count `n`: `key_one` (or `key_many`) where the current language's
/// plural rules (`core::locale`) put `n` in that category and the catalogue has that
/// form, else `key`. French counts 0 as singular, English and Spanish do not. `{count}`
/// is filled with `n` as the language writes numbers, beside any other placeholders.
pub fn tn(key: &str, n: u64, args: &[(&str, &dyn Display)]) -> String {
    let suffix = language().plural(n).suffix();
    let form = format!("{key}{suffix}");
    let key = if !suffix.is_empty() && has(&form) {
        form.as_str()
    } else {
        key
    };
    let count = language().integer(n);
    let mut all: Vec<(&str, &dyn Display)> = vec![("count", &count)];
    all.extend_from_slice(args);
    fill(&t(key), &all)
}

/// What stands between a label and its text ("Quick check: …"), as the language writes
/// it: French puts a no-break space before the colon.
pub fn colon() -> String {
    t("punctuation.colon")
}

/// What separates the items of a run-in list ("a; b"), as the language writes it.
pub fn semicolon() -> String {
    t("punctuation.semicolon")
}

fn has(key: &str) -> bool {
    current().messages.contains_key(key) || Pack::english().messages.contains_key(key)
}

/// `template` with each `{name}` replaced by its value, in one pass over the template:
/// a value is never read again for placeholders, so a name that holds `{count}` shows
/// as written. A placeholder without a value stays as it is. A value with explicit
/// bidirectional controls is isolated (`isolated`), so that it cannot reorder the
/// message around it.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((value.to_string(), close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(&isolated(value));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A value that holds explicit bidirectional controls (an override such as U+202E, an
/// embedding or an isolate, say in a name from a file) wrapped in a first-strong isolate
/// (U+2068 … U+2069): what it overrides ends with it, so a name "<U+202E>evil" in
/// "{name} · City" cannot show the app's own words after it reversed. A closing isolate
/// in the value that would end the wrapper early is dropped, and isolates it leaves open
/// are closed. Values without such controls, right-to-left text among them, are left
/// exactly as they are.
fn isolated(value: String) -> String {
    let control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !value.chars().any(control) {
        return value;
    }
    let mut out = String::with_capacity(value.len() + 6);
    out.push('\u{2068}');
    let mut open = 0usize;
    for c in value.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.extend(std::iter::repeat_n('\u{2069}', open + 1));
    out
}

/// A file or storage problem in words that say what to fix.
pub fn describe_format_error(error: &FormatError) -> String {
    match error {
        FormatError::Syntax {
            line,
            column,
            message,
        } => match details::syntax_detail(message) {
            Some(detail) => tf(
                "errors.syntax",
                &[("line", line), ("column", column), ("detail", &detail)],
            ),
            None => tf("errors.syntax_at", &[("line", line), ("column", column)]),
        },
        FormatError::NotAnAssessment => t("errors.not_an_assessment"),
        FormatError::WorkshopFile => t("errors.workshop_file"),
        FormatError::NotAWorkshop => t("errors.not_a_workshop"),
        FormatError::NewerVersion { found, supported } => tf(
            "errors.newer_version",
            &[("found", found), ("supported", supported)],
        ),
        FormatError::Field { path, message } => match details::field_detail(message) {
            Some(detail) => tf("errors.field", &[("path", path), ("detail", &detail)]),
            None => tf("errors.field_unexplained", &[("path", path)]),
        },
        FormatError::TooLarge { bytes, limit } => {
            let (size, limit) = sizes_apart(*bytes, *limit);
            tf("errors.too_large", &[("size", &size), ("limit", &limit)])
        }
    }
}

const MEGABYTE: f64 = 1024.0 * 1024.0;

/// "5.2 MB" from a byte count, for messages about sizes.
pub fn size(bytes: usize) -> String {
    megabytes(bytes, 1)
}

fn megabytes(bytes: usize, decimals: usize) -> String {
    let value = language().fixed_decimals(bytes as f64 / MEGABYTE, decimals);
    tf("units.megabytes", &[("value", &value)])
}

/// A figure of local storage in the units browsers count it in
/// (`core::store::pair_units`): kilobytes below one megabyte, else megabytes.
pub fn storage_size(units: usize) -> String {
    if units < 1024 * 1024 {
        let value = language().fixed_decimals(units as f64 / 1024.0, 1);
        tf("units.kilobytes", &[("value", &value)])
    } else {
        megabytes(units, 1)
    }
}

/// How much of this browser's local storage the app and the whole site use, beside the
/// limit browsers usually set, all counted the same way (`data.usage_source` says how).
pub fn describe_usage(units_ours: usize, units_all: usize) -> String {
    tf(
        "data.usage",
        &[
            ("ours", &storage_size(units_ours)),
            ("all", &storage_size(units_all)),
            ("limit", &storage_size(crate::core::store::USUAL_SITE_LIMIT)),
        ],
    )
}

/// Two sizes worded so that they differ whenever the byte counts do: megabytes with
/// as many decimals as that takes (up to three), else exact bytes ("5,242,881 bytes"
/// beside "5,242,880 bytes").
pub fn sizes_apart(a: usize, b: usize) -> (String, String) {
    (1..=3)
        .map(|decimals| (megabytes(a, decimals), megabytes(b, decimals)))
        .find(|(x, y)| x != y || a == b)
        .unwrap_or_else(|| (exact_bytes(a), exact_bytes(b)))
}

fn exact_bytes(bytes: usize) -> String {
    tf("units.bytes", &[("value", &grouped(bytes))])
}

/// "10,000", "10 000", "10.000": a whole number as the current language groups it.
pub fn grouped(number: usize) -> String {
    language().integer(number as u64)
}

pub fn describe_storage_error(error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => t("errors.quota"),
        StorageError::TooLarge => tf(
            "errors.entry_too_large",
            &[("limit", &size(crate::core::format::MAX_FILE_BYTES))],
        ),
        StorageError::Unavailable => t("errors.storage_unavailable"),
        StorageError::Other(detail) => tf("errors.storage_other", &[("detail", detail)]),
    }
}

/// The CSV export's words, from the catalogue.
pub fn csv_labels() -> crate::core::csv::Labels {
    crate::core::csv::Labels {
        question_columns: [
            t("csv.step"),
            t("csv.step_title"),
            t("csv.question_id"),
            t("csv.question"),
            t("csv.level"),
            t("csv.descriptor"),
            t("csv.other_response"),
            t("csv.note"),
        ],
        assessment_columns: [
            t("csv.assessment_id"),
            t("csv.assessment_name"),
            t("csv.respondent"),
            t("csv.perspective"),
            t("csv.mode"),
        ],
        not_applicable: t("question.not_applicable"),
        dont_know: t("question.dont_know"),
        perspective: |p| t(&format!("perspective.{}", p.as_str())),
        mode: |m| t(&format!("mode.{}", m.as_str())),
        roadmap: content::roadmap(),
    }
}

/// The CSV's words for a file for sharing: the note and respondent columns say that
/// they were left out.
pub fn csv_labels_shared() -> crate::core::csv::Labels {
    let mut labels = csv_labels();
    labels.question_columns[7] = t("csv.note_left_out");
    labels.assessment_columns[2] = t("csv.respondent_left_out");
    labels
}

/// Why the browser could not encrypt or decrypt (`core::protected::Cipher`'s error).
pub fn describe_crypto_error(detail: &str) -> String {
    if detail == crate::core::protected::NO_WEB_CRYPTO {
        t("protect.unavailable")
    } else {
        tf("protect.failed", &[("detail", &detail)])
    }
}

/// Why a protected file did not open.
pub fn describe_open_error(error: &crate::core::protected::OpenError) -> String {
    use crate::core::protected::OpenError;
    match error {
        OpenError::WrongPassphrase => t("protect.wrong_passphrase"),
        OpenError::Tampered => t("protect.tampered"),
        OpenError::Browser(detail) => describe_crypto_error(detail),
    }
}

/// A library command that could not run.
pub fn describe_command_error(error: &CommandError) -> String {
    match error {
        CommandError::Storage(error) => describe_storage_error(error),
        CommandError::Unreadable(error) => describe_format_error(error),
        CommandError::Gone => t("library.gone"),
    }
}

/// An import refusal in words that say what to fix.
pub fn describe_import_error(error: &ImportError) -> String {
    match error {
        ImportError::Format(error) => describe_format_error(error),
        ImportError::NotText { offset } => tf("import.not_text", &[("offset", offset)]),
        ImportError::UnknownInstrument { id } => {
            tf("import.unknown_instrument", &[("instrument", id)])
        }
        ImportError::InstrumentMismatch {
            instrument,
            perspective,
        } => tf(
            "import.instrument_mismatch",
            &[
                ("instrument", instrument),
                (
                    "perspective",
                    &t(&format!("perspective.{}", perspective.as_str())),
                ),
            ],
        ),
    }
}

/// What the user should know about a file that was imported.
pub fn describe_notices(checked: &Checked) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(imported_revision_limit(&checked.assessment));
    if let Some((file, app)) = &checked.other_instrument_version {
        out.push(tf(
            "import.other_instrument_version",
            &[("file", file), ("app", app)],
        ));
    }
    match checked.retired_questions.len() {
        0 => {}
        1 => out.push(t("import.retired_question")),
        n => out.push(tf("import.retired_questions", &[("count", &n)])),
    }
    match checked.unknown_questions.as_slice() {
        [] => {}
        [id] => out.push(tf("import.unknown_question", &[("id", id)])),
        ids => out.push(tf(
            "import.unknown_questions",
            &[("count", &ids.len()), ("ids", &ids.join(", "))],
        )),
    }
    out
}

/// Said of an imported assessment whose revision cannot rise any further.
pub fn imported_revision_limit(assessment: &Assessment) -> Option<String> {
    assessment.revision_at_limit().then(|| {
        tf(
            "import.revision_limit",
            &[("max", &crate::core::format::MAX_REVISION)],
        )
    })
}

/// Said beside the save status of an assessment whose revision cannot rise any further.
pub fn revision_limit(assessment: &Assessment) -> Option<String> {
    assessment.revision_at_limit().then(|| {
        tf(
            "save.revision_limit",
            &[("max", &crate::core::format::MAX_REVISION)],
        )
    })
}

/// Why the store refused an imported file (the line says once that nothing changed:
/// `import_refused`).
pub fn describe_write_error(error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => t("import.quota"),
        // Not "the last change": the file was never stored.
        StorageError::TooLarge => tf(
            "import.too_large_to_store",
            &[("limit", &size(crate::core::format::MAX_FILE_BYTES))],
        ),
        other => describe_storage_error(other),
    }
}

/// One refused file's line: that nothing changed, then why.
pub fn import_refused(detail: &str) -> String {
    tf("import.refused", &[("detail", &detail)])
}

/// "3 assessments, 2 snapshots, 1 in the bin, 1 unreadable entry".
pub fn describe_counts(counts: &Counts) -> String {
    let mut parts = Vec::new();
    match counts.assessments {
        0 => {}
        1 => parts.push(t("data.count_assessment")),
        n => parts.push(tf("data.count_assessments", &[("count", &n)])),
    }
    match counts.snapshots {
        0 => {}
        1 => parts.push(t("data.count_snapshot")),
        n => parts.push(tf("data.count_snapshots", &[("count", &n)])),
    }
    match counts.in_bin {
        0 => {}
        n => parts.push(tf("data.count_bin", &[("count", &n)])),
    }
    match counts.unreadable {
        0 => {}
        1 => parts.push(t("data.count_unreadable_one")),
        n => parts.push(tf("data.count_unreadable", &[("count", &n)])),
    }
    if counts.workshop > 0 {
        parts.push(t("data.count_workshop"));
    }
    if counts.other > 0 {
        parts.push(tn("data.count_other", counts.other as u64, &[]));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("{done} of {total}", &[("done", &3), ("total", &"10")]),
            "3 of 10"
        );
    }

    #[test]
    fn a_value_is_never_read_for_placeholders() {
        // A name from a file that holds a placeholder shows as written.
        assert_eq!(
            fill(
                "{name} has {count} answers",
                &[("name", &"{count} {name}"), ("count", &2)]
            ),
            "{count} {name} has 2 answers"
        );
        assert_eq!(fill("{a}{a} {missing} {", &[("a", &"x")]), "xx {missing} {");
        assert_eq!(fill("{{a}}", &[("a", &"x")]), "{x}");
    }

    #[test]
    fn a_value_with_bidi_controls_cannot_reorder_the_message() {
        let context = |name: &str| fill("{name} · City", &[("name", &name)]);
        assert_eq!(
            context("\u{202E}evil"),
            "\u{2068}\u{202E}evil\u{2069} · City"
        );
        // A closing isolate that would end the wrapper early is dropped; one opened is closed.
        assert_eq!(
            context("\u{2069}\u{202E}x"),
            "\u{2068}\u{202E}x\u{2069} · City"
        );
        assert_eq!(
            context("\u{2067}x"),
            "\u{2068}\u{2067}x\u{2069}\u{2069} · City"
        );
        assert_eq!(
            context("\u{2067}a\u{2069}\u{2069}b"),
            "\u{2068}\u{2067}a\u{2069}b\u{2069} · City"
        );
        // Right-to-left text, numbers and marks alone are left as they are.
        assert_eq!(context("العربية"), "العربية · City");
        assert_eq!(
            fill("{n} of {m}", &[("n", &3), ("m", &"\u{200F}10")]),
            "3 of \u{200F}10"
        );
    }

    #[test]
    fn two_sizes_that_differ_are_worded_apart() {
        let limit = crate::core::format::MAX_FILE_BYTES;
        assert_eq!(
            sizes_apart(limit + 1, limit),
            ("5,242,881 bytes".to_owned(), "5,242,880 bytes".to_owned())
        );
        assert_eq!(
            sizes_apart(limit + 20_000, limit),
            ("5.02 MB".to_owned(), "5.00 MB".to_owned())
        );
        assert_eq!(
            sizes_apart(8 * 1024 * 1024, limit),
            ("8.0 MB".to_owned(), "5.0 MB".to_owned())
        );
        assert_eq!(
            sizes_apart(limit, limit),
            ("5.0 MB".to_owned(), "5.0 MB".to_owned())
        );
        assert_eq!(exact_bytes(999), "999 bytes");
        assert_eq!(exact_bytes(1000), "1,000 bytes");
    }

    #[test]
    fn storage_use_and_the_usual_limit_are_counted_alike() {
        use crate::core::store::{pair_units, USUAL_SITE_LIMIT};
        // A site filled to the usual limit shows the limit's own figure, not twice it.
        assert_eq!(
            describe_usage(USUAL_SITE_LIMIT / 2, USUAL_SITE_LIMIT),
            "This tool uses 2.5 MB of this browser's local storage; this site uses 5.0 MB in all, of the about 5.0 MB that browsers usually allow a site."
        );
        assert_eq!(
            describe_usage(pair_units("k", &"x".repeat(2047)), 30 * 1024),
            "This tool uses 2.0 KB of this browser's local storage; this site uses 30.0 KB in all, of the about 5.0 MB that browsers usually allow a site."
        );
    }

    #[test]
    fn flattens_nested_tables() {
        let c = flatten(r#"{"home":{"title":"Hi","n":{"x":"y"}}}"#);
        assert_eq!(c["home.title"], "Hi");
        assert_eq!(c["home.n.x"], "y");
    }
}
