//! `gc`: the cycle collector's interface (`collect`, `enable`/`disable`/`isenabled`, a
//! few introspection functions). `collect()` runs the collector of `object::gc` and the
//! finalizers and weak reference callbacks it made due, then returns how many
//! unreachable objects it found.

use crate::object::gc as collector;
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `gc`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", |_, _| {
                collector::set_enabled(true);
                Ok(Value::None)
            }),
            ("disable", |_, _| {
                collector::set_enabled(false);
                Ok(Value::None)
            }),
            ("isenabled", |_, _| Ok(Value::bool(collector::is_enabled()))),
            ("get_threshold", |vm, _| {
                Ok(vm.new_tuple(vec![Value::Int(700), Value::Int(10), Value::Int(10)]))
            }),
            ("set_threshold", |_, _| Ok(Value::None)),
            ("get_count", |vm, _| {
                let young = collector::young_count() as i64;
                Ok(vm.new_tuple(vec![Value::Int(young), Value::Int(0), Value::Int(0)]))
            }),
            ("is_tracked", |_, a: Args<'_>| {
                Ok(Value::bool(matches!(a.pos().first(), Some(Value::Obj(o))
                    if collector::is_container(&o.payload) || o.has_dict())))
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
