//! The object model: `Value`, the 16-byte handle every Python value travels in, and
//! `Object`, the heap cell behind every value that is not None, a bool, a small int or a
//! float.
//!
//! Trade-offs:
//! - Small ints (`i64`), floats, bools and None live inline in `Value`: arithmetic on them
//!   never touches the heap. An `int` beyond `i64` is a heap `Payload::Int`.
//! - Heap objects are reference counted (`Rc`), single-threaded, with the type pointer in
//!   the header. Reference cycles are reclaimed by the cycle collector in `gc`.
//! - Mutable state sits in `PyCell`s whose borrows never span a call into Python, so no
//!   borrow can fail from Python code (see `pycell`).
//! - An object's class is set at creation; `__class__` assignment (heap classes only)
//!   records the new class in a side table (flagged in the header), as a reference to a
//!   never-freed copy of the class handle (one per class ever assigned), so `class()` can
//!   keep returning `&ObjRef`.
//! - `Object` is 64 bytes (an 80-byte allocation with `Rc`'s counts): the class, one
//!   header word (instance dict and flags, see `header`), the cycle collector's slot (see
//!   `gc`) and a 40-byte `Payload`, whose larger variants are boxed.

pub mod dict;
pub mod exception;
pub mod finalizer;
pub mod function;
pub mod gc;
pub mod hash;
pub mod header;
pub mod method_cache;
pub mod native;
pub mod pycell;
pub mod set;
pub mod str;
pub mod typeobj;
pub mod weakref;

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

pub use dict::DictData;
pub use exception::ExceptionData;
pub use function::{Args, BoundMethod, Builtin, BuiltinKind, Function, NativeFn};
pub use header::HeaderWord;
pub use pycell::PyCell;
pub use set::SetData;
pub use str::PyStr;
pub use typeobj::{Layout, TypeData};

/// A counted reference to a heap object.
pub type ObjRef = Rc<Object>;

/// A Python value, or `Null` (an internal marker: an unbound local, the NULL that 3.11+
/// pushes below a callable; never visible to Python code).
///
/// Every payload is one 8-byte integer-like word at the same offset (a bool as `Truth`,
/// a float as its bits in `FloatBits`), so Rust lays `Value` out as a pair of scalars: it
/// travels in two registers through calls and returns, and copies are two word moves. With
/// a `bool` or `f64` payload it would be an aggregate, moved through memory piecewise, and
/// reading back such a copy as one 16-byte load stalls store-to-load forwarding (this
/// showed as the hottest spots of the evaluation loop under `perf`).
#[derive(Default)]
pub enum Value {
    #[default]
    Null,
    None,
    Bool(Truth),
    Int(i64),
    Float(FloatBits),
    Obj(ObjRef),
}

// The layout argument above: one word of tag, one of payload, and `Option<Value>` uses a
// spare tag value.
const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

/// A bool as a full word (see `Value`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u64)]
pub enum Truth {
    False = 0,
    True = 1,
}

impl Truth {
    #[inline(always)]
    pub fn get(self) -> bool {
        self == Truth::True
    }
}

