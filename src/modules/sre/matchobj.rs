//! Match objects (`re.Match`, 3.6's `_sre.SRE_Match`), Scanner objects (`scanner()`, the
//! iterator behind `finditer`), and what `sub` does with its replacement: a callable, a
//! literal, or a template (`re._subx` up to 3.11, `_sre.template` objects from 3.12).

use super::ops::{Matches, Purpose, Regs};
use super::pattern::{self, PatternData};
use super::subject::{Subject, Units};
use super::{engine_error, types, version};
use crate::object::{Args, NativeFn, Object, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// A successful match.
pub struct MatchData {
    pub pattern: Value,
    pub subject: Rc<Subject>,
    pub regs: Regs,
    pub pos: usize,
    pub endpos: usize,
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("group", group),
    ("groups", |vm, a| groups_or_dict(vm, a, false)),
    ("groupdict", |vm, a| groups_or_dict(vm, a, true)),
    ("start", |vm, a| position(vm, a, "start", 0)),
    ("end", |vm, a| position(vm, a, "end", 1)),
    ("span", |vm, a| position(vm, a, "span", 2)),
    ("expand", expand),
    ("__getitem__", getitem),
    ("__repr__", match_repr),
    ("__copy__", |vm, a| copy_self(vm, a, "copy")),
    ("__deepcopy__", |vm, a| copy_self(vm, a, "deepcopy")),
];

pub const GETTERS: &[(&str, NativeFn)] = &[
    ("string", |vm, a| Ok(data(vm, &a)?.subject.value.clone())),
    ("re", |vm, a| Ok(data(vm, &a)?.pattern.clone())),
    ("pos", |vm, a| Ok(Value::Int(data(vm, &a)?.pos as i64))),
    ("endpos", |vm, a| {
        Ok(Value::Int(data(vm, &a)?.endpos as i64))
    }),
    ("lastindex", |vm, a| {
        let li = data(vm, &a)?.regs.lastindex;
        Ok(if li < 0 {
            Value::None
        } else {
            Value::Int(li as i64)
        })
    }),
    ("lastgroup", lastgroup),
    ("regs", regs),
];

pub const SCANNER_METHODS: &[(&str, NativeFn)] = &[
    ("match", |vm, a| scan(vm, a, false)),
    ("search", |vm, a| scan(vm, a, true)),
];

fn copy_self(vm: &mut Vm, args: Args<'_>, how: &str) -> PyResult<Value> {
    data(vm, &args)?;
    if !version(vm).copyable() {
        return Err(vm.type_error(&format!("cannot {how} this match object")));
    }
    Ok(args.values[0].clone())
}

fn data<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a MatchData> {
    match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(b)) => b
            .downcast_ref::<MatchData>()
            .ok_or_else(|| vm.type_error("a Match object is required")),
        _ => Err(vm.type_error("a Match object is required")),
    }
}

/// A new Match object.
pub fn new_match(
    vm: &mut Vm,
    pattern: &Value,
    subject: &Rc<Subject>,
    regs: Regs,
    pos: usize,
    endpos: usize,
) -> PyResult<Value> {
    let t = types(vm)?;
    Ok(Value::Obj(Object::new(
        t.match_,
        Payload::Other(Box::new(MatchData {
            pattern: pattern.clone(),
            subject: subject.clone(),
            regs,
            pos,
            endpos,
        })),
    )))
}

/// The group number a `group()`-style argument names, or IndexError.
fn group_index(vm: &mut Vm, m: &MatchData, g: &Value) -> PyResult<usize> {
    let groups = m.regs.spans.len();
    let no_such = |vm: &Vm| vm.new_exception(&vm.types.exc.index_error.clone(), "no such group");
    if let Value::Int(i) = g {
        return if *i >= 0 && (*i as usize) < groups {
            Ok(*i as usize)
        } else {
            Err(no_such(vm))
        };
    }
    if matches!(g, Value::Bool(_)) || vm.index_value(g).ok().flatten().is_some() {
        if let Some(i) = vm.index_value(g)? {
            if i >= 0 && (i as usize) < groups {
                return Ok(i as usize);
            }
        }
        return Err(no_such(vm));
    }
    let p = pattern::of(vm, &m.pattern)?;
    let gi = p.groupindex.clone();
    if let Some(Payload::Dict(_)) = gi.payload() {
        if let Value::Obj(d) = &gi {
            if let Ok(Some(v)) = vm.dict_get(d, g) {
                if let Some(i) = vm.index_value(&v)? {
                    if i >= 0 && (i as usize) < groups {
                        return Ok(i as usize);
                    }
                }
            }
        }
    }
    Err(no_such(vm))
}

