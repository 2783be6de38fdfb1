//! "The roadmap": the ten steps and their sub-items, and for each the questions that
//! address it in either perspective; then the resource catalogue.

use crate::components::resource_list::ResourceList;
use crate::core::instrument::{Perspective, RoadmapStep};
use crate::i18n::{content, t, tf};
use leptos::prelude::*;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let roadmap = content::roadmap();
    let all_resources: &'static [String] = RESOURCE_IDS.get_or_init(|| {
        content::resources()
            .resources
            .iter()
            .map(|r| r.id.clone())
            .collect()
    });
    view! {
        <h1 tabindex="-1">{t("roadmap.title")}</h1>
        <p class="lead">{t("roadmap.intro")}</p>
        <p class="hint">{tf("roadmap.source", &[("source", &roadmap.source)])}</p>
        {roadmap.steps.iter().map(|step| view! { <StepSection step /> }).collect_view()}
        <section aria-labelledby="resources-heading">
            <h2 id="resources-heading">{t("roadmap.resources_heading")}</h2>
            <p>{t("roadmap.resources_intro")}</p>
            <ResourceList ids=all_resources />
        </section>
    }
}

static RESOURCE_IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

#[component]
fn StepSection(step: &'static RoadmapStep) -> impl IntoView {
    let heading_id = format!("roadmap-step-{}", step.number);
    let prerequisites = (!step.prerequisites.is_empty()).then(|| {
        let names: Vec<String> = step
            .prerequisites
            .iter()
            .filter_map(|n| content::roadmap().step(*n))
            .map(|s| {
                tf(
                    "roadmap.step_ref",
                    &[("number", &s.number), ("step", &s.short)],
                )
            })
            .collect();
        view! { <p class="hint">{tf("roadmap.builds_on", &[("steps", &names.join(", "))])}</p> }
    });
    let step_id = step.number.to_string();
    view! {
        <section class="roadmap-step" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{tf("step.heading", &[("number", &step.number), ("title", &step.title)])}</h2>
            <p>{step.summary.clone()}</p>
            {prerequisites}
            <ServingQuestions id=step_id.clone() heading=t("roadmap.whole_step") />
            {step.items.iter().map(|item| view! {
                <ServingQuestions id=item.id.clone() heading=format!("{} {}", item.id, item.text) />
            }).collect_view()}
        </section>
    }
}

/// The questions of both perspectives that serve one step or item.
#[component]
fn ServingQuestions(id: String, heading: String) -> impl IntoView {
    let lists: Vec<(Perspective, Vec<&'static crate::core::instrument::Question>)> =
        Perspective::ALL
            .into_iter()
            .map(|p| (p, content::instrument(p).serving(&id)))
            .filter(|(_, questions)| !questions.is_empty())
            .collect();
    (!lists.is_empty()).then(|| view! {
        <div class="serving" data-serves=id.clone()>
            <h3>{heading}</h3>
            <div class="serving-columns">
                {lists.into_iter().map(|(perspective, questions)| view! {
                    <div>
                        <h4>{t(&format!("perspective.{}", perspective.as_str()))}</h4>
                        <ul>
                            {questions.iter().map(|q| view! { <li>{q.text.clone()}</li> }).collect_view()}
                        </ul>
                        // The ids are for facilitators matching files and CSV rows.
                        <details class="question-ids">
                            <summary>{t("roadmap.ids_summary")}</summary>
                            <ul>
                                {questions.iter().map(|q| view! { <li><code>{q.id.clone()}</code></li> }).collect_view()}
                            </ul>
                        </details>
                    </div>
                }).collect_view()}
            </div>
        </div>
    })
}
