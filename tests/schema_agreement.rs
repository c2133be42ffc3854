//! data/schema.json against the test corpus in tests/datasets/.
//!
//! - the schema is a valid JSON Schema 2020-12 document;
//! - every dataset in tests/datasets/valid/ (and data/morocco.json and data/neighbours.json, when
//!   present) is accepted;
//! - every dataset in tests/datasets/invalid/ is rejected or accepted as
//!   tests/datasets/invalid/expectations.json says ("accept" for problems of meaning that a
//!   schema cannot see, which the Rust validator reports); a rejected file must be rejected at
//!   its expected path or one of its ancestors, and nowhere else (one problem per file);
//! - every invalid file has an expectation and every expectation a file.
//!
//! Every disagreement is collected and reported at once.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

fn schema() -> jsonschema::Validator {
    let path = root().join("data/schema.json");
    let schema = read_json(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        schema.get("$schema").and_then(Value::as_str),
        Some("https://json-schema.org/draft/2020-12/schema"),
        "data/schema.json must declare JSON Schema 2020-12"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!(
            "data/schema.json is not a valid 2020-12 schema: {e} (at {})",
            e.instance_path().as_str()
        );
    }
    jsonschema::draft202012::options()
        .build(&schema)
        .unwrap_or_else(|e| panic!("data/schema.json does not compile: {e}"))
}

/// The schema's errors for `instance`, as "pointer: message" lines.
fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(instance)
        .map(|e| (e.instance_path().as_str().to_owned(), e.to_string()))
        .collect()
}

/// `indicators[2].points[5].source` -> `/indicators/2/points/5/source`; `$` -> ``.
/// Members are joined with dots; keys of `sources` are source keys, which cannot hold a dot.
fn pointer_of(path: &str) -> Result<String, String> {
    if path == "$" {
        return Ok(String::new());
    }
    let mut pointer = String::new();
    for segment in path.split('.') {
        let (name, mut rest) = match segment.find('[') {
            Some(i) => segment.split_at(i),
            None => (segment, ""),
        };
        if name.is_empty() {
            return Err(format!("bad path {path:?}: empty member name"));
        }
        pointer.push('/');
        pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
        while !rest.is_empty() {
            let close = rest
                .find(']')
                .ok_or_else(|| format!("bad path {path:?}: unclosed ["))?;
            let index = &rest[1..close];
            if !rest.starts_with('[')
                || index.is_empty()
                || !index.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(format!("bad path {path:?}: bad index in {segment:?}"));
            }
            pointer.push('/');
            pointer.push_str(index);
            rest = &rest[close + 1..];
        }
    }
    Ok(pointer)
}

/// Whether the JSON pointer `ancestor` is `pointer` or one of its ancestors.
fn is_at_or_above(ancestor: &str, pointer: &str) -> bool {
    ancestor.is_empty()
        || ancestor == pointer
        || (pointer.starts_with(ancestor) && pointer[ancestor.len()..].starts_with('/'))
}

#[test]
fn path_notation_maps_to_json_pointers() {
    assert_eq!(pointer_of("$").unwrap(), "");
    assert_eq!(pointer_of("plan.title").unwrap(), "/plan/title");
    assert_eq!(
        pointer_of("indicators[2].points[5].source").unwrap(),
        "/indicators/2/points/5/source"
    );
    assert_eq!(
        pointer_of("sources.ecoi2024.url").unwrap(),
        "/sources/ecoi2024/url"
    );
    assert_eq!(
        pointer_of("conflicts[0].sources[1]").unwrap(),
        "/conflicts/0/sources/1"
    );
    assert!(pointer_of("a[x]").is_err());
    assert!(pointer_of("a..b").is_err());
    assert!(is_at_or_above("", "/plan"));
    assert!(is_at_or_above("/plan", "/plan/title"));
    assert!(is_at_or_above("/plan/title", "/plan/title"));
    assert!(!is_at_or_above("/plan/title", "/plan/titles"));
    assert!(!is_at_or_above("/plan/title/en", "/plan/title"));
}

