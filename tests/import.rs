//! Import: every refusal a user can meet, word for word, from frozen files under
//! `tests/fixtures/import/`; the batch planning; and a property test that arbitrary
//! bytes and mutated valid files give a result or a clear error, never a panic.

// Native only: proptest and jsonschema are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadmap_readiness::core::format::{self, MAX_FILE_BYTES};
use roadmap_readiness::core::import::{self, Existing, ImportError, Outcome};
use roadmap_readiness::core::library::commands::{self, FileResult};
use roadmap_readiness::core::library::{storage_key, Counts};
use roadmap_readiness::core::plan::{ActionStatus, Tracking};
use roadmap_readiness::core::store::{MemoryStore, StorageError, Store};
use roadmap_readiness::i18n::{
    describe_counts, describe_import_error, describe_notices, describe_storage_error,
    describe_write_error, import_refused,
};
use std::collections::BTreeMap;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/import/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn valid() -> Vec<u8> {
    std::fs::read("tests/fixtures/format-v2.json").unwrap()
}

fn refusal(bytes: &[u8]) -> String {
    match import::check(bytes) {
        Err(error) => describe_import_error(&error),
        Ok(checked) => panic!("imported: {}", checked.assessment.name),
    }
}

#[test]
fn every_refusal_names_what_to_fix() {
    let cases: &[(&str, &str)] = &[
        (
            "syntax-error.json",
            "The file is not valid JSON: line 5, column 3 (expected `,` or `}` at line 5 column 3).",
        ),
        (
            "not-an-assessment.json",
            "This file is not a Roadmap Readiness assessment.",
        ),
        (
            "newer-version.json",
            "This file was made by a newer version of Roadmap Readiness (format version 7); this version reads up to version 6. Open it in the newer version, or update this one.",
        ),
        (
            "level-out-of-range.json",
            "The field assessment.answers[3].level is wrong: expected a whole number from 0 to 4, found 7.",
        ),
        (
            "missing-field.json",
            "The field assessment.perspective is wrong: required but missing.",
        ),
        (
            "wrong-type.json",
            "The field assessment.answers[1].response is wrong: unknown variant `maybe`, expected one of `level`, `not_applicable`, `dont_know`, `none`.",
        ),
        (
            "note-too-long.json",
            "The field assessment.answers[2].note is wrong: 10001 characters, at most 10000 allowed.",
        ),
        (
            "duplicate-answer.json",
            "The field assessment.answers[1].question is wrong: \"city-1-district-reach\" is answered twice.",
        ),
        (
            "unknown-instrument.json",
            "The file's questionnaire “rr-school” is not one this version of Roadmap Readiness knows (rr-city, rr-cso). Open it in the version that made it.",
        ),
        (
            "instrument-mismatch.json",
            "The file's questionnaire “rr-cso” does not belong to its perspective (City / local government). Fix assessment.instrument.id or assessment.perspective.",
        ),
        (
            "latin-1.json",
            "The file is not UTF-8 text (the first bad byte is at position 215). Export it again from Roadmap Readiness, or save it as UTF-8.",
        ),
    ];
    for (name, message) in cases {
        assert_eq!(refusal(&fixture(name)), *message, "{name}");
    }
}

#[test]
fn files_over_five_megabytes_are_refused_unread() {
    let mut big = valid();
    big.resize(MAX_FILE_BYTES + 1, b' ');
    // One byte over: the two figures differ, in exact bytes.
    assert_eq!(
        refusal(&big),
        "The file is 5,242,881 bytes; files up to 5,242,880 bytes can be read."
    );
    big.resize(MAX_FILE_BYTES * 2, b' ');
    assert_eq!(
        refusal(&big),
        "The file is 10.0 MB; files up to 5.0 MB can be read."
    );
    // Exactly at the limit is read (and here valid: trailing spaces are JSON whitespace).
    big.truncate(MAX_FILE_BYTES);
    assert!(import::check(&big).is_ok());
}

