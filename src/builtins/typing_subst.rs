//! Type-variable substitution for `types.GenericAlias` and `types.UnionType`:
//! `__parameters__` (the type variables among the arguments, in order, each once) and
//! `alias[args]` (`list[T][int]` is `list[int]`), as CPython's `_Py_make_parameters` and
//! `_Py_subs_parameters` do.
//!
//! A type variable is what has `__typing_subst__` (3.11+), or an instance of a class
//! `typing.TypeVar`/`typing.ParamSpec` (3.9, 3.10). Before substituting, each parameter's
//! `__typing_prepare_subst__` may rewrite the arguments (ParamSpec, TypeVarTuple, 3.13's
//! TypeVar defaults). Unpacked TypeVarTuples inside the arguments are not expanded.

use super::objects::getattr_opt;
use super::sequence::same_or_eq;
use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};

/// Whether `v` stands for a type variable in an alias's arguments.
fn is_type_var(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if matches!(v.payload(), Some(Payload::Type(_))) {
        return Ok(false);
    }
    if crate::vm::flavour::typevars_have_typing_subst(vm.version) {
        let n = vm.intern("__typing_subst__");
        return Ok(getattr_opt(vm, v, &n)?.is_some());
    }
    let Some(class) = v.as_obj().map(|o| o.class().clone()) else {
        return Ok(false);
    };
    let t = vm.type_data(&class);
    let name = t.name();
    let module_key = Value::Obj(vm.names.__module__.clone());
    let dict = t.dict.clone();
    let module = vm.dict_get(&dict, &module_key)?;
    let in_typing = module
        .as_ref()
        .and_then(|m| m.as_str())
        .is_some_and(|m| m.as_str() == "typing");
    Ok(in_typing && matches!(&*name, "TypeVar" | "ParamSpec"))
}

fn push_unique(vm: &mut Vm, out: &mut Vec<Value>, v: Value) -> PyResult<()> {
    for p in out.iter() {
        if same_or_eq(vm, p, &v)? {
            return Ok(());
        }
    }
    out.push(v);
    Ok(())
}

/// The parameters of an alias or union whose arguments are `args` (a tuple).
pub fn parameters(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let items = vm.collect(args)?;
    let mut out = Vec::new();
    for t in items {
        if matches!(t.payload(), Some(Payload::Type(_))) {
            continue;
        }
        if is_type_var(vm, &t)? {
            push_unique(vm, &mut out, t)?;
            continue;
        }
        for sub in sub_parameters(vm, &t)? {
            push_unique(vm, &mut out, sub)?;
        }
    }
    Ok(vm.new_tuple(out))
}

/// `t.__parameters__` when it is a tuple, else nothing.
fn sub_parameters(vm: &mut Vm, t: &Value) -> PyResult<Vec<Value>> {
    let n = vm.intern("__parameters__");
    match getattr_opt(vm, t, &n)? {
        Some(p) if matches!(p.payload(), Some(Payload::Tuple(_))) => vm.collect(&p),
        _ => Ok(Vec::new()),
    }
}

/// The index of `v` in `params`.
fn index_of(vm: &mut Vm, params: &[Value], v: &Value) -> PyResult<Option<usize>> {
    for (i, p) in params.iter().enumerate() {
        if same_or_eq(vm, p, v)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// `alias[item]`: the alias's arguments with its parameters replaced by `item`'s
/// members, as a list of new arguments (the caller makes the new alias).
pub fn substitute(vm: &mut Vm, alias: &Value, args: &Value, item: &Value) -> PyResult<Vec<Value>> {
    let params_tuple = parameters(vm, args)?;
    let params = vm.collect(&params_tuple)?;
    if params.is_empty() {
        let r = vm.repr(alias)?;
        return Err(vm.type_error(&format!("{r} is not a generic class")));
    }
    let mut items = match item.payload() {
        Some(Payload::Tuple(_)) => item.clone(),
        _ => vm.new_tuple(vec![item.clone()]),
    };
    let prepare_name = vm.intern("__typing_prepare_subst__");
    for p in &params {
        if let Some(prepare) = getattr_opt(vm, p, &prepare_name)? {
            let r = vm.call(
                &prepare,
                crate::object::Args::positional(&[alias.clone(), items.clone()]),
            )?;
            items = match r.payload() {
                Some(Payload::Tuple(_)) => r,
                _ => {
                    let v = vm.collect(&r)?;
                    vm.new_tuple(v)
                }
            };
        }
    }
    let items = vm.collect(&items)?;
    if items.len() != params.len() {
        let r = vm.repr(alias)?;
        let which = if items.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(vm.type_error(&format!(
            "Too {which} arguments for {r}; actual {}, expected {}",
            items.len(),
            params.len()
        )));
    }
    let subst_name = vm.intern("__typing_subst__");
    let mut out = Vec::new();
    for arg in vm.collect(args)? {
        if matches!(arg.payload(), Some(Payload::Type(_))) {
            out.push(arg);
            continue;
        }
        if is_type_var(vm, &arg)? {
            let i = index_of(vm, &params, &arg)?.unwrap_or(0);
            let value = items[i].clone();
            out.push(match getattr_opt(vm, &arg, &subst_name)? {
                Some(f) => vm.call(&f, crate::object::Args::positional(&[value]))?,
                None => value,
            });
            continue;
        }
        let subs = sub_parameters(vm, &arg)?;
        if subs.is_empty() {
            out.push(arg);
            continue;
        }
        let mut sub_items = Vec::with_capacity(subs.len());
        for s in &subs {
            let i = index_of(vm, &params, s)?.unwrap_or(0);
            sub_items.push(items[i].clone());
        }
        let key = if sub_items.len() == 1 {
            sub_items.remove(0)
        } else {
            vm.new_tuple(sub_items)
        };
        out.push(vm.getitem(&arg, &key)?);
    }
    Ok(out)
}
