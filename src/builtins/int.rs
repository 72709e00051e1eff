//! `int`: the constructor (numbers, strings in any base, `__int__`/`__index__`/`__trunc__`),
//! integer arithmetic as CPython computes it (floor division, modulo, shifts, true
//! division correctly rounded, modular powers and inverses), the int↔str digit limit of
//! the versions that have it, and the type's methods and dunders.

use super::numeric::{self, index_or_error, new_object, num_of, overflow_error, ver, Num};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, IntValue, ObjRef, Payload, Value};
use crate::vm::ops::{as_int, BinOp, IntRef};
use crate::vm::{PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

pub fn init(vm: &mut Vm) {
    let t = vm.types.int.clone();
    let m = BuiltinKind::Method;
    vm.add_method(&t, "__new__", int_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "conjugate", int_self, m);
    vm.add_method(&t, "bit_length", int_bit_length, m);
    if ver(vm) >= (3, 10) {
        vm.add_method(&t, "bit_count", int_bit_count, m);
    }
    if ver(vm) >= (3, 8) {
        vm.add_method(&t, "as_integer_ratio", int_as_integer_ratio, m);
    }
    if ver(vm) >= (3, 12) {
        vm.add_method(&t, "is_integer", int_is_integer, m);
    }
    vm.add_method(&t, "to_bytes", int_to_bytes, m);
    vm.add_method(&t, "from_bytes", int_from_bytes, BuiltinKind::ClassMethod);
    for name in [
        "__int__",
        "__index__",
        "__trunc__",
        "__floor__",
        "__ceil__",
        "__pos__",
    ] {
        vm.add_method(&t, name, int_self, m);
    }
    vm.add_method(&t, "__round__", int_round, m);
    vm.add_method(&t, "__float__", int_float, m);
    vm.add_method(&t, "__abs__", int_abs, m);
    vm.add_method(&t, "__neg__", int_neg, m);
    vm.add_method(&t, "__invert__", int_invert, m);
    vm.add_method(&t, "__bool__", int_bool, m);
    vm.add_method(&t, "__hash__", int_hash, m);
    vm.add_method(&t, "__repr__", int_repr, m);
    vm.add_method(&t, "__format__", int_format, m);
    vm.add_method(&t, "__getnewargs__", int_getnewargs, m);
    vm.add_method(&t, "__sizeof__", int_sizeof, m);
    vm.add_method(&t, "__divmod__", int_divmod_m, m);
    vm.add_method(&t, "__rdivmod__", int_rdivmod_m, m);
    vm.add_method(&t, "__pow__", int_pow_m, m);
    vm.add_method(&t, "__rpow__", int_rpow_m, m);
    macro_rules! reg {
        ($($name:literal => $f:ident),* $(,)?) => { $( vm.add_method(&t, $name, $f, m); )* };
    }
    reg!(
        "__add__" => int_add, "__radd__" => int_radd, "__sub__" => int_sub, "__rsub__" => int_rsub,
        "__mul__" => int_mul, "__rmul__" => int_rmul, "__truediv__" => int_truediv,
        "__rtruediv__" => int_rtruediv, "__floordiv__" => int_floordiv, "__rfloordiv__" => int_rfloordiv,
        "__mod__" => int_mod, "__rmod__" => int_rmod, "__lshift__" => int_lshift,
        "__rlshift__" => int_rlshift, "__rshift__" => int_rshift, "__rrshift__" => int_rrshift,
        "__and__" => int_and, "__rand__" => int_rand, "__or__" => int_or, "__ror__" => int_ror,
        "__xor__" => int_xor, "__rxor__" => int_rxor,
        "__eq__" => int_eq, "__ne__" => int_ne, "__lt__" => int_lt, "__le__" => int_le,
        "__gt__" => int_gt, "__ge__" => int_ge,
    );
    for (name, f) in [
        ("real", int_self as crate::object::NativeFn),
        ("imag", int_zero),
        ("numerator", int_self),
        ("denominator", int_one),
    ] {
        vm.add_getset(&t, name, f, None);
    }
}

// ----- values -----

/// An int result: inline when small.
pub fn int_value(vm: &Vm, b: BigInt) -> Value {
    vm.new_int_big(b)
}

/// An instance of `cls` (int or a subclass) with the value `n`.
pub fn int_of_type(vm: &Vm, cls: &ObjRef, n: BigInt) -> Value {
    if Rc::ptr_eq(cls, &vm.types.int) {
        return vm.new_int_big(n);
    }
    let iv = match n.to_i64() {
        Some(i) => IntValue::Small(i),
        None => IntValue::Big(Rc::new(n)),
    };
    new_object(vm, cls, Payload::Int(iv))
}

/// The exact int value of an int (subclass) instance, as an exact int.
fn exact(vm: &Vm, i: &IntRef<'_>) -> Value {
    match i {
        IntRef::Small(v) => Value::Int(*v),
        IntRef::Big(b) => vm.new_int_big((*b).clone()),
    }
}

// ----- arithmetic -----

fn zero_div_mod(vm: &Vm) -> PyErr {
    if ver(vm) >= (3, 11) {
        vm.zero_division("integer modulo by zero")
    } else {
        vm.zero_division("integer division or modulo by zero")
    }
}

/// `a op b` for two ints; `None` for `@`.
pub fn int_binop(
    vm: &mut Vm,
    op: BinOp,
    a: &IntRef<'_>,
    b: &IntRef<'_>,
) -> PyResult<Option<Value>> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let small = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv | BinOp::Div if y != 0 && !(x == i64::MIN && y == -1) => {
                Some(Integer::div_floor(&x, &y))
            }
            BinOp::Mod if y != 0 && !(x == i64::MIN && y == -1) => Some(Integer::mod_floor(&x, &y)),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::RShift if y >= 0 => Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }),
            BinOp::LShift if (0..63).contains(&y) && (x << y) >> y == x => Some(x << y),
            BinOp::Pow if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
            _ => None,
        };
        if let Some(r) = small {
            return Ok(Some(Value::Int(r)));
        }
    }
    let (x, y) = (a.to_big(), b.to_big());
    Ok(Some(match op {
        BinOp::Add => int_value(vm, x + y),
        BinOp::Sub => int_value(vm, x - y),
        BinOp::Mul => int_value(vm, x * y),
        BinOp::FloorDiv | BinOp::Div => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            int_value(vm, x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_div_mod(vm));
            }
            int_value(vm, x.mod_floor(&y))
        }
        BinOp::TrueDiv => Value::float(numeric::int_true_div(vm, &x, &y)?),
        BinOp::And => int_value(vm, x & y),
        BinOp::Or => int_value(vm, x | y),
        BinOp::Xor => int_value(vm, x ^ y),
        BinOp::LShift => {
            // 3.6 converts the count to a C ssize_t first, whatever the operands.
            if ver(vm) < (3, 7) && y.to_i64().is_none() {
                return Err(overflow_error(
                    vm,
                    "Python int too large to convert to C ssize_t",
                ));
            }
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Some(Value::Int(0)));
            }
            match y.to_u64() {
                Some(s) if s < 1 << 34 => int_value(vm, x << (s as usize)),
                Some(s) if s < 1 << 63 => {
                    return Err(vm.new_exception(&vm.types.exc.memory_error.clone(), ""))
                }
                _ => {
                    let msg = if ver(vm) >= (3, 7) {
                        "too many digits in integer"
                    } else {
                        "Python int too large to convert to C ssize_t"
                    };
                    return Err(overflow_error(vm, msg));
                }
            }
        }
        BinOp::RShift => {
            if ver(vm) < (3, 7) && y.to_i64().is_none() {
                return Err(overflow_error(
                    vm,
                    "Python int too large to convert to C ssize_t",
                ));
            }
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(s) if s < x.bits() + 1 => int_value(vm, x >> (s as usize)),
                _ => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let fx = numeric::int_to_f64_or_err(vm, a)?;
                let fy = numeric::int_to_f64_or_err(vm, b)?;
                return super::float::float_binop(vm, BinOp::Pow, fx, fy).map(Some);
            }
            if x.is_zero() || x.is_one() {
                return Ok(Some(int_value(vm, x)));
            }
            if x == BigInt::from(-1) {
                return Ok(Some(Value::Int(if y.is_even() { 1 } else { -1 })));
            }
            match y.to_u32() {
                Some(e) if (x.bits() as u128) * (e as u128) < 1 << 34 => {
                    int_value(vm, num_traits::Pow::pow(x, e))
                }
                _ => return Err(vm.new_exception(&vm.types.exc.memory_error.clone(), "")),
            }
        }
        BinOp::MatMul => return Ok(None),
    }))
}