#[test]
fn unknown_questions_and_other_instrument_versions_are_kept_and_reported() {
    let checked = import::check(&fixture("other-instrument-version.json")).unwrap();
    assert!(checked
        .assessment
        .answers
        .contains_key("city-retired-question"));
    assert_eq!(
        describe_notices(&checked),
        [
            "The answers were given to questionnaire version 0.9.0; this app has version 1.1.0. They are kept as they were.",
            // Its other answers are to 1.0.0 questions that 1.1.0 retired.
            "5 answers belong to questions that this version of the questionnaire has retired. They are kept in the assessment and its exports, and each is shown as a hint beside the question that replaces it.",
            "Kept the answer to a question this questionnaire does not know: city-retired-question. It stays in the assessment and in its exports.",
        ]
    );
    let mut two = checked.assessment.clone();
    two.set_note("city-gone-too", "kept", "t");
    let two = import::check(format::to_json(&two, "now").as_bytes()).unwrap();
    assert_eq!(
        describe_notices(&two)[2],
        "Kept 2 answers to questions this questionnaire does not know: city-gone-too, city-retired-question. They stay in the assessment and in its exports."
    );
    // Kept through an export and a second import.
    let again = format::to_json(&checked.assessment, "now");
    assert_eq!(
        import::check(again.as_bytes()).unwrap().unknown_questions,
        ["city-retired-question"]
    );
}

#[test]
fn storage_failures_during_import_say_once_that_nothing_changed() {
    assert_eq!(
        import_refused(&describe_write_error(&StorageError::QuotaExceeded)),
        "Not imported; nothing was changed. This browser's storage is full. Empty the bin, or export and delete assessments you no longer need, then try again."
    );
    assert_eq!(
        import_refused(&describe_write_error(&StorageError::TooLarge)),
        "Not imported; nothing was changed. As this browser stores it, this assessment would take more than 5.0 MB, the most one entry can hold."
    );
    for error in [
        StorageError::QuotaExceeded,
        StorageError::TooLarge,
        StorageError::Unavailable,
        StorageError::Other("SecurityError".into()),
    ] {
        let line = import_refused(&describe_write_error(&error));
        assert_eq!(line.matches("nothing was changed").count(), 1, "{line}");
        // The file was never stored: no "last change" was lost.
        assert!(!line.contains("last change"), "{line}");
    }
    assert_eq!(
        describe_storage_error(&StorageError::QuotaExceeded),
        "This browser's storage is full, so the last change could not be saved."
    );
}

/// A compact file just under the limit whose indented form is far over it: a plan
/// with tens of thousands of tracked actions.
fn compact_file_near_the_limit() -> Vec<u8> {
    let mut a = import::check(&valid()).unwrap().assessment;
    let track =
        |a: &mut roadmap_readiness::core::assessment::Assessment, from: usize, to: usize| {
            for n in from..to {
                a.plan.tracking.insert(
                    format!("city-1-district-reach/{n:06}"),
                    Tracking {
                        status: ActionStatus::Planned,
                        owner: String::new(),
                        due: String::new(),
                    },
                );
            }
        };
    let empty = format::to_json_compact(&a, "t").len();
    track(&mut a, 0, 1000);
    let per_entry = (format::to_json_compact(&a, "t").len() - empty) / 1000 + 1;
    track(&mut a, 1000, (MAX_FILE_BYTES - 100_000 - empty) / per_entry);
    format::to_json_compact(&a, "t").into_bytes()
}

#[test]
fn a_compact_file_under_the_limit_is_stored_compactly() {
    let file = compact_file_near_the_limit();
    assert!(file.len() <= MAX_FILE_BYTES);
    let checked = import::check(&file).unwrap();
    assert!(
        format::to_json(&checked.assessment, "t").len() > MAX_FILE_BYTES,
        "indented, the same document would be refused"
    );
    let store = MemoryStore::new();
    let results = commands::import_batch(&store, [file.clone()], "t");
    assert!(
        matches!(&results[0], FileResult::Imported(_)),
        "{:?}",
        results[0]
    );
    let id = &checked.assessment.id;
    let stored = store.get(&storage_key(id)).unwrap().unwrap();
    assert!(stored.len() <= file.len() + 100);
    assert_eq!(
        commands::load_readable(&store, id).unwrap(),
        checked.assessment
    );
}

