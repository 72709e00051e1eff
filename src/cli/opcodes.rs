//! `xpython opcodes`: opcode reference documentation generated from the spec alone.
//! (Filled in by the opcode-docs work.)

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct OpcodesArgs {
    /// The version to document, e.g. 3.11.
    #[arg(long)]
    pub version: Option<String>,
}

pub fn command(_args: &OpcodesArgs) -> ExitCode {
    ExitCode::SUCCESS
}
