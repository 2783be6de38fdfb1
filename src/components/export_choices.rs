//! The export choices beyond the whole file: "for sharing" (JSON, CSV or the printed
//! report, scores without notes or names, `core::sharing`) and "with a passphrase" (the
//! whole file encrypted, `core::protected`), with a link to the privacy page that says
//! what each kind of export holds. On the results page and on each library card.

use crate::components::passphrase::NewPassphrase;
use crate::core::assessment::Assessment;
use crate::core::route::Route;
use crate::display::dom_id;
use crate::downloads;
use crate::i18n::{describe_crypto_error, t, tf};
use crate::state::Library;
use leptos::prelude::*;

#[component]
pub fn ExportChoices(
    /// The assessment to export, read when a button is pressed.
    #[prop(into)]
    assessment: Signal<Option<Assessment>>,
    /// Its id (for the report's link and unique element ids).
    #[prop(into)]
    id: String,
    /// Its name, for the buttons' accessible names.
    #[prop(into)]
    name: Signal<String>,
    /// Inside a card whose heading is an h3: the choices' headings are h4.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let library = expect_context::<Library>();
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<Result<String, String>>);
    let with_assessment = move |f: &dyn Fn(&Assessment)| {
        assessment.with_untracked(|a| {
            if let Some(a) = a {
                f(a)
            }
        })
    };
    let shared_json = move |_| with_assessment(&|a| downloads::assessment_json_shared(a));
    let shared_csv = move |_| with_assessment(&|a| downloads::assessment_csv_shared(a));
    let protect = Callback::new(move |passphrase: String| {
        let Some(a) = assessment.get_untracked() else {
            return;
        };
        busy.set(true);
        status.set(Some(Ok(t("protect.working"))));
        leptos::task::spawn_local(async move {
            let result = downloads::assessment_protected(&a, &passphrase).await;
            drop(passphrase);
            if result.is_ok() {
                library.exported(&a);
            }
            status.try_set(Some(
                result
                    .map(|()| t("protect.done"))
                    .map_err(|e| describe_crypto_error(&e)),
            ));
            busy.try_set(false);
        });
    });
    let heading = move |text: String| {
        if nested {
            view! { <h4>{text}</h4> }.into_any()
        } else {
            view! { <h3>{text}</h3> }.into_any()
        }
    };
    let report_href = Route::SharedReport {
        assessment: id.clone(),
    }
    .href();
    view! {
        <div class="export-choices">
            {heading(t("sharing.heading"))}
            <p>{t("sharing.body")}</p>
            <div class="actions">
                <button type="button" class="button" on:click=shared_json
                    aria-label=move || tf("sharing.json_of", &[("name", &name.get())])>{t("sharing.json")}</button>
                <button type="button" class="button" on:click=shared_csv
                    aria-label=move || tf("sharing.csv_of", &[("name", &name.get())])>{t("sharing.csv")}</button>
                <a class="button" href=report_href
                    aria-label=move || tf("sharing.report_of", &[("name", &name.get())])>{t("sharing.report")}</a>
            </div>
            {heading(t("protect.heading"))}
            <p>{t("protect.body")}</p>
            <NewPassphrase id=dom_id("protect", &id) submit=t("protect.export")
                submit_label=Signal::derive(move || tf("protect.export_of", &[("name", &name.get())]))
                on_ready=protect busy=busy />
            <p role="status" class="protect-status">{move || status.get().map(|s| match s {
                Ok(text) => view! { <span>{text}</span> }.into_any(),
                Err(text) => view! { <span class="error">{text}</span> }.into_any(),
            })}</p>
            <p><a href=Route::Privacy.href()>{t("privacy.what_exports_hold")}</a></p>
        </div>
    }
}
