//! The timeline view: milestones in date order on a time axis, labels that never overlap, a
//! year-only date drawn as the year it is, dates written the reader's way, and a vertical list
//! on narrow screens.

mod common;

use common::{check_snapshot, morocco, root};
use plan_progress::chart::scene::{without_isolate, Align, Baseline};
use plan_progress::chart::{self, Datum, Estimate, Mark, Measure, Scene, Theme, View, ViewKind};
use plan_progress::model::{self, Dataset};

fn view(lang: &str, width: f64, height: f64) -> View {
    let mut v = View::new(ViewKind::Timeline, width, height);
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

/// Text as read, without the direction isolates the Arabic layout wraps it in.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

fn texts(scene: &Scene) -> Vec<String> {
    scene.texts().iter().map(|t| plain(t)).collect()
}

/// The box (x0, y0, x1, y1) a text mark covers, by the same width estimate as the layout, with
/// the height of a line of its size.
fn text_box(mark: &Mark) -> Option<(f64, f64, f64, f64)> {
    let Mark::Text {
        x,
        y,
        text,
        size,
        bold,
        align,
        baseline,
        ..
    } = mark
    else {
        return None;
    };
    let w = Estimate.width(text, *size, *bold);
    let h = size * 1.2;
    let x0 = match align {
        Align::Left => *x,
        Align::Center => x - w / 2.0,
        Align::Right => x - w,
    };
    let y0 = match baseline {
        Baseline::Top => *y,
        Baseline::Middle => y - h / 2.0,
        Baseline::Bottom => y - h,
    };
    Some((x0, y0, x0 + w, y0 + h))
}

/// Every pair of drawn texts that overlap, and every text that leaves the canvas.
fn collisions(scene: &Scene) -> Vec<String> {
    let boxes: Vec<(String, (f64, f64, f64, f64))> = scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => text_box(m).map(|b| (plain(text), b)),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for (i, (a, ba)) in boxes.iter().enumerate() {
        let inside =
            ba.0 >= -0.5 && ba.2 <= scene.width + 0.5 && ba.1 >= -0.5 && ba.3 <= scene.height + 0.5;
        if !inside {
            found.push(format!("{a:?} leaves the canvas at {ba:?}"));
        }
        for (b, bb) in &boxes[i + 1..] {
            let overlap =
                ba.0 < bb.2 - 0.5 && bb.0 < ba.2 - 0.5 && ba.1 < bb.3 - 0.5 && bb.1 < ba.3 - 0.5;
            if overlap {
                found.push(format!("{a:?} {ba:?} overlaps {b:?} {bb:?}"));
            }
        }
    }
    found
}

/// Where each milestone is drawn on the axis, in drawing order: a dot's centre, or the middle
/// of a year's bar (an opaque rectangle of the accent colour).
fn marker_xs(scene: &Scene, v: &View) -> Vec<f64> {
    let accent = v.theme.series[0];
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Marker { x, .. } => Some(*x),
            Mark::Rect {
                x,
                w,
                fill: Some(f),
                ..
            } if *f == accent => Some(x + w / 2.0),
            _ => None,
        })
        .collect()
}

/// The bars drawn for milestones known only to their year: (x, y, w, h).
fn year_bars(scene: &Scene, v: &View) -> Vec<(f64, f64, f64, f64)> {
    let accent = v.theme.series[0];
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
            } if *f == accent => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect()
}

fn milestone_index(d: &Dataset, id: &str) -> usize {
    d.milestones.iter().position(|m| m.id == id).unwrap()
}

#[test]
fn snapshot_english_wide() {
    check_snapshot("timeline-en", &view("en", 1000.0, 450.0));
}

#[test]
fn snapshot_french_narrow() {
    check_snapshot("timeline-fr-narrow", &view("fr", 340.0, 600.0));
}

#[test]
fn snapshot_arabic_wide_dark() {
    let mut v = view("ar", 1000.0, 450.0);
    v.theme = Theme::dark();
    check_snapshot("timeline-ar-dark", &v);
}

