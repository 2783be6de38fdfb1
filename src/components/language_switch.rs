//! The language switch on every page: each language by its own name, in its own
//! language (`lang`), so that a reader finds theirs whatever the page speaks. The
//! current one is pressed; choosing another draws the page again in it, keeps focus on
//! the switch and announces the change (`state::LanguageState`).

use crate::i18n::{t, Language};
use crate::state::LanguageState;
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
