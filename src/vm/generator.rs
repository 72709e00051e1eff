//! Generators, coroutines and async generators: a suspended frame and its status.
//!
//! Calling a generator function makes a generator object owning the prepared frame;
//! for 3.11+ code the frame itself makes it when it reaches RETURN_GENERATOR. A
//! resumption takes the frame out of the generator (`gen_take_frame`, which pushes the
//! value sent in), runs it to its next yield or return, and puts it back
//! (`gen_suspend`, `gen_put_back`; a finished generator's frame goes back to the pool).
//! FOR_ITER runs the frame in its own loop, above the consumer, like a call
//! (`leave_loop_generator` brings it back); `send`, `throw` and native consumers run it
//! in a loop of their own (`gen_resume`). The exception being handled inside the
//! generator is saved and restored around each resumption, as CPython's `gi_exc_state`.

use super::bind::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};
use super::eval::FrameExit;
use super::frame::{Consumer, Frame, LoopResume};
use super::{PyErr, PyResult, Vm};
use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, PyCell, Value};
use crate::spec::Handler;
use std::rc::Rc;

/// What a generator object holds.
pub enum GenState {
    /// Not started, or suspended at a yield: the frame to resume (inline: the generator
    /// object is boxed already, so no allocation of its own).
    Suspended(GenFrame),
    /// Currently executing (re-entering it is a ValueError).
    Running,
    /// Returned or raised: further `next()` raises StopIteration.
    Finished,
}

/// A suspended generator's frame. Two words, so suspending and resuming move little: what
/// does not change between resumptions is in `GenObject`.
pub struct GenFrame {
    pub frame: Box<Frame>,
    /// Not resumed yet.
    pub fresh: bool,
}

/// A generator object: its state, and its `__name__`/`__qualname__` (kept outside the
/// state, as they outlive the frame and can be reassigned).
pub struct GenObject {
    pub state: PyCell<GenState>,
    pub name: PyCell<Rc<str>>,
    pub qualname: PyCell<Rc<str>>,
    /// The code and globals it runs with (they outlive the frame).
    pub code: Rc<super::Code>,
    pub globals: ObjRef,
    /// The exception being handled inside the generator while it is suspended (None
    /// while it handles none, and while it runs: it is the current one then).
    pub handled: PyCell<Value>,
    pub kind: GenKind,
    /// Whether the first resumption pushes the sent value (the code's first instruction
    /// pops it: 3.10 GEN_START, 3.11+ the POP_TOP after RETURN_GENERATOR).
    pub push_first: bool,
}

impl std::ops::Deref for GenObject {
    type Target = PyCell<GenState>;
    fn deref(&self) -> &PyCell<GenState> {
        &self.state
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// What `Vm::gen_take_frame` found.
pub(crate) enum Resumption {
    /// The frame to run, and the caller's handled exception to restore after.
    Run(Box<Frame>, Value),
    /// Nothing to run: the resumption ended at once.
    Done(GenResult),
}

/// How a resumption ended.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    fn gen_kind(flags: u32) -> Option<GenKind> {
        if flags & CO_COROUTINE != 0 {
            Some(GenKind::Coroutine)
        } else if flags & CO_ASYNC_GENERATOR != 0 {
            Some(GenKind::AsyncGenerator)
        } else if flags & CO_GENERATOR != 0 {
            Some(GenKind::Generator)
        } else {
            None
        }
    }

    /// If calling this frame's code makes a generator, coroutine or async generator,
    /// that object (owning the frame) instead of running it. For 3.11+ code the frame's
    /// own prefix (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR) runs at the first
    /// resumption, which no program can tell apart from running it at the call.
    #[allow(clippy::result_large_err)] // the Err is the frame handed back, not an error
    pub fn generator_for_call(&mut self, frame: Box<Frame>) -> Result<Value, Box<Frame>> {
        if Self::gen_kind(frame.code.flags()).is_none() {
            return Err(frame);
        }
        let push_first = frame
            .code
            .instrs
            .first()
            .is_some_and(|i| i.handler == Handler::GenStart);
        Ok(self.new_generator(frame, push_first))
    }

