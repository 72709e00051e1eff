//! Attributes of functions (`__name__`, `__qualname__`, `__doc__`, `__module__`,
//! `__defaults__`, `__kwdefaults__`, `__code__`, `__globals__`, `__closure__`,
//! `__annotations__`, ...; arbitrary attributes live in the function's `__dict__`), of
//! bound methods (`__self__`, `__func__`, and the function's names), of builtin
//! functions, of code objects (`co_*`) and of cells (`cell_contents`).

use super::arity::ver;
use crate::object::{Args, BuiltinKind, Function, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let v = ver(vm);
    let f = vm.types.function.clone();
    vm.add_getset(&f, "__name__", func_name, Some(func_set_name));
    vm.add_getset(&f, "__qualname__", func_qualname, Some(func_set_qualname));
    vm.add_getset(
        &f,
        "__doc__",
        |vm, a| func_cell(vm, a, |f| &f.doc),
        Some(|vm, a| func_set_cell(vm, a, |f| &f.doc)),
    );
    vm.add_getset(
        &f,
        "__module__",
        |vm, a| func_cell(vm, a, |f| &f.module),
        Some(|vm, a| func_set_cell(vm, a, |f| &f.module)),
    );
    vm.add_getset(
        &f,
        "__defaults__",
        |vm, a| func_cell(vm, a, |f| &f.defaults),
        Some(func_set_defaults),
    );
    vm.add_getset(
        &f,
        "__kwdefaults__",
        |vm, a| func_cell(vm, a, |f| &f.kwdefaults),
        Some(func_set_kwdefaults),
    );
    vm.add_getset(&f, "__code__", func_code, Some(func_set_code));
    vm.add_getset(&f, "__globals__", func_globals, None);
    vm.add_getset(&f, "__closure__", func_closure, None);
    vm.add_getset(
        &f,
        "__annotations__",
        func_annotations,
        Some(func_set_annotations),
    );
    if v >= (3, 10) {
        vm.add_getset(&f, "__builtins__", func_builtins, None);
    }
    if v >= (3, 12) {
        vm.add_getset(
            &f,
            "__type_params__",
            func_type_params,
            Some(func_set_type_params),
        );
    }
    vm.add_method(&f, "__get__", func_descr_get, BuiltinKind::Method);
    vm.add_method(&f, "__call__", call_self, BuiltinKind::Method);

    let m = vm.types.method.clone();
    vm.add_method(&m, "__new__", method_new, BuiltinKind::StaticMethod);
    vm.add_getset(&m, "__self__", |vm, a| method_part(vm, a, true), None);
    vm.add_getset(&m, "__func__", |vm, a| method_part(vm, a, false), None);
    vm.add_method(&m, "__getattr__", method_getattr, BuiltinKind::Method);
    for name in ["__name__", "__qualname__", "__doc__", "__module__"] {
        let getter: crate::object::NativeFn = match name {
            "__name__" => |vm, a| method_delegate(vm, a, "__name__"),
            "__qualname__" => |vm, a| method_delegate(vm, a, "__qualname__"),
            "__doc__" => |vm, a| method_delegate(vm, a, "__doc__"),
            _ => |vm, a| method_delegate(vm, a, "__module__"),
        };
        vm.add_getset(&m, name, getter, None);
    }
    vm.add_method(
        &m,
        "__eq__",
        |vm, a| method_eq(vm, a, true),
        BuiltinKind::Method,
    );
    vm.add_method(
        &m,
        "__ne__",
        |vm, a| method_eq(vm, a, false),
        BuiltinKind::Method,
    );
    vm.add_method(&m, "__hash__", method_hash, BuiltinKind::Method);
    vm.add_method(
        &m,
        "__get__",
        |_, a| Ok(a.values[0].clone()),
        BuiltinKind::Method,
    );
    vm.add_method(&m, "__call__", call_self, BuiltinKind::Method);

    let b = vm.types.builtin_function.clone();
    let x = &vm.types.extra;
    let builtin_types = [
        b,
        x.method_descriptor.clone(),
        x.wrapper_descriptor.clone(),
        x.method_wrapper.clone(),
        x.classmethod_descriptor.clone(),
    ];
    for t in builtin_types {
        vm.add_getset(&t, "__name__", builtin_name, None);
        vm.add_getset(&t, "__qualname__", builtin_qualname, None);
        vm.add_getset(&t, "__doc__", builtin_doc, None);
        vm.add_getset(&t, "__self__", builtin_self, None);
        vm.add_getset(&t, "__module__", builtin_module, None);
        vm.add_getset(&t, "__objclass__", builtin_objclass, None);
        vm.add_method(&t, "__call__", call_self, BuiltinKind::Method);
    }

    let code = vm.types.code.clone();
    let code_attrs: &[(&'static str, crate::object::NativeFn)] = &[
        ("co_name", |vm, a| code_attr(vm, a, "co_name")),
        ("co_argcount", |vm, a| code_attr(vm, a, "co_argcount")),
        ("co_kwonlyargcount", |vm, a| {
            code_attr(vm, a, "co_kwonlyargcount")
        }),
        ("co_nlocals", |vm, a| code_attr(vm, a, "co_nlocals")),
        ("co_varnames", |vm, a| code_attr(vm, a, "co_varnames")),
        ("co_cellvars", |vm, a| code_attr(vm, a, "co_cellvars")),
        ("co_freevars", |vm, a| code_attr(vm, a, "co_freevars")),
        ("co_names", |vm, a| code_attr(vm, a, "co_names")),
        ("co_consts", |vm, a| code_attr(vm, a, "co_consts")),
        ("co_flags", |vm, a| code_attr(vm, a, "co_flags")),
        ("co_filename", |vm, a| code_attr(vm, a, "co_filename")),
        ("co_firstlineno", |vm, a| code_attr(vm, a, "co_firstlineno")),
        ("co_stacksize", |vm, a| code_attr(vm, a, "co_stacksize")),
        ("co_code", |vm, a| code_attr(vm, a, "co_code")),
    ];
    for (name, g) in code_attrs {
        vm.add_getset(&code, name, *g, None);
    }
    if v >= (3, 8) {
        vm.add_getset(
            &code,
            "co_posonlyargcount",
            |vm, a| code_attr(vm, a, "co_posonlyargcount"),
            None,
        );
    }
    if v >= (3, 11) {
        vm.add_getset(
            &code,
            "co_qualname",
            |vm, a| code_attr(vm, a, "co_qualname"),
            None,
        );
    }
    let cell = vm.types.cell.clone();
    vm.add_getset(
        &cell,
        "cell_contents",
        cell_contents,
        Some(cell_set_contents),
    );
}

/// `f.__call__(*args, **kwargs)` for functions, methods and builtins.
fn call_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(f) = args.values.first().cloned() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    vm.call(
        &f,
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        },
    )
}

