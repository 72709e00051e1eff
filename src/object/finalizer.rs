//! `__del__` support on the object side (and the closing of freed generators). When the last reference to an instance whose
//! class defines `__del__` goes away, `Object::drop` moves its contents into a new object
//! and queues it here; the interpreter calls `__del__` on it before its next instruction
//! (`vm::finalize`), then lets it go. The cycle collector queues unreachable instances
//! with `__del__` the same way before clearing them (PEP 442). Each object is finalized
//! once: the queued objects are remembered as finalized until they are freed.

use super::{ObjRef, Object, Payload};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when objects wait in the queue (checked by the interpreter loop).
pub static PENDING: AtomicBool = AtomicBool::new(false);

/// Set while the `-v` tracer is installed: a freed suspended generator is then always
/// closed through `close()`, so the trace shows its frame being closed.
pub static TRACING: AtomicBool = AtomicBool::new(false);

thread_local! {
    static QUEUE: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
    static FINALIZED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Whether instances of `class` have a `__del__` (flag kept on the class).
pub fn class_has_finalizer(class: &ObjRef) -> bool {
    matches!(&class.payload, Payload::Type(t) if t.has_finalizer.get())
}

/// Whether the object needs finalizing when freed: an instance of a class with
/// `__del__`, or a started, suspended generator, coroutine or async generator (closed,
/// which runs its `finally` blocks) whose closing would run some of its code: one
/// suspended where nothing can see the GeneratorExit is simply freed, its frame with it,
/// as `close()` would finish it (`generator::closes_without_running`).
pub fn needs_finalizer(o: &Object) -> bool {
    let Some(class) = o.class_if_set() else {
        return false;
    };
    if class_has_finalizer(class) {
        return true;
    }
    use crate::vm::generator::GenState;
    match &o.payload {
        Payload::Generator(g) => g.state.with(|s| {
            matches!(s, GenState::Suspended(f) if !f.fresh
                && (TRACING.load(Ordering::Relaxed)
                    || !crate::vm::generator::closes_without_running(f)))
        }),
        _ => false,
    }
}

/// Whether `__del__` already ran (or is queued) for the object at `addr`.
pub fn is_finalized(o: &ObjRef) -> bool {
    let addr = Rc::as_ptr(o) as usize;
    FINALIZED
        .try_with(|f| f.borrow().contains(&addr))
        .unwrap_or(true)
}

/// Queues a live object for `__del__` (the cycle collector's unreachable instances).
pub fn queue(o: ObjRef) {
    let addr = Rc::as_ptr(&o) as usize;
    let _ = FINALIZED.try_with(|f| f.borrow_mut().insert(addr));
    let _ = QUEUE.try_with(|q| q.borrow_mut().push(o));
    PENDING.store(true, Ordering::Relaxed);
}

/// Queues a weak reference whose referent died, for its callback (`weakref`); it is
/// not marked finalized.
pub fn queue_callback(weakref: ObjRef) {
    let _ = QUEUE.try_with(|q| q.borrow_mut().push(weakref));
    PENDING.store(true, Ordering::Relaxed);
}

/// The queued objects, oldest first (the queue is left empty).
pub fn take_queue() -> Vec<ObjRef> {
    PENDING.store(false, Ordering::Relaxed);
    QUEUE
        .try_with(|q| std::mem::take(&mut *q.borrow_mut()))
        .unwrap_or_default()
}

/// Called by `Object::drop`: when the object needs its `__del__` called, moves its
/// contents to a new object that is queued, and returns true.
#[inline]
pub(super) fn resurrect(o: &mut Object) -> bool {
    // Only these objects can be queued (and so remembered as finalized).
    let candidate = match &o.payload {
        Payload::Generator(_) => true,
        _ => o.class_if_set().is_some_and(class_has_finalizer),
    };
    candidate && resurrect_candidate(o)
}

/// `resurrect` of an object that may need finalizing.
#[inline(never)]
fn resurrect_candidate(o: &mut Object) -> bool {
    // A finalized object is forgotten when it is freed, even when it no longer needs
    // finalizing (a closed generator): a new object may get its address.
    let addr = o as *const Object as usize;
    let was_finalized = FINALIZED
        .try_with(|f| {
            let mut f = f.borrow_mut();
            !f.is_empty() && f.remove(&addr)
        })
        .unwrap_or(true);
    if was_finalized || !needs_finalizer(o) {
        return false;
    }
    let new = o.take_into_new();
    super::gc::track(&new);
    queue(new);
    true
}
