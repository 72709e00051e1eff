//! `throw()` and `close()` on a generator suspended in `yield from` or `await`: the
//! exception goes first to the iterator it delegates to, as CPython's `_gen_throw` does.
//! GeneratorExit closes the delegate, then is raised in the generator; any other exception
//! is thrown into the delegate, whose yield is the generator's yield, whose return ends
//! the `yield from` with that value, and whose exception is raised in the generator.

use super::generator::{GenFrame, GenResult, GenState};
use super::{PyErr, PyResult, Vm};
use crate::object::{Args, ObjRef, Payload, Value};
use crate::spec::Handler;

/// What throwing into a delegate did.
enum Delegated {
    Yield(Value),
    Return(Value),
    Raise(PyErr),
    /// Raise the exception in the generator itself.
    ThrowHere,
}

impl Vm {
    /// The iterator a suspended generator delegates to, if it is in `yield from`/`await`:
    /// ≤3.10 it waits to re-run YIELD_FROM, 3.11+ its next instruction is a RESUME after
    /// `yield from`/`await`; either way the delegate is on top of its stack.
    pub fn delegate_of(g: &GenFrame) -> Option<Value> {
        if g.fresh {
            return None;
        }
        let f = &g.frame;
        let instr = f.code.instrs.get(f.pc)?;
        let delegating = match instr.handler {
            Handler::YieldFrom => true,
            Handler::Resume => instr.arg & 3 >= 2,
            _ => false,
        };
        if delegating {
            f.stack.last().cloned()
        } else {
            None
        }
    }

    /// Throws `exc` into generator `gen`, through the iterator it delegates to if any.
    pub fn gen_throw_exc(&mut self, gen: &ObjRef, exc: PyErr) -> PyResult<GenResult> {
        let Payload::Generator(cell) = &gen.payload else {
            return Err(self.type_error("not a generator"));
        };
        let sub = cell.with(|st| match st {
            GenState::Suspended(g) => Self::delegate_of(g),
            _ => None,
        });
        let Some(sub) = sub else {
            return self.gen_resume(gen, Value::None, Some(exc));
        };
        // The generator counts as running while its delegate handles the exception.
        let GenState::Suspended(mut g) = cell.replace(GenState::Running) else {
            return Err(self.system_error("generator state changed"));
        };
        let r = self.throw_into_delegate(&sub, &exc);
        if let Delegated::Return(v) = &r {
            // The delegate finished: the `yield from` completes with `v` when resumed.
            if let Some(top) = g.frame.stack.last_mut() {
                *top = self.immediate_awaitable(v.clone());
            }
        }
        cell.replace(GenState::Suspended(g));
        match r {
            Delegated::Yield(v) => Ok(GenResult::Yield(v)),
            Delegated::Return(_) => self.gen_resume(gen, Value::None, None),
            Delegated::Raise(e) => self.gen_resume(gen, Value::None, Some(e)),
            Delegated::ThrowHere => self.gen_resume(gen, Value::None, Some(exc)),
        }
    }

    fn throw_into_delegate(&mut self, sub: &Value, exc: &PyErr) -> Delegated {
        let generator_exit = self.types.exc.generator_exit.clone();
        if self.is_instance_of_class(&exc.0, &generator_exit) {
            let close = self.intern("close");
            return match self.get_attr_opt(sub, &close) {
                Ok(Some(m)) => match self.call(&m, Args::positional(&[])) {
                    Ok(_) => Delegated::ThrowHere,
                    Err(e) => Delegated::Raise(e),
                },
                Ok(None) => Delegated::ThrowHere,
                Err(e) => Delegated::Raise(e),
            };
        }
        let r = match sub {
            Value::Obj(o) if matches!(o.payload, Payload::Generator(_)) => {
                match self.gen_throw_exc(o, exc.clone()) {
                    Ok(GenResult::Yield(v)) => Ok(v),
                    Ok(GenResult::Return(v)) => return Delegated::Return(v),
                    Err(e) => Err(e),
                }
            }
            _ => {
                let throw = self.intern("throw");
                match self.get_attr_opt(sub, &throw) {
                    Ok(Some(m)) => self.call(&m, Args::positional(&[Value::Obj(exc.0.clone())])),
                    Ok(None) => return Delegated::ThrowHere,
                    Err(e) => Err(e),
                }
            }
        };
        match r {
            Ok(v) => Delegated::Yield(v),
            Err(e) if self.is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) => {
                Delegated::Return(self.stop_iteration_value(&e))
            }
            Err(e) => Delegated::Raise(e),
        }
    }
}
