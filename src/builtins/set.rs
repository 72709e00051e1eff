//! `set` and `frozenset`: construction, the methods, the operators (`| & - ^`, their
//! in-place forms, the subset comparisons) and `frozenset.__hash__`.
//!
//! The algorithms follow CPython's `setobject.c` step for step (which set is iterated,
//! what is copied, in which order entries are inserted), because a set prints in the
//! order of its hash table and that order depends on the insertion history.
//! Equality of keys may run `__eq__`, so no borrow of a table is held across a comparison:
//! entries are copied out first and probes are resumed (see `object::set`).

use super::arity;
use crate::object::set::{Probe, SetData};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyCell, Value};
use crate::vm::mapping::native_eq;
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    crate::object::set::set_reuse_dummies(arity::ver(vm) != (3, 9));
    if arity::ver(vm) < (3, 7) {
        crate::object::set::set_max_fill(2, 3);
    }
    let set = vm.types.set.clone();
    let frozenset = vm.types.frozenset.clone();
    let common: &[(&'static str, crate::object::NativeFn)] = &[
        ("copy", set_copy_method),
        ("union", set_union),
        ("intersection", set_intersection_method),
        ("difference", set_difference_method),
        ("symmetric_difference", set_symmetric_difference_method),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len),
        ("__contains__", set_contains_method),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__or__", |vm, a| set_binop(vm, a, Op::Or)),
        ("__and__", |vm, a| set_binop(vm, a, Op::And)),
        ("__sub__", |vm, a| set_binop(vm, a, Op::Sub)),
        ("__xor__", |vm, a| set_binop(vm, a, Op::Xor)),
        ("__ror__", |vm, a| set_rbinop(vm, a, Op::Or)),
        ("__rand__", |vm, a| set_rbinop(vm, a, Op::And)),
        ("__rsub__", |vm, a| set_rbinop(vm, a, Op::Sub)),
        ("__rxor__", |vm, a| set_rbinop(vm, a, Op::Xor)),
        ("__eq__", |vm, a| set_richcompare(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| set_richcompare(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| set_richcompare(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| set_richcompare(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| set_richcompare(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| set_richcompare(vm, a, CmpOp::Ge)),
    ];
    for t in [&set, &frozenset] {
        for (name, f) in common {
            vm.add_method(t, name, *f, BuiltinKind::Method);
        }
    }
    let mutating: &[(&'static str, crate::object::NativeFn)] = &[
        ("add", set_add_method),
        ("remove", set_remove),
        ("discard", set_discard_method),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update_method),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update_method),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update_method,
        ),
        ("__init__", set_init),
        ("__ior__", |vm, a| set_inplace(vm, a, Op::Or)),
        ("__iand__", |vm, a| set_inplace(vm, a, Op::And)),
        ("__isub__", |vm, a| set_inplace(vm, a, Op::Sub)),
        ("__ixor__", |vm, a| set_inplace(vm, a, Op::Xor)),
    ];
    for (name, f) in mutating {
        vm.add_method(&set, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&set, "__new__", set_new, BuiltinKind::StaticMethod);
    vm.add_method(
        &frozenset,
        "__new__",
        frozenset_new,
        BuiltinKind::StaticMethod,
    );
    vm.add_method(&frozenset, "__hash__", frozenset_hash, BuiltinKind::Method);
    super::sequence::set_unhashable(vm, &set);
}

/// A set's or frozenset's table.
#[derive(Clone, Copy)]
pub enum SetRef<'a> {
    Mut(&'a PyCell<SetData>),
    Frozen(&'a SetData),
}

impl SetRef<'_> {
    pub fn with<R>(&self, f: impl FnOnce(&SetData) -> R) -> R {
        match self {
            SetRef::Mut(c) => c.with(f),
            SetRef::Frozen(d) => f(d),
        }
    }

    pub fn len(&self) -> usize {
        self.with(|d| d.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// (key, hash) of every entry, in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.with(|d| d.iter().map(|e| (e.key.clone(), e.hash)).collect())
    }
}

/// The table of a set or frozenset (or an instance of a subclass).
pub fn set_ref(v: &Value) -> Option<SetRef<'_>> {
    match v.payload()? {
        Payload::Set(c) => Some(SetRef::Mut(c)),
        Payload::FrozenSet(d) => Some(SetRef::Frozen(d)),
        _ => None,
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::FrozenSet(_)))
}

/// Whether `key` (with `hash`) is in the table. The first probe is decided here; a
/// probe that needs `__eq__` goes on in `contains_asked`.
#[inline]
pub fn contains_hashed(vm: &mut Vm, s: SetRef<'_>, key: &Value, hash: i64) -> PyResult<bool> {
    match s.with(|d| d.find(key, hash, &mut native_eq)) {
        Probe::Found(_) => Ok(true),
        Probe::Absent { .. } => Ok(false),
        Probe::Ask { candidate, state } => contains_asked(vm, s, key, hash, candidate, state),
    }
}

/// `contains_hashed` once a candidate's equality needs Python code.
#[inline(never)]
fn contains_asked(
    vm: &mut Vm,
    s: SetRef<'_>,
    key: &Value,
    hash: i64,
    candidate: Value,
    state: crate::object::set::ProbeState,
) -> PyResult<bool> {
    let mut asked = (candidate, state);
    loop {
        let equal = vm.eq(&asked.0, key)?;
        let probe = match s.with(|d| d.resume(key, hash, asked.1, equal, &mut native_eq)) {
            Some(p) => p,
            // The table changed meanwhile: start over.
            None => s.with(|d| d.find(key, hash, &mut native_eq)),
        };
        match probe {
            Probe::Found(_) => return Ok(true),
            Probe::Absent { .. } => return Ok(false),
            Probe::Ask { candidate, state } => asked = (candidate, state),
        }
    }
}

/// Adds `key` with a known hash (CPython's `set_add_entry`); whether it was new.
#[inline]
pub fn add_hashed(vm: &mut Vm, cell: &PyCell<SetData>, key: Value, hash: i64) -> PyResult<bool> {
    let mut probe = cell.with(|d| d.find(&key, hash, &mut native_eq));
    loop {
        match probe {
            Probe::Found(_) => return Ok(false),
            Probe::Absent { slot, dummy } => {
                cell.with_mut(|d| d.insert_at(slot, dummy, key, hash));
                return Ok(true);
            }
            Probe::Ask { candidate, state } => {
                probe = ask_and_resume(vm, cell, &key, hash, candidate, state)?;
            }
        }
    }
}

/// Decides a candidate's equality in Python, then goes on with the probe (from the start
/// if the table changed meanwhile, as CPython does).
#[inline(never)]
fn ask_and_resume(
    vm: &mut Vm,
    cell: &PyCell<SetData>,
    key: &Value,
    hash: i64,
    candidate: Value,
    state: crate::object::set::ProbeState,
) -> PyResult<Probe> {
    let equal = vm.eq(&candidate, key)?;
    drop(candidate);
    Ok(
        match cell.with(|d| d.resume(key, hash, state, equal, &mut native_eq)) {
            Some(p) => p,
            None => cell.with(|d| d.find(key, hash, &mut native_eq)),
        },
    )
}

/// Removes `key` (known hash); whether it was present.
#[inline]
pub fn discard_hashed(
    vm: &mut Vm,
    cell: &PyCell<SetData>,
    key: &Value,
    hash: i64,
) -> PyResult<bool> {
    let mut probe = cell.with(|d| d.find(key, hash, &mut native_eq));
    loop {
        match probe {
            Probe::Found(slot) => {
                let old = cell.with_mut(|d| d.remove_at(slot));
                drop(old);
                return Ok(true);
            }
            Probe::Absent { .. } => return Ok(false),
            Probe::Ask { candidate, state } => {
                probe = ask_and_resume(vm, cell, key, hash, candidate, state)?;
            }
        }
    }
}

/// The hash of a key looked up in a set: an unhashable `set` is looked up as the
/// equal frozenset, as CPython's `set_contains`/`remove`/`discard` do.
/// The hash of a small int, which is the int itself (-1 excepted) in every version: no
/// call through `Vm::hash`.
#[inline]
fn inline_hash(key: &Value) -> Option<i64> {
    match key {
        Value::Int(i) if i.unsigned_abs() < crate::object::hash::MODULUS => {
            Some(if *i == -1 { -2 } else { *i })
        }
        _ => None,
    }
}

fn lookup_key(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e)
            if matches!(key.payload(), Some(Payload::Set(_)))
                && vm.is_instance_of_class(&e.0, &vm.types.exc.type_error.clone()) =>
        {
            let fs = new_frozenset_from(vm, key)?;
            let h = vm.hash(&fs)?;
            Ok((fs, h))
        }
        Err(e) => Err(e),
    }
}

