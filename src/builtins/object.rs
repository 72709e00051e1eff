//! `object` and `type`: instance creation (with CPython's excess-argument checks), the
//! default dunder methods every object inherits (`__eq__`/`__ne__`, `__hash__`,
//! `__repr__`/`__str__`/`__format__`, `__getattribute__`/`__setattr__`/`__delattr__`,
//! `__dir__`, `__init_subclass__`, `__subclasshook__`, `__sizeof__`, `__class__`,
//! `__dict__`), and `type()` with one or three arguments and the type attributes.

use super::arity::{self, ver};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    vm.add_method(&object, "__init__", object_init, BuiltinKind::Method);
    vm.add_method(&object, "__new__", object_new, BuiltinKind::StaticMethod);
    let type_ = vm.types.type_.clone();
    vm.add_method(&type_, "__new__", type_new, BuiltinKind::StaticMethod);
    vm.add_method(&type_, "__init__", type_init, BuiltinKind::Method);
    vm.add_getset(&type_, "__name__", type_name, Some(type_set_name));
    vm.add_getset(
        &type_,
        "__qualname__",
        type_qualname,
        Some(type_set_qualname),
    );
    vm.add_getset(&type_, "__mro__", type_mro, None);
    vm.add_getset(&type_, "__bases__", type_bases, Some(type_set_bases));
    vm.add_getset(&type_, "__base__", type_base, None);
    vm.add_getset(&type_, "__dict__", type_dict, None);
    vm.add_getset(&type_, "__module__", type_module, Some(type_set_module));
    vm.add_getset(&object, "__class__", object_class, Some(object_set_class));
    // `del obj.__class__` and `del cls.__qualname__` reach the setter without a value
    // (their errors).
    deletes_through_setter(vm, &object, "__class__");
    deletes_through_setter(vm, &type_, "__qualname__");
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__lt__", object_not_implemented),
        ("__le__", object_not_implemented),
        ("__gt__", object_not_implemented),
        ("__ge__", object_not_implemented),
        ("__hash__", object_hash),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__format__", object_format),
        ("__getattribute__", object_getattribute),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__dir__", object_dir),
        ("__sizeof__", object_sizeof),
    ];
    for (name, f) in methods {
        vm.add_method(&object, name, *f, BuiltinKind::Method);
    }
    vm.add_method(
        &object,
        "__init_subclass__",
        object_init_subclass,
        BuiltinKind::ClassMethod,
    );
    vm.add_method(
        &object,
        "__subclasshook__",
        object_subclasshook,
        BuiltinKind::ClassMethod,
    );
    vm.add_method(&type_, "mro", type_mro_method, BuiltinKind::Method);
    vm.add_method(&type_, "__call__", type_call_method, BuiltinKind::Method);
    vm.add_method(
        &type_,
        "__subclasses__",
        type_subclasses,
        BuiltinKind::Method,
    );
    vm.add_method(&type_, "__dir__", type_dir, BuiltinKind::Method);
    // The singletons' types return their one instance.
    let singletons: [(ObjRef, crate::object::NativeFn); 3] = [
        (vm.types.none_type.clone(), |vm, a| {
            singleton_new(vm, a, Value::None, "NoneType")
        }),
        (vm.types.not_implemented_type.clone(), |vm, a| {
            let v = vm.singletons.not_implemented.clone();
            singleton_new(vm, a, v, "NotImplementedType")
        }),
        (vm.types.ellipsis_type.clone(), |vm, a| {
            let v = vm.singletons.ellipsis.clone();
            singleton_new(vm, a, v, "EllipsisType")
        }),
    ];
    for (t, f) in singletons {
        vm.add_method(&t, "__new__", f, BuiltinKind::StaticMethod);
    }
}

fn type_arg(vm: &Vm, args: &Args<'_>) -> PyResult<ObjRef> {
    match args.values.first() {
        Some(Value::Obj(t)) if matches!(t.payload, Payload::Type(_)) => Ok(t.clone()),
        _ => Err(vm.type_error("descriptor needs a type object")),
    }
}

fn type_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let data = vm.type_data(&t);
    let n = data.name();
    // A builtin type's name is CPython's tp_name after its module prefix, if any.
    let short = match n.rsplit_once('.') {
        Some((_, short)) if !data.is_heap => short,
        _ => &n,
    };
    Ok(vm.new_str(short))
}

