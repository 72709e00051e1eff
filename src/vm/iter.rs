//! The state of builtin iterators (over lists, tuples, strings, dicts, sets, ranges, and
//! of enumerate/zip/map/filter/reversed and friends).

use crate::object::{ObjRef, Value};

pub enum IterState {
    /// Over a list or tuple by index (the sequence may change under a list iterator).
    Seq { seq: ObjRef, index: usize },
    /// Over a range.
    Range { next: i64, stop: i64, step: i64 },
    /// An exhausted iterator.
    Done,
    /// Calls `callable()` until it returns `sentinel`.
    Callable { callable: Value, sentinel: Value },
}
