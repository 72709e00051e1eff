//! Command-line interface: argument parsing (clap) and the subcommands.
//!
//! Every failure a user can cause (a missing file, a malformed `.pyc`, an unsupported
//! version) is reported as one line `xpython: error: FILE: what is wrong` on stderr with
//! exit status 1; bad options exit with status 2 and a usage message (clap's behaviour,
//! which matches `python`'s).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod opcodes;
mod run;

#[derive(Parser, Debug)]
#[command(
    name = "xpython",
    version,
    about = "A CPython bytecode interpreter for the .pyc files of CPython 2.4 to 3.13",
    long_about = "A CPython bytecode interpreter for the .pyc files of CPython 2.4 to 3.13.\n\n\
        Runs a .pyc as is; a .py file or -c CODE is first compiled by a real CPython of the \
        chosen version (--python-version, default: python3's), found as pythonX.Y on PATH \
        or among pyenv's versions. Compiled files are cached in __pycache__ as CPython does.",
    override_usage = "xpython [OPTIONS] FILE [ARGS]...\n       \
        xpython [OPTIONS] -c CODE [ARGS]...\n       xpython <COMMAND>",
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
    /// Run the program CODE; the values after it are its arguments.
    #[arg(
        short = 'c',
        value_name = "CODE",
        num_args = 1..,
        allow_hyphen_values = true,
        conflicts_with = "program"
    )]
    pub code: Option<Vec<String>>,
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

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Dis(args)) => crate::dis::command(&args),
        Some(Command::Opcodes(args)) => opcodes::command(&args),
        None => {
            let status = run::run(&cli);
            ExitCode::from(status.clamp(0, 255) as u8)
        }
    }
}
