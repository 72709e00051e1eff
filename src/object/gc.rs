//! The cycle collector: reference counting frees everything but cycles; this finds
//! cycles of heap objects that nothing outside them references, and breaks them.
//!
//! It is CPython's trial deletion over `Rc` counts. Every object that can hold references
//! is tracked when it is created: its address goes into a registry and its place there
//! into the object (`gc_slot`), and its drop nulls that place, so tracking costs no
//! reference and keeps no freed memory. A collection:
//! 1. copies each live tracked object's strong count;
//! 2. subtracts, for every reference from one tracked object to another, one from the
//!    target's copy — what remains counts references from outside the tracked set (frames,
//!    Rust locals, untracked objects): those objects are roots;
//! 3. marks everything reachable from the roots;
//! 4. clears the mutable contents (list items, dict entries, instance dicts, cells...) of
//!    the unmarked objects, which breaks every cycle among them: `Rc` then frees them.
//!
//! Collections are generational, as CPython's: new objects are young; a young collection
//! (at the interpreter's safe points — a Python call, a loop's backward jump — once
//! [`YOUNG_THRESHOLD`] more tracked objects were created than freed) examines only them, counting
//! references from older objects as outside references, and promotes the survivors to
//! the old generation. A full collection examines everything; it runs when the old
//! generation has grown by a quarter since the last one (CPython's rule for its oldest
//! generation), and for `gc.collect()`. So a long loop that builds and drops cycles runs in
//! bounded memory, and the cost of collecting stays proportional to the allocations, not
//! to the heap. `gc.disable()` stops the automatic collections. Unreachable instances with
//! `__del__` are queued for it (`finalizer`) and cleared by a later collection.

