//! The compare view: several subjects' ratings on one shared scale, year by year, as a grid of
//! cells. A cell's colour says its level and its letters say it again ("1", "2W", "SC", "–"),
//! so the grid reads without colour: for colour-blind readers, in forced colours, in print. A
//! year without a level is one of three cells: a special case (outlined, "SC"), not ranked
//! (grey, "–") or a gap (hatched, empty).
//!
//! Subjects are rows and years columns, the plan's country first and on a band. When the years
//! do not fit across (25 years on a phone would be cells 10 px wide, too small for "2W"), the
//! grid turns: years become rows and subjects columns, so the whole history still fits a
//! phone's screen (25 rows of 20 px) instead of a window of the latest years. Cells that find
//! no room either way (a hundred subjects, two centuries) are left out, the earliest years and
//! the last subjects first, and "+N more in the table" says so.

use super::frame::{wrap, Frame, TextStyle, PAD};
use super::measure::Measure;
use super::scene::{Align, Baseline, Color, Mark, Scene, Target};
use super::select::CompareSelection;
use super::view::MIN_HEIGHT;
use super::{Datum, Missing, View, ViewError, MAX_CONTENT_HEIGHT};
use crate::i18n::{self, format_number, Msg};
use crate::model::{Dataset, Scale, Standing};

/// Space between two cells, in CSS pixels.
const GAP: f64 = 2.0;
/// The widest a column is, in CSS pixels; the narrowest is as wide as the widest letters of a
/// cell, and a little room.
const MAX_COLUMN: f64 = 64.0;
/// The shortest a row is when the page gives little height, in CSS pixels.
const MIN_ROW: f64 = 16.0;
/// A row's height where there is room: about a column's width (square cells), within these
/// bounds; a turned grid's rows, years, are `TURNED_ROW` high.
const ROW: (f64, f64) = (22.0, 36.0);
const TURNED_ROW: f64 = 20.0;

/// What one cell shows: its fill (none for a gap, which is hatched) and its letters; and what
/// the legend calls it.
struct Look {
    fill: Option<Color>,
    letters: String,
    label: String,
}

/// The grid: which subjects and years it draws, and where.
struct Grid {
    /// Years run down and subjects across.
    turned: bool,
    /// The years drawn, first and last.
    years: (i32, i32),
    /// How many subjects are drawn (the first ones of the selection).
    subjects: usize,
    /// The left of the cells, the top of the first row (under the column labels).
    left: f64,
    top: f64,
    /// A column's width and a row's height, gaps included.
    column: f64,
    row: f64,
    /// The width of the row labels, at the reading start edge.
    labels: f64,
    /// Columns run right to left.
    reversed: bool,
    /// The column labels (subjects' names) alternate between two lines.
    stagger: bool,
}

impl Grid {
    /// The box (x, y, w, h) of the cell of subject `s` (among those drawn) in `year`.
    fn cell(&self, s: usize, year: i32) -> (f64, f64, f64, f64) {
        let y = (year - self.years.0) as usize;
        let (c, r) = if self.turned { (s, y) } else { (y, s) };
        let c = if self.reversed {
            self.columns() - 1 - c
        } else {
            c
        };
        let x = self.left + c as f64 * self.column;
        let top = self.top + r as f64 * self.row;
        (x, top, self.column - GAP, self.row - GAP)
    }

    fn columns(&self) -> usize {
        if self.turned {
            self.subjects
        } else {
            (self.years.1 - self.years.0 + 1) as usize
        }
    }

    fn rows(&self) -> usize {
        if self.turned {
            (self.years.1 - self.years.0 + 1) as usize
        } else {
            self.subjects
        }
    }

    /// The box of subject `s`'s row (or column, turned): what the reader follows.
    fn band(&self, s: usize) -> (f64, f64, f64, f64) {
        let first = self.cell(s, self.years.0);
        let last = self.cell(s, self.years.1);
        let (x0, y0) = (first.0.min(last.0), first.1.min(last.1));
        let (x1, y1) = (first.0.max(last.0) + first.2, first.1.max(last.1) + first.3);
        (x0, y0, x1 - x0, y1 - y0)
    }
}

