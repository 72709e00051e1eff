//! `repr()` and `str()` of values: builtin types natively (with CPython's exact text for
//! floats, strings, containers), everything else through `__repr__`/`__str__`.
//!
//! Containers that contain themselves print `[...]` / `{...}` as CPython does, tracked by
//! the set of containers whose repr is in progress.

use super::{PyResult, Vm};
use crate::object::{Args, IntValue, ObjRef, Payload, Value};
use crate::pyc::repr as text;
use std::rc::Rc;

impl Vm {
    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let version = self.version.format.major_minor;
        let mut out = String::new();
        match v {
            Value::None | Value::Null => out.push_str("None"),
            Value::Bool(b) => out.push_str(if b.get() { "True" } else { "False" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => text::float_repr(f.get(), version, &mut out),
            Value::Obj(o) => return self.repr_object(o, v),
        }
        Ok(out)
    }

    fn repr_object(&mut self, o: &ObjRef, v: &Value) -> PyResult<String> {
        // Like CPython, a repr counts against the recursion limit.
        self.enter_recursion(" while getting the repr of an object")?;
        let r = self.repr_object_inner(o, v);
        self.depth -= 1;
        r
    }

    fn repr_object_inner(&mut self, o: &ObjRef, v: &Value) -> PyResult<String> {
        let class_ = o.class().clone();
        if self.type_data(&class_).is_heap {
            let name = self.names.__repr__.clone();
            if let Some(f) = self.lookup_in_mro(&class_, &name) {
                if !self.is_builtin_types_own(&f) {
                    let bound = self.descr_get(f, Some(v), &class_)?;
                    let r = self.call(&bound, Args::positional(&[]))?;
                    return match r.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => Err(self.type_error(&format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
            }
        }
        self.repr_builtin(o, v)
    }

    /// The repr a builtin type gives `o` (what `list.__repr__`, `object.__repr__`... return,
    /// whatever `__repr__` the object's class defines).
    pub fn repr_builtin(&mut self, o: &ObjRef, v: &Value) -> PyResult<String> {
        let version = self.version.format.major_minor;
        let py2 = super::flavour::python2_builtins(self.version);
        if py2 {
            if let Some(r) = crate::builtins::py2::repr::repr_builtin(self, o, v)? {
                return Ok(r);
            }
        }
        let class_ = o.class().clone();
        let mut out = String::new();
        match &o.payload {
            Payload::Str(s) => text::text_repr(s.code_points().into_iter(), version, &mut out),
            Payload::Bytes(b) => text::bytes_repr(b, if py2 { "" } else { "b" }, &mut out),
            Payload::Int(IntValue::Small(i)) => out.push_str(&i.to_string()),
            Payload::Int(IntValue::Big(b)) => {
                out.push_str(&crate::builtins::int::big_to_decimal(self, b)?)
            }
            Payload::ByteArray(_) => {
                out.push_str(&crate::builtins::bytes::repr_of(self, v).unwrap_or_default())
            }
            Payload::Float(f) => text::float_repr(*f, version, &mut out),
            Payload::Complex(re, im) => text::complex_repr(*re, *im, version, &mut out),
            Payload::Tuple(items) => {
                if !self.repr_enter(o) {
                    return Ok("(...)".into());
                }
                let r = self.repr_items(items, "(", if items.len() == 1 { ",)" } else { ")" });
                self.repr_leave(o);
                return r;
            }
            Payload::List(items) => {
                if !self.repr_enter(o) {
                    return Ok("[...]".into());
                }
                let items = items.get();
                let r = self.repr_items(&items, "[", "]");
                self.repr_leave(o);
                return r;
            }
            Payload::Dict(_) => {
                if !self.repr_enter(o) {
                    return Ok("{...}".into());
                }
                let r = self.repr_dict(o);
                self.repr_leave(o);
                return r;
            }
            Payload::Set(_) | Payload::FrozenSet(_) => {
                if !self.repr_enter(o) {
                    return Ok(format!("{}(...)", self.type_name(v)));
                }
                let r = self.repr_set(o, v);
                self.repr_leave(o);
                return r;
            }
            Payload::Type(t) => {
                let module = self.type_module(o);
                let kind = if py2 && !t.is_heap { "type" } else { "class" };
                match module.as_deref() {
                    Some("builtins") | Some("__builtin__") | None => {
                        out.push_str(&format!("<{kind} '{}'>", t.qualname.get()))
                    }
                    Some(m) => out.push_str(&format!("<{kind} '{m}.{}'>", t.qualname.get())),
                }
            }
            Payload::Function(f) => {
                out.push_str(&format!("<function {} at {:#x}>", f.qualname.get(), v.id()))
            }
            Payload::Builtin(b) => {
                out.push_str(&crate::builtins::extra_types::builtin_repr(self, o, b))
            }
            Payload::Method(m) => {
                let func_name = match m.func.payload() {
                    Some(Payload::Function(f)) => f.qualname.get().to_string(),
                    _ => "?".into(),
                };
                let self_repr = self.repr(&m.self_.clone())?;
                out.push_str(&format!("<bound method {func_name} of {self_repr}>"));
            }
            Payload::Code(c) => out.push_str(&format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.co.name,
                v.id(),
                c.co.filename,
                c.co.firstlineno
            )),
            Payload::Exception(e) => {
                let args = e.args.get();
                let name = self.type_name(v);
                let inner = match args.payload() {
                    Some(Payload::Tuple(items)) if items.len() == 1 => {
                        let r = self.repr(&items[0])?;
                        if super::flavour::exception_repr_drops_single_comma(self.version) {
                            r
                        } else {
                            format!("{r},")
                        }
                    }
                    Some(Payload::Tuple(items)) => {
                        let items = items.clone();

                        self.repr_items(&items, "", "")?
                    }
                    _ => String::new(),
                };
                out.push_str(&format!("{name}({inner})"));
            }
            Payload::Range(r) => {
                let [a, b, c] = &**r;
                let s = |i: &IntValue| match i {
                    IntValue::Small(i) => i.to_string(),
                    IntValue::Big(b) => b.to_string(),
                };
                if *c == IntValue::Small(1) {
                    out.push_str(&format!("range({}, {})", s(a), s(b)));
                } else {
                    out.push_str(&format!("range({}, {}, {})", s(a), s(b), s(c)));
                }
            }
            Payload::Slice(parts) => {
                let parts = (**parts).clone();
                let r: Vec<String> = parts
                    .iter()
                    .map(|p| self.repr(p))
                    .collect::<PyResult<_>>()?;
                out.push_str(&format!("slice({}, {}, {})", r[0], r[1], r[2]));
            }
            Payload::Module(dict) => {
                let dict = dict.clone();
                out.push_str(&self.module_repr(&dict));
            }
            Payload::Cell(_) => out.push_str(&format!("<cell at {:#x}>", v.id())),
            _ => {
                if Rc::ptr_eq(&class_, &self.types.none_type) {
                    out.push_str("None");
                } else if Rc::ptr_eq(&class_, &self.types.not_implemented_type) {
                    out.push_str("NotImplemented");
                } else if Rc::ptr_eq(&class_, &self.types.ellipsis_type) {
                    out.push_str("Ellipsis");
                } else if let Some(r) = self.builtin_type_repr(&class_, v)? {
                    out.push_str(&r);
                } else if let Payload::Generator(g) = &o.payload {
                    let kind = self.type_data(&class_).name();
                    let qual = g.qualname.get();
                    out.push_str(&format!("<{kind} object {qual} at {:#x}>", v.id()));
                } else {
                    let module = self.type_module(&class_);
                    let qual = self.type_data(&class_).qualname.get();
                    let name = match module.as_deref() {
                        Some("builtins") | None => qual.to_string(),
                        Some(m) => format!("{m}.{qual}"),
                    };
                    out.push_str(&format!("<{name} object at {:#x}>", v.id()));
                }
            }
        }
        Ok(out)
    }

    /// The `__repr__` a builtin type other than `object` defines in Rust (dict views,
    /// mappingproxy, ...), called for a payload this module does not render itself.
    fn builtin_type_repr(&mut self, class_: &ObjRef, v: &Value) -> PyResult<Option<String>> {
        let name = self.names.__repr__.clone();
        let Some(f) = self.lookup_in_mro(class_, &name) else {
            return Ok(None);
        };
        let owned_by_object = matches!(f.payload(), Some(Payload::Builtin(b))
            if b.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, &self.types.object)));
        if owned_by_object || !matches!(f.payload(), Some(Payload::Builtin(_))) {
            return Ok(None);
        }
        let r = self.call(&f, Args::positional(std::slice::from_ref(v)))?;
        Ok(r.as_str().map(|s| s.as_str().to_string()))
    }

    fn repr_items(&mut self, items: &[Value], open: &str, close: &str) -> PyResult<String> {
        let mut out = String::from(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(item)?);
        }
        out.push_str(close);
        Ok(out)
    }

