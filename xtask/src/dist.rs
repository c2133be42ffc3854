//! `cargo xtask dist`: builds the static site into `dist/`.
//!
//! The pipeline is explicit instead of wasm-pack, because wasm-pack downloads its own
//! wasm-bindgen and wasm-opt binaries, which fails on machines that reach only the package
//! registries:
//!
//! 1. `cargo build --release --lib --target wasm32-unknown-unknown -p plan-progress`
//! 2. `wasm-bindgen --target web` -> an ES module glue + `_bg.wasm` (the page imports the glue;
//!    the glue finds the wasm through `import.meta.url`)
//! 3. `wasm-opt -Oz` from binaryen 132 (does most of the size work; never Debian's 108),
//!    skipped when the wasm is byte-identical to the last run's (see [`optimise`])
//! 4. `www/` (minus the test fixtures) + `pkg/` + the datasets -> `dist/`
//! 5. a raw/gzip size table, since size is what embedders pay for.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::tools;
use crate::util::{self, note, run, step, warn, Result};

/// The wasm crate and its artefact names.
const PACKAGE: &str = "plan-progress";
const LIB_NAME: &str = "plan_progress";
/// Datasets copied into `dist/data/`.
const DATA_FILES: &[&str] = &["schema.json", "morocco.json"];
/// Files whose sizes are reported (relative to `dist/`), in table order.
const SIZED_FILES: &[&str] = &[
    "plan-progress.js",
    "pkg/plan_progress.js",
    "pkg/plan_progress_bg.wasm",
];

pub fn dist_dir() -> PathBuf {
    util::root().join("dist")
}

/// Runs the whole pipeline. Leaves a complete `dist/` or returns an error.
pub fn dist() -> Result {
    step("checking tools");
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    let wasm_opt = tools::ensure_wasm_opt()?;

    step("building wasm (release)");
    run(util::cargo().args([
        "build",
        "--release",
        "--lib",
        "--target",
        tools::WASM_TARGET,
        "-p",
        PACKAGE,
    ]))
    .map_err(|e| format!("{e}\nthe widget did not compile for {}", tools::WASM_TARGET))?;
    let wasm = util::target_dir()
        .join(tools::WASM_TARGET)
        .join("release")
        .join(format!("{LIB_NAME}.wasm"));
    if !wasm.is_file() {
        return Err(format!(
            "cargo did not produce {}: is `crate-type` missing \"cdylib\" in Cargo.toml?",
            util::rel(&wasm)
        ));
    }

    step("generating JS bindings (wasm-bindgen --target web)");
    let pkg = util::target_dir().join("wasm-pkg");
    remove_dir(&pkg)?; // no stale glue from an earlier build
    run(Command::new(&wasm_bindgen)
        .current_dir(util::root())
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(&wasm))?;
    let glue = pkg.join(format!("{LIB_NAME}.js"));
    let bg_wasm = pkg.join(format!("{LIB_NAME}_bg.wasm"));
    for file in [&glue, &bg_wasm] {
        if !file.is_file() {
            return Err(format!("wasm-bindgen did not produce {}", util::rel(file)));
        }
    }

    step("optimising wasm (wasm-opt -Oz, binaryen 132)");
    let opt_wasm = optimise(&wasm_opt, &bg_wasm)?;
    note(&format!(
        "{} -> {} bytes",
        util::thousands(file_len(&bg_wasm)?),
        util::thousands(file_len(&opt_wasm)?)
    ));

    step("assembling dist/");
    let dist = dist_dir();
    assemble(&dist, &glue, &opt_wasm)?;

    step("sizes");
    print_sizes(&dist)?;
    println!("dist: built {}", util::rel(&dist));
    Ok(())
}

/// The wasm-opt flags; part of the cache key.
const WASM_OPT_FLAGS: &[&str] = &["-Oz", "--strip-debug", "--strip-producers"];

/// Runs wasm-opt on `input`, unless the very same input was optimised with the same flags last
/// time: binaryen from npm runs as wasm inside node and takes 10-30 s here, while the wasm is
/// often unchanged between runs (a page-only change, `--browser-only` reruns). The cache keeps a
/// copy of the last input and its output in `target/wasm-opt-cache/`, compared byte for byte.
fn optimise(wasm_opt: &Path, input: &Path) -> Result<PathBuf> {
    let cache = util::target_dir().join("wasm-opt-cache");
    let (cached_in, cached_out, cached_key) = (
        cache.join("input.wasm"),
        cache.join("output.wasm"),
        cache.join("key.txt"),
    );
    let key = format!("{}\n{}\n", tools::BINARYEN_NPM, WASM_OPT_FLAGS.join(" "));
    let bytes =
        std::fs::read(input).map_err(|e| format!("could not read {}: {e}", input.display()))?;
    let hit = cached_out.is_file()
        && std::fs::read_to_string(&cached_key).is_ok_and(|k| k == key)
        && std::fs::read(&cached_in).is_ok_and(|old| old == bytes);
    if hit {
        note("the wasm is unchanged since the last run: reusing its optimised output");
        return Ok(cached_out);
    }
    // Invalidate first, so that an interrupted run never leaves a stale pair behind.
    remove_dir(&cache)?;
    mkdir(&cache)?;
    run(Command::new(wasm_opt)
        .current_dir(util::root())
        .args(WASM_OPT_FLAGS)
        .arg(input)
        .arg("-o")
        .arg(&cached_out))?;
    copy(input, &cached_in)?;
    std::fs::write(&cached_key, key)
        .map_err(|e| format!("could not write {}: {e}", cached_key.display()))?;
    Ok(cached_out)
}

