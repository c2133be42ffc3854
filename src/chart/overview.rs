//! The overview: a compact dashboard of the other views for a partner's landing page, in one
//! canvas: the rating, the default indicators, the commitments' status and the milestones.
//!
//! Each panel is the real view, built by [`super::build`] at the panel's size and moved into
//! place, so the dashboard never draws a chart differently from the chart itself. A panel keeps
//! its own small title and legend; the sources of every panel are gathered into the overview's
//! one source line, so the dashboard does not repeat a footer under each chart. A view that
//! cannot be drawn from the dataset (no ratings, say) is left out and the others take its room.

use super::frame::{Frame, PAD};
use super::measure::Measure;
use super::scene::{Chrome, Mark, Scene, Target};
use super::select::{panel_view, Panel, Selection};
use super::{source_line, Missing, View, ViewError, ViewKind};
use crate::model::Dataset;

/// From this width the panels sit in a 2 × 2 grid; below it, in one column.
const GRID_FROM: f64 = 760.0;
/// The shortest panel worth drawing side by side: a title, an axis, a few rows.
const MIN_PANEL_HEIGHT: f64 = 200.0;
/// The shortest panel worth drawing in one column, where a legend wraps onto more lines and a
/// board stacks its columns.
const MIN_STACKED_HEIGHT: f64 = 250.0;
/// Lines of the source line: four panels may cite a dozen publishers, and every one of them
/// must stay readable on a phone.
const SOURCE_LINES: usize = 6;
/// How many times the layout is redone so that the source line names exactly the panels drawn
/// (the source line's height changes the room left for panels, which can change the panels).
const SOURCE_PASSES: usize = 3;

/// Lays out the `panels` that fit (see [`crate::chart::select::PANELS`] for their order);
/// returns the scene and the panels drawn.
pub fn build(
    dataset: &Dataset,
    view: &View,
    panels: &[Panel],
    measure: &dyn Measure,
) -> Result<(Scene, Vec<Panel>), ViewError> {
    let available = headers(dataset, view, panels, measure);
    let title = dataset.text(&dataset.plan.title, view.text_lang());
    let all = Selection::Overview(panels.to_vec());
    let mut sources = source_line(dataset, view, &all.sources(dataset, view));
    let mut last = None;
    for _ in 0..SOURCE_PASSES {
        let mut frame = Frame::new(view, measure);
        let top = frame.title(title);
        let bottom = frame.footer_lines(&sources, SOURCE_LINES);
        // panels pad themselves: their cells reach the canvas edges and meet each other
        let area = (0.0, top - PAD / 2.0, view.width, bottom - top + PAD * 1.5);
        let board = place(dataset, view, measure, &available, area);
        let drawn = Selection::Overview(board.panels.clone());
        let line = source_line(dataset, view, &drawn.sources(dataset, view));
        let settled = line == sources;
        sources = line;
        last = Some((frame, board, area));
        if settled {
            break;
        }
    }
    let Some((mut frame, board, area)) = last.filter(|(_, b, _)| !b.panels.is_empty()) else {
        return Err(ViewError::NothingToShow(Missing::Charts));
    };
    frame.marks.extend(board.marks);
    let scene = frame.into_scene(board.targets, area);
    Ok((scene, board.panels))
}

/// The panels with the title and legend of a first drawing of each, which the panel's header
/// shows; a panel whose view cannot be drawn is left out.
fn headers(
    dataset: &Dataset,
    view: &View,
    panels: &[Panel],
    measure: &dyn Measure,
) -> Vec<(Panel, Chrome)> {
    let (w, h) = ((view.width / 2.0).max(320.0), MIN_PANEL_HEIGHT * 1.5);
    panels
        .iter()
        .filter_map(|p| {
            let probe = super::build(dataset, &panel_view(view, p.view.kind, (w, h)), measure);
            probe.ok().map(|scene| (p.clone(), scene.chrome))
        })
        .collect()
}

/// The panels' marks and targets, in place, and the panels drawn.
struct Board {
    marks: Vec<Mark>,
    targets: Vec<Target>,
    panels: Vec<Panel>,
}

