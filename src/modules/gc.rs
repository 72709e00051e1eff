//! `gc`: the cycle collector's interface (`collect`, `enable`/`disable`/`isenabled`, a
//! few introspection functions). `collect()` runs the collector of `object::gc` and the
//! finalizers and weak reference callbacks it made due, then returns how many
//! unreachable objects it found.

use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// `gc`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", |_, _| {
                ENABLED.with(|e| e.set(true));
                Ok(Value::None)
            }),
            ("disable", |_, _| {
                ENABLED.with(|e| e.set(false));
                Ok(Value::None)
            }),
            ("isenabled", |_, _| {
                Ok(Value::Bool(ENABLED.with(|e| e.get())))
            }),
            ("get_threshold", |vm, _| {
                Ok(vm.new_tuple(vec![Value::Int(700), Value::Int(10), Value::Int(10)]))
            }),
            ("set_threshold", |_, _| Ok(Value::None)),
            ("get_count", |vm, _| {
                Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(0), Value::Int(0)]))
            }),
            ("is_tracked", |_, a: Args<'_>| {
                Ok(Value::Bool(matches!(a.pos().first(), Some(Value::Obj(o))
                    if crate::object::gc::is_container(&o.payload) || o.dict.is_some())))
            }),
        ],
    );
    let garbage = vm.new_list(vec![]);
    vm.module_set(&m, "garbage", garbage);
    let callbacks = vm.new_list(vec![]);
    vm.module_set(&m, "callbacks", callbacks);
    Ok(m)
}

fn collect(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    let found = vm.collect_cycles();
    vm.run_finalizers();
    Ok(Value::Int(found as i64))
}
