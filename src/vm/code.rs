//! The interpreter's code object: a `.pyc` code object decoded once into instructions the
//! loop dispatches on directly, with constants turned into values and names interned.
//! (Built from `pyc::CodeObject` by the decoder integration.)

use std::rc::Rc;

/// Decoded, ready-to-run code.
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: i32,
    pub flags: u32,
}
