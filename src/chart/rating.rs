//! The rating view: an ordinal step chart of a rating's level year by year, best level on top,
//! with the scale's own names on the axis. A year placed outside the scale (a special case,
//! not ranked) is a hollow marker on a row of its own under the scale, named so; a gap breaks
//! the line and has no marker.

use super::axes::{self, YearAxis};
use super::frame::Frame;
use super::measure::Measure;
use super::scale::Linear;
use super::scene::{Datum, Mark, Scene, Target};
use super::select::RatingSelection;
use super::{Missing, View, ViewError};
use crate::i18n::{self, Msg};
use crate::model::{Dataset, Rating, RatingPoint, Standing};

/// Lays out the rating and years `selection` holds, with `sources` as the source line.
pub fn build(
    dataset: &Dataset,
    view: &View,
    selection: &RatingSelection,
    sources: &str,
    measure: &dyn Measure,
) -> Result<Scene, ViewError> {
    let index = selection.rating;
    let rating = dataset
        .ratings
        .get(index)
        .ok_or(ViewError::NothingToShow(Missing::Ratings))?;
    let lang = view.text_lang();
    let mut shown: Vec<(usize, &RatingPoint)> = Vec::new();
    for &i in &selection.points {
        shown.extend(rating.points.get(i).map(|p| (i, p)));
    }
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return Err(ViewError::NothingToShow(Missing::RatingsInYears));
    };
    let (first, last) = (first.1.year, last.1.year);
    // the placements of the years shown, each a row under the scale
    let mut placements = Vec::new();
    for standing in [Standing::SpecialCase, Standing::NotRanked] {
        if shown.iter().any(|(_, p)| p.standing() == standing) {
            placements.push(standing);
        }
    }

    let mut frame = Frame::new(view, measure);
    let top = frame.title(dataset.text(&rating.label, lang)) + 4.0;
    let bottom = frame.footer(sources);
    let (plot, x, y) = axes(
        &mut frame,
        dataset,
        (view, &placements),
        rating,
        (first, last),
        (top, bottom),
    );
    let rows = (rating.scale.len(), &placements[..]);
    let targets = draw_steps(&mut frame, view, (index, &shown), (&x, &y), rows);
    Ok(frame.into_scene(targets, plot))
}

/// The scale's levels down the side (the best on top), then the `placements` shown, and the
/// year axis between `top` and `bottom`: the plot area and its two scales.
fn axes(
    frame: &mut Frame,
    dataset: &Dataset,
    (view, placements): (&View, &[Standing]),
    rating: &Rating,
    (first, last): (i32, i32),
    (top, bottom): (f64, f64),
) -> ((f64, f64, f64, f64), YearAxis, Linear) {
    let mut levels: Vec<(f64, String)> = Vec::new();
    let mut label_width: f64 = 0.0;
    for (i, l) in rating.scale.iter().enumerate() {
        let label = dataset.text(&l.label, view.text_lang()).to_string();
        label_width = label_width.max(frame.measure.width(&label, frame.sizes.label, false));
        levels.push((i as f64, label));
    }
    for &standing in placements {
        let msg = if standing == Standing::SpecialCase {
            Msg::SpecialCase
        } else {
            Msg::NotRanked
        };
        let label = i18n::upper_first(i18n::t(frame.locale, msg));
        label_width = label_width.max(frame.measure.width(&label, frame.sizes.label, false));
        levels.push((levels.len() as f64, label));
    }
    let plot = axes::plot_rect(frame, top, bottom, label_width.min(view.width * 0.4));
    let (_, py, _, ph) = plot;
    let n = levels.len() as f64;
    // level 0 (best) in the top row's middle, the worst in the bottom row's
    let y = Linear::new((-0.5, n - 0.5), (py, py + ph));
    axes::value_grid(frame, plot, &levels, &y, false);
    let x = YearAxis::under(frame, plot, (first, last), view.x_rtl);
    (plot, x, y)
}

/// The steps of the rating `index` over its `shown` points (broken where a year has no level)
/// and their markers, a placement's hollow on its row (`rows`: the scale's length and the
/// placements' order); returns the data drawn.
fn draw_steps(
    frame: &mut Frame,
    view: &View,
    (index, shown): (usize, &[(usize, &RatingPoint)]),
    (x, y): (&YearAxis, &Linear),
    (levels, placements): (usize, &[Standing]),
) -> Vec<Target> {
    let (color, shape, _) = view.theme.series_style(0);
    // a year's step runs from its band's earlier edge to its later one, whichever way time runs
    let half = if x.reversed { -x.band() } else { x.band() } / 2.0;
    let mut targets = Vec::new();
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut previous_year: Option<i32> = None;
    let (mut hollow, mut filled) = (Vec::new(), Vec::new());
    for &(point, p) in shown {
        let datum = Datum::Rated {
            rating: index,
            point,
        };
        let Some(level) = p.level else {
            runs.push(Vec::new());
            previous_year = None;
            if let Some(row) = placements.iter().position(|s| *s == p.standing()) {
                let (cx, cy) = (x.map(p.year), y.map((levels + row) as f64));
                hollow.push(Mark::Ring {
                    x: cx,
                    y: cy,
                    r: 3.5,
                    color,
                    width: 2.0,
                });
                targets.push(Target::point(cx, cy, 0, datum));
            }
            continue;
        };
        if previous_year.is_some_and(|y| p.year != y + 1) {
            runs.push(Vec::new());
        }
        let (cx, cy) = (x.map(p.year), y.map(level as f64));
        if let Some(run) = runs.last_mut() {
            run.extend([(cx - half, cy), (cx + half, cy)]);
        }
        previous_year = Some(p.year);
        filled.push(Target::point(cx, cy, 0, datum));
        targets.push(Target::point(cx, cy, 0, datum));
    }
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        frame.marks.push(Mark::Line {
            points: run,
            color,
            width: 2.5,
            dash: None,
        });
    }
    frame.markers(&filled, shape, color);
    frame.marks.extend(hollow);
    targets
}
