//! The native `sys` module: the interpreter's view of itself (argv, path, modules, the
//! version of the bytecode being run, the recursion limit) and the standard streams.
//!
//! `sys.stdout` writes into the same buffer as `print` (flushed at exit and before a
//! traceback); `sys.stderr` writes straight through, as CPython's unbuffered-ish stderr.

use super::structseq;
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, Value};
use crate::vm::{flavour, messages, PyResult, Vm};
use std::io::{BufRead, Read, Write};

/// Which standard stream a stream object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stream {
    Stdin,
    Stdout,
    Stderr,
}

impl Stream {
    fn name(self) -> &'static str {
        match self {
            Stream::Stdin => "<stdin>",
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        }
    }

    fn mode(self) -> &'static str {
        match self {
            Stream::Stdin => "r",
            _ => "w",
        }
    }

    fn fileno(self) -> i64 {
        match self {
            Stream::Stdin => 0,
            Stream::Stdout => 1,
            Stream::Stderr => 2,
        }
    }
}

/// The stream a value is, if it is one of the standard stream objects.
pub fn stream_of(v: &Value) -> Option<Stream> {
    match v.payload() {
        Some(Payload::Other(o)) => o.downcast_ref::<Stream>().copied(),
        _ => None,
    }
}

/// `sys` (created once per interpreter by `Vm::init_sys`; importing it again returns it).
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    match &vm.imports.sys {
        Some(m) => Ok(m.clone()),
        None => Err(vm.system_error("sys is not initialised")),
    }
}

/// The `X.Y.0 (xpython) [rustc]` version string of the running bytecode version.
fn version_string(vm: &Vm) -> String {
    let (major, minor) = vm.version.format.major_minor;
    format!(
        "{major}.{minor}.0 (xpython {}) [rustc]",
        env!("CARGO_PKG_VERSION")
    )
}

/// `sys.hexversion` of `X.Y.0 final`.
fn hexversion(vm: &Vm) -> i64 {
    let (major, minor) = vm.version.format.major_minor;
    ((major as i64) << 24) | ((minor as i64) << 16) | 0xF0
}

/// `sys.flags`: this version's fields, with the values of `python`'s options and
/// environment ([`crate::flags`]).
fn flags(vm: &mut Vm) -> PyResult<Value> {
    let given = crate::flags::current();
    let names = flavour::sys_flags_fields(vm.version);
    let flags_type = structseq::new_type(vm, "sys", "flags", &names)?;
    let int = |b: bool| Value::Int(i64::from(b));
    let values = names
        .iter()
        .map(|name| match *name {
            "optimize" => Value::Int(i64::from(given.optimize)),
            "dont_write_bytecode" => int(given.dont_write_bytecode),
            "no_user_site" => int(given.no_user_site),
            "no_site" => int(given.no_site),
            "ignore_environment" => int(given.ignore_environment),
            "bytes_warning" => Value::Int(i64::from(given.bytes_warning)),
            "quiet" => int(given.quiet),
            "isolated" => int(given.isolated),
            "dev_mode" => Value::bool(given.dev_mode),
            "safe_path" => Value::bool(given.safe_path),
            "int_max_str_digits" => Value::Int(flavour::int_max_str_digits_flag(vm.version)),
            "hash_randomization" => int(crate::object::hash::is_randomized(
                given.hash_seed,
                flavour::hash_randomized_by_default(vm.version),
            )),
            _ => Value::Int(0),
        })
        .collect();
    Ok(structseq::new(&flags_type, values))
}

/// `sys.warnoptions`: `PYTHONWARNINGS` and `-W`, with (3.7+) what `-X dev` and `-b` imply.
fn warn_options(vm: &mut Vm) -> Value {
    let given = crate::flags::current();
    let mut options: Vec<String> = Vec::new();
    let implied = flavour::warnoptions_include_implied(vm.version);
    if implied && given.dev_mode {
        options.push("default".to_string());
    }
    options.extend(given.warn_options.iter().cloned());
    match given.bytes_warning {
        1 if implied => options.push("default::BytesWarning".to_string()),
        2 if implied => options.push("error::BytesWarning".to_string()),
        _ => {}
    }
    let items = options.iter().map(|o| vm.new_str(o)).collect();
    vm.new_list(items)
}

