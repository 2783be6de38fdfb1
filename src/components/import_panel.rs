//! Import: a file picker (labelled, keyboard operable) and a drop zone as an addition;
//! one file or many. Each file is checked whole before anything is written
//! (`core::library::commands::import_batch`), and each gets its own result line, keyed
//! so that a change from another tab leaves a pending choice where it is. The same
//! assessment id never overwrites silently: the user chooses to replace (the one here
//! goes to the bin), keep both, or not import it. A choice still pending when another
//! import starts stays on the list.

use crate::core::format::{FormatError, MAX_FILE_BYTES};
use crate::core::import::{Checked, Existing};
use crate::core::library::commands::{Choice, FileResult, Settled};
use crate::display::display_date;
use crate::i18n::{
    describe_format_error, describe_import_error, describe_notices, describe_storage_error,
    describe_write_error, import_refused, t, tf,
};
use crate::state::Library;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    /// Why; the line says once that nothing was changed (`i18n::import_refused`).
    Refused(String),
    Pending {
        checked: Box<Checked>,
        existing: Option<Existing>,
    },
    Skipped,
}

/// One file's line: `key` is unique for the page's life, so lines are keyed by it.
#[derive(Clone)]
struct Line {
    key: u64,
    file: String,
    state: RwSignal<State>,
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

/// Reads every file, then checks and imports the readable ones in one batch;
/// conflicts wait for the user.
async fn import_all(library: Library, files: Vec<web_sys::File>) -> Vec<(String, State)> {
    let mut lines: Vec<(String, Option<State>)> = Vec::with_capacity(files.len());
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
                    readable.push((lines.len(), bytes));
                    None
                }
                Err(detail) => Some(State::Refused(tf(
                    "import.read_failed",
                    &[("detail", &detail)],
                ))),
            }
        };
        lines.push((file.name(), state));
    }
    let (indices, bytes): (Vec<usize>, Vec<Vec<u8>>) = readable.into_iter().unzip();
    match library.import_batch(bytes) {
        Ok(results) => {
            for (index, result) in indices.into_iter().zip(results) {
                lines[index].1 = Some(match result {
                    FileResult::Refused(error) => State::Refused(describe_import_error(&error)),
                    FileResult::NotSaved(error) => State::Refused(describe_write_error(&error)),
                    FileResult::Pending { checked, existing } => {
                        State::Pending { checked, existing }
                    }
                    FileResult::Imported(checked) => State::Imported {
                        name: checked.assessment.name.clone(),
                        notices: describe_notices(&checked),
                    },
                });
            }
        }
        Err(error) => {
            let message = describe_storage_error(&error);
            for index in indices {
                lines[index].1 = Some(State::Refused(message.clone()));
            }
        }
    }
    lines
        .into_iter()
        .map(|(file, state)| (file, state.unwrap_or(State::Skipped)))
        .collect()
}

fn settled(checked: &Checked, result: Result<Settled, crate::core::store::StorageError>) -> State {
    let notices = describe_notices(checked);
    match result {
        Ok(Settled::Skipped) => State::Skipped,
        Ok(Settled::Replaced(a)) => State::Replaced {
            name: a.name,
            notices,
        },
        Ok(Settled::KeptBoth(a)) => State::KeptBoth {
            name: a.name,
            notices,
        },
        Err(error) => State::Refused(describe_write_error(&error)),
    }
}

