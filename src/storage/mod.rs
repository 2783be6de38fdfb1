//! The browser's local storage as a `core::store::Store`. Everything the app keeps goes
//! through `LocalStore`; the rules about what is written where live in
//! `core::library`. Only `state` (the Editor and the Library service) uses this module.

pub mod files;

use crate::core::store::{StorageError, Store};
use wasm_bindgen::JsCast;

/// `window.localStorage`, looked up on each call: it can be disabled at any time.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

fn raw() -> Result<web_sys::Storage, StorageError> {
    // gloo's accessor throws (panics) when storage is disabled; ask the window directly.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Tells a full quota from other refusals: browsers name it differently (Firefox:
/// NS_ERROR_DOM_QUOTA_REACHED, older WebKit: code 22).
fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e)
            if e.name() == "QuotaExceededError"
                || e.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || e.code() == 22 =>
        {
            StorageError::QuotaExceeded
        }
        Some(e) => StorageError::Other(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Other(format!("{error:?}")),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        raw()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        raw()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        raw()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = raw()?;
        let length = storage.length().map_err(classify)?;
        Ok((0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
