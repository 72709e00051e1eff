//! Running a program: a `.pyc`'s module code as `__main__`, on a thread with a large stack
//! (so nested native-to-Python calls hit RecursionError long before the stack ends), with
//! CPython's exit statuses and traceback output.

use super::code::Code;
use super::eval::FrameExit;
use super::frame::Frame;
use super::Vm;
use crate::object::{Payload, Value};
use crate::pyc::Pyc;

/// Stack size of the interpreter thread.
const STACK_SIZE: usize = 512 << 20;
/// Raise RecursionError when less than this much stack is left.
const STACK_MARGIN: usize = 64 << 20;

/// Loads and runs the `.pyc` at `path` as the main module; returns the exit status.
pub fn run_main(path: String) -> i32 {
    let handle = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || {
            // Loaded on the interpreter thread: code objects are not Send.
            let pyc = match crate::pyc::load_pyc_file(&path) {
                Ok(p) => p,
                Err(e) => {
                    crate::cli::report_error(&path, &e.to_string());
                    return 1;
                }
            };
            let here = 0u8;
            let base = std::ptr::addr_of!(here) as usize;
            let mut vm = Vm::new(pyc.version);
            vm.stack_limit = Some(base.saturating_sub(STACK_SIZE - STACK_MARGIN));
            vm.init_builtins();
            if std::env::var_os("XPYTHON_TRACE").is_some() {
                vm.trace = Some(Box::new(std::io::stderr()));
            }
            let status = vm.run_module_code(&pyc, &path);
            vm.flush_stdout();
            status
        });
    match handle.map(|h| h.join()) {
        Ok(Ok(status)) => status,
        _ => {
            eprintln!("xpython: error: the interpreter thread failed");
            1
        }
    }
}

impl Vm {
    fn run_module_code(&mut self, pyc: &Pyc, path: &str) -> i32 {
        let code = match Code::new(self, &pyc.code) {
            Ok(c) => c,
            Err(msg) => {
                eprintln!("xpython: error: {path}: {msg}");
                return 1;
            }
        };
        let globals = self.new_dict();
        let name = self.names.__name__.clone();
        let main = self.new_str("__main__");
        let _ = self.dict_set(&globals, Value::Obj(name), main);
        let bkey = self.names.__builtins__.clone();
        let builtins_mod = crate::object::Object::new(
            self.types.module.clone(),
            Payload::Module(self.builtins.clone()),
        );
        let _ = self.dict_set(&globals, Value::Obj(bkey), Value::Obj(builtins_mod));
        let frame = Box::new(Frame::new(
            code,
            globals.clone(),
            self.builtins.clone(),
            Value::Obj(globals.clone()),
        ));
        let status = match self.run_frame(frame).1 {
            Ok(FrameExit::Return(_)) | Ok(FrameExit::Yield(_)) => 0,
            Err(e) => self.report_uncaught(e),
        };
        self.finalize_at_exit(globals);
        status
    }

    /// Prints an uncaught exception as CPython does; SystemExit gives its exit status.
    pub fn report_uncaught(&mut self, e: super::PyErr) -> i32 {
        self.flush_stdout();
        if self.is_instance_of_class(&e.0, &self.types.exc.system_exit.clone()) {
            return self.system_exit_status(&e);
        }
        let text = self.format_exception(&e);
        eprint!("{text}");
        1
    }

    fn system_exit_status(&mut self, e: &super::PyErr) -> i32 {
        let Payload::Exception(d) = &e.0.payload else {
            return 1;
        };
        let args = d.args.get();
        let code = match args.payload() {
            Some(Payload::Tuple(t)) if t.len() == 1 => t[0].clone(),
            Some(Payload::Tuple(t)) if t.is_empty() => Value::None,
            _ => args,
        };
        match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = self.str(&other).unwrap_or_default();
                eprintln!("{s}");
                1
            }
        }
    }
}
