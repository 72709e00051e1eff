//! The builtin types, created once per interpreter: `object` and `type` (bootstrapped
//! around their mutual reference), the value types, the runtime's internal types, and the
//! exception hierarchy.

use crate::object::typeobj::Layout;
use crate::object::{DictData, ObjRef, Object, Payload, PyCell, TypeData};
use std::cell::Cell;
use std::rc::Rc;

/// Every builtin type the runtime needs to name.
pub struct Types {
    pub object: ObjRef,
    pub type_: ObjRef,
    pub dict: ObjRef,
    pub int: ObjRef,
    /// The type of integers beyond i64: `int` (3.x), Python 2's `long` once installed.
    pub big_int: ObjRef,
    pub bool_: ObjRef,
    pub float: ObjRef,
    pub complex: ObjRef,
    pub str_: ObjRef,
    pub bytes: ObjRef,
    pub bytearray: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub none_type: ObjRef,
    pub not_implemented_type: ObjRef,
    pub ellipsis_type: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub function: ObjRef,
    pub builtin_function: ObjRef,
    pub method: ObjRef,
    pub cell: ObjRef,
    pub code: ObjRef,
    pub module: ObjRef,
    pub property: ObjRef,
    pub classmethod: ObjRef,
    pub staticmethod: ObjRef,
    pub super_: ObjRef,
    pub iterator: ObjRef,
    pub generator: ObjRef,
    pub coroutine: ObjRef,
    pub async_generator: ObjRef,
    pub async_gen_asend: ObjRef,
    pub traceback: ObjRef,
    pub frame: ObjRef,
    pub exc: ExceptionTypes,
    /// The types of the container and iteration builtins (`crate::builtins`).
    pub extra: crate::builtins::extra_types::ExtraTypes,
}

