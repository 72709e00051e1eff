//! A minimal native `time` module: clocks (`time`, `time_ns`, `perf_counter`,
//! `monotonic`, `process_time` and their `_ns` forms), `sleep`, and broken-down time
//! (`localtime`, `gmtime`, `mktime`, `strftime`, `asctime`, `ctime`) through the C
//! library, with `struct_time` as a struct sequence.

use super::structseq;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Payload, Value};
use crate::vm::{PyResult, Vm};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// (name, function, first version that has it).
const FUNCTIONS: &[(&str, NativeFn, (u8, u8))] = &[
    ("time", |vm, a| clock(vm, a, "time", wall, false), (3, 0)),
    (
        "time_ns",
        |vm, a| clock(vm, a, "time_ns", wall, true),
        (3, 7),
    ),
    (
        "perf_counter",
        |vm, a| clock(vm, a, "perf_counter", mono, false),
        (3, 3),
    ),
    (
        "perf_counter_ns",
        |vm, a| clock(vm, a, "perf_counter_ns", mono, true),
        (3, 7),
    ),
    (
        "monotonic",
        |vm, a| clock(vm, a, "monotonic", mono, false),
        (3, 3),
    ),
    (
        "monotonic_ns",
        |vm, a| clock(vm, a, "monotonic_ns", mono, true),
        (3, 7),
    ),
    (
        "process_time",
        |vm, a| clock(vm, a, "process_time", cpu, false),
        (3, 3),
    ),
    (
        "process_time_ns",
        |vm, a| clock(vm, a, "process_time_ns", cpu, true),
        (3, 7),
    ),
    ("sleep", time_sleep, (3, 0)),
    (
        "localtime",
        |vm, a| broken_down(vm, a, "localtime", true),
        (3, 0),
    ),
    (
        "gmtime",
        |vm, a| broken_down(vm, a, "gmtime", false),
        (3, 0),
    ),
    ("mktime", time_mktime, (3, 0)),
    ("strftime", time_strftime, (3, 0)),
    ("asctime", time_asctime, (3, 0)),
    ("ctime", time_ctime, (3, 0)),
    ("get_clock_info", time_get_clock_info, (3, 3)),
];

/// `get_clock_info(name)`: a namespace with the clock's implementation, whether it is
/// monotonic and adjustable, and its resolution (the C library's clocks, in ns).
fn time_get_clock_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let name = match args.pos() {
        [n] if n.as_str().is_some() => n
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        [n] => {
            let t = vm.type_name(n);
            return Err(vm.type_error(&format!("get_clock_info() argument 1 must be str, not {t}")));
        }
        p => {
            return Err(vm.type_error(&format!(
                "get_clock_info() takes exactly one argument ({} given)",
                p.len()
            )))
        }
    };
    let (implementation, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let sys = vm.import_absolute("sys")?;
    let key = vm.intern("implementation");
    let imp = vm.get_attr(&sys, &key)?;
    let namespace = Value::Obj(vm.class_of(&imp).clone());
    let values = [
        vm.new_str(implementation),
        Value::bool(monotonic),
        Value::bool(adjustable),
        Value::float(1e-09),
    ];
    let names: Vec<Value> = ["implementation", "monotonic", "adjustable", "resolution"]
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    vm.call(
        &namespace,
        Args {
            values: &values,
            kwnames: &names,
        },
    )
}

thread_local! {
    /// The origin of the monotonic clocks.
    static START: Instant = Instant::now();
}

/// `time`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    START.with(|_| ());
    let m = vm.new_module("time");
    let ver = vm.version.format.major_minor;
    for (name, f, since) in FUNCTIONS {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    let t = structseq::new_type(vm, "time", "struct_time", &FIELDS)?;
    vm.module_set(&m, "struct_time", Value::Obj(t));
    Ok(m)
}

fn wall() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn mono() -> Duration {
    START.with(|s| s.elapsed())
}

