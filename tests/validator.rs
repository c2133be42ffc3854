//! The validator on the example corpus: every valid example and the datasets of data/ load; every
//! invalid example is rejected with exactly one problem, at the path `expectations.json` gives
//! (the same file the schema half of the agreement test reads), with the message a publisher
//! would read (a part of it, `message` there: the checker page's browser test reads it too).
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

use std::path::Path;

use plan_progress::model::{self, LoadError};

fn dir(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn json_files(path: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir(path))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.ends_with("expectations.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn valid_examples_and_the_published_datasets_load() {
    let mut files = json_files("tests/datasets/valid");
    assert!(files.len() >= 5);
    files.push(dir("data/morocco.json"));
    files.push(dir("data/neighbours.json"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Err(e) = model::load(&text) {
            panic!("{} was rejected:\n{e}", file.display());
        }
    }
}

#[test]
fn every_invalid_example_is_rejected_where_and_why_expected() {
    let expectations: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir("tests/datasets/invalid/expectations.json")).unwrap(),
    )
    .unwrap();
    let files = json_files("tests/datasets/invalid");
    assert!(files.len() >= 15, "the corpus shrank to {}", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        let path = expectations[name]["path"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} has no expected path"));
        let message = expectations[name]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} has no expected message"));
        let problems = match model::load(&std::fs::read_to_string(file).unwrap()) {
            Ok(_) => {
                failures.push(format!("{name}: accepted"));
                continue;
            }
            Err(e) => e.problems().into_owned(),
        };
        let found = problems.len() == 1
            && problems[0].path == path
            && problems[0].to_string().contains(message);
        if !found {
            let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            failures.push(format!(
                "{name}: expected one problem `{path}: …{message}…`, got {got:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        files.len(),
        expectations.as_object().map_or(0, |o| o.len()),
        "an expectation is listed for a file that does not exist"
    );
}

#[test]
fn several_problems_are_all_reported() {
    // three mistakes in different places, one file
    let text = std::fs::read_to_string(dir("tests/datasets/valid/minimal.json"))
        .unwrap()
        .replacen(
            "\"format_version\": 1",
            "\"format_version\": 1, \"indicator\": []",
            1,
        )
        .replacen("\"licence\"", "\"license\"", 1);
    let Err(LoadError::Invalid(problems)) = model::load(&text) else {
        panic!("accepted");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["indicator", "plan.license", "plan.licence"],
        "{problems:#?}"
    );
    assert!(problems[0]
        .to_string()
        .contains("did you mean \"indicators\""));
}
