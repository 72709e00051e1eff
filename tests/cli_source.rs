//! Running source: `xpython FILE.py`, `xpython -c CODE`, `--python-version`, `--python`,
//! and the `__pycache__` files the compiler bridge writes, checked against real CPythons.
//!
//! Every comparison is with what the real CPython of the version does (stdout, stderr, exit
//! status, the cache file `py_compile` writes). A test whose CPython is not installed is
//! skipped with a note on stderr; the interpreters are found the way xpython finds them
//! (`xpython::bridge::find`). Each test works in its own temporary directory, with the
//! `PYTHON*` environment variables removed (`PYTHONDONTWRITEBYTECODE` would stop the cache).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const VERSIONS: [(u8, u8); 8] = [
    (3, 6),
    (3, 7),
    (3, 8),
    (3, 9),
    (3, 10),
    (3, 11),
    (3, 12),
    (3, 13),
];

/// A program the VM runs today without imports; its output differs between versions
/// (exception reprs) and it ends with a chosen exit status.
const PROGRAM: &str = r#"def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
print([fib(i) for i in range(10)], Point(1, 'a'))
try:
    {}['missing']
except KeyError as e:
    print('caught', repr(e), e.args)
print(repr(ValueError('v')), __name__)
raise SystemExit(3)
"#;

fn xpython() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
    clean_env(&mut cmd);
    cmd
}

fn clean_env(cmd: &mut Command) {
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
}

/// The CPython X.Y xpython would compile with, or a note and `None`.
fn cpython(v: (u8, u8), test: &str) -> Option<PathBuf> {
    match xpython::bridge::find::interpreter(Some(v)) {
        Ok(found) => Some(found.path),
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "note: {test}: skipping Python {}.{}: {e}",
                v.0,
                v.1
            );
            None
        }
    }
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("xpython-cli-source-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_in(dir: &Path, mut cmd: Command) -> Output {
    cmd.current_dir(dir).output().expect("spawning")
}

fn python(path: &Path) -> Command {
    let mut cmd = Command::new(path);
    clean_env(&mut cmd);
    // CPython would write no cache for a main script anyway; keep the directory clean.
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    cmd
}

fn same_run(what: &str, expected: &Output, got: &Output) {
    assert_eq!(
        String::from_utf8_lossy(&got.stdout),
        String::from_utf8_lossy(&expected.stdout),
        "{what}: stdout"
    );
    assert_eq!(
        got.status.code(),
        expected.status.code(),
        "{what}: exit status"
    );
}

fn tag(v: (u8, u8)) -> String {
    format!("cpython-{}{}", v.0, v.1)
}

/// What CPython writes in `__pycache__` for `source` compiled as `dfile`: `py_compile`
/// uses the importer's own header code.
fn cpython_cache_bytes(py: &Path, dir: &Path, source: &str, dfile: &str) -> Vec<u8> {
    let script = "import py_compile, sys\n\
                  py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)\n";
    let mut cmd = python(py);
    cmd.args(["-c", script, source, "expected.pyc", dfile]);
    let out = run_in(dir, cmd);
    assert!(out.status.success(), "py_compile failed: {out:?}");
    let bytes = fs::read(dir.join("expected.pyc")).unwrap();
    fs::remove_file(dir.join("expected.pyc")).unwrap();
    bytes
}

