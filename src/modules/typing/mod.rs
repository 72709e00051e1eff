//! The native `_typing` module (3.12+): the classes `typing.py` imports from C —
//! `TypeVar`, `ParamSpec`, `TypeVarTuple` (`typevar.rs`), `ParamSpecArgs`,
//! `ParamSpecKwargs`, `TypeAliasType`, `Generic`, 3.13's `NoDefault` (`alias.rs`) — and
//! `_idfunc`; plus the entry points the PEP 695 intrinsics (`class C[T]`, `def f[T]`,
//! `type A = ...`) call, which make these objects without `typing` being imported.
//!
//! As in CPython (Objects/typevarobject.c), much of the behaviour calls back into
//! `typing.py` (`_type_check`, `_make_union`, `_typevar_subst`, `_generic_class_getitem`,
//! `_generic_init_subclass`, `_GenericAlias`...), importing it on first use; the types
//! themselves are made once per interpreter thread. Bounds, constraints, defaults and
//! alias values written with PEP 695 syntax are functions evaluated on first access.

mod alias;
mod typevar;

pub use alias::{make_type_alias, subscript_generic};
pub use typevar::{make_param, set_default, ParamKind};

use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// The module's classes and the `NoDefault` marker (Null before 3.13).
struct Types {
    typevar: ObjRef,
    paramspec: ObjRef,
    typevartuple: ObjRef,
    paramspec_args: ObjRef,
    paramspec_kwargs: ObjRef,
    type_alias: ObjRef,
    generic: ObjRef,
    no_default: Value,
}

thread_local! {
    static TYPES: RefCell<Option<Rc<Types>>> = const { RefCell::new(None) };
}

/// `_typing`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let t = types(vm)?;
    let m = vm.new_module("_typing");
    let f = vm.new_builtin("_idfunc", idfunc, BuiltinKind::Function, None);
    vm.module_set(&m, "_idfunc", f);
    let entries = [
        ("TypeVar", &t.typevar),
        ("ParamSpec", &t.paramspec),
        ("TypeVarTuple", &t.typevartuple),
        ("ParamSpecArgs", &t.paramspec_args),
        ("ParamSpecKwargs", &t.paramspec_kwargs),
        ("TypeAliasType", &t.type_alias),
        ("Generic", &t.generic),
    ];
    for (name, cls) in entries {
        vm.module_set(&m, name, Value::Obj(cls.clone()));
    }
    if !t.no_default.is_null() {
        vm.module_set(&m, "NoDefault", t.no_default.clone());
    }
    Ok(m)
}

/// The module's classes, made on first use.
fn types(vm: &mut Vm) -> PyResult<Rc<Types>> {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return Ok(t);
    }
    let (typevar, paramspec, typevartuple) = typevar::make_param_types(vm);
    let (paramspec_args, paramspec_kwargs) = typevar::make_paramspec_attr_types(vm);
    let type_alias = alias::make_type_alias_type(vm);
    let generic = alias::make_generic(vm)?;
    let no_default = if crate::vm::flavour::type_params_have_defaults(vm.version) {
        alias::make_no_default(vm)
    } else {
        Value::Null
    };
    let t = Rc::new(Types {
        typevar,
        paramspec,
        typevartuple,
        paramspec_args,
        paramspec_kwargs,
        type_alias,
        generic,
        no_default,
    });
    TYPES.with(|slot| *slot.borrow_mut() = Some(t.clone()));
    Ok(t)
}

/// `_idfunc(x)`: `x` (what `NewType` instances call).
fn idfunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::arity::no_kwargs(vm, &args, "_idfunc")?;
    match args.pos() {
        [x] => Ok(x.clone()),
        a => Err(vm.type_error(&format!(
            "_idfunc() takes exactly one argument ({} given)",
            a.len()
        ))),
    }
}

/// Calls `typing.<name>(*args)`, importing `typing` if needed.
fn call_typing(vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult<Value> {
    let typing = vm.import_absolute("typing")?;
    let n = vm.intern(name);
    let f = vm.get_attr(&typing, &n)?;
    vm.call(&f, args)
}

/// The name of the module whose code is calling the running builtin (CPython's
/// `caller()`: the calling function's `__module__`), if there is one.
fn caller_module(vm: &mut Vm) -> Option<Value> {
    let globals = vm.caller_frame()?.globals.clone();
    let key = vm.names.__name__.clone();
    vm.dict_get_name(&globals, &key)
}

/// Adds methods of one kind to a class.
fn add_methods(vm: &mut Vm, t: &ObjRef, methods: &[(&'static str, NativeFn)], kind: BuiltinKind) {
    for (name, f) in methods {
        vm.add_method(t, name, *f, kind);
    }
}

/// Sets `name` in a class's namespace.
fn set_class_attr(vm: &mut Vm, t: &ObjRef, name: &str, value: Value) {
    let key = Value::Obj(vm.intern(name));
    let dict = vm.type_data(t).dict.clone();
    let _ = vm.dict_set(&dict, key, value);
}

/// Whether `v` is a tuple.
fn is_tuple(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Tuple(_)))
}

/// Whether `v` is a `TypeAliasType` (which `|` accepts in a `types.UnionType`).
pub fn is_type_alias(v: &Value) -> bool {
    crate::modules::native_class::state_of::<alias::TypeAlias>(v).is_some()
}
