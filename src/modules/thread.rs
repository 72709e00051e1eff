//! `_thread`, single-threaded: thread identity, locks (`allocate_lock`/`LockType`,
//! `RLock`) and `_local`, enough for `reprlib`, `functools`, `threading`-free stdlib
//! modules. Starting a thread raises RuntimeError: xpython runs one thread.

use super::native_class::{bind, new_class, new_instance, state_of, Method};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// A lock's state: how many times it is held (0 or 1 for a plain lock).
struct Lock {
    count: Cell<u64>,
    reentrant: bool,
}

const IDENT: i64 = 1;

const LOCK_METHODS: &[Method] = &[
    ("acquire", lock_acquire, BuiltinKind::Method),
    ("acquire_lock", lock_acquire, BuiltinKind::Method),
    ("__enter__", lock_acquire, BuiltinKind::Method),
    ("release", lock_release, BuiltinKind::Method),
    ("release_lock", lock_release, BuiltinKind::Method),
    ("__exit__", lock_release, BuiltinKind::Method),
    (
        "locked",
        |vm, a| Ok(Value::bool(lock(vm, &a)?.count.get() > 0)),
        BuiltinKind::Method,
    ),
    (
        "locked_lock",
        |vm, a| Ok(Value::bool(lock(vm, &a)?.count.get() > 0)),
        BuiltinKind::Method,
    ),
    (
        "_is_owned",
        |vm, a| Ok(Value::bool(lock(vm, &a)?.count.get() > 0)),
        BuiltinKind::Method,
    ),
    (
        "_at_fork_reinit",
        |vm, a| {
            lock(vm, &a)?.count.set(0);
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
    ("__repr__", lock_repr, BuiltinKind::Method),
];

/// `_thread`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = super::native_class::module_with(
        vm,
        "_thread",
        &[
            ("get_ident", |_, _| Ok(Value::Int(IDENT))),
            ("get_native_id", |_, _| {
                Ok(Value::Int(std::process::id() as i64))
            }),
            ("allocate_lock", |vm, _| new_lock(vm, "LockType", false)),
            ("allocate", |vm, _| new_lock(vm, "LockType", false)),
            ("_count", |_, _| Ok(Value::Int(0))),
            ("stack_size", |_, _| Ok(Value::Int(0))),
            ("daemon_threads_allowed", |_, _| {
                Ok(Value::Bool(Truth::True))
            }),
            ("_set_sentinel", |vm, _| new_lock(vm, "LockType", false)),
            ("start_new_thread", no_threads),
            ("start_new", no_threads),
            ("start_joinable_thread", no_threads),
            ("interrupt_main", |_, _| Ok(Value::None)),
            ("_shutdown", |_, _| Ok(Value::None)),
            ("_get_main_thread_ident", |_, _| Ok(Value::Int(IDENT))),
            ("_is_main_interpreter", |_, _| Ok(Value::Bool(Truth::True))),
            ("_make_thread_handle", make_thread_handle),
        ],
    );
    let object = vm.types.object.clone();
    let lock_t = new_class(vm, "_thread", "lock", vec![object.clone()], LOCK_METHODS)?;
    let rlock_t = new_class(vm, "_thread", "RLock", vec![object.clone()], LOCK_METHODS)?;
    vm.add_method(&rlock_t, "__new__", rlock_new, BuiltinKind::StaticMethod);
    if crate::vm::flavour::thread_lock_is_constructible(vm.version) {
        vm.add_method(&lock_t, "__new__", lock_new, BuiltinKind::StaticMethod);
    }
    let ns = vm.new_dict();
    let key = Value::Obj(vm.names.__module__.clone());
    let module_name = vm.new_str("_thread");
    vm.dict_set(&ns, key, module_name)?;
    let meta = vm.types.type_.clone();
    let local_t = vm.new_class(&meta, "_local", vec![object], &ns, Args::positional(&[]))?;
    vm.module_set(&m, "LockType", Value::Obj(lock_t.clone()));
    vm.module_set(&m, "lock", Value::Obj(lock_t));
    vm.module_set(&m, "RLock", Value::Obj(rlock_t));
    vm.module_set(&m, "_local", Value::Obj(local_t));
    let runtime_error = Value::Obj(vm.types.exc.runtime_error.clone());
    vm.module_set(&m, "error", runtime_error);
    vm.module_set(&m, "TIMEOUT_MAX", Value::float(9223372036.0));
    let handle_t = new_class(vm, "_thread", "_ThreadHandle", Vec::new(), HANDLE_METHODS)?;
    vm.add_getset(
        &handle_t,
        "ident",
        |vm, a| Ok(Value::Int(handle(vm, &a)?.ident)),
        None,
    );
    vm.module_set(&m, "_ThreadHandle", Value::Obj(handle_t));
    Ok(m)
}

