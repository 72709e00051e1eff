//! The one error type of the loader: what went wrong, in one line, and where.
//!
//! Every failure of [`load_pyc`](super::load_pyc) — I/O, header, magic number, marshal data —
//! is a [`LoadError`]. It carries a [`LoadErrorKind`] for callers that branch on the cause,
//! a human message, and the byte offset in the file where the problem was found (absent for
//! whole-file problems such as I/O errors). `Display` prints `message (at byte N)`, which the
//! CLI prefixes with `xpython: error: FILE: `. Errors are rare and cold, so the message is an
//! owned `String` built at the failure site; nothing on the success path allocates for them.

use std::fmt;

/// The broad cause of a [`LoadError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io,
    /// The header is shorter than the version's header size, or its fields are invalid.
    BadHeader,
    /// The magic number belongs to no CPython version xpython knows.
    UnknownMagic,
    /// The magic number belongs to a CPython version xpython knows but does not run.
    UnsupportedVersion,
    /// The marshalled code object is malformed (truncated, unknown type code, bad ref...).
    BadMarshal,
}

/// Why a `.pyc` could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub message: String,
    /// Byte offset in the file (or in the marshal data given to
    /// [`read_code_object`](super::marshal::read_code_object)) where the problem was found.
    pub offset: Option<usize>,
}

impl LoadError {
    pub(crate) fn new(
        kind: LoadErrorKind,
        message: impl Into<String>,
        offset: Option<usize>,
    ) -> Self {
        LoadError {
            kind,
            message: message.into(),
            offset,
        }
    }

    /// A malformed-marshal-data error at `offset`.
    pub(crate) fn marshal(message: impl Into<String>, offset: usize) -> Self {
        Self::new(LoadErrorKind::BadMarshal, message, Some(offset))
    }

    /// The same error with its offset moved by `delta` bytes (marshal data read from inside
    /// a file reports offsets in the file).
    pub(crate) fn shifted(mut self, delta: usize) -> Self {
        self.offset = self.offset.map(|o| o.saturating_add(delta));
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(offset) = self.offset {
            write!(f, " (at byte {offset})")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
