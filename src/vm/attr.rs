//! Attribute access: the type-dict lookup along the MRO, the descriptor protocol, instance
//! dicts, `__getattr__`/`__getattribute__`/`__setattr__`/`__delattr__` hooks, and the
//! attribute semantics of types, modules and `super` objects.

use super::{PyErr, PyResult, Vm};
use crate::object::{Args, BoundMethod, Builtin, BuiltinKind, ObjRef, Object, Payload, Value};
use std::rc::Rc;

/// What a class attribute does when found through an instance.
enum Descr {
    /// A data descriptor (property, or a type defining `__set__`/`__delete__`).
    Data,
    /// Binds or transforms on access (functions, classmethod, `__get__` only).
    NonData,
    /// A plain value.
    Plain,
}

impl Vm {
    /// The type object's data (every class is a type object).
    pub fn type_data<'a>(&self, t: &'a ObjRef) -> &'a crate::object::TypeData {
        match &t.payload {
            Payload::Type(d) => d,
            // Only type objects are ever passed as classes.
            _ => unreachable!("class_of returns type objects"),
        }
    }

    /// Looks `name` up along `class_`'s MRO: the class attribute, unbound.
    pub fn lookup_in_mro(&mut self, class_: &ObjRef, name: &ObjRef) -> Option<Value> {
        let type_addr = Rc::as_ptr(class_) as usize;
        if let Some(found) = self.method_cache.get(type_addr, name) {
            return found;
        }
        let found = self.lookup_in_mro_uncached(class_, name);
        self.method_cache.put(type_addr, name, found.clone());
        found
    }

    fn lookup_in_mro_uncached(&mut self, class_: &ObjRef, name: &ObjRef) -> Option<Value> {
        let mro = self.type_data(class_).mro.get();
        for t in &mro {
            let dict = self.type_data(t).dict.clone();
            if let Some(v) = self.dict_get_name(&dict, name) {
                return Some(v);
            }
        }
        None
    }

    fn descr_kind(&mut self, descr: &Value) -> Descr {
        match descr.payload() {
            Some(Payload::Property(_)) => Descr::Data,
            Some(Payload::Function(_) | Payload::ClassMethod(_) | Payload::StaticMethod(_)) => {
                Descr::NonData
            }
            Some(Payload::Builtin(b)) if b.kind != BuiltinKind::Function => Descr::NonData,
            Some(_) => {
                let dt = self.class_of(descr).clone();
                if !self.type_data(&dt).is_heap {
                    return Descr::Plain;
                }
                let (set, del, get) = (
                    self.names.__set__.clone(),
                    self.names.__delete__.clone(),
                    self.names.__get__.clone(),
                );
                if self.lookup_in_mro(&dt, &set).is_some()
                    || self.lookup_in_mro(&dt, &del).is_some()
                {
                    Descr::Data
                } else if self.lookup_in_mro(&dt, &get).is_some() {
                    Descr::NonData
                } else {
                    Descr::Plain
                }
            }
            None => Descr::Plain,
        }
    }

    /// Applies a descriptor found on a class: `descr.__get__(instance, owner)`.
    pub fn descr_get(
        &mut self,
        descr: Value,
        instance: Option<&Value>,
        owner: &ObjRef,
    ) -> PyResult<Value> {
        match descr.payload() {
            Some(Payload::Function(_)) => Ok(match instance {
                Some(inst) => self.bind(descr.clone(), inst.clone()),
                None if super::flavour::python2_builtins(self.version) => {
                    crate::builtins::py2::methods::unbound(self, descr, owner)
                }
                None => descr,
            }),
            Some(Payload::Builtin(b)) => match (b.kind, instance) {
                (BuiltinKind::Method, Some(inst)) => Ok(self.bind_builtin(b, inst.clone())),
                (BuiltinKind::ClassMethod, _) => {
                    Ok(self.bind_builtin(b, Value::Obj(owner.clone())))
                }
                _ => Ok(descr),
            },
            Some(Payload::ClassMethod(f)) => {
                let f = f.get();
                Ok(self.bind(f, Value::Obj(owner.clone())))
            }
            Some(Payload::StaticMethod(f)) => Ok(f.get()),
            Some(Payload::Property(p)) => match instance {
                None => Ok(descr),
                Some(inst) => {
                    let fget = p[0].get();
                    if fget.is_none() {
                        return Err(crate::builtins::property::no_accessor(
                            self, &descr, p, inst, 0,
                        ));
                    }
                    self.call(&fget, Args::positional(std::slice::from_ref(inst)))
                }
            },
            Some(_) => {
                let dt = self.class_of(&descr).clone();
                if !self.type_data(&dt).is_heap {
                    return Ok(descr);
                }
                let get_name = self.names.__get__.clone();
                match self.lookup_in_mro(&dt, &get_name) {
                    Some(get) => {
                        let inst = instance.cloned().unwrap_or(Value::None);
                        self.call(
                            &get,
                            Args::positional(&[descr, inst, Value::Obj(owner.clone())]),
                        )
                    }
                    None => Ok(descr),
                }
            }
            None => Ok(descr),
        }
    }

    /// A bound method object.
    pub fn bind(&self, func: Value, self_: Value) -> Value {
        Value::Obj(Object::new(
            self.types.method.clone(),
            Payload::Method(Box::new(BoundMethod { func, self_ })),
        ))
    }

    fn bind_builtin(&self, b: &Builtin, self_: Value) -> Value {
        let class = crate::builtins::extra_types::builtin_class(
            self,
            b.name,
            b.kind,
            b.owner.as_ref(),
            true,
        );
        Value::Obj(Object::new(
            class,
            Payload::Builtin(Box::new(Builtin {
                name: b.name,
                func: b.func,
                kind: BuiltinKind::Function,
                owner: b.owner.clone(),
                bound: self_,
                doc: b.doc,
            })),
        ))
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &ObjRef) -> PyResult<Value> {
        match self.get_attr_raw(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// `getattr(obj, name, None)`-like (CPython's `_PyObject_LookupAttr`): `None` when the
    /// attribute does not exist or getting it raises AttributeError.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        match self.get_attr_raw(obj, name) {
            Ok(v) => Ok(v),
            Err(e) if self.is_instance_of_class(&e.0, &self.types.exc.attribute_error.clone()) => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Attribute lookup as `slot_tp_getattr_hook` does it: `__getattribute__` (or the
    /// generic lookup), then `__getattr__` when that raised AttributeError or found
    /// nothing. `Ok(None)`: not found, nothing raised. A hook's AttributeError (with its
    /// own message) is returned as is.
    fn get_attr_raw(&mut self, obj: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        let class_ = self.class_of(obj).clone();
        let is_attr_err =
            |vm: &Vm, e: &PyErr| vm.is_instance_of_class(&e.0, &vm.types.exc.attribute_error);
        let first: PyResult<Option<Value>> = 'first: {
            if self.type_data(&class_).is_heap {
                let ga = self.names.__getattribute__.clone();
                if let Some(hook) = self.lookup_in_mro(&class_, &ga) {
                    if !self.is_builtin_type_slot(&hook) {
                        break 'first self
                            .call(
                                &hook,
                                Args::positional(&[obj.clone(), Value::Obj(name.clone())]),
                            )
                            .map(Some);
                    }
                }
            }
            if let Some(Payload::Super(_)) = obj.payload() {
                break 'first self.super_getattr(obj, name).map(Some);
            }
            if let Some(Payload::Type(_)) = obj.payload() {
                self.type_getattr(obj.as_obj().unwrap_or(&class_).clone(), name)
            } else {
                self.generic_getattr(obj, &class_, name)
            }
        };
        let failed = match first {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) => None,
            Err(e) if is_attr_err(self, &e) => Some(e),
            Err(e) => return Err(e),
        };
        {
            // Builtin types may define `__getattr__` too (types.GenericAlias).
            let gattr = self.names.__getattr__.clone();
            if let Some(hook) = self.lookup_in_mro(&class_, &gattr) {
                let bound = self.descr_get(hook, Some(obj), &class_)?;
                return self
                    .call(&bound, Args::positional(&[Value::Obj(name.clone())]))
                    .map(Some);
            }
        }
        // PEP 562: a module's own `__getattr__`.
        if let Some(Payload::Module(d)) = obj.payload() {
            if super::flavour::module_getattr_hook(self.version) {
                let d = d.clone();
                let gattr = self.names.__getattr__.clone();
                if let Some(hook) = self.dict_get_name(&d, &gattr) {
                    return self
                        .call(&hook, Args::positional(&[Value::Obj(name.clone())]))
                        .map(Some);
                }
            }
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// object.__getattribute__: data descriptors, then the instance dict, then other
    /// class attributes.
    pub fn generic_getattr(
        &mut self,
        obj: &Value,
        class_: &ObjRef,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        let descr = self.lookup_in_mro(class_, name);
        if let Some(d) = &descr {
            if let Descr::Data = self.descr_kind(d) {
                return self.descr_get(d.clone(), Some(obj), class_).map(Some);
            }
        }
        if let Some(o) = obj.as_obj() {
            if let Some(dict) = instance_dict(o) {
                if let Some(v) = self.namespace_get(&dict, name)? {
                    return Ok(Some(v));
                }
            } else if let Payload::Module(dict) = &o.payload {
                if let Some(v) = self.namespace_get(dict, name)? {
                    return Ok(Some(v));
                }
            }
        }
        match descr {
            Some(d) => self.descr_get(d, Some(obj), class_).map(Some),
            None if Rc::ptr_eq(name, &self.names.__dict__) => Ok(
                crate::builtins::py2::classic::instance_dict_attr(self, obj, class_),
            ),
            None => Ok(None),
        }
    }

    /// The value of `name` in an instance or module dict: one native probe, else, when
    /// a key of the same hash needs Python to compare (a str subclass key), the full
    /// lookup, which may run that key's `__eq__`.
    fn namespace_get(&mut self, dict: &ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
        if let Some(v) = self.dict_get_name(dict, name) {
            return Ok(Some(v));
        }
        let (Payload::Dict(cell), Payload::Str(s)) = (&dict.payload, &name.payload) else {
            return Ok(None);
        };
        let hash = s.hash(self.str_hash);
        // The key filter proves most names absent without a second probe.
        if !cell.with(|d| d.may_hold_hash(hash)) {
            return Ok(None);
        }
        self.dict_get_hashed(dict, &Value::Obj(name.clone()), hash)
    }

    /// type.__getattribute__: the metatype's data descriptors, then the type's own MRO
    /// (descriptors called with no instance), then the metatype's other attributes.
    pub fn type_getattr(&mut self, t: ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
        let meta = t.class().clone();
        let meta_attr = self.lookup_in_mro(&meta, name);
        if let Some(d) = &meta_attr {
            if let Descr::Data = self.descr_kind(d) {
                return self
                    .descr_get(d.clone(), Some(&Value::Obj(t.clone())), &meta)
                    .map(Some);
            }
        }
        if let Some(v) = self.lookup_in_mro(&t, name) {
            return self.descr_get(v, None, &t).map(Some);
        }
        match meta_attr {
            Some(d) => self
                .descr_get(d, Some(&Value::Obj(t.clone())), &meta)
                .map(Some),
            None => Ok(None),
        }
    }

    /// The AttributeError for a missing attribute, worded as the running version does.
    pub fn attribute_error(&self, obj: &Value, name: &ObjRef) -> PyErr {
        let attr = name.payload_str();
        let classic = |cls: &ObjRef| crate::builtins::py2::classic::is_classic(self, cls);
        let msg = match obj.payload() {
            // 2.x classic classes and their instances word it their own way.
            Some(Payload::Type(t)) if obj.as_obj().is_some_and(classic) => {
                format!("class {} has no attribute '{attr}'", t.name())
            }
            Some(Payload::Type(t)) => {
                format!("type object '{}' has no attribute '{attr}'", t.name())
            }
            _ if classic(self.class_of(obj)) => {
                let class_name = self.type_data(self.class_of(obj)).name();
                format!("{class_name} instance has no attribute '{attr}'")
            }
            Some(Payload::Module(dict)) => {
                let modname = match &dict.payload {
                    Payload::Dict(_) => self.module_name(dict),
                    _ => None,
                };
                let partially = obj.as_obj().is_some_and(|m| self.module_initializing(m));
                match modname {
                    Some(m) => super::messages::module_no_attribute(
                        self.version.format.major_minor,
                        &m,
                        attr,
                        partially,
                    ),
                    None => format!("module has no attribute '{attr}'"),
                }
            }
            _ => format!("'{}' object has no attribute '{attr}'", self.type_name(obj)),
        };
        self.new_exception(&self.types.exc.attribute_error, &msg)
    }

    fn module_name(&self, dict: &ObjRef) -> Option<String> {
        let Payload::Dict(cell) = &dict.payload else {
            return None;
        };
        cell.with(|d| {
            d.iter()
                .find_map(|e| match (&e.key.as_str(), &e.value.as_str()) {
                    (Some(k), Some(v)) if k.as_str() == "__name__" => Some(v.as_str().to_string()),
                    _ => None,
                })
        })
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &ObjRef, value: Value) -> PyResult<()> {
        let class_ = self.class_of(obj).clone();
        if self.type_data(&class_).is_heap {
            let sa = self.names.__setattr__.clone();
            if let Some(hook) = self.lookup_in_mro(&class_, &sa) {
                if !self.is_builtin_type_slot(&hook) {
                    self.call(
                        &hook,
                        Args::positional(&[obj.clone(), Value::Obj(name.clone()), value]),
                    )?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, &class_, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &ObjRef) -> PyResult<()> {
        let class_ = self.class_of(obj).clone();
        if self.type_data(&class_).is_heap {
            let da = self.names.__delattr__.clone();
            if let Some(hook) = self.lookup_in_mro(&class_, &da) {
                if !self.is_builtin_type_slot(&hook) {
                    self.call(
                        &hook,
                        Args::positional(&[obj.clone(), Value::Obj(name.clone())]),
                    )?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, &class_, name, None)
    }

    /// object.__setattr__ / __delattr__ (`value` None deletes).
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        class_: &ObjRef,
        name: &ObjRef,
        value: Option<Value>,
    ) -> PyResult<()> {
        let target_is_type = matches!(obj.payload(), Some(Payload::Type(_)));
        let descr_owner = class_.clone();
        if let Some(d) = self.lookup_in_mro(&descr_owner, name) {
            if let Descr::Data = self.descr_kind(&d) {
                return self.descr_set(d, obj, value);
            }
        }
        let Some(o) = obj.as_obj() else {
            return Err(self.attribute_error_readonly(obj, name));
        };
        if Rc::ptr_eq(name, &self.names.__dict__) || name.payload_str() == "__dict__" {
            let classic = crate::builtins::py2::classic::set_instance_dict_attr(
                self,
                o,
                class_,
                value.as_ref(),
            );
            if let Some(r) = classic {
                return r;
            }
        }
        let dict = if target_is_type {
            let t = self.type_data(o);
            if !t.is_heap {
                let tn = t.name();
                return Err(self.type_error(&format!(
                    "cannot set '{}' attribute of immutable type '{tn}'",
                    name.payload_str()
                )));
            }
            t.version.set(t.version.get() + 1);
            if value.is_some() && name.payload_str() == "__del__" {
                self.mark_finalizer(o);
            }
            Some(t.dict.clone())
        } else if let Payload::Module(d) = &o.payload {
            Some(d.clone())
        } else if !self.type_data(o.class()).instance_dict && self.container_with_slots(o.class()) {
            // Its dict storage holds only slot values (see `container_with_slots`).
            None
        } else {
            self.ensure_instance_dict(o)
        };
        let Some(dict) = dict else {
            return Err(self.attribute_error_readonly(obj, name));
        };
        match value {
            Some(v) => self.dict_set(&dict, Value::Obj(name.clone()), v),
            None => match self.dict_remove(&dict, &Value::Obj(name.clone()))? {
                Some(_) => Ok(()),
                // Up to 3.10 the error of deleting a missing attribute is just its name.
                None if !super::flavour::delete_missing_attribute_names_object(self.version) => {
                    Err(self.new_exception(&self.types.exc.attribute_error, name.payload_str()))
                }
                None => Err(self.attribute_error(obj, name)),
            },
        }
    }

    fn descr_set(&mut self, descr: Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
        if let Some(Payload::Property(p)) = descr.payload() {
            let (f, which) = match &value {
                Some(_) => (p[1].get(), 1),
                None => (p[2].get(), 2),
            };
            if f.is_none() {
                return Err(crate::builtins::property::no_accessor(
                    self, &descr, p, obj, which,
                ));
            }
            let mut args = vec![obj.clone()];
            args.extend(value);
            self.call(&f, Args::positional(&args))?;
            return Ok(());
        }
        let dt = self.class_of(&descr).clone();
        let hook_name = if value.is_some() {
            self.names.__set__.clone()
        } else {
            self.names.__delete__.clone()
        };
        match self.lookup_in_mro(&dt, &hook_name) {
            Some(hook) => {
                let mut args = vec![descr, obj.clone()];
                args.extend(value);
                self.call(&hook, Args::positional(&args))?;
                Ok(())
            }
            None => Err(self.new_exception(&self.types.exc.attribute_error.clone(), "__delete__")),
        }
    }

    fn attribute_error_readonly(&self, obj: &Value, name: &ObjRef) -> PyErr {
        let extra = super::messages::no_dict_for_new_attributes(self.version.format.major_minor);
        let msg = format!(
            "'{}' object has no attribute '{}'{extra}",
            self.type_name(obj),
            name.payload_str()
        );
        self.new_exception(&self.types.exc.attribute_error, &msg)
    }

    /// The instance dict of `o`, created on first use; `None` if instances of its class
    /// have no dict.
    pub fn ensure_instance_dict(&self, o: &ObjRef) -> Option<ObjRef> {
        if !o.has_dict() {
            return None;
        }
        if let Some(d) = o.dict() {
            return Some(d);
        }
        let d = self.new_instance_dict(o.class());
        o.header.replace_dict(Some(d.clone()));
        Some(d)
    }

    /// A new, empty instance dict for an instance of `class_`, with room for as many
    /// entries as its instances' dicts have reached (`TypeData::instance_dict_size`).
    pub fn new_instance_dict(&self, class_: &ObjRef) -> ObjRef {
        let size = match &class_.payload {
            Payload::Type(t) => t.instance_dict_size.get() as usize,
            _ => 0,
        };
        Object::new(
            self.types.dict.clone(),
            Payload::new_dict(crate::object::DictData::for_instance(size)),
        )
    }

    /// isinstance by class identity along the MRO (no `__instancecheck__`).
    pub fn is_instance_of_class(&self, o: &ObjRef, class_: &ObjRef) -> bool {
        self.is_subclass_of(o.class(), class_)
    }

    /// issubclass by MRO (no `__subclasscheck__`).
    pub fn is_subclass_of(&self, sub: &ObjRef, class_: &ObjRef) -> bool {
        if Rc::ptr_eq(sub, class_) {
            return true;
        }
        match &sub.payload {
            Payload::Type(t) => t.mro.with(|m| m.iter().any(|c| Rc::ptr_eq(c, class_))),
            _ => false,
        }
    }
}

impl Vm {
    /// Whether a Python class overrides `__getattribute__`.
    pub fn has_custom_getattribute(&mut self, class_: &ObjRef) -> bool {
        if !self.type_data(class_).is_heap {
            return false;
        }
        let ga = self.names.__getattribute__.clone();
        matches!(self.lookup_in_mro(class_, &ga), Some(v) if !self.is_builtin_type_slot(&v))
    }

    /// Whether a Python class overrides `__setattr__`.
    pub fn has_custom_setattr(&mut self, class_: &ObjRef) -> bool {
        if !self.type_data(class_).is_heap {
            return false;
        }
        let sa = self.names.__setattr__.clone();
        matches!(self.lookup_in_mro(class_, &sa), Some(v) if !self.is_builtin_type_slot(&v))
    }

    /// Whether a class attribute is a data descriptor (it takes precedence over the
    /// instance dict).
    pub fn is_data_descriptor(&mut self, descr: &Value) -> bool {
        matches!(self.descr_kind(descr), Descr::Data)
    }

    /// Whether an attribute hook is the generic one of a builtin type (`object.__setattr__`
    /// ...), which the generic lookup implements; a builtin method of a native module's
    /// class (e.g. the weak proxy's `__getattribute__`) is a real hook.
    fn is_builtin_type_slot(&self, hook: &Value) -> bool {
        match hook.payload() {
            Some(Payload::Builtin(b)) => {
                b.owner.as_ref().is_none_or(|o| !self.type_data(o).is_heap)
            }
            _ => false,
        }
    }

    /// Whether `obj`'s instance dict holds `name`.
    pub fn instance_dict_has(&mut self, obj: &Value, name: &ObjRef) -> bool {
        match obj.as_obj().and_then(instance_dict) {
            Some(d) => self.dict_get_name(&d, name).is_some(),
            None => false,
        }
    }
}

/// The instance dict of `o`, if it has one already.
pub fn instance_dict(o: &ObjRef) -> Option<ObjRef> {
    o.dict()
}

/// The text of a str object (names are str objects).
pub trait PayloadStr {
    fn payload_str(&self) -> &str;
}

impl PayloadStr for ObjRef {
    fn payload_str(&self) -> &str {
        match &self.payload {
            Payload::Str(s) => s.as_str(),
            _ => "?",
        }
    }
}
