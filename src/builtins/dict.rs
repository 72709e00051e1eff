//! `dict`: construction and `update` (from mappings, from iterables of pairs, from
//! keywords), the methods, `__missing__` for subclasses, equality, the union operators
//! of 3.9+, `fromkeys`, and the views (`keys()`, `values()`, `items()`, in
//! `dict_views`).
//!
//! Builtin methods store into the table directly (as CPython's do): a subclass's
//! `__setitem__` is not called by `update`, `setdefault` or `dict(...)`.

use super::arity::{self, ver};
use super::dict_views::{self, ViewKind};
use crate::object::{Args, BuiltinKind, DictData, ObjRef, Payload, PyCell, Value};
use crate::vm::iter::{DictIterKind, IterState};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("keys", |vm, a| dict_view(vm, a, ViewKind::Keys)),
        ("values", |vm, a| dict_view(vm, a, ViewKind::Values)),
        ("items", |vm, a| dict_view(vm, a, ViewKind::Items)),
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
        ("__init__", dict_init),
        ("__len__", dict_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
        ("__repr__", dict_repr),
        ("__eq__", |vm, a| dict_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| dict_cmp(vm, a, CmpOp::Ne)),
    ];
    for (name, f) in methods {
        vm.add_method(&dict, name, *f, BuiltinKind::Method);
    }
    if ver(vm) >= (3, 8) {
        vm.add_method(&dict, "__reversed__", dict_reversed, BuiltinKind::Method);
    }
    if ver(vm) >= (3, 9) {
        vm.add_method(&dict, "__or__", dict_or, BuiltinKind::Method);
        vm.add_method(&dict, "__ror__", dict_ror, BuiltinKind::Method);
        vm.add_method(&dict, "__ior__", dict_ior, BuiltinKind::Method);
    }
    vm.add_method(&dict, "__new__", dict_new, BuiltinKind::StaticMethod);
    vm.add_method(&dict, "fromkeys", dict_fromkeys, BuiltinKind::ClassMethod);
    super::sequence::set_unhashable(vm, &dict);
    dict_views::init(vm);
}

/// The table of a dict (or dict-subclass instance).
pub fn table(o: &ObjRef) -> Option<&PyCell<DictData>> {
    match &o.payload {
        Payload::Dict(d) => Some(d),
        _ => None,
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a ObjRef> {
    let t = vm.types.dict.clone();
    let o = arity::self_of(vm, args, &t, "dict", name)?;
    match table(o) {
        Some(_) => Ok(o),
        None => Err(arity::descriptor_mismatch(
            vm,
            name,
            "dict",
            &Value::Obj(o.clone()),
        )),
    }
}

fn len_of(o: &ObjRef) -> usize {
    table(o).map(|d| d.with(|d| d.len())).unwrap_or(0)
}

fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "dict")?;
    Ok(Value::Obj(vm.new_instance_with(
        &cls,
        Payload::new_dict(DictData::new()),
    )))
}

/// `dict.__init__` and `dict.update`: at most one positional argument, then keywords.
fn update_common(vm: &mut Vm, this: &ObjRef, args: &Args<'_>, name: &str) -> PyResult<()> {
    let pos = &args.pos()[1..];
    arity::check_count(vm, name, pos.len(), 0, 1)?;
    if let Some(arg) = pos.first() {
        update_arg(vm, this, arg)?;
    }
    if crate::vm::flavour::python2_hash_tables(vm.version) && !args.kwnames.is_empty() {
        // 2.x gathers the keywords in a dict first and merges that (its order counts).
        let kw = vm.new_dict();
        for (k, v) in args.kw() {
            vm.dict_set(&kw, k.clone(), v.clone())?;
        }
        return merge(vm, this, &Value::Obj(kw));
    }
    for (k, v) in args.kw() {
        vm.dict_set(this, k.clone(), v.clone())?;
    }
    Ok(())
}

/// CPython's `dict_update_arg`: a mapping (anything with `keys`) or pairs.
pub fn update_arg(vm: &mut Vm, this: &ObjRef, arg: &Value) -> PyResult<()> {
    if matches!(arg.payload(), Some(Payload::Dict(_))) {
        return merge(vm, this, arg);
    }
    let keys = vm.names.keys.clone();
    if vm.get_attr_opt(arg, &keys)?.is_some() {
        return merge(vm, this, arg);
    }
    merge_from_pairs(vm, this, arg)
}

/// Whether `v` is a dict whose iteration is dict's own (so its table can be read
/// directly, as `PyDict_Merge` does).
fn raw_iterable_dict(vm: &mut Vm, v: &Value) -> bool {
    let Value::Obj(o) = v else { return false };
    if table(o).is_none() {
        return false;
    }
    if !vm.type_data(o.class()).is_heap {
        return true;
    }
    let it = vm.names.__iter__.clone();
    let class_ = o.class().clone();
    matches!(vm.lookup_in_mro(&class_, &it), Some(Value::Obj(f))
        if matches!(&f.payload, Payload::Builtin(b) if b.owner.as_ref().is_some_and(|t| std::rc::Rc::ptr_eq(t, &vm.types.dict))))
}

