//! The instruction decoder: `co_code` → [`Instruction`]s, for every supported version.
//!
//! Everything version-specific comes from the [`VersionSpec`]: the encoding (variable
//! ≤3.5, wordcode 3.6+), `have_argument`, `extended_arg_shift`, the inline cache count of
//! each opcode (3.11+), `jump_unit`, `jump_base` and each opcode's [`ArgKind`]. No opcode
//! number or name is known here.
//!
//! Folding of EXTENDED_ARG follows the version's own `dis` module, which is also what the
//! interpreter does for every sequence a compiler emits: each EXTENDED_ARG stays an
//! instruction (as `dis` shows it) whose argument is its own byte(s) with the pending
//! prefix folded in, and the pending prefix becomes `arg << extended_arg_shift`. An
//! instruction with an argument consumes the prefix. One `dis` quirk is kept: up to 3.9
//! an instruction *without* an argument does not clear a pending prefix (`dis` carries it
//! over to the next instruction that has one); from 3.10 it does. Compilers never put an
//! argument-less instruction after EXTENDED_ARG, so the VM sees no difference. Arguments
//! are 32-bit (as the C interpreters' `oparg`); a chain of more than three prefixes wraps.
//!
//! Decoding never panics: an unknown opcode, an opcode that never appears in a `.pyc`
//! (`not_in_pyc`), a truncated argument or cache, an odd wordcode length and a jump to a
//! negative offset are [`DecodeError`]s carrying the byte offset.

use crate::spec::{ArgKind, Encoding, JumpBase, OpInfo, VersionSpec};
use std::fmt;

/// One decoded instruction.
#[derive(Debug, Clone, Copy)]
pub struct Instruction {
    /// Byte offset of the opcode in `co_code`.
    pub offset: u32,
    /// The opcode as the version's spec declares it.
    pub op: &'static OpInfo,
    /// The argument with EXTENDED_ARG prefixes folded in; `None` when the opcode takes
    /// no argument (the ignored argument byte of wordcode is not reported).
    pub arg: Option<u32>,
    /// Bytes of the instruction itself: 1 or 3 (variable encoding) or 2 (wordcode).
    pub size: u8,
    /// Inline cache code units (2 bytes each) that follow the instruction (3.11+).
    pub cache: u8,
    /// For jump kinds (`jrel`, `jback`, `jabs`): the byte offset of the jump target.
    pub target: Option<u32>,
}

impl Instruction {
    /// The opcode number.
    pub fn opcode(&self) -> u8 {
        self.op.num
    }

    /// The argument, 0 when there is none (what the C interpreters' `oparg` holds).
    pub fn oparg(&self) -> u32 {
        self.arg.unwrap_or(0)
    }

    /// The byte offset just after this instruction and its inline caches: where the
    /// next instruction starts.
    pub fn next_offset(&self) -> u32 {
        self.offset + u32::from(self.size) + 2 * u32::from(self.cache)
    }

    /// True for an EXTENDED_ARG prefix.
    pub fn is_extended_arg(&self) -> bool {
        self.op.arg == ArgKind::ExtendedArg
    }
}

