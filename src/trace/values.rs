//! Values as traces show them: their `repr`, worked out without running Python code.
//!
//! A trace must not change what the program does, so a user-defined `__repr__` is never
//! called: instances of Python classes show as `<Name object>`, exceptions as
//! `Type(args...)`, and builtin containers are walked here (the builtin repr of a list
//! would call its elements' `__repr__`). Leaves of builtin types (numbers, strings, bytes,
//! functions, classes, code objects...) take the VM's own repr, which calls no Python
//! code for them. Long texts are shortened: a container shows at most [`MAX_ITEMS`]
//! items, a value at most [`MAX_CHARS`] characters, and nesting stops at [`MAX_DEPTH`].

use crate::object::{ObjRef, Payload, Value};
use crate::vm::Vm;

/// Items shown of a container before `...`.
pub const MAX_ITEMS: usize = 8;
/// Characters shown of one value before `...`.
pub const MAX_CHARS: usize = 80;
/// Containers shown inside containers before `...`.
pub const MAX_DEPTH: usize = 3;

/// `repr(v)` for a trace, shortened.
pub fn trace_repr(vm: &mut Vm, v: &Value) -> String {
    let mut out = String::new();
    write_value(vm, v, 0, &mut out);
    shorten(out)
}

fn shorten(text: String) -> String {
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

fn write_value(vm: &mut Vm, v: &Value, depth: usize, out: &mut String) {
    let o = match v {
        Value::Null => return out.push_str("NULL"),
        Value::Obj(o) => o,
        scalar => return out.push_str(&vm.repr(scalar).unwrap_or_else(|_| "?".into())),
    };
    let class_ = o.class().clone();
    let user_class = vm.type_data(&class_).is_heap;
    if let Payload::Exception(data) = &o.payload {
        out.push_str(&vm.type_name(v));
        let args = data.args.get();
        match args.payload() {
            Some(Payload::Tuple(items)) if depth < MAX_DEPTH => {
                write_items(vm, "(", items.iter().cloned(), ")", depth, out)
            }
            _ => out.push_str("(...)"),
        }
        return;
    }
    if user_class {
        out.push_str(&format!("<{} object>", vm.type_name(v)));
        return;
    }
    if depth >= MAX_DEPTH && is_container(&o.payload) {
        out.push_str("...");
        return;
    }
    match &o.payload {
        Payload::Tuple(items) => {
            let close = if items.len() == 1 { ",)" } else { ")" };
            write_items(vm, "(", items.iter().cloned(), close, depth, out)
        }
        Payload::List(items) => {
            let items = items.with(|l| l.iter().take(MAX_ITEMS + 1).cloned().collect::<Vec<_>>());
            write_items(vm, "[", items.into_iter(), "]", depth, out)
        }
        Payload::Dict(d) => {
            let pairs = d.with(|d| {
                d.iter()
                    .take(MAX_ITEMS + 1)
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect::<Vec<_>>()
            });
            out.push('{');
            for (i, (k, val)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if i == MAX_ITEMS {
                    out.push_str("...");
                    break;
                }
                write_value(vm, k, depth + 1, out);
                out.push_str(": ");
                write_value(vm, val, depth + 1, out);
            }
            out.push('}');
        }
        Payload::Set(s) => {
            let items = s.with(set_items);
            write_set(vm, &class_, items, depth, out)
        }
        Payload::FrozenSet(s) => {
            let items = set_items(s);
            write_set(vm, &class_, items, depth, out)
        }
        p if is_opaque(p) => out.push_str(&format!("<{} object>", vm.type_name(v))),
        _ => out.push_str(&leaf_repr(vm, o, v)),
    }
}

fn set_items(s: &crate::object::set::SetData) -> Vec<Value> {
    s.iter()
        .take(MAX_ITEMS + 1)
        .map(|e| e.key.clone())
        .collect()
}

fn write_set(vm: &mut Vm, class_: &ObjRef, items: Vec<Value>, depth: usize, out: &mut String) {
    let name = vm.type_name(&Value::Obj(class_.clone()));
    let is_set = &*name == "set";
    if items.is_empty() {
        out.push_str(if is_set { "set()" } else { "frozenset()" });
        return;
    }
    let (open, close) = if is_set {
        ("{", "}")
    } else {
        ("frozenset({", "})")
    };
    write_items(vm, open, items.into_iter(), close, depth, out)
}

fn write_items(
    vm: &mut Vm,
    open: &str,
    items: impl Iterator<Item = Value>,
    close: &str,
    depth: usize,
    out: &mut String,
) {
    out.push_str(open);
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if i == MAX_ITEMS {
            out.push_str("...");
            break;
        }
        write_value(vm, &item, depth + 1, out);
    }
    out.push_str(close);
}

fn is_container(p: &Payload) -> bool {
    matches!(
        p,
        Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
    )
}

/// Builtin objects whose repr shows other values (which could be instances of Python
/// classes): named by their type only.
fn is_opaque(p: &Payload) -> bool {
    matches!(
        p,
        Payload::Method(_)
            | Payload::Slice(_)
            | Payload::Super(_)
            | Payload::Cell(_)
            | Payload::Property(_)
            | Payload::ClassMethod(_)
            | Payload::StaticMethod(_)
            | Payload::Slots(_)
            | Payload::Other(_)
            | Payload::Plain
    )
}

fn leaf_repr(vm: &mut Vm, o: &ObjRef, v: &Value) -> String {
    match vm.repr_builtin(o, v) {
        Ok(s) => s,
        Err(_) => format!("<{} object>", vm.type_name(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::{trace_repr, MAX_CHARS};
    use crate::object::Value;
    use crate::vm::Vm;

    fn vm() -> Vm {
        let mut vm = Vm::new(crate::spec::VERSIONS[crate::spec::VERSIONS.len() - 1]);
        vm.init_builtins();
        vm
    }

    #[test]
    fn reprs_of_builtin_values() {
        let mut vm = vm();
        let s = vm.new_str("it's");
        let one = vm.new_tuple(vec![Value::Int(1)]);
        let t = vm.new_tuple(vec![
            Value::None,
            Value::bool(true),
            Value::float(0.5),
            s,
            one,
        ]);
        assert_eq!(trace_repr(&mut vm, &t), "(None, True, 0.5, \"it's\", (1,))");
        assert_eq!(trace_repr(&mut vm, &Value::Null), "NULL");
        let empty = vm.new_dict();
        assert_eq!(trace_repr(&mut vm, &Value::Obj(empty)), "{}");
    }

    #[test]
    fn long_values_are_shortened() {
        let mut vm = vm();
        let items: Vec<Value> = (0..100).map(Value::Int).collect();
        let l = vm.new_list(items);
        assert_eq!(trace_repr(&mut vm, &l), "[0, 1, 2, 3, 4, 5, 6, 7, ...]");
        let long = vm.new_str(&"x".repeat(500));
        let shown = trace_repr(&mut vm, &long);
        assert_eq!(shown.chars().count(), MAX_CHARS + 3);
        assert!(shown.starts_with("'xxx") && shown.ends_with("..."));
        // Nesting stops at MAX_DEPTH.
        let mut v = Value::Int(0);
        for _ in 0..10 {
            v = vm.new_list(vec![v]);
        }
        assert_eq!(trace_repr(&mut vm, &v), "[[[...]]]");
    }
}