/// Puts `data` in place of `cell`'s table, returning the old one (for the caller to drop
/// after the borrow), with a version above both so a suspended probe restarts.
fn replace_table(cell: &PyCell<SetData>, mut data: SetData) -> SetData {
    data.version = data.version.max(cell.with(|d| d.version)) + 1;
    cell.replace(data)
}

/// A new empty mutable table object used while building a result.
fn empty_set(vm: &Vm) -> Value {
    Value::Obj(crate::object::Object::new(
        vm.types.set.clone(),
        Payload::new_set(SetData::new()),
    ))
}

fn cell_of(v: &Value) -> &PyCell<SetData> {
    match v.payload() {
        Some(Payload::Set(c)) => c,
        _ => unreachable!("building sets are mutable sets"),
    }
}

/// CPython's `set_update_internal`: adds every item of `other` to the set `target`.
pub fn update_internal(vm: &mut Vm, target: &PyCell<SetData>, other: &Value) -> PyResult<()> {
    if let Some(o) = set_ref(other) {
        let (fill, mask, used) = target.with(|d| (d.fill(), d.table_mask(), d.len()));
        let other_used = o.len();
        if other_used == 0 || matches!(o, SetRef::Mut(c) if std::ptr::eq(c, target)) {
            return Ok(());
        }
        if crate::object::set::too_full(fill + other_used, mask) {
            target.with_mut(|d| d.resize((used + other_used) * 2));
        }
        if target.with(|d| d.fill()) == 0 {
            let snapshot = o.with(|d| d.clone());
            target.with_mut(|d| d.merge_into_empty(&snapshot));
            return Ok(());
        }
        for (k, h) in o.entries() {
            add_hashed(vm, target, k, h)?;
        }
        return Ok(());
    }
    if let (Some(Payload::Dict(d)), true) =
        (other.payload(), vm.is_exact(other, &vm.types.dict.clone()))
    {
        let entries: Vec<(Value, i64)> =
            d.with(|d| d.iter().map(|e| (e.key.clone(), e.hash)).collect());
        let (fill, mask, used) = target.with(|d| (d.fill(), d.table_mask(), d.len()));
        if crate::object::set::too_full(fill + entries.len(), mask) {
            target.with_mut(|d| d.resize((used + entries.len()) * 2));
        }
        for (k, h) in entries {
            add_hashed(vm, target, k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        add_hashed(vm, target, k, h)?;
    }
    Ok(())
}

/// A new `set` holding the items of `iterable`.
pub fn new_set_from(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let s = empty_set(vm);
    update_internal(vm, cell_of(&s), iterable)?;
    Ok(s)
}

/// A new `frozenset` holding the items of `iterable`.
pub fn new_frozenset_from(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let s = new_set_from(vm, iterable)?;
    Ok(freeze(vm, &vm.types.frozenset.clone(), s))
}

/// Turns a freshly built `set` into an instance of `cls` (set, frozenset, or a subclass
/// of either) with the same table.
fn freeze(vm: &Vm, cls: &ObjRef, built: Value) -> Value {
    let data = cell_of(&built).replace(SetData::new());
    let frozen = vm.is_subclass_of(cls, &vm.types.frozenset);
    let payload = if frozen {
        Payload::FrozenSet(Box::new(data))
    } else {
        Payload::new_set(data)
    };
    Value::Obj(vm.new_instance_with(cls, payload))
}

/// `make_new_set_basetype`: a new set of the builtin base type of `like` (set or
/// frozenset) with the items of `iterable` (or empty).
fn new_like(vm: &mut Vm, like: &Value, iterable: Option<&Value>) -> PyResult<Value> {
    let s = empty_set(vm);
    if let Some(it) = iterable {
        update_internal(vm, cell_of(&s), it)?;
    }
    if is_frozen(like) {
        let ft = vm.types.frozenset.clone();
        Ok(freeze(vm, &ft, s))
    } else {
        Ok(s)
    }
}

/// `self` of a method shared by set and frozenset.
fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let Some(v) = args.pos().first() else {
        return Err(vm.type_error(&format!(
            "descriptor '{name}' of 'set' object needs an argument"
        )));
    };
    if set_ref(v).is_none() {
        return Err(arity::descriptor_mismatch(vm, name, "set", v));
    }
    Ok(v)
}

fn owner_name(v: &Value) -> &'static str {
    if is_frozen(v) {
        "frozenset"
    } else {
        "set"
    }
}

