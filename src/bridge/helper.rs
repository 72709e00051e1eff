//! The compile request: a small Python program run by the compiling CPython with `-c`.
//!
//! The source goes on stdin (its bytes, or the UTF-8 of a `str` with lone surrogates as
//! CPython's `surrogatepass` writes them), the rest on the command line: `kind` (`bytes`
//! or `text`), `mode`, `filename`, `flags`, the caller's code flags (whose `__future__`
//! features are inherited unless `dont_inherit`), `dont_inherit` and `optimize`.
//!
//! The answer on stdout is one of
//! - `xpython-bridge-ok MAGIC\n` then `marshal.dumps(code)` (MAGIC: the interpreter's
//!   4-byte `.pyc` magic in hex, for the cache file's header);
//! - `xpython-bridge-error FIELD...\n`: one line of space-separated `name=value` fields
//!   describing the exception `compile()` raised, each value `n` (None), `iDIGITS` (an int)
//!   or `sHEX` (the UTF-8 of a str, hex-encoded). Field names: `type`, `module`, `arg`
//!   (repeated, the exception's args), the SyntaxError fields (`nargs`: how many args,
//!   `msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`) and
//!   `display` (what
//!   `sys.__excepthook__` prints for it without a traceback).
//!
//! Warnings the compiler emits (SyntaxWarning...) go to the interpreter's stderr, which is
//! ours: `python FILE.py` prints them the same way. The program runs on CPython 2.6 to
//! 3.13 alike.

use super::error::{BridgeError, CompileError, Field};
use super::find::Interpreter;
use std::io::Write;
use std::process::{Command, Stdio};

const PROGRAM: &str = r#"
import sys, marshal, binascii
kind, mode, filename = sys.argv[1], sys.argv[2], sys.argv[3]
flags, caller, dont_inherit, optimize = [int(a) for a in sys.argv[4:8]]
inp, out = getattr(sys.stdin, 'buffer', sys.stdin), getattr(sys.stdout, 'buffer', sys.stdout)
src = inp.read()
if kind == 'text':
    if sys.version_info[0] >= 3:
        src = src.decode('utf-8', 'surrogatepass')
    else:
        src = src.decode('utf-8')
text_type = type(''.encode('ascii').decode('ascii'))
bytes_type = type(''.encode('ascii'))
def enc(v):
    if v is None:
        return 'n'
    if isinstance(v, bool):
        return 'i%d' % int(v)
    if isinstance(v, int) or type(v).__name__ == 'long':
        return 'i%d' % v
    if not isinstance(v, bytes_type):
        if not isinstance(v, text_type):
            v = str(v)
        if isinstance(v, text_type):
            if sys.version_info[0] >= 3:
                v = v.encode('utf-8', 'surrogatepass')
            else:
                v = v.encode('utf-8')
    return 's' + binascii.hexlify(v).decode('ascii')
try:
    if not dont_inherit:
        import __future__
        for name in __future__.all_feature_names:
            f = getattr(__future__, name).compiler_flag
            flags |= caller & f
    if sys.version_info >= (3, 2):
        code = compile(src, filename, mode, flags, True, optimize)
    else:
        code = compile(src, filename, mode, flags, True)
    if type(code).__name__ != 'code':
        raise NotImplementedError('compile() made an AST (%s), and xpython has no AST objects' % type(code).__name__)
except Exception:
    e = sys.exc_info()[1]
    fields = [('type', type(e).__name__), ('module', type(e).__module__)]
    if isinstance(e, SyntaxError):
        fields.append(('nargs', len(e.args)))
        for name in ('msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'):
            if hasattr(e, name):
                fields.append((name, getattr(e, name)))
    else:
        for a in e.args:
            fields.append(('arg', a))
    try:
        from StringIO import StringIO
    except ImportError:
        from io import StringIO
    if hasattr(e, '__traceback__'):
        e.__traceback__ = None
    saved, sys.stderr = sys.stderr, StringIO()
    try:
        sys.__excepthook__(type(e), e, None)
        fields.append(('display', sys.stderr.getvalue()))
    finally:
        sys.stderr = saved
    line = ' '.join([n + '=' + enc(v) for n, v in fields])
    out.write(('xpython-bridge-error ' + line + '\n').encode('ascii'))
else:
    try:
        from importlib.util import MAGIC_NUMBER as magic
    except ImportError:
        import imp
        magic = imp.get_magic()
    out.write(('xpython-bridge-ok %s\n' % binascii.hexlify(magic).decode('ascii')).encode('ascii'))
    out.write(marshal.dumps(code))
out.flush()
"#;

