//! `xpython opcodes`: the generated reference must list exactly what the spec declares,
//! in each format, and its diffs must agree with the spec read independently through the
//! generator's loader.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

fn xpython(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xpython"))
        .args(args)
        .output()
        .expect("run xpython");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn spec() -> xpython_codegen::Spec {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("spec");
    xpython_codegen::load_spec(&dir).unwrap_or_else(|r| panic!("{r}"))
}

fn names(spec: &xpython_codegen::Spec, id: &str) -> BTreeMap<String, u8> {
    spec.version(id)
        .unwrap()
        .ops
        .values()
        .map(|o| (o.name.clone(), o.num))
        .collect()
}

#[test]
fn version_table_lists_every_opcode_with_its_facts() {
    let spec = spec();
    for v in &spec.versions {
        let (code, out, err) = xpython(&["opcodes", "--version", &v.id, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows = json["opcodes"].as_array().unwrap();
        let listed: BTreeMap<String, u8> = rows
            .iter()
            .map(|r| {
                (
                    r["name"].as_str().unwrap().to_string(),
                    r["num"].as_u64().unwrap() as u8,
                )
            })
            .collect();
        assert_eq!(listed, names(&spec, &v.id), "version {}", v.id);
        for r in rows {
            let op = &v.ops[r["name"].as_str().unwrap()];
            assert_eq!(r["arg"], op.arg.as_str());
            assert_eq!(r["cache"].as_u64().unwrap() as u8, op.cache);
            assert_eq!(r["stack"], op.stack.text.as_str());
            assert_eq!(r["doc"], op.doc.as_str());
        }
    }
}

#[test]
fn markdown_and_html_tables_have_a_row_per_opcode() {
    let spec = spec();
    let v = spec.version("3.11").unwrap();
    let (code, md, _) = xpython(&["opcodes", "--version", "3.11"]);
    assert_eq!(code, 0);
    let rows = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| # "))
        .count();
    assert_eq!(rows, v.ops.len());
    let (code, html, _) = xpython(&["opcodes", "--version", "3.11", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for name in v.ops.keys() {
        assert!(
            html.contains(&format!("<tr id=\"{name}\">")),
            "{name} missing from the HTML"
        );
    }
}

#[test]
fn diff_reports_added_removed_and_renumbered() {
    let spec = spec();
    for pair in spec.versions.windows(2) {
        let (a, b) = (&pair[0].id, &pair[1].id);
        let (code, out, err) = xpython(&["opcodes", "--diff", a, b, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let d: serde_json::Value = serde_json::from_str(&out).unwrap();
        let (na, nb) = (names(&spec, a), names(&spec, b));
        let set = |key: &str| -> BTreeSet<String> {
            d[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["name"].as_str().unwrap().to_string())
                .collect()
        };
        let added: BTreeSet<String> = nb
            .keys()
            .filter(|n| !na.contains_key(*n))
            .cloned()
            .collect();
        let removed: BTreeSet<String> = na
            .keys()
            .filter(|n| !nb.contains_key(*n))
            .cloned()
            .collect();
        assert_eq!(set("added"), added, "{a} -> {b}");
        assert_eq!(set("removed"), removed, "{a} -> {b}");
        let renumbered: BTreeSet<String> = d["renumbered"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_str().unwrap().to_string())
            .collect();
        let expected: BTreeSet<String> = na
            .iter()
            .filter(|(n, num)| nb.get(*n).is_some_and(|m| m != *num))
            .map(|(n, _)| n.clone())
            .collect();
        assert_eq!(renumbered, expected, "{a} -> {b}");
    }
    // Facts of CPython's history the reference must show.
    let (_, md, _) = xpython(&["opcodes", "--diff", "3.10", "3.11"]);
    assert!(md.contains("- `PRECALL` = "), "3.11 added PRECALL:\n{md}");
    assert!(
        md.contains("- `SETUP_FINALLY` (was 122)"),
        "3.11 removed SETUP_FINALLY"
    );
    let (_, md, _) = xpython(&["opcodes", "--diff", "3.12", "3.13"]);
    assert!(
        md.contains("- `RESUME`: 151 → 149"),
        "3.13 renumbered RESUME"
    );
}

#[test]
fn matrix_covers_every_opcode_of_every_version() {
    let spec = spec();
    let (code, out, _) = xpython(&["opcodes", "--matrix", "--format", "json"]);
    assert_eq!(code, 0);
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    let versions: Vec<&str> = m["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        versions,
        spec.versions
            .iter()
            .map(|v| v.id.as_str())
            .collect::<Vec<_>>()
    );
    let mut all = BTreeSet::new();
    for row in m["rows"].as_array().unwrap() {
        let name = row[0].as_str().unwrap();
        all.insert(name.to_string());
        for (i, cell) in row[1].as_array().unwrap().iter().enumerate() {
            let expected = spec.versions[i].ops.get(name).map(|o| o.num as u64);
            assert_eq!(cell.as_u64(), expected, "{name} in {}", versions[i]);
        }
    }
    let union: BTreeSet<String> = spec
        .versions
        .iter()
        .flat_map(|v| v.ops.keys().cloned())
        .collect();
    assert_eq!(all, union);
    let (code, md, _) = xpython(&["opcodes"]);
    assert_eq!(code, 0);
    assert!(
        md.contains("| opcode | 2.4 | 2.5 |"),
        "the matrix is the default view"
    );
}

#[test]
fn unknown_version_is_a_one_line_error() {
    let (code, out, err) = xpython(&["opcodes", "--version", "4.0"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("xpython: error: 4.0: no such version (known: 2.4, "),
        "{err}"
    );
    let (code, _, err) = xpython(&["opcodes", "--bogus"]);
    assert_eq!(code, 2, "bad options exit 2 like python: {err}");
}
