//! The message catalogue against the code: every key used exists in every language,
//! and every key in a catalogue is used.

use roadmap_readiness::core::grant::SECTIONS;
use roadmap_readiness::core::instrument::{Mode, Perspective};
use roadmap_readiness::core::library::SortBy;
use roadmap_readiness::core::plan::{ActionStatus, Group};
use roadmap_readiness::core::scoring::Band;
use roadmap_readiness::i18n::pack::Pack;
use roadmap_readiness::i18n::Catalogue;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Keys built at run time as `format!("<prefix>.{}", x)`, with every value `x` takes.
/// The catalogues embedded in the app: English. The other languages have the same keys
/// and placeholders (`tests/translations.rs`).
fn languages() -> [(&'static str, &'static Catalogue); 1] {
    [("en", &Pack::english().messages)]
}

fn dynamic_families() -> Vec<(&'static str, Vec<&'static str>)> {
    let perspectives: Vec<_> = Perspective::ALL.iter().map(|p| p.as_str()).collect();
    let modes: Vec<_> = [Mode::Quick, Mode::Full]
        .iter()
        .map(|m| m.as_str())
        .collect();
    vec![
        ("perspective", perspectives.clone()),
        ("mode", modes.clone()),
        ("band", Band::ALL.iter().map(|b| b.key()).collect()),
        ("new.perspective_hint", perspectives.clone()),
        ("new.mode_hint", modes),
        (
            "plan.status_name",
            ActionStatus::ALL.iter().map(|s| s.key()).collect(),
        ),
        ("plan.weight_words", vec!["1", "2", "3"]),
        ("compare.pick", perspectives.clone()),
        (
            "grant.state",
            vec![
                "met",
                "in_progress",
                "not_met",
                "unknown",
                "not_applicable",
                "not_asked",
            ],
        ),
        ("pack.section", {
            let mut keys = vec!["organisation"];
            keys.extend(SECTIONS);
            keys
        }),
        ("plan.group", Group::ALL.iter().map(|g| g.key()).collect()),
        (
            "language.name",
            roadmap_readiness::i18n::Language::ALL
                .iter()
                .map(|l| l.tag())
                .collect(),
        ),
        (
            "library.sort_by",
            SortBy::ALL.iter().map(|s| s.as_str()).collect(),
        ),
    ]
}

fn rust_sources(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(fs::read_to_string(path).unwrap());
        }
    }
}

/// String literals that follow `t(`, `tf(`, `tn(` or `page_title(` (whitespace allowed),
/// and prefixes of `format!("<prefix>.{}"` that follow `t(&`. A `tn` key's plural forms
/// (`_one`, `_many`) count as used where the catalogue has them.
fn used_keys() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut sources = Vec::new();
    rust_sources(Path::new("src"), &mut sources);
    let mut literal = BTreeSet::new();
    let mut dynamic = BTreeSet::new();
    for source in &sources {
        for call in ["t(", "tf(", "tn(", "page_title("] {
            for (at, _) in source.match_indices(call) {
                let before = source[..at].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // part of a longer name, e.g. `set_title(`
                }
                let rest = source[at + call.len()..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    let key = &rest[..rest.find('"').unwrap()];
                    literal.insert(key.to_owned());
                    if call == "tn(" {
                        for form in ["_one", "_many"] {
                            let form = format!("{key}{form}");
                            if Pack::english().messages.contains_key(&form) {
                                literal.insert(form);
                            }
                        }
                    }
                } else if let Some(rest) = rest.strip_prefix("&format!(\"") {
                    let template = &rest[..rest.find('"').unwrap()];
                    let prefix = template
                        .strip_suffix(".{}")
                        .unwrap_or_else(|| panic!("unexpected dynamic key {template}"));
                    dynamic.insert(prefix.to_owned());
                }
            }
        }
    }
    (literal, dynamic)
}

