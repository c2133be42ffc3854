//! The checker page's report of one file (`dist/check.html`): what it is (a valid dataset, a
//! dataset with problems, not JSON, empty, not text, too large), every problem with its place
//! and its message in the interface's language, and for a valid dataset what it holds and what
//! the page previews. The page shows it; every decision is taken here, with the code the widget
//! and the command line read datasets with.

use super::{locate, message, Position};
use crate::chart::select;
use crate::i18n::Lang;
use crate::json::{self, Json, SyntaxKind};
use crate::model::{self, limits::MAX_FILE_BYTES, Dataset, LoadError, Problem};

/// The report of a file of `size` bytes whose first bytes are `bytes` (all of them, unless the
/// file is larger than a dataset may be), with its messages in `lang`, as the page reads it:
///
/// `{verdict, problems: [{path, line, column, endColumn, message}], counts, views, languages}`
///
/// - `verdict`: `valid`, `invalid`, `syntax` (not JSON), `empty`, `not-text` or `too-large`;
/// - a problem's `line`, `column` and `endColumn` (see [`Position`]) are null when it is about
///   the whole file; its `message` is `[text, code, text, …]` (see `Message`);
/// - `counts` (see `model::Counts::named`), `views` (the view kinds that draw something) and
///   `languages` (the dataset's) are null unless the dataset is valid.
pub fn check(bytes: &[u8], size: usize, lang: &str) -> Json {
    let ui = Lang::from_tag(lang);
    let loaded = if size > MAX_FILE_BYTES {
        Err(LoadError::TooLarge { bytes: size })
    } else {
        model::load_bytes(bytes)
    };
    match loaded {
        Ok(dataset) => valid(&dataset),
        Err(error) => {
            let problems = error.problems();
            let text = match error {
                LoadError::TooLarge { .. } | LoadError::NotText => String::new(),
                _ => String::from_utf8_lossy(bytes).into_owned(),
            };
            let places = locate(&text, &problems);
            let list = problems
                .iter()
                .zip(places)
                .map(|(p, place)| problem_json(p, place, ui));
            json::object([
                ("verdict", verdict(&error).into()),
                ("problems", Json::Array(list.collect())),
                ("counts", Json::Null),
                ("views", Json::Null),
                ("languages", Json::Null),
            ])
        }
    }
}

/// What the page says of a file that could not be read, by why.
fn verdict(error: &LoadError) -> &'static str {
    match error {
        LoadError::TooLarge { .. } => "too-large",
        LoadError::NotText => "not-text",
        LoadError::Syntax(e) if e.kind == SyntaxKind::Empty => "empty",
        LoadError::Syntax(_) => "syntax",
        LoadError::Invalid(_) => "invalid",
    }
}

fn valid(dataset: &Dataset) -> Json {
    let counts = dataset
        .counts()
        .named()
        .map(|(name, n)| (name, (n as f64).into()));
    let names = |list: Vec<&str>| Json::Array(list.into_iter().map(Json::from).collect());
    let views = select::views(dataset).into_iter().map(|k| k.name());
    let languages = dataset.plan.languages.iter().map(String::as_str);
    json::object([
        ("verdict", "valid".into()),
        ("problems", Json::Array(Vec::new())),
        ("counts", json::object(counts)),
        ("views", names(views.collect())),
        ("languages", names(languages.collect())),
    ])
}

fn problem_json(problem: &Problem, place: Option<Position>, ui: Lang) -> Json {
    let number = |n: Option<usize>| Json::from(n.map(|n| n as f64));
    let parts = message(&problem.kind, ui).parts;
    json::object([
        ("path", problem.path.as_str().into()),
        ("line", number(place.map(|p| p.line))),
        ("column", number(place.map(|p| p.column))),
        ("endColumn", number(place.map(|p| p.end_column))),
        (
            "message",
            Json::Array(parts.into_iter().map(Json::from).collect()),
        ),
    ])
}