use super::{ObjRef, Object, Payload, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// Net tracked objects (created minus freed) since the last collection that make a young
/// collection due (CPython counts its youngest generation the same way).
pub const YOUNG_THRESHOLD: usize = 10_000;

/// The old generation's size below which it is never collected on its own.
const MIN_FULL_GROWTH: usize = 10_000;

/// A registry is compacted (its freed slots dropped) only past this length.
const MIN_COMPACT: usize = 2 * YOUNG_THRESHOLD;

/// `Object::gc_slot` of an object the collector does not know.
pub const UNTRACKED: usize = usize::MAX;

/// The tracked objects of one generation: an object's place is in its `gc_slot`
/// (`index << 1 | generation`); a freed object leaves a null behind, so freeing costs one
/// store and the allocation goes back to the allocator at once.
struct Registry {
    slots: Vec<*const Object>,
    /// How many slots are not null.
    live: usize,
}

impl Registry {
    const fn new() -> Registry {
        Registry {
            slots: Vec::new(),
            live: 0,
        }
    }

    /// Registers `o` as generation `generation` (0 young, 1 old).
    fn add(&mut self, o: &Object, generation: usize) {
        if self.slots.len() == self.slots.capacity() && self.slots.len() >= MIN_COMPACT {
            self.compact(generation);
        }
        o.gc_slot.set(self.slots.len() << 1 | generation);
        self.slots.push(o as *const Object);
        self.live += 1;
    }

    /// Drops the freed slots when they are at least half of them.
    fn compact(&mut self, generation: usize) {
        if self.live * 2 > self.slots.len() {
            return;
        }
        self.slots.retain(|p| !p.is_null());
        for (i, &p) in self.slots.iter().enumerate() {
            // SAFETY: a slot that is not null holds a live object: `Object::drop` nulls
            // the slot before the object goes away.
            unsafe { (*p).gc_slot.set(i << 1 | generation) };
        }
    }

    /// Empties the registry, returning its slots.
    fn take(&mut self) -> Vec<*const Object> {
        self.live = 0;
        std::mem::take(&mut self.slots)
    }
}

thread_local! {
    /// Objects created since the last collection.
    static YOUNG: RefCell<Registry> = const { RefCell::new(Registry::new()) };
    /// Objects that survived a collection.
    static OLD: RefCell<Registry> = const { RefCell::new(Registry::new()) };
    /// `YOUNG`'s live count, read on the interpreter's hot path by `due`.
    static YOUNG_LIVE: Cell<usize> = const { Cell::new(0) };
    /// The old generation's size after the last full collection.
    static OLD_AFTER_FULL: Cell<usize> = const { Cell::new(0) };
    /// `gc.enable()`/`gc.disable()`: whether collections run on their own.
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Hashes object addresses for the collector's index: they are distinct and aligned, so
/// a multiplication spreads them well; SipHash would cost more than the collection.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type AddressMap = HashMap<*const Object, usize, BuildHasherDefault<AddressHasher>>;

/// Whether objects with this payload can be part of a cycle.
pub fn is_container(p: &Payload) -> bool {
    !matches!(
        p,
        Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Int(_)
            | Payload::Float(_)
            | Payload::Complex(..)
            | Payload::Code(_)
            | Payload::Range(_)
    )
}

/// Whether a value can never lead to a cycle: an inline value, or an object that holds
/// no references (a str, an int...).
#[inline]
fn is_atomic(v: &Value) -> bool {
    match v {
        Value::Obj(o) => !is_container(&o.payload) && !o.has_dict(),
        _ => true,
    }
}

/// Whether the collector must know `o`. Tuples and slices are immutable, so one whose
/// items are all atomic can never be part of a cycle and is left out (CPython untracks
/// such tuples too), which spares the collector most of the tuples and slices a program
/// makes.
#[inline]
fn needs_tracking(o: &Object) -> bool {
    if o.has_dict() {
        return true;
    }
    match &o.payload {
        Payload::Tuple(items) => !items.iter().all(is_atomic),
        Payload::Slice(s) => !s.iter().all(is_atomic),
        p => is_container(p),
    }
}

impl Object {
    /// Whether the collector knows the object.
    #[inline]
    pub fn is_tracked(&self) -> bool {
        self.gc_slot.get() != UNTRACKED
    }
}

/// Registers a new object if it can hold references.
#[inline]
pub fn track(o: &ObjRef) {
    if needs_tracking(o) {
        track_young(o);
    }
}

/// Registers `o` in the young generation.
fn track_young(o: &Object) {
    YOUNG.with(|t| t.borrow_mut().add(o, 0));
    YOUNG_LIVE.with(|n| n.set(n.get() + 1));
}

/// Called first thing by `Object::drop`: forgets the object if it was tracked.
#[inline]
pub(super) fn untrack(o: &Object) {
    let slot = o.gc_slot.get();
    if slot != UNTRACKED {
        o.gc_slot.set(UNTRACKED);
        forget_slot(slot);
    }
}

/// Nulls a freed object's slot. No registry borrow is ever held while an object is
/// dropped, so the borrow cannot fail; at thread exit the registries may be gone.
fn forget_slot(slot: usize) {
    let registry = if slot & 1 == 0 { &YOUNG } else { &OLD };
    let _ = registry.try_with(|t| {
        let mut t = t.borrow_mut();
        if let Some(p) = t.slots.get_mut(slot >> 1) {
            *p = std::ptr::null();
            t.live -= 1;
        }
    });
    if slot & 1 == 0 {
        let _ = YOUNG_LIVE.try_with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// True when enough objects were created (net of those freed) that a collection is due
/// (and collections are enabled).
#[inline]
pub fn due() -> bool {
    YOUNG_LIVE.with(|n| n.get()) >= YOUNG_THRESHOLD && ENABLED.with(|e| e.get())
}

/// `gc.enable()`/`gc.disable()`.
pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// `gc.get_count()`'s first number: tracked objects created since the last collection
/// and still alive.
pub fn young_count() -> usize {
    YOUNG_LIVE.with(|n| n.get())
}

/// Calls `f` on every object `o` references.
fn traverse(o: &Object, f: &mut dyn FnMut(&ObjRef)) {
    let mut v = |x: &Value| {
        if let Value::Obj(r) = x {
            f(r);
        }
    };
    // An instance references its class (so classes whose instances are garbage too
    // can be collected with them).
    if let Some(c) = o.class_if_set() {
        v(&Value::Obj(c.clone()));
    }
    if let Some(d) = o.dict() {
        v(&Value::Obj(d));
    }
    match &o.payload {
        Payload::Tuple(items) => items.iter().for_each(&mut v),
        Payload::List(l) => l.with(|l| l.iter().for_each(&mut v)),
        Payload::Dict(d) => d.with(|d| {
            for e in d.iter() {
                v(&e.key);
                v(&e.value);
            }
        }),
        Payload::Set(s) => s.with(|s| s.iter().for_each(|e| v(&e.key))),
        Payload::FrozenSet(s) => s.iter().for_each(|e| v(&e.key)),
        Payload::Cell(c) => c.with(|x| v(x)),
        Payload::Function(func) => {
            v(&Value::Obj(func.globals.clone()));
            func.defaults.with(|x| v(x));
            func.kwdefaults.with(|x| v(x));
            func.annotations.with(|x| v(x));
            func.module.with(|x| v(x));
            func.doc.with(|x| v(x));
            func.type_params.with(|x| v(x));
            for c in func.closure.iter() {
                v(&Value::Obj(c.clone()));
            }
        }
        Payload::Method(m) => {
            v(&m.func);
            v(&m.self_);
        }
        Payload::Builtin(b) => {
            v(&b.bound);
            if let Some(o) = &b.owner {
                v(&Value::Obj(o.clone()));
            }
        }
        Payload::Type(t) => {
            v(&Value::Obj(t.dict.clone()));
            t.bases
                .with(|b| b.iter().for_each(|x| v(&Value::Obj(x.clone()))));
            t.mro
                .with(|m| m.iter().for_each(|x| v(&Value::Obj(x.clone()))));
        }
        Payload::Module(d) => v(&Value::Obj(d.clone())),
        Payload::Exception(e) => {
            e.args.with(|x| v(x));
            e.cause.with(|x| v(x));
            e.context.with(|x| v(x));
            e.traceback_obj.with(|x| v(x));
        }
        Payload::Property(p) => p.iter().for_each(|c| c.with(|x| v(x))),
        Payload::ClassMethod(c) | Payload::StaticMethod(c) => c.with(|x| v(x)),
        Payload::Super(s) => {
            v(&Value::Obj(s.0.clone()));
            v(&s.1);
        }
        Payload::Slots(s) => s.iter().for_each(|c| c.with(|x| v(x))),
        Payload::Slice(s) => s.iter().for_each(&mut v),
        Payload::Generator(g) => g.with(|st| {
            v(&Value::Obj(g.globals.clone()));
            if let crate::vm::generator::GenState::Suspended(gf) = st {
                gf.frame.stack.iter().for_each(&mut v);
                gf.frame.fast.iter().for_each(&mut v);
                v(&Value::Obj(gf.frame.globals.clone()));
                v(&gf.frame.locals);
            }
            g.handled.with(|h| v(h));
        }),
        Payload::Iter(it) => it.with(|st| crate::vm::iter::traverse_iter(st, &mut v)),
        _ => {}
    }
}

/// Empties the mutable contents of an unreachable object, breaking its cycles. What it
/// held is returned so that it is dropped after every object has been cleared.
fn clear(o: &Object, dropped: &mut Vec<Value>) {
    if let Some(d) = o.header.replace_dict(None) {
        dropped.push(Value::Obj(d));
    }
    match &o.payload {
        Payload::List(l) => dropped.extend(l.replace(Vec::new())),
        Payload::Dict(d) => {
            let old = d.replace(super::DictData::new());
            dropped.extend(old.iter().flat_map(|e| [e.key.clone(), e.value.clone()]));
        }
        Payload::Set(s) => {
            let old = s.replace(super::SetData::new());
            dropped.extend(old.iter().map(|e| e.key.clone()));
        }
        Payload::Cell(c) => dropped.push(c.replace(Value::Null)),
        Payload::Function(func) => {
            dropped.push(func.defaults.replace(Value::None));
            dropped.push(func.kwdefaults.replace(Value::None));
            dropped.push(func.annotations.replace(Value::None));
            dropped.push(func.type_params.replace(Value::Null));
        }
        Payload::Exception(e) => {
            dropped.push(e.args.replace(Value::None));
            dropped.push(e.cause.replace(Value::None));
            dropped.push(e.context.replace(Value::None));
            dropped.push(e.traceback_obj.replace(Value::None));
        }
        Payload::Property(p) => p.iter().for_each(|c| dropped.push(c.replace(Value::None))),
        Payload::ClassMethod(c) | Payload::StaticMethod(c) => dropped.push(c.replace(Value::None)),
        Payload::Slots(s) => s.iter().for_each(|c| dropped.push(c.replace(Value::Null))),
        Payload::Generator(g) => {
            let old = g.replace(crate::vm::generator::GenState::Finished);
            dropped.push(g.handled.replace(Value::None));
            if let crate::vm::generator::GenState::Suspended(gf) = old {
                dropped.extend(gf.frame.stack);
                dropped.extend(gf.frame.fast);
            }
        }
        Payload::Iter(it) => {
            let old = it.replace(crate::vm::iter::IterState::Done);
            crate::vm::iter::traverse_iter(&old, &mut |x| dropped.push(x.clone()));
        }
        Payload::Type(t) => {
            let old = t.dict.clone();
            clear(&old, dropped);
            super::method_cache::types_changed();
        }
        _ => {}
    }
}

/// The collection that is due: a young one, or a full one when the old generation has
/// grown by a quarter since the last full collection.
pub fn collect_due() -> usize {
    let old = OLD.with(|t| t.borrow().live);
    let after_full = OLD_AFTER_FULL.with(|c| c.get());
    if old >= MIN_FULL_GROWTH && old - after_full.min(old) > after_full / 4 {
        collect()
    } else {
        collect_young()
    }
}

/// A full collection (every generation); returns how many objects were found
/// unreachable.
pub fn collect() -> usize {
    let mut all = OLD.with(|t| t.borrow_mut().take());
    all.extend(take_young());
    let found = collect_generation(all);
    OLD_AFTER_FULL.with(|c| c.set(OLD.with(|t| t.borrow().live)));
    found
}

/// A young collection: only the objects created since the last collection.
pub fn collect_young() -> usize {
    collect_generation(take_young())
}

/// Empties the young generation, returning its slots.
fn take_young() -> Vec<*const Object> {
    YOUNG_LIVE.with(|n| n.set(0));
    YOUNG.with(|t| t.borrow_mut().take())
}

/// Trial deletion over `generation` (references from outside it count as roots); the
/// survivors join the old generation, unless unreachable objects must be finalized
/// first: then the generation is examined again by the next collection.
fn collect_generation(generation: Vec<*const Object>) -> usize {
    // The objects are untracked while they are examined (so dropping one touches no
    // registry); the survivors are registered again below.
    let live: Vec<ObjRef> = generation
        .iter()
        .filter(|p| !p.is_null())
        .map(|&p| {
            // SAFETY: a slot that is not null holds a live object (`Object::drop` nulls
            // it first), so its strong count is at least one and `p` came from an `Rc`.
            let o = unsafe {
                Rc::increment_strong_count(p);
                Rc::from_raw(p)
            };
            o.gc_slot.set(UNTRACKED);
            o
        })
        .collect();
    drop(generation);
    let mut index = AddressMap::default();
    index.reserve(live.len());
    for (i, o) in live.iter().enumerate() {
        index.insert(Rc::as_ptr(o), i);
    }
    // `live` itself holds one reference to each.
    let mut refs: Vec<isize> = live
        .iter()
        .map(|o| Rc::strong_count(o) as isize - 1)
        .collect();
    for o in &live {
        traverse(o, &mut |r| {
            if let Some(&j) = index.get(&Rc::as_ptr(r)) {
                refs[j] -= 1;
            }
        });
    }
    let mut reachable = vec![false; live.len()];
    let mut work: Vec<usize> = (0..live.len()).filter(|&i| refs[i] > 0).collect();
    for &i in &work {
        reachable[i] = true;
    }
    while let Some(i) = work.pop() {
        traverse(&live[i], &mut |r| {
            if let Some(&j) = index.get(&Rc::as_ptr(r)) {
                if !reachable[j] {
                    reachable[j] = true;
                    work.push(j);
                }
            }
        });
    }
    drop(index);
    let garbage: Vec<ObjRef> = live
        .iter()
        .zip(&reachable)
        .filter(|(_, r)| !**r)
        .map(|(o, _)| o.clone())
        .collect();
    // Unreachable instances with `__del__` are finalized first (PEP 442); what they are
    // part of is cleared by a later collection, as `__del__` may have resurrected it.
    let unfinalized: Vec<ObjRef> = garbage
        .iter()
        .filter(|o| super::finalizer::needs_finalizer(o))
        .filter(|o| !super::finalizer::is_finalized(o))
        .cloned()
        .collect();
    if !unfinalized.is_empty() {
        live.iter().for_each(|o| track_young(o));
        drop(live);
        unfinalized.into_iter().for_each(super::finalizer::queue);
        return 0;
    }
    OLD.with(|t| {
        let mut old = t.borrow_mut();
        for (o, r) in live.iter().zip(&reachable) {
            if *r {
                old.add(o, 1);
            }
        }
    });
    drop(live);
    let mut dropped = Vec::new();
    for o in &garbage {
        clear(o, &mut dropped);
    }
    let n = garbage.len();
    drop(dropped);
    drop(garbage);
    n
}

/// How many tracked objects are alive (for tests and diagnostics).
pub fn tracked_alive() -> usize {
    YOUNG.with(|t| t.borrow().live) + OLD.with(|t| t.borrow().live)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_cycles_are_collected_and_live_data_is_kept() {
        let vm = crate::vm::Vm::new(crate::spec::VERSIONS[crate::spec::VERSIONS.len() - 1]);
        let kept = vm.new_list(vec![Value::Int(1)]);
        let before = tracked_alive();
        for _ in 0..10_000 {
            // A list that contains itself, and a dict and a list referencing each other.
            let l = vm.new_list(vec![]);
            if let Some(Payload::List(items)) = l.payload() {
                items.with_mut(|v| v.push(l.clone()));
            }
            let d = vm.new_dict();
            let l2 = vm.new_list(vec![Value::Obj(d.clone())]);
            if let Payload::Dict(cell) = &d.payload {
                cell.with_mut(|t| t.insert_new(Value::Int(0), 0, l2.clone()));
            }
        }
        assert!(
            tracked_alive() >= before + 30_000,
            "the cycles are alive before a collection"
        );
        let freed = collect();
        assert!(freed >= 30_000, "freed {freed}");
        assert!(
            tracked_alive() <= before + 10,
            "only live objects remain tracked"
        );
        // The kept list survived with its contents.
        assert!(matches!(kept.payload(), Some(Payload::List(l)) if l.with(|v| v.len()) == 1));
    }

    /// A cycle that survives a young collection (something held it) moves to the old
    /// generation: young collections no longer examine it, a full one frees it.
    #[test]
    fn survivors_are_promoted_and_found_by_full_collections() {
        let vm = crate::vm::Vm::new(crate::spec::VERSIONS[crate::spec::VERSIONS.len() - 1]);
        let holder = vm.new_list(vec![]);
        let cycle = vm.new_list(vec![]);
        if let Some(Payload::List(items)) = cycle.payload() {
            items.with_mut(|v| v.push(cycle.clone()));
        }
        let Value::Obj(cycle_ref) = &cycle else {
            panic!("a list is an object")
        };
        let watch = Rc::downgrade(cycle_ref);
        if let Some(Payload::List(items)) = holder.payload() {
            items.with_mut(|v| v.push(cycle.clone()));
        }
        drop(cycle);
        collect_young();
        assert_eq!(young_count(), 0);
        // Unreachable now, but old: a young collection does not look at it.
        if let Some(Payload::List(items)) = holder.payload() {
            items.with_mut(|v| v.clear());
        }
        collect_young();
        assert!(
            watch.upgrade().is_some(),
            "young collections leave the old generation"
        );
        assert!(collect() >= 1);
        assert!(
            watch.upgrade().is_none(),
            "a full collection frees the old cycle"
        );
    }
}
