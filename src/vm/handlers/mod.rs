//! The instruction handlers, grouped by topic. Each is an inherent method of `Exec` named
//! after its spec handler (`load_const` for `[load_const]` in spec/handlers.toml); the
//! generated `dispatch_handler!` calls it. A handler the VM does not define falls back to
//! `Handlers::unimplemented`, which raises SystemError naming the opcode.

mod asyncio;
mod blocks;
mod build;
mod calls;
mod compare;
mod control;
mod exceptions;
mod generators;
mod imports;
mod intrinsics;
mod loads;
mod matching;
mod py2_calls;
mod py2_misc;
mod py2_print;
mod py2_slices;
mod py3_early;
mod stack;
mod unpack;

use super::eval::{Exec, Flow};
use super::PyResult;
use crate::object::Value;

impl Exec<'_> {
    /// Turns a result into the flow: push the value, or raise.
    #[inline]
    pub(crate) fn push_result(&mut self, r: PyResult<Value>) -> Flow {
        match r {
            Ok(v) => {
                self.frame.push(v);
                Flow::Next
            }
            Err(e) => Flow::Raise(e),
        }
    }

    /// Turns a unit result into the flow.
    #[inline]
    pub(crate) fn unit(&mut self, r: PyResult<()>) -> Flow {
        match r {
            Ok(()) => Flow::Next,
            Err(e) => Flow::Raise(e),
        }
    }

    /// The interned name `co_names[i]`.
    #[inline]
    pub(crate) fn name(&self, i: u32) -> crate::object::ObjRef {
        // Bad bytecode with an out-of-range index reads a placeholder name.
        self.frame
            .code
            .names
            .get(i as usize)
            .cloned()
            .unwrap_or_else(|| self.vm.names.name.clone())
    }
}

/// Propagates an error as a raise from a handler.
#[macro_export]
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return $crate::vm::eval::Flow::Raise(e),
        }
    };
}
