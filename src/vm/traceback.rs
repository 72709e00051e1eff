//! Traceback objects: `exc.__traceback__` and the `tb` given to `__exit__`, a chain of
//! `traceback` objects over the locations an exception passed through.
//!
//! An exception records its locations as `TracebackEntry`s, innermost first, appending one
//! per frame it leaves. A traceback object stands for one entry together with the entries
//! inside it (its `tb_next` chain); since entries are only ever appended, that chain never
//! changes, so an object is a shared slice and an index. The head is cached on the
//! exception, so `e.__traceback__ is e.__traceback__` while it stays where it is.

use super::{PyResult, Vm};
use crate::object::exception::TracebackEntry;
use crate::object::{Args, ObjRef, Object, Payload, Value};
use std::rc::Rc;

/// One traceback object: `entries[index]`, whose `tb_next` is `entries[index - 1]`.
pub struct Traceback {
    pub entries: Rc<[TracebackEntry]>,
    pub index: usize,
}

impl Vm {
    /// `exc.__traceback__`: the object set explicitly, else the head of the chain over
    /// the locations the exception passed through (None before it was raised).
    pub fn exception_traceback(&mut self, exc: &ObjRef) -> Value {
        let Payload::Exception(d) = &exc.payload else {
            return Value::None;
        };
        let explicit = d.traceback_obj.get();
        if !explicit.is_null() {
            return explicit;
        }
        let entries = d.traceback.with(|t| t.clone());
        if entries.is_empty() {
            return Value::None;
        }
        let cached = d.traceback_head.get();
        if let Some(tb) = traceback_of(&cached) {
            if tb.entries.len() == entries.len() {
                return cached;
            }
        }
        let head = self.new_traceback(Rc::from(entries), None);
        d.traceback_head.replace(head.clone());
        head
    }

    fn new_traceback(&self, entries: Rc<[TracebackEntry]>, index: Option<usize>) -> Value {
        let index = index.unwrap_or(entries.len() - 1);
        Value::Obj(Object::new(
            self.types.traceback.clone(),
            Payload::Other(Box::new(Traceback { entries, index })),
        ))
    }

    /// Registers the traceback type's attributes.
    pub fn init_traceback_type(&mut self) {
        let t = self.types.traceback.clone();
        self.add_getset(&t, "tb_next", tb_next, None);
        self.add_getset(&t, "tb_lineno", tb_lineno, None);
        self.add_getset(&t, "tb_lasti", tb_lasti, None);
        self.add_getset(&t, "tb_frame", tb_frame, None);
    }
}

/// The traceback a value holds, if it is one.
pub fn traceback_of(v: &Value) -> Option<&Traceback> {
    match v.payload() {
        Some(Payload::Other(any)) => any.downcast_ref::<Traceback>(),
        _ => None,
    }
}

fn tb_self<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a Traceback> {
    args.values
        .first()
        .and_then(traceback_of)
        .ok_or_else(|| vm.type_error("descriptor requires a 'traceback' object"))
}

fn tb_entry<'a>(vm: &Vm, args: &'a Args<'_>) -> PyResult<&'a TracebackEntry> {
    let tb = tb_self(vm, args)?;
    tb.entries
        .get(tb.index)
        .ok_or_else(|| vm.system_error("traceback entry out of range"))
}

fn tb_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let tb = tb_self(vm, &args)?;
    Ok(match tb.index.checked_sub(1) {
        Some(i) => vm.new_traceback(tb.entries.clone(), Some(i)),
        None => Value::None,
    })
}

fn tb_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = tb_entry(vm, &args)?;
    let line = e.code.line_of(e.instr as usize);
    Ok(line.map_or(Value::None, |l| Value::Int(i64::from(l))))
}

fn tb_lasti(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = tb_entry(vm, &args)?;
    let offset = e.code.raw.get(e.instr as usize).map_or(0, |r| r.offset);
    Ok(Value::Int(i64::from(offset)))
}

/// The frame a traceback entry names, or a snapshot `sys._getframe()` took: its code
/// and line (`f_code`, `f_lineno`) and, for a snapshot, its globals and locals
/// (`f_globals`, `f_locals`, a copy of the fast locals of a function frame).
pub struct TracebackFrame {
    pub entry: TracebackEntry,
    pub globals: Option<ObjRef>,
    pub locals: Value,
    /// The address of the live frame a `sys._getframe()` snapshot was taken of (for
    /// `f_back`); 0 for a traceback's frame.
    pub origin: usize,
}

fn tb_frame(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let e = tb_entry(vm, &args)?;
    let entry = TracebackEntry {
        code: e.code.clone(),
        instr: e.instr,
    };
    Ok(Value::Obj(Object::new(
        vm.types.frame.clone(),
        Payload::Other(Box::new(TracebackFrame {
            entry,
            globals: None,
            locals: Value::None,
            origin: 0,
        })),
    )))
}

impl Vm {
    /// `sys._getframe(depth)`: a snapshot of the calling Python frame (depth 0) or of
    /// the frame `depth` calls out from it; None when there is no such frame.
    pub fn frame_snapshot(&mut self, depth: usize) -> Option<Value> {
        let f: *const super::frame::Frame = if depth == 0 {
            self.caller_frame()?
        } else {
            let n = self.frames.len();
            &**self.frames.get(n.checked_sub(depth)?)?
        };
        self.snapshot_of(f)
    }

    /// `f_back` of a `sys._getframe()` snapshot taken of the frame at address `origin`:
    /// a snapshot of its caller. A frame that is not among the callers is taken to be
    /// the running one (the usual `sys._getframe().f_back`); snapshots are not live
    /// frames, so that of a frame that has returned can name the wrong caller.
    pub fn frame_back_snapshot(&mut self, origin: usize) -> Option<Value> {
        let index = self
            .frames
            .iter()
            .rposition(|f| &**f as *const super::frame::Frame as usize == origin)
            .unwrap_or(self.frames.len());
        let back: *const super::frame::Frame = &**self.frames.get(index.checked_sub(1)?)?;
        self.snapshot_of(back)
    }

    /// A snapshot of the live frame `f` (one of `self.frames` or the calling frame).
    fn snapshot_of(&mut self, f: *const super::frame::Frame) -> Option<Value> {
        let (code, instr, globals, locals, fast) = {
            // SAFETY: `f` points at a frame owned by `self.frames` or at the calling
            // frame, both alive and unmodified while this copies out of it.
            let f = unsafe { &*f };
            (
                f.code.clone(),
                f.lasti as u32,
                f.globals.clone(),
                f.locals.clone(),
                f.fast.clone(),
            )
        };
        let locals = if locals.is_null() || locals.is_none() {
            let d = self.new_dict();
            for (name, v) in code.fast_names.iter().zip(fast) {
                if !v.is_null() && !matches!(v.payload(), Some(Payload::Cell(_))) {
                    let _ = self.dict_set(&d, Value::Obj(name.clone()), v);
                }
            }
            Value::Obj(d)
        } else {
            locals
        };
        Some(Value::Obj(Object::new(
            self.types.frame.clone(),
            Payload::Other(Box::new(TracebackFrame {
                entry: TracebackEntry { code, instr },
                globals: Some(globals),
                locals,
                origin: f as usize,
            })),
        )))
    }
}