fn group_value(vm: &Vm, m: &MatchData, g: usize, default: &Value) -> Value {
    match m.regs.span(g) {
        Some((s, e)) => m.subject.slice(vm, s, e),
        None => default.clone(),
    }
}

fn group(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = data(vm, &args)?;
    crate::builtins::arity::no_kwargs(vm, &args, "group")?;
    let rest = &args.pos()[1..];
    match rest {
        [] => Ok(group_value(vm, m, 0, &Value::None)),
        [g] => {
            let i = group_index(vm, m, g)?;
            Ok(group_value(vm, m, i, &Value::None))
        }
        many => {
            let mut out = Vec::with_capacity(many.len());
            for g in many {
                let i = group_index(vm, m, g)?;
                out.push(group_value(vm, m, i, &Value::None));
            }
            Ok(vm.new_tuple(out))
        }
    }
}

fn getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = data(vm, &args)?;
    let Some(g) = args.pos().get(1) else {
        return Err(vm.type_error("__getitem__ expected 1 argument"));
    };
    let i = group_index(vm, m, g)?;
    Ok(group_value(vm, m, i, &Value::None))
}

fn groups_or_dict(vm: &mut Vm, args: Args<'_>, dict: bool) -> PyResult<Value> {
    let m = data(vm, &args)?;
    let name = if dict { "groupdict" } else { "groups" };
    let b = crate::builtins::arity::bind_kw(
        vm,
        name,
        args.pos().get(1..).unwrap_or(&[]),
        &args,
        &["default"],
        0,
    )?;
    let default = b[0].clone().unwrap_or(Value::None);
    if !dict {
        let items = (1..m.regs.spans.len())
            .map(|g| group_value(vm, m, g, &default))
            .collect();
        return Ok(vm.new_tuple(items));
    }
    let out = vm.new_dict();
    let gi = pattern::of(vm, &m.pattern)?.groupindex.clone();
    let items: Vec<(Value, Value)> = match gi.payload() {
        Some(Payload::Dict(d)) => d.with(|d| {
            d.iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect()
        }),
        _ => Vec::new(),
    };
    for (k, _) in items {
        let i = group_index(vm, m, &k)?;
        let v = group_value(vm, m, i, &default);
        vm.dict_set(&out, k, v)?;
    }
    Ok(Value::Obj(out))
}

/// start (0), end (1) or span (2).
fn position(vm: &mut Vm, args: Args<'_>, name: &str, which: u8) -> PyResult<Value> {
    let m = data(vm, &args)?;
    crate::builtins::arity::no_kwargs(vm, &args, name)?;
    let g = match &args.pos()[1..] {
        [] => 0,
        [g] => group_index(vm, m, g)?,
        more => {
            return Err(vm.type_error(&format!(
                "{name} expected at most 1 argument, got {}",
                more.len()
            )))
        }
    };
    let (s, e) = m.regs.spans[g];
    Ok(match which {
        0 => Value::Int(s as i64),
        1 => Value::Int(e as i64),
        _ => vm.new_tuple(vec![Value::Int(s as i64), Value::Int(e as i64)]),
    })
}

fn regs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = data(vm, &args)?;
    let items = m
        .regs
        .spans
        .iter()
        .map(|(s, e)| vm.new_tuple(vec![Value::Int(*s as i64), Value::Int(*e as i64)]))
        .collect();
    Ok(vm.new_tuple(items))
}

fn lastgroup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = data(vm, &args)?;
    if m.regs.lastindex < 0 {
        return Ok(Value::None);
    }
    let ig = pattern::of(vm, &m.pattern)?.indexgroup.clone();
    let li = m.regs.lastindex as usize;
    Ok(match ig.payload() {
        Some(Payload::Tuple(t)) => t.get(li).cloned().unwrap_or(Value::None),
        Some(Payload::List(l)) => l.with(|l| l.get(li).cloned().unwrap_or(Value::None)),
        _ => Value::None,
    })
}

