//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` (one state, three classes) and
//! `BufferedRWPair`: a byte buffer over a raw stream, as CPython's `bufferedio.c`.
//!
//! The buffer keeps read-ahead bytes (`rbuf[rpos..]`) and not-yet-written bytes (`wbuf`),
//! never both at once: a write first moves the raw position back over unread bytes, a
//! read first flushes. Over a native `FileIO` the raw calls are direct; over anything
//! else they are method calls (`read`, `write`, `seek`, `tell`, ...). Freeing a buffer
//! over a native FileIO writes what is pending, so a file that is never closed still
//! gets its data, as CPython's finalizer does.

use super::fileio;
use super::{call_method, new_object, self_value, this, unsupported};
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reader,
    Writer,
    Random,
}

pub(super) struct Buffered {
    raw: Value,
    kind: Kind,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    size: usize,
    detached: bool,
    ready: bool,
}

impl Drop for Buffered {
    fn drop(&mut self) {
        if self.wbuf.is_empty() {
            return;
        }
        if let Some(st) = fileio::open_state(&self.raw) {
            if st.writable {
                let data = std::mem::take(&mut self.wbuf);
                let _ = fileio::with_fd(st.fd, |f| std::io::Write::write_all(f, &data));
            }
        }
    }
}

fn kind_of(name: &str) -> Kind {
    match name {
        "BufferedReader" => Kind::Reader,
        "BufferedWriter" => Kind::Writer,
        _ => Kind::Random,
    }
}

fn empty(kind: Kind) -> Buffered {
    Buffered {
        raw: Value::None,
        kind,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        size: super::DEFAULT_BUFFER_SIZE,
        detached: false,
        ready: false,
    }
}

pub(super) fn init(vm: &mut Vm, t: &ObjRef, name: &str) {
    let new: crate::object::NativeFn = match kind_of(name) {
        Kind::Reader => |vm, a| buffered_new(vm, a, Kind::Reader),
        Kind::Writer => |vm, a| buffered_new(vm, a, Kind::Writer),
        Kind::Random => |vm, a| buffered_new(vm, a, Kind::Random),
    };
    vm.add_method(t, "__new__", new, crate::object::BuiltinKind::StaticMethod);
    let mut methods: Vec<(&'static str, crate::object::NativeFn)> = vec![
        ("__init__", buffered_init),
        ("flush", flush),
        ("close", close),
        ("detach", detach),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("fileno", |vm, a| delegate(vm, a, "fileno")),
        ("isatty", |vm, a| delegate(vm, a, "isatty")),
        ("seekable", |vm, a| delegate(vm, a, "seekable")),
        ("__repr__", repr),
        ("__getstate__", |vm, a| {
            let t = vm.type_name(&self_value(&a));
            Err(vm.type_error(&format!("cannot pickle '{t}' object")))
        }),
    ];
    let kind = kind_of(name);
    if kind != Kind::Writer {
        methods.push(("readable", |vm, a| delegate(vm, a, "readable")));
    }
    if kind != Kind::Reader {
        methods.push(("writable", |vm, a| delegate(vm, a, "writable")));
    }
    if kind != Kind::Writer {
        methods.extend_from_slice(&[
            ("read", read as crate::object::NativeFn),
            ("read1", read1),
            ("peek", peek),
            ("readinto", |vm, a| readinto(vm, a, false)),
            ("readinto1", |vm, a| readinto(vm, a, true)),
            ("readline", readline),
            ("__next__", next),
        ]);
    }
    if kind != Kind::Reader {
        methods.push(("write", write));
    }
    super::add_methods(vm, t, &methods);
    super::add_getters(
        vm,
        t,
        &[
            ("raw", |vm, a| {
                let s = this::<Buffered>(vm, &a, "BufferedReader")?;
                Ok(s.with(|s| s.raw.clone()))
            }),
            ("closed", |vm, a| {
                let raw = raw_of(vm, &a)?;
                super::get_attr(vm, &raw, "closed")
            }),
            ("name", |vm, a| {
                let raw = raw_of(vm, &a)?;
                super::get_attr(vm, &raw, "name")
            }),
            ("mode", |vm, a| {
                let raw = raw_of(vm, &a)?;
                super::get_attr(vm, &raw, "mode")
            }),
        ],
    );
}

