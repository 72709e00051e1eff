//! Text encodings for `str.encode`, `bytes.decode` and `str(bytes, encoding)`: UTF-8,
//! UTF-16 and UTF-32 (with and without byte order), ASCII, Latin-1 and the single-byte
//! code pages of `codec_tables`, with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `surrogateescape` and `surrogatepass`, and
//! the `UnicodeEncodeError`/`UnicodeDecodeError` objects CPython raises (attributes,
//! messages, positions).

use super::codec_tables::TABLES;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let dec = vm.types.exc.unicode_decode_error.clone();
    let enc = vm.types.exc.unicode_encode_error.clone();
    vm.add_method(
        &dec,
        "__init__",
        unicode_decode_error_init,
        BuiltinKind::Method,
    );
    vm.add_method(
        &enc,
        "__init__",
        unicode_encode_error_init,
        BuiltinKind::Method,
    );
    // The attributes are the items of `args`, as the constructor received them.
    for t in [dec, enc] {
        vm.add_getset(
            &t,
            "encoding",
            |vm, a| unicode_attr(vm, a, 0),
            Some(|vm, a| set_unicode_attr(vm, a, 0)),
        );
        vm.add_getset(
            &t,
            "object",
            |vm, a| unicode_attr(vm, a, 1),
            Some(|vm, a| set_unicode_attr(vm, a, 1)),
        );
        vm.add_getset(
            &t,
            "start",
            |vm, a| unicode_attr(vm, a, 2),
            Some(|vm, a| set_unicode_attr(vm, a, 2)),
        );
        vm.add_getset(
            &t,
            "end",
            |vm, a| unicode_attr(vm, a, 3),
            Some(|vm, a| set_unicode_attr(vm, a, 3)),
        );
        vm.add_getset(
            &t,
            "reason",
            |vm, a| unicode_attr(vm, a, 4),
            Some(|vm, a| set_unicode_attr(vm, a, 4)),
        );
    }
}

/// Item `i` of a Unicode error's args (None when the args are not the usual five).
fn unicode_attr(vm: &mut Vm, args: Args<'_>, i: usize) -> PyResult<Value> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Exception(d)) => Ok(match d.args.get().payload() {
            Some(Payload::Tuple(t)) if t.len() == 5 => t[i].clone(),
            _ => Value::None,
        }),
        _ => Err(vm.type_error("descriptor requires a 'UnicodeError' object")),
    }
}

fn set_unicode_attr(vm: &mut Vm, args: Args<'_>, i: usize) -> PyResult<Value> {
    let (Some(Payload::Exception(d)), Some(v)) = (
        args.values.first().and_then(|v| v.payload()),
        args.values.get(1),
    ) else {
        return Err(vm.type_error("descriptor requires a 'UnicodeError' object"));
    };
    let mut items = match d.args.get().payload() {
        Some(Payload::Tuple(t)) if t.len() == 5 => t.to_vec(),
        _ => vec![Value::None; 5],
    };
    items[i] = v.clone();
    let t = vm.new_tuple(items);
    let _old = d.args.replace(t);
    Ok(Value::None)
}

/// A codec, by its normalized name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    /// Index into `TABLES`.
    Table(usize),
}

