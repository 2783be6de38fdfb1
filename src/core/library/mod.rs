//! The stored library: which keys hold what, and what a reading of the store shows
//! (readable assessments, their snapshots, unreadable entries kept as they are, the
//! bin, counts and bytes). The commands that change it are in `commands`, the two-tab rules in `sync`,
//! listing in `arrange`. Pure: everything goes through a `core::store::Store`.

pub mod arrange;
pub mod commands;
pub mod session;
pub mod sync;

pub use arrange::{arrange, Filter, Item, SortBy};

use super::assessment::Assessment;
use super::format::{self, FormatError};
use super::store::{pair_units, StorageError, Store};

/// Every local-storage key of the app starts with this; "Delete all my data" removes
/// exactly these keys and nothing else.
pub const APP_PREFIX: &str = "roadmap-readiness/";
/// Local-storage key prefix; one entry per assessment.
pub const KEY_PREFIX: &str = "roadmap-readiness/assessment/";
/// The bin: `roadmap-readiness/bin/<deleted at>/<the entry's key after KEY_PREFIX>`.
/// An entry moves here with its text untouched and moves back the same way.
pub const BIN_PREFIX: &str = "roadmap-readiness/bin/";
/// Snapshots: `roadmap-readiness/snapshot/<assessment id>/<snapshot id>`, each id with
/// `%` and `/` escaped (`snapshot_key`), so that the assessment's part is one segment
/// and a prefix lists exactly one assessment's snapshots.
pub const SNAPSHOT_PREFIX: &str = "roadmap-readiness/snapshot/";
/// The bin's snapshots: `roadmap-readiness/snapshot-bin/<deleted at>/<the entry's key
/// after SNAPSHOT_PREFIX>`. Apart from `BIN_PREFIX`, whose tail is any assessment id.
pub const SNAPSHOT_BIN_PREFIX: &str = "roadmap-readiness/snapshot-bin/";
/// The workshop in progress (one at a time), a workshop file.
pub const WORKSHOP_KEY: &str = "roadmap-readiness/workshop";
/// The language the person chose with the switch (a BCP 47 tag such as `fr`); absent
/// until they choose, when the browser's preferred languages decide.
pub const LANGUAGE_KEY: &str = "roadmap-readiness/language";
/// In session storage only: `roadmap-readiness/exported/<id>` holds the version of a
/// shared computer's assessment last exported (`session`).
pub const EXPORTED_PREFIX: &str = "roadmap-readiness/exported/";

pub fn storage_key(assessment_id: &str) -> String {
    format!("{KEY_PREFIX}{assessment_id}")
}

/// `%` and `/` as `%25` and `%2F`: an id as one key segment, told apart from any other.
fn segment(id: &str) -> String {
    id.replace('%', "%25").replace('/', "%2F")
}

/// The key prefix of every snapshot of the assessment `assessment_id`.
pub fn snapshot_prefix(assessment_id: &str) -> String {
    format!("{SNAPSHOT_PREFIX}{}/", segment(assessment_id))
}

/// Where the snapshot `snapshot_id` of the assessment `assessment_id` is stored.
pub fn snapshot_key(assessment_id: &str, snapshot_id: &str) -> String {
    format!("{}{}", snapshot_prefix(assessment_id), segment(snapshot_id))
}

/// The key an assessment record is stored under: its own, or its snapshot's.
pub fn entry_key(assessment: &Assessment) -> String {
    match &assessment.snapshot {
        Some(mark) => snapshot_key(&assessment.id, &mark.id),
        None => storage_key(&assessment.id),
    }
}

/// The (entry prefix, bin prefix) pairs: what the bin can hold.
const BINNABLE: [(&str, &str); 2] = [
    (KEY_PREFIX, BIN_PREFIX),
    (SNAPSHOT_PREFIX, SNAPSHOT_BIN_PREFIX),
];

/// The bin key for the entry at `key`, deleted at `stamp` (an ISO timestamp), avoiding
/// keys already `taken`. `None` when `key` is neither an assessment's nor a snapshot's.
pub fn bin_key(key: &str, stamp: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let (tail, bin) = BINNABLE
        .iter()
        .find_map(|(entry, bin)| Some((key.strip_prefix(entry)?, *bin)))?;
    let stamp = stamp.replace('/', "-");
    let mut candidate = format!("{bin}{stamp}/{tail}");
    let mut n = 1;
    while taken(&candidate) {
        n += 1;
        candidate = format!("{bin}{stamp}-{n}/{tail}");
    }
    Some(candidate)
}

