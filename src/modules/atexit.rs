//! The native `atexit` module: functions registered to run when the interpreter exits,
//! last registered first, after the main program (and its traceback, if it failed) and
//! before the main module's namespace is torn down — where CPython's `Py_FinalizeEx`
//! calls them.
//!
//! An exception in a callback does not stop the others. Up to 3.9 it is printed as
//! "Error in atexit._run_exitfuncs:" and a traceback (SystemExit silently), and an explicit
//! `atexit._run_exitfuncs()` re-raises the last one; from 3.10 it is reported as an
//! unraisable exception naming the callback (see `messages::atexit_callback_failed`).

use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// One registration: the callable, then its positional and keyword argument values,
/// and the keyword names (the layout `Args` reads).
struct Callback {
    func: Value,
    values: Vec<Value>,
    kwnames: Vec<Value>,
}

thread_local! {
    /// The registrations, in order; an unregistered one leaves an empty slot (which
    /// `_ncallbacks` still counts, as CPython's does until `_clear`).
    static CALLBACKS: RefCell<Vec<Option<Callback>>> = const { RefCell::new(Vec::new()) };
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("register", atexit_register),
    ("unregister", atexit_unregister),
    ("_run_exitfuncs", atexit_run_exitfuncs),
    ("_clear", atexit_clear),
    ("_ncallbacks", atexit_ncallbacks),
];

/// `atexit`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("atexit");
    for (name, f) in FUNCTIONS {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    Ok(m)
}

/// Runs the registered callbacks at interpreter exit (a no-op when none were registered).
pub fn run_at_exit(vm: &mut Vm) {
    let _ = run_callbacks(vm);
}

/// Runs and forgets every callback, newest first. Returns the last exception a callback
/// raised, which only the ≤3.9 `_run_exitfuncs` hands back to its caller.
fn run_callbacks(vm: &mut Vm) -> Option<PyErr> {
    let callbacks = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    let mut last = None;
    for cb in callbacks.into_iter().rev().flatten() {
        let args = Args {
            values: &cb.values,
            kwnames: &cb.kwnames,
        };
        if let Err(e) = vm.call(&cb.func, args) {
            report(vm, &e, &cb.func);
            last = Some(e);
        }
    }
    last
}

/// Prints a callback's exception the way the running version does.
fn report(vm: &mut Vm, e: &PyErr, func: &Value) {
    let system_exit = vm.types.exc.system_exit.clone();
    let is_exit = vm.is_instance_of_class(&e.0, &system_exit);
    let ver = vm.version.format.major_minor;
    let what = vm
        .repr(func)
        .unwrap_or_else(|_| "<object repr() failed>".into());
    if let Some(header) = crate::vm::messages::atexit_callback_failed(ver, &what, is_exit) {
        vm.write_unraisable_with_header(e, &header);
    }
}

fn atexit_register(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(func) = pos.first() else {
        return Err(vm.type_error(&format!(
            "register() takes at least 1 argument ({} given)",
            pos.len()
        )));
    };
    if !crate::builtins::objects::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let cb = Callback {
        func: func.clone(),
        values: args.values[1..].to_vec(),
        kwnames: args.kwnames.to_vec(),
    };
    CALLBACKS.with(|c| c.borrow_mut().push(Some(cb)));
    Ok(func.clone())
}

fn atexit_unregister(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [func] = exact_args::<1>(vm, &args, "unregister")?;
    // Compare outside the borrow: `==` may run Python code, which may register more.
    let count = CALLBACKS.with(|c| c.borrow().len());
    for i in 0..count {
        let Some(candidate) = CALLBACKS.with(|c| {
            c.borrow()
                .get(i)
                .and_then(|slot| slot.as_ref().map(|cb| cb.func.clone()))
        }) else {
            continue;
        };
        if vm.eq(&candidate, &func)? {
            let removed = CALLBACKS.with(|c| c.borrow_mut().get_mut(i).and_then(Option::take));
            drop(removed);
        }
    }
    Ok(Value::None)
}

fn atexit_run_exitfuncs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_args::<0>(vm, &args, "_run_exitfuncs")?;
    match run_callbacks(vm) {
        Some(e) if crate::vm::flavour::atexit_run_reraises(vm.version) => Err(e),
        _ => Ok(Value::None),
    }
}

fn atexit_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_args::<0>(vm, &args, "_clear")?;
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    Ok(Value::None)
}

fn atexit_ncallbacks(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exact_args::<0>(vm, &args, "_ncallbacks")?;
    Ok(Value::Int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

/// The arguments of a `METH_O` (one) or `METH_NOARGS` (none) function, with CPython's
/// count errors (the name qualified by the module from 3.9).
fn exact_args<const N: usize>(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<[Value; N]> {
    let ver = vm.version.format.major_minor;
    let qualified = crate::vm::messages::module_function_name(ver, "atexit", name);
    if args.kwnames.is_empty() {
        if let Ok(values) = <[Value; N]>::try_from(args.pos().to_vec()) {
            return Ok(values);
        }
    } else if N == 1 {
        return Err(vm.type_error(&format!("{qualified}() takes no keyword arguments")));
    }
    let given = args.values.len();
    Err(vm.type_error(&if N == 0 {
        format!("{qualified}() takes no arguments ({given} given)")
    } else {
        format!("{qualified}() takes exactly one argument ({given} given)")
    }))
}
