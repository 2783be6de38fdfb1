//! The long import fuzz (`make fuzz`): a million inputs or more through everything a
//! dropped file reaches, with no panic allowed. Plain Rust, no fuzzing crate (cargo-fuzz
//! needs a nightly toolchain): inputs are generated and mutated from a seed, so a run is
//! repeatable, and every input goes through
//!
//! - the assessment import (`import::check`: bytes to a checked assessment or a refusal
//!   in words); what reads must write and read back to the same assessment, and must
//!   score, plan, export as CSV and name its file without a panic;
//! - the workshop-file reader (`format::parse_workshop`); what reads must write and read
//!   back to the same workshop, and its statistics and consensus must be computed, the
//!   consensus itself saved and read back.
//!
//! Inputs, in turn: arbitrary bytes; JSON-ish token soup; byte mutations of the real
//! files under `tests/fixtures/` (flips, interesting bytes, inserts, deletions,
//! duplications, dictionary tokens, splices from another file, truncation), stacked;
//! and structural mutations of their JSON (a value anywhere replaced by an interesting
//! one, a key removed or renamed, a list element duplicated).
//!
//!     cargo run --profile fuzz --example fuzz_import -- [cases] [seed]
//!
//! `cases` defaults to 1,000,000 (or `FUZZ_CASES`), `seed` to 1 (or `FUZZ_SEED`). Each
//! input that panics is written to `target/fuzz/` (the first hundred) and the run ends
//! with status 1; `-- --replay <file>` runs one such input again. The
//! `fuzz` profile keeps overflow checks and debug assertions on, so an arithmetic
//! overflow is a failure here too.

use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::import;
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::workshop::{self, Participant};
use roadmap_readiness::core::{content, csv, format, plan, retired, scoring};
use roadmap_readiness::display::display_date;
use roadmap_readiness::i18n::{
    csv_labels, describe_format_error, describe_import_error, describe_notices,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// splitmix64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Bytes and tokens that matter to a JSON reader and to this format.
const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "4",
    "4.0",
    "4.5",
    "5",
    "-1",
    "1e309",
    "-1e309",
    "9007199254740991",
    "9007199254740992",
    "18446744073709551616",
    "0.0000001",
    "[]",
    "{}",
    "\"\"",
    ",",
    ":",
    "\"level\"",
    "\"response\"",
    "\"note\"",
    "\"question\"",
    "\"answers\"",
    "\"plan\"",
    "\"tracking\"",
    "\"custom\"",
    "\"consensus\"",
    "\"spread\"",
    "\"median\"",
    "\"participants\"",
    "\"labels\"",
    "\"agreed\"",
    "\"rationale\"",
    "\"format\"",
    "\"format_version\"",
    "\"perspective\"",
    "\"mode\"",
    "\"instrument\"",
    "\"revision\"",
    "\"step\"",
    "\"status\"",
    "\"not_applicable\"",
    "\"dont_know\"",
    "\"none\"",
    "\"city\"",
    "\"cso\"",
    "\"quick\"",
    "\"full\"",
    "\"rr-city\"",
    "\"rr-cso\"",
    "\"done\"",
    "\"not_started\"",
    "\"roadmap-readiness.assessment\"",
    "\"roadmap-readiness.workshop\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\udfff\"",
    "\"\\ud83d\\ude00\"",
    "\\",
    "\\u",
    "\"\\",
    "\u{FEFF}",
    "\u{202E}",
    "\u{200B}",
    "<script>",
    "\u{1F600}",
];

/// Invalid or tricky UTF-8 sequences.
const BAD_UTF8: &[&[u8]] = &[
    b"\xC0\x80",
    b"\xED\xA0\x80",
    b"\xF4\x90\x80\x80",
    b"\xFF",
    b"\xE2\x82",
    b"\xEF\xBB\xBF",
];

const INTERESTING_BYTES: &[u8] = b"\0\x7F\xFF\"\\{}[],:0123456789-+.eE \n\tnu";

/// A full assessment of one questionnaire: every question answered, with notes.
fn full(perspective: Perspective, seed: usize) -> Assessment {
    let instrument = content::instrument(perspective);
    let mut a = Assessment::create(
        format!("fuzz-{seed}"),
        NewAssessment {
            perspective,
            mode: Mode::Full,
            name: format!("Fuzz {seed}"),
            respondent: format!("Participant {seed}"),
        },
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        "2026-01-01T00:00:00.000Z",
    );
    for (i, q) in instrument.questions.iter().enumerate() {
        let response = match (i + seed) % 7 {
            5 => Response::NotApplicable,
            6 => Response::DontKnow,
            n => Response::Level(Level::new((n % 5) as u8).unwrap()),
        };
        a.set_response(&q.id, Some(response), "2026-01-01T00:00:00.000Z");
        if i % 3 == 0 {
            a.set_note(
                &q.id,
                "Minutes of the March meeting",
                "2026-01-01T00:00:00.000Z",
            );
        }
    }
    a
}