#[test]
fn milestones_run_in_date_order_left_to_right() {
    let d = morocco();
    let v = view("en", 1000.0, 450.0);
    let scene = build(&d, &v);
    assert_eq!(scene.targets.len(), d.milestones.len());
    let xs = marker_xs(&scene, &v);
    assert_eq!(xs.len(), d.milestones.len(), "one marker or bar each");
    for pair in xs.windows(2) {
        assert!(pair[0] < pair[1], "markers out of date order: {xs:?}");
    }
    // targets come in date order, each covering its own marker
    for (i, (t, x)) in scene.targets.iter().zip(&xs).enumerate() {
        assert_eq!(t.datum, Datum::Milestone { index: i });
        assert_eq!(t.series, 0);
        assert!(
            (t.x - t.w / 2.0) <= *x && *x <= (t.x + t.w / 2.0),
            "target {i} does not cover its marker"
        );
    }
    // the axis ends with the plan's period (2030), after the last milestone (2025)
    let texts = texts(&scene);
    assert!(texts.iter().any(|t| t == "2030"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "2031"));
}

#[test]
fn the_plan_adopted_and_presented_a_week_apart_both_show() {
    let d = morocco();
    for (lang, adopted, presented) in [
        ("en", "17 Mar 2023", "23 Mar 2023"),
        ("fr", "17 mars 2023", "23 mars 2023"),
        ("ar", "17 مارس 2023", "23 مارس 2023"),
    ] {
        for width in [1000.0, 800.0, 340.0] {
            let scene = build(&d, &view(lang, width, 450.0));
            let texts = texts(&scene);
            assert!(
                texts.iter().any(|t| t == adopted),
                "{lang} {width}: {texts:?}"
            );
            assert!(texts.iter().any(|t| t == presented), "{lang} {width}");
            let target = |id| {
                let index = milestone_index(&d, id);
                scene
                    .targets
                    .iter()
                    .find(|t| t.datum == Datum::Milestone { index })
                    .unwrap()
                    .clone()
            };
            let (a, b) = (target("plan-adopted"), target("plan-presented"));
            // their boxes (marker and label) meet at most on the axis, where the markers are
            let shared_height =
                (a.y + a.h / 2.0).min(b.y + b.h / 2.0) - (a.y - a.h / 2.0).max(b.y - b.h / 2.0);
            assert!(shared_height <= 9.0 + 1e-9, "{lang} {width}: {a:?} {b:?}");
            assert_eq!(collisions(&scene), Vec::<String>::new(), "{lang} {width}");
        }
    }
}

#[test]
fn labels_never_overlap_or_leave_the_canvas() {
    let d = morocco();
    for lang in ["en", "fr", "ar"] {
        for (width, height) in [
            (320.0, 450.0),
            (340.0, 600.0),
            (480.0, 400.0),
            (560.0, 450.0),
            (640.0, 360.0),
            (800.0, 450.0),
            (1000.0, 450.0),
            (1000.0, 260.0),
            (1200.0, 500.0),
        ] {
            for decorate in [true, false] {
                let mut v = view(lang, width, height);
                v.decorate = decorate;
                let scene = build(&d, &v);
                let found = collisions(&scene);
                assert!(
                    found.is_empty(),
                    "{lang} {width}x{height} decorate {decorate}: {found:#?}"
                );
            }
        }
    }
}

