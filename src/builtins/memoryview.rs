//! `memoryview` over `bytes` and `bytearray` (one-dimensional, format `'B'`, or another
//! native integer/float format after `cast`; item assignment only for `'B'`): length,
//! indexing and slicing (slices are views: writes go through to a bytearray),
//! assignment, `tobytes`, `tolist`, `hex`, `release` and the context manager, equality
//! with bytes-like objects, hashing of read-only views, and the attributes (`readonly`,
//! `nbytes`, `itemsize`, `format`, `ndim`, `shape`, `strides`, `obj`, ...).
//!
//! `buffer_bytes` gives the bytes of any bytes-like object (bytes, bytearray,
//! memoryview) for the builtins that accept the buffer protocol.

use super::arity::{self, ver};
use crate::object::{Args, BuiltinKind, Object, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// A view of `len` bytes of `obj`, from `start`, every `step`.
pub struct MemView {
    pub obj: Value,
    pub start: isize,
    pub step: isize,
    pub len: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
    /// The struct format character of the items (`B` unless cast).
    pub format: u8,
}

/// The size in bytes of an item of struct format `f` (native sizes), 0 if unsupported.
fn item_size(f: u8) -> usize {
    match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => 0,
    }
}

impl MemView {
    fn itemsize(&self) -> usize {
        item_size(self.format).max(1)
    }

    /// The viewed bytes.
    fn bytes(&self) -> Vec<u8> {
        let size = self.itemsize();
        let pick = |b: &[u8]| -> Vec<u8> {
            (0..self.len)
                .flat_map(|k| {
                    let o = (self.start + k as isize * self.step) as usize;
                    b.get(o..o + size).unwrap_or(&[]).to_vec()
                })
                .collect()
        };
        match self.obj.payload() {
            Some(Payload::Bytes(b)) => pick(b),
            Some(Payload::ByteArray(b)) => b.with(|b| pick(b)),
            _ => Vec::new(),
        }
    }

    /// The index into the underlying object of item `k`.
    fn offset(&self, k: usize) -> usize {
        (self.start + k as isize * self.step) as usize
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.extra.memoryview.clone();
    vm.add_method(&t, "__new__", mv_new, BuiltinKind::StaticMethod);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__delitem__", mv_delitem),
        ("__eq__", |vm, a| mv_eq(vm, a, true)),
        ("__ne__", |vm, a| mv_eq(vm, a, false)),
        ("__hash__", mv_hash),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("release", mv_release),
        ("cast", mv_cast),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f, BuiltinKind::Method);
    }
    if ver(vm) >= (3, 8) {
        vm.add_method(&t, "toreadonly", mv_toreadonly, BuiltinKind::Method);
    }
    if ver(vm) >= (3, 10) {
        vm.add_method(&t, "__iter__", mv_iter, BuiltinKind::Method);
    }
    let attrs: &[(&'static str, crate::object::NativeFn)] = &[
        ("readonly", |vm, a| mv_attr(vm, a, "readonly")),
        ("nbytes", |vm, a| mv_attr(vm, a, "nbytes")),
        ("itemsize", |vm, a| mv_attr(vm, a, "itemsize")),
        ("format", |vm, a| mv_attr(vm, a, "format")),
        ("ndim", |vm, a| mv_attr(vm, a, "ndim")),
        ("shape", |vm, a| mv_attr(vm, a, "shape")),
        ("strides", |vm, a| mv_attr(vm, a, "strides")),
        ("obj", |vm, a| mv_attr(vm, a, "obj")),
        ("contiguous", |vm, a| mv_attr(vm, a, "contiguous")),
        ("c_contiguous", |vm, a| mv_attr(vm, a, "contiguous")),
        ("f_contiguous", |vm, a| mv_attr(vm, a, "contiguous")),
    ];
    for (name, f) in attrs {
        vm.add_getset(&t, name, *f, None);
    }
    let builtins = vm.builtins.clone();
    let key = Value::Obj(vm.intern("memoryview"));
    let _ = vm.dict_set(&builtins, key, Value::Obj(t));
}

