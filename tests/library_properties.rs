//! The stored library's safety rules under random use: two tabs editing the same
//! assessments while the library renames, duplicates, bins, restores, imports and
//! empties, and snapshots are taken, renamed, binned, deleted for good and imported, in
//! a store whose quota changes at random.
//!
//! Nothing is ever lost: every version that was stored is, after any command, still
//! stored (under its key or in the bin), or was replaced by the tab that had seen it,
//! or removed by an explicit "empty bin", "delete for good" or "delete all". A command
//! that fails leaves the store as it was, and so does typing (written after a pause). A
//! snapshot is frozen: its text changes only when it is renamed.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment};
use roadmap_readiness::core::content;
use roadmap_readiness::core::format;
use roadmap_readiness::core::instrument::{Mode, Perspective};
use roadmap_readiness::core::library::commands::{self, Choice, FileResult};
use roadmap_readiness::core::library::sync::{stamp, EditState, Reaction, SaveStatus};
use roadmap_readiness::core::library::{
    entry_key, storage_key, Loaded, Snapshot, APP_PREFIX, SNAPSHOT_PREFIX,
};
use roadmap_readiness::core::snapshot;
use roadmap_readiness::core::store::{MemoryStore, Store};
use std::collections::{BTreeMap, BTreeSet};

const IDS: [&str; 2] = ["a", "b"];

#[derive(Clone, Debug)]
enum Command {
    /// Tab `tab` opens assessment `id` (if stored and readable).
    Open {
        tab: usize,
        id: usize,
    },
    /// Tab `tab` changes a note and saves as the editor does.
    Edit {
        tab: usize,
        size: usize,
    },
    /// Tab `tab` types into a note: in memory, its write waiting for a pause (the next
    /// `Edit` of that tab writes it).
    Type {
        tab: usize,
        size: usize,
    },
    /// Tab `tab` hears of the other's write (the `storage` event).
    Hear {
        tab: usize,
    },
    KeepMine {
        tab: usize,
    },
    LoadTheirs {
        tab: usize,
    },
    Rename {
        id: usize,
    },
    Duplicate {
        id: usize,
    },
    ToBin {
        id: usize,
    },
    Restore {
        nth: usize,
        replacing: bool,
    },
    RestoreAsCopy {
        nth: usize,
    },
    Purge {
        nth: usize,
    },
    EmptyBin,
    DeleteAll,
    Import {
        id: usize,
        revision: u64,
        choice: usize,
    },
    /// Sets the quota `Some(bytes)` above what is used now, or lifts it.
    Quota(Option<usize>),
    /// Saves a snapshot of the stored assessment `id`.
    TakeSnapshot {
        id: usize,
    },
    /// Renames the `nth` stored snapshot.
    RenameSnapshot {
        nth: usize,
    },
    /// Moves the `nth` stored snapshot to the bin.
    SnapshotToBin {
        nth: usize,
    },
    /// Deletes the `nth` stored snapshot for good.
    SnapshotForGood {
        nth: usize,
    },
    /// Imports a snapshot file of assessment `id` with snapshot id `snapshot` (from a
    /// small set, so that the same one comes again), settling with `choice`.
    ImportSnapshot {
        id: usize,
        snapshot: usize,
        choice: usize,
    },
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        (0..2usize, 0..2usize).prop_map(|(tab, id)| Command::Open { tab, id }),
        (0..2usize, 0..400usize).prop_map(|(tab, size)| Command::Edit { tab, size }),
        (0..2usize, 0..400usize).prop_map(|(tab, size)| Command::Type { tab, size }),
        (0..2usize).prop_map(|tab| Command::Hear { tab }),
        (0..2usize).prop_map(|tab| Command::KeepMine { tab }),
        (0..2usize).prop_map(|tab| Command::LoadTheirs { tab }),
        (0..2usize).prop_map(|id| Command::Rename { id }),
        (0..2usize).prop_map(|id| Command::Duplicate { id }),
        (0..2usize).prop_map(|id| Command::ToBin { id }),
        (0..4usize, any::<bool>()).prop_map(|(nth, replacing)| Command::Restore { nth, replacing }),
        (0..4usize).prop_map(|nth| Command::RestoreAsCopy { nth }),
        (0..4usize).prop_map(|nth| Command::Purge { nth }),
        Just(Command::EmptyBin),
        Just(Command::DeleteAll),
        (0..2usize, 0..6u64, 0..3usize).prop_map(|(id, revision, choice)| Command::Import {
            id,
            revision,
            choice
        }),
        prop::option::of(0..4_000usize).prop_map(Command::Quota),
        (0..2usize).prop_map(|id| Command::TakeSnapshot { id }),
        (0..2usize).prop_map(|id| Command::TakeSnapshot { id }),
        (0..3usize).prop_map(|nth| Command::RenameSnapshot { nth }),
        (0..3usize).prop_map(|nth| Command::SnapshotToBin { nth }),
        (0..3usize).prop_map(|nth| Command::SnapshotForGood { nth }),
        (0..2usize, 0..2usize, 0..3usize).prop_map(|(id, snapshot, choice)| {
            Command::ImportSnapshot {
                id,
                snapshot,
                choice,
            }
        }),
    ]
}

