//! The progress view: the plan's commitments grouped by axis, one row each, with a bar of
//! progress from 0 to 100 % and the target date when published.
//!
//! A bar is only drawn from a published figure. A commitment without one gets an empty, outlined
//! track that says "no progress figure published" and gives its status instead; commitments
//! whose axis is not published are grouped under a header that says so. A plan with neither
//! (Morocco's) is thus shown as what is known, never as guessed bars.

use super::frame::{wrap, Frame, TextStyle, NARROW_BELOW, PAD, ROWS};
use super::measure::Measure;
use super::scene::{Align, Baseline, Datum, Mark, Scene, Target};
use super::select::Group;
use super::status::isolate;
use super::{View, ViewError};
use crate::i18n::{self, format_number, Msg};
use crate::model::{Commitment, Dataset, StatusValue};

/// The longest track of a bar.
const MAX_TRACK: f64 = 560.0;
/// Space between a label and its track, beside it.
const LABEL_GAP: f64 = 14.0;

/// The heading of a group: its axis's label, or "Axis not published".
fn group_label(dataset: &Dataset, view: &View, group: &Group) -> String {
    match group.axis.and_then(|a| dataset.axes.get(a)) {
        Some(axis) => dataset.text(&axis.label, view.text_lang()).to_string(),
        None => i18n::t(view.ui_lang(), Msg::AxisUnknown).to_string(),
    }
}

/// The view's title: the plan's own title when it exists in the reader's language; otherwise
/// "Commitments 2023-2030" in the widget's words, rather than a title the reader may not read.
fn title(dataset: &Dataset, view: &View) -> String {
    let plan = &dataset.plan;
    if plan.title.has(view.text_lang()) {
        return dataset.text(&plan.title, view.text_lang()).to_string();
    }
    let ui = view.ui_lang();
    let period = i18n::format_years(plan.period.0, plan.period.1, ui);
    format!("{} {period}", i18n::t(ui, Msg::Commitments))
}

/// How tightly rows are laid out: most label lines, the space between rows, and the most rows
/// shown (the rest counted as "+N").
#[derive(Clone, Copy)]
struct Density {
    lines: usize,
    space: f64,
    cap: usize,
}

/// The horizontal plan shared by every row, in distances from the reading start edge of the
/// area: where the label goes, where the track goes, and the room left for the value.
#[derive(Clone, Copy)]
struct Columns {
    label: f64,
    track_from: f64,
    track: f64,
    /// Beside (wide) or above (narrow) the track.
    beside: bool,
}

impl Columns {
    fn new(frame: &Frame, aw: f64, narrow: bool) -> Columns {
        let size = frame.sizes.label;
        let value = frame.measure.width("100,0\u{202f}%", size, true) + 8.0;
        if narrow {
            return Columns {
                label: aw,
                track_from: 0.0,
                track: (aw - value).max(40.0),
                beside: false,
            };
        }
        let label = crate::order::clamp(aw * 0.32, 110.0, 320.0);
        // on wide screens a track longer than this reads as a rule, not as a bar
        let track = crate::order::clamp(aw - label - LABEL_GAP - value, 40.0, MAX_TRACK);
        Columns {
            label,
            track_from: label + LABEL_GAP,
            track,
            beside: true,
        }
    }
}

/// One commitment's row, laid out: its lines of text and the parts' heights.
struct Row<'a> {
    index: usize,
    group: usize,
    commitment: &'a Commitment,
    label: Vec<String>,
    /// The text inside an empty track, when there is no progress figure.
    empty: Option<String>,
    /// The small line under the track: status (when a figure is shown) and target.
    meta: Option<String>,
}

/// One thing drawn down the view.
enum Piece<'a> {
    Header(String),
    Row(Row<'a>),
    More(String),
}

fn line_height(size: f64) -> f64 {
    (size * 1.35).round()
}

/// The height of a bar's track: room for a line of small text inside an empty one.
fn track_height(frame: &Frame) -> f64 {
    frame.sizes.small + 6.0
}

