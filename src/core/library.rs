//! The saved assessments as the home page lists them, built from raw storage entries.
//! Pure: `storage` hands over (key, text) pairs; this decides what is readable.

use super::assessment::Assessment;
use super::format::{self, FormatError};

/// Local-storage key prefix; one entry per assessment.
pub const KEY_PREFIX: &str = "roadmap-readiness/assessment/";

pub fn storage_key(assessment_id: &str) -> String {
    format!("{KEY_PREFIX}{assessment_id}")
}

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Readable(Box<Assessment>),
    /// Kept as it is: never overwritten or dropped by the app, downloadable as raw text.
    Unreadable {
        key: String,
        raw: String,
        error: FormatError,
    },
}

/// Reads every entry of ours; foreign keys are ignored. Readable entries come first,
/// most recently changed first; unreadable ones follow in key order.
pub fn read_entries(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<Entry> {
    let mut readable = Vec::new();
    let mut unreadable = Vec::new();
    for (key, raw) in pairs {
        if !key.starts_with(KEY_PREFIX) {
            continue;
        }
        match format::parse(&raw) {
            Ok(assessment) if storage_key(&assessment.id) == key => {
                readable.push(Entry::Readable(Box::new(assessment)))
            }
            Ok(_) => unreadable.push(Entry::Unreadable {
                key,
                raw,
                error: FormatError::Field {
                    path: "assessment.id".into(),
                    message: "does not match the storage key".into(),
                },
            }),
            Err(error) => unreadable.push(Entry::Unreadable { key, raw, error }),
        }
    }
    readable.sort_by(|a, b| match (a, b) {
        (Entry::Readable(a), Entry::Readable(b)) => b.updated_at.cmp(&a.updated_at),
        _ => std::cmp::Ordering::Equal,
    });
    unreadable.sort_by(|a, b| match (a, b) {
        (Entry::Unreadable { key: a, .. }, Entry::Unreadable { key: b, .. }) => a.cmp(b),
        _ => std::cmp::Ordering::Equal,
    });
    readable.extend(unreadable);
    readable
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{InstrumentRef, NewAssessment};
    use crate::core::instrument::{Mode, Perspective};

    fn saved(id: &str, updated: &str) -> (String, String) {
        let mut a = Assessment::create(
            id.into(),
            NewAssessment {
                perspective: Perspective::City,
                mode: Mode::Full,
                name: id.into(),
                respondent: String::new(),
            },
            InstrumentRef {
                id: "rr-city".into(),
                version: "1.0.0".into(),
            },
            "2026-01-01",
        );
        a.touch(updated);
        (storage_key(id), format::to_json(&a, updated))
    }

    #[test]
    fn corrupt_entries_are_listed_with_their_raw_text_and_others_survive() {
        let entries = read_entries([
            saved("old", "2026-01-02"),
            (storage_key("broken"), "{not json".into()),
            ("someone-else/key".into(), "whatever".into()),
            saved("new", "2026-03-01"),
        ]);
        assert_eq!(entries.len(), 3);
        let names: Vec<_> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Readable(a) => Some(a.name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["new", "old"]);
        match &entries[2] {
            Entry::Unreadable { key, raw, error } => {
                assert_eq!(key, &storage_key("broken"));
                assert_eq!(raw, "{not json");
                assert!(matches!(error, FormatError::Syntax { .. }));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_entry_under_another_id_is_unreadable_not_silently_moved() {
        let (_, text) = saved("a", "2026-01-02");
        let entries = read_entries([(storage_key("b"), text)]);
        assert!(matches!(entries[0], Entry::Unreadable { .. }));
    }
}
