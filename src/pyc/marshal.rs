//! The marshal reader: CPython's `marshal.loads` for marshal versions 1–5, as far as code
//! objects and their constants need it.
//!
//! The caller says which marshal dialect to expect ([`MarshalOptions`]: the marshal version
//! and the code-object layout, both from the version's [`PycFormat`]), so the reader needs
//! no global state and can be tested on its own.
//!
//! Dialects, by version (type codes are ASCII characters):
//! - every version: `0 N F T . S i I l f x s u ( [ { < > c`;
//! - 2.x only: `t` is an interned 2.x `str` appended to a string table, `R` indexes it;
//! - marshal ≥ 2: binary floats `g` and complexes `y`;
//! - marshal ≥ 3 (3.4+): `r` refs and FLAG_REF (0x80 on the type byte: the object gets the
//!   next ref slot, reserved *before* its children are read, as CPython does); `t` is an
//!   interned str; `a A z Z` ASCII strings; `)` small tuples;
//! - marshal ≥ 5 (3.14): `:` slices.
//!
//! Robustness: every read is bounds-checked; a length is checked against the bytes left
//! before anything is allocated for it (a container's items take at least one byte each);
//! nesting is limited to [`MAX_DEPTH`] levels, CPython's own limit, and the recursion's
//! frames are kept small so that limit fits easily in a 2 MiB thread stack even in a debug
//! build; a ref to a slot not yet filled (cyclic data, which no `.pyc` holds) is an error.
//! Every error is a [`LoadError`] with the byte offset where the problem was found.

use super::code::{CodeObject, Constant, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use super::error::LoadError;
use super::text::{self, Text};
use crate::spec::{CodeLayout, PycFormat};
use num_bigint::{BigInt, BigUint, Sign};
use std::rc::Rc;

/// Deepest nesting of objects accepted (CPython's `MAX_MARSHAL_STACK_DEPTH` on Unix).
pub const MAX_DEPTH: usize = 2000;

/// Which marshal dialect to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarshalOptions {
    /// Marshal format version, 1–5.
    pub version: u8,
    /// Field order of code objects; `CodeLayout::Py2` also selects 2.x string semantics.
    pub layout: CodeLayout,
}

impl MarshalOptions {
    /// The dialect of a `.pyc` format.
    pub fn for_format(format: &PycFormat) -> Self {
        MarshalOptions {
            version: format.marshal_version,
            layout: format.code_layout,
        }
    }
}

/// Reads one marshalled object that must be a code object. Bytes after it are ignored.
/// Error offsets are relative to `bytes`.
pub fn read_code_object(bytes: &[u8], opts: MarshalOptions) -> Result<Rc<CodeObject>> {
    match read_object(bytes, opts)? {
        Constant::Code(code) => Ok(code),
        other => Err(LoadError::marshal(
            format!("expected a code object, found {}", describe(&other)),
            0,
        )),
    }
}

/// Reads one marshalled object of any type (`marshal.loads`). Bytes after it are ignored.
pub fn read_object(bytes: &[u8], opts: MarshalOptions) -> Result<Constant> {
    let mut reader = Reader {
        data: bytes,
        pos: 0,
        py2: opts.layout == CodeLayout::Py2,
        opts,
        depth: 0,
        refs: Vec::new(),
        strings: Vec::new(),
    };
    reader.object()
}

fn describe(c: &Constant) -> String {
    match c {
        Constant::Null => "NULL".to_string(),
        Constant::None => "None".to_string(),
        other => format!("a {}", other.type_name()),
    }
}

/// A printable form of a type byte for messages: `'x' (0x78)`.
fn show_type(tag: u8) -> String {
    if tag.is_ascii_graphic() {
        format!("'{}' (0x{tag:02x})", tag as char)
    } else {
        format!("0x{tag:02x}")
    }
}