/// `self` of a method of the mutable set only.
#[inline]
fn this_mut<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a PyCell<SetData>)> {
    let o = arity::self_of(vm, args, &vm.types.set, "set", name)?;
    match &o.payload {
        Payload::Set(c) => Ok((&args.pos()[0], c)),
        _ => Err(arity::descriptor_mismatch(vm, name, "set", &args.pos()[0])),
    }
}

fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "set")?;
    if std::rc::Rc::ptr_eq(&cls, &vm.types.set) {
        arity::no_kwargs_type(vm, &args, "set")?;
    }
    Ok(Value::Obj(
        vm.new_instance_with(&cls, Payload::new_set(SetData::new())),
    ))
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "__init__")?;
    arity::no_kwargs_type(vm, &args, "set")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "set", pos.len(), 0, 1)?;
    let old = cell.replace(cell.with(SetData::emptied));
    drop(old);
    if let Some(it) = pos.first() {
        update_internal(vm, cell, it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "frozenset")?;
    let exact = std::rc::Rc::ptr_eq(&cls, &vm.types.frozenset);
    if exact {
        arity::no_kwargs_type(vm, &args, "frozenset")?;
    }
    let pos = &args.pos()[1..];
    arity::check_count(vm, "frozenset", pos.len(), 0, 1)?;
    if let Some(v) = pos.first() {
        if exact && vm.is_exact(v, &cls) {
            return Ok(v.clone());
        }
    }
    let s = empty_set(vm);
    if let Some(it) = pos.first() {
        update_internal(vm, cell_of(&s), it)?;
    }
    Ok(freeze(vm, &cls, s))
}

