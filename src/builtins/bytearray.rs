//! `bytearray`: construction (`__new__` makes it empty, `__init__` fills it, as in
//! CPython, so subclasses can re-initialise), mutation (`append`, `extend`, `insert`,
//! `pop`, `remove`, `reverse`, `clear`, item and slice assignment and deletion, `+=`,
//! `*=`), and the methods shared with bytes (`bytes::register_shared`).

use super::bytes::{byte_value, construct_data, new_bytearray, register_shared};
use super::numeric::ver;
use super::str::method_args;
use crate::object::Payload;
use crate::object::{Args, BuiltinKind, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    let t = vm.types.bytearray.clone();
    let m = BuiltinKind::Method;
    vm.add_method(&t, "__new__", ba_new, BuiltinKind::StaticMethod);
    vm.add_method(&t, "__init__", ba_init, m);
    register_shared(vm, &t);
    vm.add_method(&t, "__setitem__", ba_setitem, m);
    vm.add_method(&t, "__delitem__", ba_delitem, m);
    vm.add_method(&t, "__iadd__", ba_iadd, m);
    vm.add_method(&t, "__imul__", ba_imul, m);
    vm.add_method(&t, "append", ba_append, m);
    vm.add_method(&t, "extend", ba_extend, m);
    vm.add_method(&t, "insert", ba_insert, m);
    vm.add_method(&t, "pop", ba_pop, m);
    vm.add_method(&t, "remove", ba_remove, m);
    vm.add_method(&t, "reverse", ba_reverse, m);
    vm.add_method(&t, "clear", ba_clear, m);
    vm.add_method(&t, "copy", ba_copy, m);
    vm.add_method(&t, "__alloc__", ba_alloc, m);
    let hash_name = vm.intern("__hash__");
    let dict = vm.type_data(&t).dict.clone();
    let _ = vm.dict_set(&dict, Value::Obj(hash_name), Value::None);
}

fn cell<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyCell<Vec<u8>>> {
    match args.values.first() {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::ByteArray(c) => Ok(c),
            _ => Err(super::str::descriptor_error(
                vm,
                "bytearray",
                name,
                &args.values[0],
            )),
        },
        Some(v) => Err(super::str::descriptor_error(vm, "bytearray", name, v)),
        None => Err(vm.type_error(&format!(
            "descriptor '{name}' of 'bytearray' object needs an argument"
        ))),
    }
}

fn ba_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = super::numeric::new_cls(vm, &args, &vm.types.bytearray.clone())?;
    if Rc::ptr_eq(&cls, &vm.types.bytearray) {
        return Ok(new_bytearray(vm, Vec::new()));
    }
    Ok(super::numeric::new_object(
        vm,
        &cls,
        Payload::ByteArray(PyCell::new(Vec::new())),
    ))
}

fn ba_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "__init__")?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "bytearray",
        params: &["source", "encoding", "errors"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let data = construct_data(vm, "bytearray", b[0].as_ref(), b[1].as_ref(), b[2].as_ref())?;
    let _old = c.replace(data);
    Ok(Value::None)
}

/// The bytes for an assignment source: bytes-like or an iterable of ints.
fn source_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = super::bytes::buffer_arg(vm, v) {
        return Ok(b);
    }
    if v.as_str().is_some() {
        return Err(
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    super::bytes::ints_to_bytes(vm, v)
}

fn ba_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "__setitem__")?;
    let [_, key, value] = args.values else {
        return Err(super::str::unpack_arity_error(
            vm,
            2,
            2,
            args.values.len().saturating_sub(1),
        ));
    };
    if let Some(Payload::Slice(sl)) = key.payload() {
        let sl = (**sl).clone();
        let src = source_bytes(vm, value)?;
        let len = c.with(|d| d.len());
        let b = vm.slice_bounds(&sl, len)?;
        if b.step == 1 {
            let start = b.start.clamp(0, len as isize) as usize;
            let stop = (b.start + b.len as isize).clamp(start as isize, len as isize) as usize;
            c.with_mut(|d| {
                d.splice(start..stop, src);
            });
            return Ok(Value::None);
        }
        if src.len() != b.len {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                src.len(),
                b.len
            )));
        }
        c.with_mut(|d| {
            for (i, v) in b.indices().zip(src) {
                d[i] = v;
            }
        });
        return Ok(Value::None);
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error(&format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let byte = byte_value(vm, value, "byte must be in range(0, 256)")?;
    let len = c.with(|d| d.len()) as isize;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "bytearray index out of range",
        ));
    }
    c.with_mut(|d| d[j as usize] = byte);
    Ok(Value::None)
}

