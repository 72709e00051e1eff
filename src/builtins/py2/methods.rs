//! Python 2's unbound methods: a function taken from a class (`K.m`) is an
//! `instancemethod` without `im_self`, which checks that its first argument is an
//! instance of `im_class`. It is an object of the method type holding an
//! `UnboundMethod`; bound methods keep the shared representation. Also the 2.x method
//! attributes (`im_func`, `im_self`, `im_class`) over both.

use crate::modules::native_class::state_of;
use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::vm::{PyResult, Vm};

/// A function taken from a class.
pub struct UnboundMethod {
    pub func: Value,
    pub class: ObjRef,
}

/// What `Class.function` gives in Python 2.
pub fn unbound(vm: &Vm, func: Value, class: &ObjRef) -> Value {
    Value::Obj(Object::new(
        vm.types.method.clone(),
        Payload::Other(Box::new(UnboundMethod {
            func,
            class: class.clone(),
        })),
    ))
}

/// `<unbound method K.m>`, if `v` is an unbound method.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    let Some(u) = state_of::<UnboundMethod>(v) else {
        return Ok(None);
    };
    let class_name = vm.type_data(&u.class).name.get();
    let key = vm.names.__name__.clone();
    let name = vm.get_attr(&u.func, &key)?;
    let name = vm.str(&name)?;
    Ok(Some(format!("<unbound method {class_name}.{name}>")))
}

/// Calling an unbound method: the first argument must be an instance of its class.
fn call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(u) = args.values.first().and_then(state_of::<UnboundMethod>) else {
        return Err(vm.type_error("descriptor '__call__' requires an 'instancemethod' object"));
    };
    let (func, class) = (u.func.clone(), u.class.clone());
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let first = rest.pos().first();
    let ok = first.is_some_and(|f| {
        let c = vm.class_of(f).clone();
        std::rc::Rc::ptr_eq(&c, &class) || vm.is_subclass_of(&c, &class)
    });
    if !ok {
        let key = vm.names.__name__.clone();
        let name = vm.get_attr(&func, &key)?;
        let name = vm.str(&name)?;
        let class_name = vm.type_data(&class).name.get();
        let got = match first {
            Some(f) => {
                let t = vm.class_of(f).clone();
                let t = super::classic::visible_type(vm, &t);
                format!("{} instance", vm.type_data(&t).name.get())
            }
            None => "nothing".to_string(),
        };
        return Err(vm.type_error(&format!(
            "unbound method {name}() must be called with {class_name} instance as first argument (got {got} instead)"
        )));
    }
    vm.call(&func, rest)
}

/// The function an unbound method `callable` calls when `first` is its first argument
/// and an instance of its class (`call`'s check passes); `None` otherwise.
pub fn unbound_target(vm: &Vm, callable: &ObjRef, first: Option<&Value>) -> Option<Value> {
    let u = crate::object::native::state::<UnboundMethod>(&callable.payload)?;
    let c = vm.class_of(first?);
    (std::rc::Rc::ptr_eq(c, &u.class) || vm.is_subclass_of(c, &u.class)).then(|| u.func.clone())
}

/// The function of a bound or unbound method.
pub fn func_of(vm: &Vm, v: &Value) -> PyResult<Value> {
    match (v.payload(), state_of::<UnboundMethod>(v)) {
        (Some(Payload::Method(m)), _) => Ok(m.func.clone()),
        (_, Some(u)) => Ok(u.func.clone()),
        _ => Err(vm.type_error("descriptor requires an 'instancemethod' object")),
    }
}

fn im_func(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    func_of(vm, args.values.first().unwrap_or(&Value::None))
}

fn im_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.first().unwrap_or(&Value::None);
    match v.payload() {
        Some(Payload::Method(m)) => Ok(m.self_.clone()),
        _ if state_of::<UnboundMethod>(v).is_some() => Ok(Value::None),
        _ => Err(vm.type_error("descriptor requires an 'instancemethod' object")),
    }
}

fn im_class(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values.first().unwrap_or(&Value::None);
    match (v.payload(), state_of::<UnboundMethod>(v)) {
        (Some(Payload::Method(m)), _) => Ok(Value::Obj(vm.class_of(&m.self_).clone())),
        (_, Some(u)) => Ok(Value::Obj(u.class.clone())),
        _ => Err(vm.type_error("descriptor requires an 'instancemethod' object")),
    }
}

fn delegate(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let f = func_of(vm, args.values.first().unwrap_or(&Value::None))?;
    let key = vm.intern(name);
    vm.get_attr(&f, &key)
}

pub fn install(vm: &mut Vm) {
    let m = vm.types.method.clone();
    let data = vm.type_data(&m);
    data.name.replace(std::rc::Rc::from("instancemethod"));
    data.qualname.replace(std::rc::Rc::from("instancemethod"));
    vm.add_method(&m, "__call__", call, BuiltinKind::Method);
    for name in ["im_func", "__func__"] {
        vm.add_getset(&m, name, im_func, None);
    }
    for name in ["im_self", "__self__"] {
        vm.add_getset(&m, name, im_self, None);
    }
    vm.add_getset(&m, "im_class", im_class, None);
    vm.add_getset(&m, "__name__", |vm, a| delegate(vm, a, "__name__"), None);
    vm.add_getset(&m, "__doc__", |vm, a| delegate(vm, a, "__doc__"), None);
    vm.add_getset(
        &m,
        "__module__",
        |vm, a| delegate(vm, a, "__module__"),
        None,
    );
}
