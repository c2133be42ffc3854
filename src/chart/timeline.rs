//! The timeline view: the dataset's milestones on a time axis, with the plan's period as a
//! shaded band.
//!
//! Dates keep the precision their source gives: a milestone known to the day or the month sits
//! at its place in the year, one known only to the year is drawn as a bar over that whole year,
//! never as a made-up exact day. On a wide canvas time runs left to right (in Arabic too: which
//! way time runs in right-to-left layouts is a separate decision) and the labels alternate
//! above and below the axis, pushed sideways just enough not to overlap, with leader lines back
//! to their markers. On a narrow canvas the milestones become a vertical list along a rail,
//! dates on the reading start side, which stays readable at 320 px.

use super::frame::{wrap, Frame, NARROW_BELOW, PAD};
use super::measure::Measure;
use super::scale::{self, Linear};
use super::scene::{Align, Baseline, Color, Datum, Mark, Scene, Shape, Target};
use super::{Missing, View, ViewError};
use crate::i18n::{self, Locale, Msg};
use crate::model::{days_in_month, Dataset, Date};
use crate::order;

/// The narrowest label column worth keeping the horizontal layout for.
const MIN_LABEL_WIDTH: f64 = 100.0;
/// Labels wider than this become long single lines that are hard to scan.
const MAX_LABEL_WIDTH: f64 = 190.0;
/// Space between two labels of one lane.
const LABEL_GAP: f64 = 10.0;
/// Text measured natively is an estimate; browsers measure exactly. Wrapping this much short of
/// the room keeps a slightly wider real font from overlapping its neighbour.
const SLACK: f64 = 6.0;
/// Marker diameter of a milestone known to the month or day.
const MARKER: f64 = 9.0;
/// Half the thickness of the bar that stands for a milestone known only to its year.
const SPAN_HALF: f64 = 3.0;
/// Shortest and longest leader line between the axis strip and a label.
const LEADER_MIN: f64 = 14.0;
const LEADER_MAX: f64 = 48.0;
/// Top of the year labels under the axis line.
const YEAR_TOP: f64 = 8.0;

// ---------------------------------------------------------------------------------------------
// Dates

/// A date as readers of `lang` write it, at the precision it is known: "2016", "May 2019",
/// "25 Aug 2016" (English spells the month out when no day is given, as press style does);
/// "mai 2019", "1er mars 2023"; "ماي 2019", "25 غشت 2016" (see [`i18n::format_date`]).
pub fn format_date(date: &Date, lang: Locale) -> String {
    i18n::format_date(date, lang, true)
}

/// Where a date lies on a continuous time axis, in years: `(start, end)`. A date known to the
/// day or month is a moment (start = end) in the middle of its day or month; a date known only
/// to the year covers the whole year, so that nothing suggests a precision the source lacks.
fn time_span(date: &Date) -> (f64, f64) {
    let year = f64::from(date.year);
    match (date.month, date.day) {
        (Some(m), Some(d)) => {
            let before: u32 = (1..m).map(|k| u32::from(days_in_month(date.year, k))).sum();
            let days = 337.0 + f64::from(days_in_month(date.year, 2));
            let t = year + (f64::from(before) + f64::from(d) - 0.5) / days;
            (t, t)
        }
        (Some(m), None) => {
            let t = year + (f64::from(m) - 0.5) / 12.0;
            (t, t)
        }
        _ => (year, year + 1.0),
    }
}

// ---------------------------------------------------------------------------------------------
// What is drawn

/// A milestone as the view shows it.
struct Item<'a> {
    /// Index in `dataset.milestones`.
    index: usize,
    year: i32,
    date: String,
    label: &'a str,
    /// Time span in years (see [`time_span`]).
    span: (f64, f64),
}

impl Item<'_> {
    fn is_span(&self) -> bool {
        self.span.1 > self.span.0
    }
}

/// The milestones `shown` (indices in the dataset, in date order) as the view draws them.
fn items<'a>(dataset: &'a Dataset, view: &View, shown: &[usize]) -> Vec<Item<'a>> {
    let ui = view.ui_lang();
    let mut items = Vec::new();
    for &index in shown {
        if let Some(m) = dataset.milestones.get(index) {
            items.push(Item {
                index,
                year: m.date.year,
                date: format_date(&m.date, ui),
                label: dataset.text(&m.label, view.text_lang()),
                span: time_span(&m.date),
            });
        }
    }
    items
}

/// The plan's period as drawn: its years (within the view's) and its label.
struct Period {
    first: i32,
    last: i32,
    /// The plan's title, which names the plan the period belongs to.
    title: String,
    /// "2023–2030": the short label when the title does not fit.
    years: String,
}

fn period(dataset: &Dataset, view: &View) -> Period {
    let (first, last) = dataset.plan.period;
    Period {
        first,
        last,
        title: dataset
            .text(&dataset.plan.title, view.text_lang())
            .to_string(),
        years: i18n::format_years(first, last, view.ui_lang()),
    }
}

