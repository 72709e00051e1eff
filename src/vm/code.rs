//! The interpreter's code object: a loaded `pyc::CodeObject` decoded once into the
//! instructions the loop dispatches on, with constants turned into values, names
//! interned, jump targets and exception-table entries resolved to instruction indices,
//! and free-variable operands resolved to fast-slot indices.
//!
//! What the decoder keeps per instruction (offset, opcode, raw argument) stays beside the
//! instruction stream for tracebacks, tracing and `f_lasti`.

use super::{PyResult, Vm};
use crate::bytecode::decode::{decode, Instruction};
use crate::bytecode::exception_table::parse_exception_table;
use crate::bytecode::lines::{co_lines, LineRange};
use crate::object::{IntValue, ObjRef, Object, Payload, Value};
use crate::pyc::{CodeObject, Constant};
use crate::spec::{ArgKind, CodeLayout, Handler, VersionSpec};
use std::rc::Rc;

/// One instruction as the loop sees it: the semantic handler and its resolved operand.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub handler: Handler,
    /// The argument, resolved: jump targets are instruction indices, free-variable
    /// indices are fast-slot indices; everything else is the folded oparg.
    pub arg: u32,
}

/// A protected range of the 3.11+ exception table, in instruction indices.
#[derive(Clone, Copy, Debug)]
pub struct Handler311 {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

pub struct Code {
    pub version: &'static VersionSpec,
    /// The code object as loaded (names, line table, flags...).
    pub co: Rc<CodeObject>,
    pub instrs: Box<[Instr]>,
    /// For each instruction, the decoder's record (offset, opcode, raw argument).
    pub raw: Box<[Instruction]>,
    pub consts: Box<[Value]>,
    /// `co_names`, interned.
    pub names: Box<[ObjRef]>,
    /// Name of each fast slot (locals, then cells, then frees), interned.
    pub fast_names: Box<[ObjRef]>,
    /// Fast slots that hold cells (cell variables and free variables), from this index on.
    pub first_cell: usize,
    /// ≤3.10: (cell slot, argument slot) for cell variables that are also arguments.
    pub cell_args: Box<[(usize, usize)]>,
    /// Cells created at frame start (≤3.10: all cellvars; 3.11+: none, MAKE_CELL does it).
    pub cells_at_start: Box<[usize]>,
    /// Free-variable slots, filled from the function's closure at frame start (≤3.10) or
    /// by COPY_FREE_VARS (3.11+).
    pub free_slots: Box<[usize]>,
    pub exception_table: Box<[Handler311]>,
    pub lines: Box<[LineRange]>,
    /// LOAD_GLOBAL's hint for each of `names` (see `globals_cache`).
    pub global_hints: super::globals_cache::GlobalHints,
    /// LOAD_ATTR/STORE_ATTR/LOAD_METHOD's hint for each of `names` (see `attr_hints`).
    pub attr_hints: super::attr_hints::AttrHints,
    /// `Some(co_argcount)` when a call passing exactly that many positional arguments
    /// binds nothing else: no `*args`/`**kwargs`, no keyword-only parameters, no cells or
    /// free variables set up before the first instruction (`Vm::plain_call_frame`).
    pub plain_argcount: Option<usize>,
    /// The Python code object of this code while one is alive (see `code_object`).
    object: std::cell::RefCell<std::rc::Weak<Object>>,
}

/// The Python code object of `code`: the one that exists (the constant it was loaded
/// as, say), so that `f.__code__ is f.__code__` as in CPython; a new one otherwise.
pub fn code_object(vm: &Vm, code: Rc<Code>) -> ObjRef {
    if let Some(o) = code.object.borrow().upgrade() {
        return o;
    }
    let o = Object::new(vm.types.code.clone(), Payload::Code(code.clone()));
    *code.object.borrow_mut() = Rc::downgrade(&o);
    o
}

/// Why a code object cannot be run.
pub fn decode_error(co: &CodeObject, message: String) -> String {
    format!("{}: code object '{}': {message}", co.filename, co.name)
}

impl Code {
    /// Decodes `co` (and, through its constants, every nested code object).
    pub fn new(vm: &mut Vm, co: &Rc<CodeObject>) -> Result<Rc<Code>, String> {
        let version = vm.version;
        let raw = decode(version, &co.code).map_err(|e| decode_error(co, e.message()))?;
        let layout = version.format.code_layout;

        // Fast slots: ≤3.10 varnames + cellvars + freevars; 3.11+ localsplus.
        let (fast_names, first_cell, cells_at_start, free_slots, cell_args) =
            if layout == CodeLayout::Py311 {
                let names: Vec<ObjRef> = co.localsplus_names.iter().map(|n| vm.intern(n)).collect();
                let kinds = &co.localsplus_kinds;
                let first_cell = kinds
                    .iter()
                    .position(|k| k & (crate::pyc::CO_FAST_CELL | crate::pyc::CO_FAST_FREE) != 0);
                let frees: Vec<usize> = (0..kinds.len())
                    .filter(|&i| kinds[i] & crate::pyc::CO_FAST_FREE != 0)
                    .collect();
                (
                    names,
                    first_cell.unwrap_or(kinds.len()),
                    Vec::new(),
                    frees,
                    Vec::new(),
                )
            } else {
                let mut names: Vec<ObjRef> = co.varnames.iter().map(|n| vm.intern(n)).collect();
                let nlocals = names.len();
                names.extend(co.cellvars.iter().map(|n| vm.intern(n)));
                names.extend(co.freevars.iter().map(|n| vm.intern(n)));
                let ncells = co.cellvars.len();
                let cells: Vec<usize> = (nlocals..nlocals + ncells).collect();
                let frees: Vec<usize> = (nlocals + ncells..names.len()).collect();
                let nargs = (co.argcount
                    + co.kwonlyargcount
                    + u32::from(co.flags & super::call::CO_VARARGS != 0)
                    + u32::from(co.flags & super::call::CO_VARKEYWORDS != 0))
                    as usize;
                let cell_args: Vec<(usize, usize)> = co
                    .cellvars
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| {
                        co.varnames[..nargs.min(nlocals)]
                            .iter()
                            .position(|v| v == c)
                            .map(|a| (nlocals + i, a))
                    })
                    .collect();
                (names, nlocals, cells, frees, cell_args)
            };

