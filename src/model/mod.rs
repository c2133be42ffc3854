//! The dataset: what a publisher's JSON file says about a national action plan, as Rust types.
//!
//! `data/schema.json` describes the same format for machines and `docs/format.md` for people;
//! `tests/schema_agreement.rs` keeps the three in step. A [`Dataset`] only exists once the
//! file has been read and validated by [`load`]: every figure in it has a source that exists,
//! every series has its years in order, every rating is on its scale.

mod date;
mod decode;
mod problem;
mod text;

pub use date::{days_in_month, Date, DateError};
pub use decode::{load, load_bytes, LoadError};
/// The limits of docs/format.md ("Limits"), also written into data/schema.json.
pub mod limits {
    pub use super::decode::{
        MAX_FIGURE, MAX_FILE_BYTES, MAX_ITEMS, MAX_LABEL_CHARS, MAX_LANGUAGES, MAX_LEVELS,
        MAX_MEMBERS, MAX_POINTS, MAX_PROBLEMS, MAX_PROBLEM_CHARS, MAX_REFERENCES, MAX_SERIES,
        MAX_TEXT_CHARS, MAX_URL_CHARS, YEARS,
    };
}
pub(crate) use decode::shorten;
pub use decode::MAX_FILE_BYTES;
pub use problem::{Choice, Counted, Problem, ProblemKind, Shape};
pub use text::Text;

/// A whole dataset, version 1 of the format.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// What the plan is (title, period, publisher) and the dataset's own particulars: its
    /// languages, licence and last update.
    pub plan: Plan,
    /// Sources in document order, keyed; look up with [`Dataset::source`].
    pub sources: Vec<(String, Source)>,
    /// The numeric series by year, in dataset order.
    pub indicators: Vec<Indicator>,
    /// The ordinal series by year (such as the TIP tier), in dataset order.
    pub ratings: Vec<Rating>,
    /// The lists of recommendations that reports issued, in dataset order.
    pub recommendations: Vec<RecommendationList>,
    /// The plan's strategic axes as published; empty when they are not published.
    pub axes: Vec<Axis>,
    /// What the plan promises, in dataset order.
    pub commitments: Vec<Commitment>,
    /// Dated events, in date order (validation checks it, comparing dates at the precision they
    /// share).
    pub milestones: Vec<Milestone>,
    /// Where sources disagree, as the publisher wrote it down.
    pub conflicts: Vec<Conflict>,
    /// The countries (or other subjects) that ratings are about, when a dataset rates several.
    pub subjects: Vec<Subject>,
    /// Scales shared by several ratings, so that their subjects can be compared.
    pub scales: Vec<Scale>,
}

/// What a dataset holds, counted: what `plan-progress validate` prints of a valid dataset and the
/// checker page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Sources.
    pub sources: usize,
    /// Indicators (numeric series).
    pub indicators: usize,
    /// Points of the indicators with a figure.
    pub figures: usize,
    /// Points of the indicators without one (gaps, `null`).
    pub gaps: usize,
    /// Ratings.
    pub ratings: usize,
    /// Lists of recommendations.
    pub recommendation_lists: usize,
    /// Commitments.
    pub commitments: usize,
    /// Milestones.
    pub milestones: usize,
}

impl Counts {
    /// The counts with the names the checker page's script reads them by, in the order
    /// `validate` prints them.
    pub fn named(&self) -> [(&'static str, usize); 8] {
        [
            ("sources", self.sources),
            ("indicators", self.indicators),
            ("figures", self.figures),
            ("gaps", self.gaps),
            ("ratings", self.ratings),
            ("recommendationLists", self.recommendation_lists),
            ("commitments", self.commitments),
            ("milestones", self.milestones),
        ]
    }
}

impl std::fmt::Display for Counts {
    /// The counts as `plan-progress validate` prints them (in English).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} sources, {} indicators with {} figures and {} gaps, {} ratings, {} recommendation lists, {} commitments, {} milestones",
            self.sources,
            self.indicators,
            self.figures,
            self.gaps,
            self.ratings,
            self.recommendation_lists,
            self.commitments,
            self.milestones
        )
    }
}

