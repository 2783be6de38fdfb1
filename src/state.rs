//! The one reactive assessment being edited, and how a change reaches storage.
//! Pages read from it; only `Editor::change` writes, and every write is saved at once.
//!
//! Two tabs: the editor remembers the revision it last loaded or wrote. Before a write
//! it reads the stored entry; if another tab has written since, it does not overwrite
//! but keeps the change in memory and raises a conflict for the user to settle ("keep
//! mine" sends theirs to the bin first; "load theirs" drops the unsaved change). A
//! change made in another tab while this one has nothing unsaved is simply loaded.

use crate::core::assessment::Assessment;
use crate::core::instrument::Instrument;
use crate::core::scoring::{self, Profile};
use crate::core::{content, format, library};
use crate::platform;
use crate::storage::{self, StorageError};
use leptos::prelude::*;

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
    /// `None` when the stored entry cannot be read (it is kept, never overwritten).
    pub theirs: Option<Assessment>,
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub assessment: RwSignal<Assessment>,
    pub status: RwSignal<SaveStatus>,
    pub profile: Memo<Profile>,
    pub instrument: &'static Instrument,
    /// A write of another tab that this tab's unsaved change would overwrite.
    pub conflict: RwSignal<Option<Conflict>>,
    /// The stored revision this tab last loaded or wrote.
    seen_revision: RwSignal<u64>,
}

impl Editor {
    pub fn new(assessment: Assessment) -> Editor {
        let instrument = content::instrument(assessment.perspective);
        let seen_revision = RwSignal::new(assessment.revision);
        let assessment = RwSignal::new(assessment);
        let editor = Editor {
            assessment,
            status: RwSignal::new(SaveStatus::Idle),
            profile: Memo::new(move |_| assessment.with(|a| scoring::profile(instrument, a))),
            instrument,
            conflict: RwSignal::new(None),
            seen_revision,
        };
        editor.follow_other_tabs();
        editor
    }

    /// Listens for writes of other tabs to this assessment (the `storage` event fires
    /// only in the tabs that did not write), for as long as the view lives.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = self
                .assessment
                .with_untracked(|a| library::storage_key(&a.id));
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            // Removed (moved to the bin) elsewhere: the next change here saves it again.
            let Some(text) = event.new_value() else {
                return;
            };
            self.other_tab_wrote(format::parse(&text).ok());
        });
        on_cleanup(move || handle.remove());
    }

    fn other_tab_wrote(&self, theirs: Option<Assessment>) {
        if theirs
            .as_ref()
            .is_some_and(|t| t.revision == self.seen_revision.get_untracked())
        {
            return;
        }
        let unsaved = self.conflict.with_untracked(Option::is_some)
            || matches!(self.status.get_untracked(), SaveStatus::Failed(_));
        match theirs {
            Some(theirs) if !unsaved => {
                self.seen_revision.set(theirs.revision);
                self.assessment.set(theirs);
                self.status.set(SaveStatus::Reloaded);
            }
            theirs => self.conflict.set(Some(Conflict { theirs })),
        }
    }

    /// Downloads the assessment as a JSON file of the current format.
    pub fn export_json(&self) {
        let now = platform::now_iso();
        let (name, text) = self
            .assessment
            .with_untracked(|a| (format::file_name(a, &now, "json"), format::to_json(a, &now)));
        if let Err(detail) = storage::files::download(&name, "application/json", &text) {
            leptos::logging::warn!("download failed: {detail}");
        }
    }

    /// Applies a change (given the current timestamp) and saves it, unless another tab
    /// has written since this one last read: then the change stays in memory and a
    /// conflict asks the user.
    pub fn change(&self, edit: impl FnOnce(&mut Assessment, &str)) {
        let now = platform::now_iso();
        self.assessment.update(|a| edit(a, &now));
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let id = self.assessment.with_untracked(|a| a.id.clone());
        match storage::load(&id) {
            Ok(Some(Ok(stored))) if stored.revision != self.seen_revision.get_untracked() => {
                self.conflict.set(Some(Conflict {
                    theirs: Some(stored),
                }));
            }
            Ok(Some(Err(_))) => self.conflict.set(Some(Conflict { theirs: None })),
            _ => self.write(&now),
        }
    }

    fn write(&self, now: &str) {
        let saved = self.assessment.with_untracked(|a| storage::save(a, now));
        self.status.set(match saved {
            Ok(()) => {
                self.seen_revision
                    .set(self.assessment.with_untracked(|a| a.revision));
                SaveStatus::Saved
            }
            Err(error) => SaveStatus::Failed(error),
        });
    }

    /// Settles a conflict with this tab's version: the stored one goes to the bin (so it
    /// can be restored), then this one is saved with a revision above both.
    pub fn keep_mine(&self) {
        let now = platform::now_iso();
        let id = self.assessment.with_untracked(|a| a.id.clone());
        let stored_revision = match storage::load(&id) {
            Ok(Some(Ok(stored))) => stored.revision,
            _ => 0,
        };
        if let Err(error) = storage::move_to_bin(&library::storage_key(&id), &now) {
            self.status.set(SaveStatus::Failed(error));
            return;
        }
        self.assessment.update(|a| {
            a.revision = a.revision.max(stored_revision);
            a.touch(&now);
        });
        self.conflict.set(None);
        self.write(&now);
    }

    /// Settles a conflict with the other tab's version; this tab's unsaved change is
    /// dropped, as the user chose.
    pub fn load_theirs(&self) {
        let theirs = self
            .conflict
            .with_untracked(|c| c.as_ref().and_then(|c| c.theirs.clone()));
        if let Some(theirs) = theirs {
            self.seen_revision.set(theirs.revision);
            self.assessment.set(theirs);
            self.conflict.set(None);
            self.status.set(SaveStatus::Reloaded);
        }
    }
}