        // Instructions: EXTENDED_ARG folded away, jumps to instruction indices.
        let kept: Vec<&Instruction> = raw.iter().filter(|i| !i.is_extended_arg()).collect();
        let offsets: Vec<u32> = kept.iter().map(|i| i.offset).collect();
        let index_of = |offset: u32| -> u32 { offsets.partition_point(|&o| o < offset) as u32 };
        let deref_base = if layout == CodeLayout::Py311 {
            0
        } else {
            first_cell as u32
        };
        let mut instrs: Vec<Instr> = kept
            .iter()
            .map(|i| {
                let arg = match i.op.arg {
                    ArgKind::Jrel | ArgKind::Jback | ArgKind::Jabs => {
                        index_of(i.target.unwrap_or(0))
                    }
                    ArgKind::Free => deref_base + i.oparg(),
                    _ => i.oparg(),
                };
                Instr {
                    handler: i.op.handler,
                    arg,
                }
            })
            .collect();

        check_operands(co, &instrs, &kept, fast_names.len(), first_cell, layout)?;
        let raw: Box<[Instruction]> = kept.into_iter().copied().collect();
        // Traces show the machine as the bytecode describes it, so a traced run keeps
        // the plain forms.
        if vm.tracer.is_none() {
            super::method_calls::pair_method_calls(&mut instrs, &raw);
            super::superinstructions::fuse(&mut instrs, version);
        }
        let exception_table = parse_exception_table(&co.exceptiontable)
            .map_err(|e| decode_error(co, e.to_string()))?
            .into_iter()
            .map(|e| Handler311 {
                start: index_of(e.start),
                end: index_of(e.end),
                target: index_of(e.target),
                depth: e.depth,
                lasti: e.lasti,
            })
            .collect();
        let lines = co_lines(version, &co.linetable, co.firstlineno, co.code.len());

