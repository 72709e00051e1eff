//! The block stack of CPython ≤3.10: how an exception, a `return`, a `break` or a
//! `continue` finds its way out through loops, `except` handlers and `finally` clauses.
//!
//! One unwinder serves every block-stack version; where versions differ the difference
//! is in which handlers the spec assigns (END_FINALLY of 2.x, 3.0–3.7 and 3.8; RETURN
//! through `finally` up to 3.7) and in one named flavour question: whether catching an
//! exception pushes an EXCEPT_HANDLER block and the previously handled exception (3.x)
//! or only the exception (2.x).
//!
//! Stack conventions, as in CPython: an exception on the stack is three values
//! `(traceback, value, type)` with the type on top; a `finally` entered by `return`,
//! `break` or `continue` finds a "why" code (an int) on top, with the return value or
//! continue target below it for WHY_RETURN/WHY_CONTINUE.

use super::frame::{Block, BlockKind, Frame};
use super::{PyErr, Vm};
use crate::object::Value;

pub const WHY_EXCEPTION: i64 = 0x0002;
pub const WHY_RETURN: i64 = 0x0008;
pub const WHY_BREAK: i64 = 0x0010;
pub const WHY_CONTINUE: i64 = 0x0020;
pub const WHY_SILENCED: i64 = 0x0080;

/// Why control is leaving a block.
pub enum Why {
    Exception(PyErr),
    Return(Value),
    Break,
    /// Continue at this instruction index.
    Continue(u32),
}

/// How the unwinding ended.
pub enum Unwound {
    /// A handler took over; the frame continues at its `pc`.
    Handled,
    /// No block handled it: the frame exits with this.
    Exit(Why),
}

impl Vm {
    /// Pops blocks of `frame` until one handles `why`.
    pub fn unwind_why(&mut self, frame: &mut Frame, why: Why) -> Unwound {
        let py3_handlers = super::flavour::except_handler_blocks(self.version);
        loop {
            let Some(&block) = frame.blocks.last() else {
                return Unwound::Exit(why);
            };
            if let (BlockKind::Loop, Why::Continue(target)) = (block.kind, &why) {
                frame.pc = *target as usize;
                return Unwound::Handled;
            }
            frame.blocks.pop();
            if block.kind == BlockKind::ExceptHandler {
                self.unwind_except_handler(frame, &block);
                continue;
            }
            frame.stack.truncate(block.level as usize);
            match (&why, block.kind) {
                (Why::Break, BlockKind::Loop) => {
                    frame.pc = block.handler as usize;
                    return Unwound::Handled;
                }
                (
                    Why::Exception(e),
                    BlockKind::Except | BlockKind::Finally | BlockKind::With | BlockKind::AsyncWith,
                ) => {
                    let exc = e.0.clone();
                    if py3_handlers {
                        let level = frame.stack.len() as u32;
                        frame.blocks.push(Block {
                            kind: BlockKind::ExceptHandler,
                            handler: frame.lasti as u32,
                            level,
                        });
                        let prev = std::mem::replace(&mut self.handled, Value::Obj(exc.clone()));
                        self.push_exc_triple(frame, &prev);
                    } else {
                        self.handled = Value::Obj(exc.clone());
                    }
                    self.push_exc_triple(frame, &Value::Obj(exc));
                    frame.pc = block.handler as usize;
                    return Unwound::Handled;
                }
                (_, BlockKind::Finally | BlockKind::With | BlockKind::AsyncWith) => {
                    let code = match why {
                        Why::Return(v) => {
                            frame.push(v);
                            WHY_RETURN
                        }
                        Why::Continue(t) => {
                            frame.push(Value::Int(i64::from(t)));
                            WHY_CONTINUE
                        }
                        Why::Break => WHY_BREAK,
                        Why::Exception(_) => WHY_EXCEPTION,
                    };
                    frame.push(Value::Int(code));
                    frame.pc = block.handler as usize;
                    return Unwound::Handled;
                }
                _ => {}
            }
        }
    }

    /// Pushes `(traceback, value, type)` for an exception value (None, None, None for
    /// no exception).
    pub fn push_exc_triple(&mut self, frame: &mut Frame, exc: &Value) {
        match exc {
            Value::Obj(e) => {
                let class_ = e.class().clone();
                let tb = self.exception_traceback(e);
                frame.push(tb);
                frame.push(exc.clone());
                frame.push(Value::Obj(class_));
            }
            _ => {
                frame.push(Value::None);
                frame.push(Value::None);
                frame.push(Value::None);
            }
        }
    }

    /// Leaves an EXCEPT_HANDLER block: drops what the handler left on the stack and
    /// restores the previously handled exception saved below it.
    pub fn unwind_except_handler(&mut self, frame: &mut Frame, block: &Block) {
        frame.stack.truncate(block.level as usize + 3);
        let _type = frame.pop();
        let value = frame.pop();
        let _tb = frame.pop();
        self.handled = if value.is_null() { Value::None } else { value };
    }

    /// The exception a `(traceback, value, type)` triple stands for.
    pub fn exc_from_triple(&mut self, value: &Value, typ: &Value) -> Result<PyErr, PyErr> {
        match value {
            Value::Obj(o) if matches!(o.payload, crate::object::Payload::Exception(_)) => {
                Ok(PyErr(o.clone()))
            }
            _ => self.make_exception(typ).map(PyErr),
        }
    }
}
