//! `float`: the constructor (numbers, `__float__`/`__index__`, strings with CPython's
//! syntax), float arithmetic with CPython's special cases (`divmod` signs, `pow` of
//! zeros, infinities and negative bases), correctly rounded `round()`, `hex`/`fromhex`,
//! `as_integer_ratio`, and the type's dunders.

use super::numeric::{self, index_or_error, new_object, num_of, overflow_error, ver, Num};
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::ops::BinOp;
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, BigUint};
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let t = vm.types.float.clone();
    let m = BuiltinKind::Method;
    vm.add_method(&t, "__new__", float_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "conjugate", float_self, m);
    vm.add_method(&t, "__float__", float_self, m);
    vm.add_method(&t, "__pos__", float_self, m);
    vm.add_method(&t, "is_integer", float_is_integer, m);
    vm.add_method(&t, "as_integer_ratio", float_as_integer_ratio, m);
    vm.add_method(&t, "hex", float_hex, m);
    vm.add_method(&t, "fromhex", float_fromhex, BuiltinKind::ClassMethod);
    vm.add_method(&t, "__int__", float_trunc, m);
    vm.add_method(&t, "__trunc__", float_trunc, m);
    if ver(vm) >= (3, 9) {
        vm.add_method(&t, "__floor__", float_floor, m);
        vm.add_method(&t, "__ceil__", float_ceil, m);
    }
    vm.add_method(&t, "__round__", float_round, m);
    vm.add_method(&t, "__abs__", float_abs, m);
    vm.add_method(&t, "__neg__", float_neg, m);
    vm.add_method(&t, "__bool__", float_bool, m);
    vm.add_method(&t, "__hash__", float_hash, m);
    vm.add_method(&t, "__repr__", float_repr, m);
    vm.add_method(&t, "__format__", float_format, m);
    vm.add_method(&t, "__getnewargs__", float_getnewargs, m);
    vm.add_method(&t, "__divmod__", float_divmod_m, m);
    vm.add_method(&t, "__rdivmod__", float_rdivmod_m, m);
    vm.add_method(&t, "__pow__", float_pow_m, m);
    vm.add_method(&t, "__rpow__", float_rpow_m, m);
    macro_rules! reg {
        ($($name:literal => $f:ident),* $(,)?) => { $( vm.add_method(&t, $name, $f, m); )* };
    }
    reg!(
        "__add__" => float_add, "__radd__" => float_radd, "__sub__" => float_sub, "__rsub__" => float_rsub,
        "__mul__" => float_mul, "__rmul__" => float_rmul, "__truediv__" => float_truediv,
        "__rtruediv__" => float_rtruediv, "__floordiv__" => float_floordiv, "__rfloordiv__" => float_rfloordiv,
        "__mod__" => float_mod, "__rmod__" => float_rmod,
        "__eq__" => float_eq, "__ne__" => float_ne, "__lt__" => float_lt, "__le__" => float_le,
        "__gt__" => float_gt, "__ge__" => float_ge,
    );
    vm.add_getset(&t, "real", float_self, None);
    vm.add_getset(&t, "imag", float_zero, None);
}

/// An instance of `cls` (float or a subclass) with the value `x`.
pub fn float_of_type(vm: &Vm, cls: &ObjRef, x: f64) -> Value {
    // A NaN gets its own object, so identity-based comparisons (`nan in [nan]`,
    // `[float('nan')] == [float('nan')]`) behave as in CPython; other floats stay inline.
    if Rc::ptr_eq(cls, &vm.types.float) && !x.is_nan() {
        return Value::float(x);
    }
    new_object(vm, cls, Payload::Float(x))
}

// ----- arithmetic -----

/// `x op y` for floats (`op` is arithmetic: not a shift or bitwise operator).
pub fn float_binop(vm: &mut Vm, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv | BinOp::Div => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                let msg = if ver(vm) >= (3, 9) {
                    "float floor division by zero"
                } else {
                    "float divmod()"
                };
                return Err(vm.zero_division(msg));
            }
            crate::vm::ops::float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                let msg = if ver(vm) >= (3, 13) {
                    "float modulo by zero"
                } else {
                    "float modulo"
                };
                return Err(vm.zero_division(msg));
            }
            crate::vm::ops::float_divmod(x, y).1
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => {
            return Err(vm.type_error(&format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    }))
}

