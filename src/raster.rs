//! Native images for print and social media: SVG and PNG drawn with the fonts this crate ships
//! (Noto Sans and Noto Sans Arabic, `assets/fonts/`), so that an image comes out the same on
//! every machine, whatever fonts it has.
//!
//! PNG goes through the SVG that [`svg`] paints, rasterised by `resvg`: plotters' own bitmap
//! backend neither shapes Arabic (its letters would come out unjoined) nor orders right-to-left
//! text, while resvg shapes with harfrust and reorders with the Unicode bidi algorithm.
//! Layout measures text with the same fonts ([`FontMeasure`]), so labels fit what is drawn.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use harfrust::{
    Direction, FontRef, GlyphBuffer, ShapeOptions, ShapePlan, ShaperData, UnicodeBuffer,
};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::chart::paint::{self, Surface};
use crate::chart::{Measure, Scene};

/// The shipped fonts, embedded so that rendering needs no font installed (OFL 1.1, see
/// `assets/fonts/OFL.txt`).
static LATIN_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
static ARABIC_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf");
static ARABIC_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Bold.ttf");
const SHIPPED: [(&[u8], &str); 4] = [
    (LATIN_REGULAR, "NotoSans-Regular"),
    (LATIN_BOLD, "NotoSans-Bold"),
    (ARABIC_REGULAR, "NotoSansArabic-Regular"),
    (ARABIC_BOLD, "NotoSansArabic-Bold"),
];

/// The family every text element of a raster asks for, unless it has Arabic letters (see
/// [`raster_svg`]).
const LATIN_FAMILY: &str = "Noto Sans";

/// The family list of SVG files: the shipped fonts first, since the layout was measured with
/// them, then the widget's system stack for viewers that do not have them.
pub const SVG_FAMILY: &str = "'Noto Sans', 'Noto Sans Arabic', system-ui, -apple-system, 'Segoe UI', Roboto, Tahoma, Arial, sans-serif";

/// The largest side of a PNG, in pixels: beyond it an image is a mistake (and a big allocation).
pub const MAX_PIXELS: f64 = 16384.0;

/// Which of the two shipped families draws a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Arabic,
}

/// The family that draws `c`, given the family of the text before it. Arabic letters need
/// Noto Sans Arabic, Latin letters and most symbols Noto Sans (which also has the narrow
/// no-break space of French numbers); spaces, digits, the punctuation both fonts have and the
/// invisible bidi controls stay with the text around them, so that an Arabic phrase with its
/// numbers is one run and a Latin name with its spaces another.
fn script_of(c: char, current: Script) -> Script {
    match c {
        '\u{0600}'..='\u{06ff}'
        | '\u{0750}'..='\u{077f}'
        | '\u{08a0}'..='\u{08ff}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{fefc}' => Script::Arabic,
        ' ' | '\n' | '!' | ',' | '-' | '.' | ':' | '0'..='9' | '\u{a0}' => current,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => current,
        _ => Script::Latin,
    }
}

/// Splits text into runs, each drawn by one family. Text with any Arabic letter starts in
/// Noto Sans Arabic (see [`raster_svg`] for why), other text in Noto Sans.
fn runs(text: &str) -> Vec<(Script, &str)> {
    let mut current = if text
        .chars()
        .any(|c| script_of(c, Script::Latin) == Script::Arabic)
    {
        Script::Arabic
    } else {
        Script::Latin
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let script = script_of(c, current);
        if script != current {
            if i > start {
                out.push((current, &text[start..i]));
            }
            start = i;
            current = script;
        }
    }
    if start < text.len() {
        out.push((current, &text[start..]));
    }
    out
}

/// One shipped font, ready to shape.
struct Face {
    font: FontRef<'static>,
    data: ShaperData,
}