impl From<bool> for Truth {
    #[inline(always)]
    fn from(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// A float held as its bits (see `Value`).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline(always)]
    pub fn new(x: f64) -> FloatBits {
        FloatBits(x.to_bits())
    }

    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl Clone for Value {
    /// A heap value counts one more reference; every other variant is plain data, copied
    /// as it is (one test instead of the derived match over every variant).
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(o) => Value::Obj(o.clone()),
            // SAFETY: every variant but `Obj` holds only `Copy` data (bool, i64, f64 or
            // nothing), so a bitwise copy is a valid, independent value.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

impl Value {
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The payload of a heap value.
    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// Identity (`is`): the same inline value, or the same heap object.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.0 == b.0,
            _ => false,
        }
    }

    /// The number `id()` returns: distinct for every two values that are not `is` each
    /// other. Heap objects are their address; inline ints and floats, which have no
    /// address, are numbers above 2**64 made of their bits.
    pub fn identity(&self) -> u128 {
        match self {
            Value::Int(i) => (1u128 << 64) | (*i as u64 as u128),
            Value::Float(f) => (2u128 << 64) | f.0 as u128,
            other => other.id() as u128,
        }
    }

    /// A stable number for an object's repr (`at 0x...`) and identity hash; for heap
    /// objects it is `identity()`, inline values may share one.
    pub fn id(&self) -> u64 {
        match self {
            Value::Obj(o) => Rc::as_ptr(o) as usize as u64,
            Value::Null => 0,
            Value::None => 0x1000,
            Value::Bool(b) => 0x1010 + *b as u64 * 16,
            // Inline values get ids derived from their bits, outside the heap's range.
            Value::Int(i) => 0x8000_0000_0000_0000 | (*i as u64 >> 1) << 4,
            Value::Float(f) => 0x4000_0000_0000_0000 | (f.0 >> 4) << 4,
        }
    }

    #[inline]
    pub fn obj(o: ObjRef) -> Value {
        Value::Obj(o)
    }

    /// A Python bool.
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value::Bool(Truth::from(b))
    }

    /// An inline float.
    #[inline(always)]
    pub fn float(x: f64) -> Value {
        Value::Float(FloatBits::new(x))
    }

    /// The str payload, if this is a str (or str subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&PyStr> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s),
            _ => None,
        }
    }
}

/// The header and payload of every heap object.
pub struct Object {
    /// The object's type (a heap object whose payload is `Payload::Type`). Set once at
    /// creation; only the bootstrap of `type` itself sets it after allocation.
    class: OnceCell<ObjRef>,
    /// The instance `__dict__` (for objects that have one) and the header flags.
    pub header: HeaderWord,
    /// Where the cycle collector registered the object (`gc::UNTRACKED` if it did not).
    gc_slot: std::cell::Cell<usize>,
    pub payload: Payload,
}

// With `Rc`'s two counts an object is an 80-byte allocation (one of mimalloc's sizes).
const _: () = assert!(std::mem::size_of::<Object>() == 64);

