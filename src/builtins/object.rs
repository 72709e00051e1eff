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
}

fn object_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(Value::Obj(cls)) if matches!(cls.payload, Payload::Type(_)) => Ok(Value::Obj(vm.new_instance(cls))),
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    match pos {
        [_, obj] => Ok(Value::Obj(vm.class_of(obj).clone())),
        [Value::Obj(meta), name, bases, Value::Obj(ns)] => {
            let name = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            let bases: Vec<ObjRef> = vm.collect(bases)?.into_iter().filter_map(|b| b.as_obj().cloned()).collect();
            Ok(Value::Obj(vm.new_class(meta, &name, bases, ns)?))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}