/// Text sizes and line heights of the milestone labels.
#[derive(Clone, Copy)]
struct Type {
    size: f64,
    line: f64,
    /// Most lines of label text under the date.
    lines: usize,
}

impl Type {
    fn new(size: f64, lines: usize) -> Type {
        Type {
            size,
            line: (size * 1.3).round(),
            lines,
        }
    }
}

/// A label as laid out: the date line, the wrapped text, their width and height.
struct Block {
    date: String,
    lines: Vec<String>,
    w: f64,
    h: f64,
}

/// Wraps a milestone's label into at most `ty.lines` lines of `width` under its date line.
fn block(item: &Item, ty: Type, width: f64, m: &dyn Measure) -> Block {
    // a date is never cut: the layouts leave room for the widest
    let date = item.date.clone();
    let lines = wrap(item.label, width, ty.size, false, m, ty.lines);
    let w = lines
        .iter()
        .map(|l| m.width(l, ty.size, false))
        .fold(m.width(&date, ty.size, true), f64::max);
    let h = ty.line * (1 + lines.len()) as f64;
    Block { date, lines, w, h }
}

/// Draws a block's date and lines with their top left (or top right in RTL) at the reading
/// start edge of the box `(x, y, w)`.
fn draw_block(frame: &mut Frame, b: &Block, (x, y, w): (f64, f64, f64), ty: Type) {
    let (tx, align) = if frame.rtl {
        (x + w, Align::Right)
    } else {
        (x, Align::Left)
    };
    let rows = std::iter::once((&b.date, true)).chain(b.lines.iter().map(|l| (l, false)));
    for (i, (text, bold)) in rows.enumerate() {
        frame.marks.push(Mark::Text {
            x: tx,
            y: y + ty.line * i as f64,
            text: frame.directed(text.clone()),
            size: ty.size,
            bold,
            color: frame.theme.text,
            align,
            baseline: Baseline::Top,
        });
    }
}

/// The colour of milestone markers, and the band's tint.
fn accent(frame: &Frame) -> Color {
    frame.theme.series[0]
}

/// The band's tint: stronger on a dark background, where a faint tint would vanish.
fn tint(frame: &Frame) -> Color {
    let bg = frame.theme.background;
    let dark = u16::from(bg.r) + u16::from(bg.g) + u16::from(bg.b) < 3 * 128;
    let a = if dark { 0.28 } else { 0.13 };
    Color { a, ..accent(frame) }
}

// ---------------------------------------------------------------------------------------------
// Building

/// Lays out the milestones `shown` (indices in the dataset), with `sources` as the source line.
pub fn build(
    dataset: &Dataset,
    view: &View,
    shown: &[usize],
    sources: &str,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let items = items(dataset, view, shown);
    if items.is_empty() {
        return Err(ViewError::NothingToShow(Missing::MilestonesInYears));
    }
    let ui = view.ui_lang();
    let mut frame = Frame::new(view, measure);
    let top = frame.title(i18n::t(ui, Msg::Milestones)) + 4.0;
    let bottom = frame.footer(sources);
    let period = period(dataset, view);
    let area = (PAD, top, view.width - 2.0 * PAD, (bottom - top).max(20.0));

    let horizontal = (view.width >= NARROW_BELOW)
        .then(|| Horizontal::plan(&frame, view, &items, &period, area))
        .flatten();
    let targets = match horizontal {
        Some(h) => h.draw(&mut frame, &items, &period),
        None => vertical(&mut frame, view, &items, &period, area),
    };
    Ok(frame.into_scene(targets, area))
}

// ---------------------------------------------------------------------------------------------
// Horizontal layout

/// The horizontal timeline, planned before it is drawn: the axis, the text size that fits the
/// height, and each label's block and place.
struct Horizontal {
    /// Years on the axis, first to last (inclusive).
    years: (i32, i32),
    /// Time in years to x.
    x: Linear,
    ty: Type,
    blocks: Vec<Block>,
    /// Left edge of each block.
    lefts: Vec<f64>,
    /// The axis line's y.
    y0: f64,
    leader: f64,
    /// Strip heights above the axis (band label row) and below it (year labels).
    above: f64,
    below: f64,
}

/// Which side of the axis a milestone's label goes: alternately above (even) and below (odd).
fn is_above(i: usize) -> bool {
    i % 2 == 0
}

