//! `list`: construction, the methods, the dunder methods (so subclasses and explicit
//! `list.__getitem__(l, i)` calls work), and the stable sort shared with `sorted()`.
//!
//! No borrow of a list's items is held while Python code runs: methods that compare or
//! call copy the items they need out first, and re-check bounds afterwards (the list may
//! have changed meanwhile, as in CPython).

use super::arity::{self, ver};
use super::sequence::{self, SeqOp};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyCell, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let list = vm.types.list.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("remove", list_remove),
        ("pop", list_pop),
        ("index", list_index),
        ("count", list_count),
        ("clear", list_clear),
        ("copy", list_copy),
        ("reverse", list_reverse),
        ("sort", list_sort),
        ("__init__", list_init),
        ("__len__", list_len),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__contains__", list_contains),
        ("__iter__", list_iter),
        ("__reversed__", list_reversed),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", list_mul),
        ("__rmul__", list_mul),
        ("__imul__", list_imul),
        ("__repr__", list_repr),
        ("__eq__", |vm, a| list_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| list_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| list_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| list_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| list_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| list_cmp(vm, a, CmpOp::Ge)),
    ];
    for (name, f) in methods {
        vm.add_method(&list, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&list, "__new__", list_new, BuiltinKind::StaticMethod);
    sequence::set_unhashable(vm, &list);
}

/// The items cell of a list (or list-subclass instance).
pub fn cell(o: &ObjRef) -> Option<&PyCell<Vec<Value>>> {
    match &o.payload {
        Payload::List(l) => Some(l),
        _ => None,
    }
}

/// `self` of a list method, with its items.
fn this<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a ObjRef, &'a PyCell<Vec<Value>>)> {
    let o = arity::self_of(vm, args, &vm.types.list, "list", name)?;
    match cell(o) {
        Some(c) => Ok((o, c)),
        None => Err(arity::descriptor_mismatch(
            vm,
            name,
            "list",
            &Value::Obj(o.clone()),
        )),
    }
}

/// `list.__new__(cls, ...)`: an empty list of class `cls` (filled by `__init__`).
fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "list")?;
    Ok(Value::Obj(vm.new_instance_with(
        &cls,
        Payload::List(PyCell::new(Vec::new())),
    )))
}

/// `list.__init__(self, iterable=(), /)`.
fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__init__")?;
    if !args.kwnames.is_empty() {
        if ver(vm) < (3, 7) {
            let k = arity::kw_name(&args.kwnames[0]);
            return Err(vm.type_error(&format!(
                "'{k}' is an invalid keyword argument for this function"
            )));
        }
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    let pos = args.pos();
    if ver(vm) < (3, 7) {
        arity::check_count_parse(vm, "list", pos.len() - 1, 0, 1)?;
    }
    arity::check_count(vm, "list", pos.len() - 1, 0, 1)?;
    let new = match pos.get(1) {
        Some(it) => vm.collect(it)?,
        None => Vec::new(),
    };
    let _old = items.replace(new);
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "append")?;
    let v = arity::one_arg(vm, &args, "list", "append")?;
    items.with_mut(|l| l.push(v.clone()));
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "extend")?;
    let v = arity::one_arg(vm, &args, "list", "extend")?;
    let new = vm.collect(v)?;
    items.with_mut(|l| l.extend(new));
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "insert")?;
    arity::no_kwargs_method(vm, &args, "list", "insert")?;
    let pos = &args.pos()[1..];
    arity::check_count_legacy(vm, "insert", pos.len(), 2, 2)?;
    let i = arity::index_arg(vm, &pos[0])?;
    let v = pos[1].clone();
    items.with_mut(|l| {
        let n = l.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.insert(at as usize, v);
    });
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "remove")?;
    let v = arity::one_arg(vm, &args, "list", "remove")?.clone();
    let mut i = 0;
    while let Some(item) = items.with(|l| l.get(i).cloned()) {
        if sequence::same_or_eq(vm, &item, &v)? {
            let removed = items.with_mut(|l| (i < l.len()).then(|| l.remove(i)));
            drop(removed);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "pop")?;
    arity::no_kwargs_method(vm, &args, "list", "pop")?;
    let pos = &args.pos()[1..];
    arity::check_count_legacy(vm, "pop", pos.len(), 0, 1)?;
    let i = match pos.first() {
        Some(v) => arity::index_arg(vm, v)?,
        None => -1,
    };
    let r = items.with_mut(|l| {
        if l.is_empty() {
            return Err("pop from empty list");
        }
        let n = l.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err("pop index out of range");
        }
        Ok(l.remove(j as usize))
    });
    r.map_err(|m| vm.new_exception(&vm.types.exc.index_error.clone(), m))
}

