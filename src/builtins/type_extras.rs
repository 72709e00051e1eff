//! The rest of `object`'s and `type`'s attributes: `object.__getstate__` (3.11+),
//! `__reduce__`/`__reduce_ex__` (as far as they go without `copyreg`), the docstrings of
//! `object` and `type`, and `type`'s `__repr__`, `__getattribute__`, `__setattr__`,
//! `__delattr__`, `__prepare__`, `__doc__`, `__text_signature__`, `__abstractmethods__`,
//! `__annotations__` (3.10+) and `__type_params__` (3.12+).
//!
//! `finish` puts both types' dicts in the order the running CPython lists them.

use super::arity::ver;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

const OBJECT_DOC_OLD: &str = "The most base type";
const OBJECT_DOC: &str = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";
const TYPE_DOC_OLD: &str =
    "type(object_or_name, bases, dict)\ntype(object) -> the object's type\ntype(name, bases, dict) -> a new type";
const TYPE_DOC: &str =
    "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";

pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let type_ = vm.types.type_.clone();
    vm.add_method(
        &object,
        "__reduce_ex__",
        object_reduce_ex,
        BuiltinKind::Method,
    );
    vm.add_method(&object, "__reduce__", object_reduce, BuiltinKind::Method);
    if ver(vm) >= (3, 11) {
        vm.add_method(
            &object,
            "__getstate__",
            object_getstate,
            BuiltinKind::Method,
        );
    }
    let doc = if ver(vm) >= (3, 8) {
        OBJECT_DOC
    } else {
        OBJECT_DOC_OLD
    };
    let doc = vm.new_str(doc);
    let key = Value::Obj(vm.intern("__doc__"));
    let dict = vm.type_data(&object).dict.clone();
    let _ = vm.dict_set(&dict, key, doc);

    vm.add_method(&type_, "__repr__", type_repr, BuiltinKind::Method);
    vm.add_method(
        &type_,
        "__getattribute__",
        type_getattribute,
        BuiltinKind::Method,
    );
    vm.add_method(
        &type_,
        "__setattr__",
        |vm, a| type_setattr(vm, a, true),
        BuiltinKind::Method,
    );
    vm.add_method(
        &type_,
        "__delattr__",
        |vm, a| type_setattr(vm, a, false),
        BuiltinKind::Method,
    );
    vm.add_method(
        &type_,
        "__prepare__",
        type_prepare,
        BuiltinKind::ClassMethod,
    );
    vm.add_getset(
        &type_,
        "__abstractmethods__",
        type_abstract,
        Some(type_set_abstract),
    );
    vm.add_getset(&type_, "__doc__", type_doc, Some(type_set_doc));
    vm.add_getset(&type_, "__text_signature__", type_text_signature, None);
    if ver(vm) >= (3, 10) {
        vm.add_getset(
            &type_,
            "__annotations__",
            type_annotations,
            Some(type_set_annotations),
        );
    }
    if ver(vm) >= (3, 12) {
        vm.add_getset(
            &type_,
            "__type_params__",
            type_params,
            Some(type_set_params),
        );
    }
}

/// The versions `[since, before)` in which a name stands at its place in a dict order.
type Versions = ((u8, u8), (u8, u8));

/// Every version.
const ALL: Versions = ((0, 0), (99, 0));

/// The order of `object`'s dict: each name with the versions `[since, before)` in which
/// it stands at that place (`__new__` moved to the front in 3.10).
const OBJECT_ORDER: &[(&str, Versions)] = &[
    ("__new__", ((3, 10), (99, 0))),
    ("__repr__", ALL),
    ("__hash__", ALL),
    ("__str__", ALL),
    ("__getattribute__", ALL),
    ("__setattr__", ALL),
    ("__delattr__", ALL),
    ("__lt__", ALL),
    ("__le__", ALL),
    ("__eq__", ALL),
    ("__ne__", ALL),
    ("__gt__", ALL),
    ("__ge__", ALL),
    ("__init__", ALL),
    ("__new__", ((0, 0), (3, 10))),
    ("__reduce_ex__", ALL),
    ("__reduce__", ALL),
    ("__getstate__", ((3, 11), (99, 0))),
    ("__subclasshook__", ALL),
    ("__init_subclass__", ALL),
    ("__format__", ALL),
    ("__sizeof__", ALL),
    ("__dir__", ALL),
    ("__class__", ALL),
    ("__doc__", ALL),
];