fn set_add_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "add")?;
    let key = arity::one_arg(vm, &args, "set", "add")?.clone();
    let h = match inline_hash(&key) {
        Some(h) => h,
        None => vm.hash(&key)?,
    };
    add_hashed(vm, cell, key, h)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "remove")?;
    let key = arity::one_arg(vm, &args, "set", "remove")?;
    let found = match inline_hash(key) {
        Some(h) => discard_hashed(vm, cell, key, h)?,
        None => {
            let (k, h) = lookup_key(vm, key)?;
            discard_hashed(vm, cell, &k, h)?
        }
    };
    if found {
        Ok(Value::None)
    } else {
        Err(vm.key_error(key))
    }
}

fn set_discard_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "discard")?;
    let key = arity::one_arg(vm, &args, "set", "discard")?;
    let (k, h) = lookup_key(vm, key)?;
    discard_hashed(vm, cell, &k, h)?;
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "pop")?;
    arity::no_args(vm, &args, "set", "pop")?;
    match cell.with_mut(|d| d.pop()) {
        Some(v) => Ok(v),
        None => Err(vm.new_exception(&vm.types.exc.key_error.clone(), "pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "clear")?;
    arity::no_args(vm, &args, "set", "clear")?;
    let old = cell.replace(cell.with(SetData::emptied));
    drop(old);
    Ok(Value::None)
}

fn set_update_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, cell) = this_mut(vm, &args, "update")?;
    arity::no_kwargs_method(vm, &args, "set", "update")?;
    for other in &args.pos()[1..] {
        update_internal(vm, cell, other)?;
    }
    Ok(Value::None)
}

