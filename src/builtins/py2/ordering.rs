//! Python 2's comparisons where rich comparison has nothing to say: `__cmp__`, then the
//! default order of unrelated values (None first, then numbers, then other types by type
//! name, then by identity), so every two values are ordered.

use crate::object::{Args, Payload, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

/// `a.__cmp__(b)` (or the reflected `b.__cmp__(a)`) as -1, 0 or 1, if either defines it.
pub fn cmp_method(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<i64>> {
    let name = vm.intern("__cmp__");
    for (x, y, sign) in [(a, b, 1), (b, a, -1)] {
        let cls = vm.class_of(x).clone();
        if let Some(f) = vm.lookup_in_mro(&cls, &name) {
            let bound = vm.descr_get(f, Some(x), &cls)?;
            let r = vm.call(&bound, Args::positional(std::slice::from_ref(y)))?;
            if !vm.is_not_implemented(&r) {
                return match r {
                    Value::Int(i) => Ok(Some(sign * i.signum())),
                    Value::Bool(t) => Ok(Some(sign * t as i64)),
                    _ => Err(vm.type_error("comparison did not return an int")),
                };
            }
        }
    }
    Ok(None)
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_))
        || matches!(
            v.payload(),
            Some(Payload::Int(_) | Payload::Float(_) | Payload::Complex(..))
        )
}

/// CPython 2's `default_3way_compare` for values of different kinds.
pub fn default_order(vm: &Vm, a: &Value, b: &Value) -> i64 {
    let (ta, tb) = (vm.class_of(a), vm.class_of(b));
    if std::rc::Rc::ptr_eq(ta, tb) {
        return (a.id()).cmp(&b.id()) as i64;
    }
    if a.is_none() {
        return -1;
    }
    if b.is_none() {
        return 1;
    }
    let name = |v: &Value, t| {
        if is_number(v) {
            String::new()
        } else {
            vm.type_data(t).name.get().to_string()
        }
    };
    match name(a, ta).cmp(&name(b, tb)) {
        std::cmp::Ordering::Equal => {
            (std::rc::Rc::as_ptr(ta) as usize).cmp(&(std::rc::Rc::as_ptr(tb) as usize)) as i64
        }
        o => o as i64,
    }
}

/// The result of `a op b` when neither side's rich comparison answered.
pub fn fallback(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let c = match cmp_method(vm, a, b)? {
        Some(c) => c,
        None if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            return Ok(Value::bool(a.is(b) == (op == CmpOp::Eq)))
        }
        None => default_order(vm, a, b),
    };
    Ok(Value::bool(op.test(c, 0)))
}
