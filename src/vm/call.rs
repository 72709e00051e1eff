//! Calling: dispatch on the kind of callable, building instances (`type.__call__`), and
//! binding arguments to a Python function's parameters with CPython's error messages.

use super::{PyResult, Vm};
use crate::object::{Args, ObjRef, Object, Payload, PyCell, Value};
use std::rc::Rc;

/// The code-object flags that matter to argument binding.
pub const CO_VARARGS: u32 = 0x4;
pub const CO_VARKEYWORDS: u32 = 0x8;

impl Vm {
    /// `callable(*args, **kwargs)` in the vectorcall layout.
    pub fn call(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        let Some(o) = callable.as_obj() else {
            return Err(self.not_callable(callable));
        };
        match &o.payload {
            Payload::Function(_) => self.call_python(o, args),
            Payload::Builtin(b) => {
                if b.bound.is_null() {
                    // A method of a builtin type called through the type needs its self
                    // as the first positional argument, which the native code takes
                    // for granted.
                    if b.kind == crate::object::BuiltinKind::Method && args.pos().is_empty() {
                        if let Some(owner) = &b.owner {
                            let type_name = self.type_data(owner).name();
                            let message = super::messages::descriptor_needs_argument(
                                self.version.format.major_minor,
                                &type_name,
                                b.name,
                            );
                            return Err(self.type_error(&message));
                        }
                    }
                    (b.func)(self, args)
                } else {
                    let mut v = Prepended::new(b.bound.clone(), args.values);
                    (b.func)(
                        self,
                        Args {
                            values: v.as_mut_slice(),
                            kwnames: args.kwnames,
                        },
                    )
                }
            }
            Payload::Method(m) => {
                let mut v = Prepended::new(m.self_.clone(), args.values);
                let func = m.func.clone();
                self.call(
                    &func,
                    Args {
                        values: v.as_mut_slice(),
                        kwnames: args.kwnames,
                    },
                )
            }
            Payload::Type(_) => {
                // A metaclass's own `__call__` replaces type.__call__.
                let meta = o.class().clone();
                if self.type_data(&meta).is_heap {
                    let name = self.names.__call__.clone();
                    if let Some(f) = self.lookup_in_mro(&meta, &name) {
                        if !matches!(f.payload(), Some(Payload::Builtin(_))) {
                            let bound = self.descr_get(f, Some(callable), &meta)?;
                            return self.call(&bound, args);
                        }
                    }
                }
                self.type_call(o, args)
            }
            _ => {
                let class_ = o.class().clone();
                let name = self.names.__call__.clone();
                match self.lookup_in_mro(&class_, &name) {
                    Some(f) => {
                        let bound = self.descr_get(f, Some(callable), &class_)?;
                        self.call(&bound, args)
                    }
                    None => Err(self.not_callable(callable)),
                }
            }
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &ObjRef, args: &[Value]) -> PyResult<Value> {
        let f = self.get_attr(obj, name)?;
        self.call(&f, Args::positional(args))
    }

    /// Calls a special method looked up on the type (not the instance), as CPython does
    /// for operators: `type(obj).name(obj, *args)`. `None` if the type lacks it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &ObjRef,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let class_ = self.class_of(obj).clone();
        let Some(f) = self.lookup_in_mro(&class_, name) else {
            return Ok(None);
        };
        let bound = self.descr_get(f, Some(obj), &class_)?;
        self.call(&bound, Args::positional(args)).map(Some)
    }

    fn not_callable(&self, v: &Value) -> super::PyErr {
        self.type_error(&format!("'{}' object is not callable", self.type_name(v)))
    }

