//! Making sure the external tools are there, installing what is missing and saying so.
//!
//! The pipeline needs tools that a clean machine (and CI, which runs on a fresh clone as root)
//! does not have. Each `ensure_*` function checks the exact version we need, installs it through
//! the ordinary package client if it is missing, and otherwise fails with a message that names
//! the tool and the command that would install it. Nothing here downloads a binary by itself:
//! only crates.io, npm and Debian's packages are reachable.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, note, run, step, warn, Result};

/// The Rust target the widget is compiled for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Must match the `wasm-bindgen = "=0.2.130"` pin in the root Cargo.toml exactly: the CLI refuses
/// wasm built against another schema version.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// binaryen from npm. Debian bookworm's binaryen (wasm-opt 108) rejects rustc 1.95's bulk-memory
/// output and, even with every `--enable-*` flag, produces wasm that breaks at runtime
/// ("WebAssembly.Table.set(): Argument 1 is invalid for table"). Never fall back to it.
pub const BINARYEN_NPM: &str = "binaryen@132.0.0";
const BINARYEN_MAJOR: &str = "132";

/// Debian's Chromium, used by the browser tests through playwright-core (which must never
/// download a browser of its own: that fails on this network).
pub const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMIUM_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "fonts-noto-core", // Arabic, among others: the Moroccan dataset has Arabic labels
    "fonts-noto-color-emoji",
];

/// Installs the `wasm32-unknown-unknown` target with rustup if it is missing.
pub fn ensure_wasm_target() -> Result {
    if let Some(installed) = util::probe("rustup", &["target", "list", "--installed"]) {
        if installed.lines().any(|t| t.trim() == WASM_TARGET) {
            note(&format!("rust target {WASM_TARGET}: installed"));
            return Ok(());
        }
        note(&format!(
            "rust target {WASM_TARGET} is missing: installing it"
        ));
        return run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
            .map_err(|e| format!("{e}\nthe {WASM_TARGET} target is needed to build the widget"));
    }
    // No rustup: the target may still have been installed with the toolchain.
    let sysroot = util::probe("rustc", &["--print", "sysroot"]).unwrap_or_default();
    if !sysroot.is_empty()
        && Path::new(&sysroot)
            .join("lib/rustlib")
            .join(WASM_TARGET)
            .is_dir()
    {
        note(&format!("rust target {WASM_TARGET}: installed (no rustup)"));
        return Ok(());
    }
    Err(format!(
        "the Rust target {WASM_TARGET} is missing and rustup is not available to install it; \
         install it with `rustup target add {WASM_TARGET}`"
    ))
}

/// Returns a `wasm-bindgen` CLI of exactly [`WASM_BINDGEN_VERSION`], installing it with
/// `cargo install` (about 5 minutes, once per machine) if needed.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    if let Some(found) = find_wasm_bindgen() {
        note(&format!(
            "wasm-bindgen {WASM_BINDGEN_VERSION}: {}",
            found.display()
        ));
        return Ok(found);
    }
    let other = util::probe("wasm-bindgen", &["--version"]);
    match other {
        Some(v) => note(&format!(
            "found `{v}`, need {WASM_BINDGEN_VERSION}: installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (takes ~5 min)"
        )),
        None => note(&format!(
            "wasm-bindgen is missing: installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (takes ~5 min)"
        )),
    }
    let install = |locked: bool| {
        let mut cmd = util::cargo();
        cmd.args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
        ]);
        if locked {
            cmd.arg("--locked");
        }
        run(&mut cmd)
    };
    // `--locked` reproduces the CLI's own lock file, but has failed when one locked transitive
    // crate was not available from the registry; then let cargo resolve afresh.
    if let Err(e) = install(true) {
        warn(&format!("{e}; retrying without --locked"));
        install(false).map_err(|e| {
            format!(
                "{e}\ncould not install the wasm-bindgen CLI {WASM_BINDGEN_VERSION}; install it with \
                 `cargo install wasm-bindgen-cli --version {WASM_BINDGEN_VERSION}`"
            )
        })?;
    }
    find_wasm_bindgen().ok_or_else(|| {
        format!(
            "wasm-bindgen {WASM_BINDGEN_VERSION} was installed but is not found on PATH nor in \
             {}; add cargo's bin directory to PATH",
            cargo_bin_dir().display()
        )
    })
}

