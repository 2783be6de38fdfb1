//! Local storage, at the browser edge. Each assessment is one entry holding the same
//! JSON as an exported file (`core::format`). Reading never deletes: entries that do
//! not parse are reported by `core::library` and left untouched.

pub mod files;

use crate::core::assessment::Assessment;
use crate::core::format;
use crate::core::library::{self, Entry};
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused the write: storage is full.
    QuotaExceeded,
    /// No local storage (disabled, or a private mode that forbids it).
    Unavailable,
    Other(String),
}

fn raw() -> Result<web_sys::Storage, StorageError> {
    // gloo's accessor throws (panics) when storage is disabled; ask the window directly.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => {
            StorageError::QuotaExceeded
        }
        Some(e) => StorageError::Other(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Other(format!("{error:?}")),
    }
}

/// Every entry of ours, readable or not.
pub fn list() -> Result<Vec<Entry>, StorageError> {
    let storage = raw()?;
    let length = storage.length().map_err(classify)?;
    let pairs = (0..length).filter_map(|i| {
        let key = storage.key(i).ok().flatten()?;
        let value = storage.get_item(&key).ok().flatten()?;
        Some((key, value))
    });
    Ok(library::read_entries(pairs.collect::<Vec<_>>()))
}

/// Loads one assessment. `Ok(None)` when there is no such entry.
pub fn load(id: &str) -> Result<Option<Result<Assessment, format::FormatError>>, StorageError> {
    let storage = raw()?;
    let text = storage
        .get_item(&library::storage_key(id))
        .map_err(classify)?;
    Ok(text.map(|t| format::parse(&t)))
}

pub fn save(assessment: &Assessment, now: &str) -> Result<(), StorageError> {
    raw()?
        .set_item(
            &library::storage_key(&assessment.id),
            &format::to_json(assessment, now),
        )
        .map_err(classify)
}

/// Removes one entry by its storage key (readable or not).
pub fn remove_key(key: &str) -> Result<(), StorageError> {
    raw()?.remove_item(key).map_err(classify)
}