/// The real files: every frozen fixture, a full export of each questionnaire, and a
/// workshop file of three full participants.
fn corpus() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/import"] {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e} (run from the repository root)"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        files.extend(names.iter().map(|p| std::fs::read(p).unwrap()));
    }
    for perspective in Perspective::ALL {
        files.push(format::to_json(&full(perspective, 0), "t").into_bytes());
    }
    let mut w = workshop::Workshop::new("Fuzz workshop", Perspective::City);
    for seed in 1..=3 {
        w.add(Participant::of(full(Perspective::City, seed)));
    }
    w.agreed = w.agreed_with_suggestions(content::instrument(Perspective::City));
    files.push(format::workshop_to_json(&w, "t").into_bytes());
    files
}

fn mutate_bytes(rng: &mut Rng, mut bytes: Vec<u8>, corpus: &[Vec<u8>]) -> Vec<u8> {
    // Mostly one or two changes (a file that still nearly reads goes deep), at times many.
    let changes = if rng.chance(3) {
        1 + rng.below(8)
    } else {
        1 + rng.below(2)
    };
    for _ in 0..changes {
        let len = bytes.len();
        if len == 0 {
            bytes.extend_from_slice(rng.pick(TOKENS).as_bytes());
            continue;
        }
        let at = rng.below(len);
        match rng.below(11) {
            0 => bytes[at] ^= 1 << rng.below(8),
            // Half the new bytes ASCII, so that not every change ends in a UTF-8 refusal.
            1 => bytes[at] = rng.next() as u8 & if rng.chance(2) { 0x7F } else { 0xFF },
            2 => bytes[at] = *rng.pick(INTERESTING_BYTES),
            3 => bytes.insert(
                at,
                rng.next() as u8 & if rng.chance(2) { 0x7F } else { 0xFF },
            ),
            4 => {
                let end = (at + 1 + rng.below(64)).min(len);
                bytes.drain(at..end);
            }
            5 => {
                let end = (at + 1 + rng.below(256)).min(len);
                let chunk = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, chunk);
            }
            6 | 7 => {
                let token = rng.pick(TOKENS).as_bytes();
                if rng.chance(2) {
                    bytes.splice(at..at, token.iter().copied());
                } else {
                    let end = (at + token.len()).min(len);
                    bytes.splice(at..end, token.iter().copied());
                }
            }
            8 => {
                let seq = *rng.pick(BAD_UTF8);
                bytes.splice(at..at, seq.iter().copied());
            }
            9 => {
                let other = rng.pick(corpus);
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let end = (from + 1 + rng.below(512)).min(other.len());
                    bytes.splice(at..at, other[from..end].iter().copied());
                }
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

fn interesting_value(rng: &mut Rng, doc: &Value) -> Value {
    match rng.below(16) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => Value::from(rng.below(12) as i64 - 3),
        3 => Value::from(rng.next() as i64),
        4 => Value::from(u64::MAX),
        5 => serde_json::json!(4.5),
        6 => serde_json::json!(4.0),
        7 => serde_json::json!(1e308),
        8 => Value::from(""),
        9 => Value::from("x".repeat(10_000 + rng.below(3))),
        10 => Value::from("<img src=x onerror=alert(1)>\u{202E}\u{200B}"),
        11 => Value::from(*rng.pick(&[
            "level", "none", "city", "cso", "full", "quick", "done", "rr-city", "rr-cso", "1.1.0",
        ])),
        12 => Value::Array(vec![]),
        13 => Value::Object(Default::default()),
        // A subtree from elsewhere in the same file.
        _ => random_node(rng, doc).clone(),
    }
}

fn random_node<'a>(rng: &mut Rng, mut node: &'a Value) -> &'a Value {
    for _ in 0..rng.below(7) {
        node = match node {
            Value::Object(map) if !map.is_empty() => {
                map.values().nth(rng.below(map.len())).unwrap()
            }
            Value::Array(items) if !items.is_empty() => &items[rng.below(items.len())],
            _ => break,
        };
    }
    node
}