fn match_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = data(vm, &args)?;
    let (s, e) = m.regs.spans[0];
    let g0 = group_value(vm, m, 0, &Value::None);
    let r: String = vm.repr(&g0)?.chars().take(50).collect();
    let t = vm.class_of(&args.values[0]).clone();
    let module = vm.type_module(&t).unwrap_or_default();
    let name = vm.type_data(&t).name().to_string();
    Ok(vm.new_str(&format!(
        "<{module}.{name} object; span=({s}, {e}), match={r}>"
    )))
}

fn expand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = data(vm, &args)?;
    let Some(template) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("expand() missing required argument 'template' (pos 1)"));
    };
    let pattern = m.pattern.clone();
    let v = version(vm);
    let re = vm.import_absolute("re")?;
    if !v.py2 && v.minor >= 12 {
        let name = vm.intern("_compile_template");
        let f = vm.get_attr(&re, &name)?;
        let t = vm.call(&f, Args::positional(&[pattern, template]))?;
        return expand_template(vm, &t, &args.values[0]);
    }
    let name = vm.intern("_expand");
    let f = vm.get_attr(&re, &name)?;
    vm.call(
        &f,
        Args::positional(&[pattern, args.values[0].clone(), template]),
    )
}

/// What `sub` puts in place of each match.
pub enum Filter {
    Literal(Value),
    Callable(Value),
    Template(Value),
}

/// CPython's choice of filter for a replacement `repl`.
pub fn filter_for(vm: &mut Vm, pattern: &Value, repl: &Value) -> PyResult<Filter> {
    if crate::builtins::objects::is_callable(vm, repl) {
        return Ok(Filter::Callable(repl.clone()));
    }
    let literal = if let Some(s) = repl.as_str() {
        !s.as_str().contains('\\')
    } else if let Some(b) = crate::builtins::memoryview::buffer_bytes(repl) {
        !b.contains(&b'\\')
    } else {
        false
    };
    if literal {
        return Ok(Filter::Literal(repl.clone()));
    }
    let v = version(vm);
    let re = vm.import_absolute("re")?;
    if !v.py2 && v.minor >= 12 {
        let name = vm.intern("_compile_template");
        let f = vm.get_attr(&re, &name)?;
        let t = vm.call(&f, Args::positional(&[pattern.clone(), repl.clone()]))?;
        if let Some(td) = template_of(&t) {
            if td.groups.is_empty() {
                return Ok(Filter::Literal(td.literals[0].clone()));
            }
        }
        return Ok(Filter::Template(t));
    }
    let name = vm.intern("_subx");
    let f = vm.get_attr(&re, &name)?;
    let filter = vm.call(&f, Args::positional(&[pattern.clone(), repl.clone()]))?;
    if crate::builtins::objects::is_callable(vm, &filter) {
        Ok(Filter::Callable(filter))
    } else {
        Ok(Filter::Literal(filter))
    }
}

/// A 3.12+ replacement template: literals interleaved with group numbers.
pub struct TemplateData {
    /// `groups.len() + 1` literals (empty strings or bytes where there is none).
    pub literals: Vec<Value>,
    pub groups: Vec<usize>,
}

fn template_of(v: &Value) -> Option<&TemplateData> {
    match v.payload() {
        Some(Payload::Other(b)) => b.downcast_ref::<TemplateData>(),
        _ => None,
    }
}

/// `_sre.template(pattern, template)`.
pub fn sre_template(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [_pattern, list] = args.pos() else {
        return Err(vm.type_error(&format!(
            "template expected 2 arguments, got {}",
            args.pos().len()
        )));
    };
    let items: Vec<Value> = match list.payload() {
        Some(Payload::List(l)) => l.get(),
        _ => {
            return Err(vm.type_error(&format!(
                "template() argument 2 must be list, not {}",
                vm.type_name(list)
            )))
        }
    };
    if items.len().is_multiple_of(2) {
        return Err(vm.type_error("invalid template"));
    }
    let mut literals = Vec::new();
    let mut groups = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i % 2 == 0 {
            literals.push(item);
        } else {
            match vm.index_value(&item)? {
                Some(g) if g >= 0 => groups.push(g as usize),
                _ => return Err(vm.type_error("invalid template")),
            }
        }
    }
    let t = types(vm)?;
    Ok(Value::Obj(Object::new(
        t.template,
        Payload::Other(Box::new(TemplateData { literals, groups })),
    )))
}

