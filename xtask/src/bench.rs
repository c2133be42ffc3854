//! `cargo xtask bench`: plan-progress measured side by side with Chart.js and uPlot (issues #7
//! and #14), the way readers live.
//!
//! Builds the release widget (`dist`), snapshots what it serves into `target/bench/` (other
//! commands rebuild `dist/` while the bench runs for minutes, and a half-written folder would
//! make a library fail mid-run): `dist/`, the pages of `bench/pages/` (with the still page
//! written from its template, see [`write_still_page`]), the files of Chart.js and uPlot that the
//! pages load, and generated datasets. Every snapshot gets the `.br` and `.gz` siblings `dist`
//! gives its own files ([`compress`]), so the server sends all three libraries compressed as a
//! CDN would. Then it serves them on a free loopback port and runs `bench/run.mjs`
//! (playwright-core driving Debian's Chromium), which emulates a phone and desktop broadband
//! through the DevTools protocol, prints the tables and writes `target/bench/results.json` and
//! `results.md`.
//!
//! It also measures freezes on loopback: the longest main-thread task while a widget loads and
//! draws its first chart, for the demo's dataset and for the largest dataset the format accepts
//! (written by a test of `tests/robustness.rs`, so that the bench and the native checks use the
//! same file). `--freeze-only` runs only that part (a minute or two), to follow one fix.
//!
//! Not part of `cargo xtask test`: it prints timings of a shared, noisy machine, and tests must
//! not assert milliseconds. The size budget in `cargo xtask test` is the part that is enforced.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, note, run, step, Result};
use crate::{compress, dist, serve, tools};

/// What `cargo xtask bench` was asked for.
#[derive(Debug, PartialEq, Default)]
pub struct Options {
    /// Fewer runs and hover moves (about a third of the time), for a first look.
    pub quick: bool,
    /// Only the freezes (no comparison with the other libraries): quick enough to run after each
    /// change meant to shorten them.
    pub freeze_only: bool,
}

