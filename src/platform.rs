//! Small browser facts the app needs: the clock, fresh ids, the URL fragment, focus.

use wasm_bindgen::JsCast;

/// The current time as an ISO 8601 UTC timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A random 128-bit id in hex, from the browser's cryptographic generator.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // Every supported browser has crypto; fall back to time and Math.random anyway.
        let seed = js_sys::Date::now().to_bits() ^ (js_sys::Math::random().to_bits() << 1);
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..].copy_from_slice(&js_sys::Math::random().to_bits().to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn navigate(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href.trim_start_matches('#'));
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves focus to the view's main heading after a view change, so that screen-reader
/// and keyboard users start at the top of the new view.
pub fn focus_main_heading() {
    HEADING_PENDING.set(false);
    focus_after_paint_or("main h1", || HEADING_PENDING.set(true));
}

thread_local! {
    /// A heading focus that found no heading: the view's code was still on its way.
    static HEADING_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called when a view fetched on first use is drawn: the focus a change of view meant
/// for its heading, if that heading was not there yet.
pub fn focus_pending_heading() {
    if HEADING_PENDING.replace(false) {
        focus_main_heading();
    }
}

/// Opens the browser's print dialog (which also saves as PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Reloads the page (the URL fragment keeps the view).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The bytes of a file the user chose or dropped, or the browser's reason it could not
/// be read.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of a file picker or a drop, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// Lets the browser paint and handle input before going on: resolves on a 0 ms timer,
/// a task of its own (a resolved promise would run before the browser's turn).
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds on the page's monotonic clock (for pauses; not a date).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Runs `f` once, after `ms` milliseconds (a timer task of its own). When no timer can
/// be set, `f` runs at once, so whatever waits on it is never dropped.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let f = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = {
        let f = f.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(f) = f.take() {
                f();
            }
        })
    };
    let scheduled = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), ms)
            .ok()
    });
    if scheduled.is_none() {
        if let Some(f) = f.take() {
            f();
        }
    }
}

/// The page's service worker container; None where the browser has none (it exists only
/// on secure pages, and `navigator.serviceWorker` is then missing, not null).
fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let supported = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    supported.then(|| navigator.service_worker())
}

/// Registers the service worker (`sw.js`, generated into the build by
/// `scripts/service-worker.mjs`) that keeps the app working offline. Its URL is relative,
/// so the worker and its scope are the app's own folder under any sub-path. When a new
/// version takes over a page that an earlier version served, `on_update` is called once,
/// so that the page can say a reload brings the new version.
///
/// Only in a release build: `trunk serve` builds for debugging, where a cached copy would
/// hide the latest change. Where the browser has no service workers (an insecure
/// origin, some private modes) or refuses the registration, the app simply works
/// online: nothing is reported, since nothing the user has is at stake.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = service_workers() else {
        return;
    };
    // A page with no controller is a first visit (or a forced reload): the worker that
    // takes it over then is the first one, not an update.
    if container.controller().is_some() {
        let changed = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            UPDATED_WHILE_OPEN.set(true);
            on_update()
        });
        container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    }
    let registering = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
}

