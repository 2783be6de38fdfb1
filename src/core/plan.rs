//! The action plan: the next action of every question below the top level, ranked, plus
//! what the user tracks about each (status, owner, due date) and their own actions.
//!
//! Ranking: an action's priority is `weight × (4 − level)`: how much the question matters
//! times how far it is from the top. A "Don't know" brings a "find out" action with the
//! priority of level 0, because not knowing is itself a gap. Actions are taken greedily
//! by priority, except that an action waits while
//! - any step its step builds on (transitively, per the roadmap's prerequisites) still
//!   has an action waiting: a gap in the mapping comes before the advisory board that
//!   draws on it; or
//! - a question it `needs` (the instrument says so: a constitution before a bank account
//!   that asks for one) still has an action waiting.
//!
//! Ties go to the lower step, then the question's order in the instrument, so the
//! ranking is deterministic. The order is then cut into three groups (`Group`).

use super::assessment::{Assessment, Response};
use super::instrument::{Action, Instrument, Level, Question, Roadmap, MAX_LEVEL};
pub use super::tracking::{ActionStatus, CustomAction, Plan, Tracking};
use std::collections::{BTreeMap, BTreeSet};

/// An instrument action's key: the question and the level it is the next step from.
/// Raising the level brings a new action with fresh tracking; the old entry is kept.
pub fn action_key(question_id: &str, level: Level) -> String {
    format!("{question_id}/{level}")
}

/// The key of the "find out" action of a question answered "Don't know".
pub fn find_out_key(question_id: &str) -> String {
    format!("{question_id}/dont_know")
}

/// One ranked action drawn from the instrument.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedAction<'a> {
    pub key: String,
    pub step: u8,
    pub question: &'a Question,
    /// The level the action is the next step from; `None` for a "Don't know", whose
    /// action is to find out.
    pub level: Option<Level>,
    pub text: &'a str,
    pub resources: &'a [String],
    pub priority: u32,
}

/// Where an action stands in the plan, by its place in the order: the first
/// `DO_FIRST` actions, the next up to `NEXT` in all, and the rest. Groups follow the
/// order, so they never contradict it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    DoFirst,
    Next,
    Later,
}

pub const DO_FIRST: usize = 3;
pub const NEXT: usize = 10;

impl Group {
    pub const ALL: [Group; 3] = [Group::DoFirst, Group::Next, Group::Later];

    pub fn of(rank: usize) -> Group {
        if rank < DO_FIRST {
            Group::DoFirst
        } else if rank < NEXT {
            Group::Next
        } else {
            Group::Later
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Group::DoFirst => "do_first",
            Group::Next => "next",
            Group::Later => "later",
        }
    }
}

/// Every step a step builds on, directly or through others.
pub fn transitive_prerequisites(roadmap: &Roadmap) -> BTreeMap<u8, BTreeSet<u8>> {
    let direct: BTreeMap<u8, &[u8]> = roadmap
        .steps
        .iter()
        .map(|s| (s.number, s.prerequisites.as_slice()))
        .collect();
    direct
        .keys()
        .map(|&step| {
            let mut seen = BTreeSet::new();
            let mut stack: Vec<u8> = direct[&step].to_vec();
            while let Some(p) = stack.pop() {
                if seen.insert(p) {
                    stack.extend(direct.get(&p).copied().unwrap_or_default());
                }
            }
            (step, seen)
        })
        .collect()
}

