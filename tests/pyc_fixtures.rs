//! Golden test: what xpython reads from `.pyc` files compiled by each installed CPython
//! (2.7, 3.6–3.13) equals what that CPython reads back itself.
//!
//! `tools/gen_pyc_fixtures.py` compiled `tests/data/pyc/fixtures/<ver>/*.pyc` (every kind
//! of constant, closures, classes, hash-based headers, exotic marshal types, stdlib
//! modules) and recorded in `expected.json` the facts the real interpreter sees. This test
//! builds the same facts from our [`CodeObject`] and compares them field by field; `repr`
//! of constants is compared as text, so it also checks [`Constant::repr`] per version.

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use xpython::pyc::{load_pyc, CodeObject, Constant, SourceStamp};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pyc/fixtures")
}

/// FNV-1a 64 as `<len>:<hex>`, the digest the generator records.
fn fnv(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{}:{h:016x}", data.len())
}

fn type_name(c: &Constant, py2: bool) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bytes(_) if py2 => "str",
        Constant::Str(_) | Constant::SurrogateStr(_) if py2 => "unicode",
        Constant::Ellipsis => "ellipsis",
        Constant::StopIteration => "type",
        other => other.type_name(),
    }
}

fn has_special(c: &Constant) -> bool {
    match c {
        Constant::Set(_) | Constant::FrozenSet(_) | Constant::Code(_) => true,
        Constant::Tuple(t) | Constant::List(t) => t.iter().any(has_special),
        Constant::Dict(d) => d.iter().any(|(k, v)| has_special(k) || has_special(v)),
        _ => false,
    }
}

fn sorted_reprs(items: &[Constant], v: (u8, u8)) -> Value {
    let mut reprs: Vec<String> = items.iter().map(|c| c.repr(v)).collect();
    reprs.sort();
    json!(reprs)
}

fn const_facts(c: &Constant, v: (u8, u8)) -> Value {
    match c {
        Constant::Code(code) => json!({ "code": code_facts(code, v) }),
        Constant::FrozenSet(items) => json!({ "frozenset": sorted_reprs(items, v) }),
        Constant::Set(items) => json!({ "set": sorted_reprs(items, v) }),
        Constant::Tuple(items) if has_special(c) => {
            json!({ "tuple": items.iter().map(|x| const_facts(x, v)).collect::<Vec<_>>() })
        }
        Constant::List(items) if has_special(c) => {
            json!({ "list": items.iter().map(|x| const_facts(x, v)).collect::<Vec<_>>() })
        }
        _ => json!({ "repr": c.repr(v), "type": type_name(c, v.0 == 2) }),
    }
}

fn names(n: &[Rc<str>]) -> Value {
    json!(n.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

fn code_facts(co: &CodeObject, v: (u8, u8)) -> Value {
    json!({
        "name": &*co.name,
        "qualname": &*co.qualname,
        "filename": &*co.filename,
        "firstlineno": co.firstlineno,
        "argcount": co.argcount,
        "posonlyargcount": co.posonlyargcount,
        "kwonlyargcount": co.kwonlyargcount,
        "nlocals": co.nlocals,
        "stacksize": co.stacksize,
        "flags": co.flags,
        "names": names(&co.names),
        "varnames": names(&co.varnames),
        "cellvars": names(&co.cellvars),
        "freevars": names(&co.freevars),
        "code": fnv(&co.code),
        "linetable": fnv(&co.linetable),
        "exceptiontable": fnv(&co.exceptiontable),
        "consts": co.consts.iter().map(|c| const_facts(c, v)).collect::<Vec<_>>(),
    })
}

fn source_facts(s: &SourceStamp) -> Value {
    match s {
        SourceStamp::Timestamp { mtime, size: None } => json!({ "mtime": mtime }),
        SourceStamp::Timestamp {
            mtime,
            size: Some(size),
        } => json!({ "mtime": mtime, "size": size }),
        SourceStamp::Hash { hash, checked } => {
            let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
            json!({ "hash": hex, "checked": checked })
        }
    }
}

/// The path to the first difference between two JSON values, with both sides.
fn first_difference(want: &Value, got: &Value, path: &str) -> Option<String> {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            keys.into_iter().find_map(|k| {
                let (x, y) = (a.get(k), b.get(k));
                match (x, y) {
                    (Some(x), Some(y)) => first_difference(x, y, &format!("{path}.{k}")),
                    _ => Some(format!("{path}.{k}: expected {x:?}, got {y:?}")),
                }
            })
        }
        (Value::Array(a), Value::Array(b)) => {
            let found = a
                .iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(x, y, &format!("{path}[{i}]")));
            found.or_else(|| {
                (a.len() != b.len())
                    .then(|| format!("{path}: expected {} items, got {}", a.len(), b.len()))
            })
        }
        _ => (want != got).then(|| format!("{path}: expected {want}, got {got}")),
    }
}

#[test]
fn fixtures_match_what_cpython_reads() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").exists())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 9,
        "expected fixtures of 9 versions, found {}",
        dirs.len()
    );
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in dirs {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let version = expected["version"].as_str().unwrap().to_string();
        let files: &Map<String, Value> = expected["files"].as_object().unwrap();
        for (name, want) in files {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            let pyc = match load_pyc(&bytes) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{version}/{name}: {e}"));
                    continue;
                }
            };
            assert_eq!(pyc.version.format.id, version);
            let v = pyc.version.format.major_minor;
            let got = json!({
                "magic": pyc.magic,
                "flags": pyc.flags,
                "source": source_facts(&pyc.source),
                "code": code_facts(&pyc.code, v),
            });
            if let Some(diff) = first_difference(want, &got, "") {
                failures.push(format!("{version}/{name}: {diff}"));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 74, "only {checked} fixture files checked");
}