fn list_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "index")?;
    arity::no_kwargs_method(vm, &args, "list", "index")?;
    let pos = &args.pos()[1..];
    arity::check_count_legacy(vm, "index", pos.len(), 1, 3)?;
    let len = items.with(|l| l.len());
    let (start, stop) = sequence::index_range(vm, pos.get(1), pos.get(2), len)?;
    let mut i = start;
    while i < stop {
        let Some(item) = items.with(|l| l.get(i).cloned()) else {
            break;
        };
        if sequence::same_or_eq(vm, &item, &pos[0])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(&pos[0])?;
    Err(vm.value_error(&format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "count")?;
    let v = arity::one_arg(vm, &args, "list", "count")?.clone();
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = items.with(|l| l.get(i).cloned()) {
        if sequence::same_or_eq(vm, &item, &v)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "clear")?;
    arity::no_args(vm, &args, "list", "clear")?;
    crate::object::drop_reversed(items.replace(Vec::new()));
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "copy")?;
    arity::no_args(vm, &args, "list", "copy")?;
    Ok(vm.new_list(items.get()))
}

fn list_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "reverse")?;
    arity::no_args(vm, &args, "list", "reverse")?;
    items.with_mut(|l| l.reverse());
    Ok(Value::None)
}

/// The keyword-only `key=` and `reverse=` of `list.sort` and `sorted`.
pub fn sort_options(vm: &mut Vm, args: &Args<'_>) -> PyResult<(Value, bool)> {
    let mut key = Value::None;
    let mut reverse = false;
    let v = ver(vm);
    if v >= (3, 7) && args.kwnames.len() > 2 {
        return Err(vm.type_error(&format!(
            "sort() takes at most 2 keyword arguments ({} given)",
            args.kwnames.len()
        )));
    }
    for (k, val) in args.kw() {
        match arity::kw_name(k).as_str() {
            "key" => key = val.clone(),
            "reverse" => {
                reverse = if v >= (3, 12) {
                    vm.truthy(val)?
                } else {
                    match val {
                        Value::Bool(b) => b.get(),
                        _ => match vm.index_value(val)? {
                            Some(i) => i != 0,
                            None if v >= (3, 10) => {
                                return Err(vm.type_error(&format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    vm.type_name(val)
                                )))
                            }
                            None => {
                                return Err(vm.type_error(&format!(
                                    "an integer is required (got type {})",
                                    vm.type_name(val)
                                )))
                            }
                        },
                    }
                }
            }
            other => return Err(unexpected_kw(vm, "sort", other, &["key", "reverse"])),
        }
    }
    Ok((key, reverse))
}

/// An unknown keyword argument of a clinic-parsed builtin.
/// An unknown keyword `kw` passed to builtin `fname` whose keywords are `known`: 3.13
/// words it like Python functions and suggests the closest known name.
pub fn unexpected_kw(vm: &Vm, fname: &str, kw: &str, known: &[&str]) -> crate::vm::PyErr {
    let v = ver(vm);
    if v >= (3, 13) {
        let mut msg = format!("{fname}() got an unexpected keyword argument '{kw}'");
        if let Some(s) = crate::vm::suggest::closest(kw, known) {
            msg.push_str(&format!(". Did you mean '{s}'?"));
        }
        vm.type_error(&msg)
    } else if v >= (3, 7) {
        vm.type_error(&format!(
            "'{kw}' is an invalid keyword argument for {fname}()"
        ))
    } else {
        vm.type_error(&format!(
            "'{kw}' is an invalid keyword argument for this function"
        ))
    }
}

pub(crate) fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "sort")?;
    if args.pos().len() > 1 {
        return Err(vm.type_error(if ver(vm) < (3, 7) {
            "must use keyword argument for key function"
        } else {
            "sort() takes no positional arguments"
        }));
    }
    let (key, reverse) = sort_options(vm, &args)?;
    sort_list_cell(vm, items, &key, reverse)?;
    Ok(Value::None)
}

