//! `exec` and `eval` of code objects and of source text, with the caller's or given
//! namespaces. Source text (str, bytes, bytearray) is compiled as `<string>` by the
//! CPython of the running version through the bridge ([`super::compile`]).

use crate::object::{Args, Payload, Value};
use crate::vm::eval::FrameExit;
use crate::vm::frame::Frame;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) {
    vm.add_builtin("exec", builtin_exec);
    vm.add_builtin("eval", builtin_eval);
}

pub(crate) fn run_code(vm: &mut Vm, name: &str, args: Args<'_>, is_eval: bool) -> PyResult<Value> {
    let pos = args.pos();
    let Some(source) = pos.first() else {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    };
    // Source text is compiled after the namespaces are checked, as CPython does.
    let (code, text) = match source.payload() {
        Some(Payload::Code(c)) => (Some(c.clone()), None),
        _ => match super::compile::source_of(source) {
            Some(text) => (None, Some(text)),
            None => {
                return Err(vm.type_error(&format!(
                    "{name}() arg 1 must be a string, bytes or code object"
                )))
            }
        },
    };
    let (caller_globals, caller_locals, caller_builtins) = match vm.caller_frame() {
        Some(f) => (
            Some(f.globals.clone()),
            f.locals.clone(),
            f.builtins.clone(),
        ),
        None => (None, Value::Null, vm.builtins.clone()),
    };
    let globals = match pos.get(1) {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
        Some(Value::None) | None => match &caller_globals {
            Some(g) => g.clone(),
            None => vm.new_dict(),
        },
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.type_error(&format!("{name}() globals must be a dict, not {t}")));
        }
    };
    let locals = match pos.get(2) {
        Some(Value::None) | None => {
            if pos.get(1).is_some_and(|g| !g.is_none()) || caller_locals.is_null() {
                Value::Obj(globals.clone())
            } else {
                caller_locals
            }
        }
        Some(l) => l.clone(),
    };
    let code = match (code, text) {
        (Some(code), _) => code,
        (None, Some((mut text, is_text))) => {
            if is_eval {
                // eval() ignores leading spaces and tabs.
                let skip = text
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .count();
                text.drain(..skip);
            }
            let mode = if is_eval { "eval" } else { "exec" };
            super::compile::compile_code(vm, text, is_text, "<string>", mode, 0, false, -1)?
        }
        (None, None) => return Err(vm.system_error("exec: no code")),
    };
    let key = vm.names.__builtins__.clone();
    // The code's builtins are its globals' `__builtins__` (a module or a dict), which is
    // set to the caller's when missing.
    let builtins = match vm.dict_get_name(&globals, &key) {
        None => {
            let b = crate::object::Object::new(
                vm.types.module.clone(),
                Payload::Module(caller_builtins.clone()),
            );
            vm.dict_set(&globals, Value::Obj(key), Value::Obj(b))?;
            caller_builtins
        }
        Some(Value::Obj(b)) => match &b.payload {
            Payload::Module(d) => d.clone(),
            Payload::Dict(_) => b.clone(),
            _ => caller_builtins,
        },
        Some(_) => caller_builtins,
    };
    let frame = Box::new(Frame::new(code, globals, builtins, locals));
    match vm.run_frame(frame).1? {
        FrameExit::Return(v) => Ok(if is_eval { v } else { Value::None }),
        FrameExit::Yield(_) => Err(vm.system_error("a code object run by exec yielded")),
    }
}

fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    run_code(vm, "exec", args, false)
}

fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    run_code(vm, "eval", args, true)
}
