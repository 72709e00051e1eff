//! The native `binascii` module: hex and base64 conversions and the CRC-32 and
//! CRC-CCITT checksums, which the stdlib's `base64`, `uuid`, `zipfile` and `email` use.
//!
//! Decoding follows CPython's lenient base64 reader: characters outside the alphabet
//! are skipped and a complete pad sequence ends the input. Not implemented yet: the
//! uuencode and quoted-printable functions (`b2a_uu`, `a2b_uu`, `b2a_qp`, `a2b_qp`) and
//! 3.11's `strict_mode=True`.

use crate::builtins::arity;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};

const FUNCTIONS: &[(&str, NativeFn, (u8, u8))] = &[
    ("hexlify", |vm, a| hexlify(vm, a, "hexlify"), (2, 0)),
    ("b2a_hex", |vm, a| hexlify(vm, a, "b2a_hex"), (2, 0)),
    ("unhexlify", |vm, a| unhexlify(vm, a, "unhexlify"), (2, 0)),
    ("a2b_hex", |vm, a| unhexlify(vm, a, "a2b_hex"), (2, 0)),
    ("b2a_base64", b2a_base64, (2, 0)),
    ("a2b_base64", a2b_base64, (2, 0)),
    ("crc32", crc32, (3, 0)),
    ("crc_hqx", crc_hqx, (3, 0)),
];

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `binascii`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("binascii");
    let ver = vm.version.format.major_minor;
    for (name, f, since) in FUNCTIONS {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    let value_error = vm.types.exc.value_error.clone();
    let error = exception_class(vm, "Error", value_error)?;
    vm.module_set(&m, "Error", Value::Obj(error));
    let exception = vm.types.exc.exception.clone();
    let incomplete = exception_class(vm, "Incomplete", exception)?;
    vm.module_set(&m, "Incomplete", Value::Obj(incomplete));
    Ok(m)
}

/// `binascii.NAME`, a subclass of `base` (as `PyErr_NewException` makes it).
fn exception_class(vm: &mut Vm, name: &str, base: ObjRef) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let module = vm.new_str("binascii");
    vm.dict_set(&ns, key, module)?;
    let meta = vm.types.type_.clone();
    vm.new_class(&meta, name, vec![base], &ns, Args::positional(&[]))
}

/// A `binascii.Error` with `message` (a plain ValueError if the module is gone).
fn error(vm: &mut Vm, message: &str) -> PyErr {
    let class = vm
        .sys_modules_get("binascii")
        .and_then(|m| match m.payload() {
            Some(Payload::Module(dict)) => {
                let key = vm.intern("Error");
                vm.dict_get_name(dict, &key)
            }
            _ => None,
        })
        .and_then(|v| v.as_obj().cloned())
        .unwrap_or_else(|| vm.types.exc.value_error.clone());
    vm.new_exception(&class, message)
}

/// An error of the hex decoder: `binascii.Error`, a TypeError in 2.x.
fn hex_error(vm: &mut Vm, message: &str) -> PyErr {
    if crate::vm::flavour::binascii_hex_errors_are_type_errors(vm.version) {
        return vm.type_error(message);
    }
    error(vm, message)
}

/// The bytes of a bytes-like argument of function `name` (`b2a_*` take nothing else).
fn bytes_like(vm: &Vm, name: &str, v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::bytes::buffer_arg(vm, v).ok_or_else(|| {
        let message = crate::vm::messages::buffer_argument_required(
            vm.version.format.major_minor,
            name,
            &vm.type_name(v),
        );
        vm.type_error(&message)
    })
}

