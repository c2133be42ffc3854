//! `cargo xtask dist`: builds the static site into `dist/`.
//!
//! The pipeline is explicit instead of wasm-pack, because wasm-pack downloads its own
//! wasm-bindgen and wasm-opt binaries, which fails on machines that reach only the package
//! registries:
//!
//! 1. `cargo build --release --lib --target wasm32-unknown-unknown -p plan-progress`
//! 2. `wasm-bindgen --target web` -> an ES module glue + `_bg.wasm` (the element's loader imports
//!    the glue, so it is bundled into the element's script, and hands it the wasm's response)
//! 3. `wasm-opt -Oz` from binaryen 132 (does most of the size work; never Debian's 108),
//!    skipped when the wasm is byte-identical to the last run's (see [`optimise`])
//! 4. `www/` (minus the test fixtures) + `pkg/` + the datasets -> `dist/`; the wasm is named
//!    after its content (`pkg/plan_progress_bg.<hash>.wasm`, see [`hashed_wasm_name`]), and the
//!    two literals of the element's loader that name it and give its integrity hash (sha384,
//!    which the browser checks before it hands the wasm over) are rewritten to match; the
//!    element, its parts and the glue are bundled into `dist/plan-progress.js` (which the embed
//!    code's own `integrity` covers), the builder page's script and its parts (with the element)
//!    into `dist/builder.js`, the dataset checker's into `dist/check.js`
//! 5. precompressed `.br` and `.gz` siblings of the text and wasm files, for static servers
//!    that send them as they are (see [`compress`])
//! 6. a raw/gzip/brotli size table with two totals, the first download (what a reader's browser
//!    fetches before the first chart) and everything, since size is what embedders pay for
//!    (`cargo xtask test` holds both to budgets: `checks::FIRST_DOWNLOAD_BUDGET_GZIP` and
//!    `checks::SIZE_BUDGET_GZIP`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::compress::{self, Encoding};
use crate::tools;
use crate::util::{self, note, run, step, warn, Result};

/// The wasm crate and its artefact names.
const PACKAGE: &str = "plan-progress";
const LIB_NAME: &str = "plan_progress";
/// Datasets copied into `dist/data/`.
const DATA_FILES: &[&str] = &["schema.json", "morocco.json", "neighbours.json"];
/// The element's script, relative to `dist/`: its name stays stable (host pages link to it).
pub const ELEMENT_JS: &str = "plan-progress.js";
/// The module of the element that loads the wasm, relative to `www/`.
const LOADER_JS: &str = "element/loader.js";

/// One of the widget's wasm modules: how it is built, and the two literals of [`LOADER_JS`]
/// that `dist` rewrites for it, its URL (to the content-hashed name) and its integrity hash
/// (`sha384-…`). Each literal must occur exactly once: if the element's source changes the way
/// it finds or checks a wasm, `dist` stops with a message instead of shipping a page that 404s
/// or runs an unchecked file.
#[derive(Clone, Copy)]
struct Module {
    /// Its files' stem in `pkg/`: the glue `<stem>.js` (bundled into [`ELEMENT_JS`], then removed:
    /// a second copy would be a second instance), the wasm `<stem>_bg.<hash>.wasm`.
    stem: &'static str,
    /// The crate's features for its build (cargo's flags).
    features: &'static [&'static str],
    /// Where cargo builds it, under the target directory: each module in its own, so that the
    /// other's features do not make cargo relink it at every run.
    target_subdir: &'static str,
    url_literal: &'static str,
    integrity_literal: &'static str,
    /// When a reader's browser downloads it.
    load: Load,
}

/// The widget's first module: what the first drawing of the common views needs (the crate
/// without its `full` feature; see `ViewKind::FIRST_MODULE`).
const FIRST_MODULE: Module = Module {
    stem: "plan_progress_first",
    features: &["--no-default-features"],
    target_subdir: "first-module",
    url_literal: "'./pkg/plan_progress_first_bg.wasm'",
    integrity_literal: "'sha384-of-the-first-module'",
    load: Load::First,
};

/// The widget's full module: everything, loaded when a reader first uses what the first module
/// lacks, when the page is idle after the first chart, or at once for the other views.
const FULL_MODULE: Module = Module {
    stem: LIB_NAME,
    features: &[],
    target_subdir: "",
    url_literal: "'./pkg/plan_progress_bg.wasm'",
    integrity_literal: "'sha384-of-the-full-module'",
    load: Load::Later,
};

