//! The native `_struct` module: `pack`, `unpack`, `calcsize`, `pack_into`,
//! `unpack_from`, `iter_unpack`, the `Struct` class and `error`, with CPython's format
//! language (byte order `@ = < > !`, native alignment, repeat counts, every format
//! character) and each version's error messages (`messages::struct_*`).

use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{messages, PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// One item of a format: a code, how many (or the byte length for `s`/`p`), and its
/// offset in the packed data.
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

/// A parsed format.
struct Format {
    items: Vec<Item>,
    size: usize,
    little: bool,
    native: bool,
    /// How many values pack takes / unpack gives.
    len: usize,
}

/// The size of a code in native (`@`) or standard mode; None when the code is unknown
/// there.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn struct_error(vm: &mut Vm, message: &str) -> PyErr {
    match error_class(vm) {
        Some(c) => vm.new_exception(&c, message),
        None => vm.value_error(message),
    }
}

/// `struct.error`, from the module (created with it).
fn error_class(vm: &mut Vm) -> Option<ObjRef> {
    let m = vm.import_absolute("_struct").ok()?;
    let key = vm.intern("error");
    match vm.get_attr(&m, &key).ok()? {
        Value::Obj(o) => Some(o),
        _ => None,
    }
}

fn parse(vm: &mut Vm, fmt: &[u8]) -> PyResult<Format> {
    let (native, little, rest) = match fmt.first() {
        Some(b'@') => (true, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'=') => (false, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'<') => (false, true, &fmt[1..]),
        Some(b'>') | Some(b'!') => (false, false, &fmt[1..]),
        _ => (true, cfg!(target_endian = "little"), fmt),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut len = 0usize;
    let mut i = 0;
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < rest.len() && rest[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((rest[i] - b'0') as usize))
                {
                    Some(n) => n,
                    None => return Err(too_long(vm)),
                };
                i += 1;
            }
            if i >= rest.len() {
                return Err(struct_error(
                    vm,
                    "repeat count given without format specifier",
                ));
            }
            count = Some(n);
        }
        let code = rest[i];
        i += 1;
        let Some(csize) = code_size(code, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        if native && !matches!(code, b's' | b'p' | b'x' | b'c') {
            let align = csize;
            size = match size.checked_add(align - 1) {
                Some(s) => s / align * align,
                None => return Err(too_long(vm)),
            };
        }
        let total = match csize.checked_mul(count).and_then(|t| t.checked_add(size)) {
            Some(t) if t <= isize::MAX as usize => t - size,
            _ => return Err(too_long(vm)),
        };
        match code {
            b's' | b'p' => {
                items.push(Item {
                    code,
                    count,
                    offset: size,
                    size: 1,
                });
                len += 1;
            }
            b'x' => {}
            _ => {
                if count > 0 {
                    items.push(Item {
                        code,
                        count,
                        offset: size,
                        size: csize,
                    });
                }
                len += count;
            }
        }
        size += total;
    }
    Ok(Format {
        items,
        size,
        little,
        native,
        len,
    })
}

/// The format text of an argument (str or bytes).
fn format_bytes(vm: &mut Vm, v: &Value, who: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.to_vec());
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "{who} argument 1 must be a str or bytes object, not {t}"
    )))
}

// ----- packing -----

/// The integer value of an argument to an integer code.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match crate::builtins::numeric::index_big(vm, v)? {
        Some(b) if crate::builtins::numeric::float_of(v).is_none() => Ok(b),
        _ => {
            let message = crate::vm::messages::struct_not_an_integer(vm.version.format.major_minor);
            Err(struct_error(vm, message))
        }
    }
}

/// The range an integer code accepts: (min, max, signed).
fn int_range(code: u8, size: usize) -> (BigInt, BigInt) {
    let bits = size * 8;
    if code.is_ascii_lowercase() && code != b'?' {
        let max = (BigInt::from(1) << (bits - 1)) - 1;
        (-(&max) - 1, max)
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    }
}

