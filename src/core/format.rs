//! The file format: one JSON envelope, used both for exported files and for each
//! local-storage entry, so the two can never drift apart.
//!
//! Reading goes: JSON syntax → envelope (format name, version) → migrations up to the
//! current version → typed fields (with the path of any bad field) → semantic checks.
//! Every failure is a `FormatError` that names what to fix; nothing is half-read.

use super::assessment::{Answer, Assessment, InstrumentRef, Redaction, Response};
use super::consensus::{Consensus, Spread};
use super::instrument::{Level, Mode, Perspective};
use super::plan::{ActionStatus, CustomAction, Plan, Tracking};
use super::snapshot::SnapshotMark;
use super::workshop::{Agreed, Participant, Workshop};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub const FORMAT_NAME: &str = "roadmap-readiness.assessment";
/// History: 1, the foundation (answers and notes); 2 adds `assessment.plan`; 3 the
/// status `not_started`; 4 the optional `consensus`; 5 the optional `snapshot`, and the
/// optional `redacted` marker with its `left_out` list of an assessment exported for
/// sharing; 6 the optional `language` the assessment was filled in.
pub const FORMAT_VERSION: u64 = 6;
/// Files above this size are refused before parsing.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The largest revision a file may carry: JavaScript's largest exact integer, so that
/// any tool reading the JSON sees the same number, and the app can count on from it.
pub use super::assessment::MAX_REVISION;
/// Notes and action texts above this many characters are refused, naming where.
pub const MAX_TEXT_CHARS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all; line and column are 1-based.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a Roadmap Readiness assessment (no or another `format`).
    NotAnAssessment,
    /// A workshop file where an assessment was expected: it opens in the workshop view.
    WorkshopFile,
    /// Not a workshop file where one was expected.
    NotAWorkshop,
    /// Written by a newer version of the app; refused whole.
    NewerVersion { found: u64, supported: u64 },
    /// A field is missing or wrong; `path` like `assessment.answers[3].level`.
    Field { path: String, message: String },
    /// Larger than `MAX_FILE_BYTES`; not read at all.
    TooLarge { bytes: usize, limit: usize },
}

// The structs below are the file, field by field. Their doc comments become the
// descriptions in the JSON Schema (`json_schema`, committed as
// `public/schema/assessment.schema.json`; `tests/schema.rs` keeps the two equal).

/// A Roadmap Readiness assessment file (format version 6). Exported files and the
/// browser's local-storage entries hold the same document.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
#[schemars(title = "Roadmap Readiness assessment")]
struct FileV2 {
    /// Always `roadmap-readiness.assessment`.
    #[schemars(extend("const" = FORMAT_NAME))]
    format: String,
    /// The layout's version; older versions are migrated on reading, newer ones refused.
    #[serde(deserialize_with = "format_version")]
    #[schemars(extend("const" = FORMAT_VERSION))]
    format_version: u64,
    /// The version of the app that wrote the file.
    app_version: String,
    /// When the file was written (ISO 8601).
    saved_at: String,
    assessment: AssessmentV2,
}

/// One assessment: who, which questionnaire, every answer and note, the action plan.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
struct AssessmentV2 {
    /// A unique id; the storage key and the import's test for "the same assessment".
    #[schemars(length(min = 1))]
    id: String,
    /// The city's or the organisation's name.
    name: String,
    /// Who fills it in; may be empty.
    #[serde(default)]
    respondent: String,
    #[schemars(with = "PerspectiveSchema")]
    perspective: Perspective,
    #[schemars(with = "ModeSchema")]
    mode: Mode,
    #[schemars(with = "InstrumentRefSchema")]
    instrument: InstrumentRef,
    /// ISO 8601 timestamp of creation.
    created_at: String,
    /// ISO 8601 timestamp of the last change.
    updated_at: String,
    /// Rises with every saved change; lets two browser tabs notice each other's writes.
    /// At most 2^53 - 1, where it stays.
    #[serde(default, deserialize_with = "revision")]
    #[schemars(range(max = MAX_REVISION))]
    revision: u64,
    /// One record per question answered or noted; each question at most once.
    answers: Vec<AnswerV2>,
    plan: PlanV2,
    /// Present when the assessment is a workshop's consensus (format version 4): the
    /// note of each answer is then the room's rationale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    consensus: Option<ConsensusV4>,
    /// `true` when the file was made by "Export for sharing" (format version 5): every
    /// note, the respondent, the plan's owners, the own actions' texts and a consensus's
    /// labels are left out; the answers and so the scores are whole.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    redacted: bool,
    /// What a shared file left out, as field paths of this record (`answers[].note`,
    /// `respondent`, …); only with `redacted`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    left_out: Vec<String>,
    /// Present when the record is a snapshot of the assessment `id`, frozen as it was
    /// when taken (format version 5); absent for the assessment itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    snapshot: Option<SnapshotV5>,
    /// The language the assessment was filled in, as a BCP 47 tag (`en`, `fr`, `es`;
    /// format version 6); absent when not known. Answers are keyed by question id, so
    /// an assessment reads in any language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        length(min = 1, max = 35),
        regex(pattern = r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
    )]
    language: Option<String>,
}

/// What marks an assessment record as a snapshot of it.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
struct SnapshotV5 {
    /// The snapshot's own id, unique among the snapshots of its assessment.
    #[schemars(length(min = 1))]
    id: String,
    /// What the user calls it ("Baseline", "Follow-up"); at most 10,000 characters.
    #[schemars(length(max = MAX_TEXT_CHARS))]
    label: String,
    /// When it was taken (ISO 8601).
    taken_at: String,
}

/// What a consensus records of the workshop that agreed it.
#[derive(Serialize, Deserialize, JsonSchema)]
struct ConsensusV4 {
    /// How many participants' files were merged.
    participants: usize,
    /// The participants' labels, when the facilitator chose to name them; empty when
    /// the workshop was anonymous.
    #[serde(default)]
    labels: Vec<String>,
    /// Per question that anyone answered with a level: what the room answered.
    #[serde(default)]
    spread: Vec<SpreadV4>,
}

/// The levels the participants gave one question.
#[derive(Serialize, Deserialize, JsonSchema)]
struct SpreadV4 {
    question: String,
    /// Participants who gave a level.
    answered: usize,
    #[schemars(with = "u8", range(min = 0, max = 4))]
    min: Level,
    #[schemars(with = "u8", range(min = 0, max = 4))]
    max: Level,
    /// The median level (the mean of the two middle ones for an even count).
    median: f64,
}

