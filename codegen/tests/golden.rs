//! Golden tests of the generator: the Rust emitted for a tiny fixture spec must equal the
//! committed `golden/spec_tables.rs` (set UPDATE_GOLDEN=1 to rewrite it after an intended
//! change, then read the diff), and a broken spec must produce errors that name the file,
//! line, version, opcode and a fix.

use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

#[test]
fn fixture_spec_generates_the_golden_code() {
    let files = xpython_codegen::generate_source(&fixture("fixture/spec"))
        .unwrap_or_else(|r| panic!("{r}"));
    let (name, text) = &files[0];
    let golden = fixture("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, text).unwrap();
    }
    let expected =
        std::fs::read_to_string(&golden).expect("golden file (run with UPDATE_GOLDEN=1 once)");
    assert!(
        text == &expected,
        "generated code differs from {}; diff it against show-generated",
        golden.display()
    );
}

#[test]
fn fixture_spec_resolves_inheritance_and_experiments() {
    let spec =
        xpython_codegen::load_spec(&fixture("fixture/spec")).unwrap_or_else(|r| panic!("{r}"));
    let v10 = spec.version("1.0").unwrap();
    let v11 = spec.version("1.1").unwrap();
    assert!(v10.ops.contains_key("JUMP_IF_FALSE"));
    assert!(
        !v11.ops.contains_key("JUMP_IF_FALSE"),
        "removed = true deletes the inherited opcode"
    );
    assert_eq!(v10.ops["BUILD_TUPLE"].num, 102);
    assert_eq!(v11.ops["BUILD_TUPLE"].num, 103, "a patch renumbers");
    assert_eq!(
        v11.ops["BUILD_TUPLE"].doc, v10.ops["BUILD_TUPLE"].doc,
        "other fields are inherited"
    );
    assert_eq!(v11.encoding, "wordcode");
    assert_eq!(v11.cmp_ops, v10.cmp_ops);
    assert_eq!(v11.ops["BUILD_TUPLE"].stack.eval(3), -2);
    let exp = &v11.ops["POP_TWO"];
    assert_eq!(exp.experiment.as_deref(), Some("pop-pair"));
    assert_eq!(exp.macro_steps.len(), 2);
    assert!(!v10.ops.contains_key("POP_TWO"));
}

#[test]
fn broken_spec_errors_name_file_line_version_opcode_and_fix() {
    let report = xpython_codegen::load_spec(&fixture("broken"))
        .unwrap_err()
        .to_string();
    let expect = [
        "1.0.toml:17: error in version 1.0, opcode POP_TOP: stack effect `-1 +` does not parse: formula ends too early",
        "error in version 1.0: `jump_base = \"nxt\"` is not one of next, after_caches\n  hint: did you mean `next`?",
        "error in version 1.0: magic 100 is not inside magic_range [90, 99]",
        "opcode BUILD_TUPLE: unknown argument kind `cont`\n  hint: did you mean `const`?",
        "opcode BUILD_TUPLE: handler `build_tupel` is not declared in spec/handlers.toml\n  hint: did you mean `build_tuple`?",
        "opcode BUILD_TUPLE: doc does not start with a stack picture",
        "superinstruction names unknown handler `pop_tops`",
        "superinstruction `jump_if_false_keep` + `pop_top`: JUMP_IF_FALSE jumps, so `jump_if_false_keep` cannot come first",
        "nothing was generated",
    ];
    for e in expect {
        assert!(report.contains(e), "missing {e:?} in:\n{report}");
    }
}

#[test]
fn duplicate_numbers_and_missing_tables_are_reported() {
    let dir = std::env::temp_dir().join(format!("xpython-codegen-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["handlers.toml", "unsupported.toml", "1.0.toml"] {
        let text = std::fs::read_to_string(fixture("broken").join(f)).unwrap();
        let text = text
            .replace("-1 +", "-1")
            .replace("\"nxt\"", "\"next\"")
            .replace("[90, 99]", "[90, 100]")
            .replace("\"cont\"", "\"none\"")
            .replace("build_tupel", "pop_top")
            .replace("doc = \"Build a tuple.\"", "doc = \"(--) Nothing.\"")
            .replace("[op.COMPARE_OP]", "[op.COMPARE_OP]\ncache = 0");
        std::fs::write(dir.join(f), text).unwrap();
    }
    let report = xpython_codegen::load_spec(&dir).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).ok();
    assert!(report.contains("number 1 is also used by"), "{report}");
    assert!(
        report.contains("arg = \"compare\" but the version has no `cmp_ops`"),
        "{report}"
    );
}
