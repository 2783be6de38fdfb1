//! On a shared computer: at the top of every page, while this tab holds an assessment
//! kept only here (`core::library::session`), that nothing of it is written to this
//! browser's storage, that closing the tab deletes it, and "Export before you close".
//! Leaving the page with one not exported since its last change warns first (`App`).

use crate::core::route::Route;
use crate::downloads;
use crate::i18n::{colon, t};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn InTabBanner() -> impl IntoView {
    let library = expect_context::<Library>();
    let items = Memo::new(move |_| library.in_tab());
    let export_all = move |_| {
        for (assessment, _) in items.get_untracked() {
            downloads::assessment_json(&assessment);
            library.exported(&assessment);
        }
    };
    move || {
        let items = items.get();
        (!items.is_empty()).then(|| {
            view! {
                <section class="in-tab-banner" aria-label=t("session.banner_label") data-testid="shared-computer">
                    <p><strong>{t("session.banner_heading")}</strong>" "{t("session.banner_body")}</p>
                    <ul>
                        {items.into_iter().map(|(a, exported)| {
                            let href = Route::Results { assessment: a.id.clone() }.href();
                            let state = if exported { t("session.exported") } else { t("session.not_exported") };
                            view! { <li><a href=href>{a.name.clone()}</a>{colon()}{state}</li> }
                        }).collect_view()}
                    </ul>
                    <p class="actions">
                        <button type="button" class="button primary" on:click=export_all>{t("session.export")}</button>
                    </p>
                    <p class="hint">{t("session.export_hint")}" "<a href=Route::Privacy.href()>{t("session.privacy_link")}</a></p>
                </section>
            }
        })
    }
}
