//! The native `_signal` module and signal delivery.
//!
//! As in CPython, a signal only sets a flag in the C-level handler (and writes its
//! number to the wakeup fd, which asyncio's loop watches); the Python handler runs later
//! on the interpreter thread, at the next safe point of the evaluation loop (a call or a
//! backward jump: `Vm::service_breaker`), so it can raise — `KeyboardInterrupt` from the
//! SIGINT handler installed at start-up (`install_startup_handlers`, which also ignores
//! SIGPIPE and SIGXFSZ like CPython). Handlers receive `None` for the frame argument:
//! xpython has no frame objects yet.

use crate::builtins::arity;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// One more than the largest signal number (Linux).
const NSIG: usize = 65;

static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// The Python-level handler of each signal: SIG_DFL (0), SIG_IGN (1), a callable,
    /// or None when it was not set from Python.
    static HANDLERS: RefCell<Vec<Value>> = RefCell::new(vec![Value::None; NSIG]);
    /// `default_int_handler`, made at start-up or with the module.
    static DEFAULT_INT_HANDLER: RefCell<Option<Value>> = const { RefCell::new(None) };
}

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// The signal names every version has (Linux numbers, from libc), then those from a
/// given version on.
const SIGNALS: &[(&str, libc::c_int, (u8, u8))] = &[
    ("SIGABRT", libc::SIGABRT, (2, 0)),
    ("SIGALRM", libc::SIGALRM, (2, 0)),
    ("SIGBUS", libc::SIGBUS, (2, 0)),
    ("SIGCHLD", libc::SIGCHLD, (2, 0)),
    ("SIGCLD", libc::SIGCHLD, (2, 0)),
    ("SIGCONT", libc::SIGCONT, (2, 0)),
    ("SIGFPE", libc::SIGFPE, (2, 0)),
    ("SIGHUP", libc::SIGHUP, (2, 0)),
    ("SIGILL", libc::SIGILL, (2, 0)),
    ("SIGINT", libc::SIGINT, (2, 0)),
    ("SIGIO", libc::SIGIO, (2, 0)),
    ("SIGIOT", libc::SIGIOT, (2, 0)),
    ("SIGKILL", libc::SIGKILL, (2, 0)),
    ("SIGPIPE", libc::SIGPIPE, (2, 0)),
    ("SIGPOLL", libc::SIGPOLL, (2, 0)),
    ("SIGPROF", libc::SIGPROF, (2, 0)),
    ("SIGPWR", libc::SIGPWR, (2, 0)),
    ("SIGQUIT", libc::SIGQUIT, (2, 0)),
    ("SIGRTMAX", 64, (2, 0)),
    ("SIGRTMIN", 34, (2, 0)),
    ("SIGSEGV", libc::SIGSEGV, (2, 0)),
    ("SIGSTKFLT", libc::SIGSTKFLT, (3, 11)),
    ("SIGSTOP", libc::SIGSTOP, (2, 0)),
    ("SIGSYS", libc::SIGSYS, (2, 0)),
    ("SIGTERM", libc::SIGTERM, (2, 0)),
    ("SIGTRAP", libc::SIGTRAP, (2, 0)),
    ("SIGTSTP", libc::SIGTSTP, (2, 0)),
    ("SIGTTIN", libc::SIGTTIN, (2, 0)),
    ("SIGTTOU", libc::SIGTTOU, (2, 0)),
    ("SIGURG", libc::SIGURG, (2, 0)),
    ("SIGUSR1", libc::SIGUSR1, (2, 0)),
    ("SIGUSR2", libc::SIGUSR2, (2, 0)),
    ("SIGVTALRM", libc::SIGVTALRM, (2, 0)),
    ("SIGWINCH", libc::SIGWINCH, (2, 0)),
    ("SIGXCPU", libc::SIGXCPU, (2, 0)),
    ("SIGXFSZ", libc::SIGXFSZ, (2, 0)),
];

const CONSTANTS: &[(&str, i64)] = &[
    ("SIG_DFL", SIG_DFL),
    ("SIG_IGN", SIG_IGN),
    ("NSIG", NSIG as i64),
    ("SIG_BLOCK", libc::SIG_BLOCK as i64),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
    ("SIG_SETMASK", libc::SIG_SETMASK as i64),
    ("ITIMER_REAL", libc::ITIMER_REAL as i64),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
    ("ITIMER_PROF", libc::ITIMER_PROF as i64),
];

