//! The types that describe a CPython version's bytecode: what `codegen/` fills in from
//! `spec/*.toml` and what the loader, decoder, disassembler and VM read.
//!
//! Everything here is plain `'static` data so the generated tables are statics with no
//! start-up cost. Opcode names and numbers never appear in this file: they come from the
//! spec only.

/// Field order of a marshalled code object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeLayout {
    /// 2.x: argcount, nlocals, stacksize, flags, code, consts, names, varnames,
    /// freevars, cellvars, filename, name, firstlineno, lnotab.
    Py2,
    /// 3.0–3.7: as 2.x with kwonlyargcount after argcount.
    Py30,
    /// 3.8–3.9: posonlyargcount after argcount.
    Py38,
    /// 3.10: as 3.8, the lnotab slot holds the 3.10 line table.
    Py310,
    /// 3.11+: localsplus names and kinds, qualname, location and exception tables.
    Py311,
}

/// How instructions are laid out in `co_code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// ≤3.5: one opcode byte, then a 2-byte little-endian argument if op ≥ HAVE_ARGUMENT.
    Variable,
    /// 3.6+: every instruction is two bytes, opcode and argument.
    Wordcode,
}

/// Where a relative jump counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JumpBase {
    /// The start of the next instruction.
    Next,
    /// The end of the instruction's inline cache entries (3.11+).
    AfterCaches,
}

/// Format of the line-number table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineTable {
    /// ≤3.5 `co_lnotab`: unsigned (address, line) increments.
    Lnotab,
    /// 3.6–3.9 `co_lnotab`: line increments are signed bytes.
    LnotabSigned,
    /// 3.10 `co_linetable`: (byte delta, signed line delta), -128 = no line.
    Linetable,
    /// 3.11+ location table with columns.
    Locations,
}

/// How exceptions find their handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExceptionModel {
    /// SETUP_* instructions push blocks on a per-frame block stack (≤3.10).
    BlockStack,
    /// A per-code-object exception table (3.11+).
    Table,
}

/// What an instruction's argument means; see `spec/README.md` for each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgKind {
    None,
    Const,
    Name,
    Global,
    Attr,
    SuperAttr,
    Local,
    LocalPair,
    Free,
    Jrel,
    Jback,
    Jabs,
    Compare,
    BinaryOp,
    Count,
    Flags,
    FormatValue,
    ConvertValue,
    FuncAttr,
    Intrinsic1,
    Intrinsic2,
    ExtendedArg,
}

impl ArgKind {
    /// True for the kinds whose argument is a jump target.
    pub fn is_jump(self) -> bool {
        matches!(self, ArgKind::Jrel | ArgKind::Jback | ArgKind::Jabs)
    }
}

/// The .pyc container facts of one version: enough to recognise and read a file.
#[derive(Debug, Clone, Copy)]
pub struct PycFormat {
    /// "3.11"
    pub id: &'static str,
    /// (major, minor)
    pub major_minor: (u8, u8),
    /// The release's final magic number.
    pub magic: u16,
    /// Every magic number, interim ones included, that means this version.
    pub magic_range: (u16, u16),
    /// 8, 12 or 16.
    pub header_size: u8,
    pub marshal_version: u8,
    pub code_layout: CodeLayout,
}

/// A version xpython knows by its magic numbers but does not run.
#[derive(Debug, Clone, Copy)]
pub struct UnsupportedVersion {
    pub id: &'static str,
    pub magic_range: (u16, u16),
}

