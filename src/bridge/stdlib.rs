//! Finding the standard library of the CPython whose bytecode runs, for `sys.path`.
//!
//! xpython runs the real stdlib's pure-Python modules (their `.py` files, or the
//! `__pycache__` `.pyc` files CPython compiled for them) and implements in Rust only what
//! CPython writes in C. The stdlib of version X.Y is `<prefix>/lib/pythonX.Y`, as in
//! CPython's own `sys.path`, where the prefix is found the way [`super::find`] finds a
//! compiler, but without starting anything:
//! 1. `--stdlib DIR` ([`set_choice`]) or the environment variable `XPYTHONSTDLIB=DIR`
//!    names the directory; `--no-stdlib` or an empty `XPYTHONSTDLIB` means none;
//! 2. `pythonX.Y` on `PATH` (pyenv's shims skipped), its symlinks resolved: the prefix is
//!    the directory above its `bin`;
//! 3. pyenv's installs `ROOT/versions/X.Y*` (newest patch release first).
//!
//! A directory counts when it holds `os.py` (CPython's own landmark). Answers are
//! remembered for the life of the process.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where a run takes its standard library from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StdlibChoice {
    /// `XPYTHONSTDLIB`, else the stdlib of the CPython of the running version.
    #[default]
    Auto,
    /// This directory (`--stdlib DIR`), whatever the version.
    Dir(PathBuf),
    /// No stdlib (`--no-stdlib`).
    Off,
}

/// A standard library found for a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stdlib {
    /// The `lib/pythonX.Y` directory (a `sys.path` entry).
    pub lib: PathBuf,
    /// The installation prefix (`sys.prefix`): the directory above `lib`.
    pub prefix: PathBuf,
}

/// The command line's choice.
static CHOICE: Mutex<Option<StdlibChoice>> = Mutex::new(None);
/// What the search found for each version.
type Found = HashMap<(u8, u8), Option<Stdlib>>;
/// Stdlibs found by version.
static FOUND: Mutex<Option<Found>> = Mutex::new(None);

/// Records the command line's choice (`--stdlib DIR`, `--no-stdlib`).
pub fn set_choice(choice: StdlibChoice) {
    *CHOICE.lock().unwrap_or_else(|e| e.into_inner()) = Some(choice);
}

/// The choice in force: the command line's, else `XPYTHONSTDLIB`, else automatic.
pub fn choice() -> StdlibChoice {
    if let Some(c) = CHOICE.lock().unwrap_or_else(|e| e.into_inner()).clone() {
        if c != StdlibChoice::Auto {
            return c;
        }
    }
    match std::env::var_os("XPYTHONSTDLIB") {
        Some(v) if v.is_empty() => StdlibChoice::Off,
        Some(v) => StdlibChoice::Dir(PathBuf::from(v)),
        None => StdlibChoice::Auto,
    }
}

/// The standard library for `version` under the choice in force, if any.
pub fn locate(version: (u8, u8)) -> Option<Stdlib> {
    match choice() {
        StdlibChoice::Off => None,
        StdlibChoice::Dir(dir) => Some(from_lib_dir(dir)),
        StdlibChoice::Auto => {
            let mut found = FOUND.lock().unwrap_or_else(|e| e.into_inner());
            found
                .get_or_insert_with(HashMap::new)
                .entry(version)
                .or_insert_with(|| search(version))
                .clone()
        }
    }
}

/// A directory given by name: its prefix is the directory two levels up when it is a
/// `lib/pythonX.Y`, else its parent.
fn from_lib_dir(lib: PathBuf) -> Stdlib {
    let lib = std::fs::canonicalize(&lib).unwrap_or(lib);
    let up = |p: &Path| p.parent().map(Path::to_path_buf);
    let prefix = match lib.parent() {
        Some(parent) if parent.file_name().is_some_and(|n| n == "lib") => up(parent),
        _ => up(&lib),
    }
    .unwrap_or_else(|| lib.clone());
    Stdlib { lib, prefix }
}

/// `pythonX.Y` on PATH, then pyenv's installs.
fn search(version: (u8, u8)) -> Option<Stdlib> {
    let name = format!("python{}.{}", version.0, version.1);
    let shims = super::find::pyenv_root().map(|r| r.join("shims"));
    let mut executables: Vec<PathBuf> = Vec::new();
    if let Some(path) = std::env::var_os("PATH") {
        executables.extend(
            std::env::split_paths(&path)
                .filter(|d| shims.as_ref() != Some(d))
                .map(|d| d.join(&name))
                .filter(|p| super::find::is_executable(p)),
        );
    }
    executables.extend(
        super::find::pyenv_installs()
            .into_iter()
            .filter(|(v, _)| *v == version)
            .map(|(_, p)| p),
    );
    executables
        .iter()
        .find_map(|exe| stdlib_of_executable(exe, version))
}

/// `<prefix>/lib/pythonX.Y` of the interpreter at `exe` (`<prefix>/bin/python...`).
fn stdlib_of_executable(exe: &Path, version: (u8, u8)) -> Option<Stdlib> {
    let real = std::fs::canonicalize(exe).ok()?;
    let prefix = real.parent()?.parent()?.to_path_buf();
    let lib = prefix
        .join("lib")
        .join(format!("python{}.{}", version.0, version.1));
    lib.join("os.py")
        .is_file()
        .then_some(Stdlib { lib, prefix })
}

#[cfg(test)]
mod tests {
    use super::from_lib_dir;
    use std::path::PathBuf;

    #[test]
    fn prefix_of_a_named_directory() {
        let s = from_lib_dir(PathBuf::from("/nonexistent/usr/lib/python3.11"));
        assert_eq!(s.prefix, PathBuf::from("/nonexistent/usr"));
        let s = from_lib_dir(PathBuf::from("/nonexistent/mystdlib"));
        assert_eq!(s.prefix, PathBuf::from("/nonexistent"));
    }
}
