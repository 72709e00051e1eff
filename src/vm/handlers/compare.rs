//! Arithmetic, comparison, identity and membership handlers.

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::ops::{binary_fast, BinOp, CmpOp};

/// The two top values of `stack` (second, top), if it holds two.
#[inline(always)]
fn top_two(stack: &[Value]) -> Option<(&Value, &Value)> {
    match stack {
        [.., a, b] => Some((a, b)),
        _ => None,
    }
}

/// Replaces the two top values of `stack` by `r`. Only for operands that hold no heap
/// reference (ints, floats, bools, None), whose drop is a no-op: the fast path of
/// arithmetic and comparison, which neither pops, pushes, nor drops. (A plain function
/// and not a closure-taking one: the closure was not inlined into the dispatch loop.)
#[inline(always)]
fn replace_inline_top_two(stack: &mut Vec<Value>, r: Value) {
    let len = stack.len();
    debug_assert!(len >= 2);
    debug_assert!(!matches!(stack[len - 2], Value::Obj(_)));
    debug_assert!(!matches!(stack[len - 1], Value::Obj(_)));
    if len < 2 {
        return;
    }
    // SAFETY: `len >= 2`, so slots `len - 2` and `len - 1` are initialised; by the
    // caller's contract neither holds a heap reference, so overwriting the first without
    // dropping it and forgetting the second (by shortening the length) loses nothing.
    unsafe {
        stack.as_mut_ptr().add(len - 2).write(r);
        stack.set_len(len - 1);
    }
}

/// An ordering comparison of two ints or two floats (no heap, no error).
#[inline(always)]
fn compare_fast(a: &Value, b: &Value, op: CmpOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(Value::bool(op.test(x, y))),
        (Value::Float(x), Value::Float(y)) => Some(Value::bool(op.test(x.get(), y.get()))),
        _ => None,
    }
}

