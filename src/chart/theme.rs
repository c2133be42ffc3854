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
    /// Behind the chart; also the outline of markers, so that they stay visible where lines cross.
    pub background: Color,
    /// Titles, labels and values, and the hover and focus rings; at least 4.5:1 against the
    /// background.
    pub text: Color,
    /// Secondary text (tick labels, notes, the source line) and the status board's unknown column;
    /// at least 4.5:1 against the background.
    pub muted: Color,
    /// Grid lines, the tracks of progress bars, the rules between overview panels and the swatch of
    /// a series switched off: faint on purpose, held to no contrast ratio.
    pub grid: Color,
    /// Axis lines and the timeline's rail and ticks; at least 3:1 against the background.
    pub axis: Color,
    /// The colours of the first six series, in order (the seventh starts over); each at least 3:1
    /// against the background. The status board takes the first three for its known statuses.
    pub series: [Color; 6],
    /// The fills of a scale's levels in a comparison, best to worst: blue to red, which readers
    /// with red-green colour blindness tell apart too; a scale of another size takes colours
    /// between them ([`Theme::level_color`]). Each at least 3:1 against the background, with
    /// letters on it in the text or background colour, whichever reads better (4.5:1 or more).
    pub levels: [Color; 4],
}

impl Theme {
    /// The theme for light pages: near-black text on white.
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
            levels: [
                Color::hex(0x1d5a9e),
                Color::hex(0x4a8bcc),
                Color::hex(0xd2762e),
                Color::hex(0xa8281e),
            ],
        }
    }

    /// The theme for dark pages: near-white text on near-black.
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
            levels: [
                Color::hex(0x6aa8ec),
                Color::hex(0xb5d3f2),
                Color::hex(0xf4b27a),
                Color::hex(0xf07a64),
            ],
        }
    }

    /// The theme a page names in `theme="…"` (`light` or `dark`); `None` for any other name, which
    /// leaves the light theme.
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
        for (key, slots) in [
            ("series", &mut self.series[..]),
            ("levels", &mut self.levels[..]),
        ] {
            if let Some(Json::Array(items)) = colors.get(key) {
                for (slot, item) in slots.iter_mut().zip(items) {
                    if let Some(c) = item_color(item) {
                        *slot = c;
                    }
                }
            }
        }
    }

    /// The fill of level `i` (0 = best) of a scale of `n` levels: [`Theme::levels`] for four,
    /// colours between them for other sizes.
    pub fn level_color(&self, i: usize, n: usize) -> Color {
        let t = if n > 1 {
            i as f64 * 3.0 / (n - 1) as f64
        } else {
            0.0
        };
        let k = (t.floor() as usize).min(2);
        let (a, b, f) = (self.levels[k], self.levels[k + 1], t - k as f64);
        let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
        Color {
            r: mix(a.r, b.r),
            g: mix(a.g, b.g),
            b: mix(a.b, b.b),
            a: 1.0,
        }
    }

    /// The colour of letters on `fill`: the text's or the background's, whichever contrasts
    /// more with it.
    pub fn ink_on(&self, fill: Color) -> Color {
        if contrast(self.text, fill) >= contrast(self.background, fill) {
            self.text
        } else {
            self.background
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

/// WCAG 2.x relative luminance of an opaque sRGB colour.
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// WCAG 2.x contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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

/// WCAG 2.x contrast of the themes' colours against their background: text 4.5:1 (success
/// criterion 1.4.3), marks and the axis 3:1 (1.4.11).
#[cfg(test)]
mod contrast {
    use super::*;

    fn ratio(a: Color, b: Color) -> f64 {
        contrast(a, b)
    }

    /// `c` at its alpha over an opaque `under`, as a canvas or an SVG viewer composites it.
    fn over(c: Color, under: Color) -> Color {
        let mix = |a: u8, b: u8| (c.a * f64::from(a) + (1.0 - c.a) * f64::from(b)).round() as u8;
        Color::hex(
            (u32::from(mix(c.r, under.r)) << 16)
                | (u32::from(mix(c.g, under.g)) << 8)
                | u32::from(mix(c.b, under.b)),
        )
    }

    fn themes() -> [(&'static str, Theme); 2] {
        [("light", Theme::light()), ("dark", Theme::dark())]
    }

    /// (what, colour, against, least ratio) for every pair a theme must pass.
    fn pairs(t: &Theme) -> Vec<(String, Color, Color, f64)> {
        let bg = t.background;
        let mut pairs = vec![
            ("text".to_string(), t.text, bg, 4.5),
            ("muted".to_string(), t.muted, bg, 4.5),
            ("axis".to_string(), t.axis, bg, 3.0),
        ];
        for (i, c) in t.series.iter().enumerate() {
            pairs.push((format!("series[{i}]"), *c, bg, 3.0));
        }
        // the status board: each status colour on the background (column rules, card edges);
        // on its card (a 10 % tint of it), its edge and the card's text and note
        let statuses = [t.series[0], t.series[1], t.series[2], t.muted];
        for (i, c) in statuses.iter().enumerate() {
            let card = over(Color { a: 0.1, ..*c }, bg);
            pairs.push((format!("status {i}"), *c, bg, 3.0));
            pairs.push((format!("status {i} edge on its card"), *c, card, 3.0));
            pairs.push((format!("text on status {i} card"), t.text, card, 4.5));
            pairs.push((format!("muted on status {i} card"), t.muted, card, 4.5));
        }
        // a comparison's cells: each level against the background, its letters on it
        for (i, c) in t.levels.iter().enumerate() {
            pairs.push((format!("level {i}"), *c, bg, 3.0));
            pairs.push((format!("letters on level {i}"), t.ink_on(*c), *c, 4.5));
        }
        pairs
    }

    #[test]
    fn formula_matches_known_values() {
        let (black, white) = (Color::hex(0x000000), Color::hex(0xffffff));
        assert!((ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes 4.5:1 on white
        assert!((ratio(Color::hex(0x767676), white) - 4.54).abs() < 0.01);
        assert!(ratio(Color::hex(0x777777), white) < 4.5);
        assert_eq!(over(Color { a: 0.5, ..black }, white), Color::hex(0x808080));
    }

    #[test]
    fn text_marks_and_statuses_are_readable_in_both_themes() {
        for (name, theme) in themes() {
            let mut failures = Vec::new();
            let mut lowest: Option<(String, f64)> = None;
            for (what, c, against, least) in pairs(&theme) {
                let r = ratio(c, against);
                if r < least {
                    failures.push(format!("{what}: {r:.2}:1 < {least}:1"));
                }
                if lowest.as_ref().is_none_or(|(_, l)| r < *l) {
                    lowest = Some((what, r));
                }
            }
            if let Some((what, r)) = lowest {
                eprintln!("{name}: lowest contrast {r:.2}:1 ({what})");
            }
            assert!(failures.is_empty(), "{name}: {failures:?}");
        }
    }
}
