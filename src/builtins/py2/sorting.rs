//! Python 2's `cmp=` argument of `list.sort` and `sorted`: a merge sort (stable, as
//! CPython's) ordered by the comparison function, applied to the keys when `key=` is
//! given too. Without `cmp`, the shared sort runs.

use crate::object::{Args, Payload, Value};
use crate::vm::{PyResult, Vm};

/// Splits `cmp=` off the keyword arguments.
fn split_cmp<'a>(args: &Args<'a>) -> (Option<Value>, Vec<Value>, Vec<Value>) {
    let npos = args.pos().len();
    let mut cmp = None;
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (k, v) in args.kw() {
        if k.as_str().is_some_and(|s| s.as_str() == "cmp") {
            if !v.is_none() {
                cmp = Some(v.clone());
            }
        } else {
            names.push(k.clone());
            values.push(v.clone());
        }
    }
    let mut all = args.values[..npos].to_vec();
    all.extend(values);
    (cmp, all, names)
}

/// Sorts `items` by `cmp(key(a), key(b))`.
fn sort_by_cmp(
    vm: &mut Vm,
    items: Vec<Value>,
    cmp: &Value,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut keyed = Vec::with_capacity(items.len());
    for it in items {
        let k = match key {
            Some(f) if !f.is_none() => vm.call(f, Args::positional(std::slice::from_ref(&it)))?,
            _ => it.clone(),
        };
        keyed.push((k, it));
    }
    if reverse {
        keyed.reverse();
    }
    let mut width = 1;
    let n = keyed.len();
    while width < n {
        let mut out = Vec::with_capacity(n);
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut a, mut b) = (i, mid);
            while a < mid && b < end {
                let r = vm.call(
                    cmp,
                    Args::positional(&[keyed[b].0.clone(), keyed[a].0.clone()]),
                )?;
                let c = match r {
                    Value::Int(c) => c,
                    Value::Bool(t) => t as i64,
                    _ => return Err(vm.type_error("comparison function must return int")),
                };
                if c < 0 {
                    out.push(keyed[b].clone());
                    b += 1;
                } else {
                    out.push(keyed[a].clone());
                    a += 1;
                }
            }
            out.extend_from_slice(&keyed[a..mid]);
            out.extend_from_slice(&keyed[b..end]);
            i = end;
        }
        keyed = out;
        width *= 2;
    }
    if reverse {
        keyed.reverse();
    }
    Ok(keyed.into_iter().map(|(_, v)| v).collect())
}

fn kw<'a>(names: &[Value], values: &'a [Value], npos: usize, name: &str) -> Option<&'a Value> {
    names
        .iter()
        .position(|k| k.as_str().is_some_and(|s| s.as_str() == name))
        .and_then(|i| values.get(npos + i))
}

/// `list.sort(cmp=None, key=None, reverse=False)`.
fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cmp, values, names) = split_cmp(&args);
    let Some(cmp) = cmp else {
        return crate::builtins::list::list_sort(
            vm,
            Args {
                values: &values,
                kwnames: &names,
            },
        );
    };
    let npos = values.len() - names.len();
    let Some(Payload::List(cell)) = values.first().and_then(|l| l.payload()) else {
        return Err(vm.type_error("descriptor 'sort' requires a 'list' object"));
    };
    let items = cell.get();
    let reverse = match kw(&names, &values, npos, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let sorted = sort_by_cmp(
        vm,
        items.to_vec(),
        &cmp,
        kw(&names, &values, npos, "key"),
        reverse,
    )?;
    if let Some(Payload::List(cell)) = values.first().and_then(|l| l.payload()) {
        cell.with_mut(|l| *l = sorted);
    }
    Ok(Value::None)
}

/// `sorted(iterable, cmp=None, key=None, reverse=False)`.
fn sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cmp, values, names) = split_cmp(&args);
    let Some(cmp) = cmp else {
        return crate::builtins::iterators::builtin_sorted(
            vm,
            Args {
                values: &values,
                kwnames: &names,
            },
        );
    };
    let npos = values.len() - names.len();
    let Some(seq) = values.first() else {
        return Err(vm.type_error("sorted expected 1 arguments, got 0"));
    };
    let items = vm.collect(seq)?;
    let reverse = match kw(&names, &values, npos, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let out = sort_by_cmp(vm, items, &cmp, kw(&names, &values, npos, "key"), reverse)?;
    Ok(vm.new_list(out))
}

pub fn install(vm: &mut Vm) {
    vm.add_builtin("sorted", sorted);
    let list = vm.types.list.clone();
    vm.add_method(&list, "sort", list_sort, crate::object::BuiltinKind::Method);
}
