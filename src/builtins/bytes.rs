//! `bytes`, and the methods it shares with `bytearray` (registered on both types by
//! `bytearray::init`): the constructor (counts, iterables of ints, `str` + encoding,
//! `__bytes__`), the operators as dunders, `decode`, `hex`/`fromhex`, and the ASCII
//! versions of the str methods (searching, splitting, stripping, padding, case...).
//!
//! A shared method returns the type of its `self`: `bytearray(b'a').upper()` is a
//! bytearray.

use super::numeric::{index_or_error, ver};
use super::str::{adjust_indices, method_args, slice_index};
use super::str_methods::{
    count_points, expandtabs_units, find_points, replace_units, rfind_points, rsplit_points,
    split_points, splitlines_units, tabsize_arg,
};
use super::str_pad::{center_left, zfill_units};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, Value};
use crate::vm::ops::{as_int, BinOp};
use crate::vm::{PyResult, Vm};
use num_traits::ToPrimitive;
use std::rc::Rc;

/// Which of the two binary sequence types a value is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bytes,
    ByteArray,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    vm.add_method(&t, "__new__", bytes_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "__hash__", bytes_hash, BuiltinKind::Method);
    vm.add_method(&t, "__getnewargs__", bytes_getnewargs, BuiltinKind::Method);
    if ver(vm) >= (3, 11) {
        vm.add_method(&t, "__bytes__", bytes_bytes, BuiltinKind::Method);
    }
    register_shared(vm, &t);
}

/// Registers the methods bytes and bytearray share on `t`.
pub fn register_shared(vm: &mut Vm, t: &ObjRef) {
    let m = BuiltinKind::Method;
    let methods: &[(&'static str, NativeFn)] = &[
        ("__add__", b_add),
        ("__mul__", b_mul),
        ("__rmul__", b_mul),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
        ("__contains__", b_contains),
        ("__getitem__", b_getitem),
        ("__len__", b_len),
        ("__iter__", b_iter),
        ("__repr__", b_repr),
        ("__str__", b_repr),
        ("__eq__", b_eq),
        ("__ne__", b_ne),
        ("__lt__", b_lt),
        ("__le__", b_le),
        ("__gt__", b_gt),
        ("__ge__", b_ge),
        ("decode", b_decode),
        ("hex", b_hex),
        ("count", b_count),
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("join", b_join),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("replace", b_replace),
        ("expandtabs", b_expandtabs),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("translate", b_translate),
        ("lower", b_lower),
        ("upper", b_upper),
        ("swapcase", b_swapcase),
        ("capitalize", b_capitalize),
        ("title", b_title),
        ("isalpha", b_isalpha),
        ("isalnum", b_isalnum),
        ("isdigit", b_isdigit),
        ("isspace", b_isspace),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("istitle", b_istitle),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f, m);
    }
    if ver(vm) >= (3, 7) {
        vm.add_method(t, "isascii", b_isascii, m);
    }
    if ver(vm) >= (3, 9) {
        vm.add_method(t, "removeprefix", b_removeprefix, m);
        vm.add_method(t, "removesuffix", b_removesuffix, m);
    }
    vm.add_method(t, "fromhex", b_fromhex, BuiltinKind::ClassMethod);
    vm.add_method(t, "maketrans", b_maketrans, BuiltinKind::StaticMethod);
}

// ----- values -----

/// A new exact bytes object; in 2.x, where `bytes` is `str`, a `str` of those bytes, so
/// what native modules return (`struct.pack`, `binascii.hexlify`...) is an ordinary 2.x
/// string.
pub fn new_bytes(vm: &Vm, data: Vec<u8>) -> Value {
    if crate::vm::flavour::python2_builtins(vm.version) {
        return vm.new_str(&super::py2::text::latin1_text(&data));
    }
    Value::Obj(Object::new(
        vm.types.bytes.clone(),
        Payload::Bytes(data.into()),
    ))
}