        let mut consts = Vec::with_capacity(co.consts.len());
        for c in co.consts.iter() {
            consts.push(constant_value(vm, c)?);
        }
        let names: Box<[ObjRef]> = co.names.iter().map(|n| vm.intern(n)).collect();
        let global_hints = super::globals_cache::hints_for(names.len());
        let attr_hints = super::attr_hints::hints_for(names.len());
        let binds_more = co.flags & (super::call::CO_VARARGS | super::call::CO_VARKEYWORDS) != 0
            || co.kwonlyargcount != 0
            || !cells_at_start.is_empty()
            || (layout != CodeLayout::Py311 && !free_slots.is_empty())
            || co.argcount as usize > fast_names.len();
        let plain_argcount = (!binds_more).then_some(co.argcount as usize);
        Ok(Rc::new(Code {
            version,
            co: co.clone(),
            instrs: instrs.into_boxed_slice(),
            raw,
            consts: consts.into_boxed_slice(),
            names,
            fast_names: fast_names.into_boxed_slice(),
            first_cell,
            cell_args: cell_args.into_boxed_slice(),
            cells_at_start: cells_at_start.into_boxed_slice(),
            free_slots: free_slots.into_boxed_slice(),
            exception_table,
            lines: lines.into_boxed_slice(),
            global_hints,
            attr_hints,
            plain_argcount,
            object: Default::default(),
        }))
    }

    pub fn nfast(&self) -> usize {
        self.fast_names.len()
    }

    pub fn flags(&self) -> u32 {
        self.co.flags
    }

    /// The source line of instruction `index` (None where the code has no line).
    pub fn line_of(&self, index: usize) -> Option<i32> {
        let offset = self.raw.get(index)?.offset;
        crate::bytecode::lines::line_at(&self.lines, offset)
    }

    /// The 3.11+ handler covering instruction `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&Handler311> {
        self.exception_table
            .iter()
            .find(|h| h.start <= index && index < h.end)
    }
}