/// A `_thread._ThreadHandle` (3.13): the only thread is the main one, never done.
struct Handle {
    ident: i64,
    done: std::cell::Cell<bool>,
}

const HANDLE_METHODS: &[super::native_class::Method] = &[
    (
        "is_done",
        |vm, a| Ok(Value::bool(handle(vm, &a)?.done.get())),
        BuiltinKind::Method,
    ),
    (
        "_set_done",
        |vm, a| {
            handle(vm, &a)?.done.set(true);
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
    (
        "join",
        |vm, a| {
            handle(vm, &a)?;
            Ok(Value::None)
        },
        BuiltinKind::Method,
    ),
];

fn handle<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Handle> {
    super::native_class::this::<Handle>(vm, a, "_ThreadHandle", "_thread._ThreadHandle")
}

/// `_make_thread_handle(ident)`.
fn make_thread_handle(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let ident = match a.pos().first() {
        Some(v) => super::native_class::int_arg(vm, v)?,
        None => IDENT,
    };
    let m = vm.import_absolute("_thread")?;
    let key = vm.intern("_ThreadHandle");
    let Value::Obj(t) = vm.get_attr(&m, &key)? else {
        return Err(vm.system_error("_thread._ThreadHandle missing"));
    };
    let h = Handle {
        ident,
        done: std::cell::Cell::new(false),
    };
    Ok(Value::Obj(super::native_class::new_instance(vm, &t, h)))
}

fn no_threads(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Err(vm.new_exception(
        &vm.types.exc.runtime_error,
        "xpython runs a single thread: threads cannot be started",
    ))
}

fn new_lock(vm: &mut Vm, class: &str, reentrant: bool) -> PyResult<Value> {
    let m = vm.import_absolute("_thread")?;
    let name = vm.intern(class);
    let Value::Obj(cls) = vm.get_attr(&m, &name)? else {
        return Err(vm.system_error("_thread lock type missing"));
    };
    let l = Lock {
        count: Cell::new(0),
        reentrant,
    };
    Ok(Value::Obj(new_instance(vm, &cls, l)))
}

/// `_thread.lock()` (3.13+).
fn lock_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("lock.__new__(X): X is not a type object"));
    };
    let l = Lock {
        count: Cell::new(0),
        reentrant: false,
    };
    Ok(Value::Obj(new_instance(vm, cls, l)))
}

fn rlock_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.values.first() else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    let l = Lock {
        count: Cell::new(0),
        reentrant: true,
    };
    Ok(Value::Obj(new_instance(vm, cls, l)))
}

fn lock<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Lock> {
    a.values
        .first()
        .and_then(state_of::<Lock>)
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object"))
}

fn lock_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock(vm, &args)?;
    let a = bind(vm, args, "acquire", &["blocking", "timeout"], 0, true);
    // `__enter__` takes no arguments; `acquire` two.
    let (blocking, timeout) = match a {
        Ok(a) => (
            match &a[0] {
                Some(b) => vm.truthy(b)?,
                None => true,
            },
            a[1].clone(),
        ),
        Err(_) => (true, None),
    };
    if l.count.get() == 0 || l.reentrant {
        l.count.set(l.count.get() + 1);
        return Ok(Value::Bool(Truth::True));
    }
    let waits_forever = match &timeout {
        None => true,
        Some(Value::Int(i)) => *i < 0,
        Some(Value::Float(f)) => f.get() < 0.0,
        _ => false,
    };
    if blocking && waits_forever {
        return Err(vm.new_exception(
            &vm.types.exc.runtime_error,
            "deadlock: the lock is held and xpython runs a single thread",
        ));
    }
    Ok(Value::Bool(Truth::False))
}

fn lock_release(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock(vm, &args)?;
    if l.count.get() == 0 {
        let msg = if l.reentrant {
            "cannot release un-acquired lock"
        } else {
            "release unlocked lock"
        };
        return Err(vm.new_exception(&vm.types.exc.runtime_error, msg));
    }
    l.count.set(l.count.get() - 1);
    Ok(Value::None)
}

fn lock_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let l = lock(vm, &args)?;
    let id = args.values[0].id();
    let s = if l.reentrant {
        let t = vm.type_name(&args.values[0]);
        let held = if l.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        };
        let owner = if l.count.get() > 0 { IDENT } else { 0 };
        format!(
            "<{held} _thread.{t} object owner={owner} count={} at {id:#x}>",
            l.count.get()
        )
    } else {
        let held = if l.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        };
        format!("<{held} _thread.lock object at {id:#x}>")
    };
    Ok(vm.new_str(&s))
}
