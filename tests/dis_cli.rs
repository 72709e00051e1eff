//! `xpython dis` as a command: output, formats, several files, and the one-line errors
//! (`xpython: error: FILE: message (at byte N)`, exit status 1).

mod dis_common;

use dis_common::{data_dir, norm};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use xpython::pyc::load_pyc_file;

fn xpython(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xpython"))
        .args(args)
        .output()
        .expect("xpython runs")
}

fn golden(version: &str, name: &str) -> PathBuf {
    data_dir().join(version).join(format!("{name}.pyc"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn prints_the_dis_text() {
    for v in ["2.7", "3.6", "3.13"] {
        let pyc = golden(v, "handmade");
        let out = xpython(&["dis", s(&pyc)]);
        assert!(out.status.success(), "{v}: {}", stderr(&out));
        let want = std::fs::read_to_string(pyc.with_extension("txt")).unwrap();
        assert_eq!(
            norm(&String::from_utf8(out.stdout).unwrap()),
            norm(&want),
            "{v}"
        );
    }
}

#[test]
fn jsonl_records_per_file_and_code_object() {
    let pyc = golden("3.12", "handmade");
    let out = xpython(&["dis", "--format", "jsonl", s(&pyc)]);
    assert!(out.status.success());
    let recs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3, "text + module + crafted");
    assert_eq!(recs[0]["kind"], "text");
    assert_eq!(recs[2]["kind"], "code");
    assert_eq!(recs[2]["name"], "crafted");
    let first = &recs[2]["instrs"][1];
    assert_eq!(first[1], "EXTENDED_ARG");
    assert_eq!(recs[2]["instrs"][2][2], 258);
    assert_eq!(recs[2]["file"], s(&pyc));
}

#[test]
fn several_files_with_one_bad() {
    let a = golden("3.11", "handmade");
    let missing = data_dir().join("no-such-file.pyc");
    let b = golden("2.7", "handmade");
    let out = xpython(&["dis", s(&a), s(&missing), s(&b)]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with(&format!("==> {} <==\n", s(&a))));
    assert!(text.contains(&format!("==> {} <==\n", s(&b))));
    assert!(!text.contains("no-such-file"));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "xpython: error: {}: cannot read file:",
            s(&missing)
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);

    let out = xpython(&["dis", "--format", "jsonl", s(&missing)]);
    assert_eq!(out.status.code(), Some(1));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["kind"], "error");
}

#[test]
fn unsupported_version() {
    let f = data_dir().join("corpus/3.14/xdis-00_if_elif.pyc");
    let out = xpython(&["dis", s(&f)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("xpython: error: {}: ", s(&f))),
        "{err}"
    );
    assert!(err.contains("3.14"), "{err}");
}

#[test]
fn truncated_file() {
    let bytes = std::fs::read(golden("3.10", "handmade")).unwrap();
    let dir = std::env::temp_dir().join(format!("xpython-dis-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("truncated.pyc");
    std::fs::write(&f, &bytes[..bytes.len() - 20]).unwrap();
    let out = xpython(&["dis", s(&f)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("xpython: error: {}: ", s(&f))),
        "{err}"
    );
    assert!(err.trim_end().ends_with(')'), "{err}");
}

/// Replaces the opcode at `at` in the co_code of the nested code object `crafted`;
/// returns the new file and `crafted`'s first line.
fn corrupt(version: &str, at: usize, opcode: u8, name: &str) -> (PathBuf, i32) {
    let src = golden(version, "handmade");
    let pyc = load_pyc_file(&src).unwrap();
    let crafted = pyc
        .code
        .consts
        .iter()
        .find_map(|c| c.as_code())
        .expect("crafted code object")
        .clone();
    let mut bytes = std::fs::read(&src).unwrap();
    let code = &crafted.code[..];
    let pos = bytes
        .windows(code.len())
        .position(|w| w == code)
        .expect("co_code is stored verbatim");
    bytes[pos + at] = opcode;
    let dir = std::env::temp_dir().join(format!("xpython-dis-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join(name);
    std::fs::write(&f, bytes).unwrap();
    (f, crafted.firstlineno)
}

#[test]
fn unknown_opcode_is_reported_with_its_offset() {
    for v in ["2.7", "3.8", "3.12"] {
        let spec = xpython::spec::version_by_id(v).unwrap();
        let unknown = (1..=255u8).rev().find(|&n| spec.op(n).is_none()).unwrap();
        // The third instruction: byte 6 in 2.7 (3-byte instructions), 4 in wordcode,
        // 6 from 3.11 (after RESUME).
        let at = match v {
            "2.7" => 6,
            "3.8" => 4,
            _ => 6,
        };
        let (f, line) = corrupt(v, at, unknown, &format!("bad-{v}.pyc"));
        let out = xpython(&["dis", s(&f)]);
        assert_eq!(out.status.code(), Some(1), "{v}");
        assert!(out.stdout.is_empty());
        let want = format!(
            "xpython: error: {}: code object crafted (line {line}): unknown opcode {unknown} (at byte {at})\n",
            s(&f)
        );
        assert_eq!(stderr(&out), want, "{v}");
    }
}

#[test]
fn opcode_never_in_a_pyc_is_refused() {
    let spec = xpython::spec::version_by_id("3.13").unwrap();
    let Some(op) = (0..=255u8)
        .filter_map(|n| spec.op(n))
        .find(|o| o.not_in_pyc)
    else {
        return;
    };
    let (f, _) = corrupt("3.13", 2, op.num, "instrumented.pyc");
    let out = xpython(&["dis", s(&f)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(op.name) && err.contains("(at byte 2)"),
        "{err}"
    );
}
