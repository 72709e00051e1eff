//! The data of a `str` object: UTF-8 text with its length in code points, an ASCII flag
//! for O(1) indexing, and a lazily cached hash.
//!
//! Python strings may hold lone surrogates (from `\udcxx` escapes or surrogatepass
//! decoding); Rust `str` cannot. They are stored as the UTF-8-like three-byte form
//! (`WTF-8`'s encoding of a surrogate), so the bytes are valid WTF-8; `as_str` gives the
//! text with each lone surrogate shown as U+FFFD only where a Rust `&str` is required.
//!
//! Layout (32 bytes, so a str object is one 80-byte allocation for short text): the hash,
//! then one of three representations. Text of up to [`INLINE_CAP`] bytes is stored in
//! place (most strings a program makes: words, names, keys); longer text is one boxed
//! byte slice with its code-point count; text with lone surrogates, or of 4 Gi code
//! points or more, is boxed with everything else it needs. ASCII-ness is not stored: it
//! is "as many bytes as code points".

use super::hash::{hash_bytes, StrHash};
use std::cell::Cell;

/// The longest text (in bytes) a `PyStr` holds in place.
pub const INLINE_CAP: usize = 21;

pub struct PyStr {
    /// Cached hash; -1 (never a Python hash) until first asked. The hash depends on the
    /// SipHash variant of the running version, fixed for an interpreter.
    hash: Cell<i64>,
    repr: Repr,
}

enum Repr {
    /// Short text without lone surrogates: `bytes[..len]`.
    Inline {
        len: u8,
        char_len: u8,
        bytes: [u8; INLINE_CAP],
    },
    /// Longer text without lone surrogates, under 4 Gi code points.
    Heap { char_len: u32, data: Box<[u8]> },
    /// Text with lone surrogates, or huge text.
    Rare(Box<RareStr>),
}

struct RareStr {
    /// WTF-8 bytes.
    data: Box<[u8]>,
    char_len: usize,
    /// For strings with lone surrogates only: the text with each one as U+FFFD.
    lossy: Option<Box<str>>,
}

