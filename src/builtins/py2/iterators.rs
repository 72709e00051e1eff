//! Python 2's iterator protocol on the builtin iterators: a `next` method beside
//! `__next__`, and the 2.x names of their types (`listiterator`,
//! `dictionary-keyiterator`...).

use crate::object::{ObjRef, Payload, Value};
use crate::vm::Vm;

/// Gives `t` a `next` method: its `__next__`.
fn add_next(vm: &mut Vm, t: &ObjRef) {
    let dict = vm.type_data(t).dict.clone();
    let key = Value::Obj(vm.intern("__next__"));
    if let Ok(Some(f)) = vm.dict_get(&dict, &key) {
        let next = Value::Obj(vm.intern("next"));
        let _ = vm.dict_set(&dict, next, f);
    }
}

fn rename(vm: &Vm, t: &ObjRef, name: &str) {
    let data = vm.type_data(t);
    data.name.replace(std::rc::Rc::from(name));
    data.qualname.replace(std::rc::Rc::from(name));
}

pub fn install(vm: &mut Vm) {
    let x = &vm.types.extra;
    let named: Vec<(ObjRef, Option<&str>)> = vec![
        (x.dict_keyiterator.clone(), Some("dictionary-keyiterator")),
        (
            x.dict_valueiterator.clone(),
            Some("dictionary-valueiterator"),
        ),
        (x.dict_itemiterator.clone(), Some("dictionary-itemiterator")),
        (x.list_iterator.clone(), Some("listiterator")),
        (x.list_reverseiterator.clone(), Some("listreverseiterator")),
        (x.tuple_iterator.clone(), Some("tupleiterator")),
        (x.str_iterator.clone(), Some("iterator")),
        (x.str_ascii_iterator.clone(), Some("iterator")),
        (x.set_iterator.clone(), Some("setiterator")),
        (x.range_iterator.clone(), Some("rangeiterator")),
        (x.callable_iterator.clone(), Some("callable-iterator")),
        (x.bytes_iterator.clone(), None),
        (x.bytearray_iterator.clone(), Some("bytearray_iterator")),
        (x.enumerate.clone(), None),
        (x.reversed.clone(), None),
        (vm.types.iterator.clone(), None),
        (vm.types.generator.clone(), None),
    ];
    for (t, name) in named {
        add_next(vm, &t);
        if let Some(n) = name {
            rename(vm, &t, n);
        }
    }
}

/// `itertools` of Python 2: `izip`, `imap`, `ifilter`, `ifilterfalse`, `izip_longest`
/// (the lazy forms Python 3 made the builtins), and `next` on its iterators.
pub fn adjust_itertools(vm: &mut Vm, m: &ObjRef) {
    let x = &vm.types.extra;
    let lazy = [
        ("izip", x.zip.clone()),
        ("imap", x.map.clone()),
        ("ifilter", x.filter.clone()),
    ];
    for (name, t) in lazy {
        vm.module_set(m, name, Value::Obj(t));
    }
    let Payload::Module(ns) = &m.payload else {
        return;
    };
    let ns = ns.clone();
    for (old, new) in [
        ("zip_longest", "izip_longest"),
        ("filterfalse", "ifilterfalse"),
    ] {
        let key = vm.intern(old);
        if let Some(v) = vm.dict_get_name(&ns, &key) {
            vm.module_set(m, new, v);
        }
    }
    for e in vm.dict_items(&ns) {
        if let Value::Obj(t) = &e.value {
            if matches!(t.payload, Payload::Type(_)) {
                add_next(vm, t);
            }
        }
    }
}
