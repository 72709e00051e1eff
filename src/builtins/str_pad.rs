//! The padding methods of `str`: `center`, `ljust`, `rjust` and `zfill`, and the
//! padding arithmetic `bytes` shares (`center_left`, `zfill_units`).

use super::numeric::{index_or_error, ver};
use super::str::{method_args, self_str};
use super::str_methods::{numeric_float, out};
use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};
use num_traits::ToPrimitive;

/// A width argument (an index, clamped to isize).
fn width_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if numeric_float(v) && ver(vm) < (3, 10) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let n = index_or_error(vm, v)?;
    Ok(n.to_isize()
        .unwrap_or(if num_traits::Signed::is_negative(&n) {
            isize::MIN
        } else {
            isize::MAX
        }))
}

fn pad_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Vec<u32>, isize, u32)> {
    let s = self_str(vm, args, name)?.code_points();
    let pos = method_args(vm, args, "str", name, 1, 2)?;
    let width = width_arg(vm, &pos[0])?;
    super::numeric::size_guard(vm, width.max(0) as usize)?;
    let fill = match pos.get(1) {
        None => ' ' as u32,
        Some(v) => match v.as_str() {
            Some(f) if f.char_len() == 1 => f.code_points()[0],
            Some(_) => {
                return Err(vm.type_error("The fill character must be exactly one character long"))
            }
            None => {
                return Err(vm.type_error(&format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok((s, width, fill))
}

/// Pads with `left` and `right` fill characters.
fn padded(s: &[u32], left: usize, right: usize, fill: u32) -> Vec<u32> {
    let mut r = Vec::with_capacity(s.len() + left + right);
    r.extend(std::iter::repeat_n(fill, left));
    r.extend_from_slice(s);
    r.extend(std::iter::repeat_n(fill, right));
    r
}

/// The left padding of `center` (CPython rounds odd margins by the width's parity).
pub fn center_left(marg: usize, width: usize) -> usize {
    marg / 2 + (marg & width & 1)
}

pub(super) fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "center")?;
    if width <= s.len() as isize {
        return Ok(out(vm, &s));
    }
    let marg = width as usize - s.len();
    let left = center_left(marg, width as usize);
    Ok(out(vm, &padded(&s, left, marg - left, fill)))
}

pub(super) fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "ljust")?;
    let n = (width - s.len() as isize).max(0) as usize;
    Ok(out(vm, &padded(&s, 0, n, fill)))
}

pub(super) fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "rjust")?;
    let n = (width - s.len() as isize).max(0) as usize;
    Ok(out(vm, &padded(&s, n, 0, fill)))
}

/// `zfill` over any unit type.
pub fn zfill_units<T: Copy + PartialEq + From<u8>>(s: &[T], width: isize) -> Vec<T> {
    if width <= s.len() as isize {
        return s.to_vec();
    }
    let fill = width as usize - s.len();
    let mut r: Vec<T> = std::iter::repeat_n(T::from(b'0'), fill).collect();
    r.extend_from_slice(s);
    if let Some(&c) = s.first() {
        if c == T::from(b'+') || c == T::from(b'-') {
            r[0] = c;
            r[fill] = T::from(b'0');
        }
    }
    r
}

pub(super) fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "zfill")?.code_points();
    let pos = method_args(vm, &args, "str", "zfill", 1, 1)?;
    let width = width_arg(vm, &pos[0])?;
    super::numeric::size_guard(vm, width.max(0) as usize)?;
    Ok(out(vm, &zfill_units(&s, width)))
}
