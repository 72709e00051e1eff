//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`:
//! the generic methods every stream inherits, written against the stream's own methods
//! (`readline` over `read`, `close` through `flush`, iteration over `readline`), as
//! CPython's `iobase.c`. The closed flag of a stream without native state is the
//! instance attribute `__IOBase_closed`, as in CPython.

use super::{call_method, closed_error, self_value, size_arg, unsupported};
use crate::object::Truth;
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

pub(super) fn init(vm: &mut Vm, iobase: &ObjRef, raw: &ObjRef, buffered: &ObjRef, text: &ObjRef) {
    super::add_methods(
        vm,
        iobase,
        &[
            ("__enter__", enter),
            ("__exit__", exit),
            ("__iter__", iter),
            ("__next__", next),
            ("close", close),
            ("flush", flush),
            ("readable", no),
            ("writable", no),
            ("seekable", no),
            ("isatty", isatty),
            ("fileno", |vm, _| Err(unsupported(vm, "fileno"))),
            ("seek", |vm, _| Err(unsupported(vm, "seek"))),
            ("truncate", |vm, _| Err(unsupported(vm, "truncate"))),
            ("tell", tell),
            ("readline", readline),
            ("readlines", readlines),
            ("writelines", writelines),
            ("_checkClosed", check_closed_method),
            ("_checkReadable", |vm, a| check_able(vm, a, "readable")),
            ("_checkWritable", |vm, a| check_able(vm, a, "writable")),
            ("_checkSeekable", |vm, a| check_able(vm, a, "seekable")),
        ],
    );
    vm.add_getset(iobase, "closed", closed_getter, None);
    super::add_methods(vm, raw, &[("read", raw_read), ("readall", raw_readall)]);
    super::add_methods(
        vm,
        buffered,
        &[
            ("read", |vm, _| Err(unsupported(vm, "read"))),
            ("read1", |vm, _| Err(unsupported(vm, "read1"))),
            ("write", |vm, _| Err(unsupported(vm, "write"))),
            ("detach", |vm, _| Err(unsupported(vm, "detach"))),
            ("readinto", |vm, a| buffered_readinto(vm, a, "read")),
            ("readinto1", |vm, a| buffered_readinto(vm, a, "read1")),
        ],
    );
    super::add_methods(
        vm,
        text,
        &[
            ("read", |vm, _| Err(unsupported(vm, "read"))),
            ("readline", |vm, _| Err(unsupported(vm, "readline"))),
            ("write", |vm, _| Err(unsupported(vm, "write"))),
            ("detach", |vm, _| Err(unsupported(vm, "detach"))),
        ],
    );
    for name in ["encoding", "newlines", "errors"] {
        vm.add_getset(text, name, |_, _| Ok(Value::None), None);
    }
}

/// `self.closed`, through the attribute (subclasses and native classes override it).
pub(super) fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let closed = super::get_attr(vm, obj, "closed")?;
    vm.truthy(&closed)
}

/// Raises `ValueError: I/O operation on closed file.` when `obj.closed`.
pub(super) fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(closed_error(vm, "I/O operation on closed file."));
    }
    Ok(())
}

fn closed_getter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    let key = vm.intern("__IOBase_closed");
    Ok(Value::bool(match vm.get_attr_opt(&this, &key)? {
        Some(v) => vm.truthy(&v)?,
        None => false,
    }))
}

fn check_closed_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    check_closed(vm, &self_value(&args))?;
    Ok(Value::None)
}

/// `_checkReadable()` and friends: UnsupportedOperation unless `self.<what>()`.
fn check_able(vm: &mut Vm, args: Args<'_>, what: &str) -> PyResult<Value> {
    let r = call_method(vm, &self_value(&args), what, &[])?;
    if !vm.truthy(&r)? {
        let msg = match what {
            "readable" => "File or stream is not readable.",
            "writable" => "File or stream is not writable.",
            _ => "File or stream is not seekable.",
        };
        return Err(unsupported(vm, msg));
    }
    Ok(Value::Bool(Truth::True))
}

fn no(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(Truth::False))
}

fn isatty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    check_closed(vm, &self_value(&args))?;
    Ok(Value::Bool(Truth::False))
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    call_method(
        vm,
        &self_value(&args),
        "seek",
        &[Value::Int(0), Value::Int(1)],
    )
}