fn lookup(name: &str) -> Option<Codec> {
    let mut n = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            n.push(c.to_ascii_lowercase());
        } else if !n.ends_with('_') {
            n.push('_');
        }
    }
    let n = n.trim_matches('_');
    Some(match n {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us"
        | "cp367" | "csascii" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_ir_100" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16(Some(true)),
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16(Some(false)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32(Some(true)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32(Some(false)),
        _ => {
            let alias = match n {
                "windows_1250" => "cp1250",
                "windows_1251" => "cp1251",
                "windows_1252" => "cp1252",
                "windows_1253" => "cp1253",
                "windows_1254" => "cp1254",
                "windows_1255" => "cp1255",
                "windows_1256" => "cp1256",
                "windows_1257" => "cp1257",
                "windows_1258" => "cp1258",
                "437" | "ibm437" => "cp437",
                "850" | "ibm850" => "cp850",
                "iso_8859_2" | "latin2" | "l2" => "iso8859-2",
                "iso_8859_5" | "cyrillic" => "iso8859-5",
                "iso_8859_7" | "greek" | "greek8" => "iso8859-7",
                "iso_8859_9" | "latin5" | "l5" => "iso8859-9",
                "iso_8859_15" | "latin9" | "l9" => "iso8859-15",
                "macroman" | "macintosh" => "mac-roman",
                other => other,
            };
            let alias = alias.replace('_', "-");
            let i = TABLES
                .iter()
                .position(|(t, _)| *t == alias || t.replace('-', "") == alias.replace('-', ""))?;
            Codec::Table(i)
        }
    })
}

/// The codec name CPython reports in Unicode errors.
fn error_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Utf8Sig => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(None) => "utf-16",
        Codec::Utf16(Some(true)) => "utf-16-le",
        Codec::Utf16(Some(false)) => "utf-16-be",
        Codec::Utf32(None) => "utf-32",
        Codec::Utf32(Some(true)) => "utf-32-le",
        Codec::Utf32(Some(false)) => "utf-32-be",
        Codec::Table(_) => "charmap",
    }
}

fn unknown_encoding(vm: &Vm, name: &str) -> PyErr {
    vm.new_exception(
        &vm.types.exc.lookup_error.clone(),
        &format!("unknown encoding: {name}"),
    )
}

fn unknown_handler(vm: &Vm, name: &str) -> PyErr {
    vm.new_exception(
        &vm.types.exc.lookup_error.clone(),
        &format!("unknown error handler name '{name}'"),
    )
}

// ----- errors -----

/// A UnicodeDecodeError with CPython's args and attributes.
pub fn decode_error(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let obj = super::bytes::new_bytes(vm, data.to_vec());
    let enc = vm.new_str(encoding);
    let reason_v = vm.new_str(reason);
    let args = vm.new_tuple(vec![
        enc,
        obj,
        Value::Int(start as i64),
        Value::Int(end as i64),
        reason_v,
    ]);
    vm.new_exception_args(&vm.types.exc.unicode_decode_error.clone(), args)
}

/// A UnicodeEncodeError with CPython's args and attributes.
pub fn encode_error(
    vm: &mut Vm,
    encoding: &str,
    text: &[u32],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let obj = vm.new_str_points(text);
    let enc = vm.new_str(encoding);
    let reason_v = vm.new_str(reason);
    let args = vm.new_tuple(vec![
        enc,
        obj,
        Value::Int(start as i64),
        Value::Int(end as i64),
        reason_v,
    ]);
    vm.new_exception_args(&vm.types.exc.unicode_encode_error.clone(), args)
}

fn unicode_error_init(vm: &mut Vm, args: Args<'_>, decode: bool) -> PyResult<Value> {
    let Some(Value::Obj(o)) = args.values.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' needs an exception"));
    };
    let pos = &args.pos()[1..];
    let name = if decode {
        "UnicodeDecodeError"
    } else {
        "UnicodeEncodeError"
    };
    if pos.len() != 5 {
        return Err(vm.type_error(&format!(
            "function takes exactly 5 arguments ({} given)",
            pos.len()
        )));
    }
    if pos[0].as_str().is_none() {
        return Err(vm.type_error(&format!(
            "argument 1 must be str, not {}",
            vm.type_name(&pos[0])
        )));
    }
    let obj = if decode {
        match pos[1].payload() {
            Some(Payload::Bytes(_)) => pos[1].clone(),
            Some(Payload::ByteArray(b)) => super::bytes::new_bytes(vm, b.get()),
            _ => {
                return Err(vm.type_error(&format!(
                    "argument 2 must be bytes-like object, not {}",
                    vm.type_name(&pos[1])
                )))
            }
        }
    } else {
        if pos[1].as_str().is_none() {
            return Err(vm.type_error(&format!(
                "argument 2 must be str, not {}",
                vm.type_name(&pos[1])
            )));
        }
        pos[1].clone()
    };
    let start = super::numeric::index_or_error(vm, &pos[2])?;
    let end = super::numeric::index_or_error(vm, &pos[3])?;
    if pos[4].as_str().is_none() {
        return Err(vm.type_error(&format!(
            "argument 5 must be str, not {}",
            vm.type_name(&pos[4])
        )));
    }
    let _ = (name, start, end);
    let mut items = pos.to_vec();
    items[1] = obj;
    let t = vm.new_tuple(items);
    if let Payload::Exception(d) = &o.payload {
        let _old = d.args.replace(t);
    }
    Ok(Value::None)
}