/// cargo installs binaries into `$CARGO_HOME/bin` (default `~/.cargo/bin`), which may not be on
/// `PATH` in CI: look there too.
fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home).join("bin"),
        _ => PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| "/root".into()))
            .join(".cargo/bin"),
    }
}

fn find_wasm_bindgen() -> Option<PathBuf> {
    let candidates = [
        util::which("wasm-bindgen"),
        Some(cargo_bin_dir().join("wasm-bindgen")),
    ];
    candidates.into_iter().flatten().find(|path| {
        util::probe(path, &["--version"])
            .is_some_and(|v| v.split_whitespace().nth(1) == Some(WASM_BINDGEN_VERSION))
    })
}

/// Returns binaryen 132's `wasm-opt`, installed from npm into `target/tools/` (project-local, so
/// no global install and no clash with Debian's binaryen 108).
pub fn ensure_wasm_opt() -> Result<PathBuf> {
    let name = format!("wasm-opt (binaryen {BINARYEN_MAJOR})");
    ensure_npm_tool(&name, "wasm-opt", BINARYEN_NPM, wasm_opt_is_132)
}

/// esbuild, pinned, which minifies the element's script and the wasm-bindgen glue in `dist/`.
pub const ESBUILD_NPM: &str = "esbuild@0.28.2";

/// Returns esbuild's command, installed from npm into `target/tools/` like wasm-opt.
pub fn ensure_esbuild() -> Result<PathBuf> {
    let version = ESBUILD_NPM.trim_start_matches("esbuild@");
    ensure_npm_tool(
        &format!("esbuild {version}"),
        "esbuild",
        ESBUILD_NPM,
        |path| {
            path.exists() && util::probe(path, &["--version"]).is_some_and(|v| v.trim() == version)
        },
    )
}

/// A command-line tool from an npm package, installed into `target/tools/` when `usable` says
/// the one there (if any) is not the pinned version.
fn ensure_npm_tool(
    name: &str,
    bin: &str,
    package: &str,
    usable: impl Fn(&Path) -> bool,
) -> Result<PathBuf> {
    let prefix = util::target_dir().join("tools");
    let path = prefix.join("node_modules/.bin").join(bin);
    if usable(&path) {
        note(&format!("{name}: {}", util::rel(&path)));
        return Ok(path);
    }
    note(&format!(
        "{name} is missing: installing {package} into {}",
        util::rel(&prefix)
    ));
    ensure_node(&format!("to install {name} (npm package {package})"))?;
    std::fs::create_dir_all(&prefix)
        .map_err(|e| format!("could not create {}: {e}", prefix.display()))?;
    run(Command::new("npm")
        .current_dir(util::root())
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(package))
    .map_err(|e| format!("{e}\ncould not install {name} (npm package {package})"))?;
    if usable(&path) {
        Ok(path)
    } else {
        Err(format!(
            "{name} from {package} is not usable at {} after installing it",
            path.display()
        ))
    }
}

fn wasm_opt_is_132(path: &Path) -> bool {
    // prints "wasm-opt version 132 (version_132)"
    path.exists()
        && util::probe(path, &["--version"]).is_some_and(|v| {
            v.split_whitespace().skip_while(|w| *w != "version").nth(1) == Some(BINARYEN_MAJOR)
        })
}

/// Node.js and npm are needed for wasm-opt (binaryen from npm) and the browser tests.
pub fn ensure_node(why: &str) -> Result {
    let node = util::probe("node", &["--version"]);
    let npm = util::probe("npm", &["--version"]);
    match (node, npm) {
        (Some(_), Some(_)) => Ok(()),
        (node, npm) => {
            let missing: Vec<&str> = [("node", node.is_none()), ("npm", npm.is_none())]
                .into_iter()
                .filter(|(_, missing)| *missing)
                .map(|(name, _)| name)
                .collect();
            Err(format!(
                "{} not found: Node.js and npm are needed {why}; install them with \
                 `apt-get install nodejs npm` (as root)",
                missing.join(" and ")
            ))
        }
    }
}