/// The order of `type`'s dict, as `OBJECT_ORDER`.
const TYPE_ORDER: &[(&str, Versions)] = &[
    ("__new__", ((3, 10), (99, 0))),
    ("__repr__", ALL),
    ("__call__", ALL),
    ("__getattribute__", ALL),
    ("__setattr__", ALL),
    ("__delattr__", ALL),
    ("__init__", ALL),
    ("__new__", ((0, 0), (3, 10))),
    ("__or__", ((3, 10), (99, 0))),
    ("__ror__", ((3, 10), (99, 0))),
    ("mro", ALL),
    ("__subclasses__", ALL),
    ("__prepare__", ALL),
    ("__instancecheck__", ALL),
    ("__subclasscheck__", ALL),
    ("__dir__", ALL),
    ("__sizeof__", ALL),
    ("__basicsize__", ALL),
    ("__itemsize__", ALL),
    ("__flags__", ALL),
    ("__weakrefoffset__", ALL),
    ("__base__", ALL),
    ("__dictoffset__", ALL),
    ("__name__", ((3, 12), (99, 0))),
    ("__qualname__", ((3, 12), (99, 0))),
    ("__bases__", ((3, 12), (99, 0))),
    ("__mro__", ALL),
    ("__name__", ((0, 0), (3, 12))),
    ("__qualname__", ((0, 0), (3, 12))),
    ("__bases__", ((0, 0), (3, 12))),
    ("__module__", ALL),
    ("__abstractmethods__", ALL),
    ("__dict__", ALL),
    ("__doc__", ALL),
    ("__text_signature__", ALL),
    ("__annotations__", ((3, 10), (99, 0))),
    ("__type_params__", ((3, 12), (99, 0))),
];

