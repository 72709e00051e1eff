//! What CPython's `site` module adds to the builtins of a program run as a script:
//! `exit` and `quit` (`_sitebuiltins.Quitter` objects that raise SystemExit).

use crate::object::{Args, BuiltinKind, Object, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Adds `exit` and `quit` to the builtins.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let modname = vm.new_str("_sitebuiltins");
    vm.dict_set(&ns, key, modname)?;
    let meta = vm.types.type_.clone();
    let object = vm.types.object.clone();
    let t = vm.new_class(&meta, "Quitter", vec![object], &ns, Args::positional(&[]))?;
    vm.add_method(&t, "__repr__", quitter_repr, BuiltinKind::Method);
    vm.add_method(&t, "__call__", quitter_call, BuiltinKind::Method);
    let builtins = vm.builtins.clone();
    for name in ["exit", "quit"] {
        let inst = Value::Obj(Object::with_dict(t.clone(), Payload::Plain));
        let key = vm.intern("name");
        let n = vm.new_str(name);
        vm.set_attr(&inst, &key, n)?;
        let key = vm.intern("eof");
        let eof = vm.new_str("Ctrl-D (i.e. EOF)");
        vm.set_attr(&inst, &key, eof)?;
        let key = Value::Obj(vm.intern(name));
        vm.dict_set(&builtins, key, inst)?;
    }
    Ok(())
}

fn quitter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos().first().cloned().unwrap_or(Value::None);
    let (n, e) = (vm.intern("name"), vm.intern("eof"));
    let name = vm.get_attr(&this, &n)?;
    let eof = vm.get_attr(&this, &e)?;
    let (name, eof) = (vm.str(&name)?, vm.str(&eof)?);
    Ok(vm.new_str(&format!("Use {name}() or {eof} to exit")))
}

/// `exit(code=None)`: SystemExit(code).
fn quitter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let code = match args.pos() {
        [_] => Value::None,
        [_, code] => code.clone(),
        p => {
            return Err(vm.type_error(&format!(
                "__call__() takes from 1 to 2 positional arguments but {} were given",
                p.len()
            )))
        }
    };
    let class = Value::Obj(vm.types.exc.system_exit.clone());
    match vm.call(&class, Args::positional(&[code]))? {
        Value::Obj(o) => Err(PyErr(o)),
        _ => Err(vm.system_error("SystemExit() did not make an exception")),
    }
}
