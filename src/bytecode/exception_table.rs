//! The 3.11+ exception table (`co_exceptiontable`).
//!
//! A sequence of entries, each four varints: start and length of the protected range and
//! the handler's target (all in code units), then `depth << 1 | lasti`. A varint is a
//! run of bytes carrying 6 bits each, most significant chunk first; bit 0x40 says another
//! byte follows, and bit 0x80 marks the first byte of an entry (ignored when reading,
//! as CPython's `dis` does). Offsets are returned in bytes.

use std::fmt;

/// One protected range and its handler, offsets in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First byte offset covered.
    pub start: u32,
    /// Byte offset just past the covered range.
    pub end: u32,
    /// Byte offset of the handler.
    pub target: u32,
    /// The value stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed too.
    pub lasti: bool,
}

/// A table that ends inside an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionTableError {
    /// Byte offset in `co_exceptiontable` where the incomplete entry starts.
    pub offset: usize,
}

impl fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "exception table ends inside an entry (at byte {} of the table)",
            self.offset
        )
    }
}

impl std::error::Error for ExceptionTableError {}

fn varint(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *table.get(*pos)?;
    *pos += 1;
    let mut val = u32::from(b & 63);
    while b & 64 != 0 {
        b = *table.get(*pos)?;
        *pos += 1;
        val = val.wrapping_shl(6) | u32::from(b & 63);
    }
    Some(val)
}

/// Parses a whole exception table.
pub fn parse_exception_table(
    table: &[u8],
) -> Result<Vec<ExceptionTableEntry>, ExceptionTableError> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < table.len() {
        let entry_start = pos;
        let mut next = || {
            varint(table, &mut pos).ok_or(ExceptionTableError {
                offset: entry_start,
            })
        };
        let start = next()?.wrapping_mul(2);
        let length = next()?.wrapping_mul(2);
        let target = next()?.wrapping_mul(2);
        let dl = next()?;
        out.push(ExceptionTableEntry {
            start,
            end: start.wrapping_add(length),
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries() {
        // start 2, length 3, target 70 (= 1 << 6 | 6, two bytes), depth 1 with lasti.
        let table = [0x80 | 2, 3, 0x40 | 1, 6, 3];
        let e = parse_exception_table(&table).unwrap();
        assert_eq!(
            e,
            vec![ExceptionTableEntry {
                start: 4,
                end: 10,
                target: 140,
                depth: 1,
                lasti: true
            }]
        );
    }

    #[test]
    fn truncated_entry_is_an_error() {
        let table = [0x80 | 2, 3, 0x80 | 1];
        assert_eq!(
            parse_exception_table(&table),
            Err(ExceptionTableError { offset: 0 })
        );
        let table = [0x80, 1, 2, 0, 0x80 | 1];
        assert_eq!(
            parse_exception_table(&table),
            Err(ExceptionTableError { offset: 4 })
        );
    }
}
