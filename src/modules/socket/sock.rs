//! The `_socket.socket` type: a descriptor with its family, type, protocol and timeout.
//! A timeout of None blocks; 0.0 is non-blocking (calls that would block raise
//! BlockingIOError); a positive timeout puts the descriptor in non-blocking mode and
//! waits with poll(2), raising `socket.timeout`, as CPython's `sock_call` does.

use super::addr::{self, SockAddr};
use super::errors;
use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::modules::native_class::{self, bind, int_arg, Method};
use crate::object::{Args, BuiltinKind, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;
use std::time::Instant;

/// The state of a socket object.
pub struct Sock {
    pub fd: Cell<libc::c_int>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// Seconds; negative means None (blocking).
    timeout: Cell<f64>,
}

impl Drop for Sock {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            // SAFETY: the socket owns this descriptor and nothing else uses it now.
            unsafe { libc::close(fd) };
        }
    }
}

pub const METHODS: &[Method] = &[
    ("__new__", sock_new, BuiltinKind::StaticMethod),
    ("__init__", sock_init, BuiltinKind::Method),
    ("fileno", sock_fileno, BuiltinKind::Method),
    ("detach", sock_detach, BuiltinKind::Method),
    ("close", sock_close, BuiltinKind::Method),
    ("setblocking", sock_setblocking, BuiltinKind::Method),
    ("getblocking", sock_getblocking, BuiltinKind::Method),
    ("settimeout", sock_settimeout, BuiltinKind::Method),
    ("gettimeout", sock_gettimeout, BuiltinKind::Method),
    ("bind", sock_bind, BuiltinKind::Method),
    ("listen", sock_listen, BuiltinKind::Method),
    ("_accept", sock_accept, BuiltinKind::Method),
    (
        "connect",
        |vm, a| sock_connect(vm, a, false),
        BuiltinKind::Method,
    ),
    (
        "connect_ex",
        |vm, a| sock_connect(vm, a, true),
        BuiltinKind::Method,
    ),
    ("send", sock_send, BuiltinKind::Method),
    ("sendall", sock_sendall, BuiltinKind::Method),
    ("sendto", sock_sendto, BuiltinKind::Method),
    ("recv", sock_recv, BuiltinKind::Method),
    ("recv_into", sock_recv_into, BuiltinKind::Method),
    ("recvfrom", sock_recvfrom, BuiltinKind::Method),
    (
        "getsockname",
        |vm, a| sock_name(vm, a, false),
        BuiltinKind::Method,
    ),
    (
        "getpeername",
        |vm, a| sock_name(vm, a, true),
        BuiltinKind::Method,
    ),
    ("setsockopt", sock_setsockopt, BuiltinKind::Method),
    ("getsockopt", sock_getsockopt, BuiltinKind::Method),
    ("shutdown", sock_shutdown, BuiltinKind::Method),
];

/// Adds the `family`, `type`, `proto` and `timeout` attributes.
pub fn add_attributes(vm: &mut Vm, t: &crate::object::ObjRef) {
    vm.add_getset(
        t,
        "family",
        |vm, a| Ok(Value::Int(this(vm, &a)?.family.get() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "type",
        |vm, a| Ok(Value::Int(this(vm, &a)?.kind.get() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "proto",
        |vm, a| Ok(Value::Int(this(vm, &a)?.proto.get() as i64)),
        None,
    );
    vm.add_getset(t, "timeout", sock_gettimeout, None);
}

fn this<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Sock> {
    native_class::this::<Sock>(vm, a, "socket method", "_socket.socket")
}

/// A new socket object of class `cls` over descriptor `fd`.
pub fn wrap(
    vm: &mut Vm,
    cls: &crate::object::ObjRef,
    fd: libc::c_int,
    family: i32,
    kind: i32,
    proto: i32,
) -> Value {
    let s = Sock {
        fd: Cell::new(fd),
        family: Cell::new(family),
        kind: Cell::new(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC)),
        proto: Cell::new(proto),
        timeout: Cell::new(-1.0),
    };
    let o = Value::Obj(native_class::new_instance(vm, cls, s));
    if let Some(s) = native_class::state_of::<Sock>(&o) {
        let _ = apply_timeout(s, super::default_timeout());
    }
    o
}

fn sock_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("socket.__new__(X): X is not a type object"));
    };
    let s = Sock {
        fd: Cell::new(-1),
        family: Cell::new(libc::AF_INET),
        kind: Cell::new(libc::SOCK_STREAM),
        proto: Cell::new(0),
        timeout: Cell::new(-1.0),
    };
    Ok(Value::Obj(native_class::new_instance(vm, cls, s)))
}

