//! A facilitator's workshop: participants' assessments of one perspective merged on the
//! facilitator's machine, the statistics that show where the room disagrees, and a
//! consensus the room records, saved as an assessment of its own. Pure: files come in
//! already read and checked (`core::import`), nothing here touches storage.
//!
//! Who is who: a participant is the pair (assessment id, label). The label is what the
//! participant wrote as "who is filling it in", or what the facilitator sets; the same
//! pair sent again replaces the earlier file (never counted twice), keeping the later
//! revision.
//!
//! Statistics over the levels 0–4 given to a question (Not applicable and Don't know are
//! counted apart): the median (the mean of the two middle values for an even count),
//! the range, and the interquartile range with quartiles by linear interpolation
//! between order statistics (the common "type 7" definition, as spreadsheets compute
//! QUARTILE.INC). Disagreement orders by interquartile range, then range, then how many
//! answered.

use super::assessment::{Assessment, Response};
pub use super::consensus::{Consensus, Spread};
use super::instrument::{Instrument, Level, Perspective};
use super::scoring;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// One participant's assessment in the workshop.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub label: String,
    pub assessment: Assessment,
}

impl Participant {
    /// A participant under their default label.
    pub fn of(assessment: Assessment) -> Participant {
        Participant {
            label: Participant::default_label(&assessment),
            assessment,
        }
    }

    /// The label a participant gets unless the facilitator sets one: who filled it in,
    /// or else the assessment's name.
    pub fn default_label(assessment: &Assessment) -> String {
        let respondent = assessment.respondent.trim();
        if respondent.is_empty() {
            assessment.name.trim().to_owned()
        } else {
            respondent.to_owned()
        }
    }

    fn same_as(&self, other: &Participant) -> bool {
        self.assessment.id == other.assessment.id
            && self.label.trim().to_lowercase() == other.label.trim().to_lowercase()
    }
}

/// What adding a participant's file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    New,
    /// The same participant sent a later version: it replaced the earlier one.
    Replaced,
    /// The same participant's file was already here at this revision or a later one.
    AlreadyHere,
    /// An assessment of the other perspective; a workshop holds one perspective.
    OtherPerspective(Perspective),
}

/// The agreed answer to one question and the room's one-line rationale.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agreed {
    pub response: Option<Response>,
    pub rationale: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Workshop {
    pub name: String,
    pub perspective: Perspective,
    pub participants: Vec<Participant>,
    /// Notes are shown with their participant's label; anonymous by default.
    pub attributed: bool,
    /// The consensus in progress, by question id.
    pub agreed: BTreeMap<String, Agreed>,
}

impl Workshop {
    pub fn new(name: &str, perspective: Perspective) -> Workshop {
        Workshop {
            name: name.trim().to_owned(),
            perspective,
            participants: Vec::new(),
            attributed: false,
            agreed: BTreeMap::new(),
        }
    }

    /// Adds a participant, or replaces the same participant's earlier file.
    pub fn add(&mut self, participant: Participant) -> Added {
        if participant.assessment.perspective != self.perspective {
            return Added::OtherPerspective(participant.assessment.perspective);
        }
        match self
            .participants
            .iter_mut()
            .find(|p| p.same_as(&participant))
        {
            Some(here)
                if here.assessment.revision >= participant.assessment.revision
                    && here.assessment.updated_at >= participant.assessment.updated_at =>
            {
                Added::AlreadyHere
            }
            Some(here) => {
                *here = participant;
                Added::Replaced
            }
            None => {
                self.participants.push(participant);
                Added::New
            }
        }
    }

    /// The consensus as it stands: what the room recorded, and for every other question
    /// that anyone answered with a level, the suggestion (`QuestionStats::suggested`).
    pub fn agreed_with_suggestions(&self, instrument: &Instrument) -> BTreeMap<String, Agreed> {
        let mut agreed = self.agreed.clone();
        for stats in question_stats(instrument, &self.participants) {
            if let Some(level) = stats.suggested() {
                agreed.entry(stats.question).or_insert(Agreed {
                    response: Some(Response::Level(level)),
                    rationale: String::new(),
                });
            }
        }
        agreed
    }

    pub fn remove(&mut self, index: usize) {
        if index < self.participants.len() {
            self.participants.remove(index);
        }
    }
}

