//! `str`: the constructor (`str(obj)`, `str(bytes, encoding, errors)`), the operators
//! (`+`, `*`, `%`, `in`, comparisons, indexing) as dunders so subclasses and `super()`
//! work, and the helpers shared by the str and bytes method modules: argument checking
//! with each version's messages, slice-style `start`/`end` arguments, and building str
//! values from code points.
//!
//! The methods live in `str_methods`, `%` and `str.format` in `str_format`, encodings in
//! `codecs`.

use super::numeric::ver;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyStr, Value};
use crate::vm::ops::{as_int, BinOp, IntRef};
use crate::vm::{PyErr, PyResult, Vm};
use num_traits::Signed;
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let t = vm.types.str_.clone();
    let m = BuiltinKind::Method;
    vm.add_method(&t, "__new__", str_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "__add__", str_add, m);
    vm.add_method(&t, "__mul__", str_mul, m);
    vm.add_method(&t, "__rmul__", str_mul, m);
    vm.add_method(&t, "__mod__", str_mod, m);
    vm.add_method(&t, "__rmod__", str_rmod, m);
    vm.add_method(&t, "__contains__", str_contains, m);
    vm.add_method(&t, "__getitem__", str_getitem, m);
    vm.add_method(&t, "__len__", str_len, m);
    vm.add_method(&t, "__iter__", str_iter, m);
    vm.add_method(&t, "__hash__", str_hash, m);
    vm.add_method(&t, "__repr__", str_repr, m);
    vm.add_method(&t, "__str__", str_str, m);
    vm.add_method(&t, "__format__", str_format_m, m);
    vm.add_method(&t, "__getnewargs__", str_getnewargs, m);
    vm.add_method(&t, "__sizeof__", str_sizeof, m);
    vm.add_method(&t, "__eq__", str_eq, m);
    vm.add_method(&t, "__ne__", str_ne, m);
    vm.add_method(&t, "__lt__", str_lt, m);
    vm.add_method(&t, "__le__", str_le, m);
    vm.add_method(&t, "__gt__", str_gt, m);
    vm.add_method(&t, "__ge__", str_ge, m);
}

// ----- helpers shared by the text and bytes modules -----

/// An exact str from code points (lone surrogates kept).
pub fn new_str_points(vm: &Vm, points: &[u32]) -> Value {
    vm.new_str_points(points)
}

/// An instance of `cls` (str or a subclass) with the text `s`.
pub fn str_of_type(vm: &Vm, cls: &ObjRef, s: PyStr) -> Value {
    let exact = Rc::ptr_eq(cls, &vm.types.str_);
    if exact {
        return Value::Obj(crate::object::Object::new(cls.clone(), Payload::Str(s)));
    }
    super::numeric::new_object(vm, cls, Payload::Str(s))
}

/// A builtin's parameters bound with Argument Clinic's messages of each version (the
/// shared `args::Signature` speaks 3.13's).
pub struct Clinic<'a> {
    pub name: &'a str,
    pub params: &'a [&'a str],
    /// How many leading parameters are required.
    pub required: usize,
    /// How many leading parameters cannot be passed by keyword.
    pub positional_only: usize,
}

