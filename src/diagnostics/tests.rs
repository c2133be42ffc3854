// A list of every problem reads best as one list.
#![allow(clippy::too_many_lines)]

use super::*;
use crate::json::Json;
use crate::model::{Choice, Counted, DateError, Shape};

const LANGS: [Lang; 3] = [Lang::Fr, Lang::Ar, Lang::En];

/// One of every problem, with arguments (a test cannot list an enum's variants: a variant added
/// without texts shows here as an empty message, once it is added to this list too).
fn every_kind() -> Vec<ProblemKind> {
    let s = |v: &str| v.to_string();
    let syntax = crate::json::parse("[1,]").unwrap_err();
    vec![
        ProblemKind::TooLarge { bytes: 600_000 },
        ProblemKind::NotText,
        ProblemKind::NotJson(syntax),
        ProblemKind::MoreProblems { unlisted: 3 },
        ProblemKind::TooMany {
            what: Counted::Points,
            max: 201,
            found: 300,
        },
        ProblemKind::TooLong {
            chars: 3000,
            max: 2000,
        },
        ProblemKind::Expected {
            wanted: Shape::Text,
            found: Shape::Number,
        },
        ProblemKind::UnknownMember {
            allowed: &["year", "value"],
        },
        ProblemKind::UnknownMemberNear { near: "value" },
        ProblemKind::DuplicateMember,
        ProblemKind::Missing,
        ProblemKind::Empty,
        ProblemKind::NumberInQuotes { text: s("12") },
        ProblemKind::NotWhole { number: 1.5 },
        ProblemKind::OutOfRange {
            number: 1899.0,
            min: 1900,
            max: 2100,
        },
        ProblemKind::NotOneOf {
            value: s("done"),
            what: Choice::Status,
            names: &["implemented", "unknown"],
        },
        ProblemKind::BadId { value: s("A b") },
        ProblemKind::BadLanguage {
            value: s("English"),
        },
        ProblemKind::BadDate {
            text: s("2023-13"),
            error: DateError::NoMonth(13),
        },
        ProblemKind::BadUrl,
        ProblemKind::EmptyText,
        ProblemKind::LanguageTwice,
        ProblemKind::UnknownSource { key: s("report-c") },
        ProblemKind::DuplicateId {
            id: s("a"),
            first: s("indicators[0].id"),
        },
        ProblemKind::FormatVersion { version: 2 },
        ProblemKind::DefaultLanguage {
            lang: s("ar"),
            languages: s("en, fr"),
        },
        ProblemKind::BadCountry { value: s("xa") },
        ProblemKind::PeriodReversed {
            start: 2020,
            end: 2019,
        },
        ProblemKind::NoLanguage,
        ProblemKind::LanguageListedTwice { lang: s("en") },
        ProblemKind::NoSources,
        ProblemKind::SourceKeyTwice,
        ProblemKind::Negative { number: -3.0 },
        ProblemKind::TooBig { number: 1e16 },
        ProblemKind::FigureWithoutSource,
        ProblemKind::RatingWithoutSource,
        ProblemKind::PlacementWithoutSource,
        ProblemKind::YearRepeated { year: 2020 },
        ProblemKind::YearOrder {
            year: 2021,
            previous: 2022,
        },
        ProblemKind::RatedTwice {
            code: s("XA"),
            scale: s("tier"),
            first: s("ratings[0]"),
        },
        ProblemKind::NotAnId {
            id: s("x"),
            list: "axes",
        },
        ProblemKind::FewLevels,
        ProblemKind::SubjectTwice {
            code: s("XA"),
            first: s("subjects[0].code"),
        },
        ProblemKind::UnknownSubject { code: s("XD") },
        ProblemKind::NotALevel {
            id: s("tier-4"),
            levels: s("tier-1, tier-2"),
        },
        ProblemKind::LevelAndPlacement {
            placement: "special_case",
            level: s("tier-2"),
        },
        ProblemKind::DeclaredCountWithoutSource,
        ProblemKind::DeclaredTooFew {
            declared: 1,
            listed: 2,
        },
        ProblemKind::RankOrder {
            rank: 1,
            previous: 2,
        },
        ProblemKind::RankAboveDeclared {
            rank: 5,
            declared: 3,
        },
        ProblemKind::StatusWithoutAssessment,
        ProblemKind::ProgressRange { number: 120.0 },
        ProblemKind::ProgressWithoutSource,
        ProblemKind::MilestoneOrder {
            date: s("2019-11"),
            previous: s("2020-03"),
        },
        ProblemKind::ConflictOneSource,
    ]
}

/// The `{i}` of a template.
fn slots(template: &str) -> Vec<usize> {
    let mut found: Vec<usize> = (0..10)
        .filter(|i| template.contains(&format!("{{{i}}}")))
        .collect();
    found.dedup();
    found
}

