//! The summary: a few sentences that say what a chart shows, in the reader's language, from the
//! data itself. It is the chart's accessible description, the text shown without JavaScript
//! and the alt text of exported images.
//!
//! What it says follows what the chart draws: the same series (the requested ones, or the
//! default group; not those switched off in the legend), the same years. A year without a
//! figure is named as a gap, never passed over as if the figure were zero. Sentence templates
//! are messages of the i18n catalog; labels come from the dataset.
//!
//! Grammar without knowing the gender or number of a label: French and Arabic sentences about a
//! count take "the number of …" as their subject ("Le nombre de poursuites a augmenté", "ارتفع
//! عدد المتابعات"), which agrees whatever the label; a series that is not a count (decimals, a
//! percentage) is introduced as a topic ("Taux : en hausse, de … à …"). English uses the label
//! as the subject with verbs that do not agree ("rose", "fell", "stood at").

use crate::chart::{View, ViewKind};
use crate::i18n::{self, format_number, Lang, Locale, Msg};
use crate::model::{
    Axis, Commitment, Dataset, Indicator, Milestone, Rating, RecommendationList, StatusValue, Text,
};

/// Most sentences about series in one summary; beyond, the rest are named in one sentence.
const MAX_SERIES_SENTENCES: usize = 4;
/// Runs of a rating before the current one listed in time order; more are grouped by level.
const MAX_CHRONOLOGICAL_RUNS: usize = 4;
/// Consecutive gap years listed one by one up to this many; longer runs become "from … to …".
const MAX_LISTED_GAP_RUN: usize = 3;

/// The summary of `view` over `dataset`, in the view's language: one or two sentences per
/// series (at most about four in all), the rating's current level and its history, the counts
/// by status, the published progress, the milestones, or one short sentence of each panel for
/// the overview.
pub fn summary(dataset: &Dataset, view: &View) -> String {
    let s = Sentences {
        dataset,
        view,
        lang: view.text_lang(),
        ui: view.ui_lang(),
    };
    let text = match view.kind {
        ViewKind::Series => s.series(view, false),
        ViewKind::Rating => s.rating(view, false),
        ViewKind::Status => s.status(view),
        ViewKind::Progress => s.progress(view),
        ViewKind::Timeline => s.timeline(view, false),
        ViewKind::Overview => s.overview(),
    };
    text.unwrap_or_else(|| i18n::t(s.ui, Msg::NothingToShow).to_string())
}

// ---------------------------------------------------------------------------------------------
// What a view shows: the chart's own selection rules (`chart::series::selected` and its
// siblings, private to `chart`), restated here and checked against `chart::build` in the tests.

/// Whether `view` shows `year` (its `from` and `to`, both inclusive).
pub(crate) fn shows_year(view: &View, year: i32) -> bool {
    view.from.is_none_or(|f| year >= f) && view.to.is_none_or(|t| year <= t)
}

/// The indicators of a series view, hidden ones included: those requested, or by default every
/// indicator of the first indicator's group (or the first indicator alone). `None` when the
/// dataset has no indicators or a requested id does not exist.
pub(crate) fn selected_series<'a>(dataset: &'a Dataset, view: &View) -> Option<Vec<&'a Indicator>> {
    if view.series.is_empty() {
        let first = dataset.indicators.first()?;
        return Some(match &first.group {
            Some(group) => dataset
                .indicators
                .iter()
                .filter(|i| i.group.as_ref() == Some(group))
                .collect(),
            None => vec![first],
        });
    }
    view.series.iter().map(|id| dataset.indicator(id)).collect()
}

/// The rating of a rating view: the one named first in `view.series`, or the first.
pub(crate) fn selected_rating<'a>(dataset: &'a Dataset, view: &View) -> Option<&'a Rating> {
    match view.series.first() {
        Some(id) => dataset.rating(id),
        None => dataset.ratings.first(),
    }
}

/// What a status board shows.
pub(crate) enum Selection<'a> {
    Commitments,
    Lists(Vec<&'a RecommendationList>),
}

