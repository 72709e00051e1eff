//! Generators, coroutines and async generators: a suspended frame and its status.
//!
//! Calling a generator function makes a generator object owning the prepared frame
//! (for 3.11+ code the frame itself makes it, at RETURN_GENERATOR). `send` moves the
//! frame back onto the interpreter, runs it to its next yield or return, and stores it
//! again.

use super::frame::Frame;
use super::Vm;
use crate::object::Value;

/// What a generator object holds.
pub enum GenState {
    /// Not started, or suspended at a yield: the frame to resume.
    Suspended(Box<Frame>),
    /// Currently executing (re-entering it is a ValueError).
    Running,
    /// Returned or raised: further `next()` raises StopIteration.
    Finished,
}

impl Vm {
    /// `next(generator)`: `None` when it finishes.
    pub fn generator_next(&mut self, gen: &Value) -> super::PyResult<Option<Value>> {
        let _ = gen;
        Err(self.system_error("generators are not implemented yet"))
    }

    /// For a generator-like code object whose version creates the generator at call time
    /// (no RETURN_GENERATOR instruction), the generator object to return instead of
    /// running the frame.
    pub fn generator_for_call(&mut self, frame: &Frame) -> Option<Value> {
        let _ = frame;
        None
    }
}
