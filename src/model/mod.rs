//! The dataset: what a publisher's JSON file says about a national action plan, as Rust types.
//!
//! `data/schema.json` describes the same format for machines and `docs/format.md` for people;
//! `tests/schema_agreement.rs` keeps the three in step. A [`Dataset`] only exists once the
//! file has been read and validated by [`load`]: every figure in it has a source that exists,
//! every series has its years in order, every rating is on its scale.

mod date;
mod decode;
mod text;

pub use date::{days_in_month, Date};
pub use decode::{load, LoadError, Problem};
/// The limits of docs/format.md ("Limits"), also written into data/schema.json.
pub mod limits {
    pub use super::decode::{
        MAX_FIGURE, MAX_FILE_BYTES, MAX_ITEMS, MAX_LABEL_CHARS, MAX_LANGUAGES, MAX_LEVELS,
        MAX_MEMBERS, MAX_POINTS, MAX_REFERENCES, MAX_SERIES, MAX_TEXT_CHARS, MAX_URL_CHARS, YEARS,
    };
}
pub use decode::MAX_FILE_BYTES;
pub use text::Text;

/// A whole dataset, version 1 of the format.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub plan: Plan,
    /// Sources in document order, keyed; look up with [`Dataset::source`].
    pub sources: Vec<(String, Source)>,
    pub indicators: Vec<Indicator>,
    pub ratings: Vec<Rating>,
    pub recommendations: Vec<RecommendationList>,
    pub axes: Vec<Axis>,
    pub commitments: Vec<Commitment>,
    pub milestones: Vec<Milestone>,
    pub conflicts: Vec<Conflict>,
    /// The countries (or other subjects) that ratings are about, when a dataset rates several.
    pub subjects: Vec<Subject>,
    /// Scales shared by several ratings, so that their subjects can be compared.
    pub scales: Vec<Scale>,
}

impl Dataset {
    /// The source with this key (validation guarantees that every key used exists).
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|(k, _)| k == key).map(|(_, s)| s)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn rating(&self, id: &str) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.id == id)
    }

    /// The subject with this ISO 3166-1 code (validation guarantees that every code a rating
    /// names exists).
    pub fn subject(&self, code: &str) -> Option<&Subject> {
        self.subjects.iter().find(|s| s.code == code)
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The ratings on the shared scale `id`, in dataset order: the subjects it compares.
    pub fn ratings_on<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Rating> {
        self.ratings
            .iter()
            .filter(move |r| r.shared_scale.as_deref() == Some(id))
    }

    /// The first and last year the dataset speaks of: its figures, ratings, milestones and the
    /// plan's period.
    pub fn years(&self) -> (i32, i32) {
        let (a, b) = self.plan.period;
        let mut years = (a.min(b), a.max(b));
        let mut see = |y: i32| years = (years.0.min(y), years.1.max(y));
        for i in &self.indicators {
            i.points.iter().for_each(|p| see(p.year));
        }
        for r in &self.ratings {
            r.points.iter().for_each(|p| see(p.year));
        }
        self.milestones.iter().for_each(|m| see(m.date.year));
        years
    }

    /// Text in the reader's language, with the dataset's own default language as fallback.
    pub fn text<'a>(&self, text: &'a Text, lang: &str) -> &'a str {
        text.get(lang, &self.plan.default_language)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub title: Text,
    pub period: (i32, i32),
    pub publisher: Text,
    pub languages: Vec<String>,
    pub default_language: String,
    pub updated: Date,
    pub licence: String,
    pub description: Option<Text>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: Text,
    pub publisher: Text,
    pub url: Option<String>,
    pub date: Option<Date>,
    pub kind: Option<SourceKind>,
    pub quote: Option<String>,
    pub note: Option<Text>,
}

/// How close a source is to the original publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Primary,
    Mirror,
    Official,
    Press,
    Dataset,
    Other,
}

impl SourceKind {
    pub const NAMES: [&'static str; 6] =
        ["primary", "mirror", "official", "press", "dataset", "other"];
    const ALL: [SourceKind; 6] = [
        SourceKind::Primary,
        SourceKind::Mirror,
        SourceKind::Official,
        SourceKind::Press,
        SourceKind::Dataset,
        SourceKind::Other,
    ];

    pub fn from_name(name: &str) -> Option<SourceKind> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }
}

