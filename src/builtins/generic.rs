//! `iter()` (one argument, or a callable and a sentinel) and `next()` (with a default).

use super::arity::{self, ver};
use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    vm.add_builtin("next", builtin_next);
    vm.add_builtin("iter", builtin_iter);
}

fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "next")?;
    let pos = args.pos();
    arity::check_count(vm, "next", pos.len(), 1, 2)?;
    match pos {
        [it] => vm.next_or_stop(it),
        [it, default] => Ok(vm.next(it)?.unwrap_or_else(|| default.clone())),
        _ => Ok(Value::None),
    }
}

fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "iter")?;
    let pos = args.pos();
    arity::check_count(vm, "iter", pos.len(), 1, 2)?;
    match pos {
        [v] => vm.get_iter(v),
        [callable, sentinel] => {
            if !super::objects::is_callable(vm, callable) {
                return Err(vm.type_error(if ver(vm) == (3, 12) {
                    "iter(object, sentinel): object must be callable"
                } else {
                    "iter(v, w): v must be callable"
                }));
            }
            Ok(vm.new_iter(crate::vm::iter::IterState::Callable {
                callable: callable.clone(),
                sentinel: sentinel.clone(),
            }))
        }
        _ => Ok(Value::None),
    }
}
