//! The app's views as URL fragments (`#/a/<id>/step/3`). A fragment never reaches the
//! server, so any static host serves every view from the one `index.html`, under any
//! sub-path, and a reload on a deep link stays where it was. leptos_router has no hash
//! mode, hence this small, natively tested parser.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    NewAssessment,
    Step {
        assessment: String,
        step: u8,
    },
    Results {
        assessment: String,
    },
    Plan {
        assessment: String,
    },
    Report {
        assessment: String,
    },
    /// The printable report for sharing: scores without notes or names.
    SharedReport {
        assessment: String,
    },
    /// A community organisation's one-page funder pack, for printing.
    FunderPack {
        assessment: String,
    },
    /// Change over time: two states of the assessment (its snapshots, or one of them and
    /// the assessment now) compared; `from` preselects a snapshot to compare with now.
    Change {
        assessment: String,
        from: Option<String>,
    },
    /// A facilitator's workshop: participants' files merged, disagreement, consensus.
    Workshop,
    /// A city's assessment beside a community organisation's, step by step.
    Compare,
    /// The ten steps, their sub-items and the questions that address each.
    Roadmap,
    /// How scores work, with a worked example.
    Scoring,
    /// What is stored where, what each export holds, how to delete it all and check.
    Privacy,
    NotFound,
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["new"] => Route::NewAssessment,
            ["a", id, "step", n] => match n.parse::<u8>() {
                Ok(step) if (1..=super::instrument::STEP_COUNT).contains(&step) => Route::Step {
                    assessment: decode(id),
                    step,
                },
                _ => Route::NotFound,
            },
            ["a", id, "results"] => Route::Results {
                assessment: decode(id),
            },
            ["a", id, "plan"] => Route::Plan {
                assessment: decode(id),
            },
            ["a", id, "report"] => Route::Report {
                assessment: decode(id),
            },
            ["a", id, "report", "shared"] => Route::SharedReport {
                assessment: decode(id),
            },
            ["a", id, "funder-pack"] => Route::FunderPack {
                assessment: decode(id),
            },
            ["a", id, "change"] => Route::Change {
                assessment: decode(id),
                from: None,
            },
            ["a", id, "change", from] => Route::Change {
                assessment: decode(id),
                from: Some(decode(from)),
            },
            ["workshop"] => Route::Workshop,
            ["compare"] => Route::Compare,
            ["roadmap"] => Route::Roadmap,
            ["scoring"] => Route::Scoring,
            ["privacy"] => Route::Privacy,
            _ => Route::NotFound,
        }
    }

    /// The `href` for a link to this view.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::NewAssessment => "#/new".into(),
            Route::Step { assessment, step } => format!("#/a/{}/step/{step}", encode(assessment)),
            Route::Results { assessment } => format!("#/a/{}/results", encode(assessment)),
            Route::Plan { assessment } => format!("#/a/{}/plan", encode(assessment)),
            Route::Report { assessment } => format!("#/a/{}/report", encode(assessment)),
            Route::SharedReport { assessment } => {
                format!("#/a/{}/report/shared", encode(assessment))
            }
            Route::FunderPack { assessment } => {
                format!("#/a/{}/funder-pack", encode(assessment))
            }
            Route::Change { assessment, from } => match from {
                None => format!("#/a/{}/change", encode(assessment)),
                Some(from) => format!("#/a/{}/change/{}", encode(assessment), encode(from)),
            },
            Route::Workshop => "#/workshop".into(),
            Route::Compare => "#/compare".into(),
            Route::Roadmap => "#/roadmap".into(),
            Route::Scoring => "#/scoring".into(),
            Route::Privacy => "#/privacy".into(),
        }
    }
}

/// Ids are generated as hex, but imported files may carry any id; keep the fragment safe.
fn encode(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_view() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/new"), Route::NewAssessment);
        assert_eq!(
            Route::parse("#/a/ab12/step/10"),
            Route::Step {
                assessment: "ab12".into(),
                step: 10
            }
        );
        assert_eq!(
            Route::parse("#/a/ab12/results"),
            Route::Results {
                assessment: "ab12".into()
            }
        );
        for route in [
            Route::Plan {
                assessment: "ab12".into(),
            },
            Route::Report {
                assessment: "ab12".into(),
            },
            Route::SharedReport {
                assessment: "ab12".into(),
            },
            Route::FunderPack {
                assessment: "ab12".into(),
            },
            Route::Change {
                assessment: "ab12".into(),
                from: None,
            },
            Route::Change {
                assessment: "ab 12/x".into(),
                from: Some("snap/1 ü".into()),
            },
            Route::Workshop,
            Route::Compare,
            Route::Roadmap,
            Route::Scoring,
            Route::Privacy,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn rejects_unknown_views_and_steps_out_of_range() {
        for hash in ["#/nope", "#/a/x/step/0", "#/a/x/step/11", "#/a/x/step/two"] {
            assert_eq!(Route::parse(hash), Route::NotFound, "{hash}");
        }
    }

    #[test]
    fn href_and_parse_round_trip_any_id() {
        for id in ["abc", "with space/slash%", "ünï"] {
            let route = Route::Step {
                assessment: id.into(),
                step: 3,
            };
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
