//! A minimal static file server (std::net, one thread per connection).
//!
//! Written by hand rather than pulled in as a dependency because xtask is compiled in every CI
//! run, and because the browser tests start it in-process on a free port (`127.0.0.1:0`). It
//! does just what the demo and the tests need:
//! - GET and HEAD only; one request per connection (`Connection: close`), which browsers handle
//!   fine for a local page;
//! - `Content-Type: application/wasm` for `.wasm`, so `WebAssembly.instantiateStreaming` works
//!   instead of the glue warning and falling back;
//! - compression as a CDN does it: a file's precompressed sibling (`x.js.br`, `x.js.gz`, written
//!   by `compress`) when the request's `Accept-Encoding` allows it, with `Content-Encoding`, the
//!   original's `Content-Type` and `Vary: Accept-Encoding`; a file without siblings goes plain;
//! - `Cache-Control: no-cache`, so a rebuilt wasm is always picked up;
//! - no way out of the served directories (`..` is refused, symlinks leading outside too);
//! - loopback only: it is a development server.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::compress::Encoding;
use crate::util::Result;

/// A URL prefix served from a directory, e.g. `/test-fixtures/` -> `www/test-fixtures`.
#[derive(Clone, Debug)]
pub struct Mount {
    /// Starts and ends with `/`; `/` serves the whole site.
    pub prefix: String,
    pub dir: PathBuf,
}

impl Mount {
    pub fn new(prefix: &str, dir: impl Into<PathBuf>) -> Mount {
        let mut prefix = prefix.trim_matches('/').to_string();
        prefix = if prefix.is_empty() {
            "/".to_string()
        } else {
            format!("/{prefix}/")
        };
        Mount {
            prefix,
            dir: dir.into(),
        }
    }
}

/// A running server: its address, and the accept loop's thread (joined by `cargo xtask demo`,
/// left to die with the process by the tests).
pub struct Server {
    pub addr: SocketAddr,
    pub thread: JoinHandle<()>,
}

/// Binds `addr` (e.g. `127.0.0.1:0` for a free port) and serves the mounts on a background
/// thread. With `log`, prints one line per request.
pub fn start(addr: &str, mounts: Vec<Mount>, log: bool) -> Result<Server> {
    let listener = TcpListener::bind(addr).map_err(|e| {
        format!("could not listen on {addr}: {e} (is another server using the port? set PORT)")
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("could not read the server's address: {e}"))?;
    let mut mounts = mounts;
    // Longest prefix first, so `/test-fixtures/` wins over `/`.
    mounts.sort_by_key(|m| std::cmp::Reverse(m.prefix.len()));
    let mounts = Arc::new(mounts);
    let thread = thread::Builder::new()
        .name("static-server".into())
        .spawn(move || {
            for conn in listener.incoming() {
                let Ok(stream) = conn else { continue };
                let mounts = Arc::clone(&mounts);
                // If a thread cannot be spawned the connection is dropped; the client retries.
                let _ = thread::Builder::new()
                    .name("static-conn".into())
                    .spawn(move || handle(stream, &mounts, log));
            }
        })
        .map_err(|e| format!("could not start the server thread: {e}"))?;
    Ok(Server { addr, thread })
}

/// The outcome of resolving a request path.
#[derive(Debug, PartialEq)]
enum Resolved {
    File(PathBuf),
    NotFound,
    Forbidden,
    BadRequest,
}

/// What the server reads of a request.
#[derive(Debug, Default, PartialEq)]
struct Request {
    method: String,
    target: String,
    /// The `Accept-Encoding` header's value ("" when absent).
    accept_encoding: String,
}

/// What it answers.
#[derive(Debug)]
struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// The coding of `body`, when it is a precompressed sibling.
    encoding: Option<Encoding>,
    /// Whether another `Accept-Encoding` could get another body (`Vary: Accept-Encoding`).
    varies: bool,
}

impl Response {
    fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            encoding: None,
            varies: false,
        }
    }
}