/// What is wrong with a `co_code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// No opcode with this number exists in the version.
    UnknownOpcode(u8),
    /// The opcode exists in the interpreter but is never written to a `.pyc`
    /// (instrumented opcodes, ENTER_EXECUTOR).
    NotInPyc(&'static str),
    /// The code ends inside an instruction's argument.
    TruncatedArgument(&'static str),
    /// The code ends inside an instruction's inline cache entries.
    TruncatedCache(&'static str),
    /// Wordcode with an odd number of bytes.
    OddLength(usize),
    /// A relative jump that lands before the start of the code.
    JumpBeforeStart(&'static str),
}

/// A `co_code` that cannot be decoded, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in `co_code` of the offending instruction (or of the odd last byte).
    pub offset: usize,
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    /// The message without the offset.
    pub fn message(&self) -> String {
        match &self.kind {
            DecodeErrorKind::UnknownOpcode(n) => format!("unknown opcode {n}"),
            DecodeErrorKind::NotInPyc(name) => {
                format!("opcode {name} never appears in a compiled file")
            }
            DecodeErrorKind::TruncatedArgument(name) => {
                format!("code ends inside the argument of {name}")
            }
            DecodeErrorKind::TruncatedCache(name) => {
                format!("code ends inside the inline cache of {name}")
            }
            DecodeErrorKind::OddLength(n) => format!("wordcode of odd length {n}"),
            DecodeErrorKind::JumpBeforeStart(name) => {
                format!("{name} jumps before the start of the code")
            }
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message(), self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// True when the version's `dis` lets an argument-less instruction leave a pending
/// EXTENDED_ARG prefix in place (2.x and 3.x up to 3.9).
fn prefix_survives_argless(spec: &VersionSpec) -> bool {
    spec.format.major_minor < (3, 10)
}

/// The byte offset a jump instruction lands on, from its full argument.
///
/// `size` is the instruction's own size and `cache` its inline cache count. Returns
/// `None` for non-jump kinds and `Some(Err(()))` for a relative jump before offset 0.
pub fn jump_target(
    spec: &VersionSpec,
    op: &OpInfo,
    offset: u32,
    size: u8,
    arg: u32,
) -> Option<Result<u32, ()>> {
    let unit = i64::from(spec.jump_unit);
    let base = || {
        let mut b = i64::from(offset) + i64::from(size);
        if spec.jump_base == JumpBase::AfterCaches {
            b += 2 * i64::from(op.cache);
        }
        b
    };
    let target = match op.arg {
        ArgKind::Jrel => base() + i64::from(arg) * unit,
        ArgKind::Jback => base() - i64::from(arg) * unit,
        ArgKind::Jabs => i64::from(arg) * unit,
        _ => return None,
    };
    Some(u32::try_from(target).map_err(|_| ()))
}

/// Decodes a whole `co_code`.
pub fn decode(spec: &'static VersionSpec, code: &[u8]) -> Result<Vec<Instruction>, DecodeError> {
    let wordcode = spec.encoding == Encoding::Wordcode;
    if wordcode && !code.len().is_multiple_of(2) {
        return Err(DecodeError {
            offset: code.len() - 1,
            kind: DecodeErrorKind::OddLength(code.len()),
        });
    }
    let keep_prefix = prefix_survives_argless(spec);
    let shift = u32::from(spec.extended_arg_shift);
    let mut out = Vec::with_capacity(if wordcode {
        code.len() / 2
    } else {
        code.len() / 2 + 1
    });
    let mut pending: u32 = 0;
    let mut i = 0usize;
    while i < code.len() {
        let num = code[i];
        let err = |kind| DecodeError { offset: i, kind };
        let op = spec
            .op(num)
            .ok_or_else(|| err(DecodeErrorKind::UnknownOpcode(num)))?;
        if op.not_in_pyc {
            return Err(err(DecodeErrorKind::NotInPyc(op.name)));
        }
        let (size, raw) = if wordcode {
            let has_arg = op.arg != ArgKind::None;
            (2u8, has_arg.then(|| u32::from(code[i + 1])))
        } else if num >= spec.have_argument {
            if i + 3 > code.len() {
                return Err(err(DecodeErrorKind::TruncatedArgument(op.name)));
            }
            (
                3u8,
                Some(u32::from(code[i + 1]) | u32::from(code[i + 2]) << 8),
            )
        } else {
            (1u8, None)
        };
        let arg = match raw {
            Some(raw) => {
                let arg = raw | pending;
                pending = if op.arg == ArgKind::ExtendedArg {
                    arg.wrapping_shl(shift)
                } else {
                    0
                };
                Some(arg)
            }
            None => {
                if !keep_prefix {
                    pending = 0;
                }
                None
            }
        };
        let cache = op.cache;
        let end = i + usize::from(size) + 2 * usize::from(cache);
        if end > code.len() {
            return Err(err(DecodeErrorKind::TruncatedCache(op.name)));
        }
        let offset = i as u32;
        let target = match arg {
            Some(a) => match jump_target(spec, op, offset, size, a) {
                Some(Ok(t)) => Some(t),
                Some(Err(())) => return Err(err(DecodeErrorKind::JumpBeforeStart(op.name))),
                None => None,
            },
            None => None,
        };
        out.push(Instruction {
            offset,
            op,
            arg,
            size,
            cache,
            target,
        });
        i = end;
    }
    Ok(out)
}

/// The index of the instruction starting at byte `offset`, if one does.
pub fn index_of_offset(instrs: &[Instruction], offset: u32) -> Option<usize> {
    instrs.binary_search_by_key(&offset, |ins| ins.offset).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::version_by_id;

    fn spec(id: &str) -> &'static VersionSpec {
        version_by_id(id).unwrap()
    }

    /// The number of the first opcode of `spec` with this arg kind (and cache count).
    fn op_with(spec: &VersionSpec, kind: ArgKind, cache: Option<u8>) -> &'static OpInfo {
        (0..=255u8)
            .filter_map(|n| spec.op(n))
            .find(|o| o.arg == kind && !o.not_in_pyc && cache.is_none_or(|c| o.cache == c))
            .expect("no such opcode")
    }

    #[test]
    fn variable_encoding_folds_extended_arg() {
        let s = spec("2.7");
        let ext = op_with(s, ArgKind::ExtendedArg, None);
        let jabs = op_with(s, ArgKind::Jabs, None);
        let code = [ext.num, 1, 0, jabs.num, 2, 0];
        let ins = decode(s, &code).unwrap();
        assert_eq!(ins.len(), 2);
        assert_eq!(ins[0].arg, Some(1));
        assert_eq!(ins[1].arg, Some(0x10002));
        assert_eq!(ins[1].target, Some(0x10002));
        assert_eq!(ins[1].offset, 3);
    }

    #[test]
    fn wordcode_jumps_and_caches() {
        let s = spec("3.13");
        let back = op_with(s, ArgKind::Jback, Some(1));
        // JUMP_BACKWARD at 26 with 1 cache and arg 12 lands on 30 - 24 = 6.
        let nop = op_with(s, ArgKind::None, Some(0));
        let mut code = Vec::new();
        for _ in 0..13 {
            code.extend([nop.num, 0]);
        }
        code.extend([back.num, 12, 0, 0]);
        let ins = decode(s, &code).unwrap();
        let last = ins.last().unwrap();
        assert_eq!(last.offset, 26);
        assert_eq!(last.target, Some(6));
        assert_eq!(last.next_offset(), 30);
    }

    #[test]
    fn errors_carry_offsets() {
        let s = spec("3.12");
        let unknown = (0..=255u8).find(|&n| s.op(n).is_none()).unwrap();
        let e = decode(s, &[unknown, 0]).unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(matches!(e.kind, DecodeErrorKind::UnknownOpcode(_)));
        let plain = op_with(s, ArgKind::None, Some(0));
        let e = decode(s, &[plain.num, 0, plain.num]).unwrap_err();
        assert_eq!(e.offset, 2);
        assert_eq!(e.kind, DecodeErrorKind::OddLength(3));
        let cached = op_with(s, ArgKind::Name, None);
        let cached = (0..=255u8)
            .filter_map(|n| s.op(n))
            .find(|o| o.cache > 0 && !o.not_in_pyc)
            .unwrap_or(cached);
        let e = decode(s, &[cached.num, 0]).unwrap_err();
        assert!(matches!(e.kind, DecodeErrorKind::TruncatedCache(_)));
        let nip = (0..=255u8)
            .filter_map(|n| s.op(n))
            .find(|o| o.not_in_pyc)
            .unwrap();
        let e = decode(s, &[plain.num, 0, nip.num, 0]).unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(e.to_string().ends_with("(at byte 2)"));
        let s = spec("2.7");
        let jabs = op_with(s, ArgKind::Jabs, None);
        let e = decode(s, &[jabs.num, 1]).unwrap_err();
        assert!(matches!(e.kind, DecodeErrorKind::TruncatedArgument(_)));
    }

    /// Up to 3.11 `dis` (and the variable encoding) decide "has an argument" by
    /// `op >= HAVE_ARGUMENT`; the decoder uses the arg kind for wordcode, so the spec
    /// must agree with HAVE_ARGUMENT there. (3.12+ `dis` uses `hasarg`, which the arg
    /// kinds are.)
    #[test]
    fn arg_kinds_agree_with_have_argument_up_to_311() {
        for s in crate::spec::VERSIONS.iter() {
            if s.format.major_minor > (3, 11) {
                continue;
            }
            for op in (0..=255u8)
                .filter_map(|n| s.op(n))
                .filter(|o| !o.not_in_pyc)
            {
                assert_eq!(
                    op.arg != ArgKind::None,
                    op.num >= s.have_argument,
                    "{} {}",
                    s.id(),
                    op.name
                );
            }
        }
    }

    #[test]
    fn prefix_quirk_depends_on_version() {
        for (id, carried) in [("3.9", true), ("3.10", false)] {
            let s = spec(id);
            let ext = op_with(s, ArgKind::ExtendedArg, None);
            let none = op_with(s, ArgKind::None, None);
            let count = op_with(s, ArgKind::Count, None);
            let ins = decode(s, &[ext.num, 1, none.num, 0, count.num, 2]).unwrap();
            assert_eq!(ins[2].arg, Some(if carried { 0x102 } else { 2 }), "{id}");
        }
    }
}
