//! The workshop view, for a facilitator: start a workshop for one perspective, add the
//! participants' files (picker or drop, any number at once) or assessments from this
//! browser, see per step and per question where the room agrees and where it does not
//! (most disagreement first), record the agreed answers with a rationale, and save the
//! consensus as an assessment of its own. Everything happens in this browser.
//!
//! Protected files (`core::protected`): participants' files protected with the room's
//! passphrase wait until the facilitator enters it once, then go through the same
//! checks; the workshop file itself can be exported with a passphrase and opened with it.

use crate::components::confirm::Confirm;
use crate::components::passphrase::{NewPassphrase, PassphraseEntry};
use crate::components::radar::{radar_figure, svg, Chart};
use crate::core::assessment::Response;
use crate::core::instrument::{Level, Perspective};
use crate::core::protected::{self, Envelope, OpenError};
use crate::core::route::Route;
use crate::core::workshop::{self, Added, Agreed, QuestionStats};
use crate::display::{display_decimal_or_dash, dom_id, format_score, step_label};
use crate::i18n::{
    colon, content, describe_crypto_error, describe_format_error, describe_import_error,
    describe_open_error, t, tf,
};
use crate::platform;
use crate::state::{Library, WorkshopOutcome, WorkshopState};
use leptos::prelude::*;

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let state = expect_context::<WorkshopState>();
    // Only opening and closing rebuild the view; a change inside the workshop does not.
    let open = Memo::new(move |_| state.workshop.with(Option::is_some));
    view! {
        <h1 tabindex="-1">{t("workshop.title")}</h1>
        <p class="lead">{t("workshop.intro")}</p>
        {move || if open.get() {
            view! { <Running /> }.into_any()
        } else {
            view! { <StartForm /> }.into_any()
        }}
    }
}

