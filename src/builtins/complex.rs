//! `complex`: the constructor (from numbers, `__complex__`, and strings such as
//! `'1+2j'` or `' (-3.5j) '`), CPython's complex arithmetic (Smith's division, integer
//! powers by repeated squaring, the polar form otherwise) with its error messages, and the
//! type's dunders.

use super::numeric::{self, new_complex, new_object, num_of, overflow_error, ver, Num};
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::ops::BinOp;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    let m = BuiltinKind::Method;
    vm.add_method(&t, "__new__", complex_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "conjugate", complex_conjugate, m);
    if ver(vm) >= (3, 11) {
        vm.add_method(&t, "__complex__", complex_self, m);
    }
    vm.add_method(&t, "__pos__", complex_self, m);
    vm.add_method(&t, "__neg__", complex_neg, m);
    vm.add_method(&t, "__abs__", complex_abs, m);
    vm.add_method(&t, "__bool__", complex_bool, m);
    vm.add_method(&t, "__hash__", complex_hash, m);
    vm.add_method(&t, "__repr__", complex_repr, m);
    vm.add_method(&t, "__format__", complex_format, m);
    vm.add_method(&t, "__getnewargs__", complex_getnewargs, m);
    vm.add_method(&t, "__pow__", complex_pow_m, m);
    vm.add_method(&t, "__rpow__", complex_rpow_m, m);
    macro_rules! reg {
        ($($name:literal => $f:ident),* $(,)?) => { $( vm.add_method(&t, $name, $f, m); )* };
    }
    reg!(
        "__add__" => complex_add, "__radd__" => complex_radd, "__sub__" => complex_sub,
        "__rsub__" => complex_rsub, "__mul__" => complex_mul, "__rmul__" => complex_rmul,
        "__truediv__" => complex_truediv, "__rtruediv__" => complex_rtruediv,
        "__eq__" => complex_eq, "__ne__" => complex_ne, "__lt__" => complex_unordered,
        "__le__" => complex_unordered, "__gt__" => complex_unordered, "__ge__" => complex_unordered,
    );
    if ver(vm) < (3, 10) {
        reg!(
            "__floordiv__" => complex_floordiv, "__rfloordiv__" => complex_floordiv,
            "__mod__" => complex_mod, "__rmod__" => complex_mod,
            "__divmod__" => complex_divmod, "__rdivmod__" => complex_divmod,
            "__int__" => complex_int, "__float__" => complex_float,
        );
    }
    vm.add_getset(&t, "real", complex_real, None);
    vm.add_getset(&t, "imag", complex_imag, None);
}

type C = (f64, f64);

/// An instance of `cls` (complex or a subclass).
pub fn complex_of_type(vm: &Vm, cls: &ObjRef, c: C) -> Value {
    if Rc::ptr_eq(cls, &vm.types.complex) {
        return new_complex(vm, c.0, c.1);
    }
    new_object(vm, cls, Payload::Complex(c.0, c.1))
}

// ----- arithmetic -----

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Division as CPython's `_Py_c_quot`; `None` when dividing by zero.
fn quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** b` by the polar form; `None` for zero to a negative or complex power.
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` as CPython's `complex_pow` (without a modulus).
pub fn complex_pow(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            Some(c_powu(a, n))
        } else {
            quot((1.0, 0.0), c_powu(a, -n))
        }
    } else {
        c_pow(a, b)
    };
    let Some(p) = p else {
        return Err(vm.zero_division("0.0 to a negative or complex power"));
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(overflow_error(vm, "complex exponentiation"));
    }
    Ok(new_complex(vm, p.0, p.1))
}

/// `a op b` for complex operands; `None` when the operation is not defined (3.10+).
pub fn complex_binop(vm: &mut Vm, op: BinOp, a: C, b: C) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => (a.0 + b.0, a.1 + b.1),
        BinOp::Sub => (a.0 - b.0, a.1 - b.1),
        BinOp::Mul => prod(a, b),
        BinOp::TrueDiv | BinOp::Div => match quot(a, b) {
            Some(q) => q,
            None => return Err(vm.zero_division("complex division by zero")),
        },
        BinOp::Pow => return complex_pow(vm, a, b).map(Some),
        BinOp::FloorDiv if ver(vm) < (3, 10) => {
            return Err(vm.type_error("can't take floor of complex number."))
        }
        BinOp::Mod if ver(vm) < (3, 10) => return Err(vm.type_error("can't mod complex numbers.")),
        _ => return Ok(None),
    };
    Ok(Some(new_complex(vm, r.0, r.1)))
}