/// The subject of a status view: no series or `commitments` = the commitments; a list id =
/// that list; `recommendations` = every list. `None` when there is nothing to show.
pub(crate) fn selected_status<'a>(dataset: &'a Dataset, view: &View) -> Option<Selection<'a>> {
    let lists = &dataset.recommendations;
    let subject = match view.series.first().map(String::as_str) {
        None | Some("commitments") => Selection::Commitments,
        Some("recommendations") => Selection::Lists(lists.iter().collect()),
        Some(id) => Selection::Lists(vec![lists.iter().find(|l| l.id == id)?]),
    };
    match &subject {
        Selection::Commitments if dataset.commitments.is_empty() => None,
        Selection::Lists(lists) if lists.is_empty() => None,
        _ => Some(subject),
    }
}

/// The groups of a progress view: each axis with commitments in the dataset's order (only the
/// axes named in `view.series`, if any), then the commitments without an axis; with the
/// indices of their commitments.
pub(crate) fn selected_progress<'a>(
    dataset: &'a Dataset,
    view: &View,
) -> Option<Vec<(Option<&'a Axis>, Vec<usize>)>> {
    if dataset.commitments.is_empty()
        || view
            .series
            .iter()
            .any(|id| !dataset.axes.iter().any(|a| &a.id == id))
    {
        return None;
    }
    let rows_of = |axis: Option<&str>| -> Vec<usize> {
        let all = dataset.commitments.iter().enumerate();
        all.filter(|(_, c)| c.axis.as_deref() == axis)
            .map(|(i, _)| i)
            .collect()
    };
    let mut groups: Vec<(Option<&Axis>, Vec<usize>)> = dataset
        .axes
        .iter()
        .filter(|a| view.series.is_empty() || view.series.contains(&a.id))
        .map(|a| (Some(a), rows_of(Some(&a.id))))
        .collect();
    if view.series.is_empty() {
        groups.push((None, rows_of(None)));
    }
    groups.retain(|(_, rows)| !rows.is_empty());
    (!groups.is_empty()).then_some(groups)
}

/// The milestones within the view's years, in date order.
pub(crate) fn selected_milestones<'a>(dataset: &'a Dataset, view: &View) -> Vec<&'a Milestone> {
    let shown = dataset.milestones.iter();
    shown.filter(|m| shows_year(view, m.date.year)).collect()
}

// ---------------------------------------------------------------------------------------------
// Words

/// `text` with its first letter in lower case, unless it starts an acronym ("CSPJ …").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second)
            if first.is_uppercase() && !second.is_some_and(char::is_uppercase) =>
        {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Whether a French word starting with `text` takes an elided article ("d'enquêtes").
fn elides(text: &str) -> bool {
    text.chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| "aeiouyàâäéèêëîïôöûüh".contains(c))
}

/// Whether an Arabic label has a word in the nominative sound masculine plural (ending in
/// "ون", as "المتابعون"), which cannot follow "عدد" unchanged. Words that merely end so
/// ("القانون") make the sentence a topic sentence too, which is still correct.
fn nominative_plural(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() > 3 && w.ends_with("ون"))
}

/// `sentence` ended with a full stop, unless it already ends with one.
fn full_stop(sentence: &str) -> String {
    let trimmed = sentence.trim_end();
    if trimmed.ends_with(['.', '!', '?', '…']) {
        trimmed.to_string()
    } else {
        format!("{trimmed}.")
    }
}

/// Separators of clauses inside a sentence.
fn comma(lang: Locale) -> &'static str {
    if lang.lang == Lang::Ar {
        "، "
    } else {
        ", "
    }
}

fn semicolon(lang: Locale) -> &'static str {
    match lang.lang {
        Lang::Fr => "\u{202f}; ",
        Lang::Ar => "؛ ",
        Lang::En => "; ",
    }
}

/// Runs of consecutive years, as `(first, last)`.
pub(crate) fn runs(years: &[i32]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == y => *last = y,
            _ => out.push((y, y)),
        }
    }
    out
}

struct Sentences<'a> {
    dataset: &'a Dataset,
    view: &'a View,
    lang: &'a str,
    ui: Locale,
}

