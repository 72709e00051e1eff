//! Python 2 calls and function and class creation: CALL_FUNCTION with its packed
//! argument (`oparg & 255` positional values, `oparg >> 8` keyword name/value pairs),
//! its `*args`/`**kwargs` forms, MAKE_FUNCTION/MAKE_CLOSURE with `oparg` defaults, and
//! BUILD_CLASS (the metaclass from `__metaclass__`, the first base, the module's
//! `__metaclass__`, else a classic class).

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};

/// CO_OPTIMIZED: the code keeps its locals in fast slots (functions). A 2.x class body is
/// called like a function but has no such flag: it runs with a fresh locals dict.
const CO_OPTIMIZED: u32 = 0x1;

/// Which extra arguments a packed call takes from the top of the stack.
#[derive(Clone, Copy)]
struct Extras {
    star: bool,
    star_star: bool,
}

impl Exec<'_> {
    /// `[callable, positional..., (name, value)..., *args?, **kwargs?]` → the result.
    fn call_packed(&mut self, arg: u32, extras: Extras) -> Flow {
        let kwargs = if extras.star_star {
            Some(self.frame.pop())
        } else {
            None
        };
        let star = if extras.star {
            Some(self.frame.pop())
        } else {
            None
        };
        let npos = (arg & 0xff) as usize;
        let nkw = ((arg >> 8) & 0xff) as usize;
        let slot = match self.slot_below(npos + 2 * nkw + 1) {
            Ok(s) => s,
            Err(f) => return f,
        };
        let callable = self.frame.stack[slot].clone();
        if nkw == 0 && star.is_none() && kwargs.is_none() {
            return self.call_positional(callable, slot);
        }
        let pairs = self.frame.stack.split_off(slot + 1 + npos);
        let mut values: Vec<Value> = self.frame.stack.split_off(slot + 1);
        if let Some(s) = star {
            match s.payload() {
                Some(Payload::Tuple(t)) => values.extend(t.iter().cloned()),
                _ => {
                    if !self.vm.is_iterable(&s) {
                        let fname = self.vm.callable_name(&callable);
                        let msg = format!(
                            "{fname} argument after * must be a sequence, not {}",
                            self.vm.type_name(&s)
                        );
                        return Flow::Raise(self.vm.type_error(&msg));
                    }
                    values.extend(tri!(self.vm.collect(&s)));
                }
            }
        }
        let mut kwnames = Vec::with_capacity(nkw);
        let mut kwvalues = Vec::with_capacity(nkw);
        for pair in pairs.chunks(2) {
            if let [k, v] = pair {
                kwnames.push(k.clone());
                kwvalues.push(v.clone());
            }
        }
        if let Some(kw) = kwargs {
            for (k, v) in tri!(self.vm.call_kwargs_items(&callable, &kw)) {
                kwnames.push(k);
                kwvalues.push(v);
            }
        }
        values.extend(kwvalues);
        self.frame.stack.truncate(slot + 1);
        self.frame.stack.extend(values);
        let kw = self.vm.new_tuple(kwnames);
        self.call_from_stack(callable, slot + 1, slot, kw)
    }

    /// A call with positional arguments only; a 2.x class body (a function whose code is
    /// not optimized) gets a fresh locals dict, which its LOAD_LOCALS returns.
    fn call_positional(&mut self, callable: Value, slot: usize) -> Flow {
        if let Some(Payload::Function(f)) = callable.payload() {
            if f.code.get().co.flags & CO_OPTIMIZED == 0 {
                let Some(func) = callable.as_obj().cloned() else {
                    return Flow::Next;
                };
                let args = crate::object::Args::positional(&self.frame.stack[slot + 1..]);
                let mut frame = tri!(self.vm.make_frame(&func, args));
                frame.locals = Value::Obj(self.vm.new_dict());
                self.frame.stack.truncate(slot);
                return Flow::Call(frame);
            }
        }
        self.call_from_stack(callable, slot + 1, slot, Value::None)
    }

    /// Up to 3.5: `oparg & 255` positional values and `oparg >> 8` keyword pairs.
    pub fn call_function_packed(&mut self, arg: u32) -> Flow {
        self.call_packed(
            arg,
            Extras {
                star: false,
                star_star: false,
            },
        )
    }

    /// CALL_FUNCTION whose callable came from a paired attribute load
    /// (`vm::method_calls`): `[method, self, args...]` calls the method with self as one
    /// more positional argument; `[NULL, callable, args...]` drops the NULL.
    pub fn call_method_packed(&mut self, arg: u32) -> Flow {
        let npos = (arg & 0xff) as usize;
        let nkw = ((arg >> 8) & 0xff) as usize;
        let slot = match self.slot_below(npos + 2 * nkw + 2) {
            Ok(s) => s,
            Err(f) => return f,
        };
        let plain = Extras {
            star: false,
            star_star: false,
        };
        if self.frame.stack[slot].is_null() {
            self.frame.stack.remove(slot);
            self.call_packed(arg, plain)
        } else {
            // The pairing keeps `npos` below 255, so one more stays in the low byte.
            self.call_packed(arg + 1, plain)
        }
    }

    /// The packed call with `*args` on top.
    pub fn call_function_var(&mut self, arg: u32) -> Flow {
        self.call_packed(
            arg,
            Extras {
                star: true,
                star_star: false,
            },
        )
    }

    /// The packed call with `**kwargs` on top.
    pub fn call_function_kw_packed(&mut self, arg: u32) -> Flow {
        self.call_packed(
            arg,
            Extras {
                star: false,
                star_star: true,
            },
        )
    }

    /// The packed call with `*args` and `**kwargs` on top.
    pub fn call_function_var_kw(&mut self, arg: u32) -> Flow {
        self.call_packed(
            arg,
            Extras {
                star: true,
                star_star: true,
            },
        )
    }

    /// The defaults tuple from the top `n` values (None when there are none).
    fn pop_defaults(&mut self, n: u32) -> Value {
        if n == 0 {
            return Value::None;
        }
        let d = self.frame.pop_n(n as usize);
        self.vm.new_tuple(d)
    }

    /// 2.x MAKE_FUNCTION: `[defaults..., code]`.
    pub fn make_function_py2(&mut self, n: u32) -> Flow {
        let code = self.frame.pop();
        let defaults = self.pop_defaults(n);
        let f =
            tri!(self.new_function(code, None, defaults, Value::None, Value::None, Value::None));
        self.frame.push(f);
        Flow::Next
    }

    /// 2.5–2.7 MAKE_CLOSURE: `[defaults..., cells tuple, code]`.
    pub fn make_closure_py2(&mut self, n: u32) -> Flow {
        let code = self.frame.pop();
        let closure = self.frame.pop();
        let defaults = self.pop_defaults(n);
        let f = tri!(self.new_function(code, None, defaults, Value::None, Value::None, closure));
        self.frame.push(f);
        Flow::Next
    }

    /// 2.4 MAKE_CLOSURE: `[defaults..., cell per free variable..., code]`.
    pub fn make_closure_cells(&mut self, n: u32) -> Flow {
        let code = self.frame.pop();
        let nfree = match code.payload() {
            Some(Payload::Code(c)) => c.co.freevars.len(),
            _ => 0,
        };
        let cells = self.frame.pop_n(nfree);
        let closure = self.vm.new_tuple(cells);
        let defaults = self.pop_defaults(n);
        let f = tri!(self.new_function(code, None, defaults, Value::None, Value::None, closure));
        self.frame.push(f);
        Flow::Next
    }

    /// 2.x BUILD_CLASS: `[name, bases, namespace]` → the class its metaclass makes.
    pub fn build_class(&mut self, _: u32) -> Flow {
        let ns = self.frame.pop();
        let bases = self.frame.pop();
        let name = self.frame.pop();
        let globals = self.frame.globals.clone();
        let r = crate::builtins::py2::classic::build_class(self.vm, name, bases, ns, &globals);
        self.push_result(r)
    }
}
