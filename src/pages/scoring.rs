//! "How scores work": the rules of `core::scoring` in words, and a worked example on
//! the real city questionnaire, calculated by `core::scoring` itself.

use crate::components::data_table::{data_table, Cell, Row};
use crate::components::radar::marker_swatch;
use crate::components::step_breakdown::StepCalculation;
use crate::core::instrument::{Level, Perspective, MAX_LEVEL};
use crate::core::scoring::{self, Band, CONFIDENCE_THRESHOLD, EXAMPLE_STEP};
use crate::display::{band_name, format_decimal, format_percent, format_score, step_label};
use crate::i18n::{content, t, tf};
use leptos::prelude::*;

fn band_meaning(band: Band) -> String {
    match band {
        Band::Foundational => t("scoring.band_meaning_foundational"),
        Band::Developing => t("scoring.band_meaning_developing"),
        Band::Established => t("scoring.band_meaning_established"),
        Band::Leading => t("scoring.band_meaning_leading"),
    }
}

/// A section of prose: a heading and its paragraphs.
fn prose(id: &'static str, heading: String, paragraphs: Vec<String>) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {paragraphs.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
        </section>
    }
}

#[component]
pub fn ScoringPage() -> impl IntoView {
    let instrument = content::instrument(Perspective::City);
    let example = scoring::worked_example(instrument);
    let profile = scoring::profile(instrument, &example);
    let step = scoring::step_score(instrument, &example, EXAMPLE_STEP);
    let range = scoring::one_more_answer_range(instrument, &example, EXAMPLE_STEP);
    let step_name = |number: u8| {
        content::roadmap()
            .step(number)
            .map_or_else(String::new, |s| s.short.clone())
    };
    let threshold = format_percent(Some(CONFIDENCE_THRESHOLD));

    // The weight example: the heaviest weight at the middle level.
    let (weight, level) = (3u8, MAX_LEVEL / 2);
    let weight_points = f64::from(weight) * f64::from(level) / f64::from(MAX_LEVEL);

    let scored: Vec<_> = profile.steps.iter().filter(|s| s.score.is_some()).collect();
    let overall_sentence = (scored.len() == 3).then(|| {
        let score = |i: usize| format_decimal(scored[i].score.unwrap_or_default());
        tf(
            "scoring.example_overall",
            &[
                ("a", &scored[0].step),
                ("score_a", &score(0)),
                ("b", &scored[1].step),
                ("score_b", &score(1)),
                ("c", &scored[2].step),
                ("score_c", &score(2)),
                (
                    "overall",
                    &format_decimal(profile.overall.unwrap_or_default()),
                ),
                ("shown", &format_score(profile.overall)),
                ("band", &band_name(profile.band())),
            ],
        )
    });

    view! {
        <h1 tabindex="-1">{t("scoring.title")}</h1>
        <p class="lead">{t("scoring.intro")}</p>

        <section aria-labelledby="levels-heading">
            <h2 id="levels-heading">{t("scoring.levels_heading")}</h2>
            <p>{t("scoring.levels_body")}</p>
            {data_table("scores compact", t("scoring.levels_caption"), vec![
                Cell::new(t("scoring.col_level")),
                Cell::num(t("scoring.col_share")),
            ], 0, Level::ALL.into_iter().map(|level| Row {
                class: "",
                cells: vec![
                    Cell::new(tf("question.level", &[("level", &level)])),
                    Cell::num(format_percent(Some(f64::from(level.value()) / f64::from(MAX_LEVEL)))),
                ],
            }).collect())}
        </section>

        {prose("weights-heading", t("scoring.weights_heading"), vec![tf("scoring.weights_body", &[
            ("weight", &weight), ("level", &level), ("max", &MAX_LEVEL),
            ("points", &format_decimal(weight_points)),
        ])])}
        {prose("special-heading", t("scoring.special_heading"), vec![t("scoring.not_applicable"), t("scoring.dont_know")])}
        {prose("step-heading", t("scoring.step_heading"), vec![t("scoring.step_body")])}
        {prose("overall-rule-heading", t("scoring.overall_heading"), vec![t("scoring.overall_body")])}

        <section aria-labelledby="bands-heading">
            <h2 id="bands-heading">{t("scoring.bands_heading")}</h2>
            <p>{t("scoring.bands_body")}</p>
            // Four columns do not fit a 320 px phone: the table scrolls in its own
            // region, never the page.
            <div class="table-scroll" role="region" aria-labelledby="bands-caption" tabindex="0">
            <table class="scores bands-table">
                <caption id="bands-caption">{t("scoring.bands_caption")}</caption>
                <thead><tr>
                    <th scope="col">{t("scoring.col_band")}</th>
                    <th scope="col">{t("scoring.col_scores")}</th>
                    <th scope="col">{t("scoring.col_pattern")}</th>
                    <th scope="col">{t("scoring.col_meaning")}</th>
                </tr></thead>
                <tbody>
                    {Band::ALL.into_iter().map(|band| {
                        let (from, to) = band.shown_range();
                        view! {
                            <tr data-band=band.key()>
                                <th scope="row">{band_name(Some(band))}</th>
                                <td>{tf("results.band_range", &[("from", &from), ("to", &to)])}</td>
                                <td><span class=format!("swatch band-{}", band.key())></span>{marker_swatch(band)}</td>
                                <td>{band_meaning(band)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </section>

        {prose("completeness-heading", t("scoring.completeness_heading"), vec![
            t("scoring.completeness_body"),
            tf("scoring.confidence_body", &[("threshold", &threshold)]),
        ])}

        <section aria-labelledby="example-heading" class="worked-example" data-testid="worked-example">
            <h2 id="example-heading">{t("scoring.example_heading")}</h2>
            <p>{tf("scoring.example_intro", &[("number", &EXAMPLE_STEP), ("step", &step_name(EXAMPLE_STEP))])}</p>
            <StepCalculation score=step instrument=instrument range=range
                caption=tf("scoring.example_caption", &[("number", &EXAMPLE_STEP)]) />
            {data_table("scores compact", t("scoring.example_overall_caption"), vec![
                Cell::new(t("scoring.col_step")),
                Cell::num(t("scoring.col_score")),
            ], 0, scored.iter().map(|s| Row {
                class: "",
                cells: vec![
                    Cell::new(step_label(s.step)),
                    Cell::num(format_decimal(s.score.unwrap_or_default())),
                ],
            }).collect())}
            {overall_sentence.map(|text| view! { <p data-testid="example-overall">{text}</p> })}
        </section>
    }
}
