//! The native `_string` module: the format-string parser of `str.format`, exposed for
//! `string.Formatter` — `formatter_parser(s)` yields `(literal, field_name, format_spec,
//! conversion)` per chunk, `formatter_field_name_split(name)` gives the first part of a
//! field name and an iterator of `(is_attribute, key)` for the rest.
//!
//! Both share `str.format`'s own parser (`builtins::str_format`), so they accept and
//! reject exactly what formatting does. Parsing has no side effects, so the items are
//! computed at once and handed out lazily; a parse error is raised by the `next()` that
//! reaches it, as CPython's iterators do.

use crate::builtins::str_format::{self, FieldPart};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::collections::VecDeque;

/// The pending items of a `formatteriterator` or `fieldnameiterator`, then the error
/// that ends it early, if any.
struct Pending(PyCell<(VecDeque<Value>, Option<PyErr>)>);

thread_local! {
    /// The two iterator types, made with the module.
    static TYPES: RefCell<Option<[ObjRef; 2]>> = const { RefCell::new(None) };
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("formatter_parser", formatter_parser),
    ("formatter_field_name_split", formatter_field_name_split),
];

/// `_string`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_string");
    for (name, f) in FUNCTIONS {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    let types = [
        iterator_type(vm, "formatteriterator")?,
        iterator_type(vm, "fieldnameiterator")?,
    ];
    TYPES.with(|t| *t.borrow_mut() = Some(types));
    Ok(m)
}

/// A builtin iterator type (`__iter__` returns itself, `__next__` hands out `Pending`).
fn iterator_type(vm: &mut Vm, name: &str) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let module = vm.new_str("builtins");
    vm.dict_set(&ns, key, module)?;
    let meta = vm.types.type_.clone();
    let t = vm.new_class(&meta, name, vec![], &ns, Args::positional(&[]))?;
    vm.add_method(&t, "__iter__", iter_self, BuiltinKind::Method);
    vm.add_method(&t, "__next__", iter_next, BuiltinKind::Method);
    Ok(t)
}

fn new_iterator(vm: &Vm, which: usize, items: Vec<Value>, error: Option<PyErr>) -> Value {
    let class = TYPES
        .with(|t| t.borrow().as_ref().map(|t| t[which].clone()))
        .unwrap_or_else(|| vm.types.object.clone());
    let state = Pending(PyCell::new((items.into(), error)));
    Value::Obj(Object::new(class, Payload::Other(Box::new(state))))
}

fn pending(v: &Value) -> Option<&Pending> {
    super::native_class::state_of::<Pending>(v)
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [it] if pending(it).is_some() => Ok(it.clone()),
        _ => Err(vm.type_error("descriptor '__iter__' requires an iterator")),
    }
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(state) = args.pos().first().and_then(pending) else {
        return Err(vm.type_error("descriptor '__next__' requires an iterator"));
    };
    let next = state.0.with_mut(|(items, error)| match items.pop_front() {
        Some(v) => Ok(v),
        None => Err(error.take()),
    });
    match next {
        Ok(v) => Ok(v),
        Err(Some(e)) => Err(e),
        Err(None) => {
            let empty = vm.new_tuple(vec![]);
            Err(vm.new_exception_args(&vm.types.exc.stop_iteration.clone(), empty))
        }
    }
}

/// The one str argument of both functions.
fn str_arg(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<Vec<u32>> {
    let [v] = args.pos() else {
        return Err(vm.type_error(&format!(
            "{name}() takes exactly one argument ({} given)",
            args.values.len()
        )));
    };
    match v.as_str() {
        Some(s) if args.kwnames.is_empty() => Ok(s.code_points()),
        Some(_) => Err(vm.type_error(&format!("{name}() takes no keyword arguments"))),
        None => Err(vm.type_error(&format!("expected str, got {}", vm.type_name(v)))),
    }
}

fn formatter_parser(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_arg(vm, &args, "formatter_parser")?;
    let mut items = Vec::new();
    let mut error = None;
    let mut pos = 0;
    while let Some(chunk) = str_format::next_markup(vm, &s, &mut pos) {
        let chunk = match chunk {
            Ok(c) => c,
            Err(e) => {
                error = Some(e);
                break;
            }
        };
        let literal = vm.new_str_points(chunk.literal);
        let item = match chunk.field {
            None => vec![literal, Value::None, Value::None, Value::None],
            Some(f) => {
                let conversion = match f.conversion {
                    Some(c) => vm.new_str_points(&[c]),
                    None => Value::None,
                };
                vec![
                    literal,
                    vm.new_str_points(f.name),
                    vm.new_str_points(f.spec),
                    conversion,
                ]
            }
        };
        items.push(vm.new_tuple(item));
    }
    Ok(new_iterator(vm, 0, items, error))
}

fn formatter_field_name_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = str_arg(vm, &args, "formatter_field_name_split")?;
    let first_end = str_format::field_name_first_end(&name);
    let first = &name[..first_end];
    let first = if !first.is_empty() && first.iter().all(|&c| (0x30..=0x39).contains(&c)) {
        let text: String = first.iter().filter_map(|&c| char::from_u32(c)).collect();
        match text.parse::<i64>() {
            Ok(n) => Value::Int(n),
            Err(_) => return Err(vm.value_error("Too many decimal digits in format string")),
        }
    } else {
        vm.new_str_points(first)
    };
    let mut items = Vec::new();
    let mut error = None;
    let mut i = first_end;
    while let Some(part) = str_format::next_field_part(vm, &name, &mut i) {
        let item = match part {
            Ok(FieldPart::Attr(units)) => vec![Value::Bool(Truth::True), vm.new_str_points(units)],
            Ok(FieldPart::Index(units)) => {
                vec![Value::Bool(Truth::False), str_format::index_key(vm, units)]
            }
            Err(e) => {
                error = Some(e);
                break;
            }
        };
        items.push(vm.new_tuple(item));
    }
    let rest = new_iterator(vm, 1, items, error);
    Ok(vm.new_tuple(vec![first, rest]))
}
