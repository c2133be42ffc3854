//! Robustness: the widget reads data it does not control, inside other people's pages.
//!
//! - Any text at all (random bytes, random strings, random JSON, mutilated datasets) goes
//!   through `model::load` without a panic: it is accepted or refused with problems.
//! - Any *valid* dataset (generated: random sources, series with gaps, ratings, recommendation
//!   lists, commitments, milestones, and text with Arabic, bidi overrides, zero-width
//!   characters, emoji, markup and very long words) is accepted, and every view of it builds at
//!   widths of 200 to 1200 px in French, Arabic and English, with finite coordinates in every
//!   mark, a description for every datum, and an SVG.
//! - The limits of `docs/format.md` ("Limits") hold: just inside each one is accepted, just
//!   outside is refused with the limit's path and number, and the largest accepted dataset
//!   loads and draws quickly (timed in release builds).
//!
//! `PROPTEST_CASES=N` sets the number of generated cases of every property (by default 256 for
//! raw input and 32 for generated datasets, which keeps a debug `cargo test` to seconds; a
//! debug build draws each view at each size in one language, a release build in all three).
//! A long run: `PROPTEST_CASES=2000 cargo test --release --test robustness`. Failing cases are
//! saved in `tests/proptest-regressions/robustness.txt` and replayed first.
//!
//! The timed test is ignored by default; run it with
//! `cargo test --release --test robustness -- --ignored --nocapture`.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

use std::time::{Duration, Instant};

use plan_progress::chart::hit::{self, Move};
use plan_progress::chart::{self, Estimate, Mark, Scene, Theme, View, ViewKind};
use plan_progress::describe;
use plan_progress::json::{self, Json};
use plan_progress::model::{self, Dataset, LoadError};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence};

// ------------------------------------------------------------------------------------------
// Configuration

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn config(default_cases: u32) -> Config {
    Config {
        cases: cases(default_cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/proptest-regressions/robustness.txt"
        )))),
        // a failing case is reported quickly rather than shrunk for minutes
        max_shrink_time: 30_000,
        ..Config::default()
    }
}

// ------------------------------------------------------------------------------------------
// Strings that break naive code

/// Characters and snippets that have broken text handling somewhere: direction controls,
/// zero-width characters, combining marks, emoji sequences, markup, template and format
/// syntax, JSON-looking text, line separators.
const NASTY: &[&str] = &[
    "\u{202E}",
    "\u{202D}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{2028}",
    "\u{2029}",
    "\u{0301}\u{0301}\u{0301}",
    "e\u{0301}",
    "👩🏽\u{200D}⚖\u{FE0F}",
    "🇲🇦",
    "😀",
    "𝕏",
    "\u{FFFD}",
    "\u{E000}",
    "\u{10FFFF}",
    "\t",
    "\n",
    "\r\n",
    "\u{0}",
    "\u{1}",
    "\u{7F}",
    "\u{85}",
    "<img src=x onerror=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "\"><svg onload=window.__pwned=1>",
    "&lt;b&gt;",
    "&amp;",
    "${window.__pwned=1}",
    "{}",
    "{0}",
    "%s%n",
    "</style>",
    "\\u0000",
    "\"",
    "\\",
    "null",
    "NaN",
    "-0",
    "1e309",
    "ﷺ",
    "لا",
    "‎(1)",
    "١٢٣",
    "…",
];

/// One word: Latin, Arabic, digits, a nasty snippet, any character, or a very long word.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Zéèàçœ]{1,12}",
        4 => "[\u{0621}-\u{064A}]{1,10}",
        1 => "[\u{0660}-\u{0669}0-9]{1,6}",
        3 => prop::sample::select(NASTY).prop_map(String::from),
        2 => any::<char>().prop_map(String::from),
        1 => (1usize..3000, prop::sample::select(&['x', 'W', 'ش', '😀', '\u{200B}'][..]))
            .prop_map(|(n, c)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// A non-blank string of `1..max_words` words, at most `max_chars` characters.
fn phrase(max_words: usize, max_chars: usize) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..max_words.max(2)),
        prop::sample::select(&[" ", " ", " ", "", "\u{00A0}", "\u{3000}", " \u{202E}"][..]),
    )
        .prop_map(move |(words, sep)| {
            let mut s: String = words.join(sep);
            if s.chars().count() > max_chars {
                s = s.chars().take(max_chars).collect();
            }
            if s.trim().is_empty() {
                s.push('x');
            }
            s
        })
}

/// A dataset Text: a plain string, or one string per language (some of fr, ar, en, es, zgh).
fn text(max_chars: usize) -> impl Strategy<Value = Json> {
    let langs = prop::sample::subsequence(vec!["fr", "ar", "en", "es", "zgh"], 1..4);
    prop_oneof![
        2 => phrase(8, max_chars).prop_map(Json::String),
        3 => (langs, prop::collection::vec(phrase(8, max_chars), 5)).prop_map(|(langs, texts)| {
            Json::Object(
                langs
                    .into_iter()
                    .zip(texts)
                    .map(|(l, t)| (l.to_string(), Json::String(t)))
                    .collect(),
            )
        }),
    ]
}

/// Labels and titles stay within the 2,000-character limit, notes within 10,000.
fn label() -> impl Strategy<Value = Json> {
    text(2_000)
}

fn note() -> impl Strategy<Value = Json> {
    text(10_000)
}

/// A valid id, unique thanks to its index suffix.
fn id(i: usize) -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9_-]{0,20}".prop_map(move |p| format!("{p}-{i}"))
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (1900u32..=2100).prop_map(|y| y.to_string()),
        (1900u32..=2100, 1u32..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (1900u32..=2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        Just("2024-02-29".to_string()),
    ]
}

/// Figures as publishers write them, and extremes.
fn value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        2 => Just(None),
        4 => (0u32..5000).prop_map(|v| Some(f64::from(v))),
        2 => (0.0f64..1e6).prop_map(Some),
        1 => prop::sample::select(&[0.0, 5e-324, 1e-9, 0.5, 999_999_999_999_999.0, 1e15][..])
            .prop_map(Some),
    ]
}

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://example.org/report.pdf".to_string()),
        "[a-z]{1,10}".prop_map(|h| format!("http://{h}.example/")),
        "[a-zA-Z0-9%/?=&#._-]{0,200}".prop_map(|p| format!("https://example.org/{p}")),
        Just("https://example.org/%3Cscript%3E?q=\"><svg onload=1>".replace(' ', "%20")),
    ]
}

