//! The object-model builtin functions: `isinstance`/`issubclass` (tuples, and the
//! `__instancecheck__`/`__subclasscheck__` hooks of metaclasses), `getattr`/`setattr`/
//! `hasattr`/`delattr`, `callable`, `vars`, `dir`, `globals` and `locals`.

use super::arity::{self, ver};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    vm.add_builtin("isinstance", builtin_isinstance);
    vm.add_builtin("issubclass", builtin_issubclass);
    vm.add_builtin("getattr", builtin_getattr);
    vm.add_builtin("setattr", builtin_setattr);
    vm.add_builtin("hasattr", builtin_hasattr);
    vm.add_builtin("delattr", builtin_delattr);
    vm.add_builtin("callable", builtin_callable);
    vm.add_builtin("vars", builtin_vars);
    vm.add_builtin("dir", builtin_dir);
    vm.add_builtin("globals", builtin_globals);
    vm.add_builtin("locals", builtin_locals);
    let type_ = vm.types.type_.clone();
    vm.add_method(
        &type_,
        "__instancecheck__",
        type_instancecheck,
        BuiltinKind::Method,
    );
    vm.add_method(
        &type_,
        "__subclasscheck__",
        type_subclasscheck,
        BuiltinKind::Method,
    );
}

fn is_type(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Type(_)))
}

/// The error of an isinstance/issubclass second argument that is not a class.
fn arg2_error(vm: &Vm, isinstance: bool) -> PyErr {
    let new = ver(vm) >= (3, 10);
    vm.type_error(match (isinstance, new) {
        (true, true) => "isinstance() arg 2 must be a type, a tuple of types, or a union",
        (true, false) => "isinstance() arg 2 must be a type or tuple of types",
        (false, true) => "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        (false, false) => "issubclass() arg 2 must be a class or tuple of classes",
    })
}

/// The `__bases__` of a class-like object (a type, or anything with a tuple `__bases__`).
fn bases_of(vm: &mut Vm, cls: &Value) -> PyResult<Option<Vec<Value>>> {
    if let Some(Payload::Type(t)) = cls.payload() {
        return Ok(Some(t.bases.get().into_iter().map(Value::Obj).collect()));
    }
    let name = vm.names.__bases__.clone();
    match vm.get_attr(cls, &name) {
        Ok(b) => match b.payload() {
            Some(Payload::Tuple(t)) => Ok(Some(t.to_vec())),
            _ => Ok(None),
        },
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `abstract_issubclass`: `derived` reaches `cls` through `__bases__`.
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut d = derived.clone();
    loop {
        if d.is(cls) {
            return Ok(true);
        }
        let Some(bases) = bases_of(vm, &d)? else {
            return Ok(false);
        };
        match bases.len() {
            0 => return Ok(false),
            1 => d = bases[0].clone(),
            _ => {
                vm.enter_recursion(" in __subclasscheck__")?;
                let mut found = false;
                for b in &bases {
                    match abstract_issubclass(vm, b, cls) {
                        Ok(true) => {
                            found = true;
                            break;
                        }
                        Ok(false) => {}
                        Err(e) => {
                            vm.depth -= 1;
                            return Err(e);
                        }
                    }
                }
                vm.depth -= 1;
                return Ok(found);
            }
        }
    }
}

/// `recursive_isinstance`: isinstance without the `__instancecheck__` hook.
pub fn recursive_isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        if is_type(cls) {
            if vm.is_subclass_of(vm.class_of(inst), c) {
                return Ok(true);
            }
            // An instance may claim another class through `__class__`.
            let name = vm.names.__class__.clone();
            if let Ok(Value::Obj(ic)) = vm.get_attr(inst, &name) {
                if !Rc::ptr_eq(&ic, vm.class_of(inst)) && matches!(ic.payload, Payload::Type(_)) {
                    return Ok(vm.is_subclass_of(&ic, c));
                }
            }
            return Ok(false);
        }
    }
    if bases_of(vm, cls)?.is_none() {
        return Err(arg2_error(vm, true));
    }
    let name = vm.names.__class__.clone();
    match vm.get_attr(inst, &name) {
        Ok(icls) => abstract_issubclass(vm, &icls, cls),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `PyObject_IsInstance`.
pub fn isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        if Rc::ptr_eq(vm.class_of(inst), c) {
            return Ok(true);
        }
        if Rc::ptr_eq(c.class(), &vm.types.type_) {
            return recursive_isinstance(vm, inst, cls);
        }
    }
    if let Some(Payload::Tuple(items)) = cls.payload() {
        let items = items.clone();
        vm.enter_recursion(" in __instancecheck__")?;
        let mut r = Ok(false);
        for item in items.iter() {
            match isinstance(vm, inst, item) {
                Ok(false) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        vm.depth -= 1;
        return r;
    }
    let hook = vm.names.__instancecheck__.clone();
    let meta = vm.class_of(cls).clone();
    if let Some(f) = vm.lookup_in_mro(&meta, &hook) {
        if !is_own_builtin(vm, &f, "__instancecheck__") {
            let bound = vm.descr_get(f, Some(cls), &meta)?;
            vm.enter_recursion(" in __instancecheck__")?;
            let r = vm.call(&bound, Args::positional(std::slice::from_ref(inst)));
            vm.depth -= 1;
            let r = r?;
            return vm.truthy(&r);
        }
    }
    recursive_isinstance(vm, inst, cls)
}

/// Whether `f` is `type`'s own builtin hook (so calling it is the default behaviour).
fn is_own_builtin(vm: &Vm, f: &Value, _name: &str) -> bool {
    matches!(f.payload(), Some(Payload::Builtin(b)) if b.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, &vm.types.type_)))
}

