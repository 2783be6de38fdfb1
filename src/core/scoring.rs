//! The scoring rules, in one place. Explained to users on the "How scores work" page.
//!
//! - A question answered with a level scores `level / 4`, weighted by its weight (1–3).
//! - A step's score is `100 × Σ(weight × level/4) / Σ(weight)` over the questions answered
//!   with a level; `None` when none is.
//! - "Not applicable" takes the question out of scope: out of the score and out of
//!   completeness.
//! - "Don't know" and unanswered questions stay out of the score but count against
//!   completeness: `completeness = level answers / (questions in scope − not applicable)`.
//! - The overall index is the plain mean of the step scores that exist: the roadmap's ten
//!   steps count equally, whatever their number of questions.
//! - A step score rests on too little when its completeness is below
//!   `CONFIDENCE_THRESHOLD` (60 %): with fewer than three in five of its questions
//!   answered with a level, one more answer can move the score by a whole band.
//! - Scores and percentages are shown rounded down to whole numbers (`shown_score`,
//!   `shown_percent`), so a shown score always lies in the band it is labelled with and
//!   a flagged completeness never shows as 60 %.

use super::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use super::instrument::{Instrument, Level, Mode, MAX_LEVEL, STEP_COUNT};

/// Allowance for floating-point noise: a computed score this close below a whole number
/// stands for that whole number (true scores are fractions with small denominators, far
/// further apart than this).
const NOISE: f64 = 1e-9;

/// How one question entered its step score.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionScore {
    pub question_id: String,
    pub weight: u8,
    pub response: Option<Response>,
    /// Points this question adds to the step score (0–100 scale); `None` when not scored.
    pub contribution: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepScore {
    pub step: u8,
    /// Questions of the step in the assessment's mode.
    pub total: usize,
    pub scored: usize,
    pub not_applicable: usize,
    pub dont_know: usize,
    /// 0–100, `None` when no question has a level.
    pub score: Option<f64>,
    /// 0–1, `None` when every question is not applicable.
    pub completeness: Option<f64>,
    pub questions: Vec<QuestionScore>,
}

impl QuestionScore {
    /// `weight × level ÷ 4`: the points a question answered with a level earns, out of
    /// its weight; `None` when it has no level.
    pub fn points(&self) -> Option<f64> {
        match self.response {
            Some(Response::Level(level)) => {
                Some(f64::from(self.weight) * f64::from(level.value()) / f64::from(MAX_LEVEL))
            }
            _ => None,
        }
    }
}

/// Below this completeness a score is flagged as resting on too few answers.
pub const CONFIDENCE_THRESHOLD: f64 = 0.6;

impl StepScore {
    /// A score exists but rests on fewer answers than `CONFIDENCE_THRESHOLD` asks.
    pub fn low_confidence(&self) -> bool {
        self.score.is_some() && self.completeness.is_some_and(|c| c < CONFIDENCE_THRESHOLD)
    }

    /// Questions with any response (a level, not applicable or don't know).
    pub fn answered(&self) -> usize {
        self.scored + self.not_applicable + self.dont_know
    }

    pub fn band(&self) -> Option<Band> {
        self.score.map(Band::of)
    }

    /// The points earned: the numerator of the score, `Σ(weight × level ÷ 4)`.
    pub fn points(&self) -> f64 {
        self.questions
            .iter()
            .filter_map(QuestionScore::points)
            .sum()
    }

    /// The points available: the denominator of the score, the weights of the questions
    /// answered with a level.
    pub fn scored_weight(&self) -> u32 {
        self.questions
            .iter()
            .filter(|q| q.points().is_some())
            .map(|q| u32::from(q.weight))
            .sum()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub steps: Vec<StepScore>,
    pub overall: Option<f64>,
    pub completeness: Option<f64>,
    pub total: usize,
    pub answered: usize,
}

impl Profile {
    pub fn step(&self, number: u8) -> Option<&StepScore> {
        self.steps.iter().find(|s| s.step == number)
    }

    pub fn band(&self) -> Option<Band> {
        self.overall.map(Band::of)
    }

    pub fn low_confidence(&self) -> bool {
        self.overall.is_some() && self.completeness.is_some_and(|c| c < CONFIDENCE_THRESHOLD)
    }

    /// Questions answered with a level: the ones a score rests on.
    pub fn scored(&self) -> usize {
        self.steps.iter().map(|s| s.scored).sum()
    }

    pub fn dont_know(&self) -> usize {
        self.steps.iter().map(|s| s.dont_know).sum()
    }