fn opt_int(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_arg(vm, v),
    }
}

fn sockopt_int(fd: libc::c_int, opt: libc::c_int) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are valid for getsockopt to fill.
    let r = unsafe {
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            opt,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    (r == 0).then_some(v)
}

/// `socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`.
fn sock_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args)?;
    let a = bind(
        vm,
        args,
        "socket",
        &["family", "type", "proto", "fileno"],
        0,
        true,
    )?;
    let mut family = opt_int(vm, &a[0], -1)? as i32;
    let mut kind = opt_int(vm, &a[1], -1)? as i32;
    let mut proto = opt_int(vm, &a[2], -1)? as i32;
    let fd = match a[3].as_ref().filter(|v| !v.is_none()) {
        Some(f) => {
            let fd = int_arg(vm, f)?;
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let fd = fd as libc::c_int;
            if family == -1 {
                family = match sockopt_int(fd, libc::SO_DOMAIN) {
                    Some(f) => f,
                    None => return Err(errors::last(vm)),
                };
            }
            if kind == -1 {
                kind = sockopt_int(fd, libc::SO_TYPE).unwrap_or(libc::SOCK_STREAM);
            }
            if proto == -1 {
                proto = sockopt_int(fd, libc::SO_PROTOCOL).unwrap_or(0);
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket takes three integers.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(errors::last(vm));
            }
            fd
        }
    };
    let old = s.fd.replace(fd);
    if old >= 0 && old != fd {
        // SAFETY: the socket owned the descriptor it is replacing.
        unsafe { libc::close(old) };
    }
    s.family.set(family);
    s.kind
        .set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    let t = if kind & libc::SOCK_NONBLOCK != 0 {
        0.0
    } else {
        super::default_timeout()
    };
    if apply_timeout(s, t).is_err() {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

/// Sets the timeout and the descriptor's O_NONBLOCK to match (`t < 0`: blocking).
fn apply_timeout(s: &Sock, t: f64) -> Result<(), ()> {
    s.timeout.set(t);
    let fd = s.fd.get();
    if fd < 0 {
        return Ok(());
    }
    // SAFETY: fcntl on the socket's descriptor.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(());
        }
        let new = if t >= 0.0 {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(());
        }
    }
    Ok(())
}

fn sock_fileno(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &a)?.fd.get() as i64))
}

fn sock_detach(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &a)?.fd.replace(-1) as i64))
}

fn sock_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fd = this(vm, &a)?.fd.replace(-1);
    // SAFETY: the socket owned this descriptor; ECONNRESET is ignored as in CPython.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        let e = errors::errno();
        if e != libc::ECONNRESET && e != libc::EINTR {
            return Err(vm.os_error_errno(e));
        }
    }
    Ok(Value::None)
}

fn sock_setblocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let flag = match a.pos().get(1) {
        Some(v) => vm.truthy(v)?,
        None => return Err(vm.type_error("setblocking() takes exactly one argument (0 given)")),
    };
    if apply_timeout(s, if flag { -1.0 } else { 0.0 }).is_err() {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

fn sock_getblocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(this(vm, &a)?.timeout.get() < 0.0))
}

