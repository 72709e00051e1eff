//! Bytecode decoding shared by the disassembler and the VM.
//!
//! - [`decode()`]: `co_code` of any supported version → a vector of [`Instruction`]s, with
//!   EXTENDED_ARG folded, inline caches skipped and jump targets resolved, driven only by
//!   the version's [`VersionSpec`](crate::spec::VersionSpec) and its opcode table.
//!   Decode once per code object; [`index_of_offset`] maps a jump target (a byte offset)
//!   back to an instruction index.
//! - [`mod@lines`]: the four line-table formats → `co_lines()`-style ranges
//!   ([`co_lines`], [`line_at`] for "which line is this offset on"), the line starts each
//!   version's `dis` prints ([`dis_line_starts`]), and 3.11+ column positions of every
//!   code unit ([`co_positions`], for tracebacks).
//! - [`mod@exception_table`]: the 3.11+ exception table ([`parse_exception_table`]).
//!
//! For the VM: an [`Instruction`]'s `target` is where `dis` says the jump goes (for 3.12+
//! `FOR_ITER` that is its `END_FOR`; the interpreter's exhaustion path skips further, a
//! matter of the handler, not of decoding). EXTENDED_ARG prefixes stay instructions, with
//! their argument already folded into the next instruction's; a handler can skip them.

pub mod decode;
pub mod exception_table;
pub mod lines;

pub use decode::{decode, index_of_offset, DecodeError, DecodeErrorKind, Instruction};
pub use exception_table::{parse_exception_table, ExceptionTableEntry, ExceptionTableError};
pub use lines::{co_lines, co_positions, dis_line_starts, line_at, LineRange, Position};
