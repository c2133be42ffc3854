//! What a view of a dataset shows, decided once.
//!
//! The chart, the summary a screen reader hears, the data table, the CSV, the sources panel and
//! the overview's panels all read the [`Selection`] made here, so that they cannot tell
//! different stories: which indicators a series view shows by default, which rating, which
//! recommendation lists or commitments a board holds, which commitments a progress view lists,
//! which milestones fall in the view's years. A selection holds indices into the dataset, so
//! it can be kept beside the dataset it was made from.

use super::scene::Datum;
use super::view::{Missing, View, ViewError, ViewKind};
use crate::i18n::Msg;
use crate::json::{self, Json};
use crate::model::{Dataset, Point};

/// What a view shows of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// The indicators of a series view, those switched off included, and the years of its axis.
    Series(SeriesSelection),
    /// The rating of a rating view and its points in the view's years.
    Rating(RatingSelection),
    /// What a status board holds: the commitments, or recommendation lists.
    Status(Subject),
    /// The commitments of a progress view, grouped by axis.
    Progress(Vec<Group>),
    /// Indices of the milestones in the view's years, in date order.
    Timeline(Vec<usize>),
    /// The overview's panels, in the order they are drawn.
    Overview(Vec<Panel>),
    /// The subjects of a comparison and its years.
    Compare(CompareSelection),
}

/// The indicators of a series view.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSelection {
    /// Indices of every indicator the view names, hidden ones included: the legend, and the
    /// years of the axis (switching a series off does not move the axis).
    pub chosen: Vec<usize>,
    /// Positions in `chosen` of the indicators drawn (not switched off in the legend).
    pub shown: Vec<usize>,
    /// The first and last year of the axis: those of the points in the view's years.
    pub years: (i32, i32),
}

impl SeriesSelection {
    /// The indicators drawn: their position among the chosen ones (their colour and marker)
    /// and their index in the dataset.
    pub fn drawn(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let chosen = &self.chosen;
        self.shown
            .iter()
            .filter_map(|&s| Some((s, *chosen.get(s)?)))
    }
}

/// The rating of a rating view.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingSelection {
    /// Index in `dataset.ratings`.
    pub rating: usize,
    /// Indices of its points in the view's years, in year order.
    pub points: Vec<usize>,
}

/// The subjects a comparison shows on one shared scale, and its years.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareSelection {
    /// Index in `dataset.scales` of the shared scale.
    pub scale: usize,
    /// Indices in `dataset.ratings` of the ratings on it: the plan's country first, then the
    /// others in dataset order.
    pub ratings: Vec<usize>,
    /// The first and last year of the grid: those of the points in the view's years. Every
    /// year between them is a cell of every subject, with a point or not.
    pub years: (i32, i32),
}

/// What a status board shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// The plan's commitments.
    Commitments,
    /// Recommendation lists, by index in `dataset.recommendations`.
    Lists(Vec<usize>),
}

/// Commitments of a progress view under one axis, or under "axis not published".
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Index in `dataset.axes`; `None` for the commitments without an axis.
    pub axis: Option<usize>,
    /// Indices in `dataset.commitments`, in dataset order.
    pub rows: Vec<usize>,
}

/// One panel of the overview: the view it draws and what that view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The panel's own view: its kind's default data in the overview's language, theme and years,
    /// undecorated (see [`panel_view`]).
    pub view: View,
    /// What that view shows.
    pub selection: Selection,
}

/// The panels of the overview, in the order they are kept when the canvas is too short for
/// all of them: the rating sums the situation up in one line, the figures back it, the
/// commitments and the milestones tell what the plan did.
pub const PANELS: [ViewKind; 4] = [
    ViewKind::Rating,
    ViewKind::Series,
    ViewKind::Status,
    ViewKind::Timeline,
];

/// What `view` shows of `dataset`, or why it shows nothing.
///
/// `view.series` names what to show; an id that the dataset has for another kind of view (an
/// indicator's id on a rating view, say, after a page changed only `view`) does not apply to
/// this view and leaves its default, while an id the dataset does not have at all is an error.
pub fn select(dataset: &Dataset, view: &View) -> Result<Selection, ViewError> {
    let asked = applicable(dataset, view)?;
    if !view.kind.built_in() {
        return Err(ViewError::NotBuiltIn(view.kind));
    }
    match view.kind {
        ViewKind::Series => series(dataset, view, &asked).map(Selection::Series),
        ViewKind::Rating => rating(dataset, view, &asked).map(Selection::Rating),
        ViewKind::Status => status(dataset, &asked).map(Selection::Status),
        #[cfg(feature = "full")]
        ViewKind::Progress => progress(dataset, &asked).map(Selection::Progress),
        #[cfg(feature = "full")]
        ViewKind::Timeline => timeline(dataset, view).map(Selection::Timeline),
        #[cfg(feature = "full")]
        ViewKind::Overview => overview(dataset, view).map(Selection::Overview),
        #[cfg(feature = "full")]
        ViewKind::Compare => compare(dataset, view, &asked).map(Selection::Compare),
        #[cfg(not(feature = "full"))]
        other => Err(ViewError::NotBuiltIn(other)),
    }
}