type Result<T> = std::result::Result<T, LoadError>;

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    opts: MarshalOptions,
    py2: bool,
    depth: usize,
    /// Marshal ≥ 3 ref table; `None` while the object is still being read.
    refs: Vec<Option<Constant>>,
    /// 2.x interned-string table (`t` appends, `R` indexes).
    strings: Vec<Rc<[u8]>>,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.data.len() - self.pos
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        if n > self.left() {
            return Err(LoadError::marshal(
                format!(
                    "marshal data too short: {what} needs {n} bytes, {} left",
                    self.left()
                ),
                self.pos,
            ));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, what)?);
        Ok(a)
    }

    fn u8(&mut self, what: &str) -> Result<u8> {
        Ok(self.array::<1>(what)?[0])
    }

    fn i32(&mut self, what: &str) -> Result<i32> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }

    /// A length field followed by `len × item_size` bytes at least; checked against the
    /// bytes left before the caller allocates anything.
    fn length(&mut self, what: &str, item_size: usize) -> Result<usize> {
        let at = self.pos;
        let n = self.i32(what)?;
        if n < 0 {
            return Err(LoadError::marshal(
                format!("bad marshal data ({what} size {n} out of range)"),
                at,
            ));
        }
        let n = n as usize;
        if n.saturating_mul(item_size) > self.left() {
            return Err(LoadError::marshal(
                format!(
                    "marshal data too short: {what} of length {n} but only {} bytes left",
                    self.left()
                ),
                at,
            ));
        }
        Ok(n)
    }

    fn object(&mut self) -> Result<Constant> {
        let start = self.pos;
        let tag = self.u8("a type code")?;
        if self.depth >= MAX_DEPTH {
            return Err(LoadError::marshal(
                format!("marshal data nested deeper than {MAX_DEPTH} levels"),
                start,
            ));
        }
        self.depth += 1;
        let result = self.object_body(start, tag);
        self.depth -= 1;
        result
    }

    fn object_body(&mut self, start: usize, tag: u8) -> Result<Constant> {
        let (code, flag) = if self.opts.version >= 3 {
            (tag & 0x7F, tag & 0x80 != 0)
        } else {
            (tag, false)
        };
        // Singletons, refs and NULL never take a ref slot, even when flagged.
        let slot = if flag && !b"0NFT.Sr".contains(&code) {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = self.dispatch(start, tag, code)?;
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        Ok(v)
    }

    fn dispatch(&mut self, start: usize, tag: u8, code: u8) -> Result<Constant> {
        let v = self.opts.version;
        Ok(match code {
            b'0' => Constant::Null,
            b'N' => Constant::None,
            b'F' => Constant::Bool(false),
            b'T' => Constant::Bool(true),
            b'.' => Constant::Ellipsis,
            b'S' => Constant::StopIteration,
            b'i' => Constant::Int(self.i32("an int")? as i64),
            b'I' => Constant::Int(i64::from_le_bytes(self.array("an int64")?)),
            b'l' => self.long()?,
            b'f' => Constant::Float(self.text_float()?),
            b'x' => Constant::Complex(self.text_float()?, self.text_float()?),
            b'g' if v >= 2 => Constant::Float(self.binary_float()?),
            b'y' if v >= 2 => Constant::Complex(self.binary_float()?, self.binary_float()?),
            b's' => Constant::Bytes(self.raw_bytes("bytes")?.into()),
            b't' if self.py2 => {
                let s: Rc<[u8]> = self.raw_bytes("interned string")?.into();
                self.strings.push(s.clone());
                Constant::Bytes(s)
            }
            b'R' if self.py2 => self.string_ref()?,
            b'u' => self.utf8("unicode string")?,
            b't' => self.utf8("interned string")?,
            b'a' | b'A' if v >= 3 => {
                let n = self.length("ascii string", 1)?;
                self.ascii(n)?
            }
            b'z' | b'Z' if v >= 3 => {
                let n = self.u8("a short string length")? as usize;
                self.ascii(n)?
            }
            b'r' if v >= 3 => self.reference()?,
            b'(' => {
                let n = self.length("tuple", 1)?;
                Constant::Tuple(self.items(n, "tuple")?)
            }
            b')' if v >= 3 => {
                let n = self.u8("a small tuple length")? as usize;
                Constant::Tuple(self.items(n, "tuple")?)
            }
            b'[' => {
                let n = self.length("list", 1)?;
                Constant::List(self.items(n, "list")?)
            }
            b'<' => {
                let n = self.length("set", 1)?;
                Constant::Set(self.items(n, "set")?)
            }
            b'>' => {
                let n = self.length("frozenset", 1)?;
                Constant::FrozenSet(self.items(n, "frozenset")?)
            }
            b'{' => self.dict()?,
            b'c' => Constant::Code(Rc::new(self.code()?)),
            b':' if v >= 5 => {
                let [a, b, c] = [self.object()?, self.object()?, self.object()?];
                Constant::Slice(Rc::new([a, b, c]))
            }
            _ => {
                return Err(LoadError::marshal(
                    format!(
                        "bad marshal data (unknown type code {} for marshal version {v})",
                        show_type(tag)
                    ),
                    start,
                ))
            }
        })
    }

    fn raw_bytes(&mut self, what: &str) -> Result<&'a [u8]> {
        let n = self.length(what, 1)?;
        self.take(n, what)
    }

    fn utf8(&mut self, what: &str) -> Result<Constant> {
        let at = self.pos + 4;
        let b = self.raw_bytes(what)?;
        match text::decode(b) {
            Ok(Text::Utf8(s)) => Ok(Constant::Str(s)),
            Ok(Text::Surrogates(b)) => Ok(Constant::SurrogateStr(b)),
            Err(i) => Err(LoadError::marshal(
                format!("bad marshal data (invalid UTF-8 in {what})"),
                at + i,
            )),
        }
    }

    /// `a A z Z`: CPython reads the bytes as Latin-1 (they are ASCII in valid data).
    fn ascii(&mut self, n: usize) -> Result<Constant> {
        let b = self.take(n, "ascii string")?;
        Ok(Constant::Str(match std::str::from_utf8(b) {
            Ok(s) if b.is_ascii() => Rc::from(s),
            _ => Rc::from(b.iter().map(|&c| c as char).collect::<String>()),
        }))
    }

    fn string_ref(&mut self) -> Result<Constant> {
        let at = self.pos;
        let i = self.i32("a string ref")?;
        match usize::try_from(i).ok().and_then(|i| self.strings.get(i)) {
            Some(s) => Ok(Constant::Bytes(s.clone())),
            None => Err(LoadError::marshal(
                format!(
                    "bad marshal data (string ref {i} out of range, {} interned so far)",
                    self.strings.len()
                ),
                at,
            )),
        }
    }

    fn reference(&mut self) -> Result<Constant> {
        let at = self.pos;
        let i = self.i32("a ref index")?;
        match usize::try_from(i).ok().and_then(|i| self.refs.get(i)) {
            Some(Some(v)) => Ok(v.clone()),
            Some(None) => Err(LoadError::marshal(
                format!("bad marshal data (ref {i} names an object still being read: cyclic data is not supported)"),
                at,
            )),
            None => Err(LoadError::marshal(
                format!(
                    "bad marshal data (invalid reference {i}, {} refs so far)",
                    self.refs.len()
                ),
                at,
            )),
        }
    }

    fn binary_float(&mut self) -> Result<f64> {
        Ok(f64::from_le_bytes(self.array("a binary float")?))
    }

    fn text_float(&mut self) -> Result<f64> {
        let n = self.u8("a float length")? as usize;
        let at = self.pos;
        let b = self.take(n, "a float")?;
        std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .ok_or_else(|| {
                LoadError::marshal(
                    format!(
                        "bad marshal data (invalid float literal {:?})",
                        String::from_utf8_lossy(b)
                    ),
                    at,
                )
            })
    }

    /// `l`: signed digit count, then 15-bit digits, least significant first.
    fn long(&mut self) -> Result<Constant> {
        let at = self.pos;
        let n = self.i32("a long digit count")?;
        let size = n.unsigned_abs() as usize;
        if size.saturating_mul(2) > self.left() {
            return Err(LoadError::marshal(
                format!(
                    "marshal data too short: long of {size} digits but only {} bytes left",
                    self.left()
                ),
                at,
            ));
        }
        let digits = self.take(size * 2, "long digits")?;
        for (k, d) in digits.chunks_exact(2).enumerate() {
            if u16::from_le_bytes([d[0], d[1]]) > 0x7FFF {
                return Err(LoadError::marshal(
                    "bad marshal data (digit out of range in long)",
                    at + 4 + 2 * k,
                ));
            }
        }
        let digit = |k: usize| u16::from_le_bytes([digits[2 * k], digits[2 * k + 1]]) as u64;
        if size <= 4 && !self.py2 {
            // Up to 60 bits: no big integer needed.
            let mag = (0..size).rev().fold(0u64, |acc, k| acc << 15 | digit(k)) as i64;
            return Ok(Constant::Int(if n < 0 { -mag } else { mag }));
        }
        let mut words = Vec::with_capacity(size * 15 / 32 + 1);
        let (mut acc, mut bits) = (0u64, 0u32);
        for k in 0..size {
            acc |= digit(k) << bits;
            bits += 15;
            if bits >= 32 {
                words.push(acc as u32);
                acc >>= 32;
                bits -= 32;
            }
        }
        words.push(acc as u32);
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        let value = BigInt::from_biguint(sign, BigUint::new(words));
        if self.py2 {
            return Ok(Constant::Long(Rc::new(value)));
        }
        Ok(match i64::try_from(&value) {
            Ok(i) => Constant::Int(i),
            Err(_) => Constant::BigInt(Rc::new(value)),
        })
    }

    fn items(&mut self, n: usize, what: &str) -> Result<Rc<[Constant]>> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let at = self.pos;
            let item = self.object()?;
            if matches!(item, Constant::Null) {
                return Err(LoadError::marshal(
                    format!("bad marshal data (NULL object in {what})"),
                    at,
                ));
            }
            items.push(item);
        }
        Ok(items.into())
    }

    /// `{`: key/value pairs until a NULL key (a NULL value also ends it, as in CPython).
    fn dict(&mut self) -> Result<Constant> {
        let mut pairs = Vec::new();
        loop {
            let key = self.object()?;
            if matches!(key, Constant::Null) {
                break;
            }
            let value = self.object()?;
            if matches!(value, Constant::Null) {
                break;
            }
            pairs.push((key, value));
        }
        Ok(Constant::Dict(pairs.into()))
    }
}

