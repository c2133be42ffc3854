//! The compare view: Morocco and six neighbours on the TIP tier scale, one cell per country and
//! year; the three kinds of year without a tier (special case, not ranked, gap) kept apart by
//! the chart, the tooltip, the summary, the table and the CSV; subjects as rows on wide screens,
//! turned (years as rows) on a phone; keyboard moves across countries and years. And the
//! rating view of one country, which keeps the three apart too.
// Tests read as one story each.
#![allow(clippy::too_many_lines)]

mod common;

use common::{check_snapshot_of, morocco, neighbours};
use plan_progress::chart::hit::{self, Move};
use plan_progress::chart::select::{self, Selection};
use plan_progress::chart::{
    self, Datum, Estimate, Mark, Missing, Scene, Target, Theme, View, ViewError, ViewKind,
};
use plan_progress::describe::{self, details};
use plan_progress::i18n::Locale;
use plan_progress::model::Dataset;

fn view(lang: &str, width: f64) -> View {
    let mut v = View::new(
        ViewKind::Compare,
        width,
        ViewKind::Compare.default_height(width),
    );
    v.lang = lang.into();
    v.fit_content = true;
    v.decorate = false;
    v
}

fn build(d: &Dataset, v: &View) -> Scene {
    chart::build(d, v, &Estimate).unwrap()
}

/// The rating index of the subject `code`.
fn rating_of(d: &Dataset, code: &str) -> usize {
    d.ratings
        .iter()
        .position(|r| r.subject.as_deref() == Some(code))
        .unwrap()
}

/// The target of `code`'s cell in `year`.
fn cell(d: &Dataset, scene: &Scene, code: &str, year: i32) -> usize {
    let rating = rating_of(d, code);
    let datum = Datum::Compared { rating, year };
    scene.targets.iter().position(|t| t.datum == datum).unwrap()
}

fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

#[test]
fn snapshot_english_wide() {
    check_snapshot_of(&neighbours(), "compare-en", &view("en", 1000.0));
}

#[test]
fn snapshot_arabic_narrow_dark() {
    let mut v = view("ar", 360.0);
    v.theme = Theme::dark();
    check_snapshot_of(&neighbours(), "compare-ar-narrow-dark", &v);
}

#[test]
fn snapshot_french_decorated_time_right_to_left() {
    let mut v = view("fr", 700.0);
    v.x_rtl = true;
    v.decorate = true;
    check_snapshot_of(&neighbours(), "compare-fr-rtl", &v);
}

#[test]
fn every_cell_is_drawn_morocco_first_wide_as_rows_narrow_as_columns() {
    let d = neighbours();
    for (width, turned) in [
        (1000.0, false),
        (700.0, false),
        (600.0, true),
        (360.0, true),
        (320.0, true),
    ] {
        for lang in ["en", "fr", "ar"] {
            let v = view(lang, width);
            let scene = build(&d, &v);
            let what = format!("{lang} {width}");
            // 7 subjects x 25 years, every one a datum, gaps included
            assert_eq!(scene.targets.len(), 7 * 25, "{what}");
            assert_eq!(scene.bands.len(), 7, "{what}");
            // Morocco leads, the others in the dataset's order
            let ma = rating_of(&d, "MA");
            assert_eq!(
                scene.targets[0].datum,
                Datum::Compared {
                    rating: ma,
                    year: 2001
                },
                "{what}"
            );
            // a subject's cells share a row (wide) or a column (turned)
            let morocco: Vec<&Target> = scene.targets.iter().filter(|t| t.series == 0).collect();
            let along = |t: &&Target| if turned { t.x } else { t.y };
            assert!(
                morocco
                    .iter()
                    .all(|t| (along(t) - along(&morocco[0])).abs() < 0.01),
                "{what}: Morocco's cells are not in one line"
            );
            // cells do not overlap and stay on the canvas
            for t in &scene.targets {
                assert!(
                    t.w >= 14.0 && t.h >= 14.0,
                    "{what}: a cell of {}x{}",
                    t.w,
                    t.h
                );
                assert!(t.x - t.w / 2.0 >= 0.0 && t.x + t.w / 2.0 <= width, "{what}");
            }
            for pair in morocco.windows(2) {
                let gap = if turned {
                    pair[1].y - pair[0].y
                } else {
                    (pair[1].x - pair[0].x).abs()
                };
                assert!(gap >= pair[0].w.min(pair[0].h), "{what}: cells overlap");
            }
            // without a height asked, the chart is as tall as its grid (and the grid fits)
            let bottom = scene.plot.1 + scene.plot.3;
            assert!(bottom <= scene.height, "{what}");
            assert!(
                scene.height - bottom < 40.0,
                "{what}: {} under {bottom}",
                scene.height
            );
        }
    }
}

