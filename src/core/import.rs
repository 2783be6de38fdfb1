//! Import planning, pure: files in, one outcome per file out. The browser edge reads the
//! files, asks the user about conflicts and writes; nothing here touches storage.
//!
//! A file is imported whole or not at all: every check runs before anything is written,
//! and an assessment is one storage entry, written in one call.

use super::assessment::Assessment;
use super::content;
use super::format::{self, FormatError, MAX_FILE_BYTES};
use super::instrument::Perspective;
use std::collections::{BTreeMap, BTreeSet};

/// Why a file is refused. Each names what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file's JSON, envelope, fields or size (see `FormatError`).
    Format(FormatError),
    /// Not UTF-8 text; `offset` is the first bad byte.
    NotText { offset: usize },
    /// An instrument this app does not know.
    UnknownInstrument { id: String },
    /// A known instrument, but of the other perspective.
    InstrumentMismatch {
        instrument: String,
        perspective: Perspective,
    },
}

impl From<FormatError> for ImportError {
    fn from(error: FormatError) -> Self {
        ImportError::Format(error)
    }
}

/// A file that reads, with what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub assessment: Assessment,
    /// Answered question ids the instrument does not know at all: kept in the
    /// assessment, listed here so the user is told.
    pub unknown_questions: Vec<String>,
    /// Answered question ids the instrument has retired: kept, and shown as hints
    /// beside the questions that replace them (`core::retired`).
    pub retired_questions: Vec<String>,
    /// The instrument version the answers were given against, when it differs from the
    /// app's (the answers are kept as they are).
    pub other_instrument_version: Option<(String, String)>,
}

/// Reads one file's bytes. A leading UTF-8 byte-order mark is allowed.
pub fn check(bytes: &[u8]) -> Result<Checked, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        }
        .into());
    }
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    let assessment = format::parse(text)?;
    let instrument = content::instrument(assessment.perspective);
    if assessment.instrument.id != instrument.id {
        let known = Perspective::ALL
            .iter()
            .any(|p| content::instrument(*p).id == assessment.instrument.id);
        return Err(if known {
            ImportError::InstrumentMismatch {
                instrument: assessment.instrument.id.clone(),
                perspective: assessment.perspective,
            }
        } else {
            ImportError::UnknownInstrument {
                id: assessment.instrument.id.clone(),
            }
        });
    }
    let (retired_questions, unknown_questions) = assessment
        .answers
        .keys()
        .filter(|id| instrument.question(id).is_none())
        .cloned()
        .partition(|id| instrument.retired(id).is_some());
    let other_instrument_version =
        (assessment.instrument.version != instrument.version).then(|| {
            (
                assessment.instrument.version.clone(),
                instrument.version.clone(),
            )
        });
    Ok(Checked {
        assessment,
        unknown_questions,
        retired_questions,
        other_instrument_version,
    })
}

/// What is stored under an id already, for the replace-or-keep-both question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existing {
    /// `None` for an unreadable (quarantined) entry.
    pub name: Option<String>,
    pub revision: u64,
    pub updated_at: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// No assessment with this id here: import it as it is.
    New(Checked),
    /// The same id is here already (or earlier in this batch): the user chooses.
    Conflict {
        checked: Checked,
        existing: Option<Existing>,
    },
    Refused(ImportError),
}

/// A batch planned one file at a time: ids of files earlier in the batch count as
/// existing, so two files of one assessment (or of one snapshot of it) never overwrite
/// each other silently.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// `<length of the id>:<id>`, then `/<snapshot id>` for a snapshot: one string per
    /// record, never the same for two (the length says where the id ends).
    ids: BTreeSet<String>,
}

impl Batch {
    /// The outcome of one checked file, given what is stored under its id now.
    pub fn place(&mut self, checked: Checked, existing: Option<Existing>) -> Outcome {
        let a = &checked.assessment;
        let mut key = format!("{}:{}", a.id.len(), a.id);
        if let Some(mark) = &a.snapshot {
            key.push('/');
            key.push_str(&mark.id);
        }
        let first_in_batch = self.ids.insert(key);
        match existing {
            Some(found) => Outcome::Conflict {
                checked,
                existing: Some(found),
            },
            None if !first_in_batch => Outcome::Conflict {
                checked,
                existing: None,
            },
            None => Outcome::New(checked),
        }
    }
}