impl Clinic<'_> {
    /// Binds `args`; missing optional parameters are `None`.
    pub fn bind(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<Vec<Option<Value>>> {
        let version = ver(vm);
        let name = self.name;
        let pos = args.pos();
        let mut out: Vec<Option<Value>> = vec![None; self.params.len()];
        if pos.len() > self.params.len() {
            let n = self.params.len();
            let s = if n == 1 { "" } else { "s" };
            return Err(vm.type_error(&format!(
                "{name}() takes at most {n} argument{s} ({} given)",
                pos.len()
            )));
        }
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v.clone());
        }
        let mut unknown = None;
        for (k, v) in args.kw() {
            let key = k.as_str().map(|s| s.as_str()).unwrap_or("");
            match self.params.iter().position(|p| *p == key) {
                Some(i) if i >= self.positional_only => {
                    if out[i].is_some() {
                        return Err(vm.type_error(&format!(
                            "argument for {name}() given by name ('{key}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(v.clone());
                }
                _ => {
                    unknown.get_or_insert_with(|| key.to_string());
                }
            }
        }
        if let Some(missing) = out[..self.required].iter().position(|v| v.is_none()) {
            let p = self.params[missing];
            if missing < self.positional_only {
                let n = self.positional_only.min(self.required);
                let s = if n == 1 && version >= (3, 8) { "" } else { "s" };
                let who = if version >= (3, 7) {
                    format!("{name}()")
                } else {
                    "Function".to_string()
                };
                return Err(vm.type_error(&format!(
                    "{who} takes at least {n} positional argument{s} ({} given)",
                    pos.len()
                )));
            }
            return Err(vm.type_error(&if version >= (3, 7) {
                format!(
                    "{name}() missing required argument '{p}' (pos {})",
                    missing + 1
                )
            } else {
                format!("Required argument '{p}' (pos {}) not found", missing + 1)
            }));
        }
        if let Some(key) = unknown {
            return Err(vm.type_error(&if version >= (3, 13) {
                let hint = crate::vm::suggest::closest(&key, self.params)
                    .map(|s| format!(". Did you mean '{s}'?"))
                    .unwrap_or_default();
                format!("{name}() got an unexpected keyword argument '{key}'{hint}")
            } else if version >= (3, 7) {
                format!("'{key}' is an invalid keyword argument for {name}()")
            } else {
                format!("'{key}' is an invalid keyword argument for this function")
            }));
        }
        Ok(out)
    }
}

/// "takes exactly one argument" of a one-argument method (`{type}.{name}()` from 3.9;
/// `__format__` said "1 argument" in 3.6).
pub fn one_arg_error(vm: &Vm, type_name: &str, name: &str, got: usize) -> PyErr {
    let qual = if ver(vm) >= (3, 9) {
        format!("{type_name}.{name}")
    } else {
        name.to_string()
    };
    let one = if ver(vm) < (3, 7) && name == "__format__" {
        "1 argument"
    } else {
        "one argument"
    };
    vm.type_error(&format!("{qual}() takes exactly {one} ({got} given)"))
}

/// Argument-count errors of functions parsed with `PyArg_UnpackTuple` before 3.8 and
/// Argument Clinic after ("name() takes at most 3 arguments (4 given)" then "name
/// expected at most 3 arguments, got 4"; 3.7's clinic always said "arguments").
pub fn count_error(
    vm: &Vm,
    name: &str,
    min: usize,
    max: usize,
    got: usize,
    clinic: (u8, u8),
) -> PyErr {
    let version = ver(vm);
    let s = |k: usize| if k == 1 && version >= (3, 8) { "" } else { "s" };
    let (bound, k) = if min == max {
        ("", min)
    } else if got < min {
        ("at least ", min)
    } else {
        ("at most ", max)
    };
    if version >= clinic {
        vm.type_error(&format!(
            "{name} expected {bound}{k} argument{}, got {got}",
            s(k)
        ))
    } else {
        let bound = if bound.is_empty() { "exactly " } else { bound };
        let s = if k == 1 { "" } else { "s" };
        vm.type_error(&format!(
            "{name}() takes {bound}{k} argument{s} ({got} given)"
        ))
    }
}

/// The TypeError of a slot wrapper that unpacks its arguments with an empty name (the
/// message starts with a space: `x.__mul__()`, `x.__pow__()`, `ba.__setitem__(0)`).
pub fn unpack_arity_error(vm: &Vm, min: usize, max: usize, got: usize) -> PyErr {
    let (bound, k) = if min == max {
        ("", min)
    } else if got < min {
        ("at least ", min)
    } else {
        ("at most ", max)
    };
    let s = if k == 1 && ver(vm) >= (3, 8) { "" } else { "s" };
    vm.type_error(&format!(" expected {bound}{k} argument{s}, got {got}"))
}

/// The TypeError of a slot wrapper (`x.__add__()`) called with the wrong number of
/// arguments ("arguments" was always plural before 3.8).
pub fn slot_arity_error(vm: &Vm, expected: usize, got: usize) -> PyErr {
    let s = if expected == 1 && ver(vm) >= (3, 8) {
        ""
    } else {
        "s"
    };
    vm.type_error(&format!("expected {expected} argument{s}, got {got}"))
}

/// Checks that a no-argument slot wrapper (`__len__`, `__neg__`...) got no arguments.
pub fn slot_noargs(vm: &Vm, args: &Args<'_>) -> PyResult<()> {
    let n = args.values.len().saturating_sub(1);
    if n != 0 {
        return Err(slot_arity_error(vm, 0, n));
    }
    Ok(())
}

/// The TypeError for a method descriptor called on the wrong type.
pub fn descriptor_error(vm: &Vm, type_name: &str, name: &str, got: &Value) -> PyErr {
    if ver(vm) >= (3, 8) {
        vm.type_error(&format!(
            "descriptor '{name}' for '{type_name}' objects doesn't apply to a '{}' object",
            vm.type_name(got)
        ))
    } else {
        vm.type_error(&format!(
            "descriptor '{name}' requires a '{type_name}' object but received a '{}'",
            vm.type_name(got)
        ))
    }
}

/// Checks the positional arguments of a method (after `self`): no keywords, between
/// `min` and `max` of them, with CPython's messages for that version.
pub fn method_args<'a>(
    vm: &Vm,
    args: &Args<'a>,
    type_name: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    method_args_since(vm, args, type_name, name, min, max, (3, 8))
}

/// `method_args` for a method whose argument parsing moved to Argument Clinic's
/// messages ("name expected at least N arguments, got M") in version `clinic`.
pub fn method_args_since<'a>(
    vm: &Vm,
    args: &Args<'a>,
    type_name: &str,
    name: &str,
    min: usize,
    max: usize,
    clinic: (u8, u8),
) -> PyResult<&'a [Value]> {
    let all = args.pos();
    let pos = if all.is_empty() { all } else { &all[1..] };
    if !args.kwnames.is_empty() {
        // Qualified names arrived in 3.9 (3.11 for the methods still parsing by hand).
        let since = if clinic > (3, 8) { (3, 11) } else { (3, 9) };
        let qual = if ver(vm) >= since {
            format!("{type_name}.{name}")
        } else {
            name.to_string()
        };
        return Err(vm.type_error(&format!("{qual}() takes no keyword arguments")));
    }
    let n = pos.len();
    if n >= min && n <= max {
        return Ok(pos);
    }
    let modern = ver(vm) >= clinic;
    let msg = if max == 0 {
        let qual = if ver(vm) >= (3, 9) {
            format!("{type_name}.{name}")
        } else {
            name.to_string()
        };
        format!("{qual}() takes no arguments ({n} given)")
    } else if min == 1 && max == 1 {
        let qual = if ver(vm) >= (3, 9) {
            format!("{type_name}.{name}")
        } else {
            name.to_string()
        };
        // Methods parsed with "X:name" formats said "1 argument" in older versions.
        let numeral = match (type_name, name) {
            (_, "zfill" | "__format__") if ver(vm) < (3, 7) => true,
            ("bytes" | "bytearray", "zfill") => ver(vm) < (3, 8),
            _ => false,
        };
        let one = if numeral {
            "1 argument"
        } else {
            "one argument"
        };
        format!("{qual}() takes exactly {one} ({n} given)")
    } else if modern {
        // 3.7's clinic always said "arguments".
        let plural = |k: usize| if k == 1 && ver(vm) >= (3, 8) { "" } else { "s" };
        if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        }
    } else {
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        if min == max {
            format!(
                "{name}() takes exactly {min} argument{} ({n} given)",
                plural(min)
            )
        } else if n < min {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                plural(min)
            )
        } else {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                plural(max)
            )
        }
    };
    Err(vm.type_error(&msg))
}

