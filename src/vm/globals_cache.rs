//! LOAD_GLOBAL's hints: where a global name was last found, so the next load reads one
//! dict entry instead of hashing and probing the globals and then the builtins (the
//! role of CPython 3.11's LOAD_GLOBAL inline cache).
//!
//! Each code object keeps one hint per `co_names` entry. A hint is only a guess that is
//! checked on every use, so no change to a dict can make it give a wrong answer:
//! - found in the globals at entry `i`: entry `i` of the same globals dict must still
//!   hold this very name object (a deleted key or a resize that moved entries fails the
//!   check); its current value is read.
//! - found in the builtins at entry `i`: additionally the globals dict must be in the
//!   state it was when the name was absent from it — same address and same version
//!   (dict versions are unique across all dicts, see `object::dict`).
//!
//! Trade-off: a name that is a different (equal) str object from the dict's key misses
//! the hint every time and takes the full lookup, which is still correct.

use super::Vm;
use crate::object::dict::Probe;
use crate::object::{ObjRef, Payload, Value};
use std::cell::Cell;
use std::rc::Rc;

/// Where a global was last found (see the module doc).
#[derive(Clone, Copy, Default)]
pub struct GlobalHint {
    /// Address of the globals dict the hint is for (0: no hint).
    globals: usize,
    /// Entry position in the globals, or in the builtins when `builtins` is not 0.
    entry: usize,
    /// Address of the builtins dict for a builtin, else 0.
    builtins: usize,
    /// The globals' version when the name was found absent from them (builtins only).
    globals_version: u64,
}

pub type GlobalHints = Box<[Cell<GlobalHint>]>;

/// One empty hint per name.
pub fn hints_for(names: usize) -> GlobalHints {
    (0..names)
        .map(|_| Cell::new(GlobalHint::default()))
        .collect()
}

fn addr(o: &ObjRef) -> usize {
    Rc::as_ptr(o) as usize
}

/// The value of `name` at entry `entry` of `dict`, if that entry still holds this name.
#[inline]
fn read_entry(dict: &ObjRef, entry: usize, name: &ObjRef) -> Option<Value> {
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

fn version_of(dict: &ObjRef) -> Option<u64> {
    match &dict.payload {
        Payload::Dict(cell) => Some(cell.with(|d| d.version)),
        _ => None,
    }
}

impl Vm {
    /// The global `name` through its hint, or `None` when the hint does not apply.
    #[inline]
    pub fn global_by_hint(
        &self,
        hint: &Cell<GlobalHint>,
        globals: &ObjRef,
        builtins: &ObjRef,
        name: &ObjRef,
    ) -> Option<Value> {
        let h = hint.get();
        if h.globals != addr(globals) {
            return None;
        }
        if h.builtins == 0 {
            return read_entry(globals, h.entry, name);
        }
        if h.builtins != addr(builtins) || version_of(globals)? != h.globals_version {
            return None;
        }
        read_entry(builtins, h.entry, name)
    }

    /// The global `name` the long way (globals, then builtins), recording a hint.
    pub fn global_with_hint(
        &mut self,
        hint: &Cell<GlobalHint>,
        globals: &ObjRef,
        builtins: &ObjRef,
        name: &ObjRef,
    ) -> Option<Value> {
        if let Some((entry, v)) = self.dict_find_name(globals, name) {
            hint.set(GlobalHint {
                globals: addr(globals),
                entry,
                builtins: 0,
                globals_version: 0,
            });
            return Some(v);
        }
        let (entry, v) = self.dict_find_name(builtins, name)?;
        if let Some(version) = version_of(globals) {
            hint.set(GlobalHint {
                globals: addr(globals),
                entry,
                builtins: addr(builtins),
                globals_version: version,
            });
        }
        Some(v)
    }

    /// `dict_get_name`, with the position of the entry found.
    fn dict_find_name(&mut self, dict: &ObjRef, name: &ObjRef) -> Option<(usize, Value)> {
        let Payload::Dict(cell) = &dict.payload else {
            return None;
        };
        let Payload::Str(s) = &name.payload else {
            return None;
        };
        let hash = s.hash(self.str_hash);
        let key = Value::Obj(name.clone());
        cell.with(
            |d| match d.find(&key, hash, &mut super::mapping::native_eq) {
                Probe::Found { entry, .. } => Some((entry, d.entry(entry).value.clone())),
                _ => None,
            },
        )
    }
}
