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
//! The reader is iterative: containers and code objects under construction sit on an
//! explicit stack on the heap, so no input, however deep, can overflow the Rust stack, in
//! any build. (Recursion cost 10 KiB of stack per level in a debug build.)
//!
//! Robustness: every read is bounds-checked; a length is checked against the bytes left
//! before anything is allocated for it (a container's items take at least one byte each);
//! a ref to a slot not yet filled (cyclic data, which no `.pyc` holds) is an error. Every
//! error is a [`LoadError`] with the byte offset where the problem was found.
//!
//! Refs make the result a DAG, which a few bytes can make deep or huge (a chain of refs to
//! deep tuples; `t1 = (t0, t0)`, `t2 = (t1, t1)`, ...). So that whoever walks the result
//! recursively — `Drop`, `repr`, the VM — stays safe, the reader bounds the result, not just
//! its own recursion: every path through the constant tree, refs followed, is at most
//! [`MAX_DEPTH`] objects long (CPython's own writer limit, so real files pass), and the tree
//! with refs expanded has at most [`MAX_EXPANSION`] objects per input byte (plus a floor).

mod code_builder;

use super::code::CodeObject;
use super::code::Constant;
use super::error::LoadError;
use super::text::{self, Text};
use crate::spec::{CodeLayout, PycFormat};
use code_builder::CodeBuilder;
use num_bigint::{BigInt, BigUint, Sign};
use std::collections::HashMap;
use std::rc::Rc;

/// Deepest nesting of objects accepted (CPython's `MAX_MARSHAL_STACK_DEPTH` on Unix),
/// counted along refs too.
pub const MAX_DEPTH: usize = 2000;

/// Most objects the result may hold with refs expanded, per byte of input (beyond a floor of
/// 2^20): refs to shared tuples expand a few times in real files, a ref bomb exponentially.
pub const MAX_EXPANSION: usize = 64;

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
        deepest: 0,
        nodes: 0,
        node_limit: bytes.len().saturating_mul(MAX_EXPANSION).max(1 << 20),
        refs: Vec::new(),
        strings: Vec::new(),
        interned_names: HashMap::new(),
        items: Vec::new(),
    };
    reader.read()
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

/// A filled ref slot: the object and its shape, to bound what refs to it add.
struct RefEntry {
    value: Constant,
    /// Levels of nesting in the object, itself included.
    height: usize,
    /// Objects in it with refs expanded, itself included.
    size: usize,
}

/// Bookkeeping every object has while it is being read.
#[derive(Clone, Copy)]
struct Started {
    /// Offset of its type byte.
    start: usize,
    /// Its nesting depth, 1 for the outermost object.
    depth: usize,
    /// The ref slot it fills (FLAG_REF), reserved before its children are read.
    slot: Option<usize>,
    /// `nodes` before it was counted.
    nodes_before: usize,
    /// The enclosing object's `deepest`, restored when this one is done.
    outer_deepest: usize,
}

/// What kind of sequence a [`Pending::Seq`] builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    Tuple,
    List,
    Set,
    FrozenSet,
    Slice,
}

impl SeqKind {
    fn name(self) -> &'static str {
        match self {
            SeqKind::Tuple => "tuple",
            SeqKind::List => "list",
            SeqKind::Set => "set",
            SeqKind::FrozenSet => "frozenset",
            SeqKind::Slice => "slice",
        }
    }
}

/// An object whose children are still being read.
enum Pending {
    /// Its items so far are `Reader::items[base..]`.
    Seq {
        kind: SeqKind,
        len: usize,
        base: usize,
    },
    Dict {
        pairs: Vec<(Constant, Constant)>,
        key: Option<Constant>,
        /// A NULL key or value has ended it.
        ended: bool,
    },
    Code(Box<CodeBuilder>),
}

/// What reading a type byte produced.
enum Begun {
    /// A complete object.
    Done(Constant),
    /// A container, to be pushed on the stack.
    Open(Pending),
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    opts: MarshalOptions,
    py2: bool,
    /// The deepest level reached so far inside the object being read, refs followed.
    deepest: usize,
    /// Objects read so far, refs counted by the size of what they name.
    nodes: usize,
    node_limit: usize,
    /// Marshal ≥ 3 ref table; `None` while the object is still being read.
    refs: Vec<Option<RefEntry>>,
    /// 2.x interned-string table (`t` appends, `R` indexes).
    strings: Vec<Rc<[u8]>>,
    /// The same strings decoded as names, by address (`strings` keeps them alive).
    interned_names: HashMap<*const u8, Rc<str>>,
    /// The items read so far of every pending sequence, innermost last.
    items: Vec<Constant>,
}

