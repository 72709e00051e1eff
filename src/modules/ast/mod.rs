//! The native `_ast` module: the AST node classes `ast.py` builds on (`AST`, `mod`,
//! `stmt`, `expr`, `Name`, ...) and the `PyCF_*` compile flags, for 3.6–3.13.
//!
//! Which classes exist, their bases, `_fields`, `_attributes`, the optional ones that are
//! None on the class (3.8+) and how 3.13's constructor fills omitted fields differ by
//! version; they are data recorded from each real CPython by `tools/gen_ast_tables.py`
//! (`tables.json`), and the classes are built from it at import. The constructor takes
//! the fields positionally and by keyword, as CPython's does. Parsing source into these
//! nodes (`compile(..., PyCF_ONLY_AST)`, hence `ast.parse`) is not supported: xpython's
//! compiler is a real CPython that returns bytecode.

use crate::object::{Args, BuiltinKind, ObjRef, Value};
use crate::vm::attr::PayloadStr;
use crate::vm::{PyResult, Vm};
use serde_json::Value as Json;
use std::cell::RefCell;

/// The tables of every version, as `tools/gen_ast_tables.py` wrote them.
const TABLES: &str = include_str!("tables.json");

/// How 3.13's constructor fills a field the call omits.
#[derive(Clone, Copy)]
enum Omitted {
    /// Left unset (a required field).
    Unset,
    /// An empty list.
    List,
    /// None.
    None,
    /// `Load()`.
    Load,
}

/// A node class and how its constructor fills omitted fields (3.13; empty before).
struct NodeClass {
    class: ObjRef,
    omitted: Vec<Omitted>,
}

thread_local! {
    static CLASSES: RefCell<Vec<NodeClass>> = const { RefCell::new(Vec::new()) };
    static LOAD: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// `_ast`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let (major, minor) = vm.version.format.major_minor;
    let key = format!("{major}.{minor}");
    let tables: Json =
        serde_json::from_str(TABLES).map_err(|e| vm.system_error(&format!("_ast tables: {e}")))?;
    let Some(table) = tables.get(&key) else {
        let msg = format!("No module named '_ast' (no AST tables for Python {key})");
        return Err(vm.new_exception(&vm.types.exc.import_error.clone(), &msg));
    };
    let m = vm.new_module("_ast");
    if let Some(consts) = table["constants"].as_object() {
        for (name, v) in consts {
            vm.module_set(&m, name, Value::Int(v.as_i64().unwrap_or(0)));
        }
    }
    let module_name = table["module"].as_str().unwrap_or("_ast").to_string();
    let classes = table["classes"].as_array().cloned().unwrap_or_default();
    let mut made: Vec<(String, ObjRef)> = Vec::new();
    let mut node_classes = Vec::new();
    for c in &classes {
        let name = c[0].as_str().unwrap_or("");
        let base = match c[1].as_str() {
            Some(b) => match made.iter().find(|(n, _)| n == b) {
                Some((_, o)) => vec![o.clone()],
                None => return Err(vm.system_error(&format!("_ast: base {b} of {name}"))),
            },
            None => vec![],
        };
        let class = make_class(vm, &module_name, name, base, c)?;
        if name == "AST" {
            vm.add_method(&class, "__init__", node_init, BuiltinKind::Method);
        }
        let omitted = strings(&c[5])
            .iter()
            .map(|k| match k.as_str() {
                "list" => Omitted::List,
                "opt" => Omitted::None,
                "ctx" => Omitted::Load,
                _ => Omitted::Unset,
            })
            .collect();
        node_classes.push(NodeClass {
            class: class.clone(),
            omitted,
        });
        vm.module_set(&m, name, Value::Obj(class.clone()));
        made.push((name.to_string(), class));
    }
    let load = made
        .iter()
        .find(|(n, _)| n == "Load")
        .map(|(_, c)| c.clone());
    LOAD.with(|l| *l.borrow_mut() = load);
    CLASSES.with(|c| *c.borrow_mut() = node_classes);
    Ok(m)
}