/// A new exact bytearray.
pub fn new_bytearray(vm: &Vm, data: Vec<u8>) -> Value {
    Value::Obj(Object::new(
        vm.types.bytearray.clone(),
        Payload::ByteArray(crate::object::PyCell::new(data)),
    ))
}

/// A new value of the given kind.
pub fn make(vm: &Vm, kind: Kind, data: Vec<u8>) -> Value {
    match kind {
        Kind::Bytes => new_bytes(vm, data),
        Kind::ByteArray => new_bytearray(vm, data),
    }
}

/// The contents and kind of a bytes or bytearray value.
pub fn bytes_like(v: &Value) -> Option<(Vec<u8>, Kind)> {
    match v.payload()? {
        Payload::Bytes(b) => Some((b.to_vec(), Kind::Bytes)),
        Payload::ByteArray(b) => Some((b.get(), Kind::ByteArray)),
        _ => None,
    }
}

/// The bytes of an argument that takes any bytes-like object (bytes, bytearray, a
/// memoryview, and in 2.x a `str`).
pub fn buffer_arg(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    super::memoryview::buffer_bytes(v).or_else(|| super::py2::text::str_buffer(vm, v))
}

/// The bytes of a bytes-like object or an iterable of ints (CPython's `PyBytes_FromObject`).
pub fn bytes_from_object(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_arg(vm, v) {
        return Ok(b);
    }
    if v.as_str().is_some() || !vm.is_iterable(v) {
        return Err(vm.type_error(&format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(v)
        )));
    }
    ints_to_bytes(vm, v)
}

/// The bytes of an iterable of ints in range(256).
pub fn ints_to_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(byte_value(vm, &item, "bytes must be in range(0, 256)")?);
    }
    Ok(out)
}

/// An int in range(256), or the given ValueError / an index TypeError.
pub fn byte_value(vm: &mut Vm, v: &Value, range_msg: &str) -> PyResult<u8> {
    let n = index_or_error(vm, v)?;
    n.to_u8().ok_or_else(|| vm.value_error(range_msg))
}

/// The bytes a constructor argument gives (`bytes(x)`, `bytearray(x)`, with encoding).
pub fn construct_data(
    vm: &mut Vm,
    name: &str,
    src: Option<&Value>,
    enc: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let Some(src) = src else {
        if enc.is_some() || errors.is_some() {
            let msg = if enc.is_some() || ver(vm) >= (3, 8) || name == "bytes" {
                "encoding without a string argument"
            } else {
                "encoding or errors without a string argument"
            };
            return Err(vm.type_error(msg));
        }
        return Ok(Vec::new());
    };
    if enc.is_none() {
        if let Some(b) = super::py2::text::str_buffer(vm, src) {
            return Ok(b);
        }
    }
    if let Some(s) = src.as_str() {
        let Some(e) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let e = super::str::text_arg(vm, e, name, "encoding", 2)?;
        let errors = match errors {
            Some(v) => super::str::text_arg(vm, v, name, "errors", 3)?,
            None => "strict".into(),
        };
        let pts = s.code_points();
        return super::codecs::encode(vm, &pts, &e, &errors);
    }
    if enc.is_some() || errors.is_some() {
        let msg = if enc.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        };
        let msg = if name == "bytearray" && ver(vm) < (3, 8) {
            "encoding or errors without a string argument"
        } else {
            msg
        };
        return Err(vm.type_error(msg));
    }
    if let Some(b) = buffer_arg(vm, src) {
        return Ok(b);
    }
    if name == "bytes" {
        let bn = vm.names.__bytes__.clone();
        if let Some(r) = vm.call_special(src, &bn, &[])? {
            return match r.payload() {
                Some(Payload::Bytes(b)) => Ok(b.to_vec()),
                _ => Err(vm.type_error(&format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    if let Some(n) = super::numeric::index_big(vm, src)? {
        let Some(n) = n.to_i64() else {
            return Err(super::numeric::overflow_error(
                vm,
                "cannot fit 'int' into an index-sized integer",
            ));
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    if !vm.is_iterable(src) {
        return Err(vm.type_error(&format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(src)
        )));
    }
    ints_to_bytes(vm, src)
}

fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = super::numeric::new_cls(vm, &args, &vm.types.bytes.clone())?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "bytes",
        params: &["source", "encoding", "errors"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let data = construct_data(vm, "bytes", b[0].as_ref(), b[1].as_ref(), b[2].as_ref())?;
    if Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(new_bytes(vm, data));
    }
    Ok(super::numeric::new_object(
        vm,
        &cls,
        Payload::Bytes(data.into()),
    ))
}

fn bytes_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "__hash__")?;
    super::str::slot_noargs(vm, &args)?;
    Ok(Value::Int(crate::object::hash::hash_bytes(
        &data,
        vm.str_hash,
    )))
}

fn bytes_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "__getnewargs__")?;
    let b = new_bytes(vm, data);
    Ok(vm.new_tuple(vec![b]))
}

