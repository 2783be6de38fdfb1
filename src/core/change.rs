//! Change over time: two states of one assessment (two snapshots, or a snapshot and the
//! assessment as it is now) compared. Per step both scores and the difference; the
//! questions whose answer moved (a level, "Not applicable", "Don't know" or none, to
//! another); the plan's actions marked done in between, and those no longer done; own
//! actions added and removed.
//!
//! The comparison runs from `before` to `after`, whichever the user picks as which:
//! comparing the other way round gives the same change reversed (every difference
//! negated, every move turned round, done and no longer done swapped, added and removed
//! swapped), and a state compared with itself shows no change.

use super::assessment::{Assessment, Response};
use super::instrument::{Instrument, Level, STEP_COUNT};
use super::plan::ActionStatus;
use super::scoring::{self, Band};

/// A score in both states: a step's, or the overall index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl ScoreChange {
    /// After less before; `None` unless both have a score.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }

    /// The difference of the scores as shown (each rounded down, `scoring::shown_score`),
    /// so that the words agree with the two numbers beside them.
    pub fn shown_delta(&self) -> Option<i16> {
        let shown = |s: f64| i16::from(scoring::shown_score(s));
        Some(shown(self.after?) - shown(self.before?))
    }

    pub fn bands(&self) -> (Option<Band>, Option<Band>) {
        (self.before.map(Band::of), self.after.map(Band::of))
    }

    fn reversed(self) -> ScoreChange {
        ScoreChange {
            before: self.after,
            after: self.before,
        }
    }
}

/// One step's scores in both states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepChange {
    pub step: u8,
    pub score: ScoreChange,
}

/// A question whose answer is not the same in both states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub question: String,
    pub step: u8,
    /// `None`: not answered (perhaps with a note).
    pub from: Option<Response>,
    pub to: Option<Response>,
}

impl Moved {
    /// Levels up (positive) or down, when both answers are levels.
    pub fn levels(&self) -> Option<i8> {
        let value = |r: Option<Response>| match r {
            Some(Response::Level(level)) => Some(level.value() as i8),
            _ => None,
        };
        Some(value(self.to)? - value(self.from)?)
    }
}

/// An action of the plan, named so that a person recognises it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRef {
    /// The action key (`question/level`, `question/dont_know`) or an own action's id.
    pub key: String,
    /// The roadmap step it belongs to, if any.
    pub step: Option<u8>,
    /// The action's text; the key when the questionnaire no longer has it.
    pub text: String,
    /// The user's own action rather than the questionnaire's.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub overall: ScoreChange,
    /// The ten steps, in order.
    pub steps: Vec<StepChange>,
    /// In the questionnaire's order.
    pub moved: Vec<Moved>,
    /// Actions whose status is "Done" after and was not before (or did not exist):
    /// the questionnaire's first, in its order, then own actions in theirs.
    pub completed: Vec<ActionRef>,
    /// Actions that were "Done" before and are not after (or are gone).
    pub reopened: Vec<ActionRef>,
    /// Own actions after that were not there before, and the reverse.
    pub added_own: Vec<ActionRef>,
    pub removed_own: Vec<ActionRef>,
}

impl Change {
    /// Nothing moved: every score the same, no answer changed, no action.
    pub fn is_empty(&self) -> bool {
        let same = |s: &ScoreChange| s.before == s.after;
        same(&self.overall)
            && self.steps.iter().all(|s| same(&s.score))
            && self.moved.is_empty()
            && self.completed.is_empty()
            && self.reopened.is_empty()
            && self.added_own.is_empty()
            && self.removed_own.is_empty()
    }

    /// The same change seen the other way round.
    pub fn reversed(&self) -> Change {
        Change {
            overall: self.overall.reversed(),
            steps: self
                .steps
                .iter()
                .map(|s| StepChange {
                    step: s.step,
                    score: s.score.reversed(),
                })
                .collect(),
            moved: self
                .moved
                .iter()
                .map(|m| Moved {
                    from: m.to,
                    to: m.from,
                    ..m.clone()
                })
                .collect(),
            completed: self.reopened.clone(),
            reopened: self.completed.clone(),
            added_own: self.removed_own.clone(),
            removed_own: self.added_own.clone(),
        }
    }
}

