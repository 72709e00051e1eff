//! xpython's `_sre` engine against the real CPython engines: for every version's
//! tests/data/sre/<X.Y>.json (written by tools/gen_sre_fixtures.py), the code words that
//! version's compiler produced are translated and run on the recorded subjects, and every
//! match, finditer, split and sub result must equal CPython's. Malformed code lists must be
//! refused exactly when CPython refuses them.

use serde_json::Value;
use xpython::modules::sre::compile::{translate, Program};
use xpython::modules::sre::constants::SreVersion;
use xpython::modules::sre::engine::Unit;
use xpython::modules::sre::ops::{once, Matches, Mode, Purpose, Regs};

fn decode(v: &Value) -> Vec<u32> {
    let mut out = Vec::new();
    for run in v.as_array().expect("rle list") {
        let c = run[0].as_u64().unwrap() as u32;
        let n = run[1].as_u64().unwrap() as usize;
        out.extend(std::iter::repeat_n(c, n));
    }
    out
}

fn regs_json(r: &Option<Regs>) -> Value {
    match r {
        None => Value::Null,
        Some(r) => serde_json::json!({
            "regs": r.spans.iter().map(|(s, e)| vec![*s, *e]).collect::<Vec<_>>(),
            "lastindex": if r.lastindex < 0 { Value::Null } else { Value::from(r.lastindex) },
        }),
    }
}

fn rle(items: &[u32]) -> Value {
    let mut out: Vec<(u32, u64)> = Vec::new();
    for &c in items {
        match out.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => out.push((c, 1)),
        }
    }
    Value::from(
        out.into_iter()
            .map(|(c, n)| Value::from(vec![Value::from(c), Value::from(n)]))
            .collect::<Vec<_>>(),
    )
}

fn run_case<T: Unit + Into<u32>>(
    v: &SreVersion,
    prog: &Program,
    text: &[T],
    op: &str,
    pos: usize,
    endpos: usize,
) -> Value {
    let units: Vec<u32> = text.iter().map(|c| (*c).into()).collect();
    match op {
        "match" | "search" | "fullmatch" => {
            let mode = match op {
                "match" => Mode::Match,
                "search" => Mode::Search,
                _ => Mode::FullMatch,
            };
            regs_json(&once(v, prog, text, pos, endpos, mode).expect("engine error"))
        }
        "finditer" => {
            let mut it = Matches::new(v, prog, text, pos, endpos, Purpose::Iterate);
            let mut out = Vec::new();
            while let Some(r) = it.next_match().expect("engine error") {
                out.push(regs_json(&Some(r)));
            }
            Value::from(out)
        }
        "split" => {
            if xpython::modules::sre::ops::split_check(v, prog)
                == xpython::modules::sre::ops::SplitCheck::Refuse
            {
                return serde_json::json!({"error": "ValueError: split() requires a non-empty pattern match."});
            }
            let mut it = Matches::new(v, prog, text, pos, endpos, Purpose::Split);
            let mut out = Vec::new();
            let mut last = 0;
            while let Some(r) = it.next_match().expect("engine error") {
                let (b, e) = r.span(0).unwrap();
                out.push(rle(&units[last..b]));
                for g in 1..r.spans.len() {
                    out.push(match r.span(g) {
                        Some((s, e)) => rle(&units[s..e]),
                        None => Value::Null,
                    });
                }
                last = e;
            }
            out.push(rle(&units[last..]));
            Value::from(out)
        }
        "sub" => {
            let mut it = Matches::new(v, prog, text, pos, endpos, Purpose::Sub);
            let mut out = Vec::new();
            let mut last = 0;
            let mut count = 0;
            while let Some(r) = it.next_match().expect("engine error") {
                let (b, e) = r.span(0).unwrap();
                out.extend_from_slice(&units[last..b]);
                out.extend_from_slice(&[b'<' as u32, b'>' as u32]);
                last = e;
                count += 1;
            }
            out.extend_from_slice(&units[last..]);
            serde_json::json!({"text": rle(&out), "count": count})
        }
        _ => panic!("unknown op {op}"),
    }
}