/// `sys._xoptions`: each `-X name=value` as `{name: value}`, a bare `-X name` as True.
fn x_options(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    for option in &crate::flags::current().x_options {
        let (key, value) = match option.split_once('=') {
            Some((k, v)) => (vm.new_str(k), vm.new_str(v)),
            None => (vm.new_str(option), Value::Bool(Truth::True)),
        };
        vm.dict_set(&dict, key, value)?;
    }
    Ok(Value::Obj(dict))
}

/// Creates `sys`: `argv` is `[script, args...]`, `path0` the first `sys.path` entry.
pub fn create(vm: &mut Vm, argv: &[String], path0: Option<String>) -> PyResult<ObjRef> {
    let m = vm.new_module("sys");
    let argv_v: Vec<Value> = argv.iter().map(|a| vm.new_str(a)).collect();
    let argv_v = vm.new_list(argv_v);
    let mut path: Vec<Value> = Vec::new();
    if let Some(p) = path0 {
        path.push(vm.new_str(&p));
    }
    let given = crate::flags::current();
    for dir in &given.python_path {
        path.push(vm.new_str(dir));
    }
    let stdlib = vm.imports.stdlib.clone();
    if let Some(lib) = &stdlib {
        path.push(vm.new_str(&lib.lib.to_string_lossy()));
    }
    let path = vm.new_list(path);
    let prefix = vm.new_str(
        &stdlib
            .as_ref()
            .map(|s| s.prefix.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    let (major, minor) = vm.version.format.major_minor;
    let vi_type = structseq::new_type(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    )?;
    let final_ = vm.new_str("final");
    let version_info = structseq::new(
        &vi_type,
        vec![
            Value::Int(major as i64),
            Value::Int(minor as i64),
            Value::Int(0),
            final_,
            Value::Int(0),
        ],
    );
    let flags = flags(vm)?;
    let implementation = implementation(vm, version_info.clone())?;
    let hash_info = hash_info(vm)?;
    let float_info = float_info(vm)?;
    let builtin_names: Vec<Value> = crate::modules::native_names(vm.version.format.major_minor)
        .into_iter()
        .map(|n| vm.new_str(n))
        .collect();
    let builtin_names = vm.new_tuple(builtin_names);
    let stream_type = stream_type(vm)?;
    let raw_type = raw_stream_type(vm)?;
    let mut streams: Vec<Value> = Vec::new();
    for s in [Stream::Stdin, Stream::Stdout, Stream::Stderr] {
        let stream = Value::Obj(Object::with_dict(
            stream_type.clone(),
            Payload::Other(Box::new(s)),
        ));
        let raw = Value::Obj(Object::new(
            raw_type.clone(),
            Payload::Other(Box::new(RawStream(s))),
        ));
        let key = vm.intern("buffer");
        vm.set_attr(&stream, &key, raw)?;
        streams.push(stream);
    }
    let version = vm.new_str(&version_string(vm));
    let byteorder = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    let platform = vm.new_str(match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        os => os,
    });
    let executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let executable = vm.new_str(&executable);
    let modules = Value::Obj(vm.imports.modules.clone());
    let meta_path = vm.new_list(vec![]);
    let path_hooks = vm.new_list(vec![]);
    let warnoptions = warn_options(vm);
    let path_importer_cache = Value::Obj(vm.new_dict());
    let xoptions = x_options(vm)?;
    let values: Vec<(&str, Value)> = vec![
        ("argv", argv_v),
        ("path", path),
        ("modules", modules),
        ("version", version),
        ("version_info", version_info),
        ("hexversion", Value::Int(hexversion(vm))),
        ("api_version", Value::Int(1013)),
        ("implementation", implementation),
        ("flags", flags),
        ("hash_info", hash_info),
        ("float_info", float_info),
        ("maxsize", Value::Int(i64::MAX)),
        ("maxunicode", Value::Int(0x10FFFF)),
        ("byteorder", byteorder),
        ("platform", platform),
        ("executable", executable),
        ("prefix", prefix.clone()),
        ("exec_prefix", prefix.clone()),
        ("base_prefix", prefix.clone()),
        ("base_exec_prefix", prefix),
        ("builtin_module_names", builtin_names),
        (
            "dont_write_bytecode",
            Value::bool(given.dont_write_bytecode),
        ),
        ("meta_path", meta_path),
        ("path_hooks", path_hooks),
        ("path_importer_cache", path_importer_cache),
        ("warnoptions", warnoptions),
        ("_xoptions", xoptions),
        ("stdin", streams[0].clone()),
        ("stdout", streams[1].clone()),
        ("stderr", streams[2].clone()),
        ("__stdin__", streams[0].clone()),
        ("__stdout__", streams[1].clone()),
        ("__stderr__", streams[2].clone()),
    ];
    for (k, v) in values {
        vm.module_set(&m, k, v);
    }
    let functions: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("_getframe", sys_getframe),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", sys_utf8),
        ("getfilesystemencoding", sys_utf8),
        ("getfilesystemencodeerrors", |vm, _| {
            Ok(vm.new_str("surrogateescape"))
        }),
        ("excepthook", sys_excepthook),
        ("get_asyncgen_hooks", super::asyncgen_hooks::get),
        // The interpreter never runs Python code after it starts finalizing.
        ("is_finalizing", |_, _| Ok(Value::Bool(Truth::False))),
        ("set_asyncgen_hooks", super::asyncgen_hooks::set),
    ];
    for (name, f) in functions {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f.clone());
        if *name == "excepthook" {
            vm.module_set(&m, "__excepthook__", f);
        }
    }
    if crate::vm::flavour::sys_has_audit(vm.version) {
        // No audit hooks are ever called: events go nowhere, as in CPython without hooks.
        let f = vm.new_builtin("audit", sys_audit, BuiltinKind::Function, None);
        vm.module_set(&m, "audit", f);
        let f = vm.new_builtin(
            "addaudithook",
            |_, _| Ok(Value::None),
            BuiltinKind::Function,
            None,
        );
        vm.module_set(&m, "addaudithook", f);
    }
    if crate::vm::flavour::python2_builtins(vm.version) {
        crate::builtins::py2::functions::adjust_sys(vm, &m);
    }
    Ok(m)
}

