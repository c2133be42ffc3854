//! Where the data of a view comes from: the widget's "Sources and notes" panel.
//!
//! The source line under a chart names publishers only; a reader who wants to check a figure
//! needs the documents themselves (title, publisher, date, address), the notes the dataset
//! attaches to the data shown, and where sources disagree. All of it is taken from the view's
//! [`Selection`], as the chart, the summary and the table are, so the panel lists exactly the
//! sources behind the data shown: a series hidden in the legend or a year outside `from`/`to`
//! brings none.

use super::summary::runs;
use crate::chart::{Datum, Selection, View};
use crate::i18n::{self, Locale, Msg};
use crate::json::{self, Json};
use crate::model::{self, Dataset};

/// The sources, notes and conflicts behind a drawn view, in the view's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources {
    /// Every source used, in order of first use (the order of the source line).
    pub sources: Vec<SourceEntry>,
    /// The notes on the data shown, each once, with what it is about.
    pub notes: Vec<Note>,
    /// The conflicts between sources that touch the data shown.
    pub conflicts: Vec<String>,
    /// The dataset itself: title, publisher, date, licence.
    pub dataset: String,
}

/// One document, as a reader cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    /// The source's key in the dataset.
    pub key: String,
    /// Its title, in the reader's language.
    pub title: String,
    /// Who published it, in the reader's language.
    pub publisher: String,
    /// Its publication date, written for the reader.
    pub date: Option<String>,
    /// The publisher and the date, as the panel writes them under the title.
    pub meta: String,
    /// Its address, only when it is `http://` or `https://` (the only links the widget makes).
    pub url: Option<String>,
    /// The dataset's note on it, in the reader's language.
    pub note: Option<String>,
}

/// A note of the dataset and the data it is attached to ("Tier placement: 2001–2013").
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The note, in the reader's language.
    pub text: String,
    /// What it is attached to: each series, rating or item once, with its years as runs ("Tier
    /// placement: 2001–2013, 2015").
    pub about: String,
}

impl Sources {
    /// The panel's data for the browser.
    pub fn to_json(&self) -> Json {
        let sources = self
            .sources
            .iter()
            .map(|s| {
                json::object([
                    ("key", s.key.as_str().into()),
                    ("title", s.title.as_str().into()),
                    ("publisher", s.publisher.as_str().into()),
                    ("date", s.date.clone().into()),
                    ("meta", s.meta.as_str().into()),
                    ("url", s.url.clone().into()),
                    ("note", s.note.clone().into()),
                ])
            })
            .collect();
        let notes = self
            .notes
            .iter()
            .map(|n| {
                json::object([
                    ("text", n.text.as_str().into()),
                    ("about", n.about.as_str().into()),
                ])
            })
            .collect();
        let conflicts = self.conflicts.iter().map(|c| c.as_str().into()).collect();
        json::object([
            ("sources", Json::Array(sources)),
            ("notes", Json::Array(notes)),
            ("conflicts", Json::Array(conflicts)),
            ("dataset", self.dataset.as_str().into()),
        ])
    }
}

/// The sources, notes and conflicts behind what `selection` holds, in the view's language.
pub fn sources(dataset: &Dataset, view: &View, selection: &Selection) -> Sources {
    let lang = view.text_lang();
    let ui = view.ui_lang();
    let keys = selection.sources(dataset, view);
    let data = selection.data(dataset, view);
    let sources = keys
        .iter()
        .filter_map(|key| entry(dataset, key, lang, ui))
        .collect();
    Sources {
        sources,
        notes: notes(dataset, view, &data),
        conflicts: conflicts(dataset, &data, &keys, lang),
        dataset: dataset_line(dataset, lang, ui),
    }
}

