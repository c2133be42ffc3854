//! What the views draw from the Morocco dataset: gaps stay gaps, values land where they should,
//! Arabic mirrors the layout, bad requests are refused with a reason.

use plan_progress::chart::scene::Align;
use plan_progress::chart::{self, Datum, Estimate, Mark, Scene, Target, View, ViewKind};
use plan_progress::model::{self, Dataset};

fn morocco() -> Dataset {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/morocco.json")).unwrap();
    model::load(&text).unwrap()
}

fn series_view(ids: &[&str], lang: &str) -> View {
    let mut v = View::new(ViewKind::Series, 800.0, 450.0);
    v.series = ids.iter().map(|s| s.to_string()).collect();
    v.lang = lang.into();
    v
}

/// The polylines of the data (not the grid or legend): lines with at least one point inside
/// the plot, of the colour of series `s`.
fn data_lines(scene: &Scene, view: &View, s: usize) -> Vec<Vec<(f64, f64)>> {
    let color = view.theme.series_style(s).0;
    let (px, py, pw, ph) = scene.plot;
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Line {
                points, color: c, ..
            } if *c == color => Some(points.clone()),
            _ => None,
        })
        .filter(|pts| {
            pts.iter()
                .all(|(x, y)| *x >= px && *x <= px + pw && *y >= py && *y <= py + ph)
        })
        .collect()
}

#[test]
fn a_gap_breaks_the_line_and_has_no_point() {
    let d = morocco();
    let v = series_view(&["tip-prosecutions"], "en");
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    // 2017 stands alone, 2018-2020 have no figure, 2021-2024 form one line
    let lines = data_lines(&scene, &v, 0);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].len(), 4);
    let years: Vec<i32> = scene
        .targets
        .iter()
        .map(|t| d.indicator("tip-prosecutions").unwrap().points[point_of(t)].year)
        .collect();
    assert_eq!(years, [2017, 2021, 2022, 2023, 2024]);
}

#[test]
fn values_are_placed_on_the_scale() {
    let d = morocco();
    let v = series_view(&["tip-prosecutions"], "en");
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    let y_of = |year: i32| {
        let ind = d.indicator("tip-prosecutions").unwrap();
        let t = scene
            .targets
            .iter()
            .find(|t| ind.points[point_of(t)].year == year)
            .unwrap();
        (t.x, t.y)
    };
    let (x2021, y111) = y_of(2021);
    let (x2024, y213) = y_of(2024);
    let (_, y20) = y_of(2017);
    assert!(x2024 > x2021, "time runs left to right");
    assert!(y213 < y111 && y111 < y20, "larger values are higher");
    // the axis runs from 0 (bottom of the plot) to 250: 213 sits at 213/250 of the height
    let (_, py, _, ph) = scene.plot;
    let expected = py + ph - ph * 213.0 / 250.0;
    assert!((y213 - expected).abs() < 0.01, "{y213} vs {expected}");
    assert!(scene.texts().contains(&"250"));
}

#[test]
fn the_default_series_are_the_first_group() {
    let d = morocco();
    let scene = chart::build(&d, &series_view(&[], "en"), &Estimate).unwrap();
    let series: std::collections::BTreeSet<usize> =
        scene.targets.iter().map(|t| t.series).collect();
    assert_eq!(series.len(), 3, "investigations, prosecutions, convictions");
    assert!(scene.texts().iter().any(|t| t.contains("Convictions")));
}

#[test]
fn years_can_be_limited() {
    let d = morocco();
    let mut v = series_view(&["tip-convictions"], "en");
    v.from = Some(2021);
    v.to = Some(2023);
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    assert_eq!(scene.targets.len(), 3);
    assert!(!scene.texts().contains(&"2017"));
}

#[test]
fn the_rating_view_puts_the_best_tier_on_top() {
    let d = morocco();
    let v = View::new(ViewKind::Rating, 800.0, 450.0);
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    assert_eq!(scene.targets.len(), 25, "2001-2025");
    let rating = &d.ratings[0];
    let y = |year: i32| {
        scene
            .targets
            .iter()
            .find(|t| rating.points[point_of(t)].year == year)
            .unwrap()
            .y
    };
    assert!(y(2005) < y(2010), "Tier 1 (2005) above Tier 2 (2010)");
    assert!(y(2010) < y(2013), "Tier 2 above the Watch List (2013)");
    for name in ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"] {
        assert!(scene.texts().contains(&name), "{name} missing");
    }
}

/// Where the value-axis labels are: the x of every label drawn beside the plot, with its anchor.
fn axis_labels(scene: &Scene, labels: &[&str]) -> Vec<(f64, Align)> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, x, align, .. } if labels.contains(&text.as_str()) => {
                Some((*x, *align))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn arabic_mirrors_the_layout() {
    let d = morocco();
    let mut v = View::new(ViewKind::Rating, 800.0, 450.0);
    let levels = ["Tier 1", "Tier 3"];
    let ltr = chart::build(&d, &v, &Estimate).unwrap();
    let (px, _, pw, _) = ltr.plot;
    for (x, align) in axis_labels(&ltr, &levels) {
        assert!(
            x <= px && align == Align::Right,
            "labels left of the plot in English"
        );
    }
    v.lang = "ar".into();
    let rtl = chart::build(&d, &v, &Estimate).unwrap();
    let (px, _, pw_rtl, _) = rtl.plot;
    let arabic = [
        "\u{627}\u{644}\u{641}\u{626}\u{629} 1",
        "\u{627}\u{644}\u{641}\u{626}\u{629} 3",
    ]; // الفئة 1, الفئة 3
    let found = axis_labels(&rtl, &arabic);
    assert_eq!(found.len(), 2, "{:?}", rtl.texts());
    for (x, align) in found {
        assert!(
            x >= px + pw_rtl && align == Align::Left,
            "labels right of the plot in Arabic"
        );
    }
    assert!((pw - pw_rtl).abs() < 200.0);
    // the title starts at the right edge, isolated as right-to-left text
    let title = rtl.marks.iter().find_map(|m| match m {
        Mark::Text {
            text,
            x,
            align,
            bold: true,
            ..
        } => Some((text.clone(), *x, *align)),
        _ => None,
    });
    let (text, x, align) = title.unwrap();
    assert!(text.starts_with('\u{2067}') && text.ends_with('\u{2069}'));
    assert!(x > 700.0 && align == Align::Right);
}

#[test]
fn unknown_series_are_refused_by_name() {
    let d = morocco();
    let err = chart::build(
        &d,
        &series_view(&["tip-prosecutions", "nope"], "en"),
        &Estimate,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "the dataset has no series \"nope\"");
}

#[test]
fn every_text_shown_is_in_the_readers_language() {
    let d = morocco();
    let scene = chart::build(&d, &series_view(&["tip-convictions"], "fr"), &Estimate).unwrap();
    let texts = scene.texts().join(" | ");
    assert!(texts.contains("Sources :"), "{texts}");
    let fr_label = d.text(&d.indicator("tip-convictions").unwrap().label, "fr");
    assert!(texts.contains(fr_label), "{texts}");
}

/// The index of the point a target shows, within its series.
fn point_of(t: &Target) -> usize {
    match t.datum {
        Datum::Figure { point, .. } | Datum::Rated { point, .. } => point,
        other => panic!("not a point of a series: {other:?}"),
    }
}