thread_local! {
    /// Classes assigned through `__class__`, by object address (the object's header
    /// says whether it has an entry).
    static RECLASSED: std::cell::RefCell<std::collections::HashMap<usize, &'static ObjRef>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

impl Object {
    /// A new heap object of `class`.
    #[inline]
    pub fn new(class: ObjRef, payload: Payload) -> ObjRef {
        let cell = OnceCell::new();
        let _ = cell.set(class);
        let o = Rc::new(Object {
            class: cell,
            header: HeaderWord::new(false),
            gc_slot: std::cell::Cell::new(gc::UNTRACKED),
            payload,
        });
        gc::track(&o);
        o
    }

    /// A new heap object of `class` with an (initially empty) instance dict slot.
    pub fn with_dict(class: ObjRef, payload: Payload) -> ObjRef {
        let cell = OnceCell::new();
        let _ = cell.set(class);
        let o = Rc::new(Object {
            class: cell,
            header: HeaderWord::new(true),
            gc_slot: std::cell::Cell::new(gc::UNTRACKED),
            payload,
        });
        gc::track(&o);
        o
    }

    /// An object whose class is set later with `set_class_once` (bootstrap of `type`).
    pub fn new_unclassed(payload: Payload, has_dict: bool) -> ObjRef {
        Rc::new(Object {
            class: OnceCell::new(),
            header: HeaderWord::new(has_dict),
            gc_slot: std::cell::Cell::new(gc::UNTRACKED),
            payload,
        })
    }

    /// Completes `new_unclassed`; a no-op if the class is already set.
    pub fn set_class_once(&self, class: ObjRef) {
        let _ = self.class.set(class);
    }

    /// The object's type.
    #[inline]
    pub fn class(&self) -> &ObjRef {
        if self.header.reclassed() {
            if let Some(c) = self.assigned_class() {
                return c;
            }
        }
        // Every constructor sets the class; only `type`'s bootstrap leaves a moment
        // without one, before any Python code exists.
        self.class.get().expect("object class is set at creation")
    }

    /// The object's type, or `None` during `type`'s bootstrap.
    pub fn class_if_set(&self) -> Option<&ObjRef> {
        if self.header.reclassed() {
            if let Some(c) = self.assigned_class() {
                return Some(c);
            }
        }
        self.class.get()
    }

    /// The class `__class__` assignment gave this object.
    fn assigned_class(&self) -> Option<&'static ObjRef> {
        let addr = self as *const Object as usize;
        RECLASSED
            .try_with(|m| m.borrow().get(&addr).copied())
            .ok()
            .flatten()
    }

    /// Whether instances of the object's class have an instance dict.
    #[inline]
    pub fn has_dict(&self) -> bool {
        self.header.has_dict()
    }

    /// The instance dict, if the object has one already.
    #[inline]
    pub fn dict(&self) -> Option<ObjRef> {
        self.header.dict()
    }

    /// The value at entry position `entry` of the instance dict, if the dict exists and
    /// that entry's key is `name` itself: LOAD_ATTR's hinted read, which counts no
    /// reference to the dict.
    #[inline]
    pub fn instance_dict_value_at(&self, entry: usize, name: &ObjRef) -> Option<Value> {
        let p = self.header.dict_ptr();
        if p.is_null() {
            return None;
        }
        // SAFETY: the header owns a strong count of its dict, given up only by
        // `replace_dict`; nothing below writes a header or runs Python code (cloning a
        // value only counts a reference), so the dict outlives this borrow.
        let dict = unsafe { &*p };
        let Payload::Dict(cell) = &dict.payload else {
            return None;
        };
        cell.with(|d| {
            let e = d.entry_at(entry)?;
            match &e.key {
                Value::Obj(k) if Rc::ptr_eq(k, name) => Some(e.value.clone()),
                _ => None,
            }
        })
    }

    /// Whether the instance dict may hold a key of the hash `hash` gives (false without
    /// a dict, or when its key filter proves no key has that hash), counting no
    /// reference to it.
    #[inline]
    pub fn instance_dict_may_hold(&self, hash: impl FnOnce() -> i64) -> bool {
        if self.header.dict_ptr().is_null() {
            return false;
        }
        let hash = hash();
        // Read after `hash` ran, whatever it did.
        let p = self.header.dict_ptr();
        if p.is_null() {
            return false;
        }
        // SAFETY: as in `instance_dict_value_at`: only the filter word is read.
        let dict = unsafe { &*p };
        match &dict.payload {
            Payload::Dict(cell) => cell.with(|d| d.may_hold_hash(hash)),
            _ => true,
        }
    }

    /// `obj.__class__ = class` (the caller checked the layouts are compatible). Each
    /// class ever assigned keeps one leaked handle, shared by all its reassignments.
    pub fn set_class(&self, class: &ObjRef) {
        thread_local! {
            static HANDLES: std::cell::RefCell<Vec<&'static ObjRef>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        let handle = HANDLES.with(|h| {
            let mut h = h.borrow_mut();
            match h.iter().find(|c| Rc::ptr_eq(c, class)) {
                Some(c) => *c,
                None => {
                    let c: &'static ObjRef = Box::leak(Box::new(class.clone()));
                    h.push(c);
                    c
                }
            }
        });
        self.set_assigned_class(Some(handle));
    }

    /// Records (or, with `None`, forgets) the class `__class__` assignment gave.
    fn set_assigned_class(&self, class: Option<&'static ObjRef>) {
        let addr = self as *const Object as usize;
        let _ = RECLASSED.try_with(|m| match class {
            Some(c) => {
                m.borrow_mut().insert(addr, c);
            }
            None => {
                m.borrow_mut().remove(&addr);
            }
        });
        self.header.set_reclassed(class.is_some());
    }

    /// A new object that takes over `self`'s class, instance dict and payload (leaving
    /// `self` an empty shell): an instance resurrected to run its `__del__`.
    pub fn take_into_new(&mut self) -> ObjRef {
        let has_dict = self.header.has_dict();
        let new = Rc::new(Object {
            class: std::mem::take(&mut self.class),
            header: HeaderWord::new(has_dict),
            gc_slot: std::cell::Cell::new(gc::UNTRACKED),
            payload: std::mem::replace(&mut self.payload, Payload::Plain),
        });
        new.header.replace_dict(self.header.replace_dict(None));
        if self.header.reclassed() {
            new.set_assigned_class(self.assigned_class());
            self.set_assigned_class(None);
        }
        new
    }
}

