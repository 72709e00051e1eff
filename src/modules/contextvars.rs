//! The native `_contextvars` module (3.7+, PEP 567): `ContextVar`, `Token`, `Context`
//! and `copy_context`, which the stdlib's `contextvars`, `decimal` and `asyncio` build
//! on.
//!
//! A context is an immutable mapping from variables to values: `ContextVar.set` gives
//! the current context a new mapping (copy on write), so a `copy_context()` taken
//! earlier keeps what it saw. CPython uses a HAMT; the mappings here are small
//! insertion-ordered vectors shared through `Rc`. The current context is per
//! interpreter thread; `Context.run` enters a context for the length of a call.

use super::native_class::state_of as state;
use crate::builtins::arity;
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The variables' values in one context, oldest variable first.
type Mapping = Rc<Vec<(ObjRef, Value)>>;

struct VarData {
    name: Value,
    default: Option<Value>,
}

struct TokenData {
    context: ObjRef,
    var: ObjRef,
    /// The value before the `set` (None: the variable had none).
    old: Option<Value>,
    used: Cell<bool>,
}

struct ContextData {
    mapping: PyCell<Mapping>,
    entered: Cell<bool>,
}

/// The module's types and `Token.MISSING`.
struct Types {
    var: ObjRef,
    token: ObjRef,
    context: ObjRef,
    missing: Value,
}

thread_local! {
    static TYPES: RefCell<Option<Rc<Types>>> = const { RefCell::new(None) };
    /// The current context (made empty on first use).
    static CURRENT: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// A marker type for `Token.MISSING`, whose repr is `<Token.MISSING>`.
struct Missing;

/// `_contextvars`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let types = types(vm);
    let m = vm.new_module("_contextvars");
    vm.module_set(&m, "ContextVar", Value::Obj(types.var.clone()));
    vm.module_set(&m, "Token", Value::Obj(types.token.clone()));
    vm.module_set(&m, "Context", Value::Obj(types.context.clone()));
    let f = vm.new_builtin("copy_context", copy_context, BuiltinKind::Function, None);
    vm.module_set(&m, "copy_context", f);
    Ok(m)
}