/// One opcode of one version, as the spec declares it.
#[derive(Debug, Clone, Copy)]
pub struct OpInfo {
    pub name: &'static str,
    pub num: u8,
    pub arg: ArgKind,
    /// Inline cache entries (code units) that follow the instruction (3.11+).
    pub cache: u8,
    /// The semantic handler that executes it.
    pub handler: crate::spec::Handler,
    /// Net stack effect when execution falls through.
    pub stack: fn(i64) -> i64,
    /// Net stack effect when the jump is taken (same as `stack` for non-jumps).
    pub stack_jump: fn(i64) -> i64,
    /// The formulas as written in the spec, for docs.
    pub stack_text: &'static str,
    pub stack_jump_text: Option<&'static str>,
    /// One line, starting with the stack picture `(in -- out)`.
    pub doc: &'static str,
    /// How many values it consumes, as its stack picture says.
    pub pops: Pops,
    /// Present in the interpreter's opmap but never in a compiled file.
    pub not_in_pyc: bool,
    /// An attribute load's handler when the decoder paired it with the call consuming its
    /// value, and a call's handler when its callable comes from such a load (method calls
    /// without bound-method objects, see `vm::method_calls`).
    pub method_load: Option<crate::spec::Handler>,
    pub method_call: Option<crate::spec::Handler>,
    /// For experimental opcodes: the handlers it runs in order, each with an operand formula.
    pub macro_steps: &'static [MacroStep],
}

/// How many values an instruction consumes, read by the generator from the stack
/// picture of its `doc` (`codegen/src/stack_picture.rs`).
#[derive(Debug, Clone, Copy)]
pub enum Pops {
    /// Exactly this many.
    Fixed(u8),
    /// This many plus a formula over `oparg` (`args[oparg]` in the picture).
    Counted(u8, fn(i64) -> i64),
    /// This many outputs minus the net stack effect.
    OutputsMinusEffect(u8),
    /// The picture does not say.
    Unknown,
}

impl OpInfo {
    /// The number of values the instruction with argument `oparg` consumes, when its
    /// stack picture says (`jumped`: the effect of the taken jump applies).
    pub fn consumed(&self, oparg: u32, jumped: bool) -> Option<usize> {
        match self.pops {
            Pops::Fixed(n) => Some(usize::from(n)),
            Pops::Counted(n, f) => usize::try_from(i64::from(n) + f(i64::from(oparg))).ok(),
            Pops::OutputsMinusEffect(m) => {
                let effect = if jumped { self.stack_jump } else { self.stack };
                usize::try_from(i64::from(m) - effect(i64::from(oparg))).ok()
            }
            Pops::Unknown => None,
        }
    }
}

/// One step of an experimental opcode's macro.
#[derive(Debug, Clone, Copy)]
pub struct MacroStep {
    pub handler: crate::spec::Handler,
    pub oparg: fn(i64) -> i64,
    pub oparg_text: &'static str,
}

/// Everything about one CPython minor version's bytecode.
#[derive(Debug)]
pub struct VersionSpec {
    pub format: PycFormat,
    pub inherits: Option<&'static str>,
    pub encoding: Encoding,
    pub have_argument: u8,
    pub extended_arg_shift: u8,
    pub jump_unit: u8,
    pub jump_base: JumpBase,
    pub linetable: LineTable,
    pub exceptions: ExceptionModel,
    pub compare_shift: u8,
    pub cmp_ops: &'static [&'static str],
    pub binary_ops: &'static [(&'static str, &'static str)],
    pub intrinsics_1: &'static [&'static str],
    pub intrinsics_2: &'static [&'static str],
    /// Opcodes CPython's `dis.stack_effect` refuses although they exist (NOP and
    /// EXTENDED_ARG in 3.6/3.7, INSTRUMENTED_LINE from 3.12).
    pub stack_effect_rejects: &'static [&'static str],
    /// Superinstructions: `(first, second, fused)` — an instruction running `first`
    /// followed by one running `second` may run as `fused`, one dispatch for both.
    pub superinstructions: &'static [(
        crate::spec::Handler,
        crate::spec::Handler,
        crate::spec::Handler,
    )],
    /// Indexed by opcode number.
    pub ops: &'static [Option<OpInfo>; 256],
    /// Opcode name → number.
    pub by_name: &'static phf::Map<&'static str, u8>,
}

impl VersionSpec {
    pub fn id(&self) -> &'static str {
        self.format.id
    }
    pub fn op(&self, num: u8) -> Option<&'static OpInfo> {
        self.ops[num as usize].as_ref()
    }
    pub fn op_by_name(&self, name: &str) -> Option<&'static OpInfo> {
        self.by_name.get(name).and_then(|&n| self.op(n))
    }
}
