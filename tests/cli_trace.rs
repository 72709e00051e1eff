//! `xpython -v`, `-vv`, `--trace-file` and `--trace-format json` on committed `.pyc` files
//! of CPython 3.6–3.13 (`tests/trace/NAME.X.Y.pyc`, regenerated with
//! `tools/gen_trace_fixtures.py`).
//!
//! The recorded traces (`tests/trace/expected/`) are xpython's own format, so besides the
//! comparison with them every trace is checked against the bytecode independently: each
//! traced `(offset, opname)` is one `xpython dis` lists for that code object, the values
//! an instruction is shown consuming are the top of the stack the previous instruction
//! left (at `-vv`), and the operands of the README example are the program's real ones.
//! The runs with `-c`, `FILE.py` and `-m` need a CPython to compile and are skipped, with
//! a note, where it is missing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const VERSIONS: [&str; 8] = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

/// "3.11" as (3, 11).
fn ver(v: &str) -> (u8, u8) {
    let (a, b) = v.split_once('.').unwrap();
    (a.parse().unwrap(), b.parse().unwrap())
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trace")
}

fn xpython(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
    cmd.args(args)
        .current_dir(dir())
        .output()
        .expect("spawning xpython")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Memory addresses (`at 0x7f...`) differ from run to run: `0x?`.
fn mask_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let hex = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        if hex > 0 {
            out.push('?');
            rest = &rest[hex..];
        }
    }
    out.push_str(rest);
    out
}

/// One traced instruction line: `L. 1   @  4: STORE_NAME (2) x`.
#[derive(Debug, Clone)]
struct Traced {
    line: Option<i32>,
    offset: u32,
    opname: String,
    consumed: Vec<String>,
    arg: String,
}

/// Splits `a, (b, c), 'd, e'` at its top-level commas.
fn split_top(s: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                cur.push(c);
                if c == '\\' {
                    cur.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
                continue;
            }
            None if c == '\'' || c == '"' => quote = Some(c),
            None if "([{<".contains(c) => depth += 1,
            None if ")]}>".contains(c) => depth -= 1,
            None if c == ',' && depth == 0 => {
                items.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            None => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        items.push(cur.trim().to_string());
    }
    items
}

/// The balanced parenthesised group at the start of `s`, and what follows it.
fn leading_group(s: &str) -> Option<(&str, &str)> {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&s[1..i], s[i + 1..].trim_start()));
                }
            }
            _ => {}
        }
    }
    None
}

/// `dis`'s argument text per `(offset, opname)`: what a trace line shows without any
/// consumed values (`LOAD_CONST (2, 3)` loads a tuple; `RETURN_VALUE (None)` consumes).
type ArgReprs = HashMap<(u32, String), HashSet<String>>;

fn dis_argreprs(pyc: &str) -> ArgReprs {
    let out = xpython(&["dis", "--format", "jsonl", pyc]);
    let mut map: ArgReprs = HashMap::new();
    for line in text(&out.stdout).lines() {
        let rec: serde_json::Value = serde_json::from_str(line).expect("dis jsonl");
        for ins in rec["instrs"].as_array().into_iter().flatten() {
            let key = (
                ins[0].as_u64().unwrap() as u32,
                ins[1].as_str().unwrap().to_string(),
            );
            map.entry(key)
                .or_default()
                .insert(ins[4].as_str().unwrap().to_string());
        }
    }
    map
}

