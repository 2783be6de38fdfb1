//! Browser tests (wasm-bindgen-test in headless Chromium): what only a real browser
//! can show. The library's rules (bin, replace, keep both, two tabs, quota) are tested
//! natively against `MemoryStore` in `core::library` and `tests/library_properties.rs`;
//! here `LocalStore` is checked against the browser's own storage (its key order,
//! UTF-16 text, the exception a full quota throws), and the reactive `Editor` glue.
//! Protected files: the envelope's steps are tested natively with a fake cipher
//! (`core::protected`); here Web Crypto itself encrypts and decrypts, tells a wrong
//! passphrase from a changed file, and opens a file made outside the app (by Python's
//! `hashlib` and `cryptography`, from the README's parameters alone). A shared
//! computer's assessment in the real session storage, and "Delete all my data" over both
//! real stores.
#![cfg(target_arch = "wasm32")]

use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::format;
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::library::commands::{self, load};
use roadmap_readiness::core::library::session::{self, Place};
use roadmap_readiness::core::library::{storage_key, Loaded, Snapshot};
use roadmap_readiness::core::protected::{self, OpenError};
use roadmap_readiness::core::store::{StorageError, Store};
use roadmap_readiness::storage::{LocalStore, SessionStore};
use roadmap_readiness::webcrypto;
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
        "city-1-every-district",
        Some(Response::Level(Level::new(3).unwrap())),
        "t1",
    );
    a.set_note("city-1-every-district", "Wards 3 and 7 — ünïcødé", "t2");
    a
}

const STORE: LocalStore = LocalStore;

fn stored(id: &str) -> Assessment {
    match load(&STORE, id).unwrap() {
        Loaded::Readable(a) => *a,
        other => panic!("{id}: {other:?}"),
    }
}

