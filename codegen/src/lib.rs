//! xpython's code generator: reads the opcode spec (`spec/*.toml`), validates all of it,
//! and only then emits Rust into OUT_DIR.
//!
//! Layered as schema (raw TOML shapes) → load (inheritance) → validate (cross-checks) →
//! emit (one function per generated item). `build.rs` calls [`generate_into`]; tests and
//! tools call [`load_spec`] to read the resolved spec; the `show-generated` binary prints
//! the generated code for a person to read.

pub mod emit;
pub mod formula;
pub mod load;
pub mod model;
pub mod report;
pub mod schema;
pub mod stack_picture;
pub mod validate;

pub use formula::Formula;
pub use model::*;
pub use report::{Report, SpecError};

use std::path::Path;

/// Loads, resolves and validates the spec in `dir`.
pub fn load_spec(dir: &Path) -> Result<Spec, Report> {
    let mut report = Report::default();
    let spec = load::load(dir, &mut report);
    validate::validate(&spec, &mut report);
    if report.is_empty() {
        Ok(spec)
    } else {
        Err(report)
    }
}

/// The generated source, file name → formatted Rust.
pub fn generate_source(dir: &Path) -> Result<Vec<(&'static str, String)>, Report> {
    let spec = load_spec(dir)?;
    Ok(vec![("spec_tables.rs", emit::spec_tables(&spec))])
}

/// What `build.rs` calls: validates `spec_dir` and writes the generated files into
/// `out_dir` (and a readable copy into `$XPYTHON_CODEGEN_DIR` when it is set).
pub fn generate_into(spec_dir: &Path, out_dir: &Path) -> Result<(), Report> {
    let files = generate_source(spec_dir)?;
    let copy_dir = std::env::var_os("XPYTHON_CODEGEN_DIR");
    for (name, text) in &files {
        write_if_changed(&out_dir.join(name), text)?;
        if let Some(dir) = &copy_dir {
            write_if_changed(&Path::new(dir).join(name), text)?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), Report> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    std::fs::write(path, text).map_err(|e| {
        let mut r = Report::default();
        r.push(
            report::Origin {
                file: path.to_path_buf(),
                line: 0,
            }
            .error(format!("cannot write generated code: {e}")),
        );
        r
    })
}
