//! `stat`, `lstat` and `fstat`, and the `os.stat_result` they return: a struct sequence
//! of ten items (the three times as whole seconds) with the float times, the nanosecond
//! times, `st_blksize`, `st_blocks` and `st_rdev` as attributes beyond the sequence.

use super::args::{self, PathOrFd};
use super::types;
use crate::modules::structseq;
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// The sequence fields of `os.stat_result`.
pub const FIELDS: [&str; 10] = [
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
    "st_mtime", "st_ctime",
];

/// The `os.stat_result` type.
pub fn new_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let t = structseq::new_type(vm, "os", "stat_result", &FIELDS)?;
    let d = vm.type_data(&t).dict.clone();
    for (k, n) in [("n_fields", 19), ("n_unnamed_fields", 3)] {
        let key = Value::Obj(vm.intern(k));
        vm.dict_set(&d, key, Value::Int(n))?;
    }
    Ok(t)
}

/// An `os.stat_result` for what the system filled in.
pub fn result(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut values = vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
    ];
    values.extend(times.iter().map(|(s, _)| Value::Int(*s)));
    let mut extras = Vec::new();
    for (name, (s, ns)) in ["st_atime", "st_mtime", "st_ctime"].iter().zip(times) {
        extras.push((*name, Value::float(s as f64 + ns as f64 * 1e-9)));
    }
    for (name, (s, ns)) in ["st_atime_ns", "st_mtime_ns", "st_ctime_ns"]
        .iter()
        .zip(times)
    {
        let total = num_bigint::BigInt::from(s) * 1_000_000_000 + ns;
        extras.push((*name, vm.new_int_big(total)));
    }
    extras.push(("st_blksize", Value::Int(st.st_blksize)));
    extras.push(("st_blocks", Value::Int(st.st_blocks)));
    extras.push(("st_rdev", Value::Int(st.st_rdev as i64)));
    let t = types(vm).stat_result;
    structseq::new_with_extras(vm, &t, values, extras)
}

/// stat(2), lstat(2) or fstat(2) of a path or descriptor.
pub fn stat_of(vm: &mut Vm, target: &PathOrFd, follow: bool) -> PyResult<Value> {
    // SAFETY: a zeroed `stat` is a valid value of this plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    match target {
        PathOrFd::Fd(fd) => {
            // SAFETY: `st` is a valid, writable stat buffer.
            args::check(vm, None, || unsafe { libc::fstat(*fd, &mut st) })?;
        }
        PathOrFd::Path(p) => {
            // SAFETY: `p.c` is NUL-terminated and `st` a valid, writable stat buffer.
            args::check(vm, Some(p), || unsafe {
                if follow {
                    libc::stat(p.c.as_ptr(), &mut st)
                } else {
                    libc::lstat(p.c.as_ptr(), &mut st)
                }
            })?;
        }
    }
    result(vm, &st)
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`.
pub fn posix_stat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "stat", &["path", "dir_fd", "follow_symlinks"], 1)?;
    args::no_dir_fd(vm, &a[1], "stat")?;
    let follow = args::flag(vm, &a[2], true)?;
    let target = args::path(vm, "stat", a[0].as_ref().unwrap_or(&Value::None), true)?;
    stat_of(vm, &target, follow)
}

/// `lstat(path, *, dir_fd=None)`.
pub fn posix_lstat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "lstat", &["path", "dir_fd"], 1)?;
    args::no_dir_fd(vm, &a[1], "lstat")?;
    let p = args::path_only(vm, "lstat", a[0].as_ref().unwrap_or(&Value::None))?;
    stat_of(vm, &PathOrFd::Path(p), false)
}

/// `fstat(fd)`.
pub fn posix_fstat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "fstat", &["fd"], 1)?;
    let fd = args::fd(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    stat_of(vm, &PathOrFd::Fd(fd), true)
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
pub fn posix_access(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(
        vm,
        a,
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
    )?;
    args::no_dir_fd(vm, &a[2], "access")?;
    let p = args::path_only(vm, "access", a[0].as_ref().unwrap_or(&Value::None))?;
    let mode = args::int(vm, a[1].as_ref().unwrap_or(&Value::None))?;
    // SAFETY: `p.c` is NUL-terminated.
    let r = unsafe { libc::access(p.c.as_ptr(), mode as libc::c_int) };
    Ok(Value::bool(r == 0))
}
