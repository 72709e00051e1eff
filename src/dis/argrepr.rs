//! What `dis` shows for an instruction's argument: `argval` (as its Python `repr`) and
//! `argrepr`, for each [`ArgKind`] and each version's `dis` rules ([`Style`]).
//!
//! Opcodes are told apart by their [`ArgKind`] only, with three exceptions keyed on the
//! semantic [`Handler`] because no kind separates them: `MAKE_FUNCTION`'s flag names
//! (3.8–3.12; `CALL_FUNCTION_EX`'s flags are not named), 3.11's rule that only
//! `LOAD_CONST` resolves its constant (`KW_NAMES` is `const` too), and 3.4–3.5's
//! "N positional, M keyword pair" of the `CALL_FUNCTION*` family.

use super::model::CodeAddresses;
use super::style::Style;
use crate::bytecode::Instruction;
use crate::pyc::{CodeObject, Constant};
use crate::spec::{ArgKind, CodeLayout, Handler, VersionSpec};

/// `MAKE_FUNCTION` (3.6–3.12) and `SET_FUNCTION_ATTRIBUTE` (3.13) flag names, bit 0 first.
const FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];
/// `FORMAT_VALUE` / `CONVERT_VALUE` conversions: (repr of the converter, name).
const CONVERTERS: [(&str, &str); 4] = [
    ("None", ""),
    ("<class 'str'>", "str"),
    ("<built-in function repr>", "repr"),
    ("<built-in function ascii>", "ascii"),
];

/// The resolved argument of one instruction.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// `repr(argval)`.
    pub argval: String,
    /// `argrepr`.
    pub argrepr: String,
    /// 2.x/3.0–3.3 print `(argrepr)` whenever the opcode is in one of the `has*` lists,
    /// even when the text is empty; later versions only when it is not empty.
    pub has_repr: bool,
}

/// Everything argument resolution needs besides the instruction.
pub struct ArgContext<'a> {
    pub spec: &'static VersionSpec,
    pub style: &'a Style,
    pub code: &'a CodeObject,
    pub names: &'a CodeAddresses,
    /// 3.13: byte offset → label number.
    pub label_of: &'a dyn Fn(u32) -> Option<usize>,
}

/// Python `repr()` of an int, with 2.x's `L` for longs.
pub fn int_repr(v: i64, long: bool) -> String {
    if long {
        format!("{v}L")
    } else {
        v.to_string()
    }
}

