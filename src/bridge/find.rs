//! Finding a CPython of a given version to compile with.
//!
//! Order of search for version X.Y:
//! 1. the interpreter given with `--python PATH` ([`set_python`]), which must be X.Y;
//! 2. `pythonX.Y` on `PATH`;
//! 3. pyenv's installs: `ROOT/versions/X.Y*/bin/python`, ROOT being `$PYENV_ROOT` or
//!    `~/.pyenv` (the newest patch release first; no `pyenv` command is needed).
//!
//! Every candidate is asked its version (and `sys.executable`, used from then on) before
//! use (one short run), because a `python3` on `PATH` may be a pyenv shim, slow to start
//! or refusing to run an unselected version; pyenv's shims directory is skipped when
//! looking for `pythonX.Y`. Answers are
//! remembered for the life of the process. With no version wanted (`xpython FILE.py`
//! without `--python-version`), the interpreter is `--python PATH` or `python3` on `PATH`.

use super::error::BridgeError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// A CPython found and asked for its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    pub path: PathBuf,
    /// `sys.version_info[:2]`.
    pub version: (u8, u8),
}

/// The `--python PATH` override, when given.
static EXPLICIT: Mutex<Option<PathBuf>> = Mutex::new(None);
/// Resolved interpreters by wanted version (`None`: the default one).
type Resolved = HashMap<Option<(u8, u8)>, Result<Interpreter, BridgeError>>;
static RESOLVED: Mutex<Option<Resolved>> = Mutex::new(None);

/// Makes `path` the interpreter every compile uses (`--python PATH`), or clears it.
pub fn set_python(path: Option<PathBuf>) {
    *EXPLICIT.lock().unwrap_or_else(|e| e.into_inner()) = path;
    *RESOLVED.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// The `--python PATH` override, if any.
pub fn explicit_python() -> Option<PathBuf> {
    EXPLICIT.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// The interpreter for `version` (`None`: the default one), found once per process.
pub fn interpreter(version: Option<(u8, u8)>) -> Result<Interpreter, BridgeError> {
    if let Some(found) = RESOLVED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashMap::new)
        .get(&version)
    {
        return found.clone();
    }
    let found = search(version);
    RESOLVED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashMap::new)
        .insert(version, found.clone());
    found
}

fn search(version: Option<(u8, u8)>) -> Result<Interpreter, BridgeError> {
    if let Some(path) = explicit_python() {
        let mut found = probe(&path).map_err(|why| {
            BridgeError::Interpreter(format!("--python {}: {why}", path.display()))
        })?;
        // The interpreter given is used as given (it may be a wrapper that matters).
        found.path = path.clone();
        return match version {
            Some(v) if v != found.version => Err(BridgeError::NoInterpreter(format!(
                "--python {} is Python {}, but Python {} is needed",
                path.display(),
                dotted(found.version),
                dotted(v)
            ))),
            _ => Ok(found),
        };
    }
    let Some(v) = version else {
        return match on_path("python3") {
            Some(p) => probe(&p).map_err(|why| {
                BridgeError::Interpreter(format!("python3 ({}): {why}", p.display()))
            }),
            None => Err(BridgeError::NoInterpreter(format!(
                "no python3 on PATH to compile with (give --python PATH or --python-version X.Y); found: {}",
                found_list()
            ))),
        };
    };
    for candidate in candidates(v) {
        if let Ok(found) = probe(&candidate) {
            if found.version == v {
                return Ok(found);
            }
        }
    }
    Err(BridgeError::NoInterpreter(format!(
        "no CPython {} found to compile with (looked for python{} on PATH and in {}); found: {}",
        dotted(v),
        dotted(v),
        pyenv_root()
            .map(|r| r.join("versions").display().to_string())
            .unwrap_or_else(|| "pyenv's versions".to_string()),
        found_list()
    )))
}

/// "3.11"
pub fn dotted(v: (u8, u8)) -> String {
    format!("{}.{}", v.0, v.1)
}

/// The places a CPython X.Y may be, in order of preference.
fn candidates(v: (u8, u8)) -> Vec<PathBuf> {
    let mut out = Vec::new();
    // pyenv's shims are skipped: they lead to the installs scanned next, after a slow
    // start, or refuse to run a version pyenv has not selected.
    let shims = pyenv_root().map(|r| r.join("shims"));
    let name = format!("python{}", dotted(v));
    if let Some(path) = std::env::var_os("PATH") {
        if let Some(p) = std::env::split_paths(&path)
            .filter(|d| shims.as_ref() != Some(d))
            .map(|d| d.join(&name))
            .find(|p| is_executable(p))
        {
            out.push(p);
        }
    }
    out.extend(
        pyenv_installs()
            .into_iter()
            .filter(|(iv, _)| *iv == v)
            .map(|(_, p)| p),
    );
    out
}