/// Lays out the comparison `selection` holds, with `sources` as the source line. Without a
/// height asked ([`View::fit_content`]) the chart is as tall as its grid.
pub fn build(
    dataset: &Dataset,
    view: &View,
    selection: &CompareSelection,
    sources: &str,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let scale = dataset
        .scales
        .get(selection.scale)
        .ok_or(ViewError::NothingToShow(Missing::Comparisons))?;
    let mut frame = Frame::new(view, measure);
    let top = frame.title(dataset.text(&scale.label, view.text_lang())) + 4.0;
    let looks = looks(&frame, dataset, view, scale);
    let top = legend(&mut frame, dataset, selection, &looks, top) + 8.0;
    let bottom = frame.footer(sources);
    let names = names(dataset, selection, view.text_lang());
    let (grid, wanted) = lay_out(&frame, selection, &names, &looks, (top, bottom), view.x_rtl);
    if view.fit_content {
        let height = crate::order::clamp(
            wanted + view.height - bottom,
            MIN_HEIGHT,
            MAX_CONTENT_HEIGHT,
        );
        let mut fitted = view.clone();
        fitted.fit_content = false;
        fitted.height = height.ceil();
        return build(dataset, &fitted, selection, sources, measure);
    }
    draw_labels(&mut frame, dataset, selection, &grid, &names);
    let targets = draw_cells(&mut frame, dataset, selection, &grid, &looks);
    let more = more_in_table(selection, &grid);
    if more > 0 {
        let text = i18n::tf(
            frame.locale,
            Msg::MoreInTable,
            &[&format_number(more as f64, frame.locale, 0)],
        );
        let y = grid.top + grid.rows() as f64 * grid.row + 2.0;
        let style = frame.small_text(frame.theme.muted, false);
        let text = frame.directed(text);
        frame.marks.push(style.mark(frame.at_start(PAD), y, text));
    }
    let mut bands = Vec::new();
    for s in 0..grid.subjects {
        bands.push(grid.band(s));
    }
    let plot = (
        grid.left,
        grid.top,
        grid.columns() as f64 * grid.column,
        grid.rows() as f64 * grid.row,
    );
    let mut scene = frame.into_scene(targets, plot);
    scene.bands = bands;
    Ok(scene)
}

/// How many of the selection's subjects and years the grid leaves out.
fn more_in_table(selection: &CompareSelection, grid: &Grid) -> usize {
    let years = (grid.years.0 - selection.years.0) as usize;
    years + selection.ratings.len() - grid.subjects
}

/// What a cell of each standing looks like: the scale's levels in order, then a special case,
/// not ranked and a gap.
fn looks(frame: &Frame, dataset: &Dataset, view: &View, scale: &Scale) -> Vec<Look> {
    let theme = &view.theme;
    let n = scale.levels.len();
    let mut looks = Vec::new();
    for (i, level) in scale.levels.iter().enumerate() {
        looks.push(Look {
            fill: Some(theme.level_color(i, n)),
            letters: letters(&level.id, i, frame.locale),
            label: dataset.text(&level.label, view.text_lang()).to_string(),
        });
    }
    let word = |msg| i18n::upper_first(i18n::t(frame.locale, msg));
    let special = i18n::t(frame.locale, Msg::SpecialCaseShort);
    for (fill, letters, msg) in [
        (Some(theme.background), special, Msg::SpecialCase),
        (Some(theme.grid), "–", Msg::NotRanked),
        (None, "", Msg::NoData),
    ] {
        looks.push(Look {
            fill,
            letters: letters.to_string(),
            label: word(msg),
        });
    }
    looks
}

/// The look of a standing among `looks` (see [`looks`]).
fn look_of(standing: Standing, levels: usize) -> usize {
    match standing {
        Standing::Level(i) => i.min(levels.saturating_sub(1)),
        Standing::SpecialCase => levels,
        Standing::NotRanked => levels + 1,
        Standing::Gap => levels + 2,
    }
}

/// The letters of a cell of level `index` whose id is `id`: the number in the id with the
/// initial of the word after it ("tier-2-watch-list" is "2W", "tier-1" is "1"), or the level's
/// rank from 1 when the id has no number. Digits as the reader's locale writes them.
fn letters(id: &str, index: usize, locale: i18n::Locale) -> String {
    let (mut number, mut initial) = (None, None);
    for part in id.split(['-', '_']) {
        if number.is_some() {
            initial = part.chars().next();
            break;
        }
        if !part.is_empty() && part.len() < 10 && part.bytes().all(|b| b.is_ascii_digit()) {
            number = Some(
                part.bytes()
                    .fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0')),
            );
        }
    }
    let n = number.unwrap_or((index + 1) as f64);
    let mut out = format_number(n, locale, 0);
    out.extend(initial.map(|c| c.to_ascii_uppercase()));
    out
}

