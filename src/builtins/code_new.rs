//! Making code objects from Python: `code.replace(**changes)` (3.8+), the `code(...)`
//! constructor of 3.6–3.10 (which `types.coroutine` calls up to 3.7); and reading their
//! line tables: `co_lnotab` (up to 3.9), `co_lines()` (3.10+), `co_positions()` (3.11+,
//! which `traceback` and so `logging` use). A new code object is decoded like one loaded from a .pyc, so a bad
//! bytecode string is an error here, not a crash later.

use crate::object::{Args, BuiltinKind, Object, Payload, Value};
use crate::pyc::code::{CodeObject, Constant};
use crate::vm::{Code, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let code = vm.types.code.clone();
    let v = vm.version.format.major_minor;
    if v >= (3, 8) {
        vm.add_method(&code, "replace", code_replace, BuiltinKind::Method);
    }
    if v < (3, 11) {
        vm.add_method(&code, "__new__", code_new, BuiltinKind::StaticMethod);
    }
    if v < (3, 10) {
        vm.add_getset(&code, "co_lnotab", code_lnotab, None);
    } else {
        vm.add_method(&code, "co_lines", code_lines, BuiltinKind::Method);
    }
    if v >= (3, 11) {
        vm.add_method(&code, "co_positions", code_positions, BuiltinKind::Method);
    }
}

/// `None` or the int.
fn optional_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |n| Value::Int(i64::from(n)))
}

/// The code object `co_lines`/`co_positions` were called on.
fn code_arg<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<&'a Code> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Code(c)) => Ok(c),
        _ => Err(vm.type_error(&format!("descriptor '{method}' requires a 'code' object"))),
    }
}

/// An iterator over tuples, one per row.
fn iterate_rows<const N: usize>(
    vm: &mut Vm,
    rows: impl Iterator<Item = [Value; N]>,
) -> PyResult<Value> {
    let items = rows.map(|row| vm.new_tuple(row.to_vec())).collect();
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

/// `code.co_lines()`: an iterator of `(start, end, line)` byte ranges.
fn code_lines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = code_arg(vm, &args, "co_lines")?;
    let ranges = crate::bytecode::co_lines(
        vm.version,
        &c.co.linetable,
        c.co.firstlineno,
        c.co.code.len(),
    );
    iterate_rows(
        vm,
        ranges.iter().map(|r| {
            [
                Value::Int(i64::from(r.start)),
                Value::Int(i64::from(r.end)),
                optional_int(r.line),
            ]
        }),
    )
}

/// `code.co_positions()`: an iterator of `(line, end_line, col, end_col)` per code unit.
fn code_positions(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = code_arg(vm, &args, "co_positions")?;
    let positions = crate::bytecode::co_positions(
        vm.version,
        &c.co.linetable,
        c.co.firstlineno,
        c.co.code.len(),
    );
    iterate_rows(
        vm,
        positions.iter().map(|p| {
            [
                optional_int(p.line),
                optional_int(p.end_line),
                optional_int(p.col),
                optional_int(p.end_col),
            ]
        }),
    )
}

fn code_lnotab(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Payload::Code(c)) = args.values.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor requires a 'code' object"));
    };
    Ok(crate::builtins::bytes::new_bytes(
        vm,
        c.co.linetable.to_vec(),
    ))
}

/// A code object value over `co`, decoded for this version.
fn make(vm: &mut Vm, co: CodeObject) -> PyResult<Value> {
    let co = Rc::new(co);
    match Code::new(vm, &co) {
        Ok(code) => Ok(Value::Obj(Object::new(
            vm.types.code.clone(),
            Payload::Code(code),
        ))),
        Err(e) => Err(vm.value_error(&e)),
    }
}

/// A constant for a value of `co_consts`.
fn constant(vm: &mut Vm, v: &Value) -> PyResult<Constant> {
    Ok(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(b.get()),
        Value::Int(i) => Constant::Int(*i),
        Value::Float(f) => Constant::Float(f.get()),
        Value::Null => Constant::Null,
        Value::Obj(o) => match &o.payload {
            _ if vm
                .singletons
                .ellipsis
                .as_obj()
                .is_some_and(|e| Rc::ptr_eq(e, o)) =>
            {
                Constant::Ellipsis
            }
            Payload::Int(_) => {
                let b = crate::builtins::int::int_from_value(vm, v)?;
                Constant::BigInt(Rc::new(b))
            }
            Payload::Complex(re, im) => Constant::Complex(*re, *im),
            Payload::Str(s) => Constant::Str(Rc::from(s.as_str())),
            Payload::Bytes(b) => Constant::Bytes(Rc::from(&b[..])),
            Payload::Tuple(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items.iter() {
                    out.push(constant(vm, i)?);
                }
                Constant::Tuple(out.into())
            }
            Payload::Code(c) => Constant::Code(c.co.clone()),
            _ => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!("code constants cannot hold a '{t}' here")));
            }
        },
    })
}

fn strs(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Rc<[Rc<str>]>> {
    let Some(Payload::Tuple(items)) = v.payload() else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("{what} must be a tuple, not {t}")));
    };
    let mut out = Vec::with_capacity(items.len());
    for i in items.iter() {
        match i.as_str() {
            Some(s) => out.push(Rc::from(s.as_str())),
            None => return Err(vm.type_error(&format!("{what} must contain only strings"))),
        }
    }
    Ok(out.into())
}