#[wasm_bindgen_test]
fn save_then_load_round_trips() {
    local_storage().clear().unwrap();
    let a = sample("round-trip");
    commands::save(&STORE, &a, "2026-01-02T00:00:00.000Z").unwrap();
    assert_eq!(stored("round-trip"), a);
    assert_eq!(load(&STORE, "absent").unwrap(), Loaded::Absent);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_reported_kept_and_does_not_hide_the_others() {
    local_storage().clear().unwrap();
    commands::save(&STORE, &sample("good"), "now").unwrap();
    local_storage()
        .set_item(&storage_key("bad"), "{\"format\": truncated")
        .unwrap();
    local_storage().set_item("another-app", "not ours").unwrap();

    let snapshot = Snapshot::read(&STORE).unwrap();
    assert_eq!(snapshot.items.len(), 1);
    assert_eq!(snapshot.items[0].assessment.id, "good");
    assert_eq!(snapshot.unreadable[0].raw, "{\"format\": truncated");
    assert!(snapshot.units_all > snapshot.units_ours);
    // Loading the corrupt one gives an error, not a panic, and changes nothing.
    assert!(matches!(
        load(&STORE, "bad").unwrap(),
        Loaded::Unreadable { .. }
    ));
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
fn a_full_quota_is_reported_as_such_and_nothing_stored_changes() {
    local_storage().clear().unwrap();
    let first = sample("quota");
    commands::save(&STORE, &first, "2026-01-01T00:00:00.000Z").unwrap();
    let before = local_storage().get_item(&storage_key("quota")).unwrap();
    fill_storage();

    let mut bigger = first.clone();
    bigger.set_note("city-2-liaison-lead", &"long ".repeat(2_000), "t");
    // The browser's own exception is read as a full quota, in a plain save and in a
    // replace (whose bin copy is taken back).
    assert_eq!(
        commands::save(&STORE, &bigger, "after"),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        commands::save_replacing(&STORE, &bigger, "2026-01-03T00:00:00.000Z"),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        local_storage().get_item(&storage_key("quota")).unwrap(),
        before
    );
    local_storage().clear().unwrap();
    assert!(Snapshot::read(&STORE).unwrap().bin.is_empty());
}

#[wasm_bindgen_test]
fn delete_all_removes_only_our_keys() {
    local_storage().clear().unwrap();
    commands::save(&STORE, &sample("one"), "now").unwrap();
    commands::move_to_bin(&STORE, &storage_key("one"), "now").unwrap();
    commands::save(&STORE, &sample("two"), "now").unwrap();
    local_storage().set_item(&storage_key("bad"), "{").unwrap();
    local_storage()
        .set_item("another-app/settings", "keep me")
        .unwrap();
    assert_eq!(commands::delete_all(&STORE).unwrap(), 3);
    assert_eq!(STORE.keys().unwrap(), ["another-app/settings"]);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_editor_keeps_a_change_that_another_tab_s_write_would_lose() {
    use leptos::prelude::*;
    use roadmap_readiness::state::{Editor, Library};
    local_storage().clear().unwrap();
    let a = sample("two-tabs");
    commands::save(&STORE, &a, "now").unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let editor = Editor::new(a.clone(), Library::for_app(), Place::Local);
        // Another tab saves a change (a higher revision) after this one loaded.
        let mut theirs = a.clone();
        theirs.set_note("city-1-every-district", "their note", "later");
        commands::save(&STORE, &theirs, "later").unwrap();

        // This tab's change is kept in memory, theirs stays stored, a conflict asks.
        editor.change(|x, now| x.set_note("city-2-liaison-lead", "my note", now));
        assert!(editor.conflict.get_untracked().is_some());
        assert!(editor.has_unsaved());
        assert_eq!(
            stored("two-tabs").note("city-1-every-district"),
            "their note"
        );
        assert_eq!(
            editor
                .assessment
                .get_untracked()
                .note("city-2-liaison-lead"),
            "my note"
        );

        // Keep mine: saved above their revision; theirs is in the bin, restorable.
        editor.keep_mine();
        assert!(editor.conflict.get_untracked().is_none());
        let now_stored = stored("two-tabs");
        assert_eq!(now_stored.note("city-2-liaison-lead"), "my note");
        assert!(now_stored.revision > theirs.revision);
        assert_eq!(editor.assessment.get_untracked(), now_stored);
        let bin = Snapshot::read(&STORE).unwrap().bin;
        assert_eq!(
            bin[0]
                .content
                .as_ref()
                .unwrap()
                .note("city-1-every-district"),
            "their note"
        );

        // With nothing pending, later changes save as usual.
        editor.change(|x, now| x.set_note("city-2-liaison-lead", "again", now));
        assert!(editor.conflict.get_untracked().is_none());
        assert_eq!(stored("two-tabs").note("city-2-liaison-lead"), "again");
    });
    drop(owner);
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_library_snapshot_follows_its_commands() {
    use leptos::prelude::*;
    use roadmap_readiness::state::Library;
    local_storage().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let library = Library::for_app();
        assert!(library.with(|s| s.as_ref().unwrap().is_empty()));
        commands::save(&STORE, &sample("a"), "now").unwrap();
        library.refresh();
        let copy = library.duplicate("a").unwrap();
        assert_eq!(library.with(|s| s.as_ref().unwrap().items.len()), 2);
        library.move_to_bin(&storage_key(&copy.id)).unwrap();
        assert_eq!(library.with(|s| s.as_ref().unwrap().counts.in_bin), 1);
        assert_eq!(library.empty_bin(), Ok(1));
        assert_eq!(library.with(|s| s.as_ref().unwrap().counts.in_bin), 0);
    });
    drop(owner);
    local_storage().clear().unwrap();
}

const PASSPHRASE: &str = "correct horse battery staple";

#[wasm_bindgen_test]
async fn web_crypto_protects_and_opens_and_tells_a_wrong_passphrase_from_a_changed_file() {
    let plain = format::to_json(&sample("secret"), "2026-01-02T00:00:00.000Z");
    let text = webcrypto::protect(&plain, PASSPHRASE).await.unwrap();
    assert!(!text.contains("Wards 3 and 7"), "the note is not readable");
    let envelope = protected::read(&text).unwrap();
    assert_eq!(envelope.iterations, protected::ITERATIONS);
    assert_eq!(
        envelope.ciphertext.len(),
        plain.len() + protected::TAG_BYTES
    );
    let opened = webcrypto::open(&envelope, PASSPHRASE).await.unwrap();
    assert_eq!(opened, plain.as_bytes());
    assert_eq!(
        format::parse(std::str::from_utf8(&opened).unwrap()),
        Ok(sample("secret"))
    );

    // A wrong passphrase says so; a changed ciphertext, nonce or tag is refused.
    assert_eq!(
        webcrypto::open(&envelope, "correct horse battery stapl").await,
        Err(OpenError::WrongPassphrase)
    );
    for edit in [
        |e: &mut protected::Envelope| e.ciphertext[3] ^= 1,
        |e: &mut protected::Envelope| {
            let last = e.ciphertext.len() - 1;
            e.ciphertext[last] ^= 1
        },
        |e: &mut protected::Envelope| e.nonce[0] ^= 1,
        |e: &mut protected::Envelope| {
            e.ciphertext.pop();
        },
    ] {
        let mut changed = envelope.clone();
        edit(&mut changed);
        assert_eq!(
            webcrypto::open(&changed, PASSPHRASE).await,
            Err(OpenError::Tampered)
        );
    }

    // Every export draws a fresh salt and nonce.
    let again = protected::read(&webcrypto::protect(&plain, PASSPHRASE).await.unwrap()).unwrap();
    assert_ne!(again.salt, envelope.salt);
    assert_ne!(again.nonce, envelope.nonce);
    assert_ne!(again.ciphertext, envelope.ciphertext);
}

