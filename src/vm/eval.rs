//! The evaluation loop: one generated `match` (`spec::dispatch`) over decoded
//! instructions, and what happens between instructions — calls into Python frames without
//! Rust recursion, returns, and exception unwinding by the code object's exception model.

use super::code::Code;
use super::frame::Frame;
use super::{PyErr, PyResult, Vm};
use crate::object::exception::TracebackEntry;
use crate::object::{Payload, Value};
use crate::spec::{dispatch_handler, ExceptionModel, Handler, Handlers};
use crate::trace::Leave;

/// What a handler tells the loop.
pub enum Flow {
    /// Go on with the next instruction.
    Next,
    /// The frame returns this value.
    Return(Value),
    /// An exception was raised here (a traceback entry is added for this frame).
    Raise(PyErr),
    /// An exception is re-raised (no new traceback entry: RERAISE, END_FINALLY).
    Reraise(PyErr),
    /// Run this callee frame; its return value is pushed on the current frame.
    Call(Box<Frame>),
    /// A generator frame yields this value.
    Yield(Value),
}

/// How a frame's run ended.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

/// What handlers operate on: the interpreter and the running frame.
pub struct Exec<'a> {
    pub vm: &'a mut Vm,
    pub frame: &'a mut Frame,
}

impl Vm {
    /// RecursionError when the Rust stack is nearly used up (deeply nested data).
    pub fn check_stack(&self, what: &str) -> PyResult<()> {
        if self.stack_is_low() {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(self.new_exception(&self.types.exc.recursion_error, &msg));
        }
        Ok(())
    }

