//! The Python 2 `print` statement: PRINT_ITEM, PRINT_NEWLINE and their `>>file` forms,
//! with the file's `softspace` flag deciding whether a space goes before the next item
//! (CPython 2's `PyFile_SoftSpace` rules: an item ending in a whitespace character other
//! than a space leaves the flag clear, so `print "a\n", "b"` writes no space before `b`).

use crate::object::Value;
use crate::tri;
use crate::vm::eval::{Exec, Flow};
use crate::vm::{PyResult, Vm};

impl Exec<'_> {
    /// `print item,` to `sys.stdout`.
    pub fn print_item(&mut self, _: u32) -> Flow {
        let item = self.frame.pop();
        let stream = tri!(sys_stdout(self.vm));
        let r = print_one(self.vm, &stream, &item);
        self.unit(r)
    }

    /// `print >>file, item,`: the file on top, the item below it.
    pub fn print_item_to(&mut self, _: u32) -> Flow {
        let stream = self.frame.pop();
        let item = self.frame.pop();
        let stream = if stream.is_none() {
            tri!(sys_stdout(self.vm))
        } else {
            stream
        };
        let r = print_one(self.vm, &stream, &item);
        self.unit(r)
    }

    /// The newline that ends a `print` statement.
    pub fn print_newline(&mut self, _: u32) -> Flow {
        let stream = tri!(sys_stdout(self.vm));
        let r = print_end(self.vm, &stream);
        self.unit(r)
    }

    /// The newline of `print >>file`: the file on top.
    pub fn print_newline_to(&mut self, _: u32) -> Flow {
        let stream = self.frame.pop();
        let stream = if stream.is_none() {
            tri!(sys_stdout(self.vm))
        } else {
            stream
        };
        let r = print_end(self.vm, &stream);
        self.unit(r)
    }
}

/// The current `sys.stdout`, or CPython 2's "lost sys.stdout" RuntimeError.
fn sys_stdout(vm: &mut Vm) -> PyResult<Value> {
    let sys = crate::modules::sys::module(vm)?;
    let name = vm.intern("stdout");
    match vm.get_attr_opt(&Value::Obj(sys), &name)? {
        Some(v) if !v.is_none() => Ok(v),
        _ => {
            let class = vm.types.exc.runtime_error.clone();
            Err(vm.new_exception(&class, "lost sys.stdout"))
        }
    }
}

/// Writes one item: a space first when the stream's softspace is set, then `str(item)`;
/// softspace is set afterwards unless the text ends in whitespace other than a space.
fn print_one(vm: &mut Vm, stream: &Value, item: &Value) -> PyResult<()> {
    if crate::builtins::py2::softspace::take(vm, stream)? {
        let space = Value::Obj(vm.intern(" "));
        crate::builtins::py2::text::write_to(vm, stream, &space)?;
    }
    let text = crate::builtins::py2::text::print_form(vm, item)?;
    crate::builtins::py2::text::write_to(vm, stream, &text)?;
    let soft = match item.as_str() {
        Some(s) => match s.as_str().chars().last() {
            Some(c) => c == ' ' || !(c.is_whitespace() || c == '\u{0b}'),
            None => true,
        },
        None => true,
    };
    crate::builtins::py2::softspace::set(vm, stream, soft)
}

/// Ends a print statement: a newline, and softspace cleared.
fn print_end(vm: &mut Vm, stream: &Value) -> PyResult<()> {
    let nl = Value::Obj(vm.intern("\n"));
    crate::builtins::py2::text::write_to(vm, stream, &nl)?;
    crate::builtins::py2::softspace::set(vm, stream, false)
}
