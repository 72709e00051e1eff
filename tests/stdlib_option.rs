//! How a run picks its standard library (`--stdlib DIR`, `--no-stdlib`, `XPYTHONSTDLIB`,
//! automatic discovery) and what a user sees without one: CPython's
//! `ModuleNotFoundError` as the last stderr line, stdout untouched, and a one-line note
//! only when discovery found nothing (never when a stdlib was refused or named).
//!
//! Runs the committed `tests/golden/221_stdlib_collections/3.8.pyc` (it imports
//! `collections` first); no CPython is needed except for the automatic case, which is
//! skipped, with a note, where no stdlib of 3.8 is found.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROGRAM: &str = "tests/golden/221_stdlib_collections/3.8.pyc";
const NOTE: &str = "xpython: note: no standard library";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// xpython on the program with `args` before it, `env` set and XPYTHONSTDLIB unset.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
    cmd.current_dir(root())
        .env_remove("XPYTHONSTDLIB")
        .env_remove("PYTHONPATH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args)
        .arg(PROGRAM)
        .output()
        .expect("running xpython")
}

fn last_stderr_line(o: &Output) -> String {
    let e = String::from_utf8_lossy(&o.stderr);
    e.lines().last().unwrap_or("").to_string()
}

fn assert_no_collections(o: &Output, note: bool) {
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(o.stdout.is_empty(), "stdout: {:?}", o.stdout);
    assert_eq!(
        last_stderr_line(o),
        "ModuleNotFoundError: No module named 'collections'"
    );
    let text = String::from_utf8_lossy(&o.stderr);
    assert_eq!(text.contains(NOTE), note, "stderr: {text}");
}

#[test]
fn no_stdlib_option_and_empty_variable_run_without_one() {
    assert_no_collections(&run(&["--no-stdlib"], &[]), false);
    assert_no_collections(&run(&[], &[("XPYTHONSTDLIB", "")]), false);
}

#[test]
fn a_named_directory_is_used_as_given() {
    let empty = std::env::temp_dir().join(format!("xpython-empty-stdlib-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let dir = empty.to_string_lossy().into_owned();
    assert_no_collections(&run(&["--stdlib", &dir], &[]), false);
    assert_no_collections(&run(&[], &[("XPYTHONSTDLIB", &dir)]), false);
    let _ = std::fs::remove_dir(&empty);
}

#[test]
fn nothing_found_prints_one_note() {
    let home = std::env::temp_dir().join(format!("xpython-no-home-{}", std::process::id()));
    let h = home.to_string_lossy().into_owned();
    let nowhere = Path::new(&h).join("nothing").to_string_lossy().into_owned();
    let o = run(
        &[],
        &[("PATH", &nowhere), ("PYENV_ROOT", &nowhere), ("HOME", &h)],
    );
    assert_no_collections(&o, true);
    let text = String::from_utf8_lossy(&o.stderr);
    assert_eq!(text.matches(NOTE).count(), 1);
}

#[test]
fn the_found_stdlib_runs_the_program() {
    if xpython::bridge::stdlib::locate((3, 8)).is_none() {
        eprintln!("skipped: no standard library of Python 3.8 found");
        return;
    }
    let o = run(&[], &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let expected =
        std::fs::read(root().join("tests/golden/221_stdlib_collections/3.8.out")).unwrap();
    assert_eq!(o.stdout, expected);
}
