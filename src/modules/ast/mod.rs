//! A native `_ast`: the AST node classes of the running version, with their `_fields`
//! and `_attributes`, and the `PyCF_*` compiler flags, so that `ast.py` (and with it
//! `inspect`, `dataclasses`...) imports. The classes come from `nodes.txt`, recorded from
//! each CPython by `tools/gen_ast_nodes.py`. xpython has no parser, so
//! `compile(..., PyCF_ONLY_AST)` cannot make trees: the nodes exist to be built and
//! inspected by Python code.

use crate::object::{Args, BuiltinKind, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::collections::HashMap;

/// The node table: `versions name base fields attributes` lines and `versions const
/// NAME value` lines.
const NODES: &str = include_str!("nodes.txt");

/// One node class of the table.
struct Node<'a> {
    name: &'a str,
    base: &'a str,
    fields: Vec<&'a str>,
    attributes: Vec<&'a str>,
}

fn list(s: &str) -> Vec<&str> {
    if s == "-" {
        Vec::new()
    } else {
        s.split(',').collect()
    }
}

/// `_ast`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_ast");
    let (major, minor) = vm.version.format.major_minor;
    let ver = format!("{major}.{minor}");
    let mut nodes = Vec::new();
    for line in NODES.lines().filter(|l| !l.starts_with('#')) {
        let parts: Vec<&str> = line.split(' ').collect();
        if parts.len() < 4 || !parts[0].split(',').any(|v| v == ver) {
            continue;
        }
        if parts[1] == "const" {
            if let Ok(n) = parts[3].parse::<i64>() {
                vm.module_set(&m, parts[2], Value::Int(n));
            }
            continue;
        }
        if parts.len() == 5 {
            nodes.push(Node {
                name: parts[1],
                base: parts[2],
                fields: list(parts[3]),
                attributes: list(parts[4]),
            });
        }
    }
    // Bases first: each pass makes the classes whose base exists.
    let mut made: HashMap<&str, ObjRef> = HashMap::new();
    made.insert("object", vm.types.object.clone());
    while !nodes.is_empty() {
        let before = nodes.len();
        let mut rest = Vec::new();
        for n in nodes {
            match made.get(n.base).cloned() {
                Some(base) => {
                    let c = node_class(vm, &n, base)?;
                    vm.module_set(&m, n.name, Value::Obj(c.clone()));
                    made.insert(n.name, c);
                }
                None => rest.push(n),
            }
        }
        if rest.len() == before {
            break;
        }
        nodes = rest;
    }
    Ok(m)
}

fn names_tuple(vm: &mut Vm, names: &[&str]) -> Value {
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    vm.new_tuple(items)
}

fn node_class(vm: &mut Vm, n: &Node<'_>, base: ObjRef) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let module = vm.new_str("ast");
    vm.dict_set(&ns, key, module)?;
    let is_root = n.base == "object";
    // Abstract classes (no fields) inherit their base's tuples, as in CPython.
    if is_root || !n.fields.is_empty() || n.base == "AST" {
        let f = names_tuple(vm, &n.fields);
        let key = Value::Obj(vm.intern("_fields"));
        vm.dict_set(&ns, key, f)?;
    }
    if !n.attributes.is_empty() || is_root {
        let a = names_tuple(vm, &n.attributes);
        let key = Value::Obj(vm.intern("_attributes"));
        vm.dict_set(&ns, key, a)?;
    }
    let meta = vm.types.type_.clone();
    let c = vm.new_class(&meta, n.name, vec![base], &ns, Args::positional(&[]))?;
    if is_root {
        vm.add_method(&c, "__init__", ast_init, BuiltinKind::Method);
    }
    Ok(c)
}

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields` in order,
/// keywords set any attribute.
fn ast_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'AST' object needs an argument"));
    };
    let pos = &args.pos()[1..];
    if !pos.is_empty() {
        let key = vm.intern("_fields");
        let fields = vm.get_attr(&this, &key)?;
        let fields = vm.collect(&fields)?;
        if pos.len() > fields.len() {
            let t = vm.type_name(&this).to_string();
            let n = fields.len();
            return Err(vm.type_error(&format!(
                "{t} constructor takes {}{n} positional argument{}",
                if n == 0 { "" } else { "at most " },
                if n == 1 { "" } else { "s" }
            )));
        }
        for (f, v) in fields.iter().zip(pos) {
            let Some(name) = f.as_str().map(|s| s.as_str().to_string()) else {
                continue;
            };
            let name = vm.intern(&name);
            vm.set_attr(&this, &name, v.clone())?;
        }
    }
    for (k, v) in args.kw() {
        let Some(name) = k.as_str().map(|s| s.as_str().to_string()) else {
            continue;
        };
        let name = vm.intern(&name);
        vm.set_attr(&this, &name, v.clone())?;
    }
    Ok(Value::None)
}