/// The kinds of view that draw something of `dataset` as they are by default (every series
/// default, every year): what the checker page previews.
pub fn views(dataset: &Dataset) -> Vec<ViewKind> {
    let shows = |kind: ViewKind| select(dataset, &View::new(kind, 800.0, 450.0)).is_ok();
    ViewKind::ALL
        .into_iter()
        .filter(|&kind| shows(kind))
        .collect()
}

/// The ids of `view.series` that this kind of view can show; an error for an id that no
/// view of the dataset knows.
fn applicable(dataset: &Dataset, view: &View) -> Result<Vec<String>, ViewError> {
    let mut asked = Vec::new();
    for id in &view.series {
        if owns(dataset, view.kind, id) {
            asked.push(id.clone());
        } else if !ViewKind::ALL.iter().any(|&k| owns(dataset, k, id)) {
            return Err(ViewError::UnknownSeries(id.clone()));
        }
    }
    Ok(asked)
}

/// Whether `id` names something a view of `kind` shows.
fn owns(dataset: &Dataset, kind: ViewKind, id: &str) -> bool {
    match kind {
        ViewKind::Series => dataset.indicators.iter().any(|i| i.id == id),
        ViewKind::Rating => dataset.ratings.iter().any(|r| r.id == id),
        ViewKind::Status => {
            matches!(id, "commitments" | "recommendations")
                || dataset.recommendations.iter().any(|l| l.id == id)
        }
        ViewKind::Progress => dataset.axes.iter().any(|a| a.id == id),
        ViewKind::Compare => dataset.scale(id).is_some(),
        ViewKind::Timeline | ViewKind::Overview => false,
    }
}

/// Those asked for, or by default every indicator of the first indicator's group (or the
/// first indicator alone).
fn series(dataset: &Dataset, view: &View, asked: &[String]) -> Result<SeriesSelection, ViewError> {
    let indicators = &dataset.indicators;
    let first = indicators
        .first()
        .ok_or(ViewError::NothingToShow(Missing::Indicators))?;
    let mut chosen = Vec::new();
    if asked.is_empty() {
        for (i, indicator) in indicators.iter().enumerate() {
            if i == 0 || (first.group.is_some() && indicator.group == first.group) {
                chosen.push(i);
            }
        }
    } else {
        for id in asked {
            chosen.extend(indicators.iter().position(|i| &i.id == id));
        }
    }
    let mut years: Option<(i32, i32)> = None;
    let mut shown = Vec::new();
    for (s, &i) in chosen.iter().enumerate() {
        for (_, p) in visible_points(dataset, view, i) {
            let (a, b) = years.unwrap_or((p.year, p.year));
            years = Some((a.min(p.year), b.max(p.year)));
        }
        if !view.hidden.contains(&indicators[i].id) {
            shown.push(s);
        }
    }
    let years = years.ok_or(ViewError::NothingToShow(Missing::FiguresInYears))?;
    Ok(SeriesSelection {
        chosen,
        shown,
        years,
    })
}

/// The points of indicator `index` within the view's years, with their index.
pub fn visible_points<'a>(
    dataset: &'a Dataset,
    view: &'a View,
    index: usize,
) -> impl Iterator<Item = (usize, &'a Point)> + 'a {
    let points = dataset.indicators.get(index).map(|i| &i.points[..]);
    let points = points.unwrap_or_default().iter().enumerate();
    points.filter(|(_, p)| view.shows_year(p.year))
}

/// The one asked for, or the first.
fn rating(dataset: &Dataset, view: &View, asked: &[String]) -> Result<RatingSelection, ViewError> {
    let index = match asked.first() {
        Some(id) => dataset.ratings.iter().position(|r| &r.id == id),
        None => (!dataset.ratings.is_empty()).then_some(0),
    };
    let index = index.ok_or(ViewError::NothingToShow(Missing::Ratings))?;
    let points: Vec<usize> = dataset.ratings[index]
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| view.shows_year(p.year))
        .map(|(i, _)| i)
        .collect();
    if points.is_empty() {
        return Err(ViewError::NothingToShow(Missing::RatingsInYears));
    }
    Ok(RatingSelection {
        rating: index,
        points,
    })
}

