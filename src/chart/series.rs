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
    let mut shown: Vec<(usize, usize, &Indicator)> = Vec::new();
    let mut max: f64 = 0.0;
    for (s, i) in selection.drawn() {
        if let Some(ind) = dataset.indicators.get(i) {
            shown.push((s, i, ind));
            for (_, p) in visible_points(dataset, view, i) {
                max = max.max(p.value.unwrap_or(0.0));
            }
        }
    }
    let lang = view.text_lang();
    let ui = view.ui_lang();
    let (first, last) = selection.years;

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
    let bottom = frame.footer(sources);

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
    for &(s, indicator, _) in &shown {
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
    Ok(frame.into_scene(targets, plot))
}
