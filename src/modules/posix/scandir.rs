//! `scandir()` and its `DirEntry` objects. The directory is read when `scandir` is
//! called; each entry keeps the type `readdir` reported and caches its `stat`/`lstat`
//! results, as CPython's entries do.

use super::args::{self, PathOrFd};
use super::types;
use crate::modules::native_class;
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::os::unix::ffi::OsStrExt;

/// A `posix.DirEntry`.
pub struct Entry {
    name: Value,
    path: Value,
    /// The full path as bytes, for the system calls.
    raw: std::ffi::CString,
    ino: u64,
    /// The type from readdir, if it knew it.
    kind: Option<std::fs::FileType>,
    stat: PyCell<Option<Value>>,
    lstat: PyCell<Option<Value>>,
}

/// A `posix.ScandirIterator`: the entries not yet returned.
pub struct Scandir {
    entries: PyCell<Vec<Value>>,
}

/// Adds the `DirEntry` and `ScandirIterator` methods to their types.
pub fn init_types(vm: &mut Vm, entry: &ObjRef, iter: &ObjRef) {
    let m = BuiltinKind::Method;
    for (name, f) in [
        ("inode", entry_inode as crate::object::NativeFn),
        ("is_dir", entry_is_dir),
        ("is_file", entry_is_file),
        ("is_symlink", entry_is_symlink),
        ("stat", entry_stat),
        ("__fspath__", entry_fspath),
        ("__repr__", entry_repr),
    ] {
        vm.add_method(entry, name, f, m);
    }
    vm.add_getset(entry, "name", entry_name, None);
    vm.add_getset(entry, "path", entry_path, None);
    for (name, f) in [
        ("__iter__", iter_self as crate::object::NativeFn),
        ("__next__", iter_next),
        ("close", iter_close),
        ("__enter__", iter_self),
        ("__exit__", iter_exit),
    ] {
        vm.add_method(iter, name, f, m);
    }
}

/// `scandir(path='.')`.
pub fn posix_scandir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = args::bind(vm, a, "scandir", &["path"], 0)?;
    let p = super::dirs::dir_arg(vm, "scandir", a[0].as_ref())?;
    let dir = std::path::Path::new(std::ffi::OsStr::from_bytes(p.c.as_bytes()));
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => return Err(vm.os_error(&e, Some(p.given.clone()))),
    };
    let prefix = p.c.as_bytes();
    let t = types(vm).dir_entry;
    let mut entries = Vec::new();
    for e in read.flatten() {
        let name = e.file_name().as_bytes().to_vec();
        let mut full = prefix.to_vec();
        if !full.is_empty() && !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(&name);
        let Ok(raw) = std::ffi::CString::new(full.clone()) else {
            continue;
        };
        use std::os::unix::fs::DirEntryExt;
        let state = Entry {
            name: args::path_result(vm, &name, p.bytes),
            path: args::path_result(vm, &full, p.bytes),
            raw,
            ino: e.ino(),
            kind: e.file_type().ok(),
            stat: PyCell::new(None),
            lstat: PyCell::new(None),
        };
        entries.push(Value::Obj(native_class::new_instance(vm, &t, state)));
    }
    entries.reverse();
    let it = types(vm).scandir_iterator;
    let state = Scandir {
        entries: PyCell::new(entries),
    };
    Ok(Value::Obj(native_class::new_instance(vm, &it, state)))
}

fn this<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a Entry> {
    native_class::this::<Entry>(vm, a, method, "posix.DirEntry")
}

fn entry_name(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(this(vm, &a, "name")?.name.clone())
}

fn entry_path(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(this(vm, &a, "path")?.path.clone())
}

fn entry_fspath(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(this(vm, &a, "__fspath__")?.path.clone())
}

fn entry_inode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &a, "inode")?.ino as i64))
}

fn entry_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = this(vm, &a, "__repr__")?;
    let name = e.name.clone();
    let r = vm.repr(&name)?;
    Ok(vm.new_str(&format!("<DirEntry {r}>")))
}

