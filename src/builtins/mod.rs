//! The builtin functions and the builtin types' methods, one file per type (a type's
//! constructor, its methods, then its `init` that registers them). `init_all` runs every
//! `init` when an interpreter starts.

pub mod args;
pub mod arity;
pub mod bool;
pub mod bytearray;
pub mod bytes;
pub mod code_new;
pub mod codec_tables;
pub mod codecs;
pub mod compile;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod dict_views;
pub mod exception_extras;
pub mod exception_group;
pub mod exceptions;
pub mod exec;
pub mod extra_types;
pub mod float;
pub mod function;
pub mod function_new;
pub mod functions;
pub mod generic;
pub mod int;
pub mod iterators;
pub mod list;
pub mod memoryview;
pub mod numeric;
pub mod object;
pub mod objects;
pub mod property;
pub mod py2;
pub mod range;
pub mod sequence;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_ascii;
pub mod str_format;
pub mod str_methods;
pub mod super_;
pub mod tuple;
pub mod type_extras;
pub mod typing;
pub mod typing_subst;
pub mod unicode;
pub mod unicode_db;

use crate::vm::Vm;

/// Registers every builtin function and method.
pub fn init_all(vm: &mut Vm) {
    object::init(vm);
    type_extras::init(vm);
    exceptions::init(vm);
    exception_extras::init(vm);
    descriptors::init(vm);
    exec::init(vm);
    compile::init(vm);
    function_new::init(vm);
    code_new::init(vm);
    functions::init(vm);
    generic::init(vm);
    list::init(vm);
    range::init(vm);
    str::init(vm);
    super_::init(vm);
    int::init(vm);
    bool::init(vm);
    float::init(vm);
    complex::init(vm);
    bytes::init(vm);
    bytearray::init(vm);
    str_methods::init(vm);
    str_format::init(vm);
    codecs::init(vm);
    numeric::init(vm);
    iterators::init(vm);
    tuple::init(vm);
    dict::init(vm);
    set::init(vm);
    slice::init(vm);
    objects::init(vm);
    property::init(vm);
    function::init(vm);
    exception_group::init(vm);
    memoryview::init(vm);
    typing::init(vm);
    vm.add_builtin("open", crate::modules::io::builtin_open);
    vm.init_generator_types();
    vm.init_async_gen_types();
    vm.init_traceback_type();
    vm.init_gen_attrs();
    type_extras::finish(vm);
}
