//! Every semantic handler that 3.0–3.13 bytecode can reach must have a method on `Exec`
//! (handlers are found by name by the generated `dispatch_handler!`, so a missing or
//! misspelled method would silently fall back to "not implemented"). The few still
//! missing are listed here with the reason; the list may only shrink.

use std::collections::BTreeSet;
use std::path::Path;

/// Handlers not implemented yet, and why.
const NOT_YET: &[(&str, &str)] = &[];

fn implemented() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/vm/handlers");
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let line = line.trim_start();
            if let Some(rest) = line.strip_prefix("pub fn ") {
                if rest.contains("(&mut self, ") && rest.contains(": u32) -> Flow") {
                    out.insert(rest.split('(').next().unwrap().to_string());
                }
            }
        }
    }
    out
}

#[test]
fn every_handler_of_3_0_to_3_13_has_a_method() {
    let spec =
        xpython_codegen::load_spec(&Path::new(env!("CARGO_MANIFEST_DIR")).join("spec")).unwrap();
    let have = implemented();
    let mut needed: BTreeSet<String> = BTreeSet::new();
    for v in spec.versions.iter().filter(|v| v.major_minor >= (3, 0)) {
        for op in v
            .ops
            .values()
            .filter(|o| !o.not_in_pyc && o.experiment.is_none())
        {
            needed.insert(op.handler.clone());
        }
    }
    let missing: Vec<&String> = needed.iter().filter(|h| !have.contains(*h)).collect();
    let allowed: BTreeSet<&str> = NOT_YET.iter().map(|(h, _)| *h).collect();
    let unexpected: Vec<&&String> = missing
        .iter()
        .filter(|h| !allowed.contains(h.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "handlers without a method: {unexpected:?}"
    );
    let now_done: Vec<&str> = allowed
        .iter()
        .filter(|h| !missing.iter().any(|m| m == *h))
        .copied()
        .collect();
    assert!(
        now_done.is_empty(),
        "implemented now, remove from NOT_YET: {now_done:?}"
    );
}
