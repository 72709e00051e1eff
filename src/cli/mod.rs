//! Command-line interface: argument parsing (clap) and the subcommands.
//!
//! Every failure a user can cause (a missing file, a malformed `.pyc`, an unsupported
//! version) is reported as one line `xpython: error: FILE: what is wrong` on stderr with
//! exit status 1; bad options exit with status 2 and a usage message (clap's behaviour,
//! which matches `python`'s).

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::process::ExitCode;

mod module;
mod opcodes;
mod run;

#[derive(Parser, Debug)]
#[command(
    name = "xpython",
    version,
    about = "A CPython bytecode interpreter for the .pyc files of CPython 2.4 to 3.13",
    long_about = "A CPython bytecode interpreter for the .pyc files of CPython 2.4 to 3.13.\n\n\
        Runs a .pyc as is; a .py file, -c CODE or a -m MODULE found as source is first \
        compiled by a real CPython of the chosen version (--python-version, default: \
        python3's), found as pythonX.Y on PATH or among pyenv's versions. Compiled files \
        are cached in __pycache__ as CPython does.\n\n\
        Exit status: 0; 1 after an uncaught exception or when the program cannot be run \
        (missing file, unsupported bytecode); SystemExit's code; 2 for bad options.",
    override_usage = "xpython [OPTIONS] FILE [ARGS]...\n       \
        xpython [OPTIONS] -c CODE [ARGS]...\n       \
        xpython [OPTIONS] -m MODULE [ARGS]...\n       xpython <COMMAND>",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Compile source with the CPython of this version (default: the one `python3` is).
    #[arg(long = "python-version", value_name = "X.Y", value_parser = parse_version)]
    pub python_version: Option<(u8, u8)>,
    /// The CPython to compile source with (default: pythonX.Y on PATH, then pyenv's).
    #[arg(long = "python", value_name = "PATH")]
    pub python: Option<std::path::PathBuf>,
    /// The standard library directory to import from (default: `XPYTHONSTDLIB`, else
    /// `<prefix>/lib/pythonX.Y` of the running version's CPython on PATH or in pyenv).
    #[arg(long = "stdlib", value_name = "DIR", conflicts_with = "no_stdlib")]
    pub stdlib: Option<std::path::PathBuf>,
    /// Run without a standard library (only xpython's native modules).
    #[arg(long = "no-stdlib")]
    pub no_stdlib: bool,
    /// Run the program CODE; the values after it are its arguments.
    #[arg(
        short = 'c',
        value_name = "CODE",
        num_args = 1..,
        allow_hyphen_values = true,
        conflicts_with = "program"
    )]
    pub code: Option<Vec<String>>,
    /// Run the module MODULE (found on sys.path) as __main__; the values after it are its
    /// arguments. A package runs its __main__ submodule.
    #[arg(
        short = 'm',
        value_name = "MODULE",
        num_args = 1..,
        allow_hyphen_values = true,
        conflicts_with_all = ["program", "code"]
    )]
    pub module: Option<Vec<String>>,
    /// Trace each instruction as it runs, with the values it consumes (x-python's
    /// format); -vv also shows the stack and block stack (or exception handler) after each
    /// instruction, and frames entered and left.
    #[arg(short = 'v', action = ArgAction::Count)]
    pub verbose: u8,
    /// Write traces to PATH instead of standard error (implies -v).
    #[arg(long = "trace-file", value_name = "PATH")]
    pub trace_file: Option<std::path::PathBuf>,
    /// Trace format: `text` (x-python's lines) or `json` (one JSON object per event:
    /// call, line, instruction, return, yield, raise, exception). Implies -v.
    #[arg(long = "trace-format", value_enum, value_name = "FORMAT")]
    pub trace_format: Option<TraceFormatArg>,
    /// Don't write .pyc files when compiling source (also PYTHONDONTWRITEBYTECODE=x).
    #[arg(short = 'B')]
    pub dont_write_bytecode: bool,
    /// Unbuffered standard output (also PYTHONUNBUFFERED=x).
    #[arg(short = 'u')]
    pub unbuffered: bool,
    /// Compile source with optimization level 1 (asserts removed); -OO also removes
    /// docstrings (also PYTHONOPTIMIZE=x). Cached as `NAME.cpython-XY.opt-N.pyc`.
    #[arg(short = 'O', action = ArgAction::Count)]
    pub optimize: u8,
    /// Ignore the PYTHON* environment variables (PYTHONPATH, PYTHONWARNINGS...).
    #[arg(short = 'E')]
    pub ignore_environment: bool,
    /// Isolate from the environment: implies -E, -P and -s.
    #[arg(short = 'I')]
    pub isolated: bool,
    /// Don't add the user site directory to sys.path (sys.flags.no_user_site).
    #[arg(short = 's')]
    pub no_user_site: bool,
    /// Don't imply `import site` (sys.flags.no_site; xpython never imports it).
    #[arg(short = 'S')]
    pub no_site: bool,
    /// Don't put the script's directory (or the current directory) first on sys.path
    /// (also PYTHONSAFEPATH=x).
    #[arg(short = 'P')]
    pub safe_path: bool,
    /// Quiet (sys.flags.quiet).
    #[arg(short = 'q')]
    pub quiet: bool,
    /// Warn about str(bytes) and bytes/str comparisons (sys.flags.bytes_warning); -bb
    /// makes them errors.
    #[arg(short = 'b', action = ArgAction::Count)]
    pub bytes_warning: u8,
    /// A warning control (sys.warnoptions), as `python -W`: action:message:category:module:lineno.
    #[arg(short = 'W', value_name = "ARG", action = ArgAction::Append)]
    pub warn: Vec<String>,
    /// An implementation-specific option (sys._xoptions), as `python -X`.
    #[arg(short = 'X', value_name = "OPT", action = ArgAction::Append)]
    pub x_option: Vec<String>,
    /// The program (.py source or .pyc) to run, and its arguments.
    #[arg(trailing_var_arg = true, value_name = "FILE [ARGS]")]
    pub program: Vec<String>,
}

