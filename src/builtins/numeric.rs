//! The numeric tower's shared machinery and the numeric/text builtin functions.
//!
//! - [`num_of`] classifies a value as an int, float or complex (subclass instances
//!   included); [`number_binary`] is the arithmetic of two such values, used by the
//!   operators (`crate::vm::ops`) and by the types' dunder methods.
//! - Exact conversions: int → float correctly rounded ([`int_to_f64`]), int/float
//!   comparison without rounding ([`cmp_int_float`]), `__index__` as a big int.
//! - Builtins: `abs`, `round`, `divmod`, `pow`, `hash`, `id`, `bin`, `oct`, `hex`, `chr`,
//!   `ord`, `ascii`, `format`.

use super::{complex, float, int};
use crate::object::{Args, IntValue, ObjRef, Object, Payload, Value};
use crate::vm::ops::{BinOp, IntRef};
use crate::vm::{PyErr, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

pub fn init(vm: &mut Vm) {
    vm.add_builtin("abs", builtin_abs);
    vm.add_builtin("round", builtin_round);
    vm.add_builtin("divmod", builtin_divmod);
    vm.add_builtin("pow", builtin_pow);
    vm.add_builtin("hash", builtin_hash);
    vm.add_builtin("id", builtin_id);
    vm.add_builtin("bin", builtin_bin);
    vm.add_builtin("oct", builtin_oct);
    vm.add_builtin("hex", builtin_hex);
    vm.add_builtin("chr", builtin_chr);
    vm.add_builtin("ord", builtin_ord);
    vm.add_builtin("ascii", builtin_ascii);
    vm.add_builtin("format", builtin_format);
}

/// A number, borrowed from a value of the numeric tower.
pub enum Num<'a> {
    Int(IntRef<'a>),
    Float(f64),
    Complex(f64, f64),
}

/// The number a value holds: ints and bools, floats, complexes (and instances of their
/// subclasses). `None` for anything else.
pub fn num_of(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Int(IntRef::Small(*i))),
        Value::Bool(b) => Some(Num::Int(IntRef::Small(*b as i64))),
        Value::Float(f) => Some(Num::Float(f.get())),
        Value::Obj(o) => match &o.payload {
            Payload::Int(IntValue::Small(i)) => Some(Num::Int(IntRef::Small(*i))),
            Payload::Int(IntValue::Big(b)) => Some(Num::Int(IntRef::Big(b))),
            Payload::Float(f) => Some(Num::Float(*f)),
            Payload::Complex(re, im) => Some(Num::Complex(*re, *im)),
            _ => None,
        },
        _ => None,
    }
}

/// The float value of a value that is a float (or float subclass instance).
pub fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// An instance of `cls` (a builtin type or a Python subclass of one) holding `payload`.
pub fn new_object(vm: &Vm, cls: &ObjRef, payload: Payload) -> Value {
    if vm.type_data(cls).instance_dict {
        Value::Obj(Object::with_dict(cls.clone(), payload))
    } else {
        Value::Obj(Object::new(cls.clone(), payload))
    }
}

/// The `cls` argument of a builtin type's `__new__`, checked as CPython's `tp_new`
/// wrapper does.
pub fn new_cls(vm: &Vm, args: &Args<'_>, base: &ObjRef) -> PyResult<ObjRef> {
    let name = vm.type_data(base).name();
    let Some(first) = args.values.first() else {
        return Err(vm.type_error(&format!("{name}.__new__(): not enough arguments")));
    };
    let Value::Obj(cls) = first else {
        return Err(vm.type_error(&format!(
            "{name}.__new__(X): X is not a type object ({})",
            vm.type_name(first)
        )));
    };
    if !matches!(cls.payload, Payload::Type(_)) {
        return Err(vm.type_error(&format!(
            "{name}.__new__(X): X is not a type object ({})",
            vm.type_name(first)
        )));
    }
    let cname = vm.type_data(cls).name();
    if !vm.is_subclass_of(cls, base) {
        return Err(vm.type_error(&format!(
            "{name}.__new__({cname}): {cname} is not a subtype of {name}"
        )));
    }
    if std::rc::Rc::ptr_eq(base, &vm.types.int) && vm.is_subclass_of(cls, &vm.types.bool_) {
        return Err(vm.type_error(&format!(
            "int.__new__({cname}) is not safe, use {cname}.__new__()"
        )));
    }
    Ok(cls.clone())
}