/// `xpython FILE.py` prints what CPython prints, writes the cache file CPython's importer
/// would write (header and code), and reuses it without starting any CPython.
#[test]
fn runs_source_files_and_caches_them() {
    for v in VERSIONS {
        let Some(py) = cpython(v, "runs_source_files_and_caches_them") else {
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir = scratch(&format!("run-{ver}"));
        fs::write(dir.join("prog.py"), PROGRAM).unwrap();

        let mut expected = python(&py);
        expected.arg("prog.py");
        let expected = run_in(&dir, expected);
        let mut cmd = xpython();
        cmd.args(["--python-version", &ver, "prog.py"]);
        let got = run_in(&dir, cmd);
        same_run(&format!("{ver} first run"), &expected, &got);
        assert_eq!(expected.status.code(), Some(3));

        // The cache file, byte for byte what CPython writes for this source (the code is
        // compiled under the main script's name: absolute from 3.9, as CPython does).
        let cache = dir.join("__pycache__").join(format!("prog.{}.pyc", tag(v)));
        let written = fs::read(&cache).unwrap_or_else(|e| panic!("{ver}: no cache file: {e}"));
        let dfile = if v >= (3, 9) {
            dir.join("prog.py").to_string_lossy().into_owned()
        } else {
            "prog.py".to_string()
        };
        let want = cpython_cache_bytes(&py, &dir, "prog.py", &dfile);
        let header = if v >= (3, 7) { 16 } else { 12 };
        assert_eq!(written[..header], want[..header], "{ver}: cache header");
        assert_eq!(written, want, "{ver}: cache file");

        // Second run: the cache is fresh, so no CPython is needed.
        let mut again = xpython();
        again.args([
            "--python",
            "/nonexistent/python",
            "--python-version",
            &ver,
            "prog.py",
        ]);
        let again = run_in(&dir, again);
        same_run(&format!("{ver} cached run"), &expected, &again);
        assert_eq!(fs::read(&cache).unwrap(), written, "{ver}: cache rewritten");

        // A changed source makes the cache stale: now the missing CPython is needed.
        fs::write(dir.join("prog.py"), format!("{PROGRAM}\n# changed\n")).unwrap();
        let mut stale = xpython();
        stale.args([
            "--python",
            "/nonexistent/python",
            "--python-version",
            &ver,
            "prog.py",
        ]);
        let stale = run_in(&dir, stale);
        assert_eq!(stale.status.code(), Some(1), "{ver}: stale cache used");
        let err = String::from_utf8_lossy(&stale.stderr);
        assert_eq!(err.lines().count(), 1, "{ver}: {err}");
        assert!(
            err.starts_with("xpython: error: prog.py: --python /nonexistent/python: cannot run it"),
            "{ver}: {err}"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

/// A cache directory that cannot be written is no error.
#[cfg(unix)]
#[test]
fn read_only_directory_still_runs() {
    use std::os::unix::fs::PermissionsExt;
    let v = (3, 11);
    let Some(py) = cpython(v, "read_only_directory_still_runs") else {
        return;
    };
    let dir = scratch("readonly");
    let src = dir.join("ro");
    fs::create_dir(&src).unwrap();
    fs::write(src.join("prog.py"), PROGRAM).unwrap();
    fs::set_permissions(&src, fs::Permissions::from_mode(0o555)).unwrap();
    let mut expected = python(&py);
    expected.arg("ro/prog.py");
    let expected = run_in(&dir, expected);
    let mut cmd = xpython();
    cmd.args(["--python-version", "3.11", "ro/prog.py"]);
    let got = run_in(&dir, cmd);
    fs::set_permissions(&src, fs::Permissions::from_mode(0o755)).unwrap();
    same_run("read-only directory", &expected, &got);
    let _ = fs::remove_dir_all(&dir);
}

/// `--python-version` picks the compiler, the cache tag and the VM's semantics.
#[test]
fn python_version_chooses_the_version() {
    let found: Vec<((u8, u8), PathBuf)> = VERSIONS
        .iter()
        .filter_map(|&v| cpython(v, "python_version_chooses_the_version").map(|p| (v, p)))
        .collect();
    let dir = scratch("choose");
    fs::write(dir.join("prog.py"), "print(repr(KeyError('k')))\n").unwrap();
    for (v, py) in &found {
        let ver = format!("{}.{}", v.0, v.1);
        let mut expected = python(py);
        expected.arg("prog.py");
        let expected = run_in(&dir, expected);
        let mut cmd = xpython();
        cmd.args(["--python-version", &ver, "prog.py"]);
        same_run(&ver, &expected, &run_in(&dir, cmd));
        let cache = dir
            .join("__pycache__")
            .join(format!("prog.{}.pyc", tag(*v)));
        let bytes = fs::read(&cache).unwrap_or_else(|e| panic!("{ver}: {e}"));
        // The magic number is that CPython's own.
        let mut magic = python(py);
        magic.args([
            "-c",
            "import importlib.util, sys; sys.stdout.write(importlib.util.MAGIC_NUMBER.hex())",
        ]);
        let magic = String::from_utf8(run_in(&dir, magic).stdout).unwrap();
        let got: String = bytes[..4].iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(got, magic, "{ver}: magic number");
    }
    let _ = fs::remove_dir_all(&dir);
}

/// Without `--python-version`, the version is that of `python3` on PATH.
#[test]
fn default_version_is_python3s() {
    let Ok(default) = xpython::bridge::find::interpreter(None) else {
        eprintln!("note: default_version_is_python3s: skipped, no python3 on PATH");
        return;
    };
    let dir = scratch("default");
    fs::write(dir.join("prog.py"), "print(1 + 1)\n").unwrap();
    let out = run_in(&dir, {
        let mut c = xpython();
        c.arg("prog.py");
        c
    });
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
    let cache = dir
        .join("__pycache__")
        .join(format!("prog.{}.pyc", tag(default.version)));
    assert!(cache.exists(), "{} missing", cache.display());
    let _ = fs::remove_dir_all(&dir);
}

/// `-c CODE`: compiled as `<string>`, the same output and status as `python -c`.
#[test]
fn runs_code_strings() {
    let code = "for i in range(3):\n    print(i, i * 'ab')\nraise SystemExit(5)";
    for v in [(3, 6), (3, 10), (3, 13)] {
        let Some(py) = cpython(v, "runs_code_strings") else {
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir = scratch(&format!("c-{ver}"));
        let mut expected = python(&py);
        expected.args(["-c", code, "arg", "-x"]);
        let expected = run_in(&dir, expected);
        let mut cmd = xpython();
        cmd.args(["--python-version", &ver, "-c", code, "arg", "-x"]);
        same_run(&ver, &expected, &run_in(&dir, cmd));
        // Nothing is cached for -c.
        assert!(!dir.join("__pycache__").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}

/// A source that does not compile: CPython's report, status 1, for files and -c — also
/// where CPython's main-script parser words it differently from `compile()` (errors at
/// the end of the input, encoding problems).
#[test]
fn syntax_errors_report_as_cpython() {
    let cases = [
        ("bad.py", "print(1)\nx = = 1\n"),
        ("indent.py", "def f():\n\tif 1:\n        return 2\n"),
        ("keyword.py", "def f(x):\n    return x\nclass = 3\n"),
        ("unclosed.py", "print((1,\n"),
        ("quote.py", "x = \"\"\"abc\n"),
        ("block.py", "if 1:\n"),
        ("coding.py", "# -*- coding: no-such-codec -*-\nx = 1\n"),
        ("latin.py", "x = '\u{e9}'\n"),
    ];
    for v in VERSIONS {
        let Some(py) = cpython(v, "syntax_errors_report_as_cpython") else {
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir = scratch(&format!("syntax-{ver}"));
        for (name, text) in cases {
            let bytes = match name {
                // Latin-1 bytes without a coding declaration.
                "latin.py" => text.chars().map(|c| c as u8).collect(),
                _ => text.as_bytes().to_vec(),
            };
            fs::write(dir.join(name), bytes).unwrap();
            let mut expected = python(&py);
            expected.arg(name);
            let expected = run_in(&dir, expected);
            let mut cmd = xpython();
            cmd.args(["--python-version", &ver, name]);
            let got = run_in(&dir, cmd);
            assert_eq!(got.status.code(), Some(1), "{ver} {name}");
            assert_eq!(expected.status.code(), Some(1), "{ver} {name}");
            assert_eq!(
                String::from_utf8_lossy(&got.stderr),
                String::from_utf8_lossy(&expected.stderr),
                "{ver} {name}: stderr"
            );
            assert!(got.stdout.is_empty());
        }
        let mut expected = python(&py);
        expected.args(["-c", "x = (1 +* 2)"]);
        let expected = run_in(&dir, expected);
        let mut cmd = xpython();
        cmd.args(["--python-version", &ver, "-c", "x = (1 +* 2)"]);
        let got = run_in(&dir, cmd);
        assert_eq!(got.status.code(), Some(1), "{ver} -c");
        assert_eq!(
            String::from_utf8_lossy(&got.stderr),
            String::from_utf8_lossy(&expected.stderr),
            "{ver} -c: stderr"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

/// No CPython of the wanted version: one line saying which versions were found.
#[test]
fn missing_version_names_what_was_found() {
    let dir = scratch("missing");
    fs::write(dir.join("prog.py"), "print(1)\n").unwrap();
    let empty = dir.join("empty");
    fs::create_dir(&empty).unwrap();
    let mut cmd = xpython();
    cmd.args(["--python-version", "3.8", "prog.py"])
        .env("PATH", &empty)
        .env("PYENV_ROOT", &empty);
    let out = run_in(&dir, cmd);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "xpython: error: prog.py: no CPython 3.8 found to compile with (looked for \
             python3.8 on PATH and in {}); found: none\n",
            empty.join("versions").display()
        )
    );
    // A version that is supported but not installed, in the real environment.
    if xpython::bridge::find::interpreter(Some((3, 4))).is_err() {
        let mut cmd = xpython();
        cmd.args(["--python-version", "3.4", "prog.py"]);
        let out = run_in(&dir, cmd);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("xpython: error: prog.py: no CPython 3.4 found")
                && err.contains("; found: "),
            "{err}"
        );
    }
    // A version xpython does not run at all.
    let mut cmd = xpython();
    cmd.args(["--python-version", "3.99", "prog.py"]);
    let out = run_in(&dir, cmd);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "xpython: error: prog.py: Python 3.99 is not supported; xpython runs 2.4–3.13\n"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// Command-line mistakes: bad options exit 2 with usage; missing files and directories
/// exit 1 with one line naming them.
#[test]
fn command_line_errors() {
    let dir = scratch("errors");
    for args in [
        &["--bogus", "prog.py"][..],
        &["--python-version", "three", "prog.py"],
        &["-c"],
    ] {
        let out = run_in(&dir, {
            let mut c = xpython();
            c.args(args);
            c
        });
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error:") && !err.is_empty(), "{args:?}: {err}");
    }
    let out = run_in(&dir, {
        let mut c = xpython();
        c.args(["--bogus", "prog.py"]);
        c
    });
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage:"));
    for (arg, why) in [
        ("missing.py", "No such file or directory"),
        (".", "is a directory, not a program"),
    ] {
        let out = run_in(&dir, {
            let mut c = xpython();
            c.arg(arg);
            c
        });
        assert_eq!(out.status.code(), Some(1), "{arg}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("xpython: error: {arg}: {why}\n")
        );
    }
    // Everything after the program is its own: options there are not xpython's.
    fs::write(dir.join("prog.py"), "print('ran')\n").unwrap();
    if xpython::bridge::find::interpreter(None).is_ok() {
        let out = run_in(&dir, {
            let mut c = xpython();
            c.args(["prog.py", "--bogus", "-c", "x"]);
            c
        });
        assert_eq!(String::from_utf8_lossy(&out.stdout), "ran\n");
        assert_eq!(out.status.code(), Some(0));
    }
    let _ = fs::remove_dir_all(&dir);
}

/// `compile`/`exec`/`eval` of bad source raise CPython's exception with CPython's fields,
/// and an uncaught one prints CPython's `File "<string>"` block and caret.
#[test]
fn runtime_compile_errors_are_cpythons() {
    let code =
        "for src, mode in [('x = = 1', 'exec'), ('1 +', 'eval'), ('def f(:\\n  pass', 'exec'), \
                ('if 1:\\npass', 'exec'), ('a\\0b', 'exec'), ('f(**k, *a)', 'eval')]:\n\
                \x20   try:\n\
                \x20       compile(src, 'file.py', mode)\n\
                \x20   except (SyntaxError, ValueError) as e:\n\
                \x20       print(type(e).__name__, e.args, str(e))\n\
                print(eval('  40 + 2'), eval(b'7 * 6'))\n\
                exec('y = (1 +* 2)')\n";
    for v in VERSIONS {
        let Some(py) = cpython(v, "runtime_compile_errors_are_cpythons") else {
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir = scratch(&format!("runtime-{ver}"));
        let mut expected = python(&py);
        expected.args(["-c", code]);
        let expected = run_in(&dir, expected);
        let mut cmd = xpython();
        cmd.args(["--python-version", &ver, "-c", code]);
        let got = run_in(&dir, cmd);
        same_run(&ver, &expected, &got);
        // The traceback's entries are the VM's; the syntax error's own lines must match.
        let tail = |o: &Output| {
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            let at = err.find("  File \"<string>\", line 1\n").unwrap_or(0);
            err[at..].to_string()
        };
        assert_eq!(tail(&got), tail(&expected), "{ver}: stderr");
        assert!(tail(&expected).contains("^"), "{ver}: {}", tail(&expected));
        let _ = fs::remove_dir_all(&dir);
    }
}

/// The library entry point for imports: a `.py` file to a code object through the cache,
/// and a file that does not compile to CPython's SyntaxError.
#[test]
fn compile_file_code_for_imports() {
    let v = (3, 11);
    if cpython(v, "compile_file_code_for_imports").is_none() {
        return;
    }
    let dir = scratch("library");
    fs::write(dir.join("good.py"), "def f():\n    return 1\n").unwrap();
    fs::write(dir.join("bad.py"), "def f(:\n    return 1\n").unwrap();
    let spec = xpython::spec::version_by_id("3.11").unwrap();
    let mut vm = xpython::vm::Vm::new(spec);
    vm.init_builtins();
    let good = dir.join("good.py");
    let code = xpython::builtins::compile::compile_file_code(&mut vm, &good).unwrap();
    assert_eq!(&*code.co.name, "<module>");
    assert_eq!(*code.co.filename, *good.to_string_lossy());
    // Cached unless this process's environment says not to.
    let no_cache = std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    assert_eq!(
        dir.join("__pycache__/good.cpython-311.pyc").exists(),
        !no_cache
    );
    let err = xpython::builtins::compile::compile_file_code(&mut vm, &dir.join("bad.py"))
        .err()
        .expect("bad.py compiled");
    let exc = xpython::object::Value::Obj(err.0.clone());
    assert_eq!(&*vm.type_name(&exc), "SyntaxError");
    let text = xpython::builtins::compile::cpython_display(&err.0).unwrap();
    assert!(text.ends_with("SyntaxError: invalid syntax\n"), "{text}");
    let missing = xpython::builtins::compile::compile_file_code(&mut vm, &dir.join("none.py"));
    assert!(missing.is_err());
    // The same as the import system's source-loader hook.
    let hook: fn(&mut xpython::vm::Vm, &Path) -> xpython::vm::PyResult<xpython::pyc::Pyc> =
        xpython::builtins::compile::load_source_module;
    let pyc = hook(&mut vm, &good).unwrap();
    assert_eq!(pyc.version.format.id, "3.11");
    assert_eq!(pyc.code.filename, code.co.filename);
    let _ = fs::remove_dir_all(&dir);
}

/// `py_compile`'s hash-based cache file (PEP 552), checked mode: `xpython FILE.py` writes
/// the same file CPython writes.
fn cpython_hash_pyc(py: &Path, dir: &Path, source: &str, dfile: &str, cfile: &str) {
    let script = "import py_compile, sys\n\
                  py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True,\n\
                  \x20   invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)\n";
    let mut cmd = python(py);
    cmd.args(["-c", script, source, cfile, dfile]);
    let out = run_in(dir, cmd);
    assert!(out.status.success(), "py_compile failed: {out:?}");
}

/// Checked hash-based cache files (PEP 552) are reused when the source's hash matches
/// (without CPython), and replaced by a new checked one, as CPython does, when not.
#[test]
fn checked_hash_caches() {
    for v in [(3, 7), (3, 10), (3, 11), (3, 13)] {
        let Some(py) = cpython(v, "checked_hash_caches") else {
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir = scratch(&format!("hash-{ver}"));
        fs::write(dir.join("prog.py"), "print('first')\n").unwrap();
        let dfile = if v >= (3, 9) {
            dir.join("prog.py").to_string_lossy().into_owned()
        } else {
            "prog.py".to_string()
        };
        let cfile = format!("__pycache__/prog.{}.pyc", tag(v));
        cpython_hash_pyc(&py, &dir, "prog.py", &dfile, &cfile);
        let run = |python: &str| {
            let mut cmd = xpython();
            cmd.args(["--python", python, "--python-version", &ver, "prog.py"]);
            run_in(&dir, cmd)
        };
        let out = run("/nonexistent/python");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "first\n",
            "{ver}: {out:?}"
        );

        // Same size and, possibly, the same mtime: only the hash tells the change.
        fs::write(dir.join("prog.py"), "print('other')\n").unwrap();
        let out = run("/nonexistent/python");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{ver}: a stale hash-based file was used"
        );
        let out = run(&py.to_string_lossy());
        assert_eq!(String::from_utf8_lossy(&out.stdout), "other\n", "{ver}");
        let written = fs::read(dir.join(&cfile)).unwrap();
        cpython_hash_pyc(&py, &dir, "prog.py", &dfile, "expected.pyc");
        assert_eq!(
            written,
            fs::read(dir.join("expected.pyc")).unwrap(),
            "{ver}"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

/// `compile(..., flags=ast.PyCF_ONLY_AST)` is refused clearly (xpython has no AST objects);
/// the flag's value is asked of CPython's own `ast` module.
#[test]
fn only_ast_is_refused() {
    let v = (3, 11);
    let Some(py) = cpython(v, "only_ast_is_refused") else {
        return;
    };
    let dir = scratch("only-ast");
    let mut flag = python(&py);
    flag.args(["-c", "import ast; print(ast.PyCF_ONLY_AST)"]);
    let flag = String::from_utf8(run_in(&dir, flag).stdout).unwrap();
    let code = format!(
        "try:\n    compile('1 + 1', 's', 'eval', {})\nexcept NotImplementedError as e:\n    print(type(e).__name__, e)",
        flag.trim()
    );
    let mut cmd = xpython();
    cmd.args(["--python-version", "3.11", "-c", &code]);
    let out = run_in(&dir, cmd);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "NotImplementedError compile() made an AST (Expression), and xpython has no AST objects\n"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// A `.pyc` is recognized by its magic number whatever its name (as CPython does), and
/// runs as before, without any CPython.
#[test]
fn compiled_files_by_magic_number() {
    let dir = scratch("magic");
    let pyc = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hello.cpython-311.pyc");
    fs::copy(&pyc, dir.join("hello")).unwrap();
    let run = |arg: &Path| {
        let mut cmd = xpython();
        cmd.args(["--python", "/nonexistent/python"]).arg(arg);
        run_in(&dir, cmd)
    };
    let by_name = run(&pyc);
    let by_magic = run(&dir.join("hello"));
    assert_eq!(by_name.status.code(), Some(0), "{by_name:?}");
    assert!(!by_name.stdout.is_empty());
    same_run("renamed .pyc", &by_name, &by_magic);
    let _ = fs::remove_dir_all(&dir);
}

/// Python 2 caches beside the source (`NAME.pyc`, 8-byte header), as CPython 2 does.
#[test]
fn python2_caches_beside_the_source() {
    let Some(py) = cpython((2, 7), "python2_caches_beside_the_source") else {
        return;
    };
    let dir = scratch("py2");
    fs::write(dir.join("two.py"), "x = 1\ny = x + 1\n").unwrap();
    let mut cmd = xpython();
    cmd.args(["--python-version", "2.7", "two.py"]);
    let out = run_in(&dir, cmd);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written = fs::read(dir.join("two.pyc")).unwrap();
    let mut expected = python(&py);
    expected.args([
        "-c",
        "import py_compile; py_compile.compile('two.py', cfile='expected.pyc', doraise=True)",
    ]);
    assert!(run_in(&dir, expected).status.success());
    assert_eq!(written, fs::read(dir.join("expected.pyc")).unwrap());
    assert!(!dir.join("__pycache__").exists());
    let _ = fs::remove_dir_all(&dir);
}

/// Asking CPython for its main-script report never runs the script: a source that
/// `compile()` refuses but CPython's file parser takes (a null byte, up to 3.10) is
/// reported by compile()'s error, and its code does not run.
#[test]
fn script_reports_never_run_the_script() {
    for v in [(3, 6), (3, 10), (3, 13)] {
        let Some(_) = cpython(v, "script_reports_never_run_the_script") else {
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir = scratch(&format!("guard-{ver}"));
        fs::write(
            dir.join("side.py"),
            "open('SIDE', 'w').write('ran')\nx = 1 # \0\n",
        )
        .unwrap();
        let mut cmd = xpython();
        cmd.args(["--python-version", &ver, "side.py"]);
        let out = run_in(&dir, cmd);
        assert_eq!(out.status.code(), Some(1), "{ver}");
        assert!(!dir.join("SIDE").exists(), "{ver}: the script ran");
        let _ = fs::remove_dir_all(&dir);
    }
}