#[wasm_bindgen_test]
async fn a_passphrase_is_read_as_nfc_so_an_accent_typed_either_way_opens_the_file() {
    let composed = "caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e";
    let decomposed = "cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e";
    assert_ne!(composed, decomposed);
    let text = webcrypto::protect("x", composed).await.unwrap();
    let envelope = protected::read(&text).unwrap();
    assert_eq!(webcrypto::open(&envelope, decomposed).await.unwrap(), b"x");
}

#[wasm_bindgen_test]
async fn a_file_protected_outside_the_app_from_the_documented_parameters_opens() {
    // tests/fixtures/protected-v1.json was made once by Python (hashlib.pbkdf2_hmac,
    // hashlib.sha256, cryptography's AESGCM) from the README's description, with
    // tests/fixtures/format-v4.json as its plaintext.
    let text = include_str!("fixtures/protected-v1.json");
    let envelope = protected::read(text).unwrap();
    let opened = webcrypto::open(&envelope, PASSPHRASE).await.unwrap();
    assert_eq!(opened, include_bytes!("fixtures/format-v4.json"));
    assert_eq!(
        webcrypto::open(&envelope, "Correct horse battery staple").await,
        Err(OpenError::WrongPassphrase)
    );
}

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn a_shared_computer_s_assessment_is_saved_in_session_storage_only() {
    use leptos::prelude::*;
    use roadmap_readiness::state::{Editor, Library};
    local_storage().clear().unwrap();
    session_storage().clear().unwrap();
    let a = sample("in-tab");
    commands::save(&SessionStore, &a, "now").unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let library = Library::for_app();
        let (loaded, place) = library.load("in-tab").unwrap();
        assert_eq!(place, Place::Session);
        let Loaded::Readable(found) = loaded else {
            panic!("{loaded:?}")
        };
        let editor = Editor::new(*found, library, place);
        editor.change(|x, now| x.set_note("city-2-liaison-lead", "only here", now));
        assert!(!editor.has_unsaved());
        assert_eq!(
            local_storage().length().unwrap(),
            0,
            "nothing in local storage"
        );
        let Loaded::Readable(saved) = commands::load(&SessionStore, "in-tab").unwrap() else {
            panic!()
        };
        assert_eq!(saved.note("city-2-liaison-lead"), "only here");
        // Not exported since the change: leaving warns; exported, it does not.
        assert!(library.in_tab_unexported());
        library.exported(&saved);
        assert!(!library.in_tab_unexported());
        assert_eq!(library.in_tab().len(), 1);
        assert_eq!(local_storage().length().unwrap(), 0);
    });
    drop(owner);
    session_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn delete_everything_empties_both_real_stores_of_the_app_s_keys_only() {
    local_storage().clear().unwrap();
    session_storage().clear().unwrap();
    commands::save(&STORE, &sample("local"), "now").unwrap();
    local_storage().set_item("another-app", "keep").unwrap();
    commands::save(&SessionStore, &sample("tab"), "now").unwrap();
    session::mark_exported(&SessionStore, &sample("tab")).unwrap();
    session_storage()
        .set_item("another-app", "keep too")
        .unwrap();
    let removed = session::delete_everything(&STORE, &SessionStore).unwrap();
    assert_eq!(removed.local, [storage_key("local")]);
    assert_eq!(removed.session.len(), 2);
    assert_eq!(STORE.keys().unwrap(), ["another-app"]);
    assert_eq!(SessionStore.keys().unwrap(), ["another-app"]);
    local_storage().clear().unwrap();
    session_storage().clear().unwrap();
}
