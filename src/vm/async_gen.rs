//! Async generators: `__anext__`/`asend`/`athrow` awaitables over a suspended async
//! generator frame.
//!
//! Values the generator body yields are marked ("wrapped") so that they can be told apart
//! from values an `await` inside the body passes through to the event loop: a wrapped
//! value completes the `__anext__` awaitable (StopIteration(value)); anything else is
//! yielded outward; the body returning ends the iteration with StopAsyncIteration.
//! Up to 3.10 YIELD_VALUE wraps in async generator code; 3.11+ compile the wrapping
//! explicitly (ASYNC_GEN_WRAP, then the ASYNC_GEN_WRAP intrinsic).

use super::generator::GenResult;
use super::{PyErr, PyResult, Vm};
use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, PyCell, Value};

/// A value yielded by an async generator's body.
pub struct Wrapped(pub Value);

/// An awaitable that completes at once with a value (3.5–3.6 GET_AITER's wrapper).
pub struct Immediate(pub Value);

/// The awaitable `agen.__anext__()` / `agen.asend(v)` / `agen.athrow(...)` returns.
pub struct ASend {
    pub gen: ObjRef,
    /// The value to send on the first step, or the exception to throw.
    pub first: Option<Result<Value, PyErr>>,
    pub done: bool,
    /// `aclose()`: the generator ending (GeneratorExit, StopAsyncIteration or return)
    /// completes the awaitable; yielding a value is a RuntimeError.
    pub closing: bool,
}

impl Vm {
    /// Wraps a value yielded by an async generator body.
    pub fn async_gen_wrap_value(&self, v: Value) -> Value {
        Value::Obj(Object::new(
            self.types.iterator.clone(),
            Payload::Other(Box::new(Wrapped(v))),
        ))
    }

    /// An awaitable whose first step returns `v`.
    pub fn immediate_awaitable(&self, v: Value) -> Value {
        Value::Obj(Object::new(
            self.types.iterator.clone(),
            Payload::Other(Box::new(Immediate(v))),
        ))
    }

    fn new_asend(&self, gen: ObjRef, first: Result<Value, PyErr>, closing: bool) -> Value {
        let a = ASend {
            gen,
            first: Some(first),
            done: false,
            closing,
        };
        Value::Obj(Object::new(
            self.types.async_gen_asend.clone(),
            Payload::Other(Box::new(PyCell::new(a))),
        ))
    }

    /// One step of an asend/athrow awaitable: sends `v` (or throws `exc`) into the
    /// generator and classifies what comes out.
    fn asend_step(&mut self, aw: &ObjRef, v: Value, exc: Option<PyErr>) -> PyResult<Value> {
        let Payload::Other(any) = &aw.payload else {
            return Err(self.system_error("bad asend object"));
        };
        let Some(cell) = any.downcast_ref::<PyCell<ASend>>() else {
            return Err(self.system_error("bad asend object"));
        };
        let (gen, first, done, closing) =
            cell.with_mut(|a| (a.gen.clone(), a.first.take(), a.done, a.closing));
        if done {
            return Err(self.new_exception(
                &self.types.exc.runtime_error.clone(),
                "cannot reuse already awaited __anext__()/asend()",
            ));
        }
        let (value, throw) = match (first, exc) {
            (_, Some(e)) => (Value::None, Some(e)),
            (Some(Ok(first)), None) => (if v.is_none() { first } else { v }, None),
            (Some(Err(e)), None) => (Value::None, Some(e)),
            (None, None) => (v, None),
        };
        let r = self.gen_resume(&gen, value, throw);
        let finish = |_: &mut Vm| cell.with_mut(|a| a.done = true);
        match r {
            Ok(GenResult::Yield(y)) => {
                if let Some(Payload::Other(b)) = y.payload() {
                    if let Some(w) = b.downcast_ref::<Wrapped>() {
                        let inner = w.0.clone();
                        finish(self);
                        if closing {
                            return Err(self.new_exception(
                                &self.types.exc.runtime_error.clone(),
                                "async generator ignored GeneratorExit",
                            ));
                        }
                        return Err(self.stop_iteration_with(inner));
                    }
                }
                Ok(y)
            }
            Ok(GenResult::Return(_)) => {
                finish(self);
                if closing {
                    return Err(self.stop_iteration_with(Value::None));
                }
                Err(self.new_exception(&self.types.exc.stop_async_iteration.clone(), ""))
            }
            Err(e) => {
                finish(self);
                let ends = [
                    self.types.exc.generator_exit.clone(),
                    self.types.exc.stop_async_iteration.clone(),
                ];
                if closing && ends.iter().any(|c| self.is_instance_of_class(&e.0, c)) {
                    return Err(self.stop_iteration_with(Value::None));
                }
                Err(e)
            }
        }
    }