fn set_copy_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "copy")?;
    arity::no_args(vm, &args, owner_name(s), "copy")?;
    if vm.is_exact(s, &vm.types.frozenset.clone()) {
        return Ok(s.clone());
    }
    new_like(vm, s, Some(s))
}

fn set_union(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "union")?;
    arity::no_kwargs_method(vm, &args, owner_name(s), "union")?;
    let result = empty_set(vm);
    update_internal(vm, cell_of(&result), s)?;
    for other in &args.pos()[1..] {
        update_internal(vm, cell_of(&result), other)?;
    }
    rebase(vm, s, result)
}

/// A result built as a mutable set, given the base type of `like`.
fn rebase(vm: &mut Vm, like: &Value, built: Value) -> PyResult<Value> {
    if is_frozen(like) {
        let ft = vm.types.frozenset.clone();
        Ok(freeze(vm, &ft, built))
    } else {
        Ok(built)
    }
}

/// CPython's `set_intersection(so, other)`.
fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if so.is(other) {
        return new_like(vm, so, Some(so));
    }
    let result = empty_set(vm);
    let so_ref = set_ref(so).expect("a set");
    if let Some(o) = set_ref(other) {
        let (big, small) = if o.len() > so_ref.len() {
            (o, so_ref)
        } else {
            (so_ref, o)
        };
        for (k, h) in small.entries() {
            if contains_hashed(vm, big, &k, h)? {
                add_hashed(vm, cell_of(&result), k, h)?;
            }
        }
    } else {
        let it = vm.get_iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            if contains_hashed(vm, so_ref, &k, h)? {
                add_hashed(vm, cell_of(&result), k, h)?;
            }
        }
    }
    rebase(vm, so, result)
}

fn set_intersection_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "intersection")?;
    arity::no_kwargs_method(vm, &args, owner_name(s), "intersection")?;
    let others = &args.pos()[1..];
    if others.is_empty() {
        return new_like(vm, s, Some(s));
    }
    let mut result = s.clone();
    for other in others {
        result = intersection(vm, &result, other)?;
    }
    Ok(result)
}

fn set_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, cell) = this_mut(vm, &args, "intersection_update")?;
    arity::no_kwargs_method(vm, &args, "set", "intersection_update")?;
    let mut result = s.clone();
    for other in &args.pos()[1..] {
        result = intersection(vm, &result, other)?;
    }
    if !result.is(s) {
        let data = cell_of(&result).replace(SetData::new());
        let old = replace_table(cell, data);
        drop(old);
    }
    Ok(Value::None)
}

/// CPython's `set_difference_update_internal`.
fn difference_update(
    vm: &mut Vm,
    cell: &PyCell<SetData>,
    so: &Value,
    other: &Value,
) -> PyResult<()> {
    if so.is(other) {
        let old = cell.replace(cell.with(SetData::emptied));
        drop(old);
        return Ok(());
    }
    if let Some(o) = set_ref(other) {
        for (k, h) in o.entries() {
            discard_hashed(vm, cell, &k, h)?;
        }
        return Ok(());
    }
    if let Some(Payload::Dict(d)) = other.payload() {
        let entries: Vec<(Value, i64)> =
            d.with(|d| d.iter().map(|e| (e.key.clone(), e.hash)).collect());
        for (k, h) in entries {
            discard_hashed(vm, cell, &k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let (k, h) = lookup_key(vm, &k)?;
        discard_hashed(vm, cell, &k, h)?;
    }
    Ok(())
}

/// CPython's `set_difference(so, other)`.
fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let so_ref = set_ref(so).expect("a set");
    let other_size = match (set_ref(other), other.payload()) {
        (Some(o), _) => Some(o.len()),
        (None, Some(Payload::Dict(d))) => Some(d.with(|d| d.len())),
        _ => None,
    };
    let copy_and_discard = match other_size {
        None => true,
        Some(n) => so_ref.is_empty() || (so_ref.len() >> 2) > n,
    };
    if copy_and_discard {
        let result = empty_set(vm);
        update_internal(vm, cell_of(&result), so)?;
        let r2 = result.clone();
        difference_update(vm, cell_of(&r2), &result, other)?;
        return rebase(vm, so, result);
    }
    let result = empty_set(vm);
    for (k, h) in so_ref.entries() {
        let present = match (set_ref(other), other.as_obj()) {
            (Some(o), _) => contains_hashed(vm, o, &k, h)?,
            (None, Some(d)) => vm.dict_get_hashed(d, &k, h)?.is_some(),
            _ => false,
        };
        if !present {
            add_hashed(vm, cell_of(&result), k, h)?;
        }
    }
    rebase(vm, so, result)
}

fn set_difference_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "difference")?;
    arity::no_kwargs_method(vm, &args, owner_name(s), "difference")?;
    let others = &args.pos()[1..];
    if others.is_empty() {
        return new_like(vm, s, Some(s));
    }
    let result = difference(vm, s, &others[0])?;
    let cell_holder = if is_frozen(&result) {
        None
    } else {
        Some(result.clone())
    };
    match cell_holder {
        Some(r) => {
            for other in &others[1..] {
                difference_update(vm, cell_of(&r), &r, other)?;
            }
            Ok(r)
        }
        None => {
            // A frozenset result: finish the difference on a mutable copy.
            let tmp = new_set_from(vm, &result)?;
            for other in &others[1..] {
                difference_update(vm, cell_of(&tmp), &tmp, other)?;
            }
            let ft = vm.types.frozenset.clone();
            Ok(freeze(vm, &ft, tmp))
        }
    }
}

