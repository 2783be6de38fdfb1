//! Every change to the stored library, over any `Store`: save, bin, restore, rename,
//! duplicate, import and its settle choices, empty bin, delete all; and an assessment's
//! snapshots: save one, rename, list (deleting is the bin's, as for assessments).
//!
//! The rules that keep data safe live here, once:
//! - deleting moves an entry's text to the bin byte for byte, the copy written before
//!   the original is removed, so a full store leaves it where it was;
//! - replacing (import, restore, a two-tab conflict) sends what was there to the bin
//!   first, and takes that bin copy back if the new text does not fit;
//! - an entry is never written larger than the format reads back;
//! - a command that fails leaves the store as it found it.

use super::{
    bin_key, bin_origin, entry_key, is_bin_key, is_entry_key, our_keys, snapshot_prefix,
    storage_key, Loaded, SNAPSHOT_PREFIX,
};
use crate::core::assessment::Assessment;
use crate::core::format::{self, FormatError};
use crate::core::import::{self, Checked, Existing, ImportError, Outcome};
use crate::core::snapshot;
use crate::core::store::{StorageError, Store};

/// Why a command on one assessment could not run.
#[derive(Clone, Debug, PartialEq)]
pub enum CommandError {
    Storage(StorageError),
    /// The stored entry does not read; it is kept as it is.
    Unreadable(FormatError),
    /// Nothing is stored under that id any more (deleted in another tab).
    Gone,
}

impl From<StorageError> for CommandError {
    fn from(error: StorageError) -> Self {
        CommandError::Storage(error)
    }
}

pub fn load(store: &dyn Store, id: &str) -> Result<Loaded, StorageError> {
    let key = storage_key(id);
    Ok(Loaded::read(&key, store.get(&key)?))
}

/// The stored assessment under `id`, or why there is none to work on.
pub fn load_readable(store: &dyn Store, id: &str) -> Result<Assessment, CommandError> {
    match load(store, id)? {
        Loaded::Readable(a) => Ok(*a),
        Loaded::Unreadable { error, .. } => Err(CommandError::Unreadable(error)),
        Loaded::Absent => Err(CommandError::Gone),
    }
}

/// The entry's text, compact (an export is indented; the document is the same), refused
/// when reading it back would refuse it as too large.
fn entry_text(assessment: &Assessment, now: &str) -> Result<String, StorageError> {
    let text = format::to_json_compact(assessment, now);
    if text.len() > format::MAX_FILE_BYTES {
        return Err(StorageError::TooLarge);
    }
    Ok(text)
}

/// Writes `assessment` under its key (`entry_key`: its id's, or a snapshot's), over
/// whatever is there.
pub fn save(store: &dyn Store, assessment: &Assessment, now: &str) -> Result<(), StorageError> {
    write(store, assessment, now).map(drop)
}

/// `save`, returning the exact text written (what an editing tab compares the stored
/// entry with before its next write).
pub fn write(
    store: &dyn Store,
    assessment: &Assessment,
    now: &str,
) -> Result<String, StorageError> {
    let text = entry_text(assessment, now)?;
    store.set(&entry_key(assessment), &text)?;
    Ok(text)
}

/// Saves `assessment`; what is stored under its key now goes to the bin.
pub fn save_replacing(
    store: &dyn Store,
    assessment: &Assessment,
    now: &str,
) -> Result<(), StorageError> {
    write_replacing(store, assessment, now).map(drop)
}

/// `save_replacing`, returning the exact text written.
pub fn write_replacing(
    store: &dyn Store,
    assessment: &Assessment,
    now: &str,
) -> Result<String, StorageError> {
    let text = entry_text(assessment, now)?;
    replace_text(store, &entry_key(assessment), &text, now)?;
    Ok(text)
}

fn free_bin_key(store: &dyn Store, key: &str, now: &str) -> Result<String, StorageError> {
    bin_key(key, now, |k| store.get(k).ok().flatten().is_some())
        .ok_or_else(|| StorageError::Other(format!("{key} is not an assessment entry")))
}

/// What is stored at `key` (an assessment's or a snapshot's).
fn load_at(store: &dyn Store, key: &str) -> Result<Loaded, StorageError> {
    Ok(Loaded::read(key, store.get(key)?))
}

