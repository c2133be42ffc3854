//! The scene: everything a view draws, at pixel positions, before any backend is involved.
//!
//! Building a scene is plain arithmetic on the dataset, so it is tested natively; painting it
//! (`paint.rs`) is the only step that talks to plotters. The scene also keeps the data points'
//! pixel positions, so hover and keyboard focus can find a point without redrawing anything.

use crate::json::{self, Json};

/// An sRGB colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red, 0 to 255.
    pub r: u8,
    /// Green, 0 to 255.
    pub g: u8,
    /// Blue, 0 to 255.
    pub b: u8,
    /// Opacity, from 0 (transparent) to 1 (opaque).
    pub a: f64,
}

impl Color {
    /// `0xRRGGBB`, opaque.
    pub const fn hex(rgb: u32) -> Color {
        Color {
            r: (rgb >> 16) as u8,
            g: (rgb >> 8) as u8,
            b: rgb as u8,
            a: 1.0,
        }
    }

    /// Nothing at all: the background of the hover overlay, which must not hide the chart under it.
    pub const TRANSPARENT: Color = Color {
        r: 0,
        g: 0,
        b: 0,
        a: 0.0,
    };

    /// Reads a CSS colour as a host page writes it in a custom property: `#rgb`, `#rrggbb`,
    /// `rgb(r, g, b)` or `rgba(r, g, b, a)`. Anything else (named colours, `var()`) is `None`,
    /// and the theme's own colour stays.
    pub fn parse_css(text: &str) -> Option<Color> {
        let t = text.trim();
        if let Some(hex) = t.strip_prefix('#') {
            let digits: Vec<u8> = hex
                .chars()
                .map(|c| c.to_digit(16).map(|d| d as u8))
                .collect::<Option<_>>()?;
            return match digits[..] {
                [r, g, b] => Some(Color::hex(
                    u32::from(r * 17) << 16 | u32::from(g * 17) << 8 | u32::from(b * 17),
                )),
                [r1, r0, g1, g0, b1, b0] => Some(Color {
                    r: r1 * 16 + r0,
                    g: g1 * 16 + g0,
                    b: b1 * 16 + b0,
                    a: 1.0,
                }),
                _ => None,
            };
        }
        let inner = t
            .strip_prefix("rgba(")
            .or_else(|| t.strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let parts: Vec<f64> = inner
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .map(crate::decimal::parse)
            .collect::<Option<_>>()?;
        let channel = |v: f64| crate::order::clamp(v, 0.0, 255.0).round() as u8;
        match parts[..] {
            [r, g, b] => Some(Color {
                r: channel(r),
                g: channel(g),
                b: channel(b),
                a: 1.0,
            }),
            [r, g, b, a] => Some(Color {
                r: channel(r),
                g: channel(g),
                b: channel(b),
                a: crate::order::clamp(a, 0.0, 1.0),
            }),
            _ => None,
        }
    }

    /// The colour as CSS writes it: `#rrggbb` when opaque, `rgba(r,g,b,a)` otherwise; for the
    /// script's legend and the page's background.
    pub fn css(&self) -> String {
        if self.a >= 1.0 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            let alpha = crate::decimal::short(self.a);
            format!("rgba({},{},{},{alpha})", self.r, self.g, self.b)
        }
    }
}

/// Horizontal anchor of a text mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The text starts at `x`.
    Left,
    /// The text is centred on `x`.
    Center,
    /// The text ends at `x`.
    Right,
}

/// Vertical anchor of a text mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    /// `y` is the top of the text.
    Top,
    /// `y` is the middle of the text.
    Middle,
    /// `y` is the bottom of the text.
    Bottom,
}

/// Marker shapes, so that series differ by more than colour (WCAG 1.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A disc: the first series' marker, and the timeline's.
    Circle,
    /// A square: the second series' marker.
    Square,
    /// A triangle, point up: the third series' marker.
    Triangle,
    /// A diamond: the fourth series' marker (the fifth starts over with the disc).
    Diamond,
}

impl Shape {
    /// The shape's name for the legend the widget hands to its script (the legend buttons draw
    /// the same marker).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Square => "square",
            Shape::Triangle => "triangle",
            Shape::Diamond => "diamond",
        }
    }
}

