//! Replays the committed corpus of `tests/corpus/` (issue #8): files that reach deep paths of
//! parse → validate → scene → summary → table, kept as a regression test.
//!
//! The property tests of `tests/robustness.rs` draw fresh random inputs on every run and keep
//! only failing seeds; this corpus is the other half: a fixed set of hand-aimed inputs (subsets
//! of the Morocco dataset, every limit and just past it, hostile text, broken JSON) that every
//! `cargo test` runs in the same way. `tests/corpus/generate.py` writes it (see the README
//! there).
//!
//! Every `*.json` file is read as bytes and decoded as the widget's `fetch().text()` would
//! (invalid UTF-8 becomes U+FFFD), then loaded. What must happen depends on the name:
//!
//! - `valid-*`: accepted; every view (and a few choices of series in it, see [`variants`]) in
//!   French, Arabic and English at a desktop and a phone size gets its summary, its table (CSV
//!   and JSON) and, when it can be drawn, its scene, the details of its data, pointer and
//!   keyboard hit-testing, its sources panel and an SVG.
//! - `invalid-*`: refused with problems (`LoadError::Invalid`), each bounded in length.
//! - `syntax-*`: refused as not JSON (`LoadError::Syntax`).
//!
//! `tests/corpus/expected.tsv` says more about each file: the texts a refused file's error must
//! contain, the views a valid file must draw in every language and size. So a change in what is
//! refused, where, or what is drawn fails here, not only a crash. A panic fails its file; every
//! file is tried and the failures are listed together.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use plan_progress::chart::hit::{self, Move};
use plan_progress::chart::{self, Drawing, Estimate, Theme, View, ViewKind};
use plan_progress::describe;
use plan_progress::diagnostics;
use plan_progress::i18n::Lang;
use plan_progress::model::{self, Dataset, LoadError};

/// A desktop and a phone: wide layouts and the narrowest the widget meets.
const SIZES: [(f64, f64); 2] = [(1200.0, 900.0), (320.0, 480.0)];
/// The Morocco dataset's languages: Arabic is the right-to-left one.
const LANGS: [&str; 3] = ["fr", "ar", "en"];
/// The bounds of an error report (docs/format.md, "Limits"; private in `model`): at most 100
/// problems and a line counting the others, each path and message cut at 300 characters.
const MAX_PROBLEMS: usize = 100;
const MAX_PROBLEM_CHARS: usize = 300;
/// The largest corpus file, in bytes (issue #8: a small corpus).
const MAX_CORPUS_FILE: u64 = 64 * 1024;
/// Files of `tests/corpus/` that are not inputs.
const NOT_INPUTS: [&str; 3] = ["README.md", "generate.py", "expected.tsv"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// What a file's name says must happen to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Valid,
    Invalid,
    Syntax,
}

fn category(name: &str) -> Option<Category> {
    match name.split('-').next()? {
        "valid" => Some(Category::Valid),
        "invalid" => Some(Category::Invalid),
        "syntax" => Some(Category::Syntax),
        _ => None,
    }
}

/// Every input, sorted by name, as the text the widget would get from `fetch().text()`.
fn inputs() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus/ exists")
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).expect("a readable corpus file");
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    files.sort();
    files
}

/// `expected.tsv`: for each refused file, the texts its error must contain; for each valid
/// file, the views that must be drawn.
fn expectations() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.tsv"))
        .expect("tests/corpus/expected.tsv exists");
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut fields = line.split('\t').map(String::from);
            let name = fields.next().unwrap_or_default();
            (name, fields.collect())
        })
        .collect()
}

/// What one file gave, for the count line.
enum Outcome {
    Valid { scenes: usize },
    Refused,
}

/// Loads one file and checks what its category and `needles` require.
fn replay(name: &str, text: &str, needles: &[String]) -> Result<Outcome, String> {
    let expected = category(name).ok_or("the name has no category prefix")?;
    match (model::load(text), expected) {
        (Ok(d), Category::Valid) => {
            check_drawn(&d, needles).map(|scenes| Outcome::Valid { scenes })
        }
        (Ok(_), _) => Err("accepted, but its name says it is refused".into()),
        (Err(e), Category::Valid) => Err(format!("refused:\n{e}")),
        (Err(e), expected) => check_refusal(&e, expected, needles).map(|()| Outcome::Refused),
    }
}

/// Exercises every variant of `d`, then checks that each one `needles` names was drawn in every
/// language at every size (a regression that turns a chart into "nothing to show" fails here).
/// Returns the number of scenes built.
fn check_drawn(d: &Dataset, needles: &[String]) -> Result<usize, String> {
    let (scenes, everywhere) = exercise(d);
    match needles.iter().find(|n| !everywhere.contains(n)) {
        Some(n) => Err(format!(
            "the view {n:?} is not drawn in every language and size; these are: {everywhere:?}"
        )),
        None => Ok(scenes),
    }
}