/// A numeric series by year. One unit per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub label: Text,
    pub unit: Text,
    pub definition: Option<Text>,
    pub reported_by: Option<Text>,
    pub group: Option<String>,
    /// Strictly increasing years.
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: i32,
    /// `None` is a gap: no figure for that year (never a zero).
    pub value: Option<f64>,
    /// Always present when `value` is.
    pub source: Option<String>,
    pub published: Option<Date>,
    pub note: Option<Text>,
}

/// An ordinal series by year, such as the TIP tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub id: String,
    pub label: Text,
    pub definition: Option<Text>,
    /// Best level first. For a rating on a shared scale, that scale's levels.
    pub scale: Vec<Level>,
    pub points: Vec<RatingPoint>,
    /// The id of the shared scale (in [`Dataset::scales`]) this rating uses, if any: ratings on
    /// one shared scale compare their subjects.
    pub shared_scale: Option<String>,
    /// The code of the subject (in [`Dataset::subjects`]) rated, if the dataset names one.
    pub subject: Option<String>,
}

/// What a rating is about when a dataset rates several subjects: a country, by its
/// ISO 3166-1 alpha-2 code, and its name in the dataset's languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub code: String,
    pub name: Text,
}

/// A scale several ratings share: one subject each, compared year by year on the same levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub id: String,
    pub label: Text,
    pub definition: Option<Text>,
    /// Best level first.
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RatingPoint {
    pub year: i32,
    /// Index into the rating's scale (0 = best), or `None`: a gap, unless `placement` says why
    /// there is no level.
    pub level: Option<usize>,
    pub source: Option<String>,
    pub note: Option<Text>,
    /// Why a year has no level although the source says something about it; never with a
    /// level. Read the point through [`RatingPoint::standing`].
    pub placement: Option<Placement>,
}

impl RatingPoint {
    /// What the point says: a level, one of the two placements outside the scale, or a gap.
    /// The one place that keeps the three kinds of "no level" apart.
    pub fn standing(&self) -> Standing {
        match (self.level, self.placement) {
            (Some(level), _) => Standing::Level(level),
            (None, Some(Placement::SpecialCase)) => Standing::SpecialCase,
            (None, Some(Placement::NotRanked)) => Standing::NotRanked,
            (None, None) => Standing::Gap,
        }
    }
}

/// A year of a rating that is a finding without being a level of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Assessed, but placed outside the scale: the TIP report's "Special Case" (Libya since
    /// 2016; some countries in 2003-2008).
    SpecialCase,
    /// Not assessed that year: the subject was not in that year's report.
    NotRanked,
}

impl Placement {
    pub const NAMES: [&'static str; 2] = ["special_case", "not_ranked"];
    const ALL: [Placement; 2] = [Placement::SpecialCase, Placement::NotRanked];

    pub fn from_name(name: &str) -> Option<Placement> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One year of a rating as a reader must be told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// A level of the scale (0 = best).
    Level(usize),
    /// Assessed, placed outside the scale.
    SpecialCase,
    /// Not in that year's assessment.
    NotRanked,
    /// No figure found.
    Gap,
}

/// The recommendations one report issued, as far as they were transcribed.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendationList {
    pub id: String,
    pub title: Text,
    pub report: String,
    pub year: i32,
    /// How many the report issued, when known, even if fewer are listed in `items`.
    pub declared_count: Option<u32>,
    pub declared_count_source: Option<String>,
    pub transcription_note: Option<Text>,
    pub items: Vec<Recommendation>,
}