    /// Counts a level of native recursion (repr, comparison) against the recursion
    /// limit, as CPython's Py_EnterRecursiveCall does; the caller decrements `depth`.
    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit || self.stack_is_low() {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(self.new_exception(&self.types.exc.recursion_error.clone(), &msg));
        }
        self.depth += 1;
        Ok(())
    }

    /// Runs `frame` and every Python call it makes until it returns, yields or raises.
    /// Returns the frame (a generator keeps it) and how it ended.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> (Box<Frame>, PyResult<FrameExit>) {
        #[cfg(feature = "trace")]
        if self.tracer.is_some() {
            return self.run_frame_impl::<true>(frame);
        }
        self.run_frame_impl::<false>(frame)
    }

    /// The loop, compiled twice: with tracing (`TRACE`) and without, so tracing costs
    /// nothing when it is off. The traced copy calls the hooks of `crate::trace` (each
    /// behind `if TRACE`, a constant) before and after each instruction and where frames
    /// are entered and left.
    fn run_frame_impl<const TRACE: bool>(
        &mut self,
        frame: Box<Frame>,
    ) -> (Box<Frame>, PyResult<FrameExit>) {
        let mut cur = frame;
        if let Err(e) = self.enter_frame() {
            return (cur, Err(e));
        }
        if TRACE {
            self.trace_enter(&cur);
        }
        let base = self.frames.len();
        if let Some(e) = cur.pending_raise.take() {
            if let Err(e) = self.unwind::<TRACE>(&mut cur, e, base, true) {
                return (cur, Err(e));
            }
        }
        loop {
            // The instructions of the running frame run in the inner loop, until one hands
            // the loop something else than `Next` (a call, a return, an exception...),
            // which may change the running frame; what stays the same meanwhile (the
            // handlers' `Exec`, the code's instructions) is set up once per stretch.
            let stretch_end = {
                // Its own count of the code, so the instructions can be read while the
                // handlers hold the frame.
                let code = cur.code.clone();
                let instrs = &code.instrs[..];
                let mut ex = Exec {
                    vm: self,
                    frame: &mut cur,
                };
                loop {
                    if crate::object::finalizer::PENDING.load(std::sync::atomic::Ordering::Relaxed)
                    {
                        let at = (ex.frame.code.clone(), ex.frame.lasti as u32);
                        ex.vm.run_finalizers_at(Some(at));
                    }
                    let Some(&instr) = instrs.get(ex.frame.pc) else {
                        break None;
                    };
                    ex.frame.lasti = ex.frame.pc;
                    ex.frame.pc += 1;
                    if TRACE {
                        ex.vm.trace_before(ex.frame);
                    }
                    let flow = dispatch_handler!(ex, instr.handler, instr.arg);
                    if TRACE {
                        ex.vm.trace_after(ex.frame);
                    }
                    if !matches!(flow, Flow::Next) {
                        break Some(flow);
                    }
                }
            };
            let Some(flow) = stretch_end else {
                let e = self.system_error("the code ran past its last instruction");
                match self.unwind::<TRACE>(&mut cur, e, base, true) {
                    Ok(()) => continue,
                    Err(e) => return (cur, Err(e)),
                }
            };
            match flow {
                // (The inner loop goes on itself after `Next`.)
                Flow::Next => {}
                Flow::Return(v) => {
                    if TRACE {
                        self.trace_leave(&cur, Leave::Return(&v));
                    }
                    self.depth -= 1;
                    if self.frames.len() == base {
                        return (cur, Ok(FrameExit::Return(v)));
                    }
                    if cur.loop_resume.is_some() {
                        let r = Ok(FrameExit::Return(v));
                        if let Some(exit) = self.generator_leaves::<TRACE>(&mut cur, r, base) {
                            return (cur, exit);
                        }
                    } else {
                        let caller = self.frames.pop().unwrap_or_else(unreachable_frame);
                        let mut done = std::mem::replace(&mut cur, caller);
                        let init_of = std::mem::take(&mut done.init_of);
                        self.recycle_frame(done);
                        if init_of.is_null() {
                            cur.push(v);
                        } else if v.is_none() {
                            cur.push(init_of);
                        } else {
                            // A class call's `__init__` returned a value: the caller's CALL
                            // raises.
                            let e = self.init_returned_non_none(&v);
                            self.chain_context(&e.0);
                            if let Err(e) = self.unwind::<TRACE>(&mut cur, e, base, true) {
                                return (cur, Err(e));
                            }
                        }
                    }
                }
                Flow::Call(callee) => {
                    if let Err(e) = self.enter_loop_frame() {
                        let e = self.callee_not_entered(callee, e);
                        if let Err(e) = self.raise_in::<TRACE>(&mut cur, e, base) {
                            return (cur, Err(e));
                        }
                        continue;
                    }
                    let caller = std::mem::replace(&mut cur, callee);
                    self.frames.push(caller);
                    if TRACE {
                        self.trace_enter(&cur);
                    }
                }
                Flow::Yield(v) => {
                    if TRACE {
                        self.trace_leave(&cur, Leave::Yield(&v));
                    }
                    self.depth -= 1;
                    if cur.loop_resume.is_none() {
                        return (cur, Ok(FrameExit::Yield(v)));
                    }
                    let r = Ok(FrameExit::Yield(v));
                    if let Some(exit) = self.generator_leaves::<TRACE>(&mut cur, r, base) {
                        return (cur, exit);
                    }
                }
                Flow::Raise(e) => {
                    // An exception raised afresh (by an operation, not `raise` of one that
                    // already travelled) gets the handled exception as its context, as
                    // CPython's PyErr_SetObject does.
                    if traceback_is_empty(&e) {
                        self.chain_context(&e.0);
                    }
                    if let Err(e) = self.unwind::<TRACE>(&mut cur, e, base, true) {
                        return (cur, Err(e));
                    }
                }
                Flow::Reraise(e) => {
                    if let Err(e) = self.unwind::<TRACE>(&mut cur, e, base, false) {
                        return (cur, Err(e));
                    }
                }
            }
        }
    }

    /// Counts a frame in; RecursionError past the limit or when the Rust stack runs low.
    /// The common case (room left, nothing due) is inlined into the loop.
    #[inline(always)]
    pub fn enter_frame(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit || self.stack_is_low() || super::breaker_due() {
            return self.enter_frame_slow();
        }
        self.depth += 1;
        Ok(())
    }

    /// `enter_frame` for a frame the loop runs itself (`Flow::Call`): it takes no Rust
    /// stack, so only the recursion limit and the breaker are checked inline.
    #[inline(always)]
    fn enter_loop_frame(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit || super::breaker_due() {
            return self.enter_frame_slow();
        }
        self.depth += 1;
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn enter_frame_slow(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit || self.stack_is_low() {
            let msg = "maximum recursion depth exceeded";
            return Err(self.new_exception(&self.types.exc.recursion_error.clone(), msg));
        }
        self.depth += 1;
        if super::breaker_due() {
            if let Err(e) = self.service_breaker() {
                self.depth -= 1;
                return Err(e);
            }
        }
        Ok(())
    }

    /// A generator frame resumed in the loop (`Frame::loop_resume`) yielded or returned
    /// (`result`): its consumer becomes `cur` and gets the yield or return, or the
    /// exception it becomes. A consumer that yields the value on (YIELD_FROM) leaves too,
    /// and so on down a chain of delegating generators. `Some` when the frame the loop
    /// was given leaves with it (the chain reached it), else the loop goes on. Out of
    /// line, so the loop's own code stays as it is for calls and returns.
    #[cold]
    #[inline(never)]
    fn generator_leaves<const TRACE: bool>(
        &mut self,
        cur: &mut Box<Frame>,
        result: PyResult<FrameExit>,
        base: usize,
    ) -> Option<PyResult<FrameExit>> {
        let mut result = result;
        loop {
            match self.leave_loop_generator(cur, result) {
                Ok(None) => return None,
                Ok(Some(v)) => {
                    if TRACE {
                        self.trace_leave(cur, Leave::Yield(&v));
                    }
                    self.depth -= 1;
                    if cur.loop_resume.is_none() {
                        return Some(Ok(FrameExit::Yield(v)));
                    }
                    result = Ok(FrameExit::Yield(v));
                }
                Err(e) => {
                    return match self.raise_in::<TRACE>(cur, e, base) {
                        Ok(()) => None,
                        Err(e) => Some(Err(e)),
                    }
                }
            }
        }
    }

    /// `unwind` leaves a generator frame resumed in the loop with the exception `e`: its
    /// consumer becomes `cur`; `None` when that ended its iteration (a StopIteration
    /// before PEP 479), else the exception to raise in it (with the handled one as its
    /// context when it is new: the RuntimeError of PEP 479).
    #[cold]
    #[inline(never)]
    fn generator_raised(&mut self, cur: &mut Box<Frame>, e: PyErr) -> Option<PyErr> {
        // (A generator that raises gives its consumer nothing to yield on.)
        let e = self.leave_loop_generator(cur, Err(e)).err()?;
        if traceback_is_empty(&e) {
            self.chain_context(&e.0);
        }
        Some(e)
    }

    /// A callee frame the loop could not enter (RecursionError): a generator's frame
    /// (FOR_ITER) goes back to its generator, which is finished by the error, as if it
    /// had raised it on its first instruction.
    #[cold]
    #[inline(never)]
    fn callee_not_entered(&mut self, mut callee: Box<Frame>, e: PyErr) -> PyErr {
        let Some(resume) = callee.loop_resume.take() else {
            return e;
        };
        match self.gen_put_back(&resume.gen, callee, resume.saved_handled, Err(e)) {
            Err(e) => e,
            Ok(_) => self.system_error("a generator ended without its frame running"),
        }
    }

    /// Raises `e` in `cur` as a handler's `Flow::Raise` does (an exception raised afresh
    /// gets the handled one as context), unwinding down to `base`.
    #[cold]
    #[inline(never)]
    fn raise_in<const TRACE: bool>(
        &mut self,
        cur: &mut Box<Frame>,
        e: PyErr,
        base: usize,
    ) -> Result<(), PyErr> {
        if traceback_is_empty(&e) {
            self.chain_context(&e.0);
        }
        self.unwind::<TRACE>(cur, e, base, true)
    }

    /// Finds a handler for `e` in `cur` or, frame by frame, in its callers down to `base`.
    /// `Ok` when one was found (`cur` is now the frame that handles it); `Err` when the
    /// exception leaves the frame `run_frame` was given. A generator frame resumed by
    /// FOR_ITER is left through `Vm::leave_loop_generator`, so the exception reaches its
    /// consumer as the nested run would hand it back (or ends the iteration).
    fn unwind<const TRACE: bool>(
        &mut self,
        cur: &mut Box<Frame>,
        e: PyErr,
        base: usize,
        add_traceback: bool,
    ) -> Result<(), PyErr> {
        let mut add_traceback = add_traceback;
        let mut e = e;
        loop {
            if add_traceback {
                add_traceback_entry(&e, &cur.code, cur.lasti as u32);
            }
            if TRACE {
                self.trace_exception(cur, &e);
            }
            let handled = match cur.code.version.exceptions {
                ExceptionModel::Table => self.unwind_table(cur, &e),
                ExceptionModel::BlockStack => self.unwind_blocks(cur, &e),
            };
            if handled {
                return Ok(());
            }
            if TRACE {
                self.trace_leave(cur, Leave::Raise(&e));
            }
            self.depth -= 1;
            if cur.loop_resume.is_some() && self.frames.len() > base {
                e = match self.generator_raised(cur, e) {
                    Some(e) => e,
                    None => return Ok(()),
                };
                add_traceback = true;
                continue;
            }
            if self.frames.len() == base {
                return Err(e);
            }
            let caller = self.frames.pop().unwrap_or_else(unreachable_frame);
            let done = std::mem::replace(cur, caller);
            self.recycle_frame(done);
            add_traceback = true;
        }
    }

    /// 3.11+: jump to the exception-table handler covering the raising instruction.
    /// The instruction executing is `pc - 1`; `lasti` may differ after RERAISE, which
    /// moves it back to the original raise for the traceback only.
    fn unwind_table(&mut self, cur: &mut Frame, e: &PyErr) -> bool {
        let at = cur.pc.saturating_sub(1) as u32;
        let Some(h) = cur.code.handler_for(at).copied() else {
            return false;
        };
        cur.stack.truncate(h.depth as usize);
        if h.lasti {
            let offset = cur.code.raw.get(cur.lasti).map(|i| i.offset).unwrap_or(0);
            cur.push(Value::Int(i64::from(offset / 2)));
        }
        cur.push(Value::Obj(e.0.clone()));
        cur.pc = h.target as usize;
        true
    }

    /// ≤3.10: pop blocks until one handles the exception.
    fn unwind_blocks(&mut self, cur: &mut Frame, e: &PyErr) -> bool {
        matches!(
            self.unwind_why(cur, super::blocks::Why::Exception(e.clone())),
            super::blocks::Unwound::Handled
        )
    }

    /// Whether the Rust stack is nearly used up (checked by every path that recurses on
    /// the Rust stack for nested data or re-entrant calls).
    pub(crate) fn stack_is_low(&self) -> bool {
        match self.stack_limit {
            Some(limit) => {
                let here = 0u8;
                (std::ptr::addr_of!(here) as usize) < limit
            }
            None => false,
        }
    }
}