    /// Wraps a prepared frame in a generator object.
    pub fn new_generator(&mut self, frame: Box<Frame>, push_first: bool) -> Value {
        let kind = Self::gen_kind(frame.code.flags()).unwrap_or(GenKind::Generator);
        let (name, qualname) = match frame.func.as_ref().map(|f| &f.payload) {
            Some(Payload::Function(f)) => (f.name.get(), f.qualname.get()),
            _ => (frame.code.co.name.clone(), frame.code.co.qualname.clone()),
        };
        let class_ = match kind {
            GenKind::Generator => self.types.generator.clone(),
            GenKind::Coroutine => self.types.coroutine.clone(),
            GenKind::AsyncGenerator => self.types.async_generator.clone(),
        };
        let code = frame.code.clone();
        let globals = frame.globals.clone();
        let gf = GenFrame { frame, fresh: true };
        let obj = Object::new(
            class_,
            Payload::Generator(Box::new(GenObject {
                state: PyCell::new(GenState::Suspended(gf)),
                name: PyCell::new(name),
                qualname: PyCell::new(qualname),
                code,
                globals,
                handled: PyCell::new(Value::None),
                kind,
                push_first,
            })),
        );
        Value::Obj(obj)
    }

    /// Resumes `gen` with `value` sent in, or `exc` thrown in, running its frame in a
    /// loop of its own (a native caller: `send`, `throw`, `sum(...)`; FOR_ITER runs it in
    /// the caller's loop instead, `Exec::for_iter_generator`).
    pub fn gen_resume(
        &mut self,
        gen: &ObjRef,
        value: Value,
        exc: Option<PyErr>,
    ) -> PyResult<GenResult> {
        let (frame, saved) = match exc {
            None => match self.gen_take_frame_plain(gen, value) {
                Ok(frame) => (frame, self.handled.clone()),
                Err(value) => match self.gen_take_frame(gen, value, None)? {
                    Resumption::Run(frame, saved) => (frame, saved),
                    Resumption::Done(r) => return Ok(r),
                },
            },
            Some(e) => match self.gen_take_frame(gen, value, Some(e))? {
                Resumption::Run(frame, saved) => (frame, saved),
                Resumption::Done(r) => return Ok(r),
            },
        };
        let (frame, result) = self.run_frame(frame);
        match result {
            Ok(FrameExit::Yield(v)) => {
                self.gen_suspend(gen, frame, saved);
                Ok(GenResult::Yield(v))
            }
            result => self.gen_put_back(gen, frame, saved, result),
        }
    }