fn set_difference_update_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, cell) = this_mut(vm, &args, "difference_update")?;
    arity::no_kwargs_method(vm, &args, "set", "difference_update")?;
    for other in &args.pos()[1..] {
        difference_update(vm, cell, s, other)?;
    }
    Ok(Value::None)
}

/// CPython's `set_symmetric_difference_update(so, other)`.
fn symmetric_difference_update(
    vm: &mut Vm,
    cell: &PyCell<SetData>,
    so: &Value,
    other: &Value,
) -> PyResult<()> {
    if so.is(other) {
        let old = cell.replace(cell.with(SetData::emptied));
        drop(old);
        return Ok(());
    }
    let entries: Vec<(Value, i64)> = if let (Some(Payload::Dict(d)), true) =
        (other.payload(), vm.is_exact(other, &vm.types.dict.clone()))
    {
        d.with(|d| d.iter().map(|e| (e.key.clone(), e.hash)).collect())
    } else if let Some(o) = set_ref(other) {
        o.entries()
    } else {
        let tmp = new_set_from(vm, other)?;
        set_ref(&tmp).map(|o| o.entries()).unwrap_or_default()
    };
    for (k, h) in entries {
        if !discard_hashed(vm, cell, &k, h)? {
            add_hashed(vm, cell, k, h)?;
        }
    }
    Ok(())
}

/// CPython's `set_symmetric_difference(so, other)`: a copy of `other` updated with `so`.
fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = empty_set(vm);
    update_internal(vm, cell_of(&result), other)?;
    let r2 = result.clone();
    symmetric_difference_update(vm, cell_of(&r2), &result, so)?;
    rebase(vm, so, result)
}

/// `key in s` for a set or frozenset `s` (an unhashable set key is looked up as a
/// frozenset).
#[inline]
pub fn contains_key(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    let Some(r) = set_ref(s) else {
        return Ok(false);
    };
    match inline_hash(key) {
        Some(h) => contains_hashed(vm, r, key, h),
        None => contains_key_hashing(vm, r, key),
    }
}

/// `contains_key` for a key whose hash is not inline (it may run `__hash__`).
#[inline(never)]
fn contains_key_hashing(vm: &mut Vm, r: SetRef<'_>, key: &Value) -> PyResult<bool> {
    let (k, h) = lookup_key(vm, key)?;
    contains_hashed(vm, r, &k, h)
}

fn set_symmetric_difference_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "symmetric_difference")?;
    let other = arity::one_arg(vm, &args, owner_name(s), "symmetric_difference")?;
    symmetric_difference(vm, s, other)
}

