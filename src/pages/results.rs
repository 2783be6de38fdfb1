//! Results: the overall index, strengths and gaps in words, the profile as a radar and
//! as bars with the table that says the same, how each step score was made, the links
//! to the plan, the report and the rules, and the export.

use crate::components::context_line::ContextLine;
use crate::components::export_choices::ExportChoices;
use crate::components::grant_readiness::GrantReadiness;
use crate::components::radar::Radar;
use crate::components::score_chart::{BandLegend, ScoreChart};
use crate::components::score_table::ScoreTable;
use crate::components::snapshots::SaveSnapshot;
use crate::components::start_here::StartHere;
use crate::components::step_breakdown::StepBreakdowns;
use crate::core::instrument::Mode;
use crate::core::route::Route;
use crate::display::{band_name, format_percent, format_score, step_in_words};
use crate::i18n::{t, tf, tn};
use crate::pages::{page_title, title_within};
use crate::platform;
use crate::state::Editor;
use leptos::prelude::*;

/// The three strongest and the three weakest steps, in words.
#[component]
pub fn StrengthsAndGaps() -> impl IntoView {
    let editor = expect_context::<Editor>();
    move || {
        editor.profile.with(|p| {
            let strengths: Vec<String> = p.strengths(3).into_iter().map(step_in_words).collect();
            let gaps: Vec<String> = p.gaps(3).into_iter().map(step_in_words).collect();
            let gaps_empty = if strengths.is_empty() {
                t("results.no_strengths")
            } else {
                t("results.no_gaps")
            };
            let lists = [
                (t("results.strengths"), strengths, t("results.no_strengths"), "strengths"),
                (t("results.gaps"), gaps, gaps_empty, "gaps"),
            ];
            view! {
                <div class="strengths-gaps">
                    {lists.into_iter().map(|(heading, items, empty, testid)| view! {
                        <div>
                            <h3>{heading}</h3>
                            {items.is_empty().then(|| view! { <p data-testid=testid>{empty}</p> })}
                            {(!items.is_empty()).then(|| view! {
                                <ul data-testid=testid>
                                    {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                                </ul>
                            })}
                        </div>
                    }).collect_view()}
                </div>
            }
        })
    }
}

/// "14 answered; 2 “Don't know” do not count, so 12 of 14 are scored": the figures
/// behind completeness, worded so that they never contradict each other.
pub fn completeness_in_words(p: &crate::core::scoring::Profile) -> String {
    let (scored, in_scope) = (p.scored(), p.in_scope());
    match p.dont_know() {
        0 => tf(
            "results.completeness_plain",
            &[("scored", &scored), ("in_scope", &in_scope)],
        ),
        1 => tf(
            "results.completeness_dont_know_one",
            &[
                ("answered", &(scored + 1)),
                ("scored", &scored),
                ("in_scope", &in_scope),
            ],
        ),
        n => tf(
            "results.completeness_dont_know",
            &[
                ("answered", &(scored + n)),
                ("dont_know", &n),
                ("scored", &scored),
                ("in_scope", &in_scope),
            ],
        ),
    }
}

/// For a quick check: one button turns it into the full assessment, keeping everything.
#[component]
pub fn UpgradeToFull() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let quick = move || editor.assessment.with(|a| a.mode == Mode::Quick);
    view! {
        <Show when=quick>
            <section class="upgrade" aria-labelledby="upgrade-heading">
                <h2 id="upgrade-heading">{t("results.upgrade_heading")}</h2>
                <p>{t("results.upgrade_body")}</p>
                <p><button type="button" class="button" on:click=move |_| editor.change(|a, now| a.make_full(now))>{t("results.upgrade")}</button></p>
            </section>
        </Show>
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let (id, name) = editor
        .assessment
        .with_untracked(|a| (a.id.clone(), a.name.clone()));
    platform::set_title(&title_within(&name, &page_title("results.title")));
    let overall = move || {
        editor.profile.with(|p| {
            view! {
                <dl class="facts big">
                    <dt>{t("results.overall_score")}</dt>
                    <dd data-testid="overall-score">{format_score(p.overall)}</dd>
                    <dt>{t("results.band")}</dt>
                    <dd data-testid="overall-band">{p.band().map_or_else(|| t("results.no_score"), |b| band_name(Some(b)))}</dd>
                    <dt>{t("results.completeness")}</dt>
                    <dd data-testid="overall-completeness">{format_percent(p.completeness)}</dd>
                </dl>
                <p data-testid="completeness-words">{completeness_in_words(p)}</p>
                {p.low_confidence().then(|| {
                    let lift = tn("results.lift_confidence", p.to_confidence() as u64, &[]);
                    view! {
                        <p class="flag-note" data-testid="overall-confidence"><span class="flag">{t("results.low_confidence")}</span>" "{t("results.overall_low_confidence")}" "{lift}</p>
                    }
                })}
            }
        })
    };

    view! {
        <ContextLine />
        <h1 tabindex="-1">{tf("results.heading", &[("name", &name)])}</h1>
        <nav class="more-links" aria-label=t("results.more_label")>
            <ul>
                <li><a class="button primary" href=Route::Report { assessment: id.clone() }.href()>{t("results.to_report")}</a></li>
                <li><a class="button" href=Route::Plan { assessment: id.clone() }.href()>{t("results.to_plan")}</a></li>
                <li><a class="button" href=Route::Scoring.href()>{t("results.to_scoring")}</a></li>
            </ul>
        </nav>
        <section class="summary" aria-labelledby="overall-heading">
            <h2 id="overall-heading">{t("results.overall_heading")}</h2>
            {overall}
            <p class="hint">{t("results.scoring_rule")}" "<a href=Route::Scoring.href()>{t("results.scoring_link")}</a></p>
        </section>
        <StartHere />
        <GrantReadiness />
        <UpgradeToFull />
        <section aria-labelledby="strengths-heading">
            <h2 id="strengths-heading">{t("results.strengths_heading")}</h2>
            <StrengthsAndGaps />
        </section>
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t("results.profile_heading")}</h2>
            <BandLegend />
            <div class="charts">
                <Radar />
                <ScoreChart />
            </div>
            <ScoreTable />
        </section>
        <section aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading">{t("results.breakdown_heading")}</h2>
            <p>{t("results.breakdown_intro")}</p>
            <StepBreakdowns />
        </section>
        <SaveSnapshot id=id.clone() />
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{t("results.export_heading")}</h2>
            <p>{t("results.export_body")}</p>
            <p><button type="button" class="button primary" on:click=move |_| editor.export_json()>{t("results.export_json")}</button></p>
            <ExportChoices id=id.clone()
                assessment=Signal::derive(move || Some(editor.assessment.get()))
                name=Signal::derive(move || editor.assessment.with(|a| a.name.clone())) />
        </section>
        <p><a class="button" href=Route::Step { assessment: id, step: 1 }.href()>{t("results.back_to_questions")}</a></p>
    }
}
