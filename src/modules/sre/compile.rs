//! Checking and translating a code list given to `_sre.compile`: every opcode word is
//! looked up in the version's numbering (`constants::SreVersion`) and rewritten as the
//! engine's own [`Op`] number, and the structure is validated as CPython's `_validate`
//! does (skips inside the code, blocks ending where they must, group numbers below the
//! group count), so that the engine never meets a malformed program; a failure is
//! CPython's `RuntimeError: invalid SRE code`.
//!
//! The check recurses once per nesting level of the pattern (bounded by `MAX_DEPTH`;
//! CPython's own parser cannot produce deeper nesting under its recursion limit).

use super::constants::{info, Op, SreVersion};

/// Nesting deeper than this is refused as invalid code.
const MAX_DEPTH: usize = 5000;

/// A validated program in the engine's numbering.
#[derive(Clone, Debug)]
pub struct Program {
    pub code: Vec<u32>,
    /// Number of capturing groups (not counting group 0).
    pub groups: usize,
    pub flags: u32,
}

pub struct Invalid;

/// Checks and translates `code` (the words CPython's compiler produced for `version`).
pub fn translate(
    version: &SreVersion,
    code: &[u32],
    groups: usize,
    flags: u32,
) -> Result<Program, Invalid> {
    let mut t = Translator {
        v: version,
        code: code.to_vec(),
        groups,
    };
    let end = t.code.len();
    if end == 0 {
        return Err(Invalid);
    }
    t.block(0, end, 0)?;
    Ok(Program {
        code: t.code,
        groups,
        flags,
    })
}

struct Translator<'a> {
    v: &'a SreVersion,
    code: Vec<u32>,
    groups: usize,
}

/// How a block ended.
#[derive(PartialEq)]
enum End {
    Plain,
    /// With a JUMP whose operand is the block's last word (a conditional's "then" part).
    Jump(usize),
}

