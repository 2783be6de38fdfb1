//! "New assessment": perspective, quick or full, the name, who fills it in, and whether
//! this is a shared computer (the assessment then lives only in this tab's session
//! storage: `core::library::session`).

use crate::core::assessment::NewAssessment;
use crate::core::instrument::{Mode, Perspective};
use crate::core::library::session::Place;
use crate::core::route::Route;
use crate::i18n::{content, describe_storage_error, t, tf};
use crate::platform;
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn NewAssessmentPage() -> impl IntoView {
    let library = expect_context::<Library>();
    let perspective = RwSignal::new(Perspective::City);
    // The quick check first: a first-time visitor sees results in about ten minutes.
    let mode = RwSignal::new(Mode::Quick);
    let name = RwSignal::new(String::new());
    let respondent = RwSignal::new(String::new());
    let shared_computer = RwSignal::new(false);
    let name_error = RwSignal::new(false);
    let save_error = RwSignal::new(None::<String>);
    let name_ref = NodeRef::<leptos::html::Input>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get_untracked().trim().is_empty() {
            name_error.set(true);
            if let Some(input) = name_ref.get() {
                let _ = input.focus();
            }
            return;
        }
        let place = if shared_computer.get_untracked() {
            Place::Session
        } else {
            Place::Local
        };
        let created = library.create(
            NewAssessment {
                perspective: perspective.get_untracked(),
                mode: mode.get_untracked(),
                name: name.get_untracked(),
                respondent: respondent.get_untracked(),
            },
            place,
        );
        match created {
            Ok(assessment) => platform::navigate(
                &Route::Step {
                    assessment: assessment.id,
                    step: 1,
                }
                .href(),
            ),
            Err(error) => save_error.set(Some(describe_storage_error(&error))),
        }
    };

    let name_label = move || match perspective.get() {
        Perspective::City => t("new.name_city"),
        Perspective::Cso => t("new.name_cso"),
    };
    let question_count = move |m: Mode| {
        content::instrument(perspective.get())
            .questions_in_scope(m)
            .count()
    };

    view! {
        <h1 tabindex="-1">{t("new.title")}</h1>
        <form class="stack" on:submit=submit novalidate>
            <fieldset>
                <legend>{t("new.perspective")}</legend>
                {Perspective::ALL.into_iter().map(|p| {
                    let id = format!("perspective-{}", p.as_str());
                    let hint = format!("{id}-hint");
                    view! {
                        <div class="choice">
                            <input type="radio" name="perspective" id=id.clone() value=p.as_str()
                                aria-describedby=hint.clone()
                                prop:checked=move || perspective.get() == p
                                on:change=move |_| perspective.set(p) />
                            <label for=id>{t(&format!("perspective.{}", p.as_str()))}</label>
                            <p class="hint" id=hint>{t(&format!("new.perspective_hint.{}", p.as_str()))}</p>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>{t("new.mode")}</legend>
                {[Mode::Quick, Mode::Full].into_iter().map(|m| {
                    let id = format!("mode-{}", m.as_str());
                    let hint = format!("{id}-hint");
                    view! {
                        <div class="choice">
                            <input type="radio" name="mode" id=id.clone() value=m.as_str()
                                aria-describedby=hint.clone()
                                prop:checked=move || mode.get() == m
                                on:change=move |_| mode.set(m) />
                            <label for=id>{t(&format!("mode.{}", m.as_str()))}</label>
                            <p class="hint" id=hint>
                                {move || tf(&format!("new.mode_hint.{}", m.as_str()), &[("count", &question_count(m))])}
                            </p>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="assessment-name">{name_label}</label>
                <input id="assessment-name" type="text" required autocomplete="organization"
                    node_ref=name_ref
                    aria-invalid=move || name_error.get().then_some("true")
                    aria-describedby=move || name_error.get().then_some("assessment-name-error")
                    prop:value=move || name.get()
                    on:input=move |ev| { name.set(event_target_value(&ev)); name_error.set(false); } />
                <Show when=move || name_error.get()>
                    <p class="error" id="assessment-name-error">{t("new.name_required")}</p>
                </Show>
            </div>
            <div class="field">
                <label for="assessment-respondent">{t("new.respondent")}</label>
                <p class="hint" id="assessment-respondent-hint">{t("new.respondent_hint")}</p>
                <input id="assessment-respondent" type="text" autocomplete="name"
                    aria-describedby="assessment-respondent-hint"
                    prop:value=move || respondent.get()
                    on:input=move |ev| respondent.set(event_target_value(&ev)) />
            </div>
            <div class="field choice">
                <input type="checkbox" id="shared-computer" aria-describedby="shared-computer-hint"
                    prop:checked=move || shared_computer.get()
                    on:change=move |ev| shared_computer.set(event_target_checked(&ev)) />
                <label for="shared-computer">{t("session.checkbox")}</label>
                <p class="hint" id="shared-computer-hint">{t("session.checkbox_hint")}</p>
            </div>
            {move || save_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <p><button type="submit" class="button primary">{t("new.start")}</button></p>
        </form>
    }
}