impl<'a> Sentences<'a> {
    fn text(&self, t: &'a Text) -> &'a str {
        self.dataset.text(t, self.lang)
    }

    /// Dataset text as a sentence shows it: without a final full stop, and isolated
    /// (U+2068 … U+2069) when it runs the other way from the sentence (a French label in an
    /// Arabic sentence), so that its parentheses and the numbers after it stay in place.
    fn shown(&self, t: &'a Text) -> String {
        let text = self.text(t).trim_end().trim_end_matches('.');
        let rtl = text
            .chars()
            .any(|c| matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fefc}'));
        if rtl != self.ui.is_rtl() {
            format!("\u{2068}{text}\u{2069}")
        } else {
            text.to_string()
        }
    }

    /// Whether `t` is in the reader's language, so that a sentence may change its case or
    /// put "the number of" before it. Plain text only counts as such in a dataset written in
    /// that one language: elsewhere it may be a name, or text nobody translated.
    fn own(&self, t: &Text) -> bool {
        let plan = &self.dataset.plan;
        match t.resolve(self.lang, &plan.default_language).0 {
            Some(lang) => lang == self.lang,
            None => plan.languages.len() == 1 && plan.languages[0] == self.lang,
        }
    }

    fn number(&self, v: f64) -> String {
        format_number(v, self.ui, 2)
    }

    fn tf(&self, msg: Msg, args: &[&str]) -> String {
        i18n::tf(self.ui, msg, args)
    }

    /// A year in the reader's digits.
    fn year(&self, year: i32) -> String {
        i18n::format_year(year, self.ui)
    }

    /// "no figure for 2018, 2019 and 2020" / "… for 2019 to 2023": the years in `years` as a
    /// gap clause, or `None` when there are none.
    fn gaps(&self, years: &[i32]) -> Option<String> {
        let mut items = Vec::new();
        for (a, b) in runs(years) {
            if (b - a) as usize >= MAX_LISTED_GAP_RUN {
                items.push(self.tf(Msg::YearRange, &[&self.year(a), &self.year(b)]));
            } else {
                items.extend((a..=b).map(|y| self.year(y)));
            }
        }
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        match years {
            [] => None,
            [one] => Some(self.tf(Msg::GapOne, &[&self.year(*one)])),
            _ => Some(self.tf(Msg::GapMany, &[&i18n::join_list(self.ui, &items)])),
        }
    }

    /// A run of years: "in 2019", "in 2013 and 2014", "from 2003 to 2007".
    fn period(&self, (a, b): (i32, i32)) -> String {
        let (sa, sb) = (self.year(a), self.year(b));
        if a == b {
            self.tf(Msg::PeriodOne, &[&sa])
        } else if b == a + 1 {
            self.tf(Msg::PeriodTwo, &[&sa, &sb])
        } else {
            self.tf(Msg::PeriodRange, &[&sa, &sb])
        }
    }

    fn years(&self, years: &[i32]) -> String {
        let items: Vec<String> = years.iter().map(i32::to_string).collect();
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        i18n::join_list(self.ui, &items)
    }

    // -----------------------------------------------------------------------------------------
    // Series

    fn series(&self, view: &View, short: bool) -> Option<String> {
        let chosen = selected_series(self.dataset, view)?;
        // the chart needs a year to draw, from any of its series, shown or switched off
        let years = |i: &&Indicator| i.points.iter().any(|p| shows_year(view, p.year));
        if !chosen.iter().any(years) {
            return None;
        }
        let shown: Vec<&Indicator> = chosen
            .into_iter()
            .filter(|i| !view.hidden.contains(&i.id))
            .collect();
        if shown.is_empty() {
            return Some(i18n::t(self.ui, Msg::NoSeriesShown).to_string());
        }
        if short {
            return Some(self.indicator(shown[0], view, true));
        }
        let told = if shown.len() > MAX_SERIES_SENTENCES {
            MAX_SERIES_SENTENCES - 1
        } else {
            shown.len()
        };
        let mut sentences: Vec<String> = shown[..told]
            .iter()
            .map(|ind| self.indicator(ind, view, false))
            .collect();
        if told < shown.len() {
            let rest: Vec<String> = shown[told..].iter().map(|i| self.shown(&i.label)).collect();
            let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
            let n = format_number((shown.len() - told) as f64, self.ui, 0);
            let names = i18n::join_list(self.ui, &rest);
            sentences.push(self.tf(Msg::MoreSeries, &[&n, &names]));
        }
        Some(sentences.join(" "))
    }

    /// Whether the figures of `ind` are counts (whole numbers, not a percentage), which French
    /// and Arabic sentences call "the number of …".
    fn is_count(&self, ind: &Indicator) -> bool {
        let whole = ind
            .points
            .iter()
            .filter_map(|p| p.value)
            .all(|v| v.fract() == 0.0);
        whole && !self.text(&ind.unit).contains('%')
    }

    /// One sentence about one indicator within the view's years.
    fn indicator(&self, ind: &Indicator, view: &View, short: bool) -> String {
        let label = &self.shown(&ind.label);
        let points: Vec<_> = ind
            .points
            .iter()
            .filter(|p| shows_year(view, p.year))
            .collect();
        let figures: Vec<(i32, f64)> = points
            .iter()
            .filter_map(|p| p.value.map(|v| (p.year, v)))
            .collect();
        // every year from the first point listed to the last one that has no figure: the
        // series' own gaps, explicit (null) or implicit (a year left out)
        let gap_years: Vec<i32> = match (points.first(), points.last()) {
            (Some(first), Some(last)) => (first.year..=last.year)
                .filter(|y| !figures.iter().any(|(fy, _)| fy == y))
                .collect(),
            _ => Vec::new(),
        };
        let gaps = self.gaps(&gap_years);
        let (Some(&(y1, v1)), Some(&(y2, v2))) = (figures.first(), figures.last()) else {
            let what = match gaps {
                Some(g) => g,
                None => lower_first(i18n::t(self.ui, Msg::NoFigure)),
            };
            return full_stop(&self.tf(Msg::Topic, &[label, &what]));
        };

        // "عدد" + a label whose adjective is a nominative sound plural ("الأشخاص المتابعون")
        // would need that adjective in the genitive ("المتابعين"): such a label is a topic
        let count = self.is_count(ind)
            && (self.ui.lang == Lang::En || self.own(&ind.label))
            && !(self.ui.lang == Lang::Ar && nominative_plural(label));
        let subject = match self.ui.lang {
            _ if !count => label.clone(),
            Lang::Fr => {
                let l = lower_first(label);
                let msg = if elides(&l) {
                    Msg::CountOfElided
                } else {
                    Msg::CountOf
                };
                self.tf(msg, &[&l])
            }
            Lang::Ar | Lang::En => self.tf(Msg::CountOf, &[label]),
        };
        let (a, b) = (self.number(v1), self.number(v2));
        let (ya, yb) = (self.year(y1), self.year(y2));
        let pick = |verb: Msg, topic: Msg| if count { verb } else { topic };
        let mut sentence = if figures.len() == 1 {
            let msg = pick(Msg::SeriesOne, Msg::SeriesOneTopic);
            self.tf(msg, &[&subject, &a, &ya])
        } else if v2 > v1 {
            let msg = pick(Msg::SeriesRose, Msg::SeriesRoseTopic);
            self.tf(msg, &[&subject, &a, &ya, &b, &yb])
        } else if v2 < v1 {
            let msg = pick(Msg::SeriesFell, Msg::SeriesFellTopic);
            self.tf(msg, &[&subject, &a, &ya, &b, &yb])
        } else {
            let msg = pick(Msg::SeriesSame, Msg::SeriesSameTopic);
            self.tf(msg, &[&subject, &a, &ya, &yb])
        };

        if !short && figures.len() >= 3 {
            let max = figures.iter().map(|f| f.1).fold(f64::MIN, f64::max);
            let min = figures.iter().map(|f| f.1).fold(f64::MAX, f64::min);
            let inner = &figures[1..figures.len() - 1];
            let years_of =
                |v: f64| -> Vec<i32> { inner.iter().filter(|f| f.1 == v).map(|f| f.0).collect() };
            let mut clauses = Vec::new();
            if v2 > v1 && v2 == max {
                clauses.push(i18n::t(self.ui, Msg::HighestEnd).to_string());
            } else if v2 < v1 && v2 == min {
                clauses.push(i18n::t(self.ui, Msg::LowestEnd).to_string());
            }
            let peak = (max > v1.max(v2)).then(|| (self.number(max), self.years(&years_of(max))));
            let low = (min < v1.min(v2)).then(|| (self.number(min), self.years(&years_of(min))));
            match (peak, low) {
                (Some((p, py)), Some((l, ly))) => {
                    clauses.push(self.tf(Msg::PeakLow, &[&p, &py, &l, &ly]));
                }
                (Some((p, py)), None) => clauses.push(self.tf(Msg::Peak, &[&p, &py])),
                (None, Some((l, ly))) => clauses.push(self.tf(Msg::Low, &[&l, &ly])),
                (None, None) => {}
            }
            for clause in clauses {
                sentence.push_str(comma(self.ui));
                sentence.push_str(&clause);
            }
        }
        if let Some(g) = gaps {
            sentence.push_str(semicolon(self.ui));
            sentence.push_str(&g);
        }
        full_stop(&sentence)
    }

    // -----------------------------------------------------------------------------------------
    // Rating

    fn rating(&self, view: &View, short: bool) -> Option<String> {
        let rating = selected_rating(self.dataset, view)?;
        let label = &self.shown(&rating.label);
        let points: Vec<_> = rating
            .points
            .iter()
            .filter(|p| shows_year(view, p.year))
            .collect();
        let (first, last) = (points.first()?.year, points.last()?.year);
        // runs of the same level over consecutive years
        let mut runs: Vec<(usize, i32, i32)> = Vec::new();
        for p in &points {
            let Some(level) = p.level else { continue };
            match runs.last_mut() {
                Some((l, _, end)) if *l == level && *end + 1 == p.year => *end = p.year,
                _ => runs.push((level, p.year, p.year)),
            }
        }
        let rated: Vec<i32> = points
            .iter()
            .filter(|p| p.level.is_some())
            .map(|p| p.year)
            .collect();
        let gap_years: Vec<i32> = (first..=last).filter(|y| !rated.contains(y)).collect();
        let gaps = self.gaps(&gap_years);
        let name = |level: usize| {
            rating
                .scale
                .get(level)
                .map_or(String::new(), |l| self.shown(&l.label))
        };

        let Some(&(level, a, b)) = runs.last() else {
            let what = gaps.unwrap_or_else(|| lower_first(i18n::t(self.ui, Msg::NoFigure)));
            return Some(full_stop(&self.tf(Msg::Topic, &[label, &what])));
        };
        let latest = rating.points.last().map(|p| p.year);
        let (sa, sb) = (self.year(a), self.year(b));
        let mut current = if a == b {
            self.tf(Msg::RatingIn, &[label, &name(level), &sa])
        } else if latest == Some(b) {
            self.tf(Msg::RatingSince, &[label, &name(level), &sa])
        } else {
            self.tf(Msg::RatingFromTo, &[label, &name(level), &sa, &sb])
        };
        if let Some(g) = gaps {
            current.push_str(semicolon(self.ui));
            current.push_str(&g);
        }
        let mut out = full_stop(&current);
        let before = &runs[..runs.len() - 1];
        if short || before.is_empty() {
            return Some(out);
        }
        let items: Vec<String> = if before.len() <= MAX_CHRONOLOGICAL_RUNS {
            before
                .iter()
                .map(|&(l, a, b)| format!("{} {}", name(l), self.period((a, b))))
                .collect()
        } else {
            let mut levels: Vec<usize> = Vec::new();
            for &(l, _, _) in before {
                if !levels.contains(&l) {
                    levels.push(l);
                }
            }
            levels
                .iter()
                .map(|&l| {
                    let periods: Vec<String> = before
                        .iter()
                        .filter(|r| r.0 == l)
                        .map(|&(_, a, b)| self.period((a, b)))
                        .collect();
                    let periods: Vec<&str> = periods.iter().map(String::as_str).collect();
                    format!("{} {}", name(l), i18n::join_list(self.ui, &periods))
                })
                .collect()
        };
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        out.push(' ');
        out.push_str(&self.tf(Msg::RatingBefore, &[&i18n::join_list(self.ui, &items)]));
        Some(out)
    }

    // -----------------------------------------------------------------------------------------
    // Status and progress

    /// "implemented (2), in progress (2) and status unknown (3)": the statuses that occur.
    fn counts(&self, statuses: impl Iterator<Item = StatusValue>) -> String {
        let mut counts = [0usize; 4];
        for s in statuses {
            counts[s as usize] += 1;
        }
        let items: Vec<String> = StatusValue::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| {
                let name = i18n::status_name(self.ui, *s);
                format!(
                    "{} ({})",
                    lower_first(name),
                    format_number(n as f64, self.ui, 0)
                )
            })
            .collect();
        if items.is_empty() {
            return i18n::t(self.ui, Msg::NoData).to_string();
        }
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        i18n::join_list(self.ui, &items)
    }