/// One source as the panel cites it; `None` for a key the dataset does not have (validation
/// makes that impossible, but the panel never fails for it).
fn entry(dataset: &Dataset, key: &str, lang: &str, ui: Locale) -> Option<SourceEntry> {
    let s = dataset.source(key)?;
    let publisher = dataset.text(&s.publisher, lang).to_string();
    let date = s.date.map(|d| i18n::format_date(&d, ui, false));
    let meta = match &date {
        Some(date) => format!("{publisher}{}{date}", i18n::comma(ui)),
        None => publisher.clone(),
    };
    Some(SourceEntry {
        key: key.to_string(),
        title: dataset.text(&s.title, lang).to_string(),
        publisher,
        date,
        meta,
        url: s.url.clone().filter(|u| is_web_address(u)),
        note: s
            .note
            .as_ref()
            .map(|n| i18n::bidi::embed(dataset.text(n, lang), ui.is_rtl())),
    })
}

/// Whether `url` is an `http://` or `https://` address: the widget links nothing else (a
/// `javascript:` or `data:` address in a hostile dataset is shown as no link at all).
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// What a note is attached to: a series or rating and a year, or an item.
struct Use {
    subject: String,
    year: Option<i32>,
}

/// The notes of the data shown, each text once, in order of first use.
fn notes(dataset: &Dataset, view: &View, data: &[Datum]) -> Vec<Note> {
    let mut found: Vec<(String, Vec<Use>)> = Vec::new();
    for &datum in data {
        let Some(d) = super::details(dataset, view, datum) else {
            continue;
        };
        let Some(text) = d.note.filter(|n| !n.trim().is_empty()) else {
            continue;
        };
        let used = match datum {
            Datum::Figure { indicator, point } => Use {
                subject: d.heading,
                year: dataset
                    .indicators
                    .get(indicator)
                    .and_then(|i| i.points.get(point))
                    .map(|p| p.year),
            },
            Datum::Rated { rating, point } => Use {
                subject: d.heading,
                year: dataset
                    .ratings
                    .get(rating)
                    .and_then(|r| r.points.get(point))
                    .map(|p| p.year),
            },
            Datum::Compared { year, .. } => Use {
                subject: d.heading,
                year: Some(year),
            },
            // a milestone's heading is "Milestones": it is named by its label
            Datum::Milestone { .. } => Use {
                subject: d.value,
                year: None,
            },
            _ => Use {
                subject: d.heading,
                year: None,
            },
        };
        match found.iter_mut().find(|(t, _)| *t == text) {
            Some((_, uses)) => uses.push(used),
            None => found.push((text, vec![used])),
        }
    }
    let ui = view.ui_lang();
    found
        .into_iter()
        .map(|(text, uses)| Note {
            text,
            about: about(&uses, ui),
        })
        .collect()
}

/// "Tier placement: 2001–2013, 2015; Prosecutions: 2024": each subject once, with its years
/// as runs.
fn about(uses: &[Use], ui: Locale) -> String {
    let mut subjects: Vec<(&str, Vec<i32>)> = Vec::new();
    for u in uses {
        let at = subjects.iter().position(|(s, _)| *s == u.subject);
        let at = at.unwrap_or_else(|| {
            subjects.push((&u.subject, Vec::new()));
            subjects.len() - 1
        });
        subjects[at].1.extend(u.year);
    }
    let (comma, semicolon) = if ui.is_rtl() {
        ("، ", "؛ ")
    } else {
        (", ", "; ")
    };
    let parts: Vec<String> = subjects
        .into_iter()
        .map(|(subject, years)| {
            let years = model::distinct_years(years);
            if years.is_empty() {
                return subject.to_string();
            }
            let spans: Vec<String> = runs(&years)
                .into_iter()
                .map(|(a, b)| i18n::format_years(a, b, ui))
                .collect();
            i18n::tf(ui, Msg::Topic, &[subject, &spans.join(comma)])
        })
        .collect();
    parts.join(semicolon)
}

