//! Import: a file picker (labelled, keyboard operable) and a drop zone as an addition;
//! one file or many. Files are taken one at a time: each is read, checked whole and
//! written (`core::library::commands::import_file`) before the next, the browser gets
//! its turn between files, and the progress is shown. Each file gets its own result
//! line as it is done, keyed so that a change from another tab leaves a pending choice
//! where it is. The same assessment id never overwrites silently: the user chooses to
//! replace (the one here goes to the bin), keep both, or not import it. A choice still
//! pending when another import starts stays on the list.

use crate::core::format::{FormatError, MAX_FILE_BYTES};
use crate::core::import::{self, Checked, Existing};
use crate::core::library::commands::{Choice, FileResult, Settled};
use crate::display::{display_date, record_name};
use crate::i18n::{
    describe_format_error, describe_import_error, describe_notices, describe_write_error,
    import_refused, imported_revision_limit, t, tf,
};
use crate::platform;
use crate::state::Library;
use leptos::prelude::*;

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

fn imported(result: FileResult) -> State {
    match result {
        FileResult::Refused(error) => State::Refused(describe_import_error(&error)),
        FileResult::NotSaved(error) => State::Refused(describe_write_error(&error)),
        FileResult::Pending { checked, existing } => State::Pending { checked, existing },
        FileResult::Imported(checked) => State::Imported {
            name: record_name(&checked.assessment),
            notices: describe_notices(&checked),
        },
    }
}

/// Reads, checks and writes one file of `batch`.
async fn import_one(library: Library, batch: &mut import::Batch, file: &web_sys::File) -> State {
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        return State::Refused(describe_format_error(&FormatError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        }));
    }
    match platform::read_file(file).await {
        Ok(bytes) => imported(library.import_file(batch, &bytes)),
        Err(detail) => State::Refused(tf("import.read_failed", &[("detail", &detail)])),
    }
}

/// Imports `files` one after the other, giving the browser its turn before each, and
/// hands each file's result to `done` as soon as it is known.
async fn import_all(
    library: Library,
    files: Vec<web_sys::File>,
    progress: RwSignal<Option<(usize, usize, String)>>,
    done: impl Fn(String, State),
) {
    let mut batch = import::Batch::default();
    let total = files.len();
    for (index, file) in files.iter().enumerate() {
        progress.try_set(Some((index + 1, total, file.name())));
        platform::yield_to_browser().await;
        let state = import_one(library, &mut batch, file).await;
        done(file.name(), state);
    }
    library.refresh();
}

fn settled(checked: &Checked, result: Result<Settled, crate::core::store::StorageError>) -> State {
    let notices = describe_notices(checked);
    match result {
        Ok(Settled::Skipped) => State::Skipped,
        Ok(Settled::Replaced(a)) => {
            // Replacing may have lifted the revision to the format's limit.
            let mut notices = notices;
            if let Some(limit) = imported_revision_limit(&a) {
                if !notices.contains(&limit) {
                    notices.push(limit);
                }
            }
            State::Replaced {
                name: record_name(&a),
                notices,
            }
        }
        Ok(Settled::KeptBoth(a)) => State::KeptBoth {
            name: record_name(&a),
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
    // While files are being imported: which one, of how many, its name.
    let progress = RwSignal::new(None::<(usize, usize, String)>);
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
        // Earlier files still waiting for a choice stay; settled lines make way.
        lines.update(|all| {
            all.retain(|l| {
                l.state
                    .with_untracked(|s| matches!(s, State::Pending { .. }))
            })
        });
        let add_line = move |file: String, state: State| {
            let key = next_key
                .try_update_value(|k| {
                    *k += 1;
                    *k
                })
                .unwrap_or_default();
            lines.try_update(|all| {
                all.push(Line {
                    key,
                    file,
                    state: RwSignal::new(state),
                })
            });
        };
        leptos::task::spawn_local(async move {
            import_all(library, files, progress, add_line).await;
            progress.try_set(None);
            focus_heading();
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = platform::files_of(input.files());
        // Clear the picker so that choosing the same file again is noticed.
        input.set_value("");
        start(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start(platform::files_of(
            ev.data_transfer().and_then(|d| d.files()),
        ));
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
            {move || progress.get().map(|(number, total, file)| view! {
                <p class="import-progress">
                    {tf("import.progress", &[("number", &number), ("total", &total), ("file", &file)])}
                </p>
            })}
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
                        let name = record_name(&checked.assessment);
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
