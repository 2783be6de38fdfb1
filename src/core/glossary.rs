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

/// The words of a lower-case text: its runs of letters and digits.
fn words(text: &str) -> std::collections::HashSet<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `occurs`, told quickly where it cannot hold: a whole-word occurrence of a needle that
/// starts with a letter or digit begins with its first word, whole, so that word is one
/// of the text's. A question card checks every form of every term against each of its
/// texts; building a substring searcher for each took a tenth of the time to the first
/// question, and almost all of them find nothing.
fn occurs_in(text: &str, text_words: &std::collections::HashSet<&str>, needle: &str) -> bool {
    let first = needle
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !first.is_empty() && !text_words.contains(first) {
        return false;
    }
    occurs(text, needle)
}

impl Glossary {
    /// The terms any of `texts` uses, in glossary order. Where one term is part of a
    /// longer one that also matches ("safeguarding" in "safeguarding lead"), only the
    /// longer one is listed unless the shorter one also occurs on its own.
    pub fn used_in<'a>(&'a self, texts: &[&str]) -> Vec<&'a Term> {
        let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
        let lowered_words: Vec<_> = lowered.iter().map(|text| words(text)).collect();
        let found: Vec<&Term> = self
            .terms
            .iter()
            .filter(|term| {
                std::iter::once(&term.term).chain(&term.forms).any(|form| {
                    lowered
                        .iter()
                        .zip(&lowered_words)
                        .any(|(text, text_words)| occurs_in(text, text_words, form))
                })
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The quick refusal never changes the answer.
        #[test]
        fn the_quick_check_agrees_with_the_search(
            text in "[a-cé -]{0,40}",
            needle in "[a-cé -]{1,8}",
        ) {
            prop_assert_eq!(occurs_in(&text, &words(&text), &needle), occurs(&text, &needle));
        }
    }
}
