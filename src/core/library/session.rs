//! "This is a shared computer": an assessment kept only in this tab's session storage,
//! which the browser empties when the tab is closed; nothing of it is written to local
//! storage. It is stored under the same key, in the same format, as a library entry, so
//! every rule of the editor (saving, two-tab checks) works on it unchanged, against
//! the other store.
//!
//! The rules here: where an assessment is kept (`locate`), what was exported since the
//! last change (`mark_exported`, `unexported`: leaving the page with an assessment not
//! exported since its last change warns first), and "Delete all my data" over both
//! stores (`delete_everything`).

use super::{our_keys, storage_key, Loaded, Snapshot, EXPORTED_PREFIX};
use crate::core::assessment::Assessment;
use crate::core::store::{StorageError, Store};

/// Where an assessment is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The browser's local storage: the library, kept until deleted.
    Local,
    /// This tab's session storage only ("This is a shared computer"): gone when the tab
    /// closes.
    Session,
}

/// Where the assessment `id` is kept, and what is there. This tab's session storage is
/// asked first: an id there is this tab's shared-computer assessment, even when a file
/// of it was also imported into the library. A session storage that cannot be read
/// holds nothing (a browser may disable it); the library is asked then.
pub fn locate(
    local: &dyn Store,
    session: &dyn Store,
    id: &str,
) -> Result<(Loaded, Place), StorageError> {
    let key = storage_key(id);
    if let Ok(Some(text)) = session.get(&key) {
        return Ok((Loaded::read(&key, Some(text)), Place::Session));
    }
    Ok((Loaded::read(&key, local.get(&key)?), Place::Local))
}

pub fn exported_key(id: &str) -> String {
    format!("{EXPORTED_PREFIX}{id}")
}

/// One version of an assessment, as the exported mark records it.
fn stamp(assessment: &Assessment) -> String {
    format!("{} {}", assessment.revision, assessment.updated_at)
}

/// Records that this version of a session assessment was exported whole (a file for
/// sharing leaves out the notes, so it does not count).
pub fn mark_exported(session: &dyn Store, assessment: &Assessment) -> Result<(), StorageError> {
    session.set(&exported_key(&assessment.id), &stamp(assessment))
}

/// The session's assessments changed since they were last exported whole (or never
/// exported): what closing the tab would lose.
pub fn unexported(session: &dyn Store) -> Result<Vec<Assessment>, StorageError> {
    let snapshot = Snapshot::read(session)?;
    let mut out = Vec::new();
    for item in snapshot.items {
        let mark = session.get(&exported_key(&item.assessment.id))?;
        if mark.as_deref() != Some(stamp(&item.assessment).as_str()) {
            out.push(item.assessment);
        }
    }
    Ok(out)
}

/// What "Delete all my data" removed from each store, every key by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub local: Vec<String>,
    pub session: Vec<String>,
}