    /// `type.__call__`: `type(x)`, or `__new__` then `__init__`.
    pub fn type_call(&mut self, t: &ObjRef, args: Args<'_>) -> PyResult<Value> {
        if Rc::ptr_eq(t, &self.types.type_) && args.values.len() == 1 && args.kwnames.is_empty() {
            let class_ = self.class_of(&args.values[0]);
            if super::flavour::python2_builtins(self.version) {
                return Ok(Value::Obj(crate::builtins::py2::classic::visible_type(
                    self, class_,
                )));
            }
            return Ok(Value::Obj(class_.clone()));
        }
        if Rc::ptr_eq(t, &self.types.tuple) && args.values.len() == 1 && args.kwnames.is_empty() {
            return crate::builtins::tuple::tuple_of(self, &args.values[0]);
        }
        let new_name = self.names.__new__.clone();
        let new = self.lookup_in_mro(t, &new_name);
        let own_new = new.as_ref().is_none_or(|f| self.is_objects_method(f));
        let mut with_cls = Prepended::new(Value::Obj(t.clone()), args.values);
        let with_cls = with_cls.as_mut_slice();
        let obj = match new {
            Some(new) => {
                let new = match new.payload() {
                    Some(Payload::StaticMethod(f)) => f.get(),
                    _ => new,
                };
                self.call(
                    &new,
                    Args {
                        values: with_cls,
                        kwnames: args.kwnames,
                    },
                )?
            }
            None => Value::Obj(self.new_instance(t)),
        };
        if !self.is_instance_of_class(self.class_of(&obj), t) && !Rc::ptr_eq(self.class_of(&obj), t)
        {
            return Ok(obj);
        }
        let init_name = self.names.__init__.clone();
        if let Some(init) = self.lookup_in_mro(t, &init_name) {
            // `object.__init__` does nothing (and raises nothing) without arguments, or
            // when the class has its own `__new__` (`range(n)`, `int(s)`): not called.
            if self.is_objects_method(&init)
                && ((args.values.is_empty() && args.kwnames.is_empty())
                    || (!own_new && Rc::ptr_eq(self.class_of(&obj), t)))
            {
                return Ok(obj);
            }
            let r = if let Some(Payload::Function(_)) = init.payload() {
                // A Python `__init__` is called with the instance first, with no bound
                // method made for it.
                with_cls[0] = obj.clone();
                let args = Args {
                    values: with_cls,
                    kwnames: args.kwnames,
                };
                self.call(&init, args)?
            } else if let Some(func) = unbound_builtin_method(&init) {
                // A builtin method (`object.__init__` of most builtin types) likewise:
                // what binding it would make and call.
                with_cls[0] = obj.clone();
                let args = Args {
                    values: with_cls,
                    kwnames: args.kwnames,
                };
                func(self, args)?
            } else {
                let bound = self.descr_get(init, Some(&obj), t)?;
                self.call(&bound, args)?
            };
            if !r.is_none() {
                return Err(self.init_returned_non_none(&r));
            }
        }
        Ok(obj)
    }

