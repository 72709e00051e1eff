//! Subscription (`a[i]`, `a[i] = v`, `del a[i]`), slices and `len()`, with fast paths for
//! the builtin sequences and dicts and `__getitem__`/`__setitem__`/`__delitem__`/`__len__`
//! for everything else.

use super::ops::{as_int, IntRef};
use super::{PyResult, Vm};
use crate::object::{Args, ObjRef, Object, Payload, Value};
use num_traits::{Signed, ToPrimitive};
use std::rc::Rc;

/// Normalised slice bounds over a sequence of `len` items.
#[derive(Debug, Clone, Copy)]
pub struct SliceBounds {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceBounds {
    /// The indices the slice selects, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step, len) = (self.start, self.step, self.len);
        (0..len).map(move |k| (start + k as isize * step) as usize)
    }
}

impl Vm {
    /// An index argument as isize: ints, bools and objects with `__index__`.
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<isize>> {
        match as_int(v) {
            Some(IntRef::Small(i)) => Ok(Some(i as isize)),
            Some(IntRef::Big(b)) => Ok(Some(if b.is_negative() {
                isize::MIN
            } else {
                isize::MAX
            })),
            None => {
                let name = self.names.__index__.clone();
                match self.call_special(v, &name, &[])? {
                    Some(r) => match as_int(&r) {
                        Some(IntRef::Small(i)) => Ok(Some(i as isize)),
                        Some(IntRef::Big(b)) => Ok(Some(b.to_isize().unwrap_or(isize::MAX))),
                        None => Err(self.type_error(&format!(
                            "__index__ returned non-int (type {})",
                            self.type_name(&r)
                        ))),
                    },
                    None => Ok(None),
                }
            }
        }
    }

