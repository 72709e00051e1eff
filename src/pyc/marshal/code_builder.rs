//! Code objects in the marshal stream: the field order of each [`CodeLayout`], and a builder
//! that collects the fields one by one as the reader delivers them.
//!
//! The reader is iterative (an explicit stack, see the parent module), so a code object
//! under construction is a [`CodeBuilder`] on that stack: it asks for its next field,
//! reads int32 fields inline, and receives object fields as the reader completes them,
//! checking each one's type at once so that an error points at the field's first byte.

use super::Reader;
use crate::pyc::code::{CodeObject, Constant, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use crate::pyc::error::LoadError;
use crate::pyc::text;
use crate::spec::CodeLayout;
use std::rc::Rc;

/// One field of a marshalled code object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    ArgCount,
    PosOnlyArgCount,
    KwOnlyArgCount,
    NLocals,
    StackSize,
    Flags,
    Code,
    Consts,
    Names,
    VarNames,
    FreeVars,
    CellVars,
    LocalsPlusNames,
    LocalsPlusKinds,
    FileName,
    Name,
    QualName,
    FirstLineNo,
    LineTable,
    ExceptionTable,
}

use Field::*;

const PY2: &[Field] = &[
    ArgCount,
    NLocals,
    StackSize,
    Flags,
    Code,
    Consts,
    Names,
    VarNames,
    FreeVars,
    CellVars,
    FileName,
    Name,
    FirstLineNo,
    LineTable,
];
const PY30: &[Field] = &[
    ArgCount,
    KwOnlyArgCount,
    NLocals,
    StackSize,
    Flags,
    Code,
    Consts,
    Names,
    VarNames,
    FreeVars,
    CellVars,
    FileName,
    Name,
    FirstLineNo,
    LineTable,
];
/// 3.8–3.10 (3.10's line table sits where the lnotab was).
const PY38: &[Field] = &[
    ArgCount,
    PosOnlyArgCount,
    KwOnlyArgCount,
    NLocals,
    StackSize,
    Flags,
    Code,
    Consts,
    Names,
    VarNames,
    FreeVars,
    CellVars,
    FileName,
    Name,
    FirstLineNo,
    LineTable,
];
const PY311: &[Field] = &[
    ArgCount,
    PosOnlyArgCount,
    KwOnlyArgCount,
    StackSize,
    Flags,
    Code,
    Consts,
    Names,
    LocalsPlusNames,
    LocalsPlusKinds,
    FileName,
    Name,
    QualName,
    FirstLineNo,
    LineTable,
    ExceptionTable,
];

pub(super) fn fields(layout: CodeLayout) -> &'static [Field] {
    match layout {
        CodeLayout::Py2 => PY2,
        CodeLayout::Py30 => PY30,
        CodeLayout::Py38 | CodeLayout::Py310 => PY38,
        CodeLayout::Py311 => PY311,
    }
}

impl Field {
    /// The CPython attribute name, for messages.
    fn name(self, layout: CodeLayout) -> &'static str {
        match self {
            ArgCount => "co_argcount",
            PosOnlyArgCount => "co_posonlyargcount",
            KwOnlyArgCount => "co_kwonlyargcount",
            NLocals => "co_nlocals",
            StackSize => "co_stacksize",
            Flags => "co_flags",
            Code => "co_code",
            Consts => "co_consts",
            Names => "co_names",
            VarNames => "co_varnames",
            FreeVars => "co_freevars",
            CellVars => "co_cellvars",
            LocalsPlusNames => "co_localsplusnames",
            LocalsPlusKinds => "co_localspluskinds",
            FileName => "co_filename",
            Name => "co_name",
            QualName => "co_qualname",
            FirstLineNo => "co_firstlineno",
            LineTable if matches!(layout, CodeLayout::Py310 | CodeLayout::Py311) => "co_linetable",
            LineTable => "co_lnotab",
            ExceptionTable => "co_exceptiontable",
        }
    }

    /// True for the int32 fields, read inline rather than as objects.
    fn is_int(self) -> bool {
        matches!(
            self,
            ArgCount | PosOnlyArgCount | KwOnlyArgCount | NLocals | StackSize | Flags | FirstLineNo
        )
    }
}

