//! The native `_sha512` (up to 3.11; `random.py` imports `sha512` from it): SHA-512 and
//! SHA-384 as FIPS 180-4 defines them. The round constants and initial values are
//! derived at first use from the primes (the fractional bits of their cube and square
//! roots), as the standard specifies them, rather than written out.

use super::native_class::{self, bind, new_instance, Method};
use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, BuiltinKind, ObjRef, PyCell, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigUint;
use std::cell::RefCell;

/// The first `n` primes.
fn primes(n: usize) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(n);
    let mut c = 2u32;
    while out.len() < n {
        if out.iter().all(|p| !c.is_multiple_of(*p)) {
            out.push(c);
        }
        c += 1;
    }
    out
}

/// The 64 bits after the binary point of the `k`-th root of `p`.
fn root_bits(p: u32, k: u32) -> u64 {
    let scaled = BigUint::from(p) << (64 * k as usize);
    let r = if k == 2 { scaled.sqrt() } else { scaled.cbrt() };
    let digits = r.to_u64_digits();
    digits.first().copied().unwrap_or(0)
}

/// (round constants, SHA-512 initial values, SHA-384 initial values).
struct Constants {
    k: [u64; 80],
    iv512: [u64; 8],
    iv384: [u64; 8],
}

thread_local! {
    static CONSTANTS: RefCell<Option<std::rc::Rc<Constants>>> = const { RefCell::new(None) };
    static TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

fn constants() -> std::rc::Rc<Constants> {
    CONSTANTS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let ps = primes(80);
                let mut k = [0u64; 80];
                for (slot, p) in k.iter_mut().zip(&ps) {
                    *slot = root_bits(*p, 3);
                }
                let mut iv512 = [0u64; 8];
                let mut iv384 = [0u64; 8];
                for i in 0..8 {
                    iv512[i] = root_bits(ps[i], 2);
                    iv384[i] = root_bits(ps[i + 8], 2);
                }
                std::rc::Rc::new(Constants { k, iv512, iv384 })
            })
            .clone()
    })
}

/// A running hash.
#[derive(Clone)]
struct Sha {
    h: [u64; 8],
    pending: Vec<u8>,
    total: u128,
    /// 64 (SHA-512) or 48 (SHA-384).
    size: usize,
}

impl Sha {
    fn new(size: usize) -> Sha {
        let c = constants();
        Sha {
            h: if size == 64 { c.iv512 } else { c.iv384 },
            pending: Vec::new(),
            total: 0,
            size,
        }
    }

    fn compress(h: &mut [u64; 8], block: &[u8], k: &[u64; 80]) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }

    fn update(&mut self, data: &[u8]) {
        let k = constants();
        self.total += data.len() as u128;
        self.pending.extend_from_slice(data);
        let full = self.pending.len() / 128 * 128;
        for block in self.pending[..full].chunks(128) {
            Sha::compress(&mut self.h, block, &k.k);
        }
        self.pending.drain(..full);
    }

    fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bits = s.total * 8;
        let mut tail = vec![0x80u8];
        while (s.pending.len() + tail.len()) % 128 != 112 {
            tail.push(0);
        }
        tail.extend_from_slice(&bits.to_be_bytes());
        let total = s.total;
        s.update(&tail);
        s.total = total;
        let mut out: Vec<u8> = s.h.iter().flat_map(|w| w.to_be_bytes()).collect();
        out.truncate(self.size);
        out
    }
}

/// A `_sha512.sha512` object.
struct Hash {
    sha: PyCell<Sha>,
}

const METHODS: &[Method] = &[
    ("update", hash_update, BuiltinKind::Method),
    ("digest", hash_digest, BuiltinKind::Method),
    ("hexdigest", hash_hexdigest, BuiltinKind::Method),
    ("copy", hash_copy, BuiltinKind::Method),
];

/// `_sha512`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = native_class::module_with(
        vm,
        "_sha512",
        &[
            ("sha512", |vm, a| new_hash(vm, a, "sha512", 64)),
            ("sha384", |vm, a| new_hash(vm, a, "sha384", 48)),
        ],
    );
    let t = native_class::new_class(vm, "_sha512", "sha512", Vec::new(), METHODS)?;
    vm.add_getset(
        &t,
        "name",
        |vm, a| {
            let size = this(vm, &a)?.sha.with(|s| s.size);
            Ok(vm.new_str(if size == 64 { "sha512" } else { "sha384" }))
        },
        None,
    );
    vm.add_getset(
        &t,
        "digest_size",
        |vm, a| Ok(Value::Int(this(vm, &a)?.sha.with(|s| s.size) as i64)),
        None,
    );
    vm.add_getset(&t, "block_size", |_, _| Ok(Value::Int(128)), None);
    TYPE.with(|c| *c.borrow_mut() = Some(t));
    Ok(m)
}

fn this<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Hash> {
    native_class::this::<Hash>(vm, a, "update", "_sha512.sha512")
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    buffer_arg(vm, v).ok_or_else(|| {
        let t = vm.type_name(v);
        vm.type_error(&format!(
            "object supporting the buffer API required, not '{t}'"
        ))
    })
}

fn wrap(vm: &mut Vm, sha: Sha) -> PyResult<Value> {
    let Some(t) = TYPE.with(|c| c.borrow().clone()) else {
        return Err(vm.system_error("_sha512 type missing"));
    };
    Ok(Value::Obj(new_instance(
        vm,
        &t,
        Hash {
            sha: PyCell::new(sha),
        },
    )))
}

fn new_hash(vm: &mut Vm, a: Args<'_>, name: &str, size: usize) -> PyResult<Value> {
    let a = bind(vm, a, name, &["string", "usedforsecurity"], 0, false)?;
    let mut sha = Sha::new(size);
    if let Some(v) = a[0].as_ref() {
        let data = data_arg(vm, v)?;
        sha.update(&data);
    }
    wrap(vm, sha)
}

fn hash_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let h = this(vm, &a)?;
    let Some(v) = a.pos().get(1) else {
        return Err(vm.type_error("update() takes exactly one argument (0 given)"));
    };
    let data = data_arg(vm, v)?;
    h.sha.with_mut(|s| s.update(&data));
    Ok(Value::None)
}

fn hash_digest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?.sha.with(|s| s.digest());
    Ok(new_bytes(vm, d))
}

fn hash_hexdigest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &a)?.sha.with(|s| s.digest());
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(&hex))
}

fn hash_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = this(vm, &a)?.sha.get();
    wrap(vm, s)
}
