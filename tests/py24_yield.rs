//! Python 2.4's `yield` statement: YIELD_VALUE pops the value it yields and, unlike
//! 2.5+, the generator resumes with nothing pushed (the spec's `yield_value_stmt`,
//! `(value --)`). `tests/py24/generator.pyc` is assembled by `tools/gen_py24_generator.py`
//! (no CPython 2.4 is installed, and the shared 2.4 corpus never iterates a generator);
//! its expected output is `tests/py24/generator.out`.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xpython"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("xpython runs")
}

#[test]
fn a_py24_generator_runs() {
    let out = run(&["tests/py24/generator.pyc"]);
    let want = std::fs::read_to_string(root().join("tests/py24/generator.out")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        want,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

/// After each resumption the first instruction (`i = i + 1` loads `i`) sees only `i` on
/// the stack: nothing was pushed for the yield statement.
#[test]
fn a_py24_generator_resumes_with_nothing_pushed() {
    let out = run(&["-vv", "tests/py24/generator.pyc"]);
    let trace = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = trace.lines().collect();
    let mut resumptions = 0;
    for (i, line) in lines.iter().enumerate() {
        // (The unfinished `g` is closed at exit: GeneratorExit raised at the yield.)
        let closing = lines
            .get(i + 1)
            .is_some_and(|l| l.starts_with("!! exception"));
        if line.starts_with("-> resume squares") && !closing {
            resumptions += 1;
            assert_eq!(lines.get(i + 1).copied(), Some("L. 5   @ 30: LOAD_FAST i"));
            let stack = lines.get(i + 2).copied().unwrap_or("");
            assert!(
                stack.starts_with("    stack : [") && !stack.contains(','),
                "after resumption {resumptions}: {stack}"
            );
        }
        if line.contains("YIELD_VALUE") {
            // The consumed value comes from the spec's stack picture.
            assert!(
                line.trim_start().starts_with("@ 29: YIELD_VALUE ("),
                "{line}"
            );
        }
    }
    // Resumed after each of the 4 + 1 + 5 yields that were followed by a `next`.
    assert_eq!(resumptions, 10, "{trace}");
}
