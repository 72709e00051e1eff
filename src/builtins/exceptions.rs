//! `BaseException` and its subclasses: construction, `args`, `__str__`/`__repr__`,
//! `with_traceback`, the chaining attributes, and the extra fields of a few classes
//! (`StopIteration.value`, `SystemExit.code`, `KeyError`'s str, `OSError.errno`...).

use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let base = vm.types.exc.base_exception.clone();
    vm.add_method(&base, "__new__", exc_new, BuiltinKind::StaticMethod);
    vm.add_method(&base, "__init__", exc_init, BuiltinKind::Method);
    vm.add_method(
        &base,
        "with_traceback",
        exc_with_traceback,
        BuiltinKind::Method,
    );
    vm.add_getset(&base, "args", exc_get_args, Some(exc_set_args));
    vm.add_getset(&base, "__context__", exc_get_context, Some(exc_set_context));
    vm.add_getset(&base, "__cause__", exc_get_cause, Some(exc_set_cause));
    vm.add_getset(
        &base,
        "__suppress_context__",
        exc_get_suppress,
        Some(exc_set_suppress),
    );
    vm.add_getset(
        &base,
        "__traceback__",
        exc_get_traceback,
        Some(exc_set_traceback),
    );
    let si = vm.types.exc.stop_iteration.clone();
    vm.add_getset(&si, "value", stop_iteration_value, None);
    let se = vm.types.exc.system_exit.clone();
    vm.add_getset(&se, "code", system_exit_code, None);
}

fn exc_data<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a crate::object::ExceptionData> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Exception(d)) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn exc_get_args(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(exc_data(vm, &args)?.args.get())
}

fn exc_set_args(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    let t = vm.collect(&v)?;
    let t = vm.new_tuple(t);
    exc_data(vm, &args)?.args.replace(t);
    Ok(Value::None)
}

/// A cause or context never set reads as None.
fn none_if_unset(v: Value) -> Value {
    if v.is_null() {
        Value::None
    } else {
        v
    }
}

fn exc_get_context(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(none_if_unset(exc_data(vm, &args)?.context.get()))
}

fn exc_set_context(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    exc_data(vm, &args)?.context.replace(v);
    Ok(Value::None)
}

fn exc_get_cause(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(none_if_unset(exc_data(vm, &args)?.cause.get()))
}

fn exc_set_cause(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    let d = exc_data(vm, &args)?;
    d.cause.replace(v);
    d.suppress_context.set(true);
    Ok(Value::None)
}

fn exc_get_suppress(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(exc_data(vm, &args)?.suppress_context.get()))
}

fn exc_set_suppress(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    let b = vm.truthy(&v)?;
    exc_data(vm, &args)?.suppress_context.set(b);
    Ok(Value::None)
}

fn exc_get_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    exc_data(vm, &args)?;
    let exc = exc_self(vm, &args)?.clone();
    Ok(vm.exception_traceback(&exc))
}

fn exc_set_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    exc_data(vm, &args)?.traceback_obj.replace(v);
    Ok(Value::None)
}

fn first_arg(vm: &Vm, args: &Args<'_>) -> PyResult<Value> {
    let t = exc_data(vm, args)?.args.get();
    Ok(match t.payload() {
        Some(Payload::Tuple(items)) if !items.is_empty() => items[0].clone(),
        _ => Value::None,
    })
}

fn stop_iteration_value(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    first_arg(vm, &args)
}

fn system_exit_code(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = exc_data(vm, &args)?.args.get();
    Ok(match t.payload() {
        Some(Payload::Tuple(items)) if items.len() == 1 => items[0].clone(),
        Some(Payload::Tuple(items)) if items.is_empty() => Value::None,
        _ => t,
    })
}

fn exc_self<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a ObjRef> {
    match args.values.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

/// `BaseException.__new__(cls, *args)`: the instance with `args` set.
fn exc_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    let obj = vm.new_instance(cls);
    if let Payload::Exception(d) = &obj.payload {
        let t = vm.new_tuple(args.pos()[1..].to_vec());
        d.args.replace(t);
    }
    Ok(Value::Obj(obj))
}

/// `BaseException.__init__(self, *args)`.
fn exc_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = exc_self(vm, &args)?.clone();
    if !args.kwnames.is_empty() && !vm.type_data(this.class()).is_heap {
        let name = vm.type_data(this.class()).name();
        return Err(crate::builtins::exception_extras::no_kwargs_error(
            vm, &name,
        ));
    }
    if let Payload::Exception(d) = &this.payload {
        let t = vm.new_tuple(args.pos()[1..].to_vec());
        d.args.replace(t);
    }
    Ok(Value::None)
}

fn exc_with_traceback(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = exc_self(vm, &args)?.clone();
    if let Payload::Exception(d) = &this.payload {
        d.traceback_obj
            .replace(args.values.get(1).cloned().unwrap_or(Value::None));
    }
    Ok(Value::Obj(this))
}
