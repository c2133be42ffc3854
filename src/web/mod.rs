//! The browser side: a dataset loaded once, laid out and painted on a canvas at the device pixel
//! ratio, and asked about by the page (what is under the pointer, what to say about it, where
//! the keyboard focus goes next).
//!
//! The custom element itself is JS (`www/plan-progress.js`): wasm-bindgen cannot define a class
//! that extends `HTMLElement`. The element owns the DOM and its events; every decision about the
//! data, the view and the words is taken natively (`chart`, `describe`, `i18n`), and this module
//! only marshals: JS values in and out ([`marshal`]), canvases, and errors as `Error`s whose
//! message is in the reader's language. Nothing here panics on data or DOM input.

mod canvas;
#[cfg(feature = "full")]
mod full;
mod marshal;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::hit::{self, Move};
use crate::chart::paint::{self, Surface, FONT_FAMILY};
use crate::chart::{self, Drawing, Measure, Scene, View};
use crate::describe;
use crate::i18n;
use crate::json::Json;
use crate::model::{self, Dataset};
use marshal::{from_js, to_js};

/// A dataset read and validated once, shared by every chart of the page drawn from it: widgets
/// with the same `src` do not read the same file again.
#[wasm_bindgen]
pub struct Data {
    dataset: Rc<Dataset>,
}

#[wasm_bindgen]
impl Data {
    /// Reads and validates the dataset's JSON text. The error says, in `lang`, whether the file
    /// is not JSON or not a valid dataset, and lists every problem with its JSON path.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str, lang: &str) -> Result<Data, JsError> {
        match model::load(json) {
            Ok(dataset) => Ok(Data {
                dataset: Rc::new(dataset),
            }),
            Err(e) => Err(JsError::new(&load_error(&e, lang))),
        }
    }

    /// The dataset's default language, used when neither the element nor the page gives one.
    #[wasm_bindgen(getter, js_name = defaultLanguage)]
    pub fn default_language(&self) -> String {
        self.dataset.plan.default_language.clone()
    }

    /// The dataset's title in `lang` (or its fallback).
    pub fn title(&self, lang: &str) -> String {
        let lang = lang.split(['-', '_']).next().unwrap_or(lang);
        self.dataset
            .text(&self.dataset.plan.title, lang)
            .to_string()
    }
}

/// One widget's chart of a shared dataset, and the view last laid out of it.
#[wasm_bindgen]
pub struct Chart {
    dataset: Rc<Dataset>,
    drawn: Option<(View, Drawing)>,
    /// Text widths measured so far, kept across drawings (see `chart::Cached`).
    widths: chart::Widths,
}

#[wasm_bindgen]
impl Chart {
    /// A chart of `data`, with nothing laid out yet.
    #[wasm_bindgen(constructor)]
    pub fn new(data: &Data) -> Chart {
        Chart {
            dataset: Rc::clone(&data.dataset),
            drawn: None,
            widths: chart::Widths::default(),
        }
    }

    /// Lays out the view that `options` asks for (see `View::from_options`), measuring its text
    /// on `canvas`, and returns what the page shows around it (see `Scene::chrome_json`). The
    /// next [`Chart::paint`] paints it. A view that cannot be drawn is an error in the reader's
    /// language, and leaves nothing laid out.
    pub fn layout(
        &mut self,
        canvas: &HtmlCanvasElement,
        options: &JsValue,
    ) -> Result<JsValue, JsError> {
        self.drawn = None;
        let view = self.view(options)?;
        let context = context_2d(canvas)?;
        let measure = chart::Cached::new(CanvasMeasure(&context), &self.widths);
        let drawing = chart::draw(&self.dataset, &view, &measure)
            .map_err(|e| JsError::new(&e.message(view.ui_lang())))?;
        let chrome = drawing.scene.chrome_json(&view);
        self.drawn = Some((view, drawing));
        Ok(to_js(&chrome))
    }

    /// Paints the view last laid out on `canvas`, whose backing store is sized to `dpr` device
    /// pixels per CSS pixel, so the chart stays crisp on HiDPI screens.
    pub fn paint(&self, canvas: &HtmlCanvasElement, dpr: f64) -> Result<(), JsError> {
        match &self.drawn {
            Some((_, drawing)) => paint_on(canvas, &drawing.scene, dpr),
            None => Ok(()),
        }
    }