fn parse_instruction(line: &str, args: &ArgReprs) -> Option<Traced> {
    let (head, rest) = line.split_once('@')?;
    let head = head.trim();
    let lineno = if head.is_empty() {
        None
    } else {
        Some(head.strip_prefix("L.")?.trim().parse().ok()?)
    };
    let (offset, rest) = rest.split_once(": ")?;
    let offset = offset.trim().parse().ok()?;
    let (opname, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let is_arg = args
        .get(&(offset, opname.to_string()))
        .is_some_and(|a| a.contains(rest));
    let (consumed, arg) = match rest.starts_with('(') && !is_arg {
        true => match leading_group(rest) {
            Some((inner, after)) => (split_top(inner), after.to_string()),
            None => (Vec::new(), rest.to_string()),
        },
        false => (Vec::new(), rest.to_string()),
    };
    Some(Traced {
        line: lineno,
        offset,
        opname: opname.to_string(),
        consumed,
        arg,
    })
}

/// The `(offset, opname)` pairs `xpython dis --format jsonl` lists, per code name.
fn dis_instructions(pyc: &str) -> HashMap<String, HashSet<(u32, String)>> {
    let out = xpython(&["dis", "--format", "jsonl", pyc]);
    assert!(out.status.success(), "dis {pyc}: {}", text(&out.stderr));
    let mut by_code: HashMap<String, HashSet<(u32, String)>> = HashMap::new();
    for line in text(&out.stdout).lines() {
        let rec: serde_json::Value = serde_json::from_str(line).expect("dis jsonl");
        if rec["kind"] != "code" {
            continue;
        }
        let name = rec["name"].as_str().unwrap_or("?").to_string();
        let set = by_code.entry(name).or_default();
        for ins in rec["instrs"].as_array().into_iter().flatten() {
            set.insert((
                ins[0].as_u64().unwrap() as u32,
                ins[1].as_str().unwrap().to_string(),
            ));
        }
    }
    by_code
}

fn all_dis_pairs(pyc: &str) -> HashSet<(u32, String)> {
    dis_instructions(pyc).into_values().flatten().collect()
}

fn expected(name: &str, v: &str, level: &str) -> String {
    let path = dir().join(format!("expected/{name}.{v}.{level}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pyc(name: &str, v: &str) -> String {
    format!("{name}.{v}.pyc")
}

/// x-python's README example, `x, y = 2, 3; x **= y`, in every version: the loads, the
/// unpacking, each store with the value it stores, the power with its operands 2 and 3
/// (INPLACE_POWER up to 3.10, BINARY_OP `**=` from 3.11), the store of 8, the return.
#[test]
fn readme_example_shows_the_values() {
    for v in VERSIONS {
        let out = xpython(&["-v", &pyc("assign", v)]);
        assert_eq!(out.status.code(), Some(0), "{v}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "", "{v}: traces go to stderr");
        let trace = text(&out.stderr);
        assert_eq!(trace, expected("assign", v, "v"), "{v}: the recorded trace");
        let args = dis_argreprs(&pyc("assign", v));
        let ins: Vec<Traced> = trace
            .lines()
            .map(|l| parse_instruction(l, &args).unwrap())
            .collect();
        let dis = all_dis_pairs(&pyc("assign", v));
        for i in &ins {
            assert!(
                dis.contains(&(i.offset, i.opname.clone())),
                "{v}: {i:?} not in dis"
            );
        }
        // The operative instructions, in order (RESUME/NOP and caches aside).
        let shown: Vec<(String, Vec<String>, String)> = ins
            .iter()
            .filter(|i| i.opname != "RESUME")
            .map(|i| (i.opname.clone(), i.consumed.clone(), i.arg.clone()))
            .collect();
        let s = |x: &str| x.to_string();
        let power = if ver(v) < (3, 11) {
            (s("INPLACE_POWER"), vec![s("2"), s("3")], s(""))
        } else {
            (s("BINARY_OP"), vec![s("2"), s("3")], s("**="))
        };
        let mut want = vec![
            (s("LOAD_CONST"), vec![], s("(2, 3)")),
            (s("UNPACK_SEQUENCE"), vec![s("(2, 3)")], s("2")),
            (s("STORE_NAME"), vec![s("2")], s("x")),
            (s("STORE_NAME"), vec![s("3")], s("y")),
            (s("LOAD_NAME"), vec![], s("x")),
            (s("LOAD_NAME"), vec![], s("y")),
            power,
            (s("STORE_NAME"), vec![s("8")], s("x")),
        ];
        if ver(v) >= (3, 12) {
            want.push((s("RETURN_CONST"), vec![], s("None")));
        } else {
            want.push((s("LOAD_CONST"), vec![], s("None")));
            want.push((s("RETURN_VALUE"), vec![s("None")], s("")));
        }
        assert_eq!(shown, want, "{v}");
        // The first instruction of line 1 says so.
        let first = ins.iter().find(|i| i.opname == "LOAD_CONST").unwrap();
        assert_eq!(first.line, Some(1), "{v}");
    }
}

/// A conditional expression: only the branch taken is traced, the comparison shows its
/// operands and the jump the value it tests.
#[test]
fn branches_trace_only_what_runs() {
    for v in VERSIONS {
        let out = xpython(&["-v", &pyc("branch", v)]);
        assert_eq!(out.status.code(), Some(0), "{v}");
        let trace = text(&out.stderr);
        assert_eq!(trace, expected("branch", v, "v"), "{v}");
        let args = dis_argreprs(&pyc("branch", v));
        let ins: Vec<Traced> = trace
            .lines()
            .map(|l| parse_instruction(l, &args).unwrap())
            .collect();
        let compare = ins.iter().find(|i| i.opname == "COMPARE_OP").unwrap();
        assert_eq!(compare.consumed, ["'__main__'", "'__main__'"], "{v}");
        assert!(compare.arg.contains("!="), "{v}: {compare:?}");
        let jump = ins
            .iter()
            .find(|i| i.opname.contains("JUMP"))
            .expect("a conditional jump");
        assert_eq!(jump.consumed, ["False"], "{v}");
        let stores: Vec<&Traced> = ins.iter().filter(|i| i.opname == "STORE_NAME").collect();
        assert_eq!(stores.len(), 1, "{v}: one branch runs");
        assert_eq!(stores[0].consumed, ["10"], "{v}");
        assert!(
            !ins.iter().any(|i| i.opname == "LOAD_CONST" && i.arg == "6"),
            "{v}: the branch not taken is not traced"
        );
    }
}

/// `-vv`: after every instruction its stack and handlers; frames entered and left,
/// generators resumed, the exception in `div`. The values each instruction is shown
/// consuming are the top of the stack its frame's previous instruction left.
#[test]
fn vv_shows_stacks_handlers_and_frames() {
    for v in VERSIONS {
        for name in ["assign", "branch", "calls"] {
            let out = xpython(&["-vv", &pyc(name, v)]);
            let trace = text(&out.stderr);
            assert_eq!(
                mask_addresses(&trace),
                mask_addresses(&expected(name, v, "vv")),
                "{v} {name}"
            );
            check_vv(v, name, &trace);
        }
        let trace = text(&xpython(&["-vv", &pyc("calls", v)]).stderr);
        for line in [
            "-> call <module> (calls.py:1)",
            "-> call div (calls.py:1)",
            "<- return from div: 3",
            "<- return from div: None",
            "<- yield from gen: 0",
            "<- yield from gen: 1",
            "<- yield from gen: 4",
            "-> resume gen (calls.py:8)",
            "<- return from gen: None",
            "<- return from <module>: None",
        ] {
            assert!(trace.lines().any(|l| l == line), "{v}: no line {line:?}");
        }
        let exc = trace
            .lines()
            .find(|l| l.starts_with("!! exception in div @ "))
            .unwrap_or_else(|| panic!("{v}: no exception line"));
        assert!(
            exc.contains(": ZeroDivisionError('integer division or modulo by zero')"),
            "{v}: {exc}"
        );
    }
}

/// One frame's progress through a `-vv` trace.
#[derive(Default)]
struct FrameCheck {
    /// The stack the last instruction left, when known.
    last_stack: Option<Vec<String>>,
    /// An instruction line whose state lines have not come yet (they follow any frames
    /// it runs from Rust, e.g. a generator resumed by FOR_ITER).
    pending: bool,
}

fn check_vv(v: &str, name: &str, trace: &str) {
    let args = dis_argreprs(&pyc(name, v));
    let dis = all_dis_pairs(&pyc(name, v));
    let table_era = ver(v) >= (3, 11);
    let lines: Vec<&str> = trace.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&format!("-> call <module> ({name}.py:1)").as_str())
    );
    assert_eq!(lines.last(), Some(&"<- return from <module>: None"));
    let mut frames: Vec<FrameCheck> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.starts_with("-> ") {
            frames.push(FrameCheck::default());
        } else if l.starts_with("<- ") {
            let done = frames.pop().expect("a frame to leave");
            assert!(
                !done.pending,
                "{v} {name}: {l}: an instruction without its state"
            );
        } else if l.starts_with("!! ") {
            // Unwinding changes the stack; the handler's is the next one shown.
            frames.last_mut().expect("a frame").last_stack = None;
        } else if let Some(stack) = l.strip_prefix("    stack : [") {
            let stack = stack
                .strip_suffix(']')
                .unwrap_or_else(|| panic!("{v}: {l:?}"));
            let handler_line = lines[i + 1];
            if table_era {
                assert!(
                    handler_line.starts_with("    handler: "),
                    "{v}: {handler_line}"
                );
            } else {
                assert!(
                    handler_line.starts_with("    blocks: ["),
                    "{v}: {handler_line}"
                );
            }
            let top = frames.last_mut().expect("a frame");
            assert!(
                top.pending,
                "{v} {name}: state lines without an instruction at {i}"
            );
            top.pending = false;
            top.last_stack = Some(split_top(stack));
            i += 1;
        } else {
            let ins = parse_instruction(l, &args).unwrap_or_else(|| panic!("{v} {name}: {l:?}"));
            assert!(
                dis.contains(&(ins.offset, ins.opname.clone())),
                "{v} {name}: {l} not in dis"
            );
            let top = frames.last_mut().expect("a frame");
            assert!(
                !top.pending,
                "{v} {name}: {l}: the previous instruction has no state"
            );
            if let Some(before) = &top.last_stack {
                let n = ins.consumed.len();
                assert!(
                    before.len() >= n,
                    "{v} {name}: {l} consumes more than the stack"
                );
                let masked = |v: &[String]| v.iter().map(|s| mask_addresses(s)).collect::<Vec<_>>();
                assert_eq!(
                    masked(&before[before.len() - n..]),
                    masked(&ins.consumed),
                    "{v} {name}: {l}: the consumed values are the top of the stack"
                );
            }
            top.pending = true;
        }
        i += 1;
    }
}

/// The calls program: its output is untouched by tracing, and the trace file holds the
/// same trace as stderr would.
#[test]
fn trace_file_and_untouched_output() {
    for v in VERSIONS {
        let plain = xpython(&[&pyc("calls", v)]);
        assert_eq!(text(&plain.stdout), "3 None 5\n", "{v}");
        let traced = xpython(&["-v", &pyc("calls", v)]);
        assert_eq!(text(&traced.stdout), text(&plain.stdout), "{v}");
        let file =
            std::env::temp_dir().join(format!("xpython-trace-{}-{v}.txt", std::process::id()));
        let out = xpython(&[
            "--trace-file",
            file.to_str().unwrap(),
            "-v",
            &pyc("calls", v),
        ]);
        assert_eq!(text(&out.stdout), "3 None 5\n", "{v}");
        assert_eq!(text(&out.stderr), "", "{v}: nothing on stderr");
        let written = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            mask_addresses(&written),
            mask_addresses(&expected("calls", v, "v")),
            "{v}"
        );
        let _ = std::fs::remove_file(&file);
    }
    let out = xpython(&[
        "--trace-file",
        "/nonexistent-dir/t.txt",
        &pyc("calls", "3.8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/nonexistent-dir/t.txt"),
        "{}",
        text(&out.stderr)
    );
}

/// `--trace-format json`: every line one JSON object; the events of the calls program
/// in order; instructions as `dis` lists them, with their real operands; at `-vv` the
/// stack (before the instruction) ends with the values consumed.
#[test]
fn json_events() {
    for v in VERSIONS {
        let dis = dis_instructions(&pyc("calls", v));
        for level in ["-v", "-vv"] {
            let out = xpython(&["--trace-format", "json", level, &pyc("calls", v)]);
            assert_eq!(text(&out.stdout), "3 None 5\n", "{v}");
            let events: Vec<serde_json::Value> = text(&out.stderr)
                .lines()
                .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{v}: {l}: {e}")))
                .collect();
            let kind = |e: &serde_json::Value| e["event"].as_str().unwrap().to_string();
            assert_eq!(kind(&events[0]), "call");
            assert_eq!(events[0]["code"], "<module>");
            assert_eq!(events[0]["file"], "calls.py");
            let last = events.last().unwrap();
            assert_eq!(
                (kind(last), last["value"].as_str()),
                ("return".into(), Some("None"))
            );
            let kinds: HashSet<String> = events.iter().map(kind).collect();
            for k in [
                "call",
                "line",
                "instruction",
                "return",
                "yield",
                "exception",
            ] {
                assert!(kinds.contains(k), "{v}: no {k} event");
            }
            let mut divisions = Vec::new();
            for e in &events {
                match kind(e).as_str() {
                    "instruction" => {
                        let code = e["code"].as_str().unwrap();
                        let pair = (
                            e["offset"].as_u64().unwrap() as u32,
                            e["opname"].as_str().unwrap().to_string(),
                        );
                        assert!(dis[code].contains(&pair), "{v}: {e} not in dis of {code}");
                        let consumed: Vec<String> = e["consumed"]
                            .as_array()
                            .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
                            .unwrap_or_default();
                        let op = pair.1.as_str();
                        if op == "BINARY_FLOOR_DIVIDE"
                            || (op == "BINARY_OP" && e["argrepr"] == "//")
                        {
                            divisions.push(consumed.clone());
                        }
                        if level == "-vv" {
                            let stack: Vec<String> = e["stack"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|x| x.as_str().unwrap().to_string())
                                .collect();
                            assert!(stack.ends_with(&consumed), "{v}: {e}");
                            let era_key = if ver(v) >= (3, 11) {
                                "handler"
                            } else {
                                "blocks"
                            };
                            assert!(e.get(era_key).is_some(), "{v}: {e} has no {era_key}");
                        }
                    }
                    "exception" => {
                        assert_eq!(e["code"], "div", "{v}");
                        assert!(e["value"]
                            .as_str()
                            .unwrap()
                            .starts_with("ZeroDivisionError("));
                        assert_eq!(e["line"], 3, "{v}");
                    }
                    _ => {}
                }
            }
            assert_eq!(divisions, [["7", "2"], ["1", "0"]], "{v}");
            let yields: Vec<&str> = events
                .iter()
                .filter(|e| e["event"] == "yield")
                .map(|e| e["value"].as_str().unwrap())
                .collect();
            assert_eq!(yields, ["0", "1", "4"], "{v}");
            let lines: Vec<i64> = events
                .iter()
                .filter(|e| e["event"] == "line" && e["code"] == "div")
                .map(|e| e["line"].as_i64().unwrap())
                .collect();
            assert!(
                lines.contains(&3) && lines.contains(&4),
                "{v}: lines of div {lines:?}"
            );
        }
    }
}

/// The CPython xpython compiles with for version `v`, or a note and None.
fn cpython(v: (u8, u8), test: &str) -> bool {
    match xpython::bridge::find::interpreter(Some(v)) {
        Ok(_) => true,
        Err(e) => {
            eprintln!("note: {test}: skipping Python {}.{}: {e}", v.0, v.1);
            false
        }
    }
}

/// `-v` with `-c CODE` (x-python's own command line), `FILE.py` and `-m MODULE`.
#[test]
fn v_with_c_file_and_module() {
    for v in [(3, 8), (3, 11), (3, 13)] {
        if !cpython(v, "v_with_c_file_and_module") {
            continue;
        }
        let pv = format!("{}.{}", v.0, v.1);
        let power = if v < (3, 11) {
            "INPLACE_POWER (2, 3)"
        } else {
            "BINARY_OP (2, 3) **="
        };
        let out = xpython(&["--python-version", &pv, "-vc", "x, y = 2, 3; x **= y"]);
        assert_eq!(out.status.code(), Some(0), "{pv}: {}", text(&out.stderr));
        let trace = text(&out.stderr);
        for want in [
            "STORE_NAME (2) x",
            "STORE_NAME (3) y",
            power,
            "STORE_NAME (8) x",
        ] {
            assert!(
                trace.lines().any(|l| l.ends_with(want)),
                "{pv}: -vc: no {want}\n{trace}"
            );
        }
        let tmp =
            std::env::temp_dir().join(format!("xpython-trace-src-{}-{pv}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).unwrap();
        std::fs::write(tmp.join("prog.py"), "a = 40\nb = a + 2\nprint(b)\n").unwrap();
        for args in [vec!["-v", "prog.py"], vec!["-v", "-m", "prog"]] {
            let mut all = vec!["--python-version", pv.as_str()];
            all.extend(args.iter().copied());
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
            cmd.env_remove("PYTHONPATH").args(&all).current_dir(&tmp);
            let out = cmd.output().unwrap();
            assert_eq!(
                text(&out.stdout),
                "42\n",
                "{pv} {args:?}: {}",
                text(&out.stderr)
            );
            let trace = text(&out.stderr);
            let add = if v < (3, 11) {
                "BINARY_ADD (40, 2)"
            } else {
                "BINARY_OP (40, 2) +"
            };
            for want in ["STORE_NAME (40) a", add, "STORE_NAME (42) b"] {
                assert!(
                    trace.lines().any(|l| l.ends_with(want)),
                    "{pv} {args:?}: no {want}\n{trace}"
                );
            }
        }
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

#[test]
fn address_masking_and_splitting() {
    assert_eq!(
        mask_addresses("<f at 0x7f12ab>, 0x, x0x1"),
        "<f at 0x?>, 0x, x0x?"
    );
    assert_eq!(
        split_top("1, (2, 3), 'a, b', [4, 5]"),
        ["1", "(2, 3)", "'a, b'", "[4, 5]"]
    );
    let t = parse_instruction("L. 3   @ 12: COMPARE_OP ('a', 'b') !=", &HashMap::new()).unwrap();
    assert_eq!(
        (t.line, t.offset, t.consumed.len(), t.arg.as_str()),
        (Some(3), 12, 2, "!=")
    );
}