fn text(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Rc<str>> {
    match v.as_str() {
        Some(s) => Ok(Rc::from(s.as_str())),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("{what} must be str, not {t}")))
        }
    }
}

fn bytes(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Rc<[u8]>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(Rc::from(&b[..])),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("{what} must be bytes, not {t}")))
        }
    }
}

fn uint(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    let n = crate::modules::native_class::int_arg(vm, v)?;
    u32::try_from(n).map_err(|_| vm.value_error(&format!("{what} must not be negative")))
}

/// Applies one `co_*` change to `co`.
fn set_field(vm: &mut Vm, co: &mut CodeObject, name: &str, v: &Value) -> PyResult<()> {
    match name {
        "co_argcount" => co.argcount = uint(vm, v, name)?,
        "co_posonlyargcount" => co.posonlyargcount = uint(vm, v, name)?,
        "co_kwonlyargcount" => co.kwonlyargcount = uint(vm, v, name)?,
        "co_nlocals" => co.nlocals = uint(vm, v, name)?,
        "co_stacksize" => co.stacksize = uint(vm, v, name)?,
        "co_flags" => co.flags = uint(vm, v, name)?,
        "co_firstlineno" => co.firstlineno = uint(vm, v, name)? as i32,
        "co_code" => co.code = bytes(vm, v, name)?,
        "co_consts" => {
            let items = vm.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for i in &items {
                out.push(constant(vm, i)?);
            }
            co.consts = out.into();
        }
        "co_names" => co.names = strs(vm, v, name)?,
        "co_varnames" => co.varnames = strs(vm, v, name)?,
        "co_freevars" => co.freevars = strs(vm, v, name)?,
        "co_cellvars" => co.cellvars = strs(vm, v, name)?,
        "co_filename" => co.filename = text(vm, v, name)?,
        "co_name" => co.name = text(vm, v, name)?,
        "co_qualname" => co.qualname = text(vm, v, name)?,
        "co_lnotab" | "co_linetable" => co.linetable = bytes(vm, v, name)?,
        "co_exceptiontable" => co.exceptiontable = bytes(vm, v, name)?,
        _ => {
            return Err(vm.type_error(&format!(
                "replace() got an unexpected keyword argument '{name}'"
            )))
        }
    }
    Ok(())
}

/// `code.replace(**changes)`.
fn code_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Payload::Code(c)) = args.values.first().and_then(|v| v.payload()) else {
        return Err(vm.type_error("descriptor 'replace' requires a 'code' object"));
    };
    if args.pos().len() > 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let mut co = (*c.co).clone();
    let layout_311 = vm.version.format.major_minor >= (3, 11);
    for (k, v) in args.kw() {
        let name = k
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if layout_311 && matches!(name.as_str(), "co_varnames" | "co_freevars" | "co_cellvars") {
            return Err(vm.new_exception(
                &vm.types.exc.not_implemented_error.clone(),
                &format!("replace(): changing {name} is not supported from 3.11"),
            ));
        }
        set_field(vm, &mut co, &name, v)?;
    }
    make(vm, co)
}

/// `code(argcount, [posonlyargcount,] kwonlyargcount, nlocals, stacksize, flags,
/// codestring, constants, names, varnames, filename, name, firstlineno, lnotab[,
/// freevars[, cellvars]])` (3.6–3.10).
fn code_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos().get(1..).unwrap_or(&[]);
    let mut fields = vec!["co_argcount"];
    if vm.version.format.major_minor >= (3, 8) {
        fields.push("co_posonlyargcount");
    }
    fields.extend([
        "co_kwonlyargcount",
        "co_nlocals",
        "co_stacksize",
        "co_flags",
        "co_code",
        "co_consts",
        "co_names",
        "co_varnames",
        "co_filename",
        "co_name",
        "co_firstlineno",
        "co_lnotab",
        "co_freevars",
        "co_cellvars",
    ]);
    let required = fields.len() - 2;
    if !args.kwnames.is_empty() || pos.len() < required || pos.len() > fields.len() {
        return Err(vm.type_error(&format!(
            "code() takes at least {required} arguments ({} given)",
            pos.len()
        )));
    }
    let empty: Rc<[Rc<str>]> = Rc::from(Vec::new());
    let mut co = CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        nlocals: 0,
        stacksize: 0,
        flags: 0,
        code: Rc::from(Vec::new()),
        consts: Rc::from(Vec::new()),
        names: empty.clone(),
        varnames: empty.clone(),
        cellvars: empty.clone(),
        freevars: empty.clone(),
        localsplus_names: empty,
        localsplus_kinds: Rc::from(Vec::new()),
        filename: Rc::from(""),
        name: Rc::from(""),
        qualname: Rc::from(""),
        firstlineno: 0,
        linetable: Rc::from(Vec::new()),
        exceptiontable: Rc::from(Vec::new()),
    };
    for (name, v) in fields.iter().zip(pos) {
        set_field(vm, &mut co, name, v)?;
    }
    co.qualname = co.name.clone();
    make(vm, co)
}