type Names = Rc<[Rc<str>]>;

/// A code object whose fields are still arriving.
pub(super) struct CodeBuilder {
    layout: CodeLayout,
    /// Index of the next field in `fields(layout)`.
    next: usize,
    /// Where the object field being read began, for type errors.
    pub(super) field_start: usize,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    nlocals: u32,
    stacksize: u32,
    flags: u32,
    firstlineno: i32,
    code: Option<Rc<[u8]>>,
    consts: Option<Rc<[Constant]>>,
    names: Option<Names>,
    varnames: Option<Names>,
    freevars: Option<Names>,
    cellvars: Option<Names>,
    localsplus_names: Option<Names>,
    localsplus_kinds: Option<Rc<[u8]>>,
    filename: Option<Rc<str>>,
    name: Option<Rc<str>>,
    qualname: Option<Rc<str>>,
    linetable: Option<Rc<[u8]>>,
    exceptiontable: Option<Rc<[u8]>>,
}

impl CodeBuilder {
    pub(super) fn new(layout: CodeLayout) -> Self {
        CodeBuilder {
            layout,
            next: 0,
            field_start: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            nlocals: 0,
            stacksize: 0,
            flags: 0,
            firstlineno: 0,
            code: None,
            consts: None,
            names: None,
            varnames: None,
            freevars: None,
            cellvars: None,
            localsplus_names: None,
            localsplus_kinds: None,
            filename: None,
            name: None,
            qualname: None,
            linetable: None,
            exceptiontable: None,
        }
    }

    /// Reads the int32 fields due next. Returns true when an object field is due (the
    /// reader must read one and [`accept`](Self::accept) it), false when the code object is
    /// complete.
    pub(super) fn read_ints(&mut self, r: &mut Reader<'_>) -> Result<bool, LoadError> {
        let order = fields(self.layout);
        while let Some(&field) = order.get(self.next) {
            if !field.is_int() {
                self.field_start = r.pos;
                return Ok(true);
            }
            let name = field.name(self.layout);
            let at = r.pos;
            let v = r.i32(name)?;
            let count = || {
                u32::try_from(v).map_err(|_| {
                    LoadError::marshal(format!("bad marshal data ({name} is negative: {v})"), at)
                })
            };
            match field {
                ArgCount => self.argcount = count()?,
                PosOnlyArgCount => self.posonlyargcount = count()?,
                KwOnlyArgCount => self.kwonlyargcount = count()?,
                NLocals => self.nlocals = count()?,
                StackSize => self.stacksize = count()?,
                Flags => self.flags = v as u32,
                _ => self.firstlineno = v,
            }
            self.next += 1;
        }
        Ok(false)
    }

