//! Your data: how much of this browser's storage the tool uses, the whole library as
//! one CSV, and "Delete all my data" behind a confirmation that names what goes.

use crate::components::confirm::Confirm;
use crate::components::library_item::{csv_labels, LibraryContext};
use crate::core::library::{self, Counts, Entry};
use crate::core::{content, csv};
use crate::i18n::{describe_storage_error, t, tf};
use crate::platform;
use crate::storage::{self, files};
use leptos::prelude::*;

/// "3 assessments, 1 in the bin, 1 unreadable entry".
pub fn describe_counts(counts: &Counts) -> String {
    let mut parts = Vec::new();
    match counts.assessments {
        0 => {}
        1 => parts.push(t("data.count_assessment")),
        n => parts.push(tf("data.count_assessments", &[("count", &n)])),
    }
    match counts.in_bin {
        0 => {}
        n => parts.push(tf("data.count_bin", &[("count", &n)])),
    }
    match counts.unreadable {
        0 => {}
        1 => parts.push(t("data.count_unreadable_one")),
        n => parts.push(tf("data.count_unreadable", &[("count", &n)])),
    }
    match counts.other {
        0 => {}
        1 => parts.push(t("data.count_other_one")),
        n => parts.push(tf("data.count_other", &[("count", &n)])),
    }
    parts.join(", ")
}

/// "12.3 KB" from a byte count.
fn kilobytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1024.0)
}

#[component]
pub fn DataPanel() -> impl IntoView {
    let library_state = expect_context::<LibraryContext>();
    let pairs = Memo::new(move |_| {
        library_state.version.track();
        storage::our_pairs()
    });
    let counts = Memo::new(move |_| {
        pairs.with(|p| p.as_ref().map(|p| library::count(p)).unwrap_or_default())
    });
    let usage = move || {
        library_state.version.track();
        match storage::usage() {
            Ok((ours, all)) => tf(
                "data.usage",
                &[("ours", &kilobytes(ours)), ("all", &kilobytes(all))],
            ),
            Err(error) => describe_storage_error(&error),
        }
    };
    let question = Signal::derive(move || {
        tf(
            "data.delete_all_confirm",
            &[("what", &describe_counts(&counts.get()))],
        )
    });
    let delete_all = move |()| {
        storage::delete_all()
            .map(|_| library_state.announce(t("data.deleted_all")))
            .map_err(|e| describe_storage_error(&e))
    };
    let export_csv = move |_| {
        let assessments: Vec<_> = storage::list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| match e {
                Entry::Readable(a) => Some(*a),
                Entry::Unreadable { .. } => None,
            })
            .collect();
        let text = csv::library_csv(
            assessments
                .iter()
                .map(|a| (a, content::instrument(a.perspective))),
            &csv_labels(),
        );
        if let Err(detail) = files::download(
            &format!(
                "roadmap-readiness-library-{}.csv",
                crate::core::format::date_part(&platform::now_iso())
            ),
            "text/csv;charset=utf-8",
            &text,
        ) {
            leptos::logging::warn!("download failed: {detail}");
        }
    };
    let has_assessments = move || counts.get().assessments > 0;

    view! {
        <p>{usage}</p>
        <p>{t("data.quota_hint")}</p>
        <div class="actions">
            <button type="button" class="button" on:click=export_csv
                disabled=move || !has_assessments()>{t("data.export_csv")}</button>
        </div>
        {move || (!counts.get().is_empty()).then(|| view! {
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
    }
}
