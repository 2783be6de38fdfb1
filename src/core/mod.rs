//! The rules, in plain Rust: no web-sys, no Leptos. Tested natively with `cargo test`.

pub mod assessment;
pub mod change;
pub mod compare;
pub mod consensus;
pub mod content;
pub mod csv;
pub mod format;
pub mod glossary;
pub mod grant;
pub mod import;
pub mod instrument;
pub mod library;
pub mod locale;
pub mod numbers;
pub mod plan;
pub mod protected;
pub mod retired;
pub mod route;
pub mod scoring;
pub mod sharing;
pub mod snapshot;
pub mod store;
#[cfg(test)]
pub(crate) mod test_support;
pub mod tracking;
pub mod workshop;
