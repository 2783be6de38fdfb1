//! The workshop file: a workshop survives a reload and moves between laptops as one
//! file, every participant's assessment read with the same checks as an assessment file.

use roadmap_readiness::core::assessment::Response;
use roadmap_readiness::core::format::{self, FormatError};
use roadmap_readiness::core::import::{self, ImportError};
use roadmap_readiness::core::instrument::{Level, Perspective};
use roadmap_readiness::core::workshop::{Agreed, Workshop};

fn frozen() -> String {
    std::fs::read_to_string("tests/fixtures/workshop-v4.json").unwrap()
}

#[test]
fn a_frozen_workshop_reads_and_round_trips_exactly() {
    let w = format::parse_workshop(&frozen()).unwrap();
    assert_eq!(
        (w.name.as_str(), w.perspective),
        ("Springfield, March", Perspective::City)
    );
    assert_eq!(w.participants.len(), 2);
    assert_eq!(w.participants[1].label, "Ben");
    assert_eq!(
        w.agreed["city-1-every-district"],
        Agreed {
            response: Some(Response::Level(Level::new(3).unwrap())),
            rationale: "Ward logs show eight of twelve districts".into()
        }
    );
    let again = format::parse_workshop(&format::workshop_to_json(&w, "t")).unwrap();
    assert_eq!(again, w);
}

#[test]
fn files_of_the_other_kind_are_refused_with_their_reason() {
    assert_eq!(
        import::check(frozen().as_bytes()).unwrap_err(),
        ImportError::Format(FormatError::WorkshopFile)
    );
    let assessment = std::fs::read_to_string("tests/fixtures/format-v4.json").unwrap();
    assert_eq!(
        format::parse_workshop(&assessment),
        Err(FormatError::NotAWorkshop)
    );
    let mut bad: serde_json::Value = serde_json::from_str(&frozen()).unwrap();
    bad["workshop"]["participants"][0]["assessment"]["answers"][0]["level"] = 7.into();
    match format::parse_workshop(&bad.to_string()) {
        Err(FormatError::Field { path, .. }) => {
            assert_eq!(path, "workshop.participants[0].assessment.answers[0].level")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_empty_workshop_round_trips() {
    let mut w = Workshop::new("Empty room", Perspective::Cso);
    w.attributed = true;
    let again = format::parse_workshop(&format::workshop_to_json(&w, "t")).unwrap();
    assert_eq!(again, w);
}

#[test]
fn a_workshop_file_of_every_version_since_4_reads_the_same() {
    for version in [5, 6] {
        let text =
            std::fs::read_to_string(format!("tests/fixtures/workshop-v{version}.json")).unwrap();
        assert_eq!(
            format::parse_workshop(&text).unwrap(),
            format::parse_workshop(&frozen()).unwrap(),
            "version {version}"
        );
    }
}