/// `$PYENV_ROOT`, else `~/.pyenv`, if it exists.
pub(crate) fn pyenv_root() -> Option<PathBuf> {
    let root = match std::env::var_os("PYENV_ROOT") {
        Some(r) if !r.is_empty() => PathBuf::from(r),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".pyenv"),
    };
    root.is_dir().then_some(root)
}

/// pyenv's installed CPythons with the version their directory names, newest patch first.
pub(crate) fn pyenv_installs() -> Vec<((u8, u8), PathBuf)> {
    let Some(root) = pyenv_root() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(root.join("versions")) else {
        return Vec::new();
    };
    // (version, is a plain X.Y.Z release, patch number, path)
    let mut found: Vec<((u8, u8), bool, u32, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((v, rest)) = parse_version_prefix(&name) else {
            continue;
        };
        let exe = entry.path().join("bin").join("python");
        if !is_executable(&exe) {
            continue;
        }
        let patch = rest.strip_prefix('.').unwrap_or("");
        let plain = !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit());
        found.push((v, plain, patch.parse().unwrap_or(0), exe));
    }
    found.sort_by_key(|f| std::cmp::Reverse((f.0, f.1, f.2)));
    found.into_iter().map(|(v, _, _, p)| (v, p)).collect()
}

/// "3.11.7" -> ((3, 11), ".7"); "3.1" does not match "3.10".
fn parse_version_prefix(name: &str) -> Option<((u8, u8), &str)> {
    let (major, rest) = name.split_once('.')?;
    let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (minor, rest) = rest.split_at(digits);
    Some(((major.parse().ok()?, minor.parse().ok()?), rest))
}

/// The first executable `name` in the directories of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

pub(crate) fn is_executable(p: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(p) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Asks `path` for its version; the error says why it cannot be used.
pub fn probe(path: &Path) -> Result<Interpreter, String> {
    let out = Command::new(path)
        .args([
            "-E",
            "-S",
            "-c",
            "import sys; sys.stdout.write('%d.%d %s' % (sys.version_info[:2] + (sys.executable,)))",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run it: {}", super::error::io_message(&e)))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let (version, executable) = text.split_once(' ').unwrap_or((&text, ""));
    // The interpreter's own executable, when it names one: a shim or wrapper script is
    // then started only once.
    let executable = PathBuf::from(executable);
    let path = if executable.is_absolute() && is_executable(&executable) {
        executable
    } else {
        path.to_path_buf()
    };
    match parse_version_prefix(version) {
        Some((v, "")) if out.status.success() => Ok(Interpreter { path, version: v }),
        _ => Err(match out.status.code() {
            Some(c) => format!("it does not run as a Python (exit status {c})"),
            None => "it does not run as a Python (killed by a signal)".to_string(),
        }),
    }
}

/// The versions of every CPython that can be found, for error messages: "2.7, 3.11".
fn found_list() -> String {
    let mut versions: Vec<(u8, u8)> = pyenv_installs().into_iter().map(|(v, _)| v).collect();
    // pyenv's shims stand for the installs listed above (and each costs a slow start).
    let shims = pyenv_root().map(|r| r.join("shims"));
    if let Some(path) = std::env::var_os("PATH") {
        let mut seen = Vec::new();
        for dir in std::env::split_paths(&path) {
            if shims.as_ref().is_some_and(|s| *s == dir) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let Some(rest) = name.strip_prefix("python") else {
                    continue;
                };
                if !rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                    continue;
                }
                let p = entry.path();
                let real = std::fs::canonicalize(&p).unwrap_or(p.clone());
                if seen.contains(&real) || !is_executable(&p) {
                    continue;
                }
                seen.push(real);
                if let Ok(found) = probe(&p) {
                    versions.push(found.version);
                }
            }
        }
    }
    versions.sort();
    versions.dedup();
    if versions.is_empty() {
        return "none".to_string();
    }
    versions
        .into_iter()
        .map(dotted)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::parse_version_prefix;

    #[test]
    fn version_prefixes() {
        assert_eq!(parse_version_prefix("3.11.7"), Some(((3, 11), ".7")));
        assert_eq!(parse_version_prefix("2.7"), Some(((2, 7), "")));
        assert_eq!(parse_version_prefix("3.13t"), Some(((3, 13), "t")));
        assert_eq!(parse_version_prefix("system"), None);
        assert_eq!(parse_version_prefix("3.x"), None);
    }
}