/// The view state of a memoryview value.
pub fn view_of(v: &Value) -> Option<&MemView> {
    match v.payload() {
        Some(Payload::Other(b)) => b.downcast_ref::<MemView>(),
        _ => None,
    }
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview), if it is one.
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match v.payload()? {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.get()),
        Payload::Other(_) => view_of(v).filter(|m| !m.released.get()).map(|m| m.bytes()),
        _ => None,
    }
}

fn new_view(vm: &Vm, view: MemView) -> Value {
    Value::Obj(Object::new(
        vm.types.extra.memoryview.clone(),
        Payload::Other(Box::new(view)),
    ))
}

fn mv_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(vm, "memoryview", &args.pos()[1..], &args, &["object"], 1)?;
    let obj = b[0].clone().unwrap_or(Value::None);
    if let Some(m) = view_of(&obj) {
        check_released(vm, m)?;
        let copy = MemView {
            obj: m.obj.clone(),
            start: m.start,
            step: m.step,
            len: m.len,
            readonly: m.readonly,
            released: Cell::new(false),
            format: m.format,
        };
        return Ok(new_view(vm, copy));
    }
    let (len, readonly) = match obj.payload() {
        Some(Payload::Bytes(b)) => (b.len(), true),
        Some(Payload::ByteArray(b)) => (b.with(|b| b.len()), false),
        _ => {
            return Err(vm.type_error(&format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(&obj)
            )))
        }
    };
    Ok(new_view(
        vm,
        MemView {
            obj,
            start: 0,
            step: 1,
            len,
            readonly,
            released: Cell::new(false),
            format: b'B',
        },
    ))
}

fn check_released(vm: &Vm, m: &MemView) -> PyResult<()> {
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a Value, &'a MemView)> {
    let Some(v) = args.pos().first() else {
        return Err(vm.type_error("descriptor needs a 'memoryview' object"));
    };
    match view_of(v) {
        Some(m) => Ok((v, m)),
        None => Err(arity::descriptor_mismatch(vm, "tobytes", "memoryview", v)),
    }
}

/// `self` of an operation on a live view.
fn live<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a Value, &'a MemView)> {
    let (v, m) = this(vm, args)?;
    check_released(vm, m)?;
    Ok((v, m))
}

fn mv_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    Ok(Value::Int(m.len as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    let key = arity::one_arg(vm, &args, "memoryview", "__getitem__")?;
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let b = vm.slice_bounds(&s, m.len)?;
        let view = MemView {
            obj: m.obj.clone(),
            start: m.start + b.start * m.step,
            step: m.step * b.step,
            len: b.len,
            readonly: m.readonly,
            released: Cell::new(false),
            format: m.format,
        };
        return Ok(new_view(vm, view));
    }
    let k = item_index(vm, m, key)?;
    if m.format != b'B' {
        let size = m.itemsize();
        let o = m.offset(k);
        let raw = match m.obj.payload() {
            Some(Payload::Bytes(b)) => b.get(o..o + size).unwrap_or(&[]).to_vec(),
            Some(Payload::ByteArray(b)) => b.with(|b| b.get(o..o + size).unwrap_or(&[]).to_vec()),
            _ => Vec::new(),
        };
        return Ok(item_value(vm, m.format, &raw));
    }
    let byte = match m.obj.payload() {
        Some(Payload::Bytes(b)) => b[m.offset(k)],
        Some(Payload::ByteArray(b)) => b.with(|b| b.get(m.offset(k)).copied().unwrap_or(0)),
        _ => 0,
    };
    Ok(Value::Int(byte as i64))
}

/// The value of one item of format `f` from its native-endian bytes.
fn item_value(vm: &Vm, f: u8, raw: &[u8]) -> Value {
    let mut buf = [0u8; 8];
    let n = raw.len().min(8);
    buf[..n].copy_from_slice(&raw[..n]);
    let unsigned = u64::from_ne_bytes(buf);
    let bits = (n * 8) as u32;
    let signed = if bits == 0 || bits == 64 {
        unsigned as i64
    } else {
        ((unsigned << (64 - bits)) as i64) >> (64 - bits)
    };
    match f {
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(signed),
        b'?' => Value::bool(unsigned != 0),
        b'c' => crate::builtins::bytes::new_bytes(vm, raw.to_vec()),
        b'f' => Value::float(f32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]) as f64),
        b'd' => Value::float(f64::from_ne_bytes(buf)),
        _ if unsigned > i64::MAX as u64 => vm.new_int_big(unsigned.into()),
        _ => Value::Int(unsigned as i64),
    }
}

