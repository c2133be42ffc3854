//! `cargo xtask bench`: plan-progress measured side by side with Chart.js and uPlot (issues #7
//! and #14), the way readers live.
//!
//! Builds the release widget (`dist`), snapshots what it serves into `target/bench/` (other
//! commands rebuild `dist/` while the bench runs for minutes, and a half-written folder would
//! make a library fail mid-run): `dist/`, the pages of `bench/pages/` (the still page gets the
//! builder's embed code, see [`write_still_page`]), the files of Chart.js and uPlot that the
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
    write_largest_dataset(&served.data)?;
    let server = serve::start("127.0.0.1:0", served.mounts(), false)?;
    let base_url = format!("http://{}", server.addr);
    note(&format!(
        "serving the dist/ snapshot, the bench's pages and the libraries at {base_url}/"
    ));
    if !options.freeze_only {
        write_still_page(&bench_dir, &served.pages, &base_url, &chromium)?;
    }
    // once the still page is written: the server sends a sibling only when it is the newer file
    step("precompressing what the bench serves (.br and .gz siblings, as dist/ has)");
    for dir in served.dirs() {
        compress::precompress(&dir)?;
    }

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
/// name them in their markup (`bench/pages/reader-*.html`; the still page's chart in
/// `bench/still-page.mjs`); a test checks that they agree with these.
#[cfg(test)]
const READER_SRC: &str = "/data/morocco.json";
#[cfg(test)]
const READER_SERIES: &str = "tip-investigations,tip-prosecutions,tip-convictions";

/// Writes the reader page that carries the builder's embed code, still pictures included:
/// `bench/still-page.mjs` asks the builder served at `base_url` for the code and pastes it into
/// the page's template in the `pages` snapshot.
fn write_still_page(bench_dir: &Path, pages: &Path, base_url: &str, chromium: &Path) -> Result {
    step("writing the still page from the builder's embed code (node bench/still-page.mjs)");
    run(Command::new("node")
        .current_dir(bench_dir)
        .arg("still-page.mjs")
        .env("BASE_URL", base_url)
        .env("BENCH_PAGES", pages)
        .env("CHROMIUM", chromium)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
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
            "../still-page.mjs",
            "reader-chartjs.html",
            "reader-uplot.html",
        ] {
            let text = std::fs::read_to_string(pages.join(page)).expect("page");
            let quoted = |value: &str| {
                ['"', '\'']
                    .iter()
                    .any(|q| text.contains(&format!("{q}{value}{q}")))
            };
            assert!(quoted(READER_SRC), "{page}: src");
            assert!(quoted(READER_SERIES), "{page}: series");
        }
    }
}
