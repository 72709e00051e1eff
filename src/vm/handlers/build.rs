//! Building containers and strings, unpacking, subscription.

use crate::object::{Payload, Value};
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::messages;

impl Exec<'_> {
    pub fn build_tuple(&mut self, n: u32) -> Flow {
        let items = self.frame.pop_n(n as usize);
        let t = self.vm.new_tuple(items);
        self.frame.push(t);
        Flow::Next
    }

    pub fn build_list(&mut self, n: u32) -> Flow {
        let items = self.frame.pop_n(n as usize);
        let l = self.vm.new_list(items);
        self.frame.push(l);
        Flow::Next
    }

    pub fn build_set(&mut self, n: u32) -> Flow {
        let items = self.frame.pop_n(n as usize);
        let r = self.vm.new_set_from(items, false);
        self.push_result(r)
    }

    /// 3.5+: `oparg` key/value pairs.
    pub fn build_map(&mut self, n: u32) -> Flow {
        let items = self.frame.pop_n(2 * n as usize);
        let d = self.vm.new_dict();
        for pair in items.chunks(2) {
            tri!(self.vm.dict_set(&d, pair[0].clone(), pair[1].clone()));
        }
        self.frame.push(Value::Obj(d));
        Flow::Next
    }

    pub fn build_const_key_map(&mut self, n: u32) -> Flow {
        let keys = self.frame.pop();
        let values = self.frame.pop_n(n as usize);
        let d = self.vm.new_dict();
        if let Some(Payload::Tuple(keys)) = keys.payload() {
            for (k, v) in keys.iter().zip(values) {
                tri!(self.vm.dict_set(&d, k.clone(), v));
            }
        }
        self.frame.push(Value::Obj(d));
        Flow::Next
    }

    pub fn build_string(&mut self, n: u32) -> Flow {
        let parts = self.frame.pop_n(n as usize);
        let mut s = String::new();
        let mut points: Option<Vec<u32>> = None;
        for p in &parts {
            if let Some(ps) = p.as_str() {
                if ps.has_surrogates() || points.is_some() {
                    let pts = points.get_or_insert_with(|| s.chars().map(|c| c as u32).collect());
                    pts.extend(ps.code_points());
                } else {
                    s.push_str(ps.as_str());
                }
            }
        }
        let v = match points {
            Some(p) => self.vm.new_str_points(&p),
            None => self.vm.new_str(&s),
        };
        self.frame.push(v);
        Flow::Next
    }

    pub fn build_slice(&mut self, n: u32) -> Flow {
        let step = if n == 3 {
            self.frame.pop()
        } else {
            Value::None
        };
        let stop = self.frame.pop();
        let start = self.frame.pop();
        let s = crate::builtins::slice::new_slice(self.vm, start, stop, step);
        self.frame.push(s);
        Flow::Next
    }

    /// Appends TOS to the list `oparg` places down (after popping TOS).
    pub fn list_append(&mut self, n: u32) -> Flow {
        let v = self.frame.pop();
        if let Some(Payload::List(l)) = self.frame.peek((n as usize).wrapping_sub(1)).payload() {
            l.with_mut(|l| l.push(v));
        }
        Flow::Next
    }

    pub fn set_add(&mut self, n: u32) -> Flow {
        let v = self.frame.pop();
        let set = self.frame.peek((n as usize).wrapping_sub(1)).clone();
        if let Value::Obj(s) = &set {
            tri!(self.vm.set_add(s, v));
        }
        Flow::Next
    }

    /// 3.8+: `[..., key, value]`.
    pub fn map_add(&mut self, n: u32) -> Flow {
        let value = self.frame.pop();
        let key = self.frame.pop();
        let d = self.frame.peek((n as usize).wrapping_sub(1)).clone();
        if let Value::Obj(d) = &d {
            tri!(self.vm.dict_set(d, key, value));
        }
        Flow::Next
    }

    /// 2.7, 3.1–3.7: `[..., value, key]`.
    pub fn map_add_key_on_top(&mut self, n: u32) -> Flow {
        let key = self.frame.pop();
        let value = self.frame.pop();
        let d = self.frame.peek((n as usize).wrapping_sub(1)).clone();
        if let Value::Obj(d) = &d {
            tri!(self.vm.dict_set(d, key, value));
        }
        Flow::Next
    }

    pub fn list_extend(&mut self, n: u32) -> Flow {
        let iterable = self.frame.pop();
        let items = match self.vm.collect(&iterable) {
            Ok(items) => items,
            Err(e) => {
                if self
                    .vm
                    .is_instance_of_class(&e.0, &self.vm.types.exc.type_error.clone())
                {
                    let msg = format!(
                        "Value after * must be an iterable, not {}",
                        self.vm.type_name(&iterable)
                    );
                    return Flow::Raise(self.vm.type_error(&msg));
                }
                return Flow::Raise(e);
            }
        };
        if let Some(Payload::List(l)) = self.frame.peek((n as usize).wrapping_sub(1)).payload() {
            l.with_mut(|l| l.extend(items));
        }
        Flow::Next
    }

    pub fn set_update(&mut self, n: u32) -> Flow {
        let iterable = self.frame.pop();
        let set = self.frame.peek((n as usize).wrapping_sub(1)).clone();
        // As CPython's `_PySet_Update`: merging a (frozen)set copies its table layout.
        if let Some(Payload::Set(cell)) = set.payload() {
            tri!(crate::builtins::set::update_internal(
                self.vm, cell, &iterable
            ));
        }
        Flow::Next
    }

    pub fn dict_update(&mut self, n: u32) -> Flow {
        let other = self.frame.pop();
        let d = self.frame.peek((n as usize).wrapping_sub(1)).clone();
        let r = self.vm.dict_update_from(&d, &other);
        self.unit(r)
    }

    /// 3.9+ `f(**m)`: like DICT_UPDATE, with the call-site errors naming the callable
    /// (found below the dict and the positional-arguments tuple, past a NULL).
    pub fn dict_merge(&mut self, n: u32) -> Flow {
        let other = self.frame.pop();
        let at = (n as usize).wrapping_sub(1);
        let d = self.frame.peek(at).clone();
        let mut func = self.frame.peek(at + 2).clone();
        if func.is_null() {
            func = self.frame.peek(at + 3).clone();
        }
        let Value::Obj(d) = d else {
            return Flow::Raise(self.vm.system_error("DICT_MERGE without a dict"));
        };
        let r = self.vm.merge_call_kwargs(&func, &d, &other);
        self.unit(r)
    }

    pub fn list_to_tuple(&mut self, _: u32) -> Flow {
        let l = self.frame.pop();
        let items = match l.payload() {
            Some(Payload::List(l)) => l.get(),
            _ => Vec::new(),
        };
        let t = self.vm.new_tuple(items);
        self.frame.push(t);
        Flow::Next
    }

    pub fn unpack_sequence(&mut self, n: u32) -> Flow {
        let seq = self.frame.pop();
        // Fast path: a tuple or list of the right length goes straight onto the stack.
        let n_items = n as usize;
        let stack = &mut self.frame.stack;
        let done = match seq.payload() {
            Some(Payload::Tuple(t)) if t.len() == n_items => {
                stack.extend(t.iter().rev().cloned());
                true
            }
            Some(Payload::List(l)) => l.with(|v| {
                let fits = v.len() == n_items;
                if fits {
                    stack.extend(v.iter().rev().cloned());
                }
                fits
            }),
            _ => false,
        };
        if done {
            return Flow::Next;
        }
        let items = match seq.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => l.get(),
            _ => tri!(self.collect_for_unpack(&seq)),
        };
        let n = n as usize;
        if items.len() != n {
            let v = self.vm.version.format.major_minor;
            let msg = crate::vm::messages::unpack_count_error(v, n, items.len());
            return Flow::Raise(self.vm.value_error(&msg));
        }
        self.frame.stack.extend(items.into_iter().rev());
        Flow::Next
    }

    /// The items an unpacking assignment takes from `seq`; a non-iterable gets the
    /// unpack-specific TypeError of the version.
    fn collect_for_unpack(&mut self, seq: &Value) -> Result<Vec<Value>, crate::vm::PyErr> {
        self.vm.collect(seq).map_err(|e| {
            let type_error = self.vm.types.exc.type_error.clone();
            if !self.vm.is_instance_of_class(&e.0, &type_error) || self.vm.is_iterable(seq) {
                return e;
            }
            let v = self.vm.version.format.major_minor;
            match messages::unpack_non_iterable(v, &self.vm.type_name(seq)) {
                Some(msg) => self.vm.type_error(&msg),
                None => e,
            }
        })
    }

    /// `a, *b, c = seq`: `oparg & 0xff` before the star, `oparg >> 8` after.
    pub fn unpack_ex(&mut self, arg: u32) -> Flow {
        let (before, after) = ((arg & 0xff) as usize, (arg >> 8) as usize);
        let seq = self.frame.pop();
        let items = tri!(self.collect_for_unpack(&seq));
        if items.len() < before + after {
            let msg = format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            );
            return Flow::Raise(self.vm.value_error(&msg));
        }
        let mid_end = items.len() - after;
        for v in items[mid_end..].iter().rev() {
            self.frame.push(v.clone());
        }
        let middle = self.vm.new_list(items[before..mid_end].to_vec());
        self.frame.push(middle);
        for v in items[..before].iter().rev() {
            self.frame.push(v.clone());
        }
        Flow::Next
    }

    /// The fast path is inlined into the dispatch loop; the rest is a call.
    #[inline(always)]
    pub fn binary_subscr(&mut self, _: u32) -> Flow {
        // An exact list or tuple indexed by an in-range int: the item replaces the
        // container on the stack, the int key is forgotten.
        let stack = &mut self.frame.stack;
        let len = stack.len();
        if len >= 2 {
            if let Some(v) = self
                .vm
                .exact_sequence_item(&stack[len - 2], &stack[len - 1])
            {
                let container = std::mem::replace(&mut stack[len - 2], v);
                // SAFETY: `len >= 2`; the top slot holds an int (`exact_sequence_item`
                // answers only for int keys), which owns nothing, so shortening the
                // length past it loses nothing.
                unsafe { stack.set_len(len - 1) };
                drop(container);
                return Flow::Next;
            }
        }
        self.binary_subscr_slow()
    }

    #[inline(never)]
    fn binary_subscr_slow(&mut self) -> Flow {
        let key = self.frame.pop();
        let obj = self.frame.pop();
        let r = self.vm.getitem(&obj, &key);
        crate::builtins::slice::recycle(key);
        self.push_result(r)
    }

    /// The fast path is inlined into the dispatch loop; the rest is a call.
    #[inline(always)]
    pub fn store_subscr(&mut self, _: u32) -> Flow {
        // `[value, list, int]`: the value moves into an exact list at an in-range index.
        let stack = &mut self.frame.stack;
        let len = stack.len();
        if len >= 3 {
            let (below, top) = stack.split_at_mut(len - 2);
            let value = &mut below[len - 3];
            if let Some(old) = self.vm.set_exact_list_item_from(&top[0], &top[1], value) {
                // SAFETY: `len >= 3`. The value slot now holds Null and the key slot an
                // int, neither owning anything; the list reference is read out before the
                // length drops past the three slots, so each is released exactly once.
                let list = unsafe {
                    let list = std::ptr::read(stack.as_ptr().add(len - 2));
                    stack.set_len(len - 3);
                    list
                };
                drop(list);
                drop(old);
                return Flow::Next;
            }
        }
        self.store_subscr_slow()
    }

    #[inline(never)]
    fn store_subscr_slow(&mut self) -> Flow {
        let key = self.frame.pop();
        let obj = self.frame.pop();
        let v = self.frame.pop();
        let slice = matches!(key.payload(), Some(Payload::Slice(_))).then(|| key.clone());
        let r = self.vm.setitem(&obj, key, v);
        if let Some(s) = slice {
            crate::builtins::slice::recycle(s);
        }
        self.unit(r)
    }

    pub fn delete_subscr(&mut self, _: u32) -> Flow {
        let key = self.frame.pop();
        let obj = self.frame.pop();
        let r = self.vm.delitem(&obj, &key);
        self.unit(r)
    }

    /// 3.12+: `obj[start:stop]`.
    pub fn binary_slice(&mut self, _: u32) -> Flow {
        let stop = self.frame.pop();
        let start = self.frame.pop();
        let obj = self.frame.pop();
        let s = crate::builtins::slice::new_slice(self.vm, start, stop, Value::None);
        let r = self.vm.getitem(&obj, &s);
        crate::builtins::slice::recycle(s);
        self.push_result(r)
    }

    pub fn store_slice(&mut self, _: u32) -> Flow {
        let stop = self.frame.pop();
        let start = self.frame.pop();
        let obj = self.frame.pop();
        let v = self.frame.pop();
        let s = crate::builtins::slice::new_slice(self.vm, start, stop, Value::None);
        let r = self.vm.setitem(&obj, s.clone(), v);
        crate::builtins::slice::recycle(s);
        self.unit(r)
    }

    /// FORMAT_VALUE (≤3.12): conversion in bits 0-1, bit 2 = a format spec is on the stack.
    pub fn format_value(&mut self, flags: u32) -> Flow {
        let spec = if flags & 4 != 0 {
            Some(self.frame.pop())
        } else {
            None
        };
        let v = self.frame.pop();
        let converted = match flags & 3 {
            1 => Some(tri!(self.vm.str(&v))),
            2 => Some(tri!(self.vm.repr(&v))),
            3 => Some(tri!(self.vm.ascii(&v))),
            _ => None,
        };
        let v = match converted {
            Some(s) => self.vm.new_str(&s),
            None => v,
        };
        let r = self.vm.format(&v, spec.as_ref());
        self.push_result(r)
    }

    /// 3.13: `str()`, `repr()` or `ascii()` of TOS.
    pub fn convert_value(&mut self, which: u32) -> Flow {
        let v = self.frame.pop();
        let s = match which {
            1 => tri!(self.vm.str(&v)),
            2 => tri!(self.vm.repr(&v)),
            _ => tri!(self.vm.ascii(&v)),
        };
        let s = self.vm.new_str(&s);
        self.frame.push(s);
        Flow::Next
    }

    pub fn format_simple(&mut self, _: u32) -> Flow {
        let v = self.frame.pop();
        let r = self.vm.format(&v, None);
        self.push_result(r)
    }

    pub fn format_with_spec(&mut self, _: u32) -> Flow {
        let spec = self.frame.pop();
        let v = self.frame.pop();
        let r = self.vm.format(&v, Some(&spec));
        self.push_result(r)
    }
}
