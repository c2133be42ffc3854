//! Charts: from a dataset and a [`View`] to a [`Scene`], and from a scene to pixels.

mod axes;
#[cfg(feature = "full")]
mod compare;
pub mod export;
mod frame;
pub mod hit;
pub mod measure;
#[cfg(feature = "full")]
mod overview;
pub mod paint;
#[cfg(feature = "full")]
mod progress;
mod rating;
pub mod scale;
pub mod scene;
pub mod select;
mod series;
mod status;
pub mod svg_backend;
pub mod theme;
#[cfg(feature = "full")]
mod timeline;
pub mod view;

use crate::i18n::{self, Msg};
use crate::model::Dataset;
pub use measure::{Cached, Estimate, Measure, Widths};
pub use scene::{Chrome, Color, Datum, LegendItem, Mark, Scene, Target};
pub use select::{select, Selection};
pub use theme::Theme;
pub use view::{Missing, View, ViewError, ViewKind};

/// A view drawn: what it shows and the scene that shows it. The summary, the table, the CSV and
/// the sources panel of a drawing read its `selection`.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// What the view shows; for an overview too short for all its panels, the panels drawn.
    pub selection: Selection,
    /// The view laid out: its marks, its targets for hover and focus, and its title, legend and
    /// source line.
    pub scene: Scene,
}

/// Selects what `view` shows of `dataset` and lays it out, measuring text with `measure`. A
/// board or a list whose view fits its content ([`View::fit_content`]) is laid out twice: at
/// the tallest it may be, then at the height its content took.
pub fn draw(dataset: &Dataset, view: &View, measure: &dyn Measure) -> Result<Drawing, ViewError> {
    let selection = select(dataset, view)?;
    if !(view.fit_content && view.kind.grows_to_content()) {
        return lay_out(dataset, view, selection, measure);
    }
    let mut tall = view.clone();
    tall.height = MAX_CONTENT_HEIGHT;
    let first = lay_out(dataset, &tall, selection, measure)?;
    let wanted = (first.scene.content_bottom() + 16.0).ceil();
    tall.height = crate::order::clamp(wanted, MIN_CONTENT_HEIGHT, MAX_CONTENT_HEIGHT);
    lay_out(dataset, &tall, first.selection, measure)
}

/// The tallest a board or list grows to fit its content, in CSS pixels: past a couple of
/// screens the board says "+N" and the table has every row (a 4,000 px board of 500 cards took
/// a third of a second to lay out).
pub const MAX_CONTENT_HEIGHT: f64 = 2400.0;
/// The shortest a board or list is, even with one item.
const MIN_CONTENT_HEIGHT: f64 = 200.0;

/// Builds the scene of `view` over `dataset`, measuring text with `measure`.
pub fn build(dataset: &Dataset, view: &View, measure: &dyn Measure) -> Result<Scene, ViewError> {
    draw(dataset, view, measure).map(|d| d.scene)
}

/// Lays out what `selection` holds.
fn lay_out(
    dataset: &Dataset,
    view: &View,
    selection: Selection,
    measure: &dyn Measure,
) -> Result<Drawing, ViewError> {
    let sources = source_line(dataset, view, &selection.sources(dataset, view));
    let scene = match &selection {
        Selection::Series(s) => series::build(dataset, view, s, &sources, measure),
        Selection::Rating(r) => rating::build(dataset, view, r, &sources, measure),
        Selection::Status(s) => status::build(dataset, view, s, &sources, measure),
        #[cfg(feature = "full")]
        Selection::Progress(groups) => progress::build(dataset, view, groups, &sources, measure),
        #[cfg(feature = "full")]
        Selection::Timeline(shown) => timeline::build(dataset, view, shown, &sources, measure),
        #[cfg(feature = "full")]
        Selection::Compare(c) => compare::build(dataset, view, c, &sources, measure),
        #[cfg(not(feature = "full"))]
        _ => Err(ViewError::NotBuiltIn(view.kind)),
        #[cfg(feature = "full")]
        Selection::Overview(panels) => {
            let (scene, drawn) = overview::build(dataset, view, panels, measure)?;
            return Ok(Drawing {
                selection: Selection::Overview(drawn),
                scene,
            });
        }
    }?;
    Ok(Drawing { selection, scene })
}

/// "Sources: A; B; C" for the given source keys, naming each publisher once, in order of use.
fn source_line(dataset: &Dataset, view: &View, keys: &[&str]) -> String {
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
    let names: Vec<String> = publishers.iter().map(|p| i18n::bidi::isolate(p)).collect();
    let line = format!("{} {}", i18n::t(ui, Msg::Sources), names.join(separator));
    match &view.footnote {
        Some(note) => format!("{line} · {note}"),
        None => line,
    }
}

/// Paints a scene as an SVG document: the command line's `--out x.svg`, and the widget's
/// "Download SVG" (the browser measures the text, the drawing code is the same).
pub fn svg(scene: &Scene) -> Result<String, String> {
    let mut out = String::new();
    {
        let size = (scene.width.round() as u32, scene.height.round() as u32);
        let mut backend = svg_backend::SvgBackend::new(&mut out, size);
        paint::paint(&mut backend, scene, paint::Surface::SVG).map_err(|e| e.to_string())?;
    }
    Ok(out)
}