/// The strings of a JSON array.
fn strings(v: &Json) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// One node class: `_fields`, `_attributes`, `__match_args__` (3.10+) and the optional
/// fields and attributes that are None on the class.
fn make_class(
    vm: &mut Vm,
    module: &str,
    name: &str,
    bases: Vec<ObjRef>,
    row: &Json,
) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let m = vm.new_str(module);
    vm.dict_set(&ns, key, m)?;
    let fields: Vec<Value> = strings(&row[2]).iter().map(|s| vm.new_str(s)).collect();
    let fields = vm.new_tuple(fields);
    let attributes: Vec<Value> = strings(&row[3]).iter().map(|s| vm.new_str(s)).collect();
    let attributes = vm.new_tuple(attributes);
    let mut entries = vec![("_fields".to_string(), fields.clone())];
    entries.push(("_attributes".to_string(), attributes));
    if crate::vm::flavour::ast_nodes_have_match_args(vm.version) {
        entries.push(("__match_args__".to_string(), fields));
    }
    for n in strings(&row[4]) {
        entries.push((n, Value::None));
    }
    for (n, v) in entries {
        let key = Value::Obj(vm.intern(&n));
        vm.dict_set(&ns, key, v)?;
    }
    let meta = vm.types.type_.clone();
    vm.new_class(&meta, name, bases, &ns, Args::positional(&[]))
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill `_fields` in order,
/// keyword arguments set attributes of any name; 3.13 fills omitted optional fields.
fn node_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first().cloned() else {
        return Err(vm.type_error("AST.__init__ needs an instance"));
    };
    let fields_name = vm.intern("_fields");
    let fields = vm.get_attr(&this, &fields_name)?;
    let fields = vm.collect(&fields)?;
    let pos = &args.pos()[1..];
    let v = vm.version.format.major_minor;
    let tn = vm.type_name(&this);
    if let Some(msg) =
        crate::vm::messages::ast_constructor_positional(v, &tn, fields.len(), pos.len())
    {
        return Err(vm.type_error(&msg));
    }
    let mut given: Vec<ObjRef> = Vec::new();
    for (f, v) in fields.iter().zip(pos) {
        let Some(name) = f.as_obj().cloned() else {
            continue;
        };
        vm.set_attr(&this, &name, v.clone())?;
        given.push(name);
    }
    for (k, v) in args.kw() {
        let Some(name) = k.as_obj().cloned() else {
            continue;
        };
        vm.set_attr(&this, &name, v.clone())?;
        given.push(name);
    }
    fill_omitted(vm, &this, &fields, &given)
}

/// 3.13: the omitted fields of the node's class that have a default get it.
fn fill_omitted(vm: &mut Vm, this: &Value, fields: &[Value], given: &[ObjRef]) -> PyResult<Value> {
    let Some(class) = this.as_obj().map(|o| o.class().clone()) else {
        return Ok(Value::None);
    };
    let mro = vm.type_data(&class).mro.get();
    let omitted = CLASSES.with(|c| {
        let c = c.borrow();
        mro.iter().find_map(|m| {
            c.iter()
                .find(|n| std::rc::Rc::ptr_eq(&n.class, m))
                .map(|n| n.omitted.clone())
        })
    });
    let Some(omitted) = omitted else {
        return Ok(Value::None);
    };
    for (f, how) in fields.iter().zip(omitted) {
        let Some(name) = f.as_obj() else { continue };
        if given.iter().any(|g| g.payload_str() == name.payload_str()) {
            continue;
        }
        let value = match how {
            Omitted::Unset => continue,
            Omitted::List => vm.new_list(vec![]),
            Omitted::None => Value::None,
            Omitted::Load => match LOAD.with(|l| l.borrow().clone()) {
                Some(load) => vm.call(&Value::Obj(load), Args::positional(&[]))?,
                None => continue,
            },
        };
        vm.set_attr(this, name, value)?;
    }
    Ok(Value::None)
}
