//! The extra state of two exception families, computed from their `args`:
//! `OSError` (`errno`, `strerror`, `filename`, `filename2`, the subclass chosen by errno,
//! `[Errno N] msg: 'file'`) and `SyntaxError` (`msg`, `filename`, `lineno`, `offset`,
//! `text`, `msg (file.py, line N)`), as CPython's exception types provide them.

use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let os = vm.types.exc.os_error.clone();
    vm.add_method(&os, "__new__", os_new, BuiltinKind::StaticMethod);
    vm.add_method(&os, "__init__", os_init, BuiltinKind::Method);
    add_fields(vm, &os, &["errno", "strerror", "filename", "filename2"]);
    let ie = vm.types.exc.import_error.clone();
    vm.add_method(&ie, "__init__", import_error_init, BuiltinKind::Method);
    add_fields(vm, &ie, &["msg", "name", "path"]);
    if let Some(se) = find_class(vm, "SyntaxError") {
        vm.add_method(&se, "__init__", syntax_init, BuiltinKind::Method);
        add_fields(vm, &se, &["msg", "filename", "lineno", "offset", "text"]);
        if vm.version.format.major_minor >= (3, 10) {
            add_fields(vm, &se, &["end_lineno", "end_offset"]);
        }
    }
}

/// Getters and setters for the named fields (each a `getset_descriptor` on `cls`).
fn add_fields(vm: &mut Vm, cls: &ObjRef, names: &[&'static str]) {
    macro_rules! accessors {
        ($($n:literal),*) => {
            |name: &str| -> Option<(crate::object::NativeFn, crate::object::NativeFn)> {
                match name {
                    $($n => Some((|vm, a| get_field(vm, a, $n), |vm, a| set_field(vm, a, $n))),)*
                    _ => None,
                }
            }
        };
    }
    let pick = accessors!(
        "errno",
        "strerror",
        "filename",
        "filename2",
        "msg",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
        "name",
        "path"
    );
    for name in names {
        if let Some((get, set)) = pick(name) {
            vm.add_getset(cls, name, get, Some(set));
        }
    }
}

fn find_class(vm: &Vm, name: &str) -> Option<ObjRef> {
    vm.types
        .exc
        .all
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c.clone())
}

/// The errno-to-subclass map of `OSError(errno, strerror)` (Linux numbers).
fn errno_class(vm: &Vm, errno: i64) -> Option<ObjRef> {
    let name = match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    };
    find_class(vm, name)
}

fn field(v: &Value, name: &str) -> Value {
    match v.payload() {
        Some(Payload::Exception(e)) => e.fields.with(|f| {
            f.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or(Value::None)
        }),
        _ => Value::None,
    }
}

fn put_field(v: &Value, name: &'static str, value: Value) {
    if let Some(Payload::Exception(e)) = v.payload() {
        e.fields
            .with_mut(|f| match f.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => f.push((name, value)),
            });
    }
}

/// Sets `args` and OSError's fields from the constructor arguments, as CPython's
/// `oserror_init` does: 2 to 5 arguments are `errno, strerror[, filename[, winerror[,
/// filename2]]]`, and a filename leaves only the first two in `args`.
fn os_fill(vm: &mut Vm, v: &Value, pos: &[Value]) {
    let mut args = pos.to_vec();
    if (2..=5).contains(&pos.len()) {
        let pick = |i: usize| pos.get(i).cloned().unwrap_or(Value::None);
        put_field(v, "errno", pick(0));
        put_field(v, "strerror", pick(1));
        put_field(v, "filename", pick(2));
        put_field(
            v,
            "filename2",
            if pos.len() == 5 { pick(4) } else { Value::None },
        );
        if pos.len() >= 3 && !pos[2].is_none() {
            args.truncate(2);
        }
    }
    if let Some(Payload::Exception(d)) = v.payload() {
        d.args.replace(vm.new_tuple(args));
    }
}

/// `OSError(errno, strerror, ...)` becomes the subclass its errno names.
fn os_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let pos = &args.pos()[1..];
    let mut cls = cls.clone();
    if std::rc::Rc::ptr_eq(&cls, &vm.types.exc.os_error) && (2..=5).contains(&pos.len()) {
        if let Value::Int(n) = &pos[0] {
            if let Some(sub) = errno_class(vm, *n) {
                cls = sub;
            }
        }
    }
    let obj = Value::Obj(vm.new_instance(&cls));
    os_fill(vm, &obj, pos);
    Ok(obj)
}

fn os_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    if !args.kwnames.is_empty() {
        let heap = v.as_obj().is_some_and(|o| vm.type_data(o.class()).is_heap);
        if !heap {
            let name = vm.type_name(v);
            return Err(no_kwargs_error(vm, &name));
        }
    }
    let v = v.clone();
    os_fill(vm, &v, &args.pos()[1..]);
    Ok(Value::None)
}

