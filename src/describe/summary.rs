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

use super::standing_words;
use crate::chart::select::CompareSelection;
use crate::chart::select::{Group, Panel, RatingSelection, SeriesSelection, Subject};
use crate::chart::{self, Selection, View};
use crate::i18n::{self, format_number, Lang, Locale, Msg};
use crate::model::{
    Commitment, Dataset, Indicator, Milestone, Rating, RecommendationList, Standing, StatusValue,
    Text,
};

/// Most sentences about series in one summary; beyond, the rest are named in one sentence.
const MAX_SERIES_SENTENCES: usize = 4;
/// Runs of a rating before the current one listed in time order; more are grouped by level.
const MAX_CHRONOLOGICAL_RUNS: usize = 4;
/// Consecutive gap years listed one by one up to this many; longer runs become "from … to …".
const MAX_LISTED_GAP_RUN: usize = 3;

/// The summary of `view` over `dataset`, in the view's language (see [`summary_of`]).
pub fn summary(dataset: &Dataset, view: &View) -> String {
    match chart::select(dataset, view) {
        Ok(selection) => summary_of(dataset, view, &selection),
        Err(_) => i18n::t(view.ui_lang(), Msg::NothingToShow).to_string(),
    }
}

/// The summary of what `selection` holds: one or two sentences per series (at most about four
/// in all), the rating's current level and its history, the counts by status, the published
/// progress, the milestones, or one short sentence of each panel for the overview.
pub fn summary_of(dataset: &Dataset, view: &View, selection: &Selection) -> String {
    let s = Sentences {
        dataset,
        lang: view.text_lang(),
        ui: view.ui_lang(),
    };
    let text = match selection {
        Selection::Series(series) => s.series(view, series, false),
        Selection::Rating(rating) => s.rating(rating, false),
        Selection::Status(subject) => s.status(subject),
        Selection::Progress(groups) => s.progress(groups),
        Selection::Timeline(shown) => s.timeline(shown, false),
        Selection::Overview(panels) => s.overview(panels),
        Selection::Compare(c) => s.compare(c),
    };
    text.unwrap_or_else(|| i18n::t(s.ui, Msg::NothingToShow).to_string())
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
    lang: &'a str,
    ui: Locale,
}

