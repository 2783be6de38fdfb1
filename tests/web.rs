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

/// Fills local storage until the browser refuses, halving the chunk to fill the gaps.
fn fill_storage() {
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
}

#[wasm_bindgen_test]
fn replacing_bins_the_old_version_and_a_full_storage_changes_nothing() {
    local_storage().clear().unwrap();
    let first = sample("replace");
    storage::save(&first, "2026-01-01T00:00:00.000Z").unwrap();
    let mut second = first.clone();
    second.name = "Second".into();
    storage::save_replacing(&second, "2026-01-02T00:00:00.000Z").unwrap();
    assert_eq!(
        storage::load("replace").unwrap().unwrap().unwrap().name,
        "Second"
    );
    let bin = storage::list_bin().unwrap();
    assert_eq!(bin.len(), 1);
    assert!(matches!(&bin[0].content, Ok(a) if a.name == first.name));

    // No room for the new version: the key keeps what it had, the bin gains nothing.
    let stored = local_storage().get_item(&storage_key("replace")).unwrap();
    fill_storage();
    let mut third = second.clone();
    third.set_note("city-2-named-lead", &"long ".repeat(2_000), "t");
    assert_eq!(
        storage::save_replacing(&third, "2026-01-03T00:00:00.000Z"),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        local_storage().get_item(&storage_key("replace")).unwrap(),
        stored
    );
    assert_eq!(storage::list_bin().unwrap().len(), 1);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn an_entry_too_large_to_read_back_is_never_written() {
    local_storage().clear().unwrap();
    let mut a = sample("huge");
    storage::save(&a, "t0").unwrap();
    let stored = local_storage().get_item(&storage_key("huge")).unwrap();
    for n in 0..600 {
        a.add_custom_action(
            roadmap_readiness::core::plan::CustomAction {
                id: format!("own-{n}"),
                step: None,
                text: "x".repeat(10_000),
                tracking: Default::default(),
            },
            "t",
        );
    }
    assert_eq!(storage::save(&a, "t1"), Err(StorageError::TooLarge));
    assert_eq!(
        local_storage().get_item(&storage_key("huge")).unwrap(),
        stored
    );
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_stored_copy_survives() {
    local_storage().clear().unwrap();
    let mut a = sample("quota");
    storage::save(&a, "before").unwrap();
    let before = local_storage().get_item(&storage_key("quota")).unwrap();

    fill_storage();

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

#[wasm_bindgen_test]
fn delete_moves_to_the_bin_untouched_and_restore_moves_it_back() {
    use roadmap_readiness::storage::Restored;
    local_storage().clear().unwrap();
    let a = sample("binned");
    storage::save(&a, "2026-01-02T00:00:00.000Z").unwrap();
    let text = local_storage()
        .get_item(&storage_key("binned"))
        .unwrap()
        .unwrap();

    storage::move_to_bin(&storage_key("binned"), "2026-02-01T00:00:00.000Z").unwrap();
    assert!(storage::load("binned").unwrap().is_none());
    let bin = storage::list_bin().unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].raw, text, "moved, not re-serialised");
    assert_eq!(bin[0].original_key, storage_key("binned"));

    // The same id in use again: restoring asks instead of overwriting.
    let mut newer = sample("binned");
    newer.name = "Newer".into();
    storage::save(&newer, "2026-03-01T00:00:00.000Z").unwrap();
    assert_eq!(storage::restore(&bin[0].key).unwrap(), Restored::Occupied);
    assert_eq!(
        storage::load("binned").unwrap().unwrap().unwrap().name,
        "Newer"
    );

    // Replacing sends the newer one to the bin in turn: nothing is lost.
    storage::restore_replacing(&bin[0].key, "2026-03-02T00:00:00.000Z").unwrap();
    assert_eq!(
        local_storage()
            .get_item(&storage_key("binned"))
            .unwrap()
            .unwrap(),
        text
    );
    let bin = storage::list_bin().unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].label(), "Newer");
    assert_eq!(storage::empty_bin().unwrap(), 1);
    assert!(storage::list_bin().unwrap().is_empty());
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_corrupt_entry_goes_to_the_bin_with_its_raw_text() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item(&storage_key("bad"), "{oops")
        .unwrap();
    storage::move_to_bin(&storage_key("bad"), "2026-01-01T00:00:00.000Z").unwrap();
    let bin = storage::list_bin().unwrap();
    assert_eq!(bin[0].raw, "{oops");
    assert!(bin[0].content.is_err());
    assert_eq!(
        storage::restore(&bin[0].key).unwrap(),
        roadmap_readiness::storage::Restored::Done
    );
    assert_eq!(
        local_storage()
            .get_item(&storage_key("bad"))
            .unwrap()
            .as_deref(),
        Some("{oops")
    );
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn delete_all_removes_only_our_keys() {
    local_storage().clear().unwrap();
    storage::save(&sample("one"), "now").unwrap();
    storage::move_to_bin(&storage_key("one"), "now").unwrap();
    storage::save(&sample("two"), "now").unwrap();
    local_storage().set_item(&storage_key("bad"), "{").unwrap();
    local_storage()
        .set_item("another-app/settings", "keep me")
        .unwrap();
    assert_eq!(storage::delete_all().unwrap(), 3);
    assert_eq!(local_storage().length().unwrap(), 1);
    assert_eq!(
        local_storage()
            .get_item("another-app/settings")
            .unwrap()
            .as_deref(),
        Some("keep me")
    );
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_second_tab_s_write_is_not_overwritten_without_asking() {
    use leptos::prelude::*;
    use roadmap_readiness::state::Editor;
    local_storage().clear().unwrap();
    let a = sample("two-tabs");
    storage::save(&a, "now").unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let editor = Editor::new(a.clone());
        // Another tab saves a change (a higher revision) after this one loaded.
        let mut theirs = a.clone();
        theirs.set_note("city-1-district-reach", "their note", "later");
        storage::save(&theirs, "later").unwrap();

        // This tab's change is kept in memory, theirs stays stored, a conflict asks.
        editor.change(|x, now| x.set_note("city-2-named-lead", "my note", now));
        assert!(editor.conflict.get_untracked().is_some());
        let stored = storage::load("two-tabs").unwrap().unwrap().unwrap();
        assert_eq!(stored.note("city-1-district-reach"), "their note");
        assert_eq!(
            editor.assessment.get_untracked().note("city-2-named-lead"),
            "my note"
        );

        // Keep mine: saved above their revision; theirs is in the bin, restorable.
        editor.keep_mine();
        assert!(editor.conflict.get_untracked().is_none());
        let stored = storage::load("two-tabs").unwrap().unwrap().unwrap();
        assert_eq!(stored.note("city-2-named-lead"), "my note");
        assert!(stored.revision > theirs.revision);
        let bin = storage::list_bin().unwrap();
        assert_eq!(bin.len(), 1);
        assert_eq!(
            bin[0]
                .content
                .as_ref()
                .unwrap()
                .note("city-1-district-reach"),
            "their note"
        );

        // With nothing pending, later changes save as usual.
        editor.change(|x, now| x.set_note("city-2-named-lead", "again", now));
        assert!(editor.conflict.get_untracked().is_none());
        assert_eq!(
            storage::load("two-tabs")
                .unwrap()
                .unwrap()
                .unwrap()
                .note("city-2-named-lead"),
            "again"
        );
    });
    drop(owner);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn load_theirs_replaces_the_unsaved_change() {
    use leptos::prelude::*;
    use roadmap_readiness::state::Editor;
    local_storage().clear().unwrap();
    let a = sample("theirs");
    storage::save(&a, "now").unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let editor = Editor::new(a.clone());
        let mut theirs = a.clone();
        theirs.name = "Renamed elsewhere".into();
        theirs.touch("later");
        storage::save(&theirs, "later").unwrap();
        editor.change(|x, now| x.set_note("city-2-named-lead", "mine", now));
        editor.load_theirs();
        assert_eq!(editor.assessment.get_untracked(), theirs);
        assert_eq!(storage::load("theirs").unwrap().unwrap().unwrap(), theirs);
        // The next change builds on theirs and saves.
        editor.change(|x, now| x.set_note("city-2-named-lead", "on top", now));
        let stored = storage::load("theirs").unwrap().unwrap().unwrap();
        assert_eq!(stored.name, "Renamed elsewhere");
        assert_eq!(stored.note("city-2-named-lead"), "on top");
    });
    drop(owner);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_deletion_elsewhere_is_not_undone_by_the_next_change() {
    use leptos::prelude::*;
    use roadmap_readiness::state::Editor;
    local_storage().clear().unwrap();
    let a = sample("deleted-elsewhere");
    storage::save(&a, "now").unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let editor = Editor::new(a.clone());
        // Another tab moves it to the bin.
        storage::move_to_bin(
            &storage_key("deleted-elsewhere"),
            "2026-01-02T00:00:00.000Z",
        )
        .unwrap();
        editor.change(|x, now| x.set_note("city-2-named-lead", "typed on", now));
        let conflict = editor.conflict.get_untracked().expect("a conflict asks");
        assert!(conflict.gone && conflict.theirs.is_none());
        assert!(storage::load("deleted-elsewhere").unwrap().is_none());
        assert!(editor.has_unsaved());
        // Keeping mine saves it again, as the user chose.
        editor.keep_mine();
        let stored = storage::load("deleted-elsewhere")
            .unwrap()
            .unwrap()
            .unwrap();
        assert_eq!(stored.note("city-2-named-lead"), "typed on");
    });
    local_storage().clear().unwrap();
}
