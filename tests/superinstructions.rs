//! Superinstructions (`src/vm/superinstructions.rs`): the decoder fuses the spec's
//! handler pairs where the second instruction follows the first, in every version whose
//! opcodes use both handlers. What fused code does is checked against CPython by the
//! conformance program 363_superinstruction_edges; this checks that fusing happens.

use xpython::spec::{version_by_id, Handler};
use xpython::vm::code::Instr;
use xpython::vm::superinstructions::fuse;

fn instr(handler: Handler) -> Instr {
    Instr { handler, arg: 0 }
}

/// The handlers each opcode of `names` runs in `version`, fused.
fn fused(version: &str, names: &[&str]) -> Vec<Handler> {
    let spec = version_by_id(version).expect("known version");
    let mut instrs: Vec<Instr> = names
        .iter()
        .map(|n| {
            let num = spec.by_name.get(*n).copied().expect("known opcode");
            instr(spec.ops[num as usize].expect("defined opcode").handler)
        })
        .collect();
    fuse(&mut instrs, spec);
    instrs.iter().map(|i| i.handler).collect()
}

#[test]
fn a_run_fuses_each_instruction_with_the_next_and_the_last_stays_plain() {
    let got = fused(
        "3.11",
        &["LOAD_FAST", "LOAD_FAST", "LOAD_CONST", "RETURN_VALUE"],
    );
    let names: Vec<&str> = got.iter().map(|h| h.name()).collect();
    assert_eq!(
        names,
        [
            "load_fast+load_fast",
            "load_fast+load_const",
            "load_const",
            "return_value"
        ]
    );
}

#[test]
fn every_version_fuses_a_compare_with_its_conditional_jump() {
    for (v, jump) in [("2.7", "POP_JUMP_IF_FALSE"), ("3.8", "POP_JUMP_IF_FALSE")]
        .into_iter()
        .chain([
            ("3.11", "POP_JUMP_FORWARD_IF_FALSE"),
            ("3.13", "POP_JUMP_IF_FALSE"),
        ])
    {
        let got = fused(v, &["COMPARE_OP", jump]);
        assert!(
            got[0].name().ends_with("+pop_jump_if_false"),
            "{v}: {got:?}"
        );
        assert_eq!(got[1].name(), "pop_jump_if_false", "{v}");
    }
}
