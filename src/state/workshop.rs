//! The workshop the facilitator is running, kept under the app so that it survives a
//! change of view. Adding files goes through the same checks as an import.

use crate::core::content;
use crate::core::import::{self, ImportError};
use crate::core::instrument::Perspective;
use crate::core::workshop::{self, Added, Participant, Workshop};
use crate::state::Library;
use leptos::prelude::*;

/// What happened to one file or library assessment added to the workshop.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Added { label: String, how: Added },
    Refused(ImportError),
}

#[derive(Clone, Copy)]
pub struct WorkshopState {
    pub workshop: RwSignal<Option<Workshop>>,
    library: Library,
}

impl WorkshopState {
    pub fn for_app(library: Library) -> WorkshopState {
        WorkshopState {
            workshop: RwSignal::new(None),
            library,
        }
    }

    pub fn start(&self, name: &str, perspective: Perspective) {
        self.workshop.set(Some(Workshop::new(name, perspective)));
    }

    pub fn close(&self) {
        self.workshop.set(None);
    }

    fn add(&self, participant: Participant) -> Outcome {
        let label = participant.label.clone();
        let how = self
            .workshop
            .try_update(|w| w.as_mut().map(|w| w.add(participant)))
            .flatten()
            .unwrap_or(Added::AlreadyHere);
        Outcome::Added { label, how }
    }

    /// Checks one participant's file as an import would, and adds it.
    pub fn add_file(&self, bytes: &[u8]) -> Outcome {
        match import::check(bytes) {
            Err(error) => Outcome::Refused(error),
            Ok(checked) => self.add(Participant {
                label: Participant::default_label(&checked.assessment),
                assessment: checked.assessment,
            }),
        }
    }

    /// Adds an assessment stored in this browser.
    pub fn add_from_library(&self, id: &str) -> Option<Outcome> {
        let item = self.library.item(id)?;
        Some(self.add(Participant {
            label: Participant::default_label(&item.assessment),
            assessment: item.assessment,
        }))
    }

    /// Saves the consensus as a new assessment in the library.
    pub fn save_consensus(
        &self,
        name: String,
        respondent: String,
    ) -> Option<Result<crate::core::assessment::Assessment, crate::core::store::StorageError>> {
        let w = self.workshop.get_untracked()?;
        let instrument = content::instrument(w.perspective);
        let a = workshop::consensus_assessment(
            &w,
            instrument,
            crate::platform::new_id(),
            name,
            respondent,
            &crate::platform::now_iso(),
        );
        Some(self.library.save_new(&a).map(|()| a))
    }
}
