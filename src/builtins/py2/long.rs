//! Python 2's `long`: the type of integers that overflowed `int` (and of `long()` and
//! `NNNL` literals). It shares `int`'s payload and methods; its repr ends in `L`.

use crate::object::typeobj::Layout;
use crate::object::{Args, BuiltinKind, IntValue, ObjRef, Object, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The `long` type (installed by `install`).
pub fn long_type(vm: &Vm) -> ObjRef {
    vm.types.big_int.clone()
}

/// Whether `v` is a `long`.
pub fn is_long(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            let long = &vm.types.big_int;
            !Rc::ptr_eq(long, &vm.types.int)
                && (Rc::ptr_eq(o.class(), long) || vm.is_subclass_of(o.class(), long))
        }
        _ => false,
    }
}

/// `v` (an integer) as a `long` object.
pub fn to_long(vm: &mut Vm, v: Value) -> Value {
    let long = long_type(vm);
    match v {
        Value::Int(i) => Value::Obj(Object::new(long, Payload::Int(IntValue::Small(i)))),
        Value::Bool(b) => Value::Obj(Object::new(long, Payload::Int(IntValue::Small(b as i64)))),
        Value::Obj(o) => match &o.payload {
            Payload::Int(i) if !Rc::ptr_eq(o.class(), &long) => {
                Value::Obj(Object::new(long, Payload::Int(i.clone())))
            }
            _ => Value::Obj(o),
        },
        other => other,
    }
}

/// `long(x=0[, base])`.
fn long_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let int = Value::Obj(vm.types.int.clone());
    let rest = Args {
        values: args.values.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    };
    let v = vm.call(&int, rest)?;
    let cls = match args.values.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => long_type(vm),
    };
    let v = to_long(vm, v);
    if Rc::ptr_eq(&cls, &long_type(vm)) {
        return Ok(v);
    }
    let payload = match v.payload() {
        Some(Payload::Int(i)) => Payload::Int(i.clone()),
        _ => return Ok(v),
    };
    Ok(crate::builtins::numeric::new_object(vm, &cls, payload))
}

/// Creates `long` with `int`'s methods and makes it the type of big integers.
pub fn install(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let long = vm.new_static_type("long", vec![object], Layout::Int, true);
    let int_dict = vm.type_data(&vm.types.int.clone()).dict.clone();
    let long_dict = vm.type_data(&long).dict.clone();
    for e in vm.dict_items(&int_dict) {
        if !e.key.is_null() {
            let _ = vm.dict_set(&long_dict, e.key, e.value);
        }
    }
    vm.add_method(&long, "__new__", long_new, BuiltinKind::StaticMethod);
    vm.types.big_int = long.clone();
    super::set_builtin(vm, "long", Value::Obj(long));
}

/// The integer result `r` of an operation on `a` and `b`: a `long` when either was one
/// (Python 2 never turns a `long` back into an `int` by arithmetic).
pub fn keep_long(vm: &mut Vm, a: &Value, b: &Value, r: Value) -> Value {
    let is_int = matches!(r, Value::Int(_))
        || matches!(r.payload(), Some(Payload::Int(_))) && !matches!(r, Value::Bool(_));
    if is_int && !is_long(vm, &r) && (is_long(vm, a) || is_long(vm, b)) {
        to_long(vm, r)
    } else {
        r
    }
}
