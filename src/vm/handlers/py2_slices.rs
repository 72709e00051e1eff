//! Python 2's slicing opcodes: SLICE+n, STORE_SLICE+n and DELETE_SLICE+n, where `n` says
//! which of `start` (1) and `stop` (2) are on the stack. They index with a slice object
//! (`obj[start:stop]` with the missing bounds None), which is what CPython 2's
//! `sq_slice`/`__getslice__` give for every builtin sequence.

use crate::object::Value;
use crate::vm::eval::{Exec, Flow};

/// Which bounds an opcode of the family has on the stack.
#[derive(Clone, Copy)]
struct Bounds {
    start: bool,
    stop: bool,
}

const NONE: Bounds = Bounds {
    start: false,
    stop: false,
};
const START: Bounds = Bounds {
    start: true,
    stop: false,
};
const STOP: Bounds = Bounds {
    start: false,
    stop: true,
};
const BOTH: Bounds = Bounds {
    start: true,
    stop: true,
};

impl Exec<'_> {
    /// Pops the bounds (stop above start) as a slice object.
    fn pop_slice(&mut self, b: Bounds) -> Value {
        let stop = if b.stop {
            self.frame.pop()
        } else {
            Value::None
        };
        let start = if b.start {
            self.frame.pop()
        } else {
            Value::None
        };
        crate::builtins::slice::new_slice(self.vm, start, stop, Value::None)
    }

    /// `(obj, bounds... -- obj[start:stop])`.
    fn slice_get(&mut self, b: Bounds) -> Flow {
        let key = self.pop_slice(b);
        let obj = self.frame.pop();
        let r = self
            .vm
            .getitem(&obj, &key)
            .and_then(|r| crate::builtins::py2::text::mixed_result(self.vm, &[&obj], r));
        self.push_result(r)
    }

    /// `(value, obj, bounds... --)`: `obj[start:stop] = value`.
    fn slice_store(&mut self, b: Bounds) -> Flow {
        let key = self.pop_slice(b);
        let obj = self.frame.pop();
        let value = self.frame.pop();
        let r = self.vm.setitem(&obj, key, value);
        self.unit(r)
    }

    /// `(obj, bounds... --)`: `del obj[start:stop]`.
    fn slice_delete(&mut self, b: Bounds) -> Flow {
        let key = self.pop_slice(b);
        let obj = self.frame.pop();
        let r = self.vm.delitem(&obj, &key);
        self.unit(r)
    }

    pub fn slice_0(&mut self, _: u32) -> Flow {
        self.slice_get(NONE)
    }
    pub fn slice_1(&mut self, _: u32) -> Flow {
        self.slice_get(START)
    }
    pub fn slice_2(&mut self, _: u32) -> Flow {
        self.slice_get(STOP)
    }
    pub fn slice_3(&mut self, _: u32) -> Flow {
        self.slice_get(BOTH)
    }
    pub fn store_slice_0(&mut self, _: u32) -> Flow {
        self.slice_store(NONE)
    }
    pub fn store_slice_1(&mut self, _: u32) -> Flow {
        self.slice_store(START)
    }
    pub fn store_slice_2(&mut self, _: u32) -> Flow {
        self.slice_store(STOP)
    }
    pub fn store_slice_3(&mut self, _: u32) -> Flow {
        self.slice_store(BOTH)
    }
    pub fn delete_slice_0(&mut self, _: u32) -> Flow {
        self.slice_delete(NONE)
    }
    pub fn delete_slice_1(&mut self, _: u32) -> Flow {
        self.slice_delete(START)
    }
    pub fn delete_slice_2(&mut self, _: u32) -> Flow {
        self.slice_delete(STOP)
    }
    pub fn delete_slice_3(&mut self, _: u32) -> Flow {
        self.slice_delete(BOTH)
    }
}