#[test]
fn engine_matches_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sre");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in files {
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let ver = data["version"].as_str().unwrap();
        let minor: u8 = ver.split('.').nth(1).unwrap().parse().unwrap();
        let v = SreVersion::of(3, minor);
        assert_eq!(
            data["magic"].as_u64().unwrap(),
            v.magic as u64,
            "{ver} MAGIC"
        );
        for p in data["patterns"].as_array().unwrap() {
            let code: Vec<u32> = p["code"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_u64().unwrap() as u32)
                .collect();
            let groups = p["groups"].as_u64().unwrap() as usize;
            let flags = p["flags"].as_u64().unwrap() as u32;
            let Ok(prog) = translate(&v, &code, groups, flags) else {
                failures.push(format!("{ver} {}: valid code refused", p["pattern"]));
                continue;
            };
            let t0 = std::time::Instant::now();
            for c in p["cases"].as_array().unwrap() {
                let subject = decode(&c["subject"]);
                let op = c["op"].as_str().unwrap();
                let (pos, endpos) = xpython::modules::sre::ops::clamp(
                    subject.len(),
                    c["pos"].as_i64().unwrap(),
                    c["endpos"].as_i64().unwrap(),
                );
                let got = if p["is_bytes"].as_bool().unwrap() {
                    let b: Vec<u8> = subject.iter().map(|&c| c as u8).collect();
                    run_case(&v, &prog, &b, op, pos, endpos)
                } else {
                    run_case(&v, &prog, &subject, op, pos, endpos)
                };
                checked += 1;
                if t0.elapsed().as_secs_f64() > 0.5 && std::env::var("SRE_TIMING").is_ok() {
                    eprintln!("slow: {ver} {} {op}", p["pattern"]);
                }
                if got != c["result"] {
                    let subj: String = subject
                        .iter()
                        .take(40)
                        .filter_map(|&c| char::from_u32(c))
                        .collect();
                    failures.push(format!(
                        "{ver} {} {op}({subj:?}, {pos}, {endpos}): got {} want {}",
                        p["pattern"],
                        got.to_string().chars().take(300).collect::<String>(),
                        c["result"]
                            .to_string()
                            .chars()
                            .take(300)
                            .collect::<String>()
                    ));
                }
            }
        }
        for m in data["malformed"].as_array().unwrap() {
            let code: Vec<u32> = m["code"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_u64().unwrap() as u32)
                .collect();
            let refused = translate(&v, &code, 0, 0).is_err();
            if refused == m["error"].is_null() {
                failures.push(format!(
                    "{ver} malformed {code:?}: refused={refused}, CPython {}",
                    m["error"]
                ));
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {checked} cases differ:\n{}",
            failures.len(),
            failures
                .iter()
                .take(40)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Damaged code lists (each recorded program with words changed, deterministically)
/// are either refused by the translation or run without panicking.
#[test]
fn damaged_code_never_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sre");
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as u32
    };
    let mut ran = 0;
    for ver in ["3.6", "3.7", "3.11"] {
        let path = dir.join(format!("{ver}.json"));
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let minor: u8 = ver.split('.').nth(1).unwrap().parse().unwrap();
        let v = SreVersion::of(3, minor);
        for p in data["patterns"].as_array().unwrap() {
            let code: Vec<u32> = p["code"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_u64().unwrap() as u32)
                .collect();
            let groups = p["groups"].as_u64().unwrap() as usize;
            for _ in 0..12 {
                let mut bad = code.clone();
                let k = next() as usize % bad.len();
                // Small values only: a huge repeat minimum makes legitimately exponential
                // programs, as slow in CPython.
                bad[k] = match next() % 3 {
                    0 => next() % 48,
                    1 => bad[k].wrapping_add(1),
                    _ => bad[k].wrapping_sub(1),
                };
                if next() % 3 == 0 {
                    let cut = next() as usize % bad.len();
                    bad.truncate(cut);
                }
                if let Ok(prog) = translate(&v, &bad, groups, 0) {
                    if std::env::var("SRE_DEBUG").is_ok() {
                        eprintln!("{ver} {bad:?}");
                    }
                    for subject in ["", "ab", "b\n1"] {
                        let text: Vec<u32> = subject.chars().map(|c| c as u32).collect();
                        for mode in [Mode::Match, Mode::Search, Mode::FullMatch] {
                            let _ = once(&v, &prog, &text, 0, text.len(), mode);
                        }
                        ran += 1;
                    }
                }
            }
        }
    }
    assert!(ran > 0);
}
