//! The interpreter: the `Vm` that owns the builtin types, the interned names, the module
//! table and the frame stack, and runs decoded code.
//!
//! Errors are Python exceptions end to end: every fallible operation returns
//! `PyResult<T>`, whose error is the exception instance (`PyErr`). Nothing is swallowed:
//! a helper that cannot handle an error returns it.

pub mod async_gen;
pub mod attr;
pub mod attr_hints;
pub mod bind;
pub mod blocks;
pub mod builtins;
pub mod call;
pub mod class;
pub mod code;
pub mod delegate;
pub mod eval;
pub mod exceptions;
pub mod finalize;
pub mod flavour;
pub mod format;
pub mod frame;
pub mod gen_attrs;
pub mod generator;
pub mod globals_cache;
pub mod handlers;
pub mod import;
pub mod iter;
pub mod mapping;
pub mod messages;
pub mod method_calls;
pub mod names;
pub mod ops;
pub mod pyexpr;
pub mod repr;
pub mod run;
pub mod subscript;
pub mod suggest;
pub mod superinstructions;
pub mod tb_carets;
pub mod tb_format;
pub mod traceback;
pub mod types;

pub use code::Code;
pub use names::Names;
pub use types::Types;

use crate::object::{
    hash::StrHash, DictData, ExceptionData, ObjRef, Object, Payload, PyCell, PyStr, Value,
};
use crate::spec::VersionSpec;
use std::collections::HashMap;
use std::rc::Rc;

/// A raised Python exception: the exception instance.
#[derive(Clone)]
pub struct PyErr(pub ObjRef);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({:?})", Value::Obj(self.0.clone()))
    }
}

pub type PyResult<T> = Result<T, PyErr>;

/// The interpreter state of one run.
pub struct Vm {
    /// The bytecode version being run: decides opcode meaning and version semantics.
    pub version: &'static VersionSpec,
    pub types: Types,
    /// Interned dunder and attribute names the runtime looks up.
    pub names: Names,
    /// The `builtins` module's namespace.
    pub builtins: ObjRef,
    /// Interned strings (names): one str object per distinct name.
    interned: HashMap<Rc<str>, ObjRef>,
    pub str_hash: StrHash,
    /// Python frames currently active (for RecursionError).
    pub depth: usize,
    pub recursion_limit: usize,
    /// Suspended caller frames of the running Python code (the explicit call stack).
    /// Boxed so that a call or a return moves a pointer, not a whole frame.
    #[allow(clippy::vec_box)]
    pub frames: Vec<Box<frame::Frame>>,
    /// Raise RecursionError when the Rust stack pointer goes below this address.
    pub stack_limit: Option<usize>,
    pub singletons: Singletons,
    /// The Python frame that made the builtin call now running, for builtins that read
    /// their caller's frame (`super()`, `locals()`, `globals()`, `vars()`, `exec`).
    /// Set by the loop around each call of a non-Python callable; see `caller_frame`.
    pub(crate) calling_frame: *const frame::Frame,
    /// Finished frames, reused by new calls so that a call allocates nothing.
    #[allow(clippy::vec_box)]
    pub(crate) spare_frames: Vec<Box<frame::Frame>>,
    /// Cached lookups along type MROs (`lookup_in_mro`).
    pub(crate) method_cache: crate::object::method_cache::MethodCache,
    /// The `__init__` functions of classes whose calls run as loop frames
    /// (`Vm::init_call_frame`).
    pub(crate) init_hints: call::InitHints,
    /// BINARY_OP's argument table (3.11+) and COMPARE_OP's, decoded from the version.
    pub(crate) binary_op_kinds: Vec<Option<(ops::BinOp, bool)>>,
    pub(crate) cmp_op_kinds: Vec<Option<ops::CmpOp>>,
    /// The tracer, when tracing is on (`crate::trace`).
    pub tracer: Option<Box<crate::trace::Tracer>>,
    /// Buffered standard output.
    pub stdout: Vec<u8>,
    /// Flush standard output at each newline (it is a terminal, as CPython line-buffers).
    pub stdout_line_buffered: bool,
    /// `-u`/`PYTHONUNBUFFERED`: every write to standard output goes out at once.
    pub stdout_unbuffered: bool,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    /// Containers whose repr is being computed (to print `[...]` for self-reference).
    pub repr_active: std::collections::HashSet<usize>,
    /// `sys.modules`, the `sys` module, the modules being initialised, the source hook.
    pub imports: import::ImportState,
    /// The `_io` classes, once that module exists (`open` and the streams use them).
    pub io: Option<Rc<crate::modules::io::IoTypes>>,
    /// The codec and error-handler registries, once `_codecs` exists.
    pub codecs: Option<Rc<crate::modules::codecs::Registry>>,
    /// Python 2 runtime state (the print statement's softspace, the 2.x-only types).
    pub py2: crate::builtins::py2::Py2State,
}