// ------------------------------------------------------------------------------------------
// Valid datasets

fn obj(members: Vec<(&str, Json)>) -> Json {
    Json::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn s(v: impl Into<String>) -> Json {
    Json::String(v.into())
}

fn num(v: impl Into<f64>) -> Json {
    Json::Number(v.into())
}

/// Optionally adds `key: value` to `members`.
fn opt(members: &mut Vec<(&'static str, Json)>, key: &'static str, value: Option<Json>) {
    if let Some(v) = value {
        members.push((key, v));
    }
}

fn source() -> impl Strategy<Value = Json> {
    (
        label(),
        label(),
        prop::option::of(url()),
        prop::option::of(date()),
        prop::option::of(prop::sample::select(&model::SourceKind::NAMES[..])),
        prop::option::of(phrase(20, 10_000)),
        prop::option::of(note()),
    )
        .prop_map(|(title, publisher, url, date, kind, quote, note)| {
            let mut m = vec![("title", title), ("publisher", publisher)];
            opt(&mut m, "url", url.map(s));
            opt(&mut m, "date", date.map(s));
            opt(&mut m, "kind", kind.map(s));
            opt(&mut m, "quote", quote.map(s));
            opt(&mut m, "note", note);
            obj(m)
        })
}

/// The key of source `i` (keys are ids).
fn source_key(i: usize) -> String {
    format!("src-{i}")
}

fn pick(keys: &[String], i: &Index) -> Json {
    s(keys[i.index(keys.len())].clone())
}

fn indicator(i: usize, keys: Vec<String>) -> impl Strategy<Value = Json> {
    (
        id(i),
        label(),
        label(),
        prop::option::of(note()),
        prop::option::of(label()),
        prop::option::of("[a-c]"),
        prop::collection::btree_set(1900i32..=2100, 0..40),
        prop::collection::vec(
            (
                value(),
                any::<Index>(),
                prop::option::of(note()),
                prop::option::of(date()),
            ),
            40,
        ),
    )
        .prop_map(
            move |(id, label, unit, definition, reported_by, group, years, data)| {
                let points = years
                    .into_iter()
                    .zip(data)
                    .map(|(year, (value, src, note, published))| {
                        let mut m = vec![
                            ("year", num(year)),
                            ("value", value.map_or(Json::Null, num)),
                        ];
                        // a gap may have a source too; a figure must
                        if value.is_some() || src.index(2) == 0 {
                            m.push(("source", pick(&keys, &src)));
                        }
                        opt(&mut m, "note", note);
                        opt(&mut m, "published", published.map(s));
                        obj(m)
                    })
                    .collect();
                let mut m = vec![("id", s(id)), ("label", label), ("unit", unit)];
                opt(&mut m, "definition", definition);
                opt(&mut m, "reported_by", reported_by);
                opt(&mut m, "group", group.map(s));
                m.push(("points", Json::Array(points)));
                obj(m)
            },
        )
}

fn rating(i: usize, keys: Vec<String>) -> impl Strategy<Value = Json> {
    (
        id(i),
        label(),
        prop::option::of(note()),
        prop::collection::vec(label(), 2..7),
        prop::collection::btree_set(1900i32..=2100, 0..30),
        prop::collection::vec(
            (
                prop::option::of(any::<Index>()),
                any::<Index>(),
                prop::option::of(note()),
            ),
            30,
        ),
    )
        .prop_map(move |(id, label, definition, levels, years, data)| {
            let scale: Vec<Json> = levels
                .into_iter()
                .enumerate()
                .map(|(j, l)| obj(vec![("id", s(format!("level-{j}"))), ("label", l)]))
                .collect();
            let n = scale.len();
            let points = years
                .into_iter()
                .zip(data)
                .map(|(year, (level, src, note))| {
                    let mut m = vec![("year", num(year))];
                    match level {
                        Some(l) => {
                            m.push(("value", s(format!("level-{}", l.index(n)))));
                            m.push(("source", pick(&keys, &src)));
                        }
                        None => m.push(("value", Json::Null)),
                    }
                    opt(&mut m, "note", note);
                    obj(m)
                })
                .collect();
            let mut m = vec![("id", s(id)), ("label", label)];
            opt(&mut m, "definition", definition);
            m.push(("scale", Json::Array(scale)));
            m.push(("points", Json::Array(points)));
            obj(m)
        })
}

/// A status: unknown (maybe bare), or assessed by someone, on a date, with a source.
fn status(keys: Vec<String>) -> impl Strategy<Value = Json> {
    (
        prop::sample::select(&model::StatusValue::NAMES[..]),
        label(),
        date(),
        any::<Index>(),
        prop::option::of(note()),
        any::<bool>(),
    )
        .prop_map(move |(value, by, on, src, note, full)| {
            let mut m = vec![("value", s(value))];
            if value != "unknown" || full {
                m.push(("assessed_by", by));
                m.push(("assessed_on", s(on)));
                m.push(("source", pick(&keys, &src)));
            }
            opt(&mut m, "note", note);
            obj(m)
        })
}

fn recommendation_list(i: usize, keys: Vec<String>) -> impl Strategy<Value = Json> {
    (
        id(i),
        label(),
        any::<Index>(),
        1900i32..=2100,
        prop::collection::vec(
            (
                note(),
                prop::option::of(any::<bool>()),
                any::<Index>(),
                prop::option::of(status(keys.clone())),
                any::<bool>(),
            ),
            0..25,
        ),
        prop::option::of(prop_oneof![0u32..10, Just(u32::MAX - 1_000)]),
        prop::option::of(note()),
    )
        .prop_map(
            move |(id, title, report, year, items, extra, transcription)| {
                let n = items.len() as u32;
                let items: Vec<Json> = items
                    .into_iter()
                    .enumerate()
                    .map(|(j, (text, complete, src, status, ranked))| {
                        let mut m = vec![("id", s(format!("item-{j}")))];
                        if ranked {
                            m.push(("rank", num(j as u32 + 1)));
                        }
                        m.push(("text", text));
                        opt(&mut m, "complete", complete.map(Json::Bool));
                        m.push(("source", pick(&keys, &src)));
                        opt(&mut m, "status", status);
                        obj(m)
                    })
                    .collect();
                let mut m = vec![
                    ("id", s(id)),
                    ("title", title),
                    ("report", pick(&keys, &report)),
                    ("year", num(year)),
                ];
                if let Some(extra) = extra {
                    m.push(("declared_count", num(n + extra)));
                    m.push(("declared_count_source", pick(&keys, &report)));
                }
                opt(&mut m, "transcription_note", transcription);
                m.push(("items", Json::Array(items)));
                obj(m)
            },
        )
}

fn commitment(i: usize, keys: Vec<String>, axes: usize) -> impl Strategy<Value = Json> {
    (
        id(i),
        label(),
        prop::option::of(any::<Index>()),
        prop::option::of(note()),
        prop::option::of(any::<Index>()),
        prop::option::of(status(keys.clone())),
        prop::option::of((
            prop_oneof![Just(0.0), Just(100.0), 0.0f64..=100.0],
            any::<Index>(),
        )),
        prop::option::of(date()),
        prop::option::of(note()),
    )
        .prop_map(
            move |(id, label, axis, description, src, status, progress, target, note)| {
                let mut m = vec![("id", s(id))];
                if axes > 0 {
                    opt(
                        &mut m,
                        "axis",
                        axis.map(|a| s(format!("axis-{}", a.index(axes)))),
                    );
                }
                m.push(("label", label));
                opt(&mut m, "description", description);
                opt(&mut m, "source", src.map(|i| pick(&keys, &i)));
                opt(&mut m, "status", status);
                if let Some((p, src)) = progress {
                    m.push(("progress", num(p)));
                    m.push(("progress_source", pick(&keys, &src)));
                }
                opt(&mut m, "target", target.map(s));
                opt(&mut m, "note", note);
                obj(m)
            },
        )
}

fn milestones(keys: Vec<String>) -> impl Strategy<Value = Vec<Json>> {
    prop::collection::vec(
        (
            date(),
            label(),
            prop::option::of(note()),
            any::<Index>(),
            prop::option::of(note()),
        ),
        0..15,
    )
    .prop_map(move |mut items| {
        // milestones are in date order: sort on the date text, which orders equal
        // precisions; a year and a month of that year may come in either order (ties)
        items.sort_by(|a, b| a.0.cmp(&b.0));
        items
            .into_iter()
            .enumerate()
            .map(|(j, (date, label, description, src, note))| {
                let mut m = vec![
                    ("id", s(format!("m-{j}"))),
                    ("date", s(date)),
                    ("label", label),
                ];
                opt(&mut m, "description", description);
                m.push(("source", pick(&keys, &src)));
                opt(&mut m, "note", note);
                obj(m)
            })
            .collect()
    })
}

/// Builds `n` items with `make(i)`.
fn several<S: Strategy<Value = Json>>(
    n: std::ops::Range<usize>,
    make: impl Fn(usize) -> S + Clone + 'static,
) -> impl Strategy<Value = Vec<Json>> {
    n.prop_flat_map(move |count| (0..count).map(make.clone()).collect::<Vec<_>>())
}

/// A whole valid dataset, as a JSON tree.
fn dataset() -> impl Strategy<Value = Json> {
    (1usize..6, 0usize..4)
        .prop_flat_map(|(n_sources, n_axes)| {
            let keys: Vec<String> = (0..n_sources).map(source_key).collect();
            let (k1, k2, k3, k4, k5, k6) = (
                keys.clone(),
                keys.clone(),
                keys.clone(),
                keys.clone(),
                keys.clone(),
                keys.clone(),
            );
            (
                (
                    prop::collection::vec(source(), n_sources),
                    label(),
                    label(),
                    prop::collection::vec(label(), n_axes),
                    (1900i32..=2100, 0i32..30),
                    prop::sample::subsequence(vec!["fr", "ar", "en"], 1..=3),
                    any::<Index>(),
                    date(),
                ),
                several(0..6, move |i| indicator(i, k1.clone())),
                several(0..3, move |i| rating(i, k2.clone())),
                several(0..3, move |i| recommendation_list(i, k3.clone())),
                several(0..12, move |i| commitment(i, k4.clone(), n_axes)),
                milestones(k5),
                Just(keys),
                prop::option::of((note(), prop::collection::vec(any::<Index>(), 2..4))),
                Just(k6),
            )
        })
        .prop_map(
            |(
                (sources, title, publisher, axes, period, langs, default, updated),
                indicators,
                ratings,
                lists,
                commitments,
                milestones,
                keys,
                conflict,
                _,
            )| {
                let mut root = vec![("format_version", num(1))];
                let langs: Vec<Json> = langs.iter().map(|l| s(*l)).collect();
                let default_language = langs[default.index(langs.len())].clone();
                root.push((
                    "plan",
                    obj(vec![
                        ("id", s("plan")),
                        ("country", s("MA")),
                        ("title", title),
                        (
                            "period",
                            obj(vec![
                                ("start", num(period.0)),
                                ("end", num((period.0 + period.1).min(2100))),
                            ]),
                        ),
                        ("publisher", publisher),
                        ("languages", Json::Array(langs)),
                        ("default_language", default_language),
                        ("updated", s(updated)),
                        ("licence", s("CC-BY-4.0")),
                    ]),
                ));
                root.push((
                    "sources",
                    Json::Object(keys.iter().cloned().zip(sources).collect()),
                ));
                let conflict_indicators: Vec<Json> = indicators
                    .iter()
                    .filter_map(|i| i.get("id").cloned())
                    .take(2)
                    .collect();
                root.push(("indicators", Json::Array(indicators)));
                root.push(("ratings", Json::Array(ratings)));
                root.push(("recommendations", Json::Array(lists)));
                let axes: Vec<Json> = axes
                    .into_iter()
                    .enumerate()
                    .map(|(j, l)| {
                        obj(vec![
                            ("id", s(format!("axis-{j}"))),
                            ("label", l),
                            ("source", s(keys[j % keys.len()].clone())),
                        ])
                    })
                    .collect();
                root.push(("axes", Json::Array(axes)));
                root.push(("commitments", Json::Array(commitments)));
                root.push(("milestones", Json::Array(milestones)));
                if let Some((text, sources)) = conflict {
                    let sources: Vec<Json> = sources.iter().map(|i| pick(&keys, i)).collect();
                    root.push((
                        "conflicts",
                        Json::Array(vec![obj(vec![
                            ("id", s("c")),
                            ("text", text),
                            ("sources", Json::Array(sources)),
                            ("indicators", Json::Array(conflict_indicators)),
                        ])]),
                    ));
                }
                obj(root)
            },
        )
}

// ------------------------------------------------------------------------------------------
// Checks on what is built

fn finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

/// Every coordinate and size in the scene is a finite number.
fn check_finite(scene: &Scene, what: &str) -> Result<(), TestCaseError> {
    let (px, py, pw, ph) = scene.plot;
    prop_assert!(
        finite(&[scene.width, scene.height, px, py, pw, ph]),
        "{what}: scene size or plot not finite: {}x{} {:?}",
        scene.width,
        scene.height,
        scene.plot
    );
    for (i, mark) in scene.marks.iter().enumerate() {
        let ok = match mark {
            Mark::Line {
                points,
                width,
                dash,
                ..
            } => {
                points.iter().all(|p| finite(&[p.0, p.1]))
                    && width.is_finite()
                    && dash.is_none_or(|d| finite(&[d.0, d.1]))
            }
            Mark::Rect { x, y, w, h, .. } => finite(&[*x, *y, *w, *h]),
            Mark::Marker { x, y, size, .. } => finite(&[*x, *y, *size]),
            Mark::Ring { x, y, r, width, .. } => finite(&[*x, *y, *r, *width]),
            Mark::Text { x, y, size, .. } => finite(&[*x, *y, *size]),
        };
        prop_assert!(
            ok,
            "{what}: mark {i} has a coordinate that is not finite: {mark:?}"
        );
    }
    for (i, t) in scene.targets.iter().enumerate() {
        prop_assert!(
            finite(&[t.x, t.y, t.w, t.h]),
            "{what}: target {i} is not finite: {t:?}"
        );
    }
    Ok(())
}

/// No NaN or infinity inside the SVG's tags (the text between tags is the data's own).
fn svg_numbers_are_finite(svg: &str) -> bool {
    svg.split('<')
        .filter_map(|part| part.split('>').next())
        .all(|tag| !tag.contains("NaN") && !tag.contains("inf"))
}

const SIZES: [(f64, f64); 4] = [
    (200.0, 150.0),
    (360.0, 640.0),
    (640.0, 400.0),
    (1200.0, 900.0),
];
const LANGS: [&str; 3] = ["fr", "ar", "en"];

/// Builds every view of `d` at every size and language, describes every datum, walks the
/// keyboard and pointer over it, and paints it as SVG.
fn exercise(d: &Dataset, extra: &ViewExtras) -> Result<usize, TestCaseError> {
    let mut built = 0;
    for name in ViewKind::NAMES {
        let kind = ViewKind::from_name(name).expect("a listed view");
        for (si, (width, height)) in SIZES.iter().enumerate() {
            for (li, lang) in LANGS.into_iter().enumerate() {
                // a release build tries every size in every language; a debug build (the
                // default `cargo test`) one language per size, in turn, to stay quick
                if (si + li) % LANGS.len() != 0 && cfg!(debug_assertions) {
                    continue;
                }
                let mut view = View::new(kind, *width, *height);
                view.lang = lang.into();
                view.decorate = (si + built) % 2 == 0;
                if extra.dark {
                    view.theme = Theme::dark();
                }
                if si == 1 {
                    view.from = extra.from;
                    view.to = extra.to;
                    view.series = extra.series.clone();
                    view.hidden = extra.hidden.clone();
                }
                let what = format!("{name} {width}x{height} {lang}");
                // the words and the table that go with the chart, for every view
                {
                    let _ = describe::summary(d, &view);
                    let table = describe::table(d, &view);
                    let table_json = table.to_json().to_string();
                    prop_assert!(
                        json::parse(&table_json).is_ok(),
                        "{what}: the table's JSON does not parse: {table_json}"
                    );
                    let _ = table.to_csv();
                }
                // a view may have nothing to show: that is an answer, not a crash
                let Ok(scene) = chart::build(d, &view, &Estimate) else {
                    continue;
                };
                built += 1;
                check_finite(&scene, &what)?;
                for (i, t) in scene.targets.iter().enumerate() {
                    let details = describe::details(d, &view, t.datum);
                    prop_assert!(
                        details.is_some(),
                        "{what}: datum {i} ({:?}) has no details",
                        t.datum
                    );
                    let details = details.unwrap();
                    // what crosses to the page as JSON reads back as the same tree
                    let text = details.to_json().to_string();
                    let back = json::parse(&text);
                    prop_assert!(back.is_ok(), "{what}: details JSON does not parse: {text}");
                    prop_assert_eq!(back.unwrap(), details.to_json());
                    let _ = details.sentence(view.ui_lang());
                }
                for (x, y) in [(0.0, 0.0), (width / 2.0, height / 2.0), (-1e9, f64::NAN)] {
                    if let Some(i) = hit::nearest(&scene, x, y, 28.0) {
                        prop_assert!(i < scene.targets.len());
                    }
                }
                let mut at = None;
                for key in [
                    "ArrowRight",
                    "ArrowDown",
                    "End",
                    "PageUp",
                    "ArrowLeft",
                    "Home",
                    "PageDown",
                    "ArrowUp",
                ] {
                    at = hit::step(&scene, at, Move::from_key(key).expect("a key"));
                    if let Some(i) = at {
                        prop_assert!(i < scene.targets.len());
                    }
                }
                let svg = chart::svg(&scene);
                prop_assert!(svg.is_ok(), "{what}: painting failed: {:?}", svg.err());
                let svg = svg.unwrap();
                prop_assert!(
                    svg_numbers_are_finite(&svg),
                    "{what}: SVG with NaN or inf in a tag: {svg}"
                );
            }
        }
    }
    Ok(built)
}

/// View options that vary with the data: a year range, a choice of series, hidden series.
#[derive(Debug, Clone)]
struct ViewExtras {
    dark: bool,
    from: Option<i32>,
    to: Option<i32>,
    series: Vec<String>,
    hidden: Vec<String>,
}

fn view_extras() -> impl Strategy<Value = ViewExtras> {
    (
        any::<bool>(),
        prop::option::of(1890i32..2110),
        prop::option::of(1890i32..2110),
        prop::collection::vec(
            prop_oneof![Just("id-0".to_string()), "[a-z0-9-]{1,8}"],
            0..3,
        ),
        prop::collection::vec("[a-z0-9-]{1,8}", 0..3),
    )
        .prop_map(|(dark, from, to, series, hidden)| ViewExtras {
            dark,
            from,
            to,
            series,
            hidden,
        })
}

// ------------------------------------------------------------------------------------------
// Properties

/// Arbitrary JSON trees (any shape, any depth up to the limit).
fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![
            any::<f64>().prop_filter("finite", |f| f.is_finite()),
            -1e6f64..1e6
        ]
        .prop_map(Json::Number),
        prop_oneof![".*", phrase(4, 100)].prop_map(Json::String),
    ];
    leaf.prop_recursive(8, 256, 10, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..10).prop_map(Json::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        prop::sample::select(
                            &[
                                "format_version",
                                "plan",
                                "sources",
                                "indicators",
                                "points",
                                "year",
                                "value",
                                "source",
                                "id",
                                "label",
                                "title",
                                "fr",
                                "ar",
                                "x-a",
                            ][..]
                        )
                        .prop_map(String::from),
                        ".{0,8}",
                    ],
                    inner
                ),
                0..10
            )
            .prop_map(Json::Object),
        ]
    })
}

