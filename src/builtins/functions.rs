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
        p => {
            return Err(vm.type_error(&format!(
                "input expected at most 1 argument, got {}",
                p.len()
            )))
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
            "file" | "flush" => {}
            _ => {
                let known = ["sep", "end", "file", "flush"];
                return Err(super::list::unexpected_kw(vm, "print", key, &known));
            }
        }
    }
    let mut out = String::new();
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(v)?);
    }
    out.push_str(&end);
    vm.write_stdout(&out);
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