const FUNCTIONS: &[(&str, NativeFn, (u8, u8))] = &[
    ("signal", signal_signal, (2, 0)),
    ("getsignal", signal_getsignal, (2, 0)),
    ("set_wakeup_fd", signal_set_wakeup_fd, (2, 0)),
    ("alarm", signal_alarm, (2, 0)),
    ("pause", signal_pause, (2, 0)),
    ("siginterrupt", signal_siginterrupt, (2, 0)),
    ("pthread_sigmask", signal_pthread_sigmask, (3, 3)),
    ("sigpending", signal_sigpending, (3, 3)),
    ("pthread_kill", signal_pthread_kill, (3, 3)),
    ("raise_signal", signal_raise_signal, (3, 8)),
    ("strsignal", signal_strsignal, (3, 8)),
    ("valid_signals", signal_valid_signals, (3, 8)),
];

/// The C-level handler: only async-signal-safe work (flags and one `write`).
extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(flag) = usize::try_from(sig).ok().and_then(|s| PENDING.get(s)) {
        flag.store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
    }
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) of one byte from a live local; errno is saved and restored
        // around it so the interrupted code sees its own.
        unsafe {
            let errno = *libc::__errno_location();
            libc::write(fd, (&byte as *const u8).cast(), 1);
            *libc::__errno_location() = errno;
        }
    }
}

fn c_handler() -> libc::sighandler_t {
    on_signal as extern "C" fn(libc::c_int) as *const () as libc::sighandler_t
}

/// Ends the process by SIGINT with its default action, as CPython 3.8+ does after an
/// uncaught KeyboardInterrupt; returns 130 (128 + SIGINT) if the process survives.
pub fn exit_by_sigint() -> i32 {
    set_os_handler(libc::SIGINT, libc::SIG_DFL);
    // SAFETY: raise(3) of SIGINT, now with its default (terminating) action.
    unsafe { libc::raise(libc::SIGINT) };
    128 + libc::SIGINT
}

/// Whether a signal arrived whose Python handler has not run yet.
#[inline]
pub fn pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

/// CPython's start-up dispositions: SIGINT raises KeyboardInterrupt (unless it was
/// ignored when we started), SIGPIPE and SIGXFSZ are ignored.
pub fn install_startup_handlers(vm: &mut Vm) {
    let handler = default_int_handler(vm);
    let current = os_disposition(libc::SIGINT);
    if current == Some(SIG_DFL) {
        set_os_handler(libc::SIGINT, c_handler());
        set_handler(libc::SIGINT, handler);
    }
    for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
        set_os_handler(sig, libc::SIG_IGN);
    }
}