impl Horizontal {
    /// Plans the layout in `area`, or `None` when the labels cannot get a useful width side by
    /// side (the vertical list is then the better chart).
    fn plan(
        frame: &Frame,
        view: &View,
        items: &[Item],
        period: &Period,
        area: (f64, f64, f64, f64),
    ) -> Option<Horizontal> {
        let (ax, ay, aw, ah) = area;
        let per_lane = items.len().div_ceil(2).max(1) as f64;
        let room = (aw - LABEL_GAP * (per_lane - 1.0)) / per_lane;
        let width = room.min(MAX_LABEL_WIDTH);
        let widest_date = items
            .iter()
            .map(|i| frame.measure.width(&i.date, frame.sizes.label, true))
            .fold(0.0, f64::max);
        if width < MIN_LABEL_WIDTH.max(widest_date + SLACK) {
            return None;
        }
        let small = frame.sizes.small;
        let above = (small * 1.3).round() + 10.0;
        let below = YEAR_TOP + (small * 1.3).round() + 6.0;
        let side = (ah - above - below) / 2.0 - LEADER_MIN;
        // rather a short leader than no label text at all
        let ty = match fitting_type(frame, side) {
            t if t.lines == 0 => fitting_type(frame, side + LEADER_MIN - 6.0),
            t => t,
        };
        let blocks: Vec<Block> = items
            .iter()
            .map(|i| block(i, ty, width - SLACK, frame.measure))
            .collect();
        let tallest = |up: bool| {
            blocks
                .iter()
                .enumerate()
                .filter(|(i, _)| is_above(*i) == up)
                .map(|(_, b)| b.h)
                .fold(0.0, f64::max)
        };
        let (top_h, bottom_h) = (tallest(true), tallest(false));
        // shorter leaders only when even the smallest labels do not leave the usual length
        let leader = crate::order::clamp(side - top_h.max(bottom_h) + LEADER_MIN, 6.0, LEADER_MAX);
        let total = top_h + leader + above + below + leader + bottom_h;
        let y0 = ay + ((ah - total) / 2.0).max(0.0) + top_h + leader + above;
        let years = axis_years(items, period, view);
        // on a narrow axis half a year is less than half a year label: keep the ends' labels in
        let inset = frame.measure.width("2000", small, false) / 2.0 + 2.0;
        // x-direction="rtl": the latest year on the left
        let range = (ax + inset, ax + aw - inset);
        let range = if view.x_rtl {
            (range.1, range.0)
        } else {
            range
        };
        let x = Linear::new((f64::from(years.0), f64::from(years.1) + 1.0), range);
        let mut h = Horizontal {
            years,
            x,
            ty,
            blocks,
            lefts: Vec::new(),
            y0,
            leader,
            above,
            below,
        };
        h.lefts = h.place_lanes(frame, items, (ax, ax + aw));
        Some(h)
    }

    /// The x of a milestone's marker (the middle of a year's bar).
    fn marker_x(&self, item: &Item) -> f64 {
        (self.x.map(item.span.0) + self.x.map(item.span.1)) / 2.0
    }

    /// Left edges of every block: each lane's labels start at their marker (end at it in RTL),
    /// then are pushed apart and into the canvas.
    fn place_lanes(&self, frame: &Frame, items: &[Item], bounds: (f64, f64)) -> Vec<f64> {
        let mut lefts = vec![0.0; items.len()];
        for up in [true, false] {
            let mut lane: Vec<usize> = (0..items.len()).filter(|i| is_above(*i) == up).collect();
            // spread() packs labels left to right: on a reversed axis the latest comes first
            order::sort_by(&mut lane, |&a, &b| {
                self.marker_x(&items[a])
                    .total_cmp(&self.marker_x(&items[b]))
                    .is_lt()
            });
            let widths: Vec<f64> = lane.iter().map(|&i| self.blocks[i].w).collect();
            let wanted: Vec<f64> = lane
                .iter()
                .zip(&widths)
                .map(|(&i, w)| {
                    let mx = self.marker_x(&items[i]);
                    if frame.rtl {
                        mx + 4.0 - w
                    } else {
                        mx - 4.0
                    }
                })
                .collect();
            for (&i, left) in lane.iter().zip(spread(&wanted, &widths, LABEL_GAP, bounds)) {
                lefts[i] = left;
            }
        }
        lefts
    }

