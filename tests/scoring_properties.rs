//! Properties of the scoring rules (`core::scoring`), on the real instruments with random
//! answers: scores stay in range, a higher level never lowers a score, "Not applicable"
//! and "Don't know" leave the score as an unanswered question does, the order answers
//! come in changes nothing, and completeness counts what it says.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::content;
use roadmap_readiness::core::instrument::{Instrument, Level, Mode, Perspective, MAX_LEVEL};
use roadmap_readiness::core::scoring::{
    profile, shown_percent, shown_score, Band, Profile, CONFIDENCE_THRESHOLD,
};

/// One random answer: nothing, a level, not applicable or don't know.
fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        2 => Just(None),
        5 => (0..=MAX_LEVEL).prop_map(|v| Some(Response::Level(Level::new(v).unwrap()))),
        1 => Just(Some(Response::NotApplicable)),
        1 => Just(Some(Response::DontKnow)),
    ]
}

/// A perspective, a mode and one random answer for every question of the instrument.
fn case() -> impl Strategy<Value = (Perspective, Mode, Vec<Option<Response>>)> {
    (
        prop_oneof![Just(Perspective::City), Just(Perspective::Cso)],
        prop_oneof![Just(Mode::Quick), Just(Mode::Full)],
    )
        .prop_flat_map(|(perspective, mode)| {
            let count = content::instrument(perspective).questions.len();
            (
                Just(perspective),
                Just(mode),
                proptest::collection::vec(response(), count),
            )
        })
}

fn blank(instrument: &Instrument, mode: Mode) -> Assessment {
    Assessment::create(
        "p".into(),
        NewAssessment {
            perspective: instrument.perspective,
            mode,
            name: "Property City".into(),
            respondent: String::new(),
        },
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        "t",
    )
}

/// The assessment with `answers[i]` given to the instrument's i-th question, in `order`.
fn answered(
    instrument: &Instrument,
    mode: Mode,
    answers: &[Option<Response>],
    order: impl IntoIterator<Item = usize>,
) -> Assessment {
    let mut a = blank(instrument, mode);
    for i in order {
        a.set_response(&instrument.questions[i].id, answers[i], "t");
    }
    a
}

fn in_order(instrument: &Instrument, mode: Mode, answers: &[Option<Response>]) -> Assessment {
    answered(instrument, mode, answers, 0..answers.len())
}