/// The names of `order` that stand in version `v`, in order.
fn order_in(order: &[(&'static str, Versions)], v: (u8, u8)) -> Vec<&'static str> {
    order
        .iter()
        .filter(|(_, (since, before))| *since <= v && v < *before)
        .map(|(name, _)| *name)
        .collect()
}

/// Orders `object`'s and `type`'s dicts as CPython's do (after every module added its
/// entries); entries CPython does not have go last.
pub fn finish(vm: &mut Vm) {
    let v = ver(vm);
    let (object, type_) = (vm.types.object.clone(), vm.types.type_.clone());
    reorder(vm, &object, &order_in(OBJECT_ORDER, v));
    reorder(vm, &type_, &order_in(TYPE_ORDER, v));
}

fn reorder(vm: &mut Vm, t: &ObjRef, order: &[&str]) {
    let dict = vm.type_data(t).dict.clone();
    let entries = vm.dict_items(&dict);
    let mut ordered = Vec::with_capacity(entries.len());
    for name in order {
        if let Some(e) = entries
            .iter()
            .find(|e| e.key.as_str().is_some_and(|k| k.as_str() == *name))
        {
            ordered.push((e.key.clone(), e.value.clone()));
        }
    }
    for e in &entries {
        let known = e.key.as_str().is_some_and(|k| order.contains(&k.as_str()));
        if !known {
            ordered.push((e.key.clone(), e.value.clone()));
        }
    }
    for e in &entries {
        let _ = vm.dict_remove(&dict, &e.key);
    }
    for (k, v) in ordered {
        let _ = vm.dict_set(&dict, k, v);
    }
}

fn first<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.pos().first().ok_or_else(|| {
        if ver(vm) >= (3, 10) {
            vm.type_error(&format!("unbound method object.{name}() needs an argument"))
        } else {
            vm.type_error(&format!(
                "descriptor '{name}' of 'object' object needs an argument"
            ))
        }
    })
}

/// `copyreg._slotnames`: the slot names of the classes of the MRO, mangled, without
/// `__dict__`/`__weakref__`.
fn slot_names(vm: &mut Vm, cls: &ObjRef) -> PyResult<Vec<String>> {
    let mut names = Vec::new();
    let key = vm.intern("__slots__");
    for c in vm.type_data(cls).mro.get() {
        let dict = vm.type_data(&c).dict.clone();
        let Some(slots) = vm.dict_get_name(&dict, &key) else {
            continue;
        };
        let items = if slots.as_str().is_some() {
            vec![slots]
        } else {
            vm.collect(&slots)?
        };
        let class_name = vm.type_data(&c).name();
        for item in items {
            let Some(s) = item.as_str() else { continue };
            let s = s.as_str();
            if s == "__dict__" || s == "__weakref__" {
                continue;
            }
            let stripped = class_name.trim_start_matches('_');
            if s.starts_with("__") && !s.ends_with("__") && !stripped.is_empty() {
                names.push(format!("_{stripped}{s}"));
            } else {
                names.push(s.to_string());
            }
        }
    }
    Ok(names)
}

/// `object.__getstate__()` (3.11+): the instance dict (None when empty), paired with a
/// dict of the set slots when there are any.
fn object_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = first(vm, &args, "__getstate__")?.clone();
    if args.pos().len() > 1 {
        let n = args.pos().len() - 1;
        return Err(vm.type_error(&format!(
            "object.__getstate__() takes no arguments ({n} given)"
        )));
    }
    let state = match obj.as_obj().and_then(crate::vm::attr::instance_dict) {
        Some(d) if !vm.dict_items(&d).is_empty() => Value::Obj(d),
        _ => Value::None,
    };
    let cls = vm.class_of(&obj).clone();
    let names = slot_names(vm, &cls)?;
    if names.is_empty() {
        return Ok(state);
    }
    let slots = vm.new_dict();
    for name in names {
        let key = vm.intern(&name);
        if let Some(v) = vm.get_attr_opt(&obj, &key)? {
            vm.dict_set(&slots, Value::Obj(key), v)?;
        }
    }
    if vm.dict_items(&slots).is_empty() {
        return Ok(state);
    }
    Ok(vm.new_tuple(vec![state, Value::Obj(slots)]))
}

fn no_copyreg(vm: &Vm, name: &str) -> crate::vm::PyErr {
    vm.new_exception(
        &vm.types.exc.not_implemented_error,
        &format!("object.{name}() needs the copyreg module, which xpython does not provide"),
    )
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has one.
fn object_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = first(vm, &args, "__reduce_ex__")?.clone();
    if args.pos().len() != 2 {
        let n = args.pos().len().saturating_sub(1);
        return Err(vm.type_error(&format!(
            "object.__reduce_ex__() takes exactly one argument ({n} given)"
        )));
    }
    let cls = vm.class_of(&obj).clone();
    let key = vm.intern("__reduce__");
    if let Some(f) = vm.lookup_in_mro(&cls, &key) {
        let own = matches!(f.payload(), Some(Payload::Builtin(b))
            if b.owner.as_ref().is_some_and(|o| std::rc::Rc::ptr_eq(o, &vm.types.object)));
        if !own {
            let bound = vm.descr_get(f, Some(&obj), &cls)?;
            return vm.call(&bound, Args::positional(&[]));
        }
    }
    let Ok(copyreg) = vm.import_absolute("copyreg") else {
        return Err(no_copyreg(vm, "__reduce_ex__"));
    };
    let protocol = vm.index_value(&args.pos()[1])?.unwrap_or(0);
    if protocol < 2 {
        let f = vm.intern("_reduce_ex");
        let f = vm.get_attr(&copyreg, &f)?;
        return vm.call(&f, Args::positional(&[obj, args.pos()[1].clone()]));
    }
    reduce_newobj(vm, &copyreg, &obj, &cls)
}

/// `object.__reduce_ex__(2+)` (CPython's `reduce_newobj`): `(copyreg.__newobj__,
/// (cls, *getnewargs), state, list items, dict items)`.
fn reduce_newobj(vm: &mut Vm, copyreg: &Value, obj: &Value, cls: &ObjRef) -> PyResult<Value> {
    let newargs_name = vm.intern("__getnewargs__");
    let mut newargs = vec![Value::Obj(cls.clone())];
    if let Some(f) = vm.get_attr_opt(obj, &newargs_name)? {
        let extra = vm.call(&f, Args::positional(&[]))?;
        newargs.extend(vm.collect(&extra)?);
    }
    let getstate = vm.intern("__getstate__");
    let state = match vm.get_attr_opt(obj, &getstate)? {
        Some(f) => vm.call(&f, Args::positional(&[]))?,
        None => object_getstate(vm, Args::positional(std::slice::from_ref(obj)))?,
    };
    let is_list = matches!(obj.payload(), Some(Payload::List(_)));
    let is_dict = matches!(obj.payload(), Some(Payload::Dict(_)));
    let list_items = if is_list {
        vm.get_iter(obj)?
    } else {
        Value::None
    };
    let dict_items = if is_dict {
        let items = vm.intern("items");
        let it = vm.call_method(obj, &items, &[])?;
        vm.get_iter(&it)?
    } else {
        Value::None
    };
    let newobj = vm.intern("__newobj__");
    let newobj = vm.get_attr(copyreg, &newobj)?;
    let newargs = vm.new_tuple(newargs);
    Ok(vm.new_tuple(vec![newobj, newargs, state, list_items, dict_items]))
}

fn object_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    first(vm, &args, "__reduce__")?;
    Err(no_copyreg(vm, "__reduce__"))
}