/// Runs the Python handlers of the signals that arrived, lowest number first. An
/// exception from a handler leaves the remaining signals pending for the next check.
pub fn run_pending(vm: &mut Vm) -> PyResult<()> {
    if !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for (sig, flag) in PENDING.iter().enumerate().skip(1) {
        if !flag.swap(false, Ordering::SeqCst) {
            continue;
        }
        let handler = HANDLERS.with(|h| h.borrow()[sig].clone());
        if matches!(handler, Value::Int(_) | Value::None) {
            continue;
        }
        let args = [Value::Int(sig as i64), Value::None];
        if let Err(e) = vm.call(&handler, Args::positional(&args)) {
            if PENDING.iter().any(|p| p.load(Ordering::SeqCst)) {
                ANY_PENDING.store(true, Ordering::SeqCst);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// `_signal`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    // 2.x has no Python wrapper: the native module is `signal` itself.
    let name = if crate::vm::flavour::python2_builtins(vm.version) {
        "signal"
    } else {
        "_signal"
    };
    let m = vm.new_module(name);
    let ver = vm.version.format.major_minor;
    for (name, f, since) in FUNCTIONS {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    let handler = default_int_handler(vm);
    vm.module_set(&m, "default_int_handler", handler);
    for (name, value) in CONSTANTS {
        vm.module_set(&m, name, Value::Int(*value));
    }
    for (name, number, since) in SIGNALS {
        if ver >= *since {
            vm.module_set(&m, name, Value::Int(*number as i64));
        }
    }
    if crate::vm::flavour::signal_has_pidfd_send_signal(vm.version) {
        let f = vm.new_builtin(
            "pidfd_send_signal",
            signal_pidfd_send_signal,
            BuiltinKind::Function,
            None,
        );
        vm.module_set(&m, "pidfd_send_signal", f);
    }
    // ItimerError: an OSError subclass (setitimer/getitimer are not provided yet).
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let module_name = vm.new_str("signal");
    vm.dict_set(&ns, key, module_name)?;
    let meta = vm.types.type_.clone();
    let os_error = vm.types.exc.os_error.clone();
    let itimer = vm.new_class(
        &meta,
        "ItimerError",
        vec![os_error],
        &ns,
        Args::positional(&[]),
    )?;
    vm.module_set(&m, "ItimerError", Value::Obj(itimer));
    // Dispositions not set from Python read as SIG_DFL/SIG_IGN from the OS.
    for sig in 1..NSIG as libc::c_int {
        let known = HANDLERS.with(|h| !matches!(h.borrow()[sig as usize], Value::None));
        if !known {
            if let Some(d) = os_disposition(sig) {
                set_handler(sig, Value::Int(d));
            }
        }
    }
    Ok(m)
}

fn default_int_handler(vm: &mut Vm) -> Value {
    if let Some(h) = DEFAULT_INT_HANDLER.with(|d| d.borrow().clone()) {
        return h;
    }
    let h = vm.new_builtin(
        "default_int_handler",
        signal_default_int_handler,
        BuiltinKind::Function,
        None,
    );
    DEFAULT_INT_HANDLER.with(|d| *d.borrow_mut() = Some(h.clone()));
    h
}

fn set_handler(sig: libc::c_int, handler: Value) -> Value {
    HANDLERS.with(|h| std::mem::replace(&mut h.borrow_mut()[sig as usize], handler))
}

/// The OS disposition of `sig` as SIG_DFL/SIG_IGN, `None` for a C handler.
fn os_disposition(sig: libc::c_int) -> Option<i64> {
    // SAFETY: sigaction with a null new action only reads the current one into a
    // zeroed, properly sized struct.
    let old = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return None;
        }
        old.sa_sigaction
    };
    match old {
        libc::SIG_DFL => Some(SIG_DFL),
        libc::SIG_IGN => Some(SIG_IGN),
        _ => None,
    }
}

/// Sets the OS handler of `sig`; false when the OS refuses (SIGKILL, SIGSTOP).
fn set_os_handler(sig: libc::c_int, handler: libc::sighandler_t) -> bool {
    // SAFETY: a zeroed sigaction with an empty mask and a handler that is SIG_DFL,
    // SIG_IGN or `on_signal` (async-signal-safe).
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        libc::sigemptyset(&mut action.sa_mask);
        action.sa_flags = libc::SA_ONSTACK;
        libc::sigaction(sig, &action, std::ptr::null_mut()) == 0
    }
}

/// A signal-number argument in 1..NSIG.
fn signal_number(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = arity::index_arg(vm, v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as libc::c_int)
}

fn signal_signal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "signal", &args, 2, 2)?;
    let (num, handler) = (
        b[0].clone().unwrap_or(Value::None),
        b[1].clone().unwrap_or(Value::None),
    );
    let sig = signal_number(vm, &num)?;
    let os_handler = match handler {
        Value::Int(SIG_DFL) => libc::SIG_DFL,
        Value::Int(SIG_IGN) => libc::SIG_IGN,
        _ if crate::builtins::objects::is_callable(vm, &handler) => c_handler(),
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if !set_os_handler(sig, os_handler) {
        return Err(vm.last_os_error());
    }
    Ok(set_handler(sig, handler))
}

fn signal_getsignal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "getsignal", &args, 1, 1)?;
    let sig = signal_number(vm, &b[0].clone().unwrap_or(Value::None))?;
    Ok(HANDLERS.with(|h| h.borrow()[sig as usize].clone()))
}

fn signal_default_int_handler(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let empty = vm.new_tuple(vec![]);
    Err(vm.new_exception_args(&vm.types.exc.keyboard_interrupt.clone(), empty))
}

fn signal_set_wakeup_fd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let params: &[&str] = &["fd", "warn_on_full_buffer"];
    let b = arity::bind_kw(vm, "set_wakeup_fd", args.pos(), &args, params, 1)?;
    let fd = arity::index_arg(vm, &b[0].clone().unwrap_or(Value::None))?;
    let fd = libc::c_int::try_from(fd).map_err(|_| vm.value_error("invalid fd"))?;
    if fd != -1 {
        // SAFETY: fcntl(F_GETFL) only queries the descriptor.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags < 0 {
            return Err(vm.last_os_error());
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(vm.value_error(&format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(Value::Int(WAKEUP_FD.swap(fd, Ordering::SeqCst) as i64))
}

fn signal_alarm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "alarm", &args, 1, 1)?;
    let secs = arity::index_arg(vm, &b[0].clone().unwrap_or(Value::None))?;
    // SAFETY: alarm(2) takes a plain number.
    let previous = unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as libc::c_uint) };
    Ok(Value::Int(previous as i64))
}

fn signal_pause(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    vm.flush_stdout();
    // SAFETY: pause(2) blocks until a signal arrives.
    unsafe { libc::pause() };
    run_pending(vm)?;
    Ok(Value::None)
}