fn pack_int(vm: &mut Vm, f: &Format, code: u8, size: usize, v: &Value) -> PyResult<Vec<u8>> {
    let n = int_arg(vm, v)?;
    let ver = vm.version.format.major_minor;
    let n = if code == b'P' && n.sign() == num_bigint::Sign::Minus {
        // PyLong_AsVoidPtr takes negative pointers as their two's complement.
        match n.to_i64() {
            Some(i) => BigInt::from(i as u64),
            None => return Err(struct_error(vm, "argument out of range")),
        }
    } else {
        n
    };
    let (min, max) = int_range(code, size);
    if n < min || n > max {
        let msg = messages::struct_int_range(
            ver,
            code,
            f.native,
            size,
            &min.to_string(),
            &max.to_string(),
            &n,
        );
        return Err(struct_error(vm, &msg));
    }
    let bits: u64 = if min.sign() == num_bigint::Sign::Minus {
        n.to_i64().unwrap_or(0) as u64
    } else {
        n.to_u64().unwrap_or(0)
    };
    let le = bits.to_le_bytes();
    let mut out = le[..size].to_vec();
    if !f.little {
        out.reverse();
    }
    Ok(out)
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match crate::modules::math::to_f64(vm, v) {
        Ok(x) => Ok(x),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.type_error.clone()) => {
            Err(struct_error(vm, "required argument is not a float"))
        }
        Err(e) => Err(e),
    }
}