impl Dataset {
    /// What the dataset holds, counted.
    pub fn counts(&self) -> Counts {
        let points = self.indicators.iter().flat_map(|i| &i.points);
        let figures = points.clone().filter(|p| p.value.is_some()).count();
        Counts {
            sources: self.sources.len(),
            indicators: self.indicators.len(),
            figures,
            gaps: points.count() - figures,
            ratings: self.ratings.len(),
            recommendation_lists: self.recommendations.len(),
            commitments: self.commitments.len(),
            milestones: self.milestones.len(),
        }
    }

    /// The source with this key (validation guarantees that every key used exists).
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|(k, _)| k == key).map(|(_, s)| s)
    }

    /// The indicator with this id, or `None` if the dataset has none such (an id from options need
    /// not exist).
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The rating with this id, or `None` if the dataset has none such.
    pub fn rating(&self, id: &str) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.id == id)
    }

    /// The subject with this ISO 3166-1 code (validation guarantees that every code a rating
    /// names exists).
    pub fn subject(&self, code: &str) -> Option<&Subject> {
        self.subjects.iter().find(|s| s.code == code)
    }

    /// The shared scale with this id (in [`Dataset::scales`]), or `None` if there is none such.
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

/// The plan a dataset describes, with what a reader must know about the dataset itself (who
/// publishes it, in which languages, under which licence, when it was updated).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The plan's identifier (an Id of the format: lowercase letters, digits, `-`, `_`).
    pub id: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The plan's title, in the dataset's languages.
    pub title: Text,
    /// The first and last year of the plan, both included; the first is never after the last.
    pub period: (i32, i32),
    /// Who publishes this dataset (not necessarily who wrote the plan).
    pub publisher: Text,
    /// The language codes the dataset's text is written in, as listed, without repeats.
    pub languages: Vec<String>,
    /// The language text falls back to when it has none in the reader's; one of `languages`.
    pub default_language: String,
    /// When the dataset was last updated.
    pub updated: Date,
    /// The dataset's licence: an SPDX id (`CC-BY-4.0`) or a short licence text.
    pub licence: String,
    /// One or two sentences about the plan, if the publisher wrote them.
    pub description: Option<Text>,
    /// The key (in [`Dataset::sources`]) of the plan's own document, when it is published.
    pub source: Option<String>,
}

/// A document or page that figures, ratings, statuses and texts of the dataset are taken from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The title of the document or page, as it gives it.
    pub title: Text,
    /// Who published the document.
    pub publisher: Text,
    /// Where to read it: an `http://` or `https://` address; `None` when the dataset gives none.
    pub url: Option<String>,
    /// When it was published, at the precision known; `None` when unknown.
    pub date: Option<Date>,
    /// How close it is to the original publication; `None` when the dataset does not say.
    pub kind: Option<SourceKind>,
    /// The short passage of the source that supports the figures taken from it, as written there
    /// (one string, not localized).
    pub quote: Option<String>,
    /// Anything a reader should know about this source.
    pub note: Option<Text>,
}

/// How close a source is to the original publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// The original document itself (the report, the plan, the law).
    Primary,
    /// A copy of a primary document published elsewhere.
    Mirror,
    /// A statement by an official body.
    Official,
    /// A press article.
    Press,
    /// A secondary dataset that compiles figures published elsewhere.
    Dataset,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// The names a dataset's `kind` member may have, in the order of the variants.
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

    /// The kind a dataset's `kind` member names, or `None` for a name the format does not have.
    pub fn from_name(name: &str) -> Option<SourceKind> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }
}

/// A numeric series by year. One unit per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Unique among the indicators; a series view's options and a conflict name the indicator by
    /// it.
    pub id: String,
    /// Short name, for legends.
    pub label: Text,
    /// What is counted (`cases`, `alleged traffickers`): one unit for the whole series.
    pub unit: Text,
    /// What exactly the figure counts and what its year means, if the publisher says.
    pub definition: Option<Text>,
    /// The body that produced the figures (such as the US State Department), if named.
    pub reported_by: Option<Text>,
    /// Indicators with the same group are meant to be compared: a series view shows the first
    /// indicator's group by default. `None`: the indicator stands alone.
    pub group: Option<String>,
    /// Strictly increasing years.
    pub points: Vec<Point>,
}

