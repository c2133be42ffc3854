//! The data table: the same data as the chart, as rows and columns, for the widget's table
//! view, screen readers and the CSV download.
//!
//! One [`Table`] per view: the series view has one row per year and one column per series; the
//! rating view one row per year; the status board one row per recommendation or commitment
//! (and a last row for the part of a list nobody transcribed); the progress view one row per
//! commitment; the timeline one row per milestone; the comparison one row per year and one
//! column per subject; the overview one row per datum of its panels. A figure that does not
//! exist is a cell that says so ("no data"), never a zero; a rating's year placed outside its
//! scale says "special case" or "not ranked", which the CSV writes out, while a gap is empty.

use crate::chart::select::{
    visible_points, CompareSelection, Group, Panel, RatingSelection, SeriesSelection, Subject,
};
use crate::chart::{self, Datum, Selection, View, ViewKind};
use crate::i18n::{self, format_number, Locale, Msg};
use crate::json::{self, Json};
use crate::model::{
    self, Commitment, Dataset, Indicator, Rating, RecommendationList, Standing, Status,
    StatusValue, Text,
};

/// The table of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table shows (the chart's title).
    pub caption: String,
    /// The heading of the row-header column ("Year", "Commitments", "Date").
    pub header: String,
    /// The data columns, after the row-header column.
    pub columns: Vec<Column>,
    /// The body rows: one per year, item or milestone, as the module's opening says.
    pub rows: Vec<Row>,
}

/// One data column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its heading, in the view's language: a series' label, a rating's, or a field's ("Status").
    pub label: String,
    /// The unit of the figures in this column, when it holds figures.
    pub unit: Option<String>,
}

/// One row of a table: its header and one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The year, item or date the row is about.
    pub header: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// One value of a table, with what the widget's table view and the CSV need beside its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// As a reader reads it, in the view's language ("1,749", "Tier 2", "no data").
    pub text: String,
    /// The figure itself, unformatted, when the cell holds one.
    pub value: Option<f64>,
    /// The note that goes with it (a point's, an assessment's, a milestone's, or that the text
    /// was cut short), in the view's language.
    pub note: Option<String>,
    /// The publisher of the source of this cell.
    pub source: Option<String>,
    /// Nothing is known here: no figure, no rating, no progress published (an empty cell in
    /// CSV). Never a zero.
    pub missing: bool,
    /// The datum this cell tells about (a figure, a year's level) or, in the first cell of a
    /// row about one item, the item.
    pub datum: Option<Datum>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: None,
            note: None,
            source: None,
            missing: false,
            datum: None,
        }
    }

    fn about(self, datum: Datum) -> Cell {
        Cell {
            datum: Some(datum),
            ..self
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
                Some(v) if v.is_finite() => crate::decimal::shortest(v),
                _ if c.missing => String::new(),
                _ => field(&c.text),
            }));
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// One CSV field: data, so without the direction isolates the page shows text with. Text that
/// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) gets a leading
/// apostrophe, as OWASP advises for CSV downloads; figures never do.
fn field(text: &str) -> String {
    let text = i18n::bidi::strip(text);
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The data table of `view` over `dataset`, in the view's language (see [`table_of`]).
pub fn table(dataset: &Dataset, view: &View) -> Table {
    match chart::select(dataset, view) {
        Ok(selection) => table_of(dataset, view, &selection),
        Err(_) => nothing(view.ui_lang(), view.kind),
    }
}

/// The data table of what `selection` holds, in the view's language.
pub fn table_of(dataset: &Dataset, view: &View, selection: &Selection) -> Table {
    let t = Tables {
        dataset,
        lang: view.text_lang(),
        ui: view.ui_lang(),
    };
    match selection {
        Selection::Series(s) => t.series(view, s),
        Selection::Rating(r) => t.rating(r),
        Selection::Status(subject) => t.status(subject),
        Selection::Progress(groups) => t.progress(groups),
        Selection::Timeline(shown) => t.timeline(shown),
        Selection::Overview(panels) => t.overview(panels),
        Selection::Compare(c) => t.compare(c),
    }
}

/// The table of a view that cannot be drawn (an unknown series, nothing in these years): it
/// says so, and has no rows.
fn nothing(ui: Locale, kind: ViewKind) -> Table {
    let header = match kind {
        ViewKind::Series | ViewKind::Rating | ViewKind::Compare => Msg::Year,
        ViewKind::Status | ViewKind::Progress => Msg::Commitments,
        ViewKind::Timeline | ViewKind::Overview => Msg::Date,
    };
    Table {
        caption: i18n::t(ui, Msg::NothingToShow).to_string(),
        header: i18n::t(ui, header).to_string(),
        columns: Vec::new(),
        rows: Vec::new(),
    }
}

struct Tables<'a> {
    dataset: &'a Dataset,
    lang: &'a str,
    ui: Locale,
}

