//! `TypeVar`, `ParamSpec` and `TypeVarTuple` (one Rust state, `TypeParam`, with a kind),
//! and `ParamSpecArgs`/`ParamSpecKwargs` (`P.args`, `P.kwargs`).
//!
//! A parameter made by the PEP 695 syntax infers its variance (its repr is its bare
//! name) and holds its bound, constraints and (3.13) default as functions, called once
//! on first access; one made by calling the class checks them at once through
//! `typing._type_check` and records the calling module as `__module__` in its dict.

use super::{add_methods, call_typing, caller_module, set_class_attr, types};
use crate::builtins::arity::{self, KwStyle};
use crate::modules::native_class::state_of;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::flavour::type_params_have_defaults;
use crate::vm::{PyResult, Vm};

/// Which of the three classes a `TypeParam` belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

impl ParamKind {
    /// The lower-case name CPython's argument errors use (`typevar()`).
    fn func_name(self) -> &'static str {
        match self {
            ParamKind::TypeVar => "typevar",
            ParamKind::ParamSpec => "paramspec",
            ParamKind::TypeVarTuple => "typevartuple",
        }
    }

    fn class_name(self) -> &'static str {
        match self {
            ParamKind::TypeVar => "TypeVar",
            ParamKind::ParamSpec => "ParamSpec",
            ParamKind::TypeVarTuple => "TypeVarTuple",
        }
    }
}

/// The state of a type parameter. Null marks "absent" (or "not yet evaluated" where an
/// evaluation function exists).
pub struct TypeParam {
    kind: ParamKind,
    name: Value,
    bound: PyCell<Value>,
    evaluate_bound: Value,
    constraints: PyCell<Value>,
    evaluate_constraints: Value,
    default: PyCell<Value>,
    evaluate_default: PyCell<Value>,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
}

/// The `P.args`/`P.kwargs` state: the ParamSpec (or whatever the constructor got).
struct ParamSpecAttr {
    origin: Value,
    kwargs: bool,
}

/// Makes the `TypeVar`, `ParamSpec` and `TypeVarTuple` classes.
pub(super) fn make_param_types(vm: &mut Vm) -> (ObjRef, ObjRef, ObjRef) {
    let typevar = make_param_type(vm, ParamKind::TypeVar);
    vm.add_getset(&typevar, "__constraints__", param_constraints, None);
    let paramspec = make_param_type(vm, ParamKind::ParamSpec);
    vm.add_getset(
        &paramspec,
        "args",
        |vm, a| paramspec_attr(vm, a, false),
        None,
    );
    vm.add_getset(
        &paramspec,
        "kwargs",
        |vm, a| paramspec_attr(vm, a, true),
        None,
    );
    let typevartuple = make_param_type(vm, ParamKind::TypeVarTuple);
    vm.add_method(
        &typevartuple,
        "__iter__",
        typevartuple_iter,
        BuiltinKind::Method,
    );
    (typevar, paramspec, typevartuple)
}

