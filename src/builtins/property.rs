//! `property` (construction, `getter`/`setter`/`deleter` copies, `__get__`/`__set__`/
//! `__delete__`, `__set_name__` and the 3.10+/3.11+ error messages that name the
//! property), `classmethod` and `staticmethod` (`__func__`, 3.10's `__wrapped__` and
//! copied function attributes, callable static methods).
//!
//! Attribute access itself (the descriptor protocol) is the VM's (`vm::attr`); it asks
//! `no_accessor` for the error of a missing getter, setter or deleter.

use super::arity::{self, ver};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyCell, Value};
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let p = vm.types.property.clone();
    vm.add_method(&p, "__new__", property_new, BuiltinKind::StaticMethod);
    vm.add_method(&p, "__init__", property_init, BuiltinKind::Method);
    vm.add_method(
        &p,
        "getter",
        |vm, a| property_copy_with(vm, a, 0),
        BuiltinKind::Method,
    );
    vm.add_method(
        &p,
        "setter",
        |vm, a| property_copy_with(vm, a, 1),
        BuiltinKind::Method,
    );
    vm.add_method(
        &p,
        "deleter",
        |vm, a| property_copy_with(vm, a, 2),
        BuiltinKind::Method,
    );
    vm.add_method(&p, "__get__", property_get, BuiltinKind::Method);
    vm.add_method(&p, "__set__", property_set, BuiltinKind::Method);
    vm.add_method(&p, "__delete__", property_delete, BuiltinKind::Method);
    if ver(vm) >= (3, 10) {
        vm.add_method(&p, "__set_name__", property_set_name, BuiltinKind::Method);
    }
    vm.add_getset(&p, "fget", |vm, a| property_slot(vm, a, 0), None);
    vm.add_getset(&p, "fset", |vm, a| property_slot(vm, a, 1), None);
    vm.add_getset(&p, "fdel", |vm, a| property_slot(vm, a, 2), None);
    vm.add_getset(&p, "__doc__", property_doc, Some(property_set_doc));
    vm.add_getset(&p, "__isabstractmethod__", property_isabstract, None);
    if ver(vm) >= (3, 13) {
        vm.add_getset(&p, "__name__", property_name, None);
    }

    for (t, is_class) in [
        (vm.types.classmethod.clone(), true),
        (vm.types.staticmethod.clone(), false),
    ] {
        let new: crate::object::NativeFn = if is_class {
            classmethod_new
        } else {
            staticmethod_new
        };
        vm.add_method(&t, "__new__", new, BuiltinKind::StaticMethod);
        vm.add_method(&t, "__init__", wrapper_init, BuiltinKind::Method);
        vm.add_method(&t, "__get__", wrapper_get, BuiltinKind::Method);
        vm.add_getset(&t, "__func__", wrapper_func, None);
        vm.add_getset(&t, "__isabstractmethod__", wrapper_isabstract, None);
        if ver(vm) >= (3, 10) {
            vm.add_getset(&t, "__wrapped__", wrapper_func, None);
            vm.add_method(&t, "__repr__", wrapper_repr, BuiltinKind::Method);
        }
    }
    if ver(vm) >= (3, 10) {
        let sm = vm.types.staticmethod.clone();
        vm.add_method(&sm, "__call__", staticmethod_call, BuiltinKind::Method);
    }
}

type Slots = [PyCell<Value>; 5];

fn slots<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Slots> {
    match v.payload() {
        Some(Payload::Property(p)) => Ok(p),
        _ => Err(arity::descriptor_mismatch(vm, "__get__", "property", v)),
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<(&'a Value, &'a Slots)> {
    let Some(v) = args.pos().first() else {
        return Err(vm.type_error("descriptor of 'property' object needs an argument"));
    };
    Ok((v, slots(vm, v)?))
}

/// The AttributeError of a property without the accessor `which` (0 getter, 1 setter,
/// 2 deleter), worded as the running version words it.
pub fn no_accessor(vm: &Vm, descr: &Value, p: &Slots, obj: &Value, which: usize) -> PyErr {
    let v = ver(vm);
    let name = p[4].get();
    if std::rc::Rc::ptr_eq(vm.class_of(descr), &vm.types.extra.getset_descriptor) {
        // A builtin type's computed attribute without a setter.
        let owner = match p[0].get().payload() {
            Some(Payload::Builtin(b)) => b.owner.as_ref().map(|t| vm.type_data(t).name()),
            _ => None,
        }
        .unwrap_or_else(|| vm.type_name(obj));
        let n = name
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        return vm.new_exception(
            &vm.types.exc.attribute_error,
            &format!("attribute '{n}' of '{owner}' objects is not writable"),
        );
    }
    let name_repr = name.as_str().map(|s| format!("'{}'", s.as_str()));
    let msg = if v >= (3, 11) {
        let what = ["getter", "setter", "deleter"][which];
        let qual = vm.type_data(vm.class_of(obj)).qualname.get();
        match name_repr {
            Some(n) => format!("property {n} of '{qual}' object has no {what}"),
            None => format!("property of '{qual}' object has no {what}"),
        }
    } else {
        let base = [
            "unreadable attribute",
            "can't set attribute",
            "can't delete attribute",
        ][which];
        match (name_repr, v >= (3, 10)) {
            (Some(n), true) => format!("{base} {n}"),
            _ => base.to_string(),
        }
    };
    vm.new_exception(&vm.types.exc.attribute_error, &msg)
}

fn property_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "property")?;
    let cells: Slots = Default::default();
    for c in &cells {
        c.replace(Value::None);
    }
    Ok(Value::Obj(vm.new_instance_with(
        &cls,
        Payload::Property(Box::new(cells)),
    )))
}

