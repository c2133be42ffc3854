//! The status view: a board of four columns by status whose counts match the data, whose cards
//! are targets that do not overlap, which shows what was not transcribed instead of hiding it,
//! and which runs right to left in Arabic.
mod common;

use common::{check_snapshot, morocco, root};
use plan_progress::chart::{self, Datum, Estimate, Mark, Scene, Theme, View, ViewError, ViewKind};
use plan_progress::i18n::{self, Lang};
use plan_progress::model::{self, Dataset, StatusValue};

fn view(series: &[&str], lang: &str) -> View {
    let mut v = View::new(ViewKind::Status, 800.0, 450.0);
    v.series = series.iter().map(|s| s.to_string()).collect();
    v.lang = lang.into();
    v
}

fn full() -> Dataset {
    let text = std::fs::read_to_string(root().join("tests/datasets/valid/full.json")).unwrap();
    model::load(&text).unwrap()
}

/// Text as written, without the bidi isolates that right-to-left layouts wrap around it.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect()
}

/// (x, y, text) of every text mark, isolates removed.
fn texts(scene: &Scene) -> Vec<(f64, f64, String)> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { x, y, text, .. } => Some((*x, *y, plain(text))),
            _ => None,
        })
        .collect()
}

/// The count shown in the header of the column named `name`: the nearest number on the
/// header's line on the name's reading end side (right in LTR, left in RTL).
fn header_count(scene: &Scene, name: &str, rtl: bool) -> u32 {
    let all = texts(scene);
    let (x, y, _) = all
        .iter()
        .find(|(_, _, t)| t == name)
        .unwrap_or_else(|| panic!("no header {name:?} in {all:?}"));
    let distance = |tx: f64| if rtl { x - tx } else { tx - x };
    all.iter()
        .filter(|(tx, ty, _)| ty == y && distance(*tx) > 0.0)
        .filter_map(|(tx, _, t)| Some((distance(*tx), t.parse::<u32>().ok()?)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, count)| count)
        .unwrap_or_else(|| panic!("no count beside {name:?}"))
}

/// The x of the header named `name`.
fn header_x(scene: &Scene, name: &str) -> f64 {
    texts(scene)
        .into_iter()
        .find(|(_, _, t)| t == name)
        .map(|(x, _, _)| x)
        .unwrap_or_else(|| panic!("no header {name:?}"))
}