/// A new complex value.
pub fn new_complex(vm: &Vm, re: f64, im: f64) -> Value {
    Value::Obj(Object::new(
        vm.types.complex.clone(),
        Payload::Complex(re, im),
    ))
}

pub fn overflow_error(vm: &Vm, msg: &str) -> PyErr {
    vm.new_exception(&vm.types.exc.overflow_error, msg)
}

/// The version of the running bytecode as `(major, minor)`.
pub fn ver(vm: &Vm) -> (u8, u8) {
    vm.version.format.major_minor
}

/// `ldexp(m, k)` for a result known to be representable (or to overflow to infinity):
/// scales in two steps so no intermediate power of two underflows.
pub fn ldexp(m: f64, k: i32) -> f64 {
    let pow2 = |e: i32| f64::from_bits(((e + 1023) as u64) << 52);
    if k > 1023 {
        let x = m * pow2(1023);
        if k - 1023 > 1023 {
            return x * f64::INFINITY;
        }
        x * pow2(k - 1023)
    } else if k < -1022 {
        let x = m * pow2((k + 1022).max(-1022));
        x * pow2(-1022)
    } else {
        m * pow2(k)
    }
}

/// Rounds the non-negative quantity `q` (plus a nonzero remainder when `sticky`) times
/// `2**-shift` to the nearest double, ties to even, honouring subnormals. `None` when
/// the result overflows.
pub fn round_scaled(q: &num_bigint::BigUint, sticky: bool, shift: i64) -> Option<f64> {
    let qbits = q.bits() as i64;
    if qbits == 0 {
        return Some(0.0);
    }
    // Exponent of the leading bit of the result.
    let top = qbits - 1 - shift;
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep <= 0 {
        // Below half the smallest subnormal, or exactly at/above it.
        if keep == 0 {
            // The value is in [2**-1075, 2**-1074): rounds up unless exactly half.
            let exact_half = !sticky && q.trailing_zeros() == Some(qbits as u64 - 1);
            return Some(if exact_half { 0.0 } else { f64::from_bits(1) });
        }
        return Some(0.0);
    }
    let drop = qbits - keep;
    let (mut m, round_up) = if drop > 0 {
        let m = q >> (drop as usize);
        let rem = q - (&m << (drop as usize));
        let half = num_bigint::BigUint::from(1u8) << ((drop - 1) as usize);
        let up = match rem.cmp(&half) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => sticky || m.bit(0),
        };
        (m, up)
    } else {
        (q << ((-drop) as usize), false)
    };
    if round_up {
        m += 1u8;
    }
    let mf = m.to_u64()? as f64;
    let r = ldexp(mf, (drop - shift) as i32);
    r.is_finite().then_some(r)
}

/// An int as the nearest double (ties to even); `None` when it is too large.
pub fn int_to_f64(i: &IntRef<'_>) -> Option<f64> {
    match i {
        IntRef::Small(v) => Some(*v as f64),
        IntRef::Big(b) => big_to_f64(b),
    }
}

pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    if let Some(v) = b.to_i64() {
        return Some(v as f64);
    }
    let r = round_scaled(b.magnitude(), false, 0)?;
    Some(if b.is_negative() { -r } else { r })
}

