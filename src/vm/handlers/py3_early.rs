//! Handlers only Python 3.0–3.5 bytecode reaches: MAKE_FUNCTION/MAKE_CLOSURE with packed
//! counts, 3.0–3.3's STORE_LOCALS, 3.0's SET_ADD, WITH_CLEANUP before it was split in
//! two (3.5), and 3.5's calls whose `*args` sits below the keyword pairs.

use crate::object::Value;
use crate::tri;
use crate::vm::blocks::WHY_SILENCED;
use crate::vm::eval::{Exec, Flow};
use crate::vm::flavour;

/// MAKE_FUNCTION's packed oparg: positional defaults (low byte), keyword-only default
/// pairs (next byte), annotation values plus their names tuple (bits 16 and up).
struct Counts {
    positional: usize,
    keyword_only: usize,
    annotations: usize,
}

impl Counts {
    fn of(arg: u32) -> Counts {
        Counts {
            positional: (arg & 0xff) as usize,
            keyword_only: ((arg >> 8) & 0xff) as usize,
            annotations: ((arg >> 16) & 0x7fff) as usize,
        }
    }
}

impl Exec<'_> {
    /// The annotations dict from `[values..., names tuple]` (the count includes the
    /// tuple), or None without annotations.
    fn pop_annotations(&mut self, count: usize) -> Result<Value, Flow> {
        if count == 0 {
            return Ok(Value::None);
        }
        let names = self.frame.pop();
        let names = match self.vm.collect(&names) {
            Ok(n) => n,
            Err(e) => return Err(Flow::Raise(e)),
        };
        let values = self.frame.pop_n(count - 1);
        let dict = self.vm.new_dict();
        for (name, value) in names.into_iter().zip(values) {
            if let Err(e) = self.vm.dict_set(&dict, name, value) {
                return Err(Flow::Raise(e));
            }
        }
        Ok(Value::Obj(dict))
    }

    /// The keyword-only defaults dict from `(name, value)` pairs, or None.
    fn pop_keyword_only_defaults(&mut self, pairs: usize) -> Result<Value, Flow> {
        if pairs == 0 {
            return Ok(Value::None);
        }
        let flat = self.frame.pop_n(2 * pairs);
        let dict = self.vm.new_dict();
        for pair in flat.chunks(2) {
            if let [name, value] = pair {
                if let Err(e) = self.vm.dict_set(&dict, name.clone(), value.clone()) {
                    return Err(Flow::Raise(e));
                }
            }
        }
        Ok(Value::Obj(dict))
    }

    /// The positional defaults tuple, or None.
    fn pop_positional_defaults(&mut self, n: usize) -> Value {
        if n == 0 {
            return Value::None;
        }
        let values = self.frame.pop_n(n);
        self.vm.new_tuple(values)
    }

    /// 3.0–3.5 MAKE_FUNCTION/MAKE_CLOSURE: `[defaults..., annotations..., names?,
    /// closure?, code, qualname?]`. The keyword-only pairs lie below the positional
    /// defaults up to 3.3 and above them from 3.4 (the compiler's evaluation order).
    fn make_function_counts_from(&mut self, arg: u32, qualname: bool, closure: bool) -> Flow {
        let qualname = qualname.then(|| self.frame.pop());
        let code = self.frame.pop();
        let closure = if closure {
            self.frame.pop()
        } else {
            Value::None
        };
        let counts = Counts::of(arg);
        let annotations = match self.pop_annotations(counts.annotations) {
            Ok(a) => a,
            Err(f) => return f,
        };
        let (defaults, kwdefaults) = if flavour::keyword_only_defaults_pushed_first(self.vm.version)
        {
            let defaults = self.pop_positional_defaults(counts.positional);
            match self.pop_keyword_only_defaults(counts.keyword_only) {
                Ok(k) => (defaults, k),
                Err(f) => return f,
            }
        } else {
            let kwdefaults = match self.pop_keyword_only_defaults(counts.keyword_only) {
                Ok(k) => k,
                Err(f) => return f,
            };
            (self.pop_positional_defaults(counts.positional), kwdefaults)
        };
        let f = tri!(self.new_function(code, qualname, defaults, kwdefaults, annotations, closure));
        self.frame.push(f);
        Flow::Next
    }

    /// 3.0–3.2 MAKE_FUNCTION.
    pub fn make_function_counts(&mut self, arg: u32) -> Flow {
        self.make_function_counts_from(arg, false, false)
    }

    /// 3.0–3.2 MAKE_CLOSURE.
    pub fn make_closure_counts(&mut self, arg: u32) -> Flow {
        self.make_function_counts_from(arg, false, true)
    }

    /// 3.3–3.5 MAKE_FUNCTION (qualified name on top).
    pub fn make_function_counts_qualname(&mut self, arg: u32) -> Flow {
        self.make_function_counts_from(arg, true, false)
    }

    /// 3.3–3.5 MAKE_CLOSURE (qualified name on top).
    pub fn make_closure_counts_qualname(&mut self, arg: u32) -> Flow {
        self.make_function_counts_from(arg, true, true)
    }

    /// 3.0–3.3 STORE_LOCALS: a class body's first instruction makes the namespace it was
    /// called with its locals.
    pub fn store_locals(&mut self, _: u32) -> Flow {
        self.frame.locals = self.frame.pop();
        Flow::Next
    }

    /// 3.0 SET_ADD: `[set, value]` → the value added, both popped (the comprehension
    /// keeps the set in a local).
    pub fn set_add_pop_set(&mut self, _: u32) -> Flow {
        let value = self.frame.pop();
        let set = self.frame.pop();
        if let Value::Obj(s) = &set {
            tri!(self.vm.set_add(s, value));
        }
        Flow::Next
    }

    /// 3.2–3.4 WITH_CLEANUP: 3.5's WITH_CLEANUP_START and WITH_CLEANUP_FINISH in one
    /// (`__exit__` below the status; a swallowed exception becomes WHY_SILENCED).
    pub fn with_cleanup_exit_below_silenced(&mut self, arg: u32) -> Flow {
        match self.with_cleanup_start(arg) {
            Flow::Next => self.with_cleanup_finish(arg),
            other => other,
        }
    }

    /// 3.0–3.1 WITH_CLEANUP: `__exit__` on top of the status (None, a why code, or an
    /// exception's type, value, traceback); an exception it swallows is replaced by
    /// WHY_SILENCED, which END_FINALLY turns into unwinding the handler.
    pub fn with_cleanup_exit_on_top_silenced(&mut self, _: u32) -> Flow {
        let exit = self.frame.pop();
        let exception = match self.frame.top() {
            Value::None | Value::Int(_) => None,
            _ => Some([
                self.frame.peek(0).clone(),
                self.frame.peek(1).clone(),
                self.frame.peek(2).clone(),
            ]),
        };
        let args = exception
            .clone()
            .unwrap_or([Value::None, Value::None, Value::None]);
        let result = tri!(self.vm.call(&exit, crate::object::Args::positional(&args)));
        if exception.is_some() && tri!(self.vm.truthy(&result)) {
            drop(self.frame.pop_n(3));
            self.frame.push(Value::Int(WHY_SILENCED));
        }
        Flow::Next
    }

    /// Moves 3.5's `*args` from below the `oparg >> 8` keyword pairs (and `extra` values
    /// above them) to the top, where the older call handlers take it.
    fn lift_star_args(&mut self, arg: u32, extra: usize) -> Result<(), Flow> {
        let pairs = ((arg >> 8) & 0xff) as usize;
        let at = self.slot_below(2 * pairs + extra + 1)?;
        let star = self.frame.stack.remove(at);
        let top = self.frame.stack.len() - extra;
        self.frame.stack.insert(top, star);
        Ok(())
    }

    /// 3.5 CALL_FUNCTION_VAR: `[callable, positional..., *args, pairs...]`.
    pub fn call_function_var_star_first(&mut self, arg: u32) -> Flow {
        if let Err(f) = self.lift_star_args(arg, 0) {
            return f;
        }
        self.call_function_var(arg)
    }

    /// 3.5 CALL_FUNCTION_VAR_KW: `[callable, positional..., *args, pairs..., **kwargs]`.
    pub fn call_function_var_kw_star_first(&mut self, arg: u32) -> Flow {
        if let Err(f) = self.lift_star_args(arg, 1) {
            return f;
        }
        self.call_function_var_kw(arg)
    }

    /// 3.5 BUILD_MAP_UNPACK_WITH_CALL: merges `oparg & 255` mappings for a call
    /// (TypeError on a repeated keyword); the callable lies `oparg >> 8` values below them.
    pub fn build_map_unpack_with_call_packed(&mut self, arg: u32) -> Flow {
        let maps = (arg & 0xff) as usize;
        let function_location = ((arg >> 8) & 0xff) as usize;
        let parts = self.frame.pop_n(maps);
        let func = match self.slot_below(function_location) {
            Ok(at) => self.frame.stack[at].clone(),
            Err(f) => return f,
        };
        let merged = self.vm.new_dict();
        for p in &parts {
            tri!(self.vm.merge_call_kwargs(&func, &merged, p));
        }
        self.frame.push(Value::Obj(merged));
        Flow::Next
    }
}
