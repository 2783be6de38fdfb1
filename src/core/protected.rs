//! Protected files: an assessment or workshop file encrypted with a passphrase, in a
//! JSON envelope that any Web Crypto implementation can open from its documentation
//! (README, "Protected files"):
//!
//! ```text
//! key        = PBKDF2-HMAC-SHA-256(passphrase as NFC UTF-8, salt, iterations) → 256 bits
//! key_check  = SHA-256(key)
//! ciphertext = AES-256-GCM(key, nonce, plaintext), the 16-byte tag appended, no AAD
//! ```
//!
//! The plaintext is the UTF-8 text of an ordinary assessment or workshop file, which
//! then goes through the usual import checks. `key_check` tells a wrong passphrase (the
//! check differs) from a file changed after it was protected (the check matches, the
//! tag does not); it costs a guesser no less than the tag does, since both need the
//! full key derivation.
//!
//! This module is the envelope and the order of the steps; the cryptography itself is a
//! `Cipher`, Web Crypto in the browser (`crate::webcrypto`), a fake in the tests. No
//! crypto crate is in the wasm.

use super::format::{self, FormatError, MAX_FILE_BYTES};
use super::numbers::whole_number;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The envelope's `format`.
pub const FORMAT_NAME: &str = "roadmap-readiness.protected";
/// The envelope's own version (independent of the assessment format's).
pub const VERSION: u64 = 1;
/// The key derivation, as the envelope's `kdf` names it.
pub const KDF: &str = "PBKDF2-HMAC-SHA-256";
/// The cipher, as the envelope's `cipher` names it.
pub const CIPHER: &str = "AES-256-GCM";
/// Iterations written into new files: OWASP's current figure for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
/// Fewer iterations than this are refused: a file so weakly protected is not one this
/// app makes. Stays at 600,000 when `ITERATIONS` rises, so older files still open.
pub const MIN_ITERATIONS: u32 = 600_000;
/// More than this are refused, so that a file cannot make the page work for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
pub const KEY_CHECK_BYTES: usize = 32;
/// AES-GCM's authentication tag, at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;
/// The shortest passphrase the app accepts for a new protected file, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// The error a `Cipher` gives when the browser has no Web Crypto (a page served over
/// plain http from another computer), so that it is worded for people.
pub const NO_WEB_CRYPTO: &str = "web crypto unavailable";
/// The largest envelope read: a file of the format's largest plaintext, protected.
pub const MAX_ENVELOPE_BYTES: usize = base64_len(MAX_FILE_BYTES + TAG_BYTES) + 4096;

/// A protected file, its fields decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
    pub key_check: [u8; KEY_CHECK_BYTES],
    /// The AES-GCM output: the encrypted text followed by the 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// The file, field by field, in the order it is written.
#[derive(Serialize, Deserialize)]
#[serde(expecting = "an object")]
struct EnvelopeV1 {
    format: String,
    #[serde(deserialize_with = "version")]
    format_version: u64,
    kdf: String,
    #[serde(deserialize_with = "iterations")]
    iterations: u64,
    salt: String,
    cipher: String,
    nonce: String,
    key_check: String,
    ciphertext: String,
}

fn version<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    whole_number(deserializer, 1, u64::MAX)
}

fn iterations<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    whole_number(
        deserializer,
        u64::from(MIN_ITERATIONS),
        u64::from(MAX_ITERATIONS),
    )
}

/// The envelope as a file: indented JSON with a final newline.
pub fn write(envelope: &Envelope) -> String {
    let record = EnvelopeV1 {
        format: FORMAT_NAME.to_owned(),
        format_version: VERSION,
        kdf: KDF.to_owned(),
        iterations: u64::from(envelope.iterations),
        salt: base64_encode(&envelope.salt),
        cipher: CIPHER.to_owned(),
        nonce: base64_encode(&envelope.nonce),
        key_check: base64_encode(&envelope.key_check),
        ciphertext: base64_encode(&envelope.ciphertext),
    };
    let mut text = serde_json::to_string_pretty(&record).expect("plain data always serialises");
    text.push('\n');
    text
}

/// The text of a file's bytes: UTF-8, a leading byte-order mark allowed.
fn text_of(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    std::str::from_utf8(bytes).ok()
}

