//! `xpython opcodes`: opcode reference documentation generated from the spec alone.
//!
//! `--version X.Y` documents one version, `--diff A B` what changed between two,
//! `--matrix` (the default) every opcode × every version; `--format` picks Markdown,
//! JSON or HTML.

use crate::docs::{self, Format};
use crate::spec::{version_by_id, VersionSpec, VERSIONS};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct OpcodesArgs {
    /// Document one version, e.g. 3.11.
    #[arg(long, value_name = "X.Y", conflicts_with_all = ["diff", "matrix"])]
    pub version: Option<String>,
    /// Show what changed from version A to version B: added, removed, renumbered, changed.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "matrix")]
    pub diff: Option<Vec<String>>,
    /// Opcode × version table of opcode numbers for every supported version (the default).
    #[arg(long)]
    pub matrix: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
}

fn find(id: &str) -> Result<&'static VersionSpec, String> {
    version_by_id(id).ok_or_else(|| {
        let known: Vec<&str> = VERSIONS.iter().map(|v| v.id()).collect();
        format!("no such version (known: {})", known.join(", "))
    })
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn render(args: &OpcodesArgs) -> Result<String, (String, String)> {
    if let Some(id) = &args.version {
        let v = find(id).map_err(|e| (id.clone(), e))?;
        let rows = docs::version_table(v);
        return Ok(match args.format {
            Format::Markdown => docs::markdown::version_table(v.id(), &rows),
            Format::Html => docs::html::version_table(v.id(), &rows),
            Format::Json => json(&serde_json::json!({ "version": v.id(), "opcodes": rows })),
        });
    }
    if let Some(pair) = &args.diff {
        let a = find(&pair[0]).map_err(|e| (pair[0].clone(), e))?;
        let b = find(&pair[1]).map_err(|e| (pair[1].clone(), e))?;
        let d = docs::diff(a, b);
        return Ok(match args.format {
            Format::Markdown => docs::markdown::diff(&d),
            Format::Html => docs::html::diff(&d),
            Format::Json => json(&d),
        });
    }
    let m = docs::matrix();
    Ok(match args.format {
        Format::Markdown => docs::markdown::matrix(&m),
        Format::Html => docs::html::matrix(&m),
        Format::Json => json(&m),
    })
}

pub fn command(args: &OpcodesArgs) -> ExitCode {
    match render(args) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`xpython opcodes | head`) is not an error worth reporting.
            let _ = out.write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err((subject, message)) => {
            super::report_error(&subject, &message);
            ExitCode::FAILURE
        }
    }
}
