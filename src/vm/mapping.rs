//! Hashing, key equality, and dict/set access on top of the raw tables in `object`.
//!
//! Equality of keys is decided natively when both sides are builtin values (ints,
//! floats, strs, tuples of those...), and by calling `__eq__` otherwise — always with no
//! borrow of the table held, resuming the probe afterwards (see `object::set`).

use super::{PyResult, Vm};
use crate::object::dict::{DictEntry, Probe as DictProbe};
use crate::object::hash::{hash_tuple_legacy, hash_tuple_xx};
use crate::object::set::{Eq, Probe as SetProbe};
use crate::object::{ObjRef, Payload, Value};

/// Native equality for keys: decides without running Python code when it can.
pub fn native_eq(a: &Value, b: &Value) -> Eq {
    native_eq_depth(a, b, 0)
}

/// Nested tuples deeper than this are compared through the general path, which checks
/// the stack.
const NATIVE_EQ_DEPTH: u32 = 1000;

fn native_eq_depth(a: &Value, b: &Value, depth: u32) -> Eq {
    if depth > NATIVE_EQ_DEPTH {
        return Eq::Unknown;
    }
    use Value::*;
    let yes = |c: bool| if c { Eq::Equal } else { Eq::Different };
    match (a, b) {
        (Int(x), Int(y)) => yes(x == y),
        (Float(x), Float(y)) => yes(x.get() == y.get()),
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            let y = y.get();
            yes((*x as f64) == y && (y as i64) == *x)
        }
        (Bool(x), Bool(y)) => yes(x == y),
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => yes(*x as i64 == *y),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => yes(*x as i64 as f64 == y.get()),
        (None, None) => Eq::Equal,
        (Obj(x), Obj(y)) => {
            if std::rc::Rc::ptr_eq(x, y) {
                return Eq::Equal;
            }
            if !is_exact_builtin(x) || !is_exact_builtin(y) {
                return Eq::Unknown;
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) => yes(s.eq_contents(t)),
                (Payload::Bytes(s), Payload::Bytes(t)) => yes(s == t),
                (Payload::Tuple(s), Payload::Tuple(t)) => {
                    if s.len() != t.len() {
                        return Eq::Different;
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        match native_eq_depth(p, q, depth + 1) {
                            Eq::Equal => {}
                            other => return other,
                        }
                    }
                    Eq::Equal
                }
                (Payload::Int(_), _) | (_, Payload::Int(_)) => Eq::Unknown,
                (p, q) if std::mem::discriminant(p) != std::mem::discriminant(q) => {
                    // Different representations can still be equal (set == frozenset,
                    // bytes == bytearray, dict view == set); only known-disjoint kinds
                    // are decided here.
                    match (eq_family(p), eq_family(q)) {
                        (Some(a), Some(b)) if a != b => Eq::Different,
                        _ => Eq::Unknown,
                    }
                }
                _ => Eq::Unknown,
            }
        }
        (Obj(o), _) | (_, Obj(o)) => {
            // A builtin str/tuple/... never equals a number or None; anything else might.
            if is_exact_builtin(o)
                && !matches!(
                    o.payload,
                    Payload::Int(_) | Payload::Float(_) | Payload::Complex(..)
                )
            {
                Eq::Different
            } else {
                Eq::Unknown
            }
        }
        _ => Eq::Different,
    }
}

/// Which builtin payloads can compare equal to each other (same family) natively.
fn eq_family(p: &Payload) -> Option<u8> {
    Some(match p {
        Payload::Str(_) => 1,
        Payload::Bytes(_) | Payload::ByteArray(_) => 2,
        Payload::Tuple(_) => 3,
        Payload::List(_) => 4,
        Payload::Dict(_) => 5,
        Payload::Set(_) | Payload::FrozenSet(_) => 6,
        Payload::Range(_) => 7,
        _ => return None,
    })
}

