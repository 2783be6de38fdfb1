//! The funder pack: one printable page a community organisation can hand to a funder or
//! a city grants officer: who it is, then, section by section (legal form, governance,
//! finances, safeguarding, policies, track record), what is in place and what is in
//! progress. It says plainly that it is a self-assessment, not a funder's decision.

use crate::components::grant_readiness::state_in_words;

use crate::core::grant::{CheckState, Verdict, SECTIONS};
use crate::core::instrument::Perspective;
use crate::core::route::Route;
use crate::i18n::{content, semicolon, t, tf};
use crate::pages::{page_title, title_within};
use crate::platform;
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn FunderPackPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let assessment = editor.assessment.get_untracked();
    platform::set_title(&title_within(&assessment.name, &page_title("pack.title")));
    let back = Route::Results {
        assessment: assessment.id.clone(),
    }
    .href();
    if assessment.perspective != Perspective::Cso {
        return view! {
            <h1 tabindex="-1">{t("pack.title")}</h1>
            <p>{t("pack.cso_only")}</p>
            <p><a href=back>{t("report.back")}</a></p>
        }
        .into_any();
    }
    let verdict = Verdict::of(content::funder_checks(), editor.instrument(), &assessment);
    let respondent = if assessment.respondent.trim().is_empty() {
        t("report.respondent_unknown")
    } else {
        assessment.respondent.clone()
    };
    let headline = if verdict.ready_to_apply() {
        t("grant.ready")
    } else {
        t("grant.not_ready")
    };
    let sections = SECTIONS
        .into_iter()
        .map(|key| {
            let checks = verdict.section(key);
            let (in_place, not_yet): (Vec<_>, Vec<_>) = checks
                .into_iter()
                .filter(|(_, s)| *s != CheckState::NotApplicable)
                .partition(|(_, s)| *s == CheckState::Met);
            view! {
                <section class="pack-section" aria-labelledby=format!("pack-{key}")>
                    <h2 id=format!("pack-{key}")>{t(&format!("pack.section.{}", key))}</h2>
                    <dl class="facts">
                        <dt>{t("pack.in_place")}</dt>
                        <dd>{if in_place.is_empty() { t("report.none") } else {
                            in_place.iter().map(|(c, _)| c.name.clone()).collect::<Vec<_>>().join(&semicolon())
                        }}</dd>
                        <dt>{t("pack.in_progress")}</dt>
                        <dd>{if not_yet.is_empty() { t("report.none") } else {
                            not_yet.iter().map(|(c, s)| format!("{} ({})", c.name, state_in_words(*s, c.met_at))).collect::<Vec<_>>().join(&semicolon())
                        }}</dd>
                    </dl>
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="report-tools">
            <button type="button" class="button primary" on:click=|_| platform::print()>{t("report.print")}</button>
            <a class="button" href=back>{t("report.back")}</a>
        </div>
        <article class="report funder-pack">
            <h1 tabindex="-1">{tf("pack.heading", &[("name", &assessment.name)])}</h1>
            <p class="notice" role="note">{t("grant.self_assessment")}</p>
            <section class="pack-section" aria-labelledby="pack-organisation">
                <h2 id="pack-organisation">{t("pack.section.organisation")}</h2>
                <dl class="facts">
                    <dt>{t("pack.organisation")}</dt><dd>{assessment.name.clone()}</dd>
                    <dt>{t("report.respondent")}</dt><dd>{respondent}</dd>
                    <dt>{t("report.answered_on")}</dt><dd>{crate::display::display_day(&assessment.updated_at)}</dd>
                    <dt>{t("pack.verdict")}</dt>
                    <dd data-testid="pack-verdict">{headline}" "{tf("grant.met_of", &[("met", &verdict.met()), ("total", &verdict.applicable())])}</dd>
                </dl>
            </section>
            {sections}
        </article>
    }
    .into_any()
}
