//! Home: what the tool is, a way to start, and the library: the saved assessments
//! (sorted and filtered), entries that could not be read, import, the bin, and what
//! the tool keeps in this browser. A change made in another tab shows up here at once.

use crate::components::bin_panel::BinPanel;
use crate::components::confirm_delete::ConfirmDelete;
use crate::components::data_panel::DataPanel;
use crate::components::import_panel::ImportPanel;
use crate::components::library_item::{LibraryContext, SavedAssessment};
use crate::core::instrument::{Mode, Perspective};
use crate::core::library::{self, Entry, Filter, Item, SortBy};
use crate::core::route::Route;
use crate::i18n::{describe_format_error, describe_storage_error, t, tf};
use crate::storage::{self, files};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let library_state = LibraryContext::new();
    provide_context(library_state);
    // Another tab saved, deleted or imported: read storage again.
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        let ours = event
            .key()
            .is_none_or(|key| key.starts_with(library::APP_PREFIX));
        if ours {
            library_state.refresh();
        }
    });
    on_cleanup(move || handle.remove());

    let entries = Memo::new(move |_| {
        library_state.version.track();
        storage::list()
    });
    let sort = RwSignal::new(SortBy::default());
    let filter = RwSignal::new(Filter::default());
    let items = Memo::new(move |_| {
        entries.with(|e| {
            e.as_ref()
                .map(|list| {
                    list.iter()
                        .filter_map(|entry| match entry {
                            Entry::Readable(a) => Some(Item::new((**a).clone())),
                            Entry::Unreadable { .. } => None,
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let shown = Memo::new(move |_| items.with(|i| library::arrange(i, sort.get(), &filter.get())));

    view! {
        <h1 tabindex="-1">{t("app.name")}</h1>
        <p class="lead">{t("home.intro")}</p>
        <p class="lead">{t("home.privacy")}</p>
        <p><a class="button primary" href=Route::NewAssessment.href()>{t("home.new")}</a></p>
        <section aria-labelledby="saved-heading">
            <h2 id="saved-heading">{t("home.saved_heading")}</h2>
            <p class="library-notice" role="status">{move || library_state.notice.get()}</p>
            {move || match entries.get() {
                Err(error) => view! { <p role="alert">{describe_storage_error(&error)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p>{t("home.none_saved")}</p> }.into_any(),
                Ok(list) => {
                    let unreadable: Vec<_> = list.into_iter().filter_map(|e| match e {
                        Entry::Unreadable { key, raw, error } => Some((key, raw, describe_format_error(&error))),
                        Entry::Readable(_) => None,
                    }).collect();
                    view! {
                        {move || (items.with(|i| i.len()) > 1).then(|| view! { <LibraryControls sort filter /> })}
                        {move || {
                            let total = items.with(Vec::len);
                            let count = shown.with(Vec::len);
                            (total > 0 && count < total).then(|| view! {
                                <p>{tf("library.showing", &[("shown", &count), ("total", &total)])}</p>
                            })
                        }}
                        <ul class="library">
                            {move || shown.get().into_iter().map(|item| view! { <SavedAssessment item /> }).collect_view()}
                            {unreadable.into_iter().map(|(key, raw, message)| view! {
                                <UnreadableEntry key raw message />
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{t("import.heading")}</h2>
            <ImportPanel />
        </section>
        <section aria-labelledby="bin-heading">
            <h2 id="bin-heading">{t("bin.heading")}</h2>
            <BinPanel />
        </section>
        <section aria-labelledby="data-heading">
            <h2 id="data-heading">{t("data.heading")}</h2>
            <DataPanel />
        </section>
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
fn UnreadableEntry(key: String, raw: String, message: String) -> impl IntoView {
    let library_state = expect_context::<LibraryContext>();
    let file_name = format!("{}.txt", key.replace('/', "-"));
    let download = move |_| {
        let _ = files::download(&file_name, "text/plain", &raw);
    };
    let label = key.clone();
    let on_deleted = Callback::new(move |()| {
        library_state.announce(tf("library.moved_to_bin", &[("name", &label)]))
    });
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
