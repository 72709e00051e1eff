//! `range`: construction (any `__index__` values, big ones included), `len`, indexing and
//! slicing (a slice of a range is a range), membership, `index`, `count`, equality by
//! content, hashing, reversal, and the `start`/`stop`/`step` attributes.
//!
//! Iteration of ranges whose bounds fit in an i64 is the VM's `IterState::Range`; the
//! arithmetic here is done on big integers so that huge ranges still answer `len`,
//! indexing and membership exactly (or raise CPython's OverflowError).

use super::arity::{self, ver};
use crate::object::{Args, BuiltinKind, IntValue, Object, Payload, Value};
use crate::vm::iter::IterState;
use crate::vm::ops::{as_int, CmpOp};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let range = vm.types.range.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__len__", range_len_method),
        ("__getitem__", range_getitem),
        ("__contains__", range_contains),
        ("__iter__", range_iter),
        ("__reversed__", range_reversed),
        ("__bool__", range_bool),
        ("__hash__", range_hash),
        ("index", range_index),
        ("count", range_count),
        ("__eq__", |vm, a| range_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| range_cmp(vm, a, CmpOp::Ne)),
    ];
    for (name, f) in methods {
        vm.add_method(&range, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&range, "__new__", range_new, BuiltinKind::StaticMethod);
    vm.add_getset(&range, "start", |vm, a| range_field(vm, a, 0), None);
    vm.add_getset(&range, "stop", |vm, a| range_field(vm, a, 1), None);
    vm.add_getset(&range, "step", |vm, a| range_field(vm, a, 2), None);
}

/// A range's start, stop and step as big integers.
#[derive(Clone)]
pub struct Bounds {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

impl Bounds {
    pub fn of(r: &[IntValue; 3]) -> Bounds {
        let big = |i: &IntValue| match i {
            IntValue::Small(s) => BigInt::from(*s),
            IntValue::Big(b) => (**b).clone(),
        };
        Bounds {
            start: big(&r[0]),
            stop: big(&r[1]),
            step: big(&r[2]),
        }
    }

    /// The number of items.
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - BigInt::one()) / step + BigInt::one()
    }

    /// The item at `i` (0 <= i < len).
    fn item(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// The position of `x` in the range, if present.
    fn position(&self, x: &BigInt) -> Option<BigInt> {
        let in_bounds = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        if !in_bounds {
            return None;
        }
        let (q, r) = (x - &self.start).div_rem(&self.step);
        r.is_zero().then_some(q)
    }
}

fn int_value(b: BigInt) -> IntValue {
    match b.to_i64() {
        Some(i) => IntValue::Small(i),
        None => IntValue::Big(Rc::new(b)),
    }
}

/// An int value for Python.
fn int_obj(vm: &Vm, b: BigInt) -> Value {
    vm.new_int_big(b)
}

/// A new range object.
pub fn new_range(vm: &Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let r = [int_value(start), int_value(stop), int_value(step)];
    Value::Obj(Object::new(
        vm.types.range.clone(),
        Payload::Range(Box::new(r)),
    ))
}

