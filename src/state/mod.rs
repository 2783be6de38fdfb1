//! The app's reactive state, at the browser edge. Two owners, each provided once by
//! the app: the `Library` (everything stored, as one reactive snapshot, and the
//! commands that change it) and the `Editors` (the assessment being edited). Pages and
//! components read these and call their methods; none of them touches storage. A third,
//! the `LanguageState`, holds the language the views speak (`language`).

mod editor;
pub mod language;
mod library;
mod workshop;

pub use crate::core::library::sync::{Conflict, SaveStatus};
pub use editor::{Editor, Editors, Saving, PAUSE_MS};
pub use language::LanguageState;
pub use library::Library;
pub use workshop::{Outcome as WorkshopOutcome, WorkshopState, WORKSHOP_KEY};
