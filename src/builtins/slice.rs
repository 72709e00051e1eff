//! `slice`: construction, the read-only `start`/`stop`/`step`, `indices(len)`,
//! comparison as `(start, stop, step)` tuples, and hashing (3.12+; unhashable before).

use super::arity::{self, ver};
use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::vm::ops::{as_int, CmpOp};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cell::Cell;
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let slice = vm.types.slice.clone();
    vm.add_method(&slice, "__new__", slice_new, BuiltinKind::StaticMethod);
    vm.add_method(&slice, "indices", slice_indices, BuiltinKind::Method);
    for op in [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ] {
        let f: crate::object::NativeFn = match op {
            CmpOp::Eq => |vm, a| slice_cmp(vm, a, CmpOp::Eq),
            CmpOp::Ne => |vm, a| slice_cmp(vm, a, CmpOp::Ne),
            CmpOp::Lt => |vm, a| slice_cmp(vm, a, CmpOp::Lt),
            CmpOp::Le => |vm, a| slice_cmp(vm, a, CmpOp::Le),
            CmpOp::Gt => |vm, a| slice_cmp(vm, a, CmpOp::Gt),
            CmpOp::Ge => |vm, a| slice_cmp(vm, a, CmpOp::Ge),
        };
        vm.add_method(
            &slice,
            super::sequence::cmp_dunder(op),
            f,
            BuiltinKind::Method,
        );
    }
    if ver(vm) >= (3, 12) {
        vm.add_method(&slice, "__hash__", slice_hash, BuiltinKind::Method);
    } else {
        super::sequence::set_unhashable(vm, &slice);
    }
    vm.add_getset(&slice, "start", |vm, a| slice_field(vm, a, 0), None);
    vm.add_getset(&slice, "stop", |vm, a| slice_field(vm, a, 1), None);
    vm.add_getset(&slice, "step", |vm, a| slice_field(vm, a, 2), None);
}

/// A slice object nothing references any more, kept for the next slice of inline
/// values (as CPython keeps one): `l[a:b]` in a loop then allocates no slice. At thread
/// exit the spare is leaked, not dropped (the object machinery may be gone by then).
struct Spare(Cell<Option<ObjRef>>);

impl Drop for Spare {
    fn drop(&mut self) {
        std::mem::forget(self.0.take());
    }
}

thread_local! {
    static SPARE: Spare = const { Spare(Cell::new(None)) };
}

/// Whether a slice part is an inline value (an int or None...), never an object.
fn inline_part(v: &Value) -> bool {
    !matches!(v, Value::Obj(_))
}

/// A new slice object.
pub fn new_slice(vm: &Vm, start: Value, stop: Value, step: Value) -> Value {
    if inline_part(&start) && inline_part(&stop) && inline_part(&step) {
        if let Some(mut spare) = SPARE.with(|s| s.0.take()) {
            let same_type = Rc::ptr_eq(spare.class(), &vm.types.slice);
            if let (true, Some(o)) = (same_type, Rc::get_mut(&mut spare)) {
                if let Payload::Slice(parts) = &mut o.payload {
                    // The old parts are inline values too (see `recycle`).
                    **parts = [start, stop, step];
                    return Value::Obj(spare);
                }
            }
        }
    }
    Value::Obj(Object::new(
        vm.types.slice.clone(),
        Payload::Slice(Box::new([start, stop, step])),
    ))
}

/// Drops a slice that a subscript used, keeping it as the spare when nothing else
/// references it (no one can tell it was not freed).
pub fn recycle(v: Value) {
    let Value::Obj(o) = v else { return };
    let reusable = Rc::strong_count(&o) == 1
        && Rc::weak_count(&o) == 0
        && !o.is_tracked()
        && !o.header.weakly_referenced()
        && matches!(&o.payload, Payload::Slice(p) if p.iter().all(inline_part));
    if reusable {
        let old = SPARE.with(|s| s.0.replace(Some(o)));
        drop(old);
    }
}

fn slice_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    arity::no_kwargs_type(vm, &args, "slice")?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "slice", pos.len(), 1, 3)?;
    Ok(match pos {
        [stop] => new_slice(vm, Value::None, stop.clone(), Value::None),
        [start, stop] => new_slice(vm, start.clone(), stop.clone(), Value::None),
        [start, stop, step] => new_slice(vm, start.clone(), stop.clone(), step.clone()),
        _ => Value::None,
    })
}

fn parts<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a [Value; 3]> {
    match args.pos().first().and_then(|v| v.payload()) {
        Some(Payload::Slice(s)) => Ok(s),
        _ => Err(match args.pos().first() {
            Some(v) => arity::descriptor_mismatch(vm, name, "slice", v),
            None => vm.type_error(&format!(
                "descriptor '{name}' of 'slice' object needs an argument"
            )),
        }),
    }
}

/// An index (`__index__`) as a big integer, with the slice-index TypeError otherwise.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
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
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// `slice.indices(length)` on big integers: (start, stop, step) clamped as CPython does.
pub fn indices_big(
    vm: &mut Vm,
    s: &[Value; 3],
    length: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = if s[2].is_none() {
        BigInt::from(1)
    } else {
        slice_index(vm, &s[2])?
    };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let mut bound = |v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = slice_index(vm, v)?;
        if i.is_negative() {
            i += length;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = bound(&s[0], if neg { &upper } else { &lower })?;
    let stop = bound(&s[1], if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn slice_indices(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = parts(vm, &args, "indices")?.clone();
    let len = arity::one_arg(vm, &args, "slice", "indices")?;
    let length = match as_int(len) {
        Some(i) => i.to_big(),
        None => {
            let name = vm.names.__index__.clone();
            match vm.call_special(len, &name, &[])? {
                Some(r) => as_int(&r).map(|i| i.to_big()).unwrap_or_default(),
                None => {
                    return Err(vm.type_error(&format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(len)
                    )))
                }
            }
        }
    };
    if length.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c) = indices_big(vm, &s, &length)?;
    let items = vec![vm.new_int_big(a), vm.new_int_big(b), vm.new_int_big(c)];
    Ok(vm.new_tuple(items))
}

fn slice_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let name = super::sequence::cmp_dunder(op);
    let a = parts(vm, &args, name)?.clone();
    let other = arity::one_arg(vm, &args, "slice", name)?;
    let Some(Payload::Slice(b)) = other.payload() else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let (ta, tb) = (vm.new_tuple(a.to_vec()), vm.new_tuple(b.to_vec()));
    vm.compare(&ta, &tb, op)
}

fn slice_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = parts(vm, &args, "__hash__")?.clone();
    let t = vm.new_tuple(a.to_vec());
    Ok(Value::Int(vm.hash(&t)?))
}

fn slice_field(vm: &mut Vm, args: Args<'_>, i: usize) -> PyResult<Value> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Slice(s)) => Ok(s[i].clone()),
        _ => Err(vm.type_error("descriptor requires a 'slice' object")),
    }
}
