//! CSV export: one row per question, RFC 4180 quoting, a BOM, and nothing lost —
//! checked by reading the output back with an independent RFC 4180 reader.

use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::content;
use roadmap_readiness::core::csv;
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::i18n::csv_labels;

/// A strict RFC 4180 reader: CRLF line ends, quoted fields with doubled quotes.
fn read(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').expect("starts with a BOM");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => {
                    assert!(field.is_empty(), "a quote inside an unquoted field");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("a bare LF ends a line"),
                c => field.push(c),
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "the last line ends in CRLF"
    );
    rows
}

const RESPONDENT: &str = "Dana, liaison";

fn sample(id: &str, name: &str) -> Assessment {
    let instrument = content::instrument(Perspective::City);
    let mut a = Assessment::create(
        id.into(),
        NewAssessment {
            perspective: Perspective::City,
            mode: Mode::Full,
            name: name.into(),
            respondent: RESPONDENT.into(),
        },
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        "2026-01-01",
    );
    let q = |i: usize| instrument.questions[i].id.clone();
    a.set_response(&q(0), Some(Response::Level(Level::new(3).unwrap())), "t");
    a.set_note(
        &q(0),
        "Wards 3, 7 and \"the harbour\"\nsecond line\r\nthird",
        "t",
    );
    a.set_response(&q(1), Some(Response::NotApplicable), "t");
    a.set_response(&q(2), Some(Response::DontKnow), "t");
    a.set_note(&q(2), "日本語 — عربي — Ünïcødé", "t");
    a.set_response(
        "retired-question",
        Some(Response::Level(Level::new(1).unwrap())),
        "t",
    );
    a
}

#[test]
fn one_assessment_has_a_row_per_question_and_reads_back_exactly() {
    let a = sample("a", "Zürich, “Altstadt”");
    let instrument = content::instrument(Perspective::City);
    let text = csv::assessment_csv(&a, instrument, &csv_labels());
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    let rows = read(&text);
    assert_eq!(
        rows[0],
        [
            "Step",
            "Step title",
            "Question id",
            "Question",
            "Level",
            "Level descriptor",
            "Not applicable or don't know",
            "Note"
        ]
    );
    // Every question of the instrument, plus the answer to an id it does not know.
    assert_eq!(rows.len(), 1 + instrument.questions.len() + 1);
    let q0 = &instrument.questions[0];
    assert_eq!(
        rows[1],
        [
            q0.step.to_string(),
            instrument.step_title(q0.step).unwrap().to_owned(),
            q0.id.clone(),
            q0.text.clone(),
            "3".into(),
            q0.levels[3].clone(),
            String::new(),
            "Wards 3, 7 and \"the harbour\"\nsecond line\r\nthird".into(),
        ]
    );
    assert_eq!(rows[2][6], "Not applicable");
    assert_eq!(rows[3][6], "Don't know");
    assert_eq!(rows[3][7], "日本語 — عربي — Ünïcødé");
    assert_eq!(rows[4][4], "");
    let last = rows.last().unwrap();
    assert_eq!(
        (last[0].as_str(), last[2].as_str(), last[4].as_str()),
        ("", "retired-question", "1")
    );
}

#[test]
fn the_library_is_one_csv_naming_each_assessment() {
    let a = sample("a", "Zürich, “Altstadt”");
    let b = sample("b", "Plain");
    let instrument = content::instrument(Perspective::City);
    let rows = read(&csv::library_csv(
        [(&a, instrument), (&b, instrument)],
        &csv_labels(),
    ));
    assert_eq!(rows[0].len(), 13);
    assert_eq!(
        &rows[0][..5],
        [
            "Assessment id",
            "Assessment",
            "Filled in by",
            "Perspective",
            "Version"
        ]
    );
    let per = instrument.questions.len() + 1;
    assert_eq!(rows.len(), 1 + 2 * per);
    assert_eq!(
        &rows[1][..5],
        [
            "a",
            "Zürich, “Altstadt”",
            RESPONDENT,
            "City / local government",
            "Full assessment"
        ]
    );
    assert_eq!(rows[1 + per][0], "b");
    assert!(rows.iter().all(|r| r.len() == 13));
}

#[test]
fn text_that_would_start_a_formula_is_written_to_be_read_as_text() {
    let mut a = sample("=id", "=HYPERLINK(\"http://evil.example\",\"Click\")");
    a.respondent = "@SUM(1+1)*cmd|' /C calc'!A0".into();
    let instrument = content::instrument(Perspective::City);
    let q = &instrument.questions[0].id;
    a.set_note(q, "+1 -1", "t");
    let rows = read(&csv::library_csv([(&a, instrument)], &csv_labels()));
    assert_eq!(rows[1][0], "'=id");
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://evil.example\",\"Click\")");
    assert_eq!(rows[1][2], "'@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(rows[1][12], "'+1 -1");
    // No cell of either export starts a formula.
    for text in [
        csv::library_csv([(&a, instrument)], &csv_labels()),
        csv::assessment_csv(&a, instrument, &csv_labels()),
    ] {
        for cell in read(&text).iter().flatten() {
            assert!(!cell.starts_with(csv::FORMULA_STARTS), "{cell:?}");
        }
    }
}

#[test]
fn a_quick_check_lists_its_questions_and_any_other_answer() {
    let mut a = sample("q", "Quick");
    a.mode = Mode::Quick;
    let instrument = content::instrument(Perspective::City);
    let rows = read(&csv::assessment_csv(&a, instrument, &csv_labels()));
    let quick = instrument.questions_in_scope(Mode::Quick).count();
    let answered_outside: usize = a
        .answers
        .keys()
        .filter(|id| instrument.question(id).is_none_or(|q| !q.quick))
        .count();
    assert_eq!(rows.len(), 1 + quick + answered_outside);
}
