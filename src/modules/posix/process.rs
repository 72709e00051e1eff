//! The process functions of `posix`: identities, signals to processes, `waitpid` and the
//! `W*` status macros, `_exit`, `fork`/`execv`, the environment (`putenv`, `unsetenv`),
//! and the system queries `urandom`, `uname`, `get_terminal_size`, `cpu_count`, `umask`,
//! `strerror`.

use super::args;
use super::types;
use crate::modules::structseq;
use crate::object::{Args, NativeFn, Value};
use crate::vm::{PyResult, Vm};
use std::ffi::CString;

fn arg(a: &[Option<Value>], i: usize) -> Value {
    a.get(i).cloned().flatten().unwrap_or(Value::None)
}

/// The identity queries, which take no arguments and cannot fail.
pub const IDS: &[(&str, NativeFn)] = &[
    // SAFETY (all): these calls take no arguments and always succeed.
    ("getpid", |_, _| {
        Ok(Value::Int(unsafe { libc::getpid() } as i64))
    }),
    ("getppid", |_, _| {
        Ok(Value::Int(unsafe { libc::getppid() } as i64))
    }),
    ("getuid", |_, _| {
        Ok(Value::Int(unsafe { libc::getuid() } as i64))
    }),
    ("geteuid", |_, _| {
        Ok(Value::Int(unsafe { libc::geteuid() } as i64))
    }),
    ("getgid", |_, _| {
        Ok(Value::Int(unsafe { libc::getgid() } as i64))
    }),
    ("getegid", |_, _| {
        Ok(Value::Int(unsafe { libc::getegid() } as i64))
    }),
    ("getpgrp", |_, _| {
        Ok(Value::Int(unsafe { libc::getpgrp() } as i64))
    }),
];

/// The `W*` macros over a wait status: (name, macro).
pub const WAIT_MACROS: &[(&str, NativeFn)] = &[
    ("WIFEXITED", |vm, a| {
        status_test(vm, a, "WIFEXITED", |s| libc::WIFEXITED(s) as i64, true)
    }),
    ("WEXITSTATUS", |vm, a| {
        status_test(vm, a, "WEXITSTATUS", |s| libc::WEXITSTATUS(s) as i64, false)
    }),
    ("WIFSIGNALED", |vm, a| {
        status_test(vm, a, "WIFSIGNALED", |s| libc::WIFSIGNALED(s) as i64, true)
    }),
    ("WTERMSIG", |vm, a| {
        status_test(vm, a, "WTERMSIG", |s| libc::WTERMSIG(s) as i64, false)
    }),
    ("WIFSTOPPED", |vm, a| {
        status_test(vm, a, "WIFSTOPPED", |s| libc::WIFSTOPPED(s) as i64, true)
    }),
    ("WSTOPSIG", |vm, a| {
        status_test(vm, a, "WSTOPSIG", |s| libc::WSTOPSIG(s) as i64, false)
    }),
    ("WIFCONTINUED", |vm, a| {
        status_test(
            vm,
            a,
            "WIFCONTINUED",
            |s| libc::WIFCONTINUED(s) as i64,
            true,
        )
    }),
    ("WCOREDUMP", |vm, a| {
        status_test(vm, a, "WCOREDUMP", |s| libc::WCOREDUMP(s) as i64, true)
    }),
];

fn status_test(
    vm: &mut Vm,
    a: Args<'_>,
    name: &str,
    f: fn(libc::c_int) -> i64,
    boolean: bool,
) -> PyResult<Value> {
    let a = args::bind(vm, a, name, &["status"], 1)?;
    let s = args::int(vm, &arg(&a, 0))? as libc::c_int;
    let r = f(s);
    Ok(if boolean {
        Value::bool(r != 0)
    } else {
        Value::Int(r)
    })
}

/// `waitstatus_to_exitcode(status)` (3.9+): the exit code, or minus the signal.
pub fn posix_waitstatus_to_exitcode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "waitstatus_to_exitcode", &["status"], 1)?;
    let s = args::int(vm, &arg(&a, 0))? as libc::c_int;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(vm.value_error(&format!("invalid wait status: {s}")))
}

pub fn posix_kill(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "kill", &["pid", "signal"], 2)?;
    let pid = args::int(vm, &arg(&a, 0))? as libc::pid_t;
    let sig = args::int(vm, &arg(&a, 1))? as libc::c_int;
    // SAFETY: kill takes two integers.
    args::check(vm, None, || unsafe { libc::kill(pid, sig) })?;
    crate::modules::signal::run_pending(vm)?;
    Ok(Value::None)
}

