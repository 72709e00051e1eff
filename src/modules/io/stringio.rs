//! `_io.StringIO`: an in-memory text stream over a vector of code points, with the
//! newline handling of CPython's `stringio.c` (`newline=None` translates `\r` and
//! `\r\n` to `\n` on write, `"\r"`/`"\r\n"` translate `\n` on write, `""` keeps
//! everything and splits lines at any of the three).

use super::text::{check_newline, newlines_value, SEEN_CR, SEEN_CRLF, SEEN_LF};
use super::{new_object, self_value, this, unsupported};
use crate::object::Truth;
use crate::object::{Args, ObjRef, PyCell, Value};
use crate::vm::{PyResult, Vm};

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

pub(super) struct StringIo {
    buf: Vec<u32>,
    pos: usize,
    closed: bool,
    ready: bool,
    /// `newline` as given (`Some("\n")` by default).
    newline: Option<String>,
    seennl: u8,
}

fn empty() -> StringIo {
    StringIo {
        buf: Vec::new(),
        pos: 0,
        closed: false,
        ready: false,
        newline: Some("\n".into()),
        seennl: 0,
    }
}

pub(super) fn init(vm: &mut Vm, t: &ObjRef) {
    vm.add_method(
        t,
        "__new__",
        |vm, a| match a.values.first() {
            Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(cls, empty())),
            _ => Err(vm.type_error("StringIO.__new__(X): X is not a type object")),
        },
        crate::object::BuiltinKind::StaticMethod,
    );
    super::add_methods(
        vm,
        t,
        &[
            ("__init__", stringio_init),
            ("getvalue", getvalue),
            ("read", read),
            ("readline", readline),
            ("__next__", next),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("readable", able),
            ("writable", able),
            ("seekable", able),
            ("detach", |vm, _| Err(unsupported(vm, "detach"))),
            ("__getstate__", getstate),
            ("__setstate__", setstate),
        ],
    );
    super::add_getters(
        vm,
        t,
        &[
            ("closed", |vm, a| {
                let s = this::<StringIo>(vm, &a, "StringIO")?;
                Ok(Value::bool(s.with(|s| s.closed)))
            }),
            ("line_buffering", |vm, a| {
                open_state(vm, &a)?;
                Ok(Value::Bool(Truth::False))
            }),
            ("newlines", |vm, a| {
                let s = open_state(vm, &a)?;
                let (seen, nl) = s.with(|s| (s.seennl, s.newline.clone()));
                Ok(if matches!(nl.as_deref(), None | Some("")) {
                    newlines_value(vm, seen)
                } else {
                    Value::None
                })
            }),
        ],
    );
}

fn open_state<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a PyCell<StringIo>> {
    let s = this::<StringIo>(vm, args, "StringIO")?;
    let (ready, closed) = s.with(|s| (s.ready, s.closed));
    if !ready {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    if closed {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn stringio_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "StringIO",
        params: &["", "initial_value", "newline"],
        required: 1,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let newline = match &a[2] {
        None => Some("\n".to_string()),
        Some(v) => check_newline(vm, &Some(v.clone()), true)?,
    };
    let initial = match &a[1] {
        None | Some(Value::None) => Vec::new(),
        Some(v) => match v.as_str() {
            Some(s) => s.code_points(),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!("initial_value must be str or None, not {t}")));
            }
        },
    };
    let Some(s) = super::state_of::<StringIo>(&this_v) else {
        return Err(vm.type_error("StringIO.__init__ needs a StringIO"));
    };
    s.with_mut(|s| {
        *s = StringIo {
            newline,
            ready: true,
            ..empty()
        };
        write_chars(s, &initial);
        s.pos = 0;
    });
    Ok(Value::None)
}

/// Writes at the position, translating newlines, padding with NULs past the end.
fn write_chars(s: &mut StringIo, text: &[u32]) {
    let translated: Vec<u32> = match s.newline.as_deref() {
        None => {
            let mut out = Vec::with_capacity(text.len());
            let mut i = 0;
            while i < text.len() {
                if text[i] == CR {
                    if text.get(i + 1) == Some(&LF) {
                        s.seennl |= SEEN_CRLF;
                        i += 1;
                    } else {
                        s.seennl |= SEEN_CR;
                    }
                    out.push(LF);
                } else {
                    if text[i] == LF {
                        s.seennl |= SEEN_LF;
                    }
                    out.push(text[i]);
                }
                i += 1;
            }
            out
        }
        Some(nl @ ("\r" | "\r\n")) => {
            let nl: Vec<u32> = nl.chars().map(|c| c as u32).collect();
            let mut out = Vec::with_capacity(text.len());
            for &c in text {
                if c == LF {
                    out.extend_from_slice(&nl);
                } else {
                    out.push(c);
                }
            }
            out
        }
        Some("") => {
            for (i, &c) in text.iter().enumerate() {
                if c == LF && (i == 0 || text[i - 1] != CR) {
                    s.seennl |= SEEN_LF;
                } else if c == CR {
                    s.seennl |= if text.get(i + 1) == Some(&LF) {
                        SEEN_CRLF
                    } else {
                        SEEN_CR
                    };
                }
            }
            text.to_vec()
        }
        _ => text.to_vec(),
    };
    if s.pos > s.buf.len() {
        s.buf.resize(s.pos, 0);
    }
    let end = s.pos + translated.len();
    if end > s.buf.len() {
        s.buf.resize(end, 0);
    }
    s.buf[s.pos..end].copy_from_slice(&translated);
    s.pos = end;
}

fn getvalue(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let buf = s.with(|s| s.buf.clone());
    Ok(vm.new_str_points(&buf))
}

