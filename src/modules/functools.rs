//! `_functools`: `reduce` (which `functools.py` takes from here in every version; its
//! `partial`, `cmp_to_key` and `lru_cache` have pure-Python versions there, used when
//! this module does not provide them).

use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `_functools`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(super::native_class::module_with(
        vm,
        "_functools",
        &[("reduce", reduce)],
    ))
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("reduce() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(&format!(
            "reduce expected at least 2 arguments, got {}",
            pos.len()
        )));
    }
    let it = match vm.get_iter(&pos[1]) {
        Ok(it) => it,
        Err(e) => {
            if vm.is_instance_of_class(&e.0, &vm.types.exc.type_error.clone()) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = pos.get(2).cloned();
    while let Some(v) = vm.next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(a) => vm.call(&pos[0], Args::positional(&[a, v]))?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}
