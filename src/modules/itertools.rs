//! `itertools`: every iterator of CPython's C module (count, cycle, repeat, accumulate,
//! chain, compress, dropwhile, filterfalse, groupby, islice, starmap, takewhile, tee,
//! zip_longest, product, permutations, combinations, combinations_with_replacement,
//! pairwise 3.10+, batched 3.12+). Each is a native class whose instances hold an
//! [`It`] state; `__next__` takes the state out while it calls Python code (a predicate,
//! an inner iterator) and puts it back, so no borrow spans a call.

use super::native_class::{bind, int_arg, new_class, new_instance, state_of, stop, Method};
use crate::object::{Args, BuiltinKind, ObjRef, PyCell, Value};
use crate::vm::ops::BinOp;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The state of an itertools iterator.
enum It {
    Count {
        next: Value,
        step: Value,
    },
    Cycle {
        it: Option<Value>,
        saved: Vec<Value>,
        index: usize,
    },
    Repeat {
        value: Value,
        left: Option<i64>,
    },
    Accumulate {
        it: Value,
        func: Value,
        total: Option<Value>,
        initial: Option<Value>,
    },
    Chain {
        sources: Value,
        current: Option<Value>,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    TakeWhile {
        pred: Value,
        it: Value,
        done: bool,
    },
    FilterFalse {
        pred: Value,
        it: Value,
    },
    GroupBy(Box<GroupBy>),
    Grouper {
        parent: ObjRef,
        key: Value,
        id: u64,
    },
    ISlice {
        it: Value,
        next: i64,
        stop: Option<i64>,
        step: i64,
        pos: i64,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    Tee {
        shared: Rc<PyCell<TeeData>>,
        index: usize,
    },
    ZipLongest {
        its: Vec<Option<Value>>,
        fill: Value,
    },
    Product {
        pools: Vec<Vec<Value>>,
        indices: Vec<usize>,
        started: bool,
    },
    Permutations {
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        first: bool,
    },
    Combinations {
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        started: bool,
        replace: bool,
    },
    Pairwise {
        it: Value,
        last: Option<Value>,
    },
    Batched {
        it: Value,
        n: usize,
        strict: bool,
    },
    Done,
}

/// `groupby`'s state, as CPython's: the target key, the current key and value, and the
/// number of the grouper that may read it.
struct GroupBy {
    it: Value,
    key: Value,
    tgt: Option<Value>,
    ckey: Option<Value>,
    cval: Option<Value>,
    id: u64,
}

/// Items read from a `tee`'s source, shared by its iterators.
struct TeeData {
    it: Value,
    items: Vec<Value>,
    /// Index in the source of `items[0]`.
    base: usize,
}

struct ItState(PyCell<It>);

type New = fn(&mut Vm, &ObjRef, Args<'_>) -> PyResult<It>;

const TYPES: &[(&str, New)] = &[
    ("count", new_count),
    ("cycle", |vm, _, a| {
        let a = bind(vm, a, "cycle", &["iterable"], 1, true)?;
        Ok(It::Cycle {
            it: Some(vm.get_iter(&a[0].clone().unwrap_or(Value::None))?),
            saved: Vec::new(),
            index: 0,
        })
    }),
    ("repeat", |vm, _, a| {
        let a = bind(vm, a, "repeat", &["object", "times"], 1, true)?;
        let left = match &a[1] {
            Some(t) => Some(int_arg(vm, t)?.max(0)),
            None => None,
        };
        Ok(It::Repeat {
            value: a[0].clone().unwrap_or(Value::None),
            left,
        })
    }),
    ("accumulate", |vm, _, a| {
        let a = bind(
            vm,
            a,
            "accumulate",
            &["iterable", "func", "initial"],
            1,
            true,
        )?;
        Ok(It::Accumulate {
            it: vm.get_iter(&a[0].clone().unwrap_or(Value::None))?,
            func: a[1].clone().unwrap_or(Value::None),
            total: None,
            initial: a[2].clone().filter(|v| !v.is_none()),
        })
    }),
    ("chain", |vm, _, a| {
        let items = a.values[1..].to_vec();
        let t = vm.new_tuple(items);
        Ok(It::Chain {
            sources: vm.get_iter(&t)?,
            current: None,
        })
    }),
    ("compress", |vm, _, a| {
        let a = bind(vm, a, "compress", &["data", "selectors"], 2, true)?;
        Ok(It::Compress {
            data: vm.get_iter(&a[0].clone().unwrap_or(Value::None))?,
            selectors: vm.get_iter(&a[1].clone().unwrap_or(Value::None))?,
        })
    }),
    ("dropwhile", |vm, _, a| {
        let (pred, it) = pred_it(vm, a, "dropwhile")?;
        Ok(It::DropWhile {
            pred,
            it,
            dropping: true,
        })
    }),
    ("takewhile", |vm, _, a| {
        let (pred, it) = pred_it(vm, a, "takewhile")?;
        Ok(It::TakeWhile {
            pred,
            it,
            done: false,
        })
    }),
    ("filterfalse", |vm, _, a| {
        let (pred, it) = pred_it(vm, a, "filterfalse")?;
        Ok(It::FilterFalse { pred, it })
    }),
    ("groupby", |vm, _, a| {
        let a = bind(vm, a, "groupby", &["iterable", "key"], 1, true)?;
        let it = vm.get_iter(&a[0].clone().unwrap_or(Value::None))?;
        let key = a[1].clone().unwrap_or(Value::None);
        Ok(It::GroupBy(Box::new(GroupBy {
            it,
            key,
            tgt: None,
            ckey: None,
            cval: None,
            id: 0,
        })))
    }),
    ("_grouper", |vm, _, _| {
        Err(vm.type_error("cannot create 'itertools._grouper' instances"))
    }),
    ("islice", new_islice),
    ("starmap", |vm, _, a| {
        let a = bind(vm, a, "starmap", &["function", "iterable"], 2, true)?;
        Ok(It::StarMap {
            func: a[0].clone().unwrap_or(Value::None),
            it: vm.get_iter(&a[1].clone().unwrap_or(Value::None))?,
        })
    }),
    ("_tee", |vm, _, a| {
        let a = bind(vm, a, "_tee", &["iterable"], 1, true)?;
        let it = vm.get_iter(&a[0].clone().unwrap_or(Value::None))?;
        Ok(It::Tee {
            shared: Rc::new(PyCell::new(TeeData {
                it,
                items: Vec::new(),
                base: 0,
            })),
            index: 0,
        })
    }),
    ("zip_longest", |vm, _, a| {
        let mut fill = Value::None;
        for (k, v) in a.kw() {
            if k.as_str().map(|s| s.as_str()) == Some("fillvalue") {
                fill = v.clone();
            } else {
                return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
            }
        }
        let mut its = Vec::new();
        for v in &a.pos()[1..] {
            its.push(Some(vm.get_iter(v)?));
        }
        Ok(It::ZipLongest { its, fill })
    }),
    ("product", |vm, _, a| {
        let mut repeat = 1;
        for (k, v) in a.kw() {
            if k.as_str().map(|s| s.as_str()) == Some("repeat") {
                repeat = int_arg(vm, v)?;
            } else {
                return Err(vm.type_error("product() got an unexpected keyword argument"));
            }
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
        let mut pools = Vec::new();
        for v in &a.pos()[1..] {
            pools.push(vm.collect(v)?);
        }
        let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
        if pools.iter().any(|p| p.is_empty()) {
            return Ok(It::Done);
        }
        Ok(It::Product {
            indices: vec![0; pools.len()],
            pools,
            started: false,
        })
    }),
    ("permutations", |vm, _, a| {
        let a = bind(vm, a, "permutations", &["iterable", "r"], 1, true)?;
        let pool = vm.collect(&a[0].clone().unwrap_or(Value::None))?;
        let r = match &a[1] {
            Some(v) if !v.is_none() => int_arg(vm, v)?,
            _ => pool.len() as i64,
        };
        if r < 0 {
            return Err(vm.value_error("r must be non-negative"));
        }
        let r = r as usize;
        let n = pool.len();
        Ok(It::Permutations {
            indices: (0..n).collect(),
            cycles: (0..r.min(n)).map(|i| n - i).collect(),
            pool,
            r,
            first: true,
        })
    }),
    ("combinations", |vm, _, a| new_combinations(vm, a, false)),
    ("combinations_with_replacement", |vm, _, a| {
        new_combinations(vm, a, true)
    }),
    ("pairwise", |vm, _, a| {
        let a = bind(vm, a, "pairwise", &["iterable"], 1, true)?;
        Ok(It::Pairwise {
            it: vm.get_iter(&a[0].clone().unwrap_or(Value::None))?,
            last: None,
        })
    }),
    ("batched", |vm, _, a| {
        let a = bind(vm, a, "batched", &["iterable", "n", "strict"], 2, true)?;
        let n = int_arg(vm, &a[1].clone().unwrap_or(Value::None))?;
        if n < 1 {
            return Err(vm.value_error("n must be at least one"));
        }
        let strict = match &a[2] {
            Some(s) => vm.truthy(s)?,
            None => false,
        };
        Ok(It::Batched {
            it: vm.get_iter(&a[0].clone().unwrap_or(Value::None))?,
            n: n as usize,
            strict,
        })
    }),
];

/// `itertools`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(vm, "itertools", &[("tee", tee)]);
    let (major_minor, object) = (vm.version.format.major_minor, vm.types.object.clone());
    let methods: &[Method] = &[
        ("__new__", it_new, BuiltinKind::StaticMethod),
        (
            "__iter__",
            |_, a| Ok(a.values[0].clone()),
            BuiltinKind::Method,
        ),
        ("__next__", it_next, BuiltinKind::Method),
        ("__repr__", it_repr, BuiltinKind::Method),
        ("__copy__", tee_copy, BuiltinKind::Method),
    ];
    for (name, _) in TYPES {
        let added = match *name {
            "pairwise" => major_minor >= (3, 10),
            "batched" => major_minor >= (3, 12),
            _ => true,
        };
        if !added {
            continue;
        }
        let t = new_class(vm, "itertools", name, vec![object.clone()], methods)?;
        if *name == "chain" {
            vm.add_method(
                &t,
                "from_iterable",
                chain_from_iterable,
                BuiltinKind::ClassMethod,
            );
        }
        vm.module_set(&m, name, Value::Obj(t));
    }
    if crate::vm::flavour::python2_builtins(vm.version) {
        crate::builtins::py2::iterators::adjust_itertools(vm, &m);
    }
    Ok(m)
}

/// `chain.from_iterable(iterable)`.
fn chain_from_iterable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (Some(Value::Obj(cls)), Some(src)) = (args.values.first(), args.values.get(1)) else {
        return Err(vm.type_error("from_iterable() takes exactly one argument"));
    };
    let sources = vm.get_iter(src)?;
    let st = It::Chain {
        sources,
        current: None,
    };
    Ok(Value::Obj(new_instance(vm, cls, ItState(PyCell::new(st)))))
}

fn arg0(a: &[Option<Value>], i: usize) -> Value {
    a[i].clone().unwrap_or(Value::None)
}

fn pred_it(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<(Value, Value)> {
    let a = bind(vm, a, name, &["predicate", "iterable"], 2, true)?;
    Ok((arg0(&a, 0), vm.get_iter(&arg0(&a, 1))?))
}

fn new_count(vm: &mut Vm, _: &ObjRef, a: Args<'_>) -> PyResult<It> {
    let a = bind(vm, a, "count", &["start", "step"], 0, true)?;
    let next = a[0].clone().unwrap_or(Value::Int(0));
    let step = a[1].clone().unwrap_or(Value::Int(1));
    for v in [&next, &step] {
        let ok = !matches!(v, Value::None)
            && !matches!(
                v.payload(),
                Some(crate::object::Payload::Str(_) | crate::object::Payload::Bytes(_))
            );
        if !ok {
            return Err(vm.type_error("a number is required"));
        }
    }
    Ok(It::Count { next, step })
}

fn new_islice(vm: &mut Vm, _: &ObjRef, a: Args<'_>) -> PyResult<It> {
    let pos = &a.pos()[1..];
    if pos.len() < 2 || pos.len() > 4 {
        return Err(vm.type_error(&format!(
            "islice expected at most 4 arguments, got {}",
            pos.len()
        )));
    }
    let it = vm.get_iter(&pos[0])?;
    let opt = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match vm.index_value(v) {
            Ok(Some(i)) if i >= 0 => Ok(Some(i as i64)),
            _ => Err(vm.value_error(what)),
        }
    };
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop_, step) = if pos.len() == 2 {
        (0, opt(vm, &pos[1], stop_msg)?, 1)
    } else {
        let idx = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        let start = opt(vm, &pos[1], idx)?.unwrap_or(0);
        let stop_ = opt(vm, &pos[2], idx)?;
        let step = match pos.get(3) {
            Some(s) => match opt(
                vm,
                s,
                "Step for islice() must be a positive integer or None.",
            )? {
                Some(0) => {
                    return Err(
                        vm.value_error("Step for islice() must be a positive integer or None.")
                    )
                }
                Some(s) => s,
                None => 1,
            },
            None => 1,
        };
        (start, stop_, step)
    };
    Ok(It::ISlice {
        it,
        next: start,
        stop: stop_,
        step,
        pos: 0,
    })
}

fn new_combinations(vm: &mut Vm, a: Args<'_>, replace: bool) -> PyResult<It> {
    let name = if replace {
        "combinations_with_replacement"
    } else {
        "combinations"
    };
    let a = bind(vm, a, name, &["iterable", "r"], 2, true)?;
    let pool = vm.collect(&arg0(&a, 0))?;
    let r = int_arg(vm, &arg0(&a, 1))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let r = r as usize;
    if !replace && r > pool.len() || replace && pool.is_empty() && r > 0 {
        return Ok(It::Done);
    }
    let indices = if replace {
        vec![0; r]
    } else {
        (0..r).collect()
    };
    Ok(It::Combinations {
        pool,
        r,
        indices,
        started: false,
        replace,
    })
}

fn it_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first().cloned() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    // The native class is the first in the MRO whose module is itertools.
    let mro = vm.type_data(&cls).mro.get();
    let mut make = None;
    for t in &mro {
        let name = vm.type_data(t).name();
        let module = vm.type_module(t);
        if module.as_deref() == Some("itertools") {
            make = TYPES.iter().find(|(n, _)| **n == *name).map(|(_, f)| *f);
            if make.is_some() {
                break;
            }
        }
    }
    let Some(make) = make else {
        return Err(vm.type_error("not an itertools type"));
    };
    let name = vm.type_data(&cls).name();
    if !args.kwnames.is_empty()
        && matches!(
            &*name,
            "chain"
                | "cycle"
                | "dropwhile"
                | "takewhile"
                | "filterfalse"
                | "islice"
                | "starmap"
                | "pairwise"
        )
    {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let state = make(vm, &cls, args)?;
    Ok(Value::Obj(new_instance(
        vm,
        &cls,
        ItState(PyCell::new(state)),
    )))
}

fn state<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a ItState> {
    a.values
        .first()
        .and_then(state_of::<ItState>)
        .ok_or_else(|| vm.type_error("descriptor '__next__' requires an itertools object"))
}

fn it_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = state(vm, &args)?;
    let t = vm.type_name(&args.values[0]);
    let shown = s.0.with(|st| match st {
        It::Count { next, step } => Some((next.clone(), step.clone())),
        It::Repeat { value, left } => Some((value.clone(), left.map_or(Value::Null, Value::Int))),
        _ => None,
    });
    let text = match (&*t, shown) {
        ("count", Some((n, st))) => {
            let n = vm.repr(&n)?;
            if matches!(st, Value::Int(1)) {
                format!("count({n})")
            } else {
                format!("count({n}, {})", vm.repr(&st)?)
            }
        }
        ("repeat", Some((v, l))) => {
            let v = vm.repr(&v)?;
            match l {
                Value::Int(l) => format!("repeat({v}, {l})"),
                _ => format!("repeat({v})"),
            }
        }
        _ => format!("<itertools.{t} object at {:#x}>", args.values[0].id()),
    };
    Ok(vm.new_str(&text))
}

