//! The series view: indicators over the years, as lines with markers; a year without a figure
//! breaks the line (a gap is shown as a gap, never as zero).

use super::axes::{self, YearAxis};
use super::frame::{Frame, LegendEntry, PAD};
use super::measure::Measure;
use super::scale::{self, Linear};
use super::scene::{Mark, Scene, Target};
use super::{source_line, View, ViewError};
use crate::i18n::{self, format_number};
use crate::model::{Dataset, Indicator, Point};

/// The indicators a series view shows: those requested, or by default every indicator of the
/// first indicator's group (or the first indicator alone).
pub fn selected<'a>(dataset: &'a Dataset, view: &View) -> Result<Vec<&'a Indicator>, ViewError> {
    if view.series.is_empty() {
        let first = dataset
            .indicators
            .first()
            .ok_or(ViewError::NothingToShow("indicators"))?;
        return Ok(match &first.group {
            Some(group) => dataset
                .indicators
                .iter()
                .filter(|i| i.group.as_ref() == Some(group))
                .collect(),
            None => vec![first],
        });
    }
    view.series
        .iter()
        .map(|id| {
            dataset
                .indicator(id)
                .ok_or_else(|| ViewError::UnknownSeries(id.clone()))
        })
        .collect()
}

pub fn build<'a>(
    dataset: &'a Dataset,
    view: &'a View,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let shown = selected(dataset, view)?;
    let lang = view.text_lang();
    let ui = view.ui_lang();
    let points = |ind: &'a Indicator| visible(ind, view);
    let years: Vec<i32> = shown
        .iter()
        .flat_map(|i| points(i).map(|(_, p)| p.year))
        .collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return Err(ViewError::NothingToShow("figures in these years"));
    };
    let max = shown
        .iter()
        .flat_map(|i| points(i).filter_map(|(_, p)| p.value))
        .fold(0.0, f64::max);

    let mut frame = Frame::new(view.width, view.height, ui.is_rtl(), &view.theme, measure);
    let labels: Vec<&str> = shown.iter().map(|i| dataset.text(&i.label, lang)).collect();
    let title = i18n::join_list(ui, &labels);
    let mut top = frame.paragraph(&title, PAD, frame.sizes.title, true, view.theme.text, 2) + 6.0;
    let legend: Vec<LegendEntry> = shown
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let (color, shape, dash) = view.theme.series_style(i);
            let comma = if ui.is_rtl() { "، " } else { ", " };
            let label = format!(
                "{}{comma}{}",
                dataset.text(&ind.label, lang),
                dataset.text(&ind.unit, lang)
            );
            LegendEntry {
                label,
                color,
                shape,
                dash,
            }
        })
        .collect();
    top = frame.legend(&legend, top);
    let keys = shown
        .iter()
        .flat_map(|i| points(i).filter_map(|(_, p)| p.source.as_deref()));
    let bottom = frame.footer(&source_line(dataset, view, keys));

    let tick_count = ((bottom - top) / 45.0).clamp(2.0, 6.0) as usize;
    let ticks: Vec<(f64, String)> = scale::count_ticks(max, tick_count)
        .into_iter()
        .map(|v| (v, format_number(v, ui, 0)))
        .collect();
    let label_width = ticks
        .iter()
        .map(|(_, l)| measure.width(l, frame.sizes.label, false))
        .fold(0.0, f64::max);
    let plot = axes::plot_rect(&frame, top + 6.0, bottom, label_width);
    let (px, py, pw, ph) = plot;
    let top_value = ticks.last().map_or(1.0, |t| t.0);
    let y = Linear::new((0.0, top_value), (py + ph, py));
    axes::value_grid(&mut frame, plot, &ticks, &y, true);
    let x = YearAxis {
        first,
        last,
        x: px,
        width: pw,
    };
    x.draw(&mut frame, py + ph);

    let mut targets = Vec::new();
    for (s, ind) in shown.iter().enumerate() {
        let (color, shape, dash) = view.theme.series_style(s);
        // runs of consecutive years with figures become lines
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut last_year = None;
        let mut runs = Vec::new();
        for (index, point) in points(ind) {
            let Some(value) = point.value else {
                runs.push(std::mem::take(&mut run));
                last_year = None;
                continue;
            };
            if last_year.is_some_and(|y: i32| point.year != y + 1) {
                runs.push(std::mem::take(&mut run));
            }
            let pos = (x.map(point.year), y.map(value));
            run.push(pos);
            last_year = Some(point.year);
            targets.push(Target {
                x: pos.0,
                y: pos.1,
                series: s,
                point: index,
            });
        }
        runs.push(run);
        for run in runs.into_iter().filter(|r| r.len() > 1) {
            frame.marks.push(Mark::Line {
                points: run,
                color,
                width: 2.0,
                dash,
            });
        }
        for t in targets.iter().filter(|t| t.series == s) {
            frame.marks.push(Mark::Marker {
                x: t.x,
                y: t.y,
                size: 7.0,
                shape,
                fill: color,
                stroke: view.theme.background,
            });
        }
    }
    Ok(Scene {
        width: view.width,
        height: view.height,
        background: view.theme.background,
        marks: frame.marks,
        targets,
        plot,
    })
}

/// The points of `ind` within the view's years, with their index in the dataset.
fn visible<'a>(
    ind: &'a Indicator,
    view: &'a View,
) -> impl Iterator<Item = (usize, &'a Point)> + 'a {
    ind.points
        .iter()
        .enumerate()
        .filter(|(_, p)| view.shows_year(p.year))
}
