//! Helpers shared by the sequence types (`list`, `tuple`, `range`): index normalisation,
//! `index(x, start, stop)` bounds, repetition, the lexicographic rich comparison, and
//! creating an instance of a (possibly user-defined) subclass with a given payload.

use crate::object::Truth;
use crate::object::{ObjRef, Object, Payload, PyCell, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

/// `a is b or a == b`, CPython's `PyObject_RichCompareBool(a, b, Py_EQ)` (identity first:
/// a NaN is in a list holding that NaN).
pub fn same_or_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    vm.eq(a, b)
}

/// The equality test of `x in seq` for a list or tuple item: `item == x` from 3.9,
/// `x == item` before (bpo-37648 swapped the operands).
pub fn contains_eq(vm: &mut Vm, item: &Value, x: &Value) -> PyResult<bool> {
    if vm.version.format.major_minor < (3, 9) {
        same_or_eq(vm, x, item)
    } else {
        same_or_eq(vm, item, x)
    }
}

/// A possibly negative index into `len` items; `None` when out of range.
pub fn normalize(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (j >= 0 && j < len as i64).then_some(j as usize)
}

/// The `start`/`stop` arguments of `seq.index(x, start, stop)`, clamped to `0..=len`.
pub fn index_range(
    vm: &mut Vm,
    start: Option<&Value>,
    stop: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        let Some(v) = v else {
            return Ok(default as usize);
        };
        let Some(i) = vm.index_value(v)? else {
            return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
        };
        let mut i = i as i64;
        if i < 0 {
            i = (i + len as i64).max(0);
        }
        Ok(i.min(len as i64) as usize)
    };
    let a = bound(start, 0)?;
    let b = bound(stop, len as i64)?;
    Ok((a, b))
}

/// `items * n`.
pub fn repeat(vm: &mut Vm, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items
        .len()
        .checked_mul(n as usize)
        .filter(|t| *t <= isize::MAX as usize / 16);
    let Some(total) = total else {
        return Err(vm.new_exception(&vm.types.exc.memory_error.clone(), ""));
    };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// The dunder name of a comparison.
pub fn cmp_dunder(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    }
}

/// A sequence whose items a comparison reads one at a time (a list may change while
/// its items are compared).
pub enum SeqOp<'a> {
    List(&'a PyCell<Vec<Value>>),
    Tuple(&'a [Value]),
}

impl SeqOp<'_> {
    fn len(&self) -> usize {
        match self {
            SeqOp::List(l) => l.with(|l| l.len()),
            SeqOp::Tuple(t) => t.len(),
        }
    }

    fn get(&self, i: usize) -> Option<Value> {
        match self {
            SeqOp::List(l) => l.with(|l| l.get(i).cloned()),
            SeqOp::Tuple(t) => t.get(i).cloned(),
        }
    }
}

/// Lexicographic comparison of two sequences, as `list_richcompare`/`tuplerichcompare`.
pub fn compare_cells(vm: &mut Vm, a: SeqOp<'_>, b: SeqOp<'_>, op: CmpOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (a.get(i), b.get(i)) else {
            return Ok(Value::bool(cmp_usize(a.len(), b.len(), op)));
        };
        if !same_or_eq(vm, &x, &y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(Truth::False)),
                CmpOp::Ne => Ok(Value::Bool(Truth::True)),
                _ => vm.compare(&x, &y, op),
            };
        }
        i += 1;
    }
}

pub fn cmp_usize(a: usize, b: usize, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// Sets `cls.__hash__ = None` (mutable containers).
pub fn set_unhashable(vm: &mut Vm, cls: &ObjRef) {
    let key = Value::Obj(vm.names.__hash__.clone());
    let dict = vm.type_data(cls).dict.clone();
    let _ = vm.dict_set(&dict, key, Value::None);
}

impl Vm {
    /// A new instance of `cls` (a builtin type or a subclass of one) holding `payload`,
    /// with an instance dict when the class gives its instances one.
    pub fn new_instance_with(&self, cls: &ObjRef, payload: Payload) -> ObjRef {
        if self.type_data(cls).instance_dict || self.container_with_slots(cls) {
            Object::with_dict(cls.clone(), payload)
        } else {
            Object::new(cls.clone(), payload)
        }
    }

    /// Whether `cls` is exactly the builtin type `t` (not a subclass).
    pub fn is_exact(&self, v: &Value, t: &ObjRef) -> bool {
        std::rc::Rc::ptr_eq(self.class_of(v), t)
    }
}

/// The TypeError of subscripting an object that does not support it, worded as the
/// running version words it: 3.11+ names a type (`type 'X' is not subscriptable`); 3.6
/// says "does not support indexing" for an integer key on objects that have sequence
/// methods (instances of Python classes, sets, dict views).
pub fn not_subscriptable(vm: &mut Vm, obj: &Value, key: &Value) -> crate::vm::PyErr {
    let v = vm.version.format.major_minor;
    if let Some(Payload::Type(t)) = obj.payload() {
        if v >= (3, 11) {
            return vm.type_error(&format!("type '{}' is not subscriptable", t.name()));
        }
    }
    if v < (3, 7) {
        let int_key = crate::vm::ops::as_int(key).is_some() || {
            let name = vm.names.__index__.clone();
            let c = vm.class_of(key).clone();
            vm.lookup_in_mro(&c, &name).is_some()
        };
        let has_sequence_methods = match obj {
            Value::Obj(o) => {
                vm.type_data(o.class()).is_heap
                    || matches!(o.payload, Payload::Set(_) | Payload::FrozenSet(_))
                    || super::dict_views::view_of(obj).is_some()
            }
            _ => false,
        };
        if int_key && has_sequence_methods {
            return vm.type_error(&format!(
                "'{}' object does not support indexing",
                vm.type_name(obj)
            ));
        }
    }
    vm.type_error(&format!(
        "'{}' object is not subscriptable",
        vm.type_name(obj)
    ))
}
