//! Loads the assessment a route names and provides it to the page as an `Editor`.
//! A missing or unreadable entry gets a message and a way home, never a crash.

use crate::components::conflict_notice::ConflictNotice;
use crate::components::language_switch::LanguageNotice;
use crate::core::library::Loaded;
use crate::core::route::Route;
use crate::i18n::{describe_format_error, describe_storage_error, t};
use crate::state::{Editor, Editors, Library};
use leptos::prelude::*;

#[component]
pub fn AssessmentLoader(id: String, children: Children) -> impl IntoView {
    let editors = expect_context::<Editors>();
    // A change not yet in storage stays with its editor from view to view.
    if let Some(editor) = editors.unsaved(&id) {
        return with_editor(editor, children);
    }
    match expect_context::<Library>().load(&id) {
        Ok((Loaded::Readable(assessment), place)) => {
            with_editor(editors.open(*assessment, place), children)
        }
        Ok((Loaded::Unreadable { error, .. }, _)) => problem(
            t("loader.unreadable_title"),
            format!(
                "{} {}",
                describe_format_error(&error),
                t("loader.unreadable_kept")
            ),
        ),
        Ok((Loaded::Absent, _)) => problem(t("loader.missing_title"), t("loader.missing_body")),
        Err(error) => problem(t("loader.storage_title"), describe_storage_error(&error)),
    }
}

fn with_editor(editor: Editor, children: Children) -> AnyView {
    provide_context(editor);
    // Leaving the view writes typed text that waits for a pause in typing.
    on_cleanup(move || editor.flush());
    // On every view of the assessment: another tab's write that a change here would
    // overwrite is never settled silently.
    view! { <ConflictNotice /> <LanguageNotice /> {children()} }.into_any()
}

fn problem(title: String, body: String) -> AnyView {
    crate::platform::set_title(&title);
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p role="alert">{body}</p>
        <p><a href=Route::Home.href()>{t("loader.back_home")}</a></p>
    }
    .into_any()
}
