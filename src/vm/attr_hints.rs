//! Attribute hints: what LOAD_ATTR, STORE_ATTR and LOAD_METHOD last found for a name on
//! an instance, so the next access on an instance of the same class reads or writes one
//! dict entry, or takes the method, without walking the class attribute lookup (the role
//! of CPython 3.11's LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE and
//! LOAD_METHOD_WITH_VALUES specialisations).
//!
//! Each code object keeps one hint per `co_names` entry. A hint is a guess checked on
//! every use, so nothing can make it give a wrong answer:
//! - it names the class it was made for (its address) and the type attribute cache's
//!   epoch (`object::method_cache`) at that time. Any change to any class dict or MRO,
//!   and the freeing of any class, bumps the epoch, so while both match, the class-level
//!   facts the hint recorded still hold: no `__getattribute__`/`__setattr__` hook, no
//!   data descriptor for the name, and (for a method) the function the name finds.
//! - an instance-dict hint also names the entry position where the name was found; the
//!   entry must still hold this very name object (another layout, a deletion or a resize
//!   fails the check, and the instance dict is probed as usual).
//! - a method hint holds the function weakly (the class dict owns it) and applies only
//!   while the instance dict does not shadow the name.
//!
//! Trade-offs: one hint per name, not per instruction, and its table allocated on first
//! use, keep code objects small. A hint remembers up to four classes (code shared by
//! subclasses); a fifth class replaces the oldest, and accesses on it take the full
//! lookup, which is still correct.

use super::attr::instance_dict;
use super::{PyResult, Vm};
use crate::object::dict::Probe;
use crate::object::{method_cache, ObjRef, Object, Payload, PyCell, Value};
use std::rc::{Rc, Weak};

/// How many classes one hint remembers: code shared by subclasses (a base class method
/// called on instances of four task classes) keeps hitting.
const WAYS: usize = 4;

/// What attribute accesses of one name found on instances of up to `WAYS` classes,
/// allocated on first use (most names are never an attribute).
#[derive(Default)]
pub struct AttrHint {
    ways: Option<Box<[Way; WAYS]>>,
}

/// What an attribute access on an instance of one class found (see the module doc).
#[derive(Default)]
enum Way {
    #[default]
    Empty,
    /// The class keeps attribute values in the instance dict and nothing at class level
    /// intercepts this name; the value was last at dict entry `entry` (`usize::MAX`:
    /// not in the dict, e.g. a class attribute read through the instance).
    InstanceDict {
        class: usize,
        epoch: u64,
        entry: usize,
    },
    /// The name finds this plain function (or builtin method) on the class.
    Method {
        class: usize,
        epoch: u64,
        func: Weak<Object>,
    },
    /// Nothing to shortcut for instances of this class (hooks, descriptors, no dict).
    Uncacheable { class: usize, epoch: u64 },
}

impl Way {
    /// The class and epoch this way was recorded for.
    fn key(&self) -> Option<(usize, u64)> {
        match self {
            Way::Empty => None,
            Way::InstanceDict { class, epoch, .. }
            | Way::Method { class, epoch, .. }
            | Way::Uncacheable { class, epoch } => Some((*class, *epoch)),
        }
    }
}

impl AttrHint {
    /// What `f` makes of the way recorded for `class` at `epoch`, if there is one.
    #[inline]
    fn find<R>(&self, class: usize, epoch: u64, f: impl FnOnce(&Way) -> Option<R>) -> Option<R> {
        let ways = self.ways.as_ref()?;
        let way = ways.iter().find(|w| w.key() == Some((class, epoch)))?;
        f(way)
    }

    /// Records `way`: over the way of the same class, else an empty or outdated one,
    /// else over the oldest (the others move down).
    fn record(&mut self, way: Way, epoch: u64) {
        let Some(key) = way.key() else {
            return;
        };
        let ways = self.ways.get_or_insert_with(Default::default);
        let at = ways
            .iter()
            .position(|w| w.key().is_none_or(|(c, e)| c == key.0 || e != epoch));
        match at {
            Some(i) => ways[i] = way,
            None => {
                ways.rotate_right(1);
                ways[0] = way;
            }
        }
    }
}

