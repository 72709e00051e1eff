//! The native `_operator`, reduced to what the pure-Python `operator.py` cannot give:
//! `_compare_digest` (hmac's and secrets' `compare_digest`), a comparison whose time does
//! not depend on where the inputs differ. `operator.py` falls back to its own Python
//! definitions for everything else.

use crate::builtins::bytes::buffer_arg;
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `_operator`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(super::native_class::module_with(
        vm,
        "_operator",
        &[("_compare_digest", compare_digest)],
    ))
}

/// `_compare_digest(a, b)`: two ASCII strs or two bytes-like objects.
fn compare_digest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = a.pos() else {
        let n = a.pos().len();
        return Err(vm.type_error(&format!("_compare_digest expected 2 arguments, got {n}")));
    };
    let (left, right) = match (x.as_str(), y.as_str()) {
        (Some(l), Some(r)) => {
            if !l.is_ascii() || !r.is_ascii() {
                return Err(
                    vm.type_error("comparing strings with non-ASCII characters is not supported")
                );
            }
            (
                l.as_str().as_bytes().to_vec(),
                r.as_str().as_bytes().to_vec(),
            )
        }
        (None, None) => match (buffer_arg(vm, x), buffer_arg(vm, y)) {
            (Some(l), Some(r)) => (l, r),
            _ => return Err(unsupported(vm, x, y)),
        },
        (None, Some(_)) if buffer_arg(vm, x).is_some() => {
            let t = vm.type_name(y);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
        }
        _ => return Err(unsupported(vm, x, y)),
    };
    // Every byte of `right` is looked at whatever the lengths and contents.
    let mut differ = u8::from(left.len() != right.len());
    for (i, r) in right.iter().enumerate() {
        let l = left.get(i).copied().unwrap_or(!*r);
        differ |= l ^ r;
    }
    Ok(Value::bool(differ == 0))
}

fn unsupported(vm: &Vm, x: &Value, y: &Value) -> crate::vm::PyErr {
    let (tx, ty) = (vm.type_name(x), vm.type_name(y));
    vm.type_error(&format!(
        "unsupported operand types(s) or combination of types: '{tx}' and '{ty}'"
    ))
}