/// `divmod(x, y)` for floats.
pub fn float_divmod_checked(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (q, r) = crate::vm::ops::float_divmod(x, y);
    Ok(vm.new_tuple(vec![Value::float(q), Value::float(r)]))
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.fract() == 0.0 && (y / 2.0).fract() != 0.0
}

/// `x ** y` for floats, with CPython's special cases.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Value::float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Value::float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = x;
    if x < 0.0 {
        if y != y.floor() {
            return super::complex::complex_pow(vm, (x, 0.0), (y, 0.0));
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Value::float(if negate { -1.0 } else { 1.0 }));
    }
    let mut r = base.powf(y);
    if negate {
        r = -r;
    }
    if r.is_infinite() {
        return Err(overflow_error(vm, "(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(r))
}

// ----- parsing -----

/// Parses float text as CPython's `float()`: whitespace around, single underscores
/// between digits, `inf`/`infinity`/`nan` in any case, a sign. `None` if invalid.
pub fn parse_float(text: &[u8]) -> Option<f64> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let start = text.iter().position(|&c| !is_space(c))?;
    let end = text.iter().rposition(|&c| !is_space(c))? + 1;
    let s = &text[start..end];
    let mut clean = String::with_capacity(s.len());
    for (i, &c) in s.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0
                && s[i - 1].is_ascii_digit()
                && s.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !ok {
                return None;
            }
            continue;
        }
        if !c.is_ascii() {
            return None;
        }
        clean.push(c as char);
    }
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let b = body.as_bytes();
            let mut i = 0;
            let digits = |i: &mut usize| {
                let s = *i;
                while *i < b.len() && b[*i].is_ascii_digit() {
                    *i += 1;
                }
                *i - s
            };
            let mut n = digits(&mut i);
            if i < b.len() && b[i] == b'.' {
                i += 1;
                n += digits(&mut i);
            }
            if n == 0 {
                return None;
            }
            if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
                i += 1;
                if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                    i += 1;
                }
                if digits(&mut i) == 0 {
                    return None;
                }
            }
            if i != b.len() {
                return None;
            }
            body.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

/// `float(text)` for a str/bytes/bytearray value, with CPython's error message.
pub fn float_from_text(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let bytes: Vec<u8> = match v.payload() {
        Some(Payload::Str(s)) => {
            if s.is_ascii() {
                s.bytes().to_vec()
            } else {
                super::int::ascii_number_text(vm, &s.code_points())
            }
        }
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.get(),
        _ => Vec::new(),
    };
    match parse_float(&bytes) {
        Some(f) => Ok(f),
        None => {
            // 3.6 and 3.7 leave out the repr when only whitespace was given.
            let blank = bytes.iter().all(|c| c.is_ascii_whitespace() || *c == 0x0b);
            if blank && ver(vm) < (3, 8) {
                return Err(vm.value_error("could not convert string to float: "));
            }
            let r = vm.repr(v)?;
            Err(vm.value_error(&format!("could not convert string to float: {r}")))
        }
    }
}

// ----- constructor -----

fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = super::numeric::new_cls(vm, &args, &vm.types.float.clone())?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let positional_only = if ver(vm) >= (3, 7) { 1 } else { 0 };
    if positional_only == 1 && !rest.kwnames.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    if rest.pos().len() > 1 {
        return Err(super::str::count_error(
            vm,
            "float",
            0,
            1,
            rest.pos().len(),
            (3, 7),
        ));
    }
    let bound = super::str::Clinic {
        name: "float",
        params: &["x"],
        required: 0,
        positional_only,
    }
    .bind(vm, rest)?;
    let x = match &bound[0] {
        None => 0.0,
        Some(v) => float_from_value(vm, v)?,
    };
    Ok(float_of_type(vm, &cls, x))
}

