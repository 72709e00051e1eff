//! `atexit`: `register`/`unregister` keep the functions (in the module's `_exithandlers`
//! list) and `_run_exitfuncs` calls them, last registered first. The interpreter does
//! not call them at exit yet.

use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `atexit`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(
        vm,
        "atexit",
        &[
            ("register", register),
            ("unregister", unregister),
            ("_clear", |vm, _| {
                handlers(vm)?.with_list(|l| l.clear());
                Ok(Value::None)
            }),
            ("_ncallbacks", |vm, _| {
                Ok(Value::Int(handlers(vm)?.with_list(|l| l.len()) as i64))
            }),
            ("_run_exitfuncs", run_exitfuncs),
        ],
    );
    let list = vm.new_list(vec![]);
    vm.module_set(&m, "_exithandlers", list);
    Ok(m)
}

struct Handlers(Value);

impl Handlers {
    fn with_list<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        match self.0.payload() {
            Some(crate::object::Payload::List(l)) => l.with_mut(f),
            _ => f(&mut Vec::new()),
        }
    }
}

fn handlers(vm: &mut Vm) -> PyResult<Handlers> {
    let m = vm.import_absolute("atexit")?;
    let name = vm.intern("_exithandlers");
    Ok(Handlers(vm.get_attr(&m, &name)?))
}

fn register(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(func) = args.values.first().cloned() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    let entry = vm.new_tuple(args.values.to_vec());
    handlers(vm)?.with_list(|l| l.push(entry));
    Ok(func)
}

fn unregister(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let func = args.values.first().cloned().unwrap_or(Value::None);
    let entries = handlers(vm)?.with_list(|l| l.clone());
    let mut keep = Vec::new();
    for e in entries {
        let f = vm.collect(&e)?.first().cloned().unwrap_or(Value::None);
        if !vm.eq(&f, &func)? {
            keep.push(e);
        }
    }
    handlers(vm)?.with_list(|l| *l = keep);
    Ok(Value::None)
}

fn run_exitfuncs(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    let entries = handlers(vm)?.with_list(std::mem::take);
    for e in entries.iter().rev() {
        let items = vm.collect(e)?;
        if let Some((f, rest)) = items.split_first() {
            vm.call(f, Args::positional(rest))?;
        }
    }
    Ok(Value::None)
}
