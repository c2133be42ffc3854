//! The browser side: a dataset loaded once, drawn on a canvas at the device pixel ratio, and
//! asked about by the page (what is under the pointer, what to say about it, where the
//! keyboard focus goes next).
//!
//! The custom element itself is a small JS shim (`www/plan-progress.js`): wasm-bindgen cannot
//! define a class that extends `HTMLElement`. The shim owns the DOM and its events; every
//! decision about the data is taken here. Nothing here panics on data or DOM input: a failure
//! is returned to the shim as an `Error` whose message the widget shows, in the reader's
//! language. Structured answers cross the boundary as JSON text (built by `crate::json`), which
//! keeps serde out of the wasm.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::hit::{self, Move};
use crate::chart::paint::{self, Surface, FONT_FAMILY};
use crate::chart::{self, Color, Mark, Measure, Scene, Theme, View, ViewKind};
use crate::describe;
use crate::i18n::{self, Lang, Msg};
use crate::json::{self, Json};
use crate::model::{self, Dataset, LoadError};

/// The tallest a board or list grows to fit its content, in CSS pixels.
const MAX_CONTENT_HEIGHT: f64 = 2400.0;

/// A validated dataset and the last view drawn of it.
#[wasm_bindgen]
pub struct Chart {
    dataset: Dataset,
    drawn: Option<(View, Scene)>,
    /// Text widths measured so far, kept across drawings (see `chart::Cached`).
    widths: chart::Widths,
    /// The last layout `contentHeight` made, so that the drawing with the same options does
    /// not lay the view out again (see [`Layout`]).
    laid_out: Option<Layout>,
}

/// A view laid out ahead of its drawing. The page lays out a large dataset's first view in one
/// task and draws it in the next: measuring its text (a `measureText` call per new word, and
/// Arabic words are slow to shape) and painting it in one task held the page for over 200 ms.
struct Layout {
    /// The options JSON it was made for: a drawing with other options lays out anew.
    options: String,
    /// What `contentHeight` answered.
    height: f64,
    /// The scene of a view that fills any height, ready to paint; boards and lists are laid
    /// out again at the height found (with every width already measured).
    scene: Option<Scene>,
}