#[test]
fn cells_say_their_level_in_letters_and_the_legend_names_every_kind() {
    let d = neighbours();
    let scene = build(&d, &view("en", 1000.0));
    let texts: Vec<String> = scene.texts().iter().map(|t| plain(t)).collect();
    for legend in [
        "Tier 1",
        "Tier 2",
        "Tier 2 Watch List",
        "Tier 3",
        "Special case",
        "Not ranked",
        "No data",
    ] {
        assert!(
            texts.iter().any(|t| t == legend),
            "no {legend:?} in {texts:?}"
        );
    }
    for letters in ["1", "2", "2W", "3", "SC", "–"] {
        assert!(
            texts.iter().any(|t| t == letters),
            "no cell says {letters:?}"
        );
    }
    // Spain, Tier 1 every year: 25 cells saying "1" (and one legend swatch)
    assert_eq!(texts.iter().filter(|t| *t == "1").count(), 1 + 25 + 5);
    assert!(texts.iter().any(|t| t == "Morocco"));
    // French and Arabic letters for a special case
    let fr = build(&d, &view("fr", 1000.0));
    assert!(fr.texts().contains(&"CP"));
    let ar = build(&d, &view("ar", 1000.0));
    assert!(ar.texts().contains(&"خاص"));
    // a gap (Egypt 2025) is hatched: diagonal lines, no letters
    let i = cell(&d, &scene, "EG", 2025);
    let t = &scene.targets[i];
    let inside =
        |x: f64, y: f64| (x - t.x).abs() <= t.w / 2.0 + 0.01 && (y - t.y).abs() <= t.h / 2.0 + 0.01;
    let hatch = scene.marks.iter().filter(|m| match m {
        Mark::Line { points, .. } => points.iter().all(|&(x, y)| inside(x, y)),
        _ => false,
    });
    assert!(hatch.count() >= 3);
    let letters = scene
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Text { x, y, .. } if inside(*x, *y)));
    assert_eq!(letters.count(), 0);
}

#[test]
fn the_level_colours_carry_over_to_forced_colours() {
    let d = neighbours();
    // forced colours: the widget gives every level the system's Canvas colour
    let mut v = view("en", 1000.0);
    v.theme.levels = [v.theme.background; 4];
    let scene = build(&d, &v);
    let cells = scene.marks.iter().filter(|m| {
        matches!(m, Mark::Rect { fill: Some(f), stroke, .. } if *f == v.theme.background && stroke.is_some())
    });
    // every level cell (and every special case) is outlined, its letters in the text colour
    assert!(cells.count() >= 150);
    let letters = scene.marks.iter().filter(
        |m| matches!(m, Mark::Text { text, color, .. } if text == "2W" && *color == v.theme.text),
    );
    assert!(letters.count() > 10);
}