/// Where a bin entry came from: its original storage key, and when it was deleted.
pub fn bin_origin(bin_key: &str) -> Option<(String, String)> {
    let (rest, entry) = BINNABLE
        .iter()
        .find_map(|(entry, bin)| Some((bin_key.strip_prefix(bin)?, *entry)))?;
    let (stamp, tail) = rest.split_once('/')?;
    Some((format!("{entry}{tail}"), stamp.to_owned()))
}

/// A key of the bin, of assessments or of snapshots.
pub fn is_bin_key(key: &str) -> bool {
    BINNABLE.iter().any(|(_, bin)| key.starts_with(bin))
}

/// An entry the library lists: an assessment's or a snapshot's (readable or not).
pub fn is_entry_key(key: &str) -> bool {
    BINNABLE.iter().any(|(entry, _)| key.starts_with(entry))
}

/// The assessment id an assessment key holds, by its key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(KEY_PREFIX)
}

/// Reads the text under a snapshot key: a snapshot, stored where its ids say.
pub fn read_snapshot_entry(key: &str, raw: &str) -> Result<Assessment, FormatError> {
    let snapshot = format::parse(raw)?;
    if snapshot.snapshot.is_none() {
        return Err(FormatError::Field {
            path: "assessment.snapshot".into(),
            message: "required but missing".into(),
        });
    }
    if entry_key(&snapshot) != key {
        return Err(FormatError::Field {
            path: "assessment.snapshot.id".into(),
            message: "does not match the storage key".into(),
        });
    }
    Ok(snapshot)
}

/// Reads the text under an assessment key. An entry whose assessment id is not the one
/// its key names is unreadable too: opening it would save it under another key.
pub fn read_entry(key: &str, raw: &str) -> Result<Assessment, FormatError> {
    let assessment = format::parse(raw)?;
    if assessment.snapshot.is_some() {
        // A snapshot under an assessment's key would be edited as the assessment.
        return Err(FormatError::Field {
            path: "assessment.snapshot".into(),
            message: "a snapshot is not stored as an assessment".into(),
        });
    }
    if storage_key(&assessment.id) != key {
        return Err(FormatError::Field {
            path: "assessment.id".into(),
            message: "does not match the storage key".into(),
        });
    }
    Ok(assessment)
}

/// What is stored under one assessment id.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Readable(Box<Assessment>),
    /// Kept as it is: never overwritten or dropped by the app, downloadable as raw text.
    Unreadable {
        raw: String,
        error: FormatError,
    },
    Absent,
}

/// Reads the text under an assessment key or a snapshot key, each by its own rule.
pub fn read_at(key: &str, raw: &str) -> Result<Assessment, FormatError> {
    if key.starts_with(SNAPSHOT_PREFIX) {
        read_snapshot_entry(key, raw)
    } else {
        read_entry(key, raw)
    }
}

impl Loaded {
    /// What the text under `key` (an assessment's or a snapshot's) holds.
    pub fn read(key: &str, raw: Option<String>) -> Loaded {
        match raw {
            None => Loaded::Absent,
            Some(raw) => match read_at(key, &raw) {
                Ok(assessment) => Loaded::Readable(Box::new(assessment)),
                Err(error) => Loaded::Unreadable { raw, error },
            },
        }
    }
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
    fn read(key: String, raw: String) -> Option<BinEntry> {
        let (original_key, deleted_at) = bin_origin(&key)?;
        let content = format::parse(&raw).map(Box::new);
        Some(BinEntry {
            key,
            original_key,
            deleted_at,
            raw,
            content,
        })
    }

    /// A snapshot's entry (restored among the snapshots).
    pub fn is_snapshot(&self) -> bool {
        self.original_key.starts_with(SNAPSHOT_PREFIX)
    }

    /// The assessment's name, or its original key when it cannot be read.
    pub fn label(&self) -> String {
        match &self.content {
            Ok(a) => a.name.clone(),
            Err(_) => self.original_key.clone(),
        }
    }
}

/// An entry under an assessment or snapshot key that does not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: FormatError,
}

