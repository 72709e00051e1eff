//! A frame: the state of one running (or suspended) code object.
//!
//! Frames live on the interpreter's explicit frame stack, not the Rust stack: a
//! Python-to-Python call pushes the caller and continues in the same loop.

use super::code::Code;
use crate::object::{ObjRef, Value};
use std::rc::Rc;

/// The most value-stack slots a frame reserves up front (from `co_stacksize`).
const MAX_RESERVED_STACK: usize = 256;

/// A block of the ≤3.10 block stack.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Instruction index of the handler (or the loop's exit).
    pub handler: u32,
    /// Value-stack depth when the block was set up.
    pub level: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Loop,
    Except,
    Finally,
    With,
    AsyncWith,
    /// The handler of an exception being handled (≤3.10 EXCEPT_HANDLER).
    ExceptHandler,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Index of the instruction executing (or last executed).
    pub lasti: usize,
    pub stack: Vec<Value>,
    /// Fast locals, then cells and free variables (each a cell object).
    pub fast: Vec<Value>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The namespace of LOAD_NAME/STORE_NAME (module and class bodies); Null in functions.
    pub locals: Value,
    pub blocks: Vec<Block>,
    /// The function running, for its closure (3.11 COPY_FREE_VARS) and defaults.
    pub func: Option<ObjRef>,
    /// 3.11/3.12: keyword names set by KW_NAMES for the next CALL.
    pub kwnames: Value,
    /// An exception to raise before the next instruction (`generator.throw`).
    pub pending_raise: Option<super::PyErr>,
    /// The instance a class call made for this `__init__` frame (`Vm::init_call_frame`):
    /// the caller receives it, not the return value, which must be None. Null otherwise.
    pub init_of: Value,
    /// Set while this is a generator's frame resumed in its consumer's loop by FOR_ITER,
    /// SEND or YIELD_FROM (`Exec::resume_in_loop`): where the frame goes back when it
    /// yields, returns or raises. None for every other frame, a generator's run by a loop
    /// of its own included.
    pub loop_resume: Option<LoopResume>,
}

/// A generator frame running in its consumer's loop: the generator that owns it and the
/// consumer's handled exception, both handed to `Vm::gen_put_back` when it leaves, and
/// what the consumer does with the generator's yield or return.
pub struct LoopResume {
    pub gen: ObjRef,
    pub saved_handled: Value,
    pub consumer: Consumer,
}

