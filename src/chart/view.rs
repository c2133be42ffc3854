//! What to show and how: the view kinds, a [`View`] (kind, data asked for, years, language,
//! theme, size), the options a page gives and the defaults that fill what it leaves out, and
//! why a view cannot be drawn, in the reader's language.
//!
//! The widget's script hands its attributes over as they are ([`View::from_options`]); every
//! default (the view, the height for a width, the language) is decided here, natively tested,
//! and nowhere else.

use std::fmt;

use super::frame::NARROW_BELOW;
use super::theme::Theme;
use crate::i18n::{self, Digits, Locale, Msg};
use crate::json::Json;
use crate::model::Dataset;

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
    /// Several subjects' ratings on one shared scale, year by year, as a grid.
    Compare,
}

/// A height that follows the chart's width: `narrow` below `narrow_below`, else the width
/// times `ratio` kept within `min..=max`. The widget's script reserves the same height before
/// the wasm arrives (`www/generated/defaults.js`, written from [`ViewKind::HEIGHTS`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeightRule {
    /// The width, in CSS pixels, below which the chart is `narrow` tall (its columns stack); 0 for
    /// a chart that never stacks.
    pub narrow_below: f64,
    /// The height below `narrow_below`, in CSS pixels.
    pub narrow: f64,
    /// The height per unit of width from `narrow_below` on.
    pub ratio: f64,
    /// The least height from `narrow_below` on, in CSS pixels.
    pub min: f64,
    /// The most height from `narrow_below` on, in CSS pixels.
    pub max: f64,
}

impl HeightRule {
    /// The height for a chart `width` CSS pixels wide.
    pub fn at(&self, width: f64) -> f64 {
        if width < self.narrow_below {
            self.narrow
        } else {
            crate::order::clamp(width * self.ratio, self.min, self.max).round()
        }
    }
}

/// The narrowest a chart may be, in CSS pixels, whatever a page asks.
pub const MIN_WIDTH: f64 = 200.0;
/// The widest and tallest a chart may be, in CSS pixels, whatever a page asks.
pub const MAX_SIZE: f64 = 4000.0;
/// The shortest a chart may be, in CSS pixels, whatever a page asks.
pub const MIN_HEIGHT: f64 = 150.0;
/// A read of a dataset slower than this, in milliseconds, gets its first drawing laid out and
/// painted in tasks of their own (see [`View::lays_out_apart`]).
pub const SLOW_READ_MS: f64 = 30.0;
/// The width assumed when the page gives none.
const DEFAULT_WIDTH: f64 = 600.0;

impl ViewKind {
    /// The names a page writes in `view="…"`.
    pub const NAMES: [&'static str; 7] = [
        "series", "rating", "status", "progress", "timeline", "overview", "compare",
    ];
    /// Every view kind, in the order of [`ViewKind::NAMES`].
    pub const ALL: [ViewKind; 7] = [
        ViewKind::Series,
        ViewKind::Rating,
        ViewKind::Status,
        ViewKind::Progress,
        ViewKind::Timeline,
        ViewKind::Overview,
        ViewKind::Compare,
    ];
    /// The default height of each kind, in the order of [`ViewKind::ALL`]: a line chart about
    /// half as tall as wide; boards and lists (which then grow to their content) and the
    /// timeline taller where their columns stack, from the widths at which they stack
    /// (`status.rs`, `progress.rs`, `timeline.rs`); the overview's four panels in a column on
    /// narrow screens; the comparison's grid as `data/neighbours.json` draws it (seven subjects
    /// over 25 years, turned below about 660 px: see `compare.rs`), which then takes the height
    /// of its rows.
    pub const HEIGHTS: [HeightRule; 7] = [
        HeightRule::wide(0.55, 260.0, 420.0),
        HeightRule::wide(0.55, 260.0, 420.0),
        HeightRule::fixed(NARROW_BELOW, 720.0, 420.0),
        HeightRule::fixed(NARROW_BELOW, 620.0, 420.0),
        HeightRule {
            narrow_below: NARROW_BELOW,
            narrow: 640.0,
            ratio: 0.45,
            min: 320.0,
            max: 440.0,
        },
        HeightRule {
            narrow_below: 760.0,
            narrow: 1100.0,
            ratio: 0.7,
            min: 560.0,
            max: MAX_SIZE,
        },
        HeightRule {
            narrow_below: 660.0,
            narrow: 625.0,
            ratio: 0.33,
            min: 250.0,
            max: 330.0,
        },
    ];