    /// The first half of a resumption: takes the suspended frame out of `gen` (which is
    /// now running), pushes the value sent in or arms the exception thrown in, and makes
    /// the generator's handled exception the current one. `Run` gives the frame and the
    /// caller's handled exception, for `gen_put_back`; `Done` is a resumption that ends
    /// without running (an exhausted generator).
    pub(crate) fn gen_take_frame(
        &mut self,
        gen: &ObjRef,
        value: Value,
        exc: Option<PyErr>,
    ) -> PyResult<Resumption> {
        let Payload::Generator(go) = &gen.payload else {
            return Err(self.type_error("not a generator"));
        };
        let cell = &go.state;
        let state = cell.replace(GenState::Running);
        let mut g = match state {
            GenState::Suspended(g) => g,
            GenState::Running => {
                let what = if self.type_data(gen.class()).name().as_ref() == "coroutine" {
                    "coroutine"
                } else {
                    "generator"
                };
                return Err(self.value_error(&format!("{what} already executing")));
            }
            GenState::Finished => {
                cell.replace(GenState::Finished);
                if std::rc::Rc::ptr_eq(gen.class(), &self.types.coroutine) {
                    return Err(self.new_exception(
                        &self.types.exc.runtime_error.clone(),
                        "cannot reuse already awaited coroutine",
                    ));
                }
                if let Some(e) = exc {
                    return Err(e);
                }
                // An exhausted generator stays exhausted: like returning None again.
                return Ok(Resumption::Done(GenResult::Return(Value::None)));
            }
        };
        if g.fresh {
            if let Some(e) = exc {
                // Throwing into a fresh generator raises at its start, without running it.
                cell.replace(GenState::Finished);
                self.recycle_frame(g.frame);
                return Err(e);
            }
            if !value.is_none() {
                cell.replace(GenState::Suspended(g));
                return Err(
                    self.type_error("can't send non-None value to a just-started generator")
                );
            }
            if go.push_first {
                g.frame.push(value);
            }
        } else if resumption_pushes_sent(&g.frame) {
            g.frame.push(value);
        }
        // The exception handled inside the generator is its own (saved across yields);
        // while it handles none, the caller's shows through, as CPython's stack of
        // exception states gives the topmost one.
        let own = go.handled.replace(Value::None);
        let own_active = !own.is_none() && !own.is_null();
        let saved = if own_active {
            std::mem::replace(&mut self.handled, own)
        } else {
            self.handled.clone()
        };
        if let Some(e) = exc {
            // 3.9+: what is thrown in gets the generator's handled exception as context.
            if own_active && super::flavour::throw_chains_generator_context(self.version) {
                self.chain_context(&e.0);
            }
            g.frame.pending_raise = Some(e);
        }
        Ok(Resumption::Run(g.frame, saved))
    }

    /// `gen_take_frame` for the commonest resumption, without its checks: a generator
    /// suspended at a yield that pushes the value sent in, handling no exception of its
    /// own (so the caller's stays the current one). The frame, running with `value`
    /// pushed, when that is the case; else `value` back and nothing changed.
    #[inline]
    pub(crate) fn gen_take_frame_plain(
        &mut self,
        gen: &ObjRef,
        value: Value,
    ) -> Result<Box<Frame>, Value> {
        let Payload::Generator(g) = &gen.payload else {
            return Err(value);
        };
        if !g.handled.with(|h| h.is_none()) {
            return Err(value);
        }
        let frame = g.state.with_mut(|st| {
            let plain = matches!(st, GenState::Suspended(f)
                if !f.fresh && resumption_pushes_sent(&f.frame));
            if !plain {
                return None;
            }
            match std::mem::replace(st, GenState::Running) {
                GenState::Suspended(f) => Some(f.frame),
                _ => None,
            }
        });
        match frame {
            Some(mut frame) => {
                frame.push(value);
                Ok(frame)
            }
            None => Err(value),
        }
    }

    /// `gen_put_back` after a yield: the frame is suspended in `gen` again, with the
    /// exception it handles at the yield (if not the caller's, `saved`) as its own.
    #[inline(always)]
    pub(crate) fn gen_suspend(&mut self, gen: &ObjRef, frame: Box<Frame>, saved: Value) {
        let after = std::mem::replace(&mut self.handled, saved);
        if let Payload::Generator(g) = &gen.payload {
            if !after.is(&self.handled) {
                g.handled.replace(after);
            }
            g.state.replace(GenState::Suspended(GenFrame {
                frame,
                fresh: false,
            }));
        }
    }

    /// The second half of a resumption: how the frame's run ended becomes the
    /// generator's state (suspended again, or finished with the frame recycled), the
    /// caller's handled exception is restored, and a StopIteration escaping the body
    /// becomes RuntimeError where PEP 479 applies.
    pub(crate) fn gen_put_back(
        &mut self,
        gen: &ObjRef,
        frame: Box<Frame>,
        saved: Value,
        result: PyResult<FrameExit>,
    ) -> PyResult<GenResult> {
        let Payload::Generator(go) = &gen.payload else {
            return Err(self.type_error("not a generator"));
        };
        match result {
            Ok(FrameExit::Yield(v)) => {
                self.gen_suspend(gen, frame, saved);
                Ok(GenResult::Yield(v))
            }
            Ok(FrameExit::Return(v)) => {
                self.gen_finish(go, frame, saved);
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                let flags = frame.code.flags();
                self.gen_finish(go, frame, saved);
                Err(self.stop_iteration_to_runtime_error(e, go.kind, flags))
            }
        }
    }

