//! `format(value, spec)`: the format-specification mini-language of int, float, complex
//! and str (fill, align, sign, `z`, `#`, `0`, width, `,`/`_` grouping, precision, type),
//! laid out as CPython's `formatter_unicode.c` does (sign, prefix, zero padding through
//! the grouping, remainder), with each version's error messages; `__format__` for
//! everything else.

use super::{PyResult, Vm};
use crate::builtins::numeric::{num_of, Num};
use crate::object::{Args, Payload, Value};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Thousands separators requested by a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    None,
    Comma,
    Underscore,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    /// `z`: coerce negative zero (3.11+).
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type, or `None` for the type's default.
    pub kind: Option<char>,
}

impl Vm {
    fn minor(&self) -> u8 {
        self.version.format.major_minor.1
    }

    /// Parses `text` for a value of type `type_name`, with that type's default type code
    /// and alignment.
    pub fn parse_spec(
        &self,
        text: &str,
        default_kind: Option<char>,
        default_align: char,
        type_name: &str,
    ) -> PyResult<Spec> {
        let c: Vec<char> = text.chars().collect();
        let mut spec = Spec {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            kind: default_kind,
        };
        let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
        let mut i = 0;
        let mut align_given = false;
        let mut fill_given = false;
        if c.len() >= 2 && is_align(c[1]) {
            spec.fill = c[0];
            spec.align = c[1];
            fill_given = true;
            align_given = true;
            i = 2;
        } else if !c.is_empty() && is_align(c[0]) {
            spec.align = c[0];
            align_given = true;
            i = 1;
        }
        if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
            spec.sign = Some(c[i]);
            i += 1;
        }
        if self.minor() >= 11 && i < c.len() && c[i] == 'z' {
            spec.no_neg_zero = true;
            i += 1;
        }
        if i < c.len() && c[i] == '#' {
            spec.alternate = true;
            i += 1;
        }
        if !fill_given && i < c.len() && c[i] == '0' {
            spec.fill = '0';
            if !align_given && (self.minor() < 10 || default_align == '>') {
                spec.align = '=';
            }
            i += 1;
        }
        let digits = |i: &mut usize| -> PyResult<Option<usize>> {
            let start = *i;
            let mut acc: usize = 0;
            while *i < c.len() && c[*i].is_ascii_digit() {
                acc = acc
                    .checked_mul(10)
                    .and_then(|a| a.checked_add(c[*i] as usize - '0' as usize))
                    .filter(|&a| a <= isize::MAX as usize)
                    .ok_or_else(|| self.value_error("Too many decimal digits in format string"))?;
                *i += 1;
            }
            Ok((*i > start).then_some(acc))
        };
        spec.width = digits(&mut i)?;
        if i < c.len() && c[i] == ',' {
            spec.grouping = Grouping::Comma;
            i += 1;
        }
        if i < c.len() && c[i] == '_' {
            if spec.grouping != Grouping::None {
                return Err(self.value_error("Cannot specify both ',' and '_'."));
            }
            spec.grouping = Grouping::Underscore;
            i += 1;
        }
        if i < c.len() && c[i] == ',' {
            return Err(self.value_error("Cannot specify both ',' and '_'."));
        }
        if i < c.len() && c[i] == '.' {
            i += 1;
            spec.precision = digits(&mut i)?;
            if spec.precision.is_none() {
                return Err(self.value_error("Format specifier missing precision"));
            }
        }
        if spec
            .width
            .is_some_and(|w| w > crate::builtins::numeric::MAX_UNITS)
            || spec
                .precision
                .is_some_and(|p| p > crate::builtins::numeric::MAX_UNITS)
        {
            return Err(self.new_exception(&self.types.exc.memory_error, ""));
        }
        if c.len() - i > 1 {
            return Err(if self.minor() >= 11 {
                self.value_error(&format!(
                    "Invalid format specifier '{text}' for object of type '{type_name}'"
                ))
            } else {
                self.value_error("Invalid format specifier")
            });
        }
        if i < c.len() {
            spec.kind = Some(c[i]);
        }
        if spec.grouping != Grouping::None {
            let sep = if spec.grouping == Grouping::Comma {
                ','
            } else {
                '_'
            };
            let ok = match spec.kind {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => spec.grouping == Grouping::Underscore,
                _ => false,
            };
            if !ok {
                let k = spec.kind.unwrap_or('s');
                return Err(if (k as u32) > 32 && (k as u32) < 128 {
                    self.value_error(&format!("Cannot specify '{sep}' with '{k}'."))
                } else {
                    self.value_error(&format!("Cannot specify '{sep}' with '\\x{:x}'.", k as u32))
                });
            }
        }
        Ok(spec)
    }

    fn unknown_code(&self, k: char, type_name: &str) -> super::PyErr {
        if (k as u32) > 32 && (k as u32) < 128 {
            self.value_error(&format!(
                "Unknown format code '{k}' for object of type '{type_name}'"
            ))
        } else {
            self.value_error(&format!(
                "Unknown format code '\\x{:x}' for object of type '{type_name}'",
                k as u32
            ))
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: Option<&Value>) -> PyResult<Value> {
        let spec_text = spec.and_then(|s| s.as_str()).map_or("", |s| s.as_str());
        self.format_text(v, spec_text)
    }

    /// `format(v, spec_text)`.
    pub fn format_text(&mut self, v: &Value, spec_text: &str) -> PyResult<Value> {
        if let Value::Obj(o) = v {
            let class_ = o.class().clone();
            if self.type_data(&class_).is_heap {
                let name = self.names.__format__.clone();
                if let Some(f) = self.lookup_in_mro(&class_, &name) {
                    if !matches!(f.payload(), Some(Payload::Builtin(_))) {
                        let bound = self.descr_get(f, Some(v), &class_)?;
                        let spec_v = self.new_str(spec_text);
                        let r = self.call(&bound, Args::positional(&[spec_v]))?;
                        if r.as_str().is_none() {
                            return Err(self.type_error(&format!(
                                "__format__ must return a str, not {}",
                                self.type_name(&r)
                            )));
                        }
                        return Ok(r);
                    }
                }
            }
        }
        if spec_text.is_empty() {
            if v.as_str().is_some()
                && !matches!(v, Value::Obj(o) if self.type_data(o.class()).is_heap)
            {
                return Ok(v.clone());
            }
            let s = self.str(v)?;
            return Ok(self.new_str(&s));
        }
        let type_name = self.type_name(v);
        let text = match num_of(v) {
            Some(Num::Int(i)) => {
                let n = i.to_big();
                self.format_int_typed(&n, spec_text, &type_name)?
            }
            Some(Num::Float(f)) => self.format_float_spec(f, spec_text, &type_name)?,
            Some(Num::Complex(re, im)) => {
                self.format_complex_spec(re, im, spec_text, &type_name)?
            }
            None => match v.as_str() {
                Some(s) => {
                    let s = s.as_str().to_string();
                    let r = self.format_str_spec(&s, spec_text, &type_name)?;
                    // Neither padded nor truncated: CPython hands back the object itself.
                    if r == s {
                        return Ok(v.clone());
                    }
                    r
                }
                None => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(&format!(
                        "unsupported format string passed to {tn}.__format__"
                    )));
                }
            },
        };
        Ok(self.new_str(&text))
    }

    /// `str.__format__` with a non-empty spec.
    pub fn format_str_spec(&mut self, s: &str, text: &str, type_name: &str) -> PyResult<String> {
        let spec = self.parse_spec(text, Some('s'), '<', type_name)?;
        if let Some(k) = spec.kind {
            if k != 's' {
                return Err(self.unknown_code(k, type_name));
            }
        }
        if let Some(sign) = spec.sign {
            return Err(if sign == ' ' && self.minor() >= 9 {
                self.value_error("Space not allowed in string format specifier")
            } else {
                self.value_error("Sign not allowed in string format specifier")
            });
        }
        if spec.no_neg_zero {
            return Err(self
                .value_error("Negative zero coercion (z) not allowed in string format specifier"));
        }
        if spec.alternate {
            return Err(
                self.value_error("Alternate form (#) not allowed in string format specifier")
            );
        }
        if spec.align == '=' {
            return Err(self.value_error("'=' alignment not allowed in string format specifier"));
        }
        let body: String = match spec.precision {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        };
        Ok(pad(&body, &spec))
    }

    /// `int.__format__` with a non-empty spec.
    pub fn format_int_spec(&mut self, n: &BigInt, text: &str, type_name: &str) -> PyResult<String> {
        self.format_int_typed(n, text, type_name)
    }

    fn format_int_typed(&mut self, n: &BigInt, text: &str, type_name: &str) -> PyResult<String> {
        let spec = self.parse_spec(text, Some('d'), '>', type_name)?;
        match spec.kind {
            Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
            Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                let x = crate::builtins::numeric::big_to_f64(n).ok_or_else(|| {
                    crate::builtins::numeric::overflow_error(
                        self,
                        "int too large to convert to float",
                    )
                })?;
                return self.format_float_parsed(x, &spec);
            }
            Some(k) => return Err(self.unknown_code(k, type_name)),
            None => {}
        }
        if spec.precision.is_some() {
            return Err(self.value_error("Precision not allowed in integer format specifier"));
        }
        if spec.no_neg_zero {
            return Err(self.value_error(
                "Negative zero coercion (z) not allowed in integer format specifier",
            ));
        }
        let kind = spec.kind.unwrap_or('d');
        if kind == 'c' {
            if spec.sign.is_some() {
                return Err(self.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            if spec.alternate {
                return Err(self.value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
            let cp = match n.to_i64() {
                Some(c) => c,
                None => {
                    return Err(crate::builtins::numeric::overflow_error(
                        self,
                        "Python int too large to convert to C long",
                    ))
                }
            };
            if !(0..=0x10ffff).contains(&cp) {
                return Err(crate::builtins::numeric::overflow_error(
                    self,
                    "%c arg not in range(0x110000)",
                ));
            }
            let ch = self.str_of_code_point(cp as u32);
            return Ok(render_number(&spec, false, "", "", false, &ch, false));
        }
        let (radix, prefix) = match kind {
            'b' => (2, "0b"),
            'o' => (8, "0o"),
            'x' => (16, "0x"),
            'X' => (16, "0X"),
            _ => (10, ""),
        };
        let digits = if radix == 10 {
            crate::builtins::int::big_to_decimal(self, &n.abs())?
        } else {
            let s = n.magnitude().to_str_radix(radix);
            if kind == 'X' {
                s.to_uppercase()
            } else {
                s
            }
        };
        let prefix = if spec.alternate { prefix } else { "" };
        let mut spec = spec;
        if kind == 'n' {
            spec.grouping = Grouping::None;
        }
        Ok(render_number(
            &spec,
            n.is_negative(),
            prefix,
            &digits,
            false,
            "",
            matches!(kind, 'b' | 'o' | 'x' | 'X'),
        ))
    }

    /// A one-character string for `%c`-style formatting (lone surrogates become U+FFFD).
    fn str_of_code_point(&self, cp: u32) -> String {
        char::from_u32(cp).unwrap_or('\u{FFFD}').to_string()
    }

    /// `float.__format__` with a non-empty spec.
    pub fn format_float_spec(&mut self, x: f64, text: &str, type_name: &str) -> PyResult<String> {
        let spec = self.parse_spec(text, None, '>', type_name)?;
        if let Some(k) = spec.kind {
            if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
                return Err(self.unknown_code(k, type_name));
            }
        }
        self.format_float_parsed(x, &spec)
    }

    fn format_float_parsed(&mut self, x: f64, spec: &Spec) -> PyResult<String> {
        if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
            return Err(self.value_error("precision too big"));
        }
        let (mut kind, mut add_dot_0, mut x) = (spec.kind.unwrap_or('r'), false, x);
        let mut default_precision = 6;
        if spec.kind.is_none() {
            add_dot_0 = true;
            default_precision = 0;
        }
        if kind == 'n' {
            kind = 'g';
        }
        let pct = kind == '%';
        if pct {
            kind = 'f';
            x *= 100.0;
        }
        let precision = match spec.precision {
            Some(p) => {
                if kind == 'r' {
                    kind = 'g';
                }
                p
            }
            None => default_precision,
        };
        let mut s = float_to_string(
            x,
            kind,
            precision,
            spec.alternate,
            add_dot_0,
            spec.no_neg_zero,
        );
        if pct {
            s.push('%');
        }
        let (neg, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, &s[..]),
        };
        let digits_end = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (digits, rest) = body.split_at(digits_end);
        let (has_decimal, remainder) = match rest.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let mut spec = spec.clone();
        if spec.kind == Some('n') {
            spec.grouping = Grouping::None;
        }
        Ok(render_number(
            &spec,
            neg,
            "",
            digits,
            has_decimal,
            remainder,
            false,
        ))
    }

    /// `complex.__format__` with a non-empty spec.
    pub fn format_complex_spec(
        &mut self,
        re: f64,
        im: f64,
        text: &str,
        type_name: &str,
    ) -> PyResult<String> {
        let spec = self.parse_spec(text, None, '>', type_name)?;
        if let Some(k) = spec.kind {
            if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
                return Err(self.unknown_code(k, type_name));
            }
        }
        if spec.fill == '0' {
            return Err(self.value_error("Zero padding is not allowed in complex format specifier"));
        }
        if spec.align == '=' {
            return Err(
                self.value_error("'=' alignment flag is not allowed in complex format specifier")
            );
        }
        let mut kind = spec.kind.unwrap_or('r');
        let mut default_precision = 6;
        let (mut skip_re, mut add_parens) = (false, false);
        if spec.kind.is_none() {
            default_precision = 0;
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                add_parens = true;
            }
        }
        if kind == 'n' {
            kind = 'g';
        }
        let precision = match spec.precision {
            Some(p) => {
                if kind == 'r' {
                    kind = 'g';
                }
                p
            }
            None => default_precision,
        };
        let part =
            |x: f64| float_to_string(x, kind, precision, spec.alternate, false, spec.no_neg_zero);
        let split = |s: &str| -> (bool, String, bool, String) {
            let (neg, body) = match s.strip_prefix('-') {
                Some(b) => (true, b.to_string()),
                None => (false, s.to_string()),
            };
            let end = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            let (d, rest) = body.split_at(end);
            let (dec, rem) = match rest.strip_prefix('.') {
                Some(r) => (true, r.to_string()),
                None => (false, rest.to_string()),
            };
            (neg, d.to_string(), dec, rem)
        };
        let mut inner = spec.clone();
        inner.fill = ' ';
        inner.align = '<';
        inner.width = None;
        if spec.kind == Some('n') {
            inner.grouping = Grouping::None;
        }
        let (rn, rd, rdec, rrem) = split(&part(re));
        let re_text = render_number(&inner, rn, "", &rd, rdec, &rrem, false);
        if !skip_re {
            inner.sign = Some('+');
        }
        let (inn, id, idec, irem) = split(&part(im));
        let im_text = render_number(&inner, inn, "", &id, idec, &irem, false);
        let mut body = String::new();
        if add_parens {
            body.push('(');
        }
        if !skip_re {
            body.push_str(&re_text);
        }
        body.push_str(&im_text);
        body.push('j');
        if add_parens {
            body.push(')');
        }
        Ok(pad(&body, &spec))
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(ascii_escape(&r))
    }
}

