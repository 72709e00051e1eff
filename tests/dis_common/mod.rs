//! Helpers shared by the disassembler tests: the normalisation the oracle sweep applies
//! (`tools/dis_sweep.py`), so xpython's output and the real `dis` output compare equal
//! where they legitimately differ.
//!
//! - code object addresses: ` at 0x…` becomes ` at 0x?` (xpython prints stand-ins);
//! - frozenset reprs: elements sorted (a rebuilt set iterates in the loading
//!   interpreter's hash order, the .pyc stores the compiling interpreter's).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Replaces every ` at 0x<hex>` by ` at 0x?`.
pub fn norm_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0x?");
        rest = &rest[i + 6..];
        let hex = rest
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len());
        rest = &rest[hex..];
    }
    out.push_str(rest);
    out
}

/// The index of the bracket closing the one at `start` (quoted text skipped).
fn matching(s: &[char], start: usize) -> Option<usize> {
    let (mut depth, mut quote, mut i) = (0i32, None, start);
    while i < s.len() {
        let c = s[i];
        if let Some(q) = quote {
            if c == '\\' {
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else if c == '\'' || c == '"' {
            quote = Some(c);
        } else if "([{".contains(c) {
            depth += 1;
        } else if ")]}".contains(c) {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Top-level comma-separated items of a repr list body.
fn split_top(s: &[char]) -> Vec<String> {
    let (mut items, mut cur, mut depth, mut quote) = (Vec::new(), String::new(), 0i32, None);
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if let Some(q) = quote {
            cur.push(c);
            if c == '\\' && i + 1 < s.len() {
                cur.push(s[i + 1]);
                i += 1;
            } else if c == q {
                quote = None;
            }
        } else if c == '\'' || c == '"' {
            quote = Some(c);
            cur.push(c);
        } else if "([{".contains(c) {
            depth += 1;
            cur.push(c);
        } else if ")]}".contains(c) {
            depth -= 1;
            cur.push(c);
        } else if c == ',' && depth == 0 {
            items.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
        i += 1;
    }
    if !cur.trim().is_empty() {
        items.push(cur.trim().to_string());
    }
    items
}

/// Sorts the elements of every `frozenset(...)` repr.
pub fn norm_sets(s: &str) -> String {
    const KEY: &str = "frozenset(";
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let here: String = chars[i..chars.len().min(i + KEY.len())].iter().collect();
        if here == KEY {
            let k = i + KEY.len();
            if k < chars.len() && (chars[k] == '{' || chars[k] == '[') {
                if let Some(end) = matching(&chars, k) {
                    let body: String = chars[k + 1..end].iter().collect();
                    let body: Vec<char> = norm_sets(&body).chars().collect();
                    let mut items = split_top(&body);
                    items.sort();
                    out.push_str(KEY);
                    out.push(chars[k]);
                    out.push_str(&items.join(", "));
                    i = end;
                    continue;
                }
            }
            out.push_str(KEY);
            i = k;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

pub fn norm(s: &str) -> String {
    norm_sets(&norm_addresses(s))
}

/// Normalises a JSON record the way the sweep does (text and instruction strings).
pub fn norm_record(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(obj) = v.as_object_mut() {
        obj.remove("file");
        if let Some(serde_json::Value::String(t)) = obj.get_mut("text") {
            *t = norm(t);
        }
        if let Some(serde_json::Value::Array(instrs)) = obj.get_mut("instrs") {
            for ins in instrs {
                if let serde_json::Value::Array(fields) = ins {
                    for f in fields {
                        if let serde_json::Value::String(s) = f {
                            *s = norm(s);
                        }
                    }
                }
            }
        }
    }
    v
}

/// `tests/data/dis`.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dis")
}

/// The version directories of the golden data (`2.7`, `3.6`, ...), sorted.
pub fn version_dirs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .expect("tests/data/dis exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
        })
        .collect();
    v.sort();
    v
}

/// The `.pyc` files of a directory, sorted.
pub fn pycs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pyc"))
        .collect();
    v.sort();
    v
}

#[test]
fn normalisation() {
    assert_eq!(
        norm("<code object f at 0x7f01ab, file \"x\", line 1>"),
        "<code object f at 0x?, file \"x\", line 1>"
    );
    assert_eq!(
        norm("(frozenset({'b,', 'a'}), frozenset(['z', frozenset({2, 1})]))"),
        "(frozenset({'a', 'b,'}), frozenset(['z', frozenset({1, 2})]))"
    );
}