/// Lays the available panels out in `area` and draws as many as fit, in priority order.
fn place(
    dataset: &Dataset,
    view: &View,
    measure: &dyn Measure,
    available: &[(Panel, Chrome)],
    area: (f64, f64, f64, f64),
) -> Board {
    let cells = grid(available.len(), view, area);
    let mut board = Board {
        marks: Vec::new(),
        targets: Vec::new(),
        panels: Vec::new(),
    };
    let mut series = 0;
    for ((shown, chrome), cell) in available.iter().zip(cells) {
        let Some(panel) = panel(dataset, view, measure, (shown.view.kind, chrome), cell) else {
            continue;
        };
        board.panels.push(shown.clone());
        board.marks.extend(panel.marks);
        // each panel's series stay distinct: Up and Down never mix two panels' lines
        let count = panel
            .targets
            .iter()
            .map(|t| t.series + 1)
            .max()
            .unwrap_or(0);
        board
            .targets
            .extend(panel.targets.into_iter().map(|t| Target {
                series: t.series + series,
                ..t
            }));
        series += count;
    }
    board
}

/// The cells (x, y, w, h) of `n` panels: a 2 × 2 grid on wide canvases (three panels: two,
/// then one across), one column on narrow ones; as many as the height allows, each at least
/// [`MIN_PANEL_HEIGHT`] (side by side) or [`MIN_STACKED_HEIGHT`] (one column) tall. In right-to-left languages the grid starts on the right.
fn grid(n: usize, view: &View, (x, y, w, h): (f64, f64, f64, f64)) -> Vec<(f64, f64, f64, f64)> {
    let (columns, min_h) = if view.width >= GRID_FROM {
        (2, MIN_PANEL_HEIGHT)
    } else {
        (1, MIN_STACKED_HEIGHT)
    };
    let rows_fit = ((h / min_h).floor() as usize).max(1);
    let shown = n.min(rows_fit * columns);
    let rows = shown.div_ceil(columns).max(1);
    let row_h = h / rows as f64;
    let rtl = view.ui_lang().is_rtl();
    (0..shown)
        .map(|i| {
            let (row, col) = (i / columns, i % columns);
            // the last panel of an odd count spans the row
            let across = columns == 1 || (i + 1 == shown && col == 0);
            let cell_w = if across { w } else { w / columns as f64 };
            let from_start = col as f64 * cell_w;
            let cx = if rtl {
                x + w - from_start - cell_w
            } else {
                x + from_start
            };
            (cx, y + row as f64 * row_h, cell_w, row_h)
        })
        .collect()
}

/// A panel's marks and targets, in the board's coordinates.
struct Placed {
    marks: Vec<Mark>,
    targets: Vec<Target>,
}

/// One panel drawn into its cell: a rule on top, the view's title and legend, then the view.
fn panel(
    dataset: &Dataset,
    view: &View,
    measure: &dyn Measure,
    (kind, chrome): (ViewKind, &Chrome),
    (x, y, w, h): (f64, f64, f64, f64),
) -> Option<Placed> {
    let (header, under) = header(view, measure, kind, chrome, w);
    // the view starts at PAD in its own canvas: it sits right under the header
    let body_view = panel_view(view, kind, (w, h - (under - PAD)));
    let body = super::build(dataset, &body_view, measure).ok()?;
    let dy = y + under - PAD;
    let rule = Mark::Line {
        points: vec![(x + PAD, y + 1.0), (x + w - PAD, y + 1.0)],
        color: view.theme.grid,
        width: 1.0,
        dash: None,
    };
    let header = header.into_iter().map(|m| m.translate(x, y));
    let body_marks = body.marks.into_iter().map(|m| m.translate(x, dy));
    Some(Placed {
        marks: std::iter::once(rule)
            .chain(header)
            .chain(body_marks)
            .collect(),
        targets: body
            .targets
            .into_iter()
            .map(|t| t.translate(x, dy))
            .collect(),
    })
}

/// A panel's title, smaller than the overview's own, and its legend; returns their marks (in
/// the panel's coordinates) and the y under them.
fn header(
    view: &View,
    measure: &dyn Measure,
    kind: ViewKind,
    chrome: &Chrome,
    width: f64,
) -> (Vec<Mark>, f64) {
    let mut v = panel_view(view, kind, (width, MIN_PANEL_HEIGHT));
    v.decorate = true;
    let mut frame = Frame::new(&v, measure);
    frame.sizes.title = frame.sizes.label + 2.0;
    let top = frame.title(&chrome.title);
    let bottom = frame.legend(chrome.legend.clone(), top);
    (frame.finish().0, bottom)
}
