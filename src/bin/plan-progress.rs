//! The native command line: validate datasets, render views to SVG and PNG (one at a time, or
//! every view in every language at once for a newsroom's picture folder).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use plan_progress::chart::{self, Theme, View, ViewError, ViewKind};
use plan_progress::diagnostics;
use plan_progress::i18n::Digits;
use plan_progress::model::{self, Dataset, ProblemKind};
use plan_progress::order::clamp;
use plan_progress::raster::{self, FontMeasure, Rasterizer};

const USAGE: &str = "\
plan-progress: check plan-progress datasets and render their charts

USAGE:
    plan-progress validate FILE...
    plan-progress render FILE --view VIEW [OPTIONS]
    plan-progress render-all FILE --out-dir DIR [OPTIONS]

validate    reads each dataset and lists every problem with its JSON path;
            exits 0 when all are valid, 1 otherwise.
render      draws one view of a dataset as SVG or PNG, with the chart code the widget uses.
render-all  draws every view in every language of the dataset into a folder, named
            VIEW-LANG.png (VIEW-LANG-dark.png for the dark theme), and prints each file.

Text is laid out and drawn with the fonts the program ships (Noto Sans, Noto Sans Arabic),
so an image is the same on every machine; Arabic is shaped and reads right to left.

RENDER OPTIONS:
    --view VIEW        series, rating, status, progress, timeline, overview or compare
    --series IDS       comma-separated indicator ids (series), a rating id (rating),
                       a recommendation list id (status), axis ids (progress) or a
                       shared scale's id (compare)
    --from YEAR        first year shown
    --to YEAR          last year shown
    --lang LANG        language of the text, e.g. fr, ar, en (default: the dataset's)
    --theme THEME      light | dark (default: light)
    --digits DIGITS    latn | arab: Western or Arabic-Indic digits, for Arabic (default: latn)
    --x-direction DIR  ltr | rtl: which way time runs on the year axis (default: ltr)
    --width PX         default 800 (200 to 4000)
    --height PX        default 450 (150 to 4000)
    --format FORMAT    svg | png (default: from the --out extension, else svg)
    --scale N          PNG pixels per CSS pixel, 0.5 to 4 (default 2: a 1200x630 view
                       makes a 2400x1260 PNG, sharp on high-density screens)
    --out FILE         write there instead of standard output

RENDER-ALL OPTIONS:
    --out-dir DIR      the folder (created if missing)
    --format FORMAT    png | svg | both (default: png)
    --views LIST       comma-separated views (default: all seven)
    --langs LIST       comma-separated languages (default: the dataset's languages)
    --theme THEME      light | dark | both (default: light)
    --width, --height, --scale, --from, --to, --digits, --x-direction as for render

EXAMPLES:
    plan-progress render data/morocco.json --view rating --lang ar --width 1200 --height 630 --out tier-ar.png
    plan-progress render-all data/morocco.json --out-dir pictures/ --width 1200 --height 630
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("render") => render(&args[1..]),
        Some("render-all") => render_all(&args[1..]),
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

fn load(path: &str) -> Result<Dataset, String> {
    model::load(&read(path)?).map_err(|e| format!("{path} is not a valid dataset:\n{e}"))
}

/// Validates every file; Ok(false) when any is invalid. A problem is printed `path: message`,
/// followed by where it is in the file (except a syntax error, whose message says it).
fn validate(paths: &[String]) -> Result<bool, String> {
    let mut all_valid = true;
    for path in paths {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        match model::load_bytes(&bytes) {
            Ok(d) => println!("{path}: valid ({})", d.counts()),
            Err(e) => {
                all_valid = false;
                let problems = e.problems();
                let places = diagnostics::locate(&String::from_utf8_lossy(&bytes), &problems);
                println!("{path}: {} problem(s)", problems.len());
                for (p, place) in problems.iter().zip(places) {
                    match place {
                        Some(at) if !matches!(p.kind, ProblemKind::NotJson(_)) => {
                            println!("  {p} (line {}, column {})", at.line, at.column);
                        }
                        _ => println!("  {p}"),
                    }
                }
            }
        }
    }
    Ok(all_valid)
}

/// An image format the command line writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

impl Format {
    fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    /// The format named by a file's extension, so that `--out tiers.png` needs no `--format`.
    fn from_path(path: &str) -> Result<Format, String> {
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        Format::from_name(extension).ok_or_else(|| {
            format!("cannot tell the format of {path} from its extension: end it with .svg or .png, or give --format svg|png")
        })
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

/// The PNG density when none is given: 2, as on a high-density ("retina") screen, which
/// social networks and print both prefer to a 1x image.
const DEFAULT_SCALE: f64 = 2.0;

/// Applies an option both commands share to `view`; Ok(false) when `flag` is not one of them.
fn view_option(view: &mut View, flag: &str, value: &str) -> Result<bool, String> {
    let number = |v: &str| {
        v.parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| format!("{flag}: \"{v}\" is not a number"))
    };
    let year = |v: &str| {
        v.parse::<i32>()
            .map_err(|_| format!("{flag}: \"{v}\" is not a year"))
    };
    match flag {
        "--from" => view.from = Some(year(value)?),
        "--to" => view.to = Some(year(value)?),
        "--width" => view.width = clamp(number(value)?, 200.0, 4000.0),
        "--height" => view.height = clamp(number(value)?, 150.0, 4000.0),
        "--digits" => {
            view.digits = Some(match value {
                "latn" => Digits::Latin,
                "arab" => Digits::Arabic,
                other => return Err(format!("--digits: \"{other}\" (latn or arab)")),
            })
        }
        "--x-direction" => {
            view.x_rtl = match value {
                "ltr" => false,
                "rtl" => true,
                other => return Err(format!("--x-direction: \"{other}\" (ltr or rtl)")),
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn parse_scale(value: &str) -> Result<f64, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|s| (0.5..=4.0).contains(s))
        .ok_or_else(|| format!("--scale: \"{value}\" is not a number from 0.5 to 4"))
}

fn parse_theme(value: &str) -> Result<Theme, String> {
    Theme::by_name(value).ok_or_else(|| format!("unknown theme \"{value}\" (light or dark)"))
}

/// Splits `[flag, value, flag, value...]` into pairs, refusing a flag without its value.
fn pairs(options: &[String]) -> Result<Vec<(&str, &str)>, String> {
    options
        .chunks(2)
        .map(|pair| match pair {
            [flag, value] => Ok((flag.as_str(), value.as_str())),
            _ => Err(format!("{} needs a value", pair[0])),
        })
        .collect()
}

/// Draws views to SVG or PNG with the shipped fonts; made once per command and shared by
/// every image of a batch.
struct Renderer {
    measure: FontMeasure,
    raster: Rasterizer,
}

impl Renderer {
    fn new() -> Result<Renderer, String> {
        Ok(Renderer {
            measure: FontMeasure::new()?,
            raster: Rasterizer::new()?,
        })
    }

    fn draw(
        &self,
        dataset: &Dataset,
        view: &View,
        format: Format,
        scale: f64,
    ) -> Result<Vec<u8>, DrawError> {
        let scene = chart::build(dataset, view, &self.measure).map_err(DrawError::View)?;
        match format {
            Format::Svg => raster::svg(&scene).map(String::into_bytes),
            Format::Png => self.raster.png(&scene, scale),
        }
        .map_err(DrawError::Other)
    }
}

/// Why a view could not be drawn: batch renders skip views the dataset cannot fill and stop
/// on anything else.
enum DrawError {
    View(ViewError),
    Other(String),
}

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DrawError::View(e) => e.fmt(f),
            DrawError::Other(message) => f.write_str(message),
        }
    }
}

fn render(args: &[String]) -> Result<bool, String> {
    let (file, options) = args.split_first().ok_or("render needs a FILE")?;
    let dataset = load(file)?;
    let mut view = View::new(ViewKind::Series, 800.0, 450.0);
    view.lang = dataset.plan.default_language.clone();
    let (mut out, mut format, mut scale) = (None, None, None);
    for (flag, value) in pairs(options)? {
        if view_option(&mut view, flag, value)? {
            continue;
        }
        match flag {
            "--view" => view.kind = parse_view(value)?,
            "--series" => view.series = value.split(',').map(|s| s.trim().to_string()).collect(),
            "--lang" => view.lang = value.to_string(),
            "--theme" => view.theme = parse_theme(value)?,
            "--format" => {
                format = Some(
                    Format::from_name(value)
                        .ok_or_else(|| format!("unknown format \"{value}\" (svg or png)"))?,
                )
            }
            "--scale" => scale = Some(parse_scale(value)?),
            "--out" => out = Some(value.to_string()),
            other => return Err(format!("unknown option {other}\n\n{USAGE}")),
        }
    }
    let format = match (format, &out) {
        (Some(f), _) => f,
        (None, Some(path)) => Format::from_path(path)?,
        (None, None) => Format::Svg,
    };
    let bytes = Renderer::new()?
        .draw(&dataset, &view, format, scale.unwrap_or(DEFAULT_SCALE))
        .map_err(|e| e.to_string())?;
    match out {
        Some(path) => write_file(Path::new(&path), &bytes),
        None => write_stdout(&bytes, format),
    }?;
    Ok(true)
}

fn parse_view(value: &str) -> Result<ViewKind, String> {
    ViewKind::from_name(value).ok_or_else(|| {
        format!(
            "unknown view \"{value}\" (one of: {})",
            ViewKind::NAMES.join(", ")
        )
    })
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes the image to standard output, but no PNG to a terminal, where it would be garbage.
fn write_stdout(bytes: &[u8], format: Format) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    if format == Format::Png && stdout.is_terminal() {
        return Err("a PNG is not written to a terminal: give --out FILE.png".into());
    }
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// What `render-all` draws: every view, in each of `langs` and `themes`, in each of `formats`.
struct Batch {
    out_dir: PathBuf,
    formats: Vec<Format>,
    views: Vec<ViewKind>,
    langs: Vec<String>,
    themes: Vec<(&'static str, Theme)>,
    scale: f64,
    /// Size and years, shared by every view.
    base: View,
}

impl Batch {
    fn parse(dataset: &Dataset, options: &[String]) -> Result<Batch, String> {
        let mut batch = Batch {
            out_dir: PathBuf::new(),
            formats: vec![Format::Png],
            views: ViewKind::NAMES
                .into_iter()
                .filter_map(ViewKind::from_name)
                .collect(),
            langs: dataset.plan.languages.clone(),
            themes: vec![("light", Theme::light())],
            scale: DEFAULT_SCALE,
            base: View::new(ViewKind::Series, 800.0, 450.0),
        };
        let mut out_dir = None;
        for (flag, value) in pairs(options)? {
            if view_option(&mut batch.base, flag, value)? {
                continue;
            }
            match flag {
                "--out-dir" => out_dir = Some(PathBuf::from(value)),
                "--format" => batch.formats = parse_formats(value)?,
                "--views" => batch.views = parse_views(value)?,
                "--langs" => batch.langs = parse_langs(value)?,
                "--theme" => batch.themes = parse_themes(value)?,
                "--scale" => batch.scale = parse_scale(value)?,
                other => return Err(format!("unknown option {other}\n\n{USAGE}")),
            }
        }
        batch.out_dir = out_dir.ok_or("render-all needs --out-dir DIR")?;
        if batch.langs.is_empty() {
            batch.langs.push(dataset.plan.default_language.clone());
        }
        Ok(batch)
    }

    /// Each view to draw, with the name of its file (without extension).
    fn jobs(&self) -> Vec<(String, View)> {
        let mut out = Vec::new();
        for (theme_name, theme) in &self.themes {
            for &kind in &self.views {
                for lang in &self.langs {
                    let mut view = self.base.clone();
                    view.kind = kind;
                    view.lang = lang.clone();
                    view.theme = theme.clone();
                    let suffix = if *theme_name == "light" { "" } else { "-dark" };
                    out.push((format!("{}-{lang}{suffix}", kind.name()), view));
                }
            }
        }
        out
    }
}

fn parse_formats(value: &str) -> Result<Vec<Format>, String> {
    match value {
        "both" => Ok(vec![Format::Png, Format::Svg]),
        _ => Format::from_name(value)
            .map(|f| vec![f])
            .ok_or_else(|| format!("unknown format \"{value}\" (png, svg or both)")),
    }
}

fn parse_views(value: &str) -> Result<Vec<ViewKind>, String> {
    value.split(',').map(|v| parse_view(v.trim())).collect()
}

fn parse_themes(value: &str) -> Result<Vec<(&'static str, Theme)>, String> {
    match value {
        "light" => Ok(vec![("light", Theme::light())]),
        "dark" => Ok(vec![("dark", Theme::dark())]),
        "both" => Ok(vec![("light", Theme::light()), ("dark", Theme::dark())]),
        _ => Err(format!("unknown theme \"{value}\" (light, dark or both)")),
    }
}

/// Languages become file names, so only tags made of letters, digits and `-` are taken.
fn parse_langs(value: &str) -> Result<Vec<String>, String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                Ok(l.to_string())
            } else {
                Err(format!(
                    "--langs: \"{l}\" is not a language tag such as fr or ar"
                ))
            }
        })
        .collect()
}

/// Renders every view of a batch; views the dataset has nothing for are skipped with a note.
fn render_all(args: &[String]) -> Result<bool, String> {
    let (file, options) = args.split_first().ok_or("render-all needs a FILE")?;
    let dataset = load(file)?;
    let batch = Batch::parse(&dataset, options)?;
    std::fs::create_dir_all(&batch.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", batch.out_dir.display()))?;
    let renderer = Renderer::new()?;
    let mut written = 0;
    for (name, view) in batch.jobs() {
        for &format in &batch.formats {
            let path = batch.out_dir.join(format!("{name}.{}", format.extension()));
            match renderer.draw(&dataset, &view, format, batch.scale) {
                Ok(bytes) => {
                    write_file(&path, &bytes)?;
                    println!("{}", path.display());
                    written += 1;
                }
                Err(DrawError::View(e @ ViewError::NothingToShow(_))) => {
                    eprintln!("skipped {name}: {e}");
                    break;
                }
                Err(e) => return Err(format!("{name}: {e}")),
            }
        }
    }
    eprintln!("{written} file(s) written to {}", batch.out_dir.display());
    Ok(written > 0)
}
