//! The printable report: a cover (name, perspective, dates, who filled it in, the overall
//! index), the radar with strengths and gaps, the step table, the action plan and every
//! note with its question. `style/print.css` lays it out on A4 or Letter; the browser's
//! print dialog saves it as PDF. For sharing (`#/a/<id>/report/shared`) it is the
//! report of `core::sharing::for_sharing`'s copy: the same scores, no note, no name of a
//! person, and the cover says what was left out.

use crate::components::data_table::{data_table, Cell, Row};
use crate::components::grant_readiness::GrantReadiness;
use crate::components::radar::Radar;
use crate::components::score_chart::BandLegend;
use crate::components::score_table::ScoreTable;
use crate::components::start_here::StartHere;
use crate::components::step_breakdown::answer_in_words;
use crate::core::plan::{self, Tracking};
use crate::core::route::Route;
use crate::core::scoring::CONFIDENCE_THRESHOLD;
use crate::core::sharing;
use crate::display::{band_name, format_percent, format_score};
use crate::i18n::{content, semicolon, t, tf};
use crate::pages::results::StrengthsAndGaps;
use crate::pages::{page_title, title_within};
use crate::platform;
use crate::state::Editor;
use leptos::prelude::*;

/// One row of the plan table.
struct PlanRow {
    step: Option<u8>,
    text: String,
    own: bool,
    resources: Vec<String>,
    tracking: Tracking,
}

/// One note, with its question and the answer it came with.
struct NoteEntry {
    question: String,
    answer: String,
    note: String,
}

fn plan_step_label(step: Option<u8>) -> String {
    step.map_or_else(|| t("report.whole_roadmap"), crate::display::step_label)
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        t("report.none")
    } else {
        text.to_owned()
    }
}

/// For a workshop's consensus: who agreed it, and beside each agreed answer what the
/// room had answered.
fn consensus_section(
    assessment: &crate::core::assessment::Assessment,
    instrument: &crate::core::instrument::Instrument,
) -> Option<AnyView> {
    let consensus = assessment.consensus.as_ref()?;
    let who = if consensus.labels.is_empty() {
        tf("report.consensus_of", &[("count", &consensus.participants)])
    } else {
        tf(
            "report.consensus_of_named",
            &[
                ("count", &consensus.participants),
                ("names", &consensus.labels.join(", ")),
            ],
        )
    };
    let rows: Vec<Row> = instrument
        .questions
        .iter()
        .filter_map(|q| {
            let agreed = assessment.response(&q.id);
            let spread = consensus.spread.get(&q.id);
            (agreed.is_some() || spread.is_some()).then(|| Row {
                class: "",
                cells: vec![
                    Cell::new(q.text.clone()),
                    Cell::new(answer_in_words(agreed)),
                    Cell::new(spread.map_or_else(
                        || t("results.no_value"),
                        |s| {
                            tf(
                                "report.room_spread",
                                &[
                                    ("answered", &s.answered),
                                    ("min", &s.min),
                                    ("max", &s.max),
                                    ("median", &crate::display::format_decimal(s.median)),
                                ],
                            )
                        },
                    )),
                    Cell::new(assessment.note(&q.id).to_owned()),
                ],
            })
        })
        .collect();
    let columns = vec![
        Cell::new(t("report.col_question")),
        Cell::new(t("report.col_agreed")),
        Cell::new(t("report.col_room")),
        Cell::new(t("report.col_rationale")),
    ];
    Some(
        view! {
            <section class="report-section" aria-labelledby="report-consensus-heading" data-testid="report-consensus">
                <h2 id="report-consensus-heading">{t("report.consensus_heading")}</h2>
                <p>{who}</p>
                <div class="table-scroll" role="region" aria-label=t("report.consensus_caption") tabindex="0">
                    {data_table("report-consensus", t("report.consensus_caption"), columns, 0, rows)}
                </div>
            </section>
        }
        .into_any(),
    )
}

/// On the cover of a report for sharing, or of an assessment imported from a shared
/// file: what was left out.
pub fn shared_notice(assessment: &crate::core::assessment::Assessment) -> Option<AnyView> {
    assessment.redaction.as_ref().map(|r| {
        view! {
            <div class="notice shared-notice" role="note" data-testid="shared-notice">
                <p><strong>{t("sharing.notice_heading")}</strong>" "{t("sharing.notice_body")}</p>
                <p class="hint">{tf("sharing.left_out_fields", &[("fields", &r.left_out.join(", "))])}</p>
            </div>
        }
        .into_any()
    })
}

