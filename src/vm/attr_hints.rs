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

use super::attr::{instance_dict, PayloadStr};
use super::{PyResult, Vm};
use crate::object::dict::Probe;
use crate::object::{method_cache, ObjRef, Object, Payload, Value};
use std::cell::UnsafeCell;
use std::rc::{Rc, Weak};

/// How many classes one hint remembers: code shared by subclasses (a base class method
/// called on instances of four task classes) keeps hitting.
const WAYS: usize = 4;

/// What attribute accesses of one name found on instances of up to `WAYS` classes,
/// allocated on first use (most names are never an attribute).
///
/// The ways sit in an `UnsafeCell`, not a `PyCell`: every access happens inside one of
/// the methods below, which hand out copies (an entry position, a strong reference),
/// never a reference into the ways, and call nothing that could reach a hint (dropping
/// a replaced way drops at most a `Weak`, which frees memory and runs no Python code).
/// So no two accesses ever overlap, and the hot read skips a borrow flag.
#[derive(Default)]
pub struct AttrHint {
    ways: UnsafeCell<Option<Box<[Way; WAYS]>>>,
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
    /// The way recorded for `class` at `epoch`, if there is one, made into `R` by `f`.
    #[inline]
    fn find<R>(&self, class: usize, epoch: u64, f: fn(&Way) -> Option<R>) -> Option<R> {
        // SAFETY: see the type's doc: no reference into the ways exists outside this
        // method and `record`, and `f` (a plain function of the way, given by this
        // module) cannot reach this hint.
        let ways = unsafe { &*self.ways.get() }.as_ref()?;
        let way = ways.iter().find(|w| w.key() == Some((class, epoch)))?;
        f(way)
    }

    /// The instance-dict entry recorded for instances of `class`, if the hint has such
    /// a way valid in `epoch`.
    #[inline]
    fn instance_dict_entry(&self, class: usize, epoch: u64) -> Option<usize> {
        self.find(class, epoch, |w| match w {
            Way::InstanceDict { entry, .. } => Some(*entry),
            _ => None,
        })
    }

    /// The method recorded for instances of `class` in `epoch`, if it is still alive.
    #[inline]
    fn method(&self, class: usize, epoch: u64) -> Option<ObjRef> {
        self.find(class, epoch, |w| match w {
            Way::Method { func, .. } => func.upgrade(),
            _ => None,
        })
    }

    /// Whether the hint knows instances of `class` cannot be shortcut in `epoch`.
    fn uncacheable(&self, class: usize, epoch: u64) -> bool {
        self.find(class, epoch, |w| {
            matches!(w, Way::Uncacheable { .. }).then_some(())
        })
        .is_some()
    }

    /// Records that instances of `class` keep the name at instance-dict entry `at`,
    /// unless that is the entry `known` already recorded.
    #[inline]
    fn entry_moved(&self, class: usize, epoch: u64, known: usize, at: usize) {
        if at != known {
            let way = Way::InstanceDict {
                class,
                epoch,
                entry: at,
            };
            self.record(way, epoch);
        }
    }

    /// Records `way`: over the way of the same class, else an empty or outdated one,
    /// else over the oldest (the others move down).
    fn record(&self, way: Way, epoch: u64) {
        let Some(key) = way.key() else {
            return;
        };
        // SAFETY: see the type's doc: no other reference into the ways exists while
        // this one does, and nothing here can reach this hint again.
        let ways = unsafe { &mut *self.ways.get() }.get_or_insert_with(Default::default);
        let at = ways
            .iter()
            .position(|w| w.key().is_none_or(|(c, e)| c == key.0 || e != epoch));
        // The replaced way is dropped after the slot is consistent again.
        let _old = match at {
            Some(i) => std::mem::replace(&mut ways[i], way),
            None => {
                ways.rotate_right(1);
                std::mem::replace(&mut ways[0], way)
            }
        };
    }
}

pub type AttrHints = Box<[AttrHint]>;