/// `divmod(a, b)` for ints.
pub fn int_divmod(vm: &mut Vm, a: &IntRef<'_>, b: &IntRef<'_>) -> PyResult<Value> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if *y != 0 && !(*x == i64::MIN && *y == -1) {
            let (q, r) = x.div_mod_floor(y);
            return Ok(vm.new_tuple(vec![Value::Int(q), Value::Int(r)]));
        }
    }
    let (x, y) = (a.to_big(), b.to_big());
    if y.is_zero() {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let (q, r) = x.div_mod_floor(&y);
    Ok(vm.new_tuple(vec![int_value(vm, q), int_value(vm, r)]))
}

/// `pow(a, b, m)` for ints (modular inverse for negative exponents in 3.8+).
pub fn int_pow_mod(vm: &mut Vm, a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    let (base, exp) = if b.is_negative() {
        if ver(vm) < (3, 8) {
            return Err(
                vm.value_error("pow() 2nd argument cannot be negative when 3rd argument specified")
            );
        }
        let Some(inv) = mod_inverse(&a.mod_floor(&modulus), &modulus) else {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        };
        (inv, -b)
    } else {
        (a.mod_floor(&modulus), b.clone())
    };
    let mut r = if modulus.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&exp, &modulus)
    };
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(int_value(vm, r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

// ----- str conversion -----

/// Whether this version limits int↔decimal-str conversions to 4300 digits.
pub fn has_digit_limit(vm: &Vm) -> bool {
    ver(vm) >= (3, 7)
}

fn limit_text(vm: &Vm) -> &'static str {
    if ver(vm) >= (3, 11) {
        "Exceeds the limit (4300 digits) for integer string conversion"
    } else {
        "Exceeds the limit (4300) for integer string conversion"
    }
}

/// The decimal digits of an int (with `-`), subject to the digit limit.
pub fn int_to_decimal(vm: &Vm, i: &IntRef<'_>) -> PyResult<String> {
    match i {
        IntRef::Small(v) => Ok(v.to_string()),
        IntRef::Big(b) => big_to_decimal(vm, b),
    }
}

pub fn big_to_decimal(vm: &Vm, b: &BigInt) -> PyResult<String> {
    let limit_error = || {
        vm.value_error(&format!(
            "{}; use sys.set_int_max_str_digits() to increase the limit",
            limit_text(vm)
        ))
    };
    if let Some(i) = b.to_i64() {
        return Ok(i.to_string());
    }
    if has_digit_limit(vm) && b.bits() > 14_300 {
        return Err(limit_error());
    }
    let s = b.to_string();
    if has_digit_limit(vm) && s.trim_start_matches('-').len() > MAX_STR_DIGITS {
        return Err(limit_error());
    }
    Ok(s)
}

/// Why a string is not an int literal.
pub enum IntParseError {
    Invalid,
    /// Too many digits for the conversion limit (the digit count).
    Limit(usize),
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Parses ASCII text as CPython's `PyLong_FromString`: surrounding whitespace, a sign,
/// base prefixes (required to match for base 0), single underscores between digits.
pub fn parse_int(text: &[u8], base: u32, limit: bool) -> Result<BigInt, IntParseError> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut s = text;
    while let [c, rest @ ..] = s {
        if !is_space(*c) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., c] = s {
        if !is_space(*c) {
            break;
        }
        s = rest;
    }
    let mut neg = false;
    if let [c @ (b'+' | b'-'), rest @ ..] = s {
        neg = *c == b'-';
        s = rest;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    let lower1 = s.get(1).map(|c| c.to_ascii_lowercase());
    if base == 0 {
        base = match (s.first(), lower1) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if s.first() == Some(&b'0')
        && matches!(
            (base, lower1),
            (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))
        )
    {
        s = &s[2..];
        if s.first() == Some(&b'_') {
            s = &s[1..];
        }
    }
    if s.is_empty() || s[0] == b'_' {
        return Err(IntParseError::Invalid);
    }
    let mut digits = Vec::with_capacity(s.len());
    let mut prev_underscore = false;
    for &c in s {
        if c == b'_' {
            if prev_underscore {
                return Err(IntParseError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        if digit_value(c) >= base {
            return Err(IntParseError::Invalid);
        }
        prev_underscore = false;
        digits.push(c);
    }
    if prev_underscore {
        return Err(IntParseError::Invalid);
    }
    if limit && !base.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(IntParseError::Limit(digits.len()));
    }
    let mag = BigInt::parse_bytes(&digits, base).ok_or(IntParseError::Invalid)?;
    if error_if_nonzero && !mag.is_zero() {
        return Err(IntParseError::Invalid);
    }
    Ok(if neg { -mag } else { mag })
}

/// The ASCII form of str text for number parsing: Unicode decimal digits become ASCII
/// digits, Unicode whitespace a space, other non-ASCII characters `?` (never valid).
pub fn ascii_number_text(vm: &Vm, points: &[u32]) -> Vec<u8> {
    let minor = ver(vm).1;
    points
        .iter()
        .map(|&c| {
            if c < 0x80 {
                c as u8
            } else if super::unicode::is_space(c, minor) {
                b' '
            } else if let Some(d) = super::unicode::decimal(c, minor) {
                b'0' + d
            } else {
                b'?'
            }
        })
        .collect()
}

/// `int(text, base)` for a str/bytes/bytearray value, with CPython's error messages.
pub fn int_from_text(vm: &mut Vm, v: &Value, base: u32) -> PyResult<BigInt> {
    let bytes: Vec<u8> = match v.payload() {
        Some(Payload::Str(s)) => {
            if s.is_ascii() {
                s.bytes().to_vec()
            } else {
                ascii_number_text(vm, &s.code_points())
            }
        }
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.get(),
        _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
    };
    match parse_int(&bytes, base, has_digit_limit(vm)) {
        Ok(n) => Ok(n),
        Err(IntParseError::Limit(n)) => Err(vm.value_error(&format!(
            "{}: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit",
            limit_text(vm)
        ))),
        Err(IntParseError::Invalid) => {
            let mut r = vm.repr(v)?;
            if r.chars().count() > 200 {
                r = r.chars().take(200).collect();
            }
            Err(vm.value_error(&format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

// ----- constructor -----

fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = super::numeric::new_cls(vm, &args, &vm.types.int.clone())?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let positional_only = if ver(vm) >= (3, 7) { 1 } else { 0 };
    if rest.pos().len() > 2 && ver(vm) >= (3, 13) {
        return Err(super::str::count_error(
            vm,
            "int",
            0,
            2,
            rest.pos().len(),
            (3, 13),
        ));
    }
    let bound = super::str::Clinic {
        name: "int",
        params: &["x", "base"],
        required: 0,
        positional_only,
    }
    .bind(vm, rest)?;
    let n = match (&bound[0], &bound[1]) {
        (None, None) => BigInt::zero(),
        (Some(x), None) => int_from_value(vm, x)?,
        (x, Some(b)) => {
            let b = index_or_error(vm, b)?;
            let base = match b.to_u32() {
                Some(0) => 0,
                Some(b) if (2..=36).contains(&b) => b,
                _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match x {
                Some(x) => int_from_text(vm, x, base)?,
                None => return Err(vm.type_error("int() missing string argument")),
            }
        }
    };
    Ok(int_of_type(vm, &cls, n))
}

/// `int(x)` for one argument.
pub fn int_from_value(vm: &mut Vm, x: &Value) -> PyResult<BigInt> {
    match x {
        Value::Int(i) => return Ok(BigInt::from(*i)),
        Value::Bool(b) => return Ok(BigInt::from(*b as i64)),
        Value::Float(f) => return float_to_int(vm, f.get()),
        _ => {}
    }
    let class_ = vm.class_of(x).clone();
    let heap = vm.type_data(&class_).is_heap;
    if !heap {
        match num_of(x) {
            Some(Num::Int(i)) => return Ok(i.to_big()),
            Some(Num::Float(f)) => return float_to_int(vm, f),
            _ => {}
        }
        if matches!(
            x.payload(),
            Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
        ) {
            return int_from_text(vm, x, 10);
        }
    }
    let int_name = vm.names.__int__.clone();
    if let Some(r) = vm.call_special(x, &int_name, &[])? {
        return match as_int(&r) {
            Some(i) => Ok(i.to_big()),
            None => Err(vm.type_error(&format!(
                "__int__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if ver(vm) >= (3, 8) {
        let index_name = vm.names.__index__.clone();
        if let Some(r) = vm.call_special(x, &index_name, &[])? {
            return match as_int(&r) {
                Some(i) => Ok(i.to_big()),
                None => Err(vm.type_error(&format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    let trunc_name = vm.names.__trunc__.clone();
    if let Some(r) = vm.call_special(x, &trunc_name, &[])? {
        if let Some(i) = as_int(&r) {
            return Ok(i.to_big());
        }
        let index_name = vm.names.__index__.clone();
        return match vm.call_special(&r, &index_name, &[])? {
            Some(i) if as_int(&i).is_some() => {
                Ok(as_int(&i).map(|i| i.to_big()).unwrap_or_default())
            }
            _ => Err(vm.type_error(&format!(
                "__trunc__ returned non-Integral (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if matches!(
        x.payload(),
        Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
    ) {
        return int_from_text(vm, x, 10);
    }
    let what = if ver(vm) >= (3, 10) {
        "a real number"
    } else {
        "a number"
    };
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or {what}, not '{}'",
        vm.type_name(x)
    )))
}

/// `int(f)` for a float: truncation, with the errors for infinities and NaN.
pub fn float_to_int(vm: &Vm, f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error(
            vm,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(numeric::f64_to_big(f))
}

// ----- methods -----

/// The int `self` of a method, or the descriptor TypeError.
fn self_int<'a>(vm: &Vm, args: &'a Args<'_>, name: &str) -> PyResult<IntRef<'a>> {
    match args.values.first() {
        Some(v) => as_int(v).ok_or_else(|| {
            vm.type_error(&format!(
                "descriptor '{name}' requires a 'int' object but received a '{}'",
                vm.type_name(v)
            ))
        }),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'int' object needs an argument"
        ))),
    }
}

fn no_args(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    super::str::method_args(vm, args, "int", name, 0, 0).map(|_| ())
}

fn int_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "conjugate")?;
    Ok(exact(vm, &i))
}

fn int_zero(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn int_one(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn int_bit_length(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "bit_length")?;
    no_args(vm, &args, "bit_length")?;
    Ok(Value::Int(match i {
        IntRef::Small(v) => 64 - v.unsigned_abs().leading_zeros() as i64,
        IntRef::Big(b) => b.bits() as i64,
    }))
}

fn int_bit_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "bit_count")?;
    no_args(vm, &args, "bit_count")?;
    Ok(Value::Int(match i {
        IntRef::Small(v) => v.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as i64)
            .sum(),
    }))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "as_integer_ratio")?;
    no_args(vm, &args, "as_integer_ratio")?;
    let n = exact(vm, &i);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn int_is_integer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    self_int(vm, &args, "is_integer")?;
    no_args(vm, &args, "is_integer")?;
    Ok(Value::Bool(Truth::True))
}

fn byteorder_arg(vm: &Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match v.as_str().map(|s| s.as_str()) {
            Some("big") => Ok(false),
            Some("little") => Ok(true),
            Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => Err(vm.type_error(&format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                super::str::arg_type_name(vm, v)
            ))),
        },
    }
}

fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = self_int(vm, &args, "to_bytes")?.to_big();
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let required = if ver(vm) >= (3, 11) { 0 } else { 2 };
    if rest.pos().len() > 2 {
        let n = rest.pos().len();
        return Err(vm.type_error(&match ver(vm) {
            (3, 6) => "'signed' is a keyword-only argument".to_string(),
            (3, 8..=10) => format!("to_bytes() takes exactly 2 positional arguments ({n} given)"),
            _ => format!("to_bytes() takes at most 2 positional arguments ({n} given)"),
        }));
    }
    let bound = super::str::Clinic {
        name: "to_bytes",
        params: &["length", "byteorder", "signed"],
        required,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    if rest.pos().len() > 2 {
        return Err(vm.type_error(&format!(
            "to_bytes() takes at most 2 positional arguments ({} given)",
            rest.pos().len()
        )));
    }
    let length = match &bound[0] {
        Some(v) => index_or_error(vm, v)?,
        None => BigInt::one(),
    };
    let little = byteorder_arg(vm, bound[1].as_ref())?;
    let signed = match &bound[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if length.is_negative() {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if !signed && n.is_negative() {
        return Err(overflow_error(vm, "can't convert negative int to unsigned"));
    }
    let length = length.to_usize().unwrap_or(usize::MAX);
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if n.is_zero() {
        bytes.clear();
    }
    // Drop redundant sign bytes the encoder may add.
    if signed {
        while bytes.len() > 1 {
            let last = bytes[bytes.len() - 1];
            let prev = bytes[bytes.len() - 2];
            if (last == 0 && prev & 0x80 == 0) || (last == 0xff && prev & 0x80 != 0) {
                bytes.pop();
            } else {
                break;
            }
        }
        if bytes.len() == 1 && bytes[0] == 0 {
            bytes.clear();
        }
    }
    if bytes.len() > length {
        return Err(overflow_error(vm, "int too big to convert"));
    }
    let fill = if signed && n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(super::bytes::new_bytes(vm, bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first().cloned() else {
        return Err(vm.type_error("from_bytes() needs a type"));
    };
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let required = if ver(vm) >= (3, 11) { 1 } else { 2 };
    let bound = super::str::Clinic {
        name: "from_bytes",
        params: &["bytes", "byteorder", "signed"],
        required,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let data = match &bound[0] {
        Some(v) => super::bytes::bytes_from_object(vm, v)?,
        None => Vec::new(),
    };
    let little = byteorder_arg(vm, bound[1].as_ref())?;
    let signed = match &bound[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut le = data;
    if !little {
        le.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    };
    if Rc::ptr_eq(&cls, &vm.types.int) {
        return Ok(vm.new_int_big(n));
    }
    let v = vm.new_int_big(n);
    vm.call(&Value::Obj(cls), Args::positional(&[v]))
}

fn int_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "__round__")?.to_big();
    let pos = &args.values[1..];
    if pos.len() > 1 {
        return Err(super::float::round_count_error(vm, pos.len(), (3, 10)));
    }
    let nd = match pos.first() {
        None | Some(Value::None) => return Ok(int_value(vm, i)),
        Some(v) => index_or_error(vm, v)?,
    };
    if !nd.is_negative() {
        return Ok(int_value(vm, i));
    }
    let Some(k) = (-nd).to_u32() else {
        return Ok(Value::Int(0));
    };
    let pow = num_traits::Pow::pow(BigInt::from(10), k);
    Ok(int_value(vm, round_half_even_div(&i, &pow) * pow))
}

/// `n / d` rounded to the nearest integer, ties to even (`d` positive).
pub fn round_half_even_div(n: &BigInt, d: &BigInt) -> BigInt {
    let (q, r) = n.div_mod_floor(d);
    let twice: BigInt = &r * 2;
    match twice.cmp(d) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Equal => {
            if q.is_odd() {
                q + 1
            } else {
                q
            }
        }
    }
}

fn int_float(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__float__")?;
    Ok(Value::float(numeric::int_to_f64_or_err(vm, &i)?))
}

fn int_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__abs__")?.to_big();
    Ok(int_value(vm, i.abs()))
}

fn int_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__neg__")?.to_big();
    Ok(int_value(vm, -i))
}

fn int_invert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__invert__")?.to_big();
    Ok(int_value(vm, !i))
}

fn int_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__bool__")?;
    Ok(Value::bool(match i {
        IntRef::Small(v) => v != 0,
        IntRef::Big(b) => !b.is_zero(),
    }))
}

/// `hash()` of an int (or a 2.x long).
pub fn int_hash_value(vm: &Vm, i: &IntRef<'_>) -> i64 {
    let python2 = crate::vm::flavour::python2_hashes(vm.version);
    match i {
        IntRef::Small(-1) if python2 => -2,
        IntRef::Small(v) if python2 => *v,
        IntRef::Small(v) => crate::object::hash::hash_i64(*v),
        IntRef::Big(b) if python2 => {
            let (sign, digits) = b.to_u32_digits();
            crate::object::hash::hash_big_py2(sign == num_bigint::Sign::Minus, &digits)
        }
        IntRef::Big(b) => numeric::big_hash(b),
    }
}

fn int_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__hash__")?;
    Ok(Value::Int(int_hash_value(vm, &i)))
}

fn int_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::str::slot_noargs(vm, &args)?;
    let i = self_int(vm, &args, "__repr__")?;
    if let Some(Value::Bool(b)) = args.values.first() {
        return Ok(vm.new_str(if b.get() { "True" } else { "False" }));
    }
    let s = int_to_decimal(vm, &i)?;
    Ok(vm.new_str(&s))
}

fn int_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "__format__")?.to_big();
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
        None => return Err(super::str::one_arg_error(vm, "int", "__format__", 0)),
    };
    if spec.is_empty() {
        let this = args.values[0].clone();
        let s = vm.str(&this)?;
        return Ok(vm.new_str(&s));
    }
    let s = {
        let tn = vm.type_name(&args.values[0]);
        vm.format_int_spec(&i, &spec, &tn)?
    };
    Ok(vm.new_str(&s))
}

fn int_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "__getnewargs__")?;
    let v = exact(vm, &i);
    Ok(vm.new_tuple(vec![v]))
}

fn int_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = self_int(vm, &args, "__sizeof__")?;
    let digits = match i {
        IntRef::Small(0) if ver(vm) < (3, 12) => 0,
        IntRef::Small(v) => (64 - v.unsigned_abs().leading_zeros() as i64 + 29) / 30,
        IntRef::Big(b) => (b.bits() as i64 + 29) / 30,
    };
    Ok(Value::Int(
        24 + 4 * digits.max(if ver(vm) >= (3, 12) { 1 } else { 0 }),
    ))
}

/// A binary dunder of int: NotImplemented unless both operands are ints.
fn int_dunder(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    let x = self_int(vm, &args, name)?;
    let [_, other] = args.values else {
        return Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        ));
    };
    let Some(y) = as_int(other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let r = if reflected {
        int_binop(vm, op, &y, &x)?
    } else {
        int_binop(vm, op, &x, &y)?
    };
    Ok(r.unwrap_or_else(|| vm.singletons.not_implemented.clone()))
}

