//! Iteration: `iter()`, `next()`, and the state of the builtin iterators (over lists,
//! tuples, strings, dicts, sets, ranges, and the sequence protocol).
//!
//! `next` returns `Ok(None)` at exhaustion (no StopIteration object is created on the
//! hot path of `for` loops); the StopIteration of a Python `__next__` is turned into
//! `None` the same way.

use super::{PyResult, Vm};
use crate::object::{Args, ObjRef, Object, Payload, PyCell, Value};

pub enum IterState {
    /// Over a list, tuple or str by index (the list may change while iterating).
    Seq { seq: ObjRef, index: usize },
    /// Over a range.
    Range { next: i64, stop: i64, step: i64 },
    /// Over a dict's keys, values or items (checks the dict does not change size;
    /// `left` counts the items still to come, for 3.8's "keys changed" check).
    Dict {
        dict: ObjRef,
        pos: usize,
        len: usize,
        left: usize,
        kind: DictIterKind,
    },
    /// Over a set (checks the set does not change size).
    Set {
        set: ObjRef,
        slot: usize,
        len: usize,
    },
    /// The `__getitem__` sequence protocol.
    GetItem { obj: Value, index: i64 },
    /// Calls `callable()` until it returns `sentinel`.
    Callable { callable: Value, sentinel: Value },
    /// Items already produced (reversed(), zip(), map()... materialise lazily elsewhere).
    Values { items: Vec<Value>, index: usize },
    /// The iterators implemented in `crate::builtins::iterators` (enumerate, zip, map,
    /// filter, reversed...).
    Native(crate::builtins::iterators::NativeIter),
    /// An exhausted iterator.
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

impl Vm {
    /// A builtin iterator object.
    pub fn new_iter(&self, state: IterState) -> Value {
        let class = self.iter_class(&state).clone();
        Value::Obj(Object::new(
            class,
            Payload::Iter(Box::new(PyCell::new(state))),
        ))
    }

    /// The type of a builtin iterator (`list_iterator`, `dict_keyiterator`, ...).
    fn iter_class(&self, state: &IterState) -> &ObjRef {
        let x = &self.types.extra;
        match state {
            IterState::Seq { seq, .. } => match &seq.payload {
                Payload::List(_) => &x.list_iterator,
                Payload::Tuple(_) => &x.tuple_iterator,
                Payload::Str(s)
                    if s.is_ascii() && super::flavour::has_str_ascii_iterator(self.version) =>
                {
                    &x.str_ascii_iterator
                }
                Payload::Str(_) => &x.str_iterator,
                Payload::Bytes(_) => &x.bytes_iterator,
                Payload::ByteArray(_) => &x.bytearray_iterator,
                _ => &self.types.iterator,
            },
            IterState::Range { .. } => &x.range_iterator,
            IterState::Dict {
                kind: DictIterKind::Keys,
                ..
            } => &x.dict_keyiterator,
            IterState::Dict {
                kind: DictIterKind::Values,
                ..
            } => &x.dict_valueiterator,
            IterState::Dict {
                kind: DictIterKind::Items,
                ..
            } => &x.dict_itemiterator,
            IterState::Set { .. } => &x.set_iterator,
            IterState::Callable { .. } => &x.callable_iterator,
            IterState::Native(n) => n.class(self),
            _ => &self.types.iterator,
        }
    }

