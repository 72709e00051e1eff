//! The native hash modules `hashlib` builds on when there is no OpenSSL `_hashlib`:
//! `_md5`, `_sha1`, `_sha256` and `_sha512` (up to 3.11), `_sha2` (3.12+), `_sha3` and
//! `_blake2` (3.6+). One hash object type per algorithm, all with `update`, `digest`,
//! `hexdigest`, `copy`, `name`, `digest_size` and `block_size`. MD5, SHA-1, SHA-2 and
//! SHA-3 come from the RustCrypto crates (checked against the standards' vectors, and
//! faster than a hand-written copy); BLAKE2 is `super::blake2`.

use super::blake2::{Blake2Params, Blake2b, Blake2s};
use super::native_class::{self, bind, int_arg, new_instance, Method};
use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, PyCell, Value};
use crate::vm::{PyResult, Vm};
use digest::{DynDigest, ExtendableOutput, Update};
use std::cell::RefCell;

/// A running hash of any algorithm.
enum Engine {
    Fixed(Box<dyn DynDigest>),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Box<Blake2b>),
    Blake2s(Box<Blake2s>),
}

impl Clone for Engine {
    fn clone(&self) -> Engine {
        match self {
            Engine::Fixed(d) => Engine::Fixed(d.box_clone()),
            Engine::Shake128(s) => Engine::Shake128(s.clone()),
            Engine::Shake256(s) => Engine::Shake256(s.clone()),
            Engine::Blake2b(b) => Engine::Blake2b(b.clone()),
            Engine::Blake2s(b) => Engine::Blake2s(b.clone()),
        }
    }
}

impl Engine {
    fn update(&mut self, data: &[u8]) {
        match self {
            Engine::Fixed(d) => d.update(data),
            Engine::Shake128(s) => Update::update(s, data),
            Engine::Shake256(s) => Update::update(s, data),
            Engine::Blake2b(b) => b.update(data),
            Engine::Blake2s(b) => b.update(data),
        }
    }

    /// The digest so far; `length` is the output length of the SHAKE functions.
    fn digest(&self, length: usize) -> Vec<u8> {
        match self {
            Engine::Fixed(d) => d.box_clone().finalize().into_vec(),
            Engine::Shake128(s) => s.clone().finalize_boxed(length).into_vec(),
            Engine::Shake256(s) => s.clone().finalize_boxed(length).into_vec(),
            Engine::Blake2b(b) => b.digest(),
            Engine::Blake2s(b) => b.digest(),
        }
    }
}

/// One algorithm: its `name`, sizes and how a fresh state is made.
struct Algorithm {
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    fresh: fn() -> Engine,
}

fn fixed<D: DynDigest + Default + Clone + 'static>() -> Engine {
    Engine::Fixed(Box::new(D::default()))
}

/// Every algorithm; the index is the const parameter of its constructor.
const ALGORITHMS: &[Algorithm] = &[
    algo("md5", 16, 64, fixed::<md5::Md5>),
    algo("sha1", 20, 64, fixed::<sha1::Sha1>),
    algo("sha224", 28, 64, fixed::<sha2::Sha224>),
    algo("sha256", 32, 64, fixed::<sha2::Sha256>),
    algo("sha384", 48, 128, fixed::<sha2::Sha384>),
    algo("sha512", 64, 128, fixed::<sha2::Sha512>),
    algo("sha3_224", 28, 144, fixed::<sha3::Sha3_224>),
    algo("sha3_256", 32, 136, fixed::<sha3::Sha3_256>),
    algo("sha3_384", 48, 104, fixed::<sha3::Sha3_384>),
    algo("sha3_512", 64, 72, fixed::<sha3::Sha3_512>),
    algo("shake_128", 0, 168, || Engine::Shake128(Default::default())),
    algo("shake_256", 0, 136, || Engine::Shake256(Default::default())),
    // BLAKE2's state depends on its parameters: `blake2_new` makes it.
    algo("blake2b", 64, 128, || {
        Engine::Blake2b(Box::new(Blake2b::new(&Blake2Params::plain(64))))
    }),
    algo("blake2s", 32, 64, || {
        Engine::Blake2s(Box::new(Blake2s::new(&Blake2Params::plain(32))))
    }),
];

