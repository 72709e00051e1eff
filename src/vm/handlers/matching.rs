//! Structural pattern matching (3.10+): GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE,
//! MATCH_KEYS, COPY_DICT_WITHOUT_KEYS and MATCH_CLASS of each era.

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};

impl Exec<'_> {
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
        self.frame.push(Value::bool(is));
        Flow::Next
    }

    pub fn match_sequence(&mut self, _: u32) -> Flow {
        let v = self.frame.top().clone();
        let c = self.vm.class_of(&v).clone();
        let t = &self.vm.types;
        let is = [&t.list, &t.tuple, &t.range]
            .iter()
            .any(|s| self.vm.is_subclass_of(&c, s));
        self.frame.push(Value::bool(is));
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
                self.frame.push(Value::bool(ok));
                Flow::Next
            }
            Err(f) => f,
        }
    }

    /// 3.10: `[subject, keys]` → `[subject, rest]` (a dict copy without the keys).
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
                self.frame.push(Value::bool(ok));
                Flow::Next
            }
            Err(f) => f,
        }
    }
}
