//! Calls and function creation: 3.11+ PRECALL/CALL/KW_NAMES, 3.6–3.10 CALL_FUNCTION*,
//! CALL_METHOD, CALL_FUNCTION_EX, MAKE_FUNCTION and friends, LOAD_BUILD_CLASS.
//!
//! A call to a Python function becomes a new frame handed back to the loop
//! (`Flow::Call`), so Python-to-Python calls never recurse on the Rust stack; other
//! callables are called directly with their arguments borrowed from the value stack.

use crate::object::{Args, Function, Object, Payload, PyCell, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use std::rc::Rc;

impl Exec<'_> {
    /// Calls `callable` with the values from `args_start` to the top of the stack (the
    /// last `kwnames.len()` of them keyword arguments), replacing them — and everything
    /// from `drop_from` up — with the result.
    pub(crate) fn call_from_stack(
        &mut self,
        callable: Value,
        args_start: usize,
        drop_from: usize,
        kwnames: Value,
    ) -> Flow {
        let callable = match callable {
            Value::Obj(func) if kwnames.is_none() => {
                let stack = &mut self.frame.stack;
                match self.vm.plain_call_frame(func, stack, args_start, drop_from) {
                    Ok(frame) => return self.run_callee(frame),
                    Err(func) => Value::Obj(func),
                }
            }
            other => other,
        };
        if kwnames.is_none() {
            let nargs = self.frame.stack.len().saturating_sub(args_start);
            if let Some(f) = crate::vm::call::direct_native(&callable, nargs) {
                return self.call_native(f, args_start, drop_from);
            }
            if let Value::Obj(func) = &callable {
                if let Payload::Type(_) = &func.payload {
                    let stack = &mut self.frame.stack;
                    if let Some(frame) = self.vm.init_call_frame(func, stack, args_start, drop_from)
                    {
                        return Flow::Call(frame);
                    }
                }
            }
        }
        if let Value::Obj(o) = &callable {
            // A bound method calls its function with its self first: self goes in below
            // the arguments and the function is called like any other, so a Python one
            // runs as a loop frame (what `Vm::call` does, without a nested loop).
            if let Payload::Method(m) = &o.payload {
                let (func, self_) = (m.func.clone(), m.self_.clone());
                self.frame.stack.insert(args_start, self_);
                return self.call_from_stack(func, args_start, drop_from, kwnames);
            }
            // 2.x: an unbound method whose first argument passes its class check calls
            // its function (a failing check takes the general path, which raises).
            if kwnames.is_none() && matches!(o.payload, Payload::Other(_)) {
                let first = self.frame.stack.get(args_start);
                if let Some(func) = crate::builtins::py2::methods::unbound_target(self.vm, o, first)
                {
                    return self.call_from_stack(func, args_start, drop_from, kwnames);
                }
            }
        }
        let kw: Vec<Value> = match kwnames.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        if let Some(Payload::Function(_)) = callable.payload() {
            let func = callable.as_obj().cloned();
            if let Some(func) = func {
                let args = Args {
                    values: &self.frame.stack[args_start..],
                    kwnames: &kw,
                };
                let frame = match self.vm.make_frame(&func, args) {
                    Ok(f) => f,
                    Err(e) => return Flow::Raise(e),
                };
                self.frame.stack.truncate(drop_from);
                return self.run_callee(frame);
            }
        }
        let saved = std::mem::replace(&mut self.vm.calling_frame, &*self.frame as *const _);
        let r = self.vm.call(
            &callable,
            Args {
                values: &self.frame.stack[args_start..],
                kwnames: &kw,
            },
        );
        self.vm.calling_frame = saved;
        self.frame.stack.truncate(drop_from);
        self.push_result(r)
    }

    /// Runs native `f` on the arguments from `args_start` up, borrowed from the stack
    /// (`call_from_stack` without keywords, for `call::direct_native`).
    #[inline]
    fn call_native(
        &mut self,
        f: crate::object::NativeFn,
        args_start: usize,
        drop_from: usize,
    ) -> Flow {
        let saved = std::mem::replace(&mut self.vm.calling_frame, &*self.frame as *const _);
        let r = f(self.vm, Args::positional(&self.frame.stack[args_start..]));
        self.vm.calling_frame = saved;
        self.frame.stack.truncate(drop_from);
        self.push_result(r)
    }

    /// Hands a prepared frame to the loop, or for a generator function pushes the
    /// generator object that owns it.
    fn run_callee(&mut self, frame: Box<crate::vm::frame::Frame>) -> Flow {
        match self.vm.generator_for_call(frame) {
            Ok(gen) => {
                self.frame.push(gen);
                Flow::Next
            }
            Err(frame) => Flow::Call(frame),
        }
    }

    /// The stack index `n` values below the top, or a SystemError flow when the stack is
    /// not that deep (only malformed bytecode gets there).
    pub(crate) fn slot_below(&self, n: usize) -> Result<usize, Flow> {
        self.frame.stack.len().checked_sub(n).ok_or_else(|| {
            Flow::Raise(
                self.vm
                    .system_error("bad bytecode: the value stack is too shallow"),
            )
        })
    }

    /// 3.11: bound methods are split into function and self before CALL. The common case,
    /// nothing to split, is decided inline in the loop.
    #[inline(always)]
    pub fn precall(&mut self, argc: u32) -> Flow {
        let stack = &self.frame.stack;
        if let Some(slot) = stack.len().checked_sub(argc as usize + 2) {
            let splits = stack[slot].is_null()
                && matches!(stack[slot + 1].payload(), Some(Payload::Method(_)));
            if !splits {
                return Flow::Next;
            }
        }
        self.precall_split(argc)
    }

    #[inline(never)]
    fn precall_split(&mut self, argc: u32) -> Flow {
        let slot = match self.slot_below(argc as usize + 2) {
            Ok(s) => s,
            Err(f) => return f,
        };
        if self.frame.stack[slot].is_null() {
            if let Some(Payload::Method(m)) = self.frame.stack[slot + 1].payload() {
                let (f, s) = (m.func.clone(), m.self_.clone());
                self.frame.stack[slot] = f;
                self.frame.stack[slot + 1] = s;
            }
        }
        Flow::Next
    }

    /// 3.11: the keyword names of the next CALL.
    pub fn kw_names(&mut self, i: u32) -> Flow {
        self.frame.kwnames = self
            .frame
            .code
            .consts
            .get(i as usize)
            .cloned()
            .unwrap_or(Value::None);
        Flow::Next
    }

    /// 3.11/3.12 CALL: `[NULL|method, callable|self, args...]`.
    pub fn call(&mut self, argc: u32) -> Flow {
        let kwnames = std::mem::replace(&mut self.frame.kwnames, Value::None);
        let slot = match self.slot_below(argc as usize + 2) {
            Ok(s) => s,
            Err(f) => return f,
        };
        // The callable moves out of its slot (which the call drops anyway).
        let (callable, args_start) = if self.frame.stack[slot].is_null() {
            (std::mem::take(&mut self.frame.stack[slot + 1]), slot + 2)
        } else {
            (std::mem::take(&mut self.frame.stack[slot]), slot + 1)
        };
        self.call_from_stack(callable, args_start, slot, kwnames)
    }

    /// 3.13 CALL: `[callable, self|NULL, args...]`.
    pub fn call_self_or_null(&mut self, argc: u32) -> Flow {
        let kwnames = std::mem::replace(&mut self.frame.kwnames, Value::None);
        let slot = match self.slot_below(argc as usize + 2) {
            Ok(s) => s,
            Err(f) => return f,
        };
        let callable = std::mem::take(&mut self.frame.stack[slot]);
        let args_start = if self.frame.stack[slot + 1].is_null() {
            slot + 2
        } else {
            slot + 1
        };
        self.call_from_stack(callable, args_start, slot, kwnames)
    }

    /// 3.13 CALL_KW: like CALL with the keyword names tuple on top.
    pub fn call_kw(&mut self, argc: u32) -> Flow {
        let kwnames = self.frame.pop();
        self.frame.kwnames = kwnames;
        self.call_self_or_null(argc)
    }

    /// 3.6–3.10: `[callable, args...]`.
    pub fn call_function(&mut self, argc: u32) -> Flow {
        let slot = match self.slot_below(argc as usize + 1) {
            Ok(s) => s,
            Err(f) => return f,
        };
        let callable = std::mem::take(&mut self.frame.stack[slot]);
        self.call_from_stack(callable, slot + 1, slot, Value::None)
    }

    /// 3.6–3.10: `[callable, args..., kwnames]`.
    pub fn call_function_kw(&mut self, argc: u32) -> Flow {
        let kwnames = self.frame.pop();
        let slot = match self.slot_below(argc as usize + 1) {
            Ok(s) => s,
            Err(f) => return f,
        };
        let callable = self.frame.stack[slot].clone();
        self.call_from_stack(callable, slot + 1, slot, kwnames)
    }

    /// 3.7–3.10: `[method|NULL, self|callable, args...]`.
    pub fn call_method(&mut self, argc: u32) -> Flow {
        let slot = match self.slot_below(argc as usize + 2) {
            Ok(s) => s,
            Err(f) => return f,
        };
        if self.frame.stack[slot].is_null() {
            let callable = std::mem::take(&mut self.frame.stack[slot + 1]);
            self.call_from_stack(callable, slot + 2, slot, Value::None)
        } else {
            let callable = std::mem::take(&mut self.frame.stack[slot]);
            self.call_from_stack(callable, slot + 1, slot, Value::None)
        }
    }

    /// Pops `[args, kwargs?]` of CALL_FUNCTION_EX as (positional values, keyword names,
    /// keyword values).
    /// Pops CALL_FUNCTION_EX's positional iterable and keyword mapping (the callable
    /// `func` lies `func_depth` below them, for error messages).
    fn pop_ex_arguments(
        &mut self,
        flags: u32,
        func_depth: usize,
    ) -> Result<(Vec<Value>, Vec<Value>), Flow> {
        let kwargs = if flags & 1 != 0 {
            Some(self.frame.pop())
        } else {
            None
        };
        let args = self.frame.pop();
        let func = self.frame.peek(func_depth).clone();
        let mut values = match args.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => {
                if !self.vm.is_iterable(&args) {
                    let fname = self.vm.callable_name(&func);
                    let msg = format!(
                        "{fname} argument after * must be an iterable, not {}",
                        self.vm.type_name(&args)
                    );
                    return Err(Flow::Raise(self.vm.type_error(&msg)));
                }
                self.vm.collect(&args).map_err(Flow::Raise)?
            }
        };
        let mut kwnames = Vec::new();
        if let Some(kw) = kwargs {
            let items = self.vm.call_kwargs_items(&func, &kw);
            for (k, v) in items.map_err(Flow::Raise)? {
                kwnames.push(k);
                values.push(v);
            }
        }
        Ok((values, kwnames))
    }

    fn call_ex(&mut self, callable: Value, values: Vec<Value>, kwnames: Vec<Value>) -> Flow {
        let base = self.frame.stack.len();
        let kw_tuple = self.vm.new_tuple(kwnames);
        self.frame.stack.extend(values);
        self.call_from_stack(callable, base, base, kw_tuple)
    }

    /// 3.6–3.10: `[callable, args, kwargs?]`.
    pub fn call_function_ex(&mut self, flags: u32) -> Flow {
        let (values, kwnames) = match self.pop_ex_arguments(flags, 0) {
            Ok(x) => x,
            Err(f) => return f,
        };
        let callable = self.frame.pop();
        self.call_ex(callable, values, kwnames)
    }

    /// 3.11/3.12: `[NULL, callable, args, kwargs?]`.
    pub fn call_function_ex_null_below(&mut self, flags: u32) -> Flow {
        let (values, kwnames) = match self.pop_ex_arguments(flags, 0) {
            Ok(x) => x,
            Err(f) => return f,
        };
        let callable = self.frame.pop();
        self.frame.pop();
        self.call_ex(callable, values, kwnames)
    }

    /// 3.13: `[callable, NULL, args, kwargs?]`.
    pub fn call_function_ex_null_above(&mut self, flags: u32) -> Flow {
        let (values, kwnames) = match self.pop_ex_arguments(flags, 1) {
            Ok(x) => x,
            Err(f) => return f,
        };
        self.frame.pop();
        let callable = self.frame.pop();
        self.call_ex(callable, values, kwnames)
    }

    /// Pops the values MAKE_FUNCTION's flags select, from the top down: closure (8),
    /// annotations (4), keyword defaults (2), defaults (1).
    fn pop_function_parts(&mut self, flags: u32) -> [Value; 4] {
        let mut parts = [Value::None, Value::None, Value::None, Value::None];
        for (bit, slot) in [(8, 3), (4, 2), (2, 1), (1, 0)] {
            if flags & bit != 0 {
                parts[slot] = self.frame.pop();
            }
        }
        parts
    }

    /// 3.6–3.10: `[parts..., code, qualname]`.
    pub fn make_function_flags_qualname(&mut self, flags: u32) -> Flow {
        let qualname = self.frame.pop();
        let code = self.frame.pop();
        let [defaults, kwdefaults, annotations, closure] = self.pop_function_parts(flags);
        let f = tri!(self.new_function(
            code,
            Some(qualname),
            defaults,
            kwdefaults,
            annotations,
            closure
        ));
        self.frame.push(f);
        Flow::Next
    }

    /// 3.11/3.12: `[parts..., code]`; the qualified name comes from the code object.
    pub fn make_function_flags(&mut self, flags: u32) -> Flow {
        let code = self.frame.pop();
        let [defaults, kwdefaults, annotations, closure] = self.pop_function_parts(flags);
        let f = tri!(self.new_function(code, None, defaults, kwdefaults, annotations, closure));
        self.frame.push(f);
        Flow::Next
    }

    /// 3.13: `[code]`; SET_FUNCTION_ATTRIBUTE adds the parts.
    pub fn make_function_plain(&mut self, _: u32) -> Flow {
        self.make_function_flags(0)
    }

    /// 3.13: sets one attribute (flag `oparg`) of the function on top from the value below.
    pub fn set_function_attribute(&mut self, flag: u32) -> Flow {
        let func = self.frame.pop();
        let value = self.frame.pop();
        if let Some(Payload::Function(f)) = func.payload() {
            match flag {
                1 => drop(f.defaults.replace(value)),
                2 => drop(f.kwdefaults.replace(value)),
                4 => drop(f.annotations.replace(value)),
                8 => {
                    // The closure is fixed at creation; rebuild the function with it.
                    let cells: Vec<_> = match value.payload() {
                        Some(Payload::Tuple(t)) => {
                            t.iter().filter_map(|c| c.as_obj().cloned()).collect()
                        }
                        _ => Vec::new(),
                    };
                    let rebuilt = Function {
                        code: PyCell::new(f.code.get()),
                        globals: f.globals.clone(),
                        builtins: f.builtins.clone(),
                        name: PyCell::new(f.name.get()),
                        qualname: PyCell::new(f.qualname.get()),
                        defaults: PyCell::new(f.defaults.get()),
                        kwdefaults: PyCell::new(f.kwdefaults.get()),
                        closure: cells.into_boxed_slice(),
                        annotations: PyCell::new(f.annotations.get()),
                        doc: PyCell::new(f.doc.get()),
                        module: PyCell::new(f.module.get()),
                        type_params: PyCell::new(f.type_params.get()),
                    };
                    let obj = Object::with_dict(
                        self.vm.types.function.clone(),
                        Payload::Function(Box::new(rebuilt)),
                    );
                    self.frame.push(Value::Obj(obj));
                    return Flow::Next;
                }
                _ => {}
            }
        }
        self.frame.push(func);
        Flow::Next
    }

    pub(crate) fn new_function(
        &mut self,
        code_v: Value,
        qualname: Option<Value>,
        defaults: Value,
        kwdefaults: Value,
        annotations: Value,
        closure: Value,
    ) -> crate::vm::PyResult<Value> {
        let Some(Payload::Code(code)) = code_v.payload() else {
            return Err(self.vm.system_error("MAKE_FUNCTION without a code object"));
        };
        let code = code.clone();
        let name: Rc<str> = code.co.name.clone();
        let qualname: Rc<str> = match qualname.as_ref().and_then(|q| q.as_str()) {
            Some(q) => Rc::from(q.as_str()),
            None => code.co.qualname.clone(),
        };
        let cells: Vec<_> = match closure.payload() {
            Some(Payload::Tuple(t)) => t.iter().filter_map(|c| c.as_obj().cloned()).collect(),
            _ => Vec::new(),
        };
        let globals = self.frame.globals.clone();
        let module = self
            .vm
            .dict_get_name(&globals, &self.vm.names.__name__.clone())
            .unwrap_or(Value::None);
        let doc = if crate::vm::flavour::first_const_is_docstring(self.vm.version, code.co.flags) {
            match code.consts.first() {
                Some(v) if v.as_str().is_some() => v.clone(),
                _ => Value::None,
            }
        } else {
            Value::None
        };
        let f = Function {
            code: PyCell::new(code),
            globals,
            builtins: self.frame.builtins.clone(),
            name: PyCell::new(name),
            qualname: PyCell::new(qualname),
            defaults: PyCell::new(defaults),
            kwdefaults: PyCell::new(kwdefaults),
            closure: cells.into_boxed_slice(),
            annotations: PyCell::new(annotations),
            doc: PyCell::new(doc),
            module: PyCell::new(module),
            type_params: PyCell::new(Value::Null),
        };
        Ok(Value::Obj(Object::with_dict(
            self.vm.types.function.clone(),
            Payload::Function(Box::new(f)),
        )))
    }

    pub fn load_build_class(&mut self, _: u32) -> Flow {
        let builtins = self.frame.builtins.clone();
        let name = self.vm.names.__build_class__.clone();
        match self.vm.dict_get_name(&builtins, &name) {
            Some(f) => {
                self.frame.push(f);
                Flow::Next
            }
            None => Flow::Raise(self.vm.new_exception(
                &self.vm.types.exc.name_error.clone(),
                "__build_class__ not found",
            )),
        }
    }
}
