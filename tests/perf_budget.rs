//! A performance regression check without timing: the machine instructions xpython
//! executes on a few tiny benchmarks (benches/, compiled by CPython 3.11 into
//! tests/perf/), counted by valgrind's callgrind, must stay under the bounds recorded in
//! tests/perf/bounds.txt (`tools/perf_count.py --write-bounds`: the count when recorded
//! plus 10%). Instruction counts do not depend on the machine's load. The test also
//! checks each benchmark's output (its checksum). Without valgrind, or in a debug build,
//! it is skipped with a note.

use std::path::Path;
use std::process::Command;

fn have_valgrind() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The instructions `pyc` executes with `arg`, and its stdout.
fn count(pyc: &Path, arg: &str) -> (u64, String) {
    let out_file = std::env::temp_dir().join(format!("xpython-perf-{}.out", std::process::id()));
    let out = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(env!("CARGO_BIN_EXE_xpython"))
        .arg(pyc)
        .arg(arg)
        .output()
        .expect("valgrind runs");
    let _ = std::fs::remove_file(&out_file);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} failed under valgrind:\n{stderr}",
        pyc.display()
    );
    let collected = stderr
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count from callgrind:\n{stderr}"));
    (collected, String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn instruction_counts_stay_within_budget() {
    if cfg!(debug_assertions) {
        eprintln!("note: an unoptimized build; the instruction budget is checked by --release");
        return;
    }
    if !have_valgrind() {
        eprintln!("note: valgrind is not installed; the instruction budget is not checked");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/perf");
    let bounds = std::fs::read_to_string(dir.join("bounds.txt")).expect("tests/perf/bounds.txt");
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in bounds
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.splitn(4, '\t').collect();
        let [name, arg, bound, expected] = fields[..] else {
            panic!("bad line in bounds.txt: {line:?}");
        };
        let bound: u64 = bound.parse().expect("a bound is an integer");
        let (n, stdout) = count(&dir.join(format!("{name}.cpython-311.pyc")), arg);
        println!("{name} {arg}: {n} instructions (bound {bound})");
        if stdout.trim() != expected {
            failures.push(format!(
                "{name}: printed {:?}, expected {expected:?}",
                stdout.trim()
            ));
        }
        if n > bound {
            failures.push(format!(
                "{name} {arg}: {n} instructions, over the bound {bound} ({:+.1}%); if the \
                 growth is intended, rerun tools/perf_count.py --write-bounds",
                (n as f64 / bound as f64 - 1.0) * 100.0
            ));
        }
        checked += 1;
    }
    assert!(checked > 0, "bounds.txt lists no benchmark");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
