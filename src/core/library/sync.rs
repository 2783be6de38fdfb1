//! Two tabs, one store: the rules an editing tab follows so that a change saved in
//! another tab is never silently overwritten.
//!
//! A tab remembers the stored version it last loaded or wrote (its revision *and* its
//! last-change time, so an import that happens to carry the same revision is not taken
//! for this tab's own). Before a write it reads the stored entry; if another tab has
//! written since, or deleted it, the change stays in memory and a conflict asks the
//! user: "keep mine" sends theirs to the bin first, "load theirs" drops the unsaved
//! change. A write from another tab while this one has nothing unsaved is loaded.
//!
//! `EditState` is the whole of a tab's bookkeeping; the reactive `state::Editor` holds
//! one beside its assessment and calls these methods, so the rules are tested here.

use super::commands::{self, load};
use super::Loaded;
use crate::core::assessment::Assessment;
use crate::core::store::{StorageError, Store};

/// What identifies one stored version: its revision and its last-change time.
pub type Stamp = (u64, String);

pub fn stamp(a: &Assessment) -> Stamp {
    (a.revision, a.updated_at.clone())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the view opened.
    Idle,
    Saved,
    /// The change is on screen and in memory but not in storage.
    Failed(StorageError),
    /// Another tab changed this assessment and this tab had nothing unsaved: its
    /// version is shown now.
    Reloaded,
}

/// Another tab's version of the assessment, stored after this tab last read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// `None` when the stored entry cannot be read (it is kept, never overwritten) or
    /// is gone.
    pub theirs: Option<Assessment>,
    /// The entry was removed (deleted or moved to the bin) elsewhere.
    pub gone: bool,
}

impl Conflict {
    fn with(theirs: Option<Assessment>) -> Conflict {
        Conflict {
            theirs,
            gone: false,
        }
    }
}

/// What to do about a write that another tab made.
#[derive(Clone, Debug, PartialEq)]
pub enum Reaction {
    /// This tab's own write, echoed: nothing to do.
    Ignore,
    /// Show their version; this tab had nothing unsaved.
    Take(Box<Assessment>),
    /// This tab holds a change that theirs would overwrite: the user settles it.
    Conflicted,
}

/// A tab's bookkeeping for the assessment it edits.
#[derive(Clone, Debug, PartialEq)]
pub struct EditState {
    /// The stored version this tab last loaded or wrote.
    seen: Stamp,
    pub status: SaveStatus,
    pub conflict: Option<Conflict>,
}

impl EditState {
    pub fn opened(assessment: &Assessment) -> EditState {
        EditState {
            seen: stamp(assessment),
            status: SaveStatus::Idle,
            conflict: None,
        }
    }

    /// The stored version this tab last loaded or wrote.
    pub fn seen(&self) -> &Stamp {
        &self.seen
    }

    /// A change is on screen and in memory but not in storage.
    pub fn has_unsaved(&self) -> bool {
        self.conflict.is_some() || matches!(self.status, SaveStatus::Failed(_))
    }

    /// Saves `assessment` just changed in this tab, unless another tab has written or
    /// deleted it since this one last read it: then the change is held and a conflict
    /// raised.
    pub fn save_change(&mut self, store: &dyn Store, assessment: &Assessment, now: &str) {
        if self.conflict.is_some() {
            return;
        }
        match load(store, &assessment.id) {
            Ok(Loaded::Readable(stored)) if stamp(&stored) != self.seen => {
                self.conflict = Some(Conflict::with(Some(*stored)));
            }
            Ok(Loaded::Unreadable { .. }) => self.conflict = Some(Conflict::with(None)),
            // Deleted elsewhere since this tab loaded it: saving would bring it back
            // unasked.
            Ok(Loaded::Absent) => {
                self.conflict = Some(Conflict {
                    theirs: None,
                    gone: true,
                })
            }
            Ok(Loaded::Readable(_)) | Err(_) => self.write(store, assessment, now),
        }
    }

    fn write(&mut self, store: &dyn Store, assessment: &Assessment, now: &str) {
        self.status = match commands::save(store, assessment, now) {
            Ok(()) => {
                self.seen = stamp(assessment);
                SaveStatus::Saved
            }
            Err(error) => SaveStatus::Failed(error),
        };
    }

