//! The attribute descriptors of builtin and `__slots__` layouts: `getset_descriptor`
//! (a builtin type's computed attribute, and the `__dict__`/`__weakref__` attributes
//! that class creation gives a new class) and `member_descriptor` (one `__slots__`
//! entry). Both are data descriptors with `__get__`, `__set__`, `__delete__`, a repr
//! naming the owner type, `__name__`, `__qualname__` and `__objclass__`.
//!
//! Both keep the `Payload::Property` layout the VM's attribute lookup already treats as
//! a data descriptor: getter, setter, deleter, doc and name. A member's accessors are
//! builtins bound to a `(index, owner, name)` tuple, so they find their slot.

use super::arity::ver;
use crate::object::{Args, Builtin, BuiltinKind, NativeFn, ObjRef, Object, Payload, PyCell, Value};
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let x = &vm.types.extra;
    for t in [x.getset_descriptor.clone(), x.member_descriptor.clone()] {
        vm.add_method(&t, "__get__", descr_get, BuiltinKind::Method);
        vm.add_method(&t, "__set__", descr_set, BuiltinKind::Method);
        vm.add_method(&t, "__delete__", descr_delete, BuiltinKind::Method);
        vm.add_method(&t, "__repr__", descr_repr, BuiltinKind::Method);
        vm.add_getset(&t, "__name__", descr_name, None);
        vm.add_getset(&t, "__qualname__", descr_qualname, None);
        vm.add_getset(&t, "__objclass__", descr_objclass, None);
        vm.add_getset(&t, "__doc__", |_, _| Ok(Value::None), None);
    }
    // The builtin types whose instances carry a dict.
    let t = &vm.types;
    let with_dict = [
        t.function.clone(),
        t.exc.base_exception.clone(),
        t.module.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
    ];
    for owner in with_dict {
        let d = new_dict_getset(vm, &owner);
        let key = Value::Obj(vm.intern("__dict__"));
        let dict = vm.type_data(&owner).dict.clone();
        let _ = vm.dict_set(&dict, key, d);
    }
}

/// A builtin carrying `info` as its bound first argument.
fn accessor(vm: &Vm, name: &'static str, func: NativeFn, owner: &ObjRef, info: &Value) -> Value {
    Value::Obj(Object::new(
        vm.types.builtin_function.clone(),
        Payload::Builtin(Box::new(Builtin {
            name,
            func,
            kind: BuiltinKind::Function,
            owner: Some(owner.clone()),
            bound: info.clone(),
            doc: None,
        })),
    ))
}

fn descriptor(class: &ObjRef, cells: [Value; 5]) -> Value {
    let cells = cells.map(PyCell::new);
    Value::Obj(Object::new(
        class.clone(),
        Payload::Property(Box::new(cells)),
    ))
}

/// The `member_descriptor` of slot `index` (named `name`) of class `owner`.
pub fn new_member(vm: &mut Vm, owner: &ObjRef, name: &str, index: usize) -> Value {
    let name_v = vm.new_str(name);
    let info = vm.new_tuple(vec![
        Value::Int(index as i64),
        Value::Obj(owner.clone()),
        name_v.clone(),
    ]);
    let get = accessor(vm, "__get__", member_get, owner, &info);
    let set = accessor(vm, "__set__", member_set, owner, &info);
    let del = accessor(vm, "__delete__", member_delete, owner, &info);
    let class = vm.types.extra.member_descriptor.clone();
    descriptor(&class, [get, set, del, Value::None, name_v])
}

/// The `__dict__` getset a class gives its instances (`<attribute '__dict__' of 'C'
/// objects>`).
pub fn new_dict_getset(vm: &mut Vm, owner: &ObjRef) -> Value {
    let info = Value::Obj(owner.clone());
    let get = accessor(vm, "__dict__", dict_get, owner, &info);
    let set = accessor(vm, "__dict__", dict_set, owner, &info);
    let name = vm.new_str("__dict__");
    let class = vm.types.extra.getset_descriptor.clone();
    descriptor(&class, [get, set.clone(), set, Value::None, name])
}

/// The `__weakref__` getset (always None: xpython has no weak references).
pub fn new_weakref_getset(vm: &mut Vm, owner: &ObjRef) -> Value {
    let info = Value::Obj(owner.clone());
    let get = accessor(vm, "__weakref__", weakref_get, owner, &info);
    let name = vm.new_str("__weakref__");
    let class = vm.types.extra.getset_descriptor.clone();
    descriptor(&class, [get, Value::None, Value::None, Value::None, name])
}

