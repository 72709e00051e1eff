//! Loading `.pyc` files of CPython 2.4–3.13: header, marshal data, code object.
//!
//! [`load_pyc`] reads the magic number, looks the version up in the spec
//! ([`crate::spec::version_for_magic`]), reads the rest of the header ([`header`]) and the
//! marshalled code object ([`marshal`]) into the one version-independent
//! [`CodeObject`]. Bad input of any kind is a [`LoadError`] naming the problem and the byte
//! offset, never a panic: the mutation tests (`tests/pyc_mutations.rs`) and the fuzz target
//! (`fuzz/`) hold it to that.
//!
//! Decisions callers need to know:
//! - text constants are `Rc<str>` ([`Constant::Str`]), except text holding lone surrogates,
//!   which keeps CPython's surrogatepass bytes ([`Constant::SurrogateStr`]; [`code_points`]
//!   decodes them);
//!   names, file names and qualnames are always `Rc<str>` (surrogates become U+FFFD, 2.x
//!   bytes that are not UTF-8 become U+FFFD);
//! - in a 2.x file, a 2.x `str` is [`Constant::Bytes`], `unicode` is [`Constant::Str`] and
//!   `long` is [`Constant::Long`]; [`Constant::repr`] prints them as that version does;
//! - a loaded constant tree is at most [`MAX_DEPTH`] (2000) levels deep, refs included, and
//!   at most [`MAX_EXPANSION`] objects per input byte with shared objects counted each time,
//!   so a recursive walk of it (like `repr` or `Drop`) fits a 2 MiB stack even in a debug
//!   build and cannot be made exponential by shared refs.

pub mod code;
pub mod error;
pub mod header;
pub mod marshal;
pub(crate) mod printable;
pub(crate) mod repr;
mod text;

pub use code::{CodeObject, Constant, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL};
pub use error::{LoadError, LoadErrorKind};
pub use header::SourceStamp;
pub use marshal::{read_code_object, read_object, MarshalOptions, MAX_DEPTH, MAX_EXPANSION};
pub use text::{code_points, CodePoints};

use crate::spec::{version_for_magic, MagicLookup, VersionSpec, VERSIONS};
use std::path::Path;
use std::rc::Rc;

/// A loaded `.pyc` file.
#[derive(Debug, Clone)]
pub struct Pyc {
    /// The CPython version the magic number names.
    pub version: &'static VersionSpec,
    pub magic: u16,
    /// 3.7+ header flags (0 earlier).
    pub flags: u32,
    pub source: SourceStamp,
    /// The module's code object.
    pub code: Rc<CodeObject>,
}

/// Loads a `.pyc` from its bytes. Bytes after the code object are ignored.
pub fn load_pyc(bytes: &[u8]) -> Result<Pyc, LoadError> {
    let magic = header::read_magic(bytes)?;
    let version = match version_for_magic(magic) {
        MagicLookup::Supported(v) => v,
        MagicLookup::Unsupported(u) => {
            return Err(LoadError::new(
                LoadErrorKind::UnsupportedVersion,
                format!(
                    "Python {} bytecode (magic {magic}) is not supported; xpython runs {}",
                    u.id,
                    supported_range()
                ),
                None,
            ))
        }
        MagicLookup::Unknown => {
            return Err(LoadError::new(
                LoadErrorKind::UnknownMagic,
                format!("unknown magic number {magic} (not a CPython .pyc?)"),
                None,
            ))
        }
    };
    let format = header::interim_format(&version.format, magic);
    let header = header::read_header(bytes, magic, &format)?;
    let opts = MarshalOptions::for_format(&format);
    let code = read_code_object(&bytes[header.size..], opts).map_err(|e| e.shifted(header.size))?;
    Ok(Pyc {
        version,
        magic,
        flags: header.flags,
        source: header.source,
        code,
    })
}

/// Reads and loads a `.pyc` file.
pub fn load_pyc_file(path: impl AsRef<Path>) -> Result<Pyc, LoadError> {
    let bytes = std::fs::read(path.as_ref())
        .map_err(|e| LoadError::new(LoadErrorKind::Io, format!("cannot read file: {e}"), None))?;
    load_pyc(&bytes)
}

/// "2.4–3.13": the oldest and newest supported versions.
fn supported_range() -> String {
    let ids = || VERSIONS.iter().map(|v| (v.format.major_minor, v.format.id));
    match (ids().min(), ids().max()) {
        (Some((_, lo)), Some((_, hi))) => format!("{lo}–{hi}"),
        _ => "no versions".to_string(),
    }
}
