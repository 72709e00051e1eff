//! printf-style `%` formatting for str and bytes, and `str.format`/`str.format_map`
//! (auto and manual field numbering, attribute and index lookups, conversions, nested
//! format specs), with CPython's error messages for each version.

use super::numeric::{num_of, ver, Num};
use crate::object::{Args, BuiltinKind, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

pub fn init(vm: &mut Vm) {
    let t = vm.types.str_.clone();
    vm.add_method(&t, "format", str_format, BuiltinKind::Method);
    vm.add_method(&t, "format_map", str_format_map, BuiltinKind::Method);
}

// ----- printf-style -----

/// How the arguments of a `%` expression are consumed.
struct ArgState {
    args: Value,
    /// Number of tuple items, or -1 for a single (non-tuple) argument.
    len: isize,
    idx: isize,
    dict: Option<Value>,
    /// Where the first `unicode` argument of a `%s` was met (2.x: the result is then
    /// `unicode`).
    unicode_switch: Option<UnicodeSwitch>,
}

impl ArgState {
    fn next(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.idx < self.len {
            self.idx += 1;
            if self.len < 0 {
                return Ok(self.args.clone());
            }
            if let Some(Payload::Tuple(t)) = self.args.payload() {
                return Ok(t[(self.idx - 1) as usize].clone());
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    if !matches!(v, Value::Obj(_)) {
        // None, bools, small ints and floats have no `__getitem__`.
        return false;
    }
    if matches!(v.payload(), Some(Payload::Tuple(_) | Payload::Str(_))) {
        return false;
    }
    if matches!(v.payload(), Some(Payload::Dict(_) | Payload::List(_))) {
        return true;
    }
    let gi = vm.names.__getitem__.clone();
    let class_ = vm.class_of(v).clone();
    vm.lookup_in_mro(&class_, &gi).is_some()
}

/// `fmt % args` for a str `fmt`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    Ok(percent_format_noting_unicode(vm, fmt, args)?.0)
}

/// Where a 2.x `str % args` met its first `unicode` argument of a `%s`: 2.x formats the
/// rest as unicode from there (decoding the rest of the format, then the text formatted
/// so far, as ASCII).
#[derive(Clone, Copy)]
pub struct UnicodeSwitch {
    /// The index in the format of the `%` of that conversion.
    pub format_index: usize,
    /// The length of the text formatted before it.
    pub formatted_len: usize,
}

/// `fmt % args` for a str `fmt`, and where a 2.x `unicode` argument of a `%s` was first
/// met (which makes 2.x's result `unicode`).
pub fn percent_format_noting_unicode(
    vm: &mut Vm,
    fmt: &Value,
    args: &Value,
) -> PyResult<(Value, Option<UnicodeSwitch>)> {
    let points = fmt.as_str().map(|s| s.code_points()).unwrap_or_default();
    let (out, switch) = percent_engine(vm, &points, args, false)?;
    Ok((vm.new_str_points(&out), switch))
}

/// `fmt % args` for bytes/bytearray `fmt` (the result's units are bytes).
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let points: Vec<u32> = fmt.iter().map(|&b| b as u32).collect();
    let (out, _) = percent_engine(vm, &points, args, true)?;
    Ok(out.into_iter().map(|c| c as u8).collect())
}

struct Flags {
    left: bool,
    sign: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// The formatted units, and where the first `unicode` argument of a `%s` was met (2.x).
fn percent_engine(
    vm: &mut Vm,
    f: &[u32],
    args: &Value,
    bytes: bool,
) -> PyResult<(Vec<u32>, Option<UnicodeSwitch>)> {
    let (len, idx) = match args.payload() {
        Some(Payload::Tuple(t)) => (t.len() as isize, 0),
        _ => (-1, -2),
    };
    let dict = if is_mapping(vm, args) {
        Some(args.clone())
    } else {
        None
    };
    let mut st = ArgState {
        args: args.clone(),
        len,
        idx,
        dict,
        unicode_switch: None,
    };
    let mut out: Vec<u32> = Vec::with_capacity(f.len());
    let pct = '%' as u32;
    let mut i = 0;
    while i < f.len() {
        if f[i] != pct {
            out.push(f[i]);
            i += 1;
            continue;
        }
        let spec_start = i;
        i += 1;
        if i >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if f[i] == pct {
            out.push(pct);
            i += 1;
            continue;
        }
        let mut arg: Option<Value> = None;
        if f[i] == '(' as u32 {
            let Some(dict) = st.dict.clone() else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < f.len() && depth > 0 {
                if f[i] == '(' as u32 {
                    depth += 1;
                } else if f[i] == ')' as u32 {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key_units = &f[start..i - 1];
            let key = if bytes {
                super::bytes::new_bytes(vm, key_units.iter().map(|&c| c as u8).collect())
            } else {
                vm.new_str_points(key_units)
            };
            arg = Some(vm.getitem(&dict, &key)?);
            st.len = -1;
            st.idx = -1;
        }
        let mut fl = Flags {
            left: false,
            sign: false,
            space: false,
            alt: false,
            zero: false,
        };
        while i < f.len() {
            match char::from_u32(f[i]) {
                Some('-') => fl.left = true,
                Some('+') => fl.sign = true,
                Some(' ') => fl.space = true,
                Some('#') => fl.alt = true,
                Some('0') => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < f.len() && f[i] == '*' as u32 {
            let w = st.next(vm)?;
            let Some(n) = crate::vm::ops::as_int(&w) else {
                return Err(vm.type_error("* wants int"));
            };
            let n = n.to_big().to_i64().unwrap_or(0);
            if n < 0 {
                fl.left = true;
            }
            width = Some(n.unsigned_abs() as usize);
            i += 1;
        } else {
            let mut w: Option<usize> = None;
            while i < f.len() && (0x30..=0x39).contains(&f[i]) {
                w = Some(
                    w.unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add((f[i] - 0x30) as usize),
                );
                i += 1;
            }
            width = width.or(w);
        }
        let mut prec: Option<usize> = None;
        if i < f.len() && f[i] == '.' as u32 {
            i += 1;
            if i < f.len() && f[i] == '*' as u32 {
                let p = st.next(vm)?;
                let Some(n) = crate::vm::ops::as_int(&p) else {
                    return Err(vm.type_error("* wants int"));
                };
                prec = Some(n.to_big().to_i64().unwrap_or(0).max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while i < f.len() && (0x30..=0x39).contains(&f[i]) {
                    p = p.saturating_mul(10).saturating_add((f[i] - 0x30) as usize);
                    i += 1;
                }
                prec = Some(p);
            }
        }
        while i < f.len() && matches!(char::from_u32(f[i]), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        if i >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if width.is_some_and(|w| w > super::numeric::MAX_UNITS)
            || prec.is_some_and(|p| p > super::numeric::MAX_UNITS)
        {
            return Err(vm.new_exception(&vm.types.exc.memory_error, ""));
        }
        let conv = f[i];
        i += 1;
        if conv == pct {
            if ver(vm) >= (3, 7) && arg.is_none() {
                st.next(vm)?;
            }
            out.push(pct);
            continue;
        }
        let arg = match arg {
            Some(a) => a,
            None => st.next(vm)?,
        };
        let c = char::from_u32(conv).unwrap_or('\u{FFFD}');
        if c == 's' && st.unicode_switch.is_none() && super::py2::text::is_unicode(vm, &arg) {
            st.unicode_switch = Some(UnicodeSwitch {
                format_index: spec_start,
                formatted_len: out.len(),
            });
        }
        let piece = format_one(vm, c, &arg, &fl, prec, bytes).map_err(|e| match e {
            FmtErr::Py(e) => e,
            FmtErr::Unsupported => {
                let index = spec_start + (i - 1 - spec_start);
                vm.value_error(&format!(
                    "unsupported format character '{}' (0x{:x}) at index {index}",
                    char::from_u32(conv).unwrap_or('?'),
                    conv
                ))
            }
        })?;
        // Layout: sign/prefix, zero padding, width.
        let (body, numeric) = piece;
        let w = width.unwrap_or(0);
        let n = body.len();
        if n >= w {
            out.extend(body);
        } else if fl.left {
            out.extend(body);
            out.extend(std::iter::repeat_n(' ' as u32, w - n));
        } else if fl.zero && numeric.is_some() {
            let lead = numeric.unwrap_or(0);
            out.extend_from_slice(&body[..lead]);
            out.extend(std::iter::repeat_n('0' as u32, w - n));
            out.extend_from_slice(&body[lead..]);
        } else {
            out.extend(std::iter::repeat_n(' ' as u32, w - n));
            out.extend(body);
        }
    }
    if st.idx < st.len && st.dict.is_none() {
        return Err(vm.type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok((out, st.unicode_switch))
}

enum FmtErr {
    Py(PyErr),
    Unsupported,
}

impl From<PyErr> for FmtErr {
    fn from(e: PyErr) -> Self {
        FmtErr::Py(e)
    }
}

fn units(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// The int argument of `%d`/`%x`...; `None` when the argument is not acceptable.
fn int_arg(vm: &mut Vm, v: &Value, c: char) -> PyResult<Option<BigInt>> {
    match num_of(v) {
        Some(Num::Int(i)) => return Ok(Some(i.to_big())),
        Some(Num::Float(f)) if matches!(c, 'd' | 'i' | 'u') => {
            return super::int::float_to_int(vm, f).map(Some)
        }
        Some(Num::Float(_)) => return Ok(None),
        _ => {}
    }
    if matches!(c, 'd' | 'i' | 'u') {
        let name = vm.names.__int__.clone();
        let class_ = vm.class_of(v).clone();
        if vm.lookup_in_mro(&class_, &name).is_some() {
            return super::int::int_from_value(vm, v).map(Some);
        }
    }
    if ver(vm) >= (3, 8) {
        return super::numeric::index_big(vm, v);
    }
    Ok(None)
}

/// Formats one conversion: the text and, for numbers, where zero padding goes.
fn format_one(
    vm: &mut Vm,
    c: char,
    v: &Value,
    fl: &Flags,
    prec: Option<usize>,
    bytes: bool,
) -> Result<(Vec<u32>, Option<usize>), FmtErr> {
    let sign_of = |neg: bool| -> &'static str {
        if neg {
            "-"
        } else if fl.sign {
            "+"
        } else if fl.space {
            " "
        } else {
            ""
        }
    };
    match c {
        's' | 'r' | 'a' if !bytes => {
            let s: Vec<u32> = match c {
                's' => super::str::str_value(vm, v)?
                    .as_str()
                    .map(|s| s.code_points())
                    .unwrap_or_default(),
                'r' => {
                    let r = super::str::repr_value(vm, v)?;
                    r.as_str().map(|s| s.code_points()).unwrap_or_default()
                }
                _ => units(&vm.ascii(v)?),
            };
            let s = match prec {
                Some(p) if p < s.len() => s[..p].to_vec(),
                _ => s,
            };
            Ok((s, None))
        }
        's' | 'b' if bytes => {
            let data = match super::bytes::buffer_arg(vm, v) {
                Some(b) => b,
                None => {
                    let name = vm.names.__bytes__.clone();
                    match vm.call_special(v, &name, &[])? {
                        Some(r) => match r.payload() {
                            Some(Payload::Bytes(b)) => b.to_vec(),
                            _ => {
                                return Err(vm
                                    .type_error(&format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))
                                    .into())
                            }
                        },
                        None => {
                            return Err(vm
                                .type_error(&format!(
                                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                    vm.type_name(v)
                                ))
                                .into())
                        }
                    }
                }
            };
            let mut s: Vec<u32> = data.into_iter().map(|b| b as u32).collect();
            if let Some(p) = prec {
                s.truncate(p);
            }
            Ok((s, None))
        }
        'r' | 'a' if bytes => {
            let r = vm.ascii(v)?;
            let mut s = units(&r);
            if let Some(p) = prec {
                s.truncate(p);
            }
            Ok((s, None))
        }
        'c' => {
            if bytes {
                if let Some(Num::Int(i)) = num_of(v) {
                    return match i.to_big().to_u8() {
                        Some(b) => Ok((vec![b as u32], None)),
                        None => Err(
                            super::numeric::overflow_error(vm, "%c arg not in range(256)").into(),
                        ),
                    };
                }
                match v.payload() {
                    Some(Payload::Bytes(b)) if b.len() == 1 => {
                        return Ok((vec![b[0] as u32], None))
                    }
                    Some(Payload::ByteArray(b)) if b.with(|b| b.len()) == 1 => {
                        return Ok((vec![b.with(|b| b[0]) as u32], None))
                    }
                    _ => {}
                }
                return Err(vm
                    .type_error("%c requires an integer in range(256) or a single byte")
                    .into());
            }
            if let Some(s) = v.as_str() {
                if s.char_len() == 1 {
                    return Ok((s.code_points(), None));
                }
                return Err(vm.type_error("%c requires int or char").into());
            }
            match num_of(v) {
                Some(Num::Int(i)) => match i.to_big().to_u32().filter(|&c| c < 0x110000) {
                    Some(c) => Ok((vec![c], None)),
                    // Before 3.10 an int beyond C long fails the char conversion itself.
                    None if ver(vm) < (3, 10) && i.to_big().to_i64().is_none() => {
                        Err(vm.type_error("%c requires int or char").into())
                    }
                    None => Err(super::numeric::overflow_error(
                        vm,
                        "%c arg not in range(0x110000)",
                    )
                    .into()),
                },
                _ => {
                    if ver(vm) >= (3, 8) {
                        if let Some(n) = super::numeric::index_big(vm, v)? {
                            return match n.to_u32().filter(|&c| c < 0x110000) {
                                Some(c) => Ok((vec![c], None)),
                                None => Err(super::numeric::overflow_error(
                                    vm,
                                    "%c arg not in range(0x110000)",
                                )
                                .into()),
                            };
                        }
                    }
                    Err(vm.type_error("%c requires int or char").into())
                }
            }
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let Some(n) = int_arg(vm, v, c)? else {
                let msg = if matches!(c, 'd' | 'i' | 'u') {
                    let what = if ver(vm) >= (3, 10) {
                        "a real number"
                    } else {
                        "a number"
                    };
                    format!("%{c} format: {what} is required, not {}", vm.type_name(v))
                } else {
                    format!(
                        "%{c} format: an integer is required, not {}",
                        vm.type_name(v)
                    )
                };
                return Err(vm.type_error(&msg).into());
            };
            let mut digits = match c {
                'x' => n.magnitude().to_str_radix(16),
                'X' => n.magnitude().to_str_radix(16).to_uppercase(),
                'o' => n.magnitude().to_str_radix(8),
                _ => super::int::big_to_decimal(vm, &n.abs())?,
            };
            if let Some(p) = prec {
                if digits.len() < p {
                    digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                }
            }
            let prefix = match (c, fl.alt) {
                ('x', true) => "0x",
                ('X', true) => "0X",
                ('o', true) => "0o",
                _ => "",
            };
            let sign = sign_of(n.is_negative());
            let lead = sign.len() + prefix.len();
            Ok((units(&format!("{sign}{prefix}{digits}")), Some(lead)))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match num_of(v) {
                Some(Num::Float(f)) => f,
                Some(Num::Int(i)) => super::numeric::int_to_f64_or_err(vm, &i)?,
                _ => {
                    let name = vm.names.__float__.clone();
                    let class_ = vm.class_of(v).clone();
                    let has_float = vm.lookup_in_mro(&class_, &name).is_some();
                    let has_index = ver(vm) >= (3, 8) && {
                        let n = vm.names.__index__.clone();
                        vm.lookup_in_mro(&class_, &n).is_some()
                    };
                    if has_float || has_index {
                        super::float::float_from_value(vm, v)?
                    } else {
                        return Err(vm
                            .type_error(&if bytes {
                                format!("float argument required, not {}", vm.type_name(v))
                            } else {
                                format!("must be real number, not {}", vm.type_name(v))
                            })
                            .into());
                    }
                }
            };
            let s =
                crate::vm::format::float_to_string(x, c, prec.unwrap_or(6), fl.alt, false, false);
            let (neg, body) = match s.strip_prefix('-') {
                Some(b) => (true, b.to_string()),
                None => (false, s.clone()),
            };
            let sign = sign_of(neg);
            Ok((units(&format!("{sign}{body}")), Some(sign.len())))
        }
        _ => Err(FmtErr::Unsupported),
    }
}

// ----- str.format -----

/// Positional and keyword arguments of a `format` call.
struct FormatArgs<'a> {
    pos: &'a [Value],
    kw: Option<Value>,
    kwpairs: Vec<(Value, Value)>,
    auto: Option<usize>,
    manual: bool,
}

fn str_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = super::str::self_str(vm, &args, "format")?.code_points();
    let pos = &args.pos()[1..];
    let kwpairs: Vec<(Value, Value)> = args.kw().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut fa = FormatArgs {
        pos,
        kw: None,
        kwpairs,
        auto: None,
        manual: false,
    };
    let out = vformat(vm, &s, &mut fa, 2)?;
    Ok(vm.new_str_points(&out))
}

fn str_format_map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = super::str::self_str(vm, &args, "format_map")?.code_points();
    let pos = super::str::method_args(vm, &args, "str", "format_map", 1, 1)?;
    let mut fa = FormatArgs {
        pos: &[],
        kw: Some(pos[0].clone()),
        kwpairs: Vec::new(),
        auto: None,
        manual: false,
    };
    let out = vformat(vm, &s, &mut fa, 2)?;
    Ok(vm.new_str_points(&out))
}

fn ch(c: char) -> u32 {
    c as u32
}

/// Expands `{...}` fields of `s`; `depth` limits nested specs.
fn vformat(vm: &mut Vm, s: &[u32], fa: &mut FormatArgs<'_>, depth: usize) -> PyResult<Vec<u32>> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = Vec::with_capacity(s.len());
    let mut pos = 0;
    while let Some(chunk) = next_markup(vm, s, &mut pos) {
        let chunk = chunk?;
        out.extend_from_slice(chunk.literal);
        if let Some(field) = chunk.field {
            render_field(vm, field, fa, depth, &mut out)?;
        }
    }
    Ok(out)
}

/// One step of CPython's `MarkupIterator` over a format string: literal text (an escaped
/// `{{` or `}}` ends it, contributing one brace), then the replacement field that ended it.
pub struct MarkupChunk<'s> {
    pub literal: &'s [u32],
    pub field: Option<Field<'s>>,
}

/// The chunk of `s` starting at `*pos` (advanced past it); `None` at the end. After an
/// error the iteration is over.
pub fn next_markup<'s>(
    vm: &Vm,
    s: &'s [u32],
    pos: &mut usize,
) -> Option<PyResult<MarkupChunk<'s>>> {
    let start = *pos;
    if start >= s.len() {
        return None;
    }
    *pos = s.len();
    let mut i = start;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c != ch('{') && c != ch('}') {
            continue;
        }
        let at_end = i >= s.len();
        if c == ch('}') && (at_end || s[i] != c) {
            return Some(Err(
                vm.value_error("Single '}' encountered in format string")
            ));
        }
        if at_end {
            return Some(Err(
                vm.value_error("Single '{' encountered in format string")
            ));
        }
        if s[i] == c {
            *pos = i + 1;
            let literal = &s[start..i];
            return Some(Ok(MarkupChunk {
                literal,
                field: None,
            }));
        }
        let literal = &s[start..i - 1];
        return Some(parse_field(vm, s, i).map(|(field, next)| {
            *pos = next;
            MarkupChunk {
                literal,
                field: Some(field),
            }
        }));
    }
    Some(Ok(MarkupChunk {
        literal: &s[start..],
        field: None,
    }))
}

/// A replacement field's parts.
pub struct Field<'s> {
    pub name: &'s [u32],
    pub conversion: Option<u32>,
    pub spec: &'s [u32],
}

/// Parses a field starting after its `{`; returns it and the index after its `}`.
fn parse_field<'s>(vm: &Vm, s: &'s [u32], start: usize) -> PyResult<(Field<'s>, usize)> {
    let mut i = start;
    let mut c = 0;
    while i < s.len() {
        c = s[i];
        i += 1;
        if c == ch('{') {
            return Err(vm.value_error("unexpected '{' in field name"));
        }
        if c == ch('[') {
            while i < s.len() && s[i] != ch(']') {
                i += 1;
            }
            continue;
        }
        if c == ch('}') || c == ch(':') || c == ch('!') {
            break;
        }
    }
    let terminated = c == ch('}') || c == ch(':') || c == ch('!');
    let name = &s[start..if terminated { i - 1 } else { i }];
    let mut field = Field {
        name,
        conversion: None,
        spec: &[],
    };
    if terminated && (c == ch('!') || c == ch(':')) {
        if c == ch('!') {
            if i >= s.len() {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(s[i]);
            i += 1;
            if i < s.len() {
                let d = s[i];
                i += 1;
                if d == ch('}') {
                    return Ok((field, i));
                }
                if d != ch(':') {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = i;
        let mut count = 1;
        while i < s.len() {
            let d = s[i];
            i += 1;
            if d == ch('{') {
                count += 1;
            } else if d == ch('}') {
                count -= 1;
                if count == 0 {
                    field.spec = &s[spec_start..i - 1];
                    return Ok((field, i));
                }
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if !terminated || c != ch('}') {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok((field, i))
}

/// Appends the text of one replacement field to `out`.
fn render_field(
    vm: &mut Vm,
    field: Field<'_>,
    fa: &mut FormatArgs<'_>,
    depth: usize,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    let mut value = lookup_field(vm, field.name, fa)?;
    if field.conversion.is_none() && field.spec.is_empty() {
        // `format(s, '')` of an exact str is `s`.
        if let Value::Obj(o) = &value {
            if let Payload::Str(s) = &o.payload {
                if std::rc::Rc::ptr_eq(o.class(), &vm.types.str_) {
                    s.extend_code_points(out);
                    return Ok(());
                }
            }
        }
    }
    if let Some(conv) = field.conversion {
        value = match char::from_u32(conv) {
            Some('r') => super::str::repr_value(vm, &value)?,
            Some('s') => super::str::str_value(vm, &value)?,
            Some('a') => {
                let a = vm.ascii(&value)?;
                vm.new_str(&a)
            }
            _ => {
                return Err(vm.value_error(&format!(
                    "Unknown conversion specifier {}",
                    char::from_u32(conv).unwrap_or('?')
                )))
            }
        };
    }
    let nested;
    let spec = if field.spec.contains(&ch('{')) {
        nested = vformat(vm, field.spec, fa, depth - 1)?;
        &nested[..]
    } else {
        field.spec
    };
    // Lone surrogates in a spec read as U+FFFD, as `format` sees any spec's text.
    let spec_text: String = spec
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect();
    let r = vm.format_text(&value, &spec_text)?;
    if let Some(s) = r.as_str() {
        s.extend_code_points(out);
    }
    Ok(())
}

/// Where the first part of a field name (`0` or `name` in `0.attr[key]`) ends.
pub fn field_name_first_end(name: &[u32]) -> usize {
    name.iter()
        .position(|&c| c == ch('.') || c == ch('['))
        .unwrap_or(name.len())
}

/// One `.attr` or `[key]` of a field name, as CPython's `FieldNameIterator` reads it.
pub enum FieldPart<'s> {
    Attr(&'s [u32]),
    Index(&'s [u32]),
}

/// The part of `name` starting at `*i` (advanced past it); `None` at the end. After an
/// error the iteration is over.
pub fn next_field_part<'s>(
    vm: &Vm,
    name: &'s [u32],
    i: &mut usize,
) -> Option<PyResult<FieldPart<'s>>> {
    let start = *i;
    if start >= name.len() {
        return None;
    }
    *i = name.len();
    if name[start] == ch('.') {
        let from = start + 1;
        let to = name[from..]
            .iter()
            .position(|&c| c == ch('.') || c == ch('['))
            .map_or(name.len(), |n| from + n);
        if to == from {
            return Some(Err(vm.value_error("Empty attribute in format string")));
        }
        *i = to;
        return Some(Ok(FieldPart::Attr(&name[from..to])));
    }
    if name[start] != ch('[') {
        return Some(Err(vm.value_error(
            "Only '.' or '[' may follow ']' in format field specifier",
        )));
    }
    let from = start + 1;
    let Some(close) = name[from..].iter().position(|&c| c == ch(']')) else {
        return Some(Err(vm.value_error("Missing ']' in format string")));
    };
    let key = &name[from..from + close];
    if key.is_empty() {
        return Some(Err(vm.value_error("Empty attribute in format string")));
    }
    // What follows is checked by the next call, after this item was looked up.
    *i = from + close + 1;
    Some(Ok(FieldPart::Index(key)))
}

/// A `[key]` as the lookup uses it: an int when it is all digits, else the str.
pub fn index_key(vm: &Vm, units: &[u32]) -> Value {
    if units.iter().all(|&c| (0x30..=0x39).contains(&c)) {
        let text: String = units.iter().filter_map(|&c| char::from_u32(c)).collect();
        if let Ok(n) = text.parse::<i64>() {
            return Value::Int(n);
        }
    }
    vm.new_str_points(units)
}

fn lookup_field(vm: &mut Vm, name: &[u32], fa: &mut FormatArgs<'_>) -> PyResult<Value> {
    let first_end = field_name_first_end(name);
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if fa.manual {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let n = fa.auto.unwrap_or(0);
        fa.auto = Some(n + 1);
        positional(vm, fa, n)?
    } else if first.iter().all(|&c| (0x30..=0x39).contains(&c)) {
        if fa.auto.is_some() {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        fa.manual = true;
        let text: String = first.iter().filter_map(|&c| char::from_u32(c)).collect();
        let n: usize = text
            .parse()
            .map_err(|_| vm.value_error("Too many decimal digits in format string"))?;
        positional(vm, fa, n)?
    } else {
        let key = vm.new_str_points(first);
        keyword(vm, fa, &key)?
    };
    let mut i = first_end;
    while let Some(part) = next_field_part(vm, name, &mut i) {
        obj = match part? {
            FieldPart::Attr(units) => {
                let attr = vm.new_str_points(units);
                let Value::Obj(attr) = attr else {
                    unreachable!()
                };
                vm.get_attr(&obj, &attr)?
            }
            FieldPart::Index(units) => {
                let key = index_key(vm, units);
                vm.getitem(&obj, &key)?
            }
        };
    }
    Ok(obj)
}

fn positional(vm: &mut Vm, fa: &FormatArgs<'_>, n: usize) -> PyResult<Value> {
    if fa.kw.is_some() && fa.pos.is_empty() {
        return Err(vm.value_error("Format string contains positional fields"));
    }
    match fa.pos.get(n) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            &if ver(vm) >= (3, 8) {
                format!("Replacement index {n} out of range for positional args tuple")
            } else {
                "tuple index out of range".to_string()
            },
        )),
    }
}

fn keyword(vm: &mut Vm, fa: &FormatArgs<'_>, key: &Value) -> PyResult<Value> {
    if let Some(m) = &fa.kw {
        let m = m.clone();
        return vm.getitem(&m, key);
    }
    for (k, v) in &fa.kwpairs {
        if vm.eq(k, key)? {
            return Ok(v.clone());
        }
    }
    Err(vm.key_error(key))
}
