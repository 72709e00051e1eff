//! The calls the traced copy of the evaluation loop makes: before each instruction, after
//! it, when a frame is entered or left, and when an exception passes through a frame.
//!
//! Each hook takes the tracer out of the VM while it works (so that making a repr, which
//! runs no Python code anyway, could never trace itself) and puts it back.

use super::values::trace_repr;
use super::{json, text, TraceFormat, Tracer};
use crate::spec::ExceptionModel;
use crate::vm::frame::Frame;
use crate::vm::{PyErr, Vm};

/// How a frame is left.
pub enum Leave<'a> {
    Return(&'a crate::object::Value),
    Yield(&'a crate::object::Value),
    Raise(&'a PyErr),
}

/// One instruction about to run.
pub(crate) struct InstrView<'a> {
    pub code_name: &'a str,
    pub depth: usize,
    /// The line it starts, if it starts one.
    pub line: Option<i32>,
    pub offset: u32,
    pub opname: &'static str,
    pub arg: Option<u32>,
    pub argtext: &'a str,
    /// The values it consumes, bottom first.
    pub consumed: Option<Vec<String>>,
}

/// A frame's state: its value stack and its handlers.
pub(crate) struct StateView {
    pub stack: Vec<String>,
    pub handlers: Handlers,
}

/// The block stack (≤3.10) or the exception-table entry covering the instruction (3.11+).
pub(crate) enum Handlers {
    /// (kind, handler offset, stack level) per block, outermost first.
    Blocks(Vec<(String, u32, u32)>),
    /// (handler offset, stack depth, whether lasti is pushed).
    Table(Option<(u32, u32, bool)>),
}

impl Vm {
    fn with_tracer(&mut self, f: impl FnOnce(&mut Vm, &mut Tracer)) {
        if let Some(mut t) = self.tracer.take() {
            f(self, &mut t);
            self.tracer = Some(t);
        }
    }

    /// Before the instruction at `f.lasti` runs.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_before(&mut self, f: &Frame) {
        self.with_tracer(|vm, t| {
            let Some(raw) = f.code.raw.get(f.lasti) else {
                return;
            };
            let info = t.info(&f.code);
            let consumed = raw.op.consumed(raw.oparg(), false).map(|n| {
                let n = n.min(f.stack.len());
                f.stack[f.stack.len() - n..]
                    .iter()
                    .map(|v| trace_repr(vm, v))
                    .collect()
            });
            let view = InstrView {
                code_name: &f.code.co.name,
                depth: vm.depth,
                line: info.line_starts.get(f.lasti).copied().flatten(),
                offset: raw.offset,
                opname: raw.op.name,
                arg: raw.arg,
                argtext: info.args.get(f.lasti).map(String::as_str).unwrap_or(""),
                consumed,
            };
            match t.format {
                TraceFormat::Text => t.write_line(&text::instruction(&view)),
                TraceFormat::Json => {
                    if let Some(line) = view.line {
                        t.write_line(&json::line(&view, line));
                    }
                    let state = (t.level >= 2).then(|| state_of(vm, f));
                    t.write_line(&json::instruction(&view, state.as_ref()));
                }
            }
        });
    }

    /// After the instruction at `f.lasti` ran (`-vv` text only: the state it left).
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_after(&mut self, f: &Frame) {
        self.with_tracer(|vm, t| {
            if t.level >= 2 && t.format == TraceFormat::Text {
                let state = state_of(vm, f);
                for line in text::state(&state) {
                    t.write_line(&line);
                }
            }
        });
    }

    /// A frame starts or resumes running.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_enter(&mut self, f: &Frame) {
        self.with_tracer(|vm, t| {
            let co = &f.code.co;
            match t.format {
                TraceFormat::Text if t.level >= 2 => t.write_line(&text::call(
                    &co.name,
                    &co.filename,
                    co.firstlineno,
                    f.lasti > 0,
                )),
                TraceFormat::Text => {}
                TraceFormat::Json => t.write_line(&json::call(
                    &co.name,
                    &co.filename,
                    co.firstlineno,
                    vm.depth,
                    f.lasti > 0,
                )),
            }
        });
    }

    /// A frame is left.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_leave(&mut self, f: &Frame, how: Leave) {
        self.with_tracer(|vm, t| {
            if t.format == TraceFormat::Text && t.level < 2 {
                return;
            }
            let (event, value) = match how {
                Leave::Return(v) => ("return", trace_repr(vm, v)),
                Leave::Yield(v) => ("yield", trace_repr(vm, v)),
                Leave::Raise(e) => (
                    "raise",
                    trace_repr(vm, &crate::object::Value::Obj(e.0.clone())),
                ),
            };
            let name = &f.code.co.name;
            let line = match t.format {
                TraceFormat::Text => text::leave(event, name, &value),
                TraceFormat::Json => json::leave(event, name, &value, vm.depth),
            };
            t.write_line(&line);
        });
    }

    /// An exception passes through `f` (raised there, or coming from a call it made).
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_exception(&mut self, f: &Frame, e: &PyErr) {
        self.with_tracer(|vm, t| {
            if t.format == TraceFormat::Text && t.level < 2 {
                return;
            }
            let value = trace_repr(vm, &crate::object::Value::Obj(e.0.clone()));
            let offset = f.code.raw.get(f.lasti).map(|r| r.offset).unwrap_or(0);
            let line = f.code.line_of(f.lasti);
            let name = &f.code.co.name;
            let text = match t.format {
                TraceFormat::Text => text::exception(name, offset, &value),
                TraceFormat::Json => json::exception(name, offset, line, &value, vm.depth),
            };
            t.write_line(&text);
        });
    }
}

/// The value stack and handlers of `f`.
fn state_of(vm: &mut Vm, f: &Frame) -> StateView {
    let stack = f.stack.iter().map(|v| trace_repr(vm, v)).collect();
    let offset_of = |i: u32| f.code.raw.get(i as usize).map(|r| r.offset).unwrap_or(0);
    let handlers = match f.code.version.exceptions {
        ExceptionModel::BlockStack => Handlers::Blocks(
            f.blocks
                .iter()
                .map(|b| (format!("{:?}", b.kind), offset_of(b.handler), b.level))
                .collect(),
        ),
        ExceptionModel::Table => Handlers::Table(
            f.code
                .handler_for(f.lasti as u32)
                .map(|h| (offset_of(h.target), h.depth, h.lasti)),
        ),
    };
    StateView { stack, handlers }
}