/// The questionnaire's action under `key`, with its step and text.
fn instrument_action(instrument: &Instrument, key: &str) -> ActionRef {
    let named = key.rsplit_once('/').and_then(|(question, level)| {
        let q = instrument.question(question)?;
        let text = if level == "dont_know" {
            q.find_out.clone()
        } else {
            let level = Level::new(level.parse().ok()?)?;
            q.action_at(level)?.text.clone()
        };
        Some((q.step, text))
    });
    ActionRef {
        key: key.to_owned(),
        step: named.as_ref().map(|(step, _)| *step),
        text: named.map_or_else(|| key.to_owned(), |(_, text)| text),
        own: false,
    }
}

/// Actions done in `to` and not in `from`: of the questionnaire, then own.
fn newly_done(instrument: &Instrument, from: &Assessment, to: &Assessment) -> Vec<ActionRef> {
    let done = |a: &Assessment, key: &str| a.tracking(key).status == ActionStatus::Done;
    let question_of = |key: &str| key.rsplit_once('/').map_or("", |(q, _)| q).to_owned();
    // In the questionnaire's order (each question's keys in key order), then the keys
    // of questions it no longer has.
    let by_question = instrument.questions.iter().flat_map(|q| {
        to.plan
            .tracking
            .keys()
            .filter(move |key| question_of(key) == q.id)
    });
    let others = to
        .plan
        .tracking
        .keys()
        .filter(|key| instrument.question(&question_of(key)).is_none());
    let keys = by_question
        .chain(others)
        .filter(|key| done(to, key) && !done(from, key));
    let own_done = |a: &Assessment, id: &str| {
        a.plan
            .custom
            .iter()
            .any(|c| c.id == id && c.tracking.status == ActionStatus::Done)
    };
    keys.map(|key| instrument_action(instrument, key))
        .chain(
            to.plan
                .custom
                .iter()
                .filter(|c| own_done(to, &c.id) && !own_done(from, &c.id))
                .map(own),
        )
        .collect()
}

fn own(action: &super::tracking::CustomAction) -> ActionRef {
    ActionRef {
        key: action.id.clone(),
        step: action.step,
        text: action.text.clone(),
        own: true,
    }
}

/// Own actions of `to` that `from` does not have.
fn own_added(from: &Assessment, to: &Assessment) -> Vec<ActionRef> {
    to.plan
        .custom
        .iter()
        .filter(|c| !from.plan.custom.iter().any(|f| f.id == c.id))
        .map(own)
        .collect()
}