/// `PyDict_Merge(this, other)`: other's items, overriding.
pub fn merge(vm: &mut Vm, this: &ObjRef, other: &Value) -> PyResult<()> {
    if raw_iterable_dict(vm, other) {
        let o = other.as_obj().expect("a dict");
        let entries = vm.dict_items(o);
        if let (Some(t), false) = (table(this), entries.is_empty()) {
            t.with_mut(|d| d.reserve_for_merge(entries.len()));
        }
        for e in entries {
            vm.dict_set_hashed(this, e.key, e.hash, e.value)?;
        }
        return Ok(());
    }
    let keys_name = vm.names.keys.clone();
    let keys = vm.call_method(other, &keys_name, &[])?;
    let it = vm.get_iter(&keys)?;
    while let Some(k) = vm.next(&it)? {
        let v = vm.getitem(other, &k)?;
        vm.dict_set(this, k, v)?;
    }
    Ok(())
}

/// `PyDict_MergeFromSeq2`: an iterable of 2-item iterables.
fn merge_from_pairs(vm: &mut Vm, this: &ObjRef, seq: &Value) -> PyResult<()> {
    let it = vm.get_iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match item.payload() {
            Some(Payload::List(_) | Payload::Tuple(_)) => vm.collect(&item)?,
            _ if vm.is_iterable(&item) => vm.collect(&item)?,
            _ => {
                return Err(vm.type_error(&format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(&format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        let (k, v) = (p.next().unwrap_or_default(), p.next().unwrap_or_default());
        vm.dict_set(this, k, v)?;
        i += 1;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__init__")?;
    update_common(vm, o, &args, "dict")?;
    Ok(Value::None)
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "update")?;
    update_common(vm, o, &args, "update")?;
    Ok(Value::None)
}

fn dict_view(vm: &mut Vm, args: Args<'_>, kind: ViewKind) -> PyResult<Value> {
    let name = kind.method();
    let o = this(vm, &args, name)?;
    arity::no_args(vm, &args, "dict", name)?;
    Ok(dict_views::new_view(vm, o.clone(), kind))
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "get")?;
    arity::no_kwargs_method(vm, &args, "dict", "get")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "get", pos.len(), 1, 2)?;
    Ok(vm
        .dict_get(o, &pos[0])?
        .unwrap_or_else(|| pos.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "setdefault")?;
    arity::no_kwargs_method(vm, &args, "dict", "setdefault")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "setdefault", pos.len(), 1, 2)?;
    let hash = vm.hash(&pos[0])?;
    if let Some(v) = vm.dict_get_hashed(o, &pos[0], hash)? {
        return Ok(v);
    }
    let d = pos.get(1).cloned().unwrap_or(Value::None);
    vm.dict_set_hashed(o, pos[0].clone(), hash, d.clone())?;
    Ok(d)
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "pop")?;
    arity::no_kwargs_method(vm, &args, "dict", "pop")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "pop", pos.len(), 1, 2)?;
    match vm.dict_remove(o, &pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(&pos[0])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "popitem")?;
    arity::no_args(vm, &args, "dict", "popitem")?;
    let popped = table(o).and_then(|d| d.with_mut(|d| d.pop_last()));
    match popped {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(&msg))
        }
    }
}

fn dict_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "clear")?;
    arity::no_args(vm, &args, "dict", "clear")?;
    let old = table(o).map(|d| d.replace(DictData::new()));
    drop(old);
    Ok(Value::None)
}

/// A new exact dict with the entries of `o`.
pub fn copy_of(vm: &Vm, o: &ObjRef) -> ObjRef {
    let data = table(o).map(|d| d.with(|d| d.copied())).unwrap_or_default();
    crate::object::Object::new(vm.types.dict.clone(), Payload::new_dict(data))
}

fn dict_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "copy")?;
    arity::no_args(vm, &args, "dict", "copy")?;
    Ok(Value::Obj(copy_of(vm, o)))
}

fn dict_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__len__")?;
    arity::no_args(vm, &args, "dict", "__len__")?;
    Ok(Value::Int(len_of(o) as i64))
}

fn dict_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__getitem__")?;
    let key = arity::one_arg(vm, &args, "dict", "__getitem__")?;
    if let Some(v) = vm.dict_get(o, key)? {
        return Ok(v);
    }
    let class_ = o.class().clone();
    if !std::rc::Rc::ptr_eq(&class_, &vm.types.dict) {
        let missing = vm.names.__missing__.clone();
        if let Some(f) = vm.lookup_in_mro(&class_, &missing) {
            let this_v = Value::Obj(o.clone());
            let bound = vm.descr_get(f, Some(&this_v), &class_)?;
            return vm.call(&bound, Args::positional(std::slice::from_ref(key)));
        }
    }
    Err(vm.key_error(key))
}

fn dict_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__setitem__")?;
    arity::no_kwargs_method(vm, &args, "dict", "__setitem__")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "", pos.len(), 2, 2)?;
    vm.dict_set(o, pos[0].clone(), pos[1].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__delitem__")?;
    let key = arity::one_arg(vm, &args, "dict", "__delitem__")?;
    match vm.dict_remove(o, key)? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(key)),
    }
}

