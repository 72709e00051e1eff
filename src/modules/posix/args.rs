//! Argument conversions shared by the `posix` functions: CPython's `path_t` (a str,
//! bytes, `os.PathLike` or, where allowed, a file descriptor), plain descriptors and the
//! OSError that names the path it failed on.

use crate::object::{Args, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::ffi::CString;

/// A converted path argument.
pub struct PathArg {
    /// The bytes handed to the system call.
    pub c: CString,
    /// Whether the caller passed bytes (results are then bytes too).
    pub bytes: bool,
    /// The argument as given, named in error messages.
    pub given: Value,
}

/// A `path_t` that may also be an open descriptor.
pub enum PathOrFd {
    Path(PathArg),
    Fd(libc::c_int),
}

/// What a path argument may be, for the TypeError's wording.
fn expected(allow_fd: bool, allow_none: bool) -> &'static str {
    match (allow_fd, allow_none) {
        (true, true) => "string, bytes, os.PathLike, integer or None",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (false, false) => "string, bytes or os.PathLike",
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`, whose result must be
/// str or bytes. `None` when `v` is none of these (the caller words the error).
pub fn fspath_opt(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if v.as_str().is_some() || matches!(v.payload(), Some(Payload::Bytes(_))) {
        return Ok(Some(v.clone()));
    }
    let name = vm.intern("__fspath__");
    let Some(r) = vm.call_special(v, &name, &[])? else {
        return Ok(None);
    };
    if r.as_str().is_some() || matches!(r.payload(), Some(Payload::Bytes(_))) {
        return Ok(Some(r));
    }
    let (t, rt) = (vm.type_name(v).to_string(), vm.type_name(&r).to_string());
    Err(vm.type_error(&format!(
        "expected {t}.__fspath__() to return str or bytes, not {rt}"
    )))
}

/// A path argument of function `func`.
pub fn path(vm: &mut Vm, func: &str, v: &Value, allow_fd: bool) -> PyResult<PathOrFd> {
    if allow_fd {
        if let Value::Int(i) = v {
            return Ok(PathOrFd::Fd(fd_value(vm, *i)?));
        }
    }
    let Some(p) = fspath_opt(vm, v)? else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "{func}: path should be {}, not {t}",
            expected(allow_fd, false)
        )));
    };
    let (raw, bytes) = match (p.as_str(), p.payload()) {
        (Some(s), _) => (s.as_str().as_bytes().to_vec(), false),
        (None, Some(Payload::Bytes(b))) => (b.to_vec(), true),
        _ => (Vec::new(), false),
    };
    let Ok(c) = CString::new(raw) else {
        return Err(vm.value_error(&format!("{func}: embedded null character in path")));
    };
    Ok(PathOrFd::Path(PathArg {
        c,
        bytes,
        given: v.clone(),
    }))
}

/// A path argument that cannot be a descriptor.
pub fn path_only(vm: &mut Vm, func: &str, v: &Value) -> PyResult<PathArg> {
    match path(vm, func, v, false)? {
        PathOrFd::Path(p) => Ok(p),
        PathOrFd::Fd(_) => Err(vm.type_error(&format!("{func}: path should be a path"))),
    }
}

fn fd_value(vm: &mut Vm, i: i64) -> PyResult<libc::c_int> {
    libc::c_int::try_from(i).map_err(|_| {
        let c = vm.types.exc.overflow_error.clone();
        vm.new_exception(
            &c,
            if i < 0 {
                "fd is less than minimum"
            } else {
                "fd is greater than maximum"
            },
        )
    })
}

/// A file-descriptor argument (an int, or anything with `__index__`).
pub fn fd(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let i = super::super::native_class::int_arg(vm, v)?;
    fd_value(vm, i)
}

/// An int argument.
pub fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    super::super::native_class::int_arg(vm, v)
}

/// Binds `args` to `params` (the first `required` needed), as CPython's Argument Clinic.
pub fn bind(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    super::super::native_class::bind(vm, args, name, params, required, false)
}

/// Fails unless an optional `dir_fd` argument is absent or None (no `*at` calls here).
pub fn no_dir_fd(vm: &mut Vm, v: &Option<Value>, func: &str) -> PyResult<()> {
    match v {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(vm.new_exception(
            &vm.types.exc.not_implemented_error.clone(),
            &format!("{func}: dir_fd unavailable on this platform"),
        )),
    }
}

/// The truth of an optional flag argument.
pub fn flag(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

/// The calling thread's errno.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// OSError for the last errno, naming `path` when given.
pub fn error_for(vm: &mut Vm, path: Option<&PathArg>) -> PyErr {
    let e = std::io::Error::last_os_error();
    vm.os_error(&e, path.map(|p| p.given.clone()))
}

/// OSError for the last errno naming both paths (`'a' -> 'b'`).
pub fn error_for_two(vm: &mut Vm, a: &PathArg, b: &PathArg) -> PyErr {
    let code = errno();
    let text = strerror_text(code);
    let class = Value::Obj(vm.types.exc.os_error.clone());
    let args = [
        Value::Int(code as i64),
        vm.new_str(&text),
        a.given.clone(),
        Value::None,
        b.given.clone(),
    ];
    match vm.call(&class, Args::positional(&args)) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => vm.system_error("OSError() did not make an exception"),
        Err(e) => e,
    }
}

/// The C library's text for an errno value, as `os.strerror` gives it.
pub fn strerror_text(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated static or thread-local
    // buffer, valid until the next strerror call on this thread; it is copied at once.
    unsafe {
        let p = libc::strerror(code);
        if p.is_null() {
            return format!("Unknown error {code}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// `-1` from a system call becomes the OSError of its errno (naming `path`), retrying
/// when a signal interrupted it, after running the Python signal handlers (PEP 475).
pub fn check<T: PartialOrd + From<i8> + Copy>(
    vm: &mut Vm,
    path: Option<&PathArg>,
    mut call: impl FnMut() -> T,
) -> PyResult<T> {
    loop {
        let r = call();
        if r >= T::from(0) {
            return Ok(r);
        }
        if errno() == libc::EINTR {
            crate::modules::signal::run_pending(vm)?;
            continue;
        }
        return Err(error_for(vm, path));
    }
}

/// A result path of the same kind (str or bytes) as the argument that produced it.
pub fn path_result(vm: &Vm, raw: &[u8], bytes: bool) -> Value {
    if bytes {
        crate::builtins::bytes::new_bytes(vm, raw.to_vec())
    } else {
        vm.new_str(&String::from_utf8_lossy(raw))
    }
}
