//! Plain explanations of the jargon in the instruments (`content/glossary.toml`), and
//! which of them a piece of text uses, so that a question can explain its own words.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Glossary {
    #[serde(rename = "term")]
    pub terms: Vec<Term>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Term {
    pub id: String,
    /// As it appears in text, lower case.
    pub term: String,
    /// Other forms that appear (plurals, other endings).
    #[serde(default)]
    pub forms: Vec<String>,
    pub explanation: String,
}

/// Whether `needle` occurs in `haystack` (both lower case) as whole words: not inside a
/// longer word ("lock" is not in "locker").
fn occurs(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

impl Glossary {
    /// The terms any of `texts` uses, in glossary order. Where one term is part of a
    /// longer one that also matches ("safeguarding" in "safeguarding lead"), only the
    /// longer one is listed unless the shorter one also occurs on its own.
    pub fn used_in<'a>(&'a self, texts: &[&str]) -> Vec<&'a Term> {
        let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
        let found: Vec<&Term> = self
            .terms
            .iter()
            .filter(|term| {
                std::iter::once(&term.term)
                    .chain(&term.forms)
                    .any(|form| lowered.iter().any(|text| occurs(text, form)))
            })
            .collect();
        found
            .iter()
            .copied()
            .filter(|short| {
                let longer: Vec<&&Term> = found
                    .iter()
                    .filter(|long| long.id != short.id && occurs(&long.term, &short.term))
                    .collect();
                if longer.is_empty() {
                    return true;
                }
                // Does the short term occur outside every longer term's occurrences?
                lowered.iter().any(|text| {
                    let mut masked = text.clone();
                    for long in &longer {
                        masked = masked.replace(long.term.as_str(), " ");
                    }
                    std::iter::once(&short.term)
                        .chain(&short.forms)
                        .any(|form| occurs(&masked, form))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, term: &str, forms: &[&str]) -> Term {
        Term {
            id: id.into(),
            term: term.into(),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            explanation: format!("{term} explained"),
        }
    }

    #[test]
    fn whole_words_any_form_and_the_longer_term_first() {
        let g = Glossary {
            terms: vec![
                term("asset-lock", "asset lock", &["asset locks"]),
                term("safeguarding", "safeguarding", &[]),
                term("safeguarding-lead", "safeguarding lead", &[]),
            ],
        };
        let ids = |texts: &[&str]| -> Vec<String> {
            g.used_in(texts).iter().map(|t| t.id.clone()).collect()
        };
        assert_eq!(ids(&["Our Asset Locks are written."]), ["asset-lock"]);
        assert!(ids(&["an asset locker"]).is_empty());
        assert_eq!(ids(&["Name a safeguarding lead."]), ["safeguarding-lead"]);
        assert_eq!(
            ids(&["Safeguarding training", "the safeguarding lead"]),
            ["safeguarding", "safeguarding-lead"]
        );
    }
}
