//! A labelled progress bar with the same numbers in words.

use crate::i18n::tf;
use leptos::prelude::*;

#[component]
pub fn Progress(label: String, value: Signal<(usize, usize)>) -> impl IntoView {
    let text = move || {
        let (answered, total) = value.get();
        tf(
            "progress.answered_of",
            &[("answered", &answered), ("total", &total)],
        )
    };
    let id = format!("progress-{}", label.to_lowercase().replace(' ', "-"));
    view! {
        <div class="progress">
            <span class="progress-label" id=id.clone()>{label}</span>
            <progress aria-labelledby=id max=move || value.get().1.max(1) value=move || value.get().0></progress>
            <span class="progress-text">{text}</span>
        </div>
    }
}