/// One drawn thing. Coordinates are CSS pixels from the top left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A polyline; `dash` = (on, off) lengths for dashed lines.
    Line {
        /// The vertices in order, in CSS pixels.
        points: Vec<(f64, f64)>,
        /// The stroke's colour.
        color: Color,
        /// The stroke's width, in CSS pixels.
        width: f64,
        /// `(on, off)` lengths of a dashed line, in CSS pixels; `None`: a solid line.
        dash: Option<(f64, f64)>,
    },
    /// A rectangle (bars, cards, bands, the ring around a hovered bar or card), filled, outlined or
    /// both.
    Rect {
        /// The left edge, in CSS pixels.
        x: f64,
        /// The top edge, in CSS pixels.
        y: f64,
        /// The width, in CSS pixels.
        w: f64,
        /// The height, in CSS pixels.
        h: f64,
        /// The inside's colour; `None`: not filled.
        fill: Option<Color>,
        /// The outline's colour (one CSS pixel wide); `None`: no outline.
        stroke: Option<Color>,
    },
    /// A data point's marker: a filled shape with an outline.
    Marker {
        /// The centre, in CSS pixels from the left.
        x: f64,
        /// The centre, in CSS pixels from the top.
        y: f64,
        /// How wide the marker is, in CSS pixels: a circle's diameter (the other shapes are drawn
        /// about as large).
        size: f64,
        /// Which shape, so that series differ by more than colour.
        shape: Shape,
        /// The inside's colour: the series'.
        fill: Color,
        /// The outline's colour: the views give the background's, so that markers stay visible
        /// where lines cross.
        stroke: Color,
    },
    /// An unfilled circle: the highlight and focus rings of the overlay.
    Ring {
        /// The centre, in CSS pixels from the left.
        x: f64,
        /// The centre, in CSS pixels from the top.
        y: f64,
        /// The radius, in CSS pixels.
        r: f64,
        /// The stroke's colour.
        color: Color,
        /// The stroke's width, in CSS pixels.
        width: f64,
    },
    /// One line of text, shaped by the browser or the SVG viewer (so Arabic joins), at the point
    /// `align` and `baseline` say.
    Text {
        /// Where the text is anchored across, in CSS pixels from the left (see `align`).
        x: f64,
        /// Where the text is anchored down, in CSS pixels from the top (see `baseline`).
        y: f64,
        /// The line as drawn, possibly inside a direction isolate (see [`without_isolate`]).
        text: String,
        /// The font size, in CSS pixels.
        size: f64,
        /// Bold (titles, headings) rather than regular.
        bold: bool,
        /// The text's colour.
        color: Color,
        /// Which end (or the middle) of the text sits at `x`.
        align: Align,
        /// Which edge (or the middle) of the text sits at `y`.
        baseline: Baseline,
    },
}

impl Mark {
    /// The same mark moved by (dx, dy): a panel put in its place on a board.
    pub fn translate(self, dx: f64, dy: f64) -> Mark {
        match self {
            Mark::Line {
                points,
                color,
                width,
                dash,
            } => Mark::Line {
                points: points.into_iter().map(|(x, y)| (x + dx, y + dy)).collect(),
                color,
                width,
                dash,
            },
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => Mark::Rect {
                x: x + dx,
                y: y + dy,
                w,
                h,
                fill,
                stroke,
            },
            Mark::Marker {
                x,
                y,
                size,
                shape,
                fill,
                stroke,
            } => Mark::Marker {
                x: x + dx,
                y: y + dy,
                size,
                shape,
                fill,
                stroke,
            },
            Mark::Ring {
                x,
                y,
                r,
                color,
                width,
            } => Mark::Ring {
                x: x + dx,
                y: y + dy,
                r,
                color,
                width,
            },
            Mark::Text {
                x,
                y,
                text,
                size,
                bold,
                color,
                align,
                baseline,
            } => Mark::Text {
                x: x + dx,
                y: y + dy,
                text,
                size,
                bold,
                color,
                align,
                baseline,
            },
        }
    }
}

/// What a drawn mark shows, as indices into the dataset: enough to build its tooltip, its
/// announcement and its `select` event without keeping any text in the scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datum {
    /// `dataset.indicators[indicator].points[point]`
    Figure {
        /// Index into `dataset.indicators`.
        indicator: usize,
        /// Index into that indicator's `points`.
        point: usize,
    },
    /// `dataset.ratings[rating].points[point]`
    Rated {
        /// Index into `dataset.ratings`.
        rating: usize,
        /// Index into that rating's `points`.
        point: usize,
    },
    /// The year `year` of `dataset.ratings[rating]` in a comparison: a cell of the compare view,
    /// which exists whether the rating has a point that year or not (a gap).
    Compared {
        /// Index into `dataset.ratings`.
        rating: usize,
        /// The year of the cell.
        year: i32,
    },
    /// `dataset.recommendations[list].items[item]`
    Recommendation {
        /// Index into `dataset.recommendations`.
        list: usize,
        /// Index into that list's `items` (in the file's order, whatever the item's rank).
        item: usize,
    },
    /// `dataset.commitments[index]`
    Commitment {
        /// Index into `dataset.commitments`.
        index: usize,
    },
    /// `dataset.milestones[index]`
    Milestone {
        /// Index into `dataset.milestones`.
        index: usize,
    },
}