/// Statistics of one question across the participants.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionStats {
    pub question: String,
    pub step: u8,
    /// Participants who gave a level.
    pub answered: usize,
    /// How many gave each level 0..=4.
    pub counts: [usize; 5],
    pub not_applicable: usize,
    pub dont_know: usize,
    pub median: Option<f64>,
    pub min: Option<Level>,
    pub max: Option<Level>,
    /// Third quartile less first quartile; 0 when everyone agrees.
    pub iqr: Option<f64>,
    /// Every note, with its participant's label (the view hides labels when the
    /// workshop is anonymous).
    pub notes: Vec<(String, String)>,
}

impl QuestionStats {
    pub fn range(&self) -> Option<u8> {
        Some(self.max?.value() - self.min?.value())
    }

    /// The level a consensus starts from: the median, or the lower of the two middle
    /// values for an even count, so that it is always a level someone gave.
    pub fn suggested(&self) -> Option<Level> {
        let mut left = self.answered.div_ceil(2);
        if left == 0 {
            return None;
        }
        for (level, count) in self.counts.iter().enumerate() {
            if *count >= left {
                return Level::new(level as u8);
            }
            left -= count;
        }
        None
    }
}

/// The median of sorted values; the mean of the two middle ones for an even count.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The `p` quantile (0..=1) of sorted values, by linear interpolation between order
/// statistics (type 7).
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p;
    let low = h.floor() as usize;
    let high = h.ceil() as usize;
    Some(sorted[low] + (h - low as f64) * (sorted[high] - sorted[low]))
}

/// What one pass over the participants collects of one question.
#[derive(Clone, Default)]
struct Tally {
    counts: [usize; 5],
    not_applicable: usize,
    dont_know: usize,
    notes: Vec<(String, String)>,
}

/// The statistics of every question of the instrument, in instrument order. One pass
/// over each participant's answers, so the cost grows linearly with the participants.
pub fn question_stats(instrument: &Instrument, participants: &[Participant]) -> Vec<QuestionStats> {
    let index: std::collections::HashMap<&str, usize> = instrument
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut tallies = vec![Tally::default(); instrument.questions.len()];
    for p in participants {
        for (question, answer) in &p.assessment.answers {
            let Some(&i) = index.get(question.as_str()) else {
                continue;
            };
            let tally = &mut tallies[i];
            match answer.response {
                Some(Response::Level(level)) => tally.counts[usize::from(level.value())] += 1,
                Some(Response::NotApplicable) => tally.not_applicable += 1,
                Some(Response::DontKnow) => tally.dont_know += 1,
                None => {}
            }
            let note = answer.note.trim();
            if !note.is_empty() {
                tally.notes.push((p.label.clone(), note.to_owned()));
            }
        }
    }
    instrument
        .questions
        .iter()
        .zip(tallies)
        .map(|(question, tally)| {
            let Tally {
                counts,
                not_applicable,
                dont_know,
                notes,
            } = tally;
            let levels: Vec<f64> = counts
                .iter()
                .enumerate()
                .flat_map(|(level, count)| std::iter::repeat_n(level as f64, *count))
                .collect();
            let level_at = |i: Option<usize>| i.and_then(|i| Level::new(i as u8));
            QuestionStats {
                question: question.id.clone(),
                step: question.step,
                answered: levels.len(),
                counts,
                not_applicable,
                dont_know,
                median: median(&levels),
                min: level_at(counts.iter().position(|c| *c > 0)),
                max: level_at(counts.iter().rposition(|c| *c > 0)),
                iqr: quantile(&levels, 0.75)
                    .zip(quantile(&levels, 0.25))
                    .map(|(q3, q1)| q3 - q1),
                notes,
            }
        })
        .collect()
}

/// Most disagreement first: interquartile range, then range, then how many answered;
/// ties keep the instrument's order. Questions nobody gave a level come last.
pub fn by_disagreement(mut stats: Vec<QuestionStats>) -> Vec<QuestionStats> {
    let key = |s: &QuestionStats| {
        (
            s.iqr.unwrap_or(-1.0),
            s.range().map_or(-1, i32::from),
            s.answered,
        )
    };
    stats.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        b.0.partial_cmp(&a.0)
            .unwrap_or(Ordering::Equal)
            .then(b.1.cmp(&a.1))
            .then(b.2.cmp(&a.2))
    });
    stats
}

