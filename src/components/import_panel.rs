//! Import: a file picker (labelled, keyboard operable) and a drop zone as an addition;
//! one file or many. Each file is checked whole before anything is written, and each
//! gets its own result line. The same assessment id never overwrites silently: the
//! user chooses to replace (the one here goes to the bin) or keep both.

use crate::components::library_item::{display_date, LibraryContext};
use crate::core::format::{FormatError, MAX_FILE_BYTES};
use crate::core::import::{self, Checked, Existing, ImportError, Outcome};
use crate::core::library::{self, Entry};
use crate::i18n::{describe_format_error, describe_storage_error, t, tf};
use crate::platform;
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// A refusal in words that say what to fix.
pub fn describe_import_error(error: &ImportError) -> String {
    match error {
        ImportError::Format(error) => describe_format_error(error),
        ImportError::NotText { offset } => tf("import.not_text", &[("offset", offset)]),
        ImportError::UnknownInstrument { id } => {
            tf("import.unknown_instrument", &[("instrument", id)])
        }
        ImportError::InstrumentMismatch {
            instrument,
            perspective,
        } => tf(
            "import.instrument_mismatch",
            &[
                ("instrument", instrument),
                (
                    "perspective",
                    &t(&format!("perspective.{}", perspective.as_str())),
                ),
            ],
        ),
    }
}

/// What the user should know about a file that was imported.
pub fn describe_notices(checked: &Checked) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((file, app)) = &checked.other_instrument_version {
        out.push(tf(
            "import.other_instrument_version",
            &[("file", file), ("app", app)],
        ));
    }
    match checked.unknown_questions.as_slice() {
        [] => {}
        [id] => out.push(tf("import.unknown_question", &[("id", id)])),
        ids => out.push(tf(
            "import.unknown_questions",
            &[("count", &ids.len()), ("ids", &ids.join(", "))],
        )),
    }
    out
}

/// The words for a storage failure while importing: nothing of the file was written.
pub fn describe_write_error(error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => t("import.quota"),
        other => tf(
            "import.not_saved",
            &[("detail", &describe_storage_error(other))],
        ),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    Imported {
        name: String,
        notices: Vec<String>,
    },
    Replaced {
        name: String,
        notices: Vec<String>,
    },
    KeptBoth {
        name: String,
        notices: Vec<String>,
    },
    Refused(String),
    Pending {
        checked: Box<Checked>,
        existing: Option<Existing>,
    },
    Skipped,
}

#[derive(Clone, Debug, PartialEq)]
struct FileResult {
    file: String,
    state: State,
}

/// What is stored now, by assessment id, quarantined entries included.
fn existing() -> Result<BTreeMap<String, Existing>, StorageError> {
    Ok(storage::list()?
        .into_iter()
        .map(|entry| match entry {
            Entry::Readable(a) => (
                a.id.clone(),
                Existing {
                    name: Some(a.name.clone()),
                    revision: a.revision,
                    updated_at: a.updated_at.clone(),
                },
            ),
            Entry::Unreadable { key, .. } => (
                key.strip_prefix(library::KEY_PREFIX)
                    .unwrap_or(&key)
                    .to_owned(),
                Existing {
                    name: None,
                    revision: 0,
                    updated_at: String::new(),
                },
            ),
        })
        .collect())
}

async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads, checks and imports the new ones; conflicts wait for the user.
async fn import_all(files: Vec<web_sys::File>) -> Vec<FileResult> {
    let mut results = Vec::with_capacity(files.len());
    let mut readable = Vec::new();
    for file in &files {
        let size = file.size() as usize;
        let state = if size > MAX_FILE_BYTES {
            Some(State::Refused(describe_format_error(
                &FormatError::TooLarge {
                    bytes: size,
                    limit: MAX_FILE_BYTES,
                },
            )))
        } else {
            match read(file).await {
                Ok(bytes) => {
                    readable.push((results.len(), bytes));
                    None
                }
                Err(detail) => Some(State::Refused(tf(
                    "import.read_failed",
                    &[("detail", &detail)],
                ))),
            }
        };
        results.push(FileResult {
            file: file.name(),
            state: state.unwrap_or(State::Skipped),
        });
    }
    let existing = match existing() {
        Ok(existing) => existing,
        Err(error) => {
            let message = describe_storage_error(&error);
            for (index, _) in readable {
                results[index].state = State::Refused(message.clone());
            }
            return results;
        }
    };
    let (indices, bytes): (Vec<usize>, Vec<Vec<u8>>) = readable.into_iter().unzip();
    for (index, outcome) in indices.into_iter().zip(import::plan(&existing, bytes)) {
        results[index].state = match outcome {
            Outcome::Refused(error) => State::Refused(describe_import_error(&error)),
            Outcome::Conflict { checked, existing } => State::Pending {
                checked: Box::new(checked),
                existing,
            },
            Outcome::New(checked) => {
                let now = platform::now_iso();
                match storage::save(&checked.assessment, &now) {
                    Ok(()) => State::Imported {
                        name: checked.assessment.name.clone(),
                        notices: describe_notices(&checked),
                    },
                    Err(error) => State::Refused(describe_write_error(&error)),
                }
            }
        };
    }
    results
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Replace,
    KeepBoth,
    Skip,
}

