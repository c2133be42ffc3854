//! `cargo xtask`: build, demo and test tooling for plan-progress, in Rust so that it needs
//! nothing but cargo to start (the alias lives in `.cargo/config.toml`).
//!
//! Modules: `dist` (the wasm build pipeline), `compress` (the `.br` and `.gz` siblings it
//! writes), `serve` (the static server of the demo, the browser tests and the bench), `checks`
//! (`cargo xtask test`), `bench` (`cargo xtask bench`), `tools` (installing what is missing),
//! `util` (process and path helpers).

mod bench;
mod checks;
mod compress;
mod dist;
mod serve;
mod tools;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask: build and test plan-progress

USAGE:
    cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
    dist      Build the static site into dist/: the wasm (release) through wasm-bindgen
              and wasm-opt (binaryen 132), www/, pkg/ and data/, with .br (brotli 11)
              and .gz (gzip -9) siblings of the text and wasm files for static servers
              that send them; prints a size table.
              Installs missing tools (wasm32 target, wasm-bindgen 0.2.130, binaryen).
    demo      `dist`, then serve dist/ at http://127.0.0.1:8080/ until Ctrl-C
              (env PORT changes the port).
    test      Every check, stopping at the first failure:
                1. cargo fmt --all -- --check
                2. cargo clippy --workspace --all-targets -- -D warnings
                3. cargo clippy -p plan-progress --lib --target wasm32-unknown-unknown
                4. cargo test --workspace
                5. dist
                6. size budgets, gzip: the first download (plan-progress.js + the wasm,
                   before the first chart) within FIRST_DOWNLOAD_BUDGET_GZIP, everything
                   within SIZE_BUDGET_GZIP (xtask/src/checks.rs)
                7. browser tests: Debian's Chromium (installed with apt-get if missing
                   and root; skipped with a warning otherwise), npm ci in tests/browser,
                   node --test tests/browser/ against dist/ served on a free port.
                   Screenshots go to target/screenshots/.
              OPTIONS:
                --browser-only   run only steps 5 to 7 (while working on the page);
                                 env BROWSER_TESTS=many,large runs only those files
    bench     `dist`, then plan-progress side by side with Chart.js and uPlot in headless
              Chromium (bench/run.mjs; npm ci in bench/ if needed), every file sent
              compressed as a CDN sends it. Under a phone and a desktop broadband profile
              (CPU and network throttled through the DevTools protocol): navigation to the
              first chart, bytes before it, blocking time, layout shift, the still's first
              paint, the demo article's bytes, 50 widgets on one page. On loopback: bytes,
              cold renders, hover latency, memory, freezes. Prints Markdown tables and
              writes target/bench/results.json and results.md. About 10 minutes.
              Timings only: not part of `test`.
              OPTIONS:
                --quick          fewer runs and hover moves
                --freeze-only    only the longest main-thread task while a widget loads
    help      Print this help (also -h, --help, or no command).
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Cmd {
    Help,
    Dist,
    Demo,
    Test { browser_only: bool },
    Bench(bench::Options),
}

fn parse(args: &[String]) -> Result<Cmd, String> {
    let mut args = args.iter().map(String::as_str);
    let cmd = match args.next() {
        None | Some("help" | "-h" | "--help") => return Ok(Cmd::Help),
        Some(cmd) => cmd,
    };
    let rest: Vec<&str> = args.collect();
    if rest.iter().any(|a| matches!(*a, "-h" | "--help")) {
        return Ok(Cmd::Help);
    }
    let no_options = |cmd: Cmd| match rest.as_slice() {
        [] => Ok(cmd),
        [first, ..] => Err(format!("unexpected argument `{first}`")),
    };
    match cmd {
        "dist" => no_options(Cmd::Dist),
        "demo" => no_options(Cmd::Demo),
        "test" => match rest.as_slice() {
            [] => Ok(Cmd::Test {
                browser_only: false,
            }),
            ["--browser-only"] => Ok(Cmd::Test { browser_only: true }),
            [first, ..] => Err(format!("unexpected argument `{first}`")),
        },
        "bench" => bench::parse(&rest).map(Cmd::Bench),
        other => Err(format!("unknown command `{other}`")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = match parse(&args) {
        Ok(cmd) => cmd,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match cmd {
        Cmd::Help => {
            print!("{USAGE}");
            Ok(())
        }
        Cmd::Dist => dist::dist(),
        Cmd::Demo => demo(),
        Cmd::Test { browser_only } => checks::test(browser_only),
        Cmd::Bench(options) => bench::bench(&options),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Builds, then serves `dist/` on loopback until the process is stopped.
fn demo() -> util::Result {
    dist::dist()?;
    let port = match std::env::var("PORT") {
        Ok(p) => p
            .parse::<u16>()
            .map_err(|_| format!("PORT must be a port number, not `{p}`"))?,
        Err(_) => 8080,
    };
    let server = serve::start(
        &format!("127.0.0.1:{port}"),
        vec![serve::Mount::new("/", dist::dist_dir())],
        true,
    )?;
    util::step(&format!(
        "serving dist/ at http://{}/ (Ctrl-C to stop)",
        server.addr
    ));
    server
        .thread
        .join()
        .map_err(|_| "the server thread stopped unexpectedly".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_commands() {
        assert_eq!(parse(&args(&[])), Ok(Cmd::Help));
        assert_eq!(parse(&args(&["--help"])), Ok(Cmd::Help));
        assert_eq!(parse(&args(&["test", "--help"])), Ok(Cmd::Help));
        assert_eq!(parse(&args(&["dist"])), Ok(Cmd::Dist));
        assert_eq!(parse(&args(&["demo"])), Ok(Cmd::Demo));
        assert_eq!(
            parse(&args(&["test"])),
            Ok(Cmd::Test {
                browser_only: false
            })
        );
        assert_eq!(
            parse(&args(&["test", "--browser-only"])),
            Ok(Cmd::Test { browser_only: true })
        );
        assert_eq!(
            parse(&args(&["bench"])),
            Ok(Cmd::Bench(bench::Options::default()))
        );
        assert_eq!(
            parse(&args(&["bench", "--quick"])),
            Ok(Cmd::Bench(bench::Options {
                quick: true,
                ..Default::default()
            }))
        );
        assert!(parse(&args(&["bench", "--slow"])).is_err());
        assert!(parse(&args(&["build"])).is_err());
        assert!(parse(&args(&["dist", "--release"])).is_err());
        assert!(parse(&args(&["test", "--browser"])).is_err());
    }

    #[test]
    fn usage_documents_every_command() {
        for word in [
            "dist",
            "demo",
            "test",
            "--browser-only",
            "PORT",
            "bench",
            "--quick",
            "SIZE_BUDGET_GZIP",
            "FIRST_DOWNLOAD_BUDGET_GZIP",
        ] {
            assert!(USAGE.contains(word), "{word}");
        }
    }
}
