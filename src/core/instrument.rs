//! The instrument: roadmap steps, questions, level descriptors, actions and resources.
//! Parsed once from the embedded content files (see `content/README.md`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Number of roadmap steps; the roadmap is fixed at ten.
pub const STEP_COUNT: u8 = 10;
/// Highest answer level; levels run 0..=MAX_LEVEL.
pub const MAX_LEVEL: u8 = 4;

/// Who is assessing: a city (local government) or a community organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    City,
    Cso,
}

impl Perspective {
    pub const ALL: [Perspective; 2] = [Perspective::City, Perspective::Cso];

    pub fn as_str(self) -> &'static str {
        match self {
            Perspective::City => "city",
            Perspective::Cso => "cso",
        }
    }
}

/// A level 0..=4. Constructed only through `Level::new`, so an out-of-range level
/// cannot exist in memory; the file format reports it as a field error instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub struct Level(u8);

impl Level {
    pub const ALL: [Level; 5] = [Level(0), Level(1), Level(2), Level(3), Level(4)];

    pub fn new(value: u8) -> Option<Level> {
        (value <= MAX_LEVEL).then_some(Level(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl<'de> Deserialize<'de> for Level {
    /// A whole number from 0 to 4, `4` or `4.0`; anything else is refused in words.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = level_number(deserializer)?;
        Level::new(value).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "expected a whole number from 0 to {MAX_LEVEL}, found {value}"
            ))
        })
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A level, 0 to 4 (also `Level`'s own reading).
pub(crate) fn level_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u8, D::Error> {
    let max = u64::from(MAX_LEVEL);
    super::numbers::whole_number(deserializer, 0, max).map(|v| u8::try_from(v).unwrap_or(u8::MAX))
}

/// The roadmap itself: ten steps with their sub-items and prerequisites.
#[derive(Clone, Debug, Deserialize)]
pub struct Roadmap {
    pub id: String,
    pub title: String,
    pub source: String,
    #[serde(rename = "step")]
    pub steps: Vec<RoadmapStep>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct RoadmapStep {
    pub number: u8,
    pub short: String,
    pub title: String,
    pub summary: String,
    pub prerequisites: Vec<u8>,
    pub items: Vec<RoadmapItem>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct RoadmapItem {
    pub id: String,
    pub text: String,
}

impl Roadmap {
    pub fn step(&self, number: u8) -> Option<&RoadmapStep> {
        self.steps.iter().find(|s| s.number == number)
    }

    /// Every id a question may serve: "1".."10" and the sub-items ("7f").
    pub fn servable_ids(&self) -> BTreeSet<String> {
        self.steps
            .iter()
            .flat_map(|s| {
                std::iter::once(s.number.to_string()).chain(s.items.iter().map(|i| i.id.clone()))
            })
            .collect()
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct ResourceCatalogue {
    #[serde(rename = "resource")]
    pub resources: Vec<Resource>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Resource {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub offers: String,
    #[serde(default)]
    pub url: Option<String>,
}

impl ResourceCatalogue {
    pub fn get(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }
}

/// A questionnaire for one perspective.
#[derive(Clone, Debug, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub version: String,
    pub perspective: Perspective,
    pub language: String,
    #[serde(rename = "step")]
    pub steps: Vec<InstrumentStep>,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
    /// Questions of earlier versions, never asked again (see the id rule).
    #[serde(default, rename = "retired")]
    pub retired: Vec<Retired>,
}

/// A question id of an earlier version whose question, or a level's meaning, changed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Retired {
    pub id: String,
    /// The question that asks the same thing now, if any.
    #[serde(default)]
    pub replaced_by: Option<String>,
    /// The instrument version that retired it.
    pub since: String,
    pub reason: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct InstrumentStep {
    pub number: u8,
    /// The step's title from this perspective's side (a community organisation's step 7
    /// is getting ready for a grant); empty: the roadmap's title.
    #[serde(default)]
    pub title: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Question {
    pub id: String,
    pub step: u8,
    pub serves: Vec<String>,
    pub weight: u8,
    pub quick: bool,
    pub text: String,
    pub help: String,
    pub levels: Vec<String>,
    pub actions: Vec<Action>,
    /// The action for a "Don't know": how to find out ("Find out whether ...").
    #[serde(default)]
    pub find_out: String,
    /// Questions of the same instrument whose action must come before this one's.
    #[serde(default)]
    pub needs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Action {
    pub text: String,
    #[serde(default)]
    pub resources: Vec<String>,
}

impl Question {
    /// The descriptor of what is in place at `level`.
    pub fn descriptor(&self, level: Level) -> &str {
        self.levels
            .get(usize::from(level.value()))
            .map_or("", String::as_str)
    }

    /// The recommended next action at `level`; none at the top level.
    pub fn action_at(&self, level: Level) -> Option<&Action> {
        self.actions.get(usize::from(level.value()))
    }
}

impl Instrument {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn retired(&self, id: &str) -> Option<&Retired> {
        self.retired.iter().find(|r| r.id == id)
    }

    /// The step's title from this perspective, or `None` to use the roadmap's.
    pub fn step_title(&self, number: u8) -> Option<&str> {
        self.steps
            .iter()
            .find(|s| s.number == number)
            .map(|s| s.title.as_str())
            .filter(|t| !t.is_empty())
    }

    /// The step's title from this perspective, falling back to the roadmap's.
    pub fn step_title_or<'a>(&'a self, number: u8, roadmap: &'a Roadmap) -> &'a str {
        self.step_title(number)
            .or_else(|| roadmap.step(number).map(|s| s.title.as_str()))
            .unwrap_or("")
    }

    pub fn step_summary(&self, number: u8) -> &str {
        self.steps
            .iter()
            .find(|s| s.number == number)
            .map_or("", |s| s.summary.as_str())
    }

    /// The questions of one step that are in scope for `mode`, in file order.
    pub fn questions_in_step(&self, step: u8, mode: Mode) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.step == step && mode.includes(q))
    }

    /// The questions that serve a roadmap step or item id ("3", "7f").
    pub fn serving(&self, id: &str) -> Vec<&Question> {
        self.questions
            .iter()
            .filter(|q| q.serves.iter().any(|s| s == id))
            .collect()
    }

    pub fn questions_in_scope(&self, mode: Mode) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| mode.includes(q))
    }
}

/// Quick (the flagged subset, about ten minutes) or full.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Quick,
    #[default]
    Full,
}

impl Mode {
    pub fn includes(self, question: &Question) -> bool {
        match self {
            Mode::Full => true,
            Mode::Quick => question.quick,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Quick => "quick",
            Mode::Full => "full",
        }
    }
}
