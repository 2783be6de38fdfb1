//! Browser tests (wasm-bindgen-test in headless Chromium): what touches real storage.
#![cfg(target_arch = "wasm32")]

use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::library::{storage_key, Entry};
use roadmap_readiness::storage::{self, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn sample(id: &str) -> Assessment {
    let mut a = Assessment::create(
        id.into(),
        NewAssessment {
            perspective: Perspective::City,
            mode: Mode::Full,
            name: format!("City {id}"),
            respondent: "Tester".into(),
        },
        InstrumentRef {
            id: "rr-city".into(),
            version: "1.0.0".into(),
        },
        "2026-01-01T00:00:00.000Z",
    );
    a.set_response(
        "city-1-district-reach",
        Some(Response::Level(Level::new(3).unwrap())),
        "t1",
    );
    a.set_note("city-1-district-reach", "Wards 3 and 7 — ünïcødé", "t2");
    a
}

#[wasm_bindgen_test]
fn save_then_load_round_trips() {
    local_storage().clear().unwrap();
    let a = sample("round-trip");
    storage::save(&a, "2026-01-02T00:00:00.000Z").unwrap();
    let loaded = storage::load("round-trip").unwrap().unwrap().unwrap();
    assert_eq!(loaded, a);
    assert!(storage::load("absent").unwrap().is_none());
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_reported_kept_and_does_not_hide_the_others() {
    local_storage().clear().unwrap();
    storage::save(&sample("good"), "now").unwrap();
    local_storage()
        .set_item(&storage_key("bad"), "{\"format\": truncated")
        .unwrap();
    local_storage().set_item("another-app", "not ours").unwrap();

    let entries = storage::list().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(matches!(&entries[0], Entry::Readable(a) if a.id == "good"));
    assert!(
        matches!(&entries[1], Entry::Unreadable { raw, .. } if raw == "{\"format\": truncated")
    );
    // Loading the corrupt one gives an error, not a panic, and changes nothing.
    assert!(storage::load("bad").unwrap().unwrap().is_err());
    assert_eq!(
        local_storage()
            .get_item(&storage_key("bad"))
            .unwrap()
            .as_deref(),
        Some("{\"format\": truncated")
    );
    assert_eq!(
        local_storage().get_item("another-app").unwrap().as_deref(),
        Some("not ours")
    );
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_stored_copy_survives() {
    local_storage().clear().unwrap();
    let mut a = sample("quota");
    storage::save(&a, "before").unwrap();
    let before = local_storage().get_item(&storage_key("quota")).unwrap();

    // Fill storage until the browser refuses, halving the chunk to fill the last gaps.
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() >= 64 {
        if local_storage()
            .set_item(&format!("filler-{n}"), &chunk)
            .is_err()
        {
            chunk.truncate(chunk.len() / 2);
        }
        n += 1;
    }

    a.set_note(
        "city-1-district-reach",
        &"a long note ".repeat(1000),
        "after",
    );
    assert_eq!(storage::save(&a, "after"), Err(StorageError::QuotaExceeded));
    assert_eq!(
        local_storage().get_item(&storage_key("quota")).unwrap(),
        before
    );
    local_storage().clear().unwrap();
}
