//! Markdown rendering of the opcode documentation.

use super::model::{Diff, Matrix, OpRow};
use std::fmt::Write;

/// Escapes the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn version_table(id: &str, rows: &[OpRow]) -> String {
    let mut out = format!("# CPython {id} opcodes\n\n{} opcodes. Stack effects are net changes in stack depth as formulas over `oparg`.\n\n", rows.len());
    out.push_str("| # | name | argument | cache | stack effect | handler | description |\n");
    out.push_str("|---:|---|---|---:|---|---|---|\n");
    for r in rows {
        let name = if r.not_in_pyc {
            format!("{} (never in .pyc)", r.name)
        } else {
            r.name.to_string()
        };
        let handler = if r.macro_steps.is_empty() {
            r.handler.to_string()
        } else {
            r.macro_steps.join(" ; ")
        };
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | `{}` | `{}` | {} |",
            r.num,
            cell(&name),
            r.arg,
            r.cache,
            cell(&r.stack_cell()),
            cell(&handler),
            cell(r.doc)
        );
    }
    out
}

pub fn diff(d: &Diff) -> String {
    let mut out = format!("# Opcode changes from CPython {} to {}\n\n", d.from, d.to);
    let _ = writeln!(out, "## Added ({})\n", d.added.len());
    for r in &d.added {
        let _ = writeln!(
            out,
            "- `{}` = {} ({}): {}",
            r.name,
            r.num,
            r.arg,
            cell(r.doc)
        );
    }
    let _ = writeln!(out, "\n## Removed ({})\n", d.removed.len());
    for r in &d.removed {
        let _ = writeln!(out, "- `{}` (was {})", r.name, r.num);
    }
    let _ = writeln!(out, "\n## Renumbered ({})\n", d.renumbered.len());
    for (name, a, b) in &d.renumbered {
        let _ = writeln!(out, "- `{name}`: {a} → {b}");
    }
    let _ = writeln!(out, "\n## Changed ({})\n", d.changed.len());
    for c in &d.changed {
        let _ = writeln!(out, "- `{}`", c.name);
        for (field, a, b) in &c.fields {
            let _ = writeln!(out, "  - {field}: `{}` → `{}`", cell(a), cell(b));
        }
    }
    out
}

pub fn matrix(m: &Matrix) -> String {
    let mut out = String::from("# Opcode numbers by CPython version\n\nA blank cell: the version does not have the opcode.\n\n");
    let _ = writeln!(out, "| opcode | {} |", m.versions.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(m.versions.len()));
    for (name, nums) in &m.rows {
        let cells: Vec<String> = nums
            .iter()
            .map(|n| n.map(|n| n.to_string()).unwrap_or_default())
            .collect();
        let _ = writeln!(out, "| `{}` | {} |", cell(name), cells.join(" | "));
    }
    out
}
