//! Yielding and delegating: YIELD_VALUE (2.4's statement form too), YIELD_FROM (≤3.10),
//! SEND/END_SEND (3.11+),
//! GEN_START, RETURN_GENERATOR, the iterator set-up of `yield from`/`await`, and FOR_ITER
//! over a generator, which runs the generator's frame in the consumer's own loop.

use crate::object::{ObjRef, Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::frame::LoopResume;
use crate::vm::generator::{GenResult, Resumption};

impl Exec<'_> {
    /// FOR_ITER over a generator (`Vm::resumes_in_loop`): its frame is handed to the
    /// loop like a callee's, above this frame. Its yield comes back here as the next
    /// value; when it returns (or a StopIteration escapes it, where that still ends an
    /// iteration) the loop is left as FOR_ITER leaves it (`Vm::leave_loop_generator`).
    pub(crate) fn for_iter_generator(&mut self, gen: ObjRef, exhausted_target: u32) -> Flow {
        if let Ok(mut frame) = self.vm.gen_take_frame_plain(&gen, Value::None) {
            frame.loop_resume = Some(LoopResume {
                gen,
                saved_handled: self.vm.handled.clone(),
                exhausted_target,
            });
            return Flow::Call(frame);
        }
        match self.vm.gen_take_frame(&gen, Value::None, None) {
            Ok(Resumption::Run(mut frame, saved_handled)) => {
                frame.loop_resume = Some(LoopResume {
                    gen,
                    saved_handled,
                    exhausted_target,
                });
                Flow::Call(frame)
            }
            Ok(Resumption::Done(_)) => {
                self.frame.pop();
                self.jump(exhausted_target)
            }
            Err(e) => Flow::Raise(e),
        }
    }

    /// ≤3.10 (and 2.5+): yield TOS (wrapped in async generator code); the value sent in
    /// is pushed on resumption.
    pub fn yield_value(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        if self.frame.code.flags() & crate::vm::bind::CO_ASYNC_GENERATOR != 0 {
            return Flow::Yield(self.vm.async_gen_wrap_value(v));
        }
        Flow::Yield(v)
    }

    /// 2.4: the yield statement (`(value --)` in the spec): yield TOS; the generator
    /// resumes with nothing pushed (`generator::resumption_pushes_sent`).
    pub fn yield_value_stmt(&mut self, _: u32) -> Flow {
        Flow::Yield(self.frame.pop())
    }

    /// 3.11+: the same, the value already wrapped for async generators.
    pub fn yield_value_prewrapped(&mut self, _: u32) -> Flow {
        Flow::Yield(self.frame.pop())
    }

    /// 3.10: pops the None that started the generator.
    pub fn gen_start(&mut self, _: u32) -> Flow {
        self.frame.pop();
        Flow::Next
    }

    /// 3.11+: the generator object already exists (it was made at the call); stands in
    /// for the value the first `send` delivers, which the next POP_TOP discards.
    pub fn return_generator(&mut self, _: u32) -> Flow {
        self.frame.push(Value::None);
        Flow::Next
    }

    /// `iter(TOS)` unless it is already a generator or coroutine.
    pub fn get_yield_from_iter(&mut self, _: u32) -> Flow {
        let v = self.frame.top().clone();
        if matches!(v.payload(), Some(Payload::Generator(_))) {
            return Flow::Next;
        }
        let v = self.frame.pop();
        let r = self.vm.get_iter(&v);
        self.push_result(r)
    }

    /// 3.3–3.10: `[receiver, value]`: send value; on a yield re-run this instruction
    /// after resumption, on return replace both by the result.
    pub fn yield_from(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let receiver = self.frame.top().clone();
        match tri!(self.vm.send_to(&receiver, v)) {
            GenResult::Yield(y) => {
                self.frame.pc = self.frame.lasti;
                Flow::Yield(y)
            }
            GenResult::Return(r) => {
                self.frame.pop();
                self.frame.push(r);
                Flow::Next
            }
        }
    }

    /// 3.12+: `[receiver, value]` → on a yield `[receiver, yielded]`; on return
    /// `[receiver, result]` and jump (to END_SEND).
    pub fn send(&mut self, target: u32) -> Flow {
        let v = self.frame.pop();
        let receiver = self.frame.top().clone();
        match tri!(self.vm.send_to(&receiver, v)) {
            GenResult::Yield(y) => {
                self.frame.push(y);
                Flow::Next
            }
            GenResult::Return(r) => {
                self.frame.push(r);
                self.frame.pc = target as usize;
                Flow::Next
            }
        }
    }

    /// 3.11: like SEND, but on return the receiver is replaced by the result.
    pub fn send_pop_receiver(&mut self, target: u32) -> Flow {
        let v = self.frame.pop();
        let receiver = self.frame.top().clone();
        match tri!(self.vm.send_to(&receiver, v)) {
            GenResult::Yield(y) => {
                self.frame.push(y);
                Flow::Next
            }
            GenResult::Return(r) => {
                self.frame.pop();
                self.frame.push(r);
                self.frame.pc = target as usize;
                Flow::Next
            }
        }
    }

    /// 3.12+: `[receiver, value]` → `[value]`.
    pub fn end_send(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        self.frame.pop();
        self.frame.push(v);
        Flow::Next
    }

    /// 3.12+: the StopIteration a `yield from`/`await` delegate raised with a value is
    /// the result (`[sub_iter, last_sent_val, exc] → [None, value]`).
    pub fn cleanup_throw(&mut self, _: u32) -> Flow {
        let exc = self.frame.pop();
        let Value::Obj(e) = &exc else {
            return Flow::Next;
        };
        if self
            .vm
            .is_instance_of_class(e, &self.vm.types.exc.stop_iteration.clone())
        {
            let value = self.vm.stop_iteration_value(&crate::vm::PyErr(e.clone()));
            self.frame.pop();
            self.frame.pop();
            self.frame.push(Value::None);
            self.frame.push(value);
            Flow::Next
        } else {
            Flow::Reraise(crate::vm::PyErr(e.clone()))
        }
    }
}
