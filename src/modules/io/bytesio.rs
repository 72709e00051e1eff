//! `_io.BytesIO`: an in-memory binary stream over a byte vector (reads, writes past the
//! end padded with zeros, seek/tell/truncate), as CPython's `bytesio.c`. `getbuffer`
//! gives a memoryview of a snapshot of the contents.

use super::{new_object, self_value, this};
use crate::object::Truth;
use crate::object::{Args, ObjRef, PyCell, Value};
use crate::vm::{PyResult, Vm};

pub(super) struct BytesIo {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

pub(super) fn init(vm: &mut Vm, t: &ObjRef) {
    vm.add_method(
        t,
        "__new__",
        |vm, a| match a.values.first() {
            Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(
                cls,
                BytesIo {
                    buf: Vec::new(),
                    pos: 0,
                    closed: false,
                },
            )),
            _ => Err(vm.type_error("BytesIO.__new__(X): X is not a type object")),
        },
        crate::object::BuiltinKind::StaticMethod,
    );
    super::add_methods(
        vm,
        t,
        &[
            ("__init__", bytesio_init),
            ("getvalue", getvalue),
            ("getbuffer", getbuffer),
            ("read", read),
            ("read1", read),
            ("readinto", readinto),
            ("readinto1", readinto),
            ("readline", readline),
            ("__next__", next),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("flush", |vm, a| {
                open_state(vm, &a)?;
                Ok(Value::None)
            }),
            ("isatty", |vm, a| {
                open_state(vm, &a)?;
                Ok(Value::Bool(Truth::False))
            }),
            ("readable", able),
            ("writable", able),
            ("seekable", able),
        ],
    );
    vm.add_getset(
        t,
        "closed",
        |vm, a| {
            let s = this::<BytesIo>(vm, &a, "BytesIO")?;
            Ok(Value::bool(s.with(|s| s.closed)))
        },
        None,
    );
}

fn open_state<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a PyCell<BytesIo>> {
    let s = this::<BytesIo>(vm, args, "BytesIO")?;
    if s.with(|s| s.closed) {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(s)
}

fn bytesio_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "BytesIO",
        params: &["", "initial_bytes"],
        required: 1,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let data = match &a[1] {
        None | Some(Value::None) => Vec::new(),
        Some(v) => super::bytes_arg(vm, v)?,
    };
    let Some(s) = super::state_of::<BytesIo>(&this_v) else {
        return Err(vm.type_error("BytesIO.__init__ needs a BytesIO"));
    };
    s.with_mut(|s| {
        s.buf = data;
        s.pos = 0;
        s.closed = false;
    });
    Ok(Value::None)
}

fn getvalue(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let data = s.with(|s| s.buf.clone());
    Ok(super::new_bytes(vm, data))
}

fn getbuffer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let data = s.with(|s| s.buf.clone());
    let b = crate::builtins::bytes::make(vm, crate::builtins::bytes::Kind::ByteArray, data);
    let mv = Value::Obj(vm.types.extra.memoryview.clone());
    vm.call(&mv, Args::positional(&[b]))
}

fn take(s: &PyCell<BytesIo>, n: i64) -> Vec<u8> {
    s.with_mut(|s| {
        let start = s.pos.min(s.buf.len());
        let avail = s.buf.len() - start;
        let k = if n < 0 {
            avail
        } else {
            (n as usize).min(avail)
        };
        s.pos = start + k;
        s.buf[start..start + k].to_vec()
    })
}

fn read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let n = super::size_arg(vm, args.pos().get(1))?;
    let data = take(s, n);
    Ok(super::new_bytes(vm, data))
}

fn readinto(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let Some(target) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("readinto() takes exactly one argument (0 given)"));
    };
    let len = super::buffer_len(vm, &target)?;
    let data = take(s, len as i64);
    let n = super::fill_buffer(vm, &target, &data)?;
    Ok(Value::Int(n as i64))
}

fn line(s: &PyCell<BytesIo>, limit: i64) -> Vec<u8> {
    s.with_mut(|s| {
        let start = s.pos.min(s.buf.len());
        let rest = &s.buf[start..];
        let mut k = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        if limit >= 0 {
            k = k.min(limit as usize);
        }
        s.pos = start + k;
        rest[..k].to_vec()
    })
}

fn readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let limit = super::size_arg(vm, args.pos().get(1))?;
    let data = line(s, limit);
    Ok(super::new_bytes(vm, data))
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let data = line(s, -1);
    if data.is_empty() {
        let class = vm.types.exc.stop_iteration.clone();
        return Err(vm.new_exception(&class, ""));
    }
    Ok(super::new_bytes(vm, data))
}

fn write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let Some(v) = args.pos().get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let data = super::bytes_arg(vm, v)?;
    let end = s.with(|s| s.pos.saturating_add(data.len()));
    if !data.is_empty() {
        super::check_alloc(vm, end)?;
    }
    s.with_mut(|s| {
        if data.is_empty() {
            return;
        }
        let end = s.pos + data.len();
        if end > s.buf.len() {
            s.buf.resize(end, 0);
        }
        s.buf[s.pos..end].copy_from_slice(&data);
        s.pos = end;
    });
    Ok(Value::Int(data.len() as i64))
}

fn seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(pos_v) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let pos = super::int_arg(vm, &pos_v, false)?;
    let whence = match args.pos().get(2) {
        Some(w) => super::int_arg(vm, w, false)?,
        None => 0,
    };
    let s = open_state(vm, &args)?;
    let new = match whence {
        0 => {
            if pos < 0 {
                return Err(vm.value_error(&format!("negative seek value {pos}")));
            }
            pos
        }
        1 => (s.with(|s| s.pos) as i64 + pos).max(0),
        2 => (s.with(|s| s.buf.len()) as i64 + pos).max(0),
        _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    s.with_mut(|s| s.pos = new as usize);
    Ok(Value::Int(new))
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    Ok(Value::Int(s.with(|s| s.pos) as i64))
}

fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let size = match args.pos().get(1) {
        None | Some(Value::None) => s.with(|s| s.pos) as i64,
        Some(v) => super::int_arg(vm, v, true)?,
    };
    if size < 0 {
        return Err(vm.value_error(&format!("negative size value {size}")));
    }
    s.with_mut(|s| s.buf.truncate(size as usize));
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this::<BytesIo>(vm, &args, "BytesIO")?;
    s.with_mut(|s| {
        s.closed = true;
        s.buf = Vec::new();
    });
    let _ = self_value(&args);
    Ok(Value::None)
}

fn able(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    open_state(vm, &args)?;
    Ok(Value::Bool(Truth::True))
}
