//! A language pack: one language's interface catalogue and content (roadmap, resources,
//! glossary, funder checks, both questionnaires). English is embedded in the wasm;
//! every other language is three JSON files the build writes under `lang/<tag>/`
//! (`scripts/language-packs.mjs`), fetched when a person chooses that language and
//! read here with the same types as the English, so a file that does not fit is refused
//! naming its file and what is wrong in it.
//!
//! Answers are keyed by question id, never by text, and a translated questionnaire has
//! the English ids, steps and weights (`tests/translations.rs`): scoring, the plan and
//! import read the same structure whatever the language.

use super::{flatten_value, Catalogue};
use crate::core::content;
use crate::core::glossary::Glossary;
use crate::core::grant::FunderChecks;
use crate::core::instrument::{Instrument, Perspective, ResourceCatalogue, Roadmap};
use crate::core::locale::Language;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

/// One language's words and content. Packs live as long as the page (`&'static`): there
/// are at most three, each read once.
pub struct Pack {
    pub language: Language,
    pub messages: Catalogue,
    /// The content in this language; `None` for English, whose parts `core::content`
    /// reads from the wasm each when first needed (a first view reads no more than it
    /// shows).
    content: Option<Content>,
}

/// A fetched language's content, read whole from its files.
struct Content {
    roadmap: Roadmap,
    resources: ResourceCatalogue,
    glossary: Glossary,
    funder_checks: FunderChecks,
    city: Instrument,
    cso: Instrument,
}

/// The files of a pack, as the build names them under `lang/<tag>/`.
pub const FILES: [&str; 3] = ["common.json", "city.json", "cso.json"];

/// Why a pack's file could not be read: which file, and what was wrong in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    pub file: String,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

#[derive(Deserialize)]
struct Common {
    messages: serde_json::Value,
    roadmap: Roadmap,
    resources: ResourceCatalogue,
    glossary: Glossary,
    funder_checks: FunderChecks,
}

impl Pack {
    /// English: the embedded catalogue, and the content of `core::content`.
    pub fn english() -> &'static Pack {
        static CELL: OnceLock<Pack> = OnceLock::new();
        CELL.get_or_init(|| Pack {
            language: Language::En,
            messages: super::flatten(super::EN_JSON),
            content: None,
        })
    }

    /// A pack from the texts of its three files (`FILES`, in that order). Each part is
    /// checked against the English structure it must share (the same question ids in
    /// the same steps), so a stale or foreign file is refused instead of scoring wrong.
    pub fn parse(
        language: Language,
        common: &str,
        city: &str,
        cso: &str,
    ) -> Result<Pack, PackError> {
        let file = |name: &str| format!("lang/{}/{name}", language.tag());
        let common: Common = read(&file(FILES[0]), common)?;
        let city: Instrument = read(&file(FILES[1]), city)?;
        let cso: Instrument = read(&file(FILES[2]), cso)?;
        for (name, instrument, perspective) in [
            (FILES[1], &city, Perspective::City),
            (FILES[2], &cso, Perspective::Cso),
        ] {
            same_structure(instrument, content::instrument(perspective)).map_err(|message| {
                PackError {
                    file: file(name),
                    message,
                }
            })?;
        }
        Ok(Pack {
            language,
            messages: flatten_value(&common.messages),
            content: Some(Content {
                roadmap: common.roadmap,
                resources: common.resources,
                glossary: common.glossary,
                funder_checks: common.funder_checks,
                city,
                cso,
            }),
        })
    }

    pub fn roadmap(&self) -> &Roadmap {
        match &self.content {
            Some(c) => &c.roadmap,
            None => content::roadmap(),
        }
    }

    pub fn resources(&self) -> &ResourceCatalogue {
        match &self.content {
            Some(c) => &c.resources,
            None => content::resources(),
        }
    }

    pub fn glossary(&self) -> &Glossary {
        match &self.content {
            Some(c) => &c.glossary,
            None => content::glossary(),
        }
    }

    pub fn funder_checks(&self) -> &FunderChecks {
        match &self.content {
            Some(c) => &c.funder_checks,
            None => content::funder_checks(),
        }
    }

    pub fn instrument(&self, perspective: Perspective) -> &Instrument {
        match (&self.content, perspective) {
            (None, _) => content::instrument(perspective),
            (Some(c), Perspective::City) => &c.city,
            (Some(c), Perspective::Cso) => &c.cso,
        }
    }
}

/// `serde_json` alone, without `serde_path_to_error`: the types are the English
/// content's, already read this way, so no second copy of their readers is compiled
/// into the wasm; its message names the field and the line.
fn read<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, PackError> {
    serde_json::from_str(text).map_err(|error| PackError {
        file: file.to_owned(),
        message: error.to_string(),
    })
}

/// A translated questionnaire must be the English one in another language: the same id
/// and version, and the same questions with the same steps, weights and quick set, in
/// order.
fn same_structure(translated: &Instrument, english: &Instrument) -> Result<(), String> {
    if translated.id != english.id || translated.version != english.version {
        return Err(format!(
            "questionnaire {} {} is not this app's {} {}",
            translated.id, translated.version, english.id, english.version
        ));
    }
    let shape = |i: &Instrument| -> Vec<(String, u8, u8, bool)> {
        i.questions
            .iter()
            .map(|q| (q.id.clone(), q.step, q.weight, q.quick))
            .collect()
    };
    if shape(translated) != shape(english) {
        return Err("its questions, steps, weights or quick set differ from the English".into());
    }
    Ok(())
}
