//! Native (built-in) modules, implemented in Rust: a registry from module name to the
//! function that creates the module. The import system consults it before `sys.path`,
//! as CPython's BuiltinImporter comes before the path finder. Add a module by writing its
//! file here and listing it in `NATIVE`.

pub mod future;
pub mod importlib;
pub mod math;
pub mod os;
pub mod site;
pub mod sre;
pub mod structseq;
pub mod sys;
pub mod time;

use crate::object::ObjRef;
use crate::vm::{PyResult, Vm};

/// Creates (or returns the existing) module object.
pub type ModuleInit = fn(&mut Vm) -> PyResult<ObjRef>;

/// The native modules, by name.
const NATIVE: &[(&str, ModuleInit)] = &[
    ("__future__", future::module),
    ("_sre", sre::module),
    ("builtins", builtins_module),
    ("importlib", importlib::module),
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
    const ALSO_IN_CPYTHON: &[&str] = &["_sre", "builtins", "sys", "time"];
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