#[wasm_bindgen]
impl Chart {
    /// Reads and validates the dataset's JSON text. The error says, in `lang`, whether the file
    /// is not JSON or not a valid dataset, and lists every problem with its JSON path.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str, lang: &str) -> Result<Chart, JsError> {
        let ui = Lang::from_tag(lang);
        match model::load(json) {
            Ok(dataset) => Ok(Chart {
                dataset,
                drawn: None,
                widths: chart::Widths::default(),
                laid_out: None,
            }),
            Err(LoadError::Syntax(e)) => Err(JsError::new(&i18n::tf(
                ui,
                Msg::ErrorJson,
                &[&e.to_string()],
            ))),
            Err(e) => Err(JsError::new(&format!(
                "{}\n{e}",
                i18n::t(ui, Msg::ErrorInvalid)
            ))),
        }
    }

    /// The dataset's default language, used when neither the element nor the page gives one.
    #[wasm_bindgen(getter, js_name = defaultLanguage)]
    pub fn default_language(&self) -> String {
        self.dataset.plan.default_language.clone()
    }

    /// Draws a view on `canvas` and returns its chrome as JSON: `{title, legend, source, dir,
    /// lang, points}` (the shim shows title, legend and source as HTML). `options` is JSON:
    /// `{view, series, hidden, from, to, lang, theme, colors, width, height}` with sizes in CSS
    /// pixels; the canvas's backing store is sized to `dpr` device pixels per CSS pixel, so the
    /// chart stays crisp on HiDPI screens.
    pub fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        options: &str,
        dpr: f64,
    ) -> Result<String, JsError> {
        let view = self.view_from(options)?;
        let scene = match self.laid_out.take() {
            Some(Layout {
                options: laid_out,
                scene: Some(scene),
                ..
            }) if laid_out == options => scene,
            _ => {
                let context = context_2d(canvas)?;
                chart::build(
                    &self.dataset,
                    &view,
                    &chart::Cached::new(CanvasMeasure(&context), &self.widths),
                )
                .map_err(|e| {
                    JsError::new(&i18n::tf(view.ui_lang(), Msg::ErrorView, &[&e.to_string()]))
                })?
            }
        };
        paint_on(canvas, &scene, dpr)?;
        let answer = chrome_json(&scene, &view);
        self.drawn = Some((view, scene));
        Ok(answer.to_string())
    }

    /// The height in CSS pixels that `options`' view needs at its width when its content flows
    /// downwards (status boards, progress lists): the page then sizes the chart to its content
    /// instead of cutting it or leaving a blank. Views that fill any height answer 0. Either
    /// way the view is laid out and kept for the drawing with the same options (see
    /// [`Layout`]), so the page can lay out in one task and draw in the next.
    #[wasm_bindgen(js_name = contentHeight)]
    pub fn content_height(
        &mut self,
        canvas: &HtmlCanvasElement,
        options: &str,
    ) -> Result<f64, JsError> {
        if let Some(layout) = self.laid_out.as_ref().filter(|l| l.options == options) {
            return Ok(layout.height);
        }
        let mut view = self.view_from(options)?;
        let context = context_2d(canvas)?;
        let measure = chart::Cached::new(CanvasMeasure(&context), &self.widths);
        let layout = if matches!(view.kind, ViewKind::Status | ViewKind::Progress) {
            // at most a couple of screens: past that the board says "+N" and the table has
            // every row (a 4,000 px board of 500 cards took a third of a second to lay out)
            view.height = MAX_CONTENT_HEIGHT;
            let scene = chart::build(&self.dataset, &view, &measure)
                .map_err(|e| JsError::new(&e.to_string()))?;
            let height = (scene.content_bottom() + 16.0).ceil();
            Layout {
                options: options.to_string(),
                height,
                scene: None,
            }
        } else {
            // a view that cannot be built says why when it is drawn
            let scene = chart::build(&self.dataset, &view, &measure).ok();
            Layout {
                options: options.to_string(),
                height: 0.0,
                scene,
            }
        };
        let height = layout.height;
        self.laid_out = Some(layout);
        Ok(height)
    }

    /// The summary of the last view drawn, in its language: the chart's accessible description.
    pub fn summary(&self) -> String {
        self.drawn
            .as_ref()
            .map(|(view, _)| describe::summary(&self.dataset, view))
            .unwrap_or_default()
    }

    /// The data of the last view drawn as a table, JSON: `{caption, header, columns: [{label,
    /// unit}], rows: [{header, cells: [{text, value, note, source, missing}]}]}`.
    pub fn table(&self) -> String {
        self.drawn
            .as_ref()
            .map(|(view, _)| describe::table(&self.dataset, view).to_json().to_string())
            .unwrap_or_default()
    }

    /// The data of the last view drawn as CSV (UTF-8 with a byte order mark), as the chart
    /// shows it: its series and years, without the series hidden in the legend.
    pub fn csv(&self) -> String {
        self.drawn
            .as_ref()
            .map(|(view, _)| describe::table(&self.dataset, view).to_csv())
            .unwrap_or_default()
    }

    /// All the data of the last view drawn as CSV: every year and every series of the view,
    /// hidden ones included, for readers who want more than the chart's window.
    #[wasm_bindgen(js_name = csvAll)]
    pub fn csv_all(&self) -> String {
        self.drawn
            .as_ref()
            .map(|(view, _)| {
                let mut all = view.clone();
                all.from = None;
                all.to = None;
                all.hidden.clear();
                describe::table(&self.dataset, &all).to_csv()
            })
            .unwrap_or_default()
    }

    /// The sources, notes and conflicts behind the last view drawn, JSON: `{sources: [{key,
    /// title, publisher, date, url, note}], notes: [{text, about}], conflicts: [text],
    /// dataset}`; `url` is only ever an http(s) address. Empty before the first draw.
    pub fn sources(&self) -> String {
        self.drawn
            .as_ref()
            .map(|(view, scene)| {
                describe::sources(&self.dataset, view, scene)
                    .to_json()
                    .to_string()
            })
            .unwrap_or_default()
    }

    /// Draws `options`' view as an image to download on `canvas` (which need not be in the
    /// page) at `dpr` pixels per CSS pixel: title, legend and source line drawn in, with the
    /// data's date, and taller than the widget's chart by the room they take (see
    /// `chart::export`). Returns its size in CSS pixels as JSON `{width, height}`.
    pub fn image(
        &self,
        canvas: &HtmlCanvasElement,
        options: &str,
        dpr: f64,
    ) -> Result<String, JsError> {
        let context = context_2d(canvas)?;
        let scene = self.export(
            options,
            &chart::Cached::new(CanvasMeasure(&context), &self.widths),
        )?;
        paint_on(canvas, &scene, dpr)?;
        let size = json::object([
            ("width", scene.width.into()),
            ("height", scene.height.into()),
        ]);
        Ok(size.to_string())
    }

    /// The same image as SVG: plotters' SVG backend painting the same scene as the command
    /// line's `--out x.svg`, with text measured by this browser's canvas (so the layout fits
    /// the fonts the reader has; the command line measures its embedded fonts).
    pub fn svg(&self, options: &str) -> Result<String, JsError> {
        let context = context_2d(&scratch_canvas()?)?;
        let scene = self.export(
            options,
            &chart::Cached::new(CanvasMeasure(&context), &self.widths),
        )?;
        chart::svg(&scene).map_err(|e| JsError::new(&format!("drawing failed: {e}")))
    }

    /// The index of the datum under (x, y) in CSS pixels, within `radius`, or -1.
    pub fn hit(&self, x: f64, y: f64, radius: f64) -> i32 {
        self.scene()
            .and_then(|s| hit::nearest(s, x, y, radius))
            .map_or(-1, |i| i as i32)
    }

    /// Where the focus goes from datum `from` (-1: none yet) for a `KeyboardEvent.key`; -1
    /// when the key is not a navigation key.
    pub fn step(&self, from: i32, key: &str) -> i32 {
        let (Some(scene), Some(m)) = (self.scene(), Move::from_key(key)) else {
            return -1;
        };
        let from = usize::try_from(from).ok();
        hit::step(scene, from, m).map_or(-1, |i| i as i32)
    }

    /// The number of data drawn.
    #[wasm_bindgen(getter)]
    pub fn count(&self) -> usize {
        self.scene().map_or(0, |s| s.targets.len())
    }

    /// What to say about datum `index` as JSON (`heading`, `value`, `when`, `lines`, `note`,
    /// `source`, `data`, `sentence`), or `undefined`.
    pub fn details(&self, index: usize) -> Option<String> {
        let (view, scene) = self.drawn.as_ref()?;
        let target = scene.targets.get(index)?;
        let d = describe::details(&self.dataset, view, target.datum)?;
        let mut out = d.to_json();
        if let Json::Object(members) = &mut out {
            members.push(("sentence".into(), d.sentence(view.ui_lang()).into()));
            let place = [target.x, target.y, target.w, target.h];
            let place = Json::Array(place.into_iter().map(Json::from).collect());
            members.push(("box".into(), place));
        }
        Some(out.to_string())
    }

    /// Draws the hover highlight (or, with `focus`, the keyboard focus ring) of datum `index`
    /// on the transparent `overlay` canvas laid over the chart; -1 clears it. The chart itself
    /// is never redrawn for hover or focus.
    pub fn highlight(
        &self,
        overlay: &HtmlCanvasElement,
        index: i32,
        focus: bool,
        dpr: f64,
    ) -> Result<(), JsError> {
        let Some((view, scene)) = &self.drawn else {
            return Ok(());
        };
        let target = usize::try_from(index)
            .ok()
            .and_then(|i| scene.targets.get(i));
        let marks = target.map_or_else(Vec::new, |t| ring_marks(t, &view.theme, focus));
        let overlay_scene = Scene {
            width: scene.width,
            height: scene.height,
            background: Color::TRANSPARENT,
            marks,
            targets: Vec::new(),
            plot: scene.plot,
            chrome: Default::default(),
        };
        paint_on(overlay, &overlay_scene, dpr)
    }
}

