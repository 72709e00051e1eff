//! `types.GenericAlias` (3.9+: `list[int]`, `dict[str, int]`, from the builtin
//! containers' `__class_getitem__`) and `types.UnionType` (3.10+: `int | None` through
//! `type.__or__`), so that annotations written with them evaluate; with their reprs,
//! equality, hashing, `__origin__`/`__args__`, calling, subclassing through
//! `__mro_entries__`, and `isinstance`/`issubclass` over unions.

use super::arity::{self, ver};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, Object, Payload, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

/// `origin[args]`.
pub struct GenericAlias {
    pub origin: Value,
    /// A tuple.
    pub args: Value,
}

/// `a | b | ...`.
pub struct Union {
    /// A tuple of at least two distinct members (None as `NoneType`).
    pub args: Value,
}

pub fn init(vm: &mut Vm) {
    let v = ver(vm);
    if v < (3, 9) {
        return;
    }
    let ga = vm.types.extra.generic_alias.clone();
    let types_module = vm.new_str("types");
    for t in [&ga, &vm.types.extra.union_type.clone()] {
        let key = Value::Obj(vm.names.__module__.clone());
        let dict = vm.type_data(t).dict.clone();
        let _ = vm.dict_set(&dict, key, types_module.clone());
    }
    let ga_methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__repr__", ga_repr),
        ("__call__", ga_call),
        ("__mro_entries__", ga_mro_entries),
        ("__getattr__", ga_getattr),
        ("__instancecheck__", |vm, _| {
            Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
        }),
        ("__subclasscheck__", |vm, _| {
            Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
        }),
        ("__eq__", |vm, a| ga_eq(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| ga_eq(vm, a, CmpOp::Ne)),
        ("__hash__", ga_hash),
    ];
    for (name, f) in ga_methods {
        vm.add_method(&ga, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&ga, "__new__", ga_new, BuiltinKind::StaticMethod);
    vm.add_getset(
        &ga,
        "__origin__",
        |vm, a| Ok(alias(vm, &a)?.origin.clone()),
        None,
    );
    vm.add_getset(
        &ga,
        "__args__",
        |vm, a| Ok(alias(vm, &a)?.args.clone()),
        None,
    );
    vm.add_getset(
        &ga,
        "__parameters__",
        |vm, a| {
            let args = alias(vm, &a)?.args.clone();
            super::typing_subst::parameters(vm, &args)
        },
        None,
    );
    vm.add_method(&ga, "__getitem__", ga_getitem, BuiltinKind::Method);
    let t = vm.types.clone_container_types();
    for c in t {
        vm.add_method(
            &c,
            "__class_getitem__",
            class_getitem,
            BuiltinKind::ClassMethod,
        );
    }
    if v < (3, 10) {
        return;
    }
    vm.add_method(
        &ga,
        "__or__",
        |vm, a| union_or(vm, a, false),
        BuiltinKind::Method,
    );
    vm.add_method(
        &ga,
        "__ror__",
        |vm, a| union_or(vm, a, true),
        BuiltinKind::Method,
    );
    let type_ = vm.types.type_.clone();
    vm.add_method(
        &type_,
        "__or__",
        |vm, a| union_or(vm, a, false),
        BuiltinKind::Method,
    );
    vm.add_method(
        &type_,
        "__ror__",
        |vm, a| union_or(vm, a, true),
        BuiltinKind::Method,
    );
    let ut = vm.types.extra.union_type.clone();
    let union_methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__repr__", union_repr),
        ("__or__", |vm, a| union_or(vm, a, false)),
        ("__ror__", |vm, a| union_or(vm, a, true)),
        ("__eq__", |vm, a| union_eq(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| union_eq(vm, a, CmpOp::Ne)),
        ("__hash__", union_hash),
        ("__instancecheck__", |vm, a| union_check(vm, a, true)),
        ("__subclasscheck__", |vm, a| union_check(vm, a, false)),
    ];
    for (name, f) in union_methods {
        vm.add_method(&ut, name, *f, BuiltinKind::Method);
    }
    vm.add_getset(
        &ut,
        "__args__",
        |vm, a| Ok(union(vm, &a)?.args.clone()),
        None,
    );
    vm.add_getset(
        &ut,
        "__parameters__",
        |vm, a| {
            let args = union(vm, &a)?.args.clone();
            super::typing_subst::parameters(vm, &args)
        },
        None,
    );
}

impl crate::vm::Types {
    /// The builtin types with a `__class_getitem__` (3.9+).
    fn clone_container_types(&self) -> Vec<crate::object::ObjRef> {
        vec![
            self.list.clone(),
            self.tuple.clone(),
            self.dict.clone(),
            self.set.clone(),
            self.frozenset.clone(),
            self.extra.enumerate.clone(),
        ]
    }
}

fn state<T: 'static>(v: &Value) -> Option<&T> {
    match v.payload() {
        Some(Payload::Other(b)) => b.downcast_ref::<T>(),
        _ => None,
    }
}

