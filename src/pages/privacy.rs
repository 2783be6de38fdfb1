//! Privacy (`#/privacy`): that nothing is sent anywhere, what is stored where (local
//! storage, a shared computer's session storage, the offline cache), what each kind of
//! export holds, how to delete everything, and how to check all of it in the browser's
//! developer tools. Linked from every page's footer and from the export choices. The
//! storage keys shown are the app's own constants, so the page cannot drift from them.

use crate::core::library::{
    BIN_PREFIX, EXPORTED_PREFIX, KEY_PREFIX, LANGUAGE_KEY, SNAPSHOT_BIN_PREFIX, SNAPSHOT_PREFIX,
    WORKSHOP_KEY,
};
use crate::core::protected;
use crate::i18n::{t, tf};
use crate::platform::CACHE_PREFIX;
use leptos::prelude::*;

/// One part of the page: a heading, then paragraphs, lists of storage keys (each key
/// with what it holds) or terms with their meaning. The page is data rendered by one
/// view, so its many paragraphs cost the wasm little.
enum Part {
    Para(String),
    Sub(String),
    Keys(Vec<(String, String)>),
    Terms(Vec<(String, String)>),
    Steps(Vec<String>),
    Link(String, &'static str, String),
}

fn section(id: &'static str, heading: String, parts: Vec<Part>) -> AnyView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {parts.into_iter().map(|part| match part {
                Part::Para(text) => view! { <p>{text}</p> }.into_any(),
                Part::Sub(text) => view! { <h3>{text}</h3> }.into_any(),
                Part::Keys(keys) => view! {
                    <ul>{keys.into_iter().map(|(key, what)| view! { <li><code>{key}</code>" "{what}</li> }).collect_view()}</ul>
                }.into_any(),
                Part::Terms(terms) => view! {
                    <dl class="privacy-exports">{terms.into_iter().map(|(term, body)| view! { <dt>{term}</dt><dd>{body}</dd> }).collect_view()}</dl>
                }.into_any(),
                Part::Steps(steps) => view! {
                    <ol>{steps.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ol>
                }.into_any(),
                Part::Link(before, href, text) => view! { <p>{before}" "<a href=href>{text}</a></p> }.into_any(),
            }).collect_view()}
        </section>
    }
    .into_any()
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    use Part::*;
    let sections = vec![
        section(
            "privacy-sent",
            t("privacy.sent_heading"),
            vec![Para(t("privacy.sent_body"))],
        ),
        section(
            "privacy-stored",
            t("privacy.stored_heading"),
            vec![
                Para(t("privacy.stored_intro")),
                Sub(t("privacy.local_heading")),
                Para(t("privacy.local_body")),
                Keys(vec![
                    (format!("{KEY_PREFIX}…"), t("privacy.key_assessment")),
                    (format!("{BIN_PREFIX}…"), t("privacy.key_bin")),
                    (format!("{SNAPSHOT_PREFIX}…"), t("privacy.key_snapshot")),
                    (
                        format!("{SNAPSHOT_BIN_PREFIX}…"),
                        t("privacy.key_snapshot_bin"),
                    ),
                    (WORKSHOP_KEY.to_owned(), t("privacy.key_workshop")),
                    (LANGUAGE_KEY.to_owned(), t("privacy.key_language")),
                ]),
                Sub(t("privacy.session_heading")),
                Para(t("privacy.session_body")),
                Keys(vec![
                    (
                        format!("{KEY_PREFIX}…"),
                        t("privacy.key_session_assessment"),
                    ),
                    (format!("{EXPORTED_PREFIX}…"), t("privacy.key_exported")),
                ]),
                Sub(t("privacy.cache_heading")),
                Para(tf("privacy.cache_body", &[("prefix", &CACHE_PREFIX)])),
            ],
        ),
        section(
            "privacy-exports",
            t("privacy.exports_heading"),
            vec![
                Para(t("privacy.exports_intro")),
                Terms(vec![
                    (t("privacy.export_json"), t("privacy.export_json_body")),
                    (t("privacy.export_csv"), t("privacy.export_csv_body")),
                    (t("privacy.export_report"), t("privacy.export_report_body")),
                    (t("privacy.export_shared"), t("privacy.export_shared_body")),
                    (
                        t("privacy.export_protected"),
                        tf(
                            "privacy.export_protected_body",
                            &[
                                ("min", &protected::MIN_PASSPHRASE_CHARS),
                                (
                                    "iterations",
                                    &crate::i18n::grouped(protected::ITERATIONS as usize),
                                ),
                            ],
                        ),
                    ),
                    (
                        t("privacy.export_workshop"),
                        t("privacy.export_workshop_body"),
                    ),
                ]),
                Para(t("privacy.downloads_note")),
            ],
        ),
        section(
            "privacy-delete",
            t("privacy.delete_heading"),
            vec![
                Link(t("privacy.delete_body"), "#/", t("privacy.delete_link")),
                Para(t("privacy.delete_browser")),
            ],
        ),
        section(
            "privacy-check",
            t("privacy.check_heading"),
            vec![
                Para(t("privacy.check_intro")),
                Steps(vec![
                    t("privacy.check_open"),
                    t("privacy.check_network"),
                    t("privacy.check_storage"),
                    t("privacy.check_csp"),
                ]),
            ],
        ),
    ];
    view! {
        <h1 tabindex="-1">{t("privacy.title")}</h1>
        <p class="lead">{t("privacy.intro")}</p>
        {sections}
    }
}
