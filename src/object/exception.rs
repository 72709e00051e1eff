//! The state every exception instance carries: its arguments, traceback entries, cause,
//! context, and notes. Exception classes defined in Python use this same layout.

use super::{ObjRef, PyCell, Value};
use std::rc::Rc;

/// One line of a traceback: a code location in a frame the exception passed through.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<crate::vm::Code>,
    /// Index of the instruction that was executing.
    pub instr: u32,
}

#[derive(Default)]
pub struct ExceptionData {
    /// The `args` tuple.
    pub args: PyCell<Value>,
    /// Innermost frame last, as CPython's tb_next chain reads from the outside in.
    pub traceback: PyCell<Vec<TracebackEntry>>,
    /// `__traceback__` when set explicitly from Python (overrides `traceback`).
    pub traceback_obj: PyCell<Value>,
    /// The traceback object last made for `traceback` (see `vm::traceback`).
    pub traceback_head: PyCell<Value>,
    pub cause: PyCell<Value>,
    pub context: PyCell<Value>,
    pub suppress_context: std::cell::Cell<bool>,
    /// `__notes__` is an ordinary attribute; exception groups keep their members here.
    pub group: PyCell<Option<(Value, Vec<ObjRef>)>>,
    /// The named fields some families derive from their arguments (OSError's `errno`,
    /// `strerror`, `filename`, `filename2`; SyntaxError's `msg`, `lineno`, ...).
    pub fields: PyCell<Vec<(&'static str, Value)>>,
}