/// `(index, owner, name)` of a member accessor's bound tuple.
fn member_info(args: &Args<'_>) -> Option<(usize, ObjRef, String)> {
    let Some(Payload::Tuple(t)) = args.values.first().and_then(|v| v.payload()) else {
        return None;
    };
    match (&t[0], &t[1], t[2].as_str()) {
        (Value::Int(i), Value::Obj(o), Some(n)) => {
            Some((*i as usize, o.clone(), n.as_str().to_string()))
        }
        _ => None,
    }
}

/// CPython's `descr_check`: the TypeError of an instance of the wrong type.
fn wrong_instance(vm: &Vm, name: &str, owner: &ObjRef, obj: &Value) -> PyErr {
    let owner = vm.type_data(owner).name();
    let got = vm.type_name(obj);
    let a = if ver(vm) >= (3, 8) { "a " } else { "" };
    vm.type_error(&format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to {a}'{got}' object"
    ))
}

/// The slot cell of `obj` that member `index` of `owner` names.
fn member_slot(vm: &Vm, args: &Args<'_>) -> PyResult<(usize, ObjRef, String, Value)> {
    let (index, owner, name) =
        member_info(args).ok_or_else(|| vm.type_error("member descriptor without its slot"))?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::None);
    let ok = matches!(&obj, Value::Obj(o) if vm.is_instance_of_class(o, &owner));
    if !ok {
        return Err(wrong_instance(vm, &name, &owner, &obj));
    }
    Ok((index, owner, name, obj))
}

fn with_cell<R>(obj: &Value, index: usize, f: impl FnOnce(&PyCell<Value>) -> R) -> Option<R> {
    match obj.payload() {
        Some(Payload::Slots(cells)) => cells.get(index).map(f),
        // A subclass of a native class (e.g. `weakref.KeyedRef`).
        Some(p) => crate::object::native::slots(p)
            .and_then(|c| c.get(index))
            .map(f),
        None => None,
    }
}

/// The key under which a subclass of a builtin container keeps slot `name` in its dict
/// storage: a NUL prefix no attribute name in source code can have.
fn container_slot_key(vm: &Vm, name: &str) -> Value {
    vm.new_str(&format!("\0slot:{name}"))
}

/// A slot of a builtin-container subclass instance: get (`value` None, `delete` false),
/// set (`value` Some) or delete; the previous value (Null when unset). `None` when `obj`
/// has no dict storage.
fn container_slot(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    value: Option<Value>,
    delete: bool,
) -> PyResult<Option<Value>> {
    let Some(o) = obj.as_obj() else {
        return Ok(None);
    };
    if !o.has_dict() {
        return Ok(None);
    }
    let Some(dict) = vm.ensure_instance_dict(o) else {
        return Ok(None);
    };
    let key = container_slot_key(vm, name);
    let old = vm.dict_get(&dict, &key)?.unwrap_or(Value::Null);
    if let Some(v) = value {
        vm.dict_set(&dict, key, v)?;
    } else if delete && !matches!(old, Value::Null) {
        vm.dict_remove(&dict, &key)?;
    }
    Ok(Some(old))
}

fn member_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (index, _, name, obj) = member_slot(vm, &args)?;
    let found = match with_cell(&obj, index, |c| c.get()) {
        Some(v) => Some(v),
        None => container_slot(vm, &obj, &name, None, false)?,
    };
    match found {
        Some(v) if !matches!(v, Value::Null) => Ok(v),
        _ => {
            let msg = if ver(vm) >= (3, 10) {
                format!("'{}' object has no attribute '{name}'", vm.type_name(&obj))
            } else {
                name
            };
            Err(vm.new_exception(&vm.types.exc.attribute_error, &msg))
        }
    }
}

fn member_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (index, _, _, obj) = member_slot(vm, &args)?;
    let value = args.values.get(2).cloned().unwrap_or(Value::None);
    if with_cell(&obj, index, |c| c.replace(value.clone())).is_none() {
        let (_, _, name, _) = member_slot(vm, &args)?;
        container_slot(vm, &obj, &name, Some(value), false)?;
    }
    Ok(Value::None)
}

