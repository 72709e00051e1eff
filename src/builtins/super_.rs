//! `super`: `super(type, obj)`, `super(type, type2)`, and zero-argument `super()` (the
//! `__class__` cell and first argument of the calling frame), and attribute lookup
//! starting after `type` in the MRO of `obj`'s type.

use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let t = vm.types.super_.clone();
    vm.add_method(&t, "__new__", super_new, BuiltinKind::StaticMethod);
    vm.add_method(
        &t,
        "__getattribute__",
        super_getattribute,
        BuiltinKind::Method,
    );
}

fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    let (t, obj) = match pos {
        [t, obj] => (t.clone(), obj.clone()),
        [] => vm.zero_arg_super()?,
        [t] => (t.clone(), Value::None),
        _ => return Err(vm.type_error("super() takes at most 2 arguments")),
    };
    vm.new_super(t, obj)
}

fn super_getattribute(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [s, name] = args.pos() else {
        return Err(vm.type_error("super.__getattribute__ takes 1 argument"));
    };
    let Some(name) = name.as_obj().cloned() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    vm.super_getattr(s, &name)
}

impl Vm {
    /// A super object for `(t, obj)`, validated as CPython does.
    pub fn new_super(&mut self, t: Value, obj: Value) -> PyResult<Value> {
        let Some(t) = t
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Type(_)))
            .cloned()
        else {
            return Err(self.type_error(&format!(
                "super() argument 1 must be a type, not {}",
                self.type_name(&t)
            )));
        };
        if !obj.is_none() {
            let ok = match obj.payload() {
                Some(Payload::Type(_)) => self.is_subclass_of(obj.as_obj().unwrap_or(&t), &t),
                _ => false,
            } || self.is_subclass_of(self.class_of(&obj), &t);
            if !ok {
                let (kind, obj_name) = match obj.payload() {
                    Some(Payload::Type(d)) => ("type", d.name().to_string()),
                    _ => ("instance of", self.type_name(&obj).to_string()),
                };
                let type_name = self.type_data(&t).name().to_string();
                let v = self.version.format.major_minor;
                let msg = crate::vm::messages::super_bad_obj(v, kind, &obj_name, &type_name);
                return Err(self.type_error(&msg));
            }
        }
        Ok(Value::Obj(Object::new(
            self.types.super_.clone(),
            Payload::Super(Box::new((t, obj))),
        )))
    }

    /// `super()` inside a method: the `__class__` cell and the first argument.
    pub fn zero_arg_super(&mut self) -> PyResult<(Value, Value)> {
        let Some(frame) = self.caller_frame() else {
            return Err(self.new_exception(
                &self.types.exc.runtime_error.clone(),
                "super(): no current frame",
            ));
        };
        let code = frame.code.clone();
        let fast = frame.fast.clone();
        if code.co.argcount == 0 && code.co.flags & super::super::vm::call::CO_VARARGS == 0 {
            return Err(self.new_exception(
                &self.types.exc.runtime_error.clone(),
                "super(): no arguments",
            ));
        }
        let mut first = fast.first().cloned().unwrap_or(Value::Null);
        // The first argument may have been moved into a cell.
        if let Some(Payload::Cell(c)) = first.payload() {
            if code.first_cell == 0
                || code
                    .co
                    .cellvars
                    .iter()
                    .any(|c| Some(c) == code.co.varnames.first())
            {
                first = c.get();
            }
        }
        // ≤3.10: an argument that is also a cell variable moved into its cell at frame
        // start, leaving its own slot empty.
        if first.is_null() {
            if let Some(&(cell_slot, _)) = code.cell_args.iter().find(|(_, arg)| *arg == 0) {
                if let Some(Payload::Cell(c)) = fast.get(cell_slot).and_then(|v| v.payload()) {
                    first = c.get();
                }
            }
        }
        let class_slot = code
            .fast_names
            .iter()
            .position(|n| matches!(&n.payload, Payload::Str(s) if s.as_str() == "__class__"));
        let class_ = match class_slot.and_then(|i| fast.get(i)) {
            Some(Value::Obj(cell)) => match &cell.payload {
                Payload::Cell(c) => c.get(),
                _ => Value::Null,
            },
            _ => Value::Null,
        };
        if class_slot.is_none() {
            return Err(self.new_exception(
                &self.types.exc.runtime_error.clone(),
                "super(): __class__ cell not found",
            ));
        }
        if class_.is_null() {
            return Err(self.new_exception(
                &self.types.exc.runtime_error.clone(),
                "super(): empty __class__ cell",
            ));
        }
        if first.is_null() {
            return Err(self.new_exception(
                &self.types.exc.runtime_error.clone(),
                "super(): arg[0] deleted",
            ));
        }
        Ok((class_, first))
    }

    /// `super_obj.name`.
    pub fn super_getattr(&mut self, s: &Value, name: &ObjRef) -> PyResult<Value> {
        let Some(Payload::Super(pair)) = s.payload() else {
            return self.get_attr(s, name);
        };
        let (t, obj) = (pair.0.clone(), pair.1.clone());
        let start_type: ObjRef = match obj.payload() {
            Some(Payload::Type(_)) if self.is_subclass_of(obj.as_obj().unwrap_or(&t), &t) => {
                obj.as_obj().cloned().unwrap_or(t.clone())
            }
            _ => self.class_of(&obj).clone(),
        };
        if !obj.is_none() && name.as_ref().payload_is("__class__") {
            return Ok(Value::Obj(self.types.super_.clone()));
        }
        let mro = self.type_data(&start_type).mro.get();
        let pos = mro
            .iter()
            .position(|c| std::rc::Rc::ptr_eq(c, &t))
            .map(|i| i + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let dict = self.type_data(c).dict.clone();
            if let Some(v) = self.dict_get_name(&dict, name) {
                let instance = if obj.is_none()
                    || std::rc::Rc::ptr_eq(obj.as_obj().unwrap_or(&t), &start_type)
                        && matches!(obj.payload(), Some(Payload::Type(_)))
                {
                    None
                } else {
                    Some(&obj)
                };
                return self.descr_get(v, instance, &start_type);
            }
        }
        self.generic_getattr(s, &self.types.super_.clone(), name)?
            .ok_or_else(|| {
                self.new_exception(
                    &self.types.exc.attribute_error,
                    &format!("'super' object has no attribute '{}'", name_text(name)),
                )
            })
    }
}

fn name_text(n: &ObjRef) -> String {
    match &n.payload {
        Payload::Str(s) => s.as_str().to_string(),
        _ => String::new(),
    }
}

trait PayloadIs {
    fn payload_is(&self, s: &str) -> bool;
}

impl PayloadIs for Object {
    fn payload_is(&self, s: &str) -> bool {
        matches!(&self.payload, Payload::Str(p) if p.as_str() == s)
    }
}