#[test]
fn arrows_move_across_years_and_countries_both_ways_the_grid_runs() {
    let d = neighbours();
    // wide: Left and Right along a country's years, Up and Down between countries
    let scene = build(&d, &view("en", 1000.0));
    let start = cell(&d, &scene, "MA", 2001);
    let right = hit::step(&scene, Some(start), Move::Right).unwrap();
    assert_eq!(right, cell(&d, &scene, "MA", 2002));
    let down = hit::step(&scene, Some(right), Move::Down).unwrap();
    assert_eq!(down, cell(&d, &scene, "DZ", 2002));
    assert_eq!(hit::step(&scene, Some(down), Move::Up), Some(right));
    let end = hit::step(&scene, Some(down), Move::End).unwrap();
    assert_eq!(end, cell(&d, &scene, "DZ", 2025));
    assert_eq!(
        hit::step(&scene, Some(end), Move::Home),
        Some(cell(&d, &scene, "DZ", 2001))
    );
    // time right to left: Right goes back in time
    let mut v = view("en", 1000.0);
    v.x_rtl = true;
    let rtl = build(&d, &v);
    let from = cell(&d, &rtl, "MA", 2010);
    assert_eq!(
        hit::step(&rtl, Some(from), Move::Right),
        Some(cell(&d, &rtl, "MA", 2009))
    );
    // turned, in Arabic: Down goes to the next year, Left to the next country (Morocco is
    // at the right, where Arabic starts)
    let turned = build(&d, &view("ar", 360.0));
    let from = cell(&d, &turned, "MA", 2020);
    assert_eq!(
        hit::step(&turned, Some(from), Move::Down),
        Some(cell(&d, &turned, "MA", 2021))
    );
    assert_eq!(
        hit::step(&turned, Some(from), Move::Left),
        Some(cell(&d, &turned, "DZ", 2020))
    );
    assert_eq!(
        hit::step(&turned, Some(from), Move::Home),
        Some(cell(&d, &turned, "MA", 2001))
    );
    // the overlay outlines the followed country's band with the cell
    let overlay = hit::overlay(&turned, Some(from), &Theme::light(), true);
    let band = turned.bands[0];
    let outlined = overlay
        .marks
        .iter()
        .any(|m| matches!(m, Mark::Rect { h, fill: None, .. } if (*h - band.3 - 2.0).abs() < 0.01));
    assert!(outlined, "{:?}", overlay.marks);
}

