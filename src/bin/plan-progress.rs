//! The native command line: validate datasets, render views to SVG.

use std::process::ExitCode;

use plan_progress::chart::{self, Estimate, Theme, View, ViewKind};
use plan_progress::model::{self, Dataset};

const USAGE: &str = "\
plan-progress: check plan-progress datasets and render their charts

USAGE:
    plan-progress validate FILE...
    plan-progress render FILE --view VIEW [OPTIONS]

validate  reads each dataset and lists every problem with its JSON path;
          exits 0 when all are valid, 1 otherwise.
render    draws one view of a dataset as SVG, with the chart code the widget uses.

RENDER OPTIONS:
    --view VIEW        series, rating, status, progress, timeline or overview
    --series IDS       comma-separated indicator ids (series) or a rating id (rating)
    --from YEAR        first year shown
    --to YEAR          last year shown
    --lang LANG        language of the text, e.g. fr, ar, en (default: the dataset's)
    --theme THEME      light | dark (default: light)
    --width PX         default 800
    --height PX        default 450
    --out FILE.svg     write there instead of standard output
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("render") => render(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(true)
        }
        _ => Err(format!("expected a command\n\n{USAGE}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// Validates every file; Ok(false) when any is invalid.
fn validate(paths: &[String]) -> Result<bool, String> {
    let mut all_valid = true;
    for path in paths {
        match model::load(&read(path)?) {
            Ok(d) => println!("{path}: valid ({})", counts(&d)),
            Err(e) => {
                all_valid = false;
                let problems = e.problems();
                println!("{path}: {} problem(s)", problems.len());
                for p in problems {
                    println!("  {p}");
                }
            }
        }
    }
    Ok(all_valid)
}

fn counts(d: &Dataset) -> String {
    let points: usize = d.indicators.iter().map(|i| i.points.len()).sum();
    let figures: usize = d
        .indicators
        .iter()
        .flat_map(|i| &i.points)
        .filter(|p| p.value.is_some())
        .count();
    format!(
        "{} sources, {} indicators with {figures} figures and {} gaps, {} ratings, {} recommendation lists, {} commitments, {} milestones",
        d.sources.len(),
        d.indicators.len(),
        points - figures,
        d.ratings.len(),
        d.recommendations.len(),
        d.commitments.len(),
        d.milestones.len()
    )
}

fn render(args: &[String]) -> Result<bool, String> {
    let (file, options) = args.split_first().ok_or("render needs a FILE")?;
    let dataset =
        model::load(&read(file)?).map_err(|e| format!("{file} is not a valid dataset:\n{e}"))?;
    let mut view = View::new(ViewKind::Series, 800.0, 450.0);
    view.lang = dataset.plan.default_language.clone();
    let mut out = None;
    for pair in options.chunks(2) {
        let [flag, value] = pair else {
            return Err(format!("{} needs a value", pair[0]));
        };
        let number = |v: &str| {
            v.parse::<f64>()
                .map_err(|_| format!("{flag}: \"{v}\" is not a number"))
        };
        let year = |v: &str| {
            v.parse::<i32>()
                .map_err(|_| format!("{flag}: \"{v}\" is not a year"))
        };
        match flag.as_str() {
            "--view" => {
                view.kind = ViewKind::from_name(value).ok_or_else(|| {
                    format!(
                        "unknown view \"{value}\" (one of: {})",
                        ViewKind::NAMES.join(", ")
                    )
                })?
            }
            "--series" => view.series = value.split(',').map(|s| s.trim().to_string()).collect(),
            "--from" => view.from = Some(year(value)?),
            "--to" => view.to = Some(year(value)?),
            "--lang" => view.lang = value.clone(),
            "--theme" => {
                view.theme = Theme::by_name(value)
                    .ok_or_else(|| format!("unknown theme \"{value}\" (light or dark)"))?
            }
            "--width" => view.width = number(value)?.clamp(200.0, 4000.0),
            "--height" => view.height = number(value)?.clamp(150.0, 4000.0),
            "--out" => out = Some(value.clone()),
            other => return Err(format!("unknown option {other}\n\n{USAGE}")),
        }
    }
    let svg = render_svg(&dataset, &view)?;
    match out {
        Some(path) => {
            std::fs::write(&path, svg).map_err(|e| format!("cannot write {path}: {e}"))?
        }
        None => print!("{svg}"),
    }
    Ok(true)
}

fn render_svg(dataset: &Dataset, view: &View) -> Result<String, String> {
    let scene = chart::build(dataset, view, &Estimate).map_err(|e| e.to_string())?;
    plan_progress::chart::svg(&scene).map_err(|e| format!("cannot draw the SVG: {e}"))
}
