//! The native `_io` module: the class hierarchy of CPython's `Modules/_io` (the
//! `_IOBase` family, `FileIO`, the buffered classes, `TextIOWrapper`, `BytesIO`,
//! `StringIO`, `IncrementalNewlineDecoder`) and `open`, which builds a text or binary
//! stack over a file.
//!
//! Each concrete class keeps its state in a `PyCell` inside the instance's
//! `Payload::Other`, created by the class's `__new__`, so Python subclasses (the
//! stdlib's `io` module derives its ABCs from the `_io` bases) get the same state.
//! Layers talk to each other through Python method calls, except that a layer over a
//! native object of the exact native class calls it directly (the common `open()` stack
//! never leaves Rust).

mod base;
mod buffered;
mod bytesio;
mod fileio;
mod newline;
mod open;
mod stringio;
mod text;

use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

pub use open::builtin_open;

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The `_io` classes, kept on the interpreter for `open()` and the streams.
pub struct IoTypes {
    pub iobase: ObjRef,
    pub raw_iobase: ObjRef,
    pub buffered_iobase: ObjRef,
    pub text_iobase: ObjRef,
    pub fileio: ObjRef,
    pub bytesio: ObjRef,
    pub stringio: ObjRef,
    pub buffered_reader: ObjRef,
    pub buffered_writer: ObjRef,
    pub buffered_random: ObjRef,
    pub buffered_rwpair: ObjRef,
    pub text_wrapper: ObjRef,
    pub newline_decoder: ObjRef,
    pub unsupported: ObjRef,
}

/// The `_io` classes, importing `_io` first if nothing has yet.
pub fn types(vm: &mut Vm) -> PyResult<Rc<IoTypes>> {
    if let Some(t) = &vm.io {
        return Ok(t.clone());
    }
    vm.import_absolute("_io")?;
    match &vm.io {
        Some(t) => Ok(t.clone()),
        None => Err(vm.system_error("_io is not initialised")),
    }
}

/// `_io`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_io");
    let unsupported = unsupported_operation_type(vm)?;
    let iobase = new_type(vm, "_IOBase", vec![])?;
    let raw_iobase = new_type(vm, "_RawIOBase", vec![iobase.clone()])?;
    let buffered_iobase = new_type(vm, "_BufferedIOBase", vec![iobase.clone()])?;
    let text_iobase = new_type(vm, "_TextIOBase", vec![iobase.clone()])?;
    base::init(vm, &iobase, &raw_iobase, &buffered_iobase, &text_iobase);
    let fileio = new_type(vm, "FileIO", vec![raw_iobase.clone()])?;
    fileio::init(vm, &fileio);
    let bytesio = new_type(vm, "BytesIO", vec![buffered_iobase.clone()])?;
    bytesio::init(vm, &bytesio);
    let stringio = new_type(vm, "StringIO", vec![text_iobase.clone()])?;
    stringio::init(vm, &stringio);
    let mut buffered = Vec::new();
    for name in ["BufferedReader", "BufferedWriter", "BufferedRandom"] {
        let t = new_type(vm, name, vec![buffered_iobase.clone()])?;
        buffered::init(vm, &t, name);
        buffered.push(t);
    }
    let buffered_rwpair = new_type(vm, "BufferedRWPair", vec![buffered_iobase.clone()])?;
    buffered::init_rwpair(vm, &buffered_rwpair);
    let text_wrapper = new_type(vm, "TextIOWrapper", vec![text_iobase.clone()])?;
    text::init(vm, &text_wrapper);
    let newline_decoder = new_type(vm, "IncrementalNewlineDecoder", vec![])?;
    newline::init(vm, &newline_decoder);
    let [buffered_reader, buffered_writer, buffered_random]: [ObjRef; 3] = buffered
        .try_into()
        .map_err(|_| vm.system_error("_io: buffered classes"))?;
    let t = IoTypes {
        iobase,
        raw_iobase,
        buffered_iobase,
        text_iobase,
        fileio,
        bytesio,
        stringio,
        buffered_reader,
        buffered_writer,
        buffered_random,
        buffered_rwpair,
        text_wrapper,
        newline_decoder,
        unsupported,
    };
    let entries: Vec<(&str, &ObjRef)> = vec![
        ("_IOBase", &t.iobase),
        ("_RawIOBase", &t.raw_iobase),
        ("_BufferedIOBase", &t.buffered_iobase),
        ("_TextIOBase", &t.text_iobase),
        ("FileIO", &t.fileio),
        ("BytesIO", &t.bytesio),
        ("StringIO", &t.stringio),
        ("BufferedReader", &t.buffered_reader),
        ("BufferedWriter", &t.buffered_writer),
        ("BufferedRandom", &t.buffered_random),
        ("BufferedRWPair", &t.buffered_rwpair),
        ("TextIOWrapper", &t.text_wrapper),
        ("IncrementalNewlineDecoder", &t.newline_decoder),
        ("UnsupportedOperation", &t.unsupported),
    ];
    for (name, cls) in entries {
        vm.module_set(&m, name, Value::Obj(cls.clone()));
    }
    vm.module_set(
        &m,
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE as i64),
    );
    if let Some(b) = builtin_class(vm, "BlockingIOError") {
        vm.module_set(&m, "BlockingIOError", Value::Obj(b));
    }
    let ver = vm.version.format.major_minor;
    let functions: &[(&'static str, NativeFn, (u8, u8))] = &[
        ("open", builtin_open, (3, 0)),
        ("open_code", open::open_code, (3, 8)),
        ("text_encoding", open::text_encoding, (3, 10)),
    ];
    for (name, f, since) in functions {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    vm.io = Some(Rc::new(t));
    Ok(m)
}

/// A builtin exception class by name.
pub fn builtin_class(vm: &Vm, name: &str) -> Option<ObjRef> {
    vm.types
        .exc
        .all
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c.clone())
}