fn type_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    match args.values.get(1).and_then(|v| v.as_str()) {
        Some(s) => {
            let name: std::rc::Rc<str> = std::rc::Rc::from(s.as_str());
            vm.type_data(&t).name.replace(name);
            Ok(Value::None)
        }
        None => Err(vm.type_error("can only assign string to __name__")),
    }
}

/// `cls.__qualname__ = name` (a str); deleting it is refused.
/// Makes deleting the computed attribute `name` of `t` call its setter with no value.
fn deletes_through_setter(vm: &mut Vm, t: &ObjRef, name: &str) {
    let key = vm.intern(name);
    let dict = vm.type_data(t).dict.clone();
    if let Some(Payload::Property(p)) = vm
        .dict_get_name(&dict, &key)
        .as_ref()
        .and_then(|d| d.payload())
    {
        p[2].replace(p[1].get());
    }
}

fn type_set_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let name = vm.type_data(&t).name();
    let ver = vm.version.format.major_minor;
    if !vm.type_data(&t).is_heap {
        let msg = crate::vm::messages::immutable_type_set(ver, "__qualname__", &name);
        return Err(vm.type_error(&msg));
    }
    match args.values.get(1) {
        None => Err(
            vm.type_error(&crate::vm::messages::type_attribute_undeletable(
                ver,
                &name,
                "__qualname__",
            )),
        ),
        Some(v) => match v.as_str() {
            Some(s) => {
                let qualname: std::rc::Rc<str> = std::rc::Rc::from(s.as_str());
                vm.type_data(&t).qualname.replace(qualname);
                Ok(Value::None)
            }
            None => Err(vm.type_error(&format!(
                "can only assign string to {name}.__qualname__, not '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

fn type_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let n = vm.type_data(&t).qualname.get();
    Ok(vm.new_str(&n))
}

fn type_mro(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let mro = vm
        .type_data(&t)
        .mro
        .get()
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_tuple(mro))
}

fn type_bases(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let bases = vm
        .type_data(&t)
        .bases
        .get()
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_tuple(bases))
}

/// `cls.__bases__ = (...)`: a non-empty tuple of classes.
fn type_set_bases(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let name = vm.type_data(&t).name();
    let value = args.values.get(1).cloned().unwrap_or(Value::Null);
    let items = match value.payload() {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ if value.is_null() => {
            return Err(vm.type_error(&format!(
                "cannot delete '__bases__' attribute of immutable type '{name}'"
            )))
        }
        _ => {
            let tn = vm.type_name(&value);
            return Err(vm.type_error(&format!(
                "can only assign tuple to {name}.__bases__, not {tn}"
            )));
        }
    };
    if items.is_empty() {
        return Err(vm.type_error(&format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    let mut bases = Vec::with_capacity(items.len());
    for b in items {
        match b {
            Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => bases.push(o),
            other => {
                let tn = vm.type_name(&other);
                return Err(vm.type_error(&format!(
                    "{name}.__bases__ must be tuple of classes, not '{tn}'"
                )));
            }
        }
    }
    vm.set_bases(&t, bases)?;
    Ok(Value::None)
}

fn type_base(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    Ok(vm
        .type_data(&t)
        .bases
        .get()
        .first()
        .cloned()
        .map(Value::Obj)
        .unwrap_or(Value::None))
}

fn type_dict(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let d = Value::Obj(vm.type_data(&t).dict.clone());
    Ok(super::dict_views::new_mappingproxy(vm, d))
}

/// `type.__call__(cls, *args, **kwargs)`: `__new__` then `__init__`.
fn type_call_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    vm.type_call(&t, rest)
}

/// `cls.__subclasses__()`: the live classes that list `cls` among their bases.
fn type_subclasses(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let live: Vec<Value> = vm.type_data(&t).subclasses.with_mut(|s| {
        s.retain(|w| w.strong_count() > 0);
        s.iter()
            .filter_map(|w| w.upgrade())
            .map(Value::Obj)
            .collect()
    });
    Ok(vm.new_list(live))
}

fn type_mro_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let mro = vm
        .type_data(&t)
        .mro
        .get()
        .into_iter()
        .map(Value::Obj)
        .collect();
    Ok(vm.new_list(mro))
}

fn type_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    let names = super::objects::dir_names(vm, &Value::Obj(t))?;
    Ok(vm.new_list(names))
}

fn type_module(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    match vm.type_module(&t) {
        Some(m) => Ok(vm.new_str(&m)),
        None => Ok(Value::None),
    }
}

/// `cls.__module__ = name`: the class's own `__module__` entry (heap classes).
fn type_set_module(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = type_arg(vm, &args)?;
    if !vm.type_data(&t).is_heap {
        let tn = vm.type_data(&t).name();
        return Err(vm.type_error(&format!(
            "cannot set '__module__' attribute of immutable type '{tn}'"
        )));
    }
    let value = args.values.get(1).cloned().unwrap_or(Value::None);
    let dict = vm.type_data(&t).dict.clone();
    let key = Value::Obj(vm.names.__module__.clone());
    vm.dict_set(&dict, key, value)?;
    Ok(Value::None)
}

fn object_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(v) => Ok(Value::Obj(vm.class_of(v).clone())),
        None => Err(vm.type_error("descriptor '__class__' needs an argument")),
    }
}

