//! What `python FILE.py` prints when the main script does not compile.
//!
//! The bridge compiles with `compile()`, which reads source the way imports do. CPython's
//! main script goes through its file parser instead, whose reports differ for errors at
//! the end of the input (an unclosed bracket: the line after the last) and for encoding
//! problems (`Non-UTF-8 code starting with ...`). So once `compile()` has failed, the
//! CPython is asked to run the script itself, with a guard that makes it exit at once
//! (`os._exit`) should the script compile after all — the guard is a `sitecustomize`
//! module in a temporary directory on `PYTHONPATH`, which sets a trace function that
//! fires when the `__main__` module's code starts, before any of it runs. Its report is
//! used only when CPython exits with status 1 and says something.
//!
//! Not attempted (the `compile()` report stands) when the script's directory, which comes
//! first on `sys.path`, has a `sitecustomize` or `usercustomize` of its own: the guard
//! would not be imported.

use super::find::Interpreter;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const GUARD: &str = r#"import os, sys
def _xpython_guard(frame, event, arg):
    if event == 'call' and frame.f_globals.get('__name__') == '__main__':
        os._exit(97)
    return None
sys.settrace(_xpython_guard)
"#;

/// CPython's report for the main script `script` (the path as the user gave it), which
/// `compile()` has refused; `None` when it cannot be had safely.
pub fn main_script_error(python: &Interpreter, script: &str) -> Option<String> {
    let dir = match Path::new(script).parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let shadowed = std::fs::read_dir(&dir).ok()?.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        name.starts_with("sitecustomize") || name.starts_with("usercustomize")
    });
    if shadowed {
        return None;
    }
    let guard_dir = std::env::temp_dir().join(format!("xpython-guard-{}", std::process::id()));
    std::fs::create_dir_all(&guard_dir).ok()?;
    let result = (|| {
        std::fs::write(guard_dir.join("sitecustomize.py"), GUARD).ok()?;
        let out = Command::new(&python.path)
            .arg("-B")
            .arg(script)
            .env("PYTHONPATH", &guard_dir)
            .env_remove("PYTHONINSPECT")
            .env_remove("PYTHONSTARTUP")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code() == Some(1) && !text.trim().is_empty()).then_some(text)
    })();
    let _ = std::fs::remove_dir_all(&guard_dir);
    result
}
