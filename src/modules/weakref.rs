//! `_weakref`: weak references (`ref`, `proxy`), `getweakrefcount`, `getweakrefs` and
//! `_remove_dead_weakref`. The object-model side (clearing at death, callbacks) is
//! `object::weakref`; `weakref.py` and `_weakrefset.py` build the rest in Python.

use super::native_class::{bind, new_class, new_instance, state_of, Method};
use crate::object::weakref::{self as wr, WeakKind, WeakRefData};
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyCell, Value};
use crate::vm::{flavour, PyErr, PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

const REF_METHODS: &[Method] = &[
    ("__new__", ref_new, BuiltinKind::StaticMethod),
    ("__init__", |_, _| Ok(Value::None), BuiltinKind::Method),
    ("__call__", ref_call, BuiltinKind::Method),
    ("__hash__", ref_hash, BuiltinKind::Method),
    (
        "__eq__",
        |vm, a| ref_compare(vm, a, true),
        BuiltinKind::Method,
    ),
    (
        "__ne__",
        |vm, a| ref_compare(vm, a, false),
        BuiltinKind::Method,
    ),
    ("__repr__", ref_repr, BuiltinKind::Method),
];

const PROXY_METHODS: &[Method] = &[
    ("__getattribute__", proxy_getattr, BuiltinKind::Method),
    ("__setattr__", proxy_setattr, BuiltinKind::Method),
    ("__delattr__", proxy_delattr, BuiltinKind::Method),
    ("__repr__", ref_repr, BuiltinKind::Method),
    (
        "__str__",
        |vm, a| {
            let o = referent(vm, &a)?;
            let s = vm.str(&o)?;
            Ok(vm.new_str(&s))
        },
        BuiltinKind::Method,
    ),
    (
        "__bool__",
        |vm, a| {
            let o = referent(vm, &a)?;
            Ok(Value::bool(vm.truthy(&o)?))
        },
        BuiltinKind::Method,
    ),
    (
        "__len__",
        |vm, a| {
            let o = referent(vm, &a)?;
            Ok(Value::Int(vm.len(&o)? as i64))
        },
        BuiltinKind::Method,
    ),
    (
        "__iter__",
        |vm, a| {
            let o = referent(vm, &a)?;
            vm.get_iter(&o)
        },
        BuiltinKind::Method,
    ),
    (
        "__next__",
        |vm, a| {
            let o = referent(vm, &a)?;
            vm.next_or_stop(&o)
        },
        BuiltinKind::Method,
    ),
    (
        "__getitem__",
        |vm, a| {
            let o = referent(vm, &a)?;
            vm.getitem(&o, &arg(&a, 1))
        },
        BuiltinKind::Method,
    ),
    (
        "__setitem__",
        |vm, a| {
            let o = referent(vm, &a)?;
            vm.setitem(&o, arg(&a, 1), arg(&a, 2))?;
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
    (
        "__delitem__",
        |vm, a| {
            let o = referent(vm, &a)?;
            vm.delitem(&o, &arg(&a, 1))?;
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
    (
        "__contains__",
        |vm, a| {
            let o = referent(vm, &a)?;
            let name = vm.intern("__contains__");
            vm.call_method(&o, &name, &[arg(&a, 1)])
        },
        BuiltinKind::Method,
    ),
    (
        "__eq__",
        |vm, a| proxy_cmp(vm, a, "__eq__"),
        BuiltinKind::Method,
    ),
    (
        "__ne__",
        |vm, a| proxy_cmp(vm, a, "__ne__"),
        BuiltinKind::Method,
    ),
    (
        "__lt__",
        |vm, a| proxy_cmp(vm, a, "__lt__"),
        BuiltinKind::Method,
    ),
    (
        "__le__",
        |vm, a| proxy_cmp(vm, a, "__le__"),
        BuiltinKind::Method,
    ),
    (
        "__gt__",
        |vm, a| proxy_cmp(vm, a, "__gt__"),
        BuiltinKind::Method,
    ),
    (
        "__ge__",
        |vm, a| proxy_cmp(vm, a, "__ge__"),
        BuiltinKind::Method,
    ),
];

/// `_weakref`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(
        vm,
        "_weakref",
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let (module, names) = flavour::weakref_type_names(vm.version);
    let object = vm.types.object.clone();
    let ref_t = new_class(vm, module, names[0], vec![object.clone()], REF_METHODS)?;
    vm.add_getset(&ref_t, "__callback__", ref_callback, None);
    let proxy_t = new_class(vm, module, names[1], vec![object.clone()], PROXY_METHODS)?;
    let cproxy_t = new_class(vm, module, names[2], vec![object], PROXY_METHODS)?;
    vm.add_method(&cproxy_t, "__call__", proxy_call, BuiltinKind::Method);
    let hash = vm.intern("__hash__");
    for t in [&proxy_t, &cproxy_t] {
        let d = vm.type_data(t).dict.clone();
        vm.dict_set(&d, Value::Obj(hash.clone()), Value::None)?;
    }
    for (n, t) in [
        ("ref", &ref_t),
        ("ReferenceType", &ref_t),
        ("ProxyType", &proxy_t),
        ("CallableProxyType", &cproxy_t),
    ] {
        vm.module_set(&m, n, Value::Obj(t.clone()));
    }
    Ok(m)
}

fn arg(a: &Args<'_>, i: usize) -> Value {
    a.values.get(i).cloned().unwrap_or(Value::None)
}

/// Whether objects like `o` can be weakly referenced (CPython: a weak-reference list
/// in the type).
fn weakrefable(vm: &Vm, o: &ObjRef) -> bool {
    if vm.type_data(o.class()).is_heap {
        return true;
    }
    matches!(
        o.payload,
        Payload::Type(_)
            | Payload::Function(_)
            | Payload::Builtin(_)
            | Payload::Method(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
            | Payload::Generator(_)
            | Payload::Code(_)
            | Payload::Module(_)
            | Payload::Other(_)
    )
}

/// Makes a weak reference of `cls` to `ob`.
fn make(vm: &mut Vm, cls: &ObjRef, ob: &Value, callback: Value, kind: WeakKind) -> PyResult<Value> {
    let target = match ob {
        Value::Obj(o) if weakrefable(vm, o) => o.clone(),
        _ => {
            let t = vm.type_name(ob);
            return Err(vm.type_error(&format!("cannot create weak reference to '{t}' object")));
        }
    };
    // A plain reference without callback is shared (CPython reuses it).
    let exact = Rc::ptr_eq(cls, &class_of_kind(vm, kind)?);
    if exact && callback.is_none() {
        for r in wr::refs_to(&target) {
            let same =
                wr::data(&r).is_some_and(|d| d.kind == kind && d.callback.with(|c| c.is_none()));
            if same && Rc::ptr_eq(r.class(), cls) {
                return Ok(Value::Obj(r));
            }
        }
    }
    let data = WeakRefData {
        target: Rc::downgrade(&target),
        callback: PyCell::new(callback),
        hash: Cell::new(None),
        kind,
    };
    let r = new_instance(vm, cls, data);
    wr::register(&target, &r);
    Ok(Value::Obj(r))
}

/// The `_weakref` class of a kind.
fn class_of_kind(vm: &mut Vm, kind: WeakKind) -> PyResult<ObjRef> {
    let m = match vm.sys_modules_get("_weakref") {
        Some(m) => m,
        None => vm.import_absolute("_weakref")?,
    };
    let name = vm.intern(match kind {
        WeakKind::Ref => "ref",
        WeakKind::Proxy => "ProxyType",
        WeakKind::CallableProxy => "CallableProxyType",
    });
    match vm.get_attr(&m, &name)? {
        Value::Obj(t) => Ok(t),
        _ => Err(vm.system_error("_weakref types missing")),
    }
}

/// `ref.__new__(cls, ob, callback=None)`.
fn ref_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first().cloned() else {
        return Err(vm.type_error("weakref.__new__(X): X is not a type object"));
    };
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        let n = pos.len().saturating_sub(1);
        return Err(vm.type_error(&format!("__new__ expected at most 2 arguments, got {n}")));
    }
    make(vm, &cls, &pos[1], arg(&args, 2), WeakKind::Ref)
}

fn data_of<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a WeakRefData> {
    a.values
        .first()
        .and_then(state_of::<WeakRefData>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'weakref' object"))
}

fn ref_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = data_of(vm, &args)?;
    Ok(d.get().map(Value::Obj).unwrap_or(Value::None))
}

fn ref_callback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(data_of(vm, &args)?.callback.get())
}

fn ref_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = data_of(vm, &args)?;
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    match d.get() {
        Some(o) => {
            let h = vm.hash(&Value::Obj(o))?;
            d.hash.set(Some(h));
            Ok(Value::Int(h))
        }
        None => Err(vm.type_error("weak object has gone away")),
    }
}

/// `==` / `!=`: referents compared while both live, else identity.
fn ref_compare(vm: &mut Vm, args: Args<'_>, eq: bool) -> PyResult<Value> {
    let d = data_of(vm, &args)?;
    let other = arg(&args, 1);
    let Some(od) = state_of::<WeakRefData>(&other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let same = match (d.get(), od.get()) {
        (Some(a), Some(b)) => vm.eq(&Value::Obj(a), &Value::Obj(b))?,
        _ => args.values[0].is(&other),
    };
    Ok(Value::bool(same == eq))
}

fn ref_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = data_of(vm, &args)?;
    let this = args.values[0].id();
    let kind = if d.kind == WeakKind::Ref {
        "weakref"
    } else {
        "weakproxy"
    };
    let s = match d.get() {
        None => format!("<{kind} at {this:#x}; dead>"),
        Some(o) => {
            let v = Value::Obj(o);
            let t = vm.type_name(&v);
            let name_key = vm.names.__name__.clone();
            let name = if d.kind == WeakKind::Ref {
                vm.get_attr_opt(&v, &name_key)
                    .ok()
                    .flatten()
                    .and_then(|n| n.as_str().map(|s| s.as_str().to_string()))
            } else {
                None
            };
            match name {
                Some(n) => format!("<{kind} at {this:#x}; to '{t}' at {:#x} ({n})>", v.id()),
                None => format!("<{kind} at {this:#x}; to '{t}' at {:#x}>", v.id()),
            }
        }
    };
    Ok(vm.new_str(&s))
}

/// The referent of a proxy, or ReferenceError.
fn referent(vm: &mut Vm, args: &Args<'_>) -> PyResult<Value> {
    let d = data_of(vm, args)?;
    match d.get() {
        Some(o) => Ok(Value::Obj(o)),
        None => Err(reference_error(vm)),
    }
}

fn reference_error(vm: &mut Vm) -> PyErr {
    let key = vm.intern("ReferenceError");
    let builtins = vm.builtins.clone();
    match vm.dict_get_name(&builtins, &key) {
        Some(Value::Obj(c)) => vm.new_exception(&c, "weakly-referenced object no longer exists"),
        _ => vm.system_error("ReferenceError missing"),
    }
}

fn name_arg(vm: &Vm, a: &Args<'_>) -> PyResult<ObjRef> {
    match a.values.get(1) {
        Some(Value::Obj(n)) if n.as_ref().payload_is_str() => Ok(n.clone()),
        _ => Err(vm.type_error("attribute name must be string")),
    }
}

trait IsStr {
    fn payload_is_str(&self) -> bool;
}
impl IsStr for crate::object::Object {
    fn payload_is_str(&self) -> bool {
        matches!(self.payload, Payload::Str(_))
    }
}

fn proxy_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = name_arg(vm, &args)?;
    let o = referent(vm, &args)?;
    vm.get_attr(&o, &name)
}

