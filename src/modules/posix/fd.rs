//! The descriptor functions of `posix`: `open`, `close`, `read`, `write`, `lseek`,
//! `pipe`, `dup`, `isatty`, inheritability and blocking mode. Descriptors made here are
//! non-inheritable (close-on-exec), as PEP 446 has it.

use super::args::{self, PathOrFd};
use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};

fn arg(a: &[Option<Value>], i: usize) -> Value {
    a.get(i).cloned().flatten().unwrap_or(Value::None)
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`.
pub fn posix_open(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "open", &["path", "flags", "mode", "dir_fd"], 2)?;
    args::no_dir_fd(vm, &a[3], "open")?;
    let PathOrFd::Path(p) = args::path(vm, "open", &arg(&a, 0), false)? else {
        return Err(vm.type_error("open: path should be string, bytes or os.PathLike"));
    };
    let flags = args::int(vm, &arg(&a, 1))? as libc::c_int | libc::O_CLOEXEC;
    let mode = match &a[2] {
        Some(m) => args::int(vm, m)? as libc::c_uint,
        None => 0o777,
    };
    // SAFETY: `p.c` is NUL-terminated; open takes the mode as a variadic unsigned int.
    let fd = args::check(vm, Some(&p), || unsafe {
        libc::open(p.c.as_ptr(), flags, mode)
    })?;
    Ok(Value::Int(fd as i64))
}

/// A function of one descriptor returning the system call's int result.
fn one_fd(
    vm: &mut Vm,
    a: Args<'_>,
    name: &str,
    call: unsafe extern "C" fn(libc::c_int) -> libc::c_int,
) -> PyResult<libc::c_int> {
    let a = args::bind(vm, a, name, &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    // SAFETY: these calls take a descriptor number and touch no caller memory.
    args::check(vm, None, || unsafe { call(fd) })
}

pub fn posix_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "close", &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    // SAFETY: closing a descriptor number; EINTR is not retried (the descriptor is gone).
    if unsafe { libc::close(fd) } < 0 && args::errno() != libc::EINTR {
        return Err(args::error_for(vm, None));
    }
    Ok(Value::None)
}

pub fn posix_closerange(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "closerange", &["fd_low", "fd_high"], 2)?;
    let lo = args::fd(vm, &arg(&a, 0))?;
    let hi = args::fd(vm, &arg(&a, 1))?;
    for fd in lo.max(0)..hi {
        // SAFETY: closing descriptor numbers; errors are ignored, as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

pub fn posix_dup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "dup", &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) on a descriptor number.
    let r = args::check(vm, None, || unsafe {
        libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0)
    })?;
    Ok(Value::Int(r as i64))
}

pub fn posix_dup2(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "dup2", &["fd", "fd2", "inheritable"], 2)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let fd2 = args::fd(vm, &arg(&a, 1))?;
    let inheritable = args::flag(vm, &a[2], true)?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: dup3/dup2 on descriptor numbers.
    let r = args::check(vm, None, || unsafe {
        if fd == fd2 {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, flags)
        }
    })?;
    Ok(Value::Int(r as i64))
}

pub fn posix_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "read", &["fd", "length"], 2)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let n = args::int(vm, &arg(&a, 1))?;
    if n < 0 {
        return Err(vm.value_error("negative length"));
    }
    let mut buf = vec![0u8; n as usize];
    // SAFETY: `buf` has room for `n` bytes.
    let got = args::check(vm, None, || unsafe {
        libc::read(fd, buf.as_mut_ptr().cast(), buf.len())
    })?;
    buf.truncate(got as usize);
    Ok(new_bytes(vm, buf))
}

pub fn posix_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "write", &["fd", "data"], 2)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let data = arg(&a, 1);
    let Some(buf) = buffer_arg(vm, &data) else {
        let t = vm.type_name(&data);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    };
    // SAFETY: `buf` holds `buf.len()` readable bytes.
    let n = args::check(vm, None, || unsafe {
        libc::write(fd, buf.as_ptr().cast(), buf.len())
    })?;
    Ok(Value::Int(n as i64))
}

pub fn posix_lseek(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "lseek", &["fd", "position", "how"], 3)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let pos = args::int(vm, &arg(&a, 1))?;
    let how = args::int(vm, &arg(&a, 2))? as libc::c_int;
    // SAFETY: lseek on a descriptor number.
    let r = args::check(vm, None, || unsafe { libc::lseek(fd, pos, how) })?;
    Ok(Value::Int(r))
}

fn pipe_with(vm: &mut Vm, flags: libc::c_int) -> PyResult<Value> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    args::check(vm, None, || unsafe { libc::pipe2(fds.as_mut_ptr(), flags) })?;
    Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

pub fn posix_pipe(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    args::bind(vm, a, "pipe", &[], 0)?;
    pipe_with(vm, libc::O_CLOEXEC)
}

pub fn posix_pipe2(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "pipe2", &["flags"], 1)?;
    let flags = args::int(vm, &arg(&a, 0))? as libc::c_int;
    pipe_with(vm, flags)
}

pub fn posix_isatty(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "isatty", &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    // SAFETY: isatty on a descriptor number.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

pub fn posix_fsync(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fd = match a.pos().first() {
        Some(v) => super::super::select::file_descriptor(vm, v)?,
        None => return Err(vm.type_error("fsync() missing required argument 'fd' (pos 1)")),
    };
    // SAFETY: fsync on a descriptor number.
    args::check(vm, None, || unsafe { libc::fsync(fd) })?;
    Ok(Value::None)
}

pub fn posix_ftruncate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "ftruncate", &["fd", "length"], 2)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let n = args::int(vm, &arg(&a, 1))?;
    // SAFETY: ftruncate on a descriptor number.
    args::check(vm, None, || unsafe { libc::ftruncate(fd, n) })?;
    Ok(Value::None)
}

fn fd_flags(vm: &mut Vm, fd: libc::c_int, get: libc::c_int) -> PyResult<libc::c_int> {
    // SAFETY: fcntl F_GETFD/F_GETFL on a descriptor number.
    args::check(vm, None, || unsafe { libc::fcntl(fd, get) })
}

fn set_flag(
    vm: &mut Vm,
    a: Args<'_>,
    name: &str,
    (get, set, bit): (libc::c_int, libc::c_int, libc::c_int),
    on_when_true: bool,
) -> PyResult<Value> {
    let a = args::bind(vm, a, name, &["fd", "value"], 2)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let value = vm.truthy(&arg(&a, 1))?;
    let old = fd_flags(vm, fd, get)?;
    let new = if value == on_when_true {
        old | bit
    } else {
        old & !bit
    };
    // SAFETY: fcntl F_SETFD/F_SETFL on a descriptor number.
    args::check(vm, None, || unsafe { libc::fcntl(fd, set, new) })?;
    Ok(Value::None)
}

pub fn posix_get_inheritable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "get_inheritable", &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let f = fd_flags(vm, fd, libc::F_GETFD)?;
    Ok(Value::bool(f & libc::FD_CLOEXEC == 0))
}

pub fn posix_set_inheritable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let bits = (libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC);
    set_flag(vm, a, "set_inheritable", bits, false)
}

pub fn posix_get_blocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "get_blocking", &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    let f = fd_flags(vm, fd, libc::F_GETFL)?;
    Ok(Value::bool(f & libc::O_NONBLOCK == 0))
}

pub fn posix_set_blocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let bits = (libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK);
    set_flag(vm, a, "set_blocking", bits, false)
}

/// `device_encoding(fd)`: the locale's encoding for a terminal, else None.
pub fn posix_device_encoding(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "device_encoding", &["fd"], 1)?;
    let fd = args::fd(vm, &arg(&a, 0))?;
    // SAFETY: isatty on a descriptor number.
    if unsafe { libc::isatty(fd) } == 1 {
        Ok(vm.new_str("UTF-8"))
    } else {
        Ok(Value::None)
    }
}

/// `fchdir(fd)`.
pub fn posix_fchdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    one_fd(vm, a, "fchdir", libc::fchdir)?;
    Ok(Value::None)
}
