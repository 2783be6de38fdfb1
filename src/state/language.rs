//! The language the app speaks, at the browser edge. A visit starts in the language the
//! person chose here before, else the first of the browser's languages the app speaks
//! (`core::locale::Language::for_visit`); the switch on every page changes it. A
//! language other than English needs its pack (`i18n::pack`), fetched once from the
//! site (and, offline, from the service worker's cache); English is always there.
//!
//! A change re-renders the views (`App` tracks `current`), while what the app holds
//! (the library, the editors with any typed text, the workshop) lives above them and
//! is untouched: answers are keyed by question id, never by text.

use crate::core::library::LANGUAGE_KEY;
use crate::core::store::Store;
use crate::i18n::pack::{Pack, FILES};
use crate::i18n::{self, tf, Language};
use crate::platform;
use crate::storage::LocalStore;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Packs already read on this page, so that switching back costs nothing.
    static LOADED: RefCell<HashMap<Language, &'static Pack>> = RefCell::new(HashMap::new());
}

/// The pack of `language`: English at once, another read once from `lang/<tag>/`.
pub async fn load(language: Language) -> Result<&'static Pack, String> {
    if language == Language::En {
        return Ok(Pack::english());
    }
    if let Some(pack) = LOADED.with(|l| l.borrow().get(&language).copied()) {
        return Ok(pack);
    }
    // The three files at once: on a slow connection, one round trip instead of three.
    let url = |file: &str| format!("lang/{}/{file}", language.tag());
    let (common, city, cso) = futures::future::try_join3(
        platform::fetch_text(&url(FILES[0])),
        platform::fetch_text(&url(FILES[1])),
        platform::fetch_text(&url(FILES[2])),
    )
    .await?;
    let pack = Pack::parse(language, &common, &city, &cso).map_err(|e| e.to_string())?;
    let pack: &'static Pack = Box::leak(Box::new(pack));
    LOADED.with(|l| l.borrow_mut().insert(language, pack));
    Ok(pack)
}

/// Speaks `pack`'s language from now on: the catalogue, the content and `<html lang>`.
fn speak(pack: &'static Pack) {
    i18n::use_pack(pack);
    platform::set_document_language(pack.language.tag());
}

/// Before the app is first drawn: the visit's language, its pack loaded. When that pack
/// cannot be had, the page speaks English and says why (`LanguageState::failure`).
pub async fn start() -> Option<String> {
    let chosen = LocalStore.get(LANGUAGE_KEY).ok().flatten();
    let preferred = platform::preferred_languages();
    let language = Language::for_visit(chosen.as_deref(), preferred.iter().map(String::as_str));
    match load(language).await {
        Ok(pack) => {
            speak(pack);
            None
        }
        Err(detail) => {
            speak(Pack::english());
            Some(failed(language, &detail))
        }
    }
}

fn failed(language: Language, detail: &str) -> String {
    tf(
        "language.failed",
        &[("language", &language.endonym()), ("detail", &detail)],
    )
}

/// The language on screen, provided once by the app.
#[derive(Clone, Copy)]
pub struct LanguageState {
    /// The language the views speak; they are drawn again when it changes.
    pub current: RwSignal<Language>,
    /// A language whose pack is loading, for the switch to say so.
    pub loading: RwSignal<Option<Language>>,
    /// What a screen reader hears after a change ("Langue : français").
    pub announced: RwSignal<String>,
    /// Why a language could not be had, shown until the next change.
    pub failure: RwSignal<Option<String>>,
}

impl LanguageState {
    /// The state of a page that `start` has prepared; `failure` is what it said.
    pub fn for_app(failure: Option<String>) -> LanguageState {
        LanguageState {
            current: RwSignal::new(i18n::language()),
            loading: RwSignal::new(None),
            announced: RwSignal::new(String::new()),
            failure: RwSignal::new(failure),
        }
    }

    /// The person chose `language` with the switch: load it, remember it, draw the
    /// views in it, keep focus on the switch and announce the change. A pack that
    /// cannot be had leaves everything as it was, and says why.
    pub fn choose(self, language: Language) {
        if language == self.current.get_untracked() || self.loading.get_untracked().is_some() {
            return;
        }
        self.loading.set(Some(language));
        leptos::task::spawn_local(async move {
            let result = load(language).await;
            self.loading.set(None);
            match result {
                Ok(pack) => {
                    speak(pack);
                    // A setting, not data: if storage is full or off, the choice holds
                    // for this visit only, which the person sees at the next visit.
                    let _ = LocalStore.set(LANGUAGE_KEY, language.tag());
                    self.failure.set(None);
                    self.current.set(language);
                    self.announced.set(i18n::t("language.changed"));
                    platform::focus_after_paint(".language-switch [aria-pressed=\"true\"]");
                }
                Err(detail) => self.failure.set(Some(failed(language, &detail))),
            }
        });
    }
}
