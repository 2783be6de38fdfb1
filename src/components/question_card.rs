//! One question: its text and help, five described levels plus "Not applicable" and
//! "Don't know" as one radio group, and a note. Every change goes through the Editor:
//! a level is saved at once, the note after a pause in typing or on leaving the field.

use crate::components::earlier_answers::EarlierAnswerHint;
use crate::components::glossary_terms::GlossaryTerms;
use crate::components::limited_text::fitted_value;
use crate::core::assessment::Response;
use crate::core::format::{self, MAX_TEXT_CHARS};
use crate::core::instrument::{Level, Question};
use crate::i18n::{grouped, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

/// The note's count shows once it is within this many characters of the limit.
const COUNT_SHOWN_WITHIN: usize = 1_000;

#[component]
pub fn QuestionCard(question: &'static Question, number: String) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let qid = question.id.as_str();
    let help_id = format!("{qid}-help");
    let note_id = format!("{qid}-note");

    let choices: Vec<(Response, String, Option<&'static str>)> = Level::ALL
        .into_iter()
        .map(|level| {
            (
                Response::Level(level),
                tf("question.level", &[("level", &level)]),
                Some(question.descriptor(level)),
            )
        })
        .chain([
            (Response::NotApplicable, t("question.not_applicable"), None),
            (Response::DontKnow, t("question.dont_know"), None),
        ])
        .collect();

    let has_response = move || editor.assessment.with(|a| a.response(qid).is_some());
    // Follows the assessment, so a note saved in another tab shows here too. Setting a
    // textarea to the value it already has leaves the caret where it is.
    let note = move || editor.assessment.with(|a| a.note(qid).to_owned());
    // Counted as the file format counts, in characters; shown near the limit.
    let count = move || editor.assessment.with(|a| format::text_chars(a.note(qid)));
    let cut = RwSignal::new(false);
    let show_count = move || cut.get() || count() + COUNT_SHOWN_WITHIN > MAX_TEXT_CHARS;
    let count_id = format!("{qid}-note-count");
    let describe_count = count_id.clone();

    view! {
        <fieldset class="question" id=qid aria-describedby=help_id.clone()>
            <legend><span class="number">{number}</span>" "{question.text.clone()}</legend>
            <p class="help" id=help_id.clone()>{question.help.clone()}</p>
            <GlossaryTerms question />
            <EarlierAnswerHint question_id=qid />
            <div class="levels">
                {choices.into_iter().map(|(response, label, descriptor)| {
                    let input_id = format!("{qid}-{}", response_slug(response));
                    let checked = move || editor.assessment.with(|a| a.response(qid) == Some(response));
                    view! {
                        <div class="level" class:selected=checked>
                            <input type="radio" name=qid id=input_id.clone()
                                prop:checked=checked
                                on:change=move |_| editor.change(|a, now| a.set_response(qid, Some(response), now)) />
                            <label for=input_id>
                                <span class="level-name">{label}</span>
                                {descriptor.map(|d| view! { <span class="descriptor">{d}</span> })}
                            </label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="question-tools">
                <button type="button" class="link-button"
                    disabled=move || !has_response()
                    on:click=move |_| editor.change(|a, now| a.set_response(qid, None, now))>
                    {t("question.clear")}
                </button>
            </div>
            <div class="field note">
                <label for=note_id.clone()>{t("question.note")}</label>
                // The file format refuses longer notes; never write what cannot be read
                // back. Not `maxlength`, which counts UTF-16 units, not characters.
                <textarea id=note_id rows="2" prop:value=note
                    aria-describedby=move || show_count().then(|| describe_count.clone())
                    on:input=move |ev| {
                        let before = editor.assessment.with_untracked(|a| a.note(qid).to_owned());
                        let (text, was_cut) = fitted_value(&ev, &before);
                        cut.set(was_cut);
                        // A keystroke kept out entirely changes nothing to save.
                        if text != before {
                            editor.change_text(|a, now| a.set_note(qid, &text, now));
                        }
                    }
                    // Written after a pause in typing, or now, when the field is left.
                    on:blur=move |_| editor.flush()></textarea>
                <Show when=show_count>
                    <p class="hint note-count" id=count_id.clone()>
                        {move || tf("question.note_count", &[("count", &grouped(count())), ("max", &grouped(MAX_TEXT_CHARS))])}
                    </p>
                </Show>
                <p class="error note-full" role="status">
                    {move || cut.get().then(|| tf("question.note_full", &[("max", &grouped(MAX_TEXT_CHARS))]))}
                </p>
            </div>
        </fieldset>
    }
}

fn response_slug(response: Response) -> String {
    match response {
        Response::Level(level) => format!("level-{level}"),
        Response::NotApplicable => "not-applicable".into(),
        Response::DontKnow => "dont-know".into(),
    }
}