impl<'a> Tables<'a> {
    /// Dataset text as the page shows it to this reader (see `i18n::bidi::embed`).
    fn text(&self, t: &'a Text) -> String {
        i18n::bidi::embed(self.dataset.text(t, self.lang), self.ui.is_rtl())
    }

    fn opt(&self, t: &'a Option<Text>) -> Option<String> {
        t.as_ref().map(|t| self.text(t))
    }

    fn publisher(&self, key: Option<&str>) -> Option<String> {
        let source = self.dataset.source(key?)?;
        Some(self.text(&source.publisher).to_string())
    }

    fn no_data(&self) -> Cell {
        Cell::missing(i18n::t(self.ui, Msg::NoData))
    }

    fn column(&self, msg: Msg) -> Column {
        Column {
            label: i18n::t(self.ui, msg).to_string(),
            unit: None,
        }
    }

    /// A cell naming the publisher of `key`'s source, or an empty one.
    fn source_cell(&self, key: Option<&str>) -> Cell {
        match self.publisher(key) {
            Some(p) => Cell {
                source: Some(p.clone()),
                ..Cell::text(p)
            },
            None => Cell::missing(""),
        }
    }

    /// The overview's table: one row for every datum of its panels (ratings, figures,
    /// commitments, milestones), so that nothing the dashboard shows is missing from it.
    fn overview(&self, panels: &[Panel]) -> Table {
        let mut rows = Vec::new();
        for p in panels {
            for datum in p.selection.data(self.dataset, &p.view) {
                let Some(d) = super::details(self.dataset, &p.view, datum) else {
                    continue;
                };
                let when = match d.when {
                    Some(when) => Cell::text(when),
                    None => Cell::missing(""),
                };
                let publisher = d.source.map(|s| s.publisher).unwrap_or_default();
                rows.push(Row {
                    // every row is named by what it is about (axe: no empty row header)
                    header: d.heading,
                    cells: vec![
                        when.about(datum),
                        Cell::text(d.value),
                        Cell::text(publisher),
                    ],
                });
            }
        }
        let columns = vec![
            self.column(Msg::Date),
            self.column(Msg::Value),
            self.column(Msg::SourceColumn),
        ];
        let caption = self.text(&self.dataset.plan.title);
        self.table(caption, Msg::Item, columns, rows)
    }

    /// A table with its caption, the heading of its row headers, its columns and rows.
    fn table(&self, caption: String, header: Msg, columns: Vec<Column>, rows: Vec<Row>) -> Table {
        Table {
            caption,
            header: i18n::t(self.ui, header).to_string(),
            columns,
            rows,
        }
    }

    /// One row per year of the indicators drawn, one column per indicator.
    fn series(&self, view: &View, selection: &SeriesSelection) -> Table {
        let indicators = &self.dataset.indicators;
        let mut labels = Vec::new();
        for &i in &selection.chosen {
            labels.extend(indicators.get(i).map(|ind| self.text(&ind.label)));
        }
        let mut shown: Vec<(usize, &Indicator)> = Vec::new();
        let mut years = Vec::new();
        let mut columns = Vec::new();
        for (_, i) in selection.drawn() {
            let Some(ind) = indicators.get(i) else {
                continue;
            };
            shown.push((i, ind));
            years.extend(visible_points(self.dataset, view, i).map(|(_, p)| p.year));
            columns.push(Column {
                label: self.text(&ind.label),
                unit: Some(self.text(&ind.unit)),
            });
        }
        let mut rows = Vec::new();
        for year in model::distinct_years(years) {
            let mut cells = Vec::new();
            for &(i, ind) in &shown {
                cells.push(self.figure(i, ind, year));
            }
            rows.push(Row {
                header: i18n::format_year(year, self.ui),
                cells,
            });
        }
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        self.table(i18n::join_list(self.ui, &labels), Msg::Year, columns, rows)
    }