fn bytes_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "__bytes__")?;
    if Rc::ptr_eq(vm.class_of(&args.values[0]), &vm.types.bytes) {
        return Ok(args.values[0].clone());
    }
    Ok(new_bytes(vm, data))
}

// ----- shared helpers -----

/// `self` of a shared method: its bytes and kind.
fn this(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<(Vec<u8>, Kind)> {
    match args.values.first() {
        Some(v) => bytes_like(v).ok_or_else(|| super::str::descriptor_error(vm, "bytes", name, v)),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'bytes' object needs an argument"
        ))),
    }
}

fn required_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_arg(vm, v).ok_or_else(|| {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A `sub` argument: bytes-like, or (3.x) an int byte value.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_arg(vm, v) {
        return Ok(b);
    }
    if as_int(v).is_some() || super::numeric::index_big(vm, v)?.is_some() {
        return Ok(vec![byte_value(vm, v, "byte must be in range(0, 256)")?]);
    }
    Err(if ver(vm) >= (3, 7) {
        vm.type_error(&format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))
    } else {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn widen(b: &[u8]) -> Vec<u32> {
    b.iter().map(|&c| c as u32).collect()
}

fn narrow(p: &[u32]) -> Vec<u8> {
    p.iter().map(|&c| c as u8).collect()
}

fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ----- operators -----

/// `a + b`, `a * n`, `a % args` for bytes/bytearray operands.
pub fn bytes_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let Some((x, kind)) = bytes_like(a) else {
        if op == BinOp::Mul {
            if let Some((y, kind)) = bytes_like(b) {
                if let Some(n) = super::str::repeat_arg(vm, a)? {
                    super::numeric::size_guard(vm, y.len().saturating_mul(n))?;
                    return Ok(Some(make(vm, kind, y.repeat(n))));
                }
            }
        }
        return Ok(None);
    };
    match op {
        BinOp::Add => match buffer_arg(vm, b) {
            Some(y) => {
                let mut v = x;
                v.extend(y);
                Ok(Some(make(vm, kind, v)))
            }
            None => Ok(None),
        },
        BinOp::Mul => match super::str::repeat_arg(vm, b)? {
            Some(n) => {
                super::numeric::size_guard(vm, x.len().saturating_mul(n))?;
                Ok(Some(make(vm, kind, x.repeat(n))))
            }
            None => Ok(None),
        },
        BinOp::Mod => {
            let r = super::str_format::percent_format_bytes(vm, &x, b)?;
            Ok(Some(make(vm, kind, r)))
        }
        _ => Ok(None),
    }
}

fn other<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a Value> {
    match args.values {
        [_, o] => Ok(o),
        _ => Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        )),
    }
}

fn b_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    this(vm, &args, "__add__")?;
    let (a, b) = (args.values[0].clone(), other(vm, &args)?.clone());
    let r = bytes_binary(vm, &a, &b, BinOp::Add)?;
    Ok(r.unwrap_or_else(|| vm.singletons.not_implemented.clone()))
}

