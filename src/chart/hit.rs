//! Finding data in a scene: under the pointer, and from one datum to the next with the
//! keyboard. Both work on the scene's targets only, so hover and focus never redraw the chart.

use super::scene::{Color, Mark, Scene, Target};
use super::theme::Theme;

/// The target under (x, y): a box that contains the point, else the nearest point-like target
/// within `radius` CSS pixels (larger for touch than for a mouse).
pub fn nearest(scene: &Scene, x: f64, y: f64, radius: f64) -> Option<usize> {
    let inside =
        |t: &Target| t.w > 0.0 && (x - t.x).abs() <= t.w / 2.0 && (y - t.y).abs() <= t.h / 2.0;
    if let Some(i) = scene.targets.iter().position(inside) {
        return Some(i);
    }
    scene
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| t.w == 0.0)
        .map(|(i, t)| (i, (t.x - x).hypot(t.y - y)))
        .filter(|(_, d)| *d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// What the transparent overlay over a chart shows: the ring around the hovered datum or, with
/// `focus`, the keyboard's focus ring around it; nothing for `None` or an index out of range.
/// The chart itself is never redrawn for hover or focus.
pub fn overlay(scene: &Scene, index: Option<usize>, theme: &Theme, focus: bool) -> Scene {
    let target = index.and_then(|i| scene.targets.get(i));
    let mut marks = Vec::new();
    if let Some(t) = target {
        // the band the datum belongs to, outlined so that the eye can follow it
        if let Some(&(x, y, w, h)) = scene.bands.get(t.series) {
            marks.push(Mark::Rect {
                x: x - 1.0,
                y: y - 1.0,
                w: w + 2.0,
                h: h + 2.0,
                fill: None,
                stroke: Some(theme.text),
            });
        }
        marks.extend(ring(t, theme, focus));
    }
    Scene {
        width: scene.width,
        height: scene.height,
        background: Color::TRANSPARENT,
        marks,
        targets: Vec::new(),
        plot: scene.plot,
        bands: Vec::new(),
        chrome: Default::default(),
    }
}

/// The ring drawn around a datum: a halo in the background colour under a ring in the text
/// colour, visible on any mark (3:1 against both); a box for a bar or a card, a circle for a
/// point; thicker (a double line for a box) for the keyboard's focus.
fn ring(t: &Target, theme: &Theme, focus: bool) -> Vec<Mark> {
    let width = if focus { 3.0 } else { 2.0 };
    if t.w > 0.0 {
        let rect = |grow: f64, color: Color| Mark::Rect {
            x: t.x - t.w / 2.0 - grow,
            y: t.y - t.h / 2.0 - grow,
            w: t.w + 2.0 * grow,
            h: t.h + 2.0 * grow,
            fill: None,
            stroke: Some(color),
        };
        let mut marks = vec![rect(1.0, theme.background), rect(2.0, theme.text)];
        if focus {
            marks.push(rect(3.0, theme.text));
        }
        return marks;
    }
    let ring = |color: Color, w: f64| Mark::Ring {
        x: t.x,
        y: t.y,
        r: 8.0,
        color,
        width: w,
    };
    vec![ring(theme.background, width + 2.0), ring(theme.text, width)]
}

/// A key that moves the focus between data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// ArrowLeft: the nearest datum to the left, in the same series if it has one that way.
    Left,
    /// ArrowRight: the nearest datum to the right, in the same series if it has one that way.
    Right,
    /// ArrowUp: the nearest datum above, one straight above first (the same year on another line).
    Up,
    /// ArrowDown: the nearest datum below, one straight below first.
    Down,
    /// First datum of the series.
    Home,
    /// Last datum of the series.
    End,
    /// Several data back.
    PageBack,
    /// Several data on.
    PageOn,
}

impl Move {
    /// The move a `KeyboardEvent.key` asks for.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowLeft" => Move::Left,
            "ArrowRight" => Move::Right,
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            "Home" => Move::Home,
            "End" => Move::End,
            "PageUp" => Move::PageBack,
            "PageDown" => Move::PageOn,
            _ => return None,
        })
    }
}

/// How many data PageUp and PageDown skip.
const PAGE: usize = 5;

/// The target the focus goes to from `from` (or the first target when nothing has the focus).
/// Moves are spatial, so they suit every view: Left and Right stay within the series when it
/// has a datum that way (a line's next year), Up and Down go to the nearest datum above or
/// below (the next series, the next card of a column).
pub fn step(scene: &Scene, from: Option<usize>, m: Move) -> Option<usize> {
    let targets = &scene.targets;
    let Some(from) = from.filter(|i| *i < targets.len()) else {
        return (!targets.is_empty()).then_some(0);
    };
    let here = &targets[from];
    let same_series = |t: &&Target| t.series == here.series;
    let by_x = |a: &&Target, b: &&Target| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y));
    let index_of = |t: &Target| targets.iter().position(|u| std::ptr::eq(u, t));
    match m {
        Move::Home => targets
            .iter()
            .filter(same_series)
            .min_by(by_x)
            .and_then(index_of),
        Move::End => targets
            .iter()
            .filter(same_series)
            .max_by(by_x)
            .and_then(index_of),
        Move::PageBack | Move::PageOn => {
            let dir = if m == Move::PageOn {
                Move::Right
            } else {
                Move::Left
            };
            let mut at = from;
            for _ in 0..PAGE {
                at = step(scene, Some(at), dir).unwrap_or(at);
            }
            Some(at)
        }
        _ => toward(targets, from, m)
            .or_else(|| in_one_column(targets, from, m))
            .or(Some(from)),
    }
}

