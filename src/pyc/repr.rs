//! `repr()` of constants, exactly as each CPython version prints them.
//!
//! The rules that differ by version:
//! - floats: shortest round-trip digits (2.7, 3.1+) or C's `%.17g` (2.4–2.6, 3.0); both
//!   switch to exponent notation at the same thresholds as CPython (`1e+16`, `1e-05`);
//! - complex: parts without `.0`, real part dropped when it is +0.0 (2.4–2.6, 3.0: when
//!   it is 0.0 of either sign);
//! - text: 3.x escapes what `str.isprintable()` rejects, which depends on each release's
//!   Unicode database ([`super::printable`]); 2.x `unicode` escapes everything non-ASCII
//!   and is prefixed `u`; 2.x `str` has no `b` prefix;
//! - 2.x `long` ends in `L`; 2.x sets print `set([...])`, 3.x `{...}`;
//! - the `StopIteration` class prints as a class of that version.
//!
//! Dict, set and frozenset elements print in marshal order; CPython prints them in its hash
//! table order, which for a rebuilt set may differ (string hashes are randomized anyway).

use super::code::{CodeObject, Constant};
use super::printable;
use super::text;
use std::fmt::Write;

const HEX: &[u8; 16] = b"0123456789abcdef";

pub(crate) fn write_repr(c: &Constant, version: (u8, u8), out: &mut String) {
    let py2 = version.0 == 2;
    match c {
        Constant::Null => out.push_str("<NULL>"),
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::StopIteration if py2 => out.push_str("<type 'exceptions.StopIteration'>"),
        Constant::StopIteration => out.push_str("<class 'StopIteration'>"),
        Constant::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Constant::BigInt(i) => {
            let _ = write!(out, "{i}");
        }
        Constant::Long(i) => {
            let _ = write!(out, "{i}L");
        }
        Constant::Float(x) => float_repr(*x, version, out),
        Constant::Complex(re, im) => complex_repr(*re, *im, version, out),
        Constant::Bytes(b) => bytes_repr(b, if py2 { "" } else { "b" }, out),
        Constant::Str(s) => text_repr(s.chars().map(|c| c as u32), version, out),
        Constant::SurrogateStr(b) => text_repr(text::code_points(b), version, out),
        Constant::Tuple(items) => {
            out.push('(');
            write_items(items, version, out);
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::List(items) => {
            out.push('[');
            write_items(items, version, out);
            out.push(']');
        }
        Constant::Dict(pairs) => {
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(k, version, out);
                out.push_str(": ");
                write_repr(v, version, out);
            }
            out.push('}');
        }
        Constant::Set(items) => set_repr("set", items, version, out),
        Constant::FrozenSet(items) => set_repr("frozenset", items, version, out),
        Constant::Code(code) => code_repr(code, py2, out),
        Constant::Slice(parts) => {
            out.push_str("slice(");
            write_items(&parts[..], version, out);
            out.push(')');
        }
    }
}

fn write_items(items: &[Constant], version: (u8, u8), out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(item, version, out);
    }
}

/// 2.x: `set([1, 2])`, `frozenset([])`; 3.x: `{1, 2}`, `set()`, `frozenset({1, 2})`.
fn set_repr(type_name: &str, items: &[Constant], version: (u8, u8), out: &mut String) {
    if version.0 == 2 {
        out.push_str(type_name);
        out.push_str("([");
        write_items(items, version, out);
        out.push_str("])");
        return;
    }
    let wrapped = type_name != "set";
    if items.is_empty() {
        out.push_str(type_name);
        out.push_str("()");
        return;
    }
    if wrapped {
        out.push_str(type_name);
        out.push('(');
    }
    out.push('{');
    write_items(items, version, out);
    out.push('}');
    if wrapped {
        out.push(')');
    }
}

fn code_repr(code: &std::rc::Rc<CodeObject>, py2: bool, out: &mut String) {
    let line = if code.firstlineno != 0 {
        code.firstlineno
    } else {
        -1
    };
    let ptr = std::rc::Rc::as_ptr(code);
    if py2 {
        // 2.x formats with "%.100s" and "%.300s".
        let name: String = code.name.chars().take(100).collect();
        let file: String = code.filename.chars().take(300).collect();
        let _ = write!(
            out,
            "<code object {name} at {ptr:p}, file \"{file}\", line {line}>"
        );
    } else {
        let _ = write!(
            out,
            "<code object {} at {ptr:p}, file \"{}\", line {line}>",
            code.name, code.filename
        );
    }
}

/// Versions whose float repr is C's `%.17g` rather than the shortest round-trip form.
fn legacy_float_repr(version: (u8, u8)) -> bool {
    matches!(version, (2, 0..=6) | (3, 0))
}

fn float_repr(x: f64, version: (u8, u8), out: &mut String) {
    if legacy_float_repr(version) {
        let start = out.len();
        format_g17(x, false, out);
        // 2.x/3.0 `format_float`: a result of only digits gets ".0".
        let body = out[start..].trim_start_matches('-');
        if body.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(".0");
        }
    } else {
        format_short(x, true, false, out);
    }
}

