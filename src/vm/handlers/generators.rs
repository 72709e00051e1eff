//! Yielding and delegating: YIELD_VALUE (2.4's statement form too), YIELD_FROM (≤3.10),
//! SEND/END_SEND (3.11+),
//! GEN_START, RETURN_GENERATOR, and the iterator set-up of `yield from`/`await`. FOR_ITER,
//! SEND and YIELD_FROM on a generator run its frame in the consumer's own loop.

use crate::object::{ObjRef, Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::frame::{Consumer, LoopResume};
use crate::vm::generator::{consumer_gets_return, consumer_gets_yield, GenResult, Resumption};

impl Exec<'_> {
    /// Resumes generator `gen` (`Vm::resumes_in_loop`) with `value` sent in, for this
    /// frame's FOR_ITER, SEND or YIELD_FROM (`consumer`): its frame is handed to the loop
    /// like a callee's, above this frame, and what it yields or returns comes back here
    /// as `consumer` says (`Vm::leave_loop_generator`), as the nested run's result would.
    pub(crate) fn resume_in_loop(&mut self, gen: ObjRef, value: Value, consumer: Consumer) -> Flow {
        let (mut frame, saved_handled) = match self.vm.gen_take_frame_plain(&gen, value) {
            Ok(frame) => (frame, self.vm.handled.clone()),
            Err(value) => match self.vm.gen_take_frame(&gen, value, None) {
                Ok(Resumption::Run(frame, saved_handled)) => (frame, saved_handled),
                Ok(Resumption::Done(GenResult::Return(r))) => {
                    consumer_gets_return(self.frame, consumer, r);
                    return Flow::Next;
                }
                Ok(Resumption::Done(GenResult::Yield(v))) => {
                    return match consumer_gets_yield(self.frame, consumer, v) {
                        None => Flow::Next,
                        Some(v) => Flow::Yield(v),
                    };
                }
                Err(e) => return Flow::Raise(e),
            },
        };
        frame.loop_resume = Some(LoopResume {
            gen,
            saved_handled,
            consumer,
        });
        Flow::Call(frame)
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
        if let Value::Obj(gen) = &receiver {
            if self.vm.resumes_in_loop(gen) {
                return self.resume_in_loop(gen.clone(), v, Consumer::YieldFrom);
            }
        }
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
        if let Value::Obj(gen) = &receiver {
            if self.vm.resumes_in_loop(gen) {
                let consumer = Consumer::Send {
                    target,
                    pop_receiver: false,
                };
                return self.resume_in_loop(gen.clone(), v, consumer);
            }
        }
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
        if let Value::Obj(gen) = &receiver {
            if self.vm.resumes_in_loop(gen) {
                let consumer = Consumer::Send {
                    target,
                    pop_receiver: true,
                };
                return self.resume_in_loop(gen.clone(), v, consumer);
            }
        }
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