/// The shared scale asked for, or the first one that ratings use; its ratings, the plan's
/// country first (a reader compares the plan's country with the others), and their years.
fn compare(
    dataset: &Dataset,
    view: &View,
    asked: &[String],
) -> Result<CompareSelection, ViewError> {
    let scale = match asked.first() {
        Some(id) => dataset.scales.iter().position(|s| &s.id == id),
        None => dataset.scales.iter().position(|s| rated_on(dataset, &s.id)),
    };
    let scale = scale.ok_or(ViewError::NothingToShow(Missing::Comparisons))?;
    let id = dataset.scales[scale].id.as_str();
    let mut ratings = Vec::new();
    let mut years: Option<(i32, i32)> = None;
    for (i, r) in dataset.ratings.iter().enumerate() {
        if r.shared_scale.as_deref() != Some(id) {
            continue;
        }
        if r.subject.as_deref() == Some(dataset.plan.country.as_str()) {
            ratings.insert(0, i);
        } else {
            ratings.push(i);
        }
        for p in &r.points {
            if view.shows_year(p.year) {
                let (a, b) = years.unwrap_or((p.year, p.year));
                years = Some((a.min(p.year), b.max(p.year)));
            }
        }
    }
    if ratings.is_empty() {
        return Err(ViewError::NothingToShow(Missing::Comparisons));
    }
    let years = years.ok_or(ViewError::NothingToShow(Missing::RatingsInYears))?;
    Ok(CompareSelection {
        scale,
        ratings,
        years,
    })
}

/// Whether a rating uses the shared scale `id`: a scale with something to compare.
fn rated_on(dataset: &Dataset, id: &str) -> bool {
    let on = |r: &crate::model::Rating| r.shared_scale.as_deref() == Some(id);
    dataset.ratings.iter().any(on)
}

/// `commitments`, a list's id, or `recommendations` (every list); by default the commitments,
/// or every list for a plan with recommendations and no commitments (a board of nothing would
/// say less than the lists).
fn status(dataset: &Dataset, asked: &[String]) -> Result<Subject, ViewError> {
    let every_list = || Subject::Lists((0..dataset.recommendations.len()).collect());
    let only_lists = dataset.commitments.is_empty() && !dataset.recommendations.is_empty();
    let subject = match asked.first().map(String::as_str) {
        None if only_lists => every_list(),
        None | Some("commitments") => Subject::Commitments,
        Some("recommendations") => every_list(),
        Some(id) => {
            let list = dataset.recommendations.iter().position(|l| l.id == id);
            Subject::Lists(list.into_iter().collect())
        }
    };
    match &subject {
        Subject::Commitments if dataset.commitments.is_empty() => {
            Err(ViewError::NothingToShow(Missing::Commitments))
        }
        Subject::Lists(lists) if lists.is_empty() => {
            Err(ViewError::NothingToShow(Missing::Recommendations))
        }
        _ => Ok(subject),
    }
}

/// Every axis with commitments, in the dataset's order, then the commitments without an axis;
/// or, when axes are asked for, those axes only.
fn progress(dataset: &Dataset, asked: &[String]) -> Result<Vec<Group>, ViewError> {
    if dataset.commitments.is_empty() {
        return Err(ViewError::NothingToShow(Missing::Commitments));
    }
    let rows_of = |axis: Option<&str>| -> Vec<usize> {
        let all = dataset.commitments.iter().enumerate();
        all.filter(|(_, c)| c.axis.as_deref() == axis)
            .map(|(i, _)| i)
            .collect()
    };
    let mut groups: Vec<Group> = dataset
        .axes
        .iter()
        .enumerate()
        .filter(|(_, a)| asked.is_empty() || asked.contains(&a.id))
        .map(|(i, a)| Group {
            axis: Some(i),
            rows: rows_of(Some(&a.id)),
        })
        .collect();
    if asked.is_empty() {
        groups.push(Group {
            axis: None,
            rows: rows_of(None),
        });
    }
    groups.retain(|g| !g.rows.is_empty());
    if groups.is_empty() {
        return Err(ViewError::NothingToShow(Missing::CommitmentsOnAxes));
    }
    Ok(groups)
}