/// `float(x)` for one argument.
pub fn float_from_value(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(f.get()),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    let class_ = vm.class_of(x).clone();
    if !vm.type_data(&class_).is_heap {
        match num_of(x) {
            Some(Num::Float(f)) => return Ok(f),
            Some(Num::Int(i)) => return numeric::int_to_f64_or_err(vm, &i),
            _ => {}
        }
        if matches!(
            x.payload(),
            Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
        ) {
            return float_from_text(vm, x);
        }
    }
    let name = vm.names.__float__.clone();
    if let Some(r) = vm.call_special(x, &name, &[])? {
        return match numeric::float_of(&r) {
            Some(f) => Ok(f),
            None => Err(vm.type_error(&format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    if ver(vm) >= (3, 8) {
        if let Some(n) = numeric::index_big(vm, x)? {
            return numeric::big_to_f64(&n)
                .ok_or_else(|| overflow_error(vm, "int too large to convert to float"));
        }
    }
    if let Some(f) = numeric::float_of(x) {
        return Ok(f);
    }
    if matches!(
        x.payload(),
        Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
    ) {
        return float_from_text(vm, x);
    }
    let what = if ver(vm) >= (3, 10) {
        "a real number"
    } else {
        "a number"
    };
    Err(vm.type_error(&format!(
        "float() argument must be a string or {what}, not '{}'",
        vm.type_name(x)
    )))
}

// ----- methods -----

fn self_float(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<f64> {
    match args.values.first() {
        Some(v) => numeric::float_of(v).ok_or_else(|| {
            vm.type_error(&format!(
                "descriptor '{name}' requires a 'float' object but received a '{}'",
                vm.type_name(v)
            ))
        }),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'float' object needs an argument"
        ))),
    }
}

fn float_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::float(self_float(vm, &args, "conjugate")?))
}

fn float_zero(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::float(0.0))
}

fn float_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "is_integer")?;
    super::str::method_args(vm, &args, "float", "is_integer", 0, 0)?;
    Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
}

/// The exact ratio of a finite float, in lowest terms.
pub fn float_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let (m, e) = crate::object::hash::frexp(x);
    // x = m * 2**e with 0.5 <= |m| < 1: scale m to a 53-bit integer.
    let mant = (m * (1u64 << 53) as f64) as i64;
    let mut e = e - 53;
    let mut mant = mant;
    while mant != 0 && mant % 2 == 0 && e < 0 {
        mant /= 2;
        e += 1;
    }
    let n = BigInt::from(mant);
    if e >= 0 {
        (n << (e as usize), BigInt::from(1))
    } else {
        (n, BigInt::from(1) << ((-e) as usize))
    }
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "as_integer_ratio")?;
    if x.is_infinite() {
        return Err(overflow_error(
            vm,
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = float_ratio(x);
    let (n, d) = (vm.new_int_big(n), vm.new_int_big(d));
    Ok(vm.new_tuple(vec![n, d]))
}

/// `float.hex()`.
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if raw_exp == 0 {
        (0, -1022)
    } else {
        (1, raw_exp - 1023)
    };
    format!(
        "{sign}0x{lead}.{frac:013x}p{}{}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn float_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "hex")?;
    super::str::method_args(vm, &args, "float", "hex", 0, 0)?;
    Ok(vm.new_str(&float_to_hex(x)))
}

/// Parses `float.fromhex` text. `Err(true)` on overflow, `Err(false)` if invalid.
pub fn parse_hex_float(s: &str) -> Result<f64, bool> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b' || c == '\x0c');
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(if neg { -f64::NAN } else { f64::NAN });
    }
    let b = lower.as_bytes();
    let mut i = if b.starts_with(b"0x") { 2 } else { 0 };
    let mut mant = BigUint::zero();
    let mut ndigits = 0usize;
    let mut frac_digits = 0i64;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4u8) + d;
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(false);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = (exp * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(false);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(false);
    }
    let total = exp - 4 * frac_digits;
    let r = if mant.is_zero() {
        0.0
    } else {
        let top = mant.bits() as i64 - 1 + total;
        if top > 1100 {
            return Err(true);
        }
        if top < -1100 {
            0.0
        } else {
            numeric::round_scaled(&mant, false, -total).ok_or(true)?
        }
    };
    Ok(if neg { -r } else { r })
}

fn float_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::args::no_kwargs(vm, "fromhex", &args)?;
    let (Some(Value::Obj(cls)), Some(s), 2) = (
        args.values.first().cloned(),
        args.values.get(1),
        args.values.len(),
    ) else {
        return Err(super::str::one_arg_error(
            vm,
            "float",
            "fromhex",
            args.values.len().saturating_sub(1),
        ));
    };
    let Some(text) = s.as_str() else {
        return Err(vm.type_error(&format!(
            "fromhex() argument must be str, not {}",
            super::str::arg_type_name(vm, s)
        )));
    };
    let x = match parse_hex_float(text.as_str()) {
        Ok(x) => x,
        Err(true) => {
            return Err(overflow_error(
                vm,
                "hexadecimal value too large to represent as a float",
            ))
        }
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    if Rc::ptr_eq(&cls, &vm.types.float) {
        return Ok(Value::float(x));
    }
    vm.call(&Value::Obj(cls), Args::positional(&[Value::float(x)]))
}

