//! The command line as `python`'s: `-m MODULE` (modules, packages with `__main__`, CPython's
//! errors), exit statuses, the one-line errors for files that cannot run, bad options,
//! `--version` and `--help`.
//!
//! The `-m` cases run sourceless `.pyc` files of CPython 3.6–3.13 committed under
//! `tests/module_run/X.Y/`, with what that CPython did with the same command line
//! recorded beside them (`tools/gen_module_fixtures.py`), so they need no Python; one
//! more test compiles source modules with the real CPythons where they are installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const VERSIONS: [&str; 8] = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

fn xpython_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
    cmd.args(args)
        .current_dir(dir)
        .output()
        .expect("spawning xpython")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

/// Every recorded command line, per version: stdout, exit status and the last stderr
/// line as CPython gave them (xpython's `xpython: ` prefix stands for CPython's path).
#[test]
fn module_runs_as_cpython_does() {
    for v in VERSIONS {
        let dir = root().join("tests/module_run").join(v);
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let cases = expected.as_object().unwrap();
        assert!(cases.len() >= 15, "{v}: the recorded cases");
        for (line, want) in cases {
            let args: Vec<&str> = line.split(' ').collect();
            let out = xpython_in(&dir, &args);
            let what = format!("{v}: xpython {line}");
            assert_eq!(
                text(&out.stdout),
                want["stdout"].as_str().unwrap(),
                "{what}: stdout"
            );
            assert_eq!(
                out.status.code(),
                Some(want["status"].as_i64().unwrap() as i32),
                "{what}: status ({})",
                text(&out.stderr)
            );
            let stderr = text(&out.stderr);
            let got = last_line(&stderr);
            let got = got.strip_prefix("xpython: ").unwrap_or(got);
            assert_eq!(got, want["stderr_last"].as_str().unwrap(), "{what}: stderr");
        }
    }
}

/// `-m` of source modules, compiled through the bridge, against the real CPython of the
/// version (skipped, with a note, where it is not installed).
#[test]
fn module_from_source_against_cpython() {
    for v in [(3, 6), (3, 9), (3, 12)] {
        let python = match xpython::bridge::find::interpreter(Some(v)) {
            Ok(found) => found.path,
            Err(e) => {
                eprintln!("note: module_from_source_against_cpython: skipping {v:?}: {e}");
                continue;
            }
        };
        let pv = format!("{}.{}", v.0, v.1);
        let tmp = std::env::temp_dir().join(format!("xpython-cli-run-{}-{pv}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        copy_tree(&root().join("tests/module_run/src"), &tmp);
        for case in [
            vec!["-m", "tool", "a"],
            vec!["-m", "pkg", "arg"],
            vec!["-m", "pkg.helper"],
            vec!["-m", "nsp"],
            vec!["-m", "lib"],
            vec!["-m", "nosuch"],
            vec!["-m", "pkg.nosuch"],
            vec!["-m", "pkg.helper.x"],
        ] {
            let mut cmd = Command::new(&python);
            cmd.env("PYTHONDONTWRITEBYTECODE", "1")
                .env_remove("PYTHONPATH");
            let want = cmd.args(&case).current_dir(&tmp).output().unwrap();
            let mut args = vec!["--python-version", pv.as_str()];
            args.extend(case.iter().copied());
            let got = xpython_in(&tmp, &args);
            let what = format!("{pv}: {case:?}");
            // The main module's file name (argv[0]) is the source's.
            assert_eq!(text(&got.stdout), text(&want.stdout), "{what}: stdout");
            assert_eq!(got.status.code(), want.status.code(), "{what}: status");
            let want_err = text(&want.stderr);
            let want_last = last_line(&want_err);
            let want_last = want_last
                .split_once(": ")
                .filter(|(p, _)| p.ends_with("python") || p.contains("/python"))
                .map_or(want_last, |(_, m)| m);
            let got_err = text(&got.stderr);
            let got_last = last_line(&got_err);
            assert_eq!(
                got_last.strip_prefix("xpython: ").unwrap_or(got_last),
                want_last,
                "{what}: stderr"
            );
        }
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Files that cannot run: one line naming the file, status 1.
#[test]
fn unrunnable_files_are_one_line_errors() {
    let tmp = std::env::temp_dir().join(format!("xpython-cli-run-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("adir")).unwrap();
    std::fs::write(tmp.join("garbage.pyc"), b"not a pyc at all").unwrap();
    let good = std::fs::read(root().join("tests/module_run/3.11/tool.pyc")).unwrap();
    std::fs::write(tmp.join("short.pyc"), &good[..good.len() / 2]).unwrap();
    let unsupported = xpython::spec::UNSUPPORTED_VERSIONS
        .iter()
        .find(|u| u.id == "3.14")
        .expect("3.14 is a known unsupported version");
    let mut future = unsupported.magic_range.0.to_le_bytes().to_vec();
    future.extend_from_slice(b"\r\n");
    future.extend_from_slice(&[0; 12]);
    std::fs::write(tmp.join("future.pyc"), &future).unwrap();
    for (file, says) in [
        ("missing.pyc", "No such file or directory".to_string()),
        ("adir", "is a directory".to_string()),
        ("garbage.pyc", "magic number".to_string()),
        ("short.pyc", "marshal data too short".to_string()),
        ("future.pyc", "Python 3.14 bytecode".to_string()),
    ] {
        let out = xpython_in(&tmp, &[file, "arg"]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert_eq!(text(&out.stdout), "", "{file}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{file}: one line: {err}");
        assert!(
            err.starts_with(&format!("xpython: error: {file}: ")),
            "{file}: {err}"
        );
        assert!(err.contains(&says), "{file}: {err}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Bad options: status 2, the error and the usage on stderr, nothing run.
#[test]
fn bad_options_exit_2_with_usage() {
    let dir = root().join("tests/module_run/3.11");
    for args in [
        vec!["-z", "tool.pyc"],
        vec!["--bogus"],
        vec!["-m"],
        vec!["-c"],
        vec!["--trace-format", "xml", "tool.pyc"],
        vec!["--python-version", "three", "tool.pyc"],
        vec![],
    ] {
        let out = xpython_in(&dir, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&out.stdout), "", "{args:?}: the program did not run");
        let err = text(&out.stderr);
        assert!(
            err.lines().next().unwrap_or("").contains("error"),
            "{args:?}: {err}"
        );
        if !args.is_empty() {
            assert!(err.contains("Usage: xpython"), "{args:?}: {err}");
        }
    }
}

/// `--version`: xpython's and every bytecode version of the spec; `--help`: every
/// option and subcommand.
#[test]
fn version_and_help() {
    let out = xpython_in(&root(), &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    let mut lines = shown.lines();
    assert_eq!(
        lines.next(),
        Some(format!("xpython {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let ids: Vec<&str> = xpython::spec::VERSIONS
        .iter()
        .map(|v| v.format.id)
        .collect();
    assert_eq!(
        lines.next(),
        Some(format!("bytecode: CPython {}", ids.join(", ")).as_str())
    );
    assert!(ids.contains(&"2.4") && ids.contains(&"3.13"));
    let out = xpython_in(&root(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for item in [
        "-c <CODE>",
        "-m <MODULE>",
        "-v",
        "--trace-file <PATH>",
        "--trace-format <FORMAT>",
        "--python-version <X.Y>",
        "--python <PATH>",
        "dis",
        "opcodes",
        "--version",
        "Exit status",
    ] {
        assert!(help.contains(item), "--help lacks {item}");
    }
}
