//! The reprs Python 2 gives builtin values differently from Python 3: `str` without a
//! prefix and `unicode` with `u`, `long` with a trailing `L`, `xrange(...)`.

use crate::object::{IntValue, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};

/// The 2.x repr of `o` where it differs from the shared one, else None.
pub fn repr_builtin(vm: &mut Vm, o: &ObjRef, v: &Value) -> PyResult<Option<String>> {
    let mut out = String::new();
    match &o.payload {
        Payload::Str(s) => super::text::repr_str(vm, v, s, &mut out),
        Payload::Int(i) if super::long::is_long(vm, v) => {
            match i {
                IntValue::Small(i) => out.push_str(&i.to_string()),
                IntValue::Big(b) => out.push_str(&crate::builtins::int::big_to_decimal(vm, b)?),
            }
            out.push('L');
        }
        Payload::Range(r) => {
            let [a, b, c] = &**r;
            let s = |i: &IntValue| match i {
                IntValue::Small(i) => i.to_string(),
                IntValue::Big(b) => b.to_string(),
            };
            let one = IntValue::Small(1);
            let zero = IntValue::Small(0);
            if *c != one {
                out.push_str(&format!("xrange({}, {}, {})", s(a), s(b), s(c)));
            } else if *a != zero {
                out.push_str(&format!("xrange({}, {})", s(a), s(b)));
            } else {
                out.push_str(&format!("xrange({})", s(b)));
            }
        }
        Payload::Type(_) if super::classic::is_classic(vm, o) => {
            out.push_str(&super::classic::class_repr(vm, o))
        }
        Payload::Other(_) => match super::methods::repr(vm, v)? {
            Some(r) => out.push_str(&r),
            None => return Ok(None),
        },
        _ if super::classic::is_classic(vm, o.class()) => {
            out.push_str(&super::classic::instance_repr(vm, v))
        }
        _ => return Ok(None),
    }
    Ok(Some(out))
}

/// The 2.x `str()` of `o` where it differs from its repr and from Python 3's: a `long`
/// without its `L`, a `bytearray`'s contents as a `str`, a classic class as
/// `module.Name`.
pub fn str_builtin(vm: &mut Vm, o: &ObjRef) -> PyResult<Option<String>> {
    match &o.payload {
        Payload::Int(IntValue::Small(i)) => Ok(Some(i.to_string())),
        Payload::Int(IntValue::Big(b)) => Ok(Some(crate::builtins::int::big_to_decimal(vm, b)?)),
        Payload::ByteArray(b) => Ok(Some(super::text::latin1_text(&b.get()))),
        Payload::Type(_) if super::classic::is_classic(vm, o) => {
            Ok(Some(super::classic::class_str(vm, o)))
        }
        _ => Ok(None),
    }
}
