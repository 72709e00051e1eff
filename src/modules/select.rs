//! The native `select` module (Linux): `select()`, `poll` objects and `epoll` objects,
//! which `selectors` — and through it `asyncio` and `subprocess` — build on.
//!
//! `select()` is implemented with poll(2), which has no FD_SETSIZE limit but the same
//! readiness semantics. Waits interrupted by a signal run the Python handlers and resume
//! with the remaining timeout, as PEP 475 asks.

use super::native_class::state_of as state;
use crate::builtins::arity;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::time::Instant;

/// (name, value) of the module's constants.
const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    // Not in libc's Linux bindings; the kernel's value.
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

/// A `select.poll` object: the registered descriptors and their event masks.
struct Poll {
    fds: PyCell<Vec<(libc::c_int, libc::c_short)>>,
}

/// A `select.epoll` object: its descriptor (-1 once closed).
struct Epoll {
    fd: Cell<libc::c_int>,
}

thread_local! {
    /// The `poll` and `epoll` types, made with the module.
    static TYPES: RefCell<Option<[ObjRef; 2]>> = const { RefCell::new(None) };
}

/// `select`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("select");
    let functions: &[(&'static str, NativeFn)] = &[("select", select_select), ("poll", new_poll)];
    for (name, f) in functions {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    for (name, value) in CONSTANTS {
        vm.module_set(&m, name, Value::Int(*value));
    }
    let os_error = vm.types.exc.os_error.clone();
    vm.module_set(&m, "error", Value::Obj(os_error));

    let poll = vm.new_native_type("select.poll", false);
    let poll_methods: &[(&'static str, NativeFn)] = &[
        ("register", poll_register),
        ("modify", poll_modify),
        ("unregister", poll_unregister),
        ("poll", poll_poll),
    ];
    for (name, f) in poll_methods {
        vm.add_method(&poll, name, *f, BuiltinKind::Method);
    }
    let epoll = vm.new_native_type("select.epoll", false);
    let epoll_methods: &[(&'static str, NativeFn)] = &[
        ("register", epoll_register),
        ("modify", epoll_modify),
        ("unregister", epoll_unregister),
        ("poll", epoll_poll),
        ("close", epoll_close),
        ("fileno", epoll_fileno),
        ("__enter__", epoll_enter),
        ("__exit__", epoll_exit),
    ];
    for (name, f) in epoll_methods {
        vm.add_method(&epoll, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&epoll, "__new__", epoll_new, BuiltinKind::StaticMethod);
    vm.add_method(&epoll, "fromfd", epoll_fromfd, BuiltinKind::ClassMethod);
    vm.add_getset(&epoll, "closed", epoll_closed, None);
    vm.module_set(&m, "epoll", Value::Obj(epoll.clone()));
    TYPES.with(|t| *t.borrow_mut() = Some([poll, epoll]));
    Ok(m)
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// CPython's `PyObject_AsFileDescriptor`: an int, or an object whose `fileno()` gives one.
pub fn file_descriptor(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => {
            let name = vm.intern("fileno");
            let Some(method) = vm.get_attr_opt(v, &name)? else {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."));
            };
            let r = vm.call(&method, Args::positional(&[]))?;
            match r {
                Value::Int(i) => i,
                _ => return Err(vm.type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 {
        return Err(vm.value_error(&format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    libc::c_int::try_from(n).map_err(|_| {
        vm.new_exception(
            &vm.types.exc.overflow_error.clone(),
            "fd is greater than maximum",
        )
    })
}

/// A timeout in seconds (None: wait forever) as a deadline.
fn deadline(vm: &mut Vm, v: &Value, scale: f64, what: &str) -> PyResult<Option<Instant>> {
    let secs = match v {
        Value::None => return Ok(None),
        Value::Int(i) => *i as f64 * scale,
        Value::Float(f) => f.get() * scale,
        _ if v.as_str().is_some() || crate::builtins::memoryview::buffer_bytes(v).is_some() => {
            return Err(vm.type_error(&match what {
                "" => format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                ),
                what => what.to_string(),
            }))
        }
        _ => crate::builtins::float::float_from_value(vm, v)? * scale,
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Ok(Some(Instant::now()));
    }
    Ok(Some(
        Instant::now() + std::time::Duration::from_secs_f64(secs.min(1e9)),
    ))
}

/// Milliseconds left before `deadline` for poll/epoll_wait (-1: forever).
fn millis_left(deadline: Option<Instant>) -> libc::c_int {
    match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            // Round up so a short wait is not a busy loop.
            left.as_micros().div_ceil(1000).min(i32::MAX as u128) as libc::c_int
        }
    }
}

/// Runs poll(2) over `fds`, retrying after signals (their handlers may raise).
fn wait(vm: &mut Vm, fds: &mut [libc::pollfd], deadline: Option<Instant>) -> PyResult<usize> {
    vm.flush_stdout();
    loop {
        // SAFETY: poll over a live, correctly sized slice of pollfd.
        let n = unsafe {
            libc::poll(
                fds.as_mut_ptr(),
                fds.len() as libc::nfds_t,
                millis_left(deadline),
            )
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(vm.os_error_errno(e));
        }
        crate::modules::signal::run_pending(vm)?;
    }
}

fn select_select(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("select() takes no keyword arguments"));
    }
    let pos = args.pos();
    arity::check_count(vm, "select", pos.len(), 3, 4)?;
    let mut lists: Vec<Vec<(Value, libc::c_int)>> = Vec::new();
    for list in &pos[..3] {
        let items = vm
            .collect(list)
            .map_err(|_| vm.type_error("arguments 1-3 must be sequences"))?;
        let mut entries = Vec::new();
        for item in items {
            let fd = file_descriptor(vm, &item)?;
            entries.push((item, fd));
        }
        lists.push(entries);
    }
    let timeout = pos.get(3).cloned().unwrap_or(Value::None);
    if let Value::Int(i) = timeout {
        if i < 0 {
            return Err(vm.value_error("timeout must be non-negative"));
        }
    }
    if let Value::Float(f) = timeout {
        if f.get() < 0.0 {
            return Err(vm.value_error("timeout must be non-negative"));
        }
    }
    let deadline = deadline(vm, &timeout, 1.0, "timeout must be a float or None")?;
    let masks = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (list, mask) in lists.iter().zip(masks) {
        for (_, fd) in list {
            fds.push(libc::pollfd {
                fd: *fd,
                events: mask,
                revents: 0,
            });
        }
    }
    wait(vm, &mut fds, deadline)?;
    // Readable also on hang-up or error, as select(2) reports them.
    let ready = [
        libc::POLLIN | libc::POLLHUP | libc::POLLERR,
        libc::POLLOUT | libc::POLLERR,
        libc::POLLPRI,
    ];
    let mut out = Vec::new();
    let mut k = 0;
    for (list, want) in lists.into_iter().zip(ready) {
        let mut chosen = Vec::new();
        for (item, fd) in list {
            let rev = fds[k].revents;
            k += 1;
            if rev & libc::POLLNVAL != 0 {
                let _ = fd;
                return Err(vm.os_error_errno(libc::EBADF));
            }
            if rev & want != 0 {
                chosen.push(item);
            }
        }
        out.push(vm.new_list(chosen));
    }
    Ok(vm.new_tuple(out))
}

fn types() -> Option<[ObjRef; 2]> {
    TYPES.with(|t| t.borrow().clone())
}

fn new_poll(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::check_count(vm, "poll", args.values.len(), 0, 0)?;
    let Some([poll, _]) = types() else {
        return Err(vm.system_error("select module not initialised"));
    };
    Ok(Value::Obj(Object::new(
        poll,
        Payload::Other(Box::new(Poll {
            fds: PyCell::new(Vec::new()),
        })),
    )))
}

fn poll_this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Poll> {
    args.pos()
        .first()
        .and_then(state::<Poll>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'select.poll' object"))
}

/// `(fd, eventmask)` of register/modify (the mask defaults to `default`).
fn fd_and_mask(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    default: i64,
    max: usize,
) -> PyResult<(libc::c_int, i64)> {
    let pos = &args.pos()[1..];
    arity::check_count(
        vm,
        name,
        pos.len(),
        if max == 2 && name == "modify" { 2 } else { 1 },
        max,
    )?;
    let fd = file_descriptor(vm, &pos[0])?;
    let mask = match pos.get(1) {
        Some(v) => arity::index_arg(vm, v)?,
        None => default,
    };
    Ok((fd, mask))
}

fn poll_register(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let default = (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i64;
    let (fd, mask) = fd_and_mask(vm, &args, "register", default, 2)?;
    let p = poll_this(vm, &args)?;
    p.fds
        .with_mut(|fds| match fds.iter_mut().find(|(f, _)| *f == fd) {
            Some(entry) => entry.1 = mask as libc::c_short,
            None => fds.push((fd, mask as libc::c_short)),
        });
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (fd, mask) = fd_and_mask(vm, &args, "modify", 0, 2)?;
    let p = poll_this(vm, &args)?;
    let found = p
        .fds
        .with_mut(|fds| match fds.iter_mut().find(|(f, _)| *f == fd) {
            Some(entry) => {
                entry.1 = mask as libc::c_short;
                true
            }
            None => false,
        });
    if !found {
        return Err(vm.os_error_errno(libc::ENOENT));
    }
    Ok(Value::None)
}

fn poll_unregister(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (fd, _) = fd_and_mask(vm, &args, "unregister", 0, 1)?;
    let p = poll_this(vm, &args)?;
    let removed = p.fds.with_mut(|fds| {
        let before = fds.len();
        fds.retain(|(f, _)| *f != fd);
        before != fds.len()
    });
    if !removed {
        let key = args.pos()[1].clone();
        let a = vm.new_tuple(vec![key]);
        return Err(vm.new_exception_args(&vm.types.exc.key_error.clone(), a));
    }
    Ok(Value::None)
}

fn poll_poll(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    arity::check_count(vm, "poll", pos.len(), 0, 1)?;
    let timeout = pos.first().cloned().unwrap_or(Value::None);
    // Milliseconds; a negative timeout waits forever.
    let deadline = match &timeout {
        Value::Int(i) if *i < 0 => None,
        Value::Float(f) if f.get() < 0.0 => None,
        t => deadline(vm, t, 0.001, "")?,
    };
    let p = poll_this(vm, &args)?;
    let mut fds: Vec<libc::pollfd> = p.fds.with(|fds| {
        fds.iter()
            .map(|&(fd, events)| libc::pollfd {
                fd,
                events,
                revents: 0,
            })
            .collect()
    });
    wait(vm, &mut fds, deadline)?;
    let ready = fds
        .iter()
        .filter(|f| f.revents != 0)
        .map(|f| {
            vm.new_tuple(vec![
                Value::Int(f.fd as i64),
                Value::Int(f.revents as u16 as i64),
            ])
        })
        .collect();
    Ok(vm.new_list(ready))
}

fn new_epoll_object(vm: &mut Vm, fd: libc::c_int) -> PyResult<Value> {
    let Some([_, epoll]) = types() else {
        return Err(vm.system_error("select module not initialised"));
    };
    Ok(Value::Obj(Object::new(
        epoll,
        Payload::Other(Box::new(Epoll { fd: Cell::new(fd) })),
    )))
}

fn epoll_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(
        vm,
        "epoll",
        &args.pos()[1..],
        &args,
        &["sizehint", "flags"],
        0,
    )?;
    if let Some(v) = &b[0] {
        let n = arity::index_arg(vm, v)?;
        if n == 0 || n < -1 {
            return Err(vm.value_error("negative sizehint"));
        }
    }
    // SAFETY: epoll_create1 with CLOEXEC, as CPython always sets it.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(vm.os_error_errno(errno()));
    }
    new_epoll_object(vm, fd)
}

fn epoll_fromfd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    arity::check_count(vm, "fromfd", pos.len(), 1, 1)?;
    let fd = arity::index_arg(vm, &pos[0])? as libc::c_int;
    new_epoll_object(vm, fd)
}

/// The open epoll descriptor of `self`.
fn epoll_fd(vm: &Vm, args: &Args<'_>) -> PyResult<libc::c_int> {
    let e = args
        .pos()
        .first()
        .and_then(state::<Epoll>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'select.epoll' object"))?;
    match e.fd.get() {
        fd if fd >= 0 => Ok(fd),
        _ => Err(vm.value_error("I/O operation on closed epoll object")),
    }
}

fn epoll_ctl(vm: &mut Vm, args: &Args<'_>, op: libc::c_int, name: &str) -> PyResult<Value> {
    let default = (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as i64;
    let max = if op == libc::EPOLL_CTL_DEL { 1 } else { 2 };
    let b = arity::bind_kw(
        vm,
        name,
        &args.pos()[1..],
        args,
        &["fd", "eventmask"][..max],
        if name == "modify" { 2 } else { 1 },
    )?;
    let efd = epoll_fd(vm, args)?;
    let fd = file_descriptor(vm, &b[0].clone().unwrap_or(Value::None))?;
    let mask = match b.get(1).cloned().flatten() {
        Some(v) => arity::index_arg(vm, &v)?,
        None => default,
    };
    let mut event = libc::epoll_event {
        events: mask as u32,
        u64: fd as u64,
    };
    // SAFETY: epoll_ctl on descriptors with a live event struct.
    if unsafe { libc::epoll_ctl(efd, op, fd, &mut event) } != 0 {
        return Err(vm.os_error_errno(errno()));
    }
    Ok(Value::None)
}

fn epoll_register(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    epoll_ctl(vm, &args, libc::EPOLL_CTL_ADD, "register")
}

fn epoll_modify(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    epoll_ctl(vm, &args, libc::EPOLL_CTL_MOD, "modify")
}

fn epoll_unregister(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    epoll_ctl(vm, &args, libc::EPOLL_CTL_DEL, "unregister")
}

fn epoll_poll(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(
        vm,
        "poll",
        &args.pos()[1..],
        &args,
        &["timeout", "maxevents"],
        0,
    )?;
    let efd = epoll_fd(vm, &args)?;
    let timeout = b[0].clone().unwrap_or(Value::None);
    let deadline = match &timeout {
        Value::Int(i) if *i < 0 => None,
        Value::Float(f) if f.get() < 0.0 => None,
        t => deadline(vm, t, 1.0, "")?,
    };
    let max = match &b[1] {
        Some(v) => arity::index_arg(vm, v)?,
        None => -1,
    };
    let max = match max {
        -1 => 1024,
        n if n <= 0 => {
            return Err(vm.value_error(&format!("maxevents must be greater than 0, got {n}")))
        }
        n => n.min(1 << 16) as usize,
    };
    let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; max];
    vm.flush_stdout();
    let n = loop {
        // SAFETY: epoll_wait into a live buffer of `max` events.
        let n = unsafe {
            libc::epoll_wait(
                efd,
                events.as_mut_ptr(),
                max as libc::c_int,
                millis_left(deadline),
            )
        };
        if n >= 0 {
            break n as usize;
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(vm.os_error_errno(e));
        }
        crate::modules::signal::run_pending(vm)?;
    };
    let ready = events[..n]
        .iter()
        .map(|e| {
            let (fd, mask) = (e.u64 as i64, e.events as i64);
            vm.new_tuple(vec![Value::Int(fd), Value::Int(mask)])
        })
        .collect();
    Ok(vm.new_list(ready))
}

fn epoll_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(e) = args.pos().first().and_then(state::<Epoll>) {
        let fd = e.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: closes the descriptor this object owned, once.
            unsafe { libc::close(fd) };
        }
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor requires a 'select.epoll' object"))
}

fn epoll_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(epoll_fd(vm, &args)? as i64))
}

fn epoll_closed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos().first().and_then(state::<Epoll>) {
        Some(e) => Ok(Value::bool(e.fd.get() < 0)),
        None => Err(vm.type_error("descriptor requires a 'select.epoll' object")),
    }
}

fn epoll_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    epoll_fd(vm, &args)?;
    Ok(args.pos()[0].clone())
}

fn epoll_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    epoll_close(vm, Args::positional(&args.pos()[..1]))
}

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            // SAFETY: closes the descriptor this object still owned.
            unsafe { libc::close(fd) };
        }
    }
}
