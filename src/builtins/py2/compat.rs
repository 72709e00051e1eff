//! Smaller Python 2 differences of the builtins: `StandardError` between `Exception` and
//! most builtin exceptions (all of them in the module `exceptions`), the `func_*` and
//! `im_*` names of function and method attributes, `buffer`, `file`, `coerce`,
//! `sys.py3kwarning`.

use crate::object::Truth;
use crate::object::{Args, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The builtin exceptions whose base is `StandardError` in Python 2.
const UNDER_STANDARD_ERROR: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "EnvironmentError",
    "OSError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "ReferenceError",
    "RuntimeError",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
];

/// Adds `StandardError` and names every builtin exception's module `exceptions`.
fn install_exceptions(vm: &mut Vm) {
    let exception = vm.types.exc.exception.clone();
    let meta = vm.types.type_.clone();
    let ns = vm.new_dict();
    let Ok(standard) = vm.new_class(
        &meta,
        "StandardError",
        vec![exception],
        &ns,
        Args::positional(&[]),
    ) else {
        return;
    };
    let all: Vec<(&'static str, ObjRef)> = vm.types.exc.all.clone();
    for (name, cls) in &all {
        if UNDER_STANDARD_ERROR.contains(name) {
            let bases = vm.type_data(cls).bases.get();
            if bases
                .first()
                .is_some_and(|b| Rc::ptr_eq(b, &vm.types.exc.exception))
            {
                vm.type_data(cls).bases.replace(vec![standard.clone()]);
            }
        }
    }
    // Every MRO is the class and its base's MRO (single inheritance): recompute them,
    // bases first (the list is in definition order).
    let mut all_classes: Vec<ObjRef> = all.iter().map(|(_, c)| c.clone()).collect();
    all_classes.insert(0, standard.clone());
    for _ in 0..4 {
        for cls in &all_classes {
            let bases = vm.type_data(cls).bases.get();
            let mut mro = vec![cls.clone()];
            if let Some(b) = bases.first() {
                mro.extend(vm.type_data(b).mro.get());
            }
            vm.type_data(cls).mro.replace(mro);
        }
    }
    let module_key = Value::Obj(vm.names.__module__.clone());
    let exceptions = vm.new_str("exceptions");
    for cls in &all_classes {
        let dict = vm.type_data(cls).dict.clone();
        let _ = vm.dict_set(&dict, module_key.clone(), exceptions.clone());
    }
    super::set_builtin(vm, "StandardError", Value::Obj(standard));
}

/// Gives a type's attribute `from` a second name `to`.
fn alias(vm: &mut Vm, t: &ObjRef, from: &str, to: &str) {
    let dict = vm.type_data(t).dict.clone();
    let key = Value::Obj(vm.intern(from));
    if let Ok(Some(v)) = vm.dict_get(&dict, &key) {
        let new = Value::Obj(vm.intern(to));
        let _ = vm.dict_set(&dict, new, v);
    }
}

/// `coerce(x, y)`: both numbers converted to a common type.
fn coerce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("coerce expected 2 arguments"));
    };
    let is_float =
        |v: &Value| matches!(v, Value::Float(_)) || matches!(v.payload(), Some(Payload::Float(_)));
    let is_int = |v: &Value| {
        matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)))
    };
    let (a, b) = (a.clone(), b.clone());
    if (is_float(&a) || is_int(&a)) && (is_float(&b) || is_int(&b)) {
        if is_float(&a) || is_float(&b) {
            let fa = crate::builtins::float::float_from_value(vm, &a)?;
            let fb = crate::builtins::float::float_from_value(vm, &b)?;
            return Ok(vm.new_tuple(vec![Value::float(fa), Value::float(fb)]));
        }
        let la = super::long::is_long(vm, &a);
        let lb = super::long::is_long(vm, &b);
        if la || lb {
            let a = super::long::to_long(vm, a);
            let b = super::long::to_long(vm, b);
            return Ok(vm.new_tuple(vec![a, b]));
        }
        return Ok(vm.new_tuple(vec![a, b]));
    }
    Err(vm.type_error("number coercion failed"))
}

pub fn install(vm: &mut Vm) {
    install_exceptions(vm);
    let f = vm.types.function.clone();
    for (py3, py2) in [
        ("__code__", "func_code"),
        ("__globals__", "func_globals"),
        ("__defaults__", "func_defaults"),
        ("__closure__", "func_closure"),
        ("__name__", "func_name"),
        ("__doc__", "func_doc"),
        ("__dict__", "func_dict"),
    ] {
        alias(vm, &f, py3, py2);
    }
    let memoryview = Value::Obj(vm.types.extra.memoryview.clone());
    super::set_builtin(vm, "buffer", memoryview);
    let (builtins, name) = (vm.builtins.clone(), vm.intern("open"));
    let open = vm.dict_get_name(&builtins, &name);
    if let Some(open) = open {
        super::set_builtin(vm, "file", open);
    }
    vm.add_builtin("coerce", coerce);
}

/// `sys` attributes only Python 2 has.
pub fn adjust_sys(vm: &mut Vm, sys: &ObjRef) {
    vm.module_set(sys, "py3kwarning", Value::Bool(Truth::False));
    vm.module_set(sys, "subversion", Value::None);
    // Modules 2.7 builds in: `operator`, and `__builtin__` (3.x's `builtins`).
    let operator = super::operator::module(vm);
    let builtins = vm.builtins_module();
    let modules = vm.imports.modules.clone();
    for (name, m) in [("operator", operator), ("__builtin__", builtins)] {
        let key = Value::Obj(vm.intern(name));
        let _ = vm.dict_set(&modules, key, Value::Obj(m));
    }
}