    /// Questions in scope: all of the mode, less those not applicable.
    pub fn in_scope(&self) -> usize {
        self.steps.iter().map(|s| s.total - s.not_applicable).sum()
    }

    /// How many more questions answered with a level would lift completeness to
    /// `CONFIDENCE_THRESHOLD`; 0 when it is there already.
    pub fn to_confidence(&self) -> usize {
        // The smallest count whose share of the questions in scope reaches the
        // threshold, in whole numbers so that rounding never falls short.
        let needed = (self.in_scope() * 3).div_ceil(5);
        needed.saturating_sub(self.scored())
    }

    /// Up to `n` scored steps, strongest first; ties go to the lower step number.
    pub fn strengths(&self, n: usize) -> Vec<&StepScore> {
        let mut scored = self.scored_steps(true);
        scored.truncate(n);
        scored
    }

    /// Up to `n` scored steps, weakest first; ties go to the lower step number. A step
    /// among the strengths is not also listed as a gap.
    pub fn gaps(&self, n: usize) -> Vec<&StepScore> {
        let strengths: Vec<u8> = self.strengths(n).iter().map(|s| s.step).collect();
        let scored = self.scored_steps(false);
        let count = scored.len();
        scored
            .into_iter()
            .filter(|s| count > n * 2 || !strengths.contains(&s.step))
            .take(n)
            .collect()
    }

    /// The steps with a score, by score (highest first when `strongest_first`), ties
    /// to the lower step number either way.
    fn scored_steps(&self, strongest_first: bool) -> Vec<&StepScore> {
        let mut scored: Vec<&StepScore> = self.steps.iter().filter(|s| s.score.is_some()).collect();
        scored.sort_by(|a, b| {
            let by_score = a
                .score
                .partial_cmp(&b.score)
                .unwrap_or(std::cmp::Ordering::Equal);
            let by_score = if strongest_first {
                by_score.reverse()
            } else {
                by_score
            };
            by_score.then(a.step.cmp(&b.step))
        });
        scored
    }
}

/// Four named bands over the 0–100 scale, a quarter each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Foundational,
    Developing,
    Established,
    Leading,
}

impl Band {
    pub const ALL: [Band; 4] = [
        Band::Foundational,
        Band::Developing,
        Band::Established,
        Band::Leading,
    ];

    /// Lower bound of each band, inclusive.
    pub fn threshold(self) -> f64 {
        match self {
            Band::Foundational => 0.0,
            Band::Developing => 25.0,
            Band::Established => 50.0,
            Band::Leading => 75.0,
        }
    }

    pub fn of(score: f64) -> Band {
        Band::ALL
            .into_iter()
            .rev()
            .find(|band| score + NOISE >= band.threshold())
            .unwrap_or(Band::Foundational)
    }

    /// The whole-number scores shown with this band, both ends inclusive: 0–24, 25–49,
    /// 50–74, 75–100.
    pub fn shown_range(self) -> (u8, u8) {
        let next = Band::ALL
            .into_iter()
            .find(|band| band.threshold() > self.threshold());
        let low = self.threshold() as u8;
        (low, next.map_or(100, |n| n.threshold() as u8 - 1))
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::Foundational => "foundational",
            Band::Developing => "developing",
            Band::Established => "established",
            Band::Leading => "leading",
        }
    }
}

/// A 0–100 score as shown: rounded down to a whole number, so that the number shown
/// always lies in its band (74.6 shows as 74, Established, never as 75).
pub fn shown_score(score: f64) -> u8 {
    (score + NOISE).floor().clamp(0.0, 100.0) as u8
}

/// A 0–1 fraction as a whole percentage, rounded down: 100 % only when complete, and a
/// completeness below the confidence threshold never shows as the threshold itself.
pub fn shown_percent(fraction: f64) -> u8 {
    (fraction * 100.0 + NOISE).floor().clamp(0.0, 100.0) as u8
}

/// How far one more answer could move a step score: the lowest and highest score the
/// step would have if one of its questions now unanswered or answered "Don't know" were
/// answered at level 0 or at level 4. `None` when every question has a level or is not
/// applicable.
pub fn one_more_answer_range(
    instrument: &Instrument,
    assessment: &Assessment,
    step: u8,
) -> Option<(f64, f64)> {
    let open: Vec<&str> = instrument
        .questions_in_step(step, assessment.mode)
        .filter(|q| matches!(assessment.response(&q.id), None | Some(Response::DontKnow)))
        .map(|q| q.id.as_str())
        .collect();
    let mut range: Option<(f64, f64)> = None;
    let mut trial = assessment.clone();
    for id in open {
        let before = trial.response(id);
        for level in [Level::ALL[0], Level::ALL[usize::from(MAX_LEVEL)]] {
            trial.set_response(id, Some(Response::Level(level)), "");
            if let Some(score) = step_score(instrument, &trial, step).score {
                range = Some(range.map_or((score, score), |(low, high)| {
                    (low.min(score), high.max(score))
                }));
            }
        }
        trial.set_response(id, before, "");
    }
    range
}

