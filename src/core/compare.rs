//! A city's view beside a community organisation's view of the same roadmap, step by
//! step: the conversation the roadmap asks for (steps 1, 5a and 6). The two
//! questionnaires ask different questions, so the comparison is of step scores, never
//! of questions; each side's lowest-scoring questions say what lies behind a gap.

use super::assessment::{Assessment, Response};
use super::instrument::{Instrument, Level, STEP_COUNT};
use super::scoring;

/// One step seen from both sides.
#[derive(Clone, Debug, PartialEq)]
pub struct StepSide {
    pub step: u8,
    pub city: Option<f64>,
    pub cso: Option<f64>,
    /// Up to `LOWEST` questions of each side with the lowest level, lowest first.
    pub city_lowest: Vec<(String, Level)>,
    pub cso_lowest: Vec<(String, Level)>,
}

impl StepSide {
    /// City less organisation; `None` unless both have a score.
    pub fn gap(&self) -> Option<f64> {
        Some(self.city? - self.cso?)
    }
}

/// How many lowest-scoring questions each side shows per step.
pub const LOWEST: usize = 2;

fn lowest(instrument: &Instrument, assessment: &Assessment, step: u8) -> Vec<(String, Level)> {
    let mut levels: Vec<(usize, String, Level)> = instrument
        .questions_in_step(step, assessment.mode)
        .enumerate()
        .filter_map(|(order, q)| match assessment.response(&q.id) {
            Some(Response::Level(level)) if level.value() < 4 => Some((order, q.id.clone(), level)),
            _ => None,
        })
        .collect();
    levels.sort_by_key(|(order, _, level)| (*level, *order));
    levels
        .into_iter()
        .take(LOWEST)
        .map(|(_, id, level)| (id, level))
        .collect()
}

pub fn side_by_side(
    city_instrument: &Instrument,
    city: &Assessment,
    cso_instrument: &Instrument,
    cso: &Assessment,
) -> Vec<StepSide> {
    let (pc, po) = (
        scoring::profile(city_instrument, city),
        scoring::profile(cso_instrument, cso),
    );
    (1..=STEP_COUNT)
        .map(|step| StepSide {
            step,
            city: pc.step(step).and_then(|s| s.score),
            cso: po.step(step).and_then(|s| s.score),
            city_lowest: lowest(city_instrument, city, step),
            cso_lowest: lowest(cso_instrument, cso, step),
        })
        .collect()
}

/// Steps scored on both sides, closest first (ties: lower step first).
pub fn closest(sides: &[StepSide], n: usize) -> Vec<&StepSide> {
    let mut both: Vec<&StepSide> = sides.iter().filter(|s| s.gap().is_some()).collect();
    both.sort_by(|a, b| {
        let (ga, gb) = (a.gap().unwrap_or(0.0).abs(), b.gap().unwrap_or(0.0).abs());
        ga.total_cmp(&gb).then(a.step.cmp(&b.step))
    });
    both.truncate(n);
    both
}

/// Steps scored on both sides, furthest apart first; a step among the closest is not
/// also listed here.
pub fn furthest(sides: &[StepSide], n: usize) -> Vec<&StepSide> {
    let near: Vec<u8> = closest(sides, n).iter().map(|s| s.step).collect();
    let mut both: Vec<&StepSide> = sides
        .iter()
        .filter(|s| s.gap().is_some() && !near.contains(&s.step))
        .collect();
    both.sort_by(|a, b| {
        let (ga, gb) = (a.gap().unwrap_or(0.0).abs(), b.gap().unwrap_or(0.0).abs());
        gb.total_cmp(&ga).then(a.step.cmp(&b.step))
    });
    both.truncate(n);
    both
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::test_support;

    fn level(n: u8) -> Option<Response> {
        Some(Response::Level(Level::new(n).unwrap()))
    }

    #[test]
    fn steps_side_by_side_with_gaps_and_what_lies_behind_them() {
        let city_i = test_support::instrument(vec![
            test_support::question("c1", 1, 1, true),
            test_support::question("c1b", 1, 1, true),
            test_support::question("c2", 2, 1, true),
            test_support::question("c3", 3, 1, true),
        ]);
        let mut cso_i = test_support::instrument(vec![
            test_support::question("o1", 1, 1, true),
            test_support::question("o2", 2, 1, true),
            test_support::question("o3", 3, 1, true),
        ]);
        cso_i.perspective = Perspective::Cso;
        let mut city =
            test_support::assessment("c", Perspective::City, Mode::Full, ("test", "1"), "t");
        let mut cso =
            test_support::assessment("o", Perspective::Cso, Mode::Full, ("test", "1"), "t");
        for (q, r) in [
            ("c1", level(4)),
            ("c1b", level(2)),
            ("c2", level(0)),
            ("c3", level(2)),
        ] {
            city.set_response(q, r, "t");
        }
        for (q, r) in [("o1", level(4)), ("o2", level(4)), ("o3", level(1))] {
            cso.set_response(q, r, "t");
        }
        let sides = side_by_side(&city_i, &city, &cso_i, &cso);
        assert_eq!(
            (sides[0].city, sides[0].cso, sides[0].gap()),
            (Some(75.0), Some(100.0), Some(-25.0))
        );
        assert_eq!(sides[1].gap(), Some(-100.0));
        assert_eq!(
            sides[0].city_lowest,
            [("c1b".to_string(), Level::new(2).unwrap())]
        );
        assert_eq!(sides[3].gap(), None, "no score on either side");
        let near: Vec<u8> = closest(&sides, 1).iter().map(|s| s.step).collect();
        let far: Vec<u8> = furthest(&sides, 1).iter().map(|s| s.step).collect();
        assert_eq!((near, far), (vec![1], vec![2]));
        // With three steps on both sides, two closest leave one for the furthest.
        let near: Vec<u8> = closest(&sides, 2).iter().map(|s| s.step).collect();
        let far: Vec<u8> = furthest(&sides, 2).iter().map(|s| s.step).collect();
        assert_eq!((near, far), (vec![1, 3], vec![2]));
    }
}
