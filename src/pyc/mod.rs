//! Loading `.pyc` files of CPython 2.4–3.13: header, marshal data, code object.
//!
//! [`marshal`] reads marshalled code objects of every marshal version into the one
//! version-independent [`CodeObject`]. Bad input of any kind is a [`LoadError`] naming the
//! problem and the byte offset, never a panic.
//!
//! Decisions callers need to know:
//! - text constants are `Rc<str>` ([`Constant::Str`]), except text holding lone surrogates,
//!   which keeps CPython's surrogatepass bytes ([`Constant::SurrogateStr`], see [`text`]);
//!   names, file names and qualnames are always `Rc<str>` (surrogates become U+FFFD, 2.x
//!   bytes that are not UTF-8 become U+FFFD);
//! - in a 2.x file, a 2.x `str` is [`Constant::Bytes`], `unicode` is [`Constant::Str`] and
//!   `long` is [`Constant::Long`]; [`Constant::repr`] prints them as that version does.

pub mod code;
pub mod error;
pub mod marshal;
mod printable;
mod repr;
mod text;

pub use code::{CodeObject, Constant, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL};
pub use error::{LoadError, LoadErrorKind};
pub use marshal::{read_code_object, read_object, MarshalOptions, MAX_DEPTH};
pub use text::{code_points, CodePoints};
