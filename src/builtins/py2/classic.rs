//! Python 2 class creation (BUILD_CLASS): the metaclass is the namespace's
//! `__metaclass__`, else the first base's class, else the module's `__metaclass__`, else
//! that of a classic class.

use crate::object::{Args, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

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
    vm.call(&meta, Args::positional(&[name, bases, ns]))
}

/// The metaclass of classic classes.
fn classic_metaclass(vm: &Vm) -> ObjRef {
    match &vm.py2.types {
        Some(t) => t.classobj.clone(),
        None => vm.types.type_.clone(),
    }
}

/// Registers what classic classes need.
pub fn install(_vm: &mut Vm) {}
