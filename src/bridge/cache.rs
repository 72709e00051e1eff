//! The `.pyc` cache of compiled source files, laid out and validated as CPython's import
//! system does (`Lib/importlib/_bootstrap_external.py`; `Python/import.c` before 3.3).
//!
//! - Where: `DIR/__pycache__/NAME.cpython-XY.pyc` from 3.2 (PEP 3147: the source's name
//!   without its last suffix, then the cache tag); `DIR/NAME.pyc` (the source path plus
//!   `c`) before. Compiled with `-O`/`-OO`: `NAME.cpython-XY.opt-1.pyc`/`.opt-2.pyc` from
//!   3.5 (PEP 488), `.pyo` before.
//! - Header: the interpreter's magic number, then from 3.7 a zero flags word (PEP 552:
//!   timestamp-based), then the source's mtime (whole seconds, low 32 bits) and, from 3.3,
//!   its size (low 32 bits); then `marshal.dumps(code)`.
//! - Reuse: only when the magic number is the wanted version's and the mtime and size in
//!   the header are the source's. Hash-based files (flags bit 0, PEP 552) are reused
//!   unchecked when their check bit is clear, as CPython's default `check_hash_based_pycs`
//!   does; checked ones when their hash is the source's ([`source_hash`]), and a stale one
//!   is replaced by a checked hash-based file, as CPython does.
//! - Writing: the directory is created if missing, the file written to a temporary name
//!   and renamed over the old one, with the source's permission bits plus owner-write.
//!   Any failure (read-only directory...) is ignored: the cache is an optimization.
//!   `-B` or `PYTHONDONTWRITEBYTECODE` (non-empty) turns writing off, as in CPython.

use crate::object::hash::{siphash_keyed, StrHash};
use crate::pyc::{load_pyc, Pyc, SourceStamp};
use crate::spec::{version_for_magic, MagicLookup, VersionSpec};
use std::fs::Metadata;
use std::path::{Path, PathBuf};

/// Where CPython `version` caches the `source` compiled at optimization level `optimize`.
pub fn cache_path(source: &Path, version: &VersionSpec, optimize: i64) -> PathBuf {
    let (major, minor) = version.format.major_minor;
    let dir = source.parent().unwrap_or(Path::new(""));
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if (major, minor) < (3, 2) {
        let suffix = if optimize > 0 { 'o' } else { 'c' };
        return dir.join(format!("{name}{suffix}"));
    }
    // `cache_from_source`: 'a.b.py' -> 'a.b', 'a' -> 'a' (rpartition on the last dot).
    let base = match name.rsplit_once('.') {
        Some((base, _)) if !base.is_empty() => base.to_string(),
        Some((_, rest)) => rest.to_string(),
        None => name.clone(),
    };
    let suffix = match optimize {
        level if level <= 0 => ".pyc".to_string(),
        _ if (major, minor) < (3, 5) => ".pyo".to_string(),
        level => format!(".opt-{level}.pyc"),
    };
    dir.join("__pycache__")
        .join(format!("{base}.cpython-{major}{minor}{suffix}"))
}

/// The source's mtime and size as a `.pyc` header stores them (low 32 bits).
pub fn source_stamp(meta: &Metadata) -> (u32, u32) {
    #[cfg(unix)]
    let mtime = {
        use std::os::unix::fs::MetadataExt;
        meta.mtime()
    };
    #[cfg(not(unix))]
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    (mtime as u32, meta.len() as u32)
}

/// The header CPython `version` writes for a source with this stamp.
pub fn header(version: &VersionSpec, magic: [u8; 4], mtime: u32, size: u32) -> Vec<u8> {
    let mut h = magic.to_vec();
    match version.format.header_size {
        16 => {
            h.extend(0u32.to_le_bytes());
            h.extend(mtime.to_le_bytes());
            h.extend(size.to_le_bytes());
        }
        12 => {
            h.extend(mtime.to_le_bytes());
            h.extend(size.to_le_bytes());
        }
        _ => h.extend(mtime.to_le_bytes()),
    }
    h
}

/// What the cache holds for a source.
pub enum Cached {
    /// A valid, up-to-date compile.
    Fresh(Pyc),
    /// A checked hash-based file whose hash is not the source's: CPython replaces it with
    /// a new hash-based file (`checked` as before) holding `hash`, the source's.
    StaleHash { magic: [u8; 4], hash: [u8; 8] },
    /// Nothing usable: compile and write a timestamp-based file.
    Missing,
}

/// The cached compile of `source` (stamp `mtime`, `size`) for `version`: fresh when the
/// magic number is the version's and the header matches the source, as CPython checks it.
/// `read_source` gives the source's bytes, needed only for checked hash-based files.
pub fn read_cached(
    cache: &Path,
    version: &VersionSpec,
    mtime: u32,
    size: u32,
    read_source: impl FnOnce() -> Option<Vec<u8>>,
) -> Cached {
    let Ok(bytes) = std::fs::read(cache) else {
        return Cached::Missing;
    };
    if bytes.len() < 4 {
        return Cached::Missing;
    }
    let magic = [bytes[0], bytes[1], bytes[2], bytes[3]];
    match version_for_magic(u16::from_le_bytes([magic[0], magic[1]])) {
        MagicLookup::Supported(v) if v.format.major_minor == version.format.major_minor => {}
        _ => return Cached::Missing,
    }
    let Ok(pyc) = load_pyc(&bytes) else {
        return Cached::Missing;
    };
    match pyc.source {
        SourceStamp::Timestamp { mtime: m, size: s }
            if m == mtime && s.is_none_or(|s| s == size) =>
        {
            Cached::Fresh(pyc)
        }
        SourceStamp::Timestamp { .. } => Cached::Missing,
        // Unchecked: reused as it is, as CPython's default `check_hash_based_pycs` does.
        SourceStamp::Hash { checked: false, .. } => Cached::Fresh(pyc),
        SourceStamp::Hash {
            hash,
            checked: true,
        } => match read_source() {
            Some(source) => {
                let now = source_hash(version, magic, &source);
                if now == hash {
                    Cached::Fresh(pyc)
                } else {
                    Cached::StaleHash { magic, hash: now }
                }
            }
            None => Cached::Missing,
        },
    }
}

