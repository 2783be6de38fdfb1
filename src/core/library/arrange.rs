//! How the library is listed: sorted and filtered, each assessment with its progress.

use crate::core::assessment::Assessment;
use crate::core::instrument::{Mode, Perspective};
use crate::core::{content, scoring};

/// How the library is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Most recently changed first.
    #[default]
    LastChange,
    /// Alphabetical, ignoring case.
    Name,
    /// Most answered (as a share of the questions in scope) first.
    Progress,
    /// Most recently created first.
    Created,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [
        SortBy::LastChange,
        SortBy::Name,
        SortBy::Progress,
        SortBy::Created,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::LastChange => "last_change",
            SortBy::Name => "name",
            SortBy::Progress => "progress",
            SortBy::Created => "created",
        }
    }

    pub fn parse(text: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or_default()
    }
}

/// Which assessments the library shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Matched against name and respondent, ignoring case; empty matches all.
    pub text: String,
    pub perspective: Option<Perspective>,
    pub mode: Option<Mode>,
}

impl Filter {
    pub fn matches(&self, a: &Assessment) -> bool {
        let needle = self.text.trim().to_lowercase();
        (needle.is_empty()
            || a.name.to_lowercase().contains(&needle)
            || a.respondent.to_lowercase().contains(&needle))
            && self.perspective.is_none_or(|p| p == a.perspective)
            && self.mode.is_none_or(|m| m == a.mode)
    }

    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }
}

/// An assessment with its progress (answered of total in scope), as the library lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub assessment: Assessment,
    pub answered: usize,
    pub total: usize,
}

impl Item {
    pub fn new(assessment: Assessment) -> Item {
        let profile = scoring::profile(content::instrument(assessment.perspective), &assessment);
        Item {
            answered: profile.answered,
            total: profile.total,
            assessment,
        }
    }

    fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.answered as f64 / self.total as f64
        }
    }
}

/// Filters and sorts; ties fall back to the name, then the id, so the order is stable.
pub fn arrange(items: &[Item], sort: SortBy, filter: &Filter) -> Vec<Item> {
    let mut out: Vec<Item> = items
        .iter()
        .filter(|i| filter.matches(&i.assessment))
        .cloned()
        .collect();
    let by_name = |a: &Item, b: &Item| {
        a.assessment
            .name
            .to_lowercase()
            .cmp(&b.assessment.name.to_lowercase())
            .then_with(|| a.assessment.id.cmp(&b.assessment.id))
    };
    out.sort_by(|a, b| match sort {
        SortBy::LastChange => b
            .assessment
            .updated_at
            .cmp(&a.assessment.updated_at)
            .then_with(|| by_name(a, b)),
        SortBy::Created => b
            .assessment
            .created_at
            .cmp(&a.assessment.created_at)
            .then_with(|| by_name(a, b)),
        SortBy::Name => by_name(a, b),
        SortBy::Progress => b.share().total_cmp(&a.share()).then_with(|| by_name(a, b)),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::test_support;

    fn saved(id: &str, updated: &str) -> Assessment {
        let mut a = test_support::assessment(
            id,
            Perspective::City,
            Mode::Full,
            ("rr-city", "1.0.0"),
            "2026-01-01",
        );
        a.touch(updated);
        a
    }

    fn item(id: &str, name: &str, updated: &str, answered: usize) -> Item {
        let mut a = saved(id, updated);
        a.name = name.into();
        Item {
            assessment: a,
            answered,
            total: 10,
        }
    }

    #[test]
    fn sorting_and_filtering() {
        let items = vec![
            item("1", "banana", "2026-01-03", 5),
            item("2", "Apple", "2026-01-01", 9),
            item("3", "cherry", "2026-01-02", 0),
        ];
        let names = |sort, filter: &Filter| -> Vec<String> {
            arrange(&items, sort, filter)
                .into_iter()
                .map(|i| i.assessment.name)
                .collect()
        };
        let all = Filter::default();
        assert_eq!(
            names(SortBy::LastChange, &all),
            ["banana", "cherry", "Apple"]
        );
        assert_eq!(names(SortBy::Name, &all), ["Apple", "banana", "cherry"]);
        assert_eq!(names(SortBy::Progress, &all), ["Apple", "banana", "cherry"]);
        let text = Filter {
            text: "AN".into(),
            ..Filter::default()
        };
        assert_eq!(names(SortBy::Name, &text), ["banana"]);
        let cso = Filter {
            perspective: Some(Perspective::Cso),
            ..Filter::default()
        };
        assert!(names(SortBy::Name, &cso).is_empty());
        assert_eq!(SortBy::parse("progress"), SortBy::Progress);
        assert_eq!(SortBy::parse("junk"), SortBy::LastChange);
    }
}
