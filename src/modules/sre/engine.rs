//! The matching engine: runs a translated SRE program (`compile::Program`) over a string
//! of code units (`u8` for bytes and Latin-1-free ASCII text, `u32` code points otherwise),
//! with CPython's semantics (Modules/_sre/sre_lib.h): greedy, lazy and possessive
//! repeats, backtracking into alternatives, marks saved and restored around each choice
//! point, lookarounds, backreferences and conditionals.
//!
//! Backtracking never recurses in Rust: each choice point is a [`Ctx`] on an explicit
//! stack, and a finished context hands its result to its parent's resumption point
//! ([`Jump`]), as CPython's `DO_JUMP` macros do. The only Rust recursion is the one-char
//! repeat of an unusual item (`count` on an arbitrary op), bounded by `MAX_NESTED`.
//! The program was validated when compiled; any word read out of range still fails
//! cleanly with [`Error::Illegal`] instead of panicking.

use super::chars::{self, CaseRules};
use super::compile::Program;
use super::constants::{at, info, Op, SreVersion};

/// "No position" in marks and `last_ptr`.
pub const NONE: usize = usize::MAX;
/// The `max` of an unbounded repeat.
const MAXREPEAT: u32 = u32::MAX;
/// Depth of nested `count` calls on composite items.
const MAX_NESTED: usize = 64;
/// Bounds of the backtracking stacks (about 300 MB and 500 MB): beyond them a match
/// fails with MemoryError instead of exhausting memory.
const MAX_CONTEXTS: usize = 4 << 20;
const MAX_SAVED: usize = 64 << 20;

/// Why the engine stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// Malformed code (CPython's SRE_ERROR_ILLEGAL / SRE_ERROR_STATE).
    Illegal,
    /// The backtracking stacks outgrew their bounds (CPython's SRE_ERROR_MEMORY).
    Memory,
}

type R<T> = Result<T, Error>;

/// A code unit of the subject.
pub trait Unit: Copy {
    fn get(self) -> u32;
}
impl Unit for u8 {
    #[inline]
    fn get(self) -> u32 {
        self as u32
    }
}
impl Unit for u32 {
    #[inline]
    fn get(self) -> u32 {
        self
    }
}

/// Where a finished child context returns to in its parent.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One level of the backtracking stack (CPython's `match_context`).
#[derive(Clone, Copy)]
struct Ctx {
    pc: usize,
    ptr: usize,
    count: isize,
    /// The index of a repeat.
    aux: usize,
    /// REPEAT_ONE's tail starts with this literal.
    literal: Option<u32>,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    jump: Jump,
}

/// An active REPEAT (CPython's `SRE_REPEAT`), in a stack indexed by position.
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// The REPEAT's skip word.
    pc: usize,
    prev: Option<usize>,
    last_ptr: usize,
}

enum Action {
    Enter,
    Dispatch(usize, usize),
    Return(bool),
}

/// The state of one match or search (CPython's `SRE_STATE`).
pub struct State<'a, T: Unit> {
    pub text: &'a [T],
    code: &'a [u32],
    /// Where the current match attempt started (`state->start`).
    pub start: usize,
    /// The end of the current match (`state->ptr`).
    pub ptr: usize,
    /// `endpos`: the engine sees nothing beyond it.
    pub end: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    repeats: Vec<Repeat>,
    repeat: Option<usize>,
    data: Vec<usize>,
    pub match_all: bool,
    pub must_advance: bool,
    minor: u8,
    /// The case rules of the `*_IGNORE` opcodes.
    rules: CaseRules,
    nested: usize,
    assert_not_restores: bool,
    resets_between_positions: bool,
    /// The context stack, kept between runs to avoid reallocating it.
    spare: Vec<Ctx>,
}