/// `None` when the bytes are not a protected file (they go through the usual import
/// checks, which say what they are); else the envelope, or what is wrong with it.
pub fn sniff(bytes: &[u8]) -> Option<Result<Envelope, FormatError>> {
    if bytes.len() > MAX_ENVELOPE_BYTES {
        return None;
    }
    let text = text_of(bytes)?;
    // A quick look first: most files are not protected, and need not be parsed twice.
    if !text.contains(FORMAT_NAME) {
        return None;
    }
    let value: Value = serde_json::from_str(text).ok()?;
    (value.get("format").and_then(Value::as_str) == Some(FORMAT_NAME)).then(|| read_value(value))
}

/// Reads a protected file's text, naming the field that is wrong.
pub fn read(text: &str) -> Result<Envelope, FormatError> {
    if text.len() > MAX_ENVELOPE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: text.len(),
            limit: MAX_ENVELOPE_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    read_value(value)
}

fn read_value(value: Value) -> Result<Envelope, FormatError> {
    let object = value.as_object().ok_or(FormatError::NotAnAssessment)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(FormatError::NotAnAssessment);
    }
    // The version first: a newer envelope may have other fields.
    if let Some(found) = object.get("format_version").and_then(Value::as_u64) {
        if found > VERSION {
            return Err(FormatError::NewerVersion {
                found,
                supported: VERSION,
            });
        }
    }
    let record: EnvelopeV1 = serde_path_to_error::deserialize(value)
        .map_err(|e| format::field_error(&e.path().to_string(), &e.inner().to_string()))?;
    named("kdf", &record.kdf, KDF)?;
    named("cipher", &record.cipher, CIPHER)?;
    let ciphertext = bytes_field("ciphertext", &record.ciphertext)?;
    if ciphertext.len() < TAG_BYTES {
        return Err(field(
            "ciphertext",
            &format!(
                "expected at least {TAG_BYTES} bytes (the authentication tag), found {}",
                ciphertext.len()
            ),
        ));
    }
    Ok(Envelope {
        iterations: u32::try_from(record.iterations).unwrap_or(MAX_ITERATIONS),
        salt: fixed("salt", &record.salt)?,
        nonce: fixed("nonce", &record.nonce)?,
        key_check: fixed("key_check", &record.key_check)?,
        ciphertext,
    })
}

fn field(path: &str, message: &str) -> FormatError {
    FormatError::Field {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

fn named(path: &str, found: &str, expected: &str) -> Result<(), FormatError> {
    if found == expected {
        Ok(())
    } else {
        Err(field(
            path,
            &format!("expected \"{expected}\", found \"{found}\""),
        ))
    }
}

fn bytes_field(path: &str, text: &str) -> Result<Vec<u8>, FormatError> {
    base64_decode(text).map_err(|e| field(path, &e.to_string()))
}

fn fixed<const N: usize>(path: &str, text: &str) -> Result<[u8; N], FormatError> {
    let bytes = bytes_field(path, text)?;
    <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| {
        field(
            path,
            &format!("expected {N} bytes in base64, found {}", bytes.len()),
        )
    })
}

// Base64: the standard alphabet with `=` padding (RFC 4648, section 4), as `btoa` and
// Node's `Buffer.toString('base64')` write it. Reading is strict: no other character,
// no missing or misplaced padding, so that one text means one thing.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The length of `bytes` bytes in padded base64.
pub const fn base64_len(bytes: usize) -> usize {
    bytes.div_ceil(3) * 4
}

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64_len(bytes.len()));
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Why a text is not base64, in words for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet; `position` counts characters from 1.
    Character { position: usize, found: char },
    /// Not a multiple of four characters long.
    Length(usize),
    /// `=` anywhere but in the last one or two places, or bits left over.
    Padding,
}

impl std::fmt::Display for Base64Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Base64Error::Character { position, found } => write!(
                f,
                "expected base64, found the character “{}” at position {position}",
                found.escape_default()
            ),
            Base64Error::Length(n) => write!(
                f,
                "expected base64 (a multiple of 4 characters), found {n} characters"
            ),
            Base64Error::Padding => write!(f, "expected base64, found misplaced “=” padding"),
        }
    }
}