impl Datum {
    /// The source keys behind one datum: the figure's or the level's; for a recommendation its
    /// report, its text, its assessment and the count of the list; for a commitment its text, its
    /// status, its progress and its axis.
    pub fn sources(self, dataset: &crate::model::Dataset) -> Vec<&str> {
        let datum = self;
        let mut keys: Vec<Option<&str>> = Vec::new();
        match datum {
            Datum::Figure { indicator, point } => {
                let p = dataset
                    .indicators
                    .get(indicator)
                    .and_then(|i| i.points.get(point));
                keys.push(p.and_then(|p| p.source.as_deref()));
            }
            Datum::Rated { rating, point } => {
                let p = dataset
                    .ratings
                    .get(rating)
                    .and_then(|r| r.points.get(point));
                keys.push(p.and_then(|p| p.source.as_deref()));
            }
            Datum::Compared { rating, year } => {
                let p = dataset.ratings.get(rating).and_then(|r| r.at(year));
                keys.push(p.and_then(|p| p.source.as_deref()));
            }
            Datum::Recommendation { list, item } => {
                if let Some(l) = dataset.recommendations.get(list) {
                    keys.push(Some(&l.report));
                    if let Some(r) = l.items.get(item) {
                        keys.push(Some(&r.source));
                        keys.push(r.status.source.as_deref());
                    }
                    keys.push(l.declared_count_source.as_deref());
                }
            }
            Datum::Commitment { index } => {
                if let Some(c) = dataset.commitments.get(index) {
                    keys.push(c.source.as_deref());
                    keys.push(c.status.source.as_deref());
                    keys.push(c.progress_source.as_deref());
                    let axis = c.axis.as_deref();
                    let axis = dataset.axes.iter().find(|a| Some(a.id.as_str()) == axis);
                    keys.push(axis.map(|a| a.source.as_str()));
                }
            }
            Datum::Milestone { index } => {
                keys.push(dataset.milestones.get(index).map(|m| m.source.as_str()));
            }
        }
        keys.into_iter().flatten().collect()
    }
}

/// A datum as drawn: the centre of its mark and the size of the box that answers the pointer
/// (zero for a point, which answers by distance), for hover and keyboard focus.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The centre of the mark, in CSS pixels from the left.
    pub x: f64,
    /// The centre of the mark, in CSS pixels from the top.
    pub y: f64,
    /// The width of the box that answers the pointer, in CSS pixels; 0 for a point.
    pub w: f64,
    /// The height of the box that answers the pointer, in CSS pixels; 0 for a point.
    pub h: f64,
    /// Index of the series (or group, row, column) among those shown: Up and Down move
    /// between series, Left and Right within one.
    pub series: usize,
    /// What the mark shows: the key to its tooltip, announcement and `select` event.
    pub datum: Datum,
}

impl Target {
    /// A point-like target at (x, y).
    pub fn point(x: f64, y: f64, series: usize, datum: Datum) -> Target {
        Target {
            x,
            y,
            w: 0.0,
            h: 0.0,
            series,
            datum,
        }
    }

