//! Callables: Python functions (a code object plus its globals, defaults and closure),
//! builtin functions implemented in Rust, and bound methods.

use super::{ObjRef, PyCell, Value};
use crate::vm::{Code, PyResult, Vm};
use std::rc::Rc;

/// A function defined in Python.
pub struct Function {
    /// Replaceable through `__code__`.
    pub code: PyCell<Rc<Code>>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub name: PyCell<Rc<str>>,
    pub qualname: PyCell<Rc<str>>,
    /// Positional defaults (a tuple), or None.
    pub defaults: PyCell<Value>,
    /// Keyword-only defaults (a dict), or None.
    pub kwdefaults: PyCell<Value>,
    /// One cell per free variable of the code.
    pub closure: Box<[ObjRef]>,
    pub annotations: PyCell<Value>,
    pub doc: PyCell<Value>,
    pub module: PyCell<Value>,
    /// `__type_params__` (3.12+): a tuple, or Null for `()`.
    pub type_params: PyCell<Value>,
}

/// Arguments as a builtin receives them: positional values followed by the values of
/// the keyword arguments named in `kwnames` (the layout of CPython's vectorcall, which is
/// also how they sit on the value stack, so calls copy nothing).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional(values: &'a [Value]) -> Args<'a> {
        Args {
            values,
            kwnames: &[],
        }
    }

    /// The positional arguments.
    pub fn pos(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    /// (name, value) of each keyword argument.
    pub fn kw(&self) -> impl Iterator<Item = (&'a Value, &'a Value)> {
        let start = self.values.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.values[start..])
    }
}

/// The Rust signature of every builtin.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// How a builtin binds when found on a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinKind {
    /// A plain function (e.g. `len`): never binds.
    Function,
    /// A method of a builtin type: accessed on an instance, binds it as the first argument.
    Method,
    /// A class method of a builtin type (e.g. `dict.fromkeys`): binds the class.
    ClassMethod,
    /// A static method of a builtin type (e.g. `str.maketrans`).
    StaticMethod,
}

/// A function implemented in Rust.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: BuiltinKind,
    /// The type a method belongs to (for its repr and for checking `self`).
    pub owner: Option<ObjRef>,
    /// The bound first argument, for a method taken from an instance.
    pub bound: Value,
    pub doc: Option<&'static str>,
}

/// A function bound to an instance: calling it prepends `self_`.
pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}
