//! A native `importlib` with the everyday entry points: `import_module`, `reload` and
//! `invalidate_caches` (the finder keeps no caches, so the last does nothing), and an
//! `importlib.machinery` submodule with the file-suffix lists (which `inspect` reads).

use crate::object::{Args, BuiltinKind, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `importlib`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("importlib");
    let functions: &[(&'static str, crate::object::NativeFn)] = &[
        ("import_module", import_module),
        ("reload", reload),
        ("invalidate_caches", |_, _| Ok(Value::None)),
    ];
    for (name, f) in functions {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    let machinery = machinery(vm)?;
    vm.module_set(&m, "machinery", Value::Obj(machinery.clone()));
    let modules = vm.imports.modules.clone();
    let key = vm.new_str("importlib.machinery");
    vm.dict_set(&modules, key, Value::Obj(machinery))?;
    Ok(m)
}

/// `importlib.machinery`: the suffix lists of source, bytecode and extension modules.
fn machinery(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("importlib.machinery");
    for (name, items) in [
        ("SOURCE_SUFFIXES", &[".py"][..]),
        ("BYTECODE_SUFFIXES", &[".pyc"][..]),
        ("DEBUG_BYTECODE_SUFFIXES", &[".pyc"][..]),
        ("OPTIMIZED_BYTECODE_SUFFIXES", &[".pyc"][..]),
        ("EXTENSION_SUFFIXES", &[][..]),
    ] {
        let items = items.iter().map(|s| vm.new_str(s)).collect();
        let list = vm.new_list(items);
        vm.module_set(&m, name, list);
    }
    let f = vm.new_builtin(
        "all_suffixes",
        |vm, _| {
            let items = [".py", ".pyc"].iter().map(|s| vm.new_str(s)).collect();
            Ok(vm.new_list(items))
        },
        BuiltinKind::Function,
        None,
    );
    vm.module_set(&m, "all_suffixes", f);
    Ok(m)
}

/// `import_module(name, package=None)`: the module itself (not its top-level package);
/// a leading dot is relative to `package`.
fn import_module(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "import_module",
        params: &["name", "package"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let name_v = a[0].clone().unwrap_or(Value::None);
    let package = a[1].clone().unwrap_or(Value::None);
    let Some(name) = name_v.as_str().map(|s| s.as_str().to_string()) else {
        let t = vm.type_name(&name_v);
        return Err(vm.new_exception(
            &vm.types.exc.attribute_error.clone(),
            &format!("'{t}' object has no attribute 'startswith'"),
        ));
    };
    let level = name.chars().take_while(|c| *c == '.').count();
    if level > 0 && !vm.truthy(&package)? {
        return Err(vm.type_error(&format!(
            "the 'package' argument is required to perform a relative import for '{name}'"
        )));
    }
    let rest = &name[level..];
    let abs = if level > 0 {
        if package.as_str().is_none() {
            return Err(vm.type_error("__package__ not set to a string"));
        }
        let globals = vm.new_dict();
        let key = Value::Obj(vm.intern("__package__"));
        vm.dict_set(&globals, key, package)?;
        vm.resolve_name(rest, &Value::Obj(globals), level as i64)?
    } else {
        if rest.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        rest.to_string()
    };
    vm.import_absolute(&abs)?;
    match vm.sys_modules_get(&abs) {
        Some(m) => Ok(m),
        None => Err(vm.new_exception(&vm.types.exc.key_error.clone(), &format!("'{abs}'"))),
    }
}

fn reload(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "reload", &args)?;
    match args.pos() {
        [m] => vm.reload(m),
        p => Err(vm.type_error(&format!(
            "reload() takes 1 positional argument but {} were given",
            p.len()
        ))),
    }
}