/// The step the worked example on "How scores work" is drawn from.
pub const EXAMPLE_STEP: u8 = 1;

/// The worked example's answers, against a real instrument. In `EXAMPLE_STEP` the
/// questions get, in order: level 3, Don't know, level 1, Not applicable, and no answer
/// (any further question level 2), which shows every kind of response and a flagged
/// score. The next step has every question at level 1 and the one after at level 4,
/// so that the overall index is the mean of three step scores.
pub fn worked_example(instrument: &Instrument) -> Assessment {
    let mut example = Assessment::create(
        "example".into(),
        NewAssessment {
            perspective: instrument.perspective,
            mode: Mode::Full,
            name: String::new(),
            respondent: String::new(),
        },
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        "",
    );
    let level = |value: u8| Level::new(value).map(Response::Level);
    let pattern = [
        level(3),
        Some(Response::DontKnow),
        level(1),
        Some(Response::NotApplicable),
        None,
    ];
    let ids = |step: u8| -> Vec<String> {
        instrument
            .questions_in_step(step, Mode::Full)
            .map(|q| q.id.clone())
            .collect()
    };
    for (index, id) in ids(EXAMPLE_STEP).iter().enumerate() {
        let response = pattern.get(index).copied().unwrap_or(level(2));
        example.set_response(id, response, "");
    }
    for (step, value) in [(EXAMPLE_STEP + 1, 1), (EXAMPLE_STEP + 2, MAX_LEVEL)] {
        for id in ids(step) {
            example.set_response(&id, level(value), "");
        }
    }
    example
}

pub fn step_score(instrument: &Instrument, assessment: &Assessment, step: u8) -> StepScore {
    let mut result = StepScore {
        step,
        total: 0,
        scored: 0,
        not_applicable: 0,
        dont_know: 0,
        score: None,
        completeness: None,
        questions: Vec::new(),
    };
    let mut weighted_points = 0.0;
    let mut weight_sum = 0u32;
    for question in instrument.questions_in_step(step, assessment.mode) {
        result.total += 1;
        let response = assessment.response(&question.id);
        match response {
            Some(Response::Level(level)) => {
                result.scored += 1;
                weighted_points +=
                    f64::from(question.weight) * f64::from(level.value()) / f64::from(MAX_LEVEL);
                weight_sum += u32::from(question.weight);
            }
            Some(Response::NotApplicable) => result.not_applicable += 1,
            Some(Response::DontKnow) => result.dont_know += 1,
            None => {}
        }
        result.questions.push(QuestionScore {
            question_id: question.id.clone(),
            weight: question.weight,
            response,
            contribution: None,
        });
    }
    if weight_sum > 0 {
        let weight_sum = f64::from(weight_sum);
        result.score = Some(100.0 * weighted_points / weight_sum);
        for (entry, question) in result
            .questions
            .iter_mut()
            .zip(instrument.questions_in_step(step, assessment.mode))
        {
            if let Some(Response::Level(level)) = entry.response {
                entry.contribution = Some(
                    100.0 * f64::from(question.weight) * f64::from(level.value())
                        / f64::from(MAX_LEVEL)
                        / weight_sum,
                );
            }
        }
    }
    let in_scope = result.total - result.not_applicable;
    if in_scope > 0 {
        result.completeness = Some(result.scored as f64 / in_scope as f64);
    }
    result
}

pub fn profile(instrument: &Instrument, assessment: &Assessment) -> Profile {
    let steps: Vec<StepScore> = (1..=STEP_COUNT)
        .map(|step| step_score(instrument, assessment, step))
        .collect();
    let scores: Vec<f64> = steps.iter().filter_map(|s| s.score).collect();
    let overall = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    let scored: usize = steps.iter().map(|s| s.scored).sum();
    let in_scope: usize = steps.iter().map(|s| s.total - s.not_applicable).sum();
    Profile {
        overall,
        completeness: (in_scope > 0).then(|| scored as f64 / in_scope as f64),
        total: steps.iter().map(|s| s.total).sum(),
        answered: steps.iter().map(StepScore::answered).sum(),
        steps,
    }
}

#[cfg(test)]
mod profile_counts {
    use super::*;
    use crate::core::assessment::Response;
    use crate::core::instrument::{Level, Mode, Perspective};
    use crate::core::test_support;

