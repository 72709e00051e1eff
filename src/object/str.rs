//! The data of a `str` object: UTF-8 text with its length in code points, an ASCII flag
//! for O(1) indexing, and a lazily cached hash.
//!
//! Python strings may hold lone surrogates (from `\udcxx` escapes or surrogatepass
//! decoding); Rust `str` cannot. They are stored as the UTF-8-like three-byte form
//! (`WTF-8`'s encoding of a surrogate), so `data` is valid WTF-8; `as_str` gives the text
//! with each lone surrogate shown as U+FFFD only where a Rust `&str` is required.

use super::hash::{hash_bytes, StrHash};
use std::cell::Cell;

pub struct PyStr {
    /// WTF-8 bytes (UTF-8 unless `has_surrogates`).
    data: Box<[u8]>,
    /// Length in code points.
    char_len: usize,
    is_ascii: bool,
    has_surrogates: bool,
    /// Cached hash; -1 (never a Python hash) until first asked. The hash depends on the
    /// SipHash variant of the running version, fixed for an interpreter.
    hash: Cell<i64>,
    /// For strings with lone surrogates only: the text with each one as U+FFFD.
    lossy: Option<Box<str>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr {
            char_len: if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            },
            is_ascii: s.is_ascii(),
            has_surrogates: false,
            data: s.as_bytes().into(),
            hash: Cell::new(-1),
            lossy: None,
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
        PyStr {
            char_len: points.len(),
            is_ascii: points.iter().all(|&c| c < 0x80),
            has_surrogates,
            data: data.into(),
            hash: Cell::new(-1),
            lossy,
        }
    }

    /// The text. Lone surrogates (rare) come out as U+FFFD.
    pub fn as_str(&self) -> &str {
        if let Some(lossy) = &self.lossy {
            // Callers that must keep lone surrogates use `code_points`.
            return lossy;
        }
        // SAFETY: without surrogates `data` was built from a `&str` or from chars.
        unsafe { std::str::from_utf8_unchecked(&self.data) }
    }

    /// The string's code points (lone surrogates included).
    pub fn code_points(&self) -> Vec<u32> {
        if self.char_len == self.data.len() {
            // ASCII: one byte per code point.
            return self.data.iter().map(|&b| u32::from(b)).collect();
        }
        if !self.has_surrogates {
            return self.as_str().chars().map(|c| c as u32).collect();
        }
        let mut out = Vec::with_capacity(self.char_len);
        let d = &self.data;
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

    /// The WTF-8 bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.data
    }

    pub fn char_len(&self) -> usize {
        self.char_len
    }

    pub fn is_ascii(&self) -> bool {
        self.is_ascii
    }

    pub fn has_surrogates(&self) -> bool {
        self.has_surrogates
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
        if self.is_ascii {
            return hash_bytes(&self.data, rounds);
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
        self.data == other.data
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
    fn surrogates_round_trip() {
        let s = PyStr::from_code_points(&[0x61, 0xDC80, 0x1F600]);
        assert!(s.has_surrogates());
        assert_eq!(s.char_len(), 3);
        assert_eq!(s.code_points(), vec![0x61, 0xDC80, 0x1F600]);
    }
}
