//! Painting a scene on any plotters backend: the SVG backend (the command line, the snapshots
//! and the widget's SVG download), the canvas backend in the browser. The same marks reach both,
//! so a native SVG snapshot checks what readers see.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};

use super::scene::{Align, Baseline, Color, Mark, Scene, Shape};

/// How a scene maps onto a backend's pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surface<'a> {
    /// Backend pixels per CSS pixel: the device pixel ratio on a canvas, 1 for SVG.
    pub scale: f64,
    /// Correction of font sizes: the SVG backend writes `size / 1.24` as the font size, as
    /// plotters' SVG backend does.
    pub font_scale: f64,
    /// CSS font family list.
    pub family: &'a str,
}

impl Surface<'_> {
    /// The SVG backend: one pixel per CSS pixel, font sizes corrected, the system font stack.
    pub const SVG: Surface<'static> = Surface {
        scale: 1.0,
        font_scale: 1.24,
        family: FONT_FAMILY,
    };
}

/// A system font stack that covers Latin and Arabic on every platform, so embeds never wait
/// for a web font (canvas text drawn before a web font loads is never re-laid out).
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, Arial, sans-serif";

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

struct TextStyle<'a> {
    color: BackendColor,
    size: f64,
    bold: bool,
    anchor: Pos,
    family: &'a str,
}

