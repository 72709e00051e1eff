//! `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`: a function
//! made from a code object (e.g. one taken from `compile()`'s constants), with CPython's
//! argument checks and messages.

use super::args::Signature;
use crate::object::{Args, BuiltinKind, Function, Object, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let f = vm.types.function.clone();
    vm.add_method(&f, "__new__", function_new, BuiltinKind::StaticMethod);
}

fn function_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = Signature {
        name: "function",
        params: &["", "code", "globals", "name", "argdefs", "closure"],
        required: 3,
        positional_only: 1,
    };
    let bound = sig.bind(vm, args)?;
    let arg = |i: usize| bound[i].clone().unwrap_or(Value::None);
    let code_arg = arg(1);
    let Some(Payload::Code(code)) = code_arg.payload() else {
        let t = vm.type_name(&code_arg);
        return Err(vm.type_error(&format!("function() argument 'code' must be code, not {t}")));
    };
    let code = code.clone();
    let globals = match arg(2) {
        Value::Obj(g) if matches!(g.payload, Payload::Dict(_)) => g,
        other => {
            let t = vm.type_name(&other);
            return Err(vm.type_error(&format!(
                "function() argument 'globals' must be dict, not {t}"
            )));
        }
    };
    let name: Rc<str> = match arg(3) {
        Value::None => code.co.name.clone(),
        v => match v.as_str() {
            Some(s) => Rc::from(s.as_str()),
            None => return Err(vm.type_error("arg 3 (name) must be None or string")),
        },
    };
    let defaults = arg(4);
    if !defaults.is_none() && !matches!(defaults.payload(), Some(Payload::Tuple(_))) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = code.co.freevars.len();
    let cells: Vec<_> = match arg(5) {
        Value::None => Vec::new(),
        v => match v.payload() {
            Some(Payload::Tuple(t)) => {
                let mut cells = Vec::with_capacity(t.len());
                for c in t.iter() {
                    match c {
                        Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.cell) => {
                            cells.push(o.clone())
                        }
                        other => {
                            let t = vm.type_name(other);
                            return Err(
                                vm.type_error(&format!("arg 5 (closure) expected cell, found {t}"))
                            );
                        }
                    }
                }
                cells
            }
            _ => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        },
    };
    if nfree > 0 && bound[5].as_ref().is_none_or(|v| v.is_none()) {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    if cells.len() != nfree {
        return Err(vm.value_error(&format!(
            "{} requires closure of length {nfree}, not {}",
            code.co.name,
            cells.len()
        )));
    }
    let key = vm.names.__builtins__.clone();
    let builtins = match vm.dict_get_name(&globals, &key) {
        Some(Value::Obj(b)) => match &b.payload {
            Payload::Module(d) => d.clone(),
            Payload::Dict(_) => b.clone(),
            _ => vm.builtins.clone(),
        },
        _ => vm.builtins.clone(),
    };
    let module_key = vm.names.__name__.clone();
    let module = vm
        .dict_get_name(&globals, &module_key)
        .unwrap_or(Value::None);
    let doc = if crate::vm::flavour::first_const_is_docstring(vm.version, code.co.flags) {
        match code.consts.first() {
            Some(v) if v.as_str().is_some() => v.clone(),
            _ => Value::None,
        }
    } else {
        Value::None
    };
    let qualname = if arg(3).is_none() {
        code.co.qualname.clone()
    } else {
        name.clone()
    };
    let f = Function {
        code: PyCell::new(code),
        globals,
        builtins,
        name: PyCell::new(name),
        qualname: PyCell::new(qualname),
        defaults: PyCell::new(defaults),
        kwdefaults: PyCell::new(Value::None),
        closure: cells.into_boxed_slice(),
        annotations: PyCell::new(Value::None),
        doc: PyCell::new(doc),
        module: PyCell::new(module),
        type_params: PyCell::new(Value::Null),
    };
    Ok(Value::Obj(Object::with_dict(
        vm.types.function.clone(),
        Payload::Function(Box::new(f)),
    )))
}