/// IEEE 754 half precision from a double, rounding half to even.
fn to_half(vm: &mut Vm, x: f64) -> PyResult<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    if a == 0.0 {
        return Ok(sign);
    }
    let overflow = || {
        let class = vm.types.exc.overflow_error.clone();
        vm.new_exception(&class, "float too large to pack with e format")
    };
    // Scale to a 10-bit mantissa and round half to even.
    let (mut e, mut m);
    let exp = a.log2().floor() as i32;
    if exp < -14 {
        // Subnormal: value = m * 2^-24.
        let scaled = a * 2f64.powi(24);
        m = round_half_even(scaled) as u32;
        if m >= 0x400 {
            return Ok(sign | 0x0400);
        }
        return Ok(sign | m as u16);
    }
    e = exp;
    let mut frac = a / 2f64.powi(e) - 1.0;
    if frac < 0.0 {
        e -= 1;
        frac = a / 2f64.powi(e) - 1.0;
    } else if frac >= 1.0 {
        e += 1;
        frac = a / 2f64.powi(e) - 1.0;
    }
    m = round_half_even(frac * 1024.0) as u32;
    if m >= 0x400 {
        m = 0;
        e += 1;
    }
    if e > 15 {
        return Err(overflow());
    }
    Ok(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn ordered(bytes: &[u8], little: bool) -> Vec<u8> {
    let mut v = bytes.to_vec();
    if little != cfg!(target_endian = "little") {
        v.reverse();
    }
    v
}

/// Packs `values` with `f` into `out` at `base`.
fn pack_values(vm: &mut Vm, f: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut vi = 0;
    for item in &f.items {
        match item.code {
            b's' | b'p' => {
                let v = &values[vi];
                vi += 1;
                let Some(data) = (match v.payload() {
                    Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => buffer_arg(vm, v),
                    _ => None,
                }) else {
                    let c = item.code as char;
                    return Err(struct_error(
                        vm,
                        &format!("argument for '{c}' must be a bytes object"),
                    ));
                };
                let dst = &mut out[item.offset..item.offset + item.count];
                if item.code == b's' {
                    let n = data.len().min(item.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if item.count > 0 {
                    let n = data.len().min(item.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..item.count {
                    let v = &values[vi];
                    vi += 1;
                    let at = item.offset + k * item.size;
                    let bytes = match code {
                        b'c' => match v.payload() {
                            Some(Payload::Bytes(b)) if b.len() == 1 => vec![b[0]],
                            Some(Payload::ByteArray(b)) if b.with(|b| b.len()) == 1 => b.get(),
                            _ => {
                                return Err(struct_error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ))
                            }
                        },
                        b'?' => vec![vm.truthy(v)? as u8],
                        b'f' => {
                            let x = float_arg(vm, v)?;
                            let y = x as f32;
                            if y.is_infinite() && x.is_finite() && !f.native {
                                let class = vm.types.exc.overflow_error.clone();
                                return Err(vm.new_exception(
                                    &class,
                                    "float too large to pack with f format",
                                ));
                            }
                            ordered(&y.to_ne_bytes(), f.little)
                        }
                        b'd' => ordered(&float_arg(vm, v)?.to_ne_bytes(), f.little),
                        b'e' => {
                            let x = float_arg(vm, v)?;
                            let h = to_half(vm, x)?;
                            if f.little {
                                h.to_le_bytes().to_vec()
                            } else {
                                h.to_be_bytes().to_vec()
                            }
                        }
                        _ => pack_int(vm, f, code, item.size, v)?,
                    };
                    out[at..at + bytes.len()].copy_from_slice(&bytes);
                }
            }
        }
    }
    Ok(())
}

fn check_count(vm: &mut Vm, f: &Format, who: &str, got: usize) -> PyResult<()> {
    if got != f.len {
        return Err(struct_error(
            vm,
            &format!("{who} expected {} items for packing (got {got})", f.len),
        ));
    }
    Ok(())
}

fn pack_with(vm: &mut Vm, f: &Format, values: &[Value]) -> PyResult<Value> {
    check_count(vm, f, "pack", values.len())?;
    if f.size > 1 << 40 {
        return Err(vm.new_exception(&vm.types.exc.memory_error.clone(), ""));
    }
    let mut out = vec![0u8; f.size];
    pack_values(vm, f, values, &mut out)?;
    Ok(new_bytes(vm, out))
}

/// Resolves a pack_into/unpack_from offset against a buffer length.
fn place(vm: &mut Vm, f: &Format, offset: i64, buflen: usize, packing: bool) -> PyResult<usize> {
    let ver = vm.version.format.major_minor;
    let mut off = offset;
    if off < 0 {
        if (-off) as usize > buflen {
            let msg = messages::struct_offset_out_of_range(ver, offset, buflen, f.size, packing);
            return Err(struct_error(vm, &msg));
        }
        if ((-off) as usize) < f.size {
            let msg = messages::struct_no_room(ver, offset, buflen, f.size, packing);
            return Err(struct_error(vm, &msg));
        }
        off += buflen as i64;
    }
    let off = off as usize;
    if buflen < f.size || buflen - f.size < off {
        let msg = messages::struct_buffer_too_small(ver, off, buflen, f.size, packing);
        return Err(struct_error(vm, &msg));
    }
    Ok(off)
}

// ----- unpacking -----

fn unpack_values(vm: &mut Vm, f: &Format, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(f.len);
    for item in &f.items {
        match item.code {
            b's' => out.push(new_bytes(
                vm,
                data[item.offset..item.offset + item.count].to_vec(),
            )),
            b'p' => {
                let d = &data[item.offset..item.offset + item.count];
                let n = d
                    .first()
                    .map_or(0, |&n| (n as usize).min(item.count.saturating_sub(1)));
                out.push(new_bytes(vm, d.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            code => {
                for k in 0..item.count {
                    let at = item.offset + k * item.size;
                    let raw = &data[at..at + item.size];
                    let v = match code {
                        b'c' => new_bytes(vm, raw.to_vec()),
                        b'?' => Value::bool(raw[0] != 0),
                        b'f' => {
                            let b = ordered(raw, f.little);
                            Value::float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64)
                        }
                        b'd' => {
                            let b = ordered(raw, f.little);
                            let mut a = [0u8; 8];
                            a.copy_from_slice(&b);
                            Value::float(f64::from_ne_bytes(a))
                        }
                        b'e' => {
                            let h = if f.little {
                                u16::from_le_bytes([raw[0], raw[1]])
                            } else {
                                u16::from_be_bytes([raw[0], raw[1]])
                            };
                            Value::float(from_half(h))
                        }
                        _ => {
                            let mut le = raw.to_vec();
                            if !f.little {
                                le.reverse();
                            }
                            let mut a = [0u8; 8];
                            a[..le.len()].copy_from_slice(&le);
                            let u = u64::from_le_bytes(a);
                            let signed = code.is_ascii_lowercase();
                            if signed {
                                let shift = 64 - 8 * item.size as u32;
                                Value::Int(((u << shift) as i64) >> shift)
                            } else if u <= i64::MAX as u64 {
                                Value::Int(u as i64)
                            } else {
                                crate::builtins::int::int_value(vm, BigInt::from(u))
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    Ok(vm.new_tuple(out))
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_arg(vm, v).ok_or_else(|| {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn unpack_with(vm: &mut Vm, f: &Format, data: &[u8]) -> PyResult<Value> {
    if data.len() != f.size {
        let message =
            crate::vm::messages::struct_unpack_size(vm.version.format.major_minor, f.size);
        return Err(struct_error(vm, &message));
    }
    unpack_values(vm, f, data)
}

// ----- the module functions -----

/// The format (first argument) of a module function.
fn leading_format(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Format> {
    let Some(fmt) = args.pos().first() else {
        return Err(vm.type_error(&format!(
            "{name}() missing required argument 'format' (pos 1)"
        )));
    };
    let text = format_bytes(vm, fmt, "Struct()")?;
    parse(vm, &text)
}

fn struct_pack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().is_empty() {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    }
    let f = leading_format(vm, &args, "pack")?;
    pack_with(vm, &f, &args.pos()[1..])
}

fn struct_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 2 {
        let ver = vm.version.format.major_minor;
        return Err(vm.type_error(&messages::struct_unpack_arity(ver, args.pos().len())));
    }
    let f = leading_format(vm, &args, "unpack")?;
    let data = data_arg(vm, &args.pos()[1])?;
    unpack_with(vm, &f, &data)
}

fn struct_calcsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = leading_format(vm, &args, "calcsize")?;
    Ok(Value::Int(f.size as i64))
}

fn pack_into_with(vm: &mut Vm, f: &Format, rest: &[Value]) -> PyResult<Value> {
    let Some(buffer) = rest.first() else {
        return Err(struct_error(vm, "pack_into expected buffer argument"));
    };
    let Some(offset) = rest.get(1) else {
        return Err(struct_error(vm, "pack_into expected offset argument"));
    };
    check_count(vm, f, "pack_into", rest.len() - 2)?;
    let offset = crate::builtins::numeric::index_or_error(vm, offset)?
        .to_i64()
        .unwrap_or(i64::MAX);
    let buflen = match buffer.payload() {
        Some(Payload::ByteArray(b)) => b.with(|b| b.len()),
        _ => {
            let t = vm.type_name(buffer);
            return Err(vm.type_error(&format!(
                "argument must be read-write bytes-like object, not {t}"
            )));
        }
    };
    let at = place(vm, f, offset, buflen, true)?;
    let mut out = vec![0u8; f.size];
    pack_values(vm, f, &rest[2..], &mut out)?;
    if let Some(Payload::ByteArray(b)) = buffer.payload() {
        b.with_mut(|b| {
            if at + out.len() <= b.len() {
                b[at..at + out.len()].copy_from_slice(&out);
            }
        });
    }
    Ok(Value::None)
}

fn struct_pack_into(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().is_empty() {
        return Err(vm.type_error("pack_into expected at least 1 argument, got 0"));
    }
    let f = leading_format(vm, &args, "pack_into")?;
    pack_into_with(vm, &f, &args.pos()[1..])
}

fn unpack_from_with(
    vm: &mut Vm,
    f: &Format,
    buffer: &Value,
    offset: Option<&Value>,
) -> PyResult<Value> {
    let data = data_arg(vm, buffer)?;
    let offset = match offset {
        Some(o) => crate::builtins::numeric::index_or_error(vm, o)?
            .to_i64()
            .unwrap_or(i64::MAX),
        None => 0,
    };
    let at = place(vm, f, offset, data.len(), false)?;
    unpack_values(vm, f, &data[at..at + f.size])
}

fn struct_unpack_from(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "unpack_from",
        params: &["format", "buffer", "offset"],
        required: 2,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let fmt = a[0].clone().unwrap_or(Value::None);
    let text = format_bytes(vm, &fmt, "Struct()")?;
    let f = parse(vm, &text)?;
    let buffer = a[1].clone().unwrap_or(Value::None);
    unpack_from_with(vm, &f, &buffer, a[2].as_ref())
}

/// The state of an `iter_unpack` iterator: the tuples still to give.
struct UnpackIter {
    items: PyCell<std::collections::VecDeque<Value>>,
}

fn iter_unpack_with(vm: &mut Vm, f: &Format, buffer: &Value) -> PyResult<Value> {
    if f.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = data_arg(vm, buffer)?;
    if data.len() % f.size != 0 {
        return Err(struct_error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let mut items = std::collections::VecDeque::new();
    for chunk in data.chunks(f.size) {
        items.push_back(unpack_values(vm, f, chunk)?);
    }
    let t = unpack_iter_type(vm)?;
    Ok(Value::Obj(Object::new(
        t,
        Payload::Other(Box::new(UnpackIter {
            items: PyCell::new(items),
        })),
    )))
}

fn struct_iter_unpack(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 2 {
        return Err(vm.type_error(&format!(
            "iter_unpack expected 2 arguments, got {}",
            args.pos().len()
        )));
    }
    let f = leading_format(vm, &args, "iter_unpack")?;
    iter_unpack_with(vm, &f, &args.pos()[1])
}

fn unpack_iter_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.import_absolute("_struct")?;
    let key = vm.intern("unpack_iterator");
    match vm.get_attr(&m, &key)? {
        Value::Obj(o) => Ok(o),
        _ => Err(vm.system_error("_struct.unpack_iterator")),
    }
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(o)) => o.downcast_ref::<UnpackIter>(),
        _ => None,
    };
    let Some(it) = it else {
        return Err(vm.type_error("descriptor requires an 'unpack_iterator' object"));
    };
    match it.items.with_mut(|q| q.pop_front()) {
        Some(v) => Ok(v),
        None => {
            let class = vm.types.exc.stop_iteration.clone();
            Err(vm.new_exception(&class, ""))
        }
    }
}

// ----- Struct -----

/// A compiled `Struct`: its format text and parsed form.
struct StructObj {
    text: PyCell<Vec<u8>>,
}

fn struct_of<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a StructObj> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(o)) => o
            .downcast_ref::<StructObj>()
            .ok_or_else(|| vm.type_error("descriptor requires a '_struct.Struct' object")),
        _ => Err(vm.type_error("descriptor requires a '_struct.Struct' object")),
    }
}

fn this_format(vm: &mut Vm, args: &Args<'_>) -> PyResult<Format> {
    let s = struct_of(vm, args)?;
    let text = s.text.get();
    parse(vm, &text)
}

fn struct_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first().cloned() else {
        return Err(vm.type_error("Struct.__new__(X): X is not a type object"));
    };
    let obj = Value::Obj(Object::with_dict(
        cls,
        Payload::Other(Box::new(StructObj {
            text: PyCell::new(Vec::new()),
        })),
    ));
    Ok(obj)
}

fn struct_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "Struct",
        params: &["", "format"],
        required: 2,
        positional_only: 1,
    };
    let s = struct_of(vm, &args)?;
    let a = sig.bind(vm, args)?;
    let fmt = a[1].clone().unwrap_or(Value::None);
    let text = format_bytes(vm, &fmt, "Struct()")?;
    parse(vm, &text)?;
    s.text.replace(text);
    Ok(Value::None)
}

fn struct_format_attr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = struct_of(vm, &args)?;
    let text = s.text.get();
    Ok(if vm.version.format.major_minor >= (3, 7) {
        vm.new_str(&String::from_utf8_lossy(&text))
    } else {
        new_bytes(vm, text)
    })
}

fn struct_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = struct_of(vm, &args)?;
    let text = vm.new_str(&String::from_utf8_lossy(&s.text.get()));
    let r = vm.repr(&text)?;
    let this = args.values[0].clone();
    let tname = vm.type_name(&this);
    Ok(vm.new_str(&format!("{tname}({r})")))
}

/// `_struct`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_struct");
    let meta = vm.types.type_.clone();
    // struct.error
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let sm = vm.new_str("struct");
    vm.dict_set(&ns, key.clone(), sm)?;
    let exc = vm
        .types
        .exc
        .all
        .iter()
        .find(|(n, _)| *n == "Exception")
        .map(|(_, c)| c.clone());
    let bases = exc.into_iter().collect();
    let error = vm.new_class(&meta, "error", bases, &ns, Args::positional(&[]))?;
    vm.module_set(&m, "error", Value::Obj(error));
    // Struct
    let ns = vm.new_dict();
    let mname = vm.new_str(if vm.version.format.major_minor >= (3, 9) {
        "_struct"
    } else {
        "builtins"
    });
    vm.dict_set(&ns, key.clone(), mname)?;
    let object = vm.types.object.clone();
    let st = vm.new_class(
        &meta,
        "Struct",
        vec![object.clone()],
        &ns,
        Args::positional(&[]),
    )?;
    vm.add_method(&st, "__new__", struct_new, BuiltinKind::StaticMethod);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", struct_init),
        ("pack", |vm, a| {
            let f = this_format(vm, &a)?;
            pack_with(vm, &f, &a.pos()[1..])
        }),
        ("unpack", |vm, a| {
            let f = this_format(vm, &a)?;
            let Some(b) = a.pos().get(1) else {
                return Err(vm.type_error("unpack() takes exactly one argument (0 given)"));
            };
            let data = data_arg(vm, b)?;
            unpack_with(vm, &f, &data)
        }),
        ("pack_into", |vm, a| {
            let f = this_format(vm, &a)?;
            pack_into_with(vm, &f, &a.pos()[1..])
        }),
        ("unpack_from", |vm, a| {
            let f = this_format(vm, &a)?;
            let sig = crate::builtins::args::Signature {
                name: "unpack_from",
                params: &["", "buffer", "offset"],
                required: 2,
                positional_only: 1,
            };
            let b = sig.bind(vm, a)?;
            let buffer = b[1].clone().unwrap_or(Value::None);
            unpack_from_with(vm, &f, &buffer, b[2].as_ref())
        }),
        ("iter_unpack", |vm, a| {
            let f = this_format(vm, &a)?;
            let Some(b) = a.pos().get(1).cloned() else {
                return Err(vm.type_error("iter_unpack() takes exactly one argument (0 given)"));
            };
            iter_unpack_with(vm, &f, &b)
        }),
    ];
    for (name, f) in methods {
        vm.add_method(&st, name, *f, BuiltinKind::Method);
    }
    if vm.version.format.major_minor >= (3, 13) {
        vm.add_method(&st, "__repr__", struct_repr, BuiltinKind::Method);
    }
    vm.add_getset(&st, "format", struct_format_attr, None);
    vm.add_getset(
        &st,
        "size",
        |vm, a| Ok(Value::Int(this_format(vm, &a)?.size as i64)),
        None,
    );
    vm.module_set(&m, "Struct", Value::Obj(st));
    // The iterator type of iter_unpack.
    let ns = vm.new_dict();
    let mname = vm.new_str("_struct");
    vm.dict_set(&ns, key, mname)?;
    let it = vm.new_class(
        &meta,
        "unpack_iterator",
        vec![object],
        &ns,
        Args::positional(&[]),
    )?;
    vm.add_method(&it, "__next__", iter_next, BuiltinKind::Method);
    vm.add_method(
        &it,
        "__iter__",
        |_, a| Ok(a.values[0].clone()),
        BuiltinKind::Method,
    );
    vm.add_method(
        &it,
        "__length_hint__",
        |vm, a| {
            let n = match a.values.first().and_then(|v| v.payload()) {
                Some(Payload::Other(o)) => o
                    .downcast_ref::<UnpackIter>()
                    .map_or(0, |i| i.items.with(|q| q.len())),
                _ => 0,
            };
            let _ = vm;
            Ok(Value::Int(n as i64))
        },
        BuiltinKind::Method,
    );
    vm.module_set(&m, "unpack_iterator", Value::Obj(it));
    let functions: &[(&'static str, NativeFn)] = &[
        ("pack", struct_pack),
        ("unpack", struct_unpack),
        ("calcsize", struct_calcsize),
        ("pack_into", struct_pack_into),
        ("unpack_from", struct_unpack_from),
        ("iter_unpack", struct_iter_unpack),
        ("_clearcache", |_, _| Ok(Value::None)),
    ];
    for (name, f) in functions {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    Ok(m)
}