/// `X.Y` as a version pair.
fn parse_version(s: &str) -> Result<(u8, u8), String> {
    let bad = || format!("'{s}' is not a version of the form X.Y (e.g. 3.11)");
    let (major, minor) = s.split_once('.').ok_or_else(bad)?;
    Ok((
        major.parse().map_err(|_| bad())?,
        minor.parse().map_err(|_| bad())?,
    ))
}

/// The values of `--trace-format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceFormatArg {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Disassemble a .pyc file the way the matching CPython's `dis` module prints it.
    Dis(DisArgs),
    /// Reference documentation of every opcode of every version, generated from the spec.
    Opcodes(opcodes::OpcodesArgs),
}

#[derive(clap::Args, Debug)]
pub struct DisArgs {
    /// The .pyc files to disassemble.
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Output format: `text` (what CPython's `dis` prints) or `jsonl` (one JSON record
    /// per file text and per code object, for tools).
    #[arg(long, value_enum, default_value_t = DisFormat::Text)]
    pub format: DisFormat,
}

/// The output formats of `xpython dis`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisFormat {
    Text,
    Jsonl,
}

/// Reports a user-facing error the way every subcommand does.
pub fn report_error(subject: &str, message: &str) {
    eprintln!("xpython: error: {subject}: {message}");
}

/// The long options that take a value in the next argument.
const VALUE_OPTIONS: [&str; 5] = [
    "--python-version",
    "--python",
    "--stdlib",
    "--trace-file",
    "--trace-format",
];

/// The short options that take no value, which may be clustered (`-Bvc CODE`).
const CLUSTER_FLAGS: &str = "vBuOEIsSPqb";

/// The short options that take a value, in the next argument or attached (`-Werror`).
const SHORT_VALUE_OPTIONS: [&str; 2] = ["-W", "-X"];

