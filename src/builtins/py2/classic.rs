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

/// Registers what classic classes need.
pub fn install(_vm: &mut Vm) {}