pub type AttrHints = Box<[PyCell<AttrHint>]>;

/// One empty hint per name.
pub fn hints_for(names: usize) -> AttrHints {
    (0..names)
        .map(|_| PyCell::new(AttrHint::default()))
        .collect()
}

fn addr(o: &ObjRef) -> usize {
    Rc::as_ptr(o) as usize
}

/// An instance whose attributes go through `object.__getattribute__`'s generic path
/// (not a type, module or `super` object, which have their own).
fn plain_instance(o: &ObjRef) -> bool {
    !matches!(
        o.payload,
        Payload::Type(_) | Payload::Module(_) | Payload::Super(_)
    )
}

/// The instance-dict entry `hint` names for instances of the class at `class`, if it
/// has a way for that class valid in `epoch`.
#[inline]
fn instance_dict_entry(hint: &PyCell<AttrHint>, class: usize, epoch: u64) -> Option<usize> {
    hint.with(|h| {
        h.find(class, epoch, |w| match w {
            Way::InstanceDict { entry, .. } => Some(*entry),
            _ => None,
        })
    })
}

/// LOAD_ATTR's fast path: the value of `name` in `obj`'s instance dict, when `hint` has a
/// way for `obj`'s class that names the dict entry and the entry still holds `name`.
/// `None` means nothing is known: take `Vm::load_attr_hinted`.
#[inline]
pub fn instance_attr_by_hint(hint: &PyCell<AttrHint>, obj: &Value, name: &ObjRef) -> Option<Value> {
    let Value::Obj(o) = obj else {
        return None;
    };
    let class = addr(o.class());
    let epoch = method_cache::epoch();
    let entry = instance_dict_entry(hint, class, epoch)?;
    dict_entry_value(o, entry, name)
}

/// STORE_ATTR's fast path, for an instance that has its dict already: when `hint` has a
/// way for `obj`'s class, the value goes in the entry it names if that still holds
/// `name`, else wherever one native probe finds or places the name (and the way is
/// updated). Returns the replaced value, if any, for the caller to drop. `Err` hands
/// `value` back: take `Vm::store_attr_hinted`.
#[inline]
pub fn store_instance_attr_by_hint(
    vm: &Vm,
    hint: &PyCell<AttrHint>,
    obj: &Value,
    name: &ObjRef,
    value: Value,
) -> Result<Option<Value>, Value> {
    // A fresh instance (no dict yet) is the common miss: it is told first.
    let Some(dict) = obj.as_obj().and_then(instance_dict) else {
        return Err(value);
    };
    let Payload::Dict(cell) = &dict.payload else {
        return Err(value);
    };
    let class = obj.as_obj().map_or(0, |o| addr(o.class()));
    let epoch = method_cache::epoch();
    let Some(entry) = instance_dict_entry(hint, class, epoch) else {
        return Err(value);
    };
    let value = cell.with_mut(|d| {
        let hit = matches!(d.entry_at(entry),
            Some(e) if matches!(&e.key, Value::Obj(k) if Rc::ptr_eq(k, name)));
        if hit {
            Ok(d.set_value(entry, value))
        } else {
            Err(value)
        }
    });
    let value = match value {
        Ok(old) => return Ok(Some(old)),
        Err(value) => value,
    };
    let entry = place_name(vm, &dict, name, value)?;
    let way = Way::InstanceDict {
        class,
        epoch,
        entry,
    };
    hint.with_mut(|h| h.record(way, epoch));
    Ok(None)
}

/// The value at entry `entry` of `o`'s instance dict, if that entry holds `name`.
#[inline]
fn dict_entry_value(o: &ObjRef, entry: usize, name: &ObjRef) -> Option<Value> {
    let dict = instance_dict(o)?;
    let Payload::Dict(cell) = &dict.payload else {
        return None;
    };
    cell.with(|d| {
        let e = d.entry_at(entry)?;
        match &e.key {
            Value::Obj(k) if Rc::ptr_eq(k, name) => Some(e.value.clone()),
            _ => None,
        }
    })
}

