//! Answers to retired questions. A question whose meaning, or a level's meaning,
//! changed gets a new id and the old one is retired (see `content/README.md`). An
//! assessment keeps its answers to retired ids as they were, in storage and in every
//! export; they never count in a score. The app lists them when the assessment opens
//! and shows each beside the question that replaces it, as a hint, never as an answer.

use super::assessment::{Answer, Assessment};
use super::instrument::{Instrument, Retired};

/// One answer given to a question that the instrument has retired.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierAnswer<'a> {
    pub retired: &'a Retired,
    pub answer: &'a Answer,
}

/// Every answer of `assessment` to a question `instrument` has retired, in id order.
pub fn earlier_answers<'a>(
    instrument: &'a Instrument,
    assessment: &'a Assessment,
) -> Vec<EarlierAnswer<'a>> {
    assessment
        .answers
        .iter()
        .filter_map(|(id, answer)| {
            instrument
                .retired(id)
                .map(|retired| EarlierAnswer { retired, answer })
        })
        .collect()
}

/// The earlier answers that the question `question_id` replaces.
pub fn hints_for<'a>(
    instrument: &'a Instrument,
    assessment: &'a Assessment,
    question_id: &str,
) -> Vec<EarlierAnswer<'a>> {
    earlier_answers(instrument, assessment)
        .into_iter()
        .filter(|e| e.retired.replaced_by.as_deref() == Some(question_id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Response;
    use crate::core::instrument::{Level, Mode, Perspective};
    use crate::core::{scoring, test_support};

    fn instrument() -> Instrument {
        let mut i = test_support::instrument(vec![test_support::question("new", 1, 2, true)]);
        i.retired = vec![
            Retired {
                id: "old".into(),
                replaced_by: Some("new".into()),
                since: "2".into(),
                reason: "levels overlapped".into(),
            },
            Retired {
                id: "dropped".into(),
                replaced_by: None,
                since: "2".into(),
                reason: "asked twice".into(),
            },
        ];
        i
    }

    #[test]
    fn earlier_answers_are_listed_hinted_at_their_successor_and_never_scored() {
        let instrument = instrument();
        let mut a =
            test_support::assessment("a", Perspective::City, Mode::Full, ("test", "1"), "t");
        a.set_response("old", Some(Response::Level(Level::new(4).unwrap())), "t");
        a.set_note("old", "minutes of May", "t");
        a.set_note("dropped", "kept", "t");
        a.set_note("unknown", "not retired", "t");
        let earlier = earlier_answers(&instrument, &a);
        let ids: Vec<_> = earlier.iter().map(|e| e.retired.id.as_str()).collect();
        assert_eq!(ids, ["dropped", "old"]);
        let hints = hints_for(&instrument, &a, "new");
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].answer.note, "minutes of May");
        // The level given to the retired question is not the new question's answer.
        let profile = scoring::profile(&instrument, &a);
        assert_eq!(profile.answered, 0);
        assert_eq!(a.response("new"), None);
    }
}
