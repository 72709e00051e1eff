//! Running a program: a `.pyc`'s module code as `__main__`, on a thread with a large stack
//! (so nested native-to-Python calls hit RecursionError long before the stack ends), with
//! CPython's exit statuses and traceback output.

use super::code::Code;
use super::eval::FrameExit;
use super::frame::Frame;
use super::import::SourceLoader;
use super::Vm;
use crate::object::{Payload, Value};
use crate::pyc::Pyc;
use std::rc::Rc;

/// Stack size of the interpreter thread.
const STACK_SIZE: usize = 512 << 20;
/// Raise RecursionError when less than this much stack is left.
const STACK_MARGIN: usize = 64 << 20;

/// How a main program runs: its `sys.argv`, whether it is a file (`-c CODE` is not: no
/// `__file__`, and `sys.path[0]` is ''), and the compiler for `.py` files it imports.
#[derive(Clone)]
pub struct MainOptions {
    /// `sys.argv`: `[program, args...]` (`['-c', args...]` for `-c`).
    pub argv: Vec<String>,
    /// The script's path (`__file__`, `sys.path[0]` its directory); None for `-c`.
    pub script: Option<String>,
    /// Compiles `.py` files found by imports; None skips them.
    pub source_loader: Option<SourceLoader>,
    /// Instruction traces (`-v`), when asked for.
    pub trace: Option<crate::trace::TraceOptions>,
    /// `-m`: the package the main module belongs to ('' for a top-level module). It is
    /// imported first and becomes `__package__`; `sys.path[0]` is the current directory.
    pub package: Option<String>,
    /// `-m` of a module that cannot run: after importing `package` (as CPython imports
    /// the parents before it finds that), this error is reported (status 1) instead.
    pub then_fail: Option<String>,
}

impl MainOptions {
    /// A script run with no arguments and no compiler.
    pub fn script(path: &str) -> MainOptions {
        MainOptions {
            argv: vec![path.to_string()],
            script: Some(path.to_string()),
            source_loader: None,
            trace: None,
            package: None,
            then_fail: None,
        }
    }
}

/// Loads and runs the `.pyc` at `path` as the main module; returns the exit status.
pub fn run_main(path: String) -> i32 {
    let options = MainOptions::script(&path);
    run_pyc(path, options)
}

/// Runs the `.pyc` at `path` as the main module with `options`.
pub fn run_pyc(path: String, options: MainOptions) -> i32 {
    let shown = path.clone();
    run_program(shown, options, move || {
        crate::pyc::load_pyc_file(&path).map_err(|e| {
            crate::cli::report_error(&path, &e.to_string());
            1
        })
    })
}

/// Runs the module code `load` gives as the main module (`path` names it in messages);
/// `load` runs on the interpreter thread (code objects are not Send) and, when it fails,
/// has reported why and gives the exit status.
pub fn run_main_with(
    path: String,
    load: impl FnOnce() -> Result<Pyc, i32> + Send + 'static,
) -> i32 {
    let options = MainOptions::script(&path);
    run_program(path, options, load)
}

