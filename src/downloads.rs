//! The user's own downloads, the only way data leaves the browser: an assessment as
//! JSON or CSV (whole, for sharing, or protected with a passphrase), the library as one
//! CSV, a workshop file, an unreadable entry's raw text. A failed download is logged
//! (never with a passphrase); the data stays where it was.

use crate::core::assessment::Assessment;
use crate::core::sharing::for_sharing;
use crate::core::{csv, format, protected};
use crate::i18n::{content, csv_labels, csv_labels_shared};
use crate::platform;
use crate::storage::files;

fn offer(name: &str, mime: &str, text: &str) {
    if let Err(detail) = files::download(name, mime, text) {
        leptos::logging::warn!("download failed: {detail}");
    }
}

pub fn assessment_json(assessment: &Assessment) {
    let now = platform::now_iso();
    offer(
        &format::file_name(assessment, &now, "json"),
        "application/json",
        &format::to_json(assessment, &now),
    );
}

/// "Export for sharing": the file of `core::sharing::for_sharing`, marked `redacted`.
pub fn assessment_json_shared(assessment: &Assessment) {
    assessment_json(&for_sharing(assessment));
}

/// The whole file, encrypted under `passphrase` (`core::protected`), named so that the
/// name says nothing of what it holds.
pub async fn assessment_protected(assessment: &Assessment, passphrase: &str) -> Result<(), String> {
    let now = platform::now_iso();
    let text = crate::webcrypto::protect(&format::to_json(assessment, &now), passphrase).await?;
    files::download(&protected::file_name(&now), "application/json", &text)
}

/// The workshop file, encrypted under `passphrase`.
pub async fn workshop_protected(
    workshop: &crate::core::workshop::Workshop,
    passphrase: &str,
) -> Result<(), String> {
    let now = platform::now_iso();
    let text =
        crate::webcrypto::protect(&format::workshop_to_json(workshop, &now), passphrase).await?;
    files::download(&protected::file_name(&now), "application/json", &text)
}

pub fn assessment_csv(assessment: &Assessment) {
    csv_of(assessment, &csv_labels());
}

/// The CSV for sharing: no note, and its note column says so.
pub fn assessment_csv_shared(assessment: &Assessment) {
    csv_of(&for_sharing(assessment), &csv_labels_shared());
}

fn csv_of(assessment: &Assessment, labels: &csv::Labels) {
    let now = platform::now_iso();
    let text = csv::assessment_csv(
        assessment,
        content::instrument(assessment.perspective),
        labels,
    );
    offer(
        &format::file_name(assessment, &now, "csv"),
        "text/csv;charset=utf-8",
        &text,
    );
}

pub fn library_csv(assessments: &[Assessment]) {
    library_csv_of(assessments, &csv_labels(), "library");
}

/// The library's CSV for sharing: no note and no respondent, and its columns say so.
pub fn library_csv_shared(assessments: &[Assessment]) {
    let shared: Vec<Assessment> = assessments.iter().map(for_sharing).collect();
    library_csv_of(&shared, &csv_labels_shared(), "library-shared");
}

fn library_csv_of(assessments: &[Assessment], labels: &csv::Labels, what: &str) {
    let text = csv::library_csv(
        assessments
            .iter()
            .map(|a| (a, content::instrument(a.perspective))),
        labels,
    );
    offer(
        &format!(
            "roadmap-readiness-{what}-{}.csv",
            format::date_part(&platform::now_iso())
        ),
        "text/csv;charset=utf-8",
        &text,
    );
}

/// The workshop in progress as one file, to move it to another laptop or keep it.
pub fn workshop_json(workshop: &crate::core::workshop::Workshop) {
    let now = platform::now_iso();
    offer(
        &format!(
            "roadmap-readiness-workshop-{}.json",
            format::date_part(&now)
        ),
        "application/json",
        &format::workshop_to_json(workshop, &now),
    );
}

/// The text of a stored entry as it is, named after its storage key.
pub fn raw_entry(key: &str, raw: &str) {
    offer(
        &format!("{}.txt", key.replace(['/', ':'], "-")),
        "text/plain",
        raw,
    );
}