    fn draw(self, frame: &mut Frame, items: &[Item], period: &Period) -> Vec<Target> {
        let plan_years = (
            period.first.max(self.years.0),
            period.last.min(self.years.1),
        );
        if plan_years.0 <= plan_years.1 {
            self.draw_band(frame, items, period, plan_years);
        }
        let year_labels = self.draw_axis(frame);
        let mut targets = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            self.draw_marker(frame, item);
            let rect = self.draw_label(frame, i, item, &year_labels);
            let datum = Datum::Milestone { index: item.index };
            targets.push(target(rect, datum));
        }
        targets
    }

    /// The plan's period: a tinted band across the axis strip, labelled at its top in the widest
    /// stretch that no leader line crosses.
    fn draw_band(&self, frame: &mut Frame, items: &[Item], period: &Period, years: (i32, i32)) {
        let (x0, x1) = ordered(
            self.x.map(f64::from(years.0)),
            self.x.map(f64::from(years.1) + 1.0),
        );
        let top = self.y0 - self.above;
        frame.marks.push(Mark::Rect {
            x: x0,
            y: top,
            w: x1 - x0,
            h: self.above + self.below,
            fill: Some(tint(frame)),
            stroke: None,
        });
        let crossings: Vec<f64> = items
            .iter()
            .enumerate()
            .filter(|(i, _)| is_above(*i))
            .map(|(_, item)| self.marker_x(item))
            .collect();
        let (g0, g1) = widest_gap(x0, x1, &crossings, 5.0);
        let size = frame.sizes.small;
        let room = g1 - g0 - 8.0;
        let fits = |t: &str| frame.measure.width(t, size, true) <= room;
        let text = if fits(&period.years) && room >= 140.0 {
            wrap(&period.title, room, size, true, frame.measure, 1)
                .into_iter()
                .next()
                .unwrap_or_default()
        } else {
            period.years.clone()
        };
        // against the gap's reading start edge, like every other text of the chart
        let x = if frame.rtl { g1 - 4.0 } else { g0 + 4.0 };
        frame.marks.push(Mark::Text {
            x,
            y: top + 4.0,
            text: frame.directed(text),
            size,
            bold: true,
            color: accent(frame),
            align: frame.start_align(),
            baseline: Baseline::Top,
        });
    }

    /// The axis line, its year ticks and labels; returns the x extent of each year label, which
    /// leader lines pass behind.
    fn draw_axis(&self, frame: &mut Frame) -> Vec<(f64, f64)> {
        let (first, last) = self.years;
        let (x0, x1) = ordered(self.x.range.0, self.x.range.1);
        frame.marks.push(Mark::Line {
            points: vec![(x0, self.y0), (x1, self.y0)],
            color: frame.theme.axis,
            width: 1.0,
            dash: None,
        });
        for year in first..=last + 1 {
            let x = self.x.map(f64::from(year));
            frame.marks.push(Mark::Line {
                points: vec![(x, self.y0), (x, self.y0 + 4.0)],
                color: frame.theme.axis,
                width: 1.0,
                dash: None,
            });
        }
        let size = frame.sizes.small;
        let label_width = frame.measure.width("2000", size, false);
        let mut extents = Vec::new();
        // a year's label sits under the middle of its year, where a year-only bar is drawn
        for year in scale::year_ticks(first, last, x1 - x0, label_width) {
            let x = self.x.map(f64::from(year) + 0.5);
            frame.marks.push(Mark::Text {
                x,
                y: self.y0 + YEAR_TOP,
                text: i18n::format_year(year, frame.locale),
                size,
                bold: false,
                color: frame.theme.muted,
                align: Align::Center,
                baseline: Baseline::Top,
            });
            extents.push((x - label_width / 2.0 - 2.0, x + label_width / 2.0 + 2.0));
        }
        extents
    }

    /// A dot for a milestone known to the month or day; a bar with end ticks over the whole
    /// year for one known only to the year.
    fn draw_marker(&self, frame: &mut Frame, item: &Item) {
        let color = accent(frame);
        if item.is_span() {
            let (a, b) = ordered(self.x.map(item.span.0), self.x.map(item.span.1));
            span_bar(
                frame,
                (a + 1.0, self.y0 - SPAN_HALF),
                (b - a - 2.0, 2.0 * SPAN_HALF),
            );
        } else {
            frame.marks.push(Mark::Marker {
                x: self.marker_x(item),
                y: self.y0,
                size: MARKER,
                shape: Shape::Circle,
                fill: color,
                stroke: frame.theme.background,
            });
        }
    }

    /// The label of milestone `i` with its leader line; returns the rectangle covering marker
    /// and label.
    fn draw_label(
        &self,
        frame: &mut Frame,
        i: usize,
        item: &Item,
        year_labels: &[(f64, f64)],
    ) -> (f64, f64, f64, f64) {
        let Some(b) = self.blocks.get(i) else {
            return (0.0, 0.0, 0.0, 0.0);
        };
        let left = self.lefts.get(i).copied().unwrap_or(0.0);
        let up = is_above(i);
        let top = if up {
            self.y0 - self.above - self.leader - b.h
        } else {
            self.y0 + self.below + self.leader
        };
        draw_block(frame, b, (left, top, b.w), self.ty);
        let mx = self.marker_x(item);
        let reach = if item.is_span() {
            SPAN_HALF + 1.0
        } else {
            MARKER / 2.0 + 1.0
        };
        // the leader leaves the marker straight, bends in the free space, and meets the label
        // at its reading start edge (or straight under it when the marker is below the label)
        let ax = crate::order::clamp(mx, left - 4.0, left + b.w + 4.0);
        let dir = if up { -1.0 } else { 1.0 };
        let strip = if up { self.above } else { self.below };
        let near = self.y0 + dir * (strip + 1.0);
        let far = if up { top + b.h + 2.0 } else { top - 2.0 };
        let knee = far - dir * (self.leader / 3.0).min(8.0);
        let start = self.y0 + dir * reach;
        let mut leader = vec![(mx, start), (mx, near), (ax, knee), (ax, far)];
        // under the axis, a leader that meets a year label breaks around it
        let behind_year = !up && year_labels.iter().any(|(a, b)| (*a..=*b).contains(&mx));
        if behind_year {
            let resume = self.y0 + YEAR_TOP + (frame.sizes.small * 1.3).round();
            leader[0].1 = resume;
            frame.marks.push(Mark::Line {
                points: vec![(mx, start), (mx, self.y0 + YEAR_TOP - 2.0)],
                color: frame.theme.axis,
                width: 1.0,
                dash: None,
            });
        }
        frame.marks.push(Mark::Line {
            points: leader,
            color: frame.theme.axis,
            width: 1.0,
            dash: None,
        });
        let (x0, x1) = (
            left.min(mx - MARKER / 2.0),
            (left + b.w).max(mx + MARKER / 2.0),
        );
        let (y0, y1) = if up {
            (top, self.y0 + MARKER / 2.0)
        } else {
            (self.y0 - MARKER / 2.0, top + b.h)
        };
        (x0, y0, x1 - x0, y1 - y0)
    }
}

