//! `xpython -m MODULE`: finding the module to run as `__main__`, as `runpy` does.
//!
//! The search path is what `sys.path` will hold: the current directory, then
//! `PYTHONPATH`. A dotted name descends through package directories; a package runs its
//! `__main__` submodule. In each directory a module is, in the importer's order, a
//! package (`NAME/` with an `__init__`), `NAME.py` (compiled through the bridge and its
//! `__pycache__`), `NAME.pyc`, or `__pycache__/NAME.<tag>.pyc` without source; then a
//! directory without `__init__` (a namespace package). Failures are CPython's messages
//! (`No module named X`, `No module named X.__main__; 'X' is a package and cannot be
//! directly executed`, `Error while finding module specification for ...`).
//!
//! The finder runs before the interpreter starts, since the module's file decides the
//! bytecode version; the parent packages are imported (their `__init__` run) by the VM
//! before the module runs (`vm::run::MainOptions::package`). As with CPython, a failure
//! found below existing packages comes after they ran: the error names the module the
//! VM imports first (`ModuleError::import_first`).

use std::path::{Path, PathBuf};

/// The module's code: a source file or a compiled one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleFile {
    Source(PathBuf),
    Pyc(PathBuf),
}

impl ModuleFile {
    pub fn path(&self) -> &Path {
        match self {
            ModuleFile::Source(p) | ModuleFile::Pyc(p) => p,
        }
    }
}

/// The module `-m` runs.
#[derive(Debug, Clone)]
pub struct MainModule {
    pub file: ModuleFile,
    /// Its package (`__package__`): '' for a top-level module.
    pub package: String,
}

/// Why `-m` cannot run the module.
#[derive(Debug, Clone)]
pub struct ModuleError {
    pub kind: ModuleErrorKind,
    /// The deepest existing module of the name that CPython imports (running its code)
    /// before it reports the error, with its file; None when nothing runs first.
    pub import_first: Option<(String, ModuleFile)>,
}

#[derive(Debug, Clone)]
pub enum ModuleErrorKind {
    /// The whole message.
    Message(String),
    /// `name`'s parent `parent` is a plain module (the wording is the version's).
    NotAPackage { parent: String, name: String },
}

impl ModuleError {
    fn message(text: String) -> ModuleError {
        ModuleError {
            kind: ModuleErrorKind::Message(text),
            import_first: None,
        }
    }

    /// CPython's message for `-m full`, in the wording of version `v`.
    pub fn text(&self, v: (u8, u8), full: &str) -> String {
        match &self.kind {
            ModuleErrorKind::Message(m) => m.clone(),
            ModuleErrorKind::NotAPackage { parent, name } => spec_error(
                full,
                &crate::vm::messages::run_module_parent_not_package(v, parent, name),
            ),
        }
    }
}

/// What was found for one name in one directory.
enum Found {
    Module(ModuleFile),
    /// A package directory (with `__init__` when `regular`).
    Package(PathBuf, bool),
}