fn member_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (index, _, name, obj) = member_slot(vm, &args)?;
    let old = match with_cell(&obj, index, |c| c.replace(Value::Null)) {
        Some(v) => Some(v),
        None => container_slot(vm, &obj, &name, None, true)?,
    };
    match old {
        Some(old) if !matches!(old, Value::Null) => Ok(Value::None),
        _ => Err(vm.new_exception(&vm.types.exc.attribute_error, &name)),
    }
}

fn getset_owner(args: &Args<'_>) -> Option<ObjRef> {
    match args.values.first() {
        Some(Value::Obj(o)) => Some(o.clone()),
        _ => None,
    }
}

fn dict_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let owner =
        getset_owner(&args).ok_or_else(|| vm.type_error("__dict__ getset without owner"))?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::None);
    match &obj {
        Value::Obj(o) if vm.is_instance_of_class(o, &owner) => match vm.ensure_instance_dict(o) {
            Some(d) => Ok(Value::Obj(d)),
            None => Err(vm.new_exception(
                &vm.types.exc.attribute_error,
                &format!(
                    "'{}' object has no attribute '__dict__'",
                    vm.type_name(&obj)
                ),
            )),
        },
        _ => Err(wrong_instance(vm, "__dict__", &owner, &obj)),
    }
}

/// `obj.__dict__ = d` (a dict) and `del obj.__dict__` (a fresh dict on next use).
fn dict_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let owner =
        getset_owner(&args).ok_or_else(|| vm.type_error("__dict__ getset without owner"))?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::None);
    let Value::Obj(o) = &obj else {
        return Err(wrong_instance(vm, "__dict__", &owner, &obj));
    };
    if !vm.is_instance_of_class(o, &owner) {
        return Err(wrong_instance(vm, "__dict__", &owner, &obj));
    }
    let new = match args.values.get(2) {
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => Some(d.clone()),
        Some(v) => {
            return Err(vm.type_error(&format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                vm.type_name(v)
            )))
        }
        None => None,
    };
    if o.has_dict() {
        let _old = o.header.replace_dict(new);
    }
    Ok(Value::None)
}

fn weakref_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let owner =
        getset_owner(&args).ok_or_else(|| vm.type_error("__weakref__ getset without owner"))?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::None);
    match &obj {
        Value::Obj(o) if vm.is_instance_of_class(o, &owner) => Ok(Value::None),
        _ => Err(wrong_instance(vm, "__weakref__", &owner, &obj)),
    }
}

/// The descriptor, its cells, its owner type and its name.
struct Parts<'a> {
    descr: &'a Value,
    cells: &'a [PyCell<Value>; 5],
    owner: ObjRef,
    name: String,
}

fn parts<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<Parts<'a>> {
    let Some(descr) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let Some(Payload::Property(cells)) = descr.payload() else {
        return Err(vm.type_error("descriptor of the wrong type"));
    };
    let owner = match cells[0].get().payload() {
        Some(Payload::Builtin(b)) => b.owner.clone(),
        _ => None,
    }
    .unwrap_or_else(|| vm.types.object.clone());
    let name = cells[4]
        .get()
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    Ok(Parts {
        descr,
        cells,
        owner,
        name,
    })
}

fn is_member(vm: &Vm, descr: &Value) -> bool {
    std::rc::Rc::ptr_eq(vm.class_of(descr), &vm.types.extra.member_descriptor)
}

/// `descr.__get__(obj, type=None)`.
fn descr_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parts(vm, &args)?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::None);
    let ty = args.values.get(2).cloned().unwrap_or(Value::None);
    if args.values.len() < 2 || args.values.len() > 3 {
        let n = args.values.len().saturating_sub(1);
        let msg = if n == 0 {
            "expected at least 1 argument, got 0".to_string()
        } else {
            format!("expected at most 2 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    if obj.is_none() {
        if ty.is_none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(p.descr.clone());
    }
    if !vm.is_subclass_of(vm.class_of(&obj), &p.owner) {
        return Err(wrong_instance(vm, &p.name, &p.owner, &obj));
    }
    let get = p.cells[0].get();
    vm.call(&get, Args::positional(&[obj]))
}

fn setter_call(vm: &mut Vm, args: Args<'_>, value: Option<Value>) -> PyResult<Value> {
    let p = parts(vm, &args)?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::None);
    if !vm.is_subclass_of(vm.class_of(&obj), &p.owner) {
        return Err(wrong_instance(vm, &p.name, &p.owner, &obj));
    }
    let f = p.cells[if value.is_some() { 1 } else { 2 }].get();
    if f.is_none() {
        let which = if value.is_some() { 1 } else { 2 };
        return Err(super::property::no_accessor(
            vm, p.descr, p.cells, &obj, which,
        ));
    }
    let mut call_args = vec![obj];
    call_args.extend(value);
    vm.call(&f, Args::positional(&call_args))?;
    Ok(Value::None)
}