fn sextet(byte: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == byte).map(|p| p as u32)
}

pub fn base64_decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    if let Some((index, found)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
    {
        return Err(Base64Error::Character {
            position: index + 1,
            found,
        });
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err(Base64Error::Length(bytes.len()));
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (index, quad) in bytes.chunks(4).enumerate() {
        let padding = quad.iter().rev().take_while(|&&b| b == b'=').count();
        let last = index + 1 == quads;
        if quad[..4 - padding].contains(&b'=') || padding > 2 || (padding > 0 && !last) {
            return Err(Base64Error::Padding);
        }
        let mut n = 0u32;
        for &b in &quad[..4 - padding] {
            n = (n << 6) | sextet(b).ok_or(Base64Error::Padding)?;
        }
        n <<= 6 * padding as u32;
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits the padding should have zeroed make a second text for the same bytes.
        let kept = 3 - padding;
        if decoded[kept..].iter().any(|&b| b != 0) || (padding > 0 && n & 0xff != 0) {
            return Err(Base64Error::Padding);
        }
        out.extend_from_slice(&decoded[..kept]);
    }
    Ok(out)
}

/// The cryptography the envelope needs. The browser's is Web Crypto
/// (`crate::webcrypto::WebCrypto`); the tests use a fake one. Errors are the browser's
/// own words (no Web Crypto on a page that is not https, for one).
// Futures here are never sent across threads: the browser runs the app on one.
#[allow(async_fn_in_trait)]
pub trait Cipher {
    type Key;
    /// PBKDF2-HMAC-SHA-256 of the passphrase (NFC, UTF-8) with `salt` and `iterations`,
    /// 256 bits: the AES key, and the SHA-256 of those bits (`key_check`).
    async fn derive(
        &self,
        passphrase: &str,
        salt: &[u8; SALT_BYTES],
        iterations: u32,
    ) -> Result<(Self::Key, [u8; KEY_CHECK_BYTES]), String>;
    /// AES-256-GCM with a 128-bit tag, appended.
    async fn encrypt(
        &self,
        key: &Self::Key,
        nonce: &[u8; NONCE_BYTES],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, String>;
    /// The plaintext, or `None` when the tag does not authenticate the ciphertext.
    async fn decrypt(
        &self,
        key: &Self::Key,
        nonce: &[u8; NONCE_BYTES],
        ciphertext: &[u8],
    ) -> Result<Option<Vec<u8>>, String>;
}

/// Encrypts `plaintext` (an exported file's text) under `passphrase` with a fresh
/// random `salt` and `nonce`, which the caller draws from the browser's generator.
pub async fn protect<C: Cipher>(
    cipher: &C,
    plaintext: &[u8],
    passphrase: &str,
    salt: [u8; SALT_BYTES],
    nonce: [u8; NONCE_BYTES],
) -> Result<String, String> {
    let (key, key_check) = cipher.derive(passphrase, &salt, ITERATIONS).await?;
    let ciphertext = cipher.encrypt(&key, &nonce, plaintext).await?;
    Ok(write(&Envelope {
        iterations: ITERATIONS,
        salt,
        nonce,
        key_check,
        ciphertext,
    }))
}

/// Why a protected file did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The passphrase's key check differs from the file's: another passphrase.
    WrongPassphrase,
    /// The passphrase is right but the ciphertext does not authenticate: the file was
    /// changed after it was protected.
    Tampered,
    /// The browser could not run the cryptography; its words.
    Browser(String),
}

/// The plaintext of a protected file, for the usual import checks.
pub async fn open<C: Cipher>(
    cipher: &C,
    envelope: &Envelope,
    passphrase: &str,
) -> Result<Vec<u8>, OpenError> {
    let (key, check) = cipher
        .derive(passphrase, &envelope.salt, envelope.iterations)
        .await
        .map_err(OpenError::Browser)?;
    // Compared in full whatever differs first (there is no timing to learn from here,
    // but it costs nothing).
    let differs = check
        .iter()
        .zip(&envelope.key_check)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    if differs != 0 {
        return Err(OpenError::WrongPassphrase);
    }
    cipher
        .decrypt(&key, &envelope.nonce, &envelope.ciphertext)
        .await
        .map_err(OpenError::Browser)?
        .ok_or(OpenError::Tampered)
}

/// Why a new passphrase is not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseProblem {
    /// Fewer than `MIN_PASSPHRASE_CHARS` characters.
    TooShort { chars: usize },
    /// The two entries differ.
    Mismatch,
}

