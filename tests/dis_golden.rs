//! Golden tests: xpython's disassembly of sample `.pyc` files of every CPython the oracle
//! had (2.7, 3.6–3.13) equals what that version's own `dis` printed.
//!
//! `tests/data/dis/<X.Y>/NAME.pyc` with `NAME.txt` (the `dis` text, recursing into nested
//! code objects) and `NAME.jsonl` (per code object: the `get_instructions` stream,
//! `co_lines()`, the exception table), all written by `tools/dis_golden.py` from the real
//! interpreters. Both sides are normalised as the sweep does (`dis_common`). No Python
//! is needed to run these tests.

mod dis_common;

use dis_common::{norm, norm_record, pycs, version_dirs};
use xpython::cli::DisFormat;
use xpython::dis::render_pyc;
use xpython::pyc::load_pyc_file;

/// The first differing line of two texts, for a readable failure.
fn first_diff(want: &str, got: &str) -> String {
    for (n, (a, b)) in want.lines().zip(got.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  dis:     {a:?}\n  xpython: {b:?}", n + 1);
        }
    }
    format!(
        "{} lines expected, {} printed",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn golden_text_and_instructions() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in version_dirs() {
        for pyc_path in pycs(&dir) {
            checked += 1;
            let name = pyc_path
                .strip_prefix(dir.parent().unwrap())
                .unwrap()
                .display()
                .to_string();
            let pyc = match load_pyc_file(&pyc_path) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{name}: load error: {e}"));
                    continue;
                }
            };
            let want_text = std::fs::read_to_string(pyc_path.with_extension("txt")).unwrap();
            match render_pyc(&pyc, &name, DisFormat::Text) {
                Ok(got) => {
                    let (w, g) = (norm(&want_text), norm(&got));
                    if w != g {
                        failures.push(format!("{name}: text {}", first_diff(&w, &g)));
                    }
                }
                Err(e) => failures.push(format!("{name}: {e}")),
            }
            let want_jsonl = std::fs::read_to_string(pyc_path.with_extension("jsonl")).unwrap();
            let want: Vec<serde_json::Value> = want_jsonl
                .lines()
                .map(|l| norm_record(serde_json::from_str(l).unwrap()))
                .collect();
            let got: Vec<serde_json::Value> = match render_pyc(&pyc, &name, DisFormat::Jsonl) {
                Ok(s) => s
                    .lines()
                    .skip(1) // the text record, compared above
                    .map(|l| norm_record(serde_json::from_str(l).unwrap()))
                    .collect(),
                Err(e) => {
                    failures.push(format!("{name}: {e}"));
                    continue;
                }
            };
            if want.len() != got.len() {
                failures.push(format!(
                    "{name}: {} code objects expected, {} given",
                    want.len(),
                    got.len()
                ));
                continue;
            }
            for (w, g) in want.iter().zip(&got) {
                if w != g {
                    let what = w["name"].as_str().unwrap_or("?").to_string();
                    let detail = w
                        .as_object()
                        .unwrap()
                        .iter()
                        .find(|(k, v)| g.get(k.as_str()) != Some(v))
                        .map(|(k, v)| {
                            if k == "instrs" {
                                let (wi, gi) = (v.as_array().unwrap(), g[k].as_array());
                                let gi = gi.cloned().unwrap_or_default();
                                wi.iter()
                                    .zip(&gi)
                                    .find(|(a, b)| a != b)
                                    .map(|(a, b)| format!("instr\n  dis:     {a}\n  xpython: {b}"))
                                    .unwrap_or_else(|| "instruction count".into())
                            } else {
                                format!("{k}\n  dis:     {v}\n  xpython: {}", g[k.as_str()])
                            }
                        })
                        .unwrap_or_default();
                    failures.push(format!("{name}: code {what}: {detail}"));
                    break;
                }
            }
        }
    }
    assert!(checked >= 9 * 50, "only {checked} golden files found");
    assert!(
        failures.is_empty(),
        "{} of {checked} files differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
