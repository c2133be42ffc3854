//! The series view: indicators over the years, as lines with markers; a year without a figure
//! breaks the line (a gap is shown as a gap, never as zero).

use super::axes::{self, YearAxis};
use super::frame::Frame;
use super::measure::Measure;
use super::scale::{self, Linear};
use super::scene::{Datum, LegendItem, Mark, Scene, Target};
use super::select::{visible_points, SeriesSelection};
use super::{View, ViewError};
use crate::i18n::{self, format_number};
use crate::model::{Dataset, Indicator};

/// Lays out the indicators `selection` holds, with `sources` as the source line.
pub fn build(
    dataset: &Dataset,
    view: &View,
    selection: &SeriesSelection,
    sources: &str,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let mut chosen: Vec<(usize, &Indicator)> = Vec::new();
    for &i in &selection.chosen {
        chosen.extend(dataset.indicators.get(i).map(|ind| (i, ind)));
    }
    let mut frame = Frame::new(view, measure);
    let top = header(&mut frame, dataset, view, &chosen);
    let bottom = frame.footer(sources);
    let max = highest(dataset, view, selection);
    let (plot, x, y) = axes(&mut frame, view, selection.years, max, (top, bottom));
    let mut targets = Vec::new();
    for (s, indicator) in selection.drawn() {
        draw_indicator(
            &mut frame,
            dataset,
            view,
            (s, indicator),
            (&x, &y),
            &mut targets,
        );
    }
    Ok(frame.into_scene(targets, plot))
}

/// The highest figure of the indicators drawn, in the view's years (0 without any).
fn highest(dataset: &Dataset, view: &View, selection: &SeriesSelection) -> f64 {
    let mut max: f64 = 0.0;
    for (_, i) in selection.drawn() {
        for (_, p) in visible_points(dataset, view, i) {
            max = max.max(p.value.unwrap_or(0.0));
        }
    }
    max
}

/// The title (the indicators' labels) and the legend (label and unit of each, switched off or
/// not); returns the top of what follows.
fn header(
    frame: &mut Frame,
    dataset: &Dataset,
    view: &View,
    chosen: &[(usize, &Indicator)],
) -> f64 {
    let lang = view.text_lang();
    let ui = view.ui_lang();
    let labels: Vec<&str> = chosen
        .iter()
        .map(|(_, i)| dataset.text(&i.label, lang))
        .collect();
    let top = frame.title(&i18n::join_list(ui, &labels));
    let mut legend = Vec::new();
    for (s, (_, ind)) in chosen.iter().enumerate() {
        let (color, shape, dash) = view.theme.series_style(s);
        let (label, unit) = (
            dataset.text(&ind.label, lang),
            dataset.text(&ind.unit, lang),
        );
        legend.push(LegendItem {
            id: ind.id.clone(),
            label: format!("{label}{}{unit}", i18n::comma(ui)),
            color,
            shape,
            dash,
            hidden: view.hidden.contains(&ind.id),
        });
    }
    frame.legend(legend, top)
}

/// The value grid up to `max` and the year axis between `top` and `bottom`: the plot area and
/// its two scales.
fn axes(
    frame: &mut Frame,
    view: &View,
    (first, last): (i32, i32),
    max: f64,
    (top, bottom): (f64, f64),
) -> ((f64, f64, f64, f64), YearAxis, Linear) {
    let ui = view.ui_lang();
    let tick_count = crate::order::clamp((bottom - top) / 45.0, 2.0, 6.0) as usize;
    let ticks: Vec<(f64, String)> = scale::count_ticks(max, tick_count)
        .into_iter()
        .map(|v| (v, format_number(v, ui, 0)))
        .collect();
    let label_width = ticks
        .iter()
        .map(|(_, l)| frame.measure.width(l, frame.sizes.label, false))
        .fold(0.0, f64::max);
    let plot = axes::plot_rect(frame, top + 6.0, bottom, label_width);
    let (_, py, _, ph) = plot;
    let top_value = ticks.last().map_or(1.0, |t| t.0);
    let y = Linear::new((0.0, top_value), (py + ph, py));
    axes::value_grid(frame, plot, &ticks, &y, true);
    let x = YearAxis::under(frame, plot, (first, last), view.x_rtl);
    (plot, x, y)
}

/// One indicator's line (broken where a year has no figure) and markers; its data are added to
/// `targets`.
fn draw_indicator(
    frame: &mut Frame,
    dataset: &Dataset,
    view: &View,
    (s, indicator): (usize, usize),
    (x, y): (&YearAxis, &Linear),
    targets: &mut Vec<Target>,
) {
    let (color, shape, dash) = view.theme.series_style(s);
    let start = targets.len();
    // runs of consecutive years with figures become lines
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut last_year: Option<i32> = None;
    for (point, p) in visible_points(dataset, view, indicator) {
        let Some(value) = p.value else {
            runs.push(Vec::new());
            last_year = None;
            continue;
        };
        if last_year.is_some_and(|y| p.year != y + 1) {
            runs.push(Vec::new());
        }
        let pos = (x.map(p.year), y.map(value));
        if let Some(run) = runs.last_mut() {
            run.push(pos);
        }
        last_year = Some(p.year);
        let datum = Datum::Figure { indicator, point };
        targets.push(Target::point(pos.0, pos.1, s, datum));
    }
    for run in runs.into_iter().filter(|r| r.len() > 1) {
        frame.marks.push(Mark::Line {
            points: run,
            color,
            width: 2.0,
            dash,
        });
    }
    frame.markers(&targets[start..], shape, color);
}
