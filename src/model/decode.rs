//! Reading a dataset: JSON text -> [`Json`] tree -> [`Dataset`], collecting every problem.
//!
//! Shape and meaning are checked in one walk: sources are read first, so a point's source key
//! is checked as soon as the point is read; a rating's scale is read before its points; axes
//! before commitments. A check only runs on values that were read correctly, so one mistake
//! gives one message, not a cascade.

use std::borrow::Cow;

use super::problem::{Choice, Counted, Problem, ProblemKind, Shape};
use super::*;
use crate::json::{self, Json, SyntaxError};

/// Largest dataset accepted, in bytes: 512 KiB, about twice the Morocco dataset (trilingual,
/// with a note and a source on every figure); a plan with thousands of yearly figures still
/// fits, and a first read in a browser stays within the 200 ms a page may freeze (see "Limits"
/// in docs/format.md).
pub const MAX_FILE_BYTES: usize = 512 * 1024;

// Limits (docs/format.md, "Limits"). Each keeps a hostile or broken file from freezing the
// page that embeds the widget; each is far above what a real plan needs (the Morocco dataset:
// 16 indicators, 55 sources, strings of at most 1,200 characters), and each one exceeded is a
// problem at its path that says the limit.

/// Longest label, title, unit, name or licence, in characters (not bytes).
pub const MAX_LABEL_CHARS: usize = 2_000;
/// Longest string of any other kind (notes, descriptions, definitions, quotes, the text of a
/// recommendation), in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_000;
/// Most members in one object, publishers' `x-` extensions included (so also most sources).
pub const MAX_MEMBERS: usize = 1_000;
/// Most languages in `plan.languages` and in one localized text.
pub const MAX_LANGUAGES: usize = 50;
/// The years a dataset may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// Most points in one series: one per year from 1900 to 2100 (201).
pub const MAX_POINTS: usize = (*YEARS.end() - *YEARS.start() + 1) as usize;
/// Most indicators, ratings, recommendation lists, axes and conflicts.
pub const MAX_SERIES: usize = 100;
/// Most recommendations in one list, commitments and milestones.
pub const MAX_ITEMS: usize = 500;
/// Most levels in a rating's scale.
pub const MAX_LEVELS: usize = 20;
/// Most source keys or indicator ids listed in one conflict.
pub const MAX_REFERENCES: usize = 100;
/// Largest figure accepted: 10^15. No count of people or cases comes near it, numbers stay
/// exact integers below it (2^53 is about 9·10^15), and axes built on it stay finite.
pub const MAX_FIGURE: f64 = 1e15;
/// Most problems listed; the others are counted in one last line.
pub const MAX_PROBLEMS: usize = 100;
/// Longest path or message of one problem, in characters: a problem quotes the value at
/// fault, which may be a 1 MB string.
pub const MAX_PROBLEM_CHARS: usize = 300;
/// Longest member name that gets a "did you mean" suggestion (the edit distance is quadratic).
const MAX_SUGGEST_CHARS: usize = 64;

/// The most items the list `key` may have, and what they are.
fn list_limit(key: &str) -> (usize, Counted) {
    match key {
        "points" => (MAX_POINTS, Counted::Points),
        "indicators" => (MAX_SERIES, Counted::Indicators),
        "ratings" => (MAX_SERIES, Counted::Ratings),
        "axes" => (MAX_SERIES, Counted::Axes),
        "conflicts" => (MAX_SERIES, Counted::Conflicts),
        "subjects" => (MAX_SERIES, Counted::Subjects),
        "scales" => (MAX_SERIES, Counted::Scales),
        "recommendations" => (MAX_SERIES, Counted::RecommendationLists),
        "items" => (MAX_ITEMS, Counted::Recommendations),
        "scale" | "levels" => (MAX_LEVELS, Counted::Levels),
        "sources" => (MAX_REFERENCES, Counted::Sources),
        "commitments" => (MAX_ITEMS, Counted::Commitments),
        "milestones" => (MAX_ITEMS, Counted::Milestones),
        _ => (MAX_ITEMS, Counted::Items),
    }
}

/// `s` cut to `max` characters, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A value at fault as a problem quotes it: cut to [`MAX_PROBLEM_CHARS`] characters (it may be
/// a 1 MB string).
fn quote(s: &str) -> String {
    shorten(s, MAX_PROBLEM_CHARS)
}

/// Why a dataset could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Bytes that are not UTF-8 text and not JSON read as such ([`load_bytes`] only: the widget
    /// reads text).
    NotText,
    /// Not JSON.
    Syntax(SyntaxError),
    /// JSON, but not a valid dataset: every problem found.
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// Every problem, the syntax error and size included (borrowed from a dataset's list: a
    /// copy would take the code that copies problems into the wasm).
    pub fn problems(&self) -> Cow<'_, [Problem]> {
        let whole = |kind| {
            Cow::Owned(vec![Problem {
                path: "$".into(),
                kind,
            }])
        };
        match self {
            LoadError::TooLarge { bytes } => whole(ProblemKind::TooLarge { bytes: *bytes }),
            LoadError::NotText => whole(ProblemKind::NotText),
            LoadError::Syntax(e) => whole(ProblemKind::NotJson(e.clone())),
            LoadError::Invalid(problems) => Cow::Borrowed(problems),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads and validates a dataset from its JSON text.
pub fn load(text: &str) -> Result<Dataset, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let tree = json::parse(text).map_err(LoadError::Syntax)?;
    let mut d = Decoder::default();
    match d.dataset(&tree) {
        Some(dataset) if d.problems.is_empty() => Ok(dataset),
        _ => {
            if d.unlisted > 0 {
                d.problems.push(Problem {
                    path: "$".into(),
                    kind: ProblemKind::MoreProblems {
                        unlisted: d.unlisted,
                    },
                });
            }
            Err(LoadError::Invalid(d.problems))
        }
    }
}