/// The distinct years among `years`, in order, by marking each of the format's years: a table's
/// years can number 100 series x 201 points before their duplicates go, more than a short-list
/// sort is for (see [`crate::order`]). Years outside the format's range are left out (a loaded
/// dataset has none).
pub fn distinct_years(years: impl IntoIterator<Item = i32>) -> Vec<i32> {
    let mut seen = [false; limits::MAX_POINTS];
    for year in years {
        let slot = year
            .checked_sub(*limits::YEARS.start())
            .and_then(|i| usize::try_from(i).ok());
        if let Some(seen) = slot.and_then(|i| seen.get_mut(i)) {
            *seen = true;
        }
    }
    limits::YEARS
        .zip(seen)
        .filter_map(|(year, seen)| seen.then_some(year))
        .collect()
}

impl RecommendationList {
    /// The items in the order a board and its table show them: ranked items first, by rank (the
    /// report's order of priority), then the unranked ones as listed; each with its index in
    /// `items`.
    pub fn ranked(&self) -> Vec<(usize, &Recommendation)> {
        let mut items: Vec<_> = self.items.iter().enumerate().collect();
        crate::order::sort_by(&mut items, |(_, a), (_, b)| match (a.rank, b.rank) {
            (Some(a), Some(b)) => a < b,
            (a, b) => a.is_some() && b.is_none(),
        });
        items
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub id: String,
    pub rank: Option<u32>,
    pub text: Text,
    /// `false` when the copy read cuts the text short.
    pub complete: bool,
    pub source: String,
    pub status: Status,
}

/// How far a recommendation or commitment has gone, and who says so.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Status {
    pub value: StatusValue,
    pub assessed_by: Option<Text>,
    pub assessed_on: Option<Date>,
    pub source: Option<String>,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum StatusValue {
    Implemented,
    InProgress,
    NotStarted,
    #[default]
    Unknown,
}

impl StatusValue {
    pub const NAMES: [&'static str; 4] = ["implemented", "in_progress", "not_started", "unknown"];
    pub const ALL: [StatusValue; 4] = [
        StatusValue::Implemented,
        StatusValue::InProgress,
        StatusValue::NotStarted,
        StatusValue::Unknown,
    ];

    pub fn from_name(name: &str) -> Option<StatusValue> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A strategic axis of the plan, as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub id: String,
    pub label: Text,
    pub source: String,
}

/// A measure or deliverable the plan promises.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub id: String,
    pub axis: Option<String>,
    pub label: Text,
    pub description: Option<Text>,
    pub source: Option<String>,
    pub status: Status,
    /// Percent done, 0-100, only when a source publishes it.
    pub progress: Option<f64>,
    pub progress_source: Option<String>,
    pub target: Option<Date>,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub id: String,
    pub date: Date,
    pub label: Text,
    pub description: Option<Text>,
    pub source: String,
    pub note: Option<Text>,
}

/// Two or more sources that disagree about the same facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: String,
    pub text: Text,
    pub sources: Vec<String>,
    pub indicators: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::{distinct_years, Placement, RatingPoint, Standing};

    #[test]
    fn a_point_stands_on_a_level_outside_the_scale_or_in_a_gap() {
        let point = |level, placement| RatingPoint {
            year: 2020,
            level,
            source: None,
            note: None,
            placement,
        };
        assert_eq!(point(Some(2), None).standing(), Standing::Level(2));
        let special = point(None, Some(Placement::SpecialCase));
        assert_eq!(special.standing(), Standing::SpecialCase);
        let not_ranked = point(None, Some(Placement::NotRanked));
        assert_eq!(not_ranked.standing(), Standing::NotRanked);
        assert_eq!(point(None, None).standing(), Standing::Gap);
        for name in Placement::NAMES {
            assert_eq!(Placement::from_name(name).map(Placement::name), Some(name));
        }
        assert_eq!(Placement::from_name("special-case"), None);
    }

    #[test]
    fn distinct_years_are_sorted_once_each_within_the_formats_range() {
        assert_eq!(
            distinct_years([2024, 1900, 2024, 2100, 1999, 1899, 2101, i32::MIN, 1999]),
            [1900, 1999, 2024, 2100]
        );
        assert_eq!(distinct_years([]), Vec::<i32>::new());
        // a table of 100 series x 201 points: every year once
        let many = (0..100).flat_map(|_| (1900..=2100).rev());
        assert_eq!(distinct_years(many), (1900..=2100).collect::<Vec<_>>());
    }
}
