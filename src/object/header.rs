//! `HeaderWord`: one machine word of every heap object's header that holds its instance
//! dict (if its class gives instances one) and three flags.
//!
//! Trade-off: a str, an int or a list never has an instance dict, yet every object needs
//! room to say whether it has one, whether weak references to it exist and whether its
//! `__class__` was reassigned. Keeping all of that in one word (the dict's pointer, whose
//! low bits are zero by alignment, carries the flags) keeps `Object` at 64 bytes, so a
//! short str is one 80-byte allocation. Reading the dict clones the `Rc` out of the word;
//! no reference into the word is ever handed out, so no borrow can be held across Python
//! code.

use super::{ObjRef, Object};
use std::cell::Cell;
use std::rc::Rc;

/// Instances of the object's class have an instance dict (created on first store).
const HAS_DICT: usize = 1;
/// Weak references to this object exist (`weakref`): its drop clears them.
const WEAKLY_REFERENCED: usize = 2;
/// `__class__` was assigned (the class is in `Object`'s side table).
const RECLASSED: usize = 4;
const FLAGS: usize = HAS_DICT | WEAKLY_REFERENCED | RECLASSED;

// `Rc<Object>` points at an 8-aligned `Object`, so the flags fit in the low bits.
const _: () = assert!(std::mem::align_of::<Object>() > FLAGS);

pub struct HeaderWord(Cell<usize>);

impl HeaderWord {
    pub fn new(has_dict: bool) -> HeaderWord {
        HeaderWord(Cell::new(if has_dict { HAS_DICT } else { 0 }))
    }

    #[inline]
    fn flag(&self, f: usize) -> bool {
        self.0.get() & f != 0
    }

    #[inline]
    fn set_flag(&self, f: usize, on: bool) {
        let w = self.0.get();
        self.0.set(if on { w | f } else { w & !f });
    }

    /// Whether instances of the object's class have an instance dict.
    #[inline]
    pub fn has_dict(&self) -> bool {
        self.flag(HAS_DICT)
    }

    /// The instance dict, if one was created.
    #[inline]
    pub fn dict(&self) -> Option<ObjRef> {
        let p = (self.0.get() & !FLAGS) as *const Object;
        if p.is_null() {
            return None;
        }
        // SAFETY: a non-null pointer in the word came from `Rc::into_raw` in
        // `replace_dict` and still owns that strong count; incrementing first makes the
        // `Rc` built here an extra owner.
        unsafe {
            Rc::increment_strong_count(p);
            Some(Rc::from_raw(p))
        }
    }

    /// The instance dict's address (null if none was created), for reads that count no
    /// reference (`Object::instance_dict_value_at`): valid while the word keeps it,
    /// that is, until the next `replace_dict`.
    #[inline]
    pub(super) fn dict_ptr(&self) -> *const Object {
        (self.0.get() & !FLAGS) as *const Object
    }

    /// Stores `dict` (or none) as the instance dict and returns the previous one, for the
    /// caller to drop after the word is consistent again.
    pub fn replace_dict(&self, dict: Option<ObjRef>) -> Option<ObjRef> {
        let w = self.0.get();
        let new = dict.map_or(0, |d| Rc::into_raw(d) as usize);
        debug_assert_eq!(new & FLAGS, 0);
        self.0.set((w & FLAGS) | new);
        let old = (w & !FLAGS) as *const Object;
        // SAFETY: as in `dict`: the old pointer owned one strong count, now moved out.
        (!old.is_null()).then(|| unsafe { Rc::from_raw(old) })
    }

    #[inline]
    pub fn weakly_referenced(&self) -> bool {
        self.flag(WEAKLY_REFERENCED)
    }

    pub fn set_weakly_referenced(&self, on: bool) {
        self.set_flag(WEAKLY_REFERENCED, on);
    }

    #[inline]
    pub fn reclassed(&self) -> bool {
        self.flag(RECLASSED)
    }

    pub fn set_reclassed(&self, on: bool) {
        self.set_flag(RECLASSED, on);
    }
}

impl Drop for HeaderWord {
    fn drop(&mut self) {
        drop(self.replace_dict(None));
    }
}
