//! "Start here": the first three actions of the plan, one line each with their step,
//! linking to the plan. The same three the plan lists first, in the same order.

use crate::core::plan::{self, DO_FIRST};
use crate::core::route::Route;
use crate::i18n::{colon, content, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn StartHere() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let id = editor.assessment.with_untracked(|a| a.id.clone());
    let plan_href = Route::Plan { assessment: id }.href();
    let first = move || {
        editor.assessment.with(|a| {
            plan::rank(editor.instrument(), content::roadmap(), a)
                .into_iter()
                .take(DO_FIRST)
                .map(|p| {
                    // "Step 4: Advisory board", not "4. Advisory board" inside a numbered list.
                    let short = content::roadmap()
                        .step(p.step)
                        .map_or("", |s| s.short.as_str());
                    (
                        tf("plan.step_label", &[("number", &p.step), ("step", &short)]),
                        p.text,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="start-here" aria-labelledby="start-here-heading" data-testid="start-here">
            <h2 id="start-here-heading">{t("start_here.heading")}</h2>
            {move || {
                let actions = first();
                if actions.is_empty() {
                    view! { <p>{t("start_here.none")}</p> }.into_any()
                } else {
                    view! {
                        <ol>
                            {actions.into_iter().map(|(step, text)| view! {
                                <li><span class="plan-step">{step}{colon()}</span>{text}</li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
            <p class="no-print"><a href=plan_href.clone()>{t("start_here.to_plan")}</a></p>
        </section>
    }
}
