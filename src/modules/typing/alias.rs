//! `TypeAliasType` (the `type` statement and its class), `Generic` (whose subscription
//! and subclassing are written in `typing.py`), 3.13's `NoDefault` marker, and
//! INTRINSIC_SUBSCRIPT_GENERIC (the implicit `Generic[T]` base of `class C[T]`).

use super::typevar::{is_typevartuple, unpack};
use super::{add_methods, call_typing, caller_module, is_tuple, types};
use crate::builtins::arity::{self, KwStyle};
use crate::modules::native_class::{self, state_of};
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};

/// The state of a type alias. `type_params` is Null for a non-generic alias; `value` is
/// Null until the lazily computed value (the `type` statement's function) is asked for.
pub struct TypeAlias {
    name: Value,
    type_params: Value,
    compute_value: Value,
    value: PyCell<Value>,
}

/// The `NoDefault` singleton's state.
struct NoDefault;

pub(super) fn make_type_alias_type(vm: &mut Vm) -> ObjRef {
    let t = vm.new_native_type("typing.TypeAliasType", false);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", |vm, a| Ok(alias(vm, &a)?.name.clone())),
        ("__reduce__", |vm, a| Ok(alias(vm, &a)?.name.clone())),
        ("__getitem__", alias_getitem),
        ("__or__", |vm, a| alias_or(vm, a, false)),
        ("__ror__", |vm, a| alias_or(vm, a, true)),
    ];
    add_methods(vm, &t, methods, BuiltinKind::Method);
    vm.add_method(&t, "__new__", alias_new, BuiltinKind::StaticMethod);
    let getters: &[(&'static str, NativeFn)] = &[
        ("__name__", |vm, a| Ok(alias(vm, &a)?.name.clone())),
        ("__value__", alias_value),
        ("__type_params__", |vm, a| {
            let p = alias(vm, &a)?.type_params.clone();
            Ok(if p.is_null() { vm.new_tuple(vec![]) } else { p })
        }),
        ("__parameters__", alias_parameters),
    ];
    for (name, f) in getters {
        vm.add_getset(&t, name, *f, None);
    }
    t
}

fn alias<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a TypeAlias> {
    args.values
        .first()
        .and_then(state_of::<TypeAlias>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'typing.TypeAliasType' object"))
}

fn new_alias_object(vm: &mut Vm, state: TypeAlias, module: Option<Value>) -> PyResult<Value> {
    let cls = types(vm)?.type_alias.clone();
    let o = Object::with_dict(cls, Payload::Other(Box::new(state)));
    if let (Some(m), Some(dict)) = (module, vm.ensure_instance_dict(&o)) {
        let key = Value::Obj(vm.names.__module__.clone());
        vm.dict_set(&dict, key, m)?;
    }
    Ok(Value::Obj(o))
}

/// INTRINSIC_TYPEALIAS: `args` is `(name, type_params or None, compute_value)`; the
/// alias's module is the defining function's.
pub fn make_type_alias(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let items = match args.payload() {
        Some(Payload::Tuple(t)) if t.len() == 3 => t.to_vec(),
        _ => return Err(vm.system_error("INTRINSIC_TYPEALIAS expects a 3-tuple")),
    };
    let [name, type_params, compute_value] = <[Value; 3]>::try_from(items)
        .map_err(|_| vm.system_error("INTRINSIC_TYPEALIAS expects a 3-tuple"))?;
    let type_params = match type_params.payload() {
        Some(Payload::Tuple(t)) if !t.is_empty() => type_params.clone(),
        _ => Value::Null,
    };
    let module = match compute_value.payload() {
        Some(Payload::Function(f)) => Some(f.module.get()),
        _ => None,
    };
    let state = TypeAlias {
        name,
        type_params,
        compute_value,
        value: PyCell::new(Value::Null),
    };
    new_alias_object(vm, state, module)
}

/// `TypeAliasType(name, value, *, type_params=())`.
fn alias_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let style = KwStyle {
        clinic: true,
        vectorcall: false,
    };
    let params = ["name", "value", "type_params"];
    let pos = &args.pos()[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "typealias() takes at most 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let b = arity::bind_kw_styled(vm, "typealias", pos, &args, &params, 2, style)?;
    let name = b[0].clone().unwrap_or(Value::None);
    if name.as_str().is_none() {
        let tn = vm.type_name(&name);
        return Err(vm.type_error(&format!(
            "typealias() argument 'name' must be str, not {tn}"
        )));
    }
    let value = b[1].clone().unwrap_or(Value::None);
    let type_params = match b[2].clone() {
        None => Value::Null,
        Some(p) if !is_tuple(&p) => {
            return Err(vm.type_error("type_params must be a tuple"));
        }
        Some(p) => p,
    };
    let type_params = check_type_params(type_params);
    let module = caller_module(vm);
    let state = TypeAlias {
        name,
        type_params,
        compute_value: Value::Null,
        value: PyCell::new(value),
    };
    new_alias_object(vm, state, module)
}

/// An empty tuple counts as none. (3.13.0 does not yet check that parameters with
/// defaults come last here.)
fn check_type_params(type_params: Value) -> Value {
    match type_params.payload() {
        Some(Payload::Tuple(t)) if !t.is_empty() => type_params,
        _ => Value::Null,
    }
}

/// `__value__`: computed on first access for a `type` statement.
fn alias_value(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = alias(vm, &args)?;
    let v = a.value.get();
    if !v.is_null() {
        return Ok(v);
    }
    let v = vm.call(&a.compute_value.clone(), Args::positional(&[]))?;
    drop(a.value.replace(v.clone()));
    Ok(v)
}

/// `__parameters__`: the type parameters with each TypeVarTuple unpacked.
fn alias_parameters(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = alias(vm, &args)?.type_params.clone();
    if p.is_null() {
        return Ok(vm.new_tuple(vec![]));
    }
    unpack_typevartuples(vm, &p)
}

/// `params` with each TypeVarTuple `Ts` replaced by `typing.Unpack[Ts]`.
fn unpack_typevartuples(vm: &mut Vm, params: &Value) -> PyResult<Value> {
    let items = vm.collect(params)?;
    if !items.iter().any(is_typevartuple) {
        return Ok(params.clone());
    }
    let mut out = Vec::with_capacity(items.len());
    for p in items {
        out.push(if is_typevartuple(&p) {
            unpack(vm, &p)?
        } else {
            p
        });
    }
    Ok(vm.new_tuple(out))
}

/// `Alias[args]`: a `types.GenericAlias` over the alias (only for generic aliases).
fn alias_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = alias(vm, &args)?;
    if a.type_params.is_null() {
        return Err(vm.type_error("Only generic type aliases are subscriptable"));
    }
    let [this, item] = args.pos() else {
        return Err(vm.type_error("__getitem__ expected 1 argument"));
    };
    Ok(crate::builtins::typing::new_alias(
        vm,
        this.clone(),
        item.clone(),
    ))
}

