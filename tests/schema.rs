//! The committed JSON Schema against the Rust types, and real files against the schema.
//! `UPDATE_SCHEMA=1 cargo test --test schema` rewrites the committed file.

// Native only: proptest and jsonschema are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::format;
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::plan::{ActionStatus, CustomAction, Tracking};
use serde_json::Value;

const COMMITTED: &str = "public/schema/assessment.schema.json";

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&format::json_schema()).unwrap();
    jsonschema::validator_for(&schema).expect("the generated schema is a valid JSON Schema")
}

fn assert_valid(text: &str, what: &str) {
    let value: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = format::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all("public/schema").unwrap();
        std::fs::write(COMMITTED, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_else(|e| {
        panic!("{COMMITTED}: {e}; run UPDATE_SCHEMA=1 cargo test --test schema")
    });
    assert!(
        committed == generated,
        "{COMMITTED} differs from the Rust types; run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn the_frozen_current_fixture_validates() {
    let text = std::fs::read_to_string(format!(
        "tests/fixtures/format-v{}.json",
        format::FORMAT_VERSION
    ))
    .unwrap();
    assert_valid(&text, "fixture");
}

/// Every kind of response, both perspectives and modes, a plan with every status.
fn exports() -> Vec<String> {
    let mut out = Vec::new();
    for (perspective, mode) in [
        (Perspective::City, Mode::Full),
        (Perspective::Cso, Mode::Quick),
    ] {
        let mut a = Assessment::create(
            format!("id-{}", perspective.as_str()),
            NewAssessment {
                perspective,
                mode,
                name: "Ünïcode “name”, with comma".into(),
                respondent: String::new(),
            },
            InstrumentRef {
                id: format!("rr-{}", perspective.as_str()),
                version: "1.0.0".into(),
            },
            "2026-01-01T00:00:00.000Z",
        );
        for level in Level::ALL {
            a.set_response(&format!("q{level}"), Some(Response::Level(level)), "t");
        }
        a.set_response("qna", Some(Response::NotApplicable), "t");
        a.set_response("qdk", Some(Response::DontKnow), "t");
        a.set_note("qnote", "only a note", "t");
        for (i, status) in ActionStatus::ALL.into_iter().enumerate() {
            a.set_tracking(
                &format!("q{i}/{i}"),
                Tracking {
                    status,
                    owner: "Team".into(),
                    due: "2027-01-01".into(),
                },
                "t",
            );
            a.add_custom_action(
                CustomAction {
                    id: format!("c{i}"),
                    step: (i > 0).then_some(i as u8),
                    text: "Do it".into(),
                    tracking: Tracking {
                        status,
                        owner: String::new(),
                        due: String::new(),
                    },
                },
                "t",
            );
        }
        out.push(format::to_json(&a, "2026-01-02T00:00:00.000Z"));
    }
    // Every older fixture, as the app writes it after migrating.
    for version in 1..=format::FORMAT_VERSION {
        let text =
            std::fs::read_to_string(format!("tests/fixtures/format-v{version}.json")).unwrap();
        out.push(format::to_json(&format::parse(&text).unwrap(), "now"));
    }
    // And the frozen file exported for sharing.
    let text = std::fs::read_to_string("tests/fixtures/format-v5-shared.json").unwrap();
    out.push(format::to_json(&format::parse(&text).unwrap(), "now"));
    out
}

#[test]
fn fresh_exports_validate() {
    for (i, text) in exports().iter().enumerate() {
        assert_valid(text, &format!("export {i}"));
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let text = exports().remove(0);
    let bad = |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        assert!(!validator().is_valid(&v), "{v}");
        assert!(format::parse(&v.to_string()).is_err());
    };
    bad(&|v| v["assessment"]["answers"][0]["level"] = 7.into());
    bad(&|v| v["assessment"]["perspective"] = "town".into());
    bad(&|v| v["format_version"] = 99.into());
    bad(&|v| v["format"] = "other".into());
    bad(&|v| {
        v["assessment"].as_object_mut().unwrap().remove("answers");
    });
    bad(&|v| v["assessment"]["answers"][0]["level"] = serde_json::json!(2.5));
    bad(&|v| v["assessment"]["revision"] = (format::MAX_REVISION + 1).into());
    bad(&|v| v["assessment"]["plan"]["custom"][0]["owner"] = "x".repeat(10_001).into());
    bad(&|v| v["assessment"]["plan"]["custom"][0]["step"] = serde_json::json!(11.0));
    bad(&|v| v["assessment"]["snapshot"] = serde_json::json!({ "id": "s", "label": "B" }));
    bad(&|v| {
        v["assessment"]["snapshot"] = serde_json::json!({ "id": "", "label": "B", "taken_at": "t" })
    });
    bad(&|v| {
        v["assessment"]["snapshot"] =
            serde_json::json!({ "id": "s", "label": "x".repeat(10_001), "taken_at": "t" })
    });
}

#[test]
fn whole_numbers_written_as_floats_are_accepted_by_the_schema_and_the_reader() {
    let text = exports().remove(0);
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["format_version"] = serde_json::json!(format::FORMAT_VERSION as f64);
    v["assessment"]["revision"] = serde_json::json!(42.0);
    v["assessment"]["answers"][0]["level"] = serde_json::json!(0.0);
    v["assessment"]["answers"][4]["level"] = serde_json::json!(4.0);
    v["assessment"]["plan"]["custom"][1]["step"] = serde_json::json!(1.0);
    assert!(validator().is_valid(&v), "{v}");
    let mut expected = format::parse(&text).unwrap();
    expected.revision = 42;
    assert_eq!(format::parse(&v.to_string()).unwrap(), expected);
}

const COMMITTED_WORKSHOP: &str = "public/schema/workshop.schema.json";

#[test]
fn the_committed_workshop_schema_is_the_generated_one_and_a_workshop_file_meets_it() {
    let generated = format::workshop_json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(COMMITTED_WORKSHOP, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(COMMITTED_WORKSHOP).unwrap_or_else(|e| {
        panic!("{COMMITTED_WORKSHOP}: {e}; run UPDATE_SCHEMA=1 cargo test --test schema")
    });
    assert!(
        committed == generated,
        "{COMMITTED_WORKSHOP} differs from the Rust types; run UPDATE_SCHEMA=1 cargo test --test schema"
    );
    let schema: Value = serde_json::from_str(&generated).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    // The schema is of the current version; the frozen file of that version meets it
    // (older workshop files read as they are: `tests/workshop_file.rs`).
    let text = std::fs::read_to_string(format!(
        "tests/fixtures/workshop-v{}.json",
        format::FORMAT_VERSION
    ))
    .unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
