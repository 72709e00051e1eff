//! Loads, stores and deletes of constants, locals, names, globals, cells and attributes.

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::messages;

impl Exec<'_> {
    #[inline(always)]
    pub fn load_const(&mut self, i: u32) -> Flow {
        let v = self
            .frame
            .code
            .consts
            .get(i as usize)
            .cloned()
            .unwrap_or(Value::None);
        self.frame.push(v);
        Flow::Next
    }

    pub fn return_const(&mut self, i: u32) -> Flow {
        let v = self
            .frame
            .code
            .consts
            .get(i as usize)
            .cloned()
            .unwrap_or(Value::None);
        Flow::Return(v)
    }

    #[inline(always)]
    pub fn load_fast(&mut self, i: u32) -> Flow {
        let v = &self.frame.fast[i as usize];
        if v.is_null() {
            return Flow::Raise(self.unbound_local(i));
        }
        let v = v.clone();
        self.frame.push(v);
        Flow::Next
    }

    /// 3.12+: push the local (Null if unbound) and unbind it.
    pub fn load_fast_and_clear(&mut self, i: u32) -> Flow {
        let v = std::mem::take(&mut self.frame.fast[i as usize]);
        self.frame.push(v);
        Flow::Next
    }

    /// 3.13: two locals, `oparg >> 4` then `oparg & 15`.
    pub fn load_fast_load_fast(&mut self, i: u32) -> Flow {
        match self.load_fast(i >> 4) {
            Flow::Next => self.load_fast(i & 15),
            other => other,
        }
    }

    #[inline(always)]
    pub fn store_fast(&mut self, i: u32) -> Flow {
        let v = self.frame.pop();
        let _old = std::mem::replace(&mut self.frame.fast[i as usize], v);
        Flow::Next
    }

    pub fn store_fast_load_fast(&mut self, i: u32) -> Flow {
        self.store_fast(i >> 4);
        self.load_fast(i & 15)
    }

    pub fn store_fast_store_fast(&mut self, i: u32) -> Flow {
        self.store_fast(i >> 4);
        self.store_fast(i & 15)
    }

    pub fn delete_fast(&mut self, i: u32) -> Flow {
        if self.frame.fast[i as usize].is_null() {
            return Flow::Raise(self.unbound_local(i));
        }
        self.frame.fast[i as usize] = Value::Null;
        Flow::Next
    }

    fn unbound_local(&self, i: u32) -> crate::vm::PyErr {
        let name = self
            .frame
            .code
            .fast_names
            .get(i as usize)
            .map(|n| n.payload_text())
            .unwrap_or_default();
        let msg = messages::unbound_local(self.vm.version.format.major_minor, &name);
        self.vm
            .new_exception(&self.vm.types.exc.unbound_local_error, &msg)
    }

    pub fn load_name(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let locals = self.frame.locals.clone();
        if let Value::Obj(ns) = &locals {
            if let Payload::Dict(_) = &ns.payload {
                if let Some(v) = self.vm.dict_get_name(ns, &name) {
                    self.frame.push(v);
                    return Flow::Next;
                }
            } else {
                match self.vm.getitem(&locals, &Value::Obj(name.clone())) {
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
        }
        let globals = self.frame.globals.clone();
        if let Some(v) = self.vm.dict_get_name(&globals, &name) {
            self.frame.push(v);
            return Flow::Next;
        }
        let builtins = self.frame.builtins.clone();
        if let Some(v) = self.vm.dict_get_name(&builtins, &name) {
            self.frame.push(v);
            return Flow::Next;
        }
        let msg =
            messages::name_not_defined(self.vm.version.format.major_minor, &name.payload_text());
        Flow::Raise(self.vm.new_exception(&self.vm.types.exc.name_error, &msg))
    }

    pub fn store_name(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let v = self.frame.pop();
        let locals = self.frame.locals.clone();
        match &locals {
            // Only an exact dict is stored into directly (CPython's PyDict_CheckExact): a
            // class namespace from `__prepare__` may override `__setitem__` (enum's).
            Value::Obj(ns)
                if matches!(ns.payload, Payload::Dict(_))
                    && std::rc::Rc::ptr_eq(ns.class(), &self.vm.types.dict) =>
            {
                let r = self.vm.dict_set(ns, Value::Obj(name), v);
                self.unit(r)
            }
            Value::Obj(_) => {
                let r = self.vm.setitem(&locals, Value::Obj(name), v);
                self.unit(r)
            }
            _ => Flow::Raise(self.vm.system_error("no locals when storing a name")),
        }
    }

    pub fn delete_name(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let locals = self.frame.locals.clone();
        if let Value::Obj(ns) = &locals {
            if !std::rc::Rc::ptr_eq(ns.class(), &self.vm.types.dict) {
                // A mapping namespace: its `__delitem__` (KeyError means NameError).
                match self.vm.delitem(&locals, &Value::Obj(name.clone())) {
                    Ok(()) => return Flow::Next,
                    Err(e)
                        if self
                            .vm
                            .is_instance_of_class(&e.0, &self.vm.types.exc.key_error.clone()) => {}
                    Err(e) => return Flow::Raise(e),
                }
            } else if tri!(self.vm.dict_remove(ns, &Value::Obj(name.clone()))).is_some() {
                return Flow::Next;
            }
        }
        let msg =
            messages::name_not_defined(self.vm.version.format.major_minor, &name.payload_text());
        Flow::Raise(self.vm.new_exception(&self.vm.types.exc.name_error, &msg))
    }

    /// The global `name` (globals, then builtins), or NameError. The hinted hit is
    /// inlined into the dispatch loop; the full lookup is a call.
    #[inline(always)]
    fn global_value(&mut self, i: u32) -> Result<Value, Flow> {
        // The hit of the hint borrows everything in place (no reference counted).
        let frame = &*self.frame;
        let code = &frame.code;
        if let (Some(hint), Some(name)) = (
            code.global_hints.get(i as usize),
            code.names.get(i as usize),
        ) {
            if let Some(v) = self
                .vm
                .global_by_hint(hint, &frame.globals, &frame.builtins, name)
            {
                return Ok(v);
            }
        }
        self.global_value_slow(i)
    }

    /// `global_value` when the hint does not apply: the full lookup, recording a hint.
    #[inline(never)]
    fn global_value_slow(&mut self, i: u32) -> Result<Value, Flow> {
        let code = self.frame.code.clone();
        let name = self.name(i);
        if let Some(hint) = code.global_hints.get(i as usize) {
            let (globals, builtins) = (self.frame.globals.clone(), self.frame.builtins.clone());
            if let Some(v) = self.vm.global_with_hint(hint, &globals, &builtins, &name) {
                return Ok(v);
            }
        } else {
            let globals = self.frame.globals.clone();
            if let Some(v) = self.vm.dict_get_name(&globals, &name) {
                return Ok(v);
            }
            let builtins = self.frame.builtins.clone();
            if let Some(v) = self.vm.dict_get_name(&builtins, &name) {
                return Ok(v);
            }
        }
        let msg =
            messages::global_not_defined(self.vm.version.format.major_minor, &name.payload_text());
        Err(Flow::Raise(
            self.vm.new_exception(&self.vm.types.exc.name_error, &msg),
        ))
    }

    /// LOAD_GLOBAL up to 3.10.
    #[inline(always)]
    pub fn load_global(&mut self, i: u32) -> Flow {
        match self.global_value(i) {
            Ok(v) => {
                self.frame.push(v);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.11/3.12: name `oparg >> 1`; bit 0 pushes a NULL before the value.
    #[inline(always)]
    pub fn load_global_push_null(&mut self, arg: u32) -> Flow {
        match self.global_value(arg >> 1) {
            Ok(v) => {
                if arg & 1 == 1 {
                    self.frame.push(Value::Null);
                }
                self.frame.push(v);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.13: name `oparg >> 1`; bit 0 pushes a NULL after the value.
    #[inline(always)]
    pub fn load_global_null_after(&mut self, arg: u32) -> Flow {
        match self.global_value(arg >> 1) {
            Ok(v) => {
                self.frame.push(v);
                if arg & 1 == 1 {
                    self.frame.push(Value::Null);
                }
                Flow::Next
            }
            Err(f) => f,
        }
    }

    pub fn store_global(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let v = self.frame.pop();
        let globals = self.frame.globals.clone();
        let r = self.vm.dict_set(&globals, Value::Obj(name), v);
        self.unit(r)
    }

    pub fn delete_global(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let globals = self.frame.globals.clone();
        if tri!(self.vm.dict_remove(&globals, &Value::Obj(name.clone()))).is_some() {
            return Flow::Next;
        }
        let msg =
            messages::global_not_defined(self.vm.version.format.major_minor, &name.payload_text());
        Flow::Raise(self.vm.new_exception(&self.vm.types.exc.name_error, &msg))
    }

    // ----- cells -----

    pub fn make_cell(&mut self, i: u32) -> Flow {
        let initial = std::mem::take(&mut self.frame.fast[i as usize]);
        self.frame.fast[i as usize] = self.vm.new_cell(initial);
        Flow::Next
    }

    /// 3.11+: the function's closure cells go into the last `oparg` fast slots.
    pub fn copy_free_vars(&mut self, n: u32) -> Flow {
        let Some(func) = self.frame.func.clone() else {
            return Flow::Next;
        };
        let Payload::Function(f) = &func.payload else {
            return Flow::Next;
        };
        let nfast = self.frame.fast.len();
        let n = n as usize;
        for (k, cell) in f.closure.iter().enumerate().take(n) {
            self.frame.fast[nfast - n + k] = Value::Obj(cell.clone());
        }
        Flow::Next
    }

    pub fn load_closure(&mut self, i: u32) -> Flow {
        let v = self.frame.fast[i as usize].clone();
        self.frame.push(v);
        Flow::Next
    }

    pub fn load_deref(&mut self, i: u32) -> Flow {
        let cell = self.frame.fast[i as usize].clone();
        let v = match cell.payload() {
            Some(Payload::Cell(c)) => c.get(),
            _ => Value::Null,
        };
        if v.is_null() {
            return Flow::Raise(self.unbound_deref(i));
        }
        self.frame.push(v);
        Flow::Next
    }

    pub fn load_classderef(&mut self, i: u32) -> Flow {
        let name = self.frame.code.fast_names[i as usize].clone();
        if let Value::Obj(ns) = self.frame.locals.clone() {
            if let Some(v) = self.vm.dict_get_name(&ns, &name) {
                self.frame.push(v);
                return Flow::Next;
            }
        }
        self.load_deref(i)
    }

    pub fn store_deref(&mut self, i: u32) -> Flow {
        let v = self.frame.pop();
        match self.frame.fast[i as usize].payload() {
            Some(Payload::Cell(c)) => {
                let _old = c.replace(v);
            }
            _ => self.frame.fast[i as usize] = self.vm.new_cell(v),
        }
        Flow::Next
    }

    pub fn delete_deref(&mut self, i: u32) -> Flow {
        if let Some(Payload::Cell(c)) = self.frame.fast[i as usize].payload() {
            if c.get().is_null() {
                return Flow::Raise(self.unbound_deref(i));
            }
            let _old = c.replace(Value::Null);
        }
        Flow::Next
    }

    fn unbound_deref(&self, i: u32) -> crate::vm::PyErr {
        let code = &self.frame.code;
        let name = code
            .fast_names
            .get(i as usize)
            .map(|n| n.payload_text())
            .unwrap_or_default();
        let is_free = code.free_slots.contains(&(i as usize));
        let v = self.vm.version.format.major_minor;
        if is_free {
            self.vm.new_exception(
                &self.vm.types.exc.name_error,
                &messages::unbound_free(v, &name),
            )
        } else {
            self.vm.new_exception(
                &self.vm.types.exc.unbound_local_error,
                &messages::unbound_local(v, &name),
            )
        }
    }

    // ----- attributes -----

    /// LOAD_ATTR: `getattr(TOS, name)`.
    pub fn load_attr(&mut self, i: u32) -> Flow {
        // The hinted instance-dict read replaces the object on top in place.
        let code = &self.frame.code;
        if let (Some(hint), Some(name), Some(top)) = (
            code.attr_hints.get(i as usize),
            code.names.get(i as usize),
            self.frame.stack.last_mut(),
        ) {
            if let Some(v) = crate::vm::attr_hints::instance_attr_by_hint(hint, top, name) {
                *top = v;
                return Flow::Next;
            }
        }
        let obj = self.frame.pop();
        let code = &self.frame.code;
        let r = match (code.attr_hints.get(i as usize), code.names.get(i as usize)) {
            (Some(hint), Some(name)) => self.vm.load_attr_hinted(hint, &obj, name),
            _ => {
                let name = self.name(i);
                self.vm.get_attr(&obj, &name)
            }
        };
        self.push_result(r)
    }

    /// Looks up a method for a call: `Ok((method, self))` for a plain function found on
    /// the type (no bound method is made), else `Err(attribute)`.
    fn method_lookup(
        &mut self,
        obj: &Value,
        i: u32,
    ) -> Result<Result<(Value, Value), Value>, Flow> {
        let code = &self.frame.code;
        if let (Some(hint), Some(name)) =
            (code.attr_hints.get(i as usize), code.names.get(i as usize))
        {
            if let Some(f) = self.vm.method_by_hint(hint, obj, name) {
                return Ok(Ok((f, obj.clone())));
            }
        }
        let name = self.name(i);
        let code = self.frame.code.clone();
        let hint = code.attr_hints.get(i as usize);
        let class_ = self.vm.class_of(obj).clone();
        let is_plain_instance = !matches!(
            obj.payload(),
            Some(Payload::Type(_) | Payload::Module(_) | Payload::Super(_))
        );
        if is_plain_instance && !self.vm.has_custom_getattribute(&class_) {
            if let Some(f) = self.vm.lookup_in_mro(&class_, &name) {
                let is_method = matches!(f.payload(), Some(Payload::Function(_)))
                    || matches!(f.payload(), Some(Payload::Builtin(b)) if b.kind == crate::object::BuiltinKind::Method);
                if is_method && !self.vm.instance_dict_has(obj, &name) {
                    if let Some(hint) = hint {
                        self.vm.note_method(hint, obj, &f);
                    }
                    return Ok(Ok((f, obj.clone())));
                }
            }
        }
        match self.vm.get_attr(obj, &name) {
            Ok(v) => Ok(Err(v)),
            Err(e) => Err(Flow::Raise(e)),
        }
    }

    /// 3.7–3.11 LOAD_METHOD: pushes `[method, self]` or `[NULL, attribute]`.
    pub fn load_method(&mut self, i: u32) -> Flow {
        let obj = self.frame.pop();
        match self.method_lookup(&obj, i) {
            Ok(Ok((m, s))) => {
                self.frame.push(m);
                self.frame.push(s);
            }
            Ok(Err(attr)) => {
                self.frame.push(Value::Null);
                self.frame.push(attr);
            }
            Err(f) => return f,
        }
        Flow::Next
    }

    /// 3.12 LOAD_ATTR: name `oparg >> 1`; bit 0 makes it a method load (`[method, self]`
    /// or `[NULL, attribute]`).
    pub fn load_attr_method(&mut self, arg: u32) -> Flow {
        if arg & 1 == 0 {
            return self.load_attr(arg >> 1);
        }
        self.load_method(arg >> 1)
    }

    /// 3.13 LOAD_ATTR: as 3.12, the method form pushing `[method, self]` or
    /// `[attribute, NULL]`.
    pub fn load_attr_method_self_or_null(&mut self, arg: u32) -> Flow {
        if arg & 1 == 0 {
            return self.load_attr(arg >> 1);
        }
        let obj = self.frame.pop();
        match self.method_lookup(&obj, arg >> 1) {
            Ok(Ok((m, s))) => {
                self.frame.push(m);
                self.frame.push(s);
            }
            Ok(Err(attr)) => {
                self.frame.push(attr);
                self.frame.push(Value::Null);
            }
            Err(f) => return f,
        }
        Flow::Next
    }

    /// 3.12+: `[super, class, self]` → `super(class, self).name`; name `oparg >> 2`,
    /// bit 0 a method load, bit 1 the two-argument form.
    fn super_attr(&mut self, arg: u32) -> Result<(Value, Value, bool), Flow> {
        let self_v = self.frame.pop();
        let class_v = self.frame.pop();
        let super_callable = self.frame.pop();
        let name = self.name(arg >> 2);
        let sup = if matches!(&super_callable, Value::Obj(o) if std::rc::Rc::ptr_eq(o, &self.vm.types.super_))
        {
            self.vm
                .new_super(class_v, self_v.clone())
                .map_err(Flow::Raise)?
        } else {
            let args = if arg & 2 != 0 {
                vec![class_v, self_v.clone()]
            } else {
                vec![]
            };
            self.vm
                .call(&super_callable, crate::object::Args::positional(&args))
                .map_err(Flow::Raise)?
        };
        let attr = self.vm.get_attr(&sup, &name).map_err(Flow::Raise)?;
        Ok((attr, self_v, arg & 1 != 0))
    }

    /// 3.12 LOAD_SUPER_ATTR: pushes the attribute, or for a method load `[NULL, bound]`.
    pub fn load_super_attr(&mut self, arg: u32) -> Flow {
        match self.super_attr(arg) {
            Ok((attr, _, method)) => {
                if method {
                    self.frame.push(Value::Null);
                }
                self.frame.push(attr);
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.13 LOAD_SUPER_ATTR: a method load pushes `[bound, NULL]`.
    pub fn load_super_attr_self_or_null(&mut self, arg: u32) -> Flow {
        match self.super_attr(arg) {
            Ok((attr, _, method)) => {
                self.frame.push(attr);
                if method {
                    self.frame.push(Value::Null);
                }
                Flow::Next
            }
            Err(f) => f,
        }
    }

    pub fn store_attr(&mut self, i: u32) -> Flow {
        let obj = self.frame.pop();
        let mut v = self.frame.pop();
        let code = &self.frame.code;
        if let (Some(hint), Some(name)) =
            (code.attr_hints.get(i as usize), code.names.get(i as usize))
        {
            // The hinted instance-dict entry is overwritten in place; the old value is
            // dropped after the dict's borrow ended.
            match crate::vm::attr_hints::store_instance_attr_by_hint(self.vm, hint, &obj, name, v) {
                Ok(_old) => return Flow::Next,
                Err(back) => v = back,
            }
        }
        let code = &self.frame.code;
        let r = match (code.attr_hints.get(i as usize), code.names.get(i as usize)) {
            (Some(hint), Some(name)) => self.vm.store_attr_hinted(hint, &obj, name, v),
            _ => {
                let name = self.name(i);
                self.vm.set_attr(&obj, &name, v)
            }
        };
        self.unit(r)
    }

    pub fn delete_attr(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let obj = self.frame.pop();
        let r = self.vm.del_attr(&obj, &name);
        self.unit(r)
    }
}

/// The text of a name object.
pub trait NameText {
    fn payload_text(&self) -> String;
}

impl NameText for crate::object::ObjRef {
    fn payload_text(&self) -> String {
        match &self.payload {
            Payload::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        }
    }
}
