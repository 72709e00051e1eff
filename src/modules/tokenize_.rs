//! A native `_tokenize` (3.12+), which `tokenize.py` imports at the top. xpython has no
//! tokenizer of its own, so `TokenizerIter` says so when used; importing `tokenize` (as
//! `linecache` and `inspect` do) and its pure helpers such as `detect_encoding` work.

use super::native_class;
use crate::object::{BuiltinKind, ObjRef};
use crate::vm::{PyResult, Vm};

/// `_tokenize`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_tokenize");
    let t = native_class::new_class(
        vm,
        "_tokenize",
        "TokenizerIter",
        Vec::new(),
        &[(
            "__new__",
            |vm, _| {
                Err(vm.new_exception(
                    &vm.types.exc.not_implemented_error.clone(),
                    "xpython has no tokenizer: _tokenize.TokenizerIter is unavailable",
                ))
            },
            BuiltinKind::StaticMethod,
        )],
    )?;
    vm.module_set(&m, "TokenizerIter", crate::object::Value::Obj(t));
    Ok(m)
}