/// `-cCODE`, `-vcCODE`, `-mMOD`: the flags before the program flag and the program flag
/// with its attached value, e.g. ("-vc", "CODE").
fn split_program_flag(arg: &str) -> Option<(String, String)> {
    let flags = arg.strip_prefix('-').filter(|f| !f.starts_with('-'))?;
    let at = flags.find(['c', 'm'])?;
    let (before, rest) = flags.split_at(at);
    let value = &rest[1..];
    let plain = before.chars().all(|c| CLUSTER_FLAGS.contains(c));
    (plain && !value.is_empty() && !value.starts_with('-'))
        .then(|| (format!("-{before}{}", &rest[..1]), value.to_string()))
}

/// `-cCODE` and `-mMOD` (the value attached, as `python` allows) as `-c CODE`, so that
/// the arguments after it stay the program's: only in the options before the program is
/// it looked for. The first argument after `-c`/`-m` (or a cluster ending in them, `-vc`)
/// ends the options.
fn split_attached_code(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args = args.into_iter();
    let mut out: Vec<OsString> = args.next().into_iter().collect();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if VALUE_OPTIONS.contains(&text.as_str()) || SHORT_VALUE_OPTIONS.contains(&text.as_str()) {
            out.push(arg);
            out.extend(args.next());
            continue;
        }
        if SHORT_VALUE_OPTIONS.iter().any(|o| text.starts_with(o)) {
            out.push(arg);
            continue;
        }
        // (Code that is not UTF-8 is left to clap, which rejects it.)
        if let Some((flag, value)) = arg.to_str().and_then(split_program_flag) {
            out.push(OsString::from(flag));
            out.push(OsString::from(value));
            out.extend(args);
            break;
        }
        let is_option = text.starts_with('-') && text != "-" && text != "--";
        let names_program = is_option && !text.starts_with("--") && text.ends_with(['c', 'm']);
        out.push(arg);
        if !is_option || names_program {
            out.extend(args);
            break;
        }
    }
    out
}

/// `--version`: xpython's version and the bytecode versions of the spec.
fn version_text() -> String {
    let versions: Vec<&str> = crate::spec::VERSIONS.iter().map(|v| v.format.id).collect();
    format!(
        "{}\nbytecode: CPython {}",
        env!("CARGO_PKG_VERSION"),
        versions.join(", ")
    )
}

/// A bad command line: clap's message, always with the usage (as `python` prints it),
/// status 2; `--help` and `--version` print and exit 0.
fn usage_error(e: clap::Error, command: &mut clap::Command) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit();
    }
    let message = e.render().to_string();
    if message.contains("Usage:") {
        eprint!("{message}");
    } else {
        let (first, rest) = message.split_once('\n').unwrap_or((&message, ""));
        eprint!("{first}\n\n{}\n{rest}", command.render_usage());
    }
    ExitCode::from(2)
}