/// `obj.__class__ = cls`: between heap classes whose instances have the same layout.
fn object_set_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(obj) = args.values.first() else {
        return Err(vm.type_error("descriptor '__class__' needs an argument"));
    };
    let Some(new) = args.values.get(1) else {
        return Err(vm.type_error("can't delete __class__ attribute"));
    };
    let new = match new {
        Value::Obj(c) if matches!(c.payload, Payload::Type(_)) => c.clone(),
        other => {
            return Err(vm.type_error(&format!(
                "__class__ must be set to a class, not '{}' object",
                vm.type_name(other)
            )))
        }
    };
    let old = vm.class_of(obj).clone();
    let movable = |vm: &Vm, t: &ObjRef| {
        let td = vm.type_data(t);
        td.is_heap || vm.is_subclass_of(t, &vm.types.module)
    };
    let target = match obj {
        Value::Obj(o) if movable(vm, &old) && movable(vm, &new) => o.clone(),
        _ => {
            let kind = if ver(vm) >= (3, 10) {
                "mutable"
            } else {
                "heap"
            };
            return Err(vm.type_error(&format!(
                "__class__ assignment only supported for {kind} types or ModuleType subclasses"
            )));
        }
    };
    let (a, b) = (vm.type_data(&old), vm.type_data(&new));
    let same = a.layout == b.layout
        && a.slots == b.slots
        && (a.instance_dict || target.has_dict()) == (b.instance_dict || target.has_dict())
        && a.instance_dict == b.instance_dict;
    if !same {
        return Err(vm.type_error(&format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            b.name(),
            a.name()
        )));
    }
    target.set_class(&new);
    Ok(Value::None)
}

/// `NoneType()`, `NotImplementedType()`, `ellipsis()`: the singleton.
fn singleton_new(vm: &mut Vm, args: Args<'_>, v: Value, name: &str) -> PyResult<Value> {
    if args.values.len() > 1 {
        return Err(vm.type_error(&format!("{name} takes no arguments")));
    }
    Ok(v)
}

/// Whether `cls`'s `name` resolves to `object`'s own builtin (not overridden).
fn is_objects_own(vm: &mut Vm, cls: &ObjRef, name: &str) -> bool {
    // The names asked on every instantiation are in `vm.names` (no interning lookup).
    let key = match name {
        "__init__" => vm.names.__init__.clone(),
        "__new__" => vm.names.__new__.clone(),
        _ => vm.intern(name),
    };
    matches!(vm.lookup_in_mro(cls, &key), Some(Value::Obj(f))
        if matches!(&f.payload, Payload::Builtin(b) if b.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, &vm.types.object))))
}

/// `type.__init__(cls, *args)`: one or three arguments (the work is `type.__new__`'s).
fn type_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = args.pos().len().saturating_sub(1);
    if n == 1 && !args.kwnames.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

fn excess_args(args: &Args<'_>) -> bool {
    args.values.len() > 1
}