fn dict_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__contains__")?;
    let key = arity::one_arg(vm, &args, "dict", "__contains__")?;
    Ok(Value::bool(vm.dict_get(o, key)?.is_some()))
}

fn dict_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__iter__")?;
    arity::no_args(vm, &args, "dict", "__iter__")?;
    Ok(vm.new_iter(IterState::Dict {
        dict: o.clone(),
        pos: 0,
        len: len_of(o),
        left: len_of(o),
        kind: DictIterKind::Keys,
    }))
}

fn dict_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__reversed__")?;
    arity::no_args(vm, &args, "dict", "__reversed__")?;
    Ok(super::iterators::dict_reverse_iter(
        vm,
        o.clone(),
        DictIterKind::Keys,
    ))
}

fn dict_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__repr__")?;
    arity::no_args(vm, &args, "dict", "__repr__")?;
    let s = vm.repr_builtin(o, &Value::Obj(o.clone()))?;
    Ok(vm.new_str(&s))
}

/// `a == b` for two dicts (same keys, equal values).
pub fn dicts_equal(vm: &mut Vm, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
    if len_of(a) != len_of(b) {
        return Ok(false);
    }
    for e in vm.dict_items(a) {
        let Some(bv) = vm.dict_get_hashed(b, &e.key, e.hash)? else {
            return Ok(false);
        };
        if !super::sequence::same_or_eq(vm, &e.value, &bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let name = super::sequence::cmp_dunder(op);
    let o = this(vm, &args, name)?;
    let other = arity::one_arg(vm, &args, "dict", name)?;
    let Some(other) = other.as_obj().filter(|p| table(p).is_some()) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let eq = dicts_equal(vm, o, other)?;
    Ok(Value::bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn dict_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__or__")?;
    let other = arity::one_arg(vm, &args, "dict", "__or__")?;
    if !matches!(other.payload(), Some(Payload::Dict(_))) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let new = copy_of(vm, o);
    update_arg(vm, &new, other)?;
    Ok(Value::Obj(new))
}

fn dict_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__ror__")?;
    let other = arity::one_arg(vm, &args, "dict", "__ror__")?;
    let Some(other_o) = other.as_obj().filter(|p| table(p).is_some()) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let new = copy_of(vm, other_o);
    update_arg(vm, &new, &Value::Obj(o.clone()))?;
    Ok(Value::Obj(new))
}

fn dict_ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let o = this(vm, &args, "__ior__")?;
    let other = arity::one_arg(vm, &args, "dict", "__ior__")?;
    update_arg(vm, o, other)?;
    Ok(Value::Obj(o.clone()))
}

/// 2.x's `fromkeys` into an exact dict from an exact dict or set: the table is sized
/// for the source's fill (a dict's) or length (a set's) and the keys go in without
/// resizing, as 2.7 does (which decides the order). None elsewhere.
fn fromkeys_of_table(
    vm: &mut Vm,
    d: &Value,
    seq: &Value,
    value: &Value,
) -> PyResult<Option<Value>> {
    if !crate::vm::flavour::python2_hash_tables(vm.version) {
        return Ok(None);
    }
    let Some(target) = d.as_obj().and_then(|o| table(o)) else {
        return Ok(None);
    };
    let (size, keys): (usize, Vec<(Value, i64)>) = match seq.payload() {
        Some(Payload::Dict(s)) if vm.is_exact(seq, &vm.types.dict.clone()) => s.with(|s| {
            let keys = s.iter().map(|e| (e.key.clone(), e.hash)).collect();
            (s.fill(), keys)
        }),
        Some(Payload::Set(_) | Payload::FrozenSet(_)) => {
            let Some(r) = super::set::set_ref(seq) else {
                return Ok(None);
            };
            let keys = r.entries();
            (keys.len(), keys)
        }
        _ => return Ok(None),
    };
    target.with_mut(|t| {
        t.presize_py2(size);
        for (k, h) in keys {
            t.insert_unchecked(k, h, value.clone());
        }
    });
    Ok(Some(d.clone()))
}

/// `dict.fromkeys(iterable, value=None)` (a class method: builds `cls()`).
fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "dict")?;
    arity::no_kwargs_method(vm, &args, "dict", "fromkeys")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "fromkeys", pos.len(), 1, 2)?;
    let value = pos.get(1).cloned().unwrap_or(Value::None);
    let d = vm.call(&Value::Obj(cls), Args::positional(&[]))?;
    let exact = vm.is_exact(&d, &vm.types.dict.clone());
    if exact {
        if let Some(done) = fromkeys_of_table(vm, &d, &pos[0], &value)? {
            return Ok(done);
        }
    }
    let it = vm.get_iter(&pos[0])?;
    while let Some(k) = vm.next(&it)? {
        match (&d, exact) {
            (Value::Obj(o), true) => vm.dict_set(o, k, value.clone())?,
            _ => vm.setitem(&d, k, value.clone())?,
        }
    }
    Ok(d)
}