/// The position and value of `name` (by identity or str equality) in `dict`.
fn find_name(vm: &Vm, dict: &ObjRef, name: &ObjRef) -> Option<(usize, Value)> {
    let (Payload::Dict(cell), Payload::Str(s)) = (&dict.payload, &name.payload) else {
        return None;
    };
    let hash = s.hash(vm.str_hash);
    let key = Value::Obj(name.clone());
    cell.with(
        |d| match d.find(&key, hash, &mut super::mapping::native_eq) {
            Probe::Found { entry, .. } => Some((entry, d.entry(entry).value.clone())),
            _ => None,
        },
    )
}

/// Stores `value` under `name` in the instance dict `dict` with one native probe: over
/// the entry holding the name, or appended when the name is absent. Returns the entry,
/// or hands `value` back when the probe needs Python (a key with its own `__eq__`), for
/// `dict_set`.
fn place_name(vm: &Vm, dict: &ObjRef, name: &ObjRef, value: Value) -> Result<usize, Value> {
    let (Payload::Dict(cell), Payload::Str(s)) = (&dict.payload, &name.payload) else {
        return Err(value);
    };
    let hash = s.hash(vm.str_hash);
    let key = Value::Obj(name.clone());
    // The replaced value is dropped after the borrow ends (its destructor may run Python).
    let placed = cell.with_mut(|d| {
        // A str's hash never changes, so a hash no key has proves the name absent.
        let probe = if d.may_hold_hash(hash) {
            d.find(&key, hash, &mut super::mapping::native_eq)
        } else {
            Probe::Absent
        };
        match probe {
            Probe::Found { entry, .. } => Ok((entry, Some(d.set_value(entry, value)))),
            Probe::Absent if !d.python2_layout() => {
                let entry = d.positions();
                d.insert_new(key.clone(), hash, value);
                Ok((entry, None))
            }
            Probe::Absent => {
                // 2.x's layout keeps entries in the index slots: found again after.
                d.insert_new(key.clone(), hash, value);
                match d.find(&key, hash, &mut super::mapping::native_eq) {
                    Probe::Found { entry, .. } => Ok((entry, None)),
                    _ => Ok((usize::MAX, None)),
                }
            }
            _ => Err(value),
        }
    });
    placed.map(|(entry, _old)| entry)
}