    /// Resolves a slice object against a length, as `slice.indices` does.
    pub fn slice_bounds(&mut self, slice: &[Value; 3], len: usize) -> PyResult<SliceBounds> {
        let step = if slice[2].is_none() {
            1
        } else {
            match self.index_value(&slice[2])? {
                Some(0) => return Err(self.value_error("slice step cannot be zero")),
                Some(s) => s,
                None => return Err(self.slice_index_error()),
            }
        };
        let len_i = len as isize;
        let (lower, upper) = if step < 0 {
            (-1, len_i - 1)
        } else {
            (0, len_i)
        };
        let bound = |v: &Value, default: isize, vm: &mut Vm| -> PyResult<isize> {
            if v.is_none() {
                return Ok(default);
            }
            let Some(mut i) = vm.index_value(v)? else {
                return Err(vm.slice_index_error());
            };
            if i < 0 {
                i = i.saturating_add(len_i);
                if i < lower {
                    i = lower;
                }
            } else if i > upper {
                i = upper;
            }
            Ok(i)
        };
        let start = bound(&slice[0], if step < 0 { upper } else { lower }, self)?;
        let stop = bound(&slice[1], if step < 0 { lower } else { upper }, self)?;
        let count = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceBounds {
            start,
            stop,
            step,
            len: count as usize,
        })
    }

    fn slice_index_error(&self) -> super::PyErr {
        self.type_error("slice indices must be integers or None or have an __index__ method")
    }

    /// A sequence index, negative counted from the end, bounds-checked.
    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let Some(i) = self.index_value(key)? else {
            return Ok(None);
        };
        let j = if i < 0 { i + len as isize } else { i };
        if j < 0 || j >= len as isize {
            return Err(self.new_exception(
                &self.types.exc.index_error.clone(),
                &format!("{what} index out of range"),
            ));
        }
        Ok(Some(j as usize))
    }

    fn indices_error(&self, container: &str, key: &Value) -> super::PyErr {
        self.type_error(&format!(
            "{container} indices must be integers or slices, not {}",
            self.type_name(key)
        ))
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            let exact = !self.type_data(o.class()).is_heap;
            match &o.payload {
                Payload::List(l) if exact => {
                    if let Some(Payload::Slice(s)) = key.payload() {
                        let len = l.with(|l| l.len());
                        let b = self.slice_bounds(s, len)?;
                        // Only an `__index__` of the slice could have resized the list
                        // meanwhile: then the items that still exist are taken.
                        let picked = l.with(|items| {
                            if items.len() != len {
                                b.indices().filter_map(|i| items.get(i).cloned()).collect()
                            } else if b.step == 1 {
                                let start = b.start as usize;
                                items[start..start + b.len].to_vec()
                            } else {
                                b.indices().map(|i| items[i].clone()).collect()
                            }
                        });
                        return Ok(self.new_list(picked));
                    }
                    let len = l.with(|l| l.len());
                    return match self.seq_index(key, len, "list")? {
                        Some(i) => l
                            .with(|l| l.get(i).cloned())
                            .ok_or_else(|| self.list_index_error()),
                        None => Err(self.indices_error("list", key)),
                    };
                }
                Payload::Tuple(t) if exact => {
                    if let Some(Payload::Slice(s)) = key.payload() {
                        let b = self.slice_bounds(s, t.len())?;
                        return Ok(self.new_tuple(b.indices().map(|i| t[i].clone()).collect()));
                    }
                    return match self.seq_index(key, t.len(), "tuple")? {
                        Some(i) => Ok(t[i].clone()),
                        None => Err(self.indices_error("tuple", key)),
                    };
                }
                Payload::Str(s) if exact => {
                    // ASCII text indexes by byte, without decoding code points.
                    if s.is_ascii() {
                        let b = s.bytes();
                        if let Some(Payload::Slice(sl)) = key.payload() {
                            let bounds = self.slice_bounds(sl, b.len())?;
                            if bounds.step == 1 {
                                let start = bounds.start as usize;
                                return Ok(self.new_str(&s.as_str()[start..start + bounds.len]));
                            }
                            let picked: String = bounds.indices().map(|i| b[i] as char).collect();
                            return Ok(self.new_str(&picked));
                        }
                        if let Some(i) = self.seq_index(key, b.len(), "string")? {
                            let c = [b[i]];
                            return Ok(self.new_str(std::str::from_utf8(&c).unwrap_or("")));
                        }
                    }
                    let chars = s.code_points();
                    if let Some(Payload::Slice(sl)) = key.payload() {
                        let b = self.slice_bounds(sl, chars.len())?;
                        let picked: Vec<u32> = b.indices().map(|i| chars[i]).collect();
                        return Ok(self.new_str_points(&picked));
                    }
                    return match self.seq_index(key, chars.len(), "string")? {
                        Some(i) => Ok(self.new_str_points(&chars[i..=i])),
                        None => Err(self.type_error(
                            &super::messages::string_indices_must_be_integers(
                                self.version.format.major_minor,
                                &self.type_name(key),
                            ),
                        )),
                    };
                }
                Payload::Bytes(b) if exact => {
                    if let Some(Payload::Slice(sl)) = key.payload() {
                        let bounds = self.slice_bounds(sl, b.len())?;
                        let picked: Vec<u8> = bounds.indices().map(|i| b[i]).collect();
                        return Ok(Value::Obj(Object::new(
                            self.types.bytes.clone(),
                            Payload::Bytes(picked.into()),
                        )));
                    }
                    return match self.index_value(key)? {
                        Some(i) => {
                            let j = if i < 0 { i + b.len() as isize } else { i };
                            match usize::try_from(j).ok().and_then(|j| b.get(j)) {
                                Some(v) => Ok(Value::Int(*v as i64)),
                                None => Err(self.new_exception(
                                    &self.types.exc.index_error.clone(),
                                    "index out of range",
                                )),
                            }
                        }
                        None => Err(self.indices_error("byte", key)),
                    };
                }
                Payload::Dict(_) if exact => {
                    return match self.dict_get(o, key)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(key)),
                    };
                }
                Payload::Range(r) => {
                    let r = (**r).clone();
                    return crate::builtins::range::getitem(self, &r, key);
                }
                _ => {}
            }
            if let Payload::Type(_) = &o.payload {
                // `type[int]` (3.9+): type has no __class_getitem__ of its own.
                if std::rc::Rc::ptr_eq(o, &self.types.type_)
                    && super::flavour::type_is_subscriptable(self.version)
                {
                    return Ok(crate::builtins::typing::new_alias(
                        self,
                        obj.clone(),
                        key.clone(),
                    ));
                }
                let name = self.names.__class_getitem__.clone();
                if let Some(f) = self.lookup_in_mro(o, &name) {
                    let f = self.descr_get(f, None, o)?;
                    let f = match f.payload() {
                        Some(Payload::Function(_)) => self.bind(f, obj.clone()),
                        _ => f,
                    };
                    return self.call(&f, Args::positional(std::slice::from_ref(key)));
                }
            }
        }
        let name = self.names.__getitem__.clone();
        match self.call_special(obj, &name, std::slice::from_ref(key))? {
            Some(v) => Ok(v),
            None => {
                if let Value::Obj(o) = obj {
                    if let Some(v) = self.builtin_getitem_for_subclass(o, obj, key)? {
                        return Ok(v);
                    }
                }
                Err(crate::builtins::sequence::not_subscriptable(self, obj, key))
            }
        }
    }

    /// Builtin containers subclassed in Python without overriding `__getitem__`.
    fn builtin_getitem_for_subclass(
        &mut self,
        o: &ObjRef,
        obj: &Value,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        match &o.payload {
            Payload::Dict(_) => match self.dict_get(o, key)? {
                Some(v) => Ok(Some(v)),
                None => {
                    let missing = self.names.__missing__.clone();
                    match self.call_special(obj, &missing, std::slice::from_ref(key))? {
                        Some(v) => Ok(Some(v)),
                        None => Err(self.key_error(key)),
                    }
                }
            },
            Payload::List(l) => {
                let len = l.with(|l| l.len());
                match self.seq_index(key, len, "list")? {
                    Some(i) => Ok(l.with(|l| l.get(i).cloned())),
                    None => Ok(None),
                }
            }
            Payload::Tuple(t) => match self.seq_index(key, t.len(), "tuple")? {
                Some(i) => Ok(Some(t[i].clone())),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    fn list_index_error(&self) -> super::PyErr {
        self.new_exception(&self.types.exc.index_error, "list index out of range")
    }

    /// `KeyError(key)`.
    pub fn key_error(&self, key: &Value) -> super::PyErr {
        let args = self.new_tuple(vec![key.clone()]);
        self.new_exception_args(&self.types.exc.key_error, args)
    }

    /// `obj[key] = value`.
    pub fn setitem(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            let exact = !self.type_data(o.class()).is_heap;
            match &o.payload {
                Payload::List(l) if exact => {
                    return crate::builtins::list::setitem(self, l, &key, value);
                }
                Payload::Dict(_) if exact => return self.dict_set(o, key, value),
                _ => {}
            }
        }
        let name = self.names.__setitem__.clone();
        match self.call_special(obj, &name, &[key.clone(), value.clone()])? {
            Some(_) => Ok(()),
            None => {
                if let Value::Obj(o) = obj {
                    if let Payload::Dict(_) = &o.payload {
                        return self.dict_set(o, key, value);
                    }
                }
                Err(self.type_error(&format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                )))
            }
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            let exact = !self.type_data(o.class()).is_heap;
            match &o.payload {
                Payload::List(l) if exact => return crate::builtins::list::delitem(self, l, key),
                Payload::Dict(_) if exact => {
                    return match self.dict_remove(o, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key)),
                    };
                }
                _ => {}
            }
        }
        let name = self.names.__delitem__.clone();
        match self.call_special(obj, &name, std::slice::from_ref(key))? {
            Some(_) => Ok(()),
            None => Err(self.type_error(&format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// `len(obj)`.
    pub fn len(&mut self, obj: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = obj {
            if !self.type_data(o.class()).is_heap {
                if let Some(n) = builtin_len(o) {
                    return Ok(n);
                }
            }
        }
        let name = self.names.__len__.clone();
        match self.call_special(obj, &name, &[])? {
            Some(r) => match as_int(&r) {
                Some(IntRef::Small(n)) if n >= 0 => Ok(n as usize),
                Some(_) => Err(self.value_error("__len__() should return >= 0")),
                None => Err(self.type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(&r)
                ))),
            },
            None => match obj.as_obj().and_then(builtin_len) {
                Some(n) => Ok(n),
                None => Err(self.type_error(&format!(
                    "object of type '{}' has no len()",
                    self.type_name(obj)
                ))),
            },
        }
    }

    /// A str value from code points.
    pub fn new_str_points(&self, points: &[u32]) -> Value {
        if points.iter().all(|&c| c < 0x80) {
            let bytes: Vec<u8> = points.iter().map(|&c| c as u8).collect();
            // SAFETY: every byte is ASCII.
            return self.new_str(unsafe { std::str::from_utf8_unchecked(&bytes) });
        }
        // One pass into a string sized for the common (ASCII) case.
        let mut text = String::with_capacity(points.len());
        if points.iter().all(|&c| match char::from_u32(c) {
            Some(ch) => {
                text.push(ch);
                true
            }
            None => false,
        }) {
            return self.new_str(&text);
        }
        Value::Obj(Object::new(
            self.types.str_.clone(),
            Payload::Str(crate::object::PyStr::from_code_points(points)),
        ))
    }
}