#[component]
fn StartForm() -> impl IntoView {
    let state = expect_context::<WorkshopState>();
    let name = RwSignal::new(String::new());
    let perspective = RwSignal::new(Perspective::City);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = name.get_untracked();
        let chosen = if chosen.trim().is_empty() {
            t("workshop.default_name")
        } else {
            chosen
        };
        state.start(&chosen, perspective.get_untracked());
    };
    let open_error = RwSignal::new(None::<String>);
    // A protected workshop file waits here for its passphrase.
    let locked = RwSignal::new(None::<Envelope>);
    let unlock_error = RwSignal::new(None::<String>);
    let unlocking = RwSignal::new(false);
    let open_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = platform::files_of(input.files());
        input.set_value("");
        if let Some(file) = files.into_iter().next() {
            leptos::task::spawn_local(async move {
                locked.try_set(None);
                let result = match platform::read_file(&file).await {
                    Ok(bytes) => match protected::sniff(&bytes) {
                        Some(Ok(envelope)) => {
                            locked.try_set(Some(envelope));
                            Ok(())
                        }
                        Some(Err(error)) => Err(tf(
                            "protect.bad_envelope",
                            &[("detail", &describe_format_error(&error))],
                        )),
                        None => state.open_file(&bytes),
                    },
                    Err(detail) => Err(tf("import.read_failed", &[("detail", &detail)])),
                };
                open_error.try_set(result.err());
            });
        }
    };
    let unlock = Callback::new(move |passphrase: String| {
        let Some(envelope) = locked.get_untracked() else {
            return;
        };
        unlocking.set(true);
        leptos::task::spawn_local(async move {
            match crate::webcrypto::open(&envelope, &passphrase).await {
                Ok(plaintext) => {
                    unlock_error.try_set(None);
                    locked.try_set(None);
                    open_error.try_set(state.open_file(&plaintext).err());
                }
                Err(OpenError::Tampered) => {
                    locked.try_set(None);
                    open_error.try_set(Some(t("protect.tampered")));
                }
                Err(error) => {
                    unlock_error.try_set(Some(describe_open_error(&error)));
                }
            }
            unlocking.try_set(false);
        });
    });
    let unreadable = state.unreadable_text();
    view! {
        {unreadable.map(|raw| view! {
            <section class="conflict" aria-labelledby="workshop-unreadable-heading">
                <h2 id="workshop-unreadable-heading">{t("workshop.unreadable_heading")}</h2>
                <p role="alert">{move || state.problem.get()}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| crate::downloads::raw_entry(crate::state::WORKSHOP_KEY, &raw)>{t("home.download_raw")}</button>
                    <button type="button" class="button danger" on:click=move |_| state.discard_unreadable()>{t("workshop.discard_unreadable")}</button>
                </div>
            </section>
        })}
        <form class="stack" on:submit=submit>
            <h2>{t("workshop.start_heading")}</h2>
            <div class="field">
                <label for="workshop-name">{t("workshop.name")}</label>
                <input id="workshop-name" type="text" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <fieldset>
                <legend>{t("workshop.perspective")}</legend>
                {Perspective::ALL.into_iter().map(|p| {
                    let id = format!("workshop-perspective-{}", p.as_str());
                    view! {
                        <div class="choice">
                            <input type="radio" name="workshop-perspective" id=id.clone()
                                prop:checked=move || perspective.get() == p
                                on:change=move |_| perspective.set(p) />
                            <label for=id>{t(&format!("perspective.{}", p.as_str()))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <p><button type="submit" class="button primary">{t("workshop.start")}</button></p>
        </form>
        <section aria-labelledby="workshop-open-heading">
            <h2 id="workshop-open-heading">{t("workshop.open_heading")}</h2>
            <div class="field">
                <label for="workshop-open">{t("workshop.open_file")}</label>
                <input type="file" id="workshop-open" accept=".json,application/json" on:change=open_file />
            </div>
            {move || open_error.get().map(|e| view! { <p role="alert">{format!("{} {e}", t("workshop.not_opened"))}</p> })}
            <Show when=move || locked.with(Option::is_some)>
                <p>{t("workshop.locked_file")}</p>
                <PassphraseEntry id="workshop-open-passphrase"
                    label=Signal::stored(t("workshop.passphrase_of_file"))
                    submit=t("protect.open") on_submit=unlock busy=Signal::derive(move || unlocking.get())
                    error=Signal::derive(move || unlock_error.get()) />
            </Show>
        </section>
    }
}

/// "Level 2: 3 · Level 3: 1 …" as a strip of five cells, each with its count in words,
/// so that it reads without colour.
fn strip(counts: [usize; 5]) -> AnyView {
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    view! {
        <ol class="level-strip" aria-label=t("workshop.strip_label")>
            {counts.into_iter().enumerate().map(|(level, count)| {
                // No bar at all for a level nobody gave; otherwise at least a sliver.
                // Set as a CSSOM property: the Content-Security-Policy refuses style attributes.
                let height = if count == 0 { "0".to_owned() } else { format!("{}%", 15 + 85 * count / most) };
                view! {
                    <li>
                        <span class="strip-bar" style:height=height aria-hidden="true"></span>
                        <span class="strip-count">{tf("workshop.strip_cell", &[("level", &level), ("count", &count)])}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// "28 – 59", or one "–" when there is no score.
fn span(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(_), Some(_)) => format!("{} – {}", format_score(low), format_score(high)),
        _ => format_score(None),
    }
}

fn response_value(response: Option<Response>) -> String {
    match response {
        Some(Response::Level(level)) => level.to_string(),
        Some(Response::NotApplicable) => "not_applicable".into(),
        Some(Response::DontKnow) => "dont_know".into(),
        None => String::new(),
    }
}

fn parse_response(value: &str) -> Option<Response> {
    match value {
        "not_applicable" => Some(Response::NotApplicable),
        "dont_know" => Some(Response::DontKnow),
        other => other
            .parse::<u8>()
            .ok()
            .and_then(Level::new)
            .map(Response::Level),
    }
}

#[component]
fn Running() -> impl IntoView {
    let state = expect_context::<WorkshopState>();
    let library = expect_context::<Library>();
    let perspective = state
        .workshop
        .with_untracked(|w| w.as_ref().map_or(Perspective::City, |w| w.perspective));
    let instrument = content::instrument(perspective);
    let outcomes = RwSignal::new(Vec::<(String, String, bool)>::new());
    let busy = RwSignal::new(false);
    let step_filter = RwSignal::new(0u8);
    let saved = RwSignal::new(None::<Result<String, String>>);
    // Presenting to the room: large type for a projector, the results alone on screen.
    let present = RwSignal::new(false);

    let describe = move |source: String, outcome: WorkshopOutcome| -> (String, String, bool) {
        match outcome {
            WorkshopOutcome::Refused(error) => (source, describe_import_error(&error), false),
            WorkshopOutcome::Added { label, how } => {
                let text = match how {
                    Added::New => tf("workshop.added", &[("label", &label)]),
                    Added::Replaced => tf("workshop.replaced", &[("label", &label)]),
                    Added::AlreadyHere => tf("workshop.already_here", &[("label", &label)]),
                    Added::OtherPerspective(p) => tf(
                        "workshop.other_perspective",
                        &[("perspective", &t(&format!("perspective.{}", p.as_str())))],
                    ),
                };
                let ok = !matches!(how, Added::OtherPerspective(_));
                (source, text, ok)
            }
        }
    };
    // Participants' protected files, waiting for the room's passphrase.
    let locked = RwSignal::new(Vec::<(String, Envelope)>::new());
    let unlock_error = RwSignal::new(None::<String>);
    let add_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            // Read every file first, then add them in one change: the statistics are
            // computed and the workshop saved once, not once per file.
            let mut lines: Vec<Option<(String, String, bool)>> = Vec::new();
            let mut names = Vec::new();
            let mut readable = Vec::new();
            let mut waiting = Vec::new();
            for file in files {
                match platform::read_file(&file).await {
                    Ok(bytes) => match protected::sniff(&bytes) {
                        Some(Ok(envelope)) => waiting.push((file.name(), envelope)),
                        Some(Err(error)) => lines.push(Some((
                            file.name(),
                            tf(
                                "protect.bad_envelope",
                                &[("detail", &describe_format_error(&error))],
                            ),
                            false,
                        ))),
                        None => {
                            names.push((lines.len(), file.name()));
                            readable.push(bytes);
                            lines.push(None);
                        }
                    },
                    Err(detail) => lines.push(Some((
                        file.name(),
                        tf("import.read_failed", &[("detail", &detail)]),
                        false,
                    ))),
                }
            }
            for ((index, name), outcome) in names.into_iter().zip(state.add_files(readable)) {
                lines[index] = Some(describe(name, outcome));
            }
            outcomes.try_set(lines.into_iter().flatten().collect());
            if !waiting.is_empty() {
                unlock_error.try_set(None);
                locked.try_update(|l| l.extend(waiting));
            }
            busy.try_set(false);
        });
    };
    // One entry of the room's passphrase opens every waiting file protected with it,
    // one after the other; those it does not open keep waiting.
    let unlock = Callback::new(move |passphrase: String| {
        let waiting = locked.get_untracked();
        if waiting.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let mut lines = Vec::new();
            let mut names = Vec::new();
            let mut opened = Vec::new();
            let mut still = Vec::new();
            let mut wrong = None;
            for (name, envelope) in waiting {
                platform::yield_to_browser().await;
                match crate::webcrypto::open(&envelope, &passphrase).await {
                    Ok(plaintext) => {
                        names.push(name);
                        opened.push(plaintext);
                    }
                    Err(OpenError::Tampered) => lines.push((name, t("protect.tampered"), false)),
                    Err(error) => {
                        wrong = Some(describe_open_error(&error));
                        still.push((name, envelope));
                    }
                }
            }
            for (name, outcome) in names.into_iter().zip(state.add_files(opened)) {
                lines.push(describe(name, outcome));
            }
            let tried = locked.with_untracked(Vec::len);
            unlock_error.try_set(match (still.len(), tried) {
                (0, _) => None,
                (1, 1) => wrong,
                (n, tried) => Some(tf(
                    "protect.still_waiting",
                    &[("still", &n), ("tried", &tried)],
                )),
            });
            locked.try_set(still);
            outcomes.try_set(lines);
            busy.try_set(false);
        });
    });
    let protect_busy = RwSignal::new(false);
    let protect_status = RwSignal::new(None::<Result<String, String>>);
    let protect = Callback::new(move |passphrase: String| {
        let Some(w) = state.workshop.get_untracked() else {
            return;
        };
        protect_busy.set(true);
        protect_status.set(Some(Ok(t("protect.working"))));
        leptos::task::spawn_local(async move {
            let result = crate::downloads::workshop_protected(&w, &passphrase).await;
            protect_status.try_set(Some(
                result
                    .map(|()| t("protect.done"))
                    .map_err(|e| describe_crypto_error(&e)),
            ));
            protect_busy.try_set(false);
        });
    });
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = platform::files_of(input.files());
        input.set_value("");
        add_files(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add_files(platform::files_of(
            ev.data_transfer().and_then(|d| d.files()),
        ));
    };

    // Assessments in this browser of the workshop's perspective, not yet added.
    let candidates = Memo::new(move |_| {
        let here: Vec<String> = state.workshop.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.participants
                        .iter()
                        .map(|p| p.assessment.id.clone())
                        .collect()
                })
                .unwrap_or_default()
        });
        library.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.items
                        .iter()
                        .map(|i| &i.assessment)
                        .filter(|a| {
                            a.perspective == perspective
                                && a.consensus.is_none()
                                && !here.contains(&a.id)
                        })
                        .map(|a| (a.id.clone(), a.name.clone(), a.respondent.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    let stats = Memo::new(move |_| {
        state.workshop.with(|w| {
            w.as_ref()
                .map(|w| workshop::question_stats(instrument, &w.participants))
                .unwrap_or_default()
        })
    });
    let ordered = Memo::new(move |_| {
        let step = step_filter.get();
        workshop::by_disagreement(stats.get())
            .into_iter()
            .filter(|s| step == 0 || s.step == step)
            .collect::<Vec<_>>()
    });
    let steps = Memo::new(move |_| {
        state.workshop.with(|w| {
            w.as_ref()
                .map(|w| workshop::step_stats(instrument, &w.participants))
                .unwrap_or_default()
        })
    });
    let count = move || {
        state
            .workshop
            .with(|w| w.as_ref().map_or(0, |w| w.participants.len()))
    };
    let name = move || {
        state
            .workshop
            .with(|w| w.as_ref().map(|w| w.name.clone()).unwrap_or_default())
    };

    let save = move |_| {
        let n = count();
        let attributed = state
            .workshop
            .with_untracked(|w| w.as_ref().is_some_and(|w| w.attributed));
        let respondent = if attributed {
            state.workshop.with_untracked(|w| {
                w.as_ref()
                    .map(|w| {
                        w.participants
                            .iter()
                            .map(|p| p.label.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default()
            })
        } else {
            tf("workshop.consensus_of", &[("count", &n)])
        };
        let result = state
            .save_consensus(
                tf("workshop.consensus_name", &[("name", &name())]),
                respondent,
            )
            .map(|r| {
                r.map(|a| a.id)
                    .map_err(|e| crate::i18n::describe_storage_error(&e))
            });
        saved.set(result);
    };

    view! {
        <div class="workshop-running" class:presenting=move || present.get()>
        <section aria-labelledby="workshop-heading">
            <h2 id="workshop-heading">{name}</h2>
            <p data-testid="workshop-summary">{move || tf("workshop.summary", &[
                ("perspective", &t(&format!("perspective.{}", perspective.as_str()))),
                ("count", &count()),
            ])}</p>
            <div class="field choice">
                <input type="checkbox" id="workshop-attributed"
                    prop:checked=move || state.workshop.with(|w| w.as_ref().is_some_and(|w| w.attributed))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.workshop.update(|w| if let Some(w) = w { w.attributed = on });
                    } />
                <label for="workshop-attributed">{t("workshop.attributed")}</label>
            </div>
            <p class="hint">{t("workshop.kept_here")}</p>
            {move || state.problem.get().map(|p| view! { <p role="alert">{p}</p> })}
            <div class="actions">
                <button type="button" class="button present" aria-pressed=move || present.get().to_string()
                    on:click=move |_| present.update(|on| *on = !*on)>
                    {t("workshop.present")}</button>
                <button type="button" class="button"
                    on:click=move |_| state.workshop.with_untracked(|w| if let Some(w) = w { crate::downloads::workshop_json(w) })>
                    {t("workshop.export")}</button>
                <details class="more-exports">
                    <summary>{t("workshop.export_protected")}</summary>
                    <p>{t("workshop.export_protected_body")}</p>
                    <NewPassphrase id="workshop-protect" submit=t("workshop.export_protected_button")
                        on_ready=protect busy=Signal::derive(move || protect_busy.get()) />
                    <p role="status">{move || protect_status.get().map(|s| match s {
                        Ok(text) => view! { <span>{text}</span> }.into_any(),
                        Err(text) => view! { <span class="error">{text}</span> }.into_any(),
                    })}</p>
                </details>
                <Confirm
                    start=t("workshop.close")
                    question=Signal::stored(t("workshop.close_confirm"))
                    yes=t("workshop.close_yes")
                    cancel=t("delete.cancel")
                    on_confirm=Callback::new(move |()| { state.close(); Ok(()) })
                    danger=true
                />
            </div>
        </section>

        <section aria-labelledby="workshop-add-heading">
            <h2 id="workshop-add-heading">{t("workshop.add_heading")}</h2>
            <p>{t("workshop.identity")}</p>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="workshop-files">{t("workshop.choose")}</label>
                <input type="file" id="workshop-files" accept=".json,application/json" multiple on:change=on_change />
            </div>
            {move || busy.get().then(|| view! { <p role="status">{t("workshop.busy")}</p> })}
            <Show when=move || !locked.with(Vec::is_empty)>
                <div class="unlock-all" data-testid="workshop-locked">
                    <p>{move || locked.with(|l| tf("workshop.locked", &[
                        ("count", &l.len()),
                        ("files", &l.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")),
                    ]))}</p>
                    <PassphraseEntry id="workshop-unlock"
                        label=Signal::stored(t("workshop.room_passphrase"))
                        submit=t("protect.open_all") on_submit=unlock busy=Signal::derive(move || busy.get())
                        error=Signal::derive(move || unlock_error.get()) />
                </div>
            </Show>
            <div role="status" aria-live="polite">
            <ul class="import-list" data-testid="workshop-outcomes">
                {move || outcomes.get().into_iter().map(|(source, text, ok)| view! {
                    <li class=if ok { "import-result ok" } else { "import-result refused" }>
                        <p class="file-name"><code>{source}</code></p>
                        <p>{if ok { text } else { format!("{} {text}", t("workshop.refused")) }}</p>
                    </li>
                }).collect_view()}
            </ul>
            </div>
            <Show when=move || !candidates.with(Vec::is_empty)>
                <details class="from-library">
                    <summary>{t("workshop.from_library")}</summary>
                    <ul>
                        {move || candidates.get().into_iter().map(|(id, name, respondent)| {
                            let label = if respondent.is_empty() { name } else { format!("{name} ({respondent})") };
                            view! {
                                <li>
                                    <button type="button" class="button"
                                        on:click=move |_| {
                                            if let Some(outcome) = state.add_from_library(&id) {
                                                outcomes.set(vec![describe(label.clone(), outcome)]);
                                            }
                                        }>{tf("workshop.add_one", &[("name", &label)])}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
        </section>

        <Show when=move || count() != 0>
            <section aria-labelledby="workshop-people-heading">
                <h2 id="workshop-people-heading">{t("workshop.participants_heading")}</h2>
                <ul class="participants">
                    {move || state.workshop.with(|w| w.as_ref().map(|w| w.participants.iter().enumerate().map(|(index, p)| {
                        let input_id = format!("participant-{index}");
                        let label = p.label.clone();
                        view! {
                            <li>
                                <label for=input_id.clone()>{tf("workshop.label_of", &[("name", &p.assessment.name)])}</label>
                                <input type="text" id=input_id value=label
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        state.workshop.update(|w| if let Some(p) = w.as_mut().and_then(|w| w.participants.get_mut(index)) { p.label = value });
                                    } />
                                <button type="button" class="button" on:click=move |_| state.workshop.update(|w| if let Some(w) = w { w.remove(index) })>
                                    {tf("workshop.remove", &[("label", &p.label)])}
                                </button>
                            </li>
                        }
                    }).collect_view()))}
                </ul>
            </section>

            <section aria-labelledby="workshop-steps-heading">
                <h2 id="workshop-steps-heading">{t("workshop.steps_heading")}</h2>
                {radar_figure(Signal::derive(move || steps.with(|list| {
                    let of = |pick: fn(&workshop::StepStats) -> Option<f64>| list.iter().map(pick).collect();
                    let chart = Chart::Band { median: of(|s| s.median), low: of(|s| s.q1), high: of(|s| s.q3) };
                    svg("workshop-radar", &t("workshop.radar_title"), &t("workshop.radar_desc"), &chart)
                })), t("workshop.radar_caption"))}
                <div class="table-scroll" role="region" aria-labelledby="workshop-steps-caption" tabindex="0">
                    <table class="scores" data-testid="workshop-steps">
                        <caption id="workshop-steps-caption">{t("workshop.steps_caption")}</caption>
                        <thead><tr>
                            <th scope="col">{t("results.col_step")}</th>
                            <th scope="col" class="num">{t("workshop.col_median")}</th>
                            <th scope="col" class="num">{t("workshop.col_middle_half")}</th>
                            <th scope="col" class="num">{t("workshop.col_range")}</th>
                            <th scope="col" class="num">{t("workshop.col_scored")}</th>
                        </tr></thead>
                        <tbody>
                            {move || steps.get().into_iter().map(|s| view! {
                                <tr data-step=s.step>
                                    <th scope="row">{step_label(s.step)}</th>
                                    <td class="num">{format_score(s.median)}</td>
                                    <td class="num">{span(s.q1, s.q3)}</td>
                                    <td class="num">{span(s.min, s.max)}</td>
                                    <td class="num">{s.scored}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>

            <section aria-labelledby="workshop-questions-heading">
                <h2 id="workshop-questions-heading">{t("workshop.questions_heading")}</h2>
                <p>{t("workshop.order_explained")}</p>
                <div class="field">
                    <label for="workshop-step-filter">{t("workshop.filter")}</label>
                    <select id="workshop-step-filter" on:change=move |ev| step_filter.set(event_target_value(&ev).parse().unwrap_or(0))>
                        <option value="0">{t("workshop.all_steps")}</option>
                        {(1..=10u8).map(|n| view! { <option value=n.to_string()>{step_label(n)}</option> }).collect_view()}
                    </select>
                </div>
                <ol class="workshop-questions">
                    <For each=move || ordered.get() key=|s| (s.question.clone(), s.answered, s.counts, s.not_applicable, s.dont_know, s.notes.len())
                        children=move |s| view! { <QuestionRow stats=s /> } />
                </ol>
            </section>

            <section aria-labelledby="workshop-save-heading">
                <h2 id="workshop-save-heading">{t("workshop.save_heading")}</h2>
                <p>{t("workshop.save_body")}</p>
                <p><button type="button" class="button primary" on:click=save>{t("workshop.save")}</button></p>
                {move || saved.get().map(|result| match result {
                    Ok(id) => view! {
                        <p role="status">{t("workshop.saved")}" "
                            <a href=Route::Results { assessment: id.clone() }.href()>{t("workshop.open_results")}</a>" · "
                            <a href=Route::Report { assessment: id }.href()>{t("workshop.open_report")}</a>
                        </p>
                    }.into_any(),
                    Err(message) => view! { <p role="alert">{message}</p> }.into_any(),
                })}
            </section>
        </Show>
        </div>
    }
}

#[component]
fn QuestionRow(stats: QuestionStats) -> impl IntoView {
    let state = expect_context::<WorkshopState>();
    let perspective = state
        .workshop
        .with_untracked(|w| w.as_ref().map_or(Perspective::City, |w| w.perspective));
    let question = content::instrument(perspective).question(&stats.question);
    let text = question.map_or_else(|| stats.question.clone(), |q| q.text.clone());
    let qid = stats.question.clone();
    let prefix = dom_id("agree", &qid);
    let suggested = stats.suggested().map(Response::Level);
    let current = {
        let qid = qid.clone();
        Memo::new(move |_| {
            state.workshop.with(|w| {
                w.as_ref()
                    .and_then(|w| w.agreed.get(&qid).cloned())
                    .unwrap_or(Agreed {
                        response: suggested,
                        rationale: String::new(),
                    })
            })
        })
    };
    let set = {
        let qid = qid.clone();
        move |edit: &dyn Fn(&mut Agreed)| {
            state.workshop.update(|w| {
                if let Some(w) = w {
                    let entry = w.agreed.entry(qid.clone()).or_insert(Agreed {
                        response: suggested,
                        rationale: String::new(),
                    });
                    edit(entry);
                }
            })
        }
    };
    let set_level = set.clone();
    let attributed = move || {
        state
            .workshop
            .with(|w| w.as_ref().is_some_and(|w| w.attributed))
    };
    let notes = stats.notes.clone();
    let level_id = format!("{prefix}-level");
    let why_id = format!("{prefix}-why");
    view! {
        <li class="workshop-question" data-question=qid.clone()>
            <h3>{text}</h3>
            <p class="plan-step">{step_label(stats.step)}" · "<code>{qid.clone()}</code></p>
            <p>{tf("workshop.question_facts", &[
                ("answered", &stats.answered),
                ("median", &display_decimal_or_dash(stats.median)),
                ("min", &stats.min.map_or_else(|| t("results.no_value"), |l| l.to_string())),
                ("max", &stats.max.map_or_else(|| t("results.no_value"), |l| l.to_string())),
                ("iqr", &display_decimal_or_dash(stats.iqr)),
                ("not_applicable", &stats.not_applicable),
                ("dont_know", &stats.dont_know),
            ])}</p>
            {strip(stats.counts)}
            {(!notes.is_empty()).then(|| view! {
                <details class="workshop-notes">
                    <summary>{tf("workshop.notes", &[("count", &notes.len())])}</summary>
                    <ul>
                        {notes.iter().cloned().map(|(label, note)| view! {
                            <li>{move || attributed().then(|| view! { <strong>{label.clone()}{colon()}</strong> })}{note}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
            <div class="agree">
                <div class="field">
                    <label for=level_id.clone()>{t("workshop.agreed")}</label>
                    <select id=level_id on:change=move |ev| {
                        let value = parse_response(&event_target_value(&ev));
                        set_level(&move |a: &mut Agreed| a.response = value);
                    }>
                        <option value="" selected=move || current.with(|c| c.response.is_none())>{t("workshop.no_answer")}</option>
                        {Level::ALL.into_iter().map(|level| {
                            let value = Some(Response::Level(level));
                            view! { <option value=response_value(value) selected=move || current.with(|c| c.response == value)>{tf("question.level", &[("level", &level)])}</option> }
                        }).collect_view()}
                        {[(Response::NotApplicable, "question.not_applicable"), (Response::DontKnow, "question.dont_know")].into_iter().map(|(response, key)| {
                            view! { <option value=response_value(Some(response)) selected=move || current.with(|c| c.response == Some(response))>{t(key)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=why_id.clone()>{t("workshop.rationale")}</label>
                    <input type="text" id=why_id maxlength="300"
                        prop:value=move || current.with(|c| c.rationale.clone())
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            set(&move |a: &mut Agreed| a.rationale = value.clone());
                        } />
                </div>
            </div>
        </li>
    }
}
