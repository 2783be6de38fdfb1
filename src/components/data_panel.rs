//! Your data: how much of this browser's storage the tool and the site use beside the
//! limit browsers usually set, all counted as browsers count that limit, and where the
//! figures come from; the whole library as one CSV (whole, or for sharing); and "Delete
//! all my data" behind a confirmation that names what goes. It removes every key of the
//! app in local storage and in this tab's session storage, and the app's offline caches
//! where the browser has them, then shows what it removed, key by key.

use crate::components::confirm::Confirm;
use crate::core::library::session::Removed;
use crate::core::library::Counts;
use crate::core::route::Route;
use crate::downloads;
use crate::i18n::{describe_counts, describe_storage_error, describe_usage, t, tf};
use crate::platform;
use crate::state::{Library, WorkshopState};
use leptos::prelude::*;

/// What "Delete all my data" removed, for its report.
#[derive(Clone, Debug, PartialEq)]
struct Report {
    removed: Removed,
    /// The offline caches removed, by name; `None` while they are being removed.
    caches: Option<Result<Vec<String>, String>>,
}

#[component]
pub fn DataPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    let workshop = expect_context::<WorkshopState>();
    let counts =
        Memo::new(move |_| library.with(|s| s.as_ref().map(|s| s.counts).unwrap_or_default()));
    let in_tab = Memo::new(move |_| library.in_tab().len());
    let usage = move || {
        library.with(|s| match s {
            Ok(s) => describe_usage(s.units_ours, s.units_all),
            Err(error) => describe_storage_error(error),
        })
    };
    let question = Signal::derive(move || {
        let what = describe_counts(&counts.get());
        match in_tab.get() {
            0 => tf("data.delete_all_confirm", &[("what", &what)]),
            n => tf(
                "data.delete_all_confirm_in_tab",
                &[("what", &what), ("in_tab", &n)],
            ),
        }
    });
    let report = RwSignal::new(None::<Report>);
    let report_ref = NodeRef::<leptos::html::Div>::new();
    let delete_all = move |()| {
        let removed = library
            .delete_everything()
            .map_err(|e| describe_storage_error(&e))?;
        // The workshop in memory would be saved again at its next change.
        workshop.forget();
        let what = describe_removed(&removed);
        library.announce(tf("data.deleted_what", &[("what", &what)]));
        report.set(Some(Report {
            removed,
            caches: None,
        }));
        leptos::task::spawn_local(async move {
            let caches = platform::delete_caches(platform::CACHE_PREFIX).await;
            report.try_update(|r| {
                if let Some(r) = r {
                    r.caches = Some(caches);
                }
            });
        });
        Ok(())
    };
    // The confirmation is gone with the data: focus moves to what was removed.
    Effect::new(move |focused: Option<bool>| {
        if report.with(Option::is_none) {
            return false;
        }
        if focused == Some(true) {
            return true;
        }
        report_ref
            .get()
            .is_some_and(|element| element.focus().is_ok())
    });
    let export_csv = move |_| downloads::library_csv(&library.assessments());
    let export_csv_shared = move |_| downloads::library_csv_shared(&library.assessments());
    let has_assessments = move || counts.get().assessments > 0;
    let has_data = move || !counts.get().is_empty() || in_tab.get() > 0;

    view! {
        <p>{usage}</p>
        <p>{t("data.usage_source")}</p>
        <div class="actions">
            <button type="button" class="button" on:click=export_csv
                disabled=move || !has_assessments()>{t("data.export_csv")}</button>
            <button type="button" class="button" on:click=export_csv_shared
                disabled=move || !has_assessments()>{t("data.export_csv_shared")}</button>
        </div>
        <p><a href=Route::Privacy.href()>{t("privacy.what_is_stored")}</a></p>
        {move || has_data().then(|| view! {
            <div class="actions">
                <Confirm
                    start=t("data.delete_all")
                    question=question
                    yes=t("data.delete_all_yes")
                    cancel=t("delete.cancel")
                    on_confirm=Callback::new(delete_all)
                    danger=true
                />
            </div>
        })}
        <Show when=move || report.with(Option::is_some)>
            <div class="removed-report" tabindex="-1" node_ref=report_ref data-testid="removed-report">
                {move || report.get().map(|r| view! {
                    <p><strong>{t("data.deleted_all")}</strong>" "{tf("data.deleted_what", &[("what", &describe_removed(&r.removed))])}</p>
                    <p role="status">{match &r.caches {
                        None => t("data.caches_working"),
                        Some(Ok(names)) if names.is_empty() => t("data.caches_none"),
                        Some(Ok(names)) => tf("data.caches_removed", &[("count", &names.len()), ("names", &names.join(", "))]),
                        Some(Err(detail)) => tf("data.caches_failed", &[("detail", detail)]),
                    }}</p>
                    <details>
                        <summary>{t("data.removed_keys")}</summary>
                        <ul class="removed-keys">
                            {r.removed.local.iter().map(|k| view! { <li><code>{k.clone()}</code>" "{t("data.in_local")}</li> }).collect_view()}
                            {r.removed.session.iter().map(|k| view! { <li><code>{k.clone()}</code>" "{t("data.in_session")}</li> }).collect_view()}
                        </ul>
                    </details>
                })}
            </div>
        </Show>
    }
}

/// "2 assessments, 1 in the bin and the workshop in progress from this browser's local
/// storage; 1 assessment from this tab's session storage", or that there was nothing.
fn describe_removed(removed: &Removed) -> String {
    let local = Counts::of_keys(removed.local.iter().map(String::as_str));
    let session = Counts::of_keys(removed.session.iter().map(String::as_str));
    match (local.is_empty(), session.is_empty()) {
        (true, true) => t("data.removed_nothing"),
        (false, true) => tf("data.removed_local", &[("what", &describe_counts(&local))]),
        (true, false) => tf(
            "data.removed_session",
            &[("what", &describe_counts(&session))],
        ),
        (false, false) => tf(
            "data.removed_both",
            &[
                ("local", &describe_counts(&local)),
                ("session", &describe_counts(&session)),
            ],
        ),
    }
}
