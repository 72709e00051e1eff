//! The opcode spec (`spec/*.toml`, loaded and resolved by the generator crate) checked
//! against the facts recorded for every CPython version (`tests/data/facts/<X.Y>.json`):
//! from the real interpreters by `tools/extract_facts.py` (2.7, 3.6-3.13) and from
//! CPython's sources by `tools/facts_from_reference.py` (2.4-2.6, 3.0-3.5, and 2.7's
//! stack effects).
//!
//! Checked per version: the magic number and range, marshal version, HAVE_ARGUMENT,
//! cmp_op / _nb_ops / intrinsics; per opcode: the name and number (equal to `opmap`,
//! pseudo opcodes >= 256 excluded), argument presence (`hasarg` from 3.12, else
//! HAVE_ARGUMENT), argument kinds against the has* lists, inline cache sizes, instrumented
//! opcodes marked `not_in_pyc`, and both stack formulas evaluated at every sampled oparg.
//!
//! Stack-effect samples come in two shapes:
//! * `jump` / `nojump` (`dis.stack_effect` of 3.8+): `stack` must equal `nojump` and
//!   `stack_jump` (or `stack` when absent) must equal `jump`, exactly;
//! * `any` only (3.4-3.7 `dis.stack_effect`, and compile.c's `opcode_stack_effect` for the
//!   older versions): the compiler counts a single value for both edges, the larger one,
//!   so `max(stack, stack_jump) == any`; where the version's `stackdepth_walk` corrects
//!   the jump edge (`walk_jump` / `walk_nojump`, 2.7 and 3.2-3.5) an exact match of those
//!   is accepted instead.
//!
//! A null sample (a ValueError from `dis.stack_effect`, or no case in compile.c) is skipped.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_facts(version: &str) -> Value {
    let path = root()
        .join("tests/data/facts")
        .join(format!("{version}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fact_versions() -> BTreeSet<String> {
    let dir = root().join("tests/data/facts");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".json")?;
            let mut parts = stem.split('.');
            let ok = parts.next()?.parse::<u32>().is_ok()
                && parts.next()?.parse::<u32>().is_ok()
                && parts.next().is_none();
            ok.then(|| stem.to_string())
        })
        .collect()
}

fn str_list(facts: &Value, key: &str) -> Option<Vec<String>> {
    facts.get(key)?.as_array().map(|a| {
        a.iter()
            .map(|v| v.as_str().expect("list of names").to_string())
            .collect()
    })
}

fn in_list(facts: &Value, key: &str, name: &str) -> bool {
    facts
        .get(key)
        .and_then(Value::as_array)
        .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(name)))
}

/// The has* list an argument kind implies; every member of that list must have one of
/// the kinds mapping to it.
fn kind_list(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "const" => "hasconst",
        "name" | "global" | "attr" | "super_attr" => "hasname",
        "local" | "local_pair" => "haslocal",
        "free" => "hasfree",
        "jrel" | "jback" => "hasjrel",
        "jabs" => "hasjabs",
        "compare" => "hascompare",
        _ => return None,
    })
}

const LISTS: [&str; 7] = [
    "hasconst",
    "hasname",
    "haslocal",
    "hasfree",
    "hasjrel",
    "hasjabs",
    "hascompare",
];

fn int(v: &Value) -> Option<i64> {
    v.as_i64()
}

