//! What can be wrong with a dataset, as codes with their arguments: the validator and the JSON
//! reader say *what* is wrong here, and `crate::diagnostics` says it in words, in French, Arabic
//! or English (the command line, the widget's error, the checker page). Keeping the words out of
//! the validator keeps them out of the code every widget runs to read a valid dataset.

use crate::json::{Json, SyntaxError};

use super::date::DateError;

/// One thing wrong with a dataset: where (a JSON path such as
/// `indicators[2].points[5].source`, or `$` for the whole file) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where: a JSON path such as `indicators[2].points[5].source`, or `$` for the whole file;
    /// cut to `MAX_PROBLEM_CHARS` (300) characters.
    pub path: String,
    /// What is wrong, with what it needs to be said (the values at fault, cut to
    /// `MAX_PROBLEM_CHARS` characters each).
    pub kind: ProblemKind,
}

/// What a value is, or must be, in a problem's words ("expected an array, found a string").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `null`.
    Null,
    /// `true` or `false`, as found.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// `true` or `false`, as expected.
    TrueOrFalse,
    /// `plan.languages`: an array of language codes.
    LanguageCodes,
    /// `sources`: an object keyed by source key.
    SourcesObject,
    /// A localized text: a string, or an object of languages.
    Text,
    /// A rating's `scale`: an array of levels, or the id of a shared scale.
    LevelsOrScale,
}

impl Shape {
    /// The shape of a JSON value, as found.
    pub fn of(value: &Json) -> Shape {
        match value {
            Json::Null => Shape::Null,
            Json::Bool(_) => Shape::Boolean,
            Json::Number(_) => Shape::Number,
            Json::String(_) => Shape::String,
            Json::Array(_) => Shape::Array,
            Json::Object(_) => Shape::Object,
        }
    }
}

/// What a list or an object holds too many of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Points of one series.
    Points,
    /// `indicators`.
    Indicators,
    /// `ratings`.
    Ratings,
    /// `axes`.
    Axes,
    /// `conflicts`.
    Conflicts,
    /// `subjects`.
    Subjects,
    /// `scales`.
    Scales,
    /// `recommendations`: lists of recommendations.
    RecommendationLists,
    /// The recommendations of one list.
    Recommendations,
    /// The levels of a scale.
    Levels,
    /// Sources, or source keys named in one conflict.
    Sources,
    /// `commitments`.
    Commitments,
    /// `milestones`.
    Milestones,
    /// Members of one object.
    Members,
    /// Languages of `plan.languages` or of one text.
    Languages,
    /// Items of another list.
    Items,
}

/// A closed list of names a string must be one of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// A status's `value`.
    Status,
    /// A source's `kind`.
    SourceKind,
    /// A rating point's `placement`.
    Placement,
}

/// What is wrong. Each variant is one message of `crate::diagnostics`; strings are the values
/// at fault or the paths they point to, cut to `MAX_PROBLEM_CHARS` characters.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // the fields are the message's arguments, named for what they hold
pub enum ProblemKind {
    /// The file is larger than `MAX_FILE_BYTES`.
    TooLarge { bytes: usize },
    /// The file is not UTF-8 text, and not JSON read as such: binary, or another encoding.
    NotText,
    /// The file is not JSON.
    NotJson(SyntaxError),
    /// More problems than are listed.
    MoreProblems { unlisted: usize },
    /// A list or object over its limit.
    TooMany {
        what: Counted,
        max: usize,
        found: usize,
    },
    /// A string over its limit, in characters.
    TooLong { chars: usize, max: usize },
    /// A value of the wrong kind.
    Expected { wanted: Shape, found: Shape },
    /// A member this object does not have, with the allowed names.
    UnknownMember { allowed: &'static [&'static str] },
    /// A misspelt member, with the name it is closest to ("did you mean").
    UnknownMemberNear { near: &'static str },
    /// A member written twice in one object.
    DuplicateMember,
    /// A required member is missing.
    Missing,
    /// A string that is empty or blank.
    Empty,
    /// A number written as a string.
    NumberInQuotes { text: String },
    /// A number with a fraction where a whole number is needed.
    NotWhole { number: f64 },
    /// A whole number outside its range.
    OutOfRange { number: f64, min: i64, max: i64 },
    /// A string that is not one of a closed list of names.
    NotOneOf {
        value: String,
        what: Choice,
        names: &'static [&'static str],
    },
    /// An id with characters ids cannot have.
    BadId { value: String },
    /// A language code that is not one.
    BadLanguage { value: String },
    /// A date that is not one.
    BadDate { text: String, error: DateError },
    /// An address that is not http(s), or has spaces.
    BadUrl,
    /// A text object with no language.
    EmptyText,
    /// A language written twice in one text.
    LanguageTwice,
    /// A source key that `sources` does not have.
    UnknownSource { key: String },
    /// An id used twice in one list, with the path of its first use.
    DuplicateId { id: String, first: String },
    /// A `format_version` other than 1.
    FormatVersion { version: i64 },
    /// `plan.default_language` is not in `plan.languages`.
    DefaultLanguage { lang: String, languages: String },
    /// A country code that is not ISO 3166-1 alpha-2.
    BadCountry { value: String },
    /// A period that ends before it starts.
    PeriodReversed { start: i32, end: i32 },
    /// `plan.languages` is empty.
    NoLanguage,
    /// A language listed twice in `plan.languages`.
    LanguageListedTwice { lang: String },
    /// `sources` is empty.
    NoSources,
    /// A source key written twice.
    SourceKeyTwice,
    /// A negative figure.
    Negative { number: f64 },
    /// A figure above `MAX_FIGURE`.
    TooBig { number: f64 },
    /// A figure without a source.
    FigureWithoutSource,
    /// A level without a source.
    RatingWithoutSource,
    /// A placement without a source.
    PlacementWithoutSource,
    /// A year written twice in one series.
    YearRepeated { year: i32 },
    /// A year before the previous one in a series.
    YearOrder { year: i32, previous: i32 },
    /// A subject rated twice on one shared scale.
    RatedTwice {
        code: String,
        scale: String,
        first: String,
    },
    /// An id that the list it refers to (`axes`, `indicators`, `scales`) does not have.
    NotAnId { id: String, list: &'static str },
    /// A scale with fewer than 2 levels.
    FewLevels,
    /// A subject code listed twice.
    SubjectTwice { code: String, first: String },
    /// A subject code that `subjects` does not have.
    UnknownSubject { code: String },
    /// A level that the rating's scale does not have, with the scale's levels.
    NotALevel { id: String, levels: String },
    /// A rating point with both a level and a placement.
    LevelAndPlacement {
        placement: &'static str,
        level: String,
    },
    /// `declared_count` without `declared_count_source`.
    DeclaredCountWithoutSource,
    /// More recommendations listed than declared.
    DeclaredTooFew { declared: u32, listed: usize },
    /// A rank not above the previous one.
    RankOrder { rank: u32, previous: u32 },
    /// A rank above the declared count.
    RankAboveDeclared { rank: u32, declared: u32 },
    /// A known status without who assessed it, when, or where.
    StatusWithoutAssessment,
    /// A progress outside 0-100.
    ProgressRange { number: f64 },
    /// A progress without a source.
    ProgressWithoutSource,
    /// A milestone dated before the previous one.
    MilestoneOrder { date: String, previous: String },
    /// A conflict that names fewer than 2 sources.
    ConflictOneSource,
}