impl Translator<'_> {
    fn word(&self, i: usize, end: usize) -> Result<u32, Invalid> {
        if i < end {
            self.code.get(i).copied().ok_or(Invalid)
        } else {
            Err(Invalid)
        }
    }

    /// Reads the opcode at `i` and rewrites it in the engine's numbering.
    fn op(&mut self, i: usize, end: usize) -> Result<Op, Invalid> {
        let w = self.word(i, end)?;
        let op = self.v.op(w).ok_or(Invalid)?;
        self.code[i] = op.code();
        Ok(op)
    }

    /// A skip operand at `i`: the target `i + skip` must lie within `..=end`.
    fn skip(&self, i: usize, end: usize) -> Result<usize, Invalid> {
        let s = self.word(i, end)? as usize;
        if s == 0 || i + s > end {
            return Err(Invalid);
        }
        Ok(s)
    }

    fn expect(&mut self, i: usize, end: usize, want: &[Op]) -> Result<Op, Invalid> {
        let op = self.op(i, end)?;
        if want.contains(&op) {
            Ok(op)
        } else {
            Err(Invalid)
        }
    }

    /// Validates the operations in `start..end`.
    fn block(&mut self, start: usize, end: usize, depth: usize) -> Result<End, Invalid> {
        if depth > MAX_DEPTH {
            return Err(Invalid);
        }
        let mut p = start;
        while p < end {
            let op = self.op(p, end)?;
            let s = p + 1;
            p = match op {
                Op::Failure | Op::Success | Op::Any | Op::AnyAll => s,
                Op::At => {
                    if self.word(s, end)? > 11 {
                        return Err(Invalid);
                    }
                    s + 1
                }
                Op::Category
                | Op::Literal
                | Op::NotLiteral
                | Op::LiteralIgnore
                | Op::NotLiteralIgnore
                | Op::LiteralLocIgnore
                | Op::NotLiteralLocIgnore
                | Op::LiteralUniIgnore
                | Op::NotLiteralUniIgnore => {
                    self.word(s, end)?;
                    s + 1
                }
                Op::Mark => {
                    if self.word(s, end)? as usize >= 2 * self.groups {
                        return Err(Invalid);
                    }
                    s + 1
                }
                Op::Groupref
                | Op::GrouprefIgnore
                | Op::GrouprefLocIgnore
                | Op::GrouprefUniIgnore => {
                    if self.word(s, end)? as usize >= self.groups {
                        return Err(Invalid);
                    }
                    s + 1
                }
                Op::In | Op::InIgnore | Op::InLocIgnore | Op::InUniIgnore => {
                    let skip = self.skip(s, end)?;
                    self.charset(s + 1, s + skip)?;
                    s + skip
                }
                Op::Info => {
                    let skip = self.skip(s, end)?;
                    let stop = s + skip;
                    let flags = self.word(s + 1, stop)?;
                    self.word(s + 3, stop)?;
                    if flags & info::PREFIX != 0 {
                        let len = self.word(s + 4, stop)? as usize;
                        let pskip = self.word(s + 5, stop)? as usize;
                        if len == 0 || pskip > len || s + 6 + 2 * len > stop {
                            return Err(Invalid);
                        }
                        // Overlap entries index the prefix.
                        for k in 0..len {
                            if self.code[s + 6 + len + k] as usize >= len {
                                return Err(Invalid);
                            }
                        }
                    } else if flags & info::CHARSET != 0 {
                        self.charset(s + 4, stop)?;
                    }
                    stop
                }
                Op::Jump => {
                    let skip = self.word(s, end)? as usize;
                    if s + 1 == end {
                        return Ok(End::Jump(s + skip));
                    }
                    return Err(Invalid);
                }
                Op::Branch => {
                    let mut q = s;
                    loop {
                        let skip = self.word(q, end)? as usize;
                        if skip == 0 {
                            break;
                        }
                        let next = q.checked_add(skip).ok_or(Invalid)?;
                        if skip < 3 || next > end {
                            return Err(Invalid);
                        }
                        self.block(q + 1, next - 2, depth + 1)?;
                        self.expect(next - 2, end, &[Op::Jump])?;
                        let target = (next - 1) + self.word(next - 1, end)? as usize;
                        if target > end {
                            return Err(Invalid);
                        }
                        q = next;
                    }
                    // The terminating zero is FAILURE in every numbering.
                    self.code[q] = Op::Failure.code();
                    q + 1
                }
                Op::RepeatOne | Op::MinRepeatOne | Op::PossessiveRepeatOne => {
                    let skip = self.skip(s, end)?;
                    self.min_max(s, end)?;
                    if skip < 4 {
                        return Err(Invalid);
                    }
                    self.block(s + 3, s + skip - 1, depth + 1)?;
                    self.expect(s + skip - 1, end, &[Op::Success])?;
                    s + skip
                }
                Op::Repeat => {
                    let skip = self.skip(s, end)?;
                    self.min_max(s, end)?;
                    if skip < 3 {
                        return Err(Invalid);
                    }
                    self.block(s + 3, s + skip, depth + 1)?;
                    self.expect(s + skip, end, &[Op::MaxUntil, Op::MinUntil])?;
                    s + skip + 1
                }
                Op::PossessiveRepeat => {
                    let skip = self.skip(s, end)?;
                    self.min_max(s, end)?;
                    if skip < 3 {
                        return Err(Invalid);
                    }
                    self.block(s + 3, s + skip, depth + 1)?;
                    self.expect(s + skip, end, &[Op::Success])?;
                    s + skip + 1
                }
                Op::AtomicGroup => {
                    let skip = self.skip(s, end)?;
                    if skip < 2 {
                        return Err(Invalid);
                    }
                    self.block(s + 1, s + skip - 1, depth + 1)?;
                    self.expect(s + skip - 1, end, &[Op::Success])?;
                    s + skip
                }
                Op::Assert | Op::AssertNot => {
                    let skip = self.skip(s, end)?;
                    self.word(s + 1, end)?;
                    if skip < 3 {
                        return Err(Invalid);
                    }
                    self.block(s + 2, s + skip - 1, depth + 1)?;
                    self.expect(s + skip - 1, end, &[Op::Success])?;
                    s + skip
                }
                Op::GrouprefExists => {
                    if self.word(s, end)? as usize >= self.groups {
                        return Err(Invalid);
                    }
                    let skip = self.skip(s + 1, end)?;
                    let no = s + skip;
                    if skip < 2 {
                        return Err(Invalid);
                    }
                    match self.block(s + 2, no, depth + 1)? {
                        End::Jump(target) => {
                            if target > end || target < no {
                                return Err(Invalid);
                            }
                            self.block(no, target, depth + 1)?;
                            target
                        }
                        End::Plain => no,
                    }
                }
                Op::MaxUntil
                | Op::MinUntil
                | Op::Call
                | Op::Subpattern
                | Op::Charset
                | Op::BigCharset
                | Op::Negate
                | Op::Range
                | Op::RangeIgnore
                | Op::RangeUniIgnore => return Err(Invalid),
            };
        }
        if p != end {
            return Err(Invalid);
        }
        Ok(End::Plain)
    }

    fn min_max(&self, s: usize, end: usize) -> Result<(), Invalid> {
        let min = self.word(s + 1, end)?;
        let max = self.word(s + 2, end)?;
        if min > max {
            return Err(Invalid);
        }
        Ok(())
    }

    /// A set (as inside IN and INFO): items up to a FAILURE that ends at or before `end`.
    fn charset(&mut self, start: usize, end: usize) -> Result<(), Invalid> {
        let mut p = start;
        loop {
            let op = self.op(p, end)?;
            p += 1;
            p += match op {
                Op::Failure => return Ok(()),
                Op::Literal | Op::Category => 1,
                Op::Negate => 0,
                Op::Range | Op::RangeIgnore | Op::RangeUniIgnore => 2,
                Op::Charset => 8,
                Op::BigCharset => {
                    let count = self.word(p, end)? as usize;
                    if p + 1 + 64 > end {
                        return Err(Invalid);
                    }
                    for w in &self.code[p + 1..p + 65] {
                        for b in w.to_le_bytes() {
                            if b as usize >= count {
                                return Err(Invalid);
                            }
                        }
                    }
                    1 + 64 + count.checked_mul(8).ok_or(Invalid)?
                }
                _ => return Err(Invalid),
            };
            if p > end {
                return Err(Invalid);
            }
        }
    }
}
