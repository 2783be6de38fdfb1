//! Text fields the file format limits (`format::MAX_TEXT_CHARS`: notes, own actions,
//! owners), counted as the format counts, in characters. A browser's `maxlength` counts
//! UTF-16 units, in which an emoji is two, so it would refuse to let a note the format
//! accepts be edited at all; these fields fit each edit in the input handler instead.

use crate::core::format;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The field's new value, fitted to the limit. When an edit would pass it, the inserted
/// part is cut to the room left (as `maxlength` does), the field shows the fitted text
/// with the caret after what was kept, and `true` says that something was left out.
pub fn fitted_value(ev: &leptos::ev::Event, before: &str) -> (String, bool) {
    let value = event_target_value(ev);
    let Some((fitted, caret)) = format::fit_edit(before, &value) else {
        return (value, false);
    };
    if let Some(target) = ev.target() {
        // `value` and `setSelectionRange` are looked up on the element itself, so this
        // serves a textarea as well as an input.
        let field = target.unchecked_into::<web_sys::HtmlInputElement>();
        field.set_value(&fitted);
        let units: usize = fitted.chars().take(caret).map(char::len_utf16).sum();
        let units = u32::try_from(units).unwrap_or(u32::MAX);
        let _ = field.set_selection_range(units, units);
    }
    (fitted, true)
}
