//! The `_sre` module end to end: tests/data/sre/programs/module_check.py compiles patterns
//! with each version's own pure-Python compiler (sre_compile, or re._compiler from 3.11)
//! and prints what Pattern, Match and Scanner objects answer; xpython's output must equal
//! the real CPython's. The program needs that version's standard library sources, so a
//! version whose CPython is not installed is skipped with a note.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The newest installed CPython X.Y (pyenv layout): (interpreter, stdlib directory).
fn cpython(minor: u32) -> Option<(PathBuf, PathBuf)> {
    let root = std::env::var("PYENV_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".pyenv")
        });
    let prefix = format!("3.{minor}.");
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(root.join("versions"))
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let patch = name.strip_prefix(&prefix)?.parse().ok()?;
            Some((patch, e.path()))
        })
        .collect();
    found.sort();
    let (_, dir) = found.pop()?;
    let python = dir.join("bin/python");
    let lib = dir.join(format!("lib/python3.{minor}"));
    (python.exists() && lib.is_dir()).then_some((python, lib))
}

#[test]
fn module_matches_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/data/sre/programs/module_check.py");
    let xpython = env!("CARGO_BIN_EXE_xpython");
    let mut failures = Vec::new();
    for minor in 6..=13 {
        let Some((python, lib)) = cpython(minor) else {
            eprintln!("note: CPython 3.{minor} not installed, skipping its _sre check");
            continue;
        };
        let want = Command::new(&python)
            .arg(&script)
            .env("PYTHONHASHSEED", "0")
            .env_remove("PYTHONPATH")
            .output()
            .expect("run CPython");
        let got = Command::new(xpython)
            .args([
                "--python",
                python.to_str().unwrap(),
                "--python-version",
                &format!("3.{minor}"),
            ])
            .arg(&script)
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONPATH", &lib)
            .output()
            .expect("run xpython");
        if got.stdout != want.stdout || got.status.code() != want.status.code() {
            failures.push(format!(
                "3.{minor}: status {:?} vs {:?}\n--- xpython\n{}{}\n--- CPython\n{}",
                got.status.code(),
                want.status.code(),
                String::from_utf8_lossy(&got.stdout),
                String::from_utf8_lossy(&got.stderr),
                String::from_utf8_lossy(&want.stdout)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
