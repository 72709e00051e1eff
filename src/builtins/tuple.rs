//! `tuple`: construction (also of subclasses, whose instances carry the items), `count`,
//! `index`, and the dunder methods that subclasses and explicit calls reach.

use super::arity::{self, ver};
use super::sequence::{self, SeqOp};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("count", tuple_count),
        ("index", tuple_index),
        ("__len__", tuple_len),
        ("__getitem__", tuple_getitem),
        ("__contains__", tuple_contains),
        ("__iter__", tuple_iter),
        ("__add__", tuple_add),
        ("__mul__", tuple_mul),
        ("__rmul__", tuple_mul),
        ("__hash__", tuple_hash),
        ("__repr__", tuple_repr),
        ("__getnewargs__", tuple_getnewargs),
        ("__eq__", |vm, a| tuple_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| tuple_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| tuple_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| tuple_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| tuple_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| tuple_cmp(vm, a, CmpOp::Ge)),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&t, "__new__", tuple_new, BuiltinKind::StaticMethod);
}

/// `tuple(iterable)`: the iterable itself when it is an exact tuple, else a new tuple of
/// its items. `type.__call__` calls it directly for `tuple(x)` (tuple's `__new__` and
/// `__init__` cannot be replaced, so nothing else would run).
pub fn tuple_of(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = iterable {
        if std::rc::Rc::ptr_eq(o.class(), &vm.types.tuple) {
            return Ok(iterable.clone());
        }
    }
    let items = vm.collect(iterable)?;
    Ok(vm.new_tuple(items))
}

/// The items of a tuple (or tuple-subclass instance).
pub fn items(o: &ObjRef) -> Option<&[Value]> {
    match &o.payload {
        Payload::Tuple(t) => Some(t),
        _ => None,
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a ObjRef, &'a [Value])> {
    let t = vm.types.tuple.clone();
    let o = arity::self_of(vm, args, &t, "tuple", name)?;
    match items(o) {
        Some(i) => Ok((o, i)),
        None => Err(arity::descriptor_mismatch(
            vm,
            name,
            "tuple",
            &Value::Obj(o.clone()),
        )),
    }
}

/// `tuple.__new__(cls, iterable=(), /)`.
fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "tuple")?;
    if !args.kwnames.is_empty() {
        if ver(vm) < (3, 7) {
            let k = arity::kw_name(&args.kwnames[0]);
            return Err(vm.type_error(&format!(
                "'{k}' is an invalid keyword argument for this function"
            )));
        }
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if ver(vm) < (3, 7) {
        arity::check_count_parse(vm, "tuple", pos.len(), 0, 1)?;
    }
    arity::check_count(vm, "tuple", pos.len(), 0, 1)?;
    let exact = std::rc::Rc::ptr_eq(&cls, &vm.types.tuple);
    let items = match pos.first() {
        Some(v) if exact => return tuple_of(vm, v),
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    if exact {
        return Ok(vm.new_tuple(items));
    }
    Ok(Value::Obj(vm.new_instance_with(
        &cls,
        Payload::Tuple(items.into_boxed_slice()),
    )))
}

fn tuple_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "count")?;
    let v = arity::one_arg(vm, &args, "tuple", "count")?;
    let mut n = 0;
    for item in t {
        if sequence::same_or_eq(vm, item, v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "index")?;
    arity::no_kwargs_method(vm, &args, "tuple", "index")?;
    let pos = &args.pos()[1..];
    arity::check_count_legacy(vm, "index", pos.len(), 1, 3)?;
    let (start, stop) = sequence::index_range(vm, pos.get(1), pos.get(2), t.len())?;
    for (i, item) in t.iter().enumerate().take(stop).skip(start) {
        if sequence::same_or_eq(vm, item, &pos[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__len__")?;
    arity::no_args(vm, &args, "tuple", "__len__")?;
    Ok(Value::Int(t.len() as i64))
}

/// `tuple[key]` for a tuple or tuple subclass.
pub fn getitem(vm: &mut Vm, t: &[Value], key: &Value) -> PyResult<Value> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let b = vm.slice_bounds(&s, t.len())?;
        return Ok(vm.new_tuple(b.indices().map(|i| t[i].clone()).collect()));
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error(&format!(
            "tuple indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    match sequence::normalize(i as i64, t.len()) {
        Some(j) => Ok(t[j].clone()),
        None => Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "tuple index out of range",
        )),
    }
}

fn tuple_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__getitem__")?;
    let key = arity::one_arg(vm, &args, "tuple", "__getitem__")?;
    getitem(vm, t, key)
}

fn tuple_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__contains__")?;
    let v = arity::one_arg(vm, &args, "tuple", "__contains__")?;
    for item in t {
        if sequence::contains_eq(vm, item, v)? {
            return Ok(Value::Bool(Truth::True));
        }
    }
    Ok(Value::Bool(Truth::False))
}

fn tuple_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, _) = this(vm, &args, "__iter__")?;
    arity::no_args(vm, &args, "tuple", "__iter__")?;
    Ok(vm.new_iter(crate::vm::iter::IterState::Seq {
        seq: o.clone(),
        index: 0,
    }))
}

fn tuple_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__add__")?;
    let other = arity::one_arg(vm, &args, "tuple", "__add__")?;
    match other.as_obj().and_then(items) {
        Some(o) => {
            let mut v = t.to_vec();
            v.extend_from_slice(o);
            Ok(vm.new_tuple(v))
        }
        None => Err(vm.type_error(&format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            vm.type_name(other)
        ))),
    }
}

fn tuple_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, t) = this(vm, &args, "__mul__")?;
    let n = arity::one_arg(vm, &args, "tuple", "__mul__")?;
    let n = arity::index_arg(vm, n)?;
    if n == 1 && vm.is_exact(&Value::Obj(o.clone()), &vm.types.tuple.clone()) {
        return Ok(Value::Obj(o.clone()));
    }
    let r = sequence::repeat(vm, t, n)?;
    Ok(vm.new_tuple(r))
}

fn tuple_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__hash__")?;
    arity::no_args(vm, &args, "tuple", "__hash__")?;
    let exact = vm.new_tuple(t.to_vec());
    Ok(Value::Int(vm.hash(&exact)?))
}

fn tuple_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, _) = this(vm, &args, "__repr__")?;
    arity::no_args(vm, &args, "tuple", "__repr__")?;
    let s = vm.repr_builtin(o, &Value::Obj(o.clone()))?;
    Ok(vm.new_str(&s))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__getnewargs__")?;
    let inner = vm.new_tuple(t.to_vec());
    Ok(vm.new_tuple(vec![inner]))
}

fn tuple_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let name = sequence::cmp_dunder(op);
    let (_, t) = this(vm, &args, name)?;
    let other = arity::one_arg(vm, &args, "tuple", name)?;
    let Some(o) = other.as_obj().and_then(items) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    sequence::compare_cells(vm, SeqOp::Tuple(t), SeqOp::Tuple(o), op)
}