/// A template's expansion for one match (unmatched groups are empty).
pub fn expand_template(vm: &mut Vm, t: &Value, m: &Value) -> PyResult<Value> {
    let Some(td) = template_of(t) else {
        return Err(vm.type_error("invalid template"));
    };
    let Some(Payload::Other(b)) = m.payload() else {
        return Err(vm.type_error("a Match object is required"));
    };
    let Some(md) = b.downcast_ref::<MatchData>() else {
        return Err(vm.type_error("a Match object is required"));
    };
    let mut pieces = Vec::with_capacity(td.literals.len() * 2);
    for (i, lit) in td.literals.iter().enumerate() {
        if !lit.is_none() {
            pieces.push(lit.clone());
        }
        if let Some(&g) = td.groups.get(i) {
            if g >= md.regs.spans.len() {
                return Err(vm.new_exception(&vm.types.exc.index_error.clone(), "no such group"));
            }
            if let Some((s, e)) = md.regs.span(g) {
                pieces.push(md.subject.slice(vm, s, e));
            }
        }
    }
    let subject = md.subject.clone();
    pattern::join(vm, &subject, pieces)
}

/// The state of a scanner: its pattern, subject and the successive-match iterator's
/// position.
pub struct ScannerData {
    pattern: Value,
    subject: Rc<Subject>,
    pos: usize,
    endpos: usize,
    state: PyCell<ScanState>,
}

#[derive(Clone, Copy)]
struct ScanState {
    start: usize,
    must_advance: bool,
    done: bool,
}

/// A new scanner over `subject[pos:endpos]`.
pub fn new_scanner(
    vm: &mut Vm,
    pattern: &Value,
    subject: Rc<Subject>,
    pos: usize,
    endpos: usize,
) -> PyResult<Value> {
    let t = types(vm)?;
    Ok(Value::Obj(Object::with_dict(
        t.scanner,
        Payload::Other(Box::new(ScannerData {
            pattern: pattern.clone(),
            subject,
            pos,
            endpos,
            state: PyCell::new(ScanState {
                start: pos,
                must_advance: false,
                done: pos > endpos,
            }),
        })),
    )))
}

fn scan(vm: &mut Vm, args: Args<'_>, search: bool) -> PyResult<Value> {
    let sd = match args.values.first().and_then(|v| v.payload()) {
        Some(Payload::Other(b)) => b.downcast_ref::<ScannerData>(),
        _ => None,
    };
    let Some(sd) = sd else {
        return Err(vm.type_error("a Scanner object is required"));
    };
    let st = sd.state.get();
    if st.done {
        return Ok(Value::None);
    }
    let p: &PatternData = pattern::of(vm, &sd.pattern)?;
    let r = match &sd.subject.units {
        Units::Narrow(b) => step(p, b, sd, st, search),
        Units::Wide(w) => step(p, w, sd, st, search),
    };
    let (regs, next) = r.map_err(|e| engine_error(vm, e))?;
    sd.state.replace(next);
    match regs {
        Some(r) => {
            let (pattern, subject, pos, endpos) =
                (sd.pattern.clone(), sd.subject.clone(), sd.pos, sd.endpos);
            new_match(vm, &pattern, &subject, r, pos, endpos)
        }
        None => Ok(Value::None),
    }
}

/// One scanner step: the match from the current state and the state after it.
fn step<T: super::engine::Unit>(
    p: &PatternData,
    text: &[T],
    sd: &ScannerData,
    st: ScanState,
    search: bool,
) -> Result<(Option<Regs>, ScanState), super::engine::Error> {
    let mut m = Matches::new(
        &p.version,
        &p.prog,
        text,
        st.start,
        sd.endpos,
        Purpose::Iterate,
    );
    m.resume(st.start, st.must_advance);
    let r = if search {
        m.next_match()?
    } else {
        m.next_anchored()?
    };
    let (start, must_advance, done) = m.position();
    Ok((
        r,
        ScanState {
            start,
            must_advance,
            done,
        },
    ))
}