thread_local! {
    static UPDATED_WHILE_OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a new version took this page over since it loaded: the chunks this page
/// would fetch later are then the old version's, gone from the cache and the host.
pub fn updated_while_open() -> bool {
    UPDATED_WHILE_OPEN.get()
}

/// The names of the app's caches in CacheStorage (the offline copy of the app's own
/// files, never an answer) start with this; "Delete all my data" removes those and no
/// other site's.
pub const CACHE_PREFIX: &str = "roadmap-readiness";

/// Deletes this origin's CacheStorage caches whose names start with `prefix`; their
/// names. None when the browser has no CacheStorage here (it exists only on secure
/// pages) or nothing is cached.
pub async fn delete_caches(prefix: &str) -> Result<Vec<String>, String> {
    let mut removed = delete_caches_once(prefix).await?;
    // A service worker still installing goes on filling its precache after the caches
    // are gone (with the app's chunks that takes a while on a slow connection): once it
    // has finished, what it wrote is deleted too.
    if installation_settled(INSTALL_WAIT_MS).await {
        for name in delete_caches_once(prefix).await? {
            if !removed.contains(&name) {
                removed.push(name);
            }
        }
    }
    Ok(removed)
}

/// How long "Delete all my data" waits for a service worker that is installing.
const INSTALL_WAIT_MS: i32 = 30_000;

/// Whether a service worker of this page was installing; if so, waits until it is active
/// or has failed, or `limit_ms` has passed.
async fn installation_settled(limit_ms: i32) -> bool {
    use wasm_bindgen::JsValue;
    let (Some(window), Some(container)) = (web_sys::window(), service_workers()) else {
        return false;
    };
    let registration =
        match wasm_bindgen_futures::JsFuture::from(container.get_registration()).await {
            Ok(registration) if !registration.is_undefined() => registration,
            _ => return false,
        };
    let installing =
        js_sys::Reflect::get(&registration, &"installing".into()).unwrap_or(JsValue::NULL);
    if installing.is_null() || installing.is_undefined() {
        return false;
    }
    // Settled once active (or failed), not merely installed: activating opens the
    // precache again, which would bring back an empty copy of what was just deleted.
    let mut resolve = None;
    let settled = js_sys::Promise::new(&mut |done, _reject| resolve = Some(done));
    let Some(resolve) = resolve else {
        return false;
    };
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new({
        let (worker, resolve) = (installing.clone(), resolve.clone());
        move || {
            let state = js_sys::Reflect::get(&worker, &"state".into()).ok();
            if matches!(
                state.and_then(|s| s.as_string()).as_deref(),
                Some("activated" | "redundant")
            ) {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    });
    let worker: &web_sys::EventTarget = installing.unchecked_ref();
    let _ =
        worker.add_event_listener_with_callback("statechange", on_change.as_ref().unchecked_ref());
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, limit_ms);
    let _ = wasm_bindgen_futures::JsFuture::from(settled).await;
    // The listener goes before its closure does.
    let _ = worker
        .remove_event_listener_with_callback("statechange", on_change.as_ref().unchecked_ref());
    true
}

async fn delete_caches_once(prefix: &str) -> Result<Vec<String>, String> {
    let describe = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}"))
    };
    let Some(window) = web_sys::window() else {
        return Ok(Vec::new());
    };
    let present = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("caches"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !present {
        return Ok(Vec::new());
    }
    let caches = window.caches().map_err(describe)?;
    let names = wasm_bindgen_futures::JsFuture::from(caches.keys())
        .await
        .map_err(describe)?;
    let mut removed = Vec::new();
    for name in js_sys::Array::from(&names).iter() {
        let Some(name) = name.as_string() else {
            continue;
        };
        if name.starts_with(prefix) {
            wasm_bindgen_futures::JsFuture::from(caches.delete(&name))
                .await
                .map_err(describe)?;
            removed.push(name);
        }
    }
    Ok(removed)
}

/// The text of a file of the app's own site, by a URL relative to the page (`lang/fr/
/// common.json`): from the offline cache when the service worker holds it. An error
/// names the URL and what went wrong (no answer, or an HTTP status).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: no answer"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| format!("{url}: unreadable"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{url}: unreadable"))
}

/// Sets `<html lang>`, which screen readers, spell checkers, hyphenation and the
/// browser's translation offer follow.
pub fn set_document_language(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Moves focus to the first element `selector` matches, after the next paint (the
/// element may have just been rendered).
pub fn focus_after_paint(selector: &'static str) {
    focus_after_paint_or(selector, || {});
}

/// `focus_after_paint`, calling `if_missing` when nothing matches by then.
fn focus_after_paint_or(selector: &'static str, if_missing: fn()) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let focus = wasm_bindgen::closure::Closure::once_into_js(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match element {
            Some(element) => {
                let _ = element.focus();
            }
            None => if_missing(),
        }
    });
    let _ = window.request_animation_frame(focus.unchecked_ref());
}
