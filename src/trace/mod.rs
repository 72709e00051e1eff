//! Execution traces (`xpython -v`, `-vv`, `--trace-format json`): what the evaluation loop
//! reports while it runs, in x-python's text format or as JSON events.
//!
//! The loop (`vm::eval`) is compiled twice, with tracing and without; only the traced
//! copy calls the hooks in [`hooks`], so a run without tracing pays nothing per
//! instruction. The hooks read the frame and describe it:
//! - one instruction: its line start, offset, opcode name, its argument as `dis` shows it,
//!   and the values it consumes — the top of the stack before it runs, as many as its
//!   stack picture in the spec says (`OpInfo::consumed`), so no opcode is known here by
//!   name;
//! - with `-vv`, after each instruction the value stack and the block stack (≤3.10) or the
//!   exception-table handler covering it (3.11+), and a line when a frame is entered or
//!   left (return, yield, or an exception leaving it) and when an exception is raised.
//!
//! Values are shown by [`values::trace_repr`], which never runs Python code (a traced
//! program behaves as an untraced one) and shortens long texts.

mod hooks;
pub use hooks::Leave;
mod json;
mod text;
pub mod values;

use crate::vm::code::Code;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

/// How traces are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceFormat {
    /// x-python's lines: `L. 1   @  4: STORE_NAME (2) x`.
    Text,
    /// One JSON object per line and event.
    Json,
}

/// What the command line asked for.
#[derive(Clone, Debug)]
pub struct TraceOptions {
    /// 1: instructions (and, in JSON, every event); 2: also stacks, blocks and frames.
    pub level: u8,
    pub format: TraceFormat,
    /// Where to write; standard error when None.
    pub file: Option<std::path::PathBuf>,
}

/// The state of a traced run: the sink and what was worked out per code object.
pub struct Tracer {
    level: u8,
    format: TraceFormat,
    out: Box<dyn Write>,
    /// Per code object (kept alive here, so its address stays its key).
    codes: HashMap<*const Code, (Rc<Code>, Rc<CodeInfo>)>,
}

/// What `dis` says about each instruction of one code object, by instruction index.
pub(crate) struct CodeInfo {
    /// The line an instruction starts, if it starts one.
    line_starts: Vec<Option<i32>>,
    /// The argument as shown: `argrepr`, a jump's target, or the number.
    args: Vec<String>,
}

impl Tracer {
    /// A tracer writing where `options` say; an error names the file that cannot be
    /// created.
    pub fn new(options: &TraceOptions) -> Result<Tracer, String> {
        if !cfg!(feature = "trace") {
            return Err("this xpython was built without tracing (cargo feature `trace`)".into());
        }
        let out: Box<dyn Write> = match &options.file {
            Some(path) => {
                let f = std::fs::File::create(path).map_err(|e| {
                    format!("{}: {}", path.display(), crate::bridge::io_message(&e))
                })?;
                Box::new(std::io::BufWriter::new(f))
            }
            // Line by line, so that traces and the program's own stderr stay in order.
            None => Box::new(std::io::LineWriter::new(std::io::stderr())),
        };
        Ok(Tracer {
            level: options.level.max(1),
            format: options.format,
            out,
            codes: HashMap::new(),
        })
    }

    /// Writes out what is buffered.
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    fn write_line(&mut self, line: &str) {
        let _ = self.out.write_all(line.as_bytes());
        let _ = self.out.write_all(b"\n");
    }

    /// The instruction facts of `code`, worked out on first use.
    fn info(&mut self, code: &Rc<Code>) -> Rc<CodeInfo> {
        let key = Rc::as_ptr(code);
        if let Some((_, info)) = self.codes.get(&key) {
            return info.clone();
        }
        let info = Rc::new(CodeInfo::new(code));
        self.codes.insert(key, (code.clone(), info.clone()));
        info
    }
}

impl CodeInfo {
    fn new(code: &Code) -> CodeInfo {
        let n = code.raw.len();
        let mut line_starts = vec![None; n];
        let mut args: Vec<String> = code
            .raw
            .iter()
            .map(|r| r.arg.map(|a| a.to_string()).unwrap_or_default())
            .collect();
        let style = crate::dis::Style::for_version(code.version.format.major_minor);
        let addrs = crate::dis::CodeAddresses::new(&code.co);
        let view = crate::dis::View::Instructions;
        if let Ok(d) = crate::dis::analyse(code.version, &style, &code.co, &addrs, view) {
            let by_offset: HashMap<u32, &crate::dis::DisInstr> =
                d.instrs.iter().map(|i| (i.offset, i)).collect();
            for (i, raw) in code.raw.iter().enumerate() {
                let Some(di) = by_offset.get(&raw.offset) else {
                    continue;
                };
                if di.starts {
                    line_starts[i] = di.line;
                }
                if !di.resolved.argrepr.is_empty() && !raw.op.arg.is_jump() {
                    args[i] = di.resolved.argrepr.clone();
                }
            }
        }
        for (i, raw) in code.raw.iter().enumerate() {
            if let Some(t) = raw.target.filter(|_| raw.op.arg.is_jump()) {
                args[i] = format!("to {t}");
            }
        }
        CodeInfo { line_starts, args }
    }
}