    fn status(&self, view: &View) -> Option<String> {
        match selected_status(self.dataset, view)? {
            Selection::Commitments => {
                let counts = self.counts(self.dataset.commitments.iter().map(|c| c.status.value));
                Some(self.tf(Msg::StatusCommitments, &[&counts]))
            }
            Selection::Lists(lists) => {
                let sentences: Vec<String> = lists
                    .iter()
                    .take(MAX_SERIES_SENTENCES)
                    .map(|l| self.list(l))
                    .collect();
                Some(sentences.join(" "))
            }
        }
    }

    fn list(&self, list: &RecommendationList) -> String {
        let title = &self.shown(&list.title);
        let counts = self.counts(list.items.iter().map(|r| r.status.value));
        let listed = u32::try_from(list.items.len()).unwrap_or(u32::MAX);
        match list.declared_count {
            Some(declared) if declared > listed => {
                let n = format_number(f64::from(listed), self.ui, 0);
                let d = format_number(f64::from(declared), self.ui, 0);
                self.tf(Msg::StatusListPartial, &[title, &n, &d, &counts])
            }
            _ => self.tf(Msg::StatusList, &[title, &counts]),
        }
    }

    fn progress(&self, view: &View) -> Option<String> {
        let groups = selected_progress(self.dataset, view)?;
        let shown: Vec<&Commitment> = groups
            .iter()
            .flat_map(|(_, rows)| rows.iter())
            .filter_map(|&i| self.dataset.commitments.get(i))
            .collect();
        let counts = self.counts(shown.iter().map(|c| c.status.value));
        let total = format_number(shown.len() as f64, self.ui, 0);
        let with = shown.iter().filter(|c| c.progress.is_some()).count();
        Some(if with == 0 && shown.len() > 1 {
            self.tf(Msg::ProgressNone, &[&total, &counts])
        } else {
            let with = format_number(with as f64, self.ui, 0);
            self.tf(Msg::ProgressSome, &[&with, &total, &counts])
        })
    }