#[test]
fn a_tooltip_tells_a_special_case_not_ranked_and_no_data_apart() {
    let d = neighbours();
    let v = view("en", 1000.0);
    let say = |code: &str, year: i32| {
        let datum = Datum::Compared {
            rating: rating_of(&d, code),
            year,
        };
        details(&d, &v, datum).unwrap()
    };
    let libya = say("LY", 2020);
    assert_eq!(libya.heading, "Libya");
    assert_eq!(libya.value, "special case");
    assert_eq!(libya.when.as_deref(), Some("2020"));
    assert!(libya.source.is_some());
    let sentence = libya.sentence(v.ui_lang());
    assert!(
        sentence.starts_with("Libya, 2020, special case"),
        "{sentence}"
    );
    assert!(sentence.contains("Source: US State Dept"), "{sentence}");
    let egypt = say("EG", 2025);
    assert_eq!(
        (egypt.heading.as_str(), egypt.value.as_str()),
        ("Egypt", "no data")
    );
    assert!(egypt.source.is_none() && egypt.note.is_some());
    assert_eq!(say("DZ", 2001).value, "not ranked");
    assert_eq!(say("MA", 2025).value, "Tier 2");
    let data = libya.to_json().to_string();
    assert!(
        data.contains(r#""kind":"compared""#) && data.contains(r#""subject":"LY""#),
        "{data}"
    );
    assert!(data.contains(r#""placement":"special_case""#), "{data}");
    // in French and Arabic
    let mut fr = v.clone();
    fr.lang = "fr".into();
    let datum = Datum::Compared {
        rating: rating_of(&d, "LY"),
        year: 2020,
    };
    assert_eq!(details(&d, &fr, datum).unwrap().value, "cas particulier");
    fr.lang = "ar".into();
    let ar = details(&d, &fr, datum).unwrap();
    assert_eq!(
        (ar.heading.as_str(), ar.value.as_str()),
        ("ليبيا", "حالة خاصة")
    );
}

#[test]
fn the_summary_says_where_each_country_stands_and_who_moved_since_2023() {
    let d = neighbours();
    let summary = |lang: &str| plain(&describe::summary(&d, &view(lang, 1000.0)));
    let en = summary("en");
    assert_eq!(
        en,
        "US TIP Report tier in 2025: Morocco and Mauritania on Tier 2; Algeria and Tunisia on \
         Tier 2 Watch List; Libya as a special case; no data for Egypt; Spain on Tier 1. Since \
         2023 (the plan's first year): Algeria from Tier 3 to Tier 2 Watch List; Tunisia from \
         Tier 2 to Tier 2 Watch List."
    );
    let fr = summary("fr");
    for part in [
        "en 2025\u{a0}: Maroc et Mauritanie en Catégorie 2",
        "Libye en cas particulier",
        "Égypte sans données",
        "Depuis 2023 (première année du plan)\u{a0}: Algérie, de Catégorie 3 à Catégorie 2 sous surveillance",
    ] {
        assert!(fr.contains(part), "{part:?} not in {fr}");
    }
    let ar = summary("ar");
    for part in [
        "سنة 2025: المغرب وموريتانيا في الفئة 2",
        "ليبيا حالة خاصة",
        "لا بيانات عن مصر",
        "منذ 2023 (السنة الأولى للخطة): الجزائر من الفئة 3 إلى الفئة 2 تحت المراقبة",
    ] {
        assert!(ar.contains(part), "{part:?} not in {ar}");
    }
    // years cut before the plan: no sentence about moves; a year where nobody moved says so
    let mut v = view("en", 1000.0);
    v.to = Some(2020);
    let cut = plain(&describe::summary(&d, &v));
    assert!(
        cut.starts_with("US TIP Report tier in 2020: Morocco, Tunisia and Egypt on Tier 2;"),
        "{cut}"
    );
    assert!(!cut.contains("Since"), "{cut}");
    v.to = Some(2024);
    let moved = plain(&describe::summary(&d, &v));
    assert!(
        moved.contains("Egypt from Tier 2 Watch List to Tier 2"),
        "{moved}"
    );
}

#[test]
fn the_table_and_csv_keep_special_case_not_ranked_and_gaps_apart() {
    let d = neighbours();
    let v = view("en", 1000.0);
    let table = describe::table(&d, &v);
    assert_eq!(table.caption, "US TIP Report tier");
    let columns: Vec<&str> = table.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        columns,
        [
            "Morocco",
            "Algeria",
            "Tunisia",
            "Libya",
            "Mauritania",
            "Egypt",
            "Spain"
        ]
    );
    assert_eq!(table.rows.len(), 25);
    let at = |year: i32, column: usize| {
        let row = table
            .rows
            .iter()
            .find(|r| r.header == year.to_string())
            .unwrap();
        row.cells[column].clone()
    };
    let libya = at(2020, 3);
    assert_eq!(
        (libya.text.as_str(), libya.missing),
        ("special case", false)
    );
    assert!(libya.source.is_some());
    let algeria = at(2001, 1);
    assert_eq!(
        (algeria.text.as_str(), algeria.missing),
        ("not ranked", false)
    );
    let egypt = at(2025, 5);
    assert_eq!((egypt.text.as_str(), egypt.missing), ("no data", true));
    assert!(egypt.note.is_some());
    // the CSV writes the placements out and leaves only the gap empty
    let csv = table.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0].trim_start_matches('\u{feff}'),
        "Year,Morocco,Algeria,Tunisia,Libya,Mauritania,Egypt,Spain"
    );
    assert_eq!(
        lines[1],
        "2001,Tier 2,not ranked,not ranked,not ranked,not ranked,not ranked,Tier 1"
    );
    assert_eq!(
        lines[20],
        "2020,Tier 2,Tier 3,Tier 2,special case,Tier 2 Watch List,Tier 2,Tier 1"
    );
    assert_eq!(
        lines[25],
        "2025,Tier 2,Tier 2 Watch List,Tier 2 Watch List,special case,Tier 2,,Tier 1"
    );
    // in Arabic too
    let mut ar = v.clone();
    ar.lang = "ar".into();
    let csv = describe::table(&d, &ar).to_csv();
    assert!(
        csv.contains("2020,الفئة 2,الفئة 3,الفئة 2,حالة خاصة,"),
        "{csv}"
    );
}

#[test]
fn without_room_cells_are_left_out_and_the_table_named() {
    let d = neighbours();
    // a page that asks for 150 px: fewer countries, said under the grid
    let mut v = view("en", 1000.0);
    v.fit_content = false;
    v.height = 150.0;
    let scene = build(&d, &v);
    assert!(scene.targets.len() < 7 * 25 && scene.targets.len() % 25 == 0);
    let more = 7 - scene.targets.len() / 25;
    let texts: Vec<String> = scene.texts().iter().map(|t| plain(t)).collect();
    assert!(
        texts.contains(&format!("+{more} more in the table")),
        "{texts:?}"
    );
    let bottom = scene.plot.1 + scene.plot.3;
    assert!(bottom <= 150.0, "{bottom}");
    // the narrowest chart: every country, the latest years that fit
    let scene = build(&d, &view("en", 200.0));
    let years = scene.targets.len() / 7;
    assert_eq!(scene.targets.len() % 7, 0);
    assert!((3..25).contains(&years), "{years}");
    cell(&d, &scene, "ES", 2025);
    let texts: Vec<String> = scene.texts().iter().map(|t| plain(t)).collect();
    assert!(
        texts.contains(&format!("+{} more in the table", 25 - years)),
        "{texts:?}"
    );
    // the table keeps every cell
    assert_eq!(describe::table(&d, &v).rows.len(), 25);
}

