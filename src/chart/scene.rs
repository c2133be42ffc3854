//! The scene: everything a view draws, at pixel positions, before any backend is involved.
//!
//! Building a scene is plain arithmetic on the dataset, so it is tested natively; painting it
//! (`paint.rs`) is the only step that talks to plotters. The scene also keeps the data points'
//! pixel positions, so hover and keyboard focus can find a point without redrawing anything.

/// An sRGB colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
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

    pub fn css(&self) -> String {
        if self.a >= 1.0 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            format!("rgba({},{},{},{})", self.r, self.g, self.b, self.a)
        }
    }
}

/// Horizontal anchor of a text mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Vertical anchor of a text mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// Marker shapes, so that series differ by more than colour (WCAG 1.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// One drawn thing. Coordinates are CSS pixels from the top left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A polyline; `dash` = (on, off) lengths for dashed lines.
    Line {
        points: Vec<(f64, f64)>,
        color: Color,
        width: f64,
        dash: Option<(f64, f64)>,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    Marker {
        x: f64,
        y: f64,
        size: f64,
        shape: Shape,
        fill: Color,
        stroke: Color,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        bold: bool,
        color: Color,
        align: Align,
        baseline: Baseline,
    },
}

/// A data point as drawn: where it is and which datum it shows, for hover and focus.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub x: f64,
    pub y: f64,
    /// Index of the series (indicator or rating) among those shown.
    pub series: usize,
    /// Index of the point within its series in the dataset.
    pub point: usize,
}

/// A view, ready to paint.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub background: Color,
    pub marks: Vec<Mark>,
    /// Data points in reading order (series by series, year by year).
    pub targets: Vec<Target>,
    /// The plot area (x, y, w, h), for overlays.
    pub plot: (f64, f64, f64, f64),
}

impl Scene {
    /// Every text drawn, in order: what a snapshot or a screen-reader check compares.
    pub fn texts(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}