/// The objects of which exactly one exists.
pub struct Singletons {
    pub not_implemented: Value,
    pub ellipsis: Value,
}

impl Vm {
    /// A fresh interpreter for `version`'s bytecode.
    pub fn new(version: &'static VersionSpec) -> Vm {
        crate::object::hash::set_randomized_by_default(flavour::hash_randomized_by_default(
            version,
        ));
        crate::object::dict::set_python2_layout(flavour::python2_hash_tables(version));
        crate::object::set::set_python2_layout(flavour::python2_hash_tables(version));
        let types = types::bootstrap();
        let builtins = Object::new(types.dict.clone(), Payload::new_dict(DictData::new()));
        let str_hash = flavour::str_hash(version);
        let mut interned: HashMap<Rc<str>, ObjRef> = HashMap::new();
        let str_type = types.str_.clone();
        let names = Names::new(&mut |name| {
            let o = Object::new(str_type.clone(), Payload::Str(PyStr::new(name)));
            interned.insert(Rc::from(name), o.clone());
            o
        });
        let modules = Object::new(types.dict.clone(), Payload::new_dict(DictData::new()));
        let singletons = Singletons {
            not_implemented: Value::Obj(Object::new(
                types.not_implemented_type.clone(),
                Payload::Plain,
            )),
            ellipsis: Value::Obj(Object::new(types.ellipsis_type.clone(), Payload::Plain)),
        };
        Vm {
            version,
            types,
            names,
            builtins,
            interned,
            str_hash,
            depth: 0,
            recursion_limit: 1000,
            frames: Vec::new(),
            stack_limit: None,
            singletons,
            repr_active: std::collections::HashSet::new(),
            handled: Value::None,
            stdout: Vec::new(),
            stdout_line_buffered: false,
            stdout_unbuffered: false,
            tracer: None,
            calling_frame: std::ptr::null(),
            spare_frames: Vec::new(),
            method_cache: Default::default(),
            init_hints: Default::default(),
            binary_op_kinds: ops::binary_op_kinds(version),
            cmp_op_kinds: ops::cmp_op_kinds(version),
            imports: import::ImportState::new(modules),
            io: None,
            codecs: None,
            py2: Default::default(),
        }
    }

    /// The Python frame whose instruction is calling the running builtin, if any.
    pub fn caller_frame(&self) -> Option<&frame::Frame> {
        // SAFETY: `calling_frame` is set by `Exec::call_from_stack` from the frame it holds
        // exclusively, only for the duration of a call that does not touch that frame
        // through the `Exec`, and reset (to the previous value) when the call returns.
        unsafe { self.calling_frame.as_ref() }
    }

    /// The interned str object for `name`.
    pub fn intern(&mut self, name: &str) -> ObjRef {
        if let Some(o) = self.interned.get(name) {
            return o.clone();
        }
        let o = Object::new(self.types.str_.clone(), Payload::Str(PyStr::new(name)));
        self.interned.insert(Rc::from(name), o.clone());
        o
    }

    /// The type of any value.
    #[inline]
    pub fn class_of<'a>(&'a self, v: &'a Value) -> &'a ObjRef {
        match v {
            Value::Obj(o) => o.class(),
            Value::Int(_) => &self.types.int,
            Value::Float(_) => &self.types.float,
            Value::Bool(_) => &self.types.bool_,
            Value::None => &self.types.none_type,
            Value::Null => &self.types.none_type,
        }
    }

    // ----- constructors -----

    pub fn new_str(&self, s: &str) -> Value {
        Value::Obj(Object::new(
            self.types.str_.clone(),
            Payload::Str(PyStr::new(s)),
        ))
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        Value::Obj(Object::new(
            self.types.tuple.clone(),
            Payload::Tuple(items.into_boxed_slice()),
        ))
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(Object::new(
            self.types.list.clone(),
            Payload::List(PyCell::new(items)),
        ))
    }

    pub fn new_dict(&self) -> ObjRef {
        Object::new(self.types.dict.clone(), Payload::new_dict(DictData::new()))
    }

    // ----- exceptions -----

    /// A new exception of class `class` with one message argument.
    pub fn new_exception(&self, class: &ObjRef, message: &str) -> PyErr {
        let args = if message.is_empty() {
            self.new_tuple(vec![])
        } else {
            self.new_tuple(vec![self.new_str(message)])
        };
        self.new_exception_args(class, args)
    }

    /// A new exception of class `class` with the given `args` tuple.
    pub fn new_exception_args(&self, class: &ObjRef, args: Value) -> PyErr {
        let data = ExceptionData {
            args: PyCell::new(args),
            ..Default::default()
        };
        PyErr(Object::with_dict(
            class.clone(),
            Payload::Exception(Box::new(data)),
        ))
    }

    pub fn type_error(&self, message: &str) -> PyErr {
        self.new_exception(&self.types.exc.type_error, message)
    }

