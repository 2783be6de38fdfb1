//! The workshop the facilitator is running, kept under the app so that it survives a
//! change of view, and saved in this browser's storage as a workshop file after every
//! change, so that it survives a reload. Adding files goes through the same checks as
//! an import. A stored workshop that cannot be read is never written over.

use crate::core::format;
use crate::core::import::{self, ImportError};
use crate::core::instrument::Perspective;
use crate::core::workshop::{self, Added, Participant, Workshop};
use crate::i18n::{content, describe_format_error, describe_storage_error};
use crate::state::Library;
use leptos::prelude::*;

/// What happened to one file or library assessment added to the workshop.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Added { label: String, how: Added },
    Refused(ImportError),
}

/// The storage key of the workshop in progress (one at a time).
pub use crate::core::library::WORKSHOP_KEY;

#[derive(Clone, Copy)]
pub struct WorkshopState {
    pub workshop: RwSignal<Option<Workshop>>,
    /// Why the stored workshop could not be read, or the last save failed.
    pub problem: RwSignal<Option<String>>,
    /// The stored workshop did not read: it is kept, and nothing is saved over it.
    unreadable: RwSignal<Option<String>>,
    library: Library,
}

impl WorkshopState {
    pub fn for_app(library: Library) -> WorkshopState {
        let store = library.store();
        let (workshop, unreadable, problem) = match store.get(WORKSHOP_KEY) {
            Ok(Some(text)) => match format::parse_workshop(&text) {
                Ok(w) => (Some(w), None, None),
                Err(e) => (None, Some(text), Some(describe_format_error(&e))),
            },
            Ok(None) => (None, None, None),
            Err(e) => (None, None, Some(describe_storage_error(&e))),
        };
        let state = WorkshopState {
            workshop: RwSignal::new(workshop),
            problem: RwSignal::new(problem),
            unreadable: RwSignal::new(unreadable),
            library,
        };
        // Every change is saved; the first run only reads what was just loaded.
        Effect::new(move |first: Option<()>| {
            let text = state.workshop.with(|w| {
                w.as_ref()
                    .map(|w| format::workshop_to_json_compact(w, &crate::platform::now_iso()))
            });
            if first.is_none() || state.unreadable.with_untracked(Option::is_some) {
                return;
            }
            let saved = match text {
                Some(text) => store.set(WORKSHOP_KEY, &text),
                None => store.remove(WORKSHOP_KEY),
            };
            state
                .problem
                .set(saved.err().map(|e| describe_storage_error(&e)));
        });
        state
    }

    /// The raw text of a stored workshop that could not be read.
    pub fn unreadable_text(&self) -> Option<String> {
        self.unreadable.get_untracked()
    }

    /// Drops an unreadable stored workshop, at the user's word, so a new one can be saved.
    pub fn discard_unreadable(&self) {
        let _ = self.library.store().remove(WORKSHOP_KEY);
        self.unreadable.set(None);
        self.problem.set(None);
    }

    pub fn start(&self, name: &str, perspective: Perspective) {
        self.workshop.set(Some(Workshop::new(name, perspective)));
    }

    /// Opens a workshop file (from another laptop, or an earlier export).
    pub fn open_file(&self, bytes: &[u8]) -> Result<(), String> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| crate::i18n::tf("import.not_text", &[("offset", &e.valid_up_to())]))?;
        let workshop = format::parse_workshop(text).map_err(|e| describe_format_error(&e))?;
        self.workshop.set(Some(workshop));
        Ok(())
    }

    /// After "Delete all my data": the workshop is gone from storage, and from memory too,
    /// so that nothing saves it again.
    pub fn forget(&self) {
        self.unreadable.set(None);
        self.problem.set(None);
        self.workshop.set(None);
    }

    /// Ends the workshop: removed from this browser (the consensus, once saved, stays in
    /// the library).
    pub fn close(&self) {
        self.workshop.set(None);
    }

    /// Adds participants in one change, so the statistics are computed and the
    /// workshop saved once per batch, not once per file.
    fn add_all(&self, checked: Vec<Result<Participant, ImportError>>) -> Vec<Outcome> {
        self.workshop
            .try_update(|w| {
                checked
                    .into_iter()
                    .map(|result| match (result, w.as_mut()) {
                        (Err(error), _) => Outcome::Refused(error),
                        (Ok(p), Some(w)) => Outcome::Added {
                            label: p.label.clone(),
                            how: w.add(p),
                        },
                        (Ok(p), None) => Outcome::Added {
                            label: p.label,
                            how: Added::AlreadyHere,
                        },
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Checks participants' files as an import would, and adds them.
    pub fn add_files(&self, files: Vec<Vec<u8>>) -> Vec<Outcome> {
        self.add_all(
            files
                .iter()
                .map(|bytes| import::check(bytes).map(|c| Participant::of(c.assessment)))
                .collect(),
        )
    }

    /// Adds an assessment stored in this browser.
    pub fn add_from_library(&self, id: &str) -> Option<Outcome> {
        let item = self.library.item(id)?;
        self.add_all(vec![Ok(Participant::of(item.assessment))])
            .pop()
    }

    /// Saves the consensus as a new assessment in the library.
    pub fn save_consensus(
        &self,
        name: String,
        respondent: String,
    ) -> Option<Result<crate::core::assessment::Assessment, crate::core::store::StorageError>> {
        let w = self.workshop.get_untracked()?;
        let instrument = content::instrument(w.perspective);
        let mut a = workshop::consensus_assessment(
            &w,
            instrument,
            crate::platform::new_id(),
            name,
            respondent,
            &crate::platform::now_iso(),
        );
        // Agreed in the room in the language the facilitator's page speaks.
        a.language = Some(crate::i18n::language().tag().to_owned());
        Some(self.library.save_new(&a).map(|()| a))
    }
}
