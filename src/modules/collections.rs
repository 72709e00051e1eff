//! `_collections`: what CPython writes in C for `collections` — `deque` (a double-ended
//! queue with an optional maximum length), `defaultdict` (a dict subclass whose
//! `__missing__` calls its factory) and `_count_elements` (Counter's counting loop).
//! `OrderedDict` and `namedtuple`'s field getters use collections' pure-Python code.
//!
//! A deque's items are a `VecDeque` in a `PyCell`; methods copy out what they compare
//! before calling Python (`__eq__` of an item), as the rest of the object model does.
//! Its iterators hold a position and the deque's mutation count, as CPython's do, so a
//! deque changed during iteration raises RuntimeError.
//! A defaultdict is a real dict (its instances have the dict layout), so its factory is
//! kept in a side table keyed by the instance (see [`FACTORIES`]).

use super::native_class::{bind, int_arg, new_class, new_instance, state_of, stop, Method};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, PyCell, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{messages, PyResult, Vm};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::{Rc, Weak};

struct Deque {
    items: PyCell<VecDeque<Value>>,
    maxlen: std::cell::Cell<Option<usize>>,
    /// Counts the changes of length (CPython's `state`): an iterator that sees it change
    /// raises "deque mutated during iteration".
    state: std::cell::Cell<u64>,
}