fn it_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = state(vm, &args)?;
    let mut st = s.0.replace(It::Done);
    let r = step(vm, &mut st, &args.values[0]);
    // A grouper's parent state is put back by `step` itself.
    s.0.replace(st);
    match r? {
        Some(v) => Ok(v),
        None => Err(stop(vm)),
    }
}

fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    vm.next(it)
}

fn tuple(vm: &Vm, items: Vec<Value>) -> Value {
    vm.new_tuple(items)
}

/// One step of an iterator; None at its end (the state is then left finished).
fn step(vm: &mut Vm, st: &mut It, this: &Value) -> PyResult<Option<Value>> {
    match st {
        It::Done => Ok(None),
        It::Count { next, step } => {
            let v = next.clone();
            *next = vm.binary_op(&v, step, BinOp::Add, false)?;
            Ok(Some(v))
        }
        It::Cycle { it, saved, index } => {
            if let Some(i) = it {
                if let Some(v) = next(vm, &i.clone())? {
                    saved.push(v.clone());
                    return Ok(Some(v));
                }
                *it = None;
            }
            if saved.is_empty() {
                *st = It::Done;
                return Ok(None);
            }
            let v = saved[*index % saved.len()].clone();
            *index = (*index + 1) % saved.len();
            Ok(Some(v))
        }
        It::Repeat { value, left } => match left {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(value.clone()))
            }
            None => Ok(Some(value.clone())),
        },
        It::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if let Some(i) = initial.take() {
                *total = Some(i.clone());
                return Ok(Some(i));
            }
            let Some(v) = next(vm, &it.clone())? else {
                *st = It::Done;
                return Ok(None);
            };
            let new = match total.take() {
                None => v,
                Some(t) if func.is_none() => vm.binary_op(&t, &v, BinOp::Add, false)?,
                Some(t) => vm.call(&func.clone(), Args::positional(&[t, v]))?,
            };
            *total = Some(new.clone());
            Ok(Some(new))
        }
        It::Chain { sources, current } => loop {
            if let Some(c) = current {
                if let Some(v) = next(vm, &c.clone())? {
                    return Ok(Some(v));
                }
                *current = None;
            }
            match next(vm, &sources.clone())? {
                Some(src) => *current = Some(vm.get_iter(&src)?),
                None => {
                    *st = It::Done;
                    return Ok(None);
                }
            }
        },
        It::Compress { data, selectors } => loop {
            let (d, s) = (data.clone(), selectors.clone());
            let (Some(v), Some(sel)) = (next(vm, &d)?, next(vm, &s)?) else {
                *st = It::Done;
                return Ok(None);
            };
            if vm.truthy(&sel)? {
                return Ok(Some(v));
            }
        },
        It::DropWhile { pred, it, dropping } => loop {
            let Some(v) = next(vm, &it.clone())? else {
                *st = It::Done;
                return Ok(None);
            };
            if !*dropping {
                return Ok(Some(v));
            }
            let r = vm.call(&pred.clone(), Args::positional(std::slice::from_ref(&v)))?;
            if !vm.truthy(&r)? {
                *dropping = false;
                return Ok(Some(v));
            }
        },
        It::TakeWhile { pred, it, done } => {
            if *done {
                return Ok(None);
            }
            let Some(v) = next(vm, &it.clone())? else {
                *st = It::Done;
                return Ok(None);
            };
            let r = vm.call(&pred.clone(), Args::positional(std::slice::from_ref(&v)))?;
            if vm.truthy(&r)? {
                Ok(Some(v))
            } else {
                *done = true;
                Ok(None)
            }
        }
        It::FilterFalse { pred, it } => loop {
            let Some(v) = next(vm, &it.clone())? else {
                *st = It::Done;
                return Ok(None);
            };
            let keep = if pred.is_none() {
                !vm.truthy(&v)?
            } else {
                let r = vm.call(&pred.clone(), Args::positional(std::slice::from_ref(&v)))?;
                !vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        It::GroupBy { .. } => groupby_step(vm, st, this),
        It::Grouper { parent, key, id } => {
            let (parent, key, id) = (parent.clone(), key.clone(), *id);
            let pv = Value::Obj(parent.clone());
            let Some(ps) = state_of::<ItState>(&pv) else {
                return Ok(None);
            };
            let mut pst = ps.0.replace(It::Done);
            let r = grouper_step(vm, &mut pst, &key, id);
            ps.0.replace(pst);
            let r = r?;
            if r.is_none() {
                *st = It::Done;
            }
            Ok(r)
        }
        It::ISlice {
            it,
            next: want,
            stop: end,
            step,
            pos,
        } => {
            if end.is_some_and(|e| *want >= e) {
                // CPython consumes up to the stop position.
                let it2 = it.clone();
                let e = end.unwrap_or(0);
                while *pos < e {
                    if next(vm, &it2)?.is_none() {
                        break;
                    }
                    *pos += 1;
                }
                *st = It::Done;
                return Ok(None);
            }
            let it2 = it.clone();
            while *pos < *want {
                if next(vm, &it2)?.is_none() {
                    *st = It::Done;
                    return Ok(None);
                }
                *pos += 1;
            }
            let Some(v) = next(vm, &it2)? else {
                *st = It::Done;
                return Ok(None);
            };
            *pos += 1;
            *want += *step;
            Ok(Some(v))
        }
        It::StarMap { func, it } => {
            let Some(v) = next(vm, &it.clone())? else {
                *st = It::Done;
                return Ok(None);
            };
            let items = vm.collect(&v)?;
            vm.call(&func.clone(), Args::positional(&items)).map(Some)
        }
        It::Tee { shared, index } => {
            let sh = shared.clone();
            let (base, len, src) = sh.with(|d| (d.base, d.items.len(), d.it.clone()));
            if *index < base + len {
                let v = sh.with(|d| d.items[*index - d.base].clone());
                *index += 1;
                return Ok(Some(v));
            }
            let Some(v) = next(vm, &src)? else {
                return Ok(None);
            };
            sh.with_mut(|d| d.items.push(v.clone()));
            *index += 1;
            Ok(Some(v))
        }
        It::ZipLongest { its, fill } => {
            if its.iter().all(Option::is_none) {
                *st = It::Done;
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            let mut active = 0;
            for slot in its.iter_mut() {
                match slot.clone() {
                    Some(i) => match next(vm, &i)? {
                        Some(v) => {
                            active += 1;
                            out.push(v)
                        }
                        None => {
                            *slot = None;
                            out.push(fill.clone())
                        }
                    },
                    None => out.push(fill.clone()),
                }
            }
            if active == 0 {
                *st = It::Done;
                return Ok(None);
            }
            Ok(Some(tuple(vm, out)))
        }
        It::Product {
            pools,
            indices: idx,
            started,
        } => {
            if *started {
                // Advance the odometer.
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        *st = It::Done;
                        return Ok(None);
                    }
                    i -= 1;
                    idx[i] += 1;
                    if idx[i] < pools[i].len() {
                        break;
                    }
                    idx[i] = 0;
                }
            }
            *started = true;
            let items = idx
                .iter()
                .zip(pools.iter())
                .map(|(i, p)| p[*i].clone())
                .collect();
            Ok(Some(tuple(vm, items)))
        }
        It::Permutations {
            pool,
            r,
            indices,
            cycles,
            first,
        } => {
            let (n, r) = (pool.len(), *r);
            if r > n {
                return Ok(None);
            }
            if *first {
                *first = false;
                let items = indices[..r].iter().map(|i| pool[*i].clone()).collect();
                return Ok(Some(tuple(vm, items)));
            }
            if n == 0 {
                return Ok(None);
            }
            let mut i = r;
            loop {
                if i == 0 {
                    *st = It::Done;
                    return Ok(None);
                }
                i -= 1;
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    let x = indices.remove(i);
                    indices.push(x);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    let items = indices[..r].iter().map(|i| pool[*i].clone()).collect();
                    return Ok(Some(tuple(vm, items)));
                }
            }
        }
        It::Combinations {
            pool,
            r,
            indices: idx,
            started,
            replace,
        } => {
            let (n, r, replace) = (pool.len(), *r, *replace);
            if *started {
                let mut i = r;
                loop {
                    if i == 0 {
                        *st = It::Done;
                        return Ok(None);
                    }
                    i -= 1;
                    let limit = if replace { n - 1 } else { i + n - r };
                    if idx[i] != limit {
                        break;
                    }
                }
                idx[i] += 1;
                for j in i + 1..r {
                    idx[j] = if replace { idx[i] } else { idx[j - 1] + 1 };
                }
            }
            *started = true;
            let items = idx.iter().map(|i| pool[*i].clone()).collect();
            Ok(Some(tuple(vm, items)))
        }
        It::Pairwise { it, last } => {
            let it2 = it.clone();
            let a = match last.take() {
                Some(a) => a,
                None => match next(vm, &it2)? {
                    Some(a) => a,
                    None => {
                        *st = It::Done;
                        return Ok(None);
                    }
                },
            };
            let Some(b) = next(vm, &it2)? else {
                *st = It::Done;
                return Ok(None);
            };
            *last = Some(b.clone());
            Ok(Some(tuple(vm, vec![a, b])))
        }
        It::Batched { it, n, strict } => {
            let (it2, n, strict) = (it.clone(), *n, *strict);
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                match next(vm, &it2)? {
                    Some(v) => out.push(v),
                    None => break,
                }
            }
            if out.is_empty() {
                *st = It::Done;
                return Ok(None);
            }
            if strict && out.len() < n {
                *st = It::Done;
                return Err(vm.value_error("batched(): incomplete batch"));
            }
            Ok(Some(tuple(vm, out)))
        }
    }
}

