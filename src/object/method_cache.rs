//! The type attribute cache: what looking a name up along a type's MRO found, so that
//! attribute loads and method calls do not walk the MRO's dicts every time (CPython's
//! method cache, `_PyType_Lookup`). The interpreter owns one (`Vm::method_cache`).
//!
//! Trade-offs:
//! - One global epoch instead of per-type version tags: any change to any type's dict
//!   (a type dict is a watched `DictData`), to an MRO, or the freeing of a type bumps the
//!   epoch and so invalidates every entry. Class attributes rarely change once the
//!   classes of a program are built, and the check stays one comparison.
//! - Entries are keyed by the type's address and the name object's identity. The entry
//!   holds the name (a str, never part of a cycle), so its address cannot be reused while
//!   cached; a freed type bumps the epoch, so a new type at its address cannot hit.
//! - Entries hold strong references to what they found. The cache is emptied before the
//!   cycle collector counts references (`Vm::collect_cycles`), so it never keeps garbage
//!   alive.

use super::{ObjRef, Value};
use std::cell::Cell;
use std::rc::Rc;

const SIZE: usize = 4096;

thread_local! {
    /// Starts at 1 so that empty entries (epoch 0) never match.
    static EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// A type's dict or MRO changed, or a type was freed: forget every cached lookup.
#[inline]
pub fn types_changed() {
    EPOCH.with(|e| e.set(e.get() + 1));
}

/// The current epoch: equal readings mean no class dict or MRO changed and no class was
/// freed in between (attribute hints, `vm::attr_hints`, rely on it).
#[inline]
pub fn epoch() -> u64 {
    EPOCH.with(|e| e.get())
}

/// Makes `dict` a type's dict: changing it from now on invalidates the cache.
pub fn watch(dict: &ObjRef) {
    if let super::Payload::Dict(d) = &dict.payload {
        d.with_mut(|d| d.watch());
    }
    types_changed();
}

#[derive(Default)]
struct Entry {
    epoch: u64,
    type_addr: usize,
    name: Option<ObjRef>,
    found: Option<Value>,
}

#[derive(Default)]
pub struct MethodCache {
    entries: Vec<Entry>,
}

#[inline]
fn slot(type_addr: usize, name: &ObjRef) -> usize {
    let n = Rc::as_ptr(name) as usize;
    ((type_addr >> 4) ^ (n >> 4).wrapping_mul(0x9E37_79B9)) & (SIZE - 1)
}

impl MethodCache {
    /// The cached result of looking `name` up along the MRO of the type at `type_addr`:
    /// `Some(found)` on a hit (`found` is `None` when no class in the MRO has the name).
    #[inline]
    pub fn get(&self, type_addr: usize, name: &ObjRef) -> Option<Option<Value>> {
        let e = self.entries.get(slot(type_addr, name))?;
        let epoch = EPOCH.with(|e| e.get());
        let same_name = matches!(&e.name, Some(n) if Rc::ptr_eq(n, name));
        (e.epoch == epoch && e.type_addr == type_addr && same_name).then(|| e.found.clone())
    }

    /// Records what looking `name` up along the MRO of the type at `type_addr` found.
    pub fn put(&mut self, type_addr: usize, name: &ObjRef, found: Option<Value>) {
        if self.entries.is_empty() {
            self.entries.resize_with(SIZE, Entry::default);
        }
        let e = &mut self.entries[slot(type_addr, name)];
        e.epoch = EPOCH.with(|e| e.get());
        e.type_addr = type_addr;
        e.name = Some(name.clone());
        e.found = found;
    }

    /// Empties the cache (before a collection counts references).
    pub fn clear(&mut self) {
        types_changed();
        self.entries = Vec::new();
    }
}
