//! The default dataset against its research: the figures a reader will quote, checked one by
//! one, and the promises of the format (three languages, sources everywhere, gaps as gaps).

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
