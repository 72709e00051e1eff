//! Helpers for native modules that define classes with Rust state (deque, weakref,
//! lock, the itertools iterators...): the class (a `__slots__ = ()` class whose methods
//! are builtins, with `__module__` set, subclassable from Python), instances holding
//! their state in `Payload::Other` (see `object::native`), and small argument helpers.

use crate::builtins::args::Signature;
use crate::object::{native, Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// A method table entry.
pub type Method = (&'static str, NativeFn, BuiltinKind);

/// Creates the class `module.name` with `bases` (default `object`) and the methods.
pub fn new_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    bases: Vec<ObjRef>,
    methods: &[Method],
) -> PyResult<ObjRef> {
    class_of_layout(vm, module, name, bases, methods, false)
}

/// `new_class`, for a class whose instances have a `__dict__` (`functools.partial`).
pub fn new_class_with_dict(
    vm: &mut Vm,
    module: &str,
    name: &str,
    bases: Vec<ObjRef>,
    methods: &[Method],
) -> PyResult<ObjRef> {
    class_of_layout(vm, module, name, bases, methods, true)
}

fn class_of_layout(
    vm: &mut Vm,
    module: &str,
    name: &str,
    bases: Vec<ObjRef>,
    methods: &[Method],
    instance_dict: bool,
) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let m = vm.new_str(module);
    vm.dict_set(&ns, key, m)?;
    if !instance_dict {
        let key = Value::Obj(vm.intern("__slots__"));
        let empty = vm.new_tuple(vec![]);
        vm.dict_set(&ns, key, empty)?;
    }
    let meta = vm.types.type_.clone();
    let t = vm.new_class(&meta, name, bases, &ns, Args::positional(&[]))?;
    for (n, f, kind) in methods {
        vm.add_method(&t, n, *f, *kind);
    }
    Ok(t)
}

/// A new instance of `cls` (a native class or a Python subclass of one) holding `state`.
pub fn new_instance<T: 'static>(vm: &Vm, cls: &ObjRef, state: T) -> ObjRef {
    let t = vm.type_data(cls);
    let payload = if t.slots.is_empty() {
        Payload::Other(Box::new(state))
    } else {
        let slots = t
            .slots
            .iter()
            .map(|_| crate::object::PyCell::new(Value::Null))
            .collect();
        Payload::Other(Box::new(native::WithSlots {
            state: Box::new(state),
            slots,
        }))
    };
    if t.instance_dict {
        Object::with_dict(cls.clone(), payload)
    } else {
        Object::new(cls.clone(), payload)
    }
}

/// The state of type `T` of `v`, if `v` holds one.
pub fn state_of<T: 'static>(v: &Value) -> Option<&T> {
    native::state::<T>(v.payload()?)
}

/// The first argument (`self`) as a native object of state `T`, or CPython's descriptor
/// TypeError naming `what` (`'collections.deque'`).
pub fn this<'a, T: 'static>(vm: &Vm, args: &Args<'a>, method: &str, what: &str) -> PyResult<&'a T> {
    // `self` is the first positional argument (a keyword argument never is, so the
    // methods can take their other positional arguments as `pos()[1..]`).
    match args.pos().first().and_then(|v| state_of::<T>(v)) {
        Some(s) => Ok(s),
        None => {
            let got = args
                .pos()
                .first()
                .map(|v| vm.type_name(v).to_string())
                .unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(&format!(
                "descriptor '{method}' requires a '{what}' object but received a '{got}'"
            )))
        }
    }
}

/// Binds the arguments after `self` to `params` (the first `required` needed).
pub fn bind(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    params: &[&str],
    required: usize,
    skip_self: bool,
) -> PyResult<Vec<Option<Value>>> {
    let rest = if skip_self && !args.pos().is_empty() {
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        }
    } else {
        args
    };
    Signature {
        name,
        params,
        required,
        positional_only: 0,
    }
    .bind(vm, rest)
}

/// `StopIteration` (the end of a native iterator).
pub fn stop(vm: &Vm) -> PyErr {
    vm.new_exception(&vm.types.exc.stop_iteration, "")
}

/// An `int` argument (via `__index__`), or the TypeError CPython gives.
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i as i64),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// A module with the given functions.
pub fn module_with(vm: &mut Vm, name: &str, functions: &[(&'static str, NativeFn)]) -> ObjRef {
    let m = vm.new_module(name);
    for (n, f) in functions {
        let f = vm.new_builtin(n, *f, BuiltinKind::Function, None);
        vm.module_set(&m, n, f);
    }
    m
}