fn alias<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a GenericAlias> {
    args.values
        .first()
        .and_then(state::<GenericAlias>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'types.GenericAlias' object"))
}

fn union<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Union> {
    args.values
        .first()
        .and_then(state::<Union>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'types.UnionType' object"))
}

/// Whether `v` is a union (for isinstance/issubclass).
pub fn union_args(v: &Value) -> Option<Value> {
    state::<Union>(v).map(|u| u.args.clone())
}

/// A new `origin[args]`.
pub fn new_alias(vm: &Vm, origin: Value, args: Value) -> Value {
    let args = match args.payload() {
        Some(Payload::Tuple(_)) => args,
        _ => vm.new_tuple(vec![args]),
    };
    Value::Obj(Object::new(
        vm.types.extra.generic_alias.clone(),
        Payload::Other(Box::new(GenericAlias { origin, args })),
    ))
}

/// `cls[item]` for the builtin containers.
fn class_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let [cls, item] = pos else {
        return Err(vm.type_error("__class_getitem__ expected 1 argument"));
    };
    Ok(new_alias(vm, cls.clone(), item.clone()))
}

fn ga_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    arity::no_kwargs_type(vm, &args, "GenericAlias")?;
    arity::check_count(vm, "GenericAlias", pos.len(), 2, 2)?;
    let alias = new_alias(vm, pos[0].clone(), pos[1].clone());
    // A subclass (`_CallableGenericAlias`) gets an instance of its own class.
    match (args.values.first(), alias) {
        (Some(Value::Obj(cls)), Value::Obj(a))
            if !std::rc::Rc::ptr_eq(cls, &vm.types.extra.generic_alias) =>
        {
            let Ok(Payload::Other(state)) = std::rc::Rc::try_unwrap(a).map(take_payload) else {
                return Err(vm.system_error("GenericAlias subclass"));
            };
            let t = vm.type_data(cls);
            let o = if t.instance_dict {
                Object::with_dict(cls.clone(), Payload::Other(state))
            } else {
                Object::new(cls.clone(), Payload::Other(state))
            };
            Ok(Value::Obj(o))
        }
        (_, a) => Ok(a),
    }
}

/// The payload of an object nothing else references.
fn take_payload(mut o: Object) -> Payload {
    std::mem::replace(&mut o.payload, Payload::Plain)
}

/// How a type or alias appears inside an alias's or union's repr.
fn repr_item(vm: &mut Vm, p: &Value, in_union: bool) -> PyResult<String> {
    if in_union && p.is(&Value::Obj(vm.types.none_type.clone())) {
        return Ok("None".into());
    }
    if p.is(&vm.singletons.ellipsis.clone()) {
        return Ok("...".into());
    }
    if state::<GenericAlias>(p).is_some() || state::<Union>(p).is_some() {
        return vm.repr(p);
    }
    let qn = vm.names.__qualname__.clone();
    let mn = vm.names.__module__.clone();
    // Anything that looks like an alias (`typing.Unpack[Ts]`) shows its repr.
    let (on, an) = (vm.intern("__origin__"), vm.intern("__args__"));
    if super::objects::getattr_opt(vm, p, &on)?.is_some()
        && super::objects::getattr_opt(vm, p, &an)?.is_some()
    {
        return vm.repr(p);
    }
    let (Some(q), Some(m)) = (
        super::objects::getattr_opt(vm, p, &qn)?,
        super::objects::getattr_opt(vm, p, &mn)?,
    ) else {
        return vm.repr(p);
    };
    let (Some(q), Some(m)) = (q.as_str(), m.as_str()) else {
        return vm.repr(p);
    };
    Ok(if m.as_str() == "builtins" {
        q.as_str().to_string()
    } else {
        format!("{}.{}", m.as_str(), q.as_str())
    })
}

fn ga_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = alias(vm, &args)?;
    let (origin, items) = (a.origin.clone(), a.args.clone());
    let mut out = repr_item(vm, &origin, false)?;
    out.push('[');
    let items = vm.collect(&items)?;
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, it, false)?);
    }
    out.push(']');
    Ok(vm.new_str(&out))
}

/// `alias[item]`: the alias with its type variables substituted.
fn ga_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [this, item] = args.pos() else {
        return Err(vm.type_error("__getitem__ expected 1 argument"));
    };
    let a = alias(vm, &args)?;
    let (origin, items) = (a.origin.clone(), a.args.clone());
    let new_args = super::typing_subst::substitute(vm, this, &items, item)?;
    let new_args = vm.new_tuple(new_args);
    Ok(new_alias(vm, origin, new_args))
}