/// `recursive_issubclass`: issubclass without the `__subclasscheck__` hook.
pub fn recursive_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Value::Obj(d), Value::Obj(c)) = (derived, cls) {
        if is_type(derived) && is_type(cls) {
            return Ok(vm.is_subclass_of(d, c));
        }
    }
    if bases_of(vm, derived)?.is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if bases_of(vm, cls)?.is_none() {
        return Err(arg2_error(vm, false));
    }
    abstract_issubclass(vm, derived, cls)
}

/// `PyObject_IsSubclass`.
pub fn issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        if Rc::ptr_eq(c.class(), &vm.types.type_) {
            if derived.is(cls) {
                return Ok(true);
            }
            return recursive_issubclass(vm, derived, cls);
        }
    }
    if let Some(Payload::Tuple(items)) = cls.payload() {
        let items = items.clone();
        vm.enter_recursion(" in __subclasscheck__")?;
        let mut r = Ok(false);
        for item in items.iter() {
            match issubclass(vm, derived, item) {
                Ok(false) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        vm.depth -= 1;
        return r;
    }
    let hook = vm.names.__subclasscheck__.clone();
    let meta = vm.class_of(cls).clone();
    if let Some(f) = vm.lookup_in_mro(&meta, &hook) {
        if !is_own_builtin(vm, &f, "__subclasscheck__") {
            let bound = vm.descr_get(f, Some(cls), &meta)?;
            vm.enter_recursion(" in __subclasscheck__")?;
            let r = vm.call(&bound, Args::positional(std::slice::from_ref(derived)));
            vm.depth -= 1;
            let r = r?;
            return vm.truthy(&r);
        }
    }
    recursive_issubclass(vm, derived, cls)
}

fn two_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    arity::no_kwargs(vm, args, name)?;
    let pos = args.pos();
    arity::check_count(vm, name, pos.len(), 2, 2)?;
    Ok((&pos[0], &pos[1]))
}

fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (inst, cls) = two_args(vm, &args, "isinstance")?;
    Ok(Value::bool(isinstance(vm, inst, cls)?))
}

fn builtin_issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (derived, cls) = two_args(vm, &args, "issubclass")?;
    Ok(Value::bool(issubclass(vm, derived, cls)?))
}

fn type_instancecheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, inst) = two_args(vm, &args, "__instancecheck__")?;
    Ok(Value::bool(recursive_isinstance(vm, inst, cls)?))
}

fn type_subclasscheck(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, derived) = two_args(vm, &args, "__subclasscheck__")?;
    Ok(Value::bool(recursive_issubclass(vm, derived, cls)?))
}

/// An attribute name argument: a str, else the version's TypeError (`fname` names the
/// builtin for the ≤3.9 wording).
pub fn attr_name(vm: &Vm, v: &Value, fname: &str) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Str(_)) => Ok(o.clone()),
        _ if ver(vm) < (3, 11) && !fname.is_empty() => {
            Err(vm.type_error(&format!("{fname}(): attribute name must be string")))
        }
        _ => Err(vm.type_error(&format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `getattr(v, name, None)`-like: `None` when getting raises AttributeError.
pub fn getattr_opt(vm: &mut Vm, v: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
    match vm.get_attr(v, name) {
        Ok(r) => Ok(Some(r)),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "getattr")?;
    let pos = args.pos();
    arity::check_count(vm, "getattr", pos.len(), 2, 3)?;
    let name = attr_name(vm, &pos[1], "getattr")?;
    match pos.get(2) {
        None => vm.get_attr(&pos[0], &name),
        Some(default) => match vm.get_attr(&pos[0], &name) {
            Ok(v) => Ok(v),
            Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => {
                Ok(default.clone())
            }
            Err(e) => Err(e),
        },
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "setattr")?;
    let pos = args.pos();
    arity::check_count(vm, "setattr", pos.len(), 3, 3)?;
    let name = attr_name(vm, &pos[1], "")?;
    vm.set_attr(&pos[0], &name, pos[2].clone())?;
    Ok(Value::None)
}

fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, name) = two_args(vm, &args, "delattr")?;
    let name = attr_name(vm, name, "")?;
    vm.del_attr(obj, &name)?;
    Ok(Value::None)
}

fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, name) = two_args(vm, &args, "hasattr")?;
    let name = attr_name(vm, name, "hasattr")?;
    match vm.get_attr(obj, &name) {
        Ok(_) => Ok(Value::Bool(Truth::True)),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => {
            Ok(Value::Bool(Truth::False))
        }
        Err(e) => Err(e),
    }
}

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: &Value) -> bool {
    match v.payload() {
        Some(
            Payload::Function(_) | Payload::Builtin(_) | Payload::Method(_) | Payload::Type(_),
        ) => true,
        Some(_) => {
            let class_ = vm.class_of(v).clone();
            let call = vm.names.__call__.clone();
            vm.lookup_in_mro(&class_, &call)
                .is_some_and(|f| !f.is_none())
        }
        None => false,
    }
}

fn builtin_callable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "callable")?;
    match args.pos() {
        [v] => Ok(Value::bool(is_callable(vm, v))),
        p => Err(vm.type_error(&format!(
            "callable() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}

/// The calling frame's locals as a mapping: the namespace of a module or class body, or
/// a snapshot dict of a function's fast locals and cells.
pub fn caller_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(frame) = vm.caller_frame() else {
        return Ok(Value::Obj(vm.new_dict()));
    };
    if !frame.locals.is_null() {
        return Ok(frame.locals.clone());
    }
    let names = frame.code.fast_names.clone();
    let fast = frame.fast.clone();
    let first_cell = frame.code.first_cell;
    let d = vm.new_dict();
    for (i, (name, v)) in names.iter().zip(fast.iter()).enumerate() {
        let value = match v.payload() {
            Some(Payload::Cell(c)) if i >= first_cell => c.get(),
            _ => v.clone(),
        };
        let key = Value::Obj(name.clone());
        if value.is_null() {
            vm.dict_remove(&d, &key)?;
        } else {
            vm.dict_set(&d, key, value)?;
        }
    }
    Ok(Value::Obj(d))
}

fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "globals")?;
    if !args.pos().is_empty() {
        return Err(vm.type_error(&format!(
            "globals() takes no arguments ({} given)",
            args.pos().len()
        )));
    }
    match vm.caller_frame() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(Value::Obj(vm.new_dict())),
    }
}

fn builtin_locals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "locals")?;
    if !args.pos().is_empty() {
        return Err(vm.type_error(&format!(
            "locals() takes no arguments ({} given)",
            args.pos().len()
        )));
    }
    caller_locals(vm)
}

fn builtin_vars(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "vars")?;
    let pos = args.pos();
    arity::check_count(vm, "vars", pos.len(), 0, 1)?;
    let Some(obj) = pos.first() else {
        return caller_locals(vm);
    };
    let name = vm.names.__dict__.clone();
    match vm.get_attr(obj, &name) {
        Ok(d) => Ok(d),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn builtin_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "dir")?;
    let pos = args.pos();
    arity::check_count(vm, "dir", pos.len(), 0, 1)?;
    let names = match pos.first() {
        None => {
            let l = caller_locals(vm)?;
            let keys = vm.names.keys.clone();
            let k = vm.call_method(&l, &keys, &[])?;
            vm.collect(&k)?
        }
        Some(obj) => {
            let name = vm.names.__dir__.clone();
            let class_ = vm.class_of(obj).clone();
            let Some(f) = vm.lookup_in_mro(&class_, &name) else {
                return Err(vm.type_error("object does not provide __dir__"));
            };
            let bound = vm.descr_get(f, Some(obj), &class_)?;
            let r = vm.call(&bound, Args::positional(&[]))?;
            vm.collect(&r)?
        }
    };
    let mut names = names;
    super::list::sort_values(vm, &mut names, &Value::None, false)?;
    Ok(vm.new_list(names))
}

/// The attribute names `object.__dir__` reports: the instance dict's, then those of
/// the class and its bases (for a class: its own and its bases').
pub fn dir_names(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let result = vm.new_dict();
    let add_dict = |vm: &mut Vm, d: &ObjRef| -> PyResult<()> {
        for e in vm.dict_items(d) {
            vm.dict_set(&result, e.key, Value::None)?;
        }
        Ok(())
    };
    match obj.payload() {
        Some(Payload::Type(t)) => {
            for c in t.mro.get() {
                let d = vm.type_data(&c).dict.clone();
                add_dict(vm, &d)?;
            }
        }
        Some(Payload::Module(d)) => {
            let d = d.clone();
            add_dict(vm, &d)?;
        }
        _ => {
            if let Some(d) = obj.as_obj().and_then(crate::vm::attr::instance_dict) {
                add_dict(vm, &d)?;
            }
            let class_ = vm.class_of(obj).clone();
            for c in vm.type_data(&class_).mro.get() {
                let d = vm.type_data(&c).dict.clone();
                add_dict(vm, &d)?;
            }
        }
    }
    Ok(vm.dict_items(&result).into_iter().map(|e| e.key).collect())
}
