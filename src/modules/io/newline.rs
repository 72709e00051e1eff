//! `_io.IncrementalNewlineDecoder`: wraps an incremental decoder (or none, for str
//! input), holds back a final `\r` until the next input shows whether `\n` follows,
//! records the newline kinds seen and optionally translates them to `\n`.

use super::text::{newlines_value, SEEN_CR, SEEN_CRLF, SEEN_LF};
use super::{call_method, new_object, this};
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

pub(super) struct NewlineDecoder {
    decoder: Value,
    translate: bool,
    pendingcr: bool,
    seennl: u8,
}

pub(super) fn init(vm: &mut Vm, t: &ObjRef) {
    vm.add_method(
        t,
        "__new__",
        |vm, a| match a.values.first() {
            Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(
                cls,
                NewlineDecoder {
                    decoder: Value::None,
                    translate: false,
                    pendingcr: false,
                    seennl: 0,
                },
            )),
            _ => Err(vm.type_error("__new__(X): X is not a type object")),
        },
        crate::object::BuiltinKind::StaticMethod,
    );
    super::add_methods(
        vm,
        t,
        &[
            ("__init__", decoder_init),
            ("decode", decode),
            ("getstate", getstate),
            ("setstate", setstate),
            ("reset", reset),
        ],
    );
    vm.add_getset(
        t,
        "newlines",
        |vm, a| {
            let s = this::<NewlineDecoder>(vm, &a, "IncrementalNewlineDecoder")?;
            let seen = s.with(|s| s.seennl);
            Ok(newlines_value(vm, seen))
        },
        None,
    );
}

fn decoder_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "IncrementalNewlineDecoder",
        params: &["", "decoder", "translate", "errors"],
        required: 3,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let s = this::<NewlineDecoder>(
        vm,
        &Args::positional(std::slice::from_ref(a[0].as_ref().unwrap_or(&Value::None))),
        "IncrementalNewlineDecoder",
    )?;
    let translate = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let decoder = a[1].clone().unwrap_or(Value::None);
    s.with_mut(|s| {
        s.decoder = decoder;
        s.translate = translate;
        s.pendingcr = false;
        s.seennl = 0;
    });
    Ok(Value::None)
}

fn decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "decode",
        params: &["", "input", "final"],
        required: 2,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let input = a[1].clone().unwrap_or(Value::None);
    let final_ = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let s = this::<NewlineDecoder>(
        vm,
        &Args::positional(std::slice::from_ref(&this_v)),
        "IncrementalNewlineDecoder",
    )?;
    let decoder = s.with(|s| s.decoder.clone());
    let output = if decoder.is_none() {
        input
    } else {
        let key = vm.intern("final");
        let f = super::get_attr(vm, &decoder, "decode")?;
        vm.call(
            &f,
            Args {
                values: &[input, Value::bool(final_)],
                kwnames: &[Value::Obj(key)],
            },
        )?
    };
    let Some(mut out) = super::str_arg(&output) else {
        let t = vm.type_name(&output);
        return Err(vm.type_error(&format!("decoder should return a string result, not '{t}'")));
    };
    let out = s.with_mut(|s| {
        if s.pendingcr && (!out.is_empty() || final_) {
            out.insert(0, CR);
            s.pendingcr = false;
        }
        if !final_ && out.last() == Some(&CR) {
            out.pop();
            s.pendingcr = true;
        }
        let mut result = Vec::with_capacity(out.len());
        let mut i = 0;
        while i < out.len() {
            let c = out[i];
            if c == CR && out.get(i + 1) == Some(&LF) {
                s.seennl |= SEEN_CRLF;
                if s.translate {
                    result.push(LF);
                } else {
                    result.extend_from_slice(&[CR, LF]);
                }
                i += 2;
                continue;
            }
            if c == CR {
                s.seennl |= SEEN_CR;
                result.push(if s.translate { LF } else { CR });
            } else {
                if c == LF {
                    s.seennl |= SEEN_LF;
                }
                result.push(c);
            }
            i += 1;
        }
        result
    });
    Ok(vm.new_str_points(&out))
}

fn getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this::<NewlineDecoder>(vm, &args, "IncrementalNewlineDecoder")?;
    let (decoder, pendingcr) = s.with(|s| (s.decoder.clone(), s.pendingcr));
    let (buf, flag) = if decoder.is_none() {
        (super::new_bytes(vm, Vec::new()), 0)
    } else {
        let st = call_method(vm, &decoder, "getstate", &[])?;
        let items = vm.collect(&st)?;
        if items.len() != 2 {
            return Err(vm.type_error("illegal decoder state"));
        }
        let flag = super::int_arg(vm, &items[1], false)?;
        (items[0].clone(), flag)
    };
    Ok(vm.new_tuple(vec![buf, Value::Int((flag << 1) | pendingcr as i64)]))
}

fn setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this::<NewlineDecoder>(vm, &args, "IncrementalNewlineDecoder")?;
    let Some(state) = args.pos().get(1) else {
        return Err(vm.type_error("setstate() takes exactly one argument (0 given)"));
    };
    let items = vm.collect(state)?;
    if items.len() != 2 {
        return Err(vm.type_error("state argument must be a tuple"));
    }
    let flag = super::int_arg(vm, &items[1], false)?;
    let decoder = s.with_mut(|s| {
        s.pendingcr = flag & 1 != 0;
        s.decoder.clone()
    });
    if !decoder.is_none() {
        let st = vm.new_tuple(vec![items[0].clone(), Value::Int(flag >> 1)]);
        call_method(vm, &decoder, "setstate", &[st])?;
    }
    Ok(Value::None)
}

fn reset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this::<NewlineDecoder>(vm, &args, "IncrementalNewlineDecoder")?;
    let decoder = s.with_mut(|s| {
        s.seennl = 0;
        s.pendingcr = false;
        s.decoder.clone()
    });
    if !decoder.is_none() {
        call_method(vm, &decoder, "reset", &[])?;
    }
    Ok(Value::None)
}