/// A refusal is of the expected kind, says something, stays bounded, and names each needle.
fn check_refusal(e: &LoadError, expected: Category, needles: &[String]) -> Result<(), String> {
    let kind_ok = match expected {
        Category::Syntax => matches!(e, LoadError::Syntax(_)),
        _ => matches!(e, LoadError::Invalid(_)),
    };
    if !kind_ok {
        return Err(format!("refused, but not as {expected:?}:\n{e}"));
    }
    let problems = e.problems();
    let message = |p: &model::Problem| diagnostics::message(&p.kind, Lang::En).plain(Lang::En);
    if problems.is_empty() || problems.iter().any(|p| message(p).trim().is_empty()) {
        return Err(format!("refused without a message: {problems:?}"));
    }
    // the message is shown in a page: MAX_PROBLEMS lines and a count, each cut with "…"
    let bounded = |s: &str| s.chars().count() <= MAX_PROBLEM_CHARS + 1;
    if problems.len() > MAX_PROBLEMS + 1
        || !problems
            .iter()
            .all(|p| bounded(&p.path) && bounded(&message(p)))
    {
        return Err(format!("{} problems, or one too long", problems.len()));
    }
    if needles.is_empty() {
        return Err("refused, but expected.tsv lists nothing its error must say".into());
    }
    let message = e.to_string();
    match needles.iter().find(|n| !message.contains(n.as_str())) {
        Some(n) => Err(format!("the error does not say {n:?}:\n{message}")),
        None => Ok(()),
    }
}

/// A view to try, named as `expected.tsv` names it: the kind alone ("series"), or the kind and
/// what is chosen in it ("series:all").
struct Variant {
    label: String,
    kind: ViewKind,
    series: Vec<String>,
}

/// Each kind of view as the widget opens it, and the choices a reader or an embedding page
/// makes that reach other code: every indicator at once (the default is the first one's
/// group), the recommendation lists on the status board (the default is the commitments), the
/// last rating, and a series the dataset does not have.
fn variants(d: &Dataset) -> Vec<Variant> {
    let variant = |label: &str, kind, series: Vec<String>| Variant {
        label: label.into(),
        kind,
        series,
    };
    let mut all: Vec<Variant> = ViewKind::NAMES
        .iter()
        .map(|name| variant(name, ViewKind::from_name(name).expect("a view"), vec![]))
        .collect();
    let indicators = d.indicators.iter().map(|i| i.id.clone()).collect();
    all.push(variant("series:all", ViewKind::Series, indicators));
    let lists = vec!["recommendations".to_string()];
    all.push(variant("status:recommendations", ViewKind::Status, lists));
    let last_rating = d.ratings.last().map(|r| r.id.clone()).into_iter().collect();
    all.push(variant("rating:last", ViewKind::Rating, last_rating));
    let unknown = vec!["no-such-series".to_string()];
    all.push(variant("series:unknown", ViewKind::Series, unknown));
    all
}

/// Runs every variant of `d` in every language at every size. Returns how many scenes were
/// built (a view with nothing to show is an answer, not a failure) and the variants drawn in
/// every language at every size.
fn exercise(d: &Dataset) -> (usize, Vec<String>) {
    let mut scenes = 0;
    let mut everywhere = Vec::new();
    for variant in variants(d) {
        let mut drawn = 0;
        for (i, (width, height)) in SIZES.into_iter().enumerate() {
            for lang in LANGS {
                let mut view = View::new(variant.kind, width, height);
                view.lang = lang.into();
                view.series = variant.series.clone();
                // the phone size also tries what the widget changes: the dark theme, and no
                // title or legend in the image (the page shows them around it)
                if i == 1 {
                    view.theme = Theme::dark();
                    view.decorate = false;
                }
                drawn += usize::from(exercise_view(d, &view));
            }
        }
        assert!(
            variant.label != "series:unknown" || drawn == 0,
            "a series that does not exist is drawn"
        );
        if drawn == SIZES.len() * LANGS.len() {
            everywhere.push(variant.label);
        }
        scenes += drawn;
    }
    (scenes, everywhere)
}

/// The summary, the table and, when the view can be drawn, the scene and everything the widget
/// does with it. True when a scene was built.
fn exercise_view(d: &Dataset, view: &View) -> bool {
    let what = format!(
        "{} {}x{} {}",
        view.kind.name(),
        view.width,
        view.height,
        view.lang
    );
    assert!(
        !describe::summary(d, view).trim().is_empty(),
        "{what}: empty summary"
    );
    let table = describe::table(d, view);
    assert_json(&table.to_json().to_string(), &format!("{what}: table"));
    assert!(
        table.to_csv().starts_with('\u{feff}'),
        "{what}: CSV without BOM"
    );
    let Ok(drawing) = chart::draw(d, view, &Estimate) else {
        return false;
    };
    check_scene(d, view, &drawing, &what);
    true
}