/// The str `self` of a method, or the descriptor TypeError.
pub fn self_str<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    match args.values.first() {
        Some(v) => match v {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Ok(s),
                _ => Err(descriptor_error(vm, "str", name, v)),
            },
            _ => Err(descriptor_error(vm, "str", name, v)),
        },
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'str' object needs an argument"
        ))),
    }
}

/// A `start`/`end` argument of find/count/startswith...: None or an index.
pub fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.index_value(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// CPython's `ADJUST_INDICES`: clamps `start`/`end` against a length.
pub fn adjust_indices(
    start: Option<isize>,
    end: Option<isize>,
    len: usize,
) -> (usize, usize, bool) {
    let len_i = len as isize;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len_i);
    if e > len_i {
        e = len_i;
    } else if e < 0 {
        e += len_i;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len_i;
        if s < 0 {
            s = 0;
        }
    }
    // `start > len` is reported separately: some callers treat it as "no match".
    let beyond = s > len_i;
    (s.max(0) as usize, e.max(0) as usize, beyond)
}

/// A repeat count for `seq * n`: negative counts are zero, big ones an OverflowError.
pub fn repeat_count(vm: &Vm, n: &IntRef<'_>) -> PyResult<usize> {
    match n {
        IntRef::Small(n) => Ok((*n).max(0) as usize),
        IntRef::Big(b) if b.is_negative() => Ok(0),
        IntRef::Big(_) => Err(super::numeric::overflow_error(
            vm,
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

/// The count of `seq * n`: an int, or an object with `__index__`; `None` otherwise.
pub fn repeat_arg(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    if let Some(i) = as_int(n) {
        return repeat_count(vm, &i).map(Some);
    }
    if super::numeric::float_of(n).is_some() {
        return Ok(None);
    }
    match super::numeric::index_big(vm, n)? {
        Some(b) => {
            let v = vm.new_int_big(b);
            let i = as_int(&v).map(|i| repeat_count(vm, &i)).transpose()?;
            Ok(i)
        }
        None => Ok(None),
    }
}

/// The TypeErrors of sequence `+`/`*` when no numeric method applied (CPython's
/// `sq_concat`/`sq_repeat` messages); `None` when `a`/`b` are not sequences of those kinds.
pub fn sequence_op_error(vm: &Vm, a: &Value, b: &Value, op: BinOp) -> Option<PyErr> {
    let seq_name = |v: &Value| match v.payload() {
        Some(Payload::Str(_)) => Some("str"),
        Some(Payload::Bytes(_)) => Some("bytes"),
        Some(Payload::ByteArray(_)) => Some("bytearray"),
        Some(Payload::List(_)) => Some("list"),
        Some(Payload::Tuple(_)) => Some("tuple"),
        _ => None,
    };
    match op {
        BinOp::Add => {
            let kind = seq_name(a)?;
            Some(match kind {
                "str" if ver(vm) < (3, 7) => vm.type_error(&crate::vm::messages::str_concat_error(
                    vm.version.format.major_minor,
                    &vm.type_name(a),
                    &vm.type_name(b),
                )),
                "bytes" | "bytearray" => {
                    vm.type_error(&format!("can't concat {} to {kind}", vm.type_name(b)))
                }
                _ => vm.type_error(&format!(
                    "can only concatenate {kind} (not \"{}\") to {kind}",
                    vm.type_name(b)
                )),
            })
        }
        BinOp::Mul => {
            if seq_name(a).is_some() && as_int(b).is_none() {
                return Some(vm.type_error(&format!(
                    "can't multiply sequence by non-int of type '{}'",
                    vm.type_name(b)
                )));
            }
            if seq_name(b).is_some() && as_int(a).is_none() {
                return Some(vm.type_error(&format!(
                    "can't multiply sequence by non-int of type '{}'",
                    vm.type_name(a)
                )));
            }
            None
        }
        _ => None,
    }
}

/// `a + b`, `a * n`, `a % args` for str operands (the operators' builtin part).
pub fn str_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    match (op, a.payload(), b.payload()) {
        (BinOp::Add, Some(Payload::Str(x)), Some(Payload::Str(y))) => {
            let r = concat(vm, x, y);
            if crate::vm::flavour::python2_builtins(vm.version) {
                return super::py2::text::mixed_result(vm, &[a, b], r).map(Some);
            }
            Ok(Some(r))
        }
        (BinOp::Mul, Some(Payload::Str(x)), _) => match repeat_arg(vm, b)? {
            Some(n) => Ok(Some(repeat(vm, x, n)?)),
            None => Ok(None),
        },
        (BinOp::Mul, _, Some(Payload::Str(y))) => match repeat_arg(vm, a)? {
            Some(n) => Ok(Some(repeat(vm, y, n)?)),
            None => Ok(None),
        },
        (BinOp::Mod, Some(Payload::Str(_)), _) => {
            if crate::vm::flavour::python2_builtins(vm.version) {
                let (r, switch) = super::str_format::percent_format_noting_unicode(vm, a, b)?;
                return super::py2::text::percent_result(vm, a, r, switch).map(Some);
            }
            Ok(Some(super::str_format::percent_format(vm, a, b)?))
        }
        _ => Ok(None),
    }
}

fn concat(vm: &Vm, x: &PyStr, y: &PyStr) -> Value {
    if x.has_surrogates() || y.has_surrogates() {
        let mut p = x.code_points();
        p.extend(y.code_points());
        return vm.new_str_points(&p);
    }
    let mut s = String::with_capacity(x.bytes().len() + y.bytes().len());
    s.push_str(x.as_str());
    s.push_str(y.as_str());
    vm.new_str(&s)
}

fn repeat(vm: &Vm, x: &PyStr, n: usize) -> PyResult<Value> {
    if n > 0
        && x.bytes()
            .len()
            .checked_mul(n)
            .is_none_or(|t| t > isize::MAX as usize / 2)
    {
        return Err(super::numeric::overflow_error(
            vm,
            "repeated string is too long",
        ));
    }
    super::numeric::size_guard(vm, x.bytes().len().saturating_mul(n))?;
    if x.has_surrogates() {
        let p = x.code_points();
        let mut out = Vec::with_capacity(p.len() * n);
        for _ in 0..n {
            out.extend_from_slice(&p);
        }
        return Ok(vm.new_str_points(&out));
    }
    Ok(vm.new_str(&x.as_str().repeat(n)))
}

// ----- constructor -----

/// `str(v)` as a str value (keeps lone surrogates and the identity of exact strs).
pub fn str_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = v {
        let class_ = o.class().clone();
        if let Payload::Str(s) = &o.payload {
            if Rc::ptr_eq(&class_, &vm.types.str_) {
                return Ok(v.clone());
            }
            let name = vm.names.__str__.clone();
            match vm.lookup_in_mro(&class_, &name) {
                Some(f) if !matches!(f.payload(), Some(Payload::Builtin(_))) => {}
                _ => return Ok(vm.new_str_points(&s.code_points())),
            }
        }
        let name = vm.names.__str__.clone();
        if let Some(f) = vm.lookup_in_mro(&class_, &name) {
            if !matches!(f.payload(), Some(Payload::Builtin(_))) {
                let bound = vm.descr_get(f, Some(v), &class_)?;
                let r = vm.call(&bound, Args::positional(&[]))?;
                return match r.payload() {
                    Some(Payload::Str(_)) => Ok(r),
                    _ => Err(vm.type_error(&format!(
                        "__str__ returned non-string (type {})",
                        vm.type_name(&r)
                    ))),
                };
            }
        }
    }
    let s = vm.str(v)?;
    Ok(vm.new_str(&s))
}

pub(crate) fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = super::numeric::new_cls(vm, &args, &vm.types.str_.clone())?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    if rest.pos().len() > 3 {
        let n = rest.pos().len();
        let msg = if ver(vm) >= (3, 13) {
            format!("str expected at most 3 arguments, got {n}")
        } else {
            format!("str() takes at most 3 arguments ({n} given)")
        };
        return Err(vm.type_error(&msg));
    }
    let bound = Clinic {
        name: "str",
        params: &["object", "encoding", "errors"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let value = match (&bound[0], &bound[1], &bound[2]) {
        (None, None, None) => vm.new_str(""),
        (Some(o), None, None) => str_value(vm, o)?,
        (o, enc, errors) => {
            let enc = match enc {
                Some(e) => Some(text_arg(vm, e, "str", "encoding", 2)?),
                None => None,
            };
            let errors = match errors {
                Some(e) => Some(text_arg(vm, e, "str", "errors", 3)?),
                None => None,
            };
            let o = o
                .clone()
                .unwrap_or_else(|| super::bytes::new_bytes(vm, Vec::new()));
            let data = match (super::bytes::buffer_arg(vm, &o), o.payload()) {
                (Some(b), _) => b,
                (None, Some(Payload::Str(_))) => {
                    return Err(vm.type_error("decoding str is not supported"))
                }
                _ => {
                    return Err(vm.type_error(&format!(
                        "decoding to str: need a bytes-like object, {} found",
                        vm.type_name(&o)
                    )))
                }
            };
            super::codecs::decode(
                vm,
                &data,
                enc.as_deref().unwrap_or("utf-8"),
                errors.as_deref().unwrap_or("strict"),
            )?
        }
    };
    if Rc::ptr_eq(&cls, &vm.types.str_) {
        return Ok(value);
    }
    let points = value.as_str().map(|s| s.code_points()).unwrap_or_default();
    Ok(str_of_type(vm, &cls, PyStr::from_code_points(&points)))
}

/// The type name in CPython's "argument ... must be X, not Y" messages (`None` for None).
pub fn arg_type_name(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v).to_string()
    }
}

/// A str argument of a builtin (`encoding`, `errors`...), with CPython's message.
pub fn text_arg(vm: &Vm, v: &Value, func: &str, name: &str, position: usize) -> PyResult<String> {
    // The constructors named their arguments in these messages from 3.10, methods from 3.8.
    let since = if matches!(func, "str" | "bytes" | "bytearray") {
        (3, 10)
    } else {
        (3, 8)
    };
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(if ver(vm) >= since {
            vm.type_error(&format!(
                "{func}() argument '{name}' must be str, not {}",
                arg_type_name(vm, v)
            ))
        } else {
            vm.type_error(&format!(
                "{func}() argument {position} must be str, not {}",
                arg_type_name(vm, v)
            ))
        }),
    }
}

