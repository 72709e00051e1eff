//! Operators: binary and in-place arithmetic, unary operators and rich comparisons.
//!
//! Fast paths for the inline values (small ints, floats, bools) and for exact builtin
//! strs, lists and tuples run first and never allocate for small results; everything
//! else goes through the special-method protocol: `type(a).__op__`, then the reflected
//! `type(b).__rop__` (first if `type(b)` is a proper subclass of `type(a)` that overrides
//! it), with `NotImplemented` falling through to CPython's TypeError wording.

use super::{PyResult, Vm};
use crate::object::{IntValue, ObjRef, Payload, Value};
use num_bigint::BigInt;
use num_traits::Signed;
use std::rc::Rc;

/// `binary_fast` on two floats (an int operand already converted exactly).
#[inline(always)]
fn floats_fast(x: f64, y: f64, op: BinOp) -> Option<Value> {
    match op {
        BinOp::Add => Some(Value::float(x + y)),
        BinOp::Sub => Some(Value::float(x - y)),
        BinOp::Mul => Some(Value::float(x * y)),
        // 2.x classic division of floats is true division.
        BinOp::TrueDiv | BinOp::Div if y != 0.0 => Some(Value::float(x / y)),
        // A positive finite base: no complex result, no zero-division, and `float_pow`
        // itself computes `powf`; an infinite result (OverflowError) goes the long way.
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            r.is_finite().then_some(Value::float(r))
        }
        _ => None,
    }
}

/// Arithmetic on small ints and floats that needs neither the heap nor an error
/// (no overflow out of `i64`, no division by zero): the result, else `None` for the
/// general path. Ints convert to float as Python does (round to nearest, ties to even),
/// and `int / int` is exact when both fit in a double's 53-bit mantissa.
#[inline(always)]
pub fn binary_fast(a: &Value, b: &Value, op: BinOp) -> Option<Value> {
    const EXACT: i64 = 1 << 53;
    match (a, b) {
        (&Value::Int(x), &Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            // 2.x classic division of ints floors, as `//` does.
            BinOp::FloorDiv | BinOp::Div if y != 0 => {
                let q = x.checked_div(y)?;
                let round_down = x % y != 0 && ((x < 0) != (y < 0));
                Some(Value::Int(if round_down { q - 1 } else { q }))
            }
            BinOp::Mod if y != 0 => {
                let r = x.checked_rem(y)?;
                let wrap = r != 0 && ((r < 0) != (y < 0));
                Some(Value::Int(if wrap { r + y } else { r }))
            }
            BinOp::TrueDiv if y != 0 && x.abs() <= EXACT && y.abs() <= EXACT => {
                Some(Value::float(x as f64 / y as f64))
            }
            _ => None,
        },
        (&Value::Float(x), &Value::Float(y)) => floats_fast(x.get(), y.get(), op),
        (&Value::Float(x), &Value::Int(y)) if y.abs() <= EXACT => {
            floats_fast(x.get(), y as f64, op)
        }
        (&Value::Int(x), &Value::Float(y)) if x.abs() <= EXACT => {
            floats_fast(x as f64, y.get(), op)
        }
        _ => None,
    }
}

/// The operations of a version's BINARY_OP arguments (3.11+), decoded once.
pub fn binary_op_kinds(version: &crate::spec::VersionSpec) -> Vec<Option<(BinOp, bool)>> {
    version
        .binary_ops
        .iter()
        .map(|(_, sym)| BinOp::from_symbol(sym))
        .collect()
}

/// The rich comparisons of a version's COMPARE_OP arguments, decoded once.
pub fn cmp_op_kinds(version: &crate::spec::VersionSpec) -> Vec<Option<CmpOp>> {
    version
        .cmp_ops
        .iter()
        .map(|sym| CmpOp::from_symbol(sym))
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    /// 2.x `/` without `from __future__ import division`.
    Div,
}

impl BinOp {
    /// The operator as written in Python source (also the key of the spec's
    /// `binary_ops` table entries).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv | BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// From a Python operator symbol (`"+"`, `"+="`): the op and whether it is in-place.
    pub fn from_symbol(s: &str) -> Option<(BinOp, bool)> {
        let (base, inplace) = match s.strip_suffix('=') {
            Some(b) if !b.is_empty() => (b, true),
            _ => (s, false),
        };
        let op = match base {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mul,
            "@" => BinOp::MatMul,
            "/" => BinOp::TrueDiv,
            "//" => BinOp::FloorDiv,
            "%" => BinOp::Mod,
            "**" => BinOp::Pow,
            "<<" => BinOp::LShift,
            ">>" => BinOp::RShift,
            "&" => BinOp::And,
            "|" => BinOp::Or,
            "^" => BinOp::Xor,
            _ => return None,
        };
        Some((op, inplace))
    }