proptest! {
    #![proptest_config(config(256))]

    /// Random bytes, read as UTF-8 with replacement characters, never make `load` panic.
    #[test]
    fn load_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = model::load(&text);
    }

    /// Random strings, including ones that look like JSON.
    #[test]
    fn load_survives_arbitrary_strings(text in prop_oneof![
        ".*",
        "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,300}",
        "[\\[{]{0,100}[\\]}]{0,100}",
    ]) {
        let _ = model::load(&text);
    }

    /// Random JSON trees: refused with problems (or, rarely, accepted), never a panic; and our
    /// writer and reader agree on them.
    #[test]
    fn load_survives_arbitrary_json(tree in any_json()) {
        let text = tree.to_string();
        let back = json::parse(&text);
        prop_assert!(back.is_ok(), "our own JSON does not read back: {text}");
        prop_assert_eq!(back.unwrap(), tree);
        if let Err(e) = model::load(&text) {
            prop_assert!(!e.problems().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(config(32))]

    /// A valid dataset cut, spliced or garbled anywhere is refused with problems, or still
    /// valid and drawable; never a panic.
    #[test]
    fn load_survives_mutilated_datasets(
        tree in dataset(),
        cuts in prop::collection::vec((any::<Index>(), 0usize..40, ".{0,6}"), 1..4),
    ) {
        let mut text = tree.to_string();
        for (at, len, insert) in cuts {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(start..end, &insert);
        }
        match model::load(&text) {
            Ok(d) => {
                exercise(&d, &ViewExtras { dark: false, from: None, to: None, series: vec![], hidden: vec![] })?;
            }
            Err(e) => prop_assert!(!e.problems().is_empty()),
        }
    }

    /// Every generated valid dataset is accepted, and every view of it builds, describes and
    /// paints with finite coordinates.
    #[test]
    fn valid_datasets_load_and_draw(tree in dataset(), extras in view_extras()) {
        let text = tree.to_string();
        let d = match model::load(&text) {
            Ok(d) => d,
            Err(e) => return Err(TestCaseError::fail(format!("a valid dataset was refused:\n{e}"))),
        };
        exercise(&d, &extras)?;
    }
}

// ------------------------------------------------------------------------------------------
// Limits (docs/format.md, "Limits")

/// A minimal valid dataset with `extra` members added at the root.
fn minimal(extra: &str) -> String {
    format!(
        r#"{{"format_version": 1,
            "plan": {{"id": "p", "country": "XA", "title": "Plan", "period": {{"start": 2020, "end": 2025}},
                      "publisher": "Someone", "languages": ["fr"], "default_language": "fr",
                      "updated": "2024-01", "licence": "CC-BY-4.0"}},
            "sources": {{"s1": {{"title": "Report", "publisher": "Office"}}}}{extra}}}"#
    )
}

