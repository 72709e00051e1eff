//! Character classes and case mappings as `_sre` sees them: ASCII (C `ctype` on 0–127),
//! locale (the C locale: ASCII rules on 0–255) and Unicode (the running version's database,
//! `crate::builtins::unicode`, with the one-character case mappings that
//! `Py_UNICODE_TOLOWER`/`TOUPPER` give, derived from the full mappings).

use super::constants::category;
use crate::builtins::unicode::{self as uni, Case};

/// Which case rules a pattern uses (3.6 and older choose them from the pattern's flags).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CaseRules {
    Ascii,
    Locale,
    Unicode,
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// `tolower` in the C locale, on values below 256 only.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// `Py_UNICODE_TOLOWER`: the first character of the full lowercase mapping (CPython's
/// one-character case functions return that for characters with longer mappings, e.g.
/// U+0130 gives 'i').
pub fn lower_unicode(ch: u32, minor: u8) -> u32 {
    if ch < 0x80 {
        return lower_ascii(ch);
    }
    first_of(ch, minor, Case::Lower)
}

/// `Py_UNICODE_TOUPPER`: the first character of the full uppercase mapping ('ß' gives 'S').
pub fn upper_unicode(ch: u32, minor: u8) -> u32 {
    if ch < 0x80 {
        return upper_ascii(ch);
    }
    first_of(ch, minor, Case::Upper)
}

fn first_of(ch: u32, minor: u8, case: Case) -> u32 {
    let mut v = Vec::with_capacity(3);
    uni::map_case(ch, minor, case, &mut v);
    v.first().copied().unwrap_or(ch)
}

pub fn lower(rules: CaseRules, ch: u32, minor: u8) -> u32 {
    match rules {
        CaseRules::Ascii => lower_ascii(ch),
        CaseRules::Locale => lower_locale(ch),
        CaseRules::Unicode => lower_unicode(ch, minor),
    }
}

pub fn upper(rules: CaseRules, ch: u32, minor: u8) -> u32 {
    match rules {
        CaseRules::Ascii => upper_ascii(ch),
        CaseRules::Locale => upper_locale(ch),
        CaseRules::Unicode => upper_unicode(ch, minor),
    }
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

#[inline]
fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 0x80 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

pub fn is_uni_word(ch: u32, minor: u8) -> bool {
    if ch < 0x80 {
        return is_word(ch);
    }
    uni::has(
        ch,
        minor,
        uni::ALPHA | uni::DECIMAL | uni::DIGIT | uni::NUMERIC,
    )
}

fn is_uni_linebreak(ch: u32) -> bool {
    matches!(
        ch,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

fn is_uni_space(ch: u32, minor: u8) -> bool {
    if ch < 0x80 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    uni::is_space(ch, minor)
}

fn is_uni_digit(ch: u32, minor: u8) -> bool {
    uni::decimal(ch, minor).is_some()
}

/// `sre_category`: whether `ch` is in the class `code` (an odd code is the negation).
/// Unknown codes are never matched.
pub fn in_category(code: u32, ch: u32, minor: u8) -> bool {
    if code >= category::COUNT {
        return false;
    }
    let base = code & !1;
    let yes = match base {
        category::DIGIT => is_digit(ch),
        category::SPACE => is_space(ch),
        category::WORD => is_word(ch),
        category::LINEBREAK => is_linebreak(ch),
        category::LOC_WORD => is_loc_word(ch),
        category::UNI_DIGIT => is_uni_digit(ch, minor),
        category::UNI_SPACE => is_uni_space(ch, minor),
        category::UNI_WORD => is_uni_word(ch, minor),
        _ => is_uni_linebreak(ch),
    };
    yes != (code & 1 == 1)
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased`.
pub fn unicode_iscased(ch: u32, minor: u8) -> bool {
    ch != lower_unicode(ch, minor) || ch != upper_unicode(ch, minor)
}
