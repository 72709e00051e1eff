//! `compile()`, and the compiling half of `exec`/`eval` of source text: the bridge asks the
//! CPython of the running bytecode's version to compile (remembered per request, so a
//! loop of `eval('x + 1')` starts CPython once), and a source that does not compile raises
//! the exception that CPython raised, with its fields (SyntaxError's `msg`, `filename`,
//! `lineno`, `offset`, `text`...).
//!
//! `__future__` features of the calling code are inherited unless `dont_inherit`, as in
//! CPython (the compiling CPython picks them out of the caller's `co_flags`).
//! `compile(..., flags=ast.PyCF_ONLY_AST)` raises NotImplementedError: xpython has no AST
//! objects.

use super::args::Signature;
use crate::bridge::{self, BridgeError, CompileError, Field, Request};
use crate::object::{Args, ObjRef, Object, Payload, PyStr, Value};
use crate::vm::{Code, PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub fn init(vm: &mut Vm) {
    vm.add_builtin("compile", builtin_compile);
}

/// The source of `compile`/`exec`/`eval`: its bytes, and whether it is a `str` (true) or
/// bytes-like (false). `None` for other objects.
pub fn source_of(v: &Value) -> Option<(Vec<u8>, bool)> {
    match v.payload()? {
        Payload::Str(s) => Some((s.bytes().to_vec(), true)),
        Payload::Bytes(b) => Some((b.to_vec(), false)),
        Payload::ByteArray(b) => Some((b.with(|b| b.clone()), false)),
        _ => None,
    }
}

/// Compiles source with the running version's CPython into a code object.
#[allow(clippy::too_many_arguments)]
pub fn compile_code(
    vm: &mut Vm,
    source: Vec<u8>,
    is_text: bool,
    filename: &str,
    mode: &str,
    flags: i64,
    dont_inherit: bool,
    optimize: i64,
) -> PyResult<Rc<Code>> {
    // Only `__future__` features are inherited: in every version their flags are
    // `nested_scopes`' CO_NESTED (0x10) and bits from 0x1000 up (the compiling CPython picks
    // them out exactly). Dropping the other low bits (optimized, generator...) lets many
    // callers' `eval('x + 1')` share one remembered compile.
    let caller_flags = vm
        .caller_frame()
        .map(|f| f.code.co.flags & (0x10 | !0xFFF))
        .unwrap_or(0);
    let req = Request {
        source,
        is_text,
        filename: filename.to_string(),
        mode: mode.to_string(),
        flags,
        caller_flags,
        dont_inherit,
        optimize,
    };
    match bridge::compile_source(&req, vm.version) {
        Ok(co) => Code::new(vm, &co).map_err(|m| vm.system_error(&m)),
        Err(e) => Err(bridge_exception(vm, e)),
    }
}

/// Compiles the source file at `path` for the running version, through the
/// `__pycache__` cache (for imports: `co_filename` is `path` as given). Failures are
/// Python exceptions, as [`bridge_exception`] makes them.
pub fn compile_file_code(vm: &mut Vm, path: &std::path::Path) -> PyResult<Rc<Code>> {
    let pyc = load_source_module(vm, path)?;
    Code::new(vm, &pyc.code).map_err(|m| vm.system_error(&m))
}

/// [`compile_file_code`] as a loaded module file: the `.py` at `path` compiled for the
/// running version (through the cache), with the version's magic number. The shape of the
/// import system's source-loader hook (`fn(&mut Vm, &Path) -> PyResult<Pyc>`).
pub fn load_source_module(vm: &mut Vm, path: &std::path::Path) -> PyResult<crate::pyc::Pyc> {
    let version = vm.version;
    match bridge::compile_file(path, version) {
        Ok(code) => Ok(crate::pyc::Pyc {
            version,
            magic: version.format.magic,
            flags: 0,
            source: crate::pyc::SourceStamp::Timestamp {
                mtime: 0,
                size: None,
            },
            code,
        }),
        Err(BridgeError::Io(why)) => {
            let class = vm.types.exc.os_error.clone();
            Err(vm.new_exception(&class, &format!("{}: {why}", path.display())))
        }
        Err(e) => Err(bridge_exception(vm, e)),
    }
}

/// The Python exception for a bridge failure: CPython's own for a source that does not
/// compile (remembered with CPython's rendering, which the traceback printer uses),
/// RuntimeError when no CPython could compile it.
pub fn bridge_exception(vm: &mut Vm, e: BridgeError) -> PyErr {
    match e {
        BridgeError::Compile(c) => compile_exception(vm, &c),
        other => {
            let class = vm.types.exc.runtime_error.clone();
            vm.new_exception(&class, &format!("cannot compile: {other}"))
        }
    }
}

fn compile_exception(vm: &mut Vm, c: &CompileError) -> PyErr {
    let class = vm
        .types
        .exc
        .all
        .iter()
        .find(|(n, _)| *n == c.type_name)
        .map(|(_, class)| class.clone());
    let Some(class) = class else {
        return vm.system_error(c.last_line());
    };
    if c.type_name == "NotImplementedError" {
        // The helper's own complaint (an AST instead of code), not CPython's.
        let text = c.args.first().and_then(Field::text).unwrap_or_default();
        return vm.new_exception(&class, &text);
    }
    if !c.is_syntax_error() {
        let args: Vec<Value> = c.args.iter().map(|f| field_value(vm, f)).collect();
        let args = vm.new_tuple(args);
        return vm.new_exception_args(&class, args);
    }
    let get = |vm: &Vm, name: &str| {
        c.syntax_field(name)
            .map(|f| field_value(vm, f))
            .unwrap_or(Value::None)
    };
    let msg = get(vm, "msg");
    let nargs = match c.syntax_field("nargs") {
        Some(Field::Int(n)) => *n,
        _ => 2,
    };
    let args: Vec<Value> = match nargs {
        0 => vec![],
        1 => vec![msg],
        _ => vec![msg, syntax_info(vm, c)],
    };
    match vm.call(&Value::Obj(class), Args::positional(&args)) {
        Ok(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => {
            remember_display(&o, &c.display);
            PyErr(o)
        }
        Ok(_) => vm.system_error(c.last_line()),
        Err(e) => e,
    }
}

/// SyntaxError's second argument: `(filename, lineno, offset, text[, end_lineno,
/// end_offset])`.
fn syntax_info(vm: &Vm, c: &CompileError) -> Value {
    let get = |vm: &Vm, name: &str| {
        c.syntax_field(name)
            .map(|f| field_value(vm, f))
            .unwrap_or(Value::None)
    };
    let mut info = vec![
        get(vm, "filename"),
        get(vm, "lineno"),
        get(vm, "offset"),
        get(vm, "text"),
    ];
    if c.syntax_field("end_lineno").is_some() {
        info.push(get(vm, "end_lineno"));
        info.push(get(vm, "end_offset"));
    }
    vm.new_tuple(info)
}

thread_local! {
    /// The syntax errors raised from CPython's answers, with CPython's rendering of each
    /// (the `File ..., line N` block, source line and caret), for the traceback printer.
    static DISPLAYS: RefCell<Vec<(Weak<Object>, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// At most this many renderings are kept (the oldest go first).
const DISPLAYS_LIMIT: usize = 64;

fn remember_display(exc: &ObjRef, display: &str) {
    if display.is_empty() {
        return;
    }
    DISPLAYS.with(|d| {
        let mut d = d.borrow_mut();
        d.retain(|(w, _)| w.strong_count() > 0);
        if d.len() >= DISPLAYS_LIMIT {
            d.remove(0);
        }
        d.push((Rc::downgrade(exc), Rc::from(display)));
    });
}

/// How CPython prints `exc` (without a traceback), when it is a syntax error raised from a
/// CPython compile: e.g. `  File "<string>", line 1\n    x = = 1\n        ^\nSyntaxError: ...`.
pub fn cpython_display(exc: &ObjRef) -> Option<Rc<str>> {
    DISPLAYS.with(|d| {
        d.borrow()
            .iter()
            .find(|(w, _)| w.strong_count() > 0 && std::ptr::eq(w.as_ptr(), Rc::as_ptr(exc)))
            .map(|(_, text)| text.clone())
    })
}

fn field_value(vm: &Vm, f: &Field) -> Value {
    match f {
        Field::None => Value::None,
        Field::Int(i) => Value::Int(*i),
        Field::Str(bytes) => match std::str::from_utf8(bytes) {
            Ok(s) => vm.new_str(s),
            // Lone surrogates (surrogatepass): decode the generalized UTF-8.
            Err(_) => {
                let points: Vec<u32> = crate::pyc::code_points(bytes).collect();
                Value::Obj(Object::new(
                    vm.types.str_.clone(),
                    Payload::Str(PyStr::from_code_points(&points)),
                ))
            }
        },
    }
}

fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = Signature {
        name: "compile",
        params: &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        required: 3,
        positional_only: 0,
    };
    let bound = sig.bind(vm, args)?;
    let arg = |i: usize| bound[i].clone().unwrap_or(Value::None);
    let source = arg(0);
    let Some((text, is_text)) = source_of(&source) else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let filename = filename_of(vm, &arg(1))?;
    let mode = match arg(2).as_str() {
        Some(m) => m.as_str().to_string(),
        None => {
            let t = vm.type_name(&arg(2));
            return Err(vm.type_error(&format!("compile() argument 'mode' must be str, not {t}")));
        }
    };
    let flags = int_arg(vm, bound[3].as_ref(), 0)?;
    let dont_inherit = match &bound[4] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let optimize = int_arg(vm, bound[5].as_ref(), -1)?;
    let code = compile_code(
        vm,
        text,
        is_text,
        &filename,
        &mode,
        flags,
        dont_inherit,
        optimize,
    )?;
    Ok(Value::Obj(Object::new(
        vm.types.code.clone(),
        Payload::Code(code),
    )))
}

/// A file name argument: str, bytes (decoded) or an object with `__fspath__`.
fn filename_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.payload() {
        Some(Payload::Str(s)) => return Ok(s.as_str().to_string()),
        Some(Payload::Bytes(b)) => return Ok(String::from_utf8_lossy(b).into_owned()),
        _ => {}
    }
    let fspath = vm.names.__fspath__.clone();
    if !matches!(v, Value::Obj(_)) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    }
    match vm.call_special(v, &fspath, &[])? {
        Some(r) => match r.payload() {
            Some(Payload::Str(s)) => Ok(s.as_str().to_string()),
            Some(Payload::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
            _ => Err(vm.type_error("expected __fspath__() to return str or bytes")),
        },
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )))
        }
    }
}

fn int_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else {
        return Ok(default);
    };
    match crate::vm::ops::as_int(v) {
        Some(crate::vm::ops::IntRef::Small(i)) => Ok(i),
        Some(_) => Err(vm.new_exception(
            &vm.types.exc.overflow_error.clone(),
            "Python int too large to convert to C int",
        )),
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}
