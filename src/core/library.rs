//! The saved assessments as the home page lists them, built from raw storage entries.
//! Pure: `storage` hands over (key, text) pairs; this decides what is readable.

use super::assessment::Assessment;
use super::format::{self, FormatError};
use super::instrument::{Mode, Perspective};
use super::{content, scoring};

/// Every local-storage key of the app starts with this; "Delete all my data" removes
/// exactly these keys and nothing else.
pub const APP_PREFIX: &str = "roadmap-readiness/";
/// Local-storage key prefix; one entry per assessment.
pub const KEY_PREFIX: &str = "roadmap-readiness/assessment/";
/// The bin: `roadmap-readiness/bin/<deleted at>/<the entry's key after KEY_PREFIX>`.
/// An entry moves here with its text untouched and moves back the same way.
pub const BIN_PREFIX: &str = "roadmap-readiness/bin/";

pub fn storage_key(assessment_id: &str) -> String {
    format!("{KEY_PREFIX}{assessment_id}")
}

/// The bin key for the entry at `key`, deleted at `stamp` (an ISO timestamp), avoiding
/// keys already `taken`. `None` when `key` is not an assessment entry.
pub fn bin_key(key: &str, stamp: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let tail = key.strip_prefix(KEY_PREFIX)?;
    let stamp = stamp.replace('/', "-");
    let mut candidate = format!("{BIN_PREFIX}{stamp}/{tail}");
    let mut n = 1;
    while taken(&candidate) {
        n += 1;
        candidate = format!("{BIN_PREFIX}{stamp}-{n}/{tail}");
    }
    Some(candidate)
}

/// Where a bin entry came from: its original storage key, and when it was deleted.
pub fn bin_origin(bin_key: &str) -> Option<(String, String)> {
    let rest = bin_key.strip_prefix(BIN_PREFIX)?;
    let (stamp, tail) = rest.split_once('/')?;
    Some((format!("{KEY_PREFIX}{tail}"), stamp.to_owned()))
}

/// One entry in the bin.
#[derive(Clone, Debug, PartialEq)]
pub struct BinEntry {
    pub key: String,
    /// The key it is restored to.
    pub original_key: String,
    pub deleted_at: String,
    pub raw: String,
    pub content: Result<Box<Assessment>, FormatError>,
}

impl BinEntry {
    /// The assessment's name, or its original key when it cannot be read.
    pub fn label(&self) -> String {
        match &self.content {
            Ok(a) => a.name.clone(),
            Err(_) => self.original_key.clone(),
        }
    }
}

/// The bin's entries, most recently deleted first.
pub fn read_bin(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<BinEntry> {
    let mut entries: Vec<BinEntry> = pairs
        .into_iter()
        .filter_map(|(key, raw)| {
            let (original_key, deleted_at) = bin_origin(&key)?;
            let content = format::parse(&raw).map(Box::new);
            Some(BinEntry {
                key,
                original_key,
                deleted_at,
                raw,
                content,
            })
        })
        .collect();
    entries.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(a.key.cmp(&b.key)));
    entries
}

/// What "Delete all my data" removes, counted for its confirmation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub assessments: usize,
    pub unreadable: usize,
    pub in_bin: usize,
    /// Other keys of the app (settings and the like).
    pub other: usize,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

pub fn count(pairs: &[(String, String)]) -> Counts {
    let mut counts = Counts::default();
    for entry in read_entries(pairs.iter().cloned()) {
        match entry {
            Entry::Readable(_) => counts.assessments += 1,
            Entry::Unreadable { .. } => counts.unreadable += 1,
        }
    }
    for (key, _) in pairs {
        if key.starts_with(BIN_PREFIX) {
            counts.in_bin += 1;
        } else if key.starts_with(APP_PREFIX) && !key.starts_with(KEY_PREFIX) {
            counts.other += 1;
        }
    }
    counts
}

/// Bytes that entries take in local storage, which keeps text as UTF-16.
pub fn bytes_used<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> usize {
    pairs
        .into_iter()
        .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
        .sum()
}

/// A copy under a fresh id and name, as new: revision 0, created now.
pub fn duplicate(original: &Assessment, fresh_id: String, name: String, now: &str) -> Assessment {
    Assessment {
        id: fresh_id,
        name,
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
        revision: 0,
        ..original.clone()
    }
}

/// How the library is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Most recently changed first.
    #[default]
    LastChange,
    /// Alphabetical, ignoring case.
    Name,
    /// Most answered (as a share of the questions in scope) first.
    Progress,
    /// Most recently created first.
    Created,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [
        SortBy::LastChange,
        SortBy::Name,
        SortBy::Progress,
        SortBy::Created,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::LastChange => "last_change",
            SortBy::Name => "name",
            SortBy::Progress => "progress",
            SortBy::Created => "created",
        }
    }

    pub fn parse(text: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or_default()
    }
}

/// Which assessments the library shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Matched against name and respondent, ignoring case; empty matches all.
    pub text: String,
    pub perspective: Option<Perspective>,
    pub mode: Option<Mode>,
}

impl Filter {
    pub fn matches(&self, a: &Assessment) -> bool {
        let needle = self.text.trim().to_lowercase();
        (needle.is_empty()
            || a.name.to_lowercase().contains(&needle)
            || a.respondent.to_lowercase().contains(&needle))
            && self.perspective.is_none_or(|p| p == a.perspective)
            && self.mode.is_none_or(|m| m == a.mode)
    }

    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }
}

/// An assessment with its progress (answered of total in scope), as the library lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub assessment: Assessment,
    pub answered: usize,
    pub total: usize,
}

impl Item {
    pub fn new(assessment: Assessment) -> Item {
        let profile = scoring::profile(content::instrument(assessment.perspective), &assessment);
        Item {
            answered: profile.answered,
            total: profile.total,
            assessment,
        }
    }

    fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.answered as f64 / self.total as f64
        }
    }
}

/// Filters and sorts; ties fall back to the name, then the id, so the order is stable.
pub fn arrange(items: &[Item], sort: SortBy, filter: &Filter) -> Vec<Item> {
    let mut out: Vec<Item> = items
        .iter()
        .filter(|i| filter.matches(&i.assessment))
        .cloned()
        .collect();
    let by_name = |a: &Item, b: &Item| {
        a.assessment
            .name
            .to_lowercase()
            .cmp(&b.assessment.name.to_lowercase())
            .then_with(|| a.assessment.id.cmp(&b.assessment.id))
    };
    out.sort_by(|a, b| match sort {
        SortBy::LastChange => b
            .assessment
            .updated_at
            .cmp(&a.assessment.updated_at)
            .then_with(|| by_name(a, b)),
        SortBy::Created => b
            .assessment
            .created_at
            .cmp(&a.assessment.created_at)
            .then_with(|| by_name(a, b)),
        SortBy::Name => by_name(a, b),
        SortBy::Progress => b.share().total_cmp(&a.share()).then_with(|| by_name(a, b)),
    });
    out
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
    use crate::core::test_support;

    fn saved(id: &str, updated: &str) -> (String, String) {
        let mut a = test_support::assessment(
            id,
            Perspective::City,
            Mode::Full,
            ("rr-city", "1.0.0"),
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

    #[test]
    fn bin_keys_keep_the_original_key_and_never_collide() {
        let key = storage_key("abc/def");
        let first = bin_key(&key, "2026-01-01T00:00:00.000Z", |_| false).unwrap();
        assert_eq!(
            first,
            "roadmap-readiness/bin/2026-01-01T00:00:00.000Z/abc/def"
        );
        assert_eq!(
            bin_origin(&first),
            Some((key.clone(), "2026-01-01T00:00:00.000Z".into()))
        );
        let second = bin_key(&key, "2026-01-01T00:00:00.000Z", |k| k == first).unwrap();
        assert_ne!(second, first);
        assert_eq!(bin_origin(&second).unwrap().0, key);
        assert_eq!(bin_key("another-app/x", "t", |_| false), None);
    }

    #[test]
    fn the_bin_lists_readable_and_unreadable_entries_newest_first() {
        let (key, text) = saved("a", "2026-01-02");
        let bin = read_bin([
            (bin_key(&key, "2026-02-01", |_| false).unwrap(), text),
            (
                bin_key(&storage_key("broken"), "2026-03-01", |_| false).unwrap(),
                "{oops".into(),
            ),
            (storage_key("not-in-bin"), "x".into()),
        ]);
        assert_eq!(bin.len(), 2);
        assert_eq!(bin[0].label(), storage_key("broken"));
        assert!(bin[0].content.is_err());
        assert_eq!(bin[0].raw, "{oops");
        assert_eq!(bin[1].label(), "a");
        assert_eq!(bin[1].original_key, key);
    }

    #[test]
    fn counts_name_what_delete_all_removes_and_only_ours() {
        let (key, text) = saved("a", "2026-01-02");
        let pairs = vec![
            saved("b", "2026-01-02"),
            (key.clone(), text.clone()),
            (storage_key("broken"), "{".into()),
            (bin_key(&key, "t", |_| false).unwrap(), text),
            ("roadmap-readiness/settings".into(), "{}".into()),
            ("another-app".into(), "x".into()),
        ];
        assert_eq!(
            count(&pairs),
            Counts {
                assessments: 2,
                unreadable: 1,
                in_bin: 1,
                other: 1
            }
        );
        assert_eq!(bytes_used([("ab", "cdé")]), 10);
    }

    fn item(id: &str, name: &str, updated: &str, answered: usize) -> Item {
        let (_, text) = saved(id, updated);
        let mut a = format::parse(&text).unwrap();
        a.name = name.into();
        Item {
            assessment: a,
            answered,
            total: 10,
        }
    }

    #[test]
    fn sorting_and_filtering() {
        let items = vec![
            item("1", "banana", "2026-01-03", 5),
            item("2", "Apple", "2026-01-01", 9),
            item("3", "cherry", "2026-01-02", 0),
        ];
        let names = |sort, filter: &Filter| -> Vec<String> {
            arrange(&items, sort, filter)
                .into_iter()
                .map(|i| i.assessment.name)
                .collect()
        };
        let all = Filter::default();
        assert_eq!(
            names(SortBy::LastChange, &all),
            ["banana", "cherry", "Apple"]
        );
        assert_eq!(names(SortBy::Name, &all), ["Apple", "banana", "cherry"]);
        assert_eq!(names(SortBy::Progress, &all), ["Apple", "banana", "cherry"]);
        let text = Filter {
            text: "AN".into(),
            ..Filter::default()
        };
        assert_eq!(names(SortBy::Name, &text), ["banana"]);
        let cso = Filter {
            perspective: Some(Perspective::Cso),
            ..Filter::default()
        };
        assert!(names(SortBy::Name, &cso).is_empty());
        assert_eq!(SortBy::parse("progress"), SortBy::Progress);
        assert_eq!(SortBy::parse("junk"), SortBy::LastChange);
    }

    #[test]
    fn a_duplicate_is_new_and_keeps_the_answers() {
        let (_, text) = saved("a", "2026-01-02");
        let a = format::parse(&text).unwrap();
        let copy = duplicate(&a, "b".into(), "a (copy)".into(), "2026-05-05");
        assert_eq!((copy.id.as_str(), copy.revision), ("b", 0));
        assert_eq!(copy.answers, a.answers);
        assert_eq!(copy.created_at, "2026-05-05");
    }
}