fn func<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Function> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Function(f)) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a 'function' object")),
    }
}

fn new_value(args: &Args<'_>) -> Value {
    args.values.get(1).cloned().unwrap_or(Value::None)
}

fn func_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = func(vm, &args)?.name.get();
    Ok(vm.new_str(&n))
}

fn func_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    match new_value(&args).as_str() {
        Some(s) => {
            f.name.replace(Rc::from(s.as_str()));
            Ok(Value::None)
        }
        None => Err(vm.type_error("__name__ must be set to a string object")),
    }
}

fn func_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = func(vm, &args)?.qualname.get();
    Ok(vm.new_str(&n))
}

fn func_set_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    match new_value(&args).as_str() {
        Some(s) => {
            f.qualname.replace(Rc::from(s.as_str()));
            Ok(Value::None)
        }
        None => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}

/// `f.__type_params__` (3.12+): the type parameters of a generic function, or `()`.
fn func_type_params(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match func(vm, &args)?.type_params.get() {
        Value::Null => Ok(vm.new_tuple(vec![])),
        v => Ok(v),
    }
}

/// Sets `__type_params__` (a tuple; CPython refuses anything else, and deleting).
pub fn func_set_type_params(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    match args.values.get(1) {
        Some(v) if matches!(v.payload(), Some(crate::object::Payload::Tuple(_))) => {
            drop(f.type_params.replace(v.clone()));
            Ok(Value::None)
        }
        _ => Err(vm.type_error("__type_params__ must be set to a tuple")),
    }
}

type CellOf = fn(&Function) -> &crate::object::PyCell<Value>;

fn func_cell(vm: &mut Vm, args: Args<'_>, which: CellOf) -> PyResult<Value> {
    Ok(which(func(vm, &args)?).get())
}

fn func_set_cell(vm: &mut Vm, args: Args<'_>, which: CellOf) -> PyResult<Value> {
    let f = func(vm, &args)?;
    which(f).replace(new_value(&args));
    Ok(Value::None)
}

fn func_set_defaults(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    let v = new_value(&args);
    if !v.is_none() && !matches!(v.payload(), Some(Payload::Tuple(_))) {
        return Err(vm.type_error("__defaults__ must be set to a tuple object"));
    }
    f.defaults.replace(v);
    Ok(Value::None)
}