/// The milestones in the view's years.
fn timeline(dataset: &Dataset, view: &View) -> Result<Vec<usize>, ViewError> {
    if dataset.milestones.is_empty() {
        return Err(ViewError::NothingToShow(Missing::Milestones));
    }
    let all = dataset.milestones.iter().enumerate();
    let shown: Vec<usize> = all
        .filter(|(_, m)| view.shows_year(m.date.year))
        .map(|(i, _)| i)
        .collect();
    if shown.is_empty() {
        return Err(ViewError::NothingToShow(Missing::MilestonesInYears));
    }
    Ok(shown)
}

/// Every panel the dataset can show, each with its kind's default data.
fn overview(dataset: &Dataset, view: &View) -> Result<Vec<Panel>, ViewError> {
    let panels: Vec<Panel> = PANELS
        .iter()
        .filter_map(|&kind| {
            let view = panel_view(view, kind, (view.width, view.height));
            let selection = select(dataset, &view).ok()?;
            Some(Panel { view, selection })
        })
        .collect();
    if panels.is_empty() {
        return Err(ViewError::NothingToShow(Missing::Charts));
    }
    Ok(panels)
}

/// The view of one overview panel: the overview's language, digits, theme and years, its
/// kind's default data, undecorated (the overview draws the panel's header).
pub fn panel_view(view: &View, kind: ViewKind, (width, height): (f64, f64)) -> View {
    let mut v = View::new(kind, width, height);
    v.from = view.from;
    v.to = view.to;
    v.lang = view.lang.clone();
    v.digits = view.digits;
    v.theme = view.theme.clone();
    v.x_rtl = view.x_rtl;
    v.decorate = false;
    v
}

/// What a page may write in `series` for one kind of view, as a builder offers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    /// Each id with its label in the reader's language, in the dataset's order; not the
    /// commitments or every recommendation of a plan that has none.
    pub ids: Vec<(String, String)>,
    /// The ids that, written out, show what the view shows when `series` names nothing; empty
    /// when no list of ids says the same (a progress view's commitments without an axis).
    pub default: Vec<String>,
}

impl Choices {
    /// `{ids: [{id, label}], default: [id]}` for the builder's script.
    pub fn to_json(&self) -> Json {
        let ids = self.ids.iter().map(|(id, label)| {
            json::object([("id", id.as_str().into()), ("label", label.as_str().into())])
        });
        let default = self.default.iter().map(|id| id.as_str().into());
        json::object([
            ("ids", Json::Array(ids.collect())),
            ("default", Json::Array(default.collect())),
        ])
    }
}

/// The ids a view of `kind` can show in `dataset`, labelled in `lang`, and its default.
pub fn choices(dataset: &Dataset, kind: ViewKind, lang: &str) -> Choices {
    let text = |t: &crate::model::Text| dataset.text(t, lang).to_string();
    let ui = crate::i18n::Locale::from_tag(lang);
    let ids: Vec<(String, String)> = match kind {
        ViewKind::Series => dataset
            .indicators
            .iter()
            .map(|i| (i.id.clone(), text(&i.label)))
            .collect(),
        ViewKind::Rating => dataset
            .ratings
            .iter()
            .map(|r| (r.id.clone(), text(&r.label)))
            .collect(),
        ViewKind::Status => {
            let word = |msg| crate::i18n::t(ui, msg).to_string();
            // a subject that gathers a kind of item is offered where the plan has such items:
            // the commitments of a plan without any would be a board of nothing
            let mut ids = Vec::new();
            if !dataset.commitments.is_empty() {
                ids.push(("commitments".to_string(), word(Msg::Commitments)));
            }
            if !dataset.recommendations.is_empty() {
                ids.push(("recommendations".to_string(), word(Msg::Recommendations)));
            }
            ids.extend(
                dataset
                    .recommendations
                    .iter()
                    .map(|l| (l.id.clone(), text(&l.title))),
            );
            ids
        }
        ViewKind::Progress => dataset
            .axes
            .iter()
            .map(|a| (a.id.clone(), text(&a.label)))
            .collect(),
        ViewKind::Compare => {
            let mut ids = Vec::new();
            for s in &dataset.scales {
                if rated_on(dataset, &s.id) {
                    ids.push((s.id.clone(), text(&s.label)));
                }
            }
            ids
        }
        ViewKind::Timeline | ViewKind::Overview => Vec::new(),
    };
    let mut view = View::new(kind, 600.0, 400.0);
    view.lang = lang.to_string();
    let default = match select(dataset, &view) {
        Ok(Selection::Series(s)) => s
            .chosen
            .iter()
            .map(|&i| dataset.indicators[i].id.clone())
            .collect(),
        Ok(Selection::Rating(r)) => vec![dataset.ratings[r.rating].id.clone()],
        Ok(Selection::Status(Subject::Commitments)) => vec!["commitments".into()],
        Ok(Selection::Status(Subject::Lists(_))) => vec!["recommendations".into()],
        Ok(Selection::Compare(c)) => vec![dataset.scales[c.scale].id.clone()],
        _ => Vec::new(),
    };
    Choices { ids, default }
}