fn float_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "__trunc__")?;
    let n = super::int::float_to_int(vm, x)?;
    Ok(vm.new_int_big(n))
}

fn float_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "__floor__")?;
    let n = super::int::float_to_int(vm, x.floor())?;
    Ok(vm.new_int_big(n))
}

fn float_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "__ceil__")?;
    let n = super::int::float_to_int(vm, x.ceil())?;
    Ok(vm.new_int_big(n))
}

/// `round(x, ndigits)` for a finite float: correctly rounded, ties to even, as
/// CPython's dtoa-based `double_round`. `None` when the result overflows.
pub fn round_float_digits(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || ndigits > 323 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0 * x);
    }
    let (n, d) = float_ratio(x.abs());
    let ten = BigInt::from(10);
    let (num, den) = if ndigits >= 0 {
        (n * num_traits::Pow::pow(&ten, ndigits as u32), d)
    } else {
        (n, d * num_traits::Pow::pow(&ten, (-ndigits) as u32))
    };
    let q = super::int::round_half_even_div(&num, &den);
    let text = format!(
        "{}{}e{}",
        if x.is_sign_negative() { "-" } else { "" },
        q,
        -ndigits
    );
    let r: f64 = text.parse().ok()?;
    r.is_finite().then_some(r)
}

/// `__round__` called with too many arguments (the message changed when the method moved
/// to Argument Clinic: 3.7 for float, 3.11 for int).
pub fn round_count_error(vm: &Vm, got: usize, clinic: (u8, u8)) -> crate::vm::PyErr {
    if ver(vm) >= clinic {
        super::str::count_error(vm, "__round__", 0, 1, got, clinic)
    } else {
        vm.type_error(&format!("function takes at most 1 argument ({got} given)"))
    }
}

fn float_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "__round__")?;
    let rest = &args.values[1..];
    if rest.len() > 1 {
        return Err(round_count_error(vm, rest.len(), (3, 7)));
    }
    match rest.first() {
        None | Some(Value::None) => {
            let n = super::int::float_to_int(vm, x.round_ties_even())?;
            Ok(vm.new_int_big(n))
        }
        Some(nd) => {
            let nd = index_or_error(vm, nd)?;
            let nd = nd
                .to_i64()
                .unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
            match round_float_digits(x, nd) {
                Some(r) => Ok(Value::float(r)),
                None => Err(overflow_error(vm, "rounded value too large to represent")),
            }
        }
    }
}

fn float_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    Ok(Value::float(self_float(vm, &args, "__abs__")?.abs()))
}

fn float_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    Ok(Value::float(-self_float(vm, &args, "__neg__")?))
}

fn float_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    Ok(Value::bool(self_float(vm, &args, "__bool__")? != 0.0))
}

/// `hash()` of a float (NaN: 0 before 3.10, by identity after).
pub fn float_hash_value(vm: &Vm, x: f64, v: &Value) -> i64 {
    if crate::vm::flavour::python2_hashes(vm.version) {
        return crate::object::hash::hash_f64_py2(x);
    }
    let nan_hash = if ver(vm) >= (3, 10) {
        let id = v.id();
        id.rotate_right(4) as i64
    } else {
        0
    };
    crate::object::hash::hash_f64(x, nan_hash)
}

fn float_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let x = self_float(vm, &args, "__hash__")?;
    Ok(Value::Int(float_hash_value(vm, x, &args.values[0])))
}

fn float_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let x = self_float(vm, &args, "__repr__")?;
    let mut s = String::new();
    crate::pyc::repr::float_repr(x, ver(vm), &mut s);
    Ok(vm.new_str(&s))
}