impl Deque {
    fn mutated(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
}

/// `_collections._deque_iterator` and `_deque_reverse_iterator`: a position in a deque,
/// valid while the deque's `state` is the one it started with.
struct DequeIter {
    deque: Value,
    state: u64,
    /// Items not yet produced.
    left: std::cell::Cell<usize>,
    /// The next position, from the front (or from the back, reversed).
    at: std::cell::Cell<usize>,
    reversed: bool,
}

const DEQUE_METHODS: &[Method] = &[
    ("__new__", deque_new, BuiltinKind::StaticMethod),
    ("__init__", deque_init, BuiltinKind::Method),
    ("append", |vm, a| push(vm, a, false), BuiltinKind::Method),
    ("appendleft", |vm, a| push(vm, a, true), BuiltinKind::Method),
    ("pop", |vm, a| pop(vm, a, false), BuiltinKind::Method),
    ("popleft", |vm, a| pop(vm, a, true), BuiltinKind::Method),
    ("extend", |vm, a| extend(vm, a, false), BuiltinKind::Method),
    (
        "extendleft",
        |vm, a| extend(vm, a, true),
        BuiltinKind::Method,
    ),
    (
        "__iadd__",
        |vm, a| {
            extend(vm, a, false)?;
            Ok(a.values[0].clone())
        },
        BuiltinKind::Method,
    ),
    (
        "clear",
        |vm, a| {
            let d = this(vm, &a)?;
            d.mutated();
            let old = d.items.replace(VecDeque::new());
            drop(old);
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
    ("copy", deque_copy, BuiltinKind::Method),
    ("__copy__", deque_copy, BuiltinKind::Method),
    ("count", deque_count, BuiltinKind::Method),
    ("index", deque_index, BuiltinKind::Method),
    ("insert", deque_insert, BuiltinKind::Method),
    ("remove", deque_remove, BuiltinKind::Method),
    (
        "reverse",
        |vm, a| {
            this(vm, &a)?
                .items
                .with_mut(|d| d.make_contiguous().reverse());
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
    ("rotate", deque_rotate, BuiltinKind::Method),
    (
        "__len__",
        |vm, a| Ok(Value::Int(items(vm, &a)?.len() as i64)),
        BuiltinKind::Method,
    ),
    (
        "__bool__",
        |vm, a| Ok(Value::bool(!items(vm, &a)?.is_empty())),
        BuiltinKind::Method,
    ),
    (
        "__iter__",
        |vm, a| deque_iter(vm, a, false),
        BuiltinKind::Method,
    ),
    (
        "__reversed__",
        |vm, a| deque_iter(vm, a, true),
        BuiltinKind::Method,
    ),
    (
        "__contains__",
        |vm, a| {
            let x = a.values.get(1).cloned().unwrap_or(Value::None);
            for v in items(vm, &a)? {
                if v.is(&x) || vm.eq(&v, &x)? {
                    return Ok(Value::Bool(Truth::True));
                }
            }
            Ok(Value::Bool(Truth::False))
        },
        BuiltinKind::Method,
    ),
    ("__getitem__", deque_getitem, BuiltinKind::Method),
    ("__setitem__", deque_setitem, BuiltinKind::Method),
    ("__delitem__", deque_delitem, BuiltinKind::Method),
    ("__repr__", deque_repr, BuiltinKind::Method),
    (
        "__eq__",
        |vm, a| deque_cmp(vm, a, CmpOp::Eq),
        BuiltinKind::Method,
    ),
    (
        "__ne__",
        |vm, a| deque_cmp(vm, a, CmpOp::Ne),
        BuiltinKind::Method,
    ),
    (
        "__lt__",
        |vm, a| deque_cmp(vm, a, CmpOp::Lt),
        BuiltinKind::Method,
    ),
    (
        "__le__",
        |vm, a| deque_cmp(vm, a, CmpOp::Le),
        BuiltinKind::Method,
    ),
    (
        "__gt__",
        |vm, a| deque_cmp(vm, a, CmpOp::Gt),
        BuiltinKind::Method,
    ),
    (
        "__ge__",
        |vm, a| deque_cmp(vm, a, CmpOp::Ge),
        BuiltinKind::Method,
    ),
    ("__add__", deque_add, BuiltinKind::Method),
    ("__mul__", deque_mul, BuiltinKind::Method),
    ("__reduce__", deque_reduce, BuiltinKind::Method),
];

/// `_collections`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(
        vm,
        "_collections",
        &[("_count_elements", count_elements)],
    );
    let object = vm.types.object.clone();
    let deque = new_class(
        vm,
        "collections",
        "deque",
        vec![object.clone()],
        DEQUE_METHODS,
    )?;
    let iterator_module = crate::vm::flavour::deque_iterator_module(vm.version);
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let t = new_class(
            vm,
            iterator_module,
            name,
            vec![object.clone()],
            DEQUE_ITER_METHODS,
        )?;
        vm.module_set(&m, name, Value::Obj(t));
    }
    vm.add_getset(
        &deque,
        "maxlen",
        |vm, a| {
            Ok(this(vm, &a)?
                .maxlen
                .get()
                .map_or(Value::None, |n| Value::Int(n as i64)))
        },
        None,
    );
    let hash = Value::Obj(vm.intern("__hash__"));
    let d = vm.type_data(&deque).dict.clone();
    vm.dict_set(&d, hash, Value::None)?;
    vm.module_set(&m, "deque", Value::Obj(deque));
    let dict = vm.types.dict.clone();
    let dd = new_class(
        vm,
        "collections",
        "defaultdict",
        vec![dict],
        DEFAULTDICT_METHODS,
    )?;
    vm.add_getset(
        &dd,
        "default_factory",
        |vm, a| Ok(factory_of(vm, &a)),
        Some(set_factory),
    );
    vm.module_set(&m, "defaultdict", Value::Obj(dd));
    Ok(m)
}

fn this<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Deque> {
    a.values
        .first()
        .and_then(state_of::<Deque>)
        .ok_or_else(|| vm.type_error("descriptor requires a 'collections.deque' object"))
}

fn items(vm: &Vm, a: &Args<'_>) -> PyResult<Vec<Value>> {
    Ok(this(vm, a)?.items.with(|d| d.iter().cloned().collect()))
}

fn arg(a: &Args<'_>, i: usize) -> Value {
    a.values.get(i).cloned().unwrap_or(Value::None)
}

fn deque_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("deque.__new__(X): X is not a type object"));
    };
    let d = Deque {
        items: PyCell::new(VecDeque::new()),
        maxlen: std::cell::Cell::new(None),
        state: std::cell::Cell::new(0),
    };
    Ok(Value::Obj(new_instance(vm, cls, d)))
}

