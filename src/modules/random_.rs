//! The native `_random`: `Random`, the Mersenne Twister (MT19937) that `random.py`
//! builds on, seeded as CPython seeds it (an int's absolute value as 32-bit words through
//! `init_by_array`; None from the system's random source), so a seeded sequence equals
//! CPython's. Methods: `random`, `seed`, `getrandbits`, `getstate`, `setstate`.

use super::native_class::{self, int_arg, new_instance, Method};
use crate::object::{Args, BuiltinKind, ObjRef, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};

const N: usize = 624;
const M: usize = 397;

/// The generator's state.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N + 1,
        };
        mt.init_genrand(19650218);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & UPPER) | (self.state[(k + 1) % N] & LOWER);
                let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

/// A `_random.Random` object's state.
struct Random {
    mt: PyCell<Mt>,
}

const METHODS: &[Method] = &[
    ("__new__", random_new, BuiltinKind::StaticMethod),
    ("random", random_random, BuiltinKind::Method),
    ("seed", random_seed, BuiltinKind::Method),
    ("getrandbits", random_getrandbits, BuiltinKind::Method),
    ("getstate", random_getstate, BuiltinKind::Method),
    ("setstate", random_setstate, BuiltinKind::Method),
];

/// `_random`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_random");
    let t = native_class::new_class(vm, "_random", "Random", Vec::new(), METHODS)?;
    vm.module_set(&m, "Random", Value::Obj(t));
    Ok(m)
}

fn this<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Random> {
    native_class::this::<Random>(vm, a, "random", "_random.Random")
}

fn random_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = a.values.first() else {
        return Err(vm.type_error("Random.__new__(X): X is not a type object"));
    };
    let r = Random {
        mt: PyCell::new(Mt::new()),
    };
    let o = Value::Obj(new_instance(vm, cls, r));
    if let Some(r) = native_class::state_of::<Random>(&o) {
        let arg = a.pos().get(1).cloned().unwrap_or(Value::None);
        seed(vm, r, &arg)?;
    }
    Ok(o)
}

/// Seeds from `arg`: None → the system's random source; an int → its absolute value;
/// anything else → its hash.
fn seed(vm: &mut Vm, r: &Random, arg: &Value) -> PyResult<()> {
    let key: Vec<u32> = if arg.is_none() {
        let mut bytes = [0u8; N * 4];
        let mut filled = 0;
        while filled < bytes.len() {
            let rest = &mut bytes[filled..];
            // SAFETY: `rest` is a writable buffer of `rest.len()` bytes.
            let got = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
            if got < 0 {
                return Err(vm.last_os_error());
            }
            filled += got as usize;
        }
        bytes
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let n: BigInt = match arg {
            Value::Int(_) | Value::Bool(_) => crate::builtins::int::int_from_value(vm, arg)?,
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                crate::builtins::int::int_from_value(vm, arg)?
            }
            _ => BigInt::from(vm.hash(arg)?),
        };
        let (_, mut words) = n.to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        words
    };
    r.mt.with_mut(|mt| mt.init_by_array(&key));
    Ok(())
}

fn random_seed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &a)?;
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("seed() takes no keyword arguments"));
    }
    let arg = a.pos().get(1).cloned().unwrap_or(Value::None);
    seed(vm, r, &arg)?;
    Ok(Value::None)
}

fn random_random(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &a)?;
    Ok(Value::float(r.mt.with_mut(|mt| mt.random())))
}

fn random_getrandbits(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &a)?;
    let Some(k) = a.pos().get(1) else {
        return Err(vm.type_error("getrandbits() takes exactly one argument (0 given)"));
    };
    let k = int_arg(vm, k)?;
    let zero_ok = crate::vm::flavour::getrandbits_accepts_zero(vm.version);
    if k < 0 || (k == 0 && !zero_ok) {
        let v = vm.version.format.major_minor;
        return Err(vm.value_error(crate::vm::messages::getrandbits_bad_count(v)));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let v = r.mt.with_mut(|mt| mt.next_u32()) >> (32 - k);
        return Ok(Value::Int(v as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    r.mt.with_mut(|mt| {
        for _ in 0..words {
            let mut w = mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            out.push(w);
            left -= 32;
        }
    });
    let n = BigInt::from_slice(Sign::Plus, &out);
    Ok(match i64::try_from(&n) {
        Ok(i) => Value::Int(i),
        Err(_) => vm.new_int_big(n),
    })
}

fn random_getstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &a)?;
    let (state, index) = r.mt.with(|mt| (mt.state, mt.index));
    let mut items: Vec<Value> = state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(index as i64));
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &a)?;
    let Some(st) = a.pos().get(1).cloned() else {
        return Err(vm.type_error("setstate() takes exactly one argument (0 given)"));
    };
    let Some(Payload::Tuple(items)) = st.payload() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, v) in state.iter_mut().zip(items.iter()) {
        let n = crate::builtins::int::int_from_value(vm, v)?;
        *slot = u32::try_from(&n).map_err(|_| {
            vm.new_exception(
                &vm.types.exc.overflow_error.clone(),
                "Python int too large to convert to C unsigned long",
            )
        })?;
    }
    let index = int_arg(vm, &items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    r.mt.with_mut(|mt| {
        mt.state = state;
        mt.index = index as usize;
    });
    Ok(Value::None)
}