/// The change from `before` to `after`, two states of one assessment, scored against
/// `instrument` (the questionnaire of their perspective).
pub fn between(instrument: &Instrument, before: &Assessment, after: &Assessment) -> Change {
    let (pb, pa) = (
        scoring::profile(instrument, before),
        scoring::profile(instrument, after),
    );
    let score = |p: &scoring::Profile, step: u8| p.step(step).and_then(|s| s.score);
    Change {
        overall: ScoreChange {
            before: pb.overall,
            after: pa.overall,
        },
        steps: (1..=STEP_COUNT)
            .map(|step| StepChange {
                step,
                score: ScoreChange {
                    before: score(&pb, step),
                    after: score(&pa, step),
                },
            })
            .collect(),
        moved: instrument
            .questions
            .iter()
            .filter_map(|q| {
                let (from, to) = (before.response(&q.id), after.response(&q.id));
                (from != to).then(|| Moved {
                    question: q.id.clone(),
                    step: q.step,
                    from,
                    to,
                })
            })
            .collect(),
        completed: newly_done(instrument, before, after),
        reopened: newly_done(instrument, after, before),
        added_own: own_added(before, after),
        removed_own: own_added(after, before),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::plan::{action_key, find_out_key, CustomAction, Tracking};
    use crate::core::snapshot;
    use crate::core::test_support;

    fn level(n: u8) -> Option<Response> {
        Some(Response::Level(Level::new(n).unwrap()))
    }

    fn instrument() -> Instrument {
        test_support::instrument(vec![
            test_support::question("a", 1, 1, true),
            test_support::question("b", 1, 1, true),
            test_support::question("c", 2, 1, true),
            test_support::question("d", 3, 1, true),
        ])
    }

    fn done() -> Tracking {
        Tracking {
            status: ActionStatus::Done,
            ..Tracking::default()
        }
    }

    /// A baseline, then a follow-up after work on steps 1 and 2.
    fn baseline_and_follow_up() -> (Assessment, Assessment) {
        let mut a =
            test_support::assessment("a", Perspective::City, Mode::Full, ("test", "1"), "t");
        a.set_response("a", level(1), "t");
        a.set_response("b", level(1), "t");
        a.set_response("c", Some(Response::DontKnow), "t");
        a.set_response("d", Some(Response::NotApplicable), "t");
        a.set_tracking(
            &action_key("a", Level::new(1).unwrap()),
            Tracking::default(),
            "t",
        );
        a.add_custom_action(
            CustomAction {
                id: "own-1".into(),
                step: Some(2),
                text: "Brief the deputy mayor".into(),
                tracking: Tracking::default(),
            },
            "t",
        );
        let baseline = snapshot::freeze(&a, "s1".into(), "Baseline", "t1");
        // Work is done, answers move.
        a.set_tracking(&action_key("a", Level::new(1).unwrap()), done(), "t2");
        a.set_tracking(&find_out_key("c"), done(), "t2");
        a.set_response("a", level(3), "t2");
        a.set_response("c", level(2), "t2");
        a.set_response("d", None, "t2");
        a.edit_custom_action("own-1", "t2", |c| c.tracking = done());
        a.add_custom_action(
            CustomAction {
                id: "own-2".into(),
                step: None,
                text: "Share the map with partners".into(),
                tracking: Tracking::default(),
            },
            "t2",
        );
        (baseline, a)
    }

    #[test]
    fn snapshot_deltas_per_step_with_both_scores_and_bands() {
        let (baseline, now) = baseline_and_follow_up();
        let change = between(&instrument(), &baseline, &now);
        let step1 = change.steps[0].score;
        // Step 1: (1 + 1) / 8 = 25, then (3 + 1) / 8 = 50.
        assert_eq!((step1.before, step1.after), (Some(25.0), Some(50.0)));
        assert_eq!((step1.delta(), step1.shown_delta()), (Some(25.0), Some(25)));
        assert_eq!(
            step1.bands(),
            (Some(Band::Developing), Some(Band::Established))
        );
        // Step 2: no score (Don't know), then 50.
        let step2 = change.steps[1].score;
        assert_eq!(
            (step2.before, step2.after, step2.delta()),
            (None, Some(50.0), None)
        );
        assert_eq!(change.steps[2].score.delta(), None, "not scored in either");
        assert_eq!(
            (change.overall.before, change.overall.after),
            (Some(25.0), Some(50.0))
        );
    }

    #[test]
    fn the_questions_that_moved_with_from_and_to_including_not_applicable_and_dont_know() {
        let (baseline, now) = baseline_and_follow_up();
        let moved = between(&instrument(), &baseline, &now).moved;
        assert_eq!(
            moved,
            [
                Moved {
                    question: "a".into(),
                    step: 1,
                    from: level(1),
                    to: level(3)
                },
                Moved {
                    question: "c".into(),
                    step: 2,
                    from: Some(Response::DontKnow),
                    to: level(2)
                },
                Moved {
                    question: "d".into(),
                    step: 3,
                    from: Some(Response::NotApplicable),
                    to: None
                },
            ]
        );
        assert_eq!(moved[0].levels(), Some(2));
        assert_eq!(moved[1].levels(), None);
    }

    #[test]
    fn actions_done_in_between_and_own_actions_added() {
        let (baseline, now) = baseline_and_follow_up();
        let change = between(&instrument(), &baseline, &now);
        let texts = |list: &[ActionRef]| list.iter().map(|a| a.text.clone()).collect::<Vec<_>>();
        assert_eq!(
            texts(&change.completed),
            ["a action 1", "Find out about c", "Brief the deputy mayor"]
        );
        assert_eq!(change.completed[0].step, Some(1));
        assert!(change.completed[2].own);
        assert_eq!(texts(&change.added_own), ["Share the map with partners"]);
        assert!(change.reopened.is_empty() && change.removed_own.is_empty());
        // The other way round: done before, not any more; the own action removed.
        let back = between(&instrument(), &now, &baseline);
        assert_eq!(texts(&back.reopened), texts(&change.completed));
        assert_eq!(texts(&back.removed_own), ["Share the map with partners"]);
        // An action the questionnaire no longer has is named by its key.
        let mut later = now.clone();
        later.set_tracking("gone-question/2", done(), "t3");
        let change = between(&instrument(), &now, &later);
        assert_eq!(
            change.completed,
            [ActionRef {
                key: "gone-question/2".into(),
                step: None,
                text: "gone-question/2".into(),
                own: false
            }]
        );
    }

    #[test]
    fn shown_deltas_agree_with_the_shown_scores() {
        let s = ScoreChange {
            before: Some(40.9),
            after: Some(41.1),
        };
        assert_eq!(s.shown_delta(), Some(1));
        let s = ScoreChange {
            before: Some(40.1),
            after: Some(40.9),
        };
        assert_eq!(s.shown_delta(), Some(0));
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::content;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::plan::{CustomAction, Tracking};
    use proptest::prelude::*;

    /// A state of the city assessment: a response per question (by index, from a
    /// small set), statuses for some actions, some own actions.
    fn state() -> impl Strategy<Value = Assessment> {
        let questions = content::instrument(Perspective::City).questions.len();
        (
            prop::collection::vec(0..8u8, questions),
            prop::collection::vec((0..questions, 0..5u8, 0..4usize), 0..8),
            prop::collection::vec((0..4usize, 0..4usize), 0..4),
        )
            .prop_map(|(responses, tracked, own)| {
                let instrument = content::instrument(Perspective::City);
                let mut a = crate::core::assessment::Assessment::create(
                    "a".into(),
                    crate::core::assessment::NewAssessment {
                        perspective: Perspective::City,
                        mode: Mode::Full,
                        name: "a".into(),
                        respondent: String::new(),
                    },
                    crate::core::assessment::InstrumentRef {
                        id: instrument.id.clone(),
                        version: instrument.version.clone(),
                    },
                    "t",
                );
                for (q, r) in instrument.questions.iter().zip(responses) {
                    let response = match r {
                        0..=4 => Level::new(r).map(Response::Level),
                        5 => Some(Response::NotApplicable),
                        6 => Some(Response::DontKnow),
                        _ => None,
                    };
                    a.set_response(&q.id, response, "t");
                }
                for (q, l, status) in tracked {
                    let key = format!("{}/{l}", instrument.questions[q].id);
                    let tracking = Tracking {
                        status: ActionStatus::ALL[status],
                        ..Tracking::default()
                    };
                    a.set_tracking(&key, tracking, "t");
                }
                for (id, status) in own {
                    if a.plan.custom.iter().all(|c| c.id != format!("own-{id}")) {
                        a.add_custom_action(
                            CustomAction {
                                id: format!("own-{id}"),
                                step: None,
                                text: format!("own {id}"),
                                tracking: Tracking {
                                    status: ActionStatus::ALL[status],
                                    ..Tracking::default()
                                },
                            },
                            "t",
                        );
                    }
                }
                a
            })
    }

    proptest! {
        #[test]
        fn a_state_compared_with_itself_shows_no_change(a in state()) {
            let change = between(content::instrument(Perspective::City), &a, &a);
            prop_assert!(change.is_empty(), "{:?}", change);
            prop_assert!(change.steps.iter().all(|s| s.score.delta().is_none_or(|d| d == 0.0)));
        }

        #[test]
        fn the_change_back_is_the_change_reversed(a in state(), b in state()) {
            let instrument = content::instrument(Perspective::City);
            let (there, back) = (between(instrument, &a, &b), between(instrument, &b, &a));
            prop_assert_eq!(&back, &there.reversed());
            for (t, r) in there.steps.iter().zip(&back.steps) {
                prop_assert_eq!(t.score.delta().map(|d| -d), r.score.delta());
                prop_assert_eq!(t.score.shown_delta().map(|d| -d), r.score.shown_delta());
            }
            prop_assert_eq!(there.is_empty(), back.is_empty());
        }
    }
}
