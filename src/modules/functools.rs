//! `_functools`: `reduce` (which `functools.py` takes from here in every version; its
//! `partial`, `cmp_to_key` and `lru_cache` have pure-Python versions there, used when
//! this module does not provide them), and for 2.x, whose `functools.py` has no such
//! fallback, `partial`.

use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

/// `_functools`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(vm, "_functools", &[("reduce", reduce)]);
    // 3.x's functools.py has a Python `partial` to fall back on; 2.x's has not.
    if crate::vm::flavour::python2_builtins(vm.version) {
        let partial = partial_class(vm)?;
        vm.module_set(&m, "partial", Value::Obj(partial));
    }
    Ok(m)
}

/// A `partial` object's state: the function and the arguments it is called with first.
struct Partial {
    func: Value,
    args: Value,
    keywords: Value,
}

/// The class `functools.partial` (instances have a `__dict__`, as in CPython).
fn partial_class(vm: &mut Vm) -> PyResult<ObjRef> {
    let methods: &[super::native_class::Method] = &[
        ("__new__", partial_new, BuiltinKind::StaticMethod),
        ("__call__", partial_call, BuiltinKind::Method),
    ];
    let t =
        super::native_class::new_class_with_dict(vm, "functools", "partial", Vec::new(), methods)?;
    vm.add_getset(
        &t,
        "func",
        |vm, a| Ok(partial_of(vm, &a)?.func.clone()),
        None,
    );
    vm.add_getset(
        &t,
        "args",
        |vm, a| Ok(partial_of(vm, &a)?.args.clone()),
        None,
    );
    vm.add_getset(
        &t,
        "keywords",
        |vm, a| Ok(partial_of(vm, &a)?.keywords.clone()),
        None,
    );
    Ok(t)
}

fn partial_of<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Partial> {
    super::native_class::this::<Partial>(vm, a, "__call__", "functools.partial")
}

/// `partial.__new__(cls, func, *args, **keywords)`.
fn partial_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let (Some(cls), Some(func)) = (pos.first(), pos.get(1)) else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    let Some(cls) = cls
        .as_obj()
        .filter(|c| matches!(c.payload, Payload::Type(_)))
    else {
        return Err(vm.type_error("partial.__new__(X): X is not a type object"));
    };
    if !crate::builtins::objects::is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let bound = vm.new_tuple(pos[2..].to_vec());
    let keywords = vm.new_dict();
    for (k, v) in args.kw() {
        vm.dict_set(&keywords, k.clone(), v.clone())?;
    }
    let state = Partial {
        func: func.clone(),
        args: bound,
        keywords: Value::Obj(keywords),
    };
    let cls = cls.clone();
    Ok(Value::Obj(super::native_class::new_instance(
        vm, &cls, state,
    )))
}

/// `p(*args, **keywords)`: the function called with the stored arguments first and the
/// stored keywords updated by the given ones.
fn partial_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = partial_of(vm, &args)?;
    let func = p.func.clone();
    let mut values: Vec<Value> = match p.args.payload() {
        Some(Payload::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    values.extend_from_slice(args.pos().get(1..).unwrap_or(&[]));
    let mut names: Vec<Value> = Vec::new();
    let mut kw_values: Vec<Value> = Vec::new();
    if let Value::Obj(stored) = &p.keywords {
        for e in vm.dict_items(stored) {
            names.push(e.key);
            kw_values.push(e.value);
        }
    }
    for (k, v) in args.kw() {
        let same = |n: &Value| {
            n.as_str()
                .zip(k.as_str())
                .is_some_and(|(a, b)| a.as_str() == b.as_str())
        };
        match names.iter().position(same) {
            Some(i) => kw_values[i] = v.clone(),
            None => {
                names.push(k.clone());
                kw_values.push(v.clone());
            }
        }
    }
    values.extend(kw_values);
    vm.call(
        &func,
        Args {
            values: &values,
            kwnames: &names,
        },
    )
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("reduce() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.len() < 2 || pos.len() > 3 {
        return Err(vm.type_error(&format!(
            "reduce expected at least 2 arguments, got {}",
            pos.len()
        )));
    }
    let it = match vm.get_iter(&pos[1]) {
        Ok(it) => it,
        Err(e) => {
            if vm.is_instance_of_class(&e.0, &vm.types.exc.type_error.clone()) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = pos.get(2).cloned();
    while let Some(v) = vm.next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(a) => vm.call(&pos[0], Args::positional(&[a, v]))?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}
