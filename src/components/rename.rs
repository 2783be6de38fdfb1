//! "Rename" in place, for an assessment's card and a snapshot's line alike: a button
//! that opens a labelled field with the current name selected; Enter saves, Escape or
//! "Cancel" closes it, and focus returns to the button. An empty name is refused in
//! words, and the field says it is invalid. Beside the button (while the form is
//! closed) stands what `children` gives, such as the delete button.

use crate::components::limited_text::fitted_value;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn Rename(
    /// The button's accessible name ("Rename Springfield").
    #[prop(into)]
    button_label: Signal<String>,
    /// The field's label.
    #[prop(into)]
    field_label: Signal<String>,
    /// The field's DOM id; the error's is made from it.
    field_id: String,
    /// The name now, put in the field when the form opens.
    #[prop(into)]
    current: Signal<String>,
    /// What an empty name is told.
    empty: String,
    /// Saves the name typed (trimmed); an `Err` is shown in place.
    on_save: Callback<String, Result<(), String>>,
    /// Fit the field to the format's text limit (`format::MAX_TEXT_CHARS`).
    #[prop(optional)]
    limited: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let button_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |previous: Option<bool>| {
        let now = renaming.get();
        if now {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                input.select();
            }
        } else if previous == Some(true) {
            if let Some(button) = button_ref.get() {
                let _ = button.focus();
            }
        }
        now
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = typed.get_untracked().trim().to_owned();
        let result = if wanted.is_empty() {
            Err(empty.clone())
        } else {
            on_save.run(wanted)
        };
        match result {
            Ok(()) => renaming.set(false),
            Err(message) => {
                error.set(Some(message));
                if let Some(input) = input_ref.get() {
                    let _ = input.focus();
                }
            }
        }
    };
    let error_id = format!("{field_id}-error");
    move || {
        if renaming.get() {
            view! {
                <form class="rename" on:submit=save.clone()
                    on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false) }>
                    <label for=field_id.clone()>{move || field_label.get()}</label>
                    <input type="text" id=field_id.clone() node_ref=input_ref
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=error_id.clone()
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(if limited { fitted_value(&ev, &typed.get_untracked()).0 } else { event_target_value(&ev) }) />
                    <p id=error_id.clone() class="error" role="alert">{move || error.get()}</p>
                    <div class="actions">
                        <button type="submit" class="button primary">{t("library.rename_save")}</button>
                        <button type="button" class="button" on:click=move |_| renaming.set(false)>{t("delete.cancel")}</button>
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! {
                <div class="actions">
                    <button type="button" class="button" node_ref=button_ref
                        aria-label=move || button_label.get()
                        on:click=move |_| {
                            error.set(None);
                            typed.set(current.get_untracked());
                            renaming.set(true)
                        }>{t("library.rename")}</button>
                    {children()}
                </div>
            }
            .into_any()
        }
    }
}
