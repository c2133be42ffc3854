//! What the widget's script must know before the wasm arrives, written from the decisions made
//! here in Rust into `www/generated/defaults.js`: the height it reserves for a chart while
//! loading (so the page does not jump when the chart comes) and the shortest chart it fits under
//! a still, which views only its full module draws, the locale whose `Intl` data it
//! warms while the data downloads, the languages its switch offers, and the few words it needs
//! when the wasm itself does not arrive or does not match its hash. `tests/generated.rs`
//! fails when the file is not what [`defaults_js`] writes (`UPDATE_GENERATED=1` rewrites it).

use std::fmt::Write;

use crate::chart::ViewKind;
use crate::i18n::{self, Lang, Locale};
use crate::json::Json;

/// The keys of [`i18n::UI_KEYS`] whose words the script holds itself: those of the message it
/// shows when the wasm (which has all the others) failed to load.
pub const EARLY_KEYS: [&str; 5] = ["error", "retry", "http", "code-network", "code-tampered"];

/// The text of `www/generated/defaults.js`.
pub fn defaults_js() -> String {
    let mut out = String::from(
        "// Generated from the Rust side (src/element.rs) by `UPDATE_GENERATED=1 cargo test --test \
         generated`: do not edit.\n\n",
    );
    out.push_str(
        "/** Per view: [narrowBelow, narrow, ratio, min, max] (chart::view::HeightRule). */\n",
    );
    out.push_str("export const HEIGHTS = {\n");
    for kind in ViewKind::ALL {
        let h = ViewKind::HEIGHTS[kind as usize];
        let _ = writeln!(
            out,
            "  {}: [{}, {}, {}, {}, {}],",
            kind.name(),
            h.narrow_below,
            h.narrow,
            h.ratio,
            h.min,
            h.max
        );
    }
    let _ = write!(
        out,
        "}};\n\n/** The shortest chart a view draws, in CSS pixels (chart::view::MIN_HEIGHT). */\n\
         export const MIN_HEIGHT = {};\n",
        crate::chart::view::MIN_HEIGHT
    );
    let later: Vec<String> = ViewKind::ALL
        .into_iter()
        .filter(|kind| !ViewKind::FIRST_MODULE.contains(kind))
        .map(|kind| format!("'{}'", kind.name()))
        .collect();
    let _ = write!(
        out,
        "\n/** The views that only the widget's full module draws (chart::ViewKind::FIRST_MODULE \
         draws the others). */\nexport const FULL_MODULE_VIEWS = [{}];\n",
        later.join(", ")
    );
    out.push_str(
        "\n/** The languages the widget speaks: code, name in itself, direction, Intl locale. */\n",
    );
    out.push_str("export const LANGUAGES = [\n");
    for lang in Lang::ALL {
        let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
        let _ = writeln!(
            out,
            "  {{ code: '{}', name: '{}', dir: '{dir}', intl: '{}' }},",
            lang.code(),
            lang.native_name(),
            Locale::from(lang).tag()
        );
    }
    let _ = writeln!(
        out,
        "];\n\n/** The language of tags that name none of LANGUAGES. */\nexport const FALLBACK_LANGUAGE = '{}';",
        Lang::from_tag("").code()
    );
    out.push_str(&early_words_js());
    out
}

/// `EARLY_WORDS`: the words of [`EARLY_KEYS`] in each language, `{}` where an argument goes.
fn early_words_js() -> String {
    let mut out = String::from(
        "\n/** The words of the message for a wasm that did not load (they cannot come with it), per \
         language and\n * key of i18n::UI_KEYS, `{}` where an argument goes. */\n\
         export const EARLY_WORDS = {\n",
    );
    for lang in Lang::ALL {
        let words: Vec<String> = EARLY_KEYS
            .iter()
            .filter_map(|key| {
                let text = i18n::t(lang, i18n::ui_msg(key)?);
                Some(format!("{}: {}", Json::from(*key), Json::from(text)))
            })
            .collect();
        let _ = writeln!(out, "  {}: {{ {} }},", lang.code(), words.join(", "));
    }
    out.push_str("};\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_early_words_are_the_catalogues() {
        let js = defaults_js();
        for key in EARLY_KEYS {
            let msg = i18n::ui_msg(key).unwrap_or_else(|| panic!("{key} is not in UI_KEYS"));
            for lang in Lang::ALL {
                let text = Json::from(i18n::t(lang, msg)).to_string();
                assert!(js.contains(&text), "{key} in {}: {text}", lang.code());
            }
        }
    }
}
