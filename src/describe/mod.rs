//! Words about the data: what a tooltip, a screen-reader announcement or a `select` event says
//! about one datum, in the reader's language. (Summaries, tables, CSV and the sources panel
//! come here too.)

pub mod sources;
pub mod summary;
pub mod table;

pub use sources::{sources, Sources};
pub use summary::{summary, summary_of};
pub use table::{table, table_of, Cell, Column, Row, Table};

use crate::chart::{Datum, Target, View};
use crate::i18n::{self, format_number, Lang, Locale, Msg};
use crate::json::{self, Json};
use crate::model::{Dataset, Level, Standing, Status, Text};

/// Where a datum comes from, as a reader cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    /// The source's key in the dataset.
    pub key: String,
    /// Its title, in the reader's language.
    pub title: String,
    /// Who published it, in the reader's language.
    pub publisher: String,
    /// Its address, as the dataset gives it.
    pub url: Option<String>,
    /// Its publication date in ISO form, at the precision known (`2019-05`).
    pub date: Option<String>,
}

/// Everything said about one datum.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    /// What it is: the series, list or commitment.
    pub heading: String,
    /// The figure with its unit, the level, the status or the event.
    pub value: String,
    /// The year or date it refers to.
    pub when: Option<String>,
    /// Further lines: description, assessment, target, truncation.
    pub lines: Vec<String>,
    /// The datum's own note (a figure's, a level's, a commitment's, a milestone's), in the reader's
    /// language; a recommendation has none.
    pub note: Option<String>,
    /// Where the datum comes from: a point's source, the copy a recommendation was read in, a
    /// commitment's assessment (else where it is named), a milestone's source; `None` when it has
    /// none (a gap).
    pub source: Option<SourceRef>,
    /// Machine-readable description for the `select` event.
    pub data: Json,
}

impl Details {
    /// What the widget's script reads: `{heading, value, when, lines, note, source, data}`,
    /// `source` being `{key, title, publisher, url, date}` or null.
    pub fn to_json(&self) -> Json {
        let source = self.source.as_ref().map(|s| {
            json::object([
                ("key", s.key.as_str().into()),
                ("title", s.title.as_str().into()),
                ("publisher", s.publisher.as_str().into()),
                ("url", s.url.clone().into()),
                ("date", s.date.clone().into()),
            ])
        });
        json::object([
            ("heading", self.heading.as_str().into()),
            ("value", self.value.as_str().into()),
            ("when", self.when.clone().into()),
            (
                "lines",
                Json::Array(self.lines.iter().map(|l| l.as_str().into()).collect()),
            ),
            ("note", self.note.clone().into()),
            ("source", source.unwrap_or(Json::Null)),
            ("data", self.data.clone()),
        ])
    }

    /// One sentence for a live region: heading, value, when, note, source.
    pub fn sentence(&self, lang: impl Into<Lang>) -> String {
        let lang = lang.into();
        let mut parts = vec![self.heading.clone()];
        if let Some(when) = &self.when {
            parts.push(when.clone());
        }
        parts.push(self.value.clone());
        parts.extend(self.lines.iter().cloned());
        if let Some(note) = &self.note {
            parts.push(note.clone());
        }
        if let Some(s) = &self.source {
            parts.push(format!("{} {}", i18n::t(lang, Msg::Source), s.publisher));
        }
        // parts that end a sentence ("…counting.") are followed by a space, not a comma
        let comma = if lang == Lang::Ar { "، " } else { ", " };
        let mut out = String::new();
        for part in parts.iter().filter(|p| !p.trim().is_empty()) {
            if !out.is_empty() {
                let ended = out.trim_end().ends_with(['.', '!', '?', '؟', '…', ':']);
                out.push_str(if ended { " " } else { comma });
            }
            out.push_str(part.trim());
        }
        out
    }
}

impl Details {
    /// What the page shows and says about the datum of `target`: [`Details::to_json`] with the
    /// sentence for the live region and the `box` [x, y, w, h] of its mark in CSS pixels.
    pub fn for_page(dataset: &Dataset, view: &View, target: &Target) -> Option<Json> {
        let d = details(dataset, view, target.datum)?;
        let mut out = d.to_json();
        if let (Some(Json::Object(source)), Some(s)) = (out.get_mut("source"), &d.source) {
            // how the tooltip cites it: "publisher, title, date"
            let parts = [Some(&s.publisher), Some(&s.title), s.date.as_ref()];
            let parts: Vec<&str> = parts.into_iter().flatten().map(String::as_str).collect();
            source.push((
                "cite".into(),
                parts.join(i18n::comma(view.ui_lang())).into(),
            ));
        }
        if let Json::Object(members) = &mut out {
            members.push(("sentence".into(), d.sentence(view.ui_lang()).into()));
            let place = [target.x, target.y, target.w, target.h];
            let place = Json::Array(place.into_iter().map(Json::from).collect());
            members.push(("box".into(), place));
        }
        Some(out)
    }
}

