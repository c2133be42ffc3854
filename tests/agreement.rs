//! The chart, the summary a screen reader hears, the data table, the CSV and the sources panel
//! tell the same story: over every valid dataset of `tests/datasets/valid`, `tests/corpus` and
//! `data/`, every view (its default, each id it can show, cut years, a series switched off) and
//! every language, they speak of exactly the data the view's selection holds.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

mod common;

use std::path::PathBuf;

use plan_progress::chart::{self, Datum, Drawing, Estimate, Mark, Selection, View, ViewKind};
use plan_progress::describe::{self, Table};
use plan_progress::i18n::{self, Lang, Msg};
use plan_progress::model::{self, Dataset, Standing};

/// Every valid dataset the tests have, with its path.
fn datasets() -> Vec<(String, Dataset)> {
    let root = common::root();
    let mut paths: Vec<PathBuf> = vec![
        root.join("data/morocco.json"),
        root.join("data/neighbours.json"),
    ];
    for (dir, prefix) in [("tests/datasets/valid", ""), ("tests/corpus", "valid-")] {
        let entries = std::fs::read_dir(root.join(dir)).unwrap();
        let mut found: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read(&p).unwrap();
            let text = String::from_utf8_lossy(&text);
            let dataset = model::load(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), dataset)
        })
        .collect()
}

/// The views worth comparing: the default, each id the kind can show, years cut, and two ids
/// with the first switched off; as the widget lays them out (boards as tall as their content).
fn variants(dataset: &Dataset, kind: ViewKind, lang: &str) -> Vec<View> {
    let ids: Vec<String> = match kind {
        ViewKind::Series => dataset.indicators.iter().map(|i| i.id.clone()).collect(),
        ViewKind::Rating => dataset.ratings.iter().map(|r| r.id.clone()).collect(),
        ViewKind::Status => {
            let mut ids = vec!["commitments".to_string(), "recommendations".to_string()];
            ids.extend(dataset.recommendations.iter().map(|l| l.id.clone()));
            ids
        }
        ViewKind::Progress => dataset.axes.iter().map(|a| a.id.clone()).collect(),
        ViewKind::Compare => dataset.scales.iter().map(|s| s.id.clone()).collect(),
        ViewKind::Timeline | ViewKind::Overview => Vec::new(),
    };
    let view = |series: &[&String]| {
        let mut v = View::new(kind, 1000.0, kind.default_height(1000.0));
        v.fit_content = true;
        v.decorate = false;
        v.lang = lang.into();
        v.series = series.iter().map(|s| s.to_string()).collect();
        v
    };
    let mut out = vec![view(&[])];
    out.extend(ids.iter().take(8).map(|id| view(&[id])));
    let mut cut = view(&[]);
    (cut.from, cut.to) = (Some(2018), Some(2022));
    out.push(cut);
    if let [a, b, ..] = ids.as_slice() {
        let mut two = view(&[a, b]);
        two.hidden = vec![a.clone()];
        out.push(two);
    }
    out
}

/// Whether `datum` is drawn: a figure, a level or a placement (a year without one is a break in
/// a line); a comparison draws every cell, a gap too (hatched).
fn has_value(dataset: &Dataset, datum: Datum) -> bool {
    match datum {
        Datum::Figure { indicator, point } => {
            dataset.indicators[indicator].points[point].value.is_some()
        }
        Datum::Rated { rating, point } => {
            dataset.ratings[rating].points[point].standing() != Standing::Gap
        }
        _ => true,
    }
}

fn sorted(mut data: Vec<Datum>) -> Vec<Datum> {
    data.sort_by_key(|d| format!("{d:?}"));
    data
}

/// The data a table's cells speak of.
fn table_data(table: &Table) -> Vec<Datum> {
    let cells = table.rows.iter().flat_map(|r| r.cells.iter());
    sorted(cells.filter_map(|c| c.datum).collect())
}

/// The records of a CSV text (RFC 4180: quoted fields may hold line breaks).
fn csv_records(csv: &str) -> usize {
    let mut quoted = false;
    let mut records = 0;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\r' if !quoted && chars.peek() == Some(&'\n') => records += 1,
            _ => {}
        }
    }
    records
}

/// Whether the scene says that data were left out for lack of room ("+N" on a board or list).
fn says_more(drawing: &Drawing) -> bool {
    drawing.scene.marks.iter().any(|m| match m {
        Mark::Text { text, .. } => {
            let t = chart::scene::without_isolate(text);
            t.starts_with('+') && t.len() > 1
        }
        _ => false,
    })
}