/// The `__doc__` of a function-like value, if any.
fn doc_of(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    if f.is_none() {
        return Ok(Value::None);
    }
    let name = vm.names.__doc__.clone();
    match vm.get_attr(f, &name) {
        Ok(d) => Ok(d),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error.clone()) => {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// `property.__init__(self, fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    let params = ["fget", "fset", "fdel", "doc"];
    let b = arity::bind_kw_styled(
        vm,
        "property",
        &args.pos()[1..],
        &args,
        &params,
        0,
        arity::KwStyle {
            clinic: true,
            vectorcall: false,
        },
    )?;
    let get = |i: usize| b[i].clone().unwrap_or(Value::None);
    let (fget, fset, fdel, mut doc) = (get(0), get(1), get(2), get(3));
    if doc.is_none() {
        doc = doc_of(vm, &fget)?;
    }
    let _old = [
        p[0].replace(fget),
        p[1].replace(fset),
        p[2].replace(fdel),
        p[3].replace(doc),
    ];
    Ok(Value::None)
}

/// `prop.getter(f)` / `setter(f)` / `deleter(f)`: a copy of the property (of its own
/// type) with one accessor replaced.
fn property_copy_with(vm: &mut Vm, args: Args<'_>, which: usize) -> PyResult<Value> {
    let (v, p) = this(vm, &args)?;
    let name = ["getter", "setter", "deleter"][which];
    let f = arity::one_arg(vm, &args, "property", name)?;
    let mut parts: Vec<Value> = (0..3).map(|i| p[i].get()).collect();
    parts[which] = f.clone();
    // A doc taken from the old getter is not kept when the getter changes.
    let old_doc = p[3].get();
    let doc_from_getter = !p[0].get().is_none() && {
        let getter = p[0].get();
        let gd = doc_of(vm, &getter)?;
        gd.is(&old_doc)
    };
    parts.push(if which == 0 && doc_from_getter {
        Value::None
    } else {
        old_doc
    });
    let cls = Value::Obj(vm.class_of(v).clone());
    let new = vm.call(&cls, Args::positional(&parts))?;
    if let Some(Payload::Property(np)) = new.payload() {
        np[4].replace(p[4].get());
    }
    Ok(new)
}

fn property_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, p) = this(vm, &args)?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "__get__", pos.len(), 1, 2)?;
    let obj = &pos[0];
    if obj.is_none() {
        return Ok(v.clone());
    }
    let fget = p[0].get();
    if fget.is_none() {
        return Err(no_accessor(vm, v, p, obj, 0));
    }
    vm.call(&fget, Args::positional(std::slice::from_ref(obj)))
}

fn property_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "__set__", pos.len(), 2, 2)?;
    let fset = p[1].get();
    if fset.is_none() {
        return Err(no_accessor(vm, &args.pos()[0], p, &pos[0], 1));
    }
    vm.call(&fset, Args::positional(pos))?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    let obj = arity::one_arg(vm, &args, "property", "__delete__")?;
    let fdel = p[2].get();
    if fdel.is_none() {
        return Err(no_accessor(vm, &args.pos()[0], p, obj, 2));
    }
    vm.call(&fdel, Args::positional(std::slice::from_ref(obj)))?;
    Ok(Value::None)
}

fn property_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, "__set_name__", pos.len(), 2, 2)?;
    p[4].replace(pos[1].clone());
    Ok(Value::None)
}

fn property_slot(vm: &mut Vm, args: Args<'_>, i: usize) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    Ok(p[i].get())
}

fn property_doc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, p) = this(vm, &args)?;
    // A subclass instance keeps its doc in its dict (as CPython does).
    if let Some(d) = v.as_obj().and_then(crate::vm::attr::instance_dict) {
        let key = vm.names.__doc__.clone();
        if let Some(doc) = vm.dict_get_name(&d, &key) {
            return Ok(doc);
        }
    }
    Ok(p[3].get())
}