fn signal_siginterrupt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "siginterrupt", &args, 2, 2)?;
    let sig = signal_number(vm, &b[0].clone().unwrap_or(Value::None))?;
    let flag = arity::index_arg(vm, &b[1].clone().unwrap_or(Value::None))?;
    // SAFETY: reads and rewrites the current action of `sig` with SA_RESTART toggled.
    let ok = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut action) == 0 && {
            if flag != 0 {
                action.sa_flags &= !libc::SA_RESTART;
            } else {
                action.sa_flags |= libc::SA_RESTART;
            }
            libc::sigaction(sig, &action, std::ptr::null_mut()) == 0
        }
    };
    if !ok {
        return Err(vm.last_os_error());
    }
    Ok(Value::None)
}

/// The signals of a sigset as a Python set.
fn set_of(vm: &mut Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let mut items = Vec::new();
    for sig in 1..NSIG as libc::c_int {
        // SAFETY: sigismember reads an initialised set.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            items.push(Value::Int(sig as i64));
        }
    }
    let list = vm.new_list(items);
    crate::builtins::set::new_set_from(vm, &list)
}

/// A sigset from an iterable of signal numbers.
fn sigset_from(vm: &mut Vm, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initialises the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    for item in vm.collect(v)? {
        let n = arity::index_arg(vm, &item)?;
        if n < 1 || n >= NSIG as i64 {
            return Err(
                vm.value_error(&format!("signal number {n} out of range [1; {}]", NSIG - 1))
            );
        }
        // SAFETY: sigaddset on an initialised set with a valid number.
        unsafe { libc::sigaddset(&mut set, n as libc::c_int) };
    }
    Ok(set)
}

fn signal_pthread_sigmask(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "pthread_sigmask", &args, 2, 2)?;
    let how = arity::index_arg(vm, &b[0].clone().unwrap_or(Value::None))? as libc::c_int;
    let mask = sigset_from(vm, &b[1].clone().unwrap_or(Value::None))?;
    // SAFETY: pthread_sigmask with initialised sets.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::pthread_sigmask(how, &mask, &mut old) };
    if r != 0 {
        return Err(vm.os_error_errno(r));
    }
    run_pending(vm)?;
    set_of(vm, &old)
}

fn signal_sigpending(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    // SAFETY: sigpending fills the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(vm.last_os_error());
    }
    set_of(vm, &set)
}

fn signal_pthread_kill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "pthread_kill", &args, 2, 2)?;
    let tid = arity::index_arg(vm, &b[0].clone().unwrap_or(Value::None))?;
    let sig = arity::index_arg(vm, &b[1].clone().unwrap_or(Value::None))? as libc::c_int;
    // SAFETY: pthread_kill with a thread id the program obtained from threading.
    let r = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if r != 0 {
        return Err(vm.os_error_errno(r));
    }
    run_pending(vm)?;
    Ok(Value::None)
}

fn signal_raise_signal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "raise_signal", &args, 1, 1)?;
    let sig = signal_number(vm, &b[0].clone().unwrap_or(Value::None))?;
    vm.flush_stdout();
    // SAFETY: raise(3) with a checked signal number.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(vm.last_os_error());
    }
    run_pending(vm)?;
    Ok(Value::None)
}

fn signal_strsignal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "strsignal", &args, 1, 1)?;
    let sig = signal_number(vm, &b[0].clone().unwrap_or(Value::None))?;
    // SAFETY: strsignal returns a pointer to a static or thread-local C string, copied
    // at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(Value::None);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    Ok(vm.new_str(&text))
}

fn signal_valid_signals(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    // SAFETY: sigfillset initialises the zeroed set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigfillset(&mut set) };
    set_of(vm, &set)
}

fn signal_pidfd_send_signal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = positional(vm, "pidfd_send_signal", &args, 2, 4)?;
    let fd = arity::index_arg(vm, &b[0].clone().unwrap_or(Value::None))?;
    let sig = arity::index_arg(vm, &b[1].clone().unwrap_or(Value::None))?;
    // SAFETY: the raw pidfd_send_signal syscall with no siginfo.
    let r = unsafe { libc::syscall(libc::SYS_pidfd_send_signal, fd, sig, 0usize, 0u32) };
    if r != 0 {
        return Err(vm.last_os_error());
    }
    run_pending(vm)?;
    Ok(Value::None)
}

/// The arguments of a positional-only (Argument Clinic) function, `None` for the
/// optional ones not given.
fn positional(
    vm: &Vm,
    name: &str,
    args: &Args<'_>,
    min: usize,
    max: usize,
) -> PyResult<Vec<Option<Value>>> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    arity::check_count(vm, name, pos.len(), min, max)?;
    let mut out: Vec<Option<Value>> = pos.iter().cloned().map(Some).collect();
    out.resize(max, None);
    Ok(out)
}
