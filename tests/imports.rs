//! Multi-module programs: imports (packages, submodules, relative imports, `__all__`,
//! `import *`, circular and failing imports, `__import__`) and the `sys` module, against
//! what real CPythons 3.6–3.13 did with the same `.pyc` files.
//!
//! `tools/gen_import_fixtures.py` compiled `tests/imports/src/` with each CPython into
//! `tests/imports/<X.Y>/` (sourceless `.pyc` files, the layout CPython imports without
//! sources) and recorded, for each `main_*.pyc`, stdout (`.out`), the exit status
//! (`.status`), the last stderr line when the status is non-zero (`.err`) and, for some, the
//! whole stderr (`.stderr`). Each is run here from the repository root with the same
//! arguments and compared exactly.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The arguments each main program runs with (as in the generator).
fn args_for(stem: &str) -> Vec<&'static str> {
    match stem {
        "main_sys" => vec!["alpha", "--beta", "3"],
        _ => vec![],
    }
}

/// The standard input each main program reads (as in the generator; empty otherwise).
fn stdin_for(stem: &str) -> &'static [u8] {
    match stem {
        "main_stdin" => b"first line\nsecond line\n3 4\nlast\n",
        _ => b"",
    }
}

fn run(pyc: &str, args: &[&str]) -> std::process::Output {
    run_with_input(pyc, args, b"")
}

fn run_with_input(pyc: &str, args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xpython"));
    cmd.arg(pyc).args(args).current_dir(root());
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
    let mut child = cmd.spawn().expect("running xpython");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("waiting for xpython");
    let _ = writer.join();
    out
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

fn versions() -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(root().join("tests/imports"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            (name.starts_with("3.") || name.starts_with("2.")).then_some(name)
        })
        .collect();
    v.sort_by_key(|s| {
        let (major, minor) = s.split_once('.').unwrap_or((s, "0"));
        (
            major.parse::<u32>().unwrap_or(0),
            minor.parse::<u32>().unwrap_or(0),
        )
    });
    v
}