/// The keys of the stored snapshots, in key order.
fn snapshot_keys(store: &MemoryStore) -> Vec<String> {
    store
        .contents()
        .into_keys()
        .filter(|k| k.starts_with(SNAPSHOT_PREFIX))
        .collect()
}

fn assessment(id: &str, now: &str) -> Assessment {
    let instrument = content::instrument(Perspective::City);
    Assessment::create(
        id.into(),
        NewAssessment {
            perspective: Perspective::City,
            mode: Mode::Full,
            name: id.into(),
            respondent: String::new(),
        },
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        now,
    )
}

struct Tab {
    open: Option<(Assessment, EditState)>,
}

/// The texts of assessments the store holds, under an assessment key or in the bin.
fn versions(store: &MemoryStore) -> BTreeMap<String, String> {
    store
        .contents()
        .into_iter()
        .filter(|(k, _)| k.starts_with(APP_PREFIX))
        .collect()
}

fn run(commands: Vec<Command>) -> Result<(), TestCaseError> {
    let store = MemoryStore::new();
    let mut tabs = [Tab { open: None }, Tab { open: None }];
    let mut clock = 0u32;
    for id in IDS {
        commands::save(&store, &assessment(id, "t0"), "t0").unwrap();
    }
    for command in commands {
        clock += 1;
        let now = format!("2026-01-01T00:00:{:02}.{:03}Z", clock / 1000, clock % 1000);
        let before = versions(&store);
        // The stamp each tab had seen, to tell its own replacement from a loss.
        let seen: Vec<Option<(String, (u64, String))>> = tabs
            .iter()
            .map(|t| {
                t.open
                    .as_ref()
                    .map(|(a, s)| (storage_key(&a.id), s.seen().clone()))
            })
            .collect();
        let mut explicit_removal = false;
        let mut failed = false;
        // Typing writes nothing until the pause.
        let mut only_in_memory = false;
        let mut replaced_by_reader: Option<String> = None;
        // Restoring "as a copy" moves a bin entry's answers under a new id.
        let mut moved: Option<(String, String)> = None;
        match command.clone() {
            Command::Open { tab, id } => {
                if let Ok(Loaded::Readable(a)) = commands::load(&store, IDS[id]) {
                    let state = EditState::opened(&a);
                    tabs[tab].open = Some((*a, state));
                }
            }
            Command::Edit { tab, size } => {
                if let Some((a, state)) = &mut tabs[tab].open {
                    a.set_note("city-1-every-district", &"n".repeat(size + 1), &now);
                    state.save_change(&store, a, &now);
                    failed = matches!(state.status, SaveStatus::Failed(_));
                }
            }
            Command::Type { tab, size } => {
                if let Some((a, state)) = &mut tabs[tab].open {
                    a.set_note("city-2-liaison-lead", &"t".repeat(size + 1), &now);
                    state.hold();
                    only_in_memory = true;
                }
            }
            Command::Hear { tab } => {
                if let Some((a, state)) = &mut tabs[tab].open {
                    let theirs = match commands::load(&store, &a.id).unwrap() {
                        Loaded::Readable(t) => Some(*t),
                        _ => None,
                    };
                    if let Reaction::Take(theirs) = state.other_tab_wrote(theirs) {
                        *a = *theirs;
                    }
                }
            }
            Command::KeepMine { tab } => {
                if let Some((a, state)) = &mut tabs[tab].open {
                    if state.conflict.is_some() {
                        state.keep_mine(&store, a, &now);
                        failed = matches!(state.status, SaveStatus::Failed(_));
                    }
                }
            }
            Command::LoadTheirs { tab } => {
                if let Some((a, state)) = &mut tabs[tab].open {
                    if let Some(theirs) = state.load_theirs() {
                        *a = theirs;
                    }
                }
            }
            Command::Rename { id } => {
                // Rename reads the stored version and writes it back renamed at once.
                replaced_by_reader = Some(storage_key(IDS[id]));
                failed = commands::rename(&store, IDS[id], "renamed", &now).is_err();
            }
            Command::Duplicate { id } => {
                let fresh = format!("copy-{clock}");
                failed = commands::duplicate(&store, IDS[id], fresh, |n| format!("{n} 2"), &now)
                    .is_err();
            }
            Command::ToBin { id } => {
                failed = commands::move_to_bin(&store, &storage_key(IDS[id]), &now).is_err();
            }
            Command::Restore { nth, replacing } => {
                let bin = Snapshot::read(&store).unwrap().bin;
                if let Some(entry) = bin.get(nth) {
                    failed = if replacing {
                        commands::restore_replacing(&store, &entry.key, &now).is_err()
                    } else {
                        commands::restore(&store, &entry.key).is_err()
                    };
                }
            }
            Command::RestoreAsCopy { nth } => {
                let bin = Snapshot::read(&store).unwrap().bin;
                if let Some(entry) = bin.get(nth) {
                    let fresh = format!("copy-{clock}");
                    match commands::restore_as_copy(&store, &entry.key, fresh, |n| n.into(), &now) {
                        Ok(copy) => {
                            let original = entry.content.clone().expect("a readable entry");
                            prop_assert_eq!(&copy.answers, &original.answers);
                            moved = Some((entry.key.clone(), entry_key(&copy)));
                        }
                        Err(_) => failed = true,
                    }
                }
            }
            Command::Purge { nth } => {
                explicit_removal = true;
                let bin = Snapshot::read(&store).unwrap().bin;
                if let Some(entry) = bin.get(nth) {
                    failed = commands::purge(&store, &entry.key).is_err();
                }
            }
            Command::EmptyBin => {
                explicit_removal = true;
                failed = commands::empty_bin(&store).is_err();
            }
            Command::DeleteAll => {
                explicit_removal = true;
                failed = commands::delete_all(&store).is_err();
            }
            Command::Import {
                id,
                revision,
                choice,
            } => {
                let mut file = assessment(IDS[id], &now);
                file.revision = revision;
                file.name = format!("imported {clock}");
                let bytes = format::to_json(&file, &now).into_bytes();
                match commands::import_batch(&store, [bytes], &now).remove(0) {
                    FileResult::Pending { checked, .. } => {
                        let choice = [Choice::Replace, Choice::KeepBoth, Choice::Skip][choice];
                        failed = commands::settle(
                            &store,
                            &checked,
                            choice,
                            || format!("kept-{clock}"),
                            |n| n.into(),
                            &now,
                        )
                        .is_err();
                    }
                    FileResult::NotSaved(_) => failed = true,
                    FileResult::Imported(_) | FileResult::Refused(_) => {}
                }
            }
            // Room for `headroom` more bytes than are used now, or no limit.
            Command::Quota(headroom) => store.set_quota(headroom.map(|h| store.used_bytes() + h)),
            Command::TakeSnapshot { id } => {
                if let Ok(Loaded::Readable(a)) = commands::load(&store, IDS[id]) {
                    let fresh = format!("snap-{clock}");
                    match commands::save_snapshot(&store, &a, fresh, "Baseline", &now) {
                        Ok(frozen) => {
                            // Frozen as the assessment was, with its mark.
                            let stored = commands::load_snapshot(&store, &entry_key(&frozen));
                            prop_assert_eq!(stored.as_ref(), Ok(&frozen));
                            prop_assert_eq!(&frozen.answers, &a.answers);
                            prop_assert_eq!(frozen.revision, a.revision);
                        }
                        Err(_) => failed = true,
                    }
                }
            }
            Command::RenameSnapshot { nth } => {
                if let Some(key) = snapshot_keys(&store).get(nth) {
                    replaced_by_reader = Some(key.clone());
                    let before_rename = commands::load_snapshot(&store, key);
                    match commands::rename_snapshot(&store, key, "Follow-up", &now) {
                        Ok(renamed) => {
                            let was = before_rename.expect("it read before");
                            prop_assert_eq!(&renamed.answers, &was.answers);
                            prop_assert_eq!(renamed.revision, was.revision);
                        }
                        Err(_) => failed = true,
                    }
                }
            }
            Command::SnapshotToBin { nth } => {
                if let Some(key) = snapshot_keys(&store).get(nth) {
                    failed = commands::move_to_bin(&store, key, &now).is_err();
                }
            }
            Command::SnapshotForGood { nth } => {
                explicit_removal = true;
                if let Some(key) = snapshot_keys(&store).get(nth) {
                    failed = commands::delete_for_good(&store, key).is_err();
                }
            }
            Command::ImportSnapshot {
                id,
                snapshot: n,
                choice,
            } => {
                let mut of = assessment(IDS[id], "t0");
                of.name = format!("imported {clock}");
                let file = snapshot::freeze(&of, format!("s{n}"), "Imported", &now);
                let bytes = format::to_json(&file, &now).into_bytes();
                match commands::import_batch(&store, [bytes], &now).remove(0) {
                    FileResult::Pending { checked, .. } => {
                        let choice = [Choice::Replace, Choice::KeepBoth, Choice::Skip][choice];
                        failed = commands::settle(
                            &store,
                            &checked,
                            choice,
                            || format!("kept-{clock}"),
                            |n| n.into(),
                            &now,
                        )
                        .is_err();
                    }
                    FileResult::Imported(checked) => {
                        // Stored as a snapshot, never as the assessment.
                        prop_assert!(store
                            .get(&entry_key(&checked.assessment))
                            .unwrap()
                            .is_some());
                    }
                    FileResult::NotSaved(_) => failed = true,
                    FileResult::Refused(e) => prop_assert!(false, "refused: {:?}", e),
                }
            }
        }
        let after = versions(&store);
        // Snapshots never sit under an assessment's key; every stored one reads.
        for key in after.keys().filter(|k| k.starts_with(SNAPSHOT_PREFIX)) {
            prop_assert!(
                commands::load_snapshot(&store, key).is_ok(),
                "{:?} left an unreadable snapshot at {}",
                command,
                key
            );
        }
        if failed || only_in_memory {
            prop_assert_eq!(
                &before,
                &after,
                "{:?} failed or only typed, but changed the store",
                command
            );
        }
        if explicit_removal {
            continue;
        }
        let kept: BTreeSet<&String> = after.values().collect();
        for (key, text) in &before {
            if kept.contains(text) {
                continue;
            }
            if let Some((from, to)) = &moved {
                if from == key && after.contains_key(to) {
                    continue;
                }
            }
            // Gone from everywhere: only the tab that had seen exactly this version,
            // or a rename that read it, may have replaced it, at its own key.
            let stored = format::parse(text).ok();
            let by_its_reader = replaced_by_reader.as_deref() == Some(key.as_str())
                || seen.iter().flatten().any(|(tab_key, tab_seen)| {
                    tab_key == key && stored.as_ref().is_some_and(|s| &stamp(s) == tab_seen)
                });
            prop_assert!(
                by_its_reader && after.contains_key(key),
                "{:?} lost the version at {}",
                command,
                key
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nothing_stored_is_ever_lost(commands in prop::collection::vec(command(), 1..40)) {
        run(commands)?;
    }

    /// The tightest case: a conflict settled with "keep mine" when the store has room
    /// for some of it (the bin copy of theirs, say) but maybe not all.
    #[test]
    fn keep_mine_in_a_nearly_full_store(headroom in 0..4_000usize, mine in 0..800usize) {
        run(vec![
            Command::Open { tab: 0, id: 0 },
            Command::Open { tab: 1, id: 0 },
            Command::Edit { tab: 0, size: 10 },
            Command::Edit { tab: 1, size: mine },
            Command::Quota(Some(headroom)),
            Command::KeepMine { tab: 1 },
            Command::Import { id: 0, revision: 1, choice: 0 },
            Command::Restore { nth: 0, replacing: true },
        ])?;
    }

    /// Snapshots in a nearly full store: taken, imported again over themselves, binned
    /// and restored over each other.
    #[test]
    fn snapshots_in_a_nearly_full_store(headroom in 0..3_000usize, choice in 0..3usize, nth in 0..3usize) {
        run(vec![
            Command::Edit { tab: 0, size: 0 },
            Command::Open { tab: 0, id: 0 },
            Command::Edit { tab: 0, size: 50 },
            Command::TakeSnapshot { id: 0 },
            Command::ImportSnapshot { id: 0, snapshot: 0, choice: 0 },
            Command::Quota(Some(headroom)),
            Command::ImportSnapshot { id: 0, snapshot: 0, choice },
            Command::TakeSnapshot { id: 0 },
            Command::RenameSnapshot { nth },
            Command::SnapshotToBin { nth },
            Command::ImportSnapshot { id: 0, snapshot: 0, choice: 1 },
            Command::Restore { nth: 0, replacing: true },
            Command::RestoreAsCopy { nth: 0 },
        ])?;
    }
}

#[test]
fn two_tabs_one_deleting_the_other_editing_lose_nothing() {
    run(vec![
        Command::Open { tab: 0, id: 0 },
        Command::Open { tab: 1, id: 0 },
        Command::Edit { tab: 0, size: 10 },
        Command::ToBin { id: 0 },
        Command::Edit { tab: 1, size: 20 },
        Command::KeepMine { tab: 1 },
        Command::Quota(Some(100)),
        Command::Edit { tab: 0, size: 300 },
        Command::Hear { tab: 0 },
        Command::KeepMine { tab: 0 },
    ])
    .unwrap();
}