pub fn posix_killpg(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "killpg", &["pgid", "signal"], 2)?;
    let pid = args::int(vm, &arg(&a, 0))? as libc::pid_t;
    let sig = args::int(vm, &arg(&a, 1))? as libc::c_int;
    // SAFETY: killpg takes two integers.
    args::check(vm, None, || unsafe { libc::killpg(pid, sig) })?;
    Ok(Value::None)
}

/// `waitpid(pid, options)` → `(pid, status)`.
pub fn posix_waitpid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "waitpid", &["pid", "options"], 2)?;
    let pid = args::int(vm, &arg(&a, 0))? as libc::pid_t;
    let options = args::int(vm, &arg(&a, 1))? as libc::c_int;
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid int for waitpid to fill.
    let r = args::check(vm, None, || unsafe {
        libc::waitpid(pid, &mut status, options)
    })?;
    Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]))
}

/// `_exit(status)`: ends the process at once, without cleanup.
pub fn posix_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "_exit", &["status"], 1)?;
    let code = args::int(vm, &arg(&a, 0))? as libc::c_int;
    // SAFETY: _exit never returns and touches no Rust state.
    unsafe { libc::_exit(code) }
}

/// `fork()`: the child continues single-threaded, as the interpreter always is.
pub fn posix_fork(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    args::bind(vm, a, "fork", &[], 0)?;
    use std::io::Write;
    let _ = std::io::stdout().flush();
    // SAFETY: the interpreter runs on one thread, so the child's state is consistent.
    let pid = args::check(vm, None, || unsafe { libc::fork() })?;
    Ok(Value::Int(pid as i64))
}

/// The items of a list/tuple of path-like strings as C strings (for exec).
fn c_strings(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Vec<CString>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let p = args::path_only(vm, func, &item)?;
        out.push(p.c);
    }
    Ok(out)
}

/// The `KEY=value` strings of an environment mapping.
pub fn env_strings(vm: &mut Vm, env: &Value) -> PyResult<Vec<CString>> {
    let keys_name = vm.intern("keys");
    let keys = vm.call_method(env, &keys_name, &[])?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.getitem(env, &k)?;
        let k = args::path_only(vm, "execve", &k)?;
        let v = args::path_only(vm, "execve", &v)?;
        let mut s = k.c.into_bytes();
        s.push(b'=');
        s.extend_from_slice(v.c.as_bytes());
        if let Ok(c) = CString::new(s) {
            out.push(c);
        }
    }
    Ok(out)
}

fn exec(
    vm: &mut Vm,
    path: &Value,
    argv: &Value,
    env: Option<&Value>,
    func: &str,
) -> PyResult<Value> {
    let p = args::path_only(vm, func, path)?;
    let argv = c_strings(vm, argv, func)?;
    if argv.is_empty() {
        return Err(vm.value_error(&format!("{func} argv must not be empty")));
    }
    let mut ptrs: Vec<*const libc::c_char> = argv.iter().map(|c| c.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    match env {
        Some(env) => {
            let envs = env_strings(vm, env)?;
            let mut eptrs: Vec<*const libc::c_char> = envs.iter().map(|c| c.as_ptr()).collect();
            eptrs.push(std::ptr::null());
            // SAFETY: every pointer array is NULL-terminated and outlives the call.
            unsafe { libc::execve(p.c.as_ptr(), ptrs.as_ptr(), eptrs.as_ptr()) };
        }
        // SAFETY: `ptrs` is NULL-terminated and outlives the call.
        None => unsafe {
            libc::execv(p.c.as_ptr(), ptrs.as_ptr());
        },
    }
    Err(args::error_for(vm, None))
}

pub fn posix_execv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "execv", &["path", "argv"], 2)?;
    exec(vm, &arg(&a, 0), &arg(&a, 1), None, "execv")
}

pub fn posix_execve(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "execve", &["path", "argv", "env"], 3)?;
    let env = arg(&a, 2);
    exec(vm, &arg(&a, 0), &arg(&a, 1), Some(&env), "execve")
}

