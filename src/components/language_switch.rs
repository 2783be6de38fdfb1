//! The language switch on every page: each language by its own name, in its own
//! language (`lang`), so that a reader finds theirs whatever the page speaks. The
//! current one is pressed; choosing another draws the page again in it, keeps focus on
//! the switch and announces the change (`state::LanguageState`).

use crate::display::language_name;
use crate::i18n::{language, t, tf, Language};
use crate::state::{Editor, LanguageState};
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<LanguageState>();
    let buttons = Language::ALL
        .into_iter()
        .map(|language| {
            let pressed = move || (state.current.get() == language).to_string();
            let busy = move || (state.loading.get() == Some(language)).then_some("true");
            view! {
                <button type="button" class="language" lang=language.tag()
                    aria-pressed=pressed aria-busy=busy
                    on:click=move |_| state.choose(language)>
                    {language.endonym()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="language-switch" role="group" aria-label=t("language.label")>{buttons}</div>
    }
}

/// On the views of an assessment filled in another language than the page's: which one,
/// and a button to show it in that language (answers are keyed by question id, so the
/// same assessment reads in any language).
#[component]
pub fn LanguageNotice() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let state = expect_context::<LanguageState>();
    let filled_in = editor
        .assessment
        .with_untracked(|a| a.language.as_deref().and_then(Language::from_tag));
    filled_in.filter(|l| *l != language()).map(|other| {
        let name = language_name(other.tag());
        view! {
            <p class="language-notice no-print">
                {tf("language.filled_in", &[("language", &name)])}" "
                <button type="button" class="link-button" on:click=move |_| state.choose(other)>
                    {tf("language.show_in", &[("language", &name)])}
                </button>
            </p>
        }
    })
}
