//! xpython: a CPython bytecode interpreter for the `.pyc` files of CPython 2.4 to 3.13.
//!
//! The path of a `.pyc`: [`pyc`] reads the header and the marshalled code object,
//! `bytecode` decodes `co_code` with the version's generated tables from [`spec`],
//! and [`dis`] prints it the way the matching CPython's `dis` module does.

pub mod bridge;
pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod dis;
pub mod docs;
pub mod flags;
pub mod modules;
pub mod object;
pub mod pyc;
pub mod spec;
pub mod trace;
pub mod vm;
