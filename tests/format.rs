//! The file format against frozen files of every version that has existed.

use roadmap_readiness::core::assessment::Response;
use roadmap_readiness::core::format::{self, FormatError, FORMAT_VERSION};
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::plan::ActionStatus;

fn fixture(version: u64) -> String {
    std::fs::read_to_string(format!("tests/fixtures/format-v{version}.json"))
        .unwrap_or_else(|e| panic!("fixture for format version {version}: {e}"))
}

#[test]
fn there_is_a_frozen_fixture_for_every_version_and_each_reads() {
    for version in 1..=FORMAT_VERSION {
        let text = fixture(version);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["format_version"], version,
            "fixture {version} is of its version"
        );
        format::parse(&text).unwrap_or_else(|e| panic!("version {version}: {e:?}"));
    }
}

#[test]
fn version_1_migrates_with_nothing_lost() {
    let a = format::parse(&fixture(1)).unwrap();
    assert_eq!(a.id, "5f1c0a9e2b7d4c3a8e6f1b2c3d4e5f60");
    assert_eq!(a.name, "Springfield, “Old Town” & Harbour");
    assert_eq!(a.respondent, "Dana Okafor, community liaison");
    assert_eq!(a.perspective, Perspective::City);
    assert_eq!(a.mode, Mode::Full);
    assert_eq!(
        (a.instrument.id.as_str(), a.instrument.version.as_str()),
        ("rr-city", "1.0.0")
    );
    assert_eq!(a.created_at, "2026-11-20T09:00:00.000Z");
    assert_eq!(a.updated_at, "2026-11-20T09:11:00.000Z");
    assert_eq!(a.revision, 7);
    assert_eq!(a.answers.len(), 6);
    assert_eq!(
        a.response("city-1-district-reach"),
        Some(Response::Level(Level::new(3).unwrap()))
    );
    assert!(a
        .note("city-1-district-reach")
        .contains("\"Engagement\" folder"));
    assert_eq!(
        a.response("city-1-trusted-partners"),
        Some(Response::Level(Level::new(0).unwrap()))
    );
    assert_eq!(
        a.response("city-2-named-lead"),
        Some(Response::NotApplicable)
    );
    assert_eq!(
        a.response("city-3-threat-mapping"),
        Some(Response::DontKnow)
    );
    assert_eq!(a.response("city-3-stakeholder-mapping"), None);
    assert!(a.note("city-3-stakeholder-mapping").contains("日本語"));
    // An id the instrument no longer knows is kept, not dropped.
    assert_eq!(
        a.response("city-retired-question"),
        Some(Response::Level(Level::new(2).unwrap()))
    );
    assert!(a.plan.tracking.is_empty() && a.plan.custom.is_empty());
}

#[test]
fn version_2_keeps_the_plan() {
    let a = format::parse(&fixture(2)).unwrap();
    let t = a.tracking("city-1-trusted-partners/0");
    assert_eq!(t.status, ActionStatus::InProgress);
    assert_eq!(t.owner, "Community liaison team");
    assert_eq!(t.due, "2027-03-31");
    assert_eq!(
        a.tracking("city-1-district-reach/3").status,
        ActionStatus::Done
    );
    assert_eq!(a.plan.custom.len(), 2);
    assert_eq!(a.plan.custom[0].step, Some(3));
    assert_eq!(a.plan.custom[1].step, None);
}

#[test]
fn version_3_adds_not_started_and_an_untracked_action_is_not_started() {
    let a = format::parse(&fixture(3)).unwrap();
    let t = a.tracking("city-2-named-lead/1");
    assert_eq!(t.status, ActionStatus::NotStarted);
    assert_eq!(t.owner, "Ops team");
    // Nothing tracked: the action has not been started (version 2 showed "planned").
    assert_eq!(a.tracking("anything/0").status, ActionStatus::NotStarted);
    let v2 = format::parse(&fixture(2)).unwrap();
    assert_eq!(v2.tracking("anything/0").status, ActionStatus::NotStarted);
}

#[test]
fn the_current_version_round_trips_each_fixture_exactly() {
    for version in 1..=FORMAT_VERSION {
        let a = format::parse(&fixture(version)).unwrap();
        let again = format::parse(&format::to_json(&a, "2026-12-01T00:00:00.000Z")).unwrap();
        assert_eq!(again, a, "version {version}");
    }
}

#[test]
fn a_newer_version_is_refused_whole() {
    let text = fixture(FORMAT_VERSION).replacen(
        &format!("\"format_version\": {FORMAT_VERSION}"),
        &format!("\"format_version\": {}", FORMAT_VERSION + 1),
        1,
    );
    assert_eq!(
        format::parse(&text),
        Err(FormatError::NewerVersion {
            found: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION
        })
    );
}

