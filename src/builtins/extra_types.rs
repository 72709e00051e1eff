//! The builtin types of the container and iteration builtins that the core runtime does
//! not name itself: dict views, the per-container iterator types (so that
//! `type(iter([])).__name__` is `list_iterator`), `enumerate`/`zip`/`map`/`filter`/
//! `reversed`, `memoryview`, `mappingproxy`, and the exception groups of 3.11+.
//!
//! Created once with the other builtin types (`vm::types::bootstrap`).

use crate::object::typeobj::Layout;
use crate::object::{BuiltinKind, ObjRef, Payload};
use crate::vm::Vm;

pub struct ExtraTypes {
    pub dict_keys: ObjRef,
    pub dict_values: ObjRef,
    pub dict_items: ObjRef,
    pub dict_keyiterator: ObjRef,
    pub dict_valueiterator: ObjRef,
    pub dict_itemiterator: ObjRef,
    pub dict_reversekeyiterator: ObjRef,
    pub dict_reversevalueiterator: ObjRef,
    pub dict_reverseitemiterator: ObjRef,
    pub list_iterator: ObjRef,
    pub list_reverseiterator: ObjRef,
    pub tuple_iterator: ObjRef,
    pub str_iterator: ObjRef,
    pub str_ascii_iterator: ObjRef,
    pub bytes_iterator: ObjRef,
    pub bytearray_iterator: ObjRef,
    pub set_iterator: ObjRef,
    pub range_iterator: ObjRef,
    pub callable_iterator: ObjRef,
    pub enumerate: ObjRef,
    pub zip: ObjRef,
    pub map: ObjRef,
    pub filter: ObjRef,
    pub reversed: ObjRef,
    pub memoryview: ObjRef,
    pub mappingproxy: ObjRef,
    pub base_exception_group: ObjRef,
    pub exception_group: ObjRef,
    pub method_descriptor: ObjRef,
    pub wrapper_descriptor: ObjRef,
    pub method_wrapper: ObjRef,
    pub classmethod_descriptor: ObjRef,
    pub getset_descriptor: ObjRef,
    pub member_descriptor: ObjRef,
    pub memory_iterator: ObjRef,
    pub generic_alias: ObjRef,
    pub union_type: ObjRef,
}

/// How `bootstrap` makes a builtin type: name, base, layout, subclassable.
pub type MakeType<'a> = &'a dyn Fn(&str, &ObjRef, Layout, bool) -> ObjRef;

impl ExtraTypes {
    pub fn new(
        make: MakeType<'_>,
        object: &ObjRef,
        base_exception: &ObjRef,
        exception: &ObjRef,
    ) -> ExtraTypes {
        let opaque = |name: &str| make(name, object, Layout::Opaque, false);
        let base_exception_group = make(
            "BaseExceptionGroup",
            base_exception,
            Layout::Exception,
            true,
        );
        let exception_group = make(
            "ExceptionGroup",
            &base_exception_group,
            Layout::Exception,
            true,
        );
        // ExceptionGroup(BaseExceptionGroup, Exception): fix the bases and the MRO that
        // `make` built from the first base only.
        if let (Payload::Type(eg), Payload::Type(beg), Payload::Type(exc)) = (
            &exception_group.payload,
            &base_exception_group.payload,
            &exception.payload,
        ) {
            eg.bases
                .replace(vec![base_exception_group.clone(), exception.clone()]);
            let mut mro = vec![exception_group.clone(), base_exception_group.clone()];
            mro.push(exception.clone());
            mro.extend(exc.mro.get().into_iter().skip(1));
            let _ = beg;
            eg.set_mro(mro);
        }
        ExtraTypes {
            dict_keys: opaque("dict_keys"),
            dict_values: opaque("dict_values"),
            dict_items: opaque("dict_items"),
            dict_keyiterator: opaque("dict_keyiterator"),
            dict_valueiterator: opaque("dict_valueiterator"),
            dict_itemiterator: opaque("dict_itemiterator"),
            dict_reversekeyiterator: opaque("dict_reversekeyiterator"),
            dict_reversevalueiterator: opaque("dict_reversevalueiterator"),
            dict_reverseitemiterator: opaque("dict_reverseitemiterator"),
            list_iterator: opaque("list_iterator"),
            list_reverseiterator: opaque("list_reverseiterator"),
            tuple_iterator: opaque("tuple_iterator"),
            str_iterator: opaque("str_iterator"),
            str_ascii_iterator: opaque("str_ascii_iterator"),
            bytes_iterator: opaque("bytes_iterator"),
            bytearray_iterator: opaque("bytearray_iterator"),
            set_iterator: opaque("set_iterator"),
            range_iterator: opaque("range_iterator"),
            callable_iterator: opaque("callable_iterator"),
            enumerate: opaque("enumerate"),
            zip: opaque("zip"),
            map: opaque("map"),
            filter: opaque("filter"),
            reversed: opaque("reversed"),
            memoryview: opaque("memoryview"),
            mappingproxy: opaque("mappingproxy"),
            base_exception_group,
            exception_group,
            method_descriptor: opaque("method_descriptor"),
            wrapper_descriptor: opaque("wrapper_descriptor"),
            method_wrapper: opaque("method-wrapper"),
            classmethod_descriptor: opaque("classmethod_descriptor"),
            getset_descriptor: opaque("getset_descriptor"),
            member_descriptor: opaque("member_descriptor"),
            memory_iterator: opaque("memory_iterator"),
            // Subclassed by `_collections_abc._CallableGenericAlias`.
            generic_alias: make("GenericAlias", object, Layout::Opaque, true),
            union_type: opaque("UnionType"),
        }
    }
}