fn b_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    this(vm, &args, "__mul__")?;
    let [a, b] = args.values else {
        return Err(super::str::unpack_arity_error(
            vm,
            1,
            1,
            args.values.len().saturating_sub(1),
        ));
    };
    let (a, b) = (a.clone(), b.clone());
    let r = bytes_binary(vm, &a, &b, BinOp::Mul)?;
    Ok(r.unwrap_or_else(|| vm.singletons.not_implemented.clone()))
}

fn b_mod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    this(vm, &args, "__mod__")?;
    let (a, b) = (args.values[0].clone(), other(vm, &args)?.clone());
    Ok(bytes_binary(vm, &a, &b, BinOp::Mod)?.unwrap_or(Value::None))
}

fn b_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    this(vm, &args, "__rmod__")?;
    Ok(vm.singletons.not_implemented.clone())
}

fn b_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "__contains__")?;
    let o = other(vm, &args)?.clone();
    let acceptable = buffer_arg(vm, &o).is_some()
        || as_int(&o).is_some()
        || super::numeric::index_big(vm, &o)?.is_some();
    if !acceptable {
        return Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&o)
        )));
    }
    let sub = sub_arg(vm, &o)?;
    Ok(Value::bool(
        find_points(&widen(&data), &widen(&sub), 0, data.len()).is_some(),
    ))
}

fn b_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, kind) = this(vm, &args, "__getitem__")?;
    let key = other(vm, &args)?.clone();
    if let Some(Payload::Slice(sl)) = key.payload() {
        let sl = (**sl).clone();
        let b = vm.slice_bounds(&sl, data.len())?;
        let picked: Vec<u8> = b.indices().map(|i| data[i]).collect();
        return Ok(make(vm, kind, picked));
    }
    match vm.index_value(&key)? {
        Some(i) => {
            let len = data.len() as isize;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                let msg = if kind == Kind::Bytes {
                    "index out of range"
                } else {
                    "bytearray index out of range"
                };
                return Err(vm.new_exception(&vm.types.exc.index_error.clone(), msg));
            }
            Ok(Value::Int(data[j as usize] as i64))
        }
        None => Err(vm.type_error(&format!(
            "{} indices must be integers or slices, not {}",
            if kind == Kind::Bytes {
                "byte"
            } else {
                "bytearray"
            },
            vm.type_name(&key)
        ))),
    }
}

fn b_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "__len__")?;
    super::str::slot_noargs(vm, &args)?;
    Ok(Value::Int(data.len() as i64))
}

fn b_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, kind) = this(vm, &args, "__iter__")?;
    super::str::slot_noargs(vm, &args)?;
    let Value::Obj(o) = &args.values[0] else {
        unreachable!()
    };
    Ok(vm.new_iter(match kind {
        Kind::Bytes => crate::vm::iter::IterState::Seq {
            seq: o.clone(),
            index: 0,
        },
        Kind::ByteArray => crate::vm::iter::IterState::GetItem {
            obj: args.values[0].clone(),
            index: 0,
        },
    }))
}

/// The repr of a bytes or bytearray value.
pub fn repr_of(vm: &Vm, v: &Value) -> Option<String> {
    let (data, kind) = bytes_like(v)?;
    let mut body = String::new();
    crate::pyc::repr::bytes_repr(&data, "b", &mut body);
    Some(match kind {
        Kind::Bytes => body,
        Kind::ByteArray => {
            // bytearray's repr escapes a single quote even inside double quotes.
            if body.starts_with("b\"") {
                body = format!("b\"{}\"", body[2..body.len() - 1].replace('\'', "\\'"));
            }
            format!("{}({body})", vm.type_name(v))
        }
    })
}

fn b_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    this(vm, &args, "__repr__")?;
    super::str::slot_noargs(vm, &args)?;
    let r = repr_of(vm, &args.values[0]).unwrap_or_default();
    Ok(vm.new_str(&r))
}

fn b_compare(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let (x, _) = this(vm, &args, name)?;
    match bytes_like(other(vm, &args)?) {
        Some((y, _)) => Ok(Value::bool(test(x.cmp(&y)))),
        None => Ok(vm.singletons.not_implemented.clone()),
    }
}

