//! Passphrase fields. `NewPassphrase`: typed twice for a new protected file, checked as
//! `core::protected::check_new_passphrase` asks, with the reason in plain words when it
//! is not taken. `PassphraseEntry`: one field to open protected files. Neither stores
//! nor logs the passphrase: the fields are emptied as soon as it is handed over, and it
//! lives no longer than the encryption or decryption it is given to.

use crate::core::protected::{self, PassphraseProblem};
use crate::i18n::{t, tf};
use leptos::prelude::*;

#[component]
pub fn NewPassphrase(
    /// Prefix of the fields' ids; unique on the page.
    #[prop(into)]
    id: String,
    /// The submit button's visible text.
    #[prop(into)]
    submit: String,
    /// The button's accessible name, when the visible text needs its object.
    #[prop(optional, into)]
    submit_label: Option<Signal<String>>,
    /// Gets the passphrase once both entries agree and it is long enough.
    on_ready: Callback<String>,
    /// While encrypting: the button waits.
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<PassphraseProblem>);
    let shown = RwSignal::new(false);
    let first_ref = NodeRef::<leptos::html::Input>::new();
    let again_ref = NodeRef::<leptos::html::Input>::new();
    let first_id = format!("{id}-passphrase");
    let again_id = format!("{id}-passphrase-again");
    let hint_id = format!("{id}-passphrase-hint");
    let error_id = format!("{id}-passphrase-error");
    let show_id = format!("{id}-passphrase-show");
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (a, b) = (first.get_untracked(), again.get_untracked());
        match protected::check_new_passphrase(&a, &b) {
            Ok(()) => {
                problem.set(None);
                first.set(String::new());
                again.set(String::new());
                on_ready.run(a);
            }
            Err(p) => {
                problem.set(Some(p));
                let target = match p {
                    PassphraseProblem::TooShort { .. } => first_ref.get(),
                    PassphraseProblem::Mismatch => again_ref.get(),
                };
                if let Some(input) = target {
                    let _ = input.focus();
                }
            }
        }
    };
    let message = move || {
        problem.get().map(|p| match p {
            PassphraseProblem::TooShort { chars } => tf(
                "protect.too_short",
                &[("min", &protected::MIN_PASSPHRASE_CHARS), ("chars", &chars)],
            ),
            PassphraseProblem::Mismatch => t("protect.mismatch"),
        })
    };
    let kind = move || if shown.get() { "text" } else { "password" };
    let first_invalid =
        move || matches!(problem.get(), Some(PassphraseProblem::TooShort { .. })).then_some("true");
    let again_invalid =
        move || matches!(problem.get(), Some(PassphraseProblem::Mismatch)).then_some("true");
    let describe_first = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if first_invalid().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let describe_again = {
        let error_id = error_id.clone();
        move || again_invalid().map(|_| error_id.clone())
    };
    view! {
        <form class="passphrase stack" on:submit=submit_form novalidate>
            <div class="field">
                <label for=first_id.clone()>{t("protect.passphrase")}</label>
                <p class="hint" id=hint_id.clone()>{tf("protect.hint", &[("min", &protected::MIN_PASSPHRASE_CHARS)])}</p>
                <input id=first_id type=kind autocomplete="off" spellcheck="false" node_ref=first_ref
                    aria-invalid=first_invalid aria-describedby=describe_first
                    prop:value=move || first.get()
                    on:input=move |ev| { first.set(event_target_value(&ev)); problem.set(None); } />
            </div>
            <div class="field">
                <label for=again_id.clone()>{t("protect.again")}</label>
                <input id=again_id type=kind autocomplete="off" spellcheck="false" node_ref=again_ref
                    aria-invalid=again_invalid aria-describedby=describe_again
                    prop:value=move || again.get()
                    on:input=move |ev| { again.set(event_target_value(&ev)); problem.set(None); } />
            </div>
            <div class="field choice">
                <input type="checkbox" id=show_id.clone()
                    prop:checked=move || shown.get()
                    on:change=move |ev| shown.set(event_target_checked(&ev)) />
                <label for=show_id>{t("protect.show")}</label>
            </div>
            <p class="error" id=error_id role="alert">{message}</p>
            <p>
                <button type="submit" class="button primary" aria-disabled=move || busy.get().then_some("true")
                    aria-label=move || submit_label.map(|l| l.get())>{submit}</button>
            </p>
        </form>
    }
}

#[component]
pub fn PassphraseEntry(
    /// The field's id; unique on the page.
    #[prop(into)]
    id: String,
    /// The field's label.
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] submit: String,
    /// Gets the passphrase as typed (not empty).
    on_submit: Callback<String>,
    #[prop(into)] busy: Signal<bool>,
    /// Why the last passphrase did not open the file(s).
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let value = RwSignal::new(String::new());
    let empty = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let error_id = format!("{id}-error");
    let submit_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let passphrase = value.get_untracked();
        if passphrase.is_empty() {
            empty.set(true);
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
            }
            return;
        }
        empty.set(false);
        value.set(String::new());
        on_submit.run(passphrase);
    };
    // Focus back in the field when a passphrase did not open the file: type it again.
    Effect::new(move |_| {
        if error.with(Option::is_some) {
            if let Some(input) = input_ref.get_untracked() {
                let _ = input.focus();
            }
        }
    });
    let message = move || {
        if empty.get() {
            Some(t("protect.enter_passphrase"))
        } else {
            error.get()
        }
    };
    let invalid = move || message().is_some().then_some("true");
    view! {
        <form class="passphrase unlock" on:submit=submit_form novalidate>
            <div class="field">
                <label for=id.clone()>{move || label.get()}</label>
                <input id=id type="password" autocomplete="off" spellcheck="false" node_ref=input_ref
                    aria-invalid=invalid aria-describedby=error_id.clone()
                    prop:value=move || value.get()
                    on:input=move |ev| { value.set(event_target_value(&ev)); empty.set(false); } />
            </div>
            <p class="error" id=error_id role="alert">{message}</p>
            <p>
                <button type="submit" class="button primary" aria-disabled=move || busy.get().then_some("true")>{submit}</button>
            </p>
        </form>
    }
}