/// True for instances of builtin (non-heap) types, whose equality the runtime knows.
fn is_exact_builtin(o: &ObjRef) -> bool {
    match &o.class().payload {
        Payload::Type(t) => !t.is_heap,
        _ => false,
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            // Below 2**61 - 1 in magnitude an int is its own hash (-1 excepted) in every
            // version; beyond, 3.x reduces it and 2.x keeps it.
            Value::Int(i) if i.unsigned_abs() < crate::object::hash::MODULUS => {
                Ok(if *i == -1 { -2 } else { *i })
            }
            Value::Int(i) => Ok(crate::builtins::int::int_hash_value(
                self,
                &crate::vm::ops::IntRef::Small(*i),
            )),
            Value::Bool(b) => Ok(*b as i64),
            Value::Float(f) => Ok(crate::builtins::float::float_hash_value(self, f.get(), v)),
            Value::None | Value::Null => Ok(0xFCA8_6420_i64 ^ 0x1000),
            Value::Obj(o) => self.hash_object(o, v),
        }
    }

    fn hash_object(&mut self, o: &ObjRef, v: &Value) -> PyResult<i64> {
        self.check_stack("")?;
        if is_exact_builtin(o) {
            match &o.payload {
                Payload::Str(s) => return Ok(s.hash(self.str_hash)),
                Payload::Bytes(b) => return Ok(crate::object::hash::hash_bytes(b, self.str_hash)),
                Payload::Tuple(items) => {
                    let mut hashes = Vec::with_capacity(items.len());
                    for item in items.iter() {
                        hashes.push(self.hash(item)?);
                    }
                    return Ok(if super::flavour::tuple_hash_is_xxhash(self.version) {
                        hash_tuple_xx(&hashes)
                    } else {
                        hash_tuple_legacy(&hashes)
                    });
                }
                Payload::Int(crate::object::IntValue::Small(i)) => {
                    return Ok(crate::builtins::int::int_hash_value(
                        self,
                        &crate::vm::ops::IntRef::Small(*i),
                    ))
                }
                Payload::Int(crate::object::IntValue::Big(b)) => {
                    return Ok(crate::builtins::int::int_hash_value(
                        self,
                        &crate::vm::ops::IntRef::Big(b),
                    ))
                }
                Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::ByteArray(_) => {
                    return Err(self.unhashable(v));
                }
                _ => {}
            }
        }
        self.hash_slow(v)
    }

    /// `TypeError: unhashable type: 'list'`.
    pub fn unhashable(&self, v: &Value) -> super::PyErr {
        let name = self.type_name(v);
        self.type_error(&format!("unhashable type: '{name}'"))
    }

    /// The `__name__` of a value's type.
    pub fn type_name(&self, v: &Value) -> std::rc::Rc<str> {
        match &self.class_of(v).payload {
            Payload::Type(t) => t.name(),
            _ => std::rc::Rc::from("?"),
        }
    }

    /// Looks `key` up in a dict object's table.
    pub fn dict_get(&mut self, dict: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        self.dict_get_hashed(dict, key, hash)
    }

    pub fn dict_get_hashed(
        &mut self,
        dict: &ObjRef,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<Value>> {
        let Payload::Dict(cell) = &dict.payload else {
            return Ok(None);
        };
        let mut probe = cell.with(|d| d.find(key, hash, &mut native_eq));
        loop {
            match probe {
                DictProbe::Found { entry, .. } => {
                    return Ok(Some(cell.with(|d| d.entry(entry).value.clone())))
                }
                DictProbe::Absent => return Ok(None),
                DictProbe::Ask { candidate, state } => {
                    let equal = self.eq(&candidate, key)?;
                    probe = match cell.with(|d| d.resume(key, hash, state, equal, &mut native_eq)) {
                        Some(p) => p,
                        None => cell.with(|d| d.find(key, hash, &mut native_eq)),
                    };
                }
            }
        }
    }

    /// Finds `key`, asking Python for equality where needed. Returns (slot, entry).
    fn dict_locate(
        &mut self,
        dict: &ObjRef,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<(usize, usize)>> {
        let Payload::Dict(cell) = &dict.payload else {
            return Ok(None);
        };
        let mut probe = cell.with(|d| d.find(key, hash, &mut native_eq));
        loop {
            match probe {
                DictProbe::Found { slot, entry } => return Ok(Some((slot, entry))),
                DictProbe::Absent => return Ok(None),
                DictProbe::Ask { candidate, state } => {
                    let equal = self.eq(&candidate, key)?;
                    probe = match cell.with(|d| d.resume(key, hash, state, equal, &mut native_eq)) {
                        Some(p) => p,
                        None => cell.with(|d| d.find(key, hash, &mut native_eq)),
                    };
                }
            }
        }
    }

    /// `dict[key] = value`.
    pub fn dict_set(&mut self, dict: &ObjRef, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        self.dict_set_hashed(dict, key, hash, value)
    }

    pub fn dict_set_hashed(
        &mut self,
        dict: &ObjRef,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        let Payload::Dict(cell) = &dict.payload else {
            return Err(self.system_error("dict_set on a non-dict"));
        };
        let found = self.dict_locate(dict, &key, hash)?;
        // The old value is dropped after the borrow ends: its destructor may run Python.
        let _old = cell.with_mut(|d| match found {
            Some((_, entry)) => Some(d.set_value(entry, value)),
            None => {
                d.insert_new(key, hash, value);
                None
            }
        });
        Ok(())
    }

    /// `del dict[key]`; returns the removed value, or None when absent.
    pub fn dict_remove(&mut self, dict: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let Payload::Dict(cell) = &dict.payload else {
            return Ok(None);
        };
        match self.dict_locate(dict, key, hash)? {
            Some((slot, entry)) => {
                let (_k, v) = cell.with_mut(|d| d.remove(slot, entry));
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    /// Looks up an interned name (a str object) in a namespace dict: the hot path of
    /// global and attribute lookups.
    #[inline]
    pub fn dict_get_name(&mut self, dict: &ObjRef, name: &ObjRef) -> Option<Value> {
        let Payload::Dict(cell) = &dict.payload else {
            return None;
        };
        let Payload::Str(s) = &name.payload else {
            return None;
        };
        let hash = s.hash(self.str_hash);
        // A name whose hash no key has is absent: no probe (a method call's check that
        // the instance dict does not shadow the method usually ends here).
        if !cell.with(|d| d.may_hold_hash(hash)) {
            return None;
        }
        let key = Value::Obj(name.clone());
        cell.with(|d| match d.find(&key, hash, &mut native_eq) {
            DictProbe::Found { entry, .. } => Some(d.entry(entry).value.clone()),
            // A namespace key with a Python-level __eq__ that matches a str is
            // exotic; treat it as absent rather than run Python here.
            _ => None,
        })
    }

    /// A snapshot of a dict's live entries (for iteration helpers that call Python).
    pub fn dict_items(&self, dict: &ObjRef) -> Vec<DictEntry> {
        match &dict.payload {
            Payload::Dict(cell) => cell.with(|d| d.iter().cloned().collect()),
            _ => Vec::new(),
        }
    }

    /// Adds `key` to a set's table; returns whether it was new.
    pub fn set_add(&mut self, set: &ObjRef, key: Value) -> PyResult<bool> {
        let hash = self.hash(&key)?;
        let cell = match &set.payload {
            Payload::Set(cell) => cell,
            _ => return Err(self.system_error("set_add on a non-set")),
        };
        let mut probe = cell.with(|s| s.find(&key, hash, &mut native_eq));
        loop {
            match probe {
                SetProbe::Found(_) => return Ok(false),
                SetProbe::Absent { slot, dummy } => {
                    cell.with_mut(|s| s.insert_at(slot, dummy, key, hash));
                    return Ok(true);
                }
                SetProbe::Ask { candidate, state } => {
                    let equal = self.eq(&candidate, &key)?;
                    probe = match cell.with(|s| s.resume(&key, hash, state, equal, &mut native_eq))
                    {
                        Some(p) => p,
                        None => cell.with(|s| s.find(&key, hash, &mut native_eq)),
                    };
                }
            }
        }
    }
}

impl Vm {
    /// `d.update(other)` for a dict `d`: from a mapping (keys() + getitem) or from an
    /// iterable of pairs.
    pub fn dict_update_from(&mut self, d: &Value, other: &Value) -> PyResult<()> {
        let Value::Obj(dict) = d else {
            return Err(self.system_error("dict update target"));
        };
        for (k, v) in self.mapping_items(other)? {
            self.dict_set(dict, k, v)?;
        }
        Ok(())
    }

    /// The (key, value) pairs of a mapping: a dict directly, else `keys()` and `[]`.
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Value::Obj(o) = m {
            if let Payload::Dict(_) = &o.payload {
                if !self.type_data(o.class()).is_heap {
                    return Ok(self
                        .dict_items(o)
                        .into_iter()
                        .map(|e| (e.key, e.value))
                        .collect());
                }
            }
        }
        let keys_name = self.names.keys.clone();
        let Some(keys) = self.get_attr_opt(m, &keys_name)? else {
            return Err(
                self.type_error(&format!("'{}' object is not a mapping", self.type_name(m)))
            );
        };
        let keys = self.call(&keys, crate::object::Args::positional(&[]))?;
        let mut out = Vec::new();
        for k in self.collect(&keys)? {
            let v = self.getitem(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    /// `key in s` for a set or frozenset.
    pub fn set_contains(&mut self, s: &ObjRef, key: &Value) -> PyResult<bool> {
        let hash = self.hash(key)?;
        loop {
            let probe = match &s.payload {
                Payload::Set(cell) => cell.with(|t| t.find(key, hash, &mut native_eq)),
                Payload::FrozenSet(t) => t.find(key, hash, &mut native_eq),
                _ => return Ok(false),
            };
            let mut probe = probe;
            loop {
                match probe {
                    SetProbe::Found(_) => return Ok(true),
                    SetProbe::Absent { .. } => return Ok(false),
                    SetProbe::Ask { candidate, state } => {
                        let equal = self.eq(&candidate, key)?;
                        let resumed = match &s.payload {
                            Payload::Set(cell) => {
                                cell.with(|t| t.resume(key, hash, state, equal, &mut native_eq))
                            }
                            Payload::FrozenSet(t) => {
                                t.resume(key, hash, state, equal, &mut native_eq)
                            }
                            _ => None,
                        };
                        match resumed {
                            Some(p) => probe = p,
                            None => break,
                        }
                    }
                }
            }
        }
    }

    /// Whether `iter(v)` would succeed (without calling anything).
    pub fn is_iterable(&mut self, v: &Value) -> bool {
        if let Some(p) = v.payload() {
            if matches!(
                p,
                Payload::List(_)
                    | Payload::Tuple(_)
                    | Payload::Str(_)
                    | Payload::Bytes(_)
                    | Payload::Dict(_)
                    | Payload::Set(_)
                    | Payload::FrozenSet(_)
                    | Payload::Range(_)
                    | Payload::Iter(_)
                    | Payload::Generator(_)
            ) {
                return true;
            }
        }
        let class_ = self.class_of(v).clone();
        let (it, gi) = (self.names.__iter__.clone(), self.names.__getitem__.clone());
        self.lookup_in_mro(&class_, &it).is_some() || self.lookup_in_mro(&class_, &gi).is_some()
    }
}
