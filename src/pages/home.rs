//! Home: what the tool is, a way to start, and the library: the saved assessments
//! (sorted and filtered), entries that could not be read, import, the bin, and what
//! the tool keeps in this browser. A change made in another tab shows up here at once.

use crate::components::confirm_delete::ConfirmDelete;
use crate::components::lazy;
use crate::components::library_item::SavedAssessment;
use crate::components::snapshots::SnapshotsWithoutAssessment;
use crate::core::instrument::{Mode, Perspective};
use crate::core::library::{self, Filter, SortBy, Unreadable};
use crate::core::route::Route;
use crate::downloads;
use crate::i18n::{colon, describe_format_error, describe_storage_error, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let library = expect_context::<Library>();
    let sort = RwSignal::new(SortBy::default());
    let filter = RwSignal::new(Filter::default());
    let total = Memo::new(move |_| library.with(|s| s.as_ref().map_or(0, |s| s.items.len())));
    let several = move || total.get() > 1;
    // The ids shown, in order; each card reads its own listing, keyed by id.
    let shown = Memo::new(move |_| {
        library.with(|s| {
            s.as_ref()
                .map(|s| {
                    library::arrange(&s.items, sort.get(), &filter.get())
                        .into_iter()
                        .map(|i| i.assessment.id)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Snapshots whose assessment is not here list under its id, after the assessments.
    let orphans = Memo::new(move |_| {
        library.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.snapshots_without_assessment()
                        .into_iter()
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let unreadable = Memo::new(move |_| {
        library.with(|s| s.as_ref().map(|s| s.unreadable.clone()).unwrap_or_default())
    });
    let state = Memo::new(move |_| {
        library.with(|s| match s {
            Err(error) => Err(describe_storage_error(error)),
            Ok(s) => Ok(s.is_empty()),
        })
    });

    // Nothing stored when the page opens: a first visit. The orientation is open, the
    // tools for managing stored data wait (one click away) until there is something to
    // manage. Decided once, so that nothing the user is looking at closes under them.
    let first_visit =
        library.with_untracked(|s| s.as_ref().is_ok_and(|s| s.is_empty() && s.bin.is_empty()));

    view! {
        <h1 tabindex="-1">{t("app.name")}</h1>
        <p class="lead">{t("home.intro")}</p>
        <p class="lead">{t("home.privacy")}</p>
        <p><a class="button primary" href=Route::NewAssessment.href()>{t("home.new")}</a></p>
        <details class="orientation" open=first_visit>
            <summary>{t("home.how_heading")}</summary>
            <Orientation />
        </details>
        <section aria-labelledby="saved-heading">
            <h2 id="saved-heading">{t("home.saved_heading")}</h2>
            <p class="library-notice" role="status">{move || library.notice.get()}</p>
            {move || match state.get() {
                Err(message) => view! { <p role="alert">{message}</p> }.into_any(),
                Ok(true) => view! { <p>{t("home.none_saved")}</p> }.into_any(),
                Ok(false) => ().into_any(),
            }}
            <Show when=several>
                <LibraryControls sort filter />
            </Show>
            {move || {
                let total = total.get();
                let count = shown.with(Vec::len);
                (total > 0 && count < total).then(|| view! {
                    <p>{tf("library.showing", &[("shown", &count), ("total", &total)])}</p>
                })
            }}
            <ul class="library">
                <For each=move || shown.get() key=|id| id.clone()
                    children=move |id| view! { <SavedAssessment id /> } />
                <For each=move || orphans.get() key=|id| id.clone()
                    children=move |id| view! { <SnapshotsWithoutAssessment id /> } />
                <For each=move || unreadable.get() key=|entry| (entry.key.clone(), entry.raw.len())
                    children=move |entry| view! { <UnreadableEntry entry /> } />
            </ul>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{t("import.heading")}</h2>
            {lazy::part(crate::load!(lazy::import_panel()))}
        </section>
        <details class="manage" open=!first_visit>
            <summary>{t("home.manage")}</summary>
            <section aria-labelledby="bin-heading">
                <h2 id="bin-heading">{t("bin.heading")}</h2>
                {lazy::part(crate::load!(lazy::bin_panel()))}
            </section>
            <section aria-labelledby="data-heading">
                <h2 id="data-heading">{t("data.heading")}</h2>
                {lazy::part(crate::load!(lazy::data_panel()))}
            </section>
        </details>
    }
}

/// For a first-time visitor: who each perspective is for, the quick check and the full
/// assessment, the ten steps in a line each, and what happens to the data.
#[component]
fn Orientation() -> impl IntoView {
    view! {
        <div class="orientation-body">
            <h2>{t("home.who_heading")}</h2>
            <ul>
                {Perspective::ALL.into_iter().map(|p| view! {
                    <li><strong>{t(&format!("perspective.{}", p.as_str()))}</strong>{colon()}{t(&format!("new.perspective_hint.{}", p.as_str()))}</li>
                }).collect_view()}
            </ul>
            <h2>{t("home.modes_heading")}</h2>
            <ul>
                <li><strong>{t("mode.quick")}</strong>{colon()}{t("home.quick_when")}</li>
                <li><strong>{t("mode.full")}</strong>{colon()}{t("home.full_when")}</li>
            </ul>
            <h2>{t("home.steps_heading")}</h2>
            <ol class="ten-steps">
                {crate::i18n::content::roadmap().steps.iter().map(|s| view! { <li>{s.title.clone()}</li> }).collect_view()}
            </ol>
            <p><a href=Route::Roadmap.href()>{t("home.roadmap_link")}</a></p>
            <h2>{t("home.data_heading")}</h2>
            <p>{t("home.data_body")}</p>
        </div>
    }
}

#[component]
fn LibraryControls(sort: RwSignal<SortBy>, filter: RwSignal<Filter>) -> impl IntoView {
    let all = || (String::new(), t("library.all"));
    let perspectives = std::iter::once(all())
        .chain(Perspective::ALL.into_iter().map(|p| {
            (
                p.as_str().to_owned(),
                t(&format!("perspective.{}", p.as_str())),
            )
        }))
        .collect();
    let modes = std::iter::once(all())
        .chain(
            [Mode::Quick, Mode::Full]
                .into_iter()
                .map(|m| (m.as_str().to_owned(), t(&format!("mode.{}", m.as_str())))),
        )
        .collect();
    let sorts = SortBy::ALL
        .into_iter()
        .map(|s| {
            (
                s.as_str().to_owned(),
                t(&format!("library.sort_by.{}", s.as_str())),
            )
        })
        .collect();
    view! {
        <div class="library-controls" role="group" aria-label=t("library.controls")>
            <div class="field">
                <label for="library-filter">{t("library.filter")}</label>
                <input type="search" id="library-filter"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev)) />
            </div>
            {picker(
                "library-perspective",
                t("home.perspective"),
                perspectives,
                Signal::derive(move || filter.with(|f| f.perspective.map_or("", Perspective::as_str).to_owned())),
                Callback::new(move |value: String| filter.update(|f| {
                    f.perspective = Perspective::ALL.into_iter().find(|p| p.as_str() == value)
                })),
            )}
            {picker(
                "library-mode",
                t("home.mode"),
                modes,
                Signal::derive(move || filter.with(|f| f.mode.map_or("", Mode::as_str).to_owned())),
                Callback::new(move |value: String| filter.update(|f| {
                    f.mode = [Mode::Quick, Mode::Full].into_iter().find(|m| m.as_str() == value)
                })),
            )}
            {picker(
                "library-sort",
                t("library.sort"),
                sorts,
                Signal::derive(move || sort.get().as_str().to_owned()),
                Callback::new(move |value: String| sort.set(SortBy::parse(&value))),
            )}
        </div>
    }
}

/// A labelled select of (value, text) options, one shape for every control.
fn picker(
    id: &'static str,
    label: String,
    options: Vec<(String, String)>,
    current: Signal<String>,
    on_pick: Callback<String>,
) -> AnyView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options.into_iter().map(|(value, text)| {
                    let selected = value.clone();
                    view! {
                        <option value=value selected=move || current.get() == selected>{text}</option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

#[component]
fn UnreadableEntry(entry: Unreadable) -> impl IntoView {
    let Unreadable { key, raw, error } = entry;
    let message = describe_format_error(&error);
    let download = {
        let key = key.clone();
        move |_| downloads::raw_entry(&key, &raw)
    };
    view! {
        <li class="card unreadable">
            <h3>{t("home.unreadable_heading")}</h3>
            <p><code>{key.clone()}</code></p>
            <p>{message}</p>
            <p>{t("home.unreadable_kept")}</p>
            <div class="actions">
                <button type="button" class="button" on:click=download>{t("home.download_raw")}</button>
                <ConfirmDelete storage_key=key.clone() label=key />
            </div>
        </li>
    }
}