fn set_symmetric_difference_update_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, cell) = this_mut(vm, &args, "symmetric_difference_update")?;
    let other = arity::one_arg(vm, &args, "set", "symmetric_difference_update")?;
    symmetric_difference_update(vm, cell, s, other)?;
    Ok(Value::None)
}

/// Whether every item of `a` is in `b` (both sets).
fn is_subset(vm: &mut Vm, a: SetRef<'_>, b: SetRef<'_>) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (k, h) in a.entries() {
        if !contains_hashed(vm, b, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "issubset")?;
    let other = arity::one_arg(vm, &args, owner_name(s), "issubset")?;
    let tmp;
    let o = match set_ref(other) {
        Some(o) => o,
        None => {
            tmp = new_set_from(vm, other)?;
            set_ref(&tmp).expect("a set")
        }
    };
    let a = set_ref(s).expect("a set");
    Ok(Value::bool(is_subset(vm, a, o)?))
}

fn set_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "issuperset")?;
    let other = arity::one_arg(vm, &args, owner_name(s), "issuperset")?;
    let a = set_ref(s).expect("a set");
    if let Some(o) = set_ref(other) {
        return Ok(Value::bool(is_subset(vm, o, a)?));
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if !contains_hashed(vm, a, &k, h)? {
            return Ok(Value::Bool(Truth::False));
        }
    }
    Ok(Value::Bool(Truth::True))
}

fn set_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "isdisjoint")?;
    let other = arity::one_arg(vm, &args, owner_name(s), "isdisjoint")?;
    Ok(Value::bool(isdisjoint(vm, s, other)?))
}

/// Whether the set `s` shares no item with the iterable `other`.
pub fn isdisjoint(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<bool> {
    let a = set_ref(s).expect("a set");
    if s.is(other) {
        return Ok(a.is_empty());
    }
    if let Some(o) = set_ref(other) {
        let (big, small) = if o.len() > a.len() { (o, a) } else { (a, o) };
        for (k, h) in small.entries() {
            if contains_hashed(vm, big, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_hashed(vm, a, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "__len__")?;
    Ok(Value::Int(set_ref(s).map(|r| r.len()).unwrap_or(0) as i64))
}

fn set_contains_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "__contains__")?;
    let key = arity::one_arg(vm, &args, owner_name(s), "__contains__")?;
    let (k, h) = lookup_key(vm, key)?;
    let r = set_ref(s).expect("a set");
    Ok(Value::bool(contains_hashed(vm, r, &k, h)?))
}

fn set_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "__iter__")?;
    let Value::Obj(o) = s else {
        return Err(vm.type_error("set expected"));
    };
    let len = set_ref(s).map(|r| r.len()).unwrap_or(0);
    Ok(vm.new_iter(crate::vm::iter::IterState::Set {
        set: o.clone(),
        slot: 0,
        len,
    }))
}

fn set_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "__repr__")?;
    let Value::Obj(o) = s else {
        return Err(vm.type_error("set expected"));
    };
    let r = vm.repr_builtin(o, s)?;
    Ok(vm.new_str(&r))
}

fn frozenset_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &args, "__hash__")?;
    if crate::vm::flavour::python2_hashes(vm.version) {
        let hash = set_ref(s).map(|r| {
            r.with(|d| crate::object::hash::hash_frozenset_py2(d.iter().map(|e| e.hash), d.len()))
        });
        return Ok(Value::Int(hash.unwrap_or(0)));
    }
    Ok(Value::Int(
        set_ref(s).map(|r| r.with(|d| d.frozen_hash())).unwrap_or(0),
    ))
}

#[derive(Clone, Copy)]
enum Op {
    Or,
    And,
    Sub,
    Xor,
}

impl Op {
    /// The dunder names of the operator: plain, reflected, in-place.
    fn names(self) -> [&'static str; 3] {
        match self {
            Op::Or => ["__or__", "__ror__", "__ior__"],
            Op::And => ["__and__", "__rand__", "__iand__"],
            Op::Sub => ["__sub__", "__rsub__", "__isub__"],
            Op::Xor => ["__xor__", "__rxor__", "__ixor__"],
        }
    }
}