    // -----------------------------------------------------------------------------------------
    // Timeline and overview

    fn timeline(&self, view: &View, short: bool) -> Option<String> {
        let shown = selected_milestones(self.dataset, view);
        let (first, last) = (shown.first()?, shown.last()?);
        let label = |m: &'a Milestone| self.shown(&m.label);
        let date = |m: &Milestone| i18n::format_date(&m.date, self.ui, false);
        let n = format_number(shown.len() as f64, self.ui, 0);
        let head = match (shown.len(), short) {
            (1, _) => self.tf(Msg::TimelineOne, &[&label(first), &date(first)]),
            (_, true) => {
                let (a, b) = (self.year(first.date.year), self.year(last.date.year));
                return Some(self.tf(Msg::TimelineShort, &[&n, &a, &b]));
            }
            _ => self.tf(
                Msg::TimelineMany,
                &[&n, &label(first), &date(first), &label(last), &date(last)],
            ),
        };
        if short {
            return Some(head);
        }
        let (a, b) = self.dataset.plan.period;
        let period = self.tf(Msg::PlanPeriod, &[&self.year(a), &self.year(b)]);
        Some(format!("{head} {period}"))
    }

    /// One short sentence per panel of the overview, in the overview's order: the rating's
    /// current level, the first default series, the commitments by status, the milestones.
    fn overview(&self) -> Option<String> {
        let panel = |kind: ViewKind| {
            let mut v = View::new(kind, self.view.width, self.view.height);
            if kind == ViewKind::Status {
                v.series = vec!["commitments".into()];
            }
            v.from = self.view.from;
            v.to = self.view.to;
            v.lang = self.view.lang.clone();
            v
        };
        let sentences: Vec<String> = [
            self.rating(&panel(ViewKind::Rating), true),
            self.series(&panel(ViewKind::Series), true),
            self.status(&panel(ViewKind::Status)),
            self.timeline(&panel(ViewKind::Timeline), true),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::{self, Datum, Estimate};
    use std::path::Path;

    fn datasets() -> Vec<(String, Dataset)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![root.join("data/morocco.json")];
        let valid = std::fs::read_dir(root.join("tests/datasets/valid")).unwrap();
        let mut more: Vec<_> = valid.map(|e| e.unwrap().path()).collect();
        more.sort();
        paths.extend(more);
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                (p.display().to_string(), crate::model::load(&text).unwrap())
            })
            .collect()
    }

    fn view(kind: ViewKind, series: &[&str]) -> View {
        let mut v = View::new(kind, 1200.0, 2400.0);
        v.series = series.iter().map(|s| s.to_string()).collect();
        v
    }

    /// Variants of a view kind worth comparing: the default, every id alone, years cut.
    fn variants(dataset: &Dataset, kind: ViewKind) -> Vec<View> {
        let ids: Vec<String> = match kind {
            ViewKind::Series => dataset.indicators.iter().map(|i| i.id.clone()).collect(),
            ViewKind::Rating => dataset.ratings.iter().map(|r| r.id.clone()).collect(),
            ViewKind::Status => {
                let mut ids: Vec<String> = vec!["commitments".into(), "recommendations".into()];
                ids.extend(dataset.recommendations.iter().map(|l| l.id.clone()));
                ids
            }
            ViewKind::Progress => dataset.axes.iter().map(|a| a.id.clone()).collect(),
            _ => Vec::new(),
        };
        let mut out = vec![view(kind, &[]), view(kind, &["no-such-id"])];
        out.extend(ids.iter().map(|id| view(kind, &[id.as_str()])));
        let mut cut = view(kind, &[]);
        (cut.from, cut.to) = (Some(2018), Some(2022));
        out.push(cut);
        if let [a, b, ..] = ids.as_slice() {
            let mut two = view(kind, &[a.as_str(), b.as_str()]);
            two.hidden = vec![a.clone()];
            out.push(two);
        }
        out
    }

    #[test]
    fn series_selection_agrees_with_the_chart_legend() {
        let mut compared = 0;
        for (name, dataset) in datasets() {
            for v in variants(&dataset, ViewKind::Series) {
                let scene = chart::build(&dataset, &v, &Estimate);
                let mine = selected_series(&dataset, &v);
                let years = |ids: &[&Indicator]| {
                    ids.iter()
                        .any(|i| i.points.iter().any(|p| shows_year(&v, p.year)))
                };
                match (scene, mine) {
                    (Ok(scene), Some(mine)) => {
                        let legend: Vec<&str> =
                            scene.chrome.legend.iter().map(|l| l.id.as_str()).collect();
                        let mine: Vec<&str> = mine.iter().map(|i| i.id.as_str()).collect();
                        assert_eq!(legend, mine, "{name} {:?}", v.series);
                        compared += 1;
                    }
                    (Err(_), Some(mine)) => assert!(!years(&mine), "{name} {:?}", v.series),
                    (Ok(_), None) => panic!("{name} {:?}: the chart draws more", v.series),
                    (Err(_), None) => {}
                }
            }
        }
        assert!(compared > 20, "{compared} views compared");
    }

    /// The data behind a scene's targets, for the views that have no legend.
    fn drawn(scene: &chart::Scene) -> Vec<Datum> {
        scene.targets.iter().map(|t| t.datum).collect()
    }

    #[test]
    fn rating_status_progress_timeline_selection_agree_with_the_chart() {
        for (name, dataset) in datasets() {
            for v in variants(&dataset, ViewKind::Rating) {
                let scene = chart::build(&dataset, &v, &Estimate).ok();
                let mine = selected_rating(&dataset, &v)
                    .filter(|r| r.points.iter().any(|p| shows_year(&v, p.year)));
                let ratings: Vec<usize> = scene
                    .iter()
                    .flat_map(drawn)
                    .filter_map(|d| match d {
                        Datum::Rated { rating, .. } => Some(rating),
                        _ => None,
                    })
                    .collect();
                let index = mine.and_then(|r| dataset.ratings.iter().position(|x| x.id == r.id));
                assert_eq!(scene.is_some(), index.is_some(), "{name} {:?}", v.series);
                assert!(ratings.iter().all(|r| Some(*r) == index), "{name}");
            }
            for v in variants(&dataset, ViewKind::Status) {
                let scene = chart::build(&dataset, &v, &Estimate).ok();
                let mine = selected_status(&dataset, &v);
                assert_eq!(scene.is_some(), mine.is_some(), "{name} {:?}", v.series);
                let (Some(scene), Some(mine)) = (scene, mine) else {
                    continue;
                };
                let mut drawn = drawn(&scene);
                drawn.sort_by_key(|d| format!("{d:?}"));
                let mut expected: Vec<Datum> = match mine {
                    Selection::Commitments => (0..dataset.commitments.len())
                        .map(|index| Datum::Commitment { index })
                        .collect(),
                    Selection::Lists(lists) => lists
                        .iter()
                        .flat_map(|l| {
                            let list = dataset
                                .recommendations
                                .iter()
                                .position(|x| x.id == l.id)
                                .unwrap();
                            (0..l.items.len()).map(move |item| Datum::Recommendation { list, item })
                        })
                        .collect(),
                };
                expected.sort_by_key(|d| format!("{d:?}"));
                assert_eq!(drawn, expected, "{name} {:?}", v.series);
            }
            for v in variants(&dataset, ViewKind::Progress) {
                let scene = chart::build(&dataset, &v, &Estimate).ok();
                let mine = selected_progress(&dataset, &v);
                assert_eq!(scene.is_some(), mine.is_some(), "{name} {:?}", v.series);
                let (Some(scene), Some(mine)) = (scene, mine) else {
                    continue;
                };
                let drawn: Vec<Datum> = drawn(&scene);
                let expected: Vec<Datum> = mine
                    .iter()
                    .flat_map(|(_, rows)| rows.iter().map(|&index| Datum::Commitment { index }))
                    .collect();
                assert_eq!(drawn, expected, "{name} {:?}", v.series);
            }
            for v in variants(&dataset, ViewKind::Timeline) {
                let scene = chart::build(&dataset, &v, &Estimate).ok();
                let mine = selected_milestones(&dataset, &v);
                assert_eq!(scene.is_some(), !mine.is_empty(), "{name}");
                let Some(scene) = scene else { continue };
                let mut drawn: Vec<usize> = drawn(&scene)
                    .into_iter()
                    .filter_map(|d| match d {
                        Datum::Milestone { index } => Some(index),
                        _ => None,
                    })
                    .collect();
                drawn.sort_unstable();
                let expected: Vec<usize> = mine
                    .iter()
                    .map(|m| {
                        dataset
                            .milestones
                            .iter()
                            .position(|x| x.id == m.id)
                            .unwrap()
                    })
                    .collect();
                assert_eq!(drawn, expected, "{name}");
            }
        }
    }

    #[test]
    fn words() {
        assert_eq!(lower_first("Poursuites (TIP)"), "poursuites (TIP)");
        assert_eq!(lower_first("CSPJ victims"), "CSPJ victims");
        assert_eq!(lower_first("É"), "é");
        assert!(elides("enquêtes") && elides("Affaires") && !elides("poursuites"));
        assert_eq!(
            runs(&[2018, 2019, 2020, 2023]),
            vec![(2018, 2020), (2023, 2023)]
        );
        assert!(nominative_plural(
            "الأشخاص المتابعون بجريمة الاتجار بالبشر (النيابة العامة)"
        ));
        assert!(!nominative_plural("المتابعات (تقرير الاتجار بالأشخاص)"));
        assert_eq!(full_stop("Done."), "Done.");
        assert_eq!(full_stop("Done"), "Done.");
    }
}
