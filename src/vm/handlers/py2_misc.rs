//! The rest of Python 2's own opcodes: classic division, backquotes, DUP_TOPX,
//! STORE_MAP and the sized BUILD_MAP, the `exec` statement, `raise` with up to three
//! operands, the 2.5–2.7 `with` clean-up, the 2.4–2.6 conditional jumps that keep their
//! operand, the 2.4–2.6 LIST_APPEND and 2.4's IMPORT_NAME without a level.

use crate::object::{Args, Payload, Value};
use crate::tri;
use crate::vm::blocks::{WHY_CONTINUE, WHY_RETURN};
use crate::vm::eval::{Exec, Flow};
use crate::vm::ops::BinOp;
use crate::vm::PyErr;

impl Exec<'_> {
    /// `left / right` without `from __future__ import division`: integers floor.
    pub fn binary_divide(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Div, false)
    }

    /// `left /= right`, classic division.
    pub fn inplace_divide(&mut self, _: u32) -> Flow {
        self.binary(BinOp::Div, true)
    }

    /// `` `value` ``: repr(value).
    pub fn unary_convert(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let r = crate::builtins::py2::text::repr_value(self.vm, &v);
        self.push_result(r)
    }

    /// Duplicates the top `n` values as a block.
    pub fn dup_topx(&mut self, n: u32) -> Flow {
        let at = match self.slot_below(n as usize) {
            Ok(s) => s,
            Err(f) => return f,
        };
        // In place, without a temporary vector: `v[0] += x` runs this every time.
        self.frame.stack.extend_from_within(at..);
        Flow::Next
    }

    /// `(dict, value, key -- dict)`: `dict[key] = value`.
    pub fn store_map(&mut self, _: u32) -> Flow {
        let key = self.frame.pop();
        let value = self.frame.pop();
        let d = self.frame.top().clone();
        let r = self.vm.setitem(&d, key, value);
        self.unit(r)
    }

    /// Up to 3.4: a new empty dict (the operand is a size hint).
    pub fn build_map_empty(&mut self, size_hint: u32) -> Flow {
        let d = crate::object::Object::new(
            self.vm.types.dict.clone(),
            crate::object::Payload::new_dict(crate::object::DictData::presized(size_hint as usize)),
        );
        self.frame.push(Value::Obj(d));
        Flow::Next
    }

    /// `exec code [in globals[, locals]]`: `(code, globals, locals --)`; a string is
    /// compiled by the bridge's CPython of the running version.
    pub fn exec_stmt(&mut self, _: u32) -> Flow {
        let mut locals = self.frame.pop();
        let mut globals = self.frame.pop();
        let mut code = self.frame.pop();
        // `exec(code, globals[, locals])` is a tuple in 2.x's grammar.
        if globals.is_none() {
            if let Some(Payload::Tuple(t)) = code.payload() {
                if (2..=3).contains(&t.len()) {
                    let t = t.to_vec();
                    code = t[0].clone();
                    globals = t[1].clone();
                    locals = t.get(2).cloned().unwrap_or(Value::None);
                }
            }
        }
        if globals.is_none() {
            globals = Value::Obj(self.frame.globals.clone());
            if locals.is_none() && !self.frame.locals.is_null() {
                locals = self.frame.locals.clone();
            }
        }
        if locals.is_none() {
            locals = globals.clone();
        }
        let saved = std::mem::replace(&mut self.vm.calling_frame, &*self.frame as *const _);
        let r = crate::builtins::exec::run_code(
            self.vm,
            "exec",
            Args::positional(&[code, globals, locals]),
            false,
        );
        self.vm.calling_frame = saved;
        match r {
            Ok(_) => Flow::Next,
            Err(e) => Flow::Raise(e),
        }
    }

    /// `raise [type[, value[, traceback]]]`.
    pub fn raise_varargs_py2(&mut self, n: u32) -> Flow {
        let parts = self.frame.pop_n(n as usize);
        if parts.is_empty() {
            return match self.vm.handled.clone() {
                Value::Obj(e) => Flow::Reraise(PyErr(e)),
                _ => {
                    let msg = crate::vm::messages::py2_reraise_nothing();
                    Flow::Raise(self.vm.type_error(msg))
                }
            };
        }
        let value = parts.get(1).cloned().unwrap_or(Value::None);
        let e = tri!(crate::builtins::py2::exceptions::instance_for_raise(
            self.vm, &parts[0], &value
        ));
        Flow::Raise(PyErr(e))
    }

    /// Calls `exit(type, value, tb)` for an exception (or with Nones) and replaces a
    /// swallowed exception's three values by one None.
    fn call_exit(&mut self, exit: Value, exc: Option<[Value; 3]>) -> Flow {
        let args = exc
            .clone()
            .unwrap_or([Value::None, Value::None, Value::None]);
        let r = tri!(self.vm.call(&exit, Args::positional(&args)));
        if exc.is_some() && tri!(self.vm.truthy(&r)) {
            let len = self.frame.stack.len();
            self.frame.stack.truncate(len.saturating_sub(3));
            self.frame.push(Value::None);
        }
        Flow::Next
    }

    /// 2.6–2.7 WITH_CLEANUP: `exit` lies below the status (None, a why code with maybe a
    /// return value, or an exception's tb, value, type); it is removed and called.
    pub fn with_cleanup_exit_below(&mut self, _: u32) -> Flow {
        let top = self.frame.top().clone();
        let depth = match &top {
            Value::None => 1,
            Value::Int(code) if *code == WHY_RETURN || *code == WHY_CONTINUE => 2,
            Value::Int(_) => 1,
            _ => 3,
        };
        let at = match self.slot_below(depth + 1) {
            Ok(s) => s,
            Err(f) => return f,
        };
        let exit = self.frame.stack.remove(at);
        let exc = (depth == 3).then(|| {
            [
                self.frame.peek(0).clone(),
                self.frame.peek(1).clone(),
                self.frame.peek(2).clone(),
            ]
        });
        self.call_exit(exit, exc)
    }

    /// 2.5 WITH_CLEANUP: `exit` on top of the status.
    pub fn with_cleanup_exit_on_top(&mut self, _: u32) -> Flow {
        let exit = self.frame.pop();
        let exc = match self.frame.top() {
            Value::None | Value::Int(_) => None,
            _ => Some([
                self.frame.peek(0).clone(),
                self.frame.peek(1).clone(),
                self.frame.peek(2).clone(),
            ]),
        };
        self.call_exit(exit, exc)
    }

    /// 2.4–2.6: jump if false, leaving the value on the stack.
    pub fn jump_if_false_keep(&mut self, t: u32) -> Flow {
        let v = self.frame.top().clone();
        if tri!(self.vm.truthy(&v)) {
            Flow::Next
        } else {
            self.jump(t)
        }
    }

    /// 2.4–2.6: jump if true, leaving the value on the stack.
    pub fn jump_if_true_keep(&mut self, t: u32) -> Flow {
        let v = self.frame.top().clone();
        if tri!(self.vm.truthy(&v)) {
            self.jump(t)
        } else {
            Flow::Next
        }
    }

    /// 2.4–2.6: `(list, value --)` list.append(value).
    pub fn list_append_pop_list(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let list = self.frame.pop();
        match list.payload() {
            Some(Payload::List(l)) => {
                l.with_mut(|l| l.push(v));
                Flow::Next
            }
            _ => {
                let name = self.vm.intern("append");
                let r = self.vm.call_method(&list, &name, &[v]);
                match r {
                    Ok(_) => Flow::Next,
                    Err(e) => Flow::Raise(e),
                }
            }
        }
    }

    /// 2.4: `(fromlist -- module)`, an implicit relative-then-absolute import.
    pub fn import_name_no_level(&mut self, i: u32) -> Flow {
        let fromlist = self.frame.pop();
        self.frame.push(Value::Int(-1));
        self.frame.push(fromlist);
        self.import_name(i)
    }
}
