//! The version-independent code object and its constants.
//!
//! One [`CodeObject`] shape serves every CPython from 2.4 to 3.13: fields a version lacks
//! hold a neutral value (posonlyargcount 0 before 3.8, qualname = name before 3.11, empty
//! exception table before 3.11, empty localsplus arrays before 3.11). Raw tables (`code`,
//! `linetable`, `exceptiontable`) are kept exactly as stored; decoding them is the
//! decoder's job, which knows the version.
//!
//! Everything is immutable and shared through `Rc`: a constant or name the marshal data
//! references twice is one allocation, and cloning a [`Constant`] never copies payloads.
//! [`Constant`] is 24 bytes. Its [`repr`](Constant::repr) needs the CPython version, because
//! the same value prints differently across versions (`'a'` vs `b'a'`, `1L`, `set([1])`,
//! `%.17g` floats before 2.7/3.1).

use num_bigint::BigInt;
use std::rc::Rc;

/// `co_localspluskinds` bit (3.12+): a hidden local (an inlined comprehension's variable).
pub const CO_FAST_HIDDEN: u8 = 0x10;
/// `co_localspluskinds` bit: a fast local (listed in `co_varnames`).
pub const CO_FAST_LOCAL: u8 = 0x20;
/// `co_localspluskinds` bit: a cell variable (listed in `co_cellvars`).
pub const CO_FAST_CELL: u8 = 0x40;
/// `co_localspluskinds` bit: a free variable (listed in `co_freevars`).
pub const CO_FAST_FREE: u8 = 0x80;

/// A constant of a code object (an element of `co_consts`, recursively).
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    /// Marshal's `0`. Only ends a dict in valid data; kept so no type code is unrepresentable.
    Null,
    None,
    /// `True` / `False`.
    Bool(bool),
    Ellipsis,
    /// The `StopIteration` class (marshal `S`).
    StopIteration,
    /// An int that fits in i64 (3.x `int`, 2.x `int`).
    Int(i64),
    /// A 3.x int too large for i64; never holds a value that fits in i64.
    BigInt(Rc<BigInt>),
    /// A 2.x `long` (marshal `l` in a 2.x file), whatever its size: `repr` adds the `L`.
    Long(Rc<BigInt>),
    Float(f64),
    /// (real, imag)
    Complex(f64, f64),
    /// 3.x `bytes`; in a 2.x file, a 2.x `str` (marshal `s`, `t`, `R`).
    Bytes(Rc<[u8]>),
    /// 3.x `str`; in a 2.x file, a `unicode` (marshal `u`). Well-formed Unicode.
    Str(Rc<str>),
    /// A `str` (2.x `unicode`) that holds lone surrogates: its generalized UTF-8 bytes as
    /// marshalled, each surrogate a 3-byte `ED A0..BF xx` sequence (CPython's
    /// `surrogatepass`). [`crate::pyc::code_points`] yields its code points.
    SurrogateStr(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    List(Rc<[Constant]>),
    /// Key/value pairs in marshal order.
    Dict(Rc<[(Constant, Constant)]>),
    /// Elements in marshal order (the writing interpreter's iteration order).
    Set(Rc<[Constant]>),
    /// Elements in marshal order (the writing interpreter's iteration order).
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
    /// `slice(start, stop, step)` (marshal version 5, 3.14).
    Slice(Rc<[Constant; 3]>),
}

impl Constant {
    /// The text of a `Str`; `None` for anything else (a `SurrogateStr` included).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Constant::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes of a `Bytes` (2.x `str`).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Constant::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The elements of a `Tuple`.
    pub fn as_tuple(&self) -> Option<&[Constant]> {
        match self {
            Constant::Tuple(t) => Some(t),
            _ => None,
        }
    }

    /// The code object of a `Code`.
    pub fn as_code(&self) -> Option<&Rc<CodeObject>> {
        match self {
            Constant::Code(c) => Some(c),
            _ => None,
        }
    }

    /// What CPython `major.minor`'s `repr()` prints for this value. Code objects print
    /// their real address (`<code object f at 0x55d0c6a8e2c0, file "x.py", line 1>`), which
    /// differs from run to run as it does in CPython.
    pub fn repr(&self, version: (u8, u8)) -> String {
        let mut out = String::new();
        super::repr::write_repr(self, version, &mut out);
        out
    }

    /// A short name of the value's Python type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::Null => "NULL",
            Constant::None => "None",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::StopIteration => "StopIteration",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Long(_) => "long",
            Constant::Float(_) => "float",
            Constant::Complex(..) => "complex",
            Constant::Bytes(_) => "bytes",
            Constant::Str(_) | Constant::SurrogateStr(_) => "str",
            Constant::Tuple(_) => "tuple",
            Constant::List(_) => "list",
            Constant::Dict(_) => "dict",
            Constant::Set(_) => "set",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Code(_) => "code",
            Constant::Slice(_) => "slice",
        }
    }
}

/// A code object of any version, as marshalled.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    pub argcount: u32,
    /// 0 before 3.8.
    pub posonlyargcount: u32,
    /// 0 in 2.x.
    pub kwonlyargcount: u32,
    /// 3.11+: the number of `CO_FAST_LOCAL` entries of localsplus (not marshalled).
    pub nlocals: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// `co_code` as stored (3.11+: with its zeroed inline caches).
    pub code: Rc<[u8]>,
    pub consts: Rc<[Constant]>,
    pub names: Rc<[Rc<str>]>,
    /// 3.11+: derived from localsplus (kind has `CO_FAST_LOCAL`).
    pub varnames: Rc<[Rc<str>]>,
    /// 3.11+: derived from localsplus (kind has `CO_FAST_CELL`).
    pub cellvars: Rc<[Rc<str>]>,
    /// 3.11+: derived from localsplus (kind has `CO_FAST_FREE`).
    pub freevars: Rc<[Rc<str>]>,
    /// 3.11+ `co_localsplusnames`; empty before 3.11.
    pub localsplus_names: Rc<[Rc<str>]>,
    /// 3.11+ `co_localspluskinds` (`CO_FAST_*` bits), same length as `localsplus_names`;
    /// empty before 3.11.
    pub localsplus_kinds: Rc<[u8]>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    /// 3.11+ `co_qualname`; the same as `name` before 3.11.
    pub qualname: Rc<str>,
    pub firstlineno: i32,
    /// `co_lnotab` (≤3.9), `co_linetable` (3.10) or the location table (3.11+), as stored.
    pub linetable: Rc<[u8]>,
    /// 3.11+ `co_exceptiontable`; empty before 3.11.
    pub exceptiontable: Rc<[u8]>,
}

impl CodeObject {
    /// Calls `f` on this code object and every code object nested in its constants,
    /// depth first, parents before children, in `co_consts` order. Iterative: no
    /// recursion however deep the nesting.
    pub fn walk(self: &Rc<Self>, f: &mut dyn FnMut(&Rc<CodeObject>)) {
        let mut stack = vec![self.clone()];
        while let Some(code) = stack.pop() {
            f(&code);
            for c in code.consts.iter().rev() {
                if let Constant::Code(inner) = c {
                    stack.push(inner.clone());
                }
            }
        }
    }
}