/// One empty hint per name.
pub fn hints_for(names: usize) -> AttrHints {
    (0..names).map(|_| AttrHint::default()).collect()
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

/// LOAD_ATTR's fast path: the value of `name` in `obj`'s instance dict, when `hint` has a
/// way for `obj`'s class that names the dict entry and the entry still holds `name`.
/// `None` means nothing is known: take `Vm::load_attr_hinted`.
#[inline]
pub fn instance_attr_by_hint(hint: &AttrHint, obj: &Value, name: &ObjRef) -> Option<Value> {
    let Value::Obj(o) = obj else {
        return None;
    };
    let class = addr(o.class());
    let epoch = method_cache::epoch();
    let entry = hint.instance_dict_entry(class, epoch)?;
    o.instance_dict_value_at(entry, name)
}

/// STORE_ATTR's fast path, when `hint` has an instance-dict way for `obj`'s class: the
/// value goes in the entry the way names if that still holds `name`; else it is
/// appended when the dict's key filter proves the name absent (a fresh instance gets
/// its dict first, sized as its class's instances' dicts usually are); else it goes
/// wherever one native probe finds or places the name. The way is updated only when
/// the entry differs. Returns the replaced value, if any, for the caller to drop. `Err`
/// hands `value` back: take `Vm::store_attr_hinted`.
#[inline]
pub fn store_instance_attr_by_hint(
    vm: &Vm,
    hint: &AttrHint,
    obj: &Value,
    name: &ObjRef,
    value: Value,
) -> Result<Option<Value>, Value> {
    let Value::Obj(o) = obj else {
        return Err(value);
    };
    let class_ = o.class();
    let class = addr(class_);
    let epoch = method_cache::epoch();
    let Some(entry) = hint.instance_dict_entry(class, epoch) else {
        return Err(value);
    };
    let dict = match instance_dict(o) {
        Some(d) => d,
        // The way says `object.__setattr__` stores into the instance dict: a fresh
        // instance gets it now.
        None if o.has_dict() => {
            let d = vm.new_instance_dict(class_);
            o.header.replace_dict(Some(d.clone()));
            d
        }
        None => return Err(value),
    };
    let Payload::Dict(cell) = &dict.payload else {
        return Err(value);
    };
    let placed = cell.with_mut(|d| {
        let hit = matches!(d.entry_at(entry),
            Some(e) if matches!(&e.key, Value::Obj(k) if Rc::ptr_eq(k, name)));
        if hit {
            return Ok((entry, Some(d.set_value(entry, value))));
        }
        let Payload::Str(s) = &name.payload else {
            return Err(value);
        };
        let hash = s.hash(vm.str_hash);
        let at = d.append_if_absent(|| Value::Obj(name.clone()), hash, value)?;
        if let Payload::Type(t) = &class_.payload {
            t.note_instance_dict_len(d.len());
        }
        Ok((at, None))
    });
    let (at, old) = match placed {
        Ok(placed) => placed,
        Err(value) => (place_name(vm, &dict, name, value)?, None),
    };
    hint.entry_moved(class, epoch, entry, at);
    Ok(old)
}

/// The position and value of `name` (by identity or str equality) in `dict`.
fn find_name(vm: &Vm, dict: &ObjRef, name: &ObjRef) -> Option<(usize, Value)> {
    let (Payload::Dict(cell), Payload::Str(s)) = (&dict.payload, &name.payload) else {
        return None;
    };
    let hash = s.hash(vm.str_hash);
    cell.with(|d| {
        // A str's hash never changes, so a hash no key has proves the name absent.
        if !d.may_hold_hash(hash) {
            return None;
        }
        let key = Value::Obj(name.clone());
        match d.find(&key, hash, &mut super::mapping::native_eq) {
            Probe::Found { entry, .. } => Some((entry, d.entry(entry).value.clone())),
            _ => None,
        }
    })
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
        hint: &AttrHint,
        obj: &Value,
        name: &ObjRef,
    ) -> PyResult<Value> {
        if let Value::Obj(o) = obj {
            let class = addr(o.class());
            let epoch = method_cache::epoch();
            let known = hint.instance_dict_entry(class, epoch);
            if let Some(entry) = known {
                if let Some(v) = o.instance_dict_value_at(entry, name) {
                    return Ok(v);
                }
                // Same class, another dict layout: probe the dict, remember where.
                if let Some((entry, v)) = instance_dict(o).and_then(|d| find_name(self, &d, name)) {
                    let way = Way::InstanceDict {
                        class,
                        epoch,
                        entry,
                    };
                    hint.record(way, epoch);
                    return Ok(v);
                }
                return self.get_attr(obj, name);
            }
        }
        let v = self.get_attr(obj, name)?;
        self.note_instance_attr(hint, obj, name);
        Ok(v)
    }

    /// STORE_ATTR of `name` on `obj`, through and then updating `hint` (after
    /// `store_instance_attr_by_hint` handed the value back).
    pub fn store_attr_hinted(
        &mut self,
        hint: &AttrHint,
        obj: &Value,
        name: &ObjRef,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            let class = addr(o.class());
            let epoch = method_cache::epoch();
            let known = hint.instance_dict_entry(class, epoch);
            // The class lets `object.__setattr__` store into the instance dict, but no
            // native probe could place the name (a key with its own `__eq__`).
            if let (Some(entry), Some(dict)) = (known, self.ensure_instance_dict(o)) {
                self.dict_set(&dict, Value::Obj(name.clone()), value)?;
                if let Some((at, _)) = find_name(self, &dict, name) {
                    hint.entry_moved(class, epoch, entry, at);
                }
                return Ok(());
            }
        }
        self.set_attr(obj, name, value)?;
        self.note_instance_attr(hint, obj, name);
        Ok(())
    }

    /// Records in `hint` whether attribute `name` of `obj`'s class can be read and
    /// written straight in the instance dict, and where it sits there.
    fn note_instance_attr(&mut self, hint: &AttrHint, obj: &Value, name: &ObjRef) {
        let Value::Obj(o) = obj else {
            return;
        };
        let class_ = o.class().clone();
        let class = addr(&class_);
        let epoch = method_cache::epoch();
        if hint.uncacheable(class, epoch) {
            return;
        }
        // A classic instance's `__dict__` and `__class__` have no descriptor: the generic
        // attribute code answers them itself.
        let special = matches!(name.payload_str(), "__dict__" | "__class__");
        let cacheable = plain_instance(o)
            && !special
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
        hint.record(way, epoch);
    }

    /// The method `name` of `obj` through `hint`: the function found on the class, when
    /// the hint still applies and the instance dict does not shadow it.
    pub fn method_by_hint(&mut self, hint: &AttrHint, obj: &Value, name: &ObjRef) -> Option<Value> {
        let Value::Obj(o) = obj else {
            return None;
        };
        let class = addr(o.class());
        let epoch = method_cache::epoch();
        let func = hint.method(class, epoch)?;
        // A hash the dict's key filter has never seen proves the name absent.
        let hash = || match &name.payload {
            Payload::Str(s) => s.hash(self.str_hash),
            _ => -1,
        };
        if o.instance_dict_may_hold(hash) {
            if let Some(d) = instance_dict(o) {
                if self.dict_get_name(&d, name).is_some() {
                    return None;
                }
            }
        }
        Some(Value::Obj(func))
    }

    /// Records that `name` on instances of `obj`'s class finds the method `func`.
    pub fn note_method(&mut self, hint: &AttrHint, obj: &Value, func: &Value) {
        if let (Value::Obj(o), Value::Obj(f)) = (obj, func) {
            let epoch = method_cache::epoch();
            let way = Way::Method {
                class: addr(o.class()),
                epoch,
                func: Rc::downgrade(f),
            };
            hint.record(way, epoch);
        }
    }
}
