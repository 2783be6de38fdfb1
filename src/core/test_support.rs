//! Builders shared by the core's unit tests: a synthetic question and instrument, and
//! an empty assessment, so each test states only what it is about.

use super::assessment::{Assessment, InstrumentRef, NewAssessment};
use super::instrument::{Action, Instrument, InstrumentStep, Mode, Perspective, Question};

/// A question with five levels and four actions named after its id.
pub fn question(id: &str, step: u8, weight: u8, quick: bool) -> Question {
    Question {
        id: id.into(),
        step,
        serves: vec![step.to_string()],
        weight,
        quick,
        text: id.into(),
        help: String::new(),
        levels: (0..5).map(|l| format!("{id} level {l}")).collect(),
        actions: (0..4)
            .map(|l| Action {
                text: format!("{id} action {l}"),
                resources: vec![],
            })
            .collect(),
        find_out: format!("Find out about {id}"),
        needs: vec![],
    }
}

/// A city instrument `test` with ten steps and the given questions.
pub fn instrument(questions: Vec<Question>) -> Instrument {
    Instrument {
        id: "test".into(),
        version: "1".into(),
        perspective: Perspective::City,
        language: "en".into(),
        steps: (1..=10)
            .map(|number| InstrumentStep {
                number,
                title: String::new(),
                summary: String::new(),
            })
            .collect(),
        questions,
        retired: vec![],
    }
}

/// An empty assessment named after its id, created at `created_at`.
pub fn assessment(
    id: &str,
    perspective: Perspective,
    mode: Mode,
    instrument: (&str, &str),
    created_at: &str,
) -> Assessment {
    Assessment::create(
        id.into(),
        NewAssessment {
            perspective,
            mode,
            name: id.into(),
            respondent: String::new(),
        },
        InstrumentRef {
            id: instrument.0.into(),
            version: instrument.1.into(),
        },
        created_at,
    )
}
