//! `python`'s interpreter options and `PYTHON*` variables as a program sees them
//! (`sys.flags`, `sys.warnoptions`, `sys._xoptions`, `sys.path[0]`, unbuffered output,
//! `PYTHONHASHSEED`'s hashes), and what `-O` and `-B` do to compiling source.
//!
//! The first test runs `tests/cli_flags/X.Y/probe.pyc` (compiled by CPython X.Y from
//! `tests/cli_flags/probe.py`) with each command line CPython X.Y ran it with, recorded
//! by `tools/gen_flag_fixtures.py` in `expected.json`: stdout and stderr merged, so the
//! interleaving shows whether output was buffered. It needs no Python.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const VERSIONS: [&str; 8] = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// xpython with no `PYTHON*` variables but `env`.
fn xpython(dir: &Path, args: &[&str], env: &[(String, String)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.envs(env.iter().cloned()).args(args).current_dir(dir);
    cmd
}

/// Runs with stdout and stderr on one pipe, as the fixtures were recorded.
fn merged_output(mut cmd: Command) -> (String, Option<i32>) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    let writer2 = writer.try_clone().expect("a second end");
    cmd.stdout(writer).stderr(writer2).stdin(Stdio::null());
    let mut child = cmd.spawn().expect("spawning xpython");
    drop(cmd);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut &reader, &mut text).expect("reading the output");
    let status = child.wait().expect("waiting for xpython");
    (text, status.code())
}

/// Splits a recorded case name (`OPTIONS... VAR=value... | ARGS...`).
fn parse_case(key: &str) -> (Vec<&str>, Vec<(String, String)>, Vec<&str>) {
    let (before, after) = key.split_once('|').expect("a case name with |");
    let mut options = Vec::new();
    let mut env = Vec::new();
    for word in before.split_whitespace() {
        match word.split_once('=') {
            Some((k, v)) if k.starts_with("PYTHON") => env.push((k.to_string(), v.to_string())),
            _ => options.push(word),
        }
    }
    (options, env, after.split_whitespace().collect())
}

#[test]
fn options_and_environment_as_cpython_shows_them() {
    for v in VERSIONS {
        let dir = root().join("tests/cli_flags").join(v);
        let text = std::fs::read_to_string(dir.join("expected.json")).unwrap();
        let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
        let cases = expected.as_object().unwrap();
        assert!(cases.len() >= 14, "{v}: the recorded cases");
        for (key, want) in cases {
            let (options, env, args) = parse_case(key);
            let mut all = options.clone();
            all.push("probe.pyc");
            all.extend(args);
            let (output, status) = merged_output(xpython(&dir, &all, &env));
            let want_output = want["output"].as_str().unwrap();
            assert_eq!(output, want_output, "{v}: xpython {key}: output");
            assert_eq!(
                status,
                Some(want["status"].as_i64().unwrap() as i32),
                "{v}: xpython {key}: status"
            );
        }
    }
}

/// A random hash key differs between runs; `PYTHONHASHSEED=N` fixes it; a bad value is a
/// one-line error, as CPython refuses to start.
#[test]
fn hash_seed_randomizes_unless_fixed() {
    let dir = root().join("tests/cli_flags/3.11");
    let hash_of = |env: &[(String, String)]| {
        let out = xpython(&dir, &["probe.pyc", "fixed"], env)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        stdout
            .lines()
            .find(|l| l.starts_with("hash:"))
            .unwrap_or_default()
            .to_string()
    };
    let random: std::collections::HashSet<String> = (0..4).map(|_| hash_of(&[])).collect();
    assert!(random.len() > 1, "unseeded hashes vary: {random:?}");
    let seed = [("PYTHONHASHSEED".to_string(), "77".to_string())];
    assert_eq!(hash_of(&seed), hash_of(&seed));
    let bad = [("PYTHONHASHSEED".to_string(), "-3".to_string())];
    let out = xpython(&dir, &["probe.pyc"], &bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("PYTHONHASHSEED must be"), "{stderr}");
}

/// Python 2 randomizes hashes only when asked: without `PYTHONHASHSEED` two runs agree
/// and `sys.flags.hash_randomization` is 0, as 2.7's; `PYTHONHASHSEED=random` turns it on.
#[test]
fn python2_hashes_are_not_randomized_by_default() {
    let dir = root().join("tests/cli_flags/2.7");
    let run = |env: &[(String, String)]| {
        let out = xpython(&dir, &["probe2.pyc"], env).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = run(&[]);
    assert_eq!(first, run(&[]));
    assert!(first.trim_end().ends_with(" 0"), "{first}");
    let random = [("PYTHONHASHSEED".to_string(), "random".to_string())];
    assert!(run(&random).trim_end().ends_with(" 1"));
}

/// `-O` compiles imported source without asserts into `NAME.cpython-XY.opt-1.pyc`; `-B`
/// writes no cache; plain runs write `NAME.cpython-XY.pyc` and keep the asserts.
/// Needs CPython 3.11 (skipped with a note without it).
#[test]
fn optimize_and_dont_write_bytecode_for_source() {
    if let Err(e) = xpython::bridge::find::interpreter(Some((3, 11))) {
        let _ = writeln!(std::io::stderr(), "note: skipping: no CPython 3.11: {e}");
        return;
    }
    let dir = std::env::temp_dir().join(format!("xpython-cli-flags-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.py"), "import mod\nprint(mod.f())\n").unwrap();
    std::fs::write(
        dir.join("mod.py"),
        "def f():\n    assert False, 'asserts kept'\n    return 'asserts removed'\n",
    )
    .unwrap();
    let cache = dir.join("__pycache__");
    let run = |options: &[&str]| -> Output {
        let mut args = vec!["--python-version", "3.11"];
        args.extend(options);
        args.push("main.py");
        xpython(&dir, &args, &[]).output().unwrap()
    };
    let out = run(&["-B", "-O"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "asserts removed\n");
    assert!(!cache.exists(), "-B writes no __pycache__");
    let out = run(&["-O"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "asserts removed\n");
    assert!(cache.join("mod.cpython-311.opt-1.pyc").is_file());
    assert!(!cache.join("mod.cpython-311.pyc").exists());
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().last(), Some("AssertionError: asserts kept"));
    assert!(cache.join("mod.cpython-311.pyc").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}