fn unicode_decode_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unicode_error_init(vm, args, true)
}

fn unicode_encode_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    unicode_error_init(vm, args, false)
}

/// `str()` of a UnicodeEncodeError/UnicodeDecodeError, from its attributes; `None` for
/// other exceptions (or when the attributes are not usable).
pub fn unicode_error_str(vm: &mut Vm, o: &ObjRef) -> Option<String> {
    let dec = vm.types.exc.unicode_decode_error.clone();
    let enc = vm.types.exc.unicode_encode_error.clone();
    let decode = vm.is_instance_of_class(o, &dec);
    if !decode && !vm.is_instance_of_class(o, &enc) {
        return None;
    }
    let v = Value::Obj(o.clone());
    let mut get = |name: &str| -> Option<Value> {
        let n = vm.intern(name);
        vm.get_attr(&v, &n).ok()
    };
    let encoding = get("encoding")?.as_str()?.as_str().to_string();
    let object = get("object")?;
    let start = crate::vm::ops::as_int(&get("start")?)?.to_big();
    let end = crate::vm::ops::as_int(&get("end")?)?.to_big();
    let reason = get("reason")?.as_str()?.as_str().to_string();
    let (start, end) = (
        num_traits::ToPrimitive::to_i64(&start)?,
        num_traits::ToPrimitive::to_i64(&end)?,
    );
    if decode {
        // The bytes object, or in 2.x the `str` of bytes.
        let data = super::bytes::buffer_arg(vm, &object)?;
        if start >= 0 && (start as usize) < data.len() && end == start + 1 {
            return Some(format!(
                "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            ));
        }
        Some(format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        ))
    } else {
        let text = object.as_str()?.code_points();
        if start >= 0 && (start as usize) < text.len() && end == start + 1 {
            let c = text[start as usize];
            let esc = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            let quoted = crate::vm::messages::quoted_character(vm.version.format.major_minor, &esc);
            return Some(format!(
                "'{encoding}' codec can't encode character {quoted} in position {start}: {reason}"
            ));
        }
        Some(format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ))
    }
}

// ----- encoding -----

