//! The action plan over both real instruments, for any answers: the order never puts an
//! action before one it builds on (a question it `needs`, or a step its step builds on),
//! a "Don't know" always brings a find-out action, and "Start here" is the plan's head.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::content::{instrument, roadmap};
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::plan::{self, transitive_prerequisites, Group};
use std::collections::BTreeMap;

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        Just(None),
        Just(Some(Response::NotApplicable)),
        Just(Some(Response::DontKnow)),
        (0..=4u8).prop_map(|l| Some(Response::Level(Level::new(l).unwrap()))),
    ]
}

fn answered(perspective: Perspective, mode: Mode, responses: &[Option<Response>]) -> Assessment {
    let i = instrument(perspective);
    let mut a = Assessment::create(
        "p".into(),
        NewAssessment {
            perspective,
            mode,
            name: "p".into(),
            respondent: String::new(),
        },
        InstrumentRef {
            id: i.id.clone(),
            version: i.version.clone(),
        },
        "t",
    );
    for (q, r) in i.questions.iter().zip(responses.iter().cycle()) {
        a.set_response(&q.id, *r, "t");
    }
    a
}

fn check_order(a: &Assessment) -> Result<(), TestCaseError> {
    let i = instrument(a.perspective);
    let ranked = plan::rank(i, roadmap(), a);
    let place: BTreeMap<&str, usize> = ranked
        .iter()
        .enumerate()
        .map(|(n, p)| (p.question.id.as_str(), n))
        .collect();
    let prerequisites = transitive_prerequisites(roadmap());
    for (n, action) in ranked.iter().enumerate() {
        for needed in &action.question.needs {
            if let Some(&m) = place.get(needed.as_str()) {
                prop_assert!(
                    m < n,
                    "{} comes before {needed}, which it needs",
                    action.key
                );
            }
        }
        for (m, earlier) in ranked.iter().enumerate().skip(n + 1) {
            prop_assert!(
                !prerequisites[&action.step].contains(&earlier.step),
                "{} (step {}) comes before {} at {m} (step {}), which its step builds on",
                action.key,
                action.step,
                earlier.key,
                earlier.step
            );
        }
        if a.response(&action.question.id) == Some(Response::DontKnow) {
            prop_assert!(action.text.starts_with("Find out"), "{}", action.key);
        }
        prop_assert_eq!(Group::of(n) == Group::DoFirst, n < plan::DO_FIRST);
    }
    // Every "Don't know" in scope has its find-out action.
    let dont_know = i
        .questions_in_scope(a.mode)
        .filter(|q| a.response(&q.id) == Some(Response::DontKnow))
        .count();
    prop_assert_eq!(
        ranked.iter().filter(|p| p.level.is_none()).count(),
        dont_know
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn the_order_never_puts_an_action_before_what_it_builds_on(
        responses in prop::collection::vec(response(), 1..60),
        cso in any::<bool>(),
        quick in any::<bool>(),
    ) {
        let perspective = if cso { Perspective::Cso } else { Perspective::City };
        let mode = if quick { Mode::Quick } else { Mode::Full };
        check_order(&answered(perspective, mode, &responses))?;
    }
}

#[test]
fn a_group_adopts_its_constitution_before_it_opens_a_bank_account() {
    let level0 = Some(Response::Level(Level::new(0).unwrap()));
    let a = answered(Perspective::Cso, Mode::Full, &[level0]);
    let ranked = plan::rank(instrument(Perspective::Cso), roadmap(), &a);
    let at = |id: &str| ranked.iter().position(|p| p.question.id == id).unwrap();
    assert!(at("cso-7-legal-standing") < at("cso-7-money-controls"));
    check_order(&a).unwrap();
}
