//! What the core says is wrong inside a file, in the page's language. The core words
//! its refusals once, in English, for its tests and for anyone reading its errors
//! (`core::format`, `core::numbers`, `core::protected`, and serde's and serde_json's
//! own messages, which it passes on); English pages show them as they are. For another
//! language each known shape is read back here and worded from the catalogue
//! (`errors.detail.*`, `errors.json.*`); a shape not known here is left out rather than
//! shown in English, and the message still names the field, or the line and column.

use super::{language, t, tf, Language};

/// The detail of a field's refusal in the current language: `Some(message)` in English,
/// a catalogue wording for a known shape, `None` for an unknown one.
pub fn field_detail(message: &str) -> Option<String> {
    if language() == Language::En {
        return Some(message.to_owned());
    }
    match message {
        "required but missing" => return Some(t("errors.detail.missing")),
        "must not be empty" => return Some(t("errors.detail.empty")),
        "expected a step from 1 to 10" => return Some(t("errors.detail.step")),
        "expected an object" => {
            return Some(tf(
                "errors.detail.expected_only",
                &[("expected", &kind("an object")?)],
            ))
        }
        "allowed only when assessment.redacted is true" => {
            return Some(t("errors.detail.only_redacted"))
        }
        "required when response is \"level\"" => return Some(t("errors.detail.level_required")),
        "allowed only when response is \"level\"" => {
            return Some(t("errors.detail.level_not_allowed"))
        }
        "expected base64, found misplaced “=” padding" => {
            return Some(t("errors.detail.padding"))
        }
        _ => {}
    }
    if message.starts_with("expected a language tag") {
        return Some(t("errors.detail.language_tag"));
    }
    if let Some((count, max)) = split2(message, "", " characters, at most ", " allowed") {
        return Some(tf(
            "errors.detail.too_long",
            &[("count", &number(count)?), ("max", &number(max)?)],
        ));
    }
    if let Some(value) = between(message, "\"", "\" is answered twice") {
        return Some(tf("errors.detail.answered_twice", &[("value", &value)]));
    }
    if let Some(value) = between(message, "\"", "\" is tracked twice") {
        return Some(tf("errors.detail.tracked_twice", &[("value", &value)]));
    }
    if let Some(value) = between(message, "\"", "\" is used twice") {
        return Some(tf("errors.detail.used_twice", &[("value", &value)]));
    }
    if let Some((range, found)) = message.split_once(", found ") {
        if let Some((min, max)) = split2(range, "expected a whole number from ", " to ", "") {
            return Some(tf(
                "errors.detail.whole_number",
                &[
                    ("min", &number(min)?),
                    ("max", &number(max)?),
                    ("found", &found),
                ],
            ));
        }
        if let Some(min) = between(range, "expected a whole number of at least ", "") {
            return Some(tf(
                "errors.detail.whole_number_min",
                &[("min", &number(min)?), ("found", &found)],
            ));
        }
        if let Some(max) = between(range, "expected at most ", "") {
            return Some(tf(
                "errors.detail.at_most",
                &[("max", &number(max)?), ("found", &number(found)?)],
            ));
        }
        if let Some(bytes) = between(range, "expected ", " bytes in base64") {
            return Some(tf(
                "errors.detail.bytes",
                &[("count", &number(bytes)?), ("found", &number(found)?)],
            ));
        }
        if let Some(bytes) = between(
            range,
            "expected at least ",
            " bytes (the authentication tag)",
        ) {
            return Some(tf(
                "errors.detail.tag_bytes",
                &[("count", &number(bytes)?), ("found", &number(found)?)],
            ));
        }
        if let Some(characters) = between(found, "", " characters") {
            if range == "expected base64 (a multiple of 4 characters)" {
                return Some(tf(
                    "errors.detail.base64_length",
                    &[("count", &number(characters)?)],
                ));
            }
        }
        if range == "expected base64" {
            let (character, position) = split2(found, "the character “", "” at position ", "")?;
            return Some(tf(
                "errors.detail.base64_character",
                &[("character", &character), ("position", &number(position)?)],
            ));
        }
        if let (Some(expected), Some(got)) = (
            between(range, "expected \"", "\""),
            between(found, "\"", "\""),
        ) {
            return Some(tf(
                "errors.detail.expected_value",
                &[("expected", &expected), ("found", &got)],
            ));
        }
        let expected = kind(range.strip_prefix("expected ")?)?;
        return Some(tf(
            "errors.detail.expected_kind",
            &[("expected", &expected), ("found", &found_in_words(found)?)],
        ));
    }
    // serde's "unknown variant `maybe`, expected one of `level`, `none`" (or "expected
    // `city` or `cso`").
    if let Some((found, allowed)) = split2(message, "unknown variant `", "`, expected ", "") {
        let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
        let allowed: Vec<&str> = allowed
            .split([',', ' '])
            .filter_map(|a| a.strip_prefix('`')?.strip_suffix('`'))
            .collect();
        return Some(tf(
            "errors.detail.unknown_value",
            &[("found", &found), ("allowed", &allowed.join(", "))],
        ));
    }
    None
}

