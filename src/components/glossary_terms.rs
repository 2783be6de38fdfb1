//! The jargon a question uses, explained in place: a collapsed list under the question's
//! help, so that a volunteer with no training reads "asset lock" with its meaning.

use crate::core::instrument::Question;
use crate::i18n::{content, t};
use leptos::prelude::*;

#[component]
pub fn GlossaryTerms(question: &'static Question) -> impl IntoView {
    let mut texts: Vec<&str> = vec![&question.text, &question.help];
    texts.extend(question.levels.iter().map(String::as_str));
    texts.extend(question.actions.iter().map(|a| a.text.as_str()));
    let terms = content::glossary().used_in(&texts);
    (!terms.is_empty()).then(|| {
        view! {
            <details class="glossary-terms">
                <summary>{t("question.words_explained")}</summary>
                <dl>
                    {terms.into_iter().map(|term| view! {
                        <dt>{term.term.clone()}</dt>
                        <dd>{term.explanation.clone()}</dd>
                    }).collect_view()}
                </dl>
            </details>
        }
    })
}
