//! One assessment: who, which perspective and mode, and every answer and note.
//! Plain data; the browser edge supplies ids and timestamps.

use super::consensus::Consensus;
use super::instrument::{Level, Mode, Perspective};
use super::snapshot::SnapshotMark;
use super::tracking::{CustomAction, Plan, Tracking};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest revision a file may carry: JavaScript's largest exact integer, so that
/// any tool reading the JSON sees the same number, and the app can count on from it.
pub const MAX_REVISION: u64 = (1 << 53) - 1;

/// What a person chose for one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Level(Level),
    NotApplicable,
    DontKnow,
}

/// A response (if any) and a free-text note or evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub response: Option<Response>,
    pub note: String,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.response.is_none() && self.note.is_empty()
    }
}

/// Which instrument (and version) the answers were given against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "an object")]
pub struct InstrumentRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub id: String,
    pub perspective: Perspective,
    pub mode: Mode,
    /// The city's or the organisation's name.
    pub name: String,
    /// Who fills it in; may be empty.
    pub respondent: String,
    pub instrument: InstrumentRef,
    /// ISO 8601 timestamps, supplied by the caller.
    pub created_at: String,
    pub updated_at: String,
    /// Bumped on every saved change; lets two tabs notice each other's writes.
    pub revision: u64,
    /// Keyed by question id. Answers to ids the instrument does not know are kept.
    pub answers: BTreeMap<String, Answer>,
    /// What the user tracks of the action plan, and their own actions.
    pub plan: Plan,
    /// Set when this assessment is a workshop's consensus.
    pub consensus: Option<Consensus>,
    /// Set when this record is a snapshot of the assessment `id` (`core::snapshot`):
    /// frozen, never edited, stored apart from the assessment itself.
    pub snapshot: Option<SnapshotMark>,
    /// Set when this assessment was exported for sharing (`core::sharing`): what was
    /// left out. Kept when such a file is imported, so that it shows as shared.
    pub redaction: Option<Redaction>,
    /// The language the assessment was filled in (a BCP 47 tag such as `fr`), when known;
    /// answers are keyed by question id, so it can be shown in any language.
    pub language: Option<String>,
}

/// What an assessment exported for sharing left out, as the file's field paths
/// (`answers[].note`, `respondent`, …; see `core::sharing::LEFT_OUT`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Redaction {
    pub left_out: Vec<String>,
}

/// What the "New assessment" form collects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAssessment {
    pub perspective: Perspective,
    pub mode: Mode,
    pub name: String,
    pub respondent: String,
}

impl Assessment {
    pub fn create(
        id: String,
        details: NewAssessment,
        instrument: InstrumentRef,
        now: &str,
    ) -> Assessment {
        Assessment {
            id,
            perspective: details.perspective,
            mode: details.mode,
            name: details.name.trim().to_owned(),
            respondent: details.respondent.trim().to_owned(),
            instrument,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            revision: 0,
            answers: BTreeMap::new(),
            plan: Plan::default(),
            consensus: None,
            snapshot: None,
            redaction: None,
            language: None,
        }
    }

    pub fn answer(&self, question_id: &str) -> Option<&Answer> {
        self.answers.get(question_id)
    }

    pub fn response(&self, question_id: &str) -> Option<Response> {
        self.answers.get(question_id).and_then(|a| a.response)
    }

    pub fn note(&self, question_id: &str) -> &str {
        self.answers
            .get(question_id)
            .map_or("", |a| a.note.as_str())
    }

    /// Sets (or clears, with `None`) the response to one question.
    pub fn set_response(&mut self, question_id: &str, response: Option<Response>, now: &str) {
        self.edit_answer(question_id, now, |answer| answer.response = response);
    }

    pub fn set_note(&mut self, question_id: &str, note: &str, now: &str) {
        self.edit_answer(question_id, now, |answer| answer.note = note.to_owned());
    }

    fn edit_answer(&mut self, question_id: &str, now: &str, edit: impl FnOnce(&mut Answer)) {
        let answer = self.answers.entry(question_id.to_owned()).or_default();
        edit(answer);
        if answer.is_empty() {
            self.answers.remove(question_id);
        }
        self.touch(now);
    }

    /// Sets what the user tracks of one instrument action (see `plan::action_key`).
    pub fn set_tracking(&mut self, action_key: &str, tracking: Tracking, now: &str) {
        if tracking.is_default() {
            self.plan.tracking.remove(action_key);
        } else {
            self.plan.tracking.insert(action_key.to_owned(), tracking);
        }
        self.touch(now);
    }

    pub fn tracking(&self, action_key: &str) -> Tracking {
        self.plan
            .tracking
            .get(action_key)
            .cloned()
            .unwrap_or_default()
    }

