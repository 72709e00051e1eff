//! The `xpython` command line: parses arguments and hands off to `xpython::cli`.

use std::process::ExitCode;

fn main() -> ExitCode {
    xpython::cli::main()
}