// ----- dunders -----

fn other<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a Value> {
    match args.values {
        [_, o] => Ok(o),
        _ => Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        )),
    }
}

/// The slot-wrapper TypeError of a str dunder called on the wrong type.
fn slot_self<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    match args.values.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Str(_)) => {
            let Payload::Str(s) = &o.payload else {
                unreachable!()
            };
            Ok(s)
        }
        Some(v) => Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'str' object but received a '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'str' object needs an argument"
        ))),
    }
}

fn str_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = slot_self(vm, &args, "__add__")?;
    let o = other(vm, &args)?;
    // NotImplemented (rather than CPython's direct-call TypeError) for other operands,
    // so that the operators go on to the reflected method and the sequence error.
    match o.payload() {
        Some(Payload::Str(y)) => Ok(concat(vm, x, y)),
        _ => Ok(vm.singletons.not_implemented.clone()),
    }
}

fn str_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = slot_self(vm, &args, "__mul__")?;
    let [_, o] = args.values else {
        return Err(unpack_arity_error(
            vm,
            1,
            1,
            args.values.len().saturating_sub(1),
        ));
    };
    let o = o.clone();
    match repeat_arg(vm, &o)? {
        Some(n) => repeat(vm, x, n),
        None => Ok(vm.singletons.not_implemented.clone()),
    }
}