fn deque_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args)?;
    let a = bind(vm, args, "deque", &["iterable", "maxlen"], 0, true)?;
    let maxlen = match &a[1] {
        Some(v) if !v.is_none() => {
            let n = int_arg(vm, v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        _ => None,
    };
    d.maxlen.set(maxlen);
    d.mutated();
    let old = d.items.replace(VecDeque::new());
    drop(old);
    if let Some(it) = &a[0] {
        let values = vm.collect(it)?;
        for v in values {
            append(d, v, false);
        }
    }
    Ok(Value::None)
}

/// Appends at one end, dropping from the other past `maxlen`.
fn append(d: &Deque, v: Value, left: bool) {
    d.mutated();
    let dropped = d.items.with_mut(|q| {
        if d.maxlen.get() == Some(0) {
            return Some(v);
        }
        if left {
            q.push_front(v);
        } else {
            q.push_back(v);
        }
        match d.maxlen.get() {
            Some(m) if q.len() > m => {
                if left {
                    q.pop_back()
                } else {
                    q.pop_front()
                }
            }
            _ => None,
        }
    });
    drop(dropped);
}

fn push(vm: &mut Vm, a: Args<'_>, left: bool) -> PyResult<Value> {
    let d = this(vm, &a)?;
    append(d, arg(&a, 1), left);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: Args<'_>, left: bool) -> PyResult<Value> {
    let d = this(vm, &a)?;
    d.mutated();
    let v = d
        .items
        .with_mut(|q| if left { q.pop_front() } else { q.pop_back() });
    v.ok_or_else(|| vm.new_exception(&vm.types.exc.index_error, "pop from an empty deque"))
}

fn extend(vm: &mut Vm, a: Args<'_>, left: bool) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let values = vm.collect(&arg(&a, 1))?;
    for v in values {
        append(d, v, left);
    }
    Ok(Value::None)
}

fn new_like(vm: &mut Vm, a: &Args<'_>, values: Vec<Value>) -> PyResult<Value> {
    let d = this(vm, a)?;
    let cls = Value::Obj(vm.class_of(&a.values[0]).clone());
    let list = vm.new_list(values);
    let maxlen = d.maxlen.get().map_or(Value::None, |n| Value::Int(n as i64));
    vm.call(&cls, Args::positional(&[list, maxlen]))
}

fn deque_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = items(vm, &a)?;
    new_like(vm, &a, v)
}

