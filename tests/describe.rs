//! The accessible alternatives of every chart: the summary sentences (the chart's description,
//! the text without JavaScript, the alt text of exported images) and the data table (the table
//! view and the CSV download), checked against the Morocco data and the test datasets.
// Tests are not in the wasm (std's sorts are fine here) and read as one story each.
#![allow(clippy::disallowed_methods, clippy::too_many_lines)]
mod common;

use common::{morocco, neighbours, root};
use plan_progress::chart::{View, ViewKind};
use plan_progress::describe::{summary, table, Table};
use plan_progress::i18n::{self, Lang, Msg};
use plan_progress::json::{self, Json};
use plan_progress::model::{self, Dataset};

fn view(kind: ViewKind, series: &[&str], lang: &str) -> View {
    let mut v = View::new(kind, 800.0, 450.0);
    v.series = series.iter().map(|s| s.to_string()).collect();
    v.lang = lang.into();
    v
}

fn kinds() -> impl Iterator<Item = ViewKind> {
    ViewKind::NAMES
        .iter()
        .map(|n| ViewKind::from_name(n).unwrap())
}

const LANGS: [&str; 3] = ["fr", "ar", "en"];

fn valid_datasets() -> Vec<(String, Dataset)> {
    let dir = root().join("tests/datasets/valid");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, model::load(&text).unwrap())
        })
        .collect()
}

