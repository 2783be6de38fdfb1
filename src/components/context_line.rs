//! The line above an assessment's views that says which assessment this is.

use crate::i18n::{t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn ContextLine() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let line = editor.assessment.with_untracked(|a| {
        tf(
            "app.context",
            &[
                ("name", &a.name),
                (
                    "perspective",
                    &t(&format!("perspective.{}", a.perspective.as_str())),
                ),
                ("mode", &t(&format!("mode.{}", a.mode.as_str()))),
            ],
        )
    });
    view! { <p class="context">{line}</p> }
}
