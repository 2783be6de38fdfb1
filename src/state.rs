//! The one reactive assessment being edited, and how a change reaches storage.
//! Pages read from it; only `Editor::change` writes, and every write is saved at once.

use crate::core::assessment::Assessment;
use crate::core::instrument::Instrument;
use crate::core::scoring::{self, Profile};
use crate::core::{content, format};
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
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub assessment: RwSignal<Assessment>,
    pub status: RwSignal<SaveStatus>,
    pub profile: Memo<Profile>,
    pub instrument: &'static Instrument,
}

impl Editor {
    pub fn new(assessment: Assessment) -> Editor {
        let instrument = content::instrument(assessment.perspective);
        let assessment = RwSignal::new(assessment);
        Editor {
            assessment,
            status: RwSignal::new(SaveStatus::Idle),
            profile: Memo::new(move |_| assessment.with(|a| scoring::profile(instrument, a))),
            instrument,
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

    /// Applies a change (given the current timestamp) and saves it.
    pub fn change(&self, edit: impl FnOnce(&mut Assessment, &str)) {
        let now = platform::now_iso();
        self.assessment.update(|a| edit(a, &now));
        let saved = self.assessment.with_untracked(|a| storage::save(a, &now));
        self.status.set(match saved {
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        });
    }
}