    /// The cell of indicator `indicator`'s figure of `year`.
    fn figure(&self, indicator: usize, ind: &Indicator, year: i32) -> Cell {
        let Some((point, p)) = ind.points.iter().enumerate().find(|(_, p)| p.year == year) else {
            return self.no_data();
        };
        let mut cell = match p.value {
            Some(v) => Cell {
                value: Some(v),
                ..Cell::text(format_number(v, self.ui, 2))
            },
            None => self.no_data(),
        };
        cell.note = self.opt(&p.note);
        cell.source = self.publisher(p.source.as_deref());
        cell.about(Datum::Figure { indicator, point })
    }

    /// One row per year shown.
    fn rating(&self, selection: &RatingSelection) -> Table {
        let Some(rating) = self.dataset.ratings.get(selection.rating) else {
            return nothing(self.ui, ViewKind::Rating);
        };
        let mut rows = Vec::new();
        for &point in &selection.points {
            let Some(p) = rating.points.get(point) else {
                continue;
            };
            let datum = Datum::Rated {
                rating: selection.rating,
                point,
            };
            let cell = self.standing(rating, p.year).about(datum);
            rows.push(Row {
                header: i18n::format_year(p.year, self.ui),
                cells: vec![cell],
            });
        }
        let label = self.text(&rating.label);
        let columns = vec![Column {
            label: label.clone(),
            unit: None,
        }];
        self.table(label, Msg::Year, columns, rows)
    }

    /// The cell of `rating`'s year: its level, "special case" or "not ranked" as text (the CSV
    /// writes them out), and only a gap is a missing cell (empty in the CSV).
    fn standing(&self, rating: &Rating, year: i32) -> Cell {
        let standing = rating.standing_in(year);
        let text =
            super::standing_words(self.dataset, &rating.scale, standing, (self.lang, self.ui));
        let mut cell = if standing == Standing::Gap {
            Cell::missing(text)
        } else {
            Cell::text(text)
        };
        if let Some(p) = rating.at(year) {
            cell.note = self.opt(&p.note);
            cell.source = self.publisher(p.source.as_deref());
        }
        cell
    }

    /// One row per year of the comparison, one column per subject, in the grid's order.
    fn compare(&self, selection: &CompareSelection) -> Table {
        let mut columns = Vec::new();
        let mut ratings: Vec<(usize, &Rating)> = Vec::new();
        for &r in &selection.ratings {
            let Some(rating) = self.dataset.ratings.get(r) else {
                continue;
            };
            let subject = rating
                .subject
                .as_deref()
                .and_then(|c| self.dataset.subject(c));
            let label = subject.map_or(&rating.label, |s| &s.name);
            columns.push(Column {
                label: self.text(label),
                unit: None,
            });
            ratings.push((r, rating));
        }
        let mut rows = Vec::new();
        for year in selection.years.0..=selection.years.1 {
            let mut cells = Vec::new();
            for &(r, rating) in &ratings {
                cells.push(
                    self.standing(rating, year)
                        .about(Datum::Compared { rating: r, year }),
                );
            }
            rows.push(Row {
                header: i18n::format_year(year, self.ui),
                cells,
            });
        }
        let caption = match self.dataset.scales.get(selection.scale) {
            Some(scale) => self.text(&scale.label),
            None => String::new(),
        };
        self.table(caption, Msg::Year, columns, rows)
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
        vec![value, by, on, self.source_cell(source)]
    }

    /// One row per item on the board (and one for the part of a list nobody transcribed).
    fn status(&self, subject: &Subject) -> Table {
        let mut rows = Vec::new();
        let (caption, header) = match subject {
            Subject::Commitments => {
                self.commitment_rows(&mut rows);
                (
                    i18n::t(self.ui, Msg::Commitments).to_string(),
                    Msg::Commitments,
                )
            }
            Subject::Lists(lists) => {
                let several = lists.len() > 1;
                let mut title = None;
                for &i in lists {
                    if let Some(l) = self.dataset.recommendations.get(i) {
                        self.list_rows(i, l, several, &mut rows);
                        title = Some(self.text(&l.title));
                    }
                }
                let title = match title {
                    Some(title) if !several => title,
                    _ => i18n::t(self.ui, Msg::Recommendations).to_string(),
                };
                (title, Msg::Recommendations)
            }
        };
        let mut columns = Vec::new();
        for msg in [
            Msg::Status,
            Msg::AssessedByColumn,
            Msg::AssessedOn,
            Msg::SourceColumn,
        ] {
            columns.push(self.column(msg));
        }
        self.table(caption, header, columns, rows)
    }

