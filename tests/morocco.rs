//! The default dataset against its research: the figures a reader will quote, checked one by
//! one, and the promises of the format (three languages, sources everywhere, gaps as gaps).
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]

use plan_progress::model::{self, Dataset, StatusValue, Text};

fn morocco() -> Dataset {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/morocco.json")).unwrap();
    model::load(&text).unwrap()
}

fn value(d: &Dataset, id: &str, year: i32) -> (Option<f64>, Option<String>) {
    let p = d
        .indicator(id)
        .unwrap()
        .points
        .iter()
        .find(|p| p.year == year)
        .unwrap();
    (p.value, p.source.clone())
}

#[test]
fn tip_figures_match_the_research() {
    let d = morocco();
    // morocco-figures.json: tip_indicators
    assert_eq!(
        value(&d, "tip-prosecutions", 2017),
        (Some(20.0), Some("amici2019pros".into()))
    );
    assert_eq!(
        value(&d, "tip-prosecutions", 2024),
        (Some(213.0), Some("barlamane2025".into()))
    );
    assert_eq!(
        value(&d, "tip-convictions", 2022),
        (Some(101.0), Some("amici2023pros".into()))
    );
    assert_eq!(value(&d, "tip-victims-identified", 2020).0, Some(441.0));
    assert_eq!(value(&d, "tip-investigations", 2018).0, Some(80.0));
    // 2018 prosecutions were counted in cases, not persons: a series of their own
    assert_eq!(value(&d, "tip-prosecutions", 2018).0, None);
    assert_eq!(value(&d, "tip-prosecutions-cases", 2018).0, Some(16.0));
    // Moroccan official figures stay separate from the TIP's
    assert_eq!(value(&d, "pmp-court-cases", 2019).0, Some(151.0));
    assert_eq!(value(&d, "pmp-persons-prosecuted", 2017).0, Some(47.0));
}

/// The English note of a point.
fn note(d: &Dataset, id: &str, year: i32) -> String {
    let p = d
        .indicator(id)
        .unwrap()
        .points
        .iter()
        .find(|p| p.year == year)
        .unwrap();
    d.text(p.note.as_ref().unwrap(), "en").to_string()
}

/// Whether the source's quote holds every one of `figures` as it was read.
fn quotes(d: &Dataset, key: &str, figures: &[&str]) -> bool {
    let quote = d.source(key).unwrap().quote.as_deref().unwrap_or_default();
    figures.iter().all(|f| quote.contains(f))
}

#[test]
fn public_prosecution_figures_of_the_second_research_pass() {
    let d = morocco();
    // morocco-findings-2.md, "Persons prosecuted (Public Prosecution, report on 2023)"
    assert_eq!(
        value(&d, "pmp-persons-prosecuted", 2022),
        (Some(153.0), Some("mouwatine_pmp2023".into()))
    );
    assert_eq!(
        value(&d, "pmp-persons-prosecuted", 2023),
        (Some(171.0), Some("mouwatine_pmp2023".into()))
    );
    assert!(quotes(
        &d,
        "mouwatine_pmp2023",
        &["171", "10.53%", "153", "84%"]
    ));
    let how = note(&d, "pmp-persons-prosecuted", 2023);
    assert!(
        how.contains("10.53%") && how.contains("(171-153)/171"),
        "{how}"
    );
    // "Victims 2019 (Public Prosecution, report on 2019)": adults and minors make 420
    assert_eq!(
        value(&d, "pmp-victims", 2019),
        (Some(423.0), Some("goud_pmp2019".into()))
    );
    assert!(quotes(
        &d,
        "goud_pmp2019",
        &["423", "315", "105", "289", "134"]
    ));
    assert!(note(&d, "pmp-victims", 2019).contains("add up to 420, not 423"));
    // no Public Prosecution victim count was found for 2020-2023: gaps, not zeros
    assert!((2020..=2023).all(|y| value(&d, "pmp-victims", y) == (None, None)));
}

