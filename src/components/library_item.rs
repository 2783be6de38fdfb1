//! One saved assessment in the library: what it is, how far it got, and what can be
//! done with it (continue, results, export as JSON or CSV, rename, duplicate, delete).
//! The card is keyed by the assessment's id and reads its listing from the `Library`,
//! so a change from another tab updates it without closing an open rename form or
//! delete confirmation.

use crate::components::confirm_delete::ConfirmDelete;
use crate::components::export_choices::ExportChoices;
use crate::core::library::storage_key;
use crate::core::route::Route;
use crate::display::{display_date, dom_id};
use crate::downloads;
use crate::i18n::{describe_command_error, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn SavedAssessment(id: String) -> impl IntoView {
    let library = expect_context::<Library>();
    let item = {
        let id = id.clone();
        Memo::new(move |_| library.item(&id))
    };
    let field = move |f: fn(&crate::core::library::Item) -> String| {
        move || item.with(|i| i.as_ref().map(f).unwrap_or_default())
    };
    let name = Signal::derive(field(|i| i.assessment.name.clone()));
    let heading_id = dom_id("saved", &id);
    let continue_href = Route::Step {
        assessment: id.clone(),
        step: 1,
    }
    .href();
    let results_href = Route::Results {
        assessment: id.clone(),
    }
    .href();

    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
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
        match library.rename(&id_for_rename, &wanted) {
            Ok(_) => {
                renaming.set(false);
                library.announce(tf("library.renamed", &[("name", &wanted)]));
            }
            Err(error) => rename_error.set(Some(describe_command_error(&error))),
        }
    };
    let id_for_copy = id.clone();
    let duplicate = move |_| match library.duplicate(&id_for_copy) {
        Ok(copy) => library.announce(tf("library.duplicated", &[("name", &copy.name)])),
        Err(error) => library.announce(describe_command_error(&error)),
    };
    let export = move |json: bool| {
        item.with_untracked(|i| {
            if let Some(i) = i {
                if json {
                    downloads::assessment_json(&i.assessment)
                } else {
                    downloads::assessment_csv(&i.assessment)
                }
            }
        })
    };
    let more_opened = RwSignal::new(false);
    let id_for_exports = id.clone();
    let input_id = dom_id("rename", &id);
    let error_id = dom_id("rename-error", &id);

    view! {
        <li class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{name}</h3>
            <dl class="facts">
                <dt>{t("home.perspective")}</dt>
                <dd>{field(|i| t(&format!("perspective.{}", i.assessment.perspective.as_str())))}</dd>
                <dt>{t("home.mode")}</dt>
                <dd>{field(|i| t(&format!("mode.{}", i.assessment.mode.as_str())))}</dd>
                {move || item.with(|i| i.as_ref().map(|i| i.assessment.respondent.clone()).filter(|r| !r.trim().is_empty())).map(|respondent| view! {
                    <dt>{t("home.respondent")}</dt>
                    <dd data-testid="respondent">{respondent}</dd>
                })}
                <dt>{t("home.progress")}</dt>
                <dd>{field(|i| tf("progress.answered_of", &[("answered", &i.answered), ("total", &i.total)]))}</dd>
                <dt>{t("home.last_change")}</dt>
                <dd><time datetime=field(|i| i.assessment.updated_at.clone())>{field(|i| display_date(&i.assessment.updated_at))}</time></dd>
            </dl>
            {move || item.with(|i| i.as_ref().is_some_and(|i| i.assessment.redaction.is_some())).then(|| view! {
                <p class="shared-marker" data-testid="shared-marker">{t("sharing.marker")}</p>
            })}
            <div class="actions">
                <a class="button primary" href=continue_href>{move || tf("home.continue", &[("name", &name.get())])}</a>
                <a class="button" href=results_href>{move || tf("home.results", &[("name", &name.get())])}</a>
            </div>
            <div class="actions">
                <button type="button" class="button" aria-label=move || tf("library.export_json_of", &[("name", &name.get())])
                    on:click=move |_| export(true)>{t("library.export_json")}</button>
                <button type="button" class="button" aria-label=move || tf("library.export_csv_of", &[("name", &name.get())])
                    on:click=move |_| export(false)>{t("library.export_csv")}</button>
                <button type="button" class="button" aria-label=move || tf("library.duplicate_of", &[("name", &name.get())])
                    on:click=duplicate>{t("library.duplicate")}</button>
            </div>
            // Rendered once first opened: a long library does not build a form per card.
            <details class="more-exports" on:toggle=move |_| more_opened.set(true)>
                <summary>{move || tf("sharing.more_of", &[("name", &name.get())])}</summary>
                <Show when=move || more_opened.get()>
                    <ExportChoices id=id_for_exports.clone() nested=true name=name
                        assessment=Signal::derive(move || item.get().map(|i| i.assessment)) />
                </Show>
            </details>
            {move || if renaming.get() {
                view! {
                    <form class="rename" on:submit=save_name.clone()
                        on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false) }>
                        <label for=input_id.clone()>{move || tf("library.rename_label", &[("name", &name.get())])}</label>
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
                            aria-label=move || tf("library.rename_of", &[("name", &name.get())])
                            on:click=move |_| {
                                rename_error.set(None);
                                new_name.set(name.get_untracked());
                                renaming.set(true)
                            }>{t("library.rename")}</button>
                        <ConfirmDelete storage_key=storage_key(&id) label=name />
                    </div>
                }.into_any()
            }}
        </li>
    }
}