/// The wasm modules `dist` builds, in the size table's order.
const MODULES: [Module; 2] = [FIRST_MODULE, FULL_MODULE];

/// The builder page's script, relative to `dist/`. It imports the element (its preview), so that
/// the page has one loader and one wasm.
const BUILDER_JS: &str = "builder.js";
/// The dataset checker's script, relative to `dist/`: like the builder, it imports the element
/// (its previews), and reads files with the widget's wasm.
const CHECK_JS: &str = "check.js";
/// The scripts pages load that `dist` bundles, each with every module it imports.
const BUNDLED_SCRIPTS: [&str; 3] = [ELEMENT_JS, BUILDER_JS, CHECK_JS];
/// The scripts' sources in `www/` that `dist` bundles into [`BUNDLED_SCRIPTS`], and leaves out
/// (`page`: what the builder and the checker share).
const BUNDLED_SOURCES: [&str; 5] = ["element", "generated", "builder", "check", "page"];

pub fn dist_dir() -> PathBuf {
    util::root().join("dist")
}

/// Runs the whole pipeline. Leaves a complete `dist/` or returns an error.
pub fn dist() -> Result {
    step("checking tools");
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
    let wasm_opt = tools::ensure_wasm_opt()?;
    let esbuild = tools::ensure_esbuild()?;

    let mut built = Vec::new();
    for module in MODULES {
        step(&format!(
            "building the {} module (release wasm)",
            module.stem
        ));
        let wasm = build_wasm(module)?;
        let (glue, bg_wasm) = bind(&wasm_bindgen, &wasm, module)?;
        let opt_wasm = optimise(&wasm_opt, &bg_wasm, module.stem)?;
        note(&format!(
            "wasm-opt -Oz (binaryen 132): {} -> {} bytes",
            util::thousands(file_len(&bg_wasm)?),
            util::thousands(file_len(&opt_wasm)?)
        ));
        built.push((module, glue, opt_wasm));
    }

    step("assembling dist/");
    let dist = dist_dir();
    assemble(&dist, &built)?;

    step("bundling and minifying the scripts that pages load (esbuild)");
    bundle(&esbuild, &dist)?;
    for source in BUNDLED_SOURCES {
        remove_dir(&dist.join(source))?;
    }
    for module in MODULES {
        remove_file(&dist.join(glue_path(module)))?;
    }

    step("precompressing the text and wasm files (.br: brotli 11, node's zlib; .gz: gzip -9)");
    let compressed = compress::precompress(&dist)?;
    note(&format!("{compressed} files have .br and .gz siblings"));

    step("sizes");
    print_sizes(&dist)?;
    println!("dist: built {}", util::rel(&dist));
    Ok(())
}

/// `cargo build --release --lib --target wasm32-unknown-unknown` of `module`: the wasm's path.
fn build_wasm(module: Module) -> Result<PathBuf> {
    let target_dir = util::target_dir().join(module.target_subdir);
    run(util::cargo()
        .args([
            "build",
            "--release",
            "--lib",
            "--target",
            tools::WASM_TARGET,
            "-p",
            PACKAGE,
        ])
        .args(module.features)
        .arg("--target-dir")
        .arg(&target_dir))
    .map_err(|e| format!("{e}\nthe widget did not compile for {}", tools::WASM_TARGET))?;
    let wasm = target_dir
        .join(tools::WASM_TARGET)
        .join("release")
        .join(format!("{LIB_NAME}.wasm"));
    if !wasm.is_file() {
        return Err(format!(
            "cargo did not produce {}: is `crate-type` missing \"cdylib\" in Cargo.toml?",
            util::rel(&wasm)
        ));
    }
    Ok(wasm)
}

/// `wasm-bindgen --target web` of `module`'s `wasm`: its ES module glue and its `_bg.wasm`.
fn bind(wasm_bindgen: &Path, wasm: &Path, module: Module) -> Result<(PathBuf, PathBuf)> {
    let pkg = util::target_dir().join("wasm-pkg").join(module.stem);
    remove_dir(&pkg)?; // no stale glue from an earlier build
    run(Command::new(wasm_bindgen)
        .current_dir(util::root())
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            module.stem,
            "--out-dir",
        ])
        .arg(&pkg)
        .arg(wasm))?;
    let glue = pkg.join(format!("{}.js", module.stem));
    let bg_wasm = pkg.join(format!("{}_bg.wasm", module.stem));
    for file in [&glue, &bg_wasm] {
        if !file.is_file() {
            return Err(format!("wasm-bindgen did not produce {}", util::rel(file)));
        }
    }
    Ok((glue, bg_wasm))
}