/// One year of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The year the figure refers to (1900 to 2100).
    pub year: i32,
    /// `None` is a gap: no figure for that year (never a zero).
    pub value: Option<f64>,
    /// Always present when `value` is.
    pub source: Option<String>,
    /// When the figure was published, if not in `year` (such as the year of the TIP report that
    /// gives it).
    pub published: Option<Date>,
    /// Caveats, conflicts or breakdowns a reader should see with the figure.
    pub note: Option<Text>,
}

/// An ordinal series by year, such as the TIP tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    /// Unique among the ratings; a rating view's options name the rating by it.
    pub id: String,
    /// Short name, for titles and legends.
    pub label: Text,
    /// What the rating is and what its year means, if the publisher says.
    pub definition: Option<Text>,
    /// Best level first. For a rating on a shared scale, that scale's levels.
    pub scale: Vec<Level>,
    /// One point per year, in strictly increasing years.
    pub points: Vec<RatingPoint>,
    /// The id of the shared scale (in [`Dataset::scales`]) this rating uses, if any: ratings on
    /// one shared scale compare their subjects.
    pub shared_scale: Option<String>,
    /// The code of the subject (in [`Dataset::subjects`]) rated, if the dataset names one.
    pub subject: Option<String>,
}

impl Rating {
    /// The point of `year`, if the rating has one.
    pub fn at(&self, year: i32) -> Option<&RatingPoint> {
        self.points.iter().find(|p| p.year == year)
    }

    /// What the rating says of `year`: a year it leaves out is a gap, as a `null` is.
    pub fn standing_in(&self, year: i32) -> Standing {
        self.at(year).map_or(Standing::Gap, RatingPoint::standing)
    }
}

/// What a rating is about when a dataset rates several subjects: a country, by its
/// ISO 3166-1 alpha-2 code, and its name in the dataset's languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// ISO 3166-1 alpha-2 code, upper case (`MA`); each code appears once among the subjects.
    pub code: String,
    /// The subject's name in the dataset's languages.
    pub name: Text,
}

/// A scale several ratings share: one subject each, compared year by year on the same levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Unique among the shared scales; what [`Rating::shared_scale`] names.
    pub id: String,
    /// What is rated, for the title of a comparison (`US TIP Report tier`).
    pub label: Text,
    /// What the rating is and what its year means, if the publisher says.
    pub definition: Option<Text>,
    /// Best level first.
    pub levels: Vec<Level>,
}

/// One step of a rating's scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// Unique within its scale: what a rating point's `value` names in the file.
    pub id: String,
    /// What the step is called (`Tier 2`).
    pub label: Text,
}

/// One year of a rating.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingPoint {
    /// The year rated; strictly increasing within a rating.
    pub year: i32,
    /// Index into the rating's scale (0 = best), or `None`: a gap, unless `placement` says why
    /// there is no level.
    pub level: Option<usize>,
    /// The key (in [`Dataset::sources`]) of the source that gives the level or the placement;
    /// always present with either, optional for a gap.
    pub source: Option<String>,
    /// Caveats: weak evidence, or where a missing level was looked for.
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
    /// The names a point's `placement` member may have, in the order of the variants.
    pub const NAMES: [&'static str; 2] = ["special_case", "not_ranked"];
    const ALL: [Placement; 2] = [Placement::SpecialCase, Placement::NotRanked];

    /// The placement a point's `placement` member names, or `None` for a name the format does not
    /// have.
    pub fn from_name(name: &str) -> Option<Placement> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    /// The name the format writes this placement with (one of [`Placement::NAMES`]).
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
    /// Unique among the recommendation lists; a status view's options name the list by it.
    pub id: String,
    /// What the list is (`TIP Report 2024: prioritized recommendations`).
    pub title: Text,
    /// The key (in [`Dataset::sources`]) of the report that issued the list.
    pub report: String,
    /// The year of the report.
    pub year: i32,
    /// How many the report issued, when known, even if fewer are listed in `items`.
    pub declared_count: Option<u32>,
    /// The key of the source that states `declared_count`; present whenever it is.
    pub declared_count_source: Option<String>,
    /// Why the list is incomplete and what is missing, when the publisher says.
    pub transcription_note: Option<Text>,
    /// The recommendations transcribed, as listed; never more than `declared_count`.
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

/// One recommendation of a report's list, and how far it has been implemented.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// Unique within its list.
    pub id: String,
    /// Its position in the report's order of priority (1 = first); `None` when the report does not
    /// rank it.
    pub rank: Option<u32>,
    /// The recommendation's text as transcribed; a copy cut short should mark the cut with
    /// `[…]` (and `complete` is then false).
    pub text: Text,
    /// `false` when the copy read cuts the text short.
    pub complete: bool,
    /// The key (in [`Dataset::sources`]) of the source the text was read in.
    pub source: String,
    /// How far it has been implemented; unknown unless someone assessed it.
    pub status: Status,
}