fn buffered_new(vm: &mut Vm, args: Args<'_>, kind: Kind) -> PyResult<Value> {
    match args.values.first() {
        Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(cls, empty(kind))),
        _ => Err(vm.type_error("__new__(X): X is not a type object")),
    }
}

fn buffered_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "BufferedReader",
        params: &["", "raw", "buffer_size"],
        required: 2,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let raw = a[1].clone().unwrap_or(Value::None);
    let size = match &a[2] {
        Some(v) => super::int_arg(vm, v, false)?,
        None => super::DEFAULT_BUFFER_SIZE as i64,
    };
    init_state(vm, &this_v, raw, size)?;
    Ok(Value::None)
}

/// Sets up a buffered object over `raw` (its `__init__`).
pub(super) fn init_state(vm: &mut Vm, this_v: &Value, raw: Value, size: i64) -> PyResult<()> {
    let Some(state) = super::state_of::<Buffered>(this_v) else {
        return Err(vm.type_error("__init__ needs a buffered object"));
    };
    let kind = state.with(|s| s.kind);
    if kind != Kind::Writer {
        let r = call_method(vm, &raw, "readable", &[])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, "File or stream is not readable."));
        }
    }
    if kind != Kind::Reader {
        let r = call_method(vm, &raw, "writable", &[])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, "File or stream is not writable."));
        }
    }
    if kind == Kind::Random {
        let r = call_method(vm, &raw, "seekable", &[])?;
        if !vm.truthy(&r)? {
            return Err(unsupported(vm, "File or stream is not seekable."));
        }
    }
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let old = state.replace(Buffered {
        raw,
        kind,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        size: size as usize,
        detached: false,
        ready: true,
    });
    drop(old);
    Ok(())
}

/// The raw stream of a ready, attached buffered object.
fn raw_of(vm: &mut Vm, args: &Args<'_>) -> PyResult<Value> {
    let s = this::<Buffered>(vm, args, "BufferedReader")?;
    let (raw, detached, ready) = s.with(|s| (s.raw.clone(), s.detached, s.ready));
    if detached {
        return Err(vm.value_error("raw stream has been detached"));
    }
    if !ready {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(raw)
}

/// The state of a ready buffered `self`, and its raw stream.
fn ready<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
) -> PyResult<(&'a crate::object::PyCell<Buffered>, Value)> {
    let raw = raw_of(vm, args)?;
    let s = this::<Buffered>(vm, args, "BufferedReader")?;
    Ok((s, raw))
}

fn raw_closed(vm: &mut Vm, raw: &Value) -> PyResult<bool> {
    if fileio::open_state(raw).is_some() {
        return Ok(false);
    }
    super::base::is_closed(vm, raw)
}

fn check_closed(vm: &mut Vm, raw: &Value, message: &str) -> PyResult<()> {
    if raw_closed(vm, raw)? {
        return Err(vm.value_error(message));
    }
    Ok(())
}

/// A native FileIO under the buffer, when it can be driven directly.
fn native_raw(vm: &mut Vm, raw: &Value) -> Option<fileio::FileIo> {
    let t = vm.io.clone()?;
    if !super::is_exact(raw, &t.fileio) {
        return None;
    }
    fileio::open_state(raw)
}

/// raw.read(n) (`None` n: readall); `None` result when the raw stream would block.
fn raw_read(vm: &mut Vm, raw: &Value, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
    if let Some(st) = native_raw(vm, raw) {
        if st.readable {
            return fileio::read_fd(vm, st.fd, n).map(Some);
        }
    }
    let r = match n {
        Some(n) => call_method(vm, raw, "read", &[Value::Int(n as i64)])?,
        None => call_method(vm, raw, "readall", &[])?,
    };
    if r.is_none() {
        return Ok(None);
    }
    match crate::builtins::bytes::buffer_arg(vm, &r) {
        Some(b) => Ok(Some(b)),
        None => {
            let t = vm.type_name(&r);
            Err(vm.type_error(&format!("read() should return bytes, not '{t}'")))
        }
    }
}

