//! `object` and `type`: instance creation, the default `__init__`, and `type()`.

use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    vm.add_method(&object, "__init__", object_init, BuiltinKind::Method);
    vm.add_method(&object, "__new__", object_new, BuiltinKind::StaticMethod);
    let type_ = vm.types.type_.clone();
    vm.add_method(&type_, "__new__", type_new, BuiltinKind::StaticMethod);
    vm.add_method(&type_, "__init__", object_init, BuiltinKind::Method);
    vm.add_getset(&type_, "__name__", type_name, Some(type_set_name));
    vm.add_getset(&type_, "__qualname__", type_qualname, None);
    vm.add_getset(&type_, "__mro__", type_mro, None);
    vm.add_getset(&type_, "__bases__", type_bases, None);
    vm.add_getset(&type_, "__base__", type_base, None);
    vm.add_getset(&type_, "__dict__", type_dict, None);
    vm.add_getset(&type_, "__module__", type_module, None);
    vm.add_getset(&object, "__class__", object_class, None);
    vm.add_getset(&object, "__dict__", object_dict, None);
}

fn type_arg(vm: &Vm, args: &Args<'_>) -> PyResult<ObjRef> {
    match args.values.first() {
        Some(Value::Obj(t)) if matches!(t.payload, Payload::Type(_)) => Ok(t.clone()),
        _ => Err(vm.type_error("descriptor needs a type object")),
    }
}

fn type_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let n = vm.type_data(&t).name();
    Ok(vm.new_str(&n))
}

fn type_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    match args.values.get(1).and_then(|v| v.as_str()) {
        Some(s) => {
            let name: std::rc::Rc<str> = std::rc::Rc::from(s.as_str());
            vm.type_data(&t).name.replace(name);
            Ok(Value::None)
        }
        None => Err(vm.type_error("can only assign string to __name__")),
    }
}

fn type_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let n = vm.type_data(&t).qualname.get();
    Ok(vm.new_str(&n))
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let mro = vm
        .type_data(&t)
        .mro
        .get()
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_tuple(mro))
}

fn type_bases(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let bases = vm
        .type_data(&t)
        .bases
        .get()
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_tuple(bases))
}

fn type_base(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    Ok(vm
        .type_data(&t)
        .bases
        .get()
        .first()
        .cloned()
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn type_dict(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    Ok(Value::Obj(vm.type_data(&t).dict.clone()))
}

fn type_module(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    match vm.type_module(&t) {
        Some(m) => Ok(vm.new_str(&m)),
        None => Ok(Value::None),
    }
}

fn object_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(v) => Ok(Value::Obj(vm.class_of(v).clone())),
        None => Err(vm.type_error("descriptor '__class__' needs an argument")),
    }
}

fn object_dict(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(vm.type_error("descriptor '__dict__' needs an argument"));
    };
    match v.as_obj().and_then(|o| vm.ensure_instance_dict(o)) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.new_exception(
            &vm.types.exc.attribute_error.clone(),
            &format!("'{}' object has no attribute '__dict__'", vm.type_name(v)),
        )),
    }
}

fn object_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(Value::Obj(cls)) if matches!(cls.payload, Payload::Type(_)) => {
            Ok(Value::Obj(vm.new_instance(cls)))
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    match pos {
        [_, obj] => Ok(Value::Obj(vm.class_of(obj).clone())),
        [Value::Obj(meta), name, bases, Value::Obj(ns)] => {
            let name = name
                .as_str()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            let bases: Vec<ObjRef> = vm
                .collect(bases)?
                .into_iter()
                .filter_map(|b| b.as_obj().cloned())
                .collect();
            Ok(Value::Obj(vm.new_class(meta, &name, bases, ns)?))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}
