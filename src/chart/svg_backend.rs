//! The SVG backend that [`super::paint`] draws on for every SVG the crate writes (the command
//! line's `--out x.svg`, the snapshots, the PNG's source and the widget's "Download SVG").
//!
//! It writes what plotters' own SVG backend (plotters-svg 0.3.7) writes, byte for byte, for the
//! marks a scene has; but its numbers go through [`crate::decimal`], whereas plotters-svg
//! writes colour opacities and font sizes with `{}` on an `f64`, which brings the standard
//! library's float formatting (about 20 KB) into the widget's wasm.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

use crate::decimal;

/// Writing into a `String` cannot fail; the type only fills the backend's error slot.
type Error = std::fmt::Error;

/// Result of a drawing call.
type Drawn = Result<(), DrawingErrorKind<Error>>;

/// Plotters' SVG font sizes: it writes `size / 1.24` ([`super::paint::Surface::SVG`] multiplies
/// by it first), kept so that the files written stay as they were.
const FONT_SIZE_DIVISOR: f64 = 1.24;

/// An SVG document of `size` pixels written into `out`; closed by `present`.
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgBackend<'a> {
    /// Opens the document (`<svg width=… height=… viewBox=…>`) in `out`.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let mut backend = SvgBackend {
            out,
            size,
            closed: false,
        };
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let view_box = format!("0 0 {w} {h}");
        backend.open(
            "svg",
            &[
                ("width", &w),
                ("height", &h),
                ("viewBox", &view_box),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ],
        );
        backend.out.push_str(">\n");
        backend
    }

    /// `<tag key="value"…` with each value escaped, left open for `/>` or `>`.
    fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(self.out, value);
            self.out.push('"');
        }
    }

    /// A whole element without content.
    fn element(&mut self, tag: &str, attributes: &[(&str, &str)]) -> Drawn {
        self.open(tag, attributes);
        self.out.push_str("/>\n");
        Ok(())
    }

    /// A polyline of `width` through `points` ("x,y x,y "), or with `filled` the polygon it
    /// closes, filled.
    fn through(&mut self, points: &str, color: BackendColor, width: u32, filled: bool) -> Drawn {
        let Some(opacity) = opacity(color) else {
            return Ok(());
        };
        let color = hex(color);
        if filled {
            let attributes = [("opacity", &*opacity), ("fill", &color), ("points", points)];
            return self.element("polygon", &attributes);
        }
        self.element(
            "polyline",
            &[
                ("fill", "none"),
                ("opacity", &opacity),
                ("stroke", &color),
                ("stroke-width", &width.to_string()),
                ("points", points),
            ],
        )
    }
}

/// `text` with the five XML special characters escaped, appended to `out`.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

/// The opacity written for `color` ("0.35", "1"); `None` for a transparent colour, which is
/// not drawn at all.
fn opacity(color: BackendColor) -> Option<String> {
    (color.alpha != 0.0).then(|| decimal::shortest(color.alpha))
}

/// "#1F77B4".
fn hex(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// "x,y x,y " (with the trailing space plotters writes).
fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter().fold(String::new(), |mut s, (x, y)| {
        s.push_str(&format!("{x},{y} "));
        s
    })
}

