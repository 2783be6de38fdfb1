//! A delete button that asks first, in place, naming what goes. Deleting moves the
//! entry to the bin, its text untouched; it can be restored until the bin is emptied.

use crate::components::confirm::Confirm;
use crate::core::store::StorageError;
use crate::i18n::{describe_storage_error, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(
    storage_key: String,
    #[prop(into)] label: Signal<String>,
    /// Runs after the entry has moved to the bin.
    #[prop(into)]
    on_deleted: Callback<()>,
) -> impl IntoView {
    let library = expect_context::<Library>();
    let on_confirm = move |()| {
        library
            .move_to_bin(&storage_key)
            .map(|()| on_deleted.run(()))
            .map_err(|e| match e {
                StorageError::QuotaExceeded => t("delete.bin_full"),
                other => describe_storage_error(&other),
            })
    };
    view! {
        <Confirm
            start=t("delete.start")
            start_label=Signal::derive(move || tf("delete.button", &[("name", &label.get())]))
            question=Signal::derive(move || tf("delete.confirm", &[("name", &label.get())]))
            yes=t("delete.yes")
            cancel=t("delete.cancel")
            on_confirm=Callback::new(on_confirm)
            danger=true
        />
    }
}