fn enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    check_closed(vm, &this)?;
    Ok(this)
}

fn exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    call_method(vm, &self_value(&args), "close", &[])
}

fn iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    check_closed(vm, &this)?;
    Ok(this)
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let line = call_method(vm, &self_value(&args), "readline", &[])?;
    if is_empty(vm, &line)? {
        let class = vm.types.exc.stop_iteration.clone();
        return Err(vm.new_exception(&class, ""));
    }
    Ok(line)
}

/// `len(v) == 0`.
fn is_empty(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let len = vm.intern("__len__");
    let n = vm.call_method(v, &len, &[])?;
    Ok(matches!(n, Value::Int(0)))
}

fn flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    check_closed(vm, &self_value(&args))?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    if is_closed(vm, &this)? {
        return Ok(Value::None);
    }
    let r = call_method(vm, &this, "flush", &[]);
    let key = vm.intern("__IOBase_closed");
    vm.set_attr(&this, &key, Value::Bool(Truth::True))?;
    r.map(|_| Value::None)
}

/// `readline(size=-1)` over `peek` (when present) or `read(1)`.
fn readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    let limit = size_arg(vm, args.pos().get(1))?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let b = call_method(vm, &this, "read", &[Value::Int(1)])?;
        let Some(data) = crate::builtins::bytes::buffer_arg(vm, &b) else {
            if b.is_none() {
                break;
            }
            let t = vm.type_name(&b);
            return Err(vm.type_error(&format!(
                "read() should have returned a bytes object, not '{t}'"
            )));
        };
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(super::new_bytes(vm, out))
}

/// `readlines(hint=-1)` over iteration.
fn readlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    let hint = size_arg(vm, args.pos().get(1))?;
    let mut lines = Vec::new();
    let mut total: i64 = 0;
    let it = vm.get_iter(&this)?;
    while let Some(line) = vm.next(&it)? {
        if hint > 0 {
            let len = vm.intern("__len__");
            let n = vm.call_method(&line, &len, &[])?;
            total += vm.index_value(&n)?.unwrap_or(0) as i64;
        }
        lines.push(line);
        if hint > 0 && total >= hint {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn writelines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    check_closed(vm, &this)?;
    let Some(lines) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let it = vm.get_iter(&lines)?;
    while let Some(line) = vm.next(&it)? {
        call_method(vm, &this, "write", &[line])?;
    }
    Ok(Value::None)
}

/// `_RawIOBase.read(size=-1)` over `readinto`.
fn raw_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    let size = size_arg(vm, args.pos().get(1))?;
    if size < 0 {
        return call_method(vm, &this, "readall", &[]);
    }
    let buf = crate::builtins::bytes::make(
        vm,
        crate::builtins::bytes::Kind::ByteArray,
        vec![0; size as usize],
    );
    let n = call_method(vm, &this, "readinto", std::slice::from_ref(&buf))?;
    if n.is_none() {
        return Ok(Value::None);
    }
    let n = super::int_arg(vm, &n, false)?.max(0) as usize;
    let data = crate::builtins::bytes::buffer_arg(vm, &buf).unwrap_or_default();
    Ok(super::new_bytes(vm, data[..n.min(data.len())].to_vec()))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until EOF.
fn raw_readall(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_value(&args);
    let mut out = Vec::new();
    loop {
        let chunk = call_method(
            vm,
            &this,
            "read",
            &[Value::Int(super::DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let data = super::bytes_arg(vm, &chunk)?;
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
    }
    Ok(super::new_bytes(vm, out))
}

/// `_BufferedIOBase.readinto(b)` over `read(len(b))` (or `read1`).
fn buffered_readinto(vm: &mut Vm, args: Args<'_>, method: &str) -> PyResult<Value> {
    let this = self_value(&args);
    let Some(target) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("readinto() takes exactly one argument (0 given)"));
    };
    let len = super::buffer_len(vm, &target)?;
    let data = call_method(vm, &this, method, &[Value::Int(len as i64)])?;
    let data = super::bytes_arg(vm, &data)?;
    let n = super::fill_buffer(vm, &target, &data)?;
    Ok(Value::Int(n as i64))
}