/// Finds `name` for `-m`; `tag` is the cache tag (`cpython-311`) of the wanted version,
/// if known, for `__pycache__` files without source.
pub fn find_main_module(name: &str, tag: Option<&str>) -> Result<MainModule, ModuleError> {
    let entries = search_path();
    let parts: Vec<&str> = name.split('.').collect();
    if name.is_empty() || parts.iter().any(|p| p.is_empty()) {
        return Err(ModuleError::message(format!("No module named {name}")));
    }
    let parent = &parts[..parts.len() - 1];
    let last = parts[parts.len() - 1];
    // The packages above, each looked up like an import: the first entry that has it.
    let mut dirs: Vec<PathBuf> = entries;
    let mut imported: Option<(String, ModuleFile)> = None;
    for (i, part) in parent.iter().enumerate() {
        let so_far = parent[..=i].join(".");
        match first_found(&dirs, part, tag) {
            Some(Found::Package(dir, _)) => {
                if let Some(init) = module_file(&dir, "__init__", tag) {
                    imported = Some((so_far, init));
                }
                dirs = vec![dir];
            }
            Some(Found::Module(file)) => {
                let child = parts[..=i + 1].join(".");
                return Err(ModuleError {
                    kind: ModuleErrorKind::NotAPackage {
                        parent: so_far.clone(),
                        name: child,
                    },
                    import_first: Some((so_far, file)),
                });
            }
            None => {
                return Err(ModuleError {
                    kind: ModuleErrorKind::Message(spec_error(
                        name,
                        &format!("ModuleNotFoundError: No module named '{so_far}'"),
                    )),
                    import_first: imported,
                })
            }
        }
    }
    let package = parent.join(".");
    match first_found(&dirs, last, tag) {
        None => Err(ModuleError {
            kind: ModuleErrorKind::Message(format!("No module named {name}")),
            import_first: imported,
        }),
        Some(Found::Module(file)) => Ok(MainModule { file, package }),
        Some(Found::Package(dir, _)) => match find_in(&dir, "__main__", tag) {
            Some(Found::Module(file)) => Ok(MainModule {
                file,
                package: name.to_string(),
            }),
            _ => Err(ModuleError {
                kind: ModuleErrorKind::Message(format!(
                    "No module named {name}.__main__; '{name}' is a package and cannot be \
                     directly executed"
                )),
                import_first: module_file(&dir, "__init__", tag).map(|f| (name.to_string(), f)),
            }),
        },
    }
}

fn spec_error(name: &str, inner: &str) -> String {
    format!("Error while finding module specification for '{name}' ({inner})")
}

/// The first of `dirs` that has `stem`: a regular package or a module before a namespace
/// package portion.
fn first_found(dirs: &[PathBuf], stem: &str, tag: Option<&str>) -> Option<Found> {
    let mut namespace = None;
    for dir in dirs {
        match find_in(dir, stem, tag) {
            Some(Found::Package(p, false)) => {
                namespace.get_or_insert(Found::Package(p, false));
            }
            Some(found) => return Some(found),
            None => {}
        }
    }
    namespace
}

/// `stem` in `dir`.
fn find_in(dir: &Path, stem: &str, tag: Option<&str>) -> Option<Found> {
    let pkg = dir.join(stem);
    if pkg.is_dir() && module_file(&pkg, "__init__", tag).is_some() {
        return Some(Found::Package(pkg, true));
    }
    if let Some(file) = module_file(dir, stem, tag) {
        return Some(Found::Module(file));
    }
    pkg.is_dir().then_some(Found::Package(pkg, false))
}

/// `stem.py`, `stem.pyc` or a sourceless `__pycache__/stem.<tag>.pyc` in `dir` (any
/// version's, newest first, when the version is not known yet).
fn module_file(dir: &Path, stem: &str, tag: Option<&str>) -> Option<ModuleFile> {
    let source = dir.join(format!("{stem}.py"));
    if source.is_file() {
        return Some(ModuleFile::Source(source));
    }
    let pyc = dir.join(format!("{stem}.pyc"));
    if pyc.is_file() {
        return Some(ModuleFile::Pyc(pyc));
    }
    let cache = dir.join("__pycache__");
    if let Some(tag) = tag {
        let cached = cache.join(format!("{stem}.{tag}.pyc"));
        return cached.is_file().then_some(ModuleFile::Pyc(cached));
    }
    let prefix = format!("{stem}.cpython-");
    let mut cached: Vec<(u32, PathBuf)> = std::fs::read_dir(&cache)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let digits = name.strip_prefix(&prefix)?.strip_suffix(".pyc")?;
            let n: u32 = digits.parse().ok()?;
            Some((n, e.path()))
        })
        .collect();
    cached.sort();
    cached.pop().map(|(_, p)| ModuleFile::Pyc(p))
}

/// The current directory, then `PYTHONPATH`.
fn search_path() -> Vec<PathBuf> {
    let mut entries = vec![std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))];
    if let Some(extra) = std::env::var_os("PYTHONPATH") {
        entries.extend(std::env::split_paths(&extra).filter(|p| !p.as_os_str().is_empty()));
    }
    entries
}