/// Writes all of `data` to the raw stream.
fn raw_write_all(vm: &mut Vm, raw: &Value, data: &[u8]) -> PyResult<()> {
    let mut done = 0;
    while done < data.len() {
        let n = if let Some(st) = native_raw(vm, raw).filter(|s| s.writable) {
            fileio::write_fd(vm, st.fd, &data[done..])?
        } else {
            let chunk = super::new_bytes(vm, data[done..].to_vec());
            let r = call_method(vm, raw, "write", &[chunk])?;
            if r.is_none() {
                let class = super::builtin_class(vm, "BlockingIOError")
                    .unwrap_or_else(|| vm.types.exc.os_error.clone());
                return Err(vm.new_exception(&class, "write could not complete without blocking"));
            }
            let n = super::int_arg(vm, &r, false)?;
            if n < 0 || n as usize > data.len() - done {
                return Err(crate::vm::PyErr(
                    vm.new_exception(
                        &vm.types.exc.os_error.clone(),
                        &format!(
                            "raw write() returned invalid length {n} (should have been between 0 and {})",
                            data.len() - done
                        ),
                    )
                    .0,
                ));
            }
            n as usize
        };
        if n == 0 {
            break;
        }
        done += n;
    }
    Ok(())
}

fn raw_seek(vm: &mut Vm, raw: &Value, pos: i64, whence: i64) -> PyResult<i64> {
    if let Some(st) = native_raw(vm, raw) {
        return fileio::seek_fd(vm, st.fd, pos, whence);
    }
    let r = call_method(vm, raw, "seek", &[Value::Int(pos), Value::Int(whence)])?;
    let n = super::int_arg(vm, &r, false)?;
    if n < 0 {
        return Err(vm.new_exception(
            &vm.types.exc.os_error.clone(),
            &format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

/// Writes out the write buffer.
fn flush_writes(vm: &mut Vm, s: &crate::object::PyCell<Buffered>, raw: &Value) -> PyResult<()> {
    let data = s.with_mut(|s| std::mem::take(&mut s.wbuf));
    if !data.is_empty() {
        raw_write_all(vm, raw, &data)?;
    }
    Ok(())
}

/// Drops the read-ahead, moving the raw position back over the unread bytes.
fn drop_readahead(vm: &mut Vm, s: &crate::object::PyCell<Buffered>, raw: &Value) -> PyResult<()> {
    let unread = s.with_mut(|s| {
        let n = s.rbuf.len() - s.rpos;
        s.rbuf.clear();
        s.rpos = 0;
        n
    });
    if unread > 0 {
        raw_seek(vm, raw, -(unread as i64), 1)?;
    }
    Ok(())
}

/// Reads `n` bytes (all when None) through the buffer; None when nothing could be read
/// without blocking.
fn read_bytes(
    vm: &mut Vm,
    s: &crate::object::PyCell<Buffered>,
    raw: &Value,
    n: Option<usize>,
    once: bool,
) -> PyResult<Option<Vec<u8>>> {
    flush_writes(vm, s, raw)?;
    let mut out = s.with_mut(|s| {
        let avail = s.rbuf.len() - s.rpos;
        let take = n.map_or(avail, |n| n.min(avail));
        let v = s.rbuf[s.rpos..s.rpos + take].to_vec();
        s.rpos += take;
        if s.rpos == s.rbuf.len() {
            s.rbuf.clear();
            s.rpos = 0;
        }
        v
    });
    let size = s.with(|s| s.size);
    match n {
        None => {
            match raw_read(vm, raw, None)? {
                Some(rest) => out.extend_from_slice(&rest),
                None if out.is_empty() => return Ok(None),
                None => {}
            }
            Ok(Some(out))
        }
        Some(n) => {
            if once && !out.is_empty() {
                return Ok(Some(out));
            }
            while out.len() < n {
                let want = n - out.len();
                let chunk = match raw_read(vm, raw, Some(want.max(size)))? {
                    Some(c) => c,
                    None if out.is_empty() => return Ok(None),
                    None => break,
                };
                if chunk.is_empty() {
                    break;
                }
                if chunk.len() > want {
                    out.extend_from_slice(&chunk[..want]);
                    s.with_mut(|s| {
                        s.rbuf = chunk[want..].to_vec();
                        s.rpos = 0;
                    });
                } else {
                    out.extend_from_slice(&chunk);
                }
                if once {
                    break;
                }
            }
            Ok(Some(out))
        }
    }
}

fn read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let n = super::size_arg(vm, args.pos().get(1))?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    check_closed(vm, &raw, "read of closed file")?;
    let r = read_bytes(vm, s, &raw, (n >= 0).then_some(n as usize), false)?;
    Ok(r.map_or(Value::None, |b| super::new_bytes(vm, b)))
}

fn read1(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() < 2 && !crate::vm::flavour::read1_size_optional(vm.version) {
        return Err(vm.type_error("read1() takes exactly one argument (0 given)"));
    }
    let (s, raw) = ready(vm, &args)?;
    let n = super::size_arg(vm, args.pos().get(1))?;
    check_closed(vm, &raw, "read of closed file")?;
    let n = if n < 0 {
        s.with(|s| s.size.max(s.rbuf.len() - s.rpos))
    } else {
        n as usize
    };
    if n == 0 {
        return Ok(super::new_bytes(vm, Vec::new()));
    }
    let r = read_bytes(vm, s, &raw, Some(n), true)?;
    Ok(super::new_bytes(vm, r.unwrap_or_default()))
}

fn peek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    check_closed(vm, &raw, "peek of closed file")?;
    flush_writes(vm, s, &raw)?;
    if s.with(|s| s.rpos == s.rbuf.len()) {
        let size = s.with(|s| s.size);
        if let Some(chunk) = raw_read(vm, &raw, Some(size))? {
            s.with_mut(|s| {
                s.rbuf = chunk;
                s.rpos = 0;
            });
        }
    }
    let data = s.with(|s| s.rbuf[s.rpos..].to_vec());
    Ok(super::new_bytes(vm, data))
}

fn readinto(vm: &mut Vm, args: Args<'_>, once: bool) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let Some(target) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("readinto() takes exactly one argument (0 given)"));
    };
    check_closed(vm, &raw, "readinto of closed file")?;
    let len = super::buffer_len(vm, &target)?;
    let data = read_bytes(vm, s, &raw, Some(len), once)?.unwrap_or_default();
    let n = super::fill_buffer(vm, &target, &data)?;
    Ok(Value::Int(n as i64))
}

/// One line (up to `limit` bytes) through the buffer.
pub(super) fn read_line(
    vm: &mut Vm,
    s: &crate::object::PyCell<Buffered>,
    raw: &Value,
    limit: i64,
) -> PyResult<Vec<u8>> {
    flush_writes(vm, s, raw)?;
    let mut out = Vec::new();
    loop {
        let done = s.with_mut(|s| {
            let avail = &s.rbuf[s.rpos..];
            let room = if limit < 0 {
                avail.len()
            } else {
                (limit as usize - out.len()).min(avail.len())
            };
            let (take, found) = match avail[..room].iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (room, false),
            };
            out.extend_from_slice(&avail[..take]);
            s.rpos += take;
            found || (limit >= 0 && out.len() >= limit as usize)
        });
        if done {
            return Ok(out);
        }
        let size = s.with(|s| s.size);
        match raw_read(vm, raw, Some(size))? {
            Some(chunk) if !chunk.is_empty() => s.with_mut(|s| {
                s.rbuf = chunk;
                s.rpos = 0;
            }),
            _ => return Ok(out),
        }
    }
}