#[test]
fn a_milestone_known_only_to_its_year_spans_the_year() {
    let d = morocco();
    let v = view("en", 1000.0, 450.0);
    let scene = build(&d, &v);
    let year_only = d.milestones.iter().filter(|m| m.date.month.is_none());
    let bars = year_bars(&scene, &v);
    assert_eq!(
        bars.len(),
        year_only.count(),
        "2018, 2021, 2024, 2025: {bars:?}"
    );
    let dots = scene
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Marker { .. }))
        .count();
    assert_eq!(dots, 11, "dates known to the month or day are dots");
    // a bar is a year long: the axis runs 2002-2030, 29 years over the plot's width
    let year = scene.plot.2 / 29.0;
    for (_, _, w, h) in &bars {
        assert!(*w > year * 0.8 && *w <= year, "{w} vs a year of {year}");
        assert!(h < w);
    }
    // the 2018 decree's bar lies under the year label 2018
    let decree = d.milestones[milestone_index(&d, "cnclt-decree")].date;
    assert_eq!(decree.to_string(), "2018");
    let label_x = scene.marks.iter().find_map(|m| match m {
        Mark::Text { text, x, .. } if text == "2018" && text_box(m).is_some() => Some(*x),
        _ => None,
    });
    let label_x = label_x.unwrap();
    assert!(
        bars.iter()
            .any(|(x, _, w, _)| *x < label_x && label_x < x + w),
        "{label_x} {bars:?}"
    );

    // narrow: a bar along the rail, as tall as the milestone's row
    let v = view("en", 340.0, 600.0);
    let scene = build(&d, &v);
    let bars = year_bars(&scene, &v);
    assert_eq!(bars.len(), 4);
    assert!(bars.iter().all(|(_, _, w, h)| h > w), "{bars:?}");
}

#[test]
fn dates_are_written_at_their_precision_in_each_language() {
    let d = morocco();
    for (lang, day, month, year) in [
        ("en", "25 Aug 2016", "May 2019", "2018"),
        ("fr", "25 août 2016", "mai 2019", "2018"),
        ("ar", "25 غشت 2016", "ماي 2019", "2018"),
    ] {
        for width in [1000.0, 340.0] {
            let scene = build(&d, &view(lang, width, 600.0));
            let texts = texts(&scene);
            for expected in [day, month, year] {
                assert!(
                    texts.iter().any(|t| t == expected),
                    "{lang} {width}: {expected} missing from {texts:?}"
                );
            }
            // a date known to the month never gains a day
            assert!(!texts.iter().any(|t| t.contains("1 May 2019")));
        }
    }
    let scene = build(&d, &view("en", 1000.0, 450.0));
    let texts = texts(&scene);
    assert!(texts.iter().any(|t| t == "September 2023"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "19 Sept 2002")); // CLDR en-GB
}

#[test]
fn the_plans_period_is_a_labelled_band() {
    let d = morocco();
    let v = view("en", 1000.0, 450.0);
    let scene = build(&d, &v);
    let accent = v.theme.series[0];
    let band = scene.marks.iter().find_map(|m| match m {
        Mark::Rect {
            x,
            w,
            fill: Some(f),
            ..
        } if f.a < 1.0 && (f.r, f.g, f.b) == (accent.r, accent.g, accent.b) => Some((*x, *w)),
        _ => None,
    });
    let (x, w) = band.unwrap();
    // 2023-2030 is 8 of the axis' 29 years
    let ratio = w / scene.plot.2;
    assert!((ratio - 8.0 / 29.0).abs() < 0.02, "{ratio}");
    assert!(x > scene.plot.0 + scene.plot.2 / 2.0, "in the right half");
    let label = scene.marks.iter().find_map(|m| match m {
        Mark::Text {
            text, color, x: lx, ..
        } if *color == accent => Some((without_isolate(text).to_string(), *lx)),
        _ => None,
    });
    let (text, lx) = label.unwrap();
    assert!(text.starts_with("National Plan"), "{text}");
    assert!(x <= lx && lx <= x + w, "labelled inside the band");
}

