//! Content checks: each fails on a real mistake in the data files under `content/`.

use roadmap_readiness::core::content::{self, instrument, resources, roadmap, CITY_JSON, CSO_JSON};
use roadmap_readiness::core::grant::SECTIONS;
use roadmap_readiness::core::instrument::{Instrument, Perspective, MAX_LEVEL, STEP_COUNT};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The version both instruments are at; bump it with every change (see CHANGELOG.md).
const INSTRUMENT_VERSION: &str = "1.1.0";

/// Vague degrees never allowed in a level, matched anywhere in its text.
const VAGUE: &[&str] = &[
    "somewhat",
    "partially",
    "some extent",
    "to a degree",
    "sort of",
];

/// Vague words, matched as whole words: allowed in a level only when the same level
/// gives a count (a digit) or names a document (see `DOCUMENT_WORDS`).
const VAGUE_WORDS: &[&str] = &[
    "somewhat",
    "partially",
    "some",
    "adequate",
    "adequately",
    "appropriate",
    "appropriately",
    "various",
    "several",
];

/// Words that name a document a facilitator can ask to see.
const DOCUMENT_WORDS: &[&str] = &[
    "written",
    "document",
    "documents",
    "policy",
    "policies",
    "plan",
    "plans",
    "record",
    "records",
    "log",
    "logs",
    "minutes",
    "report",
    "reports",
];

/// A level's length in characters, inclusive bounds.
const LEVEL_LENGTH: std::ops::RangeInclusive<usize> = 30..=300;

/// Roadmap sub-items that only a city can act on, so no community-organisation question
/// serves them. The reasons are documented in content/README.md ("Sub-items that do not
/// apply to a community organisation"); change both together.
const CSO_NOT_APPLICABLE: &[&str] = &["4a", "4c"];

/// What the CSO quick set must contain in step 7, the due-diligence essentials, found by
/// a fragment of the question id: safeguarding, finances and legal form.
const CSO_QUICK_ESSENTIALS: &[&str] = &["safeguarding", "financ", "legal"];

/// The lower-case words of a text: runs of letters, so "someone" is one word and
/// never "some", and "organisation's" gives "organisation" and "s".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The `[[<name>]]` tables of an instrument (`step`, `question`, `retired`), read from the
/// embedded JSON, for the fields the app's `Instrument` does not carry yet.
fn instrument_tables(perspective: Perspective, name: &str) -> Vec<Map<String, Value>> {
    let json = match perspective {
        Perspective::City => CITY_JSON,
        Perspective::Cso => CSO_JSON,
    };
    let value: Value = serde_json::from_str(json).expect("instrument JSON");
    match value.get(name) {
        None => Vec::new(),
        Some(Value::Array(entries)) => entries
            .iter()
            .map(|e| {
                e.as_object()
                    .unwrap_or_else(|| {
                        panic!(
                            "{}: a [[{name}]] entry is not a table",
                            perspective.as_str()
                        )
                    })
                    .clone()
            })
            .collect(),
        Some(other) => panic!(
            "{}: `{name}` must be an array of tables, found {other}",
            perspective.as_str()
        ),
    }
}

/// The retired-question tables (the app's `Instrument` does not carry them yet).
fn retired(perspective: Perspective) -> Vec<Map<String, Value>> {
    instrument_tables(perspective, "retired")
}

