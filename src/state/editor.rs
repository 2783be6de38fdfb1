//! The one reactive assessment being edited, and how a change reaches storage.
//! Pages read from it; only `Editor::change` and `Editor::change_text` write. A click or
//! a choice is saved at once; typed text is in memory (and on screen) at once and is
//! written after a pause in typing (`PAUSE_MS`) or when the field is left, the view is
//! left, the page is hidden or unloaded, or the assessment is exported (`flush`).
//! The two-tab rules are `core::library::sync::EditState`, which the editor holds
//! beside the assessment; this adds signals, the clock and the `storage` event.
//!
//! `Editors` keeps the editor of the assessment last opened while it holds a change
//! that is not in storage (a conflict, or a full storage), so moving to another view
//! of that assessment does not drop the change, and leaving the page asks first.

use super::Library;
use crate::core::assessment::Assessment;
use crate::core::instrument::{Instrument, Perspective};
use crate::core::library::session::Place;
use crate::core::library::sync::{Conflict, EditState, Reaction, SaveStatus};
use crate::core::library::{self, storage_key};
use crate::core::scoring::{self, Profile};
use crate::core::store::Store;
use crate::i18n::content;
use crate::platform;
use leptos::prelude::*;

/// How long typing must pause before typed text is written, in milliseconds.
pub const PAUSE_MS: i32 = 400;

/// When a change is written: at once (a click, a choice, a date) or after a pause in
/// typing (a text field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    Now,
    AfterPause,
}

/// The pause timer's bookkeeping: when the last key came, and whether a timer is set.
#[derive(Clone, Copy, Default)]
struct Typing {
    last_key_ms: f64,
    timer_set: bool,
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub assessment: RwSignal<Assessment>,
    edit: RwSignal<EditState>,
    typing: StoredValue<Typing>,
    pub status: Memo<SaveStatus>,
    /// A write of another tab that this tab's unsaved change would overwrite.
    pub conflict: Memo<Option<Conflict>>,
    pub profile: Memo<Profile>,
    /// Fixed for an editor's life: an assessment never changes perspective.
    pub perspective: Perspective,
    /// Where the assessment is kept: the library, or this tab only (a shared computer).
    pub place: Place,
    library: Library,
}

impl Editor {
    pub fn new(assessment: Assessment, library: Library, place: Place) -> Editor {
        let perspective = assessment.perspective;
        let edit = RwSignal::new(EditState::opened(&assessment));
        let assessment = RwSignal::new(assessment);
        let editor = Editor {
            assessment,
            edit,
            typing: StoredValue::new(Typing::default()),
            status: Memo::new(move |_| edit.with(|e| e.status.clone())),
            conflict: Memo::new(move |_| edit.with(|e| e.conflict.clone())),
            profile: Memo::new(move |_| {
                assessment.with(|a| scoring::profile(content::instrument(perspective), a))
            }),
            perspective,
            place,
            library,
        };
        // A shared computer's assessment is this tab's alone: no other tab writes it (a
        // file of it imported into the library elsewhere is another entry).
        if place == Place::Local {
            editor.follow_other_tabs();
        }
        editor
    }

