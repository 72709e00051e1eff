//! The `builtins` module and the methods of the builtin types: registration helpers and
//! the core functions. (Breadth grows per type in `crate::builtins`.)

use super::{PyResult, Vm};
use crate::object::{Args, Builtin, BuiltinKind, IntValue, NativeFn, Object, ObjRef, Payload, Value};
use std::io::Write;

impl Vm {
    /// A builtin function object.
    pub fn new_builtin(&self, name: &'static str, func: NativeFn, kind: BuiltinKind, owner: Option<ObjRef>) -> Value {
        Value::Obj(Object::new(
            self.types.builtin_function.clone(),
            Payload::Builtin(Box::new(Builtin { name, func, kind, owner, bound: Value::Null, doc: None })),
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
    pub fn add_method(&mut self, t: &ObjRef, name: &'static str, func: NativeFn, kind: BuiltinKind) {
        let f = self.new_builtin(name, func, kind, Some(t.clone()));
        let key = Value::Obj(self.intern(name));
        let dict = self.type_data(t).dict.clone();
        let _ = self.dict_set(&dict, key, f);
    }

    /// Writes text to standard output (buffered; flushed at exit and before tracebacks).
    pub fn write_stdout(&mut self, s: &str) {
        self.stdout.extend_from_slice(s.as_bytes());
        if self.stdout.len() > 1 << 16 {
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
            ("True", Value::Bool(true)),
            ("False", Value::Bool(false)),
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
        self.add_builtin("print", builtin_print);
        self.add_builtin("len", builtin_len);
        self.add_builtin("repr", builtin_repr);
        self.add_builtin("__build_class__", |vm, args| vm.build_class(args));
        self.add_builtin("isinstance", builtin_isinstance);
        let object = self.types.object.clone();
        self.add_method(&object, "__init__", object_init, BuiltinKind::Method);
        self.add_method(&object, "__new__", object_new, BuiltinKind::StaticMethod);
        let type_ = self.types.type_.clone();
        self.add_method(&type_, "__new__", type_new, BuiltinKind::StaticMethod);
        self.add_method(&type_, "__init__", object_init, BuiltinKind::Method);
        let range = self.types.range.clone();
        self.add_method(&range, "__new__", range_new, BuiltinKind::StaticMethod);
        let str_ = self.types.str_.clone();
        self.add_method(&str_, "split", str_split, BuiltinKind::Method);
        self.add_method(&str_, "__new__", str_new, BuiltinKind::StaticMethod);
        let list = self.types.list.clone();
        self.add_method(&list, "append", list_append, BuiltinKind::Method);
    }

    /// A TypeError for a builtin called with the wrong number of arguments.
    pub fn arg_count_error(&self, name: &str, expected: &str, given: usize) -> super::PyErr {
        self.type_error(&format!("{name}() takes {expected} ({given} given)"))
    }
}

fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    for (k, v) in args.kw() {
        let key = k.as_str().map(|s| s.as_str()).unwrap_or("");
        let text = |vm: &mut Vm, v: &Value| -> PyResult<Option<String>> {
            match v {
                Value::None => Ok(None),
                _ => match v.as_str() {
                    Some(s) => Ok(Some(s.as_str().to_string())),
                    None => Err(vm.type_error(&format!("{key} must be None or a string, not {}", vm.type_name(v)))),
                },
            }
        };
        match key {
            "sep" => sep = text(vm, v)?.unwrap_or_else(|| " ".into()),
            "end" => end = text(vm, v)?.unwrap_or_else(|| "\n".into()),
            "file" | "flush" => {}
            _ => return Err(vm.type_error(&format!("'{key}' is an invalid keyword argument for print()"))),
        }
    }
    let mut out = String::new();
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(v)?);
    }
    out.push_str(&end);
    vm.write_stdout(&out);
    Ok(Value::None)
}

fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [v] => Ok(Value::Int(vm.len(v)? as i64)),
        p => Err(vm.type_error(&format!("len() takes exactly one argument ({} given)", p.len()))),
    }
}

fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [v] => {
            let s = vm.repr(v)?;
            Ok(vm.new_str(&s))
        }
        p => Err(vm.type_error(&format!("repr() takes exactly one argument ({} given)", p.len()))),
    }
}

fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [obj, cls] = args.pos() else {
        return Err(vm.type_error("isinstance expected 2 arguments"));
    };
    let classes = match cls.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => vec![cls.clone()],
    };
    let oc = vm.class_of(obj).clone();
    for c in classes {
        if let Value::Obj(c) = &c {
            if vm.is_subclass_of(&oc, c) {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}

fn object_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(Value::Obj(cls)) if matches!(cls.payload, Payload::Type(_)) => Ok(Value::Obj(vm.new_instance(cls))),
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn type_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    match pos {
        [_, obj] => Ok(Value::Obj(vm.class_of(obj).clone())),
        [Value::Obj(meta), name, bases, Value::Obj(ns)] => {
            let name = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            let bases: Vec<ObjRef> = vm.collect(bases)?.into_iter().filter_map(|b| b.as_obj().cloned()).collect();
            Ok(Value::Obj(vm.new_class(meta, &name, bases, ns)?))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    let ints: Vec<i64> = pos
        .iter()
        .map(|v| match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => Err(vm.type_error(&format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        })
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => {
            return Err(vm.type_error(&format!("range expected at most 3 arguments, got {}", ints.len())));
        }
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let r = [IntValue::Small(start), IntValue::Small(stop), IntValue::Small(step)];
    Ok(Value::Obj(Object::new(vm.types.range.clone(), Payload::Range(Box::new(r)))))
}

fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match &args.pos()[1..] {
        [] => Ok(vm.new_str("")),
        [v] => {
            let s = vm.str(v)?;
            Ok(vm.new_str(&s))
        }
        _ => Err(vm.type_error("str() takes at most 3 arguments")),
    }
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(s) = pos.first().and_then(|v| v.as_str()) else {
        return Err(vm.type_error("descriptor 'split' requires a 'str' object"));
    };
    let text = s.as_str().to_string();
    let parts: Vec<Value> = match pos.get(1) {
        None | Some(Value::None) => text.split_whitespace().map(|p| vm.new_str(p)).collect(),
        Some(sep) => {
            let sep = sep.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            text.split(sep.as_str()).map(|p| vm.new_str(p)).collect()
        }
    };
    Ok(vm.new_list(parts))
}

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [Value::Obj(l), v] => match &l.payload {
            Payload::List(items) => {
                items.with_mut(|items| items.push(v.clone()));
                Ok(Value::None)
            }
            _ => Err(vm.type_error("descriptor 'append' requires a 'list' object")),
        },
        p => Err(vm.type_error(&format!("list.append() takes exactly one argument ({} given)", p.len().saturating_sub(1)))),
    }
}