/// What every summary must be: some text, every slot filled, no number gone wrong.
fn assert_sound(summary: &str, context: &str) {
    assert!(!summary.trim().is_empty(), "{context}: empty summary");
    for bad in ["{}", "NaN", "  "] {
        assert!(!summary.contains(bad), "{context}: {bad:?} in {summary:?}");
    }
    let words = summary.split(|c: char| !c.is_alphanumeric());
    assert!(
        !words.into_iter().any(|w| w == "inf"),
        "{context}: {summary:?}"
    );
    assert!(
        summary.ends_with('.'),
        "{context}: no full stop: {summary:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Summaries: exact sentences for the key cases

#[test]
fn series_summary_of_prosecutions() {
    let d = morocco();
    let s = |lang| summary(&d, &view(ViewKind::Series, &["tip-prosecutions"], lang));
    assert_eq!(
        s("en"),
        "Prosecutions (TIP) rose from 20 in 2017 to 213 in 2024, the highest of the period; \
         no figure for 2018, 2019 and 2020."
    );
    assert_eq!(
        s("fr"),
        "Le nombre de poursuites (TIP) a augmenté, passant de 20 en 2017 à 213 en 2024, \
         le plus haut niveau de la période\u{202f}; aucun chiffre pour les années 2018, 2019 et 2020."
    );
    assert_eq!(
        s("ar"),
        "ارتفع عدد المتابعات (تقرير الاتجار بالأشخاص) من 20 سنة 2017 إلى 213 سنة 2024، \
         وهو أعلى مستوى خلال الفترة؛ لا يوجد رقم للسنوات 2018، 2019 و2020."
    );
}

#[test]
fn series_summary_names_peaks_and_lows_and_years_cut() {
    let d = morocco();
    let en = summary(
        &d,
        &view(ViewKind::Series, &["tip-victims-identified"], "en"),
    );
    assert_eq!(
        en,
        "Victims identified (TIP) rose from 10 in 2017 to 229 in 2024, with a peak of 441 in \
         2020; no figure for 2019."
    );
    let mut v = view(ViewKind::Series, &["tip-convictions"], "fr");
    v.from = Some(2022);
    assert_eq!(
        summary(&d, &v),
        "Le nombre de condamnations (TIP) a diminué, passant de 101 en 2022 à 60 en 2024, \
         le plus bas niveau de la période."
    );
    let mut v = view(ViewKind::Series, &["tip-prosecutions"], "en");
    v.to = Some(2021);
    assert_eq!(
        summary(&d, &v),
        "Prosecutions (TIP) rose from 20 in 2017 to 111 in 2021; no figure for 2018, 2019 and \
         2020."
    );
    // a single figure, and a long gap said as a span
    assert_eq!(
        summary(
            &d,
            &view(ViewKind::Series, &["tip-specialized-prosecutors"], "en")
        ),
        "Specialised trafficking prosecutors (TIP) rose from 42 in 2018 to 44 in 2024; no \
         figure for 2019 to 2023."
    );
    assert_eq!(
        summary(
            &d,
            &view(ViewKind::Series, &["tip-potential-victims"], "ar")
        ),
        "الضحايا المحتملون (تقرير الاتجار بالأشخاص): 452 سنة 2024."
    );
    assert_eq!(
        summary(
            &d,
            &view(ViewKind::Series, &["tip-potential-victims"], "fr")
        ),
        "Le nombre de victimes potentielles (TIP) était de 452 en 2024."
    );
}

#[test]
fn rating_summary() {
    let d = morocco();
    let s = |lang| summary(&d, &view(ViewKind::Rating, &[], lang));
    assert_eq!(
        s("en"),
        "US TIP Report tier: Tier 2 every year since 2015. Before that: Tier 2 in 2001 and \
         2002, Tier 1 from 2003 to 2007, Tier 2 from 2008 to 2012 and Tier 2 Watch List in \
         2013 and 2014."
    );
    assert_eq!(
        s("fr"),
        "Catégorie du rapport TIP (Département d'État américain)\u{a0}: Catégorie 2 chaque \
         année depuis 2015. Auparavant\u{a0}: Catégorie 2 en 2001 et 2002, Catégorie 1 de 2003 \
         à 2007, Catégorie 2 de 2008 à 2012 et Catégorie 2 sous surveillance en 2013 et 2014."
    );
    assert_eq!(
        s("ar"),
        "تصنيف تقرير الاتجار بالأشخاص (وزارة الخارجية الأمريكية): الفئة 2 كل سنة منذ 2015. \
         قبل ذلك: الفئة 2 سنتي 2001 و2002، الفئة 1 من 2003 إلى 2007، الفئة 2 من 2008 إلى \
         2012 والفئة 2 تحت المراقبة سنتي 2013 و2014."
    );
    // the view's years: the current level up to the last year shown
    let mut v = view(ViewKind::Rating, &["tip-tier"], "en");
    (v.from, v.to) = (Some(2010), Some(2014));
    assert_eq!(
        summary(&d, &v),
        "US TIP Report tier: Tier 2 Watch List every year from 2013 to 2014. Before that: \
         Tier 2 from 2010 to 2012."
    );
}

#[test]
fn status_summary() {
    let d = morocco();
    let s = |series: &[&str], lang| summary(&d, &view(ViewKind::Status, series, lang));
    assert_eq!(
        s(&["tip-2024"], "en"),
        "TIP Report 2024: prioritized recommendations. 2 of 10 recommendations transcribed; \
         by status: status unknown (2)."
    );
    assert_eq!(
        s(&["tip-2024"], "fr"),
        "Rapport TIP 2024 : recommandations prioritaires. 2 sur 10 recommandations \
         transcrites\u{202f}; par état\u{a0}: état inconnu (2)."
    );
    assert_eq!(
        s(&["tip-2024"], "ar"),
        "تقرير الاتجار بالأشخاص 2024: التوصيات ذات الأولوية. التوصيات المنقولة: 2 من أصل 10؛ \
         حسب الحالة: الحالة غير معروفة (2)."
    );
    assert_eq!(
        s(&[], "en"),
        "Commitments by status: implemented (2), in progress (3) and status unknown (3)."
    );
    assert_eq!(
        s(&["commitments"], "fr"),
        "Engagements par état\u{a0}: mis en œuvre (2), en cours (3) et état inconnu (3)."
    );
    assert_eq!(
        s(&[], "ar"),
        "الالتزامات حسب الحالة: مُنفَّذ (2)، قيد التنفيذ (3) والحالة غير معروفة (3)."
    );
    // every list: one sentence each
    let all = s(&["recommendations"], "en");
    assert!(all.starts_with("TIP Report 2024: prioritized recommendations. 2 of 10"));
    assert!(all
        .ends_with("TIP Report 2025: prioritized recommendations. By status: status unknown (3)."));
}

#[test]
fn progress_summary() {
    let d = morocco();
    let s = |lang| summary(&d, &view(ViewKind::Progress, &[], lang));
    assert_eq!(
        s("en"),
        "None of the 8 commitments has a published progress figure; by status: implemented \
         (2), in progress (3) and status unknown (3)."
    );
    assert_eq!(
        s("fr"),
        "Aucun des 8 engagements n'a de taux d'avancement publié\u{202f}; par état\u{a0}: mis \
         en œuvre (2), en cours (3) et état inconnu (3)."
    );
    assert_eq!(
        s("ar"),
        "لم تُنشر نسبة تقدم لأي التزام من أصل 8؛ حسب الحالة: مُنفَّذ (2)، قيد التنفيذ (3) \
         والحالة غير معروفة (3)."
    );
}

#[test]
fn timeline_summary() {
    let d = morocco();
    let s = |lang| summary(&d, &view(ViewKind::Timeline, &[], lang));
    assert_eq!(
        s("en"),
        "15 milestones, from “Ratification of the UN Convention against Transnational \
         Organized Crime” (19 September 2002) to “TIP Report 2025 released (25th edition)” \
         (29 September 2025). The plan runs from 2023 to 2030."
    );
    assert_eq!(
        s("fr"),
        "15 étapes clés, de «\u{a0}Ratification de la Convention des Nations unies contre la \
         criminalité transnationale organisée\u{a0}» (19 septembre 2002) à «\u{a0}Publication du \
         rapport TIP 2025 (25e édition)\u{a0}» (29 septembre 2025). Le plan court de 2023 à \
         2030."
    );
    assert_eq!(
        s("ar"),
        "المحطات الرئيسية: 15، من «المصادقة على اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة \
         عبر الوطنية» (19 شتنبر 2002) إلى «صدور تقرير الاتجار بالأشخاص 2025 (الإصدار الخامس \
         والعشرون)» (29 شتنبر 2025). تمتد الخطة من 2023 إلى 2030."
    );
    let mut v = view(ViewKind::Timeline, &[], "en");
    (v.from, v.to) = (Some(2023), Some(2023));
    assert!(summary(&d, &v).starts_with(
        "3 milestones, from “National Plan 2023-2030, strategic action plan 2023-2026 and \
         national referral mechanism adopted” (17 March 2023) to"
    ));
}

#[test]
fn overview_summary_takes_one_sentence_from_each_panel() {
    let d = morocco();
    let en = summary(&d, &view(ViewKind::Overview, &[], "en"));
    assert_eq!(
        en,
        "US TIP Report tier: Tier 2 every year since 2015. Investigations (TIP) rose from 34 in \
         2017 to 120 in 2022; no figure for 2019, 2023 and 2024. Commitments by status: \
         implemented (2), in progress (3) and status unknown (3). 15 milestones from 2002 to \
         2025."
    );
    for lang in LANGS {
        let s = summary(&d, &view(ViewKind::Overview, &[], lang));
        assert_sound(&s, lang);
        assert_eq!(s.matches(". ").count(), 3, "{lang}: four sentences: {s}");
    }
}

// ---------------------------------------------------------------------------------------------
// Summaries: properties

#[test]
fn every_view_and_language_has_a_sound_summary() {
    let (morocco, neighbours) = (morocco(), neighbours());
    for kind in kinds() {
        // Morocco's dataset compares nothing
        let d = if kind == ViewKind::Compare {
            &neighbours
        } else {
            &morocco
        };
        for lang in LANGS {
            let s = summary(d, &view(kind, &[], lang));
            assert_sound(&s, &format!("{} {lang}", kind.name()));
            assert!(
                s.chars().any(|c| c.is_ascii_digit()),
                "{} {lang}: no number: {s}",
                kind.name()
            );
            let nothing = i18n::t(Lang::from_tag(lang), Msg::NothingToShow);
            assert_ne!(s, nothing, "{} {lang}", kind.name());
        }
    }
}

#[test]
fn series_summaries_state_first_and_last_figures_and_name_every_gap() {
    let d = morocco();
    for ind in &d.indicators {
        for lang in LANGS {
            let s = summary(&d, &view(ViewKind::Series, &[&ind.id], lang));
            assert_sound(&s, &ind.id);
            let figures: Vec<_> = ind.points.iter().filter(|p| p.value.is_some()).collect();
            let (first, last) = (figures.first().unwrap(), figures.last().unwrap());
            for p in [first, last] {
                assert!(s.contains(&p.year.to_string()), "{} {lang}: {s}", ind.id);
                let v = i18n::format_number(p.value.unwrap(), Lang::from_tag(lang), 2);
                assert!(s.contains(&v), "{} {lang}: {v} missing in {s}", ind.id);
            }
            let span = ind.points.first().unwrap().year..=ind.points.last().unwrap().year;
            let gaps: Vec<i32> = span
                .filter(|y| !figures.iter().any(|p| p.year == *y))
                .collect();
            let no_figure = ["no figure for", "aucun chiffre pour", "لا يوجد رقم"];
            assert_eq!(
                !gaps.is_empty(),
                no_figure.iter().any(|w| s.contains(w)),
                "{} {lang}: {s}",
                ind.id
            );
            // every gap is named, one by one or inside a span of years
            let said = |y: &i32| s.contains(&y.to_string());
            let named = |y: i32| {
                said(&y)
                    || (gaps.iter().any(|a| *a < y && said(a))
                        && gaps.iter().any(|b| *b > y && said(b)))
            };
            for y in &gaps {
                assert!(named(*y), "{} {lang}: gap {y} not named in {s}", ind.id);
            }
            // a gap is never said to be zero
            assert!(!s.contains(" 0 "), "{} {lang}: {s}", ind.id);
        }
    }
}

#[test]
fn series_summary_follows_the_legend_and_the_series_asked_for() {
    let d = morocco();
    // default: the first indicator's group, one sentence each
    let s = summary(&d, &view(ViewKind::Series, &[], "en"));
    for label in [
        "Investigations (TIP)",
        "Prosecutions (TIP)",
        "Convictions (TIP)",
    ] {
        assert!(s.contains(label), "{label} in {s}");
    }
    assert_eq!(s.matches(". ").count() + 1, 3);
    // a series switched off in the legend is not described
    let mut v = view(ViewKind::Series, &[], "en");
    v.hidden = vec!["tip-prosecutions".into()];
    let s = summary(&d, &v);
    assert!(
        !s.contains("Prosecutions") && s.contains("Convictions"),
        "{s}"
    );
    v.hidden = vec![
        "tip-investigations".into(),
        "tip-prosecutions".into(),
        "tip-convictions".into(),
    ];
    assert_eq!(summary(&d, &v), "No series shown.");
    // beyond four series, the rest are named in one sentence
    let many: Vec<&str> = d.indicators.iter().take(6).map(|i| i.id.as_str()).collect();
    let s = summary(&d, &view(ViewKind::Series, &many, "en"));
    assert_sound(&s, "six series");
    assert!(s.contains("And 3 more series: "), "{s}");
    let s = summary(&d, &view(ViewKind::Series, &many, "ar"));
    assert!(s.contains("وسلاسل أخرى عددها 3: "), "{s}");
    // an unknown series: the chart cannot be drawn, and the summary says there is nothing
    assert_eq!(
        summary(&d, &view(ViewKind::Series, &["no-such-series"], "fr")),
        i18n::t(Lang::Fr, Msg::NothingToShow)
    );
}

#[test]
fn series_that_are_not_counts_are_topics() {
    let text = std::fs::read_to_string(root().join("tests/datasets/valid/full.json")).unwrap();
    let d = model::load(&text).unwrap();
    // 38.5 cases: not a count; and 0 is a figure, said as one
    let v = view(ViewKind::Series, &["prosecutions-official"], "fr");
    assert_eq!(
        summary(&d, &v),
        "Poursuites (rapports officiels)\u{a0}: en baisse, de 41 en 2021 à 0 en 2023, le plus \
         bas niveau de la période\u{202f}; aucun chiffre pour 2020."
    );
    // a label only in English, in a French sentence: not "le nombre d'alleged …"
    let v = view(ViewKind::Series, &["prosecutions-intl"], "fr");
    let s = summary(&d, &v);
    assert!(
        s.starts_with("Alleged offenders prosecuted (international monitor)\u{a0}: en hausse"),
        "{s}"
    );
    // and isolated inside an Arabic sentence, so that its parentheses keep their place
    let v = view(ViewKind::Series, &["prosecutions-intl"], "ar");
    let s = summary(&d, &v);
    assert!(
        s.starts_with("\u{2068}Alleged offenders prosecuted (international monitor)\u{2069}: "),
        "{s}"
    );
    // a series without any figure
    let v = view(ViewKind::Series, &["empty-series"], "en");
    assert_eq!(
        summary(&d, &v),
        "Nothing to show in this view.",
        "no years at all: the chart cannot be drawn either"
    );
    let text = std::fs::read_to_string(root().join("tests/datasets/valid/gaps.json")).unwrap();
    let d = model::load(&text).unwrap();
    let v = view(ViewKind::Series, &["jamais-publie"], "en");
    assert_eq!(summary(&d, &v), "Budget spent: no figure for 2019 to 2023.");
}

#[test]
fn every_view_of_every_valid_dataset_has_a_summary_and_a_table() {
    let mut datasets = valid_datasets();
    datasets.push(("morocco.json".into(), morocco()));
    datasets.push(("neighbours.json".into(), neighbours()));
    for (name, d) in &datasets {
        for kind in kinds() {
            let mut variants: Vec<Vec<String>> = vec![Vec::new(), vec!["nope".into()]];
            variants.extend(d.indicators.iter().map(|i| vec![i.id.clone()]));
            variants.extend(d.ratings.iter().map(|r| vec![r.id.clone()]));
            variants.extend(d.recommendations.iter().map(|l| vec![l.id.clone()]));
            variants.push(vec!["recommendations".into()]);
            variants.extend(d.axes.iter().map(|a| vec![a.id.clone()]));
            variants.extend(d.scales.iter().map(|s| vec![s.id.clone()]));
            for series in &variants {
                for lang in ["fr", "ar", "en", "de-CH", "ar-MA"] {
                    for years in [(None, None), (Some(2020), Some(2022)), (Some(2100), None)] {
                        let mut v = View::new(kind, 320.0, 480.0);
                        v.series = series.clone();
                        v.lang = lang.into();
                        (v.from, v.to) = years;
                        let context = format!("{name} {} {series:?} {lang} {years:?}", kind.name());
                        assert_sound(&summary(d, &v), &context);
                        let t = table(d, &v);
                        for row in &t.rows {
                            assert_eq!(row.cells.len(), t.columns.len(), "{context}");
                        }
                        let csv = t.to_csv();
                        assert!(csv.starts_with('\u{feff}'), "{context}");
                        assert_eq!(parse_csv(&csv).len(), t.rows.len() + 1, "{context}");
                        assert!(json::parse(&t.to_json().to_string()).is_ok(), "{context}");
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

/// Reads CSV text as RFC 4180 writes it (after the byte order mark): rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("byte order mark");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last line ends with CRLF"
    );
    rows
}

#[test]
fn series_table_holds_the_datasets_figures_exactly() {
    let d = morocco();
    for ind in &d.indicators {
        for lang in LANGS {
            let t = table(&d, &view(ViewKind::Series, &[&ind.id], lang));
            let ui = Lang::from_tag(lang);
            assert_eq!(t.columns.len(), 1);
            assert_eq!(t.columns[0].label, d.text(&ind.label, lang));
            assert_eq!(t.columns[0].unit.as_deref(), Some(d.text(&ind.unit, lang)));
            assert_eq!(t.header, i18n::t(ui, Msg::Year));
            let years: Vec<String> = ind.points.iter().map(|p| p.year.to_string()).collect();
            let headers: Vec<String> = t.rows.iter().map(|r| r.header.clone()).collect();
            assert_eq!(headers, years, "{}", ind.id);
            for (row, p) in t.rows.iter().zip(&ind.points) {
                let cell = &row.cells[0];
                assert_eq!(cell.value, p.value, "{} {}", ind.id, p.year);
                match p.value {
                    Some(v) => {
                        assert!(!cell.missing);
                        assert_eq!(cell.text, i18n::format_number(v, ui, 2));
                        let publisher = d.source(p.source.as_deref().unwrap()).unwrap();
                        // as the page shows it: isolated where it runs against the reader's text
                        let shown = cell.source.as_deref().map(i18n::bidi::strip);
                        assert_eq!(shown.as_deref(), Some(d.text(&publisher.publisher, lang)));
                    }
                    None => {
                        assert!(cell.missing);
                        assert_eq!(cell.text, i18n::t(ui, Msg::NoData));
                    }
                }
            }
        }
    }
    assert_eq!(i18n::t(Lang::En, Msg::NoData), "no data");
}

#[test]
fn series_table_has_a_column_per_series_and_a_row_per_year() {
    let d = morocco();
    let t = table(&d, &view(ViewKind::Series, &[], "en"));
    assert_eq!(
        t.caption,
        "Investigations (TIP), Prosecutions (TIP) and Convictions (TIP)"
    );
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Investigations (TIP)",
            "Prosecutions (TIP)",
            "Convictions (TIP)"
        ]
    );
    let years: Vec<&str> = t.rows.iter().map(|r| r.header.as_str()).collect();
    assert_eq!(
        years,
        ["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]
    );
    // 2018: investigations 80, prosecutions not published, convictions 5
    let row = &t.rows[1];
    assert_eq!(row.cells[0].value, Some(80.0));
    assert!(row.cells[1].missing && row.cells[1].text == "no data");
    assert_eq!(row.cells[2].value, Some(5.0));
    // the overview's table has a row for every datum of its panels: those drawn, the years
    // without a figure, and the cards a panel's board counts as "+N"
    let ov = view(ViewKind::Overview, &[], "en");
    let drawn = plan_progress::chart::draw(&d, &ov, &plan_progress::chart::Estimate).unwrap();
    let overview = plan_progress::describe::table_of(&d, &ov, &drawn.selection);
    let listed: Vec<_> = overview
        .rows
        .iter()
        .filter_map(|r| r.cells[0].datum)
        .collect();
    assert_eq!(listed, drawn.selection.data(&d, &ov));
    assert!(drawn
        .scene
        .targets
        .iter()
        .all(|t| listed.contains(&t.datum)));
    assert!(overview.rows.len() > drawn.scene.targets.len());
    assert!(overview
        .rows
        .iter()
        .any(|r| r.cells[1].text == "Tier 2 Watch List"));
    assert!(overview
        .rows
        .iter()
        .any(|r| r.cells[1].text == "213 alleged traffickers"));
    // a hidden series leaves the series table, years cut rows
    let mut v = view(ViewKind::Series, &[], "en");
    v.hidden = vec!["tip-investigations".into()];
    (v.from, v.to) = (Some(2021), Some(2022));
    let t = table(&d, &v);
    assert_eq!(t.columns.len(), 2);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1].cells[0].value, Some(149.0));
}

#[test]
fn csv_has_a_bom_units_quotes_and_unformatted_numbers() {
    let d = morocco();
    let v = view(
        ViewKind::Series,
        &["tip-investigations-suspects", "pmp-persons-prosecuted"],
        "en",
    );
    let csv = table(&d, &v).to_csv();
    assert!(csv.starts_with("\u{feff}Year,"));
    // the label with a comma is quoted; units in brackets
    assert!(
        csv.starts_with(
            "\u{feff}Year,\"Investigations, suspects (TIP) [suspects]\",Persons prosecuted for \
             trafficking (Public Prosecution) [persons]\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("\r\n2017,,47\r\n"), "{csv}");
    assert!(csv.contains("\r\n2024,204,213\r\n"), "{csv}");
    assert!(!csv.contains("213.0") && !csv.contains("persons\r\n2"));
    // the numbers read back are the dataset's, and a gap is an empty cell
    let rows = parse_csv(&csv);
    let ids = ["tip-investigations-suspects", "pmp-persons-prosecuted"];
    for row in &rows[1..] {
        let year: i32 = row[0].parse().unwrap();
        for (field, id) in row[1..].iter().zip(ids) {
            let point = d
                .indicator(id)
                .unwrap()
                .points
                .iter()
                .find(|p| p.year == year);
            let expected = point.and_then(|p| p.value);
            let read = (!field.is_empty()).then(|| field.parse::<f64>().unwrap());
            assert_eq!(read, expected, "{id} {year}");
        }
    }
    // Arabic and French text survives, and French numbers stay unformatted in CSV
    let csv = table(&d, &view(ViewKind::Series, &["pmp-court-cases"], "ar")).to_csv();
    assert!(csv.starts_with("\u{feff}السنة,قضايا الاتجار بالبشر المسجلة لدى المحاكم"));
    let big = {
        let mut t = table(&d, &view(ViewKind::Series, &["tip-prosecutions"], "fr"));
        t.rows[0].cells[0].value = Some(1749.5);
        t.rows[0].cells[0].text = i18n::format_number(1749.5, Lang::Fr, 2);
        t
    };
    assert_eq!(big.rows[0].cells[0].text, "1\u{202f}749,5");
    assert!(big.to_csv().contains("\r\n2017,1749.5\r\n"));
}

#[test]
fn rating_table() {
    let d = morocco();
    let t = table(&d, &view(ViewKind::Rating, &[], "fr"));
    assert_eq!(t.rows.len(), 25);
    assert_eq!(t.columns.len(), 1);
    assert_eq!(t.columns[0].unit, None);
    let at = |year: &str| {
        let row = t.rows.iter().find(|r| r.header == year).unwrap();
        row.cells[0].text.clone()
    };
    assert_eq!(at("2003"), "Catégorie 1");
    assert_eq!(at("2013"), "Catégorie 2 sous surveillance");
    assert_eq!(at("2025"), "Catégorie 2");
    let csv = t.to_csv();
    assert!(csv.contains("\r\n2013,Catégorie 2 sous surveillance\r\n"));
}

#[test]
fn status_table_shows_what_was_not_transcribed() {
    let d = morocco();
    let t = table(&d, &view(ViewKind::Status, &["tip-2024"], "en"));
    assert_eq!(t.caption, "TIP Report 2024: prioritized recommendations");
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Status", "Assessed by", "Assessed on", "Source"]);
    assert_eq!(t.rows.len(), 3);
    assert!(t.rows[0].header.starts_with("1. Systematically implement"));
    assert_eq!(t.rows[0].cells[0].text, "Status unknown");
    assert!(t.rows[1].header.starts_with("2. "));
    assert_eq!(
        t.rows[1].cells[3].note.as_deref(),
        Some("text cut short in the copy read")
    );
    assert_eq!(t.rows[2].header, "8 not transcribed");
    assert_eq!(t.rows[2].cells[0].text, "Status unknown");

    let t = table(&d, &view(ViewKind::Status, &[], "fr"));
    assert_eq!(t.rows.len(), 8);
    let guide = &t.rows[2];
    assert_eq!(guide.header, "Guide d'identification des victimes");
    assert_eq!(guide.cells[0].text, "Mis en œuvre");
    assert_eq!(
        guide.cells[1].text,
        "Département d'État des États-Unis, rapport TIP 2024"
    );
    assert_eq!(guide.cells[2].text, "2024");
    let csv = t.to_csv();
    assert!(csv.contains("\"Département d'État des États-Unis, rapport TIP 2024\""));
}

#[test]
fn progress_table_says_none_published() {
    let d = morocco();
    let t = table(&d, &view(ViewKind::Progress, &[], "en"));
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Axis", "Status", "Progress", "Target"]);
    assert_eq!(t.columns[2].unit.as_deref(), Some("%"));
    assert_eq!(t.rows.len(), d.commitments.len());
    for row in &t.rows {
        assert_eq!(row.cells[0].text, "Axis not published");
        assert_eq!(row.cells[2].text, "none published");
        assert!(row.cells[2].missing && row.cells[2].value.is_none());
    }
    assert!(t
        .to_csv()
        .contains("\r\nNational referral mechanism (NRM),Axis not published,In progress,,\r\n"));

    let text = std::fs::read_to_string(root().join("tests/datasets/valid/full.json")).unwrap();
    let full = model::load(&text).unwrap();
    let t = table(&full, &view(ViewKind::Progress, &[], "fr"));
    let awareness = &t.rows[0];
    assert_eq!(awareness.cells[2].value, Some(37.5));
    assert_eq!(awareness.cells[2].text, "37,5\u{202f}%");
    assert!(t.to_csv().contains(",37.5,"));
}

#[test]
fn timeline_table_has_a_row_per_milestone() {
    let d = morocco();
    let t = table(&d, &view(ViewKind::Timeline, &[], "en"));
    assert_eq!(t.rows.len(), d.milestones.len());
    assert_eq!(t.header, "Date");
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Milestone", "Source"]);
    assert_eq!(t.rows[0].header, "19 September 2002");
    assert_eq!(t.rows[3].header, "2018");
    assert_eq!(t.rows[4].header, "May 2019");
    let t = table(&d, &view(ViewKind::Timeline, &[], "ar"));
    assert_eq!(t.rows[2].header, "25 غشت 2016");
}

#[test]
fn table_json_for_the_browser() {
    let d = morocco();
    let t: Table = table(&d, &view(ViewKind::Series, &["tip-prosecutions"], "en"));
    let parsed = json::parse(&t.to_json().to_string()).unwrap();
    assert_eq!(
        parsed.get("caption"),
        Some(&Json::String("Prosecutions (TIP)".into()))
    );
    let Some(Json::Array(rows)) = parsed.get("rows") else {
        panic!("rows")
    };
    assert_eq!(rows.len(), 8);
    let Some(Json::Array(cells)) = rows[7].get("cells") else {
        panic!("cells")
    };
    assert_eq!(cells[0].get("value"), Some(&Json::Number(213.0)));
    assert_eq!(cells[0].get("missing"), Some(&Json::Bool(false)));
    let Some(Json::Array(cells)) = rows[1].get("cells") else {
        panic!("cells")
    };
    assert_eq!(cells[0].get("value"), Some(&Json::Null));
    assert_eq!(cells[0].get("text"), Some(&Json::String("no data".into())));
}
