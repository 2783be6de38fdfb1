//! What a consensus assessment records of the workshop that agreed it: how many took
//! part, who (when the facilitator chose to name them), and what the room answered to
//! each question. Stored with the assessment, so its own module, as `tracking` is.

use super::instrument::Level;
use std::collections::BTreeMap;

/// What a consensus assessment records of the room, kept in its file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consensus {
    pub participants: usize,
    /// The participants' labels when the workshop was attributed; empty when anonymous.
    pub labels: Vec<String>,
    /// Per question answered with a level by anyone: the levels the room gave.
    pub spread: BTreeMap<String, Spread>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub answered: usize,
    pub min: Level,
    pub max: Level,
    pub median: f64,
}
