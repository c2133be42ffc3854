//! The data table: the same data as the chart, as rows and columns, for the widget's table
//! view, screen readers and the CSV download.
//!
//! One [`Table`] per view: the series view has one row per year and one column per series; the
//! rating view one row per year; the status board one row per recommendation or commitment
//! (and a last row for the part of a list nobody transcribed); the progress view one row per
//! commitment; the timeline one row per milestone; the overview shows the series table. A
//! figure that does not exist is a cell that says so ("no data"), never a zero.

use super::summary::{self, Selection};
use crate::chart::{View, ViewKind};
use crate::i18n::{self, format_number, Locale, Msg};
use crate::json::{self, Json};
use crate::model::{self, Dataset, Indicator, Status, StatusValue, Text};

/// The table of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table shows (the chart's title).
    pub caption: String,
    /// The heading of the row-header column ("Year", "Commitments", "Date").
    pub header: String,
    /// The data columns, after the row-header column.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    /// The unit of the figures in this column, when it holds figures.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The year, item or date the row is about.
    pub header: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// As a reader reads it, in the view's language ("1,749", "Tier 2", "no data").
    pub text: String,
    /// The figure itself, unformatted, when the cell holds one.
    pub value: Option<f64>,
    pub note: Option<String>,
    /// The publisher of the source of this cell.
    pub source: Option<String>,
    /// Nothing is known here: no figure, no rating, no progress published (an empty cell in
    /// CSV). Never a zero.
    pub missing: bool,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
            note: None,
            source: None,
            missing: false,
        }
    }

    fn missing(text: impl Into<String>) -> Cell {
        Cell {
            missing: true,
            ..Cell::text(text)
        }
    }
}

impl Table {
    /// The table for the browser (the widget builds its `<table>` from this).
    pub fn to_json(&self) -> Json {
        let columns = self
            .columns
            .iter()
            .map(|c| {
                json::object([
                    ("label", c.label.as_str().into()),
                    ("unit", c.unit.clone().into()),
                ])
            })
            .collect();
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .map(|c| {
                        json::object([
                            ("text", c.text.as_str().into()),
                            ("value", c.value.into()),
                            ("note", c.note.clone().into()),
                            ("source", c.source.clone().into()),
                            ("missing", Json::Bool(c.missing)),
                        ])
                    })
                    .collect();
                json::object([
                    ("header", r.header.as_str().into()),
                    ("cells", Json::Array(cells)),
                ])
            })
            .collect();
        json::object([
            ("caption", self.caption.as_str().into()),
            ("header", self.header.as_str().into()),
            ("columns", Json::Array(columns)),
            ("rows", Json::Array(rows)),
        ])
    }

    /// The table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
    /// a comma, a quote or a line break), UTF-8 with a byte order mark so that spreadsheet
    /// programs read Arabic and accented text correctly. A header row names the columns with
    /// their unit in brackets; figures are written unformatted (`213`, `38.5`) and a cell
    /// without data is empty.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let mut header = vec![field(&self.header)];
        header.extend(self.columns.iter().map(|c| match &c.unit {
            Some(unit) if !unit.is_empty() => field(&format!("{} [{unit}]", c.label)),
            _ => field(&c.label),
        }));
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let mut fields = vec![field(&row.header)];
            fields.extend(row.cells.iter().map(|c| match c.value {
                Some(v) if v.is_finite() => format!("{v}"),
                _ if c.missing => String::new(),
                _ => field(&c.text),
            }));
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// One CSV field. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`) gets a leading apostrophe, as OWASP advises for CSV downloads; figures never do.
fn field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The data table of `view` over `dataset`, in the view's language. A view that cannot be
/// drawn (an unknown series, nothing in these years) gives a table without rows.
pub fn table(dataset: &Dataset, view: &View) -> Table {
    let t = Tables {
        dataset,
        lang: view.text_lang(),
        ui: view.ui_lang(),
    };
    // a view that cannot be drawn: a table that says so, with no rows
    let empty = |header: Msg| Table {
        caption: i18n::t(t.ui, Msg::NothingToShow).to_string(),
        header: i18n::t(t.ui, header).to_string(),
        columns: Vec::new(),
        rows: Vec::new(),
    };
    match view.kind {
        ViewKind::Series => t.series(view).unwrap_or_else(|| empty(Msg::Year)),
        ViewKind::Overview => t.overview(view).unwrap_or_else(|| empty(Msg::Date)),
        ViewKind::Rating => t.rating(view).unwrap_or_else(|| empty(Msg::Year)),
        ViewKind::Status => t.status(view).unwrap_or_else(|| empty(Msg::Commitments)),
        ViewKind::Progress => t.progress(view).unwrap_or_else(|| empty(Msg::Commitments)),
        ViewKind::Timeline => t.timeline(view),
    }
}