fn complex_repr(re: f64, im: f64, version: (u8, u8), out: &mut String) {
    let legacy = legacy_float_repr(version);
    let part = |x: f64, sign: bool, out: &mut String| {
        if legacy {
            format_g17(x, sign, out)
        } else {
            format_short(x, false, sign, out)
        }
    };
    let real_is_zero = if legacy {
        re == 0.0
    } else {
        re == 0.0 && re.is_sign_positive()
    };
    if real_is_zero {
        part(im, false, out);
        out.push('j');
    } else {
        out.push('(');
        part(re, false, out);
        part(im, true, out);
        out.push_str("j)");
    }
}

/// Pushes `inf`/`nan` with CPython's sign rules (a NaN's sign is never shown).
fn push_special(x: f64, always_sign: bool, out: &mut String) {
    if x.is_nan() {
        if always_sign {
            out.push('+');
        }
        out.push_str("nan");
    } else {
        if x < 0.0 {
            out.push('-');
        } else if always_sign {
            out.push('+');
        }
        out.push_str("inf");
    }
}

/// Splits `{:e}` output of a non-negative finite value into (digits, decimal point position),
/// so that value = 0.DIGITS × 10^decpt.
fn digits_and_decpt(sci: &str) -> (String, i32) {
    let (mant, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

/// Lays out `digits` with the decimal point at `decpt` (fixed) or as d.ddde±XX (exponent).
fn layout(digits: &str, decpt: i32, use_exp: bool, add_dot_0: bool, out: &mut String) {
    if use_exp {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(
            out,
            "e{}{:02}",
            if e < 0 { '-' } else { '+' },
            e.unsigned_abs()
        );
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let decpt = decpt as usize;
        if decpt >= digits.len() {
            out.push_str(digits);
            for _ in digits.len()..decpt {
                out.push('0');
            }
            if add_dot_0 {
                out.push_str(".0");
            }
        } else {
            out.push_str(&digits[..decpt]);
            out.push('.');
            out.push_str(&digits[decpt..]);
        }
    }
}

/// CPython's `repr` style ('r' format): shortest digits that round-trip, exponent form
/// when the decimal point position is ≤ -4 or > 16.
fn format_short(x: f64, add_dot_0: bool, always_sign: bool, out: &mut String) {
    if !x.is_finite() {
        return push_special(x, always_sign, out);
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    // Rust's `{:e}` gives the shortest digits that round-trip, as David Gay's dtoa mode 0
    // (CPython's repr) does. When two such strings are equally close to x (x ends in 5 just
    // past them), Rust rounds the tie up and Gay to even: Rust's fixed-precision formatting is
    // exact and rounds ties to even, so take it when it round-trips.
    let x = x.abs();
    let (digits, decpt) = digits_and_decpt(&format!("{x:e}"));
    let exact = format!("{:.*e}", digits.len() - 1, x);
    let (digits, decpt) = if exact.parse::<f64>() == Ok(x) {
        digits_and_decpt(&exact)
    } else {
        (digits, decpt)
    };
    layout(&digits, decpt, !(-4 < decpt && decpt <= 16), add_dot_0, out);
}

/// C's `%.17g` (`%+.17g` with `always_sign`).
fn format_g17(x: f64, always_sign: bool, out: &mut String) {
    if !x.is_finite() {
        return push_special(x, always_sign, out);
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    // 17 significant digits, correctly rounded; the exponent is that of the rounded value.
    let (digits, decpt) = digits_and_decpt(&format!("{:.16e}", x.abs()));
    let exp = decpt - 1;
    let use_exp = !(-4..17).contains(&exp);
    // %g drops trailing zeros (and the point when nothing follows it).
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    layout(digits, decpt, use_exp, false, out);
}

fn quote_for(has_single: bool, has_double: bool) -> u8 {
    if has_single && !has_double {
        b'"'
    } else {
        b'\''
    }
}

/// 3.x bytes (`prefix` "b") and 2.x str (`prefix` "").
fn bytes_repr(b: &[u8], prefix: &str, out: &mut String) {
    let quote = quote_for(b.contains(&b'\''), b.contains(&b'"'));
    out.push_str(prefix);
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7E => out.push(c as char),
            _ => push_hex(out, 'x', c as u32, 2),
        }
    }
    out.push(quote as char);
}

fn push_hex(out: &mut String, letter: char, v: u32, width: u32) {
    out.push('\\');
    out.push(letter);
    for i in (0..width).rev() {
        out.push(HEX[((v >> (4 * i)) & 0xF) as usize] as char);
    }
}

/// 3.x str and 2.x unicode (prefixed `u`, every non-ASCII character escaped).
fn text_repr<I>(chars: I, version: (u8, u8), out: &mut String)
where
    I: Iterator<Item = u32> + Clone,
{
    let py2 = version.0 == 2;
    let has_single = chars.clone().any(|c| c == '\'' as u32);
    let has_double = chars.clone().any(|c| c == '"' as u32);
    let quote = quote_for(has_single, has_double) as u32;
    if py2 {
        out.push('u');
    }
    out.push(quote as u8 as char);
    for c in chars {
        match c {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c as u8 as char);
            }
            0x20..=0x7E => out.push(c as u8 as char),
            0..=0xFF if py2 || c < 0x80 => push_hex(out, 'x', c, 2),
            _ if !py2 && printable::is_printable(c, version.1) => {
                // Printable code points are never surrogates, so this always succeeds.
                out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            0..=0xFF => push_hex(out, 'x', c, 2),
            0x100..=0xFFFF => push_hex(out, 'u', c, 4),
            _ => push_hex(out, 'U', c, 8),
        }
    }
    out.push(quote as u8 as char);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn r(c: Constant, v: (u8, u8)) -> String {
        c.repr(v)
    }

    #[test]
    fn floats_shortest() {
        let cases = [
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-300, "1.5e-300"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            // Exactly halfway between two 17-digit candidates: CPython rounds to even.
            (f64::from_bits(0x4316_dd14_fdc9_bd19), "1608882928643910.2"), // = ...10.25
        ];
        for (x, want) in cases {
            assert_eq!(r(Constant::Float(x), (3, 8)), want, "{x:e}");
            assert_eq!(r(Constant::Float(x), (2, 7)), want, "{x:e}");
        }
    }

    #[test]
    fn floats_g17() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.10000000000000001"),
            (1e16, "10000000000000000.0"),
            (1e17, "1e+17"),
            (0.00001, "1.0000000000000001e-05"),
            (0.0001, "0.0001"),
            (-2.5, "-2.5"),
            (-0.0, "-0.0"),
        ];
        for (x, want) in cases {
            assert_eq!(r(Constant::Float(x), (2, 6)), want, "{x:e}");
        }
    }

    #[test]
    fn complexes() {
        assert_eq!(r(Constant::Complex(1.0, 2.0), (3, 8)), "(1+2j)");
        assert_eq!(r(Constant::Complex(0.0, 1.0), (3, 8)), "1j");
        assert_eq!(r(Constant::Complex(-0.0, 1.0), (3, 8)), "(-0+1j)");
        assert_eq!(r(Constant::Complex(1.5, -0.0), (3, 8)), "(1.5-0j)");
        assert_eq!(r(Constant::Complex(0.0, f64::NAN), (3, 8)), "nanj");
        assert_eq!(r(Constant::Complex(1.0, f64::INFINITY), (3, 8)), "(1+infj)");
        assert_eq!(
            r(Constant::Complex(1.0, 0.1), (2, 5)),
            "(1+0.10000000000000001j)"
        );
    }

    #[test]
    fn texts() {
        let s = |t: &str| Constant::Str(Rc::from(t));
        assert_eq!(r(s("it's"), (3, 8)), "\"it's\"");
        assert_eq!(r(s("'\""), (3, 8)), "'\\'\"'");
        assert_eq!(r(s("a\0\u{7f}é\u{ad}😀"), (3, 12)), "'a\\x00\\x7fé\\xad😀'");
        assert_eq!(r(s("é\u{2028}😀"), (2, 7)), "u'\\xe9\\u2028\\U0001f600'");
        let b = |t: &[u8]| Constant::Bytes(Rc::from(t));
        assert_eq!(r(b(b"a\x00\xff'"), (3, 6)), "b\"a\\x00\\xff'\"");
        assert_eq!(r(b(b"a\\\n"), (2, 7)), "'a\\\\\\n'");
        let sur = Constant::SurrogateStr(Rc::from(&b"\xed\xa0\x80x"[..]));
        assert_eq!(r(sur.clone(), (3, 9)), "'\\ud800x'");
        assert_eq!(r(sur, (2, 7)), "u'\\ud800x'");
    }

    #[test]
    fn containers() {
        let one = || Constant::Int(1);
        let t = |v: Vec<Constant>| Rc::<[Constant]>::from(v);
        assert_eq!(r(Constant::Tuple(t(vec![one()])), (3, 8)), "(1,)");
        assert_eq!(r(Constant::Tuple(t(vec![])), (3, 8)), "()");
        assert_eq!(
            r(Constant::FrozenSet(t(vec![one(), Constant::None])), (3, 8)),
            "frozenset({1, None})"
        );
        assert_eq!(r(Constant::FrozenSet(t(vec![])), (3, 8)), "frozenset()");
        assert_eq!(
            r(Constant::FrozenSet(t(vec![one()])), (2, 7)),
            "frozenset([1])"
        );
        assert_eq!(r(Constant::Set(t(vec![one()])), (3, 8)), "{1}");
        assert_eq!(r(Constant::Set(t(vec![])), (3, 8)), "set()");
        assert_eq!(r(Constant::Long(Rc::new(5.into())), (2, 7)), "5L");
        assert_eq!(
            r(Constant::StopIteration, (3, 8)),
            "<class 'StopIteration'>"
        );
    }
}
