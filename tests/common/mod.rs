//! Shared by the integration tests: the Morocco dataset and SVG snapshot comparison.
#![allow(dead_code)] // each test file uses part of it

use std::path::{Path, PathBuf};

use plan_progress::chart::{self, Estimate, View};
use plan_progress::model;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn morocco() -> model::Dataset {
    let text = std::fs::read_to_string(root().join("data/morocco.json")).unwrap();
    model::load(&text).unwrap()
}

/// The TIP tiers of Morocco and six neighbours (`data/neighbours.json`).
pub fn neighbours() -> model::Dataset {
    let text = std::fs::read_to_string(root().join("data/neighbours.json")).unwrap();
    model::load(&text).unwrap()
}

/// Renders `view` of the Morocco dataset to SVG and compares it with
/// `tests/snapshots/{name}.svg` (see [`check_snapshot_of`]).
pub fn check_snapshot(name: &str, view: &View) {
    check_snapshot_of(&morocco(), name, view);
}

/// Renders `view` of `dataset` to SVG and compares it with `tests/snapshots/{name}.svg`. On a
/// difference, the new drawing is written beside it as `{name}.new.svg` and the test fails;
/// `UPDATE_SNAPSHOTS=1` accepts new drawings.
pub fn check_snapshot_of(dataset: &model::Dataset, name: &str, view: &View) {
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
        Ok(_) => {
            std::fs::write(&new_path, &svg).unwrap();
            panic!(
                "{name}: the drawing changed; compare {} with {} and, if intended, run UPDATE_SNAPSHOTS=1 cargo test",
                expected_path.display(),
                new_path.display()
            );
        }
        Err(_) => {
            std::fs::write(&new_path, &svg).unwrap();
            panic!(
                "{name}: no snapshot yet; review {} and run UPDATE_SNAPSHOTS=1 cargo test",
                new_path.display()
            );
        }
    }
}
