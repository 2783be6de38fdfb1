//! The browser's Web Crypto (`crypto.subtle`) as the `core::protected::Cipher`: the only
//! cryptography in the app, and none of it in the wasm. The envelope and the order of
//! the steps are `core::protected`'s; this is the calls.
//!
//! The passphrase is normalised to Unicode NFC and encoded as UTF-8 (so that "é" typed
//! on one system opens a file made on another); its bytes and the derived key's bits
//! are overwritten in the browser's buffers once imported, and the AES key itself is
//! not extractable. Nothing here is stored or logged.

use crate::core::protected::{
    self, Cipher, Envelope, OpenError, KEY_CHECK_BYTES, NONCE_BYTES, SALT_BYTES, TAG_BYTES,
};
use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The error of a page without Web Crypto (one served over plain http from another
/// computer): `i18n::describe_crypto_error` words it.
const UNAVAILABLE: &str = protected::NO_WEB_CRYPTO;

/// `crypto.subtle` of this window.
pub struct WebCrypto {
    subtle: web_sys::SubtleCrypto,
}

fn describe(error: JsValue) -> String {
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    format!("{error:?}")
}

async fn call(promise: Result<Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(describe)?)
        .await
        .map_err(describe)
}

fn usages(names: &[&str]) -> Array {
    names.iter().map(|n| JsValue::from_str(n)).collect()
}

impl WebCrypto {
    /// Web Crypto exists only on secure pages (https, or this computer).
    pub fn new() -> Result<WebCrypto, String> {
        let crypto = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .ok_or(UNAVAILABLE)?;
        let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle"))
            .map_err(|_| UNAVAILABLE.to_owned())?;
        if subtle.is_undefined() || subtle.is_null() {
            return Err(UNAVAILABLE.to_owned());
        }
        Ok(WebCrypto {
            subtle: subtle.unchecked_into(),
        })
    }
}

impl Cipher for WebCrypto {
    type Key = web_sys::CryptoKey;

    async fn derive(
        &self,
        passphrase: &str,
        salt: &[u8; SALT_BYTES],
        iterations: u32,
    ) -> Result<(web_sys::CryptoKey, [u8; KEY_CHECK_BYTES]), String> {
        let normalised = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
        let secret = Uint8Array::from(normalised.as_bytes());
        let base = call(self.subtle.import_key_with_str(
            "raw",
            &secret,
            "PBKDF2",
            false,
            &usages(&["deriveBits"]),
        ))
        .await;
        secret.fill(0, 0, secret.length());
        let base: web_sys::CryptoKey = base?.unchecked_into();
        let params = web_sys::Pbkdf2Params::new_with_str(
            "PBKDF2",
            "SHA-256",
            iterations,
            &Uint8Array::from(&salt[..]),
        );
        let bits: ArrayBuffer = call(self.subtle.derive_bits_with_object(&params, &base, 256))
            .await?
            .unchecked_into();
        let check = call(
            self.subtle
                .digest_with_str_and_buffer_source("SHA-256", &bits),
        )
        .await;
        let key = call(self.subtle.import_key_with_str(
            "raw",
            &bits,
            "AES-GCM",
            false,
            &usages(&["encrypt", "decrypt"]),
        ))
        .await;
        let view = Uint8Array::new(&bits);
        view.fill(0, 0, view.length());
        let check = Uint8Array::new(&check?).to_vec();
        let check = <[u8; KEY_CHECK_BYTES]>::try_from(check.as_slice())
            .map_err(|_| format!("SHA-256 gave {} bytes", check.len()))?;
        Ok((key?.unchecked_into(), check))
    }

    async fn encrypt(
        &self,
        key: &web_sys::CryptoKey,
        nonce: &[u8; NONCE_BYTES],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, String> {
        let params = gcm(nonce);
        let out = call(self.subtle.encrypt_with_object_and_js_u8_array(
            &params,
            key,
            &Uint8Array::from(plaintext),
        ))
        .await?;
        Ok(Uint8Array::new(&out).to_vec())
    }

    async fn decrypt(
        &self,
        key: &web_sys::CryptoKey,
        nonce: &[u8; NONCE_BYTES],
        ciphertext: &[u8],
    ) -> Result<Option<Vec<u8>>, String> {
        let params = gcm(nonce);
        let promise = self
            .subtle
            .decrypt_with_object_and_js_u8_array(&params, key, &Uint8Array::from(ciphertext))
            .map_err(describe)?;
        match JsFuture::from(promise).await {
            Ok(out) => Ok(Some(Uint8Array::new(&out).to_vec())),
            // What Web Crypto throws when the tag does not authenticate the text.
            Err(e)
                if e.dyn_ref::<web_sys::DomException>()
                    .is_some_and(|e| e.name() == "OperationError") =>
            {
                Ok(None)
            }
            Err(e) => Err(describe(e)),
        }
    }
}

/// AES-GCM with this nonce, a 128-bit tag and no additional data.
fn gcm(nonce: &[u8; NONCE_BYTES]) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(&nonce[..]));
    params.set_tag_length((TAG_BYTES * 8) as u8);
    params
}

/// `N` bytes from the browser's cryptographic generator; never a weaker fallback.
fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .ok_or(UNAVAILABLE)?
        .crypto()
        .map_err(|_| UNAVAILABLE.to_owned())?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(describe)?;
    Ok(bytes)
}

/// An exported file's text as a protected file, with a fresh salt and nonce.
pub async fn protect(plaintext: &str, passphrase: &str) -> Result<String, String> {
    let cipher = WebCrypto::new()?;
    protected::protect(
        &cipher,
        plaintext.as_bytes(),
        passphrase,
        random()?,
        random()?,
    )
    .await
}

/// The plaintext of a protected file.
pub async fn open(envelope: &Envelope, passphrase: &str) -> Result<Vec<u8>, OpenError> {
    let cipher = WebCrypto::new().map_err(OpenError::Browser)?;
    protected::open(&cipher, envelope, passphrase).await
}