/// Reads and validates a dataset from a file's bytes, as the checker page gets them: bytes
/// that are not UTF-8 are read as the widget reads them (each bad sequence one U+FFFD), and
/// refused as [`LoadError::NotText`] rather than as a syntax error at some byte of an image.
pub fn load_bytes(bytes: &[u8]) -> Result<Dataset, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load(text),
        Err(_) => match load(&String::from_utf8_lossy(bytes)) {
            Err(LoadError::Syntax(_)) => Err(LoadError::NotText),
            other => other,
        },
    }
}

/// The path of an array's item, `list[i]` (concatenated, see [`Obj::path`]).
fn item_path(list: &str, i: usize) -> String {
    let mut path = String::with_capacity(list.len() + 8);
    path.push_str(list);
    path.push('[');
    path.push_str(&i.to_string());
    path.push(']');
    path
}

/// The members of one JSON object, with the object's path.
struct Obj<'a> {
    path: String,
    members: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The path of a member. Every member read gets one (a problem must say where it is), so
    /// it is concatenated rather than formatted: `format!` took a sixth of a large file's load.
    fn path(&self, key: &str) -> String {
        if self.path == "$" {
            return key.to_string();
        }
        let mut path = String::with_capacity(self.path.len() + 1 + key.len());
        path.push_str(&self.path);
        path.push('.');
        path.push_str(key);
        path
    }
}

/// Ids already used in one list, with the path of their first use (for "already used by").
#[derive(Default)]
struct Seen(Vec<(String, String)>);

impl Seen {
    /// The path where `id` was first used, or `None` when this is its first use (recorded).
    fn first_use(&mut self, id: &str, path: &str) -> Option<String> {
        match self.0.iter().find(|(k, _)| k == id) {
            Some((_, first)) => Some(first.clone()),
            None => {
                self.0.push((id.to_string(), path.to_string()));
                None
            }
        }
    }
}

#[derive(Default)]
struct Decoder {
    problems: Vec<Problem>,
    /// Problems found past [`MAX_PROBLEMS`], counted only.
    unlisted: usize,
    source_keys: Vec<String>,
}