fn proxy_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = name_arg(vm, &args)?;
    let o = referent(vm, &args)?;
    vm.set_attr(&o, &name, arg(&args, 2))?;
    Ok(Value::None)
}

fn proxy_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = name_arg(vm, &args)?;
    let o = referent(vm, &args)?;
    vm.del_attr(&o, &name)?;
    Ok(Value::None)
}

fn proxy_cmp(vm: &mut Vm, args: Args<'_>, op: &str) -> PyResult<Value> {
    let o = referent(vm, &args)?;
    let mut other = arg(&args, 1);
    if let Some(d) = state_of::<WeakRefData>(&other) {
        if d.kind != WeakKind::Ref {
            other = d.get().map(Value::Obj).ok_or_else(|| reference_error(vm))?;
        }
    }
    let cmp = crate::vm::ops::CmpOp::from_symbol(match op {
        "__eq__" => "==",
        "__ne__" => "!=",
        "__lt__" => "<",
        "__le__" => "<=",
        "__gt__" => ">",
        _ => ">=",
    });
    match cmp {
        Some(c) => vm.compare(&o, &other, c),
        None => Ok(vm.singletons.not_implemented.clone()),
    }
}

fn proxy_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = referent(vm, &args)?;
    vm.call(
        &o,
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        },
    )
}