macro_rules! b_cmps {
    ($($f:ident, $name:literal, $test:expr;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { b_compare(vm, args, $name, $test) } )*
    };
}

b_cmps!(
    b_eq, "__eq__", |o| o.is_eq();
    b_ne, "__ne__", |o| o.is_ne();
    b_lt, "__lt__", |o| o.is_lt();
    b_le, "__le__", |o| o.is_le();
    b_gt, "__gt__", |o| o.is_gt();
    b_ge, "__ge__", |o| o.is_ge();
);

// ----- methods -----

/// `(self, sub, start, end, start beyond the end)` of find-style methods.
type SubRange = (Vec<u32>, Vec<u32>, usize, usize, bool);
/// `(self, kind, sep, maxsplit)` of split-style methods.
type SplitArgs = (Vec<u8>, Kind, Option<Vec<u8>>, usize);

fn b_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "decode")?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "decode",
        params: &["encoding", "errors"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let enc = match &b[0] {
        Some(v) => super::str::text_arg(vm, v, "decode", "encoding", 1)?,
        None => "utf-8".into(),
    };
    let errors = match &b[1] {
        Some(v) => super::str::text_arg(vm, v, "decode", "errors", 2)?,
        None => "strict".into(),
    };
    super::codecs::decode(vm, &data, &enc, &errors)
}

/// `hex()` with an optional separator every `per` bytes (from the right if positive).
pub fn hex_text(data: &[u8], sep: Option<char>, per: isize) -> String {
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else { return hex.concat() };
    if per == 0 || data.is_empty() {
        return hex.concat();
    }
    let n = per.unsigned_abs();
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = data.len() % n;
        let mut i = 0;
        if first > 0 {
            groups.push(hex[..first].concat());
            i = first;
        }
        while i < data.len() {
            groups.push(hex[i..i + n].concat());
            i += n;
        }
    } else {
        for chunk in hex.chunks(n) {
            groups.push(chunk.concat());
        }
    }
    groups.join(&sep.to_string())
}

/// The `hex([sep[, bytes_per_sep]])` arguments.
pub fn hex_args(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Option<char>, isize)> {
    if ver(vm) < (3, 8) {
        method_args(vm, args, "bytes", "hex", 0, 0)?;
        return Ok((None, 1));
    }
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "hex",
        params: &["sep", "bytes_per_sep"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let sep = match &b[0] {
        None => None,
        Some(v) => {
            let s: Vec<u32> = match v.payload() {
                Some(Payload::Str(s)) => s.code_points(),
                Some(Payload::Bytes(b)) => widen(b),
                _ => return Err(vm.type_error("sep must be str or bytes.")),
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if s[0] > 0x7f {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0] as u8 as char)
        }
    };
    let per = match &b[1] {
        None => 1,
        Some(v) => index_or_error(vm, v)?.to_isize().unwrap_or(isize::MAX),
    };
    Ok((sep, per))
}

fn b_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "hex")?;
    let (sep, per) = hex_args(vm, &args)?;
    Ok(vm.new_str(&hex_text(&data, sep, per)))
}

fn b_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first().cloned() else {
        return Err(vm.type_error("fromhex() needs a type"));
    };
    let pos = method_args(vm, &args, "bytes", "fromhex", 1, 1)?;
    let Some(s) = pos[0].as_str() else {
        return Err(vm.type_error(&format!(
            "fromhex() argument must be str, not {}",
            super::str::arg_type_name(vm, &pos[0])
        )));
    };
    let p = s.code_points();
    let is_space = |c: u32| {
        if ver(vm) >= (3, 7) {
            c < 0x80 && is_ascii_space(c as u8)
        } else {
            c == ' ' as u32
        }
    };
    let hexval = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if is_space(p[i]) {
            i += 1;
            continue;
        }
        let Some(hi) = hexval(p[i]) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(lo) = p.get(i + 1).and_then(|&c| hexval(c)) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let is_bytearray = vm.is_subclass_of(&cls, &vm.types.bytearray.clone());
    if Rc::ptr_eq(&cls, &vm.types.bytes) {
        return Ok(new_bytes(vm, out));
    }
    if Rc::ptr_eq(&cls, &vm.types.bytearray) {
        return Ok(new_bytearray(vm, out));
    }
    let v = if is_bytearray {
        new_bytearray(vm, out)
    } else {
        new_bytes(vm, out)
    };
    vm.call(&Value::Obj(cls), Args::positional(&[v]))
}

