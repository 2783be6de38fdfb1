//! Grant readiness answered plainly, for a community organisation: which checks a small
//! funder makes are met, which are not, and the one to three to fix first. Shown after
//! step 7, on the results and in the report. A self-assessment, not a funder's decision.

use crate::core::grant::{CheckState, Verdict};
use crate::core::instrument::Perspective;
use crate::core::route::Route;
use crate::i18n::{colon, content, t, tf};
use crate::state::Editor;
use leptos::prelude::*;

/// "Met", "In progress (level 1 of 4)", "Not yet", "Not known yet", "Does not apply".
pub fn state_in_words(state: CheckState, met_at: u8) -> String {
    match state {
        CheckState::InProgress(level) => tf(
            "grant.state.in_progress",
            &[("level", &level), ("met_at", &met_at)],
        ),
        other => t(&format!("grant.state.{}", other.key())),
    }
}

#[component]
pub fn GrantReadiness() -> impl IntoView {
    let editor = expect_context::<Editor>();
    if editor.instrument().perspective != Perspective::Cso {
        return ().into_any();
    }
    let id = editor.assessment.with_untracked(|a| a.id.clone());
    let pack_href = Route::FunderPack { assessment: id }.href();
    let body = move || {
        editor.assessment.with(|a| {
            let verdict = Verdict::of(content::funder_checks(), editor.instrument(), a);
            let headline = if verdict.ready_to_apply() {
                t("grant.ready")
            } else {
                t("grant.not_ready")
            };
            let fix_first = verdict.fix_first();
            let rows = verdict
                .checks
                .iter()
                .map(|(check, state)| {
                    let essential = check.blocking.then(|| t("grant.essential"));
                    view! {
                        <tr data-check=check.id.clone() data-state=state.key()>
                            <th scope="row">{check.name.clone()}{essential.map(|e| view! { " "<span class="flag">{e}</span> })}</th>
                            <td>{state_in_words(*state, check.met_at)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p class="verdict" data-testid="grant-verdict">
                    <strong>{headline}</strong>" "
                    {tf("grant.met_of", &[("met", &verdict.met()), ("total", &verdict.applicable())])}
                </p>
                {(!fix_first.is_empty()).then(|| view! {
                    <h3>{t("grant.fix_first")}</h3>
                    <ol data-testid="grant-fix-first">
                        {fix_first.into_iter().map(|c| view! {
                            <li><strong>{c.name.clone()}</strong>{colon()}{c.fix.clone()}</li>
                        }).collect_view()}
                    </ol>
                })}
                <div class="table-scroll" role="region" aria-labelledby="grant-table-caption" tabindex="0">
                    <table class="grant-checks">
                        <caption id="grant-table-caption">{t("grant.table_caption")}</caption>
                        <thead><tr><th scope="col">{t("grant.col_check")}</th><th scope="col">{t("grant.col_state")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <section class="grant-readiness" aria-labelledby="grant-heading" data-testid="grant-readiness">
            <h2 id="grant-heading">{t("grant.heading")}</h2>
            {body}
            <p class="hint">{t("grant.self_assessment")}</p>
            <p class="no-print"><a class="button" href=pack_href>{t("grant.to_pack")}</a></p>
        </section>
    }
    .into_any()
}
