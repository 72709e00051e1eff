//! `list`: construction and methods.

use crate::object::{Args, BuiltinKind, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let list = vm.types.list.clone();
    vm.add_method(&list, "append", list_append, BuiltinKind::Method);
    vm.add_method(&list, "__new__", list_new, BuiltinKind::StaticMethod);
    vm.add_method(&list, "__init__", list_init, BuiltinKind::Method);
}

/// `list.__new__(cls, ...)`: an empty list of class `cls` (filled by `__init__`).
fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = match args.values.first() {
        Some(Value::Obj(c)) if matches!(c.payload, Payload::Type(_)) => c.clone(),
        _ => return Err(vm.type_error("list.__new__(X): X is not a type object")),
    };
    let payload = Payload::List(crate::object::PyCell::new(Vec::new()));
    Ok(Value::Obj(if vm.type_data(&cls).instance_dict {
        crate::object::Object::with_dict(cls, payload)
    } else {
        crate::object::Object::new(cls, payload)
    }))
}

/// `list.__init__(self, iterable=())`.
fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "list", &args)?;
    let pos = args.pos();
    let Some(Value::Obj(this)) = pos.first() else {
        return Err(vm.type_error("list.__init__ needs a list"));
    };
    let items = match pos.len() {
        1 => Vec::new(),
        2 => vm.collect(&pos[1])?,
        n => return Err(vm.type_error(&format!("list expected at most 1 argument, got {}", n - 1))),
    };
    if let Payload::List(l) = &this.payload {
        let _old = l.replace(items);
    }
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [Value::Obj(l), v] => match &l.payload {
            Payload::List(items) => {
                items.with_mut(|items| items.push(v.clone()));
                Ok(Value::None)
            }
            _ => Err(vm.type_error("descriptor 'append' requires a 'list' object")),
        },
        p => Err(vm.type_error(&format!(
            "list.append() takes exactly one argument ({} given)",
            p.len().saturating_sub(1)
        ))),
    }
}