/// The years of the axis: from the first milestone's year to the later of the last milestone's
/// and the plan period's end, within the view's years.
fn axis_years(items: &[Item], period: &Period, view: &View) -> (i32, i32) {
    let first = items.iter().map(|i| i.year).min().unwrap_or(period.first);
    let last = items.iter().map(|i| i.year).max().unwrap_or(first);
    let last = view
        .to
        .map_or(last.max(period.last), |to| last.max(period.last).min(to));
    (first, last.max(first))
}

/// The largest text size and line count whose tallest label fits in `room` pixels of height.
/// On a very short canvas the labels give way to their dates alone (the tooltip and the data
/// table still give the label).
fn fitting_type(frame: &Frame, room: f64) -> Type {
    let (label, small) = (frame.sizes.label, frame.sizes.small);
    let candidates = [(label, 3), (label, 2), (small, 2), (small, 1), (small, 0)];
    candidates
        .into_iter()
        .map(|(size, lines)| Type::new(size, lines))
        .find(|t| t.line * (1 + t.lines) as f64 <= room)
        .unwrap_or_else(|| Type::new(small, 0))
}

/// The two x in increasing order: on a reversed axis a later time maps to a smaller x.
fn ordered(a: f64, b: f64) -> (f64, f64) {
    (a.min(b), a.max(b))
}

/// A milestone known only to its year: a bar over the year with short ticks at both ends, the
/// way a bracket marks an interval.
fn span_bar(frame: &mut Frame, (x, y): (f64, f64), (w, h): (f64, f64)) {
    let color = accent(frame);
    frame.marks.push(Mark::Rect {
        x,
        y,
        w: w.max(2.0),
        h,
        fill: Some(color),
        stroke: None,
    });
    for edge in [x, x + w.max(2.0)] {
        frame.marks.push(Mark::Line {
            points: vec![(edge, y - 3.0), (edge, y + h + 3.0)],
            color,
            width: 1.0,
            dash: None,
        });
    }
}

/// Boxes of `widths` placed as near their `wanted` left edges as they can be without
/// overlapping (`gap` apart) and inside `bounds`, keeping their order. Overlapping neighbours
/// merge into a cluster centred on the mean of what its members want, until no two overlap.
fn spread(wanted: &[f64], widths: &[f64], gap: f64, bounds: (f64, f64)) -> Vec<f64> {
    // a cluster: first index, last index, left edge
    let mut clusters: Vec<(usize, usize, f64)> = Vec::new();
    let extent =
        |a: usize, b: usize| -> f64 { widths[a..=b].iter().sum::<f64>() + gap * (b - a) as f64 };
    let place = |a: usize, b: usize| -> f64 {
        // the member offsets within the cluster, and the mean left edge they ask for
        let mut offset = 0.0;
        let mut sum = 0.0;
        for k in a..=b {
            sum += wanted[k] - offset;
            offset += widths[k] + gap;
        }
        let left = sum / (b - a + 1) as f64;
        left.min(bounds.1 - extent(a, b)).max(bounds.0)
    };
    for i in 0..wanted.len().min(widths.len()) {
        clusters.push((i, i, place(i, i)));
        while let [.., (a0, b0, l0), (_, b1, l1)] = clusters[..] {
            if l0 + extent(a0, b0) + gap <= l1 {
                break;
            }
            clusters.truncate(clusters.len() - 2);
            clusters.push((a0, b1, place(a0, b1)));
        }
    }
    let mut lefts = Vec::with_capacity(wanted.len());
    for (a, b, left) in clusters {
        let mut x = left;
        for w in &widths[a..=b] {
            lefts.push(x);
            x += w + gap;
        }
    }
    lefts
}

/// The widest stretch of `[from, to]` that stays `clear` pixels away from every x in `cuts`.
fn widest_gap(from: f64, to: f64, cuts: &[f64], clear: f64) -> (f64, f64) {
    let mut edges: Vec<f64> = cuts
        .iter()
        .copied()
        .filter(|c| *c > from - clear && *c < to + clear)
        .collect();
    order::sort_by(&mut edges, |a, b| a.total_cmp(b).is_lt());
    let mut best = (from, from);
    let mut start = from;
    for c in edges.into_iter().chain(std::iter::once(to + clear)) {
        let end = (c - clear).min(to);
        if end - start > best.1 - best.0 {
            best = (start, end);
        }
        start = start.max(c + clear);
    }
    best
}