impl Selection {
    /// Every datum the view tells about, in reading order: the chart draws them (a year
    /// without a figure as a break in its line), the table has a cell for each, the summary
    /// speaks of them and the sources panel cites their sources.
    pub fn data(&self, dataset: &Dataset, view: &View) -> Vec<Datum> {
        let mut data = Vec::new();
        match self {
            Selection::Series(s) => {
                for (_, indicator) in s.drawn() {
                    for (point, _) in visible_points(dataset, view, indicator) {
                        data.push(Datum::Figure { indicator, point });
                    }
                }
            }
            Selection::Rating(r) => {
                for &point in &r.points {
                    data.push(Datum::Rated {
                        rating: r.rating,
                        point,
                    });
                }
            }
            Selection::Status(subject) => subject.data(dataset, &mut data),
            Selection::Progress(groups) => {
                for &index in groups.iter().flat_map(|g| &g.rows) {
                    data.push(Datum::Commitment { index });
                }
            }
            Selection::Timeline(shown) => {
                for &index in shown {
                    data.push(Datum::Milestone { index });
                }
            }
            Selection::Overview(panels) => {
                for p in panels {
                    data.extend(p.selection.data(dataset, &p.view));
                }
            }
            Selection::Compare(c) => {
                for &rating in &c.ratings {
                    for year in c.years.0..=c.years.1 {
                        data.push(Datum::Compared { rating, year });
                    }
                }
            }
        }
        data
    }

    /// The source keys behind [`Selection::data`], each once, in order of first use.
    pub fn sources<'a>(&self, dataset: &'a Dataset, view: &View) -> Vec<&'a str> {
        let mut keys: Vec<&str> = Vec::new();
        for datum in self.data(dataset, view) {
            for key in datum.sources(dataset) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }
}

impl Subject {
    /// The items on the board, list by list in rank order, or the commitments.
    fn data(&self, dataset: &Dataset, data: &mut Vec<Datum>) {
        match self {
            Subject::Commitments => {
                for index in 0..dataset.commitments.len() {
                    data.push(Datum::Commitment { index });
                }
            }
            Subject::Lists(lists) => {
                for &list in lists {
                    let Some(l) = dataset.recommendations.get(list) else {
                        continue;
                    };
                    for (item, _) in l.ranked() {
                        data.push(Datum::Recommendation { list, item });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn morocco() -> Dataset {
        let text = std::fs::read_to_string("data/morocco.json").unwrap();
        crate::model::load(&text).unwrap()
    }

    #[test]
    fn choices_name_what_each_view_can_show_and_its_default() {
        let d = morocco();
        let series = choices(&d, ViewKind::Series, "en");
        assert_eq!(series.ids.len(), d.indicators.len());
        assert_eq!(
            series.ids[0],
            ("tip-investigations".into(), "Investigations (TIP)".into())
        );
        assert_eq!(
            series.default,
            ["tip-investigations", "tip-prosecutions", "tip-convictions"]
        );
        let status = choices(&d, ViewKind::Status, "fr");
        assert_eq!(status.ids[0], ("commitments".into(), "Engagements".into()));
        assert_eq!(status.default, ["commitments"]);
        assert_eq!(choices(&d, ViewKind::Rating, "ar").default, ["tip-tier"]);
        assert!(choices(&d, ViewKind::Progress, "en").default.is_empty());
        assert!(choices(&d, ViewKind::Timeline, "en").ids.is_empty());
    }

    #[test]
    fn a_plan_without_commitments_is_offered_only_its_recommendations() {
        let text = std::fs::read_to_string("tests/corpus/valid-only-recommendations.json").unwrap();
        let d = crate::model::load(&text).unwrap();
        let status = choices(&d, ViewKind::Status, "en");
        let ids: Vec<&str> = status.ids.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["recommendations", "tip-2024"]);
        assert_eq!(status.default, ["recommendations"]);
    }
}