/// `sys.audit(event, *args)` (3.8+): raises the event to the audit hooks. `addaudithook`
/// keeps none, so there are none; as CPython without hooks, only the presence of
/// an event is checked.
fn sys_audit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "audit", &args)?;
    match args.pos().first() {
        Some(_) => Ok(Value::None),
        None => Err(vm.type_error("audit() missing 1 required positional argument: 'event'")),
    }
}

/// `sys.implementation`: name, cache_tag, version, hexversion.
fn implementation(vm: &mut Vm, version_info: Value) -> PyResult<Value> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let types_name = vm.new_str("types");
    vm.dict_set(&ns, key, types_name)?;
    let meta = vm.types.type_.clone();
    let object = vm.types.object.clone();
    let t = vm.new_class(
        &meta,
        "SimpleNamespace",
        vec![object],
        &ns,
        Args::positional(&[]),
    )?;
    vm.add_method(&t, "__repr__", namespace_repr, BuiltinKind::Method);
    vm.add_method(&t, "__init__", namespace_init, BuiltinKind::Method);
    vm.add_method(&t, "__eq__", namespace_eq, BuiltinKind::Method);
    let hash = Value::Obj(vm.intern("__hash__"));
    let d = vm.type_data(&t).dict.clone();
    vm.dict_set(&d, hash, Value::None)?;
    let inst = Object::with_dict(t, Payload::Plain);
    let name = vm.new_str("xpython");
    let tag = vm.new_str(&vm.cache_tag());
    let hex = Value::Int(hexversion(vm));
    for (k, v) in [
        ("name", name),
        ("cache_tag", tag),
        ("version", version_info),
        ("hexversion", hex),
    ] {
        let key = vm.intern(k);
        vm.set_attr(&Value::Obj(inst.clone()), &key, v)?;
    }
    Ok(Value::Obj(inst))
}

/// `SimpleNamespace(**kwargs)`: the keywords become attributes.
fn namespace_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let this = args.values[0].clone();
    for (k, v) in args.kw() {
        let Some(name) = k.as_str().map(|s| s.as_str().to_string()) else {
            continue;
        };
        let key = vm.intern(&name);
        vm.set_attr(&this, &key, v.clone())?;
    }
    Ok(Value::None)
}