/// The instruction that resumed a generator in the loop, and so what its frame does
/// with what the generator gives (`Vm::consumer_gets_yield`, `consumer_gets_return`).
#[derive(Clone, Copy, Debug)]
pub enum Consumer {
    /// FOR_ITER: a yield is the next value; a return (or, before PEP 479, a
    /// StopIteration) pops the generator and leaves the loop at `exhausted_target`.
    ForIter { exhausted_target: u32 },
    /// SEND (3.11+): a yield is pushed; a return pushes its value, in place of the
    /// generator when `pop_receiver` (3.11), and jumps to `target`.
    Send { target: u32, pop_receiver: bool },
    /// YIELD_FROM (3.3–3.10): a yield is yielded on by the consumer, which runs
    /// YIELD_FROM again when resumed; a return replaces the generator by its value.
    YieldFrom,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: ObjRef, builtins: ObjRef, locals: Value) -> Frame {
        let fast = vec![Value::Null; code.nfast()];
        let depth = (code.co.stacksize as usize).clamp(16, MAX_RESERVED_STACK);
        Frame {
            code,
            pc: 0,
            lasti: 0,
            stack: Vec::with_capacity(depth),
            fast,
            globals,
            builtins,
            locals,
            blocks: Vec::new(),
            func: None,
            kwnames: Value::None,
            pending_raise: None,
            init_of: Value::Null,
            loop_resume: None,
        }
    }

    /// Reuses this frame (a finished one from the pool) for a new run of `code`, keeping
    /// the capacity of its vectors.
    pub fn reset(&mut self, code: Rc<Code>, globals: ObjRef, builtins: ObjRef, locals: Value) {
        self.stack.clear();
        self.fast.clear();
        self.blocks.clear();
        self.func = None;
        self.kwnames = Value::None;
        self.pending_raise = None;
        self.init_of = Value::Null;
        self.loop_resume = None;
        self.locals = locals;
        self.start(&code, &globals, &builtins);
    }

    /// Points a recycled frame (`Vm::recycle_frame` emptied it) at `code`: unbound
    /// locals, the first instruction. The counted references are only replaced when they
    /// change, so a recursive call touches no reference counts here.
    #[inline]
    pub fn start(&mut self, code: &Rc<Code>, globals: &ObjRef, builtins: &ObjRef) {
        if !Rc::ptr_eq(&self.code, code) {
            self.code = code.clone();
        }
        if !Rc::ptr_eq(&self.globals, globals) {
            self.globals = globals.clone();
        }
        if !Rc::ptr_eq(&self.builtins, builtins) {
            self.builtins = builtins.clone();
        }
        // Capped: a damaged `co_stacksize` must not reserve gigabytes (the stack still
        // grows on demand past it).
        let depth = (code.co.stacksize as usize).min(MAX_RESERVED_STACK);
        if self.stack.capacity() < depth {
            self.stack.reserve(depth);
        }
        // A recycled frame's locals are all unbound already (`Vm::recycle_frame`): only
        // their number may need to change.
        let n = code.nfast();
        if self.fast.len() != n {
            self.fast.resize_with(n, || Value::Null);
        }
        self.pc = 0;
        self.lasti = 0;
    }

    /// Moves the values of `stack` from `from` up into the first locals (the caller
    /// checked they fit, `Code::plain_argcount`); `stack` is cut back to `from`.
    #[inline]
    pub fn take_args(&mut self, stack: &mut Vec<Value>, from: usize) {
        let argc = stack.len().saturating_sub(from).min(self.fast.len());
        let from = stack.len() - argc;
        // Each argument moves into its local (a few values: a loop, where a copy of a
        // length known only at run time would be a call to memcpy); what the local held
        // (unbound `Null` after `Frame::start`) is dropped.
        let base = stack.as_ptr();
        for (i, local) in self.fast[..argc].iter_mut().enumerate() {
            // SAFETY: `from + i < stack.len()`, so the slot is initialised; `stack` forgets
            // the moved values by its length just below, so each keeps exactly one owner.
            *local = unsafe { std::ptr::read(base.add(from + i)) };
        }
        // SAFETY: the values above `from` were all moved out just above.
        unsafe { stack.set_len(from) };
    }

    /// Pushes on the value stack. The stack is reserved for the code's `co_stacksize`
    /// when the frame starts, so growing (bad bytecode only) is the cold path.
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.stack.len() == self.stack.capacity() {
            self.stack.reserve(1);
        }
        let len = self.stack.len();
        // SAFETY: the capacity exceeds `len` (reserved just above when it did not), so
        // slot `len` is allocated and unused; writing it and counting it in is what
        // `Vec::push` does, without its out-of-line growth call.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(v);
            self.stack.set_len(len + 1);
        }
    }

    /// Pops the top of the stack. The compiler guarantees the stack is deep enough; bad
    /// bytecode that underflows gets `Null`, which handlers treat as an error value.
    #[inline]
    pub fn pop(&mut self) -> Value {
        match self.stack.pop() {
            Some(v) => v,
            None => Value::Null,
        }
    }

    /// Drops the top value. One that is not a heap object only shortens the stack: no
    /// copy of it is made (reading back a value just pushed as one wide load stalls).
    #[inline(always)]
    pub fn drop_plain_top(&mut self) {
        match self.stack.last() {
            Some(v) if v.as_obj().is_none() => {
                // SAFETY: the top value owns nothing, so forgetting it by the length
                // leaks nothing.
                unsafe { self.stack.set_len(self.stack.len() - 1) };
            }
            _ => drop(self.stack.pop()),
        }
    }

    #[inline]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }

    /// The value `n` below the top (0 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        let len = self.stack.len();
        if n < len {
            &self.stack[len - 1 - n]
        } else {
            &Value::Null
        }
    }

    /// Removes and returns the top `n` values, oldest first.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }
}
