//! SVG snapshots of the views of the Morocco dataset, drawn by the same chart code as the
//! browser through plotters' SVG backend. A change in geometry, colours, labels or ticks shows
//! up as a diff. To accept intended changes: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! look at the SVGs, and commit them.

use std::path::{Path, PathBuf};

use plan_progress::chart::{self, Estimate, Theme, View, ViewKind};
use plan_progress::model;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn morocco() -> model::Dataset {
    let text = std::fs::read_to_string(root().join("data/morocco.json")).unwrap();
    model::load(&text).unwrap()
}

fn check(name: &str, view: &View) {
    let scene = chart::build(&morocco(), view, &Estimate).unwrap();
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
        Ok(_) => {
            std::fs::write(&new_path, &svg).unwrap();
            panic!(
                "{name}: the drawing changed; compare {} with {} and, if intended, run UPDATE_SNAPSHOTS=1 cargo test --test snapshots",
                expected_path.display(),
                new_path.display()
            );
        }
        Err(_) => {
            std::fs::write(&new_path, &svg).unwrap();
            panic!("{name}: no snapshot yet; review {} and run UPDATE_SNAPSHOTS=1 cargo test --test snapshots", new_path.display());
        }
    }
}

fn view(kind: ViewKind, lang: &str) -> View {
    let mut v = View::new(kind, 800.0, 450.0);
    v.lang = lang.into();
    v
}

#[test]
fn series_default_view_in_english() {
    check("series-en", &view(ViewKind::Series, "en"));
}

#[test]
fn series_narrow_dark_in_french() {
    let mut v = view(ViewKind::Series, "fr");
    v.series = vec!["tip-prosecutions".into(), "pmp-persons-prosecuted".into()];
    v.width = 340.0;
    v.height = 420.0;
    v.theme = Theme::dark();
    check("series-fr-narrow-dark", &v);
}

#[test]
fn rating_in_french() {
    check("rating-fr", &view(ViewKind::Rating, "fr"));
}

#[test]
fn rating_in_arabic_is_mirrored() {
    check("rating-ar", &view(ViewKind::Rating, "ar"));
}
