//! The browser side stays in modules a reader can hold in mind: no JavaScript module of `www/`
//! (the element, the pages and their parts) over 400 lines. Test fixtures and generated files
//! are not modules of the widget.

use std::fs;
use std::path::{Path, PathBuf};

/// The most lines a module may have.
const MAX_LINES: usize = 400;
/// Folders of `www/` that hold no module of the widget or its pages.
const SKIPPED: &[&str] = &["test-fixtures", "generated", "node_modules"];

fn modules(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !SKIPPED.contains(&name) {
                modules(&path, out);
            }
        } else if name.ends_with(".js") {
            out.push(path);
        }
    }
}

#[test]
fn no_js_module_is_over_400_lines() {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut files = Vec::new();
    modules(&www, &mut files);
    assert!(
        files.len() > 20,
        "found only {} modules under www/",
        files.len()
    );
    let long: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let lines = fs::read_to_string(file)
                .expect("a readable module")
                .lines()
                .count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "modules over {MAX_LINES} lines: {}",
        long.join(", ")
    );
}