/// The bytes of an `a2b_*` argument: bytes-like, or a str of ASCII characters.
fn ascii_data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    // 2.x: a byte `str` is the buffer itself.
    if let Some(b) = crate::builtins::py2::text::str_buffer(vm, v) {
        return Ok(b);
    }
    if let Some(s) = v.as_str() {
        return if s.as_str().is_ascii() {
            Ok(s.as_str().as_bytes().to_vec())
        } else {
            Err(vm.value_error("string argument should contain only ASCII characters"))
        };
    }
    crate::builtins::memoryview::buffer_bytes(v).ok_or_else(|| {
        vm.type_error(&format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn new_bytes(vm: &Vm, data: Vec<u8>) -> Value {
    crate::builtins::bytes::make(vm, crate::builtins::bytes::Kind::Bytes, data)
}

fn hexlify(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    // 2.x's hexlify is b2a_hex under another name.
    let name = if crate::vm::flavour::binascii_hex_errors_are_type_errors(vm.version) {
        "b2a_hex"
    } else {
        name
    };
    let with_sep = crate::vm::flavour::hexlify_takes_separator(vm.version);
    let params: &[&str] = if with_sep {
        &["data", "sep", "bytes_per_sep"]
    } else {
        &["data"]
    };
    if !with_sep && args.values.len() != 1 {
        // A one-argument (METH_O) function before 3.8.
        return Err(vm.type_error(&format!(
            "{name}() takes exactly one argument ({} given)",
            args.values.len()
        )));
    }
    let b = arity::bind_kw(vm, name, args.pos(), &args, params, 1)?;
    let data = bytes_like(vm, name, b[0].as_ref().unwrap_or(&Value::None))?;
    let digits: Vec<u8> = data
        .iter()
        .flat_map(|byte| {
            let hex = b"0123456789abcdef";
            [hex[(byte >> 4) as usize], hex[(byte & 15) as usize]]
        })
        .collect();
    let sep = match b.get(1).cloned().flatten() {
        None => return Ok(new_bytes(vm, digits)),
        Some(s) => s,
    };
    let sep_bytes = match sep.as_str() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => bytes_like(vm, name, &sep)?,
    };
    if sep_bytes.len() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match b.get(2).cloned().flatten() {
        Some(v) => arity::index_arg(vm, &v)?,
        None => 1,
    };
    if per == 0 || data.is_empty() {
        return Ok(new_bytes(vm, digits));
    }
    // Groups of `per` bytes, counted from the right (positive) or the left (negative).
    let group = per.unsigned_abs() as usize * 2;
    let mut out = Vec::with_capacity(digits.len() * 2);
    let first = if per > 0 {
        match digits.len() % group {
            0 => group,
            r => r,
        }
    } else {
        group
    };
    let mut i = 0;
    let mut take = first;
    while i < digits.len() {
        if i > 0 {
            out.push(sep_bytes[0]);
        }
        let end = (i + take).min(digits.len());
        out.extend_from_slice(&digits[i..end]);
        i = end;
        take = group;
    }
    Ok(new_bytes(vm, out))
}

fn unhexlify(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let b = arity::bind_kw(vm, name, args.pos(), &args, &["hexstr"], 1)?;
    let data = ascii_data(vm, b[0].as_ref().unwrap_or(&Value::None))?;
    if data.len() % 2 != 0 {
        return Err(hex_error(vm, "Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
            _ => return Err(hex_error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(vm, out))
}

fn b2a_base64(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(vm, "b2a_base64", args.pos(), &args, &["data", "newline"], 1)?;
    let data = bytes_like(vm, "b2a_base64", b[0].as_ref().unwrap_or(&Value::None))?;
    let newline = match &b[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, &c| (acc << 8) | c as u32) << (8 * (3 - chunk.len()));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(BASE64[((n >> (18 - 6 * k)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(vm, out))
}

fn a2b_base64(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let params: &[&str] = if crate::vm::flavour::a2b_base64_has_strict_mode(vm.version) {
        &["data", "strict_mode"]
    } else {
        &["data"]
    };
    let b = arity::bind_kw(vm, "a2b_base64", args.pos(), &args, params, 1)?;
    if let Some(strict) = b.get(1).cloned().flatten() {
        if vm.truthy(&strict)? {
            return Err(vm.new_exception(
                &vm.types.exc.not_implemented_error.clone(),
                "xpython: a2b_base64(strict_mode=True) is not implemented",
            ));
        }
    }
    let data = ascii_data(vm, b[0].as_ref().unwrap_or(&Value::None))?;
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u32, 0u8);
    for &c in &data {
        if c == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    // A complete pad sequence: the rest is not read.
                    return Ok(new_bytes(vm, out));
                }
            }
            continue;
        }
        let Some(v) = BASE64.iter().position(|&a| a == c) else {
            continue;
        };
        let v = v as u32;
        pads = 0;
        match quad {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
            }
        }
        quad = (quad + 1) % 4;
    }
    match quad {
        0 => Ok(new_bytes(vm, out)),
        1 => {
            let ver = vm.version.format.major_minor;
            let chars = out.len() / 3 * 4 + 1;
            Err(error(
                vm,
                &crate::vm::messages::base64_one_extra_char(ver, chars),
            ))
        }
        _ => Err(error(vm, "Incorrect padding")),
    }
}

/// A checksum's running value argument, taken modulo 2**bits as CPython's unsigned
/// conversions do.
fn running_value(vm: &mut Vm, v: Option<Value>, bits: u32) -> PyResult<u32> {
    let Some(v) = v else {
        return Ok(0);
    };
    let n = arity::index_arg(vm, &v)?;
    Ok((n as u64 & ((1u64 << bits) - 1)) as u32)
}

fn crc32(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(vm, "crc32", args.pos(), &args, &["data", "crc"], 1)?;
    let data = bytes_like(vm, "crc32", b[0].as_ref().unwrap_or(&Value::None))?;
    let mut crc = !running_value(vm, b[1].clone(), 32)?;
    for &byte in &data {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    Ok(Value::Int((!crc) as i64))
}

fn crc_hqx(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(vm, "crc_hqx", args.pos(), &args, &["data", "crc"], 2)?;
    let data = bytes_like(vm, "crc_hqx", b[0].as_ref().unwrap_or(&Value::None))?;
    let mut crc = running_value(vm, b[1].clone(), 16)?;
    for &byte in &data {
        crc ^= (byte as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            crc &= 0xffff;
        }
    }
    Ok(Value::Int(crc as i64))
}