    pub fn add_custom_action(&mut self, action: CustomAction, now: &str) {
        self.plan.custom.push(action);
        self.touch(now);
    }

    /// Edits the user's own action `id`; an unknown id changes nothing.
    pub fn edit_custom_action(
        &mut self,
        id: &str,
        now: &str,
        edit: impl FnOnce(&mut CustomAction),
    ) {
        if let Some(action) = self.plan.custom.iter_mut().find(|a| a.id == id) {
            edit(action);
            self.touch(now);
        }
    }

    pub fn remove_custom_action(&mut self, id: &str, now: &str) {
        self.plan.custom.retain(|a| a.id != id);
        self.touch(now);
    }

    /// The one way to copy an assessment under a new id (duplicate, import "keep both",
    /// restore "keep both"): a new record made now, at revision 0, with every answer,
    /// note and plan entry of the original.
    pub fn copy_under_new_id(&self, fresh_id: String, name: String, now: &str) -> Assessment {
        Assessment {
            id: fresh_id,
            name,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            revision: 0,
            snapshot: None,
            ..self.clone()
        }
    }

    /// A quick check becomes the full assessment: every answer, note and plan entry is
    /// kept; the questions outside the quick set are now asked too.
    pub fn make_full(&mut self, now: &str) {
        if self.mode != Mode::Full {
            self.mode = Mode::Full;
            self.touch(now);
        }
    }

    /// Records a change: new timestamp, next revision. At the format's limit
    /// (`format::MAX_REVISION`) the revision stays there, so the entry still reads; the
    /// new timestamp still tells this version from the one before.
    pub fn touch(&mut self, now: &str) {
        self.updated_at = now.to_owned();
        self.revision = next_revision(self.revision);
    }

    /// The revision cannot rise any further (`format::MAX_REVISION`).
    pub fn revision_at_limit(&self) -> bool {
        self.revision >= MAX_REVISION
    }
}

/// The revision after `revision`, never past the format's limit.
pub fn next_revision(revision: u64) -> u64 {
    revision.saturating_add(1).min(MAX_REVISION)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Assessment {
        Assessment::create(
            "a1".into(),
            NewAssessment {
                perspective: Perspective::City,
                mode: Mode::Full,
                name: "  Springfield ".into(),
                respondent: String::new(),
            },
            InstrumentRef {
                id: "rr-city".into(),
                version: "1.0.0".into(),
            },
            "2026-01-01T00:00:00.000Z",
        )
    }

    #[test]
    fn create_trims_names_and_starts_at_revision_zero() {
        let a = sample();
        assert_eq!(a.name, "Springfield");
        assert_eq!(a.revision, 0);
        assert!(a.answers.is_empty());
    }

    #[test]
    fn each_change_bumps_revision_and_timestamp() {
        let mut a = sample();
        a.set_response("q", Some(Response::Level(Level::new(3).unwrap())), "t1");
        a.set_note("q", "minutes of the March meeting", "t2");
        assert_eq!(a.revision, 2);
        assert_eq!(a.updated_at, "t2");
        assert_eq!(
            a.response("q"),
            Some(Response::Level(Level::new(3).unwrap()))
        );
        assert_eq!(a.note("q"), "minutes of the March meeting");
    }

    #[test]
    fn the_revision_stops_at_the_format_limit_and_the_time_still_moves() {
        let mut a = sample();
        a.revision = MAX_REVISION - 1;
        assert!(!a.revision_at_limit());
        a.set_note("q", "one", "t1");
        assert_eq!(a.revision, MAX_REVISION);
        assert!(a.revision_at_limit());
        a.set_note("q", "two", "t2");
        assert_eq!((a.revision, a.updated_at.as_str()), (MAX_REVISION, "t2"));
        assert_eq!(next_revision(u64::MAX), MAX_REVISION);
    }

    #[test]
    fn a_copy_is_a_new_record_with_every_answer() {
        let mut a = sample();
        a.set_note("q", "evidence", "t1");
        let copy = a.copy_under_new_id("b".into(), "Springfield (copy)".into(), "t9");
        assert_eq!((copy.id.as_str(), copy.revision), ("b", 0));
        assert_eq!(
            (copy.created_at.as_str(), copy.updated_at.as_str()),
            ("t9", "t9")
        );
        assert_eq!(copy.answers, a.answers);
        assert_eq!(copy.plan, a.plan);
    }

    #[test]
    fn clearing_response_keeps_a_note_and_empty_answers_are_dropped() {
        let mut a = sample();
        a.set_response("q", Some(Response::DontKnow), "t1");
        a.set_note("q", "ask finance", "t2");
        a.set_response("q", None, "t3");
        assert_eq!(a.note("q"), "ask finance");
        a.set_note("q", "", "t4");
        assert!(a.answer("q").is_none());
    }
}
