//! `BaseExceptionGroup` and `ExceptionGroup` (3.11+): construction with CPython's
//! checks (and the automatic `BaseExceptionGroup` -> `ExceptionGroup` choice),
//! `message`, `exceptions`, `derive`, `subgroup`, `split`, `__str__`; `add_note`; and the
//! VM helpers behind `except*`: `exception_group_split` (CHECK_EG_MATCH) and
//! `prep_reraise_star` (PREP_RERAISE_STAR).
//!
//! A group's message and member exceptions are kept in `ExceptionData::group`; its
//! `args` are `(message, exceptions)` as given (so the repr shows the original list).

use super::arity::{self, ver};
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) {
    // OSError's old names.
    let builtins = vm.builtins.clone();
    for alias in ["IOError", "EnvironmentError"] {
        let key = Value::Obj(vm.intern(alias));
        let _ = vm.dict_set(&builtins, key, Value::Obj(vm.types.exc.os_error.clone()));
    }
    if ver(vm) < (3, 11) {
        return;
    }
    let x = &vm.types.extra;
    let (beg, eg) = (x.base_exception_group.clone(), x.exception_group.clone());
    vm.add_method(&beg, "__new__", group_new, BuiltinKind::StaticMethod);
    vm.add_method(&beg, "__init__", group_init, BuiltinKind::Method);
    vm.add_method(&beg, "derive", group_derive, BuiltinKind::Method);
    vm.add_method(&beg, "subgroup", group_subgroup, BuiltinKind::Method);
    vm.add_method(&beg, "split", group_split, BuiltinKind::Method);
    vm.add_method(&beg, "__str__", group_str_method, BuiltinKind::Method);
    vm.add_getset(&beg, "message", group_message, None);
    vm.add_getset(&beg, "exceptions", group_exceptions, None);
    let base = vm.types.exc.base_exception.clone();
    vm.add_method(&base, "add_note", exc_add_note, BuiltinKind::Method);
    let builtins = vm.builtins.clone();
    for (name, t) in [("BaseExceptionGroup", beg), ("ExceptionGroup", eg)] {
        let key = Value::Obj(vm.intern(name));
        let _ = vm.dict_set(&builtins, key, Value::Obj(t));
    }
}

/// The (message, members) of an exception group.
pub fn group_parts(v: &Value) -> Option<(Value, Vec<ObjRef>)> {
    match v.payload() {
        Some(Payload::Exception(e)) => e.group.get(),
        _ => None,
    }
}

fn is_group(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if vm.is_subclass_of(o.class(), &vm.types.extra.base_exception_group))
}

fn is_exception_instance(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Exception(_)))
        && vm.is_subclass_of(vm.class_of(v), &vm.types.exc.base_exception)
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn group_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = arity::cls_arg(vm, &args, "BaseExceptionGroup")?;
    let pos = &args.pos()[1..];
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("BaseExceptionGroup.__new__() takes no keyword arguments"));
    }
    if pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (message, excs) = (&pos[0], &pos[1]);
    if message.as_str().is_none() {
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let is_sequence = match excs.payload() {
        Some(Payload::List(_) | Payload::Tuple(_)) => true,
        Some(Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_)) => false,
        _ => {
            let gi = vm.names.__getitem__.clone();
            let c = vm.class_of(excs).clone();
            vm.lookup_in_mro(&c, &gi).is_some()
        }
    };
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    let mut members = Vec::with_capacity(items.len());
    for (i, e) in items.iter().enumerate() {
        if !is_exception_instance(vm, e) {
            return Err(vm.value_error(&format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !vm.is_subclass_of(vm.class_of(e), &vm.types.exc.exception) {
            nested_base = true;
        }
        if let Value::Obj(o) = e {
            members.push(o.clone());
        }
    }
    let x = &vm.types.extra;
    let (beg, eg) = (x.base_exception_group.clone(), x.exception_group.clone());
    let mut cls = cls;
    if Rc::ptr_eq(&cls, &beg) {
        if !nested_base {
            cls = eg;
        }
    } else if Rc::ptr_eq(&cls, &eg) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && vm.is_subclass_of(&cls, &vm.types.exc.exception) {
        let name = vm.type_data(&cls).name();
        return Err(vm.type_error(&format!("Cannot nest BaseExceptions in '{name}'")));
    }
    let obj = vm.new_instance(&cls);
    if let Payload::Exception(d) = &obj.payload {
        d.args
            .replace(vm.new_tuple(vec![message.clone(), excs.clone()]));
        d.group.replace(Some((message.clone(), members)));
    }
    Ok(Value::Obj(obj))
}

/// `BaseExceptionGroup.__init__`: the work is `__new__`'s; keyword arguments are refused.
fn group_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.kwnames.is_empty() {
        let name = args
            .values
            .first()
            .map(|v| vm.type_name(v))
            .unwrap_or_else(|| Rc::from("BaseExceptionGroup"));
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    Ok(Value::None)
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if group_parts(v).is_some() => Ok(v),
        Some(v) => Err(arity::descriptor_mismatch(
            vm,
            "split",
            "BaseExceptionGroup",
            v,
        )),
        None => Err(vm.type_error("descriptor needs a 'BaseExceptionGroup' object")),
    }
}

fn group_message(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args)?;
    Ok(group_parts(v).map(|p| p.0).unwrap_or(Value::None))
}