const fn algo(
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    fresh: fn() -> Engine,
) -> Algorithm {
    Algorithm {
        name,
        digest_size,
        block_size,
        fresh,
    }
}

fn index_of(name: &str) -> usize {
    ALGORITHMS.iter().position(|a| a.name == name).unwrap_or(0)
}

/// The state of a hash object.
struct Hash {
    algorithm: usize,
    /// The digest size (BLAKE2's is a parameter).
    digest_size: usize,
    engine: PyCell<Engine>,
}

thread_local! {
    /// The hash object type of each algorithm, once its module was imported.
    static TYPES: RefCell<Vec<Option<ObjRef>>> = const { RefCell::new(Vec::new()) };
}

const METHODS: &[Method] = &[
    ("update", hash_update, BuiltinKind::Method),
    ("digest", hash_digest, BuiltinKind::Method),
    ("hexdigest", hash_hexdigest, BuiltinKind::Method),
    ("copy", hash_copy, BuiltinKind::Method),
];

/// A hash module: `module` holding a constructor for each of `algorithms`.
fn hash_module(vm: &mut Vm, module: &str, algorithms: &[&'static str]) -> PyResult<ObjRef> {
    let m = native_class::module_with(vm, module, &[]);
    for name in algorithms {
        let i = index_of(name);
        let t = native_class::new_class(vm, module, name, Vec::new(), METHODS)?;
        vm.add_getset(
            &t,
            "name",
            |vm, a| {
                let name = algorithm(vm, &a)?.name;
                Ok(if crate::vm::flavour::hash_names_upper_case(vm.version) {
                    vm.new_str(&name.to_ascii_uppercase())
                } else {
                    vm.new_str(name)
                })
            },
            None,
        );
        vm.add_getset(&t, "digest_size", hash_digest_size, None);
        vm.add_getset(
            &t,
            "block_size",
            |vm, a| Ok(Value::Int(algorithm(vm, &a)?.block_size as i64)),
            None,
        );
        TYPES.with(|types| {
            let mut types = types.borrow_mut();
            if types.len() < ALGORITHMS.len() {
                types.resize(ALGORITHMS.len(), None);
            }
            types[i] = Some(t.clone());
        });
        let f = vm.new_builtin(name, CONSTRUCTORS[i], BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    Ok(m)
}

/// The constructor of each algorithm of `ALGORITHMS`, in its order.
const CONSTRUCTORS: [NativeFn; 14] = [
    new_hash::<0>,
    new_hash::<1>,
    new_hash::<2>,
    new_hash::<3>,
    new_hash::<4>,
    new_hash::<5>,
    new_hash::<6>,
    new_hash::<7>,
    new_hash::<8>,
    new_hash::<9>,
    new_hash::<10>,
    new_hash::<11>,
    blake2_new::<true>,
    blake2_new::<false>,
];

/// `_md5`; 2.x's constructor is `new` (3.x's `md5`).
pub fn md5_module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = hash_module(vm, "_md5", &["md5"])?;
    if crate::vm::flavour::python2_builtins(vm.version) {
        alias_new(vm, &m, "md5");
    }
    Ok(m)
}

/// `_sha1` (3.x).
pub fn sha1_module(vm: &mut Vm) -> PyResult<ObjRef> {
    hash_module(vm, "_sha1", &["sha1"])
}

/// `_sha` (2.x's SHA-1 module, whose constructor is `new`).
pub fn sha_module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = hash_module(vm, "_sha", &["sha1"])?;
    alias_new(vm, &m, "sha1");
    Ok(m)
}

/// Names the constructor `constructor` of module `m` `new` as well, as 2.x's modules do.
fn alias_new(vm: &mut Vm, m: &ObjRef, constructor: &str) {
    let f = vm.new_builtin(
        "new",
        CONSTRUCTORS[index_of(constructor)],
        BuiltinKind::Function,
        None,
    );
    vm.module_set(m, "new", f);
}

/// `_sha256` (up to 3.11).
pub fn sha256_module(vm: &mut Vm) -> PyResult<ObjRef> {
    hash_module(vm, "_sha256", &["sha224", "sha256"])
}

/// `_sha512` (up to 3.11).
pub fn sha512_module(vm: &mut Vm) -> PyResult<ObjRef> {
    hash_module(vm, "_sha512", &["sha384", "sha512"])
}

/// `_sha2` (3.12+).
pub fn sha2_module(vm: &mut Vm) -> PyResult<ObjRef> {
    hash_module(vm, "_sha2", &["sha224", "sha256", "sha384", "sha512"])
}

/// `_sha3`.
pub fn sha3_module(vm: &mut Vm) -> PyResult<ObjRef> {
    hash_module(
        vm,
        "_sha3",
        &[
            "sha3_224",
            "sha3_256",
            "sha3_384",
            "sha3_512",
            "shake_128",
            "shake_256",
        ],
    )
}

/// `_blake2`, with its size constants on the module and on each type.
pub fn blake2_module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = hash_module(vm, "_blake2", &["blake2b", "blake2s"])?;
    for (prefix, salt, person, key, digest) in
        [("BLAKE2B", 16, 16, 64, 64), ("BLAKE2S", 8, 8, 32, 32)]
    {
        for (suffix, value) in [
            ("SALT_SIZE", salt),
            ("PERSON_SIZE", person),
            ("MAX_KEY_SIZE", key),
            ("MAX_DIGEST_SIZE", digest),
        ] {
            vm.module_set(&m, &format!("{prefix}_{suffix}"), Value::Int(value));
        }
    }
    Ok(m)
}

