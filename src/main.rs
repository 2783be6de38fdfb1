//! Entry point: starts the app (its language first) and nothing else.
fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(roadmap_readiness::start());
}