/// How a shape of `color` is painted, filled or outlined: its opacity, fill and stroke (the
/// colour in one, "none" in the other); `None` for a transparent colour.
fn painted(color: BackendColor, fill: bool) -> Option<[String; 3]> {
    let opacity = opacity(color)?;
    Some(if fill {
        [opacity, hex(color), "none".into()]
    } else {
        [opacity, "none".into(), hex(color)]
    })
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        let Some(opacity) = opacity(color) else {
            return Ok(());
        };
        let (x, y) = (x.to_string(), y.to_string());
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", "1"),
                ("height", "1"),
                ("stroke", "none"),
                ("opacity", &opacity),
                ("fill", &hex(color)),
            ],
        )
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Drawn {
        let color = s.color();
        let Some(opacity) = opacity(color) else {
            return Ok(());
        };
        let [x1, y1, x2, y2] = [from.0, from.1, to.0, to.1].map(|n| n.to_string());
        self.element(
            "line",
            &[
                ("opacity", &opacity),
                ("stroke", &hex(color)),
                ("stroke-width", &s.stroke_width().to_string()),
                ("x1", &x1),
                ("y1", &y1),
                ("x2", &x2),
                ("y2", &y2),
            ],
        )
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let Some([opacity, fill, stroke]) = painted(s.color(), fill) else {
            return Ok(());
        };
        let (w, h) = (bottom_right.0 - upper_left.0, bottom_right.1 - upper_left.1);
        let [x, y, w, h] = [upper_left.0, upper_left.1, w, h].map(|n| n.to_string());
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", &w),
                ("height", &h),
                ("opacity", &opacity),
                ("fill", &fill),
                ("stroke", &stroke),
            ],
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        self.through(&points(path), s.color(), s.stroke_width(), false)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let Some([opacity, fill, stroke]) = painted(s.color(), fill) else {
            return Ok(());
        };
        let [cx, cy] = [center.0, center.1].map(|n| n.to_string());
        self.element(
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", &radius.to_string()),
                ("opacity", &opacity),
                ("fill", &fill),
                ("stroke", &stroke),
                ("stroke-width", &s.stroke_width().to_string()),
            ],
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        self.through(&points(path), s.color(), s.stroke_width(), true)
    }

    /// Text as plotters writes it: anchored by `text-anchor` and a `dy` shift, unrotated (the
    /// painter never rotates text).
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, (x, y): BackendCoord) -> Drawn {
        let color = s.color();
        let Some(opacity) = opacity(color) else {
            return Ok(());
        };
        let anchor = match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match s.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let (x, y) = (x.to_string(), y.to_string());
        let family = s.family();
        let size = decimal::shortest(s.size() / FONT_SIZE_DIVISOR);
        let mut attributes = vec![
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", size.as_str()),
            ("opacity", opacity.as_str()),
        ];
        let fill = hex(color);
        attributes.push(("fill", fill.as_str()));
        let style = s.style();
        match &style {
            FontStyle::Normal => {}
            FontStyle::Bold => attributes.push(("font-weight", "bold")),
            other => attributes.push(("font-style", other.as_str())),
        }
        self.open("text", &attributes);
        self.out.push_str(">\n");
        escape_into(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::text_anchor::Pos;
    use plotters_backend::FontFamily;

    struct Style(BackendColor);

    impl BackendStyle for Style {
        fn color(&self) -> BackendColor {
            self.0
        }
        fn stroke_width(&self) -> u32 {
            2
        }
    }

    impl BackendTextStyle for Style {
        type FontError = std::fmt::Error;
        fn color(&self) -> BackendColor {
            self.0
        }
        fn size(&self) -> f64 {
            12.0 * 1.24
        }
        fn anchor(&self) -> Pos {
            Pos::new(HPos::Center, VPos::Top)
        }
        fn family(&self) -> FontFamily<'_> {
            FontFamily::Name("'Noto Sans', sans-serif")
        }
        fn style(&self) -> FontStyle {
            FontStyle::Bold
        }
        fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
            Ok(((0, 0), (0, 0)))
        }
        fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
            &self,
            _: &str,
            _: BackendCoord,
            _: F,
        ) -> Result<Result<(), E>, Self::FontError> {
            Ok(Ok(()))
        }
    }

    /// Every kind of call, on any backend.
    fn draw_all<DB: DrawingBackend>(b: &mut DB) {
        let half = Style(BackendColor {
            alpha: 0.35,
            rgb: (31, 119, 180),
        });
        let hidden = Style(BackendColor {
            alpha: 0.0,
            rgb: (0, 0, 0),
        });
        for style in [&half, &hidden] {
            b.draw_pixel((3, 4), style.0).unwrap();
            b.draw_rect((1, 2), (11, 22), style, true).unwrap();
            b.draw_rect((1, 2), (11, 22), style, false).unwrap();
            b.draw_line((0, 0), (5, -5), style).unwrap();
            b.draw_path([(0, 0), (1, 1)], style).unwrap();
            b.fill_polygon([(0, 0), (1, 1), (2, 0)], style).unwrap();
            b.draw_circle((5, 6), 3, style, false).unwrap();
            b.draw_circle((5, 6), 3, style, true).unwrap();
            b.draw_text("a < \"b\" & 'c'", style, (7, 8)).unwrap();
        }
        b.present().unwrap();
        b.present().unwrap();
    }

    #[test]
    fn writes_what_plotters_svg_writes() {
        let (mut mine, mut theirs) = (String::new(), String::new());
        draw_all(&mut SvgBackend::new(&mut mine, (300, 200)));
        draw_all(&mut plotters_svg::SVGBackend::with_string(
            &mut theirs,
            (300, 200),
        ));
        assert_eq!(mine, theirs);
        assert!(mine.contains(" opacity=\"0.35\" ") && mine.contains("&apos;Noto Sans&apos;"));
    }
}
