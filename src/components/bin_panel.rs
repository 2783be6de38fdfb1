//! The bin: deleted entries, their text untouched, until the user empties it. Each can
//! be restored to where it was; if that place is taken again, the user chooses to
//! replace what is there (it goes to the bin in turn) or to keep both.

use crate::components::confirm::Confirm;
use crate::components::library_item::{display_date, LibraryContext};
use crate::core::library::{self, BinEntry};
use crate::i18n::{describe_format_error, describe_storage_error, t, tf};
use crate::platform;
use crate::storage::{self, files, Restored};
use leptos::prelude::*;

#[component]
pub fn BinPanel() -> impl IntoView {
    let library_state = expect_context::<LibraryContext>();
    let entries = Memo::new(move |_| {
        library_state.version.track();
        storage::list_bin().unwrap_or_default()
    });
    let empty_question =
        Signal::derive(move || tf("bin.empty_confirm", &[("count", &entries.with(Vec::len))]));
    let empty = move |()| {
        storage::empty_bin()
            .map(|n| library_state.announce(tf("bin.emptied", &[("count", &n)])))
            .map_err(|e| describe_storage_error(&e))
    };

    view! {
        <p>{t("bin.intro")}</p>
        {move || {
            let list = entries.get();
            if list.is_empty() {
                view! { <p>{t("bin.none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="bin">
                        {list.into_iter().map(|entry| view! { <BinItem entry /> }).collect_view()}
                    </ul>
                    <Confirm
                        start=t("bin.empty")
                        question=empty_question
                        yes=t("bin.empty_yes")
                        cancel=t("delete.cancel")
                        on_confirm=Callback::new(empty)
                        danger=true
                    />
                }.into_any()
            }
        }}
    }
}

#[component]
fn BinItem(entry: BinEntry) -> impl IntoView {
    let library_state = expect_context::<LibraryContext>();
    let label = entry.label();
    let occupied = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let replace_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if occupied.get() {
            if let Some(button) = replace_ref.get() {
                let _ = button.focus();
            }
        }
    });

    let key = entry.key.clone();
    let name = label.clone();
    let restore = move |_| match storage::restore(&key) {
        Ok(Restored::Done) => library_state.announce(tf("bin.restored", &[("name", &name)])),
        Ok(Restored::Occupied) => occupied.set(true),
        Err(e) => error.set(Some(describe_storage_error(&e))),
    };
    let key = entry.key.clone();
    let name = label.clone();
    let replace = move |_| match storage::restore_replacing(&key, &platform::now_iso()) {
        Ok(()) => library_state.announce(tf("bin.restored_replacing", &[("name", &name)])),
        Err(e) => error.set(Some(describe_storage_error(&e))),
    };
    let key = entry.key.clone();
    let readable = entry.content.as_ref().ok().map(|a| (**a).clone());
    let can_keep_both = readable.is_some();
    let keep_both = move |_| {
        let Some(original) = readable.clone() else {
            return;
        };
        let now = platform::now_iso();
        let name = tf("bin.copy_name", &[("name", &original.name)]);
        let copy = library::duplicate(&original, platform::new_id(), name.clone(), &now);
        // Keep its history: a restored copy is the same work, only under a new id.
        let copy = crate::core::assessment::Assessment {
            created_at: original.created_at.clone(),
            revision: original.revision,
            ..copy
        };
        match storage::restore_as_copy(&key, &copy, &now) {
            Ok(()) => library_state.announce(tf("bin.restored_as", &[("name", &name)])),
            Err(e) => error.set(Some(describe_storage_error(&e))),
        }
    };
    let key = entry.key.clone();
    let name = label.clone();
    let purge = move |()| {
        storage::remove_key(&key)
            .map(|()| library_state.announce(tf("bin.deleted", &[("name", &name)])))
            .map_err(|e| describe_storage_error(&e))
    };
    let raw = entry.raw.clone();
    let file_name = format!("{}.txt", entry.key.replace(['/', ':'], "-"));
    let download = move |_| {
        let _ = files::download(&file_name, "text/plain", &raw);
    };
    let problem = entry.content.as_ref().err().map(describe_format_error);

    view! {
        <li class="card binned">
            <h3>{label.clone()}</h3>
            <p>{tf("bin.deleted_at", &[("time", &display_date(&entry.deleted_at))])}</p>
            {problem.map(|p| view! { <p>{tf("bin.unreadable", &[("problem", &p)])}</p> })}
            <div class="actions">
                <button type="button" class="button" aria-label=tf("bin.restore_of", &[("name", &label)])
                    on:click=restore>{t("bin.restore")}</button>
                <button type="button" class="button" aria-label=tf("bin.download_of", &[("name", &label)])
                    on:click=download>{t("home.download_raw")}</button>
                <Confirm
                    start=t("bin.delete")
                    start_label=tf("bin.delete_of", &[("name", &label)])
                    question=Signal::stored(tf("bin.delete_confirm", &[("name", &label)]))
                    yes=t("bin.delete_yes")
                    cancel=t("delete.cancel")
                    on_confirm=Callback::new(purge)
                    danger=true
                />
            </div>
            {move || occupied.get().then(|| view! {
                <div class="confirm" role="group" aria-label=t("bin.occupied")>
                    <p>{t("bin.occupied")}</p>
                    <button type="button" class="button danger" node_ref=replace_ref on:click=replace.clone()>{t("bin.replace")}</button>
                    {can_keep_both.then(|| view! {
                        <button type="button" class="button" on:click=keep_both.clone()>{t("bin.keep_both")}</button>
                    })}
                    <button type="button" class="button" on:click=move |_| occupied.set(false)>{t("delete.cancel")}</button>
                </div>
            })}
            {move || error.get().map(|e| view! { <p role="alert">{e}</p> })}
        </li>
    }
}