fn deque_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = arg(&a, 1);
    let mut n = 0;
    for v in items(vm, &a)? {
        if v.is(&x) || vm.eq(&v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// A position argument, negative ones counted from the end, clamped to `0..=len`.
fn position(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let i = int_arg(vm, v)?;
    let i = if i < 0 { i + len as i64 } else { i };
    Ok(i.clamp(0, len as i64) as usize)
}

fn deque_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = arg(&a, 1);
    let all = items(vm, &a)?;
    let start = position(vm, a.values.get(2), all.len(), 0)?;
    let stop = position(vm, a.values.get(3), all.len(), all.len())?;
    for (i, v) in all.iter().enumerate().take(stop).skip(start) {
        if v.is(&x) || vm.eq(v, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(&format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let len = d.items.with(|q| q.len());
    if d.maxlen.get() == Some(len) {
        return Err(vm.new_exception(
            &vm.types.exc.index_error,
            "deque already at its maximum size",
        ));
    }
    let i = position(vm, a.values.get(1), len, len)?;
    let v = arg(&a, 2);
    d.mutated();
    d.items.with_mut(|q| q.insert(i, v));
    Ok(Value::None)
}

fn deque_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let x = arg(&a, 1);
    for (i, v) in items(vm, &a)?.iter().enumerate() {
        if v.is(&x) || vm.eq(v, &x)? {
            d.mutated();
            let old = d.items.with_mut(|q| q.remove(i));
            drop(old);
            return Ok(Value::None);
        }
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(&messages::deque_remove_missing(
        vm.version.format.major_minor,
        &r,
    )))
}

fn deque_rotate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let n = match a.values.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    d.mutated();
    d.items.with_mut(|q| {
        if q.is_empty() {
            return;
        }
        let k = n.rem_euclid(q.len() as i64) as usize;
        q.rotate_right(k);
    });
    Ok(Value::None)
}

/// An index into the deque, or IndexError.
fn index(vm: &mut Vm, a: &Args<'_>, len: usize) -> PyResult<usize> {
    let i = int_arg(vm, &arg(a, 1))?;
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Err(vm.new_exception(&vm.types.exc.index_error, "deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let i = index(vm, &a, d.items.with(|q| q.len()))?;
    Ok(d.items.with(|q| q[i].clone()))
}

fn deque_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let i = index(vm, &a, d.items.with(|q| q.len()))?;
    let old = d
        .items
        .with_mut(|q| std::mem::replace(&mut q[i], arg(&a, 2)));
    drop(old);
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let i = index(vm, &a, d.items.with(|q| q.len()))?;
    d.mutated();
    let old = d.items.with_mut(|q| q.remove(i));
    drop(old);
    Ok(Value::None)
}

thread_local! {
    /// Deques (and defaultdicts) whose repr is being built, for `[...]`.
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn deque_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let name = if crate::vm::flavour::deque_repr_uses_subclass_name(vm.version) {
        vm.type_name(&a.values[0])
    } else {
        "deque".into()
    };
    let id = a.values[0].id() as usize;
    if IN_REPR.with(|r| r.borrow().contains(&id)) {
        return Ok(vm.new_str("[...]"));
    }
    IN_REPR.with(|r| r.borrow_mut().push(id));
    let list = vm.new_list(items(vm, &a)?);
    let r = vm.repr(&list);
    IN_REPR.with(|r| r.borrow_mut().retain(|x| *x != id));
    let r = r?;
    let s = match d.maxlen.get() {
        Some(m) => format!("{name}({r}, maxlen={m})"),
        None => format!("{name}({r})"),
    };
    Ok(vm.new_str(&s))
}

/// Comparisons: as lists, with deques only.
fn deque_cmp(vm: &mut Vm, a: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let other = arg(&a, 1);
    let Some(o) = state_of::<Deque>(&other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let mine = vm.new_list(items(vm, &a)?);
    let theirs = vm.new_list(o.items.with(|q| q.iter().cloned().collect()));
    vm.compare(&mine, &theirs, op)
}

fn deque_add(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let other = arg(&a, 1);
    let Some(o) = state_of::<Deque>(&other) else {
        let t = vm.type_name(&other);
        return Err(vm.type_error(&format!(
            "can only concatenate deque (not \"{t}\") to deque"
        )));
    };
    let mut v = items(vm, &a)?;
    v.extend(o.items.with(|q| q.iter().cloned().collect::<Vec<_>>()));
    new_like(vm, &a, v)
}

fn deque_mul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = int_arg(vm, &arg(&a, 1))?.max(0) as usize;
    let v = items(vm, &a)?;
    let all: Vec<Value> = (0..n).flat_map(|_| v.iter().cloned()).collect();
    new_like(vm, &a, all)
}

fn deque_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let cls = Value::Obj(vm.class_of(&a.values[0]).clone());
    let list = vm.new_list(items(vm, &a)?);
    let args = match d.maxlen.get() {
        Some(m) => vm.new_tuple(vec![list, Value::Int(m as i64)]),
        None => vm.new_tuple(vec![list]),
    };
    Ok(vm.new_tuple(vec![cls, args]))
}

// ----- iterators -----

const DEQUE_ITER_METHODS: &[Method] = &[
    (
        "__iter__",
        |_, a| Ok(a.values[0].clone()),
        BuiltinKind::Method,
    ),
    ("__next__", deque_iter_next, BuiltinKind::Method),
    (
        "__length_hint__",
        |vm, a| {
            let it = state_of::<DequeIter>(&a.values[0])
                .ok_or_else(|| vm.type_error("descriptor requires a deque iterator"))?;
            Ok(Value::Int(it.left.get() as i64))
        },
        BuiltinKind::Method,
    ),
];

/// `iter(d)` / `reversed(d)`.
fn deque_iter(vm: &mut Vm, a: Args<'_>, reversed: bool) -> PyResult<Value> {
    let d = this(vm, &a)?;
    let it = DequeIter {
        deque: a.values[0].clone(),
        state: d.state.get(),
        left: std::cell::Cell::new(d.items.with(|q| q.len())),
        at: std::cell::Cell::new(0),
        reversed,
    };
    let module = vm.import_absolute("_collections")?;
    let name = vm.intern(if reversed {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    });
    let Value::Obj(cls) = vm.get_attr(&module, &name)? else {
        return Err(vm.system_error("_collections lost its deque iterator type"));
    };
    Ok(Value::Obj(new_instance(vm, &cls, it)))
}

fn deque_iter_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let it = state_of::<DequeIter>(&a.values[0])
        .ok_or_else(|| vm.type_error("descriptor requires a deque iterator"))?;
    let Some(d) = state_of::<Deque>(&it.deque) else {
        return Err(stop(vm));
    };
    if d.state.get() != it.state {
        it.left.set(0);
        return Err(vm.new_exception(
            &vm.types.exc.runtime_error,
            "deque mutated during iteration",
        ));
    }
    if it.left.get() == 0 {
        return Err(stop(vm));
    }
    let at = it.at.get();
    let item = d.items.with(|q| {
        let i = if it.reversed {
            q.len().checked_sub(at + 1)
        } else {
            Some(at)
        };
        i.and_then(|i| q.get(i).cloned())
    });
    it.at.set(at + 1);
    it.left.set(it.left.get() - 1);
    item.ok_or_else(|| stop(vm))
}

// ----- defaultdict -----

const DEFAULTDICT_METHODS: &[Method] = &[
    ("__init__", dd_init, BuiltinKind::Method),
    ("__missing__", dd_missing, BuiltinKind::Method),
    ("__repr__", dd_repr, BuiltinKind::Method),
    ("copy", dd_copy, BuiltinKind::Method),
    ("__copy__", dd_copy, BuiltinKind::Method),
    ("__reduce__", dd_reduce, BuiltinKind::Method),
];

thread_local! {
    /// The `default_factory` of each defaultdict, by the instance's address (the `Weak`
    /// keeps the address from being reused while the entry exists; dead entries are
    /// pruned as the table grows).
    static FACTORIES: RefCell<HashMap<usize, (Weak<crate::object::Object>, Value)>> =
        RefCell::new(HashMap::new());
}

fn factory_of(_vm: &Vm, a: &Args<'_>) -> Value {
    let Some(Value::Obj(o)) = a.values.first() else {
        return Value::None;
    };
    let key = Rc::as_ptr(o) as usize;
    FACTORIES
        .with(|f| f.borrow().get(&key).map(|(_, v)| v.clone()))
        .unwrap_or(Value::None)
}

fn store_factory(o: &ObjRef, factory: Value) {
    let key = Rc::as_ptr(o) as usize;
    let old = FACTORIES.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() >= 64 && f.len().is_power_of_two() {
            f.retain(|_, (w, _)| w.strong_count() > 0);
        }
        f.insert(key, (Rc::downgrade(o), factory))
    });
    drop(old);
}