/// The problems of `text`, as `path: message` lines.
fn problems(text: &str) -> Vec<String> {
    match model::load(text) {
        Ok(_) => vec![],
        Err(e) => e.problems().iter().map(|p| p.to_string()).collect(),
    }
}

/// Fails unless `text` is refused with exactly one problem at `path` that mentions `limit`.
fn assert_refused(text: &str, path: &str, limit: &str) {
    let got = problems(text);
    assert!(
        got.len() == 1 && got[0].starts_with(&format!("{path}: ")) && got[0].contains(limit),
        "expected one problem at {path} naming the limit {limit}, got {got:#?}"
    );
}

fn points(n: usize) -> String {
    let pts: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"year": {}, "value": {i}, "source": "s1"}}"#, 1900 + i))
        .collect();
    pts.join(",")
}

#[test]
fn minimal_is_valid() {
    assert_eq!(problems(&minimal("")), Vec::<String>::new());
}

#[test]
fn labels_are_limited_to_2000_characters() {
    // counted in characters, not bytes: 2,000 Arabic letters are 4,000 bytes
    let ok = "ش".repeat(2_000);
    let long = "ش".repeat(2_001);
    let with_label = |l: &str| {
        minimal(&format!(
            r#", "indicators": [{{"id": "a", "label": {{"ar": "{l}"}}, "unit": "u", "points": []}}]"#
        ))
    };
    assert_eq!(problems(&with_label(&ok)), Vec::<String>::new());
    assert_refused(
        &with_label(&long),
        "indicators[0].label.ar",
        "2000 characters",
    );
    let source =
        |t: &str| minimal("").replace(r#""title": "Report""#, &format!(r#""title": "{t}""#));
    assert_refused(&source(&long), "sources.s1.title", "2000 characters");
    let unit = minimal(&format!(
        r#", "indicators": [{{"id": "a", "label": "A", "unit": "{long}", "points": []}}]"#
    ));
    assert_refused(&unit, "indicators[0].unit", "2000 characters");
}

#[test]
fn notes_and_texts_are_limited_to_10000_characters() {
    let ok = "x".repeat(10_000);
    let long = "x".repeat(10_001);
    let with_note = |n: &str| {
        minimal(&format!(
            r#", "indicators": [{{"id": "a", "label": "A", "unit": "u", "points": [{{"year": 2020, "value": null, "note": "{n}"}}]}}]"#
        ))
    };
    assert_eq!(problems(&with_note(&ok)), Vec::<String>::new());
    assert_refused(
        &with_note(&long),
        "indicators[0].points[0].note",
        "10000 characters",
    );
    let with_rec = |t: &str| {
        minimal(&format!(
            r#", "recommendations": [{{"id": "l", "title": "T", "report": "s1", "year": 2024,
                 "items": [{{"id": "r", "text": "{t}", "source": "s1"}}]}}]"#
        ))
    };
    assert_eq!(problems(&with_rec(&ok)), Vec::<String>::new());
    assert_refused(
        &with_rec(&long),
        "recommendations[0].items[0].text",
        "10000 characters",
    );
    let quote = minimal("").replace(
        r#""publisher": "Office""#,
        &format!(r#""publisher": "Office", "quote": "{long}""#),
    );
    assert_refused(&quote, "sources.s1.quote", "10000 characters");
}