/// The entry's stat result (following symlinks or not), cached.
fn cached_stat(vm: &mut Vm, e: &Entry, follow: bool) -> PyResult<Value> {
    let cell = if follow { &e.stat } else { &e.lstat };
    if let Some(v) = cell.get() {
        return Ok(v);
    }
    let p = args::PathArg {
        c: e.raw.clone(),
        bytes: false,
        given: e.path.clone(),
    };
    let v = super::stat::stat_of(vm, &PathOrFd::Path(p), follow)?;
    cell.replace(Some(v.clone()));
    Ok(v)
}

fn follow_arg(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<bool> {
    let a = native_class::bind(vm, a, name, &["follow_symlinks"], 0, true)?;
    args::flag(vm, &a[0], true)
}

/// Whether the entry's file has the type `mode_bits` (S_IFDIR, S_IFREG).
fn is_kind(vm: &mut Vm, a: Args<'_>, name: &str, mode_bits: u32) -> PyResult<Value> {
    let e = this(vm, &a, name)?;
    let follow = follow_arg(vm, a, name)?;
    let is_link = e.kind.is_some_and(|k| k.is_symlink());
    if let Some(k) = e.kind.filter(|_| !(follow && is_link)) {
        let yes = if mode_bits == libc::S_IFDIR {
            k.is_dir()
        } else {
            k.is_file()
        };
        return Ok(Value::bool(yes));
    }
    match cached_stat(vm, e, follow) {
        Ok(st) => {
            let mode = match st.payload() {
                Some(crate::object::Payload::Tuple(t)) => match t.first() {
                    Some(Value::Int(m)) => *m as u32,
                    _ => 0,
                },
                _ => 0,
            };
            Ok(Value::bool(mode & libc::S_IFMT == mode_bits))
        }
        Err(err) if is_not_found(vm, &err) => Ok(Value::Bool(Truth::False)),
        Err(err) => Err(err),
    }
}

fn entry_is_dir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_kind(vm, a, "is_dir", libc::S_IFDIR)
}

fn entry_is_file(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    is_kind(vm, a, "is_file", libc::S_IFREG)
}

fn entry_is_symlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = this(vm, &a, "is_symlink")?;
    if let Some(k) = e.kind {
        return Ok(Value::bool(k.is_symlink()));
    }
    let st = cached_stat(vm, e, false)?;
    let mode = match st.payload() {
        Some(crate::object::Payload::Tuple(t)) => match t.first() {
            Some(Value::Int(m)) => *m as u32,
            _ => 0,
        },
        _ => 0,
    };
    Ok(Value::bool(mode & libc::S_IFMT == libc::S_IFLNK))
}

fn entry_stat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = this(vm, &a, "stat")?;
    let follow = follow_arg(vm, a, "stat")?;
    let is_link = e.kind.is_some_and(|k| k.is_symlink());
    cached_stat(vm, e, follow && (is_link || e.kind.is_none()))
}

fn iter_state<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Scandir> {
    native_class::this::<Scandir>(vm, a, "__next__", "posix.ScandirIterator")
}

fn iter_self(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    iter_state(vm, &a)?;
    Ok(a.values[0].clone())
}

fn iter_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = iter_state(vm, &a)?;
    let next = s.entries.with_mut(|v| v.pop());
    next.ok_or_else(|| native_class::stop(vm))
}

fn iter_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = iter_state(vm, &a)?;
    s.entries.with_mut(|v| v.clear());
    Ok(Value::None)
}

fn iter_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    iter_close(vm, a)?;
    Ok(Value::Bool(Truth::False))
}

/// Whether `err` is a FileNotFoundError (a vanished entry is no directory and no file).
fn is_not_found(vm: &Vm, err: &crate::vm::PyErr) -> bool {
    vm.types
        .exc
        .all
        .iter()
        .find(|(n, _)| *n == "FileNotFoundError")
        .is_some_and(|(_, c)| vm.is_instance_of_class(&err.0, c))
}
