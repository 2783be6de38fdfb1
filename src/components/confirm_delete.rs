//! A delete button that asks first, in place, naming what goes. Deleting moves the
//! entry to the bin, its text untouched; it can be restored until the bin is emptied.
//! When the storage has no room for the bin's copy (even with an empty bin, an entry
//! near the limit may not fit twice), nothing is deleted and deleting it for good is
//! offered instead, behind a second question that says it cannot be undone.

use crate::components::confirm::Confirm;
use crate::core::store::StorageError;
use crate::i18n::{describe_storage_error, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(storage_key: String, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let library = expect_context::<Library>();
    // The bin copy could not be written: deleting for good is offered.
    let bin_full = RwSignal::new(false);
    let to_bin = {
        let key = storage_key.clone();
        // The name is read before the command: afterwards the entry is gone.
        Callback::new(move |()| {
            let name = label.get_untracked();
            match library.move_to_bin(&key) {
                Ok(()) => {
                    library.announce(tf("library.moved_to_bin", &[("name", &name)]));
                    Ok(())
                }
                // The question closes; the offer below says what happened and what can be done.
                Err(StorageError::QuotaExceeded) => {
                    bin_full.set(true);
                    Ok(())
                }
                Err(other) => Err(describe_storage_error(&other)),
            }
        })
    };
    let for_good = Callback::new(move |()| {
        let name = label.get_untracked();
        library
            .delete_for_good(&storage_key)
            .map(|()| {
                bin_full.try_set(false);
                library.announce(tf("bin.deleted", &[("name", &name)]));
            })
            .map_err(|e| describe_storage_error(&e))
    });
    view! {
        <Confirm
            start=t("delete.start")
            start_label=Signal::derive(move || tf("delete.button", &[("name", &label.get())]))
            question=Signal::derive(move || tf("delete.confirm", &[("name", &label.get())]))
            yes=t("delete.yes")
            cancel=t("delete.cancel")
            on_confirm=to_bin
            danger=true
        />
        <Show when=move || bin_full.get()>
            <div class="bin-full" role="alert">
                <p>{move || tf("delete.bin_full", &[("name", &label.get())])}</p>
                <Confirm
                    start=t("delete.for_good")
                    start_label=Signal::derive(move || tf("delete.for_good_of", &[("name", &label.get())]))
                    question=Signal::derive(move || tf("delete.for_good_confirm", &[("name", &label.get())]))
                    yes=t("delete.for_good_yes")
                    cancel=t("delete.cancel")
                    on_confirm=for_good
                    danger=true
                />
                <button type="button" class="button" on:click=move |_| bin_full.set(false)>
                    {t("delete.keep")}
                </button>
            </div>
        </Show>
    }
}
