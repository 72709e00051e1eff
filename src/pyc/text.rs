//! Marshalled text: UTF-8 as CPython writes it with the `surrogatepass` error handler.
//!
//! CPython marshals a str (2.x: a unicode) as UTF-8, except that a lone surrogate
//! (U+D800–U+DFFF, which a Python string may hold) is written as its own 3-byte sequence
//! `ED A0..BF 80..BF`. Two surrogates that happen to form a pair are still written as two
//! such sequences and read back as two code points, so this is not WTF-8 (which would
//! combine them). We call it *generalized UTF-8*.
//!
//! Storage decision: text that is valid UTF-8 — nearly all of it — becomes an `Rc<str>`.
//! Text holding at least one surrogate keeps the marshalled bytes unchanged (an `Rc<[u8]>`
//! in [`Constant::SurrogateStr`](super::Constant::SurrogateStr)); [`code_points`] turns them
//! into the exact sequence of code points CPython holds. A VM that stores strings as UTF-8
//! can keep this form as is (PyPy does the same).

use std::rc::Rc;

/// Text decoded from marshal data.
pub(crate) enum Text {
    /// Well-formed Unicode.
    Utf8(Rc<str>),
    /// Generalized UTF-8 holding at least one lone surrogate.
    Surrogates(Rc<[u8]>),
}

/// Decodes marshalled text; `Err(i)` gives the index of the first byte that is neither
/// UTF-8 nor a surrogate sequence.
pub(crate) fn decode(bytes: &[u8]) -> Result<Text, usize> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Text::Utf8(Rc::from(s))),
        Err(_) => {
            validate_generalized(bytes)?;
            Ok(Text::Surrogates(Rc::from(bytes)))
        }
    }
}

fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Checks generalized UTF-8: UTF-8 whose `ED` lead byte may also encode U+D800–U+DFFF.
fn validate_generalized(bytes: &[u8]) -> Result<(), usize> {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ok_len = |n: usize, second: std::ops::RangeInclusive<u8>| -> bool {
            i + n <= bytes.len()
                && second.contains(&bytes[i + 1])
                && bytes[i + 2..i + n].iter().all(|&c| is_cont(c))
        };
        let len = match b {
            0x00..=0x7F => 1,
            0xC2..=0xDF if i + 1 < bytes.len() && is_cont(bytes[i + 1]) => 2,
            0xE0 if ok_len(3, 0xA0..=0xBF) => 3,
            // ED: 80..9F is the BMP below the surrogates, A0..BF the surrogates themselves.
            0xE1..=0xEF if ok_len(3, 0x80..=0xBF) => 3,
            0xF0 if ok_len(4, 0x90..=0xBF) => 4,
            0xF1..=0xF3 if ok_len(4, 0x80..=0xBF) => 4,
            0xF4 if ok_len(4, 0x80..=0x8F) => 4,
            _ => return Err(i),
        };
        i += len;
    }
    Ok(())
}

/// The code points of generalized UTF-8 (a [`Constant::SurrogateStr`](super::Constant::SurrogateStr)
/// or any valid UTF-8), lone surrogates included.
pub fn code_points(bytes: &[u8]) -> CodePoints<'_> {
    CodePoints { bytes, i: 0 }
}

/// Iterator returned by [`code_points`].
#[derive(Debug, Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (bytes, i) = (self.bytes, self.i);
        let b = *bytes.get(i)? as u32;
        let cont = |k: usize| bytes.get(i + k).map_or(0, |&c| (c & 0x3F) as u32);
        let (cp, len) = if b < 0x80 {
            (b, 1)
        } else if b < 0xE0 {
            ((b & 0x1F) << 6 | cont(1), 2)
        } else if b < 0xF0 {
            ((b & 0x0F) << 12 | cont(1) << 6 | cont(2), 3)
        } else {
            ((b & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4)
        };
        self.i += len;
        Some(cp)
    }
}

/// A lossy `str` for text that must be a Rust string (names, file names): each surrogate
/// becomes U+FFFD.
pub(crate) fn lossy(bytes: &[u8]) -> Rc<str> {
    let s: String = code_points(bytes)
        .map(|cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Rc::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_are_kept_apart() {
        // "\ud83d\ude00" as CPython's surrogatepass writes it: two 3-byte sequences.
        let b = [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, b'x'];
        assert!(matches!(decode(&b), Ok(Text::Surrogates(_))));
        assert_eq!(code_points(&b).collect::<Vec<_>>(), [0xD83D, 0xDE00, 0x78]);
        assert_eq!(&*lossy(&b), "\u{FFFD}\u{FFFD}x");
    }

    #[test]
    fn invalid_sequences_are_rejected_at_their_byte() {
        assert_eq!(decode(b"ab\xffc").err(), Some(2));
        assert_eq!(decode(b"a\xed\xa0").err(), Some(1)); // truncated surrogate
        assert_eq!(decode(b"\xc0\x80").err(), Some(0)); // overlong
        assert_eq!(decode(b"\xf4\x90\x80\x80").err(), Some(0)); // above U+10FFFF
        assert!(matches!(decode("é😀".as_bytes()), Ok(Text::Utf8(_))));
    }
}