/// `Alias | x` and `x | Alias`: a `types.UnionType`.
fn alias_or(vm: &mut Vm, args: Args<'_>, reflected: bool) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (a, b) = if reflected { (b, a) } else { (a, b) };
    crate::builtins::typing::union_of(vm, a, b)
}

/// `typing.Generic`: a class with `__class_getitem__` and `__init_subclass__` that call
/// `typing._generic_class_getitem` and `typing._generic_init_subclass`.
pub(super) fn make_generic(vm: &mut Vm) -> PyResult<ObjRef> {
    let t = native_class::new_class(vm, "typing", "Generic", vec![], &[])?;
    let methods: &[(&'static str, NativeFn)] = &[
        ("__class_getitem__", |vm, a| {
            call_typing(vm, "_generic_class_getitem", a)
        }),
        ("__init_subclass__", |vm, a| {
            call_typing(vm, "_generic_init_subclass", a)
        }),
    ];
    add_methods(vm, &t, methods, BuiltinKind::ClassMethod);
    Ok(t)
}

/// INTRINSIC_SUBSCRIPT_GENERIC: `typing._GenericAlias(Generic, params)`, the base
/// `class C[T]` gets.
pub fn subscript_generic(vm: &mut Vm, params: &Value) -> PyResult<Value> {
    let generic = Value::Obj(types(vm)?.generic.clone());
    let params = unpack_typevartuples(vm, params)?;
    call_typing(vm, "_GenericAlias", Args::positional(&[generic, params]))
}

/// `typing.NoDefault` (3.13), of the class `NoDefaultType`.
pub(super) fn make_no_default(vm: &mut Vm) -> Value {
    let t = vm.new_native_type("NoDefaultType", false);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__repr__", |vm, _| Ok(vm.new_str("typing.NoDefault"))),
        ("__reduce__", |vm, _| Ok(vm.new_str("NoDefault"))),
    ];
    add_methods(vm, &t, methods, BuiltinKind::Method);
    vm.add_method(
        &t,
        "__new__",
        |vm, a| {
            if a.values.len() > 1 {
                return Err(vm.type_error("NoDefaultType takes no arguments"));
            }
            Ok(types(vm)?.no_default.clone())
        },
        BuiltinKind::StaticMethod,
    );
    Value::Obj(Object::new(t, Payload::Other(Box::new(NoDefault))))
}
