//! Code fetched the first time it is needed. Built with `--features split` (as
//! `scripts/wasm.mjs` builds the app), each function declared with `split_view!` is moved
//! by wasm-split into a wasm chunk of its own, with every function only it reaches, so
//! the first question needs none of it. Without the feature (native tests, clippy, the
//! browser tests) it is an ordinary call, so the app behaves the same either way.
//! `pages::lazy` holds the views split this way; this module the parts of views, and
//! the drawing of either while its code is on its way.

use crate::components::{bin_panel, data_panel, export_choices, import_panel};
use crate::core::assessment::Assessment;
use crate::i18n::t;
use crate::platform;
use leptos::prelude::*;
use std::future::Future;
pub use wasm_split_helpers::SplitLoaderError;

/// The view a lazy function made, or why its chunk could not be fetched.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// Declares a function whose body wasm-split moves into the chunk `$chunk` (under
/// `--features split`); it is called through `load!`.
#[macro_export]
macro_rules! split_view {
    ($chunk:ident: fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($chunk, fallible))]
        pub fn $name($($arg: $ty),*) -> $crate::components::lazy::Loaded $body
    };
}

/// The future of a `split_view!` function's view, `load!(lazy::name(args))`: its chunk
/// fetched first when split.
#[macro_export]
macro_rules! load {
    ($($segment:ident)::+($($arg:expr),*)) => {{
        #[cfg(feature = "split")]
        let loaded = async move { $($segment)::+($($arg),*).await };
        #[cfg(not(feature = "split"))]
        let loaded = async move { $($segment)::+($($arg),*) };
        loaded
    }};
}

// Parts of the library that the first question does not need.
split_view!(library_tools: fn import_panel() { Ok(import_panel::ImportPanel().into_any()) });
split_view!(library_tools: fn bin_panel() { Ok(bin_panel::BinPanel().into_any()) });
split_view!(library_tools: fn data_panel() { Ok(data_panel::DataPanel().into_any()) });
split_view!(exports: fn export_choices(
    assessment: Signal<Option<Assessment>>, id: String, name: Signal<String>, nested: bool
) {
    let props = export_choices::ExportChoicesProps { assessment, id, name, nested };
    Ok(export_choices::ExportChoices(props).into_any())
});

/// Draws the view `load` makes once its code is here: meanwhile a status line, and if
/// its chunk cannot be fetched (offline before the service worker had it, say) a
/// message in place of the view, while the rest of the app goes on working.
pub fn view(load: impl Future<Output = Loaded> + 'static) -> AnyView {
    suspended(
        load,
        || t("app.view_loading"),
        || {
            view! {
                <h1 tabindex="-1">{t("app.view_unavailable_title")}</h1>
                <p role="alert">{unavailable_reason()}</p>
            }
            .into_any()
        },
    )
}

/// The same for a part of a view (the import panel, say).
pub fn part(load: impl Future<Output = Loaded> + 'static) -> AnyView {
    suspended(
        load,
        || t("app.part_loading"),
        || view! { <p role="alert">{unavailable_reason()}</p> }.into_any(),
    )
}

/// Why code could not be fetched: a new version installed while this page was open (its
/// chunks replaced the old ones), or most likely the connection.
fn unavailable_reason() -> String {
    if platform::updated_while_open() {
        t("app.unavailable_after_update")
    } else {
        t("app.unavailable_offline")
    }
}

fn suspended(
    load: impl Future<Output = Loaded> + 'static,
    loading: fn() -> String,
    unavailable: fn() -> AnyView,
) -> AnyView {
    // Suspend wants a future it may move between threads; the browser has one.
    let load = send_wrapper::SendWrapper::new(load);
    view! {
        <Suspense fallback=move || view! { <p class="view-loading" role="status">{loading()}</p> }>
            {Suspend::new(async move {
                match load.await {
                    Ok(drawn) => {
                        // Focus that a change of view sent to a heading not drawn yet.
                        platform::focus_pending_heading();
                        drawn
                    }
                    Err(_) => unavailable(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
