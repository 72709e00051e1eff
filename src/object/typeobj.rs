//! The data of a type object: name, bases, MRO (C3 linearisation), the class dict, and
//! what kind of payload its instances carry.
//!
//! Builtin types and Python classes share this one representation; a Python class
//! inherits its instances' payload kind (`Layout`) from its builtin base, which is how
//! `class MyList(list)` instances hold a real list.

use super::{ObjRef, PyCell, Value};
use std::rc::Rc;

/// The builtin representation an instance of the type uses (its "solid base").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `object` and anything whose state is only in its dict.
    Plain,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    /// A builtin type that cannot be subclassed or instantiated from Python (function,
    /// code, iterators...): instances are made by the runtime only.
    Opaque,
    Type,
    Module,
    Property,
    ClassMethod,
    StaticMethod,
}

pub struct TypeData {
    pub name: PyCell<Rc<str>>,
    pub qualname: PyCell<Rc<str>>,
    pub bases: PyCell<Vec<ObjRef>>,
    /// The method resolution order, starting with the type itself.
    pub mro: PyCell<Vec<ObjRef>>,
    /// The class namespace: a dict object.
    pub dict: ObjRef,
    pub layout: Layout,
    /// Created by a class statement (as opposed to a builtin type).
    pub is_heap: bool,
    /// May be used as a base class.
    pub subclassable: bool,
    /// Instances get a `__dict__` (false for builtin types and classes with `__slots__`
    /// and no `__dict__` slot).
    pub instance_dict: bool,
    /// Names declared in `__slots__`, stored as instance attributes in slot storage.
    pub slots: Vec<Rc<str>>,
    /// Bumped whenever the dict of this type or of a type in its MRO changes, so cached
    /// lookups can be validated.
    pub version: std::cell::Cell<u64>,
    /// The classes created with this one among their bases, oldest first
    /// (`__subclasses__`).
    pub subclasses: PyCell<Vec<std::rc::Weak<super::Object>>>,
    /// The class or a class in its MRO defines `__del__` (see `object::finalizer`).
    pub has_finalizer: std::cell::Cell<bool>,
    /// How many entries the instance dict of this class that last grew reached (up to
    /// `MAX_INSTANCE_DICT_HINT`): new instance dicts start with room for that many, so
    /// filling one in `__init__` does not resize it (a cheap form of CPython's shared
    /// keys). The last size, not the largest, so one unusually big instance does not
    /// make every later one big. Only a size: a wrong guess costs memory or a resize,
    /// never a wrong answer.
    pub instance_dict_size: std::cell::Cell<u8>,
}

/// The largest instance dict size a class remembers (bigger dicts grow as usual).
pub const MAX_INSTANCE_DICT_HINT: usize = 32;

impl TypeData {
    pub fn name(&self) -> Rc<str> {
        self.name.get()
    }

    /// Notes that an instance dict of this class grew to `len` entries.
    #[inline]
    pub fn note_instance_dict_len(&self, len: usize) {
        if len <= MAX_INSTANCE_DICT_HINT {
            self.instance_dict_size.set(len as u8);
        }
    }

    /// Sets the MRO (lookups cached under the old one are forgotten).
    pub fn set_mro(&self, mro: Vec<ObjRef>) {
        self.mro.replace(mro);
        super::method_cache::types_changed();
    }
}

impl Drop for TypeData {
    /// A new type may be allocated at this one's address: cached lookups must not match it.
    fn drop(&mut self) {
        super::method_cache::types_changed();
    }
}

/// Why a C3 linearisation failed: the bases in conflict, for the TypeError message.
pub struct MroConflict {
    pub remaining_heads: Vec<ObjRef>,
}

/// C3 linearisation: `class_` followed by the merge of its bases' MROs and the bases
/// list. `mro_of` gives a base's MRO.
pub fn c3_mro(
    class_: &ObjRef,
    bases: &[ObjRef],
    mro_of: &dyn Fn(&ObjRef) -> Vec<ObjRef>,
) -> Result<Vec<ObjRef>, MroConflict> {
    let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(mro_of).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![class_.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| &s[0]).find(|head| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, head)))
        });
        let Some(head) = candidate.cloned() else {
            let mut remaining_heads: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !remaining_heads.iter().any(|h| Rc::ptr_eq(h, &s[0])) {
                    remaining_heads.push(s[0].clone());
                }
            }
            return Err(MroConflict { remaining_heads });
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

/// Slot storage of an instance of a class with `__slots__`.
pub type SlotValues = Box<[PyCell<Value>]>;