    /// A generator's frame has returned or raised: the generator is finished, its frame
    /// goes back to the pool, and the caller's handled exception is current again.
    fn gen_finish(&mut self, go: &GenObject, frame: Box<Frame>, saved: Value) {
        self.handled = saved;
        go.state.replace(GenState::Finished);
        self.recycle_frame(frame);
    }

    /// Whether FOR_ITER runs `gen` in its own loop (`Exec::for_iter_generator`): a plain
    /// generator (coroutines and async generators are never iterated by FOR_ITER), while
    /// the `-v` tracer is off (the trace shows each resumption as a nested run, with
    /// FOR_ITER's line after the generator's).
    #[inline]
    pub(crate) fn resumes_in_loop(&self, gen: &ObjRef) -> bool {
        matches!(gen.payload, Payload::Generator(_))
            && Rc::ptr_eq(gen.class(), &self.types.generator)
            && self.tracer.is_none()
    }

    /// A generator frame resumed in its consumer's loop leaves it (`result`: it yielded,
    /// returned or raised): the frame goes back to its generator and its consumer, the
    /// caller on the frame stack, becomes `cur` again and gets the yield or return as its
    /// instruction would from a nested run (`Consumer`). `Some` is a value the consumer
    /// yields on (YIELD_FROM). An exception is handed back to raise in the consumer, but
    /// a StopIteration (which escapes a generator before PEP 479) counts as a return.
    pub(crate) fn leave_loop_generator(
        &mut self,
        cur: &mut Box<Frame>,
        result: PyResult<FrameExit>,
    ) -> Result<Option<Value>, PyErr> {
        let Some(consumer) = self.frames.pop() else {
            return Err(self.system_error("a generator's consumer frame is missing"));
        };
        let mut done = std::mem::replace(cur, consumer);
        let Some(LoopResume {
            gen,
            saved_handled,
            consumer,
        }) = done.loop_resume.take()
        else {
            return Err(self.system_error("a generator frame without its generator"));
        };
        if let Ok(FrameExit::Yield(v)) = result {
            self.gen_suspend(&gen, done, saved_handled);
            return Ok(consumer_gets_yield(cur, consumer, v));
        }
        let r = match self.gen_put_back(&gen, done, saved_handled, result) {
            Ok(GenResult::Yield(v)) => return Ok(consumer_gets_yield(cur, consumer, v)),
            Ok(GenResult::Return(r)) => r,
            // A StopIteration that escaped the generator (before PEP 479) ends it like
            // a return of its value, as `send_to` takes it.
            Err(e) if self.is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) => {
                self.stop_iteration_value(&e)
            }
            Err(e) => return Err(e),
        };
        consumer_gets_return(cur, consumer, r);
        Ok(None)
    }

    /// A StopIteration escaping a generator becomes RuntimeError (PEP 479).
    fn stop_iteration_to_runtime_error(&mut self, e: PyErr, kind: GenKind, flags: u32) -> PyErr {
        let plain = kind == GenKind::Generator;
        if !super::flavour::generator_stop_applies(self.version, plain, flags) {
            return e;
        }
        let si = self.types.exc.stop_iteration.clone();
        let sai = self.types.exc.stop_async_iteration.clone();
        let is_si = self.is_instance_of_class(&e.0, &si);
        let is_sai = kind == GenKind::AsyncGenerator && self.is_instance_of_class(&e.0, &sai);
        if !is_si && !is_sai {
            return e;
        }
        let what = match kind {
            GenKind::Generator => "generator raised StopIteration",
            GenKind::Coroutine => "coroutine raised StopIteration",
            GenKind::AsyncGenerator if is_sai => "async generator raised StopAsyncIteration",
            GenKind::AsyncGenerator => "async generator raised StopIteration",
        };
        let r = self.new_exception(&self.types.exc.runtime_error.clone(), what);
        if let Payload::Exception(d) = &r.0.payload {
            d.cause.replace(Value::Obj(e.0.clone()));
            d.context.replace(Value::Obj(e.0.clone()));
            d.suppress_context.set(true);
        }
        r
    }

    /// `next(generator)`: `None` when it finishes.
    pub fn generator_next(&mut self, gen: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(g) = gen else { return Ok(None) };
        match self.gen_resume(g, Value::None, None) {
            Ok(GenResult::Yield(v)) => Ok(Some(v)),
            Ok(GenResult::Return(_)) => Ok(None),
            // A StopIteration escaping the body (3.6 without generator_stop) ends the
            // iteration like a return.
            Err(e) if self.is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) => {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// StopIteration carrying a return value.
    pub fn stop_iteration_with(&mut self, v: Value) -> PyErr {
        if v.is_none() {
            return self.new_exception(&self.types.exc.stop_iteration.clone(), "");
        }
        let args = self.new_tuple(vec![v]);
        self.new_exception_args(&self.types.exc.stop_iteration.clone(), args)
    }

    /// Sends `value` into any iterator (generator fast path, else `send`/`__next__`):
    /// `Ok(Yield)` or `Ok(Return(value of StopIteration))`.
    pub fn send_to(&mut self, receiver: &Value, value: Value) -> PyResult<GenResult> {
        if let Some(Payload::Generator(_)) = receiver.payload() {
            let g = receiver
                .as_obj()
                .cloned()
                .unwrap_or_else(|| self.types.generator.clone());
            return match self.gen_resume(&g, value, None) {
                // A StopIteration escaping the generator (before PEP 479) is its return.
                Err(e)
                    if self.is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) =>
                {
                    Ok(GenResult::Return(self.stop_iteration_value(&e)))
                }
                r => r,
            };
        }
        if let Some(Payload::Other(any)) = receiver.payload() {
            if let Some(imm) = any.downcast_ref::<super::async_gen::Immediate>() {
                return Ok(GenResult::Return(imm.0.clone()));
            }
        }
        let r = if value.is_none() {
            let name = self.names.__next__.clone();
            match self.call_special(receiver, &name, &[]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(self.type_error(&format!(
                    "'{}' object is not an iterator",
                    self.type_name(receiver)
                ))),
                Err(e) => Err(e),
            }
        } else {
            let name = self.names.send.clone();
            self.call_method(receiver, &name, &[value])
        };
        match r {
            Ok(v) => Ok(GenResult::Yield(v)),
            Err(e) if self.is_instance_of_class(&e.0, &self.types.exc.stop_iteration.clone()) => {
                Ok(GenResult::Return(self.stop_iteration_value(&e)))
            }
            Err(e) => Err(e),
        }
    }

    /// The `value` of a StopIteration.
    pub fn stop_iteration_value(&self, e: &PyErr) -> Value {
        match &e.0.payload {
            Payload::Exception(d) => match d.args.get().payload() {
                Some(Payload::Tuple(t)) if !t.is_empty() => t[0].clone(),
                _ => Value::None,
            },
            _ => Value::None,
        }
    }

    /// Registers the methods of the generator types.
    pub fn init_generator_types(&mut self) {
        for t in [self.types.generator.clone(), self.types.coroutine.clone()] {
            self.add_method(&t, "send", gen_send, BuiltinKind::Method);
            self.add_method(&t, "throw", gen_throw, BuiltinKind::Method);
            self.add_method(&t, "close", gen_close, BuiltinKind::Method);
        }
        let ag = self.types.async_generator.clone();
        for t in [
            self.types.generator.clone(),
            self.types.coroutine.clone(),
            ag.clone(),
        ] {
            self.add_getset(&t, "__name__", gen_get_name, Some(gen_set_name));
            self.add_getset(&t, "__qualname__", gen_get_qualname, Some(gen_set_qualname));
        }
        let g = self.types.generator.clone();
        self.add_method(&g, "__next__", gen_next_method, BuiltinKind::Method);
        self.add_method(&g, "__iter__", gen_iter_method, BuiltinKind::Method);
    }
}