// The driver: an explicit stack of pending containers.
impl Reader<'_> {
    fn read(&mut self) -> Result<Constant> {
        let mut stack: Vec<(Started, Pending)> = Vec::new();
        loop {
            // Read one object at depth stack.len() + 1.
            let started = self.start(stack.len() + 1)?;
            let (mut value, mut at) = match self.begin(started)? {
                Begun::Done(v) => (self.finish(started, v), started.start),
                Begun::Open(pending) => {
                    stack.push((started, pending));
                    match self.next_child(&mut stack)? {
                        Some(done) => done,
                        None => continue,
                    }
                }
            };
            // Hand it to its parent; a parent it completes goes to the grandparent, and so on.
            loop {
                let Some((_, parent)) = stack.last_mut() else {
                    return Ok(value);
                };
                self.accept(parent, value, at)?;
                match self.next_child(&mut stack)? {
                    Some(done) => (value, at) = done,
                    None => break,
                }
            }
        }
    }

    /// Reads the type byte's bookkeeping: depth check, node count, ref slot.
    fn start(&mut self, depth: usize) -> Result<Started> {
        let start = self.pos;
        let tag = *self.data.get(start).ok_or_else(|| {
            LoadError::marshal(
                "marshal data too short: a type code needs 1 bytes, 0 left",
                start,
            )
        })?;
        if depth > MAX_DEPTH {
            return Err(self.too_deep(start));
        }
        self.count_nodes(1, start)?;
        let (code, flag) = self.split_tag(tag);
        // Singletons, refs and NULL never take a ref slot, even when flagged.
        let slot = if flag && !b"0NFT.Sr".contains(&code) {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        Ok(Started {
            start,
            depth,
            slot,
            nodes_before: self.nodes - 1,
            outer_deepest: std::mem::replace(&mut self.deepest, depth),
        })
    }

    /// (type code, FLAG_REF) of a type byte; the flag exists from marshal version 3.
    fn split_tag(&self, tag: u8) -> (u8, bool) {
        if self.opts.version >= 3 {
            (tag & 0x7F, tag & 0x80 != 0)
        } else {
            (tag, false)
        }
    }

    /// Ends an object: fills its ref slot with its shape, restores the parent's `deepest`.
    fn finish(&mut self, s: Started, v: Constant) -> Constant {
        if let Some(i) = s.slot {
            self.refs[i] = Some(RefEntry {
                value: v.clone(),
                height: self.deepest - s.depth + 1,
                size: self.nodes - s.nodes_before,
            });
        }
        self.deepest = self.deepest.max(s.outer_deepest);
        v
    }

    /// Lets the top of the stack read what it reads inline. Returns `None` when it needs
    /// another child object; when it is complete, pops it and returns its finished value
    /// and the offset where it began.
    fn next_child(
        &mut self,
        stack: &mut Vec<(Started, Pending)>,
    ) -> Result<Option<(Constant, usize)>> {
        let Some((_, top)) = stack.last_mut() else {
            return Ok(None);
        };
        let complete = match top {
            Pending::Seq { len, base, .. } => self.items.len() - *base == *len,
            Pending::Dict { ended, .. } => *ended,
            Pending::Code(builder) => !builder.read_ints(self)?,
        };
        if !complete {
            return Ok(None);
        }
        let Some((started, pending)) = stack.pop() else {
            return Ok(None);
        };
        let value = match pending {
            Pending::Seq { kind, base, .. } => {
                // One exact-size allocation, straight from the shared item stack.
                let items = self.items.drain(base..);
                match kind {
                    SeqKind::Tuple => Constant::Tuple(items.collect()),
                    SeqKind::List => Constant::List(items.collect()),
                    SeqKind::Set => Constant::Set(items.collect()),
                    SeqKind::FrozenSet => Constant::FrozenSet(items.collect()),
                    SeqKind::Slice => {
                        let mut it = items;
                        let mut part = || it.next().unwrap_or(Constant::None);
                        Constant::Slice(Rc::new([part(), part(), part()]))
                    }
                }
            }
            Pending::Dict { pairs, .. } => Constant::Dict(pairs.into()),
            Pending::Code(builder) => Constant::Code(Rc::new(builder.finish())),
        };
        Ok(Some((self.finish(started, value), started.start)))
    }

    /// Gives a finished child (that began at `at`) to its parent.
    fn accept(&mut self, parent: &mut Pending, v: Constant, at: usize) -> Result<()> {
        match parent {
            Pending::Seq { kind, .. } => {
                if matches!(v, Constant::Null) {
                    return Err(LoadError::marshal(
                        format!("bad marshal data (NULL object in {})", kind.name()),
                        at,
                    ));
                }
                self.items.push(v);
            }
            Pending::Dict { pairs, key, ended } => {
                // Like CPython, a NULL key or a NULL value ends the dict.
                if matches!(v, Constant::Null) {
                    *ended = true;
                } else if let Some(k) = key.take() {
                    pairs.push((k, v));
                } else {
                    *key = Some(v);
                }
            }
            Pending::Code(builder) => builder.accept(self, v)?,
        }
        Ok(())
    }

    fn too_deep(&self, at: usize) -> LoadError {
        LoadError::marshal(
            format!("marshal data nested deeper than {MAX_DEPTH} levels"),
            at,
        )
    }

    fn count_nodes(&mut self, n: usize, at: usize) -> Result<()> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > self.node_limit {
            return Err(LoadError::marshal(
                format!(
                    "marshal data expands to more than {} objects through its refs",
                    self.node_limit
                ),
                at,
            ));
        }
        Ok(())
    }
}