/// Every card's box is inside the canvas and no two cards overlap.
fn assert_cards_fit(scene: &Scene, what: &str) {
    for t in &scene.targets {
        assert!(t.w > 20.0 && t.h > 10.0, "{what}: box too small {t:?}");
        let (left, top) = (t.x - t.w / 2.0, t.y - t.h / 2.0);
        assert!(
            left >= 0.0 && top >= 0.0,
            "{what}: {t:?} leaves the canvas at the top or start"
        );
        assert!(
            left + t.w <= scene.width && top + t.h <= scene.height,
            "{what}: {t:?} leaves the canvas ({} x {})",
            scene.width,
            scene.height
        );
    }
    for (i, a) in scene.targets.iter().enumerate() {
        for b in &scene.targets[i + 1..] {
            let apart_x = (a.x - b.x).abs() >= (a.w + b.w) / 2.0;
            let apart_y = (a.y - b.y).abs() >= (a.h + b.h) / 2.0;
            assert!(apart_x || apart_y, "{what}: {a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn snapshot_commitments_in_english() {
    check_snapshot("status-commitments-en", &view(&[], "en"));
}

#[test]
fn snapshot_tip_2024_in_french() {
    check_snapshot("status-tip-2024-fr", &view(&["tip-2024"], "fr"));
}

#[test]
fn snapshot_tip_2024_in_arabic() {
    check_snapshot("status-tip-2024-ar", &view(&["tip-2024"], "ar"));
}

#[test]
fn column_counts_match_the_commitments() {
    let d = morocco();
    let scene = chart::build(&d, &view(&["commitments"], "en"), &Estimate).unwrap();
    for status in StatusValue::ALL {
        let expected = d
            .commitments
            .iter()
            .filter(|c| c.status.value == status)
            .count() as u32;
        let name = i18n::status_name(Lang::En, status);
        assert_eq!(header_count(&scene, name, false), expected, "{name}");
    }
    // every commitment is one card, in its status's column
    assert_eq!(scene.targets.len(), d.commitments.len());
    for t in &scene.targets {
        let Datum::Commitment { index } = t.datum else {
            panic!("not a commitment: {t:?}");
        };
        assert_eq!(t.series, d.commitments[index].status.value as usize);
    }
    assert_eq!(scene.chrome.title, "Commitments");
    assert!(scene.chrome.source.contains("US State Dept"));
}

#[test]
fn the_untranscribed_part_of_tip_2024_is_shown_not_hidden() {
    let d = morocco();
    let scene = chart::build(&d, &view(&["tip-2024"], "en"), &Estimate).unwrap();
    let all: Vec<String> = texts(&scene).into_iter().map(|(_, _, t)| t).collect();
    assert!(all.contains(&"8 not transcribed".to_string()), "{all:?}");
    assert!(all.contains(&"2 of 10 transcribed".to_string()), "{all:?}");
    // nobody assessed them: 2 transcribed + 8 missing, all of unknown status
    assert_eq!(header_count(&scene, "Status unknown", false), 10);
    assert_eq!(header_count(&scene, "Implemented", false), 0);
    // the placeholder is not a target: only the two transcribed items are
    assert_eq!(scene.targets.len(), 2);
    // the second recommendation is cut short in the copy read, and its card says so
    assert!(
        all.join(" ").contains("text cut short in the copy read"),
        "{all:?}"
    );
    assert_eq!(
        scene.chrome.title,
        "TIP Report 2024: prioritized recommendations"
    );
    assert!(scene.chrome.source.contains("AllAfrica"), "who states 10");
}

#[test]
fn cards_follow_the_reports_ranks() {
    let d = morocco();
    let scene = chart::build(&d, &view(&["tip-2025"], "en"), &Estimate).unwrap();
    let items: Vec<(usize, f64)> = scene
        .targets
        .iter()
        .map(|t| match t.datum {
            Datum::Recommendation { item, .. } => (item, t.y),
            other => panic!("not a recommendation: {other:?}"),
        })
        .collect();
    assert_eq!(items.len(), 3);
    assert!(items.windows(2).all(|w| w[0].1 < w[1].1), "{items:?}");
    let ranks: Vec<u32> = items
        .iter()
        .map(|(i, _)| d.recommendations[1].items[*i].rank.unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3]);
    // no declared count in 2025: no placeholder invents one
    let all = texts(&scene);
    assert!(!all.iter().any(|(_, _, t)| t.contains("not transcribed")));
}

#[test]
fn every_list_together() {
    let d = morocco();
    let scene = chart::build(&d, &view(&["recommendations"], "en"), &Estimate).unwrap();
    assert_eq!(scene.targets.len(), 5, "2 from 2024, 3 from 2025");
    assert_eq!(header_count(&scene, "Status unknown", false), 13);
    assert_eq!(scene.chrome.title, "Recommendations");
}

#[test]
fn in_arabic_the_first_column_is_on_the_right() {
    let d = morocco();
    let ar = chart::build(&d, &view(&["commitments"], "ar"), &Estimate).unwrap();
    let implemented = header_x(&ar, i18n::status_name(Lang::Ar, StatusValue::Implemented));
    let unknown = header_x(&ar, i18n::status_name(Lang::Ar, StatusValue::Unknown));
    assert!(implemented > unknown, "{implemented} vs {unknown}");
    assert!(implemented > 700.0);
    let x_of = |column: usize| {
        ar.targets
            .iter()
            .filter(|t| t.series == column)
            .map(|t| t.x)
            .fold(f64::NAN, f64::max)
    };
    assert!(x_of(0) > x_of(1) && x_of(1) > x_of(3));
    // and the other way round in English
    let en = chart::build(&d, &view(&["commitments"], "en"), &Estimate).unwrap();
    assert!(header_x(&en, "Implemented") < header_x(&en, "Status unknown"));
    // Arabic text is isolated right to left and anchored at its right
    let rtl_text = ar.marks.iter().any(|m| {
        matches!(m, Mark::Text { text, align: chart::scene::Align::Right, .. }
            if text.starts_with('\u{2067}'))
    });
    assert!(rtl_text);
}

#[test]
fn narrow_columns_stack() {
    let d = morocco();
    let mut v = view(&["commitments"], "en");
    v.width = 340.0;
    v.height = 480.0;
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    let y = |name: &str| {
        texts(&scene)
            .into_iter()
            .find(|(_, _, t)| t == name)
            .map(|(_, y, _)| y)
            .unwrap()
    };
    assert!(y("Implemented") < y("In progress"));
    assert!(y("In progress") < y("Not started"));
    assert!(y("Not started") < y("Status unknown"));
    // every card spans the width
    for t in &scene.targets {
        assert!(t.w > 300.0, "{t:?}");
    }
    assert_eq!(
        scene.targets.len(),
        d.commitments.len(),
        "all fit at 480 px"
    );
}

#[test]
fn cards_fit_at_every_size_language_and_theme() {
    let datasets = [("morocco", morocco()), ("full", full())];
    let subjects: [&[&str]; 3] = [&[], &["tip-2024"], &["recommendations"]];
    for (name, d) in &datasets {
        for series in subjects {
            if *name == "full" && series == ["tip-2024"] {
                continue;
            }
            for (width, height) in [
                (320.0, 480.0),
                (340.0, 420.0),
                (560.0, 400.0),
                (1200.0, 500.0),
            ] {
                for lang in ["fr", "ar", "en"] {
                    for decorate in [true, false] {
                        let mut v = view(series, lang);
                        v.width = width;
                        v.height = height;
                        v.decorate = decorate;
                        v.theme = if decorate {
                            Theme::light()
                        } else {
                            Theme::dark()
                        };
                        let what = format!("{name} {series:?} {width} {lang} {decorate}");
                        let scene = chart::build(d, &v, &Estimate).unwrap();
                        assert!(!scene.targets.is_empty(), "{what}");
                        assert_cards_fit(&scene, &what);
                        assert!(!scene.chrome.title.is_empty(), "{what}");
                    }
                }
            }
        }
    }
}

#[test]
fn without_decoration_the_board_takes_the_canvas() {
    let d = morocco();
    let mut v = view(&["tip-2024"], "en");
    v.decorate = false;
    let scene = chart::build(&d, &v, &Estimate).unwrap();
    let all = scene.texts();
    assert!(
        !all.iter().any(|t| t.contains("TIP Report 2024")),
        "title left to the page"
    );
    assert!(!all.iter().any(|t| t.starts_with("Sources")));
    assert_eq!(
        scene.chrome.title,
        "TIP Report 2024: prioritized recommendations"
    );
    // the honesty is in the board itself, not in the chrome the page may drop
    assert!(all.contains(&"8 not transcribed"));
    assert!(scene.plot.1 < 20.0);
}

#[test]
fn full_dataset_statuses_land_in_their_columns() {
    let d = full();
    let scene = chart::build(&d, &view(&["monitor-2024"], "en"), &Estimate).unwrap();
    assert_eq!(header_count(&scene, "Implemented", false), 1);
    assert_eq!(header_count(&scene, "In progress", false), 1);
    assert_eq!(header_count(&scene, "Not started", false), 0);
    assert_eq!(
        header_count(&scene, "Status unknown", false),
        2,
        "1 listed + 1 not transcribed"
    );
    let series: Vec<usize> = scene.targets.iter().map(|t| t.series).collect();
    assert_eq!(series, [0, 1, 3]);
}

#[test]
fn bad_requests_are_refused() {
    let d = morocco();
    let err = chart::build(&d, &view(&["tip-1999"], "en"), &Estimate).unwrap_err();
    assert_eq!(err, ViewError::UnknownSeries("tip-1999".into()));
    let minimal =
        std::fs::read_to_string(root().join("tests/datasets/valid/minimal.json")).unwrap();
    let minimal = model::load(&minimal).unwrap();
    for series in [&[][..], &["recommendations"][..]] {
        let err = chart::build(&minimal, &view(series, "en"), &Estimate).unwrap_err();
        assert!(matches!(err, ViewError::NothingToShow(_)), "{err:?}");
    }
}