/// What is said about `datum` in the view's language. `None` if the datum does not exist
/// (a stale index after the data changed).
pub fn details(dataset: &Dataset, view: &View, datum: Datum) -> Option<Details> {
    let w = Words {
        dataset,
        lang: view.text_lang(),
        ui: view.ui_lang(),
    };
    match datum {
        Datum::Figure { indicator, point } => w.figure(indicator, point),
        Datum::Rated { rating, point } => {
            let year = dataset.ratings.get(rating)?.points.get(point)?.year;
            w.rated(rating, year, false)
        }
        Datum::Compared { rating, year } => w.rated(rating, year, true),
        Datum::Recommendation { list, item } => w.recommendation(list, item),
        Datum::Commitment { index } => w.commitment(index),
        Datum::Milestone { index } => w.milestone(index),
    }
}

/// What a rating says of a year, in the reader's words: its level's label (`levels` are the
/// rating's), "special case", "not ranked" or "no data". The tooltip, the summary and the table
/// keep the three kinds of year without a level apart with it.
pub(crate) fn standing_words(
    dataset: &Dataset,
    levels: &[Level],
    standing: Standing,
    (lang, ui): (&str, Locale),
) -> String {
    let msg = match standing {
        Standing::Level(l) => {
            let label = levels.get(l).map_or("", |l| dataset.text(&l.label, lang));
            return i18n::bidi::embed(label, ui.is_rtl());
        }
        Standing::SpecialCase => Msg::SpecialCase,
        Standing::NotRanked => Msg::NotRanked,
        Standing::Gap => Msg::NoData,
    };
    i18n::t(ui, msg).to_string()
}

/// A yearly datum's series label, year, note and source key.
struct Yearly<'a> {
    label: &'a Text,
    year: i32,
    note: Option<&'a Text>,
    source: Option<&'a str>,
}

struct Words<'a> {
    dataset: &'a Dataset,
    lang: &'a str,
    ui: Locale,
}

impl<'a> Words<'a> {
    /// Dataset text as the page shows it to this reader (see `i18n::bidi::embed`).
    fn text(&self, t: &'a Text) -> String {
        i18n::bidi::embed(self.dataset.text(t, self.lang), self.ui.is_rtl())
    }

    fn opt(&self, t: &'a Option<Text>) -> Option<String> {
        t.as_ref().map(|t| self.text(t))
    }

    fn source(&self, key: Option<&str>) -> Option<SourceRef> {
        let key = key?;
        let s = self.dataset.source(key)?;
        Some(SourceRef {
            key: key.to_string(),
            title: self.text(&s.title).to_string(),
            publisher: self.text(&s.publisher).to_string(),
            url: s.url.clone(),
            date: s.date.map(|d| i18n::format_date(&d, self.ui, false)),
        })
    }

    fn figure(&self, indicator: usize, point: usize) -> Option<Details> {
        let ind = self.dataset.indicators.get(indicator)?;
        let p = ind.points.get(point)?;
        let unit = self.text(&ind.unit);
        let raw_unit = self.dataset.text(&ind.unit, self.lang);
        let value = match p.value {
            Some(v) => format!("{} {unit}", format_number(v, self.ui, 2)),
            None => i18n::t(self.ui, Msg::NoFigure).to_string(),
        };
        let data = json::object([
            ("kind", "figure".into()),
            ("series", ind.id.as_str().into()),
            ("year", f64::from(p.year).into()),
            ("value", p.value.into()),
            ("unit", raw_unit.into()),
            ("source", p.source.clone().into()),
        ]);
        let about = Yearly {
            label: &ind.label,
            year: p.year,
            note: p.note.as_ref(),
            source: p.source.as_deref(),
        };
        Some(self.yearly(about, value, data))
    }

    /// What is said about a yearly datum (a figure, a level): its series, the year, the value,
    /// its note and its source.
    fn yearly(&self, about: Yearly<'a>, value: String, data: Json) -> Details {
        Details {
            heading: self.text(about.label),
            value,
            when: Some(i18n::format_year(about.year, self.ui)),
            lines: Vec::new(),
            note: about.note.map(|t| self.text(t)),
            source: self.source(about.source),
            data,
        }
    }

