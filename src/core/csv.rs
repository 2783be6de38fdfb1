//! CSV export: one row per question, for one assessment or the whole library.
//! RFC 4180: fields holding a comma, a quote, CR or LF are quoted and their quotes
//! doubled; lines end in CRLF. The text starts with a UTF-8 byte-order mark so that
//! spreadsheet programs read accents and non-Latin scripts correctly.
//!
//! Formula injection (OWASP's "CSV injection"): files travel between organisations, and
//! a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return as a formula. Every such cell is written with a single quote in front, so that
//! it is read as text (`'=HYPERLINK(…)`); nothing else is changed.

use super::assessment::{Assessment, Response};
use super::instrument::Instrument;
use std::borrow::Cow;

/// The byte-order mark every CSV export starts with.
pub const BOM: char = '\u{FEFF}';

/// The characters that make a spreadsheet read a cell as a formula when it starts with one.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell's text, with a single quote in front when it would start a formula.
pub fn guard(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One field: guarded against formula injection, then quoted when RFC 4180 requires it.
pub fn field(text: &str) -> Cow<'_, str> {
    let text = guard(text);
    if text.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        text
    }
}

/// A whole document: the BOM, then each row's fields joined by commas, each line ended
/// by CRLF.
pub fn document(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for row in rows {
        let line: Vec<Cow<'_, str>> = row.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The words of the export, supplied by the caller from the message catalogue.
#[derive(Clone, Debug)]
pub struct Labels {
    /// Step, step title (the perspective's own), question id, question, level, level
    /// descriptor, N/A or don't know, note.
    pub question_columns: [String; 8],
    /// Assessment id, name, respondent (who filled it in), perspective, version (mode):
    /// the library export's first columns.
    pub assessment_columns: [String; 5],
    pub not_applicable: String,
    pub dont_know: String,
    /// The perspective and mode as words, e.g. "City / local government", "Full assessment".
    pub perspective: fn(super::instrument::Perspective) -> String,
    pub mode: fn(super::instrument::Mode) -> String,
    /// The roadmap in the export's language, for the step titles an instrument leaves
    /// to it.
    pub roadmap: &'static super::instrument::Roadmap,
}

/// The question rows of one assessment (no header): every question in scope for its
/// mode in instrument order, then any other question answered (outside the mode, or
/// an id the instrument does not know), so that nothing in the assessment is left out.
pub fn question_rows(
    assessment: &Assessment,
    instrument: &Instrument,
    labels: &Labels,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut listed = std::collections::BTreeSet::new();
    for question in instrument.questions_in_scope(assessment.mode) {
        listed.insert(question.id.as_str());
        rows.push(row(assessment, instrument, &question.id, labels));
    }
    for question in &instrument.questions {
        if !listed.contains(question.id.as_str()) && assessment.answers.contains_key(&question.id) {
            listed.insert(question.id.as_str());
            rows.push(row(assessment, instrument, &question.id, labels));
        }
    }
    for id in assessment.answers.keys() {
        if !listed.contains(id.as_str()) {
            rows.push(row(assessment, instrument, id, labels));
        }
    }
    rows
}

fn row(assessment: &Assessment, instrument: &Instrument, id: &str, labels: &Labels) -> Vec<String> {
    let question = instrument.question(id);
    let response = assessment.response(id);
    let (level, descriptor, other) = match response {
        Some(Response::Level(level)) => (
            level.to_string(),
            question.map_or(String::new(), |q| q.descriptor(level).to_owned()),
            String::new(),
        ),
        Some(Response::NotApplicable) => {
            (String::new(), String::new(), labels.not_applicable.clone())
        }
        Some(Response::DontKnow) => (String::new(), String::new(), labels.dont_know.clone()),
        None => (String::new(), String::new(), String::new()),
    };
    vec![
        question.map_or(String::new(), |q| q.step.to_string()),
        question.map_or(String::new(), |q| {
            instrument.step_title_or(q.step, labels.roadmap).to_owned()
        }),
        id.to_owned(),
        question.map_or(String::new(), |q| q.text.clone()),
        level,
        descriptor,
        other,
        assessment.note(id).to_owned(),
    ]
}

/// One assessment as CSV: a header and one row per question.
pub fn assessment_csv(assessment: &Assessment, instrument: &Instrument, labels: &Labels) -> String {
    let mut rows = vec![labels.question_columns.to_vec()];
    rows.extend(question_rows(assessment, instrument, labels));
    document(&rows)
}

/// The whole library as one CSV: each row names its assessment, then the question.
pub fn library_csv<'a>(
    assessments: impl IntoIterator<Item = (&'a Assessment, &'a Instrument)>,
    labels: &Labels,
) -> String {
    let mut header = labels.assessment_columns.to_vec();
    header.extend(labels.question_columns.iter().cloned());
    let mut rows = vec![header];
    for (assessment, instrument) in assessments {
        let lead = [
            assessment.id.clone(),
            assessment.name.clone(),
            assessment.respondent.clone(),
            (labels.perspective)(assessment.perspective),
            (labels.mode)(assessment.mode),
        ];
        for question in question_rows(assessment, instrument, labels) {
            let mut line = lead.to_vec();
            line.extend(question);
            rows.push(line);
        }
    }
    document(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_as_they_are() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field(""), "");
        assert_eq!(field("日本語 ünïcødé"), "日本語 ünïcødé");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn a_cell_that_would_start_a_formula_is_read_as_text() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+49 30 1234"), "'+49 30 1234");
        assert_eq!(field("-5 degrees"), "'-5 degrees");
        assert_eq!(field("@SUM(A1:A2)"), "'@SUM(A1:A2)");
        assert_eq!(field("\tindented"), "'\tindented");
        // A carriage return also needs quoting: the quote mark goes inside.
        assert_eq!(field("\r=cmd"), "\"'\r=cmd\"");
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        // Only the first character counts; numbers and plain text stay as they are.
        assert_eq!(field("a=b"), "a=b");
        assert_eq!(field("3"), "3");
        assert_eq!(field(" =x"), " =x");
        assert_eq!(field("'quoted already"), "'quoted already");
        assert_eq!(
            document(&[vec!["=A1".into(), "-".into(), "ok".into()]]),
            "\u{FEFF}'=A1,'-,ok\r\n"
        );
    }

    #[test]
    fn documents_start_with_a_bom_and_end_lines_in_crlf() {
        let text = document(&[
            vec!["a".into(), "b,c".into()],
            vec!["ü".into(), String::new()],
        ]);
        assert_eq!(text, "\u{FEFF}a,\"b,c\"\r\nü,\r\n");
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }
}
