//! An action that asks first, in place: the button opens a question naming what will
//! happen, focus moves to "Cancel", and back to the button when cancelled.

use leptos::prelude::*;

#[component]
pub fn Confirm(
    /// The button's visible text.
    #[prop(into)]
    start: String,
    /// The button's accessible name, when the visible text needs its object ("Delete X").
    #[prop(optional, into)]
    start_label: Option<Signal<String>>,
    /// The question, read when the confirmation opens.
    #[prop(into)]
    question: Signal<String>,
    #[prop(into)] yes: String,
    #[prop(into)] cancel: String,
    /// Does the action; an `Err` is shown in place, as an alert.
    #[prop(into)]
    on_confirm: Callback<(), Result<(), String>>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let start_ref = NodeRef::<leptos::html::Button>::new();
    let class = if danger { "button danger" } else { "button" };

    Effect::new(move |previous: Option<bool>| {
        let now = asking.get();
        let target = if now {
            cancel_ref.get()
        } else if previous == Some(true) {
            start_ref.get()
        } else {
            None
        };
        if let Some(button) = target {
            let _ = button.focus();
        }
        now
    });

    let confirm = move |_| match on_confirm.run(()) {
        // The action may remove this very component (a deleted card): try, not set.
        Ok(()) => {
            error.try_set(None);
            asking.try_set(false);
        }
        Err(e) => {
            error.try_set(Some(e));
        }
    };

    move || {
        if asking.get() {
            view! {
                <div class="confirm" role="group" aria-label=move || question.get()
                    on:keydown=move |ev| if ev.key() == "Escape" { asking.set(false) }>
                    <p>{move || question.get()}</p>
                    <button type="button" class=class on:click=confirm>{yes.clone()}</button>
                    <button type="button" class="button" node_ref=cancel_ref
                        on:click=move |_| asking.set(false)>{cancel.clone()}</button>
                    {move || error.get().map(|e| view! { <p role="alert">{e}</p> })}
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class=class node_ref=start_ref
                    aria-label=move || start_label.map(|l| l.get())
                    on:click=move |_| asking.set(true)>{start.clone()}</button>
            }
            .into_any()
        }
    }
}