impl BackendTextStyle for TextStyle<'_> {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    /// Only used by backends that rasterise text themselves, which we never use: the SVG and
    /// canvas backends hand text to the viewer or browser, which shapes Arabic correctly.
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let w = (text.chars().count() as f64 * self.size * 0.55) as i32;
        Ok(((0, 0), (w, self.size as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

fn color(c: Color) -> BackendColor {
    BackendColor {
        alpha: c.a,
        rgb: (c.r, c.g, c.b),
    }
}

/// Paints every mark of `scene` on `db`.
pub fn paint<DB: DrawingBackend>(
    db: &mut DB,
    scene: &Scene,
    surface: Surface,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    db.draw_rect(
        surface.at(0.0, 0.0),
        surface.at(scene.width, scene.height),
        &surface.stroke(scene.background, 1.0),
        true,
    )?;
    for mark in &scene.marks {
        surface.mark(db, mark)?;
    }
    db.present()
}

/// Scene coordinates, colours and widths as the surface's backend takes them.
impl Surface<'_> {
    fn at(&self, x: f64, y: f64) -> BackendCoord {
        let s = self.scale;
        ((x * s).round() as i32, (y * s).round() as i32)
    }

    fn stroke(&self, c: Color, w: f64) -> Stroke {
        Stroke {
            color: color(c),
            width: (w * self.scale).round().max(1.0) as u32,
        }
    }

    fn mark<DB: DrawingBackend>(
        &self,
        db: &mut DB,
        mark: &Mark,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let s = self.scale;
        match mark {
            Mark::Line {
                points,
                color,
                width,
                dash,
            } => self.line(db, points, self.stroke(*color, *width), *dash),
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke: edge,
            } => {
                let (a, b) = (self.at(*x, *y), self.at(x + w, y + h));
                if let Some(f) = fill {
                    db.draw_rect(a, b, &self.stroke(*f, 1.0), true)?;
                }
                match edge {
                    Some(e) => db.draw_rect(a, b, &self.stroke(*e, 1.0), false),
                    None => Ok(()),
                }
            }
            Mark::Marker {
                x,
                y,
                size,
                shape,
                fill,
                stroke: edge,
            } => marker(
                db,
                (x * s, y * s),
                size * s,
                *shape,
                color(*fill),
                self.stroke(*edge, 1.0),
            ),
            Mark::Ring {
                x,
                y,
                r,
                color: c,
                width,
            } => {
                let radius = (r * s).round().max(1.0) as u32;
                db.draw_circle(self.at(*x, *y), radius, &self.stroke(*c, *width), false)
            }
            Mark::Text {
                x,
                y,
                text,
                size,
                bold,
                color: c,
                align,
                baseline,
            } => {
                let style = TextStyle {
                    color: color(*c),
                    size: size * s * self.font_scale,
                    bold: *bold,
                    anchor: anchor(*align, *baseline),
                    family: self.family,
                };
                db.draw_text(text, &style, self.at(*x, *y))
            }
        }
    }

    /// A polyline, cut into dashes when `dash` is (on, off).
    fn line<DB: DrawingBackend>(
        &self,
        db: &mut DB,
        points: &[(f64, f64)],
        style: Stroke,
        dash: Option<(f64, f64)>,
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let pieces = match dash {
            Some((on, off)) => dashes(points, on, off),
            None => vec![points.to_vec()],
        };
        for piece in pieces {
            if let [a, b] = piece[..] {
                db.draw_line(self.at(a.0, a.1), self.at(b.0, b.1), &style)?;
            } else {
                db.draw_path(piece.iter().map(|p| self.at(p.0, p.1)), &style)?;
            }
        }
        Ok(())
    }
}

fn anchor(align: Align, baseline: Baseline) -> Pos {
    let h = match align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let v = match baseline {
        Baseline::Top => VPos::Top,
        Baseline::Middle => VPos::Center,
        Baseline::Bottom => VPos::Bottom,
    };
    Pos::new(h, v)
}

/// Draws a filled marker with an outline in the background colour, so that markers stay
/// visible where lines cross. Coordinates are already in backend pixels.
fn marker<DB: DrawingBackend>(
    db: &mut DB,
    (x, y): (f64, f64),
    size: f64,
    shape: Shape,
    fill: BackendColor,
    edge: Stroke,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let r = size / 2.0;
    let p = |dx: f64, dy: f64| ((x + dx).round() as i32, (y + dy).round() as i32);
    let fill = Stroke {
        color: fill,
        width: 1,
    };
    let outline: Vec<BackendCoord> = match shape {
        Shape::Circle => {
            db.draw_circle(p(0.0, 0.0), r.round() as u32, &fill, true)?;
            return db.draw_circle(p(0.0, 0.0), r.round() as u32, &edge, false);
        }
        Shape::Square => {
            let r = r * 0.9;
            vec![p(-r, -r), p(r, -r), p(r, r), p(-r, r)]
        }
        Shape::Triangle => vec![p(0.0, -r * 1.15), p(r * 1.1, r * 0.8), p(-r * 1.1, r * 0.8)],
        Shape::Diamond => vec![
            p(0.0, -r * 1.2),
            p(r * 1.2, 0.0),
            p(0.0, r * 1.2),
            p(-r * 1.2, 0.0),
        ],
    };
    db.fill_polygon(outline.clone(), &fill)?;
    let mut closed = outline.clone();
    closed.push(outline[0]);
    db.draw_path(closed, &edge)
}

/// Cuts a polyline into dashes of length `on` separated by gaps of length `off` (the backends
/// have no dash style of their own).
fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut drawing = true;
    let mut left = on;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let length = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let mut done = 0.0;
        if drawing && current.is_empty() {
            current.push(a);
        }
        while length - done > left {
            done += left;
            let t = done / length;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if drawing {
                current.push(p);
                out.push(std::mem::take(&mut current));
            } else {
                current.push(p);
            }
            drawing = !drawing;
            left = if drawing { on } else { off };
        }
        left -= length - done;
        if drawing {
            current.push(b);
        }
    }
    if drawing && current.len() > 1 {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_alternate_along_the_line() {
        let d = dashes(&[(0.0, 0.0), (20.0, 0.0)], 6.0, 4.0);
        let spans: Vec<(f64, f64)> = d.iter().map(|p| (p[0].0, p.last().unwrap().0)).collect();
        assert_eq!(spans, [(0.0, 6.0), (10.0, 16.0)]);
        // dashes follow corners
        let d = dashes(&[(0.0, 0.0), (4.0, 0.0), (4.0, 4.0)], 6.0, 2.0);
        assert_eq!(d[0], [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0)]);
    }
}
