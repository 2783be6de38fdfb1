//! "Export for sharing": the scores without the words. A copy of an assessment with
//! every note, the respondent's name, the plan's owners, the texts of the user's own
//! actions and a consensus's participant names left out, and a record of what was left
//! out (`Assessment::redaction`, written to the file as `redacted: true` and
//! `left_out`). Answers, levels, statuses, due dates and so every score stay the same.
//!
//! What counts as a note: an answer's note (a consensus's rationales are its notes, so
//! they go too), an own action's text (free text, as a note is), and every name of a
//! person (the respondent, an owner, a workshop participant's label). The assessment's
//! own name stays: it is whom the scores are about.

use super::assessment::{Assessment, Redaction};

/// What a shared file leaves out, as the file's field paths, in this order.
pub const LEFT_OUT: [&str; 6] = [
    "respondent",
    "answers[].note",
    "plan.tracking[].owner",
    "plan.custom[].text",
    "plan.custom[].owner",
    "consensus.labels",
];

/// The assessment as "Export for sharing" writes it. Pure: the assessment itself is not
/// changed, and the copy keeps its id and revision (it is the same assessment, told
/// apart by its `redacted` marker). Sharing an already shared assessment changes nothing.
pub fn for_sharing(assessment: &Assessment) -> Assessment {
    let mut shared = assessment.clone();
    shared.respondent.clear();
    for answer in shared.answers.values_mut() {
        answer.note.clear();
    }
    // A note without an answer leaves nothing behind.
    shared.answers.retain(|_, answer| !answer.is_empty());
    for tracking in shared.plan.tracking.values_mut() {
        tracking.owner.clear();
    }
    // A tracking entry that only held an owner is the default one now: not stored.
    shared
        .plan
        .tracking
        .retain(|_, tracking| !tracking.is_default());
    for action in &mut shared.plan.custom {
        action.text.clear();
        action.tracking.owner.clear();
    }
    if let Some(consensus) = &mut shared.consensus {
        consensus.labels.clear();
    }
    let mut left_out: Vec<String> = shared
        .redaction
        .take()
        .map(|r| r.left_out)
        .unwrap_or_default();
    for path in LEFT_OUT {
        if !left_out.iter().any(|p| p == path) {
            left_out.push(path.to_owned());
        }
    }
    shared.redaction = Some(Redaction { left_out });
    shared
}

/// Whether an assessment was made by "Export for sharing" (or imported from such a file).
pub fn is_shared(assessment: &Assessment) -> bool {
    assessment.redaction.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Response;
    use crate::core::consensus::Consensus;
    use crate::core::instrument::{Level, Mode, Perspective};
    use crate::core::test_support;
    use crate::core::tracking::{ActionStatus, CustomAction, Tracking};

    fn full() -> Assessment {
        let mut a = test_support::assessment(
            "a",
            Perspective::City,
            Mode::Full,
            ("rr-city", "1.0.0"),
            "t0",
        );
        a.respondent = "Dana".into();
        a.set_response("q1", Some(Response::Level(Level::new(3).unwrap())), "t");
        a.set_note("q1", "the mayor's office said no", "t");
        a.set_note("q2", "only a note", "t");
        a.set_tracking(
            "q1/3",
            Tracking {
                status: ActionStatus::Done,
                owner: "Sam".into(),
                due: "2027-01-01".into(),
            },
            "t",
        );
        a.set_tracking(
            "q3/0",
            Tracking {
                owner: "Only an owner".into(),
                ..Tracking::default()
            },
            "t",
        );
        a.add_custom_action(
            CustomAction {
                id: "c".into(),
                step: Some(2),
                text: "Call the imam".into(),
                tracking: Tracking {
                    status: ActionStatus::Planned,
                    owner: "Dana".into(),
                    due: String::new(),
                },
            },
            "t",
        );
        a.consensus = Some(Consensus {
            participants: 2,
            labels: vec!["Ana".into(), "Ben".into()],
            spread: Default::default(),
        });
        a
    }

    #[test]
    fn every_note_and_name_goes_and_every_answer_stays() {
        let a = full();
        let shared = for_sharing(&a);
        assert_eq!(shared.respondent, "");
        assert_eq!(shared.note("q1"), "");
        assert_eq!(shared.response("q1"), a.response("q1"));
        assert!(shared.answer("q2").is_none(), "a note-only answer is gone");
        assert_eq!(shared.tracking("q1/3").owner, "");
        assert_eq!(shared.tracking("q1/3").status, ActionStatus::Done);
        assert_eq!(shared.tracking("q1/3").due, "2027-01-01");
        assert!(!shared.plan.tracking.contains_key("q3/0"));
        let own = &shared.plan.custom[0];
        assert_eq!((own.text.as_str(), own.tracking.owner.as_str()), ("", ""));
        assert_eq!(
            (own.step, own.tracking.status),
            (Some(2), ActionStatus::Planned)
        );
        assert!(shared.consensus.as_ref().unwrap().labels.is_empty());
        assert_eq!(shared.consensus.as_ref().unwrap().participants, 2);
        assert_eq!(
            (shared.id.as_str(), shared.revision, shared.name.as_str()),
            (a.id.as_str(), a.revision, a.name.as_str())
        );
        assert_eq!(shared.redaction.as_ref().unwrap().left_out, LEFT_OUT);
        assert!(is_shared(&shared) && !is_shared(&a));
        // The original is untouched.
        assert_eq!(a.note("q1"), "the mayor's office said no");
    }

    #[test]
    fn sharing_twice_is_sharing_once_and_keeps_what_an_older_file_named() {
        let shared = for_sharing(&full());
        assert_eq!(for_sharing(&shared), shared);
        let mut older = full();
        older.redaction = Some(Redaction {
            left_out: vec!["something.else".into()],
        });
        let again = for_sharing(&older).redaction.unwrap().left_out;
        assert_eq!(again[0], "something.else");
        assert_eq!(again.len(), 1 + LEFT_OUT.len());
    }
}
