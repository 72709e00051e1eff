//! The native `_sre` module: CPython's regular expression engine under the pure-Python
//! `re` package of each version. `re`'s compiler turns a pattern into SRE code words and
//! calls `_sre.compile`; this module checks and translates those words
//! (`compile`, with the version's numbering from `constants`), runs them (`engine`,
//! `ops`) and provides the Pattern, Match, Scanner and (3.12+) template objects.

pub mod chars;
pub mod compile;
pub mod constants;
pub mod engine;
pub mod matchobj;
pub mod ops;
pub mod pattern;
pub mod subject;

use self::constants::SreVersion;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// The classes of `_sre`'s objects, created once per interpreter.
#[derive(Clone)]
pub struct SreTypes {
    pub pattern: ObjRef,
    pub match_: ObjRef,
    pub scanner: ObjRef,
    pub template: ObjRef,
}

thread_local! {
    /// The classes, with the identity of the interpreter (its builtins) they belong to.
    static TYPES: RefCell<Option<(usize, SreTypes)>> = const { RefCell::new(None) };
}

/// The version facts of the running interpreter.
pub fn version(vm: &Vm) -> SreVersion {
    let (major, minor) = vm.version.format.major_minor;
    SreVersion::of(major, minor)
}

/// The `_sre` classes of this interpreter (created on first use).
pub fn types(vm: &mut Vm) -> PyResult<SreTypes> {
    let key = std::rc::Rc::as_ptr(&vm.builtins) as usize;
    if let Some(t) = TYPES.with(|t| {
        t.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }) {
        return Ok(t);
    }
    let v = version(vm);
    let modern = !v.py2 && v.minor >= 7;
    let (module, pname, mname) = if modern {
        ("re", "Pattern", "Match")
    } else {
        ("_sre", "SRE_Pattern", "SRE_Match")
    };
    let pattern = new_type(vm, module, pname, pattern::METHODS, pattern::GETTERS)?;
    let match_ = new_type(vm, module, mname, matchobj::METHODS, matchobj::GETTERS)?;
    let scanner = new_type(vm, "_sre", "SRE_Scanner", matchobj::SCANNER_METHODS, &[])?;
    let template = new_type(vm, "_sre", "SRE_Template", &[], &[])?;
    let t = SreTypes {
        pattern,
        match_,
        scanner,
        template,
    };
    TYPES.with(|c| *c.borrow_mut() = Some((key, t.clone())));
    Ok(t)
}

type Getter = (&'static str, NativeFn);

fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &'static str,
    methods: &[(&'static str, NativeFn)],
    getters: &[Getter],
) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let module_v = vm.new_str(module);
    let key = Value::Obj(vm.names.__module__.clone());
    vm.dict_set(&ns, key, module_v)?;
    let meta = vm.types.type_.clone();
    let object = vm.types.object.clone();
    let t = vm.new_class(&meta, name, vec![object], &ns, Args::positional(&[]))?;
    for (n, f) in methods {
        vm.add_method(&t, n, *f, BuiltinKind::Method);
    }
    for (n, f) in getters {
        vm.add_getset(&t, n, *f, None);
    }
    vm.add_method(&t, "__new__", refuse_new, BuiltinKind::StaticMethod);
    Ok(t)
}

fn refuse_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload, Payload::Type(_)) => {
            let module = vm.type_module(t).unwrap_or_default();
            format!("{module}.{}", vm.type_data(t).name())
        }
        _ => "object".to_string(),
    };
    Err(vm.type_error(&format!("cannot create '{name}' instances")))
}

/// CPython's error for a failure inside the engine.
pub fn engine_error(vm: &Vm, e: engine::Error) -> PyErr {
    match e {
        engine::Error::Illegal => vm.new_exception(
            &vm.types.exc.runtime_error.clone(),
            "internal error in regular expression engine",
        ),
        engine::Error::Memory => vm.new_exception(&vm.types.exc.memory_error.clone(), ""),
    }
}

/// The `_sre` module.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let v = version(vm);
    let m = vm.new_module("_sre");
    let mut functions: Vec<(&'static str, NativeFn)> = vec![
        ("compile", pattern::sre_compile),
        ("getcodesize", |_, _| Ok(Value::Int(4))),
    ];
    if v.case_by_pattern_flags() {
        functions.push(("getlower", getlower));
    } else {
        functions.extend_from_slice(&[
            ("ascii_iscased", |vm, a| {
                char_fn(vm, a, "ascii_iscased", |c, _| {
                    Value::bool(chars::ascii_iscased(c))
                })
            }),
            ("unicode_iscased", |vm, a| {
                char_fn(vm, a, "unicode_iscased", |c, m| {
                    Value::bool(chars::unicode_iscased(c, m))
                })
            }),
            ("ascii_tolower", |vm, a| {
                char_fn(vm, a, "ascii_tolower", |c, _| {
                    Value::Int(chars::lower_ascii(c) as i64)
                })
            }),
            ("unicode_tolower", |vm, a| {
                char_fn(vm, a, "unicode_tolower", |c, m| {
                    Value::Int(chars::lower_unicode(c, m) as i64)
                })
            }),
        ]);
    }
    if !v.py2 && v.minor >= 12 {
        functions.push(("template", matchobj::sre_template));
    }
    for (name, f) in functions {
        let f = vm.new_builtin(name, f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    vm.module_set(&m, "MAGIC", Value::Int(v.magic as i64));
    vm.module_set(&m, "CODESIZE", Value::Int(4));
    vm.module_set(&m, "MAXREPEAT", Value::Int(v.maxrepeat as i64));
    if !v.py2 {
        vm.module_set(&m, "MAXGROUPS", Value::Int(v.maxgroups as i64));
    }
    let c = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    vm.module_set(&m, "copyright", c);
    types(vm)?;
    Ok(m)
}

/// A code point argument (a C int).
fn char_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let i = crate::builtins::arity::index_arg(vm, v)?;
    Ok(i.clamp(0, u32::MAX as i64) as u32)
}

fn char_fn(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(u32, u8) -> Value) -> PyResult<Value> {
    crate::builtins::arity::no_kwargs(vm, &args, name)?;
    let [c] = args.pos() else {
        return Err(vm.type_error(&format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let c = char_arg(vm, c)?;
    Ok(f(c, version(vm).minor))
}

/// 3.6's `getlower(character, flags)`.
fn getlower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [c, flags] = args.pos() else {
        return Err(vm.type_error(&format!(
            "getlower expected 2 arguments, got {}",
            args.pos().len()
        )));
    };
    let c = char_arg(vm, c)?;
    let flags = char_arg(vm, flags)?;
    let minor = version(vm).minor;
    let lower = if flags & constants::flag::LOCALE != 0 {
        if c < 256 {
            chars::lower_locale(c)
        } else {
            c
        }
    } else if flags & constants::flag::UNICODE != 0 {
        chars::lower_unicode(c, minor)
    } else {
        chars::lower_ascii(c)
    };
    Ok(Value::Int(lower as i64))
}
