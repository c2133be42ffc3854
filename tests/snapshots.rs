//! SVG snapshots of the views of the Morocco dataset, drawn by the same chart code as the
//! browser through plotters' SVG backend. A change in geometry, colours, labels or ticks shows
//! up as a diff. To accept intended changes: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`,
//! look at the SVGs, and commit them.

mod common;

use common::check_snapshot as check;
use plan_progress::chart::{Theme, View, ViewKind};

fn view(kind: ViewKind, lang: &str) -> View {
    let mut v = View::new(kind, 800.0, 450.0);
    v.lang = lang.into();
    v
}

#[test]
fn series_default_view_in_english() {
    check("series-en", &view(ViewKind::Series, "en"));
}

#[test]
fn series_narrow_dark_in_french() {
    let mut v = view(ViewKind::Series, "fr");
    v.series = vec!["tip-prosecutions".into(), "pmp-persons-prosecuted".into()];
    v.width = 340.0;
    v.height = 420.0;
    v.theme = Theme::dark();
    check("series-fr-narrow-dark", &v);
}

#[test]
fn rating_in_french() {
    check("rating-fr", &view(ViewKind::Rating, "fr"));
}

#[test]
fn rating_in_arabic_is_mirrored() {
    check("rating-ar", &view(ViewKind::Rating, "ar"));
}