fn set_factory(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(Value::Obj(o)) = a.values.first() {
        store_factory(o, arg(&a, 1));
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor requires a 'collections.defaultdict' object"))
}

fn dd_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(this)) = a.values.first().cloned() else {
        return Err(
            vm.type_error("descriptor '__init__' requires a 'collections.defaultdict' object")
        );
    };
    let pos = a.pos();
    let factory = pos.get(1).cloned().unwrap_or(Value::None);
    if !factory.is_none() {
        let call = vm.names.__call__.clone();
        let cls = vm.class_of(&factory).clone();
        if vm.lookup_in_mro(&cls, &call).is_none() {
            return Err(vm.type_error("first argument must be callable or None"));
        }
    }
    store_factory(&this, factory);
    // The rest initialises the dict.
    let mut rest: Vec<Value> = vec![Value::Obj(this)];
    rest.extend(pos.iter().skip(2).cloned());
    let nkw = a.kwnames.len();
    rest.extend(a.values[a.values.len() - nkw..].iter().cloned());
    let init = vm.names.__init__.clone();
    let dict_t = vm.types.dict.clone();
    let Some(f) = vm.lookup_in_mro(&dict_t, &init) else {
        return Ok(Value::None);
    };
    vm.call(
        &f,
        Args {
            values: &rest,
            kwnames: a.kwnames,
        },
    )
}

