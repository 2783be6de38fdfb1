//! The Library service: one reactive snapshot of the stored library, read again once
//! per change and per `storage` event from another tab, and typed commands for every
//! change to it. The rules are `core::library::commands`; this adds the clock, fresh
//! ids, the names of copies, and the refresh. Beside the library (local storage), the
//! assessments of a shared computer live in this tab's session storage
//! (`core::library::session`): the Library lists them too, finds which store holds an
//! assessment, and deletes everything from both.

use crate::core::assessment::{Assessment, InstrumentRef, NewAssessment};
use crate::core::import::{self, Checked};
use crate::core::library::commands::{self, Choice, CommandError, FileResult, Restored, Settled};
use crate::core::library::session::{self, Place, Removed};
use crate::core::library::{self, Item, Loaded, Snapshot};
use crate::core::store::{StorageError, Store};
use crate::i18n::{content, tf};
use crate::platform;
use crate::storage::{LocalStore, SessionStore};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Library {
    version: RwSignal<u64>,
    /// Read lazily: a change while no view shows the library costs nothing.
    snapshot: Memo<Result<Snapshot, StorageError>>,
    /// This tab's shared-computer assessments (session storage), with whether each was
    /// exported since its last change.
    in_tab: Memo<Vec<(Assessment, bool)>>,
    /// A polite announcement of the last thing done in the library.
    pub notice: RwSignal<Option<String>>,
}

const STORE: LocalStore = LocalStore;
const SESSION: SessionStore = SessionStore;

/// This tab's shared-computer assessments, each with whether it was exported whole
/// since its last change. A session storage the browser refuses holds none.
fn read_in_tab() -> Vec<(Assessment, bool)> {
    let all = Snapshot::read(&SESSION)
        .map(|s| s.items)
        .unwrap_or_default();
    let unexported: Vec<String> = session::unexported(&SESSION)
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.id)
        .collect();
    all.into_iter()
        .map(|i| {
            let exported = !unexported.contains(&i.assessment.id);
            (i.assessment, exported)
        })
        .collect()
}