impl Face {
    fn new((bytes, name): (&'static [u8], &str)) -> Result<Face, String> {
        let font =
            FontRef::new(bytes).map_err(|e| format!("the shipped font {name} is unusable: {e}"))?;
        let data = ShaperData::new(&font);
        Ok(Face { font, data })
    }
}

/// Measures text with the shipped fonts, shaped as resvg will draw it (Arabic joining forms
/// and ligatures change widths), so that wrapping and margins fit the image.
pub struct FontMeasure {
    /// As [`SHIPPED`], indexed by [`FontMeasure::index`].
    faces: [Face; 4],
    /// Shape plans by font and direction: building one costs more than shaping a label.
    plans: RefCell<HashMap<(usize, Direction, harfrust::Script), ShapePlan>>,
}

impl FontMeasure {
    /// Readies the four shipped fonts for shaping; an error names a font that cannot be read (they
    /// are built into the program, so only a broken build fails here).
    pub fn new() -> Result<FontMeasure, String> {
        Ok(FontMeasure {
            faces: [
                Face::new(SHIPPED[0])?,
                Face::new(SHIPPED[1])?,
                Face::new(SHIPPED[2])?,
                Face::new(SHIPPED[3])?,
            ],
            plans: RefCell::new(HashMap::new()),
        })
    }

    fn index(script: Script, bold: bool) -> usize {
        match script {
            Script::Latin => usize::from(bold),
            Script::Arabic => 2 + usize::from(bold),
        }
    }

    /// Shapes one run in its font; gives the glyphs and the font's units per em.
    fn shape(&self, script: Script, bold: bool, text: &str) -> (GlyphBuffer, f64) {
        let i = Self::index(script, bold);
        let face = &self.faces[i];
        let shaper = face.data.shaper(&face.font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let key = (i, buffer.direction(), buffer.script());
        let mut plans = self.plans.borrow_mut();
        let plan = plans
            .entry(key)
            .or_insert_with(|| ShapePlan::new(&shaper, key.1, Some(key.2), None, &[]));
        let glyphs = shaper.shape(buffer, ShapeOptions::new().plan(Some(&*plan)));
        (glyphs, f64::from(shaper.units_per_em().max(1)))
    }

    /// The advance of one run, in ems.
    fn run_width(&self, script: Script, bold: bool, text: &str) -> f64 {
        let (glyphs, units_per_em) = self.shape(script, bold, text);
        let units: i64 = glyphs
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f64 / units_per_em
    }

    /// The characters of `text` that the shipped fonts cannot draw: they would come out as
    /// boxes. Invisible controls (bidi isolates, joiners) are never missing.
    pub fn missing(&self, text: &str, bold: bool) -> Vec<char> {
        let mut out = Vec::new();
        for (script, run) in runs(text) {
            let (glyphs, _) = self.shape(script, bold, run);
            for info in glyphs.glyph_infos() {
                let cluster = run
                    .get(info.cluster as usize..)
                    .and_then(|s| s.chars().next());
                match cluster {
                    Some(c) if info.glyph_id == 0 && !out.contains(&c) => out.push(c),
                    _ => {}
                }
            }
        }
        out
    }
}

impl Measure for FontMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = runs(text)
            .into_iter()
            .map(|(script, run)| self.run_width(script, bold, run))
            .sum();
        ems * size
    }
}

/// Paints `scene` as a standalone SVG file whose text asks for the shipped fonts first.
pub fn svg(scene: &Scene) -> Result<String, String> {
    paint_svg(scene, SVG_FAMILY)
}

fn paint_svg(scene: &Scene, family: &str) -> Result<String, String> {
    let mut out = String::new();
    {
        let size = (scene.width.round() as u32, scene.height.round() as u32);
        let mut backend = crate::chart::svg_backend::SvgBackend::new(&mut out, size);
        let surface = Surface {
            family,
            ..Surface::SVG
        };
        paint::paint(&mut backend, scene, surface)
            .map_err(|e| format!("cannot draw the SVG: {e}"))?;
    }
    Ok(out)
}

/// The SVG that resvg rasterises, with each run of text in the font that draws it.
///
/// usvg shapes a text element as a whole (the bidi algorithm runs over all its spans), once
/// per span font, then takes from each span's shaping the glyphs of that span's characters,
/// matching them to the first span's glyphs cluster by cluster. Its matching counts a
/// cluster's length in bytes, which is right for Latin letters (one byte, one glyph) but
/// loses letters around Arabic ligatures (lam-alef is one glyph for four bytes). So a text
/// with Arabic in it is shaped first in Noto Sans Arabic (its element asks for that family
/// and starts with a zero-width space of that font, so that the first span is surely Arabic)
/// and its Latin runs are tspans in Noto Sans. usvg's own fallback, which swaps glyphs one
/// for one, is then never needed (see [`fallback`]).
fn raster_svg(scene: &Scene) -> Result<String, String> {
    Ok(assign_fonts(&paint_svg(scene, LATIN_FAMILY)?))
}

