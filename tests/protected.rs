//! Protected files (`core::protected`) against a frozen one made outside the app:
//! `tests/fixtures/protected-v1.json`, written once by Python (`hashlib.pbkdf2_hmac`,
//! `hashlib.sha256`, `cryptography`'s `AESGCM`) from the README's description, with
//! `tests/fixtures/format-v4.json` as its plaintext and the passphrase "correct horse
//! battery staple". Natively the envelope is read and written; `tests/web.rs` opens it
//! with the browser's Web Crypto.

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
