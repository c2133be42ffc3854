//! What the widget's script must know before the wasm arrives, written from the decisions made
//! here in Rust into `www/generated/defaults.js`: the height it reserves for a chart while
//! loading (so the page does not jump when the chart comes), the locale whose `Intl` data it
//! warms while the data downloads, and the languages its switch offers. `tests/generated.rs`
//! fails when the file is not what [`defaults_js`] writes (`UPDATE_GENERATED=1` rewrites it).

use std::fmt::Write;

use crate::chart::ViewKind;
use crate::i18n::{Lang, Locale};

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
    out.push_str("};\n\n/** The languages the widget speaks: code, name in itself, direction, Intl locale. */\n");
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
    out
}