/// Shape readers: types, required and unknown members.
impl Decoder {
    fn problem(&mut self, path: &str, kind: ProblemKind) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.unlisted += 1;
            return;
        }
        self.problems.push(Problem {
            path: shorten(path, MAX_PROBLEM_CHARS),
            kind,
        });
    }

    /// Reports a list or object with more than `max` entries; true when within the limit.
    fn within(&mut self, path: &str, n: usize, max: usize, what: Counted) -> bool {
        if n > max {
            let kind = ProblemKind::TooMany {
                what,
                max,
                found: n,
            };
            self.problem(path, kind);
        }
        n <= max
    }

    /// Reports a string longer than `max` characters; true when within the limit.
    fn not_longer(&mut self, s: &str, path: &str, max: usize) -> bool {
        // a string has at least as many bytes as characters: count only long ones
        let n = if s.len() > max { s.chars().count() } else { 0 };
        if n > max {
            self.problem(path, ProblemKind::TooLong { chars: n, max });
        }
        n <= max
    }

    fn expected(&mut self, path: &str, wanted: Shape, found: &Json) -> Option<()> {
        let found = Shape::of(found);
        self.problem(path, ProblemKind::Expected { wanted, found });
        None
    }

    /// An object whose members must all be in `allowed` (or start with `x-`).
    fn object<'a>(
        &mut self,
        v: &'a Json,
        path: &str,
        allowed: &'static [&'static str],
    ) -> Option<Obj<'a>> {
        let Json::Object(members) = v else {
            self.expected(path, Shape::Object, v)?;
            return None;
        };
        let obj = Obj {
            path: path.to_string(),
            members,
        };
        self.within(path, members.len(), MAX_MEMBERS, Counted::Members);
        // past the limit, members are not checked one by one (that check is quadratic)
        for (i, (key, _)) in members.iter().enumerate().take(MAX_MEMBERS) {
            let member_path = obj.path(key);
            if key.len() > MAX_SUGGEST_CHARS && !key.starts_with("x-") {
                self.problem(&member_path, ProblemKind::UnknownMember { allowed });
            } else if members[..i].iter().any(|(k, _)| k == key) {
                self.problem(&member_path, ProblemKind::DuplicateMember);
            } else if !allowed.contains(&key.as_str()) && !key.starts_with("x-") {
                let kind = match closest(key, allowed) {
                    Some(near) => ProblemKind::UnknownMemberNear { near },
                    None => ProblemKind::UnknownMember { allowed },
                };
                self.problem(&member_path, kind);
            }
        }
        Some(obj)
    }

    fn required<T>(
        &mut self,
        o: &Obj,
        key: &str,
        read: impl FnOnce(&mut Self, &Json, &str) -> Option<T>,
    ) -> Option<T> {
        match o.get(key) {
            Some(v) => read(self, v, &o.path(key)),
            None => {
                self.problem(&o.path(key), ProblemKind::Missing);
                None
            }
        }
    }

    fn optional<T>(
        &mut self,
        o: &Obj,
        key: &str,
        read: impl FnOnce(&mut Self, &Json, &str) -> Option<T>,
    ) -> Option<T> {
        read(self, o.get(key)?, &o.path(key))
    }

    /// The items of an array member, each read with `read`; items that fail are left out (the
    /// problem is recorded, so the dataset is rejected anyway).
    fn list<T>(
        &mut self,
        o: &Obj,
        key: &str,
        mut read: impl FnMut(&mut Self, &Json, &str) -> Option<T>,
    ) -> Vec<T> {
        let Some(v) = o.get(key) else {
            return Vec::new();
        };
        let path = o.path(key);
        let Json::Array(items) = v else {
            self.expected(&path, Shape::Array, v);
            return Vec::new();
        };
        // past the limit, only the first items are read (and the dataset is refused)
        let (max, what) = list_limit(key);
        self.within(&path, items.len(), max, what);
        items
            .iter()
            .take(max)
            .enumerate()
            .filter_map(|(i, item)| read(self, item, &item_path(&path, i)))
            .collect()
    }

    fn string(&mut self, v: &Json, path: &str) -> Option<String> {
        match v {
            Json::String(s) if s.trim().is_empty() => {
                self.problem(path, ProblemKind::Empty);
                None
            }
            Json::String(s) => self.not_longer(s, path, MAX_TEXT_CHARS).then(|| s.clone()),
            _ => self.expected(path, Shape::String, v).map(|_| String::new()),
        }
    }

    fn boolean(&mut self, v: &Json, path: &str) -> Option<bool> {
        match v {
            Json::Bool(b) => Some(*b),
            _ => self.expected(path, Shape::TrueOrFalse, v).map(|_| false),
        }
    }

    fn number(&mut self, v: &Json, path: &str) -> Option<f64> {
        match v {
            Json::Number(n) => Some(*n),
            Json::String(s) if crate::decimal::parse(s.trim()).is_some() => {
                self.problem(path, ProblemKind::NumberInQuotes { text: quote(s) });
                None
            }
            _ => self.expected(path, Shape::Number, v).map(|_| 0.0),
        }
    }

    fn integer(&mut self, v: &Json, path: &str, min: i64, max: i64) -> Option<i64> {
        let n = self.number(v, path)?;
        if n.fract() != 0.0 {
            self.problem(path, ProblemKind::NotWhole { number: n });
            None
        } else if n < min as f64 || n > max as f64 {
            let kind = ProblemKind::OutOfRange {
                number: n,
                min,
                max,
            };
            self.problem(path, kind);
            None
        } else {
            Some(n as i64)
        }
    }

    fn year(&mut self, v: &Json, path: &str) -> Option<i32> {
        let (first, last) = (i64::from(*YEARS.start()), i64::from(*YEARS.end()));
        self.integer(v, path, first, last).map(|y| y as i32)
    }

    fn count(&mut self, v: &Json, path: &str) -> Option<u32> {
        self.integer(v, path, 0, u32::MAX as i64).map(|n| n as u32)
    }

    fn rank(&mut self, v: &Json, path: &str) -> Option<u32> {
        self.integer(v, path, 1, u32::MAX as i64).map(|n| n as u32)
    }

    /// A string that must be one of `names` (`what` says what they are), as `from_name` reads it.
    fn one_of<T>(
        &mut self,
        v: &Json,
        path: &str,
        what: Choice,
        names: &'static [&'static str],
        from_name: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.string(v, path)?;
        let value = from_name(&s);
        if value.is_none() {
            let value = quote(&s);
            self.problem(path, ProblemKind::NotOneOf { value, what, names });
        }
        value
    }

    fn id(&mut self, v: &Json, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        let ok = s.len() <= 64
            && s.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok {
            Some(s)
        } else {
            self.problem(path, ProblemKind::BadId { value: quote(&s) });
            None
        }
    }

    fn language(&mut self, v: &Json, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if is_language_code(&s) {
            Some(s)
        } else {
            self.problem(path, ProblemKind::BadLanguage { value: quote(&s) });
            None
        }
    }

    fn date(&mut self, v: &Json, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        Date::parse(&s)
            .map_err(|error| {
                let text = quote(&s);
                self.problem(path, ProblemKind::BadDate { text, error });
            })
            .ok()
    }

    fn url(&mut self, v: &Json, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if !self.not_longer(&s, path, MAX_URL_CHARS) {
            return None;
        }
        let scheme_ok = s.starts_with("https://") || s.starts_with("http://");
        if scheme_ok && !s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            Some(s)
        } else {
            self.problem(path, ProblemKind::BadUrl);
            None
        }
    }

    fn text(&mut self, v: &Json, path: &str) -> Option<Text> {
        match v {
            Json::String(_) => self.string(v, path).map(Text::Plain),
            Json::Object(members) if members.is_empty() => {
                self.problem(path, ProblemKind::EmptyText);
                None
            }
            Json::Object(members) => {
                if !self.within(path, members.len(), MAX_LANGUAGES, Counted::Languages) {
                    return None;
                }
                let mut pairs = Vec::new();
                let mut ok = true;
                for (i, (lang, s)) in members.iter().enumerate() {
                    let p = format!("{path}.{lang}");
                    if members[..i].iter().any(|(k, _)| k == lang) {
                        self.problem(&p, ProblemKind::LanguageTwice);
                        ok = false;
                    } else if !is_language_code(lang) {
                        let value = quote(lang);
                        self.problem(&p, ProblemKind::BadLanguage { value });
                        ok = false;
                    } else if let Some(s) = self.string(s, &p) {
                        pairs.push((lang.clone(), s));
                    } else {
                        ok = false;
                    }
                }
                ok.then_some(Text::Localized(pairs))
            }
            _ => self.expected(path, Shape::Text, v).map(|_| Text::default()),
        }
    }

    /// A text shown as a label, title, unit or name: at most [`MAX_LABEL_CHARS`] characters
    /// in each language.
    fn label(&mut self, v: &Json, path: &str) -> Option<Text> {
        let text = self.text(v, path)?;
        let ok = match &text {
            Text::Plain(s) => self.not_longer(s, path, MAX_LABEL_CHARS),
            Text::Localized(pairs) => pairs.iter().fold(true, |ok, (lang, s)| {
                self.not_longer(s, &format!("{path}.{lang}"), MAX_LABEL_CHARS) && ok
            }),
        };
        ok.then_some(text)
    }

    /// A short string (a licence): at most [`MAX_LABEL_CHARS`] characters.
    fn short_string(&mut self, v: &Json, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        self.not_longer(&s, path, MAX_LABEL_CHARS).then_some(s)
    }

    fn source_key(&mut self, v: &Json, path: &str) -> Option<String> {
        let key = self.string(v, path)?;
        if self.source_keys.contains(&key) {
            Some(key)
        } else {
            self.problem(path, ProblemKind::UnknownSource { key: quote(&key) });
            None
        }
    }

    /// Records `id` as used in a list, reporting a duplicate at `path`.
    fn unique(&mut self, seen: &mut Seen, id: &Option<String>, path: &str) {
        let Some(id) = id else { return };
        if let Some(first) = seen.first_use(id, path) {
            let kind = ProblemKind::DuplicateId {
                id: quote(id),
                first: quote(&first),
            };
            self.problem(path, kind);
        }
    }
}