/// Where `module`'s glue is in `dist/` until it is bundled: where the loader imports it from.
fn glue_path(module: Module) -> String {
    format!("pkg/{}.js", module.stem)
}

/// The wasm-opt flags; part of the cache key.
const WASM_OPT_FLAGS: &[&str] = &["-Oz", "--strip-debug", "--strip-producers"];

/// Runs wasm-opt on `input`, unless the very same input was optimised with the same flags last
/// time: binaryen from npm runs as wasm inside node and takes 10-30 s here, while the wasm is
/// often unchanged between runs (a page-only change, `--browser-only` reruns). The cache keeps a
/// copy of the last input and its output in `target/wasm-opt-cache/<name>/`, compared byte for
/// byte.
fn optimise(wasm_opt: &Path, input: &Path, name: &str) -> Result<PathBuf> {
    let cache = util::target_dir().join("wasm-opt-cache").join(name);
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

/// The licence files of the repository's root that `dist/` ships (Cargo.toml's `license`).
const LICENCES: [&str; 2] = ["LICENSE-MIT", "LICENSE-APACHE"];

/// Wipes `dist/` and fills it: `www/` (except the test fixtures), each module's glue and wasm in
/// `pkg/` (the loader pointed at the wasm), the datasets in `data/`.
fn assemble(dist: &Path, built: &[(Module, PathBuf, PathBuf)]) -> Result {
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
    // the licence texts travel with the code, in the npm package too
    for licence in LICENCES {
        copy(&root.join(licence), &dist.join(licence))?;
    }
    if !dist.join("index.html").is_file() {
        warn("www/index.html does not exist yet: dist/ has no index page");
    }

    mkdir(&dist.join("pkg"))?;
    for (module, glue, wasm) in built {
        add_module(dist, *module, glue, wasm)?;
    }

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

/// Copies `module`'s glue and content-named wasm into `dist/pkg/`, and points the loader at the
/// wasm, with its hash.
fn add_module(dist: &Path, module: Module, glue: &Path, wasm: &Path) -> Result {
    let glue_to = glue_path(module);
    copy(glue, &dist.join(&glue_to))?;
    let bytes =
        std::fs::read(wasm).map_err(|e| format!("could not read {}: {e}", wasm.display()))?;
    let wasm_name = hashed_wasm_name(module.stem, &bytes);
    let wasm_to = dist.join("pkg").join(&wasm_name);
    copy(wasm, &wasm_to)?;
    let integrity = integrity_of(&wasm_to)?;
    point_element_to_wasm(&dist.join(LOADER_JS), module, &wasm_name, &integrity)?;
    note(&format!(
        "{glue_to} (to bundle), pkg/{wasm_name}, checked against {integrity}"
    ));
    Ok(())
}

/// A wasm's file name in `dist/pkg/`: `<stem>_bg.<hash>.wasm`, with a short hash of its bytes. A host may then cache the wasm for ever (`Cache-Control: immutable`): a new build
/// is a new URL, so a reader never runs a new `plan-progress.js` against an old wasm, whose
/// exports would not match.
fn hashed_wasm_name(stem: &str, bytes: &[u8]) -> String {
    format!("{stem}_bg.{}.wasm", short_hash(bytes))
}

/// The first 10 hex digits of the FNV-1a 64-bit hash of `bytes`: a cache key, not a security
/// measure (no crypto dependency for xtask; 40 bits tell builds apart well enough).
fn short_hash(bytes: &[u8]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("{hash:016x}")[..10].to_string()
}

/// The `integrity` value of `file`: `sha384-` and the base64 of its SHA-384 digest, computed by
/// node's crypto (node is already needed by `dist`; xtask keeps no crypto crate of its own).
fn integrity_of(file: &Path) -> Result<String> {
    const SCRIPT: &str = "process.stdout.write('sha384-' + require('node:crypto').createHash('sha384')\
                          .update(require('node:fs').readFileSync(process.argv[1])).digest('base64'))";
    let out = Command::new("node")
        .args(["-e", SCRIPT])
        .arg(file)
        .output()
        .map_err(|e| format!("could not start node to hash {}: {e}", util::rel(file)))?;
    let hash = String::from_utf8_lossy(&out.stdout).into_owned();
    // sha384- and 48 bytes in base64
    if !out.status.success() || hash.len() != 7 + 64 || !hash.starts_with("sha384-") {
        return Err(format!(
            "could not hash {} with node: {}",
            util::rel(file),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(hash)
}

/// Bundles each of [`BUNDLED_SCRIPTS`] in `dist` with the modules it imports (the element's
/// parts, the glue, the generated defaults, the pages' parts) into one minified file in its
/// place: one request for the page, and `www/` keeps the readable source. `import.meta.url` stays
/// the bundle's own address, which the relative URL of the wasm counts from. One esbuild
/// run makes every bundle from the sources as copied, before any is written over its source:
/// the builder and the checker import plan-progress.js, and must not bundle a bundle (with its
/// own loader).
fn bundle(esbuild: &Path, dist: &Path) -> Result {
    let out = util::target_dir().join("bundles");
    remove_dir(&out)?;
    mkdir(&out)?;
    run(Command::new(esbuild)
        .args(BUNDLED_SCRIPTS.map(|script| dist.join(script)))
        .args([
            "--bundle",
            "--format=esm",
            "--minify",
            "--log-level=warning",
        ])
        .arg(format!("--outdir={}", out.display())))
    .map_err(|e| format!("{e}\ncould not bundle {}", BUNDLED_SCRIPTS.join(", ")))?;
    for script in BUNDLED_SCRIPTS {
        let target = dist.join(script);
        let before = file_len(&target)?;
        copy(&out.join(script), &target)?;
        note_size(&target, "bundle", before)?;
    }
    Ok(())
}

/// Says how `what` changed the size of `script` (`before` bytes).
fn note_size(script: &Path, what: &str, before: u64) -> Result {
    note(&format!(
        "{} ({what}): {} -> {} bytes",
        util::rel(script),
        util::thousands(before),
        util::thousands(file_len(script)?)
    ));
    Ok(())
}

/// Rewrites `module`'s URL and integrity literals in the copied loader
/// (`dist/element/loader.js`, bundled after) to `./pkg/<wasm_name>` and `integrity`. `www/`
/// keeps the plain name, so it is edited like any other source file.
fn point_element_to_wasm(
    script: &Path,
    module: Module,
    wasm_name: &str,
    integrity: &str,
) -> Result {
    let text = std::fs::read_to_string(script).map_err(|e| {
        format!(
            "could not read {}: {e} (dist/ must have the element's script)",
            script.display()
        )
    })?;
    let rewritten = rewrite_literal(&text, module.url_literal, &format!("./pkg/{wasm_name}"))
        .and_then(|js| rewrite_literal(&js, module.integrity_literal, integrity))
        .map_err(|e| format!("{}: {e}", util::rel(script)))?;
    std::fs::write(script, rewritten)
        .map_err(|e| format!("could not write {}: {e}", script.display()))
}

/// Replaces the single occurrence of `literal` (quoted) in `js` with `value`, quoted; an error if
/// it occurs zero or several times (then it is not clear which one loads or checks the wasm).
fn rewrite_literal(js: &str, literal: &str, value: &str) -> Result<String> {
    match js.matches(literal).count() {
        1 => Ok(js.replacen(literal, &format!("'{value}'"), 1)),
        n => Err(format!(
            "expected the literal {literal} exactly once (the wasm's URL or integrity hash, which \
             `dist` writes), found it {n} times; update the literals of MODULES in \
             xtask/src/dist.rs if the element now loads its wasm another way"
        )),
    }
}

/// `module`'s content-hashed wasm in `dist/pkg/`, relative to `dist/`. Exactly one is expected,
/// since `dist` starts from an empty folder.
fn find_wasm(dist: &Path, module: Module) -> Result<String> {
    let pkg = dist.join("pkg");
    let entries =
        std::fs::read_dir(&pkg).map_err(|e| format!("could not read {}: {e}", pkg.display()))?;
    let prefix = format!("{}_bg.", module.stem);
    let mut found: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.starts_with(&prefix) && name.ends_with(".wasm"))
        .collect();
    found.sort();
    match found.as_slice() {
        [one] => Ok(format!("pkg/{one}")),
        [] => Err(format!(
            "no {prefix}*.wasm in {}: run `cargo xtask dist`",
            util::rel(&pkg)
        )),
        many => Err(format!(
            "several wasm files in {} ({}): run `cargo xtask dist` again",
            util::rel(&pkg),
            many.join(", ")
        )),
    }
}

/// When a reader's browser downloads a shipped file.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Load {
    /// Before the first chart: what its drawing needs.
    First,
    /// Later: when a feature is first used, at idle once the first chart is drawn, or at once
    /// for a view that the first module does not draw.
    Later,
}

/// The files a page downloads to show charts (data aside), relative to `dist/`, in table
/// order, with when it downloads each: the element (with the glues bundled in), the wasm
/// modules.
fn shipped_files(dist: &Path) -> Result<Vec<(String, Load)>> {
    let mut files = vec![(ELEMENT_JS.to_string(), Load::First)];
    for module in MODULES {
        files.push((find_wasm(dist, module)?, module.load));
    }
    Ok(files)
}

/// One shipped file's sizes.
pub struct FileSize {
    pub name: String,
    pub load: Load,
    pub raw: u64,
    pub gzip: u64,
    /// Its `.br` sibling's, if `dist` wrote one.
    pub brotli: Option<u64>,
}

/// Raw, gzip -9 and brotli sizes of [`shipped_files`]; an error if one is missing.
pub fn shipped_sizes(dist: &Path) -> Result<Vec<FileSize>> {
    shipped_files(dist)?
        .into_iter()
        .map(|(name, load)| {
            let path = dist.join(&name);
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "could not read {}: {e} (run `cargo xtask dist`)",
                    path.display()
                )
            })?;
            Ok(FileSize {
                raw: bytes.len() as u64,
                gzip: compress::gzip(&bytes)?.len() as u64,
                brotli: file_len(&Encoding::Brotli.sibling(&path)).ok(),
                name,
                load,
            })
        })
        .collect()
}

