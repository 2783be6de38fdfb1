//! The action plan: ranked next actions from the answers, each with a status, owner and
//! due date the user tracks, and the user's own actions. Everything saves at once.

use crate::components::context_line::ContextLine;
use crate::components::limited_text::fitted_value;
use crate::components::resource_list::ResourceList;
use crate::components::save_status::SaveStatusLine;
use crate::core::plan::{self, ActionStatus, CustomAction, Group, Tracking};
use crate::core::route::Route;
use crate::display::dom_id;
use crate::i18n::{content, t, tf};
use crate::pages::{page_title, title_within};
use crate::platform;
use crate::state::{Editor, Saving};
use leptos::prelude::*;

/// One ranked instrument action, as the list shows it; fixed for its key and place.
#[derive(Clone, PartialEq)]
struct Row {
    key: String,
    /// Its place in the order, from 1.
    place: usize,
    step: u8,
    text: &'static str,
    question: &'static str,
    /// `None`: answered "Don't know", so the action is to find out.
    level: Option<u8>,
    weight: u8,
    resources: &'static [String],
}

/// Why an action stands where it does, in words: how much its question weighs and how
/// far its answer is from the top.
fn reason(row: &Row) -> String {
    let weight = t(&format!("plan.weight_words.{}", row.weight.clamp(1, 3)));
    match row.level {
        Some(level) => tf(
            "plan.reason",
            &[
                ("question", &row.question),
                ("level", &level),
                ("weight", &weight),
            ],
        ),
        None => tf(
            "plan.reason_dont_know",
            &[("question", &row.question), ("weight", &weight)],
        ),
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (id, name, mode) = editor
        .assessment
        .with_untracked(|a| (a.id.clone(), a.name.clone(), a.mode));
    platform::set_title(&title_within(&name, &page_title("plan.title")));

    let rows = Memo::new(move |_| {
        editor.assessment.with(|a| {
            plan::rank(editor.instrument(), content::roadmap(), a)
                .into_iter()
                .enumerate()
                .map(|(index, p)| Row {
                    key: p.key,
                    place: index + 1,
                    step: p.step,
                    text: p.text,
                    question: p.question.text.as_str(),
                    level: p.level.map(|l| l.value()),
                    weight: p.question.weight,
                    resources: p.resources,
                })
                .collect::<Vec<_>>()
        })
    });
    let custom_ids = Memo::new(move |_| {
        editor.assessment.with(|a| {
            a.plan
                .custom
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let done = move || {
        editor.assessment.with(|a| {
            let ranked = rows.with(|rows| {
                rows.iter()
                    .filter(|r| a.tracking(&r.key).status == ActionStatus::Done)
                    .count()
            });
            let own = a
                .plan
                .custom
                .iter()
                .filter(|c| c.tracking.status == ActionStatus::Done)
                .count();
            (ranked + own, rows.with(Vec::len) + a.plan.custom.len())
        })
    };

    view! {
        <ContextLine />
        <h1 tabindex="-1">{tf("plan.heading", &[("name", &name)])}</h1>
        <p class="lead">{t("plan.intro")}</p>
        {(mode == crate::core::instrument::Mode::Quick).then(|| view! {
            <p class="notice" role="note">{t("plan.quick_notice")}</p>
        })}
        <p class="plan-summary" data-testid="plan-done">
            {move || { let (d, n) = done(); tf("plan.done_of", &[("done", &d), ("total", &n)]) }}
        </p>
        <section aria-labelledby="ranked-heading">
            <h2 id="ranked-heading">{t("plan.ranked_heading")}</h2>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=|| view! { <p>{t("plan.empty")}</p> }>
                <p>{t("plan.groups_explained")}</p>
                {Group::ALL.into_iter().map(|group| {
                    let in_group = move || rows.with(|r| r.iter().filter(|row| Group::of(row.place - 1) == group).cloned().collect::<Vec<_>>());
                    let heading_id = format!("group-{}", group.key());
                    view! {
                        <Show when=move || !in_group().is_empty()>
                            <section class="plan-group" aria-labelledby=heading_id.clone() data-group=group.key()>
                                <h3 id=heading_id.clone()>{t(&format!("plan.group.{}", group.key()))}</h3>
                                <ol class="plan-list" start=move || in_group().first().map_or(1, |r| r.place)>
                                    <For each=in_group key=|row| (row.key.clone(), row.place) let:row>
                                        <RankedAction row />
                                    </For>
                                </ol>
                            </section>
                        </Show>
                    }
                }).collect_view()}
            </Show>
        </section>
        <section aria-labelledby="own-heading">
            <h2 id="own-heading">{t("plan.own_heading")}</h2>
            <ul class="plan-list own">
                <For each=move || custom_ids.get() key=|id| id.clone() let:custom_id>
                    <OwnAction id=custom_id />
                </For>
            </ul>
            <AddOwnAction />
        </section>
        <SaveStatusLine />
        <nav class="pager" aria-label=t("plan.more_label")>
            <a class="button" href=Route::Results { assessment: id.clone() }.href()>{t("plan.to_results")}</a>
            <a class="button" href=Route::Report { assessment: id }.href()>{t("plan.to_report")}</a>
        </nav>
    }
}

#[component]
fn RankedAction(row: Row) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let step = content::roadmap()
        .step(row.step)
        .map_or("", |s| s.short.as_str());
    let heading_id = dom_id("action", &row.key);
    let key = row.key.clone();
    view! {
        <li class="plan-item" aria-labelledby=heading_id.clone()>
            <p class="plan-step">{tf("plan.step_label", &[("number", &row.step), ("step", &step)])}</p>
            <h4 id=heading_id.clone()>{row.text}</h4>
            <p class="plan-source">{reason(&row)}</p>
            <ResourceList ids=row.resources />
            <TrackingFields
                prefix=dom_id("track", &row.key)
                context=row.text.to_owned()
                tracking=Signal::derive({
                    let key = key.clone();
                    move || editor.assessment.with(|a| a.tracking(&key))
                })
                on_change=move |tracking, saving| {
                    let key = key.clone();
                    editor.apply(saving, move |a, now| a.set_tracking(&key, tracking, now))
                }
            />
        </li>
    }
}

#[component]
fn OwnAction(id: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let Some(action) = editor
        .assessment
        .with_untracked(|a| a.plan.custom.iter().find(|c| c.id == id).cloned())
    else {
        return ().into_any();
    };
    let prefix = dom_id("own", &id);
    let text_id = format!("{prefix}-text");
    let step_label = action
        .step
        .and_then(|n| content::roadmap().step(n))
        .map(|s| {
            tf(
                "plan.step_label",
                &[("number", &s.number), ("step", &s.short)],
            )
        });
    let (id_text, id_tracking, id_remove) = (id.clone(), id.clone(), id.clone());
    // Live views of this action, so a change saved in another tab shows here too.
    let current = {
        let id = id.clone();
        move || {
            editor
                .assessment
                .with(|a| a.plan.custom.iter().find(|c| c.id == id).cloned())
        }
    };
    let current_text = current.clone();
    let id_before = id.clone();
    view! {
        <li class="plan-item own">
            <p class="plan-step">{step_label.unwrap_or_else(|| t("plan.whole_roadmap"))}</p>
            <div class="field">
                <label for=text_id.clone()>{t("plan.own_text")}</label>
                // Limited as the file format counts, in characters (`limited_text`).
                <input type="text" id=text_id
                    prop:value=move || current_text().map(|c| c.text).unwrap_or_default()
                    on:input=move |ev| {
                        let before = editor.assessment.with_untracked(|a| {
                            a.plan.custom.iter().find(|c| c.id == id_before).map(|c| c.text.clone())
                        }).unwrap_or_default();
                        let (text, _) = fitted_value(&ev, &before);
                        editor.change_text(|a, now| a.edit_custom_action(&id_text, now, |c| c.text = text));
                    }
                    on:blur=move |_| editor.flush() />
            </div>
            <TrackingFields
                prefix=prefix
                context=action.text.clone()
                tracking=Signal::derive(move || current().map(|c| c.tracking).unwrap_or_default())
                on_change=move |tracking, saving| {
                    let id = id_tracking.clone();
                    editor.apply(saving, move |a, now| a.edit_custom_action(&id, now, |c| c.tracking = tracking))
                }
            />
            <button type="button" class="button danger"
                aria-label=tf("plan.remove_named", &[("text", &action.text)])
                on:click=move |_| {
                    let id = id_remove.clone();
                    editor.change(move |a, now| a.remove_custom_action(&id, now))
                }>{t("plan.remove")}</button>
        </li>
    }
    .into_any()
}

/// Status, owner and due date of one action, showing `tracking` as it is now; each
/// edit is applied to the current value and passed up whole, with when to save it (the
/// owner as typed text, after a pause; a status or a date at once).
#[component]
fn TrackingFields(
    prefix: String,
    context: String,
    tracking: Signal<Tracking>,
    on_change: impl Fn(Tracking, Saving) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let update = move |saving: Saving, edit: &dyn Fn(&mut Tracking)| {
        let mut current = tracking.get_untracked();
        edit(&mut current);
        on_change(current, saving);
    };
    let (status_id, owner_id, due_id) = (
        format!("{prefix}-status"),
        format!("{prefix}-owner"),
        format!("{prefix}-due"),
    );
    let update_status = update.clone();
    let update_owner = update.clone();
    view! {
        <div class="tracking" role="group" aria-label=tf("plan.tracking_of", &[("action", &context)])>
            <div class="field">
                <label for=status_id.clone()>{t("plan.status")}</label>
                <select id=status_id on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(status) = ActionStatus::ALL.into_iter().find(|s| s.key() == value) {
                        update_status(Saving::Now, &move |t: &mut Tracking| t.status = status);
                    }
                }>
                    {ActionStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.key() prop:selected=move || tracking.with(|t| t.status == s)>{t(&format!("plan.status_name.{}", s.key()))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=owner_id.clone()>{t("plan.owner")}</label>
                <input type="text" id=owner_id prop:value=move || tracking.with(|t| t.owner.clone())
                    on:input=move |ev| {
                        let before = tracking.with_untracked(|t| t.owner.clone());
                        let (owner, _) = fitted_value(&ev, &before);
                        update_owner(Saving::AfterPause, &move |t: &mut Tracking| t.owner = owner.clone());
                    }
                    on:blur=move |_| editor.flush() />
            </div>
            <div class="field">
                <label for=due_id.clone()>{t("plan.due")}</label>
                <input type="date" id=due_id prop:value=move || tracking.with(|t| t.due.clone())
                    on:change=move |ev| {
                        let due = event_target_value(&ev);
                        update(Saving::Now, &move |t: &mut Tracking| t.due = due.clone());
                    } />
            </div>
        </div>
    }
}

#[component]
fn AddOwnAction() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let text = RwSignal::new(String::new());
    let step = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = text.get_untracked();
        if value.trim().is_empty() {
            missing.set(true);
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
            return;
        }
        let action = CustomAction {
            id: platform::new_id(),
            step: step.get_untracked().parse().ok(),
            text: value.trim().to_owned(),
            tracking: Tracking::default(),
        };
        editor.change(move |a, now| a.add_custom_action(action, now));
        text.set(String::new());
        missing.set(false);
    };
    view! {
        <form class="add-own" on:submit=submit novalidate>
            <h3>{t("plan.add_heading")}</h3>
            <div class="field">
                <label for="new-own-text">{t("plan.own_text")}</label>
                <input type="text" id="new-own-text" node_ref=input
                    aria-invalid=move || missing.get().then_some("true")
                    aria-describedby=move || missing.get().then_some("new-own-error")
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        let before = text.get_untracked();
                        text.set(fitted_value(&ev, &before).0);
                    } />
                <Show when=move || missing.get()>
                    <p class="error" id="new-own-error">{t("plan.own_required")}</p>
                </Show>
            </div>
            <div class="field">
                <label for="new-own-step">{t("plan.own_step")}</label>
                <select id="new-own-step" on:change=move |ev| step.set(event_target_value(&ev))>
                    <option value="" selected=true>{t("plan.whole_roadmap")}</option>
                    {content::roadmap().steps.iter().map(|s| view! {
                        <option value=s.number.to_string()>
                            {tf("plan.step_label", &[("number", &s.number), ("step", &s.short)])}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <p><button type="submit" class="button primary">{t("plan.add")}</button></p>
        </form>
    }
}
