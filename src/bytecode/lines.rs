//! Line tables: the four formats CPython has used, read into `co_lines()`-style ranges,
//! the line starts each version's `dis` prints, and 3.11+ source positions.
//!
//! - `lnotab` (≤3.5) and `lnotab_signed` (3.6–3.9): pairs (address increment u8, line
//!   increment), the line increment unsigned up to 3.5 and a signed byte from 3.6. The line
//!   of address `a` is `co_firstlineno` plus the line increments of every pair whose
//!   running address is ≤ `a` (`PyCode_Addr2Line` of those versions).
//! - `linetable` (3.10): pairs (byte delta u8, line delta s8), −128 meaning "no line".
//!   `co_lines()` yields every non-empty range, unmerged.
//! - `locations` (3.11+): entries of a header byte `1 cccc lll` covering `lll + 1` code
//!   units, then code-dependent bytes (see [`co_positions`]). `co_lines()` yields one
//!   range per entry in 3.11 and merges consecutive entries on the same line from 3.12.
//!
//! The line starts `dis` prints differ by version (see [`dis_line_starts`]): up to 3.9 it
//! walks `co_lnotab` itself, from 3.10 it reads `co_lines()`, and 3.13 also reports the
//! start of every range without a line (printed as `--`).

use crate::spec::{Encoding, LineTable, VersionSpec};

/// A run of bytecode `[start, end)` (byte offsets) attributed to one source line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRange {
    pub start: u32,
    pub end: u32,
    /// `None` for code that belongs to no line (3.10+).
    pub line: Option<i32>,
}

/// The source span of one code unit (3.11+ `co_positions()` entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

/// `co_lines()` of a code object: the ranges of its line table, in order.
///
/// For the lnotab formats (which have no `co_lines()` in their CPython) the ranges are
/// those `PyCode_Addr2Line` implies, merged where the line does not change, the last
/// one ending at `code_len`; ranges starting at or past `code_len` are dropped.
pub fn co_lines(
    spec: &VersionSpec,
    table: &[u8],
    firstlineno: i32,
    code_len: usize,
) -> Vec<LineRange> {
    match spec.linetable {
        LineTable::Lnotab => lnotab_ranges(table, firstlineno, false, code_len),
        LineTable::LnotabSigned => lnotab_ranges(table, firstlineno, true, code_len),
        LineTable::Linetable => linetable_ranges(table, firstlineno),
        LineTable::Locations => location_ranges(table, firstlineno, merges_ranges(spec)),
    }
}

fn lnotab_ranges(table: &[u8], firstlineno: i32, signed: bool, code_len: usize) -> Vec<LineRange> {
    let code_len = code_len as u32;
    let mut out: Vec<LineRange> = Vec::new();
    let mut addr: u32 = 0;
    let mut line = firstlineno;
    let mut push = |start: u32, end: u32, line: i32| {
        let end = end.min(code_len);
        if start >= end {
            return;
        }
        match out.last_mut() {
            Some(last) if last.line == Some(line) && last.end == start => last.end = end,
            _ => out.push(LineRange {
                start,
                end,
                line: Some(line),
            }),
        }
    };
    for pair in table.chunks_exact(2) {
        let step = u32::from(pair[0]);
        if step > 0 {
            push(addr, addr + step, line);
            addr += step;
        }
        line = line.wrapping_add(if signed {
            i32::from(pair[1] as i8)
        } else {
            i32::from(pair[1])
        });
    }
    push(addr, code_len, line);
    out
}

fn linetable_ranges(table: &[u8], firstlineno: i32) -> Vec<LineRange> {
    let mut out = Vec::new();
    let mut end: u32 = 0;
    let mut computed = firstlineno;
    for pair in table.chunks_exact(2) {
        let start = end;
        end += u32::from(pair[0]);
        let delta = pair[1] as i8;
        let line = if delta == -128 {
            None
        } else {
            computed = computed.wrapping_add(i32::from(delta));
            Some(computed)
        };
        if start != end {
            out.push(LineRange { start, end, line });
        }
    }
    out
}