fn group_exceptions(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args)?;
    let members = group_parts(v).map(|p| p.1).unwrap_or_default();
    Ok(vm.new_tuple(members.into_iter().map(Value::Obj).collect()))
}

/// `str(group)`: `message (N sub-exception[s])`.
pub fn group_str(v: &Value) -> Option<String> {
    let (message, members) = group_parts(v)?;
    let m = message
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let n = members.len();
    Some(format!(
        "{m} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

fn group_str_method(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args)?;
    let s = group_str(v).unwrap_or_default();
    Ok(vm.new_str(&s))
}

/// `derive(excs)`: a `BaseExceptionGroup` (possibly an `ExceptionGroup`) with this
/// group's message.
fn group_derive(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args)?;
    let excs = arity::one_arg(vm, &args, "BaseExceptionGroup", "derive")?;
    let message = group_parts(v).map(|p| p.0).unwrap_or(Value::None);
    let beg = Value::Obj(vm.types.extra.base_exception_group.clone());
    vm.call(&beg, Args::positional(&[message, excs.clone()]))
}

/// What a split selects.
enum Matcher {
    /// Instances of these exception types.
    Types(Value),
    /// Exceptions for which the predicate is true.
    Predicate(Value),
    /// These very exception objects (by identity).
    Ids(Vec<usize>),
}

fn matcher(vm: &mut Vm, condition: &Value) -> PyResult<Matcher> {
    let is_exc_class = |vm: &Vm, v: &Value| matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Type(_)) && vm.is_subclass_of(o, &vm.types.exc.base_exception));
    if is_exc_class(vm, condition) {
        return Ok(Matcher::Types(condition.clone()));
    }
    if let Some(Payload::Tuple(items)) = condition.payload() {
        if items.iter().all(|t| is_exc_class(vm, t)) {
            return Ok(Matcher::Types(condition.clone()));
        }
    }
    if !matches!(condition.payload(), Some(Payload::Type(_)))
        && super::objects::is_callable(vm, condition)
    {
        return Ok(Matcher::Predicate(condition.clone()));
    }
    Err(vm.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
}

fn matches(vm: &mut Vm, m: &Matcher, exc: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => vm.exception_matches(exc, t),
        Matcher::Predicate(f) => {
            let r = vm.call(f, Args::positional(std::slice::from_ref(exc)))?;
            vm.truthy(&r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&(exc.id() as usize))),
    }
}