#[test]
fn court_figures_of_2024_by_form_and_by_sex() {
    let d = morocco();
    // morocco-findings-2.md, "Court figures 2024 (Supreme Judicial Council, CSPJ)"
    let form = |id: &str| value(&d, id, 2024);
    assert_eq!(
        form("cspj-victims-sexual-exploitation"),
        (Some(154.0), Some("a5r5br_cspj2024".into()))
    );
    assert_eq!(
        form("cspj-victims-forced-labour"),
        (Some(91.0), Some("a5r5br_cspj2024".into()))
    );
    assert!(quotes(&d, "a5r5br_cspj2024", &["269", "154", "91"]));
    // the two forms charted are a part of the 269 victims, and their definition says so
    assert_eq!(form("cspj-victims").0, Some(269.0));
    for id in [
        "cspj-victims-sexual-exploitation",
        "cspj-victims-forced-labour",
    ] {
        let i = d.indicator(id).unwrap();
        assert_eq!(i.group.as_deref(), Some("cspj-victims-by-form"));
        let definition = d.text(i.definition.as_ref().unwrap(), "en");
        assert!(definition.contains("do not add up to 269"), "{definition}");
    }
    // the persons convicted: 76 male and 44 female, who are the 120
    assert_eq!(
        form("cspj-persons-convicted-male"),
        (Some(76.0), Some("aljazeera2025".into()))
    );
    assert_eq!(
        form("cspj-persons-convicted-female"),
        (Some(44.0), Some("aljazeera2025".into()))
    );
    assert!(quotes(&d, "aljazeera2025", &["120", "76", "44"]));
    assert_eq!(form("cspj-persons-convicted").0, Some(76.0 + 44.0));
}

#[test]
fn the_commissions_series_in_the_press_stays_a_conflict_not_a_correction() {
    let d = morocco();
    // morocco-findings-2.md, "CNCLT series as previewed by the press" (Dima TV, 2024-05-27)
    assert!(quotes(
        &d,
        "dimatv2024",
        &[
            "89 شخصاً في عام 2018",
            "79 شخصاً في عام 2021",
            "83 شخصاً في عام 2022"
        ]
    ));
    for (year, ours, theirs) in [(2018, 80.0, "89"), (2021, 85.0, "79"), (2022, 84.0, "83")] {
        // the Public Prosecution's figure stays; the other is written down beside it
        assert_eq!(value(&d, "pmp-court-cases", year).0, Some(ours));
        let id = format!("court-cases-{year}");
        let c = d.conflicts.iter().find(|c| c.id == id).unwrap();
        assert!(c.sources.iter().any(|s| s == "dimatv2024"), "{id}");
        assert_eq!(c.indicators, ["pmp-court-cases"]);
        assert!(d.text(&c.text, "en").contains(&format!("against {theirs}")));
        let note = note(&d, "pmp-court-cases", year);
        assert!(note.contains(&format!("Conflict: {theirs}")), "{note}");
    }
}

#[test]
fn tiers_cover_2001_to_2025_with_sources() {
    let d = morocco();
    let r = d.rating("tip-tier").unwrap();
    let years: Vec<i32> = r.points.iter().map(|p| p.year).collect();
    assert_eq!(years, (2001..=2025).collect::<Vec<_>>());
    let tier = |year: i32| {
        let p = r.points.iter().find(|p| p.year == year).unwrap();
        r.scale[p.level.unwrap()].id.as_str()
    };
    assert_eq!(tier(2001), "tier-2");
    assert!((2003..=2007).all(|y| tier(y) == "tier-1"));
    assert_eq!(tier(2013), "tier-2-watch-list");
    assert_eq!(tier(2014), "tier-2-watch-list");
    assert!((2015..=2025).all(|y| tier(y) == "tier-2"));
    assert!(r.points.iter().all(|p| p.source.is_some()));
}

#[test]
fn partly_transcribed_recommendations_say_so() {
    let d = morocco();
    let list = d
        .recommendations
        .iter()
        .find(|r| r.id == "tip-2024")
        .unwrap();
    assert_eq!(list.declared_count, Some(10));
    assert_eq!(list.items.len(), 2);
    assert!(!list.items[1].complete);
    assert!(list.transcription_note.is_some());
    assert!(d
        .recommendations
        .iter()
        .flat_map(|r| &r.items)
        .all(|i| i.status.value == StatusValue::Unknown));
}

#[test]
fn the_plans_key_dates_are_there() {
    let d = morocco();
    let date = |id: &str| {
        d.milestones
            .iter()
            .find(|m| m.id == id)
            .unwrap()
            .date
            .to_string()
    };
    assert_eq!(date("law-27-14"), "2016-08-25");
    assert_eq!(date("plan-adopted"), "2023-03-17");
    assert_eq!(date("plan-presented"), "2023-03-23");
    assert_eq!(date("cnclt-installed"), "2019-05");
    assert!(
        d.axes.is_empty(),
        "the plan's axes are not published: none may be invented"
    );
}