fn sub_range(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<SubRange> {
    let (data, _) = this(vm, args, name)?;
    let pos = super::str::method_args_since(vm, args, "bytes", name, 1, 3, (3, 13))?;
    let sub = sub_arg(vm, &pos[0])?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let (st, en, beyond) = adjust_indices(start, end, data.len());
    Ok((widen(&data), widen(&sub), st, en, beyond))
}

fn find_common(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    reverse: bool,
    raise: bool,
) -> PyResult<Value> {
    let (s, sub, st, en, beyond) = sub_range(vm, &args, name)?;
    let r = if beyond {
        None
    } else if reverse {
        rfind_points(&s, &sub, st, en)
    } else {
        find_points(&s, &sub, st, en)
    };
    match r {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn b_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "find", false, false)
}

fn b_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "rfind", true, false)
}

fn b_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "index", false, true)
}

fn b_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "rindex", true, true)
}

fn b_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, st, en, beyond) = sub_range(vm, &args, "count")?;
    Ok(Value::Int(if beyond {
        0
    } else {
        count_points(&s, &sub, st, en, usize::MAX) as i64
    }))
}

fn starts_ends(vm: &mut Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (data, _) = this(vm, &args, name)?;
    let pos = super::str::method_args_since(vm, &args, "bytes", name, 1, 3, (3, 13))?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let check = |sub: &[u8]| {
        let (st, en, beyond) = adjust_indices(start, end, data.len());
        if beyond || en < st + sub.len() {
            return false;
        }
        if suffix {
            data[en - sub.len()..en] == *sub
        } else {
            data[st..st + sub.len()] == *sub
        }
    };
    if let Some(Payload::Tuple(items)) = pos[0].payload() {
        for item in items.iter() {
            let Some(sub) = buffer_arg(vm, item) else {
                return Err(vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(item)
                )));
            };
            if check(&sub) {
                return Ok(Value::Bool(Truth::True));
            }
        }
        return Ok(Value::Bool(Truth::False));
    }
    match buffer_arg(vm, &pos[0]) {
        Some(sub) => Ok(Value::bool(check(&sub))),
        None => Err(vm.type_error(&format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(&pos[0])
        ))),
    }
}

fn b_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

fn split_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<SplitArgs> {
    let (data, kind) = this(vm, args, name)?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name,
        params: &["sep", "maxsplit"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let sep = match &b[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = required_bytes(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match &b[1] {
        None => usize::MAX,
        Some(v) => match super::numeric::ssize_arg(vm, v)?.to_i64() {
            Some(n) if n >= 0 => n as usize,
            _ => usize::MAX,
        },
    };
    Ok((data, kind, sep, maxsplit))
}

fn b_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, kind, sep, maxsplit) = split_args(vm, &args, "split")?;
    let sep = sep.map(|s| widen(&s));
    let parts = split_points(&widen(&data), sep.as_deref(), maxsplit, &|c| {
        c < 0x80 && is_ascii_space(c as u8)
    });
    let items = parts.iter().map(|p| make(vm, kind, narrow(p))).collect();
    Ok(vm.new_list(items))
}

fn b_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, kind, sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    let sep = sep.map(|s| widen(&s));
    let parts = rsplit_points(&widen(&data), sep.as_deref(), maxsplit, &|c| {
        c < 0x80 && is_ascii_space(c as u8)
    });
    let items = parts.iter().map(|p| make(vm, kind, narrow(p))).collect();
    Ok(vm.new_list(items))
}

