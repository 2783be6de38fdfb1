//! One saved assessment in the library: what it is, how far it got, and what can be
//! done with it (continue, results, export as JSON or CSV, rename, duplicate, delete).
//! Also the library's shared state, which the home page provides.

use crate::components::confirm_delete::ConfirmDelete;
use crate::core::assessment::Assessment;
use crate::core::library::{self, Item};
use crate::core::route::Route;
use crate::core::{content, csv, format};
use crate::i18n::{describe_storage_error, t, tf};
use crate::platform;
use crate::storage::{self, files};
use leptos::prelude::*;

/// What the library's parts share: a counter that re-reads storage when bumped, and a
/// polite announcement of the last thing done.
#[derive(Clone, Copy)]
pub struct LibraryContext {
    pub version: RwSignal<u64>,
    pub notice: RwSignal<Option<String>>,
}

impl LibraryContext {
    pub fn new() -> Self {
        LibraryContext {
            version: RwSignal::new(0),
            notice: RwSignal::new(None),
        }
    }

    pub fn refresh(&self) {
        self.version.try_update(|v| *v += 1);
    }

    pub fn announce(&self, text: String) {
        self.notice.try_set(Some(text));
        self.refresh();
    }
}

impl Default for LibraryContext {
    fn default() -> Self {
        Self::new()
    }
}

/// "2026-11-28 14:05 UTC" from an ISO timestamp; locale formatting comes with languages.
pub fn display_date(iso: &str) -> String {
    let time: String = iso.chars().skip(11).take(5).collect();
    tf(
        "home.date_time",
        &[
            ("date", &crate::core::format::date_part(iso)),
            ("time", &time),
        ],
    )
}

/// The CSV export's words, from the catalogue.
pub fn csv_labels() -> csv::Labels {
    csv::Labels {
        question_columns: [
            t("csv.step"),
            t("csv.question_id"),
            t("csv.question"),
            t("csv.level"),
            t("csv.descriptor"),
            t("csv.other_response"),
            t("csv.note"),
        ],
        assessment_columns: [
            t("csv.assessment_id"),
            t("csv.assessment_name"),
            t("csv.perspective"),
            t("csv.mode"),
        ],
        not_applicable: t("question.not_applicable"),
        dont_know: t("question.dont_know"),
        perspective: |p| t(&format!("perspective.{}", p.as_str())),
        mode: |m| t(&format!("mode.{}", m.as_str())),
    }
}

fn report(result: Result<(), String>) {
    if let Err(detail) = result {
        leptos::logging::warn!("download failed: {detail}");
    }
}

pub fn download_json(assessment: &Assessment) {
    let now = platform::now_iso();
    report(files::download(
        &format::file_name(assessment, &now, "json"),
        "application/json",
        &format::to_json(assessment, &now),
    ));
}

pub fn download_csv(assessment: &Assessment) {
    let now = platform::now_iso();
    let text = csv::assessment_csv(
        assessment,
        content::instrument(assessment.perspective),
        &csv_labels(),
    );
    report(files::download(
        &format::file_name(assessment, &now, "csv"),
        "text/csv;charset=utf-8",
        &text,
    ));
}

/// Loads the stored assessment fresh (another tab may have changed it), edits, saves.
fn edit_stored(id: &str, edit: impl FnOnce(&mut Assessment, &str)) -> Result<Assessment, String> {
    let now = platform::now_iso();
    match storage::load(id) {
        Ok(Some(Ok(mut a))) => {
            edit(&mut a, &now);
            storage::save(&a, &now).map_err(|e| describe_storage_error(&e))?;
            Ok(a)
        }
        Ok(Some(Err(error))) => Err(crate::i18n::describe_format_error(&error)),
        Ok(None) => Err(t("library.gone")),
        Err(error) => Err(describe_storage_error(&error)),
    }
}