thread_local! {
    /// How many `Object` drops are running inside each other.
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Contents of objects whose drop was deferred to keep the Rust stack shallow.
    static DEFERRED: std::cell::RefCell<Vec<Payload>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Nested drops deeper than this hand their contents to the outermost drop.
const MAX_DROP_DEPTH: u32 = 512;

/// Drops `items` from the last to the first.
pub fn drop_reversed(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

impl Drop for Object {
    /// Dropping a deeply nested structure (a list in a list in a list...) would recurse
    /// once per level on the Rust stack; past a fixed depth the contents are moved to a
    /// worklist that the outermost drop empties iteratively (CPython's "trashcan").
    fn drop(&mut self) {
        // First, so that the collector never sees an object being dropped.
        gc::untrack(self);
        // A generator's weak references are cleared before it is closed (CPython's
        // `gen_dealloc`), so their callbacks run before its `finally` blocks.
        let generator = matches!(self.payload, Payload::Generator(_));
        if generator && self.header.weakly_referenced() {
            weakref::clear_refs_to(self as *const Object as usize);
        }
        // An instance with `__del__` lives on in a new object until it has run.
        let resurrected = finalizer::resurrect(self);
        if self.header.reclassed() {
            self.set_assigned_class(None);
        }
        if !generator && self.header.weakly_referenced() {
            // After a `__del__` is queued, so the callbacks run after it (as in CPython).
            weakref::clear_refs_to(self as *const Object as usize);
        }
        if resurrected {
            return;
        }
        let depth = DROP_DEPTH.with(|d| {
            let v = d.get() + 1;
            d.set(v);
            v
        });
        if depth > MAX_DROP_DEPTH && gc::is_container(&self.payload) {
            let payload = std::mem::replace(&mut self.payload, Payload::Plain);
            DEFERRED.with(|q| q.borrow_mut().push(payload));
        }
        // Items go last first, as CPython's list and tuple deallocators release them
        // (observable through `__del__`).
        match &mut self.payload {
            Payload::List(l) => drop_reversed(l.replace(Vec::new())),
            Payload::Tuple(t) => drop_reversed(std::mem::take(t).into_vec()),
            _ => {}
        }
        drop(self.header.replace_dict(None));
        if depth == 1 {
            // The outermost drop empties the worklist (more may be added while it does).
            while let Some(p) = DEFERRED.with(|q| q.borrow_mut().pop()) {
                drop(p);
            }
        }
        DROP_DEPTH.with(|d| d.set(d.get() - 1));
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("<NULL>"),
            Value::None => f.write_str("None"),
            Value::Bool(b) => write!(f, "{}", if b.get() { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{:?}", x.get()),
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => write!(f, "{:?}", s.as_str()),
                p => write!(f, "<{} object at {:p}>", p.kind_name(), Rc::as_ptr(o)),
            },
        }
    }
}

/// What a heap object holds. One variant per builtin representation; instances of
/// Python classes use the representation of their builtin base (`Plain` for `object`).
pub enum Payload {
    /// An instance with no builtin state (its attributes live in the dict).
    Plain,
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(PyCell<Vec<u8>>),
    /// An int beyond i64, or an int-subclass instance.
    Int(IntValue),
    /// A float-subclass instance (exact floats are inline).
    Float(f64),
    Complex(f64, f64),
    Tuple(Box<[Value]>),
    List(PyCell<Vec<Value>>),
    Dict(Box<PyCell<DictData>>),
    Set(Box<PyCell<SetData>>),
    FrozenSet(Box<SetData>),
    Type(Box<TypeData>),
    Function(Box<Function>),
    Builtin(Box<Builtin>),
    Method(Box<BoundMethod>),
    /// A closure cell.
    Cell(PyCell<Value>),
    Code(Rc<crate::vm::Code>),
    /// A module: its namespace dict.
    Module(ObjRef),
    Exception(Box<ExceptionData>),
    /// `range(start, stop, step)`.
    Range(Box<[IntValue; 3]>),
    /// `slice(start, stop, step)`.
    Slice(Box<[Value; 3]>),
    /// property(fget, fset, fdel, doc), then its name (set by `__set_name__`, or the
    /// attribute name of a builtin type's computed attribute).
    Property(Box<[PyCell<Value>; 5]>),
    ClassMethod(PyCell<Value>),
    StaticMethod(PyCell<Value>),
    /// super(type, obj-or-type).
    Super(Box<(ObjRef, Value)>),
    /// Iterators over builtin containers and the builtin iterator types.
    Iter(Box<PyCell<crate::vm::iter::IterState>>),
    /// Generators, coroutines and async generators: a suspended frame.
    Generator(Box<crate::vm::generator::GenObject>),
    /// Storage of an instance of a class with `__slots__`.
    Slots(typeobj::SlotValues),
    /// Rust-side state of rarer builtin objects.
    Other(Box<dyn std::any::Any>),
}

/// An integer that may be big.
#[derive(Clone, Debug, PartialEq)]
pub enum IntValue {
    Small(i64),
    Big(Rc<num_bigint::BigInt>),
}

impl Payload {
    /// A dict payload.
    #[inline]
    pub fn new_dict(data: DictData) -> Payload {
        Payload::Dict(Box::new(PyCell::new(data)))
    }

    /// A set payload.
    pub fn new_set(data: SetData) -> Payload {
        Payload::Set(Box::new(PyCell::new(data)))
    }

    /// A short description for debugging output.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Payload::Plain => "plain",
            Payload::Str(_) => "str",
            Payload::Bytes(_) => "bytes",
            Payload::ByteArray(_) => "bytearray",
            Payload::Int(_) => "int",
            Payload::Float(_) => "float",
            Payload::Complex(..) => "complex",
            Payload::Tuple(_) => "tuple",
            Payload::List(_) => "list",
            Payload::Dict(_) => "dict",
            Payload::Set(_) => "set",
            Payload::FrozenSet(_) => "frozenset",
            Payload::Type(_) => "type",
            Payload::Function(_) => "function",
            Payload::Builtin(_) => "builtin_function_or_method",
            Payload::Method(_) => "method",
            Payload::Cell(_) => "cell",
            Payload::Code(_) => "code",
            Payload::Module(_) => "module",
            Payload::Exception(_) => "exception",
            Payload::Range(_) => "range",
            Payload::Slice(_) => "slice",
            Payload::Property(_) => "property",
            Payload::ClassMethod(_) => "classmethod",
            Payload::StaticMethod(_) => "staticmethod",
            Payload::Super(_) => "super",
            Payload::Iter(_) => "iterator",
            Payload::Generator(_) => "generator",
            Payload::Slots(_) => "slotted",
            Payload::Other(_) => "other",
        }
    }
}

/// `str()` of a float in Python 2: 12 significant digits (`%.12g`), with `.0` added to
/// an integral result.
pub fn float_str_py2(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "inf" } else { "-inf" });
        return;
    }
    let s = format_g(x, 12);
    let needs_dot = s.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    out.push_str(&s);
    if needs_dot {
        out.push_str(".0");
    }
}

/// C's `%.{precision}g`.
pub fn format_g(x: f64, precision: usize) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.')
        } else {
            mant
        };
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, x);
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }
}
