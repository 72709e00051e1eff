//! Loading `.pyc` files of CPython 2.4–3.13: header, marshal data, code object.
//!
//! [`CodeObject`] is the one version-independent code object; [`Constant`] its constants.
//!
//! Decisions callers need to know:
//! - text constants are `Rc<str>` ([`Constant::Str`]), except text holding lone surrogates,
//!   which keeps CPython's surrogatepass bytes ([`Constant::SurrogateStr`], see [`text`]);
//!   names, file names and qualnames are always `Rc<str>` (surrogates become U+FFFD, 2.x
//!   bytes that are not UTF-8 become U+FFFD);
//! - in a 2.x file, a 2.x `str` is [`Constant::Bytes`], `unicode` is [`Constant::Str`] and
//!   `long` is [`Constant::Long`]; [`Constant::repr`] prints them as that version does.

pub mod code;
mod printable;
mod repr;
mod text;

pub use code::{CodeObject, Constant, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL};
pub use text::{code_points, CodePoints};