fn hash_of<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<&'a Hash> {
    native_class::this::<Hash>(vm, a, "update", "hash object")
}

fn algorithm(vm: &Vm, a: &Args<'_>) -> PyResult<&'static Algorithm> {
    Ok(&ALGORITHMS[hash_of(vm, a)?.algorithm])
}

fn hash_digest_size(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(hash_of(vm, &a)?.digest_size as i64))
}

/// The bytes of the data argument: str is refused with CPython's message (2.x takes its
/// byte `str`, and a `unicode` in ASCII).
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if crate::vm::flavour::python2_builtins(vm.version) {
        if let Some(s) = v
            .as_str()
            .filter(|_| crate::builtins::py2::text::is_unicode(vm, v))
        {
            let text: Vec<u32> = s.as_str().chars().map(|c| c as u32).collect();
            return crate::builtins::codecs::encode(vm, &text, "ascii", "strict");
        }
    } else if v.as_str().is_some() {
        let message = crate::vm::messages::hash_needs_bytes(vm.version.format.major_minor);
        return Err(vm.type_error(message));
    }
    buffer_arg(vm, v).ok_or_else(|| {
        let t = vm.type_name(v);
        vm.type_error(&format!(
            "object supporting the buffer API required, not '{t}'"
        ))
    })
}

fn wrap(vm: &mut Vm, algorithm: usize, digest_size: usize, engine: Engine) -> PyResult<Value> {
    let t = TYPES.with(|types| types.borrow().get(algorithm).cloned().flatten());
    let Some(t) = t else {
        return Err(vm.system_error("hash type missing"));
    };
    let state = Hash {
        algorithm,
        digest_size,
        engine: PyCell::new(engine),
    };
    Ok(Value::Obj(new_instance(vm, &t, state)))
}

/// `md5(string=b'', *, usedforsecurity=True)` and the like.
fn new_hash<const A: usize>(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let algo = &ALGORITHMS[A];
    let a = bind(vm, a, algo.name, &["string", "usedforsecurity"], 0, false)?;
    let mut engine = (algo.fresh)();
    if let Some(v) = a[0].as_ref() {
        let data = data_arg(vm, v)?;
        engine.update(&data);
    }
    wrap(vm, A, algo.digest_size, engine)
}