#[component]
pub fn SavedAssessment(item: Item) -> impl IntoView {
    let library_state = expect_context::<LibraryContext>();
    let assessment = item.assessment;
    let id = assessment.id.clone();
    let heading_id = format!("saved-{id}");
    let continue_href = Route::Step {
        assessment: id.clone(),
        step: 1,
    }
    .href();
    let results_href = Route::Results {
        assessment: id.clone(),
    }
    .href();
    let key = library::storage_key(&id);
    let name = assessment.name.clone();
    let for_json = assessment.clone();
    let for_csv = assessment.clone();

    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(name.clone());
    let rename_error = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let rename_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |previous: Option<bool>| {
        let now = renaming.get();
        if now {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                input.select();
            }
        } else if previous == Some(true) {
            if let Some(button) = rename_ref.get() {
                let _ = button.focus();
            }
        }
        now
    });
    let id_for_rename = id.clone();
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = new_name.get_untracked().trim().to_owned();
        if wanted.is_empty() {
            rename_error.set(Some(t("library.name_required")));
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
            }
            return;
        }
        match edit_stored(&id_for_rename, |a, now| {
            a.name = wanted.clone();
            a.touch(now);
        }) {
            Ok(_) => {
                renaming.set(false);
                library_state.announce(tf("library.renamed", &[("name", &wanted)]));
            }
            Err(message) => rename_error.set(Some(message)),
        }
    };
    let id_for_copy = id.clone();
    let duplicate = move |_| {
        let now = platform::now_iso();
        let result = match storage::load(&id_for_copy) {
            Ok(Some(Ok(a))) => {
                let name = tf("library.copy_name", &[("name", &a.name)]);
                let copy = library::duplicate(&a, platform::new_id(), name.clone(), &now);
                storage::save(&copy, &now)
                    .map(|()| name)
                    .map_err(|e| describe_storage_error(&e))
            }
            Ok(Some(Err(error))) => Err(crate::i18n::describe_format_error(&error)),
            Ok(None) => Err(t("library.gone")),
            Err(error) => Err(describe_storage_error(&error)),
        };
        match result {
            Ok(name) => library_state.announce(tf("library.duplicated", &[("name", &name)])),
            Err(message) => library_state.notice.set(Some(message)),
        }
    };
    let name_for_deleted = name.clone();
    let on_deleted = Callback::new(move |()| {
        library_state.announce(tf("library.moved_to_bin", &[("name", &name_for_deleted)]))
    });
    let input_id = format!("rename-{id}");
    let error_id = format!("rename-error-{id}");

    view! {
        <li class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{assessment.name.clone()}</h3>
            <dl class="facts">
                <dt>{t("home.perspective")}</dt>
                <dd>{t(&format!("perspective.{}", assessment.perspective.as_str()))}</dd>
                <dt>{t("home.mode")}</dt>
                <dd>{t(&format!("mode.{}", assessment.mode.as_str()))}</dd>
                <dt>{t("home.progress")}</dt>
                <dd>{tf("progress.answered_of", &[("answered", &item.answered), ("total", &item.total)])}</dd>
                <dt>{t("home.last_change")}</dt>
                <dd><time datetime=assessment.updated_at.clone()>{display_date(&assessment.updated_at)}</time></dd>
            </dl>
            <div class="actions">
                <a class="button primary" href=continue_href>{tf("home.continue", &[("name", &name)])}</a>
                <a class="button" href=results_href>{tf("home.results", &[("name", &name)])}</a>
            </div>
            <div class="actions">
                <button type="button" class="button" aria-label=tf("library.export_json_of", &[("name", &name)])
                    on:click=move |_| download_json(&for_json)>{t("library.export_json")}</button>
                <button type="button" class="button" aria-label=tf("library.export_csv_of", &[("name", &name)])
                    on:click=move |_| download_csv(&for_csv)>{t("library.export_csv")}</button>
                <button type="button" class="button" aria-label=tf("library.duplicate_of", &[("name", &name)])
                    on:click=duplicate>{t("library.duplicate")}</button>
            </div>
            {move || if renaming.get() {
                view! {
                    <form class="rename" on:submit=save_name.clone()
                        on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false) }>
                        <label for=input_id.clone()>{tf("library.rename_label", &[("name", &name)])}</label>
                        <input type="text" id=input_id.clone() node_ref=input_ref
                            aria-invalid=move || rename_error.get().is_some().to_string()
                            aria-describedby=error_id.clone()
                            prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev)) />
                        <p id=error_id.clone() class="error" role="alert">{move || rename_error.get()}</p>
                        <div class="actions">
                            <button type="submit" class="button primary">{t("library.rename_save")}</button>
                            <button type="button" class="button" on:click=move |_| renaming.set(false)>{t("delete.cancel")}</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! {
                    <div class="actions">
                        <button type="button" class="button" node_ref=rename_ref
                            aria-label=tf("library.rename_of", &[("name", &name)])
                            on:click=move |_| { rename_error.set(None); renaming.set(true) }>{t("library.rename")}</button>
                        <ConfirmDelete storage_key=key.clone() label=name.clone() on_deleted />
                    </div>
                }.into_any()
            }}
        </li>
    }
}