fn cpu() -> Duration {
    let mut ts = ffi::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let r = unsafe { ffi::clock_gettime(ffi::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return mono();
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn no_args(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<()> {
    if args.pos().is_empty() && args.kw().next().is_none() {
        Ok(())
    } else {
        Err(vm.type_error(&format!(
            "{name}() takes no arguments ({} given)",
            args.pos().len()
        )))
    }
}

fn clock(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    f: fn() -> Duration,
    ns: bool,
) -> PyResult<Value> {
    no_args(vm, &args, name)?;
    let d = f();
    Ok(if ns {
        crate::builtins::int::int_value(vm, d.as_nanos().into())
    } else {
        Value::float(d.as_secs_f64())
    })
}

fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match crate::builtins::numeric::num_of(v) {
        Some(crate::builtins::numeric::Num::Float(f)) => Ok(f),
        Some(crate::builtins::numeric::Num::Int(i)) => {
            crate::builtins::numeric::int_to_f64_or_err(vm, &i)
        }
        _ => {
            let t = vm.type_name(v);
            let msg =
                crate::vm::messages::int_arg_required(vm.version.format.major_minor, &t, false);
            Err(vm.type_error(&msg))
        }
    }
}

fn time_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [secs] = args.pos() else {
        return Err(vm.type_error(&format!(
            "sleep() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let s = seconds_arg(vm, secs)?;
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    std::thread::sleep(Duration::from_secs_f64(s.min(1e9)));
    Ok(Value::None)
}

/// `localtime([secs])` / `gmtime([secs])`.
fn broken_down(vm: &mut Vm, args: Args<'_>, name: &str, local: bool) -> PyResult<Value> {
    let secs = match args.pos() {
        [] | [Value::None] => wall().as_secs() as i64,
        [v] => {
            let s = seconds_arg(vm, v)?;
            if !s.is_finite() || s.abs() > 1e17 {
                return Err(crate::builtins::numeric::overflow_error(
                    vm,
                    "timestamp out of range for platform time_t",
                ));
            }
            s.floor() as i64
        }
        p => {
            return Err(vm.type_error(&format!(
                "{name} expected at most 1 argument, got {}",
                p.len()
            )))
        }
    };
    let tm = ffi::broken_down(secs, local).ok_or_else(|| {
        vm.new_exception(&vm.types.exc.os_error.clone(), "time conversion failed")
    })?;
    struct_time(vm, &tm)
}

fn struct_time(vm: &mut Vm, tm: &ffi::Tm) -> PyResult<Value> {
    let module = crate::vm::Vm::module_dict(&Value::Obj(vm.import_time_module()?));
    let key = vm.intern("struct_time");
    let t = module.and_then(|d| vm.dict_get_name(&d, &key));
    let Some(Value::Obj(t)) = t else {
        return Err(vm.system_error("time.struct_time is missing"));
    };
    let values = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    Ok(structseq::new(
        &t,
        values.iter().map(|v| Value::Int(*v)).collect(),
    ))
}

/// A `struct_time` or 9-tuple argument as a C `struct tm`.
fn tm_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<ffi::Tm> {
    let items = match v.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{name}(): illegal time tuple argument")));
    }
    let mut n = [0i32; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        let i = crate::builtins::numeric::index_or_error(vm, item)?;
        *slot = num_traits::ToPrimitive::to_i32(&i).unwrap_or(i32::MAX);
    }
    Ok(ffi::Tm {
        tm_year: n[0].saturating_sub(1900),
        tm_mon: n[1] - 1,
        tm_mday: n[2],
        tm_hour: n[3],
        tm_min: n[4],
        tm_sec: n[5],
        tm_wday: (n[6] + 1) % 7,
        tm_yday: n[7] - 1,
        tm_isdst: n[8],
        ..Default::default()
    })
}

fn time_mktime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [t] = args.pos() else {
        return Err(vm.type_error(&format!(
            "mktime() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let mut tm = tm_arg(vm, t, "mktime")?;
    // The sentinel CPython uses: mktime sets tm_wday when it succeeds.
    tm.tm_wday = -1;
    // SAFETY: mktime reads and normalises the struct tm it is given.
    let r = unsafe { ffi::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(crate::builtins::numeric::overflow_error(
            vm,
            "mktime argument out of range",
        ));
    }
    Ok(Value::float(r as f64))
}

fn current_or(vm: &mut Vm, v: Option<&Value>, name: &str) -> PyResult<ffi::Tm> {
    match v {
        None => ffi::broken_down(wall().as_secs() as i64, true)
            .ok_or_else(|| vm.system_error("localtime failed")),
        Some(v) => tm_arg(vm, v, name),
    }
}

fn time_strftime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let Some(fmt) = pos
        .first()
        .and_then(|f| f.as_str())
        .map(|s| s.as_str().to_string())
    else {
        return Err(vm.type_error("strftime() argument 1 must be str"));
    };
    let tm = current_or(vm, pos.get(1), "strftime")?;
    Ok(vm.new_str(&ffi::strftime(&fmt, &tm)))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn asctime(tm: &ffi::Tm) -> String {
    format!(
        "{} {} {:>2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn time_asctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let tm = current_or(vm, args.pos().first(), "asctime")?;
    Ok(vm.new_str(&asctime(&tm)))
}

fn time_ctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = match args.pos().first() {
        None | Some(Value::None) => wall().as_secs() as i64,
        Some(v) => seconds_arg(vm, v)?.floor() as i64,
    };
    let tm = ffi::broken_down(secs, true).ok_or_else(|| vm.system_error("localtime failed"))?;
    Ok(vm.new_str(&asctime(&tm)))
}

impl Vm {
    /// The `time` module from `sys.modules` (created on first use).
    fn import_time_module(&mut self) -> PyResult<ObjRef> {
        match self.import_absolute("time")? {
            Value::Obj(o) if matches!(o.payload, Payload::Module(_)) => Ok(o),
            _ => Err(self.system_error("time is not a module")),
        }
    }
}

/// The C library's broken-down time.
mod ffi {
    use std::os::raw::{c_char, c_int, c_long};

    /// `struct tm` (glibc and the BSDs: nine ints, then the offset and zone name).
    #[repr(C)]
    #[derive(Clone, Copy)]
    pub struct Tm {
        pub tm_sec: c_int,
        pub tm_min: c_int,
        pub tm_hour: c_int,
        pub tm_mday: c_int,
        pub tm_mon: c_int,
        pub tm_year: c_int,
        pub tm_wday: c_int,
        pub tm_yday: c_int,
        pub tm_isdst: c_int,
        pub tm_gmtoff: c_long,
        pub tm_zone: *const c_char,
    }

    impl Default for Tm {
        fn default() -> Tm {
            Tm {
                tm_sec: 0,
                tm_min: 0,
                tm_hour: 0,
                tm_mday: 0,
                tm_mon: 0,
                tm_year: 0,
                tm_wday: -1,
                tm_yday: 0,
                tm_isdst: -1,
                tm_gmtoff: 0,
                tm_zone: std::ptr::null(),
            }
        }
    }

    #[repr(C)]
    pub struct Timespec {
        pub tv_sec: i64,
        pub tv_nsec: c_long,
    }

    #[cfg(target_os = "linux")]
    pub const CLOCK_PROCESS_CPUTIME_ID: c_int = 2;
    #[cfg(not(target_os = "linux"))]
    pub const CLOCK_PROCESS_CPUTIME_ID: c_int = 12;

    extern "C" {
        fn localtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
        fn gmtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
        pub fn mktime(tm: *mut Tm) -> i64;
        #[link_name = "strftime"]
        fn c_strftime(s: *mut c_char, max: usize, format: *const c_char, tm: *const Tm) -> usize;
        pub fn clock_gettime(clock: c_int, ts: *mut Timespec) -> c_int;
    }

    /// `localtime_r`/`gmtime_r` of a time_t.
    pub fn broken_down(secs: i64, local: bool) -> Option<Tm> {
        let mut tm = Tm::default();
        // SAFETY: both functions read one time_t and fill the struct tm they are given.
        let r = unsafe {
            if local {
                localtime_r(&secs, &mut tm)
            } else {
                gmtime_r(&secs, &mut tm)
            }
        };
        (!r.is_null()).then_some(tm)
    }

    /// C `strftime` into a growing buffer.
    pub fn strftime(format: &str, tm: &Tm) -> String {
        let Ok(fmt) = std::ffi::CString::new(format) else {
            return String::new();
        };
        if format.is_empty() {
            return String::new();
        }
        let mut size = 256;
        while size <= 1 << 20 {
            let mut buf = vec![0u8; size];
            // SAFETY: the buffer holds `size` bytes; strftime writes at most that many.
            let n = unsafe { c_strftime(buf.as_mut_ptr() as *mut c_char, size, fmt.as_ptr(), tm) };
            if n > 0 {
                buf.truncate(n);
                return String::from_utf8_lossy(&buf).into_owned();
            }
            size *= 4;
        }
        String::new()
    }
}