    /// The kinds the widget's first module draws (the crate built without its `full` feature):
    /// the common ones, so that most charts are drawn before the rest of the code arrives. The
    /// widget's script loads the full module at once for the others (`www/generated/defaults.js`
    /// is written from this list).
    pub const FIRST_MODULE: [ViewKind; 3] = [ViewKind::Series, ViewKind::Rating, ViewKind::Status];

    /// Whether this build of the crate draws this kind: every kind with the `full` feature, the
    /// kinds of [`ViewKind::FIRST_MODULE`] without it.
    pub fn built_in(self) -> bool {
        cfg!(feature = "full") || Self::FIRST_MODULE.contains(&self)
    }

    /// The kind named `name` (`"series"`, …).
    pub fn from_name(name: &str) -> Option<ViewKind> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    /// The kind's name, as a page writes it.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The height of a chart of this kind `width` pixels wide when the page asks for none.
    pub fn default_height(self, width: f64) -> f64 {
        Self::HEIGHTS[self as usize].at(width)
    }

    /// Whether the content flows downwards (a board, a list of bars): without a height asked,
    /// such a chart is as tall as its content.
    pub fn grows_to_content(self) -> bool {
        matches!(self, ViewKind::Status | ViewKind::Progress)
    }

    /// Whether a first drawing of this kind is laid out in a task before the one that paints
    /// it: the overview lays out every other view, which in one task with the painting held a
    /// page for over 200 ms.
    pub fn lays_out_ahead(self) -> bool {
        self == ViewKind::Overview
    }
}

impl HeightRule {
    const fn wide(ratio: f64, min: f64, max: f64) -> HeightRule {
        HeightRule {
            narrow_below: 0.0,
            narrow: min,
            ratio,
            min,
            max,
        }
    }

    const fn fixed(narrow_below: f64, narrow: f64, height: f64) -> HeightRule {
        HeightRule {
            narrow_below,
            narrow,
            ratio: 0.0,
            min: height,
            max: height,
        }
    }
}

/// What to show and how: the dataset is drawn through a view.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// Which chart to draw.
    pub kind: ViewKind,
    /// Ids of the indicators (series view) or the rating (rating view); empty = the default.
    pub series: Vec<String>,
    /// The first year shown, inclusive; `None`: no lower bound.
    pub from: Option<i32>,
    /// The last year shown, inclusive; `None`: no upper bound.
    pub to: Option<i32>,
    /// The reader's language, a BCP 47 tag ("ar", "fr-MA").
    pub lang: String,
    /// The colours: light or dark, with the host page's own colours applied.
    pub theme: Theme,
    /// The chart's width, in CSS pixels ([`View::from_options`] keeps it within [`MIN_WIDTH`] and
    /// [`MAX_SIZE`]).
    pub width: f64,
    /// The chart's height, in CSS pixels ([`View::from_options`] keeps it within [`MIN_HEIGHT`] and
    /// [`MAX_SIZE`]); a board or a list that fits its content is laid out again at its content's
    /// height.
    pub height: f64,
    /// The page asked for no height: a board or a list is then as tall as its content (see
    /// [`ViewKind::grows_to_content`]), and a comparison as tall as its grid.
    pub fit_content: bool,
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
    pub digits: Option<Digits>,
    /// Said after the source line ("Data updated: 29 November 2026"): an image that leaves
    /// the page keeps the date of its data (see `chart::export`); the widget's own chart has none.
    pub footnote: Option<String>,
}

