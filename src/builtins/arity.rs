//! Argument-count and `self` checks shared by the container, iteration and object-model
//! builtins, worded as each CPython version words them (Argument Clinic's "expected N
//! arguments, got M", `METH_O`'s "takes exactly one argument", 3.9+'s qualified method
//! names, 3.6-3.7's older phrasings).

use crate::object::{Args, ObjRef, Payload, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The running bytecode's Python version.
#[inline]
pub fn ver(vm: &Vm) -> (u8, u8) {
    vm.version.format.major_minor
}

fn plural(n: usize, always: bool) -> &'static str {
    if n == 1 && !always {
        ""
    } else {
        "s"
    }
}

/// Clinic/`PyArg_UnpackTuple` count check: `name expected [at least |at most ]N argument(s),
/// got M` (3.6-3.7 always say "arguments").
#[inline]
pub fn check_count(vm: &Vm, name: &str, given: usize, min: usize, max: usize) -> PyResult<()> {
    if given >= min && given <= max {
        return Ok(());
    }
    Err(count_error(vm, name, given, min, max))
}

#[cold]
#[inline(never)]
fn count_error(vm: &Vm, name: &str, given: usize, min: usize, max: usize) -> PyErr {
    let always = ver(vm) < (3, 8);
    let (qual, n) = if given < min {
        (if min == max { "" } else { "at least " }, min)
    } else {
        (if min == max { "" } else { "at most " }, max)
    };
    vm.type_error(&format!(
        "{name} expected {qual}{n} argument{}, got {given}",
        plural(n, always)
    ))
}

/// `PyArg_ParseTuple`'s wording (`name() takes exactly 2 arguments (0 given)`), which
/// some methods used up to 3.7 before Argument Clinic's (`check_count`).
#[inline]
pub fn check_count_legacy(
    vm: &Vm,
    name: &str,
    given: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if ver(vm) >= (3, 8) {
        return check_count(vm, name, given, min, max);
    }
    check_count_parse(vm, name, given, min, max)
}

/// `PyArg_ParseTuple`'s count message, whatever the version.
pub fn check_count_parse(
    vm: &Vm,
    name: &str,
    given: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if given >= min && given <= max {
        return Ok(());
    }
    let (qual, n) = if min == max {
        ("exactly", min)
    } else if given < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    Err(vm.type_error(&format!(
        "{name}() takes {qual} {n} argument{} ({given} given)",
        plural(n, false)
    )))
}

/// The name of a method in messages: `list.append` from 3.9 on, `append` before.
pub fn method_name(vm: &Vm, owner: &str, name: &str) -> String {
    if ver(vm) >= (3, 9) && !owner.is_empty() {
        format!("{owner}.{name}")
    } else {
        name.to_string()
    }
}

/// `METH_O`: exactly one argument after `self`.
#[inline]
pub fn one_arg<'a>(vm: &Vm, args: &Args<'a>, owner: &str, name: &str) -> PyResult<&'a Value> {
    if let ([], [_, v]) = (args.kwnames, args.values) {
        return Ok(v);
    }
    Err(one_arg_error(vm, args, owner, name))
}

#[cold]
#[inline(never)]
fn one_arg_error(vm: &Vm, args: &Args<'_>, owner: &str, name: &str) -> PyErr {
    if let Err(e) = no_kwargs_method(vm, args, owner, name) {
        return e;
    }
    vm.type_error(&format!(
        "{}() takes exactly one argument ({} given)",
        method_name(vm, owner, name),
        args.pos().len().saturating_sub(1)
    ))
}

/// `METH_NOARGS`: nothing after `self`.
#[inline]
pub fn no_args(vm: &Vm, args: &Args<'_>, owner: &str, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() && args.values.len() <= 1 {
        return Ok(());
    }
    Err(no_args_error(vm, args, owner, name))
}

