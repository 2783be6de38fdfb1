//! Grant readiness for a community organisation: the checks a small funder makes before
//! it pays (`content/funder_checks.toml`), each answered by one question of the CSO
//! instrument, turned into a verdict: which checks are met, which are not, and what to
//! fix first. A self-assessment, never a funder's decision.

use super::assessment::{Assessment, Response};
use super::instrument::{Instrument, Level};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct FunderChecks {
    #[serde(rename = "check")]
    pub checks: Vec<FunderCheck>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FunderCheck {
    pub id: String,
    pub name: String,
    /// The CSO question that answers it.
    pub question: String,
    /// The level from which a small funder would count it met.
    pub met_at: u8,
    /// Without it an application is normally refused.
    pub blocking: bool,
    /// The funder pack's section it belongs to (`Section::key`).
    pub section: String,
    /// What to do first when it is not met.
    pub fix: String,
}

/// Where one check stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckState {
    Met,
    /// Answered below `met_at`: some of it is in place.
    InProgress(Level),
    /// Level 0.
    NotMet,
    /// "Don't know", or not answered yet: nothing to show a funder.
    Unknown,
    /// Not applicable: the check does not apply to this organisation.
    NotApplicable,
    /// A quick check that does not ask its question: open, so that a quick check never
    /// overstates readiness.
    NotAsked,
}

impl CheckState {
    pub fn of(check: &FunderCheck, instrument: &Instrument, assessment: &Assessment) -> CheckState {
        let asked = instrument
            .question(&check.question)
            .is_some_and(|q| assessment.mode.includes(q));
        if !asked {
            return CheckState::NotAsked;
        }
        match assessment.response(&check.question) {
            Some(Response::Level(level)) if level.value() >= check.met_at => CheckState::Met,
            Some(Response::Level(level)) if level.value() > 0 => CheckState::InProgress(level),
            Some(Response::Level(_)) => CheckState::NotMet,
            Some(Response::NotApplicable) => CheckState::NotApplicable,
            Some(Response::DontKnow) | None => CheckState::Unknown,
        }
    }

    /// Counts against readiness: neither met nor out of scope.
    pub fn is_open(self) -> bool {
        !matches!(self, CheckState::Met | CheckState::NotApplicable)
    }

    pub fn key(self) -> &'static str {
        match self {
            CheckState::Met => "met",
            CheckState::InProgress(_) => "in_progress",
            CheckState::NotMet => "not_met",
            CheckState::Unknown => "unknown",
            CheckState::NotApplicable => "not_applicable",
            CheckState::NotAsked => "not_asked",
        }
    }
}

/// The verdict over every check, in the content's order (the order to fix them).
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict<'a> {
    pub checks: Vec<(&'a FunderCheck, CheckState)>,
}

/// At most this many checks are named under "fix first".
pub const FIX_FIRST: usize = 3;

impl<'a> Verdict<'a> {
    pub fn of(
        checks: &'a FunderChecks,
        instrument: &Instrument,
        assessment: &Assessment,
    ) -> Verdict<'a> {
        Verdict {
            checks: checks
                .checks
                .iter()
                .map(|c| (c, CheckState::of(c, instrument, assessment)))
                .collect(),
        }
    }

    /// Every blocking check is met (or does not apply).
    pub fn ready_to_apply(&self) -> bool {
        self.checks
            .iter()
            .all(|(check, state)| !check.blocking || !state.is_open())
    }

    pub fn met(&self) -> usize {
        self.checks
            .iter()
            .filter(|(_, s)| *s == CheckState::Met)
            .count()
    }

    /// Checks that apply to this organisation.
    pub fn applicable(&self) -> usize {
        self.checks
            .iter()
            .filter(|(_, s)| *s != CheckState::NotApplicable)
            .count()
    }

    /// The one to three open checks to fix first: blocking ones first, then the others,
    /// each in the content's order.
    pub fn fix_first(&self) -> Vec<&'a FunderCheck> {
        let open = |blocking: bool| {
            self.checks
                .iter()
                .filter(move |(c, s)| c.blocking == blocking && s.is_open())
                .map(|(c, _)| *c)
        };
        open(true).chain(open(false)).take(FIX_FIRST).collect()
    }

    /// The checks of one funder-pack section, in order.
    pub fn section(&self, key: &str) -> Vec<(&'a FunderCheck, CheckState)> {
        self.checks
            .iter()
            .filter(|(c, _)| c.section == key)
            .copied()
            .collect()
    }
}

/// The funder pack's sections, in the order a funder reads them. The organisation
/// itself (name, who filled it in, when) heads the pack and holds no check.
pub const SECTIONS: [&str; 6] = [
    "legal",
    "governance",
    "finances",
    "safeguarding",
    "policies",
    "track_record",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::instrument::{Mode, Perspective};
    use crate::core::test_support;

    fn check(id: &str, met_at: u8, blocking: bool) -> FunderCheck {
        FunderCheck {
            id: id.into(),
            name: id.into(),
            question: id.into(),
            met_at,
            blocking,
            section: "legal".into(),
            fix: format!("fix {id}"),
        }
    }

    fn instrument() -> Instrument {
        let quick = ["legal", "money", "safeguarding"];
        test_support::instrument(
            ["legal", "money", "policies", "safeguarding", "insurance"]
                .into_iter()
                .map(|id| test_support::question(id, 7, 2, quick.contains(&id)))
                .collect(),
        )
    }

    fn answered(levels: &[(&str, Option<Response>)]) -> Assessment {
        let mut a = test_support::assessment("a", Perspective::Cso, Mode::Full, ("t", "1"), "t");
        for (id, response) in levels {
            a.set_response(id, *response, "t");
        }
        a
    }

    fn level(n: u8) -> Option<Response> {
        Some(Response::Level(Level::new(n).unwrap()))
    }

    #[test]
    fn the_verdict_names_what_blocks_first_and_never_more_than_three() {
        let checks = FunderChecks {
            checks: vec![
                check("legal", 2, true),
                check("money", 2, true),
                check("policies", 3, false),
                check("safeguarding", 2, true),
                check("insurance", 2, false),
            ],
        };
        let a = answered(&[
            ("legal", level(2)),
            ("money", level(1)),
            ("policies", level(0)),
            ("safeguarding", Some(Response::DontKnow)),
            ("insurance", Some(Response::NotApplicable)),
        ]);
        let i = instrument();
        let v = Verdict::of(&checks, &i, &a);
        assert!(!v.ready_to_apply());
        assert_eq!((v.met(), v.applicable()), (1, 4));
        let first: Vec<&str> = v.fix_first().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(first, ["money", "safeguarding", "policies"]);
        assert_eq!(
            v.checks[1].1,
            CheckState::InProgress(Level::new(1).unwrap())
        );
        assert_eq!(v.checks[3].1, CheckState::Unknown);

        let ready = answered(&[
            ("legal", level(3)),
            ("money", level(2)),
            ("safeguarding", Some(Response::NotApplicable)),
        ]);
        let v = Verdict::of(&checks, &i, &ready);
        assert!(v.ready_to_apply(), "the essentials are met or do not apply");
        let first: Vec<&str> = v.fix_first().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(first, ["policies", "insurance"]);

        // A quick check does not ask about policies or insurance: they stay open.
        let mut quick = ready.clone();
        quick.mode = Mode::Quick;
        quick.set_response("policies", level(4), "t");
        let v = Verdict::of(&checks, &i, &quick);
        assert_eq!(v.checks[2].1, CheckState::NotAsked);
        assert!(v.checks[2].1.is_open());
    }
}
