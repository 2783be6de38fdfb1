//! The user's own downloads, the only way data leaves the browser: an assessment as
//! JSON or CSV, the library as one CSV, an unreadable entry's raw text. A failed
//! download is logged; the data stays where it was.

use crate::core::assessment::Assessment;
use crate::core::{content, csv, format};
use crate::i18n::csv_labels;
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

pub fn assessment_csv(assessment: &Assessment) {
    let now = platform::now_iso();
    let text = csv::assessment_csv(
        assessment,
        content::instrument(assessment.perspective),
        &csv_labels(),
    );
    offer(
        &format::file_name(assessment, &now, "csv"),
        "text/csv;charset=utf-8",
        &text,
    );
}

pub fn library_csv(assessments: &[Assessment]) {
    let text = csv::library_csv(
        assessments
            .iter()
            .map(|a| (a, content::instrument(a.perspective))),
        &csv_labels(),
    );
    offer(
        &format!(
            "roadmap-readiness-library-{}.csv",
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
