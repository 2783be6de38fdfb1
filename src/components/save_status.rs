//! Says whether the last change reached storage ("Saving…" while typed text waits for a
//! pause, so nobody is told "Saved" early); polite when it did, an alert when not;
//! and when the revision number has reached the format's limit, that it stays there.

use crate::i18n::{describe_storage_error, revision_limit, t};
use crate::state::{Editor, SaveStatus};
use leptos::prelude::*;

#[component]
pub fn SaveStatusLine() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let export = move |_| editor.export_json();
    view! {
        <div class="save-status" role="status" aria-live="polite">
            {move || match editor.status.get() {
                SaveStatus::Idle => t("save.autosave").into_any(),
                SaveStatus::Saved => t("save.saved").into_any(),
                // The conflict notice says why nothing is being written.
                SaveStatus::Pending if editor.conflict.with(Option::is_some) => ().into_any(),
                SaveStatus::Pending => t("save.pending").into_any(),
                SaveStatus::Reloaded => t("save.reloaded").into_any(),
                SaveStatus::Failed(error) => view! {
                    <div class="error" role="alert">
                        <p>{describe_storage_error(&error)}" "{t("save.kept_in_memory")}</p>
                        <button type="button" class="button" on:click=export>{t("save.export_now")}</button>
                    </div>
                }.into_any(),
            }}
            // Not an error: the number stays at the format's limit and saving goes on.
            {move || editor.assessment.with(revision_limit).map(|text| view! { <p>{text}</p> })}
        </div>
    }
}