/// `blake2b(data=b'', /, *, digest_size, key, salt, person, fanout, depth, leaf_size,
/// node_offset, node_depth, inner_size, last_node, usedforsecurity)`, and `blake2s`.
fn blake2_new<const WIDE: bool>(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (name, max, salt_max) = if WIDE {
        ("blake2b", 64i64, 16usize)
    } else {
        ("blake2s", 32, 8)
    };
    let a = bind(
        vm,
        a,
        name,
        &[
            "data",
            "digest_size",
            "key",
            "salt",
            "person",
            "fanout",
            "depth",
            "leaf_size",
            "node_offset",
            "node_depth",
            "inner_size",
            "last_node",
            "usedforsecurity",
        ],
        0,
        false,
    )?;
    let int = |vm: &mut Vm, i: usize, default: i64| match &a[i] {
        Some(v) => int_arg(vm, v),
        None => Ok(default),
    };
    let bytes = |vm: &mut Vm, i: usize| match &a[i] {
        Some(v) => data_arg(vm, v),
        None => Ok(Vec::new()),
    };
    let digest_size = int(vm, 1, max)?;
    if !(1..=max).contains(&digest_size) {
        return Err(vm.value_error(&format!("digest_size must be between 1 and {max} bytes")));
    }
    let key = bytes(vm, 2)?;
    let salt = bytes(vm, 3)?;
    if salt.len() > salt_max {
        return Err(vm.value_error(&format!("maximum salt length is {salt_max} bytes")));
    }
    let person = bytes(vm, 4)?;
    if person.len() > salt_max {
        return Err(vm.value_error(&format!("maximum person length is {salt_max} bytes")));
    }
    let fanout = int(vm, 5, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    let depth = int(vm, 6, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let leaf_size = int(vm, 7, 0)?;
    if !(0..=i64::from(u32::MAX)).contains(&leaf_size) {
        return Err(crate::builtins::numeric::overflow_error(
            vm,
            "leaf_size is too large",
        ));
    }
    let node_offset = int(vm, 8, 0)?;
    if node_offset < 0 || (!WIDE && node_offset >= 1 << 48) {
        return Err(crate::builtins::numeric::overflow_error(
            vm,
            "node_offset is too large",
        ));
    }
    let node_depth = int(vm, 9, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int(vm, 10, 0)?;
    if !(0..=max).contains(&inner_size) {
        return Err(vm.value_error(&format!("inner_size must be between 0 and is {max}")));
    }
    if key.len() as i64 > max {
        return Err(vm.value_error(&format!("maximum key length is {max} bytes")));
    }
    let last_node = match &a[11] {
        Some(v) => vm.truthy(&v.clone())?,
        None => false,
    };
    let params = Blake2Params {
        digest_size: digest_size as usize,
        key: &key,
        salt: &salt,
        person: &person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset: node_offset as u64,
        node_depth: node_depth as u8,
        inner_size: inner_size as u8,
        last_node,
    };
    let mut engine = if WIDE {
        Engine::Blake2b(Box::new(Blake2b::new(&params)))
    } else {
        Engine::Blake2s(Box::new(Blake2s::new(&params)))
    };
    if let Some(v) = &a[0] {
        let data = data_arg(vm, v)?;
        engine.update(&data);
    }
    wrap(vm, index_of(name), digest_size as usize, engine)
}

fn hash_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let h = hash_of(vm, &a)?;
    let Some(v) = a.pos().get(1) else {
        return Err(vm.type_error("update() takes exactly one argument (0 given)"));
    };
    let data = data_arg(vm, v)?;
    h.engine.with_mut(|e| e.update(&data));
    Ok(Value::None)
}

/// The digest of `self`; the SHAKE functions take the output `length`.
fn digest_bytes(vm: &mut Vm, a: &Args<'_>, method: &str) -> PyResult<Vec<u8>> {
    let h = hash_of(vm, a)?;
    let mut length = 0;
    if ALGORITHMS[h.algorithm].digest_size == 0 {
        let Some(v) = a.pos().get(1) else {
            return Err(vm.type_error(&format!(
                "{method}() missing required argument 'length' (pos 1)"
            )));
        };
        let n = int_arg(vm, v)?;
        if n < 0 {
            return Err(vm.value_error("negative digest length"));
        }
        length = n as usize;
    }
    Ok(h.engine.with(|e| e.digest(length)))
}

fn hash_digest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = digest_bytes(vm, &a, "digest")?;
    Ok(new_bytes(vm, d))
}

fn hash_hexdigest(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = digest_bytes(vm, &a, "hexdigest")?;
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(&hex))
}

fn hash_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let h = hash_of(vm, &a)?;
    let engine = h.engine.with(|e| e.clone());
    wrap(vm, h.algorithm, h.digest_size, engine)
}
