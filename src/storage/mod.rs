//! Local storage, at the browser edge. Each assessment is one entry holding the same
//! JSON as an exported file (`core::format`). Reading never deletes: entries that do
//! not parse are reported by `core::library` and left untouched.

pub mod files;

use crate::core::assessment::Assessment;
use crate::core::format;
use crate::core::library::{self, BinEntry, Entry};
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused the write: storage is full.
    QuotaExceeded,
    /// No local storage (disabled, or a private mode that forbids it).
    Unavailable,
    /// The entry would be larger than the file format reads back (`MAX_FILE_BYTES`).
    TooLarge,
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

/// Every (key, text) pair in local storage, ours or not.
fn all_pairs() -> Result<Vec<(String, String)>, StorageError> {
    let storage = raw()?;
    let length = storage.length().map_err(classify)?;
    Ok((0..length)
        .filter_map(|i| {
            let key = storage.key(i).ok().flatten()?;
            let value = storage.get_item(&key).ok().flatten()?;
            Some((key, value))
        })
        .collect())
}

/// Every (key, text) pair of the app (`library::APP_PREFIX`).
pub fn our_pairs() -> Result<Vec<(String, String)>, StorageError> {
    Ok(all_pairs()?
        .into_iter()
        .filter(|(k, _)| k.starts_with(library::APP_PREFIX))
        .collect())
}

/// Every entry of ours, readable or not.
pub fn list() -> Result<Vec<Entry>, StorageError> {
    Ok(library::read_entries(our_pairs()?))
}

/// The bin's entries, most recently deleted first.
pub fn list_bin() -> Result<Vec<BinEntry>, StorageError> {
    Ok(library::read_bin(our_pairs()?))
}

/// Bytes used in local storage: by this app, and by this site in all.
pub fn usage() -> Result<(usize, usize), StorageError> {
    let pairs = all_pairs()?;
    let all = library::bytes_used(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let ours = library::bytes_used(
        pairs
            .iter()
            .filter(|(k, _)| k.starts_with(library::APP_PREFIX))
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    Ok((ours, all))
}

/// The raw text under `key`, if any.
pub fn get_raw(key: &str) -> Result<Option<String>, StorageError> {
    raw()?.get_item(key).map_err(classify)
}

/// Moves the entry at `key` to the bin, its text untouched: the copy is written first,
/// so a full storage leaves the entry where it was.
pub fn move_to_bin(key: &str, now: &str) -> Result<(), StorageError> {
    let storage = raw()?;
    let Some(text) = storage.get_item(key).map_err(classify)? else {
        return Ok(());
    };
    let target = library::bin_key(key, now, |k| storage.get_item(k).ok().flatten().is_some())
        .ok_or_else(|| StorageError::Other(format!("{key} is not an assessment entry")))?;
    storage.set_item(&target, &text).map_err(classify)?;
    storage.remove_item(key).map_err(classify)
}

/// What restoring from the bin did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    Done,
    /// Another entry holds the original key now; nothing was changed.
    Occupied,
}

/// Moves a bin entry back to its original key, unless that key is taken.
pub fn restore(bin_key: &str) -> Result<Restored, StorageError> {
    let storage = raw()?;
    let (original, _) = library::bin_origin(bin_key)
        .ok_or_else(|| StorageError::Other(format!("{bin_key} is not in the bin")))?;
    let Some(text) = storage.get_item(bin_key).map_err(classify)? else {
        return Ok(Restored::Done);
    };
    if storage.get_item(&original).map_err(classify)?.is_some() {
        return Ok(Restored::Occupied);
    }
    storage.set_item(&original, &text).map_err(classify)?;
    storage.remove_item(bin_key).map_err(classify)?;
    Ok(Restored::Done)
}

/// Restores over an occupied key: the entry there goes to the bin.
pub fn restore_replacing(bin_key: &str, now: &str) -> Result<(), StorageError> {
    let storage = raw()?;
    let (original, _) = library::bin_origin(bin_key)
        .ok_or_else(|| StorageError::Other(format!("{bin_key} is not in the bin")))?;
    let Some(text) = storage.get_item(bin_key).map_err(classify)? else {
        return Err(StorageError::Other(format!(
            "{bin_key} is no longer in the bin"
        )));
    };
    replace_text(&storage, &original, &text, now)?;
    storage.remove_item(bin_key).map_err(classify)
}

/// Writes `text` at `key`; what was there goes to the bin. The bin copy is written
/// first, and removed again if the new text does not fit, so a full storage leaves the
/// key as it was and nothing is lost either way.
fn replace_text(
    storage: &web_sys::Storage,
    key: &str,
    text: &str,
    now: &str,
) -> Result<(), StorageError> {
    let binned = match storage.get_item(key).map_err(classify)? {
        Some(old) => {
            let target =
                library::bin_key(key, now, |k| storage.get_item(k).ok().flatten().is_some())
                    .ok_or_else(|| {
                        StorageError::Other(format!("{key} is not an assessment entry"))
                    })?;
            storage.set_item(&target, &old).map_err(classify)?;
            Some(target)
        }
        None => None,
    };
    if let Err(error) = storage.set_item(key, text).map_err(classify) {
        if let Some(target) = binned {
            let _ = storage.remove_item(&target);
        }
        return Err(error);
    }
    Ok(())
}

/// Saves `assessment` over whatever is stored under its id, which goes to the bin.
pub fn save_replacing(assessment: &Assessment, now: &str) -> Result<(), StorageError> {
    let text = entry_text(assessment, now)?;
    replace_text(&raw()?, &library::storage_key(&assessment.id), &text, now)
}

/// Restores a readable bin entry as a new assessment beside the one now at its key.
pub fn restore_as_copy(bin_key: &str, copy: &Assessment, now: &str) -> Result<(), StorageError> {
    save(copy, now)?;
    remove_key(bin_key)
}

/// Removes every bin entry for good.
pub fn empty_bin() -> Result<usize, StorageError> {
    let storage = raw()?;
    let keys: Vec<String> = our_pairs()?
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with(library::BIN_PREFIX))
        .collect();
    for key in &keys {
        storage.remove_item(key).map_err(classify)?;
    }
    Ok(keys.len())
}

/// "Delete all my data": removes every key of the app and no other.
pub fn delete_all() -> Result<usize, StorageError> {
    let storage = raw()?;
    let keys: Vec<String> = our_pairs()?.into_iter().map(|(k, _)| k).collect();
    for key in &keys {
        storage.remove_item(key).map_err(classify)?;
    }
    Ok(keys.len())
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
    let text = entry_text(assessment, now)?;
    raw()?
        .set_item(&library::storage_key(&assessment.id), &text)
        .map_err(classify)
}

/// The entry's text, refused when reading it back would refuse it as too large.
fn entry_text(assessment: &Assessment, now: &str) -> Result<String, StorageError> {
    let text = format::to_json(assessment, now);
    if text.len() > format::MAX_FILE_BYTES {
        return Err(StorageError::TooLarge);
    }
    Ok(text)
}

/// Removes one entry by its storage key (readable or not).
pub fn remove_key(key: &str) -> Result<(), StorageError> {
    raw()?.remove_item(key).map_err(classify)
}
