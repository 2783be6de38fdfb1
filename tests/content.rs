//! Content checks: each fails on a real mistake in the data files under `content/`.

use roadmap_readiness::core::content::{instrument, resources, roadmap};
use roadmap_readiness::core::instrument::{Instrument, Perspective, MAX_LEVEL, STEP_COUNT};
use std::collections::{BTreeMap, BTreeSet};

const VAGUE: &[&str] = &[
    "somewhat",
    "partially",
    "some extent",
    "to a degree",
    "sort of",
];

fn both() -> [&'static Instrument; 2] {
    [instrument(Perspective::City), instrument(Perspective::Cso)]
}

#[test]
fn roadmap_has_ten_numbered_steps_with_titles() {
    let numbers: Vec<u8> = roadmap().steps.iter().map(|s| s.number).collect();
    assert_eq!(numbers, (1..=STEP_COUNT).collect::<Vec<_>>());
    for step in &roadmap().steps {
        assert!(!step.title.is_empty() && !step.short.is_empty() && !step.summary.is_empty());
        for item in &step.items {
            assert!(
                item.id.starts_with(&step.number.to_string()),
                "item {} under step {}",
                item.id,
                step.number
            );
        }
    }
}

#[test]
fn prerequisites_name_earlier_existing_steps_and_are_acyclic() {
    let graph: BTreeMap<u8, Vec<u8>> = roadmap()
        .steps
        .iter()
        .map(|s| (s.number, s.prerequisites.clone()))
        .collect();
    for (step, prerequisites) in &graph {
        for p in prerequisites {
            assert!(graph.contains_key(p), "step {step} needs unknown step {p}");
            assert_ne!(p, step, "step {step} needs itself");
        }
    }
    // Kahn's algorithm: every step must be reachable in a topological order.
    let mut done = BTreeSet::new();
    while done.len() < graph.len() {
        let ready: Vec<u8> = graph
            .iter()
            .filter(|(s, ps)| !done.contains(*s) && ps.iter().all(|p| done.contains(p)))
            .map(|(s, _)| *s)
            .collect();
        assert!(
            !ready.is_empty(),
            "prerequisites form a cycle among {:?}",
            graph
                .keys()
                .filter(|s| !done.contains(*s))
                .collect::<Vec<_>>()
        );
        done.extend(ready);
    }
}

#[test]
fn resources_are_unique_complete_and_link_only_over_https() {
    let mut ids = BTreeSet::new();
    for r in &resources().resources {
        assert!(ids.insert(r.id.as_str()), "duplicate resource {}", r.id);
        assert!(
            !r.name.is_empty() && !r.owner.is_empty() && !r.offers.is_empty(),
            "{}",
            r.id
        );
        if let Some(url) = &r.url {
            assert!(url.starts_with("https://"), "{}: {url}", r.id);
        }
    }
}

#[test]
fn instruments_match_their_perspective_and_have_ten_step_summaries() {
    for (perspective, i) in Perspective::ALL.into_iter().zip(both()) {
        assert_eq!(i.perspective, perspective);
        assert_eq!(i.id, format!("rr-{}", perspective.as_str()));
        assert!(!i.version.is_empty());
        let numbers: Vec<u8> = i.steps.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=STEP_COUNT).collect::<Vec<_>>(), "{}", i.id);
        assert!(i.steps.iter().all(|s| !s.summary.is_empty()), "{}", i.id);
    }
}

#[test]
fn question_ids_are_unique_across_instruments_and_well_formed() {
    let mut seen = BTreeSet::new();
    for i in both() {
        for q in &i.questions {
            assert!(seen.insert(q.id.clone()), "duplicate question id {}", q.id);
            let prefix = format!("{}-{}-", i.perspective.as_str(), q.step);
            let slug =
                q.id.strip_prefix(&prefix)
                    .unwrap_or_else(|| panic!("{} should start with {prefix}", q.id));
            assert!(
                !slug.is_empty()
                    && slug
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                q.id
            );
        }
    }
}

#[test]
fn every_step_has_at_least_four_questions_in_each_perspective() {
    for i in both() {
        for step in 1..=STEP_COUNT {
            let n = i.questions.iter().filter(|q| q.step == step).count();
            assert!(n >= 4, "{} step {step} has {n} questions", i.id);
        }
    }
}

#[test]
fn every_question_is_complete() {
    let known = roadmap().servable_ids();
    for i in both() {
        for q in &i.questions {
            let id = &q.id;
            assert!(!q.text.trim().is_empty(), "{id}: text");
            assert!(!q.help.trim().is_empty(), "{id}: help");
            assert!(
                q.help.to_lowercase().contains("step"),
                "{id}: help must name its roadmap step"
            );
            assert!((1..=3).contains(&q.weight), "{id}: weight {}", q.weight);
            assert_eq!(
                q.levels.len(),
                usize::from(MAX_LEVEL) + 1,
                "{id}: five levels"
            );
            let distinct: BTreeSet<&str> = q.levels.iter().map(|l| l.trim()).collect();
            assert_eq!(distinct.len(), q.levels.len(), "{id}: levels must differ");
            assert!(
                q.levels.iter().all(|l| !l.trim().is_empty()),
                "{id}: empty level"
            );
            for level in &q.levels {
                let lower = level.to_lowercase();
                for word in VAGUE {
                    assert!(
                        !lower.contains(word),
                        "{id}: vague \"{word}\" in \"{level}\""
                    );
                }
            }
            assert_eq!(
                q.actions.len(),
                usize::from(MAX_LEVEL),
                "{id}: an action for levels 0 to 3"
            );
            assert!(
                q.actions.iter().all(|a| !a.text.trim().is_empty()),
                "{id}: empty action"
            );
            assert!(!q.serves.is_empty(), "{id}: serves nothing");
            for served in &q.serves {
                assert!(known.contains(served), "{id}: serves unknown {served}");
            }
            // A question may also serve an item of a related step (a CSO's part in the
            // mapping serves 5a too), but it must serve its own step first.
            let own_step = q.step.to_string();
            assert!(
                q.serves
                    .iter()
                    .any(|s| s.trim_end_matches(|c: char| c.is_ascii_alphabetic()) == own_step),
                "{id}: serves nothing of its own step {own_step}"
            );
        }
    }
}

#[test]
fn every_resource_an_action_names_exists() {
    for i in both() {
        for q in &i.questions {
            for (level, action) in q.actions.iter().enumerate() {
                for r in &action.resources {
                    assert!(
                        resources().get(r).is_some(),
                        "{} level {level}: unknown resource {r}",
                        q.id
                    );
                }
            }
        }
    }
}

#[test]
fn city_covers_every_roadmap_sub_item() {
    let served: BTreeSet<&str> = instrument(Perspective::City)
        .questions
        .iter()
        .flat_map(|q| q.serves.iter().map(String::as_str))
        .collect();
    for step in &roadmap().steps {
        for item in &step.items {
            assert!(
                served.contains(item.id.as_str()),
                "no city question serves {}",
                item.id
            );
        }
    }
}

#[test]
fn the_quick_set_has_one_or_two_questions_per_step() {
    for i in both() {
        let mut total = 0;
        for step in 1..=STEP_COUNT {
            let n = i
                .questions
                .iter()
                .filter(|q| q.step == step && q.quick)
                .count();
            assert!(
                (1..=2).contains(&n),
                "{} step {step}: {n} quick questions",
                i.id
            );
            total += n;
        }
        assert!(
            (10..=20).contains(&total),
            "{}: {total} quick questions",
            i.id
        );
    }
}
