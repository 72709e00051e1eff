//! The compiler bridge: xpython does not compile Python source itself; a real CPython of
//! the wanted version does, and xpython loads what it produces.
//!
//! - [`find`] finds that CPython (`--python PATH`, `pythonX.Y` on `PATH`, pyenv).
//! - [`helper`] asks it to compile (a `-c` program; source on stdin, marshalled code or
//!   the raised exception on stdout) and the [`crate::pyc`] loader reads the answer.
//! - [`stdlib`] finds the standard library directory of a version's CPython (no
//!   subprocess: from the executable's prefix), for `sys.path`.
//! - [`cache`] keeps compiled files in `__pycache__` exactly as CPython does, so a fresh
//!   cache file is reused without starting any CPython.
//!
//! Entry points: [`compile_file`] (a `.py` file, through the cache: for the command line
//! and for imports), [`compile_source`] (text or bytes, remembered per request for the
//! life of the thread: for `compile`, `exec` and `eval`), [`version_spec`] and
//! [`default_version`] (which version a run uses). Failures are [`BridgeError`]s; a source
//! that does not compile is [`BridgeError::Compile`], carrying CPython's exception.

pub mod cache;
pub mod error;
pub mod find;
pub mod helper;
pub mod script;
pub mod stdlib;

pub use error::{io_message, BridgeError, CompileError, Field};
pub use find::{set_python, Interpreter};
pub use helper::Request;

use crate::pyc::{read_code_object, CodeObject, Constant, MarshalOptions};
use crate::spec::{VersionSpec, VERSIONS};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

/// The supported version X.Y, or an error naming the supported range.
pub fn version_spec(v: (u8, u8)) -> Result<&'static VersionSpec, BridgeError> {
    VERSIONS
        .iter()
        .copied()
        .find(|s| s.format.major_minor == v)
        .ok_or_else(|| {
            let ids: Vec<(u8, u8)> = VERSIONS.iter().map(|s| s.format.major_minor).collect();
            let lo = ids.iter().min().copied().unwrap_or_default();
            let hi = ids.iter().max().copied().unwrap_or_default();
            BridgeError::NoInterpreter(format!(
                "Python {} is not supported; xpython runs {}–{}",
                find::dotted(v),
                find::dotted(lo),
                find::dotted(hi)
            ))
        })
}

/// The version of the default interpreter (`--python PATH`, else `python3` on `PATH`).
pub fn default_version() -> Result<&'static VersionSpec, BridgeError> {
    let python = find::interpreter(None)?;
    version_spec(python.version).map_err(|e| {
        BridgeError::NoInterpreter(format!(
            "{} is Python {}: {e}; choose a version with --python-version X.Y",
            python.path.display(),
            find::dotted(python.version)
        ))
    })
}

/// Runs `req` on the CPython of `version` and loads the code it returns.
fn compile_now(
    req: &Request,
    version: &'static VersionSpec,
) -> Result<(helper::Compiled, Rc<CodeObject>), BridgeError> {
    let python = find::interpreter(Some(version.format.major_minor))?;
    let compiled = helper::compile(&python, req)?;
    let code = read_code_object(
        &compiled.marshal,
        MarshalOptions::for_format(&version.format),
    )
    .map_err(|e| {
        BridgeError::Unsupported(format!(
            "the code {} compiled cannot be loaded: {e}",
            python.path.display()
        ))
    })?;
    Ok((compiled, code))
}

/// What `python SCRIPT` prints when the main script `script` (the path as given) does
/// not compile: CPython's file parser's report ([`script`]), or `None` when it cannot be
/// had (then the `compile()` report stands).
pub fn main_script_error(version: &'static VersionSpec, script: &str) -> Option<String> {
    let python = find::interpreter(Some(version.format.major_minor)).ok()?;
    script::main_script_error(&python, script)
}

type Memo = HashMap<((u8, u8), Request), Result<Rc<CodeObject>, BridgeError>>;