/// The ranked plan of instrument actions for the questions in the assessment's mode
/// that have a level below the top.
pub fn rank<'a>(
    instrument: &'a Instrument,
    roadmap: &Roadmap,
    assessment: &Assessment,
) -> Vec<PlannedAction<'a>> {
    let mut waiting: Vec<(usize, PlannedAction<'a>)> = instrument
        .questions_in_scope(assessment.mode)
        .enumerate()
        .filter_map(|(order, question)| {
            let planned = match assessment.response(&question.id)? {
                Response::Level(level) => {
                    let action: &Action = question.action_at(level)?;
                    PlannedAction {
                        key: action_key(&question.id, level),
                        step: question.step,
                        question,
                        level: Some(level),
                        text: &action.text,
                        resources: &action.resources,
                        priority: u32::from(question.weight) * u32::from(MAX_LEVEL - level.value()),
                    }
                }
                Response::DontKnow if !question.find_out.is_empty() => PlannedAction {
                    key: find_out_key(&question.id),
                    step: question.step,
                    question,
                    level: None,
                    text: &question.find_out,
                    resources: &[],
                    priority: u32::from(question.weight) * u32::from(MAX_LEVEL),
                },
                Response::DontKnow | Response::NotApplicable => return None,
            };
            Some((order, planned))
        })
        .collect();
    let prerequisites = transitive_prerequisites(roadmap);
    let mut ranked = Vec::with_capacity(waiting.len());
    while !waiting.is_empty() {
        let steps_waiting: BTreeSet<u8> = waiting.iter().map(|(_, a)| a.step).collect();
        let questions_waiting: BTreeSet<&str> = waiting
            .iter()
            .map(|(_, a)| a.question.id.as_str())
            .collect();
        let free = |a: &PlannedAction| {
            prerequisites
                .get(&a.step)
                .is_none_or(|pre| pre.is_disjoint(&steps_waiting))
                && a.question
                    .needs
                    .iter()
                    .all(|n| !questions_waiting.contains(n.as_str()))
        };
        let best = waiting
            .iter()
            .enumerate()
            .filter(|(_, (_, a))| free(a))
            .min_by_key(|(_, (order, a))| (std::cmp::Reverse(a.priority), a.step, *order))
            .map(|(index, _)| index)
            // Unreachable with acyclic prerequisites and needs (content tests guarantee
            // both); fall back to the first waiting action rather than loop forever.
            .unwrap_or(0);
        ranked.push(waiting.remove(best).1);
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Mode, Perspective, RoadmapStep};
    use crate::core::test_support;

    /// Step 9 stays out of the quick set.
    fn question(id: &str, step: u8, weight: u8) -> Question {
        test_support::question(id, step, weight, step != 9)
    }

    fn roadmap() -> Roadmap {
        let prerequisites = |n: u8| match n {
            3 => vec![2],
            4 => vec![3],
            _ => vec![],
        };
        Roadmap {
            id: "r".into(),
            title: String::new(),
            source: String::new(),
            steps: (1..=10)
                .map(|number| RoadmapStep {
                    number,
                    short: String::new(),
                    title: String::new(),
                    summary: String::new(),
                    prerequisites: prerequisites(number),
                    items: vec![],
                })
                .collect(),
        }
    }

    fn instrument() -> Instrument {
        test_support::instrument(vec![
            question("board", 4, 3),
            question("mapping", 3, 1),
            question("engage-a", 1, 2),
            question("engage-b", 1, 2),
            question("network", 9, 3),
        ])
    }

    fn answered(mode: Mode, levels: &[(&str, u8)]) -> Assessment {
        let mut a = test_support::assessment("x", Perspective::City, mode, ("test", "1"), "t");
        for (id, level) in levels {
            a.set_response(id, Some(Response::Level(Level::new(*level).unwrap())), "t");
        }
        a
    }

    fn keys(plan: &[PlannedAction]) -> Vec<String> {
        plan.iter().map(|a| a.key.clone()).collect()
    }

    #[test]
    fn top_level_questions_and_unanswered_ones_have_no_action() {
        let i = instrument();
        let a = answered(Mode::Full, &[("engage-a", 4)]);
        assert!(rank(&i, &roadmap(), &a).is_empty());
    }

    #[test]
    fn the_action_is_the_one_for_the_current_level() {
        let i = instrument();
        let a = answered(Mode::Full, &[("engage-a", 2)]);
        let plan = rank(&i, &roadmap(), &a);
        assert_eq!(plan[0].text, "engage-a action 2");
        assert_eq!(plan[0].priority, 2 * 2);
    }

    #[test]
    fn prerequisite_gaps_come_first_even_at_lower_priority() {
        let i = instrument();
        // The board (weight 3, level 0: priority 12) builds on the mapping (weight 1,
        // level 3: priority 1), which comes first all the same.
        let a = answered(Mode::Full, &[("board", 0), ("mapping", 3)]);
        assert_eq!(keys(&rank(&i, &roadmap(), &a)), ["mapping/3", "board/0"]);
    }

    #[test]
    fn unrelated_steps_rank_by_priority() {
        let i = instrument();
        let a = answered(Mode::Full, &[("engage-a", 3), ("network", 0)]);
        assert_eq!(keys(&rank(&i, &roadmap(), &a)), ["network/0", "engage-a/3"]);
    }

    #[test]
    fn ties_break_by_step_then_instrument_order() {
        let i = instrument();
        let a = answered(
            Mode::Full,
            &[("engage-b", 1), ("engage-a", 1), ("mapping", 0)],
        );
        // All three have priority... engage: 2×3 = 6, mapping 1×4 = 4.
        assert_eq!(
            keys(&rank(&i, &roadmap(), &a)),
            ["engage-a/1", "engage-b/1", "mapping/0"]
        );
        let tie = answered(Mode::Full, &[("engage-b", 2), ("engage-a", 2)]);
        assert_eq!(
            keys(&rank(&i, &roadmap(), &tie)),
            ["engage-a/2", "engage-b/2"]
        );
    }

    #[test]
    fn quick_assessments_plan_from_quick_questions_only() {
        let i = instrument();
        let a = answered(Mode::Quick, &[("network", 0), ("engage-a", 1)]);
        assert_eq!(keys(&rank(&i, &roadmap(), &a)), ["engage-a/1"]);
    }

    #[test]
    fn dont_know_brings_a_find_out_action_ranked_as_a_level_0_gap() {
        let i = instrument();
        let mut a = answered(Mode::Full, &[("engage-a", 3)]);
        a.set_response("engage-b", Some(Response::DontKnow), "t");
        let plan = rank(&i, &roadmap(), &a);
        assert_eq!(keys(&plan), ["engage-b/dont_know", "engage-a/3"]);
        assert_eq!(plan[0].text, "Find out about engage-b");
        assert_eq!((plan[0].level, plan[0].priority), (None, 2 * 4));
        // Not applicable brings nothing.
        a.set_response("engage-b", Some(Response::NotApplicable), "t");
        assert_eq!(keys(&rank(&i, &roadmap(), &a)), ["engage-a/3"]);
    }

    #[test]
    fn an_action_waits_for_the_question_it_needs() {
        let mut i = instrument();
        // engage-a (weight 2, level 0: priority 8) needs engage-b (level 3: priority 2).
        i.questions[2].needs = vec!["engage-b".into()];
        let a = answered(Mode::Full, &[("engage-a", 0), ("engage-b", 3)]);
        assert_eq!(
            keys(&rank(&i, &roadmap(), &a)),
            ["engage-b/3", "engage-a/0"]
        );
        // Once engage-b is at the top, nothing holds engage-a back.
        let a = answered(Mode::Full, &[("engage-a", 0), ("engage-b", 4)]);
        assert_eq!(keys(&rank(&i, &roadmap(), &a)), ["engage-a/0"]);
    }

    #[test]
    fn groups_follow_the_order() {
        let groups: Vec<Group> = (0..12).map(Group::of).collect();
        assert_eq!(groups[..3], [Group::DoFirst; 3]);
        assert_eq!(groups[3..10], [Group::Next; 7]);
        assert_eq!(groups[10..], [Group::Later; 2]);
    }

    #[test]
    fn transitive_prerequisites_follow_chains() {
        let t = transitive_prerequisites(&roadmap());
        assert_eq!(t[&4], BTreeSet::from([2, 3]));
        assert!(t[&1].is_empty());
    }
}
