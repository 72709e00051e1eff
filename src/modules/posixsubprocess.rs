//! The native `_posixsubprocess` module: `fork_exec`, which `subprocess.Popen` calls to
//! start a child. Everything the child needs is converted before fork(2); the child
//! wires its standard descriptors, changes directory, closes the other descriptors,
//! runs `preexec_fn` and execs each candidate executable in turn, reporting a failure
//! through the error pipe in the `Exception:hex_errno:text` form `subprocess` parses.
//!
//! The argument list grew over the versions (credentials in 3.9, `process_group` and
//! `allow_vfork` in 3.11); `vm::flavour` says which one the running version has.

use super::native_class::{self, int_arg};
use crate::builtins::bytes::bytes_like;
use crate::object::{Args, Value};
use crate::vm::{flavour, PyResult, Vm};
use std::ffi::CString;

/// `_posixsubprocess`.
pub fn module(vm: &mut Vm) -> PyResult<crate::object::ObjRef> {
    Ok(native_class::module_with(
        vm,
        "_posixsubprocess",
        &[("fork_exec", fork_exec)],
    ))
}

/// The converted arguments of `fork_exec`.
struct Plan {
    argv: Option<Vec<CString>>,
    executables: Vec<CString>,
    close_fds: bool,
    keep: Vec<libc::c_int>,
    cwd: Option<CString>,
    env: Option<Vec<CString>>,
    /// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite.
    pipes: [libc::c_int; 6],
    errpipe_read: libc::c_int,
    errpipe_write: libc::c_int,
    restore_signals: bool,
    new_session: bool,
    process_group: i64,
    umask: i64,
    preexec_fn: Option<Value>,
}

/// The bytes of a path-like item (str, bytes or os.PathLike) as a C string.
fn c_string(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let v = match super::posix::fspath_opt(vm, v)? {
        Some(p) => p,
        None => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )));
        }
    };
    let raw = match (v.as_str(), bytes_like(&v)) {
        (Some(s), _) => s.as_str().as_bytes().to_vec(),
        (None, Some((b, _))) => b,
        _ => Vec::new(),
    };
    CString::new(raw).map_err(|_| vm.value_error("embedded null byte"))
}

fn c_strings(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(c_string(vm, item)?);
    }
    Ok(Some(out))
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    Ok(int_arg(vm, v)? as libc::c_int)
}

fn plan(vm: &mut Vm, a: &[Value]) -> PyResult<Plan> {
    let group = flavour::fork_exec_takes_process_group(vm.version);
    let creds = flavour::fork_exec_takes_credentials(vm.version);
    let wanted = 17
        + if group {
            6
        } else if creds {
            4
        } else {
            0
        };
    if a.len() != wanted {
        return Err(vm.type_error(&format!(
            "fork_exec() takes exactly {wanted} arguments ({} given)",
            a.len()
        )));
    }
    let argv = c_strings(vm, &a[0])?;
    let executables = c_strings(vm, &a[1])?.unwrap_or_default();
    let close_fds = vm.truthy(&a[2])?;
    let mut keep = Vec::new();
    for v in vm.collect(&a[3])? {
        keep.push(fd_arg(vm, &v)?);
    }
    let cwd = if a[4].is_none() {
        None
    } else {
        Some(c_string(vm, &a[4])?)
    };
    let env = c_strings(vm, &a[5])?;
    let mut pipes = [-1; 6];
    for (slot, v) in pipes.iter_mut().zip(&a[6..12]) {
        *slot = fd_arg(vm, v)?;
    }
    let errpipe_read = fd_arg(vm, &a[12])?;
    let errpipe_write = fd_arg(vm, &a[13])?;
    let restore_signals = vm.truthy(&a[14])?;
    let new_session = vm.truthy(&a[15])?;
    let mut i = 16;
    let mut process_group = -1;
    if group {
        process_group = int_arg(vm, &a[i])?;
        i += 1;
    }
    let mut umask = -1;
    if creds || group {
        // gid, gids, uid: only None (no change) is supported.
        for v in &a[i..i + 3] {
            if !v.is_none() {
                return Err(vm.new_exception(
                    &vm.types.exc.not_implemented_error.clone(),
                    "fork_exec: changing user or group ids is not supported",
                ));
            }
        }
        umask = int_arg(vm, &a[i + 3])?;
        i += 4;
    }
    let preexec_fn = Some(a[i].clone()).filter(|f| !f.is_none());
    Ok(Plan {
        argv,
        executables,
        close_fds,
        keep,
        cwd,
        env,
        pipes,
        errpipe_read,
        errpipe_write,
        restore_signals,
        new_session,
        process_group,
        umask,
        preexec_fn,
    })
}