/// A copy of `orig` holding `members` (through its `derive`), with its notes, traceback,
/// cause and context; `None` for no members.
fn subset(vm: &mut Vm, orig: &Value, members: Vec<Value>) -> PyResult<Value> {
    if members.is_empty() {
        return Ok(Value::None);
    }
    let derive = vm.intern("derive");
    let list = vm.new_list(members);
    let eg = vm.call_method(orig, &derive, &[list])?;
    if !is_group(vm, &eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let notes_key = vm.names.__notes__.clone();
    if let Some(notes) = super::objects::getattr_opt(vm, orig, &notes_key)? {
        if !notes.is_none() && matches!(notes.payload(), Some(Payload::List(_) | Payload::Tuple(_)))
        {
            let items = vm.collect(&notes)?;
            let copy = vm.new_list(items);
            vm.set_attr(&eg, &notes_key, copy)?;
        }
    }
    if let (Some(Payload::Exception(src)), Some(Payload::Exception(dst))) =
        (orig.payload(), eg.payload())
    {
        dst.traceback.replace(src.traceback.get());
        dst.traceback_obj.replace(src.traceback_obj.get());
        dst.context.replace(src.context.get());
        dst.cause.replace(src.cause.get());
        dst.suppress_context.set(true);
    }
    Ok(eg)
}

/// CPython's `exceptiongroup_split_recursive`: (match, rest) of `exc` (rest only when
/// `with_rest`).
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    with_rest: bool,
) -> PyResult<(Value, Value)> {
    if matches(vm, m, exc)? {
        return Ok((exc.clone(), Value::None));
    }
    let Some((_, members)) = group_parts(exc) else {
        return Ok((
            Value::None,
            if with_rest { exc.clone() } else { Value::None },
        ));
    };
    vm.enter_recursion(" in split")?;
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    let mut failed = None;
    for e in members {
        match split_recursive(vm, &Value::Obj(e), m, with_rest) {
            Ok((a, b)) => {
                if !a.is_none() {
                    matched.push(a);
                }
                if with_rest && !b.is_none() {
                    rest.push(b);
                }
            }
            Err(err) => {
                failed = Some(err);
                break;
            }
        }
    }
    vm.depth -= 1;
    if let Some(e) = failed {
        return Err(e);
    }
    let match_eg = subset(vm, exc, matched)?;
    let rest_eg = if with_rest {
        subset(vm, exc, rest)?
    } else {
        Value::None
    };
    Ok((match_eg, rest_eg))
}

fn group_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args)?.clone();
    let cond = arity::one_arg(vm, &args, "BaseExceptionGroup", "split")?;
    let m = matcher(vm, cond)?;
    let (a, b) = split_recursive(vm, &v, &m, true)?;
    Ok(vm.new_tuple(vec![a, b]))
}

fn group_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = this(vm, &args)?.clone();
    let cond = arity::one_arg(vm, &args, "BaseExceptionGroup", "subgroup")?;
    let m = matcher(vm, cond)?;
    Ok(split_recursive(vm, &v, &m, false)?.0)
}

