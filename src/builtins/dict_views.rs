//! The dict views (`dict_keys`, `dict_values`, `dict_items`): live, sized, iterable
//! (and reversible from 3.8), with membership; keys and items views also behave as sets
//! (`& | - ^`, comparisons, `isdisjoint`). Also `mappingproxy`, the read-only view of a
//! class's namespace that `type.__dict__` and `vars(cls)` return.

use super::arity::{self, ver};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::vm::iter::{DictIterKind, IterState};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    pub fn method(self) -> &'static str {
        match self {
            ViewKind::Keys => "keys",
            ViewKind::Values => "values",
            ViewKind::Items => "items",
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }

    fn iter_kind(self) -> DictIterKind {
        match self {
            ViewKind::Keys => DictIterKind::Keys,
            ViewKind::Values => DictIterKind::Values,
            ViewKind::Items => DictIterKind::Items,
        }
    }
}

/// The state of a view: the dict it looks at.
pub struct DictView {
    pub dict: ObjRef,
    pub kind: ViewKind,
}

/// The state of a `mappingproxy`: the mapping it wraps.
pub struct MappingProxy {
    pub mapping: Value,
}

pub fn new_view(vm: &Vm, dict: ObjRef, kind: ViewKind) -> Value {
    let x = &vm.types.extra;
    let class = match kind {
        ViewKind::Keys => &x.dict_keys,
        ViewKind::Values => &x.dict_values,
        ViewKind::Items => &x.dict_items,
    };
    Value::Obj(Object::new(
        class.clone(),
        Payload::Other(Box::new(DictView { dict, kind })),
    ))
}

/// The view state of a value, if it is a dict view.
pub fn view_of(v: &Value) -> Option<&DictView> {
    match v.payload() {
        Some(Payload::Other(b)) => b.downcast_ref::<DictView>(),
        _ => None,
    }
}

/// Whether `v` is a keys or items view (the set-like ones).
fn is_set_view(v: &Value) -> bool {
    view_of(v).is_some_and(|d| d.kind != ViewKind::Values)
}

/// A mappingproxy over `mapping`.
pub fn new_mappingproxy(vm: &Vm, mapping: Value) -> Value {
    Value::Obj(Object::new(
        vm.types.extra.mappingproxy.clone(),
        Payload::Other(Box::new(MappingProxy { mapping })),
    ))
}

fn proxy_of(v: &Value) -> Option<&MappingProxy> {
    match v.payload() {
        Some(Payload::Other(b)) => b.downcast_ref::<MappingProxy>(),
        _ => None,
    }
}

pub fn init(vm: &mut Vm) {
    let x = &vm.types.extra;
    let (keys, values, items) = (
        x.dict_keys.clone(),
        x.dict_values.clone(),
        x.dict_items.clone(),
    );
    let v = ver(vm);
    for t in [&keys, &values, &items] {
        vm.add_method(t, "__len__", view_len, BuiltinKind::Method);
        vm.add_method(t, "__iter__", view_iter, BuiltinKind::Method);
        vm.add_method(t, "__repr__", view_repr, BuiltinKind::Method);
        if v >= (3, 8) {
            vm.add_method(t, "__reversed__", view_reversed, BuiltinKind::Method);
        }
        if v >= (3, 10) {
            vm.add_getset(t, "mapping", view_mapping, None);
        }
    }
    let set_like: &[(&'static str, crate::object::NativeFn)] = &[
        ("__contains__", view_contains),
        ("isdisjoint", view_isdisjoint),
        ("__and__", |vm, a| view_binop(vm, a, '&', false)),
        ("__or__", |vm, a| view_binop(vm, a, '|', false)),
        ("__sub__", |vm, a| view_binop(vm, a, '-', false)),
        ("__xor__", |vm, a| view_binop(vm, a, '^', false)),
        ("__rand__", |vm, a| view_binop(vm, a, '&', true)),
        ("__ror__", |vm, a| view_binop(vm, a, '|', true)),
        ("__rsub__", |vm, a| view_binop(vm, a, '-', true)),
        ("__rxor__", |vm, a| view_binop(vm, a, '^', true)),
        ("__eq__", |vm, a| view_cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| view_cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| view_cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| view_cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| view_cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| view_cmp(vm, a, CmpOp::Ge)),
    ];
    for t in [&keys, &items] {
        for (name, f) in set_like {
            vm.add_method(t, name, *f, BuiltinKind::Method);
        }
        super::sequence::set_unhashable(vm, t);
    }
    let proxy = vm.types.extra.mappingproxy.clone();
    let proxy_methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__getitem__", proxy_getitem),
        ("get", proxy_get),
        ("keys", |vm, a| proxy_forward(vm, a, "keys")),
        ("values", |vm, a| proxy_forward(vm, a, "values")),
        ("items", |vm, a| proxy_forward(vm, a, "items")),
        ("copy", |vm, a| proxy_forward(vm, a, "copy")),
        ("__iter__", proxy_iter),
        ("__len__", proxy_len),
        ("__contains__", proxy_contains),
        ("__repr__", proxy_repr),
        ("__str__", proxy_str),
        ("__eq__", proxy_eq),
    ];
    for (name, f) in proxy_methods {
        vm.add_method(&proxy, name, *f, BuiltinKind::Method);
    }
    vm.add_method(&proxy, "__new__", proxy_new, BuiltinKind::StaticMethod);
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a DictView)> {
    let Some(v) = args.pos().first() else {
        return Err(vm.type_error(&format!("descriptor '{name}' needs an argument")));
    };
    match view_of(v) {
        Some(d) => Ok((v, d)),
        None => Err(arity::descriptor_mismatch(vm, name, "dict_keys", v)),
    }
}

