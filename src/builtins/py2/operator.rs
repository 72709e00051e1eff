//! Python 2's `operator` module, which 2.7 builds in C (its Lib has no `operator.py`):
//! the operator functions, `itemgetter`, `attrgetter` and `methodcaller` (callables that
//! carry their arguments as a bound first argument).

use crate::object::{Args, Builtin, BuiltinKind, NativeFn, ObjRef, Object, Payload, Value};
use crate::vm::ops::{BinOp, CmpOp};
use crate::vm::{PyResult, Vm};

fn two<'a>(vm: &Vm, args: &'a Args<'_>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    match args.pos() {
        [a, b] => Ok((a, b)),
        p => Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", p.len()))),
    }
}

fn one<'a>(vm: &Vm, args: &'a Args<'_>, name: &str) -> PyResult<&'a Value> {
    match args.pos() {
        [a] => Ok(a),
        p => Err(vm.type_error(&format!("{name} expected 1 arguments, got {}", p.len()))),
    }
}

macro_rules! binary {
    ($name:ident, $op:expr, $inplace:expr) => {
        fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let (a, b) = two(vm, &args, stringify!($name))?;
            vm.binary_op(a, b, $op, $inplace)
        }
    };
}
macro_rules! compare {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let (a, b) = two(vm, &args, stringify!($name))?;
            vm.compare(a, b, $op)
        }
    };
}
macro_rules! unary {
    ($name:ident, $sym:expr) => {
        fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let a = one(vm, &args, stringify!($name))?;
            vm.unary_op(a, $sym)
        }
    };
}

binary!(add, BinOp::Add, false);
binary!(sub, BinOp::Sub, false);
binary!(mul, BinOp::Mul, false);
binary!(div, BinOp::Div, false);
binary!(truediv, BinOp::TrueDiv, false);
binary!(floordiv, BinOp::FloorDiv, false);
binary!(mod_, BinOp::Mod, false);
binary!(pow, BinOp::Pow, false);
binary!(lshift, BinOp::LShift, false);
binary!(rshift, BinOp::RShift, false);
binary!(and_, BinOp::And, false);
binary!(or_, BinOp::Or, false);
binary!(xor, BinOp::Xor, false);
binary!(iadd, BinOp::Add, true);
binary!(isub, BinOp::Sub, true);
binary!(imul, BinOp::Mul, true);
compare!(lt, CmpOp::Lt);
compare!(le, CmpOp::Le);
compare!(eq, CmpOp::Eq);
compare!(ne, CmpOp::Ne);
compare!(gt, CmpOp::Gt);
compare!(ge, CmpOp::Ge);
unary!(neg, "-");
unary!(pos, "+");
unary!(invert, "~");

fn not_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = one(vm, &args, "not_")?;
    Ok(Value::bool(!vm.truthy(a)?))
}

fn truth(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = one(vm, &args, "truth")?;
    Ok(Value::bool(vm.truthy(a)?))
}

fn abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = one(vm, &args, "abs")?.clone();
    let name = vm.intern("__abs__");
    vm.call_method(&a, &name, &[])
}

fn is_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_")?;
    Ok(Value::bool(a.is(b)))
}

fn is_not(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_not")?;
    Ok(Value::bool(!a.is(b)))
}

fn contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "contains")?;
    Ok(Value::bool(vm.contains(a, b)?))
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "getitem")?;
    vm.getitem(a, b)
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [a, b, c] = args.pos() else {
        return Err(vm.type_error("setitem expected 3 arguments"));
    };
    vm.setitem(a, b.clone(), c.clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "delitem")?;
    vm.delitem(a, b)?;
    Ok(Value::None)
}

/// A callable carrying `state` as its bound first argument.
fn carrying(vm: &Vm, name: &'static str, func: NativeFn, state: Value) -> Value {
    let class =
        crate::builtins::extra_types::builtin_class(vm, name, BuiltinKind::Function, None, false);
    Value::Obj(Object::new(
        class,
        Payload::Builtin(Box::new(Builtin {
            name,
            func,
            kind: BuiltinKind::Function,
            owner: None,
            bound: state,
            doc: None,
        })),
    ))
}