impl Library {
    /// Call once, inside the app's root component.
    pub fn for_app() -> Library {
        let version = RwSignal::new(0u64);
        let snapshot = Memo::new(move |_| {
            version.track();
            Snapshot::read(&STORE)
        });
        let in_tab = Memo::new(move |_| {
            version.track();
            read_in_tab()
        });
        let library = Library {
            version,
            snapshot,
            in_tab,
            notice: RwSignal::new(None),
        };
        // Another tab saved, deleted or imported (a `None` key: it cleared storage).
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            if event
                .key()
                .is_none_or(|key| key.starts_with(library::APP_PREFIX))
            {
                library.refresh();
            }
        });
        library
    }

    pub fn store(&self) -> &'static dyn Store {
        &STORE
    }

    /// The store that keeps assessments of this `place`.
    pub fn store_at(&self, place: Place) -> &'static dyn Store {
        match place {
            Place::Local => &STORE,
            Place::Session => &SESSION,
        }
    }

    /// This tab's shared-computer assessments, with whether each was exported since its
    /// last change, reactively.
    pub fn in_tab(&self) -> Vec<(Assessment, bool)> {
        self.in_tab.get()
    }

    /// A shared-computer assessment changed since it was last exported: closing the tab
    /// would lose it. Read now, for the page's `beforeunload`.
    pub fn in_tab_unexported(&self) -> bool {
        session::unexported(&SESSION).is_ok_and(|a| !a.is_empty())
    }

    /// Records that this version of `assessment` was exported whole, if it is a shared
    /// computer's (one in this tab's session storage).
    pub fn exported(&self, assessment: &Assessment) {
        if matches!(
            SESSION.get(&library::storage_key(&assessment.id)),
            Ok(Some(_))
        ) {
            let _ = session::mark_exported(&SESSION, assessment);
            self.refresh();
        }
    }

    /// Reads storage again when the snapshot is next read.
    pub fn refresh(&self) {
        self.version.try_update(|v| *v = v.wrapping_add(1));
    }

    pub fn announce(&self, text: String) {
        self.notice.try_set(Some(text));
    }

    pub fn with<R>(&self, f: impl FnOnce(&Result<Snapshot, StorageError>) -> R) -> R {
        self.snapshot.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Result<Snapshot, StorageError>) -> R) -> R {
        self.snapshot.with_untracked(f)
    }

    /// The library's listing of one assessment, reactively.
    pub fn item(&self, id: &str) -> Option<Item> {
        self.snapshot
            .with(|s| s.as_ref().ok().and_then(|s| s.item(id).cloned()))
    }

    /// The library's listing of one assessment, as it is now (not tracked).
    pub fn item_untracked(&self, id: &str) -> Option<Item> {
        self.snapshot
            .with_untracked(|s| s.as_ref().ok().and_then(|s| s.item(id).cloned()))
    }

    /// The snapshots of the assessment `id`, oldest first, reactively.
    pub fn snapshots_of(&self, id: &str) -> Vec<Assessment> {
        self.snapshot.with(|s| {
            s.as_ref()
                .map(|s| s.snapshots_of(id).to_vec())
                .unwrap_or_default()
        })
    }

    /// Saves a snapshot of `assessment` as it is now, labelled `label`.
    pub fn save_snapshot(
        &self,
        assessment: &Assessment,
        label: &str,
    ) -> Result<Assessment, StorageError> {
        self.changing(|store, now| {
            commands::save_snapshot(store, assessment, platform::new_id(), label, now)
        })
    }

    pub fn rename_snapshot(&self, key: &str, label: &str) -> Result<Assessment, CommandError> {
        self.changing(|store, now| commands::rename_snapshot(store, key, label, now))
    }

    /// Runs a command and reads storage again afterwards, whatever it did.
    fn changing<R>(&self, command: impl FnOnce(&'static dyn Store, &str) -> R) -> R {
        let result = command(&STORE, &platform::now_iso());
        self.refresh();
        result
    }

    /// The assessment `id`, and where it is kept (this tab's session storage first).
    pub fn load(&self, id: &str) -> Result<(Loaded, Place), StorageError> {
        session::locate(&STORE, &SESSION, id)
    }

    /// Saves a new, empty assessment of the app's instrument for its perspective, in
    /// the library or, on a shared computer, in this tab only.
    /// A new assessment, in the language the page speaks now.
    pub fn create(&self, details: NewAssessment, place: Place) -> Result<Assessment, StorageError> {
        let store = self.store_at(place);
        self.changing(|_, now| {
            let instrument = content::instrument(details.perspective);
            let mut assessment = Assessment::create(
                platform::new_id(),
                details,
                InstrumentRef {
                    id: instrument.id.clone(),
                    version: instrument.version.clone(),
                },
                now,
            );
            assessment.language = Some(crate::i18n::language().tag().to_owned());
            commands::save(store, &assessment, now).map(|()| assessment)
        })
    }

    /// Saves an assessment made elsewhere in the app (a workshop's consensus).
    pub fn save_new(&self, assessment: &Assessment) -> Result<(), StorageError> {
        self.changing(|store, now| commands::save(store, assessment, now))
    }

    pub fn rename(&self, id: &str, name: &str) -> Result<Assessment, CommandError> {
        self.changing(|store, now| commands::rename(store, id, name, now))
    }

    pub fn duplicate(&self, id: &str) -> Result<Assessment, CommandError> {
        self.changing(|store, now| {
            commands::duplicate(
                store,
                id,
                platform::new_id(),
                |name| tf("library.copy_name", &[("name", &name)]),
                now,
            )
        })
    }

    /// Moves the entry under `key` (an assessment key, readable or not) to the bin.
    pub fn move_to_bin(&self, key: &str) -> Result<(), StorageError> {
        self.changing(|store, now| commands::move_to_bin(store, key, now))
    }

    /// Deletes the entry under `key` for good, with no bin copy: only after the user
    /// confirmed, when the bin copy could not be written.
    pub fn delete_for_good(&self, key: &str) -> Result<(), StorageError> {
        self.changing(|store, _| commands::delete_for_good(store, key))
    }

    pub fn restore(&self, bin_key: &str) -> Result<Restored, StorageError> {
        self.changing(|store, _| commands::restore(store, bin_key))
    }

    pub fn restore_replacing(&self, bin_key: &str) -> Result<(), StorageError> {
        self.changing(|store, now| commands::restore_replacing(store, bin_key, now))
    }

    pub fn restore_as_copy(&self, bin_key: &str) -> Result<Assessment, CommandError> {
        self.changing(|store, now| {
            commands::restore_as_copy(
                store,
                bin_key,
                platform::new_id(),
                |name| tf("bin.copy_name", &[("name", &name)]),
                now,
            )
        })
    }

    pub fn purge(&self, bin_key: &str) -> Result<(), StorageError> {
        self.changing(|store, _| commands::purge(store, bin_key))
    }

    pub fn empty_bin(&self) -> Result<usize, StorageError> {
        self.changing(|store, _| commands::empty_bin(store))
    }

    /// "Delete all my data": every key of the app in local storage and in this tab's
    /// session storage. The workshop in progress, held in memory too, is closed by the
    /// caller.
    pub fn delete_everything(&self) -> Result<Removed, StorageError> {
        self.changing(|store, _| session::delete_everything(store, &SESSION))
    }

    /// Checks one file of `batch` whole and writes it if it is new
    /// (`commands::import_file`). The snapshot is not read again here: the caller
    /// refreshes once the batch is done, so a batch of many files is not read back after
    /// every file.
    pub fn import_file(&self, batch: &mut import::Batch, bytes: &[u8]) -> FileResult {
        commands::import_file(&STORE, batch, bytes, &platform::now_iso())
    }

    pub fn settle(&self, checked: &Checked, choice: Choice) -> Result<Settled, StorageError> {
        self.changing(|store, now| {
            commands::settle(
                store,
                checked,
                choice,
                platform::new_id,
                |name| tf("import.copy_name", &[("name", &name)]),
                now,
            )
        })
    }

    /// Every readable assessment, for the CSV of the whole library.
    pub fn assessments(&self) -> Vec<Assessment> {
        self.snapshot.with_untracked(|s| {
            s.as_ref()
                .map(|s| s.items.iter().map(|i| i.assessment.clone()).collect())
                .unwrap_or_default()
        })
    }
}
