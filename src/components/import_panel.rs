//! Import: a file picker (labelled, keyboard operable) and a drop zone as an addition;
//! one file or many. Files are taken one at a time: each is read, checked whole and
//! written (`core::library::commands::import_file`) before the next, the browser gets
//! its turn between files, and the progress is shown. Each file gets its own result
//! line as it is done, keyed so that a change from another tab leaves a pending choice
//! where it is. The same assessment id never overwrites silently: the user chooses to
//! replace (the one here goes to the bin), keep both, or not import it. A choice still
//! pending when another import starts stays on the list.
//!
//! A protected file (`core::protected`) waits in the list for its passphrase. One entry
//! opens every waiting file protected with it (a workshop's files, one passphrase for
//! the room), one file after the other with the same progress; each opened file then
//! goes through the usual import checks. A wrong passphrase says so and the file keeps
//! waiting; a file changed after it was protected is refused.

use crate::components::passphrase::PassphraseEntry;
use crate::core::format::{FormatError, MAX_FILE_BYTES};
use crate::core::import::{self, Checked, Existing};
use crate::core::library::commands::{Choice, FileResult, Settled};
use crate::core::protected::{self, Envelope, OpenError, MAX_ENVELOPE_BYTES};
use crate::display::{display_date, record_name};
use crate::i18n::{
    describe_format_error, describe_import_error, describe_notices, describe_open_error,
    describe_write_error, import_refused, imported_revision_limit, t, tf, tn,
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
    /// A protected file waiting for its passphrase; why the last one did not open it.
    Locked {
        envelope: Box<Envelope>,
        error: Option<String>,
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

/// Reads, checks and writes one file of `batch`; a protected one waits.
async fn import_one(library: Library, batch: &mut import::Batch, file: &web_sys::File) -> State {
    let size = file.size() as usize;
    // A protected file is a little larger than what it holds.
    if size > MAX_ENVELOPE_BYTES {
        return State::Refused(describe_format_error(&FormatError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        }));
    }
    match platform::read_file(file).await {
        Ok(bytes) => match protected::sniff(&bytes) {
            Some(Ok(envelope)) => State::Locked {
                envelope: Box::new(envelope),
                error: None,
            },
            Some(Err(error)) => State::Refused(tf(
                "protect.bad_envelope",
                &[("detail", &describe_format_error(&error))],
            )),
            None => imported(library.import_file(batch, &bytes)),
        },
        Err(detail) => State::Refused(tf("import.read_failed", &[("detail", &detail)])),
    }
}

/// Tries `passphrase` on every waiting protected file, one after the other, with the
/// progress shown; an opened file is imported as any other. How many stay waiting
/// because the passphrase was not theirs.
async fn unlock_all(
    library: Library,
    waiting: Vec<(String, RwSignal<State>)>,
    passphrase: String,
    progress: RwSignal<Option<(usize, usize, String)>>,
) -> usize {
    let mut batch = import::Batch::default();
    let total = waiting.len();
    let mut still = 0;
    for (index, (file, state)) in waiting.into_iter().enumerate() {
        let Some(envelope) = state.with_untracked(|s| match s {
            State::Locked { envelope, .. } => Some(envelope.clone()),
            _ => None,
        }) else {
            continue;
        };
        progress.try_set(Some((index + 1, total, file)));
        platform::yield_to_browser().await;
        let next = match crate::webcrypto::open(&envelope, &passphrase).await {
            Ok(plaintext) => imported(library.import_file(&mut batch, &plaintext)),
            Err(OpenError::Tampered) => State::Refused(t("protect.tampered")),
            Err(error) => {
                still += 1;
                State::Locked {
                    envelope,
                    error: Some(describe_open_error(&error)),
                }
            }
        };
        state.try_set(next);
    }
    library.refresh();
    still
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
        // Earlier files still waiting for a choice or a passphrase stay; settled lines
        // make way.
        lines.update(|all| {
            all.retain(|l| {
                l.state
                    .with_untracked(|s| matches!(s, State::Pending { .. } | State::Locked { .. }))
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

    // Protected files waiting for their passphrase, and why the last one did not open them.
    let locked = Memo::new(move |_| {
        lines.with(|all| {
            all.iter()
                .filter(|l| l.state.with(|s| matches!(s, State::Locked { .. })))
                .count()
        })
    });
    let unlock_error = RwSignal::new(None::<String>);
    let unlocking = RwSignal::new(false);
    let unlock = Callback::new(move |passphrase: String| {
        let waiting: Vec<(String, RwSignal<State>)> = lines.with_untracked(|all| {
            all.iter()
                .filter(|l| {
                    l.state
                        .with_untracked(|s| matches!(s, State::Locked { .. }))
                })
                .map(|l| (l.file.clone(), l.state))
                .collect()
        });
        let tried = waiting.len();
        unlocking.set(true);
        unlock_error.set(None);
        leptos::task::spawn_local(async move {
            let still = unlock_all(library, waiting, passphrase, progress).await;
            progress.try_set(None);
            unlocking.try_set(false);
            unlock_error.try_set(match (still, tried) {
                (0, _) => None,
                (1, 1) => Some(t("protect.still_waiting_one")),
                (still, tried) => Some(tf(
                    "protect.still_waiting",
                    &[("still", &still), ("tried", &tried)],
                )),
            });
            if still == 0 {
                focus_heading();
            }
        });
    });
    let busy = Signal::derive(move || unlocking.get() || progress.with(Option::is_some));

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
    let locked_summary = move || match locked.get() {
        0 => None,
        n => Some(tn("import.locked", n as u64, &[])),
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
                <p>{locked_summary}</p>
            </Show>
            // Several protected files: one passphrase for all of them, above their lines.
            <Show when=move || { locked.get() > 1 }>
                <div class="unlock-all">
                    <PassphraseEntry id="unlock-all"
                        label=Signal::derive(move || tf("protect.passphrase_for_all", &[("count", &locked.get())]))
                        submit=t("protect.open_all") on_submit=unlock busy=busy
                        error=Signal::derive(move || unlock_error.get()) />
                </div>
            </Show>
            <ul class="import-list">
                <For each=move || lines.get() key=|line| line.key
                    children=move |line| view! { <ImportLine line choose unlock=(locked, unlock, busy, unlock_error) /> } />
            </ul>
        </div>
    }
}

/// What a waiting protected file's line needs: how many wait, the unlock, whether one
/// is running, why the last passphrase failed.
type Unlock = (
    Memo<usize>,
    Callback<String>,
    Signal<bool>,
    RwSignal<Option<String>>,
);

#[component]
fn ImportLine(
    line: Line,
    choose: Callback<(RwSignal<State>, Choice)>,
    unlock: Unlock,
) -> impl IntoView {
    let (locked, on_unlock, busy, unlock_error) = unlock;
    let unlock_id = format!("unlock-{}", line.key);
    let state = line.state;
    let choice_label = tf("import.choice_label", &[("file", &line.file)]);
    view! {
        <li class=move || format!("import-result {}", state.with(|s| match s {
            State::Imported { .. } | State::Replaced { .. } | State::KeptBoth { .. } => "ok",
            State::Skipped => "skipped",
            State::Refused(_) => "refused",
            State::Pending { .. } => "pending",
            State::Locked { .. } => "locked",
        }))>
            <p class="file-name"><code>{line.file.clone()}</code></p>
            {move || {
                let lines = match state.get() {
                    State::Imported { name, notices } => prepend(tf("import.imported", &[("name", &name)]), notices),
                    State::Replaced { name, notices } => prepend(tf("import.replaced", &[("name", &name)]), notices),
                    State::KeptBoth { name, notices } => prepend(tf("import.kept_both", &[("name", &name)]), notices),
                    State::Skipped => vec![t("import.skipped")],
                    State::Refused(detail) => vec![import_refused(&detail)],
                    State::Locked { error, .. } => {
                        let mut lines = vec![t("import.locked_line")];
                        // With one field for several files, each says whether it opened.
                        if locked.get_untracked() > 1 {
                            lines.extend(error);
                        }
                        lines
                    }
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
            // The only protected file waiting: its passphrase field is in its line.
            <Show when=move || state.with(|s| matches!(s, State::Locked { .. })) && locked.get() == 1>
                <PassphraseEntry id=unlock_id.clone()
                    label=Signal::derive({ let file = line.file.clone(); move || tf("protect.passphrase_for", &[("file", &file)]) })
                    submit=t("protect.open") on_submit=on_unlock busy=busy
                    error=Signal::derive(move || unlock_error.get()) />
            </Show>
        </li>
    }
}