impl Chart {
    fn scene(&self) -> Option<&Scene> {
        self.drawn.as_ref().map(|(_, s)| s)
    }

    /// The scene of `options`' view as an exported image (`chart::export`).
    fn export(&self, options: &str, measure: &dyn Measure) -> Result<Scene, JsError> {
        let view = self.view_from(options)?;
        let view = chart::export::view(&self.dataset, &view, measure);
        chart::build(&self.dataset, &view, measure)
            .map_err(|e| JsError::new(&i18n::tf(view.ui_lang(), Msg::ErrorView, &[&e.to_string()])))
    }

    /// Reads the shim's options; unknown or malformed options fall back to defaults, except an
    /// unknown view, which the reader should hear about.
    fn view_from(&self, options: &str) -> Result<View, JsError> {
        let o = json::parse(options).map_err(|e| JsError::new(&e.to_string()))?;
        let text = |key: &str| match o.get(key) {
            Some(Json::String(s)) => s.trim().to_string(),
            _ => String::new(),
        };
        let number = |key: &str| match o.get(key) {
            Some(Json::Number(n)) if n.is_finite() => Some(*n),
            _ => None,
        };
        let list = |key: &str| -> Vec<String> {
            text(key)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let name = text("view");
        let name = if name.is_empty() { "series" } else { &name };
        let kind = ViewKind::from_name(name).ok_or_else(|| {
            JsError::new(&format!(
                "unknown view \"{name}\" (one of: {})",
                ViewKind::NAMES.join(", ")
            ))
        })?;
        let width = number("width").unwrap_or(600.0).clamp(200.0, 4000.0);
        let height = number("height").unwrap_or(360.0).clamp(150.0, 4000.0);
        let mut view = View::new(kind, width, height);
        view.series = list("series");
        view.hidden = list("hidden");
        view.from = number("from").map(|y| y as i32);
        view.to = number("to").map(|y| y as i32);
        let lang = text("lang");
        view.lang = if lang.is_empty() {
            self.dataset.plan.default_language.clone()
        } else {
            lang
        };
        view.theme = Theme::by_name(&text("theme")).unwrap_or_else(Theme::light);
        if let Some(colors) = o.get("colors") {
            view.theme.apply_css(colors);
        }
        view.decorate = matches!(o.get("decorate"), Some(Json::Bool(true)));
        view.x_rtl = text("xDirection") == "rtl";
        view.lang = with_digits(&view.lang, &text("digits"));
        Ok(view)
    }
}

/// The language tag with the digits the host asked for: "arab" adds the Unicode extension
/// "-u-nu-arab" (Arabic-Indic digits, honoured for Arabic only), "latn" removes it; anything
/// else keeps the tag as it is (a page's `lang="ar-u-nu-arab"` works too).
fn with_digits(tag: &str, digits: &str) -> String {
    let base = tag
        .to_ascii_lowercase()
        .replace("-u-nu-arab", "")
        .replace("-u-nu-latn", "");
    match digits {
        "arab" => format!("{base}-u-nu-arab"),
        "latn" => base,
        _ => tag.to_string(),
    }
}

/// A number as the charts write it for `lang` (a BCP 47 tag, "-u-nu-arab" for Arabic-Indic
/// digits), with at most `decimals` decimals: for host pages that print figures beside a chart.
#[wasm_bindgen(js_name = formatNumber)]
pub fn format_number(value: f64, lang: &str, decimals: usize) -> String {
    i18n::format_number(value, i18n::Locale::from_tag(lang), decimals)
}

/// A date ("2016", "2019-05", "2016-08-25") as the charts write it for `lang`; an invalid date
/// comes back as it was given.
#[wasm_bindgen(js_name = formatDate)]
pub fn format_date(date: &str, lang: &str, abbreviate: bool) -> String {
    match crate::model::Date::parse(date) {
        Ok(d) => i18n::format_date(&d, i18n::Locale::from_tag(lang), abbreviate),
        Err(_) => date.to_string(),
    }
}

/// The widget's own words, for the shim's messages (loading, retry, errors), in `lang`.
#[wasm_bindgen(js_name = uiText)]
pub fn ui_text(lang: &str, key: &str, args: Vec<String>) -> String {
    let msg = match key {
        "loading" => Msg::Loading,
        "retry" => Msg::Retry,
        "error" => Msg::ErrorTitle,
        "network" => Msg::ErrorNetwork,
        "http" => Msg::ErrorHttp,
        "html" => Msg::ErrorHtml,
        "help" => Msg::KeyboardHelp,
        "show-table" => Msg::ShowTable,
        "show-chart" => Msg::ShowChart,
        "language" => Msg::Language,
        "timeout" => Msg::ErrorTimeout,
        _ => return menu_text(lang, key, &args),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    i18n::tf(Lang::from_tag(lang), msg, &args)
}

/// The words of the widget's menu and its panels (downloads, sources, embedding).
fn menu_text(lang: &str, key: &str, args: &[String]) -> String {
    let msg = match key {
        "menu" => Msg::Menu,
        "png" => Msg::MenuPng,
        "svg" => Msg::MenuSvg,
        "csv-shown" => Msg::MenuCsvShown,
        "csv-all" => Msg::MenuCsvAll,
        "sources" => Msg::MenuSources,
        "embed" => Msg::MenuEmbed,
        "close" => Msg::Close,
        "copy" => Msg::Copy,
        "copied" => Msg::Copied,
        "copy-failed" => Msg::CopyFailed,
        "image-saved" => Msg::ImageSaved,
        "alt-text" => Msg::AltText,
        "notes" => Msg::Notes,
        "conflicts" => Msg::Conflicts,
        "no-sources" => Msg::NoSources,
        "embed-hint" => Msg::EmbedHint,
        "embed-sri" => Msg::EmbedSri,
        "embed-no-sri" => Msg::EmbedNoSri,
        "embed-builder" => Msg::EmbedBuilder,
        "embed-code" => Msg::EmbedCode,
        "the-data" => Msg::TheData,
        _ => return String::new(),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    i18n::tf(Lang::from_tag(lang), msg, &args)
}

/// The chrome of a drawn scene, as the shim needs it.
fn chrome_json(scene: &Scene, view: &View) -> Json {
    let legend = scene
        .chrome
        .legend
        .iter()
        .map(|item| {
            json::object([
                ("id", item.id.as_str().into()),
                ("label", item.label.as_str().into()),
                ("color", item.color.css().into()),
                ("shape", item.shape.name().into()),
                ("dashed", Json::Bool(item.dash.is_some())),
                ("hidden", Json::Bool(item.hidden)),
            ])
        })
        .collect();
    let dir = if view.ui_lang().is_rtl() {
        "rtl"
    } else {
        "ltr"
    };
    json::object([
        ("title", scene.chrome.title.as_str().into()),
        ("legend", Json::Array(legend)),
        ("source", scene.chrome.source.as_str().into()),
        ("dir", dir.into()),
        ("lang", view.text_lang().into()),
        ("points", (scene.targets.len() as f64).into()),
        ("background", view.theme.background.css().into()),
    ])
}

/// The ring drawn around a hovered or focused datum: a halo in the background colour under a
/// ring in the text colour, visible on any mark (3:1 against both).
fn ring_marks(t: &chart::Target, theme: &Theme, focus: bool) -> Vec<Mark> {
    let width = if focus { 3.0 } else { 2.0 };
    if t.w > 0.0 {
        let rect = |grow: f64, color: Color| Mark::Rect {
            x: t.x - t.w / 2.0 - grow,
            y: t.y - t.h / 2.0 - grow,
            w: t.w + 2.0 * grow,
            h: t.h + 2.0 * grow,
            fill: None,
            stroke: Some(color),
        };
        let mut marks = vec![rect(1.0, theme.background), rect(2.0, theme.text)];
        if focus {
            marks.push(rect(3.0, theme.text));
        }
        return marks;
    }
    let ring = |r: f64, color: Color, w: f64| Mark::Ring {
        x: t.x,
        y: t.y,
        r,
        color,
        width: w,
    };
    vec![
        ring(8.0, theme.background, width + 2.0),
        ring(8.0, theme.text, width),
    ]
}

/// Sizes `canvas`'s backing store for `dpr` and paints `scene` on it.
fn paint_on(canvas: &HtmlCanvasElement, scene: &Scene, dpr: f64) -> Result<(), JsError> {
    let dpr = if dpr.is_finite() {
        dpr.clamp(1.0, 4.0)
    } else {
        1.0
    };
    // setting the size also clears the canvas
    canvas.set_width((scene.width * dpr).round() as u32);
    canvas.set_height((scene.height * dpr).round() as u32);
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    let surface = Surface {
        scale: dpr,
        font_scale: 1.0,
        family: FONT_FAMILY,
    };
    paint::paint(&mut backend, scene, surface)
        .map_err(|e| JsError::new(&format!("drawing failed: {e}")))
}

/// A canvas outside the page, for measuring text where nothing is drawn (the SVG export).
fn scratch_canvas() -> Result<HtmlCanvasElement, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| JsError::new("no canvas to measure text with"))
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))
}

/// Measures text with the canvas's own font engine: exact widths, and no layout of the host
/// page involved (plotters' own measurement inserts a span into the host's body, which
/// inherits the host's CSS).
struct CanvasMeasure<'a>(&'a CanvasRenderingContext2d);

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let weight = if bold { "bold " } else { "" };
        self.0.set_font(&format!("{weight}{size}px {FONT_FAMILY}"));
        self.0.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}
