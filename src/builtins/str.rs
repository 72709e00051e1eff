//! `str`: construction and methods.

use crate::object::{Args, BuiltinKind, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let str_ = vm.types.str_.clone();
    vm.add_method(&str_, "split", str_split, BuiltinKind::Method);
    vm.add_method(&str_, "__new__", str_new, BuiltinKind::StaticMethod);
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match &args.pos()[1..] {
        [] => Ok(vm.new_str("")),
        [v] => {
            let s = vm.str(v)?;
            Ok(vm.new_str(&s))
        }
        _ => Err(vm.type_error("str() takes at most 3 arguments")),
    }
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(s) = pos.first().and_then(|v| v.as_str()) else {
        return Err(vm.type_error("descriptor 'split' requires a 'str' object"));
    };
    let text = s.as_str().to_string();
    let parts: Vec<Value> = match pos.get(1) {
        None | Some(Value::None) => text.split_whitespace().map(|p| vm.new_str(p)).collect(),
        Some(sep) => {
            let sep = sep
                .as_str()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            text.split(sep.as_str()).map(|p| vm.new_str(p)).collect()
        }
    };
    Ok(vm.new_list(parts))
}
