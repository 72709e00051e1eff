//! Pattern objects (`re.Pattern`, 3.6's `_sre.SRE_Pattern`): `_sre.compile`, the
//! matching methods (`match`, `fullmatch`, `search`, `findall`, `finditer`, `scanner`,
//! `split`, `sub`, `subn`), the attributes, `repr`, equality and hashing, and copying.

use super::compile::{translate, Program};
use super::constants::{flag, SreVersion};
use super::matchobj::{self, Filter};
use super::ops::{self, Matches, Mode, Purpose, Regs};
use super::subject::{subject, Subject, Units};
use super::{engine_error, types, version};
use crate::builtins::arity::{bind_kw_styled, KwStyle};
use crate::object::{Args, NativeFn, Object, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// A compiled pattern.
pub struct PatternData {
    pub prog: Program,
    pub version: SreVersion,
    /// The source pattern (str, bytes or None).
    pub pattern: Value,
    pub flags: u32,
    pub groupindex: Value,
    pub indexgroup: Value,
    pub is_bytes: bool,
    /// The code words as given (for equality and hashing).
    pub code: Vec<u32>,
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("match", |vm, a| single(vm, a, "match", Mode::Match)),
    ("fullmatch", |vm, a| {
        single(vm, a, "fullmatch", Mode::FullMatch)
    }),
    ("search", |vm, a| single(vm, a, "search", Mode::Search)),
    ("findall", findall),
    ("finditer", finditer),
    ("scanner", scanner),
    ("split", split),
    ("sub", |vm, a| sub(vm, a, "sub", false)),
    ("subn", |vm, a| sub(vm, a, "subn", true)),
    ("__repr__", pattern_repr),
    ("__eq__", |vm, a| pattern_eq(vm, a, true)),
    ("__ne__", |vm, a| pattern_eq(vm, a, false)),
    ("__hash__", pattern_hash),
    ("__copy__", |vm, a| copy_self(vm, a, "copy")),
    ("__deepcopy__", |vm, a| copy_self(vm, a, "deepcopy")),
];

pub const GETTERS: &[(&str, NativeFn)] = &[
    ("pattern", |vm, a| Ok(data(vm, &a)?.pattern.clone())),
    ("flags", |vm, a| Ok(Value::Int(data(vm, &a)?.flags as i64))),
    ("groups", |vm, a| {
        Ok(Value::Int(data(vm, &a)?.prog.groups as i64))
    }),
    ("groupindex", groupindex),
];

/// The pattern data of `args[0]`.
pub fn data<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a PatternData> {
    match args.values.first() {
        Some(v) => of(vm, v),
        None => Err(vm.type_error("descriptor needs a Pattern argument")),
    }
}

/// The pattern data of a Pattern object.
pub fn of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a PatternData> {
    match v.payload() {
        Some(Payload::Other(b)) => b
            .downcast_ref::<PatternData>()
            .ok_or_else(|| vm.type_error("a Pattern object is required")),
        _ => Err(vm.type_error("a Pattern object is required")),
    }
}

fn copy_self(vm: &mut Vm, args: Args<'_>, how: &str) -> PyResult<Value> {
    let p = data(vm, &args)?;
    if !p.version.copyable() {
        return Err(vm.type_error(&format!("cannot {how} this pattern object")));
    }
    Ok(args.values[0].clone())
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn sre_compile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let params = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let b = bind_kw_styled(
        vm,
        "compile",
        args.pos(),
        &args,
        &params,
        6,
        KwStyle::default(),
    )?;
    let [pattern, flags, code, groups, groupindex, indexgroup] =
        [0, 1, 2, 3, 4, 5].map(|i| b[i].clone().unwrap_or(Value::None));
    let flags = crate::builtins::arity::index_arg(vm, &flags)?;
    let groups = crate::builtins::arity::index_arg(vm, &groups)?;
    let items: Vec<Value> = match code.payload() {
        Some(Payload::List(l)) => l.get(),
        _ => return Err(vm.type_error("compile() argument 3 must be list")),
    };
    let mut words = Vec::with_capacity(items.len());
    for w in &items {
        let n = crate::builtins::arity::index_arg(vm, w)?;
        if !(0..=u32::MAX as i64).contains(&n) {
            return Err(vm.new_exception(
                &vm.types.exc.overflow_error.clone(),
                "regular expression code size limit exceeded",
            ));
        }
        words.push(n as u32);
    }
    let v = version(vm);
    let groups = groups.max(0) as usize;
    let prog = translate(&v, &words, groups, flags as u32)
        .map_err(|_| vm.new_exception(&vm.types.exc.runtime_error.clone(), "invalid SRE code"))?;
    let is_bytes = !pattern.is_none() && pattern.as_str().is_none();
    let t = types(vm)?;
    let data = PatternData {
        prog,
        version: v,
        pattern,
        flags: flags as u32,
        groupindex,
        indexgroup,
        is_bytes,
        code: words,
    };
    Ok(Value::Obj(Object::new(
        t.pattern,
        Payload::Other(Box::new(data)),
    )))
}

/// (self, string, pos, endpos) of the matching methods.
fn string_pos_endpos(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
) -> PyResult<(Rc<Subject>, usize, usize)> {
    let pos_args = args.pos().get(1..).unwrap_or(&[]);
    let b = bind_kw_styled(
        vm,
        name,
        pos_args,
        args,
        &["string", "pos", "endpos"],
        1,
        KwStyle {
            clinic: true,
            vectorcall: false,
        },
    )?;
    let p = data(vm, args)?;
    let is_bytes = p.is_bytes;
    let s = subject(vm, b[0].as_ref().unwrap_or(&Value::None), is_bytes)?;
    let pos = match &b[1] {
        Some(v) => crate::builtins::arity::index_arg(vm, v)?,
        None => 0,
    };
    let endpos = match &b[2] {
        Some(v) => crate::builtins::arity::index_arg(vm, v)?,
        None => i64::MAX,
    };
    let (pos, endpos) = ops::clamp(s.len(), pos, endpos);
    Ok((s, pos, endpos))
}

fn run_once(
    vm: &mut Vm,
    p: &PatternData,
    s: &Subject,
    pos: usize,
    endpos: usize,
    mode: Mode,
) -> PyResult<Option<Regs>> {
    let r = match &s.units {
        Units::Narrow(b) => ops::once(&p.version, &p.prog, b, pos, endpos, mode),
        Units::Wide(w) => ops::once(&p.version, &p.prog, w, pos, endpos, mode),
    };
    r.map_err(|e| engine_error(vm, e))
}

/// All matches of `p` over `s[pos:endpos]` for `purpose`, at most `limit` (0 = all):
/// per match, `groups + 1` spans and `(lastindex, 0)` (see `Matches::next_spans`).
pub fn all_matches(
    vm: &mut Vm,
    p: &PatternData,
    s: &Subject,
    pos: usize,
    endpos: usize,
    purpose: Purpose,
    limit: usize,
) -> PyResult<Vec<(isize, isize)>> {
    fn collect<T: super::engine::Unit>(
        mut m: Matches<'_, T>,
        limit: usize,
    ) -> Result<Vec<(isize, isize)>, super::engine::Error> {
        let mut out = Vec::new();
        let mut n = 0;
        while (limit == 0 || n < limit) && m.next_spans(&mut out)? {
            n += 1;
        }
        Ok(out)
    }
    let r = match &s.units {
        Units::Narrow(b) => collect(
            Matches::new(&p.version, &p.prog, b, pos, endpos, purpose),
            limit,
        ),
        Units::Wide(w) => collect(
            Matches::new(&p.version, &p.prog, w, pos, endpos, purpose),
            limit,
        ),
    };
    r.map_err(|e| engine_error(vm, e))
}

/// A span as a range, None for a group that did not take part.
fn range(span: (isize, isize)) -> Option<(usize, usize)> {
    (span.0 >= 0 && span.1 >= 0).then_some((span.0 as usize, span.1 as usize))
}

fn single(vm: &mut Vm, args: Args<'_>, name: &str, mode: Mode) -> PyResult<Value> {
    let (s, pos, endpos) = string_pos_endpos(vm, &args, name)?;
    let p = data(vm, &args)?;
    match run_once(vm, p, &s, pos, endpos, mode)? {
        Some(regs) => matchobj::new_match(vm, &args.values[0], &s, regs, pos, endpos),
        None => Ok(Value::None),
    }
}

fn findall(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, pos, endpos) = string_pos_endpos(vm, &args, "findall")?;
    let p = data(vm, &args)?;
    let groups = p.prog.groups;
    let found = all_matches(vm, p, &s, pos, endpos, Purpose::Iterate, 0)?;
    let mut out = Vec::with_capacity(found.len() / (groups + 2));
    let empty = s.slice(vm, 0, 0);
    let piece = |vm: &Vm, r: &[(isize, isize)], g: usize| match range(r[g]) {
        Some((a, b)) => s.slice(vm, a, b),
        None => empty.clone(),
    };
    for r in found.chunks(groups + 2) {
        out.push(match groups {
            0 => piece(vm, r, 0),
            1 => piece(vm, r, 1),
            n => {
                let items = (1..=n).map(|g| piece(vm, r, g)).collect();
                vm.new_tuple(items)
            }
        });
    }
    Ok(vm.new_list(out))
}

