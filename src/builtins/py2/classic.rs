//! Python 2 class creation (BUILD_CLASS) and classic classes. The metaclass is the
//! namespace's `__metaclass__`, else the first base's class, else the module's
//! `__metaclass__`, else `classobj`: a classic class.
//!
//! A classic class is a class whose metaclass is `classobj` (a builtin subclass of `type`,
//! so the shared attribute and call machinery serves it). What makes it classic: its MRO
//! is depth-first left-to-right (`object` last, where the shared machinery needs it), its
//! repr is `module.Name`, `type()` of its instances is `instance`, and an instance's repr
//! is `<module.Name instance at 0x...>`.

use crate::object::typeobj::Layout;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Makes the class `name` with `bases` (a tuple) and namespace `ns`.
pub fn build_class(
    vm: &mut Vm,
    name: Value,
    bases: Value,
    ns: Value,
    globals: &ObjRef,
) -> PyResult<Value> {
    let key = vm.intern("__metaclass__");
    let explicit = match &ns {
        Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) => vm.dict_get_name(d, &key),
        _ => None,
    };
    let first_base = match bases.payload() {
        Some(Payload::Tuple(t)) => t.first().cloned(),
        _ => None,
    };
    let meta = match (explicit, first_base) {
        (Some(m), _) => m,
        (None, Some(b)) => {
            let class_key = vm.names.__class__.clone();
            match vm.get_attr_opt(&b, &class_key)? {
                Some(c) => c,
                None => Value::Obj(vm.class_of(&b).clone()),
            }
        }
        (None, None) => match vm.dict_get_name(globals, &key) {
            Some(m) => m,
            None => Value::Obj(classic_metaclass(vm)),
        },
    };
    if let Value::Obj(d) = &ns {
        if matches!(d.payload, Payload::Dict(_)) {
            alias_protocol_names(vm, d)?;
        }
    }
    let defines_hash = match &ns {
        Value::Obj(d) => vm.dict_get_name(d, &vm.names.__hash__.clone()).is_some(),
        _ => true,
    };
    let cls = vm.call(&meta, Args::positional(&[name, bases, ns]))?;
    if !defines_hash {
        // Python 2 keeps the inherited __hash__ of a class that defines __eq__.
        if let Some(Payload::Type(t)) = cls.payload() {
            let key = Value::Obj(vm.names.__hash__.clone());
            if let Ok(Some(Value::None)) = vm.dict_get(&t.dict, &key) {
                let _ = vm.delitem(&Value::Obj(t.dict.clone()), &key);
            }
        }
    }
    Ok(cls)
}

/// Gives a class body's 2.x protocol methods their Python 3 names too: `next` is
/// `__next__`, `__nonzero__` is `__bool__`.
fn alias_protocol_names(vm: &mut Vm, ns: &ObjRef) -> PyResult<()> {
    for (py2, py3) in [("next", "__next__"), ("__nonzero__", "__bool__")] {
        let old = vm.intern(py2);
        let new = vm.intern(py3);
        if let (Some(f), None) = (vm.dict_get_name(ns, &old), vm.dict_get_name(ns, &new)) {
            vm.dict_set(ns, Value::Obj(new), f)?;
        }
    }
    Ok(())
}

/// The metaclass of classic classes.
fn classic_metaclass(vm: &Vm) -> ObjRef {
    match &vm.py2.types {
        Some(t) => t.classobj.clone(),
        None => vm.types.type_.clone(),
    }
}

/// Whether `cls` is a classic class.
pub fn is_classic(vm: &Vm, cls: &ObjRef) -> bool {
    match &vm.py2.types {
        Some(t) => Rc::ptr_eq(cls.class(), &t.classobj),
        None => false,
    }
}

/// What `type(v)` answers for a value of class `cls`: `instance` for classic instances.
pub fn visible_type(vm: &Vm, cls: &ObjRef) -> ObjRef {
    match &vm.py2.types {
        Some(t) if Rc::ptr_eq(cls.class(), &t.classobj) => t.instance.clone(),
        _ => cls.clone(),
    }
}

/// `inst.__dict__` of a classic instance (whose class has no `__dict__` descriptor);
/// None for anything else.
pub fn instance_dict_attr(vm: &Vm, obj: &Value, cls: &ObjRef) -> Option<Value> {
    if !is_classic(vm, cls) {
        return None;
    }
    crate::vm::attr::instance_dict(obj.as_obj()?).map(Value::Obj)
}

/// `inst.__dict__ = value` (`value` None: `del`) on a classic instance of `cls`: 2.7's
/// `instance_setattr` takes only a dict, which becomes the instance dict. `None` for
/// anything but a classic instance.
pub fn set_instance_dict_attr(
    vm: &Vm,
    obj: &ObjRef,
    cls: &ObjRef,
    value: Option<&Value>,
) -> Option<PyResult<()>> {
    if !is_classic(vm, cls) || !obj.has_dict() {
        return None;
    }
    Some(match value {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => {
            drop(obj.header.replace_dict(Some(d.clone())));
            Ok(())
        }
        _ => Err(vm.type_error("__dict__ must be set to a dictionary")),
    })
}

