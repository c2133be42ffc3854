//! The browser side: a dataset loaded once, drawn on a canvas at the device pixel ratio.
//!
//! The custom element itself is a small JS shim (`www/plan-progress.js`): wasm-bindgen cannot
//! define a class that extends `HTMLElement`. It fetches the JSON text, hands it to
//! [`Chart::new`] and calls [`Chart::draw`] whenever the size, ratio or attributes change.
//! Nothing here panics on data or DOM input: every failure is returned to the shim as an
//! `Error` whose message the widget shows.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::paint::{self, Surface, FONT_FAMILY};
use crate::chart::{self, Measure, Theme, View, ViewKind};
use crate::model::{self, Dataset};

/// A validated dataset, ready to be drawn in any view.
#[wasm_bindgen]
pub struct Chart {
    dataset: Dataset,
}

#[wasm_bindgen]
impl Chart {
    /// Reads and validates the dataset's JSON text; the error lists every problem found.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Chart, JsError> {
        model::load(json)
            .map(|dataset| Chart { dataset })
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The dataset's default language, used when the page does not give one.
    #[wasm_bindgen(getter, js_name = defaultLanguage)]
    pub fn default_language(&self) -> String {
        self.dataset.plan.default_language.clone()
    }

    /// Draws `view` on `canvas` at `width` x `height` CSS pixels and `dpr` device pixels per CSS
    /// pixel: the canvas's backing store is sized here, so the chart stays crisp on HiDPI
    /// screens. Returns the number of data points drawn.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        view: &str,
        series: &str,
        from: Option<i32>,
        to: Option<i32>,
        lang: &str,
        theme: &str,
        width: f64,
        height: f64,
        dpr: f64,
    ) -> Result<usize, JsError> {
        let kind = ViewKind::from_name(view).ok_or_else(|| {
            JsError::new(&format!(
                "unknown view \"{view}\" (one of: {})",
                ViewKind::NAMES.join(", ")
            ))
        })?;
        let dpr = if dpr.is_finite() {
            dpr.clamp(1.0, 4.0)
        } else {
            1.0
        };
        let mut v = View::new(
            kind,
            width.clamp(100.0, 4000.0),
            height.clamp(100.0, 4000.0),
        );
        v.series = series
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        v.from = from;
        v.to = to;
        v.lang = if lang.is_empty() {
            self.dataset.plan.default_language.clone()
        } else {
            lang.to_string()
        };
        v.theme = Theme::by_name(theme).unwrap_or_else(Theme::light);

        let context = context_2d(canvas)?;
        let scene = chart::build(&self.dataset, &v, &CanvasMeasure(&context))
            .map_err(|e| JsError::new(&e.to_string()))?;
        canvas.set_width((v.width * dpr).round() as u32);
        canvas.set_height((v.height * dpr).round() as u32);
        let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
        let surface = Surface {
            scale: dpr,
            font_scale: 1.0,
            family: FONT_FAMILY,
        };
        paint::paint(&mut backend, &scene, surface)
            .map_err(|e| JsError::new(&format!("drawing failed: {e}")))?;
        Ok(scene.targets.len())
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))
}

/// Measures text with the canvas's own font engine: exact widths, no layout of the host page
/// involved (plotters' own measurement inserts a span into the host's body, which inherits the
/// host's CSS).
struct CanvasMeasure<'a>(&'a CanvasRenderingContext2d);

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let weight = if bold { "bold " } else { "" };
        self.0.set_font(&format!("{weight}{size}px {FONT_FAMILY}"));
        self.0.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}