/// One compile request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Request {
    /// The source: bytes as given, or the WTF-8 of a `str`.
    pub source: Vec<u8>,
    /// Whether `source` is a `str` (decoded before compiling) rather than bytes.
    pub is_text: bool,
    pub filename: String,
    /// `exec`, `eval` or `single` (anything else: CPython's ValueError).
    pub mode: String,
    pub flags: i64,
    /// `co_flags` of the calling code, whose `__future__` features are inherited.
    pub caller_flags: u32,
    pub dont_inherit: bool,
    pub optimize: i64,
}

/// What a successful compile gives: the interpreter's magic number and the marshalled code.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub magic: [u8; 4],
    pub marshal: Vec<u8>,
}

/// The optimization level a request compiles with: `-1` means the running interpreter's
/// (`-O`, `-OO`, `PYTHONOPTIMIZE`), as in `compile()`.
pub fn effective_optimize(requested: i64) -> i64 {
    if requested < 0 {
        i64::from(crate::flags::current().optimize)
    } else {
        requested
    }
}

/// Runs the compile request on `python`.
pub fn compile(python: &Interpreter, req: &Request) -> Result<Compiled, BridgeError> {
    let who = python.path.display().to_string();
    let mut child = Command::new(&python.path)
        .args(["-E", "-S", "-c", PROGRAM])
        .arg(if req.is_text { "text" } else { "bytes" })
        .arg(&req.mode)
        .arg(&req.filename)
        .arg(req.flags.to_string())
        .arg(req.caller_flags.to_string())
        .arg(if req.dont_inherit { "1" } else { "0" })
        .arg(effective_optimize(req.optimize).to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| {
            BridgeError::Interpreter(format!(
                "cannot run {who}: {}",
                super::error::io_message(&e)
            ))
        })?;
    let stdin = child.stdin.take();
    let source = req.source.clone();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            // A failed write shows as a missing answer below.
            let _ = stdin.write_all(&source);
        }
    });
    let output = child
        .wait_with_output()
        .map_err(|e| BridgeError::Interpreter(format!("{who}: {e}")))?;
    let _ = writer.join();
    parse_answer(&output.stdout).ok_or_else(|| {
        BridgeError::Interpreter(format!(
            "{who} did not answer the compile request ({})",
            match output.status.code() {
                Some(c) => format!("exit status {c}"),
                None => "killed by a signal".to_string(),
            }
        ))
    })?
}

/// Parses the answer; `None` when it is not one.
fn parse_answer(out: &[u8]) -> Option<Result<Compiled, BridgeError>> {
    let nl = out.iter().position(|&b| b == b'\n')?;
    let (line, rest) = (std::str::from_utf8(&out[..nl]).ok()?, &out[nl + 1..]);
    if let Some(hex) = line.strip_prefix("xpython-bridge-ok ") {
        let magic = unhex(hex)?;
        return Some(Ok(Compiled {
            magic: magic.try_into().ok()?,
            marshal: rest.to_vec(),
        }));
    }
    let fields = line.strip_prefix("xpython-bridge-error ")?;
    let mut err = CompileError {
        type_name: String::new(),
        module: String::new(),
        args: Vec::new(),
        syntax: Vec::new(),
        display: String::new(),
    };
    for item in fields.split(' ') {
        let (name, value) = item.split_once('=')?;
        let value = match value.as_bytes().first()? {
            b'n' => Field::None,
            b'i' => Field::Int(value[1..].parse().ok()?),
            b's' => Field::Str(unhex(&value[1..])?),
            _ => return None,
        };
        match name {
            "type" => err.type_name = value.text()?,
            "module" => err.module = value.text()?,
            "display" => err.display = value.text()?,
            "arg" => err.args.push(value),
            _ => err.syntax.push((name.to_string(), value)),
        }
    }
    Some(Err(BridgeError::Compile(err)))
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        let ok = parse_answer(b"xpython-bridge-ok 0d0d0d0a\nDATA")
            .unwrap()
            .unwrap();
        assert_eq!(ok.magic, [13, 13, 13, 10]);
        assert_eq!(ok.marshal, b"DATA");
        let err = parse_answer(
            b"xpython-bridge-error type=s4142 module=s62 msg=s78 lineno=i3 text=n display=s\n",
        );
        let Some(Err(BridgeError::Compile(e))) = err else {
            panic!("not an error answer")
        };
        assert_eq!(e.type_name, "AB");
        assert_eq!(e.syntax_field("lineno"), Some(&Field::Int(3)));
        assert_eq!(e.syntax_field("text"), Some(&Field::None));
        assert!(parse_answer(b"pyenv: python3.6: command not found\n").is_none());
        assert!(parse_answer(b"xpython-bridge-ok zz\n").is_none());
    }
}
