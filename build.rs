//! Turns the TOML content files into compact JSON in OUT_DIR, so the wasm carries
//! no TOML parser. Validation of the content itself lives in `tests/content.rs`;
//! here we only fail on files that are not valid TOML, naming the file.
use std::{env, fs, path::Path};

const CONTENT: &[(&str, &str)] = &[
    ("content/roadmap.toml", "roadmap.json"),
    ("content/resources.toml", "resources.json"),
    ("content/instrument/city.toml", "instrument-city.json"),
    ("content/instrument/cso.toml", "instrument-cso.json"),
    ("content/glossary.toml", "glossary.json"),
    ("content/funder_checks.toml", "funder-checks.json"),
];

/// Languages of the interface; each is a folder of TOML files merged into one catalogue,
/// so that separate areas of the app keep separate files.
const LANGUAGES: &[&str] = &["en"];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (source, target) in CONTENT {
        println!("cargo:rerun-if-changed={source}");
        let text =
            fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid TOML: {e}"));
        let json = serde_json::to_string(&value).expect("TOML values are representable as JSON");
        fs::write(Path::new(&out_dir).join(target), json).expect("OUT_DIR is writable");
    }
    for language in LANGUAGES {
        let folder = format!("content/i18n/{language}");
        println!("cargo:rerun-if-changed={folder}");
        let mut files: Vec<_> = fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("cannot read {folder}: {e}"))
            .map(|entry| entry.expect("readable folder entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        let mut catalogue = toml::Table::new();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("readable catalogue file");
            let table: toml::Table = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
            merge(&mut catalogue, table, &path.display().to_string(), "");
        }
        let json =
            serde_json::to_string(&catalogue).expect("TOML values are representable as JSON");
        fs::write(
            Path::new(&out_dir).join(format!("i18n-{language}.json")),
            json,
        )
        .expect("OUT_DIR is writable");
    }
}

/// Merges `from` into `into`; the same key in two files is a mistake, named here.
fn merge(into: &mut toml::Table, from: toml::Table, file: &str, prefix: &str) {
    for (key, value) in from {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(table)) => {
                merge(existing, table, file, &path)
            }
            (Some(_), _) => panic!("{file}: message key {path} is defined twice"),
            (None, value) => {
                into.insert(key, value);
            }
        }
    }
}
