//! Exceptions at run time: matching `except` clauses, creating an exception from what
//! `raise` was given, chaining (`__context__`/`__cause__`), the currently handled
//! exception, and the last line of an uncaught exception's traceback (`tb_format` prints
//! the rest).

use super::{PyResult, Vm};
use crate::object::{Args, ObjRef, Payload, Value};
use std::rc::Rc;

impl Vm {
    /// `OSError(errno, strerror[, filename])` for a failed system call: the errno picks
    /// the subclass (FileNotFoundError...), as CPython's constructor does.
    pub fn os_error(&mut self, e: &std::io::Error, filename: Option<Value>) -> super::PyErr {
        let errno = e.raw_os_error().unwrap_or(0) as i64;
        let text = e.to_string();
        let strerror = match text.find(" (os error") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let mut args = vec![Value::Int(errno), self.new_str(&strerror)];
        args.extend(filename);
        let class = Value::Obj(self.types.exc.os_error.clone());
        match self.call(&class, Args::positional(&args)) {
            Ok(Value::Obj(o)) => super::PyErr(o),
            Ok(_) => self.system_error("OSError() did not make an exception"),
            Err(e) => e,
        }
    }

    /// `os_error` for a raw errno value.
    pub fn os_error_errno(&mut self, errno: i32) -> super::PyErr {
        self.os_error(&std::io::Error::from_raw_os_error(errno), None)
    }

    /// `os_error` for the calling thread's last errno.
    pub fn last_os_error(&mut self) -> super::PyErr {
        self.os_error(&std::io::Error::last_os_error(), None)
    }

    /// Whether exception (class or instance) `exc` matches `except` target `target`
    /// (a class or a tuple of classes).
    pub fn exception_matches(&mut self, exc: &Value, target: &Value) -> PyResult<bool> {
        let exc_class = match exc.payload() {
            Some(Payload::Type(_)) => exc.as_obj().cloned(),
            Some(_) => Some(self.class_of(exc).clone()),
            None => None,
        };
        let Some(exc_class) = exc_class else {
            return Ok(false);
        };
        match target.payload() {
            Some(Payload::Tuple(items)) => {
                for t in items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Payload::Type(_)) => {
                let t = target
                    .as_obj()
                    .cloned()
                    .unwrap_or_else(|| exc_class.clone());
                if !self.is_subclass_of(&t, &self.types.exc.base_exception.clone()) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.is_subclass_of(&exc_class, &t))
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Whether `v` is a class deriving from BaseException.
    pub fn is_exception_class(&mut self, v: &Value) -> bool {
        match (v.payload(), v.as_obj()) {
            (Some(Payload::Type(_)), Some(cls)) => {
                let base = self.types.exc.base_exception.clone();
                self.is_subclass_of(cls, &base)
            }
            _ => false,
        }
    }

    /// The exception instance `raise X` raises: X itself, or X() for a class.
    pub fn make_exception(&mut self, v: &Value) -> PyResult<ObjRef> {
        match v.payload() {
            Some(Payload::Type(_)) => {
                let cls = v
                    .as_obj()
                    .cloned()
                    .unwrap_or_else(|| self.types.exc.type_error.clone());
                if !self.is_subclass_of(&cls, &self.types.exc.base_exception.clone()) {
                    return Err(self.type_error("exceptions must derive from BaseException"));
                }
                let inst = self.call(v, Args::positional(&[]))?;
                match inst {
                    Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => Ok(o),
                    other => {
                        let r = self.repr(v)?;
                        Err(self.type_error(&format!(
                            "calling {r} should have returned an instance of BaseException, not {}",
                            self.type_name(&other)
                        )))
                    }
                }
            }
            Some(Payload::Exception(_)) => Ok(v
                .as_obj()
                .cloned()
                .unwrap_or_else(|| self.types.exc.type_error.clone())),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// Sets `exc.__context__` to the exception being handled (implicit chaining),
    /// avoiding cycles as CPython does.
    pub fn chain_context(&mut self, exc: &ObjRef) {
        let handled = self.handled.clone();
        let Value::Obj(ctx) = handled else { return };
        if Rc::ptr_eq(&ctx, exc) {
            return;
        }
        // Break a cycle: if exc is already in ctx's context chain, cut it there.
        let mut o = ctx.clone();
        while let Payload::Exception(d) = &o.payload {
            let Value::Obj(n) = d.context.get() else {
                break;
            };
            if Rc::ptr_eq(&n, exc) {
                d.context.replace(Value::None);
                break;
            }
            o = n;
        }
        if let Payload::Exception(d) = &exc.payload {
            d.context.replace(Value::Obj(ctx));
        }
    }

    /// `TypeName: message` (or just `TypeName`), as the last traceback line shows it.
    pub fn exception_last_line(&mut self, exc: &ObjRef) -> String {
        let v = Value::Obj(exc.clone());
        let class_ = exc.class().clone();
        let name = if super::flavour::traceback_uses_qualname(self.version) {
            self.type_data(&class_).qualname.get().to_string()
        } else {
            self.type_data(&class_).name().to_string()
        };
        let module = self.type_module(&class_);
        let omit_main = super::flavour::traceback_omits_main_module(self.version);
        let full = match module.as_deref() {
            Some("builtins") | Some("exceptions") | None => name,
            Some("__main__") if omit_main => name,
            Some(m) => format!("{m}.{name}"),
        };
        let msg = self
            .str(&v)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        if msg.is_empty() {
            full
        } else {
            format!("{full}: {msg}")
        }
    }
}
