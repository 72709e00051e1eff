//! Calling `__del__`: the objects `object::finalizer` queued (freed instances and the
//! cycle collector's unreachable ones) get their `__del__` called (freed suspended
//! generators their `close()`) before the next instruction, an exception in it printed as CPython's "Exception ignored in: ..."; and
//! at exit, what the main module still holds is finalized as CPython's shutdown does.

use super::{Code, PyErr, Vm};
use crate::object::finalizer;
use crate::object::{Args, DictData, ObjRef, Payload, Value};
use std::rc::Rc;

impl Vm {
    /// Calls `__del__` on every queued object (and on those queued meanwhile).
    pub fn run_finalizers(&mut self) {
        self.run_finalizers_at(None);
    }

    /// The same, `site` being the instruction whose work freed them (where 3.8+ report
    /// an error that has no traceback of its own).
    pub fn run_finalizers_at(&mut self, site: Option<(Rc<Code>, u32)>) {
        loop {
            let batch = finalizer::take_queue();
            if batch.is_empty() {
                return;
            }
            for o in batch {
                self.call_finalizer(&o, &site);
            }
        }
    }

    fn call_finalizer(&mut self, o: &ObjRef, site: &Option<(Rc<Code>, u32)>) {
        let this = Value::Obj(o.clone());
        if let Some(wr) = crate::object::weakref::data(o) {
            // A weak reference whose referent died: `callback(ref)`, once.
            let callback = wr.callback.replace(Value::None);
            let handled = self.handled.clone();
            let r = self.call(&callback, Args::positional(std::slice::from_ref(&this)));
            self.handled = handled;
            if let Err(e) = r {
                self.add_unraisable_site(&e, site);
                self.write_unraisable(&e, &callback);
            }
            return;
        }
        if matches!(o.payload, Payload::Generator(_)) {
            // A freed suspended generator is closed.
            let handled = self.handled.clone();
            let r =
                super::generator::gen_close(self, Args::positional(std::slice::from_ref(&this)));
            self.handled = handled;
            if let Err(e) = r {
                self.add_unraisable_site(&e, site);
                self.write_unraisable(&e, &this);
            }
            return;
        }
        let class = o.class().clone();
        let name = self.intern("__del__");
        let Some(f) = self.lookup_in_mro(&class, &name) else {
            return;
        };
        // The exception being handled is not disturbed by what `__del__` does.
        let handled = self.handled.clone();
        let r = self
            .descr_get(f.clone(), Some(&this), &class)
            .and_then(|m| self.call(&m, Args::positional(&[])).map(|_| m));
        self.handled = handled;
        if let Err(e) = r {
            let shown = if super::flavour::unraisable_shows_function(self.version) {
                f
            } else {
                self.descr_get(f.clone(), Some(&this), &class).unwrap_or(f)
            };
            self.write_unraisable(&e, &shown);
        }
    }

    /// 3.8+: an unraisable error raised outside any frame (by the runtime) gets the
    /// location of the code that was running.
    fn add_unraisable_site(&mut self, e: &PyErr, site: &Option<(Rc<Code>, u32)>) {
        let Some((code, instr)) = site else { return };
        if !super::flavour::unraisable_adds_site(self.version) {
            return;
        }
        if let Payload::Exception(d) = &e.0.payload {
            if d.traceback.with(|t| t.is_empty()) {
                super::eval::add_traceback_entry(e, code, *instr);
            }
        }
    }

    /// "Exception ignored in: <obj>" and the traceback, on stderr.
    pub fn write_unraisable(&mut self, e: &PyErr, obj: &Value) {
        let what = self
            .repr(obj)
            .unwrap_or_else(|_| "<object repr() failed>".into());
        self.write_unraisable_with_header(e, &format!("Exception ignored in: {what}"));
    }

    /// An unraisable exception's traceback on stderr, after a line saying what failed.
    pub fn write_unraisable_with_header(&mut self, e: &PyErr, header: &str) {
        self.flush_stdout();
        let style = super::flavour::unraisable_caret_style(self.version);
        let text = self.format_exception_styled(e, style);
        eprint!("{header}\n{text}");
    }

    /// Runs the finalizers due at exit, in the order CPython's shutdown gives: a
    /// collection (cyclic garbage), then the main module's namespace released — its
    /// entries let go in insertion order, as freeing the dict does — then a collection
    /// for what was left in cycles.
    pub fn finalize_at_exit(&mut self, globals: ObjRef) {
        self.run_finalizers();
        self.collect_with_finalizers();
        // Pooled frames keep the globals of their last use.
        self.spare_frames.clear();
        if let Payload::Dict(cell) = &globals.payload {
            let old = cell.replace(DictData::new());
            let entries: Vec<(Value, Value)> = old
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            drop(old);
            for (k, v) in entries {
                drop(k);
                drop(v);
                self.run_finalizers();
            }
        }
        drop(globals);
        self.run_finalizers();
        self.collect_with_finalizers();
    }

    /// A collection, then the finalizers it queued, then one more to free what they
    /// left unreachable.
    fn collect_with_finalizers(&mut self) {
        self.collect_cycles();
        if finalizer::PENDING.load(std::sync::atomic::Ordering::Relaxed) {
            self.run_finalizers();
            self.collect_cycles();
            self.run_finalizers();
        }
    }

    /// `C.__del__ = f` after the class was made: its instances and its subclasses'
    /// are finalized from now on.
    pub fn mark_finalizer(&mut self, class: &ObjRef) {
        let mut work = vec![class.clone()];
        while let Some(c) = work.pop() {
            let t = self.type_data(&c);
            t.has_finalizer.set(true);
            let subs: Vec<ObjRef> = t
                .subclasses
                .with(|s| s.iter().filter_map(std::rc::Weak::upgrade).collect());
            work.extend(subs.into_iter().filter(|s| !Rc::ptr_eq(s, &c)));
        }
    }
}
