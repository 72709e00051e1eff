//! Python 2's `raise` forms: `raise E`, `raise E, V` (V an instance of E, an argument
//! tuple or one argument) and `raise instance`, with 2.7's TypeError wordings.

use crate::object::{Args, ObjRef, Payload, Value};
use crate::vm::{messages, PyResult, Vm};

/// The exception instance `raise kind, value` raises.
pub fn instance_for_raise(vm: &mut Vm, kind: &Value, value: &Value) -> PyResult<ObjRef> {
    match kind.payload() {
        Some(Payload::Type(_)) if vm.is_exception_class(kind) => {
            let cls = kind
                .as_obj()
                .cloned()
                .unwrap_or_else(|| vm.types.object.clone());
            if let Value::Obj(v) = value {
                if matches!(v.payload, Payload::Exception(_)) && vm.is_subclass_of(v.class(), &cls)
                {
                    return Ok(v.clone());
                }
            }
            let args: Vec<Value> = match value {
                Value::None => Vec::new(),
                v => match v.payload() {
                    Some(Payload::Tuple(t)) => t.to_vec(),
                    _ => vec![v.clone()],
                },
            };
            let inst = vm.call(kind, Args::positional(&args))?;
            vm.make_exception(&inst)
        }
        Some(Payload::Exception(_)) => {
            if !value.is_none() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            vm.make_exception(kind)
        }
        _ => {
            let t = vm.type_name(kind).to_string();
            Err(vm.type_error(&messages::py2_bad_exception(&t)))
        }
    }
}
