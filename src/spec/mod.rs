//! The bytecode facts of every supported CPython version, generated from `spec/*.toml`.
//!
//! `codegen/` (run by `build.rs`) writes `spec_tables.rs` into OUT_DIR: the `Handler` enum of
//! semantic operations, the `Handlers` trait and its `dispatch` function, one `VersionSpec`
//! static per version with its opcode table and name map, and the lookup tables below.
//! Run `cargo run -p xpython-codegen --bin show-generated` to read what it emitted.

mod types;

pub use types::*;

// The generator's output: `Handler`, `Handlers`, `dispatch`, `VERSIONS`,
// `UNSUPPORTED_VERSIONS` and one `VersionSpec` static per version.
include!(concat!(env!("OUT_DIR"), "/spec_tables.rs"));

/// What a magic number says about a file.
#[derive(Debug, Clone, Copy)]
pub enum MagicLookup {
    Supported(&'static VersionSpec),
    Unsupported(&'static UnsupportedVersion),
    Unknown,
}

/// Finds the version whose magic range holds `magic`.
pub fn version_for_magic(magic: u16) -> MagicLookup {
    if let Some(v) = VERSIONS.iter().copied().find(|v| {
        let (lo, hi) = v.format.magic_range;
        (lo..=hi).contains(&magic)
    }) {
        return MagicLookup::Supported(v);
    }
    match UNSUPPORTED_VERSIONS.iter().find(|u| {
        let (lo, hi) = u.magic_range;
        (lo..=hi).contains(&magic)
    }) {
        Some(u) => MagicLookup::Unsupported(u),
        None => MagicLookup::Unknown,
    }
}

/// Finds a supported version by its "X.Y" name.
pub fn version_by_id(id: &str) -> Option<&'static VersionSpec> {
    VERSIONS.iter().copied().find(|v| v.format.id == id)
}