/// One entry of a 3.11+ location table.
struct LocationEntry {
    /// Code units covered.
    units: u32,
    position: Position,
}

/// Reads a 3.11+ location table entry by entry. Malformed tails (a varint or column byte
/// cut off) end the iteration, as the table's end does.
struct LocationReader<'a> {
    table: &'a [u8],
    pos: usize,
    computed_line: i32,
}

impl<'a> LocationReader<'a> {
    fn new(table: &'a [u8], firstlineno: i32) -> Self {
        LocationReader {
            table,
            pos: 0,
            computed_line: firstlineno,
        }
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.table.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// Least significant 6-bit chunk first, 0x40 = more follows.
    fn varint(&mut self) -> Option<u32> {
        let mut read = self.byte()?;
        let mut val = u32::from(read & 63);
        let mut shift = 0u32;
        while read & 64 != 0 {
            read = self.byte()?;
            shift += 6;
            val |= u32::from(read & 63).checked_shl(shift).unwrap_or(0);
        }
        Some(val)
    }

    fn signed_varint(&mut self) -> Option<i32> {
        let u = self.varint()?;
        Some(if u & 1 != 0 {
            -((u >> 1) as i32)
        } else {
            (u >> 1) as i32
        })
    }

    fn opt(v: i32) -> Option<i32> {
        (v >= 0).then_some(v)
    }
}

impl Iterator for LocationReader<'_> {
    type Item = LocationEntry;

    fn next(&mut self) -> Option<LocationEntry> {
        let first = self.byte()?;
        let code = (first >> 3) & 15;
        let units = u32::from(first & 7) + 1;
        let position = match code {
            15 => Position::default(),
            14 => {
                let line = self.computed_line.wrapping_add(self.signed_varint()?);
                self.computed_line = line;
                let end_line = line.wrapping_add(self.varint()? as i32);
                let col = (self.varint()? as i32).wrapping_sub(1);
                let end_col = (self.varint()? as i32).wrapping_sub(1);
                Position {
                    line: Some(line),
                    end_line: Some(end_line),
                    col: Self::opt(col),
                    end_col: Self::opt(end_col),
                }
            }
            13 => {
                let line = self.computed_line.wrapping_add(self.signed_varint()?);
                self.computed_line = line;
                Position {
                    line: Some(line),
                    end_line: Some(line),
                    col: None,
                    end_col: None,
                }
            }
            10..=12 => {
                let line = self.computed_line.wrapping_add(i32::from(code - 10));
                self.computed_line = line;
                let col = i32::from(self.byte()?);
                let end_col = i32::from(self.byte()?);
                Position {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(end_col),
                }
            }
            _ => {
                let second = self.byte()?;
                let col = i32::from(code) * 8 + i32::from((second >> 4) & 7);
                Position {
                    line: Some(self.computed_line),
                    end_line: Some(self.computed_line),
                    col: Some(col),
                    end_col: Some(col + i32::from(second & 15)),
                }
            }
        };
        // Skip anything up to the next entry's header byte, as CPython does.
        while self.pos < self.table.len() && self.table[self.pos] & 0x80 == 0 {
            self.pos += 1;
        }
        Some(LocationEntry { units, position })
    }
}

/// 3.12+ `co_lines()` merges consecutive entries on the same line; 3.11's yields each.
fn merges_ranges(spec: &VersionSpec) -> bool {
    spec.format.major_minor >= (3, 12)
}

fn location_ranges(table: &[u8], firstlineno: i32, merge: bool) -> Vec<LineRange> {
    let mut out: Vec<LineRange> = Vec::new();
    let mut end: u32 = 0;
    for entry in LocationReader::new(table, firstlineno) {
        let start = end;
        end += 2 * entry.units;
        let line = entry.position.line;
        match out.last_mut() {
            Some(last) if merge && last.line == line => last.end = end,
            _ => out.push(LineRange { start, end, line }),
        }
    }
    out
}