fn gen_self<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a ObjRef> {
    match args.values.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Generator(_)) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn gen_object<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a GenObject> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Generator(g)) => Ok(g),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn gen_get_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = gen_object(vm, &args)?.name.get();
    Ok(vm.new_str(&n))
}

fn gen_get_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = gen_object(vm, &args)?.qualname.get();
    Ok(vm.new_str(&n))
}

/// The str assigned to `__name__`/`__qualname__`, or CPython's TypeError.
fn name_arg(vm: &mut Vm, args: &Args<'_>, attr: &str) -> PyResult<Rc<str>> {
    match args.values.get(1).and_then(|v| v.payload()) {
        Some(Payload::Str(s)) => Ok(Rc::from(s.as_str())),
        _ => Err(vm.type_error(&format!("{attr} must be set to a string object"))),
    }
}

fn gen_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = name_arg(vm, &args, "__name__")?;
    gen_object(vm, &args)?.name.replace(n);
    Ok(Value::None)
}

fn gen_set_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = name_arg(vm, &args, "__qualname__")?;
    gen_object(vm, &args)?.qualname.replace(n);
    Ok(Value::None)
}

fn finish(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration_with(v)),
    }
}

fn gen_send(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let v = args.values.get(1).cloned().unwrap_or(Value::None);
    let r = vm.gen_resume(&g, v, None)?;
    finish(vm, r)
}