    /// Takes the object read for the current field, checking its type.
    pub(super) fn accept(&mut self, r: &Reader<'_>, v: Constant) -> Result<(), LoadError> {
        let field = fields(self.layout)[self.next];
        let name_of = |v: &Constant| name_of(v, r);
        let wrong = |expected: &str, v: &Constant| {
            LoadError::marshal(
                format!(
                    "bad marshal data ({} must be {expected}, found {})",
                    field.name(self.layout),
                    super::describe(v)
                ),
                self.field_start,
            )
        };
        let bytes = |v: Constant| match v {
            Constant::Bytes(b) => Ok(b),
            other => Err(wrong("bytes", &other)),
        };
        let text = |v: Constant| name_of(&v).ok_or_else(|| wrong("a str", &v));
        let names = |v: Constant| -> Result<Names, LoadError> {
            let Constant::Tuple(items) = v else {
                return Err(wrong("a tuple", &v));
            };
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    name_of(item).ok_or_else(|| {
                        LoadError::marshal(
                            format!(
                                "bad marshal data ({}[{i}] must be a str, found {})",
                                field.name(self.layout),
                                super::describe(item)
                            ),
                            self.field_start,
                        )
                    })
                })
                .collect()
        };
        match field {
            Code => self.code = Some(bytes(v)?),
            Consts => match v {
                Constant::Tuple(t) => self.consts = Some(t),
                other => return Err(wrong("a tuple", &other)),
            },
            Names => self.names = Some(names(v)?),
            VarNames => self.varnames = Some(names(v)?),
            FreeVars => self.freevars = Some(names(v)?),
            CellVars => self.cellvars = Some(names(v)?),
            LocalsPlusNames => self.localsplus_names = Some(names(v)?),
            LocalsPlusKinds => {
                let kinds = bytes(v)?;
                let n = self.localsplus_names.as_ref().map_or(0, |n| n.len());
                if kinds.len() != n {
                    return Err(LoadError::marshal(
                        format!(
                            "bad marshal data (co_localsplusnames has {n} names but co_localspluskinds {} kinds)",
                            kinds.len()
                        ),
                        self.field_start,
                    ));
                }
                self.localsplus_kinds = Some(kinds);
            }
            FileName => self.filename = Some(text(v)?),
            Name => self.name = Some(text(v)?),
            QualName => self.qualname = Some(text(v)?),
            LineTable => self.linetable = Some(bytes(v)?),
            ExceptionTable => self.exceptiontable = Some(bytes(v)?),
            // Int fields are read inline by `read_ints` and never delivered here.
            _ => {
                return Err(LoadError::marshal(
                    "internal error: an int field was delivered as an object",
                    self.field_start,
                ))
            }
        }
        self.next += 1;
        Ok(())
    }

    /// The finished code object; every field of the layout has been read.
    pub(super) fn finish(self) -> CodeObject {
        let empty_names = || -> Names { Rc::new([]) };
        let empty_bytes = || -> Rc<[u8]> { Rc::new([]) };
        let name = self.name.unwrap_or_else(|| Rc::from(""));
        let (mut varnames, mut cellvars, mut freevars) = (
            self.varnames.unwrap_or_else(empty_names),
            self.cellvars.unwrap_or_else(empty_names),
            self.freevars.unwrap_or_else(empty_names),
        );
        let localsplus_names = self.localsplus_names.unwrap_or_else(empty_names);
        let localsplus_kinds = self.localsplus_kinds.unwrap_or_else(empty_bytes);
        let mut nlocals = self.nlocals;
        if self.layout == CodeLayout::Py311 {
            let select = |bit: u8| -> Names {
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
        }
        CodeObject {
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            nlocals,
            stacksize: self.stacksize,
            flags: self.flags,
            code: self.code.unwrap_or_else(empty_bytes),
            consts: self.consts.unwrap_or_else(|| Rc::new([])),
            names: self.names.unwrap_or_else(empty_names),
            varnames,
            cellvars,
            freevars,
            localsplus_names,
            localsplus_kinds,
            filename: self.filename.unwrap_or_else(|| Rc::from("")),
            qualname: self.qualname.unwrap_or_else(|| name.clone()),
            name,
            firstlineno: self.firstlineno,
            linetable: self.linetable.unwrap_or_else(empty_bytes),
            exceptiontable: self.exceptiontable.unwrap_or_else(empty_bytes),
        }
    }
}

/// Text as a Rust string: a 3.x str (surrogates become U+FFFD) or a 2.x str (bytes,
/// decoded as UTF-8, invalid bytes becoming U+FFFD; interned ones were decoded already).
fn name_of(v: &Constant, r: &Reader<'_>) -> Option<Rc<str>> {
    match v {
        Constant::Str(s) if !r.py2 => Some(s.clone()),
        Constant::SurrogateStr(b) if !r.py2 => Some(text::lossy(b)),
        Constant::Bytes(b) if r.py2 => {
            Some(match r.interned_names.get(&(Rc::as_ptr(b) as *const u8)) {
                Some(name) => name.clone(),
                None => decode_2x_name(b),
            })
        }
        _ => None,
    }
}

/// A 2.x str used as a name: UTF-8, invalid bytes becoming U+FFFD.
pub(super) fn decode_2x_name(b: &[u8]) -> Rc<str> {
    match std::str::from_utf8(b) {
        Ok(s) => Rc::from(s),
        Err(_) => Rc::from(String::from_utf8_lossy(b).as_ref()),
    }
}
