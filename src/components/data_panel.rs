//! Your data: how much of this browser's storage the tool and the site use beside the
//! limit browsers usually set, all counted as browsers count that limit, and where the
//! figures come from; the whole library as one CSV; and "Delete all my data" behind a
//! confirmation that names what goes.

use crate::components::confirm::Confirm;
use crate::downloads;
use crate::i18n::{describe_counts, describe_storage_error, describe_usage, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn DataPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    let counts =
        Memo::new(move |_| library.with(|s| s.as_ref().map(|s| s.counts).unwrap_or_default()));
    let usage = move || {
        library.with(|s| match s {
            Ok(s) => describe_usage(s.units_ours, s.units_all),
            Err(error) => describe_storage_error(error),
        })
    };
    let question = Signal::derive(move || {
        tf(
            "data.delete_all_confirm",
            &[("what", &describe_counts(&counts.get()))],
        )
    });
    let delete_all = move |()| {
        library
            .delete_all()
            .map(|_| library.announce(t("data.deleted_all")))
            .map_err(|e| describe_storage_error(&e))
    };
    let export_csv = move |_| downloads::library_csv(&library.assessments());
    let has_assessments = move || counts.get().assessments > 0;

    view! {
        <p>{usage}</p>
        <p>{t("data.usage_source")}</p>
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
