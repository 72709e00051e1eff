//! Weak references in the object model. A weak reference object (`weakref.ref`, a proxy)
//! holds a `std::rc::Weak` to its referent, so it never keeps it alive and sees it gone
//! as soon as its last strong reference goes — whether reference counting or the cycle
//! collector (which frees cycles by clearing their contents, so their `Rc`s drop) freed
//! it. An object that has weak references carries a header flag; its drop then looks up
//! the weak reference objects registered for its address here and queues those with a
//! callback for the interpreter, which calls `callback(ref)` before its next instruction
//! (the same queue as `__del__`, see `finalizer`), as CPython calls them at deallocation.
//!
//! The registry maps a referent's address to its weak reference objects (as `Weak`s, so
//! it keeps none alive). An address cannot be reused while an entry exists: the entry is
//! removed when the referent drops, and a `Weak` keeps the allocation itself.

use super::{ObjRef, Object, PyCell, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// Which kind of weak reference object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// The state of a weak reference object.
pub struct WeakRefData {
    pub target: Weak<Object>,
    /// The callback, None when there is none (or after it was called).
    pub callback: PyCell<Value>,
    /// The referent's hash, computed on first `hash(ref)` while it was alive.
    pub hash: Cell<Option<i64>>,
    pub kind: WeakKind,
}

impl WeakRefData {
    /// The referent, while it lives.
    pub fn get(&self) -> Option<ObjRef> {
        self.target.upgrade()
    }
}

thread_local! {
    static REFS: RefCell<HashMap<usize, Vec<Weak<Object>>>> = RefCell::new(HashMap::new());
}

/// The weak reference data of an object, if it is a weak reference.
pub fn data(o: &Object) -> Option<&WeakRefData> {
    super::native::state::<WeakRefData>(&o.payload)
}

/// Records `weakref` (a weak reference object) as referring to `target`.
pub fn register(target: &ObjRef, weakref: &ObjRef) {
    target.header.set_weakly_referenced(true);
    let addr = Rc::as_ptr(target) as usize;
    let _ = REFS.try_with(|r| {
        let mut r = r.borrow_mut();
        let list = r.entry(addr).or_default();
        if list.len() >= 8 && list.len().is_power_of_two() {
            list.retain(|w| w.strong_count() > 0);
        }
        list.push(Rc::downgrade(weakref));
    });
}

/// The live weak reference objects to `target`, oldest first.
pub fn refs_to(target: &ObjRef) -> Vec<ObjRef> {
    if !target.header.weakly_referenced() {
        return Vec::new();
    }
    let addr = Rc::as_ptr(target) as usize;
    REFS.try_with(|r| {
        r.borrow()
            .get(&addr)
            .map(|l| l.iter().filter_map(Weak::upgrade).collect())
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

/// Called by the drop of an object that had weak references: forgets them and queues
/// those with a callback, newest first (CPython's order).
pub(super) fn clear_refs_to(addr: usize) {
    let Some(list) = REFS
        .try_with(|r| r.borrow_mut().remove(&addr))
        .ok()
        .flatten()
    else {
        return;
    };
    for w in list.iter().rev() {
        let Some(wr) = w.upgrade() else { continue };
        let has_callback = data(&wr).is_some_and(|d| d.callback.with(|c| !c.is_none()));
        if has_callback {
            super::finalizer::queue_callback(wr);
        }
    }
}
