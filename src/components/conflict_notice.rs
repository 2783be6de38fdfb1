//! When another tab saved this assessment after this tab read it, and this tab has a
//! change of its own: says so, in place, and lets the user choose. Nothing is
//! overwritten until they do.

use crate::i18n::{t, tf};
use crate::state::Editor;
use leptos::prelude::*;

#[component]
pub fn ConflictNotice() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    // Focus moves to the notice when it appears, so keyboard and screen-reader users
    // meet the choice at once.
    Effect::new(move |_| {
        if editor.conflict.with(Option::is_some) {
            if let Some(heading) = heading_ref.get() {
                let _ = heading.focus();
            }
        }
    });
    move || {
        editor.conflict.get().map(|conflict| {
            let detail = match &conflict.theirs {
                None if conflict.gone => t("conflict.body_gone"),
                Some(theirs) => tf(
                    "conflict.body",
                    &[
                        ("revision", &theirs.revision),
                        ("time", &crate::display::display_date(&theirs.updated_at)),
                    ],
                ),
                None => t("conflict.body_unreadable"),
            };
            let can_load = conflict.theirs.is_some();
            view! {
                <section class="conflict" role="alert" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading" tabindex="-1" node_ref=heading_ref>{t("conflict.heading")}</h2>
                    <p>{detail}</p>
                    <p>{t("conflict.choose")}</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| editor.keep_mine()>
                            {t("conflict.keep_mine")}
                        </button>
                        {can_load.then(|| view! {
                            <button type="button" class="button" on:click=move |_| editor.load_theirs()>
                                {t("conflict.load_theirs")}
                            </button>
                        })}
                        <button type="button" class="button" on:click=move |_| editor.export_json()>
                            {t("conflict.export_mine")}
                        </button>
                    </div>
                </section>
            }
        })
    }
}