    pub fn value_error(&self, message: &str) -> PyErr {
        self.new_exception(&self.types.exc.value_error, message)
    }

    pub fn system_error(&self, message: &str) -> PyErr {
        self.new_exception(&self.types.exc.system_error, message)
    }

    /// Full equality `a == b` as a bool (the slow path runs `__eq__`).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.check_stack(" in comparison")?;
        match mapping::native_eq(a, b) {
            crate::object::set::Eq::Equal => Ok(true),
            crate::object::set::Eq::Different => Ok(false),
            crate::object::set::Eq::Unknown => {
                let eq = self.names.__eq__.clone();
                // A proper subclass's __eq__ goes first, as in the `==` operator.
                let (ta, tb) = (self.class_of(a).clone(), self.class_of(b).clone());
                if !Rc::ptr_eq(&ta, &tb) && self.is_subclass_of(&tb, &ta) {
                    if let Some(r) = self.call_special(b, &eq, std::slice::from_ref(a))? {
                        if !self.is_not_implemented(&r) {
                            return self.truthy(&r);
                        }
                    }
                }
                match self.call_special(a, &eq, std::slice::from_ref(b))? {
                    Some(r) if !self.is_not_implemented(&r) => self.truthy(&r),
                    _ => match self.call_special(b, &eq, std::slice::from_ref(a))? {
                        Some(r) if !self.is_not_implemented(&r) => self.truthy(&r),
                        _ => Ok(a.is(b)),
                    },
                }
            }
        }
    }

    /// Whether `v` is the NotImplemented singleton.
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if Rc::ptr_eq(o.class(), &self.types.not_implemented_type))
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Null => false,
            Value::Bool(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::Float(f) => f.get() != 0.0,
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => s.char_len() != 0,
                Payload::Tuple(t) => !t.is_empty(),
                Payload::List(l) => l.with(|l| !l.is_empty()),
                Payload::Dict(d) => d.with(|d| !d.is_empty()),
                _ => {
                    let b = self.names.__bool__.clone();
                    if let Some(r) = self.call_special(v, &b, &[])? {
                        return match r {
                            Value::Bool(b) => Ok(b.get()),
                            _ => Err(self.type_error(&format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    // The length, checked as len() checks it (>= 0, an int), when defined.
                    let l = self.names.__len__.clone();
                    let class_ = o.class().clone();
                    if self.lookup_in_mro(&class_, &l).is_some() {
                        self.len(v)? != 0
                    } else {
                        true
                    }
                }
            },
        })
    }

    /// `hash(v)` for values whose type defines (or disables) `__hash__`.
    pub(crate) fn hash_slow(&mut self, v: &Value) -> PyResult<i64> {
        let name = self.names.__hash__.clone();
        let class_ = self.class_of(v).clone();
        match self.lookup_in_mro(&class_, &name) {
            Some(Value::None) => Err(self.unhashable(v)),
            // Any `__hash__` but object's own (the identity, computed below) is called; a
            // result beyond the hash range is hashed as an int, as CPython does.
            Some(f)
                if !matches!(f.payload(), Some(Payload::Builtin(b))
                    if b.owner.as_ref().is_some_and(|o| Rc::ptr_eq(o, &self.types.object))) =>
            {
                let bound = self.descr_get(f, Some(v), &class_)?;
                let r = self.call(&bound, crate::object::Args::positional(&[]))?;
                match crate::vm::ops::as_int(&r) {
                    // A machine-size result is the hash itself (slot_tp_hash).
                    Some(crate::vm::ops::IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                    Some(i) => Ok(match crate::builtins::int::int_hash_value(self, &i) {
                        -1 => -2,
                        h => h,
                    }),
                    None => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            // object.__hash__: the identity, rotated as CPython's _Py_HashPointer does.
            _ => {
                let id = v.id();
                Ok(id.rotate_right(4) as i64)
            }
        }
    }
}

/// Whether the evaluation loop should stop at its next safe point (a call or a backward
/// jump): a cycle collection is due or a signal arrived. One cheap test on the hot path.
#[inline]
pub fn breaker_due() -> bool {
    crate::object::gc::due() || crate::modules::signal::pending()
}

impl Vm {
    /// A full cycle collection (`object::gc`); returns how many objects it found
    /// unreachable.
    /// The attribute cache is emptied first: its references are invisible to the
    /// collector and would keep garbage alive.
    pub fn collect_cycles(&mut self) -> usize {
        self.method_cache.clear();
        crate::object::gc::collect()
    }

    /// The work `breaker_due` announced: a cycle collection, then the Python handlers of
    /// arrived signals (which may raise, e.g. KeyboardInterrupt).
    pub fn service_breaker(&mut self) -> PyResult<()> {
        if crate::object::gc::due() {
            self.method_cache.clear();
            crate::object::gc::collect_due();
        }
        crate::modules::signal::run_pending(self)
    }
}