#[test]
fn arabic_keeps_time_left_to_right_and_text_right_aligned() {
    let d = morocco();
    let v = view("ar", 1000.0, 450.0);
    let scene = build(&d, &v);
    let xs = marker_xs(&scene, &v);
    assert!(
        xs.windows(2).all(|p| p[0] < p[1]),
        "time runs left to right"
    );
    for m in &scene.marks {
        if let Mark::Text {
            text, align, size, ..
        } = m
        {
            let arabic = text.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c));
            if arabic {
                assert!(text.starts_with('\u{2067}'), "isolated: {text}");
                assert_eq!(*align, Align::Right, "right-aligned: {text} ({size})");
            }
        }
    }
    // narrow: dates on the right of the rail, labels on its left, all right-aligned
    let v = view("ar", 340.0, 600.0);
    let scene = build(&d, &v);
    let xs = marker_xs(&scene, &v);
    let rail = xs[0];
    assert!(
        xs.iter().all(|x| (x - rail).abs() < 0.5),
        "one vertical rail"
    );
    let date = scene.marks.iter().find_map(|m| match m {
        Mark::Text { text, x, align, .. } if plain(text) == "25 غشت 2016" => Some((*x, *align)),
        _ => None,
    });
    let (x, align) = date.unwrap();
    assert!(x > rail && align == Align::Right);
    let label = d.text(&d.milestones[0].label, "ar");
    let first_word = label.split_whitespace().next().unwrap();
    let text_x = scene.marks.iter().find_map(|m| match m {
        Mark::Text { text, x, .. } if plain(text).starts_with(first_word) => Some(*x),
        _ => None,
    });
    assert!(text_x.unwrap() < rail);
}

#[test]
fn narrow_screens_get_a_vertical_list_in_date_order() {
    let d = morocco();
    let v = view("en", 320.0, 600.0);
    let scene = build(&d, &v);
    assert_eq!(scene.targets.len(), d.milestones.len());
    let ys: Vec<f64> = scene.targets.iter().map(|t| t.y).collect();
    assert!(ys.windows(2).all(|p| p[0] < p[1]), "{ys:?}");
    // the dates sit on the reading start side (left), before the rail
    let xs = marker_xs(&scene, &v);
    let date_x = scene.marks.iter().find_map(|m| match m {
        Mark::Text { text, x, .. } if without_isolate(text) == "25 Aug 2016" => Some(*x),
        _ => None,
    });
    assert!(date_x.unwrap() < xs[0]);
    // text stays readable: nothing smaller than 10 px
    for m in &scene.marks {
        if let Mark::Text { size, .. } = m {
            assert!(*size >= 10.0);
        }
    }
}

#[test]
fn a_short_canvas_counts_the_earliest_milestones_it_leaves_out() {
    let d = morocco();
    let scene = build(&d, &view("en", 320.0, 250.0));
    let texts = texts(&scene);
    let drawn = scene.targets.len();
    assert!(drawn < d.milestones.len() && drawn > 0);
    let left_out = d.milestones.len() - drawn;
    let note = format!("+{left_out} · 2002");
    assert!(
        texts.iter().any(|t| t.starts_with(&note)),
        "{note} in {texts:?}"
    );
    // the latest milestones are the ones kept
    let last = d.milestones.len() - 1;
    assert!(scene
        .targets
        .iter()
        .any(|t| t.datum == Datum::Milestone { index: last }));
    assert_eq!(collisions(&scene), Vec::<String>::new());
}

