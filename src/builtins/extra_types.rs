//! The builtin types of the container and iteration builtins that the core runtime does
//! not name itself: dict views, the per-container iterator types (so that
//! `type(iter([])).__name__` is `list_iterator`), `enumerate`/`zip`/`map`/`filter`/
//! `reversed`, `memoryview`, `mappingproxy`, and the exception groups of 3.11+.
//!
//! Created once with the other builtin types (`vm::types::bootstrap`).

use crate::object::typeobj::Layout;
use crate::object::{ObjRef, Payload};

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
            eg.mro.replace(mro);
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
        }
    }
}