#[test]
fn every_problem_is_said_in_three_languages_with_every_argument() {
    let kinds = every_kind();
    assert_eq!(
        kinds.len(),
        catalog::PROBLEMS.len() + 2,
        "NotJson and BadDate have tables of their own"
    );
    for kind in &kinds {
        for lang in LANGS {
            let text = message(kind, lang).plain(lang);
            assert!(!text.trim().is_empty(), "{kind:?} in {lang:?}");
            assert!(
                !text.contains('{') || text.contains("{\""),
                "{kind:?} in {lang:?}: {text}"
            );
            assert!(!text.contains('`'), "{kind:?} in {lang:?}: {text}");
        }
    }
    for (key, texts) in catalog::PROBLEMS {
        let english = slots(texts[2]);
        for text in texts {
            assert_eq!(slots(text), english, "{key:?}: {text}");
            assert_eq!(text.matches('`').count() % 2, 0, "{key:?}: {text}");
        }
    }
    let others = catalog::SYNTAX.iter().map(|(_, t)| t);
    for texts in others.chain(catalog::DATES.iter().map(|(_, t)| t)) {
        for text in texts {
            assert_eq!(slots(text), slots(texts[2]), "{text}");
        }
    }
}

#[test]
fn every_syntax_error_is_said_in_three_languages() {
    for (kind, _) in catalog::SYNTAX {
        for lang in LANGS {
            let text = syntax_message(*kind, lang).plain(lang);
            assert!(
                !text.is_empty() && !text.contains('{'),
                "{kind:?} {lang:?}: {text}"
            );
        }
    }
    assert_eq!(
        syntax_message(SyntaxKind::ExpectedLiteral("true"), Lang::En).parts,
        ["unexpected character, expected ", "true", ""]
    );
    assert_eq!(
        syntax_message(SyntaxKind::TooDeep, Lang::Fr).plain(Lang::Fr),
        "imbrication de plus de 64 niveaux"
    );
}

#[test]
fn english_is_the_command_line_s() {
    let en = |kind: &ProblemKind| message(kind, Lang::En).plain(Lang::En);
    let kinds = every_kind();
    // (the index in every_kind, the words of the command line)
    let said = [
        (8, "unknown member; did you mean \"value\"?"),
        (7, "unknown member (allowed here: year, value)"),
        (2, "not valid JSON: line 1, column 4: trailing comma before ']'"),
        (33, "1e16 is above 10^15, the largest figure accepted"),
        (6, "expected a text (a string, or an object of languages such as {\"fr\": \"…\", \"ar\": \"…\"}), found a number"),
        (18, "\"2023-13\" is not a date: there is no month 13"),
        (0, "the file is 600000 bytes, more than the 524288 bytes a dataset may have"),
    ];
    for (i, text) in said {
        assert_eq!(en(&kinds[i]), text);
    }
    let empty = crate::json::parse(" ").unwrap_err();
    assert_eq!(en(&ProblemKind::NotJson(empty)), "the file is empty");
}

#[test]
fn code_is_set_apart_and_values_stay_values() {
    let kind = ProblemKind::UnknownSource {
        key: "a`b{1}".into(),
    };
    let fr = message(&kind, Lang::Fr);
    assert_eq!(
        fr.parts,
        ["", "\"a`b{1}\"", " n'est pas une clé de ", "sources", ""]
    );
    // in Arabic, each piece of code is isolated left to right
    let ar = message(&kind, Lang::Ar).plain(Lang::Ar);
    assert!(ar.starts_with("\u{2066}\"a`b{1}\"\u{2069}"), "{ar}");
    assert!(ar.contains("\u{2066}sources\u{2069}"), "{ar}");
    // the catalog's own words may hold code too
    let kind = ProblemKind::Expected {
        wanted: Shape::TrueOrFalse,
        found: Shape::String,
    };
    assert_eq!(
        message(&kind, Lang::En).parts,
        ["expected ", "true", " or ", "false", ", found a string"]
    );
}

#[test]
fn long_messages_are_cut() {
    let kind = ProblemKind::BadId {
        value: "x".repeat(400),
    };
    for lang in LANGS {
        let text = message(&kind, lang).plain(Lang::En);
        assert!(text.chars().count() <= MAX_PROBLEM_CHARS + 1, "{lang:?}");
        assert!(text.ends_with('…'), "{text}");
    }
}

/// The text at `place` in `text`, by characters.
fn spot(text: &str, place: Option<Position>) -> String {
    let Some(p) = place else {
        return "<none>".into();
    };
    let line = text.split('\n').nth(p.line - 1).unwrap();
    line.chars()
        .skip(p.column - 1)
        .take(p.end_column - p.column)
        .collect()
}

fn places(text: &str) -> Vec<(String, String)> {
    let Err(error) = crate::model::load(text) else {
        panic!("accepted");
    };
    let problems = error.problems();
    let found = locate(text, &problems);
    problems
        .iter()
        .zip(found)
        .map(|(p, place)| (p.path.clone(), spot(text, place)))
        .collect()
}