/// Draws a cell: its fill (outlined when it is the background's colour) and its letters, or a
/// hatch for a gap.
fn draw_cell(frame: &mut Frame, (x, y, w, h): (f64, f64, f64, f64), look: &Look, size: f64) {
    let theme = frame.theme;
    let Some(fill) = look.fill else {
        hatch(frame, (x, y, w, h));
        return;
    };
    // a cell of the background's colour (a special case, any cell in forced colours) is outlined
    frame.marks.push(Mark::Rect {
        x,
        y,
        w,
        h,
        fill: Some(fill),
        stroke: (fill == theme.background).then_some(theme.axis),
    });
    let style = TextStyle {
        size,
        bold: true,
        color: theme.ink_on(fill),
        align: Align::Center,
        baseline: Baseline::Middle,
    };
    frame
        .marks
        .push(style.mark(x + w / 2.0, y + h / 2.0, look.letters.clone()));
}

/// Diagonal lines across a cell: a gap, which has no letters.
fn hatch(frame: &mut Frame, (x, y, w, h): (f64, f64, f64, f64)) {
    let mut d = 3.0;
    while d < w + h {
        let from = (x + d.min(w), y + (d - w).max(0.0));
        let to = (x + (d - h).max(0.0), y + d.min(h));
        frame.marks.push(Mark::Line {
            points: vec![from, to],
            color: frame.theme.axis,
            width: 1.0,
            dash: None,
        });
        d += 5.0;
    }
}

/// The legend of the cells, flowing from the reading start edge: every level of the scale,
/// then the special case, not ranked and the gap where the comparison has them. Returns the
/// top of what follows.
fn legend(
    frame: &mut Frame,
    dataset: &Dataset,
    selection: &CompareSelection,
    looks: &[Look],
    top: f64,
) -> f64 {
    let levels = looks.len() - 3;
    let mut present = [false; 3];
    for rating in selection
        .ratings
        .iter()
        .filter_map(|&r| dataset.ratings.get(r))
    {
        for year in selection.years.0..=selection.years.1 {
            let standing = rating.standing_in(year);
            if let Some(p) = look_of(standing, levels).checked_sub(levels) {
                present[p] = true;
            }
        }
    }
    let (size, small) = (frame.sizes.label, frame.sizes.small);
    let line = (size * 1.7).round();
    let (mut x, mut y) = (PAD, top);
    for (i, look) in looks.iter().enumerate() {
        if i >= levels && !present[i - levels] {
            continue;
        }
        let letters = frame.measure.width(&look.letters, small, true);
        let swatch = (letters + 8.0).max(22.0);
        let width = swatch + 5.0 + frame.measure.width(&look.label, size, false);
        if x > PAD && x + width > frame.width - PAD {
            (x, y) = (PAD, y + line);
        }
        let left = from_start(frame, x, swatch);
        draw_cell(frame, (left, y + 1.0, swatch, line - 4.0), look, small);
        let style = TextStyle {
            baseline: Baseline::Middle,
            ..TextStyle::hanging(size, false, frame.theme.text, frame.start_align())
        };
        let text = frame.directed(look.label.clone());
        frame
            .marks
            .push(style.mark(frame.at_start(x + swatch + 5.0), y + line / 2.0 - 1.0, text));
        x += width + 14.0;
    }
    y + line
}

/// The left of a span `width` wide that starts `x` pixels from the reading start edge.
fn from_start(frame: &Frame, x: f64, width: f64) -> f64 {
    if frame.rtl {
        frame.width - x - width
    } else {
        x
    }
}

/// Each subject's name as the grid labels it (the rating's label for a rating without a
/// subject), and its code, in the grid's order.
fn names(dataset: &Dataset, selection: &CompareSelection, lang: &str) -> Vec<(String, String)> {
    let mut names = Vec::new();
    for &r in &selection.ratings {
        let Some(rating) = dataset.ratings.get(r) else {
            continue;
        };
        let code = rating.subject.clone().unwrap_or_default();
        let name = match dataset.subject(&code) {
            Some(s) => dataset.text(&s.name, lang),
            None => dataset.text(&rating.label, lang),
        };
        names.push((name.to_string(), code));
    }
    names
}