fn b_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, kind) = this(vm, &args, "splitlines")?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "splitlines",
        params: &["keepends"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let keep = match &b[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let lines = splitlines_units(&data, keep, &|c: u8| c == b'\n' || c == b'\r');
    let items = lines.into_iter().map(|l| make(vm, kind, l)).collect();
    Ok(vm.new_list(items))
}

fn b_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (sep, kind) = this(vm, &args, "join")?;
    let pos = method_args(vm, &args, "bytes", "join", 1, 1)?;
    let iterable = pos[0].clone();
    if !vm.is_iterable(&iterable) {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = vm.collect(&iterable)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = buffer_arg(vm, item) else {
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(item)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(b);
    }
    Ok(make(vm, kind, out))
}

fn strip_common(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, kind) = this(vm, &args, name)?;
    let pos = method_args(vm, &args, "bytes", name, 0, 1)?;
    let chars = match pos.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(required_bytes(vm, v)?),
    };
    let strip = |c: u8| match &chars {
        None => is_ascii_space(c),
        Some(set) => set.contains(&c),
    };
    let (mut i, mut j) = (0, data.len());
    if left {
        while i < j && strip(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(data[j - 1]) {
            j -= 1;
        }
    }
    Ok(make(vm, kind, data[i..j].to_vec()))
}

fn b_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "rstrip", false, true)
}

fn pad_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Vec<u8>, Kind, isize, u8)> {
    let (data, kind) = this(vm, args, name)?;
    let pos = method_args(vm, args, "bytes", name, 1, 2)?;
    let width = index_or_error(vm, &pos[0])?
        .to_isize()
        .unwrap_or(isize::MAX);
    super::numeric::size_guard(vm, width.max(0) as usize)?;
    let fill = match pos.get(1) {
        None => b' ',
        Some(v) => match buffer_arg(vm, v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok((data, kind, width, fill))
}

fn padded(s: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut r = vec![fill; left];
    r.extend_from_slice(s);
    r.extend(std::iter::repeat_n(fill, right));
    r
}

fn b_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind, width, fill) = pad_args(vm, &args, "center")?;
    if width <= s.len() as isize {
        return Ok(make(vm, kind, s));
    }
    let marg = width as usize - s.len();
    let left = center_left(marg, width as usize);
    Ok(make(vm, kind, padded(&s, left, marg - left, fill)))
}

fn b_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind, width, fill) = pad_args(vm, &args, "ljust")?;
    let n = (width - s.len() as isize).max(0) as usize;
    Ok(make(vm, kind, padded(&s, 0, n, fill)))
}

fn b_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind, width, fill) = pad_args(vm, &args, "rjust")?;
    let n = (width - s.len() as isize).max(0) as usize;
    Ok(make(vm, kind, padded(&s, n, 0, fill)))
}

fn b_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, "zfill")?;
    let pos = method_args(vm, &args, "bytes", "zfill", 1, 1)?;
    let width = index_or_error(vm, &pos[0])?
        .to_isize()
        .unwrap_or(isize::MAX);
    super::numeric::size_guard(vm, width.max(0) as usize)?;
    Ok(make(vm, kind, zfill_units(&s, width)))
}

fn b_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, "replace")?;
    let pos = method_args(vm, &args, "bytes", "replace", 2, 3)?;
    let old = required_bytes(vm, &pos[0])?;
    let new = required_bytes(vm, &pos[1])?;
    let count = match pos.get(2) {
        None => usize::MAX,
        Some(v) => match super::numeric::ssize_arg(vm, v)?.to_i64() {
            Some(n) if n >= 0 => n as usize,
            _ => usize::MAX,
        },
    };
    // Before 3.9, an empty string with an explicit count stayed empty.
    if s.is_empty() && old.is_empty() && count != usize::MAX && ver(vm) < (3, 9) {
        return Ok(make(vm, kind, Vec::new()));
    }
    Ok(make(vm, kind, replace_units(&s, &old, &new, count)))
}

