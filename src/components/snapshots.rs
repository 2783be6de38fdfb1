//! Snapshots of one assessment: "Save a snapshot" with a label (on the results page and
//! the change view), and the library card's disclosure that lists them, each with
//! compare, export, rename and delete (to the bin, or for good when the bin copy does
//! not fit, as for assessments).

use crate::components::confirm_delete::ConfirmDelete;
use crate::components::limited_text::fitted_value;
use crate::components::rename::Rename;
use crate::core::assessment::Assessment;
use crate::core::library::entry_key;
use crate::core::route::Route;
use crate::display::{display_date, dom_id, record_name};
use crate::downloads;
use crate::i18n::{describe_command_error, describe_storage_error, t, tf};
use crate::state::{Editor, Library};
use leptos::prelude::*;

/// The label a new snapshot is offered: "Baseline" for the first, then "Follow-up 1"…
fn suggested_label(taken: usize) -> String {
    match taken {
        0 => t("snapshot.default_first"),
        n => tf("snapshot.default_next", &[("count", &n)]),
    }
}

/// "Save a snapshot": freezes the assessment `id` as it is now (the one being edited,
/// saved or not, on the assessment's own views; else as stored) under the label typed,
/// or the one suggested, and says what happened; a full storage saves nothing and says
/// so.
#[component]
pub fn SaveSnapshot(id: String) -> impl IntoView {
    let library = expect_context::<Library>();
    let taken = {
        let id = id.clone();
        Memo::new(move |_| library.snapshots_of(&id).len())
    };
    let label = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<String, String>>);
    let field_id = dom_id("snapshot-label", &id);
    let change_href = Route::Change {
        assessment: id.clone(),
        from: None,
    }
    .href();
    let editor = use_context::<Editor>();
    let of = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = match editor.filter(|e| e.id() == of) {
            Some(editor) => Some(editor.assessment.get_untracked()),
            None => library.item_untracked(&of).map(|i| i.assessment),
        };
        let Some(current) = current else {
            return;
        };
        let typed = label.get_untracked();
        let chosen = if typed.trim().is_empty() {
            suggested_label(taken.get_untracked())
        } else {
            typed
        };
        result.set(Some(
            library
                .save_snapshot(&current, &chosen)
                .map(|s| {
                    label.set(String::new());
                    tf(
                        "snapshot.saved",
                        &[("label", &s.snapshot.map(|m| m.label).unwrap_or_default())],
                    )
                })
                .map_err(|e| format!("{} {}", t("snapshot.not_saved"), describe_storage_error(&e))),
        ));
    };
    view! {
        <section class="snapshot-save" aria-labelledby="snapshot-heading">
            <h2 id="snapshot-heading">{t("snapshot.heading")}</h2>
            <p>{t("snapshot.intro")}</p>
            <form class="rename" on:submit=save>
                <label for=field_id.clone()>{t("snapshot.label")}</label>
                <input type="text" id=field_id
                    placeholder=move || suggested_label(taken.get())
                    prop:value=move || label.get()
                    on:input=move |ev| label.set(fitted_value(&ev, &label.get_untracked()).0) />
                <div class="actions">
                    <button type="submit" class="button">{t("snapshot.save")}</button>
                    <Show when=move || taken.get() != 0>
                        <a class="button" href=change_href.clone()>{t("snapshot.to_change")}</a>
                    </Show>
                </div>
            </form>
            {move || result.get().map(|r| match r {
                Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}

/// The snapshots of the assessment `id` on its library card: how many, and a disclosure
/// that lists them oldest first. Nothing when there are none.
#[component]
pub fn SnapshotList(id: String) -> impl IntoView {
    let library = expect_context::<Library>();
    let list = {
        let id = id.clone();
        Memo::new(move |_| library.snapshots_of(&id))
    };
    let count = move || list.with(Vec::len);
    view! {
        <Show when=move || count() != 0>
            <details class="snapshots">
                <summary>{move || tf("snapshot.count", &[("count", &count())])}</summary>
                <ul>
                    <For each=move || list.get()
                        key=|s| format!("{}\n{}", entry_key(s), s.snapshot.as_ref().map_or("", |m| m.label.as_str()))
                        children=move |s| view! { <SnapshotItem snapshot=s /> } />
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn SnapshotItem(snapshot: Assessment) -> impl IntoView {
    let library = expect_context::<Library>();
    let key = entry_key(&snapshot);
    let (snapshot_id, label, taken_at) = snapshot
        .snapshot
        .as_ref()
        .map(|m| (m.id.clone(), m.label.clone(), m.taken_at.clone()))
        .unwrap_or_default();
    let name = record_name(&snapshot);
    let compare_href = Route::Change {
        assessment: snapshot.id.clone(),
        from: Some(snapshot_id),
    }
    .href();
    let rename_key = key.clone();
    let save_label = Callback::new(move |wanted: String| {
        library
            .rename_snapshot(&rename_key, &wanted)
            .map(|_| library.announce(tf("snapshot.renamed", &[("label", &wanted)])))
            .map_err(|e| describe_command_error(&e))
    });
    let field_id = dom_id("snapshot-rename", &key);
    view! {
        <li>
            <p><strong>{label.clone()}</strong>" · "{tf("snapshot.taken", &[("time", &display_date(&taken_at))])}</p>
            <div class="actions">
                <a class="button" href=compare_href aria-label=tf("snapshot.compare_of", &[("name", &name)])>{t("snapshot.compare")}</a>
                <button type="button" class="button" aria-label=tf("library.export_json_of", &[("name", &name)])
                    on:click=move |_| downloads::assessment_json(&snapshot)>{t("library.export_json")}</button>
            </div>
            <Rename button_label=tf("library.rename_of", &[("name", &name)]) field_label=t("snapshot.label")
                field_id current=label empty=t("snapshot.label_required") on_save=save_label limited=true>
                <ConfirmDelete storage_key=key.clone() label=name.clone() />
            </Rename>
        </li>
    }
}

/// A library card for the snapshots of an assessment that is not in this library
/// (deleted, or never here: a snapshot imported from elsewhere), under its id.
#[component]
pub fn SnapshotsWithoutAssessment(id: String) -> impl IntoView {
    let library = expect_context::<Library>();
    let name = {
        let id = id.clone();
        move || {
            library
                .snapshots_of(&id)
                .last()
                .map(|s| s.name.clone())
                .unwrap_or_default()
        }
    };
    let heading_id = dom_id("snapshots-of", &id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{name}</h3>
            <p>{t("snapshot.without_assessment")}</p>
            <SnapshotList id=id.clone() />
        </li>
    }
}