/// `co_positions()`: the source span of every code unit (2 bytes of wordcode, 1 byte of
/// the variable encoding), `code_len` bytes in all.
///
/// Only the 3.11+ location table has columns; for older formats each unit gets the line
/// of its range (`line == end_line`, no columns). Units the table does not cover get
/// an empty position.
pub fn co_positions(
    spec: &VersionSpec,
    table: &[u8],
    firstlineno: i32,
    code_len: usize,
) -> Vec<Position> {
    let unit = if spec.encoding == Encoding::Wordcode {
        2
    } else {
        1
    };
    let n = code_len / unit;
    let mut out = Vec::with_capacity(n);
    if spec.linetable == LineTable::Locations {
        for entry in LocationReader::new(table, firstlineno) {
            for _ in 0..entry.units {
                out.push(entry.position);
            }
        }
    } else {
        for r in co_lines(spec, table, firstlineno, code_len) {
            while out.len() * unit < r.start as usize {
                out.push(Position::default());
            }
            let p = Position {
                line: r.line,
                end_line: r.line,
                col: None,
                end_col: None,
            };
            while out.len() * unit < r.end as usize {
                out.push(p);
            }
        }
    }
    out.resize(n, Position::default());
    out
}

/// The line of the instruction at byte `offset`, from `co_lines()` ranges.
pub fn line_at(ranges: &[LineRange], offset: u32) -> Option<i32> {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges
        .get(i)
        .filter(|r| r.start <= offset)
        .and_then(|r| r.line)
}