fn types(vm: &mut Vm) -> Rc<Types> {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let prefix = if crate::vm::flavour::contextvars_types_have_module(vm.version) {
        "_contextvars."
    } else {
        ""
    };
    let var = vm.new_native_type(&format!("{prefix}ContextVar"), false);
    let var_methods: &[(&'static str, NativeFn)] = &[
        ("get", var_get),
        ("set", var_set),
        ("reset", var_reset),
        ("__repr__", var_repr),
    ];
    add_methods(vm, &var, var_methods);
    vm.add_method(&var, "__new__", var_new, BuiltinKind::StaticMethod);
    vm.add_method(
        &var,
        "__class_getitem__",
        class_getitem,
        BuiltinKind::ClassMethod,
    );
    vm.add_getset(&var, "name", var_name, None);

    let token = vm.new_native_type(&format!("{prefix}Token"), false);
    add_methods(vm, &token, &[("__repr__", token_repr)]);
    vm.add_method(&token, "__new__", token_new, BuiltinKind::StaticMethod);
    vm.add_method(
        &token,
        "__class_getitem__",
        class_getitem,
        BuiltinKind::ClassMethod,
    );
    vm.add_getset(&token, "var", token_var, None);
    vm.add_getset(&token, "old_value", token_old_value, None);
    let missing_type = vm.new_native_type("Token.MISSING", false);
    add_methods(vm, &missing_type, &[("__repr__", missing_repr)]);
    let missing = Value::Obj(Object::new(missing_type, Payload::Other(Box::new(Missing))));
    let key = Value::Obj(vm.intern("MISSING"));
    let dict = vm.type_data(&token).dict.clone();
    let _ = vm.dict_set(&dict, key, missing.clone());

    let context = vm.new_native_type(&format!("{prefix}Context"), false);
    let context_methods: &[(&'static str, NativeFn)] = &[
        ("run", context_run),
        ("copy", context_copy),
        ("get", context_get),
        ("keys", context_keys),
        ("values", context_values),
        ("items", context_items),
        ("__getitem__", context_getitem),
        ("__contains__", context_contains),
        ("__len__", context_len),
        ("__iter__", context_iter),
        ("__eq__", context_eq),
    ];
    add_methods(vm, &context, context_methods);
    vm.add_method(&context, "__new__", context_new, BuiltinKind::StaticMethod);
    let key = Value::Obj(vm.names.__hash__.clone());
    let dict = vm.type_data(&context).dict.clone();
    let _ = vm.dict_set(&dict, key, Value::None);

    let t = Rc::new(Types {
        var,
        token,
        context,
        missing,
    });
    TYPES.with(|slot| *slot.borrow_mut() = Some(t.clone()));
    t
}

fn add_methods(vm: &mut Vm, t: &ObjRef, methods: &[(&'static str, NativeFn)]) {
    for (name, f) in methods {
        vm.add_method(t, name, *f, BuiltinKind::Method);
    }
}

/// The object `self` of a method of type `T`, with CPython's descriptor error otherwise.
fn this<'a, T: 'static>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
    type_name: &str,
) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if state::<T>(v).is_some() => Ok(v),
        Some(v) => Err(vm.type_error(&format!(
            "descriptor '{method}' requires a '{type_name}' object but received a '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(&format!(
            "descriptor '{method}' of '{type_name}' object needs an argument"
        ))),
    }
}

/// The current context, made (empty) on first use.
fn current(vm: &mut Vm) -> ObjRef {
    if let Some(c) = CURRENT.with(|c| c.borrow().clone()) {
        return c;
    }
    let c = new_context(vm, Rc::new(Vec::new()));
    CURRENT.with(|slot| *slot.borrow_mut() = Some(c.clone()));
    c
}

fn new_context(vm: &mut Vm, mapping: Mapping) -> ObjRef {
    let t = types(vm);
    Object::new(
        t.context.clone(),
        Payload::Other(Box::new(ContextData {
            mapping: PyCell::new(mapping),
            entered: Cell::new(false),
        })),
    )
}

fn context_data(context: &ObjRef) -> Option<&ContextData> {
    crate::object::native::state::<ContextData>(&context.payload)
}

fn mapping_of(context: &ObjRef) -> Mapping {
    context_data(context)
        .map(|c| c.mapping.with(|m| m.clone()))
        .unwrap_or_default()
}

fn lookup(mapping: &Mapping, var: &ObjRef) -> Option<Value> {
    mapping
        .iter()
        .find(|(v, _)| Rc::ptr_eq(v, var))
        .map(|(_, value)| value.clone())
}

/// The mapping with `var` bound to `value` (`None`: unbound).
fn with_binding(mapping: &Mapping, var: &ObjRef, value: Option<Value>) -> Mapping {
    let mut items: Vec<(ObjRef, Value)> = mapping.as_ref().clone();
    match (items.iter().position(|(v, _)| Rc::ptr_eq(v, var)), value) {
        (Some(i), Some(value)) => items[i].1 = value,
        (Some(i), None) => {
            items.remove(i);
        }
        (None, Some(value)) => items.push((var.clone(), value)),
        (None, None) => {}
    }
    Rc::new(items)
}

fn set_mapping(context: &ObjRef, mapping: Mapping) {
    if let Some(c) = context_data(context) {
        let old = c.mapping.replace(mapping);
        drop(old);
    }
}

fn var_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = arity::bind_kw(
        vm,
        "ContextVar",
        &args.pos()[1..],
        &args,
        &["name", "default"],
        1,
    )?;
    if args.pos().len() > 2 {
        return Err(vm.type_error(&format!(
            "ContextVar() takes exactly 1 positional argument ({} given)",
            args.pos().len() - 1
        )));
    }
    let name = b[0].clone().unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let t = types(vm);
    Ok(Value::Obj(Object::new(
        t.var.clone(),
        Payload::Other(Box::new(VarData {
            name,
            default: b[1].clone(),
        })),
    )))
}

fn var_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this::<VarData>(vm, &args, "name", "ContextVar")?;
    Ok(state::<VarData>(v)
        .map(|d| d.name.clone())
        .unwrap_or(Value::None))
}

fn var_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this::<VarData>(vm, &args, "get", "ContextVar")?;
    let default = match &args.pos()[1..] {
        [] => None,
        [d] => Some(d.clone()),
        more => {
            return Err(vm.type_error(&format!(
                "get expected at most 1 argument, got {}",
                more.len()
            )))
        }
    };
    let Value::Obj(var) = v else { unreachable!() };
    let ctx = current(vm);
    if let Some(value) = lookup(&mapping_of(&ctx), var) {
        return Ok(value);
    }
    if let Some(d) = default.or_else(|| state::<VarData>(v).and_then(|d| d.default.clone())) {
        return Ok(d);
    }
    let args = vm.new_tuple(vec![v.clone()]);
    Err(vm.new_exception_args(&vm.types.exc.lookup_error.clone(), args))
}