fn func_set_kwdefaults(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    let v = new_value(&args);
    if !v.is_none() && !matches!(v.payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
    }
    f.kwdefaults.replace(v);
    Ok(Value::None)
}

/// `f.__code__ = code`: the new code must have as many free variables as the closure.
fn func_set_code(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    let Some(Payload::Code(code)) = args.values.get(1).and_then(|v| v.payload()) else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let (want, have) = (f.closure.len(), code.co.freevars.len());
    if want != have {
        let name = f.name.get();
        return Err(vm.value_error(&format!(
            "{name}() requires a code object with {want} free vars, not {have}"
        )));
    }
    f.code.replace(code.clone());
    Ok(Value::None)
}

fn func_code(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let code = func(vm, &args)?.code.get();
    Ok(Value::Obj(crate::vm::code::code_object(vm, code)))
}

fn func_globals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(func(vm, &args)?.globals.clone()))
}

fn func_builtins(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(func(vm, &args)?.builtins.clone()))
}

fn func_closure(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    if f.closure.is_empty() {
        return Ok(Value::None);
    }
    let cells = f.closure.iter().cloned().map(Value::Obj).collect();
    Ok(vm.new_tuple(cells))
}

/// `__annotations__`: a dict, created empty on first access (3.10+ stores the compiler's
/// flat name/value tuple until then).
fn func_annotations(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    let a = f.annotations.get();
    if matches!(a.payload(), Some(Payload::Dict(_))) {
        return Ok(a);
    }
    let d = vm.new_dict();
    if let Some(Payload::Tuple(items)) = a.payload() {
        for pair in items.chunks(2) {
            if let [k, v] = pair {
                vm.dict_set(&d, k.clone(), v.clone())?;
            }
        }
    }
    let d = Value::Obj(d);
    func(vm, &args)?.annotations.replace(d.clone());
    Ok(d)
}

fn func_set_annotations(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = func(vm, &args)?;
    let v = new_value(&args);
    if !v.is_none() && !matches!(v.payload(), Some(Payload::Dict(_))) {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    }
    f.annotations.replace(v);
    Ok(Value::None)
}

/// `function.__get__(obj, type=None)`: a bound method (or the function for None).
fn func_descr_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    match pos {
        [f, obj] | [f, obj, _] if !obj.is_none() => Ok(vm.bind(f.clone(), obj.clone())),
        [f, ..] => Ok(f.clone()),
        [] => Err(vm.type_error("descriptor '__get__' needs an argument")),
    }
}

fn method_parts<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a crate::object::BoundMethod> {
    match v.payload() {
        Some(Payload::Method(m)) => Ok(m),
        _ => Err(vm.type_error("descriptor requires a 'method' object")),
    }
}

fn method_part(vm: &mut Vm, args: Args<'_>, self_: bool) -> PyResult<Value> {
    let m = method_parts(vm, args.values.first().unwrap_or(&Value::None))?;
    Ok(if self_ {
        m.self_.clone()
    } else {
        m.func.clone()
    })
}

fn method_delegate(vm: &mut Vm, args: Args<'_>, name: &'static str) -> PyResult<Value> {
    let m = method_parts(vm, args.values.first().unwrap_or(&Value::None))?;
    let f = m.func.clone();
    let key = vm.intern(name);
    vm.get_attr(&f, &key)
}

/// Other attributes of a bound method are its function's (`__wrapped__`, `__dict__`
/// entries), as CPython's `method_getattro` falls back to them (and so do 2.x unbound
/// methods').
fn method_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.values.first().cloned().unwrap_or(Value::None);
    let f = super::py2::methods::func_of(vm, &this)?;
    let Some(name) = args.pos().get(1).and_then(|n| n.as_obj()).cloned() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    match super::objects::getattr_opt(vm, &f, &name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(&this, &name)),
    }
}

/// Bound methods are equal when they bind the same object to equal functions.
fn method_eq(vm: &mut Vm, args: Args<'_>, eq: bool) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some(Payload::Method(x)), Some(Payload::Method(y))) = (a.payload(), b.payload()) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let same_self = if ver(vm) >= (3, 8) {
        x.self_.is(&y.self_)
    } else {
        super::sequence::same_or_eq(vm, &x.self_, &y.self_)?
    };
    let r = same_self && super::sequence::same_or_eq(vm, &x.func, &y.func)?;
    Ok(Value::bool(r == eq))
}