/// The `(offset, line)` pairs the version's `dis.findlinestarts` yields, in order.
///
/// - ≤3.9: `dis` walks `co_lnotab`: it reports the current line when an address
///   increment is seen and the line changed since the last report, then once more at the
///   end. Line increments are unsigned up to 3.5, signed from 3.6; from 3.8 the walk
///   stops at the first address past the end of the code.
/// - 3.10–3.12: the start of each `co_lines()` range whose line is known and differs
///   from the last reported one.
/// - 3.13: the start of each range whose line (known or `None`) differs from the
///   previous range's.
pub fn dis_line_starts(
    spec: &VersionSpec,
    table: &[u8],
    firstlineno: i32,
    code_len: usize,
) -> Vec<(u32, Option<i32>)> {
    let mm = spec.format.major_minor;
    match spec.linetable {
        LineTable::Lnotab | LineTable::LnotabSigned => {
            let signed = spec.linetable == LineTable::LnotabSigned;
            let stop_at_end = mm >= (3, 8);
            let mut out = Vec::new();
            let mut last: Option<i64> = None;
            let mut line = i64::from(firstlineno);
            let mut addr: u64 = 0;
            for pair in table.chunks_exact(2) {
                if pair[0] != 0 {
                    if last != Some(line) {
                        out.push((addr as u32, Some(line as i32)));
                        last = Some(line);
                    }
                    addr += u64::from(pair[0]);
                    if stop_at_end && addr >= code_len as u64 {
                        return out;
                    }
                }
                line += if signed {
                    i64::from(pair[1] as i8)
                } else {
                    i64::from(pair[1])
                };
            }
            if last != Some(line) {
                out.push((addr as u32, Some(line as i32)));
            }
            out
        }
        LineTable::Linetable | LineTable::Locations => {
            let ranges = co_lines(spec, table, firstlineno, code_len);
            let mut out = Vec::new();
            if mm >= (3, 13) {
                let mut last: Option<Option<i32>> = None;
                for r in ranges {
                    if last != Some(r.line) {
                        out.push((r.start, r.line));
                        last = Some(r.line);
                    }
                }
            } else {
                let mut last: Option<i32> = None;
                for r in ranges {
                    if r.line.is_some() && r.line != last {
                        out.push((r.start, r.line));
                        last = r.line;
                    }
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::version_by_id;

    fn v(id: &str) -> &'static VersionSpec {
        version_by_id(id).unwrap()
    }

    #[test]
    fn lnotab_walk_and_ranges() {
        // Line 10 at 0, +1 line at 6, a 2-pair jump of 300 lines at 10 (255 + 45).
        let table = [6, 1, 4, 255, 0, 45];
        let starts = dis_line_starts(v("2.7"), &table, 10, 20);
        assert_eq!(starts, vec![(0, Some(10)), (6, Some(11)), (10, Some(311))]);
        let r = co_lines(v("2.7"), &table, 10, 20);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[2],
            LineRange {
                start: 10,
                end: 20,
                line: Some(311)
            }
        );
        // Signed increments from 3.6: 0xff is -1.
        let starts = dis_line_starts(v("3.6"), &[4, 0xff], 10, 8);
        assert_eq!(starts, vec![(0, Some(10)), (4, Some(9))]);
        // 3.8 stops at the end of the code; 3.7 does not.
        let table = [4, 1, 4, 1];
        assert_eq!(dis_line_starts(v("3.7"), &table, 1, 4).len(), 3);
        assert_eq!(dis_line_starts(v("3.8"), &table, 1, 4).len(), 1);
    }

    #[test]
    fn linetable_310() {
        // 4 bytes on line 1+1, 0 bytes then 2 bytes no line, 2 bytes back to line 2.
        let table = [4, 1, 0, 3, 2, 0x80, 2, 0xfd];
        let r = co_lines(v("3.10"), &table, 1, 8);
        assert_eq!(
            r,
            vec![
                LineRange {
                    start: 0,
                    end: 4,
                    line: Some(2)
                },
                LineRange {
                    start: 4,
                    end: 6,
                    line: None
                },
                LineRange {
                    start: 6,
                    end: 8,
                    line: Some(2)
                },
            ]
        );
        assert_eq!(dis_line_starts(v("3.10"), &table, 1, 8), vec![(0, Some(2))]);
    }

    #[test]
    fn locations_311() {
        // Short form (code 0): 1 unit, col 3..5 on the first line; one-line form
        // (code 11): 2 units on line +1, cols 4..9; no-location (15): 1 unit; long
        // form (14): 1 unit, line -1, end line +2, cols 0..1.
        let table = [
            0x80,
            0x32, // short: code 0, col 0*8+3, len 2
            0x80 | 11 << 3 | 1,
            4,
            9,              // one line +1
            0x80 | 15 << 3, // none
            0x80 | 14 << 3,
            3,
            2,
            1,
            2, // long: delta -1, end +2, col 0, end col 1
        ];
        let p = co_positions(v("3.11"), &table, 5, 10);
        assert_eq!(
            p[0],
            Position {
                line: Some(5),
                end_line: Some(5),
                col: Some(3),
                end_col: Some(5)
            }
        );
        assert_eq!(p[1].line, Some(6));
        assert_eq!(p[2], p[1]);
        assert_eq!(p[3], Position::default());
        assert_eq!(
            p[4],
            Position {
                line: Some(5),
                end_line: Some(7),
                col: Some(0),
                end_col: Some(1)
            }
        );
        let r = co_lines(v("3.12"), &table, 5, 10);
        assert_eq!(r.len(), 4);
        assert_eq!(co_lines(v("3.11"), &table, 5, 10).len(), 4);
        let same_line = [0x80, 0x32, 0x80, 0x32];
        assert_eq!(co_lines(v("3.11"), &same_line, 5, 4).len(), 2);
        assert_eq!(co_lines(v("3.12"), &same_line, 5, 4).len(), 1);
        assert_eq!(dis_line_starts(v("3.12"), &table, 5, 10).len(), 3);
        assert_eq!(
            dis_line_starts(v("3.13"), &table, 5, 10),
            vec![(0, Some(5)), (2, Some(6)), (6, None), (8, Some(5))]
        );
        assert_eq!(line_at(&r, 7), None);
        assert_eq!(line_at(&r, 3), Some(6));
    }
}