/// A timeout argument: None → -1, else a non-negative number of seconds.
pub fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let t = crate::builtins::float::float_from_value(vm, v)?;
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn sock_settimeout(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let Some(v) = a.pos().get(1) else {
        return Err(vm.type_error("settimeout() takes exactly one argument (0 given)"));
    };
    let t = timeout_arg(vm, v)?;
    if apply_timeout(s, t).is_err() {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

fn sock_gettimeout(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let t = this(vm, &a)?.timeout.get();
    Ok(if t < 0.0 {
        Value::None
    } else {
        Value::float(t)
    })
}

/// Runs `call` until it succeeds, waiting for `events` while the socket's timeout allows
/// (CPython's `sock_call`). `call` returns -1 with errno set on failure.
fn sock_call<T: Copy + PartialOrd + From<i8>>(
    vm: &mut Vm,
    s: &Sock,
    events: libc::c_short,
    mut call: impl FnMut() -> T,
) -> PyResult<T> {
    let start = Instant::now();
    loop {
        let r = call();
        if r >= T::from(0) {
            return Ok(r);
        }
        let e = errors::errno();
        if e == libc::EINTR {
            crate::modules::signal::run_pending(vm)?;
            continue;
        }
        let t = s.timeout.get();
        if (e == libc::EAGAIN || e == libc::EWOULDBLOCK) && t > 0.0 {
            wait_for(vm, s, events, t, start)?;
            continue;
        }
        return Err(vm.os_error_errno(e));
    }
}

/// Waits until the descriptor is ready for `events`, or raises `socket.timeout`.
fn wait_for(vm: &mut Vm, s: &Sock, events: libc::c_short, t: f64, start: Instant) -> PyResult<()> {
    loop {
        let left = t - start.elapsed().as_secs_f64();
        if left <= 0.0 {
            return Err(errors::timeout(vm));
        }
        let mut p = libc::pollfd {
            fd: s.fd.get(),
            events,
            revents: 0,
        };
        // SAFETY: `p` is one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, (left * 1000.0).ceil() as libc::c_int) };
        if r > 0 {
            return Ok(());
        }
        if r == 0 {
            return Err(errors::timeout(vm));
        }
        if errors::errno() == libc::EINTR {
            crate::modules::signal::run_pending(vm)?;
            continue;
        }
        return Err(errors::last(vm));
    }
}

fn closed_check(vm: &mut Vm, s: &Sock) -> PyResult<libc::c_int> {
    let fd = s.fd.get();
    if fd < 0 {
        return Err(vm.os_error_errno(libc::EBADF));
    }
    Ok(fd)
}

fn sock_bind(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let Some(addr_v) = a.pos().get(1) else {
        return Err(vm.type_error("bind() takes exactly one argument (0 given)"));
    };
    let sa = addr::to_c(vm, s.family.get(), addr_v, "bind")?;
    let fd = closed_check(vm, s)?;
    // SAFETY: `sa` holds a valid address of length `sa.len`.
    if unsafe { libc::bind(fd, sa.as_ptr(), sa.len) } < 0 {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

fn sock_listen(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let backlog = match a.pos().get(1) {
        Some(v) => int_arg(vm, v)?.clamp(0, i32::MAX as i64) as libc::c_int,
        None => libc::SOMAXCONN.min(128),
    };
    let fd = closed_check(vm, s)?;
    // SAFETY: listen on the socket's descriptor.
    if unsafe { libc::listen(fd, backlog) } < 0 {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

/// `_accept()` → `(fd, address)`; the new descriptor is non-inheritable.
fn sock_accept(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let fd = closed_check(vm, s)?;
    let mut sa = SockAddr::empty();
    let new = sock_call(vm, s, libc::POLLIN, || {
        sa.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `sa` is a writable address buffer of `sa.len` bytes.
        unsafe { libc::accept4(fd, sa.as_mut_ptr(), &mut sa.len, libc::SOCK_CLOEXEC) }
    })?;
    let addr = addr::from_c(vm, &sa);
    Ok(vm.new_tuple(vec![Value::Int(new as i64), addr]))
}

fn sock_connect(vm: &mut Vm, a: Args<'_>, ex: bool) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let name = if ex { "connect_ex" } else { "connect" };
    let Some(addr_v) = a.pos().get(1) else {
        return Err(vm.type_error(&format!("{name}() takes exactly one argument (0 given)")));
    };
    let sa = addr::to_c(vm, s.family.get(), addr_v, name)?;
    let fd = closed_check(vm, s)?;
    let code = loop {
        // SAFETY: `sa` holds a valid address of length `sa.len`.
        let r = unsafe { libc::connect(fd, sa.as_ptr(), sa.len) };
        if r == 0 {
            break 0;
        }
        let e = errors::errno();
        if e == libc::EINTR {
            crate::modules::signal::run_pending(vm)?;
            if s.timeout.get() == 0.0 {
                break e;
            }
            continue;
        }
        if e == libc::EINPROGRESS && s.timeout.get() > 0.0 {
            wait_for(vm, s, libc::POLLOUT, s.timeout.get(), Instant::now())?;
            break sockopt_int(fd, libc::SO_ERROR).unwrap_or(e);
        }
        break e;
    };
    if ex {
        return Ok(Value::Int(code as i64));
    }
    if code != 0 {
        return Err(vm.os_error_errno(code));
    }
    Ok(Value::None)
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::c_int> {
    match v {
        Some(v) => Ok(int_arg(vm, v)? as libc::c_int),
        None => Ok(0),
    }
}

fn data_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v.and_then(|v| buffer_arg(vm, v)) {
        Some(b) => Ok(b),
        None => {
            let t = v.map(|v| vm.type_name(v).to_string()).unwrap_or_default();
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn sock_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let data = data_arg(vm, a.pos().get(1))?;
    let flags = flags_arg(vm, a.pos().get(2))? | libc::MSG_NOSIGNAL;
    let fd = closed_check(vm, s)?;
    // SAFETY: `data` holds `data.len()` readable bytes.
    let n = sock_call(vm, s, libc::POLLOUT, || unsafe {
        libc::send(fd, data.as_ptr().cast(), data.len(), flags)
    })?;
    Ok(Value::Int(n as i64))
}

fn sock_sendall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let data = data_arg(vm, a.pos().get(1))?;
    let flags = flags_arg(vm, a.pos().get(2))? | libc::MSG_NOSIGNAL;
    let fd = closed_check(vm, s)?;
    let mut sent = 0;
    while sent < data.len() {
        let rest = &data[sent..];
        // SAFETY: `rest` holds `rest.len()` readable bytes.
        let n = sock_call(vm, s, libc::POLLOUT, || unsafe {
            libc::send(fd, rest.as_ptr().cast(), rest.len(), flags)
        })?;
        sent += n as usize;
        crate::modules::signal::run_pending(vm)?;
    }
    Ok(Value::None)
}

fn sock_sendto(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let pos = a.pos();
    let data = data_arg(vm, pos.get(1))?;
    let (flags, target) = match pos.len() {
        3 => (0, pos[2].clone()),
        4 => (flags_arg(vm, pos.get(2))?, pos[3].clone()),
        n => {
            return Err(vm.type_error(&format!(
                "sendto() takes 2 or 3 arguments ({} given)",
                n.saturating_sub(1)
            )))
        }
    };
    let sa = addr::to_c(vm, s.family.get(), &target, "sendto")?;
    let fd = closed_check(vm, s)?;
    // SAFETY: `data` is readable and `sa` a valid address.
    let n = sock_call(vm, s, libc::POLLOUT, || unsafe {
        libc::sendto(
            fd,
            data.as_ptr().cast(),
            data.len(),
            flags | libc::MSG_NOSIGNAL,
            sa.as_ptr(),
            sa.len,
        )
    })?;
    Ok(Value::Int(n as i64))
}

fn size_arg(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<usize> {
    let Some(v) = v else {
        return Err(vm.type_error(&format!("{func}() takes at least 1 argument (0 given)")));
    };
    let n = int_arg(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(&format!("negative buffersize in {func}")));
    }
    Ok(n as usize)
}

fn sock_recv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let n = size_arg(vm, a.pos().get(1), "recv")?;
    let flags = flags_arg(vm, a.pos().get(2))?;
    let fd = closed_check(vm, s)?;
    let mut buf = vec![0u8; n];
    // SAFETY: `buf` is writable for `n` bytes.
    let got = sock_call(vm, s, libc::POLLIN, || unsafe {
        libc::recv(fd, buf.as_mut_ptr().cast(), n, flags)
    })?;
    buf.truncate(got as usize);
    Ok(new_bytes(vm, buf))
}

fn sock_recvfrom(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let n = size_arg(vm, a.pos().get(1), "recvfrom")?;
    let flags = flags_arg(vm, a.pos().get(2))?;
    let fd = closed_check(vm, s)?;
    let mut buf = vec![0u8; n];
    let mut sa = SockAddr::empty();
    let got = sock_call(vm, s, libc::POLLIN, || {
        sa.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `buf` is writable for `n` bytes and `sa` for `sa.len`.
        unsafe {
            libc::recvfrom(
                fd,
                buf.as_mut_ptr().cast(),
                n,
                flags,
                sa.as_mut_ptr(),
                &mut sa.len,
            )
        }
    })?;
    buf.truncate(got as usize);
    let data = new_bytes(vm, buf);
    let addr = addr::from_c(vm, &sa);
    Ok(vm.new_tuple(vec![data, addr]))
}

/// `recv_into(buffer, nbytes=0, flags=0)`: into a bytearray.
fn sock_recv_into(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let target = a.pos().get(1).cloned().unwrap_or(Value::None);
    let cap = match target.payload() {
        Some(Payload::ByteArray(b)) => b.with(|b| b.len()),
        _ => {
            let t = vm.type_name(&target);
            return Err(vm.type_error(&format!(
                "recv_into() argument 'buffer' must be read-write bytes-like object, not {t}"
            )));
        }
    };
    let mut n = match a.pos().get(2) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recv_into"));
    }
    if n == 0 {
        n = cap as i64;
    }
    if n as usize > cap {
        return Err(vm.value_error("buffer too small for requested bytes"));
    }
    let flags = flags_arg(vm, a.pos().get(3))?;
    let fd = closed_check(vm, s)?;
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` is writable for its length.
    let got = sock_call(vm, s, libc::POLLIN, || unsafe {
        libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags)
    })? as usize;
    if let Some(Payload::ByteArray(b)) = target.payload() {
        b.with_mut(|b| b[..got].copy_from_slice(&buf[..got]));
    }
    Ok(Value::Int(got as i64))
}

fn sock_name(vm: &mut Vm, a: Args<'_>, peer: bool) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let fd = closed_check(vm, s)?;
    let mut sa = SockAddr::empty();
    // SAFETY: `sa` is a writable address buffer of `sa.len` bytes.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, sa.as_mut_ptr(), &mut sa.len)
        } else {
            libc::getsockname(fd, sa.as_mut_ptr(), &mut sa.len)
        }
    };
    if r < 0 {
        return Err(errors::last(vm));
    }
    if sa.len as usize <= std::mem::size_of::<libc::sa_family_t>()
        && s.family.get() == libc::AF_UNIX
    {
        return Ok(vm.new_str(""));
    }
    Ok(addr::from_c(vm, &sa))
}

fn sock_setsockopt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let pos = a.pos();
    if pos.len() != 4 {
        return Err(vm.type_error(&format!(
            "setsockopt() takes exactly 3 arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let level = int_arg(vm, &pos[1])? as libc::c_int;
    let opt = int_arg(vm, &pos[2])? as libc::c_int;
    let fd = closed_check(vm, s)?;
    let data = match buffer_arg(vm, &pos[3]) {
        Some(b) => b,
        None => (int_arg(vm, &pos[3])? as libc::c_int)
            .to_ne_bytes()
            .to_vec(),
    };
    // SAFETY: `data` holds `data.len()` readable bytes.
    let r = unsafe {
        libc::setsockopt(
            fd,
            level,
            opt,
            data.as_ptr().cast(),
            data.len() as libc::socklen_t,
        )
    };
    if r < 0 {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

fn sock_getsockopt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let pos = a.pos();
    if !(3..=4).contains(&pos.len()) {
        return Err(vm.type_error("getsockopt() takes 2 or 3 arguments"));
    }
    let level = int_arg(vm, &pos[1])? as libc::c_int;
    let opt = int_arg(vm, &pos[2])? as libc::c_int;
    let fd = closed_check(vm, s)?;
    match pos.get(3) {
        None => {
            let mut v: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: `v` and `len` are valid for getsockopt to fill.
            let r = unsafe {
                libc::getsockopt(
                    fd,
                    level,
                    opt,
                    (&mut v as *mut libc::c_int).cast(),
                    &mut len,
                )
            };
            if r < 0 {
                return Err(errors::last(vm));
            }
            Ok(Value::Int(v as i64))
        }
        Some(n) => {
            let n = int_arg(vm, n)?;
            if !(1..=1024).contains(&n) {
                return Err(vm.new_exception(
                    &vm.types.exc.os_error.clone(),
                    "getsockopt buflen out of range",
                ));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: `buf` is writable for `len` bytes.
            let r = unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) };
            if r < 0 {
                return Err(errors::last(vm));
            }
            buf.truncate(len as usize);
            Ok(new_bytes(vm, buf))
        }
    }
}

fn sock_shutdown(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?;
    let Some(how) = a.pos().get(1) else {
        return Err(vm.type_error("shutdown() takes exactly one argument (0 given)"));
    };
    let how = int_arg(vm, how)? as libc::c_int;
    let fd = closed_check(vm, s)?;
    // SAFETY: shutdown on the socket's descriptor.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}
