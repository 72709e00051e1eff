//! The exceptions of `_socket`: OSError for failed calls, `socket.timeout` when a
//! timeout expires, and `socket.gaierror` for name-resolution failures.

use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyErr, Vm};
use std::cell::RefCell;

thread_local! {
    /// (timeout, gaierror, herror), made with the module.
    static CLASSES: RefCell<Option<[ObjRef; 3]>> = const { RefCell::new(None) };
}

/// Makes (or returns) the module's exception classes.
pub fn classes(vm: &mut Vm) -> [ObjRef; 3] {
    if let Some(c) = CLASSES.with(|c| c.borrow().clone()) {
        return c;
    }
    let os_error = vm.types.exc.os_error.clone();
    let timeout = if crate::vm::flavour::socket_timeout_is_timeout_error(vm.version) {
        builtin_class(vm, "TimeoutError").unwrap_or_else(|| os_error.clone())
    } else {
        subclass(vm, "timeout", &os_error)
    };
    let gaierror = subclass(vm, "gaierror", &os_error);
    let herror = subclass(vm, "herror", &os_error);
    let c = [timeout, gaierror, herror];
    CLASSES.with(|cell| *cell.borrow_mut() = Some(c.clone()));
    c
}

fn builtin_class(vm: &Vm, name: &str) -> Option<ObjRef> {
    vm.types
        .exc
        .all
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c.clone())
}

fn subclass(vm: &mut Vm, name: &str, base: &ObjRef) -> ObjRef {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let module = vm.new_str("socket");
    let _ = vm.dict_set(&ns, key, module);
    let meta = vm.types.type_.clone();
    vm.new_class(&meta, name, vec![base.clone()], &ns, Args::positional(&[]))
        .unwrap_or_else(|_| base.clone())
}

/// The calling thread's errno.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// OSError for the last errno.
pub fn last(vm: &mut Vm) -> PyErr {
    vm.last_os_error()
}

/// `socket.timeout('timed out')`.
pub fn timeout(vm: &mut Vm) -> PyErr {
    let [t, _, _] = classes(vm);
    vm.new_exception(&t, "timed out")
}

/// `socket.gaierror(code, text)` for a getaddrinfo error code.
pub fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return last(vm);
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let [_, g, _] = classes(vm);
    let args = vm.new_tuple(vec![Value::Int(code as i64), vm.new_str(&text)]);
    match vm.call(
        &Value::Obj(g),
        Args::positional(&[Value::Int(code as i64), vm.new_str(&text)]),
    ) {
        Ok(Value::Obj(o)) => PyErr(o),
        _ => vm.new_exception_args(&vm.types.exc.os_error.clone(), args),
    }
}