    /// The same target moved by (dx, dy).
    pub fn translate(self, dx: f64, dy: f64) -> Target {
        Target {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// One entry of a chart's legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// The id of the series it stands for (what the `series` attribute names).
    pub id: String,
    /// The series' label and unit, in the view's language, as the legend shows them.
    pub label: String,
    /// The series' colour.
    pub color: Color,
    /// The series' marker.
    pub shape: Shape,
    /// The series' dash, `(on, off)` in CSS pixels; `None`: a solid line.
    pub dash: Option<(f64, f64)>,
    /// Switched off by the reader: not drawn, still listed.
    pub hidden: bool,
}

/// The text around a chart: the widget shows it as HTML (crisp, selectable, translatable by the
/// browser, read by screen readers); exported images draw it in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chrome {
    /// The view's title, in the reader's language.
    pub title: String,
    /// One entry per series of a series view, hidden ones included; empty in the other views.
    pub legend: Vec<LegendItem>,
    /// The source line: "Sources:" with the publishers of the sources behind the view, each once,
    /// then the view's footnote if any.
    pub source: String,
}

/// `text` without the one direction isolate around it (U+2066, U+2067 or U+2068 ... U+2069),
/// as a reader reads it.
pub fn without_isolate(text: &str) -> &str {
    let mut chars = text.chars();
    match (chars.next(), chars.next_back()) {
        (Some('\u{2066}'..='\u{2068}'), Some('\u{2069}')) => chars.as_str(),
        _ => text,
    }
}

/// A view, ready to paint.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The width, in CSS pixels.
    pub width: f64,
    /// The height, in CSS pixels; a board or list fitted to its content is as tall as its content.
    pub height: f64,
    /// Painted under every mark: the theme's background, or transparent for the hover overlay.
    pub background: Color,
    /// What is drawn, in painting order (a later mark covers an earlier one).
    pub marks: Vec<Mark>,
    /// Data in reading order (series by series, year by year).
    pub targets: Vec<Target>,
    /// The plot area (x, y, w, h), for overlays.
    pub plot: (f64, f64, f64, f64),
    /// The box (x, y, w, h) of each series a reader follows across the chart, by
    /// [`Target::series`]: the overlay outlines the one of the datum hovered or focused (the
    /// compare view's rows); empty in the other views.
    pub bands: Vec<(f64, f64, f64, f64)>,
    /// The title, legend and source line: HTML around the chart in the widget, drawn into exported
    /// images.
    pub chrome: Chrome,
}

impl Scene {
    /// The lowest y that any mark reaches (text counted one line high): how tall a view
    /// whose content flows downwards (a board, a list of bars) needs to be.
    pub fn content_bottom(&self) -> f64 {
        self.marks
            .iter()
            .map(|m| match m {
                Mark::Line { points, width, .. } => {
                    points.iter().map(|p| p.1).fold(0.0, f64::max) + width / 2.0
                }
                Mark::Rect { y, h, .. } => y + h,
                Mark::Marker { y, size, .. } => y + size / 2.0,
                Mark::Ring { y, r, width, .. } => y + r + width / 2.0,
                Mark::Text {
                    y, size, baseline, ..
                } => match baseline {
                    Baseline::Top => y + size * 1.3,
                    Baseline::Middle => y + size * 0.65,
                    Baseline::Bottom => *y,
                },
            })
            .fold(0.0, f64::max)
    }

    /// What the page shows around the chart, as the widget's script reads it: `{title, legend:
    /// [{id, label, color, shape, dashed, hidden}], source, dir, lang, points, background,
    /// height}` (height in CSS pixels: a board's is its content's).
    pub fn chrome_json(&self, view: &super::View) -> Json {
        let mut legend = Vec::new();
        for item in &self.chrome.legend {
            legend.push(json::object([
                ("id", item.id.as_str().into()),
                ("label", item.label.as_str().into()),
                ("color", item.color.css().into()),
                ("shape", item.shape.name().into()),
                ("dashed", Json::Bool(item.dash.is_some())),
                ("hidden", Json::Bool(item.hidden)),
            ]));
        }
        let dir = if view.ui_lang().is_rtl() {
            "rtl"
        } else {
            "ltr"
        };
        json::object([
            ("title", self.chrome.title.as_str().into()),
            ("legend", Json::Array(legend)),
            ("source", self.chrome.source.as_str().into()),
            ("dir", dir.into()),
            ("lang", view.text_lang().into()),
            ("points", (self.targets.len() as f64).into()),
            ("background", view.theme.background.css().into()),
            ("height", self.height.into()),
        ])
    }

    /// Every text drawn, in order, without the direction isolates around it: what a test or
    /// a screen-reader check compares.
    pub fn texts(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(without_isolate(text)),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_css_colours() {
        assert_eq!(Color::parse_css(" #1f5fa6"), Some(Color::hex(0x1f5fa6)));
        assert_eq!(Color::parse_css("#fff"), Some(Color::hex(0xffffff)));
        assert_eq!(
            Color::parse_css("rgb(31, 95, 166)"),
            Some(Color::hex(0x1f5fa6))
        );
        assert_eq!(Color::parse_css("rgba(0,0,0,0.5)").map(|c| c.a), Some(0.5));
        assert_eq!(Color::parse_css("rgb(0 0 0 / 0.5)").map(|c| c.a), Some(0.5));
        for bad in [
            "",
            "red",
            "#12",
            "#gggggg",
            "rgb(1,2)",
            "var(--x)",
            "rgb(1,2,3",
        ] {
            assert_eq!(Color::parse_css(bad), None, "{bad}");
        }
        assert_eq!(Color::hex(0x1f5fa6).css(), "#1f5fa6");
    }
}