    /// Registers the async generator and asend types' methods.
    pub fn init_async_gen_types(&mut self) {
        let ag = self.types.async_generator.clone();
        self.add_method(&ag, "__aiter__", agen_aiter, BuiltinKind::Method);
        self.add_method(&ag, "__anext__", agen_anext, BuiltinKind::Method);
        self.add_method(&ag, "asend", agen_asend, BuiltinKind::Method);
        self.add_method(&ag, "athrow", agen_athrow, BuiltinKind::Method);
        self.add_method(&ag, "aclose", agen_aclose, BuiltinKind::Method);
        let a = self.types.async_gen_asend.clone();
        self.add_method(&a, "send", asend_send, BuiltinKind::Method);
        self.add_method(&a, "__next__", asend_next, BuiltinKind::Method);
        self.add_method(&a, "throw", asend_throw, BuiltinKind::Method);
        self.add_method(&a, "close", asend_close, BuiltinKind::Method);
        self.add_method(&a, "__iter__", asend_iter, BuiltinKind::Method);
        self.add_method(&a, "__await__", asend_iter, BuiltinKind::Method);
    }
}

fn self_obj<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a ObjRef> {
    args.values
        .first()
        .and_then(|v| v.as_obj())
        .ok_or_else(|| vm.type_error("method needs an object"))
}

fn agen_aiter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(self_obj(vm, &args)?.clone()))
}

fn agen_anext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = self_obj(vm, &args)?.clone();
    Ok(vm.new_asend(g, Ok(Value::None), false))
}

fn agen_asend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = self_obj(vm, &args)?.clone();
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    Ok(vm.new_asend(g, Ok(v), false))
}

fn agen_athrow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = self_obj(vm, &args)?.clone();
    let t = args.values.get(1).cloned().unwrap_or(Value::None);
    let e = PyErr(vm.make_exception(&t)?);
    Ok(vm.new_asend(g, Err(e), false))
}

fn agen_aclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = self_obj(vm, &args)?.clone();
    let e = vm.new_exception(&vm.types.exc.generator_exit.clone(), "");
    Ok(vm.new_asend(g, Err(e), true))
}

fn asend_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = self_obj(vm, &args)?.clone();
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    vm.asend_step(&a, v, None)
}

fn asend_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = self_obj(vm, &args)?.clone();
    vm.asend_step(&a, Value::None, None)
}

fn asend_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = self_obj(vm, &args)?.clone();
    let t = args.values.get(1).cloned().unwrap_or(Value::None);
    let e = PyErr(vm.make_exception(&t)?);
    vm.asend_step(&a, Value::None, Some(e))
}

fn asend_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = self_obj(vm, &args)?.clone();
    if let Payload::Other(any) = &a.payload {
        if let Some(cell) = any.downcast_ref::<PyCell<ASend>>() {
            cell.with_mut(|s| s.done = true);
        }
    }
    Ok(Value::None)
}

fn asend_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(self_obj(vm, &args)?.clone()))
}