/// The dataset's structure.
impl Decoder {
    fn dataset(&mut self, v: &Json) -> Option<Dataset> {
        let root = self.object(
            v,
            "$",
            &[
                "$schema",
                "format_version",
                "plan",
                "sources",
                "indicators",
                "ratings",
                "subjects",
                "scales",
                "recommendations",
                "axes",
                "commitments",
                "milestones",
                "conflicts",
            ],
        )?;
        let version = self.required(&root, "format_version", |d, v, p| {
            d.integer(v, p, 0, i64::MAX)
        });
        if let Some(version) = version.filter(|n| *n != 1) {
            self.problem("format_version", ProblemKind::FormatVersion { version });
            return None;
        }
        self.optional(&root, "$schema", Self::string);
        let sources = self.sources(&root);
        let plan = self.required(&root, "plan", Self::plan);
        let indicators = self.indicators(&root);
        let subjects = self.subjects(&root);
        let scales = self.scales(&root);
        let ratings = self.ratings(&root, &subjects, &scales);
        let recommendations = self.recommendation_lists(&root);
        let axes = self.axes(&root);
        let commitments = self.commitments(&root, &axes);
        let milestones = self.milestones(&root);
        let conflicts = self.conflicts(&root, &indicators);
        Some(Dataset {
            plan: plan?,
            sources: sources?,
            indicators,
            ratings,
            recommendations,
            axes,
            commitments,
            milestones,
            conflicts,
            subjects,
            scales,
        })
    }

    fn plan(&mut self, v: &Json, path: &str) -> Option<Plan> {
        let o = self.object(
            v,
            path,
            &[
                "id",
                "country",
                "title",
                "period",
                "publisher",
                "languages",
                "default_language",
                "updated",
                "licence",
                "description",
                "source",
            ],
        )?;
        let id = self.required(&o, "id", Self::id);
        let country = self.required(&o, "country", Self::country);
        let title = self.required(&o, "title", Self::label);
        let period = self.required(&o, "period", Self::period);
        let publisher = self.required(&o, "publisher", Self::label);
        let languages = self.required(&o, "languages", Self::languages);
        let default_language = self.required(&o, "default_language", Self::language);
        if let (Some(langs), Some(lang)) = (&languages, &default_language) {
            if !langs.contains(lang) {
                let kind = ProblemKind::DefaultLanguage {
                    lang: quote(lang),
                    languages: quote(&langs.join(", ")),
                };
                self.problem(&o.path("default_language"), kind);
            }
        }
        let updated = self.required(&o, "updated", Self::date);
        let licence = self.required(&o, "licence", Self::short_string);
        let description = self.optional(&o, "description", Self::text);
        let source = self.optional(&o, "source", Self::source_key);
        Some(Plan {
            id: id?,
            country: country?,
            title: title?,
            period: period?,
            publisher: publisher?,
            languages: languages?,
            default_language: default_language?,
            updated: updated?,
            licence: licence?,
            description,
            source,
        })
    }