/// The builtin exception classes the runtime raises itself.
pub struct ExceptionTypes {
    pub base_exception: ObjRef,
    pub exception: ObjRef,
    pub type_error: ObjRef,
    pub value_error: ObjRef,
    pub system_error: ObjRef,
    pub attribute_error: ObjRef,
    pub name_error: ObjRef,
    pub unbound_local_error: ObjRef,
    pub key_error: ObjRef,
    pub index_error: ObjRef,
    pub lookup_error: ObjRef,
    pub zero_division_error: ObjRef,
    pub arithmetic_error: ObjRef,
    pub overflow_error: ObjRef,
    pub stop_iteration: ObjRef,
    pub stop_async_iteration: ObjRef,
    pub runtime_error: ObjRef,
    pub recursion_error: ObjRef,
    pub not_implemented_error: ObjRef,
    pub import_error: ObjRef,
    pub module_not_found_error: ObjRef,
    pub assertion_error: ObjRef,
    pub generator_exit: ObjRef,
    pub keyboard_interrupt: ObjRef,
    pub system_exit: ObjRef,
    pub unicode_error: ObjRef,
    pub unicode_decode_error: ObjRef,
    pub unicode_encode_error: ObjRef,
    pub memory_error: ObjRef,
    pub eof_error: ObjRef,
    pub os_error: ObjRef,
    /// Every builtin exception class by name, for the builtins module.
    pub all: Vec<(&'static str, ObjRef)>,
}

fn type_data(
    name: &str,
    bases: Vec<ObjRef>,
    dict: ObjRef,
    layout: Layout,
    subclassable: bool,
) -> TypeData {
    crate::object::method_cache::watch(&dict);
    let name: Rc<str> = Rc::from(name);
    TypeData {
        qualname: PyCell::new(name.clone()),
        name: PyCell::new(name),
        bases: PyCell::new(bases),
        mro: PyCell::new(Vec::new()),
        dict,
        layout,
        is_heap: false,
        subclassable,
        instance_dict: false,
        slots: Vec::new(),
        version: Cell::new(0),
        subclasses: PyCell::new(Vec::new()),
        has_finalizer: Cell::new(false),
        instance_dict_size: Cell::new(0),
    }
}

fn type_payload(t: &ObjRef) -> &TypeData {
    match &t.payload {
        Payload::Type(t) => t,
        _ => unreachable!("bootstrap builds only type objects here"),
    }
}

/// Sets `t`'s MRO to itself followed by its single base's MRO.
fn linear_mro(t: &ObjRef) {
    let data = type_payload(t);
    let mut mro = vec![t.clone()];
    if let Some(base) = data.bases.get().first() {
        mro.extend(type_payload(base).mro.get());
    }
    data.set_mro(mro);
}

/// Builds every builtin type.
pub fn bootstrap() -> Types {
    // `type`, `object` and `dict` refer to each other (type(type) is type, type's dict is
    // a dict, dict's class is type): allocate them unclassed, then tie the knots.
    let new_dict_unclassed = || Object::new_unclassed(Payload::new_dict(DictData::new()), false);
    let object_dict = new_dict_unclassed();
    let type_dict = new_dict_unclassed();
    let dict_dict = new_dict_unclassed();
    let object = Object::new_unclassed(
        Payload::Type(Box::new(type_data(
            "object",
            vec![],
            object_dict.clone(),
            Layout::Plain,
            true,
        ))),
        false,
    );
    let type_ = Object::new_unclassed(
        Payload::Type(Box::new(type_data(
            "type",
            vec![object.clone()],
            type_dict.clone(),
            Layout::Type,
            true,
        ))),
        false,
    );
    let dict = Object::new_unclassed(
        Payload::Type(Box::new(type_data(
            "dict",
            vec![object.clone()],
            dict_dict.clone(),
            Layout::Dict,
            true,
        ))),
        false,
    );
    for t in [&object, &type_, &dict] {
        t.set_class_once(type_.clone());
    }
    for d in [&object_dict, &type_dict, &dict_dict] {
        d.set_class_once(dict.clone());
    }
    linear_mro(&object);
    linear_mro(&type_);
    linear_mro(&dict);

    let make = |name: &str, base: &ObjRef, layout: Layout, subclassable: bool| -> ObjRef {
        let d = Object::new(dict.clone(), Payload::new_dict(DictData::new()));
        let t = Object::new(
            type_.clone(),
            Payload::Type(Box::new(type_data(
                name,
                vec![base.clone()],
                d,
                layout,
                subclassable,
            ))),
        );
        linear_mro(&t);
        t
    };

    let int = make("int", &object, Layout::Int, true);
    let bool_ = make("bool", &int, Layout::Bool, false);
    let exc_base = make("BaseException", &object, Layout::Exception, true);
    let exc = exception_hierarchy(&exc_base, &make);
    let extra =
        crate::builtins::extra_types::ExtraTypes::new(&make, &object, &exc_base, &exc.exception);
    Types {
        extra,
        bool_,
        float: make("float", &object, Layout::Float, true),
        complex: make("complex", &object, Layout::Complex, true),
        str_: make("str", &object, Layout::Str, true),
        bytes: make("bytes", &object, Layout::Bytes, true),
        bytearray: make("bytearray", &object, Layout::ByteArray, true),
        tuple: make("tuple", &object, Layout::Tuple, true),
        list: make("list", &object, Layout::List, true),
        set: make("set", &object, Layout::Set, true),
        frozenset: make("frozenset", &object, Layout::FrozenSet, true),
        none_type: make("NoneType", &object, Layout::Opaque, false),
        not_implemented_type: make("NotImplementedType", &object, Layout::Opaque, false),
        ellipsis_type: make("ellipsis", &object, Layout::Opaque, false),
        range: make("range", &object, Layout::Opaque, false),
        slice: make("slice", &object, Layout::Opaque, false),
        function: make("function", &object, Layout::Opaque, false),
        builtin_function: make("builtin_function_or_method", &object, Layout::Opaque, false),
        method: make("method", &object, Layout::Opaque, false),
        cell: make("cell", &object, Layout::Opaque, false),
        code: make("code", &object, Layout::Opaque, false),
        module: make("module", &object, Layout::Module, true),
        property: make("property", &object, Layout::Property, true),
        classmethod: make("classmethod", &object, Layout::ClassMethod, true),
        staticmethod: make("staticmethod", &object, Layout::StaticMethod, true),
        super_: make("super", &object, Layout::Opaque, true),
        iterator: make("iterator", &object, Layout::Opaque, false),
        generator: make("generator", &object, Layout::Opaque, false),
        coroutine: make("coroutine", &object, Layout::Opaque, false),
        async_generator: make("async_generator", &object, Layout::Opaque, false),
        async_gen_asend: make("async_generator_asend", &object, Layout::Opaque, false),
        traceback: make("traceback", &object, Layout::Opaque, false),
        frame: make("frame", &object, Layout::Opaque, false),
        big_int: int.clone(),
        int,
        object,
        type_,
        dict,
        exc,
    }
}

/// The builtin exception classes, each under its base, as in CPython 3.x.
fn exception_hierarchy(
    base: &ObjRef,
    make: &dyn Fn(&str, &ObjRef, Layout, bool) -> ObjRef,
) -> ExceptionTypes {
    let mut all: Vec<(&'static str, ObjRef)> = vec![("BaseException", base.clone())];
    let mut add = |name: &'static str, parent: &ObjRef| -> ObjRef {
        let t = make(name, parent, Layout::Exception, true);
        all.push((name, t.clone()));
        t
    };
    let system_exit = add("SystemExit", base);
    let keyboard_interrupt = add("KeyboardInterrupt", base);
    let generator_exit = add("GeneratorExit", base);
    let exception = add("Exception", base);
    let stop_iteration = add("StopIteration", &exception);
    let stop_async_iteration = add("StopAsyncIteration", &exception);
    let arithmetic_error = add("ArithmeticError", &exception);
    add("FloatingPointError", &arithmetic_error);
    let overflow_error = add("OverflowError", &arithmetic_error);
    let zero_division_error = add("ZeroDivisionError", &arithmetic_error);
    let assertion_error = add("AssertionError", &exception);
    let attribute_error = add("AttributeError", &exception);
    add("BufferError", &exception);
    let eof_error = add("EOFError", &exception);
    let import_error = add("ImportError", &exception);
    let module_not_found_error = add("ModuleNotFoundError", &import_error);
    let lookup_error = add("LookupError", &exception);
    let index_error = add("IndexError", &lookup_error);
    let key_error = add("KeyError", &lookup_error);
    let memory_error = add("MemoryError", &exception);
    let name_error = add("NameError", &exception);
    let unbound_local_error = add("UnboundLocalError", &name_error);
    let os_error = add("OSError", &exception);
    for name in [
        "BlockingIOError",
        "ChildProcessError",
        "FileExistsError",
        "FileNotFoundError",
        "InterruptedError",
        "IsADirectoryError",
        "NotADirectoryError",
        "PermissionError",
        "ProcessLookupError",
        "TimeoutError",
    ] {
        add(name, &os_error);
    }
    let connection_error = add("ConnectionError", &os_error);
    for name in [
        "BrokenPipeError",
        "ConnectionAbortedError",
        "ConnectionRefusedError",
        "ConnectionResetError",
    ] {
        add(name, &connection_error);
    }
    add("ReferenceError", &exception);
    let runtime_error = add("RuntimeError", &exception);
    let not_implemented_error = add("NotImplementedError", &runtime_error);
    let recursion_error = add("RecursionError", &runtime_error);
    let syntax_error = add("SyntaxError", &exception);
    let indentation_error = add("IndentationError", &syntax_error);
    add("TabError", &indentation_error);
    let system_error = add("SystemError", &exception);
    let type_error = add("TypeError", &exception);
    let value_error = add("ValueError", &exception);
    let unicode_error = add("UnicodeError", &value_error);
    let unicode_decode_error = add("UnicodeDecodeError", &unicode_error);
    let unicode_encode_error = add("UnicodeEncodeError", &unicode_error);
    add("UnicodeTranslateError", &unicode_error);
    let warning = add("Warning", &exception);
    for name in [
        "DeprecationWarning",
        "PendingDeprecationWarning",
        "RuntimeWarning",
        "SyntaxWarning",
        "UserWarning",
        "FutureWarning",
        "ImportWarning",
        "UnicodeWarning",
        "BytesWarning",
        "ResourceWarning",
    ] {
        add(name, &warning);
    }
    ExceptionTypes {
        base_exception: base.clone(),
        exception,
        type_error,
        value_error,
        system_error,
        attribute_error,
        name_error,
        unbound_local_error,
        key_error,
        index_error,
        lookup_error,
        zero_division_error,
        arithmetic_error,
        overflow_error,
        stop_iteration,
        stop_async_iteration,
        runtime_error,
        recursion_error,
        not_implemented_error,
        import_error,
        module_not_found_error,
        assertion_error,
        generator_exit,
        keyboard_interrupt,
        system_exit,
        unicode_error,
        unicode_decode_error,
        unicode_encode_error,
        memory_error,
        eof_error,
        os_error,
        all,
    }
}

impl super::Vm {
    /// A builtin (static) type made at run time for a native module: its instances'
    /// state is Rust data (`Payload::Other`), set by the type's own `__new__`. `tp_name`
    /// is CPython's: `_contextvars.Context` names the module before the last dot (its
    /// error messages show the whole), `Token` alone stands for `builtins`.
    pub fn new_native_type(&mut self, tp_name: &str, subclassable: bool) -> ObjRef {
        let dict = self.new_dict();
        let mut data = type_data(
            tp_name,
            vec![self.types.object.clone()],
            dict.clone(),
            Layout::Opaque,
            subclassable,
        );
        if let Some((module, name)) = tp_name.rsplit_once('.') {
            data.qualname = PyCell::new(Rc::from(name));
            let key = crate::object::Value::Obj(self.names.__module__.clone());
            let value = self.new_str(module);
            let _ = self.dict_set(&dict, key, value);
        }
        let t = Object::new(self.types.type_.clone(), Payload::Type(Box::new(data)));
        linear_mro(&t);
        t
    }
}

impl super::Vm {
    /// A builtin (static) type named `name` with `bases` and instance `layout`: for the
    /// types only some versions have (Python 2's `unicode`, `basestring`, `classobj`).
    pub fn new_static_type(
        &mut self,
        name: &str,
        bases: Vec<ObjRef>,
        layout: Layout,
        subclassable: bool,
    ) -> ObjRef {
        let dict = self.new_dict();
        let data = type_data(name, bases, dict, layout, subclassable);
        let t = Object::new(self.types.type_.clone(), Payload::Type(Box::new(data)));
        linear_mro(&t);
        t
    }
}