/// `a op b` for two sets (any mix of set and frozenset): the result has `a`'s base type.
fn binop(vm: &mut Vm, a: &Value, b: &Value, op: Op) -> PyResult<Value> {
    match op {
        Op::Or => {
            let result = empty_set(vm);
            update_internal(vm, cell_of(&result), a)?;
            update_internal(vm, cell_of(&result), b)?;
            rebase(vm, a, result)
        }
        Op::And => intersection(vm, a, b),
        Op::Sub => difference(vm, a, b),
        Op::Xor => symmetric_difference(vm, a, b),
    }
}

fn set_binop(vm: &mut Vm, args: Args<'_>, op: Op) -> PyResult<Value> {
    let name = op.names()[0];
    let a = this(vm, &args, name)?;
    let b = arity::one_arg(vm, &args, owner_name(a), name)?;
    if set_ref(b).is_none() {
        return Ok(vm.singletons.not_implemented.clone());
    }
    binop(vm, a, b, op)
}

fn set_rbinop(vm: &mut Vm, args: Args<'_>, op: Op) -> PyResult<Value> {
    let name = op.names()[1];
    let a = this(vm, &args, name)?;
    let b = arity::one_arg(vm, &args, owner_name(a), name)?;
    if set_ref(b).is_none() {
        return Ok(vm.singletons.not_implemented.clone());
    }
    binop(vm, b, a, op)
}

fn set_inplace(vm: &mut Vm, args: Args<'_>, op: Op) -> PyResult<Value> {
    let name = op.names()[2];
    let (s, cell) = this_mut(vm, &args, name)?;
    let other = arity::one_arg(vm, &args, "set", name)?;
    if set_ref(other).is_none() {
        return Ok(vm.singletons.not_implemented.clone());
    }
    match op {
        Op::Or => update_internal(vm, cell, other)?,
        Op::Sub => difference_update(vm, cell, s, other)?,
        Op::Xor => symmetric_difference_update(vm, cell, s, other)?,
        Op::And => {
            let r = intersection(vm, s, other)?;
            if !r.is(s) {
                let data = cell_of(&r).replace(SetData::new());
                let old = replace_table(cell, data);
                drop(old);
            }
        }
    }
    Ok(s.clone())
}

fn set_richcompare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let name = super::sequence::cmp_dunder(op);
    let a = this(vm, &args, name)?;
    let b = arity::one_arg(vm, &args, owner_name(a), name)?;
    let (Some(x), Some(y)) = (set_ref(a), set_ref(b)) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let r = match op {
        CmpOp::Eq => x.len() == y.len() && is_subset(vm, x, y)?,
        CmpOp::Ne => !(x.len() == y.len() && is_subset(vm, x, y)?),
        CmpOp::Le => is_subset(vm, x, y)?,
        CmpOp::Ge => is_subset(vm, y, x)?,
        CmpOp::Lt => x.len() < y.len() && is_subset(vm, x, y)?,
        CmpOp::Gt => x.len() > y.len() && is_subset(vm, y, x)?,
    };
    Ok(Value::bool(r))
}

/// Rich comparison of a set with another set-like value (dict key views use it).
pub fn compare_sets(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let (Some(x), Some(y)) = (set_ref(a), set_ref(b)) else {
        return Ok(false);
    };
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && is_subset(vm, x, y)?,
        CmpOp::Ne => !(x.len() == y.len() && is_subset(vm, x, y)?),
        CmpOp::Le => is_subset(vm, x, y)?,
        CmpOp::Ge => is_subset(vm, y, x)?,
        CmpOp::Lt => x.len() < y.len() && is_subset(vm, x, y)?,
        CmpOp::Gt => x.len() > y.len() && is_subset(vm, y, x)?,
    })
}

/// `a op b` on sets for other modules (dict views): `op` is one of `| & - ^`.
pub fn set_operation(vm: &mut Vm, a: &Value, b: &Value, sym: char) -> PyResult<Value> {
    let op = match sym {
        '|' => Op::Or,
        '&' => Op::And,
        '-' => Op::Sub,
        _ => Op::Xor,
    };
    binop(vm, a, b, op)
}