/// `object.__init__(self, *args, **kwargs)`: extra arguments are an error unless the
/// class overrides `__new__` (and not `__init__`).
fn object_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    if !excess_args(&args) {
        return Ok(Value::None);
    }
    let cls = vm.class_of(this).clone();
    let own_init = is_objects_own(vm, &cls, "__init__");
    let own_new = is_objects_own(vm, &cls, "__new__");
    if ver(vm) < (3, 7) {
        if own_new || !own_init {
            return Err(vm.type_error("object.__init__() takes no parameters"));
        }
        return Ok(Value::None);
    }
    if !own_init {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    if own_new {
        return Err(vm.type_error(&format!(
            "{}.__init__() takes exactly one argument (the instance to initialize)",
            vm.type_data(&cls).name()
        )));
    }
    Ok(Value::None)
}

/// `object.__new__(cls, *args, **kwargs)`.
/// A class whose own `__abstractmethods__` is non-empty cannot be instantiated (CPython's
/// `Py_TPFLAGS_IS_ABSTRACT`, set by assigning that attribute, as `abc` does).
fn check_not_abstract(vm: &mut Vm, cls: &ObjRef) -> PyResult<()> {
    let dict = vm.type_data(cls).dict.clone();
    let key = vm.names.__abstractmethods__.clone();
    let Some(abstracts) = vm.dict_get_name(&dict, &key) else {
        return Ok(());
    };
    if !vm.truthy(&abstracts)? {
        return Ok(());
    }
    let mut names: Vec<String> = Vec::new();
    for n in vm.collect(&abstracts)? {
        names.push(vm.str(&n)?);
    }
    names.sort();
    let class = vm.type_data(cls).name();
    let msg = crate::vm::messages::abstract_instantiation(ver(vm), &class, &names);
    Err(vm.type_error(&msg))
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = match args.values.first() {
        Some(Value::Obj(cls)) if matches!(cls.payload, Payload::Type(_)) => cls.clone(),
        Some(v) => {
            return Err(vm.type_error(&format!(
                "object.__new__(X): X is not a type object ({})",
                vm.type_name(v)
            )))
        }
        None => return Err(vm.type_error("object.__new__(): not enough arguments")),
    };
    if excess_args(&args) {
        let own_init = is_objects_own(vm, &cls, "__init__");
        let own_new = is_objects_own(vm, &cls, "__new__");
        if ver(vm) < (3, 7) {
            if own_init || !own_new {
                return Err(vm.type_error("object() takes no parameters"));
            }
        } else {
            if !own_new {
                return Err(vm.type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            if own_init {
                return Err(vm.type_error(&format!(
                    "{}() takes no arguments",
                    vm.type_data(&cls).name()
                )));
            }
        }
    }
    check_not_abstract(vm, &cls)?;
    use crate::object::typeobj::Layout;
    let layout = vm.type_data(&cls).layout;
    if !matches!(
        layout,
        Layout::Plain | Layout::Exception | Layout::List | Layout::Dict | Layout::Set
    ) {
        let solid = vm
            .type_data(&cls)
            .mro
            .get()
            .into_iter()
            .find(|t| !vm.type_data(t).is_heap)
            .map(|t| vm.type_data(&t).name())
            .unwrap_or_else(|| Rc::from("object"));
        return Err(vm.type_error(&format!(
            "object.__new__({}) is not safe, use {solid}.__new__()",
            vm.type_data(&cls).name()
        )));
    }
    Ok(Value::Obj(vm.new_instance(&cls)))
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)` and `type(obj)`.
fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    match pos {
        [_, obj] if args.kwnames.is_empty() => Ok(Value::Obj(vm.class_of(obj).clone())),
        [Value::Obj(meta), name, bases, ns] => {
            let Some(name) = name.as_str().map(|s| s.as_str().to_string()) else {
                return Err(vm.type_error(&format!(
                    "type.__new__() argument 1 must be str, not {}",
                    vm.type_name(name)
                )));
            };
            let Some(Payload::Tuple(bases)) = bases.payload() else {
                return Err(vm.type_error(&format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    vm.type_name(bases)
                )));
            };
            let Some(ns) = ns
                .as_obj()
                .filter(|o| matches!(o.payload, Payload::Dict(_)))
            else {
                return Err(vm.type_error(&format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    vm.type_name(ns)
                )));
            };
            // A base that is not a class but stands for one (`Generic[T]`) needs
            // `types.new_class` (3.7+, where `__mro_entries__` exists).
            let mro_entries = vm.intern("__mro_entries__");
            for b in bases.iter() {
                if !matches!(b.payload(), Some(Payload::Type(_)))
                    && super::objects::getattr_opt(vm, b, &mro_entries)?.is_some()
                {
                    return Err(vm.type_error(
                        "type() doesn't support MRO entry resolution; use types.new_class()",
                    ));
                }
            }
            // The most derived metaclass of `meta` and the bases' types.
            let mut winner = meta.clone();
            for b in bases.iter() {
                // 2.x: a classic base's `classobj` takes no part.
                if matches!(b, Value::Obj(c) if super::py2::classic::is_classic(vm, c)) {
                    continue;
                }
                let bt = vm.class_of(b).clone();
                if vm.is_subclass_of(&winner, &bt) {
                    continue;
                }
                if vm.is_subclass_of(&bt, &winner) {
                    winner = bt;
                    continue;
                }
                return Err(vm.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
            if !Rc::ptr_eq(&winner, meta) {
                let new_name = vm.names.__new__.clone();
                if let Some(f) = vm.lookup_in_mro(&winner, &new_name) {
                    let is_type_new = matches!(&f, Value::Obj(o)
                        if matches!(&o.payload, Payload::Builtin(b) if b.owner.as_ref().is_some_and(|t| Rc::ptr_eq(t, &vm.types.type_))));
                    if !is_type_new {
                        let f = match f.payload() {
                            Some(Payload::StaticMethod(c)) => c.get(),
                            _ => f,
                        };
                        let mut v = args.values.to_vec();
                        v[0] = Value::Obj(winner);
                        return vm.call(
                            &f,
                            Args {
                                values: &v,
                                kwnames: args.kwnames,
                            },
                        );
                    }
                }
            }
            let mut base_types: Vec<ObjRef> = Vec::with_capacity(bases.len());
            for b in bases.iter() {
                match b {
                    Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => {
                        if base_types.iter().any(|t| Rc::ptr_eq(t, o)) {
                            let n = vm.type_data(o).name();
                            return Err(vm.type_error(&format!("duplicate base class {n}")));
                        }
                        base_types.push(o.clone())
                    }
                    _ => {
                        return Err(
                            vm.type_error(&format!("bases must be types, not {}", vm.type_name(b)))
                        )
                    }
                }
            }
            let kw = Args {
                values: &args.values[pos.len()..],
                kwnames: args.kwnames,
            };
            Ok(Value::Obj(
                vm.new_class(&winner, &name, base_types, ns, kw)?,
            ))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn object_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = binary_args(vm, &args)?;
    Ok(if a.is(b) {
        Value::Bool(Truth::True)
    } else {
        vm.singletons.not_implemented.clone()
    })
}

/// `object.__ne__`: the inverse of the type's `__eq__` (NotImplemented stays).
fn object_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = binary_args(vm, &args)?;
    let class_ = vm.class_of(a).clone();
    let eq = vm.names.__eq__.clone();
    let r = match vm.lookup_in_mro(&class_, &eq) {
        Some(f) if !is_objects_own(vm, &class_, "__eq__") => {
            let bound = vm.descr_get(f, Some(a), &class_)?;
            vm.call(&bound, Args::positional(std::slice::from_ref(b)))?
        }
        _ => {
            if a.is(b) {
                Value::Bool(Truth::True)
            } else {
                vm.singletons.not_implemented.clone()
            }
        }
    };
    if vm.is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(&r)?))
}

fn object_not_implemented(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_args(vm, &args)?;
    Ok(vm.singletons.not_implemented.clone())
}

fn binary_args<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    match args.pos() {
        [a, b] => Ok((a, b)),
        p => {
            let s = if ver(vm) < (3, 7) { "s" } else { "" };
            Err(vm.type_error(&format!(
                "expected 1 argument{s}, got {}",
                p.len().saturating_sub(1)
            )))
        }
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.pos().first().ok_or_else(|| {
        if ver(vm) >= (3, 10) {
            vm.type_error(&format!("unbound method object.{name}() needs an argument"))
        } else {
            vm.type_error(&format!(
                "descriptor '{name}' of 'object' object needs an argument"
            ))
        }
    })
}

fn object_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__hash__")?;
    arity::no_args(vm, &args, "object", "__hash__")?;
    Ok(Value::Int(v.id().rotate_right(4) as i64))
}

/// `object.__repr__`: `<module.QualName object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let class_ = vm.class_of(v).clone();
    let qual = vm.type_data(&class_).qualname.get();
    match vm.type_module(&class_).as_deref() {
        Some("builtins") | None => format!("<{qual} object at {:#x}>", v.id()),
        Some(m) => format!("<{m}.{qual} object at {:#x}>", v.id()),
    }
}

fn object_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__repr__")?;
    arity::no_args(vm, &args, "object", "__repr__")?;
    let s = default_repr(vm, v);
    Ok(vm.new_str(&s))
}