/// Namespaces are equal when their attribute dicts are.
fn namespace_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.values.first(), args.values.get(1)) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let own = vm.class_of(a).clone();
    let Some(bo) = b.as_obj() else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if !vm.is_instance_of_class(bo, &own)
        && !vm.is_instance_of_class(a.as_obj().unwrap_or(bo), vm.class_of(b))
    {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let da = a.as_obj().and_then(crate::vm::attr::instance_dict);
    let db = crate::vm::attr::instance_dict(bo);
    match (da, db) {
        (Some(x), Some(y)) => Ok(Value::bool(vm.eq(&Value::Obj(x), &Value::Obj(y))?)),
        (None, None) => Ok(Value::Bool(Truth::True)),
        _ => Ok(Value::Bool(Truth::False)),
    }
}

/// `namespace(name=value, ...)`.
fn namespace_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let dict = args
        .pos()
        .first()
        .and_then(|v| v.as_obj())
        .and_then(crate::vm::attr::instance_dict);
    let mut parts = Vec::new();
    if let Some(d) = dict {
        for e in vm.dict_items(&d) {
            let k = vm.str(&e.key)?;
            let v = vm.repr(&e.value)?;
            parts.push(format!("{k}={v}"));
        }
    }
    Ok(vm.new_str(&format!("namespace({})", parts.join(", "))))
}

fn sys_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "exit", &args)?;
    let class = Value::Obj(vm.types.exc.system_exit.clone());
    let e = match args.pos() {
        [] => vm.call(&class, Args::positional(&[]))?,
        [code] => vm.call(&class, Args::positional(std::slice::from_ref(code)))?,
        p => {
            return Err(vm.type_error(&format!(
                "exit expected at most 1 argument, got {}",
                p.len()
            )))
        }
    };
    match e {
        Value::Obj(o) => Err(crate::vm::PyErr(o)),
        _ => Err(vm.system_error("SystemExit() did not make an exception")),
    }
}

/// Whether `hook` is the builtin `sys.excepthook` (the interpreter then prints the
/// traceback itself).
pub fn is_default_excepthook(hook: &Value) -> bool {
    matches!(hook.payload(), Some(Payload::Builtin(b)) if b.name == "excepthook")
}

