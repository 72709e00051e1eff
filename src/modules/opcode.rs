//! The native `_opcode` module, answered from the spec of the running bytecode version:
//! `stack_effect` (the spec's stack-effect formulas; 3.8+ can ask for the jump or the
//! fall-through edge) and, in 3.13, the opcode classifications `opcode.py` builds its
//! `hasarg`/`hasconst`/... lists from, the intrinsic and binary-operator names.
//!
//! CPython's pseudo-instructions (numbers from 256, 3.12+) are not in the spec: they
//! are not in `.pyc` files, and `stack_effect` calls them invalid here.

use crate::builtins::arity;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Value};
use crate::spec::{ArgKind, OpInfo};
use crate::vm::{PyResult, Vm};

/// 3.13's classifications of an opcode by its spec entry.
fn has_arg(op: &OpInfo) -> bool {
    op.arg != ArgKind::None
}

fn has_const(op: &OpInfo) -> bool {
    op.arg == ArgKind::Const
}

fn has_name(op: &OpInfo) -> bool {
    matches!(
        op.arg,
        ArgKind::Name | ArgKind::Global | ArgKind::Attr | ArgKind::SuperAttr
    )
}

fn has_jump(op: &OpInfo) -> bool {
    op.arg.is_jump()
}

fn has_free(op: &OpInfo) -> bool {
    op.arg == ArgKind::Free
}

fn has_local(op: &OpInfo) -> bool {
    matches!(op.arg, ArgKind::Local | ArgKind::LocalPair)
}

/// Only pseudo-instructions (SETUP_FINALLY and friends), which are not in the spec,
/// handle exceptions.
fn has_exc(_: &OpInfo) -> bool {
    false
}

/// `_opcode`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_opcode");
    let f = vm.new_builtin("stack_effect", stack_effect, BuiltinKind::Function, None);
    vm.module_set(&m, "stack_effect", f);
    if crate::vm::flavour::opcode_module_has_specialization_stats(vm.version) {
        let f = vm.new_builtin(
            "get_specialization_stats",
            |_, _| Ok(Value::None),
            BuiltinKind::Function,
            None,
        );
        vm.module_set(&m, "get_specialization_stats", f);
    }
    if crate::vm::flavour::opcode_module_describes_opcodes(vm.version) {
        let functions: &[(&'static str, NativeFn)] = &[
            ("is_valid", |vm, a| classify(vm, a, "is_valid", |_| true)),
            ("has_arg", |vm, a| classify(vm, a, "has_arg", has_arg)),
            ("has_const", |vm, a| classify(vm, a, "has_const", has_const)),
            ("has_name", |vm, a| classify(vm, a, "has_name", has_name)),
            ("has_jump", |vm, a| classify(vm, a, "has_jump", has_jump)),
            ("has_free", |vm, a| classify(vm, a, "has_free", has_free)),
            ("has_local", |vm, a| classify(vm, a, "has_local", has_local)),
            ("has_exc", |vm, a| classify(vm, a, "has_exc", has_exc)),
            ("get_intrinsic1_descs", |vm, _| {
                Ok(names(vm, vm.version.intrinsics_1))
            }),
            ("get_intrinsic2_descs", |vm, _| {
                Ok(names(vm, vm.version.intrinsics_2))
            }),
            ("get_nb_ops", get_nb_ops),
            ("get_executor", get_executor),
        ];
        for (name, f) in functions {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
        // Whether the interpreter specializes: CPython's default build does, and code
        // that reads this (dis) should see the same value.
        vm.module_set(&m, "ENABLE_SPECIALIZATION", Value::Int(1));
    }
    Ok(m)
}

/// The spec entry of an opcode number CPython's `stack_effect` knows.
fn valid_op(vm: &Vm, n: i64) -> Option<&'static OpInfo> {
    let n = u8::try_from(n).ok()?;
    vm.version
        .op(n)
        .filter(|op| !vm.version.stack_effect_rejects.contains(&op.name))
}

fn names(vm: &Vm, list: &[&str]) -> Value {
    let items = list.iter().map(|n| vm.new_str(n)).collect();
    vm.new_list(items)
}

fn classify(vm: &mut Vm, args: Args<'_>, name: &str, test: fn(&OpInfo) -> bool) -> PyResult<Value> {
    let b = arity::bind_kw(vm, name, args.pos(), &args, &["opcode"], 1)?;
    let n = arity::index_arg(vm, &b[0].clone().unwrap_or(Value::None))?;
    Ok(Value::bool(valid_op(vm, n).is_some_and(test)))
}

fn get_nb_ops(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let items = vm
        .version
        .binary_ops
        .iter()
        .map(|(name, symbol)| vm.new_tuple(vec![vm.new_str(name), vm.new_str(symbol)]))
        .collect();
    Ok(vm.new_list(items))
}

fn get_executor(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_exception(
        &vm.types.exc.runtime_error.clone(),
        "Executors are not available in this build",
    ))
}

fn stack_effect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let takes_jump = crate::vm::flavour::stack_effect_takes_jump(vm.version);
    let pos = args.pos();
    let ver = vm.version.format.major_minor;
    if pos.len() > 2 || pos.is_empty() {
        let (qual, n) = if pos.is_empty() {
            ("at least", 1)
        } else {
            ("at most", 2)
        };
        let msg = crate::vm::messages::takes_positional(ver, "stack_effect", qual, n, pos.len());
        return Err(vm.type_error(&msg));
    }
    let mut jump = Value::None;
    for (k, v) in args.kw() {
        match k.as_str().map(|s| s.as_str()) {
            Some("jump") if takes_jump => jump = v.clone(),
            _ if !takes_jump => {
                return Err(vm.type_error("stack_effect() takes no keyword arguments"))
            }
            _ => {
                let msg =
                    crate::vm::messages::invalid_keyword(ver, "stack_effect", &arity::kw_name(k));
                return Err(vm.type_error(&msg));
            }
        }
    }
    let n = int_arg(vm, &pos[0])?;
    let oparg = match pos.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    // Up to 3.12 the oparg must be given exactly for the opcodes at or above
    // HAVE_ARGUMENT, checked before the opcode itself.
    if crate::vm::flavour::stack_effect_checks_oparg(vm.version) {
        match (n >= vm.version.have_argument as i64, oparg) {
            (true, None) => {
                return Err(vm.value_error(
                    "stack_effect: opcode requires oparg but oparg was not specified",
                ))
            }
            (false, Some(_)) => {
                return Err(vm.value_error(
                    "stack_effect: opcode does not permit oparg but oparg was specified",
                ))
            }
            _ => {}
        }
    }
    let Some(op) = valid_op(vm, n) else {
        return Err(vm.value_error("invalid opcode or oparg"));
    };
    let oparg = oparg.unwrap_or(0);
    let fall_through = (op.stack)(oparg);
    let taken = (op.stack_jump)(oparg);
    let effect = match jump {
        Value::None => fall_through.max(taken),
        ref j => {
            if vm.truthy(j)? {
                taken
            } else {
                fall_through
            }
        }
    };
    Ok(Value::Int(effect))
}

/// A C `int` argument, with the version's wording for a float or a str.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let is_float = matches!(v, Value::Float(_));
    if is_float || v.as_str().is_some() {
        let ver = vm.version.format.major_minor;
        let msg = crate::vm::messages::int_arg_required(ver, &vm.type_name(v), is_float);
        return Err(vm.type_error(&msg));
    }
    arity::index_arg(vm, v)
}
