//! Class creation: `__build_class__` (metaclass selection, `__prepare__`, running the
//! class body) and `type(name, bases, namespace)` (layout, MRO, `__slots__`,
//! `__set_name__`, `__init_subclass__`, `__classcell__`).

use super::frame::Frame;
use super::{PyResult, Vm};
use crate::object::typeobj::{c3_mro, Layout};
use crate::object::{Args, ObjRef, Object, Payload, PyCell, TypeData, Value};
use std::cell::Cell;
use std::rc::Rc;

impl Vm {
    /// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
    pub fn build_class(&mut self, args: Args<'_>) -> PyResult<Value> {
        let pos = args.pos();
        if pos.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = pos[0].clone();
        let name = pos[1].clone();
        if !matches!(func.payload(), Some(Payload::Function(_))) {
            return Err(self.type_error("__build_class__: func must be a function"));
        }
        if name.as_str().is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let orig_bases: Vec<Value> = pos[2..].to_vec();
        let mut metaclass: Option<Value> = None;
        let mut kwnames = Vec::new();
        let mut kwvalues = Vec::new();
        for (k, v) in args.kw() {
            if k.as_str().map(|s| s.as_str()) == Some("metaclass") {
                metaclass = Some(v.clone());
            } else {
                kwnames.push(k.clone());
                kwvalues.push(v.clone());
            }
        }
        // __mro_entries__ (PEP 560).
        let mut bases = Vec::with_capacity(orig_bases.len());
        let mut changed = false;
        for b in &orig_bases {
            if !matches!(b.payload(), Some(Payload::Type(_))) {
                let me = self.names.__mro_entries__.clone();
                if let Some(r) = self.get_attr_opt(b, &me)? {
                    let t = self.new_tuple(orig_bases.clone());
                    let entries = self.call(&r, Args::positional(&[t]))?;
                    bases.extend(self.collect(&entries)?);
                    changed = true;
                    continue;
                }
            }
            bases.push(b.clone());
        }
        let meta = match metaclass {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => Value::Obj(self.class_of(b).clone()),
                None => Value::Obj(self.types.type_.clone()),
            },
        };
        let meta = if let Some(Payload::Type(_)) = meta.payload() {
            Value::Obj(
                self.most_derived_metaclass(
                    meta.as_obj()
                        .cloned()
                        .unwrap_or_else(|| self.types.type_.clone()),
                    &bases,
                )?,
            )
        } else {
            meta
        };
        let bases_tuple = self.new_tuple(bases.clone());
        let prepare = self.names.__prepare__.clone();
        let ns = match self.get_attr_opt(&meta, &prepare)? {
            Some(p) => {
                let mut v = vec![name.clone(), bases_tuple.clone()];
                v.extend(kwvalues.iter().cloned());
                self.call(
                    &p,
                    Args {
                        values: &v,
                        kwnames: &kwnames,
                    },
                )?
            }
            None => Value::Obj(self.new_dict()),
        };
        // Run the class body with the namespace as its locals.
        let Some(Payload::Function(f)) = func.payload() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let func_obj = func
            .as_obj()
            .cloned()
            .unwrap_or_else(|| self.types.function.clone());
        let body_args = if super::flavour::class_body_takes_namespace(self.version) {
            vec![ns.clone()]
        } else {
            Vec::new()
        };
        let mut frame = self.make_frame(&func_obj, Args::positional(&body_args))?;
        frame.locals = ns.clone();
        let _ = f;
        let cell = self.run_body(frame)?;
        if changed {
            let key = self.names.__orig_bases__.clone();
            let t = self.new_tuple(orig_bases);
            self.setitem(&ns, Value::Obj(key), t)?;
        }
        let mut v = vec![name, bases_tuple, ns];
        v.extend(kwvalues);
        let cls = self.call(
            &meta,
            Args {
                values: &v,
                kwnames: &kwnames,
            },
        )?;
        if let Some(Payload::Cell(c)) = cell.payload() {
            if let Value::Obj(_) = &cls {
                let _ = c.replace(cls.clone());
            }
        }
        Ok(cls)
    }

    /// Runs a class body frame; returns what it returned (the `__class__` cell or None).
    fn run_body(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        let (done, r) = self.run_frame(frame);
        self.recycle_frame(done);
        match r? {
            super::eval::FrameExit::Return(v) => Ok(v),
            super::eval::FrameExit::Yield(_) => Err(self.system_error("class body yielded")),
        }
    }

    fn most_derived_metaclass(&mut self, meta: ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
        let mut winner = meta;
        for b in bases {
            let bt = self.class_of(b).clone();
            if self.is_subclass_of(&winner, &bt) {
                continue;
            }
            if self.is_subclass_of(&bt, &winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// `type.__new__(meta, name, bases, namespace, **kwargs)` (the keyword arguments go to
    /// `__init_subclass__`).
    pub fn new_class(
        &mut self,
        meta: &ObjRef,
        name: &str,
        bases: Vec<ObjRef>,
        ns: &ObjRef,
        kwargs: Args<'_>,
    ) -> PyResult<ObjRef> {
        let bases = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases
        };
        for b in &bases {
            let bt = self.type_data(b);
            if !bt.subclassable {
                let n = bt.name();
                return Err(self.type_error(&format!("type '{n}' is not an acceptable base type")));
            }
        }
        // The solid base decides the instances' layout.
        let mut layout = Layout::Plain;
        for b in &bases {
            let l = self.type_data(b).layout;
            if l != Layout::Plain {
                if layout != Layout::Plain && layout != l {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                layout = l;
            }
        }
        let dict = self.new_dict();
        let items = self.dict_items(ns);
        // A copy of the namespace (2.x's order depends on how it is sized).
        if let Payload::Dict(d) = &dict.payload {
            d.with_mut(|d| d.reserve_for_merge(items.len()));
        }
        for e in items {
            self.dict_set(&dict, e.key, e.value)?;
        }
        // __slots__, __dict__ and __weakref__ (member and getset descriptors).
        let plan = crate::builtins::descriptors::plan_slots(self, name, &bases, &dict)?;
        let instance_dict = plan.instance_dict;
        let qualname_key = self.names.__qualname__.clone();
        let qualname: Rc<str> = match self.dict_get_name(&dict, &qualname_key) {
            Some(q) => {
                self.dict_remove(&dict, &Value::Obj(qualname_key))?;
                Rc::from(q.as_str().map(|s| s.as_str()).unwrap_or(name))
            }
            None => Rc::from(name),
        };
        crate::object::method_cache::watch(&dict);
        let data = TypeData {
            name: PyCell::new(Rc::from(name)),
            qualname: PyCell::new(qualname),
            bases: PyCell::new(bases.clone()),
            mro: PyCell::new(Vec::new()),
            dict: dict.clone(),
            layout,
            is_heap: true,
            subclassable: true,
            instance_dict,
            slots: plan.all.clone(),
            version: Cell::new(0),
            subclasses: PyCell::new(Vec::new()),
            has_finalizer: Cell::new(false),
            instance_dict_size: Cell::new(0),
        };
        let cls = Object::with_dict(meta.clone(), Payload::Type(Box::new(data)));
        for b in &bases {
            self.type_data(b)
                .subclasses
                .with_mut(|s| s.push(Rc::downgrade(&cls)));
        }
        let mro_of = |b: &ObjRef| -> Vec<ObjRef> {
            match &b.payload {
                Payload::Type(t) => t.mro.get(),
                _ => vec![b.clone()],
            }
        };
        let mro = match c3_mro(&cls, &bases, &mro_of) {
            Ok(m) => m,
            Err(conflict) => {
                let names: Vec<String> = conflict
                    .remaining_heads
                    .iter()
                    .map(|h| self.type_data(h).name().to_string())
                    .collect();
                // 3.13 puts the message on one line.
                let sep = super::messages::mro_conflict_separator(self.version.format.major_minor);
                return Err(self.type_error(&format!(
                    "Cannot create a consistent method resolution{sep}order (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let del_name = self.intern("__del__");
        let has_del = mro.iter().any(|c| {
            self.dict_get_name(&self.type_data(c).dict, &del_name)
                .is_some()
        });
        self.type_data(&cls).has_finalizer.set(has_del);
        self.type_data(&cls).set_mro(mro);
        crate::builtins::descriptors::install(self, &cls, &dict, &plan)?;
        // Slots become descriptors; functions stay functions; __init_subclass__ and
        // __class_getitem__ are implicitly class methods.
        for implicit in [
            self.names.__init_subclass__.clone(),
            self.names.__class_getitem__.clone(),
        ] {
            if let Some(f) = self.dict_get_name(&dict, &implicit) {
                if matches!(f.payload(), Some(Payload::Function(_))) {
                    let cm = Object::new(
                        self.types.classmethod.clone(),
                        Payload::ClassMethod(PyCell::new(f)),
                    );
                    self.dict_set(&dict, Value::Obj(implicit), Value::Obj(cm))?;
                }
            }
        }
        let new_name = self.names.__new__.clone();
        if let Some(f) = self.dict_get_name(&dict, &new_name) {
            if matches!(f.payload(), Some(Payload::Function(_))) {
                let sm = Object::new(
                    self.types.staticmethod.clone(),
                    Payload::StaticMethod(PyCell::new(f)),
                );
                self.dict_set(&dict, Value::Obj(new_name), Value::Obj(sm))?;
            }
        }
        let module_key = self.names.__module__.clone();
        if self.dict_get_name(&dict, &module_key).is_none() {
            let globals = self
                .caller_frame()
                .map(|f| f.globals.clone())
                .or_else(|| self.frames.last().map(|f| f.globals.clone()));
            if let Some(frame_globals) = globals {
                if let Some(m) = self.dict_get_name(&frame_globals, &self.names.__name__.clone()) {
                    self.dict_set(&dict, Value::Obj(module_key), m)?;
                }
            }
        }
        // As type_new: `__doc__` defaults to None, and a class that defines `__eq__`
        // without `__hash__` is unhashable.
        let doc_key = self.names.__doc__.clone();
        if self.dict_get_name(&dict, &doc_key).is_none() {
            self.dict_set(&dict, Value::Obj(doc_key), Value::None)?;
        }
        let (eq_key, hash_key) = (self.names.__eq__.clone(), self.names.__hash__.clone());
        if self.dict_get_name(&dict, &eq_key).is_some()
            && self.dict_get_name(&dict, &hash_key).is_none()
        {
            self.dict_set(&dict, Value::Obj(hash_key), Value::None)?;
        }
        let classcell = self.names.__classcell__.clone();
        if let Some(cell) = self.dict_get_name(&dict, &classcell) {
            if let Some(Payload::Cell(c)) = cell.payload() {
                let _ = c.replace(Value::Obj(cls.clone()));
            }
            self.dict_remove(&dict, &Value::Obj(classcell))?;
        }
        // __set_name__ on every attribute that defines it.
        let set_name = self.names.__set_name__.clone();
        for e in self.dict_items(&dict) {
            let at = self.class_of(&e.value).clone();
            if let Some(f) = self.lookup_in_mro(&at, &set_name) {
                let bound = self.descr_get(f, Some(&e.value), &at)?;
                self.call(
                    &bound,
                    Args::positional(&[Value::Obj(cls.clone()), e.key.clone()]),
                )?;
            }
        }
        // __init_subclass__ of the nearest base.
        let init_sub = self.names.__init_subclass__.clone();
        let parent_mro: Vec<ObjRef> = self.type_data(&cls).mro.get().into_iter().skip(1).collect();
        for t in parent_mro {
            let td = self.type_data(&t).dict.clone();
            if let Some(f) = self.dict_get_name(&td, &init_sub) {
                let bound = self.descr_get(f, None, &cls)?;
                let bound = match bound.payload() {
                    Some(Payload::Function(_)) => self.bind(bound, Value::Obj(cls.clone())),
                    _ => bound,
                };
                self.call(&bound, kwargs)?;
                break;
            }
        }
        Ok(cls)
    }

    /// `cls.__bases__ = bases`: the new bases and the MROs of `cls` and its subclasses
    /// recomputed (a conflict leaves everything as it was). Unlike CPython, instance
    /// layouts are not compared.
    pub fn set_bases(&mut self, cls: &ObjRef, bases: Vec<ObjRef>) -> PyResult<()> {
        let t = self.type_data(cls);
        if !t.is_heap {
            let v = self.version.format.major_minor;
            let msg = super::messages::immutable_type_set(v, "__bases__", &t.name());
            return Err(self.type_error(&msg));
        }
        for b in &bases {
            if Rc::ptr_eq(b, cls) || self.is_subclass_of(b, cls) {
                return Err(self.type_error("a __bases__ item causes an inheritance cycle"));
            }
        }
        let old = t.bases.replace(bases.clone());
        if let Err(e) = self.recompute_mro(cls) {
            drop(self.type_data(cls).bases.replace(old));
            return Err(e);
        }
        for b in &old {
            self.type_data(b)
                .subclasses
                .with_mut(|s| s.retain(|w| w.upgrade().is_some_and(|c| !Rc::ptr_eq(&c, cls))));
        }
        for b in &bases {
            self.type_data(b)
                .subclasses
                .with_mut(|s| s.push(Rc::downgrade(cls)));
        }
        Ok(())
    }

    /// Recomputes the MRO of `cls` from its bases, then those of its subclasses.
    fn recompute_mro(&mut self, cls: &ObjRef) -> PyResult<()> {
        let mro_of = |b: &ObjRef| -> Vec<ObjRef> {
            match &b.payload {
                Payload::Type(t) => t.mro.get(),
                _ => vec![b.clone()],
            }
        };
        let t = self.type_data(cls);
        let bases = t.bases.get();
        let mro = c3_mro(cls, &bases, &mro_of).map_err(|conflict| {
            let names: Vec<String> = conflict
                .remaining_heads
                .iter()
                .map(|h| self.type_data(h).name().to_string())
                .collect();
            self.type_error(&format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ))
        })?;
        t.version.set(t.version.get() + 1);
        drop(t.mro.replace(mro));
        let subclasses: Vec<ObjRef> = t
            .subclasses
            .with(|s| s.iter().filter_map(|w| w.upgrade()).collect());
        for sub in subclasses {
            self.recompute_mro(&sub)?;
        }
        Ok(())
    }
}