/// What "Delete all my data" removes, counted for its confirmation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub assessments: usize,
    pub snapshots: usize,
    pub unreadable: usize,
    pub in_bin: usize,
    /// The workshop in progress (0 or 1).
    pub workshop: usize,
    /// Other keys of the app (settings and the like).
    pub other: usize,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }

    /// What a list of the app's keys held, by key alone (after "Delete all my data" the
    /// texts are gone; an assessment key counts as an assessment, readable or not).
    pub fn of_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> Counts {
        let mut counts = Counts::default();
        for key in keys {
            match kind_of_key(key) {
                Some(Kind::Assessment) => counts.assessments += 1,
                Some(Kind::Snapshot) => counts.snapshots += 1,
                Some(Kind::Bin) => counts.in_bin += 1,
                Some(Kind::Workshop) => counts.workshop += 1,
                Some(Kind::Other) => counts.other += 1,
                Some(Kind::Exported | Kind::Setting) | None => {}
            }
        }
        counts
    }
}

/// What one of the app's keys holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Assessment,
    Snapshot,
    Bin,
    Workshop,
    /// A shared computer's note of what was exported: bookkeeping, not counted.
    Exported,
    /// The chosen language: a setting, not counted.
    Setting,
    Other,
}

fn kind_of_key(key: &str) -> Option<Kind> {
    if !key.starts_with(APP_PREFIX) {
        None
    } else if key.starts_with(KEY_PREFIX) {
        Some(Kind::Assessment)
    } else if key.starts_with(SNAPSHOT_PREFIX) {
        Some(Kind::Snapshot)
    } else if bin_origin(key).is_some() {
        Some(Kind::Bin)
    } else if key == WORKSHOP_KEY {
        Some(Kind::Workshop)
    } else if key.starts_with(EXPORTED_PREFIX) {
        Some(Kind::Exported)
    } else if key == LANGUAGE_KEY {
        Some(Kind::Setting)
    } else {
        Some(Kind::Other)
    }
}

/// One reading of the whole store: every entry of ours parsed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// Readable assessments with their progress, most recently changed first.
    pub items: Vec<Item>,
    /// Readable snapshots, by assessment id, each assessment's oldest first. An
    /// assessment need not be here for its snapshots to be (deleted, or a snapshot
    /// imported from elsewhere): they list under its id.
    pub snapshots: Vec<Assessment>,
    /// In key order.
    pub unreadable: Vec<Unreadable>,
    /// Most recently deleted first.
    pub bin: Vec<BinEntry>,
    pub counts: Counts,
    /// What the app's keys count against the site's local-storage limit, and what the
    /// whole site's do, in the units browsers count it in (`store::pair_units`).
    pub units_ours: usize,
    pub units_all: usize,
}

impl Snapshot {
    pub fn read(store: &dyn Store) -> Result<Snapshot, StorageError> {
        Ok(Snapshot::from_pairs(all_pairs(store)?))
    }

    /// From every (key, text) pair of the site; keys of other apps only count as bytes.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Snapshot {
        let mut snapshot = Snapshot::default();
        for (key, raw) in pairs {
            let units = pair_units(&key, &raw);
            snapshot.units_all += units;
            if !key.starts_with(APP_PREFIX) {
                continue;
            }
            snapshot.units_ours += units;
            if key.starts_with(KEY_PREFIX) {
                match read_entry(&key, &raw) {
                    Ok(assessment) => snapshot.items.push(Item::new(assessment)),
                    Err(error) => snapshot.unreadable.push(Unreadable { key, raw, error }),
                }
            } else if key.starts_with(SNAPSHOT_PREFIX) {
                match read_snapshot_entry(&key, &raw) {
                    Ok(frozen) => snapshot.snapshots.push(frozen),
                    Err(error) => snapshot.unreadable.push(Unreadable { key, raw, error }),
                }
            } else if let Some(entry) = BinEntry::read(key.clone(), raw) {
                snapshot.bin.push(entry);
            } else {
                let counted = Counts::of_keys([key.as_str()]);
                snapshot.counts.workshop += counted.workshop;
                snapshot.counts.other += counted.other;
            }
        }
        snapshot.items.sort_by(|a, b| {
            b.assessment
                .updated_at
                .cmp(&a.assessment.updated_at)
                .then_with(|| a.assessment.id.cmp(&b.assessment.id))
        });
        snapshot.unreadable.sort_by(|a, b| a.key.cmp(&b.key));
        super::snapshot::sort(&mut snapshot.snapshots);
        snapshot
            .bin
            .sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(a.key.cmp(&b.key)));
        snapshot.counts.assessments = snapshot.items.len();
        snapshot.counts.snapshots = snapshot.snapshots.len();
        snapshot.counts.unreadable = snapshot.unreadable.len();
        snapshot.counts.in_bin = snapshot.bin.len();
        snapshot
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.assessment.id == id)
    }

    /// The snapshots of the assessment `id`, oldest first.
    pub fn snapshots_of(&self, id: &str) -> &[Assessment] {
        let start = self.snapshots.partition_point(|s| s.id.as_str() < id);
        let end = self.snapshots.partition_point(|s| s.id.as_str() <= id);
        &self.snapshots[start..end]
    }

    /// The ids of assessments with snapshots here but no readable assessment: each
    /// lists in the library under its id, with its latest snapshot's name.
    pub fn snapshots_without_assessment(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .snapshots
            .iter()
            .map(|s| s.id.as_str())
            .filter(|id| self.item(id).is_none())
            .collect();
        ids.dedup();
        ids
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.unreadable.is_empty() && self.snapshots.is_empty()
    }
}

