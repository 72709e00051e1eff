//! `bool`: the constructor (truth testing), its repr, and the bitwise operators that keep
//! two bools a bool (`True & False` is `False`, `True & 1` is the int `1`).

use crate::object::Truth;
use crate::object::{Args, BuiltinKind, Value};
use crate::vm::ops::{as_int, BinOp};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.bool_.clone();
    let m = BuiltinKind::Method;
    vm.add_method(&t, "__new__", bool_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "__repr__", bool_repr, m);
    vm.add_method(&t, "__and__", bool_and, m);
    vm.add_method(&t, "__rand__", bool_and, m);
    vm.add_method(&t, "__or__", bool_or, m);
    vm.add_method(&t, "__ror__", bool_or, m);
    vm.add_method(&t, "__xor__", bool_xor, m);
    vm.add_method(&t, "__rxor__", bool_xor, m);
}

fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    if super::numeric::ver(vm) < (3, 7) {
        // 3.6 parsed `bool(x=...)` with a keyword.
        let b = super::str::Clinic {
            name: "bool",
            params: &["x"],
            required: 0,
            positional_only: 0,
        }
        .bind(vm, rest)?;
        return match &b[0] {
            None => Ok(Value::Bool(Truth::False)),
            Some(v) => Ok(Value::bool(vm.truthy(v)?)),
        };
    }
    if !rest.kwnames.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    let n = rest.pos().len();
    if n > 1 {
        return Err(super::str::count_error(vm, "bool", 0, 1, n, (3, 7)));
    }
    match rest.pos().first() {
        None => Ok(Value::Bool(Truth::False)),
        Some(v) => Ok(Value::bool(vm.truthy(v)?)),
    }
}

fn self_bool(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<bool> {
    match args.values.first() {
        Some(Value::Bool(b)) => Ok(b.get()),
        Some(v) => Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'bool' object but received a '{}'",
            vm.type_name(v)
        ))),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'bool' object needs an argument"
        ))),
    }
}

fn bool_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = self_bool(vm, &args, "__repr__")?;
    Ok(vm.new_str(if b { "True" } else { "False" }))
}

fn bool_bitop(vm: &mut Vm, args: Args<'_>, name: &str, op: BinOp) -> PyResult<Value> {
    let a = self_bool(vm, &args, name)?;
    let Some(other) = args.values.get(1) else {
        return Err(super::str::slot_arity_error(vm, 1, 0));
    };
    if let Value::Bool(b) = other {
        let b = b.get();
        return Ok(Value::bool(match op {
            BinOp::And => a & b,
            BinOp::Or => a | b,
            _ => a ^ b,
        }));
    }
    let Some(y) = as_int(other) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let x = crate::vm::ops::IntRef::Small(a as i64);
    Ok(super::int::int_binop(vm, op, &x, &y)?
        .unwrap_or_else(|| vm.singletons.not_implemented.clone()))
}

fn bool_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_bitop(vm, args, "__and__", BinOp::And)
}

fn bool_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_bitop(vm, args, "__or__", BinOp::Or)
}

fn bool_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_bitop(vm, args, "__xor__", BinOp::Xor)
}
