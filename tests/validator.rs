//! The validator on the example corpus: every valid example and the datasets of data/ load; every
//! invalid example is rejected with exactly one problem, at the path `expectations.json` gives
//! (the same file the schema half of the agreement test reads), with the message a publisher
//! would read.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

use std::path::Path;

use plan_progress::model::{self, LoadError};

/// The message each invalid example must produce (a part of it).
const MESSAGES: &[(&str, &str)] = &[
    (
        "01-syntax-trailing-comma.json",
        "not valid JSON: line 13, column 3: trailing comma before '}'",
    ),
    ("02-format-version-2.json", "unsupported format_version 2"),
    ("03-missing-plan.json", "required member is missing"),
    ("04-missing-plan-title.json", "required member is missing"),
    (
        "05-unknown-member-valeu.json",
        "unknown member; did you mean \"value\"?",
    ),
    (
        "06-value-as-string.json",
        "expected a number, found the string \"12\"",
    ),
    ("07-negative-value.json", "-3 is negative"),
    (
        "08-text-non-language-key.json",
        "\"English\" is not a language code",
    ),
    ("09-text-empty-object.json", "empty text"),
    (
        "10-date-month-13.json",
        "\"2023-13-01\" is not a date: there is no month 13",
    ),
    (
        "11-date-february-30.json",
        "\"2023-02-30\" does not exist: that month has 28 days",
    ),
    (
        "12-id-upper-case-space.json",
        "\"Prosecutions 2020\" is not a valid id",
    ),
    (
        "13-unknown-source-key.json",
        "\"report-c\" is not a key of sources",
    ),
    (
        "14-value-without-source.json",
        "every figure needs a source",
    ),
    (
        "15-duplicate-indicator-id.json",
        "duplicate id \"prosecutions\" (already used by indicators[0].id)",
    ),
    ("16-years-out-of-order.json", "year 2021 comes after 2022"),
    ("17-repeated-year.json", "year 2020 is repeated"),
    (
        "18-rating-outside-scale.json",
        "\"tier-4\" is not a level of the scale (tier-1, tier-2, tier-3)",
    ),
    ("19-progress-120.json", "120 is outside 0-100"),
    ("20-progress-without-source.json", "required with progress"),
    (
        "21-implemented-without-assessed-by.json",
        "required when the status is known",
    ),
    (
        "22-declared-count-too-small.json",
        "declares 1 but lists 2 recommendations",
    ),
    (
        "23-axis-not-in-axes.json",
        "\"prosecution\" is not an id of axes",
    ),
    (
        "24-default-language-not-in-languages.json",
        "\"ar\" is not one of languages (en, fr)",
    ),
    (
        "25-period-end-before-start.json",
        "the period ends (2019) before it starts (2020)",
    ),
    (
        "26-milestones-out-of-order.json",
        "2019-11 comes before the previous milestone (2020-03)",
    ),
    (
        "27-javascript-url.json",
        "only http:// and https:// addresses",
    ),
    (
        "28-conflict-single-source.json",
        "a conflict is between at least 2 sources",
    ),
    ("29-no-sources.json", "list at least one source"),
    (
        "30-rank-above-declared-count.json",
        "rank 5 is above the declared count 3",
    ),
    ("31-ranks-out-of-order.json", "rank 1 comes after rank 2"),
    (
        "32-country-lower-case.json",
        "\"xa\" is not an ISO 3166-1 alpha-2 country code",
    ),
    ("33-repeated-language.json", "\"en\" is listed twice"),
    (
        "34-rating-without-source.json",
        "every rating needs a source",
    ),
    ("35-year-out-of-range.json", "1899 is outside 1900-2100"),
    (
        "36-unknown-source-in-conflict.json",
        "\"report-z\" is not a key of sources",
    ),
    (
        "37-url-with-space.json",
        "only http:// and https:// addresses (in lower case) without spaces",
    ),
    ("38-blank-publisher.json", "must not be empty"),
    (
        "39-level-and-placement.json",
        "\"special_case\" is for a year without a level, but value is \"tier-2\": give a level or a placement, not both",
    ),
    (
        "40-unknown-placement.json",
        "\"special\" is not a placement (one of: special_case, not_ranked)",
    ),
    (
        "41-placement-without-source.json",
        "required with placement: a special case or a year not ranked is a finding",
    ),
    (
        "42-unknown-subject.json",
        "\"XD\" is not a code of subjects",
    ),
    (
        "43-subject-listed-twice.json",
        "subject \"XA\" is listed twice (already subjects[0].code)",
    ),
    (
        "44-subject-rated-twice-on-a-scale.json",
        "\"XA\" already has a rating on the shared scale \"tier\" (ratings[0])",
    ),
    (
        "45-unknown-shared-scale.json",
        "\"tiers\" is not an id of scales",
    ),
    (
        "46-subject-code-lower-case.json",
        "\"xc\" is not an ISO 3166-1 alpha-2 country code",
    ),
    (
        "47-shared-scale-one-level.json",
        "a scale needs at least 2 levels, best first",
    ),
    (
        "48-level-outside-shared-scale.json",
        "\"tier-4\" is not a level of the scale (tier-1, tier-2, tier-3)",
    ),
    (
        "49-scale-as-number.json",
        "expected an array of levels, or the id of a shared scale (a string), found a number",
    ),
];

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
        let message = MESSAGES
            .iter()
            .find(|(f, _)| *f == name)
            .unwrap_or_else(|| panic!("{name} has no expected message in tests/validator.rs"))
            .1;
        let problems = match model::load(&std::fs::read_to_string(file).unwrap()) {
            Ok(_) => {
                failures.push(format!("{name}: accepted"));
                continue;
            }
            Err(e) => e.problems(),
        };
        let found = problems.len() == 1
            && problems[0].path == path
            && problems[0].message.contains(message);
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
        MESSAGES.len(),
        "a message is listed for a file that does not exist"
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
    assert!(problems[0].message.contains("did you mean \"indicators\""));
}