fn check_version(v: &xpython_codegen::ResolvedVersion, facts: &Value, out: &mut Vec<String>) {
    let id = &v.id;
    let mut fail = |msg: String| out.push(format!("{id}: {msg}"));

    // ---- version-level facts
    let magic = int(&facts["magic"]).expect("magic");
    if i64::from(v.magic) != magic {
        fail(format!("magic {} but the facts say {magic}", v.magic));
    }
    if let Some(range) = facts.get("magic_range").and_then(Value::as_array) {
        let (lo, hi) = (int(&range[0]).unwrap(), int(&range[1]).unwrap());
        if (i64::from(v.magic_range.0), i64::from(v.magic_range.1)) != (lo, hi) {
            fail(format!(
                "magic_range {:?} but the facts say ({lo}, {hi})",
                v.magic_range
            ));
        }
        if !(lo..=hi).contains(&magic) {
            fail(format!("final magic {magic} outside the magic range"));
        }
    }
    if i64::from(v.marshal_version) != int(&facts["marshal_version"]).unwrap() {
        fail(format!(
            "marshal_version {} but the facts say {}",
            v.marshal_version, facts["marshal_version"]
        ));
    }
    let have_argument = int(&facts["HAVE_ARGUMENT"]).unwrap();
    if i64::from(v.have_argument) != have_argument {
        fail(format!(
            "have_argument {} but HAVE_ARGUMENT is {have_argument}",
            v.have_argument
        ));
    }
    if Some(v.cmp_ops.clone()) != str_list(facts, "cmp_op") {
        fail(format!(
            "cmp_ops {:?} but cmp_op is {}",
            v.cmp_ops, facts["cmp_op"]
        ));
    }
    if let Some(nb) = facts.get("_nb_ops").and_then(Value::as_array) {
        let want: Vec<(String, String)> = nb
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_string(),
                    p[1].as_str().unwrap().to_string(),
                )
            })
            .collect();
        if v.binary_ops != want {
            fail(format!(
                "binary_ops differ from _nb_ops: {:?}",
                v.binary_ops
            ));
        }
    }
    for (mine, key) in [
        (&v.intrinsics_1, "_intrinsic_1_descs"),
        (&v.intrinsics_2, "_intrinsic_2_descs"),
    ] {
        if let Some(want) = str_list(facts, key) {
            if *mine != want {
                fail(format!("intrinsics differ from {key}: {mine:?}"));
            }
        }
    }
    let encoding_ok = match v.encoding.as_str() {
        "variable" => v.extended_arg_shift == 16,
        "wordcode" => v.extended_arg_shift == 8,
        _ => false,
    };
    if !encoding_ok {
        fail(format!(
            "encoding {:?} with extended_arg_shift {}",
            v.encoding, v.extended_arg_shift
        ));
    }

    // ---- the opcode set
    let opmap = facts["opmap"].as_object().expect("opmap");
    let real: std::collections::BTreeMap<&str, i64> = opmap
        .iter()
        .map(|(k, n)| (k.as_str(), int(n).unwrap()))
        .filter(|&(_, n)| n < 256)
        .collect();
    for (name, num) in &real {
        if !v.ops.contains_key(*name) {
            fail(format!("{name}: in opmap as {num}, missing from the spec"));
        }
    }
    for (name, op) in &v.ops {
        // experimental opcodes (spec/experimental) are not CPython's
        if op.experiment.is_none() && !real.contains_key(name.as_str()) {
            fail(format!("{name}: in the spec, not in opmap"));
        }
    }

    let extended_arg = int(&facts["EXTENDED_ARG"]).unwrap();
    let min_instrumented = facts.get("MIN_INSTRUMENTED_OPCODE").and_then(int);
    let caches = facts
        .get("_inline_cache_entries")
        .and_then(Value::as_object);
    let samples = facts.get("stack_effect_samples").and_then(Value::as_object);
    let uses_hasarg = facts.get("hasarg").is_some();

    for (name, op) in &v.ops {
        let Some(&num) = real.get(name.as_str()) else {
            continue;
        };
        let mut fail = |msg: String| out.push(format!("{id} {name}: {msg}"));
        if i64::from(op.num) != num {
            fail(format!("num {} but opmap says {num}", op.num));
        }
        if op.name != *name {
            fail(format!("name field {:?}", op.name));
        }

        // argument presence and kind
        let has_arg = if uses_hasarg {
            in_list(facts, "hasarg", name)
        } else {
            num >= have_argument
        };
        let kind = op.arg.as_str();
        if (kind != "none") != has_arg {
            fail(format!(
                "arg {kind:?}, but the opcode {} an argument ({})",
                if has_arg { "takes" } else { "takes no" },
                if uses_hasarg {
                    "hasarg"
                } else {
                    "HAVE_ARGUMENT"
                }
            ));
        }
        if (num == extended_arg) != (kind == "extended_arg") {
            fail(format!("arg {kind:?}; EXTENDED_ARG is {extended_arg}"));
        }
        for list in LISTS {
            if facts.get(list).is_none() {
                continue;
            }
            let member = in_list(facts, list, name);
            let implied = kind_list(kind) == Some(list);
            if member && !implied {
                fail(format!("in {list} but arg is {kind:?}"));
            }
            if implied && !member {
                fail(format!("arg {kind:?} but not in {list}"));
            }
        }

        // inline caches
        let want_cache = caches
            .and_then(|c| c.get(name.as_str()))
            .and_then(int)
            .unwrap_or(0);
        if i64::from(op.cache) != want_cache {
            fail(format!(
                "cache {} but _inline_cache_entries says {want_cache}",
                op.cache
            ));
        }

        // never in a .pyc
        if let Some(min) = min_instrumented {
            if num >= min && !op.not_in_pyc {
                fail(format!(
                    "number {num} >= MIN_INSTRUMENTED_OPCODE {min} but not marked not_in_pyc"
                ));
            }
        }

        // doc starts with the stack picture
        let picture = op.doc.split(')').next().unwrap_or("");
        if !op.doc.starts_with('(') || !picture.contains("--") {
            fail(format!(
                "doc does not start with a (inputs -- outputs) picture: {:?}",
                op.doc
            ));
        }

        // stack effects
        let Some(per_arg) = samples
            .and_then(|s| s.get(name.as_str()))
            .and_then(Value::as_object)
        else {
            continue;
        };
        for (arg, rec) in per_arg {
            let oparg: i64 = if arg == "noarg" {
                0
            } else {
                arg.parse().expect("oparg key")
            };
            let s = op.stack.eval(oparg);
            let j = op.stack_jump.as_ref().map_or(s, |f| f.eval(oparg));
            let get = |k: &str| rec.get(k).and_then(int);
            if rec.get("nojump").is_some() {
                if let Some(want) = get("nojump") {
                    if s != want {
                        fail(format!(
                            "oparg {arg}: stack = {s}, dis.stack_effect(jump=False) = {want}"
                        ));
                    }
                }
                if let Some(want) = get("jump") {
                    if j != want {
                        fail(format!(
                            "oparg {arg}: stack_jump = {j}, dis.stack_effect(jump=True) = {want}"
                        ));
                    }
                }
                continue;
            }
            let Some(any) = get("any") else { continue };
            if s.max(j) == any {
                continue;
            }
            if let (Some(wn), Some(wj)) = (get("walk_nojump"), get("walk_jump")) {
                if s == wn && j == wj {
                    continue;
                }
                fail(format!(
                    "oparg {arg}: stack = {s}, stack_jump = {j}; recorded max {any}, stackdepth_walk edges {wn} / {wj}"
                ));
                continue;
            }
            fail(format!(
                "oparg {arg}: max(stack = {s}, stack_jump = {j}) != recorded {any}"
            ));
        }
    }
}

