//! The line above an assessment's views that says which assessment this is.

use crate::i18n::{t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn ContextLine() -> impl IntoView {
    let editor = expect_context::<Editor>();
    // Follows the assessment: a quick check turned full says so at once.
    let line = move || {
        editor.assessment.with(|a| {
            let perspective = t(&format!("perspective.{}", a.perspective.as_str()));
            let mode = t(&format!("mode.{}", a.mode.as_str()));
            if a.respondent.trim().is_empty() {
                tf(
                    "app.context",
                    &[
                        ("name", &a.name),
                        ("perspective", &perspective),
                        ("mode", &mode),
                    ],
                )
            } else {
                tf(
                    "app.context_by",
                    &[
                        ("name", &a.name),
                        ("perspective", &perspective),
                        ("mode", &mode),
                        ("respondent", &a.respondent),
                    ],
                )
            }
        })
    };
    let shared = move || editor.assessment.with(|a| a.redaction.is_some());
    view! {
        <p class="context" data-testid="context">{line}</p>
        <Show when=shared>
            <p class="shared-marker" data-testid="shared-marker">{t("sharing.marker")}</p>
        </Show>
    }
}