pub fn main() -> ExitCode {
    // Made once per run; clap wants a static text.
    let version: &'static str = Box::leak(version_text().into_boxed_str());
    let mut command = Cli::command().version(version);
    let parsed = command
        .try_get_matches_from_mut(split_attached_code(std::env::args_os()))
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return usage_error(e, &mut command),
    };
    match cli.command {
        Some(Command::Dis(args)) => crate::dis::command(&args),
        Some(Command::Opcodes(args)) => opcodes::command(&args),
        None => {
            let status = run::run(&cli);
            ExitCode::from(status.clamp(0, 255) as u8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{split_attached_code, Cli};
    use clap::Parser;

    fn parse(args: &[&str]) -> Cli {
        let all = std::iter::once("xpython").chain(args.iter().copied());
        Cli::try_parse_from(split_attached_code(all.map(std::ffi::OsString::from)))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    /// As with `python`: everything after the program or `-c CODE` is the program's own.
    #[test]
    fn program_arguments_are_the_programs() {
        let c = parse(&["--python-version", "3.8", "p.py", "-c", "--x", "--", "y"]);
        assert_eq!(c.program, ["p.py", "-c", "--x", "--", "y"]);
        assert_eq!(c.python_version, Some((3, 8)));
        let c = parse(&["-c", "code", "--python-version", "-x", "--", "a"]);
        assert_eq!(
            c.code.unwrap(),
            ["code", "--python-version", "-x", "--", "a"]
        );
        assert!(c.python_version.is_none());
        let c = parse(&["-ccode", "a", "-cx"]);
        assert_eq!(c.code.unwrap(), ["code", "a", "-cx"]);
        let c = parse(&["--python", "/p/-cpath", "p.py", "-cx"]);
        assert_eq!(c.python.unwrap().to_string_lossy(), "/p/-cpath");
        assert_eq!(c.program, ["p.py", "-cx"]);
        assert!(Cli::try_parse_from(["xpython", "--bogus", "p.py"]).is_err());
        let c = parse(&["--stdlib", "/l/-cx", "p.py", "--no-stdlib"]);
        assert_eq!(c.stdlib.unwrap().to_string_lossy(), "/l/-cx");
        assert!(!c.no_stdlib);
        assert!(parse(&["--no-stdlib", "-c", "x"]).no_stdlib);
    }

    /// `python`'s interpreter options, clustered and with attached values as it allows.
    #[test]
    fn python_interpreter_options() {
        let c = parse(&[
            "-Bu",
            "-OO",
            "-W",
            "error",
            "-Wignore::Warning:m",
            "-Xdev",
            "p.py",
        ]);
        assert!(c.dont_write_bytecode && c.unbuffered);
        assert_eq!(c.optimize, 2);
        assert_eq!(c.warn, ["error", "ignore::Warning:m"]);
        assert_eq!(c.x_option, ["dev"]);
        assert_eq!(c.program, ["p.py"]);
        let c = parse(&["-IsSbbc", "x = 1", "-B"]);
        assert!(c.isolated && c.no_user_site && c.no_site && !c.dont_write_bytecode);
        assert_eq!(
            (c.bytes_warning, c.code.unwrap()),
            (2, vec!["x = 1".into(), "-B".into()])
        );
        let c = parse(&["-X", "a=b", "-Eqm", "pkg", "-u"]);
        assert!(c.ignore_environment && c.quiet && !c.unbuffered);
        assert_eq!(
            (c.x_option, c.module.unwrap()),
            (
                vec!["a=b".to_string()],
                vec!["pkg".to_string(), "-u".into()]
            )
        );
    }

    /// `-v` clusters with `-c`/`-m` as in x-python's `xpython -vc CODE`; attached values;
    /// the trace options take their value from the next argument.
    #[test]
    fn trace_and_module_flags() {
        let c = parse(&["-vc", "x = 1", "-v"]);
        assert_eq!(
            (c.verbose, c.code.unwrap()),
            (1, vec!["x = 1".into(), "-v".into()])
        );
        let c = parse(&["-vvcx=1"]);
        assert_eq!((c.verbose, c.code.unwrap()), (2, vec!["x=1".into()]));
        let c = parse(&["--trace-file", "t-c", "-m", "pkg", "-c", "a"]);
        assert_eq!(c.trace_file.unwrap().to_string_lossy(), "t-c");
        assert_eq!(c.module.unwrap(), ["pkg", "-c", "a"]);
        let c = parse(&["-mpkg.sub", "x"]);
        assert_eq!(c.module.unwrap(), ["pkg.sub", "x"]);
        let c = parse(&["--trace-format", "json", "-v", "p.pyc", "-v"]);
        assert_eq!(c.trace_format, Some(super::TraceFormatArg::Json));
        assert_eq!(
            (c.verbose, c.program),
            (1, vec!["p.pyc".into(), "-v".into()])
        );
    }
}
