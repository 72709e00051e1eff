//! `xpython FILE [ARGS...]` and `xpython -c CODE [ARGS...]`: what to run and with which
//! version.
//!
//! A `.pyc` (by its `.pyc`/`.pyo` suffix or its magic number, as CPython decides) runs as
//! is, in the version its magic names. A source file is compiled through the bridge's
//! `__pycache__` cache and `-c CODE` directly (as `<string>`), both by the CPython of
//! `--python-version X.Y`, or by the default one (`--python PATH`, else `python3`). A
//! source that does not compile prints what CPython prints for it and exits with status 1.

use super::{report_error, Cli};
use crate::bridge::{self, io_message, BridgeError, Request};
use crate::pyc::{Pyc, SourceStamp};
use crate::spec::{version_for_magic, MagicLookup, VersionSpec};
use crate::vm::run::MainOptions;
use std::path::{Path, PathBuf};

/// Runs what the command line names; returns the exit status.
pub fn run(cli: &Cli) -> i32 {
    bridge::set_python(cli.python.clone());
    bridge::stdlib::set_choice(match (&cli.stdlib, cli.no_stdlib) {
        (_, true) => bridge::stdlib::StdlibChoice::Off,
        (Some(dir), false) => bridge::stdlib::StdlibChoice::Dir(dir.clone()),
        (None, false) => bridge::stdlib::StdlibChoice::Auto,
    });
    if let Some(values) = &cli.code {
        let code = values.first().cloned().unwrap_or_default();
        let mut argv = vec!["-c".to_string()];
        argv.extend(values.iter().skip(1).cloned());
        return run_code_string(code, cli.python_version, argv);
    }
    let Some(path) = cli.program.first().cloned() else {
        eprintln!("xpython: error: no program given (try 'xpython --help')");
        return 2;
    };
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => {
            report_error(&path, &io_message(&e));
            return 1;
        }
    };
    if meta.is_dir() {
        report_error(&path, "is a directory, not a program");
        return 1;
    }
    // sys.argv is the program and its arguments; imported .py files compile through the
    // bridge for the running version.
    let options = MainOptions {
        argv: cli.program.clone(),
        script: Some(path.clone()),
        source_loader: Some(crate::builtins::compile::load_source_module),
    };
    if looks_like_pyc(Path::new(&path)) {
        return crate::vm::run::run_pyc(path, options);
    }
    let version = match pick_version(cli.python_version) {
        Ok(v) => v,
        Err(e) => {
            report_error(&path, &e.to_string());
            return 1;
        }
    };
    let shown = path.clone();
    let script = main_script_path(&path, version);
    crate::vm::run::run_program(shown, options, move || {
        let code = bridge::compile_file(&script, version).map_err(|e| match e {
            // CPython's main-script parser may word it differently from compile().
            BridgeError::Compile(c) => {
                let report = bridge::main_script_error(version, &path);
                eprint!("{}", report.as_deref().unwrap_or(&c.display));
                1
            }
            other => report_bridge_error(&path, &other),
        })?;
        Ok(main_pyc(version, code))
    })
}

/// The path the main script is compiled under (its `co_filename`): as given up to 3.8,
/// absolute from 3.9 (CPython 3.9 made the script's `__file__` absolute: the current
/// directory joined with the path as given, not normalized).
fn main_script_path(path: &str, version: &VersionSpec) -> PathBuf {
    let given = PathBuf::from(path);
    if version.format.major_minor < (3, 9) || given.is_absolute() {
        return given;
    }
    let Ok(cwd) = std::env::current_dir() else {
        return given;
    };
    cwd.join(given)
}

/// `-c CODE`: compiled as `<string>` from the text.
fn run_code_string(code: String, want: Option<(u8, u8)>, argv: Vec<String>) -> i32 {
    let version = match pick_version(want) {
        Ok(v) => v,
        Err(e) => {
            report_error("-c", &e.to_string());
            return 1;
        }
    };
    let options = MainOptions {
        argv,
        script: None,
        source_loader: Some(crate::builtins::compile::load_source_module),
    };
    crate::vm::run::run_program("-c".to_string(), options, move || {
        let req = Request {
            source: code.into_bytes(),
            is_text: true,
            filename: "<string>".to_string(),
            mode: "exec".to_string(),
            flags: 0,
            caller_flags: 0,
            dont_inherit: true,
            optimize: -1,
        };
        let code =
            bridge::compile_source(&req, version).map_err(|e| report_bridge_error("-c", &e))?;
        Ok(main_pyc(version, code))
    })
}

/// The wanted version's spec, or the default interpreter's.
fn pick_version(want: Option<(u8, u8)>) -> Result<&'static VersionSpec, BridgeError> {
    match want {
        Some(v) => bridge::version_spec(v),
        None => bridge::default_version(),
    }
}

/// Prints a bridge failure as `python` would (a compile error) or as one line; gives the
/// exit status.
fn report_bridge_error(subject: &str, e: &BridgeError) -> i32 {
    match e {
        BridgeError::Compile(c) => eprint!("{}", c.display),
        other => report_error(subject, &other.to_string()),
    }
    1
}

/// A compiled main module, as the runner takes it.
fn main_pyc(version: &'static VersionSpec, code: std::rc::Rc<crate::pyc::CodeObject>) -> Pyc {
    Pyc {
        version,
        magic: version.format.magic,
        flags: 0,
        source: SourceStamp::Timestamp {
            mtime: 0,
            size: None,
        },
        code,
    }
}

/// Whether `path` is compiled code: a `.pyc`/`.pyo` name, or a file that starts with a
/// known magic number.
fn looks_like_pyc(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pyc") || e.eq_ignore_ascii_case("pyo"))
    {
        return true;
    }
    let mut head = [0u8; 4];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok();
    read && head[2..] == *b"\r\n"
        && !matches!(
            version_for_magic(u16::from_le_bytes([head[0], head[1]])),
            MagicLookup::Unknown
        )
}