/// `_imp.source_hash(_RAW_MAGIC_NUMBER, source)`: CPython's keyed SipHash of the source
/// (SipHash-1-3 from 3.11, SipHash-2-4 before), keyed with the magic number's 4 bytes.
pub fn source_hash(version: &VersionSpec, magic: [u8; 4], source: &[u8]) -> [u8; 8] {
    let rounds = if version.format.major_minor >= (3, 11) {
        StrHash::Sip13
    } else {
        StrHash::Sip24
    };
    siphash_keyed(source, u32::from_le_bytes(magic) as u64, 0, rounds).to_le_bytes()
}

/// The header of a hash-based file (3.7+): magic, flags (bit 0 hash-based, bit 1 checked),
/// the source hash.
pub fn hash_header(magic: [u8; 4], checked: bool, hash: [u8; 8]) -> Vec<u8> {
    let mut h = magic.to_vec();
    h.extend((1u32 | if checked { 2 } else { 0 }).to_le_bytes());
    h.extend(hash);
    h
}

/// Writes a cache file, ignoring every failure.
pub fn write(cache: &Path, source_meta: &Metadata, data: &[u8]) {
    if crate::flags::current().dont_write_bytecode {
        return;
    }
    if let Some(dir) = cache.parent() {
        if !dir.as_os_str().is_empty() && !dir.is_dir() {
            match std::fs::create_dir(dir) {
                Ok(()) => {}
                // Another process made it meanwhile.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(_) => return,
            }
        }
    }
    let mut tmp = cache.as_os_str().to_owned();
    tmp.push(format!(".{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    if write_new(&tmp, source_meta, data).is_err() || std::fs::rename(&tmp, cache).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Creates `path` (which must not exist) with the source's mode plus owner-write.
fn write_new(path: &Path, source_meta: &Metadata, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let mode = (source_meta.permissions().mode() | 0o200) & 0o666;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = source_meta;
    let mut f = options.open(path)?;
    f.write_all(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::version_by_id;

    #[test]
    fn cache_paths() {
        let v311 = version_by_id("3.11").unwrap();
        let v27 = version_by_id("2.7").unwrap();
        let p = |s: &str, v| {
            cache_path(Path::new(s), v, 0)
                .to_string_lossy()
                .into_owned()
        };
        assert_eq!(p("d/m.py", v311), "d/__pycache__/m.cpython-311.pyc");
        assert_eq!(p("m.py", v311), "__pycache__/m.cpython-311.pyc");
        assert_eq!(p("d/a.b.py", v311), "d/__pycache__/a.b.cpython-311.pyc");
        assert_eq!(p("d/noext", v311), "d/__pycache__/noext.cpython-311.pyc");
        assert_eq!(p("d/m.py", v27), "d/m.pyc");
        // PEP 488 from 3.5; `.pyo` before.
        let o = |s: &str, v, level| {
            cache_path(Path::new(s), v, level)
                .to_string_lossy()
                .into_owned()
        };
        assert_eq!(
            o("d/m.py", v311, 2),
            "d/__pycache__/m.cpython-311.opt-2.pyc"
        );
        let v34 = version_by_id("3.4").unwrap();
        assert_eq!(o("m.py", v34, 1), "__pycache__/m.cpython-34.pyo");
        assert_eq!(o("d/m.py", v27, 1), "d/m.pyo");
    }

    #[test]
    fn source_hashes_are_cpythons() {
        // `_imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, b'print(1)\n').hex()`.
        // (The released magic numbers, which the spec records.)
        for (id, want) in [
            ("3.7", "6d8a2a3c3b0a84c0"),
            ("3.10", "28765e52ed782214"),
            ("3.11", "da812d7f407a3059"),
            ("3.13", "5a90791f83be4635"),
        ] {
            let v = version_by_id(id).unwrap();
            let m = v.format.magic.to_le_bytes();
            let h = source_hash(v, [m[0], m[1], 13, 10], b"print(1)\n");
            let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(hex, want, "{id}");
        }
    }

    #[test]
    fn headers() {
        let m = [1, 2, 13, 10];
        let h = |id| header(version_by_id(id).unwrap(), m, 7, 9);
        assert_eq!(h("3.8"), [1, 2, 13, 10, 0, 0, 0, 0, 7, 0, 0, 0, 9, 0, 0, 0]);
        assert_eq!(h("3.6"), [1, 2, 13, 10, 7, 0, 0, 0, 9, 0, 0, 0]);
        assert_eq!(h("2.7"), [1, 2, 13, 10, 7, 0, 0, 0]);
    }
}