impl ArgContext<'_> {
    fn version(&self) -> (u8, u8) {
        self.style.major_minor
    }

    /// `repr()` of a name (a `str` of that version).
    pub fn name_repr(&self, name: &str) -> String {
        if self.style.is_py2() {
            Constant::Bytes(name.as_bytes().into()).repr(self.version())
        } else {
            Constant::Str(name.into()).repr(self.version())
        }
    }

    /// `repr()` of a constant; code objects get our stable address.
    pub fn const_repr(&self, c: &Constant) -> String {
        match c {
            Constant::Code(code) => self.names.code_repr(code, self.style),
            other => other.repr(self.version()),
        }
    }

    fn name(&self, idx: u32) -> Result<&str, String> {
        self.code
            .names
            .get(idx as usize)
            .map(|s| &**s)
            .ok_or_else(|| format!("name index {idx} out of range"))
    }

    /// A local (`local`, `local_pair`) or cell/free (`free`) variable name.
    fn var(&self, idx: u32, free: bool) -> Result<String, String> {
        let c = self.code;
        let found = if self.spec.format.code_layout == CodeLayout::Py311 {
            c.localsplus_names.get(idx as usize).map(|s| s.to_string())
        } else if free {
            let i = idx as usize;
            c.cellvars
                .get(i)
                .or_else(|| c.freevars.get(i.wrapping_sub(c.cellvars.len())))
                .map(|s| s.to_string())
        } else {
            c.varnames.get(idx as usize).map(|s| s.to_string())
        };
        found.ok_or_else(|| format!("variable index {idx} out of range"))
    }

    fn pick<'t>(table: &'t [&'t str], idx: u32, what: &str) -> Result<&'t str, String> {
        table
            .get(idx as usize)
            .copied()
            .ok_or_else(|| format!("{what} index {idx} out of range"))
    }

    /// "NULL + name" (3.11, 3.12) or "name + NULL" (3.13), when `flag` is set.
    fn with_null(&self, name: &str, flag: bool, null: &str) -> String {
        if !flag {
            name.to_string()
        } else if self.style.null_after_name {
            format!("{name} + {null}")
        } else {
            format!("{null} + {name}")
        }
    }

    /// Resolves the argument `arg` of `ins`; `long` marks a 2.x argument that follows
    /// EXTENDED_ARG. `arg_shown` is the argument as `dis` holds it (signed from 3.12).
    pub fn resolve(&self, ins: &Instruction, arg: u32, long: bool) -> Result<Resolved, String> {
        let st = self.style;
        let arg_shown = if st.signed_arg {
            i64::from(arg as i32)
        } else {
            i64::from(arg)
        };
        let plain = Resolved {
            argval: int_repr(arg_shown, long),
            argrepr: String::new(),
            has_repr: false,
        };
        let both = |s: String| Resolved {
            argval: s.clone(),
            argrepr: s,
            has_repr: true,
        };
        let named = |name: &str, argrepr: String| Resolved {
            argval: self.name_repr(name),
            argrepr,
            has_repr: true,
        };
        let op = ins.op;
        Ok(match op.arg {
            _ if st.make_function_flags && is_make_function_flags(op.handler) => Resolved {
                argrepr: flag_names(arg),
                ..plain
            },
            ArgKind::None | ArgKind::Count | ArgKind::ExtendedArg => {
                if st.call_nargs && is_call_nargs(op.handler) {
                    let raw = arg & 0xffff;
                    Resolved {
                        argrepr: format!("{} positional, {} keyword pair", raw & 0xff, raw >> 8),
                        ..plain
                    }
                } else {
                    plain
                }
            }
            ArgKind::Const => {
                if st.const_only_load_const && op.handler != Handler::LoadConst {
                    Resolved {
                        argval: "<unknown>".into(),
                        argrepr: String::new(),
                        has_repr: true,
                    }
                } else {
                    let c = self
                        .code
                        .consts
                        .get(arg as usize)
                        .ok_or_else(|| format!("constant index {arg} out of range"))?;
                    both(self.const_repr(c))
                }
            }
            ArgKind::Name => {
                let n = self.name(arg)?;
                named(n, n.to_string())
            }
            ArgKind::Global => {
                let n = self.name(arg >> 1)?;
                named(n, self.with_null(n, arg & 1 != 0, "NULL"))
            }
            ArgKind::Attr => {
                let n = self.name(arg >> 1)?;
                named(n, self.with_null(n, arg & 1 != 0, "NULL|self"))
            }
            ArgKind::SuperAttr => {
                let n = self.name(arg >> 2)?;
                named(n, self.with_null(n, arg & 1 != 0, "NULL|self"))
            }
            ArgKind::Local | ArgKind::Free => {
                let n = self.var(arg, op.arg == ArgKind::Free)?;
                named(&n, n.clone())
            }
            ArgKind::LocalPair => {
                let a = self.var(arg >> 4, false)?;
                let b = self.var(arg & 15, false)?;
                Resolved {
                    argval: format!("({}, {})", self.name_repr(&a), self.name_repr(&b)),
                    argrepr: format!("{a}, {b}"),
                    has_repr: true,
                }
            }
            ArgKind::Jrel | ArgKind::Jback | ArgKind::Jabs => {
                let target = ins.target.unwrap_or(0);
                let argval = int_repr(i64::from(target), long);
                let argrepr = if let Some(label) = (self.label_of)(target) {
                    format!("to L{label}")
                } else if op.arg != ArgKind::Jabs || st.jabs_to {
                    format!("to {argval}")
                } else {
                    return Ok(plain);
                };
                Resolved {
                    argval,
                    argrepr,
                    has_repr: true,
                }
            }
            ArgKind::Compare => {
                let idx = arg >> self.spec.compare_shift;
                let name = Self::pick(self.spec.cmp_ops, idx, "comparison")?;
                let argrepr = if st.compare_bool_bit
                    && self.spec.compare_shift > 0
                    && arg & (1 << (self.spec.compare_shift - 1)) != 0
                {
                    format!("bool({name})")
                } else {
                    name.to_string()
                };
                Resolved {
                    argval: self.name_repr(name),
                    argrepr,
                    has_repr: true,
                }
            }
            ArgKind::BinaryOp => {
                let (_, sym) = self
                    .spec
                    .binary_ops
                    .get(arg as usize)
                    .ok_or_else(|| format!("binary operator index {arg} out of range"))?;
                Resolved {
                    argrepr: sym.to_string(),
                    ..plain
                }
            }
            ArgKind::Intrinsic1 | ArgKind::Intrinsic2 => {
                let table = if op.arg == ArgKind::Intrinsic1 {
                    self.spec.intrinsics_1
                } else {
                    self.spec.intrinsics_2
                };
                Resolved {
                    argrepr: Self::pick(table, arg, "intrinsic")?.to_string(),
                    ..plain
                }
            }
            ArgKind::Flags => plain,
            ArgKind::FuncAttr => Resolved {
                argrepr: flag_names(arg),
                ..plain
            },
            ArgKind::FormatValue => {
                let (conv, name) = CONVERTERS[(arg & 3) as usize];
                let with_spec = arg & 4 != 0;
                let mut argrepr = name.to_string();
                if with_spec {
                    if !argrepr.is_empty() {
                        argrepr.push_str(", ");
                    }
                    argrepr.push_str("with format");
                }
                let flag = if with_spec { "True" } else { "False" };
                Resolved {
                    argval: format!("({conv}, {flag})"),
                    argrepr,
                    has_repr: true,
                }
            }
            ArgKind::ConvertValue => {
                let (conv, name) = *CONVERTERS
                    .get(arg as usize)
                    .ok_or_else(|| format!("conversion {arg} out of range"))?;
                Resolved {
                    argval: conv.to_string(),
                    argrepr: name.to_string(),
                    has_repr: true,
                }
            }
        })
    }
}

/// The `CALL_FUNCTION*` family whose ≤3.5 argument packs positional and keyword counts
/// (3.4–3.5 `dis.hasnargs`).
fn is_call_nargs(h: Handler) -> bool {
    matches!(
        h,
        Handler::CallFunctionPacked
            | Handler::CallFunctionKwPacked
            | Handler::CallFunctionVar
            | Handler::CallFunctionVarKw
            | Handler::CallFunctionVarStarFirst
            | Handler::CallFunctionVarKwStarFirst
    )
}

/// `MAKE_FUNCTION` with a flags argument (3.6–3.12), whose flags `dis` names from 3.8.
fn is_make_function_flags(h: Handler) -> bool {
    matches!(
        h,
        Handler::MakeFunctionFlags | Handler::MakeFunctionFlagsQualname
    )
}

fn flag_names(arg: u32) -> String {
    FUNCTION_FLAGS
        .iter()
        .enumerate()
        .filter(|(i, _)| arg & (1 << i) != 0)
        .map(|(_, s)| *s)
        .collect::<Vec<_>>()
        .join(", ")
}