#[cold]
#[inline(never)]
fn no_args_error(vm: &Vm, args: &Args<'_>, owner: &str, name: &str) -> PyErr {
    if let Err(e) = no_kwargs_method(vm, args, owner, name) {
        return e;
    }
    vm.type_error(&format!(
        "{}() takes no arguments ({} given)",
        method_name(vm, owner, name),
        args.pos().len() - 1
    ))
}

/// A method that takes no keyword arguments.
#[inline]
pub fn no_kwargs_method(vm: &Vm, args: &Args<'_>, owner: &str, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(no_kwargs_method_error(vm, owner, name))
    }
}

#[cold]
#[inline(never)]
fn no_kwargs_method_error(vm: &Vm, owner: &str, name: &str) -> PyErr {
    vm.type_error(&format!(
        "{}() takes no keyword arguments",
        method_name(vm, owner, name)
    ))
}

/// A builtin function that takes no keyword arguments (`len()`, `sum()` before 3.8).
#[inline]
pub fn no_kwargs(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(no_kwargs_error(vm, name))
    }
}

#[cold]
#[inline(never)]
fn no_kwargs_error(vm: &Vm, name: &str) -> PyErr {
    vm.type_error(&format!("{name}() takes no keyword arguments"))
}

/// A type constructor that takes no keyword arguments (`range()`, `set()`, `zip()`...):
/// 3.6 words it differently from functions.
pub fn no_kwargs_type(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else if ver(vm) < (3, 7) {
        Err(vm.type_error(&format!("{name}() does not take keyword arguments")))
    } else {
        Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
    }
}

/// The `self` of a method of builtin type `owner` (named `type_name` in messages),
/// checked as CPython's method descriptors check it. An instance of exactly `owner` is
/// decided inline.
#[inline]
pub fn self_of<'a>(
    vm: &Vm,
    args: &Args<'a>,
    owner: &ObjRef,
    type_name: &str,
    name: &str,
) -> PyResult<&'a ObjRef> {
    if let Some(Value::Obj(o)) = args.pos().first() {
        if std::rc::Rc::ptr_eq(o.class(), owner) {
            return Ok(o);
        }
    }
    self_of_checked(vm, args, owner, type_name, name)
}

/// `self_of` for a missing self, or one of a subclass or another type.
#[inline(never)]
fn self_of_checked<'a>(
    vm: &Vm,
    args: &Args<'a>,
    owner: &ObjRef,
    type_name: &str,
    name: &str,
) -> PyResult<&'a ObjRef> {
    let Some(v) = args.pos().first() else {
        return Err(self_missing(vm, type_name, name));
    };
    match v {
        Value::Obj(o) if vm.is_subclass_of(o.class(), owner) => Ok(o),
        _ => Err(descriptor_mismatch(vm, name, type_name, v)),
    }
}

#[cold]
#[inline(never)]
fn self_missing(vm: &Vm, type_name: &str, name: &str) -> PyErr {
    let message = crate::vm::messages::descriptor_needs_argument(ver(vm), type_name, name);
    vm.type_error(&message)
}

/// `descriptor 'append' for 'list' objects doesn't apply to a 'int' object`.
#[cold]
#[inline(never)]
pub fn descriptor_mismatch(vm: &Vm, name: &str, type_name: &str, v: &Value) -> PyErr {
    let got = vm.type_name(v);
    if ver(vm) < (3, 8) {
        vm.type_error(&format!(
            "descriptor '{name}' requires a '{type_name}' object but received a '{got}'"
        ))
    } else {
        vm.type_error(&format!(
            "descriptor '{name}' for '{type_name}' objects doesn't apply to a '{got}' object"
        ))
    }
}

/// The class argument of a `__new__`.
pub fn cls_arg(vm: &Vm, args: &Args<'_>, type_name: &str) -> PyResult<ObjRef> {
    match args.values.first() {
        Some(Value::Obj(c)) if matches!(c.payload, Payload::Type(_)) => Ok(c.clone()),
        Some(v) => Err(vm.type_error(&format!(
            "{type_name}.__new__(X): X is not a type object ({})",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(&format!("{type_name}.__new__(): not enough arguments"))),
    }
}

/// A keyword argument by name, if given.
pub fn kwarg<'a>(args: &Args<'a>, name: &str) -> Option<&'a Value> {
    args.kw()
        .find(|(k, _)| k.as_str().map(|s| s.as_str()) == Some(name))
        .map(|(_, v)| v)
}