/// An `__index__` argument as a big integer.
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big());
    }
    let name = vm.names.__index__.clone();
    match vm.call_special(v, &name, &[])? {
        Some(r) => match as_int(&r) {
            Some(i) => Ok(i.to_big()),
            None => Err(vm.type_error(&format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        },
        None => Err(vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs_type(vm, &args, "range")?;
    let pos = &args.pos()[1..];
    if pos.is_empty() {
        let v = ver(vm);
        let s = if v < (3, 8) { "s" } else { "" };
        let min = if v >= (3, 9) { "at least " } else { "" };
        return Err(vm.type_error(&format!("range expected {min}1 argument{s}, got 0")));
    }
    arity::check_count(vm, "range", pos.len(), 1, 3)?;
    if let Some([start, stop, step]) = small_bounds(pos) {
        if step != 0 {
            let r = [start, stop, step].map(IntValue::Small);
            return Ok(Value::Obj(Object::new(
                vm.types.range.clone(),
                Payload::Range(Box::new(r)),
            )));
        }
    }
    let mut ints = Vec::with_capacity(3);
    for v in pos {
        ints.push(index_big(vm, v)?);
    }
    let (start, stop, step) = match ints.len() {
        1 => (BigInt::zero(), ints.remove(0), BigInt::one()),
        2 => {
            let stop = ints.remove(1);
            (ints.remove(0), stop, BigInt::one())
        }
        _ => {
            let step = ints.remove(2);
            let stop = ints.remove(1);
            (ints.remove(0), stop, step)
        }
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(vm, start, stop, step))
}

/// The (start, stop, step) of `range(...)` arguments that are all small ints.
fn small_bounds(pos: &[Value]) -> Option<[i64; 3]> {
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    };
    Some(match pos {
        [stop] => [0, int(stop)?, 1],
        [start, stop] => [int(start)?, int(stop)?, 1],
        [start, stop, step] => [int(start)?, int(stop)?, int(step)?],
        _ => return None,
    })
}

fn this(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<Bounds> {
    let t = vm.types.range.clone();
    let o = arity::self_of(vm, args, &t, "range", name)?;
    match &o.payload {
        Payload::Range(r) => Ok(Bounds::of(r)),
        _ => Err(arity::descriptor_mismatch(
            vm,
            name,
            "range",
            &Value::Obj(o.clone()),
        )),
    }
}

/// `len(range)`, or CPython's OverflowError beyond a machine size.
pub fn range_length(vm: &Vm, b: &Bounds) -> PyResult<usize> {
    match b.len().to_isize() {
        Some(n) => Ok(n as usize),
        None => Err(vm.new_exception(
            &vm.types.exc.overflow_error.clone(),
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn range_len_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "__len__")?;
    arity::no_args(vm, &args, "range", "__len__")?;
    Ok(Value::Int(range_length(vm, &b)? as i64))
}

/// `r[key]` for a range.
pub fn getitem(vm: &mut Vm, r: &[IntValue; 3], key: &Value) -> PyResult<Value> {
    let b = Bounds::of(r);
    if let Some(Payload::Slice(s)) = key.payload() {
        let s = (**s).clone();
        let len = b.len();
        let (start, stop, step) = super::slice::indices_big(vm, &s, &len)?;
        return Ok(new_range(vm, b.item(&start), b.item(&stop), &b.step * step));
    }
    let i = match as_int(key) {
        Some(i) => i.to_big(),
        None => {
            let name = vm.names.__index__.clone();
            let c = vm.class_of(key).clone();
            if vm.lookup_in_mro(&c, &name).is_none() {
                return Err(vm.type_error(&format!(
                    "range indices must be integers or slices, not {}",
                    vm.type_name(key)
                )));
            }
            index_big(vm, key)?
        }
    };
    let len = b.len();
    let j = if i.is_negative() { &i + &len } else { i };
    if j.is_negative() || j >= len {
        return Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "range object index out of range",
        ));
    }
    Ok(int_obj(vm, b.item(&j)))
}

fn range_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let t = vm.types.range.clone();
    let o = arity::self_of(vm, &args, &t, "range", "__getitem__")?;
    let key = arity::one_arg(vm, &args, "range", "__getitem__")?;
    let Payload::Range(r) = &o.payload else {
        return Err(vm.type_error("range expected"));
    };
    let r = (**r).clone();
    getitem(vm, &r, key)
}

/// The exact-int value of `x`, when membership can be decided arithmetically.
fn exact_int(vm: &Vm, x: &Value) -> Option<BigInt> {
    match x {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) if Rc::ptr_eq(o.class(), &vm.types.int) => as_int(x).map(|i| i.to_big()),
        _ => None,
    }
}

/// Counts (or, with `first`, finds) `x` among the items by equality, as
/// `_PySequence_IterSearch` does for non-int values.
fn search(vm: &mut Vm, b: &Bounds, x: &Value, first: bool) -> PyResult<(i64, Option<i64>)> {
    let this = new_range(vm, b.start.clone(), b.stop.clone(), b.step.clone());
    let it = vm.get_iter(&this)?;
    let (mut n, mut i) = (0, 0);
    while let Some(v) = vm.next(&it)? {
        if super::sequence::same_or_eq(vm, &v, x)? {
            if first {
                return Ok((1, Some(i)));
            }
            n += 1;
        }
        i += 1;
    }
    Ok((n, None))
}

fn range_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "__contains__")?;
    let x = arity::one_arg(vm, &args, "range", "__contains__")?;
    if let Some(i) = exact_int(vm, x) {
        return Ok(Value::bool(b.position(&i).is_some()));
    }
    Ok(Value::bool(search(vm, &b, x, true)?.1.is_some()))
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "index")?;
    let x = arity::one_arg(vm, &args, "range", "index")?;
    match exact_int(vm, x) {
        Some(i) => match b.position(&i) {
            Some(p) => Ok(int_obj(vm, p)),
            None => {
                let r = vm.repr(x)?;
                Err(vm.value_error(&format!("{r} is not in range")))
            }
        },
        None => match search(vm, &b, x, true)?.1 {
            Some(i) => Ok(Value::Int(i)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence")),
        },
    }
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "count")?;
    let x = arity::one_arg(vm, &args, "range", "count")?;
    match exact_int(vm, x) {
        Some(i) => Ok(Value::Int(b.position(&i).is_some() as i64)),
        None => Ok(Value::Int(search(vm, &b, x, false)?.0)),
    }
}