/// `register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`:
/// accepted; xpython's `fork` runs no Python-level hooks.
pub fn posix_register_at_fork(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(
        vm,
        a,
        "register_at_fork",
        &["before", "after_in_child", "after_in_parent"],
        0,
    )?;
    if a.iter().all(|v| v.is_none()) {
        return Err(vm.type_error("At least one argument is required."));
    }
    Ok(Value::None)
}

fn env_key_value(vm: &mut Vm, v: &Value, func: &str) -> PyResult<CString> {
    let p = args::path_only(vm, func, v)?;
    Ok(p.c)
}

pub fn posix_putenv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "putenv", &["name", "value"], 2)?;
    let k = env_key_value(vm, &arg(&a, 0), "putenv")?;
    let v = env_key_value(vm, &arg(&a, 1), "putenv")?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: both strings are NUL-terminated; the interpreter is single-threaded.
    args::check(vm, None, || unsafe {
        libc::setenv(k.as_ptr(), v.as_ptr(), 1)
    })?;
    Ok(Value::None)
}

pub fn posix_unsetenv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "unsetenv", &["name"], 1)?;
    let k = env_key_value(vm, &arg(&a, 0), "unsetenv")?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: `k` is NUL-terminated; the interpreter is single-threaded.
    args::check(vm, None, || unsafe { libc::unsetenv(k.as_ptr()) })?;
    Ok(Value::None)
}

/// `urandom(size)`: bytes from the kernel's random source.
pub fn posix_urandom(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "urandom", &["size"], 1)?;
    let n = args::int(vm, &arg(&a, 0))?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        let rest = &mut buf[filled..];
        // SAFETY: `rest` is a writable buffer of `rest.len()` bytes.
        let got = args::check(vm, None, || unsafe {
            libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0)
        })?;
        filled += got as usize;
    }
    Ok(crate::builtins::bytes::new_bytes(vm, buf))
}

/// `uname()` → `posix.uname_result`.
pub fn posix_uname(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    args::bind(vm, a, "uname", &[], 0)?;
    // SAFETY: a zeroed utsname is valid; uname fills its NUL-terminated fields.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    args::check(vm, None, || unsafe { libc::uname(&mut u) })?;
    let fields = [&u.sysname, &u.nodename, &u.release, &u.version, &u.machine];
    let values = fields
        .iter()
        .map(|f| {
            let bytes: Vec<u8> = f
                .iter()
                .take_while(|c| **c != 0)
                .map(|c| *c as u8)
                .collect();
            vm.new_str(&String::from_utf8_lossy(&bytes))
        })
        .collect();
    let t = types(vm).uname_result;
    Ok(structseq::new(&t, values))
}

/// `get_terminal_size(fd=1)` → `os.terminal_size`.
pub fn posix_get_terminal_size(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "get_terminal_size", &["fd"], 0)?;
    let fd = match &a[0] {
        Some(v) => args::fd(vm, v)?,
        None => 1,
    };
    // SAFETY: a zeroed winsize is valid; TIOCGWINSZ fills it.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    args::check(vm, None, || unsafe {
        libc::ioctl(fd, libc::TIOCGWINSZ, &mut w)
    })?;
    let t = types(vm).terminal_size;
    Ok(structseq::new(
        &t,
        vec![Value::Int(w.ws_col as i64), Value::Int(w.ws_row as i64)],
    ))
}

pub fn posix_cpu_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    args::bind(vm, a, "cpu_count", &[], 0)?;
    // SAFETY: sysconf takes an integer name.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 {
        Value::None
    } else {
        Value::Int(n as i64)
    })
}

pub fn posix_umask(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "umask", &["mask"], 1)?;
    let m = args::int(vm, &arg(&a, 0))? as libc::mode_t;
    // SAFETY: umask takes an integer and always succeeds.
    Ok(Value::Int(unsafe { libc::umask(m) } as i64))
}

pub fn posix_strerror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "strerror", &["code"], 1)?;
    let code = args::int(vm, &arg(&a, 0))? as i32;
    Ok(vm.new_str(&args::strerror_text(code)))
}

/// `fspath(path)`: str and bytes unchanged, else `__fspath__()`'s str or bytes.
pub fn posix_fspath(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "fspath", &["path"], 1)?;
    let p = arg(&a, 0);
    match args::fspath_opt(vm, &p)? {
        Some(v) => Ok(v),
        None => {
            let t = vm.type_name(&p);
            Err(vm.type_error(&format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )))
        }
    }
}