#[component]
pub fn ReportPage(
    /// The report for sharing: no notes, no names of people.
    shared: bool,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let assessment = editor.assessment.get_untracked();
    let assessment = if shared {
        sharing::for_sharing(&assessment)
    } else {
        assessment
    };
    let redacted = assessment.redaction.is_some();
    let instrument = editor.instrument();
    platform::set_title(&title_within(&assessment.name, &page_title("report.title")));
    let today = crate::display::display_day(&platform::now_iso());

    let mut rows: Vec<PlanRow> = plan::rank(instrument, content::roadmap(), &assessment)
        .into_iter()
        .map(|p| PlanRow {
            step: Some(p.step),
            text: p.text.to_owned(),
            own: false,
            resources: p
                .resources
                .iter()
                .filter_map(|id| content::resources().get(id))
                .map(|r| r.name.clone())
                .collect(),
            tracking: assessment.tracking(&p.key),
        })
        .collect();
    rows.extend(assessment.plan.custom.iter().map(|c| PlanRow {
        step: c.step,
        text: if c.text.is_empty() && redacted {
            t("sharing.text_left_out")
        } else {
            c.text.clone()
        },
        own: true,
        resources: Vec::new(),
        tracking: c.tracking.clone(),
    }));

    let columns = vec![
        Cell::num(t("report.col_number")),
        Cell::new(t("report.col_step")),
        Cell::new(t("report.col_action")),
        Cell::new(t("report.col_resources")),
        Cell::new(t("report.col_status")),
        Cell::new(t("report.col_owner")),
        Cell::new(t("report.col_due")),
    ];
    let plan_empty = rows.is_empty();
    let rows: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .map(|(index, row)| Row {
            class: if row.own { "own" } else { "ranked" },
            cells: vec![
                Cell::num((index + 1).to_string()),
                Cell::new(plan_step_label(row.step)),
                Cell::new(row.text).tag(row.own.then(|| t("report.own_action"))),
                Cell::new(if row.resources.is_empty() {
                    t("report.none")
                } else {
                    row.resources.join(&semicolon())
                }),
                Cell::new(t(&format!(
                    "plan.status_name.{}",
                    row.tracking.status.key()
                ))),
                Cell::new(or_dash(&row.tracking.owner)),
                Cell::new(or_dash(&crate::display::display_day(&row.tracking.due))).class("nowrap"),
            ],
        })
        .collect();

    let notes: Vec<(u8, Vec<NoteEntry>)> = content::roadmap()
        .steps
        .iter()
        .filter_map(|step| {
            let entries: Vec<_> = instrument
                .questions
                .iter()
                .filter(|q| q.step == step.number)
                .filter_map(|q| {
                    let answer = assessment.answer(&q.id)?;
                    (!answer.note.trim().is_empty()).then(|| NoteEntry {
                        question: q.text.clone(),
                        answer: answer_in_words(answer.response),
                        note: answer.note.clone(),
                    })
                })
                .collect();
            (!entries.is_empty()).then_some((step.number, entries))
        })
        .collect();

    let overall = move || {
        editor.profile.with(|p| match p.overall {
            Some(_) => tf(
                "report.overall_value",
                &[
                    ("score", &format_score(p.overall)),
                    ("band", &band_name(p.band())),
                ],
            ),
            None => t("results.no_score"),
        })
    };
    // The percentage and the counts behind it, worded so that they agree.
    let completeness = move || {
        editor.profile.with(|p| {
            format!(
                "{} ({})",
                format_percent(p.completeness),
                crate::pages::results::completeness_in_words(p)
            )
        })
    };
    let weakest = move || {
        editor.profile.with(|p| {
            p.gaps(3)
                .into_iter()
                .map(crate::display::step_in_words)
                .collect::<Vec<_>>()
        })
    };
    let respondent = if redacted && assessment.respondent.is_empty() {
        t("sharing.respondent_left_out")
    } else if assessment.respondent.trim().is_empty() {
        t("report.respondent_unknown")
    } else {
        assessment.respondent.clone()
    };
    let mut facts = vec![
        (
            t("report.perspective"),
            t(&format!("perspective.{}", assessment.perspective.as_str())),
        ),
        (
            t("report.mode"),
            t(&format!("mode.{}", assessment.mode.as_str())),
        ),
        (t("report.respondent"), respondent),
        (
            t("report.answered_on"),
            crate::display::display_day(&assessment.updated_at),
        ),
        (t("report.printed_on"), today),
        (
            t("report.instrument"),
            tf(
                "report.instrument_version",
                &[
                    (
                        "perspective",
                        &t(&format!("perspective.{}", assessment.perspective.as_str())),
                    ),
                    ("version", &assessment.instrument.version),
                ],
            ),
        ),
    ];
    if let Some(tag) = &assessment.language {
        facts.push((t("report.language"), crate::display::language_name(tag)));
    }
    let results_href = Route::Results {
        assessment: assessment.id.clone(),
    }
    .href();
    // The other way to print it: for sharing, or with everything.
    let (other_href, other_label) = if shared {
        (
            Route::Report {
                assessment: assessment.id.clone(),
            }
            .href(),
            t("sharing.report_full"),
        )
    } else {
        (
            Route::SharedReport {
                assessment: assessment.id.clone(),
            }
            .href(),
            t("sharing.report_shared"),
        )
    };
    let notes_empty = if redacted {
        t("sharing.notes_left_out")
    } else {
        t("report.notes_empty")
    };

    view! {
        <div class="report-tools">
            <button type="button" class="button primary" on:click=|_| platform::print()>{t("report.print")}</button>
            <a class="button" href=results_href>{t("report.back")}</a>
            <a class="button" href=other_href>{other_label}</a>
            <p class="hint">{t("report.print_hint")}</p>
        </div>
        <article class="report">
            <header class="cover" data-testid="report-cover">
                <p class="cover-kind">{t("report.kind")}</p>
                <h1 tabindex="-1">{assessment.name.clone()}</h1>
                <p class="cover-roadmap">{tf("report.roadmap", &[("roadmap", &content::roadmap().title)])}</p>
                {shared_notice(&assessment)}
                <dl class="facts cover-facts" aria-label=t("report.facts_label")>
                    {facts.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}
                </dl>
                <dl class="facts big cover-score">
                    <dt>{t("report.overall")}</dt>
                    <dd data-testid="report-overall">{overall}</dd>
                    <dt>{t("report.completeness")}</dt>
                    <dd>{completeness}</dd>
                </dl>
                {move || {
                    let weakest = weakest();
                    (!weakest.is_empty()).then(|| view! {
                        <section class="cover-weakest" aria-labelledby="cover-weakest-heading">
                            <h2 id="cover-weakest-heading">{t("report.weakest_heading")}</h2>
                            <ul data-testid="report-weakest">
                                {weakest.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                            </ul>
                        </section>
                    })
                }}
                <StartHere />
                <p class="cover-privacy">{t("report.privacy")}</p>
            </header>
            // Repeated at the foot of every printed page (a fixed element prints on each).
            <p class="print-footer" aria-hidden="true">{tf("report.footer", &[("name", &assessment.name)])}</p>

            <section class="report-section report-profile" aria-labelledby="report-profile-heading">
                <h2 id="report-profile-heading">{t("report.profile_heading")}</h2>
                <div class="keep-together">
                    <Radar />
                    <BandLegend />
                </div>
                <StrengthsAndGaps />
            </section>

            <GrantReadiness />
            {consensus_section(&assessment, instrument)}
            <section class="report-section" aria-labelledby="report-steps-heading">
                <h2 id="report-steps-heading">{t("report.steps_heading")}</h2>
                <ScoreTable />
            </section>

            <section class="report-section" aria-labelledby="report-plan-heading">
                <h2 id="report-plan-heading">{t("report.plan_heading")}</h2>
                {if plan_empty {
                    view! { <p>{t("report.plan_empty")}</p> }.into_any()
                } else {
                    view! {
                        <p>{t("report.plan_intro")}</p>
                        <div class="table-scroll" role="region" aria-label=t("report.plan_caption") tabindex="0">
                        {data_table("report-plan", t("report.plan_caption"), columns, 2, rows)}
                        </div>
                    }.into_any()
                }}
            </section>

            <section class="report-section report-notes" aria-labelledby="report-notes-heading">
                <h2 id="report-notes-heading">{t("report.notes_heading")}</h2>
                {if notes.is_empty() {
                    view! { <p>{notes_empty}</p> }.into_any()
                } else {
                    view! {
                        <p>{t("report.notes_intro")}</p>
                        {notes.into_iter().map(|(number, entries)| view! {
                            <h3>{tf("report.notes_step", &[("number", &number), ("step", &instrument.step_title_or(number, content::roadmap()))])}</h3>
                            <dl class="notes">
                                {entries.into_iter().map(|NoteEntry { question, answer, note }| view! {
                                    <div class="note-entry">
                                        <dt>{question}</dt>
                                        <dd class="note-answer">{tf("report.note_answer", &[("answer", &answer)])}</dd>
                                        <dd class="note-text">{note}</dd>
                                    </div>
                                }).collect_view()}
                            </dl>
                        }).collect_view()}
                    }.into_any()
                }}
            </section>

            <section class="report-section report-method" aria-labelledby="report-method-heading">
                <h2 id="report-method-heading">{t("report.method_heading")}</h2>
                <p>{tf("report.method_body", &[("threshold", &format_percent(Some(CONFIDENCE_THRESHOLD)))])}</p>
            </section>
        </article>
    }
}
