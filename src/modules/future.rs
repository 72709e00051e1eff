//! The `__future__` module: a `_Feature` per future statement, with each version's
//! optional and mandatory releases and compiler flags, so `from __future__ import x`
//! (compiled to an ordinary import) works.

use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::vm::{PyResult, Vm};

/// A release tuple `(major, minor, micro, level, serial)`.
type Release = (i64, i64, i64, &'static str, i64);

/// A feature's compiler flag.
#[derive(Clone, Copy)]
enum Flag {
    /// A flag that never moved.
    Fixed(i64),
    /// `CO_FUTURE_DIVISION << n` (the future flags are consecutive bits).
    AfterDivision(u32),
}

/// (name, optional, mandatory, flag) of the version's features.
fn features(v: (u8, u8)) -> Vec<(&'static str, Release, Option<Release>, Flag)> {
    use Flag::{AfterDivision as D, Fixed};
    let barry_mandatory = if v >= (3, 8) {
        (4, 0, 0, "alpha", 0)
    } else {
        (3, 9, 0, "alpha", 0)
    };
    let mut out = vec![
        (
            "nested_scopes",
            (2, 1, 0, "beta", 1),
            Some((2, 2, 0, "alpha", 0)),
            Fixed(0x10),
        ),
        (
            "generators",
            (2, 2, 0, "alpha", 1),
            Some((2, 3, 0, "final", 0)),
            Fixed(0),
        ),
        (
            "division",
            (2, 2, 0, "alpha", 2),
            Some((3, 0, 0, "alpha", 0)),
            D(0),
        ),
        (
            "absolute_import",
            (2, 5, 0, "alpha", 1),
            Some((3, 0, 0, "alpha", 0)),
            D(1),
        ),
        (
            "with_statement",
            (2, 5, 0, "alpha", 1),
            Some((2, 6, 0, "alpha", 0)),
            D(2),
        ),
        (
            "print_function",
            (2, 6, 0, "alpha", 2),
            Some((3, 0, 0, "alpha", 0)),
            D(3),
        ),
        (
            "unicode_literals",
            (2, 6, 0, "alpha", 2),
            Some((3, 0, 0, "alpha", 0)),
            D(4),
        ),
        (
            "barry_as_FLUFL",
            (3, 1, 0, "alpha", 2),
            Some(barry_mandatory),
            D(5),
        ),
        (
            "generator_stop",
            (3, 5, 0, "beta", 1),
            Some((3, 7, 0, "alpha", 0)),
            D(6),
        ),
    ];
    if v >= (3, 7) {
        let mandatory = match v {
            (3, 7) => Some((4, 0, 0, "alpha", 0)),
            (3, 8) | (3, 9) => Some((3, 10, 0, "alpha", 0)),
            (3, 10) => Some((3, 11, 0, "alpha", 0)),
            _ => None,
        };
        out.push(("annotations", (3, 7, 0, "beta", 1), mandatory, D(7)));
    }
    out
}

/// `__future__`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("__future__");
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let modname = vm.new_str("__future__");
    vm.dict_set(&ns, key, modname)?;
    let meta = vm.types.type_.clone();
    let object = vm.types.object.clone();
    let t = vm.new_class(&meta, "_Feature", vec![object], &ns, Args::positional(&[]))?;
    vm.add_method(&t, "__repr__", feature_repr, BuiltinKind::Method);
    vm.add_method(
        &t,
        "getOptionalRelease",
        |vm, a| field(vm, a, "optional"),
        BuiltinKind::Method,
    );
    vm.add_method(
        &t,
        "getMandatoryRelease",
        |vm, a| field(vm, a, "mandatory"),
        BuiltinKind::Method,
    );
    let ver = vm.version.format.major_minor;
    // CO_FUTURE_DIVISION moved four bits up in 3.8.
    let division_flag: i64 = if ver >= (3, 8) { 0x20000 } else { 0x2000 };
    let mut names = Vec::new();
    for (name, optional, mandatory, flag) in features(ver) {
        let flag = match flag {
            Flag::Fixed(f) => f,
            Flag::AfterDivision(n) => division_flag << n,
        };
        let inst = Value::Obj(Object::with_dict(t.clone(), Payload::Plain));
        let optional = release(vm, optional);
        let mandatory = match mandatory {
            Some(r) => release(vm, r),
            None => Value::None,
        };
        for (k, v) in [
            ("optional", optional),
            ("mandatory", mandatory),
            ("compiler_flag", Value::Int(flag)),
        ] {
            let key = vm.intern(k);
            vm.set_attr(&inst, &key, v)?;
        }
        vm.module_set(&m, name, inst);
        names.push(vm.new_str(name));
    }
    let names = vm.new_list(names);
    vm.module_set(&m, "all_feature_names", names);
    Ok(m)
}

fn release(vm: &Vm, r: Release) -> Value {
    let level = vm.new_str(r.3);
    vm.new_tuple(vec![
        Value::Int(r.0),
        Value::Int(r.1),
        Value::Int(r.2),
        level,
        Value::Int(r.4),
    ])
}

fn field(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let this = args.pos().first().cloned().unwrap_or(Value::None);
    let key = vm.intern(name);
    vm.get_attr(&this, &key)
}

/// `_Feature(optional, mandatory, compiler_flag)`.
fn feature_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut parts = Vec::new();
    for name in ["optional", "mandatory", "compiler_flag"] {
        let v = field(vm, Args::positional(args.pos()), name)?;
        parts.push(v);
    }
    let t = vm.new_tuple(parts);
    let r = vm.repr(&t)?;
    Ok(vm.new_str(&format!("_Feature{r}")))
}
