//! `open()` (builtins and `_io.open`), `_io.open_code` and `_io.text_encoding`: the mode
//! string checked with each version's rules and messages, then a `FileIO`, a buffered
//! layer chosen by the mode, and a `TextIOWrapper` for text modes, as CPython's
//! `_io_open_impl`.

use super::text;
use crate::object::{Args, Value};
use crate::vm::{flavour, messages, PyResult, Vm};

/// What an `open()` mode string asks for.
#[derive(Default)]
struct OpenMode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
    universal: bool,
}

fn parse_mode(vm: &mut Vm, mode_v: &Value, mode: &str) -> PyResult<OpenMode> {
    let mut m = OpenMode::default();
    let with_u = flavour::open_accepts_u_mode(vm.version);
    let mut seen = String::new();
    for c in mode.chars() {
        let ok = matches!(c, 'r' | 'w' | 'x' | 'a' | '+' | 't' | 'b') || (c == 'U' && with_u);
        if !ok || seen.contains(c) {
            let shown = vm.repr(mode_v)?;
            return Err(vm.value_error(&format!("invalid mode: {shown}")));
        }
        seen.push(c);
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            'b' => m.binary = true,
            _ => {
                m.universal = true;
                m.reading = true;
            }
        }
    }
    if m.universal && (m.creating || m.writing || m.appending || m.updating) {
        {
            let ver = vm.version.format.major_minor;
            return Err(vm.value_error(messages::open_u_mode_combined(ver)));
        }
    }
    if m.text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [m.creating, m.reading, m.writing, m.appending]
        .iter()
        .filter(|&&b| b)
        .count()
        > 1
    {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn builtin_open(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "open",
        params: &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let file = a[0].clone().unwrap_or(Value::None);
    let t = super::types(vm)?;
    let mode_v = a[1].clone().unwrap_or_else(|| vm.new_str("r"));
    let Some(mode) = mode_v.as_str().map(|s| s.as_str().to_string()) else {
        let tn = vm.type_name(&mode_v);
        let ver = vm.version.format.major_minor;
        return Err(vm.type_error(&messages::open_arg_type(ver, "mode", 2, &tn)));
    };
    let m = parse_mode(vm, &mode_v, &mode)?;
    let mut buffering = match &a[2] {
        None => -1,
        Some(v) => super::int_arg(vm, v, false)?,
    };
    let mut strings: [Option<Value>; 3] = [None, None, None];
    for (i, name) in ["encoding", "errors", "newline"].iter().enumerate() {
        match &a[3 + i] {
            None | Some(Value::None) => {}
            Some(v) if v.as_str().is_some() => strings[i] = Some(v.clone()),
            Some(v) => {
                let tn = vm.type_name(v);
                let ver = vm.version.format.major_minor;
                return Err(vm.type_error(&messages::open_arg_type(ver, name, 4 + i, &tn)));
            }
        }
    }
    if m.binary {
        for (i, what) in ["an encoding", "an errors", "a newline"].iter().enumerate() {
            if strings[i].is_some() {
                return Err(vm.value_error(&format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let closefd = match &a[6] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let opener = a[7].clone().filter(|o| !o.is_none());
    let mut rawmode = String::new();
    rawmode.push(if m.creating {
        'x'
    } else if m.reading {
        'r'
    } else if m.writing {
        'w'
    } else if m.appending {
        'a'
    } else {
        '?'
    });
    if rawmode == "?" {
        rawmode.clear();
    }
    if m.updating {
        rawmode.push('+');
    }
    let raw = new_raw(vm, &t.fileio, &file, &rawmode, closefd, opener)?;
    let result = (|| -> PyResult<Value> {
        let mut line_buffering = false;
        let isatty = super::call_method(vm, &raw, "isatty", &[])?;
        if buffering == 1 || (buffering < 0 && vm.truthy(&isatty)?) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = super::fileio::open_state(&raw)
                .map_or(super::DEFAULT_BUFFER_SIZE, |s| s.blksize) as i64;
        }
        if buffering == 0 {
            if m.binary {
                return Ok(raw.clone());
            }
            return Err(vm.value_error("can't have unbuffered text I/O"));
        }
        let cls = if m.updating {
            t.buffered_random.clone()
        } else if m.writing || m.creating || m.appending {
            t.buffered_writer.clone()
        } else {
            t.buffered_reader.clone()
        };
        let buffer = vm.call(
            &Value::Obj(cls),
            Args::positional(&[raw.clone(), Value::Int(buffering)]),
        )?;
        if m.binary {
            return Ok(buffer);
        }
        let wrapper = super::new_object(&t.text_wrapper, text::empty());
        let [encoding, errors, newline] = strings.clone();
        let as_string =
            |v: Option<Value>| v.and_then(|v| v.as_str().map(|s| s.as_str().to_string()));
        let newline = text::check_newline(vm, &newline, false)?;
        text::setup(
            vm,
            &wrapper,
            buffer,
            as_string(encoding),
            as_string(errors),
            newline,
            line_buffering,
            false,
        )?;
        let key = vm.intern("mode");
        vm.set_attr(&wrapper, &key, mode_v.clone())?;
        Ok(wrapper)
    })();
    if result.is_err() {
        let _ = super::call_method(vm, &raw, "close", &[]);
    }
    result
}

/// A FileIO opened on `file`.
fn new_raw(
    vm: &mut Vm,
    fileio: &crate::object::ObjRef,
    file: &Value,
    rawmode: &str,
    closefd: bool,
    opener: Option<Value>,
) -> PyResult<Value> {
    let raw = super::new_object(fileio, super::fileio::empty());
    super::fileio::open_into(vm, &raw, file, rawmode, closefd, opener)?;
    Ok(raw)
}

/// `_io.open_code(path)`: the file opened for reading bytes.
pub fn open_code(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "open_code",
        params: &["path"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let path = a[0].clone().unwrap_or(Value::None);
    if path.as_str().is_none() {
        let tn = vm.type_name(&path);
        return Err(vm.type_error(&format!(
            "open_code() argument 'path' must be str, not {tn}"
        )));
    }
    let rb = vm.new_str("rb");
    builtin_open(vm, Args::positional(&[path, rb]))
}

/// `_io.text_encoding(encoding, stacklevel=2)`: the encoding, or `"locale"` for None.
pub fn text_encoding(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "text_encoding",
        params: &["encoding", "stacklevel"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    match a[0].clone() {
        Some(Value::None) | None => Ok(vm.new_str("locale")),
        Some(e) => Ok(e),
    }
}
