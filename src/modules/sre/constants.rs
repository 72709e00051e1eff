//! The per-version facts of CPython's `_sre`: the numbering of the SRE code words (opcodes,
//! position codes, category codes), `MAGIC`, `MAXREPEAT`, `MAXGROUPS`, and the few
//! behaviours of the engine that changed between versions.
//!
//! The opcode numbering is the order of each version's `OPCODES` list in
//! `sre_constants.py` (3.6–3.10) or `re/_constants.py` (3.11+): three eras, 3.6 (2.7 is
//! 3.6 without `RANGE_IGNORE`), 3.7–3.10 (the `*_IGNORE` families moved to the end and
//! `*_LOC_IGNORE`/`*_UNI_IGNORE` added) and 3.11+ (`CALL` removed; `ATOMIC_GROUP`,
//! `POSSESSIVE_REPEAT`, `POSSESSIVE_REPEAT_ONE` added). `ATCODES` and `CHCODES` are the
//! same in every version. This is regex code, not Python bytecode, so it lives here and
//! not in `spec/`. `compile::translate` maps a version's numbers to [`Op`] once, when a
//! pattern is compiled; the engine only sees [`Op`].

/// The SRE operations, version-independent (the engine's numbering is `Op as u32`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Op {
    Failure,
    Success,
    Any,
    AnyAll,
    Assert,
    AssertNot,
    At,
    Branch,
    Call,
    Category,
    Charset,
    BigCharset,
    Groupref,
    GrouprefExists,
    In,
    Info,
    Jump,
    Literal,
    Mark,
    MaxUntil,
    MinUntil,
    NotLiteral,
    Negate,
    Range,
    Repeat,
    RepeatOne,
    Subpattern,
    MinRepeatOne,
    AtomicGroup,
    PossessiveRepeat,
    PossessiveRepeatOne,
    GrouprefIgnore,
    InIgnore,
    LiteralIgnore,
    NotLiteralIgnore,
    GrouprefLocIgnore,
    InLocIgnore,
    LiteralLocIgnore,
    NotLiteralLocIgnore,
    GrouprefUniIgnore,
    InUniIgnore,
    LiteralUniIgnore,
    NotLiteralUniIgnore,
    RangeUniIgnore,
    /// 3.6's `RANGE_IGNORE` (the 3.7+ `RANGE_UNI_IGNORE` with the pattern's case rules).
    RangeIgnore,
}

impl Op {
    /// The engine's code word for this operation.
    #[inline]
    pub const fn code(self) -> u32 {
        self as u32
    }
}

use Op::*;

/// `sre_constants.OPCODES` of 2.7.
const OPCODES_27: &[Op] = &[
    Failure,
    Success,
    Any,
    AnyAll,
    Assert,
    AssertNot,
    At,
    Branch,
    Call,
    Category,
    Charset,
    BigCharset,
    Groupref,
    GrouprefExists,
    GrouprefIgnore,
    In,
    InIgnore,
    Info,
    Jump,
    Literal,
    LiteralIgnore,
    Mark,
    MaxUntil,
    MinUntil,
    NotLiteral,
    NotLiteralIgnore,
    Negate,
    Range,
    Repeat,
    RepeatOne,
    Subpattern,
    MinRepeatOne,
];

/// `sre_constants.OPCODES` of 3.6.
const OPCODES_36: &[Op] = &[
    Failure,
    Success,
    Any,
    AnyAll,
    Assert,
    AssertNot,
    At,
    Branch,
    Call,
    Category,
    Charset,
    BigCharset,
    Groupref,
    GrouprefExists,
    GrouprefIgnore,
    In,
    InIgnore,
    Info,
    Jump,
    Literal,
    LiteralIgnore,
    Mark,
    MaxUntil,
    MinUntil,
    NotLiteral,
    NotLiteralIgnore,
    Negate,
    Range,
    Repeat,
    RepeatOne,
    Subpattern,
    MinRepeatOne,
    RangeIgnore,
];

/// `sre_constants.OPCODES` of 3.7–3.10.
const OPCODES_37: &[Op] = &[
    Failure,
    Success,
    Any,
    AnyAll,
    Assert,
    AssertNot,
    At,
    Branch,
    Call,
    Category,
    Charset,
    BigCharset,
    Groupref,
    GrouprefExists,
    In,
    Info,
    Jump,
    Literal,
    Mark,
    MaxUntil,
    MinUntil,
    NotLiteral,
    Negate,
    Range,
    Repeat,
    RepeatOne,
    Subpattern,
    MinRepeatOne,
    GrouprefIgnore,
    InIgnore,
    LiteralIgnore,
    NotLiteralIgnore,
    GrouprefLocIgnore,
    InLocIgnore,
    LiteralLocIgnore,
    NotLiteralLocIgnore,
    GrouprefUniIgnore,
    InUniIgnore,
    LiteralUniIgnore,
    NotLiteralUniIgnore,
    RangeUniIgnore,
];

