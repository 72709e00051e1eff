//! Python 2's builtin functions that differ from Python 3's: `range` and `map`, `filter`,
//! `zip` returning lists, `xrange`, `reduce`, `apply`, `cmp`, `raw_input`, `intern`,
//! `long`; dict's list-returning `keys`/`values`/`items` beside `iter*`, `view*` and
//! `has_key`; and `sys.maxint`.

use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Payload, Value};
use crate::vm::ops::CmpOp;
use crate::vm::{PyResult, Vm};

/// `range(...)`: the list `xrange(...)` would produce.
fn range(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(items) = small_int_range(&args) {
        return Ok(vm.new_list(items));
    }
    if matches!(
        args.pos().get(2),
        Some(Value::Int(0) | Value::Bool(Truth::False))
    ) {
        return Err(vm.value_error("range() step argument must not be zero"));
    }
    let r = Value::Obj(vm.types.range.clone());
    let lazy = vm.call(&r, args)?;
    let items = vm.collect(&lazy)?;
    Ok(vm.new_list(items))
}

/// The list of `range(...)` when every argument is a small int and the step is not zero
/// and the list is not huge (the common case, built without a lazy range); None otherwise.
fn small_int_range(args: &Args<'_>) -> Option<Vec<Value>> {
    if !args.kwnames.is_empty() {
        return None;
    }
    let mut ints = [0i64; 3];
    for (slot, v) in ints.iter_mut().zip(args.pos()) {
        let Value::Int(i) = v else { return None };
        *slot = *i;
    }
    let (start, stop, step) = match args.pos().len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        3 if ints[2] != 0 => (ints[0], ints[1], ints[2]),
        _ => return None,
    };
    let span = if step > 0 {
        stop.checked_sub(start)?
    } else {
        start.checked_sub(stop)?
    };
    let count = if span <= 0 {
        0
    } else {
        (span - 1) / step.checked_abs()? + 1
    };
    // Huge ranges take the general path, which reports what 2.x reports for them.
    if count > 1 << 24 {
        return None;
    }
    let mut items = Vec::with_capacity(usize::try_from(count).ok()?);
    let mut i = start;
    for _ in 0..count {
        items.push(Value::Int(i));
        i = i.wrapping_add(step);
    }
    Some(items)
}

/// `map(function, sequence, ...)`: a list; shorter sequences are padded with None, and a
/// None function makes tuples (or the items themselves, for one sequence).
fn map(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("map() requires at least two args"));
    }
    let func = pos[0].clone();
    let mut seqs = Vec::with_capacity(pos.len() - 1);
    for (i, s) in pos[1..].iter().enumerate() {
        if !vm.is_iterable(s) {
            let msg = format!("argument {} to map() must support iteration", i + 2);
            return Err(vm.type_error(&msg));
        }
        seqs.push(vm.collect(s)?);
    }
    let len = seqs.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        let row: Vec<Value> = seqs
            .iter()
            .map(|s| s.get(i).cloned().unwrap_or(Value::None))
            .collect();
        let item = if func.is_none() {
            if row.len() == 1 {
                row[0].clone()
            } else {
                vm.new_tuple(row)
            }
        } else {
            vm.call(&func, Args::positional(&row))?
        };
        out.push(item);
    }
    Ok(vm.new_list(out))
}

/// `filter(function, sequence)`: a str or tuple for those, else a list.
fn filter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [func, seq] = args.pos() else {
        let n = args.pos().len();
        return Err(vm.type_error(&format!("filter expected 2 arguments, got {n}")));
    };
    let items = vm.collect(seq)?;
    let mut kept = Vec::new();
    for item in items {
        let keep = if func.is_none() {
            vm.truthy(&item)?
        } else {
            let r = vm.call(func, Args::positional(std::slice::from_ref(&item)))?;
            vm.truthy(&r)?
        };
        if keep {
            kept.push(item);
        }
    }
    match seq.payload() {
        Some(Payload::Tuple(_)) => Ok(vm.new_tuple(kept)),
        Some(Payload::Str(_)) => {
            let mut s = String::new();
            for k in &kept {
                if let Some(t) = k.as_str() {
                    s.push_str(t.as_str());
                }
            }
            Ok(if super::text::is_unicode(vm, seq) {
                super::text::new_unicode(vm, &s)
            } else {
                vm.new_str(&s)
            })
        }
        _ => Ok(vm.new_list(kept)),
    }
}