macro_rules! int_binops {
    ($($f:ident, $name:literal, $op:ident, $refl:literal;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { int_dunder(vm, args, $name, BinOp::$op, $refl) } )*
    };
}

int_binops!(
    int_add, "__add__", Add, false; int_radd, "__radd__", Add, true;
    int_sub, "__sub__", Sub, false; int_rsub, "__rsub__", Sub, true;
    int_mul, "__mul__", Mul, false; int_rmul, "__rmul__", Mul, true;
    int_truediv, "__truediv__", TrueDiv, false; int_rtruediv, "__rtruediv__", TrueDiv, true;
    int_floordiv, "__floordiv__", FloorDiv, false; int_rfloordiv, "__rfloordiv__", FloorDiv, true;
    int_mod, "__mod__", Mod, false; int_rmod, "__rmod__", Mod, true;
    int_lshift, "__lshift__", LShift, false; int_rlshift, "__rlshift__", LShift, true;
    int_rshift, "__rshift__", RShift, false; int_rrshift, "__rrshift__", RShift, true;
    int_and, "__and__", And, false; int_rand, "__rand__", And, true;
    int_or, "__or__", Or, false; int_ror, "__ror__", Or, true;
    int_xor, "__xor__", Xor, false; int_rxor, "__rxor__", Xor, true;
);