fn property_set_doc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    p[3].replace(args.values.get(1).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    if f.is_none() {
        return Ok(false);
    }
    let name = vm.intern("__isabstractmethod__");
    match vm.get_attr_opt(f, &name)? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

fn property_isabstract(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    for cell in &p[..3] {
        let f = cell.get();
        if is_abstract(vm, &f)? {
            return Ok(Value::Bool(Truth::True));
        }
    }
    Ok(Value::Bool(Truth::False))
}

fn property_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, p) = this(vm, &args)?;
    let n = p[4].get();
    if !n.is_none() {
        return Ok(n);
    }
    let fget = p[0].get();
    if fget.is_none() {
        return Err(vm.new_exception(
            &vm.types.exc.attribute_error.clone(),
            "'property' object has no attribute '__name__'",
        ));
    }
    let name = vm.names.__name__.clone();
    vm.get_attr(&fget, &name)
}

// ----- classmethod / staticmethod -----

fn wrapped_cell<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PyCell<Value>> {
    match v.payload() {
        Some(Payload::ClassMethod(c) | Payload::StaticMethod(c)) => Ok(c),
        _ => Err(vm.type_error("descriptor requires a 'classmethod' or 'staticmethod' object")),
    }
}

fn wrapper_new(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    make: fn(PyCell<Value>) -> Payload,
) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, name)?;
    let obj = vm.new_instance_with_dict(&cls, make(PyCell::new(Value::None)));
    Ok(Value::Obj(obj))
}

fn classmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_new(vm, args, "classmethod", Payload::ClassMethod)
}

fn staticmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    wrapper_new(vm, args, "staticmethod", Payload::StaticMethod)
}

/// `classmethod.__init__(self, f)` / `staticmethod.__init__(self, f)`; from 3.10 also
/// copies `f`'s `__module__`, `__name__`, `__qualname__`, `__doc__` and `__dict__`.
fn wrapper_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos().first() else {
        return Err(vm.type_error("descriptor '__init__' needs an argument"));
    };
    let cell = wrapped_cell(vm, this)?;
    let name = if matches!(this.payload(), Some(Payload::ClassMethod(_))) {
        "classmethod"
    } else {
        "staticmethod"
    };
    arity::no_kwargs(vm, &args, name)?;
    let pos = &args.pos()[1..];
    arity::check_count(vm, name, pos.len(), 1, 1)?;
    let f = pos[0].clone();
    cell.replace(f.clone());
    if ver(vm) >= (3, 10) {
        if let Some(d) = this.as_obj().and_then(|o| vm.ensure_instance_dict(o)) {
            for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
                let key = vm.intern(attr);
                if let Some(v) = super::objects::getattr_opt(vm, &f, &key)? {
                    vm.dict_set(&d, Value::Obj(key), v)?;
                }
            }
            let dict_key = vm.names.__dict__.clone();
            if let Some(Value::Obj(fd)) = super::objects::getattr_opt(vm, &f, &dict_key)? {
                if matches!(fd.payload, Payload::Dict(_)) {
                    for e in vm.dict_items(&fd) {
                        vm.dict_set(&d, e.key, e.value)?;
                    }
                }
            }
        }
    }
    Ok(Value::None)
}

/// `__get__(obj, type=None)`: a class method binds the class; a static method returns
/// its function.
fn wrapper_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos().first() else {
        return Err(vm.type_error("descriptor '__get__' needs an argument"));
    };
    let f = wrapped_cell(vm, this)?.get();
    let pos = &args.pos()[1..];
    arity::check_count(vm, "__get__", pos.len(), 1, 2)?;
    if matches!(this.payload(), Some(Payload::StaticMethod(_))) {
        return Ok(f);
    }
    let owner = match pos.get(1) {
        Some(t) if !t.is_none() => t.clone(),
        _ => Value::Obj(vm.class_of(&pos[0]).clone()),
    };
    Ok(vm.bind(f, owner))
}

fn wrapper_func(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    Ok(wrapped_cell(vm, this)?.get())
}

fn wrapper_isabstract(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let f = wrapped_cell(vm, this)?.get();
    Ok(Value::bool(is_abstract(vm, &f)?))
}

fn wrapper_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.pos().first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let f = wrapped_cell(vm, this)?.get();
    let inner = vm.repr(&f)?;
    let name = vm.type_name(this);
    Ok(vm.new_str(&format!("<{name}({inner})>")))
}

/// Calling a static method calls its function (3.10+).
fn staticmethod_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let f = wrapped_cell(vm, this)?.get();
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    vm.call(&f, rest)
}

impl Vm {
    /// A new instance of `cls` holding `payload`, always with an instance dict.
    pub fn new_instance_with_dict(&self, cls: &ObjRef, payload: Payload) -> ObjRef {
        crate::object::Object::with_dict(cls.clone(), payload)
    }
}
