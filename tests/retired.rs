//! A frozen assessment answered against questionnaire 1.0.0 (`tests/fixtures/
//! city-1.0.0.json`, every question of that version answered) opened by this version:
//! every old answer is kept, none counts, each is reported and hinted at its successor,
//! and an export carries them all.

use roadmap_readiness::core::content::instrument;
use roadmap_readiness::core::format;
use roadmap_readiness::core::import;
use roadmap_readiness::core::instrument::Perspective;
use roadmap_readiness::core::retired::{earlier_answers, hints_for};
use roadmap_readiness::core::scoring;
use roadmap_readiness::i18n::describe_notices;

fn frozen() -> Vec<u8> {
    std::fs::read("tests/fixtures/city-1.0.0.json").unwrap()
}

#[test]
fn every_answer_of_1_0_0_is_kept_reported_and_hinted_never_scored() {
    let checked = import::check(&frozen()).unwrap();
    let city = instrument(Perspective::City);
    let a = &checked.assessment;
    assert_eq!(a.answers.len(), 54, "every 1.0.0 question was answered");
    // The only 1.0.0 id this version still asks is kept as a live answer.
    let live: Vec<_> = a
        .answers
        .keys()
        .filter(|id| city.question(id).is_some())
        .collect();
    assert_eq!(live, ["city-10-published-evaluations"]);
    assert!(
        checked.unknown_questions.is_empty(),
        "every other id is retired, none unknown"
    );
    assert_eq!(checked.retired_questions.len(), 53);
    assert_eq!(
        describe_notices(&checked),
        [
            "The answers were given to questionnaire version 1.0.0; this app has version 1.1.0. They are kept as they were.",
            "53 answers belong to questions that this version of the questionnaire has retired. They are kept in the assessment and its exports, and each is shown as a hint beside the question that replaces it.",
        ]
    );

    let earlier = earlier_answers(city, a);
    assert_eq!(earlier.len(), 53);
    // Every retired answer with a successor shows beside it; the successor has no answer.
    for e in &earlier {
        let successor = e
            .retired
            .replaced_by
            .as_deref()
            .expect("city retires with a successor");
        assert!(city.question(successor).is_some(), "{successor}");
        assert!(hints_for(city, a, successor)
            .iter()
            .any(|h| h.retired.id == e.retired.id));
        assert_eq!(a.response(successor), None, "a hint is never an answer");
    }
    // Only the one live answer can count.
    let profile = scoring::profile(city, a);
    assert!(profile.answered <= 1, "{}", profile.answered);

    // An export carries every old answer, and reads back the same.
    let again = format::parse(&format::to_json(a, "2026-11-29T00:00:00.000Z")).unwrap();
    assert_eq!(again.answers, a.answers);
}

#[test]
fn the_notice_counts_one_retired_answer_in_the_singular() {
    let mut a = import::check(&frozen()).unwrap().assessment;
    let keep = "city-1-district-reach";
    a.answers.retain(|id, _| id == keep);
    let checked = import::check(format::to_json(&a, "t").as_bytes()).unwrap();
    assert_eq!(checked.retired_questions, [keep]);
    assert!(describe_notices(&checked)[1].starts_with("One answer belongs to a question"));
}
