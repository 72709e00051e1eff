//! Python 2's built-in `exceptions` module: every built-in exception class, as the
//! builtins namespace holds them (2.x's `copy` and `weakref` import from it).

use crate::object::{ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

/// `exceptions`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("exceptions");
    let base = vm.types.exc.base_exception.clone();
    let builtins = vm.builtins.clone();
    for entry in vm.dict_items(&builtins) {
        let (Some(name), Value::Obj(class)) = (entry.key.as_str(), &entry.value) else {
            continue;
        };
        if matches!(class.payload, Payload::Type(_)) && vm.is_subclass_of(class, &base) {
            let name = name.as_str().to_string();
            vm.module_set(&m, &name, entry.value.clone());
        }
    }
    Ok(m)
}
