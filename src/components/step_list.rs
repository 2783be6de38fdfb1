//! The ten steps as a list of links, with each step's progress in words.

use crate::core::instrument::STEP_COUNT;
use crate::core::route::Route;
use crate::i18n::{content, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn StepList(current: u8) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = editor.assessment.with_untracked(|a| a.id.clone());
    let results_href = Route::Results {
        assessment: id.clone(),
    }
    .href();
    let plan_href = Route::Plan {
        assessment: id.clone(),
    }
    .href();
    // Rendered twice: a side list on wide screens, and on phones the same list folded
    // under one line, so that the first question is on the first screen. CSS shows one
    // (`display: none` takes the other out of the accessibility tree too).
    let list = move || {
        let id = id.clone();
        let results_href = results_href.clone();
        let plan_href = plan_href.clone();
        view! {
            <ol>
                {content::roadmap().steps.iter().map(|step| {
                    let number = step.number;
                    let href = Route::Step { assessment: id.clone(), step: number }.href();
                    let status = move || editor.profile.with(|p| {
                        let s = p.step(number);
                        let (answered, total) = s.map(|s| (s.answered(), s.total)).unwrap_or((0, 0));
                        let state = if total > 0 && answered == total { "done" } else if answered > 0 { "started" } else { "empty" };
                        (state, tf("progress.answered_of", &[("answered", &answered), ("total", &total)]))
                    });
                    view! {
                        <li class=move || format!("step-link {}", status().0)>
                            <a href=href aria-current=(number == current).then_some("step")>
                                <span class="step-number">{number}</span>
                                <span class="step-name">{step.short.clone()}</span>
                                <span class="step-status">{move || status().1}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
                <li class="step-link results">
                    <a href=results_href>{t("results.link")}</a>
                </li>
                <li class="step-link results">
                    <a href=plan_href>{t("plan.title")}</a>
                </li>
            </ol>
        }
    };
    view! {
        <div class="step-nav">
            <nav class="step-list step-list-wide" aria-label=t("step.list_label")>
                {list()}
            </nav>
            <details class="step-list step-list-fold">
                <summary>{tf("step.fold", &[("number", &current), ("total", &STEP_COUNT)])}</summary>
                <nav aria-label=t("step.list_label")>{list()}</nav>
            </details>
        </div>
    }
}
