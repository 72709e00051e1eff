//! The raw shape of the spec files, exactly as serde reads them from TOML.
//!
//! Nothing here is checked beyond TOML syntax and field types; `load` resolves
//! inheritance and `validate` checks meaning. Unknown fields are rejected so that a typo
//! in a field name is an error, not a silently ignored line.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One `spec/X.Y.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionFile {
    pub version: Spanned<RawVersion>,
    #[serde(default)]
    pub op: BTreeMap<String, Spanned<RawOp>>,
}

/// The `[version]` table. Every field but `id` may be inherited.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawVersion {
    pub id: String,
    pub inherits: Option<String>,
    pub magic: Option<u16>,
    pub magic_range: Option<(u16, u16)>,
    pub header_size: Option<u8>,
    pub marshal_version: Option<u8>,
    pub code_layout: Option<String>,
    pub encoding: Option<String>,
    pub have_argument: Option<u8>,
    pub extended_arg_shift: Option<u8>,
    pub jump_unit: Option<u8>,
    pub jump_base: Option<String>,
    pub linetable: Option<String>,
    pub exceptions: Option<String>,
    pub compare_shift: Option<u8>,
    pub cmp_ops: Option<Vec<String>>,
    pub binary_ops: Option<Vec<(String, String)>>,
    pub intrinsics_1: Option<Vec<String>>,
    pub intrinsics_2: Option<Vec<String>>,
    pub stack_effect_rejects: Option<Vec<String>>,
    /// Superinstructions: pairs of handlers `[first, second]` that run as one dispatch
    /// when an instruction running `first` is followed by one running `second`.
    pub superinstructions: Option<Vec<(String, String)>>,
}

/// An `[op.NAME]` table: a whole opcode, or a patch onto an inherited one.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawOp {
    pub num: Option<u32>,
    pub arg: Option<String>,
    pub cache: Option<u8>,
    pub stack: Option<String>,
    pub stack_jump: Option<String>,
    pub handler: Option<String>,
    pub doc: Option<String>,
    pub not_in_pyc: Option<bool>,
    /// An attribute load: the handler that runs it when the decoder has paired it with the
    /// call that consumes its value (a method call without a bound-method object).
    pub method_load: Option<String>,
    /// A call: the handler that runs it when its callable comes from a paired load.
    pub method_call: Option<String>,
    #[serde(default)]
    pub removed: bool,
    /// Experimental opcodes only: the handlers they run, in order.
    pub r#macro: Option<Vec<RawMacroStep>>,
}

/// One step of an experimental opcode's macro.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawMacroStep {
    pub handler: String,
    pub oparg: String,
}

/// `spec/handlers.toml`: handler name → description.
pub type HandlersFile = BTreeMap<String, Spanned<RawHandler>>;

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawHandler {
    pub doc: String,
}

/// `spec/unsupported.toml`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct UnsupportedFile {
    #[serde(default)]
    pub unsupported: Vec<Spanned<RawUnsupported>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawUnsupported {
    pub id: String,
    pub magic_range: (u16, u16),
}

/// One `spec/experimental/*.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExperimentFile {
    pub experiment: Spanned<RawExperiment>,
    #[serde(default)]
    pub op: BTreeMap<String, Spanned<RawOp>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawExperiment {
    pub name: String,
    pub versions: Vec<String>,
}