impl View {
    /// A view of `kind` at a size, in English, light, decorated, with the default data.
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
            fit_content: false,
            decorate: true,
            hidden: Vec::new(),
            x_rtl: false,
            digits: None,
            footnote: None,
        }
    }

    /// The view a page asks for with its options, as the widget's script hands them over:
    /// `{view, series, hidden, from, to, lang, theme, colors, digits, xDirection, width, height,
    /// decorate}`, every member optional. What is missing or malformed takes its default (the
    /// series view, the dataset's default language, the light theme, the height for the width
    /// from [`ViewKind::HEIGHTS`]); an unknown view is an error the reader is told about.
    pub fn from_options(options: &Json, dataset: &Dataset) -> Result<View, ViewError> {
        let text = |key: &str| match options.get(key) {
            Some(Json::String(s)) => s.trim().to_string(),
            _ => String::new(),
        };
        let number = |key: &str| match options.get(key) {
            Some(Json::Number(n)) if n.is_finite() => Some(*n),
            _ => None,
        };
        let name = text("view");
        let kind = match name.as_str() {
            "" => ViewKind::Series,
            name => ViewKind::from_name(name).ok_or_else(|| ViewError::UnknownView(name.into()))?,
        };
        let width = crate::order::clamp(
            number("width").unwrap_or(DEFAULT_WIDTH),
            MIN_WIDTH,
            MAX_SIZE,
        );
        let asked = number("height").filter(|h| *h > 0.0);
        let height = asked.unwrap_or_else(|| kind.default_height(width));
        let height = crate::order::clamp(height, MIN_HEIGHT, MAX_SIZE);
        let mut view = View::new(kind, width, height);
        view.fit_content = asked.is_none();
        view.series = list(&text("series"));
        view.hidden = list(&text("hidden"));
        view.from = number("from").map(|y| y as i32);
        view.to = number("to").map(|y| y as i32);
        let lang = text("lang");
        let lang = if lang.is_empty() {
            &dataset.plan.default_language
        } else {
            &lang
        };
        view.lang = with_digits(lang, &text("digits"));
        view.theme = Theme::by_name(&text("theme")).unwrap_or_else(Theme::light);
        if let Some(colors) = options.get("colors") {
            view.theme.apply_css(colors);
        }
        view.decorate = matches!(options.get("decorate"), Some(Json::Bool(true)));
        view.x_rtl = text("xDirection") == "rtl";
        Ok(view)
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

    /// The same view over all its data: every year, no series switched off (the "all the
    /// data" CSV).
    pub fn unfiltered(&self) -> View {
        View {
            from: None,
            to: None,
            hidden: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether the first drawing of this view, after a read of its dataset that took
    /// `read_ms`, is laid out in a task of its own before the one that paints it: reading,
    /// measuring every label and painting in one task held a page for their sum (over 400 ms
    /// for the largest dataset accepted). A quick read of a usual view is drawn at once.
    pub fn lays_out_apart(&self, read_ms: f64) -> bool {
        read_ms > SLOW_READ_MS || self.kind.lays_out_ahead()
    }

    /// Whether the view's years (`from` and `to`, both inclusive) hold `year`.
    pub fn shows_year(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// A comma-separated list of ids, trimmed, without empty items.
fn list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    for item in text.split(',') {
        let item = item.trim();
        if !item.is_empty() {
            items.push(item.to_string());
        }
    }
    items
}

/// The language tag with the digits the host asked for: "arab" adds the Unicode extension
/// "-u-nu-arab" (Arabic-Indic digits, honoured for Arabic only), "latn" removes it; anything
/// else keeps the tag as it is (a page's `lang="ar-u-nu-arab"` works too).
pub fn with_digits(tag: &str, digits: &str) -> String {
    let base = tag
        .to_ascii_lowercase()
        .replace("-u-nu-arab", "")
        .replace("-u-nu-latn", "");
    match digits {
        "arab" => format!("{base}-u-nu-arab"),
        "latn" => base,
        _ => tag.to_string(),
    }
}

/// What a dataset lacks for a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// A series view, and the dataset has no indicators.
    Indicators,
    /// The indicators chosen have no point in the view's years.
    FiguresInYears,
    /// A rating view, and the dataset has no ratings.
    Ratings,
    /// The rating chosen has no point in the view's years.
    RatingsInYears,
    /// A status board of recommendations, and the dataset has no list of them.
    Recommendations,
    /// A status board or a progress view of commitments, and the dataset has none.
    Commitments,
    /// A progress view of some axes, and none of them holds a commitment.
    CommitmentsOnAxes,
    /// A timeline, and the dataset has no milestones.
    Milestones,
    /// A timeline, and no milestone falls in the view's years.
    MilestonesInYears,
    /// None of the overview's panels can be drawn.
    Charts,
    /// A comparison, and the dataset rates no subject on a shared scale.
    Comparisons,
}

impl Missing {
    /// In English, for the command line and the tests: "figures in these years".
    fn english(self) -> &'static str {
        match self {
            Missing::Indicators => "indicators",
            Missing::FiguresInYears => "figures in these years",
            Missing::Ratings => "ratings",
            Missing::RatingsInYears => "ratings in these years",
            Missing::Recommendations => "recommendations",
            Missing::Commitments => "commitments",
            Missing::CommitmentsOnAxes => "commitments on these axes",
            Missing::Milestones => "milestones",
            Missing::MilestonesInYears => "milestones in these years",
            Missing::Charts => "charts",
            Missing::Comparisons => "ratings on a shared scale",
        }
    }

    /// The reader's words for it.
    fn msg(self) -> Msg {
        match self {
            Missing::Indicators => Msg::MissingIndicators,
            Missing::FiguresInYears => Msg::MissingFiguresInYears,
            Missing::Ratings => Msg::MissingRatings,
            Missing::RatingsInYears => Msg::MissingRatingsInYears,
            Missing::Recommendations => Msg::MissingRecommendations,
            Missing::Commitments => Msg::MissingCommitments,
            Missing::CommitmentsOnAxes => Msg::MissingCommitmentsOnAxes,
            Missing::Milestones => Msg::MissingMilestones,
            Missing::MilestonesInYears => Msg::MissingMilestonesInYears,
            Missing::Charts => Msg::MissingCharts,
            Missing::Comparisons => Msg::MissingComparisons,
        }
    }
}

/// Why a view cannot be drawn from a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// `view="…"` names no view kind.
    UnknownView(String),
    /// A requested id is not in the dataset.
    UnknownSeries(String),
    /// The dataset has nothing this view can show.
    NothingToShow(Missing),
    /// This build of the crate does not draw this kind (the widget's first module, see
    /// [`ViewKind::FIRST_MODULE`]): the widget's script asks the full module for it instead.
    NotBuiltIn(ViewKind),
}