/// The action plan (added in format version 2).
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
struct PlanV2 {
    /// What the user tracks of instrument actions, by action key (`question/level`).
    tracking: Vec<TrackingV2>,
    /// The user's own actions.
    custom: Vec<CustomActionV2>,
}

/// Status, owner and due date of one recommended action.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
struct TrackingV2 {
    /// The action key, `<question id>/<level>`; each at most once.
    action: String,
    #[schemars(with = "ActionStatusSchema")]
    status: ActionStatus,
    #[serde(default)]
    #[schemars(length(max = MAX_TEXT_CHARS))]
    owner: String,
    #[serde(default)]
    due: String,
}

/// An action the user added themselves.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
struct CustomActionV2 {
    id: String,
    /// The roadmap step it belongs to, if any.
    #[serde(default, deserialize_with = "step")]
    #[schemars(range(min = 1, max = 10))]
    step: Option<u8>,
    #[schemars(length(max = MAX_TEXT_CHARS))]
    text: String,
    #[schemars(with = "ActionStatusSchema")]
    status: ActionStatus,
    #[serde(default)]
    #[schemars(length(max = MAX_TEXT_CHARS))]
    owner: String,
    #[serde(default)]
    due: String,
}

/// The answer to one question.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(expecting = "an object")]
struct AnswerV2 {
    /// The question's id in the instrument. Ids the instrument does not know are kept.
    question: String,
    response: ResponseKind,
    /// 0 to 4; present exactly when `response` is `level`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<u8>", range(min = 0, max = 4))]
    level: Option<Level>,
    /// A note or evidence; at most 10,000 characters.
    #[serde(default)]
    #[schemars(length(max = MAX_TEXT_CHARS))]
    note: String,
}

/// `level` (with `level` 0 to 4), `not_applicable`, `dont_know`, or `none` (a note
/// without an answer).
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
enum ResponseKind {
    Level,
    NotApplicable,
    DontKnow,
    None,
}

// Schema stand-ins for types defined elsewhere, with the same serde shape; the schema
// tests validate real exports, so a drift between these and the real types fails there.

/// `city` or `cso` (a community organisation).
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum PerspectiveSchema {
    City,
    Cso,
}

/// `quick` (the key questions) or `full`.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum ModeSchema {
    Quick,
    Full,
}

/// The questionnaire the answers were given against.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct InstrumentRefSchema {
    /// `rr-city` or `rr-cso`.
    id: String,
    version: String,
}

#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum ActionStatusSchema {
    NotStarted,
    Planned,
    InProgress,
    Done,
}

// Numbers. JSON has one number type: `4` and `4.0` are the same number, and the schema's
// `integer` admits both, so the reader takes a whole number however it is written.
// Anything else is refused in words ("expected a whole number from 0 to 4, found 4.5"),
// never in Rust's (`i64`, `u8`).

use super::numbers::{whole_number, WholeNumber};

fn revision<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    whole_number(deserializer, 0, MAX_REVISION)
}

fn format_version<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    whole_number(deserializer, 1, u64::MAX)
}

fn step<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u8>, D::Error> {
    let steps = u64::from(super::instrument::STEP_COUNT);
    deserializer
        .deserialize_any(WholeNumber {
            min: 1,
            max: steps,
            null_is_none: true,
        })
        .map(|v| v.map(|v| u8::try_from(v).unwrap_or(u8::MAX)))
}

/// `format_version` read from the raw document, before the migrations: a whole number
/// of at least 1, written as an integer or as a float with nothing after the point.
fn raw_whole_number(value: &Value) -> Option<u64> {
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v <= MAX_REVISION as f64)
            .map(|v| v as u64)
    })
}

/// A workshop file's `format`: the same family of files, the same version numbers and
/// the same assessment records, one per participant (added in format version 4).
pub const WORKSHOP_FORMAT_NAME: &str = "roadmap-readiness.workshop";

/// A facilitator's workshop in progress (format version 4 and later): its
/// participants' assessments and the consensus recorded so far, so that a workshop
/// survives a reload and can move to another laptop as one file.
#[derive(Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Roadmap Readiness workshop")]
struct WorkshopFileV4 {
    /// Always `roadmap-readiness.workshop`.
    #[schemars(extend("const" = WORKSHOP_FORMAT_NAME))]
    format: String,
    /// The same version numbers as assessment files; workshops exist from version 4.
    #[schemars(extend("const" = FORMAT_VERSION))]
    format_version: u64,
    app_version: String,
    saved_at: String,
    workshop: WorkshopV4,
}

