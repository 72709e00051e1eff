//! ASCII fast paths of the str methods: when a string is all ASCII (most are), case
//! conversion, stripping and whitespace splitting work on its bytes in place of a
//! code-point vector. Each gives exactly what the code-point version in `str_methods`
//! gives for ASCII text (no ASCII letter has a multi-character case mapping, and the
//! final-sigma rule cannot apply).

/// Python's whitespace among ASCII bytes (`str.isspace`, `split()` and `strip()` with no
/// argument).
pub const fn is_py_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b..=0x0c | 0x1c..=0x1f)
}

/// Text from bytes that are ASCII by construction.
fn ascii_text(bytes: Vec<u8>) -> String {
    debug_assert!(bytes.is_ascii());
    // SAFETY: every caller maps ASCII bytes to ASCII bytes, which is valid UTF-8.
    unsafe { String::from_utf8_unchecked(bytes) }
}

pub fn lower(s: &[u8]) -> String {
    ascii_text(s.to_ascii_lowercase())
}

pub fn upper(s: &[u8]) -> String {
    ascii_text(s.to_ascii_uppercase())
}

/// `capitalize()`: the first byte upper (title case is upper case in ASCII), the rest
/// lower.
pub fn capitalize(s: &[u8]) -> String {
    let mut r = s.to_ascii_lowercase();
    if let Some(first) = r.first_mut() {
        first.make_ascii_uppercase();
    }
    ascii_text(r)
}

pub fn swapcase(s: &[u8]) -> String {
    ascii_text(
        s.iter()
            .map(|&b| if b.is_ascii_alphabetic() { b ^ 0x20 } else { b })
            .collect(),
    )
}

/// The ASCII bytes `strip()` removes by default.
const SPACES: [bool; 128] = {
    let mut set = [false; 128];
    let mut b = 0;
    while b < 128 {
        set[b] = is_py_space(b as u8);
        b += 1;
    }
    set
};

/// The range `strip` keeps of the ASCII text `s`: without `chars`, whitespace goes; with
/// it, the ASCII characters of `chars`, given as its (WTF-8) bytes: every other code
/// point is encoded with bytes of 0x80 and above, and cannot equal an ASCII byte.
pub fn strip_range(s: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> (usize, usize) {
    let set = match chars {
        None => SPACES,
        Some(chars) => {
            let mut set = [false; 128];
            chars
                .iter()
                .filter(|&&c| c < 128)
                .for_each(|&c| set[c as usize] = true);
            set
        }
    };
    let (mut i, mut j) = (0, s.len());
    if left {
        while i < j && set[s[i] as usize] {
            i += 1;
        }
    }
    if right {
        while j > i && set[s[j - 1] as usize] {
            j -= 1;
        }
    }
    (i, j)
}

/// `split`/`rsplit` on text without lone surrogates, when a fast path applies (a given
/// separator, or whitespace in ASCII text): the parts as slices of `text`.
pub fn split_text<'t>(
    text: &'t str,
    ascii: bool,
    sep: Option<&str>,
    maxsplit: usize,
    reverse: bool,
) -> Option<Vec<&'t str>> {
    match sep {
        Some(sep) => {
            let mut parts: Vec<&str> = if maxsplit == usize::MAX {
                text.split(sep).collect()
            } else if reverse {
                text.rsplitn(maxsplit.saturating_add(1), sep).collect()
            } else {
                text.splitn(maxsplit.saturating_add(1), sep).collect()
            };
            if reverse && maxsplit != usize::MAX {
                parts.reverse();
            }
            Some(parts)
        }
        None if ascii => Some(split_whitespace(text, maxsplit, reverse)),
        None => None,
    }
}

/// `split()`/`rsplit()` with no separator on ASCII text.
fn split_whitespace(text: &str, maxsplit: usize, reverse: bool) -> Vec<&str> {
    let b = text.as_bytes();
    let mut parts = Vec::new();
    let mut splits = 0;
    if reverse {
        let mut i = b.len();
        loop {
            while i > 0 && is_py_space(b[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if splits == maxsplit {
                parts.push(&text[..i]);
                break;
            }
            let end = i;
            while i > 0 && !is_py_space(b[i - 1]) {
                i -= 1;
            }
            parts.push(&text[i..end]);
            splits += 1;
        }
        parts.reverse();
    } else {
        let mut i = 0;
        loop {
            while i < b.len() && is_py_space(b[i]) {
                i += 1;
            }
            if i == b.len() {
                break;
            }
            if splits == maxsplit {
                parts.push(&text[i..]);
                break;
            }
            let start = i;
            while i < b.len() && !is_py_space(b[i]) {
                i += 1;
            }
            parts.push(&text[start..i]);
            splits += 1;
        }
    }
    parts
}