#[test]
fn spec_matches_facts_of_every_version() {
    let spec = xpython_codegen::load_spec(Path::new(&root().join("spec")))
        .unwrap_or_else(|report| panic!("the spec does not load:\n{report}"));
    let wanted = fact_versions();
    let have: BTreeSet<String> = spec.versions.iter().map(|v| v.id.clone()).collect();
    let mut failures = Vec::new();
    for missing in wanted.difference(&have) {
        failures.push(format!("{missing}: facts recorded but no spec version"));
    }
    for extra in have.difference(&wanted) {
        failures.push(format!("{extra}: spec version without facts"));
    }
    for v in &spec.versions {
        if wanted.contains(&v.id) {
            check_version(v, &load_facts(&v.id), &mut failures);
        }
        for (name, op) in &v.ops {
            if !spec.handlers.contains_key(&op.handler) {
                failures.push(format!(
                    "{} {name}: handler {:?} is not in handlers.toml",
                    v.id, op.handler
                ));
            }
        }
    }
    if !failures.is_empty() {
        let mut msg = format!(
            "{} mismatch(es) between spec/ and tests/data/facts/:\n",
            failures.len()
        );
        for f in &failures {
            let _ = writeln!(msg, "  {f}");
        }
        panic!("{msg}");
    }
}

#[test]
fn facts_cover_the_supported_versions() {
    let have = fact_versions();
    for v in [
        "2.4", "2.5", "2.6", "2.7", "3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
        "3.9", "3.10", "3.11", "3.12", "3.13",
    ] {
        assert!(have.contains(v), "tests/data/facts/{v}.json is missing");
        let facts = load_facts(v);
        assert!(
            facts
                .get("stack_effect_samples")
                .and_then(Value::as_object)
                .is_some(),
            "{v}: no stack-effect samples recorded"
        );
    }
}

/// `tools/spec_sync.py --check`: a resync from the facts would leave the spec as it is, so
/// the sync keeps every hand-written field (it once dropped `method_load`/`method_call`
/// and `superinstructions`). Needs a Python with `tomllib` (3.11+); skipped, with a note,
/// without one.
#[test]
fn spec_sync_would_leave_the_spec_unchanged() {
    let has_tomllib = std::process::Command::new("python3")
        .args(["-c", "import tomllib"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_tomllib {
        eprintln!("note: no python3 with tomllib; spec_sync --check skipped");
        return;
    }
    let out = std::process::Command::new("python3")
        .arg(root().join("tools").join("spec_sync.py"))
        .arg("--check")
        .current_dir(root())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "spec_sync --check:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