fn dict_len(d: &ObjRef) -> usize {
    match &d.payload {
        Payload::Dict(t) => t.with(|t| t.len()),
        _ => 0,
    }
}

fn view_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__len__")?;
    Ok(Value::Int(dict_len(&d.dict) as i64))
}

fn view_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__iter__")?;
    let len = dict_len(&d.dict);
    Ok(vm.new_iter(IterState::Dict {
        dict: d.dict.clone(),
        pos: 0,
        len,
        left: len,
        kind: d.kind.iter_kind(),
    }))
}

fn view_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__reversed__")?;
    Ok(super::iterators::dict_reverse_iter(
        vm,
        d.dict.clone(),
        d.kind.iter_kind(),
    ))
}

fn view_mapping(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "mapping")?;
    Ok(new_mappingproxy(vm, Value::Obj(d.dict.clone())))
}

fn view_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, d) = this(vm, &args, "__repr__")?;
    let items = vm.collect(v)?;
    let list = vm.new_list(items);
    let inner = vm.repr(&list)?;
    Ok(vm.new_str(&format!("{}({inner})", d.kind.type_name())))
}

/// `x in view` for keys and items views.
fn contains(vm: &mut Vm, d: &DictView, x: &Value) -> PyResult<bool> {
    match d.kind {
        ViewKind::Keys => Ok(vm.dict_get(&d.dict, x)?.is_some()),
        ViewKind::Items => {
            let Some(Payload::Tuple(pair)) = x.payload() else {
                return Ok(false);
            };
            if pair.len() != 2 {
                return Ok(false);
            }
            match vm.dict_get(&d.dict, &pair[0])? {
                Some(v) => super::sequence::same_or_eq(vm, &v, &pair[1]),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            let it = vm.new_iter(IterState::Dict {
                dict: d.dict.clone(),
                pos: 0,
                len: dict_len(&d.dict),
                left: dict_len(&d.dict),
                kind: DictIterKind::Values,
            });
            while let Some(v) = vm.next(&it)? {
                if super::sequence::same_or_eq(vm, &v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d) = this(vm, &args, "__contains__")?;
    let x = arity::one_arg(vm, &args, "dict_keys", "__contains__")?;
    Ok(Value::bool(contains(vm, d, x)?))
}

fn view_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = this(vm, &args, "isdisjoint")?;
    let other = arity::one_arg(vm, &args, "dict_keys", "isdisjoint")?;
    if v.is(other) {
        return Ok(Value::bool(vm.len(v)? == 0));
    }
    let (mut a, mut b) = (v.clone(), other.clone());
    if super::set::set_ref(other).is_some() || view_of(other).is_some() {
        let (la, lb) = (vm.len(&a)?, vm.len(&b)?);
        if lb > la {
            std::mem::swap(&mut a, &mut b);
        }
    }
    let it = vm.get_iter(&b)?;
    while let Some(item) = vm.next(&it)? {
        if vm.contains(&a, &item)? {
            return Ok(Value::Bool(Truth::False));
        }
    }
    Ok(Value::Bool(Truth::True))
}

/// `a op b` where `a` or `b` is a keys/items view: computed on `set(a)`.
fn view_binop(vm: &mut Vm, args: Args<'_>, op: char, reflected: bool) -> PyResult<Value> {
    let (v, d) = this(vm, &args, "__and__")?;
    let other = arity::one_arg(vm, &args, "dict_keys", "__and__")?;
    let (a, b) = if reflected {
        (other.clone(), v.clone())
    } else {
        (v.clone(), other.clone())
    };
    if op == '&' {
        return intersect(vm, &a, &b, d);
    }
    let result = super::set::new_set_from(vm, &a)?;
    let method = match op {
        '|' => "update",
        '-' => "difference_update",
        _ => "symmetric_difference_update",
    };
    let name = vm.intern(method);
    vm.call_method(&result, &name, &[b])?;
    Ok(result)
}

/// CPython's `_PyDictView_Intersect`.
fn intersect(vm: &mut Vm, a: &Value, b: &Value, _d: &DictView) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let len_view = vm.len(&view)?;
    if vm.is_exact(&other, &vm.types.set.clone()) && len_view <= vm.len(&other)? {
        let name = vm.intern("intersection");
        return vm.call_method(&other, &name, &[view]);
    }
    if is_set_view(&other) && vm.len(&other)? > len_view {
        std::mem::swap(&mut view, &mut other);
    }
    let empty = vm.new_tuple(vec![]);
    let result = super::set::new_set_from(vm, &empty)?;
    let vd = view_of(&view).map(|d| DictView {
        dict: d.dict.clone(),
        kind: d.kind,
    });
    let it = vm.get_iter(&other)?;
    let add = vm.intern("add");
    while let Some(item) = vm.next(&it)? {
        let found = match &vd {
            Some(d) => contains(vm, d, &item)?,
            None => false,
        };
        if found {
            vm.call_method(&result, &add, &[item])?;
        }
    }
    Ok(result)
}

fn view_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let name = super::sequence::cmp_dunder(op);
    let (v, _) = this(vm, &args, name)?;
    let other = arity::one_arg(vm, &args, "dict_keys", name)?;
    if super::set::set_ref(other).is_none() && !is_set_view(other) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let (la, lb) = (vm.len(v)?, vm.len(other)?);
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = la == lb && all_contained_in(vm, v, other)?;
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Lt => la < lb && all_contained_in(vm, v, other)?,
        CmpOp::Le => la <= lb && all_contained_in(vm, v, other)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, other, v)?,
        CmpOp::Ge => la >= lb && all_contained_in(vm, other, v)?,
    };
    Ok(Value::bool(r))
}

fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.get_iter(a)?;
    while let Some(item) = vm.next(&it)? {
        if !vm.contains(b, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- mappingproxy -----

fn proxy_this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a MappingProxy> {
    args.pos()
        .first()
        .and_then(proxy_of)
        .ok_or_else(|| vm.type_error("descriptor requires a 'mappingproxy' object"))
}

fn proxy_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    arity::check_count(vm, "mappingproxy", pos.len(), 1, 1)?;
    let m = &pos[0];
    let is_mapping = matches!(m.payload(), Some(Payload::Dict(_))) || {
        let gi = vm.names.__getitem__.clone();
        let c = vm.class_of(m).clone();
        vm.lookup_in_mro(&c, &gi).is_some()
            && !matches!(m.payload(), Some(Payload::List(_) | Payload::Tuple(_)))
    };
    if !is_mapping {
        return Err(vm.type_error(&format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(m)
        )));
    }
    Ok(new_mappingproxy(vm, m.clone()))
}

fn proxy_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let key = arity::one_arg(vm, &args, "mappingproxy", "__getitem__")?;
    vm.getitem(&p.mapping, key)
}

fn proxy_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "get", pos.len(), 1, 2)?;
    let name = vm.intern("get");
    vm.call_method(&p.mapping, &name, pos)
}

fn proxy_forward(vm: &mut Vm, args: Args<'_>, method: &'static str) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let name = vm.intern(method);
    vm.call_method(&p.mapping, &name, &[])
}

fn proxy_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    vm.get_iter(&p.mapping)
}

fn proxy_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    Ok(Value::Int(vm.len(&p.mapping)? as i64))
}

fn proxy_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let key = arity::one_arg(vm, &args, "mappingproxy", "__contains__")?;
    Ok(Value::bool(vm.contains(&p.mapping, key)?))
}

fn proxy_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let inner = vm.repr(&p.mapping)?;
    Ok(vm.new_str(&format!("mappingproxy({inner})")))
}

fn proxy_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let inner = vm.str(&p.mapping)?;
    Ok(vm.new_str(&inner))
}

fn proxy_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = proxy_this(vm, &args)?;
    let other = arity::one_arg(vm, &args, "mappingproxy", "__eq__")?;
    vm.compare(&p.mapping, other, CmpOp::Eq)
}