/// Encodes code points with `encoding`/`errors` as `str.encode` does.
pub fn encode(vm: &mut Vm, text: &[u32], encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = lookup(encoding) else {
        return encode_via_registry(vm, text, encoding, errors);
    };
    let mut out = Vec::with_capacity(text.len());
    if codec == Codec::Utf8Sig {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    let is_sur = |c: u32| (0xD800..0xE000).contains(&c);
    // Whether a code point is encodable as is, and how.
    let encodable = |c: u32| -> bool {
        match codec {
            Codec::Ascii => c < 0x80,
            Codec::Latin1 => c < 0x100,
            Codec::Utf8 | Codec::Utf8Sig | Codec::Utf16(_) | Codec::Utf32(_) => !is_sur(c),
            Codec::Table(t) => c < 0x80 || TABLES[t].1.iter().any(|&u| u as u32 == c),
        }
    };
    let bom = match codec {
        Codec::Utf16(None) => {
            out.extend_from_slice(&[0xFF, 0xFE]);
            true
        }
        Codec::Utf32(None) => {
            out.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
            true
        }
        _ => false,
    };
    let _ = bom;
    let emit = |c: u32, out: &mut Vec<u8>| match codec {
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Utf8 | Codec::Utf8Sig => push_utf8(c, out),
        Codec::Utf16(order) => {
            let le = order.unwrap_or(true);
            let mut units = [0u16; 2];
            let n = if c >= 0x10000 {
                let v = c - 0x10000;
                units[0] = 0xD800 | (v >> 10) as u16;
                units[1] = 0xDC00 | (v & 0x3FF) as u16;
                2
            } else {
                units[0] = c as u16;
                1
            };
            for u in &units[..n] {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
        }
        Codec::Utf32(order) => {
            let le = order.unwrap_or(true);
            out.extend_from_slice(&if le { c.to_le_bytes() } else { c.to_be_bytes() });
        }
        Codec::Table(t) => {
            if c < 0x80 {
                out.push(c as u8);
            } else if let Some(i) = TABLES[t].1.iter().position(|&u| u as u32 == c) {
                out.push(0x80 + i as u8);
            }
        }
    };
    let limit_reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        Codec::Table(_) => "character maps to <undefined>",
        _ => "surrogates not allowed",
    };
    let name = error_name(codec);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if encodable(c) {
            emit(c, &mut out);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < text.len() && !encodable(text[end]) {
            end += 1;
        }
        match errors {
            "strict" => return Err(encode_error(vm, name, text, start, end, limit_reason)),
            "ignore" => {}
            "replace" => {
                for _ in start..end {
                    emit('?' as u32, &mut out);
                }
            }
            "xmlcharrefreplace" => {
                for &c in &text[start..end] {
                    for b in format!("&#{c};").bytes() {
                        emit(b as u32, &mut out);
                    }
                }
            }
            "backslashreplace" => {
                for &c in &text[start..end] {
                    let esc = if c <= 0xff {
                        format!("\\x{c:02x}")
                    } else if c <= 0xffff {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    for b in esc.bytes() {
                        emit(b as u32, &mut out);
                    }
                }
            }
            "surrogateescape" => {
                for (k, &c) in text[start..end].iter().enumerate() {
                    if (0xDC80..0xDD00).contains(&c) {
                        out.push((c - 0xDC00) as u8);
                    } else {
                        return Err(encode_error(
                            vm,
                            name,
                            text,
                            start + k,
                            start + k + 1,
                            limit_reason,
                        ));
                    }
                }
            }
            "surrogatepass"
                if matches!(
                    codec,
                    Codec::Utf8 | Codec::Utf8Sig | Codec::Utf16(_) | Codec::Utf32(_)
                ) =>
            {
                for (k, &c) in text[start..end].iter().enumerate() {
                    if !is_sur(c) {
                        return Err(encode_error(
                            vm,
                            name,
                            text,
                            start + k,
                            start + k + 1,
                            limit_reason,
                        ));
                    }
                    match codec {
                        Codec::Utf8 | Codec::Utf8Sig => push_utf8(c, &mut out),
                        Codec::Utf16(order) => {
                            let u = c as u16;
                            out.extend_from_slice(&if order.unwrap_or(true) {
                                u.to_le_bytes()
                            } else {
                                u.to_be_bytes()
                            });
                        }
                        _ => out.extend_from_slice(&if let Codec::Utf32(Some(false)) = codec {
                            c.to_be_bytes()
                        } else {
                            c.to_le_bytes()
                        }),
                    }
                }
            }
            "surrogatepass" => return Err(encode_error(vm, name, text, start, end, limit_reason)),
            other => {
                let exc = encode_error(vm, name, text, start, end, limit_reason);
                let (rep, newpos) = call_handler(vm, other, exc, text.len(), true)?;
                match rep {
                    Replacement::Bytes(b) => out.extend_from_slice(&b),
                    Replacement::Text(t) => {
                        for c in t {
                            if !encodable(c) {
                                return Err(encode_error(vm, name, text, start, end, limit_reason));
                            }
                            emit(c, &mut out);
                        }
                    }
                }
                i = newpos;
                continue;
            }
        }
        i = end;
    }
    Ok(out)
}

fn push_utf8(c: u32, out: &mut Vec<u8>) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.push(0xC0 | (c >> 6) as u8);
        out.push(0x80 | (c & 0x3F) as u8);
    } else if c < 0x10000 {
        out.push(0xE0 | (c >> 12) as u8);
        out.push(0x80 | ((c >> 6) & 0x3F) as u8);
        out.push(0x80 | (c & 0x3F) as u8);
    } else {
        out.push(0xF0 | (c >> 18) as u8);
        out.push(0x80 | ((c >> 12) & 0x3F) as u8);
        out.push(0x80 | ((c >> 6) & 0x3F) as u8);
        out.push(0x80 | (c & 0x3F) as u8);
    }
}