fn var_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this::<VarData>(vm, &args, "set", "ContextVar")?;
    let [_, value] = args.pos() else {
        return Err(vm.type_error(&format!(
            "{}() takes exactly one argument ({} given)",
            arity::method_name(vm, "ContextVar", "set"),
            args.pos().len() - 1
        )));
    };
    let Value::Obj(var) = v else { unreachable!() };
    let ctx = current(vm);
    let mapping = mapping_of(&ctx);
    let old = lookup(&mapping, var);
    set_mapping(&ctx, with_binding(&mapping, var, Some(value.clone())));
    let t = types(vm);
    Ok(Value::Obj(Object::new(
        t.token.clone(),
        Payload::Other(Box::new(TokenData {
            context: ctx,
            var: var.clone(),
            old,
            used: Cell::new(false),
        })),
    )))
}

fn var_reset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this::<VarData>(vm, &args, "reset", "ContextVar")?;
    let [_, token_v] = args.pos() else {
        return Err(vm.type_error(&format!(
            "{}() takes exactly one argument ({} given)",
            arity::method_name(vm, "ContextVar", "reset"),
            args.pos().len() - 1
        )));
    };
    let Some(token) = state::<TokenData>(token_v) else {
        let r = vm.repr(token_v)?;
        return Err(vm.type_error(&format!("expected an instance of Token, got {r}")));
    };
    let Value::Obj(var) = v else { unreachable!() };
    if token.used.get() {
        let r = vm.repr(token_v)?;
        return Err(vm.new_exception(
            &vm.types.exc.runtime_error.clone(),
            &format!("{r} has already been used once"),
        ));
    }
    if !Rc::ptr_eq(&token.var, var) {
        let r = vm.repr(token_v)?;
        return Err(vm.value_error(&format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(vm);
    if !Rc::ptr_eq(&token.context, &ctx) {
        let r = vm.repr(token_v)?;
        return Err(vm.value_error(&format!("{r} was created in a different Context")));
    }
    token.used.set(true);
    let mapping = mapping_of(&ctx);
    set_mapping(&ctx, with_binding(&mapping, var, token.old.clone()));
    Ok(Value::None)
}

fn var_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this::<VarData>(vm, &args, "__repr__", "ContextVar")?;
    let Some(d) = state::<VarData>(v) else {
        unreachable!()
    };
    let mut out = format!("<ContextVar name={}", vm.repr(&d.name)?);
    if let Some(default) = &d.default {
        out.push_str(&format!(" default={}", vm.repr(default)?));
    }
    out.push_str(&format!(" at {:#x}>", v.id()));
    Ok(vm.new_str(&out))
}

fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [cls, item] = args.pos() else {
        return Err(vm.type_error("__class_getitem__ expected 1 argument"));
    };
    Ok(
        if crate::vm::flavour::class_getitem_makes_generic_alias(vm.version) {
            crate::builtins::typing::new_alias(vm, cls.clone(), item.clone())
        } else {
            cls.clone()
        },
    )
}

fn token_new(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_exception(
        &vm.types.exc.runtime_error.clone(),
        "Tokens can only be created by ContextVars",
    ))
}

fn token_var(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = this::<TokenData>(vm, &args, "var", "Token")?;
    Ok(state::<TokenData>(t)
        .map(|d| Value::Obj(d.var.clone()))
        .unwrap_or(Value::None))
}

fn token_old_value(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = this::<TokenData>(vm, &args, "old_value", "Token")?;
    let missing = types(vm).missing.clone();
    Ok(state::<TokenData>(t)
        .and_then(|d| d.old.clone())
        .unwrap_or(missing))
}

fn token_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = this::<TokenData>(vm, &args, "__repr__", "Token")?;
    let Some(d) = state::<TokenData>(t) else {
        unreachable!()
    };
    let used = if d.used.get() { " used" } else { "" };
    let var = vm.repr(&Value::Obj(d.var.clone()))?;
    Ok(vm.new_str(&format!("<Token{used} var={var} at {:#x}>", t.id())))
}

fn missing_repr(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.new_str("<Token.MISSING>"))
}