fn dd_missing(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let key = arg(&a, 1);
    let factory = factory_of(vm, &a);
    if factory.is_none() {
        return Err(vm.key_error(&key));
    }
    let v = vm.call(&factory, Args::positional(&[]))?;
    vm.setitem(&a.values[0], key, v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let factory = factory_of(vm, &a);
    let id = a.values[0].id() as usize;
    let f = if factory.is_none() {
        "None".to_string()
    } else if IN_REPR.with(|r| r.borrow().contains(&id)) {
        "...".to_string()
    } else {
        IN_REPR.with(|r| r.borrow_mut().push(id));
        let r = vm.repr(&factory);
        IN_REPR.with(|r| r.borrow_mut().retain(|x| *x != id));
        r?
    };
    let repr = vm.names.__repr__.clone();
    let dict_t = vm.types.dict.clone();
    let d = match vm.lookup_in_mro(&dict_t, &repr) {
        Some(m) => vm.call(&m, Args::positional(&a.values[..1]))?,
        None => vm.new_str("{}"),
    };
    let d = vm.str(&d)?;
    let name = vm.type_name(&a.values[0]);
    Ok(vm.new_str(&format!("{name}({f}, {d})")))
}

fn dd_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = Value::Obj(vm.class_of(&a.values[0]).clone());
    let factory = factory_of(vm, &a);
    vm.call(&cls, Args::positional(&[factory, a.values[0].clone()]))
}

fn dd_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = Value::Obj(vm.class_of(&a.values[0]).clone());
    let factory = factory_of(vm, &a);
    let args = if factory.is_none() {
        vm.new_tuple(vec![])
    } else {
        vm.new_tuple(vec![factory])
    };
    let items_name = vm.intern("items");
    let items = vm.call_method(&a.values[0], &items_name, &[])?;
    let it = vm.get_iter(&items)?;
    Ok(vm.new_tuple(vec![cls, args, Value::None, Value::None, it]))
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each.
fn count_elements(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (mapping, iterable) = (arg(&a, 0), arg(&a, 1));
    let it = vm.get_iter(&iterable)?;
    let get = vm.intern("get");
    while let Some(x) = vm.next(&it)? {
        let old = vm.call_method(&mapping, &get, &[x.clone(), Value::Int(0)])?;
        let new = vm.binary_op(&old, &Value::Int(1), crate::vm::ops::BinOp::Add, false)?;
        vm.setitem(&mapping, x, new)?;
    }
    Ok(Value::None)
}