fn read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let n = super::size_arg(vm, args.pos().get(1))?;
    let out = s.with_mut(|s| {
        let start = s.pos.min(s.buf.len());
        let avail = s.buf.len() - start;
        let k = if n < 0 {
            avail
        } else {
            (n as usize).min(avail)
        };
        s.pos = start + k;
        s.buf[start..start + k].to_vec()
    });
    Ok(vm.new_str_points(&out))
}

fn line(s: &mut StringIo, limit: i64) -> Vec<u32> {
    let start = s.pos.min(s.buf.len());
    let rest = &s.buf[start..];
    let end = match s.newline.as_deref() {
        Some("") => rest.iter().position(|&c| c == LF || c == CR).map(|i| {
            if rest[i] == CR && rest.get(i + 1) == Some(&LF) {
                i + 2
            } else {
                i + 1
            }
        }),
        Some("\r") => rest.iter().position(|&c| c == CR).map(|i| i + 1),
        Some("\r\n") => rest.windows(2).position(|w| w == [CR, LF]).map(|i| i + 2),
        _ => rest.iter().position(|&c| c == LF).map(|i| i + 1),
    };
    let mut k = end.unwrap_or(rest.len());
    if limit >= 0 {
        k = k.min(limit as usize);
    }
    let out = rest[..k].to_vec();
    s.pos = start + k;
    out
}

fn readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let limit = super::size_arg(vm, args.pos().get(1))?;
    let out = s.with_mut(|s| line(s, limit));
    Ok(vm.new_str_points(&out))
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this_v = self_value(&args);
    let s = open_state(vm, &args)?;
    let stringio = super::types(vm)?.stringio.clone();
    let out = if super::is_exact(&this_v, &stringio) {
        let out = s.with_mut(|s| line(s, -1));
        vm.new_str_points(&out)
    } else {
        let l = super::call_method(vm, &this_v, "readline", &[])?;
        if l.as_str().is_none() {
            let t = vm.type_name(&l);
            return Err(vm.type_error(&format!(
                "readline() should have returned a str object, not '{t}'"
            )));
        }
        l
    };
    if out.as_str().is_some_and(|s| s.char_len() == 0) {
        let class = vm.types.exc.stop_iteration.clone();
        return Err(vm.new_exception(&class, ""));
    }
    Ok(out)
}

fn write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let Some(v) = args.pos().get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(text) = super::str_arg(v) else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("string argument expected, got '{t}'")));
    };
    let end = s.with(|s| s.pos.saturating_add(text.len()));
    if !text.is_empty() {
        super::check_alloc(vm, end)?;
    }
    s.with_mut(|s| {
        if !text.is_empty() {
            write_chars(s, &text)
        }
    });
    Ok(Value::Int(text.len() as i64))
}

fn seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(pos_v) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let pos = super::int_arg(vm, &pos_v, false)?;
    let whence = match args.pos().get(2) {
        Some(w) => super::int_arg(vm, w, false)?,
        None => 0,
    };
    let s = open_state(vm, &args)?;
    let os_error = vm.types.exc.os_error.clone();
    match whence {
        0 if pos < 0 => Err(vm.value_error(&format!("Negative seek position {pos}"))),
        0 => {
            s.with_mut(|s| s.pos = pos as usize);
            Ok(Value::Int(pos))
        }
        1 | 2 if pos != 0 => {
            Err(vm.new_exception(&os_error, "Can't do nonzero cur-relative seeks"))
        }
        1 => Ok(Value::Int(s.with(|s| s.pos) as i64)),
        2 => {
            let p = s.with_mut(|s| {
                s.pos = s.buf.len();
                s.pos
            });
            Ok(Value::Int(p as i64))
        }
        _ => Err(vm.value_error(&format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    Ok(Value::Int(s.with(|s| s.pos) as i64))
}

fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let size = match args.pos().get(1) {
        None | Some(Value::None) => s.with(|s| s.pos) as i64,
        Some(v) => super::int_arg(vm, v, true)?,
    };
    if size < 0 {
        return Err(vm.value_error(&format!("Negative size value {size}")));
    }
    s.with_mut(|s| s.buf.truncate(size as usize));
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = this::<StringIo>(vm, &args, "StringIO")?;
    s.with_mut(|s| {
        s.closed = true;
        s.buf = Vec::new();
    });
    Ok(Value::None)
}

fn able(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    open_state(vm, &args)?;
    Ok(Value::Bool(Truth::True))
}

fn getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let (buf, nl, pos) = s.with(|s| (s.buf.clone(), s.newline.clone(), s.pos));
    let v = vm.new_str_points(&buf);
    let nl = nl.map_or(Value::None, |n| vm.new_str(&n));
    let this_v = self_value(&args);
    let dict =
        crate::vm::attr::instance_dict(this_v.as_obj().ok_or_else(|| vm.type_error("StringIO"))?)
            .map_or(Value::None, Value::Obj);
    Ok(vm.new_tuple(vec![v, nl, Value::Int(pos as i64), dict]))
}

fn setstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = open_state(vm, &args)?;
    let Some(state) = args.pos().get(1) else {
        return Err(vm.type_error("__setstate__ expected 1 argument"));
    };
    let items = vm.collect(state)?;
    if items.len() < 3 {
        return Err(vm.type_error("__setstate__ argument should be 4-tuple"));
    }
    let buf = items[0]
        .as_str()
        .map(|s| s.code_points())
        .unwrap_or_default();
    let nl = items[1].as_str().map(|s| s.as_str().to_string());
    let pos = super::int_arg(vm, &items[2], false)?.max(0) as usize;
    s.with_mut(|s| {
        s.buf = buf;
        s.newline = nl;
        s.pos = pos;
    });
    Ok(Value::None)
}