/// The items of a view as values.
fn items_of(vm: &Vm, m: &MemView) -> Vec<Value> {
    let bytes = m.bytes();
    if m.format == b'B' {
        return bytes.into_iter().map(|b| Value::Int(b as i64)).collect();
    }
    bytes
        .chunks(m.itemsize())
        .map(|c| item_value(vm, m.format, c))
        .collect()
}

/// `cast(format)`: a view of the same C-contiguous bytes as items of another format.
fn mv_cast(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    let b = arity::bind_kw(vm, "cast", &args.pos()[1..], &args, &["format", "shape"], 1)?;
    let fmt = b[0].clone().unwrap_or(Value::None);
    let Some(text) = fmt.as_str().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    let f = text.strip_prefix('@').unwrap_or(&text).as_bytes();
    if f.len() != 1 || item_size(f[0]) == 0 {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    }
    let f = f[0];
    if m.step != m.itemsize() as isize && m.len > 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if m.format != b'B' && f != b'B' && m.format != b'b' && m.format != b'c' {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.itemsize();
    let size = item_size(f);
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let view = MemView {
        obj: m.obj.clone(),
        start: m.start,
        step: size as isize,
        len: nbytes / size,
        readonly: m.readonly,
        released: Cell::new(false),
        format: f,
    };
    Ok(new_view(vm, view))
}

/// An item index (negative from the end), with memoryview's errors.
fn item_index(vm: &mut Vm, m: &MemView, key: &Value) -> PyResult<usize> {
    if let Some(Payload::Tuple(t)) = key.payload() {
        return Err(vm.type_error(&format!(
            "cannot index 1-dimension view with {}-element tuple",
            t.len()
        )));
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    match super::sequence::normalize(i as i64, m.len) {
        Some(k) => Ok(k),
        None => Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "index out of bounds on dimension 1",
        )),
    }
}

fn mv_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "", pos.len(), 2, 2)?;
    let (key, value) = (&pos[0], &pos[1]);
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(Payload::ByteArray(target)) = m.obj.payload() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let b = vm.slice_bounds(&s, m.len)?;
        let Some(src) = buffer_bytes(value) else {
            return Err(vm.type_error(&format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(value)
            )));
        };
        if src.len() != b.len {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let offsets: Vec<usize> = b.indices().map(|k| m.offset(k)).collect();
        target.with_mut(|t| {
            for (o, byte) in offsets.into_iter().zip(src) {
                if let Some(slot) = t.get_mut(o) {
                    *slot = byte;
                }
            }
        });
        return Ok(Value::None);
    }
    let k = item_index(vm, m, key)?;
    if m.format != b'B' {
        return Err(vm.new_exception(
            &vm.types.exc.not_implemented_error.clone(),
            "memoryview: item assignment is only supported for format 'B'",
        ));
    }
    let byte = match crate::vm::ops::as_int(value) {
        Some(crate::vm::ops::IntRef::Small(n)) if (0..=255).contains(&n) => n as u8,
        Some(_) => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
        None => return Err(vm.type_error("memoryview: invalid type for format 'B'")),
    };
    let o = m.offset(k);
    target.with_mut(|t| {
        if let Some(slot) = t.get_mut(o) {
            *slot = byte;
        }
    });
    Ok(Value::None)
}

fn mv_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

fn mv_eq(vm: &mut Vm, args: Args<'_>, eq: bool) -> PyResult<Value> {
    let (v, m) = this(vm, &args)?;
    let other = arity::one_arg(vm, &args, "memoryview", "__eq__")?;
    if v.is(other) {
        return Ok(Value::bool(eq));
    }
    if m.released.get() || view_of(other).is_some_and(|o| o.released.get()) {
        return Ok(Value::bool(!eq));
    }
    match buffer_bytes(other) {
        Some(b) => Ok(Value::bool((m.bytes() == b) == eq)),
        None => Ok(vm.singletons.not_implemented.clone()),
    }
}