/// Where the grid goes between `top` and `bottom`: subjects as rows, or turned when the years
/// do not fit across and the subjects do; as many rows and columns as fit. Returns the grid and
/// the bottom it wants, with every row at its preferred height.
fn lay_out(
    frame: &Frame,
    selection: &CompareSelection,
    names: &[(String, String)],
    looks: &[Look],
    (top, bottom): (f64, f64),
    x_rtl: bool,
) -> (Grid, f64) {
    let (label, small) = (frame.sizes.label, frame.sizes.small);
    let mut widest: f64 = 0.0;
    for look in looks {
        widest = widest.max(frame.measure.width(&look.letters, small, true));
    }
    let min_column = (widest + 6.0).max(16.0);
    let mut name_width: f64 = 0.0;
    for (name, _) in names {
        name_width = name_width.max(frame.measure.width(name, label, true));
    }
    let name_width = name_width.min(frame.width * 0.3);
    let year_width = frame
        .measure
        .width(&i18n::format_year(2000, frame.locale), label, false);
    let room = |labels: f64| frame.width - 2.0 * PAD - labels - 6.0;
    let (first, last) = selection.years;
    let (years, subjects) = ((last - first + 1) as usize, names.len());
    let fits = |n: usize, labels: f64| n as f64 * min_column <= room(labels);
    let turned = !fits(years, name_width) && fits(subjects, year_width);
    let (labels, columns, rows) = if turned {
        (year_width, subjects, years)
    } else {
        (name_width, years, subjects)
    };
    let shown_columns = ((room(labels) / min_column) as usize).clamp(1, columns);
    let column = (room(labels) / shown_columns as f64).min(MAX_COLUMN);
    let stagger = turned && !names_fit(frame, names, column - GAP);
    let lines = if stagger { 2.0 } else { 1.0 };
    let grid_top = top + lines * (label * 1.3).round() + 4.0;
    let preferred = if turned {
        TURNED_ROW
    } else {
        crate::order::clamp(column, ROW.0, ROW.1)
    };
    let more_line = (small * 1.4).round();
    let cut_columns = shown_columns < columns;
    let room_rows = bottom - grid_top - if cut_columns { more_line } else { 0.0 };
    let row = crate::order::clamp(room_rows / rows as f64, MIN_ROW, preferred);
    let mut shown_rows = rows;
    if rows as f64 * row > room_rows + 0.5 {
        // even the shortest rows do not all fit: those that do, and a line to say so
        let room = room_rows - if cut_columns { 0.0 } else { more_line };
        shown_rows = ((room / row + 0.01) as usize).clamp(1, rows);
    }
    let cut = shown_columns < columns || shown_rows < rows;
    let wanted = grid_top + rows as f64 * preferred + if cut { more_line } else { 0.0 };
    let (shown_years, shown_subjects) = if turned {
        (shown_rows, shown_columns)
    } else {
        (shown_columns, shown_rows)
    };
    let width = shown_columns as f64 * column;
    let left = if frame.rtl {
        frame.width - PAD - labels - 6.0 - width
    } else {
        PAD + labels + 6.0
    };
    let grid = Grid {
        turned,
        years: (last - shown_years as i32 + 1, last),
        subjects: shown_subjects,
        left,
        top: grid_top,
        column,
        row,
        labels,
        reversed: if turned { frame.rtl } else { x_rtl },
        stagger,
    };
    (grid, wanted)
}

/// Whether every name fits a column `width` wide, on one line.
fn names_fit(frame: &Frame, names: &[(String, String)], width: f64) -> bool {
    let size = frame.sizes.label;
    names
        .iter()
        .all(|(name, _)| frame.measure.width(name, size, true) <= width)
}

/// `name`, or the subject's `code` when the name is wider than `width`, or the name cut short.
fn fitted(frame: &Frame, (name, code): &(String, String), width: f64, bold: bool) -> String {
    let size = frame.sizes.label;
    if frame.measure.width(name, size, bold) <= width {
        return name.clone();
    }
    if !code.is_empty() && frame.measure.width(code, size, bold) <= width {
        return code.clone();
    }
    let lines = wrap(name, width, size, bold, frame.measure, 1);
    lines.into_iter().next().unwrap_or_default()
}