fn itemgetter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().is_empty() {
        return Err(vm.type_error("itemgetter expected 1 arguments, got 0"));
    }
    let keys = vm.new_tuple(args.pos().to_vec());
    Ok(carrying(vm, "itemgetter", itemgetter_call, keys))
}

fn itemgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [keys, obj] = args.pos() else {
        return Err(vm.type_error("itemgetter expected 1 arguments"));
    };
    let keys = vm.collect(keys)?;
    if keys.len() == 1 {
        return vm.getitem(obj, &keys[0]);
    }
    let mut out = Vec::with_capacity(keys.len());
    for k in &keys {
        out.push(vm.getitem(obj, k)?);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().is_empty() {
        return Err(vm.type_error("attrgetter expected 1 arguments, got 0"));
    }
    let names = vm.new_tuple(args.pos().to_vec());
    Ok(carrying(vm, "attrgetter", attrgetter_call, names))
}

fn dotted(vm: &mut Vm, obj: &Value, path: &Value) -> PyResult<Value> {
    let path = vm.str(path)?;
    let mut v = obj.clone();
    for part in path.split('.') {
        let name = vm.intern(part);
        v = vm.get_attr(&v, &name)?;
    }
    Ok(v)
}

fn attrgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [names, obj] = args.pos() else {
        return Err(vm.type_error("attrgetter expected 1 arguments"));
    };
    let names = vm.collect(names)?;
    if names.len() == 1 {
        return dotted(vm, obj, &names[0]);
    }
    let mut out = Vec::with_capacity(names.len());
    for n in &names {
        out.push(dotted(vm, obj, n)?);
    }
    Ok(vm.new_tuple(out))
}

fn methodcaller(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(name) = args.pos().first().cloned() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    let rest = vm.new_tuple(args.pos()[1..].to_vec());
    let state = vm.new_tuple(vec![name, rest]);
    Ok(carrying(vm, "methodcaller", methodcaller_call, state))
}

fn methodcaller_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [state, obj] = args.pos() else {
        return Err(vm.type_error("methodcaller expected 1 arguments"));
    };
    let parts = vm.collect(state)?;
    let (Some(name), Some(rest)) = (parts.first(), parts.get(1)) else {
        return Err(vm.system_error("bad methodcaller"));
    };
    let rest = vm.collect(rest)?;
    let name = vm.str(name)?;
    let name = vm.intern(&name);
    vm.call_method(obj, &name, &rest)
}

/// The `operator` module.
pub fn module(vm: &mut Vm) -> ObjRef {
    let functions: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("sub", sub),
        ("mul", mul),
        ("div", div),
        ("truediv", truediv),
        ("floordiv", floordiv),
        ("mod", mod_),
        ("pow", pow),
        ("lshift", lshift),
        ("rshift", rshift),
        ("and_", and_),
        ("or_", or_),
        ("xor", xor),
        ("iadd", iadd),
        ("isub", isub),
        ("imul", imul),
        ("lt", lt),
        ("le", le),
        ("eq", eq),
        ("ne", ne),
        ("gt", gt),
        ("ge", ge),
        ("neg", neg),
        ("pos", pos),
        ("invert", invert),
        ("inv", invert),
        ("not_", not_),
        ("truth", truth),
        ("abs", abs),
        ("is_", is_),
        ("is_not", is_not),
        ("contains", contains),
        ("getitem", getitem),
        ("setitem", setitem),
        ("delitem", delitem),
        ("concat", add),
        ("itemgetter", itemgetter),
        ("attrgetter", attrgetter),
        ("methodcaller", methodcaller),
    ];
    let m = crate::modules::native_class::module_with(vm, "operator", functions);
    for (name, _) in functions {
        let dunder = format!("__{}__", name.trim_end_matches('_'));
        if let Payload::Module(ns) = &m.payload {
            let key = vm.intern(name);
            if let Some(v) = vm.dict_get_name(&ns.clone(), &key) {
                vm.module_set(&m, &dunder, v);
            }
        }
    }
    m
}
