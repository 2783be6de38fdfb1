//! The content in the language the page speaks: the same functions as `core::content`
//! (which is English, for the core's own rules and tests), read from the current
//! language pack. Views and downloads read content here, so that a change of language
//! changes every question, level, action and step title with the words around them.

use super::current;
use crate::core::glossary::Glossary;
use crate::core::grant::FunderChecks;
use crate::core::instrument::{Instrument, Perspective, ResourceCatalogue, Roadmap};

pub fn roadmap() -> &'static Roadmap {
    current().roadmap()
}

pub fn resources() -> &'static ResourceCatalogue {
    current().resources()
}

pub fn glossary() -> &'static Glossary {
    current().glossary()
}

pub fn funder_checks() -> &'static FunderChecks {
    current().funder_checks()
}

pub fn instrument(perspective: Perspective) -> &'static Instrument {
    current().instrument(perspective)
}
