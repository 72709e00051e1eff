//! `sys.set_asyncgen_hooks` and `sys.get_asyncgen_hooks` (3.6+): the firstiter and
//! finalizer hooks an event loop installs. They are stored and returned as CPython does;
//! xpython's asynchronous generators do not call them yet.

use super::native_class::bind;
use super::structseq;
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

thread_local! {
    /// (firstiter, finalizer) and the `sys.asyncgen_hooks` type.
    static HOOKS: RefCell<(Value, Value, Option<ObjRef>)> =
        const { RefCell::new((Value::None, Value::None, None)) };
}

/// `get_asyncgen_hooks()` → `asyncgen_hooks(firstiter=..., finalizer=...)`.
pub fn get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    bind(vm, a, "get_asyncgen_hooks", &[], 0, false)?;
    let (first, fin, t) = HOOKS.with(|h| h.borrow().clone());
    let t = match t {
        Some(t) => t,
        None => {
            let t = structseq::new_type(vm, "sys", "asyncgen_hooks", &["firstiter", "finalizer"])?;
            HOOKS.with(|h| h.borrow_mut().2 = Some(t.clone()));
            t
        }
    };
    Ok(structseq::new(&t, vec![first, fin]))
}

/// `set_asyncgen_hooks(firstiter=<unchanged>, finalizer=<unchanged>)`.
pub fn set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(
        vm,
        a,
        "set_asyncgen_hooks",
        &["firstiter", "finalizer"],
        0,
        false,
    )?;
    for (v, what) in a.iter().zip(["firstiter", "finalizer"]) {
        if let Some(v) = v.as_ref().filter(|v| !v.is_none()) {
            if !crate::builtins::objects::is_callable(vm, v) {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!("callable {what} expected, got {t}")));
            }
        }
    }
    HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(v) = &a[0] {
            h.0 = v.clone();
        }
        if let Some(v) = &a[1] {
            h.1 = v.clone();
        }
    });
    Ok(Value::None)
}