/// The length of builtin containers.
fn builtin_len(o: &ObjRef) -> Option<usize> {
    Some(match &o.payload {
        Payload::Str(s) => s.char_len(),
        Payload::Bytes(b) => b.len(),
        Payload::ByteArray(b) => b.with(|b| b.len()),
        Payload::Tuple(t) => t.len(),
        Payload::List(l) => l.with(|l| l.len()),
        Payload::Dict(d) => d.with(|d| d.len()),
        Payload::Set(s) => s.with(|s| s.len()),
        Payload::FrozenSet(s) => s.len(),
        Payload::Range(r) => match &**r {
            [crate::object::IntValue::Small(a), crate::object::IntValue::Small(b), crate::object::IntValue::Small(c)] => {
                range_len(*a, *b, *c) as usize
            }
            _ => return None,
        },
        _ => return None,
    })
}

/// Number of items of range(start, stop, step).
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && stop > start {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// `seq[i]` position for an in-range int index of a sequence of `len` items.
#[inline]
fn in_range(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

impl Vm {
    /// `obj[key]` for an exact list or tuple and an in-range int: the item, without the
    /// general protocol. `None` for everything else (including errors, which the general
    /// path reports).
    #[inline]
    pub fn exact_sequence_item(&self, obj: &Value, key: &Value) -> Option<Value> {
        let (Value::Obj(o), &Value::Int(i)) = (obj, key) else {
            return None;
        };
        match &o.payload {
            Payload::List(l) if Rc::ptr_eq(o.class(), &self.types.list) => {
                l.with(|v| in_range(i, v.len()).map(|k| v[k].clone()))
            }
            Payload::Tuple(t) if Rc::ptr_eq(o.class(), &self.types.tuple) => {
                in_range(i, t.len()).map(|k| t[k].clone())
            }
            _ => None,
        }
    }

    /// `obj[key] = value` for an exact list and an in-range int: `Ok` with the replaced
    /// item (for the caller to drop after the list's borrow ended), else `Err(value)`
    /// back for the general path.
    #[inline]
    pub fn set_exact_list_item(
        &self,
        obj: &Value,
        key: &Value,
        value: Value,
    ) -> Result<Value, Value> {
        let (Value::Obj(o), &Value::Int(i)) = (obj, key) else {
            return Err(value);
        };
        match &o.payload {
            Payload::List(l) if Rc::ptr_eq(o.class(), &self.types.list) => {
                l.with_mut(|v| match in_range(i, v.len()) {
                    Some(k) => Ok(std::mem::replace(&mut v[k], value)),
                    None => Err(value),
                })
            }
            _ => Err(value),
        }
    }
}