/// serde_json's reason for a syntax error ("expected `,` or `}` at line 5 column 3"), in
/// the current language: as it is in English, a catalogue wording for a known one, else
/// `None` (the line and column are said anyway).
pub fn syntax_detail(message: &str) -> Option<String> {
    if language() == Language::En {
        return Some(message.to_owned());
    }
    let reason = message.split(" at line ").next().unwrap_or(message);
    let worded = match reason {
        r if r.starts_with("EOF while parsing") => t("errors.json.ends_early"),
        "expected `,` or `}`" | "expected `,` or `]`" => t("errors.json.comma"),
        "expected `:`" => t("errors.json.colon"),
        "expected value" | "expected ident" => t("errors.json.value"),
        "trailing characters" => t("errors.json.trailing"),
        "trailing comma" => t("errors.json.trailing_comma"),
        "key must be a string" => t("errors.json.key"),
        "invalid escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape" => t("errors.json.escape"),
        "invalid number" | "number out of range" => t("errors.json.number"),
        r if r.starts_with("control character") => t("errors.json.control"),
        _ => return None,
    };
    Some(worded)
}

/// serde's and the core's names of what was expected ("an object", "a list"), worded.
fn kind(english: &str) -> Option<String> {
    Some(match english {
        "an object" | "a map" | "map" => t("errors.kind.object"),
        "a list" | "a sequence" | "sequence" => t("errors.kind.list"),
        "a string" => t("errors.kind.text"),
        "a boolean" => t("errors.kind.boolean"),
        "null" | "unit value" => t("errors.kind.null"),
        _ => return None,
    })
}

/// What the core says it found ("the text \"x\"", "a list", "4.5", "true"), worded.
fn found_in_words(found: &str) -> Option<String> {
    if let Some(text) = found.strip_prefix("the text ") {
        return Some(tf("errors.kind.the_text", &[("text", &text)]));
    }
    // A number or a boolean as the file wrote it. Looked at, not parsed: parsing a float
    // would bring the float reader's tables into the wasm for a message.
    let numeric = !found.is_empty()
        && found.bytes().any(|b| b.is_ascii_digit())
        && found
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    if found == "true" || found == "false" || numeric {
        return Some(found.to_owned());
    }
    kind(found)
}

/// A whole number of the core's message, as the current language writes it.
fn number(digits: &str) -> Option<String> {
    digits.parse::<u64>().ok().map(|n| language().integer(n))
}

/// The text between `start` and `end` when `message` is exactly that.
fn between<'a>(message: &'a str, start: &str, end: &str) -> Option<&'a str> {
    message.strip_prefix(start)?.strip_suffix(end)
}

/// `start` A `middle` B `end`: the two parts.
fn split2<'a>(
    message: &'a str,
    start: &str,
    middle: &str,
    end: &str,
) -> Option<(&'a str, &'a str)> {
    between(message, start, end)?.split_once(middle)
}