#[derive(Serialize, Deserialize, JsonSchema)]
struct WorkshopV4 {
    name: String,
    #[schemars(with = "PerspectiveSchema")]
    perspective: Perspective,
    /// Whether notes are shown with their participant's label.
    #[serde(default)]
    attributed: bool,
    participants: Vec<ParticipantV4>,
    /// The consensus recorded so far, per question.
    #[serde(default)]
    agreed: Vec<AgreedV4>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
struct ParticipantV4 {
    /// How the workshop names this participant.
    label: String,
    /// The participant's assessment, as in an assessment file.
    assessment: AssessmentV2,
}

#[derive(Serialize, Deserialize, JsonSchema)]
struct AgreedV4 {
    question: String,
    response: ResponseKind,
    /// 0 to 4; present exactly when `response` is `level`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<u8>", range(min = 0, max = 4))]
    level: Option<Level>,
    /// The room's one-line rationale.
    #[serde(default)]
    #[schemars(length(max = MAX_TEXT_CHARS))]
    rationale: String,
}

/// The JSON Schema of workshop files, pretty-printed with a final newline.
pub fn workshop_json_schema() -> String {
    schema_text(schemars::schema_for!(WorkshopFileV4))
}

/// A schema as committed under `public/schema/`: pretty-printed, with a final newline.
fn schema_text(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// Serialises a workshop as a pretty-printed workshop file of the current version.
pub fn workshop_to_json(workshop: &Workshop, saved_at: &str) -> String {
    serde_json::to_string_pretty(&workshop_record(workshop, saved_at))
        .expect("plain data always serialises")
}

/// The same workshop file without whitespace: what storage holds.
pub fn workshop_to_json_compact(workshop: &Workshop, saved_at: &str) -> String {
    serde_json::to_string(&workshop_record(workshop, saved_at))
        .expect("plain data always serialises")
}

fn workshop_record(workshop: &Workshop, saved_at: &str) -> WorkshopFileV4 {
    WorkshopFileV4 {
        format: WORKSHOP_FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        saved_at: saved_at.to_owned(),
        workshop: WorkshopV4 {
            name: workshop.name.clone(),
            perspective: workshop.perspective,
            attributed: workshop.attributed,
            participants: workshop
                .participants
                .iter()
                .map(|p| ParticipantV4 {
                    label: p.label.clone(),
                    assessment: assessment_record(&p.assessment),
                })
                .collect(),
            agreed: workshop
                .agreed
                .iter()
                .map(|(question, a)| {
                    let (response, level) = response_record(a.response);
                    AgreedV4 {
                        question: question.clone(),
                        response,
                        level,
                        rationale: a.rationale.clone(),
                    }
                })
                .collect(),
        },
    }
}

/// Reads a workshop file: the same checks as an assessment file, for every participant.
pub fn parse_workshop(text: &str) -> Result<Workshop, FormatError> {
    let value = read_json(text)?;
    let object = value.as_object().ok_or(FormatError::NotAWorkshop)?;
    match object.get("format").and_then(Value::as_str) {
        Some(WORKSHOP_FORMAT_NAME) => {}
        Some(FORMAT_NAME) => return Err(FormatError::NotAWorkshop),
        _ => return Err(FormatError::NotAWorkshop),
    }
    whole_version(object)?;
    let file: WorkshopFileV4 = serde_path_to_error::deserialize(value)
        .map_err(|e| field_error(&e.path().to_string(), &e.inner().to_string()))?;
    let mut workshop = Workshop::new(&file.workshop.name, file.workshop.perspective);
    workshop.attributed = file.workshop.attributed;
    for p in file.workshop.participants {
        workshop.participants.push(Participant {
            label: p.label,
            assessment: into_assessment(p.assessment)?,
        });
    }
    for (index, a) in file.workshop.agreed.into_iter().enumerate() {
        let response = into_response(
            a.response,
            a.level,
            &format!("workshop.agreed[{index}].level"),
        )?;
        check_length(&format!("workshop.agreed[{index}].rationale"), &a.rationale)?;
        workshop.agreed.insert(
            a.question,
            Agreed {
                response,
                rationale: a.rationale,
            },
        );
    }
    Ok(workshop)
}

/// The JSON Schema of the current file format, pretty-printed with a final newline.
pub fn json_schema() -> String {
    schema_text(schemars::schema_for!(FileV2))
}

/// Serialises an assessment as a pretty-printed file of the current version: what an
/// export holds.
pub fn to_json(assessment: &Assessment, saved_at: &str) -> String {
    serde_json::to_string_pretty(&file_record(assessment, saved_at))
        .expect("plain data always serialises")
}

/// The same file without indentation or line breaks: what a storage entry holds, so
/// that an entry takes no more room than the compact file it came from.
pub fn to_json_compact(assessment: &Assessment, saved_at: &str) -> String {
    serde_json::to_string(&file_record(assessment, saved_at)).expect("plain data always serialises")
}

fn file_record(assessment: &Assessment, saved_at: &str) -> FileV2 {
    FileV2 {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        saved_at: saved_at.to_owned(),
        assessment: assessment_record(assessment),
    }
}

fn assessment_record(assessment: &Assessment) -> AssessmentV2 {
    AssessmentV2 {
        id: assessment.id.clone(),
        name: assessment.name.clone(),
        respondent: assessment.respondent.clone(),
        perspective: assessment.perspective,
        mode: assessment.mode,
        instrument: assessment.instrument.clone(),
        created_at: assessment.created_at.clone(),
        updated_at: assessment.updated_at.clone(),
        revision: assessment.revision,
        answers: assessment
            .answers
            .iter()
            .map(|(question, answer)| answer_record(question, answer))
            .collect(),
        plan: plan_record(&assessment.plan),
        consensus: assessment.consensus.as_ref().map(|c| ConsensusV4 {
            participants: c.participants,
            labels: c.labels.clone(),
            spread: c
                .spread
                .iter()
                .map(|(question, s)| SpreadV4 {
                    question: question.clone(),
                    answered: s.answered,
                    min: s.min,
                    max: s.max,
                    median: s.median,
                })
                .collect(),
        }),
        snapshot: assessment.snapshot.as_ref().map(|m| SnapshotV5 {
            id: m.id.clone(),
            label: m.label.clone(),
            taken_at: m.taken_at.clone(),
        }),
        redacted: assessment.redaction.is_some(),
        left_out: assessment
            .redaction
            .as_ref()
            .map(|r| r.left_out.clone())
            .unwrap_or_default(),
        language: assessment.language.clone(),
    }
}

fn plan_record(plan: &Plan) -> PlanV2 {
    PlanV2 {
        tracking: plan
            .tracking
            .iter()
            .map(|(action, t)| TrackingV2 {
                action: action.clone(),
                status: t.status,
                owner: t.owner.clone(),
                due: t.due.clone(),
            })
            .collect(),
        custom: plan
            .custom
            .iter()
            .map(|c| CustomActionV2 {
                id: c.id.clone(),
                step: c.step,
                text: c.text.clone(),
                status: c.tracking.status,
                owner: c.tracking.owner.clone(),
                due: c.tracking.due.clone(),
            })
            .collect(),
    }
}

/// A response from its record; `level` is there exactly when the response is a level.
fn into_response(
    kind: ResponseKind,
    level: Option<Level>,
    level_path: &str,
) -> Result<Option<Response>, FormatError> {
    match (kind, level) {
        (ResponseKind::Level, Some(level)) => Ok(Some(Response::Level(level))),
        (ResponseKind::Level, None) => {
            Err(field(level_path, "required when response is \"level\""))
        }
        (_, Some(_)) => Err(field(level_path, "allowed only when response is \"level\"")),
        (ResponseKind::NotApplicable, None) => Ok(Some(Response::NotApplicable)),
        (ResponseKind::DontKnow, None) => Ok(Some(Response::DontKnow)),
        (ResponseKind::None, None) => Ok(None),
    }
}

fn response_record(response: Option<Response>) -> (ResponseKind, Option<Level>) {
    match response {
        Some(Response::Level(level)) => (ResponseKind::Level, Some(level)),
        Some(Response::NotApplicable) => (ResponseKind::NotApplicable, None),
        Some(Response::DontKnow) => (ResponseKind::DontKnow, None),
        None => (ResponseKind::None, None),
    }
}

fn answer_record(question: &str, answer: &Answer) -> AnswerV2 {
    let (response, level) = response_record(answer.response);
    AnswerV2 {
        question: question.to_owned(),
        response,
        level,
        note: answer.note.clone(),
    }
}

/// The suggested file name of an export:
/// `roadmap-readiness-<name>[-<respondent>]-<date>.json`, each reduced to lowercase
/// ascii words so it is safe on every file system. The respondent tells a workshop's
/// files of one organisation apart. A file for sharing (`core::sharing`) ends in
/// `-shared-<date>`, so that it is not taken for the whole one.
pub fn file_name(assessment: &Assessment, date: &str, extension: &str) -> String {
    let name = slug(&assessment.name);
    let stem = if name.is_empty() {
        "assessment".to_owned()
    } else {
        name
    };
    let by = slug(&assessment.respondent);
    let stem = if by.is_empty() {
        stem
    } else {
        format!("{stem}-{by}")
    };
    let stem = if assessment.redaction.is_some() {
        format!("{stem}-shared")
    } else {
        stem
    };
    // A snapshot's file is told apart from its assessment's, and from its siblings'.
    let stem = match &assessment.snapshot {
        Some(mark) => match slug(&mark.label) {
            label if label.is_empty() => format!("{stem}-snapshot"),
            label => format!("{stem}-snapshot-{label}"),
        },
        None => stem,
    };
    format!("roadmap-readiness-{stem}-{}.{extension}", date_part(date))
}

/// Lowercase ascii words joined by `-`; empty when nothing of `text` is ascii.
fn slug(text: &str) -> String {
    let lowered: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lowered
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// "2026-11-28" from an ISO 8601 timestamp (its first ten characters).
pub fn date_part(timestamp: &str) -> &str {
    timestamp
        .char_indices()
        .nth(10)
        .map_or(timestamp, |(end, _)| &timestamp[..end])
}

/// The JSON of a file within the size limit, or where its syntax fails.
fn read_json(text: &str) -> Result<Value, FormatError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    serde_json::from_str(text).map_err(|e| FormatError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Reads a file (or storage entry) of any known version.
pub fn parse(text: &str) -> Result<Assessment, FormatError> {
    let value = read_json(text)?;
    let version = envelope_version(&value)?;
    let value = migrate(value, version)?;
    let file: FileV2 = serde_path_to_error::deserialize(value)
        .map_err(|e| field_error(&e.path().to_string(), &e.inner().to_string()))?;
    into_assessment(file.assessment)
}

/// A serde error at `path`, with a missing field named in the path itself
/// (`assessment.perspective`, not `assessment` and "missing field `perspective`").
pub(crate) fn field_error(path: &str, message: &str) -> FormatError {
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'));
    match missing {
        Some(name) if path == "." || path.is_empty() => field(name, "required but missing"),
        Some(name) => field(&format!("{path}.{name}"), "required but missing"),
        None => field(path, &in_words(message)),
    }
}

/// serde's "invalid type: floating point `4.5`, expected an object" as "expected an
/// object, found 4.5": what was found in the file's own terms, not serde's.
fn in_words(message: &str) -> String {
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
    else {
        return message.to_owned();
    };
    let quoted = |kind: &str| {
        found
            .strip_prefix(kind)
            .and_then(|rest| rest.strip_prefix(" `"))
            .and_then(|rest| rest.strip_suffix('`'))
            .map(str::to_owned)
    };
    let found = quoted("integer")
        .or_else(|| quoted("floating point"))
        .or_else(|| quoted("boolean"))
        .or_else(|| {
            found
                .strip_prefix("string ")
                .map(|text| format!("the text {text}"))
        })
        .unwrap_or_else(|| {
            match found {
                "unit value" => "null",
                "sequence" => "a list",
                "map" => "an object",
                other => other,
            }
            .to_owned()
        });
    let expected = match expected {
        "a sequence" => "a list",
        "string or map" => "a string",
        other => other,
    };
    format!("expected {expected}, found {found}")
}

fn envelope_version(value: &Value) -> Result<u64, FormatError> {
    let object = value.as_object().ok_or(FormatError::NotAnAssessment)?;
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT_NAME) => {}
        Some(WORKSHOP_FORMAT_NAME) => return Err(FormatError::WorkshopFile),
        _ => return Err(FormatError::NotAnAssessment),
    }
    whole_version(object)
}

fn whole_version(object: &serde_json::Map<String, Value>) -> Result<u64, FormatError> {
    let version = object
        .get("format_version")
        .and_then(raw_whole_number)
        .filter(|v| *v >= 1)
        .ok_or_else(|| FormatError::Field {
            path: "format_version".into(),
            message: "expected a whole number of at least 1".into(),
        })?;
    if version > FORMAT_VERSION {
        return Err(FormatError::NewerVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(version)
}

type Migration = fn(Value) -> Result<Value, FormatError>;

/// `MIGRATIONS[n - 1]` takes a version-n document to version n + 1. Appending one here
/// and bumping `FORMAT_VERSION` is all a format change needs, plus a frozen fixture of
/// the old version under `tests/fixtures/`.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6];

/// Upgrades an older document step by step to the current version.
fn migrate(value: Value, from: u64) -> Result<Value, FormatError> {
    let start = usize::try_from(from - 1).unwrap_or(usize::MAX);
    let mut value = MIGRATIONS.iter().skip(start).try_fold(value, |v, m| m(v))?;
    value["format_version"] = FORMAT_VERSION.into();
    Ok(value)
}

/// Version 2 adds the action plan; a version-1 assessment has tracked nothing yet.
fn v1_to_v2(mut value: Value) -> Result<Value, FormatError> {
    let assessment = value
        .get_mut("assessment")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| field("assessment", "expected an object"))?;
    assessment
        .entry("plan")
        .or_insert_with(|| serde_json::json!({ "tracking": [], "custom": [] }));
    Ok(value)
}

/// Version 3 adds the status `not_started`, which every action now starts with; an
/// action a version-2 file does not track showed as "planned" without the person
/// choosing it, and now reads as not started. The layout is unchanged.
fn v2_to_v3(value: Value) -> Result<Value, FormatError> {
    Ok(value)
}

/// Version 4 adds the optional `consensus` of a workshop's agreed assessment; a
/// version-3 assessment is none. The layout is otherwise unchanged.
fn v3_to_v4(value: Value) -> Result<Value, FormatError> {
    Ok(value)
}

/// Version 5 adds the optional `snapshot` mark of a frozen copy of an assessment (a
/// version-4 record is the assessment itself), and the optional `redacted` marker (with
/// `left_out`) of an assessment exported for sharing (a version-4 assessment is not
/// redacted). The layout is otherwise unchanged.
fn v4_to_v5(value: Value) -> Result<Value, FormatError> {
    Ok(value)
}

/// Version 6 adds the optional `language` the assessment was filled in; a version-5
/// assessment's is not known. The layout is otherwise unchanged.
fn v5_to_v6(value: Value) -> Result<Value, FormatError> {
    Ok(value)
}

/// A text's length as the format limits it (`MAX_TEXT_CHARS`): in characters (Unicode
/// scalar values), not in UTF-16 units as a browser's `maxlength` counts, nor in bytes.
/// An emoji is one character here and two units there.
pub fn text_chars(text: &str) -> usize {
    text.chars().count()
}

/// An edit of a limited text (`before` became `after`), fitted to `MAX_TEXT_CHARS` the
/// way a browser's `maxlength` fits typing and pasting, but counting as the format
/// does: what was there stays, and what was inserted is cut to the room left. `None`
/// when `after` fits; else the fitted text and the character position where the kept
/// insertion ends (for the caret).
pub fn fit_edit(before: &str, after: &str) -> Option<(String, usize)> {
    if text_chars(after) <= MAX_TEXT_CHARS {
        return None;
    }
    let old: Vec<char> = before.chars().collect();
    let new: Vec<char> = after.chars().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let kept = prefix + suffix;
    if kept > MAX_TEXT_CHARS {
        // What was there is over the limit itself (it cannot be, when it was read from a
        // file): keep the first characters.
        return Some((new[..MAX_TEXT_CHARS].iter().collect(), MAX_TEXT_CHARS));
    }
    let inserted = &new[prefix..new.len() - suffix];
    let room = (MAX_TEXT_CHARS - kept).min(inserted.len());
    let fitted = new[..prefix]
        .iter()
        .chain(&inserted[..room])
        .chain(&new[new.len() - suffix..])
        .collect();
    Some((fitted, prefix + room))
}

fn check_length(path: &str, text: &str) -> Result<(), FormatError> {
    let chars = text_chars(text);
    if chars > MAX_TEXT_CHARS {
        return Err(field(
            path,
            &format!("{chars} characters, at most {MAX_TEXT_CHARS} allowed"),
        ));
    }
    Ok(())
}

fn into_plan(plan: PlanV2) -> Result<Plan, FormatError> {
    let mut tracking = std::collections::BTreeMap::new();
    for (index, t) in plan.tracking.into_iter().enumerate() {
        check_length(
            &format!("assessment.plan.tracking[{index}].owner"),
            &t.owner,
        )?;
        let value = Tracking {
            status: t.status,
            owner: t.owner,
            due: t.due,
        };
        if tracking.insert(t.action.clone(), value).is_some() {
            return Err(field(
                &format!("assessment.plan.tracking[{index}].action"),
                &format!("\"{}\" is tracked twice", t.action),
            ));
        }
    }
    let mut custom = Vec::with_capacity(plan.custom.len());
    let mut custom_ids = std::collections::BTreeSet::new();
    for (index, c) in plan.custom.into_iter().enumerate() {
        check_length(&format!("assessment.plan.custom[{index}].text"), &c.text)?;
        check_length(&format!("assessment.plan.custom[{index}].owner"), &c.owner)?;
        if !custom_ids.insert(c.id.clone()) {
            return Err(field(
                &format!("assessment.plan.custom[{index}].id"),
                &format!("\"{}\" is used twice", c.id),
            ));
        }
        if c.step
            .is_some_and(|s| !(1..=super::instrument::STEP_COUNT).contains(&s))
        {
            return Err(field(
                &format!("assessment.plan.custom[{index}].step"),
                "expected a step from 1 to 10",
            ));
        }
        custom.push(CustomAction {
            id: c.id,
            step: c.step,
            text: c.text,
            tracking: Tracking {
                status: c.status,
                owner: c.owner,
                due: c.due,
            },
        });
    }
    Ok(Plan { tracking, custom })
}

fn into_assessment(record: AssessmentV2) -> Result<Assessment, FormatError> {
    if record.id.trim().is_empty() {
        return Err(field("assessment.id", "must not be empty"));
    }
    if record.revision > MAX_REVISION {
        return Err(field(
            "assessment.revision",
            &format!("expected at most {MAX_REVISION}, found {}", record.revision),
        ));
    }
    if !record.redacted && !record.left_out.is_empty() {
        return Err(field(
            "assessment.left_out",
            "allowed only when assessment.redacted is true",
        ));
    }
    for (index, path) in record.left_out.iter().enumerate() {
        check_length(&format!("assessment.left_out[{index}]"), path)?;
    }
    let mut answers = BTreeMap::new();
    for (index, answer) in record.answers.into_iter().enumerate() {
        let at = |field_name: &str| format!("assessment.answers[{index}].{field_name}");
        check_length(&at("note"), &answer.note)?;
        let response = into_response(answer.response, answer.level, &at("level"))?;
        let value = Answer {
            response,
            note: answer.note,
        };
        if answers.insert(answer.question.clone(), value).is_some() {
            return Err(field(
                &at("question"),
                &format!("\"{}\" is answered twice", answer.question),
            ));
        }
    }
    Ok(Assessment {
        id: record.id,
        perspective: record.perspective,
        mode: record.mode,
        name: record.name,
        respondent: record.respondent,
        instrument: record.instrument,
        created_at: record.created_at,
        updated_at: record.updated_at,
        revision: record.revision,
        answers,
        plan: into_plan(record.plan)?,
        consensus: record.consensus.map(|c| Consensus {
            participants: c.participants,
            labels: c.labels,
            spread: c
                .spread
                .into_iter()
                .map(|s| {
                    (
                        s.question,
                        Spread {
                            answered: s.answered,
                            min: s.min,
                            max: s.max,
                            median: s.median,
                        },
                    )
                })
                .collect(),
        }),
        snapshot: into_snapshot(record.snapshot)?,
        redaction: record.redacted.then_some(Redaction {
            left_out: record.left_out,
        }),
        language: record
            .language
            .map(|tag| language_tag(&tag).map(|()| tag))
            .transpose()?,
    })
}

/// A language tag as BCP 47 writes one (`fr`, `es-419`, `zh-Hant-TW`): letters and
/// digits in parts joined by hyphens, 35 characters at most. The app need not speak it:
/// a file from a newer version in another language keeps its tag.
fn language_tag(tag: &str) -> Result<(), FormatError> {
    let well_formed = !tag.is_empty()
        && tag.len() <= 35
        && tag
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()));
    if well_formed {
        Ok(())
    } else {
        Err(field(
            "assessment.language",
            "expected a language tag such as \"fr\" or \"es-419\"",
        ))
    }
}

fn into_snapshot(record: Option<SnapshotV5>) -> Result<Option<SnapshotMark>, FormatError> {
    let Some(mark) = record else {
        return Ok(None);
    };
    if mark.id.trim().is_empty() {
        return Err(field("assessment.snapshot.id", "must not be empty"));
    }
    check_length("assessment.snapshot.label", &mark.label)?;
    Ok(Some(SnapshotMark {
        id: mark.id,
        label: mark.label,
        taken_at: mark.taken_at,
    }))
}

fn field(path: &str, message: &str) -> FormatError {
    FormatError::Field {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::NewAssessment;

    fn sample() -> Assessment {
        let mut a = Assessment::create(
            "id-1".into(),
            NewAssessment {
                perspective: Perspective::Cso,
                mode: Mode::Quick,
                name: "Youth Forum \"East\"".into(),
                respondent: "Amina".into(),
            },
            InstrumentRef {
                id: "rr-cso".into(),
                version: "1.0.0".into(),
            },
            "2026-01-01T00:00:00.000Z",
        );
        a.set_response("q1", Some(Response::Level(Level::new(4).unwrap())), "t1");
        a.set_response("q2", Some(Response::NotApplicable), "t2");
        a.set_response("q3", Some(Response::DontKnow), "t3");
        a.set_note("q4", "ünïcødé, \"quotes\"\nand lines", "t4");
        a
    }

    #[test]
    fn a_snapshot_round_trips_with_its_mark_and_the_assessment_has_none() {
        let a = sample();
        let value: Value = serde_json::from_str(&to_json(&a, "t")).unwrap();
        assert!(
            value["assessment"].get("snapshot").is_none(),
            "omitted when absent"
        );
        let s = crate::core::snapshot::freeze(&a, "s1".into(), "Baseline", "2026-02-01");
        let text = to_json(&s, "t");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["assessment"]["snapshot"],
            serde_json::json!({ "id": "s1", "label": "Baseline", "taken_at": "2026-02-01" })
        );
        assert_eq!(value["assessment"]["id"], "id-1", "of its assessment");
        assert_eq!(parse(&text), Ok(s));
        let long = with(|v| {
            v["assessment"]["snapshot"] = serde_json::json!({
                "id": "s", "label": "x".repeat(MAX_TEXT_CHARS + 1), "taken_at": "t" })
        });
        assert!(
            matches!(parse(&long), Err(FormatError::Field { path, .. }) if path == "assessment.snapshot.label")
        );
        let no_id = with(|v| {
            v["assessment"]["snapshot"] =
                serde_json::json!({ "id": " ", "label": "B", "taken_at": "t" })
        });
        assert!(
            matches!(parse(&no_id), Err(FormatError::Field { path, .. }) if path == "assessment.snapshot.id")
        );
        let missing =
            with(|v| v["assessment"]["snapshot"] = serde_json::json!({ "id": "s", "label": "B" }));
        assert_eq!(
            parse(&missing),
            Err(FormatError::Field {
                path: "assessment.snapshot.taken_at".into(),
                message: "required but missing".into()
            })
        );
    }

    #[test]
    fn round_trip_keeps_everything() {
        let a = sample();
        let text = to_json(&a, "2026-01-02T00:00:00.000Z");
        assert_eq!(parse(&text), Ok(a));
    }

    #[test]
    fn the_compact_file_is_the_same_document_without_whitespace() {
        let a = sample();
        let pretty = to_json(&a, "t");
        let compact = to_json_compact(&a, "t");
        assert!(!compact.contains('\n') && compact.len() < pretty.len());
        assert_eq!(
            serde_json::from_str::<Value>(&compact).unwrap(),
            serde_json::from_str::<Value>(&pretty).unwrap()
        );
        assert_eq!(parse(&compact), Ok(a));
    }

    #[test]
    fn export_names_format_version_and_instrument() {
        let value: Value = serde_json::from_str(&to_json(&sample(), "now")).unwrap();
        assert_eq!(value["format"], FORMAT_NAME);
        assert_eq!(value["format_version"], FORMAT_VERSION);
        assert_eq!(value["assessment"]["instrument"]["id"], "rr-cso");
        assert_eq!(value["assessment"]["answers"][0]["level"], 4);
        assert!(value["assessment"]["answers"][1].get("level").is_none());
    }

    fn with(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&to_json(&sample(), "now")).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn the_date_part_is_the_first_ten_characters() {
        assert_eq!(date_part("2026-11-28T10:00:00.000Z"), "2026-11-28");
        assert_eq!(date_part("2026-11"), "2026-11");
        assert_eq!(date_part("ünïcödé-dätä-here"), "ünïcödé-dä");
    }

    #[test]
    fn file_names_are_safe_slugs() {
        let mut a = sample();
        a.respondent = String::new();
        assert_eq!(
            file_name(&a, "2026-11-28T10:00:00Z", "json"),
            "roadmap-readiness-youth-forum-east-2026-11-28.json"
        );
        a.name = "Ünïcode only ✓".into();
        assert_eq!(
            file_name(&a, "2026-11-28", "csv"),
            "roadmap-readiness-n-code-only-2026-11-28.csv"
        );
        a.name = "✓".into();
        assert_eq!(
            file_name(&a, "2026-11-28", "json"),
            "roadmap-readiness-assessment-2026-11-28.json"
        );
        // The respondent tells a workshop's files apart.
        a.name = "Youth Forum".into();
        a.respondent = "Amina K. (treasurer)".into();
        assert_eq!(
            file_name(&a, "2026-11-28", "json"),
            "roadmap-readiness-youth-forum-amina-k-treasurer-2026-11-28.json"
        );
        let s = crate::core::snapshot::freeze(&a, "s".into(), "Follow-up 1", "t");
        assert_eq!(
            file_name(&s, "2026-11-28", "json"),
            "roadmap-readiness-youth-forum-amina-k-treasurer-snapshot-follow-up-1-2026-11-28.json"
        );
        // A file for sharing says so, and has no respondent to name.
        assert_eq!(
            file_name(&crate::core::sharing::for_sharing(&a), "2026-11-28", "csv"),
            "roadmap-readiness-youth-forum-shared-2026-11-28.csv"
        );
    }

    #[test]
    fn a_shared_assessment_round_trips_with_what_it_left_out() {
        let shared = crate::core::sharing::for_sharing(&sample());
        let text = to_json(&shared, "t");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format_version"], FORMAT_VERSION);
        assert_eq!(value["assessment"]["redacted"], true);
        assert_eq!(
            value["assessment"]["left_out"],
            serde_json::json!(crate::core::sharing::LEFT_OUT)
        );
        assert_eq!(parse(&text), Ok(shared));
        // Not shared: neither field is written.
        let value: Value = serde_json::from_str(&to_json(&sample(), "t")).unwrap();
        assert!(value["assessment"].get("redacted").is_none());
        assert!(value["assessment"].get("left_out").is_none());
        // A list of what was left out without the marker is a mistake, named.
        let text = with(|v| v["assessment"]["left_out"] = serde_json::json!(["respondent"]));
        assert_eq!(
            parse(&text),
            Err(FormatError::Field {
                path: "assessment.left_out".into(),
                message: "allowed only when assessment.redacted is true".into()
            })
        );
        let text = with(|v| v["assessment"]["redacted"] = "yes".into());
        assert_eq!(
            parse(&text),
            Err(FormatError::Field {
                path: "assessment.redacted".into(),
                message: "expected a boolean, found the text \"yes\"".into()
            })
        );
        // `redacted: false` is the same as no marker.
        let text = with(|v| v["assessment"]["redacted"] = false.into());
        assert_eq!(parse(&text).unwrap().redaction, None);
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        match parse("{\n  \"format\": ,\n}") {
            Err(FormatError::Syntax { line, column, .. }) => assert_eq!((line, column), (2, 13)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn other_json_is_not_an_assessment() {
        assert_eq!(parse("[1, 2]"), Err(FormatError::NotAnAssessment));
        assert_eq!(
            parse("{\"format\": \"x\"}"),
            Err(FormatError::NotAnAssessment)
        );
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = with(|v| v["format_version"] = 99.into());
        assert_eq!(
            parse(&text),
            Err(FormatError::NewerVersion {
                found: 99,
                supported: FORMAT_VERSION
            })
        );
    }

    #[test]
    fn a_level_out_of_range_names_its_path() {
        let text = with(|v| v["assessment"]["answers"][0]["level"] = 7.into());
        assert_eq!(
            parse(&text),
            Err(FormatError::Field {
                path: "assessment.answers[0].level".into(),
                message: "expected a whole number from 0 to 4, found 7".into()
            })
        );
    }

    #[test]
    fn whole_numbers_written_as_floats_are_read() {
        let text = with(|v| {
            v["format_version"] = serde_json::json!(3.0);
            v["assessment"]["revision"] = serde_json::json!(42.0);
            v["assessment"]["answers"][0]["level"] = serde_json::json!(4.0);
            v["assessment"]["plan"]["custom"] =
                serde_json::json!([{ "id": "c", "step": 3.0, "text": "x", "status": "planned" }]);
        });
        let a = parse(&text).unwrap();
        assert_eq!(a.revision, 42);
        assert_eq!(
            a.response("q1"),
            Some(Response::Level(Level::new(4).unwrap()))
        );
        assert_eq!(a.plan.custom[0].step, Some(3));
        // An older version written so is migrated as usual.
        let text = with(|v| v["format_version"] = serde_json::json!(2.0));
        assert!(parse(&text).is_ok());
        let text = with(|v| v["assessment"]["revision"] = serde_json::json!(MAX_REVISION as f64));
        assert_eq!(parse(&text).unwrap().revision, MAX_REVISION);
    }

    #[test]
    fn wrong_numbers_and_types_are_worded_for_people() {
        let message = |edit: &dyn Fn(&mut Value)| match parse(&with(edit)) {
            Err(FormatError::Field { path, message }) => format!("{path}: {message}"),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            message(&|v| v["assessment"]["answers"][0]["level"] = "four".into()),
            "assessment.answers[0].level: expected a whole number from 0 to 4, found the text \"four\""
        );
        assert_eq!(
            message(&|v| v["assessment"]["answers"][0]["level"] = serde_json::json!(4.5)),
            "assessment.answers[0].level: expected a whole number from 0 to 4, found 4.5"
        );
        assert_eq!(
            message(&|v| v["assessment"]["answers"][0]["level"] = serde_json::json!(-1)),
            "assessment.answers[0].level: expected a whole number from 0 to 4, found -1"
        );
        assert_eq!(
            message(&|v| v["assessment"]["revision"] = serde_json::json!(MAX_REVISION + 1)),
            "assessment.revision: expected a whole number from 0 to 9007199254740991, found 9007199254740992"
        );
        assert_eq!(
            message(&|v| v["format_version"] = serde_json::json!(1.5)),
            "format_version: expected a whole number of at least 1"
        );
        // No field, whatever it holds, is described by a Rust type.
        let paths: &[&[&str]] = &[
            &["format_version"],
            &["assessment"],
            &["assessment", "revision"],
            &["assessment", "instrument"],
            &["assessment", "answers"],
            &["assessment", "answers", "0"],
            &["assessment", "answers", "0", "level"],
            &["assessment", "answers", "0", "note"],
            &["assessment", "plan"],
            &["assessment", "plan", "tracking"],
            &["assessment", "plan", "custom"],
            &["assessment", "perspective"],
        ];
        let values = [
            serde_json::json!("text"),
            serde_json::json!(4.5),
            serde_json::json!(-3),
            serde_json::json!(300),
            serde_json::json!(true),
            serde_json::json!(null),
            serde_json::json!([1]),
            serde_json::json!({ "a": 1 }),
        ];
        for path in paths {
            for value in &values {
                let text = with(|v| {
                    let mut node = v;
                    for key in *path {
                        node = match key.parse::<usize>() {
                            Ok(i) => &mut node[i],
                            Err(_) => &mut node[*key],
                        };
                    }
                    *node = value.clone();
                });
                let Err(error) = parse(&text) else { continue };
                let words = format!("{error:?}");
                for rust in [
                    "i64",
                    "u8",
                    "u64",
                    "usize",
                    "f64",
                    "struct ",
                    "V2",
                    "Schema",
                    "floating point",
                ] {
                    assert!(!words.contains(rust), "{path:?} = {value}: {words}");
                }
            }
        }
        // A step of an own action, too.
        let text = with(|v| {
            v["assessment"]["plan"]["custom"] =
                serde_json::json!([{ "id": "c", "step": "3", "text": "x", "status": "planned" }]);
        });
        assert_eq!(
            parse(&text),
            Err(FormatError::Field {
                path: "assessment.plan.custom[0].step".into(),
                message: "expected a whole number from 1 to 10, found the text \"3\"".into()
            })
        );
    }

    #[test]
    fn serde_type_errors_are_put_in_the_file_s_terms() {
        assert_eq!(
            in_words("invalid type: floating point `4.5`, expected an object"),
            "expected an object, found 4.5"
        );
        assert_eq!(
            in_words("invalid type: string \"x\", expected a sequence"),
            "expected a list, found the text \"x\""
        );
        assert_eq!(
            in_words("invalid type: map, expected a string"),
            "expected a string, found an object"
        );
        assert_eq!(
            in_words("invalid type: unit value, expected string or map"),
            "expected a string, found null"
        );
        assert_eq!(in_words("something else"), "something else");
    }

    #[test]
    fn the_limit_counts_characters_not_utf16_units() {
        // 10,000 characters, 15,000 UTF-16 units: within the limit, and read back.
        let note = "😀".repeat(5_000) + &"a".repeat(5_000);
        assert_eq!(text_chars(&note), MAX_TEXT_CHARS);
        assert_eq!(note.encode_utf16().count(), 15_000);
        assert_eq!(fit_edit("", &note), None);
        let text = with(|v| v["assessment"]["answers"][0]["note"] = note.clone().into());
        assert_eq!(parse(&text).unwrap().note("q1"), note);
        // Editing it: one deleted, one typed, still fits.
        let edited = "😀".repeat(5_000) + &"a".repeat(4_999) + "b";
        assert_eq!(fit_edit(&note, &edited), None);
        // One more is kept out, as `maxlength` would: the text that was there stays.
        let typed = "😀".repeat(2_500) + "X" + &"😀".repeat(2_500) + &"a".repeat(5_000);
        assert_eq!(fit_edit(&note, &typed), Some((note.clone(), 2_500)));
        // A paste is cut to the room left, at the caret.
        let before = "ab".to_owned() + &"c".repeat(MAX_TEXT_CHARS - 5);
        let pasted = "a12345b".to_owned() + &"c".repeat(MAX_TEXT_CHARS - 5);
        let (fitted, caret) = fit_edit(&before, &pasted).unwrap();
        assert_eq!(text_chars(&fitted), MAX_TEXT_CHARS);
        assert!(fitted.starts_with("a123b"));
        assert_eq!(caret, 4);
        // Typing the same character as the one after the caret still fits the room.
        let (fitted, _) =
            fit_edit(&"x".repeat(MAX_TEXT_CHARS), &"x".repeat(MAX_TEXT_CHARS + 1)).unwrap();
        assert_eq!(fitted, "x".repeat(MAX_TEXT_CHARS));
        // A text over the limit from the start keeps its first characters.
        let (fitted, caret) = fit_edit("", &"é".repeat(MAX_TEXT_CHARS + 3)).unwrap();
        assert_eq!(
            (text_chars(&fitted), caret),
            (MAX_TEXT_CHARS, MAX_TEXT_CHARS)
        );
    }

    #[test]
    fn a_missing_field_names_its_path() {
        let text = with(|v| {
            v["assessment"]
                .as_object_mut()
                .unwrap()
                .remove("perspective");
        });
        assert_eq!(
            parse(&text),
            Err(FormatError::Field {
                path: "assessment.perspective".into(),
                message: "required but missing".into()
            })
        );
        let text = with(|v| {
            v.as_object_mut().unwrap().remove("saved_at");
        });
        assert_eq!(
            parse(&text),
            Err(FormatError::Field {
                path: "saved_at".into(),
                message: "required but missing".into()
            })
        );
    }

    #[test]
    fn level_and_response_must_agree() {
        let text = with(|v| {
            v["assessment"]["answers"][0]
                .as_object_mut()
                .unwrap()
                .remove("level");
        });
        assert!(
            matches!(parse(&text), Err(FormatError::Field { path, .. }) if path == "assessment.answers[0].level")
        );
    }

    #[test]
    fn revisions_past_the_exact_json_range_are_refused() {
        let text = with(|v| v["assessment"]["revision"] = u64::MAX.into());
        assert!(
            matches!(parse(&text), Err(FormatError::Field { path, .. }) if path == "assessment.revision")
        );
        let text = with(|v| v["assessment"]["revision"] = MAX_REVISION.into());
        assert_eq!(parse(&text).unwrap().revision, MAX_REVISION);
    }

    #[test]
    fn duplicate_own_action_ids_are_refused() {
        let mut a = sample();
        for text in ["one", "two"] {
            a.add_custom_action(
                CustomAction {
                    id: "same".into(),
                    step: None,
                    text: text.into(),
                    tracking: Tracking::default(),
                },
                "t",
            );
        }
        assert_eq!(
            parse(&to_json(&a, "t")),
            Err(FormatError::Field {
                path: "assessment.plan.custom[1].id".into(),
                message: "\"same\" is used twice".into()
            })
        );
    }

    #[test]
    fn duplicate_answers_are_refused() {
        let text = with(|v| v["assessment"]["answers"][1]["question"] = "q1".into());
        assert!(
            matches!(parse(&text), Err(FormatError::Field { path, .. }) if path == "assessment.answers[1].question")
        );
    }
}