fn gen_next_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let r = vm.gen_resume(&g, Value::None, None)?;
    finish(vm, r)
}

fn gen_iter_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(gen_self(vm, &args)?.clone()))
}

fn gen_throw(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let typ = args.values.get(1).cloned().unwrap_or(Value::None);
    let val = args.values.get(2).cloned().unwrap_or(Value::None);
    let exc = match (&typ, &val) {
        (t, v) if matches!(t.payload(), Some(Payload::Type(_))) && !v.is_none() => {
            if matches!(v.payload(), Some(Payload::Exception(_))) {
                PyErr(vm.make_exception(v)?)
            } else {
                let inst = vm.call(t, Args::positional(std::slice::from_ref(v)))?;
                PyErr(vm.make_exception(&inst)?)
            }
        }
        (t, _) => PyErr(vm.make_exception(t)?),
    };
    let r = vm.gen_throw_exc(&g, exc)?;
    finish(vm, r)
}

/// `close()`: GeneratorExit thrown in (also how a freed suspended generator, coroutine
/// or async generator is finalized).
pub(crate) fn gen_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let g = gen_self(vm, &args)?.clone();
    let finished =
        matches!(&g.payload, Payload::Generator(c) if c.with(|s| matches!(s, GenState::Finished)));
    let fresh = matches!(&g.payload, Payload::Generator(c) if c.with(|s| matches!(s, GenState::Suspended(f) if f.fresh)));
    if finished || fresh {
        if let Payload::Generator(c) = &g.payload {
            c.replace(GenState::Finished);
        }
        return Ok(Value::None);
    }
    if let Payload::Generator(c) = &g.payload {
        if vm.tracer.is_none()
            && c.with(|s| matches!(s, GenState::Suspended(f) if !catches_at_yield(f)))
        {
            // Nothing in the generator could see the GeneratorExit: it would only leave the
            // frame, as close() expects. So the generator finishes without running it.
            if let GenState::Suspended(f) = c.replace(GenState::Finished) {
                vm.recycle_frame(f.frame);
            }
            return Ok(Value::None);
        }
    }
    let exit = vm.new_exception(&vm.types.exc.generator_exit.clone(), "");
    match vm.gen_throw_exc(&g, exit) {
        Ok(GenResult::Yield(_)) => {
            let msg = if Rc::ptr_eq(g.class(), &vm.types.coroutine) {
                "coroutine ignored GeneratorExit"
            } else if Rc::ptr_eq(g.class(), &vm.types.async_generator) {
                "async generator ignored GeneratorExit"
            } else {
                "generator ignored GeneratorExit"
            };
            Err(vm.new_exception(&vm.types.exc.runtime_error.clone(), msg))
        }
        Ok(GenResult::Return(v)) => Ok(if super::flavour::close_returns_value(vm.version) {
            v
        } else {
            Value::None
        }),
        Err(e)
            if vm.is_instance_of_class(&e.0, &vm.types.exc.generator_exit.clone())
                || vm.is_instance_of_class(&e.0, &vm.types.exc.stop_iteration.clone()) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// Whether resuming the suspended `frame` pushes the value sent in: not after 2.4's
/// YIELD_VALUE, a statement (its spec picture `(value --)` leaves nothing; the spec names
/// the handler `yield_value_stmt` for it), else yes.
fn resumption_pushes_sent(frame: &super::frame::Frame) -> bool {
    frame
        .code
        .instrs
        .get(frame.lasti)
        .is_none_or(|i| i.handler != Handler::YieldValueStmt)
}

/// Whether an exception thrown into the suspended generator `g` could be seen by Python
/// code: it delegates (`yield from`/`await`: the delegate is closed first), or a handler
/// covers the instruction it is suspended at (a `try`, `with` or `finally` around the
/// yield: an exception-table entry for 3.11+, a block other than a loop before).
fn catches_at_yield(g: &GenFrame) -> bool {
    if Vm::delegate_of(g).is_some() {
        return true;
    }
    let f = &g.frame;
    match f.code.version.exceptions {
        crate::spec::ExceptionModel::Table => {
            f.code.handler_for(f.pc.saturating_sub(1) as u32).is_some()
        }
        crate::spec::ExceptionModel::BlockStack => f
            .blocks
            .iter()
            .any(|b| b.kind != super::frame::BlockKind::Loop),
    }
}

/// Whether `close()` of the generator suspended with frame `g` would run none of its
/// code (nothing delegated to, no handler around the instruction it is suspended at):
/// it would only finish the generator.
pub(crate) fn closes_without_running(g: &GenFrame) -> bool {
    !catches_at_yield(g)
}

/// What the consumer `frame` does with a value its generator yielded: FOR_ITER and SEND
/// push it; YIELD_FROM yields it on (returned), to run again when resumed.
pub(crate) fn consumer_gets_yield(
    frame: &mut Frame,
    consumer: Consumer,
    v: Value,
) -> Option<Value> {
    match consumer {
        Consumer::ForIter { .. } | Consumer::Send { .. } => {
            frame.push(v);
            None
        }
        Consumer::YieldFrom => {
            frame.pc = frame.lasti;
            Some(v)
        }
    }
}

/// What the consumer `frame` does when its generator returned `r`: FOR_ITER pops the
/// generator and leaves its loop; SEND pushes `r` (in place of the generator in 3.11) and
/// jumps; YIELD_FROM replaces the generator by `r`.
pub(crate) fn consumer_gets_return(frame: &mut Frame, consumer: Consumer, r: Value) {
    match consumer {
        Consumer::ForIter { exhausted_target } => {
            frame.pop();
            frame.pc = exhausted_target as usize;
        }
        Consumer::Send {
            target,
            pop_receiver,
        } => {
            if pop_receiver {
                frame.pop();
            }
            frame.push(r);
            frame.pc = target as usize;
        }
        Consumer::YieldFrom => {
            frame.pop();
            frame.push(r);
        }
    }
}