/// Writes `text` at `key`; what was there goes to the bin. The bin copy is written
/// first, and removed again if the new text does not fit.
fn replace_text(store: &dyn Store, key: &str, text: &str, now: &str) -> Result<(), StorageError> {
    let binned = match store.get(key)? {
        Some(old) => {
            let target = free_bin_key(store, key, now)?;
            store.set(&target, &old)?;
            Some(target)
        }
        None => None,
    };
    if let Err(error) = store.set(key, text) {
        if let Some(target) = binned {
            let _ = store.remove(&target);
        }
        return Err(error);
    }
    Ok(())
}

/// Moves the entry at `key` (readable or not) to the bin, its text untouched.
pub fn move_to_bin(store: &dyn Store, key: &str, now: &str) -> Result<(), StorageError> {
    let Some(text) = store.get(key)? else {
        return Ok(());
    };
    let target = free_bin_key(store, key, now)?;
    store.set(&target, &text)?;
    store.remove(key)
}

/// Deletes the entry at `key` (an assessment's or a snapshot's, readable or not) for
/// good, with no bin copy. The app offers it, after a confirmation that says it cannot
/// be undone, only when `move_to_bin` could not write the bin copy (a full storage); any
/// key that is not such an entry is refused.
pub fn delete_for_good(store: &dyn Store, key: &str) -> Result<(), StorageError> {
    if !is_entry_key(key) {
        return Err(StorageError::Other(format!(
            "{key} is not an assessment entry"
        )));
    }
    store.remove(key)
}

/// What restoring from the bin did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    Done,
    /// Another entry holds the original key now; nothing was changed.
    Occupied,
}

fn origin(bin_key: &str) -> Result<String, StorageError> {
    bin_origin(bin_key)
        .map(|(original, _)| original)
        .ok_or_else(|| StorageError::Other(format!("{bin_key} is not in the bin")))
}

/// Moves a bin entry back to its original key, unless that key is taken.
pub fn restore(store: &dyn Store, bin_key: &str) -> Result<Restored, StorageError> {
    let original = origin(bin_key)?;
    let Some(text) = store.get(bin_key)? else {
        return Ok(Restored::Done);
    };
    if store.get(&original)?.is_some() {
        return Ok(Restored::Occupied);
    }
    store.set(&original, &text)?;
    store.remove(bin_key)?;
    Ok(Restored::Done)
}

/// Restores over an occupied key: the entry there goes to the bin.
pub fn restore_replacing(store: &dyn Store, bin_key: &str, now: &str) -> Result<(), StorageError> {
    let original = origin(bin_key)?;
    let Some(text) = store.get(bin_key)? else {
        return Err(StorageError::Other(format!(
            "{bin_key} is no longer in the bin"
        )));
    };
    replace_text(store, &original, &text, now)?;
    store.remove(bin_key)
}

/// Restores a readable bin entry as a new assessment beside the one now at its key; a
/// snapshot as a new snapshot of the same assessment, its label named by `name`.
pub fn restore_as_copy(
    store: &dyn Store,
    bin_key: &str,
    fresh_id: String,
    name: impl FnOnce(&str) -> String,
    now: &str,
) -> Result<Assessment, CommandError> {
    let Some(text) = store.get(bin_key)? else {
        return Err(CommandError::Gone);
    };
    let original = format::parse(&text).map_err(CommandError::Unreadable)?;
    let copy = copy_of(&original, fresh_id, name, now);
    save(store, &copy, now)?;
    store.remove(bin_key)?;
    Ok(copy)
}

/// A copy beside the original: an assessment under a new id, or a snapshot under a new
/// snapshot id of the same assessment (still frozen as it was).
fn copy_of(
    original: &Assessment,
    fresh_id: String,
    name: impl FnOnce(&str) -> String,
    now: &str,
) -> Assessment {
    match &original.snapshot {
        Some(mark) => {
            let mut copy = original.clone();
            copy.snapshot = Some(snapshot::SnapshotMark {
                id: fresh_id,
                label: name(&mark.label),
                taken_at: mark.taken_at.clone(),
            });
            copy
        }
        None => original.copy_under_new_id(fresh_id, name(&original.name), now),
    }
}

/// Removes one bin entry for good.
pub fn purge(store: &dyn Store, bin_key: &str) -> Result<(), StorageError> {
    if !is_bin_key(bin_key) {
        return Err(StorageError::Other(format!("{bin_key} is not in the bin")));
    }
    store.remove(bin_key)
}