/// One of the three classes with what they share.
fn make_param_type(vm: &mut Vm, kind: ParamKind) -> ObjRef {
    let defaults = type_params_have_defaults(vm.version);
    {
        let t = vm.new_native_type(&format!("typing.{}", kind.class_name()), false);
        let common: &[(&'static str, NativeFn)] = &[
            ("__repr__", param_repr),
            ("__reduce__", |vm, a| Ok(param(vm, &a)?.name.clone())),
            ("__mro_entries__", param_mro_entries),
            ("__typing_subst__", param_typing_subst),
        ];
        add_methods(vm, &t, common, BuiltinKind::Method);
        let new: NativeFn = match kind {
            ParamKind::TypeVar => |vm, a| param_new(vm, a, ParamKind::TypeVar),
            ParamKind::ParamSpec => |vm, a| param_new(vm, a, ParamKind::ParamSpec),
            ParamKind::TypeVarTuple => |vm, a| param_new(vm, a, ParamKind::TypeVarTuple),
        };
        vm.add_method(&t, "__new__", new, BuiltinKind::StaticMethod);
        vm.add_getset(
            &t,
            "__name__",
            |vm, a| Ok(param(vm, &a)?.name.clone()),
            None,
        );
        if kind != ParamKind::TypeVarTuple {
            let or: &[(&'static str, NativeFn)] = &[
                ("__or__", |vm, a| union_with(vm, a, false)),
                ("__ror__", |vm, a| union_with(vm, a, true)),
            ];
            add_methods(vm, &t, or, BuiltinKind::Method);
            vm.add_getset(&t, "__bound__", param_bound, None);
            let flags: &[(&'static str, NativeFn)] = &[
                ("__covariant__", |vm, a| {
                    Ok(Value::bool(param(vm, &a)?.covariant))
                }),
                ("__contravariant__", |vm, a| {
                    Ok(Value::bool(param(vm, &a)?.contravariant))
                }),
                ("__infer_variance__", |vm, a| {
                    Ok(Value::bool(param(vm, &a)?.infer_variance))
                }),
            ];
            for (name, f) in flags {
                vm.add_getset(&t, name, *f, None);
            }
        }
        if kind != ParamKind::TypeVar || defaults {
            vm.add_method(
                &t,
                "__typing_prepare_subst__",
                param_prepare_subst,
                BuiltinKind::Method,
            );
        }
        if defaults {
            vm.add_getset(&t, "__default__", param_default, None);
            vm.add_method(&t, "has_default", param_has_default, BuiltinKind::Method);
        }
        t
    }
}

/// Makes `ParamSpecArgs` and `ParamSpecKwargs`.
pub(super) fn make_paramspec_attr_types(vm: &mut Vm) -> (ObjRef, ObjRef) {
    let mut make = |name: &str, new: NativeFn| {
        let t = vm.new_native_type(name, false);
        let methods: &[(&'static str, NativeFn)] = &[
            ("__repr__", attr_repr),
            ("__eq__", |vm, a| attr_eq(vm, a, false)),
            ("__ne__", |vm, a| attr_eq(vm, a, true)),
            ("__mro_entries__", attr_mro_entries),
        ];
        add_methods(vm, &t, methods, BuiltinKind::Method);
        vm.add_method(&t, "__new__", new, BuiltinKind::StaticMethod);
        vm.add_getset(
            &t,
            "__origin__",
            |vm, a| Ok(attr(vm, &a)?.origin.clone()),
            None,
        );
        set_class_attr(vm, &t, "__hash__", Value::None);
        t
    };
    let args = make("typing.ParamSpecArgs", |vm, a| attr_new(vm, a, false));
    let kwargs = make("typing.ParamSpecKwargs", |vm, a| attr_new(vm, a, true));
    (args, kwargs)
}

fn param<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a TypeParam> {
    args.values
        .first()
        .and_then(state_of::<TypeParam>)
        .ok_or_else(|| vm.type_error("descriptor requires a type parameter object"))
}

/// A new parameter object of `kind`, with `module` (if any) as its `__module__`.
fn new_param(vm: &mut Vm, state: TypeParam, module: Option<Value>) -> PyResult<Value> {
    let t = types(vm)?;
    let cls = match state.kind {
        ParamKind::TypeVar => t.typevar.clone(),
        ParamKind::ParamSpec => t.paramspec.clone(),
        ParamKind::TypeVarTuple => t.typevartuple.clone(),
    };
    let o = Object::with_dict(cls, Payload::Other(Box::new(state)));
    if let Some(m) = module {
        if let Some(dict) = vm.ensure_instance_dict(&o) {
            let key = Value::Obj(vm.names.__module__.clone());
            vm.dict_set(&dict, key, m)?;
        }
    }
    Ok(Value::Obj(o))
}

/// A parameter made by the PEP 695 syntax (INTRINSIC_TYPEVAR and friends): variance
/// inferred, bound or constraints (TypeVar) as functions evaluated on first access.
pub fn make_param(
    vm: &mut Vm,
    kind: ParamKind,
    name: Value,
    evaluate_bound: Value,
    evaluate_constraints: Value,
) -> PyResult<Value> {
    let state = TypeParam {
        kind,
        name,
        bound: PyCell::new(Value::Null),
        evaluate_bound,
        constraints: PyCell::new(Value::Null),
        evaluate_constraints,
        default: PyCell::new(Value::Null),
        evaluate_default: PyCell::new(Value::Null),
        covariant: false,
        contravariant: false,
        infer_variance: true,
    };
    new_param(vm, state, None)
}

/// INTRINSIC_SET_TYPEPARAM_DEFAULT (3.13): gives a parameter its lazy default.
pub fn set_default(vm: &mut Vm, param: Value, evaluate_default: Value) -> PyResult<Value> {
    match state_of::<TypeParam>(&param) {
        Some(p) => {
            drop(p.evaluate_default.replace(evaluate_default));
            Ok(param)
        }
        None => {
            let r = vm.repr(&param)?;
            Err(vm.type_error(&format!("Expected a type param, got {r}")))
        }
    }
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False,
/// infer_variance=False, default=NoDefault)`, `ParamSpec(name, *, bound=None, ...)`,
/// `TypeVarTuple(name, *, default=NoDefault)` (defaults 3.13+).
fn param_new(vm: &mut Vm, args: Args<'_>, kind: ParamKind) -> PyResult<Value> {
    let t = types(vm)?;
    let class = match kind {
        ParamKind::TypeVar => &t.typevar,
        ParamKind::ParamSpec => &t.paramspec,
        ParamKind::TypeVarTuple => &t.typevartuple,
    };
    match args.values.first() {
        Some(cls) if cls.is(&Value::Obj(class.clone())) => {}
        other => {
            let cn = kind.class_name();
            let got = match other {
                Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) => {
                    vm.type_data(o).name().to_string()
                }
                Some(v) => vm.type_name(v).to_string(),
                None => "nothing".to_string(),
            };
            return Err(vm.type_error(&format!(
                "typing.{cn}.__new__({got}): {got} is not a subtype of typing.{cn}"
            )));
        }
    }
    let fname = kind.func_name();
    let pos = &args.pos()[1..];
    let defaults = type_params_have_defaults(vm.version);
    let mut params: Vec<&str> = vec!["name"];
    if kind != ParamKind::TypeVarTuple {
        params.extend(["bound", "covariant", "contravariant", "infer_variance"]);
    }
    if defaults {
        params.push("default");
    }
    if kind == ParamKind::ParamSpec && pos.len() > 1 {
        return Err(vm.type_error(&format!(
            "{fname}() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let named = if kind == ParamKind::TypeVar {
        &pos[..pos.len().min(1)]
    } else {
        pos
    };
    let style = KwStyle {
        clinic: true,
        vectorcall: false,
    };
    let b = arity::bind_kw_styled(vm, fname, named, &args, &params, 1, style)?;
    let name = b[0].clone().unwrap_or(Value::None);
    if name.as_str().is_none() {
        let tn = vm.type_name(&name);
        return Err(vm.type_error(&format!("{fname}() argument 'name' must be str, not {tn}")));
    }
    let arg = |i: usize| {
        params
            .iter()
            .position(|p| *p == ["bound", "covariant", "contravariant", "infer_variance"][i])
            .and_then(|k| b[k].clone())
    };
    let mut flags = [false; 3];
    for (i, flag) in flags.iter_mut().enumerate() {
        if let Some(v) = arg(i + 1) {
            *flag = vm.truthy(&v)?;
        }
    }
    let [covariant, contravariant, infer_variance] = flags;
    if covariant && contravariant {
        return Err(vm.value_error("Bivariant types are not supported."));
    }
    if infer_variance && (covariant || contravariant) {
        return Err(vm.value_error("Variance cannot be specified with infer_variance."));
    }
    // ParamSpec(bound=None) checks None like any bound (its `__bound__` is NoneType).
    let given_bound = match arg(0) {
        None if kind == ParamKind::ParamSpec => Some(Value::None),
        b => b,
    };
    let bound = match given_bound {
        None => Value::Null,
        Some(v) if v.is_none() && kind != ParamKind::ParamSpec => Value::Null,
        Some(v) => {
            let msg = vm.new_str("Bound must be a type.");
            call_typing(vm, "_type_check", Args::positional(&[v, msg]))?
        }
    };
    let mut constraints = Value::Null;
    if kind == ParamKind::TypeVar && pos.len() > 1 {
        if pos.len() == 2 {
            return Err(vm.type_error("A single constraint is not allowed"));
        }
        if !bound.is_null() {
            return Err(vm.type_error("Constraints cannot be combined with bound=..."));
        }
        constraints = vm.new_tuple(pos[1..].to_vec());
    }
    let default = match defaults.then(|| b[params.len() - 1].clone()).flatten() {
        Some(d) if d.is(&t.no_default) => Value::Null,
        Some(d) => d,
        None => Value::Null,
    };
    let module = caller_module(vm);
    let state = TypeParam {
        kind,
        name,
        bound: PyCell::new(bound),
        evaluate_bound: Value::Null,
        constraints: PyCell::new(constraints),
        evaluate_constraints: Value::Null,
        default: PyCell::new(default),
        evaluate_default: PyCell::new(Value::Null),
        covariant,
        contravariant,
        infer_variance,
    };
    new_param(vm, state, module)
}

/// The value of a lazily evaluated attribute: the cached one, else `evaluate()` (cached),
/// else `absent`.
fn lazy(vm: &mut Vm, cache: &PyCell<Value>, evaluate: &Value, absent: Value) -> PyResult<Value> {
    let v = cache.get();
    if !v.is_null() {
        return Ok(v);
    }
    if evaluate.is_null() {
        return Ok(absent);
    }
    let v = vm.call(evaluate, Args::positional(&[]))?;
    drop(cache.replace(v.clone()));
    Ok(v)
}

fn param_bound(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    lazy(vm, &p.bound, &p.evaluate_bound, Value::None)
}

fn param_constraints(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    let empty = vm.new_tuple(vec![]);
    lazy(vm, &p.constraints, &p.evaluate_constraints, empty)
}

fn param_default(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    let no_default = types(vm)?.no_default.clone();
    let evaluate = p.evaluate_default.get();
    lazy(vm, &p.default, &evaluate, no_default)
}

fn param_has_default(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    Ok(Value::bool(
        !p.evaluate_default.get().is_null() || !p.default.get().is_null(),
    ))
}

/// `~T`, `+T`, `-T`, or the bare name (inferred variance, and every TypeVarTuple).
fn param_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    let name = p
        .name
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    if p.infer_variance || p.kind == ParamKind::TypeVarTuple {
        return Ok(p.name.clone());
    }
    let variance = if p.covariant {
        '+'
    } else if p.contravariant {
        '-'
    } else {
        '~'
    };
    Ok(vm.new_str(&format!("{variance}{name}")))
}

fn param_mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    Err(vm.type_error(&format!(
        "Cannot subclass an instance of {}",
        p.kind.class_name()
    )))
}

/// `__typing_subst__(arg)`: TypeVar and ParamSpec check the argument in `typing.py`; a
/// bare TypeVarTuple cannot be substituted.
fn param_typing_subst(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    let [this, arg] = args.pos() else {
        return Err(vm.type_error("__typing_subst__() takes exactly one argument"));
    };
    let f = match p.kind {
        ParamKind::TypeVar => "_typevar_subst",
        ParamKind::ParamSpec => "_paramspec_subst",
        ParamKind::TypeVarTuple => {
            return Err(vm.type_error("Substitution of bare TypeVarTuple is not supported"))
        }
    };
    call_typing(vm, f, Args::positional(&[this.clone(), arg.clone()]))
}

/// `__typing_prepare_subst__(alias, args)`: ParamSpec and TypeVarTuple ask `typing.py`;
/// a TypeVar (3.13) fills in its default when it is the first missing argument.
fn param_prepare_subst(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = param(vm, &args)?;
    let [this, alias, targs] = args.pos() else {
        return Err(vm.type_error("__typing_prepare_subst__ expected 2 arguments"));
    };
    let f = match p.kind {
        ParamKind::ParamSpec => "_paramspec_prepare_subst",
        ParamKind::TypeVarTuple => "_typevartuple_prepare_subst",
        ParamKind::TypeVar => return typevar_prepare_subst(vm, p, this, alias, targs),
    };
    let call = [this.clone(), alias.clone(), targs.clone()];
    call_typing(vm, f, Args::positional(&call))
}

fn typevar_prepare_subst(
    vm: &mut Vm,
    p: &TypeParam,
    this: &Value,
    alias: &Value,
    targs: &Value,
) -> PyResult<Value> {
    let pn = vm.intern("__parameters__");
    let params = vm.get_attr(alias, &pn)?;
    let params = vm.collect(&params)?;
    let mut index = None;
    for (i, q) in params.iter().enumerate() {
        if q.is(this) || vm.eq(q, this)? {
            index = Some(i);
            break;
        }
    }
    let Some(i) = index else {
        return Err(vm.value_error("sequence.index(x): x not in sequence"));
    };
    let given = vm.collect(targs)?;
    if i < given.len() {
        return Ok(targs.clone());
    }
    if i == given.len() {
        let no_default = types(vm)?.no_default.clone();
        let evaluate = p.evaluate_default.get();
        let d = lazy(vm, &p.default, &evaluate, no_default.clone())?;
        if !d.is(&no_default) {
            let extra = vm.new_tuple(vec![d]);
            return vm.binary_op(targs, &extra, crate::vm::ops::BinOp::Add, false);
        }
    }
    let r = vm.repr(alias)?;
    Err(vm.type_error(&format!(
        "Too few arguments for {r}; actual {}, expected at least {}",
        given.len(),
        i + 1
    )))
}

/// `T | other` and `other | T`: `typing.Union` through `typing._make_union`.
fn union_with(vm: &mut Vm, args: Args<'_>, reflected: bool) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let pair = if reflected {
        [b.clone(), a.clone()]
    } else {
        [a.clone(), b.clone()]
    };
    call_typing(vm, "_make_union", Args::positional(&pair))
}

/// `iter(Ts)`: one item, `typing.Unpack[Ts]` (what `*Ts` unpacks to).
fn typevartuple_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.values.first().cloned().unwrap_or(Value::None);
    let unpacked = unpack(vm, &this)?;
    let t = vm.new_tuple(vec![unpacked]);
    vm.get_iter(&t)
}

/// `typing.Unpack[v]`.
pub(super) fn unpack(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let typing = vm.import_absolute("typing")?;
    let n = vm.intern("Unpack");
    let u = vm.get_attr(&typing, &n)?;
    vm.getitem(&u, v)
}

/// Whether `v` is a TypeVarTuple.
pub(super) fn is_typevartuple(v: &Value) -> bool {
    state_of::<TypeParam>(v).is_some_and(|p| p.kind == ParamKind::TypeVarTuple)
}

fn paramspec_attr(vm: &mut Vm, args: Args<'_>, kwargs: bool) -> PyResult<Value> {
    param(vm, &args)?;
    let origin = args.values[0].clone();
    new_attr(vm, origin, kwargs)
}

fn new_attr(vm: &mut Vm, origin: Value, kwargs: bool) -> PyResult<Value> {
    let t = types(vm)?;
    let cls = if kwargs {
        t.paramspec_kwargs.clone()
    } else {
        t.paramspec_args.clone()
    };
    let state = ParamSpecAttr { origin, kwargs };
    Ok(Value::Obj(Object::new(
        cls,
        Payload::Other(Box::new(state)),
    )))
}

fn attr<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a ParamSpecAttr> {
    args.values
        .first()
        .and_then(state_of::<ParamSpecAttr>)
        .ok_or_else(|| vm.type_error("descriptor requires a ParamSpecArgs object"))
}

/// `ParamSpecArgs(origin)` / `ParamSpecKwargs(origin)`.
fn attr_new(vm: &mut Vm, args: Args<'_>, kwargs: bool) -> PyResult<Value> {
    let fname = if kwargs {
        "ParamSpecKwargs"
    } else {
        "ParamSpecArgs"
    };
    let b = arity::bind_kw(vm, fname, &args.pos()[1..], &args, &["origin"], 1)?;
    new_attr(vm, b[0].clone().unwrap_or(Value::None), kwargs)
}

/// `P.args` / `P.kwargs` (the origin's repr when it is not a ParamSpec).
fn attr_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = attr(vm, &args)?;
    let suffix = if a.kwargs { "kwargs" } else { "args" };
    let origin = match state_of::<TypeParam>(&a.origin) {
        Some(p) if p.kind == ParamKind::ParamSpec => p
            .name
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        _ => vm.repr(&a.origin.clone())?,
    };
    Ok(vm.new_str(&format!("{origin}.{suffix}")))
}

/// Equal when of the same class with equal origins.
fn attr_eq(vm: &mut Vm, args: Args<'_>, negate: bool) -> PyResult<Value> {
    let a = attr(vm, &args)?;
    let other = args.values.get(1).and_then(state_of::<ParamSpecAttr>);
    match other {
        Some(b) if b.kwargs == a.kwargs => {
            let eq = vm.eq(&a.origin.clone(), &b.origin.clone())?;
            Ok(Value::bool(eq != negate))
        }
        _ => Ok(vm.singletons.not_implemented.clone()),
    }
}

fn attr_mro_entries(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = attr(vm, &args)?;
    let name = if a.kwargs {
        "ParamSpecKwargs"
    } else {
        "ParamSpecArgs"
    };
    Err(vm.type_error(&format!("Cannot subclass an instance of {name}")))
}