fn copy_context(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(vm.type_error(&format!(
            "copy_context() takes no arguments ({} given)",
            args.values.len()
        )));
    }
    let ctx = current(vm);
    Ok(Value::Obj(new_context(vm, mapping_of(&ctx))))
}

fn context_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.values.len() > 1 {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(Value::Obj(new_context(vm, Rc::new(Vec::new()))))
}

/// The context `self` of a Context method and its mapping.
fn context_this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(&'a ObjRef, Mapping)> {
    match this::<ContextData>(vm, args, method, "Context")? {
        Value::Obj(o) => Ok((o, mapping_of(o))),
        _ => unreachable!(),
    }
}

/// A ContextVar key, with CPython's error for anything else.
fn var_key<'a>(vm: &mut Vm, key: &'a Value) -> PyResult<&'a ObjRef> {
    match key {
        Value::Obj(o) if state::<VarData>(key).is_some() => Ok(o),
        _ => {
            let r = vm.repr(key)?;
            Err(vm.type_error(&format!("a ContextVar key was expected, got {r}")))
        }
    }
}

fn context_run(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (ctx, _) = context_this(vm, &args, "run")?;
    let ctx = ctx.clone();
    let Some(callable) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    };
    let Some(data) = context_data(&ctx) else {
        unreachable!("context_this checked the type")
    };
    let entered = &data.entered;
    if entered.get() {
        let r = vm.repr(&Value::Obj(ctx.clone()))?;
        return Err(vm.new_exception(
            &vm.types.exc.runtime_error.clone(),
            &format!("cannot enter context: {r} is already entered"),
        ));
    }
    entered.set(true);
    let previous = CURRENT.with(|c| c.borrow_mut().replace(ctx.clone()));
    let call_args = Args {
        values: &args.values[2..],
        kwnames: args.kwnames,
    };
    let r = vm.call(&callable, call_args);
    CURRENT.with(|c| *c.borrow_mut() = previous);
    entered.set(false);
    r
}

fn context_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "copy")?;
    Ok(Value::Obj(new_context(vm, mapping)))
}

fn context_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "get")?;
    let (key, default) = match &args.pos()[1..] {
        [k] => (k, Value::None),
        [k, d] => (k, d.clone()),
        other => {
            return Err(vm.type_error(&format!(
                "get expected at least 1 argument, got {}",
                other.len()
            )))
        }
    };
    let var = var_key(vm, key)?;
    Ok(lookup(&mapping, var).unwrap_or(default))
}

fn context_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "__getitem__")?;
    let key = args.pos().get(1).cloned().unwrap_or(Value::None);
    let var = var_key(vm, &key)?;
    match lookup(&mapping, var) {
        Some(v) => Ok(v),
        None => {
            let a = vm.new_tuple(vec![key.clone()]);
            Err(vm.new_exception_args(&vm.types.exc.key_error.clone(), a))
        }
    }
}

fn context_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "__contains__")?;
    let key = args.pos().get(1).cloned().unwrap_or(Value::None);
    let var = var_key(vm, &key)?;
    Ok(Value::bool(lookup(&mapping, var).is_some()))
}

fn context_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "__len__")?;
    Ok(Value::Int(mapping.len() as i64))
}

fn context_keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "keys")?;
    Ok(vm.new_list(mapping.iter().map(|(k, _)| Value::Obj(k.clone())).collect()))
}

fn context_values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "values")?;
    Ok(vm.new_list(mapping.iter().map(|(_, v)| v.clone()).collect()))
}

fn context_items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mapping) = context_this(vm, &args, "items")?;
    let items = mapping
        .iter()
        .map(|(k, v)| vm.new_tuple(vec![Value::Obj(k.clone()), v.clone()]))
        .collect();
    Ok(vm.new_list(items))
}

fn context_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let keys = context_keys(vm, args)?;
    vm.get_iter(&keys)
}

fn context_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, mine) = context_this(vm, &args, "__eq__")?;
    let other = args.pos().get(1).cloned().unwrap_or(Value::None);
    let Value::Obj(o) = &other else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if state::<ContextData>(&other).is_none() {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let theirs = mapping_of(o);
    if mine.len() != theirs.len() {
        return Ok(Value::Bool(Truth::False));
    }
    for (var, value) in mine.iter() {
        match lookup(&theirs, var) {
            Some(v) if vm.eq(value, &v)? => {}
            _ => return Ok(Value::Bool(Truth::False)),
        }
    }
    Ok(Value::Bool(Truth::True))
}