/// "Delete all my data": every key of the app in local storage and in this tab's
/// session storage, and no other key. A session storage the browser does not allow
/// holds nothing of ours; a local storage that refuses stops here and says so.
pub fn delete_everything(local: &dyn Store, session: &dyn Store) -> Result<Removed, StorageError> {
    let mut removed = Removed::default();
    if let Ok(keys) = our_keys(session) {
        for key in keys {
            session.remove(&key)?;
            removed.session.push(key);
        }
    }
    for key in our_keys(local)? {
        local.remove(&key)?;
        removed.local.push(key);
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::library::commands::save;
    use crate::core::library::{Counts, WORKSHOP_KEY};
    use crate::core::store::MemoryStore;
    use crate::core::test_support;

    fn assessment(id: &str) -> Assessment {
        test_support::assessment(
            id,
            Perspective::City,
            Mode::Quick,
            ("rr-city", "1.0.0"),
            "t0",
        )
    }

    #[test]
    fn a_shared_computer_s_assessment_is_found_in_the_session_and_only_there() {
        let (local, session) = (MemoryStore::new(), MemoryStore::new());
        save(&session, &assessment("here-only"), "t1").unwrap();
        save(&local, &assessment("library"), "t1").unwrap();
        let (loaded, place) = locate(&local, &session, "here-only").unwrap();
        assert_eq!(place, Place::Session);
        assert!(matches!(loaded, Loaded::Readable(a) if a.id == "here-only"));
        assert!(local.get(&storage_key("here-only")).unwrap().is_none());
        assert_eq!(locate(&local, &session, "library").unwrap().1, Place::Local);
        assert_eq!(
            locate(&local, &session, "absent").unwrap(),
            (Loaded::Absent, Place::Local)
        );
        // The same id in both (its file imported into the library in this tab): the
        // tab's own is the one it edits.
        save(&local, &assessment("here-only"), "t2").unwrap();
        assert_eq!(
            locate(&local, &session, "here-only").unwrap().1,
            Place::Session
        );
        // A session storage the browser refuses holds nothing.
        session.set_unavailable(true);
        assert_eq!(locate(&local, &session, "library").unwrap().1, Place::Local);
    }

    #[test]
    fn an_assessment_changed_since_its_last_export_is_what_closing_would_lose() {
        let session = MemoryStore::new();
        let mut a = assessment("a");
        save(&session, &a, "t1").unwrap();
        assert_eq!(unexported(&session).unwrap(), [a.clone()]);
        mark_exported(&session, &a).unwrap();
        assert!(unexported(&session).unwrap().is_empty());
        a.set_note("q", "one more thing", "t2");
        save(&session, &a, "t2").unwrap();
        assert_eq!(unexported(&session).unwrap().len(), 1);
        mark_exported(&session, &a).unwrap();
        assert!(unexported(&session).unwrap().is_empty());
        // The mark is bookkeeping: not counted as data of its own.
        let snapshot = Snapshot::read(&session).unwrap();
        assert_eq!(
            snapshot.counts,
            Counts {
                assessments: 1,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn delete_everything_removes_every_key_of_ours_in_both_stores_and_nothing_else() {
        let (local, session) = (MemoryStore::new(), MemoryStore::new());
        save(&local, &assessment("a"), "t").unwrap();
        local.set(WORKSHOP_KEY, "{}").unwrap();
        local.set("roadmap-readiness/bin/t/b", "{").unwrap();
        local.set("another-app/x", "keep").unwrap();
        save(&session, &assessment("s"), "t").unwrap();
        mark_exported(&session, &assessment("s")).unwrap();
        session.set("another-app/y", "keep too").unwrap();
        let removed = delete_everything(&local, &session).unwrap();
        assert_eq!(
            removed.local,
            [
                storage_key("a"),
                "roadmap-readiness/bin/t/b".to_owned(),
                WORKSHOP_KEY.to_owned()
            ]
        );
        assert_eq!(removed.session, [storage_key("s"), exported_key("s")]);
        assert_eq!(local.keys().unwrap(), ["another-app/x"]);
        assert_eq!(session.keys().unwrap(), ["another-app/y"]);
        let counts = Counts::of_keys(removed.local.iter().map(String::as_str));
        assert_eq!(
            (counts.assessments, counts.in_bin, counts.workshop),
            (1, 1, 1)
        );
        // Nothing left: nothing removed, no error.
        assert_eq!(
            delete_everything(&local, &session).unwrap(),
            Removed::default()
        );
        // No session storage at all: the library is still emptied.
        save(&local, &assessment("b"), "t").unwrap();
        session.set_unavailable(true);
        assert_eq!(
            delete_everything(&local, &session).unwrap().local,
            [storage_key("b")]
        );
        // A local storage that refuses says so.
        local.set_unavailable(true);
        assert_eq!(
            delete_everything(&local, &session),
            Err(StorageError::Unavailable)
        );
    }
}
