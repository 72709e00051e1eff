//! Prints the Rust that the generator emits from a spec folder, formatted, for a person
//! to read: `cargo run -p xpython-codegen --bin show-generated [-- SPEC_DIR]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("spec"));
    match xpython_codegen::generate_source(&dir) {
        Ok(files) => {
            for (name, text) in files {
                println!("// ===== {name} =====\n{text}");
            }
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprintln!("{report}");
            ExitCode::FAILURE
        }
    }
}