/// `sys.excepthook(type, value, traceback)`: prints the exception as an uncaught one.
fn sys_excepthook(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [_, value, _] = args.pos() else {
        return Err(vm.type_error(&format!(
            "excepthook expected 3 arguments, got {}",
            args.pos().len()
        )));
    };
    match value {
        Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => {
            vm.flush_stdout();
            let text = vm.format_exception(&crate::vm::PyErr(o.clone()));
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            Ok(Value::None)
        }
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(&format!(
                "print_exception(): Exception expected for value, {t} found"
            )))
        }
    }
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "setrecursionlimit", &args)?;
    let [n] = args.pos() else {
        return Err(vm.type_error(&format!(
            "setrecursionlimit() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let is_float = matches!(n, Value::Float(_));
    let limit = match vm.index_value(n)? {
        Some(l) if !is_float => l,
        _ => {
            let t = vm.type_name(n);
            let msg = messages::int_arg_required(vm.version.format.major_minor, &t, is_float);
            return Err(vm.type_error(&msg));
        }
    };
    if limit < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let limit = limit as usize;
    if limit <= vm.depth {
        let class = vm.types.exc.recursion_error.clone();
        return Err(vm.new_exception(
            &class,
            &format!(
                "cannot set the recursion limit to {limit} at the recursion depth {}: the limit is too low",
                vm.depth
            ),
        ));
    }
    vm.recursion_limit = limit;
    Ok(Value::None)
}

fn sys_exc_info(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let v = vm.handled.clone();
    if v.is_none() || v.is_null() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.class_of(&v).clone());
    let tb_name = vm.names.__traceback__.clone();
    let tb = vm
        .get_attr_opt(&v, &tb_name)?
        .filter(|tb| !tb.is_null())
        .unwrap_or(Value::None);
    Ok(vm.new_tuple(vec![t, v, tb]))
}

fn sys_exception(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let v = vm.handled.clone();
    Ok(if v.is_null() { Value::None } else { v })
}

fn sys_intern(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [s] => match s.as_str() {
            Some(text) if std::rc::Rc::ptr_eq(vm.class_of(s), &vm.types.str_) => {
                let text = text.as_str().to_string();
                Ok(Value::Obj(vm.intern(&text)))
            }
            _ => {
                let t = vm.type_name(s);
                let msg = messages::intern_not_str(vm.version.format.major_minor, &t);
                Err(vm.type_error(&msg))
            }
        },
        p => Err(vm.type_error(&format!(
            "intern() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}

/// An approximation of CPython's 64-bit object sizes.
fn sys_getsizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.pos().first() else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    let size = match v {
        Value::None | Value::Null => 16,
        Value::Bool(_) => 28,
        Value::Int(i) => {
            if *i == 0 {
                24
            } else {
                let bits = 64 - i.unsigned_abs().leading_zeros() as i64;
                24 + 4 * ((bits + 29) / 30)
            }
        }
        Value::Float(_) => 24,
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => 49 + s.as_str().len() as i64,
            Payload::Bytes(b) => 33 + b.len() as i64,
            Payload::Tuple(t) => 40 + 8 * t.len() as i64,
            Payload::List(l) => 56 + 8 * l.with(|l| l.len()) as i64,
            Payload::Dict(d) => 64 + 24 * d.with(|d| d.len()) as i64,
            Payload::Set(_) | Payload::FrozenSet(_) => 216,
            Payload::Int(_) => 36,
            _ => 48,
        },
    };
    Ok(Value::Int(size))
}

fn sys_utf8(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

// ----- the standard streams -----

fn stream_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let io = vm.new_str("_io");
    vm.dict_set(&ns, key, io)?;
    let meta = vm.types.type_.clone();
    let object = vm.types.object.clone();
    let t = vm.new_class(
        &meta,
        "TextIOWrapper",
        vec![object],
        &ns,
        Args::positional(&[]),
    )?;
    let methods: &[(&'static str, NativeFn)] = &[
        ("write", stream_write),
        ("flush", stream_flush),
        ("readline", stream_readline),
        ("readlines", stream_readlines),
        ("read", stream_read),
        ("writelines", stream_writelines),
        ("__iter__", stream_iter),
        ("__next__", stream_next),
        ("isatty", stream_isatty),
        ("fileno", stream_fileno),
        ("writable", stream_writable),
        ("readable", stream_readable),
        ("__repr__", stream_repr),
        ("__getattr__", stream_getattr),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f, BuiltinKind::Method);
    }
    Ok(t)
}

fn this_stream(vm: &Vm, args: &Args<'_>) -> PyResult<Stream> {
    match args.pos().first().and_then(stream_of) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_io.TextIOWrapper' object")),
    }
}

/// Writes text to a standard stream (stdout through the shared buffer).
pub fn write_stream(vm: &mut Vm, stream: Stream, text: &str) -> PyResult<()> {
    match stream {
        Stream::Stdout => vm.write_stdout(text),
        Stream::Stderr => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            let _ = err.flush();
        }
        Stream::Stdin => {
            let class = vm.types.exc.os_error.clone();
            return Err(vm.new_exception(&class, "not writable"));
        }
    }
    Ok(())
}

fn stream_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this_stream(vm, &args)?;
    let [_, text] = args.pos() else {
        return Err(vm.type_error(&format!(
            "write() takes exactly one argument ({} given)",
            args.pos().len().saturating_sub(1)
        )));
    };
    let Some(t) = text.as_str() else {
        let tn = vm.type_name(text);
        return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
    };
    let t = t.as_str().to_string();
    if crate::vm::flavour::python2_builtins(vm.version) {
        crate::builtins::py2::text::write_stream_text(vm, s, text)?;
        return Ok(Value::None);
    }
    write_stream(vm, s, &t)?;
    Ok(Value::Int(t.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if this_stream(vm, &args)? == Stream::Stdout {
        vm.flush_stdout();
    }
    Ok(Value::None)
}

fn read_input(vm: &mut Vm, all: bool) -> PyResult<Value> {
    vm.flush_stdout();
    let mut text = String::new();
    let r = if all {
        std::io::stdin().lock().read_to_string(&mut text)
    } else {
        std::io::stdin().lock().read_line(&mut text)
    };
    match r {
        Ok(_) => Ok(vm.new_str(&text)),
        Err(e) => {
            let class = vm.types.exc.os_error.clone();
            Err(vm.new_exception(&class, &e.to_string()))
        }
    }
}

fn stream_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if this_stream(vm, &args)? != Stream::Stdin {
        let class = vm.types.exc.os_error.clone();
        return Err(vm.new_exception(&class, "not readable"));
    }
    read_input(vm, false)
}

fn stream_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.pos().first().cloned().unwrap_or(Value::None);
    let mut lines = Vec::new();
    loop {
        let line = stream_readline(vm, Args::positional(std::slice::from_ref(&this)))?;
        if line.as_str().is_none_or(|s| s.as_str().is_empty()) {
            break;
        }
        lines.push(line);
    }
    Ok(vm.new_list(lines))
}

fn stream_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this_stream(vm, &args)?;
    let Some(lines) = args.pos().get(1) else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    for line in vm.collect(lines)? {
        let Some(t) = line.as_str().map(|t| t.as_str().to_string()) else {
            let tn = vm.type_name(&line);
            return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
        };
        write_stream(vm, s, &t)?;
    }
    Ok(Value::None)
}