/// Escapes the non-ASCII characters of a repr as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_escape(r: &str) -> String {
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// Pads `body` to the spec's width with its fill and alignment (strings, complexes).
fn pad(body: &str, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let total = width - len;
    let left = match spec.align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(body.len() + total);
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, total - left));
    out
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right,
/// zero-padding (through the separators) to at least `min_width` characters.
pub fn insert_grouping(digits: &str, min_width: isize, sep: Option<char>, group: isize) -> String {
    if sep.is_none() && !digits.is_empty() {
        // No separators: only the zero padding.
        let zeros = (min_width - digits.chars().count() as isize).max(0) as usize;
        let mut out = String::with_capacity(zeros + digits.len());
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(digits);
        return out;
    }
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width;
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut use_sep = false;
    let mut broke = false;
    let take =
        |l: isize, remaining: &mut isize, use_sep: bool, pieces: &mut Vec<(String, bool)>| {
            let n_zeros = (l - *remaining).max(0);
            let n_chars = (*remaining).min(l).max(0);
            let mut piece: String = std::iter::repeat_n('0', n_zeros as usize).collect();
            piece.extend(&d[(*remaining - n_chars) as usize..*remaining as usize]);
            pieces.push((piece, use_sep));
            *remaining -= n_chars;
        };
    if sep.is_some() {
        loop {
            let l = group.min(remaining.max(min_width).max(1));
            take(l, &mut remaining, use_sep, &mut pieces);
            use_sep = true;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broke {
        let l = remaining.max(min_width).max(1);
        take(l, &mut remaining, use_sep, &mut pieces);
    }
    let mut out = String::new();
    for (piece, with_sep) in pieces.iter().rev() {
        out.push_str(piece);
        if *with_sep {
            out.extend(sep);
        }
    }
    out
}

/// Lays out a number as CPython's `calc_number_widths`/`fill_number`: padding, sign,
/// prefix, zero padding, grouped digits, decimal point, remainder, padding.
fn render_number(
    spec: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    group_by_four: bool,
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let n_sign = sign.is_some() as isize;
    let n_prefix = prefix.chars().count() as isize;
    let n_remainder = remainder.chars().count() as isize;
    let n_non_digit = n_sign + n_prefix + has_decimal as isize + n_remainder;
    let width = spec.width.map(|w| w as isize).unwrap_or(-1);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let sep = match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some(','),
        Grouping::Underscore => Some('_'),
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        insert_grouping(digits, min_width, sep, if group_by_four { 4 } else { 3 })
    };
    let n_grouped = grouped.chars().count() as isize;
    let n_padding = width - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let fill = |n: isize| std::iter::repeat_n(spec.fill, n as usize).collect::<String>();
    let mut out = fill(lpad);
    out.extend(sign);
    out.push_str(prefix);
    out.push_str(&fill(spad));
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    out.push_str(&fill(rpad));
    out
}

/// The shortest digits that round-trip (dtoa mode 0) of a finite positive double, and
/// the decimal point position (value = 0.DIGITS × 10^decpt).
fn shortest_digits(x: f64) -> (String, i32) {
    let split = |s: &str| -> (String, i32) {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        (
            mant.chars().filter(|c| c.is_ascii_digit()).collect(),
            exp + 1,
        )
    };
    let (digits, decpt) = split(&format!("{x:e}"));
    // Ties between two shortest candidates go to even, as Gay's dtoa does.
    let exact = format!("{:.*e}", digits.len() - 1, x);
    if exact.parse::<f64>() == Ok(x) {
        split(&exact)
    } else {
        (digits, decpt)
    }
}

/// CPython's `PyOS_double_to_string` for the type codes e/E/f/F/g/G/r: a finite or
/// special double in that presentation, `-` included for negatives (never for NaN).
pub fn float_to_string(
    x: f64,
    kind: char,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    no_neg_zero: bool,
) -> String {
    let upper = matches!(kind, 'E' | 'F' | 'G');
    let lower_kind = kind.to_ascii_lowercase();
    if x.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    if x.is_infinite() {
        let s = if x < 0.0 { "-inf" } else { "inf" };
        return if upper { s.to_uppercase() } else { s.into() };
    }
    let a = x.abs();
    let mut neg = x.is_sign_negative();
    if lower_kind == 'f' && !alt && !add_dot_0 && !no_neg_zero {
        // Rust's fixed notation rounds the exact binary value as C's `%.*f` does.
        return if neg {
            format!("-{a:.precision$}")
        } else {
            format!("{a:.precision$}")
        };
    }
    // Digits and decimal point position, as dtoa's modes give them.
    let (digits, decpt, mut precision) = match lower_kind {
        'f' => {
            let s = format!("{:.*}", precision, a);
            let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
            let all: String = format!("{int_part}{frac}");
            let trimmed = all.trim_start_matches('0');
            let lead = all.len() - trimmed.len();
            let decpt = int_part.len() as i32 - lead as i32;
            let d = trimmed.trim_end_matches('0').to_string();
            if d.is_empty() {
                (String::from("0"), 1, precision)
            } else {
                (d, decpt, precision)
            }
        }
        'e' | 'g' => {
            let p = if lower_kind == 'e' {
                precision + 1
            } else if precision == 0 {
                1
            } else {
                precision
            };
            let s = format!("{:.*e}", p - 1, a);
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i32 = exp.parse().unwrap_or(0);
            let d: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
            let d = d.trim_end_matches('0').to_string();
            if a == 0.0 || d.is_empty() {
                (String::from("0"), 1, p)
            } else {
                (d, exp + 1, p)
            }
        }
        _ => {
            if a == 0.0 {
                (String::from("0"), 1, 0)
            } else {
                let (d, e) = shortest_digits(a);
                (d, e, 0)
            }
        }
    };
    if no_neg_zero && neg && digits.bytes().all(|b| b == b'0') {
        neg = false;
    }
    let mut use_exp = false;
    let mut vdigits_end = digits.len() as i32;
    let mut decpt = decpt;
    match lower_kind {
        'e' => {
            use_exp = true;
            vdigits_end = precision as i32;
        }
        'f' => vdigits_end = decpt + precision as i32,
        'g' => {
            let limit = if add_dot_0 {
                precision as i32 - 1
            } else {
                precision as i32
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision as i32;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
            precision = 0;
        }
    }
    let _ = precision;
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let nd = digits.len() as i32;
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else if decpt >= nd {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (decpt - nd) as usize));
        out.push('.');
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    // Zeros on the right up to vdigits_end (positions counted from the first digit).
    let have = nd.max(decpt);
    if vdigits_end > have {
        out.extend(std::iter::repeat_n('0', (vdigits_end - have) as usize));
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    if upper {
        out = out.to_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_c() {
        assert_eq!(float_to_string(1.5, 'f', 2, false, false, false), "1.50");
        assert_eq!(float_to_string(2.5, 'f', 0, true, false, false), "2.");
        assert_eq!(
            float_to_string(1234.5, 'e', 1, false, false, false),
            "1.2e+03"
        );
        assert_eq!(
            float_to_string(0.0001, 'g', 6, false, false, false),
            "0.0001"
        );
        assert_eq!(float_to_string(100.0, 'g', 3, false, true, false), "1e+02");
        assert_eq!(float_to_string(1.0, 'g', 3, true, false, false), "1.00");
        assert_eq!(float_to_string(1e16, 'r', 0, false, true, false), "1e+16");
        assert_eq!(float_to_string(-0.0, 'r', 0, false, true, false), "-0.0");
        assert_eq!(float_to_string(-0.0001, 'f', 2, false, false, true), "0.00");
    }

    #[test]
    fn grouping() {
        assert_eq!(insert_grouping("7", 10, Some(','), 3), "00,000,007");
        assert_eq!(insert_grouping("7", 4, Some(','), 3), "0,007");
        assert_eq!(insert_grouping("1234567", 0, Some('_'), 3), "1_234_567");
        assert_eq!(insert_grouping("12", 5, None, 3), "00012");
    }
}