    #[test]
    fn counts_say_what_is_scored_and_what_would_lift_confidence() {
        let questions = (0..10)
            .map(|n| test_support::question(&format!("q{n}"), 1, 1, true))
            .collect();
        let instrument = test_support::instrument(questions);
        let mut a =
            test_support::assessment("a", Perspective::City, Mode::Full, ("test", "1"), "t");
        let level = Some(Response::Level(Level::new(2).unwrap()));
        for n in 0..3 {
            a.set_response(&format!("q{n}"), level, "t");
        }
        a.set_response("q3", Some(Response::DontKnow), "t");
        a.set_response("q4", Some(Response::NotApplicable), "t");
        let p = profile(&instrument, &a);
        assert_eq!((p.scored(), p.dont_know(), p.in_scope()), (3, 1, 9));
        // 60 % of 9 is 5.4: six questions with a level, three more than now.
        assert_eq!(p.to_confidence(), 3);
        for n in 5..8 {
            a.set_response(&format!("q{n}"), level, "t");
        }
        let p = profile(&instrument, &a);
        assert_eq!(p.to_confidence(), 0);
        assert!(!p.low_confidence());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Level, Mode, Perspective};
    use crate::core::test_support::{self, question};

    fn instrument() -> Instrument {
        test_support::instrument(vec![
            question("a", 1, 1, true),
            question("b", 1, 3, false),
            question("c", 2, 2, true),
        ])
    }

    fn assessment(mode: Mode) -> Assessment {
        test_support::assessment("x", Perspective::City, mode, ("test", "1"), "t")
    }

    fn level(v: u8) -> Option<Response> {
        Some(Response::Level(Level::new(v).unwrap()))
    }

    #[test]
    fn empty_assessment_has_no_scores_and_zero_completeness() {
        let p = profile(&instrument(), &assessment(Mode::Full));
        assert_eq!(p.overall, None);
        assert_eq!(p.completeness, Some(0.0));
        assert_eq!(p.step(1).unwrap().score, None);
        assert_eq!(p.step(1).unwrap().completeness, Some(0.0));
        assert_eq!(p.total, 3);
        assert_eq!(p.answered, 0);
        // Steps without questions have neither score nor completeness.
        assert_eq!(p.step(5).unwrap().completeness, None);
    }

    #[test]
    fn every_level_maps_linearly_to_the_score() {
        let i = instrument();
        for v in 0..=4u8 {
            let mut a = assessment(Mode::Full);
            a.set_response("c", level(v), "t");
            let s = step_score(&i, &a, 2);
            assert_eq!(s.score, Some(f64::from(v) * 25.0));
            assert_eq!(s.completeness, Some(1.0));
        }
    }

