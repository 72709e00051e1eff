//! The builtin functions (`print`, `len`, `repr`, `isinstance`, `__build_class__`, ...).

use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    vm.add_builtin("print", builtin_print);
    vm.add_builtin("repr", builtin_repr);
    vm.add_builtin("__build_class__", |vm, args| vm.build_class(args));
    vm.add_builtin("input", builtin_input);
}

/// `input(prompt='')`: writes the prompt (flushing output first), reads a line from
/// standard input without its newline; EOFError at end of input.
fn builtin_input(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "input", &args)?;
    match args.pos() {
        [] => {}
        [prompt] => {
            let p = vm.str(prompt)?;
            vm.write_stdout(&p);
        }
        // PyArg_UnpackTuple's wording in every 3.x ("arguments" until 3.8).
        p => {
            return Err(crate::builtins::str::count_error(
                vm,
                "input",
                0,
                1,
                p.len(),
                (3, 0),
            ))
        }
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_exception(&vm.types.exc.eof_error.clone(), "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(&line))
        }
        Err(e) => Err(vm.new_exception(&vm.types.exc.os_error.clone(), &e.to_string())),
    }
}

fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.kw() {
        let key = k.as_str().map(|s| s.as_str()).unwrap_or("");
        let text = |vm: &mut Vm, v: &Value| -> PyResult<Option<String>> {
            match v {
                Value::None => Ok(None),
                _ => match v.as_str() {
                    Some(s) => Ok(Some(s.as_str().to_string())),
                    None => Err(vm.type_error(&format!(
                        "{key} must be None or a string, not {}",
                        vm.type_name(v)
                    ))),
                },
            }
        };
        match key {
            "sep" => sep = text(vm, v)?.unwrap_or_else(|| " ".into()),
            "end" => end = text(vm, v)?.unwrap_or_else(|| "\n".into()),
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            _ => {
                let known = ["sep", "end", "file", "flush"];
                return Err(super::list::unexpected_kw(vm, "print", key, &known));
            }
        }
    }
    if file.is_none() {
        file = vm.sys_stream("stdout")?;
        if file.is_none() {
            return Ok(Value::None);
        }
    }
    let target = crate::modules::sys::stream_of(&file);
    if let Some(stream) = target {
        // A standard stream: the text goes to its buffer in one piece.
        let mut out = String::new();
        for (i, v) in args.pos().iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&vm.str(v)?);
        }
        out.push_str(&end);
        crate::modules::sys::write_stream(vm, stream, &out)?;
        if flush && stream == crate::modules::sys::Stream::Stdout {
            vm.flush_stdout();
        }
        return Ok(Value::None);
    }
    // Any other file: its write() for each piece, as CPython calls it.
    let write = vm.intern("write");
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            let s = vm.new_str(&sep);
            vm.call_method(&file, &write, &[s])?;
        }
        let s = vm.str(v)?;
        let s = vm.new_str(&s);
        vm.call_method(&file, &write, &[s])?;
    }
    let e = vm.new_str(&end);
    vm.call_method(&file, &write, &[e])?;
    if flush {
        let f = vm.intern("flush");
        vm.call_method(&file, &f, &[])?;
    }
    Ok(Value::None)
}

fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [v] => {
            let s = vm.repr(v)?;
            Ok(vm.new_str(&s))
        }
        p => Err(vm.type_error(&format!(
            "repr() takes exactly one argument ({} given)",
            p.len()
        ))),
    }
}
