//! The command line as a publisher or journalist uses it.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-progress"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn validate_accepts_the_morocco_dataset() {
    let (code, out, _) = run(&["validate", "data/morocco.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("data/morocco.json: valid"), "{out}");
}

#[test]
fn validate_lists_problems_and_fails() {
    let (code, out, _) = run(&[
        "validate",
        "tests/datasets/valid/minimal.json",
        "tests/datasets/invalid/13-unknown-source-key.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("minimal.json: valid"), "{out}");
    assert!(
        out.contains("13-unknown-source-key.json: 1 problem(s)"),
        "{out}"
    );
    assert!(
        out.contains("  indicators[0].points[2].source: \"report-c\" is not a key of sources"),
        "{out}"
    );
}

#[test]
fn render_writes_an_svg_of_the_view() {
    let out_path = std::env::temp_dir().join(format!("pp-cli-{}.svg", std::process::id()));
    let out_str = out_path.to_str().unwrap();
    let (code, _, err) = run(&[
        "render",
        "data/morocco.json",
        "--view",
        "rating",
        "--lang",
        "en",
        "--width",
        "600",
        "--out",
        out_str,
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out_path).unwrap();
    let _ = std::fs::remove_file(&out_path);
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.contains("width=\"600\""));
    assert!(
        svg.contains(">\nTier 2 Watch List\n</text>"),
        "the scale's names are drawn"
    );
}

#[test]
fn bad_requests_are_explained() {
    let (code, _, err) = run(&["render", "data/morocco.json", "--view", "pie"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "unknown view \"pie\" (one of: series, rating, status, progress, timeline, overview)"
        ),
        "{err}"
    );
    let (code, _, err) = run(&["render", "data/morocco.json", "--series", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no series \"nope\""), "{err}");
    let (code, _, err) = run(&["render", "tests/datasets/invalid/02-format-version-2.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("unsupported format_version 2"), "{err}");
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
}