/// Calling an alias calls its origin (and records `__orig_class__` where possible).
fn ga_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.values[0].clone();
    let origin = alias(vm, &args)?.origin.clone();
    let r = vm.call(
        &origin,
        Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        },
    )?;
    let key = vm.intern("__orig_class__");
    match vm.set_attr(&r, &key, this) {
        Ok(()) => {}
        Err(e)
            if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone())
                || vm.is_instance_of_class(&e.0, &vm.types.exc.type_error.clone()) => {}
        Err(e) => return Err(e),
    }
    Ok(r)
}

fn ga_mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let origin = alias(vm, &args)?.origin.clone();
    Ok(vm.new_tuple(vec![origin]))
}

/// Other attributes come from the origin.
fn ga_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let origin = alias(vm, &args)?.origin.clone();
    let Some(name) = args.pos().get(1).and_then(|n| n.as_obj()).cloned() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.get_attr(&origin, &name)
}

fn ga_eq(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = alias(vm, &args)?;
    let other = arity::one_arg(vm, &args, "GenericAlias", "__eq__")?;
    let Some(b) = state::<GenericAlias>(other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let (ao, aa, bo, ba) = (
        a.origin.clone(),
        a.args.clone(),
        b.origin.clone(),
        b.args.clone(),
    );
    let eq =
        super::sequence::same_or_eq(vm, &ao, &bo)? && super::sequence::same_or_eq(vm, &aa, &ba)?;
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

fn ga_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = alias(vm, &args)?;
    let (o, t) = (a.origin.clone(), a.args.clone());
    let h = vm.hash(&o)? ^ vm.hash(&t)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// What `|` accepts to make a union: None, types, aliases, unions and (3.12+)
/// `typing.TypeAliasType` instances.
fn unionable(v: &Value) -> bool {
    v.is_none()
        || matches!(v.payload(), Some(Payload::Type(_)))
        || state::<GenericAlias>(v).is_some()
        || state::<Union>(v).is_some()
        || crate::modules::typing::is_type_alias(v)
}

/// `a | b` as `types.UnionType` makes it (NotImplemented when either cannot be a member).
pub fn union_of(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    union_or(vm, Args::positional(&[a.clone(), b.clone()]), false)
}

/// `a | b` (or `b | a` when `reflected`) for types, aliases and unions.
fn union_or(vm: &mut Vm, args: Args<'_>, reflected: bool) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    if !unionable(a) || !unionable(b) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let mut members: Vec<Value> = Vec::new();
    for v in [x, y] {
        let parts = match state::<Union>(v) {
            Some(u) => vm.collect(&u.args.clone())?,
            None if v.is_none() => vec![Value::Obj(vm.types.none_type.clone())],
            None => vec![v.clone()],
        };
        for p in parts {
            let mut dup = false;
            for m in &members {
                if super::sequence::same_or_eq(vm, m, &p)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.remove(0));
    }
    let args = vm.new_tuple(members);
    Ok(Value::Obj(Object::new(
        vm.types.extra.union_type.clone(),
        Payload::Other(Box::new(Union { args })),
    )))
}

fn union_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let items = union(vm, &args)?.args.clone();
    let items = vm.collect(&items)?;
    let mut parts = Vec::with_capacity(items.len());
    for it in &items {
        parts.push(repr_item(vm, it, true)?);
    }
    Ok(vm.new_str(&parts.join(" | ")))
}

fn union_eq(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = union(vm, &args)?.args.clone();
    let other = arity::one_arg(vm, &args, "UnionType", "__eq__")?;
    let Some(b) = state::<Union>(other).map(|u| u.args.clone()) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let (sa, sb) = (
        super::set::new_frozenset_from(vm, &a)?,
        super::set::new_frozenset_from(vm, &b)?,
    );
    let eq = super::set::compare_sets(vm, &sa, &sb, CmpOp::Eq)?;
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

fn union_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = union(vm, &args)?.args.clone();
    let fs = super::set::new_frozenset_from(vm, &a)?;
    Ok(Value::Int(vm.hash(&fs)?))
}

/// `isinstance(x, union)` / `issubclass(c, union)`: 3.10 refuses unions holding an alias
/// up front; later versions check the members in order.
fn union_check(vm: &mut Vm, args: Args<'_>, instance: bool) -> PyResult<Value> {
    let members = union(vm, &args)?.args.clone();
    let x = arity::one_arg(vm, &args, "UnionType", "__instancecheck__")?;
    let members = vm.collect(&members)?;
    if ver(vm) < (3, 11) && members.iter().any(|m| state::<GenericAlias>(m).is_some()) {
        let f = if instance { "isinstance" } else { "issubclass" };
        return Err(vm.type_error(&format!(
            "{f}() argument 2 cannot contain a parameterized generic"
        )));
    }
    for m in &members {
        let hit = if instance {
            super::objects::isinstance(vm, x, m)?
        } else {
            super::objects::issubclass(vm, x, m)?
        };
        if hit {
            return Ok(Value::Bool(Truth::True));
        }
    }
    Ok(Value::Bool(Truth::False))
}