/// `run_main_with` with the program's options (argv, script path, source compiler).
pub fn run_program(
    path: String,
    options: MainOptions,
    load: impl FnOnce() -> Result<Pyc, i32> + Send + 'static,
) -> i32 {
    let handle = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let pyc = match load() {
                Ok(p) => p,
                Err(status) => return status,
            };
            let here = 0u8;
            let base = std::ptr::addr_of!(here) as usize;
            let mut vm = Vm::new(pyc.version);
            vm.stack_limit = Some(base.saturating_sub(STACK_SIZE - STACK_MARGIN));
            vm.init_builtins();
            vm.imports.source_loader = options.source_loader;
            vm.stdout_line_buffered = std::io::IsTerminal::is_terminal(&std::io::stdout());
            vm.stdout_unbuffered = crate::flags::current().unbuffered;
            let path0 = match &options.package {
                Some(_) if super::flavour::run_module_path0_is_full(vm.version) => {
                    Some(current_dir())
                }
                Some(_) => Some(String::new()),
                None => None,
            };
            if let Err(e) = vm.init_sys_with(&options.argv, options.script.as_deref(), path0) {
                return vm.report_uncaught(e);
            }
            crate::modules::signal::install_startup_handlers(&mut vm);
            if let Some(trace) = &options.trace {
                match crate::trace::Tracer::new(trace) {
                    Ok(t) => {
                        vm.tracer = Some(Box::new(t));
                        crate::object::finalizer::TRACING
                            .store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                    Err(msg) => {
                        eprintln!("xpython: error: {msg}");
                        return 1;
                    }
                }
            }
            let status = match &options.package {
                Some(package) if options.then_fail.is_some() => {
                    vm.import_then_fail(package, options.then_fail.as_deref().unwrap_or(""))
                }
                Some(package) => {
                    vm.run_module_as_main(&pyc, &path, options.script.as_deref(), package)
                }
                None => vm.run_module_code(&pyc, &path, options.script.as_deref(), None),
            };
            vm.flush_stdout();
            if let Some(t) = vm.tracer.as_mut() {
                t.flush();
            }
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
    /// `-m`: imports the main module's package (running its `__init__`), then runs the
    /// module as `__main__` with `__package__` set, as `runpy._run_module_as_main` does.
    fn run_module_as_main(
        &mut self,
        pyc: &Pyc,
        path: &str,
        script: Option<&str>,
        package: &str,
    ) -> i32 {
        if !package.is_empty() {
            if let Err(e) = self.import_absolute(package) {
                return self.report_uncaught(e);
            }
        }
        self.run_module_code(pyc, path, script, Some(package))
    }

    /// `-m` of a module that cannot run: imports `module` (running its code and its
    /// parents') and reports `message`, as `runpy` does when it finds the failure only
    /// after importing the parents.
    fn import_then_fail(&mut self, module: &str, message: &str) -> i32 {
        if let Err(e) = self.import_absolute(module) {
            return self.report_uncaught(e);
        }
        self.flush_stdout();
        eprintln!("xpython: {message}");
        1
    }

    /// Runs the main module (`package`: its `__package__`, for `-m`).
    fn run_module_code(
        &mut self,
        pyc: &Pyc,
        path: &str,
        script: Option<&str>,
        package: Option<&str>,
    ) -> i32 {
        let code = match Code::new(self, &pyc.code) {
            Ok(c) => c,
            Err(msg) => {
                eprintln!("xpython: error: {path}: {msg}");
                return 1;
            }
        };
        let main = match self.main_module(script, package) {
            Ok(m) => m,
            Err(e) => return self.report_uncaught(e),
        };
        let Payload::Module(globals) = &main.payload else {
            return 1;
        };
        let globals = globals.clone();
        let frame = Box::new(Frame::new(
            code,
            globals.clone(),
            self.builtins.clone(),
            Value::Obj(globals.clone()),
        ));
        let mut interrupted = false;
        let status = match self.run_frame(frame).1 {
            Ok(FrameExit::Return(_)) | Ok(FrameExit::Yield(_)) => 0,
            Err(e) => {
                let keyboard_interrupt = self.types.exc.keyboard_interrupt.clone();
                interrupted = self.is_instance_of_class(&e.0, &keyboard_interrupt);
                self.report_uncaught(e)
            }
        };
        crate::modules::atexit::run_at_exit(self);
        self.finalize_at_exit(globals);
        if interrupted && super::flavour::exit_by_sigint_after_interrupt(self.version) {
            self.flush_stdout();
            return crate::modules::signal::exit_by_sigint();
        }
        status
    }

    /// Creates `sys` (argv, `sys.path[0]` = the real directory of the script, '' without
    /// one) and
    /// registers it and `builtins` in `sys.modules`.
    pub fn init_sys(&mut self, argv: &[String], script: Option<&str>) -> super::PyResult<()> {
        self.init_sys_with(argv, script, None)
    }

    /// `init_sys` with `sys.path[0]` given (`-m`: the current directory).
    pub fn init_sys_with(
        &mut self,
        argv: &[String],
        script: Option<&str>,
        path0: Option<String>,
    ) -> super::PyResult<()> {
        // The script's real directory; '' (the current directory) for `-c`; nothing with
        // `-P`/`-I` (safe_path).
        let safe_path = crate::flags::current().safe_path;
        let path0 = path0.filter(|_| !safe_path).or_else(|| {
            if safe_path {
                return None;
            }
            Some(match script {
                Some(p) => {
                    let real =
                        std::fs::canonicalize(p).unwrap_or_else(|_| std::path::PathBuf::from(p));
                    real.parent()
                        .map(|d| d.to_string_lossy().into_owned())
                        .unwrap_or_default()
                }
                None => String::new(),
            })
        });
        self.imports.stdlib = crate::bridge::stdlib::locate(self.version.format.major_minor);
        let sys = crate::modules::sys::create(self, argv, path0)?;
        crate::modules::site::install(self)?;
        self.imports.sys = Some(sys.clone());
        let modules = self.imports.modules.clone();
        let key = Value::Obj(self.intern("sys"));
        self.dict_set(&modules, key, Value::Obj(sys))?;
        let b = self.builtins_module();
        let key = Value::Obj(self.intern("builtins"));
        self.dict_set(&modules, key, Value::Obj(b))
    }

    /// The `builtins` module object (a module over the builtins namespace).
    pub fn builtins_module(&mut self) -> crate::object::ObjRef {
        let key = Value::Obj(self.intern("builtins"));
        let modules = self.imports.modules.clone();
        if let Ok(Some(m)) = self.dict_get(&modules, &key) {
            if matches!(m.payload(), Some(Payload::Module(d)) if Rc::ptr_eq(d, &self.builtins)) {
                if let Value::Obj(o) = m {
                    return o;
                }
            }
        }
        crate::object::Object::new(
            self.types.module.clone(),
            Payload::Module(self.builtins.clone()),
        )
    }

    /// The `__main__` module of the script at `path`, registered in `sys.modules`, with
    /// the namespace CPython gives a script.
    fn main_module(
        &mut self,
        script: Option<&str>,
        package: Option<&str>,
    ) -> super::PyResult<crate::object::ObjRef> {
        let m = self.new_module("__main__");
        if super::flavour::main_has_annotations(self.version) {
            let d = Value::Obj(self.new_dict());
            self.module_set(&m, "__annotations__", d);
        }
        let b = self.builtins_module();
        self.module_set(&m, "__builtins__", Value::Obj(b));
        if let Some(package) = package {
            let package = self.new_str(package);
            self.module_set(&m, "__package__", package);
        }
        if let Some(path) = script {
            let file = if super::flavour::main_file_is_absolute(self.version) {
                absolute(path)
            } else {
                path.to_string()
            };
            let file = self.new_str(&file);
            self.module_set(&m, "__file__", file);
            self.module_set(&m, "__cached__", Value::None);
        }
        let modules = self.imports.modules.clone();
        let key = Value::Obj(self.intern("__main__"));
        self.dict_set(&modules, key, Value::Obj(m.clone()))?;
        Ok(m)
    }

    /// Prints an uncaught exception as CPython does; SystemExit gives its exit status.
    pub fn report_uncaught(&mut self, e: super::PyErr) -> i32 {
        self.flush_stdout();
        if self.is_instance_of_class(&e.0, &self.types.exc.system_exit.clone()) {
            return self.system_exit_status(&e);
        }
        // A replaced sys.excepthook reports it instead (CPython's PyErr_Display path).
        if let Ok(hook) = self.sys_stream("excepthook") {
            if !hook.is_none() && !crate::modules::sys::is_default_excepthook(&hook) {
                let v = Value::Obj(e.0.clone());
                let t = Value::Obj(e.0.class().clone());
                let tb_name = self.names.__traceback__.clone();
                let tb = self
                    .get_attr_opt(&v, &tb_name)
                    .ok()
                    .flatten()
                    .filter(|tb| !tb.is_null())
                    .unwrap_or(Value::None);
                let r = self.call(&hook, crate::object::Args::positional(&[t, v, tb]));
                self.flush_stdout();
                if let Err(hook_err) = r {
                    eprintln!("Error in sys.excepthook:");
                    let text = self.format_exception(&hook_err);
                    eprint!("{text}");
                    eprintln!("\nOriginal exception was:");
                    let text = self.format_exception(&e);
                    eprint!("{text}");
                }
                return 1;
            }
        }
        if super::flavour::python2_builtins(self.version) {
            crate::builtins::py2::softspace::flush_line(self);
            self.flush_stdout();
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
            // The status is what the OS keeps of it: the low byte.
            Value::Int(i) => (i & 0xff) as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = self.str(&other).unwrap_or_default();
                eprintln!("{s}");
                1
            }
        }
    }
}

/// The current directory, as `-m` puts it first on `sys.path`.
fn current_dir() -> String {
    std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `path` made absolute against the current directory (not normalised, as CPython's
/// `_Py_abspath`).
fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => cwd.join(p).to_string_lossy().into_owned(),
        Err(_) => path.to_string(),
    }
}
