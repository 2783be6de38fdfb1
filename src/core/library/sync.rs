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
//! A tab also keeps the exact text it last wrote. Before its next write it reads the
//! stored text and compares it with that: equal, the entry is this tab's own version and
//! the write goes ahead without parsing it; different, it is parsed and the rules above
//! apply as they always did. Parsing the stored entry and comparing stamps would reach
//! the same answer for the text this tab wrote, only slower (an assessment with every
//! note filled is tens of kilobytes of JSON).
//!
//! Text fields are saved after a pause in typing (`hold`, then `save_change` when the
//! pause ends or the field is left): until then the status is `Pending`, which counts as
//! unsaved, so another tab's write in between is never taken over the typed text.
//!
//! `EditState` is the whole of a tab's bookkeeping; the reactive `state::Editor` holds
//! one beside its assessment and calls these methods, so the rules are tested here.

use super::commands::{self, load};
use super::{storage_key, Loaded};
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
    /// A text change is on screen and in memory; its write waits for a pause in typing
    /// or for the field to be left.
    Pending,
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
    /// The exact stored text of `seen` when this tab wrote it; `None` when this tab only
    /// read that version (its next write then parses the stored entry once).
    seen_text: Option<String>,
    pub status: SaveStatus,
    pub conflict: Option<Conflict>,
}

impl EditState {
    pub fn opened(assessment: &Assessment) -> EditState {
        EditState {
            seen: stamp(assessment),
            seen_text: None,
            status: SaveStatus::Idle,
            conflict: None,
        }
    }

    /// The stored version this tab last loaded or wrote.
    pub fn seen(&self) -> &Stamp {
        &self.seen
    }

    /// The exact text this tab last wrote, while the version it has seen is that one.
    pub fn seen_text(&self) -> Option<&str> {
        self.seen_text.as_deref()
    }

    /// A change is on screen and in memory but not in storage.
    pub fn has_unsaved(&self) -> bool {
        self.conflict.is_some()
            || matches!(self.status, SaveStatus::Failed(_) | SaveStatus::Pending)
    }

    /// A text change is in memory and its write waits (`save_change` writes it). While a
    /// conflict is open nothing is written anyway, and the conflict says so.
    pub fn hold(&mut self) {
        if self.conflict.is_none() {
            self.status = SaveStatus::Pending;
        }
    }

    /// A held text change waits for its write (while a conflict is open, none comes: the
    /// user settles it first).
    pub fn is_pending(&self) -> bool {
        self.conflict.is_none() && self.status == SaveStatus::Pending
    }

    /// Saves `assessment` just changed in this tab, unless another tab has written or
    /// deleted it since this one last read it: then the change is held and a conflict
    /// raised. A stored text equal to the one this tab last wrote is its own version:
    /// written over without being parsed.
    pub fn save_change(&mut self, store: &dyn Store, assessment: &Assessment, now: &str) {
        if self.conflict.is_some() {
            return;
        }
        let key = storage_key(&assessment.id);
        let stored = match store.get(&key) {
            Ok(stored) => stored,
            // Unreadable storage: the write itself says what is wrong.
            Err(_) => return self.write(store, assessment, now),
        };
        if stored.is_some() && stored.as_deref() == self.seen_text.as_deref() {
            return self.write(store, assessment, now);
        }
        match Loaded::read(&key, stored) {
            Loaded::Readable(stored) if stamp(&stored) != self.seen => {
                self.conflict = Some(Conflict::with(Some(*stored)));
            }
            Loaded::Unreadable { .. } => self.conflict = Some(Conflict::with(None)),
            // Deleted elsewhere since this tab loaded it: saving would bring it back
            // unasked.
            Loaded::Absent => {
                self.conflict = Some(Conflict {
                    theirs: None,
                    gone: true,
                })
            }
            Loaded::Readable(_) => self.write(store, assessment, now),
        }
    }