/// The summed sizes of some shipped files.
#[derive(Debug, PartialEq, Eq)]
pub struct Total {
    pub raw: u64,
    pub gzip: u64,
    /// None when a file has no `.br` sibling.
    pub brotli: Option<u64>,
}

/// The sizes of the first download (`first_only`: the files of [`Load::First`]) or of every file.
pub fn total(sizes: &[FileSize], first_only: bool) -> Total {
    let counted: Vec<&FileSize> = sizes
        .iter()
        .filter(|f| !first_only || f.load == Load::First)
        .collect();
    Total {
        raw: counted.iter().map(|f| f.raw).sum(),
        gzip: counted.iter().map(|f| f.gzip).sum(),
        brotli: counted.iter().map(|f| f.brotli).sum(),
    }
}

/// Copies every file under `src` into `dst`, recursively, except the `skip` paths. Returns the
/// number of files copied.
pub fn copy_tree(src: &Path, dst: &Path, skip: &[PathBuf]) -> Result<usize> {
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

/// Prints raw, gzip -9 and brotli 11 sizes of the shipped files, with when each is loaded, and
/// two totals: the first download (before the first chart) and everything.
fn print_sizes(dist: &Path) -> Result {
    let sizes = shipped_sizes(dist)?;
    let line = |name: &str, raw: u64, gzip: u64, brotli: Option<u64>, load: &str| {
        let brotli = brotli.map_or_else(|| "-".to_string(), util::thousands);
        println!(
            "    {name:<44} {:>12} {:>12} {brotli:>12}  {load}",
            util::thousands(raw),
            util::thousands(gzip)
        );
    };
    println!(
        "    {:<44} {:>12} {:>12} {:>12}  loaded",
        "file", "raw bytes", "gzip -9", "brotli 11"
    );
    for f in &sizes {
        let load = match f.load {
            Load::First => "first",
            Load::Later => "later",
        };
        line(&f.name, f.raw, f.gzip, f.brotli, load);
    }
    let (first, all) = (total(&sizes, true), total(&sizes, false));
    line(
        "first download (script + wasm)",
        first.raw,
        first.gzip,
        first.brotli,
        "",
    );
    line("everything", all.raw, all.gzip, all.brotli, "");
    Ok(())
}

fn file_len(path: &Path) -> Result<u64> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("could not read {}: {e}", path.display()))
}