fn ba_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "__delitem__")?;
    let [_, key] = args.values else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let len = c.with(|d| d.len());
    if let Some(Payload::Slice(sl)) = key.payload() {
        let sl = (**sl).clone();
        let b = vm.slice_bounds(&sl, len)?;
        let mut drop: Vec<usize> = b.indices().collect();
        drop.sort_unstable();
        c.with_mut(|d| {
            for &i in drop.iter().rev() {
                d.remove(i);
            }
        });
        return Ok(Value::None);
    }
    let Some(i) = vm.index_value(key)? else {
        return Err(vm.type_error(&format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j >= len as isize {
        return Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "bytearray index out of range",
        ));
    }
    c.with_mut(|d| d.remove(j as usize));
    Ok(Value::None)
}

fn ba_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "__iadd__")?;
    let [this, other] = args.values else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let Some(b) = super::bytes::buffer_arg(vm, other) else {
        return Err(vm.type_error(&format!(
            "can't concat {} to bytearray",
            vm.type_name(other)
        )));
    };
    c.with_mut(|d| d.extend(b));
    Ok(this.clone())
}

fn ba_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "__imul__")?;
    let [this, other] = args.values else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let Some(n) = super::str::repeat_arg(vm, other)? else {
        return Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(other)
        )));
    };
    super::numeric::size_guard(vm, c.with(|d| d.len()).saturating_mul(n))?;
    c.with_mut(|d| *d = d.repeat(n));
    Ok(this.clone())
}

fn ba_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "append")?;
    let pos = method_args(vm, &args, "bytearray", "append", 1, 1)?;
    let b = byte_value(vm, &pos[0], "byte must be in range(0, 256)")?;
    c.with_mut(|d| d.push(b));
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "extend")?;
    let pos = method_args(vm, &args, "bytearray", "extend", 1, 1)?;
    let src = pos[0].clone();
    let data = if let Some(b) = super::bytes::buffer_arg(vm, &src) {
        b
    } else {
        if !vm.is_iterable(&src) {
            return Err(if ver(vm) >= (3, 8) {
                vm.type_error(&format!(
                    "can't extend bytearray with {}",
                    vm.type_name(&src)
                ))
            } else {
                vm.type_error(&format!("'{}' object is not iterable", vm.type_name(&src)))
            });
        }
        if src.as_str().is_some() && ver(vm) >= (3, 13) {
            return Err(vm.type_error("expected iterable of integers; got: 'str'"));
        }
        let items = vm.collect(&src)?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(byte_value(vm, &item, "byte must be in range(0, 256)")?);
        }
        out
    };
    c.with_mut(|d| d.extend(data));
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "insert")?;
    let pos = method_args(vm, &args, "bytearray", "insert", 2, 2)?;
    let i = super::numeric::index_or_error(vm, &pos[0])?;
    let b = byte_value(vm, &pos[1], "byte must be in range(0, 256)")?;
    let len = c.with(|d| d.len()) as i64;
    let i = num_traits::ToPrimitive::to_i64(&i).unwrap_or(if num_traits::Signed::is_negative(&i) {
        i64::MIN
    } else {
        i64::MAX
    });
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    c.with_mut(|d| d.insert(at as usize, b));
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "pop")?;
    let pos = method_args(vm, &args, "bytearray", "pop", 0, 1)?;
    let len = c.with(|d| d.len()) as i64;
    if len == 0 {
        return Err(vm.new_exception(
            &vm.types.exc.index_error.clone(),
            "pop from empty bytearray",
        ));
    }
    let i = match pos.first() {
        Some(v) => num_traits::ToPrimitive::to_i64(&super::numeric::index_or_error(vm, v)?)
            .unwrap_or(i64::MAX),
        None => -1,
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_exception(&vm.types.exc.index_error.clone(), "pop index out of range"));
    }
    Ok(Value::Int(c.with_mut(|d| d.remove(j as usize)) as i64))
}

fn ba_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "remove")?;
    let pos = method_args(vm, &args, "bytearray", "remove", 1, 1)?;
    let b = byte_value(vm, &pos[0], "byte must be in range(0, 256)")?;
    match c.with(|d| d.iter().position(|&x| x == b)) {
        Some(i) => {
            c.with_mut(|d| d.remove(i));
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "reverse")?;
    method_args(vm, &args, "bytearray", "reverse", 0, 0)?;
    c.with_mut(|d| d.reverse());
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "clear")?;
    method_args(vm, &args, "bytearray", "clear", 0, 0)?;
    c.with_mut(|d| d.clear());
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "copy")?;
    method_args(vm, &args, "bytearray", "copy", 0, 0)?;
    Ok(new_bytearray(vm, c.get()))
}

fn ba_alloc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let c = cell(vm, &args, "__alloc__")?;
    Ok(Value::Int(c.with(|d| d.capacity().max(d.len() + 1)) as i64))
}