/// A class of `_io` (reported as `_io.NAME`).
fn new_type(vm: &mut Vm, name: &str, bases: Vec<ObjRef>) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let io = vm.new_str("_io");
    vm.dict_set(&ns, key, io)?;
    let meta = vm.types.type_.clone();
    vm.new_class(&meta, name, bases, &ns, Args::positional(&[]))
}

/// `io.UnsupportedOperation(OSError, ValueError)`.
fn unsupported_operation_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let io = vm.new_str("io");
    vm.dict_set(&ns, key, io)?;
    let meta = vm.types.type_.clone();
    let bases = vec![
        vm.types.exc.os_error.clone(),
        vm.types.exc.value_error.clone(),
    ];
    vm.new_class(
        &meta,
        "UnsupportedOperation",
        bases,
        &ns,
        Args::positional(&[]),
    )
}

/// Registers methods on a class.
fn add_methods(vm: &mut Vm, t: &ObjRef, methods: &[(&'static str, NativeFn)]) {
    for (name, f) in methods {
        vm.add_method(t, name, *f, BuiltinKind::Method);
    }
}

/// Registers read-only computed attributes on a class.
fn add_getters(vm: &mut Vm, t: &ObjRef, getters: &[(&'static str, NativeFn)]) {
    for (name, f) in getters {
        vm.add_getset(t, name, *f, None);
    }
}

/// A new instance of `cls` whose state is `state` (with an instance dict).
fn new_object<T: 'static>(cls: &ObjRef, state: T) -> Value {
    Value::Obj(Object::with_dict(
        cls.clone(),
        Payload::Other(Box::new(PyCell::new(state))),
    ))
}

/// The native state of `v`, if it is an object carrying a `T`.
fn state_of<T: 'static>(v: &Value) -> Option<&PyCell<T>> {
    match v.payload() {
        Some(Payload::Other(o)) => o.downcast_ref::<PyCell<T>>(),
        _ => None,
    }
}

/// The state of a method's `self`, or the descriptor TypeError.
fn this<'a, T: 'static>(vm: &Vm, args: &Args<'a>, class: &str) -> PyResult<&'a PyCell<T>> {
    match args.values.first().and_then(|v| state_of::<T>(v)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(&format!(
            "descriptor requires a '_io.{class}' object but received a '{}'",
            args.values
                .first()
                .map(|v| vm.type_name(v).to_string())
                .unwrap_or_else(|| "NoneType".into())
        ))),
    }
}

/// `self` of a method.
fn self_value(args: &Args<'_>) -> Value {
    args.values.first().cloned().unwrap_or(Value::None)
}

/// `obj.name(*args)`.
fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let n = vm.intern(name);
    vm.call_method(obj, &n, args)
}

/// `obj.name`.
fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    vm.get_attr(obj, &n)
}

/// `ValueError: I/O operation on closed file.` (or the given wording).
fn closed_error(vm: &Vm, message: &str) -> PyErr {
    vm.value_error(message)
}

/// `io.UnsupportedOperation(message)`.
fn unsupported(vm: &mut Vm, message: &str) -> PyErr {
    match types(vm) {
        Ok(t) => vm.new_exception(&t.unsupported, message),
        Err(e) => e,
    }
}

/// A size argument: None or an integer (`-1` when absent or None).
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(v) => int_arg(vm, v, true),
    }
}