fn remove_file(file: &Path) -> Result {
    std::fs::remove_file(file).map_err(|e| format!("could not remove {}: {e}", file.display()))
}

pub fn remove_dir(dir: &Path) -> Result {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("could not remove {}: {e}", dir.display())),
    }
}

pub fn mkdir(dir: &Path) -> Result {
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

    #[test]
    fn wasm_names_follow_the_content() {
        // FNV-1a 64 of "" is its offset basis; of "a", a published test vector.
        assert_eq!(short_hash(b""), "cbf29ce484");
        assert_eq!(short_hash(b"a"), "af63dc4c86");
        let name = hashed_wasm_name("plan_progress", b"\0asm\x01\0\0\0");
        assert!(
            name.starts_with("plan_progress_bg.") && name.ends_with(".wasm"),
            "{name}"
        );
        assert_eq!(name.len(), "plan_progress_bg.".len() + 10 + ".wasm".len());
        assert_eq!(name, hashed_wasm_name("plan_progress", b"\0asm\x01\0\0\0"));
        assert_ne!(
            name,
            hashed_wasm_name("plan_progress", b"\0asm\x01\0\0\x01")
        );
    }

    #[test]
    fn rewrites_the_wasm_url_and_integrity_once_each() {
        let js = "import init from '../pkg/plan_progress.js';\n\
                  const FULL = { url: './pkg/plan_progress_bg.wasm', integrity: 'sha384-of-the-full-module' };\n\
                  const FIRST = { url: './pkg/plan_progress_first_bg.wasm', integrity: 'sha384-of-the-first-module' };\n";
        let out = rewrite_literal(
            js,
            FULL_MODULE.url_literal,
            "./pkg/plan_progress_bg.0123456789.wasm",
        )
        .and_then(|js| rewrite_literal(&js, FULL_MODULE.integrity_literal, "sha384-AAAA"))
        .expect("rewrite");
        assert_eq!(
            out,
            js.replace("plan_progress_bg.wasm", "plan_progress_bg.0123456789.wasm")
                .replace("sha384-of-the-full-module", "sha384-AAAA")
        );
        assert!(
            out.contains(FIRST_MODULE.url_literal) && out.contains(FIRST_MODULE.integrity_literal)
        );
        assert!(
            out.contains("'../pkg/plan_progress.js'"),
            "the glue's URL is left alone"
        );

        let none =
            rewrite_literal("init();", FULL_MODULE.integrity_literal, "x").expect_err("none");
        assert!(none.contains("found it 0 times"), "{none}");
        let twice = format!("{js}{js}");
        let two = rewrite_literal(&twice, FULL_MODULE.url_literal, "x.wasm").expect_err("two");
        assert!(two.contains("found it 2 times"), "{two}");
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        let file = std::env::temp_dir().join(format!("xtask-sri-{}", std::process::id()));
        std::fs::write(&file, "abc").expect("write");
        // FIPS 180-2's SHA-384 example ("abc"), in base64
        assert_eq!(
            integrity_of(&file).expect("hash"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
        let _ = std::fs::remove_file(&file);
    }

    #[test]
    fn finds_the_one_hashed_wasm_of_each_module() {
        let base = std::env::temp_dir().join(format!("xtask-wasm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let pkg = base.join("pkg");
        std::fs::create_dir_all(&pkg).expect("mkdir");
        assert!(find_wasm(&base, FULL_MODULE)
            .expect_err("empty")
            .contains("no plan_progress_bg."));
        std::fs::write(pkg.join("plan_progress.js"), "glue").expect("write");
        std::fs::write(pkg.join("plan_progress_bg.abc.wasm"), "w").expect("write");
        std::fs::write(pkg.join("plan_progress_first_bg.123.wasm"), "w").expect("write");
        assert_eq!(
            find_wasm(&base, FULL_MODULE).expect("one"),
            "pkg/plan_progress_bg.abc.wasm"
        );
        assert_eq!(
            shipped_files(&base).expect("files"),
            [
                ("plan-progress.js".to_string(), Load::First),
                (
                    "pkg/plan_progress_first_bg.123.wasm".to_string(),
                    Load::First
                ),
                ("pkg/plan_progress_bg.abc.wasm".to_string(), Load::Later)
            ]
        );
        std::fs::write(pkg.join("plan_progress_bg.def.wasm"), "w").expect("write");
        assert!(find_wasm(&base, FULL_MODULE)
            .expect_err("two")
            .contains("several"));
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn totals_of_the_first_download_and_of_everything() {
        let file = |name: &str, load, gzip, brotli| FileSize {
            name: name.to_string(),
            load,
            raw: gzip * 3,
            gzip,
            brotli,
        };
        let sizes = [
            file("a.js", Load::First, 10, Some(8)),
            file("b.wasm", Load::First, 100, Some(90)),
            file("c.wasm", Load::Later, 50, None),
        ];
        let first = total(&sizes, true);
        assert_eq!(
            first,
            Total {
                raw: 330,
                gzip: 110,
                brotli: Some(98)
            }
        );
        let all = total(&sizes, false);
        assert_eq!((all.raw, all.gzip, all.brotli), (480, 160, None));
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