#[test]
fn an_assessment_at_the_revision_limit_says_so_on_import() {
    let mut a = import::check(&valid()).unwrap().assessment;
    a.revision = format::MAX_REVISION;
    let checked = import::check(format::to_json(&a, "t").as_bytes()).unwrap();
    assert!(describe_notices(&checked).contains(
        &"Its revision number is 9007199254740991, the highest the file format allows. It stays at that number as you go on: every change is still saved, and told apart from another tab's by its time.".to_owned()
    ));
    a.revision -= 1;
    let checked = import::check(format::to_json(&a, "t").as_bytes()).unwrap();
    assert!(describe_notices(&checked)
        .iter()
        .all(|n| !n.contains("revision")));
}

#[test]
fn delete_all_names_what_goes() {
    assert_eq!(
        describe_counts(&Counts {
            assessments: 3,
            snapshots: 2,
            unreadable: 1,
            in_bin: 1,
            workshop: 0,
            other: 0
        }),
        "3 assessments, 2 snapshots, 1 in the bin, 1 unreadable entry"
    );
    assert_eq!(
        describe_counts(&Counts {
            assessments: 1,
            snapshots: 1,
            unreadable: 2,
            in_bin: 0,
            workshop: 0,
            other: 1
        }),
        "1 assessment, 1 snapshot, 2 unreadable entries, 1 other setting"
    );
}

#[test]
fn a_batch_reports_per_file_and_never_overwrites_silently() {
    let v1 = std::fs::read("tests/fixtures/format-v1.json").unwrap();
    let mut existing = BTreeMap::new();
    let outcomes = import::plan(
        &existing,
        [valid(), fixture("syntax-error.json"), v1.clone()],
    );
    assert!(matches!(&outcomes[0], Outcome::New(_)));
    assert!(matches!(
        &outcomes[1],
        Outcome::Refused(ImportError::Format(_))
    ));
    // The v1 fixture is the same assessment (same id) as the v2 one: the user chooses.
    assert!(matches!(
        &outcomes[2],
        Outcome::Conflict { existing: None, .. }
    ));
    existing.insert(
        "5f1c0a9e2b7d4c3a8e6f1b2c3d4e5f60".to_owned(),
        Existing {
            name: Some("Here".into()),
            revision: 40,
            updated_at: "t".into(),
        },
    );
    match &import::plan(&existing, [v1])[0] {
        Outcome::Conflict {
            checked,
            existing: Some(here),
        } => {
            assert_eq!(
                import::replacing(checked.assessment.clone(), here.revision).revision,
                41
            );
        }
        other => panic!("{other:?}"),
    }
}

fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    for &(at, byte, kind) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let at = at % bytes.len();
        match kind % 3 {
            0 => bytes[at] = byte,
            1 => {
                bytes.remove(at);
            }
            _ => bytes.insert(at, byte),
        }
    }
    bytes
}

/// Anything a user might drop on the page.
fn check_never_panics(bytes: &[u8]) {
    match import::check(bytes) {
        Ok(checked) => {
            // What reads, round-trips.
            let text = format::to_json(&checked.assessment, "now");
            assert_eq!(format::parse(&text).unwrap(), checked.assessment);
        }
        Err(error) => assert!(!describe_import_error(&error).is_empty()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_never_panics(&bytes);
    }

    #[test]
    fn mutated_valid_files_never_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)
    ) {
        check_never_panics(&mutate(valid(), &edits));
    }

    #[test]
    fn mutated_json_values_never_panic(
        path in proptest::collection::vec(0usize..12, 1..5),
        value in prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(|f| serde_json::json!(f)),
            ".{0,40}".prop_map(serde_json::Value::from),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
        ]
    ) {
        // Replace one value somewhere in the tree, found by walking child indices.
        let mut doc: serde_json::Value = serde_json::from_slice(&valid()).unwrap();
        let mut pointer = String::new();
        let mut node = &doc;
        for step in path {
            let next = match node {
                serde_json::Value::Object(map) if !map.is_empty() => {
                    let (key, child) = map.iter().nth(step % map.len()).unwrap();
                    pointer.push_str(&format!("/{}", key.replace('~', "~0").replace('/', "~1")));
                    Some(child)
                }
                serde_json::Value::Array(items) if !items.is_empty() => {
                    pointer.push_str(&format!("/{}", step % items.len()));
                    items.get(step % items.len())
                }
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        *doc.pointer_mut(&pointer).unwrap() = value;
        check_never_panics(doc.to_string().as_bytes());
    }
}
