//! The operations of a pattern in terms of spans, independent of Python objects: one
//! match (`match`, `fullmatch`, `search`) and the successive matches behind `finditer`,
//! `findall`, `sub` and `split`, with each version's rule for empty matches (3.7+: an
//! empty match may directly follow a non-empty one, and is never at the same place as
//! the previous match; 3.6: after an empty match the search moves on one character,
//! `sub` drops an empty match adjacent to the previous match and `split` never splits on
//! an empty match).

use super::compile::Program;
use super::constants::{Op, SreVersion};
use super::engine::{Error, State, Unit};

/// A successful match: the span of the whole match and of every group (`(-1, -1)` for
/// a group that did not take part), and `lastindex` (-1 for none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regs {
    pub spans: Vec<(isize, isize)>,
    pub lastindex: isize,
}

impl Regs {
    pub fn of<T: Unit>(st: &State<'_, T>, groups: usize) -> Regs {
        let mut spans = Vec::with_capacity(groups + 1);
        spans.push((st.start as isize, st.ptr as isize));
        for g in 1..=groups {
            spans.push(match st.group_span(g) {
                Some((s, e)) => (s as isize, e as isize),
                None => (-1, -1),
            });
        }
        Regs {
            spans,
            lastindex: st.lastindex,
        }
    }

    pub fn span(&self, g: usize) -> Option<(usize, usize)> {
        match self.spans.get(g) {
            Some(&(s, e)) if s >= 0 && e >= 0 => Some((s as usize, e as usize)),
            _ => None,
        }
    }
}

/// Which single-match operation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

/// `pos`/`endpos` as CPython clamps them (negative counts from 0, beyond the end is the end).
pub fn clamp(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let clip = |v: i64| -> usize {
        if v < 0 {
            0
        } else {
            (v as u64).min(len as u64) as usize
        }
    };
    (clip(pos), clip(endpos))
}

/// One match attempt.
pub fn once<T: Unit>(
    version: &SreVersion,
    prog: &Program,
    text: &[T],
    pos: usize,
    endpos: usize,
    mode: Mode,
) -> Result<Option<Regs>, Error> {
    if pos > endpos {
        return Ok(None);
    }
    let mut st = State::new(version, prog, text, pos, endpos);
    let ok = match mode {
        Mode::Match => st.do_match()?,
        Mode::FullMatch => {
            st.match_all = true;
            st.do_match()?
        }
        Mode::Search => st.search()?,
    };
    Ok(ok.then(|| Regs::of(&st, prog.groups)))
}

/// What the successive matches are for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Purpose {
    /// `finditer`, `findall`, `scanner`.
    Iterate,
    Sub,
    Split,
}

/// Successive matches over a string.
pub struct Matches<'a, T: Unit> {
    state: State<'a, T>,
    version: SreVersion,
    groups: usize,
    purpose: Purpose,
    done: bool,
    /// End of the previous match yielded (for 3.6's `sub`).
    prev_end: Option<usize>,
    /// The span of the last match found.
    last: (isize, isize),
}

impl<'a, T: Unit> Matches<'a, T> {
    pub fn new(
        version: &SreVersion,
        prog: &'a Program,
        text: &'a [T],
        pos: usize,
        endpos: usize,
        purpose: Purpose,
    ) -> Matches<'a, T> {
        let mut state = State::new(version, prog, text, pos, endpos);
        let done = pos > endpos;
        state.start = pos;
        Matches {
            state,
            version: *version,
            groups: prog.groups,
            purpose,
            done,
            prev_end: None,
            last: (-1, -1),
        }
    }

    /// Continues from a saved position (a scanner's).
    pub fn resume(&mut self, start: usize, must_advance: bool) {
        self.state.start = start;
        self.state.must_advance = must_advance;
    }

    /// (start, must_advance, done): the position to save.
    pub fn position(&self) -> (usize, bool, bool) {
        (self.state.start, self.state.must_advance, self.done)
    }

    /// A match anchored at the current position (`scanner().match()`); the position
    /// moves past it, and a failure ends the scanner.
    pub fn next_anchored(&mut self) -> Result<Option<Regs>, Error> {
        if self.done || self.state.start > self.state.end {
            self.done = true;
            return Ok(None);
        }
        self.state.reset();
        if !self.state.do_match()? {
            self.done = true;
            return Ok(None);
        }
        let regs = Regs::of(&self.state, self.groups);
        let (b, e) = (self.state.start, self.state.ptr);
        if self.version.empty_match_after_match() {
            self.state.must_advance = e == b;
            self.state.start = e;
        } else {
            self.state.start = if e == b { e + 1 } else { e };
        }
        Ok(Some(regs))
    }

    /// The next match, or None when there are no more.
    pub fn next_match(&mut self) -> Result<Option<Regs>, Error> {
        Ok(self.advance()?.then(|| self.last_regs()))
    }

    /// The next match's spans (group 0 first), then `(lastindex, 0)`, appended to `out`;
    /// false when there are no more. Saves an allocation per match for the bulk
    /// operations.
    pub fn next_spans(&mut self, out: &mut Vec<(isize, isize)>) -> Result<bool, Error> {
        if !self.advance()? {
            return Ok(false);
        }
        out.push(self.last);
        for g in 1..=self.groups {
            out.push(match self.state.group_span(g) {
                Some((s, e)) => (s as isize, e as isize),
                None => (-1, -1),
            });
        }
        out.push((self.state.lastindex, 0));
        Ok(true)
    }

    fn last_regs(&self) -> Regs {
        let mut r = Regs::of(&self.state, self.groups);
        r.spans[0] = self.last;
        r
    }

    /// Finds the next match; its span is `self.last` and its groups are in the state.
    fn advance(&mut self) -> Result<bool, Error> {
        let modern = self.version.empty_match_after_match();
        loop {
            if self.done || self.state.start > self.state.end {
                self.done = true;
                return Ok(false);
            }
            self.state.reset();
            self.state.ptr = self.state.start;
            if !self.state.search()? {
                self.done = true;
                return Ok(false);
            }
            let (b, e) = (self.state.start, self.state.ptr);
            self.last = (b as isize, e as isize);
            if modern {
                self.state.must_advance = e == b;
                self.state.start = e;
                return Ok(true);
            }
            // 3.6 and older.
            let empty = b == e;
            if self.purpose == Purpose::Split && empty {
                if e == self.state.end {
                    self.done = true;
                    return Ok(false);
                }
                self.state.start = e + 1;
                continue;
            }
            self.state.start = if empty { e + 1 } else { e };
            if self.purpose == Purpose::Sub && empty && self.prev_end == Some(b) {
                continue;
            }
            self.prev_end = Some(e);
            return Ok(true);
        }
    }
}

/// What 3.6 thinks of `split` with a pattern that can match the empty string.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SplitCheck {
    Fine,
    /// It can match the empty string: FutureWarning.
    Warn,
    /// It can only match the empty string: ValueError.
    Refuse,
}

/// 3.6's check of a pattern given to `split` (3.7+ accepts every pattern).
pub fn split_check(version: &SreVersion, prog: &Program) -> SplitCheck {
    if version.empty_match_after_match() {
        return SplitCheck::Fine;
    }
    let c = &prog.code;
    if c.first() == Some(&Op::Info.code()) && c.get(3) == Some(&0) {
        if c.get(4) == Some(&0) {
            return SplitCheck::Refuse;
        }
        return SplitCheck::Warn;
    }
    SplitCheck::Fine
}
