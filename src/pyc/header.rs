//! The `.pyc` header: magic number, then (by version) flags, timestamp, size or hash.
//!
//! | versions | size | layout after the 4-byte magic (`u16 LE` + `\r\n`) |
//! |---|---|---|
//! | ≤3.2 | 8 | mtime |
//! | 3.3–3.6 | 12 | mtime, source size |
//! | 3.7+ | 16 | flags, then mtime + source size (flags bit 0 clear) or an 8-byte source hash |
//!
//! All fields are little-endian u32. The magic number alone decides the version (and so
//! the header size); [`crate::spec::version_for_magic`] does that lookup, and
//! [`interim_format`] adjusts the release's format for the few alpha/beta magic numbers
//! whose header or code layout differs from the release's.

use super::error::{LoadError, LoadErrorKind};
use crate::spec::{CodeLayout, PycFormat};

/// Where the `.pyc` says its source came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceStamp {
    /// Timestamp-based: the source's mtime, and (3.3+) its size; 8-byte headers (≤3.2)
    /// have no size.
    Timestamp { mtime: u32, size: Option<u32> },
    /// Hash-based (3.7+, PEP 552): the SipHash of the source as stored, and whether the
    /// importer checks it against the source (flags bit 1).
    Hash { hash: [u8; 8], checked: bool },
}

/// The fields of a header whose version is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub magic: u16,
    /// 3.7+ flags word (0 earlier): bit 0 hash-based, bit 1 check the source.
    pub flags: u32,
    pub source: SourceStamp,
    /// Header length in bytes: where the marshal data starts.
    pub size: usize,
}

/// Reads the magic number from the first four bytes.
pub fn read_magic(bytes: &[u8]) -> Result<u16, LoadError> {
    if bytes.len() < 4 {
        return Err(LoadError::new(
            LoadErrorKind::BadHeader,
            format!(
                "truncated header: {} bytes, but a .pyc starts with a 4-byte magic number",
                bytes.len()
            ),
            Some(bytes.len()),
        ));
    }
    let magic = u16::from_le_bytes([bytes[0], bytes[1]]);
    if bytes[2..4] != *b"\r\n" {
        return Err(LoadError::new(
            LoadErrorKind::UnknownMagic,
            format!(
                "unknown magic number {magic}: bytes 2-3 are 0x{:02x} 0x{:02x}, not \\r\\n (not a CPython .pyc?)",
                bytes[2], bytes[3]
            ),
            None,
        ));
    }
    Ok(magic)
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Reads the rest of the header once the magic number has named the version.
pub fn read_header(bytes: &[u8], magic: u16, format: &PycFormat) -> Result<Header, LoadError> {
    let size = format.header_size as usize;
    if bytes.len() < size {
        return Err(LoadError::new(
            LoadErrorKind::BadHeader,
            format!(
                "truncated header: Python {} .pyc headers are {size} bytes, the file has {}",
                format.id,
                bytes.len()
            ),
            Some(bytes.len()),
        ));
    }
    let (flags, source) = match size {
        16 => {
            let flags = u32_at(bytes, 4);
            if flags & !0b11 != 0 {
                return Err(LoadError::new(
                    LoadErrorKind::BadHeader,
                    format!(
                        "invalid flags 0x{flags:x} in .pyc header (only bits 0 and 1 are defined)"
                    ),
                    Some(4),
                ));
            }
            let source = if flags & 1 != 0 {
                let mut hash = [0u8; 8];
                hash.copy_from_slice(&bytes[8..16]);
                SourceStamp::Hash {
                    hash,
                    checked: flags & 2 != 0,
                }
            } else {
                SourceStamp::Timestamp {
                    mtime: u32_at(bytes, 8),
                    size: Some(u32_at(bytes, 12)),
                }
            };
            (flags, source)
        }
        12 => (
            0,
            SourceStamp::Timestamp {
                mtime: u32_at(bytes, 4),
                size: Some(u32_at(bytes, 8)),
            },
        ),
        _ => (
            0,
            SourceStamp::Timestamp {
                mtime: u32_at(bytes, 4),
                size: None,
            },
        ),
    };
    Ok(Header {
        magic,
        flags,
        source,
        size,
    })
}

/// The format of a file with magic `magic`, which `format` (the release's) covers: the few
/// interim magic numbers of alphas and betas whose header or code layout differ from the
/// release's get theirs (from the magic-number history in CPython's
/// `Lib/importlib/_bootstrap_external.py`):
/// - 3.3 before 3210 had no source size: 8-byte header;
/// - 3.7 before 3392 (PEP 552) had no flags word: 12-byte header;
/// - 3.8 before 3410 (PEP 570) had no posonlyargcount: the 3.0 code layout.
///
/// Not covered (they fail with a marshal error): 3.0 before 3030 (no kwonlyargcount, 2.x-like
/// strings) and 3.11 alphas before 3460 (localsplus and qualname still changing).
pub fn interim_format(format: &PycFormat, magic: u16) -> PycFormat {
    let mut f = *format;
    match (format.major_minor, magic) {
        ((3, 3), m) if m < 3210 => f.header_size = 8,
        ((3, 7), m) if m < 3392 => f.header_size = 12,
        ((3, 8), m) if m < 3410 => f.code_layout = CodeLayout::Py30,
        _ => {}
    }
    f
}