// ----- decoding -----

/// One step of a decoder: a code point and the bytes it used, or an error range.
enum Step {
    Char(u32, usize),
    /// An undecodable range of `len` bytes at the position, and why.
    Error(usize, &'static str),
}

fn utf8_step(d: &[u8], surrogatepass: bool) -> Step {
    let b0 = d[0];
    if b0 < 0x80 {
        return Step::Char(b0 as u32, 1);
    }
    let (n, min2, max2) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED if !surrogatepass => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Step::Error(1, "invalid start byte"),
    };
    for k in 1..n {
        let Some(&b) = d.get(k) else {
            return Step::Error(d.len(), "unexpected end of data");
        };
        let ok = if k == 1 {
            (min2..=max2).contains(&b)
        } else {
            (0x80..=0xBF).contains(&b)
        };
        if !ok {
            return Step::Error(k, "invalid continuation byte");
        }
    }
    let cp = match n {
        2 => ((b0 as u32 & 0x1F) << 6) | (d[1] as u32 & 0x3F),
        3 => ((b0 as u32 & 0x0F) << 12) | ((d[1] as u32 & 0x3F) << 6) | (d[2] as u32 & 0x3F),
        _ => {
            ((b0 as u32 & 0x07) << 18)
                | ((d[1] as u32 & 0x3F) << 12)
                | ((d[2] as u32 & 0x3F) << 6)
                | (d[3] as u32 & 0x3F)
        }
    };
    Step::Char(cp, n)
}

fn utf16_step(d: &[u8], le: bool) -> Step {
    if d.len() < 2 {
        return Step::Error(d.len(), "truncated data");
    }
    let unit = |i: usize| {
        if le {
            u16::from_le_bytes([d[i], d[i + 1]])
        } else {
            u16::from_be_bytes([d[i], d[i + 1]])
        }
    };
    let u = unit(0) as u32;
    if !(0xD800..0xE000).contains(&u) {
        return Step::Char(u, 2);
    }
    if u >= 0xDC00 {
        return Step::Error(2, "illegal encoding");
    }
    if d.len() < 4 {
        return Step::Error(d.len(), "unexpected end of data");
    }
    let u2 = unit(2) as u32;
    if !(0xDC00..0xE000).contains(&u2) {
        return Step::Error(2, "illegal UTF-16 surrogate");
    }
    Step::Char(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00), 4)
}

fn utf32_step(d: &[u8], le: bool) -> Step {
    if d.len() < 4 {
        return Step::Error(d.len(), "truncated data");
    }
    let b = [d[0], d[1], d[2], d[3]];
    let c = if le {
        u32::from_le_bytes(b)
    } else {
        u32::from_be_bytes(b)
    };
    if c > 0x10FFFF {
        return Step::Error(4, "code point not in range(0x110000)");
    }
    if (0xD800..0xE000).contains(&c) {
        return Step::Error(4, "code point in surrogate character range");
    }
    Step::Char(c, 4)
}

/// Decodes bytes with `encoding`/`errors` as `bytes.decode` does, giving a str value.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    if lookup(encoding).is_none() {
        return decode_via_registry(vm, data, encoding, errors);
    }
    let (out, _) = decode_partial(vm, data, encoding, errors, true, None)?;
    Ok(vm.new_str_points(&out))
}

/// Whether `encoding` names a codec these functions implement.
pub fn is_known(encoding: &str) -> bool {
    lookup(encoding).is_some()
}