    fn repr_dict(&mut self, d: &ObjRef) -> PyResult<String> {
        let mut out = String::from("{");
        let mut pos = 0;
        let mut first = true;
        let Payload::Dict(cell) = &d.payload else {
            return Ok("{}".into());
        };
        while let Some((k, v, next)) = cell.with(|t| {
            t.next_entry(pos)
                .map(|(i, e)| (e.key.clone(), e.value.clone(), i + 1))
        }) {
            pos = next;
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&self.repr(&k)?);
            out.push_str(": ");
            out.push_str(&self.repr(&v)?);
        }
        out.push('}');
        Ok(out)
    }

    fn repr_set(&mut self, s: &ObjRef, v: &Value) -> PyResult<String> {
        let items: Vec<Value> = match &s.payload {
            Payload::Set(cell) => cell.with(|t| t.iter().map(|e| e.key.clone()).collect()),
            Payload::FrozenSet(t) => t.iter().map(|e| e.key.clone()).collect(),
            _ => Vec::new(),
        };
        let exact_set = Rc::ptr_eq(s.class(), &self.types.set);
        let name = self.type_name(v);
        let py2 = super::flavour::python2_builtins(self.version);
        if items.is_empty() {
            return Ok(format!("{name}()"));
        }
        if py2 {
            return Ok(format!("{name}({})", self.repr_items(&items, "[", "]")?));
        }
        let body = self.repr_items(&items, "{", "}")?;
        Ok(if exact_set {
            body
        } else {
            format!("{name}({body})")
        })
    }

    /// The `__module__` of a type, as a string.
    pub fn type_module(&mut self, t: &ObjRef) -> Option<String> {
        let dict = self.type_data(t).dict.clone();
        let name = self.names.__module__.clone();
        match self.dict_get_name(&dict, &name) {
            Some(v) if v.as_str().is_some() || self.type_data(t).is_heap => {
                v.as_str().map(|s| s.as_str().to_string())
            }
            // A builtin type's own dict may hold a `__module__` descriptor (type's).
            _ => (!self.type_data(t).is_heap).then(|| "builtins".to_string()),
        }
    }

    /// Whether `f` is a method of a builtin (static) type, which the fast paths here
    /// implement themselves; Python functions and the native methods of classes made at
    /// run time (struct sequences, the standard streams) are called.
    fn is_builtin_types_own(&self, f: &Value) -> bool {
        match f.payload() {
            Some(Payload::Builtin(b)) => {
                !b.owner.as_ref().is_some_and(|o| self.type_data(o).is_heap)
            }
            _ => false,
        }
    }

    /// `str(v)` as a Rust string.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str() {
            if !matches!(v, Value::Obj(o) if self.type_data(o.class()).is_heap) {
                return Ok(s.as_str().to_string());
            }
        }
        if let Value::Float(f) = v {
            let mut out = String::new();
            if super::flavour::python2_builtins(self.version) {
                crate::object::float_str_py2(f.get(), &mut out);
            } else {
                text::float_repr(f.get(), self.version.format.major_minor, &mut out);
            }
            return Ok(out);
        }
        if let Value::Obj(o) = v {
            let class_ = o.class().clone();
            let name = self.names.__str__.clone();
            if let Some(f) = self.lookup_in_mro(&class_, &name) {
                if !self.is_builtin_types_own(&f) {
                    let bound = self.descr_get(f, Some(v), &class_)?;
                    let r = self.call(&bound, Args::positional(&[]))?;
                    return match r.as_str() {
                        Some(s) => Ok(s.as_str().to_string()),
                        None => Err(self.type_error(&format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&r)
                        ))),
                    };
                }
            }
            // Subclasses of builtin value types without their own __str__: str keeps its
            // text; int, float and complex had their own __str__ (the plain repr) until 3.8.
            if let Some(text) = crate::builtins::str::builtin_str_of_subclass(self, v)? {
                return Ok(text);
            }
            if let Payload::Exception(e) = &o.payload {
                if let Some(s) = crate::builtins::exception_group::group_str(v) {
                    return Ok(s);
                }
                if let Some(text) = crate::builtins::codecs::unicode_error_str(self, o) {
                    return Ok(text);
                }
                if let Some(text) = crate::builtins::exception_extras::exception_str(self, o)? {
                    return Ok(text);
                }
                let args = e.args.get();
                return match args.payload() {
                    Some(Payload::Tuple(items)) if items.is_empty() => Ok(String::new()),
                    Some(Payload::Tuple(items)) if items.len() == 1 => {
                        let item = items[0].clone();
                        // KeyError shows its key as a repr (so `KeyError: ''` is visible).
                        if self.is_instance_of_class(o, &self.types.exc.key_error.clone()) {
                            return self.repr(&item);
                        }
                        self.str(&item)
                    }
                    _ => self.repr(&args),
                };
            }
            if super::flavour::python2_builtins(self.version) {
                if let Some(text) = crate::builtins::py2::repr::str_builtin(self, o)? {
                    return Ok(text);
                }
            }
        }
        self.repr(v)
    }

    fn repr_enter(&mut self, o: &ObjRef) -> bool {
        self.repr_active.insert(Rc::as_ptr(o) as usize)
    }

    fn repr_leave(&mut self, o: &ObjRef) {
        self.repr_active.remove(&(Rc::as_ptr(o) as usize));
    }
}
