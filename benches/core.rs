//! Native timings of the core on real content: `cargo bench --bench core`.
//! Plain `Instant` loops (no harness crate): the numbers are indicative, for comparing
//! changes on one machine, and never asserted.

use roadmap_readiness::core::assessment::{Assessment, InstrumentRef, NewAssessment, Response};
use roadmap_readiness::core::content;
use roadmap_readiness::core::format;
use roadmap_readiness::core::instrument::{Level, Mode, Perspective};
use roadmap_readiness::core::workshop::{self, Participant, Workshop};
use roadmap_readiness::core::{plan, scoring};
use std::hint::black_box;
use std::time::Instant;

fn full_assessment(perspective: Perspective, seed: usize) -> Assessment {
    let instrument = content::instrument(perspective);
    let mut a = Assessment::create(
        format!("bench-{seed}"),
        NewAssessment {
            perspective,
            mode: Mode::Full,
            name: format!("Bench {seed}"),
            respondent: String::new(),
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
        a.set_response(&q.id, Some(response), "t");
        a.set_note(
            &q.id,
            "A short note of evidence, as people write them.",
            "t",
        );
    }
    a
}

fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) {
    work(); // warm the caches and the content `OnceLock`s
    let start = Instant::now();
    for _ in 0..runs {
        black_box(work());
    }
    let each = start.elapsed() / runs;
    println!("{label:<52} {each:>12.2?} per run ({runs} runs)");
}

fn main() {
    let city = content::instrument(Perspective::City);
    let a = full_assessment(Perspective::City, 0);
    time("parse embedded content (both instruments, cold)", 1, || {
        serde_json::from_str::<serde_json::Value>(content::CITY_JSON).unwrap();
        serde_json::from_str::<serde_json::Value>(content::CSO_JSON).unwrap()
    });
    time("profile of a full city assessment", 10_000, || {
        scoring::profile(city, &a)
    });
    time(
        "ranked action plan of a full city assessment",
        10_000,
        || plan::rank(city, content::roadmap(), &a),
    );
    let text = format::to_json(&a, "2026-01-01T00:00:00.000Z");
    println!(
        "{:<52} {:>12} bytes",
        "size of a full city export",
        text.len()
    );
    time("write one full export", 2_000, || format::to_json(&a, "t"));
    time("read (parse + validate) one full export", 2_000, || {
        format::parse(&text).unwrap()
    });
    let files: Vec<String> = (0..200)
        .map(|seed| format::to_json(&full_assessment(Perspective::Cso, seed), "t"))
        .collect();
    time("read 200 full exports and profile each", 5, || {
        files
            .iter()
            .map(|f| {
                let a = format::parse(f).unwrap();
                scoring::profile(content::instrument(a.perspective), &a).overall
            })
            .collect::<Vec<_>>()
    });
    // The workshop: merge statistics over many participants' files (already read),
    // per file, to show that the cost grows linearly with the number of files.
    let cso = content::instrument(Perspective::Cso);
    for n in [10usize, 100, 1_000, 10_000] {
        let mut w = Workshop::new("bench", Perspective::Cso);
        for seed in 0..n {
            let mut a = full_assessment(Perspective::Cso, seed);
            a.id = format!("p{seed}");
            w.add(Participant {
                label: format!("P{seed}"),
                assessment: a,
            });
        }
        let runs = (20_000 / n).clamp(1, 200) as u32;
        let start = Instant::now();
        for _ in 0..runs {
            black_box(workshop::by_disagreement(workshop::question_stats(
                cso,
                &w.participants,
            )));
            black_box(workshop::step_stats(cso, &w.participants));
        }
        let each = start.elapsed() / runs;
        println!(
            "{:<52} {:>12.2?} per run, {:>9.2?} per file",
            format!("workshop statistics of {n} participants"),
            each,
            each / n as u32
        );
    }
}
