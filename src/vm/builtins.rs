//! The `builtins` module: its constants and types, and the helpers that register builtin
//! functions and methods (implemented per type in `crate::builtins`).

use super::Vm;
use crate::object::Truth;
use crate::object::{Builtin, BuiltinKind, NativeFn, ObjRef, Object, Payload, Value};
use std::io::Write;

impl Vm {
    /// A builtin function object.
    pub fn new_builtin(
        &self,
        name: &'static str,
        func: NativeFn,
        kind: BuiltinKind,
        owner: Option<ObjRef>,
    ) -> Value {
        let class =
            crate::builtins::extra_types::builtin_class(self, name, kind, owner.as_ref(), false);
        Value::Obj(Object::new(
            class,
            Payload::Builtin(Box::new(Builtin {
                name,
                func,
                kind,
                owner,
                bound: Value::Null,
                doc: None,
            })),
        ))
    }

    /// Adds a function to the builtins module.
    pub fn add_builtin(&mut self, name: &'static str, func: NativeFn) {
        let f = self.new_builtin(name, func, BuiltinKind::Function, None);
        let key = Value::Obj(self.intern(name));
        let builtins = self.builtins.clone();
        let _ = self.dict_set(&builtins, key, f);
    }

    /// Adds a method (or class/static method) to a builtin type.
    pub fn add_method(
        &mut self,
        t: &ObjRef,
        name: &'static str,
        func: NativeFn,
        kind: BuiltinKind,
    ) {
        let f = self.new_builtin(name, func, kind, Some(t.clone()));
        let key = Value::Obj(self.intern(name));
        let dict = self.type_data(t).dict.clone();
        let _ = self.dict_set(&dict, key, f);
    }

    /// Adds a computed attribute (a property whose getter and setter are builtins).
    pub fn add_getset(
        &mut self,
        t: &ObjRef,
        name: &'static str,
        get: NativeFn,
        set: Option<NativeFn>,
    ) {
        let fget = self.new_builtin(name, get, BuiltinKind::Function, Some(t.clone()));
        let fset = match set {
            Some(f) => self.new_builtin(name, f, BuiltinKind::Function, Some(t.clone())),
            None => Value::None,
        };
        let prop_name = Value::Obj(self.intern(name));
        let prop = Object::new(
            self.types.extra.getset_descriptor.clone(),
            Payload::Property(Box::new([
                crate::object::PyCell::new(fget),
                crate::object::PyCell::new(fset),
                crate::object::PyCell::new(Value::None),
                crate::object::PyCell::new(Value::None),
                crate::object::PyCell::new(prop_name),
            ])),
        );
        let key = Value::Obj(self.intern(name));
        let dict = self.type_data(t).dict.clone();
        let _ = self.dict_set(&dict, key, Value::Obj(prop));
    }

    /// Writes text to standard output (buffered, line-buffered to a terminal, written
    /// through with `-u`; flushed at exit and before tracebacks).
    pub fn write_stdout(&mut self, s: &str) {
        self.stdout.extend_from_slice(s.as_bytes());
        if self.stdout_unbuffered
            || self.stdout.len() > 1 << 16
            || (self.stdout_line_buffered && s.contains('\n'))
        {
            self.flush_stdout();
        }
    }

    pub fn flush_stdout(&mut self) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&self.stdout);
        let _ = out.flush();
        self.stdout.clear();
    }

    /// Fills the builtins module and the builtin types' methods.
    pub fn init_builtins(&mut self) {
        let t = &self.types;
        let entries: Vec<(&'static str, Value)> = vec![
            ("None", Value::None),
            ("True", Value::Bool(Truth::True)),
            ("False", Value::Bool(Truth::False)),
            ("Ellipsis", self.singletons.ellipsis.clone()),
            ("NotImplemented", self.singletons.not_implemented.clone()),
            ("object", Value::Obj(t.object.clone())),
            ("type", Value::Obj(t.type_.clone())),
            ("int", Value::Obj(t.int.clone())),
            ("bool", Value::Obj(t.bool_.clone())),
            ("float", Value::Obj(t.float.clone())),
            ("complex", Value::Obj(t.complex.clone())),
            ("str", Value::Obj(t.str_.clone())),
            ("bytes", Value::Obj(t.bytes.clone())),
            ("bytearray", Value::Obj(t.bytearray.clone())),
            ("tuple", Value::Obj(t.tuple.clone())),
            ("list", Value::Obj(t.list.clone())),
            ("dict", Value::Obj(t.dict.clone())),
            ("set", Value::Obj(t.set.clone())),
            ("frozenset", Value::Obj(t.frozenset.clone())),
            ("range", Value::Obj(t.range.clone())),
            ("slice", Value::Obj(t.slice.clone())),
            ("property", Value::Obj(t.property.clone())),
            ("classmethod", Value::Obj(t.classmethod.clone())),
            ("staticmethod", Value::Obj(t.staticmethod.clone())),
            ("super", Value::Obj(t.super_.clone())),
        ];
        let mut all: Vec<(&'static str, Value)> = entries;
        for (name, cls) in self.types.exc.all.clone() {
            all.push((name, Value::Obj(cls)));
        }
        let builtins = self.builtins.clone();
        for (name, v) in all {
            let key = Value::Obj(self.intern(name));
            let _ = self.dict_set(&builtins, key, v);
        }
        crate::builtins::init_all(self);
        if super::flavour::python2_builtins(self.version) {
            crate::builtins::py2::install(self);
        }
        super::import::init(self);
    }

    /// A TypeError for a builtin called with the wrong number of arguments.
    pub fn arg_count_error(&self, name: &str, expected: &str, given: usize) -> super::PyErr {
        self.type_error(&format!("{name}() takes {expected} ({given} given)"))
    }
}