#[test]
fn schema_accepts_every_valid_dataset() {
    let validator = schema();
    let mut files = json_files(&root().join("tests/datasets/valid"));
    assert!(
        files.len() >= 4,
        "expected at least 4 valid datasets, found {}",
        files.len()
    );
    for published in ["data/morocco.json", "data/neighbours.json"] {
        let path = root().join(published);
        if path.exists() {
            files.push(path);
        }
    }
    let mut failures = Vec::new();
    for path in &files {
        match read_json(path) {
            Err(e) => failures.push(format!("{}: {e}", path.display())),
            Ok(instance) => {
                for (at, message) in schema_errors(&validator, &instance) {
                    failures.push(format!(
                        "{}: schema rejects it at {:?}: {message}",
                        path.display(),
                        at
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "data/schema.json disagrees with {} valid dataset problem(s):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn schema_judges_every_invalid_dataset_as_expected() {
    let validator = schema();
    let dir = root().join("tests/datasets/invalid");
    let expectations_path = dir.join("expectations.json");
    let expectations = read_json(&expectations_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expectations_path.display()));
    let expectations = expectations
        .as_object()
        .expect("expectations.json: an object keyed by file name");

    let files: BTreeMap<String, PathBuf> = json_files(&dir)
        .into_iter()
        .map(|p| (file_name(&p), p))
        .filter(|(name, _)| name != "expectations.json")
        .collect();
    assert!(
        files.len() >= 24,
        "expected at least 24 invalid datasets, found {}",
        files.len()
    );

    let mut failures = Vec::new();
    for name in files.keys() {
        if !expectations.contains_key(name) {
            failures.push(format!("{name}: no entry in expectations.json"));
        }
    }
    for (name, expectation) in expectations {
        let Some(path) = files.get(name) else {
            failures.push(format!(
                "expectations.json: {name}: no such file in tests/datasets/invalid/"
            ));
            continue;
        };
        let field = |key: &str| expectation.get(key).and_then(Value::as_str);
        let (Some(expected_path), Some(verdict), Some(problem)) =
            (field("path"), field("schema"), field("problem"))
        else {
            failures.push(format!(
                "expectations.json: {name}: needs string members path, schema and problem"
            ));
            continue;
        };
        if let Some(extra) = expectation.as_object().and_then(|o| {
            o.keys()
                .find(|k| !["path", "schema", "problem", "message"].contains(&k.as_str()))
        }) {
            failures.push(format!(
                "expectations.json: {name}: unknown member {extra:?}"
            ));
        }
        if problem.trim().is_empty() {
            failures.push(format!("expectations.json: {name}: empty problem"));
        }
        let expected_pointer = match pointer_of(expected_path) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("expectations.json: {name}: {e}"));
                continue;
            }
        };
        let instance = match read_json(path) {
            Ok(instance) => instance,
            Err(e) => {
                // Only a syntax error is allowed to be unparseable: it is reported at `$`.
                if verdict != "reject" || expected_path != "$" {
                    failures.push(format!(
                        "{name}: {e}, but its expectation is {verdict:?} at {expected_path:?} \
                         (an unparseable file must be \"reject\" at \"$\")"
                    ));
                }
                continue;
            }
        };
        let errors = schema_errors(&validator, &instance);
        match verdict {
            "accept" => {
                for (at, message) in &errors {
                    failures.push(format!(
                        "{name}: expected the schema to accept it (problem of meaning: {problem}), \
                         but it rejects it at {at:?}: {message}"
                    ));
                }
            }
            "reject" => {
                if errors.is_empty() {
                    failures.push(format!(
                        "{name}: expected the schema to reject it ({problem}) at {expected_path}, \
                         but it accepts it"
                    ));
                }
                for (at, message) in &errors {
                    if !is_at_or_above(at, &expected_pointer) {
                        failures.push(format!(
                            "{name}: the schema rejects it at {at:?}, which is neither the expected \
                             {expected_pointer:?} ({expected_path}) nor above it: {message}"
                        ));
                    }
                }
            }
            other => failures.push(format!(
                "expectations.json: {name}: schema must be \"reject\" or \"accept\", not {other:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "data/schema.json and tests/datasets/invalid disagree ({} problem(s)):\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// The limits written into the schema are the validator's (docs/format.md, "Limits"): a
/// publisher checking a file with the schema alone learns the same numbers.
#[test]
fn schema_limits_are_the_validators() {
    use plan_progress::model::limits::*;
    let schema = read_json(&root().join("data/schema.json")).expect("the schema");
    let at = |pointer: &str| {
        schema
            .pointer(pointer)
            .and_then(Value::as_f64)
            .unwrap_or_else(|| panic!("data/schema.json has no number at {pointer}"))
    };
    let n = |v: usize| v as f64;
    let expected = [
        ("/$defs/NonEmptyString/maxLength", n(MAX_TEXT_CHARS)),
        ("/$defs/LabelString/maxLength", n(MAX_LABEL_CHARS)),
        ("/$defs/Text/anyOf/1/maxProperties", n(MAX_LANGUAGES)),
        ("/$defs/Label/anyOf/1/maxProperties", n(MAX_LANGUAGES)),
        (
            "/$defs/Plan/properties/languages/maxItems",
            n(MAX_LANGUAGES),
        ),
        ("/$defs/Source/properties/url/maxLength", n(MAX_URL_CHARS)),
        ("/properties/sources/maxProperties", n(MAX_MEMBERS)),
        ("/properties/indicators/maxItems", n(MAX_SERIES)),
        ("/properties/ratings/maxItems", n(MAX_SERIES)),
        ("/properties/recommendations/maxItems", n(MAX_SERIES)),
        ("/properties/axes/maxItems", n(MAX_SERIES)),
        ("/properties/conflicts/maxItems", n(MAX_SERIES)),
        ("/properties/subjects/maxItems", n(MAX_SERIES)),
        ("/properties/scales/maxItems", n(MAX_SERIES)),
        ("/properties/commitments/maxItems", n(MAX_ITEMS)),
        ("/properties/milestones/maxItems", n(MAX_ITEMS)),
        (
            "/$defs/RecommendationList/properties/items/maxItems",
            n(MAX_ITEMS),
        ),
        ("/$defs/Indicator/properties/points/maxItems", n(MAX_POINTS)),
        ("/$defs/Rating/properties/points/maxItems", n(MAX_POINTS)),
        ("/$defs/Levels/maxItems", n(MAX_LEVELS)),
        (
            "/$defs/Conflict/properties/sources/maxItems",
            n(MAX_REFERENCES),
        ),
        (
            "/$defs/Conflict/properties/indicators/maxItems",
            n(MAX_REFERENCES),
        ),
        ("/$defs/Point/properties/value/maximum", MAX_FIGURE),
    ];
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(pointer, value)| at(pointer) != *value)
        .map(|(pointer, value)| {
            format!("{pointer}: {} in the schema, {value} in Rust", at(pointer))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
