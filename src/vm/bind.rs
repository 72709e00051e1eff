//! Binding call arguments to a Python function's parameters: positional, keyword,
//! defaults, keyword-only, `*args`, `**kwargs`, with the TypeError messages CPython
//! prints (qualified names from 3.10 on).

use super::call::{CO_VARARGS, CO_VARKEYWORDS};
use super::code::Code;
use super::frame::Frame;
use super::{PyResult, Vm};
use crate::object::{Args, Function, ObjRef, Payload, PyCell, Value};
use std::rc::Rc;

/// Code flags of generator-like functions.
pub const CO_GENERATOR: u32 = 0x20;
pub const CO_COROUTINE: u32 = 0x80;
pub const CO_ITERABLE_COROUTINE: u32 = 0x100;
pub const CO_ASYNC_GENERATOR: u32 = 0x200;

impl Vm {
    /// A new frame for calling `func_obj` with `args`, parameters bound.
    pub fn make_frame(&mut self, func_obj: &ObjRef, args: Args<'_>) -> PyResult<Box<Frame>> {
        let Payload::Function(func) = &func_obj.payload else {
            return Err(self.system_error("make_frame on a non-function"));
        };
        let code = func.code.get();
        let mut frame = self.pooled_frame(
            code.clone(),
            func.globals.clone(),
            func.builtins.clone(),
            Value::Null,
        );
        frame.func = Some(func_obj.clone());
        self.bind_arguments(func, &code, &mut frame.fast, args)?;
        // ≤3.10 layouts: cells and free variables are set up before the first instruction.
        for &slot in code.cells_at_start.iter() {
            let initial = code
                .cell_args
                .iter()
                .find(|(c, _)| *c == slot)
                .map(|(_, a)| std::mem::take(&mut frame.fast[*a]))
                .unwrap_or(Value::Null);
            frame.fast[slot] = self.new_cell(initial);
        }
        if !code.cells_at_start.is_empty()
            || code.version.format.code_layout != crate::spec::CodeLayout::Py311
        {
            for (i, &slot) in code.free_slots.iter().enumerate() {
                if let Some(cell) = func.closure.get(i) {
                    frame.fast[slot] = Value::Obj(cell.clone());
                }
            }
        }
        Ok(frame)
    }

    /// The frame of the commonest call, without building `Args`: `func_obj` is a Python
    /// function whose code binds exactly its positional parameters (`Code::plain_argcount`)
    /// and the values from `args_start` to the top of `stack` are that many positional
    /// arguments. They move from the caller's stack into the new frame's locals, and
    /// `stack` is cut back to `drop_from`; the frame keeps `func_obj`. For any other call,
    /// `func_obj` is handed back and nothing changed.
    #[inline]
    pub fn plain_call_frame(
        &mut self,
        func_obj: ObjRef,
        stack: &mut Vec<Value>,
        args_start: usize,
        drop_from: usize,
    ) -> Result<Box<Frame>, ObjRef> {
        let Payload::Function(func) = &func_obj.payload else {
            return Err(func_obj);
        };
        let frame = func.code.with(|code| {
            if code.plain_argcount != Some(stack.len().checked_sub(args_start)?) {
                return None;
            }
            Some(self.started_frame(code, func))
        });
        let Some(mut frame) = frame else {
            return Err(func_obj);
        };
        frame.take_args(stack, args_start);
        stack.truncate(drop_from);
        frame.func = Some(func_obj);
        Ok(frame)
    }

    /// A frame at the start of `code` run by `func`, from the pool when it has one; its
    /// locals are unbound and `func` is not recorded yet.
    #[inline]
    pub(crate) fn started_frame(&mut self, code: &Rc<Code>, func: &Function) -> Box<Frame> {
        match self.spare_frames.pop() {
            Some(mut f) => {
                f.start(code, &func.globals, &func.builtins);
                f
            }
            None => Box::new(Frame::new(
                code.clone(),
                func.globals.clone(),
                func.builtins.clone(),
                Value::Null,
            )),
        }
    }

    /// A frame for `code`: a finished one from the pool when there is one (no allocation).
    pub fn pooled_frame(
        &mut self,
        code: Rc<Code>,
        globals: ObjRef,
        builtins: ObjRef,
        locals: Value,
    ) -> Box<Frame> {
        match self.spare_frames.pop() {
            Some(mut f) => {
                f.reset(code, globals, builtins, locals);
                f
            }
            None => Box::new(Frame::new(code, globals, builtins, locals)),
        }
    }