/// The name of a keyword argument as text.
pub fn kw_name(k: &Value) -> String {
    k.as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default()
}

/// An index-like argument (`__index__`) as i64, with CPython's TypeError otherwise;
/// out-of-range values saturate (callers clamp to their length).
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i as i64),
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// `PyArg_ParseTupleAndKeywords`-style binding of positional values `pos` (after any
/// `self`/`cls`) and `args`' keywords to `params`, the first `required` of them required.
pub fn bind_kw(
    vm: &Vm,
    fname: &str,
    pos: &[Value],
    args: &Args<'_>,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    bind_kw_styled(vm, fname, pos, args, params, required, KwStyle::default())
}

/// How a builtin's parser words and orders its keyword-argument errors.
#[derive(Clone, Copy, Default)]
pub struct KwStyle {
    /// Converted to Argument Clinic (3.13's "got an unexpected keyword argument").
    pub clinic: bool,
    /// A 3.11+ vectorcall constructor (keywords checked first, no "(pos N)").
    pub vectorcall: bool,
}

/// `bind_kw` for a function converted to Argument Clinic (3.13 words an unknown keyword
/// as "f() got an unexpected keyword argument 'x'"), or given a vectorcall constructor in
/// 3.11 (keywords checked first, no "(pos N)").
pub fn bind_kw_styled(
    vm: &Vm,
    fname: &str,
    pos: &[Value],
    args: &Args<'_>,
    params: &[&str],
    required: usize,
    style: KwStyle,
) -> PyResult<Vec<Option<Value>>> {
    let KwStyle { clinic, vectorcall } = style;
    let v = ver(vm);
    let total = pos.len() + args.kwnames.len();
    if total > params.len() {
        let n = params.len();
        let qual = if required == n { "exactly" } else { "at most" };
        return Err(vm.type_error(&format!(
            "{fname}() takes {qual} {n} argument{} ({total} given)",
            plural(n, false)
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; params.len()];
    let mut unknown: Option<String> = None;
    for (slot, val) in out.iter_mut().zip(pos) {
        *slot = Some(val.clone());
    }
    for (k, val) in args.kw() {
        let key = kw_name(k);
        match params.iter().position(|p| *p == key) {
            Some(i) if out[i].is_some() => {
                return Err(vm.type_error(&format!(
                    "argument for {fname}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(val.clone()),
            None => unknown = unknown.or(Some(key)),
        }
    }
    // An unknown keyword is reported after a missing argument, except in 3.13.
    let unknown_err = |key: &str| {
        if clinic && v >= (3, 13) {
            super::list::unexpected_kw(vm, fname, key, params)
        } else if v < (3, 7) {
            vm.type_error(&format!(
                "'{key}' is an invalid keyword argument for this function"
            ))
        } else {
            vm.type_error(&format!(
                "'{key}' is an invalid keyword argument for {fname}()"
            ))
        }
    };
    // 3.11's vectorcall constructors (`enumerate`) check keywords first.
    if let (Some(key), true) = (&unknown, vectorcall && v >= (3, 11)) {
        return Err(unknown_err(key));
    }
    if let Some(i) = out[..required].iter().position(|x| x.is_none()) {
        let name = params[i];
        return Err(vm.type_error(&if v < (3, 7) {
            format!("Required argument '{name}' (pos {}) not found", i + 1)
        } else if v < (3, 11) || !vectorcall {
            format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )
        } else {
            format!("{fname}() missing required argument '{name}'")
        }));
    }
    if let Some(key) = unknown {
        return Err(unknown_err(&key));
    }
    Ok(out)
}