const DATASET: &str = "{\r\n  \"format_version\": 1,\r\n  \"plan\": {\"id\": \"p\", \"country\": \"XA\", \"title\": {\"fr\": \"Plan é\", \"fr\": \"x\"},\r\n    \"period\": {\"start\": 2020, \"end\": 2025}, \"publisher\": \"Office\", \"languages\": [\"fr\"],\r\n    \"default_language\": \"fr\", \"updated\": \"2024-13\"},\r\n  \"sources\": {\"s1\": {\"title\": \"Rapport\", \"publisher\": \"Office\"}},\r\n  \"indicators\": [{\"id\": \"a\", \"label\": \"ا\", \"unit\": \"u\", \"points\": [\r\n    {\"year\": 2020, \"valeu\": 3}]}]\r\n}\r\n";

#[test]
fn each_problem_is_found_where_its_path_points() {
    assert_eq!(
        places(DATASET),
        [
            ("plan.title.fr".to_string(), "\"fr\": \"x\"".to_string()),
            ("plan.updated".into(), "\"updated\": \"2024-13\"".into()),
            // a missing member: the object that lacks it
            ("plan.licence".into(), "\"plan\": {\"id\": \"p\", \"country\": \"XA\", \"title\": {\"fr\": \"Plan é\", \"fr\": \"x\"},".into()),
            ("indicators[0].points[0].valeu".into(), "\"valeu\": 3".into()),
            ("indicators[0].points[0].value".into(), "{\"year\": 2020, \"valeu\": 3}".into()),
        ]
    );
}

#[test]
fn syntax_errors_and_whole_file_problems_have_their_place() {
    assert_eq!(
        places("{\n  \"a\": tru\n}"),
        [("$".to_string(), "t".to_string())]
    );
    assert_eq!(places("[1,\n"), [("$".to_string(), String::new())]);
    assert_eq!(places("\u{feff}  "), [("$".to_string(), String::new())]);
    assert_eq!(places("[1, 2]"), [("$".to_string(), "[1, 2]".to_string())]);
    let big = vec![Problem {
        path: "$".into(),
        kind: ProblemKind::TooLarge { bytes: 1 },
    }];
    assert_eq!(locate("", &big), [None]);
}

#[test]
fn a_path_through_a_name_with_a_dot_is_followed() {
    let text = "{\"sources\": {\"a.b\": {\"title\": 1}}}";
    let problems = vec![Problem {
        path: "sources.a.b.title".into(),
        kind: ProblemKind::Missing,
    }];
    assert_eq!(spot(text, locate(text, &problems)[0]), "\"title\": 1");
}

/// `check`'s report, as the page reads it.
fn report(bytes: &[u8]) -> Json {
    check(bytes, bytes.len(), "fr")
}

fn verdict(report: &Json) -> &str {
    match report.get("verdict") {
        Some(Json::String(s)) => s,
        _ => "",
    }
}

#[test]
fn the_checker_says_what_a_file_is() {
    assert_eq!(verdict(&report(b"")), "empty");
    assert_eq!(verdict(&report(b" \n ")), "empty");
    assert_eq!(verdict(&report(b"{\"a\": 1,}")), "syntax");
    assert_eq!(
        verdict(&report(&[0x89, b'P', b'N', b'G', 0, 0xff, 0xfe])),
        "not-text"
    );
    assert_eq!(verdict(&check(b"{}", 600_000, "en")), "too-large");
    let invalid = report(b"{\"format_version\": 1}");
    assert_eq!(verdict(&invalid), "invalid");
    let Some(Json::Array(problems)) = invalid.get("problems") else {
        panic!("{invalid}");
    };
    assert_eq!(
        problems[0].to_string(),
        r#"{"path":"sources","line":1,"column":1,"endColumn":22,"message":["membre obligatoire manquant"]}"#
    );
    let morocco = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/morocco.json")).unwrap();
    let valid = report(&morocco);
    assert_eq!(verdict(&valid), "valid");
    assert_eq!(
        valid.get("views").unwrap().to_string(),
        r#"["series","rating","status","progress","timeline","overview"]"#
    );
    assert_eq!(
        valid.get("languages").unwrap().to_string(),
        r#"["fr","ar","en"]"#
    );
    let counts = valid.get("counts").unwrap();
    let dataset = crate::model::load(std::str::from_utf8(&morocco).unwrap()).unwrap();
    assert_eq!(
        counts.get("sources"),
        Some(&Json::Number(dataset.sources.len() as f64))
    );
}

#[test]
fn the_widget_s_error_is_in_its_language() {
    let error = crate::model::load("{\"format_version\": 1}").unwrap_err();
    assert_eq!(
        load_error(&error, "en"),
        "The file is not a valid plan-progress dataset:\nsources: required member is missing\nplan: required member is missing"
    );
    let ar = load_error(&error, "ar-MA");
    assert!(
        ar.contains("\n\u{2066}plan\u{2069}: عضو إلزامي مفقود"),
        "{ar}"
    );
    let error = crate::model::load("[1,]").unwrap_err();
    assert_eq!(
        load_error(&error, "fr"),
        "Le fichier n'est pas du JSON valide : ligne 1, colonne 4 : virgule en trop avant ']'"
    );
}
