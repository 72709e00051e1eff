//! Imports: the module registry (`sys.modules`), the finder over `sys.path`, loading a
//! module's `.pyc` into its own namespace, and `__import__` with CPython's semantics
//! (`PyImport_ImportModuleLevelObject`, `importlib._bootstrap._find_and_load` and
//! `_handle_fromlist`), plus the `from m import name` and `from m import *` steps of the
//! import opcodes.
//!
//! A module is a `Payload::Module` object whose payload is its namespace dict. Native
//! modules (`sys`, ...) come from `crate::modules`; the others are found on `sys.path` as
//! `NAME.pyc`, `__pycache__/NAME.<cache_tag>.pyc`, or packages (`NAME/__init__...`).
//! A `NAME.py` without a cached `.pyc` needs a compiler: the embedder installs one as the
//! `SourceLoader` hook; without it `.py` files are skipped.

use super::attr::PayloadStr;
use super::code::Code;
use super::eval::FrameExit;
use super::frame::Frame;
use super::{flavour, messages, PyErr, PyResult, Vm};
use crate::object::{Args, BuiltinKind, ObjRef, Object, Payload, Value};
use crate::pyc::Pyc;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Compiles the Python source file at the path into a module of the running version (the
/// compiler bridge); it may raise (SyntaxError...). Installed with
/// `run::MainOptions::source_loader` (the CLI installs `builtins::compile::
/// load_source_module`, the bridge) or by setting `vm.imports.source_loader`. When
/// set, a `NAME.py` on the search path whose `__pycache__/NAME.<tag>.pyc` is missing or
/// older is loaded through it (`__file__` = the `.py`, `__cached__` = None); a result of
/// another version is the same ImportError as a `.pyc` of another version. When None,
/// `.py` files are skipped (a stale cached `.pyc` is then used as it is).
pub type SourceLoader = fn(&mut Vm, &Path) -> PyResult<Pyc>;

/// The import system's state.
pub struct ImportState {
    /// `sys.modules`.
    pub modules: ObjRef,
    /// The `sys` module, once created.
    pub sys: Option<ObjRef>,
    /// Modules whose code is running (partially initialised), innermost last.
    pub initializing: Vec<ObjRef>,
    /// Compiles `.py` files found on `sys.path`; None skips them.
    pub source_loader: Option<SourceLoader>,
    /// The standard library of the running version (`sys.path`'s last entry), if found.
    pub stdlib: Option<crate::bridge::stdlib::Stdlib>,
    /// The "no standard library" note was printed.
    pub stdlib_hint_shown: bool,
}

/// Where a module's code comes from.
enum Origin {
    /// A compiled file.
    Pyc(PathBuf),
    /// A source file, compiled by the `SourceLoader`.
    Source(PathBuf),
    /// A namespace package (PEP 420): directories without `__init__`, no code.
    Namespace(Vec<PathBuf>),
}

/// What the finder found for a module name.
struct Spec {
    name: String,
    origin: Origin,
    /// `__file__`.
    file: PathBuf,
    /// `__cached__` (None for a source compiled in memory).
    cached: Option<PathBuf>,
    /// The package directory (`__path__[0]`) of a package.
    package_dir: Option<PathBuf>,
}

impl ImportState {
    pub fn new(modules: ObjRef) -> ImportState {
        ImportState {
            modules,
            sys: None,
            initializing: Vec::new(),
            source_loader: None,
            stdlib: None,
            stdlib_hint_shown: false,
        }
    }
}

/// `a.b.c` -> `a.b`.
fn parent_of(name: &str) -> &str {
    name.rfind('.').map(|i| &name[..i]).unwrap_or("")
}

/// A path as `__file__`, `__path__` and messages show it.
fn display_path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

impl Vm {
    /// The cache tag of the running version (`cpython-311`).
    pub fn cache_tag(&self) -> String {
        let (major, minor) = self.version.format.major_minor;
        format!("cpython-{major}{minor}")
    }

    /// A new empty module named `name`, with the attributes `ModuleType.__init__` sets.
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = self.new_dict();
        let module = Object::new(self.types.module.clone(), Payload::Module(dict.clone()));
        let name_v = self.new_str(name);
        for (k, v) in [
            ("__name__", name_v),
            ("__doc__", Value::None),
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
        ] {
            let key = Value::Obj(self.intern(k));
            let _ = self.dict_set(&dict, key, v);
        }
        module
    }

    /// `<module 'name' from 'file'>`, `<module 'name' (built-in)>` or `<module 'name'>`.
    pub fn module_repr(&mut self, dict: &ObjRef) -> String {
        let name_key = self.names.__name__.clone();
        let name = self
            .dict_get_name(dict, &name_key)
            .and_then(|n| n.as_str().map(|s| s.as_str().to_string()))
            .unwrap_or_else(|| "?".into());
        let file_key = self.intern("__file__");
        let path_key = self.intern("__path__");
        match self.dict_get_name(dict, &file_key) {
            Some(f) if f.as_str().is_some() => {
                let f = f
                    .as_str()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default();
                format!("<module '{name}' from '{f}'>")
            }
            _ if crate::modules::native_init(&name, self.version.format.major_minor).is_some() => {
                format!("<module '{name}' (built-in)>")
            }
            _ if self.dict_get_name(dict, &path_key).is_some() => {
                format!("<module '{name}' (namespace)>")
            }
            _ => format!("<module '{name}'>"),
        }
    }

    /// `sys.<name>` (`stdout`, `stderr`...), None when sys or the attribute is missing.
    pub fn sys_stream(&mut self, name: &str) -> PyResult<Value> {
        let Some(sys) = self.imports.sys.clone() else {
            return Ok(Value::None);
        };
        let key = self.intern(name);
        Ok(self
            .get_attr_opt(&Value::Obj(sys), &key)?
            .unwrap_or(Value::None))
    }

    /// Sets `module.<name> = value` in a module's namespace.
    pub fn module_set(&mut self, module: &ObjRef, name: &str, value: Value) {
        if let Payload::Module(d) = &module.payload {
            let key = Value::Obj(self.intern(name));
            let d = d.clone();
            let _ = self.dict_set(&d, key, value);
        }
    }

    /// The namespace dict of a module object.
    pub fn module_dict(module: &Value) -> Option<ObjRef> {
        match module.payload() {
            Some(Payload::Module(d)) => Some(d.clone()),
            _ => None,
        }
    }

    /// `sys.modules.get(name)`.
    pub fn sys_modules_get(&mut self, name: &str) -> Option<Value> {
        let key = Value::Obj(self.intern(name));
        let modules = self.imports.modules.clone();
        self.dict_get_name(&modules, key.as_obj()?)
    }

    fn sys_modules_set(&mut self, name: &str, v: Value) -> PyResult<()> {
        let key = Value::Obj(self.intern(name));
        let modules = self.imports.modules.clone();
        self.dict_set(&modules, key, v)
    }

    fn sys_modules_remove(&mut self, name: &str) -> PyResult<Option<Value>> {
        let key = Value::Obj(self.intern(name));
        let modules = self.imports.modules.clone();
        self.dict_remove(&modules, &key)
    }

    /// Whether `module` is being initialised (its code is running).
    pub fn module_initializing(&self, module: &ObjRef) -> bool {
        self.imports
            .initializing
            .iter()
            .any(|m| Rc::ptr_eq(m, module))
    }

    /// An ImportError (or subclass) with its `name` and `path` attributes, made as
    /// `cls(msg, name=name, path=path)` is.
    pub fn import_error(
        &mut self,
        class: &ObjRef,
        msg: &str,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let msg_v = self.new_str(msg);
        let name_v = name.map(|n| self.new_str(n)).unwrap_or(Value::None);
        let path_v = path.map(|p| self.new_str(p)).unwrap_or(Value::None);
        let kwnames = [
            Value::Obj(self.intern("name")),
            Value::Obj(self.intern("path")),
        ];
        let values = [msg_v, name_v, path_v];
        let args = Args {
            values: &values,
            kwnames: &kwnames,
        };
        match self.call(&Value::Obj(class.clone()), args) {
            Ok(Value::Obj(e)) => PyErr(e),
            Ok(_) => self.system_error("ImportError() did not make an exception"),
            Err(e) => e,
        }
    }

    /// `ModuleNotFoundError` (3.6+) or `ImportError`.
    pub fn not_found(&mut self, msg: &str, name: &str) -> PyErr {
        let class = if flavour::has_module_not_found_error(self.version) {
            self.types.exc.module_not_found_error.clone()
        } else {
            self.types.exc.import_error.clone()
        };
        self.import_error(&class, msg, Some(name), None)
    }

    /// `PyImport_ImportModuleLevelObject`: what `__import__(name, globals, locals,
    /// fromlist, level)` returns.
    pub fn import_module_level(
        &mut self,
        name: &Value,
        globals: &Value,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        let Some(name_s) = name.as_str().map(|s| s.as_str().to_string()) else {
            return Err(self.type_error("module name must be a string"));
        };
        if level == -1 && flavour::implicit_relative_imports(self.version) {
            let level = self.implicit_relative_level(&name_s, globals)?;
            return self.import_module_level(name, globals, fromlist, level);
        }
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let abs_name = if level > 0 {
            self.resolve_name(&name_s, globals, level)?
        } else {
            if name_s.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name_s.clone()
        };
        let module = self.import_absolute(&abs_name)?;
        let has_from = !fromlist.is_none() && self.truthy(fromlist)?;
        if !has_from {
            let dot = name_s.find('.');
            return match dot {
                None => Ok(module),
                Some(_) if name_s.is_empty() => Ok(module),
                Some(d) if level == 0 => self.import_absolute(&name_s[..d]),
                Some(d) => {
                    let cut = name_s.len() - d;
                    let front = &abs_name[..abs_name.len() - cut];
                    match self.sys_modules_get(front) {
                        Some(m) => Ok(m),
                        None => Err(self.new_exception(
                            &self.types.exc.key_error.clone(),
                            &format!("'{front}' not in sys.modules as expected"),
                        )),
                    }
                }
            };
        }
        let path_name = self.intern("__path__");
        if self.get_attr_opt(&module, &path_name)?.is_some() {
            self.handle_fromlist(&module, fromlist, false)?;
        }
        Ok(module)
    }

    /// 2.x's implicit relative import: 1 when the first component of `name` is a module
    /// of the importing module's package (in `sys.modules` or found on the package's
    /// `__path__`), else 0 (absolute). A miss is remembered as 2.x does, with None in
    /// `sys.modules` under the relative name.
    fn implicit_relative_level(&mut self, name: &str, globals: &Value) -> PyResult<i64> {
        let Value::Obj(g) = globals else {
            return Ok(0);
        };
        if !matches!(g.payload, Payload::Dict(_)) || name.is_empty() {
            return Ok(0);
        }
        let pkg_key = self.intern("__package__");
        let package = match self.dict_get_name(g, &pkg_key) {
            Some(p) if !p.is_none() => p.as_str().map(|s| s.as_str().to_string()),
            _ => self.package_from_name(g).ok(),
        };
        let Some(package) = package.filter(|p| !p.is_empty()) else {
            return Ok(0);
        };
        let first = name.split('.').next().unwrap_or(name);
        let candidate = format!("{package}.{first}");
        match self.sys_modules_get(&candidate) {
            Some(Value::None) => return Ok(0),
            Some(_) => return Ok(1),
            None => {}
        }
        let Some(parent) = self.sys_modules_get(&package) else {
            return Ok(0);
        };
        let path_name = self.intern("__path__");
        let entries: Vec<String> = match self.get_attr_opt(&parent, &path_name)? {
            Some(path) => self
                .collect(&path)?
                .iter()
                .filter_map(|e| e.as_str().map(|s| s.as_str().to_string()))
                .collect(),
            None => return Ok(0),
        };
        if self.find_spec(&candidate, &entries).is_some() {
            return Ok(1);
        }
        self.sys_modules_set(&candidate, Value::None)?;
        Ok(0)
    }

    /// The absolute name of a relative import (`resolve_name` in import.c).
    pub fn resolve_name(&mut self, name: &str, globals: &Value, level: i64) -> PyResult<String> {
        let g = match globals {
            Value::Obj(g) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
            Value::None | Value::Null => {
                return Err(self.new_exception(
                    &self.types.exc.key_error.clone(),
                    "'__name__' not in globals",
                ))
            }
            _ => return Err(self.type_error("globals must be a dict")),
        };
        let pkg_key = self.intern("__package__");
        let spec_key = self.intern("__spec__");
        let package = match self.dict_get_name(&g, &pkg_key) {
            Some(p) if !p.is_none() => match p.as_str() {
                Some(s) => s.as_str().to_string(),
                None => return Err(self.type_error("package must be a string")),
            },
            _ => {
                let spec = self.dict_get_name(&g, &spec_key).unwrap_or(Value::None);
                let parent = self.intern("parent");
                match spec {
                    Value::None => self.package_from_name(&g)?,
                    spec => {
                        let p = self.get_attr(&spec, &parent)?;
                        match p.as_str() {
                            Some(s) => s.as_str().to_string(),
                            None => return Err(self.type_error("__spec__.parent must be a string")),
                        }
                    }
                }
            }
        };
        if package.is_empty() {
            let class = self.types.exc.import_error.clone();
            return Err(self.import_error(
                &class,
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rfind('.') {
                Some(i) => base = &base[..i],
                None => {
                    let msg = "attempted relative import beyond top-level package";
                    return Err(if flavour::beyond_top_level_is_value_error(self.version) {
                        self.value_error(msg)
                    } else {
                        let class = self.types.exc.import_error.clone();
                        self.import_error(&class, msg, None, None)
                    });
                }
            }
        }
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// The package of a namespace without `__package__` and `__spec__`: its `__name__`,
    /// less the last component unless it is a package (has `__path__`).
    fn package_from_name(&mut self, g: &ObjRef) -> PyResult<String> {
        let name_key = self.names.__name__.clone();
        let Some(n) = self.dict_get_name(g, &name_key) else {
            return Err(self.new_exception(
                &self.types.exc.key_error.clone(),
                "'__name__' not in globals",
            ));
        };
        let Some(n) = n.as_str().map(|s| s.as_str().to_string()) else {
            return Err(self.type_error("__name__ must be a string"));
        };
        let path_key = self.intern("__path__");
        if self.dict_get_name(g, &path_key).is_some() {
            return Ok(n);
        }
        Ok(match n.rfind('.') {
            Some(i) => n[..i].to_string(),
            None if flavour::undotted_name_is_its_own_package(self.version) => n,
            None => String::new(),
        })
    }

    /// `import a.b.c` of an absolute name: the module `a.b.c` from `sys.modules`, or found
    /// and loaded (with its parents).
    pub fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        match self.sys_modules_get(name) {
            Some(Value::None) => {
                let msg = format!("import of {name} halted; None in sys.modules");
                Err(self.not_found(&msg, name))
            }
            Some(m) => Ok(m),
            None => self.find_and_load(name),
        }
    }

    /// `_find_and_load`.
    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        let parent = parent_of(name);
        let mut search: Option<Vec<String>> = None;
        if !parent.is_empty() {
            if self.sys_modules_get(parent).is_none() {
                self.import_absolute(parent)?;
            }
            // Importing the parent may have imported this module.
            if let Some(m) = self.sys_modules_get(name) {
                return Ok(m);
            }
            let parent_mod = self.sys_modules_get(parent).unwrap_or(Value::None);
            let path_name = self.intern("__path__");
            let path = match self.get_attr_opt(&parent_mod, &path_name)? {
                Some(p) => p,
                None => {
                    let msg = format!("No module named '{name}'; '{parent}' is not a package");
                    return Err(self.not_found(&msg, name));
                }
            };
            let entries = self.collect(&path)?;
            search = Some(
                entries
                    .iter()
                    .filter_map(|e| e.as_str().map(|s| s.as_str().to_string()))
                    .collect(),
            );
        }
        let module = if let Some(init) =
            crate::modules::native_init(name, self.version.format.major_minor)
        {
            let m = init(self)?;
            self.sys_modules_set(name, Value::Obj(m.clone()))?;
            Value::Obj(m)
        } else {
            let entries = match search {
                Some(s) => s,
                None => self.sys_path()?,
            };
            match self.find_spec(name, &entries) {
                Some(spec) => self.load_spec(spec)?,
                None => {
                    if parent.is_empty() {
                        self.stdlib_hint();
                    }
                    let msg =
                        super::messages::no_module_named(self.version.format.major_minor, name);
                    return Err(self.not_found(&msg, name));
                }
            }
        };
        if !parent.is_empty() {
            if let Some(p) = self.sys_modules_get(parent) {
                let child = self.intern(&name[parent.len() + 1..]);
                self.set_attr(&p, &child, module.clone())?;
            }
        }
        Ok(module)
    }

    /// `importlib.reload(module)`: finds the module again and re-runs its code in its
    /// own namespace.
    pub fn reload(&mut self, module: &Value) -> PyResult<Value> {
        let Some(dict) = Vm::module_dict(module) else {
            return Err(self.type_error("reload() argument must be a module"));
        };
        let name_key = self.names.__name__.clone();
        let name = self
            .dict_get_name(&dict, &name_key)
            .and_then(|n| n.as_str().map(|s| s.as_str().to_string()))
            .unwrap_or_default();
        if !self.sys_modules_get(&name).is_some_and(|m| m.is(module)) {
            let class = self.types.exc.import_error.clone();
            let msg = format!("module {name} not in sys.modules");
            return Err(self.import_error(&class, &msg, Some(&name), None));
        }
        if crate::modules::native_init(&name, self.version.format.major_minor).is_some() {
            return Ok(module.clone());
        }
        let parent = parent_of(&name);
        let entries = if parent.is_empty() {
            self.sys_path()?
        } else {
            let Some(p) = self.sys_modules_get(parent) else {
                let msg = format!("parent {parent:?} not in sys.modules");
                let class = self.types.exc.import_error.clone();
                return Err(self.import_error(&class, &msg, Some(parent), None));
            };
            let path_name = self.intern("__path__");
            let path = self.get_attr(&p, &path_name)?;
            let items = self.collect(&path)?;
            items
                .iter()
                .filter_map(|e| e.as_str().map(|s| s.as_str().to_string()))
                .collect()
        };
        let Some(spec) = self.find_spec(&name, &entries) else {
            let msg = format!("spec not found for the module '{name}'");
            return Err(self.not_found(&msg, &name));
        };
        let Some(m) = module.as_obj().cloned() else {
            return Ok(module.clone());
        };
        self.imports.initializing.push(m.clone());
        let r = self.exec_module(&spec, &m);
        self.imports.initializing.pop();
        r?;
        Ok(self
            .sys_modules_get(&name)
            .unwrap_or_else(|| module.clone()))
    }

    /// When no standard library was found (and none was refused with `--no-stdlib`), the
    /// first failed top-level import says so once on stderr (stdout stays CPython's).
    fn stdlib_hint(&mut self) {
        if self.imports.stdlib.is_some()
            || self.imports.stdlib_hint_shown
            || crate::bridge::stdlib::choice() != crate::bridge::stdlib::StdlibChoice::Auto
        {
            return;
        }
        self.imports.stdlib_hint_shown = true;
        let (major, minor) = self.version.format.major_minor;
        self.flush_stdout();
        eprintln!(
            "xpython: note: no standard library of Python {major}.{minor} was found \
             (python{major}.{minor} on PATH or pyenv); give one with --stdlib DIR"
        );
    }

    /// The str entries of `sys.path`.
    fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let Some(sys) = self.imports.sys.clone() else {
            return Ok(Vec::new());
        };
        let key = self.intern("path");
        let path = self.get_attr_opt(&Value::Obj(sys), &key)?;
        let Some(path) = path else {
            return Ok(Vec::new());
        };
        let entries = self.collect(&path)?;
        Ok(entries
            .iter()
            .filter_map(|e| e.as_str().map(|s| s.as_str().to_string()))
            .collect())
    }

    /// The finder: the first of `entries` that holds the module `name` (its last
    /// component) as a package, a source with a cached `.pyc`, a source (when a compiler
    /// is installed), a `.pyc`, or a `__pycache__` `.pyc` without source.
    fn find_spec(&self, name: &str, entries: &[String]) -> Option<Spec> {
        let tail = name.rsplit('.').next().unwrap_or(name);
        let mut portions: Vec<PathBuf> = Vec::new();
        for entry in entries {
            // '' is the current directory (absolute, as CPython's FileFinder makes it).
            let dir = if entry.is_empty() {
                std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
            } else {
                PathBuf::from(entry)
            };
            let pkg = dir.join(tail);
            if pkg.is_dir() {
                if let Some(mut spec) = self.find_in(&pkg, "__init__", name) {
                    spec.package_dir = Some(pkg);
                    return Some(spec);
                }
            }
            if let Some(spec) = self.find_in(&dir, tail, name) {
                return Some(spec);
            }
            if pkg.is_dir() {
                portions.push(pkg);
            }
        }
        if portions.is_empty() {
            return None;
        }
        Some(Spec {
            name: name.to_string(),
            file: PathBuf::new(),
            cached: None,
            package_dir: None,
            origin: Origin::Namespace(portions),
        })
    }

    /// `stem` in `dir`, as a module file.
    fn find_in(&self, dir: &Path, stem: &str, name: &str) -> Option<Spec> {
        let cached = dir
            .join("__pycache__")
            .join(format!("{stem}.{}.pyc", self.cache_tag()));
        let source = dir.join(format!("{stem}.py"));
        let spec = |origin, file: &Path, cached: Option<&Path>| Spec {
            name: name.to_string(),
            origin,
            file: file.to_path_buf(),
            cached: cached.map(Path::to_path_buf),
            package_dir: None,
        };
        if source.is_file() {
            let fresh = cached.is_file() && !source_is_newer(&source, &cached);
            if fresh || (cached.is_file() && self.imports.source_loader.is_none()) {
                return Some(spec(Origin::Pyc(cached.clone()), &source, Some(&cached)));
            }
            if self.imports.source_loader.is_some() {
                return Some(spec(Origin::Source(source.clone()), &source, None));
            }
        }
        let pyc = dir.join(format!("{stem}.pyc"));
        if pyc.is_file() {
            return Some(spec(Origin::Pyc(pyc.clone()), &pyc, Some(&pyc)));
        }
        if cached.is_file() {
            return Some(spec(Origin::Pyc(cached.clone()), &cached, Some(&cached)));
        }
        None
    }

    /// `_load_unlocked`: creates the module, registers it, runs its code in its namespace;
    /// on failure removes it from `sys.modules` again.
    fn load_spec(&mut self, spec: Spec) -> PyResult<Value> {
        let name = spec.name.clone();
        let module = self.new_module(&name);
        let package = if spec.package_dir.is_some() {
            name.clone()
        } else {
            parent_of(&name).to_string()
        };
        let package = self.new_str(&package);
        self.module_set(&module, "__package__", package);
        if let Some(dir) = &spec.package_dir {
            let entry = self.new_str(&display_path(dir));
            let path = self.new_list(vec![entry]);
            self.module_set(&module, "__path__", path);
        }
        if let Origin::Namespace(dirs) = &spec.origin {
            let package = self.new_str(&name);
            self.module_set(&module, "__package__", package);
            let entries: Vec<Value> = dirs
                .iter()
                .map(|d| self.new_str(&display_path(d)))
                .collect();
            let path = self.new_list(entries);
            self.module_set(&module, "__path__", path);
            if flavour::namespace_file_is_none(self.version) {
                self.module_set(&module, "__file__", Value::None);
            }
            self.sys_modules_set(&name, Value::Obj(module.clone()))?;
            return Ok(Value::Obj(module));
        }
        let file = self.new_str(&display_path(&spec.file));
        self.module_set(&module, "__file__", file);
        let cached = match &spec.cached {
            Some(c) => self.new_str(&display_path(c)),
            None => Value::None,
        };
        self.module_set(&module, "__cached__", cached);
        let builtins = self.builtins.clone();
        self.module_set(&module, "__builtins__", Value::Obj(builtins));
        self.sys_modules_set(&name, Value::Obj(module.clone()))?;
        self.imports.initializing.push(module.clone());
        let r = self.exec_module(&spec, &module);
        self.imports.initializing.pop();
        if let Err(e) = r {
            self.sys_modules_remove(&name)?;
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        match self.sys_modules_remove(&name)? {
            Some(m) => {
                self.sys_modules_set(&name, m.clone())?;
                Ok(m)
            }
            None => {
                Err(self.new_exception(&self.types.exc.key_error.clone(), &format!("'{name}'")))
            }
        }
    }

    /// Loads the module's code and runs it in the module's namespace.
    fn exec_module(&mut self, spec: &Spec, module: &ObjRef) -> PyResult<()> {
        let pyc = match &spec.origin {
            Origin::Pyc(path) => match crate::pyc::load_pyc_file(path) {
                Ok(p) => p,
                Err(e) => {
                    let msg = format!(
                        "cannot load module '{}' from {}: {e}",
                        spec.name,
                        display_path(path)
                    );
                    let class = self.types.exc.import_error.clone();
                    let p = display_path(path);
                    return Err(self.import_error(&class, &msg, Some(&spec.name), Some(&p)));
                }
            },
            Origin::Source(path) => match self.imports.source_loader {
                Some(load) => load(self, path)?,
                None => return Err(self.system_error("no source loader")),
            },
            Origin::Namespace(_) => return Ok(()),
        };
        let path = display_path(&spec.file);
        if !std::ptr::eq(pyc.version, self.version) {
            let class = self.types.exc.import_error.clone();
            let msg = messages::other_version_module(
                &spec.name,
                &path,
                pyc.version.format.major_minor,
                self.version.format.major_minor,
            );
            return Err(self.import_error(&class, &msg, Some(&spec.name), Some(&path)));
        }
        let code = match Code::new(self, &pyc.code) {
            Ok(c) => c,
            Err(msg) => {
                let class = self.types.exc.import_error.clone();
                let msg = format!("cannot load module '{}' from {path}: {msg}", spec.name);
                return Err(self.import_error(&class, &msg, Some(&spec.name), Some(&path)));
            }
        };
        let Payload::Module(globals) = &module.payload else {
            return Err(self.system_error("module without a namespace"));
        };
        self.run_module_frame(code, globals.clone()).map(|_| ())
    }

    /// Runs a module body in `globals` (which is also its locals).
    pub fn run_module_frame(&mut self, code: Rc<Code>, globals: ObjRef) -> PyResult<Value> {
        let builtins = self.builtins.clone();
        let frame = Box::new(Frame::new(
            code,
            globals.clone(),
            builtins,
            Value::Obj(globals),
        ));
        match self.run_frame(frame).1? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => Err(self.system_error("a module body yielded")),
        }
    }

    /// `_handle_fromlist`: imports the submodules named in `fromlist` that are not
    /// attributes of the package yet.
    fn handle_fromlist(
        &mut self,
        module: &Value,
        fromlist: &Value,
        recursive: bool,
    ) -> PyResult<()> {
        let items = self.collect(fromlist)?;
        let name_attr = self.names.__name__.clone();
        for x in items {
            let Some(s) = x.as_str().map(|s| s.as_str().to_string()) else {
                let where_ = if recursive {
                    let n = self.get_attr(module, &name_attr)?;
                    format!("{}.__all__", self.str(&n)?)
                } else {
                    "``from list''".to_string()
                };
                let t = self.type_name(&x);
                return Err(self.type_error(&format!("Item in {where_} must be str, not {t}")));
            };
            if s == "*" {
                let all = self.intern("__all__");
                if !recursive {
                    if let Some(all) = self.get_attr_opt(module, &all)? {
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
                continue;
            }
            let attr = self.intern(&s);
            if self.get_attr_opt(module, &attr)?.is_some() {
                continue;
            }
            let modname = self.get_attr(module, &name_attr)?;
            let from_name = format!("{}.{s}", self.str(&modname)?);
            match self.import_absolute(&from_name) {
                Ok(_) => {}
                Err(e) => {
                    let mnf = self.types.exc.module_not_found_error.clone();
                    if self.is_instance_of_class(&e.0, &mnf) {
                        let n = self.intern("name");
                        let ename = self.get_attr_opt(&Value::Obj(e.0.clone()), &n)?;
                        let same = ename
                            .as_ref()
                            .and_then(|v| v.as_str())
                            .is_some_and(|v| v.as_str() == from_name);
                        if same && !matches!(self.sys_modules_get(&from_name), Some(Value::None)) {
                            continue;
                        }
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// `from module import name` (IMPORT_FROM): the attribute, else the submodule
    /// `module.name` from `sys.modules`, else CPython's ImportError.
    pub fn import_from(&mut self, module: &Value, name: &ObjRef) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(module, name)? {
            return Ok(v);
        }
        let name_attr = self.names.__name__.clone();
        let pkgname = self
            .get_attr_opt(module, &name_attr)
            .ok()
            .flatten()
            .and_then(|n| n.as_str().map(|s| s.as_str().to_string()));
        if let Some(pkg) = &pkgname {
            let full = format!("{pkg}.{}", name.payload_str());
            if let Some(m) = self.sys_modules_get(&full) {
                return Ok(m);
            }
        }
        let file_attr = self.intern("__file__");
        let path = match module.payload() {
            Some(Payload::Module(d)) => {
                let d = d.clone();
                self.dict_get_name(&d, &file_attr)
                    .and_then(|p| p.as_str().map(|s| s.as_str().to_string()))
            }
            _ => None,
        };
        let initializing = module.as_obj().is_some_and(|m| self.module_initializing(m));
        let msg = messages::cannot_import_name(
            self.version.format.major_minor,
            name.payload_str(),
            pkgname.as_deref(),
            path.as_deref(),
            initializing,
        );
        let class = self.types.exc.import_error.clone();
        Err(self.import_error(&class, &msg, pkgname.as_deref(), path.as_deref()))
    }

    /// `from module import *` into `locals` (`import_all_from`).
    pub fn import_star(&mut self, locals: &Value, module: &Value) -> PyResult<()> {
        if locals.is_null() {
            return Err(self.system_error("no locals found during 'import *'"));
        }
        let all_name = self.intern("__all__");
        let (names, skip_private) = match self.get_attr_opt(module, &all_name)? {
            Some(all) => (self.collect(&all)?, false),
            None => {
                let dict_name = self.names.__dict__.clone();
                let Some(d) = self.get_attr_opt(module, &dict_name)? else {
                    let class = self.types.exc.import_error.clone();
                    return Err(self.import_error(
                        &class,
                        "from-import-* object has no __dict__ and no __all__",
                        None,
                        None,
                    ));
                };
                let keys = match &d {
                    Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => {
                        self.dict_items(o).into_iter().map(|e| e.key).collect()
                    }
                    other => self.collect(other)?,
                };
                (keys, true)
            }
        };
        for n in names {
            let Some(s) = n.as_str() else {
                let modname = self.module_name_of(module);
                let t = self.type_name(&n);
                let msg = if skip_private {
                    format!("Key in {modname}.__dict__ must be str, not {t}")
                } else {
                    format!("Item in {modname}.__all__ must be str, not {t}")
                };
                return Err(self.type_error(&msg));
            };
            if skip_private && s.as_str().starts_with('_') {
                continue;
            }
            let key = self.intern(s.as_str());
            let value = self.get_attr(module, &key)?;
            match locals {
                Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => {
                    self.dict_set(o, Value::Obj(key), value)?
                }
                _ => self.setitem(locals, Value::Obj(key), value)?,
            }
        }
        Ok(())
    }

    fn module_name_of(&mut self, module: &Value) -> String {
        let name_attr = self.names.__name__.clone();
        match self.get_attr_opt(module, &name_attr) {
            Ok(Some(n)) => self.str(&n).unwrap_or_default(),
            _ => "?".into(),
        }
    }

    /// The IMPORT_NAME step: `__import__(name, globals, locals, fromlist, level)` through
    /// the frame's builtins (a replaced `__import__` is called; the builtin one directly).
    pub fn import_name_call(
        &mut self,
        builtins: &ObjRef,
        name: &ObjRef,
        globals: &ObjRef,
        locals: &Value,
        fromlist: Value,
        level: Value,
    ) -> PyResult<Value> {
        let key = self.names.__import__.clone();
        let Some(func) = self.dict_get_name(builtins, &key) else {
            let class = self.types.exc.import_error.clone();
            return Err(self.import_error(&class, "__import__ not found", None, None));
        };
        let is_builtin = matches!(func.payload(), Some(Payload::Builtin(b)) if b.name == "__import__" && b.owner.is_none());
        let level_v = level;
        if is_builtin {
            let level = match level_v {
                Value::Int(i) => i,
                _ => 0,
            };
            return self.import_module_level(
                &Value::Obj(name.clone()),
                &Value::Obj(globals.clone()),
                &fromlist,
                level,
            );
        }
        let locals = if locals.is_null() {
            Value::None
        } else {
            locals.clone()
        };
        self.call(
            &func,
            Args::positional(&[
                Value::Obj(name.clone()),
                Value::Obj(globals.clone()),
                locals,
                fromlist,
                level_v,
            ]),
        )
    }
}

/// Registers `__import__` and `module.__dict__`, and names the builtins namespace.
pub fn init(vm: &mut Vm) {
    vm.add_builtin("__import__", builtin_import);
    let module_type = vm.types.module.clone();
    vm.add_getset(&module_type, "__dict__", module_dict_attr, None);
    vm.add_method(
        &module_type,
        "__new__",
        module_new,
        BuiltinKind::StaticMethod,
    );
    vm.add_method(&module_type, "__init__", module_init, BuiltinKind::Method);
    let builtins = vm.builtins.clone();
    let key = Value::Obj(vm.names.__name__.clone());
    let name = vm.new_str("builtins");
    let _ = vm.dict_set(&builtins, key, name);
}

/// `module.__new__(cls, ...)`: an empty module (its namespace set by `__init__`).
fn module_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("module.__new__(X): X is not a type object"));
    };
    let dict = vm.new_dict();
    Ok(Value::Obj(Object::new(cls.clone(), Payload::Module(dict))))
}

/// `module.__init__(self, name, doc=None)`.
fn module_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(this) = args.values.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'module' object needs an argument"));
    };
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let sig = crate::builtins::args::Signature {
        name: "module",
        params: &["name", "doc"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, rest)?;
    let name = a[0].clone().unwrap_or(Value::None);
    if name.as_str().is_none() {
        let t = vm.type_name(&name);
        return Err(vm.type_error(&format!(
            "module.__init__() argument 'name' must be str, not {t}"
        )));
    }
    let doc = a[1].clone().unwrap_or(Value::None);
    let Some(dict) = Vm::module_dict(&this) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    for (k, v) in [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::None),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ] {
        let key = Value::Obj(vm.intern(k));
        vm.dict_set(&dict, key, v)?;
    }
    Ok(Value::None)
}

/// `module.__dict__`.
fn module_dict_attr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos().first().and_then(Vm::module_dict) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.type_error("descriptor '__dict__' for 'module' objects doesn't apply")),
    }
}

/// Whether the source was modified after the cached file was written.
fn source_is_newer(source: &Path, cached: &Path) -> bool {
    let m = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (m(source), m(cached)) {
        (Some(s), Some(c)) => s > c,
        _ => false,
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "__import__",
        params: &["name", "globals", "locals", "fromlist", "level"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let name = a[0].clone().unwrap_or(Value::None);
    if name.as_str().is_none() {
        let msg =
            messages::import_name_not_str(vm.version.format.major_minor, &vm.type_name(&name));
        return Err(vm.type_error(&msg));
    }
    let globals = a[1].clone().unwrap_or(Value::None);
    let fromlist = a[3].clone().unwrap_or(Value::None);
    let level = match &a[4] {
        None if flavour::implicit_relative_imports(vm.version) => -1,
        None => 0,
        Some(v) => match vm.index_value(v)? {
            Some(i) => i as i64,
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    vm.import_module_level(&name, &globals, &fromlist, level)
}