#[test]
fn digital_tools_and_the_tip_releases_are_dated_and_sourced() {
    let d = morocco();
    let milestone = |id: &str| d.milestones.iter().find(|m| m.id == id).unwrap();
    // morocco-findings-2.md, "Context items of the seed"
    for (id, date, source, quoted) in [
        (
            "tip-online-portal",
            "2021",
            "ecoi2021",
            "launching an online portal",
        ),
        (
            "iom-e-learning-platform",
            "2022-08-18",
            "socialnetlink2022",
            "lancée ce 18 août",
        ),
        (
            "tip-2024-released",
            "2024-06-24",
            "voa2024",
            "188 countries and territories, including the United States",
        ),
        (
            "tip-2025-released",
            "2025-09-29",
            "state2025release",
            "The 25th edition",
        ),
    ] {
        let m = milestone(id);
        assert_eq!(m.date.to_string(), date, "{id}");
        assert_eq!(m.source, source, "{id}");
        assert!(quotes(&d, source, &[quoted]), "{id}: {quoted}");
    }
    // TIP 2024's theme, and where each report's release is told beside its tier
    let about_2024 = d.text(
        milestone("tip-2024-released").description.as_ref().unwrap(),
        "en",
    );
    assert!(about_2024.contains("188 countries and territories, including the United States"));
    assert!(about_2024.contains("role of digital technology"));
    let tier = d.rating("tip-tier").unwrap();
    let tier_note = |year: i32| {
        let p = tier.points.iter().find(|p| p.year == year).unwrap();
        d.text(p.note.as_ref().unwrap(), "en").to_string()
    };
    assert!(tier_note(2024).contains("24 June 2024"));
    assert!(tier_note(2024).contains("188 countries and territories"));
    assert!(tier_note(2025).contains("29 September 2025"));
    // the E-MNR platform: in progress, as the Justice Ministry's report says
    let emnr = d
        .commitments
        .iter()
        .find(|c| c.id == "online-referral-platform")
        .unwrap();
    assert_eq!(emnr.status.value, StatusValue::InProgress);
    assert_eq!(emnr.status.source.as_deref(), Some("hespressfr_emnr"));
    assert!(quotes(
        &d,
        "hespressfr_emnr",
        &["E-MNR", "efforts en cours", "financements"]
    ));
    assert!(emnr.axis.is_none(), "the plan's axes are not published");
}

fn all_three(t: &Text) -> bool {
    ["fr", "ar", "en"].iter().all(|l| t.has(l))
}

#[test]
fn titles_and_labels_exist_in_french_arabic_and_english() {
    let d = morocco();
    let mut missing = Vec::new();
    let mut check = |what: String, t: &Text| {
        if !all_three(t) {
            missing.push(what);
        }
    };
    check("plan.title".into(), &d.plan.title);
    for i in &d.indicators {
        check(format!("{}.label", i.id), &i.label);
        check(format!("{}.unit", i.id), &i.unit);
    }
    for r in &d.ratings {
        check(format!("{}.label", r.id), &r.label);
        for l in &r.scale {
            check(format!("{}.{}", r.id, l.id), &l.label);
        }
    }
    for m in &d.milestones {
        check(format!("{}.label", m.id), &m.label);
    }
    for c in &d.commitments {
        check(format!("{}.label", c.id), &c.label);
    }
    assert!(missing.is_empty(), "not in fr, ar and en: {missing:?}");
}

#[test]
fn no_gap_is_written_as_zero() {
    let d = morocco();
    let zeros: Vec<String> = d
        .indicators
        .iter()
        .flat_map(|i| {
            i.points
                .iter()
                .filter(|p| p.value == Some(0.0))
                .map(move |p| format!("{} {}", i.id, p.year))
        })
        .collect();
    assert!(zeros.is_empty(), "{zeros:?}");
}