/// Removes every bin entry for good; how many.
pub fn empty_bin(store: &dyn Store) -> Result<usize, StorageError> {
    let keys: Vec<String> = our_keys(store)?
        .into_iter()
        .filter(|k| is_bin_key(k))
        .collect();
    for key in &keys {
        store.remove(key)?;
    }
    Ok(keys.len())
}

/// "Delete all my data": removes every key of the app and no other; how many.
pub fn delete_all(store: &dyn Store) -> Result<usize, StorageError> {
    let keys = our_keys(store)?;
    for key in &keys {
        store.remove(key)?;
    }
    Ok(keys.len())
}

/// Renames the stored assessment, read fresh (another tab may have changed it).
pub fn rename(
    store: &dyn Store,
    id: &str,
    name: &str,
    now: &str,
) -> Result<Assessment, CommandError> {
    let mut assessment = load_readable(store, id)?;
    assessment.name = name.trim().to_owned();
    assessment.touch(now);
    save(store, &assessment, now)?;
    Ok(assessment)
}

/// Saves a copy of the stored assessment under `fresh_id`, named by `name` from the
/// original's name.
pub fn duplicate(
    store: &dyn Store,
    id: &str,
    fresh_id: String,
    name: impl FnOnce(&str) -> String,
    now: &str,
) -> Result<Assessment, CommandError> {
    let original = load_readable(store, id)?;
    let copy = original.copy_under_new_id(fresh_id, name(&original.name), now);
    save(store, &copy, now)?;
    Ok(copy)
}

/// Saves a snapshot of `assessment` as it is now (what the user sees, saved or not),
/// labelled `label`, under `snapshot_id`. A full storage writes nothing; the error
/// says so, and the assessment is untouched either way.
pub fn save_snapshot(
    store: &dyn Store,
    assessment: &Assessment,
    snapshot_id: String,
    label: &str,
    now: &str,
) -> Result<Assessment, StorageError> {
    let frozen = snapshot::freeze(assessment, snapshot_id, label, now);
    let key = entry_key(&frozen);
    if store.get(&key)?.is_some() {
        return Err(StorageError::Other(format!("{key} is taken")));
    }
    store.set(&key, &entry_text(&frozen, now)?)?;
    Ok(frozen)
}

/// The snapshot stored at `key`, or why there is none to work on.
pub fn load_snapshot(store: &dyn Store, key: &str) -> Result<Assessment, CommandError> {
    if !key.starts_with(SNAPSHOT_PREFIX) {
        return Err(CommandError::Gone);
    }
    match load_at(store, key)? {
        Loaded::Readable(s) => Ok(*s),
        Loaded::Unreadable { error, .. } => Err(CommandError::Unreadable(error)),
        Loaded::Absent => Err(CommandError::Gone),
    }
}

/// Gives the snapshot at `key` a new label (trimmed), read fresh; nothing else of it
/// changes, so it stays frozen as it was taken.
pub fn rename_snapshot(
    store: &dyn Store,
    key: &str,
    label: &str,
    now: &str,
) -> Result<Assessment, CommandError> {
    let mut frozen = load_snapshot(store, key)?;
    if let Some(mark) = frozen.snapshot.as_mut() {
        mark.label = label.trim().to_owned();
    }
    store.set(key, &entry_text(&frozen, now)?)?;
    Ok(frozen)
}

/// The readable snapshots of the assessment `assessment_id`, oldest first; whether the
/// assessment itself is stored does not matter.
pub fn snapshots_of(
    store: &dyn Store,
    assessment_id: &str,
) -> Result<Vec<Assessment>, StorageError> {
    let prefix = snapshot_prefix(assessment_id);
    let mut list = Vec::new();
    for key in store.keys()? {
        if !key.starts_with(&prefix) {
            continue;
        }
        if let Loaded::Readable(s) = load_at(store, &key)? {
            list.push(*s);
        }
    }
    snapshot::sort(&mut list);
    Ok(list)
}

/// One file's result in an import batch.
#[derive(Clone, Debug, PartialEq)]
pub enum FileResult {
    Imported(Box<Checked>),
    /// The same assessment id is stored already, or came earlier in the batch: the
    /// user chooses (see `settle`).
    Pending {
        checked: Box<Checked>,
        existing: Option<Existing>,
    },
    Refused(ImportError),
    /// The file reads, but the store refused it; nothing of it was written.
    NotSaved(StorageError),
}

/// What is stored under `id` now, for the replace-or-keep-both question.
#[cfg(test)]
fn existing(store: &dyn Store, id: &str) -> Result<Option<Existing>, StorageError> {
    existing_at(store, &storage_key(id))
}