/// Sorts a list in place as `list.sort` does: the list looks empty while the sort runs,
/// and changing it meanwhile is an error (the sorted items are kept).
pub fn sort_list_cell(
    vm: &mut Vm,
    items: &PyCell<Vec<Value>>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let mut work = items.replace(Vec::new());
    let r = sort_values(vm, &mut work, key, reverse);
    let intruders = items.replace(work);
    r?;
    if !intruders.is_empty() {
        drop(intruders);
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

/// A stable sort of `items` by `key(item)` (or the items themselves) using only `<`;
/// `reverse` keeps equal items in their original order, as CPython does. On error the
/// items are left in some order (all still present).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 && key.is_none() {
        return Ok(());
    }
    if reverse {
        items.reverse();
    }
    let r = if key.is_none() {
        sort_by_lt(vm, items)
    } else {
        let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
        for v in items.iter() {
            let k = vm.call(key, Args::positional(std::slice::from_ref(v)))?;
            keyed.push((k, v.clone()));
        }
        let r = merge_sort(&mut keyed, &mut |vm, a, b| less(vm, &a.0, &b.0), vm);
        if r.is_ok() {
            *items = keyed.into_iter().map(|(_, v)| v).collect();
        }
        r
    };
    if reverse {
        items.reverse();
    }
    r
}

fn sort_by_lt(vm: &mut Vm, items: &mut [Value]) -> PyResult<()> {
    // Homogeneous machine ints or exact strs sort natively (same order as `<`).
    if items.iter().all(|v| matches!(v, Value::Int(_))) {
        items.sort_by_key(|v| if let Value::Int(i) = v { *i } else { 0 });
        return Ok(());
    }
    let str_t = vm.types.str_.clone();
    if items
        .iter()
        .all(|v| matches!(v, Value::Obj(o) if std::rc::Rc::ptr_eq(o.class(), &str_t)))
    {
        items.sort_by(|a, b| {
            let (a, b) = (a.as_str().map(|s| s.bytes()), b.as_str().map(|s| s.bytes()));
            a.cmp(&b)
        });
        return Ok(());
    }
    merge_sort(items, &mut less, vm)
}

/// `a < b` as a bool.
pub fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x.get() < y.get()),
        _ => {
            let r = vm.compare(a, b, CmpOp::Lt)?;
            match r {
                Value::Bool(b) => Ok(b.get()),
                _ => vm.truthy(&r),
            }
        }
    }
}

type LessFn<'a, T> = dyn FnMut(&mut Vm, &T, &T) -> PyResult<bool> + 'a;

