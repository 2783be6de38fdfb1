//! Change over time (`#/a/<id>/change`): any two states of one assessment, its
//! snapshots or the assessment as saved now, side by side. Per step both scores and
//! the change in words ("up 12 points, from Developing to Established"), a radar of
//! both, the questions whose answer moved, the actions marked done in between, and own
//! actions added or removed. The assessment need not be here: the snapshots of one that
//! was deleted, or imported from elsewhere, compare with each other.

use crate::components::data_table::{data_table, Cell, Row};
use crate::components::radar::{radar_figure, svg, Chart};
use crate::components::snapshots::SaveSnapshot;
use crate::components::step_breakdown::answer_in_words;
use crate::core::assessment::Assessment;
use crate::core::change::{self, ActionRef, ScoreChange};
use crate::display::{band_name, display_date, format_score, step_label};
use crate::i18n::{content, t, tf};
use crate::pages::{page_title, title_within};
use crate::platform;
use crate::state::Library;
use leptos::prelude::*;

/// "40 (Developing)", or "–".
fn score_and_band(score: Option<f64>) -> String {
    match score {
        Some(s) => tf(
            "change.score_band",
            &[
                ("score", &format_score(Some(s))),
                ("band", &band_name(Some(crate::core::scoring::Band::of(s)))),
            ],
        ),
        None => format_score(None),
    }
}

/// The change of one score in words: "up 12 points, from Developing to Established",
/// "down 1 point, still Developing", "no change, still Established", "newly scored",
/// "no longer scored", or "–" when neither state has a score.
pub fn change_in_words(score: &ScoreChange) -> String {
    let (Some(delta), (Some(from), Some(to))) = (score.shown_delta(), score.bands()) else {
        return match (score.before, score.after) {
            (None, Some(_)) => t("change.newly_scored"),
            (Some(_), None) => t("change.no_longer_scored"),
            _ => format_score(None),
        };
    };
    let points = delta.unsigned_abs();
    let movement = match (delta.signum(), points) {
        (0, _) => t("change.no_change"),
        (1, 1) => t("change.up_one"),
        (1, _) => tf("change.up", &[("points", &points)]),
        (_, 1) => t("change.down_one"),
        _ => tf("change.down", &[("points", &points)]),
    };
    let bands = if from == to {
        tf("change.still", &[("band", &band_name(Some(to)))])
    } else {
        tf(
            "change.from_to",
            &[
                ("from", &band_name(Some(from))),
                ("to", &band_name(Some(to))),
            ],
        )
    };
    tf(
        "change.in_words",
        &[("movement", &movement), ("bands", &bands)],
    )
}

/// A state's name in the pickers and the table's headings.
fn state_label(state: Option<&Assessment>) -> String {
    match state.and_then(|s| s.snapshot.as_ref()) {
        Some(mark) => mark.label.clone(),
        None => t("change.now"),
    }
}

