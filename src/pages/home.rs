//! Home: what the tool is, a way to start, and the saved assessments to resume.

use crate::components::confirm_delete::ConfirmDelete;
use crate::core::assessment::Assessment;
use crate::core::content;
use crate::core::library::Entry;
use crate::core::route::Route;
use crate::core::scoring;
use crate::i18n::{describe_format_error, describe_storage_error, t, tf};
use crate::storage::{self, files};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let entries = RwSignal::new(storage::list());
    let refresh = move || entries.set(storage::list());

    view! {
        <h1 tabindex="-1">{t("app.name")}</h1>
        <p class="lead">{t("home.intro")}</p>
        <p class="lead">{t("home.privacy")}</p>
        <p><a class="button primary" href=Route::NewAssessment.href()>{t("home.new")}</a></p>
        <section aria-labelledby="saved-heading">
            <h2 id="saved-heading">{t("home.saved_heading")}</h2>
            {move || match entries.get() {
                Err(error) => view! { <p role="alert">{describe_storage_error(&error)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p>{t("home.none_saved")}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="library">
                        {list.into_iter().map(|entry| match entry {
                            Entry::Readable(a) => view! { <SavedAssessment assessment=*a on_deleted=refresh /> }.into_any(),
                            Entry::Unreadable { key, raw, error } => view! {
                                <UnreadableEntry key raw message=describe_format_error(&error) on_deleted=refresh />
                            }.into_any(),
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SavedAssessment(
    assessment: Assessment,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let instrument = content::instrument(assessment.perspective);
    let profile = scoring::profile(instrument, &assessment);
    let heading_id = format!("saved-{}", assessment.id);
    let continue_href = Route::Step {
        assessment: assessment.id.clone(),
        step: 1,
    }
    .href();
    let results_href = Route::Results {
        assessment: assessment.id.clone(),
    }
    .href();
    let key = crate::core::library::storage_key(&assessment.id);
    let name = assessment.name.clone();
    view! {
        <li class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{assessment.name.clone()}</h3>
            <dl class="facts">
                <dt>{t("home.perspective")}</dt>
                <dd>{t(&format!("perspective.{}", assessment.perspective.as_str()))}</dd>
                <dt>{t("home.mode")}</dt>
                <dd>{t(&format!("mode.{}", assessment.mode.as_str()))}</dd>
                <dt>{t("home.progress")}</dt>
                <dd>{tf("progress.answered_of", &[("answered", &profile.answered), ("total", &profile.total)])}</dd>
                <dt>{t("home.last_change")}</dt>
                <dd><time datetime=assessment.updated_at.clone()>{display_date(&assessment.updated_at)}</time></dd>
            </dl>
            <div class="actions">
                <a class="button" href=continue_href>{tf("home.continue", &[("name", &name)])}</a>
                <a class="button" href=results_href>{tf("home.results", &[("name", &name)])}</a>
                <ConfirmDelete storage_key=key label=name on_deleted />
            </div>
        </li>
    }
}

#[component]
fn UnreadableEntry(
    key: String,
    raw: String,
    message: String,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let file_name = format!("{}.txt", key.replace('/', "-"));
    let download = move |_| {
        let _ = files::download(&file_name, "text/plain", &raw);
    };
    view! {
        <li class="card unreadable">
            <h3>{t("home.unreadable_heading")}</h3>
            <p><code>{key.clone()}</code></p>
            <p>{message}</p>
            <p>{t("home.unreadable_kept")}</p>
            <div class="actions">
                <button type="button" class="button" on:click=download>{t("home.download_raw")}</button>
                <ConfirmDelete storage_key=key.clone() label=key on_deleted />
            </div>
        </li>
    }
}

/// "2026-11-28 14:05 UTC" from an ISO timestamp; locale formatting comes with languages.
fn display_date(iso: &str) -> String {
    let date: String = iso.chars().take(10).collect();
    let time: String = iso.chars().skip(11).take(5).collect();
    tf("home.date_time", &[("date", &date), ("time", &time)])
}