impl<'a> Sentences<'a> {
    fn text(&self, t: &'a Text) -> &'a str {
        self.dataset.text(t, self.lang)
    }

    /// Dataset text as a sentence shows it: without a final full stop, and isolated where it
    /// runs the other way from the sentence (see `i18n::bidi::embed`), so that its parentheses
    /// and the numbers after it stay in place.
    fn shown(&self, t: &'a Text) -> String {
        let text = self.text(t).trim_end().trim_end_matches('.');
        i18n::bidi::embed(text, self.ui.is_rtl())
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

    fn series(&self, view: &View, selection: &SeriesSelection, short: bool) -> Option<String> {
        let indicators = &self.dataset.indicators;
        let shown: Vec<&Indicator> = selection
            .drawn()
            .filter_map(|(_, i)| indicators.get(i))
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
            .filter(|p| view.shows_year(p.year))
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

        let count = self.says_count_of(ind, label);
        let subject = self.subject(label, count);
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
        if !short {
            for clause in self.extremes(&figures) {
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

    /// Whether a sentence about `ind` says "the number of …": its figures are counts and its
    /// label (`label` as shown) can follow the words. "عدد" + a label whose adjective is a
    /// nominative sound plural ("الأشخاص المتابعون") would need that adjective in the genitive
    /// ("المتابعين"): such a label is a topic.
    fn says_count_of(&self, ind: &Indicator, label: &str) -> bool {
        self.is_count(ind)
            && (self.ui.lang == Lang::En || self.own(&ind.label))
            && !(self.ui.lang == Lang::Ar && nominative_plural(label))
    }

    /// The subject of a sentence about a series: "the number of {label}" for a count, the
    /// label itself for a topic.
    fn subject(&self, label: &str, count: bool) -> String {
        match self.ui.lang {
            _ if !count => label.to_string(),
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
        }
    }

    /// The clauses about the highest and lowest of three figures or more: the last one the
    /// highest (or lowest) of the period, a peak or a low in between.
    fn extremes(&self, figures: &[(i32, f64)]) -> Vec<String> {
        let mut clauses = Vec::new();
        let (Some(&(_, v1)), Some(&(_, v2))) = (figures.first(), figures.last()) else {
            return clauses;
        };
        if figures.len() < 3 {
            return clauses;
        }
        let max = figures.iter().map(|f| f.1).fold(f64::MIN, f64::max);
        let min = figures.iter().map(|f| f.1).fold(f64::MAX, f64::min);
        let inner = &figures[1..figures.len() - 1];
        let years_of =
            |v: f64| -> Vec<i32> { inner.iter().filter(|f| f.1 == v).map(|f| f.0).collect() };
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
        clauses
    }

    // -----------------------------------------------------------------------------------------
    // Rating

    fn rating(&self, selection: &RatingSelection, short: bool) -> Option<String> {
        let rating = self.dataset.ratings.get(selection.rating)?;
        let label = &self.shown(&rating.label);
        let points: Vec<_> = selection
            .points
            .iter()
            .filter_map(|&i| rating.points.get(i))
            .collect();
        let (first, last) = (points.first()?.year, points.last()?.year);
        // runs of the same level (or placement) over consecutive years; gaps apart
        let mut runs: Vec<(Standing, i32, i32)> = Vec::new();
        let mut rated: Vec<i32> = Vec::new();
        for p in &points {
            let standing = p.standing();
            if standing == Standing::Gap {
                continue;
            }
            rated.push(p.year);
            match runs.last_mut() {
                Some((l, _, end)) if *l == standing && *end + 1 == p.year => *end = p.year,
                _ => runs.push((standing, p.year, p.year)),
            }
        }
        let gap_years: Vec<i32> = (first..=last).filter(|y| !rated.contains(y)).collect();
        let gaps = self.gaps(&gap_years);
        let name =
            |s: Standing| standing_words(self.dataset, &rating.scale, s, (self.lang, self.ui));

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
            let mut levels: Vec<Standing> = Vec::new();
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
    // Comparison

    /// Where each subject stands in the comparison's last year, and who moved since the plan's
    /// first year (when the comparison's years hold it).
    fn compare(&self, selection: &CompareSelection) -> Option<String> {
        let scale = self.dataset.scales.get(selection.scale)?;
        let (first, last) = selection.years;
        let groups = self.groups(selection, last);
        let mut out = self.tf(
            Msg::CompareIn,
            &[&self.shown(&scale.label), &self.year(last), &groups],
        );
        let start = self.dataset.plan.period.0;
        if first <= start && start < last {
            let moves = self.moves(selection, (start, last));
            let start = self.year(start);
            out.push(' ');
            out.push_str(&if moves.is_empty() {
                self.tf(Msg::CompareNoMoves, &[&start])
            } else {
                self.tf(
                    Msg::CompareMoves,
                    &[&start, &moves.join(semicolon(self.ui))],
                )
            });
        }
        Some(out)
    }

    /// A rating's subject as a sentence names it: its name, else the rating's label.
    fn subject_of(&self, rating: &'a Rating) -> String {
        let subject = rating.subject.as_deref();
        match subject.and_then(|c| self.dataset.subject(c)) {
            Some(s) => self.shown(&s.name),
            None => self.shown(&rating.label),
        }
    }

    /// "Morocco and Mauritania on Tier 2; Libya as a special case; no data for Egypt": the
    /// subjects grouped by where they stand in `year`, in the order of each group's first.
    fn groups(&self, selection: &CompareSelection, year: i32) -> String {
        let mut groups: Vec<(Standing, Vec<String>, &Rating)> = Vec::new();
        for &r in &selection.ratings {
            let Some(rating) = self.dataset.ratings.get(r) else {
                continue;
            };
            let standing = rating.standing_in(year);
            let name = self.subject_of(rating);
            match groups.iter_mut().find(|(s, _, _)| *s == standing) {
                Some((_, names, _)) => names.push(name),
                None => groups.push((standing, vec![name], rating)),
            }
        }
        let mut parts = Vec::new();
        for (standing, names, rating) in &groups {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let names = i18n::join_list(self.ui, &names);
            parts.push(match standing {
                Standing::Level(_) => {
                    let level = standing_words(
                        self.dataset,
                        &rating.scale,
                        *standing,
                        (self.lang, self.ui),
                    );
                    self.tf(Msg::CompareOn, &[&names, &level])
                }
                Standing::SpecialCase => self.tf(Msg::CompareSpecialCase, &[&names]),
                Standing::NotRanked => self.tf(Msg::CompareNotRanked, &[&names]),
                Standing::Gap => self.tf(Msg::CompareGap, &[&names]),
            });
        }
        parts.join(semicolon(self.ui))
    }

    /// "Algeria from Tier 3 to Tier 2 Watch List": each subject that stands elsewhere in `to`
    /// than in `from`; a year without a figure is no move.
    fn moves(&self, selection: &CompareSelection, (from, to): (i32, i32)) -> Vec<String> {
        let mut moves = Vec::new();
        for &r in &selection.ratings {
            let Some(rating) = self.dataset.ratings.get(r) else {
                continue;
            };
            let (a, b) = (rating.standing_in(from), rating.standing_in(to));
            if a == b || a == Standing::Gap || b == Standing::Gap {
                continue;
            }
            let words = |s| standing_words(self.dataset, &rating.scale, s, (self.lang, self.ui));
            let name = self.subject_of(rating);
            moves.push(self.tf(Msg::CompareMove, &[&name, &words(a), &words(b)]));
        }
        moves
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

    fn status(&self, subject: &Subject) -> Option<String> {
        match subject {
            Subject::Commitments => {
                let counts = self.counts(self.dataset.commitments.iter().map(|c| c.status.value));
                Some(self.tf(Msg::StatusCommitments, &[&counts]))
            }
            Subject::Lists(lists) => {
                let sentences: Vec<String> = lists
                    .iter()
                    .filter_map(|&l| self.dataset.recommendations.get(l))
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

    fn progress(&self, groups: &[Group]) -> Option<String> {
        let shown: Vec<&Commitment> = groups
            .iter()
            .flat_map(|g| g.rows.iter())
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

    fn timeline(&self, shown: &[usize], short: bool) -> Option<String> {
        let milestones = &self.dataset.milestones;
        let mut items: Vec<&Milestone> = Vec::new();
        for &i in shown {
            items.extend(milestones.get(i));
        }
        let shown = items;
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
    /// current level, the first default series, the board by status, the milestones.
    fn overview(&self, panels: &[Panel]) -> Option<String> {
        let sentences: Vec<String> = panels
            .iter()
            .filter_map(|p| match &p.selection {
                Selection::Rating(r) => self.rating(r, true),
                Selection::Series(s) => self.series(&p.view, s, true),
                Selection::Status(subject) => self.status(subject),
                Selection::Timeline(shown) => self.timeline(shown, true),
                Selection::Progress(groups) => self.progress(groups),
                Selection::Overview(_) | Selection::Compare(_) => None,
            })
            .collect();
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