    /// A rating's year: its level, placement or gap. A year of a comparison (`compared`) is
    /// headed by its subject's name and says which subject it is in its data.
    fn rated(&self, rating: usize, year: i32, compared: bool) -> Option<Details> {
        let r = self.dataset.ratings.get(rating)?;
        let p = r.at(year);
        let standing = r.standing_in(year);
        let value = standing_words(self.dataset, &r.scale, standing, (self.lang, self.ui));
        let level = match standing {
            Standing::Level(l) => r.scale.get(l).map(|l| l.id.as_str()),
            _ => None,
        };
        let source = p.and_then(|p| p.source.as_deref());
        let subject = r.subject.as_deref().and_then(|c| self.dataset.subject(c));
        let subject = subject.filter(|_| compared);
        let data = json::object([
            ("kind", if compared { "compared" } else { "rating" }.into()),
            ("series", r.id.as_str().into()),
            ("subject", subject.map(|s| s.code.as_str()).into()),
            ("year", f64::from(year).into()),
            ("value", level.into()),
            (
                "placement",
                p.and_then(|p| p.placement).map(|p| p.name()).into(),
            ),
            ("source", source.into()),
        ]);
        let label = subject.map_or(&r.label, |s| &s.name);
        let about = Yearly {
            label,
            year,
            note: p.and_then(|p| p.note.as_ref()),
            source,
        };
        Some(self.yearly(about, value, data))
    }

    fn status_lines(&self, status: &Status) -> Vec<String> {
        let mut lines = Vec::new();
        if let (Some(by), Some(on)) = (&status.assessed_by, status.assessed_on) {
            let by = self.text(by);
            let on = i18n::format_date(&on, self.ui, false);
            lines.push(i18n::tf(self.ui, Msg::AssessedBy, &[&by, &on]));
        }
        lines.extend(self.opt(&status.note));
        lines
    }

    fn recommendation(&self, list: usize, item: usize) -> Option<Details> {
        let l = self.dataset.recommendations.get(list)?;
        let r = l.items.get(item)?;
        let mut lines = vec![format!(
            "{}: {}",
            i18n::t(self.ui, Msg::Status),
            i18n::status_name(self.ui, r.status.value)
        )];
        lines.extend(self.status_lines(&r.status));
        if !r.complete {
            lines.push(i18n::t(self.ui, Msg::Truncated).to_string());
        }
        let data = json::object([
            ("kind", "recommendation".into()),
            ("series", l.id.as_str().into()),
            ("id", r.id.as_str().into()),
            ("rank", r.rank.map(f64::from).into()),
            ("status", r.status.value.name().into()),
            ("source", r.source.as_str().into()),
        ]);
        Some(Details {
            heading: self.text(&l.title).to_string(),
            value: match r.rank {
                Some(rank) => format!("{rank}. {}", self.text(&r.text)),
                None => self.text(&r.text).to_string(),
            },
            when: Some(i18n::format_year(l.year, self.ui)),
            lines,
            note: None,
            source: self.source(Some(&r.source)),
            data,
        })
    }

    fn commitment(&self, index: usize) -> Option<Details> {
        let c = self.dataset.commitments.get(index)?;
        let mut lines: Vec<String> = self.opt(&c.description).into_iter().collect();
        if let Some(p) = c.progress {
            lines.push(i18n::format_percent(p, self.ui));
        }
        if let Some(target) = c.target {
            let target = i18n::format_date(&target, self.ui, false);
            lines.push(i18n::tf(self.ui, Msg::Target, &[&target]));
        }
        lines.extend(self.status_lines(&c.status));
        let source = c.status.source.as_deref().or(c.source.as_deref());
        let data = json::object([
            ("kind", "commitment".into()),
            ("id", c.id.as_str().into()),
            ("status", c.status.value.name().into()),
            ("progress", c.progress.into()),
            ("source", source.into()),
        ]);
        Some(Details {
            heading: self.text(&c.label).to_string(),
            value: i18n::status_name(self.ui, c.status.value).to_string(),
            when: None,
            lines,
            note: self.opt(&c.note),
            source: self.source(source),
            data,
        })
    }

    fn milestone(&self, index: usize) -> Option<Details> {
        let m = self.dataset.milestones.get(index)?;
        let data = json::object([
            ("kind", "milestone".into()),
            ("id", m.id.as_str().into()),
            ("date", m.date.to_string().into()),
            ("source", m.source.as_str().into()),
        ]);
        Some(Details {
            heading: i18n::t(self.ui, Msg::Milestones).to_string(),
            value: self.text(&m.label).to_string(),
            when: Some(i18n::format_date(&m.date, self.ui, false)),
            lines: self.opt(&m.description).into_iter().collect(),
            note: self.opt(&m.note),
            source: self.source(Some(&m.source)),
            data,
        })
    }
}