#[test]
fn urls_are_limited_to_2000_characters() {
    let url = |n: usize| {
        minimal("").replace(
            r#""publisher": "Office""#,
            &format!(
                r#""publisher": "Office", "url": "https://example.org/{}""#,
                "a".repeat(n)
            ),
        )
    };
    assert_eq!(problems(&url(2_000 - 20)), Vec::<String>::new());
    assert_refused(&url(2_000), "sources.s1.url", "2000 characters");
}

#[test]
fn a_series_has_at_most_201_points() {
    // one point per year from 1900 to 2100
    let series = |n: usize| {
        minimal(&format!(
            r#", "indicators": [{{"id": "a", "label": "A", "unit": "u", "points": [{}]}}]"#,
            points(n)
        ))
    };
    assert_eq!(problems(&series(201)), Vec::<String>::new());
    assert_refused(&series(5_000), "indicators[0].points", "201");
}

#[test]
fn figures_are_limited_to_10_to_the_15() {
    let value = |v: &str| {
        minimal(&format!(
            r#", "indicators": [{{"id": "a", "label": "A", "unit": "u", "points": [{{"year": 2020, "value": {v}, "source": "s1"}}]}}]"#
        ))
    };
    assert_eq!(problems(&value("1e15")), Vec::<String>::new());
    assert_refused(
        &value("1000000000000001"),
        "indicators[0].points[0].value",
        "10^15",
    );
    assert_refused(
        &value("1.7976931348623157e308"),
        "indicators[0].points[0].value",
        "10^15",
    );
}