/// Records that `e` passed through instruction `instr` of `code`.
pub fn add_traceback_entry(e: &PyErr, code: &std::rc::Rc<Code>, instr: u32) {
    if let Payload::Exception(data) = &e.0.payload {
        data.traceback.with_mut(|tb| {
            tb.push(TracebackEntry {
                code: code.clone(),
                instr,
            })
        });
    }
}

/// Whether `e` has not yet passed through any frame.
fn traceback_is_empty(e: &PyErr) -> bool {
    match &e.0.payload {
        Payload::Exception(data) => data.traceback.with(|tb| tb.is_empty()),
        _ => true,
    }
}

#[cold]
fn unreachable_frame() -> Box<Frame> {
    // The frame stack holds at least `base` frames while a run is in progress.
    unreachable!("frame stack underflow")
}

impl Handlers for Exec<'_> {
    type Operand = u32;
    type Flow = Flow;

    #[cold]
    fn unimplemented(&mut self, handler: Handler, _operand: u32) -> Flow {
        let name = self
            .frame
            .code
            .raw
            .get(self.frame.lasti)
            .map(|i| i.op.name)
            .unwrap_or("?");
        Flow::Raise(self.vm.system_error(&format!(
            "opcode {name} (handler {}) is not implemented yet",
            handler.name()
        )))
    }

    /// The second half runs when the first went on normally and no finalizer waits: a
    /// `__del__` due after the first instruction runs before the second, as unfused.
    #[inline(always)]
    fn fused_stop(&self, flow: Flow) -> Option<Flow> {
        if matches!(flow, Flow::Next)
            && !crate::object::finalizer::PENDING.load(std::sync::atomic::Ordering::Relaxed)
        {
            // `Next` owns nothing: ending it needs no drop.
            std::mem::forget(flow);
            return None;
        }
        Some(flow)
    }

    /// The decoder fuses an instruction only with the one after it, so `pc` (already
    /// past the first) is the second's index; `lasti` moves onto it for tracebacks.
    #[inline(always)]
    fn fused_operand(&mut self) -> u32 {
        let pc = self.frame.pc;
        self.frame.lasti = pc;
        self.frame.pc = pc + 1;
        self.frame.code.instrs.get(pc).map_or(0, |i| i.arg)
    }
}