/// Participants' scores of one step: median and spread.
#[derive(Clone, Debug, PartialEq)]
pub struct StepStats {
    pub step: u8,
    /// Participants whose step has a score.
    pub scored: usize,
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

pub fn step_stats(instrument: &Instrument, participants: &[Participant]) -> Vec<StepStats> {
    let profiles: Vec<scoring::Profile> = participants
        .iter()
        .map(|p| scoring::profile(instrument, &p.assessment))
        .collect();
    (1..=super::instrument::STEP_COUNT)
        .map(|step| {
            let mut scores: Vec<f64> = profiles
                .iter()
                .filter_map(|p| p.step(step).and_then(|s| s.score))
                .collect();
            scores.sort_by(f64::total_cmp);
            StepStats {
                step,
                scored: scores.len(),
                median: median(&scores),
                q1: quantile(&scores, 0.25),
                q3: quantile(&scores, 0.75),
                min: scores.first().copied(),
                max: scores.last().copied(),
            }
        })
        .collect()
}

/// The consensus as a new assessment: the agreed answers, each rationale as its note,
/// and what the room answered beside each. `id`, the clock and the instrument come from
/// the caller.
pub fn consensus_assessment(
    workshop: &Workshop,
    instrument: &Instrument,
    id: String,
    name: String,
    respondent: String,
    now: &str,
) -> Assessment {
    let mut a = Assessment::create(
        id,
        super::assessment::NewAssessment {
            perspective: workshop.perspective,
            mode: super::instrument::Mode::Full,
            name,
            respondent,
        },
        super::assessment::InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        now,
    );
    for (question, agreed) in &workshop.agreed_with_suggestions(instrument) {
        if agreed.response.is_some() {
            a.set_response(question, agreed.response, now);
        }
        if !agreed.rationale.trim().is_empty() {
            a.set_note(question, agreed.rationale.trim(), now);
        }
    }
    let spread = question_stats(instrument, &workshop.participants)
        .into_iter()
        .filter_map(|s| {
            Some((
                s.question.clone(),
                Spread {
                    answered: s.answered,
                    min: s.min?,
                    max: s.max?,
                    median: s.median?,
                },
            ))
        })
        .collect();
    a.consensus = Some(Consensus {
        participants: workshop.participants.len(),
        labels: if workshop.attributed {
            workshop
                .participants
                .iter()
                .map(|p| p.label.clone())
                .collect()
        } else {
            Vec::new()
        },
        spread,
    });
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::Mode;
    use crate::core::test_support;

    fn instrument() -> Instrument {
        test_support::instrument(vec![
            test_support::question("a", 1, 2, true),
            test_support::question("b", 1, 1, true),
            test_support::question("c", 2, 3, true),
        ])
    }

    fn participant(id: &str, label: &str, answers: &[(&str, Option<Response>)]) -> Participant {
        let mut a = test_support::assessment(id, Perspective::City, Mode::Full, ("test", "1"), "t");
        a.respondent = label.into();
        for (q, r) in answers {
            a.set_response(q, *r, "t");
        }
        Participant::of(a)
    }

    fn level(n: u8) -> Option<Response> {
        Some(Response::Level(Level::new(n).unwrap()))
    }

    fn stats_of(answers: &[Option<Response>]) -> QuestionStats {
        let ps: Vec<Participant> = answers
            .iter()
            .enumerate()
            .map(|(i, r)| participant(&format!("p{i}"), &format!("P{i}"), &[("a", *r)]))
            .collect();
        question_stats(&instrument(), &ps).remove(0)
    }

    #[test]
    fn all_equal_answers_have_no_spread() {
        let s = stats_of(&[level(2), level(2), level(2)]);
        assert_eq!(
            (s.answered, s.median, s.iqr, s.range()),
            (3, Some(2.0), Some(0.0), Some(0))
        );
        assert_eq!(s.counts, [0, 0, 3, 0, 0]);
        assert_eq!(s.suggested(), Level::new(2));
    }

    #[test]
    fn all_different_answers_spread_across_the_scale() {
        let s = stats_of(&[level(0), level(1), level(2), level(3), level(4)]);
        assert_eq!(
            (s.median, s.iqr, s.range()),
            (Some(2.0), Some(2.0), Some(4))
        );
    }

    #[test]
    fn not_applicable_and_dont_know_are_counted_apart() {
        let s = stats_of(&[
            level(1),
            Some(Response::NotApplicable),
            Some(Response::DontKnow),
            Some(Response::DontKnow),
            None,
        ]);
        assert_eq!((s.answered, s.not_applicable, s.dont_know), (1, 1, 2));
        assert_eq!(s.median, Some(1.0));
    }

    #[test]
    fn one_participant_and_an_even_count() {
        assert_eq!(stats_of(&[level(3)]).iqr, Some(0.0));
        let even = stats_of(&[level(1), level(2), level(3), level(4)]);
        assert_eq!(even.median, Some(2.5));
        // Type 7 quartiles: 1.75 and 3.25.
        assert_eq!(even.iqr, Some(1.5));
        assert_eq!(even.suggested(), Level::new(2), "the lower middle value");
        assert_eq!(stats_of(&[None]).median, None);
    }

    #[test]
    fn a_participant_sending_again_replaces_and_is_never_counted_twice() {
        let mut w = Workshop::new("Room", Perspective::City);
        assert_eq!(
            w.add(participant("x", "Dana", &[("a", level(1))])),
            Added::New
        );
        let mut again = participant("x", "dana ", &[("a", level(3))]);
        again.assessment.touch("t9");
        assert_eq!(w.add(again.clone()), Added::Replaced);
        assert_eq!(w.add(again), Added::AlreadyHere);
        // The same file under another label is another participant.
        assert_eq!(
            w.add(participant("x", "Sam", &[("a", level(0))])),
            Added::New
        );
        let s = question_stats(&instrument(), &w.participants).remove(0);
        assert_eq!((s.answered, s.counts), (2, [1, 0, 0, 1, 0]));
        let mut cso = participant("y", "Org", &[]);
        cso.assessment.perspective = Perspective::Cso;
        assert_eq!(w.add(cso), Added::OtherPerspective(Perspective::Cso));
    }

    #[test]
    fn disagreement_first_then_how_many_answered() {
        let ps = vec![
            participant(
                "1",
                "A",
                &[("a", level(0)), ("b", level(2)), ("c", level(1))],
            ),
            participant(
                "2",
                "B",
                &[("a", level(4)), ("b", level(2)), ("c", level(2))],
            ),
            participant("3", "C", &[("a", level(2)), ("c", level(1))]),
        ];
        let order: Vec<String> = by_disagreement(question_stats(&instrument(), &ps))
            .into_iter()
            .map(|s| s.question)
            .collect();
        assert_eq!(order, ["a", "c", "b"]);
    }

    #[test]
    fn step_scores_give_a_median_and_a_band() {
        let ps = vec![
            participant("1", "A", &[("a", level(4)), ("b", level(4))]),
            participant("2", "B", &[("a", level(0)), ("b", level(0))]),
            participant("3", "C", &[("a", level(2)), ("b", level(2))]),
        ];
        let s = &step_stats(&instrument(), &ps)[0];
        assert_eq!(
            (s.scored, s.median, s.min, s.max),
            (3, Some(50.0), Some(0.0), Some(100.0))
        );
        assert_eq!((s.q1, s.q3), (Some(25.0), Some(75.0)));
        assert_eq!(step_stats(&instrument(), &ps)[1].median, None);
    }

    #[test]
    fn the_consensus_is_an_assessment_with_the_room_beside_each_answer() {
        let mut w = Workshop::new("Room", Perspective::City);
        w.add(participant("1", "A", &[("a", level(1))]));
        w.add(participant("2", "B", &[("a", level(3))]));
        w.agreed.insert(
            "a".into(),
            Agreed {
                response: level(2),
                rationale: "Minutes show two districts only".into(),
            },
        );
        w.add(participant("3", "C", &[("c", level(4))]));
        let a = consensus_assessment(
            &w,
            &instrument(),
            "c".into(),
            "Room (consensus)".into(),
            "3 participants".into(),
            "t",
        );
        assert_eq!(a.response("a"), level(2));
        // A question the room did not discuss takes its suggestion, the median.
        assert_eq!(a.response("c"), level(4));
        assert_eq!(a.response("b"), None, "nobody answered it");
        assert_eq!(a.note("a"), "Minutes show two districts only");
        let c = a.consensus.as_ref().unwrap();
        assert_eq!(
            (c.participants, c.labels.len()),
            (3, 0),
            "anonymous by default"
        );
        assert_eq!(c.spread["a"].median, 2.0);
        w.attributed = true;
        let a = consensus_assessment(&w, &instrument(), "c".into(), "n".into(), "r".into(), "t");
        assert_eq!(a.consensus.unwrap().labels, ["A", "B", "C"]);
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::instrument::Mode;
    use crate::core::test_support;
    use proptest::prelude::*;

    fn sorted(levels: &[u8]) -> Vec<f64> {
        let mut v: Vec<f64> = levels.iter().map(|l| f64::from(*l)).collect();
        v.sort_by(f64::total_cmp);
        v
    }

    proptest! {
        #[test]
        fn the_median_lies_within_the_range(levels in prop::collection::vec(0..=4u8, 1..50)) {
            let v = sorted(&levels);
            let m = median(&v).unwrap();
            prop_assert!(v[0] <= m && m <= v[v.len() - 1]);
            let (q1, q3) = (quantile(&v, 0.25).unwrap(), quantile(&v, 0.75).unwrap());
            prop_assert!(v[0] <= q1 && q1 <= m && m <= q3 && q3 <= v[v.len() - 1]);
        }

        #[test]
        fn a_participant_at_the_median_never_widens_the_spread(levels in prop::collection::vec(0..=4u8, 1..50)) {
            let v = sorted(&levels);
            let m = median(&v).unwrap();
            let mut w = v.clone();
            w.push(m);
            w.sort_by(f64::total_cmp);
            let iqr = |x: &[f64]| quantile(x, 0.75).unwrap() - quantile(x, 0.25).unwrap();
            prop_assert!(iqr(&w) <= iqr(&v) + 1e-9, "{} > {}", iqr(&w), iqr(&v));
            prop_assert!(w[w.len() - 1] - w[0] <= v[v.len() - 1] - v[0]);
            prop_assert!((median(&w).unwrap() - m).abs() < 1e-9, "the median stays");
        }

        /// The same, through the workshop itself: participants' files merged, one more
        /// whose answer is the question's median level, so its step score is the
        /// median step score too. Neither a question's spread nor its step's widens.
        #[test]
        fn adding_a_participant_equal_to_the_median_never_widens_the_spread(
            levels in prop::collection::vec(0..=4u8, 1..30),
        ) {
            let instrument = test_support::instrument(vec![test_support::question("a", 1, 1, true)]);
            let participant = |i: usize, l: u8| {
                let mut a = test_support::assessment(&format!("p{i}"), Perspective::City, Mode::Full, ("test", "1"), "t");
                a.set_response("a", Level::new(l).map(Response::Level), "t");
                Participant::of(a)
            };
            let mut w = Workshop::new("Room", Perspective::City);
            for (i, l) in levels.iter().enumerate() {
                w.add(participant(i, *l));
            }
            let before = question_stats(&instrument, &w.participants).remove(0);
            let steps_before = step_stats(&instrument, &w.participants).remove(0);
            let m = before.median.unwrap();
            // Only a whole median is a level someone can answer.
            prop_assume!(m.fract() == 0.0);
            prop_assert_eq!(w.add(participant(levels.len(), m as u8)), Added::New);
            let after = question_stats(&instrument, &w.participants).remove(0);
            let steps_after = step_stats(&instrument, &w.participants).remove(0);
            prop_assert!(after.iqr.unwrap() <= before.iqr.unwrap() + 1e-9);
            prop_assert!(after.range() <= before.range());
            prop_assert_eq!(after.median, before.median);
            let spread = |s: &StepStats| (s.q3.unwrap() - s.q1.unwrap(), s.max.unwrap() - s.min.unwrap());
            let (iqr_before, range_before) = spread(&steps_before);
            let (iqr_after, range_after) = spread(&steps_after);
            prop_assert!(iqr_after <= iqr_before + 1e-9, "{} > {}", iqr_after, iqr_before);
            prop_assert!(range_after <= range_before + 1e-9);
            prop_assert!((steps_after.median.unwrap() - steps_before.median.unwrap()).abs() < 1e-9);
        }
    }
}
