//! Protected files (`core::protected`) against a frozen one made outside the app:
//! `tests/fixtures/protected-v1.json`, written once by Python (`hashlib.pbkdf2_hmac`,
//! `hashlib.sha256`, `cryptography`'s `AESGCM`) from the README's description, with
//! `tests/fixtures/format-v4.json` as its plaintext and the passphrase "correct horse
//! battery staple". Natively the envelope is read and written; `tests/web.rs` opens it
//! with the browser's Web Crypto, and `tests/e2e/protected.spec.mjs` checks the README
//! against files of the app with Node's.

use roadmap_readiness::core::protected::{self, ITERATIONS, NONCE_BYTES, SALT_BYTES};

const FIXTURE: &str = "tests/fixtures/protected-v1.json";

#[test]
fn the_frozen_protected_file_reads_and_writes_back_byte_for_byte() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let envelope = protected::read(&text).unwrap();
    assert_eq!(envelope.iterations, ITERATIONS);
    assert_eq!(envelope.salt.len(), SALT_BYTES);
    assert_eq!(envelope.nonce.len(), NONCE_BYTES);
    let plaintext = std::fs::read("tests/fixtures/format-v4.json").unwrap();
    assert_eq!(
        envelope.ciphertext.len(),
        plaintext.len() + protected::TAG_BYTES
    );
    // The app writes the same text for the same envelope: one layout, documented once.
    assert_eq!(protected::write(&envelope), text);
    assert_eq!(protected::sniff(text.as_bytes()), Some(Ok(envelope)));
}

#[test]
fn the_readme_documents_every_field_and_parameter_of_the_envelope() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = readme
        .split("### Protected files")
        .nth(1)
        .expect("README has a section \"### Protected files\"");
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    for needle in [
        "\"format\": \"roadmap-readiness.protected\"",
        "\"format_version\": 1",
        "\"kdf\": \"PBKDF2-HMAC-SHA-256\"",
        "\"iterations\": 600000",
        "\"salt\"",
        "\"cipher\": \"AES-256-GCM\"",
        "\"nonce\"",
        "\"key_check\"",
        "\"ciphertext\"",
        "NFC",
        "UTF-8",
        "256 bits",
        "SHA-256",
        "128-bit",
        "no additional",
        "RFC 4648",
        "16 bytes",
        "12 bytes",
    ] {
        assert!(
            section.contains(needle),
            "the README's envelope lacks {needle}"
        );
    }
}