fn type_self(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<ObjRef> {
    match args.values.first() {
        Some(Value::Obj(t)) if matches!(t.payload, Payload::Type(_)) => Ok(t.clone()),
        Some(v) => Err(super::arity::descriptor_mismatch(vm, name, "type", v)),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'type' object needs an argument"
        ))),
    }
}

fn type_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__repr__")?;
    let r = vm.repr_builtin(&t, &Value::Obj(t.clone()))?;
    Ok(vm.new_str(&r))
}

fn name_arg(vm: &Vm, v: Option<&Value>) -> PyResult<ObjRef> {
    match v {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Str(_)) => Ok(o.clone()),
        Some(v) => Err(vm.type_error(&format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error("expected 1 argument, got 0")),
    }
}

fn type_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__getattribute__")?;
    let name = name_arg(vm, args.values.get(1))?;
    match vm.type_getattr(t.clone(), &name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(&Value::Obj(t), &name)),
    }
}

fn type_setattr(vm: &mut Vm, args: Args<'_>, set: bool) -> PyResult<Value> {
    let t = type_self(vm, &args, if set { "__setattr__" } else { "__delattr__" })?;
    let want = if set { 3 } else { 2 };
    if args.values.len() != want {
        let n = args.values.len().saturating_sub(1);
        let s = if want == 2 && ver(vm) >= (3, 7) {
            ""
        } else {
            "s"
        };
        return Err(vm.type_error(&format!("expected {} argument{s}, got {n}", want - 1)));
    }
    let name = name_arg(vm, args.values.get(1))?;
    let value = if set {
        args.values.get(2).cloned()
    } else {
        None
    };
    let meta = t.class().clone();
    vm.generic_setattr(&Value::Obj(t), &meta, &name, value)?;
    Ok(Value::None)
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty dict.
fn type_prepare(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict()))
}

fn own_entry(vm: &mut Vm, t: &ObjRef, name: &str) -> Option<Value> {
    let dict = vm.type_data(t).dict.clone();
    let key = vm.intern(name);
    vm.dict_get_name(&dict, &key)
}

