//! What the user records of the action plan, saved with the assessment: status, owner
//! and due date of each action, and the user's own actions. Its own module so that
//! `assessment` (which stores it) and `plan` (which ranks actions) need not import
//! each other.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Every action starts here; "Planned" is the person's own choice.
    #[default]
    NotStarted,
    Planned,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
        }
    }
}

/// What the user records about one action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tracking {
    pub status: ActionStatus,
    pub owner: String,
    /// An ISO date (`2027-03-01`) or empty.
    pub due: String,
}

impl Tracking {
    pub fn is_default(&self) -> bool {
        *self == Tracking::default()
    }
}

/// An action the user wrote themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomAction {
    pub id: String,
    /// The roadmap step it belongs to, if any.
    pub step: Option<u8>,
    pub text: String,
    pub tracking: Tracking,
}

/// The user's side of the plan, saved with the assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Keyed by `action_key`; an entry exists only once the user changed something.
    pub tracking: BTreeMap<String, Tracking>,
    pub custom: Vec<CustomAction>,
}
