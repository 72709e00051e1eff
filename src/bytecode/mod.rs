//! Bytecode decoding shared by the disassembler and the VM.
//!
//! - [`decode`]: `co_code` of any supported version → a vector of [`Instruction`]s, with
//!   EXTENDED_ARG folded, inline caches skipped and jump targets resolved, driven only by
//!   the version's [`VersionSpec`](crate::spec::VersionSpec) and its opcode table.
//! - [`lines`]: the four line-table formats → `co_lines()`-style ranges, the line starts
//!   each version's `dis` prints, and (3.11+) the column positions of every code unit.
//! - [`exception_table`]: the 3.11+ exception table.

pub mod decode;
pub mod exception_table;
pub mod lines;

pub use decode::{decode, DecodeError, DecodeErrorKind, Instruction};
pub use exception_table::{parse_exception_table, ExceptionTableEntry, ExceptionTableError};
pub use lines::{co_lines, co_positions, dis_line_starts, LineRange, Position};
