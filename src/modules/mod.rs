//! Native (built-in) modules, implemented in Rust: a registry from module name to the
//! function that creates the module. The import system consults it before `sys.path`,
//! as CPython's BuiltinImporter comes before the path finder. Add a module by writing its
//! file here and listing it in `NATIVE`.

pub mod ast;
pub mod asyncgen_hooks;
pub mod atexit;
pub mod binascii;
pub mod blake2;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod errno;
pub mod exceptions;
pub mod functools;
pub mod future;
pub mod gc;
pub mod hashes;
pub mod imp;
pub mod importlib;
pub mod io;
pub mod itertools;
pub mod math;
pub mod native_class;
pub mod opcode;
pub mod operator_;
pub mod posix;
pub mod posixsubprocess;
pub mod random_;
pub mod select;
pub mod signal;
pub mod site;
pub mod socket;
pub mod sre;
pub mod string_;
pub mod struct_;
pub mod structseq;
pub mod sys;
pub mod thread;
pub mod time;
pub mod tokenize;
pub mod typing;
pub mod weakref;

use crate::object::ObjRef;
use crate::vm::{PyResult, Vm};

/// Creates (or returns the existing) module object.
pub type ModuleInit = fn(&mut Vm) -> PyResult<ObjRef>;

/// The native modules, by name, with the first version that has them.
const NATIVE: &[(&str, ModuleInit, (u8, u8))] = &[
    ("__future__", future::module, (2, 0)),
    ("_ast", ast::module, (3, 6)),
    ("_codecs", codecs::module, (3, 0)),
    ("_collections", collections::module, (2, 4)),
    ("_contextvars", contextvars::module, (3, 7)),
    ("_functools", functools::module, (2, 5)),
    ("_io", io::module, (3, 0)),
    ("_opcode", opcode::module, (3, 4)),
    ("_signal", signal::module, (3, 0)),
    ("_operator", operator_::module, (3, 4)),
    ("_posixsubprocess", posixsubprocess::module, (3, 2)),
    ("_random", random_::module, (2, 0)),
    ("_blake2", hashes::blake2_module, (3, 6)),
    ("_md5", hashes::md5_module, (2, 5)),
    ("_sha", hashes::sha_module, (2, 5)),
    ("_sha1", hashes::sha1_module, (3, 0)),
    ("_sha2", hashes::sha2_module, (3, 12)),
    ("_sha256", hashes::sha256_module, (2, 5)),
    ("_sha3", hashes::sha3_module, (3, 6)),
    ("_sha512", hashes::sha512_module, (2, 5)),
    ("_socket", socket::module, (2, 0)),
    ("_sre", sre::module, (2, 0)),
    ("_string", string_::module, (3, 0)),
    ("_struct", struct_::module, (2, 5)),
    ("_thread", thread::module, (3, 0)),
    ("_tokenize", tokenize::module, (3, 12)),
    ("_typing", typing::module, (3, 12)),
    ("_weakref", weakref::module, (2, 0)),
    ("atexit", atexit::module, (2, 0)),
    ("binascii", binascii::module, (2, 0)),
    ("builtins", builtins_module, (2, 0)),
    ("errno", errno::module, (2, 0)),
    ("exceptions", exceptions::module, (2, 0)),
    ("gc", gc::module, (2, 0)),
    ("imp", imp::module, (2, 0)),
    ("importlib", importlib::module, (2, 0)),
    ("importlib.machinery", importlib::machinery, (3, 0)),
    ("itertools", itertools::module, (2, 3)),
    ("math", math::module, (2, 0)),
    ("select", select::module, (2, 0)),
    ("signal", signal::module, (2, 0)),
    ("posix", posix::module, (2, 0)),
    ("sys", sys::module, (2, 0)),
    ("time", time::module, (2, 0)),
];

/// Native modules of `NATIVE` that later versions no longer have (3.x's `imp` is a file
/// of its standard library), with the first version
/// without them.
const RETIRED: &[(&str, (u8, u8))] = &[
    ("exceptions", (3, 0)),
    ("signal", (3, 0)),
    ("imp", (3, 0)),
    ("_sha", (3, 0)),
    ("_sha256", (3, 12)),
    ("_sha512", (3, 12)),
];

/// The creator of the native module `name` in version `v`, if there is one.
pub fn native_init(name: &str, v: (u8, u8)) -> Option<ModuleInit> {
    if RETIRED.iter().any(|(n, gone)| *n == name && v >= *gone) {
        return None;
    }
    NATIVE
        .iter()
        .find(|(n, _, since)| *n == name && v >= *since)
        .map(|(_, f, _)| *f)
}

/// The native modules that CPython builds in as well (`sys.builtin_module_names`),
/// sorted; the others (`__future__`, `importlib`, `math`) are files in CPython.
pub fn native_names(v: (u8, u8)) -> Vec<&'static str> {
    const ALSO_IN_CPYTHON: &[&str] = &[
        "_ast",
        "_codecs",
        "_collections",
        "_functools",
        "_io",
        "_signal",
        "_sre",
        "_string",
        "_thread",
        "_tokenize",
        "_typing",
        "_weakref",
        "atexit",
        "builtins",
        "errno",
        "exceptions",
        "gc",
        "imp",
        "itertools",
        "posix",
        "sys",
        "time",
    ];
    let mut v: Vec<&str> = NATIVE
        .iter()
        .filter(|(n, _, since)| ALSO_IN_CPYTHON.contains(n) && v >= *since)
        .map(|(n, _, _)| *n)
        .collect();
    v.sort_unstable();
    v
}

/// The `builtins` module: a module object over the interpreter's builtins namespace.
fn builtins_module(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(vm.builtins_module())
}
