//! The resources an action names, from the catalogue: name, owner, what it offers, and a
//! link only where the catalogue holds the organisation's own address.

use crate::i18n::{content, tf};
use leptos::prelude::*;

#[component]
pub fn ResourceList(ids: &'static [String]) -> impl IntoView {
    let resources: Vec<_> = ids
        .iter()
        .filter_map(|id| content::resources().get(id))
        .collect();
    (!resources.is_empty()).then(|| {
        view! {
            <ul class="resources">
                {resources.into_iter().map(|r| view! {
                    <li>
                        {match &r.url {
                            Some(url) => view! {
                                <a href=url.clone() rel="noopener noreferrer external" target="_blank">{r.name.clone()}</a>
                            }.into_any(),
                            None => view! { <strong>{r.name.clone()}</strong> }.into_any(),
                        }}
                        {tf("resources.detail", &[("owner", &r.owner), ("offers", &r.offers)])}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}
