//! IMPORT_NAME, IMPORT_FROM and IMPORT_STAR (3.12+: the IMPORT_STAR intrinsic); the
//! machinery is in `crate::vm::import`.

use crate::tri;
use crate::vm::eval::{Exec, Flow};

impl Exec<'_> {
    /// `(level, fromlist -- module)`: `__import__(co_names[i], globals, locals, fromlist,
    /// level)`.
    pub fn import_name(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let fromlist = self.frame.pop();
        let level = self.frame.pop();
        let builtins = self.frame.builtins.clone();
        let globals = self.frame.globals.clone();
        let locals = self.frame.locals.clone();
        let r = self
            .vm
            .import_name_call(&builtins, &name, &globals, &locals, fromlist, level);
        self.push_result(r)
    }

    /// `(module -- module, value)`: `from module import co_names[i]`.
    pub fn import_from(&mut self, i: u32) -> Flow {
        let name = self.name(i);
        let module = self.frame.top().clone();
        let r = self.vm.import_from(&module, &name);
        self.push_result(r)
    }

    /// `(module --)`: `from module import *` into the frame's locals.
    pub fn import_star(&mut self, _: u32) -> Flow {
        let module = self.frame.pop();
        let locals = self.frame.locals.clone();
        tri!(self.vm.import_star(&locals, &module));
        Flow::Next
    }
}
