//! Python 2's built-in `imp` module, as far as the 2.x standard library needs it at
//! import time and for introspection (`inspect`, `pkgutil`): the module-kind constants,
//! `get_suffixes`, `get_magic`, `new_module`, `reload`, `is_builtin`, `is_frozen` and the
//! import lock (a no-op: xpython runs one thread). Finding and loading by hand
//! (`find_module`, `load_module`...) is not provided.

use crate::object::Truth;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// The module kinds `imp` names (2.7's `importdl.h` order).
const KINDS: &[(&str, i64)] = &[
    ("SEARCH_ERROR", 0),
    ("PY_SOURCE", 1),
    ("PY_COMPILED", 2),
    ("C_EXTENSION", 3),
    ("PY_RESOURCE", 4),
    ("PKG_DIRECTORY", 5),
    ("C_BUILTIN", 6),
    ("PY_FROZEN", 7),
    ("PY_CODERESOURCE", 8),
    ("IMP_HOOK", 9),
];

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("get_suffixes", get_suffixes),
    ("get_magic", get_magic),
    ("new_module", new_module),
    ("reload", reload),
    ("is_builtin", is_builtin),
    ("is_frozen", is_frozen),
    ("acquire_lock", no_op),
    ("release_lock", no_op),
    ("lock_held", lock_held),
];

/// `imp`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("imp");
    for (name, value) in KINDS {
        vm.module_set(&m, name, Value::Int(*value));
    }
    for (name, f) in FUNCTIONS {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    Ok(m)
}

/// `[('.py', 'U', PY_SOURCE), ('.pyc', 'rb', PY_COMPILED)]`: the files the importer
/// reads (no extension modules).
fn get_suffixes(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    let entries = [(".py", "U", 1), (".pyc", "rb", 2)]
        .iter()
        .map(|(suffix, mode, kind)| {
            vm.new_tuple(vec![
                vm.new_str(suffix),
                vm.new_str(mode),
                Value::Int(*kind),
            ])
        })
        .collect();
    Ok(vm.new_list(entries))
}

/// The magic number of the running version's `.pyc` files, with its `\r\n`.
fn get_magic(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    let [lo, hi] = vm.version.format.magic.to_le_bytes();
    let text: String = [lo, hi, b'\r', b'\n'].iter().map(|&b| b as char).collect();
    Ok(vm.new_str(&text))
}

/// `new_module(name)`: an empty module, not put in `sys.modules`.
fn new_module(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [name] if name.as_str().is_some() => {
            let name = name
                .as_str()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            Ok(Value::Obj(vm.new_module(&name)))
        }
        _ => Err(vm.type_error("new_module() argument 1 must be string")),
    }
}

fn reload(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [module] => vm.reload(module),
        _ => Err(vm.type_error("reload() takes exactly one argument")),
    }
}

/// 1 for a module CPython builds in (`sys.builtin_module_names`), -1 for one that cannot be initialized again (`sys`,
/// `__builtin__`, `exceptions`), else 0, as 2.x's `is_builtin`.
fn is_builtin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = args
        .pos()
        .first()
        .and_then(|n| n.as_str().map(|s| s.as_str().to_string()))
        .unwrap_or_default();
    if matches!(name.as_str(), "sys" | "__builtin__" | "exceptions") {
        return Ok(Value::Int(-1));
    }
    let built_in = super::native_names(vm.version.format.major_minor).contains(&name.as_str());
    Ok(Value::Int(built_in as i64))
}

/// No module is frozen.
fn is_frozen(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(Truth::False))
}

fn no_op(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn lock_held(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(Truth::False))
}