/// A target whose box is `rect` (x, y, w, h): hover answers anywhere on the marker or label.
fn target((x, y, w, h): (f64, f64, f64, f64), datum: Datum) -> Target {
    Target {
        x: x + w / 2.0,
        y: y + h / 2.0,
        w,
        h,
        series: 0,
        datum,
    }
}

// ---------------------------------------------------------------------------------------------
// Vertical layout

/// One row of the vertical list.
enum Row<'a> {
    Milestone(&'a Item<'a>, Block),
    /// Where the plan's period begins: its title, in the accent colour, and the period's last
    /// year (where the band along the rail stops).
    Plan(Vec<String>, i32),
    /// Earlier milestones left out because the canvas is too short: how many, which years.
    Earlier(String),
}

/// The vertical timeline: a rail on the reading start side with the dates before it and the
/// labels after it, one milestone per row in date order; the plan's period is a band along the
/// rail that starts with a row naming the plan. Rows shrink (fewer lines, smaller text) to fit
/// the height; when even one line each does not fit, the earliest milestones are counted in a
/// first row instead of drawn.
fn vertical(
    frame: &mut Frame,
    view: &View,
    items: &[Item],
    period: &Period,
    area: (f64, f64, f64, f64),
) -> Vec<Target> {
    let (_, ay, aw, ah) = area;
    let (label, small) = (frame.sizes.label, frame.sizes.small);
    let candidates = [(label, 3), (label, 2), (small, 2), (label, 1), (small, 1)];
    let mut plan = None;
    for (size, lines) in candidates {
        let ty = Type::new(size, lines);
        let cols = columns(frame, items, ty, aw);
        let rows = vertical_rows(frame, view, items, period, (ty, &cols), items.len(), ah);
        if rows_height(&rows, ty) <= ah {
            plan = Some((ty, rows));
            break;
        }
    }
    let (ty, rows) = plan.unwrap_or_else(|| {
        let ty = Type::new(small, 1);
        let cols = columns(frame, items, ty, aw);
        let rows = |keep| vertical_rows(frame, view, items, period, (ty, &cols), keep, ah);
        // fewer rows are never taller: bisect for the most that fit (at least one is kept)
        let (mut low, mut high) = (1, items.len() + 1); // `low` fits or is 1, `high` does not
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if rows_height(&rows(mid), ty) <= ah {
                low = mid;
            } else {
                high = mid;
            }
        }
        (ty, rows(low))
    });
    let cols = columns(frame, items, ty, aw);
    draw_rows(frame, &rows, ty, &cols, (ay, aw, ah))
}

/// Where the rail and the labels go, measured from the reading start edge.
struct Columns {
    rail: f64,
    text: f64,
    text_width: f64,
}

fn columns(frame: &Frame, items: &[Item], ty: Type, width: f64) -> Columns {
    let date = items
        .iter()
        .map(|i| frame.measure.width(&i.date, ty.size, true))
        .fold(0.0, f64::max);
    let rail = PAD + date + 12.0;
    let text = rail + 12.0;
    Columns {
        rail,
        text,
        text_width: (PAD + width - text - SLACK).max(40.0),
    }
}

/// The rows of the list with the last `keep` milestones (and a row counting the others); rows
/// past a height of `budget` are left out, as such a list does not fit anyway.
fn vertical_rows<'a>(
    frame: &Frame,
    view: &View,
    items: &'a [Item<'a>],
    period: &Period,
    (ty, cols): (Type, &Columns),
    keep: usize,
    budget: f64,
) -> Vec<Row<'a>> {
    let skip = items.len().saturating_sub(keep);
    let mut rows = Vec::new();
    if let (Some(first), Some(last)) = (
        items.first(),
        skip.checked_sub(1).and_then(|l| items.get(l)),
    ) {
        let years = i18n::format_years(first.year, last.year, view.ui_lang());
        // "+5" kept left to right inside Arabic text (U+2066 ... U+2069), as a count reads
        let count = i18n::format_number(skip as f64, view.ui_lang(), 0);
        rows.push(Row::Earlier(format!("\u{2066}+{count}\u{2069} · {years}")));
    }
    let in_view =
        view.from.is_none_or(|f| period.last >= f) && view.to.is_none_or(|t| period.first <= t);
    let mut plan_row = in_view.then(|| {
        let lines = wrap(
            &period.title,
            cols.text_width,
            ty.size,
            true,
            frame.measure,
            ty.lines.min(2),
        );
        Row::Plan(lines, period.last)
    });
    // once the rows are taller than the area the list cannot fit whatever the rest say: they
    // are not wrapped (wrapping hundreds of labels per try froze the tab); the height kept is
    // the rows' as `rows_height` counts it, so that a list cut here never passes for one that fits
    let mut height = rows_height(&rows, ty);
    for item in &items[skip..] {
        if height > budget {
            return rows;
        }
        if item.year >= period.first {
            if let Some(plan) = plan_row.take() {
                height += row_height(&plan, ty) + gap_before(&rows);
                rows.push(plan);
            }
        }
        let row = Row::Milestone(item, block(item, ty, cols.text_width, frame.measure));
        height += row_height(&row, ty) + gap_before(&rows);
        rows.push(row);
    }
    rows.extend(plan_row);
    rows
}