fn set_own_entry(vm: &mut Vm, t: &ObjRef, name: &str, value: Option<Value>) -> PyResult<()> {
    let td = vm.type_data(t);
    if !td.is_heap {
        let msg = crate::vm::messages::immutable_type_set(ver(vm), name, &td.name());
        return Err(vm.type_error(&msg));
    }
    let dict = td.dict.clone();
    let key = Value::Obj(vm.intern(name));
    match value {
        Some(v) => vm.dict_set(&dict, key, v),
        None => match vm.dict_remove(&dict, &key)? {
            Some(_) => Ok(()),
            None => Err(vm.new_exception(&vm.types.exc.attribute_error, name)),
        },
    }
}

fn type_abstract(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__abstractmethods__")?;
    let found = if std::rc::Rc::ptr_eq(&t, &vm.types.type_) {
        None
    } else {
        own_entry(vm, &t, "__abstractmethods__")
    };
    found.ok_or_else(|| vm.new_exception(&vm.types.exc.attribute_error, "__abstractmethods__"))
}

fn type_set_abstract(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__abstractmethods__")?;
    set_own_entry(vm, &t, "__abstractmethods__", args.values.get(1).cloned())?;
    Ok(Value::None)
}

/// `cls.__doc__`: a class's own `__doc__` entry (through its `__get__`), or a builtin
/// type's docstring.
fn type_doc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__doc__")?;
    if !vm.type_data(&t).is_heap {
        let v = ver(vm);
        if std::rc::Rc::ptr_eq(&t, &vm.types.type_) {
            return Ok(vm.new_str(if v >= (3, 9) { TYPE_DOC } else { TYPE_DOC_OLD }));
        }
        if std::rc::Rc::ptr_eq(&t, &vm.types.object) {
            return Ok(vm.new_str(if v >= (3, 8) {
                OBJECT_DOC
            } else {
                OBJECT_DOC_OLD
            }));
        }
    }
    match own_entry(vm, &t, "__doc__") {
        Some(d) if vm.type_data(&t).is_heap => vm.descr_get(d, None, &t),
        Some(d) if d.as_str().is_some() => Ok(d),
        _ => Ok(Value::None),
    }
}

fn type_set_doc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__doc__")?;
    set_own_entry(vm, &t, "__doc__", args.values.get(1).cloned())?;
    Ok(Value::None)
}

fn type_text_signature(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__text_signature__")?;
    if std::rc::Rc::ptr_eq(&t, &vm.types.object) {
        return Ok(vm.new_str("()"));
    }
    Ok(Value::None)
}

/// `cls.__annotations__` (3.10+): the class's own (created empty on first access).
fn type_annotations(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__annotations__")?;
    if !vm.type_data(&t).is_heap {
        let name = vm.intern("__annotations__");
        return Err(vm.attribute_error(&Value::Obj(t), &name));
    }
    if let Some(a) = own_entry(vm, &t, "__annotations__") {
        return vm.descr_get(a, None, &t);
    }
    let d = Value::Obj(vm.new_dict());
    set_own_entry(vm, &t, "__annotations__", Some(d.clone()))?;
    Ok(d)
}

fn type_set_annotations(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__annotations__")?;
    set_own_entry(vm, &t, "__annotations__", args.values.get(1).cloned())?;
    Ok(Value::None)
}

/// `cls.__type_params__` (3.12+): the class's own, or `()`.
fn type_params(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__type_params__")?;
    if std::rc::Rc::ptr_eq(&t, &vm.types.type_) {
        return Ok(vm.new_tuple(Vec::new()));
    }
    match own_entry(vm, &t, "__type_params__") {
        Some(p) if matches!(p.payload(), Some(Payload::Tuple(_))) => Ok(p),
        _ => Ok(vm.new_tuple(Vec::new())),
    }
}

fn type_set_params(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_self(vm, &args, "__type_params__")?;
    set_own_entry(vm, &t, "__type_params__", args.values.get(1).cloned())?;
    Ok(Value::None)
}