    fn dunders(self, vm: &Vm) -> (ObjRef, ObjRef, ObjRef) {
        let n = &vm.names;
        let (a, b, c) = match self {
            BinOp::Add => (&n.__add__, &n.__radd__, &n.__iadd__),
            BinOp::Sub => (&n.__sub__, &n.__rsub__, &n.__isub__),
            BinOp::Mul => (&n.__mul__, &n.__rmul__, &n.__imul__),
            BinOp::MatMul => (&n.__matmul__, &n.__rmatmul__, &n.__imatmul__),
            BinOp::TrueDiv => (&n.__truediv__, &n.__rtruediv__, &n.__itruediv__),
            BinOp::Div => (&n.__div__, &n.__rdiv__, &n.__idiv__),
            BinOp::FloorDiv => (&n.__floordiv__, &n.__rfloordiv__, &n.__ifloordiv__),
            BinOp::Mod => (&n.__mod__, &n.__rmod__, &n.__imod__),
            BinOp::Pow => (&n.__pow__, &n.__rpow__, &n.__ipow__),
            BinOp::LShift => (&n.__lshift__, &n.__rlshift__, &n.__ilshift__),
            BinOp::RShift => (&n.__rshift__, &n.__rrshift__, &n.__irshift__),
            BinOp::And => (&n.__and__, &n.__rand__, &n.__iand__),
            BinOp::Or => (&n.__or__, &n.__ror__, &n.__ior__),
            BinOp::Xor => (&n.__xor__, &n.__rxor__, &n.__ixor__),
        };
        (a.clone(), b.clone(), c.clone())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_symbol(s: &str) -> Option<CmpOp> {
        Some(match s {
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            _ => return None,
        })
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    /// `a op b` for ordered Rust values.
    pub(crate) fn test<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }

    fn dunder(self, vm: &Vm) -> ObjRef {
        let n = &vm.names;
        match self {
            CmpOp::Lt => n.__lt__.clone(),
            CmpOp::Le => n.__le__.clone(),
            CmpOp::Eq => n.__eq__.clone(),
            CmpOp::Ne => n.__ne__.clone(),
            CmpOp::Gt => n.__gt__.clone(),
            CmpOp::Ge => n.__ge__.clone(),
        }
    }
}

/// An integer operand, borrowed as small or big.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
}

/// The integer value of ints and bools (and int-subclass instances).
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(IntValue::Small(i)) => Some(IntRef::Small(*i)),
            Payload::Int(IntValue::Big(b)) => Some(IntRef::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

fn is_float(v: &Value) -> bool {
    matches!(v, Value::Float(_)) || matches!(v.payload(), Some(Payload::Float(_)))
}

/// Whether a value is an exact builtin (its type is not a Python class).
fn exact_builtin(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => !vm.type_data(o.class()).is_heap,
        _ => true,
    }
}