fn str_mod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    slot_self(vm, &args, "__mod__")?;
    let o = other(vm, &args)?.clone();
    let this = args.values[0].clone();
    super::str_format::percent_format(vm, &this, &o)
}

fn str_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    slot_self(vm, &args, "__rmod__")?;
    let o = other(vm, &args)?.clone();
    if o.as_str().is_none() {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let this = args.values[0].clone();
    super::str_format::percent_format(vm, &o, &this)
}

/// `needle in haystack` for strs.
pub fn str_contains_value(vm: &Vm, hay: &PyStr, item: &Value) -> PyResult<bool> {
    let Some(needle) = item.as_str() else {
        return Err(vm.type_error(&format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(item)
        )));
    };
    if !hay.has_surrogates() && !needle.has_surrogates() {
        return Ok(hay.as_str().contains(needle.as_str()));
    }
    Ok(super::str_methods::find_points(
        &hay.code_points(),
        &needle.code_points(),
        0,
        hay.char_len(),
    )
    .is_some())
}

fn str_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = slot_self(vm, &args, "__contains__")?;
    let o = other(vm, &args)?;
    Ok(Value::bool(str_contains_value(vm, s, o)?))
}

fn str_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = slot_self(vm, &args, "__getitem__")?;
    let key = other(vm, &args)?.clone();
    let points = s.code_points();
    if let Some(Payload::Slice(sl)) = key.payload() {
        let sl = (**sl).clone();
        let b = vm.slice_bounds(&sl, points.len())?;
        let picked: Vec<u32> = b.indices().map(|i| points[i]).collect();
        return Ok(vm.new_str_points(&picked));
    }
    match vm.index_value(&key)? {
        Some(i) => {
            let len = points.len() as isize;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                return Err(vm.new_exception(
                    &vm.types.exc.index_error.clone(),
                    "string index out of range",
                ));
            }
            Ok(vm.new_str_points(&points[j as usize..=j as usize]))
        }
        None => Err(vm.type_error(&if ver(vm) >= (3, 11) {
            format!(
                "string indices must be integers, not '{}'",
                vm.type_name(&key)
            )
        } else {
            "string indices must be integers".to_string()
        })),
    }
}

