//! Python 2's builtins and runtime pieces, installed over the shared ones when a 2.x
//! program runs (chosen by `flavour::python2_builtins`).
//!
//! Representation (see the README's "Python 2" section):
//! - `str` is a byte string. It is kept as a str object whose characters are the bytes
//!   (U+0000–U+00FF, a byte's value is its code point), so names, reprs and messages the
//!   runtime makes are 2.x `str` without conversion; output writes each character as its
//!   byte.
//! - `unicode` is its own type (`Py2Types::unicode`) over the same payload: text of any
//!   code point. Mixing the two decodes the `str` as ASCII (UnicodeDecodeError else).
//! - `int` is the inline small integer; results that overflow i64 are `long`
//!   (`Py2Types::long`), whose repr ends in `L`.
//! - classic classes are classes of the metaclass `classobj` (see `classic`).

pub mod classic;
pub mod compat;
pub mod exceptions;
pub mod functions;
pub mod iterators;
pub mod long;
pub mod methods;
pub mod operator;
pub mod ordering;
pub mod repr;
pub mod softspace;
pub mod sorting;
pub mod text;

use crate::object::{ObjRef, Value};
use crate::vm::Vm;

/// The 2.x runtime state kept by the interpreter.
#[derive(Default)]
pub struct Py2State {
    /// The print statement's softspace flag of the native `sys.stdout` and `sys.stderr`.
    pub softspace: [bool; 2],
    /// The 2.x-only types, once installed.
    pub types: Option<Py2Types>,
}

/// Types Python 2 has and Python 3 does not.
#[derive(Clone)]
pub struct Py2Types {
    pub unicode: ObjRef,
    pub basestring: ObjRef,
    pub classobj: ObjRef,
    pub instance: ObjRef,
}

/// Replaces and adds what differs in Python 2's builtins.
pub fn install(vm: &mut Vm) {
    text::install(vm);
    text::install_codecs(vm);
    text::install_unicode_methods(vm);
    text::install_str_new(vm);
    classic::install(vm);
    functions::install(vm);
    long::install(vm);
    iterators::install(vm);
    sorting::install(vm);
    compat::install(vm);
    methods::install(vm);
}

/// Sets `name` in the builtins module.
pub(crate) fn set_builtin(vm: &mut Vm, name: &str, v: Value) {
    let key = Value::Obj(vm.intern(name));
    let builtins = vm.builtins.clone();
    let _ = vm.dict_set(&builtins, key, v);
}

/// Removes `name` from the builtins module.
pub(crate) fn remove_builtin(vm: &mut Vm, name: &str) {
    let key = Value::Obj(vm.intern(name));
    let builtins = Value::Obj(vm.builtins.clone());
    let _ = vm.delitem(&builtins, &key);
}