/// What is stored at `key` now (an assessment's or a snapshot's), for the
/// replace-or-keep-both question.
fn existing_at(store: &dyn Store, key: &str) -> Result<Option<Existing>, StorageError> {
    Ok(match load_at(store, key)? {
        Loaded::Readable(a) => Some(Existing {
            name: Some(a.name),
            revision: a.revision,
            updated_at: a.updated_at,
        }),
        Loaded::Unreadable { .. } => Some(Existing {
            name: None,
            revision: 0,
            updated_at: String::new(),
        }),
        Loaded::Absent => None,
    })
}

/// Checks one file of `batch` whole, then writes it if it is new; a file whose
/// assessment is stored already (read now, not when the batch began) or came earlier in
/// the batch waits for the user. A snapshot's file is stored as a snapshot, under its
/// assessment's id whether or not that assessment is here, and waits for the user only
/// when the same snapshot is. The browser calls this once per file, giving the page its
/// turn between files.
pub fn import_file(
    store: &dyn Store,
    batch: &mut import::Batch,
    bytes: &[u8],
    now: &str,
) -> FileResult {
    let checked = match import::check(bytes) {
        Ok(checked) => checked,
        Err(error) => return FileResult::Refused(error),
    };
    let found = match existing_at(store, &entry_key(&checked.assessment)) {
        Ok(found) => found,
        Err(error) => return FileResult::NotSaved(error),
    };
    match batch.place(checked, found) {
        Outcome::Refused(error) => FileResult::Refused(error),
        Outcome::Conflict { checked, existing } => FileResult::Pending {
            checked: Box::new(checked),
            existing,
        },
        Outcome::New(checked) => match save(store, &checked.assessment, now) {
            Ok(()) => FileResult::Imported(Box::new(checked)),
            Err(error) => FileResult::NotSaved(error),
        },
    }
}

/// Imports files one after the other (`import_file`), each whole or not at all.
pub fn import_batch(
    store: &dyn Store,
    files: impl IntoIterator<Item = Vec<u8>>,
    now: &str,
) -> Vec<FileResult> {
    let mut batch = import::Batch::default();
    files
        .into_iter()
        .map(|bytes| import_file(store, &mut batch, &bytes, now))
        .collect()
}

/// The user's answer to a pending file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The file's version replaces the stored one, which goes to the bin.
    Replace,
    /// The file is saved as a copy under a new id.
    KeepBoth,
    Skip,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Settled {
    Replaced(Assessment),
    KeptBoth(Assessment),
    Skipped,
}