/// `proxy(object[, callback])`.
fn proxy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, args, "proxy", &["object", "callback"], 1, false)?;
    let ob = a[0].clone().unwrap_or(Value::None);
    let callback = a[1].clone().unwrap_or(Value::None);
    let callable = vm.class_of(&ob).clone();
    let call = vm.names.__call__.clone();
    let kind = if vm.lookup_in_mro(&callable, &call).is_some() {
        WeakKind::CallableProxy
    } else {
        WeakKind::Proxy
    };
    let cls = class_of_kind(vm, kind)?;
    make(vm, &cls, &ob, callback, kind)
}

fn getweakrefcount(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(match args.pos().first() {
        Some(Value::Obj(o)) => wr::refs_to(o).len() as i64,
        _ => 0,
    }))
}

fn getweakrefs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let refs = match args.pos().first() {
        Some(Value::Obj(o)) => wr::refs_to(o).into_iter().map(Value::Obj).collect(),
        _ => Vec::new(),
    };
    Ok(vm.new_list(refs))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (Some(Value::Obj(d)), Some(key)) = (args.values.first(), args.values.get(1)) else {
        return Err(vm.type_error("_remove_dead_weakref() takes exactly 2 arguments"));
    };
    if let Some(v) = vm.dict_get(d, key)? {
        let dead = state_of::<WeakRefData>(&v).is_some_and(|w| w.get().is_none());
        if dead {
            vm.dict_remove(d, key)?;
        }
    }
    Ok(Value::None)
}