fn descr_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.values.len() != 3 {
        let n = args.values.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 2 arguments, got {n}")));
    }
    let value = args.values[2].clone();
    setter_call(vm, args, Some(value))
}

fn descr_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.values.len() != 2 {
        let n = args.values.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 argument, got {n}")));
    }
    setter_call(vm, args, None)
}

fn descr_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parts(vm, &args)?;
    let owner = vm.type_data(&p.owner).name();
    let kind = if is_member(vm, p.descr) {
        "member"
    } else {
        "attribute"
    };
    Ok(vm.new_str(&format!("<{kind} '{}' of '{owner}' objects>", p.name)))
}

fn descr_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parts(vm, &args)?;
    Ok(vm.new_str(&p.name))
}

fn descr_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parts(vm, &args)?;
    let owner = vm.type_data(&p.owner).qualname.get();
    Ok(vm.new_str(&format!("{owner}.{}", p.name)))
}

fn descr_objclass(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = parts(vm, &args)?;
    Ok(Value::Obj(p.owner))
}

/// How a new class lays out its instances: its slots (inherited first), its own slot
/// names (mangled, sorted: each gets a `member_descriptor`), whether instances have a
/// `__dict__`, and which of `__dict__`/`__weakref__` the class dict gets a getset for.
pub struct SlotPlan {
    pub all: Vec<std::rc::Rc<str>>,
    pub own: Vec<String>,
    pub instance_dict: bool,
    pub add_dict: bool,
    pub add_weakref: bool,
}