/// Parses the options after `bench`.
pub fn parse(rest: &[&str]) -> std::result::Result<Options, String> {
    let mut options = Options::default();
    for arg in rest {
        match *arg {
            "--quick" => options.quick = true,
            "--freeze-only" => options.freeze_only = true,
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(options)
}

/// Builds, serves and runs the bench; see the module documentation.
pub fn bench(options: &Options) -> Result {
    dist::dist()?;
    tools::ensure_node("for the benchmark")?;
    let chromium = tools::ensure_chromium()?.ok_or_else(|| {
        format!(
            "the benchmark needs Chromium ({}); install it as root (see the warning above)",
            tools::CHROMIUM
        )
    })?;
    let bench_dir = util::root().join("bench");
    install_dependencies(&bench_dir)?;

    let out = util::target_dir().join("bench");
    let served = Served::new(&out);
    served.snapshot(&bench_dir)?;
    if !options.freeze_only {
        write_still_page(&served.pages, &out)?;
    }
    write_largest_dataset(&served.data)?;
    step("precompressing what the bench serves (.br and .gz siblings, as dist/ has)");
    for dir in served.dirs() {
        compress::precompress(&dir)?;
    }
    let server = serve::start("127.0.0.1:0", served.mounts(), false)?;
    let base_url = format!("http://{}", server.addr);
    note(&format!(
        "serving the dist/ snapshot, the bench's pages and the libraries at {base_url}/"
    ));

    step(match (options.freeze_only, options.quick) {
        (true, _) => "running the benchmark, freezes only (node bench/run.mjs)",
        (false, true) => "running the benchmark, --quick (node bench/run.mjs)",
        (false, false) => "running the benchmark (node bench/run.mjs; about 10 minutes)",
    });
    let mut node = Command::new("node");
    node.current_dir(&bench_dir)
        .arg("run.mjs")
        .env("BASE_URL", &base_url)
        .env("BENCH_SITE", &served.site)
        .env("BENCH_VENDOR", &served.vendor)
        .env("BENCH_OUT", &out)
        .env("CHROMIUM", &chromium)
        .env("BENCH_QUICK", flag(options.quick))
        .env("BENCH_FREEZE_ONLY", flag(options.freeze_only))
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(&mut node).map_err(|e| format!("{e}\nthe benchmark stopped; see its output above"))?;
    println!(
        "bench: results in {} and {}",
        util::rel(&out.join("results.md")),
        util::rel(&out.join("results.json"))
    );
    Ok(())
}

/// How the runner reads a yes/no setting from its environment.
fn flag(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

/// Has `tests/robustness.rs` write the largest dataset the format accepts, and copies it into
/// `data` (served at `/bench-data/largest.json`). The test builds it, so the bench times the very
/// file whose native load and build times the robustness tests check.
fn write_largest_dataset(data: &Path) -> Result {
    step("writing the largest accepted dataset (tests/robustness.rs)");
    run(util::cargo().args([
        "test",
        "--quiet",
        "--test",
        "robustness",
        "--",
        "--ignored",
        "write_largest_dataset",
    ]))?;
    // the test writes next to its manifest, whatever CARGO_TARGET_DIR says
    let written = util::root().join("target/largest.json");
    let copy = data.join("largest.json");
    std::fs::copy(&written, &copy).map_err(|e| {
        format!(
            "could not copy {} to {}: {e}",
            util::rel(&written),
            util::rel(&copy)
        )
    })?;
    Ok(())
}

/// `npm ci` in `bench/` when its `node_modules` is missing (the lock file pins Chart.js, uPlot
/// and playwright-core). playwright-core must never fetch a browser of its own.
fn install_dependencies(bench_dir: &Path) -> Result {
    let lock = bench_dir.join("package-lock.json");
    if !lock.is_file() {
        return Err(format!(
            "{} is missing: run `npm install` in bench/ and commit the lock file",
            util::rel(&lock)
        ));
    }
    if bench_dir.join("node_modules").is_dir() {
        note("bench/node_modules: present");
        return Ok(());
    }
    step("installing the bench's dependencies (npm ci in bench/)");
    run(Command::new("npm")
        .current_dir(bench_dir)
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
    .map_err(|e| format!("{e}\ncould not install Chart.js, uPlot and playwright-core from npm"))
}

/// The library files the bench's pages load, by npm package: only these are served (the
/// packages' `dist/` folders hold megabytes of other builds and source maps). `bench/run.mjs`
/// counts the bytes to draw from what is served.
const VENDOR_FILES: [(&str, &[&str]); 2] = [
    ("chart.js", &["chart.umd.min.js"]),
    ("uplot", &["uPlot.iife.min.js", "uPlot.min.css"]),
];

/// The folders the bench serves, all under `target/bench/`.
struct Served {
    /// The `dist/` snapshot, at `/`, as a host page would serve the widget.
    site: PathBuf,
    /// `bench/pages/`, at `/bench/`.
    pages: PathBuf,
    /// One folder per package of [`VENDOR_FILES`], at `/vendor/<package>/`.
    vendor: PathBuf,
    /// The generated datasets, at `/bench-data/`.
    data: PathBuf,
}

impl Served {
    fn new(out: &Path) -> Served {
        Served {
            site: out.join("site"),
            pages: out.join("pages"),
            vendor: out.join("vendor"),
            data: out.join("data"),
        }
    }

    fn dirs(&self) -> [PathBuf; 4] {
        [
            self.site.clone(),
            self.pages.clone(),
            self.vendor.clone(),
            self.data.clone(),
        ]
    }

    /// Fills the folders afresh (an older run's files and siblings are removed first).
    fn snapshot(&self, bench_dir: &Path) -> Result {
        for dir in self.dirs() {
            dist::remove_dir(&dir)?;
            dist::mkdir(&dir)?;
        }
        let files = dist::copy_tree(&dist::dist_dir(), &self.site, &[])?;
        note(&format!(
            "dist/ -> {} ({files} files)",
            util::rel(&self.site)
        ));
        let files = dist::copy_tree(&bench_dir.join("pages"), &self.pages, &[])?;
        note(&format!(
            "bench/pages/ -> {} ({files} files)",
            util::rel(&self.pages)
        ));
        let modules = bench_dir.join("node_modules");
        for (package, files) in VENDOR_FILES {
            let dir = self.vendor.join(package);
            dist::mkdir(&dir)?;
            for file in files {
                let from = modules.join(package).join("dist").join(file);
                std::fs::copy(&from, dir.join(file)).map_err(|e| {
                    format!(
                        "could not copy {}: {e} (run `npm ci` in bench/)",
                        util::rel(&from)
                    )
                })?;
            }
        }
        Ok(())
    }

    /// What the server serves, and where.
    fn mounts(&self) -> Vec<serve::Mount> {
        let mut mounts = vec![
            serve::Mount::new("/", &self.site),
            serve::Mount::new("/bench/", &self.pages),
            serve::Mount::new("/bench-data/", &self.data),
        ];
        for (package, _) in VENDOR_FILES {
            mounts.push(serve::Mount::new(
                &format!("/vendor/{package}/"),
                self.vendor.join(package),
            ));
        }
        mounts
    }
}

/// The dataset and indicators every reader page draws: the demo's three TIP series. The pages
/// name them in their markup (`bench/pages/reader-*.html`, `still-plan-progress.html`); a test
/// checks that they agree with these.
const READER_SRC: &str = "/data/morocco.json";
const READER_SERIES: &str = "tip-investigations,tip-prosecutions,tip-convictions";
/// The still's width: the reader pages' column (`bench/pages/reader.css`, 744 px) less the
/// element's padding.
const STILL_WIDTH: &str = "720";
/// The page with a still inside its `<plan-progress>`, and the comment its template holds where
/// the still goes.
const STILL_PAGE: &str = "still-plan-progress.html";
const STILL_MARKER: &str = "<!-- still -->";

/// Renders the still of the reader pages' chart with the command line (`cargo run -- render`)
/// and writes it into the still page of the pages' snapshot.
fn write_still_page(pages: &Path, out: &Path) -> Result {
    step("rendering the still of the reader pages' chart (the command line's render)");
    let svg_path = out.join("still.svg");
    run(util::cargo()
        .args(["run", "--quiet", "--", "render"])
        .arg(util::root().join(READER_SRC.trim_start_matches('/')))
        .args(["--view", "series", "--series", READER_SERIES])
        .args(["--width", STILL_WIDTH, "--lang", "en", "--out"])
        .arg(&svg_path))?;
    let svg = std::fs::read_to_string(&svg_path)
        .map_err(|e| format!("could not read {}: {e}", util::rel(&svg_path)))?;
    let page = pages.join(STILL_PAGE);
    let template = std::fs::read_to_string(&page)
        .map_err(|e| format!("could not read {}: {e}", util::rel(&page)))?;
    let html = still_page(&template, &svg).map_err(|e| format!("bench/pages/{STILL_PAGE}: {e}"))?;
    std::fs::write(&page, html).map_err(|e| format!("could not write {}: {e}", util::rel(&page)))
}

/// The still page: the template with its one [`STILL_MARKER`] replaced by [`still_markup`].
fn still_page(template: &str, svg: &str) -> Result<String> {
    match template.matches(STILL_MARKER).count() {
        1 => Ok(template.replacen(STILL_MARKER, &still_markup(svg), 1)),
        n => Err(format!(
            "expected `{STILL_MARKER}` once (where the still goes), found it {n} times"
        )),
    }
}

/// The still as the page carries it, in the element's light DOM: an `<img>` of the SVG in a
/// `data:` URL (no request of its own), as wide as the element, named by the chart's title.
/// This is the one place to change when the embed code carries its own still (issue #14).
fn still_markup(svg: &str) -> String {
    format!(
        "<img src=\"data:image/svg+xml,{}\" width=\"100%\" alt=\"{}\">",
        percent_encode(svg),
        escape_attribute(&svg_title(svg))
    )
}

/// The text of the SVG's first `<text>` element (the chart's title), without the bidi isolates
/// around dataset text and with XML's escapes read.
fn svg_title(svg: &str) -> String {
    let text = svg
        .split_once("<text")
        .and_then(|(_, rest)| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split_once("</text>"))
        .map_or("", |(text, _)| text);
    text.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// Text for a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `text` for a URL inside an HTML attribute: every byte but letters, digits and
/// `-_.~!$'()*+,;=:@/?` as `%XX` (so `"`, `&`, `#`, `%`, `<`, spaces and non-ASCII too).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~!$'()*+,;=:@/?".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_options() {
        assert_eq!(parse(&[]), Ok(Options::default()));
        assert_eq!(
            parse(&["--quick"]),
            Ok(Options {
                quick: true,
                freeze_only: false
            })
        );
        assert_eq!(
            parse(&["--freeze-only"]),
            Ok(Options {
                quick: false,
                freeze_only: true
            })
        );
        assert_eq!(
            parse(&["--freeze-only", "--quick"]),
            Ok(Options {
                quick: true,
                freeze_only: true
            })
        );
        assert!(parse(&["--fast"]).is_err());
        assert!(parse(&["--freeze"]).is_err());
    }

    #[test]
    fn serves_the_pages_and_libraries_the_runner_asks_for() {
        let bench_dir = util::root().join("bench");
        let prefixes: Vec<String> = Served::new(Path::new("out"))
            .mounts()
            .into_iter()
            .map(|m| m.prefix)
            .collect();
        let runner = std::fs::read_to_string(bench_dir.join("run.mjs")).expect("bench/run.mjs");
        let pages = ["reader-chartjs.html", "reader-uplot.html"]
            .map(|p| std::fs::read_to_string(bench_dir.join("pages").join(p)).expect("page"));
        for prefix in [
            "/",
            "/bench/",
            "/bench-data/",
            "/vendor/chart.js/",
            "/vendor/uplot/",
        ] {
            assert!(prefixes.iter().any(|p| p == prefix), "{prefix}");
            let used = runner.contains(prefix) || pages.iter().any(|page| page.contains(prefix));
            assert!(used, "nothing asks for {prefix}");
        }
        for (package, files) in VENDOR_FILES {
            for file in files {
                let url = format!("/vendor/{package}/{file}");
                assert!(pages.iter().any(|page| page.contains(&url)), "{url}");
            }
        }
    }

    #[test]
    fn reader_pages_draw_the_same_data() {
        let pages = util::root().join("bench/pages");
        for page in [
            "reader-plan-progress.html",
            STILL_PAGE,
            "reader-chartjs.html",
            "reader-uplot.html",
        ] {
            let html = std::fs::read_to_string(pages.join(page)).expect("page");
            assert!(html.contains(&format!("\"{READER_SRC}\"")), "{page}: src");
            assert!(
                html.contains(&format!("\"{READER_SERIES}\"")),
                "{page}: series"
            );
        }
    }

    #[test]
    fn the_still_goes_inside_the_element() {
        let svg = "<svg width=\"720\"><rect/><text x=\"12\">\u{2068}Cases &amp; \"trials\" (TIP)\u{2069}</text>\
                   <text>2024</text><path d=\"M 1 2\"/>#</svg>\n";
        assert_eq!(svg_title(svg), "Cases & \"trials\" (TIP)");
        let img = still_markup(svg);
        assert!(
            img.starts_with("<img src=\"data:image/svg+xml,%3Csvg%20width=%22720%22%3E"),
            "{img}"
        );
        assert!(
            img.ends_with("\" width=\"100%\" alt=\"Cases &amp; &quot;trials&quot; (TIP)\">"),
            "{img}"
        );
        let url = img.split('"').nth(1).expect("src");
        assert!(!url.contains(['#', '&', '<', '>', ' ', '\n']), "{url}");
        assert!(
            url.contains("%E2%81%A8Cases%20%26amp;"),
            "UTF-8 bytes, escaped: {url}"
        );

        let template = std::fs::read_to_string(util::root().join("bench/pages").join(STILL_PAGE))
            .expect("template");
        let page = still_page(&template, svg).expect("page");
        let inside = page
            .split_once("<plan-progress")
            .and_then(|(_, rest)| rest.split_once("</plan-progress>"))
            .map(|(inside, _)| inside)
            .expect("an element");
        assert!(inside.contains(&img), "{inside}");
        assert!(still_page("<p></p>", svg).is_err());
        assert!(still_page(&format!("{STILL_MARKER}{STILL_MARKER}"), svg).is_err());
    }
}