/// Wipes `dist/` and fills it: `www/` (except the test fixtures), the glue and the wasm in
/// `pkg/`, the datasets in `data/`.
fn assemble(dist: &Path, glue: &Path, wasm: &Path) -> Result {
    let root = util::root();
    remove_dir(dist)?;
    mkdir(dist)?;

    let www = root.join("www");
    if www.is_dir() {
        let copied = copy_tree(&www, dist, &[www.join("test-fixtures")])?;
        note(&format!("www/ -> dist/ ({copied} files)"));
    } else {
        warn("www/ does not exist: dist/ has no page");
    }
    if !dist.join("index.html").is_file() {
        warn("www/index.html does not exist yet: dist/ has no index page");
    }

    let pkg = dist.join("pkg");
    mkdir(&pkg)?;
    copy(glue, &pkg.join(format!("{LIB_NAME}.js")))?;
    copy(wasm, &pkg.join(format!("{LIB_NAME}_bg.wasm")))?;
    note(&format!(
        "pkg/{LIB_NAME}.js, pkg/{LIB_NAME}_bg.wasm (optimised)"
    ));

    let data = dist.join("data");
    for name in DATA_FILES {
        let src = root.join("data").join(name);
        if src.is_file() {
            mkdir(&data)?;
            copy(&src, &data.join(name))?;
            note(&format!("data/{name}"));
        } else {
            warn(&format!(
                "data/{name} does not exist yet: not copied into dist/"
            ));
        }
    }
    Ok(())
}

/// Copies every file under `src` into `dst`, recursively, except the `skip` paths. Returns the
/// number of files copied.
fn copy_tree(src: &Path, dst: &Path, skip: &[PathBuf]) -> Result<usize> {
    let mut count = 0;
    let entries =
        std::fs::read_dir(src).map_err(|e| format!("could not read {}: {e}", src.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("could not read {}: {e}", src.display()))?;
        let path = entry.path();
        if skip.contains(&path) {
            continue;
        }
        let target = dst.join(entry.file_name());
        // metadata() follows symlinks: a linked file is copied as a file.
        let meta = std::fs::metadata(&path)
            .map_err(|e| format!("could not read {}: {e}", path.display()))?;
        if meta.is_dir() {
            mkdir(&target)?;
            count += copy_tree(&path, &target, skip)?;
        } else {
            copy(&path, &target)?;
            count += 1;
        }
    }
    Ok(count)
}

/// Prints raw and gzip -9 sizes of the shipped files, and the JS + wasm total.
fn print_sizes(dist: &Path) -> Result {
    println!("    {:<28} {:>12} {:>12}", "file", "raw bytes", "gzip -9");
    let (mut total_raw, mut total_gz) = (0, 0);
    for name in SIZED_FILES {
        let path = dist.join(name);
        if !path.is_file() {
            println!("    {name:<28} {:>12} {:>12}", "missing", "-");
            warn(&format!(
                "dist/{name} does not exist (not counted in the total)"
            ));
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
        let (raw, gz) = (bytes.len() as u64, gzip_len(&bytes)?);
        total_raw += raw;
        total_gz += gz;
        println!(
            "    {name:<28} {:>12} {:>12}",
            util::thousands(raw),
            util::thousands(gz)
        );
    }
    println!(
        "    {:<28} {:>12} {:>12}",
        "total (JS + wasm)",
        util::thousands(total_raw),
        util::thousands(total_gz)
    );
    Ok(())
}

/// Size of `bytes` after `gzip -9` (what a server sends with compression on).
pub fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(|out| out.len() as u64)
        .map_err(|e| format!("gzip failed: {e}"))
}

fn file_len(path: &Path) -> Result<u64> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("could not read {}: {e}", path.display()))
}

fn remove_dir(dir: &Path) -> Result {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("could not remove {}: {e}", dir.display())),
    }
}

fn mkdir(dir: &Path) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| format!("could not create {}: {e}", dir.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("could not copy {} to {}: {e}", from.display(), to.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    #[test]
    fn gzip_len_is_a_real_gzip_stream() {
        let text = "plan-progress ".repeat(1000);
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(text.as_bytes()).expect("write");
        let gz = encoder.finish().expect("finish");
        assert_eq!(gzip_len(text.as_bytes()).expect("gzip"), gz.len() as u64);
        assert!(
            gz.len() < text.len() / 10,
            "repetitive text compresses well"
        );
        let mut back = String::new();
        GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
    }

    #[test]
    fn copy_tree_skips_the_fixtures() {
        let base = std::env::temp_dir().join(format!("xtask-dist-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let www = base.join("www");
        for dir in ["css", "test-fixtures"] {
            std::fs::create_dir_all(www.join(dir)).expect("mkdir");
        }
        std::fs::write(www.join("index.html"), "i").expect("write");
        std::fs::write(www.join("css/a.css"), "c").expect("write");
        std::fs::write(www.join("test-fixtures/f.html"), "f").expect("write");
        let out = base.join("dist");
        std::fs::create_dir_all(&out).expect("mkdir");
        let n = copy_tree(&www, &out, &[www.join("test-fixtures")]).expect("copy");
        assert_eq!(n, 2);
        assert!(out.join("index.html").is_file());
        assert!(out.join("css/a.css").is_file());
        assert!(!out.join("test-fixtures").exists());
        let _ = std::fs::remove_dir_all(&base);
    }
}
