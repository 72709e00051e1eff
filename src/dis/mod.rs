//! The disassembler: prints a code object the way the matching CPython's `dis` does.
//!
//! `xpython dis FILE.pyc...` loads each file ([`crate::pyc`]), decodes every code object
//! ([`crate::bytecode`]) and prints, per file:
//! - `--format text` (default): the module's disassembly and, after it, every nested code
//!   object's under a `Disassembly of <code object ...>:` header, depth first, as 3.7+'s
//!   `dis.dis(code)` prints it. Each code object's lines equal its version's
//!   `dis.disassemble(co)` output (2.x–3.6, whose `dis` does not recurse, included).
//!   Code object reprs carry a stable stand-in address (`0x000000001000` for the first
//!   code object, then `0x000000002000`...), not a memory address. With several files,
//!   each is preceded by a `==> FILE <==` line and followed by a blank line.
//! - `--format jsonl`: JSON lines, the format of `tools/dis_oracle.py`: per file one
//!   `{"kind": "text"}` record holding the text above, then one `{"kind": "code"}` record
//!   per code object with its instruction stream `[offset, opname, arg, repr(argval),
//!   argrepr, starts_line, line, jump_target, positions]`, `co_lines()` (3.10+) and the
//!   exception table (3.11+); a file that fails gives one `{"kind": "error"}` record.
//!
//! A file that cannot be loaded or decoded is reported as
//! `xpython: error: FILE: <message> (at byte N)` and the exit status is 1.

mod argrepr;
mod jsonl;
mod model;
mod style;
mod text;

pub use model::{analyse, CodeAddresses, DisCode, DisInstr, View};
pub use style::{Layout, Style};

use crate::cli::{report_error, DisArgs, DisFormat};
use crate::pyc::{load_pyc, CodeObject, Pyc};
use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;

/// A whole file's disassembly: its code objects in the order `dis` prints them.
pub struct Disassembly {
    pub style: Style,
    /// Depth first, parents before children, with each one's header repr.
    pub codes: Vec<(DisCode, String)>,
}

/// Disassembles a loaded `.pyc`: every code object, depth first.
pub fn disassemble_pyc(pyc: &Pyc, view: View) -> Result<Disassembly, String> {
    let style = Style::for_version(pyc.version.format.major_minor);
    let addrs = CodeAddresses::new(&pyc.code);
    let mut codes = Vec::new();
    let mut failure = None;
    walk(&pyc.code, &mut |c: &Rc<CodeObject>| {
        if failure.is_some() {
            return;
        }
        match analyse(pyc.version, &style, c, &addrs, view) {
            Ok(d) => codes.push((d, addrs.code_repr(c, &style))),
            Err(e) => failure = Some(e),
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(Disassembly { style, codes }),
    }
}

/// Code objects in `dis.dis` order: depth first through `co_consts`, each time it occurs.
fn walk(code: &Rc<CodeObject>, f: &mut dyn FnMut(&Rc<CodeObject>)) {
    f(code);
    for c in code.consts.iter() {
        if let Some(inner) = c.as_code() {
            walk(inner, f);
        }
    }
}

impl Disassembly {
    /// The text `dis.dis(module_code)` prints.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, (code, repr)) in self.codes.iter().enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str("Disassembly of ");
                out.push_str(repr);
                out.push_str(":\n");
            }
            text::write_code(&mut out, &self.style, code);
        }
        out
    }
}

/// Loads a file; the error is the one-line message for the user.
pub fn load_file(path: &std::path::Path) -> Result<Pyc, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read file: {e}"))?;
    load_pyc(&bytes).map_err(|e| e.to_string())
}

/// The output of one file in the requested format.
fn render(path: &std::path::Path, shown: &str, format: DisFormat) -> Result<String, String> {
    render_pyc(&load_file(path)?, shown, format)
}

/// The output for a loaded `.pyc`: its text, or (jsonl) its records naming it `shown`.
pub fn render_pyc(pyc: &Pyc, shown: &str, format: DisFormat) -> Result<String, String> {
    let text = disassemble_pyc(pyc, View::Text)?;
    Ok(match format {
        DisFormat::Text => text.text(),
        DisFormat::Jsonl => {
            let instrs = disassemble_pyc(pyc, View::Instructions)?;
            jsonl::records(shown, &text, &instrs)
        }
    })
}

/// `xpython dis FILE...`.
pub fn command(args: &DisArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let many = args.files.len() > 1;
    for path in &args.files {
        let shown = path.display().to_string();
        let result = render(path, &shown, args.format);
        let written = match (&result, args.format) {
            (Ok(text), DisFormat::Text) if many => {
                out.write_all(format!("==> {shown} <==\n{text}\n").as_bytes())
            }
            (Ok(text), _) => out.write_all(text.as_bytes()),
            (Err(e), DisFormat::Jsonl) => out.write_all(jsonl::error_record(&shown, e).as_bytes()),
            (Err(_), DisFormat::Text) => Ok(()),
        };
        if let Err(e) = result {
            let _ = out.flush();
            report_error(&shown, &e);
            failed = true;
        }
        if written.is_err() {
            // stdout closed (a pipe reader went away): stop quietly.
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() || failed {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
