//! Turns the TOML content files into compact JSON in OUT_DIR, so the wasm carries
//! no TOML parser. Validation of the content itself lives in `tests/content.rs`;
//! here we only fail on files that are not valid TOML, naming the file.
use std::{env, fs, path::Path};

const CONTENT: &[(&str, &str)] = &[
    ("content/roadmap.toml", "roadmap.json"),
    ("content/resources.toml", "resources.json"),
    ("content/instrument/city.toml", "instrument-city.json"),
    ("content/instrument/cso.toml", "instrument-cso.json"),
    ("content/i18n/en.toml", "i18n-en.json"),
];

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
}