/// The labels a summary of `selection` must name: each series drawn, the rating, each list
/// (the first four: the summary tells four lists at most).
fn named(dataset: &Dataset, view: &View, selection: &Selection) -> Vec<String> {
    let lang = view.text_lang();
    match selection {
        Selection::Series(s) => s
            .drawn()
            .map(|(_, i)| dataset.text(&dataset.indicators[i].label, lang).to_string())
            .collect(),
        Selection::Rating(r) => vec![dataset.text(&dataset.ratings[r.rating].label, lang).into()],
        Selection::Status(chart::select::Subject::Lists(lists)) => lists
            .iter()
            .take(4)
            .map(|&l| dataset.text(&dataset.recommendations[l].title, lang).into())
            .collect(),
        // the scale, and every subject (where it stands in the last year)
        Selection::Compare(c) => {
            let mut names = vec![dataset
                .text(&dataset.scales[c.scale].label, lang)
                .to_string()];
            for &r in &c.ratings {
                let rating = &dataset.ratings[r];
                let subject = rating.subject.as_deref().and_then(|s| dataset.subject(s));
                let name = subject.map_or(&rating.label, |s| &s.name);
                names.push(dataset.text(name, lang).to_string());
            }
            names
        }
        _ => Vec::new(),
    }
}

/// Checks one view of one dataset; returns whether it could be drawn.
fn check(name: &str, dataset: &Dataset, view: &View) -> bool {
    let what = format!(
        "{name} {} {:?} {}",
        view.kind.name(),
        view.series,
        view.lang
    );
    let Ok(drawing) = chart::draw(dataset, view, &Estimate) else {
        return false;
    };
    let data = drawing.selection.data(dataset, view);
    // the table (and so the CSV) lists exactly the data of the selection
    let table = describe::table_of(dataset, view, &drawing.selection);
    assert_eq!(table_data(&table), sorted(data.clone()), "{what}: table");
    let csv = table.to_csv();
    assert_eq!(csv_records(&csv), table.rows.len() + 1, "{what}: CSV rows");
    // the chart draws those with a figure, all of them unless it says "+N"
    let drawn = sorted(drawing.scene.targets.iter().map(|t| t.datum).collect());
    let with_value = sorted(
        data.iter()
            .copied()
            .filter(|d| has_value(dataset, *d))
            .collect(),
    );
    assert!(
        drawn.iter().all(|d| with_value.contains(d)),
        "{what}: drawn, not selected"
    );
    assert!(
        drawn == with_value || says_more(&drawing),
        "{what}: selected, not drawn"
    );
    // the summary speaks of the data shown, by name
    let summary = describe::summary_of(dataset, view, &drawing.selection);
    let nothing = i18n::t(Lang::from_tag(&view.lang), Msg::NothingToShow);
    assert_eq!(summary == nothing, data.is_empty(), "{what}: {summary}");
    // (in any case: French sentences lower a label's first letter)
    let plain: String = summary
        .chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect();
    let plain = plain.to_lowercase();
    for label in named(dataset, view, &drawing.selection) {
        let label = label.trim_end_matches('.').to_lowercase();
        assert!(
            plain.contains(&label),
            "{what}: the summary does not name {label:?}: {plain}"
        );
    }
    // the sources panel cites exactly the sources of those data
    let panel = describe::sources(dataset, view, &drawing.selection);
    let cited: Vec<&str> = panel.sources.iter().map(|s| s.key.as_str()).collect();
    let mut expected: Vec<&str> = Vec::new();
    for datum in &data {
        for key in datum.sources(dataset) {
            if !expected.contains(&key) && dataset.source(key).is_some() {
                expected.push(key);
            }
        }
    }
    assert_eq!(cited, expected, "{what}: sources");
    true
}

#[test]
fn every_output_tells_what_the_selection_holds() {
    let mut checked = 0;
    for (name, dataset) in datasets() {
        for kind in ViewKind::ALL {
            for lang in ["fr", "ar", "en"] {
                for view in variants(&dataset, kind, lang) {
                    checked += usize::from(check(&name, &dataset, &view));
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} views drawn");
    println!("{checked} views compared");
}

/// A plan with recommendations and no commitments: its board shows the recommendations, and
/// the summary, the table and the CSV say the same (they once said "nothing to show").
#[test]
fn a_plan_with_only_recommendations_agrees_everywhere() {
    let text = std::fs::read_to_string(
        common::root().join("tests/corpus/valid-only-recommendations.json"),
    )
    .unwrap();
    let dataset = model::load(&text).unwrap();
    for kind in [ViewKind::Status, ViewKind::Overview] {
        for lang in ["fr", "ar", "en"] {
            let view = &variants(&dataset, kind, lang)[0];
            assert!(check("only-recommendations", &dataset, view));
            let drawing = chart::draw(&dataset, view, &Estimate).unwrap();
            assert!(!drawing.scene.targets.is_empty(), "{kind:?} {lang}");
            let summary = describe::summary_of(&dataset, view, &drawing.selection);
            let nothing = i18n::t(Lang::from_tag(lang), Msg::NothingToShow);
            assert!(!summary.contains(nothing), "{kind:?} {lang}: {summary}");
            let table = describe::table_of(&dataset, view, &drawing.selection);
            assert_eq!(
                table_data(&table).len(),
                drawing.scene.targets.len(),
                "{kind:?} {lang}"
            );
        }
    }
}