/// In a layout where every datum sits in one column (a list of bars), Left and Right have no
/// datum that way: they go to the previous and next datum instead, as the help text promises.
fn in_one_column(targets: &[Target], from: usize, m: Move) -> Option<usize> {
    let x = targets[from].x;
    if targets.iter().any(|t| (t.x - x).abs() >= 0.5) {
        return None;
    }
    match m {
        Move::Right => (from + 1 < targets.len()).then_some(from + 1),
        Move::Left => from.checked_sub(1),
        _ => None,
    }
}

/// The nearest target in direction `m` from target `from`, preferring the same series for
/// horizontal moves.
fn toward(targets: &[Target], from: usize, m: Move) -> Option<usize> {
    let here = &targets[from];
    // (distance along the move, distance across it) when the target lies that way
    let offset = |t: &Target| -> Option<(f64, f64)> {
        let (dx, dy) = (t.x - here.x, t.y - here.y);
        let (along, across) = match m {
            Move::Right => (dx, dy),
            Move::Left => (-dx, dy),
            Move::Down => (dy, dx),
            Move::Up => (-dy, dx),
            _ => return None,
        };
        (along > 0.5).then_some((along, across.abs()))
    };
    // `aligned`: only targets straight that way (the same year on another line)
    let best = |same_series: bool, aligned: bool| {
        targets
            .iter()
            .enumerate()
            .filter(|(i, t)| *i != from && (!same_series || t.series == here.series))
            .filter_map(|(i, t)| offset(t).map(|(a, c)| (i, a, c)))
            .filter(|(_, _, c)| !aligned || *c < 1.0)
            .min_by(|a, b| (a.1 + 2.0 * a.2).total_cmp(&(b.1 + 2.0 * b.2)))
            .map(|(i, _, _)| i)
    };
    if matches!(m, Move::Left | Move::Right) {
        best(true, false).or_else(|| best(false, false))
    } else {
        best(false, true).or_else(|| best(false, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::scene::{Color, Datum};

    fn scene(points: &[(f64, f64, usize)]) -> Scene {
        Scene {
            width: 100.0,
            height: 100.0,
            background: Color::hex(0xffffff),
            marks: vec![],
            targets: points
                .iter()
                .enumerate()
                .map(|(i, &(x, y, s))| Target::point(x, y, s, Datum::Milestone { index: i }))
                .collect(),
            plot: (0.0, 0.0, 100.0, 100.0),
            bands: Vec::new(),
            chrome: Default::default(),
        }
    }

    #[test]
    fn finds_the_nearest_point_within_reach() {
        let s = scene(&[(10.0, 10.0, 0), (50.0, 50.0, 0)]);
        assert_eq!(nearest(&s, 12.0, 11.0, 8.0), Some(0));
        assert_eq!(nearest(&s, 45.0, 52.0, 8.0), Some(1));
        assert_eq!(nearest(&s, 30.0, 30.0, 8.0), None);
        assert_eq!(nearest(&s, 30.0, 30.0, 40.0), Some(0));
    }

    #[test]
    fn boxes_answer_inside_them() {
        let mut s = scene(&[(50.0, 50.0, 0)]);
        s.targets[0].w = 40.0;
        s.targets[0].h = 20.0;
        assert_eq!(nearest(&s, 69.0, 59.0, 0.0), Some(0));
        assert_eq!(nearest(&s, 71.0, 50.0, 0.0), None);
    }

    #[test]
    fn arrows_follow_a_series_then_jump_between_series() {
        // two lines: series 0 low, series 1 high, at x = 10, 20, 30
        let s = scene(&[
            (10.0, 80.0, 0),
            (20.0, 70.0, 0),
            (30.0, 75.0, 0),
            (10.0, 20.0, 1),
            (20.0, 72.0, 1),
            (30.0, 10.0, 1),
        ]);
        assert_eq!(step(&s, None, Move::Right), Some(0));
        assert_eq!(step(&s, Some(0), Move::Right), Some(1));
        // series 1's point at x=20 is closer in y, but Right stays on series 0
        assert_eq!(step(&s, Some(1), Move::Right), Some(2));
        assert_eq!(step(&s, Some(2), Move::Right), Some(2), "stays at the end");
        assert_eq!(step(&s, Some(0), Move::Up), Some(3));
        assert_eq!(step(&s, Some(3), Move::Down), Some(0));
        assert_eq!(step(&s, Some(4), Move::Home), Some(3));
        assert_eq!(step(&s, Some(3), Move::End), Some(5));
        assert_eq!(step(&s, Some(0), Move::PageOn), Some(2));
        assert_eq!(step(&s, Some(2), Move::PageBack), Some(0));
        assert_eq!(Move::from_key("PageDown"), Some(Move::PageOn));
        assert_eq!(Move::from_key("a"), None);
    }

    #[test]
    fn a_single_column_moves_with_left_and_right_too() {
        let s = scene(&[(50.0, 10.0, 0), (50.0, 30.0, 0), (50.0, 50.0, 1)]);
        assert_eq!(step(&s, Some(0), Move::Right), Some(1));
        assert_eq!(step(&s, Some(1), Move::Right), Some(2));
        assert_eq!(step(&s, Some(2), Move::Right), Some(2), "stays at the end");
        assert_eq!(step(&s, Some(2), Move::Left), Some(1));
        assert_eq!(step(&s, Some(0), Move::PageOn), Some(2));
    }

    #[test]
    fn columns_of_cards_move_down_then_across() {
        let s = scene(&[(10.0, 10.0, 0), (10.0, 30.0, 0), (60.0, 10.0, 1)]);
        assert_eq!(step(&s, Some(0), Move::Down), Some(1));
        assert_eq!(step(&s, Some(1), Move::Right), Some(2));
        assert_eq!(step(&s, Some(2), Move::Left), Some(0));
    }
}
