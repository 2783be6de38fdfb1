//! The one reactive assessment being edited, and how a change reaches storage.
//! Pages read from it; only `Editor::change` writes, and every write is saved at once.
//!
//! Two tabs: the editor remembers the revision it last loaded or wrote. Before a write
//! it reads the stored entry; if another tab has written since, it does not overwrite
//! but keeps the change in memory and raises a conflict for the user to settle ("keep
//! mine" sends theirs to the bin first; "load theirs" drops the unsaved change). A
//! change made in another tab while this one has nothing unsaved is simply loaded.
//! A stored version is told apart by its revision *and* its last-change time, so an
//! import that happens to carry the same revision is not mistaken for this tab's own.
//!
//! `Editors` keeps the editor of the assessment last opened while it holds a change
//! that is not in storage (a conflict, or a full storage), so moving to another view
//! of that assessment does not drop the change, and leaving the page asks first.

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

/// What identifies one stored version: its revision and its last-change time.
type Stamp = (u64, String);

fn stamp(a: &Assessment) -> Stamp {
    (a.revision, a.updated_at.clone())
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub assessment: RwSignal<Assessment>,
    pub status: RwSignal<SaveStatus>,
    pub profile: Memo<Profile>,
    pub instrument: &'static Instrument,
    /// A write of another tab that this tab's unsaved change would overwrite.
    pub conflict: RwSignal<Option<Conflict>>,
    /// The stored version this tab last loaded or wrote.
    seen: RwSignal<Stamp>,
}

impl Editor {
    pub fn new(assessment: Assessment) -> Editor {
        let instrument = content::instrument(assessment.perspective);
        let seen = RwSignal::new(stamp(&assessment));
        let assessment = RwSignal::new(assessment);
        let editor = Editor {
            assessment,
            status: RwSignal::new(SaveStatus::Idle),
            profile: Memo::new(move |_| assessment.with(|a| scoring::profile(instrument, a))),
            instrument,
            conflict: RwSignal::new(None),
            seen,
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
            .is_some_and(|t| self.seen.with_untracked(|seen| *seen == stamp(t)))
        {
            return;
        }
        match theirs {
            Some(theirs) if !self.has_unsaved() => self.take(theirs),
            theirs => self.conflict.set(Some(Conflict::with(theirs))),
        }
    }

    /// Shows another tab's version. One of the other perspective (a file imported over
    /// this one) needs the other instrument: the page is reloaded to build it.
    fn take(&self, theirs: Assessment) {
        if theirs.perspective != self.instrument.perspective {
            platform::reload();
            return;
        }
        self.seen.set(stamp(&theirs));
        self.assessment.set(theirs);
        self.conflict.set(None);
        self.status.set(SaveStatus::Reloaded);
    }

    /// A change is on screen and in memory but not in storage.
    pub fn has_unsaved(&self) -> bool {
        self.conflict.with_untracked(Option::is_some)
            || matches!(self.status.get_untracked(), SaveStatus::Failed(_))
    }

    pub fn id(&self) -> String {
        self.assessment.with_untracked(|a| a.id.clone())
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
            Ok(Some(Ok(stored))) if self.seen.with_untracked(|seen| *seen != stamp(&stored)) => {
                self.conflict.set(Some(Conflict::with(Some(stored))));
            }
            Ok(Some(Err(_))) => self.conflict.set(Some(Conflict::with(None))),
            // Deleted elsewhere since this tab loaded it: saving would bring it back
            // unasked.
            Ok(None) => self.conflict.set(Some(Conflict {
                theirs: None,
                gone: true,
            })),
            Ok(Some(Ok(_))) | Err(_) => self.write(&now),
        }
    }

    fn write(&self, now: &str) {
        let saved = self.assessment.with_untracked(|a| storage::save(a, now));
        self.status.set(match saved {
            Ok(()) => {
                self.seen.set(self.assessment.with_untracked(stamp));
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
        self.assessment.update(|a| {
            a.revision = a.revision.max(stored_revision);
            a.touch(&now);
        });
        let saved = self
            .assessment
            .with_untracked(|a| storage::save_replacing(a, &now));
        match saved {
            Ok(()) => {
                self.conflict.set(None);
                self.seen.set(self.assessment.with_untracked(stamp));
                self.status.set(SaveStatus::Saved);
            }
            Err(error) => self.status.set(SaveStatus::Failed(error)),
        }
    }

    /// Settles a conflict with the other tab's version; this tab's unsaved change is
    /// dropped, as the user chose.
    pub fn load_theirs(&self) {
        let theirs = self
            .conflict
            .with_untracked(|c| c.as_ref().and_then(|c| c.theirs.clone()));
        if let Some(theirs) = theirs {
            self.take(theirs);
        }
    }
}

/// The editors of the app: the one of the assessment last opened is kept while it holds
/// a change that is not in storage. Its reactive state lives under the app, not under
/// the view, so it survives a change of view.
#[derive(Clone)]
pub struct Editors {
    root: Owner,
    open: StoredValue<Option<(Owner, Editor)>>,
}

impl Editors {
    /// Call inside the app's root component.
    pub fn for_app() -> Editors {
        Editors {
            root: Owner::current().expect("Editors are created inside the app"),
            open: StoredValue::new(None),
        }
    }

    /// The open editor of assessment `id`, if it holds a change not in storage.
    pub fn unsaved(&self, id: &str) -> Option<Editor> {
        self.open.with_value(|open| {
            open.as_ref()
                .map(|(_, editor)| *editor)
                .filter(|editor| editor.id() == id && editor.has_unsaved())
        })
    }

    pub fn any_unsaved(&self) -> bool {
        self.open
            .with_value(|open| open.as_ref().is_some_and(|(_, e)| e.has_unsaved()))
    }

    /// A new editor of `assessment`; the one open before is disposed of.
    pub fn open(&self, assessment: Assessment) -> Editor {
        let owner = self.root.child();
        let editor = owner.with(|| Editor::new(assessment));
        let previous = self
            .open
            .try_update_value(|open| open.replace((owner, editor)));
        if let Some(Some((owner, _))) = previous {
            owner.cleanup();
        }
        editor
    }
}
