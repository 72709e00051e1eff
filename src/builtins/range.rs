//! `range`.

use crate::object::{Args, BuiltinKind, IntValue, Object, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let range = vm.types.range.clone();
    vm.add_method(&range, "__new__", range_new, BuiltinKind::StaticMethod);
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    let ints: Vec<i64> = pos
        .iter()
        .map(|v| match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => Err(vm.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        })
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => {
            return Err(vm.type_error(&format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )));
        }
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let r = [
        IntValue::Small(start),
        IntValue::Small(stop),
        IntValue::Small(step),
    ];
    Ok(Value::Obj(Object::new(
        vm.types.range.clone(),
        Payload::Range(Box::new(r)),
    )))
}
