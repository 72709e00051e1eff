//! The text printer: one code object's lines exactly as its version's
//! `dis.disassemble(co)` prints them, and a module with everything nested in it as
//! 3.7+'s `dis.dis(code)` does (`Disassembly of <code object ...>:` after a blank line,
//! depth first). 2.x–3.6 `dis.dis` does not recurse; xpython prints their nested code
//! objects the same way, each body being exactly that version's `disassemble` output.

use super::model::{DisCode, DisInstr};
use super::style::{Layout, Style};
use std::fmt::Write;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;
/// 3.13's line column text for a start without a line number.
const NO_LINENO: &str = "  --";

/// Appends the disassembly of one code object.
pub fn write_code(out: &mut String, style: &Style, code: &DisCode) {
    for ins in &code.instrs {
        if code.blank_before_lines && ins.starts && ins.offset > 0 {
            out.push('\n');
        }
        match style.layout {
            Layout::Py2Print | Layout::Py3Print => print_statement_line(out, style, ins),
            Layout::Fields => fields_line(out, code, ins),
            Layout::Labels => labels_line(out, code, ins),
        }
        out.push('\n');
    }
    write_exception_table(out, style, code);
}

/// ≤3.3: the line is a run of `print` items separated by single spaces; 3.0–3.3 also
/// end it with one (`end=' '`). Nothing is stripped.
fn print_statement_line(out: &mut String, style: &Style, ins: &DisInstr) {
    let mut items: Vec<String> = Vec::with_capacity(7);
    items.push(match (ins.starts, ins.line) {
        (true, Some(l)) => format!("{l:3}"),
        _ => "   ".to_string(),
    });
    items.push("   ".to_string());
    items.push(if ins.jump_target { ">>" } else { "  " }.to_string());
    items.push(format!("{:>4}", ins.offset));
    items.push(format!("{:<OPNAME_WIDTH$}", ins.opname));
    if let Some(arg) = ins.arg_text() {
        items.push(format!("{arg:>OPARG_WIDTH$}"));
        if ins.resolved.has_repr {
            items.push(format!("({})", ins.resolved.argrepr));
        }
    }
    out.push_str(&items.join(" "));
    if style.layout == Layout::Py3Print {
        out.push(' ');
    }
}

/// 3.4–3.12 `Instruction._disassemble`.
fn fields_line(out: &mut String, code: &DisCode, ins: &DisInstr) {
    let start = out.len();
    let w = code.lineno_width;
    if w > 0 {
        match (ins.starts, ins.line) {
            (true, Some(l)) => write!(out, "{l:>w$} ").unwrap(),
            _ => write!(out, "{:w$} ", "").unwrap(),
        }
    }
    out.push_str("    ");
    out.push_str(if ins.jump_target { ">>" } else { "  " });
    write!(out, " {:>ow$} ", ins.offset, ow = code.offset_width).unwrap();
    write!(out, "{:<OPNAME_WIDTH$}", ins.opname).unwrap();
    if let Some(arg) = ins.arg_text() {
        write!(out, " {arg:>OPARG_WIDTH$}").unwrap();
        if !ins.resolved.argrepr.is_empty() {
            write!(out, " ({})", ins.resolved.argrepr).unwrap();
        }
    }
    rstrip_from(out, start);
}

/// 3.13 `Formatter.print_instruction_line`.
fn labels_line(out: &mut String, code: &DisCode, ins: &DisInstr) {
    let start = out.len();
    let w = code.lineno_width;
    if w > 0 {
        if ins.starts {
            match ins.line {
                Some(l) => write!(out, "{l:>w$} ").unwrap(),
                None => write!(out, "{NO_LINENO:>w$} ").unwrap(),
            }
        } else {
            write!(out, "{:w$} ", "").unwrap();
        }
    }
    let lw = code.label_width;
    match ins.label {
        Some(l) => write!(out, "{:>lw$} ", format!("L{l}:")).unwrap(),
        None => write!(out, "{:lw$} ", "").unwrap(),
    }
    out.push_str("    ");
    write!(out, "{:<OPNAME_WIDTH$}", ins.opname).unwrap();
    if let Some(arg) = ins.arg_text() {
        // A name longer than the column eats into the argument's padding.
        let excess = ins.opname.chars().count().saturating_sub(OPNAME_WIDTH);
        let aw = OPARG_WIDTH.saturating_sub(excess);
        write!(out, " {arg:>aw$}").unwrap();
        if !ins.resolved.argrepr.is_empty() {
            write!(out, " ({})", ins.resolved.argrepr).unwrap();
        }
    }
    rstrip_from(out, start);
}

/// Python's `str.rstrip()` on the part of `out` from `start`.
fn rstrip_from(out: &mut String, start: usize) {
    let kept = out[start..].trim_end().len();
    out.truncate(start + kept);
}

fn write_exception_table(out: &mut String, style: &Style, code: &DisCode) {
    if code.exceptions.is_empty() {
        return;
    }
    out.push_str("ExceptionTable:\n");
    for e in &code.exceptions {
        let lasti = if e.entry.lasti { " lasti" } else { "" };
        let depth = e.entry.depth;
        match e.labels {
            Some((s, end, t)) if style.layout == Layout::Labels => {
                writeln!(out, "  L{s} to L{end} -> L{t} [{depth}]{lasti}").unwrap();
            }
            _ => {
                let e = e.entry;
                let last = i64::from(e.end) - 2;
                writeln!(
                    out,
                    "  {} to {last} -> {} [{depth}]{lasti}",
                    e.start, e.target
                )
                .unwrap();
            }
        }
    }
}