/// The key of `v` under `key` (None: the value itself).
fn key_of(vm: &mut Vm, key: &Value, v: &Value) -> PyResult<Value> {
    if key.is_none() {
        Ok(v.clone())
    } else {
        vm.call(key, Args::positional(std::slice::from_ref(v)))
    }
}

/// `groupby_step`: reads the next value and its key; false at the end.
fn group_advance(vm: &mut Vm, g: &mut GroupBy) -> PyResult<bool> {
    let Some(v) = next(vm, &g.it.clone())? else {
        return Ok(false);
    };
    let k = key_of(vm, &g.key.clone(), &v)?;
    g.cval = Some(v);
    g.ckey = Some(k);
    Ok(true)
}

/// `groupby.__next__`: skips the rest of the current group, returns `(key, grouper)`.
fn groupby_step(vm: &mut Vm, st: &mut It, this: &Value) -> PyResult<Option<Value>> {
    let It::GroupBy(g) = st else { return Ok(None) };
    loop {
        match (&g.ckey, &g.tgt) {
            (None, _) => {}
            (Some(_), None) => break,
            (Some(c), Some(t)) => {
                let (c, t) = (c.clone(), t.clone());
                if !vm.eq(&t, &c)? {
                    break;
                }
            }
        }
        if !group_advance(vm, g)? {
            *st = It::Done;
            return Ok(None);
        }
    }
    let k = g.ckey.clone().unwrap_or(Value::None);
    g.tgt = Some(k.clone());
    g.id += 1;
    let id = g.id;
    let Value::Obj(parent) = this else {
        return Ok(None);
    };
    let m = vm.import_absolute("itertools")?;
    let gname = vm.intern("_grouper");
    let Value::Obj(gcls) = vm.get_attr(&m, &gname)? else {
        return Ok(None);
    };
    let grouper = It::Grouper {
        parent: parent.clone(),
        key: k.clone(),
        id,
    };
    let grouper = new_instance(vm, &gcls, ItState(PyCell::new(grouper)));
    Ok(Some(tuple(vm, vec![k, Value::Obj(grouper)])))
}

