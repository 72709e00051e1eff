//! Opcode reference documentation generated from the spec alone: one version's table, the
//! difference between two versions, and the opcode × version matrix, each as Markdown,
//! JSON or HTML.
//!
//! `model` turns the generated `VersionSpec` tables into plain rows; one module per output
//! format renders them. Nothing here knows any opcode by name.

pub mod html;
pub mod markdown;
pub mod model;

pub use model::{diff, matrix, version_table, Change, Diff, Matrix, OpRow};

/// An output format of `xpython opcodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Json,
    Html,
}
