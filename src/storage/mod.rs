//! The browser's local and session storage as `core::store::Store`s. Everything the app
//! keeps goes through `LocalStore` (or, on a shared computer, `SessionStore`); the rules
//! about what is written where live in `core::library`. Only `state` (the Editor and
//! the Library service) uses this module.

pub mod files;

use crate::core::store::{StorageError, Store};
use wasm_bindgen::JsCast;

/// `window.localStorage`, looked up on each call: it can be disabled at any time.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

/// `window.sessionStorage`: this tab's own storage, which the browser empties when the
/// tab is closed. A shared computer's assessment lives only here
/// (`core::library::session`).
#[derive(Clone, Copy, Debug, Default)]
pub struct SessionStore;

fn local() -> Result<web_sys::Storage, StorageError> {
    // gloo's accessor throws (panics) when storage is disabled; ask the window directly.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn session() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
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

fn get(storage: web_sys::Storage, key: &str) -> Result<Option<String>, StorageError> {
    storage.get_item(key).map_err(classify)
}

fn set(storage: web_sys::Storage, key: &str, value: &str) -> Result<(), StorageError> {
    storage.set_item(key, value).map_err(classify)
}

fn remove(storage: web_sys::Storage, key: &str) -> Result<(), StorageError> {
    storage.remove_item(key).map_err(classify)
}

fn keys(storage: web_sys::Storage) -> Result<Vec<String>, StorageError> {
    let length = storage.length().map_err(classify)?;
    Ok((0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect())
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        get(local()?, key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        set(local()?, key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        remove(local()?, key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        keys(local()?)
    }
}

impl Store for SessionStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        get(session()?, key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        set(session()?, key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        remove(session()?, key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        keys(session()?)
    }
}