    fn country(&mut self, v: &Json, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(s)
        } else {
            self.problem(path, ProblemKind::BadCountry { value: quote(&s) });
            None
        }
    }

    fn period(&mut self, v: &Json, path: &str) -> Option<(i32, i32)> {
        let o = self.object(v, path, &["start", "end"])?;
        let start = self.required(&o, "start", Self::year);
        let end = self.required(&o, "end", Self::year);
        let (start, end) = (start?, end?);
        if end < start {
            self.problem(&o.path("end"), ProblemKind::PeriodReversed { start, end });
            return None;
        }
        Some((start, end))
    }

    fn languages(&mut self, v: &Json, path: &str) -> Option<Vec<String>> {
        let Json::Array(items) = v else {
            return self.expected(path, Shape::LanguageCodes, v).map(|_| vec![]);
        };
        if items.is_empty() {
            self.problem(path, ProblemKind::NoLanguage);
            return None;
        }
        if !self.within(path, items.len(), MAX_LANGUAGES, Counted::Languages) {
            return None;
        }
        let mut langs: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            if let Some(lang) = self.language(item, &p) {
                if langs.contains(&lang) {
                    let lang = quote(&lang);
                    self.problem(&p, ProblemKind::LanguageListedTwice { lang });
                } else {
                    langs.push(lang);
                }
            }
        }
        (langs.len() == items.len()).then_some(langs)
    }

    /// Reads `sources`, first registering every key so that references can be checked.
    fn sources(&mut self, root: &Obj) -> Option<Vec<(String, Source)>> {
        let Some(v) = root.get("sources") else {
            self.problem("sources", ProblemKind::Missing);
            return None;
        };
        let Json::Object(members) = v else {
            self.expected("sources", Shape::SourcesObject, v);
            return None;
        };
        if members.is_empty() {
            self.problem("sources", ProblemKind::NoSources);
        }
        // past the limit, the first keys still count as sources, so that references to them
        // do not add a problem each
        let within = self.within("sources", members.len(), MAX_MEMBERS, Counted::Sources);
        self.source_keys = members
            .iter()
            .take(MAX_MEMBERS)
            .map(|(k, _)| k.clone())
            .collect();
        if !within {
            return None;
        }
        let mut sources = Vec::new();
        for (i, (key, value)) in members.iter().enumerate() {
            let path = format!("sources.{key}");
            if members[..i].iter().any(|(k, _)| k == key) {
                self.problem(&path, ProblemKind::SourceKeyTwice);
                continue;
            }
            let key_ok = self.id(&Json::String(key.clone()), &path).is_some();
            if let (true, Some(source)) = (key_ok, self.source(value, &path)) {
                sources.push((key.clone(), source));
            }
        }
        Some(sources)
    }

    fn source(&mut self, v: &Json, path: &str) -> Option<Source> {
        let o = self.object(
            v,
            path,
            &["title", "publisher", "url", "date", "kind", "quote", "note"],
        )?;
        let title = self.required(&o, "title", Self::label);
        let publisher = self.required(&o, "publisher", Self::label);
        let url = self.optional(&o, "url", Self::url);
        let date = self.optional(&o, "date", Self::date);
        let kind = self.optional(&o, "kind", Self::source_kind);
        let quote = self.optional(&o, "quote", Self::string);
        let note = self.optional(&o, "note", Self::text);
        Some(Source {
            title: title?,
            publisher: publisher?,
            url,
            date,
            kind,
            quote,
            note,
        })
    }

    fn source_kind(&mut self, v: &Json, path: &str) -> Option<SourceKind> {
        let names = &SourceKind::NAMES;
        self.one_of(v, path, Choice::SourceKind, names, SourceKind::from_name)
    }

    fn indicators(&mut self, root: &Obj) -> Vec<Indicator> {
        let mut seen = Seen::default();
        self.list(root, "indicators", |d, v, path| {
            let o = d.object(
                v,
                path,
                &[
                    "id",
                    "label",
                    "unit",
                    "definition",
                    "reported_by",
                    "group",
                    "points",
                ],
            )?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let label = d.required(&o, "label", Self::label);
            let unit = d.required(&o, "unit", Self::label);
            let definition = d.optional(&o, "definition", Self::text);
            let reported_by = d.optional(&o, "reported_by", Self::label);
            let group = d.optional(&o, "group", Self::id);
            if o.get("points").is_none() {
                d.problem(&o.path("points"), ProblemKind::Missing);
            }
            let mut previous = None;
            let points = d.list(&o, "points", |d, v, path| {
                let point = d.point(v, path)?;
                d.year_after(&mut previous, point.year, &format!("{path}.year"));
                Some(point)
            });
            Some(Indicator {
                id: id?,
                label: label?,
                unit: unit?,
                definition,
                reported_by,
                group,
                points,
            })
        })
    }

    fn point(&mut self, v: &Json, path: &str) -> Option<Point> {
        let o = self.object(v, path, &["year", "value", "source", "published", "note"])?;
        let year = self.required(&o, "year", Self::year);
        let value = self.required(&o, "value", |d, v, p| match v {
            Json::Null => Some(None),
            _ => {
                let n = d.number(v, p)?;
                if n < 0.0 {
                    d.problem(p, ProblemKind::Negative { number: n });
                    return None;
                }
                if n > MAX_FIGURE {
                    d.problem(p, ProblemKind::TooBig { number: n });
                    return None;
                }
                Some(Some(n))
            }
        });
        let source = self.optional(&o, "source", Self::source_key);
        if matches!(value, Some(Some(_))) && o.get("source").is_none() {
            self.problem(&o.path("source"), ProblemKind::FigureWithoutSource);
        }
        let published = self.optional(&o, "published", Self::date);
        let note = self.optional(&o, "note", Self::text);
        Some(Point {
            year: year?,
            value: value?,
            source,
            published,
            note,
        })
    }

    /// Reports a point whose year does not come strictly after the previous point's.
    fn year_after(&mut self, previous: &mut Option<i32>, year: i32, path: &str) {
        match *previous {
            Some(prev) if year == prev => {
                self.problem(path, ProblemKind::YearRepeated { year });
            }
            Some(prev) if year < prev => {
                let kind = ProblemKind::YearOrder {
                    year,
                    previous: prev,
                };
                self.problem(path, kind);
            }
            _ => *previous = Some(year),
        }
    }

    fn ratings(&mut self, root: &Obj, subjects: &[Subject], scales: &[Scale]) -> Vec<Rating> {
        let mut seen = Seen::default();
        // (shared scale, subject) pairs already rated, with the rating's path
        let mut rated = Seen::default();
        self.list(root, "ratings", |d, v, path| {
            let o = d.object(
                v,
                path,
                &["id", "label", "definition", "scale", "subject", "points"],
            )?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let label = d.required(&o, "label", Self::label);
            let definition = d.optional(&o, "definition", Self::text);
            let (scale, shared_scale) = d.rating_scale(&o, scales);
            let subject = d.optional(&o, "subject", |d, v, p| d.subject_code(v, p, subjects));
            if let (Some(scale_id), Some(code)) = (&shared_scale, &subject) {
                if let Some(first) = rated.first_use(&format!("{scale_id} {code}"), path) {
                    let kind = ProblemKind::RatedTwice {
                        code: quote(code),
                        scale: quote(scale_id),
                        first: quote(&first),
                    };
                    d.problem(&o.path("subject"), kind);
                }
            }
            if o.get("points").is_none() {
                d.problem(&o.path("points"), ProblemKind::Missing);
            }
            let mut previous = None;
            let points = d.list(&o, "points", |d, v, path| {
                let point = d.rating_point(v, path, scale.as_deref())?;
                d.year_after(&mut previous, point.year, &format!("{path}.year"));
                Some(point)
            });
            Some(Rating {
                id: id?,
                label: label?,
                definition,
                scale: scale.unwrap_or_default(),
                points,
                shared_scale,
                subject,
            })
        })
    }

    /// A rating's scale: its own levels, or the id of a shared scale (whose levels it takes).
    /// `None` when the scale could not be read, so that its points' values are not checked
    /// against it (one mistake, one message).
    fn rating_scale(&mut self, o: &Obj, scales: &[Scale]) -> (Option<Vec<Level>>, Option<String>) {
        let path = o.path("scale");
        match o.get("scale") {
            None => {
                self.problem(&path, ProblemKind::Missing);
                (None, None)
            }
            Some(Json::Array(_)) => (Some(self.levels(o, "scale")), None),
            Some(v @ Json::String(_)) => {
                let Some(id) = self.id(v, &path) else {
                    return (None, None);
                };
                match scales.iter().find(|s| s.id == id) {
                    Some(shared) => (Some(shared.levels.clone()), Some(id)),
                    None => {
                        let kind = ProblemKind::NotAnId {
                            id: quote(&id),
                            list: "scales",
                        };
                        self.problem(&path, kind);
                        (None, None)
                    }
                }
            }
            Some(v) => {
                self.expected(&path, Shape::LevelsOrScale, v);
                (None, None)
            }
        }
    }

    /// The levels of a scale, from the array member `key`: at least 2, best first, ids unique.
    fn levels(&mut self, o: &Obj, key: &str) -> Vec<Level> {
        if o.get(key).is_none() {
            self.problem(&o.path(key), ProblemKind::Missing);
        }
        let mut level_ids = Seen::default();
        let levels = self.list(o, key, |d, v, path| {
            let lo = d.object(v, path, &["id", "label"])?;
            let id = d.required(&lo, "id", Self::id);
            d.unique(&mut level_ids, &id, &lo.path("id"));
            let label = d.required(&lo, "label", Self::label);
            Some(Level {
                id: id?,
                label: label?,
            })
        });
        if o.get(key).is_some() && levels.len() < 2 {
            self.problem(&o.path(key), ProblemKind::FewLevels);
        }
        levels
    }

    /// The scales that several ratings share (read before the ratings that name them).
    fn scales(&mut self, root: &Obj) -> Vec<Scale> {
        let mut seen = Seen::default();
        self.list(root, "scales", |d, v, path| {
            let o = d.object(v, path, &["id", "label", "definition", "levels"])?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let label = d.required(&o, "label", Self::label);
            let definition = d.optional(&o, "definition", Self::text);
            let levels = d.levels(&o, "levels");
            Some(Scale {
                id: id?,
                label: label?,
                definition,
                levels,
            })
        })
    }

    /// The subjects that ratings name, each code once.
    fn subjects(&mut self, root: &Obj) -> Vec<Subject> {
        let mut seen = Seen::default();
        self.list(root, "subjects", |d, v, path| {
            let o = d.object(v, path, &["code", "name"])?;
            let code = d.required(&o, "code", Self::country);
            let code_path = o.path("code");
            if let Some(first) = code.as_ref().and_then(|c| seen.first_use(c, &code_path)) {
                let kind = ProblemKind::SubjectTwice {
                    code: quote(code.as_deref().unwrap_or_default()),
                    first: quote(&first),
                };
                d.problem(&code_path, kind);
            }
            let name = d.required(&o, "name", Self::label);
            Some(Subject {
                code: code?,
                name: name?,
            })
        })
    }

    fn subject_code(&mut self, v: &Json, path: &str, subjects: &[Subject]) -> Option<String> {
        let code = self.string(v, path)?;
        if subjects.iter().any(|s| s.code == code) {
            Some(code)
        } else {
            self.problem(path, ProblemKind::UnknownSubject { code: quote(&code) });
            None
        }
    }

    /// A point of a rating; `scale` is `None` when the rating's scale could not be read.
    fn rating_point(
        &mut self,
        v: &Json,
        path: &str,
        scale: Option<&[Level]>,
    ) -> Option<RatingPoint> {
        let o = self.object(v, path, &["year", "value", "placement", "source", "note"])?;
        let year = self.required(&o, "year", Self::year);
        let level = self.required(&o, "value", |d, v, p| match v {
            Json::Null => Some(None),
            _ => {
                let id = d.string(v, p)?;
                let scale = scale?;
                let index = scale.iter().position(|l| l.id == id);
                if index.is_none() {
                    let levels: Vec<&str> = scale.iter().map(|l| l.id.as_str()).collect();
                    let kind = ProblemKind::NotALevel {
                        id: quote(&id),
                        levels: quote(&levels.join(", ")),
                    };
                    d.problem(p, kind);
                    return None;
                }
                Some(index)
            }
        });
        let placement = self.optional(&o, "placement", Self::placement);
        if let (Some(Some(index)), Some(placement)) = (level, placement) {
            let level_id = scale
                .and_then(|s| s.get(index))
                .map_or("", |l| l.id.as_str());
            let kind = ProblemKind::LevelAndPlacement {
                placement: placement.name(),
                level: quote(level_id),
            };
            self.problem(&o.path("placement"), kind);
        }
        let source = self.optional(&o, "source", Self::source_key);
        if o.get("source").is_none() {
            if matches!(level, Some(Some(_))) {
                self.problem(&o.path("source"), ProblemKind::RatingWithoutSource);
            } else if placement.is_some() {
                self.problem(&o.path("source"), ProblemKind::PlacementWithoutSource);
            }
        }
        let note = self.optional(&o, "note", Self::text);
        Some(RatingPoint {
            year: year?,
            level: level?,
            source,
            note,
            placement,
        })
    }

    fn placement(&mut self, v: &Json, path: &str) -> Option<Placement> {
        let names = &Placement::NAMES;
        self.one_of(v, path, Choice::Placement, names, Placement::from_name)
    }

    fn recommendation_lists(&mut self, root: &Obj) -> Vec<RecommendationList> {
        let mut seen = Seen::default();
        self.list(root, "recommendations", |d, v, path| {
            let o = d.object(
                v,
                path,
                &[
                    "id",
                    "title",
                    "report",
                    "year",
                    "declared_count",
                    "declared_count_source",
                    "transcription_note",
                    "items",
                ],
            )?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let title = d.required(&o, "title", Self::label);
            let report = d.required(&o, "report", Self::source_key);
            let year = d.required(&o, "year", Self::year);
            let declared_count = d.optional(&o, "declared_count", Self::count);
            let declared_count_source = d.optional(&o, "declared_count_source", Self::source_key);
            if o.get("declared_count").is_some() && o.get("declared_count_source").is_none() {
                let kind = ProblemKind::DeclaredCountWithoutSource;
                d.problem(&o.path("declared_count_source"), kind);
            }
            let transcription_note = d.optional(&o, "transcription_note", Self::text);
            if o.get("items").is_none() {
                d.problem(&o.path("items"), ProblemKind::Missing);
            }
            let mut item_ids = Seen::default();
            let items = d.list(&o, "items", |d, v, path| {
                d.recommendation(v, path, &mut item_ids)
            });
            d.check_ranks(&o, &items, declared_count);
            Some(RecommendationList {
                id: id?,
                title: title?,
                report: report?,
                year: year?,
                declared_count,
                declared_count_source,
                transcription_note,
                items,
            })
        })
    }

    fn recommendation(&mut self, v: &Json, path: &str, seen: &mut Seen) -> Option<Recommendation> {
        let o = self.object(
            v,
            path,
            &["id", "rank", "text", "complete", "source", "status"],
        )?;
        let id = self.required(&o, "id", Self::id);
        self.unique(seen, &id, &o.path("id"));
        let rank = self.optional(&o, "rank", Self::rank);
        let text = self.required(&o, "text", Self::text);
        let complete = self.optional(&o, "complete", Self::boolean).unwrap_or(true);
        let source = self.required(&o, "source", Self::source_key);
        let status = self
            .optional(&o, "status", Self::status)
            .unwrap_or_default();
        Some(Recommendation {
            id: id?,
            rank,
            text: text?,
            complete,
            source: source?,
            status,
        })
    }

    /// Ranks increase, stay within the declared count, and the list is not longer than declared.
    fn check_ranks(&mut self, o: &Obj, items: &[Recommendation], declared: Option<u32>) {
        if let Some(n) = declared {
            if items.len() > n as usize {
                let kind = ProblemKind::DeclaredTooFew {
                    declared: n,
                    listed: items.len(),
                };
                self.problem(&o.path("declared_count"), kind);
            }
        }
        let mut prev = 0;
        for (i, item) in items.iter().enumerate() {
            let Some(rank) = item.rank else { continue };
            let path = format!("{}[{i}].rank", o.path("items"));
            if rank <= prev {
                let kind = ProblemKind::RankOrder {
                    rank,
                    previous: prev,
                };
                self.problem(&path, kind);
            } else if let Some(declared) = declared.filter(|n| rank > *n) {
                self.problem(&path, ProblemKind::RankAboveDeclared { rank, declared });
            }
            prev = prev.max(rank);
        }
    }

    fn status(&mut self, v: &Json, path: &str) -> Option<Status> {
        let o = self.object(
            v,
            path,
            &["value", "assessed_by", "assessed_on", "source", "note"],
        )?;
        let value = self.required(&o, "value", |d, v, p| {
            d.one_of(
                v,
                p,
                Choice::Status,
                &StatusValue::NAMES,
                StatusValue::from_name,
            )
        });
        let assessed_by = self.optional(&o, "assessed_by", Self::label);
        let assessed_on = self.optional(&o, "assessed_on", Self::date);
        let source = self.optional(&o, "source", Self::source_key);
        if value.is_some_and(|v| v != StatusValue::Unknown) {
            for key in ["assessed_by", "assessed_on", "source"] {
                if o.get(key).is_none() {
                    self.problem(&o.path(key), ProblemKind::StatusWithoutAssessment);
                }
            }
        }
        let note = self.optional(&o, "note", Self::text);
        Some(Status {
            value: value?,
            assessed_by,
            assessed_on,
            source,
            note,
        })
    }

    fn axes(&mut self, root: &Obj) -> Vec<Axis> {
        let mut seen = Seen::default();
        self.list(root, "axes", |d, v, path| {
            let o = d.object(v, path, &["id", "label", "source"])?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let label = d.required(&o, "label", Self::label);
            let source = d.required(&o, "source", Self::source_key);
            Some(Axis {
                id: id?,
                label: label?,
                source: source?,
            })
        })
    }

    fn commitments(&mut self, root: &Obj, axes: &[Axis]) -> Vec<Commitment> {
        let mut seen = Seen::default();
        self.list(root, "commitments", |d, v, path| {
            let o = d.object(
                v,
                path,
                &[
                    "id",
                    "axis",
                    "label",
                    "description",
                    "source",
                    "status",
                    "progress",
                    "progress_source",
                    "target",
                    "note",
                ],
            )?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let axis = d.optional(&o, "axis", |d, v, p| {
                let id = d.id(v, p)?;
                if axes.iter().any(|a| a.id == id) {
                    Some(id)
                } else {
                    let kind = ProblemKind::NotAnId {
                        id: quote(&id),
                        list: "axes",
                    };
                    d.problem(p, kind);
                    None
                }
            });
            let label = d.required(&o, "label", Self::label);
            let description = d.optional(&o, "description", Self::text);
            let source = d.optional(&o, "source", Self::source_key);
            let status = d.optional(&o, "status", Self::status).unwrap_or_default();
            let progress = d.optional(&o, "progress", |d, v, p| {
                let n = d.number(v, p)?;
                if (0.0..=100.0).contains(&n) {
                    Some(n)
                } else {
                    d.problem(p, ProblemKind::ProgressRange { number: n });
                    None
                }
            });
            let progress_source = d.optional(&o, "progress_source", Self::source_key);
            if o.get("progress").is_some() && o.get("progress_source").is_none() {
                d.problem(
                    &o.path("progress_source"),
                    ProblemKind::ProgressWithoutSource,
                );
            }
            let target = d.optional(&o, "target", Self::date);
            let note = d.optional(&o, "note", Self::text);
            Some(Commitment {
                id: id?,
                axis,
                label: label?,
                description,
                source,
                status,
                progress,
                progress_source,
                target,
                note,
            })
        })
    }

    fn milestones(&mut self, root: &Obj) -> Vec<Milestone> {
        let mut seen = Seen::default();
        let mut previous: Option<Date> = None;
        self.list(root, "milestones", |d, v, path| {
            let o = d.object(
                v,
                path,
                &["id", "date", "label", "description", "source", "note"],
            )?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let date = d.required(&o, "date", Self::date);
            if let (Some(prev), Some(date)) = (previous, date) {
                if date.cmp_shared_precision(&prev).is_lt() {
                    let kind = ProblemKind::MilestoneOrder {
                        date: date.to_string(),
                        previous: prev.to_string(),
                    };
                    d.problem(&o.path("date"), kind);
                }
            }
            previous = date.or(previous);
            let label = d.required(&o, "label", Self::label);
            let description = d.optional(&o, "description", Self::text);
            let source = d.required(&o, "source", Self::source_key);
            let note = d.optional(&o, "note", Self::text);
            Some(Milestone {
                id: id?,
                date: date?,
                label: label?,
                description,
                source: source?,
                note,
            })
        })
    }

    fn conflicts(&mut self, root: &Obj, indicators: &[Indicator]) -> Vec<Conflict> {
        let mut seen = Seen::default();
        self.list(root, "conflicts", |d, v, path| {
            let o = d.object(v, path, &["id", "text", "sources", "indicators"])?;
            let id = d.required(&o, "id", Self::id);
            d.unique(&mut seen, &id, &o.path("id"));
            let text = d.required(&o, "text", Self::text);
            if o.get("sources").is_none() {
                d.problem(&o.path("sources"), ProblemKind::Missing);
            }
            let sources = d.list(&o, "sources", Self::source_key);
            let listed = match o.get("sources") {
                Some(Json::Array(items)) => items.len(),
                _ => 2, // missing or not an array: already reported
            };
            if listed < 2 {
                d.problem(&o.path("sources"), ProblemKind::ConflictOneSource);
            }
            let ids = d.list(&o, "indicators", |d, v, p| {
                let id = d.id(v, p)?;
                if indicators.iter().any(|i| i.id == id) {
                    Some(id)
                } else {
                    let kind = ProblemKind::NotAnId {
                        id: quote(&id),
                        list: "indicators",
                    };
                    d.problem(p, kind);
                    None
                }
            });
            Some(Conflict {
                id: id?,
                text: text?,
                sources,
                indicators: ids,
            })
        })
    }
}

fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// The allowed name closest to a misspelt one (edit distance at most 2), for "did you mean".
fn closest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (edit_distance(name, a), *a))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "format_version": 1,
        "plan": {"id": "p", "country": "XA", "title": "Plan", "period": {"start": 2020, "end": 2025},
                 "publisher": "Someone", "languages": ["fr"], "default_language": "fr",
                 "updated": "2024-01", "licence": "CC-BY-4.0"},
        "sources": {"s1": {"title": "Report", "publisher": "Office"}}
    }"#;

    fn problems(text: &str) -> Vec<String> {
        match load(text) {
            Ok(_) => vec![],
            Err(e) => e.problems().iter().map(|p| p.to_string()).collect(),
        }
    }

    /// The minimal dataset with `extra` members added at the root.
    fn with(extra: &str) -> String {
        MINIMAL.replacen(
            "\"format_version\": 1,",
            &format!("\"format_version\": 1, {extra},"),
            1,
        )
    }

    #[test]
    fn reads_a_minimal_dataset() {
        let d = load(MINIMAL).unwrap();
        assert_eq!(d.plan.period, (2020, 2025));
        assert_eq!(d.sources.len(), 1);
        assert!(d.indicators.is_empty());
    }

    #[test]
    fn reports_every_problem_at_once() {
        let text = with(
            r#""indicators": [{"id": "a", "label": "A", "unit": "cases", "points": [
                {"year": 2020, "value": 3, "source": "tip2031"},
                {"year": 2019, "valeu": 4},
                {"year": 2021, "value": "5", "source": "s1"}]}]"#,
        );
        let got = problems(&text);
        assert_eq!(
            got,
            [
                "indicators[0].points[0].source: \"tip2031\" is not a key of sources",
                "indicators[0].points[1].valeu: unknown member; did you mean \"value\"?",
                "indicators[0].points[1].value: required member is missing",
                "indicators[0].points[2].value: expected a number, found the string \"5\" (remove the quotes)",
            ]
        );
    }

    #[test]
    fn checks_year_order_on_points_that_were_read() {
        let text = with(
            r#""indicators": [{"id": "a", "label": "A", "unit": "u", "points": [
                {"year": 2020, "value": null}, {"year": 2021, "value": null},
                {"year": 2021, "value": null}, {"year": 2019, "value": null}]}]"#,
        );
        assert_eq!(
            problems(&text),
            [
                "indicators[0].points[2].year: year 2021 is repeated: one point per year",
                "indicators[0].points[3].year: year 2019 comes after 2021: years must be in increasing order",
            ]
        );
    }

    #[test]
    fn a_gap_needs_no_source_but_a_figure_does() {
        let text = with(
            r#""indicators": [{"id": "a", "label": "A", "unit": "u", "points": [
                {"year": 2020, "value": null}, {"year": 2021, "value": 0}]}]"#,
        );
        assert_eq!(
            problems(&text),
            ["indicators[0].points[1].source: required when value is not null: every figure needs a source"]
        );
    }

    #[test]
    fn rejects_other_format_versions_alone() {
        let text = MINIMAL.replace(
            "\"format_version\": 1",
            "\"format_version\": 2, \"bogus\": 1",
        );
        assert_eq!(
            problems(&text),
            [
                "bogus: unknown member (allowed here: $schema, format_version, plan, sources, indicators, ratings, subjects, scales, recommendations, axes, commitments, milestones, conflicts)",
                "format_version: unsupported format_version 2: this version of plan-progress reads version 1"
            ]
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let got = problems("{\"format_version\": 1,}");
        assert_eq!(
            got,
            ["$: not valid JSON: line 1, column 22: trailing comma before '}'"]
        );
    }

    #[test]
    fn refuses_oversized_files() {
        let big = format!("[{}]", "0,".repeat(MAX_FILE_BYTES / 2) + "0");
        assert!(matches!(load(&big), Err(LoadError::TooLarge { .. })));
    }

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(closest("valeu", &["value", "year"]), Some("value"));
        assert_eq!(closest("colour", &["value", "year"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