impl ViewError {
    /// What the reader is told, in the widget's language: "This chart cannot be drawn: …".
    pub fn message(&self, ui: Locale) -> String {
        let reason = match self {
            ViewError::UnknownView(name) => {
                let names = i18n::join_list(ui, &ViewKind::NAMES);
                i18n::tf(ui, Msg::ErrorUnknownView, &[name, &names])
            }
            ViewError::UnknownSeries(id) => i18n::tf(ui, Msg::ErrorUnknownSeries, &[id]),
            ViewError::NothingToShow(what) => i18n::t(ui, what.msg()).to_string(),
            // the script never asks the first module for these views: a bug, told as it is
            ViewError::NotBuiltIn(_) => self.to_string(),
        };
        i18n::tf(ui, Msg::ErrorView, &[&reason])
    }
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewError::UnknownView(name) => write!(
                f,
                "unknown view \"{name}\" (one of: {})",
                ViewKind::NAMES.join(", ")
            ),
            ViewError::UnknownSeries(id) => write!(f, "the dataset has no series \"{id}\""),
            ViewError::NothingToShow(what) => {
                write!(f, "the dataset has no {} to show", what.english())
            }
            ViewError::NotBuiltIn(kind) => write!(
                f,
                "the widget's first module does not draw the \"{}\" view: its full module does",
                kind.name()
            ),
        }
    }
}