/// Lays out every row of every group at one density, from the top of the area; rows past a
/// height of `budget` are left out, as such a layout does not fit anyway.
fn pieces<'a>(
    frame: &Frame,
    dataset: &'a Dataset,
    view: &View,
    groups: &[Group],
    columns: Columns,
    density: Density,
    budget: f64,
) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let total: usize = groups.iter().map(|g| g.rows.len()).sum();
    let mut shown = 0;
    // once the rows laid out are taller than the area, the rest cannot fit whatever they say:
    // they are not wrapped (wrapping hundreds of labels per try froze the tab)
    let mut height = 0.0;
    let full = |height: f64| height > budget;
    for (g, group) in groups.iter().enumerate() {
        if shown >= density.cap || full(height) {
            break;
        }
        out.push(Piece::Header(group_label(dataset, view, group)));
        for &index in &group.rows {
            if shown >= density.cap || full(height) {
                break;
            }
            if let Some(c) = dataset.commitments.get(index) {
                let piece = Piece::Row(row(frame, dataset, view, (g, index), c, columns, density));
                height += piece_height(frame, columns, &piece) + density.space;
                out.push(piece);
                shown += 1;
            }
        }
    }
    if total > shown {
        let left_out = format_number((total - shown) as f64, view.ui_lang(), 0);
        out.push(Piece::More(format!("+{left_out}")));
    }
    out
}

/// A commitment's row: its label wrapped to its column, and what its track says.
fn row<'a>(
    frame: &Frame,
    dataset: &Dataset,
    view: &View,
    (group, index): (usize, usize),
    c: &'a Commitment,
    columns: Columns,
    density: Density,
) -> Row<'a> {
    let ui = view.ui_lang();
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    let name = dataset.text(&c.label, view.text_lang());
    let label = wrap(
        name,
        columns.label,
        size,
        false,
        frame.measure,
        density.lines,
    );
    let status = i18n::status_name(ui, c.status.value);
    let target = c
        .target
        .map(|d| i18n::tf(ui, Msg::Target, &[&i18n::format_date(&d, ui, false)]));
    let dot = " · ";
    let (empty, meta) = match c.progress {
        Some(_) => {
            let known = (c.status.value != StatusValue::Unknown).then_some(status.to_string());
            let parts: Vec<String> = known.into_iter().chain(target).collect();
            (None, (!parts.is_empty()).then(|| parts.join(dot)))
        }
        None => {
            let text = format!("{}{dot}{status}", i18n::t(ui, Msg::NoProgress));
            let room = columns.track - 12.0;
            let line = wrap(&text, room.max(20.0), small, false, frame.measure, 1);
            (line.into_iter().next(), target)
        }
    };
    Row {
        index,
        group,
        commitment: c,
        label,
        empty,
        meta,
    }
}

/// The height of a piece as drawn, without the space after it.
fn piece_height(frame: &Frame, columns: Columns, piece: &Piece) -> f64 {
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    match piece {
        Piece::Header(_) => line_height(size) + 6.0,
        Piece::Row(r) => {
            let label = r.label.len().max(1) as f64 * line_height(size);
            let meta = if r.meta.is_some() {
                line_height(small) + 3.0
            } else {
                0.0
            };
            let bar = track_height(frame) + meta;
            if columns.beside {
                label.max(bar)
            } else {
                label + 2.0 + bar
            }
        }
        Piece::More(_) => line_height(small),
    }
}

/// The top of each piece, from `top`, with `space` between pieces and twice that above a
/// group's header (but the first); and the bottom of the last piece.
fn tops(
    frame: &Frame,
    columns: Columns,
    pieces: &[Piece],
    space: f64,
    top: f64,
) -> (Vec<f64>, f64) {
    let mut y = top;
    let mut bottom = top;
    let mut out = Vec::with_capacity(pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            y += space;
            if matches!(piece, Piece::Header(_)) {
                y += space;
            }
        }
        out.push(y);
        y += piece_height(frame, columns, piece);
        bottom = y;
    }
    (out, bottom)
}