fn finditer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, pos, endpos) = string_pos_endpos(vm, &args, "finditer")?;
    let sc = matchobj::new_scanner(vm, &args.values[0], s, pos, endpos)?;
    let search = vm.intern("search");
    let method = vm.get_attr(&sc, &search)?;
    let iter = vm.intern("iter");
    let builtins = vm.builtins.clone();
    let iter_fn = vm
        .dict_get(&builtins, &Value::Obj(iter))?
        .ok_or_else(|| vm.type_error("iter is missing"))?;
    vm.call(&iter_fn, Args::positional(&[method, Value::None]))
}

fn scanner(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, pos, endpos) = string_pos_endpos(vm, &args, "scanner")?;
    matchobj::new_scanner(vm, &args.values[0], s, pos, endpos)
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos_args = args.pos().get(1..).unwrap_or(&[]);
    let b = bind_kw_styled(
        vm,
        "split",
        pos_args,
        &args,
        &["string", "maxsplit"],
        1,
        KwStyle {
            clinic: true,
            vectorcall: false,
        },
    )?;
    let p = data(vm, &args)?;
    let s = subject(vm, b[0].as_ref().unwrap_or(&Value::None), p.is_bytes)?;
    let maxsplit = match &b[1] {
        Some(v) => crate::builtins::arity::index_arg(vm, v)?,
        None => 0,
    };
    match ops::split_check(&p.version, &p.prog) {
        ops::SplitCheck::Refuse => {
            return Err(vm.value_error("split() requires a non-empty pattern match."))
        }
        ops::SplitCheck::Warn => future_warning(vm, "split() requires a non-empty pattern match.")?,
        ops::SplitCheck::Fine => {}
    }
    let mut out = Vec::new();
    if maxsplit < 0 {
        out.push(s.slice(vm, 0, s.len()));
        return Ok(vm.new_list(out));
    }
    let found = all_matches(vm, p, &s, 0, s.len(), Purpose::Split, maxsplit as usize)?;
    let mut last = 0;
    for r in found.chunks(p.prog.groups + 2) {
        let (b0, e0) = range(r[0]).unwrap_or((last, last));
        out.push(s.slice(vm, last, b0));
        for span in &r[1..=p.prog.groups] {
            out.push(match range(*span) {
                Some((a, b)) => s.slice(vm, a, b),
                None => Value::None,
            });
        }
        last = e0;
    }
    out.push(s.slice(vm, last, s.len()));
    Ok(vm.new_list(out))
}