/// `zip(seq, ...)`: a list of tuples, as long as the shortest sequence.
fn zip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut seqs = Vec::new();
    for (i, s) in args.pos().iter().enumerate() {
        if !vm.is_iterable(s) {
            let msg = format!("zip argument #{} must support iteration", i + 1);
            return Err(vm.type_error(&msg));
        }
        seqs.push(vm.collect(s)?);
    }
    let len = seqs.iter().map(Vec::len).min().unwrap_or(0);
    let out: Vec<Value> = (0..len)
        .map(|i| vm.new_tuple(seqs.iter().map(|s| s[i].clone()).collect()))
        .collect();
    Ok(vm.new_list(out))
}

/// `reduce(function, sequence[, initial])`.
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if !(2..=3).contains(&pos.len()) {
        let n = pos.len();
        return Err(vm.type_error(&format!("reduce expected at least 2 arguments, got {n}")));
    }
    let items = vm.collect(&pos[1])?;
    let mut iter = items.into_iter();
    let mut acc = match pos.get(2) {
        Some(v) => v.clone(),
        None => match iter.next() {
            Some(v) => v,
            None => return Err(vm.type_error("reduce() of empty sequence with no initial value")),
        },
    };
    for item in iter {
        acc = vm.call(&pos[0], Args::positional(&[acc, item]))?;
    }
    Ok(acc)
}

/// `apply(function[, args[, kwargs]])`.
fn apply(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(func) = pos.first() else {
        return Err(vm.type_error("apply expected at least 1 arguments, got 0"));
    };
    let mut values = match pos.get(1) {
        Some(a) => vm.collect(a)?,
        None => Vec::new(),
    };
    let mut names = Vec::new();
    if let Some(Value::Obj(kw)) = pos.get(2) {
        for e in vm.dict_items(kw) {
            if !e.key.is_null() {
                names.push(e.key);
                values.push(e.value);
            }
        }
    }
    vm.call(
        func,
        Args {
            values: &values,
            kwnames: &names,
        },
    )
}

/// `cmp(a, b)`: -1, 0 or 1 (`__cmp__` first, then the rich comparisons).
fn cmp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [a, b] = args.pos() else {
        let n = args.pos().len();
        return Err(vm.type_error(&format!("cmp expected 2 arguments, got {n}")));
    };
    Ok(Value::Int(three_way(vm, a, b)?))
}

/// The three-way comparison of Python 2: `__cmp__` when defined, else ==, < and the
/// default order.
pub fn three_way(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<i64> {
    if let Some(c) = super::ordering::cmp_method(vm, a, b)? {
        return Ok(c);
    }
    let eq = vm.compare(a, b, CmpOp::Eq)?;
    if vm.truthy(&eq)? {
        return Ok(0);
    }
    let lt = vm.compare(a, b, CmpOp::Lt)?;
    if vm.truthy(&lt)? {
        return Ok(-1);
    }
    Ok(1)
}

/// `raw_input([prompt])`: one line of standard input without its newline.
fn raw_input(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(p) = args.pos().first() {
        let s = vm.str(p)?;
        let text = vm.new_str(&s);
        super::text::write_stream_text(vm, crate::modules::sys::Stream::Stdout, &text)?;
    }
    vm.flush_stdout();
    let mut line = Vec::new();
    let n =
        std::io::BufRead::read_until(&mut std::io::stdin().lock(), b'\n', &mut line).unwrap_or(0);
    if n == 0 {
        let class = vm.types.exc.eof_error.clone();
        return Err(vm.new_exception(&class, "EOF when reading a line"));
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok(vm.new_str(&super::text::latin1_text(&line)))
}

/// `intern(string)`.
fn intern(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [s] if s.as_str().is_some() => {
            let t = s
                .as_str()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default();
            Ok(Value::Obj(vm.intern(&t)))
        }
        [s] => {
            let t = vm.type_name(s).to_string();
            Err(vm.type_error(&format!("intern() argument 1 must be string, not {t}")))
        }
        _ => Err(vm.type_error("intern() takes exactly 1 argument")),
    }
}

/// The dict method `name` of Python 3 (a view), called on `args`.
fn dict_view(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    let dict_t = vm.types.dict.clone();
    let key = vm.intern(name);
    let Some(f) = vm.lookup_in_mro(&dict_t, &key) else {
        return Err(vm.system_error("dict view method missing"));
    };
    vm.call(&f, Args::positional(args.values))
}

fn listed(vm: &mut Vm, args: Args<'_>, view: &str) -> PyResult<Value> {
    let v = dict_view(vm, &args, view)?;
    let items = vm.collect(&v)?;
    Ok(vm.new_list(items))
}

fn iterated(vm: &mut Vm, args: Args<'_>, view: &str) -> PyResult<Value> {
    let v = dict_view(vm, &args, view)?;
    vm.get_iter(&v)
}

fn has_key(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [d, k] => Ok(Value::bool(vm.contains(d, k)?)),
        _ => Err(vm.type_error("has_key() takes exactly one argument")),
    }
}