    /// Returns a finished frame to the pool (its values are dropped now).
    pub fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.spare_frames.len() < 64 {
            f.stack.clear();
            // Unbound in place (each value dropped now, in order): a frame reused for
            // code with as many locals, a recursive call's, has nothing to resize.
            for local in f.fast.iter_mut() {
                *local = Value::Null;
            }
            f.blocks.clear();
            f.locals = Value::Null;
            f.func = None;
            f.kwnames = Value::None;
            f.pending_raise = None;
            f.init_of = Value::Null;
            // `loop_resume` is None already: a generator frame leaves the loop through
            // `Vm::leave_loop_generator` (or `callee_not_entered`), which takes it.
            debug_assert!(f.loop_resume.is_none());
            self.spare_frames.push(f);
        }
    }

    pub fn new_cell(&self, v: Value) -> Value {
        Value::Obj(crate::object::Object::new(
            self.types.cell.clone(),
            Payload::Cell(PyCell::new(v)),
        ))
    }

    fn bind_arguments(
        &mut self,
        func: &Function,
        code: &Code,
        fast: &mut [Value],
        args: Args<'_>,
    ) -> PyResult<()> {
        let co = &code.co;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let flags = co.flags;
        // The common call: exactly the positional parameters, nothing else to bind.
        if args.kwnames.is_empty()
            && args.values.len() == argcount
            && kwonly == 0
            && flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
            && argcount <= fast.len()
        {
            fast[..argcount].clone_from_slice(args.values);
            return Ok(());
        }
        let total_named = argcount + kwonly;
        let pos = args.pos();
        let names = &code.fast_names;
        // Only error paths need the name: computed there, not on every call.
        let version = self.version;
        let fname = || func_name_for_errors(version, func);

        // Positional arguments.
        let n = pos.len().min(argcount);
        fast[..n].clone_from_slice(&pos[..n]);
        let mut slot = total_named;
        if flags & CO_VARARGS != 0 {
            let extra = if pos.len() > argcount {
                pos[argcount..].to_vec()
            } else {
                Vec::new()
            };
            fast[slot] = self.new_tuple(extra);
            slot += 1;
        }
        let kwargs_dict = if flags & CO_VARKEYWORDS != 0 {
            let d = self.new_dict();
            fast[slot] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };

        // Keyword arguments.
        let mut posonly_passed_as_kw: Vec<String> = Vec::new();
        for (name, value) in args.kw() {
            let Some(key) = name.as_str().map(|s| s.as_str()) else {
                let msg =
                    super::messages::keywords_must_be_strings(version.format.major_minor, &co.name);
                return Err(self.type_error(&msg));
            };
            let found = names[posonly..total_named]
                .iter()
                .position(|n| n.payload_str_eq(key))
                .map(|i| i + posonly);
            match found {
                Some(i) => {
                    if !fast[i].is_null() {
                        let msg = super::messages::multiple_values(
                            version.format.major_minor,
                            &fname(),
                            key,
                        );
                        return Err(self.type_error(&msg));
                    }
                    fast[i] = value.clone();
                }
                None => match &kwargs_dict {
                    Some(d) => {
                        if names[..posonly].iter().any(|n| n.payload_str_eq(key)) {
                            // Positional-only names may appear in **kwargs.
                        }
                        self.dict_set(d, name.clone(), value.clone())?;
                    }
                    None => {
                        if names[..posonly].iter().any(|n| n.payload_str_eq(key)) {
                            posonly_passed_as_kw.push(key.to_string());
                            continue;
                        }
                        let mut msg =
                            format!("{}() got an unexpected keyword argument '{key}'", fname());
                        if super::flavour::unexpected_keyword_suggests(version) {
                            let known: Vec<&str> = names[posonly..total_named]
                                .iter()
                                .map(|n| n.as_text())
                                .collect();
                            if let Some(s) = super::suggest::closest(key, &known) {
                                msg.push_str(&format!(". Did you mean '{s}'?"));
                            }
                        }
                        return Err(self.type_error(&msg));
                    }
                },
            }
        }
        if pos.len() > argcount && flags & CO_VARARGS == 0 {
            return Err(self.too_many_positional(func, &fname(), pos.len(), args, fast));
        }
        if !posonly_passed_as_kw.is_empty() {
            return Err(self.type_error(&format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname(),
                posonly_passed_as_kw.join(", ")
            )));
        }

        // Defaults for missing positional parameters.
        if pos.len() < argcount {
            let defaults: Vec<Value> = match func.defaults.get().payload() {
                Some(Payload::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            };
            let first_default = argcount - defaults.len().min(argcount);
            let mut missing = Vec::new();
            for i in pos.len()..argcount {
                if fast[i].is_null() {
                    if i >= first_default {
                        fast[i] = defaults[i - first_default].clone();
                    } else {
                        missing.push(names[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                if super::flavour::python2_builtins(version) {
                    let by_keyword = args
                        .kw()
                        .filter(|(k, _)| {
                            names[..argcount]
                                .iter()
                                .any(|n| k.as_str().is_some_and(|k| n.payload_str_eq(k.as_str())))
                        })
                        .count();
                    let msg = super::messages::py2_argument_count(
                        &co.name,
                        flags & CO_VARARGS != 0 || !defaults.is_empty(),
                        true,
                        first_default,
                        pos.len().min(argcount) + by_keyword,
                    );
                    return Err(self.type_error(&msg));
                }
                return Err(self.missing_arguments(&fname(), &missing, "positional"));
            }
        }
        // Keyword-only defaults.
        if kwonly > 0 {
            let kwdefaults = func.kwdefaults.get();
            let mut missing = Vec::new();
            for i in argcount..total_named {
                if fast[i].is_null() {
                    let default = match &kwdefaults {
                        Value::Obj(d) => self.dict_get(d, &Value::Obj(names[i].clone()))?,
                        _ => None,
                    };
                    match default {
                        Some(v) => fast[i] = v,
                        None => missing.push(names[i].clone()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_arguments(&fname(), &missing, "keyword-only"));
            }
        }
        Ok(())
    }

    fn missing_arguments(&self, fname: &str, missing: &[ObjRef], kind: &str) -> super::PyErr {
        let quoted: Vec<String> = missing
            .iter()
            .map(|n| format!("'{}'", n.as_text()))
            .collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        let plural = if missing.len() == 1 { "" } else { "s" };
        self.type_error(&format!(
            "{fname}() missing {} required {kind} argument{plural}: {list}",
            missing.len()
        ))
    }

    fn too_many_positional(
        &self,
        func: &Function,
        fname: &str,
        given: usize,
        args: Args<'_>,
        fast: &[Value],
    ) -> super::PyErr {
        let code = func.code.get();
        let co = &code.co;
        let argcount = co.argcount as usize;
        let ndefaults = match func.defaults.get().payload() {
            Some(Payload::Tuple(t)) => t.len(),
            _ => 0,
        };
        if super::flavour::python2_builtins(self.version) {
            let msg = super::messages::py2_argument_count(
                &co.name,
                ndefaults > 0,
                false,
                argcount,
                given + args.kwnames.len(),
            );
            return self.type_error(&msg);
        }
        let kwonly_given = (argcount..argcount + co.kwonlyargcount as usize)
            .filter(|&i| !fast[i].is_null())
            .count();
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!(
                "{argcount} positional argument{}",
                if argcount == 1 { "" } else { "s" }
            )
        };
        let was = if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        };
        let given_text = if kwonly_given > 0 {
            format!(
                "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were given",
                if given == 1 { "" } else { "s" },
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{given} {was} given")
        };
        self.type_error(&format!("{fname}() takes {takes} but {given_text}"))
    }
}

/// Helpers on name objects (interned strs).
pub trait NameExt {
    fn payload_str_eq(&self, s: &str) -> bool;
    fn as_text(&self) -> &str;
}

impl NameExt for ObjRef {
    fn payload_str_eq(&self, s: &str) -> bool {
        matches!(&self.payload, Payload::Str(p) if p.as_str() == s)
    }
    fn as_text(&self) -> &str {
        match &self.payload {
            Payload::Str(p) => p.as_str(),
            _ => "",
        }
    }
}

/// How argument errors name a function: its qualified name from 3.10 on, before that
/// the name of the code it runs (which differs after `__code__` was replaced).
fn func_name_for_errors(version: &crate::spec::VersionSpec, func: &Function) -> String {
    if super::flavour::argument_errors_use_qualname(version) {
        func.qualname.get().to_string()
    } else {
        func.code.get().co.name.to_string()
    }
}