/// One structural change somewhere in the tree.
fn mutate_value(rng: &mut Rng, doc: &mut Value) {
    let replacement = interesting_value(rng, doc);
    let mut node = doc;
    for _ in 0..rng.below(7) {
        let can_descend = match &*node {
            Value::Object(map) => !map.is_empty(),
            Value::Array(items) => !items.is_empty(),
            _ => false,
        };
        if !can_descend || rng.chance(5) {
            break;
        }
        node = match node {
            Value::Object(map) => {
                let n = rng.below(map.len());
                map.values_mut().nth(n).unwrap()
            }
            Value::Array(items) => {
                let n = rng.below(items.len());
                &mut items[n]
            }
            _ => unreachable!(),
        };
    }
    match node {
        Value::Object(map) if !map.is_empty() && rng.chance(3) => {
            let key = map.keys().nth(rng.below(map.len())).unwrap().clone();
            let value = map.remove(&key).unwrap();
            if rng.chance(2) {
                map.insert(
                    format!("{key}{}", rng.pick(&["", "_", "x", "\u{0}"])),
                    value,
                );
            }
        }
        Value::Array(items) if !items.is_empty() && rng.chance(3) => {
            let copy = items[rng.below(items.len())].clone();
            items.insert(rng.below(items.len() + 1), copy);
        }
        other => *other = replacement,
    }
}

