//! The iteration builtins: the lazy iterator types `enumerate`, `zip` (with 3.10's
//! `strict=`), `map`, `filter` and `reversed` (and the reverse iterators of lists and
//! dicts), and the consumers `sorted`, `min`, `max`, `sum`, `any`, `all` and `len`.
//!
//! The lazy iterators are `IterState::Native` states driven by `native_next`: the state
//! is copied out of its cell before any Python code runs (a `map` function, an inner
//! iterator's `__next__`) and updated afterwards.

use super::arity::{self, ver};
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyCell, Value};
use crate::vm::iter::{DictIterKind, IterState};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

/// The state of a lazy builtin iterator.
pub enum NativeIter {
    Enumerate {
        iter: Value,
        count: i64,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `reversed(list)`: the next index to read, plus one (0 when exhausted).
    ListReverse {
        list: ObjRef,
        next: usize,
    },
    /// `reversed(seq)` through `__getitem__`/`__len__`.
    SeqReverse {
        seq: Value,
        next: i64,
    },
    /// `reversed(dict)` and its views: entry positions below `pos`.
    DictReverse {
        dict: ObjRef,
        pos: usize,
        len: usize,
        kind: DictIterKind,
    },
}

impl NativeIter {
    /// Calls `f` on every value the state references (for the cycle collector).
    pub fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            NativeIter::Enumerate { iter, .. } => f(iter),
            NativeIter::Zip { iters, .. } => iters.iter().for_each(f),
            NativeIter::Map { func, iters } => {
                f(func);
                iters.iter().for_each(f);
            }
            NativeIter::Filter { func, iter } => {
                f(func);
                f(iter);
            }
            NativeIter::ListReverse { list, .. } => f(&Value::Obj(list.clone())),
            NativeIter::SeqReverse { seq, .. } => f(seq),
            NativeIter::DictReverse { dict, .. } => f(&Value::Obj(dict.clone())),
        }
    }

    /// The iterator's type.
    pub fn class<'a>(&self, vm: &'a Vm) -> &'a ObjRef {
        let x = &vm.types.extra;
        match self {
            NativeIter::Enumerate { .. } => &x.enumerate,
            NativeIter::Zip { .. } => &x.zip,
            NativeIter::Map { .. } => &x.map,
            NativeIter::Filter { .. } => &x.filter,
            NativeIter::ListReverse { .. } => &x.list_reverseiterator,
            NativeIter::SeqReverse { .. } => &x.reversed,
            NativeIter::DictReverse {
                kind: DictIterKind::Keys,
                ..
            } => &x.dict_reversekeyiterator,
            NativeIter::DictReverse {
                kind: DictIterKind::Values,
                ..
            } => &x.dict_reversevalueiterator,
            NativeIter::DictReverse {
                kind: DictIterKind::Items,
                ..
            } => &x.dict_reverseitemiterator,
        }
    }
}