    #[test]
    fn weights_weigh() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(4), "t"); // weight 1
        a.set_response("b", level(0), "t"); // weight 3
        let s = step_score(&i, &a, 1);
        assert_eq!(s.score, Some(25.0));
        let contributions: Vec<_> = s.questions.iter().map(|q| q.contribution).collect();
        assert_eq!(contributions, vec![Some(25.0), Some(0.0)]);
        assert_eq!((s.points(), s.scored_weight()), (1.0, 4));
        assert_eq!(s.questions[0].points(), Some(1.0));
    }

    #[test]
    fn not_applicable_leaves_score_and_completeness() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(2), "t");
        a.set_response("b", Some(Response::NotApplicable), "t");
        let s = step_score(&i, &a, 1);
        assert_eq!(s.score, Some(50.0));
        assert_eq!(s.completeness, Some(1.0));
        assert_eq!(s.answered(), 2);
    }

    #[test]
    fn dont_know_leaves_score_but_lowers_completeness() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(2), "t");
        a.set_response("b", Some(Response::DontKnow), "t");
        let s = step_score(&i, &a, 1);
        assert_eq!(s.score, Some(50.0));
        assert_eq!(s.completeness, Some(0.5));
        assert_eq!(s.dont_know, 1);
    }

    #[test]
    fn all_not_applicable_has_no_score_and_no_completeness() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", Some(Response::NotApplicable), "t");
        a.set_response("b", Some(Response::NotApplicable), "t");
        let s = step_score(&i, &a, 1);
        assert_eq!((s.score, s.completeness), (None, None));
    }

    #[test]
    fn overall_is_the_mean_of_step_scores() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(4), "t");
        a.set_response("b", level(4), "t");
        a.set_response("c", level(2), "t");
        let p = profile(&i, &a);
        assert_eq!(p.overall, Some(75.0));
        assert_eq!(p.completeness, Some(1.0));
        assert_eq!(p.band(), Some(Band::Leading));
    }

    #[test]
    fn quick_mode_scores_only_quick_questions() {
        let i = instrument();
        let mut a = assessment(Mode::Quick);
        a.set_response("a", level(1), "t");
        a.set_response("b", level(4), "t"); // not in the quick set
        let p = profile(&i, &a);
        assert_eq!(p.total, 2);
        assert_eq!(p.step(1).unwrap().score, Some(25.0));
    }

    #[test]
    fn low_completeness_flags_low_confidence() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(2), "t");
        let s = step_score(&i, &a, 1);
        assert_eq!(s.completeness, Some(0.5));
        assert!(s.low_confidence());
        a.set_response("b", level(2), "t");
        assert!(!step_score(&i, &a, 1).low_confidence());
        // No score, nothing to be unsure about.
        assert!(!step_score(&i, &assessment(Mode::Full), 1).low_confidence());
    }

    #[test]
    fn strengths_and_gaps_order_scored_steps_without_overlap() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(4), "t");
        a.set_response("c", level(1), "t");
        let p = profile(&i, &a);
        let steps = |v: Vec<&StepScore>| v.iter().map(|s| s.step).collect::<Vec<_>>();
        assert_eq!(steps(p.strengths(3)), [1, 2]);
        // With only two scored steps, both are strengths and none is listed twice.
        assert!(steps(p.gaps(3)).is_empty());
        assert_eq!(steps(p.gaps(1)), [2]);
    }

    #[test]
    fn bands_have_inclusive_lower_bounds() {
        assert_eq!(Band::of(0.0), Band::Foundational);
        assert_eq!(Band::of(24.99), Band::Foundational);
        assert_eq!(Band::of(25.0), Band::Developing);
        assert_eq!(Band::of(50.0), Band::Established);
        assert_eq!(Band::of(75.0), Band::Leading);
        assert_eq!(Band::of(100.0), Band::Leading);
    }

    #[test]
    fn shown_numbers_round_down_and_stay_in_their_band() {
        assert_eq!(shown_score(74.6), 74);
        assert_eq!(shown_score(75.0), 75);
        assert_eq!(shown_score(100.0), 100);
        // Float noise just below a whole number counts as that number, for the band too.
        assert_eq!(shown_score(75.0 - 1e-12), 75);
        assert_eq!(Band::of(75.0 - 1e-12), Band::Leading);
        assert_eq!(shown_percent(0.29), 29);
        assert_eq!(shown_percent(25.0 / 42.0), 59);
        assert_eq!(shown_percent(0.999), 99);
        assert_eq!(shown_percent(1.0), 100);
    }

    #[test]
    fn shown_ranges_of_the_bands_tile_zero_to_hundred() {
        let ranges: Vec<_> = Band::ALL.iter().map(|b| b.shown_range()).collect();
        assert_eq!(ranges, [(0, 24), (25, 49), (50, 74), (75, 100)]);
    }

    #[test]
    fn one_more_answer_range_spans_level_zero_to_four_of_an_open_question() {
        let i = instrument();
        let mut a = assessment(Mode::Full);
        a.set_response("a", level(2), "t"); // weight 1; "b" (weight 3) is open
        let (low, high) = one_more_answer_range(&i, &a, 1).unwrap();
        assert_eq!((low, high), (12.5, 87.5));
        // The trial answers leave the assessment as it was.
        assert_eq!(a.response("b"), None);
        a.set_response("b", Some(Response::NotApplicable), "t");
        assert_eq!(one_more_answer_range(&i, &a, 1), None);
    }

    #[test]
    fn the_worked_example_shows_every_kind_of_answer_on_the_real_instrument() {
        use crate::core::content;
        for perspective in Perspective::ALL {
            let instrument = content::instrument(perspective);
            let example = worked_example(instrument);
            let s = step_score(instrument, &example, EXAMPLE_STEP);
            let kinds: Vec<_> = s.questions.iter().map(|q| q.response).collect();
            assert!(kinds.contains(&Some(Response::NotApplicable)));
            assert!(kinds.contains(&Some(Response::DontKnow)));
            assert!(kinds.contains(&None));
            assert!(s.scored >= 2);
            assert!(
                s.low_confidence(),
                "{perspective:?}: the example shows the flag"
            );
            let p = profile(instrument, &example);
            assert_eq!(p.steps.iter().filter(|s| s.score.is_some()).count(), 3);
            assert_eq!(p.step(EXAMPLE_STEP + 1).unwrap().score, Some(25.0));
            assert_eq!(p.step(EXAMPLE_STEP + 2).unwrap().score, Some(100.0));
        }
    }
}
