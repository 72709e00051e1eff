//! The string a pattern runs on, as code units for the engine: bytes-like objects and
//! ASCII str as bytes, other str as code points; and slicing results back into Python
//! strings of the subject's kind.

use crate::object::{Object, Payload, PyStr, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The code units of a subject.
pub enum Units {
    Narrow(Vec<u8>),
    Wide(Vec<u32>),
}

/// A subject string: the original object and its code units.
pub struct Subject {
    pub value: Value,
    pub units: Units,
    pub is_bytes: bool,
}

impl Subject {
    pub fn len(&self) -> usize {
        match &self.units {
            Units::Narrow(b) => b.len(),
            Units::Wide(w) => w.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `subject[s:e]` as a new str or bytes.
    pub fn slice(&self, vm: &Vm, s: usize, e: usize) -> Value {
        let e = e.min(self.len());
        let s = s.min(e);
        match (&self.units, self.is_bytes) {
            (Units::Narrow(b), true) => crate::builtins::bytes::new_bytes(vm, b[s..e].to_vec()),
            (Units::Narrow(b), false) => {
                // ASCII text: bytes are characters.
                let text = std::str::from_utf8(&b[s..e]).unwrap_or_default();
                vm.new_str(text)
            }
            (Units::Wide(w), _) => str_from_points(vm, &w[s..e]),
        }
    }
}

/// A str from code points.
pub fn str_from_points(vm: &Vm, points: &[u32]) -> Value {
    Value::Obj(Object::new(
        vm.types.str_.clone(),
        Payload::Str(PyStr::from_code_points(points)),
    ))
}

/// The subject for a pattern of the given kind, with CPython's messages for a mismatch.
pub fn subject(vm: &mut Vm, v: &Value, pattern_is_bytes: bool) -> PyResult<Rc<Subject>> {
    let (units, is_bytes) = if let Some(s) = v.as_str() {
        if s.is_ascii() {
            (Units::Narrow(s.bytes().to_vec()), false)
        } else {
            (Units::Wide(s.code_points()), false)
        }
    } else if let Some(b) = crate::builtins::memoryview::buffer_bytes(v) {
        (Units::Narrow(b), true)
    } else {
        return Err(vm.type_error(&format!(
            "expected string or bytes-like object{}",
            got_suffix(vm, v)
        )));
    };
    if is_bytes != pattern_is_bytes {
        return Err(vm.type_error(if pattern_is_bytes {
            "cannot use a bytes pattern on a string-like object"
        } else {
            "cannot use a string pattern on a bytes-like object"
        }));
    }
    Ok(Rc::new(Subject {
        value: v.clone(),
        units,
        is_bytes,
    }))
}

/// 3.12+ names the type in "expected string or bytes-like object".
fn got_suffix(vm: &Vm, v: &Value) -> String {
    let s = super::version(vm);
    if !s.py2 && s.minor >= 12 {
        format!(", got '{}'", vm.type_name(v))
    } else {
        String::new()
    }
}