/// Carries out the user's choice for a pending file.
pub fn settle(
    store: &dyn Store,
    checked: &Checked,
    choice: Choice,
    fresh_id: impl FnOnce() -> String,
    copy_name: impl FnOnce(&str) -> String,
    now: &str,
) -> Result<Settled, StorageError> {
    match choice {
        Choice::Skip => Ok(Settled::Skipped),
        // A snapshot is frozen: it replaces the same snapshot as it is.
        Choice::Replace if checked.assessment.snapshot.is_some() => {
            save_replacing(store, &checked.assessment, now)?;
            Ok(Settled::Replaced(checked.assessment.clone()))
        }
        Choice::Replace => {
            // Whatever is stored now: it may have changed since the file was checked.
            let stored_revision = match load(store, &checked.assessment.id)? {
                Loaded::Readable(a) => a.revision,
                _ => 0,
            };
            let assessment = import::replacing(checked.assessment.clone(), stored_revision);
            save_replacing(store, &assessment, now)?;
            Ok(Settled::Replaced(assessment))
        }
        Choice::KeepBoth => {
            let copy = copy_of(&checked.assessment, fresh_id(), copy_name, now);
            save(store, &copy, now)?;
            Ok(Settled::KeptBoth(copy))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::library::{snapshot_key, Snapshot, APP_PREFIX};
    use crate::core::store::MemoryStore;
    use crate::core::test_support;

    fn assessment(id: &str) -> Assessment {
        let instrument = content::instrument(Perspective::City);
        test_support::assessment(
            id,
            Perspective::City,
            Mode::Full,
            (&instrument.id, &instrument.version),
            "2026-01-01",
        )
    }

    fn stored(store: &MemoryStore, id: &str) -> Assessment {
        load_readable(store, id).unwrap()
    }

    #[test]
    fn the_loader_refuses_an_entry_under_another_id_as_the_library_does() {
        // The entry under "b" holds assessment "a": opening it by its address ("b") and
        // saving would write it under "a". The page's loader (`Library::load`) calls
        // `load`, which refuses it, as the library's listing does.
        let store = MemoryStore::new();
        let text = format::to_json_compact(&assessment("a"), "t");
        store.set(&storage_key("b"), &text).unwrap();
        assert!(matches!(
            load(&store, "b").unwrap(),
            Loaded::Unreadable { ref raw, .. } if *raw == text
        ));
        assert!(matches!(
            load_readable(&store, "b"),
            Err(CommandError::Unreadable(FormatError::Field { ref path, .. })) if path == "assessment.id"
        ));
        assert_eq!(
            Snapshot::read(&store).unwrap().unreadable[0].key,
            storage_key("b")
        );
        assert!(rename(&store, "b", "x", "t").is_err());
        assert_eq!(store.get(&storage_key("b")).unwrap(), Some(text));
        assert_eq!(load(&store, "a").unwrap(), Loaded::Absent);
    }

    #[test]
    fn moving_to_the_bin_and_back_keeps_the_text_byte_for_byte() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        let text = store.get(&storage_key("a")).unwrap().unwrap();
        move_to_bin(&store, &storage_key("a"), "t2").unwrap();
        assert_eq!(load(&store, "a").unwrap(), Loaded::Absent);
        let snapshot = Snapshot::read(&store).unwrap();
        assert_eq!(snapshot.bin[0].raw, text);
        assert_eq!(restore(&store, &snapshot.bin[0].key), Ok(Restored::Done));
        assert_eq!(store.get(&storage_key("a")).unwrap(), Some(text));
        assert!(Snapshot::read(&store).unwrap().bin.is_empty());
    }

    #[test]
    fn a_full_store_leaves_an_entry_where_it_was_when_binning_fails() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        store.set_quota(Some(store.used_bytes()));
        let before = store.contents();
        assert_eq!(
            move_to_bin(&store, &storage_key("a"), "t2"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.contents(), before);
    }

    #[test]
    fn an_entry_too_large_for_the_bin_copy_can_still_be_deleted_for_good() {
        let store = MemoryStore::new();
        let mut big = assessment("big");
        big.set_note("q", &"x".repeat(9_000), "t0");
        save(&store, &big, "t0").unwrap();
        save(&store, &assessment("other"), "t0").unwrap();
        store.set("another-app/x", "keep").unwrap();
        // The bin is empty, but there is no room for a second copy of the entry.
        store.set_quota(Some(store.used_bytes() + 1_000));
        let before = store.contents();
        assert_eq!(
            move_to_bin(&store, &storage_key("big"), "t1"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.contents(), before);
        // After the user confirms: gone for good, and nothing else touched.
        delete_for_good(&store, &storage_key("big")).unwrap();
        assert_eq!(load(&store, "big").unwrap(), Loaded::Absent);
        assert!(load(&store, "other").unwrap() != Loaded::Absent);
        assert_eq!(store.get("another-app/x").unwrap().as_deref(), Some("keep"));
        assert!(Snapshot::read(&store).unwrap().bin.is_empty());
        // Only an assessment entry, never another key of the app or another site's.
        for key in ["another-app/x", "roadmap-readiness/settings"] {
            assert!(matches!(
                delete_for_good(&store, key),
                Err(StorageError::Other(_))
            ));
        }
        assert_eq!(store.get("another-app/x").unwrap().as_deref(), Some("keep"));
        // An unreadable entry goes the same way.
        store.set_quota(None);
        store.set(&storage_key("broken"), "{").unwrap();
        delete_for_good(&store, &storage_key("broken")).unwrap();
        assert_eq!(load(&store, "broken").unwrap(), Loaded::Absent);
    }

    #[test]
    fn restoring_onto_a_taken_key_asks_and_replacing_bins_what_was_there() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        move_to_bin(&store, &storage_key("a"), "t2").unwrap();
        let mut newer = assessment("a");
        newer.name = "newer".into();
        save(&store, &newer, "t3").unwrap();
        let binned = Snapshot::read(&store).unwrap().bin[0].key.clone();
        assert_eq!(restore(&store, &binned), Ok(Restored::Occupied));
        restore_replacing(&store, &binned, "t4").unwrap();
        assert_eq!(stored(&store, "a").name, "a");
        let bin = Snapshot::read(&store).unwrap().bin;
        assert_eq!(bin.len(), 1);
        assert_eq!(bin[0].label(), "newer");
    }

    #[test]
    fn replacing_over_a_full_store_changes_nothing() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        let mut bigger = assessment("a");
        bigger.set_note("q", &"x".repeat(2000), "t2");
        // Room for the bin copy, not for the new text beside it.
        store.set_quota(Some(store.used_bytes() * 2 + 200));
        let before = store.contents();
        assert_eq!(
            save_replacing(&store, &bigger, "t3"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.contents(), before);
    }

    #[test]
    fn an_entry_too_large_to_read_back_is_never_written() {
        let store = MemoryStore::new();
        let mut huge = assessment("a");
        for i in 0..600 {
            huge.set_note(&format!("q{i}"), &"é".repeat(5000), "t");
        }
        assert_eq!(save(&store, &huge, "t"), Err(StorageError::TooLarge));
        assert!(store.contents().is_empty());
    }

    #[test]
    fn rename_and_duplicate_read_the_stored_version_fresh() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        let renamed = rename(&store, "a", "  Springfield ", "t2").unwrap();
        assert_eq!(
            (renamed.name.as_str(), renamed.revision),
            ("Springfield", 1)
        );
        assert_eq!(stored(&store, "a"), renamed);
        let copy = duplicate(&store, "a", "b".into(), |n| format!("{n} (copy)"), "t3").unwrap();
        assert_eq!(stored(&store, "b"), copy);
        assert_eq!(
            (copy.name.as_str(), copy.revision),
            ("Springfield (copy)", 0)
        );
        assert_eq!(rename(&store, "gone", "x", "t"), Err(CommandError::Gone));
        store.set(&storage_key("bad"), "{").unwrap();
        assert!(matches!(
            duplicate(&store, "bad", "c".into(), |n| n.into(), "t"),
            Err(CommandError::Unreadable(_))
        ));
    }

    #[test]
    fn restore_as_copy_keeps_both_and_empties_that_bin_entry() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        move_to_bin(&store, &storage_key("a"), "t2").unwrap();
        save(&store, &assessment("a"), "t3").unwrap();
        let binned = Snapshot::read(&store).unwrap().bin[0].key.clone();
        let copy = restore_as_copy(
            &store,
            &binned,
            "b".into(),
            |n| format!("{n} (restored)"),
            "t4",
        )
        .unwrap();
        assert_eq!(stored(&store, "b").name, "a (restored)");
        assert_eq!(copy.id, "b");
        assert!(Snapshot::read(&store).unwrap().bin.is_empty());
    }

    #[test]
    fn empty_bin_and_delete_all_remove_only_what_they_name() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        save(&store, &assessment("b"), "t1").unwrap();
        move_to_bin(&store, &storage_key("b"), "t2").unwrap();
        store.set("another-app/x", "keep").unwrap();
        store.set(&format!("{APP_PREFIX}settings"), "{}").unwrap();
        assert_eq!(
            purge(&store, &storage_key("a")),
            Err(StorageError::Other(format!(
                "{} is not in the bin",
                storage_key("a")
            )))
        );
        assert_eq!(empty_bin(&store), Ok(1));
        assert!(load(&store, "a").unwrap() != Loaded::Absent);
        assert_eq!(delete_all(&store), Ok(2));
        assert_eq!(store.keys().unwrap(), ["another-app/x"]);
    }

    #[test]
    fn what_is_stored_under_an_id_is_named_for_the_replace_question() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        store.set(&storage_key("broken"), "{").unwrap();
        assert_eq!(
            existing(&store, "a").unwrap().unwrap().name.as_deref(),
            Some("a")
        );
        assert_eq!(existing(&store, "broken").unwrap().unwrap().name, None);
        assert_eq!(existing(&store, "absent").unwrap(), None);
    }

    #[test]
    fn an_import_batch_writes_new_files_and_holds_conflicts_for_the_user() {
        let store = MemoryStore::new();
        save(&store, &assessment("here"), "t1").unwrap();
        let file = |id: &str| format::to_json(&assessment(id), "t").into_bytes();
        let results = import_batch(&store, [file("new"), file("here"), b"{".to_vec()], "t2");
        assert!(matches!(&results[0], FileResult::Imported(c) if c.assessment.id == "new"));
        assert_eq!(stored(&store, "new").id, "new");
        let FileResult::Pending { checked, existing } = &results[1] else {
            panic!("{:?}", results[1])
        };
        assert_eq!(existing.as_ref().unwrap().name.as_deref(), Some("here"));
        assert!(matches!(results[2], FileResult::Refused(_)));

        let kept = settle(
            &store,
            checked,
            Choice::KeepBoth,
            || "fresh".into(),
            |n| format!("{n} (2)"),
            "t3",
        )
        .unwrap();
        assert!(
            matches!(kept, Settled::KeptBoth(ref a) if a.id == "fresh" && a.name == "here (2)")
        );
        let replaced = settle(
            &store,
            checked,
            Choice::Replace,
            || unreachable!(),
            |n| n.into(),
            "t4",
        )
        .unwrap();
        let Settled::Replaced(replaced) = replaced else {
            panic!()
        };
        assert!(replaced.revision > 0, "above the stored revision");
        assert_eq!(
            Snapshot::read(&store).unwrap().bin.len(),
            1,
            "the old one is in the bin"
        );
    }

    #[test]
    fn files_imported_one_at_a_time_meet_what_is_stored_when_their_turn_comes() {
        let store = MemoryStore::new();
        let file = |id: &str| format::to_json(&assessment(id), "t").into_bytes();
        let mut batch = import::Batch::default();
        assert!(matches!(
            import_file(&store, &mut batch, &file("a"), "t1"),
            FileResult::Imported(_)
        ));
        // Between two files the page had its turn: another tab saved "b" meanwhile.
        let mut theirs = assessment("b");
        theirs.name = "theirs".into();
        save(&store, &theirs, "t2").unwrap();
        let FileResult::Pending { existing, .. } =
            import_file(&store, &mut batch, &file("b"), "t3")
        else {
            panic!("never written over what another tab saved")
        };
        assert_eq!(existing.unwrap().name.as_deref(), Some("theirs"));
        assert_eq!(stored(&store, "b").name, "theirs");
        // The same assessment twice in one batch asks too.
        assert!(matches!(
            import_file(&store, &mut batch, &file("a"), "t4"),
            FileResult::Pending { .. }
        ));
        assert!(matches!(
            import_file(&store, &mut batch, b"{", "t5"),
            FileResult::Refused(_)
        ));
        // A store that cannot be read writes nothing of the file.
        store.set_unavailable(true);
        assert_eq!(
            import_file(&store, &mut batch, &file("c"), "t6"),
            FileResult::NotSaved(StorageError::Unavailable)
        );
    }

    #[test]
    fn snapshots_are_saved_renamed_listed_binned_and_deleted_for_good() {
        let store = MemoryStore::new();
        let mut a = assessment("a");
        a.set_note("q", "as it was", "t1");
        save(&store, &a, "t1").unwrap();
        let baseline = save_snapshot(&store, &a, "s1".into(), " Baseline ", "t2").unwrap();
        assert_eq!(baseline.snapshot.as_ref().unwrap().label, "Baseline");
        // The assessment goes on; the snapshot stays as it was.
        a.set_note("q", "later", "t3");
        save(&store, &a, "t3").unwrap();
        let follow_up = save_snapshot(&store, &a, "s2".into(), "Follow-up", "t4").unwrap();
        save_snapshot(&store, &assessment("b"), "s1".into(), "Other", "t4").unwrap();
        let listed = snapshots_of(&store, "a").unwrap();
        assert_eq!(listed, [baseline.clone(), follow_up.clone()]);
        assert_eq!(listed[0].note("q"), "as it was");
        assert_eq!(
            stored(&store, "a").note("q"),
            "later",
            "never over the assessment"
        );
        // Rename: the label only.
        let key = entry_key(&baseline);
        let renamed = rename_snapshot(&store, &key, "Before", "t5").unwrap();
        assert_eq!(renamed.snapshot.as_ref().unwrap().label, "Before");
        assert_eq!(renamed.answers, baseline.answers);
        assert_eq!(
            (renamed.revision, renamed.updated_at.as_str()),
            (baseline.revision, baseline.updated_at.as_str())
        );
        assert_eq!(
            rename_snapshot(&store, &storage_key("a"), "x", "t"),
            Err(CommandError::Gone)
        );
        // To the bin and back, byte for byte; then for good.
        let text = store.get(&key).unwrap().unwrap();
        move_to_bin(&store, &key, "t6").unwrap();
        assert_eq!(
            snapshots_of(&store, "a").unwrap(),
            std::slice::from_ref(&follow_up)
        );
        let bin = Snapshot::read(&store).unwrap().bin;
        assert!(bin[0].is_snapshot());
        assert_eq!(restore(&store, &bin[0].key), Ok(Restored::Done));
        assert_eq!(store.get(&key).unwrap(), Some(text));
        delete_for_good(&store, &key).unwrap();
        assert_eq!(snapshots_of(&store, "a").unwrap(), [follow_up]);
        assert!(Snapshot::read(&store).unwrap().bin.is_empty());
        // Restored as a copy beside itself: a new snapshot of the same assessment.
        let key2 = snapshot_key("b", "s1");
        move_to_bin(&store, &key2, "t7").unwrap();
        save_snapshot(&store, &assessment("b"), "s1".into(), "Again", "t8").unwrap();
        let binned = Snapshot::read(&store).unwrap().bin[0].key.clone();
        assert_eq!(restore(&store, &binned), Ok(Restored::Occupied));
        let copy = restore_as_copy(
            &store,
            &binned,
            "s3".into(),
            |l| format!("{l} (restored)"),
            "t9",
        )
        .unwrap();
        assert_eq!(
            (copy.id.as_str(), copy.snapshot.unwrap().label.as_str()),
            ("b", "Other (restored)")
        );
        assert_eq!(snapshots_of(&store, "b").unwrap().len(), 2);
    }

    #[test]
    fn a_full_store_saves_no_snapshot_and_loses_nothing() {
        let store = MemoryStore::new();
        save(&store, &assessment("a"), "t1").unwrap();
        store.set_quota(Some(store.used_bytes() + 100));
        let before = store.contents();
        assert_eq!(
            save_snapshot(&store, &assessment("a"), "s".into(), "Baseline", "t2"),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.contents(), before);
    }

    #[test]
    fn a_snapshot_s_file_imports_as_a_snapshot_even_without_its_assessment() {
        let store = MemoryStore::new();
        let frozen = snapshot::freeze(&assessment("elsewhere"), "s".into(), "Baseline", "t");
        let file = format::to_json(&frozen, "t").into_bytes();
        let results = import_batch(&store, [file.clone()], "t1");
        assert!(matches!(&results[0], FileResult::Imported(c) if c.assessment == frozen));
        assert_eq!(load(&store, "elsewhere").unwrap(), Loaded::Absent);
        assert_eq!(
            snapshots_of(&store, "elsewhere").unwrap(),
            std::slice::from_ref(&frozen)
        );
        let snapshot = Snapshot::read(&store).unwrap();
        assert_eq!(snapshot.snapshots_without_assessment(), ["elsewhere"]);
        // Again: the same snapshot asks; keeping both makes another of the assessment.
        let FileResult::Pending { checked, .. } = import_batch(&store, [file], "t2").remove(0)
        else {
            panic!("the same snapshot is here")
        };
        let Settled::KeptBoth(copy) = settle(
            &store,
            &checked,
            Choice::KeepBoth,
            || "s2".into(),
            |l| format!("{l} (2)"),
            "t3",
        )
        .unwrap() else {
            panic!()
        };
        assert_eq!(copy.id, "elsewhere");
        assert_eq!(copy.snapshot.unwrap().label, "Baseline (2)");
        // Replacing keeps the revision as it was frozen; the old one goes to the bin.
        let Settled::Replaced(replaced) = settle(
            &store,
            &checked,
            Choice::Replace,
            || unreachable!(),
            |l| l.into(),
            "t4",
        )
        .unwrap() else {
            panic!()
        };
        assert_eq!(replaced.revision, frozen.revision);
        assert_eq!(Snapshot::read(&store).unwrap().bin.len(), 1);
        // A snapshot's file never lands on its assessment's key, nor the reverse.
        save(&store, &assessment("elsewhere"), "t5").unwrap();
        assert_eq!(stored(&store, "elsewhere").snapshot, None);
        assert_eq!(snapshots_of(&store, "elsewhere").unwrap().len(), 2);
    }

    #[test]
    fn an_import_into_a_full_store_writes_nothing_of_that_file() {
        let store = MemoryStore::new();
        store.set_quota(Some(100));
        let file = format::to_json(&assessment("new"), "t").into_bytes();
        let results = import_batch(&store, [file], "t");
        assert_eq!(results, [FileResult::NotSaved(StorageError::QuotaExceeded)]);
        assert!(store.contents().is_empty());
    }
}