#[test]
fn oversized_files_and_texts_are_refused_with_where() {
    let big = " ".repeat(format::MAX_FILE_BYTES + 1);
    assert!(matches!(
        format::parse(&big),
        Err(FormatError::TooLarge { .. })
    ));

    let mut value: serde_json::Value = serde_json::from_str(&fixture(2)).unwrap();
    value["assessment"]["answers"][2]["note"] = "x".repeat(format::MAX_TEXT_CHARS + 1).into();
    assert_eq!(
        format::parse(&value.to_string()),
        Err(FormatError::Field {
            path: "assessment.answers[2].note".into(),
            message: format!(
                "{} characters, at most {} allowed",
                format::MAX_TEXT_CHARS + 1,
                format::MAX_TEXT_CHARS
            ),
        })
    );
}

#[test]
fn version_4_reads_as_an_assessment_not_a_snapshot() {
    let a = format::parse(&fixture(4)).unwrap();
    assert_eq!(a.snapshot, None);
    assert_eq!(a.consensus.unwrap().participants, 3, "the consensus kept");
}

#[test]
fn version_5_adds_the_snapshot_mark_with_nothing_else_changed() {
    let s = format::parse(&fixture(5)).unwrap();
    let mark = s.snapshot.clone().expect("a snapshot");
    assert_eq!(mark.id, "b7e4a1d2c3f4");
    assert_eq!(mark.label, "Baseline — before the “district” work, 日本語");
    assert_eq!(mark.taken_at, "2026-12-01T09:30:00.000Z");
    // The record is the assessment's, under its id: of that assessment.
    assert_eq!(s.id, "5f1c0a9e2b7d4c3a8e6f1b2c3d4e5f60");
    assert_eq!(s.revision, 11);
    assert_eq!(
        s.response("city-1-district-reach"),
        Some(Response::Level(Level::new(3).unwrap()))
    );
    assert_eq!(
        s.tracking("city-1-district-reach/3").status,
        ActionStatus::Done
    );
    assert_eq!(s.plan.custom.len(), 2);
    // Written again, the mark is the same object.
    let value: serde_json::Value =
        serde_json::from_str(&format::to_json(&s, "2026-12-03T00:00:00.000Z")).unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&fixture(5)).unwrap();
    assert_eq!(
        value["assessment"]["snapshot"],
        fixture["assessment"]["snapshot"]
    );
}

#[test]
fn version_5_marks_an_assessment_shared_without_notes() {
    use roadmap_readiness::core::sharing;
    let text = std::fs::read_to_string("tests/fixtures/format-v5-shared.json").unwrap();
    let a = format::parse(&text).unwrap();
    assert_eq!(a.snapshot, None);
    let redaction = a.redaction.as_ref().expect("the fixture is a shared file");
    assert_eq!(redaction.left_out, sharing::LEFT_OUT);
    assert_eq!(a.respondent, "");
    assert!(a.answers.values().all(|x| x.note.is_empty()));
    assert!(a.plan.tracking.values().all(|t| t.owner.is_empty()));
    assert!(a
        .plan
        .custom
        .iter()
        .all(|c| c.text.is_empty() && c.tracking.owner.is_empty()));
    assert!(a.consensus.as_ref().unwrap().labels.is_empty());
    // It is what sharing the version-4 file gives: the same answers and plan.
    let full = format::parse(&fixture(4)).unwrap();
    let shared = sharing::for_sharing(&full);
    assert_eq!(shared.answers, a.answers);
    assert_eq!(shared.plan, a.plan);
    assert_eq!(shared.consensus, a.consensus);
    // No earlier version is shared.
    for version in 1..5 {
        assert_eq!(format::parse(&fixture(version)).unwrap().redaction, None);
    }
}

#[test]
fn version_6_remembers_the_language_and_version_5_does_not_know_it() {
    let a = format::parse(&fixture(6)).unwrap();
    assert_eq!(a.language.as_deref(), Some("fr"));
    let value: serde_json::Value =
        serde_json::from_str(&format::to_json(&a, "2026-12-08T00:00:00.000Z")).unwrap();
    assert_eq!(value["assessment"]["language"], "fr");
    // Apart from the language, the same assessment as the version-5 file.
    let mut earlier = format::parse(&fixture(5)).unwrap();
    assert_eq!(earlier.language, None);
    earlier.language = Some("fr".into());
    assert_eq!(earlier, a);
    // A language the app does not speak is kept; a malformed tag is refused by name.
    let with = |tag: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&fixture(6)).unwrap();
        v["assessment"]["language"] = tag.into();
        format::parse(&v.to_string())
    };
    assert_eq!(with("es-419").unwrap().language.as_deref(), Some("es-419"));
    assert_eq!(
        with("zh-Hant-TW").unwrap().language.as_deref(),
        Some("zh-Hant-TW")
    );
    for bad in ["", "fr_FR", "<b>", "fr-", "x".repeat(36).as_str()] {
        assert!(
            matches!(with(bad), Err(FormatError::Field { path, .. }) if path == "assessment.language"),
            "{bad:?}"
        );
    }
}