/// `node --test --test-concurrency` needs Node.js 20.10 or later (Debian bookworm's own nodejs
/// package is 18): fail early with the version found rather than with an unknown-flag error.
pub fn ensure_node_test_runner() -> Result {
    let version = util::probe("node", &["--version"]).unwrap_or_default();
    if node_at_least(&version, (20, 10)) {
        note(&format!("node {version}"));
        Ok(())
    } else {
        Err(format!(
            "node {version} is too old for the browser tests (`node --test --test-concurrency` \
             needs Node.js 20.10 or later); install a newer Node.js"
        ))
    }
}

/// Parses `v20.20.2` and compares (major, minor).
fn node_at_least(version: &str, min: (u32, u32)) -> bool {
    let mut parts = version.trim().trim_start_matches('v').split('.');
    let major = parts.next().and_then(|p| p.parse::<u32>().ok());
    let minor = parts.next().and_then(|p| p.parse::<u32>().ok());
    match (major, minor) {
        (Some(major), Some(minor)) => (major, minor) >= min,
        _ => false,
    }
}

/// Makes sure Debian's Chromium is installed. Returns `None` only when it is missing and we are
/// not root (so cannot install it): then the browser tests are skipped, loudly.
pub fn ensure_chromium() -> Result<Option<PathBuf>> {
    let path = PathBuf::from(CHROMIUM);
    if util::is_executable(&path) {
        note(&format!("chromium: {CHROMIUM}"));
        return Ok(Some(path));
    }
    if !util::is_root() {
        eprintln!("{}", skip_banner());
        return Ok(None);
    }
    step("installing Chromium for the browser tests (apt-get)");
    let apt = |args: &[&str]| {
        run(Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(args))
    };
    let mut install = vec!["install", "-y"];
    install.extend_from_slice(CHROMIUM_PACKAGES);
    apt(&["update"]).and_then(|()| apt(&install)).map_err(|e| {
        format!(
            "{e}\ncould not install Chromium; try `{}` by hand",
            chromium_install_command()
        )
    })?;
    if util::is_executable(&path) {
        Ok(Some(path))
    } else {
        Err(format!(
            "chromium was installed but {CHROMIUM} does not exist"
        ))
    }
}

fn chromium_install_command() -> String {
    format!(
        "apt-get update && apt-get install -y {}",
        CHROMIUM_PACKAGES.join(" ")
    )
}

/// The warning printed when the browser tests are skipped: the only allowed skip, so it must
/// not go unnoticed in a log.
fn skip_banner() -> String {
    let bar = "!".repeat(78);
    [
        String::new(),
        bar.clone(),
        "!!".into(),
        format!("!!  BROWSER TESTS SKIPPED: {CHROMIUM} is not installed, and this user"),
        "!!  is not root, so it cannot be installed here.".into(),
        "!!".into(),
        "!!  To run them, install Debian's Chromium as root:".into(),
        format!("!!      sudo sh -c '{}'", chromium_install_command()),
        "!!  then run `cargo xtask test --browser-only`.".into(),
        "!!".into(),
        bar,
        String::new(),
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_banner_says_how_to_install_chromium() {
        let banner = skip_banner();
        assert!(banner.contains("BROWSER TESTS SKIPPED"));
        assert!(banner.contains(
            "apt-get install -y chromium chromium-driver fonts-noto-core fonts-noto-color-emoji"
        ));
    }

    #[test]
    fn node_versions() {
        assert!(node_at_least("v20.20.2\n", (20, 10)));
        assert!(node_at_least("v20.10.0", (20, 10)));
        assert!(node_at_least("v22.1.0", (20, 10)));
        assert!(!node_at_least("v20.9.0", (20, 10)));
        assert!(!node_at_least("v18.19.0", (20, 10)));
        assert!(!node_at_least("", (20, 10)));
    }
}