/// What goes to the page as JSON is JSON. Read with `serde_json`, as the browser's
/// `JSON.parse` would, not with `plan_progress::json`, whose limits are for datasets: the table
/// of 100 series over 201 years has more than its 100,000 values.
fn assert_json(text: &str, what: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        let start: String = text.chars().take(300).collect();
        panic!("{what}: not JSON ({e}): {start}…");
    }
}

/// Details for the data, hit-testing by pointer and keyboard, the sources panel, and the SVG
/// at the large size.
fn check_scene(d: &Dataset, view: &View, drawing: &Drawing, what: &str) {
    let scene = &drawing.scene;
    assert!(
        scene.width.is_finite() && scene.height.is_finite(),
        "{what}: scene size {}x{}",
        scene.width,
        scene.height
    );
    // a few targets suffice: the 500-item boards have hundreds
    for t in scene.targets.iter().take(20) {
        let details = describe::details(d, view, t.datum);
        let details = details.unwrap_or_else(|| panic!("{what}: no details for {:?}", t.datum));
        let _ = details.sentence(view.ui_lang());
        assert_json(&details.to_json().to_string(), &format!("{what}: details"));
        // the pointer over a datum finds one
        assert!(
            hit::nearest(scene, t.x, t.y, 28.0).is_some(),
            "{what}: nothing under the pointer at a target {t:?}"
        );
    }
    let corners = [(0.0, 0.0), (view.width, view.height), (f64::NAN, -1e9)];
    for (x, y) in corners {
        let found = hit::nearest(scene, x, y, 28.0);
        assert!(found.is_none_or(|i| i < scene.targets.len()), "{what}");
    }
    let mut at = None;
    for key in [
        "ArrowRight",
        "End",
        "ArrowDown",
        "PageUp",
        "ArrowLeft",
        "Home",
        "ArrowUp",
    ] {
        at = hit::step(scene, at, Move::from_key(key).expect("a key"));
        assert!(at.is_none_or(|i| i < scene.targets.len()), "{what}: {key}");
    }
    let _ = describe::sources(d, view, &drawing.selection).to_json();
    if view.width > 1000.0 {
        let svg = chart::svg(scene);
        assert!(svg.is_ok(), "{what}: painting failed: {:?}", svg.err());
        assert_no_markup(&svg.unwrap_or_default(), what);
    }
}

/// The hostile text of `valid-hostile-*` (`<img onerror>`, `</script>`, `<svg onload>`) is
/// drawn as text: the downloaded SVG, opened in a browser, must not run it.
fn assert_no_markup(svg: &str, what: &str) {
    let svg = svg.to_ascii_lowercase();
    for tag in [
        "<img",
        "<script",
        "</script",
        "<svg onload",
        "<foreignobject",
    ] {
        assert!(
            !svg.contains(tag),
            "{what}: the SVG contains the markup {tag:?}"
        );
    }
}

/// Every corpus file is replayed; failures (wrong outcome, missing text, or a panic) are
/// listed together, then the count line is printed.
#[test]
fn corpus_replays_without_surprises() {
    let files = inputs();
    let expected = expectations();
    assert!(files.len() >= 40, "only {} corpus files", files.len());
    let mut failures = Vec::new();
    let (mut valid, mut invalid, mut built) = (0, 0, 0);
    for (name, text) in &files {
        let needles = expected.get(name).map_or(&[][..], |n| &n[..]);
        let run = panic::catch_unwind(AssertUnwindSafe(|| replay(name, text, needles)));
        match run {
            Ok(Ok(Outcome::Valid { scenes })) => {
                valid += 1;
                built += scenes;
            }
            Ok(Ok(Outcome::Refused)) => invalid += 1,
            Ok(Err(why)) => failures.push(format!("{name}: {why}")),
            Err(_) => failures.push(format!("{name}: panicked (message above)")),
        }
    }
    for name in expected.keys() {
        if !files.iter().any(|(f, _)| f == name) {
            failures.push(format!(
                "expected.tsv names {name}, which is not in the corpus"
            ));
        }
    }
    println!(
        "{} files: {valid} valid, {invalid} invalid ({built} scenes built)",
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The directory holds inputs and the three files that describe them, nothing unnoticed: a
/// file dropped in by hand without a category would otherwise only be smoke-tested.
#[test]
fn corpus_holds_only_named_inputs() {
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/corpus/ exists") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let known = NOT_INPUTS.contains(&name.as_str())
            || (name.ends_with(".json") && category(&name).is_some());
        assert!(
            known,
            "tests/corpus/{name}: not valid-, invalid- or syntax-*.json"
        );
    }
}

/// The corpus stays small enough to commit (issue #8): no file over 64 KB.
#[test]
fn corpus_files_are_small() {
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/corpus/ exists") {
        let entry = entry.expect("an entry");
        let bytes = entry.metadata().expect("metadata").len();
        let name = entry.file_name();
        assert!(bytes <= MAX_CORPUS_FILE, "{name:?}: {bytes} bytes");
    }
}