    fn commitment_rows(&self, rows: &mut Vec<Row>) {
        for (index, c) in self.dataset.commitments.iter().enumerate() {
            let source = c.source.as_deref().or(c.status.source.as_deref());
            let mut cells = self.status_cells(&c.status, source);
            cells[0].datum = Some(Datum::Commitment { index });
            rows.push(Row {
                header: self.text(&c.label),
                cells,
            });
        }
    }

    /// The rows of one list in rank order, its year before each when several lists share the
    /// table, and a last row for its recommendations nobody transcribed.
    fn list_rows(&self, list: usize, l: &RecommendationList, several: bool, rows: &mut Vec<Row>) {
        let prefix = if several {
            format!("{} · ", i18n::format_year(l.year, self.ui))
        } else {
            String::new()
        };
        for (item, r) in l.ranked() {
            let rank = r.rank.map(|n| format!("{n}. ")).unwrap_or_default();
            let mut cells = self.status_cells(&r.status, Some(&r.source));
            cells[0].datum = Some(Datum::Recommendation { list, item });
            if !r.complete {
                cells[3].note = Some(i18n::t(self.ui, Msg::Truncated).to_string());
            }
            rows.push(Row {
                header: format!("{prefix}{rank}{}", self.text(&r.text)),
                cells,
            });
        }
        let listed = u32::try_from(l.items.len()).unwrap_or(u32::MAX);
        let missing = l.declared_count.and_then(|d| d.checked_sub(listed));
        if let Some(missing) = missing.filter(|m| *m > 0) {
            let status = Cell::text(i18n::status_name(self.ui, StatusValue::Unknown));
            let source = self.source_cell(l.declared_count_source.as_deref());
            let cells = vec![status, Cell::missing(""), Cell::missing(""), source];
            let n = format_number(f64::from(missing), self.ui, 0);
            let what = i18n::tf(self.ui, Msg::NotTranscribed, &[&n]);
            rows.push(Row {
                header: format!("{prefix}{what}"),
                cells,
            });
        }
    }

    /// One row per commitment, group by group.
    fn progress(&self, groups: &[Group]) -> Table {
        let mut rows = Vec::new();
        for g in groups {
            let axis = match g.axis.and_then(|a| self.dataset.axes.get(a)) {
                Some(a) => self.text(&a.label),
                None => i18n::t(self.ui, Msg::AxisUnknown).to_string(),
            };
            for &index in &g.rows {
                if let Some(c) = self.dataset.commitments.get(index) {
                    let axis = Cell::text(axis.clone()).about(Datum::Commitment { index });
                    rows.push(self.progress_row(c, axis));
                }
            }
        }
        let plan = &self.dataset.plan;
        let caption = if plan.title.has(self.lang) {
            self.text(&plan.title)
        } else {
            let (a, b) = plan.period;
            format!("{} {a}–{b}", i18n::t(self.ui, Msg::Commitments))
        };
        let mut progress = self.column(Msg::Progress);
        progress.unit = Some("%".into());
        let columns = vec![
            self.column(Msg::Axis),
            self.column(Msg::Status),
            progress,
            self.column(Msg::TargetColumn),
        ];
        self.table(caption, Msg::Commitments, columns, rows)
    }

    /// A commitment's row: its axis (`axis`), status, progress and target.
    fn progress_row(&self, c: &Commitment, axis: Cell) -> Row {
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
        Row {
            header: self.text(&c.label),
            cells: vec![axis, status, progress, target],
        }
    }

    /// One row per milestone shown.
    fn timeline(&self, shown: &[usize]) -> Table {
        let mut rows = Vec::new();
        for &index in shown {
            let Some(m) = self.dataset.milestones.get(index) else {
                continue;
            };
            let mut label = Cell::text(self.text(&m.label));
            label.note = self.opt(&m.note);
            rows.push(Row {
                header: i18n::format_date(&m.date, self.ui, false),
                cells: vec![
                    label.about(Datum::Milestone { index }),
                    self.source_cell(Some(&m.source)),
                ],
            });
        }
        let columns = vec![self.column(Msg::Milestone), self.column(Msg::SourceColumn)];
        let caption = i18n::t(self.ui, Msg::Milestones).to_string();
        self.table(caption, Msg::Date, columns, rows)
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
        // isolates are for the page: a formula behind one is still guarded
        assert_eq!(field("\u{2068}=1+1\u{2069}"), "'=1+1");
    }
}