fn readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let limit = super::size_arg(vm, args.pos().get(1))?;
    check_closed(vm, &raw, "readline of closed file")?;
    let line = read_line(vm, s, &raw, limit)?;
    Ok(super::new_bytes(vm, line))
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    check_closed(vm, &raw, "readline of closed file")?;
    let line = read_line(vm, s, &raw, -1)?;
    if line.is_empty() {
        let class = vm.types.exc.stop_iteration.clone();
        return Err(vm.new_exception(&class, ""));
    }
    Ok(super::new_bytes(vm, line))
}

/// Buffers `data` for writing (the text layer's entry point).
pub(super) fn write_bytes(
    vm: &mut Vm,
    s: &crate::object::PyCell<Buffered>,
    raw: &Value,
    data: &[u8],
) -> PyResult<()> {
    if s.with(|s| s.rpos < s.rbuf.len()) {
        drop_readahead(vm, s, raw)?;
    } else {
        s.with_mut(|s| {
            s.rbuf.clear();
            s.rpos = 0;
        });
    }
    let full = s.with_mut(|s| {
        s.wbuf.extend_from_slice(data);
        s.wbuf.len() >= s.size
    });
    if full {
        flush_writes(vm, s, raw)?;
    }
    Ok(())
}

fn write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let Some(b) = args.pos().get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let data = super::bytes_arg(vm, b)?;
    check_closed(vm, &raw, "write to closed file")?;
    write_bytes(vm, s, &raw, &data)?;
    Ok(Value::Int(data.len() as i64))
}