fn str_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = slot_self(vm, &args, "__len__")?;
    slot_noargs(vm, &args)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn str_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    slot_self(vm, &args, "__iter__")?;
    slot_noargs(vm, &args)?;
    let Value::Obj(o) = &args.values[0] else {
        unreachable!()
    };
    Ok(vm.new_iter(crate::vm::iter::IterState::Seq {
        seq: o.clone(),
        index: 0,
    }))
}

fn str_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = slot_self(vm, &args, "__hash__")?;
    slot_noargs(vm, &args)?;
    Ok(Value::Int(s.hash(vm.str_hash)))
}

/// `str()` of an instance of a Python subclass of str, int, float or complex that does
/// not define `__str__` itself: the text, or (before 3.8) the number's plain repr.
pub fn builtin_str_of_subclass(vm: &Vm, v: &Value) -> PyResult<Option<String>> {
    let Value::Obj(o) = v else { return Ok(None) };
    if !vm.type_data(o.class()).is_heap {
        return Ok(None);
    }
    let version = ver(vm);
    Ok(match &o.payload {
        Payload::Str(s) => Some(s.as_str().to_string()),
        Payload::Int(i) if version < (3, 8) => Some(match i {
            crate::object::IntValue::Small(n) => n.to_string(),
            crate::object::IntValue::Big(b) => super::int::big_to_decimal(vm, b)?,
        }),
        Payload::Float(f) if version < (3, 8) => {
            let mut out = String::new();
            crate::pyc::repr::float_repr(*f, version, &mut out);
            Some(out)
        }
        Payload::Complex(re, im) if version < (3, 8) => {
            let mut out = String::new();
            crate::pyc::repr::complex_repr(*re, *im, version, &mut out);
            Some(out)
        }
        _ => None,
    })
}

