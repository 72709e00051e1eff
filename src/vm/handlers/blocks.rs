//! Block-stack handlers (≤3.10): SETUP_*, POP_BLOCK, POP_EXCEPT, END_FINALLY of each era,
//! BREAK_LOOP/CONTINUE_LOOP, RETURN through `finally` (≤3.7), the 3.8 finally
//! subroutines, RERAISE of 3.9/3.10, and the `with` statement's clean-up sequences.

use crate::object::{Args, Value};
use crate::tri;
use crate::vm::blocks::{Unwound, Why, WHY_CONTINUE, WHY_RETURN, WHY_SILENCED};
use crate::vm::eval::{Exec, Flow};
use crate::vm::frame::{Block, BlockKind};
use crate::vm::PyErr;

impl Exec<'_> {
    fn push_block(&mut self, kind: BlockKind, handler: u32) {
        let level = self.frame.stack.len() as u32;
        self.frame.blocks.push(Block {
            kind,
            handler,
            level,
        });
    }

    pub fn setup_loop(&mut self, target: u32) -> Flow {
        self.push_block(BlockKind::Loop, target);
        Flow::Next
    }

    pub fn setup_except(&mut self, target: u32) -> Flow {
        self.push_block(BlockKind::Except, target);
        Flow::Next
    }

    pub fn setup_finally(&mut self, target: u32) -> Flow {
        self.push_block(BlockKind::Finally, target);
        Flow::Next
    }

    /// 3.8–3.10 POP_BLOCK: leaves the innermost block; the stack stays as it is.
    pub fn pop_block(&mut self, _: u32) -> Flow {
        self.frame.blocks.pop();
        Flow::Next
    }

    /// ≤3.7 POP_BLOCK: leaves the innermost block and drops what was pushed above it.
    pub fn pop_block_unwind(&mut self, _: u32) -> Flow {
        if let Some(b) = self.frame.blocks.pop() {
            self.frame.stack.truncate(b.level as usize);
        }
        Flow::Next
    }

    /// 3.0–3.10 POP_EXCEPT: leaves the EXCEPT_HANDLER block, restoring the previously
    /// handled exception from the three values on top (3.8+ may have moved a return value
    /// under them with ROT_FOUR, so nothing below them is dropped).
    pub fn pop_except_block(&mut self, _: u32) -> Flow {
        match self.frame.blocks.pop() {
            Some(b) if b.kind == BlockKind::ExceptHandler => {
                let _type = self.frame.pop();
                let value = self.frame.pop();
                let _tb = self.frame.pop();
                self.vm.handled = if value.is_null() { Value::None } else { value };
                Flow::Next
            }
            _ => Flow::Raise(
                self.vm
                    .system_error("popped block is not an except handler"),
            ),
        }
    }

    fn leave(&mut self, why: Why) -> Flow {
        match self.vm.unwind_why(self.frame, why) {
            Unwound::Handled => Flow::Next,
            Unwound::Exit(Why::Return(v)) => Flow::Return(v),
            Unwound::Exit(Why::Exception(e)) => Flow::Reraise(e),
            Unwound::Exit(_) => {
                Flow::Raise(self.vm.system_error("'break' or 'continue' outside a loop"))
            }
        }
    }

    pub fn break_loop(&mut self, _: u32) -> Flow {
        self.leave(Why::Break)
    }

    pub fn continue_loop(&mut self, target: u32) -> Flow {
        self.leave(Why::Continue(target))
    }

    /// ≤3.7: `return` runs the enclosing `finally` clauses first.
    pub fn return_value_unwind(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        if self.frame.blocks.is_empty() {
            return Flow::Return(v);
        }
        self.leave(Why::Return(v))
    }

    /// END_FINALLY (3.0–3.7): the top says how the `finally` was entered: None (normally),
    /// a why code (return/break/continue/silenced), or an exception triple.
    pub fn end_finally_py3(&mut self, _: u32) -> Flow {
        let status = self.frame.pop();
        match status {
            Value::None | Value::Null => Flow::Next,
            Value::Int(code) => self.resume_why(code),
            typ => {
                let value = self.frame.pop();
                let _tb = self.frame.pop();
                match self.vm.exc_from_triple(&value, &typ) {
                    Ok(e) => self.leave(Why::Exception(e)),
                    Err(e) => Flow::Raise(e),
                }
            }
        }
    }

    /// END_FINALLY of 2.x: as in 3.x, but a silenced exception has no handler block.
    pub fn end_finally_py2(&mut self, a: u32) -> Flow {
        self.end_finally_py3(a)
    }

    fn resume_why(&mut self, code: i64) -> Flow {
        match code {
            WHY_RETURN => {
                let v = self.frame.pop();
                self.leave(Why::Return(v))
            }
            WHY_CONTINUE => match self.frame.pop() {
                Value::Int(t) => self.leave(Why::Continue(t as u32)),
                _ => Flow::Raise(self.vm.system_error("bad continue target")),
            },
            WHY_SILENCED => {
                if let Some(b) = self.frame.blocks.pop() {
                    if b.kind == BlockKind::ExceptHandler {
                        self.vm.unwind_except_handler(self.frame, &b);
                    }
                }
                Flow::Next
            }
            crate::vm::blocks::WHY_BREAK => self.leave(Why::Break),
            _ => Flow::Next,
        }
    }

    /// 3.8 END_FINALLY: NULL (normal entry), an int (a CALL_FINALLY return address), or an
    /// exception triple to re-raise.
    pub fn end_finally_py38(&mut self, _: u32) -> Flow {
        let status = self.frame.pop();
        match status {
            Value::Null | Value::None => Flow::Next,
            Value::Int(target) => {
                self.frame.pc = target as usize;
                Flow::Next
            }
            typ => {
                let value = self.frame.pop();
                let _tb = self.frame.pop();
                match self.vm.exc_from_triple(&value, &typ) {
                    Ok(e) => Flow::Reraise(e),
                    Err(e) => Flow::Raise(e),
                }
            }
        }
    }

    /// 3.8: enter a `finally` block normally (NULL marks "no exception").
    pub fn begin_finally(&mut self, _: u32) -> Flow {
        self.frame.push(Value::Null);
        Flow::Next
    }

    /// 3.8: run the `finally` block as a subroutine returning after this instruction.
    pub fn call_finally(&mut self, target: u32) -> Flow {
        self.frame.push(Value::Int(self.frame.pc as i64));
        self.frame.pc = target as usize;
        Flow::Next
    }

    /// 3.8: leave a `finally` block early (return/break inside it); `oparg` set keeps the
    /// return value on top.
    pub fn pop_finally(&mut self, keep_top: u32) -> Flow {
        let res = if keep_top != 0 {
            Some(self.frame.pop())
        } else {
            None
        };
        let exc = self.frame.pop();
        if !(exc.is_null() || matches!(exc, Value::Int(_))) {
            self.frame.pop();
            self.frame.pop();
            match self.frame.blocks.pop() {
                Some(b) if b.kind == BlockKind::ExceptHandler => {
                    self.vm.unwind_except_handler(self.frame, &b)
                }
                _ => {
                    return Flow::Raise(
                        self.vm
                            .system_error("popped block is not an except handler"),
                    )
                }
            }
        }
        if let Some(r) = res {
            self.frame.push(r);
        }
        Flow::Next
    }

    /// 3.9/3.10: `[..., right, left]`: jump unless exception `left` matches `right`.
    pub fn jump_if_not_exc_match(&mut self, target: u32) -> Flow {
        let right = self.frame.pop();
        let left = self.frame.pop();
        if tri!(self.vm.exception_matches(&left, &right)) {
            Flow::Next
        } else {
            self.frame.pc = target as usize;
            Flow::Next
        }
    }

    fn reraise_triple(&mut self) -> Flow {
        let typ = self.frame.pop();
        let value = self.frame.pop();
        let _tb = self.frame.pop();
        match self.vm.exc_from_triple(&value, &typ) {
            Ok(e) => Flow::Reraise(e),
            Err(e) => Flow::Raise(e),
        }
    }

    /// 3.9: re-raise the exception triple on top.
    pub fn reraise_exc_info(&mut self, _: u32) -> Flow {
        self.reraise_triple()
    }

    /// 3.10: the same; with `oparg` the traceback points at the instruction that raised.
    pub fn reraise_exc_info_set_lasti(&mut self, oparg: u32) -> Flow {
        if oparg != 0 {
            if let Some(b) = self.frame.blocks.last() {
                self.frame.lasti = b.handler as usize;
            }
        }
        self.reraise_triple()
    }

    /// `with`: looks up `__enter__`/`__exit__` on the type.
    fn enter_context(&mut self, mgr: &Value, async_: bool) -> Result<(Value, Value), PyErr> {
        let (enter_name, exit_name) = if async_ {
            (
                self.vm.names.__aenter__.clone(),
                self.vm.names.__aexit__.clone(),
            )
        } else {
            (
                self.vm.names.__enter__.clone(),
                self.vm.names.__exit__.clone(),
            )
        };
        let class_ = self.vm.class_of(mgr).clone();
        let enter = self.vm.lookup_in_mro(&class_, &enter_name);
        let exit = self.vm.lookup_in_mro(&class_, &exit_name);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let v = self.vm.version.format.major_minor;
            let msg = crate::vm::messages::no_context_manager(
                v,
                &self.vm.type_name(mgr),
                async_,
                self.vm.lookup_in_mro(&class_, &enter_name).is_none(),
            );
            let class_ =
                if crate::vm::flavour::missing_context_manager_is_type_error(self.vm.version) {
                    self.vm.types.exc.type_error.clone()
                } else {
                    self.vm.types.exc.attribute_error.clone()
                };
            return Err(self.vm.new_exception(&class_, &msg));
        };
        let exit = self.vm.descr_get(exit, Some(mgr), &class_)?;
        let enter = self.vm.descr_get(enter, Some(mgr), &class_)?;
        let res = self.vm.call(&enter, Args::positional(&[]))?;
        Ok((exit, res))
    }

    /// 3.2–3.10 SETUP_WITH: `[mgr] → [exit, enter()]` with a finally block between.
    pub fn setup_with(&mut self, target: u32) -> Flow {
        let mgr = self.frame.pop();
        let (exit, res) = tri!(self.enter_context(&mgr, false));
        self.frame.push(exit);
        self.push_block(BlockKind::Finally, target);
        self.frame.push(res);
        Flow::Next
    }

    /// 3.11+ BEFORE_WITH: `[mgr] → [exit, enter()]`.
    pub fn before_with(&mut self, _: u32) -> Flow {
        let mgr = self.frame.pop();
        let (exit, res) = tri!(self.enter_context(&mgr, false));
        self.frame.push(exit);
        self.frame.push(res);
        Flow::Next
    }

    /// 3.9/3.10: `[exit, (prev triple), (exc triple)]`: push `exit(type, value, tb)`.
    pub fn with_except_start_triple(&mut self, _: u32) -> Flow {
        let typ = self.frame.peek(0).clone();
        let value = self.frame.peek(1).clone();
        let tb = self.frame.peek(2).clone();
        let exit = self.frame.peek(6).clone();
        let r = self.vm.call(&exit, Args::positional(&[typ, value, tb]));
        self.push_result(r)
    }

    /// 3.11+: `[exit, lasti, prev_exc, exc]`: push `exit(type(exc), exc, tb)`.
    pub fn with_except_start(&mut self, _: u32) -> Flow {
        let exc = self.frame.peek(0).clone();
        let exit = self.frame.peek(3).clone();
        let typ = Value::Obj(self.vm.class_of(&exc).clone());
        let tb = match &exc {
            Value::Obj(e) => self.vm.exception_traceback(e),
            _ => Value::None,
        };
        let r = self.vm.call(&exit, Args::positional(&[typ, exc, tb]));
        self.push_result(r)
    }

    /// 3.5–3.7 WITH_CLEANUP_START: calls `exit` for however the block was left.
    pub fn with_cleanup_start(&mut self, _: u32) -> Flow {
        let top = self.frame.top().clone();
        let (exit, args, exc_marker) = match &top {
            Value::None => {
                self.frame.pop();
                let exit = self.frame.pop();
                self.frame.push(top.clone());
                (exit, [Value::None, Value::None, Value::None], Value::None)
            }
            Value::Int(code) => {
                let code = *code;
                self.frame.pop();
                let exit = if code == WHY_RETURN || code == WHY_CONTINUE {
                    let ret = self.frame.pop();
                    let exit = self.frame.pop();
                    self.frame.push(ret);
                    exit
                } else {
                    self.frame.pop()
                };
                self.frame.push(top.clone());
                (exit, [Value::None, Value::None, Value::None], Value::None)
            }
            _ => {
                // [exit, tb2, exc2, tp2, tb, val, tp]: remove exit from under the triples.
                if let Err(f) = self.slot_below(7) {
                    return f;
                }
                let len = self.frame.stack.len();
                let exit = self.frame.stack.remove(len - 7);
                let (tp, val, tb) = (
                    self.frame.peek(0).clone(),
                    self.frame.peek(1).clone(),
                    self.frame.peek(2).clone(),
                );
                let at = self.frame.stack.len() - 3;
                self.frame.stack.insert(at, Value::Null);
                if let Some(b) = self.frame.blocks.last_mut() {
                    if b.kind == BlockKind::ExceptHandler {
                        b.level -= 1;
                    }
                }
                // UNWIND_EXCEPT_HANDLER expects the previous triple at level..level+3.
                let _ = self.frame.stack.remove(at);
                self.frame.stack.insert(len - 7, Value::Null);
                (exit, [tp.clone(), val, tb], tp)
            }
        };
        let r = tri!(self.vm.call(&exit, Args::positional(&args)));
        self.frame.push(exc_marker);
        self.frame.push(r);
        Flow::Next
    }

    /// 3.5–3.7 WITH_CLEANUP_FINISH: a true result silences the exception.
    pub fn with_cleanup_finish(&mut self, _: u32) -> Flow {
        let res = self.frame.pop();
        let exc = self.frame.pop();
        if !exc.is_none() && tri!(self.vm.truthy(&res)) {
            self.frame.push(Value::Int(WHY_SILENCED));
        }
        Flow::Next
    }

    /// 3.8 WITH_CLEANUP_START: NULL on top (normal exit) or an exception triple.
    pub fn with_cleanup_start_py38(&mut self, _: u32) -> Flow {
        let top = self.frame.top().clone();
        if top.is_null() {
            self.frame.pop();
            let exit = self.frame.pop();
            self.frame.push(Value::Null);
            let r = tri!(self.vm.call(
                &exit,
                Args::positional(&[Value::None, Value::None, Value::None])
            ));
            self.frame.push(Value::Null);
            self.frame.push(r);
            return Flow::Next;
        }
        if let Err(f) = self.slot_below(7) {
            return f;
        }
        let len = self.frame.stack.len();
        let exit = self.frame.stack.remove(len - 7);
        self.frame.stack.insert(len - 4, Value::Null);
        if let Some(b) = self.frame.blocks.last_mut() {
            if b.kind == BlockKind::ExceptHandler {
                b.level -= 1;
            }
        }
        let (tp, val, tb) = (
            self.frame.peek(0).clone(),
            self.frame.peek(1).clone(),
            self.frame.peek(2).clone(),
        );
        let r = tri!(self
            .vm
            .call(&exit, Args::positional(&[tp.clone(), val, tb])));
        self.frame.push(tp);
        self.frame.push(r);
        Flow::Next
    }

    /// 3.8 WITH_CLEANUP_FINISH: a true result after an exception unwinds its handler.
    pub fn with_cleanup_finish_py38(&mut self, _: u32) -> Flow {
        let res = self.frame.pop();
        let exc = self.frame.pop();
        if !exc.is_null() && tri!(self.vm.truthy(&res)) {
            match self.frame.blocks.pop() {
                Some(b) if b.kind == BlockKind::ExceptHandler => {
                    self.vm.unwind_except_handler(self.frame, &b)
                }
                _ => {
                    return Flow::Raise(
                        self.vm
                            .system_error("popped block is not an except handler"),
                    )
                }
            }
            self.frame.push(Value::Null);
        }
        Flow::Next
    }
}