/// Draws the groups into the area (x, y, w, h) at the roomiest density that fits; returns the
/// rows' targets.
fn draw_rows(
    frame: &mut Frame,
    dataset: &Dataset,
    view: &View,
    groups: &[Group],
    area: (f64, f64, f64, f64),
) -> Vec<Target> {
    let columns = Columns::new(frame, area.2, view.width < NARROW_BELOW);
    let total: usize = groups.iter().map(|g| g.rows.len()).sum();
    let preferred = [(2, ROWS.roomy), (2, ROWS.compact), (1, ROWS.compact)]
        .into_iter()
        .map(|(lines, space)| Density {
            lines,
            space,
            cap: total,
        });
    let fit = |density: Density| {
        let chosen = pieces(frame, dataset, view, groups, columns, density, area.3);
        let (ys, bottom) = tops(frame, columns, &chosen, density.space, area.1);
        (bottom <= area.1 + area.3).then_some((chosen, ys, density.space))
    };
    let tightest = |cap| Density {
        lines: 1,
        space: ROWS.tight,
        cap,
    };
    // still too tall at the tightest: leave the last rows out, counted as "+N". Fewer rows
    // never make the list taller, so the most rows that fit are found by bisection (one
    // layout per row took seconds with hundreds of commitments).
    let (chosen, ys, space) = match { preferred }.find_map(fit) {
        Some(found) => found,
        None => {
            let (mut low, mut high) = (0, total + 1); // `low` rows fit (or none do), `high` do not
            while high - low > 1 {
                let mid = low + (high - low) / 2;
                if fit(tightest(mid)).is_some() {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            let chosen = pieces(frame, dataset, view, groups, columns, tightest(low), area.3);
            let (ys, _) = tops(frame, columns, &chosen, ROWS.tight, area.1);
            (chosen, ys, ROWS.tight)
        }
    };
    let mut targets = Vec::new();
    for (i, (piece, &y)) in chosen.iter().zip(&ys).enumerate() {
        let h = piece_height(frame, columns, piece);
        match piece {
            Piece::Header(text) => draw_header(frame, view, area, y, h, text),
            Piece::Row(r) => {
                draw_row(frame, view, area, columns, y, r);
                targets.push(Target {
                    x: area.0 + area.2 / 2.0,
                    y: y + h / 2.0,
                    w: area.2,
                    h,
                    series: r.group,
                    datum: Datum::Commitment { index: r.index },
                });
                // labels above their bars: a hairline between rows says which bar a label
                // belongs to, even when the rows are packed tight
                let next_is_row = matches!(chosen.get(i + 1), Some(Piece::Row(_)));
                if !columns.beside && next_is_row {
                    let ly = y + h + space / 2.0;
                    frame.marks.push(Mark::Line {
                        points: vec![(area.0, ly), (area.0 + area.2, ly)],
                        color: view.theme.grid,
                        width: 1.0,
                        dash: None,
                    });
                }
            }
            Piece::More(text) => {
                let style = frame.small_text(view.theme.muted, true);
                let x = frame.at_start(area.0);
                let text = frame.directed(text.clone());
                frame.marks.push(style.mark(x, y, text));
            }
        }
    }
    targets
}

/// A group's header: the axis's name in bold over a thin rule across the area.
fn draw_header(
    frame: &mut Frame,
    view: &View,
    (ax, _, aw, _): (f64, f64, f64, f64),
    y: f64,
    h: f64,
    text: &str,
) {
    let size = frame.sizes.label;
    let line = wrap(text, aw, size, true, frame.measure, 1);
    let style = TextStyle {
        size,
        bold: true,
        color: view.theme.text,
        align: frame.start_align(),
        baseline: Baseline::Top,
    };
    let x = frame.at_start(ax);
    for l in line {
        frame.marks.push(style.mark(x, y, isolate(frame.rtl, l)));
    }
    frame.marks.push(Mark::Line {
        points: vec![(ax, y + h - 2.0), (ax + aw, y + h - 2.0)],
        color: view.theme.axis,
        width: 1.0,
        dash: None,
    });
}

/// The absolute x and width of a span `from` pixels after the area's reading start edge.
fn span(frame: &Frame, (ax, _, aw, _): (f64, f64, f64, f64), from: f64, width: f64) -> (f64, f64) {
    if frame.rtl {
        (ax + aw - from - width, width)
    } else {
        (ax + from, width)
    }
}

/// One commitment: label, track (filled to its figure, or empty with the reason), value and
/// the line under the track.
fn draw_row(
    frame: &mut Frame,
    view: &View,
    area: (f64, f64, f64, f64),
    columns: Columns,
    y: f64,
    r: &Row,
) {
    let theme = &view.theme;
    let size = frame.sizes.label;
    let lh = line_height(size);
    let label_style = TextStyle {
        size,
        bold: false,
        color: theme.text,
        align: frame.start_align(),
        baseline: Baseline::Top,
    };
    let label_x = span(frame, area, 0.0, columns.label);
    let label_x = if frame.rtl {
        label_x.0 + label_x.1
    } else {
        label_x.0
    };
    for (i, line) in r.label.iter().enumerate() {
        let text = isolate(frame.rtl, line.clone());
        let ty = y + i as f64 * lh;
        frame.marks.push(label_style.mark(label_x, ty, text));
    }
    let track_y = if columns.beside {
        // centred on the first line's letters rather than on its line box
        y + (lh - track_height(frame)) / 2.0 - 2.0
    } else {
        y + r.label.len() as f64 * lh + 2.0
    };
    let (tx, tw) = span(frame, area, columns.track_from, columns.track);
    let th = track_height(frame);
    match r.commitment.progress {
        Some(p) => draw_bar(frame, view, (tx, track_y, tw, th), p),
        None => draw_empty(frame, view, (tx, track_y, tw, th), r.empty.as_deref()),
    }
    if let Some(meta) = &r.meta {
        let x = if frame.rtl { tx + tw } else { tx };
        let style = frame.small_text(theme.muted, false);
        let text = frame.directed(meta.clone());
        frame.marks.push(style.mark(x, track_y + th + 3.0, text));
    }
}

/// A track filled to `value` percent from the reading start side, with the figure after it.
fn draw_bar(frame: &mut Frame, view: &View, (x, y, w, h): (f64, f64, f64, f64), value: f64) {
    let theme = &view.theme;
    let filled = w * crate::order::clamp(value, 0.0, 100.0) / 100.0;
    frame.marks.push(Mark::Rect {
        x,
        y,
        w,
        h,
        fill: Some(theme.grid),
        stroke: None,
    });
    if filled > 0.0 {
        let fx = if frame.rtl { x + w - filled } else { x };
        frame.marks.push(Mark::Rect {
            x: fx,
            y,
            w: filled,
            h,
            fill: Some(theme.series[0]),
            stroke: None,
        });
    }
    let (vx, align) = if frame.rtl {
        (x - 6.0, Align::Right)
    } else {
        (x + w + 6.0, Align::Left)
    };
    let style = TextStyle {
        size: frame.sizes.label,
        bold: true,
        color: theme.text,
        align,
        baseline: Baseline::Middle,
    };
    let text = frame.directed(i18n::format_percent(value, view.ui_lang()));
    frame.marks.push(style.mark(vx, y + h / 2.0, text));
}

/// An empty, outlined track: there is no published figure, and the text inside says so.
fn draw_empty(
    frame: &mut Frame,
    view: &View,
    (x, y, w, h): (f64, f64, f64, f64),
    text: Option<&str>,
) {
    let theme = &view.theme;
    // an outline, not a dashed one: the backends draw dashes as separate segments, hundreds
    // per track, and the text inside already says why the track is empty
    frame.marks.push(Mark::Rect {
        x,
        y,
        w,
        h,
        fill: None,
        stroke: Some(theme.grid),
    });
    if let Some(text) = text {
        let style = TextStyle {
            size: frame.sizes.small,
            bold: false,
            color: theme.muted,
            align: frame.start_align(),
            baseline: Baseline::Middle,
        };
        let tx = if frame.rtl { x + w - 6.0 } else { x + 6.0 };
        let text = frame.directed(text.to_string());
        frame.marks.push(style.mark(tx, y + h / 2.0, text));
    }
}

/// Builds the progress view of the commitments `groups` hold: title and source line from the
/// frame, then one row per commitment, grouped by axis.
pub fn build(
    dataset: &Dataset,
    view: &View,
    groups: &[Group],
    sources: &str,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let mut frame = Frame::new(view, measure);
    let top = frame.title(&title(dataset, view)) + 4.0;
    let bottom = frame.footer(sources);
    let area = (PAD, top, view.width - 2.0 * PAD, (bottom - top).max(0.0));
    let targets = draw_rows(&mut frame, dataset, view, groups, area);
    Ok(frame.into_scene(targets, area))
}