    /// Settles a conflict with this tab's version: the stored one goes to the bin (so it
    /// can be restored), then this one is saved with a revision above both (at the
    /// format's limit, at it: `Assessment::touch` saturates).
    pub fn keep_mine(&mut self, store: &dyn Store, assessment: &mut Assessment, now: &str) {
        let stored_revision = match load(store, &assessment.id) {
            Ok(Loaded::Readable(stored)) => stored.revision,
            _ => 0,
        };
        assessment.revision = assessment.revision.max(stored_revision);
        assessment.touch(now);
        match commands::save_replacing(store, assessment, now) {
            Ok(()) => {
                self.conflict = None;
                self.seen = stamp(assessment);
                self.status = SaveStatus::Saved;
            }
            Err(error) => self.status = SaveStatus::Failed(error),
        }
    }

    /// Settles a conflict with the other tab's version, which the caller shows; this
    /// tab's unsaved change is dropped, as the user chose.
    pub fn load_theirs(&mut self) -> Option<Assessment> {
        let theirs = self.conflict.as_ref()?.theirs.clone()?;
        self.took(&theirs);
        Some(theirs)
    }

    /// Another tab wrote this assessment's entry (`None`: it does not read).
    pub fn other_tab_wrote(&mut self, theirs: Option<Assessment>) -> Reaction {
        match theirs {
            Some(theirs) if stamp(&theirs) == self.seen => Reaction::Ignore,
            Some(theirs) if !self.has_unsaved() => {
                self.took(&theirs);
                Reaction::Take(Box::new(theirs))
            }
            theirs => {
                self.conflict = Some(Conflict::with(theirs));
                Reaction::Conflicted
            }
        }
    }

    fn took(&mut self, theirs: &Assessment) {
        self.seen = stamp(theirs);
        self.conflict = None;
        self.status = SaveStatus::Reloaded;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Response;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::library::{commands::save, storage_key, Snapshot};
    use crate::core::store::MemoryStore;
    use crate::core::test_support;

    /// One tab: its assessment in memory and its bookkeeping.
    struct Tab {
        assessment: Assessment,
        state: EditState,
    }

    impl Tab {
        fn open(store: &MemoryStore, id: &str) -> Tab {
            let Ok(Loaded::Readable(a)) = load(store, id) else {
                panic!("{id} is stored")
            };
            Tab {
                state: EditState::opened(&a),
                assessment: *a,
            }
        }

        fn note(&mut self, store: &MemoryStore, text: &str, now: &str) {
            self.assessment.set_note("q", text, now);
            self.state.save_change(store, &self.assessment, now);
        }
    }

    fn store_with(id: &str) -> MemoryStore {
        let store = MemoryStore::new();
        let a = test_support::assessment(
            id,
            Perspective::City,
            Mode::Full,
            ("rr-city", "1.0.0"),
            "t0",
        );
        save(&store, &a, "t0").unwrap();
        store
    }

    #[test]
    fn a_write_from_another_tab_is_never_overwritten_silently() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        one.note(&store, "from one", "t1");
        assert_eq!(one.state.status, SaveStatus::Saved);
        two.note(&store, "from two", "t2");
        let conflict = two.state.conflict.clone().expect("a conflict");
        assert_eq!(conflict.theirs.unwrap().note("q"), "from one");
        assert_eq!(
            load(&store, "a").unwrap(),
            Loaded::read(&storage_key("a"), store.get(&storage_key("a")).unwrap())
        );
        assert!(two.state.has_unsaved());
    }