fn method_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = method_parts(vm, args.values.first().unwrap_or(&Value::None))?;
    let (s, f) = (m.self_.clone(), m.func.clone());
    let hs = s.id().rotate_right(4) as i64;
    let hf = vm.hash(&f)?;
    let h = hs ^ hf;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn builtin<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a crate::object::Builtin> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Builtin(b)) => Ok(b),
        _ => Err(vm.type_error("descriptor requires a 'builtin_function_or_method' object")),
    }
}

fn builtin_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = builtin(vm, &args)?;
    Ok(vm.new_str(b.name))
}

fn builtin_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = builtin(vm, &args)?;
    let owner: Option<ObjRef> = match (&b.bound, &b.owner) {
        (Value::Null, Some(o)) => Some(o.clone()),
        (Value::Obj(o), _) if matches!(o.payload, Payload::Type(_)) => Some(o.clone()),
        (Value::Null, None) => None,
        (v, _) => Some(vm.class_of(v).clone()),
    };
    Ok(match owner {
        Some(t) => {
            let q = vm.type_data(&t).qualname.get();
            vm.new_str(&format!("{q}.{}", b.name))
        }
        None => vm.new_str(b.name),
    })
}

fn builtin_doc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = builtin(vm, &args)?;
    Ok(b.doc.map(|d| vm.new_str(d)).unwrap_or(Value::None))
}

fn builtin_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = builtin(vm, &args)?;
    Ok(match (&b.bound, &b.owner) {
        (Value::Null, Some(o)) if b.kind == BuiltinKind::StaticMethod => Value::Obj(o.clone()),
        // A builtin function's `__self__` is the builtins module.
        (Value::Null, None) => {
            let module = crate::object::Object::new(
                vm.types.module.clone(),
                Payload::Module(vm.builtins.clone()),
            );
            Value::Obj(module)
        }
        (Value::Null, _) => Value::None,
        (v, _) => v.clone(),
    })
}

fn builtin_module(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = builtin(vm, &args)?;
    Ok(if b.owner.is_none() {
        vm.new_str("builtins")
    } else {
        Value::None
    })
}

fn builtin_objclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = builtin(vm, &args)?;
    match &b.owner {
        Some(o) => Ok(Value::Obj(o.clone())),
        None => Err(vm.new_exception(
            &vm.types.exc.attribute_error.clone(),
            "'builtin_function_or_method' object has no attribute '__objclass__'",
        )),
    }
}

fn code_attr(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let Some(Payload::Code(c)) = args.values.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor requires a 'code' object"));
    };
    let co = c.co.clone();
    let strs =
        |vm: &Vm, items: &[Rc<str>]| vm.new_tuple(items.iter().map(|s| vm.new_str(s)).collect());
    Ok(match name {
        "co_name" => vm.new_str(&co.name),
        "co_qualname" => vm.new_str(&co.qualname),
        "co_argcount" => Value::Int(co.argcount as i64),
        "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(co.nlocals as i64),
        "co_varnames" => strs(vm, &co.varnames),
        "co_cellvars" => strs(vm, &co.cellvars),
        "co_freevars" => strs(vm, &co.freevars),
        "co_names" => strs(vm, &co.names),
        "co_consts" => vm.new_tuple(c.consts.to_vec()),
        "co_flags" => Value::Int(co.flags as i64),
        "co_filename" => vm.new_str(&co.filename),
        "co_firstlineno" => Value::Int(co.firstlineno as i64),
        "co_stacksize" => Value::Int(co.stacksize as i64),
        "co_code" => Value::Obj(crate::object::Object::new(
            vm.types.bytes.clone(),
            Payload::Bytes(co.code.to_vec().into()),
        )),
        _ => Value::None,
    })
}

fn cell_contents(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Payload::Cell(c)) = args.values.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor requires a 'cell' object"));
    };
    let v = c.get();
    if v.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(v)
}

fn cell_set_contents(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Payload::Cell(c)) = args.values.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor requires a 'cell' object"));
    };
    c.replace(new_value(&args));
    Ok(Value::None)
}

/// `types.MethodType(function, instance)`: a bound method.
fn method_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if pos.len() != 3 {
        let n = pos.len().saturating_sub(1);
        return Err(vm.type_error(&format!("method expected 2 arguments, got {n}")));
    }
    let (func, this) = (pos[1].clone(), pos[2].clone());
    let call = vm.names.__call__.clone();
    let cls = vm.class_of(&func).clone();
    if vm.lookup_in_mro(&cls, &call).is_none() {
        return Err(vm.type_error("first argument must be callable"));
    }
    if this.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.bind(func, this))
}