fn sub(vm: &mut Vm, args: Args<'_>, name: &str, with_count: bool) -> PyResult<Value> {
    let pos_args = args.pos().get(1..).unwrap_or(&[]);
    let b = bind_kw_styled(
        vm,
        name,
        pos_args,
        &args,
        &["repl", "string", "count"],
        2,
        KwStyle {
            clinic: true,
            vectorcall: false,
        },
    )?;
    let this = args.values[0].clone();
    let p = data(vm, &args)?;
    let is_bytes = p.is_bytes;
    let repl = b[0].clone().unwrap_or(Value::None);
    let s = subject(vm, b[1].as_ref().unwrap_or(&Value::None), is_bytes)?;
    let count = match &b[2] {
        Some(v) => crate::builtins::arity::index_arg(vm, v)?.max(0) as usize,
        None => 0,
    };
    let filter = matchobj::filter_for(vm, &this, &repl)?;
    let p = of(vm, &this)?;
    let width = p.prog.groups + 2;
    let found = all_matches(vm, p, &s, 0, s.len(), Purpose::Sub, count)?;
    let n = found.len() / width;
    let mut pieces: Vec<Value> = Vec::with_capacity(2 * n + 1);
    let mut last = 0;
    for r in found.chunks(width) {
        let (b0, e0) = range(r[0]).unwrap_or((last, last));
        let regs = || Regs {
            spans: r[..width - 1].to_vec(),
            lastindex: r[width - 1].0,
        };
        if last < b0 {
            pieces.push(s.slice(vm, last, b0));
        }
        match &filter {
            Filter::Literal(v) => pieces.push(v.clone()),
            Filter::Callable(f) => {
                let m = matchobj::new_match(vm, &this, &s, regs(), 0, s.len())?;
                let item = vm.call(f, Args::positional(&[m]))?;
                if !item.is_none() {
                    pieces.push(item);
                }
            }
            Filter::Template(t) => {
                let m = matchobj::new_match(vm, &this, &s, regs(), 0, s.len())?;
                pieces.push(matchobj::expand_template(vm, t, &m)?);
            }
        }
        last = e0;
    }
    if last < s.len() {
        pieces.push(s.slice(vm, last, s.len()));
    }
    let joined = join(vm, &s, pieces)?;
    if with_count {
        Ok(vm.new_tuple(vec![joined, Value::Int(n as i64)]))
    } else {
        Ok(joined)
    }
}

