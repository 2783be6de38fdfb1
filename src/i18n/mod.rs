//! The message catalogue: every user-visible interface string, looked up by key.
//!
//! A language is one TOML file under `content/i18n/<tag>/` (merged by build.rs), embedded at build time. Keys are
//! dotted paths (`home.title`); placeholders are `{name}`. `tests/i18n.rs` checks that
//! every key the code uses exists in every language and that no key is unused, so adding
//! a language is adding a file, with no component touched.

use crate::core::format::FormatError;
use crate::storage::StorageError;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

const EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/i18n-en.json"));

/// Languages the app ships, by BCP 47 tag.
pub const LANGUAGES: &[(&str, &str)] = &[("en", EN_JSON)];

pub type Catalogue = HashMap<String, String>;

/// Flattens nested TOML tables into dotted keys.
pub fn flatten(json: &str) -> Catalogue {
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
    let value: serde_json::Value =
        serde_json::from_str(json).expect("the catalogue is valid JSON, made by build.rs");
    let mut out = Catalogue::new();
    walk("", &value, &mut out);
    out
}

fn catalogue() -> &'static Catalogue {
    static CELL: OnceLock<Catalogue> = OnceLock::new();
    CELL.get_or_init(|| flatten(EN_JSON))
}

/// The message for `key`. A missing key shows as the key itself, which the
/// catalogue tests make impossible in a build that passed them.
pub fn t(key: &str) -> String {
    catalogue()
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// The message for `key` with `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(&t(key), args)
}

pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    args.iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

/// A file or storage problem in words that say what to fix.
pub fn describe_format_error(error: &FormatError) -> String {
    match error {
        FormatError::Syntax {
            line,
            column,
            message,
        } => tf(
            "errors.syntax",
            &[("line", line), ("column", column), ("detail", message)],
        ),
        FormatError::NotAnAssessment => t("errors.not_an_assessment"),
        FormatError::NewerVersion { found, supported } => tf(
            "errors.newer_version",
            &[("found", found), ("supported", supported)],
        ),
        FormatError::Field { path, message } => {
            tf("errors.field", &[("path", path), ("detail", message)])
        }
        FormatError::TooLarge { bytes, limit } => tf(
            "errors.too_large",
            &[("size", &megabytes(*bytes)), ("limit", &megabytes(*limit))],
        ),
    }
}

/// "5.2" from a byte count, for messages about sizes.
fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

pub fn describe_storage_error(error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => t("errors.quota"),
        StorageError::TooLarge => tf(
            "errors.entry_too_large",
            &[("limit", &megabytes(crate::core::format::MAX_FILE_BYTES))],
        ),
        StorageError::Unavailable => t("errors.storage_unavailable"),
        StorageError::Other(detail) => tf("errors.storage_other", &[("detail", detail)]),
    }
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
    fn flattens_nested_tables() {
        let c = flatten(r#"{"home":{"title":"Hi","n":{"x":"y"}}}"#);
        assert_eq!(c["home.title"], "Hi");
        assert_eq!(c["home.n.x"], "y");
    }
}
