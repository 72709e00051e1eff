//! Per-character Unicode properties as the running CPython version's database has them
//! (see `unicode_db`, generated from the real interpreters): the predicates behind the
//! str `is...` methods, decimal values, and full case mappings (lower/upper/title/fold).
//!
//! `minor` arguments are the 3.x minor version; older versions use 3.6's data and newer
//! ones 3.13's.

use super::unicode_db::{CASES, COMBOS, FIRST_MINOR, PROPS, RUNS, VERSIONS};

pub const ALPHA: u16 = 1;
pub const DECIMAL: u16 = 2;
pub const DIGIT: u16 = 4;
pub const NUMERIC: u16 = 8;
pub const SPACE: u16 = 16;
pub const LOWER: u16 = 32;
pub const UPPER: u16 = 64;
/// Titlecase letter (category Lt).
pub const TITLE: u16 = 128;
pub const CASE_IGNORABLE: u16 = 256;
pub const XID_START: u16 = 512;
pub const XID_CONTINUE: u16 = 1024;

fn column(minor: u8) -> usize {
    (minor.max(FIRST_MINOR) - FIRST_MINOR).min(VERSIONS as u8 - 1) as usize
}

fn props(cp: u32, minor: u8) -> (u16, i8) {
    let i = RUNS.partition_point(|&(start, _)| start <= cp);
    if i == 0 {
        return (0, -1);
    }
    let combo = RUNS[i - 1].1 as usize;
    PROPS[COMBOS[combo][column(minor)] as usize]
}

/// The property flags of a code point.
#[inline]
pub fn flags(cp: u32, minor: u8) -> u16 {
    props(cp, minor).0
}

pub fn has(cp: u32, minor: u8, flag: u16) -> bool {
    flags(cp, minor) & flag != 0
}

pub fn is_space(cp: u32, minor: u8) -> bool {
    has(cp, minor, SPACE)
}

pub fn is_cased(cp: u32, minor: u8) -> bool {
    has(cp, minor, LOWER | UPPER | TITLE)
}

/// The decimal digit value of a code point (Unicode category Nd).
pub fn decimal(cp: u32, minor: u8) -> Option<u8> {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit().then(|| cp as u8 - b'0');
    }
    let d = props(cp, minor).1;
    (d >= 0).then_some(d as u8)
}

/// Which case mapping.
#[derive(Clone, Copy)]
pub enum Case {
    Lower,
    Upper,
    Title,
    Fold,
}

/// Appends the full case mapping of `cp` (one to three code points) to `out`.
pub fn map_case(cp: u32, minor: u8, case: Case, out: &mut Vec<u32>) {
    if cp < 0x80 {
        let c = cp as u8;
        out.push(match case {
            Case::Lower | Case::Fold => c.to_ascii_lowercase(),
            Case::Upper | Case::Title => c.to_ascii_uppercase(),
        } as u32);
        return;
    }
    let bit = 1u8 << column(minor);
    let start = CASES.partition_point(|row| row.0 < cp);
    for row in &CASES[start..] {
        if row.0 != cp {
            break;
        }
        if row.1 & bit != 0 {
            let s = match case {
                Case::Lower => row.2,
                Case::Upper => row.3,
                Case::Title => row.4,
                Case::Fold => row.5,
            };
            out.extend(s.chars().map(|c| c as u32));
            return;
        }
    }
    out.push(cp);
}

/// True when the character has a case mapping of that kind different from itself.
pub fn changes_case(cp: u32, minor: u8, case: Case) -> bool {
    let mut v = Vec::with_capacity(3);
    map_case(cp, minor, case, &mut v);
    v.len() != 1 || v[0] != cp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties() {
        assert!(has('é' as u32, 13, ALPHA | LOWER));
        assert_eq!(decimal(0x663, 13), Some(3));
        let mut v = Vec::new();
        map_case('ß' as u32, 13, Case::Upper, &mut v);
        assert_eq!(v, vec!['S' as u32, 'S' as u32]);
        assert!(is_space(0x3000, 6));
        // Georgian Mkhedruli gained uppercase forms in Unicode 11 (3.7).
        assert!(!changes_case(0x10D0, 6, Case::Upper));
        assert!(changes_case(0x10D0, 7, Case::Upper));
    }
}
