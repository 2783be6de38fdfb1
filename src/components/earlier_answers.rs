//! Answers given to questions that this version of the questionnaire has retired:
//! a notice listing them when the assessment is open, and a hint beside each question
//! that replaces one. Never an answer: the person chooses the level that fits now.

use crate::core::assessment::{Answer, Response};
use crate::core::retired::{self, EarlierAnswer};
use crate::core::route::Route;
use crate::i18n::{colon, semicolon, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

/// "Level 2", "Not applicable", "Don't know" or "No answer, a note only".
fn response_in_words(answer: &Answer) -> String {
    match answer.response {
        Some(Response::Level(level)) => tf("question.level", &[("level", &level)]),
        Some(Response::NotApplicable) => t("question.not_applicable"),
        Some(Response::DontKnow) => t("question.dont_know"),
        None => t("earlier.note_only"),
    }
}

/// One line per earlier answer: the old id, the answer, and where it now belongs.
fn line(id: &str, earlier: &EarlierAnswer, editor: &Editor) -> AnyView {
    let response = response_in_words(earlier.answer);
    let successor = earlier
        .retired
        .replaced_by
        .as_deref()
        .and_then(|q| editor.instrument().question(q));
    match successor {
        Some(question) => {
            let href = Route::Step {
                assessment: id.to_owned(),
                step: question.step,
            }
            .href();
            view! {
                <li>
                    <code>{earlier.retired.id.clone()}</code>{colon()}{response}{semicolon()}
                    <a href=href>{tf("earlier.now_in_step", &[("step", &question.step)])}</a>
                </li>
            }
            .into_any()
        }
        None => view! {
            <li><code>{earlier.retired.id.clone()}</code>{colon()}{response}{semicolon()}{t("earlier.no_successor")}</li>
        }
        .into_any(),
    }
}

/// The notice on an assessment that holds answers to retired questions.
#[component]
pub fn EarlierAnswersNotice() -> impl IntoView {
    let editor = expect_context::<Editor>();
    move || {
        editor.assessment.with(|a| {
            let earlier = retired::earlier_answers(editor.instrument(), a);
            (!earlier.is_empty()).then(|| {
                let version = a.instrument.version.clone();
                let lines = earlier
                    .iter()
                    .map(|e| line(&a.id, e, &editor))
                    .collect_view();
                view! {
                    <section class="notice earlier" aria-labelledby="earlier-heading">
                        <h2 id="earlier-heading">{t("earlier.heading")}</h2>
                        <p>{if earlier.len() == 1 {
                            tf("earlier.body_one", &[("version", &version), ("current", &editor.instrument().version)])
                        } else {
                            tf("earlier.body", &[
                                ("count", &earlier.len()),
                                ("version", &version),
                                ("current", &editor.instrument().version),
                            ])
                        }}</p>
                        <details>
                            <summary>{t("earlier.list")}</summary>
                            <ul>{lines}</ul>
                        </details>
                    </section>
                }
            })
        })
    }
}

/// Beside a question: what was answered to the retired question it replaces.
#[component]
pub fn EarlierAnswerHint(question_id: &'static str) -> impl IntoView {
    let editor = expect_context::<Editor>();
    move || {
        editor.assessment.with(|a| {
            retired::hints_for(editor.instrument(), a, question_id)
                .into_iter()
                .map(|e| {
                    let note = (!e.answer.note.is_empty())
                        .then(|| tf("earlier.hint_note", &[("note", &e.answer.note)]));
                    view! {
                        <div class="earlier-answer">
                            <p>{tf("earlier.hint", &[
                                ("id", &e.retired.id),
                                ("since", &e.retired.since),
                                ("response", &response_in_words(e.answer)),
                            ])}</p>
                            {note.map(|n| view! { <p>{n}</p> })}
                            <p>{tf("earlier.hint_reason", &[("reason", &e.retired.reason)])}</p>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}