/// `ImportError(*args, name=None, path=None)`: `msg` is the single argument.
fn import_error_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.values.first().cloned() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let pos = &args.pos()[1..];
    let (mut name, mut path) = (Value::None, Value::None);
    for (k, value) in args.kw() {
        match k.as_str().map(|s| s.as_str()).unwrap_or("") {
            "name" => name = value.clone(),
            "path" => path = value.clone(),
            other => {
                let cls = vm.type_name(&v);
                let msg = crate::vm::messages::invalid_keyword(
                    vm.version.format.major_minor,
                    &cls,
                    other,
                );
                return Err(vm.type_error(&msg));
            }
        }
    }
    if let Some(Payload::Exception(d)) = v.payload() {
        d.args.replace(vm.new_tuple(pos.to_vec()));
    }
    let msg = if pos.len() == 1 {
        pos[0].clone()
    } else {
        Value::None
    };
    put_field(&v, "msg", msg);
    put_field(&v, "name", name);
    put_field(&v, "path", path);
    Ok(Value::None)
}

fn set_field(vm: &mut Vm, args: Args<'_>, name: &'static str) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    put_field(v, name, args.values.get(1).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn get_field(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    Ok(field(v, name))
}

/// SyntaxError's fields: `msg` is the first argument; the others come from a
/// `(filename, lineno, offset, text[, end_lineno, end_offset])` second argument.
fn syntax_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let v = v.clone();
    let pos = args.pos()[1..].to_vec();
    if let Some(Payload::Exception(d)) = v.payload() {
        d.args.replace(vm.new_tuple(pos.clone()));
    }
    if let Some(m) = pos.first() {
        put_field(&v, "msg", m.clone());
    }
    if pos.len() == 2 {
        let info = vm.collect(&pos[1])?;
        let max = if vm.version.format.major_minor >= (3, 10) {
            6
        } else {
            4
        };
        let n = info.len();
        if max == 4 {
            // Before 3.10 exactly four items; any other count is an IndexError.
            if n != 4 {
                let e = vm.types.exc.index_error.clone();
                return Err(vm.new_exception(&e, "tuple index out of range"));
            }
        } else if n < 4 || n > max {
            let msg = match n < 4 {
                true => format!("function takes at least 4 arguments ({n} given)"),
                _ => format!("function takes at most 6 arguments ({n} given)"),
            };
            return Err(vm.type_error(&msg));
        }
        for (name, item) in [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ]
        .into_iter()
        .zip(info)
        {
            put_field(&v, name, item);
        }
    }
    Ok(Value::None)
}

/// `str()` of an OSError or SyntaxError when their fields decide it; `None` otherwise.
pub fn exception_str(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    let v = Value::Obj(o.clone());
    if vm.is_instance_of_class(o, &vm.types.exc.os_error.clone()) {
        let (errno, strerror) = (field(&v, "errno"), field(&v, "strerror"));
        let (f1, f2) = (field(&v, "filename"), field(&v, "filename2"));
        if !f1.is_none() {
            let (e, s, r1) = (vm.str(&errno)?, vm.str(&strerror)?, vm.repr(&f1)?);
            if !f2.is_none() {
                let r2 = vm.repr(&f2)?;
                return Ok(Some(format!("[Errno {e}] {s}: {r1} -> {r2}")));
            }
            return Ok(Some(format!("[Errno {e}] {s}: {r1}")));
        }
        if !errno.is_none() && !strerror.is_none() {
            let (e, s) = (vm.str(&errno)?, vm.str(&strerror)?);
            return Ok(Some(format!("[Errno {e}] {s}")));
        }
        return Ok(None);
    }
    let ie = vm.types.exc.import_error.clone();
    vm.add_method(&ie, "__init__", import_error_init, BuiltinKind::Method);
    add_fields(vm, &ie, &["msg", "name", "path"]);
    if let Some(se) = find_class(vm, "SyntaxError") {
        if vm.is_instance_of_class(o, &se) {
            let msg = field(&v, "msg");
            let msg = vm.str(&msg)?;
            let filename = field(&v, "filename");
            let lineno = field(&v, "lineno");
            let base = filename.as_str().map(|f| {
                let f = f.as_str();
                f.rsplit('/').next().unwrap_or(f).to_string()
            });
            let line = match lineno {
                Value::Int(n) => Some(n),
                _ => None,
            };
            return Ok(Some(match (base, line) {
                (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
                (Some(f), None) => format!("{msg} ({f})"),
                (None, Some(n)) => format!("{msg} (line {n})"),
                (None, None) => msg,
            }));
        }
    }
    Ok(None)
}

/// `X() takes no keyword arguments` (3.6: `X does not take keyword arguments`) for a
/// builtin exception class.
pub fn no_kwargs_error(vm: &Vm, name: &str) -> crate::vm::PyErr {
    if vm.version.format.major_minor < (3, 7) {
        vm.type_error(&format!("{name} does not take keyword arguments"))
    } else {
        vm.type_error(&format!("{name}() takes no keyword arguments"))
    }
}