impl<'a, T: Unit> State<'a, T> {
    /// A state over `text[..endpos]`, starting at `pos` (both already clamped).
    pub fn new(
        version: &SreVersion,
        prog: &'a Program,
        text: &'a [T],
        pos: usize,
        endpos: usize,
    ) -> State<'a, T> {
        let end = endpos.min(text.len());
        let rules = if version.case_by_pattern_flags() {
            use super::constants::flag;
            if prog.flags & flag::LOCALE != 0 {
                CaseRules::Locale
            } else if prog.flags & flag::UNICODE != 0 {
                CaseRules::Unicode
            } else {
                CaseRules::Ascii
            }
        } else {
            CaseRules::Ascii
        };
        State {
            text,
            code: &prog.code,
            start: pos.min(end.max(pos)),
            ptr: pos,
            end,
            marks: vec![NONE; 2 * prog.groups],
            lastmark: -1,
            lastindex: -1,
            repeats: Vec::new(),
            repeat: None,
            data: Vec::new(),
            match_all: false,
            must_advance: false,
            minor: version.minor,
            rules,
            nested: 0,
            assert_not_restores: version.assert_not_restores_marks(),
            resets_between_positions: version.search_resets_between_positions(),
            spare: Vec::new(),
        }
    }

    /// Forgets the groups of the previous attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.data.clear();
    }

    /// Between two positions of a search.
    fn reset_between(&mut self) {
        if self.resets_between_positions {
            self.lastmark = -1;
            self.lastindex = -1;
        }
    }

    /// The span of group `g` (1-based), if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize <= self.lastmark {
            let (s, e) = (self.marks[j], self.marks[j + 1]);
            if s != NONE && e != NONE {
                return Some((s, e));
            }
        }
        None
    }

    #[inline]
    fn w(&self, i: usize) -> R<u32> {
        self.code.get(i).copied().ok_or(Error::Illegal)
    }

    #[inline]
    fn ch(&self, i: usize) -> u32 {
        self.text[i].get()
    }

    #[inline]
    fn is(&self, i: usize, op: Op) -> bool {
        self.code.get(i) == Some(&op.code())
    }

    fn lower(&self, ch: u32) -> u32 {
        chars::lower(self.rules, ch, self.minor)
    }

    fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
        ch == pattern || chars::lower_locale(ch) == pattern || chars::upper_locale(ch) == pattern
    }

    /// Whether `ch` is in the set starting at `p`.
    fn charset(&self, mut p: usize, ch: u32) -> R<bool> {
        let mut ok = true;
        loop {
            let op = self.w(p)?;
            p += 1;
            match op {
                x if x == Op::Failure.code() => return Ok(!ok),
                x if x == Op::Literal.code() => {
                    if ch == self.w(p)? {
                        return Ok(ok);
                    }
                    p += 1;
                }
                x if x == Op::Category.code() => {
                    if chars::in_category(self.w(p)?, ch, self.minor) {
                        return Ok(ok);
                    }
                    p += 1;
                }
                x if x == Op::Charset.code() => {
                    if ch < 256 && self.w(p + (ch / 32) as usize)? & (1 << (ch & 31)) != 0 {
                        return Ok(ok);
                    }
                    p += 8;
                }
                x if x == Op::Range.code() => {
                    if self.w(p)? <= ch && ch <= self.w(p + 1)? {
                        return Ok(ok);
                    }
                    p += 2;
                }
                x if x == Op::RangeUniIgnore.code() || x == Op::RangeIgnore.code() => {
                    let (lo, hi) = (self.w(p)?, self.w(p + 1)?);
                    if lo <= ch && ch <= hi {
                        return Ok(ok);
                    }
                    let up = if x == Op::RangeIgnore.code() {
                        chars::upper(self.rules, ch, self.minor)
                    } else {
                        chars::upper_unicode(ch, self.minor)
                    };
                    if lo <= up && up <= hi {
                        return Ok(ok);
                    }
                    p += 2;
                }
                x if x == Op::Negate.code() => ok = !ok,
                x if x == Op::BigCharset.code() => {
                    let count = self.w(p)? as usize;
                    p += 1;
                    if ch < 0x10000 {
                        let idx = (ch >> 8) as usize;
                        let word = self.w(p + idx / 4)?;
                        let block = word.to_le_bytes()[idx % 4] as usize;
                        let bit = block * 256 + (ch & 255) as usize;
                        if self.w(p + 64 + bit / 32)? & (1 << (bit & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    p += 64 + count * 8;
                }
                _ => return Ok(false),
            }
        }
    }

    fn charset_loc_ignore(&self, p: usize, ch: u32) -> R<bool> {
        let lo = chars::lower_locale(ch);
        if self.charset(p, lo)? {
            return Ok(true);
        }
        let up = chars::upper_locale(ch);
        Ok(up != lo && self.charset(p, up)?)
    }

    fn is_word_at(&self, i: usize, kind: u32) -> bool {
        let c = self.ch(i);
        match kind {
            0 => chars::is_word(c),
            1 => chars::is_loc_word(c),
            _ => chars::is_uni_word(c, self.minor),
        }
    }

    fn at(&self, ptr: usize, code: u32) -> bool {
        let boundary = |kind: u32| -> Option<bool> {
            if self.end == 0 {
                return None;
            }
            let that = ptr > 0 && self.is_word_at(ptr - 1, kind);
            let this = ptr < self.end && self.is_word_at(ptr, kind);
            Some(this != that)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || chars::is_linebreak(self.ch(ptr - 1)),
            at::END => {
                (self.end == ptr + 1 && chars::is_linebreak(self.ch(ptr))) || ptr == self.end
            }
            at::END_LINE => ptr == self.end || chars::is_linebreak(self.ch(ptr)),
            at::END_STRING => ptr == self.end,
            at::BOUNDARY => boundary(0) == Some(true),
            at::NON_BOUNDARY => boundary(0) == Some(false),
            at::LOC_BOUNDARY => boundary(1) == Some(true),
            at::LOC_NON_BOUNDARY => boundary(1) == Some(false),
            at::UNI_BOUNDARY => boundary(2) == Some(true),
            at::UNI_NON_BOUNDARY => boundary(2) == Some(false),
            _ => false,
        }
    }

    /// Does the one-character item at `p` (an opcode) match at `ptr`? `None` for items
    /// that are not single-character tests.
    #[inline]
    fn single(&self, p: usize, ptr: usize, end: usize) -> R<Option<bool>> {
        let op = self.w(p)?;
        if !is_single(op) {
            return Ok(None);
        }
        if ptr >= end {
            return Ok(Some(false));
        }
        let c = self.ch(ptr);
        let arg = || self.w(p + 1);
        let yes = match op {
            x if x == Op::Literal.code() => c == arg()?,
            x if x == Op::NotLiteral.code() => c != arg()?,
            x if x == Op::Any.code() => !chars::is_linebreak(c),
            x if x == Op::AnyAll.code() => true,
            x if x == Op::In.code() => self.charset(p + 2, c)?,
            x if x == Op::Category.code() => chars::in_category(arg()?, c, self.minor),
            x if x == Op::LiteralIgnore.code() => self.lower(c) == arg()?,
            x if x == Op::NotLiteralIgnore.code() => self.lower(c) != arg()?,
            x if x == Op::LiteralUniIgnore.code() => chars::lower_unicode(c, self.minor) == arg()?,
            x if x == Op::NotLiteralUniIgnore.code() => {
                chars::lower_unicode(c, self.minor) != arg()?
            }
            x if x == Op::LiteralLocIgnore.code() => Self::char_loc_ignore(arg()?, c),
            x if x == Op::NotLiteralLocIgnore.code() => !Self::char_loc_ignore(arg()?, c),
            x if x == Op::InIgnore.code() => self.charset(p + 2, self.lower(c))?,
            x if x == Op::InUniIgnore.code() => {
                self.charset(p + 2, chars::lower_unicode(c, self.minor))?
            }
            x if x == Op::InLocIgnore.code() => self.charset_loc_ignore(p + 2, c)?,
            _ => return Ok(None),
        };
        Ok(Some(yes))
    }

    /// How many times (up to `maxcount`) the item at `p` repeats from `self.ptr`.
    fn count(&mut self, p: usize, maxcount: u32) -> R<usize> {
        let ptr = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end - ptr {
            end = ptr + maxcount as usize;
        }
        let op = self.w(p)?;
        let mut i = ptr;
        if op == Op::AnyAll.code() {
            return Ok(end - ptr);
        }
        if op == Op::Literal.code() {
            let c = self.w(p + 1)?;
            while i < end && self.ch(i) == c {
                i += 1;
            }
            return Ok(i - ptr);
        }
        if op == Op::In.code() {
            while i < end && self.charset(p + 2, self.ch(i))? {
                i += 1;
            }
            return Ok(i - ptr);
        }
        if is_single(op) {
            while self.single(p, i, end)? == Some(true) {
                i += 1;
            }
            return Ok(i - ptr);
        }
        // A composite item: run it as a sub-match, one repetition at a time.
        if self.nested >= MAX_NESTED {
            return Err(Error::Illegal);
        }
        self.nested += 1;
        let mut result = Ok(());
        while self.ptr < end {
            let before = self.ptr;
            match self.run(p, false) {
                // A zero-width item (only in malformed code) would repeat forever.
                Ok(true) if self.ptr == before => break,
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.nested -= 1;
        result?;
        Ok(self.ptr - ptr)
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self.data.len().saturating_sub(n);
            let k = n.min(self.data.len() - from);
            self.marks[..k].copy_from_slice(&self.data[from..from + k]);
            if discard {
                self.data.truncate(from);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let len = self.data.len().saturating_sub(n);
            self.data.truncate(len);
        }
    }

    /// Matches the program from `pc` at `self.ptr`; on success `self.ptr` is the end.
    pub fn run(&mut self, pc: usize, toplevel: bool) -> R<bool> {
        let mut stack = std::mem::take(&mut self.spare);
        stack.clear();
        let r = self.run_with(&mut stack, pc, toplevel);
        self.spare = stack;
        r
    }

    fn run_with(&mut self, stack: &mut Vec<Ctx>, pc: usize, toplevel: bool) -> R<bool> {
        let base = Ctx {
            pc,
            ptr: self.ptr,
            count: 0,
            aux: 0,
            literal: None,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            jump: Jump::None,
        };
        stack.push(base);
        let mut action = Action::Enter;
        loop {
            action = match action {
                Action::Enter => {
                    if stack.len() > MAX_CONTEXTS || self.data.len() > MAX_SAVED {
                        return Err(Error::Memory);
                    }
                    let top = stack.len() - 1;
                    let ptr = self.ptr;
                    let mut pc = stack[top].pc;
                    if self.is(pc, Op::Info) {
                        let min = self.w(pc + 3)? as usize;
                        if min != 0 && self.end.saturating_sub(ptr) < min {
                            Action::Return(false)
                        } else {
                            pc += self.w(pc + 1)? as usize + 1;
                            Action::Dispatch(pc, ptr)
                        }
                    } else {
                        Action::Dispatch(pc, ptr)
                    }
                }
                Action::Dispatch(pc, ptr) => self.dispatch(stack, pc, ptr)?,
                Action::Return(r) => {
                    let child = stack.pop().ok_or(Error::Illegal)?;
                    if stack.is_empty() {
                        return Ok(r);
                    }
                    self.resume(stack, child.jump, r)?
                }
            }
        }
    }

    /// Saves the position in the current context and enters a child at `next`.
    fn call(
        stack: &mut Vec<Ctx>,
        pc: usize,
        ptr: usize,
        next: usize,
        jump: Jump,
        toplevel: bool,
    ) -> Action {
        let top = stack.len() - 1;
        stack[top].pc = pc;
        stack[top].ptr = ptr;
        stack.push(Ctx {
            pc: next,
            ptr: 0,
            count: 0,
            aux: 0,
            literal: None,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            jump,
        });
        Action::Enter
    }

    fn save_lastmark(&self, ctx: &mut Ctx) {
        ctx.lastmark = self.lastmark;
        ctx.lastindex = self.lastindex;
    }

    fn restore_lastmark(&mut self, ctx: &Ctx) {
        self.lastmark = ctx.lastmark;
        self.lastindex = ctx.lastindex;
    }

    fn dispatch(&mut self, stack: &mut Vec<Ctx>, mut pc: usize, mut ptr: usize) -> R<Action> {
        let top = stack.len() - 1;
        let end = self.end;
        let toplevel = stack[top].toplevel;
        loop {
            let word = self.w(pc)?;
            pc += 1;
            // Single-character tests first: the common case.
            if let Some(ok) = self.single(pc - 1, ptr, end)? {
                if !ok {
                    return Ok(Action::Return(false));
                }
                ptr += 1;
                pc += if word == Op::Any.code() || word == Op::AnyAll.code() {
                    0
                } else if word == Op::In.code()
                    || word == Op::InIgnore.code()
                    || word == Op::InUniIgnore.code()
                    || word == Op::InLocIgnore.code()
                {
                    self.w(pc)? as usize
                } else {
                    1
                };
                continue;
            }
            let op = op_of(word).ok_or(Error::Illegal)?;
            match op {
                Op::Mark => {
                    let i = self.w(pc)? as usize;
                    if i >= self.marks.len() {
                        return Err(Error::Illegal);
                    }
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.lastmark {
                        let from = (self.lastmark + 1) as usize;
                        for m in &mut self.marks[from..i] {
                            *m = NONE;
                        }
                        self.lastmark = i as isize;
                    }
                    self.marks[i] = ptr;
                    pc += 1;
                }
                Op::Success => {
                    if toplevel
                        && ((self.match_all && ptr != end)
                            || (self.must_advance && ptr == self.start))
                    {
                        return Ok(Action::Return(false));
                    }
                    self.ptr = ptr;
                    return Ok(Action::Return(true));
                }
                Op::Failure => return Ok(Action::Return(false)),
                Op::At => {
                    if !self.at(ptr, self.w(pc)?) {
                        return Ok(Action::Return(false));
                    }
                    pc += 1;
                }
                Op::Jump | Op::Info => pc += self.w(pc)? as usize,
                Op::Branch => {
                    let mut ctx = stack[top];
                    self.save_lastmark(&mut ctx);
                    stack[top] = ctx;
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.branch_next(stack, pc, ptr);
                }
                Op::RepeatOne => {
                    let min = self.w(pc + 1)? as usize;
                    let max = self.w(pc + 2)?;
                    if min > end - ptr.min(end) {
                        return Ok(Action::Return(false));
                    }
                    self.ptr = ptr;
                    let count = self.count(pc + 3, max)?;
                    ptr += count;
                    if count < min {
                        return Ok(Action::Return(false));
                    }
                    let tail = pc + self.w(pc)? as usize;
                    if self.is(tail, Op::Success)
                        && ptr == end
                        && !(toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Action::Return(true));
                    }
                    let mut ctx = stack[top];
                    self.save_lastmark(&mut ctx);
                    ctx.count = count as isize;
                    ctx.literal = None;
                    if self.is(tail, Op::Literal) {
                        ctx.literal = Some(self.w(tail + 1)?);
                    }
                    stack[top] = ctx;
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.repeat_one_next(stack, pc, ptr);
                }
                Op::MinRepeatOne => {
                    let min = self.w(pc + 1)? as usize;
                    if min > end - ptr.min(end) {
                        return Ok(Action::Return(false));
                    }
                    self.ptr = ptr;
                    let mut count = 0;
                    if min != 0 {
                        let c = self.count(pc + 3, min as u32)?;
                        if c < min {
                            return Ok(Action::Return(false));
                        }
                        count = c;
                        ptr += c;
                    }
                    let tail = pc + self.w(pc)? as usize;
                    if self.is(tail, Op::Success)
                        && !(toplevel
                            && ((self.match_all && ptr != end)
                                || (self.must_advance && ptr == self.start)))
                    {
                        self.ptr = ptr;
                        return Ok(Action::Return(true));
                    }
                    let mut ctx = stack[top];
                    self.save_lastmark(&mut ctx);
                    ctx.count = count as isize;
                    stack[top] = ctx;
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return self.min_repeat_one_next(stack, pc, ptr);
                }
                Op::PossessiveRepeatOne => {
                    let min = self.w(pc + 1)? as usize;
                    let max = self.w(pc + 2)?;
                    if ptr + min > end {
                        return Ok(Action::Return(false));
                    }
                    self.ptr = ptr;
                    let count = self.count(pc + 3, max)?;
                    ptr += count;
                    if count < min {
                        return Ok(Action::Return(false));
                    }
                    pc += self.w(pc)? as usize;
                    if self.is(pc, Op::Success)
                        && ptr == end
                        && !(toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Action::Return(true));
                    }
                }
                Op::Repeat => {
                    let idx = self.repeats.len();
                    self.repeats.push(Repeat {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: NONE,
                    });
                    self.repeat = Some(idx);
                    stack[top].aux = idx;
                    self.ptr = ptr;
                    let next = pc + self.w(pc)? as usize;
                    return Ok(Self::call(stack, pc, ptr, next, Jump::Repeat, toplevel));
                }
                Op::MaxUntil => {
                    let rep = self.repeat.ok_or(Error::Illegal)?;
                    stack[top].aux = rep;
                    self.ptr = ptr;
                    let count = self.repeats[rep].count + 1;
                    stack[top].count = count;
                    let rpc = self.repeats[rep].pc;
                    let (min, max) = (self.w(rpc + 1)?, self.w(rpc + 2)?);
                    if count < min as isize {
                        self.repeats[rep].count = count;
                        return Ok(Self::call(
                            stack,
                            pc,
                            ptr,
                            rpc + 3,
                            Jump::MaxUntil1,
                            toplevel,
                        ));
                    }
                    if (count < max as isize || max == MAXREPEAT)
                        && self.ptr != self.repeats[rep].last_ptr
                    {
                        self.repeats[rep].count = count;
                        let mut ctx = stack[top];
                        self.save_lastmark(&mut ctx);
                        stack[top] = ctx;
                        self.mark_push(ctx.lastmark);
                        self.data.push(self.repeats[rep].last_ptr);
                        self.repeats[rep].last_ptr = self.ptr;
                        return Ok(Self::call(
                            stack,
                            pc,
                            ptr,
                            rpc + 3,
                            Jump::MaxUntil2,
                            toplevel,
                        ));
                    }
                    self.repeat = self.repeats[rep].prev;
                    return Ok(Self::call(stack, pc, ptr, pc, Jump::MaxUntil3, toplevel));
                }
                Op::MinUntil => {
                    let rep = self.repeat.ok_or(Error::Illegal)?;
                    stack[top].aux = rep;
                    self.ptr = ptr;
                    let count = self.repeats[rep].count + 1;
                    stack[top].count = count;
                    let rpc = self.repeats[rep].pc;
                    let min = self.w(rpc + 1)?;
                    if count < min as isize {
                        self.repeats[rep].count = count;
                        return Ok(Self::call(
                            stack,
                            pc,
                            ptr,
                            rpc + 3,
                            Jump::MinUntil1,
                            toplevel,
                        ));
                    }
                    self.repeat = self.repeats[rep].prev;
                    let mut ctx = stack[top];
                    self.save_lastmark(&mut ctx);
                    stack[top] = ctx;
                    if self.repeat.is_some() {
                        self.mark_push(ctx.lastmark);
                    }
                    return Ok(Self::call(stack, pc, ptr, pc, Jump::MinUntil2, toplevel));
                }
                Op::PossessiveRepeat => {
                    self.ptr = ptr;
                    stack[top].count = 0;
                    let first = if self.w(pc + 1)? == 0 { NONE } else { ptr };
                    return self.poss_repeat_next(stack, pc, first);
                }
                Op::AtomicGroup => {
                    self.ptr = ptr;
                    return Ok(Self::call(stack, pc, ptr, pc + 1, Jump::AtomicGroup, false));
                }
                Op::Groupref
                | Op::GrouprefIgnore
                | Op::GrouprefLocIgnore
                | Op::GrouprefUniIgnore => {
                    let g = self.w(pc)? as usize * 2;
                    if g as isize >= self.lastmark || g + 1 >= self.marks.len() {
                        return Ok(Action::Return(false));
                    }
                    let (p, e) = (self.marks[g], self.marks[g + 1]);
                    if p == NONE || e == NONE || e < p {
                        return Ok(Action::Return(false));
                    }
                    for k in p..e {
                        if ptr >= end {
                            return Ok(Action::Return(false));
                        }
                        let (a, b) = (self.ch(ptr), self.ch(k));
                        let same = match op {
                            Op::Groupref => a == b,
                            Op::GrouprefIgnore => self.lower(a) == self.lower(b),
                            Op::GrouprefLocIgnore => {
                                chars::lower_locale(a) == chars::lower_locale(b)
                            }
                            _ => {
                                chars::lower_unicode(a, self.minor)
                                    == chars::lower_unicode(b, self.minor)
                            }
                        };
                        if !same {
                            return Ok(Action::Return(false));
                        }
                        ptr += 1;
                    }
                    pc += 1;
                }
                Op::GrouprefExists => {
                    let g = self.w(pc)? as usize * 2;
                    let exists = (g as isize) < self.lastmark
                        && g + 1 < self.marks.len()
                        && self.marks[g] != NONE
                        && self.marks[g + 1] != NONE
                        && self.marks[g] <= self.marks[g + 1];
                    if exists {
                        pc += 2;
                    } else {
                        pc += self.w(pc + 1)? as usize;
                    }
                }
                Op::Assert => {
                    let back = self.w(pc + 1)? as usize;
                    if ptr < back {
                        return Ok(Action::Return(false));
                    }
                    self.ptr = ptr - back;
                    return Ok(Self::call(stack, pc, ptr, pc + 2, Jump::Assert, false));
                }
                Op::AssertNot => {
                    let back = self.w(pc + 1)? as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        if !self.assert_not_restores {
                            return Ok(Self::call(stack, pc, ptr, pc + 2, Jump::AssertNot, false));
                        }
                        let mut ctx = stack[top];
                        self.save_lastmark(&mut ctx);
                        stack[top] = ctx;
                        if self.repeat.is_some() {
                            self.mark_push(ctx.lastmark);
                        }
                        return Ok(Self::call(stack, pc, ptr, pc + 2, Jump::AssertNot, false));
                    }
                    pc += self.w(pc)? as usize;
                }
                _ => return Err(Error::Illegal),
            }
        }
    }

    /// BRANCH: tries the alternatives from the one whose skip word is at `pc`.
    fn branch_next(&mut self, stack: &mut Vec<Ctx>, mut pc: usize, ptr: usize) -> R<Action> {
        let top = stack.len() - 1;
        let toplevel = stack[top].toplevel;
        loop {
            let skip = self.w(pc)? as usize;
            if skip == 0 {
                break;
            }
            if self.is(pc + 1, Op::Literal) && (ptr >= self.end || self.ch(ptr) != self.w(pc + 2)?)
            {
                pc += skip;
                continue;
            }
            if self.is(pc + 1, Op::In)
                && (ptr >= self.end || !self.charset(pc + 3, self.ch(ptr))?)
            {
                pc += skip;
                continue;
            }
            self.ptr = ptr;
            return Ok(Self::call(stack, pc, ptr, pc + 1, Jump::Branch, toplevel));
        }
        if self.repeat.is_some() {
            self.mark_discard(stack[top].lastmark);
        }
        Ok(Action::Return(false))
    }

    /// REPEAT_ONE: tries the tail after `ctx.count` items, giving one back each time.
    fn repeat_one_next(&mut self, stack: &mut Vec<Ctx>, pc: usize, mut ptr: usize) -> R<Action> {
        let top = stack.len() - 1;
        let min = self.w(pc + 1)? as isize;
        let tail = pc + self.w(pc)? as usize;
        let literal = stack[top].literal;
        let mut count = stack[top].count;
        if let Some(c) = literal {
            while count >= min && (ptr >= self.end || self.ch(ptr) != c) {
                ptr = ptr.wrapping_sub(1);
                count -= 1;
            }
        }
        if count < min {
            if self.repeat.is_some() {
                self.mark_discard(stack[top].lastmark);
            }
            return Ok(Action::Return(false));
        }
        stack[top].count = count;
        self.ptr = ptr;
        let jump = if literal.is_some() {
            Jump::RepeatOne1
        } else {
            Jump::RepeatOne2
        };
        let toplevel = stack[top].toplevel;
        Ok(Self::call(stack, pc, ptr, tail, jump, toplevel))
    }

    /// MIN_REPEAT_ONE: tries the tail, then one more item, while the maximum allows.
    fn min_repeat_one_next(&mut self, stack: &mut Vec<Ctx>, pc: usize, ptr: usize) -> R<Action> {
        let top = stack.len() - 1;
        let max = self.w(pc + 2)?;
        if max == MAXREPEAT || stack[top].count <= max as isize {
            self.ptr = ptr;
            let tail = pc + self.w(pc)? as usize;
            let toplevel = stack[top].toplevel;
            return Ok(Self::call(
                stack,
                pc,
                ptr,
                tail,
                Jump::MinRepeatOne,
                toplevel,
            ));
        }
        if self.repeat.is_some() {
            self.mark_discard(stack[top].lastmark);
        }
        Ok(Action::Return(false))
    }

    /// POSSESSIVE_REPEAT: the next repetition (first the minimum, then as many as match).
    fn poss_repeat_next(&mut self, stack: &mut Vec<Ctx>, mut pc: usize, ptr: usize) -> R<Action> {
        let top = stack.len() - 1;
        let (min, max) = (self.w(pc + 1)? as isize, self.w(pc + 2)?);
        let count = stack[top].count;
        if count < min {
            return Ok(Self::call(stack, pc, ptr, pc + 3, Jump::PossRepeat1, false));
        }
        // `ptr` is NONE on the first pass after the minimum (CPython's NULL).
        if (count < max as isize || max == MAXREPEAT) && self.ptr != ptr {
            let mut ctx = stack[top];
            self.save_lastmark(&mut ctx);
            stack[top] = ctx;
            self.mark_push(ctx.lastmark);
            let at = self.ptr;
            return Ok(Self::call(stack, pc, at, pc + 3, Jump::PossRepeat2, false));
        }
        pc += self.w(pc)? as usize + 1;
        Ok(Action::Dispatch(pc, self.ptr))
    }

    /// Continues the parent after a child context finished with `r`.
    fn resume(&mut self, stack: &mut Vec<Ctx>, jump: Jump, r: bool) -> R<Action> {
        let top = stack.len() - 1;
        let ctx = stack[top];
        let (pc, ptr) = (ctx.pc, ctx.ptr);
        let has_repeat = self.repeat.is_some();
        Ok(match jump {
            Jump::None => Action::Return(r),
            Jump::Branch => {
                if r {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.restore_lastmark(&ctx);
                let next = pc + self.w(pc)? as usize;
                return self.branch_next(stack, next, ptr);
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if r {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.restore_lastmark(&ctx);
                stack[top].count -= 1;
                return self.repeat_one_next(stack, pc, ptr.wrapping_sub(1));
            }
            Jump::MinRepeatOne => {
                if r {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, false);
                }
                self.restore_lastmark(&ctx);
                self.ptr = ptr;
                if self.count(pc + 3, 1)? == 0 {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Action::Return(false));
                }
                stack[top].count += 1;
                return self.min_repeat_one_next(stack, pc, ptr + 1);
            }
            Jump::Repeat => {
                let idx = ctx.aux;
                self.repeat = self.repeats.get(idx).ok_or(Error::Illegal)?.prev;
                self.repeats.truncate(idx);
                Action::Return(r)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if r {
                    return Ok(Action::Return(true));
                }
                self.repeats[ctx.aux].count = ctx.count - 1;
                self.ptr = ptr;
                Action::Return(false)
            }
            Jump::MaxUntil2 => {
                let rep = ctx.aux;
                self.repeats[rep].last_ptr = self.data.pop().ok_or(Error::Illegal)?;
                if r {
                    self.mark_discard(ctx.lastmark);
                    return Ok(Action::Return(true));
                }
                self.mark_pop(ctx.lastmark, true);
                self.restore_lastmark(&ctx);
                self.repeats[rep].count = ctx.count - 1;
                self.ptr = ptr;
                self.repeat = self.repeats[rep].prev;
                let toplevel = ctx.toplevel;
                return Ok(Self::call(stack, pc, ptr, pc, Jump::MaxUntil3, toplevel));
            }
            Jump::MaxUntil3 => {
                self.repeat = Some(ctx.aux);
                if r {
                    return Ok(Action::Return(true));
                }
                self.ptr = ptr;
                Action::Return(false)
            }
            Jump::MinUntil2 => {
                let rep = ctx.aux;
                let repeat_of_tail = self.repeat.is_some();
                self.repeat = Some(rep);
                if r {
                    if repeat_of_tail {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if repeat_of_tail {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.restore_lastmark(&ctx);
                self.ptr = ptr;
                let rpc = self.repeats[rep].pc;
                let max = self.w(rpc + 2)?;
                if (ctx.count >= max as isize && max != MAXREPEAT)
                    || self.ptr == self.repeats[rep].last_ptr
                {
                    return Ok(Action::Return(false));
                }
                self.repeats[rep].count = ctx.count;
                self.data.push(self.repeats[rep].last_ptr);
                self.repeats[rep].last_ptr = self.ptr;
                let toplevel = ctx.toplevel;
                return Ok(Self::call(
                    stack,
                    pc,
                    ptr,
                    rpc + 3,
                    Jump::MinUntil3,
                    toplevel,
                ));
            }
            Jump::MinUntil3 => {
                let rep = ctx.aux;
                self.repeats[rep].last_ptr = self.data.pop().ok_or(Error::Illegal)?;
                if r {
                    return Ok(Action::Return(true));
                }
                self.repeats[rep].count = ctx.count - 1;
                self.ptr = ptr;
                Action::Return(false)
            }
            Jump::PossRepeat1 => {
                if r {
                    stack[top].count += 1;
                    // Until the minimum, `ptr` stays the start; NONE once past it.
                    let next_ptr = if stack[top].count < self.w(pc + 1)? as isize {
                        ptr
                    } else {
                        NONE
                    };
                    return self.poss_repeat_next(stack, pc, next_ptr);
                }
                self.ptr = ptr;
                Action::Return(false)
            }
            Jump::PossRepeat2 => {
                if r {
                    self.mark_discard(ctx.lastmark);
                    stack[top].count += 1;
                    return self.poss_repeat_next(stack, pc, ptr);
                }
                self.mark_pop(ctx.lastmark, true);
                self.restore_lastmark(&ctx);
                self.ptr = ptr;
                let next = pc + self.w(pc)? as usize + 1;
                Action::Dispatch(next, self.ptr)
            }
            Jump::AtomicGroup => {
                if !r {
                    self.ptr = ptr;
                    return Ok(Action::Return(false));
                }
                let next = pc + self.w(pc)? as usize;
                Action::Dispatch(next, self.ptr)
            }
            Jump::Assert => {
                if !r {
                    return Ok(Action::Return(false));
                }
                let next = pc + self.w(pc)? as usize;
                Action::Dispatch(next, ptr)
            }
            Jump::AssertNot => {
                if !self.assert_not_restores {
                    if r {
                        return Ok(Action::Return(false));
                    }
                    let next = pc + self.w(pc)? as usize;
                    return Ok(Action::Dispatch(next, ptr));
                }
                if r {
                    if has_repeat {
                        self.mark_discard(ctx.lastmark);
                    }
                    return Ok(Action::Return(false));
                }
                if has_repeat {
                    self.mark_pop(ctx.lastmark, true);
                }
                self.restore_lastmark(&ctx);
                let next = pc + self.w(pc)? as usize;
                Action::Dispatch(next, ptr)
            }
        })
    }

    /// `match` (and `fullmatch` with `match_all`): the program at `self.start`.
    pub fn do_match(&mut self) -> R<bool> {
        self.ptr = self.start;
        if self.start > self.end {
            return Ok(false);
        }
        self.run(0, true)
    }

    /// `search`: the first position from `self.start` where the program matches; on
    /// success `self.start..self.ptr` is the match.
    pub fn search(&mut self) -> R<bool> {
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut prefix: Option<(usize, usize, usize)> = None;
        let mut charset: Option<usize> = None;
        let mut flags = 0;
        let mut min = 0usize;
        if self.is(0, Op::Info) {
            flags = self.w(2)?;
            min = self.w(3)? as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if flags & info::PREFIX != 0 {
                prefix = Some((self.w(5)? as usize, self.w(6)? as usize, 7));
            } else if flags & info::CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.w(1)? as usize;
        }
        if let Some((len, skip, at)) = prefix {
            self.must_advance = false;
            if len > end - ptr {
                return Ok(false);
            }
            while ptr + len <= end {
                let mut ok = true;
                for k in 0..len {
                    if self.ch(ptr + k) != self.w(at + k)? {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    self.start = ptr;
                    self.ptr = ptr + skip;
                    if flags & info::LITERAL != 0 {
                        self.ptr = ptr + len;
                        return Ok(true);
                    }
                    if self.run(pc + 2 * skip, false)? {
                        return Ok(true);
                    }
                    self.reset_between();
                }
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(set) = charset {
            self.must_advance = false;
            loop {
                while ptr < end && !self.charset(set, self.ch(ptr))? {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_between();
            }
        }
        let last = if min > 1 {
            (end + 1).saturating_sub(min).max(ptr)
        } else {
            end
        };
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status
            && self.is(pc, Op::At)
            && matches!(self.w(pc + 1)?, at::BEGINNING | at::BEGINNING_STRING)
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < last {
            ptr += 1;
            self.reset_between();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }
}

/// Whether an engine code word is a one-character test.
#[inline]
fn is_single(word: u32) -> bool {
    matches!(
        op_of(word),
        Some(
            Op::Literal
                | Op::NotLiteral
                | Op::Any
                | Op::AnyAll
                | Op::In
                | Op::Category
                | Op::LiteralIgnore
                | Op::NotLiteralIgnore
                | Op::LiteralUniIgnore
                | Op::NotLiteralUniIgnore
                | Op::LiteralLocIgnore
                | Op::NotLiteralLocIgnore
                | Op::InIgnore
                | Op::InUniIgnore
                | Op::InLocIgnore
        )
    )
}

/// The operation of an engine code word.
fn op_of(word: u32) -> Option<Op> {
    ALL_OPS.get(word as usize).copied()
}

/// Every [`Op`] in its engine numbering.
const ALL_OPS: [Op; 45] = [
    Op::Failure,
    Op::Success,
    Op::Any,
    Op::AnyAll,
    Op::Assert,
    Op::AssertNot,
    Op::At,
    Op::Branch,
    Op::Call,
    Op::Category,
    Op::Charset,
    Op::BigCharset,
    Op::Groupref,
    Op::GrouprefExists,
    Op::In,
    Op::Info,
    Op::Jump,
    Op::Literal,
    Op::Mark,
    Op::MaxUntil,
    Op::MinUntil,
    Op::NotLiteral,
    Op::Negate,
    Op::Range,
    Op::Repeat,
    Op::RepeatOne,
    Op::Subpattern,
    Op::MinRepeatOne,
    Op::AtomicGroup,
    Op::PossessiveRepeat,
    Op::PossessiveRepeatOne,
    Op::GrouprefIgnore,
    Op::InIgnore,
    Op::LiteralIgnore,
    Op::NotLiteralIgnore,
    Op::GrouprefLocIgnore,
    Op::InLocIgnore,
    Op::LiteralLocIgnore,
    Op::NotLiteralLocIgnore,
    Op::GrouprefUniIgnore,
    Op::InUniIgnore,
    Op::LiteralUniIgnore,
    Op::NotLiteralUniIgnore,
    Op::RangeUniIgnore,
    Op::RangeIgnore,
];