    /// Whether `f` is one of `object`'s own native methods (`object.__init__`...).
    fn is_objects_method(&self, f: &Value) -> bool {
        matches!(f.payload(), Some(Payload::Builtin(b))
            if b.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, &self.types.object)))
    }

    /// The `__init__` frame of `cls(*args)` for the commonest class, so the loop runs it
    /// like any call (no nested run of the loop): metaclass `type`, `object.__new__`,
    /// a plain layout, not abstract, and a Python `__init__` (not a generator) whose code
    /// binds exactly the instance and the positional arguments from `args_start` to the
    /// top of `stack`. The instance is made here (as `object.__new__` would, which
    /// accepts the arguments since `__init__` is overridden) and goes in as `self`; the
    /// frame hands it to the caller when it returns (`Frame::init_of`). The arguments
    /// move out of `stack`, which is cut back to `drop_from`. `None` (nothing changed)
    /// for any other call.
    pub fn init_call_frame(
        &mut self,
        cls: &ObjRef,
        stack: &mut Vec<Value>,
        args_start: usize,
        drop_from: usize,
    ) -> Option<Box<super::frame::Frame>> {
        use crate::object::typeobj::Layout;
        if !Rc::ptr_eq(cls.class(), &self.types.type_) {
            return None;
        }
        let Payload::Type(t) = &cls.payload else {
            return None;
        };
        if !t.is_heap || t.layout != Layout::Plain {
            return None;
        }
        let init = match self.init_hints.get(cls) {
            Some(init) => init,
            None => {
                let init = self.plain_init_of(cls, t)?;
                self.init_hints.put(cls, &init);
                init
            }
        };
        let Payload::Function(func) = &init.payload else {
            return None;
        };
        // The code can be replaced without any class changing: checked on every call.
        let nargs = stack.len().checked_sub(args_start)?;
        let binds = func.code.with(|code| {
            code.plain_argcount == Some(nargs + 1)
                && code.flags()
                    & (super::bind::CO_GENERATOR
                        | super::bind::CO_COROUTINE
                        | super::bind::CO_ASYNC_GENERATOR
                        | super::bind::CO_ITERABLE_COROUTINE)
                    == 0
        });
        if !binds {
            return None;
        }
        let instance = Value::Obj(self.new_instance(cls));
        let mut frame = func.code.with(|code| self.started_frame(code, func));
        let args = std::iter::once(instance.clone()).chain(stack.drain(args_start..));
        for (slot, v) in frame.fast.iter_mut().zip(args) {
            *slot = v;
        }
        stack.truncate(drop_from);
        frame.func = Some(init);
        frame.init_of = instance;
        Some(frame)
    }

    /// The class-level conditions of `init_call_frame` for a plain heap class `cls`:
    /// `object.__new__`, no abstract methods, and a Python `__init__`, which is returned.
    fn plain_init_of(
        &mut self,
        cls: &ObjRef,
        t: &crate::object::typeobj::TypeData,
    ) -> Option<ObjRef> {
        let new_name = self.names.__new__.clone();
        let objects_new = matches!(self.lookup_in_mro(cls, &new_name), Some(Value::Obj(f))
            if matches!(&f.payload, Payload::Builtin(b)
                if b.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, &self.types.object))));
        if !objects_new {
            return None;
        }
        let init_name = self.names.__init__.clone();
        let Some(Value::Obj(init)) = self.lookup_in_mro(cls, &init_name) else {
            return None;
        };
        let abstract_name = self.names.__abstractmethods__.clone();
        if !matches!(&init.payload, Payload::Function(_))
            || self.dict_get_name(&t.dict, &abstract_name).is_some()
        {
            return None;
        }
        Some(init)
    }

    /// The TypeError of an `__init__` that returned something else than None.
    pub fn init_returned_non_none(&self, returned: &Value) -> super::PyErr {
        self.type_error(&format!(
            "__init__() should return None, not '{}'",
            self.type_name(returned)
        ))
    }

    /// Whether `cls` subclasses a builtin container (list, dict...) and declares
    /// `__slots__` somewhere in its MRO: its instances keep slot values in dict storage.
    pub fn container_with_slots(&self, cls: &ObjRef) -> bool {
        use crate::object::typeobj::Layout;
        let t = self.type_data(cls);
        !matches!(t.layout, Layout::Plain | Layout::Exception)
            && t.mro
                .with(|m| m.iter().any(|c| !self.type_data(c).slots.is_empty()))
    }

    /// `object.__new__(cls)`: an empty instance with the payload its layout needs.
    pub fn new_instance(&self, cls: &ObjRef) -> ObjRef {
        use crate::object::typeobj::Layout;
        let t = self.type_data(cls);
        let payload = if !t.slots.is_empty() && t.layout == Layout::Plain {
            Payload::Slots(t.slots.iter().map(|_| PyCell::new(Value::Null)).collect())
        } else {
            match t.layout {
                Layout::Exception => {
                    let args = self.new_tuple(Vec::new());
                    let data = crate::object::ExceptionData {
                        args: PyCell::new(args),
                        ..Default::default()
                    };
                    Payload::Exception(Box::new(data))
                }
                Layout::List => Payload::List(PyCell::new(Vec::new())),
                Layout::Dict => Payload::new_dict(crate::object::DictData::new()),
                Layout::Set => Payload::new_set(crate::object::SetData::new()),
                _ => Payload::Plain,
            }
        };
        // Exceptions always have a `__dict__` (builtin ones included). A subclass of a
        // builtin container with `__slots__` keeps its slot values in the dict storage
        // (its payload is the container's), under keys no attribute name can reach.
        if t.instance_dict || t.layout == Layout::Exception || self.container_with_slots(cls) {
            Object::with_dict(cls.clone(), payload)
        } else {
            Object::new(cls.clone(), payload)
        }
    }

    /// Calls a Python function from Rust (a nested run of the loop).
    pub fn call_python(&mut self, func: &ObjRef, args: Args<'_>) -> PyResult<Value> {
        let frame = self.make_frame(func, args)?;
        let frame = match self.generator_for_call(frame) {
            Ok(gen) => return Ok(gen),
            Err(frame) => frame,
        };
        let (done, r) = self.run_frame(frame);
        self.recycle_frame(done);
        match r? {
            super::eval::FrameExit::Return(v) => Ok(v),
            super::eval::FrameExit::Yield(_) => Err(self.system_error("a function frame yielded")),
        }
    }
}