impl Exec<'_> {
    /// 3.11+ BINARY_OP: `oparg` indexes the version's `binary_ops` table. The int and
    /// float fast path is inlined into the dispatch loop; the rest is a call.
    #[inline(always)]
    pub fn binary_op(&mut self, arg: u32) -> Flow {
        if let Some(&Some((op, _))) = self.vm.binary_op_kinds.get(arg as usize) {
            // `binary_fast` answers only for ints and floats.
            if let Some((a, b)) = top_two(&self.frame.stack) {
                if let Some(r) = binary_fast(a, b, op) {
                    replace_inline_top_two(&mut self.frame.stack, r);
                    return Flow::Next;
                }
            }
        }
        self.binary_op_slow(arg)
    }

    #[inline(never)]
    fn binary_op_slow(&mut self, arg: u32) -> Flow {
        let Some(&Some((op, inplace))) = self.vm.binary_op_kinds.get(arg as usize) else {
            return Flow::Raise(self.vm.system_error("bad BINARY_OP argument"));
        };
        let b = self.frame.pop();
        let a = self.frame.pop();
        let r = self.vm.binary_op(&a, &b, op, inplace);
        self.push_result(r)
    }

    /// ≤3.10 BINARY_*/INPLACE_*: `op`, in place when `inplace`. Kept out of line: inlined
    /// into the dispatch `match`, its copies were merged into one block whose operands the
    /// loop then set up before every instruction.
    #[inline(never)]
    pub(crate) fn binary(&mut self, op: BinOp, inplace: bool) -> Flow {
        // `binary_fast` answers only for ints and floats.
        if let Some((a, b)) = top_two(&self.frame.stack) {
            if let Some(r) = binary_fast(a, b, op) {
                replace_inline_top_two(&mut self.frame.stack, r);
                return Flow::Next;
            }
        }
        self.binary_slow(op, inplace)
    }

    fn binary_slow(&mut self, op: BinOp, inplace: bool) -> Flow {
        let b = self.frame.pop();
        let a = self.frame.pop();
        let r = self.vm.binary_op(&a, &b, op, inplace);
        self.push_result(r)
    }

    pub fn binary_add(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Add, false)
    }
    pub fn binary_subtract(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Sub, false)
    }
    pub fn binary_multiply(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Mul, false)
    }
    pub fn binary_true_divide(&mut self, _: u32) -> Flow {
        self.binary(BinOp::TrueDiv, false)
    }
    pub fn binary_floor_divide(&mut self, _: u32) -> Flow {
        self.binary(BinOp::FloorDiv, false)
    }
    pub fn binary_modulo(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Mod, false)
    }
    pub fn binary_power(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Pow, false)
    }
    pub fn binary_lshift(&mut self, _: u32) -> Flow {
        self.binary(BinOp::LShift, false)
    }
    pub fn binary_rshift(&mut self, _: u32) -> Flow {
        self.binary(BinOp::RShift, false)
    }
    pub fn binary_and(&mut self, _: u32) -> Flow {
        self.binary(BinOp::And, false)
    }
    pub fn binary_or(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Or, false)
    }
    pub fn binary_xor(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Xor, false)
    }
    pub fn binary_matrix_multiply(&mut self, _: u32) -> Flow {
        self.binary(BinOp::MatMul, false)
    }
    pub fn inplace_add(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Add, true)
    }
    pub fn inplace_subtract(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Sub, true)
    }
    pub fn inplace_multiply(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Mul, true)
    }
    pub fn inplace_true_divide(&mut self, _: u32) -> Flow {
        self.binary(BinOp::TrueDiv, true)
    }
    pub fn inplace_floor_divide(&mut self, _: u32) -> Flow {
        self.binary(BinOp::FloorDiv, true)
    }
    pub fn inplace_modulo(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Mod, true)
    }
    pub fn inplace_power(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Pow, true)
    }
    pub fn inplace_lshift(&mut self, _: u32) -> Flow {
        self.binary(BinOp::LShift, true)
    }
    pub fn inplace_rshift(&mut self, _: u32) -> Flow {
        self.binary(BinOp::RShift, true)
    }
    pub fn inplace_and(&mut self, _: u32) -> Flow {
        self.binary(BinOp::And, true)
    }
    pub fn inplace_or(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Or, true)
    }
    pub fn inplace_xor(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Xor, true)
    }
    pub fn inplace_matrix_multiply(&mut self, _: u32) -> Flow {
        self.binary(BinOp::MatMul, true)
    }

    fn unary(&mut self, op: &str) -> Flow {
        let v = self.frame.pop();
        let r = self.vm.unary_op(&v, op);
        self.push_result(r)
    }

    pub fn unary_negative(&mut self, _: u32) -> Flow {
        self.unary("-")
    }
    pub fn unary_positive(&mut self, _: u32) -> Flow {
        self.unary("+")
    }
    pub fn unary_invert(&mut self, _: u32) -> Flow {
        self.unary("~")
    }

    pub fn unary_not(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let b = tri!(self.vm.truthy(&v));
        self.frame.push(Value::bool(!b));
        Flow::Next
    }

    /// 3.13: TOS = bool(TOS).
    pub fn to_bool(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let b = tri!(self.vm.truthy(&v));
        self.frame.push(Value::bool(b));
        Flow::Next
    }

    /// Rich comparison `cmp_ops[oparg >> compare_shift]`; `None` if that entry is not
    /// a rich comparison.
    fn rich_compare(&mut self, arg: u32) -> Result<Option<Value>, Flow> {
        let shift = self.vm.version.compare_shift;
        let Some(&Some(op)) = self.vm.cmp_op_kinds.get((arg >> shift) as usize) else {
            return Ok(None);
        };
        let b = self.frame.pop();
        let a = self.frame.pop();
        if let Some(r) = compare_fast(&a, &b, op) {
            return Ok(Some(r));
        }
        self.vm.compare(&a, &b, op).map(Some).map_err(Flow::Raise)
    }

    /// The rich comparison of `arg` done on the stack for two ints or two floats:
    /// `true` when it was.
    #[inline(always)]
    fn compare_in_place(&mut self, arg: u32) -> bool {
        let shift = self.vm.version.compare_shift;
        let Some(&Some(op)) = self.vm.cmp_op_kinds.get((arg >> shift) as usize) else {
            return false;
        };
        // `compare_fast` answers only for ints and floats.
        if let Some((a, b)) = top_two(&self.frame.stack) {
            if let Some(r) = compare_fast(a, b, op) {
                replace_inline_top_two(&mut self.frame.stack, r);
                return true;
            }
        }
        false
    }

    /// Up to 3.8: a rich comparison, or in/not in/is/is not/exception match.
    #[inline(always)]
    pub fn compare_op(&mut self, arg: u32) -> Flow {
        if self.compare_in_place(arg) {
            return Flow::Next;
        }
        self.compare_op_slow(arg)
    }

    #[inline(never)]
    fn compare_op_slow(&mut self, arg: u32) -> Flow {
        match self.rich_compare(arg) {
            Ok(Some(r)) => {
                self.frame.push(r);
                Flow::Next
            }
            Ok(None) => {
                let sym = self
                    .vm
                    .version
                    .cmp_ops
                    .get(arg as usize)
                    .copied()
                    .unwrap_or("");
                let b = self.frame.pop();
                let a = self.frame.pop();
                self.compare_legacy(sym, a, b)
            }
            Err(f) => f,
        }
    }

    /// 3.9–3.11: rich comparison `cmp_ops[oparg]`; 3.12: `cmp_ops[oparg >> 4]`.
    #[inline(always)]
    pub fn compare_op_rich(&mut self, arg: u32) -> Flow {
        if self.compare_in_place(arg) {
            return Flow::Next;
        }
        self.compare_op_rich_slow(arg)
    }

    #[inline(never)]
    fn compare_op_rich_slow(&mut self, arg: u32) -> Flow {
        match self.rich_compare(arg) {
            Ok(Some(r)) => {
                self.frame.push(r);
                Flow::Next
            }
            Ok(None) => Flow::Raise(self.vm.system_error("bad COMPARE_OP argument")),
            Err(f) => f,
        }
    }

    pub fn compare_op_masked(&mut self, arg: u32) -> Flow {
        self.compare_op_rich(arg)
    }

    /// 3.13: `cmp_ops[oparg >> 5]`, converted to bool when `oparg & 16`.
    #[inline(always)]
    pub fn compare_op_bool(&mut self, arg: u32) -> Flow {
        // The result of an int or float comparison is already a bool.
        if self.compare_in_place(arg) {
            return Flow::Next;
        }
        self.compare_op_bool_slow(arg)
    }

    #[inline(never)]
    fn compare_op_bool_slow(&mut self, arg: u32) -> Flow {
        match self.rich_compare(arg) {
            Ok(Some(r)) => {
                if arg & 16 != 0 {
                    let t = tri!(self.vm.truthy(&r));
                    self.frame.push(Value::bool(t));
                } else {
                    self.frame.push(r);
                }
                Flow::Next
            }
            Ok(None) => Flow::Raise(self.vm.system_error("bad COMPARE_OP argument")),
            Err(f) => f,
        }
    }

    /// ≤3.8 COMPARE_OP entries that are not rich comparisons.
    fn compare_legacy(&mut self, sym: &str, a: Value, b: Value) -> Flow {
        let r = match sym {
            "in" => Value::bool(tri!(self.vm.contains(&b, &a))),
            "not in" | "not-in" => Value::bool(!tri!(self.vm.contains(&b, &a))),
            "is" => Value::bool(a.is(&b)),
            "is not" | "is-not" => Value::bool(!a.is(&b)),
            "exception match" | "exception-match" => {
                Value::bool(tri!(self.vm.exception_matches(&a, &b)))
            }
            _ => return Flow::Raise(self.vm.system_error("bad COMPARE_OP argument")),
        };
        self.frame.push(r);
        Flow::Next
    }

    pub fn is_op(&mut self, invert: u32) -> Flow {
        let b = self.frame.pop();
        let a = self.frame.pop();
        self.frame.push(Value::bool(a.is(&b) != (invert == 1)));
        Flow::Next
    }

    pub fn contains_op(&mut self, invert: u32) -> Flow {
        let container = self.frame.pop();
        let item = self.frame.pop();
        let r = tri!(self.vm.contains(&container, &item));
        self.frame.push(Value::bool(r != (invert == 1)));
        Flow::Next
    }
}