/// Known bug (src/chart/scale.rs): with a maximum near `f64::MAX`, `count_ticks` rounds the
/// top tick up to infinity and then collects `0..=usize::MAX` ticks: "capacity overflow", a
/// panic (in the wasm, with `panic = "abort"`, the module traps and every chart on the page
/// stops). Validation now refuses figures above 10^15, so no dataset reaches it; the scale
/// should still not panic on any input.
#[test]
fn count_ticks_survives_huge_maxima() {
    for max in [1e300, f64::MAX / 2.0, f64::MAX, f64::INFINITY, f64::NAN] {
        let ticks = std::panic::catch_unwind(|| chart::scale::count_ticks(max, 6));
        assert!(ticks.is_ok(), "count_ticks({max:e}, 6) panics");
        let ticks = ticks.unwrap_or_default();
        assert!(
            ticks.len() <= 12 && ticks.iter().all(|t| t.is_finite()),
            "{max:e}: {ticks:?}"
        );
    }
}

#[test]
fn lists_are_limited() {
    let list = |key: &str, item: &dyn Fn(usize) -> String, n: usize| {
        let items: Vec<String> = (0..n).map(item).collect();
        minimal(&format!(r#", "{key}": [{}]"#, items.join(",")))
    };
    let indicator =
        |i: usize| format!(r#"{{"id": "i{i}", "label": "A", "unit": "u", "points": []}}"#);
    assert_eq!(
        problems(&list("indicators", &indicator, 100)),
        Vec::<String>::new()
    );
    assert_refused(&list("indicators", &indicator, 101), "indicators", "100");
    let milestone =
        |i: usize| format!(r#"{{"id": "m{i}", "date": "2020", "label": "M", "source": "s1"}}"#);
    assert_eq!(
        problems(&list("milestones", &milestone, 500)),
        Vec::<String>::new()
    );
    assert_refused(&list("milestones", &milestone, 501), "milestones", "500");
    let commitment = |i: usize| format!(r#"{{"id": "c{i}", "label": "C"}}"#);
    assert_eq!(
        problems(&list("commitments", &commitment, 500)),
        Vec::<String>::new()
    );
    assert_refused(&list("commitments", &commitment, 501), "commitments", "500");
    let items = |n: usize| {
        let items: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "r{i}", "text": "R", "source": "s1"}}"#))
            .collect();
        minimal(&format!(
            r#", "recommendations": [{{"id": "l", "title": "T", "report": "s1", "year": 2024, "items": [{}]}}]"#,
            items.join(",")
        ))
    };
    assert_eq!(problems(&items(500)), Vec::<String>::new());
    assert_refused(&items(501), "recommendations[0].items", "500");
    let scale = |n: usize| {
        let levels: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "l{i}", "label": "L"}}"#))
            .collect();
        minimal(&format!(
            r#", "ratings": [{{"id": "r", "label": "R", "scale": [{}], "points": []}}]"#,
            levels.join(",")
        ))
    };
    assert_eq!(problems(&scale(20)), Vec::<String>::new());
    assert_refused(&scale(21), "ratings[0].scale", "20");
}

#[test]
fn objects_have_at_most_1000_members() {
    let members = |n: usize| {
        let m: Vec<String> = (0..n).map(|i| format!(r#""x-{i}": 0"#)).collect();
        minimal(&format!(", {}", m.join(",")))
    };
    // the minimal dataset has 3 members at its root
    assert_eq!(problems(&members(997)), Vec::<String>::new());
    assert_refused(&members(998), "$", "1000 members");
    let sources: Vec<String> = (0..1_001)
        .map(|i| format!(r#""s{i}": {{"title": "T", "publisher": "P"}}"#))
        .collect();
    let text = minimal("").replace(
        r#""sources": {"s1": {"title": "Report", "publisher": "Office"}}"#,
        &format!(r#""sources": {{{}}}"#, sources.join(",")),
    );
    assert_refused(&text, "sources", "1000");
}

#[test]
fn total_values_are_limited() {
    // 100,001 numbers in an extension member: within the file size, over the total
    let many = format!(r#", "x-data": [{}]"#, vec!["0"; 100_001].join(","));
    let got = problems(&minimal(&many));
    assert!(
        got.len() == 1 && got[0].starts_with("$: ") && got[0].contains("100000 values"),
        "{got:#?}"
    );
}

#[test]
fn problems_are_capped() {
    // 5,000 bad points would give 5,000 problems: only the first ones are listed, with a count
    let pts: Vec<String> = (0..150)
        .map(|_| r#"{"year": 1800, "value": -1}"#.to_string())
        .collect();
    let text = minimal(&format!(
        r#", "indicators": [{{"id": "a", "label": "A", "unit": "u", "points": [{}]}}]"#,
        pts.join(",")
    ));
    let got = problems(&text);
    assert_eq!(got.len(), 101, "{:#?}", &got[..3]);
    assert!(got[100].contains("more problems"), "{}", got[100]);
}

#[test]
fn depth_and_size_limits_say_their_numbers() {
    let deep = minimal(&format!(
        r#", "x-deep": {}{}"#,
        "[".repeat(70),
        "]".repeat(70)
    ));
    let got = problems(&deep);
    assert!(got.len() == 1 && got[0].contains("64 levels"), "{got:#?}");
    let big = minimal(&format!(
        r#", "x-pad": "{}""#,
        " ".repeat(model::MAX_FILE_BYTES)
    ));
    let err = model::load(&big).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert!(
        err.to_string()
            .contains(&format!("{} bytes", model::MAX_FILE_BYTES)),
        "{err}"
    );
}

/// The largest dataset the limits accept, roughly: every list at its limit, long texts in
/// several languages with long words, within the file size.
fn largest_dataset() -> String {
    let word = |i: usize| match i % 4 {
        0 => "recommandation".to_string(),
        1 => "التوصية".to_string(),
        2 => "x".repeat(300),
        _ => "👩🏽\u{200D}⚖\u{FE0F}".to_string(),
    };
    let long = |n: usize, seed: usize| -> String {
        let mut s = String::new();
        let mut i = seed;
        while s.chars().count() < n {
            s.push_str(&word(i));
            s.push(' ');
            i += 1;
        }
        s.chars().take(n).collect::<String>().trim().to_string() + "."
    };
    let sources: Vec<String> = (0..5)
        .map(|i| {
            format!(
                r#""s{i}": {{"title": "{}", "publisher": "Publisher {i}", "url": "https://example.org/{i}", "note": "{}"}}"#,
                long(1_990, i),
                long(9_990, i)
            )
        })
        .collect();
    // 8 series of 201 points (as many as the file size allows next to the rest)
    let indicators: Vec<String> = (0..8)
        .map(|i| {
            let pts: Vec<String> = (0..201)
                .map(|y| {
                    if (y + i) % 7 == 0 {
                        format!(r#"{{"year":{},"value":null}}"#, 1900 + y)
                    } else {
                        format!(
                            r#"{{"year":{},"value":{},"source":"s{}"}}"#,
                            1900 + y,
                            (y * i) % 997,
                            y % 5
                        )
                    }
                })
                .collect();
            format!(
                r#"{{"id": "i{i}", "label": {{"fr": "{}", "ar": "مؤشر {i}"}}, "unit": "cases", "group": "g{}", "points": [{}]}}"#,
                long(150, i),
                i % 3,
                pts.join(",")
            )
        })
        .collect();
    let scale: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"id": "l{i}", "label": "{}"}}"#, long(200, i)))
        .collect();
    let rating_points: Vec<String> = (0..201)
        .map(|y| {
            format!(
                r#"{{"year":{},"value":"l{}","source":"s0"}}"#,
                1900 + y,
                y % 5
            )
        })
        .collect();
    let rating = format!(
        r#"{{"id": "r", "label": "{}", "scale": [{}], "points": [{}]}}"#,
        long(1_990, 1),
        scale.join(","),
        rating_points.join(",")
    );
    let status = r#"{"value": "in_progress", "assessed_by": "Coalition", "assessed_on": "2024-05", "source": "s1"}"#;
    let items: Vec<String> = (0..500)
        .map(|i| {
            format!(
                r#"{{"id": "r{i}", "rank": {}, "text": "{}", "source": "s1", "status": {status}}}"#,
                i + 1,
                long(130, i)
            )
        })
        .collect();
    let list = format!(
        r#"{{"id": "list", "title": "{}", "report": "s1", "year": 2024, "items": [{}]}}"#,
        long(1_990, 2),
        items.join(",")
    );
    let axes: Vec<String> = (0..100)
        .map(|i| format!(r#"{{"id": "a{i}", "label": "Axis {i}", "source": "s0"}}"#))
        .collect();
    let commitments: Vec<String> = (0..500)
        .map(|i| {
            format!(
                r#"{{"id": "c{i}", "axis": "a{}", "label": "{}", "status": {status}, "progress": {}, "progress_source": "s2", "target": "2026"}}"#,
                i % 100,
                long(100, i),
                i % 101
            )
        })
        .collect();
    let milestones: Vec<String> = (0..500)
        .map(|i| {
            format!(
                r#"{{"id": "m{i}", "date": "{}", "label": "{}", "source": "s3"}}"#,
                1900 + i / 3,
                long(60, i)
            )
        })
        .collect();
    minimal(&format!(
        r#", "indicators": [{}], "ratings": [{rating}], "recommendations": [{list}], "axes": [{}], "commitments": [{}], "milestones": [{}]"#,
        indicators.join(","),
        axes.join(","),
        commitments.join(","),
        milestones.join(",")
    ))
    .replace(
        r#""sources": {"s1": {"title": "Report", "publisher": "Office"}}"#,
        &format!(r#""sources": {{{}}}"#, sources.join(",")),
    )
}

/// The fastest of `n` runs of `f` (the machine may be busy with other work).
fn fastest<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = None;
    let mut out = None;
    for _ in 0..n {
        let t = Instant::now();
        let v = f();
        let took = t.elapsed();
        if best.is_none_or(|b| took < b) {
            best = Some(took);
        }
        out = Some(v);
    }
    (best.unwrap_or_default(), out.expect("at least one run"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Loading the largest accepted dataset must not freeze a page: under 100 ms natively in a
/// release build (the wasm is slower, and drawing comes on top). Printed in debug builds.
#[test]
fn largest_accepted_dataset_loads_quickly() {
    let text = largest_dataset();
    assert!(text.len() <= model::MAX_FILE_BYTES, "{} bytes", text.len());
    let (took, loaded) = fastest(3, || model::load(&text));
    if let Err(e) = loaded {
        let first: Vec<String> = e.problems().iter().take(5).map(|p| p.to_string()).collect();
        panic!("the largest dataset is refused:\n{}", first.join("\n"));
    }
    println!(
        "largest accepted dataset: {} bytes, load {:.1} ms",
        text.len(),
        ms(took)
    );
    if !cfg!(debug_assertions) {
        assert!(
            took < Duration::from_millis(100),
            "load takes {:.0} ms",
            ms(took)
        );
    }
}

/// The load time of `data/morocco.json`, the dataset every widget of the demo reads: printed,
/// to compare a change of the reader or the validator
/// (`cargo test --release --test robustness -- --ignored --nocapture`).
#[test]
#[ignore = "a timing: run in release with --ignored"]
fn morocco_load_time() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/morocco.json");
    let text = std::fs::read_to_string(path).expect("data/morocco.json");
    let (took, loaded) = fastest(50, || model::load(&text));
    loaded.expect("data/morocco.json is valid");
    println!(
        "data/morocco.json: {} bytes, load {:.2} ms (fastest of 50)",
        text.len(),
        ms(took)
    );
}

/// Every view of the largest accepted dataset builds within the 200 ms a page may freeze
/// (load included), natively in a release build:
/// `cargo test --release --test robustness -- --ignored --nocapture`.
///
/// A timing, so ignored in the default run (debug builds are ten times slower and the machine may
/// be busy); `largest_accepted_dataset_measures_little_text` guards the same thing by counting.
/// Release, native: about 110 ms for load + the overview (run it with the command in the module
/// comment).
#[test]
#[ignore = "a timing: run in release with --ignored"]
fn largest_accepted_dataset_builds_quickly() {
    let text = largest_dataset();
    let (load_time, loaded) = fastest(3, || model::load(&text));
    let d = loaded.expect("the largest dataset is accepted");
    let mut slowest = (Duration::ZERO, String::new());
    let mut report = vec![format!(
        "{} bytes, load {:.1} ms",
        text.len(),
        ms(load_time)
    )];
    for name in ViewKind::NAMES {
        for lang in LANGS {
            let mut view = View::new(ViewKind::from_name(name).expect("a view"), 1200.0, 900.0);
            view.lang = lang.into();
            view.decorate = false; // as in the widget
            let (took, scene) = fastest(1, || chart::build(&d, &view, &Estimate));
            let line = format!(
                "{name}/{lang}: build {:.1} ms, {} marks, {} targets",
                ms(took),
                scene.as_ref().map_or(0, |s| s.marks.len()),
                scene.as_ref().map_or(0, |s| s.targets.len())
            );
            println!("{line}");
            report.push(line);
            if took > slowest.0 {
                slowest = (took, format!("{name}/{lang}"));
            }
        }
    }
    let total = load_time + slowest.0;
    println!("load + slowest build ({}): {:.1} ms", slowest.1, ms(total));
    if !cfg!(debug_assertions) {
        assert!(
            total < Duration::from_millis(200),
            "load + build of the largest accepted dataset takes {:.0} ms (over 200 ms):\n{}",
            ms(total),
            report.join("\n")
        );
    }
}

/// Counts the text a layout measures: in the browser every measure is a `measureText` call on
/// the canvas, so this is what decides whether a big dataset freezes the tab.
struct CountingMeasure {
    calls: std::cell::Cell<usize>,
    chars: std::cell::Cell<usize>,
}

impl chart::Measure for CountingMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        self.calls.set(self.calls.get() + 1);
        self.chars.set(self.chars.get() + text.chars().count());
        chart::Measure::width(&Estimate, text, size, bold)
    }
}

/// The layout work of the largest accepted dataset stays bounded in every view and language
/// (a count, not a time, so it holds in debug builds and on a loaded machine). Laying out one
/// card at a time measured 6.4 million characters in 278,000 calls for the status board alone
/// and froze the tab for seconds; bisection, laying out only what can fit and wrapping by word
/// widths bring every view under 400,000 characters in 17,000 calls.
#[test]
fn largest_accepted_dataset_measures_little_text() {
    let d = model::load(&largest_dataset()).expect("the largest dataset is accepted");
    for name in ViewKind::NAMES {
        for lang in LANGS {
            let mut view = View::new(ViewKind::from_name(name).expect("a view"), 1200.0, 900.0);
            view.lang = lang.into();
            view.decorate = false;
            let m = CountingMeasure {
                calls: 0.into(),
                chars: 0.into(),
            };
            let _ = chart::build(&d, &view, &m);
            let (calls, chars) = (m.calls.get(), m.chars.get());
            println!("{name}/{lang}: {calls} measures, {chars} characters");
            assert!(
                chars < 600_000 && calls < 30_000,
                "{name}/{lang} measured {calls} texts, {chars} characters"
            );
        }
    }
}

/// The widths a widget keeps (`chart::Widths`) are each measured once, and stay few: the
/// cache is a sorted list, each new entry moves those after it, and it starts again past
/// `chart::Widths::MOST`. One cache per row, as a widget switched through those views and
/// languages keeps; the counts are printed (`-- --nocapture`).
#[test]
fn width_cache_measures_each_text_once() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/morocco.json");
    let text = std::fs::read_to_string(path).expect("data/morocco.json");
    let morocco = model::load(&text).expect("data/morocco.json is valid");
    let largest = model::load(&largest_dataset()).expect("the largest dataset is accepted");
    let all = &ViewKind::NAMES[..];
    for (name, d, views, langs) in [
        (
            "data/morocco.json",
            &morocco,
            &["overview"][..],
            &LANGS[..1],
        ),
        ("data/morocco.json", &morocco, &["overview"][..], &LANGS[..]),
        ("data/morocco.json", &morocco, all, &LANGS[..]),
        ("largest", &largest, all, &LANGS[..]),
    ] {
        let widths = chart::Widths::default();
        let counting = CountingMeasure {
            calls: 0.into(),
            chars: 0.into(),
        };
        let measure = chart::Cached::new(counting, &widths);
        for view_name in views {
            for lang in langs {
                let kind = ViewKind::from_name(view_name).expect("a view");
                let mut view = View::new(kind, 1200.0, 900.0);
                view.lang = (*lang).into();
                view.decorate = false; // as in the widget
                let _ = chart::draw(d, &view, &measure);
            }
        }
        let (kept, measured) = (widths.len(), measure.inner.calls.get());
        println!("{name}, {views:?} x {langs:?}: {kept} widths kept, {measured} measured");
        assert!(
            kept > 0 && kept == measured,
            "{name}: {kept} kept, {measured} measured"
        );
    }
}

/// Writes the largest accepted dataset to `target/largest.json`, to time it in a browser by
/// hand (`cargo test --test robustness -- --ignored write_largest_dataset`).
#[test]
#[ignore = "writes a file for a manual browser check"]
fn write_largest_dataset() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/largest.json");
    std::fs::write(&path, largest_dataset()).expect("write target/largest.json");
    println!("{}", path.display());
}
