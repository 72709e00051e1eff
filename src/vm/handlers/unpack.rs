//! 3.6–3.8 unpacking builders (`[*a, *b]`, `f(*a, **k)` and friends), annotations, and
//! the loads of class bodies with type parameters (3.12+).

use crate::object::{ObjRef, Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::PyResult;

impl Exec<'_> {
    fn pop_iterables(&mut self, n: u32, call_error: bool) -> Result<Vec<Value>, Flow> {
        let parts = self.frame.pop_n(n as usize);
        let mut out = Vec::new();
        for p in &parts {
            match self.vm.collect(p) {
                Ok(items) => out.extend(items),
                Err(e) => {
                    if call_error
                        && self
                            .vm
                            .is_instance_of_class(&e.0, &self.vm.types.exc.type_error.clone())
                        && !self.vm.is_iterable(p)
                    {
                        let func = self.frame.peek(0).clone();
                        let fname = self.vm.callable_name(&func);
                        let msg = format!(
                            "{fname} argument after * must be an iterable, not {}",
                            self.vm.type_name(p)
                        );
                        return Err(Flow::Raise(self.vm.type_error(&msg)));
                    }
                    return Err(Flow::Raise(e));
                }
            }
        }
        Ok(out)
    }

    pub fn build_list_unpack(&mut self, n: u32) -> Flow {
        match self.pop_iterables(n, false) {
            Ok(items) => {
                let l = self.vm.new_list(items);
                self.frame.push(l);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    pub fn build_tuple_unpack(&mut self, n: u32) -> Flow {
        match self.pop_iterables(n, false) {
            Ok(items) => {
                let t = self.vm.new_tuple(items);
                self.frame.push(t);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    pub fn build_tuple_unpack_with_call(&mut self, n: u32) -> Flow {
        match self.pop_iterables(n, true) {
            Ok(items) => {
                let t = self.vm.new_tuple(items);
                self.frame.push(t);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    pub fn build_set_unpack(&mut self, n: u32) -> Flow {
        match self.pop_iterables(n, false) {
            Ok(items) => {
                let r = self.vm.new_set_from(items, false);
                self.push_result(r)
            }
            Err(f) => f,
        }
    }

    pub fn build_map_unpack(&mut self, n: u32) -> Flow {
        let parts = self.frame.pop_n(n as usize);
        let d = self.vm.new_dict();
        for p in &parts {
            tri!(self.vm.dict_update_from(&Value::Obj(d.clone()), p));
        }
        self.frame.push(Value::Obj(d));
        Flow::Next
    }

    /// `f(**a, **b)`: duplicate keys are a TypeError naming the function.
    pub fn build_map_unpack_with_call(&mut self, arg: u32) -> Flow {
        let n = (arg & 0xff) as usize;
        let parts = self.frame.pop_n(n);
        let d = self.vm.new_dict();
        let func = self.frame.peek(1).clone();
        for p in &parts {
            tri!(self.vm.merge_call_kwargs(&func, &d, p));
        }
        self.frame.push(Value::Obj(d));
        Flow::Next
    }

    /// `__annotations__ = {}` in the running namespace unless it exists.
    pub fn setup_annotations(&mut self, _: u32) -> Flow {
        let key = self.vm.names.__annotations__.clone();
        let locals = self.frame.locals.clone();
        if let Value::Obj(ns) = &locals {
            if self.vm.dict_get_name(ns, &key).is_none() {
                let d = self.vm.new_dict();
                tri!(self.vm.setitem(&locals, Value::Obj(key), Value::Obj(d)));
            }
        }
        Flow::Next
    }

    /// 3.6: `__annotations__[name] = TOS`.
    pub fn store_annotation(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let v = self.frame.pop();
        let key = self.vm.names.__annotations__.clone();
        let locals = self.frame.locals.clone();
        let ann = tri!(self.vm.getitem(&locals, &Value::Obj(key)));
        let r = self.vm.setitem(&ann, Value::Obj(name), v);
        self.unit(r)
    }

    /// Interactive mode: print the repr of a non-None expression statement.
    pub fn print_expr(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        if !v.is_none() {
            let r = tri!(self.vm.repr(&v));
            self.vm.write_stdout(&format!("{r}\n"));
        }
        Flow::Next
    }

    /// 3.12+: push the namespace of the running class body or module.
    pub fn load_locals(&mut self, _: u32) -> Flow {
        if self.frame.locals.is_null() {
            return Flow::Raise(self.vm.system_error("no locals found"));
        }
        let l = self.frame.locals.clone();
        self.frame.push(l);
        Flow::Next
    }

    /// 3.12+: `[mapping]` → the name from the mapping, else globals, else builtins.
    pub fn load_from_dict_or_globals(&mut self, i: u32) -> Flow {
        let mapping = self.frame.pop();
        let name = self.name(i);
        match self.vm.getitem(&mapping, &Value::Obj(name)) {
            Ok(v) => {
                self.frame.push(v);
                Flow::Next
            }
            Err(e)
                if self
                    .vm
                    .is_instance_of_class(&e.0, &self.vm.types.exc.key_error.clone()) =>
            {
                self.load_global(i)
            }
            Err(e) => Flow::Raise(e),
        }
    }

    /// 3.12+: `[mapping]` → the name from the mapping, else the cell's content.
    pub fn load_from_dict_or_deref(&mut self, i: u32) -> Flow {
        let mapping = self.frame.pop();
        let name = self.frame.code.fast_names.get(i as usize).cloned();
        if let Some(name) = name {
            match self.vm.getitem(&mapping, &Value::Obj(name)) {
                Ok(v) => {
                    self.frame.push(v);
                    return Flow::Next;
                }
                Err(e)
                    if self
                        .vm
                        .is_instance_of_class(&e.0, &self.vm.types.exc.key_error.clone()) => {}
                Err(e) => return Flow::Raise(e),
            }
        }
        self.load_deref(i)
    }
}

impl crate::vm::Vm {
    /// How call-site errors (`f(*x)`, `f(**x)`) name the callable: up to 3.8 by its name
    /// and kind (`f()`, `type object`), from 3.9 by module and qualified name
    /// (`__main__.C.m()`, `print()`).
    pub fn callable_name(&mut self, f: &Value) -> String {
        if crate::vm::flavour::call_errors_name_module(self.version) {
            return self.function_str(f);
        }
        match f.payload() {
            Some(Payload::Function(func)) => format!("{}()", func.name.get()),
            Some(Payload::Method(m)) => {
                let func = m.func.clone();
                self.callable_name(&func)
            }
            Some(Payload::Builtin(b)) => format!("{}()", b.name),
            _ => format!("{} object", self.type_name(f)),
        }
    }

    /// `module.qualname()` (module left out when it is builtins or missing), or `str(f)`
    /// when `f` has no `__qualname__`.
    fn function_str(&mut self, f: &Value) -> String {
        let qual_name = self.names.__qualname__.clone();
        let qual = match self.get_attr_opt(f, &qual_name) {
            Ok(Some(q)) => q,
            _ => return self.str(f).unwrap_or_default(),
        };
        let qual = self.str(&qual).unwrap_or_default();
        let module_name = self.names.__module__.clone();
        let module = match self.get_attr_opt(f, &module_name) {
            Ok(Some(m)) if !m.is_none() => self.str(&m).ok(),
            _ => None,
        };
        match module.as_deref() {
            Some("builtins") | None => format!("{qual}()"),
            Some(m) => format!("{m}.{qual}()"),
        }
    }

    /// The items of `f(**m)`'s mapping, with CPython's call-site error when `m` is not a
    /// mapping.
    pub fn call_kwargs_items(&mut self, func: &Value, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        let is_mapping = matches!(m.payload(), Some(Payload::Dict(_))) || {
            let keys = self.names.keys.clone();
            matches!(self.get_attr_opt(m, &keys), Ok(Some(_)))
        };
        if !is_mapping {
            let fname = self.callable_name(func);
            let msg = format!(
                "{fname} argument after ** must be a mapping, not {}",
                self.type_name(m)
            );
            return Err(self.type_error(&msg));
        }
        self.mapping_items(m)
    }

    /// Merges `f(**m)`'s mapping into the keyword dict `d`: a repeated key is CPython's
    /// "got multiple values for keyword argument" naming the callable.
    pub fn merge_call_kwargs(&mut self, func: &Value, d: &ObjRef, m: &Value) -> PyResult<()> {
        for (k, v) in self.call_kwargs_items(func, m)? {
            if self.dict_get(d, &k)?.is_some() {
                let fname = self.callable_name(func);
                let key = self.str(&k)?;
                let msg = format!("{fname} got multiple values for keyword argument '{key}'");
                return Err(self.type_error(&msg));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }
}
