//! The series view: indicators over the years, as lines with markers; a year without a figure
//! breaks the line (a gap is shown as a gap, never as zero).

use super::axes::{self, YearAxis};
use super::frame::Frame;
use super::measure::Measure;
use super::scale::{self, Linear};
use super::scene::{Datum, LegendItem, Mark, Scene, Target};
use super::{source_line, View, ViewError};
use crate::i18n::{self, format_number};
use crate::model::{Dataset, Indicator, Point};

/// The indicators a series view shows, with their index in the dataset: those requested, or by
/// default every indicator of the first indicator's group (or the first indicator alone).
pub fn selected<'a>(
    dataset: &'a Dataset,
    view: &View,
) -> Result<Vec<(usize, &'a Indicator)>, ViewError> {
    let all = dataset.indicators.iter().enumerate();
    if view.series.is_empty() {
        let first = dataset
            .indicators
            .first()
            .ok_or(ViewError::NothingToShow("indicators"))?;
        return Ok(match &first.group {
            Some(group) => all
                .filter(|(_, i)| i.group.as_ref() == Some(group))
                .collect(),
            None => vec![(0, first)],
        });
    }
    view.series
        .iter()
        .map(|id| {
            all.clone()
                .find(|(_, i)| &i.id == id)
                .ok_or_else(|| ViewError::UnknownSeries(id.clone()))
        })
        .collect()
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

pub fn build(dataset: &Dataset, view: &View, measure: &dyn Measure) -> Result<Scene, ViewError> {
    let chosen = selected(dataset, view)?;
    let lang = view.text_lang();
    let ui = view.ui_lang();
    let shown: Vec<(usize, usize, &Indicator)> = chosen
        .iter()
        .enumerate()
        .filter(|(_, (_, ind))| !view.hidden.contains(&ind.id))
        .map(|(s, (i, ind))| (s, *i, *ind))
        .collect();
    // the year axis covers every chosen series, hidden or not, so toggling does not shift it
    let years: Vec<i32> = chosen
        .iter()
        .flat_map(|(_, ind)| visible(ind, view).map(|(_, p)| p.year))
        .collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return Err(ViewError::NothingToShow("figures in these years"));
    };
    let max = shown
        .iter()
        .flat_map(|(_, _, ind)| visible(ind, view).filter_map(|(_, p)| p.value))
        .fold(0.0, f64::max);

    let mut frame = Frame::new(view, measure);
    let labels: Vec<&str> = chosen
        .iter()
        .map(|(_, i)| dataset.text(&i.label, lang))
        .collect();
    let mut top = frame.title(&i18n::join_list(ui, &labels));
    let comma = if ui.is_rtl() { "، " } else { ", " };
    let legend = chosen
        .iter()
        .enumerate()
        .map(|(s, (_, ind))| {
            let (color, shape, dash) = view.theme.series_style(s);
            LegendItem {
                id: ind.id.clone(),
                label: format!(
                    "{}{comma}{}",
                    dataset.text(&ind.label, lang),
                    dataset.text(&ind.unit, lang)
                ),
                color,
                shape,
                dash,
                hidden: view.hidden.contains(&ind.id),
            }
        })
        .collect();
    top = frame.legend(legend, top);
    let keys = shown
        .iter()
        .flat_map(|(_, _, ind)| visible(ind, view).filter_map(|(_, p)| p.source.as_deref()));
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
        reversed: view.x_rtl,
    };
    x.draw(&mut frame, py + ph);

    let mut targets = Vec::new();
    for &(s, indicator, ind) in &shown {
        let (color, shape, dash) = view.theme.series_style(s);
        let start = targets.len();
        // runs of consecutive years with figures become lines
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        let mut last_year: Option<i32> = None;
        for (point, p) in visible(ind, view) {
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
        for t in &targets[start..] {
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
    let (marks, chrome) = frame.finish();
    Ok(Scene {
        width: view.width,
        height: view.height,
        background: view.theme.background,
        marks,
        targets,
        plot,
        chrome,
    })
}