/// An integer argument (through `__index__`), with the size-argument TypeError.
fn int_arg(vm: &mut Vm, v: &Value, none_ok: bool) -> PyResult<i64> {
    if !matches!(v, Value::Float(_)) {
        if let Some(i) = vm.index_value(v)? {
            return Ok(i as i64);
        }
    }
    let t = vm.type_name(v);
    let ver = vm.version.format.major_minor;
    Err(vm.type_error(&crate::vm::messages::io_size_arg(ver, &t, none_ok)))
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::bytes::buffer_arg(vm, v).ok_or_else(|| {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A `bytes` value.
fn new_bytes(vm: &Vm, data: Vec<u8>) -> Value {
    crate::builtins::bytes::new_bytes(vm, data)
}

/// Writes `data` into a writable buffer argument (bytearray or memoryview) at its start;
/// the number of bytes written.
fn fill_buffer(vm: &mut Vm, target: &Value, data: &[u8]) -> PyResult<usize> {
    match target.payload() {
        Some(Payload::ByteArray(b)) => Ok(b.with_mut(|b| {
            let n = data.len().min(b.len());
            b[..n].copy_from_slice(&data[..n]);
            n
        })),
        _ => {
            let n = data.len();
            let src = new_bytes(vm, data.to_vec());
            let slice = Value::Obj(Object::new(
                vm.types.slice.clone(),
                Payload::Slice(Box::new([Value::Int(0), Value::Int(n as i64), Value::None])),
            ));
            let setitem = vm.intern("__setitem__");
            vm.call_method(target, &setitem, &[slice, src])?;
            Ok(n)
        }
    }
}

/// The length of a buffer argument of `readinto`.
fn buffer_len(vm: &mut Vm, target: &Value) -> PyResult<usize> {
    match target.payload() {
        Some(Payload::ByteArray(b)) => Ok(b.with(|b| b.len())),
        Some(Payload::Bytes(_)) => Err(vm.type_error(&format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        ))),
        _ => match crate::builtins::memoryview::view_of(target) {
            Some(_) => {
                let len = vm.intern("__len__");
                let n = vm.call_method(target, &len, &[])?;
                Ok(vm.index_value(&n)?.unwrap_or(0).max(0) as usize)
            }
            None => Err(vm.type_error(&format!(
                "readinto() argument must be read-write bytes-like object, not {}",
                vm.type_name(target)
            ))),
        },
    }
}

/// Whether `v` is an instance of `cls` exactly (not a subclass): such objects are
/// driven directly rather than through method calls.
fn is_exact(v: &Value, cls: &ObjRef) -> bool {
    matches!(v, Value::Obj(o) if Rc::ptr_eq(o.class(), cls))
}

/// The text of a str argument.
fn str_arg(v: &Value) -> Option<Vec<u32>> {
    v.as_str().map(|s| s.code_points())
}

/// The class name a repr shows: `_io.Name` for the module's own classes, the bare name
/// for subclasses (CPython's `tp_name`).
fn type_display(vm: &mut Vm, v: &Value) -> String {
    let cls = vm.class_of(v).clone();
    let name = vm.type_data(&cls).name();
    let key = Value::Obj(vm.names.__module__.clone());
    let dict = vm.type_data(&cls).dict.clone();
    let module = vm.dict_get(&dict, &key).ok().flatten();
    match module.as_ref().and_then(|m| m.as_str()) {
        Some(m) if m.as_str() == "_io" => format!("_io.{name}"),
        _ => name.to_string(),
    }
}

/// Whether `o` is a class (the `cls` argument of `__new__`).
fn is_type(o: &ObjRef) -> bool {
    matches!(o.payload, Payload::Type(_))
}

/// The name a FileIO or TextIOWrapper repr shows: the class's own from 3.13, the base
/// class's before.
fn fixed_or_class_name(vm: &mut Vm, v: &Value, fixed: &str) -> String {
    if crate::vm::flavour::io_repr_names_subclass(vm.version) {
        type_display(vm, v)
    } else {
        fixed.to_string()
    }
}

/// The largest in-memory stream or single read this implementation allocates; past it
/// a MemoryError, as CPython's allocator would give (rather than aborting).
const MAX_ALLOC: usize = 1 << 40;

/// MemoryError unless `n` bytes (or characters) may be allocated.
fn check_alloc(vm: &Vm, n: usize) -> PyResult<()> {
    if n > MAX_ALLOC {
        return Err(vm.new_exception(&vm.types.exc.memory_error.clone(), ""));
    }
    Ok(())
}
