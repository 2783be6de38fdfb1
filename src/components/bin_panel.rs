//! The bin: deleted entries, their text untouched, until the user empties it. Each can
//! be restored to where it was; if that place is taken again, the user chooses to
//! replace what is there (it goes to the bin in turn) or to keep both. The list is
//! keyed by bin key, so a change from another tab leaves an open choice open.

use crate::components::confirm::Confirm;
use crate::core::library::commands::Restored;
use crate::core::library::BinEntry;
use crate::display::{display_date, record_name};
use crate::downloads;
use crate::i18n::{describe_command_error, describe_format_error, describe_storage_error, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn BinPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    // `None` when storage cannot be read: the bin is unknown, not empty.
    let entries = Memo::new(move |_| library.with(|s| s.as_ref().ok().map(|s| s.bin.clone())));
    let count = move || entries.with(|e| e.as_ref().map_or(0, Vec::len));
    let empty_question = Signal::derive(move || tf("bin.empty_confirm", &[("count", &count())]));
    let empty = move |()| {
        library
            .empty_bin()
            .map(|n| library.announce(tf("bin.emptied", &[("count", &n)])))
            .map_err(|e| describe_storage_error(&e))
    };

    view! {
        <p>{t("bin.intro")}</p>
        <Show when=move || entries.with(Option::is_some)
            fallback=move || view! { <p>{t("bin.unknown")}</p> }>
            <Show when=move || count() != 0 fallback=move || view! { <p>{t("bin.none")}</p> }>
                <ul class="bin">
                    <For each=move || entries.get().unwrap_or_default()
                        key=|entry| entry.key.clone()
                        children=move |entry| view! { <BinItem entry /> } />
                </ul>
                <Confirm
                    start=t("bin.empty")
                    question=empty_question
                    yes=t("bin.empty_yes")
                    cancel=t("delete.cancel")
                    on_confirm=Callback::new(empty)
                    danger=true
                />
            </Show>
        </Show>
    }
}

#[component]
fn BinItem(entry: BinEntry) -> impl IntoView {
    let library = expect_context::<Library>();
    // A snapshot is named as one, never taken for its assessment.
    let label = entry
        .content
        .as_ref()
        .map_or_else(|_| entry.label(), |a| record_name(a));
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
    let restore = move |_| match library.restore(&key) {
        Ok(Restored::Done) => library.announce(tf("bin.restored", &[("name", &name)])),
        Ok(Restored::Occupied) => occupied.set(true),
        Err(e) => error.set(Some(describe_storage_error(&e))),
    };
    let key = entry.key.clone();
    let name = label.clone();
    let replace = move |_| match library.restore_replacing(&key) {
        Ok(()) => library.announce(tf("bin.restored_replacing", &[("name", &name)])),
        Err(e) => error.set(Some(describe_storage_error(&e))),
    };
    let key = entry.key.clone();
    let can_keep_both = entry.content.is_ok();
    let keep_both = move |_| match library.restore_as_copy(&key) {
        Ok(copy) => library.announce(tf("bin.restored_as", &[("name", &record_name(&copy))])),
        Err(e) => error.set(Some(describe_command_error(&e))),
    };
    let key = entry.key.clone();
    let name = label.clone();
    let purge = move |()| {
        library
            .purge(&key)
            .map(|()| library.announce(tf("bin.deleted", &[("name", &name)])))
            .map_err(|e| describe_storage_error(&e))
    };
    let (key, raw) = (entry.key.clone(), entry.raw.clone());
    let download = move |_| downloads::raw_entry(&key, &raw);
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
