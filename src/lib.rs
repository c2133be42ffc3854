//! plan-progress: progress charts of a national action plan from a published JSON dataset.
//!
//! Data flows one way: JSON text -> [`model::load`] (parse and validate, every problem with its
//! JSON path) -> [`model::Dataset`] -> [`chart::View`] (what to show, in which language, size and
//! theme) -> [`chart::Scene`] (marks at pixel positions, hit targets, text) -> painted on any
//! plotters `DrawingBackend`: the SVG backend (command line, snapshots, the widget's SVG
//! download), a canvas in the browser. Everything but the `web` module is plain Rust, tested
//! natively.

// The widget's first module (built without the `full` feature) leaves out the features that
// its full module brings, and so some of the code they share goes unused; the full build, which
// clippy checks with `-D warnings`, still finds code that nothing uses.
#![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

pub mod chart;
pub mod decimal;
pub mod describe;
pub mod diagnostics;
pub mod element;
pub mod i18n;
pub mod json;
pub mod model;
pub mod order;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;

#[cfg(target_arch = "wasm32")]
mod web;
