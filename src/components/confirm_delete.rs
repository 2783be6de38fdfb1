//! A delete button that asks first, in place, naming what goes.

use crate::i18n::{describe_storage_error, t, tf};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(
    storage_key: String,
    label: String,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let delete_ref = NodeRef::<leptos::html::Button>::new();
    let question = tf("delete.confirm", &[("name", &label)]);
    let delete_label = tf("delete.button", &[("name", &label)]);

    // Focus follows the dialogue: to "Cancel" when asking, back to "Delete" after.
    Effect::new(move |previous: Option<bool>| {
        let now = asking.get();
        let target = if now {
            cancel_ref.get()
        } else if previous == Some(true) {
            delete_ref.get()
        } else {
            None
        };
        if let Some(button) = target {
            let _ = button.focus();
        }
        now
    });

    let confirm = move |_| match storage::remove_key(&storage_key) {
        Ok(()) => on_deleted(),
        Err(e) => error.set(Some(describe_storage_error(&e))),
    };
    let cancel = move |_| asking.set(false);

    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="button danger" node_ref=delete_ref
                    aria-label=delete_label.clone()
                    on:click=move |_| asking.set(true)>{t("delete.start")}</button>
            }
        >
            <div class="confirm" role="group" aria-label=question.clone()>
                <p>{question.clone()}</p>
                <button type="button" class="button danger" on:click=confirm.clone()>{t("delete.yes")}</button>
                <button type="button" class="button" node_ref=cancel_ref on:click=cancel>{t("delete.cancel")}</button>
                {move || error.get().map(|e| view! { <p role="alert">{e}</p> })}
            </div>
        </Show>
    }
}