/// The space above a row added after `rows`.
fn gap_before(rows: &[Row]) -> f64 {
    if rows.is_empty() {
        0.0
    } else {
        ROW_GAP
    }
}

/// Space between rows.
const ROW_GAP: f64 = 6.0;

fn row_height(row: &Row, ty: Type) -> f64 {
    match row {
        // the date sits beside the first line, not above it
        Row::Milestone(_, b) => (b.h - ty.line).max(ty.line),
        Row::Plan(lines, _) => ty.line * lines.len().max(1) as f64,
        Row::Earlier(_) => ty.line,
    }
}

fn rows_height(rows: &[Row], ty: Type) -> f64 {
    let gaps = ROW_GAP * rows.len().saturating_sub(1) as f64;
    rows.iter().map(|r| row_height(r, ty)).sum::<f64>() + gaps
}

/// Draws the list's rows from the top of the area, with a little more air between rows when
/// there is room; returns the milestones' targets.
fn draw_rows(
    frame: &mut Frame,
    rows: &[Row],
    ty: Type,
    cols: &Columns,
    (ay, aw, ah): (f64, f64, f64),
) -> Vec<Target> {
    let spare = (ah - rows_height(rows, ty)).max(0.0);
    let gap = ROW_GAP + (spare / rows.len().max(1) as f64).min(14.0);
    let rail_x = frame.at_start(cols.rail);
    // the rail and the plan's band run behind the rows: their extent is known after layout
    let mut y = ay;
    let mut placed = Vec::new();
    for row in rows {
        let h = row_height(row, ty);
        placed.push((row, y, h));
        y += h + gap;
    }
    draw_rail(frame, &placed, rail_x, ty);
    let mut targets = Vec::new();
    for &(row, top, h) in &placed {
        match row {
            Row::Milestone(item, b) => {
                draw_milestone_row(frame, cols, item, b, (top, h), ty);
                let (x0, x1) = (PAD, PAD + aw);
                let datum = Datum::Milestone { index: item.index };
                targets.push(target((x0, top - 2.0, x1 - x0, h + 4.0), datum));
            }
            Row::Plan(lines, _) => {
                for (i, line) in lines.iter().enumerate() {
                    frame.marks.push(Mark::Text {
                        x: frame.at_start(cols.text),
                        y: top + ty.line * i as f64,
                        text: frame.directed(line.clone()),
                        size: ty.size,
                        bold: true,
                        color: accent(frame),
                        align: frame.start_align(),
                        baseline: Baseline::Top,
                    });
                }
            }
            Row::Earlier(text) => {
                frame.marks.push(Mark::Text {
                    x: frame.at_start(cols.text),
                    y: top,
                    text: frame.directed(text.clone()),
                    size: ty.size,
                    bold: false,
                    color: frame.theme.muted,
                    align: frame.start_align(),
                    baseline: Baseline::Top,
                });
            }
        }
    }
    targets
}

/// The rail from the first milestone to the last, and the plan's band behind it.
fn draw_rail(frame: &mut Frame, placed: &[(&Row, f64, f64)], x: f64, ty: Type) {
    let milestone = |(r, _, _): &&(&Row, f64, f64)| matches!(r, Row::Milestone(..));
    let (Some(first), Some(last)) = (
        placed.iter().find(milestone),
        placed.iter().rev().find(milestone),
    ) else {
        return;
    };
    if let Some(plan) = placed
        .iter()
        .position(|(r, _, _)| matches!(r, Row::Plan(..)))
    {
        band(frame, &placed[plan..], x);
    }
    frame.marks.push(Mark::Line {
        points: vec![(x, first.1 + ty.line / 2.0), (x, last.1 + last.2)],
        color: frame.theme.axis,
        width: 1.0,
        dash: None,
    });
}

/// The plan's band along the rail: from the plan's row to the last milestone within its
/// period.
fn band(frame: &mut Frame, placed: &[(&Row, f64, f64)], x: f64) {
    let Some(&(Row::Plan(_, last_year), top, h)) = placed.first() else {
        return;
    };
    let within = |(r, _, _): &&(&Row, f64, f64)| match r {
        Row::Milestone(item, _) => item.year <= *last_year,
        _ => false,
    };
    let end = placed
        .iter()
        .rev()
        .find(within)
        .map_or(top + h, |(_, y, h)| y + h);
    frame.marks.push(Mark::Rect {
        x: x - 7.0,
        y: top - 3.0,
        w: 14.0,
        h: end + 4.0 - top + 3.0,
        fill: Some(tint(frame)),
        stroke: None,
    });
}