#[test]
fn years_can_be_limited() {
    let d = morocco();
    let mut v = view("en", 1000.0, 450.0);
    v.from = Some(2016);
    v.to = Some(2023);
    let scene = build(&d, &v);
    let years: Vec<i32> = scene
        .targets
        .iter()
        .map(|t| match t.datum {
            Datum::Milestone { index } => d.milestones[index].date.year,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        years,
        [2016, 2018, 2019, 2021, 2022, 2022, 2023, 2023, 2023]
    );
    let texts = texts(&scene);
    assert!(
        !texts.iter().any(|t| t == "2030" || t == "2002"),
        "{texts:?}"
    );
    v.from = Some(2026);
    v.to = None;
    assert!(chart::build(&d, &v, &Estimate).is_err());
}

#[test]
fn title_and_sources() {
    let d = morocco();
    let scene = build(&d, &view("fr", 1000.0, 450.0));
    assert_eq!(scene.chrome.title, "Étapes clés");
    assert!(scene.chrome.source.starts_with("Sources :"));
    assert!(
        scene.chrome.source.contains("tanmia.ma"),
        "{}",
        scene.chrome.source
    );
    // undecorated, the page shows title and sources: the image does not
    let mut v = view("fr", 1000.0, 450.0);
    v.decorate = false;
    let scene = build(&d, &v);
    assert!(!scene.texts().contains(&"Étapes clés"));
    assert!(!scene.texts().iter().any(|t| t.starts_with("Sources")));
    assert_eq!(scene.chrome.title, "Étapes clés");
}

#[test]
fn other_datasets() {
    let minimal = dataset("minimal.json");
    let err = chart::build(&minimal, &view("en", 800.0, 450.0), &Estimate).unwrap_err();
    assert_eq!(err.to_string(), "the dataset has no milestones to show");

    let full = dataset("full.json");
    for lang in ["en", "fr", "ar"] {
        for width in [320.0, 600.0, 1000.0] {
            for theme in [Theme::light(), Theme::dark()] {
                let mut v = view(lang, width, 400.0);
                v.theme = theme;
                let scene = build(&full, &v);
                assert_eq!(scene.targets.len(), 4);
                assert_eq!(collisions(&scene), Vec::<String>::new(), "{lang} {width}");
            }
        }
    }
    // the leap day is a real day
    let scene = build(&full, &view("fr", 1000.0, 400.0));
    assert!(texts(&scene).iter().any(|t| t == "29 février 2024"));
    assert!(texts(&scene).iter().any(|t| t == "juin 2024"));
}

#[test]
fn the_band_covers_only_the_plans_years() {
    let mut full = dataset("full.json");
    full.plan.period = (2021, 2022);
    let tint_band = |scene: &Scene, v: &View| {
        let accent = v.theme.series[0];
        scene.marks.iter().find_map(|m| match m {
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill: Some(f),
                ..
            } if f.a < 1.0 && (f.r, f.g, f.b) == (accent.r, accent.g, accent.b) => {
                Some((*x, *y, *w, *h))
            }
            _ => None,
        })
    };
    // wide: the axis runs 2020-2024 (the last milestone), the band over 2 of its 5 years
    let v = view("en", 1000.0, 400.0);
    let scene = build(&full, &v);
    let (_, _, w, _) = tint_band(&scene, &v).unwrap();
    let ratio = w / scene.plot.2;
    assert!((ratio - 2.0 / 5.0).abs() < 0.03, "{ratio}");
    // narrow: from the plan's row down to the 2022 report, not over the 2024 milestones
    let v = view("en", 340.0, 500.0);
    let scene = build(&full, &v);
    let (_, y, _, h) = tint_band(&scene, &v).unwrap();
    let row_y = |index: usize| {
        scene
            .targets
            .iter()
            .find(|t| t.datum == Datum::Milestone { index })
            .unwrap()
            .y
    };
    assert!(y < row_y(1) && row_y(1) < y + h, "2 Apr 2022 inside");
    assert!(row_y(0) < y, "15 Mar 2020 before the plan");
    assert!(row_y(2) > y + h, "29 Feb 2024 after it");
}

/// `x-direction="rtl"`: the horizontal timeline runs from the right, the earliest milestone
/// rightmost, and its labels still do not overlap.
#[test]
fn time_can_run_right_to_left() {
    let d = morocco();
    for lang in ["ar", "en"] {
        let mut v = view(lang, 1200.0, 630.0);
        v.x_rtl = true;
        let scene = build(&d, &v);
        let x_of = |index: usize| {
            scene
                .targets
                .iter()
                .find(|t| t.datum == Datum::Milestone { index })
                .map(|t| t.x)
                .expect("every milestone has a target")
        };
        let last = d.milestones.len() - 1;
        assert!(
            x_of(0) > x_of(last),
            "{lang}: {} vs {}",
            x_of(0),
            x_of(last)
        );
        let forward = build(&d, &view(lang, 1200.0, 630.0));
        assert_eq!(forward.targets.len(), scene.targets.len());
    }
}