/// The band behind the plan's country, which leads the grid, and the labels of the rows (the
/// subjects' names, or the years of a turned grid) at the reading start edge.
fn draw_labels(
    frame: &mut Frame,
    dataset: &Dataset,
    selection: &CompareSelection,
    grid: &Grid,
    names: &[(String, String)],
) {
    let plan = dataset.plan.country.as_str();
    let first = selection
        .ratings
        .first()
        .and_then(|&r| dataset.ratings.get(r));
    let leads = grid.subjects > 0 && first.is_some_and(|r| r.subject.as_deref() == Some(plan));
    let line = (frame.sizes.label * 1.3).round();
    let header = if grid.stagger { 2.0 * line } else { line } + 4.0;
    if leads {
        let (x, y, w, h) = grid.band(0);
        let (x, y, w, h) = if grid.turned {
            (x - GAP, grid.top - header, w + 2.0 * GAP, h + header + GAP)
        } else {
            (PAD / 2.0, y - GAP, frame.width - PAD, h + 2.0 * GAP)
        };
        frame.marks.push(Mark::Rect {
            x,
            y,
            w,
            h,
            fill: Some(frame.theme.grid),
            stroke: None,
        });
    }
    let start = frame.at_start(PAD);
    let style = TextStyle {
        size: frame.sizes.label,
        bold: false,
        color: frame.theme.text,
        align: frame.start_align(),
        baseline: Baseline::Middle,
    };
    if grid.turned {
        for year in grid.years.0..=grid.years.1 {
            let (_, y, _, h) = grid.cell(0, year);
            let text = frame.directed(i18n::format_year(year, frame.locale));
            frame.marks.push(style.mark(start, y + h / 2.0, text));
        }
    } else {
        for (s, name) in names.iter().take(grid.subjects).enumerate() {
            let (_, y, _, h) = grid.cell(s, grid.years.0);
            let bold = leads && s == 0;
            let text = frame.directed(fitted(frame, name, grid.labels, bold));
            frame
                .marks
                .push(TextStyle { bold, ..style }.mark(start, y + h / 2.0, text));
        }
    }
    column_labels(frame, grid, names, (leads, line));
}

/// The labels over the columns: the years, every one or every few counting back from the last
/// (small, as the cells' letters), or the subjects' names of a turned grid, on two staggered
/// lines when they do not fit one.
fn column_labels(
    frame: &mut Frame,
    grid: &Grid,
    names: &[(String, String)],
    (leads, line): (bool, f64),
) {
    let bottom = grid.top - 4.0;
    let style = TextStyle {
        size: frame.sizes.label,
        bold: false,
        color: frame.theme.muted,
        align: Align::Center,
        baseline: Baseline::Bottom,
    };
    if grid.turned {
        let width = if grid.stagger { 2.0 } else { 1.0 } * grid.column - 4.0;
        for (s, name) in names.iter().take(grid.subjects).enumerate() {
            let (x, _, w, _) = grid.cell(s, grid.years.0);
            let up = if grid.stagger && s % 2 == 0 {
                line
            } else {
                0.0
            };
            let bold = leads && s == 0;
            let text = frame.directed(fitted(frame, name, width, bold));
            let style = TextStyle { bold, ..style };
            frame.marks.push(style.mark(x + w / 2.0, bottom - up, text));
        }
        return;
    }
    let (first, last) = grid.years;
    let size = frame.sizes.small;
    let year = i18n::format_year(2000, frame.locale);
    let year_width = frame.measure.width(&year, size, false);
    let width = grid.columns() as f64 * grid.column;
    let step = match super::scale::year_ticks(first, last, width, year_width)[..] {
        [a, b, ..] => b - a,
        _ => 1,
    };
    let mut year = last;
    while year >= first {
        let (x, _, w, _) = grid.cell(0, year);
        let text = i18n::format_year(year, frame.locale);
        frame
            .marks
            .push(TextStyle { size, ..style }.mark(x + w / 2.0, bottom, text));
        year -= step.max(1);
    }
}

/// Every cell of the grid, subject by subject and year by year; returns the data drawn.
fn draw_cells(
    frame: &mut Frame,
    dataset: &Dataset,
    selection: &CompareSelection,
    grid: &Grid,
    looks: &[Look],
) -> Vec<Target> {
    let levels = looks.len() - 3;
    let size = frame.sizes.small;
    let mut targets = Vec::new();
    for (s, &rating) in selection.ratings.iter().take(grid.subjects).enumerate() {
        let Some(r) = dataset.ratings.get(rating) else {
            continue;
        };
        for year in grid.years.0..=grid.years.1 {
            let (x, y, w, h) = grid.cell(s, year);
            draw_cell(
                frame,
                (x, y, w, h),
                &looks[look_of(r.standing_in(year), levels)],
                size,
            );
            targets.push(Target {
                x: x + w / 2.0,
                y: y + h / 2.0,
                w,
                h,
                series: s,
                datum: Datum::Compared { rating, year },
            });
        }
    }
    targets
}
