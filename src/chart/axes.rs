//! Axes shared by the views: a year axis along the bottom and the value axis's labels and
//! grid lines (on the left, or on the right in right-to-left languages).

use super::frame::Frame;
use super::scale::{self, Linear};
use super::scene::{Align, Baseline, Mark};

/// Years as evenly spaced bands: a year's point sits in the middle of its band.
#[derive(Debug, Clone, Copy)]
pub struct YearAxis {
    pub first: i32,
    pub last: i32,
    pub x: f64,
    pub width: f64,
    /// Time runs right to left (the latest year on the left), as `x-direction="rtl"` asks.
    pub reversed: bool,
}

impl YearAxis {
    /// The axis of the years `first` to `last` under `plot` (x, y, w, h), drawn; time runs
    /// right to left when `reversed`.
    pub fn under(
        frame: &mut Frame,
        plot: (f64, f64, f64, f64),
        (first, last): (i32, i32),
        reversed: bool,
    ) -> YearAxis {
        let (x, y, width, h) = plot;
        let axis = YearAxis {
            first,
            last,
            x,
            width,
            reversed,
        };
        axis.draw(frame, y + h);
        axis
    }

    pub fn band(&self) -> f64 {
        self.width / f64::from(self.last - self.first + 1)
    }

    pub fn map(&self, year: i32) -> f64 {
        let offset = (f64::from(year - self.first) + 0.5) * self.band();
        if self.reversed {
            self.x + self.width - offset
        } else {
            self.x + offset
        }
    }

    /// Labels the years that fit under the plot, whose bottom is at `y`.
    pub fn draw(&self, frame: &mut Frame, y: f64) {
        let size = frame.sizes.label;
        let label_width = frame.measure.width("2000", size, false);
        for year in scale::year_ticks(self.first, self.last, self.width, label_width) {
            let x = self.map(year);
            frame.marks.push(Mark::Line {
                points: vec![(x, y), (x, y + 4.0)],
                color: frame.theme.axis,
                width: 1.0,
                dash: None,
            });
            frame.marks.push(Mark::Text {
                x,
                y: y + 6.0,
                text: crate::i18n::format_year(year, frame.locale),
                size,
                bold: false,
                color: frame.theme.muted,
                align: Align::Center,
                baseline: Baseline::Top,
            });
        }
    }

    /// Height taken under the plot by the year labels.
    pub fn height(frame: &Frame) -> f64 {
        6.0 + frame.sizes.label * 1.3
    }
}

/// Horizontal grid lines at `ticks` with their labels beside the plot (left in LTR, right in
/// RTL). `plot` is (x, y, w, h). The line at value 0 is drawn darker: it is the baseline that
/// bars and counts stand on.
pub fn value_grid(
    frame: &mut Frame,
    plot: (f64, f64, f64, f64),
    ticks: &[(f64, String)],
    y: &Linear,
    baseline: bool,
) {
    let (px, _, pw, _) = plot;
    for (value, label) in ticks {
        let ty = y.map(*value);
        frame.marks.push(Mark::Line {
            points: vec![(px, ty), (px + pw, ty)],
            color: if baseline && *value == 0.0 {
                frame.theme.axis
            } else {
                frame.theme.grid
            },
            width: 1.0,
            dash: None,
        });
        let (x, align) = if frame.rtl {
            (px + pw + 6.0, Align::Left)
        } else {
            (px - 6.0, Align::Right)
        };
        frame.marks.push(Mark::Text {
            x,
            y: ty,
            text: label.clone(),
            size: frame.sizes.label,
            bold: false,
            color: frame.theme.muted,
            align,
            baseline: Baseline::Middle,
        });
    }
}

/// The plot rectangle between `top` and `bottom`, leaving `label_width` for the value labels on
/// the reading start side.
pub fn plot_rect(frame: &Frame, top: f64, bottom: f64, label_width: f64) -> (f64, f64, f64, f64) {
    let side = super::frame::PAD + label_width + 8.0;
    let end = super::frame::PAD + 4.0;
    let (x, w) = if frame.rtl {
        (end, frame.width - side - end)
    } else {
        (side, frame.width - side - end)
    };
    let h = (bottom - YearAxis::height(frame) - top).max(20.0);
    (x, top, w.max(20.0), h)
}