/// Stable merge sort with a fallible `<` (binary insertion sort for short runs).
fn merge_sort<T: Clone>(v: &mut [T], lt: &mut LessFn<'_, T>, vm: &mut Vm) -> PyResult<()> {
    const RUN: usize = 24;
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        insertion_sort(&mut v[start..end], lt, vm)?;
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            merge(&mut v[lo..hi], mid - lo, &mut buf, lt, vm)?;
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

fn insertion_sort<T: Clone>(v: &mut [T], lt: &mut LessFn<'_, T>, vm: &mut Vm) -> PyResult<()> {
    for i in 1..v.len() {
        // The first position whose item is greater than v[i] (after all equal ones).
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lt(vm, &v[i], &v[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v[lo..=i].rotate_right(1);
    }
    Ok(())
}

fn merge<T: Clone>(
    v: &mut [T],
    mid: usize,
    buf: &mut Vec<T>,
    lt: &mut LessFn<'_, T>,
    vm: &mut Vm,
) -> PyResult<()> {
    // Already in order: nothing to merge.
    if !lt(vm, &v[mid], &v[mid - 1])? {
        return Ok(());
    }
    buf.clear();
    let (mut i, mut j) = (0, mid);
    let mut err = None;
    while i < mid && j < v.len() {
        match lt(vm, &v[j], &v[i]) {
            Ok(true) => {
                buf.push(v[j].clone());
                j += 1;
            }
            Ok(false) => {
                buf.push(v[i].clone());
                i += 1;
            }
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    if let Some(e) = err {
        // Leave a permutation: the merged prefix, then what was not taken yet.
        let rest: Vec<T> = v[i..mid].iter().chain(v[j..].iter()).cloned().collect();
        buf.extend(rest);
        v.clone_from_slice(buf);
        return Err(e);
    }
    buf.extend_from_slice(&v[i..mid]);
    buf.extend_from_slice(&v[j..]);
    v.clone_from_slice(buf);
    Ok(())
}

fn list_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__len__")?;
    arity::no_args(vm, &args, "list", "__len__")?;
    Ok(Value::Int(items.with(|l| l.len()) as i64))
}

/// `list[key]` for a list or list subclass.
pub fn getitem(vm: &mut Vm, items: &PyCell<Vec<Value>>, key: &Value) -> PyResult<Value> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let len = items.with(|l| l.len());
        let b = vm.slice_bounds(s, len)?;
        let picked = items.with(|l| b.indices().filter_map(|i| l.get(i).cloned()).collect());
        return Ok(vm.new_list(picked));
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error(&format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let len = items.with(|l| l.len());
    match sequence::normalize(i as i64, len) {
        Some(j) => Ok(items.with(|l| l[j].clone())),
        None => Err(vm.new_exception(&vm.types.exc.index_error.clone(), "list index out of range")),
    }
}

fn list_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__getitem__")?;
    let key = arity::one_arg(vm, &args, "list", "__getitem__")?;
    getitem(vm, items, key)
}

/// `list[key] = value` for a list or list subclass.
pub fn setitem(vm: &mut Vm, items: &PyCell<Vec<Value>>, key: &Value, value: Value) -> PyResult<()> {
    if let Some(Payload::Slice(s)) = key.payload() {
        return set_slice(vm, items, s, value);
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error(&format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let len = items.with(|l| l.len());
    match sequence::normalize(i as i64, len) {
        Some(j) => {
            let _old = items.with_mut(|l| std::mem::replace(&mut l[j], value));
            Ok(())
        }
        None => Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "list assignment index out of range",
        )),
    }
}

/// The items of an exact list that nothing else references (a temporary, as the
/// `l[::-1]` of `l[:] = l[::-1]`), taken out of it instead of copied: no one can see
/// the list emptied.
fn take_temporary_items(vm: &Vm, value: &Value) -> Option<Vec<Value>> {
    let Value::Obj(o) = value else { return None };
    let Payload::List(l) = &o.payload else {
        return None;
    };
    if std::rc::Rc::strong_count(o) != 1
        || o.header.weakly_referenced()
        || vm.type_data(o.class()).is_heap
    {
        return None;
    }
    Some(l.replace(Vec::new()))
}

/// Slice assignment (`l[a:b] = it`, `l[a:b:c] = it`).
pub fn set_slice(
    vm: &mut Vm,
    items: &PyCell<Vec<Value>>,
    s: &[Value; 3],
    value: Value,
) -> PyResult<()> {
    let simple = s[2].is_none() || matches!(s[2], Value::Int(1));
    let new_items = if let Some(taken) = take_temporary_items(vm, &value) {
        taken
    } else if matches!(value.payload(), Some(Payload::List(_) | Payload::Tuple(_)))
        || vm.is_iterable(&value)
    {
        vm.collect(&value)?
    } else {
        let msg = if simple && ver(vm) < (3, 13) {
            "can only assign an iterable"
        } else {
            "must assign iterable to extended slice"
        };
        return Err(vm.type_error(msg));
    };
    let len = items.with(|l| l.len());
    let b = vm.slice_bounds(s, len)?;
    if b.step == 1 {
        let start = b.start.clamp(0, len as isize) as usize;
        let stop = b.stop.clamp(start as isize, len as isize) as usize;
        if stop - start == new_items.len() {
            // Same length: the new items trade places with the old ones, which are
            // dropped after the borrow.
            let mut swapped = new_items;
            items.with_mut(|l| {
                if let Some(old) = l.get_mut(start..stop) {
                    old.swap_with_slice(&mut swapped);
                }
            });
            return Ok(());
        }
        let _removed: Vec<Value> = items.with_mut(|l| {
            let stop = stop.min(l.len());
            let start = start.min(stop);
            l.splice(start..stop, new_items).collect()
        });
        return Ok(());
    }
    if new_items.len() != b.len {
        return Err(vm.value_error(&format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            b.len
        )));
    }
    let _old: Vec<Value> = items.with_mut(|l| {
        let n = l.len();
        b.indices()
            .zip(new_items)
            .filter(|(i, _)| *i < n)
            .map(|(i, v)| std::mem::replace(&mut l[i], v))
            .collect()
    });
    Ok(())
}

fn list_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__setitem__")?;
    arity::no_kwargs_method(vm, &args, "list", "__setitem__")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "", pos.len(), 2, 2)?;
    setitem(vm, items, &pos[0], pos[1].clone())?;
    Ok(Value::None)
}