/// `re._constants.OPCODES` of 3.11–3.13.
const OPCODES_311: &[Op] = &[
    Failure,
    Success,
    Any,
    AnyAll,
    Assert,
    AssertNot,
    At,
    Branch,
    Category,
    Charset,
    BigCharset,
    Groupref,
    GrouprefExists,
    In,
    Info,
    Jump,
    Literal,
    Mark,
    MaxUntil,
    MinUntil,
    NotLiteral,
    Negate,
    Range,
    Repeat,
    RepeatOne,
    Subpattern,
    MinRepeatOne,
    AtomicGroup,
    PossessiveRepeat,
    PossessiveRepeatOne,
    GrouprefIgnore,
    InIgnore,
    LiteralIgnore,
    NotLiteralIgnore,
    GrouprefLocIgnore,
    InLocIgnore,
    LiteralLocIgnore,
    NotLiteralLocIgnore,
    GrouprefUniIgnore,
    InUniIgnore,
    LiteralUniIgnore,
    NotLiteralUniIgnore,
    RangeUniIgnore,
];

/// `ATCODES` (every version): the operand of `AT`.
pub mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

/// `CHCODES` (every version): the operand of `CATEGORY`, in pairs (class, negation).
pub mod category {
    pub const DIGIT: u32 = 0;
    pub const SPACE: u32 = 2;
    pub const WORD: u32 = 4;
    pub const LINEBREAK: u32 = 6;
    pub const LOC_WORD: u32 = 8;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_LINEBREAK: u32 = 16;
    /// One past the last code.
    pub const COUNT: u32 = 18;
}

/// `SRE_INFO_*` flags of the `INFO` block.
pub mod info {
    pub const PREFIX: u32 = 1;
    pub const LITERAL: u32 = 2;
    pub const CHARSET: u32 = 4;
}

/// `SRE_FLAG_*` bits of a pattern's flags that the engine reads.
pub mod flag {
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const UNICODE: u32 = 32;
}

/// What differs between versions of `_sre`.
#[derive(Clone, Copy, Debug)]
pub struct SreVersion {
    /// 3.x minor version (2.7 is 7 with `py2`); also picks the Unicode database.
    pub minor: u8,
    pub py2: bool,
    /// The numbering of the code words.
    pub opcodes: &'static [Op],
    pub magic: u32,
    pub maxrepeat: u32,
    pub maxgroups: u32,
}

impl SreVersion {
    /// The `_sre` of CPython `major.minor` (versions outside 2.7/3.6–3.13 get the nearest).
    pub fn of(major: u8, minor: u8) -> SreVersion {
        if major == 2 {
            return SreVersion {
                minor: 7,
                py2: true,
                opcodes: OPCODES_27,
                magic: 20031017,
                maxrepeat: u32::MAX,
                maxgroups: i32::MAX as u32,
            };
        }
        let (opcodes, magic) = match minor {
            0..=6 => (OPCODES_36, 20140917),
            7..=10 => (OPCODES_37, 20171005),
            11 => (OPCODES_311, 20220615),
            12 => (OPCODES_311, 20221023),
            _ => (OPCODES_311, 20230612),
        };
        let maxgroups = if minor >= 11 {
            i32::MAX as u32 / 2
        } else {
            i32::MAX as u32
        };
        let maxrepeat = u32::MAX;
        SreVersion {
            minor,
            py2: false,
            opcodes,
            magic,
            maxrepeat,
            maxgroups,
        }
    }

    /// 3.7 changed empty matches: one may follow a non-empty match directly (sub, split,
    /// findall, finditer), and split splits on empty matches.
    pub fn empty_match_after_match(&self) -> bool {
        !self.py2 && self.minor >= 7
    }

    /// The case-insensitive opcodes of 3.6 and older compare with the pattern's own
    /// lower/upper functions (`getlower`); 3.7+ has one opcode per case rule.
    pub fn case_by_pattern_flags(&self) -> bool {
        self.py2 || self.minor < 7
    }

    /// 3.11+: a negative lookahead/lookbehind whose body failed restores the marks its
    /// body set (older engines leave them, visible as groups of the match).
    pub fn assert_not_restores_marks(&self) -> bool {
        !self.py2 && self.minor >= 11
    }

    /// 3.7+: a search forgets the groups of a failed attempt before trying the next
    /// position (older engines keep `lastmark`, so stale marks can show).
    pub fn search_resets_between_positions(&self) -> bool {
        !self.py2 && self.minor >= 7
    }

    /// 3.7+: `copy.copy`/`copy.deepcopy` of a pattern or match return it; older
    /// versions refuse ("cannot copy this pattern object").
    pub fn copyable(&self) -> bool {
        !self.py2 && self.minor >= 7
    }

    /// The operation a code word stands for in this version.
    pub fn op(&self, word: u32) -> Option<Op> {
        self.opcodes.get(word as usize).copied()
    }

    /// The code word of an operation in this version (for `OPCODES`-style tables).
    pub fn word(&self, op: Op) -> Option<u32> {
        self.opcodes.iter().position(|o| *o == op).map(|i| i as u32)
    }
}