    /// Whether the first drawing of `options`' view, after a read that took `read_ms`, is laid
    /// out in a task of its own before it is painted (see `View::lays_out_apart`).
    #[wasm_bindgen(js_name = laysOutApart)]
    pub fn lays_out_apart(&self, options: &JsValue, read_ms: f64) -> bool {
        self.view(options).is_ok_and(|v| v.lays_out_apart(read_ms))
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

    /// The number of data drawn; 0 when no view is laid out.
    #[wasm_bindgen(getter)]
    pub fn count(&self) -> usize {
        self.scene().map_or(0, |s| s.targets.len())
    }

    /// What to say about datum `index` (see `describe::Details::for_page`), or `null`.
    pub fn details(&self, index: usize) -> JsValue {
        let details = self.drawn.as_ref().and_then(|(view, drawing)| {
            let target = drawing.scene.targets.get(index)?;
            describe::Details::for_page(&self.dataset, view, target)
        });
        to_js(&details.unwrap_or(Json::Null))
    }

    /// Draws the hover highlight (or, with `focus`, the keyboard focus ring) of datum `index`
    /// on the transparent `overlay` canvas laid over the chart; -1 clears it.
    pub fn highlight(
        &self,
        overlay: &HtmlCanvasElement,
        index: i32,
        focus: bool,
        dpr: f64,
    ) -> Result<(), JsError> {
        let Some((view, drawing)) = &self.drawn else {
            return Ok(());
        };
        let index = usize::try_from(index).ok();
        let scene = hit::overlay(&drawing.scene, index, &view.theme, focus);
        paint_on(overlay, &scene, dpr)
    }
}

impl Chart {
    fn scene(&self) -> Option<&Scene> {
        self.drawn.as_ref().map(|(_, d)| &d.scene)
    }

    /// The view `options` asks for, or the reader's error.
    fn view(&self, options: &JsValue) -> Result<View, JsError> {
        View::from_options(&from_js(options), &self.dataset).map_err(|e| {
            let lang = match from_js(options).get("lang") {
                Some(Json::String(lang)) => i18n::Locale::from_tag(lang),
                _ => i18n::Locale::from_tag(&self.dataset.plan.default_language),
            };
            JsError::new(&e.message(lang))
        })
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

/// The widget's own words for the script's `key` (see `i18n::UI_KEYS`), in `lang`.
#[wasm_bindgen(js_name = uiText)]
pub fn ui_text(lang: &str, key: &str, args: Vec<String>) -> String {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    i18n::ui_text(lang, key, &args)
}

/// Why a dataset is not valid, in `lang`: every problem in words from the full module; the
/// first module, which holds no such words, says only that the full module will tell (the
/// widget's script then reads the file again with it).
fn load_error(error: &model::LoadError, lang: &str) -> String {
    #[cfg(feature = "full")]
    return crate::diagnostics::load_error(error, lang);
    #[cfg(not(feature = "full"))]
    {
        let _ = (error, lang);
        NOT_VALID.to_string()
    }
}

/// The first module's error for a dataset that is not valid (see [`load_error`]).
#[cfg(not(feature = "full"))]
const NOT_VALID: &str = "not a valid dataset: the full module says why";

/// Sizes `canvas`'s backing store for `dpr` and paints `scene` on it.
fn paint_on(canvas: &HtmlCanvasElement, scene: &Scene, dpr: f64) -> Result<(), JsError> {
    let dpr = if dpr.is_finite() {
        crate::order::clamp(dpr, 1.0, 4.0)
    } else {
        1.0
    };
    // setting the size also clears the canvas
    canvas.set_width((scene.width * dpr).round() as u32);
    canvas.set_height((scene.height * dpr).round() as u32);
    let mut backend = canvas::Canvas::new(canvas.clone())
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    let surface = Surface {
        scale: dpr,
        font_scale: 1.0,
        family: FONT_FAMILY,
    };
    paint::paint(&mut backend, scene, surface)
        .map_err(|e| JsError::new(&format!("drawing failed: {e}")))
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
        self.0.set_font(&canvas::font(bold, size, FONT_FAMILY));
        self.0.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}
