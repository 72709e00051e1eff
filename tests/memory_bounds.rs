//! Memory stays bounded when a program keeps building and dropping reference cycles: the
//! cycle collector (src/object/gc.rs) reclaims them as the program runs.
//!
//! `tests/programs/291_cycle_churn.py` (a conformance program, compiled by each CPython
//! into `tests/golden/291_cycle_churn/`) takes an iteration count and, given a second
//! argument, waits on stdin before exiting so its peak resident size (`VmHWM` in
//! `/proc/PID/status`) can be read. Eight times the work must not need much more memory:
//! were the cycles leaked, the larger run would hold ~8 times as many objects.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the churn program `count` times round the loop; returns its stdout and its peak
/// resident set size in KiB.
fn peak_kib(pyc: &str, count: u32) -> (String, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xpython"))
        .current_dir(root())
        .args([pyc, &count.to_string(), "wait"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("xpython runs");
    // The program prints its checksum, then blocks on stdin: once stdout has the line the
    // loop is over and the peak is final.
    let mut stdout = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut byte = [0u8];
    while std::io::Read::read(&mut stdout, &mut byte).unwrap_or(0) == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .expect("/proc/PID/status is readable (Linux)");
    child.stdin.take().unwrap().write_all(b"\n").unwrap();
    assert!(child.wait().unwrap().success(), "{pyc} {count} failed");
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status");
    (String::from_utf8(line).unwrap(), hwm)
}

#[test]
fn building_and_dropping_cycles_runs_in_bounded_memory() {
    for version in ["3.6", "3.11", "3.13"] {
        let pyc = format!("tests/golden/291_cycle_churn/{version}.pyc");
        let (small_out, small) = peak_kib(&pyc, 25_000);
        let (large_out, large) = peak_kib(&pyc, 200_000);
        // The checksums show both loops ran to the end.
        assert_eq!(small_out, "312587500", "{version}");
        assert_eq!(large_out, "20000700000", "{version}");
        // Each iteration makes 4 tracked containers (~1 KiB with their dicts): leaked,
        // the extra 175,000 iterations would add well over 100 MiB.
        assert!(
            large < small + 16 * 1024,
            "{version}: peak {large} KiB after 200,000 iterations vs {small} KiB after 25,000"
        );
    }
}