/// A passphrase for a new protected file, entered twice. Characters are counted as the
/// format counts them (an emoji is one); nothing is trimmed, a space is a character.
pub fn check_new_passphrase(first: &str, again: &str) -> Result<(), PassphraseProblem> {
    let chars = first.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort { chars });
    }
    if first != again {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(())
}

/// A file name for a protected file, which says nothing of what it holds (a name or a
/// respondent in the file name would be readable without the passphrase).
pub fn file_name(date: &str) -> String {
    format!(
        "roadmap-readiness-protected-{}.json",
        format::date_part(date)
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// Runs a future that never waits (the fake cipher's), to its end.
    pub(crate) fn run<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the fake cipher never waits"),
        }
    }

    /// A stand-in with the same shape as AES-GCM: a keystream XOR and a 16-byte tag over
    /// key, nonce and text. Not cryptography; it only lets the envelope's steps be
    /// tested without a browser.
    pub(crate) struct FakeCipher;

    fn mix(seed: &[u8], n: usize) -> Vec<u8> {
        let mut state: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in seed {
            state = (state ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        (0..n)
            .map(|i| {
                state = (state ^ i as u64).wrapping_mul(0x0100_0000_01b3);
                (state >> 32) as u8
            })
            .collect()
    }

    impl Cipher for FakeCipher {
        type Key = Vec<u8>;

        async fn derive(
            &self,
            passphrase: &str,
            salt: &[u8; SALT_BYTES],
            iterations: u32,
        ) -> Result<(Vec<u8>, [u8; KEY_CHECK_BYTES]), String> {
            let mut seed = passphrase.as_bytes().to_vec();
            seed.extend(salt);
            seed.extend(iterations.to_le_bytes());
            let key = mix(&seed, 32);
            let mut check = [0u8; KEY_CHECK_BYTES];
            check.copy_from_slice(&mix(&[&key[..], b"check"].concat(), 32));
            Ok((key, check))
        }

        async fn encrypt(
            &self,
            key: &Vec<u8>,
            nonce: &[u8; NONCE_BYTES],
            plaintext: &[u8],
        ) -> Result<Vec<u8>, String> {
            let stream = mix(&[&key[..], nonce].concat(), plaintext.len());
            let mut out: Vec<u8> = plaintext.iter().zip(stream).map(|(p, s)| p ^ s).collect();
            let tag = mix(&[&key[..], nonce, &out].concat(), TAG_BYTES);
            out.extend(tag);
            Ok(out)
        }

        async fn decrypt(
            &self,
            key: &Vec<u8>,
            nonce: &[u8; NONCE_BYTES],
            ciphertext: &[u8],
        ) -> Result<Option<Vec<u8>>, String> {
            let (body, tag) = ciphertext.split_at(ciphertext.len() - TAG_BYTES);
            if mix(&[&key[..], nonce, body].concat(), TAG_BYTES) != tag {
                return Ok(None);
            }
            let stream = mix(&[&key[..], nonce].concat(), body.len());
            Ok(Some(body.iter().zip(stream).map(|(c, s)| c ^ s).collect()))
        }
    }

    const SALT: [u8; SALT_BYTES] = [7; SALT_BYTES];
    const NONCE: [u8; NONCE_BYTES] = [9; NONCE_BYTES];

    fn sealed(plaintext: &str, passphrase: &str) -> String {
        run(protect(
            &FakeCipher,
            plaintext.as_bytes(),
            passphrase,
            SALT,
            NONCE,
        ))
        .unwrap()
    }

    fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(text).unwrap();
        edit(&mut value);
        value.to_string()
    }

    fn refusal(text: &str) -> String {
        match read(text) {
            Err(FormatError::Field { path, message }) => format!("{path}: {message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_envelope_round_trips_and_says_everything_it_needs() {
        let text = sealed(
            "{\"format\": \"roadmap-readiness.assessment\"}",
            "correct horse battery",
        );
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], FORMAT_NAME);
        assert_eq!(value["format_version"], 1);
        assert_eq!(value["kdf"], "PBKDF2-HMAC-SHA-256");
        assert_eq!(value["iterations"], 600_000);
        assert_eq!(value["cipher"], "AES-256-GCM");
        assert_eq!(value["salt"], base64_encode(&SALT));
        assert_eq!(value["nonce"], base64_encode(&NONCE));
        // Written in the order the README documents them.
        let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap();
        let order = [
            "format",
            "format_version",
            "kdf",
            "iterations",
            "salt",
            "cipher",
            "nonce",
            "key_check",
            "ciphertext",
        ];
        assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
        assert_eq!(value.as_object().unwrap().len(), order.len());
        let envelope = read(&text).unwrap();
        assert_eq!(write(&envelope), text);
        assert_eq!(sniff(text.as_bytes()), Some(Ok(envelope.clone())));
        let plain = run(open(&FakeCipher, &envelope, "correct horse battery")).unwrap();
        assert_eq!(plain, b"{\"format\": \"roadmap-readiness.assessment\"}");
    }

    #[test]
    fn a_wrong_passphrase_and_a_changed_file_are_told_apart() {
        let text = sealed("secret notes", "correct horse battery");
        let envelope = read(&text).unwrap();
        assert_eq!(
            run(open(&FakeCipher, &envelope, "correct horse batterY")),
            Err(OpenError::WrongPassphrase)
        );
        let mut changed = envelope.clone();
        changed.ciphertext[0] ^= 1;
        assert_eq!(
            run(open(&FakeCipher, &changed, "correct horse battery")),
            Err(OpenError::Tampered)
        );
        let mut changed = envelope.clone();
        let last = changed.ciphertext.len() - 1;
        changed.ciphertext[last] ^= 0x80;
        assert_eq!(
            run(open(&FakeCipher, &changed, "correct horse battery")),
            Err(OpenError::Tampered)
        );
        // Another salt or iteration count derives another key: the check tells.
        let mut changed = envelope;
        changed.iterations += 1;
        assert_eq!(
            run(open(&FakeCipher, &changed, "correct horse battery")),
            Err(OpenError::WrongPassphrase)
        );
    }

    #[test]
    fn other_files_are_not_protected_ones() {
        assert_eq!(
            sniff(b"{\"format\": \"roadmap-readiness.assessment\"}"),
            None
        );
        assert_eq!(sniff(b"not json at all"), None);
        assert_eq!(sniff(b"\xff\xfe"), None);
        // A note that mentions the name does not make a file protected.
        assert_eq!(
            sniff(b"{\"format\": \"x\", \"note\": \"roadmap-readiness.protected\"}"),
            None
        );
        // With a byte-order mark, still protected.
        let text = sealed("x", "correct horse battery");
        let mut bom = "\u{FEFF}".as_bytes().to_vec();
        bom.extend(text.as_bytes());
        assert!(matches!(sniff(&bom), Some(Ok(_))));
        // A protected file with a fault is protected, and says what is wrong.
        let broken = edited(&text, |v| v["salt"] = "AAAA".into());
        assert!(matches!(
            sniff(broken.as_bytes()),
            Some(Err(FormatError::Field { .. }))
        ));
    }

    #[test]
    fn every_refusal_names_its_field() {
        let text = sealed("x", "correct horse battery");
        type Edit = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(Edit, &str)> = vec![
            (Box::new(|v| v["kdf"] = "scrypt".into()), "kdf: expected \"PBKDF2-HMAC-SHA-256\", found \"scrypt\""),
            (Box::new(|v| v["cipher"] = "AES-128-CBC".into()), "cipher: expected \"AES-256-GCM\", found \"AES-128-CBC\""),
            (Box::new(|v| v["iterations"] = 1000.into()), "iterations: expected a whole number from 600000 to 10000000, found 1000"),
            (Box::new(|v| v["iterations"] = 20_000_000.into()), "iterations: expected a whole number from 600000 to 10000000, found 20000000"),
            (Box::new(|v| v["iterations"] = "many".into()), "iterations: expected a whole number from 600000 to 10000000, found the text \"many\""),
            (Box::new(|v| v["salt"] = "AAAAAAAAAAA=".into()), "salt: expected 16 bytes in base64, found 8"),
            (Box::new(|v| v["nonce"] = "AAAA AAAAAAAAAAA".into()), "nonce: expected base64, found the character “ ” at position 5"),
            (Box::new(|v| v["key_check"] = "AAA".into()), "key_check: expected base64 (a multiple of 4 characters), found 3 characters"),
            (Box::new(|v| v["ciphertext"] = "AAAA".into()), "ciphertext: expected at least 16 bytes (the authentication tag), found 3"),
            (Box::new(|v| v["ciphertext"] = 5.into()), "ciphertext: expected a string, found 5"),
            (Box::new(|v| { v.as_object_mut().unwrap().remove("nonce"); }), "nonce: required but missing"),
            (Box::new(|v| { v.as_object_mut().unwrap().remove("key_check"); }), "key_check: required but missing"),
            (Box::new(|v| v["format_version"] = serde_json::json!(0)), "format_version: expected a whole number of at least 1, found 0"),
        ];
        for (edit, expected) in cases {
            assert_eq!(refusal(&edited(&text, edit)), expected);
        }
        assert_eq!(
            read(&edited(&text, |v| v["format_version"] = 2.into())),
            Err(FormatError::NewerVersion {
                found: 2,
                supported: 1
            })
        );
        assert!(matches!(
            read("{\"format\": "),
            Err(FormatError::Syntax { .. })
        ));
        assert_eq!(read("[]"), Err(FormatError::NotAnAssessment));
        assert!(matches!(
            read(&" ".repeat(MAX_ENVELOPE_BYTES + 1)),
            Err(FormatError::TooLarge { .. })
        ));
    }

    #[test]
    fn base64_reads_what_it_writes_and_nothing_else() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            let text = base64_encode(&bytes);
            assert_eq!(text.len(), base64_len(bytes.len()));
            assert_eq!(base64_decode(&text), Ok(bytes));
        }
        // RFC 4648's test vectors.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(plain.as_bytes()), coded);
            assert_eq!(base64_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64_decode("Zg"), Err(Base64Error::Length(2)));
        assert_eq!(base64_decode("Z==="), Err(Base64Error::Padding));
        assert_eq!(base64_decode("Zg==Zg=="), Err(Base64Error::Padding));
        assert_eq!(base64_decode("Z=g="), Err(Base64Error::Padding));
        // "Zh==" decodes to "f" too, with bits left over: refused.
        assert_eq!(base64_decode("Zh=="), Err(Base64Error::Padding));
        assert_eq!(
            base64_decode("Zm9v-A=="),
            Err(Base64Error::Character {
                position: 5,
                found: '-'
            })
        );
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_typed_the_same_twice() {
        assert_eq!(
            check_new_passphrase("short", "short"),
            Err(PassphraseProblem::TooShort { chars: 5 })
        );
        // Characters, not bytes: twelve emoji are long enough.
        assert_eq!(
            check_new_passphrase(&"🔑".repeat(12), &"🔑".repeat(12)),
            Ok(())
        );
        assert_eq!(
            check_new_passphrase(&"é".repeat(11), &"é".repeat(11)),
            Err(PassphraseProblem::TooShort { chars: 11 })
        );
        assert_eq!(
            check_new_passphrase("correct horse battery", "correct horse batery"),
            Err(PassphraseProblem::Mismatch)
        );
        // Nothing is trimmed: a trailing space is part of it.
        assert_eq!(
            check_new_passphrase("correct horse battery ", "correct horse battery"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(
            check_new_passphrase("correct horse battery", "correct horse battery"),
            Ok(())
        );
    }

    #[test]
    fn the_file_name_says_nothing_of_the_contents() {
        assert_eq!(
            file_name("2026-11-28T10:00:00.000Z"),
            "roadmap-readiness-protected-2026-11-28.json"
        );
    }

    #[test]
    fn the_largest_plaintext_protected_still_reads() {
        assert!(MAX_ENVELOPE_BYTES > base64_len(MAX_FILE_BYTES + TAG_BYTES));
        assert_eq!(base64_len(0), 0);
        assert_eq!(base64_len(1), 4);
        assert_eq!(base64_len(3), 4);
        assert_eq!(base64_len(4), 8);
    }
}