// ----- parsing -----

/// Parses a float at the start of `s` (sign, digits, point, exponent, or inf/nan).
fn parse_float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let lower: Vec<u8> = s[i..].iter().map(|c| c.to_ascii_lowercase()).collect();
    let special = [
        (&b"infinity"[..], f64::INFINITY),
        (&b"inf"[..], f64::INFINITY),
        (&b"nan"[..], f64::NAN),
    ];
    for (word, v) in special {
        if lower.starts_with(word) {
            let v = if s[0] == b'-' { -v } else { v };
            return Some((v, i + word.len()));
        }
    }
    let digits_start = i;
    let mut n = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        n += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            n += 1;
        }
    }
    if n == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let _ = digits_start;
    let text = std::str::from_utf8(&s[..i]).ok()?;
    Some((text.parse().ok()?, i))
}

/// Parses complex text as CPython's `complex(str)`. `None` if malformed.
pub fn parse_complex(text: &[u8]) -> Option<C> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    // Underscores: only between digits.
    let mut clean = Vec::with_capacity(text.len());
    for (i, &c) in text.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0
                && text[i - 1].is_ascii_digit()
                && text.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !ok {
                return None;
            }
            continue;
        }
        clean.push(c);
    }
    let mut s: &[u8] = &clean;
    let trim = |s: &[u8]| -> Vec<u8> {
        let a = s.iter().position(|&c| !is_space(c)).unwrap_or(s.len());
        let b = s.iter().rposition(|&c| !is_space(c)).map_or(a, |p| p + 1);
        s[a..b].to_vec()
    };
    let mut owned = trim(s);
    if owned.first() == Some(&b'(') {
        if owned.last() != Some(&b')') {
            return None;
        }
        owned = trim(&owned[1..owned.len() - 1]);
    }
    s = &owned;
    if s.is_empty() {
        return None;
    }
    let (mut re, mut im) = (0.0, 0.0);
    let end;
    match parse_float_prefix(s) {
        Some((x, n)) => match s.get(n) {
            Some(b'+' | b'-') => {
                match parse_float_prefix(&s[n..]) {
                    Some((y, m)) => {
                        im = y;
                        end = n + m;
                    }
                    None => {
                        im = if s[n] == b'-' { -1.0 } else { 1.0 };
                        end = n + 1;
                    }
                }
                if !matches!(s.get(end), Some(b'j' | b'J')) {
                    return None;
                }
                re = x;
                return (end + 1 == s.len()).then_some((re, im));
            }
            Some(b'j' | b'J') => {
                im = x;
                end = n + 1;
            }
            _ => {
                re = x;
                end = n;
            }
        },
        None => {
            let mut i = 0;
            let mut sign = 1.0;
            if let Some(c @ (b'+' | b'-')) = s.first() {
                if *c == b'-' {
                    sign = -1.0;
                }
                i = 1;
            }
            if !matches!(s.get(i), Some(b'j' | b'J')) {
                return None;
            }
            im = sign;
            end = i + 1;
        }
    }
    (end == s.len()).then_some((re, im))
}

// ----- constructor -----

