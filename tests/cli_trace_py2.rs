//! `-v`/`-vv` on Python 2 bytecode: the trace names 2.x opcodes (PRINT_ITEM, SLICE+n...)
//! at their byte offsets, exactly as `xpython dis` shows the same file, with the values
//! they consume, and tracing leaves the program's stdout as CPython 2.7 recorded it.
//! Uses the committed goldens of tests/golden2 (no Python needed).

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn xpython(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xpython"))
        .args(args)
        .current_dir(root())
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("running xpython")
}

fn golden(name: &str) -> String {
    format!("tests/golden2/{name}/2.7.pyc")
}

/// (offset, opcode name) of every instruction `xpython dis` lists.
fn dis_pairs(pyc: &str) -> HashSet<(u32, String)> {
    let out = xpython(&["dis", pyc]);
    assert!(out.status.success(), "dis {pyc} failed");
    let mut pairs = HashSet::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for w in words.windows(2) {
            let name_like = w[1].starts_with(|c: char| c.is_ascii_uppercase())
                && w[1]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '_' || c == '+' || c.is_ascii_digit());
            if let (Ok(off), true) = (w[0].parse::<u32>(), name_like) {
                pairs.insert((off, w[1].to_string()));
                break;
            }
        }
    }
    pairs
}

/// (offset, opcode name) of every traced instruction line (`@ OFFSET: NAME ...`).
fn traced_pairs(trace: &str) -> Vec<(u32, String)> {
    trace
        .lines()
        .filter_map(|l| {
            let rest = l.split_once('@')?.1;
            let (off, rest) = rest.split_once(':')?;
            let name = rest.split_whitespace().next()?;
            Some((off.trim().parse().ok()?, name.to_string()))
        })
        .collect()
}

#[test]
fn v_traces_python2_opcodes_at_byte_offsets() {
    let pyc = golden("001_print_statement");
    let out = xpython(&["-v", &pyc]);
    assert!(out.status.success());
    let expected = std::fs::read(root().join("tests/golden2/001_print_statement/2.7.out")).unwrap();
    assert_eq!(out.stdout, expected, "tracing changed the program's stdout");
    let trace = String::from_utf8_lossy(&out.stderr);
    let traced = traced_pairs(&trace);
    assert!(traced.len() > 50, "too few traced instructions:\n{trace}");
    let dis = dis_pairs(&pyc);
    for pair in &traced {
        assert!(dis.contains(pair), "traced {pair:?} is not in `dis`");
    }
    // The print statement's opcodes, with the value printed.
    assert!(trace.contains(": PRINT_ITEM ('hello')"), "{trace}");
    assert!(traced.iter().any(|(_, n)| n == "PRINT_NEWLINE"));
    // 2.7 instructions are 1 or 3 bytes: offsets are not all even.
    assert!(traced.iter().any(|(o, _)| o % 2 == 1));
}

#[test]
fn v_traces_old_slices_and_vv_shows_blocks_and_calls() {
    let pyc = golden("015_slices");
    let out = xpython(&["-v", &pyc]);
    let trace = String::from_utf8_lossy(&out.stderr);
    for op in [
        "SLICE+0",
        "SLICE+1",
        "SLICE+2",
        "SLICE+3",
        "STORE_SLICE+3",
        "DELETE_SLICE+3",
    ] {
        assert!(
            traced_pairs(&trace).iter().any(|(_, n)| n == op),
            "{op} not traced"
        );
    }
    let pyc = golden("018_with_statement");
    let out = xpython(&["-vv", &pyc]);
    assert!(out.status.success());
    let expected = std::fs::read(root().join("tests/golden2/018_with_statement/2.7.out")).unwrap();
    assert_eq!(out.stdout, expected);
    let trace = String::from_utf8_lossy(&out.stderr);
    assert!(trace.contains("-> call __enter__"), "no call line");
    assert!(trace.contains("blocks: [Finally"), "no block stack");
    assert!(traced_pairs(&trace)
        .iter()
        .any(|(_, n)| n == "WITH_CLEANUP"));
    assert!(trace.contains("!! exception"), "no exception line");
}
