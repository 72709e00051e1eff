//! The JSON format (`--trace-format json`): one object per line and event, for tools.
//!
//! Every object has `"event"` and `"depth"` (frames and native calls in progress) and the
//! code object's `"code"` name:
//! - `call`: a frame starts (`"resumed": true` when a generator or coroutine resumes),
//!   with `"file"` and `"firstlineno"`;
//! - `line`: the next instruction starts source line `"line"`;
//! - `instruction`: one is about to run: `"offset"`, `"opname"`, `"arg"` (the number, or
//!   null), `"argrepr"` (as `dis` shows it), `"consumed"` (the reprs of the values it
//!   takes off the stack, bottom first; null where the spec's stack picture does not
//!   say); at `-vv` also `"stack"` (the whole value stack before it runs) and `"blocks"`
//!   (≤3.10: `{"kind", "handler", "level"}` each) or `"handler"` (3.11+: the exception
//!   table entry covering it, `{"target", "depth", "lasti"}`, or null);
//! - `return`, `yield`: the frame is left with `"value"`; `raise`: left by an exception
//!   (`"value"` is its repr);
//! - `exception`: an exception passes through the frame at `"offset"` (`"line"`).

use super::hooks::{Handlers, InstrView, StateView};
use serde_json::{json, Value};

pub(crate) fn call(
    name: &str,
    file: &str,
    firstlineno: i32,
    depth: usize,
    resumed: bool,
) -> String {
    json!({
        "event": "call",
        "depth": depth,
        "code": name,
        "file": file,
        "firstlineno": firstlineno,
        "resumed": resumed,
    })
    .to_string()
}

pub(crate) fn line(v: &InstrView, line: i32) -> String {
    json!({"event": "line", "depth": v.depth, "code": v.code_name, "line": line}).to_string()
}

pub(crate) fn instruction(v: &InstrView, state: Option<&StateView>) -> String {
    let mut obj = json!({
        "event": "instruction",
        "depth": v.depth,
        "code": v.code_name,
        "offset": v.offset,
        "opname": v.opname,
        "arg": v.arg,
        "argrepr": v.argtext,
        "consumed": v.consumed,
    });
    if let (Some(s), Value::Object(map)) = (state, &mut obj) {
        map.insert("stack".into(), json!(s.stack));
        match &s.handlers {
            Handlers::Blocks(blocks) => {
                let blocks: Vec<Value> = blocks
                    .iter()
                    .map(|(kind, handler, level)| {
                        json!({"kind": kind, "handler": handler, "level": level})
                    })
                    .collect();
                map.insert("blocks".into(), Value::Array(blocks));
            }
            Handlers::Table(h) => {
                let h = h.map(|(target, depth, lasti)| {
                    json!({"target": target, "depth": depth, "lasti": lasti})
                });
                map.insert("handler".into(), h.unwrap_or(Value::Null));
            }
        }
    }
    obj.to_string()
}

pub(crate) fn leave(event: &str, name: &str, value: &str, depth: usize) -> String {
    json!({"event": event, "depth": depth, "code": name, "value": value}).to_string()
}

pub(crate) fn exception(
    name: &str,
    offset: u32,
    line: Option<i32>,
    value: &str,
    depth: usize,
) -> String {
    json!({
        "event": "exception",
        "depth": depth,
        "code": name,
        "offset": offset,
        "line": line,
        "value": value,
    })
    .to_string()
}