/// `repr(v)` as a str value.
pub fn repr_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr(v)?;
    Ok(vm.new_str(&r))
}

/// The repr of a str.
pub fn repr_text(vm: &Vm, s: &PyStr) -> String {
    let mut out = String::new();
    crate::pyc::repr::text_repr(s.code_points().into_iter(), ver(vm), &mut out);
    out
}

fn str_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = slot_self(vm, &args, "__repr__")?;
    slot_noargs(vm, &args)?;
    let r = repr_text(vm, s);
    Ok(vm.new_str(&r))
}

fn str_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = slot_self(vm, &args, "__str__")?;
    slot_noargs(vm, &args)?;
    if Rc::ptr_eq(vm.class_of(&args.values[0]), &vm.types.str_) {
        return Ok(args.values[0].clone());
    }
    Ok(vm.new_str_points(&s.code_points()))
}

fn str_format_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "__format__")?;
    let pos = method_args(vm, &args, "str", "__format__", 1, 1)?;
    let Some(spec) = pos[0].as_str() else {
        return Err(vm.type_error(&format!(
            "format() argument 2 must be str, not {}",
            arg_type_name(vm, &pos[0])
        )));
    };
    if spec.char_len() == 0 {
        return str_value(vm, &args.values[0].clone());
    }
    let text = s.as_str().to_string();
    let spec = spec.as_str().to_string();
    let r = {
        let tn = vm.type_name(&args.values[0]);
        vm.format_str_spec(&text, &spec, &tn)?
    };
    if r == text {
        return Ok(args.values[0].clone());
    }
    Ok(vm.new_str(&r))
}

fn str_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "__getnewargs__")?;
    let v = vm.new_str_points(&s.code_points());
    Ok(vm.new_tuple(vec![v]))
}

fn str_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "__sizeof__")?;
    let max = s.code_points().into_iter().max().unwrap_or(0);
    let (header, unit) = if s.is_ascii() {
        (49, 1)
    } else if max < 0x100 {
        (73, 1)
    } else if max < 0x10000 {
        (74, 2)
    } else {
        (76, 4)
    };
    Ok(Value::Int(header + unit * s.char_len() as i64))
}

fn str_compare(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let x = slot_self(vm, &args, name)?;
    let o = other(vm, &args)?;
    match o.as_str() {
        // WTF-8 byte order is code point order.
        Some(y) => Ok(Value::bool(test(x.bytes().cmp(y.bytes())))),
        None => Ok(vm.singletons.not_implemented.clone()),
    }
}

macro_rules! str_cmps {
    ($($f:ident, $name:literal, $test:expr;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { str_compare(vm, args, $name, $test) } )*
    };
}

str_cmps!(
    str_eq, "__eq__", |o| o.is_eq();
    str_ne, "__ne__", |o| o.is_ne();
    str_lt, "__lt__", |o| o.is_lt();
    str_le, "__le__", |o| o.is_le();
    str_gt, "__gt__", |o| o.is_gt();
    str_ge, "__ge__", |o| o.is_ge();
);