fn mv_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let b = Value::Obj(Object::new(
        vm.types.bytes.clone(),
        Payload::Bytes(m.bytes().into()),
    ));
    Ok(Value::Int(vm.hash(&b)?))
}

fn mv_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, m) = this(vm, &args)?;
    let what = if m.released.get() {
        "released memory"
    } else {
        "memory"
    };
    Ok(vm.new_str(&format!("<{what} at {:#x}>", v.id())))
}

fn mv_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = live(vm, &args)?;
    Ok(v.clone())
}

fn mv_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = this(vm, &args)?;
    m.released.set(true);
    Ok(Value::None)
}

fn mv_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = this(vm, &args)?;
    arity::no_args(vm, &args, "memoryview", "release")?;
    m.released.set(true);
    Ok(Value::None)
}

fn mv_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    Ok(Value::Obj(Object::new(
        vm.types.bytes.clone(),
        Payload::Bytes(m.bytes().into()),
    )))
}

fn mv_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    arity::no_args(vm, &args, "memoryview", "tolist")?;
    let items = items_of(vm, m);
    Ok(vm.new_list(items))
}

fn mv_toreadonly(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    let view = MemView {
        obj: m.obj.clone(),
        start: m.start,
        step: m.step,
        len: m.len,
        readonly: true,
        released: Cell::new(false),
        format: m.format,
    };
    Ok(new_view(vm, view))
}

/// `hex(sep=None, bytes_per_sep=1)` (the separator arguments from 3.8).
fn mv_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    let pos = &args.pos()[1..];
    if ver(vm) < (3, 8) && (!pos.is_empty() || !args.kwnames.is_empty()) {
        let n = pos.len() + args.kwnames.len();
        return Err(vm.type_error(&format!("hex() takes no arguments ({n} given)")));
    }
    let b = arity::bind_kw(vm, "hex", pos, &args, &["sep", "bytes_per_sep"], 0)?;
    let bytes = m.bytes();
    let digits: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = b[0].clone().filter(|s| !s.is_none()) else {
        return Ok(vm.new_str(&digits.concat()));
    };
    let sep = match (sep.as_str(), sep.payload()) {
        (Some(s), _) => s.as_str().to_string(),
        (None, Some(Payload::Bytes(b))) => String::from_utf8_lossy(b).into_owned(),
        _ => return Err(vm.type_error("sep must be str or bytes.")),
    };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match &b[1] {
        Some(v) => arity::index_arg(vm, v)?,
        None => 1,
    };
    if per == 0 {
        return Ok(vm.new_str(&digits.concat()));
    }
    // Groups of `per` bytes, counted from the right (from the left when negative).
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = bytes.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for chunk in digits[first..].chunks(n) {
            groups.push(chunk.concat());
        }
    } else {
        for chunk in digits.chunks(n) {
            groups.push(chunk.concat());
        }
    }
    Ok(vm.new_str(&groups.join(&sep)))
}

fn mv_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, m) = live(vm, &args)?;
    let items = items_of(vm, m);
    let state = crate::vm::iter::IterState::Values { items, index: 0 };
    let payload = Payload::Iter(Box::new(crate::object::PyCell::new(state)));
    Ok(Value::Obj(Object::new(
        vm.types.extra.memory_iterator.clone(),
        payload,
    )))
}

fn mv_attr(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let Some(m) = view_of(v) else {
        return Err(vm.type_error("descriptor requires a 'memoryview' object"));
    };
    check_released(vm, m)?;
    Ok(match name {
        "readonly" => Value::bool(m.readonly),
        "nbytes" => Value::Int((m.len * m.itemsize()) as i64),
        "itemsize" => Value::Int(m.itemsize() as i64),
        "format" => vm.new_str(&(m.format as char).to_string()),
        "ndim" => Value::Int(1),
        "shape" => vm.new_tuple(vec![Value::Int(m.len as i64)]),
        "strides" => vm.new_tuple(vec![Value::Int(m.step as i64)]),
        "obj" => m.obj.clone(),
        _ => Value::bool(m.step == 1 || m.len <= 1),
    })
}