fn flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let message = if s.with(|s| s.kind == Kind::Reader) {
        "I/O operation on closed file."
    } else {
        "flush of closed file"
    };
    check_closed(vm, &raw, message)?;
    flush_writes(vm, s, &raw)?;
    if s.with(|s| s.kind != Kind::Reader) && native_raw(vm, &raw).is_none() {
        call_method(vm, &raw, "flush", &[])?;
    }
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    if raw_closed(vm, &raw)? {
        return Ok(Value::None);
    }
    let flushed = flush_writes(vm, s, &raw);
    s.with_mut(|s| {
        s.rbuf.clear();
        s.rpos = 0;
    });
    let closed = call_method(vm, &raw, "close", &[]);
    flushed?;
    closed.map(|_| Value::None)
}

fn detach(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    flush_writes(vm, s, &raw)?;
    s.with_mut(|s| s.detached = true);
    Ok(raw)
}

fn seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let Some(pos) = args.pos().get(1) else {
        return Err(vm.type_error("seek() takes at least 1 argument (0 given)"));
    };
    let mut pos = super::int_arg(vm, pos, false)?;
    let whence = match args.pos().get(2) {
        Some(w) => super::int_arg(vm, w, false)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(&format!("whence value {whence} unsupported")));
    }
    check_closed(vm, &raw, "seek of closed file")?;
    flush_writes(vm, s, &raw)?;
    if whence == 1 {
        pos -= s.with(|s| (s.rbuf.len() - s.rpos) as i64);
    }
    s.with_mut(|s| {
        s.rbuf.clear();
        s.rpos = 0;
    });
    Ok(Value::Int(raw_seek(vm, &raw, pos, whence)?))
}

/// The logical position: the raw position less the read-ahead, plus pending writes.
fn position(vm: &mut Vm, s: &crate::object::PyCell<Buffered>, raw: &Value) -> PyResult<i64> {
    let rawpos = raw_seek(vm, raw, 0, 1)?;
    let (unread, pending) = s.with(|s| ((s.rbuf.len() - s.rpos) as i64, s.wbuf.len() as i64));
    Ok((rawpos - unread + pending).max(0))
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    Ok(Value::Int(position(vm, s, &raw)?))
}

fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, raw) = ready(vm, &args)?;
    let ver = vm.version.format.major_minor;
    check_closed(vm, &raw, crate::vm::messages::buffered_truncate_closed(ver))?;
    if s.with(|s| s.kind == Kind::Reader)
        && crate::vm::flavour::buffered_truncate_checks_writable(vm.version)
    {
        return Err(unsupported(vm, "truncate"));
    }
    let pos = match args.pos().get(1) {
        None | Some(Value::None) => Value::Int(position(vm, s, &raw)?),
        Some(v) => v.clone(),
    };
    flush_writes(vm, s, &raw)?;
    let cur = position(vm, s, &raw)?;
    s.with_mut(|s| {
        s.rbuf.clear();
        s.rpos = 0;
    });
    raw_seek(vm, &raw, cur, 0)?;
    call_method(vm, &raw, "truncate", &[pos])
}

fn delegate(vm: &mut Vm, args: Args<'_>, method: &str) -> PyResult<Value> {
    let raw = raw_of(vm, &args)?;
    call_method(vm, &raw, method, &[])
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this_v = self_value(&args);
    let tname = super::type_display(vm, &this_v);
    let key = vm.intern("name");
    let name = match vm.get_attr_opt(&this_v, &key) {
        Ok(n) => n,
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.value_error.clone()) => None,
        Err(e) => return Err(e),
    };
    let text = match name {
        Some(n) => format!("<{tname} name={}>", vm.repr(&n)?),
        None => format!("<{tname}>"),
    };
    Ok(vm.new_str(&text))
}

/// The buffered state of `v` and its raw stream, when `v` is a native buffered object
/// of the exact class (for the text layer's direct path).
pub(super) fn native_parts(vm: &Vm, v: &Value) -> Option<(&'static str, Value)> {
    let t = vm.io.as_ref()?;
    let kind = if super::is_exact(v, &t.buffered_reader) {
        "r"
    } else if super::is_exact(v, &t.buffered_writer) {
        "w"
    } else if super::is_exact(v, &t.buffered_random) {
        "rw"
    } else {
        return None;
    };
    let s = super::state_of::<Buffered>(v)?;
    let (raw, ok) = s.with(|s| (s.raw.clone(), s.ready && !s.detached));
    ok.then_some((kind, raw))
}

/// Reads up to `n` bytes with at most one raw read (`read1`), for the text layer.
pub(super) fn read_chunk(vm: &mut Vm, buffer: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let (Some(_), Some(s)) = (
        native_parts(vm, buffer),
        super::state_of::<Buffered>(buffer),
    ) {
        let raw = s.with(|s| s.raw.clone());
        check_closed(vm, &raw, "read of closed file")?;
        return read_bytes(vm, s, &raw, Some(n), true);
    }
    let r = call_method(vm, buffer, "read1", &[Value::Int(n as i64)])?;
    if r.is_none() {
        return Ok(None);
    }
    super::bytes_arg(vm, &r).map(Some)
}

/// Reads everything that remains, for the text layer.
pub(super) fn read_all(vm: &mut Vm, buffer: &Value) -> PyResult<Vec<u8>> {
    if let (Some(_), Some(s)) = (
        native_parts(vm, buffer),
        super::state_of::<Buffered>(buffer),
    ) {
        let raw = s.with(|s| s.raw.clone());
        check_closed(vm, &raw, "read of closed file")?;
        return Ok(read_bytes(vm, s, &raw, None, false)?.unwrap_or_default());
    }
    let r = call_method(vm, buffer, "read", &[])?;
    if r.is_none() {
        return Ok(Vec::new());
    }
    super::bytes_arg(vm, &r)
}

/// Adds bytes to a native buffered writer's buffer without writing (a text layer
/// being freed; the buffer writes them when it is flushed or freed in turn).
pub(super) fn append_pending(buffer: &Value, data: &[u8]) {
    if let Some(s) = super::state_of::<Buffered>(buffer) {
        s.with_mut(|s| {
            if s.kind != Kind::Reader && s.ready && !s.detached {
                s.wbuf.extend_from_slice(data);
            }
        });
    }
}