/// The complex value of `v` via `__complex__`, if it has one.
fn try_complex_method(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    let name = vm.names.__complex__.clone();
    let class_ = vm.class_of(v).clone();
    if !vm.type_data(&class_).is_heap {
        return Ok(None);
    }
    match vm.call_special(v, &name, &[])? {
        Some(r) => match r.payload() {
            Some(Payload::Complex(re, im)) => Ok(Some((*re, *im))),
            _ => Err(vm.type_error(&format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        },
        None => Ok(None),
    }
}

/// A real argument of `complex()` as a double, or `None` if it is not a number.
fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    match num_of(v) {
        Some(Num::Float(f)) => return Ok(Some(f)),
        Some(Num::Int(i)) => return numeric::int_to_f64_or_err(vm, &i).map(Some),
        _ => {}
    }
    let name = vm.names.__float__.clone();
    let class_ = vm.class_of(v).clone();
    if vm.lookup_in_mro(&class_, &name).is_some() {
        return super::float::float_from_value(vm, v).map(Some);
    }
    if ver(vm) >= (3, 8) {
        if let Some(n) = numeric::index_big(vm, v)? {
            return numeric::big_to_f64(&n)
                .map(Some)
                .ok_or_else(|| overflow_error(vm, "int too large to convert to float"));
        }
    }
    Ok(None)
}

fn complex_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = super::numeric::new_cls(vm, &args, &vm.types.complex.clone())?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let bound = super::str::Clinic {
        name: "complex",
        params: &["real", "imag"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let (r, i) = (bound[0].clone(), bound[1].clone());
    if let Some(r) = &r {
        if let Some(Payload::Str(s)) = r.payload() {
            if i.is_some() {
                return Err(vm.type_error("complex() can't take second arg if first is a string"));
            }
            let bytes = if s.is_ascii() {
                s.bytes().to_vec()
            } else {
                super::int::ascii_number_text(vm, &s.code_points())
            };
            return match parse_complex(&bytes) {
                Some(c) => Ok(complex_of_type(vm, &cls, c)),
                None => Err(vm.value_error("complex() arg is a malformed string")),
            };
        }
    }
    if let Some(i) = &i {
        if i.as_str().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    let r = r.unwrap_or(Value::Int(0));
    // complex(z) for an exact complex returns it unchanged.
    if i.is_none()
        && Rc::ptr_eq(&cls, &vm.types.complex)
        && Rc::ptr_eq(vm.class_of(&r), &vm.types.complex)
    {
        return Ok(r);
    }
    let (cr, cr_is_complex) = if let Some(c) = try_complex_method(vm, &r)? {
        (c, true)
    } else if let Some(Payload::Complex(re, im)) = r.payload() {
        ((*re, *im), true)
    } else {
        match real_arg(vm, &r)? {
            Some(f) => ((f, 0.0), false),
            None => {
                return Err(vm.type_error(&format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    vm.type_name(&r)
                )))
            }
        }
    };
    let (ci, ci_is_complex) = match &i {
        None => ((0.0, 0.0), false),
        Some(v) => {
            if let Some(Payload::Complex(re, im)) = v.payload() {
                ((*re, *im), true)
            } else {
                match real_arg(vm, v)? {
                    Some(f) => ((f, 0.0), false),
                    None => {
                        return Err(vm.type_error(&format!(
                            "complex() second argument must be a number, not '{}'",
                            vm.type_name(v)
                        )))
                    }
                }
            }
        }
    };
    let mut real = cr.0;
    let mut imag = ci.0;
    if ci_is_complex {
        real -= ci.1;
    }
    if cr_is_complex {
        imag += cr.1;
    }
    Ok(complex_of_type(vm, &cls, (real, imag)))
}

// ----- methods -----

fn self_complex(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<C> {
    match args.values.first() {
        Some(v) => match v.payload() {
            Some(Payload::Complex(re, im)) => Ok((*re, *im)),
            _ => Err(vm.type_error(&format!(
                "descriptor '{name}' requires a 'complex' object but received a '{}'",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'complex' object needs an argument"
        ))),
    }
}

fn complex_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = self_complex(vm, &args, "__complex__")?;
    if Rc::ptr_eq(vm.class_of(&args.values[0]), &vm.types.complex) {
        return Ok(args.values[0].clone());
    }
    Ok(new_complex(vm, c.0, c.1))
}

fn complex_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = self_complex(vm, &args, "conjugate")?;
    Ok(new_complex(vm, c.0, -c.1))
}

fn complex_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let c = self_complex(vm, &args, "__neg__")?;
    Ok(new_complex(vm, -c.0, -c.1))
}

/// `abs(z)` with C99's infinity rule; `None` on overflow.
pub fn complex_abs_value(c: C) -> Option<f64> {
    if c.0.is_infinite() || c.1.is_infinite() {
        return Some(f64::INFINITY);
    }
    if c.0.is_nan() || c.1.is_nan() {
        return Some(f64::NAN);
    }
    let r = c.0.hypot(c.1);
    r.is_finite().then_some(r)
}

fn complex_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let c = self_complex(vm, &args, "__abs__")?;
    match complex_abs_value(c) {
        Some(r) => Ok(Value::float(r)),
        None => Err(overflow_error(vm, "absolute value too large")),
    }
}

fn complex_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let c = self_complex(vm, &args, "__bool__")?;
    Ok(Value::bool(c.0 != 0.0 || c.1 != 0.0))
}

fn complex_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let c = self_complex(vm, &args, "__hash__")?;
    let v = &args.values[0];
    let hr = super::float::float_hash_value(vm, c.0, v) as u64;
    let hi = super::float::float_hash_value(vm, c.1, v) as u64;
    let mut h = hr.wrapping_add(1_000_003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}

fn complex_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let c = self_complex(vm, &args, "__repr__")?;
    let mut s = String::new();
    crate::pyc::repr::complex_repr(c.0, c.1, ver(vm), &mut s);
    Ok(vm.new_str(&s))
}