#[test]
fn every_used_key_exists_in_every_language() {
    let (literal, dynamic) = used_keys();
    assert!(
        literal.len() > 50,
        "the scan found only {} keys",
        literal.len()
    );
    let families = dynamic_families();
    for prefix in &dynamic {
        assert!(
            families.iter().any(|(p, _)| p == prefix),
            "dynamic key family {prefix}.* is not listed in this test"
        );
    }
    for (language, catalogue) in languages() {
        for key in &literal {
            assert!(catalogue.contains_key(key), "{language}: missing {key}");
        }
        for (prefix, values) in &families {
            for value in values {
                assert!(
                    catalogue.contains_key(&format!("{prefix}.{value}")),
                    "{language}: missing {prefix}.{value}"
                );
            }
        }
    }
}

#[test]
fn every_catalogue_key_is_used() {
    let (literal, _) = used_keys();
    let families = dynamic_families();
    for (language, catalogue) in languages() {
        for key in catalogue.keys() {
            let in_family = families
                .iter()
                .any(|(prefix, values)| values.iter().any(|v| *key == format!("{prefix}.{v}")));
            assert!(
                literal.contains(key) || in_family,
                "{language}: unused key {key}"
            );
        }
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}'))
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// Each `tf("key", &[("name", value), ...])` in the sources: the key and the names it
/// fills. Only the tuples directly in the array count, so a `tf` nested in a value is
/// read as its own call. Calls whose arguments are not an array literal are skipped.
fn tf_calls() -> Vec<(String, BTreeSet<String>)> {
    let mut sources = Vec::new();
    rust_sources(Path::new("src"), &mut sources);
    let mut calls = Vec::new();
    for source in &sources {
        for (at, _) in source.match_indices("tf(\"") {
            if source[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let rest = &source[at + 4..];
            let key = rest[..rest.find('"').unwrap()].to_owned();
            let after = rest[key.len() + 1..].trim_start();
            let Some(args) = after
                .strip_prefix(',')
                .map(str::trim_start)
                .and_then(|a| a.strip_prefix("&["))
            else {
                continue;
            };
            let mut names = BTreeSet::new();
            let mut depth = 0i32; // brackets and parentheses inside the array
            let mut chars = args.char_indices().peekable();
            let mut in_string = false;
            while let Some((i, c)) = chars.next() {
                if in_string {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match c {
                    '"' => in_string = true,
                    '(' | '[' | '{' => {
                        if c == '(' && depth == 0 {
                            let tuple = args[i + 1..].trim_start();
                            if let Some(name) = tuple.strip_prefix('"') {
                                names.insert(name[..name.find('"').unwrap()].to_owned());
                            }
                        }
                        depth += 1;
                    }
                    ')' | '}' => depth -= 1,
                    ']' if depth == 0 => break,
                    ']' => depth -= 1,
                    _ => {}
                }
            }
            calls.push((key, names));
        }
    }
    calls
}

#[test]
fn every_call_site_fills_exactly_the_placeholders_of_its_template() {
    let calls = tf_calls();
    assert!(
        calls.len() > 50,
        "the scan found only {} calls",
        calls.len()
    );
    for (language, catalogue) in languages() {
        for (key, names) in &calls {
            let Some(template) = catalogue.get(key) else {
                continue; // a missing key fails every_used_key_exists_in_every_language
            };
            assert_eq!(
                &placeholders(template),
                names,
                "{language}: tf(\"{key}\") fills {names:?} into \"{template}\""
            );
        }
    }
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let (reference, english) = languages()[0];
    for (language, catalogue) in languages() {
        let keys: BTreeSet<&String> = catalogue.keys().collect();
        let expected: BTreeSet<&String> = english.keys().collect();
        assert_eq!(keys, expected, "{language} and {reference} differ in keys");
        for (key, text) in catalogue {
            assert_eq!(
                placeholders(text),
                placeholders(&english[key]),
                "{language}: {key}"
            );
            assert!(!text.trim().is_empty(), "{language}: {key} is empty");
        }
    }
}