/// Writes bytes through a buffered object, for the text layer.
pub(super) fn write_through(vm: &mut Vm, buffer: &Value, data: Vec<u8>) -> PyResult<()> {
    if let (Some((kind, _)), Some(s)) = (
        native_parts(vm, buffer),
        super::state_of::<Buffered>(buffer),
    ) {
        if kind != "r" {
            let raw = s.with(|s| s.raw.clone());
            check_closed(vm, &raw, "write to closed file")?;
            return write_bytes(vm, s, &raw, &data);
        }
    }
    let b = super::new_bytes(vm, data);
    call_method(vm, buffer, "write", &[b])?;
    Ok(())
}

// ----- BufferedRWPair -----

/// A reader and a writer used as one stream.
struct RwPair {
    reader: Value,
    writer: Value,
}

pub(super) fn init_rwpair(vm: &mut Vm, t: &ObjRef) {
    vm.add_method(
        t,
        "__new__",
        |vm, a| match a.values.first() {
            Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(
                cls,
                RwPair {
                    reader: Value::None,
                    writer: Value::None,
                },
            )),
            _ => Err(vm.type_error("__new__(X): X is not a type object")),
        },
        crate::object::BuiltinKind::StaticMethod,
    );
    super::add_methods(
        vm,
        t,
        &[
            ("__init__", rwpair_init),
            ("read", |vm, a| pair_call(vm, a, false, "read")),
            ("peek", |vm, a| pair_call(vm, a, false, "peek")),
            ("read1", |vm, a| pair_call(vm, a, false, "read1")),
            ("readinto", |vm, a| pair_call(vm, a, false, "readinto")),
            ("readinto1", |vm, a| pair_call(vm, a, false, "readinto1")),
            ("readline", |vm, a| pair_call(vm, a, false, "readline")),
            ("readable", |vm, a| pair_call(vm, a, false, "readable")),
            ("write", |vm, a| pair_call(vm, a, true, "write")),
            ("flush", |vm, a| pair_call(vm, a, true, "flush")),
            ("writable", |vm, a| pair_call(vm, a, true, "writable")),
            ("isatty", |vm, a| {
                let w = pair_call(vm, a, true, "isatty")?;
                if vm.truthy(&w)? {
                    return Ok(w);
                }
                pair_call(vm, a, false, "isatty")
            }),
            ("close", |vm, a| {
                let w = pair_call(vm, a, true, "close");
                let r = pair_call(vm, a, false, "close");
                w?;
                r
            }),
        ],
    );
    vm.add_getset(
        t,
        "closed",
        |vm, a| {
            let s = this::<RwPair>(vm, &a, "BufferedRWPair")?;
            let w = s.with(|s| s.writer.clone());
            super::get_attr(vm, &w, "closed")
        },
        None,
    );
}

fn rwpair_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "BufferedRWPair",
        params: &["", "reader", "writer", "buffer_size"],
        required: 3,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let (reader, writer) = (
        a[1].clone().unwrap_or(Value::None),
        a[2].clone().unwrap_or(Value::None),
    );
    let size = a[3]
        .clone()
        .unwrap_or(Value::Int(super::DEFAULT_BUFFER_SIZE as i64));
    let t = super::types(vm)?;
    let r = vm.call(
        &Value::Obj(t.buffered_reader.clone()),
        Args::positional(&[reader, size.clone()]),
    )?;
    let w = vm.call(
        &Value::Obj(t.buffered_writer.clone()),
        Args::positional(&[writer, size]),
    )?;
    let Some(s) = super::state_of::<RwPair>(&this_v) else {
        return Err(vm.type_error("__init__ needs a BufferedRWPair"));
    };
    let old = s.replace(RwPair {
        reader: r,
        writer: w,
    });
    drop(old);
    Ok(Value::None)
}

fn pair_call(vm: &mut Vm, args: Args<'_>, writer: bool, method: &str) -> PyResult<Value> {
    let s = this::<RwPair>(vm, &args, "BufferedRWPair")?;
    let target = s.with(|s| {
        if writer {
            s.writer.clone()
        } else {
            s.reader.clone()
        }
    });
    if target.is_none() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    call_method(vm, &target, method, &args.pos()[1..])
}