/// `del list[key]` for a list or list subclass.
pub fn delitem(vm: &mut Vm, items: &PyCell<Vec<Value>>, key: &Value) -> PyResult<()> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let len = items.with(|l| l.len());
        let b = vm.slice_bounds(s, len)?;
        let mut dropped = vec![false; len];
        for i in b.indices() {
            dropped[i] = true;
        }
        // Keep the others in one pass; the removed items are dropped after the borrow.
        let removed: Vec<Value> = items.with_mut(|l| {
            let old = std::mem::take(l);
            let mut removed = Vec::with_capacity(b.len);
            for (i, v) in old.into_iter().enumerate() {
                if dropped.get(i).copied().unwrap_or(false) {
                    removed.push(v);
                } else {
                    l.push(v);
                }
            }
            removed
        });
        drop(removed);
        return Ok(());
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error(&format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let len = items.with(|l| l.len());
    match sequence::normalize(i as i64, len) {
        Some(j) => {
            let _old = items.with_mut(|l| l.remove(j));
            Ok(())
        }
        None => Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "list assignment index out of range",
        )),
    }
}

fn list_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__delitem__")?;
    let key = arity::one_arg(vm, &args, "list", "__delitem__")?;
    delitem(vm, items, key)?;
    Ok(Value::None)
}

fn list_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__contains__")?;
    let v = arity::one_arg(vm, &args, "list", "__contains__")?.clone();
    let mut i = 0;
    while let Some(item) = items.with(|l| l.get(i).cloned()) {
        if sequence::contains_eq(vm, &item, &v)? {
            return Ok(Value::Bool(Truth::True));
        }
        i += 1;
    }
    Ok(Value::Bool(Truth::False))
}

fn list_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, _) = this(vm, &args, "__iter__")?;
    arity::no_args(vm, &args, "list", "__iter__")?;
    Ok(vm.new_iter(crate::vm::iter::IterState::Seq {
        seq: o.clone(),
        index: 0,
    }))
}

fn list_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, items) = this(vm, &args, "__reversed__")?;
    arity::no_args(vm, &args, "list", "__reversed__")?;
    let len = items.with(|l| l.len());
    Ok(super::iterators::list_reverse_iter(vm, o.clone(), len))
}

fn list_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__add__")?;
    let other = arity::one_arg(vm, &args, "list", "__add__")?;
    match other.as_obj().and_then(cell) {
        Some(o) => {
            let mut v = items.get();
            v.extend(o.get());
            Ok(vm.new_list(v))
        }
        None => Err(vm.type_error(&format!(
            "can only concatenate list (not \"{}\") to list",
            vm.type_name(other)
        ))),
    }
}

fn list_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, items) = this(vm, &args, "__iadd__")?;
    let other = arity::one_arg(vm, &args, "list", "__iadd__")?;
    let new = vm.collect(other)?;
    items.with_mut(|l| l.extend(new));
    Ok(Value::Obj(o.clone()))
}

fn list_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, items) = this(vm, &args, "__mul__")?;
    let n = arity::one_arg(vm, &args, "list", "__mul__")?;
    let n = arity::index_arg(vm, n)?;
    let v = items.get();
    let r = sequence::repeat(vm, &v, n)?;
    Ok(vm.new_list(r))
}

fn list_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, items) = this(vm, &args, "__imul__")?;
    let n = arity::one_arg(vm, &args, "list", "__imul__")?;
    let n = arity::index_arg(vm, n)?;
    let v = items.get();
    let new = sequence::repeat(vm, &v, n)?;
    let _old = items.replace(new);
    Ok(Value::Obj(o.clone()))
}

fn list_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, _) = this(vm, &args, "__repr__")?;
    arity::no_args(vm, &args, "list", "__repr__")?;
    let s = vm.repr_builtin(o, &Value::Obj(o.clone()))?;
    Ok(vm.new_str(&s))
}

fn list_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let name = sequence::cmp_dunder(op);
    let (_, items) = this(vm, &args, name)?;
    let other = arity::one_arg(vm, &args, "list", name)?;
    let Some(other) = other.as_obj().and_then(cell) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    sequence::compare_cells(vm, SeqOp::List(items), SeqOp::List(other), op)
}
