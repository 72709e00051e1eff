//! HTML rendering of the opcode documentation: one self-contained page per call.

use super::model::{Diff, Matrix, OpRow};
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n<style>\nbody{{font-family:system-ui,sans-serif;margin:2em}}\ntable{{border-collapse:collapse}}\nth,td{{border:1px solid #ccc;padding:2px 6px;vertical-align:top}}\nth{{background:#eee;position:sticky;top:0}}\ncode{{font-family:ui-monospace,monospace}}\ntd.num{{text-align:right}}\ntd.absent{{background:#f6f6f6}}\n</style>\n</head>\n<body>\n<h1>{t}</h1>\n{body}</body>\n</html>\n",
        t = esc(title)
    )
}

pub fn version_table(id: &str, rows: &[OpRow]) -> String {
    let mut body = String::from("<table>\n<tr><th>#</th><th>name</th><th>argument</th><th>cache</th><th>stack effect</th><th>handler</th><th>description</th></tr>\n");
    for r in rows {
        let handler = if r.macro_steps.is_empty() {
            r.handler.to_string()
        } else {
            r.macro_steps.join(" ; ")
        };
        let note = if r.not_in_pyc {
            " <em>(never in .pyc)</em>"
        } else {
            ""
        };
        let _ = writeln!(
            body,
            "<tr id=\"{name}\"><td class=\"num\">{}</td><td><code>{name}</code>{note}</td><td>{}</td><td class=\"num\">{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
            r.num,
            r.arg,
            r.cache,
            esc(&r.stack_cell()),
            esc(&handler),
            esc(r.doc),
            name = esc(r.name),
        );
    }
    body.push_str("</table>\n");
    page(&format!("CPython {id} opcodes"), &body)
}

pub fn diff(d: &Diff) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "<h2>Added ({})</h2>\n<ul>", d.added.len());
    for r in &d.added {
        let _ = writeln!(
            body,
            "<li><code>{}</code> = {} ({}): {}</li>",
            esc(r.name),
            r.num,
            r.arg,
            esc(r.doc)
        );
    }
    let _ = writeln!(body, "</ul>\n<h2>Removed ({})</h2>\n<ul>", d.removed.len());
    for r in &d.removed {
        let _ = writeln!(
            body,
            "<li><code>{}</code> (was {})</li>",
            esc(r.name),
            r.num
        );
    }
    let _ = writeln!(
        body,
        "</ul>\n<h2>Renumbered ({})</h2>\n<ul>",
        d.renumbered.len()
    );
    for (name, a, b) in &d.renumbered {
        let _ = writeln!(body, "<li><code>{}</code>: {a} → {b}</li>", esc(name));
    }
    let _ = writeln!(body, "</ul>\n<h2>Changed ({})</h2>\n<ul>", d.changed.len());
    for c in &d.changed {
        let _ = writeln!(body, "<li><code>{}</code><ul>", esc(c.name));
        for (field, a, b) in &c.fields {
            let _ = writeln!(
                body,
                "<li>{field}: <code>{}</code> → <code>{}</code></li>",
                esc(a),
                esc(b)
            );
        }
        body.push_str("</ul></li>\n");
    }
    body.push_str("</ul>\n");
    page(
        &format!("Opcode changes from CPython {} to {}", d.from, d.to),
        &body,
    )
}

pub fn matrix(m: &Matrix) -> String {
    let mut body = String::from("<table>\n<tr><th>opcode</th>");
    for v in &m.versions {
        let _ = write!(body, "<th>{}</th>", esc(v));
    }
    body.push_str("</tr>\n");
    for (name, nums) in &m.rows {
        let _ = write!(body, "<tr><td><code>{}</code></td>", esc(name));
        for n in nums {
            match n {
                Some(n) => {
                    let _ = write!(body, "<td class=\"num\">{n}</td>");
                }
                None => body.push_str("<td class=\"absent\"></td>"),
            }
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</table>\n");
    page("Opcode numbers by CPython version", &body)
}