// Reading one object's own bytes.
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

    /// Reads the object whose bookkeeping `s` started: a complete value, or a container
    /// to push.
    fn begin(&mut self, s: Started) -> Result<Begun> {
        let tag = self.u8("a type code")?;
        let (code, _) = self.split_tag(tag);
        let v = self.opts.version;
        let base = self.items.len();
        let seq = |kind, len| Begun::Open(Pending::Seq { kind, len, base });
        Ok(Begun::Done(match code {
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
                // Interned strings are the names: decode each once, for every code object.
                let text = code_builder::decode_2x_name(&s);
                self.interned_names
                    .insert(Rc::as_ptr(&s) as *const u8, text);
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
            b'r' if v >= 3 => self.reference(s.depth)?,
            b'(' => return Ok(seq(SeqKind::Tuple, self.length("tuple", 1)?)),
            b')' if v >= 3 => {
                let n = self.u8("a small tuple length")? as usize;
                return Ok(seq(SeqKind::Tuple, n));
            }
            b'[' => return Ok(seq(SeqKind::List, self.length("list", 1)?)),
            b'<' => return Ok(seq(SeqKind::Set, self.length("set", 1)?)),
            b'>' => return Ok(seq(SeqKind::FrozenSet, self.length("frozenset", 1)?)),
            b':' if v >= 5 => return Ok(seq(SeqKind::Slice, 3)),
            b'{' => {
                return Ok(Begun::Open(Pending::Dict {
                    pairs: Vec::new(),
                    key: None,
                    ended: false,
                }))
            }
            b'c' => {
                return Ok(Begun::Open(Pending::Code(Box::new(CodeBuilder::new(
                    self.opts.layout,
                )))))
            }
            _ => {
                return Err(LoadError::marshal(
                    format!(
                        "bad marshal data (unknown type code {} for marshal version {v})",
                        show_type(tag)
                    ),
                    s.start,
                ))
            }
        }))
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

    /// `r`, read at nesting `depth`: the named object sits here, so its levels count from
    /// this depth and its objects count again.
    fn reference(&mut self, depth: usize) -> Result<Constant> {
        let at = self.pos;
        let i = self.i32("a ref index")?;
        let entry = match usize::try_from(i).ok().and_then(|i| self.refs.get(i)) {
            Some(Some(entry)) => entry,
            Some(None) => {
                return Err(LoadError::marshal(
                    format!("bad marshal data (ref {i} names an object still being read: cyclic data is not supported)"),
                    at,
                ))
            }
            None => {
                return Err(LoadError::marshal(
                    format!(
                        "bad marshal data (invalid reference {i}, {} refs so far)",
                        self.refs.len()
                    ),
                    at,
                ))
            }
        };
        let (value, height, size) = (entry.value.clone(), entry.height, entry.size);
        let reaches = depth + height - 1;
        if reaches > MAX_DEPTH {
            return Err(self.too_deep(at));
        }
        self.deepest = self.deepest.max(reaches);
        self.count_nodes(size - 1, at)?;
        Ok(value)
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
}