/// Every (key, text) pair in the store, ours or not.
pub fn all_pairs(store: &dyn Store) -> Result<Vec<(String, String)>, StorageError> {
    let mut pairs = Vec::new();
    for key in store.keys()? {
        // A key removed between the listing and the read is simply gone.
        if let Some(value) = store.get(&key)? {
            pairs.push((key, value));
        }
    }
    Ok(pairs)
}

/// Every key of the app.
pub fn our_keys(store: &dyn Store) -> Result<Vec<String>, StorageError> {
    Ok(store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(APP_PREFIX))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Mode, Perspective};
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
        let snapshot = Snapshot::from_pairs(vec![
            saved("old", "2026-01-02"),
            (storage_key("broken"), "{not json".into()),
            ("someone-else/key".into(), "whatever".into()),
            saved("new", "2026-03-01"),
        ]);
        let names: Vec<_> = snapshot
            .items
            .iter()
            .map(|i| i.assessment.name.as_str())
            .collect();
        assert_eq!(names, ["new", "old"]);
        let [broken] = snapshot.unreadable.as_slice() else {
            panic!("{:?}", snapshot.unreadable)
        };
        assert_eq!(broken.key, storage_key("broken"));
        assert_eq!(broken.raw, "{not json");
        assert!(matches!(broken.error, FormatError::Syntax { .. }));
    }

    #[test]
    fn an_entry_under_another_id_is_unreadable_not_silently_moved() {
        let (_, text) = saved("a", "2026-01-02");
        let snapshot = Snapshot::from_pairs(vec![(storage_key("b"), text.clone())]);
        assert!(snapshot.items.is_empty());
        assert_eq!(snapshot.unreadable.len(), 1);
        // Loading it by the id its key names refuses it the same way.
        assert!(matches!(
            Loaded::read(&storage_key("b"), Some(text)),
            Loaded::Unreadable { .. }
        ));
        assert_eq!(Loaded::read(&storage_key("b"), None), Loaded::Absent);
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
        let snapshot = Snapshot::from_pairs(vec![
            (bin_key(&key, "2026-02-01", |_| false).unwrap(), text),
            (
                bin_key(&storage_key("broken"), "2026-03-01", |_| false).unwrap(),
                "{oops".into(),
            ),
            (storage_key("not-in-bin"), "x".into()),
        ]);
        let bin = &snapshot.bin;
        assert_eq!(bin.len(), 2);
        assert_eq!(bin[0].label(), storage_key("broken"));
        assert!(bin[0].content.is_err());
        assert_eq!(bin[0].raw, "{oops");
        assert_eq!(bin[1].label(), "a");
        assert_eq!(bin[1].original_key, key);
    }

    fn pairs_keys<'a>(keys: &'a [&'a str]) -> impl Iterator<Item = &'a str> {
        keys.iter().copied()
    }

    #[test]
    fn snapshot_keys_keep_each_assessment_s_snapshots_apart() {
        assert_eq!(
            snapshot_key("9f2c", "b1"),
            "roadmap-readiness/snapshot/9f2c/b1"
        );
        // An id with a slash is one segment: "a/b"'s snapshots are not "a"'s.
        let slashed = snapshot_key("a/b", "s");
        assert_eq!(slashed, "roadmap-readiness/snapshot/a%2Fb/s");
        assert!(!slashed.starts_with(&snapshot_prefix("a")));
        assert_ne!(snapshot_key("a%2Fb", "s"), slashed);
        assert_ne!(snapshot_key("a", "b/s"), snapshot_key("a/b", "s"));
        // In the bin and back, apart from the assessments' bin.
        let binned = bin_key(&slashed, "2026-01-01", |_| false).unwrap();
        assert_eq!(binned, "roadmap-readiness/snapshot-bin/2026-01-01/a%2Fb/s");
        assert_eq!(bin_origin(&binned).unwrap().0, slashed);
        assert!(is_bin_key(&binned) && is_entry_key(&slashed));
        assert!(!is_entry_key(&binned) && !is_bin_key(&slashed));
    }

    #[test]
    fn snapshots_list_under_their_assessment_even_when_it_is_not_here() {
        let (key, text) = saved("a", "2026-01-02");
        let a = format::parse(&text).unwrap();
        let shot = |of: &Assessment, id: &str, at: &str| {
            let s = crate::core::snapshot::freeze(of, id.into(), id, at);
            (entry_key(&s), format::to_json_compact(&s, at))
        };
        let mut gone = a.clone();
        gone.id = "gone".into();
        let pairs = vec![
            (key, text),
            shot(&a, "follow-up", "2026-03-01"),
            shot(&a, "baseline", "2026-01-03"),
            shot(&gone, "old", "2025-12-01"),
            // A snapshot under another snapshot's key, and one under an assessment key.
            (snapshot_key("a", "elsewhere"), shot(&a, "x", "t").1),
            (storage_key("b"), shot(&a, "y", "t").1),
        ];
        let snapshot = Snapshot::from_pairs(pairs);
        let labels = |id: &str| -> Vec<String> {
            snapshot
                .snapshots_of(id)
                .iter()
                .map(|s| s.snapshot.as_ref().unwrap().label.clone())
                .collect()
        };
        assert_eq!(labels("a"), ["baseline", "follow-up"], "oldest first");
        assert_eq!(labels("gone"), ["old"]);
        assert!(labels("b").is_empty());
        assert_eq!(snapshot.snapshots_without_assessment(), ["gone"]);
        assert_eq!(snapshot.counts.snapshots, 3);
        assert_eq!(snapshot.items.len(), 1, "a snapshot is never an assessment");
        let unreadable: Vec<_> = snapshot.unreadable.iter().map(|u| u.key.as_str()).collect();
        assert_eq!(
            unreadable,
            [storage_key("b"), snapshot_key("a", "elsewhere")]
        );
    }

    #[test]
    fn counts_and_storage_use_name_what_delete_all_removes_and_only_ours() {
        let (key, text) = saved("a", "2026-01-02");
        let pairs = vec![
            saved("b", "2026-01-02"),
            (key.clone(), text.clone()),
            (storage_key("broken"), "{".into()),
            (bin_key(&key, "t", |_| false).unwrap(), text),
            ("roadmap-readiness/settings".into(), "{}".into()),
            (WORKSHOP_KEY.into(), "{}".into()),
            (format!("{EXPORTED_PREFIX}a"), "1 t".into()),
            ("another-app".into(), "x".into()),
        ];
        let ours: usize = pairs[..7].iter().map(|(k, v)| pair_units(k, v)).sum();
        let snapshot = Snapshot::from_pairs(pairs);
        assert_eq!(
            snapshot.counts,
            Counts {
                assessments: 2,
                snapshots: 0,
                unreadable: 1,
                in_bin: 1,
                workshop: 1,
                other: 1
            }
        );
        assert_eq!(
            Counts::of_keys(pairs_keys(&[
                &storage_key("x"),
                "roadmap-readiness/bin/t/x",
                "roadmap-readiness/snapshot/x/s",
                "roadmap-readiness/snapshot-bin/t/x/s",
                WORKSHOP_KEY,
                "roadmap-readiness/exported/x",
                "roadmap-readiness/settings",
                "another-app",
            ])),
            Counts {
                assessments: 1,
                snapshots: 1,
                in_bin: 2,
                workshop: 1,
                other: 1,
                unreadable: 0
            }
        );
        assert_eq!(snapshot.units_ours, ours);
        assert_eq!(snapshot.units_all, ours + pair_units("another-app", "x"));
        assert_eq!(pair_units("ab", "cdé"), 5);
        assert_eq!(pair_units("ab", "😀"), 4);
    }
}
