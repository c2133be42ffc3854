//! The dataset: what a publisher's JSON file says about a national action plan, as Rust types.
//!
//! `data/schema.json` describes the same format for machines and `docs/format.md` for people;
//! `tests/schema_agreement.rs` keeps the three in step. A [`Dataset`] only exists once the
//! file has been read and validated by [`load`]: every figure in it has a source that exists,
//! every series has its years in order, every rating is on its scale.

mod date;
mod decode;
mod text;

pub use date::Date;
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
    /// Best level first.
    pub scale: Vec<Level>,
    pub points: Vec<RatingPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RatingPoint {
    pub year: i32,
    /// Index into the rating's scale (0 = best), or `None` for a gap.
    pub level: Option<usize>,
    pub source: Option<String>,
    pub note: Option<Text>,
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
    use super::distinct_years;

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