const _: () = assert!(std::mem::size_of::<PyStr>() == 32);

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        Self::from_wtf8(s.as_bytes(), char_len, None)
    }

    /// Text built by the interpreter from pieces it knows (no lone surrogates), with its
    /// code-point count known: nothing is scanned, and long text keeps `text`'s buffer
    /// (no copy when its capacity is its length).
    pub fn from_text(text: String, char_len: usize) -> PyStr {
        debug_assert_eq!(text.chars().count(), char_len);
        if text.len() <= INLINE_CAP || char_len > u32::MAX as usize {
            return Self::from_wtf8(text.as_bytes(), char_len, None);
        }
        PyStr {
            hash: Cell::new(-1),
            repr: Repr::Heap {
                char_len: char_len as u32,
                data: text.into_bytes().into_boxed_slice(),
            },
        }
    }

    /// Known-ASCII text (a piece of ASCII text): its length is its code-point count.
    #[inline]
    pub fn from_ascii(s: &str) -> PyStr {
        debug_assert!(s.is_ascii());
        Self::from_wtf8(s.as_bytes(), s.len(), None)
    }

    /// From WTF-8 bytes with `char_len` code points; `lossy` is given exactly when the
    /// bytes hold lone surrogates.
    fn from_wtf8(bytes: &[u8], char_len: usize, lossy: Option<Box<str>>) -> PyStr {
        let repr = if lossy.is_none() && bytes.len() <= INLINE_CAP {
            let mut inline = [0u8; INLINE_CAP];
            inline[..bytes.len()].copy_from_slice(bytes);
            Repr::Inline {
                len: bytes.len() as u8,
                char_len: char_len as u8,
                bytes: inline,
            }
        } else if lossy.is_none() && char_len <= u32::MAX as usize {
            Repr::Heap {
                char_len: char_len as u32,
                data: bytes.into(),
            }
        } else {
            Repr::Rare(Box::new(RareStr {
                data: bytes.into(),
                char_len,
                lossy,
            }))
        };
        PyStr {
            hash: Cell::new(-1),
            repr,
        }
    }

    /// From code points, some of which may be lone surrogates.
    pub fn from_code_points(points: &[u32]) -> PyStr {
        let mut data = Vec::with_capacity(points.len());
        let mut has_surrogates = false;
        for &cp in points {
            match char::from_u32(cp) {
                Some(c) => {
                    let mut buf = [0u8; 4];
                    data.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                None => {
                    has_surrogates = true;
                    data.push(0xE0 | ((cp >> 12) & 0x0F) as u8);
                    data.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                    data.push(0x80 | (cp & 0x3F) as u8);
                }
            }
        }
        let lossy = has_surrogates.then(|| {
            points
                .iter()
                .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                .collect::<String>()
                .into_boxed_str()
        });
        Self::from_wtf8(&data, points.len(), lossy)
    }

    /// The text. Lone surrogates (rare) come out as U+FFFD.
    #[inline]
    pub fn as_str(&self) -> &str {
        if let Repr::Rare(r) = &self.repr {
            if let Some(lossy) = &r.lossy {
                // Callers that must keep lone surrogates use `code_points`.
                return lossy;
            }
        }
        // SAFETY: without surrogates the bytes were built from a `&str` or from chars.
        unsafe { std::str::from_utf8_unchecked(self.bytes()) }
    }

    /// The string's code points (lone surrogates included).
    pub fn code_points(&self) -> Vec<u32> {
        if self.is_ascii() {
            // One byte per code point.
            return self.bytes().iter().map(|&b| u32::from(b)).collect();
        }
        if !self.has_surrogates() {
            return self.as_str().chars().map(|c| c as u32).collect();
        }
        let mut out = Vec::with_capacity(self.char_len());
        let d = self.bytes();
        let mut i = 0;
        while i < d.len() {
            let b = d[i];
            let (cp, n) = if b < 0x80 {
                (b as u32, 1)
            } else if b >> 5 == 0b110 {
                (((b as u32 & 0x1F) << 6) | (d[i + 1] as u32 & 0x3F), 2)
            } else if b >> 4 == 0b1110 {
                (
                    ((b as u32 & 0x0F) << 12)
                        | ((d[i + 1] as u32 & 0x3F) << 6)
                        | (d[i + 2] as u32 & 0x3F),
                    3,
                )
            } else {
                (
                    ((b as u32 & 0x07) << 18)
                        | ((d[i + 1] as u32 & 0x3F) << 12)
                        | ((d[i + 2] as u32 & 0x3F) << 6)
                        | (d[i + 3] as u32 & 0x3F),
                    4,
                )
            };
            out.push(cp);
            i += n;
        }
        out
    }

    /// Appends the string's code points to `out`.
    pub fn extend_code_points(&self, out: &mut Vec<u32>) {
        if self.is_ascii() {
            out.extend(self.bytes().iter().map(|&b| u32::from(b)));
        } else if !self.has_surrogates() {
            out.extend(self.as_str().chars().map(|c| c as u32));
        } else {
            out.extend(self.code_points());
        }
    }

    /// The WTF-8 bytes.
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        match &self.repr {
            Repr::Inline { len, bytes, .. } => &bytes[..*len as usize],
            Repr::Heap { data, .. } => data,
            Repr::Rare(r) => &r.data,
        }
    }

    #[inline]
    pub fn char_len(&self) -> usize {
        match &self.repr {
            Repr::Inline { char_len, .. } => *char_len as usize,
            Repr::Heap { char_len, .. } => *char_len as usize,
            Repr::Rare(r) => r.char_len,
        }
    }

    /// Whether every code point is ASCII (one byte each).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        match &self.repr {
            Repr::Inline { len, char_len, .. } => len == char_len,
            Repr::Heap { char_len, data } => *char_len as usize == data.len(),
            Repr::Rare(r) => r.char_len == r.data.len(),
        }
    }

    pub fn has_surrogates(&self) -> bool {
        matches!(&self.repr, Repr::Rare(r) if r.lossy.is_some())
    }

    /// Python's hash of the string (computed once).
    #[inline]
    pub fn hash(&self, rounds: StrHash) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = self.compute_hash(rounds);
        self.hash.set(h);
        h
    }

    fn compute_hash(&self, rounds: StrHash) -> i64 {
        // CPython hashes the string's canonical representation: 1, 2 or 4 bytes per code
        // point depending on the largest one.
        if self.is_ascii() {
            return hash_bytes(self.bytes(), rounds);
        }
        let points = self.code_points();
        if rounds == StrHash::Multiplicative {
            return super::hash::hash_units_py2(points.iter().map(|&c| c as u64), points.len());
        }
        let max = points.iter().copied().max().unwrap_or(0);
        let mut buf = Vec::with_capacity(points.len() * 4);
        if max < 0x100 {
            buf.extend(points.iter().map(|&c| c as u8));
        } else if max < 0x10000 {
            for &c in &points {
                buf.extend_from_slice(&(c as u16).to_le_bytes());
            }
        } else {
            for &c in &points {
                buf.extend_from_slice(&c.to_le_bytes());
            }
        }
        hash_bytes(&buf, rounds)
    }

    /// Equality of contents.
    #[inline]
    pub fn eq_contents(&self, other: &PyStr) -> bool {
        self.bytes() == other.bytes()
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_like_cpython_with_seed_zero() {
        // PYTHONHASHSEED=0 python3.11 -c "print(hash('é'), hash('€'), hash('😀'))"
        let e = PyStr::new("a");
        assert_eq!(e.hash(StrHash::Sip13), 4644417185603328019);
        assert_eq!(
            PyStr::new("hello").hash(StrHash::Sip24),
            -8304253580878589255
        );
    }

    #[test]
    fn each_representation_keeps_text_and_lengths() {
        for text in [
            "",
            "abc",
            "é€😀",
            &"x".repeat(INLINE_CAP),
            &"y".repeat(INLINE_CAP + 1),
        ] {
            let s = PyStr::new(text);
            assert_eq!(s.as_str(), text);
            assert_eq!(s.bytes(), text.as_bytes());
            assert_eq!(s.char_len(), text.chars().count());
            assert_eq!(s.is_ascii(), text.is_ascii());
            assert!(!s.has_surrogates());
        }
        let long = "é".repeat(40);
        let s = PyStr::new(&long);
        assert_eq!((s.char_len(), s.is_ascii()), (40, false));
    }

    #[test]
    fn known_text_matches_scanned_text() {
        for text in [
            "",
            "ab",
            "é€😀 x",
            &"z".repeat(INLINE_CAP + 5),
            &"é".repeat(30),
        ] {
            let known = PyStr::from_text(text.to_string(), text.chars().count());
            let scanned = PyStr::new(text);
            assert_eq!(known.bytes(), scanned.bytes());
            assert_eq!(known.char_len(), scanned.char_len());
            assert_eq!(known.is_ascii(), scanned.is_ascii());
        }
        let a = PyStr::from_ascii("plain words");
        assert_eq!((a.char_len(), a.is_ascii()), (11, true));
    }

    #[test]
    fn surrogates_round_trip() {
        let s = PyStr::from_code_points(&[0x61, 0xDC80, 0x1F600]);
        assert!(s.has_surrogates());
        assert_eq!(s.char_len(), 3);
        assert_eq!(s.code_points(), vec![0x61, 0xDC80, 0x1F600]);
    }
}
