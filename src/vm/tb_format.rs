//! The text CPython prints for an uncaught exception: chained causes and contexts, each
//! traceback (repeated lines collapsed, the last 1000 entries), source lines with the
//! version's indicator lines (`tb_carets`), the `Type: message` line with 3.11+ notes, and
//! 3.11+ exception groups drawn as a tree (`  | ` margins, `+-+---- 1 ----` separators),
//! as `traceback.TracebackException.format` and CPython's own printer lay them out.

use super::tb_carets::{source_block, CaretStyle};
use super::{PyErr, Vm};
use crate::object::exception::TracebackEntry;
use crate::object::{ObjRef, Payload, Value};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// traceback's `max_group_width` and `max_group_depth`.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// Identical consecutive lines shown before "[Previous line repeated ...]".
const RECURSIVE_CUTOFF: usize = 3;
/// `sys.tracebacklimit`'s default: only the innermost entries are shown.
const TRACEBACK_LIMIT: usize = 1000;

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `_ExceptionPrintContext`: the group nesting and what was printed already.
struct Ctx {
    seen: HashSet<usize>,
    depth: usize,
    need_close: bool,
    files: HashMap<String, Option<Vec<String>>>,
    style: CaretStyle,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text`, every line prefixed with the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }

    fn source_line(&mut self, filename: &str, n: i32) -> Option<String> {
        let lines = self
            .files
            .entry(filename.to_string())
            .or_insert_with(|| {
                std::fs::read_to_string(filename)
                    .ok()
                    .map(|t| t.lines().map(str::to_string).collect())
            })
            .as_ref()?;
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        lines.get(i).cloned()
    }
}

impl Vm {
    /// The text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, e: &PyErr) -> String {
        let style = super::flavour::traceback_caret_style(self.version);
        self.format_exception_styled(e, style)
    }

    /// The same, the source lines shown in `style`.
    pub fn format_exception_styled(&mut self, e: &PyErr, style: CaretStyle) -> String {
        let mut ctx = Ctx {
            seen: HashSet::new(),
            depth: 0,
            need_close: false,
            files: HashMap::new(),
            style,
        };
        let mut out = String::new();
        self.format_recursive(&e.0, &mut ctx, &mut out);
        out
    }

    fn format_recursive(&mut self, exc: &ObjRef, ctx: &mut Ctx, out: &mut String) {
        ctx.seen.insert(Rc::as_ptr(exc) as usize);
        let Payload::Exception(d) = &exc.payload else {
            return;
        };
        if super::flavour::traceback_shows_chains(self.version) {
            let cause = d.cause.get();
            let chained = if let Value::Obj(c) = &cause {
                Some((c.clone(), CAUSE))
            } else if d.suppress_context.get() {
                None
            } else if let Value::Obj(c) = d.context.get() {
                Some((c, CONTEXT))
            } else {
                None
            };
            if let Some((c, msg)) = chained {
                if !ctx.seen.contains(&(Rc::as_ptr(&c) as usize)) {
                    let need_close = ctx.need_close;
                    if self.check_stack("").is_ok() {
                        self.format_recursive(&c, ctx, out);
                    }
                    ctx.need_close = need_close;
                    ctx.emit(out, msg, '|');
                }
            }
        }
        let group = d
            .group
            .get()
            .filter(|_| super::flavour::traceback_shows_groups_and_notes(self.version));
        let tb = d.traceback.with(|t| t.clone());
        match group {
            None => {
                if !tb.is_empty() {
                    ctx.emit(out, "Traceback (most recent call last):\n", '|');
                    let text = self.format_stack(&tb, ctx);
                    ctx.emit(out, &text, '|');
                }
                let last = self.exception_only(exc);
                ctx.emit(out, &last, '|');
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                let text = format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n");
                ctx.emit(out, &text, '|');
            }
            Some((_, members)) => self.format_group(exc, &tb, &members, ctx, out),
        }
    }

    fn format_group(
        &mut self,
        exc: &ObjRef,
        tb: &[TracebackEntry],
        members: &[ObjRef],
        ctx: &mut Ctx,
        out: &mut String,
    ) {
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !tb.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            let text = self.format_stack(tb, ctx);
            ctx.emit(out, &text, '|');
        }
        let last = self.exception_only(exc);
        ctx.emit(out, &last, '|');
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for i in 0..n {
            let last_member = i == n - 1;
            if last_member {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let lead = if i == 0 { "+-" } else { "  " };
            out.push_str(&format!(
                "{}{lead}+---------------- {title} ----------------\n",
                ctx.indent()
            ));
            ctx.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let s = if remaining > 1 { "s" } else { "" };
                ctx.emit(out, &format!("and {remaining} more exception{s}\n"), '|');
            } else if self.check_stack("").is_ok() {
                self.format_recursive(&members[i], ctx, out);
            }
            if last_member && ctx.need_close {
                out.push_str(&format!(
                    "{}+------------------------------------\n",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    /// The `File ...` lines of a traceback (entries innermost first), outermost first.
    fn format_stack(&mut self, tb: &[TracebackEntry], ctx: &mut Ctx) -> String {
        let mut out = String::new();
        let shown = &tb[..tb.len().min(TRACEBACK_LIMIT)];
        let mut last: Option<(String, i32, String)> = None;
        let mut count = 0usize;
        for entry in shown.iter().rev() {
            let co = &entry.code.co;
            let line = entry
                .code
                .line_of(entry.instr as usize)
                .unwrap_or(co.firstlineno);
            let key = (co.filename.to_string(), line, co.name.to_string());
            if last.as_ref() != Some(&key) {
                repeated(&mut out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                co.filename, line, co.name
            ));
            let pos = entry_position(entry);
            let filename = co.filename.to_string();
            let style = ctx.style;
            out.push_str(&source_block(style, pos, line, &mut |n| {
                ctx.source_line(&filename, n)
            }));
        }
        repeated(&mut out, count);
        out
    }

    /// `Type: message` and, from 3.11, the exception's notes.
    fn exception_only(&mut self, exc: &ObjRef) -> String {
        // A syntax error from the compiling CPython prints as CPython printed it.
        let mut out = match crate::builtins::compile::cpython_display(exc) {
            Some(text) => text.to_string(),
            None => {
                let mut line = self.exception_last_line(exc);
                line.push('\n');
                line
            }
        };
        if super::flavour::traceback_shows_groups_and_notes(self.version) {
            let notes_name = self.intern("__notes__");
            if let Ok(Some(notes)) = self.get_attr_opt(&Value::Obj(exc.clone()), &notes_name) {
                match notes.payload() {
                    Some(Payload::List(l)) => {
                        for note in l.get() {
                            let text = match note.payload() {
                                Some(Payload::Str(s)) => s.as_str().to_string(),
                                _ => self
                                    .str(&note)
                                    .unwrap_or_else(|_| "<note str() failed>".into()),
                            };
                            out.push_str(&text);
                            out.push('\n');
                        }
                    }
                    _ => {
                        let r = self
                            .repr(&notes)
                            .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                        out.push_str(&r);
                        out.push('\n');
                    }
                }
            }
        }
        out
    }
}

/// "[Previous line repeated N more times]" after `count` identical entries.
fn repeated(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

/// The source span of the instruction a traceback entry points at (3.11+ tables).
fn entry_position(entry: &TracebackEntry) -> crate::bytecode::lines::Position {
    let code = &entry.code;
    let Some(raw) = code.raw.get(entry.instr as usize) else {
        return Default::default();
    };
    let co = &code.co;
    let positions = crate::bytecode::lines::co_positions(
        code.version,
        &co.linetable,
        co.firstlineno,
        co.code.len(),
    );
    positions
        .get(raw.offset as usize / 2)
        .copied()
        .unwrap_or_default()
}
