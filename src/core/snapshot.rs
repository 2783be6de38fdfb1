//! A snapshot: an assessment frozen as it was at one moment (a baseline, a follow-up),
//! so that a later state can be compared with it (`core::change`). A snapshot is the
//! very assessment record the file format has, with a `SnapshotMark`: the record's `id`
//! stays the assessment's (so it is of that assessment, and any reader that takes the
//! highest revision of an id still takes the live one), and the mark says which
//! snapshot it is, what the user called it and when it was taken. Stored with the
//! assessment record, so its own module, as `consensus` is.

use super::assessment::Assessment;

/// What marks an assessment record as a snapshot of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotMark {
    /// The snapshot's own id, unique among the snapshots of its assessment.
    pub id: String,
    /// What the user calls it ("Baseline", "Follow-up"); editable, limited as notes are.
    pub label: String,
    /// When it was taken (ISO 8601).
    pub taken_at: String,
}

/// The assessment as it is now, frozen under `snapshot_id` with `label` (trimmed),
/// taken at `now`. Everything else is kept as it is: answers, notes, the plan, the
/// revision and `updated_at` of the moment.
pub fn freeze(assessment: &Assessment, snapshot_id: String, label: &str, now: &str) -> Assessment {
    Assessment {
        snapshot: Some(SnapshotMark {
            id: snapshot_id,
            label: label.trim().to_owned(),
            taken_at: now.to_owned(),
        }),
        ..assessment.clone()
    }
}

/// The order a library lists snapshots in: by assessment id, then oldest first (when
/// they were taken, then snapshot id), which is the order the change view offers them.
pub fn order(a: &Assessment, b: &Assessment) -> std::cmp::Ordering {
    fn mark(s: &Assessment) -> Option<(&String, &String)> {
        s.snapshot.as_ref().map(|m| (&m.taken_at, &m.id))
    }
    a.id.cmp(&b.id).then_with(|| mark(a).cmp(&mark(b)))
}

/// Sorts snapshots in `order`. One sort for every list of them, so the download holds
/// one copy of the sorting code.
pub fn sort(snapshots: &mut [Assessment]) {
    snapshots.sort_unstable_by(order);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Response;
    use crate::core::instrument::{Level, Mode, Perspective};
    use crate::core::test_support;

    #[test]
    fn a_snapshot_is_the_assessment_as_it_is_with_its_mark() {
        let mut a =
            test_support::assessment("a", Perspective::City, Mode::Full, ("test", "1"), "t0");
        a.set_response("q", Some(Response::Level(Level::new(2).unwrap())), "t1");
        let s = freeze(&a, "s1".into(), "  Baseline ", "t2");
        let mark = s.snapshot.clone().unwrap();
        assert_eq!(
            (
                mark.id.as_str(),
                mark.label.as_str(),
                mark.taken_at.as_str()
            ),
            ("s1", "Baseline", "t2")
        );
        assert_eq!(
            Assessment {
                snapshot: None,
                ..s
            },
            a,
            "nothing else changes, not even the revision"
        );
    }

    #[test]
    fn snapshots_list_oldest_first() {
        let a = test_support::assessment("a", Perspective::City, Mode::Full, ("test", "1"), "t");
        let mut list = vec![
            freeze(&a, "b".into(), "Later", "2026-03-01"),
            freeze(&a, "z".into(), "First", "2026-01-01"),
            freeze(&a, "a".into(), "Same time", "2026-03-01"),
        ];
        sort(&mut list);
        let labels: Vec<_> = list
            .iter()
            .map(|s| s.snapshot.as_ref().unwrap().label.as_str())
            .collect();
        assert_eq!(labels, ["First", "Same time", "Later"]);
    }
}
