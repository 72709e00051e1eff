//! Superinstructions: the spec's version table lists pairs of handlers
//! (`superinstructions`), and where an instruction running the first is followed by one
//! running the second, the decoder gives the first the fused handler, which runs both in
//! one dispatch (the generated arm calls the two handlers in turn, stepping `pc` and
//! `lasti` onto the second between them). Nothing else changes: the second instruction
//! keeps its own handler, so a jump to it runs it alone, and the fused form falls back
//! to plain steps when the first half does anything but go on (a call, a raise) or a
//! finalizer is due. The first handler of a pair never jumps (the spec validator checks),
//! so the second is always the instruction after it.

use super::code::Instr;
use crate::spec::VersionSpec;

/// Gives each instruction that starts a declared pair its fused handler.
pub fn fuse(instrs: &mut [Instr], version: &VersionSpec) {
    let pairs = version.superinstructions;
    if pairs.is_empty() {
        return;
    }
    // Pairs are matched on the handlers as decoded, before any fusing, so that a run of
    // three fuses (first, second) and (second, third) alike.
    for i in 0..instrs.len().saturating_sub(1) {
        let (first, second) = (instrs[i].handler, instrs[i + 1].handler);
        if let Some(&(_, _, fused)) = pairs.iter().find(|p| p.0 == first && p.1 == second) {
            instrs[i].handler = fused;
        }
    }
}