/// The native function a call of `callable` with `nargs` positional arguments (and no
/// keywords) can run directly on the caller's arguments, as `Vm::call` would: a builtin
/// function, or a builtin method not bound to an instance and given its self (the CALL
/// of a method loaded by LOAD_METHOD). Anything else, `None`.
#[inline]
pub fn direct_native(callable: &Value, nargs: usize) -> Option<crate::object::NativeFn> {
    match callable.payload() {
        Some(Payload::Builtin(b))
            if b.bound.is_null() && (nargs > 0 || b.kind != crate::object::BuiltinKind::Method) =>
        {
            Some(b.func)
        }
        _ => None,
    }
}

/// The function of a builtin method descriptor not bound to an instance (what
/// `descr_get` would bind before calling it).
fn unbound_builtin_method(v: &Value) -> Option<crate::object::NativeFn> {
    match v.payload() {
        Some(Payload::Builtin(b))
            if b.kind == crate::object::BuiltinKind::Method && b.bound.is_null() =>
        {
            Some(b.func)
        }
        _ => None,
    }
}

/// How many values `Prepended` holds without a heap allocation.
const PREPENDED_INLINE: usize = 6;

/// A value followed by a call's arguments (self or the class, then the arguments), on
/// the Rust stack when they are few: most calls through `Vm::call` of a bound method or a
/// type need no allocation for it.
enum Prepended {
    Inline([Value; PREPENDED_INLINE], usize),
    Heap(Vec<Value>),
}

impl Prepended {
    #[inline]
    fn new(first: Value, rest: &[Value]) -> Prepended {
        if rest.len() < PREPENDED_INLINE {
            let mut a: [Value; PREPENDED_INLINE] = Default::default();
            a[0] = first;
            for (slot, v) in a[1..].iter_mut().zip(rest) {
                *slot = v.clone();
            }
            return Prepended::Inline(a, rest.len() + 1);
        }
        let mut v = Vec::with_capacity(rest.len() + 1);
        v.push(first);
        v.extend_from_slice(rest);
        Prepended::Heap(v)
    }

    #[inline]
    fn as_mut_slice(&mut self) -> &mut [Value] {
        match self {
            Prepended::Inline(a, n) => &mut a[..*n],
            Prepended::Heap(v) => v,
        }
    }
}

/// How many classes `InitHints` remembers.
const INIT_HINTS: usize = 16;

/// The Python `__init__` that `Vm::init_call_frame` found for recently called classes,
/// so the next call of one skips looking up `__new__`, `__init__` and
/// `__abstractmethods__`. An entry holds for the class at its address while the type
/// attribute cache's epoch (`object::method_cache`) is unchanged: any change to a class
/// dict or MRO, or the freeing of a class, bumps it. The function is held weakly (the
/// class dict owns it), so the cache keeps nothing alive.
#[derive(Default)]
pub struct InitHints {
    entries: [InitHint; INIT_HINTS],
}

#[derive(Default)]
struct InitHint {
    class: usize,
    epoch: u64,
    init: std::rc::Weak<Object>,
}

impl InitHints {
    fn slot(class: usize) -> usize {
        ((class >> 4) ^ (class >> 10)) % INIT_HINTS
    }

    #[inline]
    fn get(&self, cls: &ObjRef) -> Option<ObjRef> {
        let class = Rc::as_ptr(cls) as usize;
        let e = &self.entries[Self::slot(class)];
        if e.class != class || e.epoch != crate::object::method_cache::epoch() {
            return None;
        }
        e.init.upgrade()
    }

    fn put(&mut self, cls: &ObjRef, init: &ObjRef) {
        let class = Rc::as_ptr(cls) as usize;
        self.entries[Self::slot(class)] = InitHint {
            class,
            epoch: crate::object::method_cache::epoch(),
            init: Rc::downgrade(init),
        };
    }
}
