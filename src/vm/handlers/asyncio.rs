//! `await`, `async for` and `async with`: GET_AWAITABLE, GET_AITER, GET_ANEXT,
//! BEFORE_ASYNC_WITH, SETUP_ASYNC_WITH and END_ASYNC_FOR of each era.

use crate::object::{Args, Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::frame::{Block, BlockKind};
use crate::vm::generator::GenKind;
use crate::vm::{PyErr, PyResult};

impl crate::vm::Vm {
    /// The iterator `await obj` delegates to: a coroutine itself, else `obj.__await__()`.
    pub fn awaitable_iter(&mut self, obj: &Value) -> PyResult<Value> {
        if let Some(Payload::Generator(g)) = obj.payload() {
            // (a coroutine, a generator marked by `types.coroutine`)
            let (is_coro, iterable_coro) = g.with(|s| match s {
                crate::vm::generator::GenState::Suspended(f) => (
                    g.kind == GenKind::Coroutine,
                    f.frame.code.flags() & crate::vm::bind::CO_ITERABLE_COROUTINE != 0,
                ),
                _ => (true, false),
            });
            let coro_type =
                std::ptr::eq(self.class_of(obj).as_ref(), self.types.coroutine.as_ref());
            if (is_coro && coro_type) || iterable_coro {
                return Ok(obj.clone());
            }
        }
        let name = self.names.__await__.clone();
        match self.call_special(obj, &name, &[])? {
            Some(it) => {
                if matches!(it.payload(), Some(Payload::Generator(_)))
                    && std::rc::Rc::ptr_eq(self.class_of(&it), &self.types.coroutine)
                {
                    return Err(self.type_error("__await__() returned a coroutine"));
                }
                Ok(it)
            }
            None => Err(self.type_error(&format!(
                "object {} can't be used in 'await' expression",
                self.type_name(obj)
            ))),
        }
    }
}

impl Exec<'_> {
    pub fn get_awaitable(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let r = self.vm.awaitable_iter(&v);
        self.push_result(r)
    }

    fn aiter_of(&mut self, v: &Value) -> PyResult<Value> {
        let name = self.vm.names.__aiter__.clone();
        match self.vm.call_special(v, &name, &[])? {
            Some(it) => Ok(it),
            None => Err(self.vm.type_error(&format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.vm.type_name(v)
            ))),
        }
    }

    pub fn get_aiter(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let r = self.aiter_of(&v);
        self.push_result(r)
    }

    /// 3.5–3.6: the result is awaited (YIELD_FROM follows): an async iterator is
    /// wrapped in an awaitable that returns it at once; anything else is awaited as is.
    pub fn get_aiter_awaitable(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let aiter = tri!(self.aiter_of(&v));
        let anext = self.vm.names.__anext__.clone();
        let class_ = self.vm.class_of(&aiter).clone();
        if self.vm.lookup_in_mro(&class_, &anext).is_some() {
            let w = self.vm.immediate_awaitable(aiter);
            self.frame.push(w);
        } else {
            let r = self.vm.awaitable_iter(&aiter);
            return self.push_result(r);
        }
        Flow::Next
    }

    pub fn get_anext(&mut self, _: u32) -> Flow {
        let aiter = self.frame.top().clone();
        let name = self.vm.names.__anext__.clone();
        let next = match tri!(self.vm.call_special(&aiter, &name, &[])) {
            Some(n) => n,
            None => {
                let msg = format!(
                    "'async for' requires an iterator with __anext__ method, got {}",
                    self.vm.type_name(&aiter)
                );
                return Flow::Raise(self.vm.type_error(&msg));
            }
        };
        match self.vm.awaitable_iter(&next) {
            Ok(aw) => {
                self.frame.push(aw);
                Flow::Next
            }
            Err(e)
                if self
                    .vm
                    .is_instance_of_class(&e.0, &self.vm.types.exc.type_error.clone()) =>
            {
                let msg = format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.vm.type_name(&next)
                );
                Flow::Raise(self.vm.type_error(&msg))
            }
            Err(e) => Flow::Raise(e),
        }
    }

    pub fn before_async_with(&mut self, _: u32) -> Flow {
        let mgr = self.frame.pop();
        let class_ = self.vm.class_of(&mgr).clone();
        let (enter_name, exit_name) = (
            self.vm.names.__aenter__.clone(),
            self.vm.names.__aexit__.clone(),
        );
        let enter = self.vm.lookup_in_mro(&class_, &enter_name);
        let exit = self.vm.lookup_in_mro(&class_, &exit_name);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let v = self.vm.version.format.major_minor;
            let msg = crate::vm::messages::no_context_manager(
                v,
                &self.vm.type_name(&mgr),
                true,
                self.vm.lookup_in_mro(&class_, &enter_name).is_none()
                    && !(crate::vm::flavour::async_with_looks_up_exit_first(self.vm.version)
                        && self.vm.lookup_in_mro(&class_, &exit_name).is_none()),
            );
            let cls = if crate::vm::flavour::missing_context_manager_is_type_error(self.vm.version)
            {
                self.vm.types.exc.type_error.clone()
            } else {
                self.vm.types.exc.attribute_error.clone()
            };
            return Flow::Raise(self.vm.new_exception(&cls, &msg));
        };
        let exit = tri!(self.vm.descr_get(exit, Some(&mgr), &class_));
        let enter = tri!(self.vm.descr_get(enter, Some(&mgr), &class_));
        let res = tri!(self.vm.call(&enter, Args::positional(&[])));
        let awaitable = tri!(self.vm.awaitable_iter(&res));
        self.frame.push(exit);
        self.frame.push(awaitable);
        Flow::Next
    }

    /// ≤3.10: `[exit, value]` → a finally block under the value.
    pub fn setup_async_with(&mut self, target: u32) -> Flow {
        let res = self.frame.pop();
        let level = self.frame.stack.len() as u32;
        self.frame.blocks.push(Block {
            kind: BlockKind::AsyncWith,
            handler: target,
            level,
        });
        self.frame.push(res);
        Flow::Next
    }

    /// 3.11+: `[aiter, exc]`: StopAsyncIteration ends the loop, anything else re-raises.
    pub fn end_async_for(&mut self, _: u32) -> Flow {
        let exc = self.frame.pop();
        let Value::Obj(e) = &exc else {
            return Flow::Raise(self.vm.system_error("END_ASYNC_FOR without an exception"));
        };
        if self
            .vm
            .is_instance_of_class(e, &self.vm.types.exc.stop_async_iteration.clone())
        {
            self.frame.pop();
            Flow::Next
        } else {
            Flow::Reraise(PyErr(e.clone()))
        }
    }

    /// 3.8–3.10: `[aiter, prev triple, exc triple]` under an EXCEPT_HANDLER block.
    pub fn end_async_for_block(&mut self, _: u32) -> Flow {
        let typ = self.frame.peek(0).clone();
        let value = self.frame.peek(1).clone();
        let is_stop = match &value {
            Value::Obj(e) => self
                .vm
                .is_instance_of_class(e, &self.vm.types.exc.stop_async_iteration.clone()),
            _ => false,
        };
        if is_stop {
            if let Some(b) = self.frame.blocks.pop() {
                if b.kind == BlockKind::ExceptHandler {
                    self.vm.unwind_except_handler(self.frame, &b);
                }
            }
            self.frame.pop();
            Flow::Next
        } else {
            self.frame.pop();
            self.frame.pop();
            self.frame.pop();
            match self.vm.exc_from_triple(&value, &typ) {
                Ok(e) => Flow::Reraise(e),
                Err(e) => Flow::Raise(e),
            }
        }
    }

    /// 3.11: marks the value an async generator body is about to yield.
    pub fn async_gen_wrap(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let w = self.vm.async_gen_wrap_value(v);
        self.frame.push(w);
        Flow::Next
    }
}
