//! Raising and handling exceptions: RAISE_VARARGS, RERAISE, and the 3.11+ handler
//! protocol (PUSH_EXC_INFO, CHECK_EXC_MATCH, POP_EXCEPT).

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::PyErr;

impl Exec<'_> {
    /// `raise` (0: re-raise the handled exception), `raise exc` (1), `raise exc from cause` (2).
    pub fn raise_varargs(&mut self, n: u32) -> Flow {
        match n {
            0 => match self.vm.handled.clone() {
                Value::Obj(e) => Flow::Reraise(PyErr(e)),
                _ => Flow::Raise(self.vm.new_exception(
                    &self.vm.types.exc.runtime_error.clone(),
                    "No active exception to reraise",
                )),
            },
            1 => {
                let v = self.frame.pop();
                let e = tri!(self.vm.make_exception(&v));
                self.vm.chain_context(&e);
                Flow::Raise(PyErr(e))
            }
            _ => {
                let cause = self.frame.pop();
                let v = self.frame.pop();
                let e = tri!(self.vm.make_exception(&v));
                let cause = match cause.payload() {
                    _ if cause.is_none() => Value::None,
                    Some(Payload::Exception(_)) => cause,
                    Some(Payload::Type(_)) if self.vm.is_exception_class(&cause) => {
                        Value::Obj(tri!(self.vm.make_exception(&cause)))
                    }
                    _ => {
                        return Flow::Raise(
                            self.vm
                                .type_error("exception causes must derive from BaseException"),
                        )
                    }
                };
                if let Payload::Exception(d) = &e.payload {
                    d.cause.replace(cause);
                    d.suppress_context.set(true);
                }
                self.vm.chain_context(&e);
                Flow::Raise(PyErr(e))
            }
        }
    }

    /// 3.11+: `[..., exc] -> [..., previously handled, exc]`, and exc becomes handled.
    pub fn push_exc_info(&mut self, _: u32) -> Flow {
        let exc = self.frame.pop();
        let prev = std::mem::replace(&mut self.vm.handled, exc.clone());
        self.frame
            .push(if prev.is_null() { Value::None } else { prev });
        self.frame.push(exc);
        Flow::Next
    }

    /// Restores the previously handled exception from the stack.
    pub fn pop_except(&mut self, _: u32) -> Flow {
        let prev = self.frame.pop();
        self.vm.handled = prev;
        Flow::Next
    }

    /// 3.11+: `[exc, type] -> [exc, bool]`.
    pub fn check_exc_match(&mut self, _: u32) -> Flow {
        let target = self.frame.pop();
        let exc = self.frame.top().clone();
        let m = tri!(self.vm.exception_matches(&exc, &target));
        self.frame.push(Value::bool(m));
        Flow::Next
    }

    /// 3.11+: re-raises TOS; with `oparg` set, the traceback points at the instruction
    /// whose position (in code units) is `oparg` places below the exception.
    pub fn reraise(&mut self, oparg: u32) -> Flow {
        let exc = self.frame.pop();
        if oparg != 0 {
            if let Value::Int(lasti) = self.frame.peek(oparg as usize - 1) {
                let offset = (*lasti as u32) * 2;
                if let Some(i) = self.frame.code.raw.iter().position(|r| r.offset == offset) {
                    self.frame.lasti = i;
                }
            }
        }
        match exc {
            Value::Obj(e) => Flow::Reraise(PyErr(e)),
            _ => Flow::Raise(self.vm.system_error("RERAISE of a non-exception")),
        }
    }

    /// 3.11+ `except*`: `[exc, type]` → `[rest, match]` on a (partial) match, the match
    /// becoming the handled exception; `[exc, None]` otherwise.
    pub fn check_eg_match(&mut self, _: u32) -> Flow {
        let match_type = self.frame.pop();
        let exc = self.frame.top().clone();
        let (matched, rest) = tri!(self.vm.exception_group_split(&exc, &match_type));
        if matched.is_none() {
            self.frame.push(Value::None);
        } else {
            self.frame.pop();
            self.frame.push(rest);
            self.frame.push(matched.clone());
            self.vm.handled = matched;
        }
        Flow::Next
    }

    /// 3.11 `except*`: `[orig, raised]` → the exception to re-raise (or None).
    pub fn prep_reraise_star(&mut self, _: u32) -> Flow {
        let excs = self.frame.pop();
        let orig = self.frame.pop();
        let r = self.vm.prep_reraise_star(&orig, &excs);
        self.push_result(r)
    }

    pub fn load_assertion_error(&mut self, _: u32) -> Flow {
        self.frame
            .push(Value::Obj(self.vm.types.exc.assertion_error.clone()));
        Flow::Next
    }
}