const LATIN_ATTRIBUTE: &str = "font-family=\"Noto Sans\"";
const ARABIC_ATTRIBUTE: &str = "font-family=\"Noto Sans Arabic\"";

/// Rewrites the text elements of an SVG painted in [`LATIN_FAMILY`] whose text has Arabic
/// letters, as [`raster_svg`] explains. Other markup is copied as it is (quoted attribute
/// values may hold `>`); plotters writes the text of an element as plain character data,
/// where entities such as `&amp;` are Latin runs, so they are never cut.
fn assign_fonts(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let tag = &rest[..tag_length(rest)];
        rest = &rest[tag.len()..];
        let content = rest.find("</text>").map(|end| &rest[..end]);
        match content {
            Some(text) if tag.starts_with("<text ") && !text.contains('<') => {
                push_text_element(&mut out, tag, text);
                rest = &rest[text.len()..];
            }
            _ => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// The length of the markup at the start of `s` (which starts with `<`), up to its `>`.
fn tag_length(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Writes one text element's start tag and text, in Noto Sans Arabic with Latin tspans when
/// the text has Arabic letters.
fn push_text_element(out: &mut String, tag: &str, text: &str) {
    let runs = runs(text);
    if !runs.iter().any(|(script, _)| *script == Script::Arabic) {
        out.push_str(tag);
        out.push_str(text);
        return;
    }
    out.push_str(&tag.replacen(LATIN_ATTRIBUTE, ARABIC_ATTRIBUTE, 1));
    out.push('\u{200b}');
    for (script, run) in runs {
        if script == Script::Latin {
            out.push_str("<tspan ");
            out.push_str(LATIN_ATTRIBUTE);
            out.push('>');
            out.push_str(run);
            out.push_str("</tspan>");
        } else {
            out.push_str(run);
        }
    }
}

/// Rasterises scenes to PNG with the shipped fonts. Made once and reused: the font database
/// and the measure are shared by every image of a batch.
pub struct Rasterizer {
    fonts: Arc<fontdb::Database>,
}

impl Rasterizer {
    /// Loads the shipped fonts into the database resvg draws with, the generic families pointing to
    /// the Latin one; an error names a font that cannot be loaded.
    pub fn new() -> Result<Rasterizer, String> {
        let mut db = fontdb::Database::new();
        for (bytes, name) in SHIPPED {
            // borrowed, not copied: the fonts are part of the program
            let ids = db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
            if ids.is_empty() {
                return Err(format!("the shipped font {name} could not be loaded"));
            }
        }
        // generic families (and usvg's last resort, serif) resolve to the shipped font
        db.set_sans_serif_family(LATIN_FAMILY);
        db.set_serif_family(LATIN_FAMILY);
        Ok(Rasterizer {
            fonts: Arc::new(db),
        })
    }

    /// Draws `scene` at `scale` device pixels per CSS pixel and encodes it as PNG.
    pub fn png(&self, scene: &Scene, scale: f64) -> Result<Vec<u8>, String> {
        let pixmap = self.pixmap(scene, scale)?;
        pixmap
            .encode_png()
            .map_err(|e| format!("cannot encode the PNG: {e}"))
    }

    /// Draws `scene` into pixels (premultiplied RGBA) at `scale`.
    pub fn pixmap(&self, scene: &Scene, scale: f64) -> Result<Pixmap, String> {
        let (width, height) = pixel_size(scene, scale)?;
        let options = usvg::Options {
            fontdb: self.fonts.clone(),
            font_family: LATIN_FAMILY.into(),
            font_resolver: usvg::FontResolver {
                select_font: usvg::FontResolver::default_font_selector(),
                select_fallback: no_fallback(),
            },
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(&raster_svg(scene)?, &options)
            .map_err(|e| format!("cannot read the drawing back: {e}"))?;
        let mut pixmap = Pixmap::new(width, height)
            .ok_or_else(|| format!("cannot make a {width}x{height} image"))?;
        let s = scale as f32;
        resvg::render(&tree, Transform::from_scale(s, s), &mut pixmap.as_mut());
        Ok(pixmap)
    }
}

/// The size in pixels of `scene` drawn at `scale`; refuses sizes that are empty or so large
/// that they are surely a typing mistake.
pub fn pixel_size(scene: &Scene, scale: f64) -> Result<(u32, u32), String> {
    let (w, h) = (
        (scene.width * scale).round(),
        (scene.height * scale).round(),
    );
    if !(1.0..=MAX_PIXELS).contains(&w) || !(1.0..=MAX_PIXELS).contains(&h) {
        return Err(format!(
            "a {w}x{h} pixel image is out of bounds (1 to {MAX_PIXELS} pixels a side): lower --scale or the size"
        ));
    }
    Ok((w as u32, h as u32))
}

/// No fallback: every run already names the font that has its characters (see
/// [`raster_svg`]), and usvg's default fallback would swap glyphs one for one, misplacing
/// them where the two fonts' ligatures differ. A character neither font has stays a visible
/// missing-glyph box rather than a wrong letter.
fn no_fallback() -> usvg::FallbackSelectionFn<'static> {
    Box::new(|_, _, _| None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_and_their_numbers_are_one_run() {
        let text = "\u{2067}الفئة 2 تحت المراقبة\u{2069}";
        assert_eq!(runs(text), [(Script::Arabic, text)]);
        assert_eq!(
            runs("\u{2067}المصادر: \u{2068}US State Dept\u{2069}؛ ..."),
            [
                (Script::Arabic, "\u{2067}المصادر: \u{2068}"),
                (Script::Latin, "US State Dept\u{2069}"),
                (Script::Arabic, "؛ ..."),
            ]
        );
        assert_eq!(runs("Tier 2"), [(Script::Latin, "Tier 2")]);
        assert!(runs("").is_empty());
    }

    #[test]
    fn arabic_text_is_shaped_in_the_arabic_font_first() {
        let svg = "<svg><text a=\"x>y\" font-family=\"Noto Sans\">\nمصدر: A &amp; B\n</text>\
                   <text font-family=\"Noto Sans\">\nA &lt; B\n</text><line/></svg>";
        assert_eq!(
            assign_fonts(svg),
            "<svg><text a=\"x>y\" font-family=\"Noto Sans Arabic\">\u{200b}\nمصدر: \
             <tspan font-family=\"Noto Sans\">A &amp; B\n</tspan></text>\
             <text font-family=\"Noto Sans\">\nA &lt; B\n</text><line/></svg>"
        );
    }

    #[test]
    fn measures_with_the_shipped_fonts() {
        let m = FontMeasure::new().unwrap();
        let regular = m.width("Tier 2 Watch List", 12.0, false);
        assert!(regular > 80.0 && regular < 110.0, "{regular}");
        assert!(m.width("Tier 2 Watch List", 12.0, true) > regular);
        assert_eq!(
            m.width("\u{2068}2024\u{2069}", 12.0, false),
            m.width("2024", 12.0, false)
        );
        // joined Arabic is narrower than its letters apart
        let word = m.width("المراقبة", 12.0, false);
        let apart: f64 = "المراقبة"
            .chars()
            .map(|c| m.width(&c.to_string(), 12.0, false))
            .sum();
        assert!(word > 20.0 && word < apart, "{word} {apart}");
        // the narrow no-break space of French numbers has a width
        assert!(m.width("1\u{202f}234", 12.0, false) > m.width("1234", 12.0, false));
    }

    #[test]
    fn the_shipped_fonts_draw_every_character_of_every_view() {
        let m = FontMeasure::new().unwrap();
        // French narrow no-break spaces, Arabic-Indic digits and separators, isolates
        let samples =
            "1\u{202f}234\u{a0}%  ٠١٢٣٤٥٦٧٨٩ ٫٬٪ \u{2067}\u{2068}x\u{2069}\u{2069} « » – — … ·";
        assert_eq!(m.missing(samples, false), Vec::<char>::new());
        assert_eq!(m.missing(samples, true), Vec::<char>::new());
        assert_eq!(
            m.missing("a\u{4e2d}b", false),
            ['\u{4e2d}'],
            "a CJK character is missing"
        );
        let read = |name: &str| {
            let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
            crate::model::load(&std::fs::read_to_string(path).unwrap()).unwrap()
        };
        let (morocco, neighbours) = (read("morocco.json"), read("neighbours.json"));
        for kind in crate::chart::ViewKind::NAMES {
            // Morocco's dataset compares nothing
            let dataset = if kind == "compare" {
                &neighbours
            } else {
                &morocco
            };
            for lang in ["fr", "ar", "en"] {
                let mut view = crate::chart::View::new(
                    crate::chart::ViewKind::from_name(kind).unwrap(),
                    1200.0,
                    630.0,
                );
                view.lang = lang.into();
                let scene = crate::chart::build(dataset, &view, &m).unwrap();
                for mark in &scene.marks {
                    if let crate::chart::Mark::Text { text, bold, .. } = mark {
                        assert_eq!(
                            m.missing(text, *bold),
                            Vec::<char>::new(),
                            "{kind}-{lang}: {text}"
                        );
                    }
                }
            }
        }
    }

    /// A scene with one line of text at the left of a white 800x100 image.
    fn text_scene(text: &str, size: f64) -> Scene {
        use crate::chart::scene::{Align, Baseline, Color, Mark};
        Scene {
            width: 800.0,
            height: 100.0,
            background: Color::hex(0xffffff),
            marks: vec![Mark::Text {
                x: 20.0,
                y: 20.0,
                text: text.into(),
                size,
                bold: false,
                color: Color::hex(0x000000),
                align: Align::Left,
                baseline: Baseline::Top,
            }],
            targets: Vec::new(),
            plot: (0.0, 0.0, 800.0, 100.0),
            bands: Vec::new(),
            chrome: Default::default(),
        }
    }

    /// The runs of columns that hold ink, as (first, last) x.
    fn ink_spans(pixmap: &Pixmap) -> Vec<(u32, u32)> {
        let inked = |x: u32| {
            (0..pixmap.height()).any(|y| pixmap.pixel(x, y).is_some_and(|p| p.red() < 128))
        };
        let mut spans: Vec<(u32, u32)> = Vec::new();
        for x in 0..pixmap.width() {
            if inked(x) {
                match spans.last_mut() {
                    Some(span) if span.1 + 1 == x => span.1 = x,
                    _ => spans.push((x, x)),
                }
            }
        }
        spans
    }

    #[test]
    fn arabic_is_shaped_not_boxed() {
        // lam-alef ligatures ("لا", "لأ") once left missing-glyph boxes in mixed fonts
        let text = "\u{2067}الاتجار بالأشخاص\u{2069}";
        let (raster, measure) = (Rasterizer::new().unwrap(), FontMeasure::new().unwrap());
        let pixmap = raster.pixmap(&text_scene(text, 40.0), 1.0).unwrap();
        let spans = ink_spans(&pixmap);
        let (first, last) = (spans[0].0, spans[spans.len() - 1].1);
        let ink = f64::from(last - first + 1);
        let measured = measure.width(text, 40.0, false);
        assert!(
            (ink - measured).abs() < 6.0,
            "ink {ink}, measured {measured}"
        );
        // and shaped: letters apart (isolated forms, as an unshaped drawing has them) are wider
        let apart: f64 = text
            .chars()
            .map(|c| measure.width(&c.to_string(), 40.0, false))
            .sum();
        assert!(ink < apart - 20.0, "ink {ink}, letters apart {apart}");
    }

    #[test]
    fn arabic_reads_from_the_right() {
        // logically the word, then the year: drawn right to left, the year is at the left
        let text = "\u{2067}بيت 2024\u{2069}";
        let (raster, measure) = (Rasterizer::new().unwrap(), FontMeasure::new().unwrap());
        let pixmap = raster.pixmap(&text_scene(text, 40.0), 1.0).unwrap();
        let spans = ink_spans(&pixmap);
        // the digits are apart from each other, the word is one joined block
        let word = spans[spans.len() - 1];
        let word_width = f64::from(word.1 - word.0 + 1);
        let expected = measure.width("بيت", 40.0, false);
        assert!((word_width - expected).abs() < 6.0, "{spans:?} {expected}");
        let year = f64::from(spans[spans.len() - 2].1 - spans[0].0 + 1);
        let expected = measure.width("2024", 40.0, false);
        assert!((year - expected).abs() < 8.0, "{spans:?} {expected}");
    }

    #[test]
    fn renders_at_the_scale_asked() {
        let raster = Rasterizer::new().unwrap();
        let pixmap = raster.pixmap(&text_scene("Tier 1", 12.0), 2.0).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (1600, 200));
        assert!(raster.pixmap(&text_scene("x", 12.0), 100.0).is_err());
        let png = raster.png(&text_scene("x", 12.0), 0.5).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