fn complex_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = self_complex(vm, &args, "__format__")?;
    let spec = match args.values.get(1) {
        Some(v) => match v.as_str() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.type_error(&format!(
                    "format() argument 2 must be str, not {}",
                    super::str::arg_type_name(vm, v)
                )))
            }
        },
        None => return Err(super::str::one_arg_error(vm, "complex", "__format__", 0)),
    };
    if spec.is_empty() {
        let this = args.values[0].clone();
        let s = vm.str(&this)?;
        return Ok(vm.new_str(&s));
    }
    let s = {
        let tn = vm.type_name(&args.values[0]);
        vm.format_complex_spec(c.0, c.1, &spec, &tn)?
    };
    Ok(vm.new_str(&s))
}

fn complex_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = self_complex(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::float(c.0), Value::float(c.1)]))
}

fn complex_real(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::float(self_complex(vm, &args, "real")?.0))
}

fn complex_imag(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::float(self_complex(vm, &args, "imag")?.1))
}

/// The other operand of a complex dunder: `None` (NotImplemented) unless a number.
fn other_complex(vm: &Vm, v: &Value) -> PyResult<Option<C>> {
    match num_of(v) {
        Some(n) => numeric::complex_parts(vm, &n).map(Some),
        None => Ok(None),
    }
}

fn other_arg<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a Value> {
    match args.values {
        [_, other] => Ok(other),
        _ => Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        )),
    }
}

fn complex_dunder(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let x = self_complex(vm, &args, name)?;
    let other = other_arg(vm, &args)?;
    let Some(y) = other_complex(vm, other)? else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let r = if reflected {
        complex_binop(vm, op, y, x)?
    } else {
        complex_binop(vm, op, x, y)?
    };
    Ok(r.unwrap_or_else(|| vm.singletons.not_implemented.clone()))
}

macro_rules! complex_binops {
    ($($f:ident, $name:literal, $op:ident, $refl:literal;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { complex_dunder(vm, args, $name, BinOp::$op, $refl) } )*
    };
}

complex_binops!(
    complex_add, "__add__", Add, false; complex_radd, "__radd__", Add, true;
    complex_sub, "__sub__", Sub, false; complex_rsub, "__rsub__", Sub, true;
    complex_mul, "__mul__", Mul, false; complex_rmul, "__rmul__", Mul, true;
    complex_truediv, "__truediv__", TrueDiv, false; complex_rtruediv, "__rtruediv__", TrueDiv, true;
);

fn complex_pow_dunder(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let x = self_complex(vm, &args, name)?;
    let rest = &args.values[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(super::str::unpack_arity_error(vm, 1, 2, rest.len()));
    }
    let Some(y) = other_complex(vm, &rest[0])? else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if !matches!(rest.get(1), None | Some(Value::None)) {
        return Err(vm.value_error("complex modulo"));
    }
    if reflected {
        complex_pow(vm, y, x)
    } else {
        complex_pow(vm, x, y)
    }
}

fn complex_pow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    complex_pow_dunder(vm, args, "__pow__", false)
}

fn complex_rpow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    complex_pow_dunder(vm, args, "__rpow__", true)
}

/// `z == other` for a complex `z`: `None` when other is not a number.
pub fn complex_equals(z: C, other: &Value) -> Option<bool> {
    Some(match num_of(other)? {
        Num::Int(i) => {
            z.1 == 0.0 && numeric::cmp_int_float(&i, z.0) == Some(std::cmp::Ordering::Equal)
        }
        Num::Float(f) => z.0 == f && z.1 == 0.0,
        Num::Complex(re, im) => z.0 == re && z.1 == im,
    })
}

fn complex_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = self_complex(vm, &args, "__eq__")?;
    let other = other_arg(vm, &args)?;
    Ok(match complex_equals(z, other) {
        Some(b) => Value::bool(b),
        None => vm.singletons.not_implemented.clone(),
    })
}

fn complex_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = self_complex(vm, &args, "__ne__")?;
    let other = other_arg(vm, &args)?;
    Ok(match complex_equals(z, other) {
        Some(b) => Value::bool(!b),
        None => vm.singletons.not_implemented.clone(),
    })
}

fn complex_unordered(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    self_complex(vm, &args, "__lt__")?;
    Ok(vm.singletons.not_implemented.clone())
}

fn complex_floordiv(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("can't take floor of complex number."))
}

fn complex_mod(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("can't mod complex numbers."))
}

fn complex_divmod(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("can't take floor or mod of complex number."))
}

fn complex_int(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("can't convert complex to int"))
}

fn complex_float(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("can't convert complex to float"))
}