fn prepend(first: String, mut rest: Vec<String>) -> Vec<String> {
    rest.insert(0, first);
    rest
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    let lines = RwSignal::new(Vec::<Line>::new());
    let next_key = StoredValue::new(0u64);
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let heading_ref = NodeRef::<leptos::html::H3>::new();
    let focus_heading = move || {
        // The user may have left the page while the files were read.
        if let Some(heading) = heading_ref.try_get_untracked().flatten() {
            let _ = heading.focus();
        }
    };

    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let done = import_all(library, files).await;
            let new_lines: Vec<Line> = done
                .into_iter()
                .map(|(file, state)| {
                    let key = next_key.try_update_value(|k| {
                        *k += 1;
                        *k
                    });
                    Line {
                        key: key.unwrap_or_default(),
                        file,
                        state: RwSignal::new(state),
                    }
                })
                .collect();
            // Earlier files still waiting for a choice stay; settled lines make way.
            lines.try_update(|all| {
                all.retain(|l| {
                    l.state
                        .with_untracked(|s| matches!(s, State::Pending { .. }))
                });
                all.extend(new_lines);
            });
            busy.try_set(false);
            focus_heading();
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

    let choose = Callback::new(move |(state, choice): (RwSignal<State>, Choice)| {
        let pending = state.with_untracked(|s| match s {
            State::Pending { checked, .. } => Some(checked.clone()),
            _ => None,
        });
        if let Some(checked) = pending {
            state.set(settled(&checked, library.settle(&checked, choice)));
            // The buttons are gone: focus goes to the results' heading, not the page top.
            focus_heading();
        }
    });

    let summary = move || {
        lines.with(|all| {
            let count = |f: fn(&State) -> bool| all.iter().filter(|l| l.state.with(f)).count();
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
            <Show when=move || !lines.with(Vec::is_empty)>
                <h3 tabindex="-1" node_ref=heading_ref>{t("import.results_heading")}</h3>
                <p>{summary}</p>
            </Show>
            <ul class="import-list">
                <For each=move || lines.get() key=|line| line.key
                    children=move |line| view! { <ImportLine line choose /> } />
            </ul>
        </div>
    }
}

#[component]
fn ImportLine(line: Line, choose: Callback<(RwSignal<State>, Choice)>) -> impl IntoView {
    let state = line.state;
    let choice_label = tf("import.choice_label", &[("file", &line.file)]);
    view! {
        <li class=move || format!("import-result {}", state.with(|s| match s {
            State::Imported { .. } | State::Replaced { .. } | State::KeptBoth { .. } => "ok",
            State::Skipped => "skipped",
            State::Refused(_) => "refused",
            State::Pending { .. } => "pending",
        }))>
            <p class="file-name"><code>{line.file.clone()}</code></p>
            {move || {
                let lines = match state.get() {
                    State::Imported { name, notices } => prepend(tf("import.imported", &[("name", &name)]), notices),
                    State::Replaced { name, notices } => prepend(tf("import.replaced", &[("name", &name)]), notices),
                    State::KeptBoth { name, notices } => prepend(tf("import.kept_both", &[("name", &name)]), notices),
                    State::Skipped => vec![t("import.skipped")],
                    State::Refused(detail) => vec![import_refused(&detail)],
                    State::Pending { checked, existing } => {
                        let name = checked.assessment.name.clone();
                        vec![match existing {
                            Some(Existing { name: Some(here), updated_at, .. }) => tf(
                                "import.conflict",
                                &[("name", &name), ("existing", &here), ("time", &display_date(&updated_at))],
                            ),
                            Some(Existing { name: None, .. }) => tf("import.conflict_unreadable", &[("name", &name)]),
                            None => tf("import.conflict_in_batch", &[("name", &name)]),
                        }]
                    }
                };
                lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()
            }}
            <Show when=move || state.with(|s| matches!(s, State::Pending { .. }))>
                <div class="actions" role="group" aria-label=choice_label.clone()>
                    <button type="button" class="button" on:click=move |_| choose.run((state, Choice::Replace))>{t("import.replace")}</button>
                    <button type="button" class="button" on:click=move |_| choose.run((state, Choice::KeepBoth))>{t("import.keep_both")}</button>
                    <button type="button" class="button" on:click=move |_| choose.run((state, Choice::Skip))>{t("import.skip")}</button>
                </div>
            </Show>
        </li>
    }
}