impl Vm {
    /// LOAD_ATTR of `name` on `obj`, through and then updating `hint`.
    pub fn load_attr_hinted(
        &mut self,
        hint: &PyCell<AttrHint>,
        obj: &Value,
        name: &ObjRef,
    ) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            let class = addr(o.class());
            let epoch = method_cache::epoch();
            let known = instance_dict_entry(hint, class, epoch);
            if let Some(entry) = known {
                if let Some(v) = dict_entry_value(o, entry, name) {
                    return Ok(v);
                }
                // Same class, another dict layout: probe the dict, remember where.
                if let Some((entry, v)) = instance_dict(o).and_then(|d| find_name(self, &d, name)) {
                    let way = Way::InstanceDict {
                        class,
                        epoch,
                        entry,
                    };
                    hint.with_mut(|h| h.record(way, epoch));
                    return Ok(v);
                }
                return self.get_attr(obj, name);
            }
        }
        let v = self.get_attr(obj, name)?;
        self.note_instance_attr(hint, obj, name);
        Ok(v)
    }

    /// STORE_ATTR of `name` on `obj`, through and then updating `hint`.
    pub fn store_attr_hinted(
        &mut self,
        hint: &PyCell<AttrHint>,
        obj: &Value,
        name: &ObjRef,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            let class = addr(o.class());
            let epoch = method_cache::epoch();
            let known = instance_dict_entry(hint, class, epoch);
            if let Some(entry) = known {
                // The class lets `object.__setattr__` store into the instance dict.
                if let Some(dict) = self.ensure_instance_dict(o) {
                    let Payload::Dict(cell) = &dict.payload else {
                        return self.set_attr(obj, name, value);
                    };
                    let mut value = Some(value);
                    // The old value is dropped after the borrow ends (its destructor may
                    // run Python code).
                    let old = cell.with_mut(|d| {
                        let hit = matches!(d.entry_at(entry),
                            Some(e) if matches!(&e.key, Value::Obj(k) if Rc::ptr_eq(k, name)));
                        if hit {
                            value.take().map(|v| d.set_value(entry, v))
                        } else {
                            None
                        }
                    });
                    drop(old);
                    if let Some(value) = value {
                        // Another entry: one probe finds or places the name natively.
                        let value = match place_name(self, &dict, name, value) {
                            Ok(entry) => {
                                let way = Way::InstanceDict {
                                    class,
                                    epoch,
                                    entry,
                                };
                                hint.with_mut(|h| h.record(way, epoch));
                                return Ok(());
                            }
                            Err(value) => value,
                        };
                        self.dict_set(&dict, Value::Obj(name.clone()), value)?;
                        if let Some((entry, _)) = find_name(self, &dict, name) {
                            let way = Way::InstanceDict {
                                class,
                                epoch,
                                entry,
                            };
                            hint.with_mut(|h| h.record(way, epoch));
                        }
                    }
                    return Ok(());
                }
            }
        }
        self.set_attr(obj, name, value)?;
        self.note_instance_attr(hint, obj, name);
        Ok(())
    }

    /// Records in `hint` whether attribute `name` of `obj`'s class can be read and
    /// written straight in the instance dict, and where it sits there.
    fn note_instance_attr(&mut self, hint: &PyCell<AttrHint>, obj: &Value, name: &ObjRef) {
        let Value::Obj(o) = obj else {
            return;
        };
        let class_ = o.class().clone();
        let class = addr(&class_);
        let epoch = method_cache::epoch();
        let skip = hint.with(|h| {
            h.find(class, epoch, |w| {
                matches!(w, Way::Uncacheable { .. }).then_some(())
            })
            .is_some()
        });
        if skip {
            return;
        }
        let cacheable = plain_instance(o)
            && o.has_dict()
            && self.type_data(&class_).instance_dict
            && !self.has_custom_getattribute(&class_)
            && !self.has_custom_setattr(&class_)
            && self
                .lookup_in_mro(&class_, name)
                .is_none_or(|d| !self.is_data_descriptor(&d));
        // Looking the hooks up may have filled the type attribute cache, never changed a
        // class: the epoch read above still holds.
        let way = if cacheable {
            let entry = instance_dict(o)
                .and_then(|d| find_name(self, &d, name))
                .map_or(usize::MAX, |(entry, _)| entry);
            Way::InstanceDict {
                class,
                epoch,
                entry,
            }
        } else {
            Way::Uncacheable { class, epoch }
        };
        hint.with_mut(|h| h.record(way, epoch));
    }

    /// The method `name` of `obj` through `hint`: the function found on the class, when
    /// the hint still applies and the instance dict does not shadow it.
    pub fn method_by_hint(
        &mut self,
        hint: &PyCell<AttrHint>,
        obj: &Value,
        name: &ObjRef,
    ) -> Option<Value> {
        let Value::Obj(o) = obj else {
            return None;
        };
        let class = addr(o.class());
        let epoch = method_cache::epoch();
        let func = hint.with(|h| {
            h.find(class, epoch, |w| match w {
                Way::Method { func, .. } => func.upgrade(),
                _ => None,
            })
        })?;
        if let Some(d) = instance_dict(o) {
            if self.dict_get_name(&d, name).is_some() {
                return None;
            }
        }
        Some(Value::Obj(func))
    }

    /// Records that `name` on instances of `obj`'s class finds the method `func`.
    pub fn note_method(&mut self, hint: &PyCell<AttrHint>, obj: &Value, func: &Value) {
        if let (Value::Obj(o), Value::Obj(f)) = (obj, func) {
            let epoch = method_cache::epoch();
            let way = Way::Method {
                class: addr(o.class()),
                epoch,
                func: Rc::downgrade(f),
            };
            hint.with_mut(|h| h.record(way, epoch));
        }
    }
}
