//! A delete button that asks first, in place, naming what goes. Deleting moves the
//! entry to the bin, its text untouched; it can be restored until the bin is emptied.

use crate::components::confirm::Confirm;
use crate::i18n::{describe_storage_error, t, tf};
use crate::{platform, storage};
use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(
    storage_key: String,
    label: String,
    /// Runs after the entry has moved to the bin.
    #[prop(into)]
    on_deleted: Callback<()>,
) -> impl IntoView {
    let question = tf("delete.confirm", &[("name", &label)]);
    let on_confirm = move |()| {
        storage::move_to_bin(&storage_key, &platform::now_iso())
            .map(|()| on_deleted.run(()))
            .map_err(|e| match e {
                storage::StorageError::QuotaExceeded => t("delete.bin_full"),
                other => describe_storage_error(&other),
            })
    };
    view! {
        <Confirm
            start=t("delete.start")
            start_label=tf("delete.button", &[("name", &label)])
            question=Signal::stored(question)
            yes=t("delete.yes")
            cancel=t("delete.cancel")
            on_confirm=Callback::new(on_confirm)
            danger=true
        />
    }
}