fn handle(stream: TcpStream, mounts: &[Mount], log: bool) {
    // A stuck client must not keep a thread forever.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let Ok(request) = read_head(&stream) else {
        let _ = respond(&stream, &Response::text(400, "bad request\n"), false);
        return;
    };
    let head_only = request.method == "HEAD";
    let response = if request.method != "GET" && !head_only {
        Response::text(405, "method not allowed\n")
    } else {
        match resolve(mounts, &request.target) {
            Resolved::File(path) => file_response(&path, &request.accept_encoding),
            Resolved::NotFound => Response::text(404, "not found\n"),
            Resolved::Forbidden => Response::text(403, "forbidden\n"),
            Resolved::BadRequest => Response::text(400, "bad request\n"),
        }
    };
    if log {
        let coding = response.encoding.map_or("", |e| e.token());
        println!(
            "    {} {} -> {} {coding}",
            request.method, request.target, response.status
        );
    }
    let _ = respond(&stream, &response, head_only);
}

/// The file at `path`, or its precompressed sibling in the coding `accept_encoding` prefers.
fn file_response(path: &Path, accept_encoding: &str) -> Response {
    let available: Vec<Encoding> = Encoding::PREFERRED
        .into_iter()
        .filter(|e| usable_sibling(path, &e.sibling(path)))
        .collect();
    let encoding = negotiate(accept_encoding, &available);
    let read = encoding.map_or_else(|| path.to_path_buf(), |e| e.sibling(path));
    match std::fs::read(&read) {
        Ok(body) => Response {
            status: 200,
            content_type: content_type(path),
            body,
            encoding,
            varies: !available.is_empty(),
        },
        Err(_) => Response::text(404, "not found\n"),
    }
}

/// A sibling is sent only if it is a plain file (not a symlink, which could lead out of the
/// served folder) at least as new as its original (an edited file must not be shadowed by the
/// compressed copy of its old text).
fn usable_sibling(original: &Path, sibling: &Path) -> bool {
    let modified = |meta: std::fs::Metadata| meta.modified().ok();
    let sibling_time = std::fs::symlink_metadata(sibling)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .and_then(modified);
    let original_time = std::fs::metadata(original).ok().and_then(modified);
    matches!((sibling_time, original_time), (Some(s), Some(o)) if s >= o)
}

/// The coding to send among `available` (in the server's order of preference): the one the
/// client weighs highest with `Accept-Encoding` (RFC 9110 section 12.5.3: `q=0` refuses a
/// coding, `*` stands for those not named), the first in `available` on a tie; `None` for the
/// file as it is.
fn negotiate(accept_encoding: &str, available: &[Encoding]) -> Option<Encoding> {
    let mut weights: Vec<(String, f32)> = Vec::new();
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';').map(str::trim);
        let coding = parts.next().unwrap_or("").to_ascii_lowercase();
        let mut weight = Some(1.0);
        for param in parts {
            if let Some(q) = param
                .strip_prefix("q=")
                .or_else(|| param.strip_prefix("Q="))
            {
                weight = q.parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q));
            }
        }
        if let (false, Some(weight)) = (coding.is_empty(), weight) {
            weights.push((coding, weight));
        }
    }
    let weight_of = |token: &str| {
        let named = weights.iter().find(|(c, _)| c == token);
        let any = weights.iter().find(|(c, _)| c == "*");
        named.or(any).map_or(0.0, |(_, w)| *w)
    };
    let mut best: Option<(Encoding, f32)> = None;
    for &encoding in available {
        let weight = weight_of(encoding.token());
        if weight > 0.0 && best.is_none_or(|(_, w)| weight > w) {
            best = Some((encoding, weight));
        }
    }
    best.map(|(encoding, _)| encoding)
}

/// Reads the request head (request line and headers, up to the blank line). Bodies are not
/// expected (GET/HEAD).
fn read_head(stream: &TcpStream) -> std::io::Result<Request> {
    const MAX_HEAD: u64 = 32 * 1024;
    let mut reader = BufReader::new(stream.take(MAX_HEAD));
    let mut request: Option<Request> = None;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "incomplete request head",
            ));
        }
        if line == "\r\n" || line == "\n" {
            return Ok(request.unwrap_or_default());
        }
        match request.as_mut() {
            None => {
                let mut parts = line.split_whitespace();
                request = Some(Request {
                    method: parts.next().unwrap_or("").to_string(),
                    target: parts.next().unwrap_or("").to_string(),
                    accept_encoding: String::new(),
                });
            }
            Some(request) => {
                if let Some((name, value)) = line.split_once(':') {
                    if name.trim().eq_ignore_ascii_case("accept-encoding") {
                        request.accept_encoding = value.trim().to_string();
                    }
                }
            }
        }
    }
}

