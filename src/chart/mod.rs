//! Charts: from a dataset and a [`View`] to a [`Scene`], and from a scene to pixels.

mod axes;
pub mod export;
mod frame;
pub mod hit;
pub mod measure;
mod overview;
pub mod paint;
mod progress;
mod rating;
pub mod scale;
pub mod scene;
mod series;
mod status;
pub mod theme;
mod timeline;

use std::fmt;

use crate::i18n::{self, Locale, Msg};
use crate::model::Dataset;
pub use measure::{Cached, Estimate, Measure, Widths};
pub use scene::{Chrome, Color, Datum, LegendItem, Mark, Scene, Target};
pub use theme::Theme;

/// The kinds of chart a widget can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// Indicators over the years.
    Series,
    /// An ordinal rating (the TIP tier) year by year.
    Rating,
    /// Recommendations or commitments as a board by status.
    Status,
    /// Commitments by axis, as bars of progress with their target dates.
    Progress,
    /// Milestones on a time axis.
    Timeline,
    /// A compact dashboard of the other views.
    Overview,
}

impl ViewKind {
    pub const NAMES: [&'static str; 6] = [
        "series", "rating", "status", "progress", "timeline", "overview",
    ];
    /// Every view kind, in the order of [`ViewKind::NAMES`].
    pub const ALL: [ViewKind; 6] = [
        ViewKind::Series,
        ViewKind::Rating,
        ViewKind::Status,
        ViewKind::Progress,
        ViewKind::Timeline,
        ViewKind::Overview,
    ];

    pub fn from_name(name: &str) -> Option<ViewKind> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// What to show and how: the dataset is drawn through a view.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub kind: ViewKind,
    /// Ids of the indicators (series view) or the rating (rating view); empty = the default.
    pub series: Vec<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The reader's language, a BCP 47 tag ("ar", "fr-MA").
    pub lang: String,
    pub theme: Theme,
    pub width: f64,
    pub height: f64,
    /// Draw the title, legend and source line into the image (exports, the command line);
    /// the widget shows them as HTML instead.
    pub decorate: bool,
    /// Series the reader switched off in the legend (ids).
    pub hidden: Vec<String>,
    /// Time runs right to left on the series, rating and timeline views (`x-direction="rtl"`).
    /// Off by default in every language: see "Arabic" in the README for why.
    pub x_rtl: bool,
    /// Digits chosen apart from the language tag (the command line's `--digits`); `None`: what
    /// the tag says ("ar-u-nu-arab" asks for Arabic-Indic ones).
    pub digits: Option<i18n::Digits>,
    /// Said after the source line ("Data updated: 29 November 2026"): an image that leaves
    /// the page keeps the date of its data (see [`export`]); the widget's own chart has none.
    pub footnote: Option<String>,
}

impl View {
    pub fn new(kind: ViewKind, width: f64, height: f64) -> View {
        View {
            kind,
            series: Vec::new(),
            from: None,
            to: None,
            lang: "en".into(),
            theme: Theme::light(),
            width,
            height,
            decorate: true,
            hidden: Vec::new(),
            x_rtl: false,
            digits: None,
            footnote: None,
        }
    }

    /// The widget language (for its own strings) with its digits (for numbers, years and
    /// dates): "ar-MA-u-nu-arab" is Arabic with Arabic-Indic digits.
    pub fn ui_lang(&self) -> Locale {
        let locale = Locale::from_tag(&self.lang);
        match self.digits {
            Some(digits) => Locale::new(locale.lang, digits),
            None => locale,
        }
    }

    /// The language code used to pick dataset text.
    pub fn text_lang(&self) -> &str {
        self.lang.split(['-', '_']).next().unwrap_or("en")
    }

    fn shows_year(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// Why a view cannot be drawn from a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// A requested series id is not in the dataset.
    UnknownSeries(String),
    /// The dataset has nothing this view can show.
    NothingToShow(&'static str),
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewError::UnknownSeries(id) => write!(f, "the dataset has no series \"{id}\""),
            ViewError::NothingToShow(what) => write!(f, "the dataset has no {what} to show"),
        }
    }
}

impl std::error::Error for ViewError {}

/// Builds the scene of `view` over `dataset`, measuring text with `measure`.
pub fn build(dataset: &Dataset, view: &View, measure: &dyn Measure) -> Result<Scene, ViewError> {
    match view.kind {
        ViewKind::Series => series::build(dataset, view, measure),
        ViewKind::Rating => rating::build(dataset, view, measure),
        ViewKind::Status => status::build(dataset, view, measure),
        ViewKind::Progress => progress::build(dataset, view, measure),
        ViewKind::Timeline => timeline::build(dataset, view, measure),
        ViewKind::Overview => overview::build(dataset, view, measure),
    }
}

/// "Sources: A; B; C" for the given source keys, naming each publisher once, in order of use.
fn source_line<'a>(dataset: &Dataset, view: &View, keys: impl Iterator<Item = &'a str>) -> String {
    let lang = view.text_lang();
    let mut publishers: Vec<&str> = Vec::new();
    for key in keys {
        if let Some(source) = dataset.source(key) {
            let name = dataset.text(&source.publisher, lang);
            if !publishers.contains(&name) {
                publishers.push(name);
            }
        }
    }
    // each name isolated (U+2068 ... U+2069), so that Latin names in an Arabic line keep
    // their own order and the separators stay between them
    let ui = view.ui_lang();
    let separator = if ui.is_rtl() { "؛ " } else { "; " };
    let names: Vec<String> = publishers
        .iter()
        .map(|p| format!("\u{2068}{p}\u{2069}"))
        .collect();
    let line = format!("{} {}", i18n::t(ui, Msg::Sources), names.join(separator));
    match &view.footnote {
        Some(note) => format!("{line} · {note}"),
        None => line,
    }
}

/// Paints a scene as an SVG document with plotters' SVG backend: the command line's `--out
/// x.svg`, and the widget's "Download SVG" (the browser measures the text, the drawing code is
/// the same).
pub fn svg(scene: &Scene) -> Result<String, String> {
    let mut out = String::new();
    {
        let size = (scene.width.round() as u32, scene.height.round() as u32);
        let mut backend = plotters_svg::SVGBackend::with_string(&mut out, size);
        paint::paint(&mut backend, scene, paint::Surface::SVG).map_err(|e| e.to_string())?;
    }
    Ok(out)
}