    /// `iter(obj)`.
    pub fn get_iter(&mut self, obj: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            let heap = self.type_data(o.class()).is_heap;
            if !heap {
                let state = match &o.payload {
                    Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Str(_)
                    | Payload::Bytes(_)
                    | Payload::ByteArray(_) => Some(IterState::Seq {
                        seq: o.clone(),
                        index: 0,
                    }),
                    Payload::Dict(d) => Some(IterState::Dict {
                        dict: o.clone(),
                        pos: 0,
                        len: d.with(|d| d.len()),
                        left: d.with(|d| d.len()),
                        kind: DictIterKind::Keys,
                    }),
                    Payload::Set(s) => Some(IterState::Set {
                        set: o.clone(),
                        slot: 0,
                        len: s.with(|s| s.len()),
                    }),
                    Payload::FrozenSet(s) => Some(IterState::Set {
                        set: o.clone(),
                        slot: 0,
                        len: s.len(),
                    }),
                    Payload::Range(r) => match &**r {
                        [crate::object::IntValue::Small(a), crate::object::IntValue::Small(b), crate::object::IntValue::Small(c)] => {
                            Some(IterState::Range {
                                next: *a,
                                stop: *b,
                                step: *c,
                            })
                        }
                        _ => None,
                    },
                    Payload::Iter(_) | Payload::Generator(_) => return Ok(obj.clone()),
                    _ => None,
                };
                if let Some(s) = state {
                    return Ok(self.new_iter(s));
                }
            }
        }
        let name = self.names.__iter__.clone();
        if let Some(it) = self.call_special(obj, &name, &[])? {
            let next = self.names.__next__.clone();
            let class_ = self.class_of(&it).clone();
            let has_next = matches!(it.payload(), Some(Payload::Iter(_) | Payload::Generator(_)))
                || self.lookup_in_mro(&class_, &next).is_some();
            if !has_next {
                return Err(self.type_error(&format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        let gi = self.names.__getitem__.clone();
        let class_ = self.class_of(obj).clone();
        if self.lookup_in_mro(&class_, &gi).is_some() {
            return Ok(self.new_iter(IterState::GetItem {
                obj: obj.clone(),
                index: 0,
            }));
        }
        Err(self.type_error(&format!("'{}' object is not iterable", self.type_name(obj))))
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(Payload::Iter(cell)) = it.payload() {
            return self.next_builtin(cell);
        }
        if let Some(Payload::Generator(_)) = it.payload() {
            return self.generator_next(it);
        }
        let name = self.names.__next__.clone();
        match self.call_special(it, &name, &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(self.type_error(&format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
            Err(e) if self.is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// `next(it)` as the builtin does it: raises StopIteration at exhaustion, carrying a
    /// generator's return value.
    pub fn next_or_stop(&mut self, it: &Value) -> PyResult<Value> {
        if let Some(Payload::Generator(_)) = it.payload() {
            let g = it
                .as_obj()
                .cloned()
                .unwrap_or_else(|| self.types.generator.clone());
            return match self.gen_resume(&g, Value::None, None)? {
                super::generator::GenResult::Yield(v) => Ok(v),
                super::generator::GenResult::Return(v) => Err(self.stop_iteration_with(v)),
            };
        }
        match self.next(it)? {
            Some(v) => Ok(v),
            None => Err(self.new_exception(&self.types.exc.stop_iteration.clone(), "")),
        }
    }

    fn next_builtin(&mut self, cell: &PyCell<IterState>) -> PyResult<Option<Value>> {
        enum Step {
            Yield(Value),
            Pair(Value, Value),
            /// The next character of a str (made outside the borrow).
            Char(ObjRef, usize),
            Done,
            CallGetItem(Value, i64),
            CallCallable(Value, Value),
            SizeChanged(&'static str),
            Native,
        }
        let keys_changed_check = super::flavour::dict_iteration_checks_keys_changed(self.version);
        let step = cell.with_mut(|st| match st {
            IterState::Seq { seq, index } => {
                let i = *index;
                let item = match &seq.payload {
                    Payload::List(l) => l.with(|l| l.get(i).cloned()),
                    Payload::Tuple(t) => t.get(i).cloned(),
                    Payload::Bytes(b) => b.get(i).map(|b| Value::Int(*b as i64)),
                    Payload::ByteArray(b) => b.with(|b| b.get(i).map(|b| Value::Int(*b as i64))),
                    Payload::Str(s) if i < s.char_len() => {
                        *index += 1;
                        return Step::Char(seq.clone(), i);
                    }
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        Step::Yield(v)
                    }
                    None => {
                        *st = IterState::Done;
                        Step::Done
                    }
                }
            }
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next += *step;
                    Step::Yield(Value::Int(v))
                } else {
                    Step::Done
                }
            }
            IterState::Dict {
                dict,
                pos,
                len,
                left,
                kind,
            } => {
                let Payload::Dict(d) = &dict.payload else {
                    return Step::Done;
                };
                if d.with(|d| d.len()) != *len {
                    *len = usize::MAX;
                    return Step::SizeChanged("dictionary changed size during iteration");
                }
                match d.with(|d| {
                    d.next_entry(*pos)
                        .map(|(i, e)| (i, e.key.clone(), e.value.clone()))
                }) {
                    Some((i, k, v)) => {
                        *pos = i + 1;
                        // More items than the dict had: its keys were replaced (3.8+).
                        if *left == 0 && keys_changed_check {
                            *len = usize::MAX;
                            return Step::SizeChanged("dictionary keys changed during iteration");
                        }
                        *left = left.saturating_sub(1);
                        match kind {
                            DictIterKind::Keys => Step::Yield(k),
                            DictIterKind::Values => Step::Yield(v),
                            DictIterKind::Items => Step::Pair(k, v),
                        }
                    }
                    None => Step::Done,
                }
            }
            IterState::Set { set, slot, len } => {
                let (cur_len, found) = match &set.payload {
                    Payload::Set(s) => s.with(|s| (s.len(), next_set_slot(s, *slot))),
                    Payload::FrozenSet(s) => (s.len(), next_set_slot(s, *slot)),
                    _ => (0, None),
                };
                if cur_len != *len {
                    *len = usize::MAX;
                    return Step::SizeChanged("Set changed size during iteration");
                }
                match found {
                    Some((i, k)) => {
                        *slot = i + 1;
                        Step::Yield(k)
                    }
                    None => Step::Done,
                }
            }
            IterState::GetItem { obj, index } => {
                let r = Step::CallGetItem(obj.clone(), *index);
                *index += 1;
                r
            }
            IterState::Callable { callable, sentinel } => {
                Step::CallCallable(callable.clone(), sentinel.clone())
            }
            IterState::Values { items, index } => match items.get(*index) {
                Some(v) => {
                    let v = v.clone();
                    *index += 1;
                    Step::Yield(v)
                }
                None => Step::Done,
            },
            IterState::Native(_) => Step::Native,
            IterState::Done => Step::Done,
        });
        match step {
            Step::Yield(v) => Ok(Some(v)),
            Step::Pair(k, v) => Ok(Some(self.new_tuple(vec![k, v]))),
            Step::Char(s, i) => {
                let Payload::Str(ps) = &s.payload else {
                    return Ok(None);
                };
                Ok(Some(if ps.is_ascii() {
                    let b = [ps.bytes()[i]];
                    self.new_str(std::str::from_utf8(&b).unwrap_or(""))
                } else {
                    self.new_str_points(&[ps.code_points()[i]])
                }))
            }
            Step::Done => Ok(None),
            Step::Native => crate::builtins::iterators::native_next(self, cell),
            Step::SizeChanged(msg) => {
                Err(self.new_exception(&self.types.exc.runtime_error.clone(), msg))
            }
            Step::CallGetItem(obj, index) => match self.getitem(&obj, &Value::Int(index)) {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if self.is_instance_of_class(&e.0, &self.types.exc.index_error.clone())
                        || self
                            .is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) =>
                {
                    cell.with_mut(|st| *st = IterState::Done);
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Step::CallCallable(callable, sentinel) => {
                // A StopIteration from the callable also ends the iteration.
                let v = match self.call(&callable, Args::positional(&[])) {
                    Ok(v) => v,
                    Err(e)
                        if self
                            .is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) =>
                    {
                        cell.with_mut(|st| *st = IterState::Done);
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                if sentinel.is(&v) || self.eq(&sentinel, &v)? {
                    cell.with_mut(|st| *st = IterState::Done);
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = iterable {
            if !self.type_data(o.class()).is_heap {
                match &o.payload {
                    Payload::List(l) => return Ok(l.get()),
                    Payload::Tuple(t) => return Ok(t.to_vec()),
                    _ => {}
                }
            }
        }
        let it = self.get_iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }
}

fn next_set_slot(s: &crate::object::SetData, from: usize) -> Option<(usize, Value)> {
    (from..s.capacity()).find_map(|i| s.entry(i).map(|e| (i, e.key.clone())))
}

/// Calls `f` on every value an iterator state references (for the cycle collector).
pub fn traverse_iter(st: &IterState, f: &mut dyn FnMut(&Value)) {
    match st {
        IterState::Seq { seq, .. } => f(&Value::Obj(seq.clone())),
        IterState::Dict { dict, .. } => f(&Value::Obj(dict.clone())),
        IterState::Set { set, .. } => f(&Value::Obj(set.clone())),
        IterState::GetItem { obj, .. } => f(obj),
        IterState::Callable { callable, sentinel } => {
            f(callable);
            f(sentinel);
        }
        IterState::Values { items, .. } => items.iter().for_each(f),
        IterState::Native(n) => n.traverse(f),
        IterState::Range { .. } | IterState::Done => {}
    }
}
