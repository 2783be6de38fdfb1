//! Where entries are kept, as a trait: the browser's local storage is one `Store`
//! (`crate::storage::LocalStore`), `MemoryStore` with a settable quota is another, so
//! that every rule about stored entries (`core::shelf`) is tested natively.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Why the store refused. Each kind gets its own words (`i18n::describe_storage_error`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The store refused the write: it is full.
    QuotaExceeded,
    /// No store at all (disabled, or a private mode that forbids it).
    Unavailable,
    /// The entry would be larger than the file format reads back (`MAX_FILE_BYTES`).
    TooLarge,
    Other(String),
}

/// A key-value store of text, as `window.localStorage` is. Methods take `&self`
/// because the browser's storage is shared by every tab and every part of the app.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key, the app's and others' (the site's storage is shared).
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// What a (key, text) pair counts against a site's local-storage limit, as browsers
/// count it: the UTF-16 units of the key and of the text (most letters one, an emoji
/// two). The app's storage figures are all in these units.
pub fn pair_units(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

/// The local-storage limit browsers usually set a site, in the same units: 5 × 1024 ×
/// 1024 (Chrome, Firefox and Safari). Shown as "5 MB", as browsers and their
/// documentation call it.
pub const USUAL_SITE_LIMIT: usize = 5 * 1024 * 1024;

/// Bytes a (key, text) pair takes where text is kept as UTF-16, as browsers keep it.
pub fn pair_bytes(key: &str, value: &str) -> usize {
    2 * pair_units(key, value)
}

/// A store in memory, with a quota in bytes (counted as browsers count them); the
/// tests' stand-in for local storage, shared by two "tabs" as the browser's is.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
    unavailable: Cell<bool>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Writes that would take the store past `bytes` are refused from now on.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    /// Every call fails as a disabled storage does.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.unavailable.set(unavailable);
    }

    pub fn used_bytes(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| pair_bytes(k, v))
            .sum()
    }

    /// A copy of everything stored, for comparing before and after.
    pub fn contents(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }

    fn available(&self) -> Result<(), StorageError> {
        if self.unavailable.get() {
            Err(StorageError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.available()?;
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.available()?;
        if let Some(quota) = self.quota.get() {
            let replaced = self
                .entries
                .borrow()
                .get(key)
                .map_or(0, |old| pair_bytes(key, old));
            if self.used_bytes() - replaced + pair_bytes(key, value) > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.available()?;
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.available()?;
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_counts_utf16_bytes_and_a_refused_write_changes_nothing() {
        let store = MemoryStore::new();
        store.set_quota(Some(pair_bytes("k", "abc")));
        store.set("k", "abc").unwrap();
        assert_eq!(store.set("k", "abcd"), Err(StorageError::QuotaExceeded));
        assert_eq!(store.get("k").unwrap().as_deref(), Some("abc"));
        // Replacing with something no larger fits: the old text's bytes are freed.
        store.set("k", "xyz").unwrap();
        assert_eq!(store.set("other", ""), Err(StorageError::QuotaExceeded));
    }

    #[test]
    fn an_unavailable_store_refuses_everything() {
        let store = MemoryStore::new();
        store.set_unavailable(true);
        assert_eq!(store.keys(), Err(StorageError::Unavailable));
        assert_eq!(store.get("k"), Err(StorageError::Unavailable));
        assert_eq!(store.set("k", "v"), Err(StorageError::Unavailable));
    }
}