/// How far a recommendation or commitment has gone, and who says so.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Status {
    /// The stage reached; [`StatusValue::Unknown`] when nobody assessed it.
    pub value: StatusValue,
    /// Who made the assessment; required unless the value is unknown.
    pub assessed_by: Option<Text>,
    /// When the assessment was made, at the precision known; required unless the value is unknown.
    pub assessed_on: Option<Date>,
    /// The key (in [`Dataset::sources`]) of where the assessment is published; required unless the
    /// value is unknown.
    pub source: Option<String>,
    /// Anything a reader should know about the assessment.
    pub note: Option<Text>,
}

/// The stage a recommendation or commitment has reached, as assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum StatusValue {
    /// Done, as assessed.
    Implemented,
    /// Begun, not finished.
    InProgress,
    /// Not begun.
    NotStarted,
    /// Nobody has assessed it: the default, since a status is never guessed.
    #[default]
    Unknown,
}

impl StatusValue {
    /// The names a status `value` member may have, in the order of the variants.
    pub const NAMES: [&'static str; 4] = ["implemented", "in_progress", "not_started", "unknown"];
    /// Every value, in the order of the variants: the columns of the status board and of its
    /// summary.
    pub const ALL: [StatusValue; 4] = [
        StatusValue::Implemented,
        StatusValue::InProgress,
        StatusValue::NotStarted,
        StatusValue::Unknown,
    ];

    /// The value a status `value` member names, or `None` for a name the format does not have.
    pub fn from_name(name: &str) -> Option<StatusValue> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }

    /// The name the format writes this value with (one of [`StatusValue::NAMES`]).
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A strategic axis of the plan, as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Unique among the axes; what [`Commitment::axis`] and a progress view's options name it by.
    pub id: String,
    /// The axis's name as the plan publishes it.
    pub label: Text,
    /// The key (in [`Dataset::sources`]) of the document that publishes the axis.
    pub source: String,
}

/// A measure or deliverable the plan promises.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    /// Unique among the commitments.
    pub id: String,
    /// The id of its axis in [`Dataset::axes`]; `None` when the axis is not known.
    pub axis: Option<String>,
    /// Short name, as charts and lists show it.
    pub label: Text,
    /// What the commitment is, at more length, if the publisher wrote it.
    pub description: Option<Text>,
    /// The key (in [`Dataset::sources`]) of where the commitment is named, if any.
    pub source: Option<String>,
    /// How far it has gone; unknown unless someone assessed it.
    pub status: Status,
    /// Percent done, 0-100, only when a source publishes it.
    pub progress: Option<f64>,
    /// The key (in [`Dataset::sources`]) of the source that gives `progress`; present whenever it
    /// is.
    pub progress_source: Option<String>,
    /// The deadline, when one is published, at the precision published.
    pub target: Option<Date>,
    /// Anything a reader should know about the commitment.
    pub note: Option<Text>,
}

/// A dated event of the plan, with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Unique among the milestones.
    pub id: String,
    /// When it happened, at the precision known (a month stays a month, never its first day).
    pub date: Date,
    /// Short name, as charts and lists show it.
    pub label: Text,
    /// What happened, at more length, if the publisher wrote it.
    pub description: Option<Text>,
    /// The key (in [`Dataset::sources`]) of the source that dates the event.
    pub source: String,
    /// Anything a reader should know about the event or its date.
    pub note: Option<Text>,
}

/// Two or more sources that disagree about the same facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Unique among the conflicts.
    pub id: String,
    /// What disagrees and how, for the reader.
    pub text: Text,
    /// The keys (in [`Dataset::sources`]) of the sources that disagree; at least two.
    pub sources: Vec<String>,
    /// The ids of the indicators whose figures are in dispute; may be empty.
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
