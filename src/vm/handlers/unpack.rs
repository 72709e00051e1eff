//! 3.6–3.8 unpacking builders (`[*a, *b]`, `f(*a, **k)` and friends) and the 3.10+
//! structural pattern matching opcodes.

use crate::object::{Args, Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};

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
        for p in &parts {
            let items = match self.vm.mapping_items(p) {
                Ok(items) => items,
                Err(_) => {
                    let func = self.frame.peek(1).clone();
                    let fname = self.vm.callable_name(&func);
                    let msg = format!(
                        "{fname} argument after ** must be a mapping, not {}",
                        self.vm.type_name(p)
                    );
                    return Flow::Raise(self.vm.type_error(&msg));
                }
            };
            for (k, v) in items {
                if tri!(self.vm.dict_get(&d, &k)).is_some() {
                    let func = self.frame.peek(1).clone();
                    let fname = self.vm.callable_name(&func);
                    let key = tri!(self.vm.str(&k));
                    let msg = format!("{fname} got multiple values for keyword argument '{key}'");
                    return Flow::Raise(self.vm.type_error(&msg));
                }
                tri!(self.vm.dict_set(&d, k, v));
            }
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

    // ----- pattern matching (3.10+) -----

    pub fn get_len(&mut self, _: u32) -> Flow {
        let v = self.frame.top().clone();
        let n = tri!(self.vm.len(&v));
        self.frame.push(Value::Int(n as i64));
        Flow::Next
    }

    pub fn match_mapping(&mut self, _: u32) -> Flow {
        let v = self.frame.top().clone();
        let is = self
            .vm
            .is_subclass_of(self.vm.class_of(&v), &self.vm.types.dict.clone());
        self.frame.push(Value::Bool(is));
        Flow::Next
    }

    pub fn match_sequence(&mut self, _: u32) -> Flow {
        let v = self.frame.top().clone();
        let c = self.vm.class_of(&v).clone();
        let t = &self.vm.types;
        let is = [&t.list, &t.tuple, &t.range]
            .iter()
            .any(|s| self.vm.is_subclass_of(&c, s));
        self.frame.push(Value::Bool(is));
        Flow::Next
    }

    /// `[subject, keys]` → the values of `keys` in the mapping `subject`, or None.
    fn match_keys_values(&mut self) -> Result<Value, Flow> {
        let keys = self.frame.peek(0).clone();
        let subject = self.frame.peek(1).clone();
        let keys = self.vm.collect(&keys).map_err(Flow::Raise)?;
        let get = self.vm.intern("get");
        let dummy = Value::Obj(crate::object::Object::new(
            self.vm.types.object.clone(),
            Payload::Plain,
        ));
        let mut values = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self
                .vm
                .call_method(&subject, &get, &[k, dummy.clone()])
                .map_err(Flow::Raise)?;
            if v.is(&dummy) {
                return Ok(Value::None);
            }
            values.push(v);
        }
        Ok(self.vm.new_tuple(values))
    }

    /// 3.11+: pushes the values tuple or None.
    pub fn match_keys(&mut self, _: u32) -> Flow {
        match self.match_keys_values() {
            Ok(v) => {
                self.frame.push(v);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.10: pushes the values tuple and True, or None and False.
    pub fn match_keys_with_bool(&mut self, _: u32) -> Flow {
        match self.match_keys_values() {
            Ok(v) => {
                let ok = !v.is_none();
                self.frame.push(v);
                self.frame.push(Value::Bool(ok));
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.10: `[subject, keys]` → `[subject, keys, rest]` (a dict copy without keys).
    pub fn copy_dict_without_keys(&mut self, _: u32) -> Flow {
        let keys = self.frame.pop();
        let subject = self.frame.top().clone();
        let rest = self.vm.new_dict();
        tri!(self
            .vm
            .dict_update_from(&Value::Obj(rest.clone()), &subject));
        for k in tri!(self.vm.collect(&keys)) {
            tri!(self.vm.dict_remove(&rest, &k));
        }
        self.frame.push(keys);
        self.frame.push(Value::Obj(rest));
        Flow::Next
    }

    /// `[subject, cls, names]` with `count` positional sub-patterns → the attributes
    /// tuple, or None.
    fn match_class_attrs(&mut self, count: u32) -> Result<Value, Flow> {
        let names = self.frame.pop();
        let cls = self.frame.pop();
        let subject = self.frame.pop();
        let Some(cls_obj) = cls
            .as_obj()
            .filter(|c| matches!(c.payload, Payload::Type(_)))
            .cloned()
        else {
            return Err(Flow::Raise(
                self.vm.type_error("called match pattern must be a class"),
            ));
        };
        if !self.vm.is_subclass_of(self.vm.class_of(&subject), &cls_obj) {
            return Ok(Value::None);
        }
        let mut attrs = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if count > 0 {
            let match_args_name = self.vm.names.__match_args__.clone();
            let match_args = self
                .vm
                .get_attr_opt(&cls, &match_args_name)
                .map_err(Flow::Raise)?;
            let self_match = {
                let t = &self.vm.types;
                [
                    &t.bool_,
                    &t.bytearray,
                    &t.bytes,
                    &t.dict,
                    &t.float,
                    &t.frozenset,
                    &t.int,
                    &t.list,
                    &t.set,
                    &t.str_,
                    &t.tuple,
                ]
                .iter()
                .any(|b| self.vm.is_subclass_of(&cls_obj, b))
            };
            match match_args {
                Some(ma) => {
                    let Some(Payload::Tuple(items)) = ma.payload() else {
                        return Err(Flow::Raise(self.vm.type_error(&format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            self.vm.type_data(&cls_obj).name(),
                            self.vm.type_name(&ma)
                        ))));
                    };
                    if (count as usize) > items.len() {
                        let n = self.vm.type_data(&cls_obj).name();
                        return Err(Flow::Raise(self.vm.type_error(&format!(
                            "{n}() accepts {} positional sub-pattern{} ({count} given)",
                            items.len(),
                            if items.len() == 1 { "" } else { "s" }
                        ))));
                    }
                    for item in items.iter().take(count as usize) {
                        let Some(name) = item.as_obj().cloned() else {
                            return Ok(Value::None);
                        };
                        seen.push(
                            item.as_str()
                                .map(|s| s.as_str().to_string())
                                .unwrap_or_default(),
                        );
                        match self.vm.get_attr_opt(&subject, &name).map_err(Flow::Raise)? {
                            Some(v) => attrs.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
                None if self_match && count == 1 => attrs.push(subject.clone()),
                None => {
                    let n = self.vm.type_data(&cls_obj).name();
                    return Err(Flow::Raise(self.vm.type_error(&format!(
                        "{n}() accepts 0 positional sub-patterns ({count} given)"
                    ))));
                }
            }
        }
        for name in self.vm.collect(&names).map_err(Flow::Raise)? {
            let text = name
                .as_str()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            if seen.contains(&text) {
                let n = self.vm.type_data(&cls_obj).name();
                return Err(Flow::Raise(self.vm.type_error(&format!(
                    "{n}() got multiple sub-patterns for attribute '{text}'"
                ))));
            }
            seen.push(text);
            let Some(n) = name.as_obj().cloned() else {
                return Ok(Value::None);
            };
            match self.vm.get_attr_opt(&subject, &n).map_err(Flow::Raise)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.vm.new_tuple(attrs))
    }

    pub fn match_class(&mut self, count: u32) -> Flow {
        match self.match_class_attrs(count) {
            Ok(v) => {
                self.frame.push(v);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    pub fn match_class_with_bool(&mut self, count: u32) -> Flow {
        match self.match_class_attrs(count) {
            Ok(v) => {
                let ok = !v.is_none();
                self.frame.push(v);
                self.frame.push(Value::Bool(ok));
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.12+: the operations the compiler delegates to the runtime, by the version's
    /// `intrinsics_1` table.
    pub fn call_intrinsic_1(&mut self, which: u32) -> Flow {
        let name = self
            .vm
            .version
            .intrinsics_1
            .get(which as usize)
            .copied()
            .unwrap_or("");
        let v = self.frame.pop();
        let r = match name {
            "INTRINSIC_PRINT" => {
                let r = self.print_expr_value(v);
                return r;
            }
            "INTRINSIC_UNARY_POSITIVE" => self.vm.unary_op(&v, "+"),
            "INTRINSIC_LIST_TO_TUPLE" => match v.payload() {
                Some(Payload::List(l)) => Ok(self.vm.new_tuple(l.get())),
                _ => Err(self.vm.system_error("LIST_TO_TUPLE of a non-list")),
            },
            "INTRINSIC_STOPITERATION_ERROR" => Err(self.stop_iteration_error(v)),
            "INTRINSIC_ASYNC_GEN_WRAP" => Ok(self.vm.async_gen_wrap_value(v)),
            "INTRINSIC_SUBSCRIPT_GENERIC" => Ok(v),
            _ => Err(self
                .vm
                .system_error(&format!("intrinsic {name} is not supported"))),
        };
        self.push_result(r)
    }

    fn print_expr_value(&mut self, v: Value) -> Flow {
        self.frame.push(v);
        match self.print_expr(0) {
            Flow::Next => {
                self.frame.push(Value::None);
                Flow::Next
            }
            f => f,
        }
    }

    /// A StopIteration raised inside a generator body becomes RuntimeError (PEP 479).
    fn stop_iteration_error(&mut self, v: Value) -> crate::vm::PyErr {
        let Value::Obj(e) = &v else {
            return self.vm.system_error("bad exception");
        };
        if self
            .vm
            .is_instance_of_class(e, &self.vm.types.exc.stop_iteration.clone())
        {
            let kind = if self.frame.code.flags() & crate::vm::bind::CO_COROUTINE != 0 {
                "coroutine"
            } else {
                "generator"
            };
            let r = self.vm.new_exception(
                &self.vm.types.exc.runtime_error.clone(),
                &format!("{kind} raised StopIteration"),
            );
            if let Payload::Exception(d) = &r.0.payload {
                d.cause.replace(v.clone());
                d.context.replace(v.clone());
                d.suppress_context.set(true);
            }
            r
        } else {
            crate::vm::PyErr(e.clone())
        }
    }

    pub fn call_intrinsic_2(&mut self, which: u32) -> Flow {
        let name = self
            .vm
            .version
            .intrinsics_2
            .get(which as usize)
            .copied()
            .unwrap_or("");
        let b = self.frame.pop();
        let a = self.frame.pop();
        let _ = (&a, &b, Args::positional(&[]));
        Flow::Raise(
            self.vm
                .system_error(&format!("intrinsic {name} is not supported")),
        )
    }
}

impl crate::vm::Vm {
    /// How a callable is named in argument errors (`f()`, `C.m()`).
    pub fn callable_name(&self, f: &Value) -> String {
        match f.payload() {
            Some(Payload::Function(func)) => format!("{}()", func.qualname.get()),
            Some(Payload::Method(m)) => self.callable_name(&m.func),
            Some(Payload::Builtin(b)) => format!("{}()", b.name),
            Some(Payload::Type(t)) => format!("{}()", t.name()),
            _ => format!("{} object", self.type_name(f)),
        }
    }
}