/// Every text of the dataset a reader may meet, with where it is. Each struct is taken apart
/// without `..`, so a text member added to the model does not compile here until it is listed:
/// the check below cannot skip it silently. (A source's `quote` is a plain string in the
/// source's own language, not localized text.)
fn every_text(d: &Dataset) -> Vec<(String, &Text)> {
    let Dataset {
        plan,
        sources,
        indicators,
        ratings,
        recommendations,
        axes,
        commitments,
        milestones,
        conflicts,
        subjects,
        scales,
    } = d;
    let mut t = Texts(Vec::new());
    t.plan_and_sources(plan, sources);
    t.compared(subjects, scales);
    t.series(indicators, ratings);
    t.recommendations(recommendations);
    t.plans_content(axes, commitments, milestones, conflicts);
    t.0
}

struct Texts<'a>(Vec<(String, &'a Text)>);

impl<'a> Texts<'a> {
    fn add(&mut self, path: String, text: &'a Text) {
        self.0.push((path, text));
    }

    fn maybe(&mut self, path: String, text: &'a Option<Text>) {
        if let Some(text) = text {
            self.add(path, text);
        }
    }

    fn plan_and_sources(&mut self, plan: &'a model::Plan, sources: &'a [(String, model::Source)]) {
        let model::Plan {
            id: _,
            country: _,
            title,
            period: _,
            publisher,
            languages: _,
            default_language: _,
            updated: _,
            licence: _,
            description,
            source: _,
        } = plan;
        self.add("plan.title".into(), title);
        self.add("plan.publisher".into(), publisher);
        self.maybe("plan.description".into(), description);
        for (key, s) in sources {
            let model::Source {
                title,
                publisher,
                url: _,
                date: _,
                kind: _,
                quote: _,
                note,
            } = s;
            self.add(format!("sources.{key}.title"), title);
            self.add(format!("sources.{key}.publisher"), publisher);
            self.maybe(format!("sources.{key}.note"), note);
        }
    }

    fn compared(&mut self, subjects: &'a [model::Subject], scales: &'a [model::Scale]) {
        for model::Subject { code, name } in subjects {
            self.add(format!("subjects.{code}.name"), name);
        }
        for scale in scales {
            let model::Scale {
                id,
                label,
                definition,
                levels,
            } = scale;
            self.add(format!("scales.{id}.label"), label);
            self.maybe(format!("scales.{id}.definition"), definition);
            for model::Level { id: level, label } in levels {
                self.add(format!("scales.{id}.{level}.label"), label);
            }
        }
    }

    fn series(&mut self, indicators: &'a [model::Indicator], ratings: &'a [model::Rating]) {
        for i in indicators {
            let model::Indicator {
                id,
                label,
                unit,
                definition,
                reported_by,
                group: _,
                points,
            } = i;
            self.add(format!("{id}.label"), label);
            self.add(format!("{id}.unit"), unit);
            self.maybe(format!("{id}.definition"), definition);
            self.maybe(format!("{id}.reported_by"), reported_by);
            for p in points {
                let model::Point {
                    year,
                    value: _,
                    source: _,
                    published: _,
                    note,
                } = p;
                self.maybe(format!("{id}.{year}.note"), note);
            }
        }
        for r in ratings {
            let model::Rating {
                id,
                label,
                definition,
                scale,
                points,
                shared_scale: _,
                subject: _,
            } = r;
            self.add(format!("{id}.label"), label);
            self.maybe(format!("{id}.definition"), definition);
            for model::Level { id: level, label } in scale {
                self.add(format!("{id}.{level}.label"), label);
            }
            for model::RatingPoint {
                year,
                level: _,
                source: _,
                note,
                placement: _,
            } in points
            {
                self.maybe(format!("{id}.{year}.note"), note);
            }
        }
    }

    fn recommendations(&mut self, lists: &'a [model::RecommendationList]) {
        for list in lists {
            let model::RecommendationList {
                id,
                title,
                report: _,
                year: _,
                declared_count: _,
                declared_count_source: _,
                transcription_note,
                items,
            } = list;
            self.add(format!("{id}.title"), title);
            self.maybe(format!("{id}.transcription_note"), transcription_note);
            for item in items {
                let model::Recommendation {
                    id: item_id,
                    rank: _,
                    text,
                    complete: _,
                    source: _,
                    status,
                } = item;
                self.add(format!("{id}.{item_id}.text"), text);
                self.status(format!("{id}.{item_id}.status"), status);
            }
        }
    }