/// What `native_next` does once the state's borrow is released.
enum Step {
    Enumerate(Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    GetItem(Value, i64),
    Yield(Value),
    Pair(Value, Value),
    Done,
    Error(&'static str),
}

/// `next()` of a `NativeIter` state.
pub fn native_next(vm: &mut Vm, cell: &PyCell<IterState>) -> PyResult<Option<Value>> {
    let step = cell.with_mut(|st| {
        let IterState::Native(n) = st else {
            return Step::Done;
        };
        match n {
            NativeIter::Enumerate { iter, .. } => Step::Enumerate(iter.clone()),
            NativeIter::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
            NativeIter::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
            NativeIter::Filter { func, iter } => Step::Filter(func.clone(), iter.clone()),
            NativeIter::ListReverse { list, next } => {
                let item = match &list.payload {
                    Payload::List(l) => {
                        l.with(|l| (*next > 0 && *next <= l.len()).then(|| l[*next - 1].clone()))
                    }
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *next -= 1;
                        Step::Yield(v)
                    }
                    None => {
                        *next = 0;
                        Step::Done
                    }
                }
            }
            NativeIter::SeqReverse { seq, next } => {
                if *next < 0 {
                    Step::Done
                } else {
                    let i = *next;
                    *next -= 1;
                    Step::GetItem(seq.clone(), i)
                }
            }
            NativeIter::DictReverse {
                dict,
                pos,
                len,
                kind,
            } => {
                let Payload::Dict(d) = &dict.payload else {
                    return Step::Done;
                };
                if *len == usize::MAX {
                    return Step::Done;
                }
                if d.with(|d| d.len()) != *len {
                    *len = usize::MAX;
                    return Step::Error("dictionary changed size during iteration");
                }
                match d.with(|d| {
                    d.prev_entry(*pos)
                        .map(|(i, e)| (i, e.key.clone(), e.value.clone()))
                }) {
                    Some((i, k, v)) => {
                        *pos = i;
                        match kind {
                            DictIterKind::Keys => Step::Yield(k),
                            DictIterKind::Values => Step::Yield(v),
                            DictIterKind::Items => Step::Pair(k, v),
                        }
                    }
                    None => {
                        *len = usize::MAX;
                        Step::Done
                    }
                }
            }
        }
    });
    match step {
        Step::Done => Ok(None),
        Step::Yield(v) => Ok(Some(v)),
        Step::Pair(k, v) => Ok(Some(vm.new_tuple(vec![k, v]))),
        Step::Error(m) => Err(vm.new_exception(&vm.types.exc.runtime_error.clone(), m)),
        Step::Enumerate(iter) => {
            let Some(v) = vm.next(&iter)? else {
                return Ok(None);
            };
            let n = cell.with_mut(|st| match st {
                IterState::Native(NativeIter::Enumerate { count, .. }) => {
                    let n = *count;
                    *count = count.saturating_add(1);
                    n
                }
                _ => 0,
            });
            Ok(Some(vm.new_tuple(vec![Value::Int(n), v])))
        }
        Step::Zip(iters, strict) => zip_next(vm, &iters, strict),
        Step::Map(func, iters) => {
            let mut argv = Vec::with_capacity(iters.len());
            for it in &iters {
                match vm.next(it)? {
                    Some(v) => argv.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, Args::positional(&argv)).map(Some)
        }
        Step::Filter(func, iter) => loop {
            let Some(v) = vm.next(&iter)? else {
                return Ok(None);
            };
            let keep = if func.is_none() || func.is(&Value::Obj(vm.types.bool_.clone())) {
                vm.truthy(&v)?
            } else {
                let r = vm.call(&func, Args::positional(std::slice::from_ref(&v)))?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Step::GetItem(seq, i) => match vm.getitem(&seq, &Value::Int(i)) {
            Ok(v) => Ok(Some(v)),
            Err(e)
                if vm.is_instance_of_class(&e.0, &vm.types.exc.index_error.clone())
                    || vm.is_instance_of_class(&e.0, &vm.types.exc.stop_iteration.clone()) =>
            {
                cell.with_mut(|st| {
                    if let IterState::Native(NativeIter::SeqReverse { next, .. }) = st {
                        *next = -1;
                    }
                });
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

fn zip_next(vm: &mut Vm, iters: &[Value], strict: bool) -> PyResult<Option<Value>> {
    if iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match vm.next(it)? {
            Some(v) => items.push(v),
            None if !strict => return Ok(None),
            None => {
                let plural = |i: usize| {
                    if i == 1 {
                        " ".to_string()
                    } else {
                        "s 1-".to_string()
                    }
                };
                if i > 0 {
                    return Err(vm.value_error(&format!(
                        "zip() argument {} is shorter than argument{}{i}",
                        i + 1,
                        plural(i)
                    )));
                }
                for (j, other) in iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(vm.value_error(&format!(
                            "zip() argument {} is longer than argument{}{j}",
                            j + 1,
                            plural(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

/// `reversed(list)`'s iterator.
pub fn list_reverse_iter(vm: &Vm, list: ObjRef, len: usize) -> Value {
    vm.new_iter(IterState::Native(NativeIter::ListReverse {
        list,
        next: len,
    }))
}

/// The reverse iterator of a dict (or of one of its views).
pub fn dict_reverse_iter(vm: &Vm, dict: ObjRef, kind: DictIterKind) -> Value {
    let (pos, len) = match &dict.payload {
        Payload::Dict(d) => d.with(|d| (d.positions(), d.len())),
        _ => (0, 0),
    };
    vm.new_iter(IterState::Native(NativeIter::DictReverse {
        dict,
        pos,
        len,
        kind,
    }))
}

pub fn init(vm: &mut Vm) {
    let x = &vm.types.extra;
    let types: Vec<(&'static str, ObjRef, crate::object::NativeFn)> = vec![
        ("enumerate", x.enumerate.clone(), enumerate_new),
        ("zip", x.zip.clone(), zip_new),
        ("map", x.map.clone(), map_new),
        ("filter", x.filter.clone(), filter_new),
        ("reversed", x.reversed.clone(), reversed_new),
    ];
    let builtins = vm.builtins.clone();
    for (name, t, new) in types {
        vm.add_method(&t, "__new__", new, BuiltinKind::StaticMethod);
        vm.add_method(&t, "__iter__", iter_self, BuiltinKind::Method);
        vm.add_method(&t, "__next__", iter_next, BuiltinKind::Method);
        let key = Value::Obj(vm.intern(name));
        let _ = vm.dict_set(&builtins, key, Value::Obj(t));
    }
    // The other builtin iterator types share the same two methods.
    let x = &vm.types.extra;
    let others = [
        x.dict_keyiterator.clone(),
        x.dict_valueiterator.clone(),
        x.dict_itemiterator.clone(),
        x.dict_reversekeyiterator.clone(),
        x.dict_reversevalueiterator.clone(),
        x.dict_reverseitemiterator.clone(),
        x.list_iterator.clone(),
        x.list_reverseiterator.clone(),
        x.tuple_iterator.clone(),
        x.str_iterator.clone(),
        x.str_ascii_iterator.clone(),
        x.bytes_iterator.clone(),
        x.bytearray_iterator.clone(),
        x.set_iterator.clone(),
        x.range_iterator.clone(),
        x.callable_iterator.clone(),
        x.memory_iterator.clone(),
        vm.types.iterator.clone(),
    ];
    for t in others {
        vm.add_method(&t, "__iter__", iter_self, BuiltinKind::Method);
        vm.add_method(&t, "__next__", iter_next, BuiltinKind::Method);
    }
    // Iterators over sized containers report how many items are left.
    let x = &vm.types.extra;
    let sized = [
        x.dict_keyiterator.clone(),
        x.dict_valueiterator.clone(),
        x.dict_itemiterator.clone(),
        x.dict_reversekeyiterator.clone(),
        x.dict_reversevalueiterator.clone(),
        x.dict_reverseitemiterator.clone(),
        x.list_iterator.clone(),
        x.list_reverseiterator.clone(),
        x.tuple_iterator.clone(),
        x.str_iterator.clone(),
        x.str_ascii_iterator.clone(),
        x.bytes_iterator.clone(),
        x.bytearray_iterator.clone(),
        x.set_iterator.clone(),
        x.range_iterator.clone(),
        x.reversed.clone(),
        vm.types.iterator.clone(),
    ];
    for t in sized {
        vm.add_method(&t, "__length_hint__", iter_length_hint, BuiltinKind::Method);
    }
    vm.add_builtin("sorted", builtin_sorted);
    vm.add_builtin("min", |vm, a| min_max(vm, a, "min", CmpOp::Lt));
    vm.add_builtin("max", |vm, a| min_max(vm, a, "max", CmpOp::Gt));
    vm.add_builtin("sum", builtin_sum);
    vm.add_builtin("any", |vm, a| any_all(vm, a, "any", true));
    vm.add_builtin("all", |vm, a| any_all(vm, a, "all", false));
    vm.add_builtin("len", builtin_len);
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [it] => Ok(it.clone()),
        _ => Err(vm.type_error("expected 0 arguments")),
    }
}

/// What the state still has to produce, as the iterator types' `__length_hint__`
/// computes it (0 once exhausted, or when the container changed size).
fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [it] = args.pos() else {
        return Err(vm.type_error("expected 0 arguments"));
    };
    let Some(Payload::Iter(st)) = it.payload() else {
        return Err(vm.type_error("descriptor '__length_hint__' requires an iterator"));
    };
    enum Hint {
        Known(usize),
        /// `reversed(seq)`: the position, checked against `len(seq)`.
        Reversed(Value, i64),
        /// `iter(seq)` over `__getitem__`: the index, against `len(seq)` if it has one.
        GetItem(Value, i64),
    }
    let hint = st.with(|st| match st {
        IterState::Seq { seq, index } => {
            let n = match &seq.payload {
                Payload::List(l) => l.with(|l| l.len()),
                Payload::Tuple(t) => t.len(),
                Payload::Bytes(b) => b.len(),
                Payload::ByteArray(b) => b.with(|b| b.len()),
                Payload::Str(s) => s.char_len(),
                _ => 0,
            };
            Hint::Known(n.saturating_sub(*index))
        }
        IterState::Range { next, stop, step } => {
            let left = if *step > 0 && next < stop {
                (stop - next - 1) / step + 1
            } else if *step < 0 && next > stop {
                (next - stop - 1) / (-step) + 1
            } else {
                0
            };
            Hint::Known(left as usize)
        }
        IterState::Dict {
            dict, len, left, ..
        } => {
            let now = match &dict.payload {
                Payload::Dict(d) => d.with(|d| d.len()),
                _ => usize::MAX,
            };
            Hint::Known(if now == *len { *left } else { 0 })
        }
        IterState::Set { set, slot, len } => {
            let count = |s: &crate::object::SetData| {
                if s.len() != *len {
                    return 0;
                }
                (*slot..s.capacity())
                    .filter(|i| s.entry(*i).is_some_and(|e| e.is_active()))
                    .count()
            };
            Hint::Known(match &set.payload {
                Payload::Set(s) => s.with(count),
                Payload::FrozenSet(s) => count(s),
                _ => 0,
            })
        }
        IterState::Values { items, index } => Hint::Known(items.len().saturating_sub(*index)),
        IterState::Native(NativeIter::ListReverse { list, next }) => {
            let n = match &list.payload {
                Payload::List(l) => l.with(|l| l.len()),
                _ => 0,
            };
            Hint::Known(if n < *next { 0 } else { *next })
        }
        IterState::Native(NativeIter::SeqReverse { seq, next }) => {
            Hint::Reversed(seq.clone(), *next)
        }
        IterState::Native(NativeIter::DictReverse { dict, pos, len, .. }) => {
            let left = match &dict.payload {
                Payload::Dict(d) => d.with(|d| {
                    if d.len() != *len {
                        return 0;
                    }
                    let mut n = 0;
                    let mut end = *pos;
                    while let Some((i, _)) = d.prev_entry(end) {
                        n += 1;
                        end = i;
                    }
                    n
                }),
                _ => 0,
            };
            Hint::Known(left)
        }
        IterState::GetItem { obj, index } => Hint::GetItem(obj.clone(), *index),
        _ => Hint::Known(0),
    });
    let n = match hint {
        Hint::Known(n) => n as i64,
        Hint::Reversed(_, next) if next < 0 => 0,
        Hint::Reversed(seq, next) => {
            let next = next + 1;
            let size = vm.len(&seq)? as i64;
            if size < next {
                0
            } else {
                next
            }
        }
        Hint::GetItem(obj, index) => {
            let cls = vm.class_of(&obj).clone();
            let name = vm.names.__len__.clone();
            if vm.lookup_in_mro(&cls, &name).is_none() {
                return Ok(vm.singletons.not_implemented.clone());
            }
            (vm.len(&obj)? as i64 - index).max(0)
        }
    };
    Ok(Value::Int(n))
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [it] = args.pos() else {
        return Err(vm.type_error("expected 0 arguments"));
    };
    match it.payload() {
        Some(Payload::Iter(_)) => match vm.next(it)? {
            Some(v) => Ok(v),
            None => Err(vm.new_exception(&vm.types.exc.stop_iteration.clone(), "")),
        },
        _ => Err(vm.type_error("descriptor '__next__' requires an iterator")),
    }
}

fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    let b = arity::bind_kw_styled(
        vm,
        "enumerate",
        pos,
        &args,
        &["iterable", "start"],
        1,
        arity::KwStyle {
            clinic: false,
            vectorcall: true,
        },
    )?;
    let iter = vm.get_iter(b[0].as_ref().unwrap_or(&Value::None))?;
    let count = match &b[1] {
        Some(v) => arity::index_arg(vm, v)?,
        None => 0,
    };
    Ok(vm.new_iter(IterState::Native(NativeIter::Enumerate { iter, count })))
}

fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.kw() {
        let key = arity::kw_name(k);
        if key == "strict" && ver(vm) >= (3, 10) {
            strict = vm.truthy(v)?;
        } else if ver(vm) >= (3, 10) {
            return Err(super::list::unexpected_kw(vm, "zip", &key, &["strict"]));
        } else {
            arity::no_kwargs_type(vm, &args, "zip")?;
        }
    }
    let mut iters = Vec::new();
    for (i, v) in args.pos()[1..].iter().enumerate() {
        match vm.get_iter(v) {
            Ok(it) => iters.push(it),
            Err(_) if ver(vm) < (3, 8) && !vm.is_iterable(v) => {
                return Err(
                    vm.type_error(&format!("zip argument #{} must support iteration", i + 1))
                );
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_iter(IterState::Native(NativeIter::Zip { iters, strict })))
}

fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs_type(vm, &args, "map")?;
    let pos = &args.pos()[1..];
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for v in &pos[1..] {
        iters.push(vm.get_iter(v)?);
    }
    Ok(vm.new_iter(IterState::Native(NativeIter::Map {
        func: pos[0].clone(),
        iters,
    })))
}

fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs_type(vm, &args, "filter")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "filter", pos.len(), 2, 2)?;
    let iter = vm.get_iter(&pos[1])?;
    Ok(vm.new_iter(IterState::Native(NativeIter::Filter {
        func: pos[0].clone(),
        iter,
    })))
}

fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs_type(vm, &args, "reversed")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "reversed", pos.len(), 1, 1)?;
    reversed(vm, &pos[0])
}

/// `reversed(seq)`.
pub fn reversed(vm: &mut Vm, seq: &Value) -> PyResult<Value> {
    let class_ = vm.class_of(seq).clone();
    let rev = vm.names.__reversed__.clone();
    match vm.lookup_in_mro(&class_, &rev) {
        Some(Value::None) => {
            return Err(vm.type_error(&format!("'{}' object is not reversible", vm.type_name(seq))));
        }
        Some(f) => {
            let bound = vm.descr_get(f, Some(seq), &class_)?;
            return vm.call(&bound, Args::positional(&[]));
        }
        None => {}
    }
    let gi = vm.names.__getitem__.clone();
    let ln = vm.names.__len__.clone();
    let is_dict = matches!(seq.payload(), Some(Payload::Dict(_)));
    let sequence = !is_dict
        && (matches!(
            seq.payload(),
            Some(Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
        ) || vm.lookup_in_mro(&class_, &gi).is_some());
    if !sequence {
        return Err(vm.type_error(&format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    let has_len = matches!(
        seq.payload(),
        Some(Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
    ) || vm.lookup_in_mro(&class_, &ln).is_some();
    if !has_len {
        return Err(vm.type_error(&format!(
            "object of type '{}' has no len()",
            vm.type_name(seq)
        )));
    }
    let n = vm.len(seq)?;
    Ok(vm.new_iter(IterState::Native(NativeIter::SeqReverse {
        seq: seq.clone(),
        next: n as i64 - 1,
    })))
}

pub(crate) fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if ver(vm) < (3, 7) {
        if pos.is_empty() {
            return Err(vm.type_error("Function takes at least 1 positional arguments (0 given)"));
        }
        if pos.len() > 1 {
            return Err(vm.type_error("must use keyword argument for key function"));
        }
    }
    arity::check_count(vm, "sorted", pos.len(), 1, 1)?;
    let mut items = vm.collect(&pos[0])?;
    let (key, reverse) = super::list::sort_options(vm, &args)?;
    let list = vm.new_list(Vec::new());
    let Some(cell) = list.as_obj().and_then(super::list::cell) else {
        return Ok(list);
    };
    super::list::sort_values(vm, &mut items, &key, reverse)?;
    let _ = cell.replace(items);
    Ok(list)
}

/// `min()` / `max()`: `op` is the comparison that makes a new item win.
fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult<Value> {
    let v = ver(vm);
    let mut key = None;
    let mut default = None;
    for (k, val) in args.kw() {
        match arity::kw_name(k).as_str() {
            // `key=None` means no key from 3.8; before, None is called like any key.
            "key" => key = (!val.is_none() || v < (3, 8)).then(|| val.clone()),
            "default" => default = Some(val.clone()),
            other => {
                return Err(super::list::unexpected_kw(
                    vm,
                    name,
                    other,
                    &["key", "default"],
                ))
            }
        }
    }
    let pos = args.pos();
    if pos.is_empty() {
        let min = if v >= (3, 9) { "at least " } else { "" };
        let s = if v < (3, 8) { "s" } else { "" };
        return Err(vm.type_error(&format!("{name} expected {min}1 argument{s}, got 0")));
    }
    if pos.len() > 1 && default.is_some() {
        return Err(vm.type_error(&format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let iter = if pos.len() == 1 {
        vm.get_iter(&pos[0])?
    } else {
        vm.new_iter(IterState::Values {
            items: pos.to_vec(),
            index: 0,
        })
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = vm.next(&iter)? {
        let val = match &key {
            None => item.clone(),
            Some(key) => vm.call(key, Args::positional(std::slice::from_ref(&item)))?,
        };
        match &best {
            None => best = Some((item, val)),
            Some((_, bv)) => {
                let r = vm.compare(&val, bv, op)?;
                if vm.truthy(&r)? {
                    best = Some((item, val));
                }
            }
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(&if v >= (3, 12) {
            format!("{name}() iterable argument is empty")
        } else {
            format!("{name}() arg is an empty sequence")
        })),
    }
}

fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = ver(vm);
    let pos = args.pos();
    let mut start = None;
    if v < (3, 8) {
        arity::no_kwargs(vm, &args, "sum")?;
        arity::check_count(vm, "sum", pos.len(), 1, 2)?;
    } else {
        for (k, val) in args.kw() {
            match arity::kw_name(k).as_str() {
                "start" if pos.len() < 2 => start = Some(val.clone()),
                "start" => {
                    return Err(vm.type_error(
                        "argument for sum() given by name ('start') and position (2)",
                    ));
                }
                other => return Err(super::list::unexpected_kw(vm, "sum", other, &["start"])),
            }
        }
        if pos.is_empty() {
            return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
        }
        if pos.len() > 2 {
            return Err(vm.type_error(&format!(
                "sum() takes at most 2 arguments ({} given)",
                pos.len()
            )));
        }
    }
    let start = pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    for (payload_check, msg) in [
        (
            &vm.types.str_,
            "sum() can't sum strings [use ''.join(seq) instead]",
        ),
        (
            &vm.types.bytes,
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ),
        (
            &vm.types.bytearray,
            "sum() can't sum bytearray [use b''.join(seq) instead]",
        ),
    ] {
        if let Value::Obj(o) = &start {
            if vm.is_subclass_of(o.class(), payload_check) {
                return Err(vm.type_error(msg));
            }
        }
    }
    let iter = vm.get_iter(&pos[0])?;
    let mut result = start;
    // CPython's float fast path: from 3.12 a compensated (Neumaier) sum.
    let compensated = v >= (3, 12);
    loop {
        if let (true, Value::Float(f)) = (compensated, &result) {
            let (mut f, mut c) = (f.get(), 0.0f64);
            loop {
                let Some(item) = vm.next(&iter)? else {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    return Ok(Value::float(f));
                };
                match item {
                    Value::Float(x) => {
                        let x = x.get();
                        let t = f + x;
                        if f.abs() >= x.abs() {
                            c += (f - t) + x;
                        } else {
                            c += (x - t) + f;
                        }
                        f = t;
                    }
                    Value::Int(i) => f += i as f64,
                    Value::Bool(b) => f += b as i64 as f64,
                    other => {
                        if c != 0.0 && c.is_finite() {
                            f += c;
                        }
                        result = vm.binary_op(
                            &Value::float(f),
                            &other,
                            crate::vm::ops::BinOp::Add,
                            false,
                        )?;
                        break;
                    }
                }
            }
            continue;
        }
        let Some(item) = vm.next(&iter)? else {
            return Ok(result);
        };
        result = vm.binary_op(&result, &item, crate::vm::ops::BinOp::Add, false)?;
    }
}

fn any_all(vm: &mut Vm, args: Args<'_>, name: &str, any: bool) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, name)?;
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "{name}() takes exactly one argument ({} given)",
            pos.len()
        )));
    }
    let iter = vm.get_iter(&pos[0])?;
    while let Some(item) = vm.next(&iter)? {
        if vm.truthy(&item)? == any {
            return Ok(Value::bool(any));
        }
    }
    Ok(Value::bool(!any))
}

fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs(vm, &args, "len")?;
    match args.pos() {
        [v] => Ok(Value::Int(vm.len(v)? as i64)),
        p => Err(vm.type_error(&format!(
            "len() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}
