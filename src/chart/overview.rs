//! The overview: a compact dashboard of the other views.

use super::measure::Measure;
use super::scene::Scene;
use super::{View, ViewError};
use crate::model::Dataset;

pub fn build(_dataset: &Dataset, _view: &View, _measure: &dyn Measure) -> Result<Scene, ViewError> {
    Err(ViewError::NothingToShow("view not written yet"))
}
