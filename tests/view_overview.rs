//! The overview: up to four views in one canvas, each drawn by its own view code, under the
//! plan's title and one source line; a view the dataset cannot feed is left out.

mod common;

use std::collections::BTreeSet;

use common::{check_snapshot, morocco, root};
use plan_progress::chart::{self, Datum, Estimate, Scene, Target, Theme, View, ViewKind};
use plan_progress::model::{self, Dataset};

fn view(lang: &str, width: f64, height: f64) -> View {
    let mut v = View::new(ViewKind::Overview, width, height);
    v.lang = lang.into();
    v
}

fn build(d: &Dataset, v: &View) -> Scene {
    chart::build(d, v, &Estimate).unwrap()
}

fn dataset(name: &str) -> Dataset {
    let path = root().join("tests/datasets/valid").join(name);
    model::load(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Which panel a target belongs to, by what it shows.
fn panel(t: &Target) -> ViewKind {
    match t.datum {
        Datum::Rated { .. } => ViewKind::Rating,
        Datum::Figure { .. } => ViewKind::Series,
        Datum::Commitment { .. } | Datum::Recommendation { .. } => ViewKind::Status,
        Datum::Milestone { .. } => ViewKind::Timeline,
        Datum::Compared { .. } => ViewKind::Compare,
    }
}

fn panels(scene: &Scene) -> Vec<ViewKind> {
    let mut out: Vec<ViewKind> = Vec::new();
    for t in &scene.targets {
        let p = panel(t);
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The horizontal extent of a panel's targets.
fn extent(scene: &Scene, kind: ViewKind) -> (f64, f64) {
    scene
        .targets
        .iter()
        .filter(|t| panel(t) == kind)
        .fold((f64::MAX, f64::MIN), |(a, b), t| {
            (a.min(t.x - t.w / 2.0), b.max(t.x + t.w / 2.0))
        })
}

#[test]
fn snapshot_english() {
    check_snapshot("overview-en", &view("en", 1000.0, 700.0));
}

#[test]
fn snapshot_arabic_narrow() {
    check_snapshot("overview-ar-narrow", &view("ar", 360.0, 900.0));
}

#[test]
fn four_panels_with_their_targets_and_distinct_series() {
    let d = morocco();
    let scene = build(&d, &view("en", 1000.0, 700.0));
    assert_eq!(
        panels(&scene),
        [
            ViewKind::Rating,
            ViewKind::Series,
            ViewKind::Status,
            ViewKind::Timeline
        ]
    );
    // the datums point into the dataset as they do in the views themselves
    for t in &scene.targets {
        match t.datum {
            Datum::Rated { rating, point } => assert!(d.ratings[rating].points.len() > point),
            Datum::Figure { indicator, point } => {
                assert!(d.indicators[indicator].points[point].value.is_some())
            }
            Datum::Commitment { index } => assert!(index < d.commitments.len()),
            Datum::Milestone { index } => assert!(index < d.milestones.len()),
            Datum::Recommendation { .. } => panic!("the board shows the commitments"),
            Datum::Compared { .. } => panic!("the overview has no comparison"),
        }
    }
    // no two panels share a series index: Up and Down stay within a panel's own series
    let series_of = |kind: ViewKind| -> BTreeSet<usize> {
        scene
            .targets
            .iter()
            .filter(|t| panel(t) == kind)
            .map(|t| t.series)
            .collect()
    };
    let all = [
        ViewKind::Rating,
        ViewKind::Series,
        ViewKind::Status,
        ViewKind::Timeline,
    ];
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert!(
                series_of(*a).is_disjoint(&series_of(*b)),
                "{a:?} and {b:?} share a series"
            );
        }
    }
    assert_eq!(series_of(ViewKind::Series).len(), 3, "three indicators");
    // every target is on the canvas
    for t in &scene.targets {
        assert!(
            t.x >= 0.0 && t.x <= 1000.0 && t.y >= 0.0 && t.y <= 700.0,
            "{t:?}"
        );
    }
    // the same panel drawn alone has as many targets: nothing is lost by the move
    let mut alone = View::new(ViewKind::Rating, 500.0, 300.0);
    alone.lang = "en".into();
    let rating = build(&d, &alone);
    let in_overview = scene
        .targets
        .iter()
        .filter(|t| panel(t) == ViewKind::Rating)
        .count();
    assert_eq!(in_overview, rating.targets.len());
}

#[test]
fn a_grid_of_two_by_two_from_760_px() {
    let d = morocco();
    let scene = build(&d, &view("en", 1000.0, 700.0));
    let (r0, r1) = extent(&scene, ViewKind::Rating);
    let (s0, _) = extent(&scene, ViewKind::Series);
    assert!(r1 <= 500.0 && s0 >= 500.0, "rating left, series right");
    let y = |kind| {
        let ts: Vec<&Target> = scene.targets.iter().filter(|t| panel(t) == kind).collect();
        ts.iter().map(|t| t.y).sum::<f64>() / ts.len() as f64
    };
    assert!(
        y(ViewKind::Status) > y(ViewKind::Rating) + 150.0,
        "second row"
    );
    assert!(r0 >= 0.0);
    // Arabic: the grid starts on the right
    let scene = build(&d, &view("ar", 1000.0, 700.0));
    let (r0, _) = extent(&scene, ViewKind::Rating);
    let (_, s1) = extent(&scene, ViewKind::Series);
    assert!(r0 >= 500.0 && s1 <= 500.0, "rating right, series left");
}

#[test]
fn one_column_below_760_px_keeps_panels_in_priority_order() {
    let d = morocco();
    // tall enough for all four
    let scene = build(&d, &view("en", 500.0, 1400.0));
    assert_eq!(panels(&scene).len(), 4);
    let tops: Vec<f64> = [
        ViewKind::Rating,
        ViewKind::Series,
        ViewKind::Status,
        ViewKind::Timeline,
    ]
    .iter()
    .map(|k| {
        scene
            .targets
            .iter()
            .filter(|t| panel(t) == *k)
            .map(|t| t.y)
            .fold(f64::MAX, f64::min)
    })
    .collect();
    assert!(tops.windows(2).all(|p| p[0] < p[1]), "stacked: {tops:?}");
    // shorter: the last panels give way, never the first
    let scene = build(&d, &view("ar", 360.0, 900.0));
    assert_eq!(
        panels(&scene),
        [ViewKind::Rating, ViewKind::Series, ViewKind::Status]
    );
    let scene = build(&d, &view("fr", 320.0, 480.0));
    assert_eq!(panels(&scene), [ViewKind::Rating]);
}

#[test]
fn a_panel_whose_view_fails_is_left_out_and_the_others_take_the_room() {
    let mut d = morocco();
    d.ratings.clear();
    assert!(chart::build(&d, &View::new(ViewKind::Rating, 500.0, 300.0), &Estimate).is_err());
    let scene = build(&d, &view("en", 1000.0, 700.0));
    assert_eq!(
        panels(&scene),
        [ViewKind::Series, ViewKind::Status, ViewKind::Timeline]
    );
    // the series take the first cell, and the third panel spans the second row
    let (s0, s1) = extent(&scene, ViewKind::Series);
    assert!(
        s0 < 100.0 && s1 <= 500.0,
        "series in the first cell: {s0} {s1}"
    );
    let (_, t1) = extent(&scene, ViewKind::Timeline);
    assert!(t1 > 600.0, "the timeline runs across: {t1}");
    assert!(!scene.texts().iter().any(|t| t.contains("TIP Report tier")));

    // no commitments and no milestones either: the board shows the recommendations instead
    d.commitments.clear();
    d.milestones.clear();
    let scene = build(&d, &view("en", 1000.0, 700.0));
    assert_eq!(panels(&scene), [ViewKind::Series, ViewKind::Status]);
    let texts = scene.texts().join("\n");
    assert!(texts.contains("Recommendations"), "{texts}");

    // and no recommendations: the figures alone take the whole board
    d.recommendations.clear();
    let scene = build(&d, &view("en", 1000.0, 700.0));
    assert_eq!(panels(&scene), [ViewKind::Series]);
    let (s0, s1) = extent(&scene, ViewKind::Series);
    assert!(s0 < 100.0 && s1 > 900.0, "{s0} {s1}");

    // nothing any panel can show: the overview says so
    let minimal = dataset("minimal.json");
    let err = chart::build(&minimal, &view("en", 1000.0, 700.0), &Estimate).unwrap_err();
    assert_eq!(err.to_string(), "the dataset has no charts to show");
}

#[test]
fn one_title_and_one_source_line_for_the_whole_board() {
    let d = morocco();
    let scene = build(&d, &view("en", 1000.0, 700.0));
    assert_eq!(scene.chrome.title, d.text(&d.plan.title, "en"));
    assert!(scene.chrome.legend.is_empty());
    let sources = &scene.chrome.source;
    // publishers of the rating, the figures, the commitments and the milestones
    for publisher in [
        "Andrew Heiss",
        "Barlamane",
        "CNCLT (Ministry of Justice)",
        "Social Net Link",
    ] {
        assert!(
            sources.contains(publisher),
            "{publisher} missing: {sources}"
        );
    }
    let source_lines = scene
        .texts()
        .iter()
        .filter(|t| t.starts_with("Sources"))
        .count();
    assert_eq!(source_lines, 1, "no footer under each panel");
    // each panel keeps its own title
    for title in ["Milestones", "Commitments"] {
        assert!(scene.texts().contains(&title), "{title}");
    }
    // undecorated: the page shows the title and sources, the panels keep theirs
    let mut v = view("en", 1000.0, 700.0);
    v.decorate = false;
    let scene = build(&d, &v);
    assert!(!scene.texts().iter().any(|t| t.starts_with("Sources")));
    assert!(!scene.texts().contains(&scene.chrome.title.as_str()));
    assert!(scene.texts().contains(&"Milestones"));
    assert!(!scene.chrome.source.is_empty());
}

#[test]
fn every_size_language_theme_and_dataset_draws() {
    let datasets = [morocco(), dataset("full.json")];
    for d in &datasets {
        for lang in ["en", "fr", "ar"] {
            for (w, h) in [
                (320.0, 600.0),
                (360.0, 900.0),
                (760.0, 500.0),
                (1200.0, 800.0),
            ] {
                for theme in [Theme::light(), Theme::dark()] {
                    for decorate in [true, false] {
                        let mut v = view(lang, w, h);
                        v.theme = theme.clone();
                        v.decorate = decorate;
                        let scene = build(d, &v);
                        assert!(!scene.targets.is_empty(), "{lang} {w}x{h}");
                        assert_eq!((scene.width, scene.height), (w, h));
                    }
                }
            }
        }
    }
}
