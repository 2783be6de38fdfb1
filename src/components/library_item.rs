//! One saved assessment in the library: what it is, how far it got, and what can be
//! done with it (continue, results, export as JSON or CSV, rename, duplicate, delete).
//! The card is keyed by the assessment's id and reads its listing from the `Library`,
//! so a change from another tab updates it without closing an open rename form or
//! delete confirmation.

use crate::components::confirm_delete::ConfirmDelete;
use crate::components::lazy;
use crate::components::rename::Rename;
use crate::components::snapshots::SnapshotList;
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

    let entry_key = storage_key(&id);
    let id_for_rename = id.clone();
    let save_name = Callback::new(move |wanted: String| {
        library
            .rename(&id_for_rename, &wanted)
            .map(|_| library.announce(tf("library.renamed", &[("name", &wanted)])))
            .map_err(|error| describe_command_error(&error))
    });
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
                    {
                        let assessment = Signal::derive(move || item.get().map(|i| i.assessment));
                        let id = id_for_exports.clone();
                        lazy::part(crate::load!(lazy::export_choices(assessment, id, name, true)))
                    }
                </Show>
            </details>
            <Rename button_label=Signal::derive(move || tf("library.rename_of", &[("name", &name.get())]))
                field_label=Signal::derive(move || tf("library.rename_label", &[("name", &name.get())]))
                field_id=dom_id("rename", &id) current=name empty=t("library.name_required") on_save=save_name>
                <ConfirmDelete storage_key=entry_key.clone() label=name />
            </Rename>
            <SnapshotList id=id.clone() />
        </li>
    }
}