fn b_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, "expandtabs")?;
    let tab = tabsize_arg(vm, &args, "expandtabs")?;
    match expandtabs_units(&s, tab) {
        Some(r) => Ok(make(vm, kind, r)),
        None => Err(vm.new_exception(&vm.types.exc.memory_error, "")),
    }
}

fn partition_common(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, name)?;
    let pos = method_args(vm, &args, "bytes", name, 1, 1)?;
    let sep = required_bytes(vm, &pos[0])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (ws, wsep) = (widen(&s), widen(&sep));
    let found = if reverse {
        rfind_points(&ws, &wsep, 0, s.len())
    } else {
        find_points(&ws, &wsep, 0, s.len())
    };
    let parts = match found {
        Some(i) => [s[..i].to_vec(), sep.clone(), s[i + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), s.clone()],
        None => [s.clone(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| make(vm, kind, p)).collect();
    Ok(vm.new_tuple(items))
}

fn b_partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "partition", false)
}

fn b_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "rpartition", true)
}

fn affix_common(vm: &mut Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, name)?;
    let pos = method_args(vm, &args, "bytes", name, 1, 1)?;
    let a = required_bytes(vm, &pos[0])?;
    let r = if suffix {
        if !a.is_empty() && s.ends_with(&a) {
            s[..s.len() - a.len()].to_vec()
        } else {
            s
        }
    } else if s.starts_with(&a) {
        s[a.len()..].to_vec()
    } else {
        s
    };
    Ok(make(vm, kind, r))
}

fn b_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_common(vm, args, "removeprefix", false)
}

fn b_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_common(vm, args, "removesuffix", true)
}

fn b_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, "translate")?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "translate",
        params: &["table", "delete"],
        required: 1,
        positional_only: 1,
    }
    .bind(vm, rest)?;
    let table = match &b[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = required_bytes(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &b[1] {
        Some(v) => required_bytes(vm, v)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = s
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(make(vm, kind, out))
}

fn b_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let pos = match pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) => &pos[1..],
        _ => pos,
    };
    if pos.len() != 2 {
        return Err(super::str::count_error(
            vm,
            "maketrans",
            2,
            2,
            pos.len(),
            (3, 8),
        ));
    }
    let from = required_bytes(vm, &pos[0])?;
    let to = required_bytes(vm, &pos[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(&to) {
        t[*a as usize] = *b;
    }
    Ok(new_bytes(vm, t))
}

fn map_bytes(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (s, kind) = this(vm, &args, name)?;
    method_args(vm, &args, "bytes", name, 0, 0)?;
    Ok(make(vm, kind, f(&s)))
}

fn b_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |s| s.to_ascii_lowercase())
}

fn b_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |s| s.to_ascii_uppercase())
}

fn b_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |s| {
        s.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn b_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "capitalize", |s| {
        s.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn b_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_bytes(vm, args, "title", |s| {
        let mut prev = false;
        s.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (s, _) = this(vm, &args, name)?;
    method_args(vm, &args, "bytes", name, 0, 0)?;
    Ok(Value::bool(f(&s)))
}

fn b_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isalpha", |s| {
        !s.is_empty() && s.iter().all(|c| c.is_ascii_alphabetic())
    })
}

fn b_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isalnum", |s| {
        !s.is_empty() && s.iter().all(|c| c.is_ascii_alphanumeric())
    })
}

fn b_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isdigit", |s| {
        !s.is_empty() && s.iter().all(|c| c.is_ascii_digit())
    })
}

fn b_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isspace", |s| {
        !s.is_empty() && s.iter().all(|&c| is_ascii_space(c))
    })
}

fn b_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isascii", |s| s.is_ascii())
}

fn b_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "islower", |s| {
        s.iter().any(|c| c.is_ascii_lowercase()) && !s.iter().any(|c| c.is_ascii_uppercase())
    })
}

fn b_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "isupper", |s| {
        s.iter().any(|c| c.is_ascii_uppercase()) && !s.iter().any(|c| c.is_ascii_lowercase())
    })
}

fn b_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred(vm, args, "istitle", |s| {
        let (mut cased, mut prev) = (false, false);
        for &c in s {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}
