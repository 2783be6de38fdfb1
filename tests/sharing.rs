//! "Export for sharing" (`core::sharing`) as a property, on the real instruments with
//! random assessments: a shared assessment has no note, no respondent, no owner, no
//! own action's text and no participant's name, and the same answers and so the same
//! scores, plan order and grant checks; its file says so and reads back as shared; its
//! CSV holds no note.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::consensus::Consensus;
use roadmap_readiness::core::instrument::{Level, Mode, Perspective, MAX_LEVEL};
use roadmap_readiness::core::plan::{self, ActionStatus, CustomAction, Tracking};
use roadmap_readiness::core::sharing::{for_sharing, LEFT_OUT};
use roadmap_readiness::core::{content, csv, format, scoring};

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        2 => Just(None),
        5 => (0..=MAX_LEVEL).prop_map(|v| Some(Response::Level(Level::new(v).unwrap()))),
        1 => Just(Some(Response::NotApplicable)),
        1 => Just(Some(Response::DontKnow)),
    ]
}

/// Words that only a note or a name could hold, so that finding one in a shared file
/// means something leaked.
fn secret() -> impl Strategy<Value = String> {
    "[a-z]{3,8}".prop_map(|w| format!("SECRET-{w}"))
}

fn status() -> impl Strategy<Value = ActionStatus> {
    proptest::sample::select(ActionStatus::ALL.to_vec())
}

#[derive(Debug, Clone)]
struct Case {
    perspective: Perspective,
    mode: Mode,
    answers: Vec<(Option<Response>, Option<String>)>,
    respondent: String,
    owners: Vec<(usize, ActionStatus, String)>,
    custom: Vec<(Option<u8>, String, ActionStatus, String)>,
    labels: Option<Vec<String>>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just(Perspective::City), Just(Perspective::Cso)],
        prop_oneof![Just(Mode::Quick), Just(Mode::Full)],
    )
        .prop_flat_map(|(perspective, mode)| {
            let count = content::instrument(perspective).questions.len();
            (
                Just(perspective),
                Just(mode),
                proptest::collection::vec((response(), proptest::option::of(secret())), count),
                prop_oneof![Just(String::new()), secret()],
                proptest::collection::vec((0..count, status(), secret()), 0..6),
                proptest::collection::vec(
                    (proptest::option::of(1u8..=10), secret(), status(), secret()),
                    0..4,
                ),
                proptest::option::of(proptest::collection::vec(secret(), 1..4)),
            )
        })
        .prop_map(
            |(perspective, mode, answers, respondent, owners, custom, labels)| Case {
                perspective,
                mode,
                answers,
                respondent,
                owners,
                custom,
                labels,
            },
        )
}

fn build(case: &Case) -> Assessment {
    let instrument = content::instrument(case.perspective);
    let mut a = Assessment::create(
        "shared-property".into(),
        NewAssessment {
            perspective: case.perspective,
            mode: case.mode,
            name: "Property City".into(),
            respondent: case.respondent.clone(),
        },
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        "2026-01-01T00:00:00.000Z",
    );
    for (question, (response, note)) in instrument.questions.iter().zip(&case.answers) {
        a.set_response(&question.id, *response, "t");
        if let Some(note) = note {
            a.set_note(&question.id, note, "t");
        }
    }
    for (index, status, owner) in &case.owners {
        let key = format!("{}/{}", instrument.questions[*index].id, index % 4);
        a.set_tracking(
            &key,
            Tracking {
                status: *status,
                owner: owner.clone(),
                due: "2027-01-31".into(),
            },
            "t",
        );
    }
    for (n, (step, text, status, owner)) in case.custom.iter().enumerate() {
        a.add_custom_action(
            CustomAction {
                id: format!("own-{n}"),
                step: *step,
                text: text.clone(),
                tracking: Tracking {
                    status: *status,
                    owner: owner.clone(),
                    due: String::new(),
                },
            },
            "t",
        );
    }
    if let Some(labels) = &case.labels {
        a.consensus = Some(Consensus {
            participants: labels.len(),
            labels: labels.clone(),
            spread: Default::default(),
        });
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_shared_assessment_keeps_every_score_and_no_word(case in case()) {
        let instrument = content::instrument(case.perspective);
        let a = build(&case);
        let shared = for_sharing(&a);

        // No note, no respondent, no owner, no own action's text, no participant's name.
        prop_assert!(shared.answers.values().all(|x| x.note.is_empty()));
        prop_assert_eq!(&shared.respondent, "");
        prop_assert!(shared.plan.tracking.values().all(|t| t.owner.is_empty()));
        prop_assert!(shared.plan.custom.iter().all(|c| c.text.is_empty() && c.tracking.owner.is_empty()));
        prop_assert!(shared.consensus.as_ref().is_none_or(|c| c.labels.is_empty()));
        prop_assert_eq!(&shared.redaction.as_ref().unwrap().left_out, &LEFT_OUT.map(String::from).to_vec());

        // The same answers, and so the same profile, plan and order of actions.
        for question in &instrument.questions {
            prop_assert_eq!(shared.response(&question.id), a.response(&question.id));
        }
        prop_assert_eq!(scoring::profile(instrument, &shared), scoring::profile(instrument, &a));
        let keys = |x: &Assessment| plan::rank(instrument, content::roadmap(), x).into_iter().map(|p| p.key).collect::<Vec<_>>();
        prop_assert_eq!(keys(&shared), keys(&a));
        // Statuses and due dates stay; so do own actions, as many, with their steps.
        for (key, t) in &shared.plan.tracking {
            let before = a.tracking(key);
            prop_assert_eq!((t.status, &t.due), (before.status, &before.due));
        }
        prop_assert_eq!(shared.plan.custom.len(), a.plan.custom.len());
        prop_assert_eq!(
            shared.plan.custom.iter().map(|c| (c.step, c.tracking.status)).collect::<Vec<_>>(),
            a.plan.custom.iter().map(|c| (c.step, c.tracking.status)).collect::<Vec<_>>()
        );
        prop_assert_eq!((&shared.id, shared.revision, &shared.name), (&a.id, a.revision, &a.name));

        // Its file says so, holds no secret word, and reads back as the same shared one.
        let text = format::to_json(&shared, "2026-02-01T00:00:00.000Z");
        prop_assert!(!text.contains("SECRET-"), "{}", text);
        prop_assert!(text.contains("\"redacted\": true"));
        prop_assert_eq!(format::parse(&text).unwrap(), shared.clone());
        // The CSV neither.
        let labels = csv::Labels {
            question_columns: ["a", "b", "c", "d", "e", "f", "g", "h"].map(String::from),
            assessment_columns: ["a", "b", "c", "d", "e"].map(String::from),
            not_applicable: "NA".into(),
            dont_know: "DK".into(),
            perspective: |p| p.as_str().to_owned(),
            mode: |m| m.as_str().to_owned(),
            roadmap: roadmap_readiness::core::content::roadmap(),
        };
        prop_assert!(!csv::assessment_csv(&shared, instrument, &labels).contains("SECRET-"));
        prop_assert!(!csv::library_csv([(&shared, instrument)], &labels).contains("SECRET-"));
        // Sharing again changes nothing.
        prop_assert_eq!(for_sharing(&shared), shared);
    }
}
