//! What can go wrong when asking a CPython to compile: no interpreter of the wanted version,
//! an interpreter that does not answer, an I/O problem, or the source itself not compiling.
//!
//! A [`CompileError`] is the exception the compiling CPython raised (SyntaxError,
//! IndentationError, ValueError for null bytes...), carried as its class name and fields so
//! that the VM can raise the same exception, plus CPython's own rendering of it (what
//! `python FILE.py` prints for a source that does not compile).

use std::fmt;

/// A field value of the exception a compiling CPython raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    None,
    Int(i64),
    /// Text, as the generalized UTF-8 (WTF-8) of the `str`: lone surrogates survive.
    Str(Vec<u8>),
}

impl Field {
    /// The text of a `Str` field, lossily; `None` for other kinds.
    pub fn text(&self) -> Option<String> {
        match self {
            Field::Str(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        }
    }
}

/// The exception raised by CPython's `compile()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The exception's class name (`SyntaxError`, `IndentationError`, `TabError`,
    /// `ValueError`...).
    pub type_name: String,
    /// The module of that class (`builtins`, or `exceptions` in 2.x).
    pub module: String,
    /// `args` of the exception (for all but syntax errors, whose fields are below).
    pub args: Vec<Field>,
    /// SyntaxError's fields by name (`msg`, `filename`, `lineno`, `offset`, `text`, and
    /// `end_lineno`/`end_offset` from 3.10); empty for other exceptions.
    pub syntax: Vec<(String, Field)>,
    /// What CPython prints for the exception without a traceback (its
    /// `sys.__excepthook__` output), e.g. the `File "x.py", line 1` block and caret.
    pub display: String,
}

impl CompileError {
    /// Whether the exception is a SyntaxError (or a subclass: the `msg` field is present).
    pub fn is_syntax_error(&self) -> bool {
        !self.syntax.is_empty()
    }

    /// A syntax error field by name.
    pub fn syntax_field(&self, name: &str) -> Option<&Field> {
        self.syntax.iter().find(|(n, _)| n == name).map(|(_, f)| f)
    }

    /// The last line of the display: `SyntaxError: invalid syntax`.
    pub fn last_line(&self) -> &str {
        self.display
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or(&self.type_name)
    }
}

/// Why compiling through a CPython failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BridgeError {
    /// No CPython of the wanted version could be found; the message says which were.
    NoInterpreter(String),
    /// The interpreter could not be started or did not answer as expected.
    Interpreter(String),
    /// Reading the source failed.
    Io(String),
    /// The source does not compile: the exception CPython raised.
    Compile(CompileError),
    /// The compiled code came back in a form xpython cannot use.
    Unsupported(String),
}

impl fmt::Display for BridgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BridgeError::NoInterpreter(m)
            | BridgeError::Interpreter(m)
            | BridgeError::Io(m)
            | BridgeError::Unsupported(m) => f.write_str(m),
            BridgeError::Compile(e) => f.write_str(e.last_line()),
        }
    }
}

impl std::error::Error for BridgeError {}

/// An I/O error's message without Rust's " (os error N)" suffix: "No such file or directory".
pub fn io_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