/// `classobj(name, bases, dict)`: a class with the classic MRO.
fn classobj_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [Value::Obj(meta), name, bases, ns] = args.pos() else {
        return Err(vm.type_error("classobj() takes exactly 3 arguments"));
    };
    let Some(name) = name.as_str().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error("PyClass_New: name must be a string"));
    };
    let Some(Payload::Tuple(bases)) = bases.payload() else {
        return Err(vm.type_error("PyClass_New: bases must be a tuple"));
    };
    let Value::Obj(ns) = ns else {
        return Err(vm.type_error("PyClass_New: dict must be a dictionary"));
    };
    let mut base_types = Vec::with_capacity(bases.len());
    for b in bases.iter() {
        match b {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => base_types.push(o.clone()),
            _ => return Err(vm.type_error("PyClass_New: base must be a class")),
        }
    }
    // A new-style base makes a new-style class: its metaclass builds it (as 2.x's
    // `PyClass_New` hands over to the base's type).
    if let Some(new_style) = base_types.iter().find(|b| !is_classic(vm, b)) {
        let meta = Value::Obj(new_style.class().clone());
        let (name, bases) = (args.pos()[1].clone(), args.pos()[2].clone());
        return vm.call(
            &meta,
            Args::positional(&[name, bases, Value::Obj(ns.clone())]),
        );
    }
    let cls = vm.new_class(meta, &name, base_types.clone(), ns, Args::positional(&[]))?;
    // A classic class has the bases it declares (none for a root class), and as its dict
    // its body's namespace itself (with `__doc__` and `__module__`): no `__dict__`
    // descriptor, the machinery finds its instances' `__dict__`.
    vm.type_data(&cls).bases.replace(base_types);
    let dict = vm.type_data(&cls).dict.clone();
    if let (Payload::Dict(own), Payload::Dict(body)) = (&dict.payload, &ns.payload) {
        let layout = body.with(|b| b.clone());
        own.with_mut(|d| d.take_layout_of(&layout));
    }
    for name in ["__doc__", "__module__"] {
        let key = vm.intern(name);
        if vm.dict_get_name(&dict, &key).is_none() {
            let value = match name {
                "__doc__" => Value::None,
                _ => vm.type_module(&cls).map_or(Value::None, |m| vm.new_str(&m)),
            };
            vm.dict_set(&dict, Value::Obj(key), value)?;
        }
    }
    // Depth-first, left to right, each class once; `object` last, where the shared
    // machinery needs it (`__mro__` and `mro` are hidden, as 2.x classic classes have none).
    let mut order: Vec<ObjRef> = Vec::new();
    let mut stack = vec![cls.clone()];
    while let Some(c) = stack.pop() {
        if Rc::ptr_eq(&c, &vm.types.object) || order.iter().any(|o| Rc::ptr_eq(o, &c)) {
            continue;
        }
        order.push(c.clone());
        let bases = vm.type_data(&c).bases.get();
        stack.extend(bases.into_iter().rev());
    }
    order.push(vm.types.object.clone());
    vm.type_data(&cls).mro.replace(order);
    Ok(Value::Obj(cls))
}

/// `__mro__` of a classic class: AttributeError, as 2.x's `classobj` has none.
fn no_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_class_attribute(vm, args, "__mro__")
}

/// `mro` of a classic class: AttributeError, as 2.x's `classobj` has none.
fn no_mro_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_class_attribute(vm, args, "mro")
}

fn no_class_attribute(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let cls = args.values.first().cloned().unwrap_or(Value::None);
    let name = vm.intern(name);
    Err(vm.attribute_error(&cls, &name))
}

/// `module.Name`, the `str` of a classic class.
pub fn class_str(vm: &mut Vm, cls: &ObjRef) -> String {
    let name = vm.type_data(cls).name.get();
    match vm.type_module(cls) {
        Some(m) => format!("{m}.{name}"),
        None => name.to_string(),
    }
}

/// `<class module.Name at 0x...>`, the repr of a classic class.
pub fn class_repr(vm: &mut Vm, cls: &ObjRef) -> String {
    let at = Value::Obj(cls.clone()).id();
    format!("<class {} at {at:#x}>", class_str(vm, cls))
}

/// `<module.Name instance at 0x...>`, the default repr of a classic instance.
pub fn instance_repr(vm: &mut Vm, v: &Value) -> String {
    let cls = vm.class_of(v).clone();
    format!("<{} instance at {:#x}>", class_str(vm, &cls), v.id())
}

/// Creates `classobj` and `instance`.
pub fn install(vm: &mut Vm) {
    let type_ = vm.types.type_.clone();
    let classobj = vm.new_static_type("classobj", vec![type_], Layout::Type, false);
    vm.add_method(
        &classobj,
        "__new__",
        classobj_new,
        BuiltinKind::StaticMethod,
    );
    vm.add_getset(&classobj, "__mro__", no_mro, None);
    vm.add_getset(&classobj, "mro", no_mro_method, None);
    let object = vm.types.object.clone();
    let instance = vm.new_static_type("instance", vec![object], Layout::Plain, false);
    if let Some(t) = &mut vm.py2.types {
        t.classobj = classobj;
        t.instance = instance;
    }
}
