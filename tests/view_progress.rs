//! The progress view: commitments grouped by axis, bars only where a source gives a figure,
//! proportional to it, mirrored in Arabic; a plan without figures (Morocco's) says so and draws
//! no bar at all.
mod common;

use std::path::PathBuf;

use common::{check_snapshot, morocco, root};
use plan_progress::chart::{
    self, Color, Datum, Estimate, Mark, Scene, Theme, View, ViewError, ViewKind,
};
use plan_progress::model::{self, Dataset};

fn view(lang: &str) -> View {
    let mut v = View::new(ViewKind::Progress, 800.0, 450.0);
    v.lang = lang.into();
    v
}

fn full() -> Dataset {
    let text = std::fs::read_to_string(root().join("tests/datasets/valid/full.json")).unwrap();
    model::load(&text).unwrap()
}

/// Like `common::check_snapshot`, for a dataset other than Morocco's.
fn check_snapshot_of(dataset: &Dataset, name: &str, view: &View) {
    let scene = chart::build(dataset, view, &Estimate).unwrap();
    let svg = chart::svg(&scene).unwrap();
    let expected_path: PathBuf = root().join("tests/snapshots").join(format!("{name}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&expected_path, &svg).unwrap();
        return;
    }
    let new_path = expected_path.with_extension("new.svg");
    match std::fs::read_to_string(&expected_path) {
        Ok(expected) if expected == svg => {
            let _ = std::fs::remove_file(new_path);
        }
        other => {
            std::fs::write(&new_path, &svg).unwrap();
            let what = if other.is_ok() {
                "the drawing changed"
            } else {
                "no snapshot yet"
            };
            panic!(
                "{name}: {what}; review {} and, if intended, run UPDATE_SNAPSHOTS=1 cargo test --test view_progress",
                new_path.display()
            );
        }
    }
}

/// Text as written, without bidi isolates.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect()
}

/// Filled rectangles of colour `color`: (x, y, w, h).
fn rects(scene: &Scene, color: Color) -> Vec<(f64, f64, f64, f64)> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill: Some(f),
                ..
            } if *f == color => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect()
}

/// (x, y, text) of the texts containing `needle`.
fn texts_with(scene: &Scene, needle: &str) -> Vec<(f64, f64, String)> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { x, y, text, .. } if plain(text).contains(needle) => {
                Some((*x, *y, plain(text)))
            }
            _ => None,
        })
        .collect()
}

/// Rows are targets inside the canvas, one per commitment, and never overlap.
fn assert_rows_fit(scene: &Scene, what: &str) {
    for t in &scene.targets {
        let (left, top) = (t.x - t.w / 2.0, t.y - t.h / 2.0);
        assert!(t.w > 100.0 && t.h > 10.0, "{what}: {t:?}");
        assert!(left >= 0.0 && top >= 0.0, "{what}: {t:?}");
        assert!(
            left + t.w <= scene.width && top + t.h <= scene.height,
            "{what}: {t:?} leaves the canvas"
        );
        assert!(matches!(t.datum, Datum::Commitment { .. }), "{what}");
    }
    for pair in scene.targets.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            b.y - b.h / 2.0 >= a.y + a.h / 2.0,
            "{what}: rows overlap or run upwards: {a:?} {b:?}"
        );
    }
}

#[test]
fn snapshot_morocco_in_english() {
    let mut v = view("en");
    v.width = 1000.0;
    check_snapshot("progress-en", &v);
}

#[test]
fn snapshot_morocco_narrow_dark() {
    let mut v = view("en");
    v.width = 340.0;
    v.height = 480.0;
    v.theme = Theme::dark();
    check_snapshot("progress-en-narrow-dark", &v);
}

#[test]
fn snapshot_full_dataset_with_bars() {
    check_snapshot_of(&full(), "progress-full-en", &view("en"));
}

#[test]
fn snapshot_full_dataset_in_arabic() {
    check_snapshot_of(&full(), "progress-full-ar", &view("ar"));
}

#[test]
fn morocco_has_no_axis_and_no_figure_and_says_so() {
    let d = morocco();
    let v = view("en");
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    // no filled bar at all, in any colour of the theme's series
    for color in v.theme.series {
        assert!(rects(&scene, color).is_empty(), "a bar was drawn");
    }
    assert_eq!(texts_with(&scene, "Axis not published").len(), 1);
    let no_figure = texts_with(&scene, "No progress figure published");
    assert_eq!(no_figure.len(), d.commitments.len());
    // each one also gives the commitment's status
    assert_eq!(
        texts_with(&scene, "No progress figure published · Implemented").len(),
        2
    );
    assert!(!scene.texts().iter().any(|t| t.contains('%')));
    assert_eq!(scene.targets.len(), d.commitments.len());
    assert!(scene.targets.iter().all(|t| t.series == 0), "one group");
    assert_eq!(
        scene.chrome.title,
        "National Plan to Combat and Prevent Trafficking in Human Beings 2023-2030"
    );
}

#[test]
fn bars_are_proportional_to_the_published_figures() {
    let d = full();
    let v = view("en");
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    let tracks = rects(&scene, v.theme.grid);
    let bars = rects(&scene, v.theme.series[0]);
    assert_eq!(tracks.len(), 2, "two commitments have a figure");
    assert_eq!(bars.len(), 2);
    let expected = [37.5, 100.0];
    for ((bar, track), value) in bars.iter().zip(&tracks).zip(expected) {
        assert!((bar.1 - track.1).abs() < 0.01, "bar on its track");
        assert!(
            (bar.0 - track.0).abs() < 0.01,
            "grows from the left in English"
        );
        let ratio = bar.2 / track.2;
        assert!((ratio - value / 100.0).abs() < 1e-9, "{ratio} vs {value}");
    }
    assert_eq!(texts_with(&scene, "37.5%").len(), 1);
    assert_eq!(texts_with(&scene, "100%").len(), 1);
    assert_eq!(texts_with(&scene, "Target: 2024").len(), 1);
    assert_eq!(
        texts_with(&scene, "Implemented · Target: June 2023").len(),
        1
    );
    // the third commitment has no figure: an empty track that says so, no bar
    assert_eq!(texts_with(&scene, "No progress figure published").len(), 1);
}