thread_local! {
    /// Compiled sources (and compile errors) by request: a loop of `eval('x + 1')` starts
    /// CPython once.
    static MEMO: RefCell<Memo> = RefCell::new(HashMap::new());
}

/// Beyond this many remembered compiles, the memo starts again empty.
const MEMO_LIMIT: usize = 4096;

/// Compiles source text or bytes with the CPython of `version` (`compile()` semantics:
/// `req` carries mode, flags, filename...). Remembered per request for this thread.
pub fn compile_source(
    req: &Request,
    version: &'static VersionSpec,
) -> Result<Rc<CodeObject>, BridgeError> {
    let key = (version.format.major_minor, req.clone());
    if let Some(found) = MEMO.with(|m| m.borrow().get(&key).cloned()) {
        return found;
    }
    let result = compile_now(req, version).map(|(_, code)| code);
    // Only outcomes of the source are remembered, not a missing or failing interpreter.
    if matches!(result, Ok(_) | Err(BridgeError::Compile(_))) {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= MEMO_LIMIT {
                m.clear();
            }
            m.insert(key, result.clone());
        });
    }
    result
}

/// Compiles the source file at `path` for `version` as CPython's importer does: the
/// `__pycache__` file is reused when fresh (no CPython is started) and written otherwise.
/// `co_filename` is `path` as given.
pub fn compile_file(
    path: &Path,
    version: &'static VersionSpec,
) -> Result<Rc<CodeObject>, BridgeError> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| BridgeError::Io(io_message(&e)))?;
    if meta.is_dir() {
        return Err(BridgeError::Io("is a directory".to_string()));
    }
    let (mtime, size) = cache::source_stamp(&meta);
    let optimize = helper::effective_optimize(-1);
    let cache_file = cache::cache_path(path, version, optimize);
    let filename: Rc<str> = Rc::from(shown.to_string());
    let mut source = None;
    let cached = cache::read_cached(&cache_file, version, mtime, size, || {
        source = std::fs::read(path).ok();
        source.clone()
    });
    let stale_hash = match cached {
        cache::Cached::Fresh(pyc) => return Ok(with_filename(&pyc.code, &filename)),
        cache::Cached::StaleHash { magic, hash } => Some((magic, hash)),
        cache::Cached::Missing => None,
    };
    let source = match source {
        Some(s) => s,
        None => std::fs::read(path).map_err(|e| BridgeError::Io(io_message(&e)))?,
    };
    let req = Request {
        source,
        is_text: false,
        filename: filename.to_string(),
        mode: "exec".to_string(),
        flags: 0,
        caller_flags: 0,
        dont_inherit: true,
        optimize,
    };
    let (compiled, code) = compile_now(&req, version)?;
    let mut data = match stale_hash {
        // A checked hash-based file stays one (with the new source's hash, keyed with the
        // compiling interpreter's magic number).
        Some((magic, hash)) if magic == compiled.magic => cache::hash_header(magic, true, hash),
        Some(_) => {
            let hash = cache::source_hash(version, compiled.magic, &req.source);
            cache::hash_header(compiled.magic, true, hash)
        }
        None => cache::header(version, compiled.magic, mtime, req.source.len() as u32),
    };
    data.extend_from_slice(&compiled.marshal);
    cache::write(&cache_file, &meta, &data);
    Ok(code)
}

/// `code` with `co_filename` set to `name` throughout, as CPython's importer fixes up a
/// cache file written for the same source under another path.
fn with_filename(code: &Rc<CodeObject>, name: &Rc<str>) -> Rc<CodeObject> {
    if *code.filename == **name {
        return code.clone();
    }
    let mut fixed = (**code).clone();
    fixed.filename = name.clone();
    fixed.consts = code
        .consts
        .iter()
        .map(|c| match c {
            Constant::Code(inner) => Constant::Code(with_filename(inner, name)),
            other => other.clone(),
        })
        .collect();
    Rc::new(fixed)
}
