//! Struct sequences (CPython's `structseq`): tuple subclasses whose items are also named
//! attributes, with a `name(field=value, ...)` repr — `sys.version_info`, `sys.flags`,
//! and later `time.struct_time` and the like.

use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::vm::{PyResult, Vm};

/// A new struct-sequence type `module.name` with the given fields.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let module_v = vm.new_str(module);
    let key = Value::Obj(vm.names.__module__.clone());
    vm.dict_set(&ns, key, module_v)?;
    let names: Vec<Value> = fields.iter().map(|f| vm.new_str(f)).collect();
    let names = vm.new_tuple(names);
    let key = Value::Obj(vm.intern("__match_args__"));
    vm.dict_set(&ns, key, names)?;
    let n = Value::Int(fields.len() as i64);
    for k in ["n_fields", "n_sequence_fields"] {
        let key = Value::Obj(vm.intern(k));
        vm.dict_set(&ns, key, n.clone())?;
    }
    let key = Value::Obj(vm.intern("n_unnamed_fields"));
    vm.dict_set(&ns, key, Value::Int(0))?;
    let meta = vm.types.type_.clone();
    let tuple = vm.types.tuple.clone();
    let t = vm.new_class(&meta, name, vec![tuple], &ns, Args::positional(&[]))?;
    vm.add_method(&t, "__repr__", structseq_repr, BuiltinKind::Method);
    vm.add_method(&t, "__str__", structseq_repr, BuiltinKind::Method);
    vm.add_method(&t, "__getattr__", structseq_getattr, BuiltinKind::Method);
    Ok(t)
}

/// An instance of a struct-sequence type.
pub fn new(t: &ObjRef, values: Vec<Value>) -> Value {
    Value::Obj(Object::new(
        t.clone(),
        Payload::Tuple(values.into_boxed_slice()),
    ))
}

/// An instance whose tuple holds `values` and which also has the named `extras` as
/// attributes outside the sequence (CPython's fields past `n_sequence_fields`, such as
/// `stat_result.st_atime_ns`).
pub fn new_with_extras(
    vm: &mut Vm,
    t: &ObjRef,
    values: Vec<Value>,
    extras: Vec<(&str, Value)>,
) -> PyResult<Value> {
    let o = Object::with_dict(t.clone(), Payload::Tuple(values.into_boxed_slice()));
    let o = Value::Obj(o);
    for (k, v) in extras {
        let key = vm.intern(k);
        vm.set_attr(&o, &key, v)?;
    }
    Ok(o)
}

fn fields(vm: &mut Vm, t: &ObjRef) -> Vec<String> {
    let key = vm.intern("__match_args__");
    match vm.lookup_in_mro(t, &key) {
        Some(v) => match v.payload() {
            Some(Payload::Tuple(items)) => items
                .iter()
                .filter_map(|i| i.as_str().map(|s| s.as_str().to_string()))
                .collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    }
}

fn structseq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos().first().cloned() else {
        return Err(vm.type_error("__repr__ needs an argument"));
    };
    let t = vm.class_of(&this).clone();
    let names = fields(vm, &t);
    let items = match this.payload() {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    let module = vm.type_module(&t).unwrap_or_default();
    let mut out = format!("{module}.{}(", vm.type_data(&t).name());
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(v)?;
        match names.get(i) {
            Some(n) => out.push_str(&format!("{n}={r}")),
            None => out.push_str(&r),
        }
    }
    out.push(')');
    Ok(vm.new_str(&out))
}

fn structseq_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [this, name] = args.pos() else {
        return Err(vm.type_error("__getattr__ expected 2 arguments"));
    };
    let t = vm.class_of(this).clone();
    let names = fields(vm, &t);
    let wanted = name
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    if let Some(i) = names.iter().position(|n| *n == wanted) {
        if let Some(Payload::Tuple(items)) = this.payload() {
            if let Some(v) = items.get(i) {
                return Ok(v.clone());
            }
        }
    }
    // Named by the full type name, as CPython's static struct-sequence types are.
    let module = vm.type_module(&t).unwrap_or_default();
    let tname = vm.type_data(&t).name().to_string();
    Err(vm.new_exception(
        &vm.types.exc.attribute_error.clone(),
        &format!("'{module}.{tname}' object has no attribute '{wanted}'"),
    ))
}
