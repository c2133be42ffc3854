//! Colours for light and dark pages.

use super::scene::{Color, Shape};
use crate::json::Json;

fn item_color(item: &Json) -> Option<Color> {
    match item {
        Json::String(s) => Color::parse_css(s),
        _ => None,
    }
}

/// The colours of one theme. Series colours are chosen dark enough on the light background
/// and light enough on the dark one for marks to stand out (WCAG 1.4.11 asks 3:1).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: Color,
    pub text: Color,
    pub muted: Color,
    pub grid: Color,
    pub axis: Color,
    pub series: [Color; 6],
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: Color::hex(0xffffff),
            text: Color::hex(0x1a1a1a),
            muted: Color::hex(0x595959),
            grid: Color::hex(0xe4e4e4),
            axis: Color::hex(0x767676),
            series: [
                Color::hex(0x1f5fa6),
                Color::hex(0xb8431b),
                Color::hex(0x1b7352),
                Color::hex(0x7a4fa3),
                Color::hex(0x8a6100),
                Color::hex(0xad2f6b),
            ],
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: Color::hex(0x16191d),
            text: Color::hex(0xf0f0f0),
            muted: Color::hex(0xb4b4b4),
            grid: Color::hex(0x30353b),
            axis: Color::hex(0x8c8c8c),
            series: [
                Color::hex(0x7fb2ff),
                Color::hex(0xff9a6b),
                Color::hex(0x5fd3a1),
                Color::hex(0xc9a2ff),
                Color::hex(0xf2c14e),
                Color::hex(0xff8fc0),
            ],
        }
    }

    pub fn by_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::light()),
            "dark" => Some(Theme::dark()),
            _ => None,
        }
    }

    /// Applies the host page's colours (read from its CSS custom properties by the widget):
    /// `{"background": "#fff", "text": …, "muted": …, "grid": …, "axis": …, "series": [...]}`.
    /// A colour that does not parse keeps the theme's own.
    pub fn apply_css(&mut self, colors: &Json) {
        let parse = |key: &str| match colors.get(key) {
            Some(Json::String(s)) => Color::parse_css(s),
            _ => None,
        };
        for (key, slot) in [
            ("background", &mut self.background),
            ("text", &mut self.text),
            ("muted", &mut self.muted),
            ("grid", &mut self.grid),
            ("axis", &mut self.axis),
        ] {
            if let Some(c) = parse(key) {
                *slot = c;
            }
        }
        if let Some(Json::Array(items)) = colors.get("series") {
            for (slot, item) in self.series.iter_mut().zip(items) {
                if let Some(c) = item_color(item) {
                    *slot = c;
                }
            }
        }
    }

    /// The colour, marker and dash of the `i`-th series: three cues, not colour alone.
    pub fn series_style(&self, i: usize) -> (Color, Shape, Option<(f64, f64)>) {
        const SHAPES: [Shape; 4] = [
            Shape::Circle,
            Shape::Square,
            Shape::Triangle,
            Shape::Diamond,
        ];
        const DASHES: [Option<(f64, f64)>; 3] = [None, Some((6.0, 3.0)), Some((2.0, 3.0))];
        (
            self.series[i % self.series.len()],
            SHAPES[i % SHAPES.len()],
            DASHES[i % DASHES.len()],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_colours_override_the_theme() {
        let mut t = Theme::light();
        let css = crate::json::parse(
            r##"{"background": "#000000", "text": "nonsense", "series": ["", "#ff0000"]}"##,
        )
        .unwrap();
        t.apply_css(&css);
        assert_eq!(t.background, Color::hex(0x000000));
        assert_eq!(
            t.text,
            Theme::light().text,
            "unparsable colours are ignored"
        );
        assert_eq!(t.series[0], Theme::light().series[0]);
        assert_eq!(t.series[1], Color::hex(0xff0000));
    }
}