fn token_soup(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(200) {
        out.extend_from_slice(rng.pick(TOKENS).as_bytes());
        if rng.chance(3) {
            out.push(*rng.pick(b"{}[],: "));
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Kind {
    Special,
    Arbitrary,
    Soup,
    Bytes,
    Structure,
}

const KINDS: [&str; 5] = [
    "special inputs (empty, deep nesting)",
    "arbitrary bytes",
    "JSON token soup",
    "byte mutations of real files",
    "structural mutations of real files",
];

fn input(rng: &mut Rng, corpus: &[Vec<u8>], parsed: &[Value]) -> (Kind, Vec<u8>) {
    match rng.below(20) {
        0..=2 => {
            let most = if rng.chance(8) { 16_384 } else { 1024 };
            let len = rng.below(most);
            (
                Kind::Arbitrary,
                (0..len).map(|_| rng.next() as u8).collect(),
            )
        }
        3 => (Kind::Soup, token_soup(rng)),
        4..=12 => {
            let base = rng.pick(corpus).clone();
            (Kind::Bytes, mutate_bytes(rng, base, corpus))
        }
        _ => {
            let mut doc = rng.pick(parsed).clone();
            let changes = if rng.chance(2) { 1 } else { 1 + rng.below(4) };
            for _ in 0..changes {
                mutate_value(rng, &mut doc);
            }
            let text = if rng.chance(2) {
                serde_json::to_vec(&doc).unwrap()
            } else {
                serde_json::to_vec_pretty(&doc).unwrap()
            };
            (Kind::Structure, text)
        }
    }
}

#[derive(Default)]
struct Tally {
    assessments: u64,
    workshops: u64,
    refusals: BTreeMap<String, u64>,
}

/// Everything a dropped file reaches. Panics on a broken invariant.
fn exercise(bytes: &[u8], tally: &mut Tally) {
    match import::check(bytes) {
        Ok(checked) => {
            tally.assessments += 1;
            let a = &checked.assessment;
            let text = format::to_json(a, "2026-01-01T00:00:00.000Z");
            assert_eq!(&format::parse(&text).expect("an export reads back"), a);
            let compact = format::to_json_compact(a, "2026-01-01T00:00:00.000Z");
            assert_eq!(
                &format::parse(&compact).expect("a storage entry reads back"),
                a
            );
            let instrument = content::instrument(a.perspective);
            let profile = scoring::profile(instrument, a);
            std::hint::black_box((profile.strengths(3), profile.gaps(3), profile.band()));
            std::hint::black_box(plan::rank(instrument, content::roadmap(), a));
            std::hint::black_box(csv::assessment_csv(a, instrument, &csv_labels()));
            std::hint::black_box(retired::earlier_answers(instrument, a));
            std::hint::black_box((describe_notices(&checked), display_date(&a.updated_at)));
            std::hint::black_box(format::file_name(a, &a.updated_at, "json"));
        }
        Err(error) => {
            let words = describe_import_error(&error);
            assert!(!words.is_empty());
            // The variant's name, and the format error's within it: `Format(Syntax)`.
            let debug = format!("{error:?}");
            let mut names = debug.split(['(', ' ', '{', ')']).filter(|s| !s.is_empty());
            let kind = match (names.next(), names.next()) {
                (Some("Format"), Some(inner)) => format!("Format({inner})"),
                (Some(outer), _) => outer.to_owned(),
                _ => debug,
            };
            *tally.refusals.entry(kind).or_default() += 1;
        }
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match format::parse_workshop(text) {
        Ok(w) => {
            tally.workshops += 1;
            let again = format::parse_workshop(&format::workshop_to_json(&w, "t"))
                .expect("a workshop file reads back");
            assert_eq!(again, w);
            let instrument = content::instrument(w.perspective);
            let stats = workshop::question_stats(instrument, &w.participants);
            std::hint::black_box(workshop::by_disagreement(stats));
            std::hint::black_box(workshop::step_stats(instrument, &w.participants));
            let consensus = workshop::consensus_assessment(
                &w,
                instrument,
                "consensus".into(),
                w.name.clone(),
                String::new(),
                "2026-01-01T00:00:00.000Z",
            );
            let saved = format::to_json(&consensus, "t");
            assert_eq!(
                format::parse(&saved).expect("a consensus reads back"),
                consensus
            );
            let mut merged = workshop::Workshop::new(&w.name, w.perspective);
            for p in &w.participants {
                merged.add(Participant::of(p.assessment.clone()));
            }
        }
        Err(error) => assert!(!describe_format_error(&error).is_empty()),
    }
}

fn arg(position: usize, var: &str, default: u64) -> u64 {
    std::env::args()
        .nth(position)
        .or_else(|| std::env::var(var).ok())
        .map(|v| v.replace(['_', ','], "").parse().expect("a whole number"))
        .unwrap_or(default)
}

fn main() {
    // `fuzz_import --replay FILE`: one saved input again, with its panic in full.
    if let (Some("--replay"), Some(path)) =
        (std::env::args().nth(1).as_deref(), std::env::args().nth(2))
    {
        exercise(
            &std::fs::read(&path).expect("the saved input"),
            &mut Tally::default(),
        );
        println!("{path}: no panic");
        return;
    }
    let cases = arg(1, "FUZZ_CASES", 1_000_000);
    let seed = arg(2, "FUZZ_SEED", 1);
    let corpus = corpus();
    let parsed: Vec<Value> = corpus
        .iter()
        .filter_map(|bytes| serde_json::from_slice(bytes).ok())
        .collect();
    println!(
        "fuzzing the import: {cases} inputs from seed {seed}, {} real files ({} of them JSON)",
        corpus.len(),
        parsed.len()
    );
    // Special inputs first: nesting deeper than any reader's stack, and the empty file.
    let mut special: Vec<Vec<u8>> = vec![Vec::new(), b"\xEF\xBB\xBF".to_vec()];
    for depth in [200, 100_000] {
        special.push([b"[".repeat(depth), b"]".repeat(depth)].concat());
        special.push(b"{\"a\":".repeat(depth));
        let mut nested =
            b"{\"format\":\"roadmap-readiness.assessment\",\"format_version\":4,\"assessment\":"
                .to_vec();
        nested.extend(b"[".repeat(depth));
        special.push(nested);
    }

    // The first few panics are printed in full; every one is written to a file.
    static REPORTED: AtomicU64 = AtomicU64::new(0);
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if REPORTED.fetch_add(1, Ordering::Relaxed) < 3 {
            default_hook(info);
        }
    }));

    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let mut by_kind = [0u64; 5];
    let mut panics = 0u64;
    let crash_dir = std::path::Path::new("target/fuzz");
    let start = Instant::now();
    for n in 0..cases {
        let (kind, bytes) = match special.get(n as usize) {
            Some(bytes) => (Kind::Special, bytes.clone()),
            None => input(&mut rng, &corpus, &parsed),
        };
        by_kind[kind as usize] += 1;
        if panic::catch_unwind(AssertUnwindSafe(|| exercise(&bytes, &mut tally))).is_err() {
            panics += 1;
            if panics <= 100 {
                std::fs::create_dir_all(crash_dir).unwrap();
                let path = crash_dir.join(format!("crash-seed{seed}-input{n}.bin"));
                std::fs::write(&path, &bytes).unwrap();
                eprintln!("input {n} panicked; written to {}", path.display());
            }
        }
        if (n + 1) % 100_000 == 0 {
            let secs = start.elapsed().as_secs_f64();
            println!(
                "  {:>9} inputs, {:>6.1} s, {:>7.0} inputs/s",
                n + 1,
                secs,
                (n + 1) as f64 / secs
            );
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{cases} inputs in {secs:.1} s ({:.0} per second), {panics} panicked",
        cases as f64 / secs
    );
    for (name, count) in KINDS.iter().zip(by_kind) {
        println!("  {count:>9}  {name}");
    }
    println!(
        "read as an assessment: {}; as a workshop file: {}",
        tally.assessments, tally.workshops
    );
    println!("refused as an assessment, by reason:");
    for (reason, count) in &tally.refusals {
        println!("  {count:>9}  {reason}");
    }
    if panics > 0 {
        std::process::exit(1);
    }
}