fn float_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "__format__")?;
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
        None => return Err(super::str::one_arg_error(vm, "float", "__format__", 0)),
    };
    if spec.is_empty() {
        let this = args.values[0].clone();
        let s = vm.str(&this)?;
        return Ok(vm.new_str(&s));
    }
    let s = {
        let tn = vm.type_name(&args.values[0]);
        vm.format_float_spec(x, &spec, &tn)?
    };
    Ok(vm.new_str(&s))
}

fn float_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = self_float(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::float(x)]))
}

/// The other operand of a float dunder as a double: `None` (NotImplemented) unless it is
/// an int or a float.
fn other_float(vm: &Vm, v: &Value) -> PyResult<Option<f64>> {
    match num_of(v) {
        Some(Num::Float(f)) => Ok(Some(f)),
        Some(Num::Int(i)) => numeric::int_to_f64_or_err(vm, &i).map(Some),
        _ => Ok(None),
    }
}

fn two<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a Value> {
    match args.values {
        [_, other] => Ok(other),
        _ => Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        )),
    }
}

fn float_dunder(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let x = self_float(vm, &args, name)?;
    let other = two(vm, &args)?;
    let Some(y) = other_float(vm, other)? else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if reflected {
        float_binop(vm, op, y, x)
    } else {
        float_binop(vm, op, x, y)
    }
}

macro_rules! float_binops {
    ($($f:ident, $name:literal, $op:ident, $refl:literal;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { float_dunder(vm, args, $name, BinOp::$op, $refl) } )*
    };
}

float_binops!(
    float_add, "__add__", Add, false; float_radd, "__radd__", Add, true;
    float_sub, "__sub__", Sub, false; float_rsub, "__rsub__", Sub, true;
    float_mul, "__mul__", Mul, false; float_rmul, "__rmul__", Mul, true;
    float_truediv, "__truediv__", TrueDiv, false; float_rtruediv, "__rtruediv__", TrueDiv, true;
    float_floordiv, "__floordiv__", FloorDiv, false; float_rfloordiv, "__rfloordiv__", FloorDiv, true;
    float_mod, "__mod__", Mod, false; float_rmod, "__rmod__", Mod, true;
);

fn float_divmod_dunder(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    reflected: bool,
) -> PyResult<Value> {
    let x = self_float(vm, &args, name)?;
    let other = two(vm, &args)?;
    let Some(y) = other_float(vm, other)? else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if reflected {
        float_divmod_checked(vm, y, x)
    } else {
        float_divmod_checked(vm, x, y)
    }
}

fn float_divmod_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    float_divmod_dunder(vm, args, "__divmod__", false)
}

fn float_rdivmod_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    float_divmod_dunder(vm, args, "__rdivmod__", true)
}

fn float_pow_dunder(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let x = self_float(vm, &args, name)?;
    let rest = &args.values[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(super::str::unpack_arity_error(vm, 1, 2, rest.len()));
    }
    let Some(y) = other_float(vm, &rest[0])? else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if !matches!(rest.get(1), None | Some(Value::None)) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    if reflected {
        float_pow(vm, y, x)
    } else {
        float_pow(vm, x, y)
    }
}

fn float_pow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    float_pow_dunder(vm, args, "__pow__", false)
}

fn float_rpow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    float_pow_dunder(vm, args, "__rpow__", true)
}

fn float_compare(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
    ne: bool,
) -> PyResult<Value> {
    let x = self_float(vm, &args, name)?;
    let other = two(vm, &args)?;
    let ord = match num_of(other) {
        Some(Num::Float(y)) => x.partial_cmp(&y),
        Some(Num::Int(i)) => numeric::cmp_int_float(&i, x).map(std::cmp::Ordering::reverse),
        _ => return Ok(vm.singletons.not_implemented.clone()),
    };
    Ok(Value::bool(match ord {
        Some(o) => test(o),
        None => ne,
    }))
}

macro_rules! float_cmps {
    ($($f:ident, $name:literal, $test:expr, $ne:literal;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { float_compare(vm, args, $name, $test, $ne) } )*
    };
}

float_cmps!(
    float_eq, "__eq__", |o| o.is_eq(), false;
    float_ne, "__ne__", |o| o.is_ne(), true;
    float_lt, "__lt__", |o| o.is_lt(), false;
    float_le, "__le__", |o| o.is_le(), false;
    float_gt, "__gt__", |o| o.is_gt(), false;
    float_ge, "__ge__", |o| o.is_ge(), false;
);
