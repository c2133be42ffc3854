//! `cargo xtask bench`: plan-progress measured side by side with Chart.js and uPlot (issue #7).
//!
//! Builds the release widget (`dist`), snapshots `dist/` into `target/bench/site/` (other
//! commands rebuild `dist/` while the bench runs for minutes, and a half-written folder would
//! make a library fail mid-run), serves the snapshot with the bench pages and the two libraries
//! on a free loopback port, and runs `bench/run.mjs` (playwright-core driving Debian's Chromium).
//! It prints the tables and writes `target/bench/results.json` and `results.md`.
//!
//! It also measures freezes: the longest main-thread task while a widget loads and draws its
//! first chart, for the demo's dataset and for the largest dataset the format accepts (written by
//! a test of `tests/robustness.rs`, so that the bench and the native checks use the same file).
//! `--freeze-only` runs only that part (a minute or two), to follow one fix. The goal is the
//! issue's "no input freezes the tab for more than 200 ms"; it is measured here and not asserted
//! in a test for the reason below.
//!
//! Not part of `cargo xtask test`: it prints timings of a shared, noisy machine, and tests must
//! not assert milliseconds. The size budget in `cargo xtask test` is the part that is enforced.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, note, run, step, Result};
use crate::{dist, serve, tools};

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
    let site = snapshot_dist(&out)?;
    let data = out.join("data");
    dist::mkdir(&data)?;
    write_largest_dataset(&data)?;
    let server = serve::start("127.0.0.1:0", mounts(&site, &bench_dir, &data), false)?;
    let base_url = format!("http://{}", server.addr);
    note(&format!(
        "serving the dist/ snapshot and bench/pages/ at {base_url}/"
    ));

    step(match (options.freeze_only, options.quick) {
        (true, _) => "running the benchmark, freezes only (node bench/run.mjs)",
        (false, true) => "running the benchmark, --quick (node bench/run.mjs)",
        (false, false) => "running the benchmark (node bench/run.mjs; about 15 minutes)",
    });
    let mut node = Command::new("node");
    node.current_dir(&bench_dir)
        .arg("run.mjs")
        .env("BASE_URL", &base_url)
        .env("BENCH_SITE", &site)
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

/// Copies `dist/` to `<out>/site` (replacing an older copy) and returns its path.
fn snapshot_dist(out: &Path) -> Result<PathBuf> {
    let site = out.join("site");
    dist::remove_dir(&site)?;
    dist::mkdir(&site)?;
    let files = dist::copy_tree(&dist::dist_dir(), &site, &[])?;
    note(&format!("dist/ -> {} ({files} files)", util::rel(&site)));
    Ok(site)
}

/// What the server serves: the widget at `/` (as a host page would), the pages at `/bench/`,
/// each library's `dist/` folder at `/vendor/<name>/`, the generated datasets at `/bench-data/`.
fn mounts(site: &Path, bench_dir: &Path, data: &Path) -> Vec<serve::Mount> {
    let modules = bench_dir.join("node_modules");
    vec![
        serve::Mount::new("/", site),
        serve::Mount::new("/bench/", bench_dir.join("pages")),
        serve::Mount::new("/vendor/chart.js/", modules.join("chart.js/dist")),
        serve::Mount::new("/vendor/uplot/", modules.join("uplot/dist")),
        serve::Mount::new("/bench-data/", data),
    ]
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
        let root = util::root();
        let bench_dir = root.join("bench");
        let prefixes: Vec<String> = mounts(Path::new("site"), &bench_dir, Path::new("data"))
            .into_iter()
            .map(|m| m.prefix)
            .collect();
        let runner = std::fs::read_to_string(bench_dir.join("run.mjs")).expect("bench/run.mjs");
        let pages = ["nav-chartjs.html", "lab-uplot.html"]
            .map(|p| std::fs::read_to_string(bench_dir.join("pages").join(p)).expect("page"));
        for prefix in [
            "/bench/",
            "/bench-data/",
            "/vendor/chart.js/",
            "/vendor/uplot/",
        ] {
            assert!(prefixes.iter().any(|p| p == prefix), "{prefix}");
            let used = runner.contains(prefix) || pages.iter().any(|page| page.contains(prefix));
            assert!(used, "nothing asks for {prefix}");
        }
    }
}