fn is_version(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn version_key(text: &str) -> Vec<u32> {
    text.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

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
fn the_quick_set_has_one_or_two_questions_per_step_and_up_to_three_for_cso_step_7() {
    for i in both() {
        let mut total = 0;
        for step in 1..=STEP_COUNT {
            let n = i
                .questions
                .iter()
                .filter(|q| q.step == step && q.quick)
                .count();
            // The CSO's grant readiness needs its due-diligence essentials in the quick set.
            let most = if i.perspective == Perspective::Cso && step == 7 {
                3
            } else {
                2
            };
            assert!(
                (1..=most).contains(&n),
                "{} step {step}: {n} quick questions (1 to {most})",
                i.id
            );
            total += n;
        }
        assert!(
            (10..=21).contains(&total),
            "{}: {total} quick questions",
            i.id
        );
    }
}

#[test]
fn levels_are_between_30_and_300_characters() {
    for i in both() {
        for q in &i.questions {
            for (n, level) in q.levels.iter().enumerate() {
                let length = level.trim().chars().count();
                assert!(
                    LEVEL_LENGTH.contains(&length),
                    "{} level {n}: {length} characters, want {LEVEL_LENGTH:?}: \"{level}\"",
                    q.id
                );
            }
        }
    }
}

#[test]
fn the_word_tokenizer_matches_whole_words_only() {
    assert_eq!(
        words("Someone's plan, some-thing: SOME 12"),
        ["someone", "s", "plan", "some", "thing", "some"]
    );
    assert!(!words("someone handsome").contains(&"some".to_string()));
}

#[test]
fn vague_words_come_with_a_count_or_a_document() {
    for i in both() {
        for q in &i.questions {
            for (n, level) in q.levels.iter().enumerate() {
                let tokens = words(level);
                let has_count = level.chars().any(|c| c.is_ascii_digit());
                let names_document = tokens.iter().any(|t| DOCUMENT_WORDS.contains(&t.as_str()));
                for vague in VAGUE_WORDS {
                    if tokens.iter().any(|t| t == vague) {
                        assert!(
                            has_count || names_document,
                            "{} level {n}: vague \"{vague}\" without a count or a document: \"{level}\"",
                            q.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn both_instruments_are_at_version_1_1_0() {
    for i in both() {
        assert_eq!(i.version, INSTRUMENT_VERSION, "{}", i.id);
    }
}

#[test]
fn retired_questions_are_well_formed_and_never_reused() {
    let live: BTreeSet<&str> = both()
        .iter()
        .flat_map(|i| i.questions.iter().map(|q| q.id.as_str()))
        .collect();
    let mut seen = BTreeSet::new();
    for (perspective, i) in Perspective::ALL.into_iter().zip(both()) {
        let own: BTreeSet<&str> = i.questions.iter().map(|q| q.id.as_str()).collect();
        for entry in retired(perspective) {
            for key in entry.keys() {
                assert!(
                    ["id", "replaced_by", "since", "reason"].contains(&key.as_str()),
                    "{}: unknown key {key} in a [[retired]] entry",
                    i.id
                );
            }
            let text = |key: &str| entry.get(key).and_then(Value::as_str);
            let id =
                text("id").unwrap_or_else(|| panic!("{}: a [[retired]] entry has no id", i.id));
            assert!(
                seen.insert(id.to_string()),
                "retired id {id} is listed twice"
            );
            assert!(!live.contains(id), "retired id {id} is a live question id");
            // The same prefix rule as live ids: <perspective>-<step>-<slug>.
            let rest = id
                .strip_prefix(&format!("{}-", perspective.as_str()))
                .unwrap_or_else(|| {
                    panic!("retired {id} should start with {}-", perspective.as_str())
                });
            let (step, slug) = rest
                .split_once('-')
                .unwrap_or_else(|| panic!("retired {id}: no step"));
            let step: u8 = step
                .parse()
                .unwrap_or_else(|_| panic!("retired {id}: step {step} is not a number"));
            assert!(
                (1..=STEP_COUNT).contains(&step),
                "retired {id}: step {step}"
            );
            assert!(!slug.is_empty(), "retired {id}: empty slug");
            if let Some(value) = entry.get("replaced_by") {
                let by = value
                    .as_str()
                    .unwrap_or_else(|| panic!("retired {id}: replaced_by is not a string"));
                assert!(
                    own.contains(by),
                    "retired {id}: replaced_by {by} is not a live question of {}",
                    i.id
                );
            }
            let since = text("since").unwrap_or_else(|| panic!("retired {id}: no since"));
            assert!(
                is_version(since),
                "retired {id}: since \"{since}\" is not a version"
            );
            assert!(
                version_key(since) <= version_key(&i.version),
                "retired {id}: since {since} is after the instrument's version {}",
                i.version
            );
            let reason = text("reason").unwrap_or("");
            assert!(!reason.trim().is_empty(), "retired {id}: reason is empty");
        }
    }
}

#[test]
fn cso_quick_set_covers_safeguarding_finances_and_legal_form() {
    let quick_step_7: Vec<&str> = instrument(Perspective::Cso)
        .questions
        .iter()
        .filter(|q| q.step == 7 && q.quick)
        .map(|q| q.id.as_str())
        .collect();
    for essential in CSO_QUICK_ESSENTIALS {
        assert!(
            quick_step_7.iter().any(|id| id.contains(essential)),
            "no quick CSO step 7 question with \"{essential}\" in its id; quick: {quick_step_7:?}"
        );
    }
}

#[test]
fn cso_covers_every_roadmap_sub_item_that_applies_to_it() {
    let items: BTreeSet<&str> = roadmap()
        .steps
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.as_str()))
        .collect();
    for id in CSO_NOT_APPLICABLE {
        assert!(
            items.contains(id),
            "CSO_NOT_APPLICABLE names unknown sub-item {id}"
        );
    }
    let served: BTreeSet<&str> = instrument(Perspective::Cso)
        .questions
        .iter()
        .flat_map(|q| q.serves.iter().map(String::as_str))
        .collect();
    for item in items {
        if !CSO_NOT_APPLICABLE.contains(&item) {
            assert!(served.contains(item), "no CSO question serves {item}");
        }
    }
}

// ---------------------------------------------------------------------------
// First use: step titles, find-out actions, needs, the glossary and the funder checks.
// ---------------------------------------------------------------------------

/// A step title's length in characters, at most.
const TITLE_MAX: usize = 60;

/// A glossary explanation's length in characters, inclusive bounds.
const EXPLANATION_LENGTH: std::ops::RangeInclusive<usize> = 1..=240;

/// The funder pack's sections: the one the app fills from the assessment's name, then
/// those of `core::grant::SECTIONS`, which funder checks name.
fn funder_pack_sections() -> Vec<&'static str> {
    std::iter::once(SECTION_FILLED_BY_THE_APP)
        .chain(SECTIONS)
        .collect()
}
const SECTION_FILLED_BY_THE_APP: &str = "organisation";

/// How many funder checks block an application (the due-diligence essentials).
const BLOCKING_CHECKS: std::ops::RangeInclusive<usize> = 3..=5;

/// The `[[<name>]]` tables of a content file, from the JSON that build.rs embeds.
fn embedded_tables(file: &str, json: &str, name: &str) -> Vec<Map<String, Value>> {
    let value: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{file}: {e}"));
    match value.get(name) {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_object()
                    .cloned()
                    .unwrap_or_else(|| panic!("{file}: a [[{name}]] entry is not a table"))
            })
            .collect(),
        other => panic!("{file}: `{name}` must be an array of tables, found {other:?}"),
    }
}

fn string_field<'a>(table: &'a Map<String, Value>, key: &str, what: &str) -> &'a str {
    table
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{what}: `{key}` missing or not a string"))
}

fn check_keys(table: &Map<String, Value>, allowed: &[&str], what: &str) {
    for key in table.keys() {
        assert!(
            allowed.contains(&key.as_str()),
            "{what}: unknown key {key} (allowed: {allowed:?})"
        );
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// One sentence: ends with a full stop and has no sentence break inside.
fn is_one_sentence(text: &str) -> bool {
    text.ends_with('.')
        && !text.contains('\n')
        && [". ", "? ", "! "].iter().all(|brk| !text.contains(brk))
}

/// Whether `needle` occurs in `haystack` as a whole word or phrase: not inside a longer
/// word ("tier" is not found in "frontier"). Both are compared in lower case.
fn occurs_as_word(haystack: &str, needle: &str) -> bool {
    let haystack = haystack.to_lowercase();
    let needle = needle.to_lowercase();
    haystack.match_indices(&needle).any(|(start, _)| {
        let before = haystack[..start].chars().next_back();
        let after = haystack[start + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Everything a person reads about the questions of both instruments: text, help,
/// levels and actions. The glossary explains the jargon found here.
fn instrument_texts() -> Vec<&'static str> {
    let mut texts = Vec::new();
    for i in both() {
        for q in &i.questions {
            texts.push(q.text.as_str());
            texts.push(q.help.as_str());
            texts.extend(q.levels.iter().map(String::as_str));
            texts.extend(q.actions.iter().map(|a| a.text.as_str()));
        }
    }
    texts
}

#[test]
fn the_word_matcher_finds_whole_words_and_phrases_only() {
    assert!(occurs_as_word("A grant tier for small groups", "tier"));
    assert!(occurs_as_word("Safeguarding lead.", "safeguarding lead"));
    assert!(occurs_as_word(
        "employers' liability",
        "employers' liability"
    ));
    assert!(!occurs_as_word("the frontier", "tier"));
    assert!(!occurs_as_word("tiers of grants", "tier"));
    assert!(occurs_as_word("LGBTQI+ people", "lgbtqi+"));
}

#[test]
fn every_step_has_a_title_of_at_most_60_characters() {
    for perspective in Perspective::ALL {
        let steps = instrument_tables(perspective, "step");
        assert_eq!(
            steps.len(),
            usize::from(STEP_COUNT),
            "{}",
            perspective.as_str()
        );
        for step in steps {
            let what = format!("{} step {}", perspective.as_str(), step["number"]);
            let title = string_field(&step, "title", &what);
            assert!(!title.trim().is_empty(), "{what}: empty title");
            assert_eq!(title, title.trim(), "{what}: title has surrounding spaces");
            let length = title.chars().count();
            assert!(
                length <= TITLE_MAX,
                "{what}: title is {length} characters, at most {TITLE_MAX}: \"{title}\""
            );
        }
    }
}

#[test]
fn every_question_has_a_find_out_action_of_one_sentence() {
    for perspective in Perspective::ALL {
        for question in instrument_tables(perspective, "question") {
            let id = string_field(&question, "id", perspective.as_str());
            let find_out = string_field(&question, "find_out", id);
            assert!(
                find_out.starts_with("Find out "),
                "{id}: find_out must start with \"Find out \": \"{find_out}\""
            );
            assert!(
                is_one_sentence(find_out),
                "{id}: find_out must be one sentence ending with a full stop: \"{find_out}\""
            );
        }
    }
}

#[test]
fn needs_name_same_or_earlier_step_questions_of_the_same_instrument_without_cycles() {
    for perspective in Perspective::ALL {
        let questions = instrument_tables(perspective, "question");
        let step_of: BTreeMap<String, u64> = questions
            .iter()
            .map(|q| {
                let id = string_field(q, "id", perspective.as_str()).to_string();
                let step = q["step"].as_u64().expect("step is a number");
                (id, step)
            })
            .collect();
        let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for question in &questions {
            let id = string_field(question, "id", perspective.as_str());
            let needs: Vec<String> = match question.get("needs") {
                None => Vec::new(),
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|n| {
                        n.as_str()
                            .unwrap_or_else(|| panic!("{id}: needs {n}, not a question id"))
                            .to_string()
                    })
                    .collect(),
                Some(other) => panic!("{id}: needs must be an array of question ids: {other}"),
            };
            let distinct: BTreeSet<&String> = needs.iter().collect();
            assert_eq!(
                distinct.len(),
                needs.len(),
                "{id}: a question is needed twice"
            );
            for needed in &needs {
                assert_ne!(needed, id, "{id} needs itself");
                let step = step_of.get(needed).unwrap_or_else(|| {
                    panic!(
                        "{id} needs {needed}, which is no question of {}",
                        perspective.as_str()
                    )
                });
                assert!(
                    *step <= step_of[id],
                    "{id} (step {}) needs {needed} of the later step {step}",
                    step_of[id]
                );
            }
            graph.insert(id.to_string(), needs);
        }
        // Kahn's algorithm: every question must be reachable in a topological order.
        let mut done: BTreeSet<&String> = BTreeSet::new();
        while done.len() < graph.len() {
            let ready: Vec<&String> = graph
                .iter()
                .filter(|(q, needs)| !done.contains(q) && needs.iter().all(|n| done.contains(n)))
                .map(|(q, _)| q)
                .collect();
            assert!(
                !ready.is_empty(),
                "{}: needs form a cycle among {:?}",
                perspective.as_str(),
                graph
                    .keys()
                    .filter(|q| !done.contains(q))
                    .collect::<Vec<_>>()
            );
            done.extend(ready);
        }
    }
}

#[test]
fn glossary_terms_are_unique_short_and_found_in_the_instruments() {
    let terms = embedded_tables("content/glossary.toml", content::GLOSSARY_JSON, "term");
    assert!(!terms.is_empty(), "the glossary is empty");
    let texts = instrument_texts();
    let found = |word: &str| texts.iter().any(|t| occurs_as_word(t, word));
    let mut ids = BTreeSet::new();
    let mut words = BTreeSet::new();
    for entry in &terms {
        check_keys(entry, &["id", "term", "forms", "explanation"], "glossary");
        let id = string_field(entry, "id", "glossary");
        assert!(is_slug(id), "glossary id {id:?} is not a slug");
        assert!(ids.insert(id), "glossary id {id} is listed twice");
        let term = string_field(entry, "term", id);
        let forms: Vec<&str> = match entry.get("forms") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|f| {
                    f.as_str()
                        .unwrap_or_else(|| panic!("{id}: a form is not a string"))
                })
                .collect(),
            Some(other) => panic!("{id}: forms must be an array of strings: {other}"),
        };
        for word in std::iter::once(term).chain(forms.iter().copied()) {
            assert!(!word.trim().is_empty(), "{id}: an empty term or form");
            assert_eq!(word, word.trim(), "{id}: \"{word}\" has surrounding spaces");
            assert_eq!(
                word,
                word.to_lowercase(),
                "{id}: \"{word}\" must be lower case"
            );
            // One explanation per word: the app could not tell which one to show.
            assert!(
                words.insert(word),
                "glossary: \"{word}\" is explained twice"
            );
        }
        assert!(
            found(term) || forms.iter().any(|f| found(f)),
            "{id}: neither \"{term}\" nor its forms {forms:?} occur in any question"
        );
        // A listed form that never occurs is a typo or a leftover.
        for form in &forms {
            assert!(
                found(form),
                "{id}: the form \"{form}\" occurs in no question"
            );
        }
        let explanation = string_field(entry, "explanation", id);
        let length = explanation.trim().chars().count();
        assert!(
            EXPLANATION_LENGTH.contains(&length),
            "{id}: explanation is {length} characters, want {EXPLANATION_LENGTH:?}"
        );
        assert!(
            explanation.ends_with('.'),
            "{id}: explanation must end with a full stop"
        );
    }
}

#[test]
fn funder_checks_name_cso_questions_sections_and_a_few_blockers() {
    let checks = embedded_tables(
        "content/funder_checks.toml",
        content::FUNDER_CHECKS_JSON,
        "check",
    );
    let cso = instrument(Perspective::Cso);
    let mut ids = BTreeSet::new();
    let mut questions = BTreeSet::new();
    let mut sections = BTreeSet::new();
    let mut blocking = 0;
    for check in &checks {
        check_keys(
            check,
            &[
                "id", "name", "question", "met_at", "blocking", "section", "fix",
            ],
            "funder check",
        );
        let id = string_field(check, "id", "funder check");
        assert!(is_slug(id), "funder check id {id:?} is not a slug");
        assert!(ids.insert(id), "funder check {id} is listed twice");
        assert!(
            !string_field(check, "name", id).trim().is_empty(),
            "{id}: empty name"
        );
        let question = string_field(check, "question", id);
        assert!(
            cso.questions.iter().any(|q| q.id == question),
            "{id}: {question} is no question of the CSO instrument"
        );
        assert!(
            questions.insert(question),
            "{id}: {question} already answers another check"
        );
        let met_at = check
            .get("met_at")
            .and_then(Value::as_u64)
            .unwrap_or_else(|| panic!("{id}: met_at missing or not a whole number"));
        assert!(
            (1..=u64::from(MAX_LEVEL)).contains(&met_at),
            "{id}: met_at {met_at}, want 1 to {MAX_LEVEL}"
        );
        let blocks = check
            .get("blocking")
            .and_then(Value::as_bool)
            .unwrap_or_else(|| panic!("{id}: blocking missing or not true/false"));
        blocking += usize::from(blocks);
        let section = string_field(check, "section", id);
        assert!(
            funder_pack_sections().contains(&section),
            "{id}: section {section} is not one of {:?}",
            funder_pack_sections()
        );
        sections.insert(section);
        let fix = string_field(check, "fix", id);
        assert!(
            is_one_sentence(fix),
            "{id}: fix must be one sentence ending with a full stop: \"{fix}\""
        );
    }
    assert!(
        BLOCKING_CHECKS.contains(&blocking),
        "{blocking} blocking funder checks, want {BLOCKING_CHECKS:?}"
    );
    for section in funder_pack_sections() {
        if section != SECTION_FILLED_BY_THE_APP {
            assert!(
                sections.contains(section),
                "no funder check fills the section {section}"
            );
        }
    }
    // The quick check must be enough for a verdict on the essentials.
    for q in cso.questions.iter().filter(|q| q.step == 7 && q.quick) {
        assert!(
            questions.contains(q.id.as_str()),
            "the quick CSO question {} answers no funder check",
            q.id
        );
    }
}

#[test]
fn funder_checks_are_listed_after_the_checks_their_question_needs() {
    let checks = embedded_tables(
        "content/funder_checks.toml",
        content::FUNDER_CHECKS_JSON,
        "check",
    );
    let needs: BTreeMap<String, Vec<String>> = instrument_tables(Perspective::Cso, "question")
        .iter()
        .map(|q| {
            let id = string_field(q, "id", "cso").to_string();
            let needed = q
                .get("needs")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            (id, needed)
        })
        .collect();
    // Every question a question needs, directly or through others.
    let all_needed = |start: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = needs.get(start).cloned().unwrap_or_default();
        while let Some(q) = stack.pop() {
            if seen.insert(q.clone()) {
                stack.extend(needs.get(&q).cloned().unwrap_or_default());
            }
        }
        seen
    };
    let order: Vec<&str> = checks
        .iter()
        .map(|c| string_field(c, "question", "funder check"))
        .collect();
    for (position, question) in order.iter().enumerate() {
        for needed in all_needed(question) {
            if let Some(at) = order.iter().position(|q| *q == needed) {
                assert!(
                    at < position,
                    "the check on {question} is listed before the check on {needed}, which it needs"
                );
            }
        }
    }
}