fn object_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__str__")?;
    arity::no_args(vm, &args, "object", "__str__")?;
    let s = vm.repr(v)?;
    Ok(vm.new_str(&s))
}

fn object_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__format__")?;
    let spec = arity::one_arg(vm, &args, "object", "__format__")?;
    let Some(spec) = spec.as_str() else {
        let n = if ver(vm) < (3, 7) { " 1" } else { "" };
        return Err(vm.type_error(&format!(
            "__format__() argument{n} must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if !spec.as_str().is_empty() {
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(v)
        )));
    }
    let s = vm.str(v)?;
    Ok(vm.new_str(&s))
}

fn object_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__getattribute__")?;
    let name = arity::one_arg(vm, &args, "object", "__getattribute__")?;
    let name = super::objects::attr_name(vm, name, "")?;
    let class_ = vm.class_of(v).clone();
    match vm.generic_getattr(v, &class_, &name)? {
        Some(r) => Ok(r),
        None => Err(vm.attribute_error(v, &name)),
    }
}

fn setattr_target<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    if pos.len() != n + 1 {
        let s = if n == 1 && ver(vm) >= (3, 7) { "" } else { "s" };
        return Err(vm.type_error(&format!(
            " expected {n} argument{s}, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    if matches!(pos[0].payload(), Some(Payload::Type(_))) {
        return Err(vm.type_error(&format!("can't apply this {name} to type object")));
    }
    Ok(pos)
}

fn object_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = setattr_target(vm, &args, "__setattr__", 2)?;
    let name = super::objects::attr_name(vm, &pos[1], "")?;
    let class_ = vm.class_of(&pos[0]).clone();
    vm.generic_setattr(&pos[0], &class_, &name, Some(pos[2].clone()))?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = setattr_target(vm, &args, "__delattr__", 1)?;
    let name = super::objects::attr_name(vm, &pos[1], "")?;
    let class_ = vm.class_of(&pos[0]).clone();
    vm.generic_setattr(&pos[0], &class_, &name, None)?;
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__dir__")?;
    arity::no_args(vm, &args, "object", "__dir__")?;
    let names = super::objects::dir_names(vm, v)?;
    Ok(vm.new_list(names))
}

fn object_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args, "__sizeof__")?;
    arity::no_args(vm, &args, "object", "__sizeof__")?;
    let with_dict = v.as_obj().is_some_and(|o| o.has_dict());
    let size = match (with_dict, ver(vm)) {
        (false, _) => 16,
        (true, v) if v >= (3, 12) => 16,
        (true, v) if v >= (3, 11) => 24,
        (true, _) => 32,
    };
    Ok(Value::Int(size))
}

/// `object.__init_subclass__()`: accepts no keyword arguments.
fn object_init_subclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() || args.pos().len() > 1 {
        let cls = args.values.first().cloned().unwrap_or(Value::None);
        let owner = match cls.payload() {
            Some(Payload::Type(t)) if ver(vm) >= (3, 9) => format!("{}.", t.name()),
            _ => String::new(),
        };
        if !args.kwnames.is_empty() {
            return Err(vm.type_error(&format!(
                "{owner}__init_subclass__() takes no keyword arguments"
            )));
        }
        return Err(vm.type_error(&format!(
            "{owner}__init_subclass__() takes no arguments ({} given)",
            args.pos().len() - 1
        )));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if ver(vm) >= (3, 13) && args.pos().len() != 2 {
        let cls = args.values.first().cloned().unwrap_or(Value::None);
        let owner = match cls.payload() {
            Some(Payload::Type(t)) => t.name().to_string(),
            _ => "object".into(),
        };
        return Err(vm.type_error(&format!(
            "{owner}.__subclasshook__() takes exactly one argument ({} given)",
            args.pos().len().saturating_sub(1)
        )));
    }
    Ok(vm.singletons.not_implemented.clone())
}
