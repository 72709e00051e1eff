//! Handlers that only move values on the stack, or do nothing at run time.

use crate::object::Value;
use crate::vm::eval::{Exec, Flow};

impl Exec<'_> {
    #[inline(always)]
    pub fn nop(&mut self, _: u32) -> Flow {
        Flow::Next
    }

    /// 3.11+: marks the start of a function (or a resumption point); no effect here.
    #[inline(always)]
    pub fn resume(&mut self, _: u32) -> Flow {
        Flow::Next
    }

    #[inline(always)]
    pub fn pop_top(&mut self, _: u32) -> Flow {
        self.frame.pop();
        Flow::Next
    }

    #[inline(always)]
    pub fn push_null(&mut self, _: u32) -> Flow {
        self.frame.push(Value::Null);
        Flow::Next
    }

    /// Pushes a copy of the value `oparg` places down (1 = top).
    #[inline(always)]
    pub fn copy(&mut self, n: u32) -> Flow {
        let v = self.frame.peek((n as usize).wrapping_sub(1)).clone();
        self.frame.push(v);
        Flow::Next
    }

    /// Swaps the top with the value `oparg` places down (2 = second).
    #[inline(always)]
    pub fn swap(&mut self, n: u32) -> Flow {
        let len = self.frame.stack.len();
        let n = n as usize;
        if n <= len && n >= 2 {
            // Through registers, not `slice::swap`: that copies each value as one 16-byte
            // load, which stalls when the value was just pushed as two words.
            let top = self.frame.pop();
            let other = std::mem::replace(&mut self.frame.stack[len - n], top);
            self.frame.push(other);
        }
        Flow::Next
    }

    pub fn dup_top(&mut self, _: u32) -> Flow {
        let v = self.frame.top().clone();
        self.frame.push(v);
        Flow::Next
    }

    pub fn dup_top_two(&mut self, _: u32) -> Flow {
        let a = self.frame.peek(1).clone();
        let b = self.frame.peek(0).clone();
        self.frame.push(a);
        self.frame.push(b);
        Flow::Next
    }

    pub fn rot_two(&mut self, _: u32) -> Flow {
        self.swap(2)
    }

    pub fn rot_three(&mut self, _: u32) -> Flow {
        let top = self.frame.pop();
        let at = self.frame.stack.len().saturating_sub(2);
        self.frame.stack.insert(at, top);
        Flow::Next
    }

    pub fn rot_four(&mut self, _: u32) -> Flow {
        let top = self.frame.pop();
        let at = self.frame.stack.len().saturating_sub(3);
        self.frame.stack.insert(at, top);
        Flow::Next
    }

    /// 3.10: moves the top down `oparg` places.
    pub fn rot_n(&mut self, n: u32) -> Flow {
        let top = self.frame.pop();
        let at = self
            .frame
            .stack
            .len()
            .saturating_sub((n as usize).wrapping_sub(1));
        self.frame.stack.insert(at, top);
        Flow::Next
    }

    /// Folded by the decoder; never dispatched for code it decoded.
    pub fn extended_arg(&mut self, _: u32) -> Flow {
        Flow::Next
    }
}
