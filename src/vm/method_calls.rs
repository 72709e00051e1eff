//! Method calls without bound-method objects for bytecode that has no LOAD_METHOD
//! (2.4–3.6): `obj.meth(args)` compiles to an attribute load, the arguments, then a
//! call, and running it as written makes a bound method per call only to unpack it
//! again. When the decoder can prove that an attribute load's value is consumed by a
//! call and nothing else, it runs the pair as the spec's `method_load` and
//! `method_call` handlers of the two opcodes (2.x: `load_method` pushing `[method, self]` or `[NULL, attribute]`, and
//! `call_method_packed`), as CPython 3.7 does with its own opcodes. What a program sees
//! does not change: the same function runs with the same arguments.
//!
//! The proof is a straight-line scan from the load: every instruction up to the call
//! must fall through (no jump, and no jump from anywhere lands between the two), must
//! say in its stack picture how many values it consumes, and must leave the loaded value
//! alone; the first instruction that reaches the value must be the call, with the value
//! as its callable. Exceptions unwind both slots together, so they cannot split a pair.

use super::code::Instr;
use crate::bytecode::decode::Instruction;
use crate::spec::OpInfo;

/// How far past the load the call may be; argument lists longer than this keep the
/// plain form.
const MAX_SCAN: usize = 256;

/// Rewrites the handlers of each provable (attribute load, call) pair of `instrs` to
/// their method forms. `raw` is the decoder's record of the same instructions.
pub fn pair_method_calls(instrs: &mut [Instr], raw: &[Instruction]) {
    let has = |form: fn(&OpInfo) -> bool| raw.iter().any(|r| form(r.op));
    if !has(|op| op.method_load.is_some()) || !has(|op| op.method_call.is_some()) {
        return;
    }
    let mut is_target = vec![false; instrs.len() + 1];
    for (ins, r) in instrs.iter().zip(raw) {
        if r.op.arg.is_jump() {
            if let Some(t) = is_target.get_mut(ins.arg as usize) {
                *t = true;
            }
        }
    }
    for i in 0..raw.len() {
        let Some(load_form) = raw[i].op.method_load else {
            continue;
        };
        if raw[i].op.consumed(raw[i].oparg(), false) != Some(1) {
            continue;
        }
        if let Some(j) = consuming_call(raw, &is_target, i) {
            if let Some(call_form) = raw[j].op.method_call {
                instrs[i].handler = load_form;
                instrs[j].handler = call_form;
            }
        }
    }
}

/// The index of the call that consumes the value loaded at `load`, if the scan proves
/// there is one (see the module doc).
fn consuming_call(raw: &[Instruction], is_target: &[bool], load: usize) -> Option<usize> {
    // Values above the loaded one.
    let mut above: i64 = 0;
    for (j, r) in raw.iter().enumerate().skip(load + 1).take(MAX_SCAN) {
        if is_target[j] || r.op.arg.is_jump() || touches_deeper(r.op) {
            return None;
        }
        let oparg = r.oparg();
        let consumed = i64::try_from(r.op.consumed(oparg, false)?).ok()?;
        if consumed > above {
            // The first instruction to reach the value: it must be a call with a method
            // form taking exactly the values above as its arguments (and fewer than 255
            // positional ones, so one more fits the packed count).
            let is_call = r.op.method_call.is_some();
            return (is_call && consumed == above + 1 && oparg & 0xff < 0xff).then_some(j);
        }
        above += (r.op.stack)(i64::from(oparg));
        if above < 0 {
            return None;
        }
    }
    None
}

/// Whether the instruction may reach values below the ones its picture counts (a lone
/// `...` in the picture: LIST_APPEND and the like).
fn touches_deeper(op: &OpInfo) -> bool {
    let picture = op.doc.split(')').next().unwrap_or("");
    picture
        .split([',', '(', '-'])
        .any(|item| item.trim() == "...")
}
