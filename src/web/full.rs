//! What the widget's full module adds to the first one (`web`, built with the `full` feature):
//! the summaries, the table and CSV, the sources panel, the image, SVG and still exports, the
//! builder's questions about a dataset, and the checker page's report. The widget's script
//! loads this module when a reader first uses one of them, or when the page is idle after the
//! first chart (see `www/element/loader.js`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::marshal::to_js;
use super::{context_2d, paint_on, CanvasMeasure, Chart, Data};
use crate::chart::{self, Measure, Scene, ViewKind};
use crate::describe;
use crate::diagnostics;
use crate::json::Json;
use crate::model;

#[wasm_bindgen]
impl Data {
    /// The ids a page may write in `series` for view `view` (a name), labelled in `lang`, and
    /// its default written out (see `chart::select::choices`): what the builder offers.
    pub fn choices(&self, view: &str, lang: &str) -> JsValue {
        let choices = ViewKind::from_name(view)
            .map(|kind| chart::select::choices(&self.dataset, kind, lang).to_json());
        to_js(&choices.unwrap_or(Json::Null))
    }

    /// The first and last year the dataset speaks of, `[first, last]`.
    pub fn years(&self) -> Vec<i32> {
        let (first, last) = self.dataset.years();
        vec![first, last]
    }
}

#[wasm_bindgen]
impl Chart {
    /// The summary of the view laid out, in its language: the chart's accessible description.
    pub fn summary(&self) -> String {
        self.drawn
            .as_ref()
            .map_or_else(String::new, |(view, drawing)| {
                describe::summary_of(&self.dataset, view, &drawing.selection)
            })
    }

    /// The data table of the view laid out (see `describe::Table::to_json`), or `null`.
    pub fn table(&self) -> JsValue {
        let table = self.drawn.as_ref().map(|(view, drawing)| {
            describe::table_of(&self.dataset, view, &drawing.selection).to_json()
        });
        to_js(&table.unwrap_or(Json::Null))
    }

    /// The data of the view laid out as CSV (UTF-8 with a byte order mark), as the chart shows
    /// it: its series and years, without the series hidden in the legend.
    pub fn csv(&self) -> String {
        self.drawn
            .as_ref()
            .map_or_else(String::new, |(view, drawing)| {
                describe::table_of(&self.dataset, view, &drawing.selection).to_csv()
            })
    }

    /// All the data of the view laid out as CSV: every year and every series of the view,
    /// hidden ones included, for readers who want more than the chart's window.
    #[wasm_bindgen(js_name = csvAll)]
    pub fn csv_all(&self) -> String {
        self.drawn.as_ref().map_or_else(String::new, |(view, _)| {
            describe::table(&self.dataset, &view.unfiltered()).to_csv()
        })
    }

    /// The sources, notes and conflicts behind the view laid out (see
    /// `describe::Sources::to_json`), or `null`.
    pub fn sources(&self) -> JsValue {
        let sources = self.drawn.as_ref().map(|(view, drawing)| {
            describe::sources(&self.dataset, view, &drawing.selection).to_json()
        });
        to_js(&sources.unwrap_or(Json::Null))
    }

    /// Draws `options`' view as an image to download on `canvas` (which need not be in the
    /// page) at `dpr` pixels per CSS pixel: title, legend and source line drawn in, with the
    /// data's date, and taller than the widget's chart by the room they take (see
    /// `chart::export`). Returns its size in CSS pixels, `{width, height}`.
    pub fn image(
        &self,
        canvas: &HtmlCanvasElement,
        options: &JsValue,
        dpr: f64,
    ) -> Result<JsValue, JsError> {
        let context = context_2d(canvas)?;
        let measure = chart::Cached::new(CanvasMeasure(&context), &self.widths);
        let scene = self.export(options, &measure)?;
        paint_on(canvas, &scene, dpr)?;
        let size = Json::Object(vec![
            ("width".into(), scene.width.into()),
            ("height".into(), scene.height.into()),
        ]);
        Ok(to_js(&size))
    }

    /// The same image as SVG: the crate's SVG backend painting the same scene as the command
    /// line's `--out x.svg`, with text measured by this browser's canvas (so the layout fits
    /// the fonts the reader has; the command line measures its embedded fonts).
    pub fn svg(&self, options: &JsValue) -> Result<String, JsError> {
        let context = context_2d(&scratch_canvas()?)?;
        let measure = chart::Cached::new(CanvasMeasure(&context), &self.widths);
        let scene = self.export(options, &measure)?;
        chart::svg(&scene).map_err(|e| JsError::new(&format!("drawing failed: {e}")))
    }

    /// The same SVG made small for an embed code's still picture (see
    /// `chart::export::compact_svg`).
    pub fn still(&self, options: &JsValue) -> Result<String, JsError> {
        self.svg(options)
            .map(|svg| chart::export::compact_svg(&svg))
    }
}

impl Chart {
    /// The scene of `options`' view as an exported image (`chart::export`).
    fn export(&self, options: &JsValue, measure: &dyn Measure) -> Result<Scene, JsError> {
        let view = self.view(options)?;
        let view = chart::export::view(&self.dataset, &view, measure);
        chart::build(&self.dataset, &view, measure)
            .map_err(|e| JsError::new(&e.message(view.ui_lang())))
    }
}

/// The checker page's report of a file of `size` bytes that starts with `bytes` (see
/// `diagnostics::check`), its messages in `lang`.
#[wasm_bindgen]
pub fn check(bytes: &[u8], size: f64, lang: &str) -> JsValue {
    // a size beyond usize (or not a number) is past any limit
    let size = if size.is_finite() && size >= 0.0 {
        size as usize
    } else {
        usize::MAX
    };
    to_js(&diagnostics::check(bytes, size, lang))
}

/// The largest dataset accepted, in bytes (`model::MAX_FILE_BYTES`): how much of a file the
/// checker page reads at most (one byte more tells it is too large).
#[wasm_bindgen(js_name = maxFileBytes)]
pub fn max_file_bytes() -> usize {
    model::MAX_FILE_BYTES
}

/// A canvas outside the page, for measuring text where nothing is drawn (the SVG export).
fn scratch_canvas() -> Result<HtmlCanvasElement, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| JsError::new("no canvas to measure text with"))
}