/// `BaseException.add_note(note)` (3.11+): appends to `__notes__`.
fn exc_add_note(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(exc) = args.pos().first().cloned() else {
        return Err(vm.type_error("descriptor 'add_note' needs an argument"));
    };
    let note = arity::one_arg(vm, &args, "BaseException", "add_note")?;
    if note.as_str().is_none() {
        return Err(vm.type_error(&format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let key = vm.names.__notes__.clone();
    let notes = match super::objects::getattr_opt(vm, &exc, &key)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.set_attr(&exc, &key, l.clone())?;
            l
        }
    };
    match notes.payload() {
        Some(Payload::List(l)) => {
            l.with_mut(|l| l.push(note.clone()));
            Ok(Value::None)
        }
        _ => Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
}

impl Vm {
    /// CHECK_EG_MATCH: splits the exception `exc` by the `except*` type(s) `match_type`
    /// into (match, rest) as CPython's `exception_group_match` does: a group is split by
    /// its `split` method; a naked exception that matches is wrapped in a new group (with
    /// its traceback) and one that does not is all rest; None gives (None, None).
    pub fn exception_group_split(
        &mut self,
        exc: &Value,
        match_type: &Value,
    ) -> PyResult<(Value, Value)> {
        self.check_except_star_type(match_type)?;
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        if self.exception_matches(exc, match_type)? {
            if is_group(self, exc) {
                return Ok((exc.clone(), Value::None));
            }
            let wrapped = create_group(self, "", vec![exc.clone()])?;
            if let (Some(Payload::Exception(src)), Some(Payload::Exception(dst))) =
                (exc.payload(), wrapped.payload())
            {
                dst.traceback.replace(src.traceback.get());
                dst.traceback_obj.replace(src.traceback_obj.get());
            }
            return Ok((wrapped, Value::None));
        }
        if is_group(self, exc) {
            let split = self.intern("split");
            let pair = self.call_method(exc, &split, std::slice::from_ref(match_type))?;
            return match pair.payload() {
                Some(Payload::Tuple(t)) if t.len() == 2 => Ok((t[0].clone(), t[1].clone())),
                _ => Err(self.type_error(&format!(
                    "{}.split must return a 2-tuple, got {}",
                    self.type_name(exc),
                    self.type_name(&pair)
                ))),
            };
        }
        // No match: the whole exception is the rest.
        Ok((Value::None, exc.clone()))
    }

    /// The checks CPython makes of an `except*` clause's type(s).
    pub fn check_except_star_type(&mut self, match_type: &Value) -> PyResult<()> {
        let types: Vec<Value> = match match_type.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => vec![match_type.clone()],
        };
        for t in &types {
            let Value::Obj(o) = t else {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            };
            if !matches!(o.payload, Payload::Type(_))
                || !self.is_subclass_of(o, &self.types.exc.base_exception)
            {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            if self.is_subclass_of(o, &self.types.extra.base_exception_group) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        Ok(())
    }

    /// PREP_RERAISE_STAR: what an `except*` statement re-raises, from the exception it
    /// caught (`orig`) and the list of exceptions its handlers raised or re-raised
    /// (`excs`, None for handlers that completed): the re-raised leaves as a subgroup of
    /// `orig`, plus the newly raised exceptions, in a new group when there are several.
    pub fn prep_reraise_star(&mut self, orig: &Value, excs: &Value) -> PyResult<Value> {
        let excs = self.collect(excs)?;
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if !is_group(self, orig) {
            return Ok(excs
                .into_iter()
                .find(|e| !e.is_none())
                .unwrap_or(Value::None));
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs.into_iter().filter(|e| !e.is_none()) {
            if same_metadata(self, &e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let mut reraised_eg = Value::None;
        if !reraised.is_empty() {
            let mut ids = Vec::new();
            for e in &reraised {
                leaf_ids(e, &mut ids);
            }
            reraised_eg = split_recursive(self, orig, &Matcher::Ids(ids), false)?.0;
        }
        if raised.is_empty() {
            return Ok(reraised_eg);
        }
        if !reraised_eg.is_none() {
            raised.push(reraised_eg);
        }
        if raised.len() == 1 {
            return Ok(raised.remove(0));
        }
        create_group(self, "", raised)
    }
}

/// `_PyExc_CreateExceptionGroup(message, excs)`.
fn create_group(vm: &mut Vm, message: &str, excs: Vec<Value>) -> PyResult<Value> {
    let beg = Value::Obj(vm.types.extra.base_exception_group.clone());
    let msg = vm.new_str(message);
    let list = vm.new_list(excs);
    vm.call(&beg, Args::positional(&[msg, list]))
}

/// The identities of the leaf (non-group) exceptions under `e`.
fn leaf_ids(e: &Value, out: &mut Vec<usize>) {
    match group_parts(e) {
        Some((_, members)) => members
            .into_iter()
            .for_each(|m| leaf_ids(&Value::Obj(m), out)),
        None => out.push(e.id() as usize),
    }
}

/// Whether two exceptions share notes, traceback, cause and context (a re-raise of a
/// part of the caught group, rather than a new exception).
fn same_metadata(vm: &mut Vm, a: &Value, b: &Value) -> bool {
    let (Some(Payload::Exception(x)), Some(Payload::Exception(y))) = (a.payload(), b.payload())
    else {
        return false;
    };
    let notes_key = vm.names.__notes__.clone();
    let notes = |v: &Value| {
        v.as_obj()
            .and_then(crate::vm::attr::instance_dict)
            .and_then(|d| match &d.payload {
                Payload::Dict(t) => t.with(|t| {
                    t.iter()
                        .find(|e| matches!(&e.key, Value::Obj(k) if Rc::ptr_eq(k, &notes_key)))
                        .map(|e| e.value.clone())
                }),
                _ => None,
            })
            .unwrap_or(Value::Null)
    };
    let same_tb = x.traceback_obj.get().is(&y.traceback_obj.get())
        && x.traceback.with(|t| t.len()) == y.traceback.with(|t| t.len());
    notes(a).is(&notes(b))
        && same_tb
        && x.cause.get().is(&y.cause.get())
        && x.context.get().is(&y.context.get())
}
