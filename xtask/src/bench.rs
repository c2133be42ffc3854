//! `cargo xtask bench`: plan-progress measured side by side with Chart.js and uPlot (issue #7).
//!
//! Builds the release widget (`dist`), snapshots `dist/` into `target/bench/site/` (other
//! commands rebuild `dist/` while the bench runs for minutes, and a half-written folder would
//! make a library fail mid-run), serves the snapshot with the bench pages and the two libraries
//! on a free loopback port, and runs `bench/run.mjs` (playwright-core driving Debian's Chromium).
//! It prints the table and writes `target/bench/results.json` and `results.md`.
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
}

/// Parses the options after `bench`.
pub fn parse(rest: &[&str]) -> std::result::Result<Options, String> {
    let mut options = Options::default();
    for arg in rest {
        match *arg {
            "--quick" => options.quick = true,
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
    let server = serve::start("127.0.0.1:0", mounts(&site, &bench_dir, &data), false)?;
    let base_url = format!("http://{}", server.addr);
    note(&format!(
        "serving the dist/ snapshot and bench/pages/ at {base_url}/"
    ));

    step(if options.quick {
        "running the benchmark, --quick (node bench/run.mjs)"
    } else {
        "running the benchmark (node bench/run.mjs; about 10 minutes)"
    });
    let mut node = Command::new("node");
    node.current_dir(&bench_dir)
        .arg("run.mjs")
        .env("BASE_URL", &base_url)
        .env("BENCH_SITE", &site)
        .env("BENCH_OUT", &out)
        .env("CHROMIUM", &chromium)
        .env("BENCH_QUICK", if options.quick { "1" } else { "0" })
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(&mut node).map_err(|e| format!("{e}\nthe benchmark stopped; see its output above"))?;
    println!(
        "bench: results in {} and {}",
        util::rel(&out.join("results.md")),
        util::rel(&out.join("results.json"))
    );
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
        assert_eq!(parse(&[]), Ok(Options { quick: false }));
        assert_eq!(parse(&["--quick"]), Ok(Options { quick: true }));
        assert!(parse(&["--fast"]).is_err());
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
