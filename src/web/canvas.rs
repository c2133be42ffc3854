//! A plotters drawing backend on an HTML canvas, for the marks the charts draw (lines, paths,
//! rectangles, circles, polygons, text), in backend pixels.
//!
//! Instead of plotters-canvas: that crate writes every colour as `rgba(r,g,b,a)` text with the
//! standard library's float formatting (and the font size too), which alone weighs about a
//! tenth of the widget's wasm. Here colours are `#rrggbb` with the opacity set as
//! `globalAlpha`, and sizes are written with `decimal::short`. Like plotters-canvas, lines that
//! run straight across or down are moved half a pixel so that they stay sharp.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::decimal;

/// A canvas and its 2D context.
pub struct Canvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

/// What went wrong while drawing: the browser's refusal, as text.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl Canvas {
    /// The canvas's 2D context, or `None` where the canvas has none.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas { canvas, context })
    }

    /// Sets the colour (with its opacity) that the next fill or stroke uses.
    fn color(&self, color: BackendColor, fill: bool) {
        let (r, g, b) = color.rgb;
        let css = hex(r, g, b);
        if fill {
            self.context.set_fill_style_str(&css);
        } else {
            self.context.set_stroke_style_str(&css);
        }
        self.context.set_global_alpha(color.alpha);
    }

    fn stroke_style(&self, style: &impl BackendStyle) {
        self.color(style.color(), false);
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    /// Traces a path through `points`, closed or not.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        self.context.begin_path();
        let mut points = points.into_iter();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
        if close {
            self.context.close_path();
        }
    }
}

/// `#rrggbb`.
fn hex(r: u8, g: u8, b: u8) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(7);
    out.push('#');
    for byte in [r, g, b] {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    out
}

/// A CSS font: weight, size in pixels, family.
pub fn font(bold: bool, size: f64, family: &str) -> String {
    let weight = if bold { "bold " } else { "" };
    format!("{weight}{}px {family}", decimal::short(size))
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        self.color(color, true);
        self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        // a line straight across or down, half a pixel over, covers whole pixels
        let shift = |a: i32, b: i32| if a == b { -0.5 } else { 0.0 };
        let (dx, dy) = (shift(from.0, to.0), shift(from.1, to.1));
        self.stroke_style(style);
        self.context.begin_path();
        self.context
            .move_to(f64::from(from.0) + dx, f64::from(from.1) + dy);
        self.context
            .line_to(f64::from(to.0) + dx, f64::from(to.1) + dy);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let (x, y, w, h) = (
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
        if fill {
            self.color(style.color(), true);
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke_style(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        self.stroke_style(style);
        self.trace(path, false);
        self.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        self.color(style.color(), true);
        self.trace(path, true);
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.context.begin_path();
        let full = std::f64::consts::TAU;
        let traced = self
            .context
            .arc(f64::from(x), f64::from(y), f64::from(radius), 0.0, full);
        traced.map_err(|_| DrawingErrorKind::DrawingError(CanvasError("arc".into())))?;
        if fill {
            self.color(style.color(), true);
            self.context.fill();
        } else {
            self.stroke_style(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        let anchor = style.anchor();
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        // left and right, not start and end: those would follow the page's direction
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.color(style.color(), true);
        let bold = matches!(style.style(), plotters_backend::FontStyle::Bold);
        self.context
            .set_font(&font(bold, style.size(), style.family().as_str()));
        self.context
            .fill_text(text, f64::from(x), f64::from(y))
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError("text".into())))
    }
}