/// `_grouper.__next__` over its parent's state.
fn grouper_step(vm: &mut Vm, pst: &mut It, gkey: &Value, gid: u64) -> PyResult<Option<Value>> {
    let It::GroupBy(g) = pst else { return Ok(None) };
    if g.id != gid {
        return Ok(None);
    }
    if g.cval.is_none() && !group_advance(vm, g)? {
        return Ok(None);
    }
    let c = g.ckey.clone().unwrap_or(Value::None);
    if !vm.eq(gkey, &c)? {
        return Ok(None);
    }
    Ok(g.cval.take())
}

/// `tee(iterable, n=2)`.
fn tee(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, args, "tee", &["iterable", "n"], 1, false)?;
    let n = match &a[1] {
        Some(v) => int_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    let m = vm.import_absolute("itertools")?;
    let name = vm.intern("_tee");
    let Value::Obj(cls) = vm.get_attr(&m, &name)? else {
        return Err(vm.system_error("itertools._tee missing"));
    };
    let it = vm.get_iter(&arg0(&a, 0))?;
    let shared = Rc::new(PyCell::new(TeeData {
        it,
        items: Vec::new(),
        base: 0,
    }));
    let items = (0..n)
        .map(|_| {
            let st = It::Tee {
                shared: shared.clone(),
                index: 0,
            };
            Value::Obj(new_instance(vm, &cls, ItState(PyCell::new(st))))
        })
        .collect();
    Ok(vm.new_tuple(items))
}

/// `_tee.__copy__`: a tee iterator at the same position.
fn tee_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = state(vm, &args)?;
    let copy = s.0.with(|st| match st {
        It::Tee { shared, index } => Some(It::Tee {
            shared: shared.clone(),
            index: *index,
        }),
        _ => None,
    });
    match copy {
        Some(c) => {
            let cls = vm.class_of(&args.values[0]).clone();
            Ok(Value::Obj(new_instance(vm, &cls, ItState(PyCell::new(c)))))
        }
        None => Err(vm.new_exception(&vm.types.exc.attribute_error, "__copy__")),
    }
}
