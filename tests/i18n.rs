//! The message catalogue against the code: every key used exists in every language,
//! and every key in a catalogue is used.

use roadmap_readiness::core::instrument::{Mode, Perspective};
use roadmap_readiness::core::library::SortBy;
use roadmap_readiness::core::plan::ActionStatus;
use roadmap_readiness::core::scoring::Band;
use roadmap_readiness::i18n::{flatten, LANGUAGES};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Keys built at run time as `format!("<prefix>.{}", x)`, with every value `x` takes.
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
        ("new.perspective_hint", perspectives),
        ("new.mode_hint", modes),
        (
            "plan.status_name",
            ActionStatus::ALL.iter().map(|s| s.key()).collect(),
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

/// String literals that follow `t(`, `tf(` or `page_title(` (whitespace allowed), and
/// prefixes of `format!("<prefix>.{}"` that follow `t(&`.
fn used_keys() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut sources = Vec::new();
    rust_sources(Path::new("src"), &mut sources);
    let mut literal = BTreeSet::new();
    let mut dynamic = BTreeSet::new();
    for source in &sources {
        for call in ["t(", "tf(", "page_title("] {
            for (at, _) in source.match_indices(call) {
                let before = source[..at].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue; // part of a longer name, e.g. `set_title(`
                }
                let rest = source[at + call.len()..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    literal.insert(rest[..rest.find('"').unwrap()].to_owned());
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
    for (language, json) in LANGUAGES {
        let catalogue = flatten(json);
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
    for (language, json) in LANGUAGES {
        for key in flatten(json).keys() {
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

#[test]
fn placeholders_match_across_languages() {
    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}'))
            .map(|(name, _)| name.to_owned())
            .collect()
    }
    let english = flatten(LANGUAGES[0].1);
    for (language, json) in &LANGUAGES[1..] {
        for (key, text) in flatten(json) {
            assert_eq!(
                placeholders(&text),
                placeholders(&english[&key]),
                "{language}: {key}"
            );
        }
    }
}
