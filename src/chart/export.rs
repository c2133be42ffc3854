//! An image to take away: the widget's "Download PNG" and "Download SVG".
//!
//! On the page the title, legend and source line are HTML around the canvas; an image that
//! leaves the page must carry them itself, and the date of its data, or it can no longer be
//! cited. The image is also made taller by the room they take, so that the plot keeps the
//! size the reader was looking at instead of being squeezed under the title.

use super::{build, Measure, View};
use crate::i18n::{self, Msg};
use crate::model::Dataset;

/// The largest image height, in CSS pixels (the widget's own limit for a chart).
const MAX_HEIGHT: f64 = 4000.0;

/// `view` as an exported image: decorated, with the dataset's date after the source line,
/// and as tall as it must be for its plot to keep the size it has undecorated. Its height is
/// decided here, once: a board or list that fits its content on the page (see
/// [`View::fit_content`]) is not fitted again, which would lay it out at its tallest with the
/// source line at the bottom, far below the last card.
pub fn view(dataset: &Dataset, view: &View, measure: &dyn Measure) -> View {
    let mut out = view.clone();
    out.decorate = true;
    out.footnote = Some(dated(dataset, view));
    out.height = height(dataset, view, &out, measure);
    out.fit_content = false;
    out
}

/// "Data updated: 6 December 2026", in the view's language and digits: the dataset's own
/// date (`plan.updated`), not the day of the download, since it is the data that ages.
pub fn dated(dataset: &Dataset, view: &View) -> String {
    let ui = view.ui_lang();
    let date = i18n::format_date(&dataset.plan.updated, ui, false);
    i18n::tf(ui, Msg::DataUpdated, &[&date])
}

/// The height of `decorated` that gives its plot the height the plot of `plain` has: the
/// height `plain` is drawn at (its content's, for a board that fits it) plus what the drawn
/// title, legend and source line take from the plot at that height. A view that cannot be
/// drawn keeps its height (the caller reports the error when it draws).
fn height(dataset: &Dataset, plain: &View, decorated: &View, measure: &dyn Measure) -> f64 {
    let mut undecorated = plain.clone();
    undecorated.decorate = false;
    undecorated.footnote = None;
    let Ok(before) = build(dataset, &undecorated, measure) else {
        return plain.height;
    };
    let mut at_that_height = decorated.clone();
    at_that_height.height = before.height;
    at_that_height.fit_content = false;
    let Ok(after) = build(dataset, &at_that_height, measure) else {
        return plain.height;
    };
    let taken = (before.plot.3 - after.plot.3).max(0.0);
    (before.height + taken).round().min(MAX_HEIGHT)
}