/// Dunder methods of builtin types that CPython implements as ordinary methods (not as
/// type slots), so they are `method_descriptor`s rather than `wrapper_descriptor`s.
const NON_SLOT_DUNDERS: &[&str] = &[
    "__dir__",
    "__format__",
    "__sizeof__",
    "__reduce__",
    "__reduce_ex__",
    "__getnewargs__",
    "__getnewargs_ex__",
    "__reversed__",
    "__length_hint__",
    "__getstate__",
    "__setstate__",
    "__round__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__bytes__",
    "__complex__",
    "__fspath__",
    "__enter__",
    "__exit__",
    "__instancecheck__",
    "__subclasscheck__",
    "__prepare__",
    "__mro_entries__",
    "__set_name__",
    "__missing__",
    "__copy__",
    "__deepcopy__",
    "__subclasses__",
    "__class_getitem__",
    "__init_subclass__",
    "__subclasshook__",
];

/// The type of a builtin function object, as CPython names it: `builtin_function_or_method`
/// for functions and bound methods, `method_descriptor` / `wrapper_descriptor` (slot
/// dunders) / `classmethod_descriptor` for methods taken from their type, and
/// `method-wrapper` for a bound slot dunder.
pub fn builtin_class(
    vm: &Vm,
    name: &str,
    kind: BuiltinKind,
    owner: Option<&ObjRef>,
    bound: bool,
) -> ObjRef {
    let x = &vm.types.extra;
    if owner.is_none() {
        return vm.types.builtin_function.clone();
    }
    let slot = name.starts_with("__") && name.ends_with("__") && !NON_SLOT_DUNDERS.contains(&name);
    match (kind, bound) {
        (BuiltinKind::Method, false) if slot => x.wrapper_descriptor.clone(),
        (BuiltinKind::Method, false) => x.method_descriptor.clone(),
        (BuiltinKind::Method, true) if slot => x.method_wrapper.clone(),
        (BuiltinKind::ClassMethod, false) => x.classmethod_descriptor.clone(),
        _ => vm.types.builtin_function.clone(),
    }
}

/// The repr of a builtin function object, by its kind (see `builtin_class`).
pub fn builtin_repr(vm: &Vm, o: &ObjRef, b: &crate::object::Builtin) -> String {
    let x = &vm.types.extra;
    let class = o.class();
    let owner_name = b
        .owner
        .as_ref()
        .map(|t| vm.type_data(t).name())
        .unwrap_or_else(|| std::rc::Rc::from("?"));
    if std::rc::Rc::ptr_eq(class, &x.method_descriptor)
        || std::rc::Rc::ptr_eq(class, &x.classmethod_descriptor)
    {
        return format!("<method '{}' of '{owner_name}' objects>", b.name);
    }
    if std::rc::Rc::ptr_eq(class, &x.wrapper_descriptor) {
        return format!("<slot wrapper '{}' of '{owner_name}' objects>", b.name);
    }
    if std::rc::Rc::ptr_eq(class, &x.method_wrapper) {
        return format!(
            "<method-wrapper '{}' of {} object at {:#x}>",
            b.name,
            vm.type_name(&b.bound),
            b.bound.id()
        );
    }
    match (&b.bound, &b.owner, b.kind) {
        (crate::object::Value::Null, Some(t), BuiltinKind::StaticMethod) => {
            format!(
                "<built-in method {} of type object at {:#x}>",
                b.name,
                crate::object::Value::Obj(t.clone()).id()
            )
        }
        (crate::object::Value::Null, _, _) => format!("<built-in function {}>", b.name),
        (bound, _, _) => {
            format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                vm.type_name(bound),
                bound.id()
            )
        }
    }
}