    /// The assessment's questionnaire in the language the page speaks now.
    pub fn instrument(&self) -> &'static Instrument {
        content::instrument(self.perspective)
    }

    /// Listens for writes of other tabs to this assessment (the `storage` event fires
    /// only in the tabs that did not write), for as long as the view lives.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = self.assessment.with_untracked(|a| storage_key(&a.id));
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            // Removed (moved to the bin) elsewhere: the next change here raises it.
            let Some(text) = event.new_value() else {
                return;
            };
            let theirs = library::read_entry(&key, &text).ok();
            let reaction = self.edit.try_update(|e| e.other_tab_wrote(theirs));
            if let Some(Reaction::Take(theirs)) = reaction {
                self.show(*theirs);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Shows another tab's version. One of the other perspective (a file imported over
    /// this one) needs the other instrument: the page is reloaded to build it.
    fn show(&self, theirs: Assessment) {
        if theirs.perspective != self.perspective {
            platform::reload();
            return;
        }
        self.assessment.set(theirs);
    }

    /// The store that keeps this assessment.
    fn store(&self) -> &'static dyn Store {
        self.library.store_at(self.place)
    }

    /// A change is on screen and in memory but not in storage.
    pub fn has_unsaved(&self) -> bool {
        self.edit.with_untracked(EditState::has_unsaved)
    }

    pub fn id(&self) -> String {
        self.assessment.with_untracked(|a| a.id.clone())
    }

    /// Downloads the assessment as a JSON file of the current format; typed text that
    /// waits for its write is written first.
    pub fn export_json(&self) {
        self.flush();
        self.assessment.with_untracked(|a| {
            crate::downloads::assessment_json(a);
            self.library.exported(a);
        });
    }

    /// Applies a change (given the current timestamp) and saves it, unless another tab
    /// has written since this one last read: then the change stays in memory and a
    /// conflict asks the user. Typed text waiting for its write goes with it.
    pub fn change(&self, edit: impl FnOnce(&mut Assessment, &str)) {
        let now = platform::now_iso();
        self.assessment.update(|a| edit(a, &now));
        self.save(&now);
    }

    /// Applies a change to a text field: in memory and on screen at once, written after
    /// a pause in typing, or sooner by `flush` (the field, the view or the page left).
    pub fn change_text(&self, edit: impl FnOnce(&mut Assessment, &str)) {
        let now = platform::now_iso();
        self.assessment.update(|a| edit(a, &now));
        if !self.edit.with_untracked(EditState::is_pending) {
            self.edit.update(EditState::hold);
        }
        self.typing
            .update_value(|t| t.last_key_ms = platform::now_ms());
        self.wait_for_pause(PAUSE_MS);
    }

    /// `change` or `change_text`, as `saving` says.
    pub fn apply(&self, saving: Saving, edit: impl FnOnce(&mut Assessment, &str)) {
        match saving {
            Saving::Now => self.change(edit),
            Saving::AfterPause => self.change_text(edit),
        }
    }

    /// Writes typed text that waits for a pause, now. Safe to call at any time, also
    /// after the editor is gone (then there is nothing to write).
    pub fn flush(&self) {
        if self.edit.try_with_untracked(EditState::is_pending) == Some(true) {
            self.save(&platform::now_iso());
        }
    }

    fn save(&self, now: &str) {
        let store = self.store();
        self.assessment.with_untracked(|a| {
            self.edit.update(|e| e.save_change(store, a, now));
        });
        self.library.refresh();
    }

    /// One timer at a time: when it fires, typing that went on since sets it again for
    /// the rest of the pause, so a burst of keys costs one timer per pause, not one each.
    fn wait_for_pause(self, ms: i32) {
        let start = self
            .typing
            .try_update_value(|t| !std::mem::replace(&mut t.timer_set, true));
        if start == Some(true) {
            platform::after(ms, move || self.pause_over());
        }
    }

    fn pause_over(self) {
        let Some(idle) = self.typing.try_update_value(|t| {
            t.timer_set = false;
            platform::now_ms() - t.last_key_ms
        }) else {
            return;
        };
        let left = f64::from(PAUSE_MS) - idle;
        if left >= 1.0 {
            self.wait_for_pause(left.ceil() as i32);
        } else {
            self.flush();
        }
    }

    /// Settles a conflict with this tab's version: the stored one goes to the bin (so it
    /// can be restored), then this one is saved with a revision above both.
    pub fn keep_mine(&self) {
        let now = platform::now_iso();
        let store = self.store();
        let mut assessment = self.assessment.get_untracked();
        self.edit
            .update(|e| e.keep_mine(store, &mut assessment, &now));
        self.assessment.set(assessment);
        self.library.refresh();
    }

    /// Settles a conflict with the other tab's version; this tab's unsaved change is
    /// dropped, as the user chose.
    pub fn load_theirs(&self) {
        if let Some(theirs) = self.edit.try_update(EditState::load_theirs).flatten() {
            self.show(theirs);
        }
    }
}

/// The editors of the app: the one of the assessment last opened is kept while it holds
/// a change that is not in storage. Its reactive state lives under the app, not under
/// the view, so it survives a change of view.
#[derive(Clone)]
pub struct Editors {
    root: Owner,
    library: Library,
    open: StoredValue<Option<(Owner, Editor)>>,
}

impl Editors {
    /// Call inside the app's root component.
    pub fn for_app(library: Library) -> Editors {
        Editors {
            root: Owner::current().expect("Editors are created inside the app"),
            library,
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

    /// Writes the open editor's typed text that waits for a pause (the page is being
    /// hidden or left).
    pub fn flush(&self) {
        if let Some(editor) = self.open.with_value(|open| open.as_ref().map(|(_, e)| *e)) {
            editor.flush();
        }
    }

    /// A new editor of `assessment`, kept at `place`; the one open before writes its
    /// typed text, then is disposed of.
    pub fn open(&self, assessment: Assessment, place: Place) -> Editor {
        self.flush();
        let owner = self.root.child();
        let library = self.library;
        let editor = owner.with(|| Editor::new(assessment, library, place));
        let previous = self
            .open
            .try_update_value(|open| open.replace((owner, editor)));
        if let Some(Some((owner, _))) = previous {
            owner.cleanup();
        }
        editor
    }
}