/// `fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list, p2cread,
/// p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write,
/// restore_signals, start_new_session, [process_group,] [gid, gids, uid, umask,]
/// preexec_fn[, allow_vfork])` → the child's pid.
fn fork_exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("fork_exec() takes no keyword arguments"));
    }
    let p = plan(vm, args.pos())?;
    if p.close_fds && p.errpipe_write < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: the interpreter is single-threaded, so the child's copy of its state is
    // consistent; the child only execs or _exits.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(vm.last_os_error());
    }
    if pid == 0 {
        child(vm, &p);
    }
    Ok(Value::Int(pid as i64))
}

/// Writes the failure report to the error pipe and ends the child.
fn fail(p: &Plan, what: &str, errno: i32, noexec: bool) -> ! {
    let msg = format!("{what}:{errno:x}:{}", if noexec { "noexec" } else { "" });
    // SAFETY: writing a buffer to a descriptor, then ending the process at once.
    unsafe {
        libc::write(p.errpipe_write, msg.as_ptr().cast(), msg.len());
        libc::_exit(255)
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The child's side: never returns.
fn child(vm: &mut Vm, p: &Plan) -> ! {
    let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite] = p.pipes;
    // SAFETY (this block): descriptor operations in the freshly forked child.
    unsafe {
        for fd in [p2cwrite, c2pread, errread, p.errpipe_read] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // A target already at 0, 1 or 2 could be overwritten by an earlier dup2.
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
        }
        for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
            } else if fd != -1 && libc::dup2(fd, target) < 0 {
                fail(p, "OSError", errno(), true);
            }
        }
        for fd in [p2cread, c2pwrite, errwrite] {
            if fd > 2 {
                libc::close(fd);
            }
        }
        if let Some(cwd) = &p.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                fail(p, "OSError", errno(), true);
            }
        }
        if p.umask >= 0 {
            libc::umask(p.umask as libc::mode_t);
        }
        if p.restore_signals {
            for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
        if p.new_session && libc::setsid() < 0 {
            fail(p, "OSError", errno(), true);
        }
        if p.process_group >= 0 && libc::setpgid(0, p.process_group as libc::pid_t) < 0 {
            fail(p, "OSError", errno(), true);
        }
    }
    if let Some(f) = &p.preexec_fn {
        if vm.call(f, Args::positional(&[])).is_err() {
            let msg = "SubprocessError:0:Exception occurred in preexec_fn.";
            // SAFETY: writing a buffer to a descriptor, then ending the process at once.
            unsafe {
                libc::write(p.errpipe_write, msg.as_ptr().cast(), msg.len());
                libc::_exit(255)
            }
        }
    }
    if p.close_fds {
        close_open_fds(p);
    }
    let argv: Vec<*const libc::c_char> = p
        .argv
        .iter()
        .flatten()
        .map(|c| c.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect();
    let envp: Option<Vec<*const libc::c_char>> = p.env.as_ref().map(|e| {
        e.iter()
            .map(|c| c.as_ptr())
            .chain(std::iter::once(std::ptr::null()))
            .collect()
    });
    let mut saved = 0;
    for exe in &p.executables {
        // SAFETY: every pointer array is NULL-terminated and outlives the call.
        unsafe {
            match &envp {
                Some(envp) => libc::execve(exe.as_ptr(), argv.as_ptr(), envp.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    fail(
        p,
        "OSError",
        if saved != 0 { saved } else { errno() },
        false,
    )
}

/// Closes every descriptor from 3 up that is not in `fds_to_keep`.
fn close_open_fds(p: &Plan) {
    let open: Vec<libc::c_int> = match std::fs::read_dir("/proc/self/fd") {
        Ok(d) => d
            .flatten()
            .filter_map(|e| e.file_name().to_str().and_then(|s| s.parse().ok()))
            .collect(),
        // SAFETY: sysconf takes an integer name.
        Err(_) => (3..unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.clamp(3, 65536) as libc::c_int)
            .collect(),
    };
    for fd in open {
        if fd > 2 && !p.keep.contains(&fd) {
            // SAFETY: closing a descriptor number in the child before exec.
            unsafe { libc::close(fd) };
        }
    }
}