    fn write(&mut self, store: &dyn Store, assessment: &Assessment, now: &str) {
        self.status = match commands::write(store, assessment, now) {
            Ok(text) => {
                self.seen = stamp(assessment);
                self.seen_text = Some(text);
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
        match commands::write_replacing(store, assessment, now) {
            Ok(text) => {
                self.conflict = None;
                self.seen = stamp(assessment);
                self.seen_text = Some(text);
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
        self.seen_text = None;
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
    fn a_write_from_another_tab_between_two_of_this_tabs_writes_is_caught() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        one.note(&store, "one's first", "t1");
        assert_eq!(one.state.status, SaveStatus::Saved);
        // A tab opened after one's write writes without conflict…
        let mut two = Tab::open(&store, "a");
        two.note(&store, "from two", "t2");
        assert_eq!(two.state.status, SaveStatus::Saved);
        let theirs = store.get(&storage_key("a")).unwrap();
        // …and one's next write, whose remembered text no longer matches, is held.
        one.note(&store, "one's second", "t3");
        let conflict = one.state.conflict.clone().expect("a conflict");
        assert_eq!(conflict.theirs.unwrap().note("q"), "from two");
        assert_eq!(store.get(&storage_key("a")).unwrap(), theirs);
        assert!(one.state.has_unsaved());
    }

    #[test]
    fn an_unreadable_or_removed_entry_between_two_writes_is_caught() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        one.note(&store, "first", "t1");
        store.set(&storage_key("a"), "{ not an assessment").unwrap();
        one.note(&store, "second", "t2");
        assert!(one
            .state
            .conflict
            .as_ref()
            .is_some_and(|c| c.theirs.is_none() && !c.gone));
        assert_eq!(
            store.get(&storage_key("a")).unwrap().as_deref(),
            Some("{ not an assessment")
        );

        let store = store_with("b");
        let mut one = Tab::open(&store, "b");
        one.note(&store, "first", "t1");
        crate::core::library::commands::move_to_bin(&store, &storage_key("b"), "t2").unwrap();
        one.note(&store, "second", "t3");
        assert_eq!(load(&store, "b").unwrap(), Loaded::Absent);
        assert!(one.state.conflict.as_ref().is_some_and(|c| c.gone));
    }

    #[test]
    fn a_tab_remembers_exactly_what_it_wrote_and_forgets_it_on_taking_theirs() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        assert_eq!(one.state.seen_text(), None);
        one.note(&store, "from one", "t1");
        let stored = store.get(&storage_key("a")).unwrap();
        assert_eq!(one.state.seen_text(), stored.as_deref());
        // Writes in a row compare with the text just written, and keep saving.
        one.note(&store, "from one, longer", "t2");
        assert_eq!(one.state.status, SaveStatus::Saved);
        assert_eq!(
            one.state.seen_text(),
            store.get(&storage_key("a")).unwrap().as_deref()
        );
        // Taking another tab's version forgets the text: it was not this tab's.
        two.note(&store, "two", "t3");
        two.state.keep_mine(&store, &mut two.assessment, "t4");
        assert_eq!(
            two.state.seen_text(),
            store.get(&storage_key("a")).unwrap().as_deref()
        );
        let theirs = load(&store, "a").unwrap();
        let Loaded::Readable(theirs) = theirs else {
            panic!("readable")
        };
        assert!(matches!(
            one.state.other_tab_wrote(Some(*theirs)),
            Reaction::Take(_)
        ));
        assert_eq!(one.state.seen_text(), None);
        one.note(&store, "after taking", "t5");
        assert_eq!(one.state.status, SaveStatus::Saved);
    }

    #[test]
    fn typed_text_waits_for_its_write_and_is_never_dropped_for_another_tabs() {
        let store = store_with("a");
        let mut one = Tab::open(&store, "a");
        let mut two = Tab::open(&store, "a");
        let before = store.contents();
        one.assessment.set_note("q", "typed", "t1");
        one.state.hold();
        assert!(one.state.is_pending());
        assert!(one.state.has_unsaved());
        assert_eq!(store.contents(), before, "nothing is written while typing");
        // Another tab writes meanwhile: the typed text is not replaced by theirs.
        two.note(&store, "from two", "t2");
        assert_eq!(
            one.state.other_tab_wrote(Some(two.assessment.clone())),
            Reaction::Conflicted
        );
        assert_eq!(one.assessment.note("q"), "typed");
        // While a conflict is open, typing does not claim a write is coming.
        one.state.hold();
        assert!(!one.state.is_pending());

        // Without another tab, the write at the pause saves it.
        let store = store_with("b");
        let mut one = Tab::open(&store, "b");
        one.assessment.set_note("q", "typed", "t1");
        one.state.hold();
        one.state.save_change(&store, &one.assessment, "t1");
        assert_eq!(one.state.status, SaveStatus::Saved);
        assert!(!one.state.has_unsaved());
        let Ok(Loaded::Readable(stored)) = load(&store, "b") else {
            panic!("readable")
        };
        assert_eq!(stored.note("q"), "typed");
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