/// An int as a double, or CPython's OverflowError.
pub fn int_to_f64_or_err(vm: &Vm, i: &IntRef<'_>) -> PyResult<f64> {
    int_to_f64(i).ok_or_else(|| overflow_error(vm, "int too large to convert to float"))
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`.
pub fn int_true_div(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
            return Ok(x as f64 / y as f64);
        }
    }
    let neg = a.is_negative() != b.is_negative();
    let (n, d) = (a.magnitude(), b.magnitude());
    if n.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has at least 55 significant bits (more for subnormal results).
    let e = n.bits() as i64 - d.bits() as i64;
    let shift = 55 - e;
    let (q, r) = if shift >= 0 {
        let num = n << (shift as usize);
        (&num / d, &num % d)
    } else {
        let den = d << ((-shift) as usize);
        (n / &den, n % &den)
    };
    match round_scaled(&q, !r.is_zero(), shift) {
        Some(x) => Ok(if neg { -x } else { x }),
        None => Err(overflow_error(
            vm,
            "integer division result too large for a float",
        )),
    }
}

/// The integer part of a finite float, exactly.
pub fn f64_to_big(f: f64) -> BigInt {
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return BigInt::from(t as i64);
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mag = BigInt::from(mant) << (exp as usize);
    if t < 0.0 {
        -mag
    } else {
        mag
    }
}

/// Orders an int against a float exactly; `None` when the float is a NaN.
pub fn cmp_int_float(i: &IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntRef::Small(v) = i {
        if v.unsigned_abs() <= 1 << 53 {
            return (*v as f64).partial_cmp(&f);
        }
    }
    let big = i.to_big();
    let ord = big.cmp(&f64_to_big(f));
    if ord != Ordering::Equal {
        return Some(ord);
    }
    let frac = f - f.trunc();
    Some(if frac > 0.0 {
        Ordering::Less
    } else if frac < 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    })
}

/// Compares two numbers for `==`/`<`...: `None` when unordered (NaN) or not comparable
/// natively (complex ordering).
pub fn cmp_numbers(a: &Num<'_>, b: &Num<'_>) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(match (x, y) {
            (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
            _ => x.to_big().cmp(&y.to_big()),
        }),
        (Num::Int(x), Num::Float(f)) => cmp_int_float(x, *f),
        (Num::Float(f), Num::Int(x)) => cmp_int_float(x, *f).map(Ordering::reverse),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        _ => None,
    }
}

/// Arithmetic of two numbers of the tower (the operators' semantics): `None` when either
/// operand is not a number or the operation is not defined for them (NotImplemented).
pub fn number_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (num_of(a), num_of(b)) else {
        return Ok(None);
    };
    match (&x, &y) {
        (Num::Int(p), Num::Int(q)) => {
            if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                let (p, q) = (p.get(), q.get());
                match op {
                    BinOp::And => return Ok(Some(Value::bool(p & q))),
                    BinOp::Or => return Ok(Some(Value::bool(p | q))),
                    BinOp::Xor => return Ok(Some(Value::bool(p ^ q))),
                    _ => {}
                }
            }
            int::int_binop(vm, op, p, q)
        }
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let cx = complex_parts(vm, &x)?;
            let cy = complex_parts(vm, &y)?;
            complex::complex_binop(vm, op, cx, cy)
        }
        _ => {
            if matches!(
                op,
                BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul
            ) {
                return Ok(None);
            }
            let fx = real_parts(vm, &x)?;
            let fy = real_parts(vm, &y)?;
            float::float_binop(vm, op, fx, fy).map(Some)
        }
    }
}

/// A real number as a double (ints converted with CPython's overflow error).
pub fn real_parts(vm: &Vm, n: &Num<'_>) -> PyResult<f64> {
    match n {
        Num::Int(i) => int_to_f64_or_err(vm, i),
        Num::Float(f) => Ok(*f),
        Num::Complex(re, _) => Ok(*re),
    }
}

/// Any number as a complex pair.
pub fn complex_parts(vm: &Vm, n: &Num<'_>) -> PyResult<(f64, f64)> {
    match n {
        Num::Complex(re, im) => Ok((*re, *im)),
        _ => Ok((real_parts(vm, n)?, 0.0)),
    }
}

/// `operator.index(v)` as a big int: ints directly, else `__index__`. `None` when the
/// value has no `__index__`.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(i) = crate::vm::ops::as_int(v) {
        return Ok(Some(i.to_big()));
    }
    let name = vm.names.__index__.clone();
    match vm.call_special(v, &name, &[])? {
        Some(r) => match crate::vm::ops::as_int(&r) {
            Some(i) => Ok(Some(i.to_big())),
            None => Err(vm.type_error(&format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        },
        None => Ok(None),
    }
}

/// `__index__` or CPython's "cannot be interpreted as an integer" TypeError.
pub fn index_or_error(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match index_big(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// A `Py_ssize_t` argument (CPython's "n" converter): before 3.10 a float is refused with
/// its own message; otherwise as `index_or_error`.
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if ver(vm) < (3, 10) && float_of(v).is_some() {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    index_or_error(vm, v)
}

/// The most units (chars, bytes) a single text/bytes result may have before a
/// MemoryError: allocations beyond it would abort the process rather than fail.
pub const MAX_UNITS: usize = 1 << 31;

/// MemoryError when a result of `n` units would be too large to allocate.
pub fn size_guard(vm: &Vm, n: usize) -> PyResult<()> {
    if n > MAX_UNITS {
        return Err(vm.new_exception(&vm.types.exc.memory_error, ""));
    }
    Ok(())
}

/// Checks the number of positional arguments of a builtin function.
pub fn arity<'a>(
    vm: &Vm,
    name: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    crate::builtins::args::no_kwargs(vm, name, args)?;
    let pos = args.pos();
    if pos.len() < min || pos.len() > max {
        let msg = if min == max {
            if min == 1 {
                format!("{name}() takes exactly one argument ({} given)", pos.len())
            } else {
                format!("{name} expected {min} arguments, got {}", pos.len())
            }
        } else if pos.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                pos.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                pos.len()
            )
        };
        return Err(vm.type_error(&msg));
    }
    Ok(pos)
}

/// `a.__name__(b)`, then the reflected `b.__rname__(a)` (first when `type(b)` is a proper
/// subclass of `type(a)`), as CPython's binary slots do; builtin dunders take part.
/// `None` when every candidate returned NotImplemented or was missing.
pub fn binary_dunder(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    name: &str,
    rname: &str,
) -> PyResult<Option<Value>> {
    let ta = vm.class_of(a).clone();
    let tb = vm.class_of(b).clone();
    let same = std::rc::Rc::ptr_eq(&ta, &tb);
    let name = vm.intern(name);
    let rname = vm.intern(rname);
    let b_first = !same && vm.is_subclass_of(&tb, &ta) && vm.lookup_in_mro(&tb, &rname).is_some();
    if b_first {
        if let Some(r) = call_if_implemented(vm, b, &rname, a)? {
            return Ok(Some(r));
        }
    }
    if let Some(r) = call_if_implemented(vm, a, &name, b)? {
        return Ok(Some(r));
    }
    if !same && !b_first {
        if let Some(r) = call_if_implemented(vm, b, &rname, a)? {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn call_if_implemented(
    vm: &mut Vm,
    obj: &Value,
    name: &ObjRef,
    arg: &Value,
) -> PyResult<Option<Value>> {
    match vm.call_special(obj, name, std::slice::from_ref(arg))? {
        Some(r) if !vm.is_not_implemented(&r) => Ok(Some(r)),
        _ => Ok(None),
    }
}

fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [v] = arity(vm, "abs", &args, 1, 1)? else {
        unreachable!()
    };
    match v {
        Value::Int(i) => {
            return Ok(match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => vm.new_int_big(BigInt::from(*i).abs()),
            })
        }
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(f) => return Ok(Value::float(f.get().abs())),
        _ => {}
    }
    let name = vm.names.__abs__.clone();
    match vm.call_special(v, &name, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&format!(
            "bad operand type for abs(): '{}'",
            vm.type_name(v)
        ))),
    }
}

fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = super::str::Clinic {
        name: "round",
        params: &["number", "ndigits"],
        required: 1,
        positional_only: 0,
    }
    .bind(vm, args)?;
    let number = bound[0].clone().unwrap_or(Value::None);
    let ndigits = bound[1].clone().unwrap_or(Value::None);
    let name = vm.names.__round__.clone();
    let class_ = vm.class_of(&number).clone();
    let Some(f) = vm.lookup_in_mro(&class_, &name) else {
        return Err(vm.type_error(&format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&number)
        )));
    };
    let bound_f = vm.descr_get(f, Some(&number), &class_)?;
    if ndigits.is_none() {
        vm.call(&bound_f, Args::positional(&[]))
    } else {
        vm.call(&bound_f, Args::positional(&[ndigits]))
    }
}

pub(crate) fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [a, b] = arity(vm, "divmod", &args, 2, 2)? else {
        unreachable!()
    };
    divmod(vm, a, b)
}

/// `divmod(a, b)`.
pub fn divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        let exact =
            |vm: &Vm, v: &Value| !matches!(v, Value::Obj(o) if vm.type_data(o.class()).is_heap);
        if exact(vm, a) && exact(vm, b) {
            if let Some(r) = divmod_numbers(vm, &x, &y)? {
                return Ok(r);
            }
        }
    }
    match binary_dunder(vm, a, b, "__divmod__", "__rdivmod__")? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

/// divmod of two numbers; `None` for complex operands in 3.10+ (NotImplemented).
pub fn divmod_numbers(vm: &mut Vm, x: &Num<'_>, y: &Num<'_>) -> PyResult<Option<Value>> {
    match (x, y) {
        (Num::Int(p), Num::Int(q)) => int::int_divmod(vm, p, q).map(Some),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            if ver(vm) < (3, 10) {
                Err(vm.type_error("can't take floor or mod of complex number."))
            } else {
                Ok(None)
            }
        }
        _ => {
            let (fx, fy) = (real_parts(vm, x)?, real_parts(vm, y)?);
            float::float_divmod_checked(vm, fx, fy).map(Some)
        }
    }
}

fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if ver(vm) < (3, 8) {
        // `PyArg_UnpackTuple` parsing before 3.8.
        super::args::no_kwargs(vm, "pow", &args)?;
        let n = args.pos().len();
        if !(2..=3).contains(&n) {
            let (bound, k) = if n < 2 { ("least", 2) } else { ("most", 3) };
            return Err(vm.type_error(&format!("pow expected at {bound} {k} arguments, got {n}")));
        }
    }
    let params: &[&str] = if ver(vm) >= (3, 8) {
        &["base", "exp", "mod"]
    } else {
        &["x", "y", "z"]
    };
    let bound = super::str::Clinic {
        name: "pow",
        params,
        required: 2,
        positional_only: 0,
    }
    .bind(vm, args)?;
    let a = bound[0].clone().unwrap_or(Value::None);
    let b = bound[1].clone().unwrap_or(Value::None);
    match bound[2].clone().unwrap_or(Value::None) {
        Value::None => vm.binary_op(&a, &b, BinOp::Pow, false),
        m => ternary_pow(vm, &a, &b, &m),
    }
}

/// `pow(a, b, m)` with a modulus.
pub fn ternary_pow(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (na, nb, nm) = (num_of(a), num_of(b), num_of(m));
    let heap = |vm: &Vm, v: &Value| matches!(v, Value::Obj(o) if vm.type_data(o.class()).is_heap);
    if let (Some(Num::Int(x)), Some(Num::Int(y)), Some(Num::Int(z))) = (&na, &nb, &nm) {
        if !heap(vm, a) && !heap(vm, b) {
            return int::int_pow_mod(vm, &x.to_big(), &y.to_big(), &z.to_big());
        }
    }
    if let (Some(x), Some(y), Some(_)) = (&na, &nb, &nm) {
        if !heap(vm, a) && !heap(vm, b) {
            let any_complex = matches!(x, Num::Complex(..)) || matches!(y, Num::Complex(..));
            if any_complex {
                return Err(vm.value_error("complex modulo"));
            }
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
    }
    // `a.__pow__(b, m)`, then `b.__rpow__(a, m)` for a different type.
    let name = vm.names.__pow__.clone();
    if let Some(r) = vm.call_special(a, &name, &[b.clone(), m.clone()])? {
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !std::rc::Rc::ptr_eq(vm.class_of(a), vm.class_of(b)) {
        let rname = vm.names.__rpow__.clone();
        let tb = vm.class_of(b).clone();
        if let Some(f) = vm.lookup_in_mro(&tb, &rname) {
            if matches!(f.payload(), Some(Payload::Builtin(_))) {
                let bound = vm.descr_get(f, Some(b), &tb)?;
                let r = vm.call(&bound, Args::positional(&[a.clone(), m.clone()]))?;
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
    }
    Err(vm.type_error(&format!(
        "unsupported operand type(s) for {}: '{}', '{}', '{}'",
        if ver(vm) >= (3, 10) {
            "** or pow()"
        } else {
            "pow()"
        },
        vm.type_name(a),
        vm.type_name(b),
        vm.type_name(m)
    )))
}

fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [v] = arity(vm, "hash", &args, 1, 1)? else {
        unreachable!()
    };
    Ok(Value::Int(vm.hash(v)?))
}

fn builtin_id(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [v] = arity(vm, "id", &args, 1, 1)? else {
        unreachable!()
    };
    Ok(vm.new_int_big(BigInt::from(v.identity())))
}

fn radix_builtin(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    radix: u32,
    prefix: &str,
) -> PyResult<Value> {
    let [v] = arity(vm, name, &args, 1, 1)? else {
        unreachable!()
    };
    let n = index_or_error(vm, v)?;
    let mut s = String::new();
    if n.is_negative() {
        s.push('-');
    }
    s.push_str(prefix);
    s.push_str(&n.magnitude().to_str_radix(radix));
    Ok(vm.new_str(&s))
}

fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_builtin(vm, args, "bin", 2, "0b")
}

fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_builtin(vm, args, "oct", 8, "0o")
}

fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_builtin(vm, args, "hex", 16, "0x")
}

fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [v] = arity(vm, "chr", &args, 1, 1)? else {
        unreachable!()
    };
    let n = if ver(vm) >= (3, 10) {
        index_or_error(vm, v)?
    } else if ver(vm) < (3, 8) {
        // Up to 3.7 the argument is parsed with "i": ints, or objects with __int__.
        let has_int = {
            let name = vm.names.__int__.clone();
            let class_ = vm.class_of(v).clone();
            vm.lookup_in_mro(&class_, &name).is_some()
        };
        match num_of(v) {
            Some(Num::Int(i)) => i.to_big(),
            Some(Num::Float(_)) => {
                return Err(vm.type_error("integer argument expected, got float"))
            }
            _ if has_int => super::int::int_from_value(vm, v)?,
            _ => {
                return Err(vm.type_error(&format!(
                    "an integer is required (got type {})",
                    vm.type_name(v)
                )))
            }
        }
    } else {
        match index_big(vm, v)? {
            Some(n) if !matches!(num_of(v), Some(Num::Float(_))) => n,
            _ => {
                return Err(vm.type_error(&format!(
                    "an integer is required (got type {})",
                    vm.type_name(v)
                )))
            }
        }
    };
    let limit = if ver(vm) >= (3, 13) {
        None
    } else if ver(vm) >= (3, 8) {
        Some(i32::MAX as i64)
    } else {
        Some(i64::MAX)
    };
    let cp = match n.to_i64() {
        Some(c) if limit.is_none_or(|l| c.abs() <= l) => c,
        _ => {
            if let Some(l) = limit {
                let c_type = if l == i32::MAX as i64 { "int" } else { "long" };
                return Err(overflow_error(
                    vm,
                    &format!("Python int too large to convert to C {c_type}"),
                ));
            }
            -1
        }
    };
    if !(0..0x110000).contains(&cp) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    Ok(vm.new_str_points(&[cp as u32]))
}

fn builtin_ord(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [v] = arity(vm, "ord", &args, 1, 1)? else {
        unreachable!()
    };
    match v.payload() {
        Some(Payload::Str(s)) => {
            if s.char_len() == 1 {
                return Ok(Value::Int(s.code_points()[0] as i64));
            }
            Err(vm.type_error(&format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )))
        }
        Some(Payload::Bytes(b)) => {
            if b.len() == 1 {
                return Ok(Value::Int(b[0] as i64));
            }
            Err(vm.type_error(&format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )))
        }
        Some(Payload::ByteArray(b)) => {
            let b = b.get();
            if b.len() == 1 {
                return Ok(Value::Int(b[0] as i64));
            }
            Err(vm.type_error(&format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )))
        }
        _ => Err(vm.type_error(&format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}

fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [v] = arity(vm, "ascii", &args, 1, 1)? else {
        unreachable!()
    };
    let s = vm.ascii(v)?;
    Ok(vm.new_str(&s))
}

fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    super::args::no_kwargs(vm, "format", &args)?;
    let n = args.pos().len();
    if !(1..=2).contains(&n) {
        return Err(super::str::count_error(vm, "format", 1, 2, n, (3, 8)));
    }
    let pos = args.pos();
    let spec = pos.get(1).cloned();
    if let Some(s) = &spec {
        if s.as_str().is_none() {
            return Err(vm.type_error(&format!(
                "format() argument 2 must be str, not {}",
                super::str::arg_type_name(vm, s)
            )));
        }
    }
    vm.format(&pos[0], spec.as_ref())
}

/// The sign and magnitude digits of a big int (for hashing).
pub fn big_hash(b: &BigInt) -> i64 {
    let (sign, digits) = b.to_u32_digits();
    crate::object::hash::hash_big(sign == Sign::Minus, &digits)
}
