//! Rust state of instances of native classes (deque, weakref, lock, the itertools
//! iterators...): `Payload::Other` holds the state, or, for an instance of a Python
//! subclass that declares `__slots__`, a [`WithSlots`] holding the state and the slots
//! (so `class KeyedRef(ref): __slots__ = "key",` works as in CPython).

use super::typeobj::SlotValues;
use super::Payload;
use std::any::Any;

/// The state of a native instance whose class also has slots.
pub struct WithSlots {
    pub state: Box<dyn Any>,
    pub slots: SlotValues,
}

/// The native state of type `T` in a payload, if it holds one.
pub fn state<T: 'static>(p: &Payload) -> Option<&T> {
    let Payload::Other(b) = p else { return None };
    if let Some(t) = b.downcast_ref::<T>() {
        return Some(t);
    }
    b.downcast_ref::<WithSlots>()?.state.downcast_ref::<T>()
}

/// The slot storage of a native instance with slots.
pub fn slots(p: &Payload) -> Option<&SlotValues> {
    match p {
        Payload::Other(b) => b.downcast_ref::<WithSlots>().map(|w| &w.slots),
        _ => None,
    }
}
