//! Builtin functions over iterables and values: `next`, `iter`, `sum`, `min`, `max`,
//! `abs`, ...

use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    vm.add_builtin("next", builtin_next);
    vm.add_builtin("iter", builtin_iter);
}

fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "next", &args)?;
    match args.pos() {
        [it] => vm.next_or_stop(it),
        [it, default] => Ok(vm.next(it)?.unwrap_or_else(|| default.clone())),
        p => Err(vm.type_error(&format!(
            "next expected at most 2 arguments, got {}",
            p.len()
        ))),
    }
}

fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "iter", &args)?;
    match args.pos() {
        [v] => vm.get_iter(v),
        [callable, sentinel] => Ok(vm.new_iter(crate::vm::iter::IterState::Callable {
            callable: callable.clone(),
            sentinel: sentinel.clone(),
        })),
        p => Err(vm.type_error(&format!(
            "iter expected at most 2 arguments, got {}",
            p.len()
        ))),
    }
}
