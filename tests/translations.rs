//! Every translation against its English source (`content/translations/README.md`):
//! the same structure, ids and numbers, text only where text is translated; the
//! interface catalogue with the same keys and placeholders; the glossary's words found
//! in the same language's questions. A hole in any language fails here.

// Native only: `toml` is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use toml::Value;

/// Each translated file, its English source, and the fields (paths without indices)
/// that hold translated text. Every other value must equal the English one.
const FILES: &[(&str, &str, &[&str])] = &[
    ("city.toml", "content/instrument/city.toml", INSTRUMENT_TEXT),
    ("cso.toml", "content/instrument/cso.toml", INSTRUMENT_TEXT),
    (
        "roadmap.toml",
        "content/roadmap.toml",
        &[
            "title",
            "step.short",
            "step.title",
            "step.summary",
            "step.items.text",
        ],
    ),
    (
        "resources.toml",
        "content/resources.toml",
        &["resource.name", "resource.owner", "resource.offers"],
    ),
    (
        "glossary.toml",
        "content/glossary.toml",
        &["term.term", "term.forms", "term.explanation"],
    ),
    (
        "funder_checks.toml",
        "content/funder_checks.toml",
        &["check.name", "check.fix"],
    ),
];

const INSTRUMENT_TEXT: &[&str] = &[
    "language",
    "step.title",
    "step.summary",
    "question.text",
    "question.help",
    "question.find_out",
    "question.levels",
    "question.actions.text",
    "retired.reason",
];

/// Translated lists whose length is the language's own.
const FREE_LENGTH: &[&str] = &["term.forms"];

/// How each language starts a "Don't know" action, as English starts it "Find out".
const FIND_OUT: &[(&str, &str)] = &[("fr", "Renseignez-vous"), ("es", "Averigüe")];

fn read(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()))
}

/// The translation folders under `content/translations/`, by tag.
fn languages() -> Vec<(String, PathBuf)> {
    let mut out: Vec<_> = fs::read_dir("content/translations")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

/// Walks English and translation side by side; `field` is the path without indices.
fn compare(
    english: &Value,
    translated: &Value,
    at: &str,
    field: &str,
    text_fields: &[&str],
    problems: &mut Vec<String>,
) {
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_owned()
        } else {
            format!("{a}.{b}")
        }
    };
    match (english, translated) {
        (Value::Table(e), Value::Table(t)) => {
            let ek: BTreeSet<_> = e.keys().collect();
            let tk: BTreeSet<_> = t.keys().collect();
            if ek != tk {
                problems.push(format!("{at}: fields {tk:?}, English has {ek:?}"));
                return;
            }
            for key in e.keys() {
                compare(
                    &e[key],
                    &t[key],
                    &join(at, key),
                    &join(field, key),
                    text_fields,
                    problems,
                );
            }
        }
        // A glossary term's other forms are the language's own: any number of them.
        (Value::Array(_), Value::Array(t)) if FREE_LENGTH.contains(&field) => {
            if t.iter()
                .any(|v| v.as_str().is_none_or(|s| s.trim().is_empty()))
            {
                problems.push(format!("{at}: an empty or non-text form"));
            }
        }
        (Value::Array(e), Value::Array(t)) => {
            if e.len() != t.len() {
                problems.push(format!(
                    "{at}: {} entries, English has {}",
                    t.len(),
                    e.len()
                ));
                return;
            }
            for (i, (e, t)) in e.iter().zip(t).enumerate() {
                compare(e, t, &format!("{at}[{i}]"), field, text_fields, problems);
            }
        }
        (Value::String(_), Value::String(t)) if text_fields.contains(&field) => {
            if t.trim().is_empty() {
                problems.push(format!("{at}: empty translation"));
            }
        }
        (e, t) => {
            if e != t {
                problems.push(format!(
                    "{at}: {t}, English has {e} (not a translated field)"
                ));
            }
        }
    }
}