struct Tables<'a> {
    dataset: &'a Dataset,
    lang: &'a str,
    ui: Locale,
}

impl<'a> Tables<'a> {
    fn text(&self, t: &'a Text) -> &'a str {
        self.dataset.text(t, self.lang)
    }

    fn opt(&self, t: &'a Option<Text>) -> Option<String> {
        t.as_ref().map(|t| self.text(t).to_string())
    }

    fn publisher(&self, key: Option<&str>) -> Option<String> {
        let source = self.dataset.source(key?)?;
        Some(self.text(&source.publisher).to_string())
    }

    fn no_data(&self) -> Cell {
        Cell::missing(i18n::t(self.ui, Msg::NoData))
    }

    /// The overview's table: one row for every datum its panels draw (ratings, figures,
    /// commitments, milestones), so that nothing the dashboard shows is missing from it.
    fn overview(&self, view: &View) -> Option<Table> {
        let scene = crate::chart::build(self.dataset, view, &crate::chart::Estimate).ok()?;
        let rows = scene
            .targets
            .iter()
            .filter_map(|t| super::details(self.dataset, view, t.datum))
            .map(|d| Row {
                // every row is named by what it is about (axe: no empty row header)
                header: d.heading.clone(),
                cells: vec![
                    match &d.when {
                        Some(when) => Cell::text(when.clone()),
                        None => Cell::missing(""),
                    },
                    Cell::text(d.value.clone()),
                    Cell::text(
                        d.source
                            .as_ref()
                            .map(|s| s.publisher.clone())
                            .unwrap_or_default(),
                    ),
                ],
            })
            .collect();
        let column = |msg: Msg| Column {
            label: i18n::t(self.ui, msg).to_string(),
            unit: None,
        };
        Some(Table {
            caption: self.text(&self.dataset.plan.title).to_string(),
            header: i18n::t(self.ui, Msg::Item).to_string(),
            columns: vec![
                column(Msg::Date),
                column(Msg::Value),
                column(Msg::SourceColumn),
            ],
            rows,
        })
    }

    fn series(&self, view: &View) -> Option<Table> {
        let chosen = summary::selected_series(self.dataset, view)?;
        let in_view = |i: &&Indicator| i.points.iter().any(|p| summary::shows_year(view, p.year));
        if !chosen.iter().any(in_view) {
            return None;
        }
        let shown: Vec<_> = chosen
            .iter()
            .filter(|ind| !view.hidden.contains(&ind.id))
            .collect();
        let labels: Vec<&str> = chosen.iter().map(|i| self.text(&i.label)).collect();
        let years = model::distinct_years(
            shown
                .iter()
                .flat_map(|ind| ind.points.iter().map(|p| p.year))
                .filter(|y| summary::shows_year(view, *y)),
        );
        let columns = shown
            .iter()
            .map(|ind| Column {
                label: self.text(&ind.label).to_string(),
                unit: Some(self.text(&ind.unit).to_string()),
            })
            .collect();
        let rows = years
            .iter()
            .map(|&year| Row {
                header: i18n::format_year(year, self.ui),
                cells: shown
                    .iter()
                    .map(|ind| match ind.points.iter().find(|p| p.year == year) {
                        Some(p) => {
                            let mut cell = match p.value {
                                Some(v) => Cell {
                                    value: Some(v),
                                    ..Cell::text(format_number(v, self.ui, 2))
                                },
                                None => self.no_data(),
                            };
                            cell.note = self.opt(&p.note);
                            cell.source = self.publisher(p.source.as_deref());
                            cell
                        }
                        None => self.no_data(),
                    })
                    .collect(),
            })
            .collect();
        Some(Table {
            caption: i18n::join_list(self.ui, &labels),
            header: i18n::t(self.ui, Msg::Year).to_string(),
            columns,
            rows,
        })
    }

    fn rating(&self, view: &View) -> Option<Table> {
        let rating = summary::selected_rating(self.dataset, view)?;
        let rows = rating
            .points
            .iter()
            .filter(|p| summary::shows_year(view, p.year))
            .map(|p| {
                let mut cell = match p.level.and_then(|l| rating.scale.get(l)) {
                    Some(level) => Cell::text(self.text(&level.label)),
                    None => self.no_data(),
                };
                cell.note = self.opt(&p.note);
                cell.source = self.publisher(p.source.as_deref());
                Row {
                    header: i18n::format_year(p.year, self.ui),
                    cells: vec![cell],
                }
            })
            .collect();
        let label = self.text(&rating.label).to_string();
        Some(Table {
            caption: label.clone(),
            header: i18n::t(self.ui, Msg::Year).to_string(),
            columns: vec![Column { label, unit: None }],
            rows,
        })
    }

    fn status_columns(&self) -> Vec<Column> {
        [
            Msg::Status,
            Msg::AssessedByColumn,
            Msg::AssessedOn,
            Msg::SourceColumn,
        ]
        .into_iter()
        .map(|m| Column {
            label: i18n::t(self.ui, m).to_string(),
            unit: None,
        })
        .collect()
    }

    /// Status, assessed by, assessed on and source cells of one item.
    fn status_cells(&self, status: &Status, source: Option<&str>) -> Vec<Cell> {
        let mut value = Cell::text(i18n::status_name(self.ui, status.value));
        value.note = self.opt(&status.note);
        value.source = self.publisher(status.source.as_deref());
        let by = match &status.assessed_by {
            Some(by) => Cell {
                source: self.publisher(status.source.as_deref()),
                ..Cell::text(self.text(by))
            },
            None => Cell::missing(""),
        };
        let on = match &status.assessed_on {
            Some(on) => Cell::text(i18n::format_date(on, self.ui, false)),
            None => Cell::missing(""),
        };
        let publisher = self.publisher(source);
        let source = match &publisher {
            Some(p) => Cell {
                source: publisher.clone(),
                ..Cell::text(p.as_str())
            },
            None => Cell::missing(""),
        };
        vec![value, by, on, source]
    }

    fn status(&self, view: &View) -> Option<Table> {
        let subject = summary::selected_status(self.dataset, view)?;
        let mut rows = Vec::new();
        let (caption, header) = match &subject {
            Selection::Commitments => {
                for c in &self.dataset.commitments {
                    let source = c.source.as_deref().or(c.status.source.as_deref());
                    rows.push(Row {
                        header: self.text(&c.label).to_string(),
                        cells: self.status_cells(&c.status, source),
                    });
                }
                let title = i18n::t(self.ui, Msg::Commitments).to_string();
                (title, Msg::Commitments)
            }
            Selection::Lists(lists) => {
                let several = lists.len() > 1;
                for l in lists {
                    let prefix = if several {
                        format!("{} · ", l.year)
                    } else {
                        String::new()
                    };
                    for (_, r) in l.ranked() {
                        let rank = r.rank.map(|n| format!("{n}. ")).unwrap_or_default();
                        let mut cells = self.status_cells(&r.status, Some(&r.source));
                        if !r.complete {
                            if let Some(cell) = cells.last_mut() {
                                cell.note = Some(i18n::t(self.ui, Msg::Truncated).to_string());
                            }
                        }
                        rows.push(Row {
                            header: format!("{prefix}{rank}{}", self.text(&r.text)),
                            cells,
                        });
                    }
                    let listed = u32::try_from(l.items.len()).unwrap_or(u32::MAX);
                    if let Some(missing) = l.declared_count.and_then(|d| d.checked_sub(listed)) {
                        if missing > 0 {
                            let mut cells =
                                vec![Cell::text(i18n::status_name(self.ui, StatusValue::Unknown))];
                            cells.extend((0..3).map(|_| Cell::missing("")));
                            if let Some(cell) = cells.last_mut() {
                                if let Some(p) = self.publisher(l.declared_count_source.as_deref())
                                {
                                    *cell = Cell {
                                        source: Some(p.clone()),
                                        ..Cell::text(p)
                                    };
                                }
                            }
                            let n = format_number(f64::from(missing), self.ui, 0);
                            rows.push(Row {
                                header: format!(
                                    "{prefix}{}",
                                    i18n::tf(self.ui, Msg::NotTranscribed, &[&n])
                                ),
                                cells,
                            });
                        }
                    }
                }
                let title = match lists.as_slice() {
                    [one] => self.text(&one.title).to_string(),
                    _ => i18n::t(self.ui, Msg::Recommendations).to_string(),
                };
                (title, Msg::Recommendations)
            }
        };
        Some(Table {
            caption,
            header: i18n::t(self.ui, header).to_string(),
            columns: self.status_columns(),
            rows,
        })
    }

    fn progress(&self, view: &View) -> Option<Table> {
        let groups = summary::selected_progress(self.dataset, view)?;
        let mut rows = Vec::new();
        for (axis, indices) in &groups {
            for &i in indices {
                let Some(c) = self.dataset.commitments.get(i) else {
                    continue;
                };
                let axis = match axis {
                    Some(a) => Cell::text(self.text(&a.label)),
                    None => Cell::text(i18n::t(self.ui, Msg::AxisUnknown)),
                };
                let mut status = Cell::text(i18n::status_name(self.ui, c.status.value));
                status.note = self.opt(&c.status.note);
                status.source = self.publisher(c.status.source.as_deref());
                let progress = match c.progress {
                    Some(p) => Cell {
                        value: Some(p),
                        source: self.publisher(c.progress_source.as_deref()),
                        ..Cell::text(i18n::format_percent(p, self.ui))
                    },
                    None => Cell::missing(i18n::t(self.ui, Msg::NonePublished)),
                };
                let target = match &c.target {
                    Some(d) => Cell::text(i18n::format_date(d, self.ui, false)),
                    None => self.no_data(),
                };
                rows.push(Row {
                    header: self.text(&c.label).to_string(),
                    cells: vec![axis, status, progress, target],
                });
            }
        }
        let plan = &self.dataset.plan;
        let caption = if plan.title.has(self.lang) {
            self.text(&plan.title).to_string()
        } else {
            let (a, b) = plan.period;
            format!("{} {a}–{b}", i18n::t(self.ui, Msg::Commitments))
        };
        let column = |m: Msg, unit: Option<&str>| Column {
            label: i18n::t(self.ui, m).to_string(),
            unit: unit.map(str::to_string),
        };
        Some(Table {
            caption,
            header: i18n::t(self.ui, Msg::Commitments).to_string(),
            columns: vec![
                column(Msg::Axis, None),
                column(Msg::Status, None),
                column(Msg::Progress, Some("%")),
                column(Msg::TargetColumn, None),
            ],
            rows,
        })
    }

    fn timeline(&self, view: &View) -> Table {
        let rows = summary::selected_milestones(self.dataset, view)
            .into_iter()
            .map(|m| {
                let mut label = Cell::text(self.text(&m.label));
                label.note = self.opt(&m.note);
                let publisher = self.publisher(Some(&m.source));
                let source = match &publisher {
                    Some(p) => Cell {
                        source: publisher.clone(),
                        ..Cell::text(p.as_str())
                    },
                    None => Cell::missing(""),
                };
                Row {
                    header: i18n::format_date(&m.date, self.ui, false),
                    cells: vec![label, source],
                }
            })
            .collect();
        Table {
            caption: i18n::t(self.ui, Msg::Milestones).to_string(),
            header: i18n::t(self.ui, Msg::Date).to_string(),
            columns: vec![
                Column {
                    label: i18n::t(self.ui, Msg::Milestone).to_string(),
                    unit: None,
                },
                Column {
                    label: i18n::t(self.ui, Msg::SourceColumn).to_string(),
                    unit: None,
                },
            ],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-cmd, x"), "\"'-cmd, x\"");
    }
}