/// `_Py_Mangle`: `__x` in class `_C` is `_C__x`.
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Whether instances of builtin layout `t` carry a dict of their own (CPython's
/// nonzero `tp_dictoffset`).
fn layout_has_dict(vm: &Vm, t: &ObjRef) -> bool {
    use crate::object::typeobj::Layout;
    let td = vm.type_data(t);
    td.instance_dict
        || matches!(
            td.layout,
            Layout::Exception
                | Layout::Type
                | Layout::Module
                | Layout::ClassMethod
                | Layout::StaticMethod
        )
}

/// Whether instances of `t` already support weak references, or cannot (variable-size
/// layouts), so that a subclass gets no `__weakref__` of its own.
fn layout_has_weakref(vm: &mut Vm, t: &ObjRef) -> (bool, bool) {
    use crate::object::typeobj::Layout;
    let layout = vm.type_data(t).layout;
    let varsize = matches!(
        layout,
        Layout::Int | Layout::Bool | Layout::Tuple | Layout::Bytes
    );
    let native = matches!(
        layout,
        Layout::Set | Layout::FrozenSet | Layout::Type | Layout::Module
    );
    let key = vm.intern("__weakref__");
    let inherited = vm.lookup_in_mro(t, &key).is_some();
    (native || inherited, varsize)
}

/// The class in `t`'s MRO that added the slots `t` has: the last one with the same
/// slot list.
fn solid_slotted_base(vm: &Vm, t: &ObjRef) -> ObjRef {
    let slots = vm.type_data(t).slots.clone();
    let mro = vm.type_data(t).mro.get();
    mro.into_iter()
        .filter(|c| vm.type_data(c).slots == slots)
        .last()
        .unwrap_or_else(|| t.clone())
}

/// CPython's `type_new` slot checks and layout decisions for class `name` with `bases`
/// and namespace `ns`.
pub fn plan_slots(vm: &mut Vm, name: &str, bases: &[ObjRef], ns: &ObjRef) -> PyResult<SlotPlan> {
    use crate::object::typeobj::Layout;
    // The solid base: the base whose slots (or builtin layout) the instances extend.
    let mut base = bases[0].clone();
    let mut slotted: Option<ObjRef> = None;
    for b in bases {
        if vm.type_data(b).slots.is_empty() {
            continue;
        }
        // Compare the classes that added the slots (CPython's solid bases): two bases
        // that only inherit the same slots do not conflict.
        let b = &solid_slotted_base(vm, b);
        match &slotted {
            None => slotted = Some(b.clone()),
            Some(s) if vm.is_subclass_of(b, s) => slotted = Some(b.clone()),
            Some(s) if vm.is_subclass_of(s, b) => {}
            Some(_) => return Err(vm.type_error("multiple bases have instance lay-out conflict")),
        }
    }
    if let Some(s) = &slotted {
        base = s.clone();
    } else if let Some(b) = bases
        .iter()
        .find(|b| vm.type_data(b).layout != Layout::Plain)
    {
        base = b.clone();
    }
    let inherited = vm.type_data(&base).slots.clone();
    let may_add_dict = !layout_has_dict(vm, &base);
    let (has_weak, varsize) = layout_has_weakref(vm, &base);
    let may_add_weak = !has_weak && !varsize;
    let any_dict = bases.iter().any(|b| layout_has_dict(vm, b));
    let key = vm.intern("__slots__");
    let Some(slots_v) = vm.dict_get_name(ns, &key) else {
        return Ok(SlotPlan {
            all: inherited,
            own: Vec::new(),
            instance_dict: true,
            add_dict: may_add_dict,
            add_weakref: may_add_weak,
        });
    };
    let items = if slots_v.as_str().is_some() {
        vec![slots_v]
    } else {
        vm.collect(&slots_v)?
    };
    if !items.is_empty() && varsize {
        let bn = vm.type_data(&base).name();
        return Err(vm.type_error(&format!(
            "nonempty __slots__ not supported for subtype of '{bn}'"
        )));
    }
    let minor = vm.version.format.major_minor.1;
    let (mut add_dict, mut add_weakref) = (false, false);
    let mut own = Vec::new();
    for item in &items {
        let Some(s) = item.as_str() else {
            return Err(vm.type_error(&format!(
                "__slots__ items must be strings, not '{}'",
                vm.type_name(item)
            )));
        };
        if !super::str_methods::is_identifier(&s.code_points(), minor) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        match s.as_str() {
            "__dict__" => {
                if !may_add_dict || add_dict {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
            }
            "__weakref__" => {
                if !may_add_weak || add_weakref {
                    return Err(vm.type_error(
                        "__weakref__ slot disallowed: either we already got one, or the base type has a nonzero itemsize",
                    ));
                }
                add_weakref = true;
            }
            other => {
                let m = mangle(name, other);
                let mkey = vm.intern(&m);
                if m != "__qualname__"
                    && m != "__classcell__"
                    && vm.dict_get_name(ns, &mkey).is_some()
                {
                    let r = vm.repr(&Value::Obj(mkey))?;
                    return Err(vm.new_exception(
                        &vm.types.exc.value_error.clone(),
                        &format!("{r} in __slots__ conflicts with class variable"),
                    ));
                }
                own.push(m);
            }
        }
    }
    own.sort();
    let mut all = inherited;
    all.extend(own.iter().map(|s| std::rc::Rc::from(s.as_str())));
    Ok(SlotPlan {
        all,
        own,
        instance_dict: add_dict || any_dict,
        add_dict,
        add_weakref,
    })
}

/// Puts the plan's member descriptors and `__dict__`/`__weakref__` getsets in the new
/// class's dict (after the namespace's own entries, as CPython orders them).
pub fn install(vm: &mut Vm, cls: &ObjRef, dict: &ObjRef, plan: &SlotPlan) -> PyResult<()> {
    let first = plan.all.len() - plan.own.len();
    for (i, name) in plan.own.iter().enumerate() {
        let member = new_member(vm, cls, name, first + i);
        let key = Value::Obj(vm.intern(name));
        vm.dict_set(dict, key, member)?;
    }
    if plan.add_dict {
        let d = new_dict_getset(vm, cls);
        let key = Value::Obj(vm.intern("__dict__"));
        vm.dict_set(dict, key, d)?;
    }
    if plan.add_weakref {
        let w = new_weakref_getset(vm, cls);
        let key = Value::Obj(vm.intern("__weakref__"));
        vm.dict_set(dict, key, w)?;
    }
    Ok(())
}