    fn plans_content(
        &mut self,
        axes: &'a [model::Axis],
        commitments: &'a [model::Commitment],
        milestones: &'a [model::Milestone],
        conflicts: &'a [model::Conflict],
    ) {
        for model::Axis {
            id,
            label,
            source: _,
        } in axes
        {
            self.add(format!("axes.{id}.label"), label);
        }
        for c in commitments {
            let model::Commitment {
                id,
                axis: _,
                label,
                description,
                source: _,
                status,
                progress: _,
                progress_source: _,
                target: _,
                note,
            } = c;
            self.add(format!("commitments.{id}.label"), label);
            self.maybe(format!("commitments.{id}.description"), description);
            self.status(format!("commitments.{id}.status"), status);
            self.maybe(format!("commitments.{id}.note"), note);
        }
        for m in milestones {
            let model::Milestone {
                id,
                date: _,
                label,
                description,
                source: _,
                note,
            } = m;
            self.add(format!("milestones.{id}.label"), label);
            self.maybe(format!("milestones.{id}.description"), description);
            self.maybe(format!("milestones.{id}.note"), note);
        }
        for model::Conflict {
            id,
            text,
            sources: _,
            indicators: _,
        } in conflicts
        {
            self.add(format!("conflicts.{id}.text"), text);
        }
    }

    fn status(&mut self, path: String, status: &'a model::Status) {
        let model::Status {
            value: _,
            assessed_by,
            assessed_on: _,
            source: _,
            note,
        } = status;
        self.maybe(format!("{path}.assessed_by"), assessed_by);
        self.maybe(format!("{path}.note"), note);
    }
}

/// The strings of a text, each with its language ("*" for a plain string).
fn strings(text: &Text) -> Vec<(&str, &str)> {
    match text {
        Text::Plain(s) => vec![("*", s.as_str())],
        Text::Localized(pairs) => pairs
            .iter()
            .map(|(l, s)| (l.as_str(), s.as_str()))
            .collect(),
    }
}

/// The ids a reader could be sent to: of indicators, ratings, recommendation lists, axes,
/// commitments and milestones, and also of groups, scale levels, recommendations and conflicts.
fn every_id(d: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for i in &d.indicators {
        ids.push(&i.id);
        ids.extend(i.group.as_deref());
    }
    for r in &d.ratings {
        ids.push(&r.id);
        ids.extend(r.scale.iter().map(|l| l.id.as_str()));
    }
    for list in &d.recommendations {
        ids.push(&list.id);
        ids.extend(list.items.iter().map(|i| i.id.as_str()));
    }
    ids.extend(d.axes.iter().map(|a| a.id.as_str()));
    ids.extend(d.commitments.iter().map(|c| c.id.as_str()));
    ids.extend(d.milestones.iter().map(|m| m.id.as_str()));
    ids.extend(d.conflicts.iter().map(|c| c.id.as_str()));
    ids.sort_unstable();
    ids.dedup(); // a commitment and a milestone may share an id
    ids
}

/// Whether `text` names `id` as a word of its own: "see tip-prosecutions-cases" names
/// `tip-prosecutions-cases`, not `tip-prosecutions`. Ids are lower case; so is the match.
fn names(text: &str, id: &str) -> bool {
    let id_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        !before.is_some_and(id_char) && !after.is_some_and(id_char)
    })
}

#[test]
fn reader_text_names_series_by_their_label_never_by_their_id() {
    assert!(names(
        "voir tip-investigations-suspects.",
        "tip-investigations-suspects"
    ));
    assert!(names(
        "انظر tip-investigations-suspects",
        "tip-investigations-suspects"
    ));
    assert!(names("(pmp-victims)", "pmp-victims"));
    assert!(!names("see tip-prosecutions-cases", "tip-prosecutions"));
    assert!(!names("Toll-free hotline", "toll-free-hotline"));

    let d = morocco();
    let texts = every_text(&d);
    for place in [
        "plan.",
        "sources.",
        ".note",
        "status.note",
        "milestones.",
        "conflicts.",
    ] {
        assert!(
            texts.iter().any(|(path, _)| path.contains(place)),
            "the walk misses {place}"
        );
    }
    let ids = every_id(&d);
    let mut found = Vec::new();
    for (path, text) in &texts {
        for (lang, s) in strings(text) {
            for id in ids.iter().filter(|id| names(s, id)) {
                found.push(format!("{path} ({lang}): {id}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "reader text names an internal id; write the series' label instead: {found:#?}"
    );
}
