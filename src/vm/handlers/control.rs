//! Jumps, loops and returns. Jump operands are instruction indices (resolved by the
//! decoder), so forward, backward and absolute jumps share their handlers.

use crate::object::Value;
use crate::tri;
use crate::vm::eval::{Exec, Flow};

impl Exec<'_> {
    #[inline]
    fn jump(&mut self, target: u32) -> Flow {
        self.frame.pc = target as usize;
        Flow::Next
    }

    pub fn jump_forward(&mut self, t: u32) -> Flow {
        self.jump(t)
    }

    pub fn jump_backward(&mut self, t: u32) -> Flow {
        self.jump(t)
    }

    pub fn jump_backward_no_interrupt(&mut self, t: u32) -> Flow {
        self.jump(t)
    }

    pub fn jump_absolute(&mut self, t: u32) -> Flow {
        self.jump(t)
    }

    #[inline]
    fn pop_truth(&mut self) -> Result<bool, Flow> {
        let v = self.frame.pop();
        match v {
            Value::Bool(b) => Ok(b),
            _ => self.vm.truthy(&v).map_err(Flow::Raise),
        }
    }

    pub fn pop_jump_if_false(&mut self, t: u32) -> Flow {
        match self.pop_truth() {
            Ok(false) => self.jump(t),
            Ok(true) => Flow::Next,
            Err(f) => f,
        }
    }

    pub fn pop_jump_if_true(&mut self, t: u32) -> Flow {
        match self.pop_truth() {
            Ok(true) => self.jump(t),
            Ok(false) => Flow::Next,
            Err(f) => f,
        }
    }

    pub fn pop_jump_forward_if_false(&mut self, t: u32) -> Flow {
        self.pop_jump_if_false(t)
    }

    pub fn pop_jump_forward_if_true(&mut self, t: u32) -> Flow {
        self.pop_jump_if_true(t)
    }

    pub fn pop_jump_backward_if_false(&mut self, t: u32) -> Flow {
        self.pop_jump_if_false(t)
    }

    pub fn pop_jump_backward_if_true(&mut self, t: u32) -> Flow {
        self.pop_jump_if_true(t)
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

    pub fn pop_jump_forward_if_none(&mut self, t: u32) -> Flow {
        self.pop_jump_if_none(t)
    }

    pub fn pop_jump_forward_if_not_none(&mut self, t: u32) -> Flow {
        self.pop_jump_if_not_none(t)
    }

    pub fn pop_jump_backward_if_none(&mut self, t: u32) -> Flow {
        self.pop_jump_if_none(t)
    }

    pub fn pop_jump_backward_if_not_none(&mut self, t: u32) -> Flow {
        self.pop_jump_if_not_none(t)
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

    /// FOR_ITER up to 3.11: push the next item, or pop the iterator and jump past the loop.
    pub fn for_iter(&mut self, t: u32) -> Flow {
        let it = self.frame.top().clone();
        match self.vm.next(&it) {
            Ok(Some(v)) => {
                self.frame.push(v);
                Flow::Next
            }
            Ok(None) => {
                self.frame.pop();
                self.jump(t)
            }
            Err(e) => Flow::Raise(e),
        }
    }

    pub fn return_value(&mut self, _: u32) -> Flow {
        Flow::Return(self.frame.pop())
    }
}