    #[test]
    fn keep_mine_bins_theirs_and_saves_above_both() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        one.note(&store, "from one", "t1");
        two.note(&store, "from two", "t2");
        two.state.keep_mine(&store, &mut two.assessment, "t3");
        assert_eq!(two.state.conflict, None);
        let Ok(Loaded::Readable(stored)) = load(&store, "a") else {
            panic!()
        };
        assert_eq!(stored.note("q"), "from two");
        assert!(stored.revision > one.assessment.revision);
        let bin = Snapshot::read(&store).unwrap().bin;
        assert_eq!(bin[0].content.as_ref().unwrap().note("q"), "from one");
    }

    #[test]
    fn load_theirs_drops_the_unsaved_change_and_follows_their_version() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        one.note(&store, "from one", "t1");
        two.note(&store, "from two", "t2");
        two.assessment = two.state.load_theirs().unwrap();
        assert_eq!(two.assessment.note("q"), "from one");
        assert_eq!(two.state.status, SaveStatus::Reloaded);
        two.note(&store, "two again", "t3");
        assert_eq!(two.state.status, SaveStatus::Saved);
    }

    #[test]
    fn a_deletion_elsewhere_is_not_undone_by_the_next_change() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        crate::core::library::commands::move_to_bin(&store, &storage_key("a"), "t1").unwrap();
        one.note(&store, "late", "t2");
        assert_eq!(load(&store, "a").unwrap(), Loaded::Absent);
        assert!(one.state.conflict.as_ref().is_some_and(|c| c.gone));
    }

    #[test]
    fn an_echo_is_ignored_and_a_quiet_tab_takes_their_version() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        one.note(&store, "from one", "t1");
        assert_eq!(
            one.state.other_tab_wrote(Some(one.assessment.clone())),
            Reaction::Ignore
        );
        assert!(matches!(
            two.state.other_tab_wrote(Some(one.assessment.clone())),
            Reaction::Take(t) if t.note("q") == "from one"
        ));
        // A tab holding an unsaved change is asked instead.
        store.set_quota(Some(store.used_bytes()));
        two.assessment = one.assessment.clone();
        two.note(&store, "x".repeat(100).as_str(), "t2");
        assert!(matches!(
            two.state.status,
            SaveStatus::Failed(StorageError::QuotaExceeded)
        ));
        assert_eq!(two.state.other_tab_wrote(None), Reaction::Conflicted);
    }

    #[test]
    fn an_assessment_at_the_revision_limit_keeps_saving_and_stays_readable() {
        use crate::core::format::{self, MAX_REVISION};
        let store = MemoryStore::new();
        let mut a = test_support::assessment(
            "a",
            Perspective::City,
            Mode::Full,
            ("rr-city", "1.0.0"),
            "t0",
        );
        a.revision = MAX_REVISION;
        save(&store, &a, "t0").unwrap();
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        // Two answers in a row: each saved, the entry readable, no conflict raised.
        one.note(&store, "first", "t1");
        one.note(&store, "second", "t2");
        assert_eq!(one.state.status, SaveStatus::Saved);
        assert_eq!(one.state.conflict, None);
        let Ok(Loaded::Readable(stored)) = load(&store, "a") else {
            panic!("the entry reads")
        };
        assert_eq!(
            (stored.revision, stored.note("q")),
            (MAX_REVISION, "second")
        );
        // The other tab still notices, by the time: its change raises a conflict.
        two.note(&store, "from two", "t3");
        assert!(two.state.conflict.is_some());
        two.state.keep_mine(&store, &mut two.assessment, "t4");
        assert_eq!(two.state.status, SaveStatus::Saved);
        assert_eq!(two.assessment.revision, MAX_REVISION);
        let Ok(Loaded::Readable(stored)) = load(&store, "a") else {
            panic!("the entry reads after keep mine")
        };
        assert_eq!(stored.note("q"), "from two");
        // Its "export mine" file imports again.
        let file = format::to_json(&two.assessment, "t5");
        assert!(crate::core::import::check(file.as_bytes()).is_ok());
    }

    #[test]
    fn a_full_store_keeps_the_change_in_memory_and_says_so() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        store.set_quota(Some(store.used_bytes()));
        let before = store.contents();
        one.assessment
            .set_response("q", Some(Response::DontKnow), "t1");
        one.note(&store, "a longer note than fits", "t1");
        assert_eq!(store.contents(), before);
        assert_eq!(
            one.state.status,
            SaveStatus::Failed(StorageError::QuotaExceeded)
        );
        assert!(one.state.has_unsaved());
    }
}
