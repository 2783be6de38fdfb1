//! One roadmap step of the questionnaire: its questions, progress, and the way on.

use crate::components::context_line::ContextLine;
use crate::components::earlier_answers::EarlierAnswersNotice;
use crate::components::grant_readiness::GrantReadiness;
use crate::components::progress::Progress;
use crate::components::question_card::QuestionCard;
use crate::components::save_status::SaveStatusLine;
use crate::components::step_list::StepList;
use crate::core::instrument::STEP_COUNT;
use crate::core::route::Route;
use crate::i18n::{content, t, tf};
use crate::pages::{page_title, title_within};
use crate::platform;
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn StepPage(step: u8) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (id, mode) = editor.assessment.with_untracked(|a| (a.id.clone(), a.mode));
    // The step as this perspective meets it (a community organisation's step 7 is
    // getting ready for a grant, not running a scheme).
    let title = editor
        .instrument()
        .step_title_or(step, content::roadmap())
        .to_owned();
    platform::set_title(&title_within(
        &tf("step.heading", &[("number", &step), ("title", &title)]),
        &page_title("app.questionnaire"),
    ));

    let questions: Vec<_> = editor.instrument().questions_in_step(step, mode).collect();
    let step_progress = move || {
        editor.profile.with(|p| {
            p.step(step)
                .map(|s| (s.answered(), s.total))
                .unwrap_or((0, 0))
        })
    };
    let overall_progress = move || editor.profile.with(|p| (p.answered, p.total));

    let previous = (step > 1).then(|| Route::Step {
        assessment: id.clone(),
        step: step - 1,
    });
    let next = if step < STEP_COUNT {
        (
            Route::Step {
                assessment: id.clone(),
                step: step + 1,
            }
            .href(),
            t("step.next"),
        )
    } else {
        (
            Route::Results {
                assessment: id.clone(),
            }
            .href(),
            t("step.see_results"),
        )
    };

    view! {
        <ContextLine />
        <div class="questionnaire">
            <StepList current=step />
            <div class="step-body">
                <h1 tabindex="-1">{tf("step.heading", &[("number", &step), ("title", &title)])}</h1>
                <p class="lead">{editor.instrument().step_summary(step).to_owned()}</p>
                <EarlierAnswersNotice />
                <div class="progress-pair">
                    <Progress label=t("step.progress_step") value=Signal::derive(step_progress) />
                    <Progress label=t("step.progress_overall") value=Signal::derive(overall_progress) />
                </div>
                {if questions.is_empty() {
                    view! { <p>{t("step.no_questions")}</p> }.into_any()
                } else {
                    questions.into_iter().enumerate().map(|(index, question)| view! {
                        <QuestionCard question number=format!("{step}.{}", index + 1) />
                    }).collect_view().into_any()
                }}
                {(step == 7).then(|| view! { <GrantReadiness /> })}
                <SaveStatusLine />
                <nav class="pager" aria-label=t("step.pager_label")>
                    {previous.map(|route| view! { <a class="button" rel="prev" href=route.href()>{t("step.previous")}</a> })}
                    <a class="button primary" rel="next" href=next.0>{next.1}</a>
                </nav>
            </div>
        </div>
    }
}
