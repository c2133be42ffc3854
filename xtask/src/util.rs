//! Helpers shared by the commands: the error type, progress lines, paths, and running child
//! processes.
//!
//! Every command prints what it is doing as it goes (`==> step`, `    $ command`) so that a CI log
//! shows where time went and where it stopped, and every failure becomes an `Err(String)` that
//! says what to do, never a panic.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// All xtask errors are messages for a human: what failed and what to do about it.
pub type Result<T = ()> = std::result::Result<T, String>;

/// Announces a step: `==> building wasm (release)`.
pub fn step(msg: &str) {
    println!("==> {msg}");
}

/// A detail under the current step.
pub fn note(msg: &str) {
    println!("    {msg}");
}

/// A warning that does not stop the command (on stderr so it stands out in CI logs).
pub fn warn(msg: &str) {
    eprintln!("warning: {msg}");
}

/// The workspace root (the parent of `xtask/`). Taken from the compile-time manifest path, so
/// `cargo xtask` works from any subdirectory.
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| manifest.to_path_buf())
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR` like cargo does.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// A `cargo` command run from the workspace root. Uses `$CARGO` (set by `cargo run`) so the
/// same toolchain that built xtask does the work.
pub fn cargo() -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(program);
    cmd.current_dir(root());
    cmd
}

/// The command line as it would be typed, for progress lines and error messages.
pub fn describe(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or_else(|| cmd.get_program())
        .to_string_lossy()
        .into_owned();
    let mut line = program;
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        line.push(' ');
        if arg.is_empty() || arg.contains(char::is_whitespace) {
            line.push_str(&format!("'{arg}'"));
        } else {
            line.push_str(&arg);
        }
    }
    line
}

/// Runs a command with inherited stdout/stderr, printing it first; a non-zero exit is an error.
pub fn run(cmd: &mut Command) -> Result {
    let line = describe(cmd);
    note(&format!("$ {line}"));
    let status = cmd
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its stdout if it ran and succeeded. For version probes:
/// `None` means "not usable", whatever the reason.
pub fn probe<S: AsRef<OsStr>>(program: S, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if out.status.success() {
        Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        None
    }
}

/// Finds an executable on `PATH`, like `which`.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// A regular file with an execute bit.
pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Whether we run as root (then `apt-get install` works as it is). Read from /proc so that no
/// libc binding is needed.
pub fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1)) // effective uid
        .map(|euid| euid == "0")
        .unwrap_or(false)
}

/// `12345` -> `12,345`, for size tables.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Path relative to the workspace root, for messages.
pub fn rel(path: &Path) -> String {
    let root = root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(118_847), "118,847");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn describe_quotes_arguments_with_spaces() {
        let mut cmd = Command::new("/usr/bin/echo");
        cmd.args(["a b", "c", ""]);
        assert_eq!(describe(&cmd), "echo 'a b' c ''");
    }

    #[test]
    fn root_holds_the_workspace_manifest() {
        assert!(root().join("Cargo.toml").is_file());
        assert!(root().join("xtask").is_dir());
    }
}