fn settle(checked: &Checked, choice: Choice) -> State {
    let now = platform::now_iso();
    let notices = describe_notices(checked);
    let id = checked.assessment.id.clone();
    match choice {
        Choice::Skip => State::Skipped,
        Choice::Replace => {
            // Whatever is stored now (it may have changed since the file was checked).
            let stored_revision = match storage::load(&id) {
                Ok(Some(Ok(a))) => a.revision,
                _ => 0,
            };
            let assessment = import::replacing(checked.assessment.clone(), stored_revision);
            match storage::save_replacing(&assessment, &now) {
                Ok(()) => State::Replaced {
                    name: assessment.name,
                    notices,
                },
                Err(error) => State::Refused(describe_write_error(&error)),
            }
        }
        Choice::KeepBoth => {
            let name = tf("import.copy_name", &[("name", &checked.assessment.name)]);
            let assessment =
                import::keeping_both(checked.assessment.clone(), platform::new_id(), name);
            match storage::save(&assessment, &now) {
                Ok(()) => State::KeptBoth {
                    name: assessment.name,
                    notices,
                },
                Err(error) => State::Refused(describe_write_error(&error)),
            }
        }
    }
}

fn prepend(first: String, mut rest: Vec<String>) -> Vec<String> {
    rest.insert(0, first);
    rest
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let library_state = expect_context::<LibraryContext>();
    let results = RwSignal::new(Vec::<FileResult>::new());
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let heading_ref = NodeRef::<leptos::html::H3>::new();

    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let done = import_all(files).await;
            results.try_set(done);
            busy.try_set(false);
            library_state.refresh();
            // The user may have left the page while the files were read.
            if let Some(heading) = heading_ref.try_get_untracked().flatten() {
                let _ = heading.focus();
            }
        });
    };
    let from_list = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = from_list(input.files());
        // Clear the picker so that choosing the same file again is noticed.
        input.set_value("");
        start(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start(from_list(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };

    let choose = move |index: usize, choice: Choice| {
        let pending = results.with_untracked(|r| match r.get(index).map(|f| &f.state) {
            Some(State::Pending { checked, .. }) => Some(checked.clone()),
            _ => None,
        });
        if let Some(checked) = pending {
            let state = settle(&checked, choice);
            results.update(|r| r[index].state = state);
            library_state.refresh();
            // The buttons are gone: focus goes to the results' heading, not the page top.
            if let Some(heading) = heading_ref.get_untracked() {
                let _ = heading.focus();
            }
        }
    };

    let summary = move || {
        results.with(|r| {
            let count = |f: fn(&State) -> bool| r.iter().filter(|x| f(&x.state)).count();
            tf(
                "import.summary",
                &[
                    (
                        "imported",
                        &count(|s| {
                            matches!(
                                s,
                                State::Imported { .. }
                                    | State::Replaced { .. }
                                    | State::KeptBoth { .. }
                            )
                        }),
                    ),
                    ("refused", &count(|s| matches!(s, State::Refused(_)))),
                    ("pending", &count(|s| matches!(s, State::Pending { .. }))),
                ],
            )
        })
    };

    view! {
        <div class="drop-zone" class:dragging=move || dragging.get()
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label for="import-files">{t("import.choose")}</label>
            <input type="file" id="import-files" accept=".json,application/json" multiple
                aria-describedby="import-hint" on:change=on_change />
            <p id="import-hint" class="hint">{t("import.hint")}</p>
        </div>
        <div class="import-results" role="status" aria-live="polite">
            {move || busy.get().then(|| view! { <p>{t("import.busy")}</p> })}
            {move || (!results.with(Vec::is_empty)).then(|| view! {
                <h3 tabindex="-1" node_ref=heading_ref>{t("import.results_heading")}</h3>
                <p>{summary}</p>
            })}
            <ul class="import-list">
                {move || results.get().into_iter().enumerate().map(|(index, result)| {
                    // One template for every state: the class, the lines of text, and
                    // for a conflict the choice.
                    let (class, lines, pending) = match result.state {
                        State::Imported { name, notices } => ("ok", prepend(tf("import.imported", &[("name", &name)]), notices), false),
                        State::Replaced { name, notices } => ("ok", prepend(tf("import.replaced", &[("name", &name)]), notices), false),
                        State::KeptBoth { name, notices } => ("ok", prepend(tf("import.kept_both", &[("name", &name)]), notices), false),
                        State::Skipped => ("skipped", vec![t("import.skipped")], false),
                        State::Refused(message) => ("refused", vec![format!("{} {message}", t("import.refused"))], false),
                        State::Pending { checked, existing } => {
                            let name = checked.assessment.name.clone();
                            let question = match existing {
                                Some(Existing { name: Some(here), updated_at, .. }) => tf(
                                    "import.conflict",
                                    &[("name", &name), ("existing", &here), ("time", &display_date(&updated_at))],
                                ),
                                Some(Existing { name: None, .. }) => tf("import.conflict_unreadable", &[("name", &name)]),
                                None => tf("import.conflict_in_batch", &[("name", &name)]),
                            };
                            ("pending", vec![question], true)
                        }
                    };
                    let choice_label = tf("import.choice_label", &[("file", &result.file)]);
                    view! {
                        <li class=format!("import-result {class}")>
                            <p class="file-name"><code>{result.file}</code></p>
                            {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                            {pending.then(|| view! {
                                <div class="actions" role="group" aria-label=choice_label>
                                    <button type="button" class="button" on:click=move |_| choose(index, Choice::Replace)>{t("import.replace")}</button>
                                    <button type="button" class="button" on:click=move |_| choose(index, Choice::KeepBoth)>{t("import.keep_both")}</button>
                                    <button type="button" class="button" on:click=move |_| choose(index, Choice::Skip)>{t("import.skip")}</button>
                                </div>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
