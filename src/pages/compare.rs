//! A city's assessment beside a community organisation's: each step's score on both
//! sides and the gap, where they agree most and where they are furthest apart, and each
//! side's lowest-scoring questions per step. Either may be a workshop's consensus. The
//! questionnaires differ, so steps are compared, never questions; the page says so.

use crate::components::radar::{radar_figure, svg, Chart};
use crate::core::compare::{self, StepSide};
use crate::core::instrument::Perspective;
use crate::display::{display_decimal_or_dash, format_score, step_label};
use crate::i18n::{content, t, tf};
use crate::state::Library;
use leptos::prelude::*;

fn gap_words(side: &StepSide) -> String {
    tf(
        "compare.step_in_words",
        &[
            ("step", &step_label(side.step)),
            ("city", &format_score(side.city)),
            ("cso", &format_score(side.cso)),
        ],
    )
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let library = expect_context::<Library>();
    let city_id = RwSignal::new(String::new());
    let cso_id = RwSignal::new(String::new());
    let options = move |perspective: Perspective| {
        library.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.items
                        .iter()
                        .map(|i| &i.assessment)
                        .filter(|a| a.perspective == perspective)
                        .map(|a| (a.id.clone(), a.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let picker = move |id: &'static str, perspective: Perspective, chosen: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{t(&format!("compare.pick.{}", perspective.as_str()))}</label>
                <select id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">{t("compare.none")}</option>
                    {move || options(perspective).into_iter().map(|(value, name)| {
                        let current = value.clone();
                        view! { <option value=value selected=move || chosen.get() == current>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let names = Memo::new(move |_| {
        let name = |id: &str| library.item(id).map(|i| i.assessment.name);
        Some((name(&city_id.get())?, name(&cso_id.get())?))
    });
    let sides = Memo::new(move |_| {
        let (city, cso) = (library.item(&city_id.get())?, library.item(&cso_id.get())?);
        Some(compare::side_by_side(
            content::instrument(Perspective::City),
            &city.assessment,
            content::instrument(Perspective::Cso),
            &cso.assessment,
        ))
    });
    let question_text = |perspective: Perspective, id: &str| {
        content::instrument(perspective)
            .question(id)
            .map_or_else(|| id.to_owned(), |q| q.text.clone())
    };

    view! {
        <h1 tabindex="-1">{t("compare.title")}</h1>
        <p class="lead">{t("compare.intro")}</p>
        <div class="library-controls" role="group" aria-label=t("compare.pick_label")>
            {picker("compare-city", Perspective::City, city_id)}
            {picker("compare-cso", Perspective::Cso, cso_id)}
        </div>
        {move || match sides.get() {
            None => view! { <p>{t("compare.choose_both")}</p> }.into_any(),
            Some(sides) => {
                let (city_name, cso_name) = names.get().unwrap_or_default();
                let series = |perspective: Perspective, name: &str| tf("compare.series", &[
                    ("perspective", &t(&format!("perspective.{}", perspective.as_str()))),
                    ("name", &name),
                ]);
                let chart = Chart::Two([
                    (series(Perspective::City, &city_name), sides.iter().map(|s| s.city).collect()),
                    (series(Perspective::Cso, &cso_name), sides.iter().map(|s| s.cso).collect()),
                ]);
                let near: Vec<String> = compare::closest(&sides, 3).into_iter().map(gap_words).collect();
                let far: Vec<String> = compare::furthest(&sides, 3).into_iter().map(gap_words).collect();
                view! {
                    <div class="strengths-gaps">
                        <div>
                            <h2>{t("compare.closest")}</h2>
                            <ul data-testid="compare-closest">{near.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        </div>
                        <div>
                            <h2>{t("compare.furthest")}</h2>
                            <ul data-testid="compare-furthest">{far.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        </div>
                    </div>
                    {radar_figure(Signal::stored(svg("compare-radar", &t("compare.radar_title"), &t("compare.radar_desc"), &chart)), t("compare.radar_caption"))}
                    <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
                        <table class="scores" data-testid="compare-table">
                            <caption id="compare-caption">{t("compare.caption")}</caption>
                            <thead><tr>
                                <th scope="col">{t("results.col_step")}</th>
                                <th scope="col" class="num">{t("perspective.city")}</th>
                                <th scope="col" class="num">{t("perspective.cso")}</th>
                                <th scope="col" class="num">{t("compare.col_gap")}</th>
                                <th scope="col">{t("compare.col_lowest_city")}</th>
                                <th scope="col">{t("compare.col_lowest_cso")}</th>
                            </tr></thead>
                            <tbody>
                                {sides.into_iter().map(|s| {
                                    let lowest = |perspective, list: &[(String, crate::core::instrument::Level)]| {
                                        if list.is_empty() { t("results.no_value") } else {
                                            list.iter().map(|(id, level)| tf("compare.lowest_item", &[
                                                ("question", &question_text(perspective, id)),
                                                ("level", level),
                                            ])).collect::<Vec<_>>().join(" · ")
                                        }
                                    };
                                    view! {
                                        <tr data-step=s.step>
                                            <th scope="row">{step_label(s.step)}</th>
                                            <td class="num">{format_score(s.city)}</td>
                                            <td class="num">{format_score(s.cso)}</td>
                                            <td class="num">{display_decimal_or_dash(s.gap().map(|g| g.trunc()))}</td>
                                            <td>{lowest(Perspective::City, &s.city_lowest)}</td>
                                            <td>{lowest(Perspective::Cso, &s.cso_lowest)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}
    }
}