fn stream_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    this_stream(vm, &args)?;
    Ok(args.pos()[0].clone())
}

/// The next line of standard input; StopIteration at its end.
fn stream_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let line = stream_readline(vm, args)?;
    if line.as_str().is_none_or(|s| s.as_str().is_empty()) {
        let class = vm.types.exc.stop_iteration.clone();
        return Err(vm.new_exception(&class, ""));
    }
    Ok(line)
}

fn stream_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if this_stream(vm, &args)? != Stream::Stdin {
        let class = vm.types.exc.os_error.clone();
        return Err(vm.new_exception(&class, "not readable"));
    }
    read_input(vm, true)
}

fn stream_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    use std::io::IsTerminal;
    Ok(Value::bool(match this_stream(vm, &args)? {
        Stream::Stdin => std::io::stdin().is_terminal(),
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    }))
}

fn stream_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(this_stream(vm, &args)?.fileno()))
}

fn stream_writable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(this_stream(vm, &args)? != Stream::Stdin))
}

fn stream_readable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::bool(this_stream(vm, &args)? == Stream::Stdin))
}

fn stream_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this_stream(vm, &args)?;
    Ok(vm.new_str(&format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        s.name(),
        s.mode()
    )))
}

fn stream_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this_stream(vm, &args)?;
    let name = args
        .pos()
        .get(1)
        .and_then(|n| n.as_str().map(|s| s.as_str().to_string()))
        .unwrap_or_default();
    Ok(match name.as_str() {
        "name" => vm.new_str(s.name()),
        "mode" => vm.new_str(s.mode()),
        "encoding" => vm.new_str("utf-8"),
        "errors" => vm.new_str("strict"),
        "closed" => Value::Bool(Truth::False),
        "line_buffering" => Value::Bool(Truth::False),
        _ => {
            let this = args.pos()[0].clone();
            let n = vm.intern(&name);
            return Err(vm.attribute_error(&this, &n));
        }
    })
}

// ----- the binary layer (`sys.stdout.buffer`) -----

/// The binary stream under a standard text stream.
#[derive(Clone, Copy)]
struct RawStream(Stream);

fn raw_stream_type(vm: &mut Vm) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let io = vm.new_str("_io");
    vm.dict_set(&ns, key, io)?;
    let meta = vm.types.type_.clone();
    let object = vm.types.object.clone();
    let t = vm.new_class(
        &meta,
        "BufferedWriter",
        vec![object],
        &ns,
        Args::positional(&[]),
    )?;
    let methods: &[(&'static str, NativeFn)] = &[
        ("write", raw_write),
        ("flush", raw_flush),
        ("read", raw_read),
        ("readline", raw_readline),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f, BuiltinKind::Method);
    }
    Ok(t)
}

fn this_raw(vm: &Vm, args: &Args<'_>) -> PyResult<Stream> {
    match args.pos().first().and_then(|v| v.payload()) {
        Some(Payload::Other(o)) => match o.downcast_ref::<RawStream>() {
            Some(r) => Ok(r.0),
            None => Err(vm.type_error("descriptor requires a '_io.BufferedWriter' object")),
        },
        _ => Err(vm.type_error("descriptor requires a '_io.BufferedWriter' object")),
    }
}

