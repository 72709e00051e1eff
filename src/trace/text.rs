//! The text format, x-python's: one line per instruction,
//!
//! ```text
//! L. 1   @  0: LOAD_CONST (2, 3)
//!        @  4: STORE_NAME (2) x
//!        @ 12: BINARY_OP (2, 3) **=
//! ```
//!
//! — `L. <line>` where the instruction starts a source line, `@<offset>`, the opcode, the
//! values it consumes in parentheses (bottom of the stack first), and its argument as
//! `dis` shows it. At `-vv` each instruction is followed by the stack and handlers it
//! left, and frames entering and leaving get their own lines:
//!
//! ```text
//!     stack : [8]
//!     blocks: [Loop -> 40 (level 0)]          (3.11+: `handler: -> 24 (depth 1, lasti)`)
//! -> call f (prog.py:3)
//! <- return from f: 8
//! !! exception in f @ 12: ZeroDivisionError('division by zero')
//! ```

use super::hooks::{Handlers, InstrView, StateView};

pub(crate) fn instruction(v: &InstrView) -> String {
    let mut out = match v.line {
        Some(line) => format!("L. {line:<4}"),
        None => " ".repeat(7),
    };
    out.push_str(&format!("@{:>3}: {}", v.offset, v.opname));
    if let Some(consumed) = v.consumed.as_ref().filter(|c| !c.is_empty()) {
        out.push_str(&format!(" ({})", consumed.join(", ")));
    }
    if !v.argtext.is_empty() {
        out.push(' ');
        out.push_str(v.argtext);
    }
    out
}

pub(crate) fn state(s: &StateView) -> Vec<String> {
    let stack = format!("    stack : [{}]", s.stack.join(", "));
    let handlers = match &s.handlers {
        Handlers::Blocks(blocks) => {
            let shown: Vec<String> = blocks
                .iter()
                .map(|(kind, handler, level)| format!("{kind} -> {handler} (level {level})"))
                .collect();
            format!("    blocks: [{}]", shown.join(", "))
        }
        Handlers::Table(None) => "    handler: none".to_string(),
        Handlers::Table(Some((target, depth, lasti))) => format!(
            "    handler: -> {target} (depth {depth}{})",
            if *lasti { ", lasti" } else { "" }
        ),
    };
    vec![stack, handlers]
}

pub(crate) fn call(name: &str, file: &str, firstlineno: i32, resumed: bool) -> String {
    let what = if resumed { "resume" } else { "call" };
    format!("-> {what} {name} ({file}:{firstlineno})")
}

pub(crate) fn leave(event: &str, name: &str, value: &str) -> String {
    format!("<- {event} from {name}: {value}")
}

pub(crate) fn exception(name: &str, offset: u32, value: &str) -> String {
    format!("!! exception in {name} @ {offset}: {value}")
}
