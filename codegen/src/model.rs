//! The resolved spec: every version with inheritance applied and every formula parsed.
//!
//! This is what the validator checks, what the emitters turn into Rust, and what tests
//! (such as the spec-against-facts test) read through `load_spec`.

use crate::formula::Formula;
use crate::report::Origin;
use std::collections::BTreeMap;

/// The whole spec.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Ordered oldest first.
    pub versions: Vec<ResolvedVersion>,
    pub handlers: BTreeMap<String, HandlerDef>,
    pub unsupported: Vec<Unsupported>,
    pub experiments: Vec<Experiment>,
}

impl Spec {
    pub fn version(&self, id: &str) -> Option<&ResolvedVersion> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// Every superinstruction pair any version declares, each once, in order.
    pub fn superinstructions(&self) -> Vec<(String, String)> {
        let set: std::collections::BTreeSet<&(String, String)> = self
            .versions
            .iter()
            .flat_map(|v| &v.superinstructions)
            .collect();
        set.into_iter().cloned().collect()
    }
}

#[derive(Debug, Clone)]
pub struct HandlerDef {
    pub name: String,
    pub doc: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Unsupported {
    pub id: String,
    pub magic_range: (u16, u16),
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct Experiment {
    pub name: String,
    pub versions: Vec<String>,
    pub origin: Origin,
}

/// One version with everything inherited filled in.
#[derive(Debug, Clone)]
pub struct ResolvedVersion {
    pub id: String,
    pub major_minor: (u8, u8),
    pub inherits: Option<String>,
    pub magic: u16,
    pub magic_range: (u16, u16),
    pub header_size: u8,
    pub marshal_version: u8,
    pub code_layout: String,
    pub encoding: String,
    pub have_argument: u8,
    pub extended_arg_shift: u8,
    pub jump_unit: u8,
    pub jump_base: String,
    pub linetable: String,
    pub exceptions: String,
    pub compare_shift: u8,
    pub cmp_ops: Vec<String>,
    pub binary_ops: Vec<(String, String)>,
    pub intrinsics_1: Vec<String>,
    pub intrinsics_2: Vec<String>,
    /// Opcodes CPython's `dis.stack_effect` refuses although they exist.
    pub stack_effect_rejects: Vec<String>,
    /// Handler pairs run as one dispatch (see `RawVersion::superinstructions`).
    pub superinstructions: Vec<(String, String)>,
    /// Opcode name → opcode.
    pub ops: BTreeMap<String, ResolvedOp>,
    /// Where the `[version]` table is.
    pub origin: Origin,
}

impl ResolvedVersion {
    /// Opcodes ordered by number.
    pub fn ops_by_num(&self) -> Vec<&ResolvedOp> {
        let mut ops: Vec<&ResolvedOp> = self.ops.values().collect();
        ops.sort_by_key(|o| o.num);
        ops
    }
}

/// One opcode of one version.
#[derive(Debug, Clone)]
pub struct ResolvedOp {
    pub name: String,
    pub num: u8,
    pub arg: String,
    pub cache: u8,
    pub stack: Formula,
    pub stack_jump: Option<Formula>,
    /// Empty for experimental opcodes, which run `macro_steps` instead.
    pub handler: String,
    pub doc: String,
    pub not_in_pyc: bool,
    /// The handlers of the opcode's paired method-call forms (see `RawOp::method_load`).
    pub method_load: Option<String>,
    pub method_call: Option<String>,
    pub macro_steps: Vec<MacroStep>,
    /// The experiment that added it, if any.
    pub experiment: Option<String>,
    /// Where the opcode was last defined or patched.
    pub origin: Origin,
}

impl ResolvedOp {
    /// The stack effect when the jump is taken (the fall-through one if not given).
    pub fn jump_effect(&self) -> &Formula {
        self.stack_jump.as_ref().unwrap_or(&self.stack)
    }
}

#[derive(Debug, Clone)]
pub struct MacroStep {
    pub handler: String,
    pub oparg: Formula,
}