#[test]
fn rows_are_grouped_by_axis_in_the_datasets_order() {
    let d = full();
    let scene = chart::build(&d, &view("en"), &Estimate).unwrap();
    let y = |label: &str| texts_with(&scene, label)[0].1;
    assert!(y("Prevention") < y("Awareness campaign"));
    assert!(y("Awareness campaign") < y("Protection"));
    assert!(y("Protection") < y("Free hotline"));
    assert!(y("Free hotline") < y("Axis not published"));
    assert!(y("Axis not published") < y("Shared data system"));
    let groups: Vec<(usize, usize)> = scene
        .targets
        .iter()
        .map(|t| match t.datum {
            Datum::Commitment { index } => (t.series, index),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(groups, [(0, 1), (1, 0), (2, 2)]);
    assert!(
        scene.chrome.source.contains("The Example Gazette"),
        "progress source"
    );
}

#[test]
fn one_axis_can_be_asked_for() {
    let d = full();
    let mut v = view("en");
    v.series = vec!["protection".into()];
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    assert_eq!(scene.targets.len(), 1);
    v.series = vec!["nope".into()];
    assert_eq!(
        chart::build(&d, &v, &Estimate).unwrap_err(),
        ViewError::UnknownSeries("nope".into())
    );
}

#[test]
fn arabic_bars_grow_from_the_right() {
    let d = full();
    let v = view("ar");
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    let tracks = rects(&scene, v.theme.grid);
    let bars = rects(&scene, v.theme.series[0]);
    assert_eq!(bars.len(), 2);
    for (bar, track) in bars.iter().zip(&tracks) {
        let (bar_end, track_end) = (bar.0 + bar.2, track.0 + track.2);
        assert!((bar_end - track_end).abs() < 0.01, "{bar:?} {track:?}");
    }
    // the first bar is partly filled: its empty part is on the left
    assert!(bars[0].0 > tracks[0].0 + 1.0);
    // labels are on the right of their tracks
    let (label_x, _, _) = texts_with(&scene, "Awareness campaign")[0].clone();
    assert!(label_x > tracks[0].0 + tracks[0].2, "{label_x}");
    // the Arabic target line writes its date in words, with the Moroccan month name
    let target = scene.texts().into_iter().find(|t| t.contains("يونيو"));
    assert!(
        target
            .as_ref()
            .is_some_and(|t| t.contains("الأجل: يونيو 2023")),
        "{target:?}"
    );
}

#[test]
fn narrow_labels_go_above_their_bars() {
    let d = full();
    let mut v = view("fr");
    v.width = 340.0;
    v.height = 420.0;
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    let tracks = rects(&scene, v.theme.grid);
    let (lx, ly, _) = texts_with(&scene, "Awareness campaign")[0].clone();
    let track = tracks[0];
    assert!(ly < track.1, "label above");
    assert!(
        (lx - track.0).abs() < 1.0,
        "label starts where the track starts"
    );
    assert!(track.2 > 250.0, "the track takes the width");
    assert_eq!(
        texts_with(&scene, "37,5\u{202f}%").len(),
        1,
        "French percent"
    );
}

#[test]
fn rows_fit_at_every_size_language_and_theme() {
    for (name, d) in [("morocco", morocco()), ("full", full())] {
        for (width, height) in [
            (320.0, 320.0),
            (340.0, 480.0),
            (560.0, 400.0),
            (1200.0, 500.0),
        ] {
            for lang in ["fr", "ar", "en"] {
                for decorate in [true, false] {
                    let mut v = view(lang);
                    v.width = width;
                    v.height = height;
                    v.decorate = decorate;
                    v.theme = if decorate {
                        Theme::dark()
                    } else {
                        Theme::light()
                    };
                    let what = format!("{name} {width}x{height} {lang} {decorate}");
                    let scene = chart::build(&d, &v, &Estimate).unwrap();
                    assert!(!scene.targets.is_empty(), "{what}");
                    assert_rows_fit(&scene, &what);
                    for color in v.theme.series.iter().skip(1) {
                        assert!(rects(&scene, *color).is_empty(), "{what}");
                    }
                }
            }
        }
    }
}

#[test]
fn nothing_to_show_is_refused() {
    let text = std::fs::read_to_string(root().join("tests/datasets/valid/minimal.json")).unwrap();
    let minimal = model::load(&text).unwrap();
    let err = chart::build(&minimal, &view("en"), &Estimate).unwrap_err();
    assert_eq!(
        err,
        ViewError::NothingToShow(plan_progress::chart::Missing::Commitments)
    );
}

#[test]
fn a_plan_title_the_reader_cannot_read_is_replaced_by_the_period() {
    let text =
        std::fs::read_to_string(root().join("tests/datasets/valid/arabic-only.json")).unwrap();
    let d = model::load(&text).unwrap();
    let scene = chart::build(&d, &view("en"), &Estimate).unwrap();
    assert_eq!(scene.chrome.title, "Commitments 2021–2025");
    // in Arabic the plan's own title is used
    let scene = chart::build(&d, &view("ar"), &Estimate).unwrap();
    assert_eq!(scene.chrome.title, d.text(&d.plan.title, "ar"));
}