fn scores(p: &Profile) -> Vec<Option<f64>> {
    p.steps.iter().map(|s| s.score).collect()
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_score_and_completeness_is_in_range((perspective, mode, answers) in case()) {
        let instrument = content::instrument(perspective);
        let p = profile(instrument, &in_order(instrument, mode, &answers));
        for s in &p.steps {
            if let Some(score) = s.score {
                prop_assert!((0.0..=100.0).contains(&score), "step {} scored {score}", s.step);
                prop_assert!(shown_score(score) <= 100);
                let contributions: f64 = s.questions.iter().filter_map(|q| q.contribution).sum();
                prop_assert!((contributions - score).abs() < 1e-9, "contributions add up to the score");
                let formula = 100.0 * s.points() / f64::from(s.scored_weight());
                prop_assert!((formula - score).abs() < 1e-9, "100 × points ÷ weights is the score");
            }
            if let Some(c) = s.completeness {
                prop_assert!((0.0..=1.0).contains(&c));
            }
            prop_assert_eq!(s.low_confidence(), s.score.is_some() && s.completeness.unwrap() < CONFIDENCE_THRESHOLD);
        }
        if let Some(overall) = p.overall {
            prop_assert!((0.0..=100.0).contains(&overall));
        }
        if let Some(c) = p.completeness {
            prop_assert!((0.0..=1.0).contains(&c));
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_step_or_the_overall_score(
        (perspective, mode, answers) in case(),
        pick in any::<Index>(),
        by in 1..=MAX_LEVEL,
    ) {
        let instrument = content::instrument(perspective);
        let levelled: Vec<usize> = (0..answers.len())
            .filter(|&i| matches!(answers[i], Some(Response::Level(l)) if l.value() < MAX_LEVEL))
            .filter(|&i| mode.includes(&instrument.questions[i]))
            .collect();
        prop_assume!(!levelled.is_empty());
        let i = levelled[pick.index(levelled.len())];
        let Some(Response::Level(old)) = answers[i] else { unreachable!() };
        let mut raised = answers.clone();
        raised[i] = Some(Response::Level(Level::new((old.value() + by).min(MAX_LEVEL)).unwrap()));
        let step = instrument.questions[i].step;
        let before = profile(instrument, &in_order(instrument, mode, &answers));
        let after = profile(instrument, &in_order(instrument, mode, &raised));
        let step_before = before.step(step).unwrap().score.unwrap();
        let step_after = after.step(step).unwrap().score.unwrap();
        prop_assert!(step_after > step_before, "step {step}: {step_before} then {step_after}");
        prop_assert!(after.overall.unwrap() > before.overall.unwrap());
        // Every other step is untouched, and so is completeness.
        for (b, a) in before.steps.iter().zip(&after.steps) {
            if b.step != step {
                prop_assert_eq!(b, a);
            }
        }
        prop_assert_eq!(before.completeness, after.completeness);
        prop_assert!(Band::of(step_after) >= Band::of(step_before));
    }

    #[test]
    fn not_applicable_changes_no_score_only_the_completeness_denominator(
        (perspective, mode, answers) in case(),
        pick in any::<Index>(),
    ) {
        let instrument = content::instrument(perspective);
        let open: Vec<usize> = (0..answers.len()).filter(|&i| answers[i].is_none()).collect();
        prop_assume!(!open.is_empty());
        let i = open[pick.index(open.len())];
        let mut with_na = answers.clone();
        with_na[i] = Some(Response::NotApplicable);
        let without = profile(instrument, &in_order(instrument, mode, &answers));
        let with = profile(instrument, &in_order(instrument, mode, &with_na));
        prop_assert_eq!(scores(&without), scores(&with));
        prop_assert_eq!(without.overall, with.overall);
        let question = &instrument.questions[i];
        let (a, b) = (without.step(question.step).unwrap(), with.step(question.step).unwrap());
        if mode.includes(question) {
            // The question leaves the denominator: scored / (in scope − 1).
            let in_scope = a.total - a.not_applicable;
            prop_assert_eq!(b.not_applicable, a.not_applicable + 1);
            prop_assert_eq!(
                b.completeness,
                (in_scope > 1).then(|| a.scored as f64 / (in_scope - 1) as f64)
            );
            prop_assert!(b.completeness.unwrap_or(1.0) >= a.completeness.unwrap());
        } else {
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn dont_know_scores_as_unanswered_and_counts_the_same_against_completeness(
        (perspective, mode, answers) in case(),
    ) {
        let instrument = content::instrument(perspective);
        let forgotten: Vec<_> = answers
            .iter()
            .map(|r| if *r == Some(Response::DontKnow) { None } else { *r })
            .collect();
        let with = profile(instrument, &in_order(instrument, mode, &answers));
        let without = profile(instrument, &in_order(instrument, mode, &forgotten));
        prop_assert_eq!(scores(&with), scores(&without));
        prop_assert_eq!(with.overall, without.overall);
        prop_assert_eq!(with.completeness, without.completeness);
    }

    #[test]
    fn the_order_of_answers_changes_nothing(
        (perspective, mode, answers) in case(),
        order in Just((0..60usize).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let instrument = content::instrument(perspective);
        let n = answers.len();
        let shuffled: Vec<usize> = order.into_iter().filter(|&i| i < n).collect();
        let forwards = profile(instrument, &in_order(instrument, mode, &answers));
        let other = answered(instrument, mode, &answers, shuffled);
        prop_assert_eq!(&forwards, &profile(instrument, &other));
        // Nor does the order of the questions within the instrument, but for float noise.
        let mut reordered = instrument.clone();
        let mut pairs: Vec<_> = instrument.questions.iter().cloned().zip(answers.iter().copied()).collect();
        pairs.reverse();
        reordered.questions = pairs.iter().map(|(q, _)| q.clone()).collect();
        let reordered_answers: Vec<_> = pairs.iter().map(|(_, r)| *r).collect();
        let backwards = profile(&reordered, &in_order(&reordered, mode, &reordered_answers));
        for (a, b) in forwards.steps.iter().zip(&backwards.steps) {
            prop_assert!(close(a.score, b.score));
            prop_assert_eq!(a.completeness, b.completeness);
        }
        prop_assert!(close(forwards.overall, backwards.overall));
    }

    #[test]
    fn completeness_is_level_answers_over_questions_in_scope(
        (perspective, mode, answers) in case(),
    ) {
        let instrument = content::instrument(perspective);
        let p = profile(instrument, &in_order(instrument, mode, &answers));
        let counted = |step: Option<u8>| {
            let mut levels = 0usize;
            let mut in_scope = 0usize;
            let mut responded = 0usize;
            for (q, r) in instrument.questions.iter().zip(&answers) {
                if !mode.includes(q) || step.is_some_and(|s| s != q.step) {
                    continue;
                }
                match r {
                    Some(Response::NotApplicable) => responded += 1,
                    Some(Response::Level(_)) => { levels += 1; in_scope += 1; responded += 1 }
                    Some(Response::DontKnow) => { in_scope += 1; responded += 1 }
                    None => in_scope += 1,
                }
            }
            ((in_scope > 0).then(|| levels as f64 / in_scope as f64), responded)
        };
        for s in &p.steps {
            let (completeness, responded) = counted(Some(s.step));
            prop_assert_eq!(s.completeness, completeness);
            prop_assert_eq!(s.answered(), responded);
            prop_assert_eq!(s.score.is_some(), s.scored > 0);
        }
        let (completeness, responded) = counted(None);
        prop_assert_eq!(p.completeness, completeness);
        prop_assert_eq!(p.answered, responded);
        prop_assert_eq!(p.total, instrument.questions_in_scope(mode).count());
    }

    #[test]
    fn the_overall_index_is_the_mean_of_the_step_scores_that_exist(
        (perspective, mode, answers) in case(),
    ) {
        let instrument = content::instrument(perspective);
        let p = profile(instrument, &in_order(instrument, mode, &answers));
        let existing: Vec<f64> = p.steps.iter().filter_map(|s| s.score).collect();
        if existing.is_empty() {
            prop_assert_eq!(p.overall, None);
        } else {
            let mean = existing.iter().sum::<f64>() / existing.len() as f64;
            prop_assert!(close(p.overall, Some(mean)));
            let low = existing.iter().cloned().fold(f64::INFINITY, f64::min);
            let high = existing.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(p.overall.unwrap() >= low - 1e-9 && p.overall.unwrap() <= high + 1e-9);
        }
    }

    #[test]
    fn a_shown_score_lies_in_its_band(score in 0.0f64..=100.0) {
        let shown = shown_score(score);
        prop_assert_eq!(Band::of(f64::from(shown)), Band::of(score));
        let (low, high) = Band::of(score).shown_range();
        prop_assert!((low..=high).contains(&shown));
        prop_assert!(f64::from(shown) <= score + 1e-9 && score < f64::from(shown) + 1.0);
    }

    #[test]
    fn a_shown_percentage_is_never_above_the_fraction(levels in 0usize..60, extra in 0usize..60) {
        let fraction = levels as f64 / (levels + extra).max(1) as f64;
        let shown = shown_percent(fraction);
        prop_assert!(f64::from(shown) <= fraction * 100.0 + 1e-9);
        prop_assert_eq!(shown == 100, levels > 0 && extra == 0);
        prop_assert_eq!(f64::from(shown) / 100.0 < CONFIDENCE_THRESHOLD, fraction < CONFIDENCE_THRESHOLD);
    }
}

#[test]
fn the_instruments_have_no_more_questions_than_the_shuffle_covers() {
    for perspective in Perspective::ALL {
        assert!(content::instrument(perspective).questions.len() <= 60);
    }
}
