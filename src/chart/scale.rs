//! Scales: data values to pixels, and the ticks worth labelling.

/// A linear map from a data interval to a pixel interval (which may run backwards, as the
/// vertical axis does: larger values are higher up, so at smaller y).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// The data interval `(from, to)`: `from` maps to `range.0`, `to` to `range.1`.
    pub domain: (f64, f64),
    /// The pixel interval `(from, to)`, in CSS pixels; it may run backwards.
    pub range: (f64, f64),
}

impl Linear {
    /// The map taking `domain` onto `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    /// The pixel position of the value `v`. Nothing is clamped (a value outside the domain lands
    /// outside the range); an empty domain maps every value to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Round tick values from 0 to at least `max`, about `count` of them, on steps of 1, 2 or 5
/// times a power of ten (whole numbers only: the data are counts).
pub fn count_ticks(max: f64, count: usize) -> Vec<f64> {
    // validation refuses figures above 10^15; the bound keeps any other caller from asking
    // for an absurd number of ticks (a panic would stop every chart on the page)
    let max = if max.is_finite() && max > 0.0 {
        max.min(1e15)
    } else {
        1.0
    };
    let raw = max / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
        .max(1.0);
    let top = (max / step).ceil() * step;
    let n = (top / step).round() as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// Which years to label on an axis `width` pixels wide, when a label takes `label_width`:
/// every year if they fit, else every 2nd, 5th, 10th... year (on round years).
pub fn year_ticks(first: i32, last: i32, width: f64, label_width: f64) -> Vec<i32> {
    let span = (last - first).max(0) as f64 + 1.0;
    let fits = |step: i32| span / f64::from(step) * (label_width + 8.0) <= width;
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| fits(*s))
        .unwrap_or(50);
    (first..=last)
        .filter(|y| y.rem_euclid(step) == 0 || step == 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_both_ways_round() {
        let s = Linear::new((0.0, 200.0), (300.0, 100.0));
        assert_eq!(s.map(0.0), 300.0);
        assert_eq!(s.map(200.0), 100.0);
        assert_eq!(s.map(50.0), 250.0);
        assert_eq!(Linear::new((5.0, 5.0), (0.0, 10.0)).map(5.0), 5.0);
    }

    #[test]
    fn count_ticks_are_round_and_cover_the_max() {
        assert_eq!(
            count_ticks(213.0, 5),
            [0.0, 50.0, 100.0, 150.0, 200.0, 250.0]
        );
        assert_eq!(count_ticks(4.0, 5), [0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(count_ticks(0.0, 5), [0.0, 1.0]);
        assert_eq!(count_ticks(441.0, 4), [0.0, 200.0, 400.0, 600.0]);
        assert_eq!(count_ticks(1.5, 5), [0.0, 1.0, 2.0]);
    }

    #[test]
    fn year_ticks_thin_out_when_narrow() {
        assert_eq!(year_ticks(2017, 2024, 800.0, 30.0).len(), 8);
        assert_eq!(
            year_ticks(2001, 2025, 300.0, 30.0),
            [2005, 2010, 2015, 2020, 2025]
        );
        assert_eq!(year_ticks(2001, 2025, 500.0, 30.0).first(), Some(&2002));
    }
}