fn respond(mut stream: &TcpStream, response: &Response, head_only: bool) -> std::io::Result<()> {
    let status = response.status;
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: {}\r\n\
         Content-Length: {}\r\n\
         Cache-Control: no-cache\r\n\
         X-Content-Type-Options: nosniff\r\n\
         Connection: close\r\n",
        response.content_type,
        response.body.len()
    );
    if let Some(encoding) = response.encoding {
        head.push_str(&format!("Content-Encoding: {}\r\n", encoding.token()));
    }
    if response.varies {
        head.push_str("Vary: Accept-Encoding\r\n");
    }
    if status == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// Maps a request target (`/pkg/x.wasm?v=1`) to a file under one of the mounts.
fn resolve(mounts: &[Mount], target: &str) -> Resolved {
    if !target.starts_with('/') {
        return Resolved::BadRequest;
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = percent_decode(path) else {
        return Resolved::BadRequest;
    };
    let Some(mount) = mounts.iter().find(|m| {
        path.starts_with(&m.prefix) || format!("{path}/") == m.prefix // `/test-fixtures`
    }) else {
        return Resolved::NotFound;
    };
    let rest = path.get(mount.prefix.len()..).unwrap_or("");
    let mut file = mount.dir.clone();
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Resolved::Forbidden,
            s if s.contains(['\\', '\0']) => return Resolved::Forbidden,
            s => file.push(s),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    if !file.is_file() {
        return Resolved::NotFound;
    }
    // A symlink inside the served directory must not lead outside it.
    match (file.canonicalize(), mount.dir.canonicalize()) {
        (Ok(real), Ok(base)) if real.starts_with(&base) => Resolved::File(real),
        (Ok(_), Ok(_)) => Resolved::Forbidden,
        _ => Resolved::NotFound,
    }
}

/// Decodes `%XX` escapes; `None` for malformed escapes or a path that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Content-Type by extension. `.wasm` must be `application/wasm` for streaming compilation.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh directory under the system temp dir (no tempfile dependency).
    fn temp_dir(name: &str) -> PathBuf {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("xtask-serve-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        dir
    }

    /// A site with index.html, pkg/x.wasm and a secret next to (outside) it.
    fn site() -> (PathBuf, PathBuf) {
        let base = temp_dir("site");
        let site = base.join("site");
        std::fs::create_dir_all(site.join("pkg")).expect("mkdir");
        std::fs::create_dir_all(base.join("fixtures")).expect("mkdir");
        std::fs::write(site.join("index.html"), "<!doctype html>hi").expect("write");
        std::fs::write(site.join("pkg/x.wasm"), b"\0asm\x01\0\0\0").expect("write");
        std::fs::write(site.join("a b.txt"), "spaced").expect("write");
        std::fs::write(base.join("fixtures/f.js"), "// fixture").expect("write");
        std::fs::write(base.join("secret.txt"), "secret").expect("write");
        (base.clone(), site)
    }

    fn request(addr: SocketAddr, raw: &str) -> String {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream.write_all(raw.as_bytes()).expect("send");
        // Like a client that sent everything: a truncated head then ends at EOF, not a timeout.
        stream
            .shutdown(std::net::Shutdown::Write)
            .expect("shutdown");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        response
    }

    fn get(addr: SocketAddr, path: &str) -> String {
        request(addr, &format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"))
    }

    #[test]
    fn serves_files_with_types_and_statuses() {
        let (base, site) = site();
        let server = start(
            "127.0.0.1:0",
            vec![
                Mount::new("/", &site),
                Mount::new("/test-fixtures/", base.join("fixtures")),
            ],
            false,
        )
        .expect("start");
        let addr = server.addr;
        assert!(addr.ip().is_loopback());

        let index = get(addr, "/");
        assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
        assert!(index.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(index.contains("Cache-Control: no-cache\r\n"));
        assert!(index.ends_with("\r\n\r\n<!doctype html>hi"));

        let wasm = get(addr, "/pkg/x.wasm?v=2");
        assert!(wasm.starts_with("HTTP/1.1 200 OK\r\n"), "{wasm}");
        assert!(wasm.contains("Content-Type: application/wasm\r\n"));
        assert!(wasm.contains("Content-Length: 8\r\n"));

        assert!(get(addr, "/a%20b.txt").ends_with("spaced"));
        assert!(get(addr, "/test-fixtures/f.js").ends_with("// fixture"));
        assert!(get(addr, "/missing.js").starts_with("HTTP/1.1 404 "));
        assert!(get(addr, "/pkg/").starts_with("HTTP/1.1 404 "));

        let head = request(addr, "HEAD /index.html HTTP/1.1\r\n\r\n");
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(head.contains("Content-Length: 17\r\n"));
        assert!(
            head.ends_with("\r\n\r\n"),
            "HEAD must not send a body: {head}"
        );

        let post = request(addr, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 "));
        assert!(post.contains("Allow: GET, HEAD\r\n"));

        assert!(request(addr, "garbage").starts_with("HTTP/1.1 400 "));
        let _ = std::fs::remove_dir_all(base);
    }

    #[test]
    fn never_leaves_the_served_directory() {
        let (base, site) = site();
        let server = start("127.0.0.1:0", vec![Mount::new("/", &site)], false).expect("start");
        for path in [
            "/../secret.txt",
            "/pkg/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
        ] {
            let response = get(server.addr, path);
            assert!(
                !response.contains("secret") && !response.starts_with("HTTP/1.1 200"),
                "{path}: {response}"
            );
        }
        std::os::unix::fs::symlink(base.join("secret.txt"), site.join("link.txt"))
            .expect("symlink");
        assert!(get(server.addr, "/link.txt").starts_with("HTTP/1.1 403 "));
        let _ = std::fs::remove_dir_all(base);
    }

    #[test]
    fn resolves_paths() {
        let (base, site) = site();
        let mounts = vec![Mount::new("/", &site)];
        assert_eq!(resolve(&mounts, "no-slash"), Resolved::BadRequest);
        assert_eq!(resolve(&mounts, "/%zz"), Resolved::BadRequest);
        assert_eq!(resolve(&mounts, "/%ff"), Resolved::BadRequest);
        assert_eq!(resolve(&mounts, "/a/../index.html"), Resolved::Forbidden);
        assert!(matches!(
            resolve(&mounts, "/./index.html#top"),
            Resolved::File(_)
        ));
        let _ = std::fs::remove_dir_all(base);
    }

    #[test]
    fn content_types() {
        for (file, ty) in [
            ("a.html", "text/html; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.mjs", "text/javascript; charset=utf-8"),
            ("a.json", "application/json"),
            ("a.WASM", "application/wasm"),
            ("a.css", "text/css; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.csv", "text/csv; charset=utf-8"),
            ("a.txt", "text/plain; charset=utf-8"),
            ("a", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), ty, "{file}");
        }
    }

    fn get_with(addr: SocketAddr, path: &str, accept: &str) -> Vec<u8> {
        let raw = format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n\r\n");
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream.write_all(raw.as_bytes()).expect("send");
        stream
            .shutdown(std::net::Shutdown::Write)
            .expect("shutdown");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read");
        response
    }

    /// The head of a response as text, and its body.
    fn split(response: &[u8]) -> (String, Vec<u8>) {
        let at = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a head");
        (
            String::from_utf8_lossy(&response[..at + 4]).into_owned(),
            response[at + 4..].to_vec(),
        )
    }

    /// A site whose app.js and x.wasm have (pretend) precompressed siblings.
    fn compressed_site() -> (PathBuf, Server) {
        let base = temp_dir("compressed");
        std::fs::write(base.join("app.js"), "console.log('plain');").expect("write");
        std::fs::write(base.join("app.js.br"), "BROTLI").expect("write");
        std::fs::write(base.join("app.js.gz"), "GZIP").expect("write");
        std::fs::write(base.join("x.wasm"), b"\0asm\x01\0\0\0").expect("write");
        std::fs::write(base.join("x.wasm.gz"), "WASM-GZ").expect("write");
        std::fs::write(base.join("plain.css"), "a{}").expect("write");
        let server = start("127.0.0.1:0", vec![Mount::new("/", &base)], false).expect("start");
        (base, server)
    }

    #[test]
    fn sends_precompressed_siblings_as_a_cdn_does() {
        let (base, server) = compressed_site();
        let addr = server.addr;
        let (head, body) = split(&get_with(addr, "/app.js", "gzip, deflate, br, zstd"));
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(
            head.contains("Content-Type: text/javascript; charset=utf-8\r\n"),
            "{head}"
        );
        assert!(head.contains("Content-Encoding: br\r\n"), "{head}");
        assert!(head.contains("Vary: Accept-Encoding\r\n"), "{head}");
        assert!(head.contains("Content-Length: 6\r\n"), "{head}");
        assert_eq!(body, b"BROTLI");

        let (head, body) = split(&get_with(addr, "/app.js", "gzip"));
        assert!(head.contains("Content-Encoding: gzip\r\n"), "{head}");
        assert_eq!(body, b"GZIP");
        let (_, body) = split(&get_with(addr, "/app.js", "br;q=0, gzip;q=0.8"));
        assert_eq!(body, b"GZIP");

        let (head, body) = split(&get(addr, "/app.js").into_bytes());
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert!(
            head.contains("Vary: Accept-Encoding\r\n"),
            "another client gets another body"
        );
        assert_eq!(body, b"console.log('plain');");

        let (head, body) = split(&get_with(addr, "/x.wasm", "br, gzip"));
        assert!(
            head.contains("Content-Type: application/wasm\r\n"),
            "{head}"
        );
        assert!(
            head.contains("Content-Encoding: gzip\r\n"),
            "no .br: the .gz: {head}"
        );
        assert_eq!(body, b"WASM-GZ");

        let (head, body) = split(&get_with(addr, "/plain.css", "br, gzip"));
        assert!(
            !head.contains("Content-Encoding") && !head.contains("Vary"),
            "{head}"
        );
        assert_eq!(body, b"a{}");

        let head = request(addr, "HEAD /app.js HTTP/1.1\r\nAccept-Encoding: br\r\n\r\n");
        assert!(
            head.contains("Content-Encoding: br\r\n") && head.contains("Content-Length: 6\r\n")
        );
        assert!(
            head.ends_with("\r\n\r\n"),
            "HEAD must not send a body: {head}"
        );
        let _ = std::fs::remove_dir_all(base);
    }

    #[test]
    fn never_sends_a_stale_or_linked_sibling() {
        let (base, server) = compressed_site();
        // app.js edited after its siblings were written
        let later = std::time::SystemTime::now() + Duration::from_secs(60);
        std::fs::File::options()
            .append(true)
            .open(base.join("app.js"))
            .and_then(|f| f.set_modified(later))
            .expect("touch");
        let (head, body) = split(&get_with(server.addr, "/app.js", "br, gzip"));
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, b"console.log('plain');");

        std::fs::write(base.join("outside.txt"), "secret").expect("write");
        std::fs::write(base.join("plain.txt"), "plain text").expect("write");
        std::os::unix::fs::symlink(base.join("outside.txt"), base.join("plain.txt.br"))
            .expect("symlink");
        let (head, body) = split(&get_with(server.addr, "/plain.txt", "br"));
        assert!(!head.contains("Content-Encoding"), "{head}");
        assert_eq!(body, b"plain text");
        let _ = std::fs::remove_dir_all(base);
    }

    #[test]
    fn negotiates_the_coding() {
        use Encoding::{Brotli, Gzip};
        let both = [Brotli, Gzip];
        for (accept, expected) in [
            ("gzip, deflate, br", Some(Brotli)),
            ("gzip, deflate, br, zstd", Some(Brotli)),
            ("GZIP", Some(Gzip)),
            ("br;q=0.5, gzip", Some(Gzip)),
            ("br;q=0, *", Some(Gzip)),
            ("*", Some(Brotli)),
            ("*;q=0", None),
            ("identity", None),
            ("", None),
            ("gzip;q=2", None),
            ("gzip;q=oops, br; q=0.1", Some(Brotli)),
            ("deflate", None),
        ] {
            assert_eq!(negotiate(accept, &both), expected, "{accept:?}");
        }
        assert_eq!(negotiate("br", &[Gzip]), None);
        assert_eq!(negotiate("br, gzip", &[Gzip]), Some(Gzip));
        assert_eq!(negotiate("br, gzip", &[]), None);
    }

    #[test]
    fn mount_prefixes_are_normalised() {
        assert_eq!(Mount::new("/", "x").prefix, "/");
        assert_eq!(Mount::new("", "x").prefix, "/");
        assert_eq!(Mount::new("test-fixtures", "x").prefix, "/test-fixtures/");
        assert_eq!(Mount::new("/test-fixtures/", "x").prefix, "/test-fixtures/");
    }
}
