//! The file-system functions of `posix` that take paths: the working directory,
//! `listdir`, `mkdir`, `rmdir`, `unlink`/`remove`, `rename`/`replace`, links, `chmod`,
//! `utime` and `truncate`. Only `dir_fd=None` is supported (the `*at` calls are not
//! advertised in `_have_functions`, so `os.py` and `shutil` never pass one).

use super::args::{self, PathArg, PathOrFd};
use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};
use std::os::unix::ffi::OsStrExt;

fn arg(a: &[Option<Value>], i: usize) -> Value {
    a.get(i).cloned().flatten().unwrap_or(Value::None)
}

fn cwd(vm: &mut Vm) -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(d) => Ok(d.as_os_str().as_bytes().to_vec()),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

pub fn posix_getcwd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    args::bind(vm, a, "getcwd", &[], 0)?;
    let d = cwd(vm)?;
    Ok(args::path_result(vm, &d, false))
}

pub fn posix_getcwdb(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    args::bind(vm, a, "getcwdb", &[], 0)?;
    let d = cwd(vm)?;
    Ok(args::path_result(vm, &d, true))
}

pub fn posix_chdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "chdir", &["path"], 1)?;
    match args::path(vm, "chdir", &arg(&a, 0), true)? {
        // SAFETY: fchdir on a descriptor number.
        PathOrFd::Fd(fd) => args::check(vm, None, || unsafe { libc::fchdir(fd) })?,
        // SAFETY: `p.c` is NUL-terminated.
        PathOrFd::Path(p) => args::check(vm, Some(&p), || unsafe { libc::chdir(p.c.as_ptr()) })?,
    };
    Ok(Value::None)
}

/// The names in directory `p` (without `.` and `..`), as raw bytes.
pub fn read_names(vm: &mut Vm, p: &PathArg) -> PyResult<Vec<Vec<u8>>> {
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(p.c.as_bytes()));
    match std::fs::read_dir(path) {
        Ok(entries) => Ok(entries
            .flatten()
            .map(|e| e.file_name().as_bytes().to_vec())
            .collect()),
        Err(e) => Err(vm.os_error(&e, Some(p.given.clone()))),
    }
}

/// The path argument of `listdir`/`scandir`: None means `'.'` (as str).
pub fn dir_arg(vm: &mut Vm, func: &str, v: Option<&Value>) -> PyResult<PathArg> {
    match v {
        None | Some(Value::None) => {
            let dot = vm.new_str(".");
            args::path_only(vm, func, &dot)
        }
        Some(v) => {
            if let Value::Int(_) = v {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "{func}: path should be string, bytes, os.PathLike or None, not {t}"
                )));
            }
            match args::fspath_opt(vm, v)? {
                Some(_) => args::path_only(vm, func, v),
                None => {
                    let t = vm.type_name(v);
                    Err(vm.type_error(&format!(
                        "{func}: path should be string, bytes, os.PathLike or None, not {t}"
                    )))
                }
            }
        }
    }
}

pub fn posix_listdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "listdir", &["path"], 0)?;
    let p = dir_arg(vm, "listdir", a[0].as_ref())?;
    let names = read_names(vm, &p)?;
    let items = names
        .iter()
        .map(|n| args::path_result(vm, n, p.bytes))
        .collect();
    Ok(vm.new_list(items))
}

/// A function of one path (`dir_fd` refused) calling `call` on it.
fn path_call(
    vm: &mut Vm,
    a: Args<'_>,
    name: &str,
    params: &[&str],
    call: impl Fn(&PathArg, &[Option<Value>], &mut Vm) -> PyResult<libc::c_int>,
) -> PyResult<Value> {
    let a = args::bind(vm, a, name, params, 1)?;
    if let Some(i) = params.iter().position(|p| *p == "dir_fd") {
        args::no_dir_fd(vm, &a[i], name)?;
    }
    let p = args::path_only(vm, name, &arg(&a, 0))?;
    let r = call(&p, &a, vm)?;
    if r < 0 {
        return Err(args::error_for(vm, Some(&p)));
    }
    Ok(Value::None)
}

pub fn posix_mkdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    path_call(vm, a, "mkdir", &["path", "mode", "dir_fd"], |p, a, vm| {
        let mode = match &a[1] {
            Some(m) => args::int(vm, m)? as libc::mode_t,
            None => 0o777,
        };
        // SAFETY: `p.c` is NUL-terminated.
        Ok(unsafe { libc::mkdir(p.c.as_ptr(), mode) })
    })
}

pub fn posix_rmdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    path_call(vm, a, "rmdir", &["path", "dir_fd"], |p, _, _| {
        // SAFETY: `p.c` is NUL-terminated.
        Ok(unsafe { libc::rmdir(p.c.as_ptr()) })
    })
}

pub fn posix_unlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    path_call(vm, a, "unlink", &["path", "dir_fd"], |p, _, _| {
        // SAFETY: `p.c` is NUL-terminated.
        Ok(unsafe { libc::unlink(p.c.as_ptr()) })
    })
}