impl std::error::Error for ViewError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        let text = std::fs::read_to_string("tests/datasets/valid/minimal.json").unwrap();
        crate::model::load(&text).unwrap()
    }

    fn options(text: &str) -> Json {
        crate::json::parse(text).unwrap()
    }

    #[test]
    fn options_take_their_defaults() {
        let d = dataset();
        let v = View::from_options(&options("{}"), &d).unwrap();
        assert_eq!(v.kind, ViewKind::Series);
        assert_eq!((v.width, v.height), (600.0, 330.0));
        assert!(v.fit_content);
        assert_eq!(v.lang, d.plan.default_language);
        assert_eq!(v.theme, Theme::light());
        assert!(!v.decorate && !v.x_rtl);
        let v = View::from_options(
            &options(
                r#"{"view":"status","series":" tip-2024 , ,x","hidden":"a","from":2018,"to":2022,
                "lang":"ar","theme":"dark","digits":"arab","xDirection":"rtl","width":100,
                "height":9000}"#,
            ),
            &d,
        )
        .unwrap();
        assert_eq!(v.kind, ViewKind::Status);
        assert_eq!(v.series, ["tip-2024", "x"]);
        assert_eq!(v.hidden, ["a"]);
        assert_eq!((v.from, v.to), (Some(2018), Some(2022)));
        assert_eq!(v.lang, "ar-u-nu-arab");
        assert_eq!(v.theme, Theme::dark());
        assert!(v.x_rtl && !v.fit_content);
        assert_eq!((v.width, v.height), (MIN_WIDTH, MAX_SIZE));
        // malformed members fall back to their defaults
        let v = View::from_options(&options(r#"{"width":"wide","theme":3,"from":null}"#), &d);
        assert_eq!(v.map(|v| (v.width, v.from)), Ok((600.0, None)));
    }

    #[test]
    fn an_unknown_view_is_said_in_the_readers_language() {
        let err = View::from_options(&options(r#"{"view":"pie"}"#), &dataset()).unwrap_err();
        assert_eq!(err, ViewError::UnknownView("pie".into()));
        assert!(err.to_string().contains("one of: series, rating"));
        let ar = err.message(Locale::from_tag("ar"));
        assert!(ar.contains("pie") && !ar.contains("unknown"), "{ar}");
        let fr = ViewError::NothingToShow(Missing::FiguresInYears).message(Locale::from_tag("fr"));
        assert!(
            fr.starts_with("Ce graphique") && !fr.contains("these"),
            "{fr}"
        );
    }

    #[test]
    fn heights_follow_the_width() {
        assert_eq!(ViewKind::Series.default_height(300.0), 260.0);
        assert_eq!(ViewKind::Series.default_height(1000.0), 420.0);
        assert_eq!(ViewKind::Status.default_height(400.0), 720.0);
        assert_eq!(ViewKind::Status.default_height(900.0), 420.0);
        assert_eq!(ViewKind::Timeline.default_height(800.0), 360.0);
        assert_eq!(ViewKind::Overview.default_height(700.0), 1100.0);
        assert_eq!(ViewKind::Overview.default_height(1000.0), 700.0);
        assert!(ViewKind::Status.grows_to_content() && !ViewKind::Series.grows_to_content());
    }

    #[test]
    fn digits_join_the_language_tag() {
        assert_eq!(with_digits("ar", "arab"), "ar-u-nu-arab");
        assert_eq!(with_digits("ar-MA-u-nu-arab", "latn"), "ar-ma");
        assert_eq!(with_digits("ar-u-nu-arab", ""), "ar-u-nu-arab");
    }
}
