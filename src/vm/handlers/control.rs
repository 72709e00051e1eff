//! Jumps, loops and returns. Jump operands are instruction indices (resolved by the
//! decoder), so forward, backward and absolute jumps share their handlers.

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};

impl Exec<'_> {
    /// Every unconditional jump (forward, backward, absolute: the target is resolved).
    /// A backward jump is a safe point: the cycle collector and signal handlers run
    /// there when due.
    #[inline(always)]
    pub fn jump(&mut self, t: u32) -> Flow {
        if (t as usize) < self.frame.pc && crate::vm::breaker_due() {
            if let Err(e) = self.vm.service_breaker() {
                return Flow::Raise(e);
            }
        }
        self.frame.pc = t as usize;
        Flow::Next
    }

    /// Pops the top and tells its truth: a bool inline, anything else by a call.
    #[inline(always)]
    fn pop_truth(&mut self) -> Result<bool, Flow> {
        if let Some(&Value::Bool(b)) = self.frame.stack.last() {
            self.frame.drop_plain_top();
            return Ok(b.get());
        }
        self.pop_truth_slow()
    }

    #[inline(never)]
    fn pop_truth_slow(&mut self) -> Result<bool, Flow> {
        let v = self.frame.pop();
        self.vm.truthy(&v).map_err(Flow::Raise)
    }

    #[inline(always)]
    pub fn pop_jump_if_false(&mut self, t: u32) -> Flow {
        match self.pop_truth() {
            Ok(false) => self.jump(t),
            Ok(true) => Flow::Next,
            Err(f) => f,
        }
    }

    #[inline(always)]
    pub fn pop_jump_if_true(&mut self, t: u32) -> Flow {
        match self.pop_truth() {
            Ok(true) => self.jump(t),
            Ok(false) => Flow::Next,
            Err(f) => f,
        }
    }

    pub fn pop_jump_if_none(&mut self, t: u32) -> Flow {
        if self.frame.pop().is_none() {
            self.jump(t)
        } else {
            Flow::Next
        }
    }

    pub fn pop_jump_if_not_none(&mut self, t: u32) -> Flow {
        if !self.frame.pop().is_none() {
            self.jump(t)
        } else {
            Flow::Next
        }
    }

    pub fn jump_if_false_or_pop(&mut self, t: u32) -> Flow {
        let v = self.frame.top().clone();
        if !tri!(self.vm.truthy(&v)) {
            self.jump(t)
        } else {
            self.frame.pop();
            Flow::Next
        }
    }

    pub fn jump_if_true_or_pop(&mut self, t: u32) -> Flow {
        let v = self.frame.top().clone();
        if tri!(self.vm.truthy(&v)) {
            self.jump(t)
        } else {
            self.frame.pop();
            Flow::Next
        }
    }

    pub fn get_iter(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let r = self.vm.get_iter(&v);
        self.push_result(r)
    }

    /// Pushes the next item of the iterator on top; when it is exhausted, pops it and
    /// jumps to `target + skip` instructions. Inlined into the dispatch loop for range,
    /// list and tuple iterators; the rest is a call.
    #[inline(always)]
    fn for_iter_skipping(&mut self, target: u32, skip: u32) -> Flow {
        // Range, list and tuple iterators step here, without a reference count or a call.
        let simple = match self.frame.top() {
            Value::Obj(o) => match &o.payload {
                Payload::Iter(cell) => crate::vm::iter::step_simple(cell),
                _ => None,
            },
            _ => None,
        };
        match simple {
            Some(Some(v)) => {
                self.frame.push(v);
                return Flow::Next;
            }
            Some(None) => {
                self.frame.pop();
                return self.jump(target + skip);
            }
            None => {}
        }
        self.for_iter_slow(target + skip)
    }

    #[inline(never)]
    fn for_iter_slow(&mut self, exhausted_target: u32) -> Flow {
        if let Value::Obj(gen) = self.frame.top() {
            if self.vm.resumes_in_loop(gen) {
                let gen = gen.clone();
                let consumer = crate::vm::frame::Consumer::ForIter { exhausted_target };
                return self.resume_in_loop(gen, Value::None, consumer);
            }
        }
        let it = self.frame.top().clone();
        match self.vm.next(&it) {
            Ok(Some(v)) => {
                self.frame.push(v);
                Flow::Next
            }
            Ok(None) => {
                self.frame.pop();
                self.jump(exhausted_target)
            }
            Err(e) => Flow::Raise(e),
        }
    }

    /// FOR_ITER up to 3.11: exhausted, jump past the loop.
    #[inline(always)]
    pub fn for_iter(&mut self, t: u32) -> Flow {
        self.for_iter_skipping(t, 0)
    }

    /// 3.12: exhausted, jump past the END_FOR at the target.
    #[inline(always)]
    pub fn for_iter_skip_end_for(&mut self, t: u32) -> Flow {
        self.for_iter_skipping(t, 1)
    }

    /// 3.13: exhausted, jump past the END_FOR and POP_TOP at the target.
    #[inline(always)]
    pub fn for_iter_skip_end_for_pop_top(&mut self, t: u32) -> Flow {
        self.for_iter_skipping(t, 2)
    }

    /// 3.12: END_FOR pops the exhausted iterator and the last value.
    pub fn end_for(&mut self, _: u32) -> Flow {
        self.frame.pop();
        self.frame.pop();
        Flow::Next
    }

    #[inline(always)]
    pub fn return_value(&mut self, _: u32) -> Flow {
        Flow::Return(self.frame.pop())
    }
}