/// Checks once, at decoding, that every operand indexes what it names (constants, names,
/// fast slots, jump targets), so handlers can index without checks and bad bytecode is a
/// clear error instead of a panic.
fn check_operands(
    co: &CodeObject,
    instrs: &[Instr],
    raw: &[&Instruction],
    nfast: usize,
    first_cell: usize,
    layout: CodeLayout,
) -> Result<(), String> {
    let nargs = co.argcount as usize
        + co.kwonlyargcount as usize
        + usize::from(co.flags & super::call::CO_VARARGS != 0)
        + usize::from(co.flags & super::call::CO_VARKEYWORDS != 0);
    // 3.11+: `nlocals` counts the CO_FAST_LOCAL entries of localsplus (arguments first).
    let nlocals = if layout == CodeLayout::Py311 {
        (co.nlocals as usize).min(nfast)
    } else {
        co.varnames.len()
    };
    if nargs > nlocals || co.posonlyargcount > co.argcount {
        return Err(decode_error(
            co,
            format!("{nargs} parameters but {nlocals} local variables"),
        ));
    }
    for (i, ins) in raw.iter().enumerate() {
        let arg = ins.oparg() as usize;
        let bad = |what: &str, limit: usize| {
            decode_error(
                co,
                format!(
                    "{} at byte {} refers to {what} {arg} of {limit}",
                    ins.op.name, ins.offset
                ),
            )
        };
        match ins.op.arg {
            ArgKind::Const if arg >= co.consts.len() => {
                return Err(bad("constant", co.consts.len()))
            }
            ArgKind::Name if arg >= co.names.len() => return Err(bad("name", co.names.len())),
            ArgKind::Global | ArgKind::Attr if arg >> 1 >= co.names.len() => {
                return Err(bad("name", co.names.len()))
            }
            ArgKind::SuperAttr if arg >> 2 >= co.names.len() => {
                return Err(bad("name", co.names.len()))
            }
            ArgKind::Local if arg >= nfast => return Err(bad("local", nfast)),
            ArgKind::LocalPair if (arg >> 4) >= nfast || (arg & 15) >= nfast => {
                return Err(bad("local", nfast))
            }
            ArgKind::Free => {
                let slot = if layout == CodeLayout::Py311 {
                    arg
                } else {
                    first_cell + arg
                };
                if slot >= nfast {
                    return Err(bad("cell", nfast.saturating_sub(first_cell)));
                }
            }
            ArgKind::Jrel | ArgKind::Jback | ArgKind::Jabs
                if instrs[i].arg as usize > instrs.len() =>
            {
                return Err(bad("jump target", instrs.len()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A marshalled constant as a runtime value.
pub fn constant_value(vm: &mut Vm, c: &Constant) -> Result<Value, String> {
    let py = |r: PyResult<Value>| r.map_err(|_| "a constant could not be built".to_string());
    Ok(match c {
        Constant::Null => Value::Null,
        Constant::None => Value::None,
        Constant::Bool(b) => Value::bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::Long(b) if crate::vm::flavour::python2_builtins(vm.version) => {
            let v = vm.new_int_big(b.as_ref().clone());
            crate::builtins::py2::long::to_long(vm, v)
        }
        Constant::BigInt(b) | Constant::Long(b) => vm.new_int_big(b.as_ref().clone()),
        Constant::Float(f) => Value::float(*f),
        Constant::Complex(re, im) => Value::Obj(Object::new(
            vm.types.complex.clone(),
            Payload::Complex(*re, *im),
        )),
        Constant::Str(s) if crate::vm::flavour::marshal_bytes_are_str(vm.version) => {
            crate::builtins::py2::text::new_unicode(vm, s)
        }
        Constant::Str(s) => Value::Obj(vm.intern(s)),
        Constant::Bytes(b) if crate::vm::flavour::marshal_bytes_are_str(vm.version) => {
            Value::Obj(vm.intern(&crate::builtins::py2::text::latin1_text(b)))
        }
        Constant::SurrogateStr(bytes) => {
            let points: Vec<u32> = crate::pyc::code_points(bytes).collect();
            Value::Obj(Object::new(
                vm.types.str_.clone(),
                Payload::Str(crate::object::PyStr::from_code_points(&points)),
            ))
        }
        Constant::Bytes(b) => Value::Obj(Object::new(
            vm.types.bytes.clone(),
            Payload::Bytes(b.to_vec().into()),
        )),
        Constant::Ellipsis => vm.ellipsis(),
        Constant::StopIteration => Value::Obj(vm.types.exc.stop_iteration.clone()),
        Constant::Tuple(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items.iter() {
                v.push(constant_value(vm, i)?);
            }
            vm.new_tuple(v)
        }
        Constant::List(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items.iter() {
                v.push(constant_value(vm, i)?);
            }
            vm.new_list(v)
        }
        Constant::Dict(items) => {
            let d = vm.new_dict();
            for (k, v) in items.iter() {
                let (k, v) = (constant_value(vm, k)?, constant_value(vm, v)?);
                vm.dict_set(&d, k, v)
                    .map_err(|_| "an unhashable dict key constant".to_string())?;
            }
            Value::Obj(d)
        }
        Constant::Set(items) | Constant::FrozenSet(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items.iter() {
                v.push(constant_value(vm, i)?);
            }
            let frozen = matches!(c, Constant::FrozenSet(_));
            py(vm.new_set_from(v, frozen))?
        }
        Constant::Code(inner) => {
            let code = Code::new(vm, inner)?;
            Value::Obj(code_object(vm, code))
        }
        Constant::Slice(parts) => {
            let [a, b, s] = &**parts;
            let parts = [
                constant_value(vm, a)?,
                constant_value(vm, b)?,
                constant_value(vm, s)?,
            ];
            Value::Obj(Object::new(
                vm.types.slice.clone(),
                Payload::Slice(Box::new(parts)),
            ))
        }
    })
}

impl Vm {
    /// An int value from a big integer (inline when it fits in i64).
    pub fn new_int_big(&self, b: num_bigint::BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(Object::new(
                self.types.big_int.clone(),
                Payload::Int(IntValue::Big(Rc::new(b))),
            )),
        }
    }

    /// The Ellipsis singleton.
    pub fn ellipsis(&self) -> Value {
        self.singletons.ellipsis.clone()
    }

    /// A set or frozenset of `items` (in insertion order, hashed as CPython does).
    pub fn new_set_from(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let set = Object::new(
            self.types.set.clone(),
            Payload::new_set(crate::object::SetData::new()),
        );
        for i in items {
            self.set_add(&set, i)?;
        }
        if !frozen {
            return Ok(Value::Obj(set));
        }
        let data = match &set.payload {
            Payload::Set(cell) => cell.get(),
            _ => crate::object::SetData::new(),
        };
        Ok(Value::Obj(Object::new(
            self.types.frozenset.clone(),
            Payload::FrozenSet(Box::new(data)),
        )))
    }
}