/// Decides each file's outcome against what is stored (`existing`, assessments by id;
/// a snapshot's file meets only the snapshots earlier in the batch).
pub fn plan(
    existing: &BTreeMap<String, Existing>,
    files: impl IntoIterator<Item = Vec<u8>>,
) -> Vec<Outcome> {
    let mut batch = Batch::default();
    files
        .into_iter()
        .map(|bytes| match check(&bytes) {
            Err(error) => Outcome::Refused(error),
            Ok(checked) => {
                let found = checked
                    .assessment
                    .snapshot
                    .is_none()
                    .then(|| existing.get(&checked.assessment.id).cloned())
                    .flatten();
                batch.place(checked, found)
            }
        })
        .collect()
}

/// "Replace": the file's assessment, with a revision above the stored one so that
/// another tab holding the old one notices the change instead of overwriting it; never
/// past the format's limit, where the revision stays (see `Assessment::touch`).
pub fn replacing(mut imported: Assessment, stored_revision: u64) -> Assessment {
    imported.revision = imported
        .revision
        .max(super::assessment::next_revision(stored_revision));
    imported
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Response;
    use crate::core::instrument::{Level, Mode};
    use crate::core::test_support;

    fn file(id: &str) -> Vec<u8> {
        let instrument = content::instrument(Perspective::City);
        let mut a = test_support::assessment(
            id,
            Perspective::City,
            Mode::Full,
            (&instrument.id, &instrument.version),
            "2026-01-01",
        );
        let q = &instrument.questions[0].id;
        a.set_response(q, Some(Response::Level(Level::new(2).unwrap())), "t");
        format::to_json(&a, "t").into_bytes()
    }

    #[test]
    fn new_files_conflicts_and_errors_each_get_their_outcome() {
        let mut existing = BTreeMap::new();
        existing.insert(
            "here".to_owned(),
            Existing {
                name: Some("here".into()),
                revision: 4,
                updated_at: "t".into(),
            },
        );
        let outcomes = plan(
            &existing,
            [file("new"), file("here"), b"{".to_vec(), file("new")],
        );
        assert!(matches!(&outcomes[0], Outcome::New(c) if c.assessment.id == "new"));
        assert!(
            matches!(&outcomes[1], Outcome::Conflict { existing: Some(e), .. } if e.revision == 4)
        );
        assert!(matches!(
            &outcomes[2],
            Outcome::Refused(ImportError::Format(FormatError::Syntax { .. }))
        ));
        assert!(matches!(
            &outcomes[3],
            Outcome::Conflict { existing: None, .. }
        ));
    }

    #[test]
    fn a_bom_is_allowed_and_other_bytes_are_not_text() {
        let mut with_bom = "\u{FEFF}".as_bytes().to_vec();
        with_bom.extend(file("x"));
        assert!(check(&with_bom).is_ok());
        assert_eq!(
            check(b"{\"a\": \"\xff\"}"),
            Err(ImportError::NotText { offset: 7 })
        );
    }

    #[test]
    fn replacing_lifts_the_revision_above_the_stored_one() {
        let a = check(&file("x")).unwrap().assessment;
        assert_eq!(replacing(a.clone(), 10).revision, 11);
        assert_eq!(replacing(a.clone(), 0).revision, a.revision);
    }

    #[test]
    fn replacing_never_lifts_the_revision_past_the_format_limit() {
        let a = check(&file("x")).unwrap().assessment;
        let replaced = replacing(a.clone(), format::MAX_REVISION);
        assert_eq!(replaced.revision, format::MAX_REVISION);
        // What it saves reads back.
        let text = format::to_json(&replaced, "t");
        assert_eq!(format::parse(&text).unwrap().revision, format::MAX_REVISION);
        let mut high = a;
        high.revision = format::MAX_REVISION;
        assert_eq!(replacing(high, u64::MAX).revision, format::MAX_REVISION);
    }
}