/// Moves dict's view methods to `view*` and adds the list- and iterator-returning ones.
fn install_dict(vm: &mut Vm) {
    let t: ObjRef = vm.types.dict.clone();
    let dict = vm.type_data(&t).dict.clone();
    for name in ["keys", "values", "items"] {
        let key = Value::Obj(vm.intern(name));
        if let Ok(Some(f)) = vm.dict_get(&dict, &key) {
            let view_key = Value::Obj(vm.intern(&format!("view{name}")));
            let _ = vm.dict_set(&dict, view_key, f);
        }
    }
    vm.add_method(
        &t,
        "keys",
        |vm, a| listed(vm, a, "viewkeys"),
        BuiltinKind::Method,
    );
    vm.add_method(
        &t,
        "values",
        |vm, a| listed(vm, a, "viewvalues"),
        BuiltinKind::Method,
    );
    vm.add_method(
        &t,
        "items",
        |vm, a| listed(vm, a, "viewitems"),
        BuiltinKind::Method,
    );
    vm.add_method(
        &t,
        "iterkeys",
        |vm, a| iterated(vm, a, "viewkeys"),
        BuiltinKind::Method,
    );
    let values: crate::object::NativeFn = |vm, a| iterated(vm, a, "viewvalues");
    vm.add_method(&t, "itervalues", values, BuiltinKind::Method);
    let items: crate::object::NativeFn = |vm, a| iterated(vm, a, "viewitems");
    vm.add_method(&t, "iteritems", items, BuiltinKind::Method);
    vm.add_method(&t, "has_key", has_key, BuiltinKind::Method);
}

/// `round(number[, ndigits])`: always a float; halves round away from zero.
fn round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        let n = pos.len();
        return Err(vm.type_error(&format!("round() takes at most 2 arguments ({n} given)")));
    }
    let x = match &pos[0] {
        Value::Float(f) => f.get(),
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        v => match v.payload() {
            Some(Payload::Float(f)) => *f,
            Some(Payload::Int(_)) => crate::builtins::float::float_from_value(vm, v)?,
            _ => return Err(vm.type_error("a float is required")),
        },
    };
    let digits = match pos.get(1) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        None => 0,
        Some(_) => return Err(vm.type_error("an integer is required")),
    };
    if digits == 0 {
        return Ok(Value::float(x.round()));
    }
    if let Some(r) = round_halfway_away(x, digits) {
        return Ok(Value::float(r));
    }
    let r = crate::builtins::float::round_float_digits(x, digits).unwrap_or(x);
    Ok(Value::float(r))
}

/// 2.x rounds a value exactly halfway between two multiples of 10**-digits away from
/// zero (3.x: to even): Some(result) for such a value (digits > 0: `x * 2**(digits+1)`
/// is an odd integer), else None.
fn round_halfway_away(x: f64, digits: i64) -> Option<f64> {
    if !(1..=300).contains(&digits) || !x.is_finite() {
        return None;
    }
    let scaled = x * 2f64.powi(digits as i32 + 1);
    if !scaled.is_finite() || scaled.fract() != 0.0 || scaled.abs() >= 2f64.powi(53) {
        return None;
    }
    if (scaled.abs() as u64) % 2 != 1 {
        return None;
    }
    // Exactly representable with digits + 1 decimals, the last one a 5: round it up.
    let text = format!("{:.*}", digits as usize + 1, x.abs());
    let mut bytes: Vec<u8> = text.into_bytes();
    bytes.pop();
    let mut i = bytes.len();
    loop {
        if i == 0 {
            bytes.insert(0, b'1');
            break;
        }
        i -= 1;
        match bytes[i] {
            b'.' => continue,
            b'9' => bytes[i] = b'0',
            d => {
                bytes[i] = d + 1;
                break;
            }
        }
    }
    let up: f64 = String::from_utf8(bytes).ok()?.parse().ok()?;
    Some(if x < 0.0 { -up } else { up })
}

/// `hex(x)` / `oct(x)` of Python 2: `0x1f`, `017` (`0` for zero), `L` after a long.
fn radix(vm: &mut Vm, args: Args<'_>, hex: bool) -> PyResult<Value> {
    let name = if hex { "hex" } else { "oct" };
    let [x] = args.pos() else {
        let n = args.pos().len();
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({n} given)")));
    };
    let Some(i) = crate::vm::ops::as_int(x) else {
        let msg = format!("{name}() argument can't be converted to {name}");
        return Err(vm.type_error(&msg));
    };
    let big = i.to_big();
    let (sign, mag) = if big.sign() == num_bigint::Sign::Minus {
        ("-", -big)
    } else {
        ("", big)
    };
    let digits = if hex {
        format!("0x{}", mag.to_str_radix(16))
    } else if mag == num_bigint::BigInt::from(0) {
        "0".to_string()
    } else {
        format!("0{}", mag.to_str_radix(8))
    };
    let suffix = if super::long::is_long(vm, x) { "L" } else { "" };
    Ok(vm.new_str(&format!("{sign}{digits}{suffix}")))
}