/// An iterator over the range from `start` by `step`, `len` items.
fn iter_over(vm: &mut Vm, start: &BigInt, step: &BigInt, len: &BigInt) -> PyResult<Value> {
    let stop = start + step * len;
    match (start.to_i64(), stop.to_i64(), step.to_i64()) {
        (Some(a), Some(b), Some(c)) => Ok(vm.new_iter(IterState::Range {
            next: a,
            stop: b,
            step: c,
        })),
        _ => {
            // Beyond i64 (CPython's longrange_iterator): the items of an equal range
            // object, by index.
            let r = new_range(vm, start.clone(), stop, step.clone());
            Ok(vm.new_iter(IterState::GetItem { obj: r, index: 0 }))
        }
    }
}

fn range_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "__iter__")?;
    let len = b.len();
    iter_over(vm, &b.start, &b.step, &len)
}

fn range_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "__reversed__")?;
    let len = b.len();
    let last = if len.is_zero() {
        b.start.clone()
    } else {
        b.item(&(&len - BigInt::one()))
    };
    iter_over(vm, &last, &-&b.step, &len)
}

fn range_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "__bool__")?;
    Ok(Value::bool(!b.len().is_zero()))
}

/// `hash(range)`: the hash of `(len, start, step)`, with None for the parts that do not
/// matter (empty, or a single item).
fn range_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = this(vm, &args, "__hash__")?;
    let len = b.len();
    let t = if len.is_zero() {
        vec![Value::Int(0), Value::None, Value::None]
    } else if len.is_one() {
        vec![Value::Int(1), int_obj(vm, b.start.clone()), Value::None]
    } else {
        vec![
            int_obj(vm, len),
            int_obj(vm, b.start.clone()),
            int_obj(vm, b.step.clone()),
        ]
    };
    let t = vm.new_tuple(t);
    Ok(Value::Int(vm.hash(&t)?))
}

/// Whether two ranges hold the same items.
pub fn ranges_equal(a: &Bounds, b: &Bounds) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la != lb {
        return false;
    }
    if la.is_zero() {
        return true;
    }
    if a.start != b.start {
        return false;
    }
    la.is_one() || a.step == b.step
}

fn range_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let a = this(vm, &args, super::sequence::cmp_dunder(op))?;
    let other = arity::one_arg(vm, &args, "range", super::sequence::cmp_dunder(op))?;
    let Some(Payload::Range(r)) = other.payload() else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let eq = ranges_equal(&a, &Bounds::of(r));
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

fn range_field(vm: &mut Vm, args: Args<'_>, i: usize) -> PyResult<Value> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Range(r)) => Ok(match &r[i] {
            IntValue::Small(s) => Value::Int(*s),
            IntValue::Big(b) => vm.new_int_big((**b).clone()),
        }),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}
