//! Native (built-in) modules, implemented in Rust: a registry from module name to the
//! function that creates the module. The import system consults it before `sys.path`,
//! as CPython's BuiltinImporter comes before the path finder. Add a module by writing its
//! file here and listing it in `NATIVE`.

pub mod atexit;
pub mod collections;
pub mod errno;
pub mod functools;
pub mod future;
pub mod gc;
pub mod importlib;
pub mod itertools;
pub mod math;
pub mod native_class;
pub mod os;
pub mod site;
pub mod string;
pub mod structseq;
pub mod sys;
pub mod thread;
pub mod time;
pub mod weakref;

use crate::object::ObjRef;
use crate::vm::{PyResult, Vm};

/// Creates (or returns the existing) module object.
pub type ModuleInit = fn(&mut Vm) -> PyResult<ObjRef>;

/// The native modules, by name.
const NATIVE: &[(&str, ModuleInit)] = &[
    ("__future__", future::module),
    ("_collections", collections::module),
    ("_functools", functools::module),
    ("_string", string::module),
    ("_thread", thread::module),
    ("atexit", atexit::module),
    ("_weakref", weakref::module),
    ("builtins", builtins_module),
    ("errno", errno::module),
    ("gc", gc::module),
    ("importlib", importlib::module),
    ("itertools", itertools::module),
    ("math", math::module),
    ("os", os::module),
    ("sys", sys::module),
    ("time", time::module),
];

/// The creator of the native module `name`, if there is one.
pub fn native_init(name: &str) -> Option<ModuleInit> {
    NATIVE.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// The native modules that CPython builds in as well (`sys.builtin_module_names`),
/// sorted; the others (`__future__`, `importlib`, `math`) are files in CPython.
pub fn native_names() -> Vec<&'static str> {
    const ALSO_IN_CPYTHON: &[&str] = &[
        "_collections",
        "_functools",
        "_string",
        "_thread",
        "_weakref",
        "atexit",
        "builtins",
        "errno",
        "gc",
        "itertools",
        "sys",
        "time",
    ];
    let mut v: Vec<&str> = NATIVE
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| ALSO_IN_CPYTHON.contains(n))
        .collect();
    v.sort_unstable();
    v
}

/// The `builtins` module: a module object over the interpreter's builtins namespace.
fn builtins_module(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(vm.builtins_module())
}
