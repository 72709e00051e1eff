//! The native `math` module: CPython's functions with its error conventions — a NaN
//! result from a non-NaN argument is ValueError "math domain error", an infinite result
//! from a finite argument OverflowError "math range error" (or a domain error for the
//! functions with a pole) — and each function only in the versions that have it.

use crate::builtins::numeric::{self, index_big, index_or_error, num_of, Num};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Value};
use crate::vm::{messages, PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// (name, function, first version that has it).
const FUNCTIONS: &[(&str, NativeFn, (u8, u8))] = &[
    (
        "acos",
        |vm, a| unary(vm, a, "acos", f64::acos, false),
        (2, 4),
    ),
    (
        "acosh",
        |vm, a| unary(vm, a, "acosh", libm::acosh, false),
        (2, 4),
    ),
    (
        "asin",
        |vm, a| unary(vm, a, "asin", f64::asin, false),
        (2, 4),
    ),
    (
        "asinh",
        |vm, a| unary(vm, a, "asinh", libm::asinh, false),
        (2, 4),
    ),
    (
        "atan",
        |vm, a| unary(vm, a, "atan", f64::atan, false),
        (2, 4),
    ),
    (
        "atanh",
        |vm, a| unary(vm, a, "atanh", f64::atanh, false),
        (2, 4),
    ),
    (
        "cbrt",
        |vm, a| unary(vm, a, "cbrt", f64::cbrt, false),
        (3, 11),
    ),
    ("cos", |vm, a| unary(vm, a, "cos", f64::cos, false), (2, 4)),
    (
        "cosh",
        |vm, a| unary(vm, a, "cosh", f64::cosh, true),
        (2, 4),
    ),
    ("erf", |vm, a| unary(vm, a, "erf", libm::erf, false), (3, 2)),
    (
        "erfc",
        |vm, a| unary(vm, a, "erfc", libm::erfc, false),
        (3, 2),
    ),
    ("exp", |vm, a| unary(vm, a, "exp", f64::exp, true), (2, 4)),
    (
        "exp2",
        |vm, a| unary(vm, a, "exp2", f64::exp2, true),
        (3, 11),
    ),
    (
        "expm1",
        |vm, a| unary(vm, a, "expm1", f64::exp_m1, true),
        (3, 2),
    ),
    (
        "fabs",
        |vm, a| unary(vm, a, "fabs", f64::abs, false),
        (2, 4),
    ),
    ("sin", |vm, a| unary(vm, a, "sin", f64::sin, false), (2, 4)),
    (
        "sinh",
        |vm, a| unary(vm, a, "sinh", f64::sinh, true),
        (2, 4),
    ),
    (
        "sqrt",
        |vm, a| unary(vm, a, "sqrt", f64::sqrt, false),
        (2, 4),
    ),
    ("tan", |vm, a| unary(vm, a, "tan", f64::tan, false), (2, 4)),
    (
        "tanh",
        |vm, a| unary(vm, a, "tanh", f64::tanh, false),
        (2, 4),
    ),
    ("gamma", math_gamma, (3, 2)),
    ("lgamma", math_lgamma, (3, 2)),
    (
        "ceil",
        |vm, a| round_to_int(vm, a, "ceil", f64::ceil),
        (2, 4),
    ),
    (
        "floor",
        |vm, a| round_to_int(vm, a, "floor", f64::floor),
        (2, 4),
    ),
    (
        "trunc",
        |vm, a| round_to_int(vm, a, "trunc", f64::trunc),
        (2, 4),
    ),
    ("atan2", math_atan2, (2, 4)),
    ("copysign", math_copysign, (2, 4)),
    ("fmod", math_fmod, (2, 4)),
    ("remainder", math_remainder, (3, 7)),
    ("pow", math_pow, (2, 4)),
    ("ldexp", math_ldexp, (2, 4)),
    ("frexp", math_frexp, (2, 4)),
    ("modf", math_modf, (2, 4)),
    (
        "degrees",
        |vm, a| scale(vm, a, "degrees", 180.0 / std::f64::consts::PI),
        (2, 4),
    ),
    (
        "radians",
        |vm, a| scale(vm, a, "radians", std::f64::consts::PI / 180.0),
        (2, 4),
    ),
    (
        "isnan",
        |vm, a| predicate(vm, a, "isnan", f64::is_nan),
        (2, 4),
    ),
    (
        "isinf",
        |vm, a| predicate(vm, a, "isinf", f64::is_infinite),
        (2, 4),
    ),
    (
        "isfinite",
        |vm, a| predicate(vm, a, "isfinite", f64::is_finite),
        (3, 2),
    ),
    ("isclose", math_isclose, (3, 5)),
    ("log", math_log, (2, 4)),
    ("log2", |vm, a| log_n(vm, a, "log2", f64::log2), (3, 3)),
    ("log10", |vm, a| log_n(vm, a, "log10", f64::log10), (2, 4)),
    ("log1p", math_log1p, (2, 4)),
    ("hypot", math_hypot, (2, 4)),
    ("dist", math_dist, (3, 8)),
    ("fsum", math_fsum, (2, 4)),
    ("prod", math_prod, (3, 8)),
    ("sumprod", math_sumprod, (3, 12)),
    ("factorial", math_factorial, (2, 4)),
    ("gcd", math_gcd, (3, 5)),
    ("lcm", math_lcm, (3, 9)),
    ("isqrt", math_isqrt, (3, 8)),
    ("comb", math_comb, (3, 8)),
    ("perm", math_perm, (3, 8)),
    ("nextafter", math_nextafter, (3, 9)),
    ("ulp", math_ulp, (3, 9)),
    ("fma", math_fma, (3, 13)),
];

/// `math`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("math");
    let ver = vm.version.format.major_minor;
    for (name, f, since) in FUNCTIONS {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    let mut constants = vec![("pi", std::f64::consts::PI), ("e", std::f64::consts::E)];
    if ver >= (3, 5) {
        constants.push(("inf", f64::INFINITY));
        constants.push(("nan", f64::NAN));
    }
    if ver >= (3, 6) {
        constants.push(("tau", std::f64::consts::TAU));
    }
    for (name, x) in constants {
        vm.module_set(&m, name, Value::float(x));
    }
    if crate::vm::flavour::python2_builtins(vm.version) {
        crate::builtins::py2::functions::adjust_math(vm, &m);
    }
    Ok(m)
}

/// The C math library functions Rust's `f64` lacks.
mod libm {
    extern "C" {
        #[link_name = "erf"]
        fn c_erf(x: f64) -> f64;
        #[link_name = "erfc"]
        fn c_erfc(x: f64) -> f64;
        #[link_name = "tgamma"]
        fn c_tgamma(x: f64) -> f64;
        #[link_name = "lgamma"]
        fn c_lgamma(x: f64) -> f64;
        #[link_name = "asinh"]
        fn c_asinh(x: f64) -> f64;
        #[link_name = "acosh"]
        fn c_acosh(x: f64) -> f64;
        #[link_name = "remainder"]
        fn c_remainder(x: f64, y: f64) -> f64;
    }
    // SAFETY (all below): pure functions of their float arguments from the platform's C
    // math library, which Rust's standard library links; no pointers are involved.
    pub fn erf(x: f64) -> f64 {
        unsafe { c_erf(x) }
    }
    pub fn erfc(x: f64) -> f64 {
        unsafe { c_erfc(x) }
    }
    pub fn tgamma(x: f64) -> f64 {
        unsafe { c_tgamma(x) }
    }
    pub fn lgamma(x: f64) -> f64 {
        unsafe { c_lgamma(x) }
    }
    pub fn asinh(x: f64) -> f64 {
        unsafe { c_asinh(x) }
    }
    pub fn acosh(x: f64) -> f64 {
        unsafe { c_acosh(x) }
    }
    pub fn remainder(x: f64, y: f64) -> f64 {
        unsafe { c_remainder(x, y) }
    }
}

fn domain_error(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> PyErr {
    numeric::overflow_error(vm, "math range error")
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then (3.8+) `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(f.get()),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    match num_of(v) {
        Some(Num::Float(f)) => return Ok(f),
        Some(Num::Int(i)) => return numeric::int_to_f64_or_err(vm, &i),
        _ => {}
    }
    let name = vm.names.__float__.clone();
    if let Some(r) = vm.call_special(v, &name, &[])? {
        return match r {
            Value::Float(f) => Ok(f.get()),
            _ => {
                let (t, rt) = (vm.type_name(v), vm.type_name(&r));
                Err(vm.type_error(&format!("{t}.__float__ returned non-float (type {rt})")))
            }
        };
    }
    if vm.version.format.major_minor >= (3, 8) {
        if let Some(i) = index_big(vm, v)? {
            return numeric::big_to_f64(&i)
                .ok_or_else(|| numeric::overflow_error(vm, "int too large to convert to float"));
        }
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {t}")))
}

/// Exactly `n` positional arguments (METH_O's or the fast-call check's message).
fn exact<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.kw().next().is_some() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() == n {
        return Ok(pos);
    }
    Err(vm.type_error(&if n == 1 {
        let qualified = messages::module_function_name(vm.version.format.major_minor, "math", name);
        format!(
            "{qualified}() takes exactly one argument ({} given)",
            pos.len()
        )
    } else {
        format!("{name} expected {n} arguments, got {}", pos.len())
    }))
}

/// `math_1`: a float function with CPython's domain and range errors.
fn unary(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let a = exact(vm, &args, name, 1)?;
    let x = to_f64(vm, &a[0])?;
    let r = f(x);
    check(vm, x, r, can_overflow)
}

fn check(vm: &Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::float(r))
}

fn math_gamma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "gamma", 1)?;
    let x = to_f64(vm, &a[0])?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if x == f64::INFINITY {
        return Ok(Value::float(x));
    }
    if x == f64::NEG_INFINITY || (x <= 0.0 && x == x.floor()) {
        return Err(domain_error(vm));
    }
    let r = libm::tgamma(x);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

fn math_lgamma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "lgamma", 1)?;
    let x = to_f64(vm, &a[0])?;
    if !x.is_finite() {
        return Ok(Value::float(if x.is_nan() { x } else { f64::INFINITY }));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain_error(vm));
    }
    let r = libm::lgamma(x);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

/// `ceil`/`floor`/`trunc`: the type's `__ceil__`/`__floor__`/`__trunc__`, else the
/// float's, as an int.
fn round_to_int(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = exact(vm, &args, name, 1)?;
    let v = &a[0];
    if let Some(i) = crate::vm::ops::as_int(v) {
        if !matches!(v, Value::Bool(_)) {
            return Ok(crate::builtins::int::int_value(vm, i.to_big()));
        }
    }
    if !matches!(v, Value::Float(_)) {
        let dunder = vm.intern(&format!("__{name}__"));
        if let Some(r) = vm.call_special(v, &dunder, &[])? {
            return Ok(r);
        }
        if name == "trunc" {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("type {t} doesn't define __trunc__ method")));
        }
    }
    let x = to_f64(vm, v)?;
    float_to_int(vm, f(x))
}

fn float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(numeric::overflow_error(
            vm,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(crate::builtins::int::int_value(vm, numeric::f64_to_big(x)))
}

fn two_floats(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let a = exact(vm, args, name, 2)?;
    Ok((to_f64(vm, &a[0])?, to_f64(vm, &a[1])?))
}

fn math_atan2(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (y, x) = two_floats(vm, &args, "atan2")?;
    Ok(Value::float(y.atan2(x)))
}

fn math_copysign(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "copysign")?;
    Ok(Value::float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(r))
}

fn math_remainder(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    Ok(Value::float(libm::remainder(x, y)))
}

fn math_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else {
            x.powf(y)
        }
    } else {
        if x == 0.0 && y < 0.0 {
            return Err(domain_error(vm));
        }
        if x < 0.0 && y != y.floor() {
            return Err(domain_error(vm));
        }
        let r = x.powf(y);
        if r.is_infinite() {
            return Err(range_error(vm));
        }
        r
    };
    Ok(Value::float(r))
}

fn math_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "ldexp", 2)?;
    let x = to_f64(vm, &a[0])?;
    if matches!(a[1], Value::Float(_)) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let Some(e) = index_big(vm, &a[1])? else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let e = e.clamp(-10_000, 10_000) as i32;
    let r = numeric::ldexp(x, e);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

/// `(m, e)` with `x == m * 2**e`, `0.5 <= |m| < 1`.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn math_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "frexp", 1)?;
    let x = to_f64(vm, &a[0])?;
    let (m, e) = frexp(x);
    Ok(vm.new_tuple(vec![Value::float(m), Value::Int(e as i64)]))
}

fn math_modf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "modf", 1)?;
    let x = to_f64(vm, &a[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(vm.new_tuple(vec![Value::float(frac), Value::float(int)]))
}

fn scale(vm: &mut Vm, args: Args<'_>, name: &str, k: f64) -> PyResult<Value> {
    let a = exact(vm, &args, name, 1)?;
    let x = to_f64(vm, &a[0])?;
    Ok(Value::float(x * k))
}

fn predicate(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let a = exact(vm, &args, name, 1)?;
    let x = to_f64(vm, &a[0])?;
    Ok(Value::bool(f(x)))
}

fn math_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "isclose",
        params: &["a", "b", "rel_tol", "abs_tol"],
        required: 2,
        positional_only: 2,
    };
    let pos = args.pos().len();
    if pos > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({pos} given)"
        )));
    }
    let v = sig.bind(vm, args)?;
    let a = to_f64(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    let b = to_f64(vm, v[1].as_ref().unwrap_or(&Value::None))?;
    let rel = match &v[2] {
        Some(x) => to_f64(vm, x)?,
        None => 1e-9,
    };
    let abs = match &v[3] {
        Some(x) => to_f64(vm, x)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(Truth::True));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(Truth::False));
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

/// The natural log of a value, exact for big ints (`loghelper`).
fn ln_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(i) = crate::vm::ops::as_int(v) {
        let b = i.to_big();
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        return Ok(match b.to_f64().filter(|f| f.is_finite()) {
            Some(f) => f.ln(),
            None => {
                // x = m * 2**e with e the bit length less 64: log(m) + e*log(2).
                let e = b.bits() as i64 - 64;
                let m = (&b >> (e as usize)).to_f64().unwrap_or(f64::MAX);
                m.ln() + e as f64 * std::f64::consts::LN_2
            }
        });
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(x.ln())
}

fn math_log(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.kw().next().is_some() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    match args.pos() {
        [x] => Ok(Value::float(ln_of(vm, x)?)),
        [x, base] => {
            let num = ln_of(vm, x)?;
            let den = ln_of(vm, base)?;
            if den == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::float(num / den))
        }
        p => Err(vm.type_error(&format!(
            "log expected at most 2 arguments, got {}",
            p.len()
        ))),
    }
}

fn log_n(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = exact(vm, &args, name, 1)?;
    let ln = ln_of(vm, &a[0])?;
    // Through the natural log for big ints; directly for floats (exact powers).
    match &a[0] {
        Value::Float(x) => Ok(Value::float(f(x.get()))),
        Value::Int(i) => Ok(Value::float(f(*i as f64))),
        _ => Ok(Value::float(f(std::f64::consts::E) * ln)),
    }
}

fn math_log1p(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "log1p", 1)?;
    let x = to_f64(vm, &a[0])?;
    if x <= -1.0 {
        return Err(domain_error(vm));
    }
    Ok(Value::float(x.ln_1p()))
}

/// The Euclidean norm without undue overflow.
fn vector_norm(v: &[f64]) -> f64 {
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let max = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return 0.0;
    }
    let sum: f64 = v.iter().map(|x| (x / max) * (x / max)).sum();
    max * sum.sqrt()
}

fn math_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.kw().next().is_some() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    if vm.version.format.major_minor < (3, 8) {
        let (x, y) = two_floats(vm, &args, "hypot")?;
        return Ok(Value::float(x.hypot(y)));
    }
    let mut v = Vec::new();
    for x in args.pos() {
        v.push(to_f64(vm, x)?);
    }
    Ok(Value::float(if v.len() == 2 {
        v[0].hypot(v[1])
    } else {
        vector_norm(&v)
    }))
}

fn math_dist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "dist", 2)?;
    let (p, q) = (vm.collect(&a[0])?, vm.collect(&a[1])?);
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut d = Vec::new();
    for (x, y) in p.iter().zip(&q) {
        d.push(to_f64(vm, x)? - to_f64(vm, y)?);
    }
    Ok(Value::float(vector_norm(&d)))
}

/// Shewchuk's exact summation, as CPython's `fsum`.
fn math_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "fsum", 1)?;
    let items = vm.collect(&a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in &items {
        let mut x = to_f64(vm, item)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x.is_infinite() {
            return Err(numeric::overflow_error(vm, "intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn math_prod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "prod() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let mut acc = Value::Int(1);
    for (k, v) in args.kw() {
        if k.as_str().is_some_and(|s| s.as_str() == "start") {
            acc = v.clone();
        } else {
            let k = k
                .as_str()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            return Err(vm.type_error(&format!("prod() got an unexpected keyword argument '{k}'")));
        }
    }
    for item in vm.collect(&pos[0])? {
        acc = vm.binary_op(&acc, &item, crate::vm::ops::BinOp::Mul, false)?;
    }
    Ok(acc)
}

fn math_sumprod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "sumprod", 2)?;
    let (p, q) = (vm.collect(&a[0])?, vm.collect(&a[1])?);
    if p.len() != q.len() {
        return Err(vm.value_error("Inputs are not the same length"));
    }
    let mut acc = Value::Int(0);
    for (x, y) in p.iter().zip(&q) {
        let m = vm.binary_op(x, y, crate::vm::ops::BinOp::Mul, false)?;
        acc = vm.binary_op(&acc, &m, crate::vm::ops::BinOp::Add, false)?;
    }
    Ok(acc)
}

fn big(vm: &Vm, b: BigInt) -> Value {
    crate::builtins::int::int_value(vm, b)
}

fn math_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "factorial", 1)?;
    let v = &a[0];
    let n = match v {
        Value::Float(f) if vm.version.format.major_minor < (3, 10) => {
            let f = f.get();
            if f.fract() != 0.0 || !f.is_finite() {
                return Err(vm.value_error("factorial() only accepts integral values"));
            }
            numeric::f64_to_big(f)
        }
        _ => index_or_error(vm, v)?,
    };
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 1_000_000) else {
        return Err(numeric::overflow_error(
            vm,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for k in 2..=n {
        r *= k;
    }
    Ok(big(vm, r))
}

fn int_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Vec<BigInt>> {
    if args.kw().next().is_some() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let mut out = Vec::new();
    for v in args.pos() {
        out.push(index_or_error(vm, v)?);
    }
    Ok(out)
}

fn math_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if vm.version.format.major_minor < (3, 9) {
        exact(vm, &args, "gcd", 2)?;
    }
    let v = int_args(vm, &args, "gcd")?;
    let r = v.iter().fold(BigInt::zero(), |acc, x| acc.gcd(x));
    Ok(big(vm, r))
}

fn math_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = int_args(vm, &args, "lcm")?;
    let mut acc = BigInt::one();
    for x in &v {
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        acc = acc.lcm(x);
    }
    Ok(big(vm, acc))
}

fn math_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "isqrt", 1)?;
    let n = index_or_error(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(big(vm, n.sqrt()))
}

/// The `n` and `k` of comb/perm, checked as CPython checks them.
fn n_k(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    k_optional: bool,
) -> PyResult<(BigInt, Option<BigInt>)> {
    if args.kw().next().is_some() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let ok = if k_optional {
        (1..=2).contains(&pos.len())
    } else {
        pos.len() == 2
    };
    if !ok {
        return Err(vm.type_error(&if k_optional {
            format!("{name} expected at most 2 arguments, got {}", pos.len())
        } else {
            format!("{name} expected 2 arguments, got {}", pos.len())
        }));
    }
    let n = index_or_error(vm, &pos[0])?;
    let k = match pos.get(1) {
        Some(Value::None) | None => None,
        Some(k) => Some(index_or_error(vm, k)?),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.as_ref().is_some_and(|k| k.is_negative()) {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn math_comb(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (n, k) = n_k(vm, &args, "comb", false)?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64() else {
        return Err(numeric::overflow_error(
            vm,
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(big(vm, r))
}

fn math_perm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (n, k) = n_k(vm, &args, "perm", true)?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(numeric::overflow_error(
            vm,
            "k must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(big(vm, r))
}

fn math_nextafter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "nextafter")?;
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if y > x {
        x.next_up()
    } else {
        x.next_down()
    };
    Ok(Value::float(r))
}

fn math_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "ulp", 1)?;
    let x = to_f64(vm, &a[0])?.abs();
    if !x.is_finite() {
        return Ok(Value::float(x));
    }
    let up = x.next_up();
    Ok(Value::float(if up.is_infinite() {
        x - x.next_down()
    } else {
        up - x
    }))
}

fn math_fma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = exact(vm, &args, "fma", 3)?;
    let (x, y, z) = (to_f64(vm, &a[0])?, to_f64(vm, &a[1])?, to_f64(vm, &a[2])?);
    let r = x.mul_add(y, z);
    if r.is_finite() || x.is_nan() || y.is_nan() || z.is_nan() {
        return Ok(Value::float(r));
    }
    if r.is_nan() {
        return Err(vm.value_error("invalid operation in fma"));
    }
    if x.is_finite() && y.is_finite() && z.is_finite() {
        return Err(numeric::overflow_error(vm, "overflow in fma"));
    }
    Ok(Value::float(r))
}