/// The canonical (Python `codecs`) name of a known encoding: `utf-8`, `latin-1`,
/// `utf-16-le`, `cp1252`...
pub fn canonical_name(encoding: &str) -> Option<String> {
    Some(match lookup(encoding)? {
        Codec::Utf8Sig => "utf-8-sig".to_string(),
        Codec::Latin1 => "iso8859-1".to_string(),
        Codec::Table(t) => TABLES[t].0.to_string(),
        c => error_name(c).to_string(),
    })
}

/// Decodes as much of `data` as forms whole characters (all of it when `final_`):
/// the code points and the number of bytes used. With `ends`, the byte offset just
/// after each produced code point is pushed there (for stream positions).
pub fn decode_partial(
    vm: &mut Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
    final_: bool,
    mut ends: Option<&mut Vec<usize>>,
) -> PyResult<(Vec<u32>, usize)> {
    let codec = lookup(encoding).ok_or_else(|| unknown_encoding(vm, encoding))?;
    let mut pos = 0;
    let mut codec = codec;
    let bom_pending = |n: usize| !final_ && data.len() < n;
    match codec {
        Codec::Utf8Sig if bom_pending(3) && [0xEF, 0xBB, 0xBF].starts_with(data) => {
            return Ok((Vec::new(), 0))
        }
        Codec::Utf8Sig if data.starts_with(&[0xEF, 0xBB, 0xBF]) => pos = 3,
        Codec::Utf16(None) if bom_pending(2) => return Ok((Vec::new(), 0)),
        Codec::Utf32(None) if bom_pending(4) => return Ok((Vec::new(), 0)),
        Codec::Utf16(None) => {
            codec = Codec::Utf16(Some(!data.starts_with(&[0xFE, 0xFF])));
            if data.starts_with(&[0xFF, 0xFE]) || data.starts_with(&[0xFE, 0xFF]) {
                pos = 2;
            }
        }
        Codec::Utf32(None) => {
            codec = Codec::Utf32(Some(!data.starts_with(&[0, 0, 0xFE, 0xFF])));
            if data.starts_with(&[0xFF, 0xFE, 0, 0]) || data.starts_with(&[0, 0, 0xFE, 0xFF]) {
                pos = 4;
            }
        }
        _ => {}
    }
    let name = error_name(codec);
    let surrogatepass = errors == "surrogatepass";
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut push = |out: &mut Vec<u32>, c: u32, end: usize| {
        out.push(c);
        if let Some(e) = ends.as_deref_mut() {
            e.push(end);
        }
    };
    while pos < data.len() {
        let d = &data[pos..];
        let step = match codec {
            Codec::Ascii => {
                if d[0] < 0x80 {
                    Step::Char(d[0] as u32, 1)
                } else {
                    Step::Error(1, "ordinal not in range(128)")
                }
            }
            Codec::Latin1 => Step::Char(d[0] as u32, 1),
            Codec::Utf8 | Codec::Utf8Sig => utf8_step(d, surrogatepass),
            Codec::Utf16(o) => utf16_step(d, o.unwrap_or(true)),
            Codec::Utf32(o) => utf32_step(d, o.unwrap_or(true)),
            Codec::Table(t) => {
                if d[0] < 0x80 {
                    Step::Char(d[0] as u32, 1)
                } else {
                    match TABLES[t].1[(d[0] - 0x80) as usize] {
                        0xFFFE => Step::Error(1, "character maps to <undefined>"),
                        u => Step::Char(u as u32, 1),
                    }
                }
            }
        };
        match step {
            Step::Char(c, n) => {
                pos += n;
                push(&mut out, c, pos);
            }
            Step::Error(len, reason) => {
                let incomplete = matches!(reason, "unexpected end of data" | "truncated data")
                    && pos + len >= data.len();
                if incomplete && !final_ {
                    break;
                }
                let (start, end) = (pos, pos + len.max(1));
                match errors {
                    "strict" | "surrogatepass" => {
                        return Err(decode_error(vm, name, data, start, end, reason))
                    }
                    "ignore" => {}
                    "replace" => push(&mut out, 0xFFFD, end),
                    "backslashreplace" => {
                        for &b in &data[start..end] {
                            for c in format!("\\x{b:02x}").chars() {
                                push(&mut out, c as u32, end);
                            }
                        }
                    }
                    "surrogateescape" => {
                        for &b in &data[start..end] {
                            if b < 0x80 {
                                return Err(decode_error(vm, name, data, start, end, reason));
                            }
                            push(&mut out, 0xDC00 + b as u32, end);
                        }
                    }
                    other => {
                        let exc = decode_error(vm, name, data, start, end, reason);
                        let (rep, newpos) = call_handler(vm, other, exc, data.len(), false)?;
                        if let Replacement::Text(t) = rep {
                            for c in t {
                                push(&mut out, c, newpos);
                            }
                        }
                        pos = newpos;
                        continue;
                    }
                }
                pos = end;
            }
        }
    }
    Ok((out, pos))
}