fn raw_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this_raw(vm, &args)?;
    let data: Vec<u8> = match args.pos().get(1).and_then(|v| v.payload()) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.get(),
        _ => {
            let t = args
                .pos()
                .get(1)
                .map(|v| vm.type_name(v).to_string())
                .unwrap_or_else(|| "NoneType".into());
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
        }
    };
    match s {
        Stream::Stdout => {
            vm.stdout.extend_from_slice(&data);
            if vm.stdout.len() > 1 << 16 {
                vm.flush_stdout();
            }
        }
        Stream::Stderr => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(&data);
            let _ = err.flush();
        }
        Stream::Stdin => {
            let class = vm.types.exc.os_error.clone();
            return Err(vm.new_exception(&class, "write"));
        }
    }
    Ok(Value::Int(data.len() as i64))
}

fn raw_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if this_raw(vm, &args)? == Stream::Stdout {
        vm.flush_stdout();
    }
    Ok(Value::None)
}

fn raw_input(vm: &mut Vm, args: &Args<'_>, all: bool) -> PyResult<Value> {
    if this_raw(vm, args)? != Stream::Stdin {
        let class = vm.types.exc.os_error.clone();
        return Err(vm.new_exception(&class, "read"));
    }
    vm.flush_stdout();
    let mut data = Vec::new();
    let r = if all {
        std::io::stdin().lock().read_to_end(&mut data)
    } else {
        std::io::stdin().lock().read_until(b'\n', &mut data)
    };
    if let Err(e) = r {
        let class = vm.types.exc.os_error.clone();
        return Err(vm.new_exception(&class, &e.to_string()));
    }
    Ok(crate::builtins::bytes::make(
        vm,
        crate::builtins::bytes::Kind::Bytes,
        data,
    ))
}

fn raw_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    raw_input(vm, &args, true)
}

fn raw_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    raw_input(vm, &args, false)
}

/// `sys._getframe(depth=0)`: a snapshot of a calling frame (code, line, globals, locals).
fn sys_getframe(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let depth = match args.pos().first() {
        Some(v) => crate::modules::native_class::int_arg(vm, v)?,
        None => 0,
    };
    let frame = if depth < 0 {
        None
    } else {
        vm.frame_snapshot(depth as usize)
    };
    frame.ok_or_else(|| vm.value_error("call stack is not deep enough"))
}

/// `sys.float_info`: the parameters of the IEEE 754 binary64 `float`.
fn float_info(vm: &mut Vm) -> PyResult<Value> {
    const FIELDS: [&str; 11] = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let t = structseq::new_type(vm, "sys", "float_info", &FIELDS)?;
    let values = vec![
        Value::float(f64::MAX),
        Value::Int(f64::MAX_EXP as i64),
        Value::Int(f64::MAX_10_EXP as i64),
        Value::float(f64::MIN_POSITIVE),
        Value::Int(f64::MIN_EXP as i64),
        Value::Int(f64::MIN_10_EXP as i64),
        Value::Int(f64::DIGITS as i64),
        Value::Int(f64::MANTISSA_DIGITS as i64),
        Value::float(f64::EPSILON),
        Value::Int(f64::RADIX as i64),
        Value::Int(1),
    ];
    Ok(structseq::new(&t, values))
}

/// `sys.hash_info`: the parameters of the hashes xpython computes exactly as CPython's
/// 64-bit builds (numeric hashes modulo 2**61 - 1, SipHash for str and bytes).
fn hash_info(vm: &mut Vm) -> PyResult<Value> {
    const FIELDS: [&str; 9] = [
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ];
    let t = structseq::new_type(vm, "sys", "hash_info", &FIELDS)?;
    let algorithm = match crate::vm::flavour::str_hash(vm.version) {
        crate::object::hash::StrHash::Sip13 => "siphash13",
        crate::object::hash::StrHash::Sip24 => "siphash24",
        crate::object::hash::StrHash::Multiplicative => "fnv",
    };
    let values = vec![
        Value::Int(64),
        Value::Int((1i64 << 61) - 1),
        Value::Int(314159),
        Value::Int(0),
        Value::Int(1000003),
        vm.new_str(algorithm),
        Value::Int(64),
        Value::Int(128),
        Value::Int(0),
    ];
    Ok(structseq::new(&t, values))
}
