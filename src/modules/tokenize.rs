//! A native `_tokenize` (3.12+), which `tokenize.py` imports at load time. CPython's
//! `TokenizerIter` is its C tokenizer; xpython has none, so making one raises
//! NotImplementedError saying so (importing `tokenize`, and `inspect` over it, works;
//! `tokenize.tokenize()` and `generate_tokens()` do not).

use crate::object::{Args, BuiltinKind, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `_tokenize`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_tokenize");
    let t = vm.new_native_type("_tokenize.TokenizerIter", false);
    vm.add_method(&t, "__new__", tokenizer_new, BuiltinKind::StaticMethod);
    vm.module_set(&m, "TokenizerIter", Value::Obj(t));
    Ok(m)
}

fn tokenizer_new(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Err(vm.new_exception(
        &vm.types.exc.not_implemented_error.clone(),
        "xpython has no C tokenizer: _tokenize.TokenizerIter is not supported",
    ))
}