/// `divmod(a, b)` whose parts are `long` when an operand is (over the shared `divmod`).
fn divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = crate::builtins::numeric::builtin_divmod(
        vm,
        Args {
            values: args.values,
            kwnames: args.kwnames,
        },
    )?;
    let [a, b] = args.pos() else {
        return Ok(r);
    };
    match r.payload() {
        Some(Payload::Tuple(t)) if t.len() == 2 => {
            let (q, m) = (t[0].clone(), t[1].clone());
            let q = super::long::keep_long(vm, a, b, q);
            let m = super::long::keep_long(vm, a, b, m);
            Ok(vm.new_tuple(vec![q, m]))
        }
        _ => Ok(r),
    }
}

/// Installs the 2.x builtin functions.
/// The built-in exception classes of Python 3 that Python 2 does not have.
const PYTHON3_EXCEPTIONS: &[&str] = &[
    "BlockingIOError",
    "BrokenPipeError",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "ModuleNotFoundError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ResourceWarning",
    "StopAsyncIteration",
    "TimeoutError",
];

pub fn install(vm: &mut Vm) {
    let range_t = vm.types.range.clone();
    vm.type_data(&range_t)
        .name
        .replace(std::rc::Rc::from("xrange"));
    vm.type_data(&range_t)
        .qualname
        .replace(std::rc::Rc::from("xrange"));
    super::set_builtin(vm, "xrange", Value::Obj(range_t));
    vm.add_builtin("range", range);
    vm.add_builtin("map", map);
    vm.add_builtin("filter", filter);
    vm.add_builtin("zip", zip);
    vm.add_builtin("reduce", reduce);
    vm.add_builtin("apply", apply);
    vm.add_builtin("cmp", cmp);
    vm.add_builtin("raw_input", raw_input);
    vm.add_builtin("intern", intern);
    vm.add_builtin("round", round);
    vm.add_builtin("divmod", divmod);
    vm.add_builtin("hex", |vm, a| radix(vm, a, true));
    vm.add_builtin("oct", |vm, a| radix(vm, a, false));
    for gone in ["ascii", "exec", "breakpoint", "__build_class__"] {
        super::remove_builtin(vm, gone);
    }
    // The exception classes 3.x added (the runtime keeps the classes, 2.x code cannot
    // name them).
    for gone in PYTHON3_EXCEPTIONS {
        super::remove_builtin(vm, gone);
    }
    install_dict(vm);
}

/// `sys` of a 2.x program: `maxint`.
pub fn adjust_sys(vm: &mut Vm, sys: &ObjRef) {
    vm.module_set(sys, "maxint", Value::Int(i64::MAX));
    super::compat::adjust_sys(vm, sys);
    let f = vm.new_builtin(
        "getdefaultencoding",
        default_encoding,
        BuiltinKind::Function,
        None,
    );
    vm.module_set(sys, "getdefaultencoding", f);
    let f = vm.new_builtin("exc_clear", exc_clear, BuiltinKind::Function, None);
    vm.module_set(sys, "exc_clear", f);
}

fn default_encoding(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.new_str("ascii"))
}

/// `sys.exc_clear()`: forget the exception being handled.
fn exc_clear(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    vm.handled = Value::None;
    Ok(Value::None)
}

/// `math.floor(x)` / `math.ceil(x)` of Python 2: floats.
fn float_rounding(vm: &mut Vm, args: Args<'_>, up: bool) -> PyResult<Value> {
    let [x] = args.pos() else {
        let n = args.pos().len();
        let name = if up { "ceil" } else { "floor" };
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({n} given)")));
    };
    let f = crate::builtins::float::float_from_value(vm, x)?;
    Ok(Value::float(if up { f.ceil() } else { f.floor() }))
}

/// `math` of a 2.x program.
pub fn adjust_math(vm: &mut Vm, m: &ObjRef) {
    let floor = vm.new_builtin(
        "floor",
        |vm, a| float_rounding(vm, a, false),
        BuiltinKind::Function,
        None,
    );
    vm.module_set(m, "floor", floor);
    let ceil = vm.new_builtin(
        "ceil",
        |vm, a| float_rounding(vm, a, true),
        BuiltinKind::Function,
        None,
    );
    vm.module_set(m, "ceil", ceil);
}