#[test]
fn import_programs_match_cpython() {
    let mut failures = Vec::new();
    let mut count = 0;
    for version in versions() {
        let dir = root().join("tests/imports").join(&version);
        let mut mains: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                (name.starts_with("main_") && name.ends_with(".pyc"))
                    .then(|| name.trim_end_matches(".pyc").to_string())
            })
            .collect();
        mains.sort();
        for stem in mains {
            count += 1;
            let base = dir.join(&stem);
            let rel = format!("tests/imports/{version}/{stem}.pyc");
            let out = run_with_input(&rel, &args_for(&stem), stdin_for(&stem));
            let want_out = fs::read(base.with_extension("out")).unwrap();
            let want_status: i32 = fs::read_to_string(base.with_extension("status"))
                .unwrap()
                .trim()
                .parse()
                .unwrap();
            let status = out.status.code().unwrap_or(-1);
            let label = format!("{stem} {version}");
            if out.stdout != want_out {
                failures.push(format!(
                    "{label}: stdout differs\n--- expected\n{}\n--- got\n{}",
                    String::from_utf8_lossy(&want_out),
                    String::from_utf8_lossy(&out.stdout)
                ));
            }
            if status != want_status {
                failures.push(format!(
                    "{label}: status {status}, expected {want_status} (stderr: {})",
                    last_line(&out.stderr)
                ));
            }
            if want_status != 0 {
                let want = fs::read_to_string(base.with_extension("err")).unwrap();
                if last_line(&out.stderr) != want.trim_end() {
                    failures.push(format!(
                        "{label}: last stderr line {:?}, expected {:?}",
                        last_line(&out.stderr),
                        want.trim_end()
                    ));
                }
            }
            let full = base.with_extension("stderr");
            if full.exists() {
                let want = fs::read(&full).unwrap();
                if out.stderr != want {
                    failures.push(format!(
                        "{label}: stderr differs\n--- expected\n{}\n--- got\n{}",
                        String::from_utf8_lossy(&want),
                        String::from_utf8_lossy(&out.stderr)
                    ));
                }
            }
        }
    }
    assert!(
        count >= 8,
        "the import fixtures are missing ({count} programs)"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A module compiled by another CPython version is an ImportError naming both versions.
#[test]
fn module_of_another_version_is_an_import_error() {
    let out = run("tests/imports/cross/cross_main.pyc", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", last_line(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ImportError: module 'other_version' at <root>/other_version.pyc is Python 3.8 \
         bytecode; this program runs Python 3.11\n"
    );
}

/// `xpython FILE.pyc` with no `.pyc` beside it: `sys.path[0]` is the script's real
/// directory, so a module next to the script is found from any working directory.
#[test]
fn sys_path0_is_the_script_directory() {
    let tmp = std::env::temp_dir().join(format!("xpython-imports-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).unwrap();
    let src = root().join("tests/imports/3.11");
    for f in ["star_all.pyc", "star_plain.pyc"] {
        fs::copy(src.join(f), tmp.join(f)).unwrap();
    }
    // cross_main imports a module that is absent here: ModuleNotFoundError, status 1.
    fs::copy(
        root().join("tests/imports/cross/cross_main.pyc"),
        tmp.join("main.pyc"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_xpython"))
        .arg(tmp.join("main.pyc"))
        .current_dir(Path::new("/"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "ImportError: No module named 'other_version'\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = fs::remove_dir_all(&tmp);
}

/// Imports that import without end stop at the recursion limit with RecursionError (not a
/// Rust stack overflow), and the failed modules leave `sys.modules`.
#[test]
fn unbounded_import_recursion_is_a_recursion_error() {
    let tmp = std::env::temp_dir().join(format!("xpython-deep-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).unwrap();
    let deep = root().join("tests/imports/deep");
    fs::copy(deep.join("deep_main.pyc"), tmp.join("main.pyc")).unwrap();
    for i in 0..3000 {
        fs::copy(
            deep.join("chain_link.pyc"),
            tmp.join(format!("chain{i}.pyc")),
        )
        .unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_xpython"))
        .arg(tmp.join("main.pyc"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", last_line(&out.stderr));
    assert!(
        text.starts_with("RecursionError: maximum recursion depth exceeded"),
        "{text}"
    );
    assert!(
        text.ends_with("chain modules left in sys.modules: 0\n"),
        "{text}"
    );
    let _ = fs::remove_dir_all(&tmp);
}

/// The `SourceLoader` hook: a `.py` without a cached `.pyc` is compiled through it (here a
/// stand-in that returns a fixture `.pyc`); without the hook `.py` files are skipped.
#[test]
fn source_loader_hook_loads_py_files() {
    fn loader(_: &mut xpython::vm::Vm, path: &Path) -> xpython::vm::PyResult<xpython::pyc::Pyc> {
        assert!(path.ends_with("missing_in_main.py"), "{}", path.display());
        let fixture = root().join("tests/imports/3.11/star_all.pyc");
        Ok(xpython::pyc::load_pyc_file(fixture).expect("fixture loads"))
    }
    fn other_version(
        _: &mut xpython::vm::Vm,
        _: &Path,
    ) -> xpython::vm::PyResult<xpython::pyc::Pyc> {
        let fixture = root().join("tests/imports/cross/other_version.pyc");
        Ok(xpython::pyc::load_pyc_file(fixture).expect("fixture loads"))
    }
    let tmp = std::env::temp_dir().join(format!("xpython-source-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).unwrap();
    // main_uncaught imports `missing_in_main`, which exists here only as source.
    let main = tmp.join("main.pyc");
    fs::copy(root().join("tests/imports/3.11/main_uncaught.pyc"), &main).unwrap();
    fs::write(tmp.join("missing_in_main.py"), "alpha = 1\n").unwrap();
    let main = main.to_string_lossy().into_owned();
    let run = |hook: Option<xpython::vm::import::SourceLoader>| {
        let options = xpython::vm::run::MainOptions {
            source_loader: hook,
            ..xpython::vm::run::MainOptions::script(&main)
        };
        xpython::vm::run::run_pyc(main.clone(), options)
    };
    assert_eq!(run(Some(loader)), 0, "the hook compiles the .py");
    assert_eq!(run(None), 1, "without a hook the .py is skipped");
    assert_eq!(
        run(Some(other_version)),
        1,
        "a result of another version is an ImportError"
    );
    let _ = fs::remove_dir_all(&tmp);
}

/// The `__pycache__` layouts without sources: `__pycache__/NAME.<tag>.pyc` and a package's
/// `NAME/__pycache__/__init__.<tag>.pyc`, only with the running version's tag.
#[test]
fn pycache_files_of_the_running_version_are_found() {
    let tmp = std::env::temp_dir().join(format!("xpython-pycache-{}", std::process::id()));
    let fixture = root().join("tests/imports/3.11/star_all.pyc");
    // cross_main (3.11) prints nothing when `other_version` imports, the error otherwise.
    let layouts: &[(&str, &str)] = &[
        ("__pycache__/other_version.cpython-311.pyc", ""),
        ("other_version/__pycache__/__init__.cpython-311.pyc", ""),
        (
            "__pycache__/other_version.cpython-38.pyc",
            "ImportError: No module named 'other_version'\n",
        ),
    ];
    for (file, expected) in layouts {
        let _ = fs::remove_dir_all(&tmp);
        let target = tmp.join(file);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(&fixture, &target).unwrap();
        fs::copy(
            root().join("tests/imports/cross/cross_main.pyc"),
            tmp.join("main.pyc"),
        )
        .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_xpython"))
            .arg(tmp.join("main.pyc"))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            *expected,
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(0), "{file}");
    }
    let _ = fs::remove_dir_all(&tmp);
}

/// `xpython FILE.py` importing `.py` modules: the compiler bridge is the import system's
/// source loader, so a program of plain sources runs as CPython runs it (skipped for the
/// versions with no CPython installed).
#[test]
fn source_programs_import_source_modules() {
    let sources: &[(&str, &str)] = &[
        (
            "main.py",
            "import sys, helper\nfrom pkg import sub\nfrom pkg.sub import twice\n\
             print(helper.f(), sub.NAME, twice(21), sys.argv[1:])\n\
             print(helper.__name__, sub.__package__, __name__)\n",
        ),
        ("helper.py", "X = 41\ndef f():\n    return X + 1\n"),
        ("pkg/__init__.py", "from . import sub\n"),
        (
            "pkg/sub.py",
            "from .. import helper\nNAME = 'sub of ' + __package__\n\
             def twice(n):\n    return 2 * n\n",
        ),
    ];
    for v in [(3, 8), (3, 12)] {
        let Ok(found) = xpython::bridge::find::interpreter(Some(v)) else {
            eprintln!("note: skipping Python {}.{}: not installed", v.0, v.1);
            continue;
        };
        let ver = format!("{}.{}", v.0, v.1);
        let dir =
            std::env::temp_dir().join(format!("xpython-src-imports-{}-{ver}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (name, text) in sources {
            let p = dir.join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        let expected = Command::new(&found.path)
            .args(["main.py", "a", "-b"])
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .current_dir(&dir)
            .output()
            .unwrap();
        let got = Command::new(env!("CARGO_BIN_EXE_xpython"))
            .args(["--python-version", &ver, "main.py", "a", "-b"])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got.stdout),
            String::from_utf8_lossy(&expected.stdout),
            "{ver}: {}",
            String::from_utf8_lossy(&got.stderr)
        );
        assert_eq!(got.status.code(), expected.status.code(), "{ver}");
        let _ = fs::remove_dir_all(&dir);
    }
}
