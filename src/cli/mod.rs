//! Command-line interface: argument parsing (clap) and the subcommands.
//!
//! Every failure a user can cause (a missing file, a malformed `.pyc`, an unsupported
//! version) is reported as one line `xpython: error: FILE: what is wrong` on stderr with
//! exit status 1; bad options exit with status 2 and a usage message (clap's behaviour,
//! which matches `python`'s).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod opcodes;

#[derive(Parser, Debug)]
#[command(
    name = "xpython",
    version,
    about = "A CPython bytecode interpreter for the .pyc files of CPython 2.4 to 3.13",
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The .pyc file to run, and its arguments.
    #[arg(trailing_var_arg = true)]
    pub program: Vec<String>,
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
        None => run_program(&cli.program),
    }
}

/// `xpython FILE.pyc [ARGS...]`.
fn run_program(program: &[String]) -> ExitCode {
    let Some(path) = program.first() else {
        eprintln!("xpython: error: no program given (try 'xpython --help')");
        return ExitCode::from(2);
    };
    let status = crate::vm::run::run_main_with(path.clone(), program.to_vec(), None);
    ExitCode::from(status.clamp(0, 255) as u8)
}
