//! The introspection attributes of generators, coroutines and async generators
//! (`gi_code`, `gi_running`, `gi_yieldfrom`, `gi_frame` and their `cr_`/`ag_` names), and
//! the `frame` object `gi_frame` returns: a view of the suspended generator's frame.

use super::generator::{GenObject, GenState};
use super::{PyResult, Vm};
use crate::object::{Args, NativeFn, ObjRef, Object, Payload, Value};

/// `gen.gi_frame` while the generator has not finished.
pub struct GenFrameView {
    pub gen: ObjRef,
}

impl Vm {
    /// Registers the attributes on the three generator types and the frame type.
    pub fn init_gen_attrs(&mut self) {
        let kinds = [
            (
                self.types.generator.clone(),
                ["gi_code", "gi_running", "gi_yieldfrom", "gi_frame"],
            ),
            (
                self.types.coroutine.clone(),
                ["cr_code", "cr_running", "cr_await", "cr_frame"],
            ),
            (
                self.types.async_generator.clone(),
                ["ag_code", "ag_running", "ag_await", "ag_frame"],
            ),
        ];
        let getters: [NativeFn; 4] = [gen_code, gen_running, gen_delegate, gen_frame];
        for (t, names) in kinds {
            for (name, get) in names.into_iter().zip(getters) {
                self.add_getset(&t, name, get, None);
            }
        }
        let f = self.types.frame.clone();
        self.add_getset(&f, "f_code", frame_code, None);
        self.add_getset(&f, "f_globals", frame_globals, None);
        self.add_getset(&f, "f_locals", frame_locals, None);
        self.add_getset(&f, "f_back", frame_back, None);
        self.add_getset(&f, "f_lineno", frame_lineno, None);
    }
}

fn gen_of<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<(&'a ObjRef, &'a GenObject)> {
    match v {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Generator(g) => Ok((o, g)),
            _ => Err(vm.type_error("descriptor requires a generator object")),
        },
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn gen_code(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, g) = gen_of(vm, args.values.first())?;
    Ok(Value::Obj(crate::vm::code::code_object(vm, g.code.clone())))
}

fn gen_running(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, g) = gen_of(vm, args.values.first())?;
    Ok(Value::bool(g.with(|s| matches!(s, GenState::Running))))
}

fn gen_delegate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, g) = gen_of(vm, args.values.first())?;
    let d = g.with(|s| match s {
        GenState::Suspended(f) => Vm::delegate_of(f),
        _ => None,
    });
    Ok(d.unwrap_or(Value::None))
}

fn gen_frame(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, g) = gen_of(vm, args.values.first())?;
    if g.with(|s| matches!(s, GenState::Finished)) {
        return Ok(Value::None);
    }
    Ok(Value::Obj(Object::new(
        vm.types.frame.clone(),
        Payload::Other(Box::new(GenFrameView { gen: o.clone() })),
    )))
}

fn view_gen<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a GenObject> {
    let view = match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(any)) => any.downcast_ref::<GenFrameView>(),
        _ => None,
    };
    match view.map(|v| &v.gen.payload) {
        Some(Payload::Generator(g)) => Ok(g),
        _ => Err(vm.type_error("descriptor requires a 'frame' object")),
    }
}

/// The entry of a traceback's frame view (`tb.tb_frame`).
fn tb_frame_entry<'a>(args: &'a Args<'_>) -> Option<&'a crate::object::exception::TracebackEntry> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(any)) => any
            .downcast_ref::<super::traceback::TracebackFrame>()
            .map(|f| &f.entry),
        _ => None,
    }
}

fn frame_code(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let code = match tb_frame_entry(&args) {
        Some(e) => e.code.clone(),
        None => view_gen(vm, &args)?.code.clone(),
    };
    Ok(Value::Obj(crate::vm::code::code_object(vm, code)))
}

fn frame_globals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(f) = snapshot(&args) {
        return Ok(f.globals.clone().map_or(Value::None, Value::Obj));
    }
    Ok(Value::Obj(view_gen(vm, &args)?.globals.clone()))
}

/// `sys._getframe()`'s and `tb_frame`'s frames.
fn snapshot<'a>(args: &'a Args<'_>) -> Option<&'a super::traceback::TracebackFrame> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(any)) => any.downcast_ref::<super::traceback::TracebackFrame>(),
        _ => None,
    }
}

fn frame_locals(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match snapshot(&args) {
        Some(f) => Ok(f.locals.clone()),
        None => Ok(Value::Obj(vm.new_dict())),
    }
}

fn frame_back(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(f) = snapshot(&args) {
        if f.origin == 0 {
            return Ok(Value::None);
        }
        return Ok(vm.frame_back_snapshot(f.origin).unwrap_or(Value::None));
    }
    view_gen(vm, &args)?;
    Ok(Value::None)
}

fn frame_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(e) = tb_frame_entry(&args) {
        return Ok(e
            .code
            .line_of(e.instr as usize)
            .map_or(Value::None, |l| Value::Int(i64::from(l))));
    }
    let g = view_gen(vm, &args)?;
    let line = g.with(|s| match s {
        GenState::Suspended(f) if f.fresh => Some(Some(f.frame.code.co.firstlineno)),
        GenState::Suspended(f) => Some(f.frame.code.line_of(f.frame.lasti)),
        _ => None,
    });
    match line {
        Some(l) => Ok(l.map_or(Value::None, |l| Value::Int(i64::from(l)))),
        None => Err(vm.new_exception(
            &vm.types.exc.not_implemented_error.clone(),
            "f_lineno of a running or finished generator's frame",
        )),
    }
}