/// One milestone of the list: date at the start, marker (or year bar) on the rail, label after.
fn draw_milestone_row(
    frame: &mut Frame,
    cols: &Columns,
    item: &Item,
    b: &Block,
    (top, h): (f64, f64),
    ty: Type,
) {
    frame.marks.push(Mark::Text {
        x: frame.at_start(PAD),
        y: top,
        text: frame.directed(b.date.clone()),
        size: ty.size,
        bold: true,
        color: frame.theme.text,
        align: frame.start_align(),
        baseline: Baseline::Top,
    });
    let rail = frame.at_start(cols.rail);
    if item.is_span() {
        span_bar_vertical(frame, rail, (top + 1.0, h - 2.0));
    } else {
        frame.marks.push(Mark::Marker {
            x: rail,
            y: top + ty.line / 2.0,
            size: MARKER,
            shape: Shape::Circle,
            fill: accent(frame),
            stroke: frame.theme.background,
        });
    }
    for (i, line) in b.lines.iter().enumerate() {
        frame.marks.push(Mark::Text {
            x: frame.at_start(cols.text),
            y: top + ty.line * i as f64,
            text: frame.directed(line.clone()),
            size: ty.size,
            bold: false,
            color: frame.theme.text,
            align: frame.start_align(),
            baseline: Baseline::Top,
        });
    }
}

/// The vertical counterpart of [`span_bar`]: the year's bar along the rail, as tall as its row.
fn span_bar_vertical(frame: &mut Frame, x: f64, (top, h): (f64, f64)) {
    let color = accent(frame);
    let h = h.max(6.0);
    frame.marks.push(Mark::Rect {
        x: x - SPAN_HALF,
        y: top,
        w: 2.0 * SPAN_HALF,
        h,
        fill: Some(color),
        stroke: None,
    });
    for edge in [top, top + h] {
        frame.marks.push(Mark::Line {
            points: vec![(x - 6.0, edge), (x + 6.0, edge)],
            color,
            width: 1.0,
            dash: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn dates_keep_their_precision_in_each_language() {
        let cases = [
            ("2016", ["2016", "2016", "2016"]),
            ("2019-05", ["May 2019", "mai 2019", "ماي 2019"]),
            ("2016-08-25", ["25 Aug 2016", "25 août 2016", "25 غشت 2016"]),
            (
                "2023-09",
                ["September 2023", "septembre 2023", "شتنبر 2023"],
            ),
            ("2023-03-01", ["1 Mar 2023", "1er mars 2023", "1 مارس 2023"]),
            (
                "2024-12-31",
                ["31 Dec 2024", "31 décembre 2024", "31 دجنبر 2024"],
            ),
            ("2022-07", ["July 2022", "juillet 2022", "يوليوز 2022"]),
        ];
        for (date, [en, fr, ar]) in cases {
            assert_eq!(format_date(&d(date), crate::i18n::Lang::En.into()), en);
            assert_eq!(format_date(&d(date), crate::i18n::Lang::Fr.into()), fr);
            assert_eq!(format_date(&d(date), crate::i18n::Lang::Ar.into()), ar);
        }
    }

    #[test]
    fn positions_follow_the_calendar() {
        let (a, b) = time_span(&d("2018"));
        assert_eq!((a, b), (2018.0, 2019.0), "a year alone is the whole year");
        let (t, u) = time_span(&d("2019-05"));
        assert_eq!(t, u);
        assert!((t - (2019.0 + 4.5 / 12.0)).abs() < 1e-9, "mid-May");
        let (t17, _) = time_span(&d("2023-03-17"));
        let (t23, _) = time_span(&d("2023-03-23"));
        assert!(t17 < t23 && t23 - t17 < 7.0 / 365.0 + 1e-9);
        let (last, _) = time_span(&d("2024-12-31"));
        assert!(last < 2025.0 && last > 2024.99);
    }

    #[test]
    fn spread_keeps_order_and_separates() {
        let lefts = spread(
            &[100.0, 105.0, 110.0],
            &[50.0, 50.0, 50.0],
            10.0,
            (0.0, 400.0),
        );
        assert_eq!(lefts.len(), 3);
        assert!(lefts[1] >= lefts[0] + 60.0 - 1e-9 && lefts[2] >= lefts[1] + 60.0 - 1e-9);
        // centred on what they ask for
        assert!((lefts[1] - 105.0).abs() < 1e-9, "{lefts:?}");
        // pushed inside the bounds
        let lefts = spread(&[-20.0, 380.0], &[50.0, 50.0], 10.0, (0.0, 400.0));
        assert_eq!(lefts, [0.0, 350.0]);
        // a crowd at the right edge backs off to the left
        let lefts = spread(
            &[390.0, 390.0, 390.0],
            &[50.0, 50.0, 50.0],
            10.0,
            (0.0, 400.0),
        );
        assert_eq!(lefts, [230.0, 290.0, 350.0]);
    }

    #[test]
    fn widest_gap_avoids_cuts() {
        assert_eq!(widest_gap(0.0, 100.0, &[], 5.0), (0.0, 100.0));
        assert_eq!(widest_gap(0.0, 100.0, &[30.0], 5.0), (35.0, 100.0));
        assert_eq!(widest_gap(0.0, 100.0, &[10.0, 90.0], 5.0), (15.0, 85.0));
    }
}