/// The conflicts of the dataset that name a source used or a series shown.
fn conflicts(dataset: &Dataset, data: &[Datum], keys: &[&str], lang: &str) -> Vec<String> {
    let drawn: Vec<&str> = data
        .iter()
        .filter_map(|datum| match *datum {
            Datum::Figure { indicator, .. } => dataset.indicators.get(indicator),
            _ => None,
        })
        .map(|i| i.id.as_str())
        .collect();
    dataset
        .conflicts
        .iter()
        .filter(|c| {
            c.sources.iter().any(|s| keys.contains(&s.as_str()))
                || c.indicators.iter().any(|i| drawn.contains(&i.as_str()))
        })
        .map(|c| {
            i18n::bidi::embed(
                dataset.text(&c.text, lang),
                i18n::Lang::from_tag(lang).is_rtl(),
            )
        })
        .collect()
}

/// "Data: {plan title}, by {publisher}; updated: {date}; licence {licence}."
fn dataset_line(dataset: &Dataset, lang: &str, ui: Locale) -> String {
    let plan = &dataset.plan;
    let title = dataset.text(&plan.title, lang);
    let publisher = dataset.text(&plan.publisher, lang);
    let updated = i18n::format_date(&plan.updated, ui, false);
    i18n::tf(
        ui,
        Msg::DatasetLine,
        &[title, publisher, &updated, &plan.licence],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{self, Estimate, ViewKind};

    fn morocco() -> Dataset {
        let text = std::fs::read_to_string("data/morocco.json").unwrap();
        crate::model::load(&text).unwrap()
    }

    fn drawn(dataset: &Dataset, view: &View) -> Sources {
        let drawing = chart::draw(dataset, view, &Estimate).unwrap();
        sources(dataset, view, &drawing.selection)
    }

    #[test]
    fn the_rating_lists_the_sources_of_the_years_shown() {
        let dataset = morocco();
        let mut view = View::new(ViewKind::Rating, 700.0, 420.0);
        view.from = Some(2018);
        let rating = &dataset.ratings[0];
        let mut expected: Vec<&str> = Vec::new();
        for p in rating.points.iter().filter(|p| p.year >= 2018) {
            if let Some(k) = p.source.as_deref() {
                if !expected.contains(&k) {
                    expected.push(k);
                }
            }
        }
        let got = drawn(&dataset, &view);
        let keys: Vec<&str> = got.sources.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, expected);
        // Heiss & Kelley's years (2001-2013) are outside the view
        assert!(!keys.contains(&"heiss"));
        assert!(got.dataset.contains("CC-BY-4.0"));
    }

    #[test]
    fn hidden_series_bring_no_source_and_conflicts_follow_the_series() {
        let dataset = morocco();
        let mut view = View::new(ViewKind::Series, 700.0, 420.0);
        view.series = vec!["pmp-court-cases".into(), "pmp-persons-prosecuted".into()];
        let all = drawn(&dataset, &view);
        // pmp-court-cases has a conflict of its own (2020 cases)
        assert!(
            all.conflicts.iter().any(|c| c.contains("2020")),
            "{:?}",
            all.conflicts
        );
        view.hidden = vec!["pmp-court-cases".into()];
        let some = drawn(&dataset, &view);
        let only: Vec<&str> = dataset
            .indicator("pmp-persons-prosecuted")
            .unwrap()
            .points
            .iter()
            .filter_map(|p| p.source.as_deref())
            .collect();
        assert!(some.sources.iter().all(|s| only.contains(&s.key.as_str())));
        assert!(some.sources.len() < all.sources.len());
    }

    #[test]
    fn notes_are_listed_once_with_their_years() {
        let dataset = morocco();
        let view = View::new(ViewKind::Rating, 700.0, 420.0);
        let got = drawn(&dataset, &view);
        let texts: Vec<&str> = got.notes.iter().map(|n| n.text.as_str()).collect();
        let mut unique = texts.clone();
        unique.dedup();
        assert_eq!(texts.len(), unique.len());
        let heiss = got
            .notes
            .iter()
            .find(|n| n.text.starts_with("Medium confidence"))
            .unwrap();
        assert!(heiss.about.contains("2001\u{2013}"), "{}", heiss.about);
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_address("https://example.org/a"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("data:text/html,x"));
        assert!(!is_web_address("//example.org"));
    }
}