// Code objects.
impl Reader<'_> {
    /// A non-negative int32 count field of a code object.
    fn count(&mut self, field: &str) -> Result<u32> {
        let at = self.pos;
        let n = self.i32(field)?;
        u32::try_from(n).map_err(|_| {
            LoadError::marshal(format!("bad marshal data ({field} is negative: {n})"), at)
        })
    }

    /// Reads an object for `field` and checks its kind with `want`.
    fn field<T>(
        &mut self,
        field: &str,
        expected: &str,
        want: impl FnOnce(&Self, &Constant) -> Option<T>,
    ) -> Result<T> {
        let at = self.pos;
        let v = self.object()?;
        want(self, &v).ok_or_else(|| {
            LoadError::marshal(
                format!(
                    "bad marshal data ({field} must be {expected}, found {})",
                    describe(&v)
                ),
                at,
            )
        })
    }

    /// A bytes field (2.x: a str).
    fn bytes_field(&mut self, field: &str) -> Result<Rc<[u8]>> {
        self.field(field, "bytes", |_, v| match v {
            Constant::Bytes(b) => Some(b.clone()),
            _ => None,
        })
    }

    fn tuple_field(&mut self, field: &str) -> Result<Rc<[Constant]>> {
        self.field(field, "a tuple", |_, v| match v {
            Constant::Tuple(t) => Some(t.clone()),
            _ => None,
        })
    }

    /// Text as a Rust string: 3.x str (surrogates become U+FFFD), 2.x str (bytes, decoded
    /// as UTF-8 with invalid bytes replaced by U+FFFD).
    fn name_of(&self, v: &Constant) -> Option<Rc<str>> {
        match v {
            Constant::Str(s) if !self.py2 => Some(s.clone()),
            Constant::SurrogateStr(b) if !self.py2 => Some(text::lossy(b)),
            Constant::Bytes(b) if self.py2 => Some(match std::str::from_utf8(b) {
                Ok(s) => Rc::from(s),
                Err(_) => Rc::from(String::from_utf8_lossy(b).as_ref()),
            }),
            _ => None,
        }
    }

    fn text_field(&mut self, field: &str) -> Result<Rc<str>> {
        self.field(field, "a str", |r, v| r.name_of(v))
    }

    /// A tuple of names.
    fn names_field(&mut self, field: &str) -> Result<Rc<[Rc<str>]>> {
        let at = self.pos;
        let tuple = self.tuple_field(field)?;
        let mut names = Vec::with_capacity(tuple.len());
        for (i, v) in tuple.iter().enumerate() {
            match self.name_of(v) {
                Some(s) => names.push(s),
                None => {
                    return Err(LoadError::marshal(
                        format!(
                            "bad marshal data ({field}[{i}] must be a str, found {})",
                            describe(v)
                        ),
                        at,
                    ))
                }
            }
        }
        Ok(names.into())
    }

    fn code(&mut self) -> Result<CodeObject> {
        use CodeLayout::*;
        let layout = self.opts.layout;
        let argcount = self.count("co_argcount")?;
        let posonlyargcount = match layout {
            Py38 | Py310 | Py311 => self.count("co_posonlyargcount")?,
            Py2 | Py30 => 0,
        };
        let kwonlyargcount = match layout {
            Py2 => 0,
            _ => self.count("co_kwonlyargcount")?,
        };
        let mut nlocals = match layout {
            Py311 => 0,
            _ => self.count("co_nlocals")?,
        };
        let stacksize = self.count("co_stacksize")?;
        let flags = self.i32("co_flags")? as u32;
        let code = self.bytes_field("co_code")?;
        let consts = self.tuple_field("co_consts")?;
        let names = self.names_field("co_names")?;
        let empty: Rc<[Rc<str>]> = Rc::new([]);
        let (varnames, freevars, cellvars, localsplus_names, localsplus_kinds);
        if layout == Py311 {
            let at = self.pos;
            localsplus_names = self.names_field("co_localsplusnames")?;
            localsplus_kinds = self.bytes_field("co_localspluskinds")?;
            if localsplus_names.len() != localsplus_kinds.len() {
                return Err(LoadError::marshal(
                    format!(
                        "bad marshal data (co_localsplusnames has {} names but co_localspluskinds {} kinds)",
                        localsplus_names.len(),
                        localsplus_kinds.len()
                    ),
                    at,
                ));
            }
            let select = |bit: u8| -> Rc<[Rc<str>]> {
                localsplus_names
                    .iter()
                    .zip(localsplus_kinds.iter())
                    .filter(|(_, &k)| k & bit != 0)
                    .map(|(n, _)| n.clone())
                    .collect()
            };
            varnames = select(CO_FAST_LOCAL);
            cellvars = select(CO_FAST_CELL);
            freevars = select(CO_FAST_FREE);
            nlocals = varnames.len() as u32;
        } else {
            varnames = self.names_field("co_varnames")?;
            freevars = self.names_field("co_freevars")?;
            cellvars = self.names_field("co_cellvars")?;
            localsplus_names = empty.clone();
            localsplus_kinds = Rc::new([]);
        }
        let filename = self.text_field("co_filename")?;
        let name = self.text_field("co_name")?;
        let qualname = match layout {
            Py311 => self.text_field("co_qualname")?,
            _ => name.clone(),
        };
        let firstlineno = self.i32("co_firstlineno")?;
        let linetable = self.bytes_field(match layout {
            Py310 | Py311 => "co_linetable",
            _ => "co_lnotab",
        })?;
        let exceptiontable = match layout {
            Py311 => self.bytes_field("co_exceptiontable")?,
            _ => Rc::new([]),
        };
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            nlocals,
            stacksize,
            flags,
            code,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            localsplus_names,
            localsplus_kinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }
}