pub fn posix_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    path_call(vm, a, "remove", &["path", "dir_fd"], |p, _, _| {
        // SAFETY: `p.c` is NUL-terminated.
        Ok(unsafe { libc::unlink(p.c.as_ptr()) })
    })
}

pub fn posix_chmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let params = &["path", "mode", "dir_fd", "follow_symlinks"];
    path_call(vm, a, "chmod", params, |p, a, vm| {
        let mode = match &a[1] {
            Some(m) => args::int(vm, m)? as libc::mode_t,
            None => return Err(vm.type_error("chmod() missing required argument 'mode' (pos 2)")),
        };
        // SAFETY: `p.c` is NUL-terminated.
        Ok(unsafe { libc::chmod(p.c.as_ptr(), mode) })
    })
}

pub fn posix_truncate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    path_call(vm, a, "truncate", &["path", "length"], |p, a, vm| {
        let n = match &a[1] {
            Some(m) => args::int(vm, m)?,
            None => {
                return Err(vm.type_error("truncate() missing required argument 'length' (pos 2)"))
            }
        };
        // SAFETY: `p.c` is NUL-terminated.
        Ok(unsafe { libc::truncate(p.c.as_ptr(), n) })
    })
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub fn posix_utime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let params = &["path", "times", "ns", "dir_fd", "follow_symlinks"];
    path_call(vm, a, "utime", params, |p, a, vm| {
        let mut ts = [libc::timespec {
            tv_sec: 0,
            tv_nsec: libc::UTIME_NOW,
        }; 2];
        if let Some(t) = a[1].as_ref().filter(|t| !t.is_none()) {
            let items = vm.collect(t)?;
            for (slot, v) in ts.iter_mut().zip(items) {
                let f = crate::builtins::float::float_from_value(vm, &v)?;
                slot.tv_sec = f.floor() as libc::time_t;
                slot.tv_nsec = ((f - f.floor()) * 1e9) as libc::c_long;
            }
        } else if let Some(ns) = a[2].as_ref().filter(|t| !t.is_none()) {
            let items = vm.collect(ns)?;
            for (slot, v) in ts.iter_mut().zip(items) {
                let n = args::int(vm, &v)?;
                slot.tv_sec = n.div_euclid(1_000_000_000);
                slot.tv_nsec = n.rem_euclid(1_000_000_000);
            }
        }
        // SAFETY: `p.c` is NUL-terminated and `ts` holds two timespecs.
        Ok(unsafe { libc::utimensat(libc::AT_FDCWD, p.c.as_ptr(), ts.as_ptr(), 0) })
    })
}

/// A function of two paths (rename, replace, link, symlink).
fn two_paths(
    vm: &mut Vm,
    a: Args<'_>,
    name: &str,
    call: unsafe extern "C" fn(*const libc::c_char, *const libc::c_char) -> libc::c_int,
) -> PyResult<Value> {
    let params = &["src", "dst", "src_dir_fd", "dst_dir_fd"];
    let a = args::bind(vm, a, name, params, 2)?;
    args::no_dir_fd(vm, &a[2], name)?;
    args::no_dir_fd(vm, &a[3], name)?;
    let src = args::path_only(vm, name, &arg(&a, 0))?;
    let dst = args::path_only(vm, name, &arg(&a, 1))?;
    if src.bytes != dst.bytes {
        return Err(vm.type_error(&format!("{name}: src and dst must be the same type")));
    }
    // SAFETY: both paths are NUL-terminated.
    if unsafe { call(src.c.as_ptr(), dst.c.as_ptr()) } < 0 {
        return Err(args::error_for_two(vm, &src, &dst));
    }
    Ok(Value::None)
}

pub fn posix_rename(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    two_paths(vm, a, "rename", libc::rename)
}

pub fn posix_replace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    two_paths(vm, a, "replace", libc::rename)
}

pub fn posix_link(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    two_paths(vm, a, "link", libc::link)
}

pub fn posix_symlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(
        vm,
        a,
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
        2,
    )?;
    args::no_dir_fd(vm, &a[3], "symlink")?;
    let src = args::path_only(vm, "symlink", &arg(&a, 0))?;
    let dst = args::path_only(vm, "symlink", &arg(&a, 1))?;
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::symlink(src.c.as_ptr(), dst.c.as_ptr()) } < 0 {
        return Err(args::error_for_two(vm, &src, &dst));
    }
    Ok(Value::None)
}

pub fn posix_readlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "readlink", &["path", "dir_fd"], 1)?;
    args::no_dir_fd(vm, &a[1], "readlink")?;
    let p = args::path_only(vm, "readlink", &arg(&a, 0))?;
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(p.c.as_bytes()));
    match std::fs::read_link(path) {
        Ok(t) => Ok(args::path_result(vm, t.as_os_str().as_bytes(), p.bytes)),
        Err(e) => Err(vm.os_error(&e, Some(p.given.clone()))),
    }
}