#[test]
fn every_translated_file_has_the_english_structure() {
    let mut problems = Vec::new();
    let langs = languages();
    for (tag, folder) in &langs {
        for (name, source, text_fields) in FILES {
            let path = folder.join(name);
            if !path.exists() {
                problems.push(format!("{tag}: {name} is missing"));
                continue;
            }
            let english = read(Path::new(source));
            let translated = read(&path);
            compare(&english, &translated, name, "", text_fields, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn strings<'a>(value: &'a Value, key: &str) -> Vec<&'a str> {
    match value.get(key) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn tables<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

#[test]
fn translated_instruments_keep_the_writing_rules() {
    let mut problems = Vec::new();
    for (tag, folder) in languages() {
        for name in ["city.toml", "cso.toml"] {
            let path = folder.join(name);
            if !path.exists() {
                continue; // reported by the structure test
            }
            let instrument = read(&path);
            if instrument.get("language").and_then(Value::as_str) != Some(tag.as_str()) {
                problems.push(format!("{tag}/{name}: language is not \"{tag}\""));
            }
            for step in tables(&instrument, "step") {
                for title in strings(step, "title") {
                    if title.chars().count() > 60 {
                        problems.push(format!("{tag}/{name}: step title over 60: {title}"));
                    }
                }
            }
            let prefix = FIND_OUT.iter().find(|(t, _)| *t == tag).map(|(_, p)| *p);
            for question in tables(&instrument, "question") {
                let id = question["id"].as_str().unwrap_or("?");
                for level in strings(question, "levels") {
                    let n = level.chars().count();
                    if !(30..=360).contains(&n) {
                        problems.push(format!("{tag}/{name}: {id}: a level of {n} characters"));
                    }
                }
                if let Some(prefix) = prefix {
                    for find_out in strings(question, "find_out") {
                        if !find_out.starts_with(prefix) {
                            problems
                                .push(format!("{tag}/{name}: {id}: find_out not \"{prefix} …\""));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Whole-word occurrence, as `core::glossary` matches a term in a question.
fn occurs(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_translated_glossary_term_occurs_in_its_language() {
    let mut problems = Vec::new();
    for (tag, folder) in languages() {
        let glossary_path = folder.join("glossary.toml");
        if !glossary_path.exists() {
            continue; // reported by the structure test
        }
        let mut texts = Vec::new();
        for name in ["city.toml", "cso.toml"] {
            let path = folder.join(name);
            if !path.exists() {
                continue;
            }
            let instrument = read(&path);
            for question in tables(&instrument, "question") {
                for key in ["text", "help", "levels"] {
                    texts.extend(strings(question, key).iter().map(|s| s.to_lowercase()));
                }
                for action in tables(question, "actions") {
                    texts.extend(strings(action, "text").iter().map(|s| s.to_lowercase()));
                }
            }
        }
        for term in tables(&read(&glossary_path), "term") {
            let mut forms = strings(term, "term");
            forms.extend(strings(term, "forms"));
            if !forms
                .iter()
                .any(|form| texts.iter().any(|text| occurs(text, form)))
            {
                problems.push(format!(
                    "{tag}: glossary term {forms:?} occurs in no question"
                ));
            }
            for form in &forms {
                if form.to_lowercase() != *form {
                    problems.push(format!("{tag}: glossary form \"{form}\" is not lower case"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A catalogue folder flattened to key → placeholders.
fn catalogue(folder: &Path) -> BTreeMap<String, BTreeSet<String>> {
    fn walk(prefix: &str, value: &Value, out: &mut BTreeMap<String, BTreeSet<String>>) {
        match value {
            Value::Table(table) => {
                for (key, child) in table {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, child, out);
                }
            }
            Value::String(text) => {
                let names = text
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(name, _)| name.to_owned())
                    .collect();
                out.insert(prefix.to_owned(), names);
            }
            other => {
                out.insert(
                    prefix.to_owned(),
                    BTreeSet::from([format!("not text: {other}")]),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            walk("", &read(&path), &mut out);
        }
    }
    out
}

#[test]
fn every_interface_catalogue_has_the_english_keys_and_placeholders() {
    let english = catalogue(Path::new("content/i18n/en"));
    let mut problems = Vec::new();
    for entry in fs::read_dir("content/i18n").unwrap() {
        let folder = entry.unwrap().path();
        let tag = folder.file_name().unwrap().to_string_lossy().into_owned();
        if tag == "en" || !folder.is_dir() {
            continue;
        }
        let translated = catalogue(&folder);
        for (key, names) in &english {
            match translated.get(key) {
                None => problems.push(format!("{tag}: missing {key}")),
                Some(found) if found != names => problems.push(format!(
                    "{tag}: {key} has placeholders {found:?}, English has {names:?}"
                )),
                Some(_) => {}
            }
        }
        for key in translated.keys() {
            if !english.contains_key(key) {
                problems.push(format!("{tag}: {key} is not an English key"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_translation_folder_has_an_interface_catalogue() {
    for (tag, _) in languages() {
        assert!(
            Path::new("content/i18n").join(&tag).is_dir(),
            "content/translations/{tag} has no content/i18n/{tag}"
        );
    }
}

/// A language's pack as the build writes it (`scripts/language-packs.mjs`): the
/// catalogue files merged, and the content, as JSON texts.
fn pack_texts(tag: &str) -> [String; 3] {
    let mut messages = toml::Table::new();
    let folder = Path::new("content/i18n").join(tag);
    let mut files: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    fn merge(into: &mut toml::Table, from: toml::Table) {
        for (key, value) in from {
            match (into.get_mut(&key), value) {
                (Some(Value::Table(a)), Value::Table(b)) => merge(a, b),
                (Some(_), _) => panic!("message key {key} defined twice"),
                (None, value) => {
                    into.insert(key, value);
                }
            }
        }
    }
    for path in files {
        let Value::Table(table) = read(&path) else {
            panic!("{} is not a table", path.display())
        };
        merge(&mut messages, table);
    }
    let content = |name: &str| {
        serde_json::to_value(read(
            &Path::new("content/translations")
                .join(tag)
                .join(format!("{name}.toml")),
        ))
        .unwrap()
    };
    let common = serde_json::json!({
        "messages": serde_json::to_value(Value::Table(messages)).unwrap(),
        "roadmap": content("roadmap"),
        "resources": content("resources"),
        "glossary": content("glossary"),
        "funder_checks": content("funder_checks"),
    });
    [
        common.to_string(),
        content("city").to_string(),
        content("cso").to_string(),
    ]
}

/// Every language's pack reads into the app's own types, with the English structure,
/// and the app then speaks it: its words, its questions, its numbers and plurals.
#[test]
fn every_language_pack_reads_into_the_app_and_the_app_speaks_it() {
    use roadmap_readiness::core::instrument::Perspective;
    use roadmap_readiness::i18n::{self, content, pack::Pack, t, tn, Language};
    for (tag, _) in languages() {
        let language = Language::from_tag(&tag).expect("a language the app knows");
        let [common, city, cso] = pack_texts(&tag);
        let pack =
            Pack::parse(language, &common, &city, &cso).unwrap_or_else(|e| panic!("{tag}: {e}"));
        let pack: &'static Pack = Box::leak(Box::new(pack));
        i18n::use_pack(pack);
        assert_eq!(i18n::language(), language);
        let english = Pack::english();
        assert_ne!(t("nav.new"), english.messages["nav.new"], "{tag}");
        let question = &content::instrument(Perspective::City).questions[0];
        assert_ne!(
            question.text,
            english.instrument(Perspective::City).questions[0].text,
            "{tag}: questions come from the pack"
        );
        assert_eq!(
            question.id,
            english.instrument(Perspective::City).questions[0].id
        );
        // Plurals by the language's rules: French counts 0 as singular.
        let zero = tn("results.lift_confidence", 0, &[]);
        let one = tn("results.lift_confidence", 1, &[]);
        assert_eq!(one, t("results.lift_confidence_one"), "{tag}");
        assert_eq!(
            zero == one,
            language == Language::Fr,
            "{tag}: 0 is singular in French only"
        );
        assert_eq!(
            roadmap_readiness::i18n::grouped(12_345),
            language.integer(12_345)
        );
        i18n::use_pack(english);
    }
}

/// A pack whose questionnaire lost a question, or belongs to another version, is refused
/// naming its file, so that a stale file cannot score answers wrongly.
#[test]
fn a_pack_that_differs_from_the_english_structure_is_refused_by_name() {
    use roadmap_readiness::i18n::{pack::Pack, Language};
    let [common, city, cso] = pack_texts("fr");
    let mut short: serde_json::Value = serde_json::from_str(&city).unwrap();
    short["question"].as_array_mut().unwrap().pop();
    let error = Pack::parse(Language::Fr, &common, &short.to_string(), &cso)
        .err()
        .expect("refused");
    assert_eq!(error.file, "lang/fr/city.json");
    let mut other: serde_json::Value = serde_json::from_str(&cso).unwrap();
    other["version"] = "9.9.9".into();
    let error = Pack::parse(Language::Fr, &common, &city, &other.to_string())
        .err()
        .expect("refused");
    assert_eq!(error.file, "lang/fr/cso.json");
    assert!(error.message.contains("9.9.9"), "{}", error.message);
    let broken = Pack::parse(Language::Fr, "{\"messages\": {}}", &city, &cso)
        .err()
        .expect("refused");
    assert_eq!(broken.file, "lang/fr/common.json");
    assert!(broken.message.contains("roadmap"), "{}", broken.message);
}

/// A refused file is explained in the page's language down to its detail: the core's
/// English words for what is wrong are worded from each catalogue, never shown as they
/// are, for every refusal the import fixtures and the protected envelope give.
#[test]
fn every_refusal_s_detail_is_worded_in_each_language() {
    use roadmap_readiness::core::format::FormatError;
    use roadmap_readiness::core::{import, protected};
    use roadmap_readiness::i18n::details::{field_detail, syntax_detail};
    use roadmap_readiness::i18n::{self, pack::Pack, Language};
    let mut errors: Vec<FormatError> = Vec::new();
    for entry in fs::read_dir("tests/fixtures/import").unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        if let Err(import::ImportError::Format(error)) = import::check(&bytes) {
            errors.push(error);
        }
    }
    // The protected envelope's own refusals, from a well-formed one made wrong.
    let envelope: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("tests/fixtures/protected-v1.json").unwrap())
            .unwrap();
    for (field, value) in [
        ("salt", serde_json::json!("AAAA")),
        ("nonce", serde_json::json!("a*bc")),
        ("ciphertext", serde_json::json!("abc")),
        ("kdf", serde_json::json!("scrypt")),
        ("iterations", serde_json::json!(-1)),
        ("salt", serde_json::json!([1, 2])),
    ] {
        let mut wrong = envelope.clone();
        wrong[field] = value;
        if let Err(error) = protected::read(&wrong.to_string()) {
            errors.push(error);
        }
    }
    let fields = errors
        .iter()
        .filter(|e| matches!(e, FormatError::Field { .. }))
        .count();
    assert!(fields >= 10, "only {fields} field refusals to check");
    for (tag, _) in languages() {
        let language = Language::from_tag(&tag).unwrap();
        let [common, city, cso] = pack_texts(&tag);
        let pack: &'static Pack = Box::leak(Box::new(
            Pack::parse(language, &common, &city, &cso).unwrap(),
        ));
        i18n::use_pack(pack);
        for error in &errors {
            let (english, worded) = match error {
                FormatError::Field { message, .. } => (message, field_detail(message)),
                FormatError::Syntax { message, .. } => (message, syntax_detail(message)),
                _ => continue,
            };
            let worded = worded.unwrap_or_else(|| panic!("{tag}: no wording for {english:?}"));
            assert_ne!(&worded, english, "{tag}");
            let description = i18n::describe_format_error(error);
            assert!(
                !description.contains(english.as_str()),
                "{tag}: {description}"
            );
        }
        i18n::use_pack(Pack::english());
    }
}
