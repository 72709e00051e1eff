//! The `softspace` flag of a file, which the print statement reads and sets (CPython 2's
//! `PyFile_SoftSpace`): kept in the interpreter for the native standard streams, as a
//! `softspace` attribute on any other file-like object.

use crate::modules::sys::{stream_of, Stream};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

fn native_slot(stream: &Value) -> Option<usize> {
    match stream_of(stream)? {
        Stream::Stdout => Some(0),
        Stream::Stderr => Some(1),
        Stream::Stdin => None,
    }
}

/// The flag's value, cleared.
pub fn take(vm: &mut Vm, stream: &Value) -> PyResult<bool> {
    if let Some(i) = native_slot(stream) {
        return Ok(std::mem::take(&mut vm.py2.softspace[i]));
    }
    let name = vm.intern("softspace");
    let old = match vm.get_attr_opt(stream, &name) {
        Ok(Some(v)) => vm.truthy(&v)?,
        _ => false,
    };
    if old {
        let _ = vm.set_attr(stream, &name, Value::Int(0));
    }
    Ok(old)
}

/// Sets the flag (errors setting an attribute are ignored, as CPython 2 does).
pub fn set(vm: &mut Vm, stream: &Value, on: bool) -> PyResult<()> {
    if let Some(i) = native_slot(stream) {
        vm.py2.softspace[i] = on;
        return Ok(());
    }
    let name = vm.intern("softspace");
    let _ = vm.set_attr(stream, &name, Value::Int(on as i64));
    Ok(())
}

/// Clears the flag of a native stream written to by other means than `print`
/// (`file.write` resets it in CPython 2).
pub fn clear_native(vm: &mut Vm, stream: Stream) {
    match stream {
        Stream::Stdout => vm.py2.softspace[0] = false,
        Stream::Stderr => vm.py2.softspace[1] = false,
        Stream::Stdin => {}
    }
}

/// CPython 2's `Py_FlushLine`, run before an uncaught exception is displayed: ends the
/// line a trailing-comma `print` left open on `sys.stdout` (errors are ignored).
pub fn flush_line(vm: &mut Vm) {
    let Ok(stdout) = vm.sys_stream("stdout") else {
        return;
    };
    if take(vm, &stdout).unwrap_or(false) {
        let newline = vm.new_str("\n");
        let _ = super::text::write_to(vm, &stdout, &newline);
    }
}
