//! `xpython FILE [ARGS...]`, `xpython -c CODE [ARGS...]` and `xpython -m MODULE
//! [ARGS...]`: what to run, with which version, traced or not.
//!
//! A `.pyc` (by its `.pyc`/`.pyo` suffix or its magic number, as CPython decides) runs as
//! is, in the version its magic names. A source file is compiled through the bridge's
//! `__pycache__` cache and `-c CODE` directly (as `<string>`), both by the CPython of
//! `--python-version X.Y`, or by the default one (`--python PATH`, else `python3`). A
//! source that does not compile prints what CPython prints for it and exits with status 1.
//! `-m` finds the module as `runpy` does (`module.rs`) and runs it as `__main__`.

use super::module::{find_main_module, ModuleError, ModuleFile};
use super::{report_error, Cli, TraceFormatArg};
use crate::bridge::{self, io_message, BridgeError, Request};
use crate::pyc::{Pyc, SourceStamp};
use crate::spec::{version_for_magic, MagicLookup, VersionSpec};
use crate::trace::{TraceFormat, TraceOptions};
use crate::vm::run::MainOptions;
use std::path::{Path, PathBuf};

/// Runs what the command line names; returns the exit status.
pub fn run(cli: &Cli) -> i32 {
    let flags = interpreter_flags(cli);
    if let Some(seed) = &flags.bad_hash_seed {
        eprintln!(
            "xpython: error: PYTHONHASHSEED must be \"random\" or an integer in range \
             [0; 4294967295], not '{seed}'"
        );
        return 1;
    }
    crate::flags::set(flags);
    bridge::set_python(cli.python.clone());
    bridge::stdlib::set_choice(match (&cli.stdlib, cli.no_stdlib) {
        (_, true) => bridge::stdlib::StdlibChoice::Off,
        (Some(dir), false) => bridge::stdlib::StdlibChoice::Dir(dir.clone()),
        (None, false) => bridge::stdlib::StdlibChoice::Auto,
    });
    let trace = trace_options(cli);
    if let Some(values) = &cli.code {
        let code = values.first().cloned().unwrap_or_default();
        let mut argv = vec!["-c".to_string()];
        argv.extend(values.iter().skip(1).cloned());
        return run_code_string(code, cli.python_version, argv, trace);
    }
    if let Some(values) = &cli.module {
        let name = values.first().cloned().unwrap_or_default();
        return run_module(
            &name,
            &values[1.min(values.len())..],
            cli.python_version,
            trace,
        );
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
        trace,
        package: None,
        then_fail: None,
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

/// `python`'s interpreter options of the command line, with the environment's.
fn interpreter_flags(cli: &Cli) -> crate::flags::InterpreterFlags {
    let given = crate::flags::InterpreterFlags {
        optimize: cli.optimize,
        dont_write_bytecode: cli.dont_write_bytecode,
        unbuffered: cli.unbuffered,
        ignore_environment: cli.ignore_environment,
        isolated: cli.isolated,
        no_user_site: cli.no_user_site,
        no_site: cli.no_site,
        safe_path: cli.safe_path,
        quiet: cli.quiet,
        bytes_warning: cli.bytes_warning,
        warn_options: cli.warn.clone(),
        x_options: cli.x_option.clone(),
        ..Default::default()
    };
    given.with_environment(|name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()))
}

/// The traces asked for: `-v`/`-vv`, or any trace option (which implies `-v`).
fn trace_options(cli: &Cli) -> Option<TraceOptions> {
    let asked = cli.verbose > 0 || cli.trace_file.is_some() || cli.trace_format.is_some();
    asked.then(|| TraceOptions {
        level: cli.verbose.max(1),
        format: match cli.trace_format {
            Some(TraceFormatArg::Json) => TraceFormat::Json,
            _ => TraceFormat::Text,
        },
        file: cli.trace_file.clone(),
    })
}

/// `-m MODULE`: the module found on the search path runs as `__main__`, with
/// `sys.argv[0]` its file's path; a source is compiled (and cached) as `FILE.py` is.
fn run_module(
    name: &str,
    args: &[String],
    want: Option<(u8, u8)>,
    trace: Option<TraceOptions>,
) -> i32 {
    let wanted = want.and_then(|v| bridge::version_spec(v).ok());
    let tag = wanted.map(|v| {
        let (major, minor) = v.format.major_minor;
        format!("cpython-{major}{minor}")
    });
    let module = match find_main_module(name, tag.as_deref()) {
        Ok(m) => m,
        Err(e) => return module_error(name, &e, want, trace),
    };
    let path = module.file.path().to_string_lossy().into_owned();
    let mut argv = vec![path.clone()];
    argv.extend(args.iter().cloned());
    let options = MainOptions {
        argv,
        script: Some(path.clone()),
        source_loader: Some(crate::builtins::compile::load_source_module),
        trace,
        package: Some(module.package),
        then_fail: None,
    };
    match module.file {
        ModuleFile::Pyc(_) => crate::vm::run::run_pyc(path, options),
        ModuleFile::Source(source) => {
            let version = match pick_version(want) {
                Ok(v) => v,
                Err(e) => {
                    report_error(&path, &e.to_string());
                    return 1;
                }
            };
            crate::vm::run::run_program(path.clone(), options, move || {
                let code = bridge::compile_file(&source, version)
                    .map_err(|e| report_bridge_error(&path, &e))?;
                Ok(main_pyc(version, code))
            })
        }
    }
}

/// `-m` of a module that cannot run: its message, after the VM imported what CPython
/// imports before it finds the failure (the message's wording is that module's version).
fn module_error(
    name: &str,
    e: &ModuleError,
    want: Option<(u8, u8)>,
    trace: Option<TraceOptions>,
) -> i32 {
    let Some((first, file)) = e.import_first.clone() else {
        let default = want.unwrap_or((3, 13));
        eprintln!("xpython: {}", e.text(default, name));
        return 1;
    };
    let path = file.path().to_string_lossy().into_owned();
    let version = match &file {
        ModuleFile::Pyc(p) => crate::pyc::load_pyc_file(p).map(|pyc| pyc.version).ok(),
        ModuleFile::Source(_) => pick_version(want).ok(),
    };
    let Some(version) = version else {
        // The module cannot be loaded either: the finder's report is all there is.
        eprintln!("xpython: {}", e.text(want.unwrap_or((3, 13)), name));
        return 1;
    };
    let options = MainOptions {
        argv: vec!["-m".to_string()],
        script: None,
        source_loader: Some(crate::builtins::compile::load_source_module),
        trace,
        package: Some(first),
        then_fail: Some(e.text(version.format.major_minor, name)),
    };
    crate::vm::run::run_program(path.clone(), options, move || match file {
        ModuleFile::Pyc(p) => crate::pyc::load_pyc_file(&p).map_err(|e| {
            report_error(&path, &e.to_string());
            1
        }),
        ModuleFile::Source(source) => bridge::compile_file(&source, version)
            .map(|code| main_pyc(version, code))
            .map_err(|e| report_bridge_error(&path, &e)),
    })
}

/// `-c CODE`: compiled as `<string>` from the text.
fn run_code_string(
    code: String,
    want: Option<(u8, u8)>,
    argv: Vec<String>,
    trace: Option<TraceOptions>,
) -> i32 {
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
        trace,
        package: None,
        then_fail: None,
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