impl Vm {
    /// `a op b` (or `a op= b` when `inplace`).
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        if let Some(r) = binary_fast(a, b, op) {
            return Ok(r);
        }
        // Inline fast paths.
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let (x, y) = (IntRef::Small(*x), IntRef::Small(*y));
            if let Some(r) = crate::builtins::int::int_binop(self, op, &x, &y)? {
                return Ok(r);
            }
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            if !matches!(
                op,
                BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul
            ) {
                return crate::builtins::float::float_binop(self, op, x.get(), y.get());
            }
        }
        // A mutable container updates itself in place (list +=, set |=, dict |=...).
        let mutable_left = matches!(
            a.payload(),
            Some(Payload::List(_) | Payload::Set(_) | Payload::Dict(_) | Payload::ByteArray(_))
        );
        if exact_builtin(self, a) && exact_builtin(self, b) && !(inplace && mutable_left) {
            if let Some(r) = self.builtin_binary(a, b, op)? {
                if super::flavour::python2_builtins(self.version) {
                    return Ok(crate::builtins::py2::long::keep_long(self, a, b, r));
                }
                return Ok(r);
            }
        }
        self.binary_op_slow(a, b, op, inplace)
    }

    fn binary_op_slow(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: bool,
    ) -> PyResult<Value> {
        let (name, rname, iname) = op.dunders(self);
        // A list's builtin `*=` by a non-index reports the sequence error.
        let blocked = inplace && op == BinOp::Mul && is_list_or_tuple(a) && !self.has_index(b) && {
            let cls = self.class_of(a).clone();
            self.lookup_in_mro(&cls, &iname)
                .is_some_and(|f| matches!(f.payload(), Some(Payload::Builtin(_))))
        };
        if inplace && !blocked {
            if let Some(r) = self.call_special(a, &iname, std::slice::from_ref(b))? {
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        let same = Rc::ptr_eq(&ta, &tb);
        let b_first =
            !same && self.is_subclass_of(&tb, &ta) && self.lookup_in_mro(&tb, &rname).is_some();
        if b_first {
            if let Some(r) = self.call_reflected(b, &rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.builtin_or_special(a, b, &name, op)? {
            return Ok(r);
        }
        if !same && !b_first {
            if let Some(r) = self.call_reflected(b, &rname, a)? {
                return Ok(r);
            }
        }
        if let Some(e) = crate::builtins::str::sequence_op_error(self, a, b, op) {
            return Err(e);
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        let sym = if op == BinOp::Pow {
            if inplace {
                "**=".to_string()
            } else {
                sym
            }
        } else {
            sym
        };
        Err(self.type_error(&format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// `a.__op__(b)`, where builtin payloads (int/float/str... subclass instances) use the
    /// builtin implementation.
    fn builtin_or_special(
        &mut self,
        a: &Value,
        b: &Value,
        name: &ObjRef,
        op: BinOp,
    ) -> PyResult<Option<Value>> {
        let ta = self.class_of(a).clone();
        match self.lookup_in_mro(&ta, name) {
            Some(f) if !matches!(f.payload(), Some(Payload::Builtin(_))) => {
                let bound = self.descr_get(f, Some(a), &ta)?;
                let r = self.call(
                    &bound,
                    crate::object::Args::positional(std::slice::from_ref(b)),
                )?;
                Ok((!self.is_not_implemented(&r)).then_some(r))
            }
            // A builtin type's method (set.__or__, dict.__or__, ...) after the native
            // arithmetic had nothing to say.
            Some(f) => match self.builtin_binary(a, b, op)? {
                Some(r) => Ok(Some(r)),
                // `seq * x` with a non-index `x` never calls the sequence's own __mul__
                // (which would raise its own TypeError), like CPython's sq_repeat path.
                None if op == BinOp::Mul && is_list_or_tuple(a) && !self.has_index(b) => Ok(None),
                None => {
                    let bound = self.descr_get(f, Some(a), &ta)?;
                    let r = self.call(
                        &bound,
                        crate::object::Args::positional(std::slice::from_ref(b)),
                    )?;
                    Ok((!self.is_not_implemented(&r)).then_some(r))
                }
            },
            None => self.builtin_binary(a, b, op),
        }
    }

    fn call_reflected(&mut self, b: &Value, rname: &ObjRef, a: &Value) -> PyResult<Option<Value>> {
        let tb = self.class_of(b).clone();
        match self.lookup_in_mro(&tb, rname) {
            Some(f)
                if matches!(f.payload(), Some(Payload::Builtin(_)))
                    && is_list_or_tuple(b)
                    && Rc::ptr_eq(rname, &self.names.__rmul__)
                    && !self.has_index(a) =>
            {
                Ok(None)
            }
            Some(f) => {
                let bound = self.descr_get(f, Some(b), &tb)?;
                let r = self.call(
                    &bound,
                    crate::object::Args::positional(std::slice::from_ref(a)),
                )?;
                Ok((!self.is_not_implemented(&r)).then_some(r))
            }
            _ => Ok(None),
        }
    }

    pub fn zero_division(&self, msg: &str) -> super::PyErr {
        self.new_exception(&self.types.exc.zero_division_error, msg)
    }

    /// Builtin-type arithmetic for exact builtins and builtin subclasses' payloads.
    fn builtin_binary(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        // Numbers, text and bytes.
        if let Some(r) = crate::builtins::numeric::number_binary(self, a, b, op)? {
            return Ok(Some(r));
        }
        if let Some(r) = crate::builtins::str::str_binary(self, a, b, op)? {
            return Ok(Some(r));
        }
        if let Some(r) = crate::builtins::bytes::bytes_binary(self, a, b, op)? {
            return Ok(Some(r));
        }
        // Sequences.
        let (Some(pa), pb) = (a.payload(), b.payload()) else {
            if let (
                Some(n),
                Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)),
            ) = (as_int(a), b.payload())
            {
                if op == BinOp::Mul {
                    return self.repeat(b, n).map(Some);
                }
            }
            return Ok(None);
        };
        match (op, pa, pb) {
            (BinOp::Add, Payload::Str(x), Some(Payload::Str(y))) => {
                let mut s = String::with_capacity(x.bytes().len() + y.bytes().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Ok(Some(self.new_str(&s)))
            }
            (BinOp::Add, Payload::List(x), Some(Payload::List(y))) => {
                let mut v = x.get();
                v.extend(y.get());
                Ok(Some(self.new_list(v)))
            }
            (BinOp::Add, Payload::Tuple(x), Some(Payload::Tuple(y))) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Ok(Some(self.new_tuple(v)))
            }
            (
                BinOp::Mul,
                Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_),
                _,
            ) => match as_int(b) {
                Some(n) => self.repeat(a, n).map(Some),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    fn repeat(&mut self, seq: &Value, n: IntRef<'_>) -> PyResult<Value> {
        let n = match n {
            IntRef::Small(n) => n.max(0) as usize,
            IntRef::Big(b) if b.is_negative() => 0,
            IntRef::Big(_) => {
                return Err(self.new_exception(
                    &self.types.exc.overflow_error.clone(),
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        };
        Ok(match seq.payload() {
            Some(Payload::Str(s)) => self.new_str(&s.as_str().repeat(n)),
            Some(Payload::List(l)) => {
                let items = l.get();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                self.new_list(v)
            }
            Some(Payload::Tuple(t)) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                self.new_tuple(v)
            }
            Some(Payload::Bytes(b)) => Value::Obj(crate::object::Object::new(
                self.types.bytes.clone(),
                Payload::Bytes(b.repeat(n).into()),
            )),
            _ => Value::None,
        })
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: &Value, op: &str) -> PyResult<Value> {
        match (v, op) {
            (Value::Int(i), "-") => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => self.new_int_big(-BigInt::from(*i)),
                })
            }
            (Value::Int(i), "+") => return Ok(Value::Int(*i)),
            (Value::Int(i), "~") => return Ok(Value::Int(!i)),
            (Value::Bool(b), "-") => return Ok(Value::Int(-(*b as i64))),
            (Value::Bool(b), "+") => return Ok(Value::Int(*b as i64)),
            (Value::Bool(b), "~") => return Ok(Value::Int(!(*b as i64))),
            (Value::Float(f), "-") => return Ok(Value::float(-f.get())),
            (Value::Float(f), "+") => return Ok(Value::Float(*f)),
            _ => {}
        }
        let name = match op {
            "-" => self.names.__neg__.clone(),
            "+" => self.names.__pos__.clone(),
            _ => self.names.__invert__.clone(),
        };
        if exact_builtin(self, v) {
            if let Some(n) = as_int(v) {
                let b = n.to_big();
                return Ok(match op {
                    "-" => self.new_int_big(-b),
                    "+" => self.new_int_big(b),
                    _ => self.new_int_big(!b),
                });
            }
            if let Some(Payload::Complex(re, im)) = v.payload() {
                let (re, im) = if op == "-" { (-re, -im) } else { (*re, *im) };
                return Ok(Value::Obj(crate::object::Object::new(
                    self.types.complex.clone(),
                    Payload::Complex(re, im),
                )));
            }
        }
        match self.call_special(v, &name, &[])? {
            Some(r) => Ok(r),
            None => Err(self.type_error(&format!(
                "bad operand type for unary {op}: '{}'",
                self.type_name(v)
            ))),
        }
    }

    /// `a op b` for a rich comparison, as a value.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(r) = self.compare_native(a, b, op) {
            return Ok(Value::bool(r));
        }
        if let Some(r) = self.compare_containers(a, b, op)? {
            return Ok(Value::bool(r));
        }
        let ta = self.class_of(a).clone();
        let tb = self.class_of(b).clone();
        let name = op.dunder(self);
        let rname = op.swapped().dunder(self);
        let reflected_first = !Rc::ptr_eq(&ta, &tb) && self.is_subclass_of(&tb, &ta);
        if reflected_first {
            if let Some(r) = self.call_special(b, &rname, std::slice::from_ref(a))? {
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_special(a, &name, std::slice::from_ref(b))? {
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !reflected_first {
            if let Some(r) = self.call_special(b, &rname, std::slice::from_ref(a))? {
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            _ if super::flavour::python2_builtins(self.version) => {
                crate::builtins::py2::ordering::fallback(self, a, b, op)
            }
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(self.type_error(&format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Lists with lists and tuples with tuples (lexicographically), dicts with dicts and
    /// sets with sets (by content): the builtin containers' comparisons, which compare
    /// their items with the full protocol. `None` for anything else.
    fn compare_containers(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        let (Some(pa), Some(pb)) = (a.payload(), b.payload()) else {
            return Ok(None);
        };
        let overridden =
            |vm: &Vm, v: &Value| matches!(v, Value::Obj(o) if vm.type_data(o.class()).is_heap);
        if overridden(self, a) || overridden(self, b) {
            return Ok(None);
        }
        match (pa, pb) {
            (Payload::List(_), Payload::List(_)) | (Payload::Tuple(_), Payload::Tuple(_)) => {
                self.check_stack(" in comparison")?;
                let (x, y) = (self.collect(a)?, self.collect(b)?);
                if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
                    return Ok(Some(op == CmpOp::Ne));
                }
                for (p, q) in x.iter().zip(&y) {
                    if p.is(q) || self.eq(p, q)? {
                        continue;
                    }
                    return match op {
                        CmpOp::Eq => Ok(Some(false)),
                        CmpOp::Ne => Ok(Some(true)),
                        _ => {
                            let r = self.compare(p, q, op)?;
                            self.truthy(&r).map(Some)
                        }
                    };
                }
                Ok(Some(op.test(x.len(), y.len())))
            }
            (Payload::Dict(_), Payload::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (Value::Obj(da), Value::Obj(db)) = (a, b) else {
                    return Ok(None);
                };
                let items = self.dict_items(da);
                let same_len = items.len() == self.dict_items(db).len();
                let mut equal = same_len;
                if equal {
                    for e in items {
                        match self.dict_get(db, &e.key)? {
                            Some(v) if e.value.is(&v) || self.eq(&e.value, &v)? => {}
                            _ => {
                                equal = false;
                                break;
                            }
                        }
                    }
                }
                Ok(Some(equal == (op == CmpOp::Eq)))
            }
            (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => {
                let (Value::Obj(sa), Value::Obj(sb)) = (a, b) else {
                    return Ok(None);
                };
                let (x, y) = (self.collect(a)?, self.collect(b)?);
                let a_in_b = |vm: &mut Vm| -> PyResult<bool> {
                    for v in &x {
                        if !vm.set_contains(sb, v)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                let b_in_a = |vm: &mut Vm| -> PyResult<bool> {
                    for v in &y {
                        if !vm.set_contains(sa, v)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                Ok(Some(match op {
                    CmpOp::Eq => x.len() == y.len() && a_in_b(self)?,
                    CmpOp::Ne => !(x.len() == y.len() && a_in_b(self)?),
                    CmpOp::Le => x.len() <= y.len() && a_in_b(self)?,
                    CmpOp::Lt => x.len() < y.len() && a_in_b(self)?,
                    CmpOp::Ge => x.len() >= y.len() && b_in_a(self)?,
                    CmpOp::Gt => x.len() > y.len() && b_in_a(self)?,
                }))
            }
            _ => Ok(None),
        }
    }

    /// Comparisons the runtime decides itself (numbers, exact strs, exact sequences of
    /// such). `None` when Python code or a TypeError decides.
    fn compare_native(&self, a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Some(op.test(x, y)),
            (Value::Float(x), Value::Float(y)) => return Some(op.test(x.get(), y.get())),
            _ => {}
        }
        if !exact_builtin(self, a) || !exact_builtin(self, b) {
            return None;
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Some(match (x, y) {
                (IntRef::Small(x), IntRef::Small(y)) => op.test(x, y),
                (x, y) => op.test(x.to_big(), y.to_big()),
            });
        }
        if (is_float(a) || as_int(a).is_some()) && (is_float(b) || as_int(b).is_some()) {
            let x = crate::builtins::numeric::num_of(a)?;
            let y = crate::builtins::numeric::num_of(b)?;
            return Some(match crate::builtins::numeric::cmp_numbers(&x, &y) {
                Some(ord) => op.test(ord, std::cmp::Ordering::Equal),
                None => op == CmpOp::Ne,
            });
        }
        match (a.payload()?, b.payload()?) {
            (Payload::Str(x), Payload::Str(y)) => Some(op.test(x.bytes(), y.bytes())),
            (Payload::Bytes(x), Payload::Bytes(y)) => Some(op.test(&x[..], &y[..])),
            _ => None,
        }
    }
}

/// Python's float divmod (floor division and a remainder with the divisor's sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

impl Vm {
    /// Whether `v`'s type defines `__index__` (ints and bools included).
    fn has_index(&mut self, v: &Value) -> bool {
        if matches!(v, Value::Int(_) | Value::Bool(_)) {
            return true;
        }
        let name = self.names.__index__.clone();
        let cls = self.class_of(v).clone();
        self.lookup_in_mro(&cls, &name).is_some()
    }
}

/// A list or tuple (or an instance of a subclass), whose builtin `*` is a repeat.
fn is_list_or_tuple(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::List(_) | Payload::Tuple(_)))
}