/// `svg` (as [`crate::chart::svg`] writes it) made smaller for an embed code's still picture,
/// with the same drawing: the font family said once on the root instead of on every text, no
/// `opacity="1"` (the default), whitespace between tags collapsed.
pub fn compact_svg(svg: &str) -> String {
    let family = svg
        .split("font-family=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|f| format!(" font-family=\"{f}\""));
    let mut out = svg.replace(" opacity=\"1\"", "");
    if let Some(family) = family {
        out = out.replace(&family, "");
        out = out.replacen("<svg ", &format!("<svg{family} "), 1);
    }
    let mut compact = String::with_capacity(out.len());
    let mut space = false;
    for c in out.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !compact.ends_with('>') && c != '<' {
            compact.push(' ');
        }
        space = false;
        compact.push(c);
    }
    compact
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Estimate, Mark, ViewKind};

    fn morocco() -> Dataset {
        let text = std::fs::read_to_string("data/morocco.json").unwrap();
        crate::model::load(&text).unwrap()
    }

    fn texts(scene: &crate::chart::Scene) -> Vec<String> {
        let strip = |s: &str| s.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "");
        scene
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(strip(text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_board_that_fits_its_content_is_exported_at_its_content_height() {
        let dataset = morocco();
        for kind in [ViewKind::Status, ViewKind::Progress] {
            let mut plain = View::new(kind, 720.0, kind.default_height(720.0));
            plain.fit_content = true;
            plain.decorate = false;
            let page = build(&dataset, &plain, &Estimate).unwrap();
            let out = view(&dataset, &plain, &Estimate);
            assert!(!out.fit_content, "{kind:?}");
            // the image is the page's chart and its title, legend and source line: no more
            // (it was laid out at its tallest, 2,400 px, with the source line at the bottom)
            assert!(
                out.height > page.height,
                "{kind:?}: {} <= {}",
                out.height,
                page.height
            );
            assert!(
                out.height < page.height + 200.0,
                "{kind:?}: {} for a {} px chart",
                out.height,
                page.height
            );
            let image = build(&dataset, &out, &Estimate).unwrap();
            assert!((image.plot.3 - page.plot.3).abs() <= 40.0, "{kind:?}");
        }
    }

    #[test]
    fn the_plot_keeps_its_height_and_the_image_says_its_date() {
        let text = std::fs::read_to_string("data/neighbours.json").unwrap();
        let (morocco, neighbours) = (morocco(), crate::model::load(&text).unwrap());
        for kind in ViewKind::ALL {
            // Morocco's dataset compares nothing
            let dataset = if kind == ViewKind::Compare {
                &neighbours
            } else {
                &morocco
            };
            for lang in ["en", "fr", "ar"] {
                let mut plain = View::new(kind, 700.0, 420.0);
                plain.decorate = false;
                plain.lang = lang.into();
                let out = view(dataset, &plain, &Estimate);
                assert!(out.decorate);
                // (a comparison's grid keeps its rows' height in the room the page gave)
                let taller = out.height > plain.height || kind == ViewKind::Compare;
                assert!(taller, "{kind:?} {lang}: not taller");
                let before = build(dataset, &plain, &Estimate).unwrap();
                let after = build(dataset, &out, &Estimate).unwrap();
                // the title and source line are drawn, and the plot keeps its height (the
                // overview's panels are laid out again, so only roughly)
                assert!(
                    (before.plot.3 - after.plot.3).abs() <= 40.0,
                    "{kind:?} {lang}"
                );
                let date = dated(dataset, &plain);
                assert!(after.chrome.source.ends_with(&date), "{kind:?} {lang}");
                let drawn = texts(&after).join(" ");
                assert!(
                    drawn.contains(&after.chrome.title),
                    "{kind:?} {lang}: no title"
                );
            }
        }
    }

    #[test]
    fn a_compact_still_draws_the_same_marks_in_fewer_bytes() {
        let dataset = morocco();
        let scene = build(
            &dataset,
            &View::new(ViewKind::Series, 720.0, 450.0),
            &Estimate,
        )
        .unwrap();
        let svg = crate::chart::svg(&scene).unwrap();
        let compact = compact_svg(&svg);
        assert!(
            compact.len() * 10 < svg.len() * 8,
            "{} -> {}",
            svg.len(),
            compact.len()
        );
        assert!(!compact.contains("opacity=\"1\"") && !compact.contains("\n"));
        assert_eq!(compact.matches("font-family=").count(), 1);
        assert!(compact.starts_with("<svg font-family=\""));
        let tags = |s: &str| s.matches('<').count();
        assert_eq!(tags(&compact), tags(&svg));
        for text in scene.texts() {
            assert!(compact.contains(text.trim()), "{text}");
        }
    }

    #[test]
    fn the_date_is_the_datasets_in_the_readers_language() {
        let dataset = morocco();
        let mut v = View::new(ViewKind::Rating, 600.0, 400.0);
        assert_eq!(dated(&dataset, &v), "Data updated: 6 December 2026");
        v.lang = "fr".into();
        assert_eq!(
            dated(&dataset, &v),
            "Données mises à jour : 6 décembre 2026"
        );
        v.lang = "ar".into();
        assert!(dated(&dataset, &v).contains("2026"));
    }
}