/// `warnings.warn(message, FutureWarning)` as CPython's C code issues it (attributed to
/// the calling line). Without a usable `warnings` module (it needs `sys._getframe`)
/// nothing is printed.
fn future_warning(vm: &mut Vm, message: &str) -> PyResult<()> {
    let sys = vm.import_absolute("sys")?;
    let getframe = vm.intern("_getframe");
    if vm.get_attr_opt(&sys, &getframe)?.is_none() {
        return Ok(());
    }
    let Ok(warnings) = vm.import_absolute("warnings") else {
        return Ok(());
    };
    let warn = vm.intern("warn");
    let f = vm.get_attr(&warnings, &warn)?;
    let builtins = vm.builtins.clone();
    let key = Value::Obj(vm.intern("FutureWarning"));
    let Some(category) = vm.dict_get(&builtins, &key)? else {
        return Ok(());
    };
    let msg = vm.new_str(message);
    vm.call(&f, Args::positional(&[msg, category, Value::Int(1)]))?;
    Ok(())
}

/// `''.join(pieces)` or `b''.join(pieces)`, with join's errors for other items.
pub fn join(vm: &mut Vm, s: &Subject, pieces: Vec<Value>) -> PyResult<Value> {
    let sep = s.slice(vm, 0, 0);
    let join = vm.intern("join");
    let method = vm.get_attr(&sep, &join)?;
    let list = vm.new_list(pieces);
    vm.call(&method, Args::positional(&[list]))
}

fn groupindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = data(vm, &args)?;
    let gi = p.groupindex.clone();
    // A copy, so that the pattern's own mapping cannot be changed through it.
    let copy = vm.new_dict();
    if let Some(Payload::Dict(d)) = gi.payload() {
        let items: Vec<(Value, Value)> = d.with(|d| {
            d.iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect()
        });
        for (k, v) in items {
            vm.dict_set(&copy, k, v)?;
        }
    }
    let v = version(vm);
    if v.py2 {
        return Ok(Value::Obj(copy));
    }
    Ok(crate::builtins::dict_views::new_mappingproxy(
        vm,
        Value::Obj(copy),
    ))
}

/// The flag names of `repr`, in CPython's order.
const FLAG_NAMES: &[(&str, u32)] = &[
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

fn pattern_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = data(vm, &args)?;
    let (pattern, mut flags, is_bytes) = (p.pattern.clone(), p.flags, p.is_bytes);
    let r: String = vm.repr(&pattern)?.chars().take(200).collect();
    if !is_bytes && flags & (flag::LOCALE | flag::UNICODE | 256) == flag::UNICODE {
        flags &= !flag::UNICODE;
    }
    if flags == 0 {
        return Ok(vm.new_str(&format!("re.compile({r})")));
    }
    let v = version(vm);
    let mut names = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if *bit == 1 && !v.py2 && v.minor >= 13 {
            continue;
        }
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(vm.new_str(&format!("re.compile({r}, {})", names.join("|"))))
}

fn pattern_eq(vm: &mut Vm, args: Args<'_>, eq: bool) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Ok(x), Ok(y)) = (of(vm, a), of(vm, b)) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let same = if a.is(b) {
        true
    } else {
        let (pa, pb) = (x.pattern.clone(), y.pattern.clone());
        x.flags == y.flags && x.is_bytes == y.is_bytes && x.code == y.code && vm.eq(&pa, &pb)?
    };
    Ok(Value::bool(same == eq))
}

fn pattern_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = data(vm, &args)?;
    let pattern = p.pattern.clone();
    let mut h: i64 = 0xcbf29ce484222325u64 as i64;
    for w in &p.code {
        h = (h ^ *w as i64).wrapping_mul(0x100000001b3);
    }
    let hp = vm.hash(&pattern)?;
    let mut r = hp ^ h;
    if r == -1 {
        r = -2;
    }
    Ok(Value::Int(r))
}
