//! `--format jsonl`: the machine-readable disassembly the oracle sweep compares with
//! `tools/dis_oracle.py`'s output, record for record (see the module docs of
//! [`crate::dis`] for the record layout).

use super::model::DisInstr;
use super::style::Layout;
use super::Disassembly;
use serde_json::{json, Value};

fn opt<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

fn instr(labels: bool, ins: &DisInstr) -> Value {
    let jump = if labels {
        opt(ins.label.map(|l| l as u64))
    } else {
        Value::Bool(ins.jump_target)
    };
    let pos = ins.position.map_or(Value::Null, |p| {
        json!([opt(p.line), opt(p.end_line), opt(p.col), opt(p.end_col)])
    });
    json!([
        ins.offset,
        ins.opname,
        opt(ins.arg),
        ins.resolved.argval,
        ins.resolved.argrepr,
        ins.starts,
        opt(ins.line),
        jump,
        pos
    ])
}

/// The records of one file: its text (from the text view), then one per code object
/// (from the `get_instructions` view).
pub fn records(file: &str, text_view: &Disassembly, d: &Disassembly) -> String {
    let mut out = String::new();
    let text = json!({"file": file, "kind": "text", "text": text_view.text()});
    out.push_str(&text.to_string());
    out.push('\n');
    let labels = d.style.layout == Layout::Labels;
    for (code, _) in &d.codes {
        let mut rec = json!({
            "file": file,
            "kind": "code",
            "name": code.name,
            "firstlineno": code.firstlineno,
            "instrs": code.instrs.iter().map(|i| instr(labels, i)).collect::<Vec<_>>(),
        });
        if let Some(lines) = &code.lines {
            rec["lines"] = lines
                .iter()
                .map(|r| json!([r.start, r.end, opt(r.line)]))
                .collect();
        }
        if d.style.major_minor >= (3, 11) {
            rec["extable"] = code
                .exceptions
                .iter()
                .map(|e| {
                    let e = e.entry;
                    json!([e.start, e.end, e.target, e.depth, e.lasti])
                })
                .collect();
        }
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}

/// The record of a file that failed.
pub fn error_record(file: &str, message: &str) -> String {
    let mut s = json!({"file": file, "kind": "error", "error": message}).to_string();
    s.push('\n');
    s
}