fn action_list(items: &[ActionRef], testid: &'static str) -> AnyView {
    view! {
        <ul data-testid=testid>
            {items.iter().map(|a| {
                let step = a.step.map_or_else(|| t("report.whole_roadmap"), step_label);
                view! {
                    <li>{a.text.clone()}" ("{step}")"{a.own.then(|| view! { " " <span class="tag">{t("report.own_action")}</span> })}</li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn ChangePage(assessment: String, from: Option<String>) -> impl IntoView {
    let library = expect_context::<Library>();
    let id = assessment;
    let live = {
        let id = id.clone();
        Memo::new(move |_| library.item(&id).map(|i| i.assessment))
    };
    let snapshots = {
        let id = id.clone();
        Memo::new(move |_| library.snapshots_of(&id))
    };
    let mark_id = |s: &Assessment| s.snapshot.as_ref().map_or(String::new(), |m| m.id.clone());
    // A choice is a snapshot id, or "" for the assessment now. By default the oldest
    // snapshot (or the one the link named) beside now; without the assessment, the
    // oldest snapshot beside the latest.
    let (first, last) = snapshots.with_untracked(|list| {
        (
            list.first().map(mark_id).unwrap_or_default(),
            list.last().map(mark_id).unwrap_or_default(),
        )
    });
    let has_live = live.with_untracked(Option::is_some);
    let from_choice = RwSignal::new(from.unwrap_or(first));
    let to_choice = RwSignal::new(if has_live { String::new() } else { last });
    let name = live
        .with_untracked(|a| a.as_ref().map(|a| a.name.clone()))
        .unwrap_or_else(|| {
            snapshots.with_untracked(|l| l.last().map(|s| s.name.clone()).unwrap_or_default())
        });
    platform::set_title(&title_within(&name, &page_title("change.title")));

    let state = move |choice: &str| -> Option<Assessment> {
        if choice.is_empty() {
            live.get()
        } else {
            snapshots.with(|l| l.iter().find(|s| mark_id(s) == choice).cloned())
        }
    };
    // `None`: a state is missing; `Some(None)`: of two perspectives, not comparable.
    let compared = move || {
        let (before, after) = (state(&from_choice.get())?, state(&to_choice.get())?);
        if before.perspective != after.perspective {
            return Some(None);
        }
        let instrument = content::instrument(after.perspective);
        let labels = (state_label(Some(&before)), state_label(Some(&after)));
        Some(Some((labels, change::between(instrument, &before, &after))))
    };
    let options = move || {
        let mut list: Vec<(String, String)> = snapshots.with(|l| {
            l.iter()
                .map(|s| {
                    let taken = s.snapshot.as_ref().map_or("", |m| m.taken_at.as_str());
                    (
                        mark_id(s),
                        tf(
                            "change.option",
                            &[
                                ("label", &state_label(Some(s))),
                                ("time", &display_date(taken)),
                            ],
                        ),
                    )
                })
                .collect()
        });
        if live.with(Option::is_some) {
            list.push((String::new(), t("change.now")));
        }
        list
    };
    let picker = move |field: &'static str, label: String, chosen: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=field>{label}</label>
                <select id=field on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || options().into_iter().map(|(value, text)| {
                        let current = value.clone();
                        view! { <option value=value selected=move || chosen.get() == current>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let count = move || snapshots.with(Vec::len) + usize::from(live.with(Option::is_some));
    let enough = move || count() >= 2;
    let question_text = move |id: &str| {
        live.with(|a| a.as_ref().map(|a| a.perspective))
            .or_else(|| snapshots.with(|l| l.first().map(|s| s.perspective)))
            .and_then(|p| content::instrument(p).question(id))
            .map_or_else(|| id.to_owned(), |q| q.text.clone())
    };

    view! {
        <h1 tabindex="-1">{tf("change.heading", &[("name", &name)])}</h1>
        <p class="lead">{t("change.intro")}</p>
        {has_live.then(|| view! { <SaveSnapshot id=id.clone() /> })}
        {move || (!enough()).then(|| view! { <p data-testid="change-none">{t("change.need_two")}</p> })}
        <Show when=enough>
            <div class="library-controls" role="group" aria-label=t("change.pick_label")>
                {picker("change-from", t("change.from"), from_choice)}
                {picker("change-to", t("change.to"), to_choice)}
            </div>
        </Show>
        {move || match compared() {
            None => ().into_any(),
            Some(None) => view! { <p role="alert">{t("change.other_perspective")}</p> }.into_any(),
            Some(Some(((before, after), change))) => {
                let nothing = change.is_empty();
                let scores = |pick: fn(&ScoreChange) -> Option<f64>| -> Vec<Option<f64>> {
                    change.steps.iter().map(|s| pick(&s.score)).collect()
                };
                let chart = Chart::Two([
                    (before.clone(), scores(|s| s.before)),
                    (after.clone(), scores(|s| s.after)),
                ]);
                let step_rows = std::iter::once((t("change.overall"), change.overall))
                    .chain(change.steps.iter().map(|s| (step_label(s.step), s.score)))
                    .map(|(label, score)| Row {
                        class: "",
                        cells: vec![
                            Cell::new(label),
                            Cell::num(score_and_band(score.before)),
                            Cell::num(score_and_band(score.after)),
                            Cell::new(change_in_words(&score)),
                        ],
                    })
                    .collect();
                let columns = || vec![
                    Cell::new(t("results.col_step")),
                    Cell::num(before.clone()),
                    Cell::num(after.clone()),
                    Cell::new(t("change.col_change")),
                ];
                let moved_count = change.moved.len();
                let moved_rows = change.moved.iter().map(|m| Row {
                    class: "",
                    cells: vec![
                        Cell::new(step_label(m.step)),
                        Cell::new(question_text(&m.question)),
                        Cell::new(answer_in_words(m.from)),
                        Cell::new(answer_in_words(m.to)),
                    ],
                }).collect();
                let moved_columns = vec![
                    Cell::new(t("results.col_step")),
                    Cell::new(t("change.col_question")),
                    Cell::new(before.clone()),
                    Cell::new(after.clone()),
                ];
                view! {
                    {nothing.then(|| view! { <p role="status">{t("change.nothing")}</p> })}
                    <section aria-labelledby="change-steps-heading">
                        <h2 id="change-steps-heading">{t("change.steps_heading")}</h2>
                        <p data-testid="change-overall">{tf("change.overall_words", &[("words", &change_in_words(&change.overall))])}</p>
                        {radar_figure(Signal::stored(svg("change-radar", &t("change.radar_title"), &t("change.radar_desc"), &chart)), t("change.radar_caption"))}
                        <div class="table-scroll" role="region" aria-label=t("change.steps_caption") tabindex="0" data-testid="change-steps">
                            {data_table("scores", t("change.steps_caption"), columns(), 0, step_rows)}
                        </div>
                    </section>
                    <section aria-labelledby="change-moved-heading">
                        <h2 id="change-moved-heading">{tf("change.moved_heading", &[("count", &moved_count)])}</h2>
                        {if moved_count == 0 {
                            view! { <p>{t("change.moved_none")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-scroll" role="region" aria-label=t("change.moved_caption") tabindex="0" data-testid="change-moved">
                                    {data_table("scores", t("change.moved_caption"), moved_columns, 1, moved_rows)}
                                </div>
                            }.into_any()
                        }}
                    </section>
                    <section aria-labelledby="change-actions-heading">
                        <h2 id="change-actions-heading">{t("change.actions_heading")}</h2>
                        {change.completed.is_empty().then(|| view! { <p>{t("change.completed_none")}</p> })}
                        {[
                            (t("change.completed"), &change.completed, "change-completed"),
                            (t("change.reopened"), &change.reopened, "change-reopened"),
                            (t("change.added_own"), &change.added_own, "change-added"),
                            (t("change.removed_own"), &change.removed_own, "change-removed"),
                        ].into_iter().filter(|(_, list, _)| !list.is_empty()).map(|(intro, list, testid)| view! {
                            <p>{intro}</p>
                            {action_list(list, testid)}
                        }).collect_view()}
                    </section>
                }.into_any()
            }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(before: Option<f64>, after: Option<f64>) -> String {
        change_in_words(&ScoreChange { before, after })
    }

    #[test]
    fn a_change_is_said_in_words_with_both_bands() {
        assert_eq!(
            words(Some(40.0), Some(52.9)),
            "up 12 points, from Developing to Established"
        );
        assert_eq!(
            words(Some(30.0), Some(29.0)),
            "down 1 point, still Developing"
        );
        assert_eq!(words(Some(30.2), Some(30.8)), "no change, still Developing");
        assert_eq!(words(None, Some(30.0)), "newly scored");
        assert_eq!(words(Some(30.0), None), "no longer scored");
        assert_eq!(words(None, None), "–");
    }
}