impl crate::vm::Vm {
    /// `item in container`. An exact set (recognized by its class pointer, without
    /// reading the type) is probed here; everything else goes to `contains_general`.
    #[inline]
    pub fn contains(&mut self, container: &Value, item: &Value) -> crate::vm::PyResult<bool> {
        if let Value::Obj(o) = container {
            if matches!(o.payload, Payload::Set(_) | Payload::FrozenSet(_)) {
                let c = o.class();
                if std::rc::Rc::ptr_eq(c, &self.types.set)
                    || std::rc::Rc::ptr_eq(c, &self.types.frozenset)
                {
                    return crate::builtins::set::contains_key(self, container, item);
                }
            }
        }
        self.contains_general(container, item)
    }

    /// `contains` for any container but an exact set.
    #[inline(never)]
    fn contains_general(&mut self, container: &Value, item: &Value) -> crate::vm::PyResult<bool> {
        if let Value::Obj(o) = container {
            if !self.type_data(o.class()).is_heap {
                match &o.payload {
                    Payload::Dict(_) => return Ok(self.dict_get(o, item)?.is_some()),
                    Payload::Set(_) | Payload::FrozenSet(_) => {
                        return crate::builtins::set::contains_key(self, container, item)
                    }
                    Payload::Str(s) => {
                        let Some(needle) = item.as_str() else {
                            return Err(self.type_error(&format!(
                                "'in <string>' requires string as left operand, not {}",
                                self.type_name(item)
                            )));
                        };
                        return Ok(s.as_str().contains(needle.as_str()));
                    }
                    Payload::Tuple(t) => {
                        for v in t.iter() {
                            if crate::builtins::sequence::contains_eq(self, v, item)? {
                                return Ok(true);
                            }
                        }
                        return Ok(false);
                    }
                    Payload::List(l) => {
                        // As CPython's `list_contains`: each item in turn from the live
                        // list (an `__eq__` may change it), no copy of the list.
                        let mut i = 0;
                        while let Some(v) = l.with(|items| items.get(i).cloned()) {
                            if crate::builtins::sequence::contains_eq(self, &v, item)? {
                                return Ok(true);
                            }
                            i += 1;
                        }
                        return Ok(false);
                    }
                    _ => {}
                }
            }
        }
        let name = self.names.__contains__.clone();
        if let Some(r) = self.call_special(container, &name, std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                return Err(self.type_error(&format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
        };
        while let Some(v) = self.next(&it)? {
            if v.is(item) || self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
