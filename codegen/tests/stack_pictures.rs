//! The stack picture that begins each opcode's `doc` against its `stack` formula. Traces
//! show the values an instruction consumes from the picture (`OpInfo::pops`), so:
//! - where the picture fixes both sides, outputs minus inputs is the net effect (of the
//!   fall-through or of the taken jump) for every sampled argument — except for the
//!   opcodes whose formula is, by design, the compiler's count and not what the
//!   interpreter does (spec/README.md: the picture gives what the interpreter does);
//! - where only the outputs are fixed (the count is outputs minus the net effect), that
//!   count is never negative.

use std::path::Path;
use xpython_codegen::stack_picture::{counts_of, Count};
use xpython_codegen::Formula;

/// The number of values a counted side holds at `oparg` (None if a count is no formula).
fn size(c: &Count, oparg: i64) -> Option<i64> {
    let mut n = i64::from(c.fixed);
    for run in &c.runs {
        n += Formula::parse(run).ok()?.try_eval(oparg)?;
    }
    Some(n)
}

/// Opcodes whose `stack` is compile.c's count where the interpreter differs (their docs
/// or spec/README.md say so): IMPORT_NAME's level (2.5–3.1), the 2.x SLICE+N, and the
/// block-stack era's finally/except machinery; RETURN_GENERATOR's sent value, pushed
/// when the generator first resumes, which `dis` does not count.
const COMPILER_COUNTS: [&str; 10] = [
    "IMPORT_NAME",
    "SLICE+0",
    "SLICE+1",
    "SLICE+2",
    "SLICE+3",
    "END_FINALLY",
    "POP_EXCEPT",
    "WITH_CLEANUP_FINISH",
    "BEGIN_FINALLY",
    "POP_FINALLY",
];
const RESUMED_PUSH: &str = "RETURN_GENERATOR";
/// 3.11's compiler counts a call's argument pops at PRECALL and the rest at CALL; the
/// interpreter's CALL consumes them all (its picture says `args[oparg]`).
const SPLIT_COUNT: (&str, &str) = ("3.11", "CALL");

const OPARGS: [i64; 8] = [0, 1, 2, 3, 7, 16, 256, 257];

#[test]
fn pictures_agree_with_the_stack_effects() {
    let spec_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let spec = xpython_codegen::load_spec(&spec_dir).unwrap_or_else(|r| panic!("{r}"));
    let mut checked = 0;
    let mut wrong = Vec::new();
    for v in &spec.versions {
        for op in v.ops.values() {
            if op.not_in_pyc {
                continue;
            }
            let Some(c) = counts_of(&op.doc) else {
                continue;
            };
            match (&c.inputs, &c.outputs) {
                (Some(i), Some(o)) => {
                    if COMPILER_COUNTS.contains(&op.name.as_str())
                        || op.name == RESUMED_PUSH
                        || (v.id.as_str(), op.name.as_str()) == SPLIT_COUNT
                    {
                        continue;
                    }
                    checked += 1;
                    let bad = OPARGS.iter().find(|&&a| {
                        let net = size(o, a).zip(size(i, a)).map(|(o, i)| o - i);
                        net.is_none()
                            || (op.stack.try_eval(a) != net && op.jump_effect().try_eval(a) != net)
                    });
                    if let Some(a) = bad {
                        wrong.push(format!(
                            "{} {}: picture and stack differ at {a}",
                            v.id, op.name
                        ));
                    }
                }
                (None, Some(o)) if o.runs.is_empty() => {
                    checked += 1;
                    for a in OPARGS {
                        let pops = op.stack.try_eval(a).map(|e| i64::from(o.fixed) - e);
                        if pops.is_some_and(|p| p < 0) {
                            wrong.push(format!("{} {}: consumes {pops:?} at {a}", v.id, op.name));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(checked > 1000, "only {checked} pictures checked");
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