#[test]
fn a_dataset_without_a_shared_scale_has_nothing_to_compare() {
    let d = morocco();
    let v = view("fr", 1000.0);
    let err = chart::build(&d, &v, &Estimate).unwrap_err();
    assert_eq!(err, ViewError::NothingToShow(Missing::Comparisons));
    let fr = err.message(Locale::from_tag("fr"));
    assert!(fr.contains("rien à comparer"), "{fr}");
    assert!(
        err.to_string().contains("no ratings on a shared scale"),
        "{err}"
    );
    // an id that is not a shared scale is refused by name
    let mut v = view("en", 1000.0);
    v.series = vec!["nope".into()];
    assert_eq!(
        chart::build(&neighbours(), &v, &Estimate).unwrap_err(),
        ViewError::UnknownSeries("nope".into())
    );
}

#[test]
fn the_builder_is_offered_the_shared_scales() {
    let d = neighbours();
    let choices = select::choices(&d, ViewKind::Compare, "en");
    assert_eq!(
        choices.ids,
        [("tip-tier".to_string(), "US TIP Report tier".to_string())]
    );
    assert_eq!(choices.default, ["tip-tier"]);
    assert!(select::choices(&morocco(), ViewKind::Compare, "en")
        .ids
        .is_empty());
    // a rating's id kept from a rating view does not stop the comparison
    let mut v = view("en", 1000.0);
    v.series = vec!["tip-tier-ly".into()];
    let selection = select::select(&d, &v).unwrap();
    assert!(matches!(selection, Selection::Compare(c) if c.ratings.len() == 7));
}

#[test]
fn the_rating_view_keeps_special_cases_and_unranked_years_apart_from_gaps() {
    let d = neighbours();
    let mut v = View::new(ViewKind::Rating, 800.0, 450.0);
    v.series = vec!["tip-tier-ly".into()];
    let scene = build(&d, &v);
    // every year is drawn but the gaps (Libya has none): levels, special cases, not ranked
    assert_eq!(scene.targets.len(), 25);
    let texts: Vec<String> = scene.texts().iter().map(|t| plain(t)).collect();
    assert!(
        texts.contains(&"Special case".to_string()) && texts.contains(&"Not ranked".to_string())
    );
    let rings = scene
        .marks
        .iter()
        .filter(|m| matches!(m, Mark::Ring { .. }))
        .count();
    assert_eq!(
        rings,
        4 + 10,
        "not ranked 2001-2003, special case 2004 and 2016-2025"
    );
    let summary = plain(&describe::summary(&d, &v));
    assert!(
        summary.starts_with("US TIP Report tier: Libya: special case every year since 2016."),
        "{summary}"
    );
    assert!(
        summary.contains("not ranked from 2001 to 2003"),
        "{summary}"
    );
    assert!(!summary.contains("no figure"), "{summary}");
    let csv = describe::table(&d, &v).to_csv();
    assert!(
        csv.contains("\r\n2020,special case\r\n") && csv.contains("\r\n2001,not ranked\r\n"),
        "{csv}"
    );
    let libya = d
        .ratings
        .iter()
        .position(|r| r.id == "tip-tier-ly")
        .unwrap();
    let point = d.ratings[libya]
        .points
        .iter()
        .position(|p| p.year == 2020)
        .unwrap();
    let said = details(
        &d,
        &v,
        Datum::Rated {
            rating: libya,
            point,
        },
    )
    .unwrap();
    assert_eq!(said.value, "special case");
    // Egypt 2025, a gap: no marker, "no data" in the table, "no figure" in the summary
    v.series = vec!["tip-tier-eg".into()];
    let scene = build(&d, &v);
    assert_eq!(scene.targets.len(), 24);
    let table = describe::table(&d, &v);
    let last = table.rows.last().unwrap();
    assert_eq!(
        (last.cells[0].text.as_str(), last.cells[0].missing),
        ("no data", true)
    );
    let summary = plain(&describe::summary(&d, &v));
    assert!(summary.contains("no figure for 2025"), "{summary}");
}
