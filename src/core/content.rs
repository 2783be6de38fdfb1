//! The embedded content, parsed once on first use. `build.rs` has already turned the
//! TOML files into JSON; a parse failure here is a content bug that
//! `tests/content.rs` catches before any build ships, hence `expect`.

use super::glossary::Glossary;
use super::grant::FunderChecks;
use super::instrument::{Instrument, Perspective, ResourceCatalogue, Roadmap};
use std::sync::OnceLock;

pub const ROADMAP_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/roadmap.json"));
pub const RESOURCES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/resources.json"));
pub const CITY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/instrument-city.json"));
pub const CSO_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/instrument-cso.json"));
pub const GLOSSARY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.json"));
pub const FUNDER_CHECKS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/funder-checks.json"));

pub fn glossary() -> &'static Glossary {
    static CELL: OnceLock<Glossary> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str(GLOSSARY_JSON).expect("content/glossary.toml is valid")
    })
}

pub fn funder_checks() -> &'static FunderChecks {
    static CELL: OnceLock<FunderChecks> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str(FUNDER_CHECKS_JSON).expect("content/funder_checks.toml is valid")
    })
}

pub fn roadmap() -> &'static Roadmap {
    static CELL: OnceLock<Roadmap> = OnceLock::new();
    CELL.get_or_init(|| serde_json::from_str(ROADMAP_JSON).expect("content/roadmap.toml is valid"))
}

pub fn resources() -> &'static ResourceCatalogue {
    static CELL: OnceLock<ResourceCatalogue> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str(RESOURCES_JSON).expect("content/resources.toml is valid")
    })
}

pub fn instrument(perspective: Perspective) -> &'static Instrument {
    static CITY: OnceLock<Instrument> = OnceLock::new();
    static CSO: OnceLock<Instrument> = OnceLock::new();
    match perspective {
        Perspective::City => CITY.get_or_init(|| {
            serde_json::from_str(CITY_JSON).expect("content/instrument/city.toml is valid")
        }),
        Perspective::Cso => CSO.get_or_init(|| {
            serde_json::from_str(CSO_JSON).expect("content/instrument/cso.toml is valid")
        }),
    }
}