fn int_divmod_dunder(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let x = self_int(vm, &args, name)?;
    let [_, other] = args.values else {
        return Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        ));
    };
    let Some(y) = as_int(other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    if reflected {
        int_divmod(vm, &y, &x)
    } else {
        int_divmod(vm, &x, &y)
    }
}

fn int_divmod_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    int_divmod_dunder(vm, args, "__divmod__", false)
}

fn int_rdivmod_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    int_divmod_dunder(vm, args, "__rdivmod__", true)
}

fn int_pow_dunder(vm: &mut Vm, args: Args<'_>, name: &str, reflected: bool) -> PyResult<Value> {
    let x = self_int(vm, &args, name)?;
    let rest = &args.values[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(super::str::unpack_arity_error(vm, 1, 2, rest.len()));
    }
    let Some(y) = as_int(&rest[0]) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let (base, exp) = if reflected { (y, x) } else { (x, y) };
    match rest.get(1) {
        None | Some(Value::None) => Ok(int_binop(vm, BinOp::Pow, &base, &exp)?
            .unwrap_or_else(|| vm.singletons.not_implemented.clone())),
        Some(m) => match as_int(m) {
            Some(m) => int_pow_mod(vm, &base.to_big(), &exp.to_big(), &m.to_big()),
            None => Ok(vm.singletons.not_implemented.clone()),
        },
    }
}

fn int_pow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    int_pow_dunder(vm, args, "__pow__", false)
}

fn int_rpow_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    int_pow_dunder(vm, args, "__rpow__", true)
}

fn int_compare(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let x = self_int(vm, &args, name)?;
    let [_, other] = args.values else {
        return Err(super::str::slot_arity_error(
            vm,
            1,
            args.values.len().saturating_sub(1),
        ));
    };
    let Some(y) = as_int(other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let ord = match (&x, &y) {
        (IntRef::Small(a), IntRef::Small(b)) => a.cmp(b),
        _ => x.to_big().cmp(&y.to_big()),
    };
    Ok(Value::bool(test(ord)))
}

macro_rules! int_cmps {
    ($($f:ident, $name:literal, $test:expr;)*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> { int_compare(vm, args, $name, $test) } )*
    };
}

int_cmps!(
    int_eq, "__eq__", |o| o.is_eq();
    int_ne, "__ne__", |o| o.is_ne();
    int_lt, "__lt__", |o| o.is_lt();
    int_le, "__le__", |o| o.is_le();
    int_gt, "__gt__", |o| o.is_gt();
    int_ge, "__ge__", |o| o.is_ge();
);
