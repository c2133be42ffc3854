//! Precompressed siblings: `x.js.br` (brotli, quality 11) and `x.js.gz` (gzip -9) next to each
//! text and wasm file of a folder.
//!
//! Static servers send them as they are when the request allows it (nginx `gzip_static` and
//! `brotli_static`, most CDNs), so a host of `dist/` pays for the best compression once, at build
//! time, not on every request. `serve` sends them the same way, so that the demo, the browser
//! tests and the bench download what readers download.
//!
//! gzip comes from flate2 (already xtask's, for the size table); brotli from node's built-in
//! zlib through `xtask/brotli.mjs`: node is already needed by `dist`, while a pure-Rust brotli
//! encoder is a large crate to compile in every CI run for this one use.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::util::{self, run, Result};

/// A content coding that a sibling holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// Every coding, the one a server prefers first (brotli is the smaller).
    pub const PREFERRED: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// Its name in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The sibling of `file` in this coding: `x.js` -> `x.js.br`.
    pub fn sibling(self, file: &Path) -> PathBuf {
        let extension = match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        };
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}

/// The extensions of the files that get siblings: text and wasm. Pictures and fonts (png, woff2)
/// are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html", "htm", "js", "mjs", "css", "json", "svg", "wasm", "txt", "csv", "xml", "map",
];

/// Whether a file of this name gets precompressed siblings.
pub fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e.to_ascii_lowercase().as_str()))
}

/// `bytes` after `gzip -9` (what a server sends with compression on). The header carries no
/// name and no time, so the same input always gives the same bytes.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|e| format!("gzip failed: {e}"))
}

/// Writes the `.br` and `.gz` siblings of every compressible file under `dir` (recursively),
/// and keeps a sibling only when it is smaller than its file: a server then never sends more
/// bytes compressed than plain. Returns how many files have at least one sibling.
pub fn precompress(dir: &Path) -> Result<usize> {
    let files = compressible_files(dir)?;
    if files.is_empty() {
        return Ok(0);
    }
    for file in &files {
        let bytes = read(file)?;
        write(&Encoding::Gzip.sibling(file), &gzip(&bytes)?)?;
    }
    brotli(dir, &files)?;
    let mut kept = 0;
    for file in &files {
        let size = file_len(file)?;
        let mut any = false;
        for encoding in Encoding::PREFERRED {
            let sibling = encoding.sibling(file);
            if file_len(&sibling)? < size {
                any = true;
            } else {
                std::fs::remove_file(&sibling)
                    .map_err(|e| format!("could not remove {}: {e}", sibling.display()))?;
            }
        }
        kept += usize::from(any);
    }
    Ok(kept)
}

/// The compressible files under `dir`, sorted, so that runs and messages are reproducible.
fn compressible_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("could not read {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("could not read {}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.is_file() && compressible(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Runs `xtask/brotli.mjs` on `files` (all under `dir`, named relative to it to keep the logged
/// command short).
fn brotli(dir: &Path, files: &[PathBuf]) -> Result {
    let script = util::root().join("xtask/brotli.mjs");
    let mut node = Command::new("node");
    node.current_dir(dir).arg(&script);
    for file in files {
        node.arg(file.strip_prefix(dir).unwrap_or(file));
    }
    run(&mut node).map_err(|e| format!("{e}\nbrotli compression (node's zlib) failed"))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("could not read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("could not write {}: {e}", path.display()))
}

fn file_len(path: &Path) -> Result<u64> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("could not read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    /// A fresh folder under the system temp dir (no tempfile dependency).
    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-compress-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    /// What node's zlib reads back from a brotli file.
    fn unbrotli(path: &Path) -> Vec<u8> {
        let out = Command::new("node")
            .args([
                "-e",
                "process.stdout.write(require('node:zlib').brotliDecompressSync(require('node:fs').readFileSync(process.argv[1])))",
            ])
            .arg(path)
            .output()
            .expect("node");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn gunzip(path: &Path) -> Vec<u8> {
        let mut back = Vec::new();
        GzDecoder::new(&read(path).expect("read")[..])
            .read_to_end(&mut back)
            .expect("gunzip");
        back
    }

    #[test]
    fn gzip_is_a_real_and_stable_gzip_stream() {
        let text = "plan-progress ".repeat(1000);
        let gz = gzip(text.as_bytes()).expect("gzip");
        assert!(
            gz.len() < text.len() / 10,
            "repetitive text compresses well"
        );
        assert_eq!(gz, gzip(text.as_bytes()).expect("gzip again"));
        let mut back = String::new();
        GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
    }

    #[test]
    fn siblings_hold_the_file_and_only_when_smaller() {
        let dir = temp_dir("tree");
        std::fs::create_dir_all(dir.join("pkg")).expect("mkdir");
        let script = "export const widget = 'plan-progress';\n".repeat(200);
        let wasm: Vec<u8> = b"\0asm\x01\0\0\0"
            .iter()
            .chain([0u8; 4000].iter())
            .copied()
            .collect();
        std::fs::write(dir.join("app.js"), &script).expect("write");
        std::fs::write(dir.join("pkg/x.wasm"), &wasm).expect("write");
        std::fs::write(dir.join("tiny.json"), "1").expect("write");
        std::fs::write(dir.join("picture.png"), "png ".repeat(500)).expect("write");

        assert_eq!(precompress(&dir).expect("precompress"), 2);
        for (file, bytes) in [("app.js", script.as_bytes()), ("pkg/x.wasm", &wasm[..])] {
            let file = dir.join(file);
            let (br, gz) = (
                Encoding::Brotli.sibling(&file),
                Encoding::Gzip.sibling(&file),
            );
            assert_eq!(gunzip(&gz), bytes, "{}", gz.display());
            assert_eq!(unbrotli(&br), bytes, "{}", br.display());
            assert!(file_len(&br).expect("br") < file_len(&gz).expect("gz"));
        }
        // one byte does not shrink: a server would send more compressed than plain
        assert!(!dir.join("tiny.json.gz").exists() && !dir.join("tiny.json.br").exists());
        assert!(
            !dir.join("picture.png.gz").exists(),
            "pictures are left alone"
        );

        // a second run writes no sibling of a sibling
        assert_eq!(precompress(&dir).expect("again"), 2);
        assert!(!dir.join("app.js.gz.gz").exists() && !dir.join("app.js.br.br").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn names_and_kinds() {
        assert_eq!(
            Encoding::Brotli.sibling(Path::new("a/b.js")),
            Path::new("a/b.js.br")
        );
        assert_eq!(
            Encoding::Gzip.sibling(Path::new("b.wasm")),
            Path::new("b.wasm.gz")
        );
        assert_eq!(Encoding::PREFERRED.map(Encoding::token), ["br", "gzip"]);
        for text in [
            "a.html", "a.JS", "a.mjs", "a.css", "a.json", "a.svg", "a.wasm", "a.csv",
        ] {
            assert!(compressible(Path::new(text)), "{text}");
        }
        for other in ["a.png", "a.woff2", "a.js.gz", "a.js.br", "LICENSE-MIT"] {
            assert!(!compressible(Path::new(other)), "{other}");
        }
    }
}