/// What a registered error handler gives back.
enum Replacement {
    Text(Vec<u32>),
    Bytes(Vec<u8>),
}

/// Runs the error handler registered as `name` (LookupError when there is none) on the
/// Unicode error `exc`: the replacement and the position to resume at.
fn call_handler(
    vm: &mut Vm,
    name: &str,
    exc: PyErr,
    len: usize,
    encoding: bool,
) -> PyResult<(Replacement, usize)> {
    let Some(handler) = crate::modules::codecs::error_handler(vm, name)? else {
        return Err(unknown_handler(vm, name));
    };
    let r = vm.call(&handler, Args::positional(&[Value::Obj(exc.0)]))?;
    let bad = |vm: &Vm| {
        vm.type_error(if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        })
    };
    let Some(Payload::Tuple(t)) = r.payload() else {
        return Err(bad(vm));
    };
    if t.len() != 2 {
        return Err(bad(vm));
    }
    let rep = match (t[0].as_str(), t[0].payload()) {
        (Some(s), _) => Replacement::Text(s.code_points()),
        (None, Some(Payload::Bytes(b))) if encoding => Replacement::Bytes(b.to_vec()),
        _ => return Err(bad(vm)),
    };
    let Some(crate::vm::ops::IntRef::Small(mut newpos)) = crate::vm::ops::as_int(&t[1]) else {
        return Err(bad(vm));
    };
    if newpos < 0 {
        newpos += len as i64;
    }
    if newpos < 0 || newpos as usize > len {
        let class = vm.types.exc.index_error.clone();
        return Err(vm.new_exception(
            &class,
            &format!("position {newpos} from error handler out of bounds"),
        ));
    }
    Ok((rep, newpos as usize))
}

/// `str.encode` with a codec found through the codec registry (the stdlib's
/// `encodings`), for the encodings not implemented here.
fn encode_via_registry(
    vm: &mut Vm,
    text: &[u32],
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let Some(info) = crate::modules::codecs::lookup_codec(vm, encoding)? else {
        return Err(unknown_encoding(vm, encoding));
    };
    let f = vm.getitem(&info, &Value::Int(0))?;
    let s = vm.new_str_points(text);
    let e = vm.new_str(errors);
    let r = vm.call(&f, Args::positional(&[s, e]))?;
    let first = vm.getitem(&r, &Value::Int(0))?;
    match first.payload() {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        _ => {
            let t = vm.type_name(&first);
            Err(vm.type_error(&format!(
                "'{encoding}' encoder returned '{t}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
            )))
        }
    }
}

/// `bytes.decode` through the codec registry.
fn decode_via_registry(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let Some(info) = crate::modules::codecs::lookup_codec(vm, encoding)? else {
        return Err(unknown_encoding(vm, encoding));
    };
    let f = vm.getitem(&info, &Value::Int(1))?;
    let b = super::bytes::new_bytes(vm, data.to_vec());
    let e = vm.new_str(errors);
    let r = vm.call(&f, Args::positional(&[b, e]))?;
    let first = vm.getitem(&r, &Value::Int(0))?;
    if first.as_str().is_none() {
        let t = vm.type_name(&first);
        return Err(vm.type_error(&format!(
            "'{encoding}' decoder returned '{t}' instead of 'str'; use codecs.decode() to decode to arbitrary types"
        )));
    }
    Ok(first)
}
